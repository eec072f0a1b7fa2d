"""POST /status/{id}/cancel: queued and running jobs end canceled and stay so; done and failed
jobs answer 409; the worker's next report is refused with the status that stopped it."""

from typing import Any

import pytest

from domain.jobs import StepName, StepPhase
from tests.fakes import TOKEN, assert_problem, event, failed_run, seed_job, successful_run, wire

AUTH = {"X-INTERNAL-TOKEN": TOKEN}


async def _report(client: Any, job_id: str, item: Any) -> Any:
    return await client.post(f"/internal/jobs/{job_id}/step", json=wire(item), headers=AUTH)


async def test_canceling_a_queued_job_ends_it_canceled_and_again_answers_the_same_view(
    client: Any, container: Any
) -> None:
    job_id = await seed_job(container)

    first = await client.post(f"/status/{job_id}/cancel")
    again = await client.post(f"/status/{job_id}/cancel")

    assert first.status_code == 200, first.text
    assert first.json()["status"] == "canceled"
    assert first.headers["cache-control"] == "no-store"
    assert again.status_code == 200
    assert again.json() == first.json()
    assert (await client.get(f"/status/{job_id}")).json()["status"] == "canceled"


async def test_canceling_a_running_job_refuses_its_next_step_with_the_status_canceled(
    client: Any, container: Any
) -> None:
    job_id = await seed_job(container)
    assert (await _report(client, job_id, event(StepName.PARSE_PROMPT, StepPhase.STARTED))).json()[
        "jobStatus"
    ] == "running"

    canceled = await client.post(f"/status/{job_id}/cancel")
    refused = await _report(client, job_id, event(StepName.PARSE_PROMPT, StepPhase.SUCCEEDED))

    assert canceled.json()["status"] == "canceled"
    problem = assert_problem(refused, 409)
    assert problem["jobStatus"] == "canceled"
    body = (await client.get(f"/status/{job_id}")).json()
    assert body["status"] == "canceled"
    assert [step["stepId"] for step in body["steps"]] == ["parse_prompt:started"]
    assert body["result"] is None


@pytest.mark.parametrize(("run", "status"), [(successful_run(), "done"), (failed_run(2), "failed")])
async def test_canceling_a_finished_job_is_409_naming_its_status_and_changes_nothing(
    client: Any, container: Any, run: list[Any], status: str
) -> None:
    job_id = await seed_job(container)
    for item in run:
        assert (await _report(client, job_id, item)).status_code == 200
    before = (await client.get(f"/status/{job_id}")).json()

    response = await client.post(f"/status/{job_id}/cancel")

    problem = assert_problem(response, 409)
    assert status in problem["detail"]
    assert problem["jobStatus"] == status
    assert (await client.get(f"/status/{job_id}")).json() == before


@pytest.mark.parametrize("job_id", ["01J0000000000000000000000", "not-a-job"])
async def test_canceling_an_unknown_job_is_404(client: Any, job_id: str) -> None:
    assert_problem(await client.post(f"/status/{job_id}/cancel"), 404)


async def test_a_canceled_job_is_counted_by_status(client: Any, container: Any) -> None:
    job_id = await seed_job(container)
    await client.post(f"/status/{job_id}/cancel")

    totals = container.metrics().totals_by_metric()

    assert totals["JobsByStatus"]["Status=canceled"] == 1
