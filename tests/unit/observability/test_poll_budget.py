"""The token bucket behind the status-poll trace budget."""

import pytest
from opentelemetry.sdk.trace.sampling import Decision
from opentelemetry.trace import SpanKind

from infrastructure.observability.poll_budget import (
    StatusPollBudgetSampler,
    TokenBucket,
    is_status_poll,
)
from infrastructure.observability.untraced_requests import UNTRACED_REQUEST, UntracedRequest


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def takes(bucket: TokenBucket, attempts: int) -> int:
    return sum(bucket.take() for _ in range(attempts))


def test_a_burst_gets_the_budget_of_one_second_then_nothing() -> None:
    clock = FakeClock()
    bucket = TokenBucket(5, clock)
    assert takes(bucket, 20) == 5


def test_the_budget_refills_at_its_rate_and_never_beyond_one_second_of_it() -> None:
    clock = FakeClock()
    bucket = TokenBucket(4, clock)
    takes(bucket, 4)
    clock.now += 0.5
    assert takes(bucket, 10) == 2
    clock.now += 60
    assert takes(bucket, 10) == 4


def test_one_a_second_allows_one_per_second() -> None:
    clock = FakeClock()
    bucket = TokenBucket(1, clock)
    granted = 0
    for _ in range(100):  # ten seconds of polls every 100 ms
        granted += bucket.take()
        clock.now += 0.1
    assert granted == 10


def test_a_zero_budget_never_grants() -> None:
    clock = FakeClock()
    bucket = TokenBucket(0, clock)
    clock.now += 3600
    assert takes(bucket, 10) == 0


def test_a_negative_budget_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        TokenBucket(-1)


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("GET", "/status/01abc", True),
        ("HEAD", "/status/01abc", False),
        ("POST", "/generate", False),
        ("GET", "/statusx", False),
        ("GET", "/internal/jobs/01abc/step", False),
    ],
)
def test_what_counts_as_a_status_poll(method: str, path: str, expected: bool) -> None:
    assert is_status_poll(method, path) is expected


def test_spent_says_whether_a_take_would_fail_and_takes_nothing() -> None:
    clock = FakeClock()
    bucket = TokenBucket(1, clock)
    assert [bucket.spent() for _ in range(3)] == [False, False, False]
    assert bucket.take()
    assert bucket.spent()
    clock.now += 0.5
    assert bucket.spent() and not bucket.take()
    clock.now += 0.5
    assert not bucket.spent()
    assert bucket.take()


def test_a_budget_of_zero_is_always_spent() -> None:
    clock = FakeClock()
    bucket = TokenBucket(0, clock)
    clock.now += 3600
    assert bucket.spent() and not bucket.take()


def test_a_new_trace_under_an_untraced_request_is_dropped() -> None:
    sampler = StatusPollBudgetSampler(polls_per_second=1000)

    def decision() -> Decision:
        return sampler.should_sample(None, 1, "DynamoDB.GetItem", SpanKind.CLIENT).decision

    assert decision() is Decision.RECORD_AND_SAMPLE
    mark = UNTRACED_REQUEST.set(UntracedRequest())
    try:
        assert decision() is Decision.DROP
    finally:
        UNTRACED_REQUEST.reset(mark)
    assert decision() is Decision.RECORD_AND_SAMPLE
