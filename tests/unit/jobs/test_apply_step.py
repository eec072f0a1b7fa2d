"""apply_step: each event at most once, status forward only, finished jobs keep their outcome."""

from datetime import timedelta

import msgspec
import pytest

from domain.jobs import (
    InlineArtifacts,
    InvalidStepEvent,
    Job,
    JobError,
    JobStatus,
    StepEvent,
    StepName,
    StepOutcomeKind,
    StepPhase,
    StoredArtifacts,
    apply_step,
    transition_of_unfinished_job,
    validate_event,
)
from tests.fakes import ARTIFACTS, T0, a_job, apply_all, event, failed_run, successful_run

NOW = T0 + timedelta(minutes=1)
P, L, B, M, S = (
    StepName.PARSE_PROMPT,
    StepName.LAYOUT,
    StepName.BUILD_SCENE_GRAPH,
    StepName.RENDER_MINIMAP,
    StepName.STORE_ARTIFACTS,
)
STARTED, SUCCEEDED, FAILED = StepPhase.STARTED, StepPhase.SUCCEEDED, StepPhase.FAILED


def run(events: list[StepEvent], job: Job | None = None) -> Job:
    return apply_all(job or a_job(), events, now=NOW)


def test_first_started_event_moves_a_queued_job_to_running() -> None:
    outcome = apply_step(a_job(), event(P, STARTED), now=NOW)
    assert outcome.kind is StepOutcomeKind.APPLIED
    assert outcome.job.status is JobStatus.RUNNING
    assert outcome.moved and outcome.previous_status is JobStatus.QUEUED
    assert [s.step_id for s in outcome.job.steps] == ["parse_prompt:started"]
    assert outcome.job.updated_at == NOW


def test_duplicate_step_is_not_appended() -> None:
    job = run([event(P, STARTED)])
    outcome = apply_step(job, event(P, STARTED, at=T0 + timedelta(seconds=9)), now=NOW)
    assert outcome.kind is StepOutcomeKind.DUPLICATE
    assert not outcome.applied and not outcome.moved
    assert outcome.job == job
    assert len(outcome.job.steps) == 1


def test_duplicate_on_a_done_job_is_a_duplicate_not_a_rejection() -> None:
    job = run(successful_run())
    outcome = apply_step(job, event(L, STARTED), now=NOW + timedelta(hours=1))
    assert outcome.kind is StepOutcomeKind.DUPLICATE
    assert outcome.job == job


def test_final_success_makes_the_job_done_with_its_artifacts() -> None:
    job = run(successful_run())
    assert job.status is JobStatus.DONE
    assert job.result == ARTIFACTS
    assert job.error is None
    assert len(job.steps) == 10


def test_stored_artifacts_become_the_result_too() -> None:
    stored = StoredArtifacts(
        scene_graph_key="jobs/x/scene.json", ascii_minimap_key="jobs/x/map.txt"
    )
    events = successful_run()
    events[-1] = event(S, SUCCEEDED, artifacts=stored)
    assert run(events).result == stored


def test_done_job_refuses_a_failure_and_stays_unchanged() -> None:
    job = run(successful_run())
    outcome = apply_step(job, event(L, FAILED), now=NOW + timedelta(hours=1))
    assert outcome.kind is StepOutcomeKind.REJECTED
    assert outcome.reason and "done" in outcome.reason
    assert outcome.job == job
    assert not outcome.applied and not outcome.moved


@pytest.mark.parametrize("name", list(StepName))
def test_done_job_refuses_a_failure_of_any_step(name: StepName) -> None:
    job = run(successful_run())
    assert apply_step(job, event(name, FAILED), now=NOW).kind is StepOutcomeKind.REJECTED


def test_failed_job_records_the_error_of_the_failed_step() -> None:
    job = run(failed_run(1))
    assert job.status is JobStatus.FAILED
    assert job.error == JobError(step="layout", message="layout broke")
    assert job.result is None


@pytest.mark.parametrize(
    "late",
    [
        event(L, SUCCEEDED),
        event(B, STARTED),
        event(B, SUCCEEDED),
        event(S, STARTED),
        event(S, SUCCEEDED),
        event(P, FAILED),
        event(M, FAILED),
    ],
    ids=lambda e: e.step_id,
)
def test_failed_job_refuses_later_or_contradicting_steps(late: StepEvent) -> None:
    job = run(failed_run(1))
    outcome = apply_step(job, late, now=NOW + timedelta(hours=1))
    assert outcome.kind is StepOutcomeKind.REJECTED
    assert outcome.job == job


