"""SqsJobQueue: submitted jobs on an SQS queue, with the trace context as message attributes."""

from collections.abc import Awaitable, Mapping
from typing import TYPE_CHECKING, TypeVar

import msgspec

from application.ports import Delivery, QueuedJob
from infrastructure.aws.errors import reported_as
from infrastructure.aws.sqs_calls import bounded, give_back_undecodable, queue_url_of

if TYPE_CHECKING:
    from types_aiobotocore_sqs import SQSClient
    from types_aiobotocore_sqs.type_defs import (
        MessageAttributeValueOutputTypeDef,
        MessageAttributeValueTypeDef,
        MessageTypeDef,
    )

DEPENDENCY = "job queue"
MAX_WAIT_SECONDS = 20
T = TypeVar("T")
TRACE_ATTRIBUTES = ("traceparent", "tracestate")


class SqsDelivery:
    """One received message: the job, and the receipt handle that acks or releases it."""

    def __init__(self, job: QueuedJob, *, receipt_handle: str, message_id: str) -> None:
        self._job = job
        self.receipt_handle = receipt_handle
        self.message_id = message_id

    @property
    def job(self) -> QueuedJob:
        return self._job


class SqsJobQueue:
    """At-least-once delivery; a message that cannot be decoded goes back until SQS dead-letters it.

    Messages are received with `visibility_timeout_seconds`; a worker calls `keep_alive` more often
    than that while it runs, so no other worker takes the job meanwhile.
    """

    def __init__(
        self, client: "SQSClient", queue_url: str, visibility_timeout_seconds: int = 60
    ) -> None:
        self._client = client
        self._queue_url = queue_url
        self._visibility_timeout = visibility_timeout_seconds

    async def enqueue(self, job: QueuedJob) -> None:
        attributes: dict[str, MessageAttributeValueTypeDef] = {
            name: {"DataType": "String", "StringValue": job.trace_context[name]}
            for name in TRACE_ATTRIBUTES
            if job.trace_context.get(name)
        }
        await _bounded(
            self._client.send_message(
                QueueUrl=self._queue_url,
                MessageBody=msgspec.json.encode(job).decode(),
                MessageAttributes=attributes,
            )
        )

    async def receive(self, *, wait_seconds: float) -> Delivery | None:
        with reported_as(DEPENDENCY):
            response = await self._client.receive_message(
                QueueUrl=self._queue_url,
                MaxNumberOfMessages=1,
                WaitTimeSeconds=max(0, min(MAX_WAIT_SECONDS, int(wait_seconds))),
                VisibilityTimeout=self._visibility_timeout,
                MessageAttributeNames=["All"],
                MessageSystemAttributeNames=["ApproximateReceiveCount"],
            )
        messages: list[MessageTypeDef] = response.get("Messages", [])
        if not messages:
            return None
        message = messages[0]
        try:
            job = msgspec.json.decode(message["Body"], type=QueuedJob)
        except msgspec.DecodeError as error:
            await self._give_back_undecodable(message, error)
            return None
        return SqsDelivery(
            _with_trace_attributes(job, message.get("MessageAttributes", {})),
            receipt_handle=message["ReceiptHandle"],
            message_id=message["MessageId"],
        )

    async def keep_alive(self, delivery: Delivery) -> None:
        await self._change_visibility(delivery, self._visibility_timeout)

    async def ack(self, delivery: Delivery) -> None:
        await _bounded(
            self._client.delete_message(
                QueueUrl=self._queue_url, ReceiptHandle=_receipt_handle(delivery)
            )
        )

    async def release(self, delivery: Delivery) -> None:
        await self._change_visibility(delivery, 0)

    async def check(self) -> None:
        await _bounded(
            self._client.get_queue_attributes(QueueUrl=self._queue_url, AttributeNames=["QueueArn"])
        )

    async def _change_visibility(self, delivery: Delivery, seconds: int) -> None:
        await _bounded(
            self._client.change_message_visibility(
                QueueUrl=self._queue_url,
                ReceiptHandle=_receipt_handle(delivery),
                VisibilityTimeout=seconds,
            )
        )

    async def _give_back_undecodable(self, message: "MessageTypeDef", error: Exception) -> None:
        await give_back_undecodable(
            self._client, self._queue_url, message, error, kind="job", dependency=DEPENDENCY
        )


async def resolve_queue_url(client: "SQSClient", name_or_url: str) -> str:
    """`JOBS_QUEUE` may be a URL (used as is) or a queue name (looked up)."""
    return await queue_url_of(client, name_or_url, DEPENDENCY)


async def _bounded(call: Awaitable[T]) -> T:
    return await bounded(call, DEPENDENCY)


def _receipt_handle(delivery: Delivery) -> str:
    if not isinstance(delivery, SqsDelivery):
        raise TypeError(f"not a delivery of this queue: {type(delivery).__name__}")
    return delivery.receipt_handle


def _with_trace_attributes(
    job: QueuedJob, attributes: Mapping[str, "MessageAttributeValueOutputTypeDef"]
) -> QueuedJob:
    """The body's trace context wins; the attributes fill it in for producers that only set them."""
    from_attributes = {
        name: str(attributes[name]["StringValue"])
        for name in TRACE_ATTRIBUTES
        if name in attributes and "StringValue" in attributes[name]
    }
    if not from_attributes or job.trace_context:
        return job
    return msgspec.structs.replace(job, trace_context=from_attributes)
