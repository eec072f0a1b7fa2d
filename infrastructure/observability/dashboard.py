"""The CloudWatch dashboard, built in code from the catalogue of metrics the service emits."""

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import msgspec
from botocore.exceptions import ClientError

from application import metric_names as m
from domain.jobs import PIPELINE, JobStatus
from infrastructure.aws.errors import error_code

if TYPE_CHECKING:
    from types_aiobotocore_cloudwatch import CloudWatchClient

DASHBOARD_NAME = "scenegen"
PERIOD_SECONDS = 60
_NO_DASHBOARD = {"ResourceNotFound", "ResourceNotFoundException", "DashboardNotFoundError"}


class EmittedMetric(msgspec.Struct, frozen=True, kw_only=True):
    """A metric the use cases emit: its unit and, per dimension, every value it can take."""

    name: str
    unit: str
    dimensions: dict[str, tuple[str, ...]]


def _catalogue(*metrics: EmittedMetric) -> dict[str, EmittedMetric]:
    return {metric.name: metric for metric in metrics}


EMITTED_METRICS: Mapping[str, EmittedMetric] = _catalogue(
    EmittedMetric(
        name=m.JOBS_BY_STATUS,
        unit="Count",
        dimensions={m.STATUS: tuple(status.value for status in JobStatus)},
    ),
    EmittedMetric(
        name=m.JOB_DURATION,
        unit="Seconds",
        dimensions={m.STATUS: tuple(s.value for s in JobStatus if s.is_terminal)},
    ),
    EmittedMetric(
        name=m.STEP_DURATION,
        unit="Milliseconds",
        dimensions={m.STEP: tuple(step.value for step in PIPELINE)},
    ),
    EmittedMetric(
        name=m.ERRORS,
        unit="Count",
        dimensions={
            m.KIND: (
                m.ERROR_STEP_FAILED,
                m.ERROR_CALLBACK_REJECTED,
                m.ERROR_DEPENDENCY,
                m.ERROR_UNHANDLED,
                m.ERROR_WEBHOOK_QUEUE,
            )
        },
    ),
    EmittedMetric(
        name=m.WEBHOOK_ATTEMPTS,
        unit="Count",
        dimensions={m.OUTCOME: (m.WEBHOOK_DELIVERED, m.WEBHOOK_RETRY, m.WEBHOOK_GAVE_UP)},
    ),
)
"""Every metric the service emits, keyed by name (what the dashboard may reference)."""


def dashboard_body(namespace: str, region: str) -> dict[str, Any]:
    """The dashboard as CloudWatch's DashboardBody document."""
    jobs = EMITTED_METRICS[m.JOBS_BY_STATUS]
    durations = EMITTED_METRICS[m.JOB_DURATION]
    steps = EMITTED_METRICS[m.STEP_DURATION]
    errors = EMITTED_METRICS[m.ERRORS]
    webhooks = EMITTED_METRICS[m.WEBHOOK_ATTEMPTS]
    widgets = [
        _widget(
            "Jobs by status (transitions per minute)",
            region,
            _rows(namespace, jobs, ("Sum",)),
            stacked=True,
        ),
        _widget(
            "Job duration, average and p90 (seconds)",
            region,
            _rows(namespace, durations, ("Average", "p90")),
        ),
        _widget(
            "Step duration, average (milliseconds)", region, _rows(namespace, steps, ("Average",))
        ),
        _widget("Step duration, p90 (milliseconds)", region, _rows(namespace, steps, ("p90",))),
        _widget("Errors by kind", region, _rows(namespace, errors, ("Sum",)), stacked=True),
        _widget(
            "Webhook attempts by outcome",
            region,
            _rows(namespace, webhooks, ("Sum",)),
            stacked=True,
        ),
    ]
    for index, widget in enumerate(widgets):
        widget.update(x=(index % 2) * 12, y=(index // 2) * 6, width=12, height=6)
    traces = _traces_widget(region)
    traces.update(x=0, y=(len(widgets) + 1) // 2 * 6, width=24, height=1)
    return {"start": "-PT3H", "periodOverride": "inherit", "widgets": [*widgets, traces]}


def trace_map_url(region: str) -> str:
    """The X-Ray trace map in the CloudWatch console, where the collectors' traces land."""
    return f"https://console.aws.amazon.com/cloudwatch/home?region={region}#xray:service-map/map"


def _traces_widget(region: str) -> dict[str, Any]:
    # Short: the whole body must fit CloudFormation's 4096-byte parameter (scenegen deploy).
    return {
        "type": "text",
        "properties": {"markdown": f"[X-Ray trace map]({trace_map_url(region)})"},
    }


def _rows(namespace: str, metric: EmittedMetric, stats: tuple[str, ...]) -> list[list[Any]]:
    """One graph line per (dimension value, statistic): [ns, name, dim, value, {options}]."""
    ((dimension, values),) = metric.dimensions.items()
    return [
        [namespace, metric.name, dimension, value, {"stat": stat, "label": f"{value} {stat}"}]
        for value in values
        for stat in stats
    ]


def _widget(
    title: str, region: str, rows: list[list[Any]], *, stacked: bool = False
) -> dict[str, Any]:
    return {
        "type": "metric",
        "properties": {
            "title": title,
            "region": region,
            "view": "timeSeries",
            "stacked": stacked,
            "period": PERIOD_SECONDS,
            "metrics": rows,
        },
    }


async def put_dashboard(
    cloudwatch_client: "CloudWatchClient", name: str, namespace: str, region: str
) -> str:
    """Create the dashboard, or update it when it differs; returns one line saying which."""
    body = dashboard_body(namespace, region)
    try:
        current = await cloudwatch_client.get_dashboard(DashboardName=name)
    except ClientError as error:
        if error_code(error) not in _NO_DASHBOARD:
            raise
        verb = "created"
    else:
        if _parsed(current.get("DashboardBody")) == body:
            return f"found dashboard {name} (up to date)"
        verb = "updated"
    response = await cloudwatch_client.put_dashboard(
        DashboardName=name, DashboardBody=json.dumps(body)
    )
    warnings = [
        str(message.get("Message", ""))
        for message in response.get("DashboardValidationMessages") or ()
    ]
    suffix = f" (warnings: {'; '.join(warnings)})" if warnings else ""
    return f"{verb} dashboard {name}{suffix}"


def _parsed(body: object) -> object:
    if not isinstance(body, str):
        return None
    try:
        return json.loads(body)
    except ValueError:
        return None
