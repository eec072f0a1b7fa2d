"""The `scenegen` command: serve, worker, demo, smoke, provision, keys, deploy and scene.

Building the parser imports only the standard library: each subcommand imports what it
needs (the web framework, the AWS clients, tracing, the scene generator) in its handler,
so `scenegen scene` does not pay for Litestar, aiobotocore or OpenTelemetry.
"""

import argparse
import sys
from collections.abc import Sequence

from interfaces.cli import (
    deploy_command,
    keys_command,
    provision_command,
    scene_command,
    service_commands,
    worker_health_command,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scenegen",
        description="Scene generation: an English description in, a scene graph and minimap out.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    service_commands.register(subparsers)
    provision_command.register(subparsers)
    keys_command.register(subparsers)
    deploy_command.register(subparsers)
    scene_command.register(subparsers)
    worker_health_command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if not _is_config_error(error):
            raise
        print(f"scenegen: configuration error: {error}", file=sys.stderr)
        return 2
    return code


def _is_config_error(error: Exception) -> bool:
    # Imported here, not at the top: the settings module is loaded by whichever handler
    # raised its ConfigError, and the commands that never read settings need not load it.
    from infrastructure.settings import ConfigError

    return isinstance(error, ConfigError)


def entrypoint() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entrypoint()
