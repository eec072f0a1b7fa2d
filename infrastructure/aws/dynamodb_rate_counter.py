"""DynamoDbRateCounter: each key's submissions a minute, one counter item per key and window.

Item in the jobs table (the API may already update it; the keys table stays read-only to
the API): ``pk = "rate#<key id>#<window start>"``, ``count`` (number), ``ttl`` a few minutes
after the window ends, so DynamoDB deletes old windows itself. One conditional ``ADD`` counts a
submission only while the count is below the limit: every API process shares the count and
none can pass the limit, whatever they race.
"""

from datetime import datetime
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from infrastructure.aws.dynamodb_calls import call_table
from infrastructure.aws.job_items import Item, sortable_time, ttl_of

if TYPE_CHECKING:
    from types_aiobotocore_dynamodb import DynamoDBClient

DEPENDENCY = "rate counter"
RATE_PREFIX = "rate#"


def counter_key(key_id: str, window: datetime) -> Item:
    return {"pk": {"S": f"{RATE_PREFIX}{key_id}#{sortable_time(window)}"}}


class DynamoDbRateCounter:
    def __init__(self, client: "DynamoDBClient", table_name: str) -> None:
        self._client = client
        self._table = table_name

    async def take(
        self, key_id: str, window: datetime, *, limit: int, expires_at: datetime
    ) -> int | None:
        try:
            response = await self._call(
                self._client.update_item,
                Key=counter_key(key_id, window),
                UpdateExpression="ADD #count :one SET #ttl = :ttl",
                ConditionExpression="attribute_not_exists(#count) OR #count < :limit",
                ExpressionAttributeNames={"#count": "count", "#ttl": "ttl"},
                ExpressionAttributeValues={
                    ":one": {"N": "1"},
                    ":limit": {"N": str(limit)},
                    ":ttl": ttl_of(expires_at),
                },
                ReturnValues="UPDATED_NEW",
            )
        except ClientError:  # _call lets only a failed condition through: the window is full
            return None
        return int(response["Attributes"]["count"]["N"])

    async def used(self, key_id: str, window: datetime) -> int:
        response = await self._call(
            self._client.get_item,
            Key=counter_key(key_id, window),
            ConsistentRead=True,
            ProjectionExpression="#count",
            ExpressionAttributeNames={"#count": "count"},
        )
        item: Item | None = response.get("Item")
        return 0 if item is None else int(item["count"]["N"])

    async def _call(self, operation: Any, **kwargs: Any) -> dict[str, Any]:
        return await call_table(operation, self._table, DEPENDENCY, **kwargs)
