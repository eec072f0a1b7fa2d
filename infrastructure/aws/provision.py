"""Create or update the AWS resources persistent mode needs; safe to run again and again.

One `ensure_*` step per resource, each returning the lines it reports. `provision` runs them in
order; a new resource (the CloudWatch dashboard, say) is one more step added there.
"""

import asyncio
import json
import secrets
from collections.abc import Callable
from typing import Any

from botocore.exceptions import ClientError

from infrastructure.aws.errors import error_code
from infrastructure.aws.job_items import ACTIVE_INDEX, OWNER_INDEX
from infrastructure.aws.s3_artifact_store import ARTIFACT_PREFIX
from infrastructure.webhooks.signing import (
    InvalidWebhookSecret,
    generate_webhook_secret,
    parse_webhook_secrets,
)

TTL_ATTRIBUTE = "ttl"
LIFECYCLE_RULE_ID = "expire-job-artifacts"
DEAD_LETTER_SUFFIX = "-dlq"
MAX_RECEIVE_COUNT = 5
DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 3600
QUEUE_VISIBILITY_TIMEOUT_SECONDS = 60
WEBHOOKS_RETENTION_SECONDS = 4 * 24 * 3600
"""A webhook message waits at most 15 minutes (SQS's longest delay) before each attempt, so
8 attempts need about 2 hours; 4 days also outlasts a long outage of the workers."""

_NO_QUEUE = {"AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist"}
_NO_BUCKET = {"404", "NoSuchBucket", "NotFound"}


class ProvisionError(RuntimeError):
    """A resource exists in a shape this service cannot use; says what to fix."""


async def provision(
    *,
    dynamodb: Any,
    s3: Any,
    sqs: Any,
    ssm: Any,
    table: str,
    bucket: str,
    queue: str,
    token_parameter: str | None,
    retention_days: int,
    webhooks_queue: str | None = None,
    webhook_secret_parameter: str | None = None,
    keys_table: str | None = None,
) -> list[str]:
    """Make every resource exist as the service expects; returns what was found or changed.

    The webhooks queue, the webhook secret parameter and the API keys table are made only
    when named.
    """
    report = await ensure_table(dynamodb, table)
    if keys_table:
        report += await ensure_keys_table(dynamodb, keys_table)
    report += await ensure_bucket(s3, bucket, retention_days=retention_days)
    report += await ensure_queue(sqs, queue)
    if webhooks_queue:
        report += await ensure_queue(
            sqs, webhooks_queue, message_retention_seconds=WEBHOOKS_RETENTION_SECONDS
        )
    if token_parameter:
        report += await ensure_token(ssm, token_parameter)
    if webhook_secret_parameter:
        report += await ensure_webhook_secret(ssm, webhook_secret_parameter)
    return report


JOB_INDEXES: dict[str, dict[str, Any]] = {
    OWNER_INDEX: {
        "IndexName": OWNER_INDEX,
        "KeySchema": [
            {"AttributeName": "owner", "KeyType": "HASH"},
            {"AttributeName": "ownerCreated", "KeyType": "RANGE"},
        ],
        "Projection": {"ProjectionType": "ALL"},
    },
    ACTIVE_INDEX: {
        "IndexName": ACTIVE_INDEX,
        "KeySchema": [{"AttributeName": "activeOwner", "KeyType": "HASH"}],
        "Projection": {"ProjectionType": "KEYS_ONLY"},
    },
}
"""The jobs table's indexes over a key's jobs (see job_items): listing and counting active."""
_INDEX_ATTRIBUTES = [
    {"AttributeName": name, "AttributeType": "S"}
    for name in ("owner", "ownerCreated", "activeOwner")
]


