"""The GitHub workflows: actionlint and checkov pass; deploy.yml does what docs/deploy.md says."""

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.unit.deploy.deploy_tools import ROOT, deploy_tool

WORKFLOWS = ROOT / ".github" / "workflows"
DEPLOY = WORKFLOWS / "deploy.yml"
CI = WORKFLOWS / "ci.yml"
# The current major versions (November 2026) of the actions the workflows use.
CURRENT_MAJORS = {
    "actions/checkout": "v7",
    "actions/setup-python": "v7",
    "aws-actions/configure-aws-credentials": "v6",
    "docker/setup-buildx-action": "v4",
    "docker/build-push-action": "v7",
}


def workflow(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.read_text())
    return loaded


def triggers(loaded: dict[Any, Any]) -> dict[str, Any]:
    found: dict[str, Any] = loaded["on"] if "on" in loaded else loaded[True]  # YAML 1.1: on=True
    return found


def steps(path: Path, job: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = workflow(path)["jobs"][job]["steps"]
    return found


def step(path: Path, job: str, step_id: str) -> tuple[int, dict[str, Any]]:
    for index, found in enumerate(steps(path, job)):
        if found.get("id") == step_id:
            return index, found
    raise AssertionError(f"no step {step_id} in {path.name}")


def test_actionlint_with_shellcheck_passes_on_every_workflow() -> None:
    actionlint = deploy_tool("actionlint")
    shellcheck = deploy_tool("shellcheck")
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert len(files) == 2
    result = subprocess.run(
        [str(actionlint), f"-shellcheck={shellcheck}", *files],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_checkov_finds_no_failed_check_in_the_workflows() -> None:
    checkov = deploy_tool("checkov")
    result = subprocess.run(
        [
            str(checkov),
            "--framework",
            "github_actions",
            "--skip-download",
            "--compact",
            "--directory",
            ".github/workflows",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"Passed checks: [1-9]\d*, Failed checks: 0,", result.stdout), result.stdout


def test_every_action_is_pinned_to_its_current_major_version() -> None:
    used = set()
    for path in WORKFLOWS.glob("*.yml"):
        for job in workflow(path)["jobs"].values():
            for found in job["steps"]:
                if "uses" in found:
                    name, version = found["uses"].split("@")
                    assert CURRENT_MAJORS.get(name) == version, found["uses"]
                    used.add(name)
    assert used == set(CURRENT_MAJORS)


def test_the_deploy_assumes_a_role_through_oidc_with_no_stored_keys() -> None:
    loaded = workflow(DEPLOY)
    assert loaded["permissions"] == {"contents": "read"}
    assert loaded["jobs"]["deploy"]["permissions"] == {
        "contents": "read",
        "actions": "read",  # to see the commit's CI runs
        "id-token": "write",
    }
    _, credentials = next(
        (i, s)
        for i, s in enumerate(steps(DEPLOY, "deploy"))
        if s.get("uses", "").startswith("aws-actions/configure-aws-credentials@")
    )
    assert set(credentials["with"]) == {"role-to-assume", "aws-region"}
    text = DEPLOY.read_text()
    assert "secrets." not in text
    assert "aws-access-key-id" not in text and "AWS_SECRET_ACCESS_KEY" not in text


def test_two_deploys_never_overlap() -> None:
    concurrency = workflow(DEPLOY)["concurrency"]
    assert concurrency["group"].startswith("deploy-")
    assert concurrency["cancel-in-progress"] is False


def test_deploy_runs_only_after_ci_passed_on_the_commit() -> None:
    loaded = workflow(DEPLOY)
    on = triggers(loaded)
    assert set(on) == {"workflow_run", "workflow_dispatch"}  # never straight on a push
    assert on["workflow_run"] == {
        "workflows": [workflow(CI)["name"]],
        "types": ["completed"],
        "branches": ["main"],
    }
    condition = " ".join(loaded["jobs"]["deploy"]["if"].split())
    assert "github.event.workflow_run.conclusion == 'success'" in condition
    assert "github.event.workflow_run.event == 'push'" in condition  # not a pull request's code
    assert loaded["env"]["DEPLOY_SHA"] == (
        "${{ github.event.workflow_run.head_sha || github.sha }}"
    )
    checkout = steps(DEPLOY, "deploy")[0]
    assert checkout["with"]["ref"] == "${{ env.DEPLOY_SHA }}"
    # A run by hand deploys only a commit whose CI run succeeded.
    (gate,) = [s for s in steps(DEPLOY, "deploy") if "gh run list" in s.get("run", "")]
    assert '--commit "$DEPLOY_SHA" --status success' in gate["run"]
    assert "exit 1" in gate["run"] and "if" not in gate
    assert loaded["jobs"]["deploy"]["permissions"]["actions"] == "read"


def test_the_image_is_tagged_with_the_commit_and_pushed_only_once() -> None:
    _, login = step(DEPLOY, "deploy", "ecr")
    assert ":${DEPLOY_SHA}" in login["run"]
    pushed_index, pushed = step(DEPLOY, "deploy", "pushed")
    assert 'aws ecr describe-images --repository-name "$ECR_REPOSITORY"' in pushed["run"]
    assert '"imageTag=${DEPLOY_SHA}"' in pushed["run"]
    (build,) = [
        s for s in steps(DEPLOY, "deploy") if s.get("uses", "").startswith("docker/build-push")
    ]
    assert build["if"] == "steps.pushed.outputs.exists != 'true'"
    assert steps(DEPLOY, "deploy").index(build) > pushed_index
    _, deploy = step(DEPLOY, "deploy", "deploy")
    assert 'scenegen deploy --stack "$STACK_NAME" --image "$IMAGE"' in deploy["run"]
    assert '--outputs-file "$GITHUB_OUTPUT"' in deploy["run"]


def test_smoke_runs_against_the_deployed_api_after_the_services_are_stable() -> None:
    deploy_index, _ = step(DEPLOY, "deploy", "deploy")
    smoke_index, smoke = step(DEPLOY, "deploy", "smoke")
    wait_index = next(
        i
        for i, s in enumerate(steps(DEPLOY, "deploy"))
        if "aws ecs wait services-stable" in s.get("run", "") and s.get("id") != "rollback"
    )
    assert deploy_index < wait_index < smoke_index
    assert smoke["env"]["API_URL"] == "${{ steps.deploy.outputs.ApiUrl }}"
    assert 'scenegen smoke --base-url "$API_URL" --timeout' in smoke["run"]
    assert "set -o pipefail" in smoke["run"]  # tee must not hide smoke's exit code
    assert "continue-on-error" not in smoke and "if" not in smoke


def test_any_failure_after_the_deploy_started_restores_what_ran_before() -> None:
    previous_index, previous = step(DEPLOY, "deploy", "previous")
    deploy_index, _ = step(DEPLOY, "deploy", "deploy")
    rollback_index, rollback = step(DEPLOY, "deploy", "rollback")
    assert previous_index < deploy_index < rollback_index
    assert 'scenegen deploy --stack "$STACK_NAME" --save-state previous-state' in previous["run"]
    condition = " ".join(rollback["if"].split())
    # The deploy, the wait or the smoke check failing: not only the smoke check.
    assert condition == (
        "failure() && steps.deploy.outcome != 'skipped' && steps.previous.outputs.saved == 'true'"
    )
    assert 'scenegen deploy --stack "$STACK_NAME" --restore-state previous-state' in rollback["run"]
    assert "aws ecs wait services-stable" in rollback["run"]
    # Nothing after the deploy step may turn the run green again.
    for later in steps(DEPLOY, "deploy")[deploy_index:]:
        assert "continue-on-error" not in later
        assert "exit 0" not in later.get("run", "")


def test_the_job_summary_reports_the_smoke_result_whatever_happened() -> None:
    summary = steps(DEPLOY, "deploy")[-1]
    assert summary["if"] == "always()"
    assert summary["env"]["SMOKE_OUTCOME"] == "${{ steps.smoke.outcome }}"
    assert "$GITHUB_STEP_SUMMARY" in summary["run"]


def test_ci_runs_the_linters_and_make_test_on_pull_requests() -> None:
    loaded = workflow(CI)
    assert "pull_request" in triggers(loaded)
    assert loaded["permissions"] == {"contents": "read"}
    runs = [s.get("run", "") for s in steps(CI, "test")]
    assert "scripts/install_deploy_tools.sh" in runs
    assert ".ci/run" in runs
    ci_script = (ROOT / ".ci" / "run").read_text()
    assert "make lint" in ci_script and "make test" in ci_script


@pytest.mark.parametrize("path", [DEPLOY, CI], ids=lambda p: p.name)
def test_checkout_does_not_keep_the_token(path: Path) -> None:
    (checkout,) = [
        s
        for s in steps(path, next(iter(workflow(path)["jobs"])))
        if "checkout" in s.get("uses", "")
    ]
    assert checkout["with"]["persist-credentials"] is False
