"""The page against a persistent stack (MiniStack): it links the presigned artifacts.

The artifacts live in S3, on another origin. The page's Content-Security-Policy allows
connections to its own origin only and the bucket has no CORS rule for it, so the page does
not fetch them to draw: it says so and links them (a navigation, not a fetch).
"""

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, expect

from infrastructure.artifact_validation import minimap_problems, scene_graph_problems
from tests.browser.pages import recorded_page
from tests.e2e.persistent_stack import (
    PersistentStack,
    Service,
    delete_resources,
    get_job,
    provision_resources,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def persistent_api(aws_endpoint: str, tmp_path: Path) -> Iterator[Service]:
    """One API and one worker on freshly provisioned resources."""
    resources = provision_resources(aws_endpoint, tmp_path)
    try:
        with PersistentStack(resources, tmp_path) as stack:
            api = stack.start_api()
            stack.start_worker(api.url)
            yield api
    finally:
        delete_resources(resources)


def test_persistent_mode_links_the_presigned_artifacts(
    chromium: Browser, persistent_api: Service
) -> None:
    with recorded_page(chromium, persistent_api.url) as recorded:
        recorded.goto("/")
        recorded.generate("a village with three houses north of a river", seed=3)
        page = recorded.page
        expect(page.locator("#job-status")).to_have_text("done", timeout=60_000)
        expect(page.locator("#result-note")).to_contain_text("object storage")
        expect(page.locator("#views")).to_be_hidden()
        expect(page.locator("#scene svg")).to_have_count(0)
        expect(page.locator("#downloads-expiry")).to_contain_text("The links expire at")
        expect(page.locator("#steps li")).to_have_count(5)

        job = get_job(persistent_api.url, page.locator("#job-id").inner_text())
        graph_link = page.locator("#download-graph").get_attribute("href") or ""
        minimap_link = page.locator("#download-minimap").get_attribute("href") or ""
        assert graph_link.split("?")[0] == job["result"]["sceneGraphUrl"].split("?")[0]
        assert minimap_link.split("?")[0] == job["result"]["asciiMinimapUrl"].split("?")[0]
        graph = httpx.get(graph_link, timeout=10.0)
        minimap = httpx.get(minimap_link, timeout=10.0)
        assert graph.status_code == minimap.status_code == 200
        assert scene_graph_problems(graph.json()) == []
        assert minimap_problems(minimap.text, width=48, height=24) == []

        assert recorded.errors == []
        assert recorded.foreign_requests() == []  # nothing fetched from the bucket's origin
