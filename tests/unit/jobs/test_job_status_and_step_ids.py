"""Status moves only forward; step ids are deterministic; steps list in pipeline order."""

from datetime import timedelta

import msgspec
import pytest

from domain.jobs import PIPELINE, JobStatus, StepName, StepPhase, StepRecord, step_id_for
from tests.fakes import T0, a_job, event

Q, R, D, F = JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.DONE, JobStatus.FAILED


@pytest.mark.parametrize(
    ("source", "target", "allowed"),
    [
        (Q, Q, True),
        (Q, R, True),
        (Q, D, True),
        (Q, F, True),
        (R, R, True),
        (R, D, True),
        (R, F, True),
        (R, Q, False),
        (D, D, True),
        (D, Q, False),
        (D, R, False),
        (D, F, False),
        (F, F, True),
        (F, Q, False),
        (F, R, False),
        (F, D, False),
    ],
)
def test_status_moves_only_forward_and_never_out_of_a_terminal_one(
    source: JobStatus, target: JobStatus, allowed: bool
) -> None:
    assert source.may_move_to(target) is allowed


def test_done_failed_and_canceled_are_the_terminal_statuses() -> None:
    assert [status for status in JobStatus if status.is_terminal] == [D, F, JobStatus.CANCELED]


@pytest.mark.parametrize("source", [JobStatus.QUEUED, JobStatus.RUNNING])
def test_queued_and_running_may_move_to_canceled(source: JobStatus) -> None:
    assert source.may_move_to(JobStatus.CANCELED)


@pytest.mark.parametrize("target", [s for s in JobStatus if s is not JobStatus.CANCELED])
def test_canceled_absorbs_every_later_status(target: JobStatus) -> None:
    assert not JobStatus.CANCELED.may_move_to(target)
    assert JobStatus.CANCELED.may_move_to(JobStatus.CANCELED)


def test_status_rank_orders_queued_before_running_before_terminal() -> None:
    assert Q.rank < R.rank < D.rank
    assert D.rank == F.rank


def test_pipeline_runs_the_five_steps_in_contract_order() -> None:
    assert [name.value for name in PIPELINE] == [
        "parse_prompt",
        "layout",
        "build_scene_graph",
        "render_minimap",
        "store_artifacts",
    ]


def test_step_id_is_name_colon_phase() -> None:
    assert step_id_for(StepName.LAYOUT, StepPhase.STARTED) == "layout:started"
    assert step_id_for(StepName.STORE_ARTIFACTS, StepPhase.FAILED) == "store_artifacts:failed"


def test_step_id_does_not_depend_on_time_duration_or_error() -> None:
    first = event(StepName.LAYOUT, StepPhase.FAILED, at=T0, error="a", duration_ms=1)
    again = event(
        StepName.LAYOUT, StepPhase.FAILED, at=T0 + timedelta(hours=1), error="b", duration_ms=99
    )
    assert first.step_id == again.step_id == "layout:failed"


def test_every_step_and_phase_has_its_own_id() -> None:
    ids = {step_id_for(name, phase) for name in StepName for phase in StepPhase}
    assert len(ids) == len(StepName) * len(StepPhase)


def test_only_final_success_is_the_final_success() -> None:
    finals = [
        (name, phase)
        for name in StepName
        for phase in StepPhase
        if event(name, phase).is_final_success
    ]
    assert finals == [(StepName.STORE_ARTIFACTS, StepPhase.SUCCEEDED)]


def test_ordered_steps_lists_pipeline_order_then_phase_order_whatever_the_arrival() -> None:
    arrived = [
        event(StepName.RENDER_MINIMAP, StepPhase.SUCCEEDED),
        event(StepName.LAYOUT, StepPhase.SUCCEEDED),
        event(StepName.RENDER_MINIMAP, StepPhase.STARTED),
        event(StepName.PARSE_PROMPT, StepPhase.STARTED),
        event(StepName.LAYOUT, StepPhase.STARTED),
    ]
    job = msgspec.structs.replace(a_job(), steps=tuple(StepRecord.of(e) for e in arrived))
    assert [step.step_id for step in job.ordered_steps()] == [
        "parse_prompt:started",
        "layout:started",
        "layout:succeeded",
        "render_minimap:started",
        "render_minimap:succeeded",
    ]


def test_new_job_is_queued_with_expiry_after_retention() -> None:
    job = a_job(now=T0)
    assert job.status is Q
    assert job.steps == ()
    assert job.result is None and job.error is None
    assert job.created_at == job.updated_at == T0
    assert job.expires_at == T0 + timedelta(days=14)
