"""The job entity and the values it carries."""

from datetime import datetime, timedelta
from typing import Literal

import msgspec

from domain.jobs.artifacts import ArtifactRefs
from domain.jobs.events import STEP_ORDER, StepRecord
from domain.jobs.status import JobStatus


class JobRequest(msgspec.Struct, frozen=True, kw_only=True):
    prompt: str
    seed: int
    width: int
    height: int


class JobError(msgspec.Struct, frozen=True, kw_only=True):
    step: str
    message: str


WebhookEvent = Literal["terminal", "step"]


class Webhook(msgspec.Struct, frozen=True, kw_only=True):
    """Where to send the job's events, which ones, and how delivery has gone so far."""

    url: str
    events: tuple[WebhookEvent, ...] = ("terminal",)
    attempts: int = 0
    delivered_at: datetime | None = None
    last_error: str | None = None

    def wants(self, event: WebhookEvent) -> bool:
        return event in self.events


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
    webhook: Webhook | None = None
    owner: str | None = None
    """The id of the API key that submitted the job; None when the service runs without keys."""

    def is_visible_to(self, caller: str | None) -> bool:
        """A keyed caller sees only its own jobs; None is the caller of a service without keys
        (AUTH_MODE=none), who sees every job, as before keys existed."""
        return caller is None or self.owner == caller

    @property
    def is_active(self) -> bool:
        """Queued or running: what counts against a key's limit of active jobs."""
        return not self.status.is_terminal

    @property
    def version(self) -> tuple[JobStatus, int]:
        """Changes whenever a step is recorded or the status moves: what followers watch."""
        return (self.status, len(self.steps))

    @property
    def step_ids(self) -> frozenset[str]:
        return frozenset(step.step_id for step in self.steps)

    def ordered_steps(self) -> tuple[StepRecord, ...]:
        """Steps each once, in pipeline order then phase order, whatever order they arrived in."""
        return tuple(sorted(self.steps, key=lambda step: STEP_ORDER.get(step.step_id, (99, 9))))


def new_job(
    *,
    job_id: str,
    request: JobRequest,
    now: datetime,
    retention: timedelta,
    webhook: Webhook | None = None,
    owner: str | None = None,
) -> Job:
    return Job(
        id=job_id,
        status=JobStatus.QUEUED,
        created_at=now,
        updated_at=now,
        expires_at=now + retention,
        request=request,
        webhook=webhook,
        owner=owner,
    )
