"""The OTLP/HTTP exporter with the fast encoder, against a real OTLP receiver on loopback."""

import pytest
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor, SpanExportResult
from opentelemetry.trace import SpanKind

from infrastructure.observability.otlp_exporter import FastEncodingOTLPSpanExporter
from tests.e2e.otlp_receiver import otlp_receiver


@pytest.mark.parametrize("fast", [True, False], ids=["fast encoder", "SDK encoder fallback"])
def test_spans_reach_the_receiver_with_their_ids_and_attributes(fast: bool) -> None:
    with otlp_receiver() as (endpoint, received):
        exporter = FastEncodingOTLPSpanExporter(
            endpoint=f"{endpoint}/v1/traces", headers={"x-tenant": "scenegen"}
        )
        assert exporter.fast  # this release of the SDK exporter is the one it mirrors
        exporter.fast = fast
        provider = TracerProvider(resource=Resource.create({"service.name": "scenegen-test"}))
        provider.add_span_processor(SimpleSpanProcessor(exporter))
        tracer = provider.get_tracer("test")
        with (
            tracer.start_as_current_span("process job", kind=SpanKind.CONSUMER) as parent,
            tracer.start_as_current_span("step layout", attributes={"step.name": "layout"}),
        ):
            pass
        provider.shutdown()

        by_name = {span.name: span for span in received}
    assert set(by_name) == {"process job", "step layout"}
    step = by_name["step layout"]
    assert step.service == "scenegen-test"
    assert step.trace_id == format(parent.get_span_context().trace_id, "032x")
    assert step.parent_span_id == format(parent.get_span_context().span_id, "016x")
    assert step.attributes == {"step.name": "layout"}
    assert by_name["process job"].kind == 5  # SPAN_KIND_CONSUMER


@pytest.mark.parametrize("fast", [True, False], ids=["fast encoder", "SDK encoder fallback"])
def test_a_batch_over_the_request_size_limit_is_dropped_not_sent(fast: bool) -> None:
    with otlp_receiver() as (endpoint, received):
        exporter = FastEncodingOTLPSpanExporter(
            endpoint=f"{endpoint}/v1/traces", headers={}, max_request_size=64
        )
        exporter.fast = fast
        span = TracerProvider().get_tracer("test").start_span("a span over 64 bytes encoded")
        span.end()
        assert exporter.export([span]) is SpanExportResult.FAILURE  # type: ignore[list-item]
        exporter.shutdown()
    assert received == []
