"""Litestar tracing: server spans named by route, none for health checks; callbacks join the job."""

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from unittest.mock import patch

import pytest
from litestar import Litestar, get, post
from litestar.params import FromPath
from litestar.testing import TestClient
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from infrastructure.json_logging import JsonFormatter
from infrastructure.observability.poll_budget import status_poll_sampler
from infrastructure.observability.server_spans import trace_requests
from infrastructure.observability.tracing import inject_context, step_span


@get("/healthz", sync_to_thread=False)
def healthz() -> str:
    return "ok"


@get("/readyz", sync_to_thread=False)
def readyz() -> str:
    return "ok"


@get("/status/{job_id:str}", sync_to_thread=False)
def status(job_id: FromPath[str]) -> dict[str, object]:
    """What a handler sees of the trace: its log lines' ids, and whether its AWS calls record."""
    child = trace.get_tracer("aws").start_span("DynamoDB.GetItem", kind=SpanKind.CLIENT)
    child_recorded = child.is_recording()
    child.end()
    record = logging.LogRecord("poll", logging.INFO, __file__, 1, "read", None, None)
    line = json.loads(JsonFormatter().format(record))
    again = json.loads(JsonFormatter().format(record))
    return {
        "jobId": job_id,
        "traceId": line["trace_id"],
        "spanId": line["span_id"],
        "sameIdsOnEveryLine": (again["trace_id"], again["span_id"])
        == (line["trace_id"], line["span_id"]),
        "sampled": trace.get_current_span().get_span_context().trace_flags.sampled,
        "childRecorded": child_recorded,
    }


@get("/boom", sync_to_thread=False)
def boom() -> None:
    raise RuntimeError("kaput")


@post("/internal/jobs/{job_id:str}/steps", sync_to_thread=False)
def callback(job_id: FromPath[str]) -> str:
    return job_id


class Traced:
    def __init__(self, status_polls_per_second: int | None = None) -> None:
        self.exporter = InMemorySpanExporter()
        self.provider = TracerProvider(sampler=status_poll_sampler(status_polls_per_second))
        self.provider.add_span_processor(SimpleSpanProcessor(self.exporter))
        app = Litestar(route_handlers=[healthz, readyz, status, callback, boom])
        trace_requests(app, self.provider)
        self.client = TestClient(app)

    def server_spans(self) -> list[ReadableSpan]:
        return [s for s in self.exporter.get_finished_spans() if s.kind is SpanKind.SERVER]


@contextmanager
def traced_app(status_polls_per_second: int | None = None) -> Iterator[Traced]:
    subject = Traced(status_polls_per_second)
    # The handler's child span goes through the global API, as the AWS instrumentation does.
    with subject.client, patch.object(trace, "get_tracer", subject.provider.get_tracer):
        yield subject
    subject.provider.shutdown()


@pytest.fixture
def traced() -> Iterator[Traced]:
    with traced_app() as subject:
        yield subject


def test_health_checks_are_not_traced(traced: Traced) -> None:
    assert traced.client.get("/healthz").status_code == 200
    assert traced.client.get("/readyz").status_code == 200
    assert traced.exporter.get_finished_spans() == ()


def test_an_unrouted_request_is_named_by_its_method_only(traced: Traced) -> None:
    assert traced.client.get("/no/such/job-123").status_code == 404
    (span,) = traced.exporter.get_finished_spans()
    assert span.name == "GET"


def test_a_request_gets_one_server_span_named_by_its_route(traced: Traced) -> None:
    assert traced.client.get("/status/job-123").status_code == 200
    (span,) = traced.server_spans()
    assert span.kind is SpanKind.SERVER
    assert span.name == "GET /status/{job_id}"
    assert span.attributes is not None
    assert span.attributes["http.route"] == "/status/{job_id}"


def test_a_callback_carrying_the_step_context_joins_the_job_trace(traced: Traced) -> None:
    tracer = traced.provider.get_tracer("worker")
    with step_span("job-9", "layout", tracer=tracer) as step:
        headers = inject_context()
    response = traced.client.post("/internal/jobs/job-9/steps", headers=headers)
    assert response.status_code == 201
    (server,) = [s for s in traced.exporter.get_finished_spans() if s.kind is SpanKind.SERVER]
    assert server.context is not None and server.parent is not None
    assert server.context.trace_id == step.get_span_context().trace_id
    assert server.parent.span_id == step.get_span_context().span_id


def test_an_exception_marks_the_span_as_an_error_and_keeps_the_route(traced: Traced) -> None:
    assert traced.client.get("/boom").status_code == 500
    (span,) = traced.server_spans()
    assert span.name == "GET /boom"
    assert span.status.status_code is StatusCode.ERROR
    assert span.attributes is not None
    assert span.attributes["http.response.status_code"] == 500


# The status-poll budget.


def test_polls_over_budget_start_no_trace_but_keep_ids_for_their_logs() -> None:
    with traced_app(status_polls_per_second=0) as traced:
        first = traced.client.get("/status/job-1").json()
        second = traced.client.get("/status/job-2").json()
        assert traced.client.post("/internal/jobs/job-1/steps").status_code == 201
        # Only the callback, which is not a poll, was traced; the polls' AWS calls were dropped.
        assert [span.name for span in traced.exporter.get_finished_spans()] == [
            "POST /internal/jobs/{job_id}/steps"
        ]
    for poll in (first, second):
        assert poll["sampled"] is False
        assert poll["childRecorded"] is False
        assert int(poll["traceId"], 16) != 0 and int(poll["spanId"], 16) != 0
        assert poll["sameIdsOnEveryLine"] is True
    assert first["traceId"] != second["traceId"]


def test_polls_within_budget_are_traced_with_their_aws_calls() -> None:
    with traced_app(status_polls_per_second=1000) as traced:
        poll = traced.client.get("/status/job-1").json()
        names = sorted(span.name for span in traced.exporter.get_finished_spans())
    assert names == ["DynamoDB.GetItem", "GET /status/{job_id}"]
    assert poll["sampled"] is True and poll["childRecorded"] is True


def test_a_poll_carrying_a_sampled_trace_context_is_traced_whatever_the_budget() -> None:
    with traced_app(status_polls_per_second=0) as traced:
        client_trace = traced.provider.get_tracer("client")
        with client_trace.start_as_current_span("client poll") as client_span:
            headers = inject_context()
        poll = traced.client.get("/status/job-1", headers=headers).json()
        (server,) = traced.server_spans()
    assert poll["traceId"] == format(client_span.get_span_context().trace_id, "032x")
    assert server.parent is not None
    assert server.parent.span_id == client_span.get_span_context().span_id


def test_a_budget_of_one_traces_exactly_one_poll_of_a_burst() -> None:
    # The middleware only looks at the budget (a poll over it skips the SDK altogether); the
    # sampler takes from it: looking must not spend it, or no poll would ever be traced.
    with traced_app(status_polls_per_second=1) as traced:
        polls = [traced.client.get(f"/status/job-{n}").json() for n in range(5)]
        (server,) = traced.server_spans()
    assert [poll["sampled"] for poll in polls] == [True, False, False, False, False]
    assert server.name == "GET /status/{job_id}"
    assert len({poll["traceId"] for poll in polls}) == 5
