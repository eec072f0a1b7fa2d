"""How a job and an idempotency claim are laid out as items of the one DynamoDB table.

Job item: ``pk = "job#<id>"``; ``status``, ``createdAt``, ``updatedAt``, ``expiresAt`` as
strings; ``request``, ``result``, ``error`` and ``webhook`` as maps; ``steps`` as a list of
maps (so a step is appended with ``list_append``); ``stepIds`` as a string set (absent while empty:
DynamoDB has no empty sets); ``ttl`` in epoch seconds. Nested maps keep the domain's
field names, encoded and decoded with msgspec.

A job submitted with an API key also has ``owner`` (the key's id), ``ownerCreated`` (sortable
creation time, ``#``, job id: unique, and ordered as the listing is) and, while it is queued
or running, ``activeOwner`` (the owner again; removed by the write that ends the job). The two
sparse global secondary indexes over them list a key's jobs newest first (OWNER_INDEX) and
count its active jobs (ACTIVE_INDEX) without reading any other job.
"""

import hashlib
from datetime import UTC, datetime
from typing import Any

import msgspec

from application.ports import IdempotencyClaim
from domain.jobs import Job, StepRecord
from infrastructure.aws.attribute_values import (
    AttributeValue,
    from_attribute,
    to_attribute,
    to_attribute_map,
)

Item = dict[str, AttributeValue]

JOB_PREFIX = "job#"
CLAIM_PREFIX = "idem#"
OWNER_INDEX = "owner-created"
"""Partition ``owner``, sort ``ownerCreated``; projects every attribute (a page is one query)."""
ACTIVE_INDEX = "active-owner"
"""Partition ``activeOwner``, keys only: a count of the key's queued and running jobs."""


def job_key(job_id: str) -> Item:
    return {"pk": {"S": JOB_PREFIX + job_id}}


def claim_key(idempotency_key: str) -> Item:
    """Keys are hashed: any printable key fits, and the item never repeats it in its pk."""
    digest = hashlib.sha256(idempotency_key.encode()).hexdigest()
    return {"pk": {"S": CLAIM_PREFIX + digest}}


def ttl_of(moment: datetime) -> AttributeValue:
    """Epoch seconds, as DynamoDB's TTL reads them."""
    return {"N": str(int(moment.timestamp()))}


def encode_job(job: Job) -> Item:
    item: Item = {
        **job_key(job.id),
        "id": {"S": job.id},
        "status": {"S": job.status.value},
        "createdAt": to_attribute(_builtins(job.created_at)),
        "updatedAt": to_attribute(_builtins(job.updated_at)),
        "expiresAt": to_attribute(_builtins(job.expires_at)),
        "request": to_attribute(_builtins(job.request)),
        "steps": {"L": [encode_step(step) for step in job.steps]},
        "ttl": ttl_of(job.expires_at),
    }
    if job.steps:
        item["stepIds"] = {"SS": sorted(job.step_ids)}
    if job.result is not None:
        item["result"] = to_attribute(_builtins(job.result))
    if job.error is not None:
        item["error"] = to_attribute(_builtins(job.error))
    if job.webhook is not None:
        item["webhook"] = to_attribute(_builtins(job.webhook))
    if job.owner is not None:
        item["owner"] = {"S": job.owner}
        item["ownerCreated"] = {"S": owner_position(job.created_at, job.id)}
        if job.is_active:
            item["activeOwner"] = {"S": job.owner}
    return item


def owner_position(created_at: datetime, job_id: str) -> str:
    """The sort key of OWNER_INDEX: fixed-width time first, so text order is time order."""
    return f"{sortable_time(created_at)}#{job_id}"


def encode_step(step: StepRecord) -> AttributeValue:
    return {"M": to_attribute_map(_builtins(step))}


def encode_value(value: object) -> AttributeValue:
    """Any domain value (struct, enum, datetime) as an attribute, as the job item holds it."""
    return to_attribute(_builtins(value))


def decode_job(item: Item) -> Job:
    fields: dict[str, Any] = {
        "id": from_attribute(item["id"]),
        "status": from_attribute(item["status"]),
        "created_at": from_attribute(item["createdAt"]),
        "updated_at": from_attribute(item["updatedAt"]),
        "expires_at": from_attribute(item["expiresAt"]),
        "request": from_attribute(item["request"]),
        "steps": from_attribute(item.get("steps", {"L": []})),
        "result": from_attribute(item.get("result", {"NULL": True})),
        "error": from_attribute(item.get("error", {"NULL": True})),
        "webhook": from_attribute(item.get("webhook", {"NULL": True})),
        "owner": from_attribute(item.get("owner", {"NULL": True})),
    }
    result = fields["result"]
    if isinstance(result, dict) and isinstance(result.get("scene_graph"), dict):
        # Inline artifacts (a callback may send them): the graph is kept as its JSON text.
        result["scene_graph"] = msgspec.Raw(msgspec.json.encode(result["scene_graph"]))
    return msgspec.convert(fields, Job)


def encode_claim(claim: IdempotencyClaim) -> Item:
    """Claim item: ``pk = "idem#<sha256 of the key>"``, and while a request holds the turn to
    create and queue the job ``turnUntil`` (sortable time); ``enqueued`` once it was queued."""
    item: Item = {
        **claim_key(claim.key),
        "key": {"S": claim.key},
        "fingerprint": {"S": claim.fingerprint},
        "jobId": {"S": claim.job_id},
        "expiresAt": {"S": sortable_time(claim.expires_at)},
        "ttl": ttl_of(claim.expires_at),
    }
    if claim.enqueued:
        item["enqueued"] = {"BOOL": True}
    if claim.turn_until is not None:
        item["turnUntil"] = {"S": sortable_time(claim.turn_until)}
    return item


def decode_claim(item: Item) -> IdempotencyClaim:
    turn_until = item.get("turnUntil")
    return IdempotencyClaim(
        key=item["key"]["S"],
        fingerprint=item["fingerprint"]["S"],
        job_id=item["jobId"]["S"],
        expires_at=datetime.fromisoformat(item["expiresAt"]["S"]),
        enqueued=bool(item.get("enqueued", {}).get("BOOL", False)),
        turn_until=datetime.fromisoformat(turn_until["S"]) if turn_until else None,
    )


def sortable_time(moment: datetime) -> str:
    """Fixed-width UTC text, so DynamoDB's string comparison orders instants correctly."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _builtins(value: object) -> Any:
    return msgspec.to_builtins(value, enc_hook=_raw_as_value)


def _raw_as_value(value: object) -> Any:
    """JSON text (an inline scene graph) stored as the map it encodes."""
    if isinstance(value, msgspec.Raw):
        return msgspec.json.decode(value)
    raise NotImplementedError(f"cannot store {type(value).__name__}")
