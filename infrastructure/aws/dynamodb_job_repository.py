"""DynamoDbJobRepository: jobs and idempotency claims in one DynamoDB table, one write per event."""

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from application.errors import DependencyUnavailable
from application.ports import MAX_PAGE_SIZE, IdempotencyClaim, JobPage, JobPosition
from domain.jobs import (
    CancelOutcome,
    Job,
    JobStatus,
    StepEvent,
    StepOutcome,
    StepRecord,
    apply_step,
    cancel_job,
    transition_of_unfinished_job,
    validate_event,
)
from infrastructure.aws.dynamodb_calls import call_table
from infrastructure.aws.job_items import (
    ACTIVE_INDEX,
    OWNER_INDEX,
    Item,
    claim_key,
    decode_claim,
    decode_job,
    encode_claim,
    encode_job,
    encode_step,
    encode_value,
    job_key,
    owner_position,
    sortable_time,
)

if TYPE_CHECKING:
    from types_aiobotocore_dynamodb import DynamoDBClient

DEPENDENCY = "job store"
MAX_LATE_APPEND_ATTEMPTS = 5

_FAST_PATH_CONDITION = (
    "attribute_exists(pk) AND NOT contains(#stepIds, :sid) AND #status IN (:queued, :running)"
)
_CANCEL_CONDITION = "attribute_exists(pk) AND #status IN (:queued, :running)"
_LATE_APPEND_CONDITION = "#status = :current AND NOT contains(#stepIds, :sid)"


class _ConditionFailed(Exception):
    """A conditional write was refused; `item` is the stored item at that moment, if any."""

    def __init__(self, item: Item | None) -> None:
        super().__init__("condition failed")
        self.item = item


