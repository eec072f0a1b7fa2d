"""Demo-mode job store limits: expiry after the retention period and a bound on kept jobs."""

from datetime import timedelta

import msgspec
import pytest

from application.errors import DependencyUnavailable, JobStoreFull
from application.ports import IdempotencyClaim
from domain.jobs import InlineArtifacts, JobStatus, StepName, StepPhase
from infrastructure.memory.job_repository import InMemoryJobRepository
from tests.fakes import RETENTION, T0, FixedClock, a_job, event, failed_run, successful_run


async def finish(jobs: InMemoryJobRepository, job_id: str) -> None:
    for item in successful_run():
        await jobs.record_step(job_id, item, now=T0)
    job = await jobs.get(job_id)
    assert job is not None and job.status is JobStatus.DONE


async def start(jobs: InMemoryJobRepository, job_id: str) -> None:
    await jobs.record_step(job_id, event(StepName.PARSE_PROMPT, StepPhase.STARTED), now=T0)


def claim(key: str, job_id: str) -> IdempotencyClaim:
    return IdempotencyClaim(key=key, fingerprint="f", job_id=job_id, expires_at=T0 + RETENTION)


async def test_job_is_kept_until_its_retention_ends_then_is_unknown() -> None:
    clock = FixedClock(T0)
    jobs = InMemoryJobRepository(clock=clock)
    await jobs.add(a_job("j1"))
    clock.advance(days=14, seconds=-1)
    assert await jobs.get("j1") is not None
    clock.advance(seconds=1)
    assert await jobs.get("j1") is None
    assert await jobs.record_step("j1", event(StepName.LAYOUT, StepPhase.STARTED), now=T0) is None
    assert len(jobs) == 0


async def test_expired_jobs_are_swept_oldest_first_and_newer_ones_stay() -> None:
    clock = FixedClock(T0)
    jobs = InMemoryJobRepository(clock=clock)
    for hour in range(3):
        await jobs.add(a_job(f"j{hour}", now=T0 + timedelta(hours=hour)))
    clock.advance(days=14, hours=1)
    assert await jobs.get("j2") is not None
    assert len(jobs) == 1


async def test_an_expired_idempotency_key_is_forgotten() -> None:
    clock = FixedClock(T0)
    jobs = InMemoryJobRepository(clock=clock)
    first = claim("k", "j1")
    assert await jobs.claim_idempotency_key(first, now=T0) is None
    clock.advance(days=14)
    renewed = IdempotencyClaim(
        key="k", fingerprint="g", job_id="j2", expires_at=clock.now() + RETENTION
    )
    assert await jobs.claim_idempotency_key(renewed, now=clock.now()) is None
    assert await jobs.claim_idempotency_key(claim("k", "j3"), now=clock.now()) == renewed


async def test_a_full_store_evicts_the_job_that_finished_first() -> None:
    jobs = InMemoryJobRepository(clock=FixedClock(T0), max_jobs=3)
    for job_id in ("j1", "j2", "j3"):
        await jobs.add(a_job(job_id))
    await finish(jobs, "j2")
    for item in failed_run(1):
        await jobs.record_step("j1", item, now=T0)
    await jobs.add(a_job("j4"))
    assert await jobs.get("j2") is None
    assert await jobs.get("j1") is not None
    await jobs.add(a_job("j5"))
    assert await jobs.get("j1") is None
    assert [await jobs.get(job_id) is not None for job_id in ("j3", "j4", "j5")] == [True] * 3


async def test_a_store_full_of_unfinished_jobs_refuses_a_new_one() -> None:
    jobs = InMemoryJobRepository(clock=FixedClock(T0), max_jobs=2)
    await jobs.add(a_job("queued"))
    await jobs.add(a_job("running"))
    await start(jobs, "running")
    with pytest.raises(JobStoreFull) as refused:
        await jobs.add(a_job("j3"))
    assert not isinstance(refused.value, DependencyUnavailable)  # no dependency failed
    assert refused.value.capacity == 2
    assert await jobs.get("j3") is None
    assert len(jobs) == 2


async def test_a_followed_job_is_not_evicted_before_it_finishes() -> None:
    jobs = InMemoryJobRepository(clock=FixedClock(T0), max_jobs=2)
    await jobs.add(a_job("followed"))
    await jobs.add(a_job("other"))
    await finish(jobs, "other")
    await jobs.add(a_job("newer"))  # evicts `other`, the only finished job
    await start(jobs, "followed")
    for poll in range(3):
        seen = await jobs.get("followed")
        assert seen is not None and seen.status is JobStatus.RUNNING, poll
        with pytest.raises(JobStoreFull):
            await jobs.add(a_job(f"refused-{poll}"))
    await finish(jobs, "followed")
    done = await jobs.get("followed")
    assert done is not None and done.status is JobStatus.DONE
    await jobs.add(a_job("after"))  # now `followed` is the finished one to go
    assert await jobs.get("followed") is None
    assert await jobs.get("newer") is not None


