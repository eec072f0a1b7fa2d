"""OpenTelemetry tracing: SDK set-up from OTEL_* variables, and the spans that make a job one trace.

The API's request span is the root. `inject_context()` writes its W3C `traceparent` into the
queued job; the worker's `job_span` continues that trace, each `step_span` nests under it, and
the step callbacks carry `inject_context()` headers back to the API, whose server span (from
`server_spans.trace_requests`) joins the same trace. AWS calls get client spans from
`instrument_aws()`.
"""

import logging
import os
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager

from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.environment_variables import OTEL_TRACES_EXPORTER
from opentelemetry.sdk.environment_variables import (
    OTEL_EXPORTER_OTLP_ENDPOINT,
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
    OTEL_SDK_DISABLED,
    OTEL_TRACES_SAMPLER,
)
from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.trace import Span, SpanKind
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from infrastructure.observability.poll_budget import status_poll_sampler

log = logging.getLogger(__name__)

TRACER_NAME = "scenegen"
JOB_ID = "job.id"
STEP_NAME = "step.name"
UNTRACED_PATHS = ("/healthz", "/readyz")

# W3C trace context only, whatever OTEL_PROPAGATORS says: it is what the queue carries.
_W3C = TraceContextTextMapPropagator()
_tracer = trace.get_tracer(TRACER_NAME)
"""A proxy: it follows the global provider once `configure_tracing` has set one."""


# SDK set-up.


def configure_tracing(
    service_name: str,
    *,
    status_polls_per_second: int | None = None,
    set_global: bool = True,
) -> TracerProvider | None:
    """Install the SDK's TracerProvider; the SDK reads the standard OTEL_* variables itself.

    - OTEL_SDK_DISABLED=true: nothing is installed; the API stays a no-op (no trace ids).
    - Otherwise a provider is always installed, so trace and span ids exist and propagate
      (log lines carry them, a job's API, worker and callback lines share one trace_id) even
      when nothing is exported.
    - The resource is the SDK's (OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES); `service_name`
      names the service when the environment does not.
    - The sampler is OTEL_TRACES_SAMPLER(_ARG) when set (the SDK builds it); otherwise
      parent-based, with at most `status_polls_per_second` new traces a second for status
      polls (None: no budget).
    - Spans go to the SDK's OTLP/HTTP exporter through its BatchSpanProcessor, both reading
      their OTEL_EXPORTER_OTLP_* and OTEL_BSP_* settings, when an OTLP endpoint is set and
      OTEL_TRACES_EXPORTER allows `otlp`.
    """
    if _flag(OTEL_SDK_DISABLED):
        return None
    # None: the SDK builds the sampler OTEL_TRACES_SAMPLER names.
    sampler = None
    if not os.environ.get(OTEL_TRACES_SAMPLER, "").strip():
        sampler = status_poll_sampler(status_polls_per_second)
    provider = TracerProvider(resource=_resource(service_name), sampler=sampler)
    if exports_spans():
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    if set_global:
        trace.set_tracer_provider(provider)
    return provider


def exports_spans() -> bool:
    """Whether the environment asks for spans over OTLP (an endpoint, and `otlp` not turned off)."""
    exporters = {
        name.strip().lower() for name in os.environ.get(OTEL_TRACES_EXPORTER, "otlp").split(",")
    }
    endpoint = os.environ.get(OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, "") or os.environ.get(
        OTEL_EXPORTER_OTLP_ENDPOINT, ""
    )
    return "otlp" in exporters and bool(endpoint.strip())


def _resource(service_name: str) -> Resource:
    detected = Resource.create()
    if str(detected.attributes.get(SERVICE_NAME, "")).startswith("unknown_service"):
        return detected.merge(Resource({SERVICE_NAME: service_name}))
    return detected


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() == "true"


# Instrumentation.


def instrument_aws(tracer_provider: trace.TracerProvider | None = None) -> None:
    """Client spans for every aiobotocore call; calling it again does nothing."""
    from opentelemetry.instrumentation.botocore import AiobotocoreInstrumentor

    instrumentor = AiobotocoreInstrumentor()  # type: ignore[no-untyped-call]
    if not instrumentor.is_instrumented_by_opentelemetry:
        instrumentor.instrument(tracer_provider=tracer_provider)


# Trace context across the queue and the callbacks.


def inject_context(context: Context | None = None) -> dict[str, str]:
    """The current (or given) trace context as W3C headers: `traceparent`, `tracestate`."""
    carrier: dict[str, str] = {}
    _W3C.inject(carrier, context=context)
    return carrier


def extract_context(carrier: Mapping[str, str]) -> Context:
    """The trace context in W3C headers; an empty context (a new trace) when there is none."""
    return _W3C.extract(dict(carrier))


@contextmanager
def job_span(
    job_id: str, carrier: Mapping[str, str], *, tracer: trace.Tracer | None = None
) -> Iterator[Span]:
    """The worker's consumer span for one job, a child of the API span that queued it."""
    with (tracer or _tracer).start_as_current_span(
        "process job",
        context=extract_context(carrier),
        kind=SpanKind.CONSUMER,
        attributes={JOB_ID: job_id},
    ) as span:
        yield span


@contextmanager
def step_span(job_id: str, step_name: str, *, tracer: trace.Tracer | None = None) -> Iterator[Span]:
    """One pipeline step, nested in the current (job) span; its callbacks carry its context."""
    with (tracer or _tracer).start_as_current_span(
        f"step {step_name}", attributes={JOB_ID: job_id, STEP_NAME: step_name}
    ) as span:
        yield span


class OpenTelemetryTracer:
    """The worker's spans behind the `Tracer` port, so the use cases stay free of OpenTelemetry."""

    def __init__(self, tracer_provider: trace.TracerProvider | None = None) -> None:
        self._tracer = (
            trace.get_tracer(TRACER_NAME, tracer_provider=tracer_provider)
            if tracer_provider is not None
            else _tracer
        )

    def job(self, job_id: str, carrier: Mapping[str, str]) -> AbstractContextManager[object]:
        return job_span(job_id, carrier, tracer=self._tracer)

    def step(self, job_id: str, step_name: str) -> AbstractContextManager[object]:
        return step_span(job_id, step_name, tracer=self._tracer)

    def current_context(self) -> dict[str, str]:
        return inject_context()
