"""What followers cost the others: GET /status throughput with no one waiting, with N
`Prefer: wait=60` requests held open, and with N event streams open, on one demo server.

The jobs never finish (bench/follow_app.py: a queue that never delivers), so every waiter and
stream stays open for the whole measurement. Runs interleave the three conditions; medians are
over runs. Needs `wrk` (Debian: apt-get install wrk).

    .venv/bin/python bench/bench_follow.py [--followers 500] [--runs 3] [--seconds 8]
"""

import argparse
import asyncio
import statistics
import sys
import threading
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import TOKEN, free_port, running, uvicorn_server, wait_ready, wrk

PROMPT = "a village with three houses north of a river"


class Followers:
    """`count` open requests of one kind, held by a thread of their own until stopped."""

    def __init__(self, base: str, job_id: str, count: int, kind: str) -> None:
        self._base, self._job_id, self._count, self._kind = base, job_id, count, kind
        self._loop = asyncio.new_event_loop()
        self._open = threading.Event()
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._loop.run_until_complete, args=(self._run(),))

    def __enter__(self) -> "Followers":
        self._thread.start()
        if not self._open.wait(60):
            raise SystemExit(f"could not open {self._count} {self._kind} followers")
        return self

    def __exit__(self, *_: object) -> None:
        assert self._stop is not None
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join()

    async def _run(self) -> None:
        self._stop = asyncio.Event()
        limits = httpx.Limits(max_connections=self._count + 10)
        async with httpx.AsyncClient(base_url=self._base, limits=limits, timeout=120) as client:
            opened = 0
            all_open = asyncio.Event()

            async def hold() -> None:
                nonlocal opened
                if self._kind == "events":
                    async with client.stream("GET", f"/status/{self._job_id}/events") as response:
                        assert response.status_code == 200, response.status_code
                        opened += 1
                        if opened == self._count:
                            all_open.set()
                        async for _ in response.aiter_bytes():
                            pass
                else:
                    request = client.get(f"/status/{self._job_id}", headers={"Prefer": "wait=60"})
                    task = asyncio.ensure_future(request)
                    await asyncio.sleep(0.5)  # sent and held by the server
                    opened += 1
                    if opened == self._count:
                        all_open.set()
                    await task

            tasks = [asyncio.create_task(hold()) for _ in range(self._count)]
            await all_open.wait()
            await asyncio.sleep(1.0)
            self._open.set()
            await self._stop.wait()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--followers", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    with ExitStack() as stack:
        port = free_port()
        env = {
            "INTERNAL_TOKEN": TOKEN,
            "METRICS_SINK": "none",
            "OTEL_SDK_DISABLED": "true",
            "MAX_WAITING_REQUESTS": str(args.followers * 2),
            "MAX_EVENT_STREAMS": str(args.followers * 2),
        }
        server = uvicorn_server("bench.follow_app:create_held_app", port, env, factory=True)
        stack.enter_context(running(server))
        base = f"http://127.0.0.1:{port}"
        wait_ready(f"{base}/healthz")
        polled = httpx.post(f"{base}/generate", json={"prompt": PROMPT}).json()["id"]
        followed = httpx.post(f"{base}/generate", json={"prompt": PROMPT}).json()["id"]
        status_url = f"{base}/status/{polled}"
        conditions: dict[str, Callable[[], ExitStack]] = {
            "nobody following": ExitStack,
            f"{args.followers} waiting (Prefer: wait=60)": lambda: _held(
                base, followed, args.followers, "wait"
            ),
            f"{args.followers} event streams": lambda: _held(
                base, followed, args.followers, "events"
            ),
        }
        results: dict[str, list[float]] = {name: [] for name in conditions}
        for run in range(args.runs):
            for name, condition in conditions.items():
                with condition():
                    results[name].append(wrk(status_url, args.seconds, args.connections))
            print(f"run {run + 1}/{args.runs} done", file=sys.stderr)
    baseline = statistics.median(results["nobody following"])
    print(
        f"GET /status req/s, median of {args.runs} runs of {args.seconds} s, "
        f"wrk -c{args.connections}"
    )
    for name, values in results.items():
        median = statistics.median(values)
        print(f"  {name:<32} {median:8.0f}  ({median / baseline:.2f} of nobody following)")


def _held(base: str, job_id: str, count: int, kind: str) -> ExitStack:
    stack = ExitStack()
    stack.enter_context(Followers(base, job_id, count, kind))
    return stack


if __name__ == "__main__":
    main()
