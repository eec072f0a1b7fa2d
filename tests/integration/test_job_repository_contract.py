"""JobRepository contract: the in-memory and DynamoDB (emulated) adapters keep the same rules."""

import asyncio
import random
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec
import pytest

from application.errors import DependencyUnavailable
from application.ports import IdempotencyClaim, JobRepository
from domain.jobs import (
    PIPELINE,
    CancelOutcomeKind,
    InlineArtifacts,
    Job,
    JobStatus,
    StepEvent,
    StepName,
    StepOutcomeKind,
    StepPhase,
    StoredArtifacts,
    Webhook,
)
from infrastructure.aws.dynamodb_job_repository import DynamoDbJobRepository
from infrastructure.memory.job_repository import InMemoryJobRepository
from infrastructure.time_and_randomness import RandomJobIds, SystemClock
from tests import fakes
from tests.fakes import RETENTION

pytestmark = pytest.mark.integration

ARTIFACTS = StoredArtifacts(
    scene_graph_key="jobs/x/scene-graph.json",
    ascii_minimap_key="jobs/x/minimap.txt",
    scene_svg_key="jobs/x/scene.svg",
)


@pytest.fixture(params=["memory", "dynamodb"])
def repository(request: pytest.FixtureRequest) -> JobRepository:
    if request.param == "memory":
        return InMemoryJobRepository(clock=SystemClock())
    client = request.getfixturevalue("dynamodb")
    return DynamoDbJobRepository(client, request.getfixturevalue("jobs_table"))


def a_job(now: datetime | None = None, prompt: str = "a red barn beside a pond") -> Job:
    """A job created now: the emulator's TTL reaper deletes items whose `ttl` has passed."""
    now = now or datetime.now(UTC)
    return fakes.a_job(RandomJobIds().new_id(now), now=now, prompt=prompt, seed=7)


def event(name: StepName, phase: StepPhase, *, error: str | None = None) -> StepEvent:
    final = name is StepName.STORE_ARTIFACTS and phase is StepPhase.SUCCEEDED
    return fakes.event(
        name, phase, at=datetime.now(UTC), error=error, artifacts=ARTIFACTS if final else None
    )


def successful_run() -> list[StepEvent]:
    return fakes.successful_run(datetime.now(UTC), artifacts=ARTIFACTS)


def run_failing_at_layout() -> list[StepEvent]:
    return fakes.failed_run(PIPELINE.index(StepName.LAYOUT), datetime.now(UTC))


async def record_all(repository: JobRepository, job: Job, events: list[StepEvent]) -> Job:
    for each in events:
        await repository.record_step(job.id, each, now=datetime.now(UTC))
    stored = await repository.get(job.id)
    assert stored is not None
    return stored


def step_ids(job: Job) -> list[str]:
    return [step.step_id for step in job.ordered_steps()]


async def test_added_job_reads_back_equal(repository: JobRepository) -> None:
    job = a_job()
    assert await repository.add(job) is True
    assert await repository.get(job.id) == job


async def test_conditional_create_never_overwrites(repository: JobRepository) -> None:
    job = a_job()
    impostor = msgspec.structs.replace(a_job(prompt="something else"), id=job.id)
    assert await repository.add(job) is True
    assert await repository.add(impostor) is False
    assert await repository.get(job.id) == job


async def test_unknown_job_reads_as_none(repository: JobRepository) -> None:
    assert await repository.get(a_job().id) is None


async def test_step_on_unknown_job_is_none(repository: JobRepository) -> None:
    started = event(StepName.PARSE_PROMPT, StepPhase.STARTED)
    assert await repository.record_step(a_job().id, started, now=datetime.now(UTC)) is None


async def test_first_step_moves_queued_job_to_running(repository: JobRepository) -> None:
    job = a_job()
    await repository.add(job)
    now = datetime.now(UTC)
    outcome = await repository.record_step(
        job.id, event(StepName.PARSE_PROMPT, StepPhase.STARTED), now=now
    )
    assert outcome is not None
    assert outcome.kind is StepOutcomeKind.APPLIED
    assert outcome.previous_status is JobStatus.QUEUED
    assert outcome.job.status is JobStatus.RUNNING
    assert outcome.job.updated_at == now
    assert await repository.get(job.id) == outcome.job


