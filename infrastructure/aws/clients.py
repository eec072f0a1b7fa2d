"""Typed aiobotocore clients as async context managers, usable as dependency-injector Resources.

    session = providers.Singleton(clients.new_session)
    dynamodb = providers.Resource(clients.dynamodb_client, session, region, endpoint_url)

`endpoint_url` points a client at an emulator (MiniStack, LocalStack); None means AWS.
Credentials come from the standard chain (environment, profile, task role).
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from aiobotocore.config import AioConfig
from aiobotocore.session import AioSession, get_session

if TYPE_CHECKING:  # the types-aiobotocore stubs are a development dependency
    from types_aiobotocore_cloudwatch import CloudWatchClient
    from types_aiobotocore_dynamodb import DynamoDBClient
    from types_aiobotocore_s3 import S3Client
    from types_aiobotocore_sqs import SQSClient
    from types_aiobotocore_ssm import SSMClient

_TIMEOUTS_AND_RETRIES: dict[str, Any] = {
    "connect_timeout": 5,
    "read_timeout": 30,  # above SQS's longest poll (20 s)
    "retries": {"max_attempts": 3, "mode": "standard"},
}


def new_session() -> AioSession:
    return get_session()


def client_config() -> AioConfig:
    return AioConfig(**_TIMEOUTS_AND_RETRIES)


def s3_client_config(endpoint_url: str | None) -> AioConfig:
    """SigV4 always (aiobotocore would presign with SigV2); path-style URLs on an emulator."""
    if endpoint_url:
        return AioConfig(
            signature_version="s3v4", s3={"addressing_style": "path"}, **_TIMEOUTS_AND_RETRIES
        )
    return AioConfig(signature_version="s3v4", **_TIMEOUTS_AND_RETRIES)


@asynccontextmanager
async def dynamodb_client(
    session: AioSession, region: str, endpoint_url: str | None
) -> AsyncIterator["DynamoDBClient"]:
    async with session.create_client(
        "dynamodb", region_name=region, endpoint_url=endpoint_url or None, config=client_config()
    ) as client:
        yield client


@asynccontextmanager
async def s3_client(
    session: AioSession, region: str, endpoint_url: str | None
) -> AsyncIterator["S3Client"]:
    """SigV4 (and path-style URLs on an emulator): see s3_client_config."""
    async with session.create_client(
        "s3",
        region_name=region,
        endpoint_url=endpoint_url or None,
        config=s3_client_config(endpoint_url),
    ) as client:
        yield client


@asynccontextmanager
async def sqs_client(
    session: AioSession, region: str, endpoint_url: str | None
) -> AsyncIterator["SQSClient"]:
    async with session.create_client(
        "sqs", region_name=region, endpoint_url=endpoint_url or None, config=client_config()
    ) as client:
        yield client


@asynccontextmanager
async def ssm_client(
    session: AioSession, region: str, endpoint_url: str | None
) -> AsyncIterator["SSMClient"]:
    async with session.create_client(
        "ssm", region_name=region, endpoint_url=endpoint_url or None, config=client_config()
    ) as client:
        yield client


@asynccontextmanager
async def cloudwatch_client(
    session: AioSession, region: str, endpoint_url: str | None
) -> AsyncIterator["CloudWatchClient"]:
    async with session.create_client(
        "cloudwatch",
        region_name=region,
        endpoint_url=endpoint_url or None,
        config=client_config(),
    ) as client:
        yield client
