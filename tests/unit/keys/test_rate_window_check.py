"""The e2e check of a key's rate limit tolerates one minute ending mid-burst, and nothing else."""

from collections.abc import Iterator

import pytest

from tests.e2e.rate_window import submit_until_refused


class Answer:
    def __init__(self, status_code: int, remaining: int) -> None:
        self.status_code = status_code
        self.headers = {"ratelimit-remaining": str(remaining), "retry-after": "7"}


def answers(*remaining: int | None) -> Iterator[Answer]:
    """202s with these RateLimit-Remaining values; None is the 429."""
    for value in remaining:
        yield Answer(429, 0) if value is None else Answer(202, value)


def run(limit: int, *remaining: int | None) -> Answer:
    replies = answers(*remaining)
    return submit_until_refused(lambda: next(replies), limit)


def test_a_refusal_after_the_window_counts_down_is_returned() -> None:
    assert run(3, 1, 0, None).status_code == 429


def test_a_window_that_ends_mid_burst_starts_its_count_again() -> None:
    assert run(3, 1, 2, 1, 0, None).status_code == 429
    assert run(1, 0, 0, None).status_code == 429


@pytest.mark.parametrize(
    "remaining",
    [
        (2, 1, 0, 0, 0, 0, 0),  # never refused
        (1, None),  # refused with room left
        (2, 0, None),  # a submission not counted
        (0, 2, 0, None),  # a new window that skipped a count
        (0, 2, 1, 0, 2, 1, 0, None),  # two windows ending in one short burst
    ],
)
def test_a_limit_that_does_not_hold_fails_the_check(remaining: tuple[int | None, ...]) -> None:
    with pytest.raises((AssertionError, StopIteration)):
        run(3, *remaining)
