"""SqsQueue: msgspec-typed messages on one SQS queue, the plumbing the job and webhook queues share.

Every call but a receive (whose long poll outlasts it) runs within the request deadline, and any
failure is `DependencyUnavailable` naming the queue. A message whose body cannot be decoded is
given back at once (not deleted) until the queue's redrive policy dead-letters it.
"""

import logging
import math
from collections.abc import Awaitable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import msgspec

from infrastructure.aws.deadlines import within_request_deadline
from infrastructure.aws.errors import reported_as

if TYPE_CHECKING:
    from types_aiobotocore_sqs import SQSClient
    from types_aiobotocore_sqs.type_defs import MessageAttributeValueOutputTypeDef, MessageTypeDef

MAX_WAIT_SECONDS = 20
"""SQS's longest long poll."""
MAX_DELAY_SECONDS = 900
"""SQS's longest `DelaySeconds`."""

Body = TypeVar("Body")
T = TypeVar("T")

logger = logging.getLogger(__name__)


class ReceivedMessage(Generic[Body]):
    """One received message: its decoded body, its string attributes and its receipt handle."""

    def __init__(
        self, body: Body, *, receipt_handle: str, message_id: str, attributes: Mapping[str, str]
    ) -> None:
        self.body = body
        self.receipt_handle = receipt_handle
        self.message_id = message_id
        self.attributes = attributes


@dataclass(frozen=True)
class MessageKind(Generic[Body]):
    """What a queue carries: the body's type, its name in logs, the dependency named in errors."""

    body_type: type[Body]
    name: str
    dependency: str


class SqsQueue(Generic[Body]):
    """One SQS queue of JSON messages of one kind, received one at a time with
    `visibility_timeout_seconds`."""

    def __init__(
        self,
        client: "SQSClient",
        queue_url: str,
        kind: MessageKind[Body],
        visibility_timeout_seconds: int,
    ) -> None:
        self._client = client
        self._queue_url = queue_url
        self._body_type = kind.body_type
        self.visibility_timeout_seconds = visibility_timeout_seconds
        self._kind = kind.name
        self._dependency = kind.dependency

    async def send(
        self,
        body: Body,
        *,
        attributes: Mapping[str, str] | None = None,
        delay_seconds: float | None = None,
    ) -> None:
        """Sends `body`; `attributes` as String message attributes; `delay_seconds` rounded up."""
        extra: dict[str, Any] = {}
        if attributes is not None:
            extra["MessageAttributes"] = {
                name: {"DataType": "String", "StringValue": value}
                for name, value in attributes.items()
            }
        if delay_seconds is not None:
            extra["DelaySeconds"] = sqs_delay_seconds(delay_seconds)
        await self._bounded(
            self._client.send_message(
                QueueUrl=self._queue_url,
                MessageBody=msgspec.json.encode(body).decode(),
                **extra,
            )
        )

    async def receive(self, *, wait_seconds: float) -> ReceivedMessage[Body] | None:
        """One message, waiting up to `wait_seconds` (at most 20) for it."""
        with reported_as(self._dependency):
            response = await self._client.receive_message(
                QueueUrl=self._queue_url,
                MaxNumberOfMessages=1,
                WaitTimeSeconds=max(0, min(MAX_WAIT_SECONDS, int(wait_seconds))),
                VisibilityTimeout=self.visibility_timeout_seconds,
                MessageAttributeNames=["All"],
                MessageSystemAttributeNames=["ApproximateReceiveCount"],
            )
        messages: list[MessageTypeDef] = response.get("Messages", [])
        if not messages:
            return None
        message = messages[0]
        try:
            body = msgspec.json.decode(message["Body"], type=self._body_type)
        except msgspec.DecodeError as error:
            await self._give_back_undecodable(message, error)
            return None
        return ReceivedMessage(
            body,
            receipt_handle=message["ReceiptHandle"],
            message_id=message["MessageId"],
            attributes=_string_attributes(message.get("MessageAttributes", {})),
        )

    async def delete(self, receipt_handle: str) -> None:
        await self._bounded(
            self._client.delete_message(QueueUrl=self._queue_url, ReceiptHandle=receipt_handle)
        )

    async def change_visibility(self, receipt_handle: str, seconds: int) -> None:
        await self._bounded(
            self._client.change_message_visibility(
                QueueUrl=self._queue_url, ReceiptHandle=receipt_handle, VisibilityTimeout=seconds
            )
        )

    async def check(self) -> None:
        """Raises `DependencyUnavailable` unless the queue answers."""
        await self._bounded(
            self._client.get_queue_attributes(QueueUrl=self._queue_url, AttributeNames=["QueueArn"])
        )

    async def _give_back_undecodable(self, message: "MessageTypeDef", error: Exception) -> None:
        """Released, not deleted: the redrive policy moves it to the dead-letter queue."""
        receive_count = message.get("Attributes", {}).get("ApproximateReceiveCount", "?")
        logger.warning(
            "undecodable %s message %s (received %s times) left for the dead-letter queue: %s",
            self._kind,
            message.get("MessageId"),
            receive_count,
            error,
        )
        await self.change_visibility(message["ReceiptHandle"], 0)

    async def _bounded(self, call: Awaitable[T]) -> T:
        with reported_as(self._dependency):
            return await within_request_deadline(call, self._dependency)


async def queue_url_of(client: "SQSClient", name_or_url: str, dependency: str) -> str:
    """A URL is used as is; a name is looked up (failures name `dependency`)."""
    if name_or_url.startswith(("https://", "http://")):
        return name_or_url
    with reported_as(dependency):
        response = await client.get_queue_url(QueueName=name_or_url)
    url: str = response["QueueUrl"]
    return url


def sqs_delay_seconds(delay_seconds: float) -> int:
    """Whole seconds, rounded up so a retry never comes early, within SQS's 0..900."""
    if not delay_seconds > 0:
        return 0
    return min(MAX_DELAY_SECONDS, math.ceil(delay_seconds))


def _string_attributes(
    attributes: Mapping[str, "MessageAttributeValueOutputTypeDef"],
) -> dict[str, str]:
    return {
        name: str(value["StringValue"])
        for name, value in attributes.items()
        if "StringValue" in value
    }
