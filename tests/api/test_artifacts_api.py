"""GET /status/{id}/scene-graph.json, /minimap.txt and /scene.svg in demo mode: a done job's
artifacts from the API's own origin, the same as the status view's inline result (the SVG map
linked by `result.sceneSvgUrl`); 404, 409 naming the status, 503 with Retry-After; cacheable
with an ETag; documented in the OpenAPI document.

The same endpoints reading from S3 (persistent mode, MiniStack): tests/browser/
test_web_page_persistent.py; the store's `read`: tests/integration/test_artifact_store_contract.py.
"""

import hashlib
from typing import Any

import pytest

from application.errors import DependencyUnavailable
from application.ports import ArtifactFile
from domain.jobs import ArtifactRefs, StepName, StepPhase
from infrastructure.memory.artifact_store import InlineArtifactStore
from infrastructure.time_and_randomness import RandomJobIds
from tests.conftest import make_container
from tests.fakes import (
    T0,
    TOKEN,
    assert_problem,
    event,
    failed_run,
    seed_job,
    successful_run,
    wait_until_finished,
    wire,
)

ORIGIN = "http://testserver.local"
"""The test client's origin, which links in bodies are built on."""

AUTH = {"X-INTERNAL-TOKEN": TOKEN}
PROMPT = {"prompt": "a village with three houses north of a river, a well in the center", "seed": 3}
GRAPH = "scene-graph.json"
MINIMAP = "minimap.txt"
SVG = "scene.svg"
ALL = [GRAPH, MINIMAP, SVG]
CACHE_CONTROL = "private, max-age=86400, immutable"


async def _done_job(client: Any) -> tuple[str, dict[str, Any], bytes]:
    """A job run by the embedded worker to `done`: its id, status view and raw status body."""
    submitted = await client.post("/generate", json=PROMPT)
    assert submitted.status_code == 202, submitted.text
    job_id = submitted.json()["id"]
    view = await wait_until_finished(client, job_id)
    assert view["status"] == "done", view["error"]
    return job_id, view, (await client.get(f"/status/{job_id}")).content


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


async def test_scene_graph_of_a_done_job_is_the_inline_result_as_a_json_file(client: Any) -> None:
    job_id, view, status_body = await _done_job(client)

    response = await client.get(f"/status/{job_id}/{GRAPH}")

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.headers["content-disposition"] == 'inline; filename="scene-graph.json"'
    assert response.headers["cache-control"] == CACHE_CONTROL
    assert response.headers["etag"] == _etag(response.content)
    assert response.json() == view["result"]["sceneGraph"]
    # Byte for byte the document inside the status view: same encoder, same key order.
    assert b'"sceneGraph":' + response.content in status_body


async def test_minimap_of_a_done_job_is_the_inline_result_as_utf8_text(client: Any) -> None:
    job_id, view, _ = await _done_job(client)

    response = await client.get(f"/status/{job_id}/{MINIMAP}")

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.headers["content-disposition"] == 'inline; filename="minimap.txt"'
    assert response.headers["cache-control"] == CACHE_CONTROL
    assert response.headers["etag"] == _etag(response.content)
    assert response.text == view["result"]["asciiMinimap"]


async def test_svg_map_of_a_done_job_is_the_generators_picture_linked_from_the_result(
    client: Any,
) -> None:
    from domain.scene import generate_scene

    job_id, view, _ = await _done_job(client)
    assert view["result"]["sceneSvgUrl"] == f"{ORIGIN}/status/{job_id}/{SVG}"
    request = view["request"]

    response = await client.get(view["result"]["sceneSvgUrl"])

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "image/svg+xml"
    assert response.headers["content-disposition"] == 'inline; filename="scene.svg"'
    assert response.headers["cache-control"] == CACHE_CONTROL
    assert response.headers["etag"] == _etag(response.content)
    expected = generate_scene(
        request["prompt"], seed=request["seed"], width=request["width"], height=request["height"]
    )
    assert response.content == expected.svg.encode("utf-8")
    # Linked, not inline: the status view stays the size it was.
    assert "sceneSvg" not in view["result"]


async def test_a_job_done_before_svg_maps_is_404_for_its_svg_and_has_no_link(
    client: Any, container: Any
) -> None:
    """A job finished by a worker of an earlier release (two artifacts): no link, and the file
    is a 404 problem, not a server error."""
    import msgspec

    from domain.jobs import InlineArtifacts

    job_id = await seed_job(container)
    old = InlineArtifacts(scene_graph=msgspec.Raw(b'{"schemaVersion":1}'), ascii_minimap="#")
    for item in successful_run(artifacts=old):
        await _report(client, job_id, item)
    view = (await client.get(f"/status/{job_id}")).json()
    assert view["status"] == "done"
    assert "sceneSvgUrl" not in view["result"]

    response = await client.get(f"/status/{job_id}/{SVG}")

    problem = assert_problem(response, 404)
    assert "no" in problem["detail"] and "SVG" in problem["detail"]
    assert response.headers["cache-control"] == "no-store"


async def test_an_svg_map_sent_inline_by_a_callback_is_served(client: Any, container: Any) -> None:
    import msgspec

    from domain.jobs import InlineArtifacts

    job_id = await seed_job(container)
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>caf\u00e9</title></svg>'
    sent = InlineArtifacts(
        scene_graph=msgspec.Raw(b'{"schemaVersion":1}'), ascii_minimap="#", scene_svg=svg
    )
    for item in successful_run(artifacts=sent):
        await _report(client, job_id, item)

    response = await client.get(f"/status/{job_id}/{SVG}")

    assert response.status_code == 200
    assert response.content == svg.encode("utf-8")
    view = (await client.get(f"/status/{job_id}")).json()
    assert view["result"]["sceneSvgUrl"] == f"{ORIGIN}/status/{job_id}/{SVG}"


