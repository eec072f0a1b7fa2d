"""Per-key quotas on submissions: a rate per minute and a number of active jobs."""

import asyncio
import logging
import math
from datetime import datetime, timedelta
from typing import Literal

import msgspec

from application.keys.ports import ActiveJobSlots, RateCounter
from application.ports import Clock, JobRepository
from domain.keys import MAX_ACTIVE_LIMIT, RATE_WINDOW, ApiKey, rate_window_of

log = logging.getLogger(__name__)

DEFAULT_RATE_PER_MINUTE = 60
DEFAULT_MAX_ACTIVE_JOBS = 10
ACTIVE_RETRY_AFTER_SECONDS = 5
"""How long a key at its limit of active jobs is asked to wait: about the time a job runs."""
RECLAIM_READS_AT_ONCE = 25
"""Jobs read (or slots freed) at once while reclaiming a key's slots (at most MAX_ACTIVE_LIMIT)."""
COUNTER_GRACE = timedelta(minutes=5)
"""A window's counter outlives its minute a little, for clocks a few seconds apart."""

Exceeded = Literal["rate", "active"]


class QuotaLimits(msgspec.Struct, frozen=True, kw_only=True):
    """The service's defaults (RATE_LIMIT_PER_MINUTE, MAX_ACTIVE_JOBS_PER_KEY)."""

    rate_per_minute: int = DEFAULT_RATE_PER_MINUTE
    max_active: int = DEFAULT_MAX_ACTIVE_JOBS

    def __post_init__(self) -> None:
        if self.rate_per_minute < 1 or self.max_active < 1:
            raise ValueError("quota limits are at least 1")
        if self.max_active > MAX_ACTIVE_LIMIT:
            raise ValueError(f"max active is at most {MAX_ACTIVE_LIMIT:,}")

    def for_key(self, key: ApiKey) -> "QuotaLimits":
        """The key's own limits win over the defaults (a max active stored before it was
        bounded is taken as MAX_ACTIVE_LIMIT)."""
        return QuotaLimits(
            rate_per_minute=key.rate_per_minute or self.rate_per_minute,
            max_active=min(key.max_active or self.max_active, MAX_ACTIVE_LIMIT),
        )


class QuotaDecision(msgspec.Struct, frozen=True, kw_only=True):
    """What the RateLimit-* headers say, and whether the submission may go ahead.

    `limit`, `remaining` and `reset_seconds` describe the key's rate window (RateLimit-Limit,
    -Remaining, -Reset); `retry_after_seconds` is set when refused (Retry-After).
    """

    allowed: bool
    limit: int
    remaining: int
    reset_seconds: int
    retry_after_seconds: int | None = None
    exceeded: Exceeded | None = None
    max_active: int
    active: int | None = None
    """The key's reserved slots (its queued and running jobs), when a submission reserved or was
    refused one; None for a replay, which reserves none."""


class QuotaExceeded(Exception):
    """A submission its key's quota refuses (429): `decision` says which limit and when to retry."""

    def __init__(self, decision: QuotaDecision) -> None:
        super().__init__(f"the key's {decision.exceeded} quota is exceeded")
        self.decision = decision


