"""Submit a job: create it (once per Idempotency-Key) and put it on the queue."""

import contextlib
import hashlib
import logging
from datetime import datetime, timedelta
from typing import Protocol

import msgspec

from application import metric_names as m
from application.errors import DependencyUnavailable, IdempotencyKeyReused, SubmissionInProgress
from application.ports import (
    Clock,
    IdempotencyClaim,
    JobIds,
    JobQueue,
    JobRepository,
    Metrics,
    QueuedJob,
    Tracer,
)
from application.use_cases.quotas import QuotaDecision, QuotaExceeded, SubmissionQuotaHandler
from application.webhooks.ports import WebhookUrlGuard, WebhookUrlRefused
from domain.jobs import Job, JobRequest, JobStatus, Webhook, WebhookEvent, new_job
from domain.keys import ApiKey

log = logging.getLogger(__name__)

ENQUEUE_TURN = timedelta(seconds=8)
"""How long one request holds an Idempotency-Key's turn to create and queue its job: longer than
the four store and queue calls that takes (each bounded by the AWS request deadline, 1.8 s), and
short, because a request that failed during an outage cannot give its turn back: a retry after
the outage waits this long at most (409 with Retry-After until then)."""
TURN_RETRY_AFTER_SECONDS = 1


class SeedSource(Protocol):
    """Picks a seed when the client gives none."""

    def new_seed(self) -> int: ...


class SubmitJob(msgspec.Struct, frozen=True, kw_only=True):
    prompt: str
    width: int
    height: int
    seed: int | None = None
    idempotency_key: str | None = None
    webhook_url: str | None = None
    webhook_events: tuple[WebhookEvent, ...] = ("terminal",)
    owner: str | None = None
    """The id of the submitting API key; None when the service runs without keys."""
    key: ApiKey | None = None
    """The submitting API key, whose quotas the submission is counted against (its id is
    `owner`); None: no quota (the service runs without keys)."""

    def scoped_idempotency_key(self) -> str | None:
        """The Idempotency-Key in its owner's namespace: two keys never share a claim.

        Without an owner the key is used as given (claims made before keys existed still
        hold); an owner's keys are prefixed with the owner and a newline, which no
        Idempotency-Key contains (printable ASCII only), so no raw key can collide with them.
        """
        if self.idempotency_key is None or self.owner is None:
            return self.idempotency_key
        return f"{self.owner}\n{self.idempotency_key}"

    def fingerprint(self) -> str:
        """Identifies the request body, so a reused key with another body can be refused."""
        fields: list[object] = [self.prompt, self.seed, self.width, self.height]
        if self.webhook_url is not None:
            fields += [self.webhook_url, sorted(set(self.webhook_events))]
        body = msgspec.json.encode(fields)
        return hashlib.sha256(body).hexdigest()

    def webhook(self) -> Webhook | None:
        if self.webhook_url is None:
            return None
        events = tuple(event for event in ("terminal", "step") if event in self.webhook_events)
        return Webhook(url=self.webhook_url, events=events)


class SubmitResult(msgspec.Struct, frozen=True, kw_only=True):
    job: Job
    created: bool
    quota: QuotaDecision | None = None
    """How the submission was counted against its key's quotas; None without a key."""


