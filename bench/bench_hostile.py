"""Issue 21's figures, measured against a real `scenegen serve` (demo mode) on loopback.

    .venv/bin/python bench/bench_hostile.py memory  [--jobs 40]   resident memory, heaviest jobs
    .venv/bin/python bench/bench_hostile.py cancel  [--runs 5]    small job after a cancel
    .venv/bin/python bench/bench_hostile.py headers [--mib 8]     one huge request header
    .venv/bin/python bench/bench_hostile.py idle    [--sockets 200] idle sockets, then /healthz
    .venv/bin/python bench/bench_hostile.py webhook [--silent 3]  a silent receiver's cost to others
    .venv/bin/python bench/bench_hostile.py all

`--root DIR` runs the service from another checkout (say `git archive f3dd9ee | tar -x -C DIR`)
with this checkout's virtual environment, which is how the "before" figures were taken. Each
figure is printed; nothing is asserted (the e2e tests in tests/e2e/test_hostile_clients.py hold
the targets). Not part of the test run.
"""

import argparse
import os
import socket
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.hostile_client import (  # noqa: E402
    EXPENSIVE,
    HEAVIEST,
    SMALL,
    PromptReceiver,
    SseReader,
    address,
    read_answer,
    rss_mb,
    status_line,
)
from tests.managed_process import ManagedProcess, free_port, managed_process  # noqa: E402
from tests.silent_server import SilentServer  # noqa: E402

SCENEGEN = str(Path(sys.executable).parent / "scenegen")
TOKEN = "bench-token-0123456789abcdef"


@contextmanager
def served(
    root: Path | None, workdir: Path, nofile: int | None = None, **env: str
) -> Iterator[ManagedProcess]:
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    extra = {"PYTHONPATH": str(root)} if root is not None else {}
    limit = ["prlimit", f"--nofile={nofile}:{nofile}"] if nofile else []
    with managed_process(
        "scenegen serve",
        [*limit, SCENEGEN, "serve", "--port", str(port)],
        log_path=workdir / f"serve-{port}.log",
        env={"INTERNAL_TOKEN": TOKEN, **extra, **env},
        ready_url=f"{base_url}/healthz",
        ready_timeout=60.0,
        base_url=base_url,
        cwd=root,
    ) as server:
        yield server


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def run_to_the_end(http: httpx.Client, body: dict[str, Any]) -> dict[str, Any]:
    """Submit, wait for the end like a client, read the status and the scene graph file once."""
    accepted = http.post("/generate", json=body)
    accepted.raise_for_status()
    job_id = accepted.json()["id"]
    while True:
        view: dict[str, Any] = http.get(f"/status/{job_id}", headers={"Prefer": "wait=60"}).json()
        if view["status"] in ("done", "failed", "canceled"):
            break
    http.get(f"/status/{job_id}")
    http.get(f"/status/{job_id}/scene-graph.json")
    return view


def memory(args: argparse.Namespace, workdir: Path) -> None:
    heaviest = {**HEAVIEST, "prompt": args.prompt or HEAVIEST["prompt"]}
    print(f"memory: {args.jobs} jobs of the heaviest prompt, 256x128, one after another")
    print(f"  prompt: {heaviest['prompt']!r}")
    with (
        served(args.root, workdir) as server,
        httpx.Client(base_url=server.url, timeout=120) as http,
    ):
        pid = server.process.pid
        start = rss_mb(pid)
        print(f"  start: RSS {start:.1f} MB")
        peak = start
        for n in range(1, args.jobs + 1):
            view = run_to_the_end(http, {**heaviest, "seed": n})
            rss = rss_mb(pid)
            peak = max(peak, rss)
            if n % 10 == 0 or n == args.jobs:
                error = f" ({view['error']['message'][:60]})" if view.get("error") else ""
                print(f"  after {n:4d} jobs: RSS {rss:7.1f} MB (last: {view['status']}{error})")
        print(f"  start {start:.1f} MB, after {rss:.1f} MB, peak seen {peak:.1f} MB")


def cancel(args: argparse.Namespace, workdir: Path) -> None:
    expensive = {**EXPENSIVE, "prompt": args.prompt or EXPENSIVE["prompt"]}
    print("cancel: the expensive job canceled once its layout started, then a small job")
    print(f"  expensive: {expensive['prompt']!r} at 256x128; small: {SMALL['prompt']!r}")
    waits: list[float] = []
    dones: list[float] = []
    firsts: list[float] = []
    with (
        served(args.root, workdir) as server,
        httpx.Client(base_url=server.url, timeout=120) as http,
    ):
        run_to_the_end(http, SMALL)  # warm
        for _ in range(args.runs):
            heavy = http.post("/generate", json=expensive).json()["id"]
            with http.stream("GET", f"/status/{heavy}/events") as stream:
                SseReader(stream).until_step("layout:started")
                canceled = http.post(f"/status/{heavy}/cancel").json()
            canceled_at = time.monotonic()
            small = http.post("/generate", json=SMALL, headers={"Prefer": "wait=60"}).json()
            waits.append(time.monotonic() - canceled_at)
            assert small["status"] == "done", small
            recorded = instant(canceled["updatedAt"])
            dones.append((instant(small["updatedAt"]) - recorded).total_seconds())
            firsts.append((instant(small["steps"][0]["at"]) - recorded).total_seconds())
            # Let the expensive layout end, if it goes on, before the next run.
            http.post("/generate", json=SMALL, headers={"Prefer": "wait=60"})
    for label, figures in (
        ("the worker free for the small job (its first step)", firsts),
        ("the small job done", dones),
        ("the small job's answer at the client", waits),
    ):
        print(
            f"  after the cancel was recorded, {label}: "
            + ", ".join(f"{value * 1000:.0f} ms" for value in figures)
            + f" (median {statistics.median(figures) * 1000:.0f} ms)"
        )


