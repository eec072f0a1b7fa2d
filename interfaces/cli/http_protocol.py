"""uvicorn's HTTP protocol with the limits a directly exposed server needs, and its own
refusals answered as problem details.

uvicorn lets the protocol class be chosen (its documented extension point); `scenegen serve`
gives it this one, built by `guarded_protocol(limits)`:

- the request line and headers may come to `max_head_bytes`: past that, 431 and the connection
  closes, and nothing past the limit is read into memory (httptools would buffer a header of any
  size before handing it over);
- a connection's first request head must arrive within `head_timeout` of the connection
  opening, and a later one within `head_timeout` of its first byte (slowloris); a body within
  `body_timeout` of its head: past that, 408 (nothing when the client never sent a byte) and
  the connection closes;
- an idle keep-alive connection closes after uvicorn's own `timeout_keep_alive`;
- at most `max_connections` are open: one more first closes the connection idle longest (no
  request under way: waiting for a first or a next request), and when every one is busy the
  newcomer gets 503 with `Retry-After` and is closed.

A request uvicorn cannot parse (a malformed request line or header) never reaches the app, so
the app's exception handlers cannot shape the answer: it is problem details here too.
"""

import asyncio
import json
import logging
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, ClassVar

from uvicorn.config import Config
from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol
from uvicorn.server import ServerState

log = logging.getLogger(__name__)

LINGER_SECONDS = 2.0


@dataclass(frozen=True)
class ServerLimits:
    max_head_bytes: int = 32 * 1024
    head_timeout: float = 10.0
    body_timeout: float = 30.0
    max_connections: int = 4096
    retry_after_seconds: int = 2


class ProblemDetailsHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's protocol whose own answers (a request it cannot parse) are problem details."""

    def send_400_response(self, msg: str) -> None:
        self.send_problem(400, f"The request could not be parsed as HTTP: {msg.rstrip('.')}.")

    def send_problem(self, status: int, detail: str, headers: dict[str, str] | None = None) -> None:
        """Answer with problem details and close the connection (see `close_after_answer`)."""
        body = json.dumps(
            {
                "type": "about:blank",
                "title": HTTPStatus(status).phrase,
                "status": status,
                "detail": detail,
            }
        ).encode()
        content = [STATUS_LINE[status]]
        for name, value in self.server_state.default_headers:
            content.extend([name, b": ", value, b"\r\n"])
        for field, text in (headers or {}).items():
            content.extend(
                [field.lower().encode("latin-1"), b": ", text.encode("latin-1"), b"\r\n"]
            )
        content.extend(
            [
                b"content-type: application/problem+json\r\n",
                b"content-length: " + str(len(body)).encode("ascii") + b"\r\n",
                b"cache-control: no-store\r\n",
                b"connection: close\r\n",
                b"\r\n",
                body,
            ]
        )
        self.transport.write(b"".join(content))
        self.close_after_answer()

    def close_after_answer(self) -> None:
        self.transport.close()


class GuardedHttpToolsProtocol(ProblemDetailsHttpToolsProtocol):
    limits: ClassVar[ServerLimits] = ServerLimits()

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self._reading_head = True
        self._head_bytes = 0
        self._deadline: asyncio.TimerHandle | None = None
        self._idle_since = self.loop.time()
        self._discarding = False

    @property
    def idle(self) -> bool:
        """No request under way: waiting for the first byte of a request."""
        answered = self.cycle is None or self.cycle.response_complete
        return (
            answered
            and self._reading_head
            and self._head_bytes == 0
            and not self.transport.is_closing()
        )

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.limits.max_connections and not self._make_room():
            log.warning(
                "connection refused: all %d connections are busy", self.limits.max_connections
            )
            self.send_problem(
                503,
                f"This server has as many connections open as it takes "
                f"({self.limits.max_connections}); retry after "
                f"{self.limits.retry_after_seconds} s.",
                {"Retry-After": str(self.limits.retry_after_seconds)},
            )
            return
        self._arm(self.limits.head_timeout, self._head_too_slow)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._discarding:
            return
        if not self._reading_head:
            super().data_received(data)
            return
        if self._head_bytes == 0 and self._deadline is None:
            self._arm(self.limits.head_timeout, self._head_too_slow)
        room = self.limits.max_head_bytes - self._head_bytes
        self._head_bytes += min(len(data), room)
        if len(data) <= room:
            super().data_received(data)
            return
        # Only the head's allowance is read; the rest stays unread unless the head ended in it.
        super().data_received(data[:room])
        if self._reading_head and not self.transport.is_closing():
            self.send_problem(
                431,
                f"The request line and headers come to more than {self.limits.max_head_bytes} "
                "bytes; this server reads no more of them.",
            )
            return
        if not self.transport.is_closing():
            super().data_received(data[room:])

    def close_after_answer(self) -> None:
        """A lingering close: the answer is sent and the sending side shut, then what the
        client still sends is read and dropped for `LINGER_SECONDS` before closing. Closing at
        once with unread data makes the kernel reset the connection, and the client may never
        read the answer (a 431 sent while the client is still sending its huge header)."""
        self._disarm()
        if self.transport.is_closing() or not self.transport.can_write_eof():
            self.transport.close()
            return
        self._discarding = True
        self.transport.write_eof()
        self._deadline = self.loop.call_later(LINGER_SECONDS, self.transport.close)

    def eof_received(self) -> None:
        if self._discarding:
            self.transport.close()

    def on_headers_complete(self) -> None:
        self._reading_head = False
        self._arm(self.limits.body_timeout, self._body_too_slow)
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._disarm()
        # What comes next is the next request's head (its deadline starts at its first byte;
        # until then uvicorn's keep-alive timer closes a connection left idle).
        self._reading_head = True
        self._head_bytes = 0
        super().on_message_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._idle_since = self.loop.time()

    def _head_too_slow(self) -> None:
        if self._head_bytes == 0:
            # Nothing sent (a fresh connection, or one idle after a response): just close it.
            self.transport.close()
            return
        self.send_problem(
            408,
            f"The request's headers did not arrive within {self.limits.head_timeout:g} s.",
        )

    def _body_too_slow(self) -> None:
        if self.cycle is not None and self.cycle.more_body and not self.cycle.response_started:
            self.send_problem(
                408,
                f"The request's body did not arrive within {self.limits.body_timeout:g} s of "
                "its headers.",
            )

    def _arm(self, seconds: float, callback: Any) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(seconds, callback)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _make_room(self) -> bool:
        """Close the connection idle longest to make room for this one; False if none is."""
        idle = [
            other
            for other in self.connections
            if isinstance(other, GuardedHttpToolsProtocol) and other is not self and other.idle
        ]
        if not idle:
            return False
        min(idle, key=lambda other: other._idle_since).transport.close()
        return True


def guarded_protocol(limits: ServerLimits) -> type[GuardedHttpToolsProtocol]:
    """The protocol class for uvicorn's `http` setting, holding these limits."""
    return type("ScenegenHttpProtocol", (GuardedHttpToolsProtocol,), {"limits": limits})
