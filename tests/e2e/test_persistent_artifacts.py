"""Persistent mode through real processes: presigned artifact URLs and the job item's TTL.

Covered elsewhere, not repeated here: links refused (403) once expired, at adapter level on the
emulator (tests/integration/test_artifact_store_contract.py::
test_links_are_refused_after_they_expire); demo mode returning the artifacts inline
(tests/api/test_status_api.py::test_submitted_job_reaches_done_with_inline_scene_graph_and_minimap);
the table's TTL on `ttl` and the bucket's lifecycle rule (tests/integration/test_provision.py).
"""

import hashlib
import time
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from tests.e2e.persistent_stack import (
    SHARED_RETENTION_DAYS,
    SHARED_URL_TTL_SECONDS,
    SharedStack,
    get_job,
    submit,
    wait_for_job,
)

pytestmark = pytest.mark.e2e

PROMPT = "a village with three houses north of a river, a well in the center"


@pytest.fixture(scope="module")
def done_job(shared_stack: SharedStack) -> dict[str, Any]:
    job_id = submit(shared_stack.base_url, {"prompt": PROMPT, "seed": 5, "width": 64})
    job = wait_for_job(shared_stack.base_url, job_id)
    assert job["status"] == "done", (job, shared_stack.stack.logs())
    return job


def _epoch(text: str) -> float:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def test_presigned_urls_fetch_exactly_the_stored_artifacts(
    shared_stack: SharedStack, done_job: dict[str, Any]
) -> None:
    result = get_job(shared_stack.base_url, done_job["id"])["result"]
    job_id = done_job["id"]

    assert result["sceneGraphKey"] == f"jobs/{job_id}/scene-graph.json"
    assert result["asciiMinimapKey"] == f"jobs/{job_id}/minimap.txt"
    assert result["sceneSvgKey"] == f"jobs/{job_id}/scene.svg"
    assert "sceneGraph" not in result and "asciiMinimap" not in result
    s3 = shared_stack.resources.client("s3")
    bucket = shared_stack.resources.bucket
    for url_field, key_field in (
        ("sceneGraphUrl", "sceneGraphKey"),
        ("asciiMinimapUrl", "asciiMinimapKey"),
        ("sceneSvgUrl", "sceneSvgKey"),
    ):
        stored = s3.get_object(Bucket=bucket, Key=result[key_field])["Body"].read()
        fetched = httpx.get(result[url_field], timeout=10.0)
        assert fetched.status_code == 200
        assert fetched.content == stored
        assert len(stored) > 0
    assert result["sceneGraphUrl"].startswith(f"{shared_stack.resources.endpoint}/{bucket}/")


def test_urls_expire_after_the_configured_ttl(
    shared_stack: SharedStack, done_job: dict[str, Any]
) -> None:
    before = time.time()
    result = get_job(shared_stack.base_url, done_job["id"])["result"]
    after = time.time()

    expires_at = _epoch(result["urlsExpireAt"])
    assert before + SHARED_URL_TTL_SECONDS - 1 <= expires_at <= after + SHARED_URL_TTL_SECONDS + 1
    for url in (result["sceneGraphUrl"], result["asciiMinimapUrl"], result["sceneSvgUrl"]):
        query = parse_qs(urlparse(url).query)
        assert query["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]
        assert query["X-Amz-Expires"] == [str(SHARED_URL_TTL_SECONDS)]


def test_each_status_read_mints_fresh_urls(
    shared_stack: SharedStack, done_job: dict[str, Any]
) -> None:
    first = get_job(shared_stack.base_url, done_job["id"])["result"]
    time.sleep(1.1)  # SigV4 signs the time to the second
    second = get_job(shared_stack.base_url, done_job["id"])["result"]

    assert _epoch(second["urlsExpireAt"]) > _epoch(first["urlsExpireAt"])
    for field in ("sceneGraphUrl", "asciiMinimapUrl", "sceneSvgUrl"):
        assert second[field] != first[field]
        first_date = parse_qs(urlparse(first[field]).query)["X-Amz-Date"]
        second_date = parse_qs(urlparse(second[field]).query)["X-Amz-Date"]
        assert second_date > first_date
        assert httpx.get(second[field], timeout=10.0).status_code == 200
    assert (second["sceneGraphKey"], second["asciiMinimapKey"]) == (
        first["sceneGraphKey"],
        first["asciiMinimapKey"],
    )


def test_job_item_ttl_is_creation_plus_retention_days(shared_stack: SharedStack) -> None:
    key = f"retention-{time.time_ns()}"
    job_id = submit(shared_stack.base_url, {"prompt": PROMPT, "seed": 6}, idempotency_key=key)
    job = get_job(shared_stack.base_url, job_id)
    created = datetime.fromisoformat(job["createdAt"].replace("Z", "+00:00"))
    expected_ttl = int((created + timedelta(days=SHARED_RETENTION_DAYS)).timestamp())

    item = shared_stack.resources.job_item(job_id)
    scoped = f"{shared_stack.resources.api_key_id}\n{key}"  # a key's claims are its own
    claim = (
        shared_stack.resources.client("dynamodb")
        .get_item(
            TableName=shared_stack.resources.table,
            Key={"pk": {"S": "idem#" + hashlib.sha256(scoped.encode()).hexdigest()}},
            ConsistentRead=True,
        )
        .get("Item")
    )

    assert created.tzinfo is not None and abs(created - datetime.now(UTC)) < timedelta(minutes=1)
    assert item["ttl"] == {"N": str(expected_ttl)}
    assert claim is not None
    assert claim["ttl"] == {"N": str(expected_ttl)}
    assert claim["jobId"] == {"S": job_id}