def test_failed_job_never_becomes_done() -> None:
    job = run(failed_run(4))
    outcome = apply_step(job, event(S, SUCCEEDED), now=NOW)
    assert outcome.kind is StepOutcomeKind.REJECTED
    assert outcome.job.status is JobStatus.FAILED
    assert outcome.job.result is None


def test_late_history_on_a_done_job_is_appended_without_status_change() -> None:
    events = successful_run()
    late = events.pop(2)  # layout:started arrives after the job finished
    job = run(events)
    assert job.status is JobStatus.DONE
    later = NOW + timedelta(seconds=30)
    outcome = apply_step(job, late, now=later)
    assert outcome.kind is StepOutcomeKind.APPLIED
    assert not outcome.moved
    assert outcome.job.status is JobStatus.DONE
    assert outcome.job.result == job.result and outcome.job.error is None
    assert late.step_id in outcome.job.step_ids
    assert len(outcome.job.steps) == 10


@pytest.mark.parametrize(
    "late",
    [event(P, STARTED), event(P, SUCCEEDED), event(L, STARTED)],
    ids=lambda e: e.step_id,
)
def test_late_history_on_a_failed_job_is_appended_without_status_change(late: StepEvent) -> None:
    events = [e for e in failed_run(1) if e.step_id != late.step_id]
    job = run(events)
    assert job.status is JobStatus.FAILED
    outcome = apply_step(job, late, now=NOW)
    assert outcome.kind is StepOutcomeKind.APPLIED
    assert outcome.job.status is JobStatus.FAILED
    assert outcome.job.error == job.error
    assert late.step_id in outcome.job.step_ids


def test_out_of_order_success_before_start_keeps_running() -> None:
    job = run([event(L, SUCCEEDED)])
    assert job.status is JobStatus.RUNNING
    job = run([event(L, STARTED)], job)
    assert job.status is JobStatus.RUNNING
    assert [s.step_id for s in job.ordered_steps()] == ["layout:started", "layout:succeeded"]


def test_final_success_without_artifacts_is_invalid() -> None:
    bare = StepEvent(name=S, phase=SUCCEEDED, at=T0, duration_ms=3)
    with pytest.raises(InvalidStepEvent, match="artifacts"):
        validate_event(bare)
    with pytest.raises(InvalidStepEvent):
        apply_step(a_job(), bare, now=NOW)


@pytest.mark.parametrize(
    ("name", "phase"), [(L, SUCCEEDED), (S, STARTED), (P, STARTED), (M, SUCCEEDED)]
)
def test_artifacts_on_any_other_event_are_invalid(name: StepName, phase: StepPhase) -> None:
    bad = StepEvent(name=name, phase=phase, at=T0, artifacts=ARTIFACTS)
    with pytest.raises(InvalidStepEvent, match="artifacts"):
        validate_event(bad)


@pytest.mark.parametrize("error", [None, ""])
def test_failed_event_without_a_reason_is_invalid(error: str | None) -> None:
    with pytest.raises(InvalidStepEvent, match="error"):
        validate_event(StepEvent(name=L, phase=FAILED, at=T0, error=error))


def test_negative_duration_is_invalid() -> None:
    with pytest.raises(InvalidStepEvent, match="durationMs"):
        validate_event(StepEvent(name=L, phase=SUCCEEDED, at=T0, duration_ms=-1))


def test_invalid_event_leaves_the_job_untouched() -> None:
    job = a_job()
    with pytest.raises(InvalidStepEvent):
        apply_step(job, StepEvent(name=L, phase=FAILED, at=T0), now=NOW)
    assert job.steps == ()


def test_valid_events_pass_validation() -> None:
    for item in successful_run() + failed_run(2):
        validate_event(item)


def test_the_transition_of_an_unfinished_job_depends_on_the_event_alone() -> None:
    failure = transition_of_unfinished_job(event(L, FAILED, error="no room"))
    assert failure.to is JobStatus.FAILED
    assert failure.error == JobError(step="layout", message="no room")
    assert set(failure.allowed_from) == {JobStatus.QUEUED, JobStatus.RUNNING}
    assert transition_of_unfinished_job(event(S, SUCCEEDED)).to is JobStatus.DONE
    started = transition_of_unfinished_job(event(S, STARTED))
    assert started.to is JobStatus.RUNNING and started.error is None


def test_inline_artifacts_are_kept_exactly() -> None:
    graph = msgspec.Raw(b'{"root": {"children": [1, 2]}, "seed": 3}')
    events = successful_run()
    events[-1] = event(
        S, SUCCEEDED, artifacts=InlineArtifacts(scene_graph=graph, ascii_minimap="#")
    )
    result = run(events).result
    assert isinstance(result, InlineArtifacts)
    assert result.scene_graph == graph and result.ascii_minimap == "#"