def headers(args: argparse.Namespace, workdir: Path) -> None:
    size = args.mib * 1024 * 1024
    print(f"headers: one request with a {args.mib} MiB header value")
    with served(args.root, workdir) as server:
        pid = server.process.pid
        before = rss_mb(pid)
        with socket.create_connection(address(server.url), timeout=60) as raw:
            started = time.monotonic()
            sent = 0
            try:
                raw.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ")
                chunk = b"a" * 65536
                while sent < size:
                    raw.sendall(chunk)
                    sent += len(chunk)
                raw.sendall(b"\r\n\r\n")
            except OSError as error:
                print(f"  the server stopped reading after {sent:,} bytes ({error})")
            answer = read_answer(raw)
            took = time.monotonic() - started
        peak = rss_mb(pid)
        print(
            f"  answer {status_line(answer) or '(none)'} after {took:.2f} s; "
            f"RSS {before:.1f} -> {peak:.1f} MB"
        )


def idle(args: argparse.Namespace, workdir: Path) -> None:
    limit = f" (open-file limit {args.nofile})" if args.nofile else ""
    print(f"idle: {args.sockets} sockets opened and left silent{limit}, /healthz asked meanwhile")
    with served(args.root, workdir, args.nofile) as server:
        sockets = []
        for _ in range(args.sockets):
            try:
                sockets.append(socket.create_connection(address(server.url), timeout=5))
            except OSError as error:
                print(f"  connect {len(sockets) + 1} failed: {error}")
                break
        started = time.monotonic()
        try:
            health = httpx.get(f"{server.url}/healthz", timeout=10).status_code
        except httpx.HTTPError as error:
            health = f"failed: {type(error).__name__}"  # type: ignore[assignment]
        print(f"  with {len(sockets)} idle sockets open, /healthz: {health}")
        deadline = started + args.watch
        closed_at: list[float] = []
        for sock in sockets:
            sock.settimeout(max(0.01, deadline - time.monotonic()))
            with suppress(OSError):
                read_answer(sock, timeout=max(0.01, deadline - time.monotonic()))
            if time.monotonic() < deadline:
                closed_at.append(time.monotonic() - started)
        for sock in sockets:
            sock.close()
        if closed_at:
            print(
                f"  closed by the server: {len(closed_at)} of {len(sockets)}, the last after "
                f"{max(closed_at):.1f} s"
            )
        else:
            print(f"  closed by the server within {args.watch:g} s: none")


def webhook(args: argparse.Namespace, workdir: Path) -> None:
    from infrastructure.webhooks.signing import generate_webhook_secret

    print(
        f"webhook: {args.silent} jobs (terminal and step events: 11 deliveries each) whose "
        "receiver accepts and never answers, then one job whose receiver answers at once"
    )
    silent, prompt = SilentServer(), PromptReceiver()
    env = {
        "WEBHOOK_SECRET": generate_webhook_secret(),
        "WEBHOOK_ALLOW_PRIVATE": "1",
        "WEBHOOK_ALLOW_HTTP": "1",
    }
    with (
        served(args.root, workdir, **env) as server,
        httpx.Client(base_url=server.url, timeout=120) as http,
    ):
        for n in range(args.silent):
            body = {
                **SMALL,
                "seed": n,
                "webhook": f"http://127.0.0.1:{silent.port}/hook",
                "webhookEvents": ["terminal", "step"],
            }
            run_to_the_end(http, body)
        body = {**SMALL, "webhook": f"http://127.0.0.1:{prompt.port}/hook"}
        view = run_to_the_end(http, body)
        finished_at = time.monotonic()
        arrived = prompt.wait_for(f"msg_{view['id']}_terminal", timeout=180)
        if arrived is not None:
            delay = arrived - finished_at
            print(f"  the prompt receiver's webhook arrived {delay:.2f} s after its job ended")
        else:
            print("  the prompt receiver's webhook did not arrive within 180 s")
        print(f"  connections the silent receiver accepted: {silent.connections}")
    silent.close()
    prompt.close()


COMMANDS: dict[str, Callable[[argparse.Namespace, Path], None]] = {
    "memory": memory,
    "cancel": cancel,
    "headers": headers,
    "idle": idle,
    "webhook": webhook,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=[*COMMANDS, "all"])
    parser.add_argument("--root", type=Path, default=None, help="run the service from this tree")
    parser.add_argument("--jobs", type=int, default=40)
    parser.add_argument("--prompt", default=None, help="memory, cancel: another prompt")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mib", type=int, default=8)
    parser.add_argument("--sockets", type=int, default=200)
    parser.add_argument("--watch", type=float, default=40.0, help="seconds to watch idle sockets")
    parser.add_argument("--nofile", type=int, default=None, help="idle: the server's file limit")
    parser.add_argument("--silent", type=int, default=3)
    args = parser.parse_args()
    os.environ.pop("JOBS_TABLE", None)
    with tempfile.TemporaryDirectory() as workdir:
        chosen = COMMANDS if args.what == "all" else {args.what: COMMANDS[args.what]}
        for command in chosen.values():
            command(args, Path(workdir))
            print(flush=True)


if __name__ == "__main__":
    main()
