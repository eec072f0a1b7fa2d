"""A worker killed with SIGKILL in the middle of a job: the job comes back and ends once.

To kill the worker honestly mid-job, it reports to the API through a small proxy that holds its
`layout:succeeded` callback: the worker has recorded `layout:started` and is waiting for the
answer when it dies. (Measured here, a 256x128 map with hundreds of things lays out in about
30 ms, too fast to catch a worker between steps by polling.)
"""

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from infrastructure.artifact_validation import minimap_problems
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


class HoldingProxy:
    """Forwards to `upstream`, except a step callback for `held_step`, which it never answers."""

    def __init__(self, upstream: str, held_step: str) -> None:
        self.upstream = upstream
        self.held_step = held_step
        self.holding = threading.Event()
        self.released = threading.Event()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if f'"stepId":"{proxy.held_step}"' in body.decode():
                    proxy.holding.set()
                    proxy.released.wait(timeout=30)
                    self.close_connection = True
                    return
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS}
                answer = httpx.post(
                    proxy.upstream + self.path, content=body, headers=headers, timeout=10.0
                )
                self.send_response(answer.status_code)
                for name, value in answer.headers.items():
                    if name.lower() not in HOP_HEADERS:
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

            def log_message(self, format: str, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"


@contextmanager
def holding_proxy(upstream: str, held_step: str) -> Iterator[HoldingProxy]:
    proxy = HoldingProxy(upstream, held_step)
    thread = threading.Thread(target=proxy.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield proxy
    finally:
        proxy.released.set()
        proxy.server.shutdown()
        proxy.server.server_close()


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
