"""The rule for canceling a job, as one pure function.

`queued` and `running` move forward to `canceled`; a canceled job stays as it is (canceling it
again answers the same job); `done` and `failed` are final outcomes a cancel cannot change.
"""

from datetime import datetime
from enum import StrEnum

import msgspec

from domain.jobs.job import Job
from domain.jobs.status import JobStatus

CANCELABLE = (JobStatus.QUEUED, JobStatus.RUNNING)


class CancelOutcomeKind(StrEnum):
    CANCELED = "canceled"
    """The job was queued or running and is now canceled."""
    ALREADY_CANCELED = "already_canceled"
    FINISHED = "finished"
    """The job is done or failed: nothing changed."""


class CancelOutcome(msgspec.Struct, frozen=True, kw_only=True):
    kind: CancelOutcomeKind
    job: Job
    previous_status: JobStatus

    @property
    def moved(self) -> bool:
        return self.kind is CancelOutcomeKind.CANCELED


def cancel_job(job: Job, *, now: datetime) -> CancelOutcome:
    if job.status in CANCELABLE:
        canceled = msgspec.structs.replace(job, status=JobStatus.CANCELED, updated_at=now)
        return CancelOutcome(
            kind=CancelOutcomeKind.CANCELED, job=canceled, previous_status=job.status
        )
    kind = (
        CancelOutcomeKind.ALREADY_CANCELED
        if job.status is JobStatus.CANCELED
        else CancelOutcomeKind.FINISHED
    )
    return CancelOutcome(kind=kind, job=job, previous_status=job.status)
