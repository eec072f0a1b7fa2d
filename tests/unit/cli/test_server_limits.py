"""The server limits of `scenegen serve` (interfaces/cli/http_protocol.py), over real sockets.

uvicorn serves a small ASGI app on loopback with the guarded protocol and limits small enough
to reach quickly: each test waits for the outcome (an answer, a closed connection), never for
a fixed time.
"""

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, ClassVar

import uvicorn

from interfaces.cli.http_protocol import (
    ProblemDetailsHttpToolsProtocol,
    ServerLimits,
    guarded_protocol,
)
from tests.conditions import until

LIMITS = ServerLimits(
    max_head_bytes=1024,
    head_timeout=0.5,
    body_timeout=0.5,
    max_connections=4,
    retry_after_seconds=3,
)
WAIT = 30.0


class App:
    """Answers `ok` with the body's length; `/hold` waits until `release` is set."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.held = 0

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        if scope["path"] == "/hold":
            self.held += 1
            await self.release.wait()
        answer = json.dumps({"ok": True, "bodyBytes": len(body)}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", b"%d" % len(answer)),
                ],
            }
        )
        await send({"type": "http.response.body", "body": answer})


class ParserInput(ProblemDetailsHttpToolsProtocol):
    """Placed under the guard: counts the bytes the guard lets through to uvicorn's parser."""

    fed: ClassVar[list[int]] = []

    def data_received(self, data: bytes) -> None:
        self.fed.append(len(data))
        super().data_received(data)


def counting_protocol() -> type[ProblemDetailsHttpToolsProtocol]:
    ParserInput.fed.clear()
    return type("Counting", (guarded_protocol(LIMITS), ParserInput), {})


@asynccontextmanager
async def serving(
    app: App, keep_alive: int = 5, protocol: type[Any] | None = None
) -> AsyncIterator[tuple[str, int]]:
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=0,
        log_level="warning",
        lifespan="off",
        http=protocol or guarded_protocol(LIMITS),
        timeout_keep_alive=keep_alive,
        timeout_graceful_shutdown=1,
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    await until(lambda: server.started or task.done(), "the server started")
    if task.done():
        task.result()
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield "127.0.0.1", port
    finally:
        app.release.set()
        server.should_exit = True
        await task


async def connect(address: tuple[str, int]) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    return await asyncio.open_connection(*address)


async def answer_of(reader: asyncio.StreamReader) -> bytes:
    """Everything until the server closes the connection."""
    async with asyncio.timeout(WAIT):
        return await reader.read()


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def problem_of(answer: bytes) -> dict[str, Any]:
    head, _, body = answer.partition(b"\r\n\r\n")
    assert b"content-type: application/problem+json" in head
    problem: dict[str, Any] = json.loads(body)
    return problem


def request(path: str = "/", headers: bytes = b"", body: bytes = b"") -> bytes:
    length = b"content-length: %d\r\n" % len(body) if body else b""
    return (
        b"POST " + path.encode() + b" HTTP/1.1\r\nhost: x\r\n" + length + headers + b"\r\n" + body
    )


async def test_a_head_over_the_limit_is_431_and_nothing_past_the_limit_is_parsed() -> None:
    app = App()
    async with serving(app, protocol=counting_protocol()) as address:
        reader, writer = await connect(address)
        answering = asyncio.create_task(answer_of(reader))  # read while sending, as clients do
        with contextlib.suppress(ConnectionError):  # the server may be done before we are
            writer.write(b"GET / HTTP/1.1\r\nhost: x\r\nx-big: ")
            for _ in range(128):  # 8 MiB of one header value
                writer.write(b"a" * 65536)
                await writer.drain()
        answer = await answering
        writer.close()
    assert sum(ParserInput.fed) <= LIMITS.max_head_bytes
    assert status_of(answer) == 431
    assert problem_of(answer)["detail"] == (
        "The request line and headers come to more than 1024 bytes; this server reads no more "
        "of them."
    )


