"""POST /internal/jobs/{id}/step: token guard, applied/duplicate, 409 on finished jobs, 404, 422."""

from collections.abc import AsyncIterator
from typing import Any, NamedTuple

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from domain.jobs import StepName, StepPhase
from infrastructure.bootstrap import ApiRuntime, Container
from infrastructure.time_and_randomness import RandomJobIds
from interfaces.http.app import create_app
from tests.conftest import make_container
from tests.fakes import T0, TOKEN, assert_problem, event, seed_job, successful_run, wire

AUTH = {"X-INTERNAL-TOKEN": TOKEN}
PARSE_STARTED = wire(event(StepName.PARSE_PROMPT, StepPhase.STARTED))


def step_url(job_id: str) -> str:
    return f"/internal/jobs/{job_id}/step"


async def finish(client: Any, job_id: str) -> None:
    for item in successful_run():
        response = await client.post(step_url(job_id), json=wire(item), headers=AUTH)
        assert response.status_code == 200, response.text


async def test_missing_token_is_401_and_records_nothing(client: Any, container: Any) -> None:
    job_id = await seed_job(container)
    assert_problem(await client.post(step_url(job_id), json=PARSE_STARTED), 401)
    assert (await container.job_repository().get(job_id)).steps == ()


async def test_wrong_token_is_401_and_records_nothing(client: Any, container: Any) -> None:
    job_id = await seed_job(container)
    response = await client.post(
        step_url(job_id), json=PARSE_STARTED, headers={"X-INTERNAL-TOKEN": TOKEN + "x"}
    )
    assert_problem(response, 401)
    assert (await container.job_repository().get(job_id)).steps == ()


async def test_new_event_is_applied(client: Any, container: Any) -> None:
    job_id = await seed_job(container)
    response = await client.post(step_url(job_id), json=PARSE_STARTED, headers=AUTH)
    assert response.status_code == 200
    assert response.json() == {"applied": True, "jobStatus": "running"}
    status = (await client.get(f"/status/{job_id}")).json()
    assert [step["stepId"] for step in status["steps"]] == ["parse_prompt:started"]


async def test_duplicate_step_id_is_200_not_applied(client: Any, container: Any) -> None:
    job_id = await seed_job(container)
    await client.post(step_url(job_id), json=PARSE_STARTED, headers=AUTH)
    response = await client.post(step_url(job_id), json=PARSE_STARTED, headers=AUTH)
    assert response.status_code == 200
    assert response.json() == {"applied": False, "jobStatus": "running"}
    status = (await client.get(f"/status/{job_id}")).json()
    assert len(status["steps"]) == 1


async def test_final_event_finishes_the_job(client: Any, container: Any) -> None:
    job_id = await seed_job(container)
    await finish(client, job_id)
    assert (await client.get(f"/status/{job_id}")).json()["status"] == "done"


async def test_contradicting_event_on_a_done_job_is_409_and_changes_nothing(
    client: Any, container: Any
) -> None:
    job_id = await seed_job(container)
    await finish(client, job_id)
    before = (await client.get(f"/status/{job_id}")).json()

    failure = wire(event(StepName.LAYOUT, StepPhase.FAILED, error="late failure"))
    assert_problem(await client.post(step_url(job_id), json=failure, headers=AUTH), 409)

    assert (await client.get(f"/status/{job_id}")).json() == before


async def test_duplicate_on_a_done_job_is_200_not_applied(client: Any, container: Any) -> None:
    job_id = await seed_job(container)
    await finish(client, job_id)
    response = await client.post(step_url(job_id), json=PARSE_STARTED, headers=AUTH)
    assert response.status_code == 200
    assert response.json() == {"applied": False, "jobStatus": "done"}


async def test_late_history_on_a_done_job_is_applied_without_moving_it(
    client: Any, container: Any
) -> None:
    job_id = await seed_job(container)
    events = successful_run()
    late = events.pop(4)  # build_scene_graph:started
    for item in events:
        await client.post(step_url(job_id), json=wire(item), headers=AUTH)
    response = await client.post(step_url(job_id), json=wire(late), headers=AUTH)
    assert response.json() == {"applied": True, "jobStatus": "done"}
    assert len((await client.get(f"/status/{job_id}")).json()["steps"]) == 10


