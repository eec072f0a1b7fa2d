"""ActiveJobSlots contract: the in-memory and DynamoDB (emulated) adapters agree, and the quota
handler on either (with its job store) admits exactly a key's limit of active jobs."""

import asyncio
import uuid
from datetime import UTC, datetime
from typing import Any

import msgspec
import pytest

from application.keys.ports import ActiveJobSlots
from application.ports import JobRepository
from application.use_cases.quotas import QuotaLimits, SubmissionQuotaHandler
from domain.keys import ApiKey, new_api_key
from infrastructure.aws.dynamodb_active_job_slots import DynamoDbActiveJobSlots
from infrastructure.aws.dynamodb_job_repository import DynamoDbJobRepository
from infrastructure.aws.dynamodb_rate_counter import DynamoDbRateCounter
from infrastructure.memory.active_job_slots import InMemoryActiveJobSlots
from infrastructure.memory.job_repository import InMemoryJobRepository
from infrastructure.memory.rate_counter import InMemoryRateCounter
from infrastructure.time_and_randomness import RandomJobIds, RandomKeySecrets, SystemClock
from tests import fakes

pytestmark = pytest.mark.integration


@pytest.fixture(params=["memory", "dynamodb"])
def slots(request: pytest.FixtureRequest) -> ActiveJobSlots:
    if request.param == "memory":
        return InMemoryActiveJobSlots()
    return DynamoDbActiveJobSlots(
        request.getfixturevalue("dynamodb"), request.getfixturevalue("jobs_table")
    )


def an_owner() -> str:
    return f"key_{uuid.uuid4().hex[:16]}"


def job_ids(count: int) -> list[str]:
    ids = RandomJobIds()
    return [ids.new_id(datetime.now(UTC)) for _ in range(count)]


async def test_slots_are_reserved_up_to_the_limit_then_refused(slots: ActiveJobSlots) -> None:
    owner = an_owner()
    first, second, third = job_ids(3)
    assert await slots.held(owner) == frozenset()
    assert await slots.reserve(owner, first, limit=2) == 1
    assert await slots.reserve(owner, second, limit=2) == 2
    assert await slots.reserve(owner, third, limit=2) is None
    assert await slots.held(owner) == frozenset({first, second})


async def test_reserving_a_held_job_again_changes_nothing_even_when_full(
    slots: ActiveJobSlots,
) -> None:
    owner = an_owner()
    first, second = job_ids(2)
    await slots.reserve(owner, first, limit=2)
    await slots.reserve(owner, second, limit=2)
    assert await slots.reserve(owner, first, limit=2) == 2
    assert await slots.reserve(owner, first, limit=1) == 2  # a limit lowered since: still held
    assert await slots.held(owner) == frozenset({first, second})


async def test_a_released_slot_is_free_again_and_releasing_twice_is_harmless(
    slots: ActiveJobSlots,
) -> None:
    owner = an_owner()
    first, second = job_ids(2)
    await slots.reserve(owner, first, limit=1)
    await slots.release(owner, first)
    await slots.release(owner, first)
    await slots.release(an_owner(), first)  # a key that holds nothing
    assert await slots.held(owner) == frozenset()
    assert await slots.reserve(owner, second, limit=1) == 1
    assert await slots.held(owner) == frozenset({second})


async def test_keys_hold_their_slots_apart(slots: ActiveJobSlots) -> None:
    one, other = an_owner(), an_owner()
    (job,) = job_ids(1)
    await slots.reserve(one, job, limit=1)
    assert await slots.reserve(other, job_ids(1)[0], limit=1) == 1
    assert await slots.held(one) == frozenset({job})


async def test_racing_reservations_admit_exactly_the_limit(slots: ActiveJobSlots) -> None:
    owner = an_owner()
    ids = job_ids(24)
    counts = await asyncio.gather(*(slots.reserve(owner, job, limit=5) for job in ids))
    admitted = {job for job, count in zip(ids, counts, strict=True) if count is not None}
    assert len(admitted) == 5
    assert sorted(count for count in counts if count is not None) == [1, 2, 3, 4, 5]
    assert await slots.held(owner) == admitted


@pytest.fixture(params=["memory", "dynamodb"])
def quota_parts(
    request: pytest.FixtureRequest,
) -> tuple[JobRepository, SubmissionQuotaHandler]:
    limits = QuotaLimits(rate_per_minute=1000, max_active=3)
    if request.param == "memory":
        jobs: JobRepository = InMemoryJobRepository(clock=SystemClock())
        counter: Any = InMemoryRateCounter()
        slots: ActiveJobSlots = InMemoryActiveJobSlots()
    else:
        client, table = request.getfixturevalue("dynamodb"), request.getfixturevalue("jobs_table")
        jobs = DynamoDbJobRepository(client, table)
        counter = DynamoDbRateCounter(client, table)
        slots = DynamoDbActiveJobSlots(client, table)
    quota = SubmissionQuotaHandler(
        jobs=jobs, counter=counter, slots=slots, clock=SystemClock(), defaults=limits
    )
    return jobs, quota


async def stored_job(jobs: JobRepository, key: ApiKey) -> str:
    (job_id,) = job_ids(1)
    job = msgspec.structs.replace(fakes.a_job(job_id, now=datetime.now(UTC)), owner=key.id)
    assert await jobs.add(job)
    return job_id


async def test_racing_submissions_admit_exactly_the_limit_and_reclaim_what_ended(
    quota_parts: tuple[JobRepository, SubmissionQuotaHandler],
) -> None:
    jobs, quota = quota_parts
    key = new_api_key(secret=RandomKeySecrets().new_secret(), name="ci", now=datetime.now(UTC))
    ids = [await stored_job(jobs, key) for _ in range(12)]
    decisions = await asyncio.gather(*(quota.take(key, job) for job in ids))
    admitted = [job for job, d in zip(ids, decisions, strict=True) if d.allowed]
    assert len(admitted) == 3
    assert {d.exceeded for d in decisions if not d.allowed} == {"active"}

    # One admitted job ends without giving its slot back, one is gone: both are reclaimed.
    await jobs.cancel(admitted[0], now=datetime.now(UTC))
    await jobs.discard(admitted[1])
    late = [await stored_job(jobs, key) for _ in range(3)]
    assert [(await quota.take(key, job)).allowed for job in late] == [True, True, False]
