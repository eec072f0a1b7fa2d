"""Following a job in persistent mode (DynamoDB on the emulator, a real HTTP connection): the
stream is fed by strongly consistent reads at a bounded rate, shared by every follower of the
job, and a client that goes away stops the reads at once."""

import asyncio
import time
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from domain.jobs import new_job
from infrastructure.time_and_randomness import RandomJobIds
from tests.conftest import make_container
from tests.fakes import RETENTION, TOKEN, a_request, successful_run, wire
from tests.served_app import served
from tests.sse_client import events

pytestmark = pytest.mark.integration

AUTH = {"X-INTERNAL-TOKEN": TOKEN}


def _persistent_container(aws_endpoint: str, table: str, bucket: str) -> Any:
    container = make_container(
        {
            "INTERNAL_TOKEN": TOKEN,
            "JOBS_TABLE": table,
            "ARTIFACTS_BUCKET": bucket,
            "AWS_ENDPOINT_URL": aws_endpoint,
            "METRICS_SINK": "memory",
            "FOLLOW_READS_PER_SECOND": "4",
            # Open, set explicitly (persistent mode wants keys by default): the reads counted
            # here are the job's alone, with no key lookups among them.
            "AUTH_MODE": "none",
        }
    )
    container.clock.reset_override()  # items carry a TTL: the emulator reaps expired ones
    return container


async def _queued_job(container: Any) -> str:
    now = datetime.now(UTC)
    job = new_job(
        job_id=RandomJobIds().new_id(now), request=a_request(), now=now, retention=RETENTION
    )
    assert await (await container.job_repository()).add(job)
    return job.id


async def _until(condition: Any, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        await asyncio.sleep(0.02)


async def test_a_stream_reads_at_a_bounded_rate_and_a_disconnect_stops_the_reads(
    aws_endpoint: str, jobs_table: str, artifacts_bucket: str
) -> None:
    container = _persistent_container(aws_endpoint, jobs_table, artifacts_bucket)
    async with served(container) as base, httpx.AsyncClient(base_url=base, timeout=10) as http:
        job_id = await _queued_job(container)
        watch = await container.job_watch()
        async with http.stream("GET", f"/status/{job_id}/events") as response:
            assert response.status_code == 200
            stream = events(response)
            first = await anext(stream)
            assert first.event == "status"
            reads_before = watch.reads
            await asyncio.sleep(2.0)
            rate = (watch.reads - reads_before) / 2.0
            assert watch.followed() == 1
        await _until(lambda: watch.followed() == 0)
        after_disconnect = watch.reads
        await asyncio.sleep(1.0)

    # At most the configured rate; at least some reads (a busy machine may delay a few).
    assert 1 <= rate <= 5, f"{rate} reads a second at FOLLOW_READS_PER_SECOND=4"
    assert watch.reads == after_disconnect, "no read after the client went away"


async def test_many_followers_of_one_job_share_one_poll_and_all_see_the_end(
    aws_endpoint: str, jobs_table: str, artifacts_bucket: str
) -> None:
    container = _persistent_container(aws_endpoint, jobs_table, artifacts_bucket)
    async with served(container) as base, httpx.AsyncClient(base_url=base, timeout=20) as http:
        job_id = await _queued_job(container)
        watch = await container.job_watch()
        follow_job = await container.follow_job()

        async def follow() -> list[str]:
            async with http.stream("GET", f"/status/{job_id}/events") as response:
                return [item.event async for item in events(response) if not item.is_comment_only]

        async def wait() -> httpx.Response:
            return await http.get(f"/status/{job_id}", headers={"Prefer": "wait=15"})

        followers = [asyncio.create_task(follow()) for _ in range(10)]
        waiters = [asyncio.create_task(wait()) for _ in range(10)]
        await _until(lambda: follow_job.streams == 10)
        reads_before = watch.reads
        await asyncio.sleep(1.0)
        shared_rate = watch.reads - reads_before
        for item in successful_run():
            await http.post(f"/internal/jobs/{job_id}/step", json=wire(item), headers=AUTH)
        async with asyncio.timeout(60):  # a stream that never ends fails, not hangs, the test
            streamed = await asyncio.gather(*followers)
            waited = await asyncio.gather(*waiters)

    assert shared_rate <= 6, f"{shared_rate} reads in a second for 20 followers of one job"
    for kinds in streamed:
        assert kinds[-1] == "done"
        assert kinds.count("step") == len(successful_run())
    for response in waited:
        assert response.json()["status"] == "done"
        assert response.headers["preference-applied"] == "wait=15"