@pytest.mark.parametrize(
    "job_id", [RandomJobIds().new_id(T0), "not-a-job-id"], ids=["unknown", "malformed"]
)
async def test_unknown_job_is_404(client: Any, job_id: str) -> None:
    assert_problem(await client.post(step_url(job_id), json=PARSE_STARTED, headers=AUTH), 404)


async def test_step_id_not_matching_name_and_phase_is_422(client: Any, container: Any) -> None:
    job_id = await seed_job(container)
    body = {**PARSE_STARTED, "stepId": "layout:started"}
    problem = assert_problem(await client.post(step_url(job_id), json=body, headers=AUTH), 422)
    assert problem["errors"]
    assert (await container.job_repository().get(job_id)).steps == ()


@pytest.mark.parametrize(
    "body",
    [
        {**PARSE_STARTED, "at": "2026-01-01T00:00:00"},
        wire(event(StepName.LAYOUT, StepPhase.SUCCEEDED)) | {"artifacts": {"asciiMinimap": "#"}},
        {
            k: v
            for k, v in wire(event(StepName.STORE_ARTIFACTS, StepPhase.SUCCEEDED)).items()
            if k != "artifacts"
        },
        {**PARSE_STARTED, "phase": "exploded"},
    ],
    ids=["naive-time", "artifacts-on-other-step", "final-without-artifacts", "unknown-phase"],
)
async def test_invalid_event_is_422(client: Any, container: Any, body: dict[str, Any]) -> None:
    job_id = await seed_job(container)
    assert_problem(await client.post(step_url(job_id), json=body, headers=AUTH), 422)


class RotatingService(NamedTuple):
    client: AsyncTestClient[Litestar]
    container: Container


@pytest.fixture
async def rotating() -> AsyncIterator[RotatingService]:
    container = make_container(
        {"INTERNAL_TOKEN": "new-token-0123456789abcdef", "INTERNAL_TOKEN_PREVIOUS": TOKEN}
    )
    async with AsyncTestClient(app=create_app(ApiRuntime(container))) as test_client:
        yield RotatingService(test_client, container)


@pytest.mark.parametrize(
    "token", ["new-token-0123456789abcdef", TOKEN], ids=["current", "previous"]
)
async def test_current_and_previous_tokens_are_accepted_during_rotation(
    rotating: RotatingService, token: str
) -> None:
    job_id = await seed_job(rotating.container)
    response = await rotating.client.post(
        step_url(job_id), json=PARSE_STARTED, headers={"X-INTERNAL-TOKEN": token}
    )
    assert response.status_code == 200


async def test_a_third_token_is_refused_during_rotation(rotating: RotatingService) -> None:
    job_id = await seed_job(rotating.container)
    response = await rotating.client.post(
        step_url(job_id),
        json=PARSE_STARTED,
        headers={"X-INTERNAL-TOKEN": "third-token-0123456789abcdef"},
    )
    assert_problem(response, 401)


async def test_the_internal_document_describes_the_callback_to_holders_of_the_token(
    client: Any,
) -> None:
    refused = await client.get("/internal/openapi.json")
    response = await client.get("/internal/openapi.json", headers=AUTH)

    assert refused.status_code == 401
    document = response.json()
    assert document["openapi"].startswith("3.1")
    (path,) = document["paths"]
    assert path == "/internal/jobs/{job_id}/step"
    operation = document["paths"][path]["post"]
    assert {"200", "401", "404", "409", "422"} <= set(operation["responses"])
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert {"stepId", "name", "phase", "at"} <= set(body["required"])
    assert document["components"]["securitySchemes"]["internalToken"]["name"] == "X-INTERNAL-TOKEN"
    public = (await client.get("/openapi.json")).json()
    assert not [p for p in public["paths"] if p.startswith("/internal")]
