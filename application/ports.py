"""Ports: what the use cases need from the outside world, as Protocols."""

from collections.abc import Mapping
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Literal, Protocol

import msgspec

from domain.jobs import (
    ArtifactRefs,
    CancelOutcome,
    Job,
    JobRequest,
    JobStatus,
    StepEvent,
    StepOutcome,
)


class Clock(Protocol):
    """Tells the time; the only source of 'now' for use cases."""

    def now(self) -> datetime: ...


class JobIds(Protocol):
    """Mints opaque, unguessable job ids that sort by creation time."""

    def new_id(self, now: datetime) -> str: ...


class IdempotencyClaim(msgspec.Struct, frozen=True, kw_only=True):
    """An Idempotency-Key bound to the job it created and a fingerprint of the request body.

    It also says whether the job was handed to the queue, so that a replay queues a job only
    when no request did, and who is handing it over now: one request at a time holds the turn
    to create and queue the job (`turn_until`), which lapses if that request dies.
    """

    key: str
    fingerprint: str
    job_id: str
    expires_at: datetime
    enqueued: bool = False
    """The job was handed to the queue: no replay queues it again."""
    turn_until: datetime | None = None
    """Until when the request that holds the turn may create and queue the job."""


class JobPosition(msgspec.Struct, frozen=True, kw_only=True):
    """Where a listing of a key's jobs stopped: the last job shown (newest first order is by
    creation time, then id). Later submissions sort before it, so it never moves."""

    created_at: datetime
    job_id: str


class JobPage(msgspec.Struct, frozen=True, kw_only=True):
    jobs: tuple[Job, ...]
    next: JobPosition | None
    """Where the next page starts; None when no job is left."""


MAX_PAGE_SIZE = 100


class JobRepository(Protocol):
    """Stores jobs and applies the step rules atomically, one write per event."""

    async def add(self, job: Job) -> bool:
        """Create `job` unless its id exists; returns False (and changes nothing) if it does.

        Raises `JobStoreFull` when a bounded store has no room for another unfinished job.
        """
        ...

    async def discard(self, job_id: str) -> None:
        """Remove a job that never left `queued` with no step recorded; otherwise do nothing.

        For a job whose enqueue failed: gone, a retry with the same Idempotency-Key creates it
        again under the same id instead of finding a job that no worker will ever run.
        """
        ...

    async def get(self, job_id: str) -> Job | None:
        """A strongly consistent read: every recorded step is there."""
        ...

    async def status(self, job_id: str) -> JobStatus | None:
        """The job's status alone, strongly consistent (cheap: a running job's worker asks it
        several times a second to learn of a cancel); None when the job does not exist."""
        ...

    async def record_step(
        self, job_id: str, event: StepEvent, *, now: datetime
    ) -> StepOutcome | None:
        """Apply the domain rules in one atomic write; None when the job does not exist."""
        ...

    async def claim_idempotency_key(
        self, claim: IdempotencyClaim, *, now: datetime
    ) -> IdempotencyClaim | None:
        """Store `claim` unless an unexpired claim holds the key; else return that claim."""
        ...

    async def take_enqueue_turn(self, key: str, *, now: datetime, until: datetime) -> bool:
        """Take the turn to create and queue the key's job, in one atomic write: True when the
        claim's job was never queued and nobody holds the turn (or it lapsed); else False."""
        ...

    async def end_enqueue_turn(self, key: str, *, enqueued: bool) -> None:
        """Give the turn back; with `enqueued`, record that the job was handed to the queue."""
        ...

    async def cancel(self, job_id: str, *, now: datetime) -> CancelOutcome | None:
        """Apply the cancel rule in one atomic write; None when the job does not exist."""
        ...

    async def record_webhook_attempt(
        self, job_id: str, *, at: datetime, delivered: bool, error: str | None
    ) -> None:
        """Count one delivery attempt of the job's webhook (its status, result and steps stay)."""
        ...

    async def list_owned(
        self,
        owner: str,
        *,
        limit: int,
        after: JobPosition | None = None,
        status: JobStatus | None = None,
    ) -> JobPage:
        """The owner's jobs newest first, those after `after` only, with `status` only when
        given; at most `limit` (1..MAX_PAGE_SIZE). An index query, never a scan of all jobs."""
        ...

    async def count_active(self, owner: str) -> int:
        """How many of the owner's jobs are queued or running."""
        ...

    async def check(self) -> None:
        """Raise if the store cannot be reached."""
        ...


class JobWatch(Protocol):
    """Tells a follower when a job's record changes (a step recorded, the status moved)."""

    async def next_change(self, job_id: str, seen: Job, *, timeout: float) -> Job | None:
        """The job as soon as its `version` differs from `seen`'s, else after `timeout` seconds
        the job as it is then (possibly unchanged); None when the job no longer exists."""
        ...


