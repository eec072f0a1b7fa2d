"""AUTH_MODE=api-keys in real processes: `scenegen serve` in demo mode with API_KEYS, and the
persistent stack on the emulator with keys made by `scenegen keys create` (DynamoDB)."""

import subprocess
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.conditions import until_sync
from tests.e2e.persistent_stack import PersistentStack, outer_env
from tests.e2e.processes import SCENEGEN, scenegen_serve
from tests.e2e.rate_window import submit_until_refused
from tests.e2e.test_keys_command import created_key

pytestmark = pytest.mark.e2e

TOKEN = "e2e-token-0123456789abcdef"
ALICE = "sg_" + "e2" * 20
BOB = "sg_" + "f3" * 20
BODY = {"prompt": "a well in a small village square", "width": 32, "height": 16, "seed": 5}


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def finished(base_url: str, job_id: str, secret: str) -> dict[str, Any]:
    """The job once it has ended, read with its key (waiting on the condition)."""
    seen: dict[str, Any] = {}

    def ended() -> bool:
        response = httpx.get(f"{base_url}/status/{job_id}", headers=bearer(secret), timeout=10)
        assert response.status_code == 200, response.text
        seen.update(response.json())
        return seen["status"] in ("done", "failed", "canceled")

    until_sync(ended, f"job {job_id} ended", timeout=60)
    return seen


def test_served_demo_mode_with_api_keys() -> None:
    env = {
        "INTERNAL_TOKEN": TOKEN,
        "AUTH_MODE": "api-keys",
        "API_KEYS": f"alice:{ALICE},bob:{BOB}",
        "RATE_LIMIT_PER_MINUTE": "3",
    }
    with scenegen_serve(env) as base_url, httpx.Client(base_url=base_url, timeout=10) as http:
        assert http.get("/healthz").status_code == 200
        refused = http.post("/generate", json=BODY)
        assert refused.status_code == 401
        assert refused.headers["www-authenticate"].startswith("Bearer")
        assert refused.headers["content-type"].startswith("application/problem+json")

        accepted = http.post("/generate", json=BODY, headers=bearer(ALICE))
        assert accepted.status_code == 202, accepted.text
        assert accepted.headers["ratelimit-remaining"] == "2"
        job_id = accepted.json()["id"]
        job = finished(base_url, job_id, ALICE)
        assert job["status"] == "done", job

        assert http.get(f"/status/{job_id}", headers=bearer(BOB)).status_code == 404
        graph = http.get(f"/status/{job_id}/scene-graph.json", headers=bearer(ALICE))
        assert graph.status_code == 200
        assert http.get(f"/status/{job_id}/scene-graph.json", headers=bearer(BOB)).status_code == (
            404
        )
        listed = http.get("/jobs", headers=bearer(ALICE)).json()
        assert [item["id"] for item in listed["items"]] == [job_id]
        assert http.get("/jobs", headers=bearer(BOB)).json()["items"] == []

        submit_until_refused(lambda: http.post("/generate", json=BODY, headers=bearer(ALICE)), 3)
        document = http.get("/openapi.json").json()
        assert "bearerAuth" in document["components"]["securitySchemes"]


def keys(resources_env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [SCENEGEN, "keys", *args],
        env={**outer_env(), **resources_env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_persistent_stack_with_keys_made_by_the_cli(
    fresh_stack: Callable[[], PersistentStack],
) -> None:
    stack = fresh_stack()
    resources_env = stack.resources.env()
    key_id, secret = created_key(keys(resources_env, "create", "--name", "e2e"))
    _, slow = created_key(keys(resources_env, "create", "--name", "slow", "--rate-per-minute", "1"))
    api = stack.start_api()  # persistent mode: AUTH_MODE=api-keys by default
    stack.start_worker(api.url)
    base_url = api.url

    with httpx.Client(base_url=base_url, timeout=10) as http:
        assert http.post("/generate", json=BODY).status_code == 401
        accepted = http.post("/generate", json=BODY, headers=bearer(secret))
        assert accepted.status_code == 202, accepted.text
        assert accepted.headers["ratelimit-limit"] == "60"
        job_id = accepted.json()["id"]
        job = finished(base_url, job_id, secret)
        assert job["status"] == "done", (job, stack.logs())
        assert http.get(f"/status/{job_id}", headers=bearer(slow)).status_code == 404
        listed = http.get("/jobs", headers=bearer(secret))
        assert [item["id"] for item in listed.json()["items"]] == [job_id]

        over = submit_until_refused(
            lambda: http.post("/generate", json=BODY, headers=bearer(slow)), 1
        )
        assert over.headers["ratelimit-limit"] == "1"

        keys(resources_env, "revoke", key_id)
        until_sync(
            lambda: http.get("/jobs", headers=bearer(secret)).status_code == 401,
            "the revoked key refused",
            timeout=70,
        )
