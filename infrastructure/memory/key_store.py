"""InMemoryKeyStore: demo mode's API keys, and `API_KEYS=name:secret,...` read into it."""

from datetime import datetime

import msgspec

from domain.keys import ApiKey, InvalidApiKey, new_api_key


class InMemoryKeyStore:
    """Keys in a dict, each write replacing a whole key: nothing awaited, so each is atomic."""

    def __init__(self, keys: list[ApiKey] | None = None) -> None:
        self._keys: dict[str, ApiKey] = {}
        for key in keys or ():
            if key.id in self._keys:
                raise InvalidApiKey(f"two keys have the same secret ({key.name!r})")
            self._keys[key.id] = key

    async def add(self, key: ApiKey) -> bool:
        if key.id in self._keys:
            return False
        self._keys[key.id] = key
        return True

    async def get(self, key_id: str) -> ApiKey | None:
        return self._keys.get(key_id)

    async def list_all(self) -> list[ApiKey]:
        return sorted(self._keys.values(), key=lambda key: (key.created_at, key.id))

    async def revoke(self, key_id: str, *, now: datetime) -> ApiKey | None:
        key = self._keys.get(key_id)
        if key is None or key.revoked:
            return key
        revoked = msgspec.structs.replace(key, revoked=True, revoked_at=now)
        self._keys[key_id] = revoked
        return revoked

    async def check(self) -> None:
        return None


def parse_api_keys(text: str, *, now: datetime, setting: str = "API_KEYS") -> list[ApiKey]:
    """`name:secret,name:secret` as keys created `now` (whitespace around items ignored, an
    empty value gives no keys). Raises `InvalidApiKey` naming the setting and the item's
    position, never a secret."""
    keys: list[ApiKey] = []
    seen: set[str] = set()
    for position, item in enumerate(text.split(","), start=1):
        item = item.strip()
        if not item:
            continue
        name, colon, secret = item.partition(":")
        if not colon:
            raise InvalidApiKey(f"{setting}: item {position} is not name:secret")
        try:
            key = new_api_key(secret=secret.strip(), name=name.strip(), now=now)
        except InvalidApiKey as invalid:
            raise InvalidApiKey(f"{setting}: item {position}: {invalid}") from None
        if key.id in seen:
            raise InvalidApiKey(f"{setting}: item {position} repeats the secret of another key")
        seen.add(key.id)
        keys.append(key)
    return keys


def key_store_from_api_keys(text: str, *, now: datetime) -> InMemoryKeyStore:
    """Demo mode's key store, holding the keys `API_KEYS` lists."""
    return InMemoryKeyStore(parse_api_keys(text, now=now))
