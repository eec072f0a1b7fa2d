"""One-shot: the key administration use cases over the DynamoDB keys table (`scenegen keys`)."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import msgspec

from application.use_cases.api_keys import (
    CreateApiKeyHandler,
    ListApiKeysHandler,
    RevokeApiKeyHandler,
)
from infrastructure.aws import clients
from infrastructure.aws.dynamodb_key_store import DynamoDbKeyStore, keys_table_for
from infrastructure.settings import ConfigError, Settings
from infrastructure.time_and_randomness import RandomKeySecrets, SystemClock


class KeyAdmin(msgspec.Struct, frozen=True, kw_only=True):
    create: CreateApiKeyHandler
    list: ListApiKeysHandler
    revoke: RevokeApiKeyHandler


@asynccontextmanager
async def key_admin_from_settings(settings: Settings) -> AsyncIterator[KeyAdmin]:
    """The use cases over `<JOBS_TABLE>-api-keys` (as `scenegen provision` makes it), with the
    AWS region, endpoint and credentials every persistent-mode command uses."""
    if not settings.jobs_table:
        raise ConfigError("JOBS_TABLE must be set: API keys live in <JOBS_TABLE>-api-keys")
    session = clients.new_session()
    async with clients.dynamodb_client(
        session, settings.aws_region, settings.aws_endpoint_url, clients.CONTROL_PLANE
    ) as dynamodb:
        keys = DynamoDbKeyStore(dynamodb, keys_table_for(settings.jobs_table))
        clock = SystemClock()
        yield KeyAdmin(
            create=CreateApiKeyHandler(keys=keys, secrets=RandomKeySecrets(), clock=clock),
            list=ListApiKeysHandler(keys=keys),
            revoke=RevokeApiKeyHandler(keys=keys, clock=clock),
        )
