"""GET /status/{id}/events over a real HTTP connection (uvicorn on loopback), demo mode: recorded
steps first, then live ones, status changes, a final event with the full view, then the end;
`Last-Event-ID` resumes with nothing lost or repeated; keep-alive comments; the stream cap."""

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx

from domain.jobs import StepName, StepPhase
from tests.conftest import make_container
from tests.fakes import TOKEN, event, seed_job, successful_run, wire
from tests.served_app import served
from tests.sse_client import Event, events

AUTH = {"X-INTERNAL-TOKEN": TOKEN}
TIMEOUT = httpx.Timeout(10.0)


async def _report(http: httpx.AsyncClient, job_id: str, item: Any) -> None:
    response = await http.post(f"/internal/jobs/{job_id}/step", json=wire(item), headers=AUTH)
    assert response.status_code == 200, response.text


async def _until_released(follow: Any, timeout: float = 10.0) -> None:
    """A closed stream's slot is released once the server sees the disconnect."""
    deadline = asyncio.get_running_loop().time() + timeout
    while follow.streams:
        assert asyncio.get_running_loop().time() < deadline, "the stream slot was never released"
        await asyncio.sleep(0.02)


async def _read(
    response: httpx.Response | AsyncIterator[Event], count: int | None = None
) -> list[Event]:
    """`count` events (comments left out), or every event until the server closes."""
    source = events(response) if isinstance(response, httpx.Response) else response
    seen: list[Event] = []
    async for item in source:
        if item.is_comment_only:
            continue
        seen.append(item)
        if count is not None and len(seen) == count:
            break
    return seen


async def test_stream_sends_history_then_live_steps_then_the_final_view_and_closes(
    container: Any,
) -> None:
    job_id = await seed_job(container)
    run = successful_run()
    async with served(container) as base, httpx.AsyncClient(base_url=base, timeout=TIMEOUT) as http:
        await _report(http, job_id, run[0])
        async with http.stream("GET", f"/status/{job_id}/events") as response:
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("text/event-stream")
            stream = events(response)
            first = await _read(stream, 3)
            for item in run[1:]:
                await _report(http, job_id, item)
            rest = await _read(stream)

    received = first + rest
    kinds = [item.event for item in received]
    assert kinds == ["status", "step", "status", *["step"] * (len(run) - 1), "status", "done"]
    steps = [json.loads(item.data)["stepId"] for item in received if item.event == "step"]
    assert steps == [item.step_id for item in run]
    assert [json.loads(item.data)["status"] for item in received if item.event == "status"] == [
        "queued",
        "running",
        "done",
    ]
    final = json.loads(received[-1].data)
    assert final["status"] == "done" and final["result"]["asciiMinimap"]
    assert len({item.id for item in received}) == len(received), "every event has its own id"
    assert all(item.id for item in received)
    assert first[0].retry is not None, "the first event tells the client how soon to reconnect"


async def test_last_event_id_resumes_with_nothing_lost_and_nothing_repeated(
    container: Any,
) -> None:
    job_id = await seed_job(container)
    run = successful_run()
    async with served(container) as base, httpx.AsyncClient(base_url=base, timeout=TIMEOUT) as http:
        for item in run[:3]:
            await _report(http, job_id, item)
        async with http.stream("GET", f"/status/{job_id}/events") as response:
            before = await _read(response, 2)
        for item in run[3:]:
            await _report(http, job_id, item)
        headers = {"Last-Event-ID": before[-1].id or ""}
        async with http.stream("GET", f"/status/{job_id}/events", headers=headers) as response:
            after = await _read(response)
        async with http.stream("GET", f"/status/{job_id}/events") as response:
            whole = await _read(response)
        ended = {"Last-Event-ID": whole[-1].id or ""}
        past_the_end = await http.get(f"/status/{job_id}/events", headers=ended)

    assert [(e.id, e.event, e.data) for e in before + after] == [
        (e.id, e.event, e.data) for e in whole
    ]
    assert past_the_end.status_code == 204


async def test_an_idle_stream_gets_a_keep_alive_comment_and_a_cancel_ends_it() -> None:
    container = make_container({"INTERNAL_TOKEN": TOKEN, "EVENTS_KEEP_ALIVE_SECONDS": "1"})
    job_id = await seed_job(container)
    async with (
        served(container) as base,
        httpx.AsyncClient(base_url=base, timeout=TIMEOUT) as http,
        http.stream("GET", f"/status/{job_id}/events") as response,
    ):
        received: list[Event] = []
        async for item in events(response):
            received.append(item)
            if "keep-alive" in item.comments:
                assert (await http.post(f"/status/{job_id}/cancel")).status_code == 200
    kinds = [item.event for item in received if not item.is_comment_only]
    assert kinds == ["status", "status", "canceled"]
    assert json.loads(received[-1].data)["status"] == "canceled"


async def test_unknown_job_is_404_problem_before_any_streaming(container: Any) -> None:
    async with served(container) as base, httpx.AsyncClient(base_url=base, timeout=TIMEOUT) as http:
        response = await http.get("/status/01J0000000000000000000000/events")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


async def test_beyond_the_stream_cap_is_503_and_a_closed_stream_frees_its_slot() -> None:
    container = make_container({"INTERNAL_TOKEN": TOKEN, "MAX_EVENT_STREAMS": "1"})
    job_id = await seed_job(container)
    follow = container.follow_job()
    async with served(container) as base, httpx.AsyncClient(base_url=base, timeout=TIMEOUT) as http:
        async with http.stream("GET", f"/status/{job_id}/events") as response:
            await _read(response, 1)
            refused = await http.get(f"/status/{job_id}/events")
        await _until_released(follow)
        async with http.stream("GET", f"/status/{job_id}/events") as response:
            accepted = response.status_code
        await _until_released(follow)

    assert refused.status_code == 503
    assert refused.headers["retry-after"]
    assert accepted == 200


async def test_a_stream_on_a_finished_job_sends_its_history_and_ends(container: Any) -> None:
    job_id = await seed_job(container)
    async with served(container) as base, httpx.AsyncClient(base_url=base, timeout=TIMEOUT) as http:
        for item in successful_run():
            await _report(http, job_id, item)
        await _report(http, job_id, event(StepName.LAYOUT, StepPhase.STARTED))  # a duplicate
        async with http.stream("GET", f"/status/{job_id}/events") as response:
            received = await asyncio.wait_for(_read(response), 5)
    assert [item.event for item in received][-2:] == ["status", "done"]
    assert len([item for item in received if item.event == "step"]) == len(successful_run())
