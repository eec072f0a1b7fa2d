"""Throughput of GET /status and duplicate step callbacks, against a bare Litestar app.

Four servers, started together and driven in turns (each run measures every server once,
the medians are over runs), under the same uvicorn settings (one process, uvloop +
httptools) and the same load generator (wrk):
- the service with tracing and metrics off (OTEL_SDK_DISABLED, METRICS_SINK=none),
- the service with them on as shipped (spans exported over OTLP/HTTP to a local sink, EMF
  metrics, every request sampled except status polls, which start at most one trace a
  second: TRACE_STATUS_POLLS_PER_SECOND=1),
- the same with every request sampled, polls included (TRACE_STATUS_POLLS_PER_SECOND=unlimited),
- a bare Litestar app serving the same bytes, with a Litestar `Response` (bare),
- the same bare app sending them the way the service does, already encoded (encoded): the gap
  to it is the service's own work alone.
Prints requests per second and the ratios. Needs `wrk` (Debian: apt-get install wrk).

    .venv/bin/python bench/bench_api.py [--seconds 10] [--connections 32]
"""

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import NamedTuple

import httpx

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TOKEN = "bench-token-0123456789abcdef"
STEP_EVENT = {
    "stepId": "parse_prompt:started",
    "name": "parse_prompt",
    "phase": "started",
    "at": "2026-01-01T00:00:00Z",
}
PROMPT = (
    "a village with three houses north of a river, a well in the center and a forest to the east"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_ready(url: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1.0).status_code < 500:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"server at {url} did not start")


def uvicorn_server(
    app: str, port: int, env: dict[str, str], factory: bool = False
) -> subprocess.Popen[bytes]:
    command = [str(BIN / "uvicorn"), app, "--host", "127.0.0.1", "--port", str(port)]
    command += [
        "--no-access-log",
        "--log-level",
        "warning",
        "--loop",
        "uvloop",
        "--http",
        "httptools",
    ]
    if factory:
        command.append("--factory")
    return subprocess.Popen(command, env={**os.environ, **env}, cwd=ROOT)


def wrk(url: str, seconds: int, connections: int, script: Path | None = None) -> tuple[float, int]:
    """Requests a second, and how many requests were answered."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if script is not None:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        raise SystemExit(f"wrk saw {non_2xx.group(1)} error responses from {url}")
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    count = re.search(r"(\d+) requests in", output)
    if not rate or not count:
        raise SystemExit(f"could not read wrk output:\n{output}")
    return float(rate.group(1)), int(count.group(1))


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def post_script(directory: Path) -> Path:
    script = directory / "post.lua"
    body = json.dumps(STEP_EVENT).replace('"', '\\"')
    script.write_text(
        'wrk.method = "POST"\n'
        f'wrk.body = "{body}"\n'
        'wrk.headers["Content-Type"] = "application/json"\n'
        f'wrk.headers["X-INTERNAL-TOKEN"] = "{TOKEN}"\n'
    )
    return script


def finished_job(base: str) -> str:
    job_id = httpx.post(f"{base}/generate", json={"prompt": PROMPT, "seed": 7}).json()["id"]
    for _ in range(200):
        if httpx.get(f"{base}/status/{job_id}").json()["status"] == "done":
            return str(job_id)
        time.sleep(0.05)
    raise SystemExit("the benchmark job did not finish")


class Target:
    """One running server and the URLs the benchmark drives on it."""

    def __init__(self, pid: int, status_url: str, callback_url: str | None = None) -> None:
        self.pid = pid
        self.urls = {"status": status_url}
        if callback_url is not None:
            self.urls["callback"] = callback_url


def start_service(stack: ExitStack, env: dict[str, str]) -> tuple[Target, bytes]:
    """The service under uvicorn with one finished job, and that job's status body."""
    port = free_port()
    process = uvicorn_server(
        "interfaces.http.asgi:create_app_from_env", port, {"INTERNAL_TOKEN": TOKEN, **env}, True
    )
    stack.enter_context(running(process))
    base = f"http://127.0.0.1:{port}"
    wait_ready(f"{base}/healthz")
    job_id = finished_job(base)
    callback_url = f"{base}/internal/jobs/{job_id}/step"
    httpx.post(
        callback_url, json=STEP_EVENT, headers={"X-INTERNAL-TOKEN": TOKEN}
    ).raise_for_status()  # every later identical callback is a duplicate
    status_url = f"{base}/status/{job_id}"
    return Target(process.pid, status_url, callback_url), httpx.get(status_url).content


@contextmanager
def running(process: subprocess.Popen[bytes]) -> Iterator[None]:
    try:
        yield
    finally:
        process.terminate()
        process.wait()


class Measured(NamedTuple):
    rate: float
    """Requests a second (wrk)."""
    cpu: float
    """Microseconds of the server's CPU time a request: steadier than the rate on a shared
    machine, as it leaves out the time the server waited for a CPU."""


