"""The page against a persistent stack (MiniStack): it draws the scene from the API's origin.

The artifacts live in S3, on another origin: the page's Content-Security-Policy allows
connections to its own origin only and the bucket has no CORS rule for it. So the page reads
them through `GET /status/{id}/scene-graph.json` and `/minimap.txt`, which the API serves from
the artifact store (GetObject), and draws them as in demo mode. Nothing leaves the origin.
"""

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, expect

from infrastructure.artifact_validation import minimap_problems, scene_graph_problems
from infrastructure.time_and_randomness import RandomJobIds
from tests.browser.pages import recorded_page, wait_for_picture
from tests.e2e.persistent_stack import (
    PersistentStack,
    Service,
    delete_resources,
    get_job,
    provision_resources,
)

pytestmark = pytest.mark.e2e

DRAWN_TIMEOUT_MS = 60_000


@pytest.fixture
def persistent_api(aws_endpoint: str, tmp_path: Path) -> Iterator[Service]:
    """One API and one worker on freshly provisioned resources, open (AUTH_MODE=none, set
    explicitly: persistent mode wants keys by default). This is about reading artifacts through
    the API; the page's key form has its own tests (test_web_page_keys.py)."""
    resources = provision_resources(aws_endpoint, tmp_path)
    try:
        with PersistentStack(resources, tmp_path) as stack:
            api = stack.start_api(AUTH_MODE="none")
            stack.start_worker(api.url)
            yield api
    finally:
        delete_resources(resources)


def _count_nodes(children: list[dict[str, Any]]) -> int:
    return sum(1 + _count_nodes(node["children"]) for node in children)


def test_persistent_mode_draws_the_scene_read_through_the_api(
    chromium: Browser, persistent_api: Service
) -> None:
    base_url = persistent_api.url
    with recorded_page(chromium, base_url) as recorded:
        recorded.goto("/")
        recorded.generate("a village with three houses north of a river", seed=3)
        page = recorded.page
        expect(page.locator("#job-status")).to_have_text("done", timeout=DRAWN_TIMEOUT_MS)
        wait_for_picture(page, DRAWN_TIMEOUT_MS)
        expect(page.locator("#minimap")).to_contain_text("Legend:")
        expect(page.locator("#result-note")).to_be_hidden()
        expect(page.locator("#steps li")).to_have_count(5)
        expect(page.locator("#job-timing")).to_contain_text("Scene drawn")

        # What the page drew is what S3 holds (read here through the presigned URLs).
        job_id = page.locator("#job-id").inner_text()
        result = get_job(base_url, job_id)["result"]
        assert "sceneGraph" not in result  # persistent mode: links only
        stored_graph = httpx.get(result["sceneGraphUrl"], timeout=10.0)
        stored_minimap = httpx.get(result["asciiMinimapUrl"], timeout=10.0)
        stored_svg = httpx.get(result["sceneSvgUrl"], timeout=10.0)
        assert stored_graph.status_code == stored_minimap.status_code == 200
        assert stored_svg.status_code == 200
        assert stored_svg.headers["content-type"] == "image/svg+xml"
        assert result["sceneSvgKey"] == f"jobs/{job_id}/scene.svg"
        assert "X-Amz-Signature=" in result["sceneSvgUrl"]
        graph = stored_graph.json()
        assert scene_graph_problems(graph) == []
        assert minimap_problems(stored_minimap.text, width=48, height=24) == []
        nodes = _count_nodes(graph["root"]["children"])
        svg_href = f"/status/{job_id}/scene.svg"
        expect(page.locator("#scene-picture")).to_have_attribute("src", svg_href)
        shown = page.evaluate("async (url) => await (await fetch(url)).text()", svg_href)
        assert shown.encode("utf-8") == stored_svg.content
        expect(page.locator("#things-count")).to_have_text(str(nodes))
        expect(page.locator("#relations li")).to_have_count(len(graph["relations"]))
        assert page.locator("#minimap").text_content() == stored_minimap.text

        # The downloads are the same-origin endpoints: no expiry, and `download` is honoured.
        graph_href = f"/status/{job_id}/scene-graph.json"
        minimap_href = f"/status/{job_id}/minimap.txt"
        expect(page.locator("#download-graph")).to_have_attribute("href", graph_href)
        expect(page.locator("#download-minimap")).to_have_attribute("href", minimap_href)
        with page.expect_download() as graph_download:
            page.click("#download-graph")
        assert graph_download.value.suggested_filename == "scene-graph.json"
        assert Path(graph_download.value.path()).read_bytes() == stored_graph.content
        with page.expect_download() as minimap_download:
            page.click("#download-minimap")
        assert minimap_download.value.suggested_filename == "minimap.txt"
        assert Path(minimap_download.value.path()).read_bytes() == stored_minimap.content

        assert f"{base_url}{graph_href}" in recorded.requests
        assert f"{base_url}{minimap_href}" in recorded.requests
        assert recorded.errors == []
        assert recorded.foreign_requests() == []  # nothing fetched from the bucket's origin
        recorded.screenshot("persistent-1440.png")

    # The endpoints themselves, read from S3 by the API: the stored bytes, typed and cacheable.
    with httpx.Client(base_url=base_url, timeout=10.0) as http:
        served_graph = http.get(graph_href)
        served_minimap = http.get(minimap_href)
        assert served_graph.status_code == served_minimap.status_code == 200
        assert served_graph.content == stored_graph.content
        assert served_minimap.content == stored_minimap.content
        assert served_graph.headers["content-type"] == "application/json"
        assert served_minimap.headers["content-type"] == "text/plain; charset=utf-8"
        assert served_graph.headers["content-disposition"] == 'inline; filename="scene-graph.json"'
        assert served_graph.headers["cache-control"].startswith("private, max-age=")
        etag = served_minimap.headers["etag"]
        revalidated = http.get(minimap_href, headers={"If-None-Match": etag})
        assert revalidated.status_code == 304
        assert revalidated.content == b""
        unknown = http.get(f"/status/{RandomJobIds().new_id(datetime.now(UTC))}/scene-graph.json")
        assert unknown.status_code == 404
        assert unknown.headers["content-type"].startswith("application/problem+json")
