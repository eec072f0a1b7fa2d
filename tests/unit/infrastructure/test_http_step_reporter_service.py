"""HttpStepReporter against the real app (demo mode, lifespan running): it drives a job to done."""

import random
from typing import Any

import pytest

from application.ports import StepRejected, StepReport
from domain.jobs import JobStatus, StepName, StepPhase
from infrastructure.memory.secrets import StaticSecretProvider
from infrastructure.step_callbacks.http_step_reporter import HttpStepReporter, StepReportFailed
from infrastructure.time_and_randomness import RandomJobIds
from tests.fakes import T0, TOKEN, event, seed_job, successful_run


def reporter_for(client: Any, token: str = TOKEN) -> HttpStepReporter:
    return HttpStepReporter(
        client=client,
        base_url=str(client.base_url),
        secrets=StaticSecretProvider(token),
        base_delay=0.001,
        rng=random.Random(1),
    )


async def test_reporting_a_full_run_in_order_drives_the_job_to_done(
    client: Any, container: Any
) -> None:
    job_id = await seed_job(container)
    reporter = reporter_for(client)

    reports = [await reporter.report(job_id, item) for item in successful_run()]

    assert all(report.applied for report in reports)
    assert reports[0].job_status is JobStatus.RUNNING
    assert reports[-1] == StepReport(applied=True, job_status=JobStatus.DONE)
    status = (await client.get(f"/status/{job_id}")).json()
    assert status["status"] == "done"
    assert [step["stepId"] for step in status["steps"]] == [e.step_id for e in successful_run()]
    assert status["result"]["asciiMinimap"] == "+--+\n|..|"


async def test_duplicate_report_comes_back_not_applied(client: Any, container: Any) -> None:
    job_id = await seed_job(container)
    reporter = reporter_for(client)
    first = await reporter.report(job_id, event(StepName.PARSE_PROMPT, StepPhase.STARTED))
    again = await reporter.report(job_id, event(StepName.PARSE_PROMPT, StepPhase.STARTED))
    assert first.applied
    assert again == StepReport(applied=False, job_status=JobStatus.RUNNING)


async def test_contradicting_event_on_a_done_job_raises_step_rejected(
    client: Any, container: Any
) -> None:
    job_id = await seed_job(container)
    reporter = reporter_for(client)
    for item in successful_run():
        await reporter.report(job_id, item)
    with pytest.raises(StepRejected):
        await reporter.report(job_id, event(StepName.LAYOUT, StepPhase.FAILED))


async def test_unknown_job_raises_step_rejected(client: Any) -> None:
    reporter = reporter_for(client)
    with pytest.raises(StepRejected):
        await reporter.report(RandomJobIds().new_id(T0), event(StepName.LAYOUT, StepPhase.STARTED))


async def test_wrong_token_raises_step_report_failed(client: Any, container: Any) -> None:
    job_id = await seed_job(container)
    reporter = reporter_for(client, token="wrong-token-0123456789abcdef")
    with pytest.raises(StepReportFailed, match="401"):
        await reporter.report(job_id, event(StepName.LAYOUT, StepPhase.STARTED))
    job = await container.job_repository().get(job_id)
    assert job.steps == ()
