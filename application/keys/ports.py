"""Key ports: where keys are kept, where their secrets come from, and the rate counter."""

from datetime import datetime
from typing import Protocol

from domain.keys import ApiKey


class KeyStore(Protocol):
    """Keeps API keys (their hashes, never their secrets) by id."""

    async def add(self, key: ApiKey) -> bool:
        """Store `key` unless its id exists; False (and nothing changed) when it does."""
        ...

    async def get(self, key_id: str) -> ApiKey | None:
        """A strongly consistent read: a revocation is seen by the next read."""
        ...

    async def list_all(self) -> list[ApiKey]:
        """Every key, revoked ones included, oldest first."""
        ...

    async def revoke(self, key_id: str, *, now: datetime) -> ApiKey | None:
        """Mark the key revoked (once: a second revoke keeps the first time); None if unknown."""
        ...

    async def check(self) -> None:
        """Raise if the store cannot be reached."""
        ...


class KeySecrets(Protocol):
    """Draws new key secrets: `sg_` and at least 32 random url-safe characters."""

    def new_secret(self) -> str: ...


class RateCounter(Protocol):
    """Counts a key's submissions in fixed one-minute windows, shared by every API process."""

    async def take(
        self, key_id: str, window: datetime, *, limit: int, expires_at: datetime
    ) -> int | None:
        """Count one submission in the window unless `limit` are counted already, atomically:
        the count after this one, or None (and nothing counted) when the window is full.
        The window's count may be forgotten after `expires_at`."""
        ...

    async def used(self, key_id: str, window: datetime) -> int:
        """How many submissions the window has counted (0 for a window never used)."""
        ...
