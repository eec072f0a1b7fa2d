"""`scenegen provision`: create or update the AWS resources persistent mode needs."""

import argparse
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from infrastructure.settings import Settings

# asyncio, the settings and the AWS clients (aiobotocore) are imported in the handler, not
# here: building the `scenegen` parser must stay cheap for the other commands.


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "provision",
        help="create or update the tables, bucket, queues, token and webhook secret (idempotent)",
        description=(
            "Creates what is missing and updates what differs: the DynamoDB jobs table (TTL on "
            "`ttl`, the owner-created and active-owner indexes), the API keys table "
            "<JOBS_TABLE>-api-keys, "
            "the S3 bucket (lifecycle expiry after RETENTION_DAYS, public access blocked, "
            "default encryption), the SQS job queue with its dead-letter queue, the SSM "
            "SecureString token, and the CloudWatch dashboard; with WEBHOOKS_QUEUE, the "
            "webhooks queue with its dead-letter queue; with WEBHOOK_SECRET_PARAMETER, that "
            "SecureString holding a generated whsec_ secret (an existing value is kept, never "
            "overwritten). Reads JOBS_TABLE, ARTIFACTS_BUCKET, JOBS_QUEUE, "
            "INTERNAL_TOKEN_PARAMETER, WEBHOOKS_QUEUE, WEBHOOK_SECRET_PARAMETER, RETENTION_DAYS, "
            "AWS_REGION and AWS_ENDPOINT_URL."
        ),
    )
    parser.set_defaults(func=_provision)


def _provision(args: argparse.Namespace) -> int:
    import asyncio

    from infrastructure.settings import ConfigError, Settings

    settings = Settings.from_env(os.environ)
    missing = [
        name
        for name, value in (
            ("JOBS_TABLE", settings.jobs_table),
            ("ARTIFACTS_BUCKET", settings.artifacts_bucket),
            ("JOBS_QUEUE", settings.jobs_queue),
        )
        if not value
    ]
    if missing:
        raise ConfigError(f"{', '.join(missing)} must be set to provision persistent mode")
    lines = asyncio.run(_run(settings))
    for line in lines:
        print(line)
    return 0


async def _run(settings: "Settings") -> list[str]:
    from infrastructure import bootstrap

    try:
        return await bootstrap.provision_from_settings(settings)
    except Exception as error:
        print(f"scenegen provision: failed: {type(error).__name__}: {error}", file=sys.stderr)
        raise SystemExit(1) from error
