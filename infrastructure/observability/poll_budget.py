"""A trace budget for status polls, the way X-Ray's sampling rules budget a busy endpoint.

A client polls `GET /status/{id}` many times per job, and each poll is a trace of its own:
it is not part of the job's trace, which runs from `POST /generate` through the queue, the
worker steps and the callbacks. Tracing every poll makes tracing cost grow with the poll
rate; a budget of N new poll traces a second per process keeps poll latency visible at a
bounded cost. The budget is an SDK `Sampler`, used as the root sampler of a `ParentBased`
one: a poll that carries a client's trace context follows it.
"""

import threading
import time
from collections.abc import Callable, Sequence

from opentelemetry.context import Context
from opentelemetry.sdk.trace.sampling import (
    ALWAYS_ON,
    Decision,
    ParentBased,
    Sampler,
    SamplingResult,
)
from opentelemetry.semconv.attributes.http_attributes import HTTP_REQUEST_METHOD
from opentelemetry.semconv.attributes.url_attributes import URL_PATH
from opentelemetry.trace import Link, SpanKind
from opentelemetry.trace.span import TraceState
from opentelemetry.util.types import Attributes

from application.wire import JOBS_PATH
from infrastructure.observability.untraced_requests import UNTRACED_REQUEST

STATUS_PATH_PREFIX = f"{JOBS_PATH}/"
_DROP = SamplingResult(Decision.DROP)


def is_status_poll(method: str, path: str) -> bool:
    return method == "GET" and path.startswith(STATUS_PATH_PREFIX)


class TokenBucket:
    """At most `per_second` takes a second on average, in bursts of up to that many."""

    def __init__(self, per_second: int, clock: Callable[[], float] = time.monotonic) -> None:
        if per_second < 0:
            raise ValueError("a budget cannot be negative")
        self._rate = float(per_second)
        self._capacity = float(max(per_second, 1))
        self._tokens = float(per_second and self._capacity)
        self._clock = clock
        self._last = clock()
        self._lock = threading.Lock()

    def take(self) -> bool:
        with self._lock:
            self._refill()
            if self._tokens >= 1.0:
                self._tokens -= 1.0
                return True
            return False

    def spent(self) -> bool:
        """Whether a `take` now would fail; takes and changes nothing.

        Read without the lock, as it runs on every status poll: a `take` on another thread at
        the same moment can make the answer one token off, which costs nothing, since the
        sampler decides with `take`, under the lock.
        """
        tokens, last = self._tokens, self._last
        return tokens + (self._clock() - last) * self._rate < 1.0

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self._capacity, self._tokens + (now - self._last) * self._rate)
        self._last = now


class StatusPollBudgetSampler(Sampler):
    """Drops a new trace of a status poll once the second's budget is spent; asks `root` else.

    It reads the request method and path from the span's start attributes (the server span
    middleware sets them), so it needs no knowledge of the web framework.
    """

    def __init__(self, polls_per_second: int, root: Sampler = ALWAYS_ON) -> None:
        self._polls_per_second = polls_per_second
        self.budget = TokenBucket(polls_per_second)
        self._root = root

    def should_sample(
        self,
        parent_context: Context | None,
        trace_id: int,
        name: str,
        kind: SpanKind | None = None,
        attributes: Attributes = None,
        links: Sequence[Link] | None = None,
        trace_state: TraceState | None = None,
    ) -> SamplingResult:
        # As ParentBased's root sampler it sees only spans without a parent (new traces).
        if UNTRACED_REQUEST.get() is not None:
            return _DROP  # a new trace started under a poll dropped before it had a span
        if (
            kind is SpanKind.SERVER
            and attributes
            and attributes.get(HTTP_REQUEST_METHOD) == "GET"
            and str(attributes.get(URL_PATH, "")).startswith(STATUS_PATH_PREFIX)
            and not self.budget.take()
        ):
            return _DROP
        return self._root.should_sample(
            parent_context, trace_id, name, kind, attributes, links, trace_state
        )

    def get_description(self) -> str:
        return f"StatusPollBudget{{{self._polls_per_second}/s,{self._root.get_description()}}}"


class BudgetedParentBased(ParentBased):
    """ParentBased over a StatusPollBudgetSampler, whose budget the server span middleware can
    read: a poll over budget then skips the SDK's span machinery altogether."""

    def __init__(self, root: StatusPollBudgetSampler) -> None:
        super().__init__(root)
        self.poll_budget = root.budget


def status_poll_sampler(polls_per_second: int | None) -> Sampler:
    """Parent-based: a request with trace context follows it; new traces of polls are budgeted.

    None: no budget of their own (every new trace is sampled).
    """
    if polls_per_second is None:
        return ParentBased(ALWAYS_ON)
    return BudgetedParentBased(StatusPollBudgetSampler(polls_per_second))


def poll_budget_of(sampler: Sampler) -> TokenBucket | None:
    return sampler.poll_budget if isinstance(sampler, BudgetedParentBased) else None
