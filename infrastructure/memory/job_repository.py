"""InMemoryJobRepository: demo-mode jobs, correct under concurrent requests."""

import asyncio
from datetime import datetime

from application.ports import IdempotencyClaim
from domain.jobs import Job, JobStatus, StepEvent, StepOutcome, apply_step


class InMemoryJobRepository:
    """Each write is a read-apply-replace under one lock, so concurrent events never interleave."""

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._claims: dict[str, IdempotencyClaim] = {}
        self._lock = asyncio.Lock()

    async def add(self, job: Job) -> bool:
        async with self._lock:
            if job.id in self._jobs:
                return False
            self._jobs[job.id] = job
            return True

    async def discard(self, job_id: str) -> None:
        async with self._lock:
            job = self._jobs.get(job_id)
            if job is not None and job.status is JobStatus.QUEUED and not job.steps:
                del self._jobs[job_id]

    async def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    async def record_step(
        self, job_id: str, event: StepEvent, *, now: datetime
    ) -> StepOutcome | None:
        async with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                return None
            outcome = apply_step(job, event, now=now)
            if outcome.applied:
                self._jobs[job_id] = outcome.job
            return outcome

    async def claim_idempotency_key(
        self, claim: IdempotencyClaim, *, now: datetime
    ) -> IdempotencyClaim | None:
        async with self._lock:
            existing = self._claims.get(claim.key)
            if existing is not None and existing.expires_at > now:
                return existing
            self._claims[claim.key] = claim
            return None

    async def check(self) -> None:
        return None
