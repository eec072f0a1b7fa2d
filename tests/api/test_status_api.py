"""GET /status/{id}: the job, its steps in pipeline order, its result; 404 otherwise."""

from typing import Any

import pytest

from domain.jobs import PIPELINE, StepName, StepPhase
from infrastructure.time_and_randomness import RandomJobIds
from tests.fakes import (
    T0,
    TOKEN,
    assert_problem,
    event,
    seed_job,
    successful_run,
    wait_until_finished,
    wire,
)

ORIGIN = "http://testserver.local"
"""The test client's origin, which links in bodies are built on."""

AUTH = {"X-INTERNAL-TOKEN": TOKEN}
PIPELINE_IDS = [f"{name.value}:{phase}" for name in PIPELINE for phase in ("started", "succeeded")]


async def test_status_of_a_new_job_is_queued_with_no_store_cache(
    client: Any, container: Any
) -> None:
    job_id = await seed_job(container)

    response = await client.get(f"/status/{job_id}")

    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert body["id"] == job_id
    assert body["status"] == "queued"
    assert body["steps"] == []
    assert body["result"] is None and body["error"] is None
    assert body["createdAt"].startswith(T0.strftime("%Y-%m-%dT%H:%M:%S"))
    assert set(body) == {
        "id",
        "status",
        "createdAt",
        "updatedAt",
        "request",
        "steps",
        "statusUrl",
        "eventsUrl",
        "cancelUrl",
        "webhook",
        "result",
        "error",
    }
    assert body["statusUrl"] == f"{ORIGIN}/status/{job_id}"
    assert body["eventsUrl"] == f"{ORIGIN}/status/{job_id}/events"
    assert body["cancelUrl"] == f"{ORIGIN}/status/{job_id}/cancel"
    assert body["webhook"] is None


async def test_submitted_job_reaches_done_with_inline_scene_graph_and_minimap(client: Any) -> None:
    submitted = await client.post(
        "/generate", json={"prompt": "a village with three houses north of a river", "seed": 3}
    )
    assert submitted.status_code == 202

    body = await wait_until_finished(client, submitted.json()["id"])

    assert body["status"] == "done", body["error"]
    assert body["error"] is None
    assert [step["stepId"] for step in body["steps"]] == PIPELINE_IDS
    assert isinstance(body["result"]["sceneGraph"], dict) and body["result"]["sceneGraph"]
    assert isinstance(body["result"]["asciiMinimap"], str) and body["result"]["asciiMinimap"]
    for step in body["steps"]:
        assert {"stepId", "name", "phase", "at"} <= set(step)
        if step["phase"] == "succeeded":
            assert step["durationMs"] >= 0


async def test_same_request_twice_gives_the_same_artifacts(client: Any) -> None:
    request = {
        "prompt": "a small bedroom with a bed and a desk",
        "seed": 11,
        "width": 32,
        "height": 16,
    }
    ids = [(await client.post("/generate", json=request)).json()["id"] for _ in range(2)]
    first, second = [await wait_until_finished(client, job_id) for job_id in ids]
    assert first["status"] == second["status"] == "done"
    links = [view["result"].pop("sceneSvgUrl") for view in (first, second)]
    for view in (first, second):
        view["result"].pop("sceneGraphUrl")
        view["result"].pop("asciiMinimapUrl")
    assert first["result"] == second["result"]
    assert links == [f"{ORIGIN}/status/{job_id}/scene.svg" for job_id in ids]
    pictures = [(await client.get(link)).content for link in links]
    assert pictures[0] == pictures[1] and pictures[0].startswith(b"<svg")


async def test_steps_are_listed_in_pipeline_order_whatever_order_they_arrived(
    client: Any, container: Any
) -> None:
    job_id = await seed_job(container)
    arrival = list(reversed(successful_run()))
    for item in arrival:
        response = await client.post(f"/internal/jobs/{job_id}/step", json=wire(item), headers=AUTH)
        assert response.status_code == 200, response.text

    body = (await client.get(f"/status/{job_id}")).json()

    assert body["status"] == "done"
    assert [step["stepId"] for step in body["steps"]] == PIPELINE_IDS
    assert body["result"] == {
        "sceneGraph": {"schemaVersion": 1, "root": {}},
        "asciiMinimap": "+--+\n|..|",
        "sceneGraphUrl": f"{ORIGIN}/status/{job_id}/scene-graph.json",
        "asciiMinimapUrl": f"{ORIGIN}/status/{job_id}/minimap.txt",
    }


async def test_failed_job_shows_the_failed_step_and_error(client: Any, container: Any) -> None:
    job_id = await seed_job(container)
    for item in (
        event(StepName.PARSE_PROMPT, StepPhase.STARTED),
        event(StepName.PARSE_PROMPT, StepPhase.FAILED, error="nothing to parse"),
    ):
        await client.post(f"/internal/jobs/{job_id}/step", json=wire(item), headers=AUTH)

    body = (await client.get(f"/status/{job_id}")).json()

    assert body["status"] == "failed"
    assert body["error"] == {"step": "parse_prompt", "message": "nothing to parse"}
    assert body["result"] is None
    assert body["steps"][-1]["error"] == "nothing to parse"


@pytest.mark.parametrize(
    "job_id",
    [RandomJobIds().new_id(T0), "not-a-job", "0" * 36 + "0", "%2e%2e"],
    ids=["unknown", "malformed", "too-long", "dots"],
)
async def test_unknown_or_malformed_id_is_404_problem(client: Any, job_id: str) -> None:
    response = await client.get(f"/status/{job_id}")
    assert_problem(response, 404)
    assert response.headers["cache-control"] == "no-store"


async def test_status_headers_describe_the_body_and_say_when_to_poll_again(
    client: Any, container: Any
) -> None:
    queued_id = await seed_job(container)
    submitted = await client.post("/generate", json={"prompt": "a well in a meadow", "seed": 1})
    finished_id = submitted.json()["id"]
    await wait_until_finished(client, finished_id)

    for job_id, retry_after in ((queued_id, "1"), (finished_id, None)):
        for _ in range(2):  # the second read of a finished job is served from its kept body
            response = await client.get(f"/status/{job_id}")
            assert response.status_code == 200
            assert response.headers["content-type"] == "application/json"
            assert response.headers["content-length"] == str(len(response.content))
            assert response.headers["cache-control"] == "no-store"
            assert response.headers.get("retry-after") == retry_after
            assert response.json()["id"] == job_id
