"""HttpWebhookSender against a real receiver on loopback that verifies every signature."""

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from application.webhooks.ports import SendResult
from infrastructure.time_and_randomness import SystemClock
from infrastructure.webhooks.sender import USER_AGENT, HttpWebhookSender, parse_retry_after
from tests.silent_server import closed_port
from tests.unit.webhooks.receiver import Reply, WebhookReceiver

BODY = b'{"type":"job.done","timestamp":"2026-11-27T10:00:00Z","data":{"id":"job-1"}}'
MESSAGE_ID = "msg_job-1_terminal"


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    # A client that would follow redirects: the sender must refuse to, whatever its client says.
    async with httpx.AsyncClient(follow_redirects=True) as client:
        yield client


def sender_for(
    http: httpx.AsyncClient, secrets: tuple[str, ...], timeout: float = 5.0
) -> HttpWebhookSender:
    async def current() -> tuple[str, ...]:
        return secrets

    return HttpWebhookSender(http, current, SystemClock(), timeout_seconds=timeout)


async def send(
    http: httpx.AsyncClient, receiver: WebhookReceiver, *replies: Reply, timeout: float = 5.0
) -> SendResult:
    receiver.answer_with(*replies)
    sender = sender_for(http, receiver.secrets, timeout)
    return await sender.send(receiver.url(), message_id=MESSAGE_ID, body=BODY)


async def test_2xx_is_delivered_signed_for_every_rotated_secret(
    http: httpx.AsyncClient, receiver: WebhookReceiver
) -> None:
    before = int(time.time())
    result = await send(http, receiver, Reply(204))
    assert result == SendResult(delivered=True, retryable=False, status_code=204)
    (request,) = receiver.requests
    assert request.body == BODY
    assert request.verified_with == (0, 1)
    assert request.headers["content-type"] == "application/json"
    assert request.headers["user-agent"] == USER_AGENT
    assert request.headers["webhook-id"] == MESSAGE_ID
    assert before <= int(request.headers["webhook-timestamp"]) <= int(time.time())


async def test_500_is_retryable(http: httpx.AsyncClient, receiver: WebhookReceiver) -> None:
    result = await send(http, receiver, Reply(500))
    assert (result.delivered, result.retryable, result.status_code) == (False, True, 500)
    assert result.error == "HTTP 500 Internal Server Error"
    assert result.retry_after_seconds is None


async def test_429_is_retryable_after_the_seconds_it_asks_for(
    http: httpx.AsyncClient, receiver: WebhookReceiver
) -> None:
    result = await send(http, receiver, Reply(429, {"Retry-After": "120"}))
    assert (result.retryable, result.status_code, result.retry_after_seconds) == (True, 429, 120)
    assert result.error == "HTTP 429 Too Many Requests"


async def test_503_retry_after_as_an_http_date_is_read_as_seconds_from_now(
    http: httpx.AsyncClient, receiver: WebhookReceiver
) -> None:
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=90), usegmt=True)
    result = await send(http, receiver, Reply(503, {"Retry-After": later}))
    assert result.retryable
    assert result.retry_after_seconds is not None
    assert 85 <= result.retry_after_seconds <= 90


async def test_410_stops_the_deliveries(http: httpx.AsyncClient, receiver: WebhookReceiver) -> None:
    result = await send(http, receiver, Reply(410))
    assert (result.delivered, result.retryable, result.status_code) == (False, False, 410)
    assert result.error is not None
    assert "asked for no more deliveries" in result.error


async def test_other_4xx_is_final(http: httpx.AsyncClient, receiver: WebhookReceiver) -> None:
    result = await send(http, receiver, Reply(400))
    assert (result.retryable, result.error) == (False, "HTTP 400 Bad Request")


@pytest.mark.parametrize("status", [301, 302, 307, 308])
async def test_redirect_is_not_followed_and_not_retried(
    http: httpx.AsyncClient, receiver: WebhookReceiver, status: int
) -> None:
    target = receiver.url("/redirect-target")
    result = await send(http, receiver, Reply(status, {"Location": target}))
    assert (result.delivered, result.retryable, result.status_code) == (False, False, status)
    assert result.error is not None
    assert "redirects are not followed" in result.error
    # Once the redirect is answered, a followed redirect would have arrived before the
    # sender returned: the receiver records a request when it arrives.
    await asyncio.to_thread(_wait_for_one_answer, receiver)
    assert receiver.paths() == ["/hook"]


async def test_receiver_slower_than_the_timeout_is_retryable(
    http: httpx.AsyncClient, receiver: WebhookReceiver
) -> None:
    started = time.monotonic()
    result = await send(http, receiver, Reply(200, delay_seconds=2.0), timeout=0.3)
    assert time.monotonic() - started < 1.5
    assert (result.delivered, result.retryable, result.status_code) == (False, True, None)
    assert result.error == "timed out after 0.3 s"


async def test_refused_connection_is_retryable(http: httpx.AsyncClient) -> None:
    sender = sender_for(http, ("whsec_" + "A" * 32,))
    url = f"http://127.0.0.1:{closed_port()}/hook"
    result = await sender.send(url, message_id=MESSAGE_ID, body=BODY)
    assert (result.delivered, result.retryable) == (False, True)
    assert result.error is not None
    assert result.error.startswith("connection failed: ConnectError")
    assert "\n" not in result.error


async def test_a_huge_response_body_is_not_read(
    http: httpx.AsyncClient, receiver: WebhookReceiver
) -> None:
    result = await send(http, receiver, Reply(200, body_bytes=64 * 1024 * 1024))
    assert result.delivered
    await asyncio.to_thread(_wait_for_one_answer, receiver)
    assert receiver.answers_written == [False]


def _wait_for_one_answer(receiver: WebhookReceiver) -> None:
    with receiver.arrived:
        assert receiver.arrived.wait_for(lambda: len(receiver.answers_written) == 1, timeout=30)


async def test_unsupported_scheme_is_final(http: httpx.AsyncClient) -> None:
    sender = sender_for(http, ("whsec_" + "A" * 32,))
    result = await sender.send("ftp://127.0.0.1/hook", message_id=MESSAGE_ID, body=BODY)
    assert (result.delivered, result.retryable) == (False, False)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("0", 0.0),
        (" 30 ", 30.0),
        ("Fri, 27 Nov 2026 10:01:00 GMT", 60.0),
        ("Fri, 27 Nov 2026 09:00:00 GMT", 0.0),
        ("soon", None),
        ("-5", None),
        ("1.5", None),
        (None, None),
    ],
)
def test_retry_after_is_read_as_seconds_or_an_http_date(
    header: str | None, seconds: float | None
) -> None:
    now = datetime(2026, 11, 27, 10, 0, 0, tzinfo=UTC)
    assert parse_retry_after(header, now=now) == seconds
