"""AWS calls per job, counted with botocore's event hooks on the API's own clients.

The API runs in this process (so its clients can be hooked) on freshly provisioned resources;
a real `scenegen worker` process runs the jobs and reports back to it.
"""

import asyncio
from collections import Counter
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from infrastructure.bootstrap import ApiRuntime, Container, resolve
from infrastructure.settings import Settings
from interfaces.cli.embedded_server import serving
from interfaces.http.app import create_app
from tests.e2e.persistent_stack import PIPELINE_STEP_IDS, PersistentStack, Resources

pytestmark = pytest.mark.e2e

STATUS_READS = 3


class CallCounter:
    """Counts API operations (before-call) and HTTP requests (before-send) per service."""

    def __init__(self) -> None:
        self.operations: Counter[str] = Counter()
        self.requests: Counter[str] = Counter()

    def attach(self, client: Any) -> None:
        service = client.meta.service_model.service_name
        client.meta.events.register("before-call", self._on_call)
        client.meta.events.register("before-send", lambda **_: self._on_send(service))

    def take(self) -> tuple[dict[str, int], dict[str, int]]:
        """(operations, requests) since the last take."""
        taken = dict(self.operations), dict(self.requests)
        self.operations.clear()
        self.requests.clear()
        return taken

    def _on_call(self, model: Any, **_: Any) -> None:
        self.operations[f"{model.service_model.service_name}.{model.name}"] += 1

    def _on_send(self, service: str) -> None:
        self.requests[service] += 1


async def wait_until_done(resources: Resources, job_id: str, timeout: float = 30.0) -> None:
    """Reads the table with the test's own client, so the API's counts stay untouched."""
    async with asyncio.timeout(timeout):
        while True:
            item = await asyncio.to_thread(resources.job_item, job_id)
            if item["status"]["S"] in ("done", "failed"):
                assert item["status"]["S"] == "done", item
                return
            await asyncio.sleep(0.1)


async def test_aws_calls_per_job_are_exact(fresh_stack: Callable[[], PersistentStack]) -> None:
    stack = fresh_stack()
    resources = stack.resources
    # The calls of a service without keys (the table in docs/operations.md); with keys, each
    # request also reads its key and counts against its quota.
    open_service = {**resources.env(), "AUTH_MODE": "none"}
    container = Container(settings=Settings.from_env(open_service))
    counter = CallCounter()

    async with serving(create_app(ApiRuntime(container))) as base_url, httpx.AsyncClient() as http:
        for client in (container.dynamodb_client, container.s3_client, container.sqs_client):
            counter.attach(await resolve(client))
        counter.take()

        plain = await http.post(f"{base_url}/generate", json={"prompt": "a hut by a lake"})
        created = counter.take()
        body = {"prompt": "a tower on a hill", "seed": 4}
        keyed = await http.post(
            f"{base_url}/generate", json=body, headers={"Idempotency-Key": "calls-1"}
        )
        created_with_key = counter.take()
        # Replayed while its job waits in the queue: never queued again.
        queued_replay = await http.post(
            f"{base_url}/generate", json=body, headers={"Idempotency-Key": "calls-1"}
        )
        replayed_while_queued = counter.take()

        stack.start_worker(base_url)
        job_ids = [plain.json()["id"], keyed.json()["id"]]
        for job_id in job_ids:
            await wait_until_done(resources, job_id)
        callbacks = counter.take()
        # Replayed once its job has run.
        repeated = await http.post(
            f"{base_url}/generate", json=body, headers={"Idempotency-Key": "calls-1"}
        )
        created_again = counter.take()

        reads = [await http.get(f"{base_url}/status/{job_ids[0]}") for _ in range(STATUS_READS)]
        status_reads = counter.take()
        await asyncio.to_thread(stack.close)

    statuses = (plain.status_code, keyed.status_code, queued_replay.status_code)
    assert (*statuses, repeated.status_code) == (202, 202, 200, 200)
    assert created == ({"dynamodb.PutItem": 1, "sqs.SendMessage": 1}, {"dynamodb": 1, "sqs": 1})
    # The claim, the job, the message, and the claim marked as queued.
    assert created_with_key == (
        {"dynamodb.PutItem": 2, "sqs.SendMessage": 1, "dynamodb.UpdateItem": 1},
        {"dynamodb": 3, "sqs": 1},
    )
    # The key is already claimed: one refused PutItem, one read of the original, no message.
    assert replayed_while_queued == (
        {"dynamodb.PutItem": 1, "dynamodb.GetItem": 1},
        {"dynamodb": 1 + 1},
    )
    assert created_again == ({"dynamodb.PutItem": 1, "dynamodb.GetItem": 1}, {"dynamodb": 1 + 1})
    steps = len(PIPELINE_STEP_IDS) * len(job_ids)
    assert callbacks == ({"dynamodb.UpdateItem": steps}, {"dynamodb": steps})
    assert all(read.status_code == 200 for read in reads)
    assert "sceneGraphUrl" in reads[-1].json()["result"]
    assert status_reads == ({"dynamodb.GetItem": STATUS_READS}, {"dynamodb": STATUS_READS})
