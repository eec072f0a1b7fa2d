"""`scenegen worker-health`: the worker container's health check (its heartbeat is recent)."""

import argparse
import os
import sys
from pathlib import Path

HEARTBEAT_FILE_VARIABLE = "WORKER_HEARTBEAT_FILE"  # as infrastructure.settings reads it
MAX_AGE_SECONDS = 60.0  # as infrastructure.worker_heartbeat.MAX_AGE_SECONDS


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "worker-health",
        help="exit 0 when the worker's heartbeat file is recent (a container health check)",
    )
    parser.add_argument("--file", help=f"the heartbeat file (default: ${HEARTBEAT_FILE_VARIABLE})")
    parser.add_argument("--max-age", type=float, default=MAX_AGE_SECONDS, help="seconds (60)")
    parser.set_defaults(func=_check)


def _check(args: argparse.Namespace) -> int:
    from infrastructure.worker_heartbeat import heartbeat_age

    name = args.file or os.environ.get(HEARTBEAT_FILE_VARIABLE, "").strip()
    if not name:
        print(f"worker-health: no --file and no {HEARTBEAT_FILE_VARIABLE}", file=sys.stderr)
        return 2
    age = heartbeat_age(Path(name))
    if age is None:
        print(f"worker-health: no heartbeat yet ({name})", file=sys.stderr)
        return 1
    if age > args.max_age:
        print(
            f"worker-health: last heartbeat {age:.0f} s ago (limit {args.max_age:.0f} s)",
            file=sys.stderr,
        )
        return 1
    return 0
