"""The internal callback's token, end to end: real API and worker processes, token in SSM."""

import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from tests.e2e.persistent_stack import (
    PIPELINE_STEP_IDS,
    PersistentStack,
    SharedStack,
    get_job,
    step_ids,
    submit,
    wait_for_job,
)

pytestmark = pytest.mark.e2e

TOKEN_HEADER = "X-INTERNAL-TOKEN"
REFRESH_SECONDS = 1
GRACE_SECONDS = 10
"""Long enough for two callbacks on a busy machine."""


def post_step(base_url: str, job_id: str, step_id: str, token: str | None) -> httpx.Response:
    name, phase = step_id.split(":")
    body: dict[str, Any] = {
        "stepId": step_id,
        "name": name,
        "phase": phase,
        "at": datetime.now(UTC).isoformat(),
    }
    if phase != "started":
        body["durationMs"] = 1
    headers = {TOKEN_HEADER: token} if token is not None else {}
    return httpx.post(
        f"{base_url}/internal/jobs/{job_id}/step", json=body, headers=headers, timeout=10.0
    )


def assert_unauthorized(response: httpx.Response) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["content-type"].startswith("application/problem+json")


def assert_applied(response: httpx.Response) -> None:
    assert response.status_code == 200, response.text
    assert response.json()["applied"] is True


def test_callback_without_the_token_header_is_401(shared_stack: SharedStack) -> None:
    job_id = submit(shared_stack.base_url, {"prompt": "a lone tower on a hill"})

    response = post_step(shared_stack.base_url, job_id, "parse_prompt:started", token=None)

    assert_unauthorized(response)


def test_callback_with_a_wrong_token_is_401(shared_stack: SharedStack) -> None:
    job_id = submit(shared_stack.base_url, {"prompt": "a lone tower on a hill"})
    wrong = shared_stack.resources.internal_token() + "x"

    for api in (shared_stack.api_a, shared_stack.api_b):
        assert_unauthorized(post_step(api.url, job_id, "parse_prompt:started", token=wrong))


def test_worker_with_the_token_from_ssm_drives_a_job_to_done(shared_stack: SharedStack) -> None:
    for api in (shared_stack.api_a, shared_stack.api_b):
        job_id = submit(api.url, {"prompt": "a dungeon with five rooms connected by corridors"})

        job = wait_for_job(api.url, job_id)

        assert job["status"] == "done", (job, shared_stack.stack.logs())
        assert step_ids(job) == PIPELINE_STEP_IDS
        assert job["error"] is None


def test_rotated_token_is_accepted_with_the_old_one_until_the_grace_period_ends(
    fresh_stack: Callable[[], PersistentStack],
) -> None:
    stack = fresh_stack()
    resources = stack.resources
    api = stack.start_api(
        INTERNAL_TOKEN_REFRESH_SECONDS=str(REFRESH_SECONDS),
        INTERNAL_TOKEN_GRACE_SECONDS=str(GRACE_SECONDS),
    )
    old = resources.internal_token()
    new = f"rotated-{uuid.uuid4().hex}"
    job_id = submit(api.url, {"prompt": "a small bedroom with a bed and a desk", "seed": 9})

    # Before the rotation only the current token is accepted.
    assert_unauthorized(post_step(api.url, job_id, "parse_prompt:started", token=new))
    assert_applied(post_step(api.url, job_id, "parse_prompt:started", token=old))

    resources.client("ssm").put_parameter(
        Name=resources.token_parameter, Value=new, Type="SecureString", Overwrite=True
    )
    # The API reads the parameter again once its refresh interval has passed: the new token
    # is refused until then, and the first call it accepts is recorded.
    deadline = time.monotonic() + 60
    while (
        answer := post_step(api.url, job_id, "parse_prompt:succeeded", token=new)
    ).status_code == 401 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert_applied(answer)
    noticed_by = time.monotonic()
    assert_applied(post_step(api.url, job_id, "layout:started", token=old))
    assert time.monotonic() < noticed_by + GRACE_SECONDS, "too slow to test the grace period"

    time.sleep(max(0.0, noticed_by + GRACE_SECONDS + 0.5 - time.monotonic()))
    assert_unauthorized(post_step(api.url, job_id, "layout:succeeded", token=old))
    assert_applied(post_step(api.url, job_id, "layout:succeeded", token=new))
    recorded = get_job(api.url, job_id)["steps"]

    # A worker started now reads the new token from SSM and finishes the job; the steps
    # already recorded are duplicates of its run and stay as they were.
    stack.start_worker(api.url)
    job = wait_for_job(api.url, job_id)

    assert job["status"] == "done", (job, stack.logs())
    assert step_ids(job) == PIPELINE_STEP_IDS
    assert job["steps"][:4] == recorded
