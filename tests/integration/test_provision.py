"""provision: creates every resource persistent mode needs, and a second run only finds them."""

import json
from collections.abc import AsyncIterator, Callable
from contextlib import suppress
from typing import Any

import pytest
from botocore.exceptions import ClientError

from infrastructure.aws.provision import ensure_token, provision

pytestmark = pytest.mark.integration

RETENTION_DAYS = 9


class Names:
    def __init__(self, new_name: Callable[[str], str]) -> None:
        self.table = new_name("table")
        self.bucket = new_name("bucket")
        self.queue = new_name("queue")
        self.token = f"/{new_name('param')}/internal-token"


@pytest.fixture
async def names(
    new_name: Callable[[str], str], dynamodb: Any, s3: Any, sqs: Any, ssm: Any
) -> AsyncIterator[Names]:
    made = Names(new_name)
    yield made
    await remove(made, dynamodb, s3, sqs, ssm)


async def remove(names: Names, dynamodb: Any, s3: Any, sqs: Any, ssm: Any) -> None:
    """Best effort, for runs against a long-lived emulator (AWS_ENDPOINT_URL)."""
    with suppress(ClientError):
        await dynamodb.delete_table(TableName=names.table)
    with suppress(ClientError):
        await s3.delete_bucket(Bucket=names.bucket)
    for queue in (names.queue, f"{names.queue}-dlq"):
        with suppress(ClientError):
            url = (await sqs.get_queue_url(QueueName=queue))["QueueUrl"]
            await sqs.delete_queue(QueueUrl=url)
    with suppress(ClientError):
        await ssm.delete_parameter(Name=names.token)


async def run(
    names: Names, dynamodb: Any, s3: Any, sqs: Any, ssm: Any, retention_days: int = RETENTION_DAYS
) -> list[str]:
    return await provision(
        dynamodb=dynamodb,
        s3=s3,
        sqs=sqs,
        ssm=ssm,
        table=names.table,
        bucket=names.bucket,
        queue=names.queue,
        token_parameter=names.token,
        retention_days=retention_days,
    )


async def test_second_run_finds_what_the_first_created(
    names: Names, dynamodb: Any, s3: Any, sqs: Any, ssm: Any
) -> None:
    first = await run(names, dynamodb, s3, sqs, ssm)
    assert [line.split()[0] for line in first] == ["created"] * 5
    token = await parameter_value(ssm, names.token)

    second = await run(names, dynamodb, s3, sqs, ssm)
    assert [line.split()[0] for line in second] == ["found"] * 5
    assert f"found table {names.table} (TTL enabled)" in second
    assert f"found parameter {names.token} (value kept)" in second
    assert await parameter_value(ssm, names.token) == token


