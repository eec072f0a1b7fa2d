"""The dashboard references only metrics the service emits, and the use cases emit only those."""

import json
from typing import TYPE_CHECKING, Any, cast

import pytest
from botocore.exceptions import ClientError

from application import metric_names as m
from application.use_cases.record_step import RecordStepHandler
from application.use_cases.submit_job import SubmitJob, SubmitJobHandler
from domain.jobs import PIPELINE, StepName, StepPhase
from infrastructure.memory.job_repository import InMemoryJobRepository
from infrastructure.memory.metrics import InMemoryMetrics
from infrastructure.observability.dashboard import (
    EMITTED_METRICS,
    dashboard_body,
    put_dashboard,
    trace_map_url,
)
from infrastructure.time_and_randomness import RandomJobIds

if TYPE_CHECKING:
    from types_aiobotocore_cloudwatch import CloudWatchClient
from tests.fakes import (
    RETENTION,
    FixedClock,
    FixedSeeds,
    RecordingQueue,
    a_job,
    event,
    failed_run,
    successful_run,
)

NAMESPACE = "SceneGenTest"
REGION = "eu-west-1"


def metric_rows(body: dict[str, Any]) -> list[tuple[str, str, dict[str, str], str]]:
    """(namespace, metric, dimensions, stat) for every line of every metric widget."""
    rows = []
    for widget in body["widgets"]:
        if widget["type"] != "metric":
            continue
        properties = widget["properties"]
        for row in properties["metrics"]:
            options = row[-1] if isinstance(row[-1], dict) else {}
            names = [part for part in row if isinstance(part, str)]
            namespace, metric, pairs = names[0], names[1], names[2:]
            assert len(pairs) % 2 == 0, row
            dimensions = dict(zip(pairs[::2], pairs[1::2], strict=True))
            rows.append(
                (namespace, metric, dimensions, options.get("stat", properties.get("stat")))
            )
    return rows


def test_dashboard_references_only_emitted_metrics_with_their_dimensions() -> None:
    rows = metric_rows(dashboard_body(NAMESPACE, REGION))
    assert rows
    for namespace, metric, dimensions, _ in rows:
        assert namespace == NAMESPACE
        assert metric in EMITTED_METRICS, metric
        emitted = EMITTED_METRICS[metric].dimensions
        assert set(dimensions) == set(emitted), (metric, dimensions)
        for name, value in dimensions.items():
            assert value in emitted[name], (metric, name, value)


def test_dashboard_shows_status_counts_job_and_step_durations_and_errors() -> None:
    shown = {
        (metric, tuple(sorted(dimensions.items())), stat)
        for _, metric, dimensions, stat in metric_rows(dashboard_body(NAMESPACE, REGION))
    }
    for status in ("queued", "running", "done", "failed", "canceled"):
        assert (m.JOBS_BY_STATUS, ((m.STATUS, status),), "Sum") in shown
    for status in ("done", "failed", "canceled"):
        for stat in ("Average", "p90"):
            assert (m.JOB_DURATION, ((m.STATUS, status),), stat) in shown
    assert len(PIPELINE) == 5
    for step in PIPELINE:
        for stat in ("Average", "p90"):
            assert (m.STEP_DURATION, ((m.STEP, step.value),), stat) in shown
    for kind in (
        m.ERROR_STEP_FAILED,
        m.ERROR_CALLBACK_REJECTED,
        m.ERROR_DEPENDENCY,
        m.ERROR_UNHANDLED,
        m.ERROR_WEBHOOK_QUEUE,
    ):
        assert (m.ERRORS, ((m.KIND, kind),), "Sum") in shown
    for outcome in (m.WEBHOOK_DELIVERED, m.WEBHOOK_RETRY, m.WEBHOOK_GAVE_UP):
        assert (m.WEBHOOK_ATTEMPTS, ((m.OUTCOME, outcome),), "Sum") in shown


def test_widgets_name_the_region_and_fit_the_grid() -> None:
    body = dashboard_body(NAMESPACE, REGION)
    json.dumps(body)
    for widget in body["widgets"]:
        if widget["type"] == "metric":
            assert widget["properties"]["region"] == REGION
        assert widget["x"] >= 0 and widget["x"] + widget["width"] <= 24
    cells = [
        (x, y)
        for w in body["widgets"]
        for x in range(w["x"], w["x"] + w["width"])
        for y in range(w["y"], w["y"] + w["height"])
    ]
    assert len(cells) == len(set(cells))  # no widget covers another


