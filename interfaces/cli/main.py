"""The `scenegen` command: serve, worker, demo, smoke, provision and scene."""

import argparse
import sys
from collections.abc import Sequence

from infrastructure.settings import ConfigError
from interfaces.cli import provision_command, scene_command, service_commands


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scenegen",
        description="Scene generation: an English description in, a scene graph and minimap out.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    service_commands.register(subparsers)
    provision_command.register(subparsers)
    scene_command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except ConfigError as error:
        print(f"scenegen: configuration error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return code


def entrypoint() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entrypoint()
