"""At most one log line per interval for a condition that can repeat on every request."""

import time
from collections.abc import Callable


class LogThrottle:
    """`due()` answers whether a line may be written now, and how many were held back."""

    def __init__(
        self, interval_seconds: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._interval = interval_seconds
        self._clock = clock
        self._last: float | None = None
        self._held_back = 0

    def due(self) -> int | None:
        """None while a line was written less than an interval ago (this one is held back);
        otherwise the number held back since that line, and the interval starts again."""
        now = self._clock()
        if self._last is not None and now - self._last < self._interval:
            self._held_back += 1
            return None
        held_back, self._held_back, self._last = self._held_back, 0, now
        return held_back
