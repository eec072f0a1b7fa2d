"""A worker killed with SIGKILL in the middle of a job: the job comes back and ends once.

To kill the worker honestly mid-job, it reports to the API through a small proxy that holds its
`layout:succeeded` callback: the worker has recorded `layout:started` and is waiting for the
answer when it dies. (Measured here, a 256x128 map with hundreds of things lays out in about
30 ms, too fast to catch a worker between steps by polling.)
"""

import time
from collections.abc import Callable

import httpx
import pytest

from infrastructure.artifact_validation import minimap_problems
from tests.e2e.holding_proxy import holding_proxy
from tests.e2e.persistent_stack import (
    PIPELINE_STEP_IDS,
    PersistentStack,
    get_job,
    step_ids,
    submit,
    wait_for_job,
)

pytestmark = pytest.mark.e2e

VISIBILITY_SECONDS = 3
HELD_STEP = "layout:succeeded"
HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


def queue_counts(stack: PersistentStack) -> tuple[int, int]:
    """(visible, in flight) messages on the job queue."""
    attributes = stack.resources.client("sqs").get_queue_attributes(
        QueueUrl=stack.resources.queue_url(),
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )["Attributes"]
    return (
        int(attributes["ApproximateNumberOfMessages"]),
        int(attributes["ApproximateNumberOfMessagesNotVisible"]),
    )


def test_job_of_a_killed_worker_is_redelivered_and_finished_by_another_without_duplicates(
    fresh_stack: Callable[[], PersistentStack],
) -> None:
    stack = fresh_stack()
    visibility = {"JOBS_QUEUE_VISIBILITY_SECONDS": str(VISIBILITY_SECONDS)}
    api = stack.start_api(**visibility)
    job_id = submit(
        api.url,
        {"prompt": "900 houses around a market square", "seed": 3, "width": 256, "height": 128},
    )

    with holding_proxy(api.url, HELD_STEP) as proxy:
        proxy.forward_held = False  # its worker dies waiting: the callback never arrives
        doomed = stack.start_worker(proxy.url, **visibility)
        assert proxy.holding.wait(timeout=30), stack.logs()
        before_kill = get_job(api.url, job_id)
        doomed.kill()
        killed_at = time.monotonic()

    assert before_kill["status"] == "running"
    assert step_ids(before_kill) == PIPELINE_STEP_IDS[:3]  # layout:started is the last
    assert queue_counts(stack) == (0, 1)  # still in flight: the dead worker never gave it back

    stack.start_worker(api.url, **visibility)
    job = wait_for_job(api.url, job_id, timeout=30)  # the default visibility, 60 s, would not do

    assert job["status"] == "done", (job, stack.logs())
    assert time.monotonic() - killed_at >= VISIBILITY_SECONDS - 1
    assert step_ids(job) == PIPELINE_STEP_IDS
    assert job["steps"][:3] == before_kill["steps"]  # the re-run's duplicates changed nothing
    assert queue_counts(stack) == (0, 0)  # acked by the second worker
    minimap = httpx.get(job["result"]["asciiMinimapUrl"], timeout=10.0)
    assert minimap.status_code == 200
    assert minimap_problems(minimap.text, width=256, height=128) == []
