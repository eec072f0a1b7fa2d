"""DynamoDbKeyStore: API keys in a table of their own, one item per key.

Item: ``pk`` = the key id; ``name``, ``createdAt`` (sortable time), ``secretHash`` (SHA-256 hex
of the secret: the secret itself is never stored), ``ratePerMinute`` and ``maxActive`` when the
key overrides the defaults, ``revoked`` and ``revokedAt``.

A table of its own, not items in the jobs table, for least privilege: the API's role may only
GetItem on it (it authenticates, and cannot mint or revoke keys), the worker's role has no
access at all (its jobs-table grant would otherwise reach the key hashes), and only operators
running `scenegen keys` write it. Listing keys scans this small table, never the jobs.
"""

from datetime import datetime
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from domain.keys import ApiKey
from infrastructure.aws.dynamodb_calls import call_table
from infrastructure.aws.job_items import Item, sortable_time

if TYPE_CHECKING:
    from types_aiobotocore_dynamodb import DynamoDBClient

DEPENDENCY = "key store"
KEYS_TABLE_SUFFIX = "-api-keys"
_REVOKE = "SET #revoked = :true, #revokedAt = if_not_exists(#revokedAt, :now)"


def keys_table_for(jobs_table: str) -> str:
    """The keys table's name beside the jobs table's (`scenegen provision`, the CLI, the API)."""
    return jobs_table + KEYS_TABLE_SUFFIX


class DynamoDbKeyStore:
    """Conditional writes: a key is created once and revoked once; reads are consistent."""

    def __init__(self, client: "DynamoDBClient", table_name: str) -> None:
        self._client = client
        self._table = table_name

    async def add(self, key: ApiKey) -> bool:
        try:
            await self._call(
                self._client.put_item,
                Item=encode_key(key),
                ConditionExpression="attribute_not_exists(pk)",
            )
        except ClientError:  # _call lets only a failed condition through
            return False
        return True

    async def get(self, key_id: str) -> ApiKey | None:
        response = await self._call(
            self._client.get_item, Key={"pk": {"S": key_id}}, ConsistentRead=True
        )
        item: Item | None = response.get("Item")
        return None if item is None else decode_key(item)

    async def list_all(self) -> list[ApiKey]:
        keys: list[ApiKey] = []
        start: Item | None = None
        while True:
            extra: dict[str, Any] = {} if start is None else {"ExclusiveStartKey": start}
            response = await self._call(self._client.scan, ConsistentRead=True, **extra)
            keys += [decode_key(item) for item in response.get("Items", [])]
            start = response.get("LastEvaluatedKey")
            if start is None:
                return sorted(keys, key=lambda key: (key.created_at, key.id))

    async def revoke(self, key_id: str, *, now: datetime) -> ApiKey | None:
        try:
            response = await self._call(
                self._client.update_item,
                Key={"pk": {"S": key_id}},
                UpdateExpression=_REVOKE,
                ConditionExpression="attribute_exists(pk)",
                ExpressionAttributeNames={"#revoked": "revoked", "#revokedAt": "revokedAt"},
                ExpressionAttributeValues={
                    ":true": {"BOOL": True},
                    ":now": {"S": sortable_time(now)},
                },
                ReturnValues="ALL_NEW",
            )
        except ClientError:
            return None
        return decode_key(response["Attributes"])

    async def check(self) -> None:
        await self._call(self._client.describe_table)

    async def _call(self, operation: Any, **kwargs: Any) -> dict[str, Any]:
        return await call_table(operation, self._table, DEPENDENCY, **kwargs)


def encode_key(key: ApiKey) -> Item:
    item: Item = {
        "pk": {"S": key.id},
        "name": {"S": key.name},
        "createdAt": {"S": sortable_time(key.created_at)},
        "secretHash": {"S": key.secret_hash},
        "revoked": {"BOOL": key.revoked},
    }
    if key.rate_per_minute is not None:
        item["ratePerMinute"] = {"N": str(key.rate_per_minute)}
    if key.max_active is not None:
        item["maxActive"] = {"N": str(key.max_active)}
    if key.revoked_at is not None:
        item["revokedAt"] = {"S": sortable_time(key.revoked_at)}
    return item


def decode_key(item: Item) -> ApiKey:
    rate = item.get("ratePerMinute")
    max_active = item.get("maxActive")
    revoked_at = item.get("revokedAt")
    return ApiKey(
        id=item["pk"]["S"],
        name=item["name"]["S"],
        created_at=datetime.fromisoformat(item["createdAt"]["S"]),
        secret_hash=item["secretHash"]["S"],
        rate_per_minute=int(rate["N"]) if rate else None,
        max_active=int(max_active["N"]) if max_active else None,
        revoked=bool(item.get("revoked", {}).get("BOOL", False)),
        revoked_at=datetime.fromisoformat(revoked_at["S"]) if revoked_at else None,
    )
