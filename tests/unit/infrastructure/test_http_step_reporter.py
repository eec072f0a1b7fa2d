"""HttpStepReporter against a scripted ASGI service: retries, backoff with jitter, refusals."""

import asyncio
import random
from collections.abc import AsyncIterator, Callable
from typing import Any, cast

import httpx
import msgspec
import pytest
from litestar import Litestar, Request, Response, post

from application.ports import StepRejected, StepReport
from application.wire import TOKEN_HEADER
from domain.jobs import JobStatus, StepName, StepPhase
from infrastructure.memory.secrets import StaticSecretProvider
from infrastructure.step_callbacks.http_step_reporter import HttpStepReporter, StepReportFailed
from tests.fakes import event

BASE_URL = "http://orchestrator.test"
TOKEN = "test-token-0123456789abcdef"
JOB_ID = "01abcdefghjkmnpqrstvwxyz0123456789ab"
EVENT = event(StepName.LAYOUT, StepPhase.STARTED)


class ScriptedService:
    """Answers the callback with the scripted statuses in turn, then 200."""

    def __init__(self, *statuses: int, applied: bool = True, job_status: str = "running") -> None:
        self.statuses = list(statuses)
        self.applied = applied
        self.job_status = job_status
        self.requests: list[tuple[str, str | None, bytes]] = []

        @post("/internal/jobs/{job_id:str}/step", status_code=200)
        async def step(request: Request[Any, Any, Any]) -> Response[Any]:
            job_id = request.path_params["job_id"]
            self.requests.append((job_id, request.headers.get(TOKEN_HEADER), await request.body()))
            status = self.statuses.pop(0) if self.statuses else 200
            if status == 200:
                return Response({"applied": self.applied, "jobStatus": self.job_status})
            problem = {
                "type": "about:blank",
                "title": "t",
                "status": status,
                "detail": f"scripted {status}",
            }
            return Response(problem, status_code=status, media_type="application/problem+json")

        self.app = Litestar([step])


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Records the reporter's backoff delays instead of waiting them out."""
    recorded: list[float] = []
    real_sleep = asyncio.sleep

    async def fake_sleep(delay: float, *args: Any, **kwargs: Any) -> Any:
        recorded.append(delay)
        return await real_sleep(0)

    monkeypatch.setattr(asyncio, "sleep", fake_sleep)
    return recorded


@pytest.fixture
async def connect() -> AsyncIterator[Callable[..., HttpStepReporter]]:
    clients: list[httpx.AsyncClient] = []

    def make(transport: httpx.AsyncBaseTransport, **options: Any) -> HttpStepReporter:
        client = httpx.AsyncClient(transport=transport)
        clients.append(client)
        options.setdefault("secrets", StaticSecretProvider(TOKEN))
        options.setdefault("base_delay", 0.01)
        options.setdefault("rng", random.Random(7))
        return HttpStepReporter(client=client, base_url=BASE_URL + "/", **options)

    yield make
    for client in clients:
        await client.aclose()


def asgi(service: ScriptedService) -> httpx.ASGITransport:
    # Litestar types its ASGI callable more narrowly than httpx's ASGI app type.
    return httpx.ASGITransport(app=cast(Any, service.app))


def expected_delays(seed: int, count: int, base: float, cap: float) -> list[float]:
    rng = random.Random(seed)
    return [rng.uniform(0, min(cap, base * 2**attempt)) for attempt in range(count)]


async def test_two_503_then_200_is_retried_and_reported(
    connect: Callable[..., HttpStepReporter], sleeps: list[float]
) -> None:
    service = ScriptedService(503, 503)
    reporter = connect(asgi(service))

    report = await reporter.report(JOB_ID, EVENT)

    assert report == StepReport(applied=True, job_status=JobStatus.RUNNING)
    assert len(service.requests) == 3
    assert {job_id for job_id, _, _ in service.requests} == {JOB_ID}
    assert {token for _, token, _ in service.requests} == {TOKEN}
    assert len({body for _, _, body in service.requests}) == 1


async def test_backoff_is_exponential_with_full_jitter_from_the_seeded_rng(
    connect: Callable[..., HttpStepReporter], sleeps: list[float]
) -> None:
    service = ScriptedService(503, 502, 500)
    reporter = connect(asgi(service), rng=random.Random(11), base_delay=0.01, max_delay=5.0)
    await reporter.report(JOB_ID, EVENT)
    assert sleeps == pytest.approx(expected_delays(11, 3, 0.01, 5.0))
    assert all(0 <= delay <= 0.01 * 2**n for n, delay in enumerate(sleeps))


