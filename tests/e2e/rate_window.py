"""A key's rate limit reached in a real process, whose windows are minutes of the wall clock.

A burst of submissions may straddle a minute's end (a test that waited for a job between its
first submission and the burst often does), so the refusal is looked for across at most two
windows, and what RateLimit-Remaining said on the way is checked window by window.
"""

from collections.abc import Callable, Mapping
from itertools import pairwise
from typing import Protocol, TypeVar


class Answer(Protocol):
    @property
    def status_code(self) -> int: ...

    @property
    def headers(self) -> Mapping[str, str]: ...


A = TypeVar("A", bound=Answer)


def submit_until_refused(submit: Callable[[], A], limit: int) -> A:
    """The first refused submission, after checking that the accepted ones before it counted the
    window down to 0 (a new window, seen as Remaining going up, starts again at `limit` - 1)."""
    remaining: list[int] = []
    for _ in range(2 * limit + 1):
        answer = submit()
        if answer.status_code != 202:
            assert answer.status_code == 429, answer
            _check_count_down(remaining, limit)
            assert answer.headers["ratelimit-remaining"] == "0"
            assert int(answer.headers["retry-after"]) >= 1
            return answer
        remaining.append(int(answer.headers["ratelimit-remaining"]))
    raise AssertionError(f"{len(remaining)} submissions accepted at {limit} a minute: {remaining}")


def _check_count_down(remaining: list[int], limit: int) -> None:
    assert remaining and remaining[-1] == 0, remaining
    starts = [i for i in range(1, len(remaining)) if remaining[i] >= remaining[i - 1]]
    assert len(starts) <= 1, f"more than one new window in one burst: {remaining}"
    last_window = remaining[starts[0] :] if starts else remaining
    if starts:
        assert last_window[0] == limit - 1, remaining
    assert all(a - b == 1 for a, b in pairwise(last_window)), remaining
