"""The most one AWS call on the API's request path may take, retries included."""

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

from application.errors import DependencyUnavailable

T = TypeVar("T")

REQUEST_DEADLINE_SECONDS = 1.8
"""A hung dependency answers 503 within 2 s: the client's own timeouts bound each attempt, this
bounds the attempts and the backoff between them together."""


async def within_request_deadline(call: Awaitable[T], dependency: str) -> T:
    # asyncio.timeout, not wait_for: on Python 3.11 wait_for can swallow a cancellation that
    # arrives as the call completes, and a caller that cancels a poll (the worker's cancel
    # watch) then waits for ever on a task that never ends.
    try:
        async with asyncio.timeout(REQUEST_DEADLINE_SECONDS):
            return await call
    except TimeoutError as timed_out:
        raise DependencyUnavailable(dependency, "timed out") from timed_out