async def test_table_is_on_demand_keyed_by_pk_with_ttl_enabled(
    names: Names, dynamodb: Any, s3: Any, sqs: Any, ssm: Any
) -> None:
    await run(names, dynamodb, s3, sqs, ssm)
    table = (await dynamodb.describe_table(TableName=names.table))["Table"]
    assert table["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"}]
    assert table["AttributeDefinitions"] == [{"AttributeName": "pk", "AttributeType": "S"}]
    assert table["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
    ttl = (await dynamodb.describe_time_to_live(TableName=names.table))["TimeToLiveDescription"]
    assert ttl == {"TimeToLiveStatus": "ENABLED", "AttributeName": "ttl"}


async def test_bucket_is_private_encrypted_and_expires_job_artifacts(
    names: Names, dynamodb: Any, s3: Any, sqs: Any, ssm: Any
) -> None:
    await run(names, dynamodb, s3, sqs, ssm)
    lifecycle = await s3.get_bucket_lifecycle_configuration(Bucket=names.bucket)
    (rule,) = lifecycle["Rules"]
    assert rule["Filter"] == {"Prefix": "jobs/"}
    assert rule["Expiration"] == {"Days": RETENTION_DAYS}
    assert rule["Status"] == "Enabled"
    block = (await s3.get_public_access_block(Bucket=names.bucket))[
        "PublicAccessBlockConfiguration"
    ]
    assert all(block[flag] for flag in ("BlockPublicAcls", "IgnorePublicAcls"))
    assert all(block[flag] for flag in ("BlockPublicPolicy", "RestrictPublicBuckets"))
    encryption = await s3.get_bucket_encryption(Bucket=names.bucket)
    (default,) = encryption["ServerSideEncryptionConfiguration"]["Rules"]
    assert default["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"


async def test_changed_retention_updates_the_rule_and_keeps_other_rules(
    names: Names, dynamodb: Any, s3: Any, sqs: Any, ssm: Any
) -> None:
    await run(names, dynamodb, s3, sqs, ssm)
    rules = (await s3.get_bucket_lifecycle_configuration(Bucket=names.bucket))["Rules"]
    other = {"ID": "keep-me", "Filter": {"Prefix": "logs/"}, "Status": "Enabled"}
    other["Expiration"] = {"Days": 90}
    await s3.put_bucket_lifecycle_configuration(
        Bucket=names.bucket, LifecycleConfiguration={"Rules": [*rules, other]}
    )
    report = await run(names, dynamodb, s3, sqs, ssm, retention_days=3)
    assert any("expires after 3 days, rule updated" in line for line in report)
    rules = (await s3.get_bucket_lifecycle_configuration(Bucket=names.bucket))["Rules"]
    days = {rule["ID"]: rule["Expiration"]["Days"] for rule in rules}
    assert days == {"keep-me": 90, "expire-job-artifacts": 3}


async def test_queue_dead_letters_after_five_receives(
    names: Names, dynamodb: Any, s3: Any, sqs: Any, ssm: Any
) -> None:
    await run(names, dynamodb, s3, sqs, ssm)
    url = (await sqs.get_queue_url(QueueName=names.queue))["QueueUrl"]
    dead_letter_url = (await sqs.get_queue_url(QueueName=f"{names.queue}-dlq"))["QueueUrl"]
    dead_letter_arn = (
        await sqs.get_queue_attributes(QueueUrl=dead_letter_url, AttributeNames=["QueueArn"])
    )["Attributes"]["QueueArn"]
    attributes = await sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["RedrivePolicy"])
    policy = json.loads(attributes["Attributes"]["RedrivePolicy"])
    assert policy["deadLetterTargetArn"] == dead_letter_arn
    assert int(policy["maxReceiveCount"]) == 5


async def test_token_is_a_random_secure_string_never_overwritten(
    names: Names, dynamodb: Any, s3: Any, sqs: Any, ssm: Any
) -> None:
    await ssm.put_parameter(Name=names.token, Value="chosen-by-ops", Type="SecureString")
    report = await run(names, dynamodb, s3, sqs, ssm)
    assert f"found parameter {names.token} (value kept)" in report
    assert await parameter_value(ssm, names.token) == "chosen-by-ops"

    generated = f"{names.token}-generated"
    assert await ensure_token(ssm, generated) == [f"created parameter {generated} (SecureString)"]
    parameter = (await ssm.get_parameter(Name=generated, WithDecryption=True))["Parameter"]
    await ssm.delete_parameter(Name=generated)
    assert parameter["Type"] == "SecureString"
    assert len(parameter["Value"]) >= 43


async def test_without_a_token_parameter_no_parameter_is_made(
    names: Names, dynamodb: Any, s3: Any, sqs: Any, ssm: Any
) -> None:
    report = await provision(
        dynamodb=dynamodb,
        s3=s3,
        sqs=sqs,
        ssm=ssm,
        table=names.table,
        bucket=names.bucket,
        queue=names.queue,
        token_parameter=None,
        retention_days=RETENTION_DAYS,
    )
    assert not any("parameter" in line for line in report)


async def parameter_value(ssm: Any, name: str) -> str:
    value: str = (await ssm.get_parameter(Name=name, WithDecryption=True))["Parameter"]["Value"]
    return value