def test_the_dashboard_links_to_the_trace_map_of_its_region() -> None:
    (text,) = [w for w in dashboard_body(NAMESPACE, REGION)["widgets"] if w["type"] == "text"]
    url = trace_map_url(REGION)
    assert text["properties"]["markdown"] == f"[X-Ray trace map]({url})"
    assert url == (
        f"https://console.aws.amazon.com/cloudwatch/home?region={REGION}#xray:service-map/map"
    )


async def test_use_cases_emit_only_catalogued_metrics_names_units_and_dimensions() -> None:
    clock, metrics = FixedClock(), InMemoryMetrics()
    jobs = InMemoryJobRepository(clock=clock)
    submit = SubmitJobHandler(
        jobs=jobs,
        queue=RecordingQueue(),
        ids=RandomJobIds(),
        seeds=FixedSeeds(),
        clock=clock,
        metrics=metrics,
        retention=RETENTION,
    )
    record = RecordStepHandler(jobs=jobs, clock=clock, metrics=metrics)
    await submit(SubmitJob(prompt="a quiet harbour", width=40, height=20))
    await jobs.add(a_job("ok"))
    await jobs.add(a_job("bad"))
    for item in successful_run():
        await record("ok", item)
        await record("ok", item)  # duplicates emit nothing new, but must not emit junk either
    for item in failed_run(failing=2):
        await record("bad", item)
    await record("ok", event(StepName.LAYOUT, StepPhase.FAILED))  # rejected: the job is done

    seen: dict[str, set[tuple[tuple[str, str], ...]]] = {}
    for point in metrics.points:
        assert point.name in EMITTED_METRICS, point.name
        emitted = EMITTED_METRICS[point.name]
        assert point.unit == emitted.unit, point
        assert {name for name, _ in point.dimensions} == set(emitted.dimensions), point
        for name, value in point.dimensions:
            assert value in emitted.dimensions[name], point
        seen.setdefault(point.name, set()).add(point.dimensions)
    # The run above reaches every status, both terminal durations, every step, and both
    # error kinds a use case emits (dependency and unhandled errors come from the HTTP layer).
    assert len(seen[m.JOBS_BY_STATUS]) == 4
    assert len(seen[m.JOB_DURATION]) == 2
    assert len(seen[m.STEP_DURATION]) == len(PIPELINE)
    assert seen[m.ERRORS] == {
        ((m.KIND, m.ERROR_STEP_FAILED),),
        ((m.KIND, m.ERROR_CALLBACK_REJECTED),),
    }


def as_client(fake: object) -> "CloudWatchClient":
    """A fake standing in for the typed client: it has only the calls the code under test makes."""
    return cast("CloudWatchClient", fake)


class FakeCloudWatch:
    """Dashboards in a dict, with CloudWatch's error for a missing one."""

    def __init__(self) -> None:
        self.dashboards: dict[str, str] = {}
        self.puts = 0

    async def get_dashboard(self, DashboardName: str) -> dict[str, Any]:
        if DashboardName not in self.dashboards:
            raise ClientError(
                {"Error": {"Code": "ResourceNotFound", "Message": "no such dashboard"}},
                "GetDashboard",
            )
        return {"DashboardName": DashboardName, "DashboardBody": self.dashboards[DashboardName]}

    async def put_dashboard(self, DashboardName: str, DashboardBody: str) -> dict[str, Any]:
        self.puts += 1
        self.dashboards[DashboardName] = DashboardBody
        return {"DashboardValidationMessages": []}


async def test_put_dashboard_creates_then_finds_then_updates() -> None:
    client = FakeCloudWatch()
    assert (
        await put_dashboard(as_client(client), "ops", NAMESPACE, REGION) == "created dashboard ops"
    )
    assert json.loads(client.dashboards["ops"]) == dashboard_body(NAMESPACE, REGION)
    assert (
        await put_dashboard(as_client(client), "ops", NAMESPACE, REGION)
        == "found dashboard ops (up to date)"
    )
    assert client.puts == 1
    assert await put_dashboard(as_client(client), "ops", "Other", REGION) == "updated dashboard ops"
    assert json.loads(client.dashboards["ops"]) == dashboard_body("Other", REGION)


async def test_put_dashboard_passes_on_other_errors() -> None:
    class Denied(FakeCloudWatch):
        async def get_dashboard(self, DashboardName: str) -> dict[str, Any]:
            raise ClientError({"Error": {"Code": "AccessDenied"}}, "GetDashboard")

    with pytest.raises(ClientError):
        await put_dashboard(as_client(Denied()), "ops", NAMESPACE, REGION)
