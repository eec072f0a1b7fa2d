"""A real webhook receiver on loopback: a threaded HTTP server that checks every signature with
the `standardwebhooks` library and answers from a script."""

import ssl
import threading
import time
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import msgspec
from standardwebhooks.webhooks import Webhook, WebhookVerificationError


class Reply(msgspec.Struct, frozen=True):
    """How the receiver answers one request."""

    status: int = 200
    headers: dict[str, str] = {}
    delay_seconds: float = 0.0
    body_bytes: int = 0


class ReceivedRequest(msgspec.Struct, frozen=True, kw_only=True):
    path: str
    headers: dict[str, str]
    body: bytes
    at: float
    """time.monotonic() when the request arrived."""
    verified_with: tuple[int, ...]
    """Positions of the receiver's secrets whose signature checked out."""


class WebhookReceiver:
    """Answers the scripted replies in order, then 200; records what arrived."""

    def __init__(
        self,
        secrets: Sequence[str],
        replies: Sequence[Reply] = (),
        *,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.secrets = tuple(secrets)
        self.requests: list[ReceivedRequest] = []
        self.answers_written: list[bool] = []
        """Per request, once answered: whether the whole reply could be written."""
        self._replies = list(replies)
        self._lock = threading.Lock()
        self.arrived = threading.Condition(self._lock)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self.port: int = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def answer_with(self, *replies: Reply) -> None:
        """Script the next answers; after them the receiver answers 200."""
        with self._lock:
            self._replies = list(replies)

    def url(self, path: str = "/hook", *, host: str = "127.0.0.1", scheme: str = "http") -> str:
        return f"{scheme}://{host}:{self.port}{path}"

    def paths(self) -> list[str]:
        with self._lock:
            return [request.path for request in self.requests]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _next_reply(self) -> Reply:
        with self._lock:
            return self._replies.pop(0) if self._replies else Reply()

    def _record(self, request: ReceivedRequest) -> None:
        with self._lock:
            self.requests.append(request)
            self.arrived.notify_all()

    def _answered(self, fully_written: bool) -> None:
        with self._lock:
            self.answers_written.append(fully_written)
            self.arrived.notify_all()

    def _verify(self, body: bytes, headers: dict[str, str]) -> tuple[int, ...]:
        verified = []
        for position, secret in enumerate(self.secrets):
            try:
                Webhook(secret).verify(body, headers)
            except WebhookVerificationError:
                continue
            verified.append(position)
        return tuple(verified)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                arrived = time.monotonic()
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                headers = {name.lower(): value for name, value in self.headers.items()}
                # Recorded before the answer: once the sender has an answer, the receiver
                # already counts the request (recording after it raced the sender).
                receiver._record(
                    ReceivedRequest(
                        path=self.path,
                        headers=headers,
                        body=body,
                        at=arrived,
                        verified_with=receiver._verify(body, headers),
                    )
                )
                reply = receiver._next_reply()
                time.sleep(reply.delay_seconds)
                receiver._answered(self._answer(reply))

            def _answer(self, reply: Reply) -> bool:
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.send_header("content-length", str(reply.body_bytes))
                    self.end_headers()
                    chunk = b"x" * 65536
                    left = reply.body_bytes
                    while left > 0:
                        self.wfile.write(chunk[:left])
                        left -= len(chunk)
                    self.wfile.flush()
                except OSError:
                    return False
                return True

            def log_message(self, format: str, *args: object) -> None:
                return None

        return Handler


def wait_for_requests(receiver: WebhookReceiver, count: int, timeout: float = 30.0) -> None:
    """Block until `count` requests arrived (call it through asyncio.to_thread)."""
    with receiver.arrived:
        if not receiver.arrived.wait_for(lambda: len(receiver.requests) >= count, timeout):
            raise AssertionError(f"{len(receiver.requests)} requests arrived, {count} expected")
