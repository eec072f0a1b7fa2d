"""Litestar tracing: server spans named by route, none for health checks; callbacks join the job."""

from collections.abc import Iterator

import pytest
from litestar import Litestar, get, post
from litestar.params import FromPath
from litestar.testing import TestClient
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from infrastructure.observability.tracing import inject_context, step_span, trace_requests


@get("/healthz", sync_to_thread=False)
def healthz() -> str:
    return "ok"


@get("/readyz", sync_to_thread=False)
def readyz() -> str:
    return "ok"


@get("/status/{job_id:str}", sync_to_thread=False)
def status(job_id: FromPath[str]) -> str:
    return job_id


@post("/internal/jobs/{job_id:str}/steps", sync_to_thread=False)
def callback(job_id: FromPath[str]) -> str:
    return job_id


class Traced:
    def __init__(self) -> None:
        self.exporter = InMemorySpanExporter()
        self.provider = TracerProvider()
        self.provider.add_span_processor(SimpleSpanProcessor(self.exporter))
        app = Litestar(route_handlers=[healthz, readyz, status, callback])
        trace_requests(app, self.provider)
        self.client = TestClient(app)


@pytest.fixture
def traced() -> Iterator[Traced]:
    subject = Traced()
    with subject.client:
        yield subject
    subject.provider.shutdown()


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
    (span,) = traced.exporter.get_finished_spans()
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
