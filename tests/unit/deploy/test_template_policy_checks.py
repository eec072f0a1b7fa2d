"""checkov finds no failed check in the templates, and every skipped check says why."""

import json
import subprocess
from typing import Any

import pytest

from tests.unit.deploy.cloudformation_yaml import ALL_TEMPLATES, load
from tests.unit.deploy.deploy_tools import ROOT, deploy_tool


@pytest.fixture(scope="module")
def checkov_report() -> dict[str, Any]:
    checkov = deploy_tool("checkov")
    result = subprocess.run(
        [
            str(checkov),
            "--framework",
            "cloudformation",
            "--skip-download",
            "--output",
            "json",
            *(arg for t in ALL_TEMPLATES for arg in ("--file", str(t.relative_to(ROOT)))),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.stdout, result.stderr
    report: dict[str, Any] = json.loads(result.stdout)
    report["returncode"] = result.returncode
    return report


def test_checkov_finds_no_failed_check_and_no_parsing_error(checkov_report: dict[str, Any]) -> None:
    results = checkov_report["results"]
    failed = [(c["check_id"], c["resource"]) for c in results["failed_checks"]]
    assert failed == []
    assert results["parsing_errors"] == []
    assert checkov_report["returncode"] == 0
    assert len(results["passed_checks"]) > 50  # the checks did run on both templates


def test_every_skipped_check_carries_its_reason(checkov_report: dict[str, Any]) -> None:
    skipped = checkov_report["results"]["skipped_checks"]
    assert skipped
    for check in skipped:
        reason = check["check_result"].get("suppress_comment", "")
        assert len(reason) > 20, (check["check_id"], check["resource"])


def test_every_skip_in_the_templates_is_written_with_a_comment() -> None:
    for path in ALL_TEMPLATES:
        for name, resource in load(path)["Resources"].items():
            for skip in resource.get("Metadata", {}).get("checkov", {}).get("skip", []):
                assert skip["id"].startswith(("CKV_", "CKV2_")), name
                assert len(skip.get("comment", "")) > 20, (name, skip)
