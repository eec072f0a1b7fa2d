"""Chromium from Debian driven by Playwright, and pages that record what they do."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Request
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

CHROMIUM = os.environ.get("SCENEGEN_CHROMIUM", "/usr/bin/chromium")
INSTALL_HINT = (
    f"Chromium is missing at {CHROMIUM}: install Debian's package with "
    "`sudo apt-get update && sudo apt-get install -y chromium` (or run scripts/install_browser.sh)"
)
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"


def launch_chromium(playwright: Playwright) -> Browser:
    """The system Chromium; Playwright never downloads a browser here."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])


@dataclass
class RecordedPage:
    """A page, every request it made and every console error or uncaught exception."""

    page: Page
    base_url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def goto(self, path: str = "/") -> None:
        self.page.goto(self.base_url + path)

    def generate(self, prompt: str, seed: int | None = None) -> None:
        """Type `prompt` (and `seed`) and press Generate."""
        self.page.fill("#prompt", prompt)
        if seed is not None:
            self.page.fill("#seed", str(seed))
        self.page.click("#generate")

    def foreign_requests(self) -> list[str]:
        """Requests that left the page's origin (blob: and data: URLs stay in the page)."""
        origin = urlsplit(self.base_url)
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("blob", "data")
            and (urlsplit(url).scheme, urlsplit(url).netloc) != (origin.scheme, origin.netloc)
        ]

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=str(path), full_page=True)
        return path


PICTURE_LOADED = """() => {
  const picture = document.getElementById("scene-picture");
  return picture !== null && picture.dataset.state === "loaded" && picture.complete
    && picture.naturalWidth > 0;
}"""
"""True once the page's <img> holds the job's SVG map, decoded (a condition to wait on)."""


def wait_for_picture(page: Page, timeout_ms: float = 15_000) -> None:
    """Wait until the SVG map is shown (loaded and decoded by the browser); if it never is,
    fail saying what the page showed instead (the job's status, its message, the picture's
    state), not only that the wait ran out."""
    try:
        page.wait_for_function(PICTURE_LOADED, timeout=timeout_ms)
    except PlaywrightTimeoutError as timeout:
        raise AssertionError(
            f"no picture after {timeout_ms / 1000:.0f} s; the page showed {_page_state(page)}"
        ) from timeout


_PAGE_STATE = """() => ({
  job: document.getElementById("job-id")?.textContent,
  status: document.getElementById("job-status")?.textContent,
  message: document.getElementById("job-message")?.textContent,
  steps: document.getElementById("steps")?.textContent,
  picture: document.getElementById("scene-picture")?.dataset.state,
  src: document.getElementById("scene-picture")?.getAttribute("src"),
  formError: document.getElementById("form-error")?.textContent,
  submitting: document.getElementById("generate")?.disabled,
  prompt: document.getElementById("prompt")?.value,
  size: [document.getElementById("width")?.value, document.getElementById("height")?.value],
  fieldErrors: [...document.querySelectorAll(".field-error:not([hidden])")]
    .map((n) => n.textContent),
  location: location.href,
  loaded: performance.getEntriesByType("resource").slice(-8)
    .map((e) => `${e.name.replace(location.origin, "")} ${Math.round(e.duration)} ms`),
})"""


def _page_state(page: Page) -> object:
    try:
        return page.evaluate(_PAGE_STATE)
    except PlaywrightError as error:  # (a page that crashed has no state to show)
        return f"nothing readable ({error})"


@contextmanager
def recorded_page(browser: Browser, base_url: str, *, width: int = 1440) -> Iterator[RecordedPage]:
    """A fresh context (its own local storage) with one page at `width` CSS pixels."""
    context = browser.new_context(
        viewport={"width": width, "height": 900}, accept_downloads=True, base_url=base_url
    )
    page = context.new_page()
    recorded = RecordedPage(page=page, base_url=base_url)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            recorded.errors.append(message.text)

    def on_request(request: Request) -> None:
        recorded.requests.append(request.url)

    page.on("console", on_console)
    page.on("pageerror", lambda error: recorded.errors.append(f"uncaught: {error}"))
    page.on("request", on_request)
    try:
        yield recorded
    finally:
        context.close()
