"""Signed webhooks in demo mode, end to end: a real server, the embedded worker and dispatcher,
and a receiver on loopback that verifies every signature with the `standardwebhooks` library."""

import asyncio
import json
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from domain.jobs import Webhook, new_job
from infrastructure.time_and_randomness import RandomJobIds
from infrastructure.webhooks.signing import generate_webhook_secret
from tests.conftest import make_container
from tests.fakes import RETENTION, TOKEN, a_request, assert_problem
from tests.served_app import served
from tests.unit.webhooks.receiver import ReceivedRequest, Reply, WebhookReceiver

SECRET = generate_webhook_secret()
PROMPT = "a village with three houses north of a river"
LOOPBACK_ALLOWED = {
    "INTERNAL_TOKEN": TOKEN,
    "WEBHOOK_SECRET": SECRET,
    "WEBHOOK_ALLOW_PRIVATE": "1",
    "WEBHOOK_ALLOW_HTTP": "1",
}


def real_time_container() -> Any:
    """Receivers refuse a signature whose timestamp is over 5 minutes off: the real clock."""
    container = make_container(LOOPBACK_ALLOWED)
    container.clock.reset_override()
    return container


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    running = WebhookReceiver([SECRET])
    yield running
    running.close()


async def _arrived(receiver: WebhookReceiver, count: int, timeout: float = 30.0) -> list[Any]:
    deadline = time.monotonic() + timeout
    while len(receiver.requests) < count:
        assert time.monotonic() < deadline, f"{len(receiver.requests)} of {count} deliveries"
        await asyncio.sleep(0.05)
    return list(receiver.requests)


async def _status_when(
    http: httpx.AsyncClient, job_id: str, holds: Callable[[dict[str, Any]], bool]
) -> dict[str, Any]:
    deadline = time.monotonic() + 30
    while True:
        view: dict[str, Any] = (await http.get(f"/status/{job_id}")).json()
        if holds(view):
            return view
        assert time.monotonic() < deadline, f"the job never got there: {view}"
        await asyncio.sleep(0.02)


def _body(request: ReceivedRequest) -> dict[str, Any]:
    body: dict[str, Any] = json.loads(request.body)
    return body


async def test_a_terminal_webhook_is_retried_after_a_500_and_delivered_once(
    receiver: WebhookReceiver,
) -> None:
    receiver.answer_with(Reply(status=500))
    container = real_time_container()
    async with served(container) as base, httpx.AsyncClient(base_url=base, timeout=40) as http:
        submitted = await http.post(
            "/generate", json={"prompt": PROMPT, "seed": 1, "webhook": receiver.url()}
        )
        assert submitted.status_code == 202, submitted.text
        job_id = submitted.json()["id"]
        first, retry = await _arrived(receiver, 2)
        # The attempt is recorded once its answer is in: wait for that, not for a while.
        status = await _status_when(
            http, job_id, lambda view: (view.get("webhook") or {}).get("deliveredAt") is not None
        )

    for request in (first, retry):
        assert request.verified_with == (0,), "signed with the configured secret"
        body = _body(request)
        assert body["type"] == "job.done"
        assert body["data"]["id"] == job_id and body["data"]["status"] == "done"
    assert first.headers["webhook-id"] == retry.headers["webhook-id"]
    assert retry.at - first.at >= 4, "retried with backoff, not at once"
    assert status["webhook"]["attempts"] == 2
    assert status["webhook"]["deliveredAt"] is not None
    assert status["webhook"]["lastError"] is None
    assert len(receiver.requests) == 2
    attempts = container.metrics().totals_by_metric()["WebhookAttempts"]
    assert attempts == {"Outcome=retry": 1, "Outcome=delivered": 1}


async def test_step_and_terminal_events_arrive_when_asked_for(receiver: WebhookReceiver) -> None:
    container = real_time_container()
    async with served(container) as base, httpx.AsyncClient(base_url=base, timeout=40) as http:
        await http.post(
            "/generate",
            json={
                "prompt": PROMPT,
                "webhook": receiver.url(),
                "webhookEvents": ["step", "terminal"],
            },
        )
        requests = await _arrived(receiver, 11)

    types = [_body(request)["type"] for request in requests]
    assert sorted(types) == ["job.done"] + ["job.step"] * 10
    steps = {_body(r)["data"]["stepId"] for r in requests if _body(r)["type"] == "job.step"}
    assert len(steps) == 10
    assert len({request.headers["webhook-id"] for request in requests}) == 11
    assert all(request.verified_with == (0,) for request in requests)


async def test_a_canceled_job_sends_job_canceled(receiver: WebhookReceiver) -> None:
    container = real_time_container()
    now = datetime.now(UTC)
    job_id = RandomJobIds().new_id(now)
    # Added, not submitted: no worker runs it, so it is queued until canceled.
    queued = new_job(
        job_id=job_id,
        request=a_request(),
        now=now,
        retention=RETENTION,
        webhook=Webhook(url=receiver.url()),
    )
    async with served(container) as base, httpx.AsyncClient(base_url=base, timeout=40) as http:
        assert await container.job_repository().add(queued)
        assert (await http.post(f"/status/{job_id}/cancel")).status_code == 200
        (request,) = await _arrived(receiver, 1)

    assert request.verified_with == (0,)
    assert _body(request)["type"] == "job.canceled"
    assert _body(request)["data"]["status"] == "canceled"


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("https://127.0.0.1/hook", "loopback"),
        ("https://10.1.2.3/hook", "private"),
        ("https://169.254.169.254/latest/meta-data", "metadata"),
        ("https://[::1]/hook", "loopback"),
        ("http://example.com/hook", "https"),
        ("not a url", ""),
    ],
)
async def test_webhook_urls_that_could_reach_our_own_network_are_422(url: str, why: str) -> None:
    container = make_container({"INTERNAL_TOKEN": TOKEN, "WEBHOOK_SECRET": SECRET})
    async with served(container) as base, httpx.AsyncClient(base_url=base, timeout=10) as http:
        response = await http.post("/generate", json={"prompt": PROMPT, "webhook": url})

    problem = assert_problem(response, 422)
    (error,) = problem["errors"]
    assert error["field"] == "webhook"
    assert why in error["message"].lower()


async def test_without_a_signing_secret_a_webhook_is_refused_clearly(client: Any) -> None:
    response = await client.post(
        "/generate", json={"prompt": PROMPT, "webhook": "https://example.com/hook"}
    )

    problem = assert_problem(response, 422)
    assert problem["errors"][0]["field"] == "webhook"
    assert "WEBHOOK_SECRET" in problem["errors"][0]["message"]


async def test_a_webhooks_status_view_links_on_the_public_base_url(
    receiver: WebhookReceiver,
) -> None:
    container = make_container({**LOOPBACK_ALLOWED, "PUBLIC_BASE_URL": "https://api.example.com"})
    container.clock.reset_override()
    async with served(container) as base, httpx.AsyncClient(base_url=base, timeout=40) as http:
        submitted = await http.post("/generate", json={"prompt": PROMPT, "webhook": receiver.url()})
        job_id = submitted.json()["id"]
        (delivered,) = await _arrived(receiver, 1)

    view = _body(delivered)["data"]
    assert view["statusUrl"] == f"https://api.example.com/status/{job_id}"
    assert view["result"]["sceneSvgUrl"] == f"https://api.example.com/status/{job_id}/scene.svg"
