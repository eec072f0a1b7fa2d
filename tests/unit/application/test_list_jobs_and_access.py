"""list_jobs and job_access: a key sees and lists its own jobs only, through an opaque cursor."""

from datetime import timedelta

import msgspec
import pytest

from application.errors import InvalidCursor, JobNotFound, ListingNeedsAKey
from application.ports import JobPosition
from application.use_cases.job_access import FindOwnJobHandler
from application.use_cases.list_jobs import ListJobs, ListJobsHandler, encode_cursor
from domain.jobs import Job, JobStatus
from infrastructure.memory.artifact_store import InlineArtifactStore
from infrastructure.memory.job_repository import InMemoryJobRepository
from tests import fakes
from tests.fakes import T0, FixedClock


class Harness:
    def __init__(self) -> None:
        self.clock = FixedClock(T0)
        self.jobs = InMemoryJobRepository(clock=self.clock)
        self.list = ListJobsHandler(
            jobs=self.jobs, artifacts=InlineArtifactStore(), clock=self.clock
        )
        self.find = FindOwnJobHandler(jobs=self.jobs)

    async def add(self, owner: str | None, count: int) -> list[Job]:
        added = []
        for _ in range(count):
            self.clock.advance(seconds=1)
            job = msgspec.structs.replace(
                fakes.a_job(f"job-{len(self.jobs)}", now=self.clock.now()), owner=owner
            )
            await self.jobs.add(job)
            added.append(job)
        return added


@pytest.fixture
def h() -> Harness:
    return Harness()


def ids(jobs: list[Job]) -> list[str]:
    return [job.id for job in jobs]


async def test_a_key_lists_its_jobs_newest_first_across_pages(h: Harness) -> None:
    mine = await h.add("key_a", 5)
    await h.add("key_b", 2)
    first = await h.list(ListJobs(owner="key_a", limit=2))
    assert [view.job.id for view in first.items] == ids(mine[::-1][:2])
    assert first.next_cursor is not None
    await h.add("key_a", 2)  # submitted between two pages: not on the next ones
    second = await h.list(ListJobs(owner="key_a", limit=2, cursor=first.next_cursor))
    third = await h.list(ListJobs(owner="key_a", limit=2, cursor=second.next_cursor))
    listed = [view.job.id for page in (first, second, third) for view in page.items]
    assert listed == ids(mine[::-1])
    assert third.next_cursor is None


async def test_the_default_page_is_twenty_jobs(h: Harness) -> None:
    await h.add("key_a", 21)
    page = await h.list(ListJobs(owner="key_a"))
    assert len(page.items) == 20 and page.next_cursor is not None


async def test_a_status_filter_keeps_its_cursor_to_itself(h: Harness) -> None:
    jobs = await h.add("key_a", 4)
    for job in jobs[:3]:
        await h.jobs.cancel(job.id, now=h.clock.now())
    page = await h.list(ListJobs(owner="key_a", limit=2, status=JobStatus.CANCELED))
    assert [view.job.id for view in page.items] == [jobs[2].id, jobs[1].id]
    assert page.next_cursor is not None
    rest = await h.list(
        ListJobs(owner="key_a", limit=2, status=JobStatus.CANCELED, cursor=page.next_cursor)
    )
    assert [view.job.id for view in rest.items] == [jobs[0].id]
    with pytest.raises(InvalidCursor):
        await h.list(ListJobs(owner="key_a", limit=2, cursor=page.next_cursor))


@pytest.mark.parametrize("cursor", ["", "not-a-cursor", "eyJ4IjoxfQ", "W10", "W251bGxd"])
async def test_a_cursor_the_service_did_not_make_is_refused(h: Harness, cursor: str) -> None:
    with pytest.raises(InvalidCursor):
        await h.list(ListJobs(owner="key_a", cursor=cursor))


async def test_a_cursor_of_a_naive_time_is_refused(h: Harness) -> None:
    naive = encode_cursor(JobPosition(created_at=T0.replace(tzinfo=None), job_id="x"), None)
    with pytest.raises(InvalidCursor):
        await h.list(ListJobs(owner="key_a", cursor=naive))


async def test_listing_without_a_key_is_refused(h: Harness) -> None:
    with pytest.raises(ListingNeedsAKey):
        await h.list(ListJobs(owner=None))


@pytest.mark.parametrize("limit", [0, 101])
async def test_a_limit_outside_one_to_a_hundred_is_refused(h: Harness, limit: int) -> None:
    with pytest.raises(ValueError):
        await h.list(ListJobs(owner="key_a", limit=limit))


async def test_a_job_of_another_key_is_not_found_like_an_unknown_one(h: Harness) -> None:
    (job,) = await h.add("key_a", 1)
    assert await h.find(job.id, "key_a") == job
    with pytest.raises(JobNotFound):
        await h.find(job.id, "key_b")
    with pytest.raises(JobNotFound):
        await h.find("no-such-job", "key_a")


async def test_without_keys_every_job_is_visible_and_a_key_never_sees_ownerless_jobs(
    h: Harness,
) -> None:
    (anonymous,) = await h.add(None, 1)
    (owned,) = await h.add("key_a", 1)
    assert await h.find(anonymous.id, None) == anonymous
    assert await h.find(owned.id, None) == owned
    with pytest.raises(JobNotFound):
        await h.find(anonymous.id, "key_a")


async def test_jobs_expire_from_the_listing_with_their_retention(h: Harness) -> None:
    await h.add("key_a", 2)
    h.clock.advance(days=15)
    page = await h.list(ListJobs(owner="key_a"))
    assert page.items == () and page.next_cursor is None
    assert await h.jobs.count_active("key_a") == 0
    assert timedelta(days=15) > fakes.RETENTION


async def test_an_evicted_or_discarded_job_leaves_its_keys_listing() -> None:
    clock = FixedClock(T0)
    jobs = InMemoryJobRepository(clock=clock, max_jobs=2)

    def owned(job_id: str) -> Job:
        clock.advance(seconds=1)
        return msgspec.structs.replace(fakes.a_job(job_id, now=clock.now()), owner="key_a")

    await jobs.add(owned("old"))
    await jobs.add(owned("kept"))
    await jobs.cancel("old", now=clock.now())
    await jobs.add(owned("new"))  # evicts "old", the job that finished longest ago
    page = await jobs.list_owned("key_a", limit=10)
    assert [job.id for job in page.jobs] == ["new", "kept"]
    await jobs.discard("new")
    assert [job.id for job in (await jobs.list_owned("key_a", limit=10)).jobs] == ["kept"]
    assert await jobs.count_active("key_a") == 1
