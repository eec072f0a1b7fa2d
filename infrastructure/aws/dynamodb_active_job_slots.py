"""DynamoDbActiveJobSlots: each key's reserved active jobs, one item per key in the jobs table.

Item (next to the rate counter's, which the API already updates): ``pk = "active#<key id>"``,
``jobIds`` a String Set of the ids of the key's jobs holding a slot. A reservation is one
conditional ``ADD`` that succeeds only while the set has room or holds the id already, so every
API process shares the limit and none can pass it, whatever they race; a release is one
``DELETE`` from the set. Both are idempotent. The set is bounded by MAX_ACTIVE_LIMIT (1,000 ids,
about 27 KB of the item's 400 KB). DynamoDB removes an attribute whose set becomes empty.
"""

from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from infrastructure.aws.dynamodb_calls import call_table
from infrastructure.aws.job_items import Item

if TYPE_CHECKING:
    from types_aiobotocore_dynamodb import DynamoDBClient

DEPENDENCY = "active job slots"
ACTIVE_PREFIX = "active#"
_NAMES = {"#ids": "jobIds"}


def slots_key(owner: str) -> Item:
    return {"pk": {"S": f"{ACTIVE_PREFIX}{owner}"}}


class DynamoDbActiveJobSlots:
    def __init__(self, client: "DynamoDBClient", table_name: str) -> None:
        self._client = client
        self._table = table_name

    async def reserve(self, owner: str, job_id: str, *, limit: int) -> int | None:
        try:
            response = await self._call(
                self._client.update_item,
                Key=slots_key(owner),
                UpdateExpression="ADD #ids :id",
                ConditionExpression=(
                    "attribute_not_exists(#ids) OR contains(#ids, :job) OR size(#ids) < :limit"
                ),
                ExpressionAttributeNames=_NAMES,
                ExpressionAttributeValues={
                    ":id": {"SS": [job_id]},
                    ":job": {"S": job_id},
                    ":limit": {"N": str(limit)},
                },
                ReturnValues="UPDATED_NEW",
            )
        except ClientError:  # _call lets only a failed condition through: the slots are full
            return None
        return len(response["Attributes"]["jobIds"]["SS"])

    async def release(self, owner: str, job_id: str) -> None:
        await self._call(
            self._client.update_item,
            Key=slots_key(owner),
            UpdateExpression="DELETE #ids :id",
            ExpressionAttributeNames=_NAMES,
            ExpressionAttributeValues={":id": {"SS": [job_id]}},
        )

    async def held(self, owner: str) -> frozenset[str]:
        response = await self._call(
            self._client.get_item,
            Key=slots_key(owner),
            ConsistentRead=True,
            ProjectionExpression="#ids",
            ExpressionAttributeNames=_NAMES,
        )
        item: Item | None = response.get("Item")
        if item is None or "jobIds" not in item:
            return frozenset()
        return frozenset(item["jobIds"]["SS"])

    async def _call(self, operation: Any, **kwargs: Any) -> dict[str, Any]:
        return await call_table(operation, self._table, DEPENDENCY, **kwargs)
