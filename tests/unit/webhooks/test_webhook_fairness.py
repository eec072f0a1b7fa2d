"""One slow or silent receiver delays nobody else: at most `per_destination` of its deliveries
are under way at once; the rest wait on the queue while other receivers' deliveries go on.

The silent receiver accepts connections and never answers, and the sender's deadline is far
longer than these tests: each test waits for the other receiver's delivery and checks that the
silent one's are still under way, so no timing decides the outcome.
"""

import asyncio
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from application.webhooks.dispatcher import WebhookDispatcher, destination_of
from infrastructure.memory.webhook_queue import InProcessWebhookQueue
from infrastructure.time_and_randomness import SystemClock
from infrastructure.webhooks.sender import HttpWebhookSender
from infrastructure.webhooks.url_guard import WebhookUrlPolicy
from tests.silent_server import SilentServer
from tests.unit.webhooks.doubles import FakePayloads, RecordingLog, a_message
from tests.unit.webhooks.receiver import WebhookReceiver, wait_for_requests

SILENT_JOBS = 6
SENDER_DEADLINE_SECONDS = 120.0


@pytest.fixture
def silent() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.close()


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=64)) as client:
        yield client


def dispatcher(
    http: httpx.AsyncClient,
    receiver: WebhookReceiver,
    queue: InProcessWebhookQueue,
    log: RecordingLog,
    *,
    concurrency: int = 4,
    per_destination: int = 2,
) -> WebhookDispatcher:
    async def secrets() -> tuple[str, ...]:
        return receiver.secrets

    job_ids = [f"silent-{n}" for n in range(SILENT_JOBS)]
    return WebhookDispatcher(
        queue,
        HttpWebhookSender(http, secrets, SystemClock(), timeout_seconds=SENDER_DEADLINE_SECONDS),
        WebhookUrlPolicy(allow_private=True, allow_http=True),
        FakePayloads("prompt", *job_ids),
        log,
        SystemClock(),
        5,
        receive_wait_seconds=0.05,
        concurrency=concurrency,
        per_destination=per_destination,
        defer_seconds=0.05,
    )


async def test_a_silent_receiver_holds_at_most_its_share_and_others_are_delivered(
    http: httpx.AsyncClient, receiver: WebhookReceiver, silent: SilentServer
) -> None:
    queue = InProcessWebhookQueue(visibility_timeout_seconds=600)
    log = RecordingLog()
    webhooks = dispatcher(http, receiver, queue, log)
    silent_url = f"http://127.0.0.1:{silent.port}/hook"
    for n in range(SILENT_JOBS):  # more than the dispatcher's four slots
        await queue.enqueue(a_message(silent_url, job_id=f"silent-{n}"))
    webhooks.start()
    try:
        await queue.enqueue(a_message(receiver.url(), job_id="prompt"))
        await asyncio.to_thread(wait_for_requests, receiver, 1)
        # Delivered while every silent delivery is still waiting for its answer.
        assert log.attempts == []
        assert silent.connections <= 2, "one receiver holds at most its per-destination share"
    finally:
        await webhooks.stop(0.1)
    assert [request.headers["webhook-id"] for request in receiver.requests] == [
        "msg_prompt_terminal"
    ]


async def test_without_a_per_destination_share_the_silent_receiver_takes_every_slot(
    http: httpx.AsyncClient, receiver: WebhookReceiver, silent: SilentServer
) -> None:
    # The same run with the share as large as the slots (what main did): the prompt receiver's
    # delivery waits behind the silent ones. Shows the test above can fail.
    queue = InProcessWebhookQueue(visibility_timeout_seconds=600)
    webhooks = dispatcher(http, receiver, queue, RecordingLog(), concurrency=4, per_destination=4)
    silent_url = f"http://127.0.0.1:{silent.port}/hook"
    for n in range(SILENT_JOBS):
        await queue.enqueue(a_message(silent_url, job_id=f"silent-{n}"))
    webhooks.start()
    try:
        await queue.enqueue(a_message(receiver.url(), job_id="prompt"))
        with pytest.raises(AssertionError, match="0 requests arrived"):
            await asyncio.to_thread(wait_for_requests, receiver, 1, 2.0)
    finally:
        await webhooks.stop(0.1)


@pytest.mark.parametrize(
    ("url", "destination"),
    [
        ("https://Hooks.Example.com/a", "https://hooks.example.com:443"),
        ("https://hooks.example.com:443/b?x=1", "https://hooks.example.com:443"),
        ("http://10.0.0.1:8080/c", "http://10.0.0.1:8080"),
        ("http://[::1]/d", "http://::1:80"),
    ],
)
def test_a_destination_is_scheme_host_and_port(url: str, destination: str) -> None:
    assert destination_of(url) == destination
