"""submit_job: one queued job per submission, once per Idempotency-Key and body."""

import asyncio
import contextlib
from collections.abc import Mapping
from contextlib import AbstractContextManager
from datetime import datetime, timedelta

import pytest

from application import metric_names as m
from application.errors import (
    DependencyUnavailable,
    IdempotencyKeyReused,
    JobStoreFull,
    SubmissionInProgress,
)
from application.ports import IdempotencyClaim, QueuedJob, Tracer
from application.use_cases.submit_job import SubmitJob, SubmitJobHandler
from domain.jobs import Job, JobRequest, JobStatus
from infrastructure.memory.job_repository import InMemoryJobRepository
from infrastructure.memory.metrics import InMemoryMetrics
from infrastructure.time_and_randomness import RandomJobIds, is_job_id
from tests.fakes import RETENTION, T0, FixedClock, FixedSeeds, RecordingQueue, successful_run


class Harness:
    def __init__(
        self,
        queue: RecordingQueue | None = None,
        tracer: Tracer | None = None,
        max_jobs: int = 1000,
    ) -> None:
        self.clock = FixedClock(T0)
        self.jobs = InMemoryJobRepository(clock=self.clock, max_jobs=max_jobs)
        self.queue = queue or RecordingQueue()
        self.seeds = FixedSeeds(4242)
        self.metrics = InMemoryMetrics()
        self.submit = SubmitJobHandler(
            jobs=self.jobs,
            queue=self.queue,
            ids=RandomJobIds(),
            seeds=self.seeds,
            clock=self.clock,
            metrics=self.metrics,
            retention=RETENTION,
            tracer=tracer,
        )


@pytest.fixture
def h() -> Harness:
    return Harness()


def command(**overrides: object) -> SubmitJob:
    fields: dict[str, object] = {"prompt": "a forest", "width": 48, "height": 24, "seed": 9}
    fields.update(overrides)
    return SubmitJob(**fields)  # type: ignore[arg-type]


async def test_submit_creates_a_queued_job_and_stores_it(h: Harness) -> None:
    result = await h.submit(command())
    assert result.created
    job = result.job
    assert is_job_id(job.id)
    assert job.status is JobStatus.QUEUED
    assert job.request == JobRequest(prompt="a forest", seed=9, width=48, height=24)
    assert job.created_at == T0 and job.expires_at == T0 + RETENTION
    assert await h.jobs.get(job.id) == job


class FixedTraceContext:
    """A tracer whose current context is a given carrier (no spans)."""

    def __init__(self, carrier: dict[str, str]) -> None:
        self.carrier = carrier

    def job(self, job_id: str, carrier: Mapping[str, str]) -> AbstractContextManager[object]:
        return contextlib.nullcontext()

    def step(self, job_id: str, step_name: str) -> AbstractContextManager[object]:
        return contextlib.nullcontext()

    def current_context(self) -> dict[str, str]:
        return dict(self.carrier)


async def test_submit_enqueues_the_job_once_with_its_request_and_trace() -> None:
    h = Harness(tracer=FixedTraceContext({"traceparent": "00-abc-def-01"}))
    result = await h.submit(command())
    assert len(h.queue.enqueued) == 1
    queued = h.queue.enqueued[0]
    assert queued.job_id == result.job.id
    assert queued.request == result.job.request
    assert queued.trace_context == {"traceparent": "00-abc-def-01"}


async def test_given_seed_is_kept_and_no_random_seed_drawn(h: Harness) -> None:
    result = await h.submit(command(seed=0))
    assert result.job.request.seed == 0
    assert h.seeds.calls == 0


async def test_absent_seed_is_drawn_and_recorded_on_job_and_queue(h: Harness) -> None:
    result = await h.submit(command(seed=None))
    assert h.seeds.calls == 1
    assert result.job.request.seed == 4242
    assert h.queue.enqueued[0].request.seed == 4242
    stored = await h.jobs.get(result.job.id)
    assert stored is not None and stored.request.seed == 4242


async def test_two_submissions_without_key_make_two_jobs(h: Harness) -> None:
    first = await h.submit(command())
    second = await h.submit(command())
    assert first.job.id != second.job.id
    assert len(h.queue.enqueued) == 2