def measure_interleaved(
    args: argparse.Namespace, targets: dict[str, Target], script: Path
) -> dict[str, dict[str, Measured]]:
    """Median of several runs per target and endpoint, the targets taking turns in each run
    (in a rotated order), so a machine that slows down or speeds up mid-benchmark weighs on
    all of them alike."""
    samples: dict[tuple[str, str], list[Measured]] = {}
    for target in targets.values():  # warm-up
        for endpoint, url in target.urls.items():
            wrk(url, 2, args.connections, script if endpoint == "callback" else None)
    names = list(targets)
    for run in range(args.runs):
        # Each run starts with another server, so no server always follows the same one.
        order = names[run % len(names) :] + names[: run % len(names)]
        for endpoint in ("status", "callback"):
            for name in order:
                target = targets[name]
                if endpoint not in target.urls:
                    continue
                cpu_before = cpu_seconds(target.pid)
                rate, requests = wrk(
                    target.urls[endpoint],
                    args.seconds,
                    args.connections,
                    script if endpoint == "callback" else None,
                )
                cpu = (cpu_seconds(target.pid) - cpu_before) / requests * 1e6
                samples.setdefault((name, endpoint), []).append(Measured(rate, cpu))
                # A traced server still exports the spans of its turn: let that end before
                # the next server's turn, so it is not measured sharing the CPU with it.
                time.sleep(args.settle)
    return {
        name: {
            endpoint: Measured(
                statistics.median(sample.rate for sample in samples[(name, endpoint)]),
                statistics.median(sample.cpu for sample in samples[(name, endpoint)]),
            )
            for endpoint in target.urls
        }
        for name, target in targets.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument(
        "--settle", type=float, default=2.0, help="seconds of rest between two measurements"
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("bench_api needs wrk: apt-get install wrk")

    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        directory = Path(tmp)
        sink_port = free_port()
        stack.enter_context(running(uvicorn_server("bench.otlp_sink:app", sink_port, {})))
        off = {"OTEL_SDK_DISABLED": "true", "METRICS_SINK": "none"}
        on = {
            "OTEL_EXPORTER_OTLP_ENDPOINT": f"http://127.0.0.1:{sink_port}",
            "OTEL_SERVICE_NAME": "scenegen-bench",
            "METRICS_SINK": "emf",
        }
        every = {**on, "TRACE_STATUS_POLLS_PER_SECOND": "unlimited"}
        targets: dict[str, Target] = {}
        targets["off"], status_body = start_service(stack, off)
        targets["on"], _ = start_service(stack, on)
        targets["every"], _ = start_service(stack, every)

        # The bare app serves the exact bytes of the off service's finished job.
        (directory / "status.json").write_bytes(status_body)
        bare_port = free_port()
        bare = uvicorn_server(
            "bench.bare_app:app", bare_port, {"BARE_STATUS_FILE": str(directory / "status.json")}
        )
        stack.enter_context(running(bare))
        base = f"http://127.0.0.1:{bare_port}"
        wait_ready(f"{base}/status/x")
        job_id = targets["off"].urls["status"].rsplit("/", 1)[1]
        targets["bare"] = Target(
            bare.pid, f"{base}/status/{job_id}", f"{base}/internal/jobs/{job_id}/step"
        )
        targets["encoded"] = Target(bare.pid, f"{base}/encoded/status/{job_id}")

        results = measure_interleaved(args, targets, post_script(directory))
    report(args, results, len(status_body))


def report(
    args: argparse.Namespace, results: dict[str, dict[str, Measured]], body_size: int
) -> None:
    print(
        f"\nwrk -t1 -c{args.connections}, median of {args.runs} interleaved runs x "
        f"{args.seconds}s, {body_size} B status body"
    )
    rates = {name: {key: m.rate for key, m in by.items()} for name, by in results.items()}
    # Ratios of the inverse CPU time, so both tables read alike: higher is faster.
    per_cpu = {name: {key: 1e6 / m.cpu for key, m in by.items()} for name, by in results.items()}
    table("requests a second", rates, "{:>10,.0f}")
    table(
        "server CPU µs a request",
        {name: {key: m.cpu for key, m in by.items()} for name, by in results.items()},
        "{:>10.1f}",
        ratios_of=per_cpu,
    )
    for basis, values in (("throughput", rates), ("CPU time a request", per_cpu)):
        status = {name: by["status"] for name, by in values.items()}
        status_ratio = status["off"] / status["bare"]
        overhead_ratio = status["on"] / status["off"]
        print(
            f"\nby {basis}: GET /status reaches {status_ratio:.2f} of the bare app "
            f"({'meets' if status_ratio >= 0.85 else 'MISSES'} the 0.85 target), "
            f"{status['off'] / status['encoded']:.2f} of the bare app sending encoded bytes too;"
            f"\nwith tracing and metrics on as shipped it keeps {overhead_ratio:.2f} "
            f"({'meets' if overhead_ratio >= 0.90 else 'MISSES'} the 0.90 target: tracing costs "
            f"at most 10%); {status['every'] / status['off']:.2f} with every poll traced"
        )


def table(
    title: str,
    values: dict[str, dict[str, float]],
    cell: str,
    ratios_of: dict[str, dict[str, float]] | None = None,
) -> None:
    ratios_of = ratios_of or values
    columns = ("off", "on", "every", "bare", "encoded")
    ratios = {
        "off/bare": ("off", "bare"),
        "off/encoded": ("off", "encoded"),
        "on/off": ("on", "off"),
        "every/off": ("every", "off"),
    }
    print(
        f"\n{title:<36}"
        + "".join(f"{c:>10}" for c in columns)
        + "".join(f"{r:>12}" for r in ratios)
    )
    labels = {
        "status": "GET /status/{id} (done job)",
        "callback": "POST /internal/.../step (duplicate)",
    }
    for key, label in labels.items():
        cells = "".join(
            cell.format(values[c][key]) if key in values[c] else f"{'-':>10}" for c in columns
        )
        quotients = "".join(
            _quotient(ratios_of[a].get(key), ratios_of[b].get(key)) for a, b in ratios.values()
        )
        print(f"{label:<36}{cells}{quotients}")


def _quotient(numerator: float | None, denominator: float | None) -> str:
    if not numerator or not denominator:
        return f"{'-':>12}"
    return f"{numerator / denominator:>12.2f}"


if __name__ == "__main__":
    main()
