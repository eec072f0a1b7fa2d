"""WebhookQueue contract: the in-process queue and SQS (emulated) deliver, delay, ack and
bring back unacked messages alike."""

import asyncio
import time
from datetime import UTC, datetime
from typing import Any

import msgspec
import pytest

from application.errors import DependencyUnavailable
from application.webhooks.ports import WebhookMessage, WebhookQueue
from infrastructure.aws.sqs_queue import sqs_delay_seconds
from infrastructure.aws.sqs_webhook_queue import SqsWebhookQueue, resolve_webhook_queue_url
from infrastructure.memory.webhook_queue import InProcessWebhookQueue

pytestmark = pytest.mark.integration

VISIBILITY_SECONDS = 2


@pytest.fixture(params=["memory", "sqs"])
def queue(request: pytest.FixtureRequest) -> WebhookQueue:
    if request.param == "memory":
        return InProcessWebhookQueue(visibility_timeout_seconds=VISIBILITY_SECONDS)
    queues: Any = request.getfixturevalue("queues")
    return SqsWebhookQueue(request.getfixturevalue("sqs"), queues.url, VISIBILITY_SECONDS)


def a_message(job_id: str = "job-1", **fields: Any) -> WebhookMessage:
    message = WebhookMessage(
        message_id=f"msg_{job_id}_step_1",
        job_id=job_id,
        event_type="job.step",
        url="https://hooks.example.com/in?team=7",
        occurred_at=datetime(2026, 11, 27, 10, 0, 0, 123000, tzinfo=UTC),
        step_id="parse:done",
        attempt=2,
    )
    return msgspec.structs.replace(message, **fields)


async def test_enqueued_message_is_received_whole(queue: WebhookQueue) -> None:
    await queue.enqueue(a_message())
    delivery = await queue.receive(wait_seconds=5)
    assert delivery is not None
    assert delivery.message == a_message()
    await queue.ack(delivery)


async def test_empty_queue_receives_nothing(queue: WebhookQueue) -> None:
    assert await queue.receive(wait_seconds=1) is None


async def test_acked_message_is_not_delivered_again(queue: WebhookQueue) -> None:
    await queue.enqueue(a_message())
    delivery = await queue.receive(wait_seconds=5)
    assert delivery is not None
    await queue.ack(delivery)
    assert await queue.receive(wait_seconds=VISIBILITY_SECONDS + 1) is None


async def test_unacked_message_comes_back_after_the_visibility_timeout(
    queue: WebhookQueue,
) -> None:
    await queue.enqueue(a_message())
    first = await queue.receive(wait_seconds=5)
    assert first is not None
    received_at = time.monotonic()
    again = await queue.receive(wait_seconds=VISIBILITY_SECONDS + 3)
    assert again is not None
    assert time.monotonic() - received_at >= VISIBILITY_SECONDS - 0.5
    assert again.message == first.message
    await queue.ack(again)


async def test_delayed_message_is_held_back_until_its_delay_passes(queue: WebhookQueue) -> None:
    await queue.enqueue(a_message("job-later"), delay_seconds=2)
    await queue.enqueue(a_message("job-now"))
    now = await queue.receive(wait_seconds=5)
    assert now is not None
    assert now.message.job_id == "job-now"
    await queue.ack(now)
    assert await queue.receive(wait_seconds=1) is None
    later = await queue.receive(wait_seconds=5)
    assert later is not None
    assert later.message.job_id == "job-later"
    await queue.ack(later)


async def test_check_passes_when_the_queue_is_reachable(queue: WebhookQueue) -> None:
    await queue.check()


async def test_a_delay_beyond_fifteen_minutes_is_capped_not_refused(sqs: Any, queues: Any) -> None:
    queue = SqsWebhookQueue(sqs, queues.url, VISIBILITY_SECONDS)
    await queue.enqueue(a_message(), delay_seconds=3600)
    assert await queue.receive(wait_seconds=1) is None


@pytest.mark.parametrize(
    ("delay", "seconds"), [(0, 0), (-3, 0), (0.05, 1), (4.2, 5), (900, 900), (5000, 900)]
)
def test_sqs_delays_are_whole_seconds_rounded_up_within_the_limit(
    delay: float, seconds: int
) -> None:
    assert sqs_delay_seconds(delay) == seconds


async def test_message_body_is_the_message_as_json(sqs: Any, queues: Any) -> None:
    await SqsWebhookQueue(sqs, queues.url).enqueue(a_message())
    response = await sqs.receive_message(QueueUrl=queues.url, WaitTimeSeconds=5)
    (received,) = response["Messages"]
    assert msgspec.json.decode(received["Body"], type=WebhookMessage) == a_message()
    assert msgspec.json.decode(received["Body"])["occurred_at"] == "2026-11-27T10:00:00.123000Z"


async def test_undecodable_message_is_given_back_for_the_dead_letter_queue(
    sqs: Any, queues: Any, caplog: pytest.LogCaptureFixture
) -> None:
    queue = SqsWebhookQueue(sqs, queues.url, VISIBILITY_SECONDS)
    await sqs.send_message(QueueUrl=queues.url, MessageBody='{"job_id": 5}')
    assert await queue.receive(wait_seconds=5) is None
    assert "undecodable webhook message" in caplog.text
    again = await sqs.receive_message(QueueUrl=queues.url, WaitTimeSeconds=2)
    assert [message["Body"] for message in again["Messages"]] == ['{"job_id": 5}']


async def test_in_process_queue_drops_a_message_never_acked_after_max_receives() -> None:
    queue = InProcessWebhookQueue(visibility_timeout_seconds=0.05, max_receives=3)
    await queue.enqueue(a_message())
    for _ in range(3):
        assert await queue.receive(wait_seconds=1) is not None
    assert await queue.receive(wait_seconds=0.3) is None
    assert queue.dead_letters == [a_message()]
    assert queue.pending() == 0


async def test_queue_name_resolves_to_its_url(sqs: Any, queues: Any) -> None:
    name = queues.url.rsplit("/", 1)[1]
    assert await resolve_webhook_queue_url(sqs, name) == queues.url
    assert await resolve_webhook_queue_url(sqs, queues.url) == queues.url


async def test_missing_queue_is_unavailable_without_naming_it(sqs: Any, queues: Any) -> None:
    queue = SqsWebhookQueue(sqs, queues.url + "-missing")
    for attempt in (queue.check, lambda: queue.enqueue(a_message())):
        with pytest.raises(DependencyUnavailable) as raised:
            await attempt()
        assert raised.value.dependency == "webhook queue"
        assert "missing" not in str(raised.value)
    with pytest.raises(DependencyUnavailable) as unresolved:
        await resolve_webhook_queue_url(sqs, "sg-test-missing-webhooks")
    assert unresolved.value.dependency == "webhook queue"


async def test_receives_wait_without_blocking_the_event_loop(queue: WebhookQueue) -> None:
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.05)
            ticks += 1

    ticker = asyncio.create_task(tick())
    assert await queue.receive(wait_seconds=1) is None
    ticker.cancel()
    assert ticks >= 10
