"""Retry delays: doubling from 5-10 s, half jitter, never past SQS's 15-minute limit."""

import pytest

from application.webhooks.retry_schedule import (
    MAX_RETRY_DELAY_SECONDS,
    retry_backoff,
    retry_delay,
)


@pytest.mark.parametrize(
    ("retry", "low", "high"),
    [(1, 5, 10), (2, 10, 20), (3, 20, 40), (7, 320, 640), (8, 450, 900), (40, 450, 900)],
)
def test_backoff_doubles_with_half_jitter_up_to_fifteen_minutes(
    retry: int, low: float, high: float
) -> None:
    delays = [retry_backoff(retry) for _ in range(300)]
    assert all(low <= delay <= high for delay in delays)
    assert max(delays) - min(delays) > (high - low) / 4, "the delay is jittered"


def test_retry_after_longer_than_the_backoff_wins() -> None:
    assert retry_delay(7.0, 30.0) == 30.0
    assert retry_delay(7.0, 2.0) == 7.0
    assert retry_delay(7.0, None) == 7.0


def test_no_retry_is_scheduled_beyond_the_queue_delay_limit() -> None:
    assert MAX_RETRY_DELAY_SECONDS == 900
    assert retry_delay(5.0, 86_400.0) == 900
