"""InMemoryActiveJobSlots: demo mode's reserved active jobs, one set of job ids per key."""


class InMemoryActiveJobSlots:
    """One process: each call checks and changes its key's set with nothing awaited in between,
    so concurrent reservations on the event loop never pass the limit together."""

    def __init__(self) -> None:
        self._held: dict[str, set[str]] = {}

    async def reserve(self, owner: str, job_id: str, *, limit: int) -> int | None:
        held = self._held.setdefault(owner, set())
        if job_id not in held and len(held) >= limit:
            return None
        held.add(job_id)
        return len(held)

    async def release(self, owner: str, job_id: str) -> None:
        held = self._held.get(owner)
        if held is None:
            return
        held.discard(job_id)
        if not held:
            del self._held[owner]

    async def held(self, owner: str) -> frozenset[str]:
        return frozenset(self._held.get(owner, ()))
