"""get_status reads one job; record_step applies events and emits metrics only for what changed."""

from datetime import datetime, timedelta

import pytest

from application import metric_names as m
from application.errors import JobNotFound
from application.ports import ArtifactLinks
from application.use_cases.get_status import GetStatusHandler
from application.use_cases.record_step import RecordStepHandler
from domain.jobs import (
    ArtifactRefs,
    JobStatus,
    StepName,
    StepOutcomeKind,
    StepPhase,
    StoredArtifacts,
)
from infrastructure.memory.artifact_store import InlineArtifactStore
from infrastructure.memory.job_repository import InMemoryJobRepository
from infrastructure.memory.metrics import InMemoryMetrics
from tests.fakes import ARTIFACTS, T0, FixedClock, a_job, event, failed_run, successful_run


class SigningStore(InlineArtifactStore):
    """Mints a link from the clock's time, as a presigning store would."""

    async def links(self, refs: ArtifactRefs, *, now: datetime) -> ArtifactLinks | None:
        if not isinstance(refs, StoredArtifacts):
            return None
        return ArtifactLinks(
            scene_graph_url=f"https://s3.example/{refs.scene_graph_key}",
            ascii_minimap_url=f"https://s3.example/{refs.ascii_minimap_key}",
            expires_at=now + timedelta(seconds=900),
            scene_graph_key=refs.scene_graph_key,
            ascii_minimap_key=refs.ascii_minimap_key,
        )


@pytest.fixture
def jobs(clock: "FixedClock") -> InMemoryJobRepository:
    return InMemoryJobRepository(clock=clock)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def metrics() -> InMemoryMetrics:
    return InMemoryMetrics()


@pytest.fixture
def record(
    jobs: InMemoryJobRepository, clock: FixedClock, metrics: InMemoryMetrics
) -> RecordStepHandler:
    return RecordStepHandler(jobs=jobs, clock=clock, metrics=metrics)


async def test_get_status_of_unknown_job_raises_job_not_found(jobs: InMemoryJobRepository) -> None:
    handler = GetStatusHandler(jobs=jobs, artifacts=InlineArtifactStore(), clock=FixedClock())
    with pytest.raises(JobNotFound):
        await handler("no-such-job")


async def test_get_status_returns_the_job_without_links_when_unfinished(
    jobs: InMemoryJobRepository,
) -> None:
    job = a_job("j1")
    await jobs.add(job)
    view = await GetStatusHandler(jobs=jobs, artifacts=SigningStore(), clock=FixedClock())("j1")
    assert view.job == job
    assert view.links is None


async def test_get_status_mints_fresh_links_for_stored_artifacts(
    jobs: InMemoryJobRepository, record: RecordStepHandler
) -> None:
    await jobs.add(a_job("j1"))
    stored = StoredArtifacts(scene_graph_key="jobs/j1/g.json", ascii_minimap_key="jobs/j1/m.txt")
    events = successful_run()
    events[-1] = event(StepName.STORE_ARTIFACTS, StepPhase.SUCCEEDED, artifacts=stored)
    for item in events:
        await record("j1", item)
    clock = FixedClock(T0 + timedelta(hours=2))
    handler = GetStatusHandler(jobs=jobs, artifacts=SigningStore(), clock=clock)
    first = await handler("j1")
    clock.advance(minutes=10)
    second = await handler("j1")
    assert first.links is not None and second.links is not None
    assert first.links.scene_graph_key == "jobs/j1/g.json"
    assert second.links.expires_at - first.links.expires_at == timedelta(minutes=10)


async def test_get_status_of_inline_result_has_no_links(
    jobs: InMemoryJobRepository, record: RecordStepHandler
) -> None:
    await jobs.add(a_job("j1"))
    for item in successful_run():
        await record("j1", item)
    view = await GetStatusHandler(jobs=jobs, artifacts=InlineArtifactStore(), clock=FixedClock())(
        "j1"
    )
    assert view.job.result == ARTIFACTS
    assert view.links is None


async def test_record_step_on_unknown_job_raises_job_not_found(
    record: RecordStepHandler, metrics: InMemoryMetrics
) -> None:
    with pytest.raises(JobNotFound):
        await record("ghost", event(StepName.PARSE_PROMPT, StepPhase.STARTED))
    assert metrics.points == []