@pytest.mark.parametrize("name", ALL)
async def test_a_matching_if_none_match_is_304_without_a_body(client: Any, name: str) -> None:
    job_id, _, _ = await _done_job(client)
    first = await client.get(f"/status/{job_id}/{name}")
    etag = first.headers["etag"]

    again = await client.get(f"/status/{job_id}/{name}", headers={"If-None-Match": etag})
    weak = await client.get(f"/status/{job_id}/{name}", headers={"If-None-Match": f'"x", W/{etag}'})
    star = await client.get(f"/status/{job_id}/{name}", headers={"If-None-Match": "*"})
    stale = await client.get(f"/status/{job_id}/{name}", headers={"If-None-Match": '"stale"'})

    for not_modified in (again, weak, star):
        assert not_modified.status_code == 304
        assert not_modified.content == b""
        assert not_modified.headers["etag"] == etag
        assert not_modified.headers["cache-control"] == CACHE_CONTROL
    assert stale.status_code == 200
    assert stale.content == first.content


@pytest.mark.parametrize("name", ALL)
async def test_head_answers_the_headers_of_get(client: Any, name: str) -> None:
    job_id, _, _ = await _done_job(client)
    got = await client.get(f"/status/{job_id}/{name}")

    head = await client.head(f"/status/{job_id}/{name}")

    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["etag"] == got.headers["etag"]
    assert head.headers["content-type"] == got.headers["content-type"]


async def _report(client: Any, job_id: str, item: Any) -> None:
    answer = await client.post(f"/internal/jobs/{job_id}/step", json=wire(item), headers=AUTH)
    assert answer.status_code == 200, answer.text


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("status", ["queued", "running", "failed", "canceled"])
async def test_a_job_that_is_not_done_is_409_naming_its_status(
    client: Any, container: Any, name: str, status: str
) -> None:
    job_id = await seed_job(container)
    if status == "running":
        await _report(client, job_id, event(StepName.PARSE_PROMPT, StepPhase.STARTED))
    elif status == "failed":
        for item in failed_run(2):
            await _report(client, job_id, item)
    elif status == "canceled":
        assert (await client.post(f"/status/{job_id}/cancel")).status_code == 200
    assert (await client.get(f"/status/{job_id}")).json()["status"] == status

    response = await client.get(f"/status/{job_id}/{name}")

    problem = assert_problem(response, 409)
    assert problem["jobStatus"] == status
    assert f"The job is {status};" in problem["detail"]
    assert problem["instance"] == f"/status/{job_id}/{name}"
    assert response.headers["cache-control"] == "no-store"


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("job_id", [RandomJobIds().new_id(T0), "not-a-job-id", "0" * 37])
async def test_an_unknown_or_malformed_id_is_404(client: Any, name: str, job_id: str) -> None:
    response = await client.get(f"/status/{job_id}/{name}")

    problem = assert_problem(response, 404)
    assert problem["detail"] == "No job has this id."
    assert response.headers["cache-control"] == "no-store"


class UnreadableArtifactStore(InlineArtifactStore):
    """Saves as demo mode does; reading back fails as an unreachable bucket would."""

    async def read_file(self, refs: ArtifactRefs, file: ArtifactFile) -> bytes:
        raise DependencyUnavailable("artifact store", "EndpointConnectionError")


@pytest.mark.parametrize("name", ALL)
async def test_an_unavailable_store_is_503_with_retry_after(name: str) -> None:
    from dependency_injector import providers
    from litestar.testing import AsyncTestClient

    from infrastructure.bootstrap import ApiRuntime
    from interfaces.http.app import create_app

    container = make_container()
    container.artifact_store.override(providers.Object(UnreadableArtifactStore()))
    async with AsyncTestClient(app=create_app(ApiRuntime(container))) as client:
        job_id, _, _ = await _done_job(client)
        response = await client.get(f"/status/{job_id}/{name}")

    problem = assert_problem(response, 503)
    assert problem["detail"] == "The artifact store is unavailable; retry shortly."
    assert response.headers["retry-after"] == "2"
    assert response.headers["cache-control"] == "no-store"


async def test_the_three_endpoints_are_in_the_openapi_document_with_their_headers(
    client: Any,
) -> None:
    document = (await client.get("/openapi.json")).json()

    for name, media_type in [
        (GRAPH, "application/json"),
        (MINIMAP, "text/plain; charset=utf-8"),
        (SVG, "image/svg+xml"),
    ]:
        operation = document["paths"][f"/status/{{job_id}}/{name}"]["get"]
        responses = operation["responses"]
        assert {"200", "304", "404", "409", "503"} <= set(responses)
        assert next(iter(responses["200"]["content"])) == media_type
        assert set(responses["200"]["headers"]) == {"Cache-Control", "ETag", "Content-Disposition"}
        disposition = responses["200"]["headers"]["Content-Disposition"]["schema"]["const"]
        assert disposition == f'inline; filename="{name}"'
        assert set(responses["304"]["headers"]) == {"Cache-Control", "ETag"}
        for status in ("404", "409", "503"):
            assert list(responses[status]["content"]) == ["application/problem+json"]
        assert "Retry-After" in responses["503"]["headers"]
        assert "If-None-Match" in {parameter["name"] for parameter in operation["parameters"]}
