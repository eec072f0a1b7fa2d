"""HttpWebhookSender with the URL policy: it connects only to addresses the policy vetted."""

import socket
from collections.abc import AsyncIterator, Iterator, Sequence

import httpx
import pytest

from infrastructure.time_and_randomness import SystemClock
from infrastructure.webhooks.sender import HttpWebhookSender
from infrastructure.webhooks.url_guard import WebhookUrlPolicy
from tests.unit.webhooks.doubles import FakeDns
from tests.unit.webhooks.receiver import WebhookReceiver
from tests.unit.webhooks.tls import TLS_HOST, TlsFiles

BODY = b'{"type":"job.done","timestamp":"2026-11-27T10:00:00Z","data":{"id":"job-1"}}'
PUBLIC_V4 = "93.184.215.14"


class RebindingDns:
    """Answers a public address once, then loopback: the classic DNS-rebinding attack."""

    def __init__(self) -> None:
        self.answers = [[PUBLIC_V4], ["127.0.0.1"]]

    async def __call__(self, host: str, port: int) -> Sequence[str]:
        if not self.answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return self.answers.pop(0)


def pinned_sender(
    client: httpx.AsyncClient, secrets: tuple[str, ...], policy: WebhookUrlPolicy
) -> HttpWebhookSender:
    async def current() -> tuple[str, ...]:
        return secrets

    return HttpWebhookSender(client, current, SystemClock(), timeout_seconds=3, policy=policy)


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as client:
        yield client


@pytest.fixture
def tls_receiver(
    rotated_secrets: tuple[str, str], tls_files: TlsFiles
) -> Iterator[WebhookReceiver]:
    running = WebhookReceiver(rotated_secrets, tls=tls_files.server_context())
    yield running
    running.close()


async def test_the_connection_goes_to_the_vetted_address_under_the_url_host(
    http: httpx.AsyncClient, receiver: WebhookReceiver
) -> None:
    dns = FakeDns(hooks_test=["127.0.0.1"])
    policy = WebhookUrlPolicy(allow_private=True, allow_http=True, resolve=dns)
    url = receiver.url(host="hooks.test")
    result = await pinned_sender(http, receiver.secrets, policy).send(
        url, message_id="msg_1", body=BODY
    )
    assert result.delivered, result.error
    (request,) = receiver.requests
    assert request.headers["host"] == f"hooks.test:{receiver.port}"
    assert request.verified_with == (0, 1)
    assert dns.asked == [("hooks.test", receiver.port)]


async def test_an_address_that_refuses_falls_back_to_the_next_one(
    http: httpx.AsyncClient, receiver: WebhookReceiver
) -> None:
    dns = FakeDns(hooks_test=["127.0.0.2", "127.0.0.1"])  # only 127.0.0.1 listens
    policy = WebhookUrlPolicy(allow_private=True, allow_http=True, resolve=dns)
    result = await pinned_sender(http, receiver.secrets, policy).send(
        receiver.url(host="hooks.test"), message_id="msg_1", body=BODY
    )
    assert result.delivered, result.error


async def test_a_host_that_rebinds_to_loopback_after_the_check_is_not_called(
    http: httpx.AsyncClient, receiver: WebhookReceiver
) -> None:
    policy = WebhookUrlPolicy(allow_private=False, allow_http=True, resolve=RebindingDns())
    url = receiver.url(host="rebind.test")
    await policy.check(url)  # the dispatcher's check sees the public address
    result = await pinned_sender(http, receiver.secrets, policy).send(
        url, message_id="msg_1", body=BODY
    )
    assert (result.delivered, result.retryable) == (False, False)
    assert result.error == (
        "webhook URL refused: webhook host resolves to a loopback address (127.0.0.1)"
    )
    assert receiver.requests == []


async def test_a_host_that_stops_resolving_is_retryable(
    http: httpx.AsyncClient, receiver: WebhookReceiver
) -> None:
    policy = WebhookUrlPolicy(allow_private=True, allow_http=True, resolve=FakeDns())
    result = await pinned_sender(http, receiver.secrets, policy).send(
        receiver.url(host="gone.test"), message_id="msg_1", body=BODY
    )
    assert (result.delivered, result.retryable) == (False, True)
    assert result.error is not None
    assert "gone.test could not be resolved" in result.error


async def test_tls_is_verified_against_the_url_host_not_the_address(
    tls_receiver: WebhookReceiver, tls_files: TlsFiles
) -> None:
    dns = FakeDns(receiver_test=["127.0.0.1"], impostor_test=["127.0.0.1"])
    policy = WebhookUrlPolicy(allow_private=True, allow_http=False, resolve=dns)
    async with httpx.AsyncClient(verify=tls_files.client_context()) as client:
        sender = pinned_sender(client, tls_receiver.secrets, policy)
        good = await sender.send(
            tls_receiver.url(host=TLS_HOST, scheme="https"), message_id="msg_1", body=BODY
        )
        impostor = await sender.send(
            tls_receiver.url(host="impostor.test", scheme="https"), message_id="msg_2", body=BODY
        )
    assert good.delivered, good.error
    assert tls_receiver.requests[0].verified_with == (0, 1)
    assert (impostor.delivered, impostor.retryable) == (False, True)
    assert impostor.error is not None
    assert "CERTIFICATE_VERIFY_FAILED" in impostor.error
    assert [request.headers["webhook-id"] for request in tls_receiver.requests] == ["msg_1"]
