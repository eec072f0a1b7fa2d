"""What the hostile-client tests share: a blocking SSE reader, raw sockets, and the prompts.

The expensive prompt is the slowest one found for the generator as merged (December 2026) whose
layout asks its stop check often (at least every 100 ms): about 3.5 s of layout at 256x128 on
the development machine, so a cancel sent when `layout:started` arrives lands while the layout
runs. The heaviest prompt gives the largest scene graph found that is quick to generate (about
290 kB of JSON in 0.6 s). Prompts whose layout goes seconds without a stop check still exist (a
group placed "around" something), which is the generator's to fix; see the closing note of
issue 21.
"""

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

EXPENSIVE = {
    "prompt": "a harbour with 1000 piers, 1000 boats and 1000 warehouses",
    "width": 256,
    "height": 128,
    "seed": 1,
}
HEAVIEST = {
    "prompt": "1000 houses each surrounded by 1000 trees, 1000 roads between the houses",
    "width": 256,
    "height": 128,
    "seed": 1,
}
SMALL = {"prompt": "a well", "width": 16, "height": 8, "seed": 1}


@dataclass
class SseEvent:
    event: str = "message"
    data: str = ""
    id: str | None = None

    def json(self) -> Any:
        return json.loads(self.data)


@dataclass
class SseReader:
    """Events of an open `httpx` stream, one at a time (comments skipped)."""

    response: httpx.Response
    received: list[SseEvent] = field(default_factory=list)

    def __iter__(self) -> Iterator[SseEvent]:
        current, data = SseEvent(), list[str]()
        for line in self.response.iter_lines():
            if line == "":
                if data or current.id is not None:
                    current.data = "\n".join(data)
                    self.received.append(current)
                    yield current
                current, data = SseEvent(), list[str]()
                continue
            if line.startswith(":"):
                continue
            name, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if name == "data":
                data.append(value)
            elif name == "event":
                current.event = value
            elif name == "id":
                current.id = value

    def until_step(self, step_id: str) -> None:
        for each in self:
            if each.event == "step" and each.json()["stepId"] == step_id:
                return
        raise AssertionError(f"the stream ended before {step_id}: {self.received}")


def address(base_url: str) -> tuple[str, int]:
    host, port = base_url.removeprefix("http://").split(":")
    return host, int(port)


def read_answer(sock: socket.socket, timeout: float = 30.0) -> bytes:
    """Everything the server sends until it closes the connection (or `timeout`)."""
    sock.settimeout(timeout)
    answer = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            chunk = sock.recv(65536)
        except (ConnectionResetError, TimeoutError):
            break
        if not chunk:
            break
        answer += chunk
    return answer


def status_line(answer: bytes) -> str:
    return answer.split(b"\r\n", 1)[0].decode("latin-1")


def problem_of(answer: bytes) -> dict[str, Any]:
    head, _, body = answer.partition(b"\r\n\r\n")
    assert b"application/problem+json" in head.lower(), head
    problem: dict[str, Any] = json.loads(body)
    return problem


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmRSS for {pid}")


HEAVY_PER_SECOND = {key: value for key, value in HEAVIEST.items() if key != "seed"}
"""The heaviest scene, for tests that run many: a fresh seed each time."""


def log_lines(path: Path) -> list[dict[str, Any]]:
    """The JSON log lines a process wrote (other lines skipped)."""
    lines = []
    for text in path.read_text(errors="replace").splitlines():
        if text.startswith("{"):
            try:
                lines.append(json.loads(text))
            except json.JSONDecodeError:
                continue
    return lines


class PromptReceiver:
    """A webhook receiver that answers 200 at once and notes when each delivery arrived."""

    def __init__(self) -> None:
        self.arrived: dict[str, float] = {}
        self._changed = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("content-length", "0")))
                with receiver._changed:
                    receiver.arrived[self.headers["webhook-id"]] = time.monotonic()
                    receiver._changed.notify_all()
                self.send_response(200)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                return None

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port: int = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def wait_for(self, webhook_id: str, timeout: float) -> float | None:
        """When the delivery `webhook_id` arrived (time.monotonic), once it has; None if not
        within `timeout`."""
        with self._changed:
            self._changed.wait_for(lambda: webhook_id in self.arrived, timeout)
            return self.arrived.get(webhook_id)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
