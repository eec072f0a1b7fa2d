"""aiobotocore clients as async context managers, usable as dependency-injector Resources.

    session = providers.Singleton(clients.new_session)
    dynamodb = providers.Resource(clients.dynamodb_client, session, region, endpoint_url)

`endpoint_url` points a client at an emulator (MiniStack, LocalStack); None means AWS.
Credentials come from the standard chain (environment, profile, task role).
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
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


@asynccontextmanager
async def aws_client(
    service: str, session: AioSession, region: str, endpoint_url: str | None
) -> AsyncIterator[Any]:
    """One aiobotocore client; S3 gets SigV4 (and path-style URLs on an emulator)."""
    config = s3_client_config(endpoint_url) if service == "s3" else client_config()
    async with session.create_client(
        service, region_name=region, endpoint_url=endpoint_url or None, config=config
    ) as client:
        yield client


dynamodb_client = partial(aws_client, "dynamodb")
s3_client = partial(aws_client, "s3")
sqs_client = partial(aws_client, "sqs")
ssm_client = partial(aws_client, "ssm")
cloudwatch_client = partial(aws_client, "cloudwatch")
