"""CancelWatch contract: the demo watch (the store's change signal) and the polling watch over
DynamoDB (emulated) both set the stop signal once the job is canceled, and only then."""

from datetime import UTC, datetime
from typing import Any

import pytest

from application.ports import JobRepository
from application.stop_signals import CancelWatch, PollingCancelWatch
from domain.jobs import JobStatus, StepName, StepPhase
from infrastructure.aws.dynamodb_job_repository import DynamoDbJobRepository
from infrastructure.memory.cancel_watch import InMemoryCancelWatch
from infrastructure.memory.job_repository import InMemoryJobRepository
from infrastructure.time_and_randomness import RandomJobIds, SystemClock
from tests import fakes
from tests.conditions import until

pytestmark = pytest.mark.integration


@pytest.fixture(params=["memory", "dynamodb"])
def store(request: pytest.FixtureRequest) -> tuple[JobRepository, CancelWatch]:
    if request.param == "memory":
        jobs = InMemoryJobRepository(clock=SystemClock())
        return jobs, InMemoryCancelWatch(jobs)
    client: Any = request.getfixturevalue("dynamodb")
    dynamo = DynamoDbJobRepository(client, request.getfixturevalue("jobs_table"))
    return dynamo, PollingCancelWatch(dynamo, interval_seconds=0.05)


async def a_running_job(jobs: JobRepository) -> str:
    now = datetime.now(UTC)
    job = fakes.a_job(RandomJobIds().new_id(now), now=now)
    await jobs.add(job)
    started = fakes.event(StepName.PARSE_PROMPT, StepPhase.STARTED, at=now)
    await jobs.record_step(job.id, started, now=now)
    return job.id


async def test_the_signal_is_set_once_the_job_is_canceled(
    store: tuple[JobRepository, CancelWatch],
) -> None:
    jobs, watch = store
    job_id = await a_running_job(jobs)
    other = await a_running_job(jobs)
    async with watch.watching(job_id) as signal, watch.watching(other) as untouched:
        # Progress on the job is no reason to stop.
        layout = fakes.event(StepName.LAYOUT, StepPhase.STARTED, at=datetime.now(UTC))
        await jobs.record_step(job_id, layout, now=datetime.now(UTC))
        assert not signal.is_set()
        await jobs.cancel(job_id, now=datetime.now(UTC))
        await until(signal.is_set, "the stop signal")
        assert signal.status is JobStatus.CANCELED
        assert not untouched.is_set()


async def test_a_job_already_canceled_stops_at_once(
    store: tuple[JobRepository, CancelWatch],
) -> None:
    jobs, watch = store
    job_id = await a_running_job(jobs)
    await jobs.cancel(job_id, now=datetime.now(UTC))
    async with watch.watching(job_id) as signal:
        await until(signal.is_set, "the stop signal")
    assert signal.status is JobStatus.CANCELED
