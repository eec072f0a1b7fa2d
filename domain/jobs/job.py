"""The job entity and the values it carries."""

from datetime import datetime, timedelta

import msgspec

from domain.jobs.artifacts import ArtifactRefs
from domain.jobs.events import STEP_ORDER, StepEvent, StepName, StepPhase, pipeline_order
from domain.jobs.status import JobStatus


class JobRequest(msgspec.Struct, frozen=True, kw_only=True):
    prompt: str
    seed: int
    width: int
    height: int


class JobError(msgspec.Struct, frozen=True, kw_only=True):
    step: str
    message: str


class StepRecord(msgspec.Struct, frozen=True, kw_only=True):
    """A recorded step event, as the job shows it."""

    step_id: str
    name: StepName
    phase: StepPhase
    at: datetime
    duration_ms: int | None = None
    error: str | None = None

    @classmethod
    def of(cls, event: StepEvent) -> "StepRecord":
        """The event's fields and its `step_id` (a property of the event), artifacts left out."""
        return msgspec.convert(event, cls, from_attributes=True)

    @property
    def sort_key(self) -> tuple[int, int]:
        return pipeline_order(self.name, self.phase)


class Job(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    status: JobStatus
    created_at: datetime
    updated_at: datetime
    expires_at: datetime
    request: JobRequest
    steps: tuple[StepRecord, ...] = ()
    result: ArtifactRefs | None = None
    error: JobError | None = None

    @property
    def step_ids(self) -> frozenset[str]:
        return frozenset(step.step_id for step in self.steps)

    def ordered_steps(self) -> tuple[StepRecord, ...]:
        """Steps each once, in pipeline order then phase order, whatever order they arrived in."""
        return tuple(sorted(self.steps, key=lambda step: STEP_ORDER.get(step.step_id, (99, 9))))


def new_job(*, job_id: str, request: JobRequest, now: datetime, retention: timedelta) -> Job:
    return Job(
        id=job_id,
        status=JobStatus.QUEUED,
        created_at=now,
        updated_at=now,
        expires_at=now + retention,
        request=request,
    )
