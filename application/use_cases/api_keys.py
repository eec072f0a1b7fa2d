"""Manage API keys (create, list, revoke) and authenticate a presented secret."""

from collections import OrderedDict
from datetime import datetime, timedelta

import msgspec

from application.errors import DependencyUnavailable
from application.keys.ports import KeySecrets, KeyStore
from application.ports import Clock
from domain.keys import (
    ApiKey,
    hash_secret,
    is_well_formed_secret,
    key_id_for,
    new_api_key,
    secret_matches,
)

MAX_CACHE_SECONDS = 60.0
"""A revoked key must be refused within this long in every process (service contract)."""
DEFAULT_CACHE_SECONDS = 10.0
CACHED_KEYS = 1024
ID_ATTEMPTS = 3


class ApiKeyNotFound(LookupError):
    """No key has this id."""


class CreateApiKey(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    rate_per_minute: int | None = None
    max_active: int | None = None


class CreatedApiKey(msgspec.Struct, frozen=True, kw_only=True):
    key: ApiKey
    secret: str
    """Shown to the operator once; only its hash is stored."""


class CreateApiKeyHandler:
    """Draws a secret, stores the key under an id derived from its hash, returns both."""

    def __init__(self, *, keys: KeyStore, secrets: KeySecrets, clock: Clock) -> None:
        self._keys = keys
        self._secrets = secrets
        self._clock = clock

    async def __call__(self, command: CreateApiKey) -> CreatedApiKey:
        """Raises `InvalidApiKey` for a bad name or limit."""
        for _ in range(ID_ATTEMPTS):
            secret = self._secrets.new_secret()
            key = new_api_key(
                secret=secret,
                name=command.name,
                now=self._clock.now(),
                rate_per_minute=command.rate_per_minute,
                max_active=command.max_active,
            )
            if await self._keys.add(key):
                return CreatedApiKey(key=key, secret=secret)
        # 64-bit ids of fresh random secrets do not collide three times: the store is broken.
        raise DependencyUnavailable("key store", "no free key id after three fresh secrets")


class ListApiKeysHandler:
    """Every key, oldest first: ids, names, limits and whether revoked, never a secret."""

    def __init__(self, *, keys: KeyStore) -> None:
        self._keys = keys

    async def __call__(self) -> list[ApiKey]:
        return sorted(await self._keys.list_all(), key=lambda key: (key.created_at, key.id))


class RevokeApiKeyHandler:
    """Revokes a key for good; its jobs stay, readable by no key."""

    def __init__(self, *, keys: KeyStore, clock: Clock) -> None:
        self._keys = keys
        self._clock = clock

    async def __call__(self, key_id: str) -> ApiKey:
        """Raises `ApiKeyNotFound` for an unknown id."""
        revoked = await self._keys.revoke(key_id, now=self._clock.now())
        if revoked is None:
            raise ApiKeyNotFound(key_id)
        return revoked


class AuthenticateHandler:
    """The key a presented secret belongs to, or None (unknown, malformed or revoked).

    One read by id (the id is derived from the secret's hash), then a constant-time comparison
    of the whole hash. Keys found valid are cached in this process for `cache_seconds` (at
    most 60): a revocation made elsewhere (`scenegen keys revoke`) is seen within that time,
    and at once in a process that revokes through this one's `forget`. Refusals are never
    cached, so a key created a moment ago works at once.
    """

    def __init__(
        self, *, keys: KeyStore, clock: Clock, cache_seconds: float = DEFAULT_CACHE_SECONDS
    ) -> None:
        if not 0 <= cache_seconds <= MAX_CACHE_SECONDS:
            raise ValueError(f"cache_seconds must be 0..{MAX_CACHE_SECONDS:g}")
        self._keys = keys
        self._clock = clock
        self._cache_for = timedelta(seconds=cache_seconds)
        self._cache: OrderedDict[str, tuple[ApiKey, datetime]] = OrderedDict()

    async def __call__(self, presented: str | None) -> ApiKey | None:
        if presented is None or not is_well_formed_secret(presented):
            return None
        key_id = key_id_for(hash_secret(presented))
        key = self._cached(key_id)
        if key is None:
            key = await self._keys.get(key_id)
            if key is None or key.revoked:
                return None
            self._remember(key)
        return key if secret_matches(key, presented) else None

    def forget(self, key_id: str) -> None:
        """Drop a key from the cache (this process revoked it)."""
        self._cache.pop(key_id, None)

    def _cached(self, key_id: str) -> ApiKey | None:
        entry = self._cache.get(key_id)
        if entry is None:
            return None
        key, fetched = entry
        now = self._clock.now()
        if not fetched <= now < fetched + self._cache_for:
            del self._cache[key_id]
            return None
        return key

    def _remember(self, key: ApiKey) -> None:
        if not self._cache_for:
            return
        self._cache[key.id] = (key, self._clock.now())
        self._cache.move_to_end(key.id)
        while len(self._cache) > CACHED_KEYS:
            self._cache.popitem(last=False)
