"""KeyStore and RateCounter contracts: the in-memory and DynamoDB (emulated) adapters agree."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec
import pytest

from application.errors import DependencyUnavailable
from application.keys.ports import KeyStore, RateCounter
from domain.keys import ApiKey, new_api_key, rate_window_of
from infrastructure.aws import clients
from infrastructure.aws.dynamodb_key_store import DynamoDbKeyStore
from infrastructure.aws.dynamodb_rate_counter import DynamoDbRateCounter
from infrastructure.aws.provision import ensure_keys_table
from infrastructure.memory.key_store import InMemoryKeyStore
from infrastructure.memory.rate_counter import InMemoryRateCounter
from infrastructure.time_and_randomness import RandomKeySecrets
from tests.aws_emulator import REGION
from tests.integration.conftest import unique_name

pytestmark = pytest.mark.integration


@pytest.fixture
async def keys_table(dynamodb: Any) -> AsyncIterator[str]:
    name = unique_name("keys")
    await ensure_keys_table(dynamodb, name)
    yield name
    await dynamodb.delete_table(TableName=name)


@pytest.fixture(params=["memory", "dynamodb"])
def keys(request: pytest.FixtureRequest) -> KeyStore:
    if request.param == "memory":
        return InMemoryKeyStore()
    return DynamoDbKeyStore(
        request.getfixturevalue("dynamodb"), request.getfixturevalue("keys_table")
    )


@pytest.fixture(params=["memory", "dynamodb"])
def counter(request: pytest.FixtureRequest) -> RateCounter:
    if request.param == "memory":
        return InMemoryRateCounter()
    return DynamoDbRateCounter(
        request.getfixturevalue("dynamodb"), request.getfixturevalue("jobs_table")
    )


def a_key(name: str = "ci", *, at: datetime | None = None, **limits: int) -> ApiKey:
    now = (at or datetime.now(UTC)).replace(microsecond=0)
    return new_api_key(secret=RandomKeySecrets().new_secret(), name=name, now=now, **limits)


async def test_an_added_key_reads_back_equal(keys: KeyStore) -> None:
    key = a_key("billing team", rate_per_minute=5, max_active=2)
    assert await keys.add(key) is True
    assert await keys.get(key.id) == key
    plain = a_key()
    await keys.add(plain)
    assert await keys.get(plain.id) == plain


async def test_a_key_id_is_never_overwritten(keys: KeyStore) -> None:
    key = a_key("first")
    assert await keys.add(key)
    assert await keys.add(msgspec.structs.replace(key, name="impostor")) is False
    assert await keys.get(key.id) == key


async def test_an_unknown_key_reads_as_none(keys: KeyStore) -> None:
    assert await keys.get(a_key().id) is None


async def test_every_key_is_listed_oldest_first(keys: KeyStore) -> None:
    start = datetime.now(UTC)
    made = [a_key(f"key {n}", at=start + timedelta(seconds=n)) for n in range(3)]
    for key in reversed(made):
        await keys.add(key)
    listed = [key for key in await keys.list_all() if key.id in {k.id for k in made}]
    assert listed == made


async def test_revoking_marks_the_key_once(keys: KeyStore) -> None:
    key = a_key()
    await keys.add(key)
    when = datetime.now(UTC).replace(microsecond=0)
    revoked = await keys.revoke(key.id, now=when)
    assert revoked == msgspec.structs.replace(key, revoked=True, revoked_at=when)
    again = await keys.revoke(key.id, now=when + timedelta(hours=1))
    assert again == revoked
    assert await keys.get(key.id) == revoked


async def test_revoking_an_unknown_key_is_none_and_creates_nothing(keys: KeyStore) -> None:
    key = a_key()
    assert await keys.revoke(key.id, now=datetime.now(UTC)) is None
    assert await keys.get(key.id) is None


async def test_check_passes_when_the_key_store_is_reachable(keys: KeyStore) -> None:
    await keys.check()


async def test_a_missing_keys_table_is_unavailable_without_naming_it(dynamodb: Any) -> None:
    table = "sg-test-missing-keys"
    store = DynamoDbKeyStore(dynamodb, table)
    for attempt in (store.check, lambda: store.get("key_x"), store.list_all):
        with pytest.raises(DependencyUnavailable) as raised:
            await attempt()
        assert raised.value.dependency == "key store"
        assert table not in str(raised.value)


def a_key_id() -> str:
    return f"key_{uuid.uuid4().hex[:16]}"


async def test_a_window_counts_up_to_its_limit_and_no_further(counter: RateCounter) -> None:
    key_id, window = a_key_id(), rate_window_of(datetime.now(UTC))
    expires = window + timedelta(minutes=5)
    counts = [await counter.take(key_id, window, limit=3, expires_at=expires) for _ in range(5)]
    assert counts == [1, 2, 3, None, None]
    assert await counter.used(key_id, window) == 3


async def test_windows_and_keys_count_apart(counter: RateCounter) -> None:
    key_id, other = a_key_id(), a_key_id()
    window = rate_window_of(datetime.now(UTC))
    later = window + timedelta(minutes=1)
    expires = later + timedelta(minutes=5)
    assert await counter.take(key_id, window, limit=1, expires_at=expires) == 1
    assert await counter.take(other, window, limit=1, expires_at=expires) == 1
    assert await counter.take(key_id, later, limit=1, expires_at=expires) == 1
    assert await counter.used(key_id, later) == 1
    assert await counter.used(a_key_id(), window) == 0


async def test_racing_submissions_never_pass_the_limit(counter: RateCounter) -> None:
    key_id, window = a_key_id(), rate_window_of(datetime.now(UTC))
    expires = window + timedelta(minutes=5)
    counts = await asyncio.gather(
        *(counter.take(key_id, window, limit=7, expires_at=expires) for _ in range(20))
    )
    assert sorted(count for count in counts if count is not None) == list(range(1, 8))
    assert counts.count(None) == 13
    assert await counter.used(key_id, window) == 7


async def test_a_window_counter_item_expires_after_its_window(
    dynamodb: Any, jobs_table: str
) -> None:
    counter = DynamoDbRateCounter(dynamodb, jobs_table)
    key_id, window = a_key_id(), rate_window_of(datetime.now(UTC))
    expires = window + timedelta(minutes=6)
    await counter.take(key_id, window, limit=5, expires_at=expires)
    item = await dynamodb.get_item(
        TableName=jobs_table,
        Key={"pk": {"S": f"rate#{key_id}#{window.strftime('%Y-%m-%dT%H:%M:%S.%fZ')}"}},
    )
    assert item["Item"]["ttl"] == {"N": str(int(expires.timestamp()))}


async def test_two_api_processes_share_one_count(
    dynamodb: Any, aws_endpoint: str, jobs_table: str
) -> None:
    async with clients.dynamodb_client(clients.new_session(), REGION, aws_endpoint) as second:
        counters = [
            DynamoDbRateCounter(dynamodb, jobs_table),
            DynamoDbRateCounter(second, jobs_table),
        ]
        key_id, window = a_key_id(), rate_window_of(datetime.now(UTC))
        expires = window + timedelta(minutes=5)
        counts = await asyncio.gather(
            *(counters[n % 2].take(key_id, window, limit=5, expires_at=expires) for n in range(16))
        )
    assert sorted(count for count in counts if count is not None) == [1, 2, 3, 4, 5]
