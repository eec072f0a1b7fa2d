"""Per-key quotas on submissions: a rate per minute and a number of active jobs."""

import math
from datetime import datetime, timedelta
from typing import Literal

import msgspec

from application.keys.ports import RateCounter
from application.ports import Clock, JobRepository
from domain.keys import RATE_WINDOW, ApiKey, rate_window_of

DEFAULT_RATE_PER_MINUTE = 60
DEFAULT_MAX_ACTIVE_JOBS = 10
ACTIVE_RETRY_AFTER_SECONDS = 5
"""How long a key at its limit of active jobs is asked to wait: about the time a job runs."""
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

    def for_key(self, key: ApiKey) -> "QuotaLimits":
        """The key's own limits win over the defaults."""
        return QuotaLimits(
            rate_per_minute=key.rate_per_minute or self.rate_per_minute,
            max_active=key.max_active or self.max_active,
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
    """The key's queued and running jobs, when they were counted (submissions only)."""


class SubmissionQuotaHandler:
    """Checks and counts a key's submission against its quotas; shared by every API process.

    `take` (for POST /generate) first counts the key's active jobs (refused at `max_active`,
    nothing counted), then counts the submission in the current minute's window with one atomic
    conditional write (refused when the window is full). `current` reads the window only, for
    the RateLimit-* headers of a keyed request that submits nothing.

    The active count is read, not reserved: submissions racing each other from one key may
    pass it together, overshooting `max_active` by at most their number (each still counted
    by the rate limit, which is exact). A replay of an Idempotency-Key is counted like any
    submission.
    """

    def __init__(
        self,
        *,
        jobs: JobRepository,
        counter: RateCounter,
        clock: Clock,
        defaults: QuotaLimits | None = None,
    ) -> None:
        self._jobs = jobs
        self._counter = counter
        self._clock = clock
        self._defaults = defaults or QuotaLimits()

    async def take(self, key: ApiKey) -> QuotaDecision:
        limits = self._defaults.for_key(key)
        now = self._clock.now()
        window = rate_window_of(now)
        reset = _seconds_until(window + RATE_WINDOW, now)
        active = await self._jobs.count_active(key.id)
        if active >= limits.max_active:
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
        counted = await self._counter.take(
            key.id,
            window,
            limit=limits.rate_per_minute,
            expires_at=window + RATE_WINDOW + COUNTER_GRACE,
        )
        if counted is None:
            return QuotaDecision(
                allowed=False,
                limit=limits.rate_per_minute,
                remaining=0,
                reset_seconds=reset,
                retry_after_seconds=reset,
                exceeded="rate",
                max_active=limits.max_active,
                active=active,
            )
        return QuotaDecision(
            allowed=True,
            limit=limits.rate_per_minute,
            remaining=max(0, limits.rate_per_minute - counted),
            reset_seconds=reset,
            max_active=limits.max_active,
            active=active + 1,
        )

    async def current(self, key: ApiKey) -> QuotaDecision:
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


def _seconds_until(moment: datetime, now: datetime) -> int:
    """Whole seconds, rounded up and at least 1 (a Retry-After of 0 invites a busy loop)."""
    return max(1, math.ceil((moment - now).total_seconds()))
