"""`scenegen deploy`: create, update or delete the CloudFormation stack(s) of a deployment."""

import argparse
import os
import re
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from infrastructure.bootstrap.deployment import DeployRequest
    from infrastructure.settings import Settings

# asyncio, the settings and the deployment module (aiobotocore) are imported in the handler:
# building the `scenegen` parser must stay cheap for the other commands.

_STACK_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9-]{0,39}$")
_PARAMETER = re.compile(r"^([A-Za-z0-9]+)=(.*)$", re.DOTALL)


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "deploy",
        help="create or update the AWS deployment (CloudFormation), or delete it",
        description=(
            "Creates or updates the stack NAME from the template the package ships "
            "(deploy/scenegen.yaml) through a change set, then the AWS-only stack NAME-aws-only "
            "(autoscaling, the WAF association, the 5xx rate alarm) from its outputs. Creates "
            "the SSM SecureString token when absent and never overwrites it. A deployment "
            "with nothing to change succeeds. Prints progress, then the outputs (ApiUrl). "
            "Reads AWS_REGION and AWS_ENDPOINT_URL (an emulator's endpoint: the AWS-only "
            "stack is skipped, said in one line)."
        ),
    )
    parser.add_argument("--stack", required=True, type=_stack_name, help="stack name")
    parser.add_argument("--image", help="container image URI (required to create the stack)")
    parser.add_argument(
        "--parameter",
        action="append",
        default=[],
        type=_parameter,
        metavar="KEY=VALUE",
        help="a template parameter (repeatable), e.g. CertificateArn=arn:aws:acm:...",
    )
    parser.add_argument(
        "--main-only",
        action="store_true",
        help="skip the AWS-only stack (an emulator's CloudFormation cannot deploy it)",
    )
    instead = parser.add_mutually_exclusive_group()
    instead.add_argument(
        "--delete",
        action="store_true",
        help=(
            "tear down: delete both stacks, the jobs table, the artifacts bucket and the token "
            "(asks first: type the stack name)"
        ),
    )
    parser.add_argument(
        "--yes", action="store_true", help="with --delete: do not ask (for scripts)"
    )
    parser.add_argument(
        "--keep-data",
        action="store_true",
        help="with --delete: keep the jobs table and the artifacts bucket",
    )
    instead.add_argument(
        "--save-state",
        metavar="DIR",
        help="only save each stack's template and parameters to DIR (before a deploy)",
    )
    instead.add_argument(
        "--restore-state",
        metavar="DIR",
        help="deploy the templates and parameters saved in DIR again (a rollback)",
    )
    parser.add_argument(
        "--outputs-file",
        help="append the outputs as KEY=VALUE lines to this file (e.g. $GITHUB_OUTPUT)",
    )
    parser.add_argument("--poll-seconds", type=_seconds, default=5.0, help=argparse.SUPPRESS)
    parser.add_argument(
        "--timeout", type=_seconds, default=3600.0, help="seconds to wait per stack (3600)"
    )
    parser.set_defaults(func=_deploy)


def _stack_name(text: str) -> str:
    if not _STACK_NAME.match(text):
        raise argparse.ArgumentTypeError(
            "a stack name is 1..40 letters, digits and hyphens, starting with a letter"
        )
    return text


def _parameter(text: str) -> tuple[str, str]:
    match = _PARAMETER.match(text)
    if not match:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return match.group(1), match.group(2)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected seconds, got {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def _deploy(args: argparse.Namespace) -> int:
    import asyncio

    from infrastructure.bootstrap.deployment import DeployFailed, DeployRequest
    from infrastructure.settings import Settings

    settings = Settings.from_env(os.environ)
    request = DeployRequest(
        stack=args.stack,
        image=args.image,
        parameters=dict(args.parameter),
        main_only=args.main_only,
        poll_seconds=args.poll_seconds,
        timeout_seconds=args.timeout,
    )
    if args.delete and not args.yes and not _confirmed(args.stack, keep_data=args.keep_data):
        return 2
    started = time.monotonic()
    try:
        if args.save_state:
            saved = asyncio.run(_save(request, settings, args.save_state))
            print(f"saved: Image={saved.get('Image', '')}")
            return 0
        outputs = asyncio.run(_run(request, settings, args))
    except DeployFailed as error:
        print(f"scenegen deploy: failed: {error}", file=sys.stderr)
        return 1
    elapsed = time.monotonic() - started
    if args.delete:
        print(f"deleted in {elapsed:.0f} s")
        return 0
    print(f"deployed in {elapsed:.0f} s; outputs:")
    for key, value in sorted(outputs.items()):
        print(f"  {key}={value}")
    if args.outputs_file:
        with open(args.outputs_file, "a", encoding="utf-8") as out:
            out.writelines(f"{key}={value}\n" for key, value in sorted(outputs.items()))
    return 0


def _confirmed(stack: str, *, keep_data: bool) -> bool:
    """The stack's name typed back at a terminal; no terminal, no deletion (use --yes)."""
    if not sys.stdin.isatty():
        print(
            "scenegen deploy: --delete asks for confirmation at a terminal; add --yes to skip it",
            file=sys.stderr,
        )
        return False
    data = (
        "keeping the jobs table and the artifacts bucket"
        if keep_data
        else ("with every job in the table and every artifact in the bucket")
    )
    print(f"This deletes the stacks {stack} and {stack}-aws-only, {data}.")
    typed = input(f"Type {stack} to delete it: ").strip()
    if typed != stack:
        print("scenegen deploy: not confirmed, nothing deleted", file=sys.stderr)
        return False
    return True


def _report(line: str) -> None:
    print(line, flush=True)


async def _save(request: "DeployRequest", settings: "Settings", directory: str) -> dict[str, str]:
    from pathlib import Path

    from infrastructure.bootstrap.deployment_state import save_state

    return await save_state(request, settings, _report, Path(directory))


async def _run(
    request: "DeployRequest", settings: "Settings", args: argparse.Namespace
) -> dict[str, str]:
    from pathlib import Path

    from infrastructure.bootstrap.deployment import deploy
    from infrastructure.bootstrap.deployment_state import restore_state
    from infrastructure.bootstrap.deployment_teardown import teardown

    report = _report
    if args.delete:
        await teardown(request, settings, report, keep_data=args.keep_data)
        return {}
    if args.restore_state:
        return await restore_state(request, settings, report, Path(args.restore_state))
    return await deploy(request, settings, report)
