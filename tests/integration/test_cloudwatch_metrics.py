"""CloudWatchMetrics and the dashboard against the emulator: what is published reads back."""

import json
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiobotocore.config import AioConfig
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from application import metric_names as m
from infrastructure.aws import clients
from infrastructure.observability.cloudwatch_metrics import CloudWatchMetrics
from infrastructure.observability.dashboard import dashboard_body, put_dashboard
from infrastructure.observability.tracing import instrument_aws

pytestmark = pytest.mark.integration

REGION = "us-east-1"


@pytest.fixture
async def cloudwatch(aws_endpoint: str) -> AsyncIterator[Any]:
    async with clients.cloudwatch_client(clients.new_session(), REGION, aws_endpoint) as client:
        yield client


@pytest.fixture
def namespace() -> str:
    return f"SceneGenTest/{uuid.uuid4().hex[:12]}"


async def read(
    client: Any, namespace: str, name: str, dimensions: dict[str, str], stat: str
) -> list[float]:
    now = datetime.now(UTC)
    response = await client.get_metric_data(
        MetricDataQueries=[
            {
                "Id": "q",
                "MetricStat": {
                    "Metric": {
                        "Namespace": namespace,
                        "MetricName": name,
                        "Dimensions": [{"Name": k, "Value": v} for k, v in dimensions.items()],
                    },
                    "Period": 3600,
                    "Stat": stat,
                },
            }
        ],
        StartTime=now - timedelta(hours=1),
        EndTime=now + timedelta(minutes=5),
    )
    (result,) = response["MetricDataResults"]
    return [float(value) for value in result["Values"]]


async def test_published_metrics_read_back_with_get_metric_data(
    cloudwatch: Any, namespace: str
) -> None:
    metrics = CloudWatchMetrics(cloudwatch, namespace)
    for _ in range(3):
        metrics.count(m.JOBS_BY_STATUS, {m.STATUS: "queued"})
    metrics.count(m.JOBS_BY_STATUS, {m.STATUS: "done"})
    for seconds in (2.0, 4.0, 4.0):
        metrics.observe(m.JOB_DURATION, {m.STATUS: "done"}, seconds, "Seconds")
    for millis in range(1, 11):
        metrics.observe(m.STEP_DURATION, {m.STEP: "layout"}, float(millis), "Milliseconds")

    await metrics.flush()

    assert metrics.failed_publishes == 0
    assert await read(cloudwatch, namespace, m.JOBS_BY_STATUS, {m.STATUS: "queued"}, "Sum") == [3.0]
    assert await read(cloudwatch, namespace, m.JOBS_BY_STATUS, {m.STATUS: "done"}, "Sum") == [1.0]
    duration = {m.STATUS: "done"}
    assert await read(cloudwatch, namespace, m.JOB_DURATION, duration, "SampleCount") == [3.0]
    assert await read(cloudwatch, namespace, m.JOB_DURATION, duration, "Average") == [
        pytest.approx(10.0 / 3)
    ]
    step = {m.STEP: "layout"}
    assert await read(cloudwatch, namespace, m.STEP_DURATION, step, "Sum") == [55.0]
    assert await read(cloudwatch, namespace, m.STEP_DURATION, step, "Maximum") == [10.0]
    (p90,) = await read(cloudwatch, namespace, m.STEP_DURATION, step, "p90")
    assert 8.0 <= p90 <= 10.0


async def test_an_unreachable_endpoint_is_counted_and_logged_not_raised(
    aws_endpoint: str, caplog: pytest.LogCaptureFixture
) -> None:
    no_retries = AioConfig(retries={"max_attempts": 1}, connect_timeout=1)
    async with clients.new_session().create_client(
        "cloudwatch", region_name=REGION, endpoint_url="http://127.0.0.1:9", config=no_retries
    ) as unreachable:
        metrics = CloudWatchMetrics(unreachable, "SceneGenTest")
        metrics.count(m.ERRORS, {m.KIND: m.ERROR_UNHANDLED})
        await metrics.flush()
    assert metrics.failed_publishes == 1
    assert "EndpointConnectionError" in caplog.text


async def test_dashboard_is_created_then_found_and_reads_back_equal(
    cloudwatch: Any, namespace: str
) -> None:
    name = f"scenegen-test-{uuid.uuid4().hex[:12]}"
    try:
        assert (
            await put_dashboard(cloudwatch, name, namespace, REGION) == f"created dashboard {name}"
        )
        stored = await cloudwatch.get_dashboard(DashboardName=name)
        assert json.loads(stored["DashboardBody"]) == dashboard_body(namespace, REGION)
        again = await put_dashboard(cloudwatch, name, namespace, REGION)
        assert again == f"found dashboard {name} (up to date)"
        changed = await put_dashboard(cloudwatch, name, f"{namespace}-v2", REGION)
        assert changed == f"updated dashboard {name}"
        stored = await cloudwatch.get_dashboard(DashboardName=name)
        assert json.loads(stored["DashboardBody"]) == dashboard_body(f"{namespace}-v2", REGION)
    finally:
        await cloudwatch.delete_dashboards(DashboardNames=[name])


@pytest.fixture
def aws_spans() -> Iterator[InMemorySpanExporter]:
    """AWS client spans into memory; the instrumentor is process-wide, so undone afterwards."""
    from opentelemetry.instrumentation.botocore import AiobotocoreInstrumentor

    instrumentor = AiobotocoreInstrumentor()  # type: ignore[no-untyped-call]
    if instrumentor.is_instrumented_by_opentelemetry:
        instrumentor.uninstrument()
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    instrument_aws(provider)
    try:
        yield exporter
    finally:
        instrumentor.uninstrument()
        provider.shutdown()


async def test_aws_calls_get_client_spans_but_metric_publishing_does_not(
    aws_spans: InMemorySpanExporter, aws_endpoint: str, namespace: str
) -> None:
    async with clients.cloudwatch_client(clients.new_session(), REGION, aws_endpoint) as client:
        await client.list_dashboards()
        metrics = CloudWatchMetrics(client, namespace)
        metrics.count(m.JOBS_BY_STATUS, {m.STATUS: "queued"})
        await metrics.flush()
    assert metrics.published == 1
    names = [span.name for span in aws_spans.get_finished_spans()]
    assert names == ["CloudWatch.ListDashboards"]
