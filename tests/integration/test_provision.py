"""provision: creates every resource persistent mode needs, and a second run only finds them."""

import json
from collections.abc import AsyncIterator, Callable
from contextlib import suppress
from typing import Any

import pytest
from botocore.exceptions import ClientError

from infrastructure.aws.provision import (
    MAX_RECEIVE_COUNT,
    QUEUE_VISIBILITY_TIMEOUT_SECONDS,
    WEBHOOKS_RETENTION_SECONDS,
    ProvisionError,
    ensure_token,
    ensure_webhook_secret,
    provision,
    queue_name,
)
from infrastructure.aws.sqs_queue import MAX_DELAY_SECONDS
from infrastructure.settings import Settings
from infrastructure.webhooks.signing import generate_webhook_secret, parse_webhook_secrets

pytestmark = pytest.mark.integration

RETENTION_DAYS = 9


class Names:
    def __init__(self, new_name: Callable[[str], str]) -> None:
        self.table = new_name("table")
        self.bucket = new_name("bucket")
        self.queue = new_name("queue")
        self.token = f"/{new_name('param')}/internal-token"
        self.webhooks_queue = new_name("webhooks")
        self.webhook_secret = f"/{new_name('param')}/webhook-secret"


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
    for queue in (names.queue, names.webhooks_queue):
        for name in (queue, f"{queue}-dlq"):
            with suppress(ClientError):
                url = (await sqs.get_queue_url(QueueName=name))["QueueUrl"]
                await sqs.delete_queue(QueueUrl=url)
    for parameter in (names.token, names.webhook_secret):
        with suppress(ClientError):
            await ssm.delete_parameter(Name=parameter)


async def run(
    names: Names,
    dynamodb: Any,
    s3: Any,
    sqs: Any,
    ssm: Any,
    retention_days: int = RETENTION_DAYS,
    *,
    webhooks: bool = False,
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
        webhooks_queue=names.webhooks_queue if webhooks else None,
        webhook_secret_parameter=names.webhook_secret if webhooks else None,
    )


async def test_second_run_finds_what_the_first_created(
    names: Names, dynamodb: Any, s3: Any, sqs: Any, ssm: Any
) -> None:
    first = await run(names, dynamodb, s3, sqs, ssm)
    assert [line.split()[0] for line in first] == ["created"] * 5
    token = await parameter_value(ssm, names.token)

    second = await run(names, dynamodb, s3, sqs, ssm)
    assert [line.split()[0] for line in second] == ["found"] * 5
    indexes = "indexes owner-created, active-owner"
    assert f"found table {names.table} (TTL enabled, {indexes})" in second
    assert f"found parameter {names.token} (value kept)" in second
    assert await parameter_value(ssm, names.token) == token


