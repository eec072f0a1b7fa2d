"""The worker's log lines about a job carry the job's trace and span ids."""

import json
import logging
from collections.abc import Iterator

import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from application.ports import QueuedJob
from application.use_cases.record_step import RecordStepHandler
from application.use_cases.run_job import RunJobHandler
from application.worker import JobWorker
from domain.jobs import new_job
from infrastructure.json_logging import JsonFormatter
from infrastructure.memory.job_repository import InMemoryJobRepository
from infrastructure.memory.metrics import InMemoryMetrics
from infrastructure.memory.queue import InProcessDelivery
from infrastructure.memory.step_reporter import InProcessStepReporter
from infrastructure.observability.tracing import OpenTelemetryTracer, inject_context
from tests.fakes import RETENTION, T0, CountingArtifactStore, FixedClock, RecordingQueue, a_request


class JsonLines(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(JsonFormatter())
        self.lines: list[dict[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(json.loads(self.format(record)))


@pytest.fixture
def log_lines() -> Iterator[JsonLines]:
    handler = JsonLines()
    logger = logging.getLogger("application.worker")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)


async def test_job_received_and_run_over_lines_carry_the_job_trace(log_lines: JsonLines) -> None:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    with provider.get_tracer("api").start_as_current_span("POST /generate", kind=SpanKind.SERVER):
        carrier = inject_context()
    clock = FixedClock(T0)
    jobs = InMemoryJobRepository(clock=clock)
    await jobs.add(new_job(job_id="j1", request=a_request(), now=T0, retention=RETENTION))
    record = RecordStepHandler(jobs=jobs, clock=clock, metrics=InMemoryMetrics())
    tracer = OpenTelemetryTracer(provider)
    run_job = RunJobHandler(
        reporter=InProcessStepReporter(record),
        artifacts=CountingArtifactStore(),
        clock=clock,
        tracer=tracer,
    )
    queue = RecordingQueue()
    worker = JobWorker(queue=queue, run_job=run_job, tracer=tracer)

    await worker.process(
        InProcessDelivery(QueuedJob(job_id="j1", request=a_request(), trace_context=carrier))
    )

    spans = {span.name: span for span in exporter.get_finished_spans()}
    job_span = spans["process job"].context
    assert job_span is not None
    by_message = {line["message"].split(":")[0]: line for line in log_lines.lines}
    for message in ("job received", "job run over"):
        line = by_message[message]
        assert line["job_id"] == "j1"
        assert line["trace_id"] == format(job_span.trace_id, "032x")
        assert line["span_id"] == format(job_span.span_id, "016x")
    assert carrier["traceparent"].split("-")[1] == format(job_span.trace_id, "032x")
    provider.shutdown()
