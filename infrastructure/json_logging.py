"""JSON-lines logging with the job, step and trace the line belongs to."""

import logging
import sys
from datetime import UTC, datetime
from typing import Any

import msgspec
from opentelemetry import trace

from infrastructure.observability.untraced_requests import UNTRACED_REQUEST

# A log field, and the span attribute it falls back to inside a worker's job or step span.
_CONTEXT_FIELDS = (("job_id", "job.id"), ("step", "step.name"))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        span = trace.get_current_span()
        attributes = getattr(span, "attributes", None) or {}
        for field, attribute in _CONTEXT_FIELDS:
            value = getattr(record, field, None) or attributes.get(attribute)
            if value is not None:
                line[field] = value
        span_context = span.get_span_context()
        if span_context.is_valid:
            line["trace_id"] = format(span_context.trace_id, "032x")
            line["span_id"] = format(span_context.span_id, "016x")
        elif (untraced := UNTRACED_REQUEST.get()) is not None:
            trace_id, span_id = untraced.ids
            line["trace_id"] = format(trace_id, "032x")
            line["span_id"] = format(span_id, "016x")
        if record.exc_info and record.exc_info[0] is not None:
            line["error"] = record.exc_info[0].__name__
            line["stack"] = self.formatException(record.exc_info)
        return msgspec.json.encode(line).decode()


def configure_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "botocore", "aiobotocore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
