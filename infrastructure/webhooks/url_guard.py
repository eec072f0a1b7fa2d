"""WebhookUrlPolicy: https only, no userinfo, and no host that resolves into a private network."""

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Sequence
from urllib.parse import SplitResult, urlsplit

from application.webhooks.ports import WebhookHostUnresolved, WebhookUrlRefused
from infrastructure.webhooks.addresses import IpAddress, refusal_reason

MAX_URL_LENGTH = 2048
RESOLVE_TIMEOUT_SECONDS = 5.0

Resolver = Callable[[str, int], Awaitable[Sequence[str]]]
"""(host, port) -> the addresses a connection to it may reach, as text."""


class WebhookUrl:
    """A URL that passed the syntax checks: its scheme, host and port."""

    def __init__(self, scheme: str, host: str, port: int) -> None:
        self.scheme = scheme
        self.host = host
        self.port = port


class VettedTarget(WebhookUrl):
    """A URL whose host resolved only to addresses the policy allows, in resolver order."""

    def __init__(self, target: WebhookUrl, addresses: tuple[IpAddress, ...]) -> None:
        super().__init__(target.scheme, target.host, target.port)
        self.addresses = addresses


async def resolve_with_getaddrinfo(host: str, port: int) -> Sequence[str]:
    """Every address the system resolver gives, as a connection would see them."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


class WebhookUrlPolicy:
    """Refuses webhook URLs that could reach the service's own network (SSRF).

    Every address the host resolves to must be public; cloud metadata addresses are refused
    even when `allow_private` (meant for a receiver on loopback in local tests) is set.
    """

    def __init__(
        self,
        *,
        allow_private: bool,
        allow_http: bool,
        resolve: Resolver = resolve_with_getaddrinfo,
        resolve_timeout_seconds: float = RESOLVE_TIMEOUT_SECONDS,
    ) -> None:
        self._allow_private = allow_private
        self._allow_http = allow_http
        self._resolve = resolve
        self._resolve_timeout = resolve_timeout_seconds

    def check_syntax(self, url: str) -> WebhookUrl:
        """The checks that need no DNS; raises WebhookUrlRefused with a reason."""
        if len(url) > MAX_URL_LENGTH:
            raise WebhookUrlRefused(f"webhook URL is longer than {MAX_URL_LENGTH} characters")
        if any(character.isspace() or not character.isprintable() for character in url):
            raise WebhookUrlRefused("webhook URL contains whitespace or control characters")
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as error:
            raise WebhookUrlRefused(f"webhook URL is malformed: {error}") from None
        scheme = parts.scheme.lower()
        allowed = ("https", "http") if self._allow_http else ("https",)
        if scheme not in allowed:
            raise WebhookUrlRefused(
                "webhook URL must be an absolute https URL"
                + ("" if scheme != "http" else " (plain http is not allowed)")
            )
        if "@" in parts.netloc:
            raise WebhookUrlRefused("webhook URL must not carry a user name or password")
        host = _host(parts)
        return WebhookUrl(scheme, host, port or (443 if scheme == "https" else 80))

    async def check(self, url: str) -> None:
        await self.vetted(url)

    async def vetted(self, url: str) -> VettedTarget:
        """Check `url` and return the addresses a connection to it may use.

        A sender that connects only to these addresses cannot be sent elsewhere by a host that
        resolves differently a moment later (DNS rebinding).
        """
        target = self.check_syntax(url)
        addresses = await self._addresses(target)
        for address in addresses:
            reason = refusal_reason(address, allow_private=self._allow_private)
            if reason:
                raise WebhookUrlRefused(f"webhook host resolves to {reason} ({address})")
        return VettedTarget(target, tuple(dict.fromkeys(addresses)))

    async def _addresses(self, target: WebhookUrl) -> list[IpAddress]:
        literal = _ip_literal(target.host)
        if literal is not None:
            return [literal]
        try:
            async with asyncio.timeout(self._resolve_timeout):
                resolved = await self._resolve(target.host, target.port)
        except (OSError, TimeoutError, UnicodeError) as error:
            raise WebhookHostUnresolved(
                f"webhook host {target.host} could not be resolved ({_why(error)})"
            ) from None
        addresses = [_ip_literal(text) for text in resolved]
        if not addresses or None in addresses:
            raise WebhookHostUnresolved(f"webhook host {target.host} resolved to no IP address")
        return [address for address in addresses if address is not None]


def _host(parts: SplitResult) -> str:
    host = parts.hostname
    if not host:
        raise WebhookUrlRefused("webhook URL has no host")
    return host


def _ip_literal(text: str) -> IpAddress | None:
    """An address written as one; an IPv6 zone (`%eth0`) is dropped."""
    try:
        return ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None


def _why(error: BaseException) -> str:
    if isinstance(error, TimeoutError):
        return "timed out"
    if isinstance(error, socket.gaierror) and error.strerror:
        return error.strerror
    return type(error).__name__
