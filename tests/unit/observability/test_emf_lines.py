"""EmfMetrics: one valid Embedded Metric Format JSON line per data point, and never an error."""

import io
import json
import math
from typing import Any

import pytest

from application import metric_names as m
from infrastructure.observability.emf_metrics import EmfMetrics

NAMESPACE = "SceneGenTest"
NOW = 1_767_323_045.25


def lines(stream: io.StringIO) -> list[dict[str, Any]]:
    text = stream.getvalue()
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def assert_valid_emf(document: dict[str, Any]) -> None:
    """What CloudWatch Logs checks before it extracts metrics from a line."""
    directives = document["_aws"]["CloudWatchMetrics"]
    assert isinstance(document["_aws"]["Timestamp"], int)
    for directive in directives:
        assert isinstance(directive["Namespace"], str) and directive["Namespace"]
        for dimension_set in directive["Dimensions"]:
            for dimension in dimension_set:
                assert isinstance(document[dimension], str)
        for metric in directive["Metrics"]:
            assert isinstance(document[metric["Name"]], float)


def test_count_writes_one_emf_line_with_dimension_and_value() -> None:
    stream = io.StringIO()
    EmfMetrics(NAMESPACE, stream, wall_clock=lambda: NOW).count(
        m.JOBS_BY_STATUS, {m.STATUS: "queued"}
    )
    (document,) = lines(stream)
    assert document == {
        "_aws": {
            "Timestamp": 1_767_323_045_250,
            "CloudWatchMetrics": [
                {
                    "Namespace": NAMESPACE,
                    "Dimensions": [[m.STATUS]],
                    "Metrics": [{"Name": m.JOBS_BY_STATUS, "Unit": "Count"}],
                }
            ],
        },
        m.STATUS: "queued",
        m.JOBS_BY_STATUS: 1.0,
    }
    assert_valid_emf(document)


def test_observe_writes_the_value_with_its_unit() -> None:
    stream = io.StringIO()
    EmfMetrics(NAMESPACE, stream).observe(m.STEP_DURATION, {m.STEP: "layout"}, 12, "Milliseconds")
    (document,) = lines(stream)
    assert_valid_emf(document)
    assert document["_aws"]["CloudWatchMetrics"][0]["Metrics"] == [
        {"Name": m.STEP_DURATION, "Unit": "Milliseconds"}
    ]
    assert document[m.STEP] == "layout"
    assert document[m.STEP_DURATION] == 12.0


def test_every_data_point_is_its_own_line() -> None:
    stream = io.StringIO()
    metrics = EmfMetrics(NAMESPACE, stream)
    metrics.count(m.ERRORS, {m.KIND: m.ERROR_STEP_FAILED})
    metrics.count(m.ERRORS, {m.KIND: m.ERROR_STEP_FAILED})
    metrics.observe(m.JOB_DURATION, {m.STATUS: "done"}, 2.5, "Seconds")
    documents = lines(stream)
    assert [d.get(m.ERRORS, d.get(m.JOB_DURATION)) for d in documents] == [1.0, 1.0, 2.5]
    for document in documents:
        assert_valid_emf(document)


def test_several_dimensions_form_one_dimension_set() -> None:
    stream = io.StringIO()
    EmfMetrics(NAMESPACE, stream).count(m.ERRORS, {m.KIND: "unhandled", "Service": "api"})
    (document,) = lines(stream)
    assert document["_aws"]["CloudWatchMetrics"][0]["Dimensions"] == [[m.KIND, "Service"]]
    assert_valid_emf(document)


def test_writes_to_stdout_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    EmfMetrics(NAMESPACE).count(m.JOBS_BY_STATUS, {m.STATUS: "done"})
    out = capsys.readouterr().out
    assert json.loads(out)[m.STATUS] == "done"


class BrokenStream(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError("stdout closed")


def test_a_failing_stream_is_counted_not_raised() -> None:
    metrics = EmfMetrics(NAMESPACE, BrokenStream())
    metrics.count(m.JOBS_BY_STATUS, {m.STATUS: "queued"})
    assert metrics.failed_writes == 1


def test_values_emf_cannot_carry_are_skipped() -> None:
    stream = io.StringIO()
    metrics = EmfMetrics(NAMESPACE, stream)
    metrics.observe(m.JOB_DURATION, {m.STATUS: "done"}, math.nan, "Seconds")
    metrics.observe(m.JOB_DURATION, {m.JOB_DURATION: "clash"}, 1.0, "Seconds")
    assert stream.getvalue() == ""
    assert metrics.failed_writes == 2
