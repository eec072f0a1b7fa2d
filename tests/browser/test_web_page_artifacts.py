"""The page's persistent-mode path without an emulator: the status view carries links on
another origin only, so the page reads the artifacts from `GET /status/{id}/scene-graph.json`
and `/minimap.txt` on its own origin, and retries when the artifact store does not answer.

The same against S3 on MiniStack: test_web_page_persistent.py.
"""

import re

from playwright.sync_api import Browser, expect

from tests.browser.pages import recorded_page, wait_for_picture
from tests.browser.servers import LinkingArtifactStore, in_process_service

PROMPT = "a village with three houses north of a river"
DRAWN_TIMEOUT_MS = 60_000  # a wait on a condition, not a speed limit: CI machines are busy
# Chrome logs every failed fetch() on the console; a page showing a 503 expects it.
_UNAVAILABLE = re.compile(r"^Failed to load resource: the server responded with a status of 503")


def test_links_only_result_is_drawn_from_the_api_and_never_fetched_from_the_bucket(
    chromium: Browser,
) -> None:
    with (
        in_process_service(artifact_store=LinkingArtifactStore()) as base_url,
        recorded_page(chromium, base_url) as recorded,
    ):
        recorded.goto("/")
        recorded.generate(PROMPT, seed=3)
        page = recorded.page
        wait_for_picture(page, DRAWN_TIMEOUT_MS)
        expect(page.locator("#minimap")).to_contain_text("Legend:")
        expect(page.locator("#relations li")).to_have_count(3)
        expect(page.locator("#result-note")).to_be_hidden()
        job_id = page.locator("#job-id").inner_text()
        expect(page.locator("#download-graph")).to_have_attribute(
            "href", f"/status/{job_id}/scene-graph.json"
        )
        # The picture is read from this origin too, never from the link on the bucket.
        expect(page.locator("#scene-picture")).to_have_attribute(
            "src", f"/status/{job_id}/scene.svg"
        )
        expect(page.locator("#download-svg")).to_have_attribute(
            "href", f"/status/{job_id}/scene.svg"
        )
        assert recorded.errors == []
        assert recorded.foreign_requests() == []


def test_an_unavailable_store_is_retried_after_retry_after(chromium: Browser) -> None:
    store = LinkingArtifactStore(unavailable_reads=1)
    with (
        in_process_service(artifact_store=store) as base_url,
        recorded_page(chromium, base_url) as recorded,
    ):
        recorded.goto("/")
        recorded.generate(PROMPT, seed=3)
        page = recorded.page
        wait_for_picture(page, DRAWN_TIMEOUT_MS)
        expect(page.locator("#minimap")).to_contain_text("Legend:")
        # One file met the 503 and was read again; the other, read fine the first time, came
        # back from the browser's cache (`private, max-age`) when the page tried again; then
        # the picture, read once.
        assert store.reads == 4
        assert len(recorded.errors) == 1
        assert _UNAVAILABLE.match(recorded.errors[0]), recorded.errors
        assert recorded.foreign_requests() == []


def test_a_store_that_stays_unavailable_is_reported_in_words(chromium: Browser) -> None:
    store = LinkingArtifactStore(unavailable_reads=1_000)
    with (
        in_process_service(artifact_store=store) as base_url,
        recorded_page(chromium, base_url) as recorded,
    ):
        recorded.goto("/")
        recorded.generate(PROMPT, seed=3)
        page = recorded.page
        expect(page.locator("#job-status")).to_have_text("done", timeout=DRAWN_TIMEOUT_MS)
        expect(page.locator("#result-note")).to_have_text(
            "The scene could not be read: The artifact store is unavailable; retry shortly.",
            timeout=DRAWN_TIMEOUT_MS,
        )
        expect(page.locator("#views")).to_be_hidden()
        expect(page.locator("#scene-picture")).not_to_have_attribute("src", re.compile("."))
        assert store.reads == 8  # the first try and three retries, two files each
        assert recorded.errors and all(_UNAVAILABLE.match(e) for e in recorded.errors)
        assert recorded.foreign_requests() == []