async def test_a_head_within_the_limit_with_a_large_body_in_the_same_packet_is_served() -> None:
    app = App()
    async with serving(app) as address:
        reader, writer = await connect(address)
        padding = b"x-pad: " + b"p" * 800 + b"\r\n"
        writer.write(request(headers=padding + b"connection: close\r\n", body=b"b" * 50_000))
        answer = await answer_of(reader)
        writer.close()
    assert status_of(answer) == 200
    assert json.loads(answer.partition(b"\r\n\r\n")[2]) == {"ok": True, "bodyBytes": 50_000}


async def test_pipelined_requests_each_get_an_answer() -> None:
    app = App()
    async with serving(app) as address:
        reader, writer = await connect(address)
        writer.write(request(body=b"1") + request(headers=b"connection: close\r\n", body=b"22"))
        answer = await answer_of(reader)
        writer.close()
    assert answer.count(b"HTTP/1.1 200 OK") == 2


async def test_a_connection_that_sends_nothing_is_closed_after_the_head_deadline() -> None:
    async with serving(App()) as address:
        reader, writer = await connect(address)
        answer = await answer_of(reader)
        writer.close()
    assert answer == b""


async def test_a_head_trickling_in_is_408_after_its_deadline() -> None:
    async with serving(App()) as address:
        reader, writer = await connect(address)
        writer.write(b"GET / HTTP/1.1\r\nhost: x\r\n")
        await writer.drain()
        answer = await answer_of(reader)
        writer.close()
    assert status_of(answer) == 408
    assert "did not arrive within 0.5 s" in problem_of(answer)["detail"]


async def test_a_body_trickling_in_is_408_after_its_deadline() -> None:
    app = App()
    async with serving(app) as address:
        reader, writer = await connect(address)
        writer.write(b"POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\n" + b"b" * 10)
        await writer.drain()
        answer = await answer_of(reader)
        writer.close()
    assert status_of(answer) == 408
    assert "body did not arrive within 0.5 s" in problem_of(answer)["detail"]


async def test_an_idle_keep_alive_connection_is_closed_after_the_keep_alive_timeout() -> None:
    async with serving(App(), keep_alive=1) as address:
        reader, writer = await connect(address)
        writer.write(request(body=b"1"))
        await writer.drain()
        answer = await answer_of(reader)  # answered, then closed once idle for a second
        writer.close()
    assert answer.count(b"HTTP/1.1 200 OK") == 1


async def test_at_the_connection_cap_a_newcomer_closes_the_idlest_connection() -> None:
    app = App()
    async with serving(app) as address:
        idle = [await connect(address) for _ in range(LIMITS.max_connections)]
        reader, writer = await connect(address)
        writer.write(request(headers=b"connection: close\r\n", body=b"1"))
        answer = await answer_of(reader)
        oldest_reader, _ = idle[0]
        closed = await answer_of(oldest_reader)
        for _, idle_writer in idle:
            idle_writer.close()
        writer.close()
    assert status_of(answer) == 200
    assert closed == b""  # the connection idle longest made room


async def test_when_every_connection_is_busy_a_newcomer_gets_503_with_retry_after() -> None:
    app = App()
    async with serving(app) as address:
        busy = [await connect(address) for _ in range(LIMITS.max_connections)]
        for _, busy_writer in busy:
            busy_writer.write(request("/hold", body=b"1"))
            await busy_writer.drain()
        await until(lambda: app.held == LIMITS.max_connections, "every connection busy")
        reader, writer = await connect(address)
        answer = await answer_of(reader)
        app.release.set()
        held_answers = [await busy_reader.read(1024) for busy_reader, _ in busy]
        for _, busy_writer in busy:
            busy_writer.close()
        writer.close()
    assert status_of(answer) == 503
    assert b"retry-after: 3" in answer
    assert problem_of(answer)["detail"] == (
        "This server has as many connections open as it takes (4); retry after 3 s."
    )
    assert all(held.startswith(b"HTTP/1.1 200 OK") for held in held_answers)


def test_the_open_file_limit_holds_the_connection_cap() -> None:
    from infrastructure.settings import Settings
    from interfaces.cli.server_limits import server_limits

    limits = server_limits(Settings(max_connections=100_000), open_files=1024)
    assert limits.max_connections == 1024 - 128
    assert server_limits(Settings(), open_files=1_048_576).max_connections == 4096
