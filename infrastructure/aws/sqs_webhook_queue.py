"""SqsWebhookQueue: webhook messages on an SQS queue, delayed with DelaySeconds for retries."""

import math
from collections.abc import Awaitable
from typing import TYPE_CHECKING, TypeVar

import msgspec

from application.webhooks.ports import WebhookDelivery, WebhookMessage
from infrastructure.aws.errors import reported_as
from infrastructure.aws.sqs_calls import bounded, give_back_undecodable, queue_url_of

if TYPE_CHECKING:
    from types_aiobotocore_sqs import SQSClient
    from types_aiobotocore_sqs.type_defs import MessageTypeDef

DEPENDENCY = "webhook queue"
MAX_WAIT_SECONDS = 20
MAX_DELAY_SECONDS = 900
T = TypeVar("T")


class SqsWebhookDelivery:
    """One received message and the receipt handle that acks it."""

    def __init__(self, message: WebhookMessage, *, receipt_handle: str) -> None:
        self._message = message
        self.receipt_handle = receipt_handle

    @property
    def message(self) -> WebhookMessage:
        return self._message


class SqsWebhookQueue:
    """At least once and durable: a message received and not acked within
    `visibility_timeout_seconds` comes back; one that cannot be decoded is given back at once
    until the queue's redrive policy dead-letters it."""

    def __init__(
        self, client: "SQSClient", queue_url: str, visibility_timeout_seconds: int = 60
    ) -> None:
        self._client = client
        self._queue_url = queue_url
        self._visibility_timeout = visibility_timeout_seconds

    async def enqueue(self, message: WebhookMessage, *, delay_seconds: float = 0) -> None:
        await _bounded(
            self._client.send_message(
                QueueUrl=self._queue_url,
                MessageBody=msgspec.json.encode(message).decode(),
                DelaySeconds=sqs_delay_seconds(delay_seconds),
            )
        )

    async def receive(self, *, wait_seconds: float) -> WebhookDelivery | None:
        with reported_as(DEPENDENCY):
            response = await self._client.receive_message(
                QueueUrl=self._queue_url,
                MaxNumberOfMessages=1,
                WaitTimeSeconds=max(0, min(MAX_WAIT_SECONDS, int(wait_seconds))),
                VisibilityTimeout=self._visibility_timeout,
                MessageSystemAttributeNames=["ApproximateReceiveCount"],
            )
        messages: list[MessageTypeDef] = response.get("Messages", [])
        if not messages:
            return None
        received = messages[0]
        try:
            message = msgspec.json.decode(received["Body"], type=WebhookMessage)
        except msgspec.DecodeError as error:
            await self._give_back_undecodable(received, error)
            return None
        return SqsWebhookDelivery(message, receipt_handle=received["ReceiptHandle"])

    async def ack(self, delivery: WebhookDelivery) -> None:
        if not isinstance(delivery, SqsWebhookDelivery):
            raise TypeError(f"not a delivery of this queue: {type(delivery).__name__}")
        await _bounded(
            self._client.delete_message(
                QueueUrl=self._queue_url, ReceiptHandle=delivery.receipt_handle
            )
        )

    async def check(self) -> None:
        await _bounded(
            self._client.get_queue_attributes(QueueUrl=self._queue_url, AttributeNames=["QueueArn"])
        )

    async def _give_back_undecodable(self, message: "MessageTypeDef", error: Exception) -> None:
        await give_back_undecodable(
            self._client, self._queue_url, message, error, kind="webhook", dependency=DEPENDENCY
        )


def sqs_delay_seconds(delay_seconds: float) -> int:
    """Whole seconds, rounded up so a retry never comes early, within SQS's 0..900."""
    if not delay_seconds > 0:
        return 0
    return min(MAX_DELAY_SECONDS, math.ceil(delay_seconds))


async def resolve_webhook_queue_url(client: "SQSClient", name_or_url: str) -> str:
    """A URL is used as is; a name is looked up (failures name the webhook queue)."""
    return await queue_url_of(client, name_or_url, DEPENDENCY)


async def _bounded(call: Awaitable[T]) -> T:
    return await bounded(call, DEPENDENCY)
