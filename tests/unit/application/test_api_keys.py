"""api_keys: keys are created with a secret shown once, listed, revoked and authenticated."""

import msgspec
import pytest

from application.use_cases.api_keys import (
    ApiKeyNotFound,
    AuthenticateHandler,
    CreateApiKey,
    CreateApiKeyHandler,
    ListApiKeysHandler,
    RevokeApiKeyHandler,
)
from domain.keys import InvalidApiKey, hash_secret, new_api_key
from infrastructure.memory.key_store import InMemoryKeyStore
from infrastructure.time_and_randomness import RandomKeySecrets
from tests.fakes import T0, FixedClock


class RepeatingSecrets:
    """Hands out the same secrets again: as if the random source repeated itself."""

    def __init__(self, *secrets: str) -> None:
        self.secrets = list(secrets)

    def new_secret(self) -> str:
        return self.secrets.pop(0) if len(self.secrets) > 1 else self.secrets[0]


class Harness:
    def __init__(self, cache_seconds: float = 10) -> None:
        self.clock = FixedClock(T0)
        self.keys = InMemoryKeyStore()
        self.create = CreateApiKeyHandler(
            keys=self.keys, secrets=RandomKeySecrets(), clock=self.clock
        )
        self.list = ListApiKeysHandler(keys=self.keys)
        self.revoke = RevokeApiKeyHandler(keys=self.keys, clock=self.clock)
        self.authenticate = AuthenticateHandler(
            keys=self.keys, clock=self.clock, cache_seconds=cache_seconds
        )


@pytest.fixture
def h() -> Harness:
    return Harness()


async def test_a_created_key_stores_the_hash_never_the_secret(h: Harness) -> None:
    created = await h.create(CreateApiKey(name="ci", rate_per_minute=5, max_active=2))
    assert created.secret.startswith("sg_") and len(created.secret) >= 3 + 32
    stored = await h.keys.get(created.key.id)
    assert stored == created.key
    assert stored.secret_hash == hash_secret(created.secret)
    assert created.secret not in repr(stored)
    assert (stored.name, stored.rate_per_minute, stored.max_active) == ("ci", 5, 2)
    assert stored.created_at == T0 and not stored.revoked


async def test_two_keys_get_different_secrets_and_ids(h: Harness) -> None:
    first = await h.create(CreateApiKey(name="a"))
    second = await h.create(CreateApiKey(name="a"))
    assert first.secret != second.secret and first.key.id != second.key.id


async def test_a_secret_drawn_twice_is_drawn_again(h: Harness) -> None:
    taken, fresh = RandomKeySecrets().new_secret(), RandomKeySecrets().new_secret()
    h.create = CreateApiKeyHandler(
        keys=h.keys, secrets=RepeatingSecrets(taken, taken, fresh), clock=h.clock
    )
    assert (await h.create(CreateApiKey(name="a"))).secret == taken
    assert (await h.create(CreateApiKey(name="b"))).secret == fresh


@pytest.mark.parametrize(
    "command",
    [
        CreateApiKey(name=""),
        CreateApiKey(name="a:b"),
        CreateApiKey(name="x" * 65),
        CreateApiKey(name="ok", rate_per_minute=0),
        CreateApiKey(name="ok", max_active=-1),
    ],
)
async def test_a_bad_name_or_limit_is_refused(h: Harness, command: CreateApiKey) -> None:
    with pytest.raises(InvalidApiKey):
        await h.create(command)
    assert await h.list() == []


async def test_keys_are_listed_oldest_first(h: Harness) -> None:
    first = await h.create(CreateApiKey(name="first"))
    h.clock.advance(seconds=1)
    second = await h.create(CreateApiKey(name="second"))
    assert await h.list() == [first.key, second.key]


async def test_the_secret_authenticates_its_key(h: Harness) -> None:
    created = await h.create(CreateApiKey(name="ci"))
    assert await h.authenticate(created.secret) == created.key


@pytest.mark.parametrize("presented", [None, "", "Bearer x", "sg_short", "sg_" + "A" * 40])
async def test_a_missing_malformed_or_unknown_secret_is_refused(
    h: Harness, presented: str | None
) -> None:
    await h.create(CreateApiKey(name="ci"))
    assert await h.authenticate(presented) is None


async def test_a_revoked_key_is_refused_at_once_where_it_was_never_cached(h: Harness) -> None:
    created = await h.create(CreateApiKey(name="ci"))
    revoked = await h.revoke(created.key.id)
    assert revoked.revoked and revoked.revoked_at == T0
    assert await h.authenticate(created.secret) is None


async def test_a_cached_key_is_refused_once_the_cache_lapses(h: Harness) -> None:
    created = await h.create(CreateApiKey(name="ci"))
    assert await h.authenticate(created.secret) is not None  # cached now
    await h.revoke(created.key.id)  # by another process: this cache does not know
    h.clock.advance(seconds=9)
    assert await h.authenticate(created.secret) is not None
    h.clock.advance(seconds=1)
    assert await h.authenticate(created.secret) is None


async def test_forget_refuses_a_revoked_key_at_once(h: Harness) -> None:
    created = await h.create(CreateApiKey(name="ci"))
    await h.authenticate(created.secret)
    await h.revoke(created.key.id)
    h.authenticate.forget(created.key.id)
    assert await h.authenticate(created.secret) is None


async def test_without_a_cache_every_request_reads_the_store() -> None:
    h = Harness(cache_seconds=0)
    created = await h.create(CreateApiKey(name="ci"))
    assert await h.authenticate(created.secret) is not None
    await h.revoke(created.key.id)
    assert await h.authenticate(created.secret) is None


def test_a_cache_longer_than_sixty_seconds_is_refused() -> None:
    with pytest.raises(ValueError):
        AuthenticateHandler(keys=InMemoryKeyStore(), clock=FixedClock(), cache_seconds=61)


async def test_the_whole_hash_is_compared_not_only_the_id_it_starts_with() -> None:
    secret = RandomKeySecrets().new_secret()
    genuine = new_api_key(secret=secret, name="ci", now=T0)
    forged = msgspec.structs.replace(genuine, secret_hash=genuine.secret_hash[:16] + "0" * 48)
    authenticate = AuthenticateHandler(keys=InMemoryKeyStore([forged]), clock=FixedClock())
    assert await authenticate(secret) is None


async def test_revoking_an_unknown_key_says_so(h: Harness) -> None:
    with pytest.raises(ApiKeyNotFound):
        await h.revoke("key_0000000000000000")
