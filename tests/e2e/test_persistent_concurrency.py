"""Two API processes and two workers on one table, queue and bucket: every job ends right, once."""

import threading
import time
import uuid
from typing import Any

import httpx
import pytest

from tests.e2e.persistent_stack import (
    PIPELINE_STEP_IDS,
    TERMINAL,
    SharedStack,
    api_headers,
    get_job,
    step_ids,
    submit,
    wait_for_job,
)

pytestmark = pytest.mark.e2e

JOBS = 10
STATUS_RANK = {"queued": 0, "running": 1, "done": 2, "failed": 2}
PROMPTS = (
    "a village with three houses north of a river, a well in the center",
    "a dungeon with five rooms connected by corridors",
    "a small bedroom: a bed against the north wall, a desk next to the window",
    "a forest clearing with a campfire surrounded by four tents",
    "a harbor with two piers and three boats east of the lighthouse",
)


class Poller(threading.Thread):
    """Reads one job over and over until it finishes, keeping every answer."""

    def __init__(self, base_url: str, job_id: str, timeout: float = 60.0) -> None:
        super().__init__(daemon=True)
        self.base_url = base_url
        self.job_id = job_id
        self.deadline = time.monotonic() + timeout
        self.seen: list[dict[str, Any]] = []

    def run(self) -> None:
        with httpx.Client(timeout=10.0, headers=api_headers(self.base_url)) as client:
            while time.monotonic() < self.deadline:
                response = client.get(f"{self.base_url}/status/{self.job_id}")
                job = response.json()
                self.seen.append(job)
                if job["status"] in TERMINAL:
                    return
                time.sleep(0.01)


def test_jobs_spread_over_two_apis_and_two_workers_each_finish_with_ten_steps_once(
    shared_stack: SharedStack,
) -> None:
    apis = [shared_stack.api_a.url, shared_stack.api_b.url]
    first = submit(apis[0], {"prompt": PROMPTS[0], "seed": 0})
    poller = Poller(apis[1], first)  # reads through the API the job was not submitted to
    poller.start()
    submitted = [(apis[0], first)]
    for index in range(1, JOBS):
        api = apis[index % 2]
        body = {"prompt": PROMPTS[index % len(PROMPTS)], "seed": index}
        submitted.append((api, submit(api, body)))

    finished = [wait_for_job(apis[(n + 1) % 2], job_id) for n, (_, job_id) in enumerate(submitted)]
    poller.join(timeout=60)

    assert len({job["id"] for job in finished}) == JOBS
    for job in finished:
        assert job["status"] == "done", (job, shared_stack.stack.logs())
        assert step_ids(job) == PIPELINE_STEP_IDS
        assert len(set(step_ids(job))) == 10
    assert not poller.is_alive()
    assert poller.seen[-1]["status"] == "done"
    assert len({len(job["steps"]) for job in poller.seen}) > 1  # it watched the job progress
    assert poller.seen[-1]["steps"] == get_job(apis[0], first)["steps"]
    for earlier, later in zip(poller.seen, poller.seen[1:], strict=False):
        assert STATUS_RANK[later["status"]] >= STATUS_RANK[earlier["status"]]
        # Every step seen before is still there, unchanged and in the same place.
        assert later["steps"][: len(earlier["steps"])] == earlier["steps"]


def test_idempotency_key_reused_on_the_other_api_returns_the_same_job(
    shared_stack: SharedStack,
) -> None:
    key = f"e2e-{uuid.uuid4().hex}"
    keyed = api_headers(shared_stack.api_a.url)  # one key for both APIs: keys scope the claim
    body = {"prompt": "a lighthouse on a cliff above the sea", "seed": 77}

    on_a = httpx.post(
        f"{shared_stack.api_a.url}/generate", json=body, headers={"Idempotency-Key": key, **keyed}
    )
    on_b = httpx.post(
        f"{shared_stack.api_b.url}/generate", json=body, headers={"Idempotency-Key": key, **keyed}
    )
    other_body = httpx.post(
        f"{shared_stack.api_b.url}/generate",
        json={**body, "seed": 78},
        headers={"Idempotency-Key": key, **keyed},
    )

    assert on_a.status_code == 202
    assert on_b.status_code == 200
    assert on_b.json()["id"] == on_a.json()["id"]
    assert on_b.headers["Location"] == on_a.headers["Location"]
    assert other_body.status_code == 422
    assert other_body.headers["content-type"].startswith("application/problem+json")
