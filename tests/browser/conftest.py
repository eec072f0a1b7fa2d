"""Fixtures of the browser tests: one Chromium and one demo-mode `scenegen serve`."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect, sync_playwright

from tests.browser.pages import CHROMIUM, INSTALL_HINT, launch_chromium
from tests.browser.servers import TOKEN
from tests.e2e.processes import scenegen_serve

# Playwright's assertions wait for their condition; 5 s by default is too short on a busy CI
# machine (a drawn-picture wait of 15 s timed out with one core kept busy). They still end as
# soon as the condition holds.
expect.set_options(timeout=30_000)


@pytest.fixture(scope="package")
def chromium() -> Iterator[Browser]:
    """Stopped after this package: Playwright's sync API keeps an event loop of its own."""
    if not Path(CHROMIUM).is_file():
        pytest.fail(INSTALL_HINT, pytrace=False)
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="package")
def demo_service() -> Iterator[str]:
    """The base URL of a real `scenegen serve` in demo mode."""
    with scenegen_serve({"INTERNAL_TOKEN": TOKEN}) as base_url:
        yield base_url
