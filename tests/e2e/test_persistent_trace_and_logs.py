"""One job is one trace across the API and worker processes; no log line carries the token."""

from collections.abc import Callable
from functools import partial

import pytest

from tests.e2e.otlp_receiver import ReceivedSpan, otlp_receiver
from tests.e2e.persistent_stack import PersistentStack, submit, wait_for_job

pytestmark = pytest.mark.e2e

PIPELINE = ("parse_prompt", "layout", "build_scene_graph", "render_minimap", "store_artifacts")
SERVER, CLIENT, CONSUMER = 2, 3, 5  # OTLP SpanKind values


def _is_step(name: str, span: ReceivedSpan) -> bool:
    return span.attributes.get("step.name") == name


def _one(spans: list[ReceivedSpan], predicate: Callable[[ReceivedSpan], bool]) -> ReceivedSpan:
    found = [span for span in spans if predicate(span)]
    assert len(found) == 1, [span.name for span in found]
    return found[0]


def test_a_job_is_one_trace_from_submit_through_queue_worker_steps_and_callbacks(
    fresh_stack: Callable[[], PersistentStack],
) -> None:
    with otlp_receiver() as (endpoint, spans):
        tracing = {"OTEL_EXPORTER_OTLP_ENDPOINT": endpoint, "OTEL_BSP_SCHEDULE_DELAY": "100"}
        stack = fresh_stack()
        api = stack.start_api(**tracing)
        stack.start_worker(api.url, **tracing)
        job_id = submit(api.url, {"prompt": "a well near a house", "seed": 5})
        job = wait_for_job(api.url, job_id)
        assert job["status"] == "done", stack.logs()
        stack.close()  # SIGTERM: each process flushes its spans on the way out

    submit_span = _one(spans, lambda s: s.name == "POST /generate" and s.kind == SERVER)
    trace = [span for span in spans if span.trace_id == submit_span.trace_id]
    by_id = {span.span_id: span for span in trace}

    assert {span.service for span in trace} == {"scenegen-api", "scenegen-worker"}
    send = _one(trace, lambda s: s.kind == CLIENT and "SendMessage" in s.name)
    assert send.parent_span_id == submit_span.span_id
    job_span = _one(trace, lambda s: s.kind == CONSUMER)
    assert job_span.service == "scenegen-worker"
    assert job_span.attributes["job.id"] == job_id
    assert by_id[job_span.parent_span_id].service == "scenegen-api"

    for name in PIPELINE:
        step = _one(trace, partial(_is_step, name))
        assert step.parent_span_id == job_span.span_id
        assert step.attributes["job.id"] == job_id
        callbacks = [
            span
            for span in trace
            if span.kind == SERVER
            and span.name == "POST /internal/jobs/{job_id}/step"
            and span.parent_span_id == step.span_id
        ]
        assert len(callbacks) == 2, f"{name}: started and succeeded callbacks"
    assert not [span for span in spans if "healthz" in span.name or "readyz" in span.name]


def test_no_log_line_of_api_or_worker_carries_the_internal_token(
    fresh_stack: Callable[[], PersistentStack],
) -> None:
    stack = fresh_stack()
    api = stack.start_api()
    stack.start_worker(api.url)
    job_id = submit(api.url, {"prompt": "a dungeon with two rooms", "seed": 9})
    assert wait_for_job(api.url, job_id)["status"] == "done", stack.logs()
    token = stack.resources.internal_token()
    stack.close()

    logs = {service.name: service.log_path.read_text() for service in stack.services}
    assert all(logs.values()), "each process wrote log lines"
    for name, text in logs.items():
        assert token not in text, f"{name} logged the token"
