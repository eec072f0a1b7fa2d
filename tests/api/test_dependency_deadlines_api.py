"""Persistent mode with AWS hung or refusing: fast 503s with Retry-After, readiness naming why.

"Hung" is a TCP server on 127.0.0.1 that accepts connections and never answers; "refused" is a
closed port. AWS_ENDPOINT_URL points every client at one of them. Timings are printed in the
failure messages; only a generous bound is asserted (the clients' deadlines aim at ~3 s).
"""

import time
from collections.abc import AsyncIterator
from typing import Any, NamedTuple

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from infrastructure.bootstrap import ApiRuntime, Container
from infrastructure.settings import Settings
from infrastructure.time_and_randomness import RandomJobIds
from interfaces.http.app import create_app
from tests.fakes import T0, TOKEN, assert_problem
from tests.silent_server import SilentServer, closed_port

GENEROUS_BOUND_SECONDS = 15.0


class Outage(NamedTuple):
    mode: str
    """"hung" (accepts, never answers) or "refused" (nothing listens)."""
    client: AsyncTestClient[Litestar]


@pytest.fixture(params=["hung", "refused"])
async def outage(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Outage]:
    server = SilentServer() if request.param == "hung" else None
    port = server.port if server else closed_port()
    app = persistent_app(f"http://127.0.0.1:{port}", monkeypatch)
    try:
        # Keys are on (persistent mode's default): a well-formed key, whose lookup meets the
        # outage first.
        async with AsyncTestClient(app=app, timeout=60) as client:
            client.headers["Authorization"] = f"Bearer sg_{'k' * 40}"
            yield Outage(request.param, client)
    finally:
        if server:
            server.close()


def persistent_app(endpoint: str, monkeypatch: pytest.MonkeyPatch) -> Litestar:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test")
    settings = Settings.from_env(
        {
            "JOBS_TABLE": "scenegen-test-jobs",
            "ARTIFACTS_BUCKET": "scenegen-test-artifacts",
            # A URL, so that starting the app makes no call.
            "JOBS_QUEUE": f"{endpoint}/000000000000/scenegen-test-jobs",
            "INTERNAL_TOKEN": TOKEN,
            "AWS_ENDPOINT_URL": endpoint,
            "AWS_REGION": "us-east-1",
            "METRICS_SINK": "memory",
        }
    )
    return create_app(ApiRuntime(Container(settings=settings)))


async def timed(call: Any) -> tuple[Any, float]:
    started = time.monotonic()
    response = await call
    return response, time.monotonic() - started


def assert_fast_503(response: Any, elapsed: float, what: str) -> None:
    assert response.status_code == 503, f"{what}: {response.status_code} after {elapsed:.2f} s"
    problem = assert_problem(response, 503)
    assert response.headers["retry-after"].isdigit(), f"{what}: no Retry-After"
    assert "scenegen-test" not in response.text, "no AWS resource names in error bodies"
    assert "unavailable" in problem["detail"]
    assert elapsed < GENEROUS_BOUND_SECONDS, f"{what}: 503 took {elapsed:.2f} s"


async def test_generate_answers_503_with_retry_after_when_aws_does_not_answer(
    outage: Outage,
) -> None:
    response, elapsed = await timed(outage.client.post("/generate", json={"prompt": "a village"}))
    assert_fast_503(response, elapsed, f"POST /generate ({outage.mode}, {elapsed:.2f} s)")


async def test_status_answers_503_with_retry_after_when_aws_does_not_answer(
    outage: Outage,
) -> None:
    job_id = RandomJobIds().new_id(T0)
    response, elapsed = await timed(outage.client.get(f"/status/{job_id}"))
    assert_fast_503(response, elapsed, f"GET /status ({outage.mode}, {elapsed:.2f} s)")


async def test_readiness_names_the_cause(outage: Outage) -> None:
    cause = {"hung": "timed out", "refused": "refused"}[outage.mode]
    response, elapsed = await timed(outage.client.get("/readyz"))
    body = response.json()
    assert response.status_code == 503, body
    assert body["status"] == "unavailable"
    aws_checks = {name: body["checks"][name] for name in ("jobStore", "artifactStore", "queue")}
    assert aws_checks == dict.fromkeys(aws_checks, cause), f"{body} after {elapsed:.2f} s"
    assert body["checks"]["secretStore"] == "ok"  # INTERNAL_TOKEN: no AWS call
    assert elapsed < GENEROUS_BOUND_SECONDS, f"/readyz took {elapsed:.2f} s"
