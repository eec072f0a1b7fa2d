"""Shared test doubles and builders: fakes that implement the ports, and valid step-event runs."""

import asyncio
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec

from application.ports import (
    ArtifactLinks,
    Delivery,
    QueuedJob,
    RenderedArtifacts,
    StepReport,
    StepReporter,
)
from domain.jobs import (
    PIPELINE,
    ArtifactRefs,
    InlineArtifacts,
    Job,
    JobRequest,
    StepEvent,
    StepName,
    StepPhase,
    apply_step,
    new_job,
)
from infrastructure.memory.artifact_store import InlineArtifactStore
from infrastructure.memory.queue import InProcessJobQueue

TOKEN = "test-token-0123456789abcdef"
T0 = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
RETENTION = timedelta(days=14)
ARTIFACTS = InlineArtifacts(
    scene_graph=msgspec.Raw(b'{"schemaVersion":1,"root":{}}'), ascii_minimap="+--+\n|..|"
)


class FixedClock:
    """A clock that stands still until told to move."""

    def __init__(self, now: datetime = T0) -> None:
        self.current = now

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


class FixedSeeds:
    def __init__(self, seed: int = 1234) -> None:
        self.seed = seed
        self.calls = 0

    def new_seed(self) -> int:
        self.calls += 1
        return self.seed


class RecordingQueue(InProcessJobQueue):
    """The in-process queue, remembering what was enqueued, acked and released."""

    def __init__(self) -> None:
        super().__init__(base_delay_seconds=0.01)
        self.enqueued: list[QueuedJob] = []
        self.acked: list[QueuedJob] = []
        self.released: list[QueuedJob] = []

    async def enqueue(self, job: QueuedJob) -> None:
        self.enqueued.append(job)
        await super().enqueue(job)

    async def ack(self, delivery: Delivery) -> None:
        self.acked.append(delivery.job)

    async def release(self, delivery: Delivery) -> None:
        self.released.append(delivery.job)
        await super().release(delivery)


class IdleQueue:
    """Takes every job and delivers none: jobs stay queued (until canceled), so streams and
    waiting requests on them stay open."""

    async def enqueue(self, job: QueuedJob) -> None:
        return None

    async def receive(self, *, wait_seconds: float) -> Delivery | None:
        await asyncio.sleep(min(wait_seconds, 0.2))
        return None

    async def keep_alive(self, delivery: Delivery) -> None:
        return None

    async def ack(self, delivery: Delivery) -> None:
        return None

    async def release(self, delivery: Delivery) -> None:
        return None

    async def check(self) -> None:
        return None


class FailingArtifactStore(InlineArtifactStore):
    """An artifact store whose save always fails."""

    def __init__(self, message: str = "bucket on fire") -> None:
        self.message = message

    async def save(self, job_id: str, artifacts: RenderedArtifacts) -> ArtifactRefs:
        raise RuntimeError(self.message)


class CountingArtifactStore(InlineArtifactStore):
    def __init__(self) -> None:
        self.saved: list[str] = []

    async def save(self, job_id: str, artifacts: RenderedArtifacts) -> ArtifactRefs:
        self.saved.append(job_id)
        return await super().save(job_id, artifacts)

    async def links(self, refs: ArtifactRefs, *, now: datetime) -> ArtifactLinks | None:
        return None


class RecordingReporter:
    """Wraps a StepReporter and keeps every event it was asked to report."""

    def __init__(self, inner: StepReporter) -> None:
        self.inner = inner
        self.events: list[tuple[str, StepEvent]] = []

    async def report(self, job_id: str, event: StepEvent) -> StepReport:
        self.events.append((job_id, event))
        return await self.inner.report(job_id, event)


class ExplodingReporter:
    """A reporter whose transport is down: every report raises."""

    def __init__(self) -> None:
        self.calls = 0

    async def report(self, job_id: str, event: StepEvent) -> StepReport:
        self.calls += 1
        raise RuntimeError("service unreachable")