async def test_submit_counts_a_queued_job(h: Harness) -> None:
    await h.submit(command())
    assert h.metrics.totals(m.JOBS_BY_STATUS) == {((m.STATUS, "queued"),): 1}


async def test_same_key_same_body_returns_the_original_job_and_queues_no_started_job_again(
    h: Harness,
) -> None:
    first = await h.submit(command(idempotency_key="key-1"))
    await h.jobs.record_step(first.job.id, successful_run()[0], now=T0)
    h.clock.advance(seconds=30)
    second = await h.submit(command(idempotency_key="key-1"))
    assert first.created and not second.created
    assert second.job.id == first.job.id and second.job.status is JobStatus.RUNNING
    assert len(h.queue.enqueued) == 1
    assert h.metrics.totals(m.JOBS_BY_STATUS)[((m.STATUS, "queued"),)] == 1


async def test_replays_of_a_queued_job_never_queue_it_again(h: Harness) -> None:
    first = await h.submit(command(idempotency_key="key-1"))
    replays = [await h.submit(command(idempotency_key="key-1")) for _ in range(2030)]
    assert all(not replay.created and replay.job == first.job for replay in replays)
    assert [queued.job_id for queued in h.queue.enqueued] == [first.job.id]


async def test_concurrent_replays_of_a_queued_job_never_queue_it_again(h: Harness) -> None:
    first = await h.submit(command(idempotency_key="key-1"))
    replays = await asyncio.gather(
        *(h.submit(command(idempotency_key="key-1")) for _ in range(200))
    )
    assert {replay.job.id for replay in replays} == {first.job.id}
    assert len(h.queue.enqueued) == 1


class _StoreGoneAfterPut(InMemoryJobRepository):
    """The job is stored, then the queue and the store both fail: the job cannot be removed
    again, and the first answer is a 503. Its Idempotency-Key's turn is given back."""

    async def discard(self, job_id: str) -> None:
        raise DependencyUnavailable("job store")


async def test_a_replay_queues_once_a_job_that_was_accepted_but_never_queued() -> None:
    h = Harness(_QueueDownOnce())
    h.submit._jobs = h.jobs = _StoreGoneAfterPut(clock=h.clock)
    with pytest.raises(DependencyUnavailable):
        await h.submit(command(idempotency_key="k"))
    (orphan_id,) = [job_id for job_id in h.jobs._jobs]
    assert h.queue.enqueued == []

    replays = [await h.submit(command(idempotency_key="k")) for _ in range(5)]

    assert {replay.job.id for replay in replays} == {orphan_id}
    assert [queued.job_id for queued in h.queue.enqueued] == [orphan_id]


async def test_concurrent_replays_of_a_job_never_queued_queue_it_once() -> None:
    h = Harness(_QueueDownOnce())
    h.submit._jobs = h.jobs = _StoreGoneAfterPut(clock=h.clock)
    with pytest.raises(DependencyUnavailable):
        await h.submit(command(idempotency_key="k"))

    outcomes = await asyncio.gather(
        *(h.submit(command(idempotency_key="k")) for _ in range(50)), return_exceptions=True
    )

    assert len(h.queue.enqueued) == 1
    answered = [o for o in outcomes if not isinstance(o, BaseException)]
    told_to_retry = [o for o in outcomes if isinstance(o, SubmissionInProgress)]
    assert len(answered) + len(told_to_retry) == 50 and answered


async def test_a_replay_while_the_first_request_holds_the_turn_is_told_to_retry(
    h: Harness,
) -> None:
    cmd = command(idempotency_key="slow")
    held = IdempotencyClaim(
        key="slow",
        fingerprint=cmd.fingerprint(),
        job_id=RandomJobIds().new_id(T0),
        expires_at=T0 + RETENTION,
        turn_until=T0 + timedelta(seconds=15),
    )
    assert await h.jobs.claim_idempotency_key(held, now=T0) is None

    with pytest.raises(SubmissionInProgress) as told:
        await h.submit(cmd)
    assert told.value.retry_after_seconds == 1
    assert h.queue.enqueued == []

    h.clock.advance(seconds=16)  # the first request died: its turn lapsed
    taken_over = await h.submit(cmd)
    assert taken_over.created and taken_over.job.id == held.job_id
    assert [queued.job_id for queued in h.queue.enqueued] == [held.job_id]


