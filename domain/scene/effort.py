"""How a caller stops a generation: a check the layout calls between units of work."""

from collections.abc import Callable

StopCheck = Callable[[], bool]
"""Answers True when the caller wants the generation stopped now (canceled, or past the
caller's deadline). The layout calls it between placements, at least every few milliseconds
of work, so a stop takes effect quickly; it must be cheap and must not raise."""


class GenerationStopped(Exception):
    """The caller's stop check answered True: the generation was abandoned, nothing returned."""


def never_stop() -> bool:
    return False


def check(should_stop: StopCheck) -> None:
    """Raise `GenerationStopped` when the caller asks to stop."""
    if should_stop():
        raise GenerationStopped("the generation was stopped by its caller")
