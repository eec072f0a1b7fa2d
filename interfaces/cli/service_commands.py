"""Commands that run the service: serve, worker, demo and smoke.

Only the parsers live here, so that building them imports nothing heavy; each handler
imports `interfaces.cli.service_runtime` (uvicorn, Litestar, the container, tracing,
httpx) when its command runs.
"""

import argparse
import sys
from urllib.parse import urlparse

from interfaces.cli.defaults import DEFAULT_PROMPT


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    serve = subparsers.add_parser("serve", help="run the HTTP API (demo mode unless configured)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=_port, default=8000)
    serve.add_argument(
        "--internal-port",
        type=_port,
        help="serve the internal callback, /readyz and /healthz on this port only (not --port)",
    )
    serve.set_defaults(func=_serve)

    worker = subparsers.add_parser("worker", help="consume the job queue (persistent mode)")
    worker.set_defaults(func=_worker)

    smoke = subparsers.add_parser("smoke", help="check a running service end to end")
    smoke.add_argument("--base-url", required=True, type=_base_url)
    smoke.add_argument("--timeout", type=_positive_seconds, default=60.0)
    smoke.add_argument("--prompt", default=DEFAULT_PROMPT)
    key = smoke.add_mutually_exclusive_group()
    key.add_argument(
        "--api-key",
        help=(
            "the API key to send (Authorization: Bearer); default: $SCENEGEN_API_KEY. "
            "Prefer the variable: an option shows in the process list"
        ),
    )
    key.add_argument(
        "--create-key",
        action="store_true",
        help=(
            "make a key in <JOBS_TABLE>-api-keys for this check and revoke it after (a "
            "pipeline after a deploy; reads JOBS_TABLE, AWS_REGION, AWS_ENDPOINT_URL)"
        ),
    )
    smoke.set_defaults(func=_smoke)

    demo = subparsers.add_parser(
        "demo", help="start a demo service and generate one scene through it"
    )
    demo.add_argument("prompt", nargs="?", default=DEFAULT_PROMPT)
    demo.add_argument("--timeout", type=_positive_seconds, default=60.0)
    demo.set_defaults(func=_demo)


def _port(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError("a port is 0..65535")
    return value


def _base_url(text: str) -> str:
    parsed = urlparse(text)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise argparse.ArgumentTypeError(
            f"must be an http(s) URL such as http://127.0.0.1:8000, got {text!r}"
        )
    return text


def _positive_seconds(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be more than 0 seconds")
    return value


def _serve(args: argparse.Namespace) -> int:
    if args.internal_port is not None and args.internal_port == args.port:
        print("scenegen serve: --internal-port must differ from --port", file=sys.stderr)
        return 2
    from interfaces.cli import service_runtime

    return service_runtime.serve_command(args)


def _worker(args: argparse.Namespace) -> int:
    from interfaces.cli import service_runtime

    return service_runtime.worker_command(args)


def _smoke(args: argparse.Namespace) -> int:
    from interfaces.cli import service_runtime

    return service_runtime.smoke_command(args)


def _demo(args: argparse.Namespace) -> int:
    from interfaces.cli import service_runtime

    return service_runtime.demo_command(args)
