"""`scenegen keys create|list|revoke`: manage the API keys in DynamoDB (persistent mode)."""

import argparse
import os
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from domain.keys import ApiKey
    from infrastructure.bootstrap import KeyAdmin

# asyncio, the settings and the AWS clients are imported in the handlers, not here: building
# the `scenegen` parser must stay cheap for the other commands.


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "keys",
        help="create, list and revoke API keys (DynamoDB, persistent mode)",
        description=(
            "Manages the API keys kept in <JOBS_TABLE>-api-keys (made by `scenegen provision`). "
            "Reads JOBS_TABLE, AWS_REGION and AWS_ENDPOINT_URL, and AWS credentials from the "
            "standard chain."
        ),
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = actions.add_parser(
        "create", help="create a key and print its secret (shown this once, never again)"
    )
    create.add_argument("--name", required=True, help="who or what the key is for")
    create.add_argument(
        "--rate-per-minute", type=_positive, help="submissions a minute (RATE_LIMIT_PER_MINUTE)"
    )
    create.add_argument(
        "--max-active", type=_positive, help="queued or running jobs (MAX_ACTIVE_JOBS_PER_KEY)"
    )
    create.set_defaults(func=_create)
    listing = actions.add_parser("list", help="list every key (never a secret)")
    listing.set_defaults(func=_list)
    revoke = actions.add_parser("revoke", help="revoke a key for good (refused within 60 s)")
    revoke.add_argument("id", help="the key's id (key_...)")
    revoke.set_defaults(func=_revoke)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _create(args: argparse.Namespace) -> int:
    from application.use_cases.api_keys import CreateApiKey

    async def create(admin: "KeyAdmin") -> int:
        created = await admin.create(
            CreateApiKey(
                name=args.name, rate_per_minute=args.rate_per_minute, max_active=args.max_active
            )
        )
        print(f"created {created.key.id} ({created.key.name}, {_limits(created.key)})")
        print(f"secret (shown once, store it now): {created.secret}")
        return 0

    return _run("create", create)


def _list(args: argparse.Namespace) -> int:
    async def listing(admin: "KeyAdmin") -> int:
        keys = await admin.list()
        if not keys:
            print("no keys")
        for key in keys:
            state = "revoked" if key.revoked else "active"
            created = key.created_at.strftime("%Y-%m-%dT%H:%M:%SZ")
            print(f"{key.id}  {state:7}  {created}  {_limits(key)}  {key.name}")
        return 0

    return _run("list", listing)


def _revoke(args: argparse.Namespace) -> int:
    async def revoke(admin: "KeyAdmin") -> int:
        key = await admin.revoke(args.id)
        print(f"revoked {key.id} ({key.name}); every API process refuses it within 60 s")
        return 0

    return _run("revoke", revoke)


def _limits(key: "ApiKey") -> str:
    rate = "default" if key.rate_per_minute is None else str(key.rate_per_minute)
    active = "default" if key.max_active is None else str(key.max_active)
    return f"rate {rate}/min, max active {active}"


def _run(action: str, work: Callable[["KeyAdmin"], Awaitable[int]]) -> int:
    """Runs `work` over the key administration use cases; every failure is one line."""
    import asyncio

    from application.errors import DependencyUnavailable
    from application.use_cases.api_keys import ApiKeyNotFound
    from domain.keys import InvalidApiKey
    from infrastructure.bootstrap import key_admin_from_settings
    from infrastructure.settings import Settings

    settings = Settings.from_env(os.environ)  # a ConfigError is main's one line

    async def run() -> int:
        async with key_admin_from_settings(settings) as admin:
            return await work(admin)

    prefix = f"scenegen keys {action}"
    try:
        return asyncio.run(run())
    except InvalidApiKey as invalid:
        print(f"{prefix}: {invalid}", file=sys.stderr)
        return 2
    except ApiKeyNotFound as missing:
        print(f"{prefix}: no key has id {missing}", file=sys.stderr)
        return 1
    except DependencyUnavailable as down:
        print(f"{prefix}: {down} (is the table made? run `scenegen provision`)", file=sys.stderr)
        return 1
