"""quotas: a key's submissions a minute and its active jobs, its own limits winning."""

import msgspec
import pytest

from application.use_cases.quotas import (
    ACTIVE_RETRY_AFTER_SECONDS,
    QuotaLimits,
    SubmissionQuotaHandler,
)
from domain.keys import ApiKey, new_api_key
from infrastructure.memory.job_repository import InMemoryJobRepository
from infrastructure.memory.rate_counter import InMemoryRateCounter
from infrastructure.time_and_randomness import RandomKeySecrets
from tests import fakes
from tests.fakes import T0, FixedClock


class Harness:
    def __init__(self, rate: int = 3, max_active: int = 2) -> None:
        self.clock = FixedClock(T0.replace(second=15, microsecond=0))
        self.jobs = InMemoryJobRepository(clock=self.clock)
        self.quota = SubmissionQuotaHandler(
            jobs=self.jobs,
            counter=InMemoryRateCounter(),
            clock=self.clock,
            defaults=QuotaLimits(rate_per_minute=rate, max_active=max_active),
        )

    async def add_active(self, key: ApiKey, count: int) -> list[str]:
        ids = []
        for _ in range(count):
            job_id = f"job-{len(self.jobs)}"
            await self.jobs.add(
                msgspec.structs.replace(fakes.a_job(job_id, now=self.clock.now()), owner=key.id)
            )
            ids.append(job_id)
        return ids


@pytest.fixture
def h() -> Harness:
    return Harness()


def a_key(**limits: int) -> ApiKey:
    return new_api_key(secret=RandomKeySecrets().new_secret(), name="ci", now=T0, **limits)


async def test_submissions_are_allowed_up_to_the_rate_then_refused_until_the_minute_ends(
    h: Harness,
) -> None:
    key = a_key()
    decisions = [await h.quota.take(key) for _ in range(4)]
    assert [d.allowed for d in decisions] == [True, True, True, False]
    assert [d.remaining for d in decisions] == [2, 1, 0, 0]
    refused = decisions[-1]
    assert refused.exceeded == "rate"
    assert refused.limit == 3 and refused.reset_seconds == 45
    assert refused.retry_after_seconds == 45
    h.clock.advance(seconds=45)
    assert (await h.quota.take(key)).allowed


async def test_the_reset_is_whole_seconds_rounded_up_and_never_zero(h: Harness) -> None:
    h.clock.advance(seconds=44, milliseconds=999)
    assert (await h.quota.take(a_key())).reset_seconds == 1
    h.clock.advance(milliseconds=1)
    assert (await h.quota.take(a_key())).reset_seconds == 60


async def test_a_key_at_its_active_limit_is_refused_without_using_its_rate(h: Harness) -> None:
    key = a_key()
    await h.add_active(key, 2)
    refused = await h.quota.take(key)
    assert not refused.allowed and refused.exceeded == "active"
    assert refused.retry_after_seconds == ACTIVE_RETRY_AFTER_SECONDS
    assert refused.active == 2 and refused.max_active == 2
    assert refused.remaining == 3  # the refused submission was not counted
    assert (await h.quota.current(key)).remaining == 3


async def test_a_finished_job_frees_its_active_slot(h: Harness) -> None:
    key = a_key()
    first, _ = await h.add_active(key, 2)
    await h.jobs.cancel(first, now=h.clock.now())
    allowed = await h.quota.take(key)
    assert allowed.allowed and allowed.active == 2


async def test_a_keys_own_limits_win_over_the_defaults(h: Harness) -> None:
    generous = a_key(rate_per_minute=5, max_active=4)
    await h.add_active(generous, 3)
    decisions = [await h.quota.take(generous) for _ in range(6)]
    assert [d.allowed for d in decisions] == [True] * 5 + [False]
    assert decisions[0].limit == 5 and decisions[0].max_active == 4
    await h.add_active(generous, 1)
    h.clock.advance(minutes=1)
    assert (await h.quota.take(generous)).exceeded == "active"


async def test_keys_are_counted_apart(h: Harness) -> None:
    one, other = a_key(), a_key()
    for _ in range(3):
        await h.quota.take(one)
    assert not (await h.quota.take(one)).allowed
    assert (await h.quota.take(other)).allowed


async def test_current_reads_the_window_without_counting(h: Harness) -> None:
    key = a_key()
    await h.quota.take(key)
    for _ in range(3):
        current = await h.quota.current(key)
        assert (current.allowed, current.limit, current.remaining) == (True, 3, 2)
        assert current.reset_seconds == 45 and current.retry_after_seconds is None


def test_defaults_are_sixty_a_minute_and_ten_active() -> None:
    assert QuotaLimits() == QuotaLimits(rate_per_minute=60, max_active=10)
    with pytest.raises(ValueError):
        QuotaLimits(rate_per_minute=0)
