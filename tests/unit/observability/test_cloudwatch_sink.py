"""CloudWatchMetrics: buffers without I/O, publishes within PutMetricData's limits, never raises."""

import asyncio
import logging
import math
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

import pytest
from botocore.exceptions import ClientError

from application import metric_names as m

if TYPE_CHECKING:
    from types_aiobotocore_cloudwatch import CloudWatchClient
from infrastructure.observability.cloudwatch_metrics import (
    MAX_DATA_PER_REQUEST,
    MAX_VALUES_PER_DATUM,
    MAX_VALUES_PER_REQUEST,
    CloudWatchMetrics,
    running_cloudwatch_metrics,
)
from tests.conditions import until

NAMESPACE = "SceneGenTest"
NOW = 1_767_323_045.0


class RecordingCloudWatch:
    """Keeps every PutMetricData request; fails the next `failures` calls."""

    def __init__(self, failures: int = 0) -> None:
        self.calls: list[dict[str, Any]] = []
        self.failures = failures
        self.attempts = 0

    async def put_metric_data(self, **kwargs: Any) -> dict[str, Any]:
        self.attempts += 1
        if self.failures:
            self.failures -= 1
            raise ClientError(
                {"Error": {"Code": "Throttling", "Message": "arn:aws:iam::123456789012:secret"}},
                "PutMetricData",
            )
        self.calls.append(kwargs)
        return {}

    def data(self) -> list[dict[str, Any]]:
        return [datum for call in self.calls for datum in call["MetricData"]]


def sink(client: RecordingCloudWatch, **options: Any) -> CloudWatchMetrics:
    return CloudWatchMetrics(
        cast("CloudWatchClient", client), NAMESPACE, wall_clock=lambda: NOW, **options
    )


async def test_count_and_observe_only_buffer() -> None:
    client = RecordingCloudWatch()
    metrics = sink(client)
    metrics.count(m.JOBS_BY_STATUS, {m.STATUS: "queued"})
    metrics.observe(m.STEP_DURATION, {m.STEP: "layout"}, 12.0, "Milliseconds")
    await asyncio.sleep(0)
    assert client.attempts == 0


async def test_flush_aggregates_points_per_name_dimensions_and_unit() -> None:
    client = RecordingCloudWatch()
    metrics = sink(client)
    for _ in range(3):
        metrics.count(m.JOBS_BY_STATUS, {m.STATUS: "queued"})
    metrics.count(m.JOBS_BY_STATUS, {m.STATUS: "running"})
    for value in (5.0, 5.0, 7.0):
        metrics.observe(m.STEP_DURATION, {m.STEP: "layout"}, value, "Milliseconds")

    await metrics.flush()

    assert len(client.calls) == 1
    assert client.calls[0]["Namespace"] == NAMESPACE
    by_key = {
        (d["MetricName"], d["Dimensions"][0]["Value"]): d for d in client.calls[0]["MetricData"]
    }
    assert set(by_key) == {
        (m.JOBS_BY_STATUS, "queued"),
        (m.JOBS_BY_STATUS, "running"),
        (m.STEP_DURATION, "layout"),
    }
    queued = by_key[(m.JOBS_BY_STATUS, "queued")]
    assert (queued["Values"], queued["Counts"], queued["Unit"]) == ([1.0], [3.0], "Count")
    assert queued["Dimensions"] == [{"Name": m.STATUS, "Value": "queued"}]
    assert queued["Timestamp"] == datetime.fromtimestamp(NOW, UTC)
    layout = by_key[(m.STEP_DURATION, "layout")]
    assert dict(zip(layout["Values"], layout["Counts"], strict=True)) == {5.0: 2.0, 7.0: 1.0}
    assert layout["Unit"] == "Milliseconds"
    assert metrics.published == 3


async def test_flush_empties_the_buffer_and_sends_nothing_when_empty() -> None:
    client = RecordingCloudWatch()
    metrics = sink(client)
    metrics.count(m.ERRORS, {m.KIND: m.ERROR_UNHANDLED})
    await metrics.flush()
    await metrics.flush()
    assert client.attempts == 1


async def test_a_datum_holds_at_most_150_distinct_values() -> None:
    client = RecordingCloudWatch()
    metrics = sink(client)
    for value in range(1, 401):
        metrics.observe(m.JOB_DURATION, {m.STATUS: "done"}, float(value), "Seconds")
    await metrics.flush()
    sizes = [len(datum["Values"]) for datum in client.data()]
    assert sizes == [MAX_VALUES_PER_DATUM, MAX_VALUES_PER_DATUM, 100]
    assert sum(sum(datum["Counts"]) for datum in client.data()) == 400


async def test_a_request_holds_at_most_1000_data() -> None:
    client = RecordingCloudWatch()
    metrics = sink(client)
    for index in range(2500):
        metrics.count(m.JOBS_BY_STATUS, {m.STATUS: f"s{index}"})
    await metrics.flush()
    assert [len(call["MetricData"]) for call in client.calls] == [MAX_DATA_PER_REQUEST] * 2 + [500]


