"""OpenTelemetry tracing: SDK set-up from OTEL_* variables, and the spans that make a job one trace.

The API's request span is the root. `inject_context()` writes its W3C `traceparent` into the
queued job; the worker's `job_span` continues that trace, each `step_span` nests under it, and
the step callbacks carry `inject_context()` headers back to the API, whose server span (from
`server_spans.trace_requests`) joins the same trace. AWS calls get client spans from
`instrument_aws()`.
"""

import logging
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.trace import TracerProvider, sampling
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.trace import Span, SpanKind
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator
from opentelemetry.util.re import parse_env_headers

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
    service_name: str, environ: Mapping[str, str], *, set_global: bool = True
) -> TracerProvider | None:
    """Install an SDK TracerProvider configured from the standard OTEL_* variables.

    - OTEL_SDK_DISABLED=true: nothing is installed; the API stays a no-op (no trace ids).
    - Otherwise a provider is always installed, so trace and span ids exist and propagate
      (log lines carry them, a job's API, worker and callback lines share one trace_id) even
      when nothing is exported.
    - Spans are exported with OTLP over HTTP, batched, only when OTEL_EXPORTER_OTLP_ENDPOINT or
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is set and OTEL_TRACES_EXPORTER is not `none`.
    - OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES, OTEL_TRACES_SAMPLER(_ARG) and
      OTEL_EXPORTER_OTLP(_TRACES)_HEADERS are honoured; the exporter reads the other
      OTEL_EXPORTER_OTLP_* settings (timeout, compression, certificates) itself.
    """
    if _flag(environ, "OTEL_SDK_DISABLED"):
        return None
    attributes: dict[str, Any] = dict(_resource_attributes(environ))
    attributes[SERVICE_NAME] = environ.get("OTEL_SERVICE_NAME", "").strip() or service_name
    provider = TracerProvider(resource=Resource.create(attributes), sampler=_sampler(environ))
    endpoint = traces_endpoint(environ)
    if endpoint is not None:
        from infrastructure.observability.otlp_exporter import FastEncodingOTLPSpanExporter

        exporter = FastEncodingOTLPSpanExporter(endpoint=endpoint, headers=_headers(environ))
        provider.add_span_processor(BatchSpanProcessor(exporter))
    if set_global:
        trace.set_tracer_provider(provider)
    return provider


def traces_endpoint(environ: Mapping[str, str]) -> str | None:
    """Where OTLP/HTTP spans go, per the specification; None when they are not exported."""
    exporters = {
        name.strip().lower() for name in environ.get("OTEL_TRACES_EXPORTER", "otlp").split(",")
    }
    if "otlp" not in exporters:
        return None
    protocol = environ.get("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL") or environ.get(
        "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"
    )
    if protocol.strip() not in ("", "http/protobuf"):
        log.warning("only the http/protobuf OTLP protocol is installed; using it")
    specific = environ.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "").strip()
    if specific:
        return specific
    base = environ.get("OTEL_EXPORTER_OTLP_ENDPOINT", "").strip()
    return f"{base.rstrip('/')}/v1/traces" if base else None


def _flag(environ: Mapping[str, str], name: str) -> bool:
    return environ.get(name, "").strip().lower() == "true"


def _resource_attributes(environ: Mapping[str, str]) -> Mapping[str, str]:
    raw = environ.get("OTEL_RESOURCE_ATTRIBUTES", "")
    return parse_env_headers(raw, liberal=True) if raw.strip() else {}


def _headers(environ: Mapping[str, str]) -> dict[str, str]:
    raw = environ.get("OTEL_EXPORTER_OTLP_TRACES_HEADERS") or environ.get(
        "OTEL_EXPORTER_OTLP_HEADERS", ""
    )
    return dict(parse_env_headers(raw, liberal=True)) if raw.strip() else {}


def _sampler(environ: Mapping[str, str]) -> sampling.Sampler:
    name = environ.get("OTEL_TRACES_SAMPLER", "").strip().lower() or "parentbased_always_on"
    try:
        ratio = float(environ.get("OTEL_TRACES_SAMPLER_ARG", "1.0"))
    except ValueError:
        ratio = 1.0
    ratio = min(max(ratio, 0.0), 1.0)
    samplers: dict[str, sampling.Sampler] = {
        "always_on": sampling.ALWAYS_ON,
        "always_off": sampling.ALWAYS_OFF,
        "traceidratio": sampling.TraceIdRatioBased(ratio),
        "parentbased_always_on": sampling.ParentBased(sampling.ALWAYS_ON),
        "parentbased_always_off": sampling.ParentBased(sampling.ALWAYS_OFF),
        "parentbased_traceidratio": sampling.ParentBasedTraceIdRatio(ratio),
    }
    if name not in samplers:
        log.warning("unknown OTEL_TRACES_SAMPLER %r; sampling every trace", name)
    return samplers.get(name, samplers["parentbased_always_on"])


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