class SubmitJobHandler:
    """Creates the job with a conditional write and enqueues it exactly when it was created.

    With an Idempotency-Key, the key's claim records whether the job was handed to the queue,
    and one request at a time holds the turn to create and queue it: a replay returns the job
    as it is, and queues it only when no request did (its first answer was a 503, or its
    process died before the queue took the job). A replay while another request holds the turn
    is told to retry (`SubmissionInProgress`).

    A keyed submission is counted against its key's quotas (`SubmissionQuotaHandler.take`)
    once its new job is stored and before it is queued: the job's id is its active-job slot,
    so a refused or failed submission gives back exactly what it took (the job is discarded,
    the slot released), and the slot is known by a job that exists while it is held. A replay
    whose job exists takes no slot; a replay that queues the job itself reserves its slot
    (again: reserving is idempotent). Refused: `QuotaExceeded`.
    """

    def __init__(
        self,
        *,
        jobs: JobRepository,
        queue: JobQueue,
        ids: JobIds,
        seeds: SeedSource,
        clock: Clock,
        metrics: Metrics,
        retention: timedelta,
        tracer: Tracer | None = None,
        webhook_guard: WebhookUrlGuard | None = None,
        quota: SubmissionQuotaHandler | None = None,
    ) -> None:
        self._jobs = jobs
        self._queue = queue
        self._ids = ids
        self._seeds = seeds
        self._clock = clock
        self._metrics = metrics
        self._retention = retention
        self._tracer = tracer
        self._webhook_guard = webhook_guard
        self._quota = quota

    async def __call__(self, command: SubmitJob) -> SubmitResult:
        """Create the job and queue it with the current trace context, so its run joins it.

        Raises `WebhookUrlRefused` for a webhook URL the service will not call,
        `IdempotencyKeyReused` for a key used with another body, `SubmissionInProgress`, and
        `QuotaExceeded` beyond the key's quotas.
        """
        if command.webhook_url is not None:
            if self._webhook_guard is None:
                raise WebhookUrlRefused(
                    "this server sends no webhooks: it has no signing secret (WEBHOOK_SECRET or "
                    "WEBHOOK_SECRET_PARAMETER)"
                )
            await self._webhook_guard.check(command.webhook_url)
        now = self._clock.now()
        key = command.scoped_idempotency_key()
        if key is None:
            return await self._create_and_enqueue(
                command, self._new_job(command, self._ids.new_id(now), now)
            )
        claim = IdempotencyClaim(
            key=key,
            fingerprint=command.fingerprint(),
            job_id=self._ids.new_id(now),
            expires_at=now + self._retention,
            turn_until=now + ENQUEUE_TURN,
        )
        existing = await self._jobs.claim_idempotency_key(claim, now=now)
        if existing is None:
            return await self._create_and_enqueue(
                command, self._new_job(command, claim.job_id, now), key
            )
        if existing.fingerprint != claim.fingerprint:
            raise IdempotencyKeyReused(command.idempotency_key)
        return await self._replay(command, existing, now)

    async def _replay(
        self, command: SubmitJob, existing: IdempotencyClaim, now: datetime
    ) -> SubmitResult:
        original = await self._jobs.get(existing.job_id)
        if original is not None and (existing.enqueued or not _never_started(original)):
            return SubmitResult(job=original, created=False, quota=await self._count(command))
        # The job was never handed to the queue (or never created): whoever holds the turn
        # does it, once.
        if not await self._jobs.take_enqueue_turn(existing.key, now=now, until=now + ENQUEUE_TURN):
            raise SubmissionInProgress(TURN_RETRY_AFTER_SECONDS)
        if original is None:
            return await self._create_and_enqueue(
                command, self._new_job(command, existing.job_id, now), existing.key
            )
        decision = await self._count_stored(command, original, existing.key)
        await self._enqueue_under_turn(original, existing.key, created_here=False)
        return SubmitResult(job=original, created=False, quota=decision)

    def _new_job(self, command: SubmitJob, job_id: str, now: datetime) -> Job:
        """The job as of `now`, the submission's one clock reading (its Idempotency-Key claim
        expires with it: two readings a second apart gave them different TTLs)."""
        request = JobRequest(
            prompt=command.prompt,
            seed=command.seed if command.seed is not None else self._seeds.new_seed(),
            width=command.width,
            height=command.height,
        )
        return new_job(
            job_id=job_id,
            request=request,
            now=now,
            retention=self._retention,
            webhook=command.webhook(),
            owner=command.owner,
        )

    async def _create_and_enqueue(
        self, command: SubmitJob, job: Job, key: str | None = None
    ) -> SubmitResult:
        """Add the job, count it against its key's quotas and queue it; the caller holds the
        Idempotency-Key's turn, when there is one."""
        try:
            stored = await self._add(job)
        except Exception:
            await self._end_turn(key, enqueued=False)
            raise
        if not _never_started(stored):
            await self._end_turn(key, enqueued=True)
            return SubmitResult(job=stored, created=False, quota=await self._count(command))
        decision = await self._count_stored(command, stored, key)
        await self._enqueue_under_turn(stored, key, created_here=True)
        self._metrics.count(m.JOBS_BY_STATUS, {m.STATUS: stored.status.value})
        log.info("job queued", extra={"job_id": stored.id})
        return SubmitResult(job=stored, created=True, quota=decision)

    async def _count(self, command: SubmitJob) -> QuotaDecision | None:
        """A replay of a job that exists: counted by the rate, taking no slot."""
        if self._quota is None or command.key is None:
            return None
        decision = await self._quota.take(command.key, None)
        if not decision.allowed:
            raise QuotaExceeded(decision)
        return decision

    async def _count_stored(
        self, command: SubmitJob, job: Job, key: str | None
    ) -> QuotaDecision | None:
        """Reserve the stored, not yet queued job's slot and count it; when refused (or the
        quota cannot be read) the job is discarded, so nothing of the submission stays."""
        if self._quota is None or command.key is None:
            return None
        try:
            decision = await self._quota.take(command.key, job.id)
        except Exception:
            await self._give_up(job, key)
            raise
        if not decision.allowed:
            await self._give_up(job, key)
            raise QuotaExceeded(decision)
        return decision

    async def _give_up(self, job: Job, key: str | None) -> None:
        with contextlib.suppress(Exception):
            await self._jobs.discard(job.id)
        await self._end_turn(key, enqueued=False)

    async def _add(self, job: Job) -> Job:
        """The job as stored: this one, or the one already stored under its id."""
        if await self._jobs.add(job):
            return job
        # The id is this call's own (or its key's), so the item found is this request's job: a
        # conditional put that was applied but whose answer was lost, then retried, or an
        # earlier attempt with the same key. It still has to be queued, unless it has run.
        stored = await self._jobs.get(job.id)
        if stored is None:
            raise DependencyUnavailable("job store", "the job was neither created nor found")
        return stored

    async def _enqueue_under_turn(self, job: Job, key: str | None, *, created_here: bool) -> None:
        try:
            await self._enqueue(job)
        except Exception:
            if created_here:
                # No worker will ever see this job: remove it so a retry creates it afresh.
                with contextlib.suppress(Exception):
                    await self._jobs.discard(job.id)
            if self._quota is not None and job.owner is not None:
                # Unqueued, it is no active job: its slot is reserved again when it is queued.
                await self._quota.release(job.owner, job.id)
            await self._end_turn(key, enqueued=False)
            raise
        await self._end_turn(key, enqueued=True)

    async def _end_turn(self, key: str | None, *, enqueued: bool) -> None:
        """Best effort: a turn not given back lapses after ENQUEUE_TURN, and a job queued but
        not recorded as such is queued once more by a replay (at least once)."""
        if key is None:
            return
        try:
            await self._jobs.end_enqueue_turn(key, enqueued=enqueued)
        except Exception as error:
            log.warning("could not record the Idempotency-Key's enqueue: %s", error)

    async def _enqueue(self, job: Job) -> None:
        trace_context = self._tracer.current_context() if self._tracer is not None else {}
        await self._queue.enqueue(
            QueuedJob(job_id=job.id, request=job.request, trace_context=trace_context)
        )


def _never_started(job: Job) -> bool:
    return job.status is JobStatus.QUEUED and not job.steps