async def test_a_request_stays_within_the_value_budget() -> None:
    client = RecordingCloudWatch()
    metrics = sink(client)
    for step in range(40):
        for value in range(MAX_VALUES_PER_DATUM):
            metrics.observe(m.STEP_DURATION, {m.STEP: f"step{step}"}, float(value), "Milliseconds")
    await metrics.flush()
    per_call = [sum(len(d["Values"]) for d in call["MetricData"]) for call in client.calls]
    assert len(per_call) == 2
    assert all(values <= MAX_VALUES_PER_REQUEST for values in per_call)
    assert sum(per_call) == 40 * MAX_VALUES_PER_DATUM


async def test_failed_publish_is_logged_counted_and_retried_once_at_next_flush(
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = RecordingCloudWatch(failures=1)
    metrics = sink(client)
    metrics.count(m.ERRORS, {m.KIND: m.ERROR_STEP_FAILED})

    with caplog.at_level(logging.WARNING):
        await metrics.flush()

    assert metrics.failed_publishes == 1
    assert client.calls == []
    assert "Throttling" in caplog.text
    assert "arn:aws" not in caplog.text
    await metrics.flush()
    assert [d["MetricName"] for d in client.data()] == [m.ERRORS]
    assert metrics.dropped == 0


async def test_a_batch_that_fails_twice_is_dropped() -> None:
    client = RecordingCloudWatch(failures=10)
    metrics = sink(client)
    metrics.observe(m.STEP_DURATION, {m.STEP: "layout"}, 1.0, "Milliseconds")
    metrics.observe(m.STEP_DURATION, {m.STEP: "layout"}, 2.0, "Milliseconds")
    await metrics.flush()
    await metrics.flush()
    await metrics.flush()
    assert client.attempts == 2
    assert metrics.failed_publishes == 2
    assert metrics.dropped == 2


async def test_points_cloudwatch_would_reject_are_dropped_not_raised() -> None:
    client = RecordingCloudWatch()
    metrics = sink(client)
    metrics.observe(m.JOB_DURATION, {m.STATUS: "done"}, math.nan, "Seconds")
    metrics.observe(m.JOB_DURATION, {m.STATUS: "done"}, math.inf, "Seconds")
    metrics.observe(m.JOB_DURATION, {m.STATUS: "done"}, 1e300, "Seconds")
    metrics.observe(m.JOB_DURATION, {m.STATUS: ""}, 1.0, "Seconds")
    metrics.observe(m.JOB_DURATION, {m.STATUS: "done"}, 1.0, "Fortnights")
    metrics.observe(m.JOB_DURATION, {m.STATUS: "done"}, "soon", "Seconds")  # type: ignore[arg-type]
    metrics.count("", {})
    assert metrics.dropped == 7
    await metrics.flush()
    assert client.attempts == 0


async def test_distinct_values_beyond_the_buffer_limit_are_dropped() -> None:
    client = RecordingCloudWatch()
    metrics = sink(client, max_buffer=3)
    for value in (1.0, 2.0, 3.0, 4.0, 1.0):
        metrics.observe(m.STEP_DURATION, {m.STEP: "layout"}, value, "Milliseconds")
    metrics.count(m.ERRORS, {m.KIND: m.ERROR_UNHANDLED})
    assert metrics.dropped == 2
    await metrics.flush()
    (datum,) = client.data()
    assert dict(zip(datum["Values"], datum["Counts"], strict=True)) == {
        1.0: 2.0,
        2.0: 1.0,
        3.0: 1.0,
    }


async def test_background_task_flushes_on_its_interval() -> None:
    client = RecordingCloudWatch()
    metrics = sink(client, flush_interval_seconds=0.01)
    await metrics.start()
    try:
        metrics.count(m.JOBS_BY_STATUS, {m.STATUS: "queued"})
        await until(lambda: bool(client.calls), "a flush")
        assert [d["MetricName"] for d in client.data()] == [m.JOBS_BY_STATUS]
    finally:
        await metrics.stop()


async def test_stop_publishes_what_is_left() -> None:
    client = RecordingCloudWatch()
    metrics = sink(client, flush_interval_seconds=3600)
    await metrics.start()
    metrics.count(m.JOBS_BY_STATUS, {m.STATUS: "done"})
    await metrics.stop()
    assert [d["Dimensions"] for d in client.data()] == [[{"Name": m.STATUS, "Value": "done"}]]


async def test_the_container_resource_flushes_at_shutdown() -> None:
    client = RecordingCloudWatch()
    resource = running_cloudwatch_metrics(
        cast("CloudWatchClient", client), NAMESPACE, flush_interval_seconds=3600
    )
    metrics = await anext(resource)
    metrics.count(m.ERRORS, {m.KIND: m.ERROR_DEPENDENCY})
    assert client.attempts == 0
    with pytest.raises(StopAsyncIteration):
        await anext(resource)
    assert [d["MetricName"] for d in client.data()] == [m.ERRORS]
