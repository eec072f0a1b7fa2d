"""The demo page's weight on first load and the time from Generate to the drawn scene.

    .venv/bin/python bench/bench_web_page.py [--runs 5]

Starts `scenegen serve` in demo mode on a free loopback port and drives Debian's Chromium
(scripts/install_browser.sh). Weight: every response of a first visit with an empty cache, as
Chromium counts it (headers and body). Time: from the click on Generate to the SVG on screen,
measured by the test driver around the click and by the page itself (`performance.now()`
from submit to drawn), median of the runs; the "Village street" example at seed 4, 48x24.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Browser, Request, sync_playwright

from scripts.screenshot_page import EXAMPLE, SEED, demo_service
from tests.browser.pages import CHROMIUM, INSTALL_HINT, launch_chromium, wait_for_picture


def first_load(browser: Browser, base_url: str) -> tuple[int, int, int]:
    """(requests, header bytes, body bytes) of a first visit with an empty cache."""
    context = browser.new_context()
    page = context.new_page()
    requests: list[Request] = []

    def finished(request: Request) -> None:
        requests.append(request)

    page.on("requestfinished", finished)
    page.goto(base_url + "/", wait_until="networkidle")
    sizes = [request.sizes() for request in requests]
    context.close()
    headers = sum(size["responseHeadersSize"] for size in sizes)
    bodies = sum(size["responseBodySize"] for size in sizes)
    return len(sizes), headers, bodies


def generate_to_drawn(browser: Browser, base_url: str) -> tuple[float, float]:
    """(ms around the click, ms the page measured) for one Generate on a loaded page."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "/")
    page.get_by_role("button", name=EXAMPLE).click()
    page.fill("#seed", str(SEED))
    started = time.perf_counter()
    page.click("#generate")
    wait_for_picture(page)
    around = (time.perf_counter() - started) * 1000
    measured = float(page.locator("#job-timing").get_attribute("data-ms") or "nan")
    context.close()
    return around, measured


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not Path(CHROMIUM).is_file():
        print(INSTALL_HINT, file=sys.stderr)
        return 2
    with demo_service() as base_url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        count, headers, bodies = first_load(browser, base_url)
        generate_to_drawn(
            browser, base_url
        )  # warm-up: the server's first job imports the generator
        runs = [generate_to_drawn(browser, base_url) for _ in range(args.runs)]
        browser.close()
    print(
        f"First load of /: {count} requests, {headers + bodies} bytes transferred "
        f"({bodies} body + {headers} headers, uncompressed)"
    )
    around = [run[0] for run in runs]
    measured = [run[1] for run in runs]
    print(f"Generate to drawn scene, demo mode, median of {args.runs} (after one warm-up):")
    print(
        f"  measured by the page (submit to SVG):   {statistics.median(measured):6.0f} ms  "
        f"(runs: {', '.join(f'{m:.0f}' for m in measured)})"
    )
    print(
        f"  measured by the driver (click to SVG):  {statistics.median(around):6.0f} ms  "
        f"(runs: {', '.join(f'{a:.0f}' for a in around)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