async def test_backoff_is_capped_and_gives_up_after_the_last_attempt(
    connect: Callable[..., HttpStepReporter], sleeps: list[float]
) -> None:
    service = ScriptedService(*([503] * 10))
    reporter = connect(
        asgi(service), attempts=5, base_delay=0.1, max_delay=0.25, rng=random.Random(3)
    )

    with pytest.raises(StepReportFailed, match="5 attempts"):
        await reporter.report(JOB_ID, EVENT)

    assert len(service.requests) == 5
    assert sleeps == pytest.approx(expected_delays(3, 4, 0.1, 0.25))
    assert max(sleeps) <= 0.25


async def test_429_is_retried(
    connect: Callable[..., HttpStepReporter], sleeps: list[float]
) -> None:
    service = ScriptedService(429)
    report = await connect(asgi(service)).report(JOB_ID, EVENT)
    assert report.applied
    assert len(service.requests) == 2


@pytest.mark.parametrize("status", [404, 409])
async def test_404_and_409_raise_step_rejected_at_once(
    connect: Callable[..., HttpStepReporter], sleeps: list[float], status: int
) -> None:
    service = ScriptedService(status)
    with pytest.raises(StepRejected, match=f"scripted {status}"):
        await connect(asgi(service)).report(JOB_ID, EVENT)
    assert len(service.requests) == 1
    assert sleeps == []


@pytest.mark.parametrize("status", [400, 401, 403, 422])
async def test_other_4xx_fail_without_retry(
    connect: Callable[..., HttpStepReporter], sleeps: list[float], status: int
) -> None:
    service = ScriptedService(status)
    with pytest.raises(StepReportFailed, match=str(status)):
        await connect(asgi(service)).report(JOB_ID, EVENT)
    assert len(service.requests) == 1
    assert sleeps == []


async def test_applied_false_stops_after_one_request(
    connect: Callable[..., HttpStepReporter], sleeps: list[float]
) -> None:
    service = ScriptedService(applied=False, job_status="done")
    report = await connect(asgi(service)).report(JOB_ID, EVENT)
    assert report == StepReport(applied=False, job_status=JobStatus.DONE)
    assert len(service.requests) == 1


async def test_transport_errors_are_retried(
    connect: Callable[..., HttpStepReporter], sleeps: list[float]
) -> None:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) <= 2:
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(200, json={"applied": True, "jobStatus": "running"})

    report = await connect(httpx.MockTransport(handler)).report(JOB_ID, EVENT)

    assert report.applied
    assert len(calls) == 3
    assert len(sleeps) == 2
    assert str(calls[0].url) == f"{BASE_URL}/internal/jobs/{JOB_ID}/step"


async def test_unreachable_service_fails_after_every_attempt(
    connect: Callable[..., HttpStepReporter], sleeps: list[float]
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(StepReportFailed, match="ReadTimeout"):
        await connect(httpx.MockTransport(handler), attempts=3).report(JOB_ID, EVENT)
    assert len(sleeps) == 2


async def test_token_is_read_on_every_attempt_so_rotation_applies_mid_retry(
    connect: Callable[..., HttpStepReporter], sleeps: list[float]
) -> None:
    class Rotating:
        def __init__(self) -> None:
            self.tokens = iter(["old-token-0123456789", "new-token-0123456789"])

        async def current(self) -> str:
            return next(self.tokens)

        async def accepted(self) -> tuple[str, ...]:
            return ()

    service = ScriptedService(503)
    await connect(asgi(service), secrets=Rotating()).report(JOB_ID, EVENT)
    assert [token for _, token, _ in service.requests] == [
        "old-token-0123456789",
        "new-token-0123456789",
    ]


async def test_body_is_the_camel_case_wire_event(
    connect: Callable[..., HttpStepReporter], sleeps: list[float]
) -> None:
    service = ScriptedService()
    final = event(StepName.STORE_ARTIFACTS, StepPhase.SUCCEEDED, duration_ms=4)
    await connect(asgi(service)).report(JOB_ID, final)
    body = msgspec.json.decode(service.requests[0][2])
    assert body["stepId"] == "store_artifacts:succeeded"
    assert body["durationMs"] == 4
    assert set(body["artifacts"]) == {"sceneGraph", "asciiMinimap"}
