"""Regenerates docs/web-page.png, the picture of the demo page in docs/web-page.md.

    .venv/bin/python scripts/screenshot_page.py [--out docs/web-page.png]   (or: make screenshot)

Starts `scenegen serve` in demo mode on a free loopback port, generates the "Village street"
example at seed 4 in Debian's Chromium (scripts/install_browser.sh installs it) and saves the
page 1440 px wide.
"""

import argparse
import secrets
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import expect, sync_playwright

from tests.browser.pages import CHROMIUM, INSTALL_HINT, launch_chromium, wait_for_picture
from tests.managed_process import free_port, managed_process

ROOT = Path(__file__).resolve().parent.parent

SCENEGEN = str(Path(sys.executable).parent / "scenegen")
EXAMPLE = "Village street"
SEED = 4


@contextmanager
def demo_service() -> Iterator[str]:
    """The base URL of a `scenegen serve` in demo mode, stopped afterwards."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    with (
        tempfile.TemporaryDirectory() as workdir,
        managed_process(
            "scenegen serve",
            [SCENEGEN, "serve", "--port", str(port)],
            log_path=Path(workdir) / "serve.log",
            env={"INTERNAL_TOKEN": secrets.token_urlsafe(24)},
            ready_url=f"{base_url}/healthz",
        ),
    ):
        yield base_url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "web-page.png")
    args = parser.parse_args()
    if not Path(CHROMIUM).is_file():
        print(INSTALL_HINT, file=sys.stderr)
        return 2
    with demo_service() as base_url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(base_url + "/")
        page.get_by_role("button", name=EXAMPLE).click()
        page.fill("#seed", str(SEED))
        page.click("#generate")
        wait_for_picture(page, 15_000)
        expect(page.locator("#minimap")).to_contain_text("Legend:")
        args.out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.out), full_page=True)
        browser.close()
    print(f"{args.out} ({args.out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
