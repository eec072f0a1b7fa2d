"""Waiting on conditions instead of sleeping: a test that sleeps races a busy machine.

`await until(lambda: queue.pending() == 0)` re-checks the condition after each turn of the
event loop (a short pause between checks, so a thread or process doing the work gets the
CPU) and fails with the condition's description when the generous timeout passes. The timeout
only bounds a broken test: a passing one returns as soon as the condition holds.
"""

import asyncio
import time
from collections.abc import Callable

DEFAULT_TIMEOUT_SECONDS = 30.0
CHECK_EVERY_SECONDS = 0.01


async def until(
    condition: Callable[[], bool],
    what: str = "the condition",
    *,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
) -> None:
    """Return once `condition()` is true; AssertionError naming `what` after `timeout`."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not hold within {timeout:g} s")
        await asyncio.sleep(CHECK_EVERY_SECONDS)


def until_sync(
    condition: Callable[[], bool],
    what: str = "the condition",
    *,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
) -> None:
    """The same for tests without an event loop (processes driven over HTTP)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not hold within {timeout:g} s")
        time.sleep(CHECK_EVERY_SECONDS * 5)
