"""HttpWebhookSender: one signed POST per attempt, classified as delivered, retryable or final."""

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus

import httpx

from application.ports import Clock
from application.webhooks.ports import SendResult, WebhookHostUnresolved, WebhookUrlRefused
from infrastructure.webhooks.signing import signed_headers
from infrastructure.webhooks.url_guard import WebhookUrlPolicy

USER_AGENT = "scenegen-webhooks/1"
RESPONSE_BYTES_READ = 4096
"""A small body is read so the connection can be reused; a large one is cut off."""
MAX_ERROR_CHARACTERS = 200


class HttpWebhookSender:
    """POSTs a body signed with every current secret; never follows a redirect.

    2xx is delivered. Timeouts, connection failures, 5xx and 429 are worth retrying (with the
    receiver's Retry-After, when given); 410 means the receiver asks us to stop; any other
    answer, redirects included, is final. The whole attempt, from resolving the host to the
    last byte read, has `timeout_seconds`, and connecting `connect_timeout_seconds` of it: a
    silent receiver costs one delivery slot that long, and is retried later.

    Given `policy`, the host is resolved and vetted by it at each attempt and the connection
    goes to a vetted address (the `Host` header and TLS name stay the URL's), so a host cannot
    pass the check and then resolve to a private address for the connection (DNS rebinding).
    """

    def __init__(
        self,
        client: httpx.AsyncClient,
        secrets: Callable[[], Awaitable[tuple[str, ...]]],
        clock: Clock,
        timeout_seconds: float = 5.0,
        policy: WebhookUrlPolicy | None = None,
        connect_timeout_seconds: float = 2.0,
    ) -> None:
        self._client = client
        self._secrets = secrets
        self._clock = clock
        self._timeout = timeout_seconds
        self._request_timeout = httpx.Timeout(
            timeout_seconds, connect=min(connect_timeout_seconds, timeout_seconds)
        )
        self._policy = policy

    async def send(self, url: str, *, message_id: str, body: bytes) -> SendResult:
        sent_at = self._clock.now()
        headers = {
            "content-type": "application/json",
            "user-agent": USER_AGENT,
            **signed_headers(
                await self._secrets(), message_id=message_id, timestamp=sent_at, body=body
            ),
        }
        try:
            async with asyncio.timeout(self._timeout):
                status, retry_after = await self._post(url, headers, body)
        except WebhookHostUnresolved as unresolved:
            return _failed(str(unresolved), retryable=True)
        except WebhookUrlRefused as refused:
            return _failed(f"webhook URL refused: {refused}", retryable=False)
        except (TimeoutError, httpx.TimeoutException):
            return _failed(f"timed out after {self._timeout:g} s", retryable=True)
        except httpx.UnsupportedProtocol as error:
            return _failed(f"unsupported URL: {_one_line(error)}", retryable=False)
        except httpx.TransportError as error:
            return _failed(f"connection failed: {_describe(error)}", retryable=True)
        except httpx.InvalidURL as error:
            return _failed(f"invalid URL: {_one_line(error)}", retryable=False)
        return _classify(status, retry_after, sent_at)

    async def _post(self, url: str, headers: dict[str, str], body: bytes) -> tuple[int, str | None]:
        if self._policy is None:
            return await self._exchange(self._request(url, headers, body))
        target = await self._policy.vetted(url)
        original = httpx.URL(url)
        pinned_headers = {
            **headers,
            "host": original.netloc.decode("ascii"),
            # A pooled connection is keyed by address alone: never reuse one verified for
            # another host name that happens to share the address.
            "connection": "close",
        }
        extensions = {"sni_hostname": original.raw_host.decode("ascii")}
        refused: httpx.ConnectError | None = None
        for address in target.addresses:
            pinned = self._request(
                original.copy_with(host=str(address)), pinned_headers, body, extensions
            )
            try:
                return await self._exchange(pinned)
            except httpx.ConnectError as error:
                refused = error
        assert refused is not None, "a vetted target has at least one address"
        raise refused

    def _request(
        self,
        url: str | httpx.URL,
        headers: dict[str, str],
        body: bytes,
        extensions: dict[str, str] | None = None,
    ) -> httpx.Request:
        return self._client.build_request(
            "POST",
            url,
            content=body,
            headers=headers,
            timeout=self._request_timeout,
            extensions=extensions,
        )

    async def _exchange(self, request: httpx.Request) -> tuple[int, str | None]:
        response = await self._client.send(request, stream=True, follow_redirects=False)
        try:
            read = 0
            async for chunk in response.aiter_raw():
                read += len(chunk)
                if read >= RESPONSE_BYTES_READ:
                    break
        finally:
            await response.aclose()
        return response.status_code, response.headers.get("retry-after")


def _classify(status: int, retry_after: str | None, sent_at: datetime) -> SendResult:
    if 200 <= status < 300:
        return SendResult(delivered=True, retryable=False, status_code=status)
    phrase = f"HTTP {status} {_reason(status)}".rstrip()
    if 300 <= status < 400:
        return _failed(f"{phrase}: redirects are not followed", retryable=False, status=status)
    if status == 410:
        return _failed(
            f"{phrase}: the receiver asked for no more deliveries", retryable=False, status=status
        )
    if status == 429 or status >= 500:
        return _failed(
            phrase,
            retryable=True,
            status=status,
            retry_after=parse_retry_after(retry_after, now=sent_at),
        )
    return _failed(phrase, retryable=False, status=status)


def parse_retry_after(value: str | None, *, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After of delay-seconds or an HTTP date; None if unreadable."""
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - now).total_seconds())


def _failed(
    error: str,
    *,
    retryable: bool,
    status: int | None = None,
    retry_after: float | None = None,
) -> SendResult:
    return SendResult(
        delivered=False,
        retryable=retryable,
        status_code=status,
        error=_one_line(error),
        retry_after_seconds=retry_after,
    )


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _describe(error: httpx.TransportError) -> str:
    detail = _one_line(error)
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__


def _one_line(error: object) -> str:
    return " ".join(str(error).split())[:MAX_ERROR_CHARACTERS]
