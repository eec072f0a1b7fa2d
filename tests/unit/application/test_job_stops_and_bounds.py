"""A cancel stops the layout itself, not only the next step boundary; a deadline bounds a
generation and a limit what a job keeps.

The layout here is a stand-in that never finishes on its own (each "placement" a little work,
a stop check before each), so these tests hold however fast the real generator becomes: the
run ends only because the stop check answered True.
"""

import asyncio
import contextlib
import threading
import time
from typing import Any

import msgspec
import pytest

from application.ports import QueuedJob
from application.stop_signals import CancelWatch, PollingCancelWatch
from application.use_cases.cancel_job import CancelJobHandler
from application.use_cases.record_step import RecordStepHandler
from application.use_cases.run_job import RunJobHandler, RunOutcome
from domain.jobs import JobStatus, StepPhase, new_job
from domain.scene import GenerationStopped, Layout, SceneRequest, StopCheck
from infrastructure.memory.cancel_watch import InMemoryCancelWatch
from infrastructure.memory.job_repository import InMemoryJobRepository
from infrastructure.memory.metrics import InMemoryMetrics
from infrastructure.memory.step_reporter import InProcessStepReporter
from infrastructure.time_and_randomness import SystemClock
from tests.conditions import until
from tests.fakes import RETENTION, CountingArtifactStore, a_request

PLACEMENTS_BEFORE_GIVING_UP = 1_000_000


