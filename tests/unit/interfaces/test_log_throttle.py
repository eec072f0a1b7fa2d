"""LogThrottle: one line per interval, counting the ones held back."""

from interfaces.http.log_throttle import LogThrottle


class Ticking:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_one_line_per_interval_with_the_count_held_back() -> None:
    clock = Ticking()
    throttle = LogThrottle(60.0, clock)
    assert throttle.due() == 0
    clock.now += 59.9
    assert [throttle.due() for _ in range(3)] == [None, None, None]
    clock.now += 0.1
    assert throttle.due() == 3
    clock.now += 1
    assert throttle.due() is None
