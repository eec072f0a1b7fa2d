"""The worker's heartbeat: a file touched while its receive loop runs, read by a health check.

ECS runs `scenegen worker-health` in the worker's container: a file older than
`MAX_AGE_SECONDS` (a stuck event loop, a receive loop that died) makes the task unhealthy,
and ECS replaces it.
"""

import asyncio
import contextlib
import os
import time
from collections.abc import Callable
from pathlib import Path

INTERVAL_SECONDS = 10.0
MAX_AGE_SECONDS = 60.0


async def beat(
    path: Path,
    alive: Callable[[], bool],
    stop: asyncio.Event,
    interval: float = INTERVAL_SECONDS,
) -> None:
    """Touch `path` every `interval` seconds while `alive()`, until `stop` is set."""
    path.parent.mkdir(parents=True, exist_ok=True)
    while not stop.is_set():
        if alive():
            await asyncio.to_thread(path.touch)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), interval)


def heartbeat_age(path: Path, now: float | None = None) -> float | None:
    """Seconds since the last beat, or None when there was none."""
    try:
        touched = os.stat(path).st_mtime
    except FileNotFoundError:
        return None
    return (time.time() if now is None else now) - touched
