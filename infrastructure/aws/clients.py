"""Typed aiobotocore clients as async context managers, usable as dependency-injector Resources.

    session = providers.Singleton(clients.new_session)
    dynamodb = providers.Resource(clients.dynamodb_client, session, region, endpoint_url)

`endpoint_url` points a client at an emulator (MiniStack, LocalStack); None means AWS.
Credentials come from the standard chain (environment, profile, task role).
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any, NamedTuple

from aiobotocore.config import AioConfig
from aiobotocore.session import AioSession, get_session

from infrastructure.aws.sqs_queue import MAX_WAIT_SECONDS

if TYPE_CHECKING:  # the types-aiobotocore stubs are a development dependency
    from types_aiobotocore_cloudwatch import CloudWatchClient
    from types_aiobotocore_dynamodb import DynamoDBClient
    from types_aiobotocore_s3 import S3Client
    from types_aiobotocore_sqs import SQSClient
    from types_aiobotocore_ssm import SSMClient


class Deadlines(NamedTuple):
    """How long one AWS call may take: per attempt, and how many attempts (retries included)."""

    connect_seconds: float
    read_seconds: float
    max_attempts: int

    def config(self, **options: Any) -> AioConfig:
        return AioConfig(
            connect_timeout=self.connect_seconds,
            read_timeout=self.read_seconds,
            # "standard": retries throttling and transient errors with capped, jittered backoff.
            # botocore's "max_attempts" counts retries only; "total_max_attempts" counts all.
            retries={"total_max_attempts": self.max_attempts, "mode": "standard"},
            **options,
        )


REQUEST_PATH = Deadlines(connect_seconds=0.5, read_seconds=0.8, max_attempts=2)
"""DynamoDB, SSM and CloudWatch answer in milliseconds. A hung endpoint costs at most two 0.8 s
reads and a jittered backoff, and the request path bounds the whole call at 1.8 s
(`deadlines.REQUEST_DEADLINE_SECONDS`), so the API answers 503 within 2 s instead of botocore's
minutes (60 s connect and read timeouts, retried); a refused connection fails at once."""

ARTIFACT_UPLOADS = Deadlines(connect_seconds=1.0, read_seconds=5.0, max_attempts=2)
"""S3 answers a PUT only once the whole object arrived. On the API's request path only the
artifact reads of a done job (`GET /status/{id}/scene-graph.json`) wait for S3, and they run
under the request deadline (1.8 s); links are presigned locally."""

QUEUE = Deadlines(connect_seconds=1.0, read_seconds=MAX_WAIT_SECONDS + 5.0, max_attempts=2)
"""A receive long-polls for up to 20 s, so reads must outlast it; SqsJobQueue puts its own
deadline on every other call (enqueue is on the request path)."""

CONTROL_PLANE = Deadlines(connect_seconds=5.0, read_seconds=30.0, max_attempts=4)
"""Provisioning and deployment: slower calls, nobody waiting on an HTTP answer."""


def new_session() -> AioSession:
    return get_session()


def client_config() -> AioConfig:
    """For control-plane clients (CloudFormation) made elsewhere."""
    return CONTROL_PLANE.config()


def s3_client_config(
    endpoint_url: str | None, deadlines: Deadlines = ARTIFACT_UPLOADS
) -> AioConfig:
    """SigV4 always (aiobotocore would presign with SigV2); path-style URLs on an emulator."""
    if endpoint_url:
        return deadlines.config(signature_version="s3v4", s3={"addressing_style": "path"})
    return deadlines.config(signature_version="s3v4")


@asynccontextmanager
async def dynamodb_client(
    session: AioSession, region: str, endpoint_url: str | None, deadlines: Deadlines = REQUEST_PATH
) -> AsyncIterator["DynamoDBClient"]:
    async with session.create_client(
        "dynamodb",
        region_name=region,
        endpoint_url=endpoint_url or None,
        config=deadlines.config(),
    ) as client:
        yield client


@asynccontextmanager
async def s3_client(
    session: AioSession,
    region: str,
    endpoint_url: str | None,
    deadlines: Deadlines = ARTIFACT_UPLOADS,
) -> AsyncIterator["S3Client"]:
    """SigV4 (and path-style URLs on an emulator): see s3_client_config."""
    async with session.create_client(
        "s3",
        region_name=region,
        endpoint_url=endpoint_url or None,
        config=s3_client_config(endpoint_url, deadlines),
    ) as client:
        yield client


@asynccontextmanager
async def sqs_client(
    session: AioSession, region: str, endpoint_url: str | None, deadlines: Deadlines = QUEUE
) -> AsyncIterator["SQSClient"]:
    async with session.create_client(
        "sqs", region_name=region, endpoint_url=endpoint_url or None, config=deadlines.config()
    ) as client:
        yield client


@asynccontextmanager
async def ssm_client(
    session: AioSession, region: str, endpoint_url: str | None, deadlines: Deadlines = REQUEST_PATH
) -> AsyncIterator["SSMClient"]:
    async with session.create_client(
        "ssm", region_name=region, endpoint_url=endpoint_url or None, config=deadlines.config()
    ) as client:
        yield client


@asynccontextmanager
async def cloudwatch_client(
    session: AioSession, region: str, endpoint_url: str | None, deadlines: Deadlines = REQUEST_PATH
) -> AsyncIterator["CloudWatchClient"]:
    async with session.create_client(
        "cloudwatch",
        region_name=region,
        endpoint_url=endpoint_url or None,
        config=deadlines.config(),
    ) as client:
        yield client
