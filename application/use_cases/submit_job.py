"""Submit a job: create it (once per Idempotency-Key) and put it on the queue."""

import contextlib
import hashlib
import logging
from datetime import timedelta
from typing import Protocol

import msgspec

from application import metric_names as m
from application.errors import DependencyUnavailable, IdempotencyKeyReused
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
from application.webhooks.ports import WebhookUrlGuard, WebhookUrlRefused
from domain.jobs import Job, JobRequest, JobStatus, Webhook, WebhookEvent, new_job

log = logging.getLogger(__name__)


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


class SubmitJobHandler:
    """Creates the job with a conditional write and enqueues it exactly when it was created."""

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

    async def __call__(self, command: SubmitJob) -> SubmitResult:
        """Create the job and queue it with the current trace context, so its run joins it.

        Raises `WebhookUrlRefused` for a webhook URL the service will not call.
        """
        if command.webhook_url is not None:
            if self._webhook_guard is None:
                raise WebhookUrlRefused(
                    "this server sends no webhooks: it has no signing secret (WEBHOOK_SECRET or "
                    "WEBHOOK_SECRET_PARAMETER)"
                )
            await self._webhook_guard.check(command.webhook_url)
        now = self._clock.now()
        job_id = self._ids.new_id(now)
        if command.idempotency_key is not None:
            claim = IdempotencyClaim(
                key=command.idempotency_key,
                fingerprint=command.fingerprint(),
                job_id=job_id,
                expires_at=now + self._retention,
            )
            existing = await self._jobs.claim_idempotency_key(claim, now=now)
            if existing is not None:
                if existing.fingerprint != claim.fingerprint:
                    raise IdempotencyKeyReused(command.idempotency_key)
                original = await self._jobs.get(existing.job_id)
                if original is not None:
                    if _never_started(original):
                        # The earlier attempt may have stopped before queueing it (its answer
                        # was a 503): queue it again; a second run changes nothing recorded.
                        await self._enqueue(original)
                    return SubmitResult(job=original, created=False)
                # The earlier attempt stopped between claiming the key and creating the job.
                job_id = existing.job_id
        request = JobRequest(
            prompt=command.prompt,
            seed=command.seed if command.seed is not None else self._seeds.new_seed(),
            width=command.width,
            height=command.height,
        )
        job = new_job(
            job_id=job_id,
            request=request,
            now=now,
            retention=self._retention,
            webhook=command.webhook(),
        )
        if not await self._jobs.add(job):
            # The id is this call's own (or its key's), so the item found is this request's job:
            # a conditional put that was applied but whose answer was lost, then retried, or an
            # earlier attempt with the same key. It still has to be queued, unless it has run.
            stored = await self._jobs.get(job_id)
            if stored is None:
                raise DependencyUnavailable("job store", "the job was neither created nor found")
            if not _never_started(stored):
                return SubmitResult(job=stored, created=False)
            job = stored
        try:
            await self._enqueue(job)
        except Exception:
            # No worker will ever see this job: remove it so a retry creates it afresh.
            with contextlib.suppress(Exception):
                await self._jobs.discard(job.id)
            raise
        self._metrics.count(m.JOBS_BY_STATUS, {m.STATUS: job.status.value})
        log.info("job queued", extra={"job_id": job.id})
        return SubmitResult(job=job, created=True)

    async def _enqueue(self, job: Job) -> None:
        trace_context = self._tracer.current_context() if self._tracer is not None else {}
        await self._queue.enqueue(
            QueuedJob(job_id=job.id, request=job.request, trace_context=trace_context)
        )


def _never_started(job: Job) -> bool:
    return job.status is JobStatus.QUEUED and not job.steps
