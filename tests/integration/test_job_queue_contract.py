"""JobQueue contract: the in-process queue and SQS (emulated) deliver, release and ack alike."""

import asyncio
import json
from typing import Any

import msgspec
import pytest

from application.errors import DependencyUnavailable
from application.ports import JobQueue, QueuedJob
from domain.jobs import JobRequest
from infrastructure.aws.provision import MAX_RECEIVE_COUNT
from infrastructure.aws.sqs_job_queue import SqsJobQueue, resolve_queue_url
from infrastructure.memory.queue import InProcessJobQueue

pytestmark = pytest.mark.integration

TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
VISIBILITY_SECONDS = 2


@pytest.fixture(params=["memory", "sqs"])
def queue(request: pytest.FixtureRequest) -> JobQueue:
    if request.param == "memory":
        return InProcessJobQueue()
    queues: Any = request.getfixturevalue("queues")
    return SqsJobQueue(request.getfixturevalue("sqs"), queues.url, VISIBILITY_SECONDS)


def a_job(job_id: str = "job-1", **trace_context: str) -> QueuedJob:
    request = JobRequest(prompt="a lighthouse on a cliff", seed=42, width=48, height=24)
    return QueuedJob(job_id=job_id, request=request, trace_context=trace_context)


async def test_enqueued_job_is_received_whole(queue: JobQueue) -> None:
    job = a_job(traceparent=TRACEPARENT, tracestate="vendor=1")
    await queue.enqueue(job)
    delivery = await queue.receive(wait_seconds=5)
    assert delivery is not None
    assert delivery.job == job
    await queue.ack(delivery)


async def test_empty_queue_receives_nothing(queue: JobQueue) -> None:
    assert await queue.receive(wait_seconds=1) is None


async def test_acked_job_is_not_delivered_again(queue: JobQueue) -> None:
    await queue.enqueue(a_job())
    delivery = await queue.receive(wait_seconds=5)
    assert delivery is not None
    await queue.ack(delivery)
    assert await queue.receive(wait_seconds=VISIBILITY_SECONDS + 1) is None


async def test_released_job_is_delivered_again_at_once(queue: JobQueue) -> None:
    await queue.enqueue(a_job("job-released"))
    first = await queue.receive(wait_seconds=5)
    assert first is not None
    await queue.release(first)
    again = await queue.receive(wait_seconds=1)
    assert again is not None
    assert again.job == first.job
    await queue.ack(again)


async def test_check_passes_when_the_queue_is_reachable(queue: JobQueue) -> None:
    await queue.check()


async def test_trace_context_travels_as_message_attributes(sqs: Any, queues: Any) -> None:
    await SqsJobQueue(sqs, queues.url).enqueue(a_job(traceparent=TRACEPARENT, tracestate="v=1"))
    response = await sqs.receive_message(
        QueueUrl=queues.url, WaitTimeSeconds=5, MessageAttributeNames=["All"]
    )
    (message,) = response["Messages"]
    attributes = message["MessageAttributes"]
    assert attributes["traceparent"] == {"DataType": "String", "StringValue": TRACEPARENT}
    assert attributes["tracestate"] == {"DataType": "String", "StringValue": "v=1"}
    assert msgspec.json.decode(message["Body"], type=QueuedJob).job_id == "job-1"


async def test_trace_context_is_read_from_attributes_when_the_body_has_none(
    sqs: Any, queues: Any
) -> None:
    body = msgspec.json.encode(a_job()).decode()
    attributes = {"traceparent": {"DataType": "String", "StringValue": TRACEPARENT}}
    await sqs.send_message(QueueUrl=queues.url, MessageBody=body, MessageAttributes=attributes)
    delivery = await SqsJobQueue(sqs, queues.url).receive(wait_seconds=5)
    assert delivery is not None
    assert delivery.job.trace_context == {"traceparent": TRACEPARENT}


async def test_unacked_job_comes_back_after_the_visibility_timeout(sqs: Any, queues: Any) -> None:
    queue = SqsJobQueue(sqs, queues.url, visibility_timeout_seconds=1)
    await queue.enqueue(a_job())
    assert await queue.receive(wait_seconds=5) is not None
    again = await queue.receive(wait_seconds=4)
    assert again is not None
    assert again.job == a_job()


async def test_keep_alive_keeps_the_job_from_other_workers(sqs: Any, queues: Any) -> None:
    queue = SqsJobQueue(sqs, queues.url, visibility_timeout_seconds=6)
    await queue.enqueue(a_job())
    delivery = await queue.receive(wait_seconds=5)
    assert delivery is not None
    # Time has to pass here: past the first visibility timeout, with 3 s of slack at each
    # extension for a busy machine.
    for _ in range(2):
        await asyncio.sleep(3)
        await queue.keep_alive(delivery)
    assert await queue.receive(wait_seconds=1) is None
    await queue.ack(delivery)


async def test_poison_message_reaches_the_dead_letter_queue(
    sqs: Any, queues: Any, caplog: pytest.LogCaptureFixture
) -> None:
    queue = SqsJobQueue(sqs, queues.url)
    await sqs.send_message(QueueUrl=queues.url, MessageBody="{not a job")
    for _ in range(MAX_RECEIVE_COUNT + 1):
        assert await queue.receive(wait_seconds=1) is None
    dead = await sqs.receive_message(QueueUrl=queues.dead_letter_url, WaitTimeSeconds=2)
    assert [message["Body"] for message in dead.get("Messages", [])] == ["{not a job"]
    left = await sqs.receive_message(QueueUrl=queues.url, WaitTimeSeconds=0)
    assert left.get("Messages", []) == []
    assert "undecodable job message" in caplog.text


async def test_dead_letter_policy_is_on_the_queue(sqs: Any, queues: Any) -> None:
    attributes = await sqs.get_queue_attributes(
        QueueUrl=queues.url, AttributeNames=["RedrivePolicy"]
    )
    policy = json.loads(attributes["Attributes"]["RedrivePolicy"])
    assert int(policy["maxReceiveCount"]) == MAX_RECEIVE_COUNT
    assert policy["deadLetterTargetArn"].endswith("-dlq")


async def test_queue_name_resolves_to_its_url(sqs: Any, queues: Any) -> None:
    name = queues.url.rsplit("/", 1)[1]
    assert await resolve_queue_url(sqs, name) == queues.url
    assert await resolve_queue_url(sqs, queues.url) == queues.url


async def test_missing_queue_is_unavailable_without_naming_it(sqs: Any, queues: Any) -> None:
    missing = queues.url + "-missing"
    queue = SqsJobQueue(sqs, missing)
    for attempt in (queue.check, lambda: queue.enqueue(a_job())):
        with pytest.raises(DependencyUnavailable) as raised:
            await attempt()
        assert raised.value.dependency == "job queue"
        assert "missing" not in str(raised.value)
    with pytest.raises(DependencyUnavailable):
        await resolve_queue_url(sqs, "sg-test-missing-queue")