class SubmissionQuotaHandler:
    """Checks and counts a key's submission against its quotas; shared by every API process.

    `take` (called by the submit use case once the new job is stored, before it is queued)
    first reserves one of the key's `max_active` slots for the job (refused when they are full,
    nothing counted), then counts the submission in the current minute's window with one atomic
    conditional write (refused when the window is full, and the slot given back). Both are
    exact: submissions racing each other from one key, in one process or many, never pass
    either limit. A replay of an Idempotency-Key whose job exists takes no slot (`job_id`
    None) and is counted by the rate like any submission. `current` reads the window only,
    for the RateLimit-* headers of a keyed request that submits nothing.

    A job's slot is given back when it ends (the step and cancel use cases call `release`), or
    when its submission fails after reserving. A slot whose give-back was lost (a crash, an
    outage, a job that expired while queued) is reclaimed when it is in the way: a refused
    reservation reads the key's slots once, frees those whose job is gone or no longer queued
    or running (strongly consistent reads of the jobs), and tries again.
    """

    def __init__(
        self,
        *,
        jobs: JobRepository,
        counter: RateCounter,
        slots: ActiveJobSlots,
        clock: Clock,
        defaults: QuotaLimits | None = None,
    ) -> None:
        self._jobs = jobs
        self._counter = counter
        self._slots = slots
        self._clock = clock
        self._defaults = defaults or QuotaLimits()

    async def take(self, key: ApiKey, job_id: str | None) -> QuotaDecision:
        """Reserve `job_id`'s slot (a job already stored, owned by `key`; None for a replay,
        which takes none) and count the submission; see the class's docstring."""
        limits = self._defaults.for_key(key)
        now = self._clock.now()
        window = rate_window_of(now)
        reset = _seconds_until(window + RATE_WINDOW, now)
        active: int | None = None
        if job_id is not None:
            reserved, active = await self._reserve(key.id, job_id, limits.max_active)
            if not reserved:
                used = await self._counter.used(key.id, window)
                return QuotaDecision(
                    allowed=False,
                    limit=limits.rate_per_minute,
                    remaining=max(0, limits.rate_per_minute - used),
                    reset_seconds=reset,
                    retry_after_seconds=ACTIVE_RETRY_AFTER_SECONDS,
                    exceeded="active",
                    max_active=limits.max_active,
                    active=active,
                )
        try:
            counted = await self._counter.take(
                key.id,
                window,
                limit=limits.rate_per_minute,
                expires_at=window + RATE_WINDOW + COUNTER_GRACE,
            )
        except Exception:
            if job_id is not None:
                await self.release(key.id, job_id)
            raise
        if counted is None:
            if job_id is not None:
                await self.release(key.id, job_id)
            return QuotaDecision(
                allowed=False,
                limit=limits.rate_per_minute,
                remaining=0,
                reset_seconds=reset,
                retry_after_seconds=reset,
                exceeded="rate",
                max_active=limits.max_active,
                active=None if active is None else active - 1,
            )
        return QuotaDecision(
            allowed=True,
            limit=limits.rate_per_minute,
            remaining=max(0, limits.rate_per_minute - counted),
            reset_seconds=reset,
            max_active=limits.max_active,
            active=active,
        )

    async def release(self, owner: str, job_id: str) -> None:
        """Give the job's slot back, best effort: a slot not given back is reclaimed by the
        next reservation it is in the way of."""
        await release_slot(self._slots, owner, job_id)

    async def _reserve(self, owner: str, job_id: str, limit: int) -> tuple[bool, int]:
        """Whether the slot is reserved, and how many the key holds."""
        held = await self._slots.reserve(owner, job_id, limit=limit)
        if held is not None:
            return True, held
        remaining = await self._reclaim(owner, job_id)
        if remaining >= limit:
            return False, remaining
        held = await self._slots.reserve(owner, job_id, limit=limit)
        if held is not None:
            return True, held
        return False, limit  # another submission took the slot just freed

    async def _reclaim(self, owner: str, job_id: str) -> int:
        """Free the slots of the key's jobs that are gone or have ended; how many stay held."""
        others = sorted(await self._slots.held(owner) - {job_id})
        leaked: list[str] = []
        for start in range(0, len(others), RECLAIM_READS_AT_ONCE):
            batch = others[start : start + RECLAIM_READS_AT_ONCE]
            jobs = await asyncio.gather(*(self._jobs.get(other) for other in batch))
            leaked += [
                other
                for other, job in zip(batch, jobs, strict=True)
                if job is None or not job.is_active or job.owner != owner
            ]
        for start in range(0, len(leaked), RECLAIM_READS_AT_ONCE):
            batch = leaked[start : start + RECLAIM_READS_AT_ONCE]
            await asyncio.gather(*(self._slots.release(owner, other) for other in batch))
        if leaked:
            log.info("reclaimed %d active job slots of key %s", len(leaked), owner)
        return len(others) - len(leaked)

    async def current(self, key: ApiKey) -> QuotaDecision:
        """The key's rate window as it is, counting nothing."""
        limits = self._defaults.for_key(key)
        now = self._clock.now()
        window = rate_window_of(now)
        used = await self._counter.used(key.id, window)
        return QuotaDecision(
            allowed=used < limits.rate_per_minute,
            limit=limits.rate_per_minute,
            remaining=max(0, limits.rate_per_minute - used),
            reset_seconds=_seconds_until(window + RATE_WINDOW, now),
            max_active=limits.max_active,
        )


async def release_slot(slots: ActiveJobSlots, owner: str, job_id: str) -> None:
    """Give a job's slot back, best effort: a failure is logged, never raised (the job's end
    or refusal stands; the slot is reclaimed by the next reservation it is in the way of)."""
    try:
        await slots.release(owner, job_id)
    except Exception as error:
        log.warning("could not release the active job slot of %s: %s", job_id, error)


def _seconds_until(moment: datetime, now: datetime) -> int:
    """Whole seconds, rounded up and at least 1 (a Retry-After of 0 invites a busy loop)."""
    return max(1, math.ceil((moment - now).total_seconds()))
