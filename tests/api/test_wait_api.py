"""`Prefer: wait=N` (RFC 7240) on GET /status and POST /generate: the answer comes as soon as
the job ends, or after N seconds with the job as it is; `Preference-Applied` says so."""

import asyncio
import time
from typing import Any

import httpx
import pytest

from tests.conditions import until
from tests.fakes import TOKEN, seed_job, successful_run, wire
from tests.served_app import served

ORIGIN = "http://testserver.local"
"""The test client's origin, which links in bodies are built on."""

AUTH = {"X-INTERNAL-TOKEN": TOKEN}
PROMPT = {"prompt": "a village with three houses north of a river", "seed": 3}


async def test_a_waiting_status_request_returns_as_soon_as_the_job_ends(container: Any) -> None:
    job_id = await seed_job(container)
    follow = container.follow_job()
    async with served(container) as base, httpx.AsyncClient(base_url=base, timeout=30) as http:
        waiting = asyncio.create_task(http.get(f"/status/{job_id}", headers={"Prefer": "wait=20"}))
        await until(lambda: follow.waiters == 1, "the request waiting")
        for item in successful_run():
            await http.post(f"/internal/jobs/{job_id}/step", json=wire(item), headers=AUTH)
        finished = time.monotonic()
        response = await waiting
        answered_after = time.monotonic() - finished

    assert response.status_code == 200
    assert response.json()["status"] == "done"
    assert response.headers["preference-applied"] == "wait=20"
    assert "retry-after" not in response.headers
    assert answered_after < 5, "answered when the job ended, not when the wait ran out"


async def test_a_wait_that_runs_out_answers_the_job_as_it_is(client: Any, container: Any) -> None:
    job_id = await seed_job(container)

    started = time.monotonic()
    response = await client.get(f"/status/{job_id}", headers={"Prefer": "wait=1"})
    elapsed = time.monotonic() - started

    assert response.json()["status"] == "queued"
    assert response.headers["preference-applied"] == "wait=1"
    assert response.headers["retry-after"] == "1"
    assert 0.9 <= elapsed < 10  # it waited, and not for ever


@pytest.mark.parametrize(
    ("prefer", "applied"),
    [
        ("respond-async, wait=1", "wait=1"),
        ("wait=1; foo=bar", "wait=1"),
        ("wait=0", None),
        ("wait=soon", None),
        ("return=minimal", None),
    ],
)
async def test_only_a_well_formed_wait_preference_is_applied(
    client: Any, container: Any, prefer: str, applied: str | None
) -> None:
    job_id = await seed_job(container)

    response = await client.get(f"/status/{job_id}", headers={"Prefer": prefer})

    assert response.status_code == 200
    assert response.headers.get("preference-applied") == applied


async def test_a_wait_in_a_second_prefer_field_is_applied_over_http(container: Any) -> None:
    """The same through a real server, where each field reaches the app on its own."""
    job_id = await seed_job(container)
    async with served(container) as base, httpx.AsyncClient(base_url=base) as http:
        response = await http.get(
            f"/status/{job_id}", headers=[("Prefer", "respond-async"), ("Prefer", "wait=1")]
        )

    assert response.status_code == 200
    assert response.headers["preference-applied"] == "wait=1"


async def test_a_wait_in_a_second_prefer_field_is_applied(client: Any, container: Any) -> None:
    """Two `Prefer` fields mean the same as one field listing both (RFC 9110 5.3)."""
    job_id = await seed_job(container)

    response = await client.get(
        f"/status/{job_id}", headers=[("Prefer", "respond-async"), ("prefer", "wait=1")]
    )

    assert response.status_code == 200
    assert response.headers["preference-applied"] == "wait=1"


async def test_generate_with_wait_answers_200_with_the_finished_view(client: Any) -> None:
    response = await client.post("/generate", json=PROMPT, headers={"Prefer": "wait=30"})

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "done"
    assert body["result"]["asciiMinimap"]
    assert response.headers["preference-applied"] == "wait=30"
    assert response.headers["location"] == f"/status/{body['id']}"


async def test_generate_without_wait_answers_202_with_the_links(client: Any) -> None:
    response = await client.post("/generate", json=PROMPT)

    assert response.status_code == 202
    body = response.json()
    job_id = body["id"]
    assert body == {
        "id": job_id,
        "status": "queued",
        "statusUrl": f"{ORIGIN}/status/{job_id}",
        "eventsUrl": f"{ORIGIN}/status/{job_id}/events",
        "cancelUrl": f"{ORIGIN}/status/{job_id}/cancel",
    }
    assert "preference-applied" not in response.headers


async def test_a_wait_above_sixty_seconds_is_held_to_sixty(client: Any, container: Any) -> None:
    job_id = await seed_job(container)
    for item in successful_run():
        await client.post(f"/internal/jobs/{job_id}/step", json=wire(item), headers=AUTH)

    response = await client.get(f"/status/{job_id}", headers={"Prefer": "wait=600"})

    assert response.headers["preference-applied"] == "wait=60"
