"""WebhookDispatcher when our own side fails: nothing is lost, and an outage logs two lines."""

import asyncio
import logging

import pytest

from application.errors import DependencyUnavailable
from application.webhooks.dispatcher import DispatchOutcome, WebhookDispatcher
from application.webhooks.ports import (
    SendResult,
    WebhookDelivery,
    WebhookHostUnresolved,
    WebhookMessage,
    WebhookUrlRefused,
)
from infrastructure.memory.webhook_queue import InProcessWebhookQueue
from tests.fakes import FixedClock
from tests.unit.webhooks.doubles import FakePayloads, RecordingLog, a_message

URL = "https://hooks.example.com/in"
VISIBILITY_SECONDS = 1.0
"""Longer than any processing here, even on a busy machine: a message comes back only when left."""


class ScriptedSender:
    """Answers from a script (then delivered); raises DependencyUnavailable while told to."""

    def __init__(self, *results: SendResult, secret_outages: int = 0) -> None:
        self.results = list(results)
        self.secret_outages = secret_outages
        self.sent: list[str] = []

    async def send(self, url: str, *, message_id: str, body: bytes) -> SendResult:
        if self.secret_outages > 0:
            self.secret_outages -= 1
            raise DependencyUnavailable("webhook secret", "timed out")
        self.sent.append(message_id)
        return self.results.pop(0) if self.results else SendResult(delivered=True, retryable=False)


class AllowAll:
    async def check(self, url: str) -> None:
        return None


class RefuseAll:
    async def check(self, url: str) -> None:
        raise WebhookUrlRefused("webhook host resolves to a private address (10.0.0.5)")


class RecordingQueue(InProcessWebhookQueue):
    """Remembers the delay of each enqueue and each ack; can fail the next `enqueue_failures`."""

    def __init__(self, enqueue_failures: int = 0) -> None:
        super().__init__(visibility_timeout_seconds=VISIBILITY_SECONDS)
        self.enqueue_failures = enqueue_failures
        self.enqueued: list[tuple[WebhookMessage, float]] = []
        self.acked: list[WebhookMessage] = []
        self.events: list[str] = []

    async def enqueue(self, message: WebhookMessage, *, delay_seconds: float = 0) -> None:
        if self.enqueue_failures > 0:
            self.enqueue_failures -= 1
            raise DependencyUnavailable("webhook queue", "timed out")
        self.enqueued.append((message, delay_seconds))
        self.events.append(f"enqueue attempt {message.attempt}")
        await super().enqueue(message, delay_seconds=delay_seconds)

    async def ack(self, delivery: WebhookDelivery) -> None:
        self.acked.append(delivery.message)
        self.events.append(f"ack attempt {delivery.message.attempt}")
        await super().ack(delivery)


def dispatcher(
    queue: RecordingQueue,
    sender: ScriptedSender,
    log: RecordingLog | None = None,
    *,
    guard: AllowAll | RefuseAll | None = None,
    backoff_seconds: float = 7.0,
) -> WebhookDispatcher:
    return WebhookDispatcher(
        queue,
        sender,
        guard or AllowAll(),
        FakePayloads("job-1"),
        log or RecordingLog(),
        FixedClock(),
        5,
        lambda retry: backoff_seconds,
    )


async def process_next(dispatcher: WebhookDispatcher, queue: RecordingQueue) -> DispatchOutcome:
    delivery = await queue.receive(wait_seconds=30)
    assert delivery is not None
    return await dispatcher.process(delivery)


async def test_retry_is_enqueued_with_the_next_attempt_before_the_original_is_acked() -> None:
    queue = RecordingQueue()
    sender = ScriptedSender(SendResult(delivered=False, retryable=True, error="HTTP 502"))
    await queue.enqueue(a_message(URL))
    assert await process_next(dispatcher(queue, sender), queue) is DispatchOutcome.RETRY_SCHEDULED
    (_, (retry, delay)) = queue.enqueued
    assert (retry.attempt, retry.message_id, delay) == (1, "msg_job-1_terminal", 7.0)
    assert queue.events == ["enqueue attempt 0", "enqueue attempt 1", "ack attempt 0"]


@pytest.mark.parametrize(("retry_after", "delay"), [(30.0, 30.0), (2.0, 7.0), (86_400.0, 900.0)])
async def test_retry_waits_for_the_longer_of_backoff_and_retry_after(
    retry_after: float, delay: float
) -> None:
    queue = RecordingQueue()
    failed = SendResult(
        delivered=False, retryable=True, status_code=429, retry_after_seconds=retry_after
    )
    await queue.enqueue(a_message(URL))
    await process_next(dispatcher(queue, ScriptedSender(failed)), queue)
    assert queue.enqueued[-1][1] == delay


async def test_a_failed_retry_enqueue_leaves_the_message_to_come_back() -> None:
    queue = RecordingQueue()
    log = RecordingLog()
    sender = ScriptedSender(SendResult(delivered=False, retryable=True, error="HTTP 500"))
    webhooks = dispatcher(queue, sender, log)
    await queue.enqueue(a_message(URL))
    queue.enqueue_failures = 1
    assert await process_next(webhooks, queue) is DispatchOutcome.LEFT_FOR_REDELIVERY
    assert queue.acked == []
    assert await process_next(webhooks, queue) is DispatchOutcome.DELIVERED
    assert [attempt.delivered for attempt in log.attempts] == [False, True]
    assert queue.pending() == 0