class _PutAppliedAnswerLost(InMemoryJobRepository):
    """A conditional put that was applied, but whose answer timed out: botocore's retry then
    fails the condition against the item the first attempt wrote."""

    async def add(self, job: Job) -> bool:
        await super().add(job)
        return False


async def test_a_put_applied_but_reported_refused_still_queues_the_new_job() -> None:
    h = Harness()
    h.submit._jobs = h.jobs = _PutAppliedAnswerLost(clock=h.clock)

    result = await h.submit(command())

    assert result.created
    assert [queued.job_id for queued in h.queue.enqueued] == [result.job.id]
    assert await h.jobs.get(result.job.id) == result.job


async def test_same_key_without_seed_returns_the_original_random_seed(h: Harness) -> None:
    first = await h.submit(command(seed=None, idempotency_key="k"))
    h.seeds.seed = 1
    second = await h.submit(command(seed=None, idempotency_key="k"))
    assert second.job.id == first.job.id
    assert second.job.request.seed == 4242


@pytest.mark.parametrize(
    "changed", [{"prompt": "a desert"}, {"seed": 10}, {"seed": None}, {"width": 49}, {"height": 25}]
)
async def test_same_key_different_body_is_refused(h: Harness, changed: dict[str, object]) -> None:
    await h.submit(command(idempotency_key="key-1"))
    with pytest.raises(IdempotencyKeyReused):
        await h.submit(command(idempotency_key="key-1", **changed))
    assert len(h.queue.enqueued) == 1


async def test_different_keys_make_different_jobs(h: Harness) -> None:
    first = await h.submit(command(idempotency_key="a"))
    second = await h.submit(command(idempotency_key="b"))
    assert first.job.id != second.job.id
    assert len(h.queue.enqueued) == 2


async def test_expired_key_makes_a_new_job(h: Harness) -> None:
    first = await h.submit(command(idempotency_key="k"))
    h.clock.advance(days=15)
    second = await h.submit(command(idempotency_key="k", prompt="another"))
    assert second.created and second.job.id != first.job.id


async def test_claim_without_job_recreates_the_job_with_the_claimed_id(h: Harness) -> None:
    cmd = command(idempotency_key="crashed")
    claimed_id = RandomJobIds().new_id(T0 - timedelta(seconds=5))
    orphan = IdempotencyClaim(
        key="crashed",
        fingerprint=cmd.fingerprint(),
        job_id=claimed_id,
        expires_at=T0 + RETENTION,
    )
    assert await h.jobs.claim_idempotency_key(orphan, now=T0 - timedelta(seconds=5)) is None

    result = await h.submit(cmd)

    assert result.created
    assert result.job.id == claimed_id
    assert await h.jobs.get(claimed_id) == result.job
    assert [q.job_id for q in h.queue.enqueued] == [claimed_id]
    await h.jobs.record_step(claimed_id, successful_run()[0], now=T0)
    again = await h.submit(cmd)
    assert again.job.id == claimed_id and not again.created
    assert len(h.queue.enqueued) == 1


def test_fingerprint_changes_with_every_field_and_not_with_the_key() -> None:
    base = command(idempotency_key="a")
    assert base.fingerprint() == command(idempotency_key="b").fingerprint()
    for changed in ({"prompt": "x"}, {"seed": 1}, {"seed": None}, {"width": 17}, {"height": 9}):
        assert command(**changed).fingerprint() != base.fingerprint()


class _QueueDownOnce(RecordingQueue):
    """SendMessage fails the first time, as when the queue is briefly unreachable."""

    def __init__(self) -> None:
        super().__init__()
        self.down = True

    async def enqueue(self, job: QueuedJob) -> None:
        if self.down:
            self.down = False
            raise DependencyUnavailable("queue")
        await super().enqueue(job)


