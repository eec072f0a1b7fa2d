"""CloudWatchMetrics: buffers data points in memory and publishes them with PutMetricData."""

import asyncio
import contextlib
import logging
import math
import time
from collections.abc import AsyncIterator, Callable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, cast

from botocore.exceptions import ClientError
from opentelemetry.instrumentation.utils import suppress_instrumentation

if TYPE_CHECKING:
    from types_aiobotocore_cloudwatch import CloudWatchClient
    from types_aiobotocore_cloudwatch.literals import StandardUnitType
    from types_aiobotocore_cloudwatch.type_defs import MetricDatumTypeDef

log = logging.getLogger(__name__)

MAX_DATA_PER_REQUEST = 1000
"""PutMetricData takes at most 1000 MetricDatum items per call."""
MAX_VALUES_PER_DATUM = 150
"""A Values array holds at most 150 distinct values."""
MAX_VALUES_PER_REQUEST = 5000
"""Keeps one request well under PutMetricData's 1 MB payload limit."""
MAX_DIMENSIONS = 30
MAX_DIMENSION_VALUE_LENGTH = 1024
# CloudWatch rejects the whole request for a value outside this range (other than 0).
_SMALLEST, _LARGEST = 8.515920e-109, 1.174271e108

UNITS = frozenset(
    {
        "Seconds",
        "Microseconds",
        "Milliseconds",
        "Bytes",
        "Kilobytes",
        "Megabytes",
        "Gigabytes",
        "Terabytes",
        "Bits",
        "Kilobits",
        "Megabits",
        "Gigabits",
        "Terabits",
        "Percent",
        "Count",
        "Bytes/Second",
        "Kilobytes/Second",
        "Megabytes/Second",
        "Gigabytes/Second",
        "Terabytes/Second",
        "Bits/Second",
        "Kilobits/Second",
        "Megabits/Second",
        "Gigabits/Second",
        "Terabits/Second",
        "Count/Second",
        "None",
    }
)

_Key = tuple[str, tuple[tuple[str, str], ...], str]
"""(metric name, sorted dimensions, unit): one aggregate per key and flush."""


class _Aggregate:
    __slots__ = ("counts", "timestamp")

    def __init__(self, timestamp: float) -> None:
        self.timestamp = timestamp
        self.counts: dict[float, float] = {}


