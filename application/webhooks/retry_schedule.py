"""When a failed webhook delivery is tried again: exponential backoff with half jitter."""

import random

FIRST_RETRY_CEILING_SECONDS = 10.0
MAX_RETRY_DELAY_SECONDS = 900.0
"""SQS delays a message by at most 15 minutes, so no retry is scheduled further out."""


def retry_backoff(retry: int) -> float:
    """Seconds before the `retry`-th retry (1 for the first): 5-10 s, then 10-20 s, 20-40 s, ...

    The ceiling doubles up to 900 s; the delay is drawn from its upper half, so receivers that
    failed together are not all called again at the same moment, yet none comes back too soon.
    """
    ceiling = min(MAX_RETRY_DELAY_SECONDS, FIRST_RETRY_CEILING_SECONDS * 2.0 ** min(retry - 1, 16))
    return ceiling / 2 + random.uniform(0, ceiling / 2)


def retry_delay(backoff_seconds: float, retry_after_seconds: float | None) -> float:
    """The backoff, or the receiver's Retry-After when it asks for longer; capped at 900 s."""
    return min(MAX_RETRY_DELAY_SECONDS, max(backoff_seconds, retry_after_seconds or 0.0))