async def ensure_table(client: Any, name: str) -> list[str]:
    """On-demand table keyed by `pk` (string), with TTL on `ttl` and the indexes of JOB_INDEXES
    (added one at a time to a table made before them, as DynamoDB allows)."""
    verb, described = await _ensure_keyed_table(
        client,
        name,
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, *_INDEX_ATTRIBUTES],
        GlobalSecondaryIndexes=list(JOB_INDEXES.values()),
    )
    indexes = await _ensure_indexes(client, name, described)
    return [f"{verb} table {name} ({await _ensure_ttl(client, name)}, {indexes})"]


async def ensure_keys_table(client: Any, name: str) -> list[str]:
    """The API keys' on-demand table keyed by `pk` (the key id): no TTL, keys live until revoked
    and stay listed after (see dynamodb_key_store for why a table of their own)."""
    verb, _ = await _ensure_keyed_table(
        client, name, AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}]
    )
    return [f"{verb} table {name} (API keys)"]


async def _ensure_keyed_table(
    client: Any, name: str, **creation: Any
) -> tuple[str, dict[str, Any]]:
    """Found or created (on demand, keyed by a string `pk`) and ACTIVE; its description."""
    try:
        described = await client.describe_table(TableName=name)
        verb = "found"
    except ClientError as error:
        if error_code(error) != "ResourceNotFoundException":
            raise
        described = await client.create_table(
            TableName=name,
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            BillingMode="PAY_PER_REQUEST",
            **creation,
        )
        verb = "created"
    key = [(k["AttributeName"], k["KeyType"]) for k in _table(described)["KeySchema"]]
    if key != [("pk", "HASH")]:
        raise ProvisionError(f"table {name} has key {key}; this service needs a string key 'pk'")
    await client.get_waiter("table_exists").wait(
        TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 120}
    )
    return verb, _table(described)


async def _ensure_indexes(client: Any, table: str, described: dict[str, Any]) -> str:
    present = {index["IndexName"] for index in described.get("GlobalSecondaryIndexes", [])}
    added = []
    for index_name, index in JOB_INDEXES.items():
        if index_name in present:
            continue
        await client.update_table(
            TableName=table,
            AttributeDefinitions=_INDEX_ATTRIBUTES,
            GlobalSecondaryIndexUpdates=[{"Create": index}],
        )
        await _wait_for_index(client, table, index_name)
        added.append(index_name)
    names = ", ".join(JOB_INDEXES)
    return f"indexes {names}" + (f"; added {', '.join(added)}" if added else "")


async def _wait_for_index(client: Any, table: str, index_name: str) -> None:
    """DynamoDB builds a new index in the background; the API may use it once it is ACTIVE."""
    for _ in range(600):
        described = _table(await client.describe_table(TableName=table))
        statuses = {
            index["IndexName"]: index.get("IndexStatus", "ACTIVE")
            for index in described.get("GlobalSecondaryIndexes", [])
        }
        if statuses.get(index_name) == "ACTIVE":
            return
        await asyncio.sleep(1)
    raise ProvisionError(f"index {index_name} of table {table} did not become ACTIVE in 10 min")


async def _ensure_ttl(client: Any, table: str) -> str:
    response = await client.describe_time_to_live(TableName=table)
    description = response.get("TimeToLiveDescription", {})
    status = description.get("TimeToLiveStatus", "DISABLED")
    attribute = description.get("AttributeName")
    if status in ("ENABLED", "ENABLING"):
        if attribute != TTL_ATTRIBUTE:
            raise ProvisionError(
                f"table {table} has TTL on {attribute!r}; disable it to use {TTL_ATTRIBUTE!r}"
            )
        return "TTL enabled"
    await client.update_time_to_live(
        TableName=table,
        TimeToLiveSpecification={"Enabled": True, "AttributeName": TTL_ATTRIBUTE},
    )
    return f"TTL now enabled on {TTL_ATTRIBUTE}"


def _table(described: dict[str, Any]) -> dict[str, Any]:
    table: dict[str, Any] = described.get("Table") or described["TableDescription"]
    return table


