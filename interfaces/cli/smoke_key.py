"""`scenegen smoke --create-key`: a key made for one smoke check and revoked right after it.

For a pipeline that just deployed a stack (docs/deploy.md): it has the AWS credentials and the
stack's keys table, but no key of its own to keep. The secret never leaves this process.
"""

import os
import sys
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from application.errors import DependencyUnavailable
from application.use_cases.api_keys import CreateApiKey
from infrastructure.bootstrap import key_admin_from_settings
from infrastructure.settings import ConfigError, Settings

SMOKE_KEY_RATE_PER_MINUTE = 5
SMOKE_KEY_MAX_ACTIVE = 2


class SmokeKeyUnavailable(Exception):
    """The temporary key could not be made; the message is one line."""


def key_admin_settings(env: Mapping[str, str]) -> Settings:
    """Only what reaching the keys table needs: JOBS_TABLE, the region and the endpoint."""
    table = env.get("JOBS_TABLE", "").strip()
    if not table:
        raise SmokeKeyUnavailable(
            "--create-key needs JOBS_TABLE (the stack's output JobsTableName): the key is made "
            "in <JOBS_TABLE>-api-keys"
        )
    region = (env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION") or "").strip()
    endpoint = env.get("AWS_ENDPOINT_URL", "").strip() or None
    return Settings(jobs_table=table, aws_region=region or "us-east-1", aws_endpoint_url=endpoint)


@asynccontextmanager
async def temporary_key(env: Mapping[str, str] = os.environ) -> AsyncIterator[str]:
    """A new key's secret (low limits, named after the moment), revoked when the block ends,
    whether the check passed or not. A key that cannot be revoked is named on stderr."""
    settings = key_admin_settings(env)
    name = "smoke-" + datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    try:
        async with key_admin_from_settings(settings) as admin:
            created = await admin.create(
                CreateApiKey(
                    name=name,
                    rate_per_minute=SMOKE_KEY_RATE_PER_MINUTE,
                    max_active=SMOKE_KEY_MAX_ACTIVE,
                )
            )
    except (ConfigError, DependencyUnavailable) as error:
        table = f"{settings.jobs_table}-api-keys"
        raise SmokeKeyUnavailable(f"could not create a key in {table}: {error}") from None
    print(f"smoke: made key {created.key.id} ({name}) for this check; revoked after it")
    try:
        yield created.secret
    finally:
        try:
            async with key_admin_from_settings(settings) as admin:
                await admin.revoke(created.key.id)
            print(f"smoke: revoked key {created.key.id}")
        except Exception as error:  # the check's own outcome must still show
            print(
                f"smoke: could not revoke key {created.key.id} ({type(error).__name__}); "
                f"revoke it: scenegen keys revoke {created.key.id}",
                file=sys.stderr,
            )
