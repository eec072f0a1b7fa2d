"""Demo-mode adapters: job repository, queue, inline artifact store, secrets and metrics."""

import asyncio
from datetime import timedelta

import msgspec

from application.ports import IdempotencyClaim, QueuedJob, RenderedArtifacts
from domain.jobs import InlineArtifacts, JobStatus, StepName, StepOutcomeKind, StepPhase
from infrastructure.memory.artifact_store import InlineArtifactStore
from infrastructure.memory.job_repository import InMemoryJobRepository
from infrastructure.memory.metrics import InMemoryMetrics
from infrastructure.memory.null_metrics import NullMetrics
from infrastructure.memory.queue import InProcessJobQueue
from infrastructure.memory.secrets import StaticSecretProvider
from tests.fakes import RETENTION, T0, FixedClock, a_job, a_request, event, successful_run


async def test_repository_never_overwrites_an_existing_id() -> None:
    jobs = InMemoryJobRepository(clock=FixedClock(T0))
    original = a_job("j1")
    assert await jobs.add(original)
    other = a_job("j1", now=T0 + timedelta(hours=1))
    assert not await jobs.add(other)
    assert await jobs.get("j1") == original


async def test_repository_record_step_on_unknown_job_returns_none() -> None:
    jobs = InMemoryJobRepository(clock=FixedClock(T0))
    assert await jobs.record_step("nope", event(StepName.LAYOUT, StepPhase.STARTED), now=T0) is None


async def test_repository_keeps_rejected_events_out() -> None:
    jobs = InMemoryJobRepository(clock=FixedClock(T0))
    await jobs.add(a_job("j1"))
    for item in successful_run():
        await jobs.record_step("j1", item, now=T0)
    done = await jobs.get("j1")
    outcome = await jobs.record_step("j1", event(StepName.LAYOUT, StepPhase.FAILED), now=T0)
    assert outcome is not None and outcome.kind is StepOutcomeKind.REJECTED
    assert await jobs.get("j1") == done


async def test_repository_concurrent_copies_of_each_event_record_each_once() -> None:
    jobs = InMemoryJobRepository(clock=FixedClock(T0))
    await jobs.add(a_job("j1"))
    events = successful_run() * 5
    await asyncio.gather(*(jobs.record_step("j1", item, now=T0) for item in events))
    job = await jobs.get("j1")
    assert job is not None
    assert job.status is JobStatus.DONE
    assert len(job.steps) == len(job.step_ids) == 10


def claim(key: str, job_id: str, expires_in: timedelta = RETENTION) -> IdempotencyClaim:
    return IdempotencyClaim(key=key, fingerprint="f", job_id=job_id, expires_at=T0 + expires_in)


async def test_first_idempotency_claim_wins_until_it_expires() -> None:
    jobs = InMemoryJobRepository(clock=FixedClock(T0))
    first = claim("k", "j1", timedelta(hours=1))
    assert await jobs.claim_idempotency_key(first, now=T0) is None
    assert await jobs.claim_idempotency_key(claim("k", "j2"), now=T0) == first
    later = T0 + timedelta(hours=2)
    assert await jobs.claim_idempotency_key(claim("k", "j3"), now=later) is None
    assert await jobs.claim_idempotency_key(claim("k", "j4"), now=later) == claim("k", "j3")


async def test_queue_delivers_in_order_and_released_jobs_go_to_the_back() -> None:
    queue = InProcessJobQueue(base_delay_seconds=0.01)
    first = QueuedJob(job_id="a", request=a_request())
    second = QueuedJob(job_id="b", request=a_request())
    await queue.enqueue(first)
    await queue.enqueue(second)
    delivery = await queue.receive(wait_seconds=0.1)
    assert delivery is not None and delivery.job == first
    await queue.release(delivery)
    after = [await queue.receive(wait_seconds=0.5), await queue.receive(wait_seconds=0.5)]
    assert [d.job.job_id for d in after if d] == ["b", "a"]


async def test_queue_gives_a_job_up_after_max_receives_instead_of_looping() -> None:
    queue = InProcessJobQueue(max_receives=3, base_delay_seconds=0.01)
    poison = QueuedJob(job_id="p", request=a_request())
    await queue.enqueue(poison)
    receives = 0
    while (delivery := await queue.receive(wait_seconds=0.3)) is not None:
        receives += 1
        await queue.release(delivery)
    assert receives == 3
    assert queue.dead_letters == [poison]


async def test_queue_receive_returns_none_when_empty_after_the_wait() -> None:
    queue = InProcessJobQueue()
    assert await queue.receive(wait_seconds=0.01) is None


async def test_inline_store_returns_the_content_and_no_links() -> None:
    store = InlineArtifactStore()
    graph = {"schemaVersion": 1, "root": {"id": "scene"}}
    refs = await store.save(
        "j1",
        RenderedArtifacts(
            scene_graph_json=msgspec.json.encode(graph), ascii_minimap="##", scene_svg="<svg/>"
        ),
    )
    assert refs == InlineArtifacts(
        scene_graph=msgspec.Raw(msgspec.json.encode(graph)), ascii_minimap="##", scene_svg="<svg/>"
    )
    assert await store.read_file(refs, "scene_svg") == b"<svg/>"
    assert await store.links(refs, now=T0) is None


async def test_static_secrets_accept_current_and_previous() -> None:
    assert await StaticSecretProvider("current").accepted() == ("current",)
    rotating = StaticSecretProvider("current", previous="old")
    assert await rotating.current() == "current"
    assert await rotating.accepted() == ("current", "old")


def test_in_memory_metrics_totals_per_dimension_set() -> None:
    metrics = InMemoryMetrics()
    metrics.count("Errors", {"Kind": "a"})
    metrics.count("Errors", {"Kind": "a"}, 2)
    metrics.count("Errors", {"Kind": "b"})
    metrics.observe("JobDuration", {"Status": "done"}, 1.5, "Seconds")
    assert metrics.totals("Errors") == {(("Kind", "a"),): 3, (("Kind", "b"),): 1}
    assert metrics.totals("JobDuration") == {(("Status", "done"),): 1.5}


def test_null_metrics_accept_everything() -> None:
    NullMetrics().count("x", {})
    NullMetrics().observe("x", {}, 1.0, "Seconds")
