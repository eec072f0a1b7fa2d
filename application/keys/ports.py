"""Key ports: where keys are kept, where their secrets come from, and the quotas' counters."""

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


class ActiveJobSlots(Protocol):
    """Each key's reserved active jobs, by id, shared by every API process: a job holds a slot
    from its submission until it ends, so a key's limit of active jobs is never passed."""

    async def reserve(self, owner: str, job_id: str, *, limit: int) -> int | None:
        """Reserve a slot for `job_id` unless `limit` other jobs hold one, atomically: the
        number of slots the key holds now (this one included), or None (and nothing changed)
        when they are full. Reserving a job that holds a slot already changes nothing."""
        ...

    async def release(self, owner: str, job_id: str) -> None:
        """Give the job's slot back; nothing happens when it holds none."""
        ...

    async def held(self, owner: str) -> frozenset[str]:
        """The ids of the jobs holding the key's slots, strongly consistent."""
        ...