async def test_duplicate_step_is_not_appended(repository: JobRepository) -> None:
    job = a_job()
    await repository.add(job)
    started = event(StepName.PARSE_PROMPT, StepPhase.STARTED)
    await repository.record_step(job.id, started, now=datetime.now(UTC))
    again = await repository.record_step(job.id, started, now=datetime.now(UTC))
    assert again is not None
    assert again.kind is StepOutcomeKind.DUPLICATE
    assert again.job.status is JobStatus.RUNNING
    stored = await repository.get(job.id)
    assert stored is not None
    assert step_ids(stored) == ["parse_prompt:started"]


async def test_same_callback_twenty_times_concurrently_is_stored_once(
    repository: JobRepository,
) -> None:
    job = a_job()
    await repository.add(job)
    started = event(StepName.PARSE_PROMPT, StepPhase.STARTED)
    outcomes = await asyncio.gather(
        *(repository.record_step(job.id, started, now=datetime.now(UTC)) for _ in range(20))
    )
    kinds = sorted(outcome.kind.value for outcome in outcomes if outcome is not None)
    assert kinds == ["applied"] + ["duplicate"] * 19
    stored = await repository.get(job.id)
    assert stored is not None
    assert step_ids(stored) == ["parse_prompt:started"]


async def test_every_step_of_a_concurrent_run_is_kept(repository: JobRepository) -> None:
    job = a_job()
    await repository.add(job)
    run = successful_run()
    await asyncio.gather(
        *(repository.record_step(job.id, each, now=datetime.now(UTC)) for each in run)
    )
    stored = await repository.get(job.id)
    assert stored is not None
    assert stored.status is JobStatus.DONE
    assert step_ids(stored) == [each.step_id for each in run]
    assert len(stored.steps) == len(run)


@pytest.mark.parametrize("shuffle_seed", [1, 2, 3])
@pytest.mark.parametrize("run", [successful_run, run_failing_at_layout])
async def test_out_of_order_events_end_like_in_order(
    repository: JobRepository, run: Any, shuffle_seed: int
) -> None:
    in_order, shuffled = a_job(), a_job()
    await repository.add(in_order)
    await repository.add(shuffled)
    events = run()
    expected = await record_all(repository, in_order, events)
    random.Random(shuffle_seed).shuffle(events)
    actual = await record_all(repository, shuffled, events)
    assert actual.status is expected.status
    assert actual.result == expected.result
    assert actual.error == expected.error
    assert step_ids(actual) == step_ids(expected)


async def test_done_job_refuses_a_failure_and_stays_unchanged(repository: JobRepository) -> None:
    job = a_job()
    await repository.add(job)
    done = await record_all(repository, job, successful_run())
    assert done.status is JobStatus.DONE
    late_failure = event(StepName.LAYOUT, StepPhase.FAILED, error="too late")
    outcome = await repository.record_step(job.id, late_failure, now=datetime.now(UTC))
    assert outcome is not None
    assert outcome.kind is StepOutcomeKind.REJECTED
    assert outcome.job == done
    assert await repository.get(job.id) == done


async def test_done_job_never_moves_back_to_running(repository: JobRepository) -> None:
    job = a_job()
    await repository.add(job)
    events = successful_run()
    late = events.pop(next(i for i, e in enumerate(events) if e.step_id == "layout:started"))
    done = await record_all(repository, job, events)
    assert done.status is JobStatus.DONE
    outcome = await repository.record_step(job.id, late, now=datetime.now(UTC))
    assert outcome is not None
    assert outcome.kind is StepOutcomeKind.APPLIED
    assert outcome.previous_status is JobStatus.DONE
    assert outcome.job.status is JobStatus.DONE
    stored = await repository.get(job.id)
    assert stored is not None
    assert stored.status is JobStatus.DONE
    assert stored.result == done.result
    assert step_ids(stored) == [each.step_id for each in successful_run()]


async def test_failed_job_refuses_steps_after_the_failure(repository: JobRepository) -> None:
    job = a_job()
    await repository.add(job)
    failed = await record_all(repository, job, run_failing_at_layout())
    assert failed.status is JobStatus.FAILED
    for later in (
        event(StepName.RENDER_MINIMAP, StepPhase.STARTED),
        event(StepName.STORE_ARTIFACTS, StepPhase.SUCCEEDED),
    ):
        outcome = await repository.record_step(job.id, later, now=datetime.now(UTC))
        assert outcome is not None
        assert outcome.kind is StepOutcomeKind.REJECTED
    assert await repository.get(job.id) == failed


