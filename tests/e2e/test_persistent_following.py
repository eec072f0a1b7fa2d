"""Following jobs in persistent mode with real processes (API and workers on the emulator): the
event stream across API processes with resume, `Prefer: wait`, a cancel that stops a running
worker at its next step boundary, and a signed webhook that survives a worker's SIGKILL."""

import asyncio
import json
import time
from collections.abc import Callable

import httpx
import pytest

from infrastructure.webhooks.signing import generate_webhook_secret
from tests.conditions import until_sync
from tests.e2e.holding_proxy import holding_proxy
from tests.e2e.persistent_stack import (
    PIPELINE_STEP_IDS,
    PersistentStack,
    SharedStack,
    api_headers,
    get_job,
    step_ids,
    submit,
    wait_for_job,
    webhook_env,
)
from tests.sse_client import Event, events
from tests.unit.webhooks.receiver import Reply, WebhookReceiver

pytestmark = pytest.mark.e2e

HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}
BIG_SCENE = {"prompt": "900 houses around a market square", "seed": 3, "width": 256, "height": 128}


async def _stream(
    url: str, last_event_id: str | None = None, count: int | None = None
) -> list[Event]:
    headers = {"Last-Event-ID": last_event_id} if last_event_id else {}
    headers.update(api_headers(url.split("/status/")[0]))
    received: list[Event] = []
    async with httpx.AsyncClient(timeout=30) as http, http.stream("GET", url, headers=headers) as r:
        assert r.status_code == 200, await r.aread()
        async for item in events(r):
            if item.is_comment_only:
                continue
            received.append(item)
            if count is not None and len(received) == count:
                break
    return received


def test_a_stream_on_one_api_follows_a_job_run_through_another_and_resumes(
    shared_stack: SharedStack,
) -> None:
    job_id = submit(shared_stack.api_b.url, {"prompt": "a harbour with three boats", "seed": 4})
    events_url = f"{shared_stack.api_a.url}/status/{job_id}/events"

    whole = asyncio.run(_stream(events_url))
    first = asyncio.run(_stream(events_url, count=4))
    rest = asyncio.run(_stream(events_url, last_event_id=first[-1].id))
    ended = httpx.get(
        events_url,
        headers={"Last-Event-ID": whole[-1].id or "", **api_headers(shared_stack.api_a.url)},
        timeout=10,
    )

    assert whole[-1].event == "done"
    assert [json.loads(e.data)["stepId"] for e in whole if e.event == "step"] == PIPELINE_STEP_IDS
    view = json.loads(whole[-1].data)
    assert view["result"]["sceneGraphUrl"].startswith("http")
    assert httpx.get(view["result"]["asciiMinimapUrl"], timeout=10).status_code == 200
    resumed = first + rest
    assert len({e.id for e in resumed}) == len(resumed), "nothing repeated"
    steps = [json.loads(e.data)["stepId"] for e in resumed if e.event == "step"]
    assert steps == PIPELINE_STEP_IDS, "nothing lost"
    assert resumed[-1].event == "done"
    assert ended.status_code == 204


def test_prefer_wait_returns_a_finished_job_in_one_request(shared_stack: SharedStack) -> None:
    started = time.monotonic()
    response = httpx.post(
        f"{shared_stack.api_a.url}/generate",
        json={"prompt": "a small chapel beside a graveyard", "seed": 2},
        headers={"Prefer": "wait=30", **api_headers(shared_stack.api_a.url)},
        timeout=40,
    )
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "done"
    assert response.headers["preference-applied"] == "wait=30"
    assert time.monotonic() - started < 30


