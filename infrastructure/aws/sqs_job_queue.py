"""SqsJobQueue: submitted jobs on an SQS queue, with the trace context as message attributes."""

from collections.abc import Mapping
from typing import TYPE_CHECKING

import msgspec

from application.ports import Delivery, QueuedJob
from infrastructure.aws.sqs_queue import MessageKind, ReceivedMessage, SqsQueue, queue_url_of

if TYPE_CHECKING:
    from types_aiobotocore_sqs import SQSClient

DEPENDENCY = "job queue"
JOBS = MessageKind(QueuedJob, "job", DEPENDENCY)
TRACE_ATTRIBUTES = ("traceparent", "tracestate")


class SqsDelivery:
    """A received job message; its receipt handle acks or releases it."""

    def __init__(self, received: ReceivedMessage[QueuedJob]) -> None:
        self.received = received
        self._job = _with_trace_attributes(received)

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
        self._queue = SqsQueue(client, queue_url, JOBS, visibility_timeout_seconds)

    async def enqueue(self, job: QueuedJob) -> None:
        attributes = {
            name: job.trace_context[name]
            for name in TRACE_ATTRIBUTES
            if job.trace_context.get(name)
        }
        await self._queue.send(job, attributes=attributes)

    async def receive(self, *, wait_seconds: float) -> Delivery | None:
        received = await self._queue.receive(wait_seconds=wait_seconds)
        return None if received is None else SqsDelivery(received)

    async def keep_alive(self, delivery: Delivery) -> None:
        await self._queue.change_visibility(
            _receipt_handle(delivery), self._queue.visibility_timeout_seconds
        )

    async def ack(self, delivery: Delivery) -> None:
        await self._queue.delete(_receipt_handle(delivery))

    async def release(self, delivery: Delivery) -> None:
        await self._queue.change_visibility(_receipt_handle(delivery), 0)

    async def check(self) -> None:
        await self._queue.check()


async def resolve_queue_url(client: "SQSClient", name_or_url: str) -> str:
    """`JOBS_QUEUE` may be a URL (used as is) or a queue name (looked up)."""
    return await queue_url_of(client, name_or_url, DEPENDENCY)


def _receipt_handle(delivery: Delivery) -> str:
    if not isinstance(delivery, SqsDelivery):
        raise TypeError(f"not a delivery of this queue: {type(delivery).__name__}")
    return delivery.received.receipt_handle


def _with_trace_attributes(received: ReceivedMessage[QueuedJob]) -> QueuedJob:
    """The body's trace context wins; the attributes fill it in for producers that only set them."""
    job, attributes = received.body, received.attributes
    from_attributes: Mapping[str, str] = {
        name: attributes[name] for name in TRACE_ATTRIBUTES if name in attributes
    }
    if not from_attributes or job.trace_context:
        return job
    return msgspec.structs.replace(job, trace_context=dict(from_attributes))
