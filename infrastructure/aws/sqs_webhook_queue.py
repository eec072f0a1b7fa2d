"""SqsWebhookQueue: webhook messages on an SQS queue, delayed with DelaySeconds for retries."""

from typing import TYPE_CHECKING

from application.webhooks.ports import WebhookDelivery, WebhookMessage
from infrastructure.aws.sqs_queue import MessageKind, ReceivedMessage, SqsQueue, queue_url_of

if TYPE_CHECKING:
    from types_aiobotocore_sqs import SQSClient

DEPENDENCY = "webhook queue"
WEBHOOKS = MessageKind(WebhookMessage, "webhook", DEPENDENCY)


class SqsWebhookDelivery:
    """A received webhook message; its receipt handle acks it."""

    def __init__(self, received: ReceivedMessage[WebhookMessage]) -> None:
        self.received = received

    @property
    def message(self) -> WebhookMessage:
        return self.received.body


class SqsWebhookQueue:
    """At least once and durable: a message received and not acked within
    `visibility_timeout_seconds` comes back; one that cannot be decoded is given back at once
    until the queue's redrive policy dead-letters it."""

    def __init__(
        self, client: "SQSClient", queue_url: str, visibility_timeout_seconds: int = 60
    ) -> None:
        self._queue = SqsQueue(client, queue_url, WEBHOOKS, visibility_timeout_seconds)

    async def enqueue(self, message: WebhookMessage, *, delay_seconds: float = 0) -> None:
        await self._queue.send(message, delay_seconds=delay_seconds)

    async def receive(self, *, wait_seconds: float) -> WebhookDelivery | None:
        received = await self._queue.receive(wait_seconds=wait_seconds)
        return None if received is None else SqsWebhookDelivery(received)

    async def ack(self, delivery: WebhookDelivery) -> None:
        if not isinstance(delivery, SqsWebhookDelivery):
            raise TypeError(f"not a delivery of this queue: {type(delivery).__name__}")
        await self._queue.delete(delivery.received.receipt_handle)

    async def check(self) -> None:
        await self._queue.check()


async def resolve_webhook_queue_url(client: "SQSClient", name_or_url: str) -> str:
    """A URL is used as is; a name is looked up (failures name the webhook queue)."""
    return await queue_url_of(client, name_or_url, DEPENDENCY)
