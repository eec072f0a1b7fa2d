"""quotas: a key's submissions a minute and its reserved active jobs, its own limits winning."""

import asyncio

import msgspec
import pytest

from application.use_cases.cancel_job import CancelJobHandler
from application.use_cases.quotas import (
    ACTIVE_RETRY_AFTER_SECONDS,
    QuotaDecision,
    QuotaLimits,
    SubmissionQuotaHandler,
)
from application.use_cases.record_step import RecordStepHandler
from domain.jobs import JobStatus
from domain.keys import MAX_ACTIVE_LIMIT, ApiKey, InvalidApiKey, new_api_key
from infrastructure.memory.active_job_slots import InMemoryActiveJobSlots
from infrastructure.memory.job_repository import InMemoryJobRepository
from infrastructure.memory.metrics import InMemoryMetrics
from infrastructure.memory.rate_counter import InMemoryRateCounter
from infrastructure.time_and_randomness import RandomKeySecrets
from tests import fakes
from tests.fakes import T0, FixedClock


class Harness:
    def __init__(self, rate: int = 3, max_active: int = 2) -> None:
        self.clock = FixedClock(T0.replace(second=15, microsecond=0))
        self.jobs = InMemoryJobRepository(clock=self.clock)
        self.slots = InMemoryActiveJobSlots()
        self.quota = SubmissionQuotaHandler(
            jobs=self.jobs,
            counter=InMemoryRateCounter(),
            slots=self.slots,
            clock=self.clock,
            defaults=QuotaLimits(rate_per_minute=rate, max_active=max_active),
        )
        self._next = 0

    async def store(self, key: ApiKey) -> str:
        """A new queued job of the key's, stored as the submit use case stores it first."""
        self._next += 1
        job_id = f"job-{self._next:04d}"
        job = msgspec.structs.replace(fakes.a_job(job_id, now=self.clock.now()), owner=key.id)
        assert await self.jobs.add(job)
        return job_id

    async def submit(self, key: ApiKey) -> QuotaDecision:
        """Store a job and take the key's quota for it, as the submit use case does."""
        return await self.quota.take(key, await self.store(key))

    async def add_active(self, key: ApiKey, count: int) -> list[str]:
        ids = []
        for _ in range(count):
            job_id = await self.store(key)
            assert (await self.quota.take(key, job_id)).allowed
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
    decisions = [await h.quota.take(key, None) for _ in range(4)]
    assert [d.allowed for d in decisions] == [True, True, True, False]
    assert [d.remaining for d in decisions] == [2, 1, 0, 0]
    refused = decisions[-1]
    assert refused.exceeded == "rate"
    assert refused.limit == 3 and refused.reset_seconds == 45
    assert refused.retry_after_seconds == 45
    h.clock.advance(seconds=45)
    assert (await h.quota.take(key, None)).allowed


async def test_the_reset_is_whole_seconds_rounded_up_and_never_zero(h: Harness) -> None:
    h.clock.advance(seconds=44, milliseconds=999)
    assert (await h.quota.take(a_key(), None)).reset_seconds == 1
    h.clock.advance(milliseconds=1)
    assert (await h.quota.take(a_key(), None)).reset_seconds == 60


async def test_a_key_at_its_active_limit_is_refused_without_using_its_rate(h: Harness) -> None:
    key = a_key()
    await h.add_active(key, 2)
    refused = await h.submit(key)
    assert not refused.allowed and refused.exceeded == "active"
    assert refused.retry_after_seconds == ACTIVE_RETRY_AFTER_SECONDS
    assert refused.active == 2 and refused.max_active == 2
    assert refused.remaining == 1  # the refused submission was not counted
    assert (await h.quota.current(key)).remaining == 1


async def test_a_finished_job_frees_its_active_slot(h: Harness) -> None:
    key = a_key()
    first, _ = await h.add_active(key, 2)
    await h.jobs.cancel(first, now=h.clock.now())
    await h.quota.release(key.id, first)
    allowed = await h.submit(key)
    assert allowed.allowed and allowed.active == 2
    assert first not in await h.slots.held(key.id)


async def test_a_keys_own_limits_win_over_the_defaults(h: Harness) -> None:
    generous = a_key(rate_per_minute=5, max_active=4)
    decisions = [await h.submit(generous) for _ in range(5)]
    assert [d.allowed for d in decisions] == [True] * 4 + [False]
    assert decisions[0].limit == 5 and decisions[0].max_active == 4
    assert decisions[-1].exceeded == "active" and decisions[-1].active == 4
    h.clock.advance(minutes=1)
    assert [(await h.quota.take(generous, None)).allowed for _ in range(6)] == [True] * 5 + [False]


async def test_keys_are_counted_apart(h: Harness) -> None:
    one, other = a_key(), a_key()
    for _ in range(3):
        await h.quota.take(one, None)
    assert not (await h.quota.take(one, None)).allowed
    assert (await h.quota.take(other, None)).allowed