async def test_first_claim_of_a_key_is_stored(repository: JobRepository) -> None:
    now = datetime.now(UTC)
    claim = a_claim("key-1", now + RETENTION)
    assert await repository.claim_idempotency_key(claim, now=now) is None
    other = a_claim("key-1", now + RETENTION, fingerprint="other")
    assert await repository.claim_idempotency_key(other, now=now) == claim


async def test_expired_claim_can_be_claimed_again(repository: JobRepository) -> None:
    now = datetime.now(UTC)
    first = a_claim("key-2", now + timedelta(hours=1))
    assert await repository.claim_idempotency_key(first, now=now) is None
    later = now + timedelta(hours=2)
    second = a_claim("key-2", later + RETENTION)
    assert await repository.claim_idempotency_key(second, now=later) is None
    assert await repository.claim_idempotency_key(a_claim("key-2", later), now=later) == second


async def test_claims_of_different_keys_are_independent(repository: JobRepository) -> None:
    now = datetime.now(UTC)
    assert (
        await repository.claim_idempotency_key(a_claim("key-a", now + RETENTION), now=now) is None
    )
    assert (
        await repository.claim_idempotency_key(a_claim("key-b", now + RETENTION), now=now) is None
    )


async def test_concurrent_claims_of_one_key_have_one_winner(repository: JobRepository) -> None:
    now = datetime.now(UTC)
    claims = [a_claim("key-race", now + RETENTION) for _ in range(10)]
    results = await asyncio.gather(
        *(repository.claim_idempotency_key(claim, now=now) for claim in claims)
    )
    winners = [claim for claim, result in zip(claims, results, strict=True) if result is None]
    assert len(winners) == 1
    assert all(result == winners[0] for result in results if result is not None)


async def test_check_passes_when_the_store_is_reachable(repository: JobRepository) -> None:
    await repository.check()


async def test_job_item_expires_retention_days_after_creation(
    dynamodb: Any, jobs_table: str
) -> None:
    repository = DynamoDbJobRepository(dynamodb, jobs_table)
    job = a_job()
    await repository.add(job)
    await repository.record_step(
        job.id, event(StepName.PARSE_PROMPT, StepPhase.STARTED), now=datetime.now(UTC)
    )
    item = (await dynamodb.get_item(TableName=jobs_table, Key={"pk": {"S": f"job#{job.id}"}}))[
        "Item"
    ]
    assert int(item["ttl"]["N"]) == int((job.created_at + timedelta(days=14)).timestamp())
    assert item["stepIds"] == {"SS": ["parse_prompt:started"]}


async def test_claim_item_expires_with_the_claim(dynamodb: Any, jobs_table: str) -> None:
    repository = DynamoDbJobRepository(dynamodb, jobs_table)
    now = datetime.now(UTC)
    claim = a_claim("key with spaces / and ünïcode", now + RETENTION)
    await repository.claim_idempotency_key(claim, now=now)
    scanned = await dynamodb.scan(TableName=jobs_table)
    (item,) = scanned["Items"]
    assert item["pk"]["S"].startswith("idem#")
    assert claim.key not in item["pk"]["S"]
    assert int(item["ttl"]["N"]) == int(claim.expires_at.timestamp())


async def test_missing_table_is_unavailable_without_naming_it(dynamodb: Any) -> None:
    table = "sg-test-missing-table"
    repository = DynamoDbJobRepository(dynamodb, table)
    for attempt in (repository.check, lambda: repository.get("x"), lambda: repository.add(a_job())):
        with pytest.raises(DependencyUnavailable) as raised:
            await attempt()
        assert raised.value.dependency == "job store"
        assert table not in str(raised.value)


def a_claim(key: str, expires_at: datetime, fingerprint: str = "f1") -> IdempotencyClaim:
    return IdempotencyClaim(
        key=key,
        fingerprint=fingerprint,
        job_id=RandomJobIds().new_id(datetime.now(UTC)),
        expires_at=expires_at,
    )


