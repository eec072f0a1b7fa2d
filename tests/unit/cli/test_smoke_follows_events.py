"""The smoke check (and `scenegen demo`) follows a job through its event stream, and falls back
to polling when the server offers none or the stream breaks off before the end."""

import io
import json
import time
from typing import Any

import httpx
import pytest

from interfaces.cli.smoke import SmokeExit, SmokeFailure, _follow

ACCEPTED = {"id": "j1", "statusUrl": "/status/j1", "eventsUrl": "/status/j1/events"}
STEP = {"stepId": "layout:succeeded", "name": "layout", "phase": "succeeded", "durationMs": 3}


def _stream(*blocks: str) -> bytes:
    return "".join(f"{block}\n\n" for block in blocks).encode()


def _client(status: int, body: bytes = b"") -> httpx.AsyncClient:
    def answer(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/status/j1/events"
        return httpx.Response(status, content=body, headers={"content-type": "text/event-stream"})

    return httpx.AsyncClient(base_url="http://api", transport=httpx.MockTransport(answer))


async def _follow_with(client: httpx.AsyncClient, accepted: dict[str, Any]) -> tuple[Any, str]:
    out = io.StringIO()
    async with client:
        job = await _follow(client, accepted, time.monotonic() + 10, out)
    return job, out.getvalue()


async def test_steps_are_shown_as_they_stream_and_the_final_event_is_the_job() -> None:
    job = {"id": "j1", "status": "done", "steps": [STEP]}
    body = _stream(
        ": keep-alive",
        f"id: 1.-\nevent: step\ndata: {json.dumps(STEP)}",
        f"id: 1.done.end\nevent: done\ndata: {json.dumps(job)}",
    )

    followed, printed = await _follow_with(_client(200, body), ACCEPTED)

    assert followed == job
    assert printed.count("layout") == 1 and "in 3 ms" in printed


@pytest.mark.parametrize(
    ("status", "body"),
    [(503, b""), (404, b""), (200, _stream(f"event: step\ndata: {json.dumps(STEP)}"))],
    ids=["stream-cap", "no-stream", "cut-off-before-the-end"],
)
async def test_no_usable_stream_means_polling(status: int, body: bytes) -> None:
    followed, _ = await _follow_with(_client(status, body), ACCEPTED)
    assert followed is None


async def test_a_server_without_events_url_is_polled() -> None:
    followed, printed = await _follow_with(_client(500), {"id": "j1", "statusUrl": "/status/j1"})
    assert followed is None and printed == ""


async def test_a_canceled_job_fails_the_check() -> None:
    job = {"id": "j1", "status": "canceled", "steps": []}
    body = _stream(f"event: canceled\ndata: {json.dumps(job)}")
    with pytest.raises(SmokeFailure) as failure:
        await _follow_with(_client(200, body), ACCEPTED)
    assert failure.value.code is SmokeExit.JOB_FAILED
