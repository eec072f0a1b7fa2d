"""Fresh clients and resources per test, on the session's AWS endpoint (tests/aws_emulator.py)."""

import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from infrastructure.aws import clients, deadlines
from infrastructure.aws.provision import ensure_bucket, ensure_queue, ensure_table
from tests.aws_emulator import REGION, RETENTION_DAYS

EMULATOR_DEADLINE_SECONDS = 30.0
"""The deadline of one AWS call in these tests, unless a test is about the deadline itself."""


@pytest.fixture(autouse=True)
def patient_deadline(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The contract tests check what the adapters do against one emulator process, which a busy
    machine slows past the API's 1.8 s deadline (16 racing conditional writes timed out once in
    a `make test` with both cores busy); the deadline is checked where it is the point, in the
    tests marked `deadline` and in tests/e2e/test_persistent_frozen_emulator.py."""
    if request.node.get_closest_marker("deadline") is None:
        monkeypatch.setattr(deadlines, "REQUEST_DEADLINE_SECONDS", EMULATOR_DEADLINE_SECONDS)


def unique_name(kind: str) -> str:
    """Lowercase, 3..63 characters of [a-z0-9-]: valid for tables, buckets, queues, parameters."""
    return f"sg-test-{kind}-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def new_name() -> Callable[[str], str]:
    """Makes fresh resource names for tests that create their own resources."""
    return unique_name


@pytest.fixture
async def dynamodb(aws_endpoint: str) -> AsyncIterator[Any]:
    async with clients.dynamodb_client(clients.new_session(), REGION, aws_endpoint) as client:
        yield client


@pytest.fixture
async def s3(aws_endpoint: str) -> AsyncIterator[Any]:
    async with clients.s3_client(clients.new_session(), REGION, aws_endpoint) as client:
        yield client


@pytest.fixture
async def sqs(aws_endpoint: str) -> AsyncIterator[Any]:
    async with clients.sqs_client(clients.new_session(), REGION, aws_endpoint) as client:
        yield client


@pytest.fixture
async def ssm(aws_endpoint: str) -> AsyncIterator[Any]:
    async with clients.ssm_client(clients.new_session(), REGION, aws_endpoint) as client:
        yield client


@pytest.fixture
async def jobs_table(dynamodb: Any) -> AsyncIterator[str]:
    """A fresh table as `scenegen provision` makes it."""
    name = unique_name("jobs")
    await ensure_table(dynamodb, name)
    yield name
    await dynamodb.delete_table(TableName=name)


@pytest.fixture
async def artifacts_bucket(s3: Any) -> AsyncIterator[str]:
    name = unique_name("artifacts")
    await ensure_bucket(s3, name, retention_days=RETENTION_DAYS)
    yield name
    listed = await s3.list_objects_v2(Bucket=name)
    for item in listed.get("Contents", []):
        await s3.delete_object(Bucket=name, Key=item["Key"])
    await s3.delete_bucket(Bucket=name)


class Queues:
    """A job queue and its dead-letter queue, as `scenegen provision` makes them."""

    def __init__(self, url: str, dead_letter_url: str) -> None:
        self.url = url
        self.dead_letter_url = dead_letter_url


@pytest.fixture
async def queues(sqs: Any) -> AsyncIterator[Queues]:
    name = unique_name("jobs")
    await ensure_queue(sqs, name)
    url = (await sqs.get_queue_url(QueueName=name))["QueueUrl"]
    dead_letter_url = (await sqs.get_queue_url(QueueName=f"{name}-dlq"))["QueueUrl"]
    yield Queues(url, dead_letter_url)
    await sqs.delete_queue(QueueUrl=url)
    await sqs.delete_queue(QueueUrl=dead_letter_url)


@pytest.fixture
def parameter_name() -> str:
    """A fresh SSM parameter name; the test puts the parameter itself."""
    return f"/scenegen-test/{uuid.uuid4().hex[:12]}/internal-token"