async def test_discard_removes_a_job_that_never_left_queued(repository: JobRepository) -> None:
    job = a_job()
    await repository.add(job)
    await repository.discard(job.id)
    assert await repository.get(job.id) is None


async def test_discard_keeps_a_job_a_worker_has_started(repository: JobRepository) -> None:
    job = a_job()
    await repository.add(job)
    started = event(StepName.PARSE_PROMPT, StepPhase.STARTED)
    outcome = await repository.record_step(job.id, started, now=datetime.now(UTC))
    assert outcome is not None
    await repository.discard(job.id)
    assert await repository.get(job.id) == outcome.job


async def test_discard_of_an_unknown_job_changes_nothing(repository: JobRepository) -> None:
    await repository.discard(a_job().id)


async def test_cancel_moves_a_queued_or_running_job_to_canceled_once(
    repository: JobRepository,
) -> None:
    queued, running = a_job(), a_job()
    for job in (queued, running):
        assert await repository.add(job)
    await repository.record_step(
        running.id, event(StepName.PARSE_PROMPT, StepPhase.STARTED), now=datetime.now(UTC)
    )

    for job, before in ((queued, JobStatus.QUEUED), (running, JobStatus.RUNNING)):
        first = await repository.cancel(job.id, now=datetime.now(UTC))
        again = await repository.cancel(job.id, now=datetime.now(UTC))
        assert first is not None and again is not None
        assert first.kind is CancelOutcomeKind.CANCELED and first.previous_status is before
        assert again.kind is CancelOutcomeKind.ALREADY_CANCELED
        assert await repository.get(job.id) == first.job
        assert first.job.status is JobStatus.CANCELED


async def test_a_canceled_job_refuses_every_later_step(repository: JobRepository) -> None:
    job = a_job()
    await repository.add(job)
    await repository.cancel(job.id, now=datetime.now(UTC))

    for each in successful_run():
        outcome = await repository.record_step(job.id, each, now=datetime.now(UTC))
        assert outcome is not None and outcome.kind is StepOutcomeKind.REJECTED

    stored = await repository.get(job.id)
    assert stored is not None
    assert (stored.status, stored.steps, stored.result) == (JobStatus.CANCELED, (), None)


async def test_cancel_leaves_a_done_or_failed_job_as_it_is(repository: JobRepository) -> None:
    done, failed = a_job(), a_job()
    for job, run in ((done, successful_run()), (failed, run_failing_at_layout())):
        await repository.add(job)
        finished = await record_all(repository, job, run)
        outcome = await repository.cancel(job.id, now=datetime.now(UTC))
        assert outcome is not None and outcome.kind is CancelOutcomeKind.FINISHED
        assert await repository.get(job.id) == finished


async def test_cancel_of_an_unknown_job_is_none(repository: JobRepository) -> None:
    assert await repository.cancel(a_job().id, now=datetime.now(UTC)) is None


async def test_webhook_attempts_are_counted_and_a_success_clears_the_error(
    repository: JobRepository,
) -> None:
    job = msgspec.structs.replace(a_job(), webhook=Webhook(url="https://example.com/hook"))
    await repository.add(job)
    finished = await record_all(repository, job, successful_run())
    at = datetime.now(UTC)

    await repository.record_webhook_attempt(job.id, at=at, delivered=False, error="HTTP 500")
    failing = await repository.get(job.id)
    await repository.record_webhook_attempt(job.id, at=at, delivered=True, error=None)
    delivered = await repository.get(job.id)

    assert failing is not None and failing.webhook is not None
    assert (failing.webhook.attempts, failing.webhook.last_error) == (1, "HTTP 500")
    assert failing.webhook.delivered_at is None
    assert delivered is not None and delivered.webhook is not None
    assert (delivered.webhook.attempts, delivered.webhook.last_error) == (2, None)
    assert delivered.webhook.delivered_at == at
    assert msgspec.structs.replace(delivered, webhook=None) == msgspec.structs.replace(
        finished, webhook=None
    ), "a webhook attempt changes nothing else"


async def test_webhook_attempt_on_a_job_without_webhook_changes_nothing(
    repository: JobRepository,
) -> None:
    job = a_job()
    await repository.add(job)

    await repository.record_webhook_attempt(
        job.id, at=datetime.now(UTC), delivered=True, error=None
    )

    assert await repository.get(job.id) == job