async def test_expired_jobs_free_their_slots_before_anything_is_evicted() -> None:
    clock = FixedClock(T0)
    jobs = InMemoryJobRepository(clock=clock, max_jobs=2)
    await jobs.add(a_job("old"))
    clock.advance(days=1)
    await jobs.add(a_job("young", now=clock.now()))
    await finish(jobs, "young")
    clock.advance(days=13)
    await jobs.add(a_job("new", now=clock.now()))
    assert await jobs.get("old") is None
    assert await jobs.get("young") is not None


async def test_an_evicted_job_takes_its_idempotency_key_with_it() -> None:
    jobs = InMemoryJobRepository(clock=FixedClock(T0), max_jobs=1)
    assert await jobs.claim_idempotency_key(claim("k", "j1"), now=T0) is None
    await jobs.add(a_job("j1"))
    await finish(jobs, "j1")
    await jobs.add(a_job("j2"))
    assert await jobs.claim_idempotency_key(claim("k", "j3"), now=T0) is None


async def test_idempotency_keys_are_bounded_oldest_first() -> None:
    jobs = InMemoryJobRepository(clock=FixedClock(T0), max_jobs=2)
    for index in range(5):  # keys whose job was never created: kept up to twice max_jobs
        assert await jobs.claim_idempotency_key(claim(f"k{index}", f"j{index}"), now=T0) is None
    assert await jobs.claim_idempotency_key(claim("k0", "again"), now=T0) is None
    assert await jobs.claim_idempotency_key(claim("k4", "again"), now=T0) == claim("k4", "j4")


async def test_a_discarded_job_keeps_its_key_so_a_retry_recreates_it() -> None:
    jobs = InMemoryJobRepository(clock=FixedClock(T0), max_jobs=1)
    assert await jobs.claim_idempotency_key(claim("k", "j1"), now=T0) is None
    await jobs.add(a_job("j1"))
    await jobs.discard("j1")
    assert await jobs.get("j1") is None
    assert await jobs.claim_idempotency_key(claim("k", "j2"), now=T0) == claim("k", "j1")
    assert await jobs.add(a_job("j1"))


def inline_of(size: int) -> InlineArtifacts:
    return InlineArtifacts(
        scene_graph=msgspec.Raw(b"{" + b" " * (size - 2) + b"}"), ascii_minimap=""
    )


async def finish_with(jobs: InMemoryJobRepository, job_id: str, size: int) -> None:
    for item in successful_run():
        if item.is_final_success:
            item = msgspec.structs.replace(item, artifacts=inline_of(size))
        await jobs.record_step(job_id, item, now=T0)


async def test_kept_artifacts_stay_within_their_byte_budget() -> None:
    jobs = InMemoryJobRepository(clock=FixedClock(T0), max_jobs=100, max_artifact_bytes=10_000)
    for n in range(10):
        await jobs.add(a_job(f"j{n}"))
        await finish_with(jobs, f"j{n}", 3_000)
        assert jobs.artifact_bytes <= 10_000
    # The three that finished last fit; the ones that finished before them were evicted.
    kept = [n for n in range(10) if await jobs.get(f"j{n}") is not None]
    assert kept == [7, 8, 9]
    assert jobs.artifact_bytes == 9_000


async def test_a_job_bigger_than_the_budget_is_kept_alone() -> None:
    jobs = InMemoryJobRepository(clock=FixedClock(T0), max_jobs=100, max_artifact_bytes=10_000)
    await jobs.add(a_job("small"))
    await finish_with(jobs, "small", 1_000)
    await jobs.add(a_job("queued"))
    await jobs.add(a_job("huge"))
    await finish_with(jobs, "huge", 50_000)
    assert await jobs.get("small") is None
    assert await jobs.get("huge") is not None
    assert await jobs.get("queued") is not None  # unfinished jobs are never evicted
    assert jobs.artifact_bytes == 50_000


async def test_the_svg_map_counts_in_the_byte_budget() -> None:
    """Three files a job: the map is kept inline too, so it is counted with the other two."""
    jobs = InMemoryJobRepository(clock=FixedClock(T0), max_jobs=100, max_artifact_bytes=10_000)
    with_map = msgspec.structs.replace(inline_of(2_000), ascii_minimap="#" * 500)
    with_map = msgspec.structs.replace(with_map, scene_svg="<svg>" + " " * 2_995 + "</svg>")
    assert with_map.size == 2_000 + 500 + 3_006
    for n in range(3):
        await jobs.add(a_job(f"j{n}"))
        for item in successful_run():
            if item.is_final_success:
                item = msgspec.structs.replace(item, artifacts=with_map)
            await jobs.record_step(f"j{n}", item, now=T0)
    assert [n for n in range(3) if await jobs.get(f"j{n}") is not None] == [2]
    assert jobs.artifact_bytes == 5_506
