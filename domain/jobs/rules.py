"""The rules for recording a step event on a job, as one pure function.

A finished job's status, result and error never change. An event that arrives after
the job finished is still recorded when it is history of the same run (an earlier
step's event that was delayed), so reordering never loses a step; an event that would
contradict the outcome (a failure on a done job, a step past the failed one) is
refused.
"""

from datetime import datetime
from enum import StrEnum

import msgspec

from domain.jobs.events import FINAL_STEP, StepEvent, StepName, StepPhase, StepRecord
from domain.jobs.job import Job, JobError
from domain.jobs.status import JobStatus


class InvalidStepEvent(ValueError):
    """The event is malformed in itself, whatever job it is sent to."""


class StepOutcomeKind(StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


class StepOutcome(msgspec.Struct, frozen=True, kw_only=True):
    kind: StepOutcomeKind
    job: Job
    previous_status: JobStatus
    reason: str | None = None

    @property
    def moved(self) -> bool:
        """Whether this event changed the job's status."""
        return self.job.status is not self.previous_status

    @property
    def applied(self) -> bool:
        return self.kind is StepOutcomeKind.APPLIED


class Transition(msgspec.Struct, frozen=True, kw_only=True):
    """What an event does to a job that has not finished: the only case a store can apply blind."""

    allowed_from: tuple[JobStatus, ...]
    to: JobStatus
    error: JobError | None


_UNFINISHED = (JobStatus.QUEUED, JobStatus.RUNNING)


def validate_event(event: StepEvent) -> None:
    if event.is_final_success and event.artifacts is None:
        raise InvalidStepEvent("the final step's success must carry the artifacts")
    if not event.is_final_success and event.artifacts is not None:
        raise InvalidStepEvent("only the final step's success may carry artifacts")
    if event.phase is StepPhase.FAILED and not event.error:
        raise InvalidStepEvent("a failed step must say why in 'error'")
    if event.duration_ms is not None and event.duration_ms < 0:
        raise InvalidStepEvent("durationMs must not be negative")


def status_after(step: StepRecord) -> JobStatus:
    """The status a step moves an unfinished job to; depends on the step alone."""
    if step.phase is StepPhase.FAILED:
        return JobStatus.FAILED
    if step.name is FINAL_STEP and step.phase is StepPhase.SUCCEEDED:
        return JobStatus.DONE
    return JobStatus.RUNNING


def transition_of_unfinished_job(event: StepEvent) -> Transition:
    """The status change an event makes on an unfinished job; depends on the event alone."""
    to = status_after(event)
    error = None
    if to is JobStatus.FAILED:
        error = JobError(step=event.name.value, message=event.error or "step failed")
    return Transition(allowed_from=_UNFINISHED, to=to, error=error)


def apply_step(job: Job, event: StepEvent, *, now: datetime) -> StepOutcome:
    """Record `event` on `job` at most once, moving the status only forward."""
    validate_event(event)
    if event.step_id in job.step_ids:
        return StepOutcome(kind=StepOutcomeKind.DUPLICATE, job=job, previous_status=job.status)
    steps = (*job.steps, StepRecord.of(event))
    if job.status.is_terminal:
        if not is_history_of_finished(job, event):
            reason = f"job is already {job.status.value}"
            return StepOutcome(
                kind=StepOutcomeKind.REJECTED, job=job, previous_status=job.status, reason=reason
            )
        updated = msgspec.structs.replace(job, steps=steps, updated_at=now)
        return StepOutcome(kind=StepOutcomeKind.APPLIED, job=updated, previous_status=job.status)
    transition = transition_of_unfinished_job(event)
    updated = msgspec.structs.replace(
        job,
        status=transition.to,
        steps=steps,
        updated_at=now,
        result=event.artifacts if event.is_final_success else job.result,
        error=transition.error or job.error,
    )
    return StepOutcome(kind=StepOutcomeKind.APPLIED, job=updated, previous_status=job.status)


def is_history_of_finished(job: Job, event: StepEvent) -> bool:
    """Whether a late event belongs to the run that finished `job` without contradicting it."""
    if event.phase is StepPhase.FAILED:
        return False
    if job.status is JobStatus.DONE:
        return not (event.name is FINAL_STEP and event.phase is StepPhase.SUCCEEDED)
    failed_step = _failed_step(job)
    if failed_step is None:
        return False
    if event.name is failed_step:
        return event.phase is StepPhase.STARTED
    return event.name.position < failed_step.position


def _failed_step(job: Job) -> StepName | None:
    if job.error is None:
        return None
    try:
        return StepName(job.error.step)
    except ValueError:
        return None