async def test_current_reads_the_window_without_counting(h: Harness) -> None:
    key = a_key()
    await h.quota.take(key, None)
    for _ in range(3):
        current = await h.quota.current(key)
        assert (current.allowed, current.limit, current.remaining) == (True, 3, 2)
        assert current.reset_seconds == 45 and current.retry_after_seconds is None


def test_defaults_are_sixty_a_minute_and_ten_active() -> None:
    assert QuotaLimits() == QuotaLimits(rate_per_minute=60, max_active=10)
    with pytest.raises(ValueError):
        QuotaLimits(rate_per_minute=0)


def test_max_active_is_at_most_a_thousand_and_a_larger_stored_key_is_bounded() -> None:
    assert QuotaLimits(max_active=MAX_ACTIVE_LIMIT).max_active == 1000
    with pytest.raises(ValueError, match="at most 1,000"):
        QuotaLimits(max_active=MAX_ACTIVE_LIMIT + 1)
    with pytest.raises(InvalidApiKey, match="at most 1,000"):
        a_key(max_active=1001)
    stored_before = msgspec.structs.replace(a_key(), max_active=50_000)
    assert QuotaLimits().for_key(stored_before).max_active == MAX_ACTIVE_LIMIT


async def test_concurrent_submissions_from_one_key_admit_exactly_its_limit() -> None:
    h = Harness(rate=100, max_active=3)
    key = a_key()
    ids = [await h.store(key) for _ in range(10)]
    decisions = await asyncio.gather(*(h.quota.take(key, job_id) for job_id in ids))
    admitted = [job_id for job_id, d in zip(ids, decisions, strict=True) if d.allowed]
    assert len(admitted) == 3
    assert await h.slots.held(key.id) == frozenset(admitted)
    refused = [d for d in decisions if not d.allowed]
    assert {d.exceeded for d in refused} == {"active"} and {d.active for d in refused} == {3}
    assert sorted(d.active or 0 for d in decisions if d.allowed) == [1, 2, 3]


async def test_a_job_that_ends_frees_its_slot_through_the_step_and_cancel_use_cases() -> None:
    h = Harness(rate=100, max_active=2)
    key = a_key()
    done, canceled = await h.add_active(key, 2)
    assert not (await h.submit(key)).allowed
    metrics = InMemoryMetrics()
    record = RecordStepHandler(jobs=h.jobs, clock=h.clock, metrics=metrics, slots=h.slots)
    for step in fakes.successful_run(h.clock.now()):
        await record(done, step)
    assert (await h.jobs.status(done)) is JobStatus.DONE
    assert done not in await h.slots.held(key.id)
    cancel = CancelJobHandler(jobs=h.jobs, clock=h.clock, metrics=metrics, slots=h.slots)
    await cancel(canceled)
    assert await h.slots.held(key.id) == frozenset()
    assert [(await h.submit(key)).allowed for _ in range(3)] == [True, True, False]


async def test_a_replay_takes_no_second_slot() -> None:
    h = Harness(rate=100, max_active=2)
    key = a_key()
    (job_id,) = await h.add_active(key, 1)
    again = await h.quota.take(key, job_id)  # reserving a job that holds its slot: no change
    assert again.allowed and again.active == 1
    replay = await h.quota.take(key, None)
    assert replay.allowed and replay.active is None
    assert await h.slots.held(key.id) == frozenset({job_id})
    assert (await h.submit(key)).allowed


async def test_a_refused_rate_gives_the_reserved_slot_back() -> None:
    h = Harness(rate=1, max_active=5)
    key = a_key()
    assert (await h.submit(key)).allowed
    refused = await h.submit(key)
    assert refused.exceeded == "rate" and refused.active == 1
    assert len(await h.slots.held(key.id)) == 1


async def test_leaked_slots_are_reclaimed_when_a_reservation_is_refused() -> None:
    h = Harness(rate=100, max_active=2)
    key = a_key()
    ended, gone = await h.add_active(key, 2)
    await h.jobs.cancel(ended, now=h.clock.now())  # ended, its slot never given back
    await h.jobs.discard(gone)  # the job is gone (expired, or its submission failed)
    admitted = await h.submit(key)
    assert admitted.allowed and admitted.active == 1
    assert len(await h.slots.held(key.id)) == 1 and ended not in await h.slots.held(key.id)
    assert (await h.submit(key)).allowed
    assert not (await h.submit(key)).allowed  # the two live jobs hold both slots


async def test_a_live_job_keeps_its_slot_through_a_reclaim() -> None:
    h = Harness(rate=100, max_active=2)
    key = a_key()
    live = set(await h.add_active(key, 2))
    refused = await h.submit(key)
    assert refused.exceeded == "active" and refused.active == 2
    assert await h.slots.held(key.id) == live
