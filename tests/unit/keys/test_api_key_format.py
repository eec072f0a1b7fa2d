"""domain.keys and API_KEYS: secret format, hashing, ids, and demo mode's key list."""

import pytest

from domain.keys import (
    InvalidApiKey,
    hash_secret,
    is_well_formed_secret,
    key_id_for,
    new_api_key,
    rate_window_of,
    secret_matches,
)
from infrastructure.memory.key_store import key_store_from_api_keys, parse_api_keys
from infrastructure.time_and_randomness import RandomKeySecrets
from tests.fakes import T0

SECRET_A = "sg_" + "a" * 32
SECRET_B = "sg_" + "B-_9" * 10


def test_a_new_secret_is_sg_and_43_url_safe_characters() -> None:
    secrets = {RandomKeySecrets().new_secret() for _ in range(100)}
    assert len(secrets) == 100
    for secret in secrets:
        assert secret.startswith("sg_") and len(secret) == 46
        assert is_well_formed_secret(secret)


@pytest.mark.parametrize(
    "secret",
    ["", "sg_", "sg_" + "a" * 31, "xx_" + "a" * 40, "sg_" + "a" * 31 + "!", "sg_ " + "a" * 32],
)
def test_a_short_or_foreign_secret_is_not_well_formed(secret: str) -> None:
    assert not is_well_formed_secret(secret)


def test_the_id_is_derived_from_the_hash_and_the_hash_from_the_secret() -> None:
    key = new_api_key(secret=SECRET_A, name="ci", now=T0)
    assert key.secret_hash == hash_secret(SECRET_A) and len(key.secret_hash) == 64
    assert key.id == key_id_for(key.secret_hash) == "key_" + key.secret_hash[:16]
    assert secret_matches(key, SECRET_A) and not secret_matches(key, SECRET_B)


def test_the_rate_window_is_the_minute_in_utc() -> None:
    assert rate_window_of(T0) == T0.replace(second=0, microsecond=0)


def test_api_keys_lists_named_keys() -> None:
    keys = parse_api_keys(f" ci:{SECRET_A} , demo page:{SECRET_B},", now=T0)
    assert [(key.name, key.secret_hash) for key in keys] == [
        ("ci", hash_secret(SECRET_A)),
        ("demo page", hash_secret(SECRET_B)),
    ]
    assert parse_api_keys("", now=T0) == []


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("ci", "item 1 is not name:secret"),
        (f"ci:{SECRET_A},x:sg_short", "item 2: a key secret is sg_"),
        (f":{SECRET_A}", "item 1: a key name is"),
        (f"a:{SECRET_A},b:{SECRET_A}", "item 2 repeats the secret"),
    ],
)
def test_a_bad_api_keys_value_names_the_item_never_the_secret(value: str, says: str) -> None:
    with pytest.raises(InvalidApiKey) as raised:
        parse_api_keys(value, now=T0)
    assert says in str(raised.value) and str(raised.value).startswith("API_KEYS: ")
    assert "sg_short" not in str(raised.value) and SECRET_A not in str(raised.value)


async def test_the_demo_key_store_holds_the_listed_keys() -> None:
    store = key_store_from_api_keys(f"ci:{SECRET_A}", now=T0)
    (key,) = await store.list_all()
    assert await store.get(key.id) == key
