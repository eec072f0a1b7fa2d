"""One job, one trace: API span -> queued carrier -> worker job span -> step spans -> callbacks."""

import logging
import os
from collections.abc import Iterator

import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from application.ports import Tracer
from infrastructure.observability.tracing import (
    OpenTelemetryTracer,
    configure_tracing,
    exports_spans,
    extract_context,
    inject_context,
    instrument_aws,
    job_span,
    step_span,
)
from tests.e2e.otlp_receiver import otlp_receiver


class Spans:
    def __init__(self) -> None:
        self.exporter = InMemorySpanExporter()
        self.provider = TracerProvider()
        self.provider.add_span_processor(SimpleSpanProcessor(self.exporter))
        self.tracer = self.provider.get_tracer("test")

    def finished(self) -> dict[str, ReadableSpan]:
        return {span.name: span for span in self.exporter.get_finished_spans()}


@pytest.fixture
def spans() -> Iterator[Spans]:
    recorder = Spans()
    yield recorder
    recorder.provider.shutdown()


def ids(span: ReadableSpan) -> tuple[int, int]:
    assert span.context is not None
    return span.context.trace_id, span.context.span_id


def test_step_spans_nest_under_the_job_span_that_continues_the_api_trace(spans: Spans) -> None:
    with spans.tracer.start_as_current_span("POST /generate", kind=SpanKind.SERVER):
        carrier = inject_context()
    assert set(carrier) == {"traceparent"}

    # The worker: another process, no current span; only the carrier crosses the queue.
    with job_span("job-1", carrier, tracer=spans.tracer):
        with step_span("job-1", "parse_prompt", tracer=spans.tracer):
            callback_headers = inject_context()
        with step_span("job-1", "layout", tracer=spans.tracer):
            pass

    finished = spans.finished()
    api, job = finished["POST /generate"], finished["process job"]
    parse, layout = finished["step parse_prompt"], finished["step layout"]
    trace_id, api_id = ids(api)
    assert {ids(span)[0] for span in (job, parse, layout)} == {trace_id}
    assert job.parent is not None and job.parent.span_id == api_id
    assert job.kind is SpanKind.CONSUMER
    assert job.attributes == {"job.id": "job-1"}
    for step, name in ((parse, "parse_prompt"), (layout, "layout")):
        assert step.parent is not None and step.parent.span_id == ids(job)[1]
        assert step.attributes == {"job.id": "job-1", "step.name": name}
    version, header_trace, header_span, flags = callback_headers["traceparent"].split("-")
    assert (version, header_trace, header_span) == (
        "00",
        f"{trace_id:032x}",
        f"{ids(parse)[1]:016x}",
    )
    assert int(flags, 16) & 0x01  # sampled


def test_a_callback_carrier_extracts_to_the_step_span(spans: Spans) -> None:
    with step_span("job-1", "layout", tracer=spans.tracer) as step:
        headers = inject_context()
    remote = trace.get_current_span(extract_context(headers)).get_span_context()
    assert remote.is_remote
    assert (remote.trace_id, remote.span_id) == (
        step.get_span_context().trace_id,
        step.get_span_context().span_id,
    )


def test_a_job_without_trace_context_starts_its_own_trace(spans: Spans) -> None:
    with job_span("job-2", {}, tracer=spans.tracer):
        pass
    assert spans.finished()["process job"].parent is None


def test_outside_any_span_nothing_is_injected() -> None:
    assert inject_context() == {}


def test_a_failing_step_marks_its_span_as_an_error(spans: Spans) -> None:
    with (
        pytest.raises(RuntimeError),
        job_span("job-3", {}, tracer=spans.tracer),
        step_span("job-3", "render_minimap", tracer=spans.tracer),
    ):
        raise RuntimeError("boom")
    step = spans.finished()["step render_minimap"]
    assert step.status.status_code is StatusCode.ERROR
    assert [e.name for e in step.events] == ["exception"]


def test_open_telemetry_tracer_gives_the_port_the_same_spans(spans: Spans) -> None:
    tracer = OpenTelemetryTracer(spans.provider)
    with tracer.job("job-4", {}), tracer.step("job-4", "layout"):
        pass
    finished = spans.finished()
    assert finished["step layout"].parent is not None
    assert finished["step layout"].parent.span_id == ids(finished["process job"])[1]


# configure_tracing: from the standard OTEL_* variables, without touching the global provider.


