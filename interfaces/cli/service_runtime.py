"""What `scenegen serve`, `worker`, `smoke` and `demo` run (their parsers: service_commands).

Imported only when one of these commands runs: it loads uvicorn, Litestar, the composition
root (and through it the adapters and tracing) and httpx.
"""

import argparse
import asyncio
import os
import signal
import sys

import uvicorn

from infrastructure import bootstrap
from interfaces.cli.embedded_server import ServerDidNotStart, serving
from interfaces.cli.http_protocol import guarded_protocol
from interfaces.cli.server_limits import raise_open_file_limit, server_limits
from interfaces.cli.server_ports import run_server
from interfaces.cli.smoke import (
    API_KEY_VARIABLE,
    SmokeExit,
    SmokeFailure,
    SmokeResult,
    run_smoke,
    summary,
)
from interfaces.http.app import create_app
from interfaces.http.internal_port import served_app


def serve_command(args: argparse.Namespace) -> int:
    runtime = bootstrap.api_runtime_from_env()
    app = served_app(runtime, args.internal_port)
    settings = runtime.settings
    limits = server_limits(settings, raise_open_file_limit())
    bootstrap.service_started()
    # In-flight requests drained within the 30 s the container gets after SIGTERM. Behind an
    # ALB, KEEP_ALIVE_SECONDS stays above its idle timeout (else occasional 502s). Proxy
    # headers are trusted from FORWARDED_ALLOW_IPS, which the task definition sets.
    config = uvicorn.Config(
        app,
        host=args.host,
        port=args.port,
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=20,
        timeout_keep_alive=settings.keep_alive_seconds,
        http=guarded_protocol(limits),
    )
    return run_server(config, args.internal_port)


def worker_command(args: argparse.Namespace) -> int:
    return asyncio.run(_run_worker(bootstrap.worker_runtime_from_env()))


async def _run_worker(runtime: bootstrap.WorkerRuntime) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await runtime.run_until(stop)
    return 0


def smoke_command(args: argparse.Namespace) -> int:
    if args.create_key:
        return asyncio.run(_smoke_with_temporary_key(args.base_url, args.prompt, args.timeout))
    api_key = (args.api_key or os.environ.get(API_KEY_VARIABLE, "")).strip() or None
    return asyncio.run(_smoke_and_report(args.base_url, args.prompt, args.timeout, api_key))


async def _smoke_with_temporary_key(base_url: str, prompt: str, timeout: float) -> int:
    from interfaces.cli.smoke_key import SmokeKeyUnavailable, temporary_key

    try:
        async with temporary_key() as api_key:
            return await _smoke_and_report(base_url, prompt, timeout, api_key)
    except SmokeKeyUnavailable as unavailable:
        print(f"smoke: FAILED (unauthorized): {unavailable}", file=sys.stderr)
        return int(SmokeExit.UNAUTHORIZED)


async def _smoke_and_report(base_url: str, prompt: str, timeout: float, api_key: str | None) -> int:
    try:
        result = await run_smoke(base_url, prompt=prompt, timeout=timeout, api_key=api_key)
    except SmokeFailure as failure:
        print(f"smoke: FAILED ({failure.code.name.lower()}): {failure}", file=sys.stderr)
        return int(failure.code)
    print(f"smoke: OK: {summary(result)}")
    return int(SmokeExit.OK)


def demo_command(args: argparse.Namespace) -> int:
    if not args.prompt.strip():
        print("scenegen demo: the prompt is empty", file=sys.stderr)
        return int(SmokeExit.USAGE)
    return asyncio.run(_run_demo(args.prompt, args.timeout))


async def _run_demo(prompt: str, timeout: float) -> int:
    app = create_app(bootstrap.demo_runtime())
    try:
        async with serving(app) as base_url:
            print(f"demo service listening on {base_url}")
            print(f"prompt: {prompt}")
            try:
                result = await run_smoke(base_url, prompt=prompt, timeout=timeout)
            except SmokeFailure as failure:
                print(f"demo: FAILED ({failure.code.name.lower()}): {failure}", file=sys.stderr)
                return int(failure.code)
    except ServerDidNotStart as error:
        print(f"demo: the service did not start: {error}", file=sys.stderr)
        return int(SmokeExit.UNREACHABLE)
    return _show(result)


def _show(outcome: SmokeResult) -> int:
    print()
    print(outcome.minimap)
    for relation in outcome.scene_graph.get("relations", []):
        mark = "ok " if relation.get("satisfied") else "NO "
        objects = ", ".join(relation.get("objects", []))
        argument = f" ({relation['argument']})" if relation.get("argument") else ""
        print(
            f"  {mark} {relation['subject']} {relation['predicate']}{argument} {objects}".rstrip()
        )
    for warning in outcome.scene_graph.get("warnings", []):
        print(f"  warning: {warning}")
    print(f"\n{summary(outcome)}")
    print(
        "\nTo watch scenes being drawn in a browser: `make serve`, then open http://127.0.0.1:8000/"
    )
    return 0