def test_a_canceled_running_job_stops_its_worker_at_the_next_step_and_stays_canceled(
    fresh_stack: Callable[[], PersistentStack],
) -> None:
    stack = fresh_stack()
    api = stack.start_api()
    job_id = submit(api.url, BIG_SCENE)
    with holding_proxy(api.url, "layout:succeeded") as proxy:
        worker = stack.start_worker(proxy.url)
        assert proxy.holding.wait(timeout=30), stack.logs()
        keyed = api_headers(api.url)
        canceled = httpx.post(f"{api.url}/status/{job_id}/cancel", headers=keyed, timeout=10)
        proxy.released.set()
        until_sync(lambda: 409 in proxy.answers, "the worker's report refused", timeout=60)
        until_sync(
            lambda: "job run over: canceled" in worker.log_path.read_text(errors="replace"),
            "the worker done with the job",
            timeout=60,
        )
        job = get_job(api.url, job_id)
        again = httpx.post(f"{api.url}/status/{job_id}/cancel", headers=keyed, timeout=10)

    assert canceled.status_code == 200 and canceled.json()["status"] == "canceled"
    assert 409 in proxy.answers, "the worker's next report was refused"
    assert job["status"] == "canceled" and job["result"] is None
    assert step_ids(job) == PIPELINE_STEP_IDS[:3]
    assert again.status_code == 200 and again.json() == job
    listed = stack.resources.client("s3").list_objects_v2(Bucket=stack.resources.bucket)
    assert listed.get("KeyCount", 0) == 0, "nothing stored for a canceled job"
    attributes = stack.resources.client("sqs").get_queue_attributes(
        QueueUrl=stack.resources.queue_url(),
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )["Attributes"]
    assert attributes == {
        "ApproximateNumberOfMessages": "0",
        "ApproximateNumberOfMessagesNotVisible": "0",
    }, "the worker acked the message"
    assert "job run over: canceled" in stack.logs()


def test_a_webhook_is_retried_after_a_500_and_its_terminal_event_arrives_once_after_a_sigkill(
    fresh_stack: Callable[[], PersistentStack],
) -> None:
    secret = generate_webhook_secret()
    receiver = WebhookReceiver([secret], [Reply(status=500)])
    stack = fresh_stack()
    stack.env.update(webhook_env(secret))
    # The killed worker's pending long poll may still take a message (the emulator, like SQS,
    # answers it into a dead connection): it comes back after the visibility timeout.
    visibility = {"JOBS_QUEUE_VISIBILITY_SECONDS": "3", "WEBHOOKS_QUEUE_VISIBILITY_SECONDS": "15"}
    try:
        api = stack.start_api(**visibility)
        job_id = submit(api.url, {**BIG_SCENE, "webhook": receiver.url()})
        with holding_proxy(api.url, "layout:succeeded") as proxy:
            proxy.forward_held = False  # its worker is dead: the callback never arrives
            doomed = stack.start_worker(proxy.url, **visibility)
            assert proxy.holding.wait(timeout=30), stack.logs()
            doomed.kill()
        stack.start_worker(api.url, **visibility)
        job = wait_for_job(api.url, job_id, timeout=40)
        until_sync(lambda: len(receiver.requests) >= 2, "two deliveries", timeout=60)
        # Nothing left on the webhooks queue, in flight or delayed: no duplicate can follow.
        until_sync(lambda: _webhook_messages_left(stack) == 0, "the queue drained", timeout=60)
        view = get_job(api.url, job_id)
        requests = list(receiver.requests)
    finally:
        receiver.close()

    assert job["status"] == "done", stack.logs()
    assert len(requests) == 2, stack.logs()
    assert [json.loads(r.body)["type"] for r in requests] == ["job.done", "job.done"]
    assert requests[0].headers["webhook-id"] == requests[1].headers["webhook-id"]
    assert all(r.verified_with == (0,) for r in requests)
    assert view["webhook"]["attempts"] == 2
    assert view["webhook"]["deliveredAt"] and view["webhook"]["lastError"] is None


def _webhook_messages_left(stack: PersistentStack) -> int:
    attributes = stack.resources.client("sqs").get_queue_attributes(
        QueueUrl=stack.resources.webhooks_queue_url(),
        AttributeNames=[
            "ApproximateNumberOfMessages",
            "ApproximateNumberOfMessagesNotVisible",
            "ApproximateNumberOfMessagesDelayed",
        ],
    )["Attributes"]
    return sum(int(value) for value in attributes.values())
