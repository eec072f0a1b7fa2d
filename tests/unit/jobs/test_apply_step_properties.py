"""Property: any reordering and duplication of a valid run's events ends in the same job."""

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.jobs import (
    CancelOutcomeKind,
    Job,
    JobStatus,
    StepEvent,
    StepOutcomeKind,
    apply_step,
    cancel_job,
)
from tests.fakes import T0, a_job, failed_run, successful_run

NOW = T0 + timedelta(minutes=5)


def valid_runs() -> st.SearchStrategy[list[StepEvent]]:
    """A run that succeeds through all five steps, or fails at step k (0..4)."""
    failing = st.integers(min_value=0, max_value=4).map(failed_run)
    return st.one_of(st.just(successful_run()), failing)


@st.composite
def deliveries(draw: st.DrawFn) -> tuple[list[StepEvent], list[StepEvent]]:
    """(the run in order, the same events reordered with duplicates; each at least once)."""
    in_order = draw(valid_runs())
    extra = draw(st.lists(st.sampled_from(in_order), max_size=12))
    shuffled = draw(st.permutations(in_order + extra))
    return in_order, shuffled


def replay(events: list[StepEvent]) -> tuple[Job, list[Job]]:
    job = a_job()
    history = [job]
    for item in events:
        outcome = apply_step(job, item, now=NOW)
        assert outcome.kind is not StepOutcomeKind.REJECTED, (item.step_id, job.status)
        job = outcome.job
        history.append(job)
    return job, history


@settings(max_examples=200, deadline=None)
@given(deliveries())
def test_any_reordering_with_duplicates_reaches_the_in_order_job(
    delivery: tuple[list[StepEvent], list[StepEvent]],
) -> None:
    in_order, shuffled = delivery
    expected, _ = replay(in_order)
    actual, history = replay(shuffled)

    assert actual.status is expected.status
    assert actual.result == expected.result
    assert actual.error == expected.error
    assert set(actual.steps) == set(expected.steps)
    assert actual.ordered_steps() == expected.ordered_steps()
    assert len(actual.steps) == len(actual.step_ids) == len(in_order)
    for job in history:
        assert len(job.steps) == len(job.step_ids)
    ranks = [job.status.rank for job in history]
    assert ranks == sorted(ranks)
    assert actual.status.is_terminal
    assert all(job.status is actual.status for job in history if job.status.is_terminal)


@settings(max_examples=200, deadline=None)
@given(deliveries(), st.integers(min_value=0, max_value=40))
def test_a_cancel_anywhere_absorbs_everything_after_it_or_changes_nothing(
    delivery: tuple[list[StepEvent], list[StepEvent]], cancel_at: int
) -> None:
    in_order, shuffled = delivery
    expected, _ = replay(in_order)
    position = min(cancel_at, len(shuffled))
    job, _ = replay(shuffled[:position])
    cancel = cancel_job(job, now=NOW)
    job = cancel.job
    after_cancel = [job]
    for item in shuffled[position:]:
        outcome = apply_step(job, item, now=NOW)
        if cancel.moved:
            assert outcome.kind is not StepOutcomeKind.APPLIED, item.step_id
        job = outcome.job
        after_cancel.append(job)

    if cancel.moved:
        assert cancel.previous_status in (JobStatus.QUEUED, JobStatus.RUNNING)
        assert all(seen.status is JobStatus.CANCELED for seen in after_cancel)
        assert job.result is None
        assert job.steps == cancel.job.steps
        assert cancel_job(job, now=NOW).kind is CancelOutcomeKind.ALREADY_CANCELED
    else:
        assert cancel.kind is CancelOutcomeKind.FINISHED
        assert job.status is expected.status
        assert job.ordered_steps() == expected.ordered_steps()
        assert job.result == expected.result
