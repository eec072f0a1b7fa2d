"""What both SQS queues (jobs and webhooks) do the same way: bounded calls, the queue URL from
a name, and giving back a message that cannot be decoded."""

import logging
from collections.abc import Awaitable
from typing import TYPE_CHECKING, TypeVar

from infrastructure.aws.deadlines import within_request_deadline
from infrastructure.aws.errors import reported_as

if TYPE_CHECKING:
    from types_aiobotocore_sqs import SQSClient
    from types_aiobotocore_sqs.type_defs import MessageTypeDef

T = TypeVar("T")

logger = logging.getLogger(__name__)


async def bounded(call: Awaitable[T], dependency: str) -> T:
    """Every call but a receive (whose long poll outlasts it): within the request deadline;
    any failure is DependencyUnavailable(dependency)."""
    with reported_as(dependency):
        return await within_request_deadline(call, dependency)


async def queue_url_of(client: "SQSClient", name_or_url: str, dependency: str) -> str:
    """A URL is used as is; a name is looked up (failures name `dependency`)."""
    if name_or_url.startswith(("https://", "http://")):
        return name_or_url
    with reported_as(dependency):
        response = await client.get_queue_url(QueueName=name_or_url)
    url: str = response["QueueUrl"]
    return url


async def give_back_undecodable(
    client: "SQSClient",
    queue_url: str,
    message: "MessageTypeDef",
    error: Exception,
    *,
    kind: str,
    dependency: str,
) -> None:
    """Released, not deleted: the redrive policy moves it to the dead-letter queue."""
    receive_count = message.get("Attributes", {}).get("ApproximateReceiveCount", "?")
    logger.warning(
        "undecodable %s message %s (received %s times) left for the dead-letter queue: %s",
        kind,
        message.get("MessageId"),
        receive_count,
        error,
    )
    await bounded(
        client.change_message_visibility(
            QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"], VisibilityTimeout=0
        ),
        dependency,
    )