class EndlessLayout:
    """Places one thing per stop check, for ever unless stopped; counts the checks."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.checks = 0
        self.stopped_at: float | None = None

    def __call__(
        self,
        request: SceneRequest,
        *,
        seed: int,
        width: int,
        height: int,
        should_stop: StopCheck,
    ) -> Layout:
        self.started.set()
        for _ in range(PLACEMENTS_BEFORE_GIVING_UP):
            self.checks += 1
            if should_stop():
                self.stopped_at = time.monotonic()
                raise GenerationStopped("stopped")
            sum(range(2000))  # a placement's worth of work
        raise AssertionError("the layout was never told to stop")


class Service:
    def __init__(self, watch: str = "memory") -> None:
        clock = SystemClock()
        self.jobs = InMemoryJobRepository(clock=clock)
        metrics = InMemoryMetrics()
        self.cancel = CancelJobHandler(jobs=self.jobs, clock=clock, metrics=metrics)
        record = RecordStepHandler(jobs=self.jobs, clock=clock, metrics=metrics)
        self.watch: CancelWatch = (
            InMemoryCancelWatch(self.jobs)
            if watch == "memory"
            else PollingCancelWatch(self.jobs, interval_seconds=0.05)
        )
        self.layout = EndlessLayout()
        self.artifacts = CountingArtifactStore()
        self.reporter = InProcessStepReporter(record)
        self.clock = clock

    def runner(self, deadline_seconds: float = 600.0) -> RunJobHandler:
        return RunJobHandler(
            reporter=self.reporter,
            artifacts=self.artifacts,
            clock=self.clock,
            cancels=self.watch,
            deadline_seconds=deadline_seconds,
            layout_scene=self.layout,
        )

    async def submit(self, job_id: str = "j1") -> QueuedJob:
        request = a_request()
        await self.jobs.add(
            new_job(job_id=job_id, request=request, now=self.clock.now(), retention=RETENTION)
        )
        return QueuedJob(job_id=job_id, request=request)


@pytest.mark.parametrize("watch", ["memory", "polling"])
async def test_a_cancel_stops_the_layout_while_it_runs(watch: str) -> None:
    service = Service(watch)
    run = asyncio.create_task(service.runner()(await service.submit()))
    await until(service.layout.started.is_set, "the layout started")
    await service.cancel("j1")
    canceled_at = time.monotonic()

    outcome: RunOutcome = await run

    assert (outcome.job_status, outcome.stopped_early) == (JobStatus.CANCELED, True)
    assert service.layout.stopped_at is not None
    # The stop is measured in bench/bench_cancel.py; here only a bound no busy machine misses.
    assert service.layout.stopped_at - canceled_at < 5.0
    job = await service.jobs.get("j1")
    assert job is not None and job.status is JobStatus.CANCELED
    assert [step.step_id for step in job.steps] == [
        "parse_prompt:started",
        "parse_prompt:succeeded",
        "layout:started",
    ]
    assert service.artifacts.saved == []


async def test_the_deadline_stops_the_layout_and_fails_the_job_at_that_step() -> None:
    service = Service()
    outcome = await service.runner(deadline_seconds=0.2)(await service.submit())

    assert outcome.job_status is JobStatus.FAILED
    job = await service.jobs.get("j1")
    assert job is not None and job.error is not None
    assert job.error.step == "layout"
    assert job.error.message == (
        "GenerationDeadlineExceeded: the generation did not finish within its deadline of 0.2 s"
    )
    assert job.steps[-1].phase is StepPhase.FAILED
    assert service.layout.checks > 1  # it ran, and was stopped by the deadline
    assert service.artifacts.saved == []


async def test_a_job_canceled_before_its_layout_never_starts_it() -> None:
    service = Service()
    queued = await service.submit()
    await service.cancel("j1")
    outcome = await service.runner()(queued)
    assert outcome.job_status is JobStatus.CANCELED
    assert not service.layout.started.is_set()


async def test_the_polling_watch_reads_nothing_for_a_quick_generation() -> None:
    jobs = InMemoryJobRepository(clock=SystemClock())
    watch = PollingCancelWatch(jobs, interval_seconds=60)
    async with watch.watching("j1") as signal:
        pass
    assert (watch.reads, signal.is_set()) == (0, False)


async def test_the_polling_watch_keeps_going_through_a_failing_read(
    caplog: pytest.LogCaptureFixture,
) -> None:
    class FlakyStore(InMemoryJobRepository):
        def __init__(self) -> None:
            super().__init__(clock=SystemClock())
            self.failures = 3

        async def status(self, job_id: str) -> Any:
            if self.failures:
                self.failures -= 1
                raise TimeoutError("read timed out")
            return await super().status(job_id)

    jobs = FlakyStore()
    watch = PollingCancelWatch(jobs, interval_seconds=0.01)
    async with watch.watching("gone") as signal:
        await until(signal.is_set, "the stop signal")
    assert signal.status is None  # no such job: its run stops too
    warnings = [r.getMessage() for r in caplog.records if "cannot read" in r.getMessage()]
    assert warnings == ["cannot read the job's status: read timed out"]


async def test_the_polling_watch_ends_even_when_a_read_swallows_its_cancellation() -> None:
    """Python 3.11's wait_for can lose a cancellation that arrives as its call completes; the
    watch must end all the same (a lost cancel once held a worker's run for ever)."""

    class SwallowingStore(InMemoryJobRepository):
        def __init__(self) -> None:
            super().__init__(clock=SystemClock())
            self.reading = asyncio.Event()

        async def status(self, job_id: str) -> Any:
            self.reading.set()
            with contextlib.suppress(asyncio.CancelledError):  # the lost cancellation
                await asyncio.sleep(60)
            return JobStatus.RUNNING

    jobs = SwallowingStore()
    watch = PollingCancelWatch(jobs, interval_seconds=0.01)

    async def watch_until_a_read_is_under_way() -> None:
        async with watch.watching("j1"):
            await jobs.reading.wait()

    run = asyncio.create_task(watch_until_a_read_is_under_way())
    finished, _ = await asyncio.wait({run}, timeout=10)
    assert run in finished, "the watch never ended: its poller outlived the cancellation"


async def test_artifacts_over_the_limit_fail_the_job_and_nothing_is_kept() -> None:
    service = Service()
    runner = RunJobHandler(
        reporter=service.reporter,
        artifacts=service.artifacts,
        clock=service.clock,
        max_artifact_bytes=1000,
    )
    queued = await service.submit()
    outcome = await runner(msgspec.structs.replace(queued, request=a_request(width=64)))
    assert outcome.job_status is JobStatus.FAILED
    job = await service.jobs.get("j1")
    assert job is not None and job.error is not None and job.result is None
    assert job.error.step == "store_artifacts"
    assert job.error.message.startswith(
        "ArtifactsTooLarge: the scene graph, minimap and SVG map come to "
    )
    assert job.error.message.endswith(" bytes, over the limit of 1,000")
    assert service.artifacts.saved == []
