"""EmfMetrics: CloudWatch Embedded Metric Format lines on stdout, metrics without API calls.

With the awslogs log driver (ECS) each line becomes a log event, and CloudWatch Logs turns it
into a metric in the line's namespace. One line per data point:

    {"_aws": {"Timestamp": 1767323045000, "CloudWatchMetrics": [{"Namespace": "SceneGen",
     "Dimensions": [["Step"]], "Metrics": [{"Name": "StepDuration", "Unit": "Milliseconds"}]}]},
     "Step": "layout", "StepDuration": 12.0}
"""

import math
import sys
import time
from collections.abc import Callable, Mapping
from typing import Any, TextIO

import msgspec

_encoder = msgspec.json.Encoder()


class EmfMetrics:
    """The Metrics port as EMF JSON lines; a write that fails is counted, never raised."""

    def __init__(
        self,
        namespace: str,
        stream: TextIO | None = None,
        *,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self._namespace = namespace
        self._stream = stream
        self._wall_clock = wall_clock
        self.failed_writes = 0
        """Data points that could not be written (invalid, or the stream failed)."""

    def count(self, name: str, dimensions: Mapping[str, str], value: float = 1.0) -> None:
        self._write(name, dimensions, value, "Count")

    def observe(self, name: str, dimensions: Mapping[str, str], value: float, unit: str) -> None:
        self._write(name, dimensions, value, unit)

    def _write(self, name: str, dimensions: Mapping[str, str], value: float, unit: str) -> None:
        try:
            line = emf_line(self._namespace, name, dimensions, value, unit, self._wall_clock())
            if line is None:
                self.failed_writes += 1
                return
            # Looked up at write time so a redirected sys.stdout (tests, a supervisor) is honoured.
            stream = self._stream or sys.stdout
            stream.write(line + "\n")
            stream.flush()
        except Exception:
            self.failed_writes += 1


def emf_line(
    namespace: str,
    name: str,
    dimensions: Mapping[str, str],
    value: float,
    unit: str,
    timestamp: float,
) -> str | None:
    """One EMF document for one data point; None when it cannot be represented."""
    number = float(value)
    if not math.isfinite(number) or name == "_aws" or name in dimensions or "_aws" in dimensions:
        return None
    document: dict[str, Any] = {
        "_aws": {
            "Timestamp": int(timestamp * 1000),
            "CloudWatchMetrics": [
                {
                    "Namespace": namespace,
                    "Dimensions": [sorted(dimensions)],
                    "Metrics": [{"Name": name, "Unit": unit}],
                }
            ],
        },
    }
    for dimension, dimension_value in dimensions.items():
        document[dimension] = str(dimension_value)
    document[name] = number
    return _encoder.encode(document).decode()
