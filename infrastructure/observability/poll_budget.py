"""A trace budget for status polls, the way X-Ray's sampling rules budget a busy endpoint.

A client polls `GET /status/{id}` many times per job, and each poll is a trace of its own:
it is not part of the job's trace, which runs from `POST /generate` through the queue, the
worker steps and the callbacks. Tracing every poll makes tracing cost grow with the poll
rate; a budget of N new poll traces a second per process keeps poll latency visible at a
bounded cost.
"""

import threading
import time
from collections.abc import Callable

STATUS_PATH_PREFIX = "/status/"


def is_status_poll(method: str, path: str) -> bool:
    return method == "GET" and path.startswith(STATUS_PATH_PREFIX)


class TokenBucket:
    """At most `per_second` takes a second on average, in bursts of up to that many."""

    def __init__(self, per_second: int, clock: Callable[[], float] = time.monotonic) -> None:
        if per_second < 0:
            raise ValueError("a budget cannot be negative")
        self._rate = float(per_second)
        self._capacity = float(max(per_second, 1))
        self._tokens = float(per_second and self._capacity)
        self._clock = clock
        self._last = clock()
        self._lock = threading.Lock()

    def take(self) -> bool:
        with self._lock:
            now = self._clock()
            self._tokens = min(self._capacity, self._tokens + (now - self._last) * self._rate)
            self._last = now
            if self._tokens >= 1.0:
                self._tokens -= 1.0
                return True
            return False
