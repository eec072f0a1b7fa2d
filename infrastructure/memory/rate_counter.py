"""InMemoryRateCounter: demo mode's per-key submission counts, one fixed window each."""

from datetime import datetime


class InMemoryRateCounter:
    """One process, one count per key: only the current window is kept (older ones are dropped
    when a newer one is counted), so memory stays one entry per key."""

    def __init__(self) -> None:
        self._windows: dict[str, tuple[datetime, int]] = {}

    async def take(
        self, key_id: str, window: datetime, *, limit: int, expires_at: datetime
    ) -> int | None:
        used = self._used(key_id, window)
        if used >= limit:
            return None
        current = self._windows.get(key_id)
        if current is None or current[0] <= window:
            self._windows[key_id] = (window, used + 1)
        return used + 1

    async def used(self, key_id: str, window: datetime) -> int:
        return self._used(key_id, window)

    def _used(self, key_id: str, window: datetime) -> int:
        current = self._windows.get(key_id)
        if current is None or current[0] != window:
            return 0
        return current[1]