ArtifactFile = Literal["scene_graph", "ascii_minimap", "scene_svg"]


class RenderedArtifacts(msgspec.Struct, frozen=True, kw_only=True):
    scene_graph_json: bytes
    ascii_minimap: str
    scene_svg: str

    @property
    def size(self) -> int:
        """Bytes the three files come to."""
        return (
            len(self.scene_graph_json)
            + len(self.ascii_minimap.encode("utf-8"))
            + len(self.scene_svg.encode("utf-8"))
        )


class ArtifactLinks(msgspec.Struct, frozen=True, kw_only=True):
    """Fresh, time-limited links to stored artifacts."""

    scene_graph_url: str
    ascii_minimap_url: str
    expires_at: datetime
    scene_graph_key: str
    ascii_minimap_key: str
    scene_svg_url: str | None = None
    """None only for a job stored before the service drew an SVG map."""
    scene_svg_key: str | None = None


class ArtifactStore(Protocol):
    """Keeps a finished job's artifacts, hands out links to them and reads them back."""

    async def save(self, job_id: str, artifacts: RenderedArtifacts) -> ArtifactRefs: ...

    async def links(self, refs: ArtifactRefs, *, now: datetime) -> ArtifactLinks | None:
        """Links for stored artifacts (no request to the store); None for inline ones."""
        ...

    async def delete(self, refs: ArtifactRefs) -> None:
        """Remove artifacts no job will show (their job was canceled while they were stored)."""
        ...

    async def read_file(self, refs: ArtifactRefs, file: ArtifactFile) -> bytes:
        """One of the artifacts behind `refs` (one request to the store for stored ones).

        Raises `DependencyUnavailable` when the store cannot give it back.
        """
        ...

    async def check(self) -> None: ...


class QueuedJob(msgspec.Struct, frozen=True, kw_only=True):
    """What travels on the queue: enough to run the job without reading the job store."""

    job_id: str
    request: JobRequest
    trace_context: dict[str, str] = {}


class Delivery(Protocol):
    """One received message; the consumer acks it when done or releases it for another worker."""

    @property
    def job(self) -> QueuedJob: ...


class JobQueue(Protocol):
    """Carries submitted jobs from the API to the workers, at least once."""

    async def enqueue(self, job: QueuedJob) -> None: ...

    async def receive(self, *, wait_seconds: float) -> Delivery | None: ...

    async def keep_alive(self, delivery: Delivery) -> None:
        """Tell the queue the job is still being worked on."""
        ...

    async def ack(self, delivery: Delivery) -> None: ...

    async def release(self, delivery: Delivery) -> None:
        """Give the message back at once so another worker can take it."""
        ...

    async def check(self) -> None: ...


class SecretProvider(Protocol):
    """The internal callback token: the current one, and every one still accepted."""

    async def current(self) -> str: ...

    async def accepted(self) -> tuple[str, ...]: ...


class StepReport(msgspec.Struct, frozen=True, kw_only=True):
    applied: bool
    job_status: JobStatus


class StepRejected(Exception):
    """The service refused the event: the job has finished (or was canceled) or does not exist."""

    def __init__(self, reason: str, job_status: JobStatus | None = None) -> None:
        super().__init__(reason)
        self.job_status = job_status


class StepReporter(Protocol):
    """Reports a step event of a job to the service."""

    async def report(self, job_id: str, event: StepEvent) -> StepReport: ...


class Metrics(Protocol):
    """Operational metrics; a sink must never fail the caller."""

    def count(self, name: str, dimensions: Mapping[str, str], value: float = 1.0) -> None: ...

    def observe(
        self, name: str, dimensions: Mapping[str, str], value: float, unit: str
    ) -> None: ...


class MetricsReadout(Protocol):
    """A sink that keeps its figures in the process (demo mode) and can show them."""

    def totals_by_metric(self) -> dict[str, dict[str, float]]:
        """Each metric's total per dimension set, labelled `Name=value,...` (`-` for none)."""
        ...


class Tracer(Protocol):
    """Spans for a job run and its steps, continuing the trace the API put on the queue.

    `job` wraps one run, given the queued job's `trace_context`; `step` wraps each step, so the
    step's callbacks carry its context. Tracing never fails the caller.
    """

    def job(self, job_id: str, carrier: Mapping[str, str]) -> AbstractContextManager[object]: ...

    def step(self, job_id: str, step_name: str) -> AbstractContextManager[object]: ...

    def current_context(self) -> dict[str, str]:
        """The current trace context as W3C headers, to carry to the worker with a job."""
        ...