class DynamoDbJobRepository:
    """Every rule is a condition on one write; a refused write returns the item that explains why.

    The callback path never reads before it writes: the fast path moves an unfinished job in one
    UpdateItem; only when that condition fails does the returned item decide between duplicate,
    rejected, and a late history event appended to a finished job by a second conditional write.
    """

    def __init__(self, client: "DynamoDBClient", table_name: str) -> None:
        self._client = client
        self._table = table_name

    async def add(self, job: Job) -> bool:
        try:
            await self._write(
                self._client.put_item,
                Item=encode_job(job),
                ConditionExpression="attribute_not_exists(pk)",
            )
        except _ConditionFailed:
            return False
        return True

    async def discard(self, job_id: str) -> None:
        condition = "#status = :queued AND attribute_not_exists(#stepIds)"
        try:
            await self._write(
                self._client.delete_item,
                Key=job_key(job_id),
                ConditionExpression=condition,
                ExpressionAttributeNames=_names_in(condition),
                ExpressionAttributeValues={":queued": {"S": JobStatus.QUEUED.value}},
            )
        except _ConditionFailed:
            return  # gone already, or a worker got to it: nothing to undo

    async def get(self, job_id: str) -> Job | None:
        response = await self._call(self._client.get_item, Key=job_key(job_id), ConsistentRead=True)
        item: Item | None = response.get("Item")
        return None if item is None else decode_job(item)

    async def status(self, job_id: str) -> JobStatus | None:
        response = await self._call(
            self._client.get_item,
            Key=job_key(job_id),
            ConsistentRead=True,
            ProjectionExpression="#status",
            ExpressionAttributeNames={"#status": "status"},
        )
        item: Item | None = response.get("Item")
        return None if item is None else JobStatus(item["status"]["S"])

    async def record_step(
        self, job_id: str, event: StepEvent, *, now: datetime
    ) -> StepOutcome | None:
        validate_event(event)
        try:
            old = await self._append_unfinished(job_id, event, now=now)
        except _ConditionFailed as refused:
            return await self._explain_refusal(job_id, event, refused.item, now=now)
        return apply_step(old, event, now=now)

    async def claim_idempotency_key(
        self, claim: IdempotencyClaim, *, now: datetime
    ) -> IdempotencyClaim | None:
        try:
            await self._write(
                self._client.put_item,
                Item=encode_claim(claim),
                ConditionExpression="attribute_not_exists(pk) OR #expiresAt <= :now",
                ExpressionAttributeNames={"#expiresAt": "expiresAt"},
                ExpressionAttributeValues={":now": {"S": sortable_time(now)}},
            )
        except _ConditionFailed as refused:
            if refused.item is None:  # pragma: no cover - a refused put always has an item
                raise DependencyUnavailable(DEPENDENCY, "claim refused without an item") from None
            return decode_claim(refused.item)
        return None

    async def take_enqueue_turn(self, key: str, *, now: datetime, until: datetime) -> bool:
        update = "SET #turnUntil = :until"
        condition = (
            "attribute_exists(pk) AND attribute_not_exists(#enqueued) "
            "AND (attribute_not_exists(#turnUntil) OR #turnUntil <= :now)"
        )
        try:
            await self._write(
                self._client.update_item,
                Key=claim_key(key),
                UpdateExpression=update,
                ConditionExpression=condition,
                ExpressionAttributeNames=_names_in(update, condition),
                ExpressionAttributeValues={
                    ":until": {"S": sortable_time(until)},
                    ":now": {"S": sortable_time(now)},
                },
            )
        except _ConditionFailed:
            return False
        return True

    async def end_enqueue_turn(self, key: str, *, enqueued: bool) -> None:
        update = "SET #enqueued = :true REMOVE #turnUntil" if enqueued else "REMOVE #turnUntil"
        condition = "attribute_exists(pk)"  # never recreate a claim that expired meanwhile
        try:
            await self._write(
                self._client.update_item,
                Key=claim_key(key),
                UpdateExpression=update,
                ConditionExpression=condition,
                ExpressionAttributeNames=_names_in(update, condition),
                **({"ExpressionAttributeValues": {":true": {"BOOL": True}}} if enqueued else {}),
            )
        except _ConditionFailed:
            return

    async def cancel(self, job_id: str, *, now: datetime) -> CancelOutcome | None:
        """One conditional write moves an unfinished job to canceled; a refused one says why."""
        update = "SET #status = :canceled, #updatedAt = :now REMOVE #activeOwner"
        try:
            response = await self._write(
                self._client.update_item,
                Key=job_key(job_id),
                UpdateExpression=update,
                ConditionExpression=_CANCEL_CONDITION,
                ExpressionAttributeNames=_names_in(update, _CANCEL_CONDITION),
                ExpressionAttributeValues={
                    ":canceled": {"S": JobStatus.CANCELED.value},
                    ":now": encode_value(now),
                    ":queued": {"S": JobStatus.QUEUED.value},
                    ":running": {"S": JobStatus.RUNNING.value},
                },
                ReturnValues="ALL_OLD",
            )
        except _ConditionFailed as refused:
            if refused.item is None:
                return None
            return cancel_job(decode_job(refused.item), now=now)
        return cancel_job(decode_job(response["Attributes"]), now=now)

    async def record_webhook_attempt(
        self, job_id: str, *, at: datetime, delivered: bool, error: str | None
    ) -> None:
        assignments = [
            "#webhook.#attempts = #webhook.#attempts + :one",
            "#webhook.#last_error = :error",
        ]
        values: Item = {
            ":one": {"N": "1"},
            ":error": {"NULL": True} if error is None or delivered else {"S": error},
        }
        if delivered:
            assignments.append("#webhook.#delivered_at = :at")
            values[":at"] = encode_value(at)
        update = "SET " + ", ".join(assignments)
        condition = "attribute_exists(#webhook)"
        try:
            await self._write(
                self._client.update_item,
                Key=job_key(job_id),
                UpdateExpression=update,
                ConditionExpression=condition,
                ExpressionAttributeNames=_names_in(update, condition),
                ExpressionAttributeValues=values,
            )
        except _ConditionFailed:
            return  # the job is gone, or never asked for a webhook

    async def list_owned(
        self,
        owner: str,
        *,
        limit: int,
        after: JobPosition | None = None,
        status: JobStatus | None = None,
    ) -> JobPage:
        """Queries OWNER_INDEX newest first, starting below `after`'s sort key (so jobs
        submitted since sort above it and never shift a page); a status filter may leave a
        query page short, so it queries on until one job more than `limit` is found."""
        if not 1 <= limit <= MAX_PAGE_SIZE:
            raise ValueError(f"limit must be 1..{MAX_PAGE_SIZE}")
        condition = "#owner = :owner"
        values: Item = {":owner": {"S": owner}}
        if after is not None:
            condition += " AND #ownerCreated < :after"
            values[":after"] = {"S": owner_position(after.created_at, after.job_id)}
        query: dict[str, Any] = {
            "IndexName": OWNER_INDEX,
            "KeyConditionExpression": condition,
            "ScanIndexForward": False,
            "Limit": limit + 1,
        }
        names = _names_in(condition)
        if status is not None:
            query["FilterExpression"] = "#status = :status"
            names["#status"] = "status"
            values[":status"] = {"S": status.value}
        found: list[Job] = []
        start: Item | None = None
        while len(found) <= limit:
            if start is not None:
                query["ExclusiveStartKey"] = start
            response = await self._call(
                self._client.query,
                ExpressionAttributeNames=names,
                ExpressionAttributeValues=values,
                **query,
            )
            found += [decode_job(item) for item in response.get("Items", [])]
            start = response.get("LastEvaluatedKey")
            if start is None:
                break
        if len(found) <= limit:
            return JobPage(jobs=tuple(found), next=None)
        last = found[limit - 1]
        return JobPage(
            jobs=tuple(found[:limit]), next=JobPosition(created_at=last.created_at, job_id=last.id)
        )

    async def count_active(self, owner: str) -> int:
        """A count over ACTIVE_INDEX, which holds only the key's queued and running jobs."""
        count = 0
        start: Item | None = None
        while True:
            extra: dict[str, Any] = {} if start is None else {"ExclusiveStartKey": start}
            response = await self._call(
                self._client.query,
                IndexName=ACTIVE_INDEX,
                KeyConditionExpression="#activeOwner = :owner",
                ExpressionAttributeNames={"#activeOwner": "activeOwner"},
                ExpressionAttributeValues={":owner": {"S": owner}},
                Select="COUNT",
                **extra,
            )
            count += int(response.get("Count", 0))
            start = response.get("LastEvaluatedKey")
            if start is None:
                return count

    async def check(self) -> None:
        await self._call(self._client.describe_table)

    async def _append_unfinished(self, job_id: str, event: StepEvent, *, now: datetime) -> Job:
        """The fast path: append the step and move the status, if the job has not finished."""
        transition = transition_of_unfinished_job(event)
        assignments = ["#steps = list_append(#steps, :step)", "#status = :to", "#updatedAt = :now"]
        values: Item = {
            **_step_values(event, now),
            ":to": {"S": transition.to.value},
            ":queued": {"S": JobStatus.QUEUED.value},
            ":running": {"S": JobStatus.RUNNING.value},
        }
        if event.is_final_success:
            assignments.append("#result = :result")
            values[":result"] = encode_value(event.artifacts)
        if transition.error is not None:
            assignments.append("#error = :error")
            values[":error"] = encode_value(transition.error)
        update = f"SET {', '.join(assignments)} ADD #stepIds :sidset"
        if transition.to.is_terminal:
            update += " REMOVE #activeOwner"  # the job leaves its key's count of active jobs
        response = await self._write(
            self._client.update_item,
            Key=job_key(job_id),
            UpdateExpression=update,
            ConditionExpression=_FAST_PATH_CONDITION,
            ExpressionAttributeNames=_names_in(update, _FAST_PATH_CONDITION),
            ExpressionAttributeValues=values,
            ReturnValues="ALL_OLD",
        )
        return decode_job(response["Attributes"])

    async def _explain_refusal(
        self, job_id: str, event: StepEvent, item: Item | None, *, now: datetime
    ) -> StepOutcome | None:
        """Decide from the refused write's item; append late history to a finished job."""
        for _ in range(MAX_LATE_APPEND_ATTEMPTS):
            if item is None:
                return None
            current = decode_job(item)
            outcome = apply_step(current, event, now=now)
            if not outcome.applied:
                return outcome
            try:
                await self._append_to_finished(job_id, event, current.status, now=now)
            except _ConditionFailed as refused:
                item = refused.item
                continue
            return outcome
        raise DependencyUnavailable(DEPENDENCY, "too much contention on one job")

    async def _append_to_finished(
        self, job_id: str, event: StepEvent, status: JobStatus, *, now: datetime
    ) -> None:
        """Record a late event of the finished run without touching status, result or error."""
        update = "SET #steps = list_append(#steps, :step), #updatedAt = :now ADD #stepIds :sidset"
        await self._write(
            self._client.update_item,
            Key=job_key(job_id),
            UpdateExpression=update,
            ConditionExpression=_LATE_APPEND_CONDITION,
            ExpressionAttributeNames=_names_in(update, _LATE_APPEND_CONDITION),
            ExpressionAttributeValues={
                **_step_values(event, now),
                ":current": {"S": status.value},
            },
        )

    async def _write(self, operation: Any, **kwargs: Any) -> dict[str, Any]:
        """A conditional write; raises _ConditionFailed with the stored item when refused."""
        try:
            return await self._call(
                operation, ReturnValuesOnConditionCheckFailure="ALL_OLD", **kwargs
            )
        except ClientError as refused:  # _call lets only a failed condition through
            stored = refused.response.get("Item")
            raise _ConditionFailed(stored if isinstance(stored, dict) else None) from None

    async def _call(self, operation: Any, **kwargs: Any) -> dict[str, Any]:
        return await call_table(operation, self._table, DEPENDENCY, **kwargs)


def _step_values(event: StepEvent, now: datetime) -> Item:
    return {
        ":sid": {"S": event.step_id},
        ":sidset": {"SS": [event.step_id]},
        ":step": {"L": [encode_step(StepRecord.of(event))]},
        ":now": encode_value(now),
    }


def _names_in(*expressions: str) -> dict[str, str]:
    """Every `#name` the expressions use, aliased to itself (some are DynamoDB reserved words)."""
    return {f"#{name}": name for text in expressions for name in re.findall(r"#(\w+)", text)}
