"""Requests dropped from tracing before any span was made: status polls over their budget.

Such a request runs with no span at all, only this mark in its context: the poll sampler
drops every new trace started under it (its AWS calls), and its log lines take their ids
from it. Setting a context variable costs a poll a fraction of what building a not-sampled
span and attaching it as the current OpenTelemetry context did (measured under wrk, see
README, Throughput).
"""

from contextvars import ContextVar
from random import getrandbits


class UntracedRequest:
    """The ids an untraced request's log lines carry, drawn when first asked for: most polls
    write no log line and never need them."""

    __slots__ = ("_ids",)

    def __init__(self) -> None:
        self._ids: tuple[int, int] | None = None

    @property
    def ids(self) -> tuple[int, int]:
        """A trace id and a span id, each non-zero, the same for every line of the request."""
        if self._ids is None:
            self._ids = (getrandbits(128) or 1, getrandbits(64) or 1)
        return self._ids


UNTRACED_REQUEST: ContextVar[UntracedRequest | None] = ContextVar("untraced_request", default=None)
"""Set by the server span middleware while it runs a request the poll budget drops."""
