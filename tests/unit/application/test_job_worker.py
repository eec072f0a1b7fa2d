"""JobWorker: ack after the run, release when it cannot finish, stop promptly when idle."""

import asyncio
import time

import pytest

from application.ports import QueuedJob
from application.use_cases.record_step import RecordStepHandler
from application.use_cases.run_job import RunJobHandler, RunOutcome
from application.worker import JobWorker
from domain.jobs import JobStatus, new_job
from infrastructure.memory.job_repository import InMemoryJobRepository
from infrastructure.memory.metrics import InMemoryMetrics
from infrastructure.memory.queue import InProcessDelivery
from infrastructure.memory.step_reporter import InProcessStepReporter
from tests.fakes import (
    RETENTION,
    T0,
    CountingArtifactStore,
    ExplodingReporter,
    FixedClock,
    RecordingQueue,
    a_request,
)


async def wait_until(condition: object, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            pytest.fail("condition not reached in time")
        await asyncio.sleep(0.01)


@pytest.fixture
def queue() -> RecordingQueue:
    return RecordingQueue()


@pytest.fixture
async def jobs() -> InMemoryJobRepository:
    repository = InMemoryJobRepository(clock=FixedClock(T0))
    await repository.add(new_job(job_id="j1", request=a_request(), now=T0, retention=RETENTION))
    return repository


def real_runner(jobs: InMemoryJobRepository) -> RunJobHandler:
    clock = FixedClock(T0)
    record = RecordStepHandler(jobs=jobs, clock=clock, metrics=InMemoryMetrics())
    return RunJobHandler(
        reporter=InProcessStepReporter(record), artifacts=CountingArtifactStore(), clock=clock
    )


QUEUED = QueuedJob(job_id="j1", request=a_request())


async def test_worker_runs_a_received_job_then_acks_it(
    queue: RecordingQueue, jobs: InMemoryJobRepository
) -> None:
    worker = JobWorker(queue=queue, run_job=real_runner(jobs), receive_wait_seconds=0.05)
    worker.start()
    await queue.enqueue(QUEUED)
    await wait_until(lambda: worker.completed == 1)
    await worker.stop(grace_seconds=1)

    job = await jobs.get("j1")
    assert job is not None and job.status is JobStatus.DONE
    assert queue.acked == [QUEUED]
    assert queue.released == []


async def test_ack_comes_only_after_the_run_is_over(queue: RecordingQueue) -> None:
    seen_acks_during_run: list[int] = []

    async def run_job(job: QueuedJob) -> RunOutcome:
        await asyncio.sleep(0.01)
        seen_acks_during_run.append(len(queue.acked))
        return RunOutcome(job_status=JobStatus.DONE)

    worker = JobWorker(queue=queue, run_job=run_job)  # type: ignore[arg-type]
    outcome = await worker.process(InProcessDelivery(QUEUED))
    assert outcome == RunOutcome(job_status=JobStatus.DONE)
    assert seen_acks_during_run == [0]
    assert queue.acked == [QUEUED]
    assert worker.completed == 1


async def test_worker_releases_the_job_when_the_reporter_raises(queue: RecordingQueue) -> None:
    reporter = ExplodingReporter()
    runner = RunJobHandler(reporter=reporter, artifacts=CountingArtifactStore(), clock=FixedClock())
    worker = JobWorker(queue=queue, run_job=runner)

    outcome = await worker.process(InProcessDelivery(QUEUED))

    assert outcome is None
    assert reporter.calls == 1
    assert queue.released == [QUEUED]
    assert queue.acked == []
    await wait_until(lambda: queue.pending() == 1)  # a released job comes back after a delay
    assert worker.completed == 0


async def test_stop_while_idle_returns_promptly(queue: RecordingQueue) -> None:
    worker = JobWorker(
        queue=queue,
        run_job=real_runner(InMemoryJobRepository(clock=FixedClock(T0))),
        receive_wait_seconds=20,
    )
    worker.start()
    await asyncio.sleep(0)  # the worker starts waiting on the queue
    started = time.monotonic()
    await worker.stop(grace_seconds=10)
    assert time.monotonic() - started < 5.0, "it did not wait out its grace period"
    assert queue.acked == [] and queue.released == []


async def test_stop_before_start_returns_at_once(queue: RecordingQueue) -> None:
    worker = JobWorker(
        queue=queue, run_job=real_runner(InMemoryJobRepository(clock=FixedClock(T0)))
    )
    await asyncio.wait_for(worker.stop(grace_seconds=10), timeout=1)


async def test_stop_releases_a_job_that_outlasts_the_grace_period(queue: RecordingQueue) -> None:
    running = asyncio.Event()

    async def slow_run(job: QueuedJob) -> RunOutcome:
        running.set()
        await asyncio.sleep(30)
        return RunOutcome(job_status=JobStatus.DONE)

    worker = JobWorker(queue=queue, run_job=slow_run, receive_wait_seconds=0.05)  # type: ignore[arg-type]
    worker.start()
    await queue.enqueue(QUEUED)
    await asyncio.wait_for(running.wait(), timeout=30)
    started = time.monotonic()
    await worker.stop(grace_seconds=0.1)
    assert time.monotonic() - started < 10.0, "it did not wait for the 30 s job"
    assert queue.released == [QUEUED]
    assert queue.acked == []


async def test_stop_lets_a_short_job_finish_and_acks_it(queue: RecordingQueue) -> None:
    running = asyncio.Event()

    async def short_run(job: QueuedJob) -> RunOutcome:
        running.set()
        await asyncio.sleep(0.1)
        return RunOutcome(job_status=JobStatus.DONE)

    worker = JobWorker(queue=queue, run_job=short_run, receive_wait_seconds=0.05)  # type: ignore[arg-type]
    worker.start()
    await queue.enqueue(QUEUED)
    await asyncio.wait_for(running.wait(), timeout=30)
    await worker.stop(grace_seconds=5)
    assert queue.acked == [QUEUED]
    assert queue.released == []
