"""InMemoryJobRepository: demo-mode jobs, bounded in number and expiring like DynamoDB items."""

import asyncio
from collections import OrderedDict
from datetime import datetime

import msgspec

from application.errors import JobStoreFull
from application.ports import MAX_PAGE_SIZE, Clock, IdempotencyClaim, JobPage, JobPosition
from domain.jobs import (
    CancelOutcome,
    InlineArtifacts,
    Job,
    JobStatus,
    StepEvent,
    StepOutcome,
    apply_step,
    cancel_job,
)

DEFAULT_MAX_JOBS = 1000
DEFAULT_MAX_ARTIFACT_BYTES = 64 * 1024 * 1024
CLAIMS_PER_JOB = 2
"""Keys kept per job slot: room for keys whose job was refused (503) besides the live ones."""


class InMemoryJobRepository:
    """Each write is a read-apply-replace under one lock, so concurrent events never interleave.

    Jobs and Idempotency-Keys disappear at their `expires_at` (creation + RETENTION_DAYS), as
    DynamoDB's TTL deletes their items. At most `max_jobs` jobs are kept: adding one more evicts
    the job that finished longest ago, never a queued or running one, and raises `JobStoreFull`
    when every slot holds an unfinished job. The inline artifacts of the jobs kept come to at
    most `max_artifact_bytes`: a job finishing with artifacts past that evicts the jobs that
    finished longest ago until they fit (never itself). Every structure is kept in the order it
    is used from (creation order for expiry, finishing order for eviction), so each costs O(1)
    per job: no scan, nothing awaited while the lock is held.
    """

    def __init__(
        self,
        *,
        clock: Clock,
        max_jobs: int = DEFAULT_MAX_JOBS,
        max_artifact_bytes: int = DEFAULT_MAX_ARTIFACT_BYTES,
    ) -> None:
        if max_jobs < 1:
            raise ValueError("max_jobs must be at least 1")
        self._clock = clock
        self._max_jobs = max_jobs
        self._max_artifact_bytes = max_artifact_bytes
        self.artifact_bytes = 0
        """Bytes of inline artifacts the kept jobs hold."""
        self._max_claims = CLAIMS_PER_JOB * max_jobs
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        """In creation order, which is expiry order: every job lives the same retention."""
        self._finished: OrderedDict[str, None] = OrderedDict()
        """Finished jobs in the order they finished: the first is the next to evict."""
        self._claims: OrderedDict[str, IdempotencyClaim] = OrderedDict()
        """In the order they were made, which is expiry order."""
        self._key_of_job: dict[str, str] = {}
        self._owned: dict[str, dict[str, None]] = {}
        """Each API key's job ids, as the DynamoDB index on (owner, created) holds them."""
        self._changed: dict[str, asyncio.Event] = {}
        """Set (and dropped) when the job changes; made only while someone follows the job."""
        self._lock = asyncio.Lock()

    async def add(self, job: Job) -> bool:
        async with self._lock:
            self._expire(self._clock.now())
            if job.id in self._jobs:
                return False
            if len(self._jobs) >= self._max_jobs:
                self._evict_longest_finished()
            self._jobs[job.id] = job
            if job.owner is not None:
                self._owned.setdefault(job.owner, {})[job.id] = None
            if job.status.is_terminal:
                self._finished[job.id] = None
            self.artifact_bytes += _artifact_size(job)
            self._evict_for_artifacts(keep=job.id)
            return True

    async def discard(self, job_id: str) -> None:
        async with self._lock:
            job = self._jobs.get(job_id)
            if job is not None and job.status is JobStatus.QUEUED and not job.steps:
                # The key stays claimed: a retry with it creates the job again under this id.
                del self._jobs[job_id]
                self._forget_owned(job)

    async def get(self, job_id: str) -> Job | None:
        return self._live(job_id)  # nothing awaited inside: atomic on the event loop

    async def status(self, job_id: str) -> JobStatus | None:
        job = self._live(job_id)
        return None if job is None else job.status

    async def record_step(
        self, job_id: str, event: StepEvent, *, now: datetime
    ) -> StepOutcome | None:
        async with self._lock:
            job = self._live(job_id)
            if job is None:
                return None
            outcome = apply_step(job, event, now=now)
            if outcome.applied:
                self._replace(job, outcome.job)
            return outcome

    async def cancel(self, job_id: str, *, now: datetime) -> CancelOutcome | None:
        async with self._lock:
            job = self._live(job_id)
            if job is None:
                return None
            outcome = cancel_job(job, now=now)
            if outcome.moved:
                self._replace(job, outcome.job)
            return outcome

    async def record_webhook_attempt(
        self, job_id: str, *, at: datetime, delivered: bool, error: str | None
    ) -> None:
        async with self._lock:
            job = self._live(job_id)
            if job is None or job.webhook is None:
                return
            webhook = msgspec.structs.replace(
                job.webhook,
                attempts=job.webhook.attempts + 1,
                delivered_at=at if delivered else job.webhook.delivered_at,
                last_error=None if delivered else error,
            )
            self._jobs[job_id] = msgspec.structs.replace(job, webhook=webhook)

    def change_signal(self, job_id: str) -> asyncio.Event:
        """An event set at the job's next change (a step recorded, a cancel, its removal)."""
        signal = self._changed.get(job_id)
        if signal is None:
            signal = self._changed[job_id] = asyncio.Event()
        return signal

    async def claim_idempotency_key(
        self, claim: IdempotencyClaim, *, now: datetime
    ) -> IdempotencyClaim | None:
        async with self._lock:
            self._expire(self._clock.now())
            existing = self._claims.get(claim.key)
            if existing is not None and existing.expires_at > now:
                return existing
            if existing is not None:
                self._forget_claim(claim.key)
            self._claims[claim.key] = claim
            self._key_of_job[claim.job_id] = claim.key
            while len(self._claims) > self._max_claims:
                self._forget_claim(next(iter(self._claims)))
            return None

    async def take_enqueue_turn(self, key: str, *, now: datetime, until: datetime) -> bool:
        async with self._lock:
            claim = self._claims.get(key)
            if claim is None or claim.enqueued:
                return False
            if claim.turn_until is not None and claim.turn_until > now:
                return False
            self._claims[key] = msgspec.structs.replace(claim, turn_until=until)
            return True

    async def end_enqueue_turn(self, key: str, *, enqueued: bool) -> None:
        async with self._lock:
            claim = self._claims.get(key)
            if claim is not None:
                self._claims[key] = msgspec.structs.replace(
                    claim, turn_until=None, enqueued=claim.enqueued or enqueued
                )

    async def list_owned(
        self,
        owner: str,
        *,
        limit: int,
        after: JobPosition | None = None,
        status: JobStatus | None = None,
    ) -> JobPage:
        if not 1 <= limit <= MAX_PAGE_SIZE:
            raise ValueError(f"limit must be 1..{MAX_PAGE_SIZE}")
        now = self._clock.now()
        self._expire(now)
        # At most max_jobs jobs in all, so sorting one key's ids is cheap.
        owned = [self._jobs[job_id] for job_id in self._owned.get(owner, ())]
        owned.sort(key=_position, reverse=True)
        start = None if after is None else (after.created_at, after.job_id)
        page: list[Job] = []
        for job in owned:
            if start is not None and _position(job) >= start:
                continue
            if status is not None and job.status is not status:
                continue
            if len(page) == limit:
                last = page[-1]
                return JobPage(
                    jobs=tuple(page),
                    next=JobPosition(created_at=last.created_at, job_id=last.id),
                )
            page.append(job)
        return JobPage(jobs=tuple(page), next=None)

    async def count_active(self, owner: str) -> int:
        self._expire(self._clock.now())
        return sum(1 for job_id in self._owned.get(owner, ()) if self._jobs[job_id].is_active)

    async def check(self) -> None:
        return None

    def __len__(self) -> int:
        """How many jobs are kept, expired ones not yet swept included."""
        return len(self._jobs)

    def _live(self, job_id: str) -> Job | None:
        """The job unless it is unknown or expired (swept or not: the clock may step back)."""
        now = self._clock.now()
        self._expire(now)
        job = self._jobs.get(job_id)
        return job if job is not None and job.expires_at > now else None

    def _replace(self, old: Job, new: Job) -> None:
        self._jobs[new.id] = new
        if new.status.is_terminal and not old.status.is_terminal:
            self._finished[new.id] = None
        added = _artifact_size(new) - _artifact_size(old)
        if added:
            self.artifact_bytes += added
            self._evict_for_artifacts(keep=new.id)
        self._notify(new.id)

    def _evict_for_artifacts(self, *, keep: str) -> None:
        while self.artifact_bytes > self._max_artifact_bytes and self._finished:
            oldest = next(iter(self._finished))
            if oldest == keep:
                return
            self._remove(oldest)

    def _notify(self, job_id: str) -> None:
        signal = self._changed.pop(job_id, None)
        if signal is not None:
            signal.set()

    def _expire(self, now: datetime) -> None:
        """Drop what has reached its `expires_at`, oldest first: O(1) per item dropped."""
        while self._jobs:
            job_id, job = next(iter(self._jobs.items()))
            if job.expires_at > now:
                break
            self._remove(job_id)
        while self._claims:
            key, claim = next(iter(self._claims.items()))
            if claim.expires_at > now:
                break
            self._forget_claim(key)

    def _evict_longest_finished(self) -> None:
        if not self._finished:
            raise JobStoreFull(self._max_jobs)
        job_id, _ = self._finished.popitem(last=False)
        self._remove(job_id)

    def _remove(self, job_id: str) -> None:
        """A job leaves with its Idempotency-Key: a retry with the key makes a new job."""
        job = self._jobs.pop(job_id)
        self.artifact_bytes -= _artifact_size(job)
        self._forget_owned(job)
        self._finished.pop(job_id, None)
        self._notify(job_id)
        key = self._key_of_job.get(job_id)
        if key is not None:
            self._forget_claim(key)

    def _forget_owned(self, job: Job) -> None:
        if job.owner is None:
            return
        owned = self._owned.get(job.owner)
        if owned is not None:
            owned.pop(job.id, None)
            if not owned:
                del self._owned[job.owner]

    def _forget_claim(self, key: str) -> None:
        claim = self._claims.pop(key, None)
        if claim is not None and self._key_of_job.get(claim.job_id) == key:
            del self._key_of_job[claim.job_id]


def _position(job: Job) -> tuple[datetime, str]:
    return (job.created_at, job.id)


def _artifact_size(job: Job) -> int:
    return job.result.size if isinstance(job.result, InlineArtifacts) else 0
