"""WebhookDispatcher with the in-process queue, the real sender and a receiver on loopback."""

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager

import httpx
import pytest

from application.webhooks.dispatcher import DispatchOutcome, WebhookDispatcher
from application.webhooks.ports import WebhookMessage, WebhookQueue
from infrastructure.memory.webhook_queue import InProcessWebhookQueue
from infrastructure.time_and_randomness import SystemClock
from infrastructure.webhooks.sender import HttpWebhookSender
from infrastructure.webhooks.url_guard import WebhookUrlPolicy
from tests.conditions import until
from tests.unit.webhooks.doubles import FakePayloads, RecordingLog, a_message
from tests.unit.webhooks.receiver import Reply, WebhookReceiver, wait_for_requests

QUICK_RETRY_SECONDS = 0.05


class Harness:
    """A dispatcher wired to real adapters, with the fakes a test inspects."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        receiver: WebhookReceiver,
        *,
        queue: WebhookQueue | None = None,
        log: RecordingLog | None = None,
        allow_private: bool = True,
        max_attempts: int = 5,
    ) -> None:
        self.queue = queue or InProcessWebhookQueue(visibility_timeout_seconds=60)
        self.log = log or RecordingLog()
        self.payloads = FakePayloads("job-1")

        async def secrets() -> tuple[str, ...]:
            return receiver.secrets

        self.dispatcher = WebhookDispatcher(
            self.queue,
            HttpWebhookSender(http, secrets, SystemClock(), timeout_seconds=2),
            WebhookUrlPolicy(allow_private=allow_private, allow_http=True),
            self.payloads,
            self.log,
            SystemClock(),
            max_attempts,
            lambda retry: QUICK_RETRY_SECONDS,
            receive_wait_seconds=0.05,
        )

    @asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        self.dispatcher.start()
        try:
            yield
        finally:
            await self.dispatcher.stop(2.0)


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as client:
        yield client


@pytest.fixture
def memory_queue() -> Iterator[InProcessWebhookQueue]:
    yield InProcessWebhookQueue(visibility_timeout_seconds=60)


async def requests_arrive(receiver: WebhookReceiver, count: int) -> None:
    await asyncio.to_thread(wait_for_requests, receiver, count)


async def test_a_500_then_a_200_delivers_the_event_once_under_one_webhook_id(
    http: httpx.AsyncClient, receiver: WebhookReceiver, memory_queue: InProcessWebhookQueue
) -> None:
    receiver.answer_with(Reply(500), Reply(200))
    harness = Harness(http, receiver, queue=memory_queue)
    async with harness.running():
        await harness.queue.enqueue(a_message(receiver.url()))
        attempts = await harness.log.wait_for(2)
        await until(lambda: memory_queue.pending() == 0, "the delivery acked")
    assert [(a.delivered, a.error) for a in attempts] == [
        (False, "HTTP 500 Internal Server Error"),
        (True, None),
    ]
    assert len(receiver.requests) == 2
    assert {request.headers["webhook-id"] for request in receiver.requests} == {
        "msg_job-1_terminal"
    }
    assert all(request.verified_with == (0, 1) for request in receiver.requests)
    assert memory_queue.pending() == 0


async def test_retries_stop_at_max_attempts(
    http: httpx.AsyncClient, receiver: WebhookReceiver, memory_queue: InProcessWebhookQueue
) -> None:
    receiver.answer_with(*[Reply(503)] * 10)
    harness = Harness(http, receiver, queue=memory_queue, max_attempts=3)
    async with harness.running():
        await harness.queue.enqueue(a_message(receiver.url()))
        attempts = await harness.log.wait_for(3)
        # Acked: nothing can come back, so no request can follow the three.
        await until(lambda: memory_queue.pending() == 0, "the given-up delivery acked")
    assert len(receiver.requests) == 3
    assert len(attempts) == 3
    assert attempts[-1].error == "HTTP 503 Service Unavailable (gave up after 3 attempts)"
    assert memory_queue.pending() == 0


async def test_a_url_refused_at_delivery_is_not_sent_nor_retried(
    http: httpx.AsyncClient, receiver: WebhookReceiver, memory_queue: InProcessWebhookQueue
) -> None:
    harness = Harness(http, receiver, queue=memory_queue, allow_private=False)
    async with harness.running():
        await harness.queue.enqueue(a_message(receiver.url()))
        (attempt,) = await harness.log.wait_for(1)
        await until(lambda: memory_queue.pending() == 0, "the refused delivery acked")
    assert receiver.requests == []
    assert attempt.delivered is False
    assert attempt.error == (
        "webhook URL refused: webhook host resolves to a loopback address (127.0.0.1)"
    )
    assert len(harness.log.attempts) == 1
    assert memory_queue.pending() == 0


async def test_410_stops_after_one_attempt(
    http: httpx.AsyncClient, receiver: WebhookReceiver, memory_queue: InProcessWebhookQueue
) -> None:
    receiver.answer_with(Reply(410))
    harness = Harness(http, receiver, queue=memory_queue)
    delivery_outcome = await deliver_once(harness, a_message(receiver.url()))
    assert delivery_outcome is DispatchOutcome.GAVE_UP
    assert len(receiver.requests) == 1
    assert memory_queue.pending() == 0


async def test_a_job_that_is_gone_is_dropped_without_a_request(
    http: httpx.AsyncClient, receiver: WebhookReceiver, memory_queue: InProcessWebhookQueue
) -> None:
    harness = Harness(http, receiver, queue=memory_queue)
    outcome = await deliver_once(harness, a_message(receiver.url(), job_id="job-deleted"))
    assert outcome is DispatchOutcome.JOB_GONE
    assert receiver.requests == []
    assert harness.log.attempts == []
    assert memory_queue.pending() == 0


async def test_retry_after_holds_the_next_attempt_back(
    http: httpx.AsyncClient, receiver: WebhookReceiver, memory_queue: InProcessWebhookQueue
) -> None:
    receiver.answer_with(Reply(429, {"Retry-After": "1"}), Reply(200))
    harness = Harness(http, receiver, queue=memory_queue)
    async with harness.running():
        await harness.queue.enqueue(a_message(receiver.url()))
        await harness.log.wait_for(2)
    first, second = receiver.requests
    assert second.at - first.at >= 0.95


async def deliver_once(harness: Harness, message: WebhookMessage) -> DispatchOutcome:
    await harness.queue.enqueue(message)
    delivery = await harness.queue.receive(wait_seconds=1)
    assert delivery is not None
    return await harness.dispatcher.process(delivery)
