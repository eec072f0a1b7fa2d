"""The origin links in bodies are built on: PUBLIC_BASE_URL when set, else the request's own.

Every link in a body (`statusUrl`, `eventsUrl`, `cancelUrl`, a demo job's artifact URLs) is
absolute, so a client can follow it as it is. Behind a proxy that changes the scheme or host
the service cannot see the address clients use: PUBLIC_BASE_URL names it (`PublicBaseUrl`, in
front of the app, puts it in each request's scope).
"""

import re
from typing import Any

from litestar.connection import ASGIConnection
from litestar.types import ASGIApp, Receive, Scope, Send

_PUBLIC_BASE_URL = "scenegen.public_base_url"
_HOST = re.compile(r"^[A-Za-z0-9.\-]+(?::[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::[0-9]{1,5})?$")
"""A host name or address and an optional port: anything else in `Host` is not used."""


def base_url_of(connection: ASGIConnection[Any, Any, Any, Any]) -> str:
    """`scheme://host[:port]` (and the root path) the client called, or PUBLIC_BASE_URL."""
    scope: Any = connection.scope
    configured: str | None = scope.get(_PUBLIC_BASE_URL)
    if configured is not None:
        return configured
    scheme = "https" if scope.get("scheme") in ("https", "wss") else "http"
    host = connection.headers.get("host", "")
    if not _HOST.fullmatch(host):
        server = scope.get("server") or ("localhost", None)
        host = server[0] if server[1] is None else f"{server[0]}:{server[1]}"
        if ":" in server[0]:  # an IPv6 address
            host = f"[{server[0]}]" if server[1] is None else f"[{server[0]}]:{server[1]}"
    return f"{scheme}://{host}{scope.get('root_path', '')}"


class PublicBaseUrl:
    """ASGI middleware in front of the app: PUBLIC_BASE_URL as every request's base URL."""

    def __init__(self, app: ASGIApp, public_base_url: str) -> None:
        self.app = app
        self.public_base_url = public_base_url.rstrip("/")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        state: Any = scope
        state[_PUBLIC_BASE_URL] = self.public_base_url
        await self.app(scope, receive, send)