async def test_table_is_on_demand_keyed_by_pk_with_ttl_enabled(
    names: Names, dynamodb: Any, s3: Any, sqs: Any, ssm: Any
) -> None:
    await run(names, dynamodb, s3, sqs, ssm)
    table = (await dynamodb.describe_table(TableName=names.table))["Table"]
    assert table["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"}]
    assert sorted(d["AttributeName"] for d in table["AttributeDefinitions"]) == [
        "activeOwner",
        "owner",
        "ownerCreated",
        "pk",
    ]
    assert {d["AttributeType"] for d in table["AttributeDefinitions"]} == {"S"}
    assert table["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
    indexes = {index["IndexName"]: index for index in table["GlobalSecondaryIndexes"]}
    assert indexes["owner-created"]["KeySchema"] == [
        {"AttributeName": "owner", "KeyType": "HASH"},
        {"AttributeName": "ownerCreated", "KeyType": "RANGE"},
    ]
    assert indexes["owner-created"]["Projection"] == {"ProjectionType": "ALL"}
    assert indexes["active-owner"]["KeySchema"] == [
        {"AttributeName": "activeOwner", "KeyType": "HASH"}
    ]
    assert indexes["active-owner"]["Projection"] == {"ProjectionType": "KEYS_ONLY"}
    ttl = (await dynamodb.describe_time_to_live(TableName=names.table))["TimeToLiveDescription"]
    assert ttl == {"TimeToLiveStatus": "ENABLED", "AttributeName": "ttl"}


async def test_a_table_made_before_key_indexes_gets_them(
    names: Names, dynamodb: Any, s3: Any, sqs: Any, ssm: Any
) -> None:
    await dynamodb.create_table(
        TableName=names.table,
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        BillingMode="PAY_PER_REQUEST",
    )
    lines = await run(names, dynamodb, s3, sqs, ssm)
    assert (
        f"found table {names.table} (TTL now enabled on ttl, indexes owner-created, "
        "active-owner; added owner-created, active-owner)"
    ) in lines
    table = (await dynamodb.describe_table(TableName=names.table))["Table"]
    assert {index["IndexName"] for index in table["GlobalSecondaryIndexes"]} == {
        "owner-created",
        "active-owner",
    }


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


async def test_without_webhook_settings_no_webhooks_queue_or_secret_is_made(
    names: Names, dynamodb: Any, s3: Any, sqs: Any, ssm: Any
) -> None:
    report = await run(names, dynamodb, s3, sqs, ssm)
    assert not any(names.webhooks_queue in line or "webhook" in line for line in report)
    with pytest.raises(ClientError):
        await sqs.get_queue_url(QueueName=names.webhooks_queue)
    with pytest.raises(ClientError, match="ParameterNotFound"):
        await ssm.get_parameter(Name=names.webhook_secret)


async def test_webhooks_get_their_queue_dead_letter_queue_and_a_generated_secret(
    names: Names, dynamodb: Any, s3: Any, sqs: Any, ssm: Any
) -> None:
    first = await run(names, dynamodb, s3, sqs, ssm, webhooks=True)
    assert [line.split()[0] for line in first] == ["created"] * 8
    assert f"created queue {names.webhooks_queue}-dlq" in first
    assert f"created parameter {names.webhook_secret} (SecureString, a new webhook secret)" in first

    url = (await sqs.get_queue_url(QueueName=names.webhooks_queue))["QueueUrl"]
    dead_letter_url = (await sqs.get_queue_url(QueueName=f"{names.webhooks_queue}-dlq"))["QueueUrl"]
    dead_letter_arn = (
        await sqs.get_queue_attributes(QueueUrl=dead_letter_url, AttributeNames=["QueueArn"])
    )["Attributes"]["QueueArn"]
    attributes = (await sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"]))[
        "Attributes"
    ]
    policy = json.loads(attributes["RedrivePolicy"])
    assert policy["deadLetterTargetArn"] == dead_letter_arn
    assert int(policy["maxReceiveCount"]) == MAX_RECEIVE_COUNT
    assert int(attributes["VisibilityTimeout"]) == QUEUE_VISIBILITY_TIMEOUT_SECONDS
    retention = int(attributes["MessageRetentionPeriod"])
    assert retention == WEBHOOKS_RETENTION_SECONDS
    # Every attempt may wait SQS's longest delay, and the retention outlasts all of them.
    assert retention > Settings().webhook_max_attempts * MAX_DELAY_SECONDS

    parameter = (await ssm.get_parameter(Name=names.webhook_secret, WithDecryption=True))[
        "Parameter"
    ]
    assert parameter["Type"] == "SecureString"
    (secret,) = parse_webhook_secrets(parameter["Value"])
    assert secret.startswith("whsec_")

    second = await run(names, dynamodb, s3, sqs, ssm, webhooks=True)
    assert [line.split()[0] for line in second] == ["found"] * 8
    assert f"found parameter {names.webhook_secret} (value kept, 1 webhook secret)" in second
    kept = await parameter_value(ssm, names.webhook_secret)
    assert kept == parameter["Value"]


async def test_an_existing_webhook_secret_is_kept_even_while_it_is_rotated(
    names: Names, ssm: Any
) -> None:
    rotating = f"{generate_webhook_secret()} {generate_webhook_secret()}"
    await ssm.put_parameter(Name=names.webhook_secret, Value=rotating, Type="SecureString")
    report = await ensure_webhook_secret(ssm, names.webhook_secret)
    assert report == [f"found parameter {names.webhook_secret} (value kept, 2 webhook secrets)"]
    assert await parameter_value(ssm, names.webhook_secret) == rotating


async def test_an_existing_webhook_secret_that_cannot_sign_is_refused_without_its_value(
    names: Names, ssm: Any
) -> None:
    await ssm.put_parameter(
        Name=names.webhook_secret, Value="not-a-whsec-value", Type="SecureString"
    )
    with pytest.raises(ProvisionError) as refused:
        await ensure_webhook_secret(ssm, names.webhook_secret)
    message = str(refused.value)
    assert names.webhook_secret in message and "whsec_" in message
    assert "delete it to have a secret generated" in message
    assert "not-a-whsec-value" not in message
    assert await parameter_value(ssm, names.webhook_secret) == "not-a-whsec-value"


def test_a_queue_given_by_url_is_provisioned_by_its_name() -> None:
    # CloudFormation's Ref of a queue is its URL, and the service takes either.
    url = "https://sqs.us-east-1.amazonaws.com/123456789012/stack-webhooks"
    assert queue_name(url) == "stack-webhooks"
    assert queue_name("stack-webhooks") == "stack-webhooks"


async def parameter_value(ssm: Any, name: str) -> str:
    value: str = (await ssm.get_parameter(Name=name, WithDecryption=True))["Parameter"]["Value"]
    return value


async def test_the_api_keys_table_is_made_once_keyed_by_the_key_id(
    names: Names, dynamodb: Any, s3: Any, sqs: Any, ssm: Any
) -> None:
    keys_table = f"{names.table}-api-keys"
    common = {
        "dynamodb": dynamodb,
        "s3": s3,
        "sqs": sqs,
        "ssm": ssm,
        "table": names.table,
        "bucket": names.bucket,
        "queue": names.queue,
        "token_parameter": None,
        "retention_days": RETENTION_DAYS,
    }
    try:
        first = await provision(**common, keys_table=keys_table)
        assert f"created table {keys_table} (API keys)" in first
        second = await provision(**common, keys_table=keys_table)
        assert f"found table {keys_table} (API keys)" in second
        table = (await dynamodb.describe_table(TableName=keys_table))["Table"]
        assert table["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"}]
        assert table["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
    finally:
        with suppress(ClientError):
            await dynamodb.delete_table(TableName=keys_table)
