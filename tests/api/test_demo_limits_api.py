"""Demo-mode limits over HTTP: 503 with Retry-After at the job bound, 404 once a job expires."""

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from litestar.testing import AsyncTestClient

from infrastructure.bootstrap import ApiRuntime
from interfaces.http.app import create_app
from tests.conftest import make_container
from tests.fakes import TOKEN, assert_problem, seed_job, successful_run, wire
from tests.served_app import served
from tests.sse_client import events

AUTH = {"X-INTERNAL-TOKEN": TOKEN}


@pytest.fixture
def small_container() -> Any:
    return make_container({"INTERNAL_TOKEN": TOKEN, "DEMO_MAX_JOBS": "2"})


@pytest.fixture
async def small_client(small_container: Any) -> AsyncIterator[Any]:
    async with AsyncTestClient(app=create_app(ApiRuntime(small_container))) as test_client:
        yield test_client


async def test_generate_answers_503_with_retry_after_when_every_slot_is_unfinished(
    small_client: Any, small_container: Any, caplog: pytest.LogCaptureFixture
) -> None:
    followed = [await seed_job(small_container), await seed_job(small_container)]
    with caplog.at_level(logging.INFO):
        refusals = [
            await small_client.post("/generate", json={"prompt": f"a well {n}"}) for n in range(20)
        ]
    for response in refusals:
        problem = assert_problem(response, 503)
        assert int(response.headers["retry-after"]) >= 1
        assert problem["detail"] == (
            "The service is at its limit of 2 unfinished (queued or running) jobs; "
            "retry after 5 seconds."
        )
    # Not a failing dependency: no error counted, and one line for the twenty refusals.
    counted = (await small_client.get("/metrics")).json().get("Errors", {})
    assert counted == {}, counted
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert lines == [
        "at the limit of 2 unfinished jobs: submissions refused with 503 "
        "(0 more since the last line)"
    ]
    for job_id in followed:
        assert (await small_client.get(f"/status/{job_id}")).json()["status"] == "queued"


async def test_an_expired_job_answers_404_like_an_unknown_one(client: Any, container: Any) -> None:
    job_id = await seed_job(container)
    assert (await client.get(f"/status/{job_id}")).status_code == 200
    container.clock().advance(days=14)
    assert_problem(await client.get(f"/status/{job_id}"), 404)


async def test_a_streamed_or_awaited_job_outlives_the_eviction_of_finished_ones() -> None:
    container = make_container({"INTERNAL_TOKEN": TOKEN, "DEMO_MAX_JOBS": "3"})
    streamed, awaited = await seed_job(container), await seed_job(container)
    async with (
        served(container) as base,
        httpx.AsyncClient(base_url=base, timeout=60) as http,
        http.stream("GET", f"/status/{streamed}/events") as stream,
    ):
        waiting = asyncio.create_task(http.get(f"/status/{awaited}", headers={"Prefer": "wait=30"}))
        # Ten jobs pass through the one free slot, each evicting the one before it.
        for n in range(10):
            finished = await http.post(
                "/generate", json={"prompt": f"{n} houses"}, headers={"Prefer": "wait=20"}
            )
            assert finished.status_code == 200, finished.text
        for job_id in (streamed, awaited):
            assert (await http.get(f"/status/{job_id}")).json()["status"] == "queued"
        for job_id in (streamed, awaited):
            for item in successful_run():
                await http.post(f"/internal/jobs/{job_id}/step", json=wire(item), headers=AUTH)
        kinds = [e.event async for e in events(stream) if not e.is_comment_only]
        waited = await waiting

    assert kinds[-1] == "done"
    assert waited.json()["status"] == "done"