async def ensure_bucket(client: Any, name: str, *, retention_days: int) -> list[str]:
    """Private bucket, AES256 by default, artifacts under the job prefix expiring with the jobs."""
    verb = "found"
    try:
        await client.head_bucket(Bucket=name)
    except ClientError as error:
        code = error_code(error)
        if code not in _NO_BUCKET:
            raise ProvisionError(f"bucket {name} exists but is not accessible ({code})") from error
        await client.create_bucket(Bucket=name, **_location(client.meta.region_name))
        verb = "created"
    await client.put_public_access_block(
        Bucket=name,
        PublicAccessBlockConfiguration={
            "BlockPublicAcls": True,
            "IgnorePublicAcls": True,
            "BlockPublicPolicy": True,
            "RestrictPublicBuckets": True,
        },
    )
    encryption = await _ensure_default_encryption(client, name)
    lifecycle = await _ensure_lifecycle(client, name, retention_days)
    return [f"{verb} bucket {name} (public access blocked, {encryption}, {lifecycle})"]


async def _ensure_default_encryption(client: Any, bucket: str) -> str:
    """Keeps any default encryption already set (a KMS key is not downgraded)."""
    try:
        response = await client.get_bucket_encryption(Bucket=bucket)
        rules = response["ServerSideEncryptionConfiguration"]["Rules"]
        algorithm = rules[0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"]
        return f"default encryption {algorithm}"
    except ClientError as error:
        if error_code(error) != "ServerSideEncryptionConfigurationNotFoundError":
            raise
    await client.put_bucket_encryption(
        Bucket=bucket,
        ServerSideEncryptionConfiguration={
            "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]
        },
    )
    return "default encryption now AES256"


async def _ensure_lifecycle(client: Any, bucket: str, retention_days: int) -> str:
    """Adds or fixes this service's rule by its id, leaving any other rule of the bucket alone."""
    wanted = {
        "ID": LIFECYCLE_RULE_ID,
        "Filter": {"Prefix": ARTIFACT_PREFIX},
        "Status": "Enabled",
        "Expiration": {"Days": retention_days},
    }
    described = f"{ARTIFACT_PREFIX} expires after {retention_days} days"
    try:
        response = await client.get_bucket_lifecycle_configuration(Bucket=bucket)
        rules: list[dict[str, Any]] = response.get("Rules", [])
    except ClientError as error:
        if error_code(error) != "NoSuchLifecycleConfiguration":
            raise
        rules = []
    ours = [rule for rule in rules if rule.get("ID") == LIFECYCLE_RULE_ID]
    if ours and all(ours[0].get(field) == value for field, value in wanted.items()):
        return described
    others = [rule for rule in rules if rule.get("ID") != LIFECYCLE_RULE_ID]
    await client.put_bucket_lifecycle_configuration(
        Bucket=bucket, LifecycleConfiguration={"Rules": [*others, wanted]}
    )
    return f"{described}, rule {'updated' if ours else 'added'}"


async def ensure_queue(
    client: Any,
    name: str,
    *,
    max_receive_count: int = MAX_RECEIVE_COUNT,
    message_retention_seconds: int | None = None,
) -> list[str]:
    """A queue and `<name>-dlq`, where a message goes after `max_receive_count` receives.

    `message_retention_seconds` is set when the queue is created (SQS's default otherwise); an
    existing queue keeps its own.
    """
    dead_letter_name = name + DEAD_LETTER_SUFFIX
    dead_letter_url, dead_letter_verb = await _ensure_queue_exists(
        client,
        dead_letter_name,
        {"MessageRetentionPeriod": str(DEAD_LETTER_RETENTION_SECONDS)},
    )
    attributes = await client.get_queue_attributes(
        QueueUrl=dead_letter_url, AttributeNames=["QueueArn"]
    )
    redrive = {
        "deadLetterTargetArn": attributes["Attributes"]["QueueArn"],
        "maxReceiveCount": str(max_receive_count),
    }
    queue_attributes = {
        "RedrivePolicy": json.dumps(redrive),
        "VisibilityTimeout": str(QUEUE_VISIBILITY_TIMEOUT_SECONDS),
    }
    if message_retention_seconds is not None:
        queue_attributes["MessageRetentionPeriod"] = str(message_retention_seconds)
    url, verb = await _ensure_queue_exists(client, name, queue_attributes)
    current = await client.get_queue_attributes(QueueUrl=url, AttributeNames=["RedrivePolicy"])
    policy = json.loads(current.get("Attributes", {}).get("RedrivePolicy", "{}"))
    redrive_note = f"dead-letter queue {dead_letter_name} after {max_receive_count} receives"
    if {key: str(value) for key, value in policy.items()} != redrive:
        await client.set_queue_attributes(
            QueueUrl=url, Attributes={"RedrivePolicy": json.dumps(redrive)}
        )
        redrive_note += ", policy updated"
    return [f"{dead_letter_verb} queue {dead_letter_name}", f"{verb} queue {name} ({redrive_note})"]


async def _ensure_queue_exists(
    client: Any, name: str, attributes: dict[str, str]
) -> tuple[str, str]:
    try:
        response = await client.get_queue_url(QueueName=name)
        return str(response["QueueUrl"]), "found"
    except ClientError as error:
        if error_code(error) not in _NO_QUEUE:
            raise
    response = await client.create_queue(QueueName=name, Attributes=attributes)
    return str(response["QueueUrl"]), "created"


async def ensure_token(client: Any, name: str) -> list[str]:
    """A SecureString with a random token; an existing value is never overwritten."""
    if await _put_secure_string_if_absent(client, name, lambda: secrets.token_urlsafe(32)):
        return [f"created parameter {name} (SecureString)"]
    return [f"found parameter {name} (value kept)"]


async def ensure_webhook_secret(client: Any, name: str) -> list[str]:
    """A SecureString with a fresh `whsec_` secret; an existing value is never overwritten.

    An existing value must hold space-separated `whsec_` secrets (newest first; two while one
    is rotated): a value the workers could not sign with is refused here, not at the first
    delivery. The error names the parameter and the problem, never the value.
    """
    if await _put_secure_string_if_absent(client, name, generate_webhook_secret):
        return [f"created parameter {name} (SecureString, a new webhook secret)"]
    response = await client.get_parameter(Name=name, WithDecryption=True)
    try:
        configured = parse_webhook_secrets(response["Parameter"]["Value"], setting=name)
    except InvalidWebhookSecret as invalid:
        raise ProvisionError(
            f"{invalid}; fix the parameter, or delete it to have a secret generated"
        ) from None
    count = "1 webhook secret" if len(configured) == 1 else f"{len(configured)} webhook secrets"
    return [f"found parameter {name} (value kept, {count})"]


async def _put_secure_string_if_absent(client: Any, name: str, value: Callable[[], str]) -> bool:
    """True when this call created the parameter; False when it already existed."""
    try:
        await client.get_parameter(Name=name)
        return False
    except ClientError as error:
        if error_code(error) != "ParameterNotFound":
            raise
    try:
        await client.put_parameter(Name=name, Value=value(), Type="SecureString", Overwrite=False)
    except ClientError as error:
        if error_code(error) != "ParameterAlreadyExists":
            raise
        return False
    return True


def queue_name(name_or_url: str) -> str:
    """A queue setting may be a name or a URL (as CloudFormation's Ref gives); the name."""
    if name_or_url.startswith(("https://", "http://")):
        return name_or_url.rstrip("/").rsplit("/", 1)[-1]
    return name_or_url


def _location(region: str) -> dict[str, Any]:
    """us-east-1 is the one region CreateBucket must not name."""
    if region == "us-east-1":
        return {}
    return {"CreateBucketConfiguration": {"LocationConstraint": region}}
