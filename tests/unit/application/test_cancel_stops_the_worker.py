"""A job canceled while it runs: the worker stops at the next step boundary, stores nothing
that outlives the run, and acks the message."""

import pytest

from application.ports import QueuedJob, StepReport
from application.use_cases.cancel_job import CancelJobHandler
from application.use_cases.record_step import RecordStepHandler
from application.use_cases.run_job import RunJobHandler
from application.worker import JobWorker
from domain.jobs import ArtifactRefs, JobStatus, StepEvent, StepPhase, new_job
from infrastructure.memory.job_repository import InMemoryJobRepository
from infrastructure.memory.metrics import InMemoryMetrics
from infrastructure.memory.queue import InProcessDelivery
from infrastructure.memory.step_reporter import InProcessStepReporter
from tests.fakes import RETENTION, T0, CountingArtifactStore, FixedClock, RecordingQueue, a_request


class DeletingArtifactStore(CountingArtifactStore):
    def __init__(self) -> None:
        super().__init__()
        self.deleted: list[ArtifactRefs] = []

    async def delete(self, refs: ArtifactRefs) -> None:
        self.deleted.append(refs)


class CancelingReporter:
    """Reports through the real use case, and cancels the job once `trigger` is reported."""

    def __init__(self, inner: InProcessStepReporter, cancel: CancelJobHandler, trigger: str):
        self.inner = inner
        self.cancel = cancel
        self.trigger = trigger
        self.reported: list[str] = []

    async def report(self, job_id: str, event: StepEvent) -> StepReport:
        report = await self.inner.report(job_id, event)
        self.reported.append(event.step_id)
        if event.step_id == self.trigger:
            await self.cancel(job_id)
        return report


async def _run_with_cancel_after(
    trigger: str,
) -> tuple[InMemoryJobRepository, RecordingQueue, DeletingArtifactStore, CancelingReporter, object]:
    clock = FixedClock(T0)
    jobs = InMemoryJobRepository(clock=clock)
    await jobs.add(new_job(job_id="j1", request=a_request(), now=T0, retention=RETENTION))
    metrics = InMemoryMetrics()
    record = RecordStepHandler(jobs=jobs, clock=clock, metrics=metrics)
    cancel = CancelJobHandler(jobs=jobs, clock=clock, metrics=metrics)
    reporter = CancelingReporter(InProcessStepReporter(record), cancel, trigger)
    artifacts = DeletingArtifactStore()
    queue = RecordingQueue()
    run = RunJobHandler(reporter=reporter, artifacts=artifacts, clock=clock)
    worker = JobWorker(queue=queue, run_job=run)
    outcome = await worker.process(InProcessDelivery(QueuedJob(job_id="j1", request=a_request())))
    return jobs, queue, artifacts, reporter, outcome


async def test_a_job_canceled_mid_step_stops_at_the_next_boundary_and_is_acked() -> None:
    jobs, queue, artifacts, reporter, outcome = await _run_with_cancel_after("layout:started")

    assert reporter.reported == ["parse_prompt:started", "parse_prompt:succeeded", "layout:started"]
    assert outcome is not None
    assert outcome.job_status is JobStatus.CANCELED  # type: ignore[attr-defined]
    assert outcome.stopped_early  # type: ignore[attr-defined]
    assert [job.job_id for job in queue.acked] == ["j1"]
    assert artifacts.saved == []
    job = await jobs.get("j1")
    assert job is not None and job.status is JobStatus.CANCELED and job.result is None


async def test_artifacts_stored_while_the_job_was_canceled_are_deleted() -> None:
    jobs, _, artifacts, reporter, _outcome = await _run_with_cancel_after("store_artifacts:started")

    assert artifacts.saved == ["j1"]
    assert len(artifacts.deleted) == 1
    assert reporter.reported[-1] == "store_artifacts:started"
    job = await jobs.get("j1")
    assert job is not None and job.status is JobStatus.CANCELED and job.result is None


@pytest.mark.parametrize("trigger", ["parse_prompt:started", "render_minimap:succeeded"])
async def test_no_step_is_recorded_after_the_cancel(trigger: str) -> None:
    jobs, _, _, reporter, _ = await _run_with_cancel_after(trigger)

    job = await jobs.get("j1")
    assert job is not None
    recorded = [step.step_id for step in job.steps]
    assert recorded == reporter.reported
    assert recorded[-1] == trigger
    assert all(step.phase is not StepPhase.FAILED for step in job.steps)