async def test_status_reads_the_status_alone_as_it_moves(repository: JobRepository) -> None:
    job = a_job()
    assert await repository.status(job.id) is None
    await repository.add(job)
    assert await repository.status(job.id) is JobStatus.QUEUED
    await repository.record_step(
        job.id, event(StepName.PARSE_PROMPT, StepPhase.STARTED), now=datetime.now(UTC)
    )
    assert await repository.status(job.id) is JobStatus.RUNNING
    await repository.cancel(job.id, now=datetime.now(UTC))
    assert await repository.status(job.id) is JobStatus.CANCELED


async def test_one_taker_of_an_enqueue_turn_until_it_is_given_back(
    repository: JobRepository,
) -> None:
    now = datetime.now(UTC)
    key = f"turn-{uuid.uuid4().hex}"
    await repository.claim_idempotency_key(a_claim(key, now + timedelta(days=1)), now=now)
    until = now + timedelta(seconds=15)

    takers = await asyncio.gather(
        *(repository.take_enqueue_turn(key, now=now, until=until) for _ in range(10))
    )
    assert takers.count(True) == 1
    # Held: nobody else, until it lapses.
    assert not await repository.take_enqueue_turn(key, now=now, until=until)
    assert await repository.take_enqueue_turn(key, now=until, until=until + timedelta(seconds=15))
    # Given back without queueing: the next request may take it.
    await repository.end_enqueue_turn(key, enqueued=False)
    assert await repository.take_enqueue_turn(key, now=now, until=until)
    # Given back once queued: nobody ever takes it again.
    await repository.end_enqueue_turn(key, enqueued=True)
    later = until + timedelta(hours=1)
    assert not await repository.take_enqueue_turn(key, now=later, until=later)
    replayed = await repository.claim_idempotency_key(
        a_claim(key, now + timedelta(days=1)), now=now
    )
    assert replayed is not None and replayed.enqueued and replayed.turn_until is None


async def test_no_turn_on_an_unknown_key_and_no_claim_made_by_giving_one_back(
    repository: JobRepository,
) -> None:
    now = datetime.now(UTC)
    key = f"unknown-{uuid.uuid4().hex}"
    assert not await repository.take_enqueue_turn(key, now=now, until=now)
    await repository.end_enqueue_turn(key, enqueued=True)
    fresh = a_claim(key, now + timedelta(days=1))
    assert await repository.claim_idempotency_key(fresh, now=now) is None


async def test_inline_artifacts_read_back_as_the_same_json(repository: JobRepository) -> None:
    job = a_job()
    await repository.add(job)
    graph = msgspec.Raw(b'{"schemaVersion":"1.1","nodes":[{"id":"a","x":1}]}')
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>caf\u00e9 &amp; "well"</text></svg>'
    inline = InlineArtifacts(scene_graph=graph, ascii_minimap="+-+\n|.|", scene_svg=svg)
    for each in fakes.successful_run(datetime.now(UTC), artifacts=inline):
        await repository.record_step(job.id, each, now=datetime.now(UTC))
    stored = await repository.get(job.id)
    assert stored is not None and isinstance(stored.result, InlineArtifacts)
    assert msgspec.json.decode(stored.result.scene_graph) == msgspec.json.decode(graph)
    assert stored.result.ascii_minimap == inline.ascii_minimap
    assert stored.result.scene_svg == svg


async def test_artifacts_of_a_job_done_before_svg_maps_still_read(
    repository: JobRepository,
) -> None:
    """A record an earlier release wrote (two keys, or inline without the SVG map) reads back
    with no SVG map, not as an error."""
    for old in (
        StoredArtifacts(scene_graph_key="jobs/o/g.json", ascii_minimap_key="jobs/o/m.txt"),
        InlineArtifacts(scene_graph=msgspec.Raw(b'{"a":1}'), ascii_minimap="#"),
    ):
        job = a_job()
        await repository.add(job)
        for each in fakes.successful_run(datetime.now(UTC), artifacts=old):
            await repository.record_step(job.id, each, now=datetime.now(UTC))
        stored = await repository.get(job.id)
        assert stored is not None and stored.result is not None
        assert stored.result == old