async def test_record_step_stamps_updated_at_with_the_clock(
    jobs: InMemoryJobRepository, record: RecordStepHandler, clock: FixedClock
) -> None:
    await jobs.add(a_job("j1"))
    clock.advance(seconds=42)
    outcome = await record("j1", event(StepName.PARSE_PROMPT, StepPhase.STARTED))
    assert outcome.job.updated_at == T0 + timedelta(seconds=42)
    stored = await jobs.get("j1")
    assert stored == outcome.job


async def test_jobs_by_status_is_emitted_only_when_the_status_moves(
    jobs: InMemoryJobRepository, record: RecordStepHandler, metrics: InMemoryMetrics
) -> None:
    await jobs.add(a_job("j1"))
    for item in successful_run():
        await record("j1", item)
    assert metrics.totals(m.JOBS_BY_STATUS) == {
        ((m.STATUS, "running"),): 1,
        ((m.STATUS, "done"),): 1,
    }


async def test_duplicates_emit_no_metric_at_all(
    jobs: InMemoryJobRepository, record: RecordStepHandler, metrics: InMemoryMetrics
) -> None:
    await jobs.add(a_job("j1"))
    for item in failed_run(2):
        await record("j1", item)
    before = list(metrics.points)
    for item in failed_run(2):
        outcome = await record("j1", item)
        assert outcome.kind is StepOutcomeKind.DUPLICATE
    assert metrics.points == before


async def test_job_duration_is_observed_once_on_done(
    jobs: InMemoryJobRepository,
    record: RecordStepHandler,
    metrics: InMemoryMetrics,
    clock: FixedClock,
) -> None:
    await jobs.add(a_job("j1"))
    events = successful_run()
    for item in events[:-1]:
        await record("j1", item)
    assert metrics.totals(m.JOB_DURATION) == {}
    clock.advance(seconds=3)
    await record("j1", events[-1])
    assert metrics.totals(m.JOB_DURATION) == {((m.STATUS, "done"),): 3.0}
    [point] = [p for p in metrics.points if p.name == m.JOB_DURATION]
    assert point.unit == "Seconds"


async def test_job_duration_is_observed_on_failure_with_a_step_failed_error(
    jobs: InMemoryJobRepository,
    record: RecordStepHandler,
    metrics: InMemoryMetrics,
    clock: FixedClock,
) -> None:
    await jobs.add(a_job("j1"))
    clock.advance(seconds=2)
    for item in failed_run(1):
        await record("j1", item)
    assert metrics.totals(m.JOB_DURATION) == {((m.STATUS, "failed"),): 2.0}
    assert metrics.totals(m.ERRORS) == {((m.KIND, m.ERROR_STEP_FAILED),): 1}
    assert metrics.totals(m.JOBS_BY_STATUS)[((m.STATUS, "failed"),)] == 1


async def test_rejected_event_counts_callback_rejected_and_changes_nothing(
    jobs: InMemoryJobRepository, record: RecordStepHandler, metrics: InMemoryMetrics
) -> None:
    await jobs.add(a_job("j1"))
    for item in successful_run():
        await record("j1", item)
    done = await jobs.get("j1")
    before = len(metrics.points)
    outcome = await record("j1", event(StepName.LAYOUT, StepPhase.FAILED))
    assert outcome.kind is StepOutcomeKind.REJECTED
    assert await jobs.get("j1") == done
    new_points = metrics.points[before:]
    assert [(p.name, p.dimensions) for p in new_points] == [
        (m.ERRORS, ((m.KIND, m.ERROR_CALLBACK_REJECTED),))
    ]


async def test_late_history_on_a_finished_job_emits_no_status_metric(
    jobs: InMemoryJobRepository, record: RecordStepHandler, metrics: InMemoryMetrics
) -> None:
    await jobs.add(a_job("j1"))
    events = successful_run()
    late = events.pop(0)
    for item in events:
        await record("j1", item)
    before = metrics.totals(m.JOBS_BY_STATUS)
    outcome = await record("j1", late)
    assert outcome.applied and outcome.job.status is JobStatus.DONE
    assert metrics.totals(m.JOBS_BY_STATUS) == before
    assert metrics.totals(m.JOB_DURATION) == {((m.STATUS, "done"),): 0.0}


async def test_step_duration_is_observed_for_outcomes(
    jobs: InMemoryJobRepository, record: RecordStepHandler, metrics: InMemoryMetrics
) -> None:
    await jobs.add(a_job("j1"))
    await record("j1", event(StepName.LAYOUT, StepPhase.STARTED))
    await record("j1", event(StepName.LAYOUT, StepPhase.SUCCEEDED, duration_ms=12))
    assert metrics.totals(m.STEP_DURATION) == {((m.STEP, "layout"),): 12.0}
