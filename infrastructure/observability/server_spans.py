"""Server spans for the HTTP API: one per request but the health checks, named by route."""

from litestar import Litestar
from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send
from opentelemetry import context, trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.semconv.attributes.http_attributes import (
    HTTP_REQUEST_METHOD,
    HTTP_RESPONSE_STATUS_CODE,
    HTTP_ROUTE,
)
from opentelemetry.semconv.attributes.url_attributes import URL_PATH, URL_SCHEME
from opentelemetry.trace import (
    Span,
    SpanKind,
    Status,
    StatusCode,
)

from infrastructure.observability.poll_budget import TokenBucket, is_status_poll, poll_budget_of
from infrastructure.observability.tracing import TRACER_NAME, UNTRACED_PATHS, extract_context
from infrastructure.observability.untraced_requests import UNTRACED_REQUEST, UntracedRequest


def trace_requests(app: Litestar, tracer_provider: trace.TracerProvider | None = None) -> None:
    """Give every request but the health checks a server span, named by its route.

    The span wraps the whole app (routing and error handling included), continues the W3C
    trace context of the request's headers, and is renamed `GET /status/{job_id}` once the
    router has matched the route (never one span name per job id). The provider's sampler
    decides which spans record (the status-poll budget is one, see poll_budget). Call it
    after `configure_tracing`: with no SDK provider installed it adds nothing.
    """
    if tracer_provider is None:
        tracer_provider = trace.get_tracer_provider()
    if not isinstance(tracer_provider, TracerProvider):
        return  # tracing is off (OTEL_SDK_DISABLED, or never configured): no middleware
    app.asgi_handler = ServerSpanMiddleware(
        app.asgi_handler,
        tracer_provider.get_tracer(TRACER_NAME),
        poll_budget=poll_budget_of(tracer_provider.sampler),
    )


class ServerSpanMiddleware:
    """A lean ASGI server span: stable HTTP semantic-convention attributes, nothing more.

    It replaces Litestar's OpenTelemetryPlugin (opentelemetry-instrumentation-asgi), which
    collects about a dozen attributes and wraps every send whether or not the span is sampled.
    A request's cost matters here: GET /status takes about 29 µs of Python, a recorded SDK
    span about 25 µs more (README, Throughput).
    """

    def __init__(
        self, app: ASGIApp, tracer: trace.Tracer, poll_budget: TokenBucket | None = None
    ) -> None:
        self._app = app
        self._tracer = tracer
        self._poll_budget = poll_budget

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self._app(scope, receive, send)
            return
        path = scope["path"]
        if path in UNTRACED_PATHS:
            await self._app(scope, receive, send)
            return
        method = scope["method"]
        if (
            self._poll_budget is not None
            and is_status_poll(method, path)
            and not _carries_trace_context(scope)
            and self._poll_budget.spent()
        ):
            # The sampler would drop this new trace: skip the SDK (10 µs in-process) and run
            # the request with no span, marked so that nothing under it is traced and its log
            # lines still carry ids (untraced_requests).
            mark = UNTRACED_REQUEST.set(UntracedRequest())
            try:
                await self._app(scope, receive, send)
            finally:
                UNTRACED_REQUEST.reset(mark)
            return
        context_carrier = _context_headers(scope)
        # start_span + attach rather than start_as_current_span, whose three context
        # managers cost as much as the span itself. A span the sampler drops still has ids
        # (for the log lines) and a not-sampled context, so the AWS calls are dropped too.
        span: Span = self._tracer.start_span(
            method,
            context=extract_context(context_carrier) if context_carrier else None,
            kind=SpanKind.SERVER,
            attributes={
                HTTP_REQUEST_METHOD: method,
                URL_PATH: path,
                URL_SCHEME: scope.get("scheme", "http"),
            },
        )
        token = context.attach(trace.set_span_in_context(span))
        try:
            if span.is_recording():
                await self._traced(span, method, scope, receive, send)
            else:
                await self._app(scope, receive, send)
        finally:
            context.detach(token)
            span.end()

    async def _traced(
        self, span: Span, method: str, scope: Scope, receive: Receive, send: Send
    ) -> None:
        try:
            await self._app(scope, receive, _RecordStatus(send, span))
        except BaseException as error:
            span.record_exception(error)
            span.set_status(Status(StatusCode.ERROR, f"{type(error).__name__}: {error}"))
            raise
        finally:
            route = scope.get("path_template")
            if route:
                span.update_name(f"{method} {route}")
                span.set_attribute(HTTP_ROUTE, route)


class _RecordStatus:
    """The `send` of a recording span: notes the response status on the span."""

    __slots__ = ("_send", "_span")

    def __init__(self, send: Send, span: Span) -> None:
        self._send = send
        self._span = span

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            status = int(message["status"])
            self._span.set_attribute(HTTP_RESPONSE_STATUS_CODE, status)
            if status >= 500:
                self._span.set_status(Status(StatusCode.ERROR))
        await self._send(message)


_CONTEXT_HEADERS = {b"traceparent": "traceparent", b"tracestate": "tracestate"}


def _context_headers(scope: Scope) -> dict[str, str]:
    """The W3C trace context headers the request carries; empty for a new trace."""
    return {
        _CONTEXT_HEADERS[name]: value.decode("latin-1")
        for name, value in scope["headers"]
        if name in _CONTEXT_HEADERS
    }


def _carries_trace_context(scope: Scope) -> bool:
    return any(name in _CONTEXT_HEADERS for name, _ in scope["headers"])