async def test_failed_enqueue_leaves_no_job_behind_and_a_retry_with_the_key_runs_it() -> None:
    h = Harness(_QueueDownOnce())

    with pytest.raises(DependencyUnavailable):
        await h.submit(command(idempotency_key="k-1"))
    claim = h.jobs._claims["k-1"]
    assert await h.jobs.get(claim.job_id) is None

    retried = await h.submit(command(idempotency_key="k-1"))

    assert retried.created is True
    assert retried.job.id == claim.job_id
    assert [queued.job_id for queued in h.queue.enqueued] == [claim.job_id]


async def test_a_full_store_refuses_the_job_and_nothing_is_queued() -> None:
    h = Harness(max_jobs=1)
    kept = await h.submit(command(prompt="kept"))
    with pytest.raises(JobStoreFull):
        await h.submit(command(prompt="refused"))
    assert [queued.job_id for queued in h.queue.enqueued] == [kept.job.id]
    assert len(h.jobs) == 1


async def test_a_refused_job_is_created_by_a_retry_with_its_key_once_there_is_room() -> None:
    h = Harness(max_jobs=1)
    first = await h.submit(command(prompt="first"))
    with pytest.raises(JobStoreFull):
        await h.submit(command(prompt="second", idempotency_key="k"))
    for item in successful_run():
        await h.jobs.record_step(first.job.id, item, now=T0)
    retried = await h.submit(command(prompt="second", idempotency_key="k"))
    assert retried.created and retried.job.request.prompt == "second"
    assert await h.jobs.get(first.job.id) is None


async def test_a_job_records_the_key_that_submitted_it(h: Harness) -> None:
    result = await h.submit(command(owner="key_a"))
    assert result.job.owner == "key_a"
    assert (await h.jobs.get(result.job.id)) == result.job
    anonymous = await h.submit(command())
    assert anonymous.job.owner is None


async def test_two_keys_using_the_same_idempotency_key_get_two_jobs(h: Harness) -> None:
    mine = await h.submit(command(idempotency_key="order-1", owner="key_a"))
    theirs = await h.submit(command(idempotency_key="order-1", owner="key_b"))
    assert mine.created and theirs.created
    assert mine.job.id != theirs.job.id
    assert theirs.job.owner == "key_b"


async def test_another_keys_claim_never_refuses_a_different_body(h: Harness) -> None:
    await h.submit(command(idempotency_key="order-1", owner="key_a"))
    other = await h.submit(command(idempotency_key="order-1", owner="key_b", prompt="a lake"))
    assert other.created and other.job.request.prompt == "a lake"
    with pytest.raises(IdempotencyKeyReused):
        await h.submit(command(idempotency_key="order-1", owner="key_b", prompt="a hill"))


async def test_a_keys_replay_returns_its_own_job(h: Harness) -> None:
    first = await h.submit(command(idempotency_key="order-1", owner="key_a"))
    await h.submit(command(idempotency_key="order-1", owner="key_b"))
    again = await h.submit(command(idempotency_key="order-1", owner="key_a"))
    assert not again.created and again.job.id == first.job.id
    assert len(h.queue.enqueued) == 2


def test_a_claim_is_scoped_by_its_owner_and_a_separator_no_header_key_holds() -> None:
    # An Idempotency-Key header is printable ASCII (checked at the edge): never a newline.
    assert command(idempotency_key="k", owner="key_a").scoped_idempotency_key() == "key_a\nk"
    assert command(idempotency_key="k").scoped_idempotency_key() == "k"


class _TickingClock(FixedClock):
    """A clock that moves a second each time it is read."""

    def now(self) -> datetime:
        self.current += timedelta(seconds=1)
        return self.current


async def test_a_keyed_job_and_its_claim_expire_together() -> None:
    h = Harness()
    clock = _TickingClock(T0)
    h.submit._clock = clock
    result = await h.submit(command(idempotency_key="ttl"))
    claim = await h.jobs.claim_idempotency_key(
        IdempotencyClaim(
            key="ttl",
            fingerprint="other",
            job_id="x",
            expires_at=T0,
            turn_until=T0,
        ),
        now=T0,
    )
    assert claim is not None and claim.expires_at == result.job.expires_at