async def test_a_log_that_cannot_record_the_delivery_leaves_it_to_come_back() -> None:
    queue = RecordingQueue()
    log = RecordingLog(failures=1)
    sender = ScriptedSender()
    webhooks = dispatcher(queue, sender, log)
    await queue.enqueue(a_message(URL))
    assert await process_next(webhooks, queue) is DispatchOutcome.LEFT_FOR_REDELIVERY
    assert queue.acked == []
    assert await process_next(webhooks, queue) is DispatchOutcome.DELIVERED
    assert sender.sent == ["msg_job-1_terminal"] * 2  # at least once: the receiver dedupes by id
    assert [attempt.delivered for attempt in log.attempts] == [True]


async def test_an_unreadable_secret_is_no_attempt_and_the_message_comes_back() -> None:
    queue = RecordingQueue()
    log = RecordingLog()
    webhooks = dispatcher(queue, ScriptedSender(secret_outages=1), log)
    await queue.enqueue(a_message(URL))
    assert await process_next(webhooks, queue) is DispatchOutcome.LEFT_FOR_REDELIVERY
    assert log.attempts == []
    assert await process_next(webhooks, queue) is DispatchOutcome.DELIVERED


async def test_a_refused_url_is_recorded_and_acked_without_sending() -> None:
    queue = RecordingQueue()
    sender = ScriptedSender()
    log = RecordingLog()
    await queue.enqueue(a_message(URL))
    outcome = await process_next(dispatcher(queue, sender, log, guard=RefuseAll()), queue)
    assert outcome is DispatchOutcome.GAVE_UP
    assert sender.sent == []
    assert log.attempts[0].error == (
        "webhook URL refused: webhook host resolves to a private address (10.0.0.5)"
    )
    assert len(queue.acked) == 1


async def test_a_host_that_does_not_resolve_is_retried() -> None:
    class Unresolved:
        async def check(self, url: str) -> None:
            raise WebhookHostUnresolved("webhook host hooks.example.com could not be resolved")

    queue = RecordingQueue()
    webhooks = WebhookDispatcher(
        queue,
        ScriptedSender(),
        Unresolved(),
        FakePayloads("job-1"),
        RecordingLog(),
        FixedClock(),
        5,
        lambda retry: 1.0,
    )
    await queue.enqueue(a_message(URL))
    assert await process_next(webhooks, queue) is DispatchOutcome.RETRY_SCHEDULED


class FailingReceives(InProcessWebhookQueue):
    """Fails `failures` receives in a row, then answers empty."""

    def __init__(self, failures: int) -> None:
        super().__init__()
        self.failures_left = failures
        self.answered = 0
        self.recovered = asyncio.Event()

    async def receive(self, *, wait_seconds: float) -> WebhookDelivery | None:
        if self.failures_left > 0:
            self.failures_left -= 1
            raise DependencyUnavailable("webhook queue", "timed out")
        self.answered += 1
        if self.answered > 1:  # the dispatcher has seen one answer since the outage
            self.recovered.set()
        return await super().receive(wait_seconds=0.01)


async def test_a_queue_outage_logs_one_warning_and_one_recovery(
    caplog: pytest.LogCaptureFixture,
) -> None:
    queue = FailingReceives(failures=20)
    waits: list[int] = []

    def no_wait(failures: int) -> float:
        waits.append(failures)
        return 0.0

    webhooks = WebhookDispatcher(
        queue,
        ScriptedSender(),
        AllowAll(),
        FakePayloads(),
        RecordingLog(),
        FixedClock(),
        5,
        receive_wait_seconds=0.01,
        outage_backoff=no_wait,
    )
    with caplog.at_level(logging.INFO, logger="application.webhooks.dispatcher"):
        webhooks.start()
        await asyncio.wait_for(queue.recovered.wait(), timeout=5)
        await webhooks.stop(1.0)
    lines = [record.getMessage() for record in caplog.records]
    assert [line for line in lines if "unavailable" in line] == [
        "webhook queue unavailable, retrying with backoff: webhook queue is unavailable: timed out"
    ]
    recoveries = [line for line in lines if "available again" in line]
    assert len(recoveries) == 1
    assert recoveries[0].startswith("webhook queue available again after 20 failed receives")
    assert waits == list(range(1, 21))
    assert all(record.exc_info is None for record in caplog.records)


async def test_stop_lets_a_delivery_under_way_finish() -> None:
    class HeldSender(ScriptedSender):
        """Holds each send until the test lets it go."""

        def __init__(self) -> None:
            super().__init__()
            self.under_way = asyncio.Event()
            self.let_go = asyncio.Event()

        async def send(self, url: str, *, message_id: str, body: bytes) -> SendResult:
            self.under_way.set()
            await self.let_go.wait()
            return await super().send(url, message_id=message_id, body=body)

    queue = RecordingQueue()
    queue._visibility_timeout = 60.0  # the held send must not come back while held
    sender = HeldSender()
    webhooks = WebhookDispatcher(
        queue,
        sender,
        AllowAll(),
        FakePayloads("job-1"),
        RecordingLog(),
        FixedClock(),
        5,
        receive_wait_seconds=0.01,
    )
    await queue.enqueue(a_message(URL))
    webhooks.start()
    await asyncio.wait_for(sender.under_way.wait(), timeout=30)
    stopping = asyncio.create_task(webhooks.stop(30.0))
    for _ in range(10):  # let stop cancel the receive loop and start waiting
        await asyncio.sleep(0)
    assert not stopping.done(), "stop returned while a delivery was under way"
    sender.let_go.set()
    await stopping
    assert sender.sent == ["msg_job-1_terminal"]
    assert len(queue.acked) == 1
