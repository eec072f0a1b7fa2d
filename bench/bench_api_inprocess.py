"""Microseconds per GET /status of a finished job, the ASGI app called directly (no network).

What `bench_api.py` measures through uvicorn and wrk, without the server, the sockets and the
load generator: the service in demo mode (tracing and metrics off, as `bench_api.py`'s `off`
server) and the bare app of `bench/bare_app.py` in the same process, serving the same bytes
with a Litestar `Response` (bare) and already encoded (encoded). Prints the median of
`--rounds` rounds of `--requests` requests each, after a warm-up.

    .venv/bin/python bench/bench_api_inprocess.py [--requests 20000] [--rounds 7]
"""

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import uvloop

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

Message = dict[str, Any]
ASGIApp = Any


async def call(app: ASGIApp, method: str, path: str, body: bytes = b"") -> list[Message]:
    """One request through the ASGI app; the messages it sent back."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1:8000"), (b"content-type", b"application/json")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }
    received = False

    async def receive() -> Message:
        nonlocal received
        if not received:
            received = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.Event().wait()  # the client never goes away
        raise AssertionError("unreachable")

    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return sent


@asynccontextmanager
async def lifespan(app: ASGIApp) -> AsyncIterator[None]:
    """Run the app's lifespan (opens the store, starts the embedded worker) around the block."""
    inbox: asyncio.Queue[Message] = asyncio.Queue()
    started, stopped = asyncio.Event(), asyncio.Event()

    async def send(message: Message) -> None:
        if message["type"].endswith(".failed"):
            raise SystemExit(f"lifespan failed: {message}")
        (started if message["type"] == "lifespan.startup.complete" else stopped).set()

    task = asyncio.create_task(
        app({"type": "lifespan", "asgi": {"version": "3.0"}}, inbox.get, send)
    )
    await inbox.put({"type": "lifespan.startup"})
    await started.wait()
    try:
        yield
    finally:
        await inbox.put({"type": "lifespan.shutdown"})
        await stopped.wait()
        await task


async def finished_job(app: ASGIApp) -> tuple[str, bytes]:
    prompt = {"prompt": "a village with three houses north of a river", "seed": 7}
    accepted = await call(app, "POST", "/generate", json.dumps(prompt).encode())
    job_id = str(json.loads(accepted[1]["body"])["id"])
    for _ in range(200):
        body: bytes = (await call(app, "GET", f"/status/{job_id}"))[1]["body"]
        if json.loads(body)["status"] == "done":
            return job_id, body
        await asyncio.sleep(0.05)
    raise SystemExit("the benchmark job did not finish")


async def microseconds_per_request(app: ASGIApp, path: str, requests: int, rounds: int) -> float:
    for _ in range(requests // 10):  # warm-up
        await call(app, "GET", path)
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(requests):
            await call(app, "GET", path)
        samples.append((time.perf_counter() - start) / requests * 1e6)
    return statistics.median(samples)


async def main(args: argparse.Namespace) -> None:
    os.environ.update(
        INTERNAL_TOKEN="bench-token-0123456789abcdef", METRICS_SINK="none", OTEL_SDK_DISABLED="true"
    )
    from infrastructure import bootstrap
    from interfaces.http.app import create_app

    service = create_app(bootstrap.api_runtime_from_env())
    async with lifespan(service):
        job_id, body = await finished_job(service)
        with tempfile.NamedTemporaryFile(suffix=".json") as status_file:
            status_file.write(body)
            status_file.flush()
            os.environ["BARE_STATUS_FILE"] = status_file.name
            from bench.bare_app import app as bare

        bootstrap.service_started()
        paths = {
            "service": (service, f"/status/{job_id}"),
            "bare": (bare, f"/status/{job_id}"),
            "encoded": (bare, f"/encoded/status/{job_id}"),
        }
        results = {
            name: await microseconds_per_request(app, path, args.requests, args.rounds)
            for name, (app, path) in paths.items()
        }
    print(
        f"\nGET /status of a finished job, in-process, median of {args.rounds} rounds x "
        f"{args.requests} requests, {len(body)} B body; µs a request"
    )
    for name, value in results.items():
        print(f"{name:<8}{value:>8.1f}")
    print(
        f"service/bare {results['service'] / results['bare']:.2f}, "
        f"service/encoded {results['service'] / results['encoded']:.2f} (time: lower is faster)"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=7)
    uvloop.run(main(parser.parse_args()))
