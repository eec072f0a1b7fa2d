"""The demo page on a service with API keys (AUTH_MODE=api-keys): it asks for a key, keeps it
for the browser session only, sends it with every call, draws the job's map and lists the
key's jobs from GET /jobs."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.pages import recorded_page, wait_for_picture
from tests.browser.servers import TOKEN
from tests.e2e.processes import scenegen_serve

KEY = "sg_" + "d4" * 20
PROMPT = "a village with a well and three houses"
# Chrome logs every 4xx answer to fetch() on the console; a refused key is one.
_FAILED_LOAD = re.compile(r"^Failed to load resource: the server responded with a status of 4\d\d")


@pytest.fixture(scope="module")
def keyed_service() -> Iterator[str]:
    env = {"INTERNAL_TOKEN": TOKEN, "AUTH_MODE": "api-keys", "API_KEYS": f"page:{KEY}"}
    with scenegen_serve(env) as base_url:
        yield base_url


def test_the_page_asks_for_a_key_and_then_generates_draws_and_lists(
    chromium: Browser, keyed_service: str
) -> None:
    with recorded_page(chromium, keyed_service) as recorded:
        page = recorded.page
        recorded.goto()
        expect(page.locator("#key-form")).to_be_visible()

        page.fill("#api-key", KEY)
        page.click("#save-key")
        expect(page.locator("#forget-key")).to_be_visible()
        recorded.generate(PROMPT, seed=3)
        wait_for_picture(page)
        expect(page.locator("#mine-list li")).to_have_count(1)
        expect(page.locator("#mine-list li a")).to_have_text(PROMPT)

        assert page.evaluate("() => sessionStorage.getItem('scenegen.apiKey')") == KEY
        assert KEY not in str(page.evaluate("() => JSON.stringify(localStorage)"))
        assert recorded.foreign_requests() == []
        assert not [e for e in recorded.errors if not _FAILED_LOAD.match(e)], recorded.errors


def test_a_wrong_key_is_refused_and_asked_again(chromium: Browser, keyed_service: str) -> None:
    with recorded_page(chromium, keyed_service) as recorded:
        page = recorded.page
        recorded.goto()
        page.fill("#api-key", "sg_" + "0" * 40)
        page.click("#save-key")
        recorded.generate(PROMPT, seed=3)
        expect(page.locator("#key-message")).to_have_text(re.compile("refused this key"))
