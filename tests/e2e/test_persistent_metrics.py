"""After a job in persistent mode, CloudWatch holds its duration, steps and status counts."""

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.e2e.persistent_stack import PIPELINE_STEP_IDS, PersistentStack, submit, wait_for_job

pytestmark = pytest.mark.e2e

STEPS = sorted({step_id.split(":")[0] for step_id in PIPELINE_STEP_IDS})


def _read(cloudwatch: Any, namespace: str, name: str, dimension: tuple[str, str]) -> list[float]:
    now = datetime.now(UTC)
    response = cloudwatch.get_metric_data(
        MetricDataQueries=[
            {
                "Id": "q",
                "MetricStat": {
                    "Metric": {
                        "Namespace": namespace,
                        "MetricName": name,
                        "Dimensions": [{"Name": dimension[0], "Value": dimension[1]}],
                    },
                    "Period": 3600,
                    "Stat": "SampleCount" if name != "JobsByStatus" else "Sum",
                },
            }
        ],
        StartTime=now - timedelta(hours=1),
        EndTime=now + timedelta(minutes=5),
    )
    (result,) = response["MetricDataResults"]
    return [float(value) for value in result["Values"]]


def test_a_finished_job_is_on_cloudwatch_with_its_duration_steps_and_status_counts(
    fresh_stack: Callable[[], PersistentStack],
) -> None:
    namespace = f"SceneGenE2E/{uuid.uuid4().hex[:10]}"
    stack = fresh_stack()
    api = stack.start_api(METRICS_NAMESPACE=namespace, METRICS_SINK="cloudwatch")
    stack.start_worker(api.url, METRICS_NAMESPACE=namespace, METRICS_SINK="cloudwatch")
    job_id = submit(api.url, {"prompt": "a well near a house", "seed": 2})
    assert wait_for_job(api.url, job_id)["status"] == "done", stack.logs()
    stack.close()  # SIGTERM: the API publishes what it buffered before it exits

    cloudwatch = stack.resources.client("cloudwatch")
    for status in ("queued", "running", "done"):
        assert _read(cloudwatch, namespace, "JobsByStatus", ("Status", status)) == [1.0], status
    assert _read(cloudwatch, namespace, "JobDuration", ("Status", "done")) == [1.0]
    for step in STEPS:
        assert _read(cloudwatch, namespace, "StepDuration", ("Step", step)) == [1.0], step
    assert _read(cloudwatch, namespace, "Errors", ("Kind", "step_failed")) == []