@pytest.fixture
def environ(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """The SDK reads os.environ itself: start each test from no OTEL_* variable."""
    for name in list(os.environ):
        if name.startswith("OTEL_"):
            monkeypatch.delenv(name)
    return monkeypatch


def configured(**budget: int | None) -> TracerProvider:
    provider = configure_tracing("scenegen-api", set_global=False, **budget)
    assert provider is not None
    return provider


def test_otel_sdk_disabled_installs_nothing(environ: pytest.MonkeyPatch) -> None:
    environ.setenv("OTEL_SDK_DISABLED", "true")
    assert configure_tracing("scenegen-api", set_global=False) is None


def test_without_an_endpoint_spans_get_ids_but_are_not_exported(
    environ: pytest.MonkeyPatch,
) -> None:
    assert not exports_spans()
    provider = configured()
    with provider.get_tracer("t").start_as_current_span("work") as span:
        assert span.get_span_context().is_valid
        assert span.is_recording()
    provider.shutdown()


def test_an_otlp_endpoint_gets_the_spans_through_the_sdk_exporter(
    environ: pytest.MonkeyPatch,
) -> None:
    with otlp_receiver() as (endpoint, received):
        environ.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint + "/")
        environ.setenv("OTEL_EXPORTER_OTLP_HEADERS", "x-tenant=scenegen")
        provider = configured()
        with provider.get_tracer("t").start_as_current_span("exported work"):
            pass
        assert provider.force_flush(5_000)
        provider.shutdown()
        assert [(span.service, span.name) for span in received] == [
            ("scenegen-api", "exported work")
        ]


@pytest.mark.parametrize(
    ("variables", "exported"),
    [
        ({}, False),
        ({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"}, True),
        ({"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://traces:4318/custom"}, True),
        (
            {
                "OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318",
                "OTEL_TRACES_EXPORTER": "none",
            },
            False,
        ),
    ],
)
def test_spans_are_exported_only_when_an_otlp_endpoint_is_set(
    environ: pytest.MonkeyPatch, variables: dict[str, str], exported: bool
) -> None:
    for name, value in variables.items():
        environ.setenv(name, value)
    assert exports_spans() is exported


def test_service_name_and_resource_attributes_come_from_the_environment(
    environ: pytest.MonkeyPatch,
) -> None:
    environ.setenv("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=staging")
    provider = configured()
    assert provider.resource.attributes["service.name"] == "scenegen-api"
    assert provider.resource.attributes["deployment.environment"] == "staging"
    environ.setenv("OTEL_SERVICE_NAME", "scenegen-worker")
    assert configured().resource.attributes["service.name"] == "scenegen-worker"


def test_the_sampler_comes_from_the_environment(environ: pytest.MonkeyPatch) -> None:
    environ.setenv("OTEL_TRACES_SAMPLER", "always_off")
    provider = configured(status_polls_per_second=1000)
    with provider.get_tracer("t").start_as_current_span("work") as span:
        assert not span.is_recording()


def test_without_a_sampler_in_the_environment_polls_get_the_budget(
    environ: pytest.MonkeyPatch,
) -> None:
    provider = configured(status_polls_per_second=0)
    tracer = provider.get_tracer("t")
    poll = {"http.request.method": "GET", "url.path": "/status/job-1"}
    submit = {"http.request.method": "POST", "url.path": "/generate"}
    assert not tracer.start_span("GET", kind=SpanKind.SERVER, attributes=poll).is_recording()
    assert tracer.start_span("POST", kind=SpanKind.SERVER, attributes=submit).is_recording()
    assert "StatusPollBudget{0/s" in provider.sampler.get_description()


def test_instrument_aws_twice_is_harmless(caplog: pytest.LogCaptureFixture) -> None:
    from opentelemetry.instrumentation.botocore import AiobotocoreInstrumentor

    instrumentor = AiobotocoreInstrumentor()  # type: ignore[no-untyped-call]
    was_instrumented = instrumentor.is_instrumented_by_opentelemetry
    try:
        with caplog.at_level(logging.WARNING):
            instrument_aws()
            instrument_aws()
        assert instrumentor.is_instrumented_by_opentelemetry
        assert "already instrumented" not in caplog.text
    finally:
        if not was_instrumented:
            instrumentor.uninstrument()


def test_open_telemetry_tracer_is_a_tracer_port(spans: Spans) -> None:
    port: Tracer = OpenTelemetryTracer(spans.provider)
    with port.job("job-5", {}), port.step("job-5", "parse_prompt"):
        pass
    assert len(spans.finished()) == 2
