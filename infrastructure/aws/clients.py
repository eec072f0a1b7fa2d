"""aiobotocore clients as async context managers, usable as dependency-injector Resources.

    session = providers.Singleton(clients.new_session)
    dynamodb = providers.Resource(clients.dynamodb_client, session, region, endpoint_url)

`endpoint_url` points a client at an emulator (MiniStack, LocalStack); None means AWS.
Credentials come from the standard chain (environment, profile, task role).
"""

from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

from aiobotocore.config import AioConfig
from aiobotocore.session import AioSession, get_session

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


def _create(
    session: AioSession,
    service: str,
    region: str,
    endpoint_url: str | None,
    config: AioConfig | None = None,
) -> AbstractAsyncContextManager[Any]:
    client: AbstractAsyncContextManager[Any] = session.create_client(
        service,
        region_name=region,
        endpoint_url=endpoint_url or None,
        config=config or client_config(),
    )
    return client


@asynccontextmanager
async def dynamodb_client(
    session: AioSession, region: str, endpoint_url: str | None
) -> AsyncIterator[Any]:
    async with _create(session, "dynamodb", region, endpoint_url) as client:
        yield client


@asynccontextmanager
async def s3_client(
    session: AioSession, region: str, endpoint_url: str | None
) -> AsyncIterator[Any]:
    config = s3_client_config(endpoint_url)
    async with _create(session, "s3", region, endpoint_url, config) as client:
        yield client


@asynccontextmanager
async def sqs_client(
    session: AioSession, region: str, endpoint_url: str | None
) -> AsyncIterator[Any]:
    async with _create(session, "sqs", region, endpoint_url) as client:
        yield client


@asynccontextmanager
async def ssm_client(
    session: AioSession, region: str, endpoint_url: str | None
) -> AsyncIterator[Any]:
    async with _create(session, "ssm", region, endpoint_url) as client:
        yield client


@asynccontextmanager
async def cloudwatch_client(
    session: AioSession, region: str, endpoint_url: str | None
) -> AsyncIterator[Any]:
    async with _create(session, "cloudwatch", region, endpoint_url) as client:
        yield client
