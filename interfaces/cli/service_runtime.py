"""What `scenegen serve`, `worker`, `smoke` and `demo` run (their parsers: service_commands).

Imported only when one of these commands runs: it loads uvicorn, Litestar, the container,
tracing and httpx.
"""

import argparse
import asyncio
import os
import signal
import sys

import uvicorn

from infrastructure.container import Container, resolve, shutdown
from infrastructure.json_logging import configure_logging
from infrastructure.observability.tracing import configure_tracing, instrument_aws
from infrastructure.runtime import freeze_startup_heap
from infrastructure.settings import ConfigError, Settings
from interfaces.cli.embedded_server import ServerDidNotStart, serving
from interfaces.cli.smoke import (
    SmokeExit,
    SmokeFailure,
    SmokeResult,
    run_smoke,
    summary,
)
from interfaces.http.app import create_app

WORKER_STOP_GRACE_SECONDS = 30.0


def serve_command(args: argparse.Namespace) -> int:
    settings = Settings.from_env(os.environ)
    configure_logging()
    configure_tracing("scenegen-api", os.environ)
    instrument_aws()
    app = create_app(Container(settings=settings))
    freeze_startup_heap()
    uvicorn.run(app, host=args.host, port=args.port, log_config=None, access_log=False)
    return 0


def worker_command(args: argparse.Namespace) -> int:
    settings = Settings.from_env(os.environ)
    if not settings.jobs_queue:
        raise ConfigError("JOBS_QUEUE must be set: the worker consumes that queue")
    if not settings.orchestrator_url:
        raise ConfigError("ORCHESTRATOR_URL must be set: the worker reports steps to that API")
    configure_logging()
    configure_tracing("scenegen-worker", os.environ)
    instrument_aws()
    return asyncio.run(_run_worker(settings))


async def _run_worker(settings: Settings) -> int:
    container = Container(settings=settings)
    container.role.override("worker")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    try:
        worker = await resolve(container.worker)
        freeze_startup_heap()
        worker.start()
        await stop.wait()
        await worker.stop(WORKER_STOP_GRACE_SECONDS)
    finally:
        await shutdown(container)
    return 0


def smoke_command(args: argparse.Namespace) -> int:
    return asyncio.run(_smoke_and_report(args.base_url, args.prompt, args.timeout))


async def _smoke_and_report(base_url: str, prompt: str, timeout: float) -> int:
    try:
        result = await run_smoke(base_url, prompt=prompt, timeout=timeout)
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
    app = create_app(Container(settings=Settings()))
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
    return 0
