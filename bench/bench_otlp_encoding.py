"""Cost per span of encoding OTLP trace requests: the SDK's encoder against otlp_encoding's.

Encodes one batch of 512 finished spans shaped like the service's (server spans of status
polls and callbacks, worker step spans), as the BatchSpanProcessor hands them over, and
prints the median µs per span of each encoder, their ratio, and checks both say the same.

    .venv/bin/python bench/bench_otlp_encoding.py [--runs 15]
"""

import argparse
import statistics
import time
from collections.abc import Callable, Sequence

from opentelemetry.exporter.otlp.proto.common.trace_encoder import encode_spans
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from infrastructure.observability.otlp_encoding import SpanEncoder

BATCH = 512


def service_like_spans() -> Sequence[ReadableSpan]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider(
        resource=Resource.create({"service.name": "scenegen-api", "service.version": "0.1.0"})
    )
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracer = provider.get_tracer("scenegen")
    for n in range(BATCH):
        job_id = f"01m8dexf934ba6pfr13dn1sb0s{n:010d}"
        if n % 3 == 2:
            span = tracer.start_span(
                "step layout", attributes={"job.id": job_id, "step.name": "layout"}
            )
        else:
            method, path, route = (
                ("GET", f"/status/{job_id}", "/status/{job_id:str}")
                if n % 3 == 0
                else ("POST", f"/internal/jobs/{job_id}/step", "/internal/jobs/{job_id:str}/step")
            )
            span = tracer.start_span(
                method,
                kind=SpanKind.SERVER,
                attributes={"http.request.method": method, "url.path": path, "url.scheme": "http"},
            )
            span.set_attribute("http.response.status_code", 200)
            span.set_attribute("http.route", route)
            span.update_name(f"{method} {route}")
        span.end()
    provider.shutdown()
    return exporter.get_finished_spans()


def median_us_per_span(encode: Callable[[], bytes], runs: int) -> float:
    encode()  # warm caches, as a long-running exporter has them
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        encode()
        timings.append((time.perf_counter() - start) / BATCH * 1e6)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    spans = service_like_spans()
    encoder = SpanEncoder()
    ours = encoder.encode(spans)
    if ExportTraceServiceRequest.FromString(ours) != encode_spans(spans):
        raise SystemExit("the two encoders disagree on this batch")
    sdk = median_us_per_span(lambda: encode_spans(spans).SerializePartialToString(), args.runs)
    fast = median_us_per_span(lambda: encoder.encode(spans), args.runs)
    print(f"{BATCH} spans a batch, median of {args.runs} batches; {len(ours):,} B a batch")
    print(f"SDK encoder (protobuf objects)   {sdk:6.1f} µs a span")
    print(f"otlp_encoding (wire format)      {fast:6.1f} µs a span")
    print(f"the direct encoder takes {fast / sdk:.2f} of the SDK encoder's time")


if __name__ == "__main__":
    main()