class CloudWatchMetrics:
    """The Metrics port on CloudWatch; `count` and `observe` never touch the network.

    Data points are aggregated per (name, dimensions, unit) into a value -> count map, so
    percentiles survive (CloudWatch computes p90 from Values/Counts) and memory stays bounded
    by the number of distinct values, at most `max_buffer`. A background task publishes every
    `flush_interval_seconds`; `stop()` publishes what is left. A request that fails is logged
    and counted in `failed_publishes`, kept for one more attempt at the next flush, then
    dropped. Nothing here raises into the caller.
    """

    def __init__(
        self,
        client: "CloudWatchClient",
        namespace: str,
        flush_interval_seconds: float = 10.0,
        max_buffer: int = 10_000,
        *,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self._client = client
        self._namespace = namespace
        self._interval = flush_interval_seconds
        self._max_buffer = max_buffer
        self._wall_clock = wall_clock
        self._buffer: dict[_Key, _Aggregate] = {}
        self._buffered_values = 0
        self._retry: list[list[MetricDatumTypeDef]] = []
        self._task: asyncio.Task[None] | None = None
        self._flush_lock = asyncio.Lock()
        self.failed_publishes = 0
        """PutMetricData requests that failed."""
        self.dropped = 0
        """Data points thrown away: invalid, over the buffer limit, or failed twice."""
        self.published = 0
        """MetricDatum items CloudWatch accepted."""

    # The Metrics port: synchronous, no I/O, never raises.

    def count(self, name: str, dimensions: Mapping[str, str], value: float = 1.0) -> None:
        self._add(name, dimensions, value, "Count")

    def observe(self, name: str, dimensions: Mapping[str, str], value: float, unit: str) -> None:
        self._add(name, dimensions, value, unit)

    def _add(self, name: str, dimensions: Mapping[str, str], value: float, unit: str) -> None:
        try:
            key = _key(name, dimensions, unit)
            number = float(value)
            if key is None or not _publishable(number):
                self.dropped += 1
                return
            aggregate = self._buffer.get(key)
            if aggregate is None:
                if self._buffered_values >= self._max_buffer:
                    self.dropped += 1
                    return
                aggregate = self._buffer[key] = _Aggregate(self._wall_clock())
            if number not in aggregate.counts:
                if self._buffered_values >= self._max_buffer:
                    self.dropped += 1
                    return
                self._buffered_values += 1
                aggregate.counts[number] = 0.0
            aggregate.counts[number] += 1.0
        except Exception:
            self.dropped += 1

    # Publishing.

    async def start(self) -> None:
        """Start the background flush task (idempotent)."""
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._flush_forever(), name="cloudwatch-metrics")

    async def stop(self) -> None:
        """Stop the background task and publish what is buffered."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await self.flush()

    async def flush(self) -> None:
        """Publish everything buffered (and the batches kept for a retry); never raises."""
        async with self._flush_lock:
            retry, self._retry = self._retry, []
            buffer, self._buffer, self._buffered_values = self._buffer, {}, 0
            for batch in retry:
                if not await self._publish(batch):
                    self.dropped += sum(_values_in(datum) for datum in batch)
            for batch in _batches(_metric_data(buffer)):
                if not await self._publish(batch):
                    self._retry.append(batch)

    async def _flush_forever(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            # Shielded: stop() cancels this task, and a flush cut short would lose its data.
            await asyncio.shield(self.flush())

    async def _publish(self, batch: list["MetricDatumTypeDef"]) -> bool:
        try:
            # The sink's own calls would otherwise be a root trace every flush interval.
            with suppress_instrumentation():
                await self._client.put_metric_data(Namespace=self._namespace, MetricData=batch)
        except Exception as error:
            self.failed_publishes += 1
            log.warning(
                "publishing %d metric data to CloudWatch failed: %s", len(batch), _describe(error)
            )
            return False
        self.published += len(batch)
        return True


async def running_cloudwatch_metrics(
    client: "CloudWatchClient", namespace: str, flush_interval_seconds: float = 10.0
) -> AsyncIterator[CloudWatchMetrics]:
    """A dependency-injector Resource: flushing in the background, a final flush at shutdown."""
    metrics = CloudWatchMetrics(client, namespace, flush_interval_seconds)
    await metrics.start()
    try:
        yield metrics
    finally:
        await metrics.stop()


def _key(name: str, dimensions: Mapping[str, str], unit: str) -> _Key | None:
    if not name or unit not in UNITS or len(dimensions) > MAX_DIMENSIONS:
        return None
    pairs = tuple(sorted((str(k), str(v)) for k, v in dimensions.items()))
    if any(not k or not v or len(v) > MAX_DIMENSION_VALUE_LENGTH for k, v in pairs):
        return None
    return name, pairs, unit


def _publishable(value: float) -> bool:
    return math.isfinite(value) and (value == 0 or _SMALLEST <= abs(value) <= _LARGEST)


def _metric_data(buffer: Mapping[_Key, _Aggregate]) -> list["MetricDatumTypeDef"]:
    """One MetricDatum per 150 distinct values of each key."""
    data: list[MetricDatumTypeDef] = []
    for (name, dimensions, unit), aggregate in buffer.items():
        items = list(aggregate.counts.items())
        for start in range(0, len(items), MAX_VALUES_PER_DATUM):
            chunk = items[start : start + MAX_VALUES_PER_DATUM]
            data.append(
                {
                    "MetricName": name,
                    "Dimensions": [{"Name": k, "Value": v} for k, v in dimensions],
                    "Timestamp": datetime.fromtimestamp(aggregate.timestamp, UTC),
                    "Values": [value for value, _ in chunk],
                    "Counts": [count for _, count in chunk],
                    "Unit": cast("StandardUnitType", unit),  # one of UNITS (see _key)
                }
            )
    return data


def _batches(data: list["MetricDatumTypeDef"]) -> list[list["MetricDatumTypeDef"]]:
    """Split into requests of at most 1000 items and MAX_VALUES_PER_REQUEST values."""
    batches: list[list[MetricDatumTypeDef]] = []
    batch: list[MetricDatumTypeDef] = []
    values = 0
    for datum in data:
        size = _values_in(datum)
        if batch and (len(batch) == MAX_DATA_PER_REQUEST or values + size > MAX_VALUES_PER_REQUEST):
            batches.append(batch)
            batch, values = [], 0
        batch.append(datum)
        values += size
    if batch:
        batches.append(batch)
    return batches


def _values_in(datum: "MetricDatumTypeDef") -> int:
    return len(datum.get("Values", ())) or 1


def _describe(error: Exception) -> str:
    """The error's kind and AWS code only: messages can carry account ids and resource names."""
    if isinstance(error, ClientError):
        code = str(error.response.get("Error", {}).get("Code", ""))
        return f"{type(error).__name__}({code})" if code else type(error).__name__
    return type(error).__name__