def a_request(**overrides: object) -> JobRequest:
    fields: dict[str, object] = {
        "prompt": "a village with a well",
        "seed": 7,
        "width": 48,
        "height": 24,
    }
    fields.update(overrides)
    return JobRequest(**fields)  # type: ignore[arg-type]


def a_job(job_id: str = "job-1", *, now: datetime = T0, **request: object) -> Job:
    return new_job(job_id=job_id, request=a_request(**request), now=now, retention=RETENTION)


def event(
    name: StepName,
    phase: StepPhase,
    *,
    at: datetime = T0,
    error: str | None = None,
    artifacts: ArtifactRefs | None = None,
    duration_ms: int | None = None,
) -> StepEvent:
    if phase is StepPhase.FAILED and error is None:
        error = f"{name.value} broke"
    if phase is StepPhase.SUCCEEDED and name is StepName.STORE_ARTIFACTS and artifacts is None:
        artifacts = ARTIFACTS
    if phase is not StepPhase.STARTED and duration_ms is None:
        duration_ms = 5
    return StepEvent(
        name=name, phase=phase, at=at, duration_ms=duration_ms, error=error, artifacts=artifacts
    )


def successful_run(start: datetime = T0, artifacts: ArtifactRefs = ARTIFACTS) -> list[StepEvent]:
    """Every event of a run that succeeds, in the order the worker sends them."""
    events = []
    for index, name in enumerate(PIPELINE):
        events.append(event(name, StepPhase.STARTED, at=start + timedelta(seconds=2 * index)))
        final = name is StepName.STORE_ARTIFACTS
        events.append(
            event(
                name,
                StepPhase.SUCCEEDED,
                at=start + timedelta(seconds=2 * index + 1),
                artifacts=artifacts if final else None,
            )
        )
    return events


def failed_run(failing: int, start: datetime = T0) -> list[StepEvent]:
    """Every event of a run whose step at position `failing` fails, in order."""
    events = successful_run(start)[: 2 * failing]
    name = PIPELINE[failing]
    events.append(event(name, StepPhase.STARTED, at=start + timedelta(seconds=2 * failing)))
    events.append(event(name, StepPhase.FAILED, at=start + timedelta(seconds=2 * failing + 1)))
    return events


def apply_all(job: Job, events: list[StepEvent], now: datetime | None = None) -> Job:
    """`job` after the domain rules applied each event in turn (at its own time, or `now`)."""
    for item in events:
        job = apply_step(job, item, now=now or item.at).job
    return job


def dims(**dimensions: str) -> tuple[tuple[str, str], ...]:
    """Dimensions as InMemoryMetrics stores them."""
    return tuple(sorted(dimensions.items()))


# HTTP helpers for the API tests.

PROBLEM_JSON = "application/problem+json"


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    """The response is RFC 9457 problem details with this status; returns the body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert isinstance(body["type"], str) and body["type"]
    assert isinstance(body["title"], str) and body["title"]
    assert isinstance(body["detail"], str) and body["detail"]
    assert "Traceback" not in response.text
    return body


def wire(item: StepEvent) -> dict[str, Any]:
    """The callback body for a domain event, as a worker sends it."""
    from application.wire import StepEventWire

    builtins: dict[str, Any] = msgspec.json.decode(
        msgspec.json.encode(StepEventWire.from_domain(item))
    )
    return builtins


async def wait_until_finished(client: Any, job_id: str, timeout: float = 15.0) -> dict[str, Any]:
    """Poll GET /status until the job is done or failed, within a bounded time."""
    deadline = time.monotonic() + timeout
    while True:
        response = await client.get(f"/status/{job_id}")
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        if body["status"] in ("done", "failed"):
            return body
        assert time.monotonic() < deadline, f"job still {body['status']} after {timeout}s"
        await asyncio.sleep(0.02)


async def seed_job(container: Any, request: JobRequest | None = None) -> str:
    """A queued job in the app's store that the embedded worker never sees (not enqueued)."""
    from infrastructure.time_and_randomness import RandomJobIds

    job_id = RandomJobIds().new_id(T0)
    job = new_job(job_id=job_id, request=request or a_request(), now=T0, retention=RETENTION)
    assert await container.job_repository().add(job)
    return job_id
