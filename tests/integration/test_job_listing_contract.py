"""JobRepository listing and counting a key's jobs: the in-memory and DynamoDB (emulated)
adapters page the same way, newest first, with a position that survives new submissions."""

import uuid
from datetime import UTC, datetime, timedelta

import msgspec
import pytest

from application.ports import JobPosition, JobRepository
from domain.jobs import Job, JobStatus, StepName, StepPhase
from tests.integration.test_job_repository_contract import a_job, event, repository

pytestmark = pytest.mark.integration

__all__ = ["repository"]


def an_owner() -> str:
    return f"key_{uuid.uuid4().hex[:16]}"


async def add_owned(
    repository: JobRepository, owner: str | None, count: int, *, start: datetime | None = None
) -> list[Job]:
    """`count` jobs of `owner`, one millisecond apart, oldest first."""
    start = start or datetime.now(UTC)
    jobs = []
    for index in range(count):
        job = msgspec.structs.replace(a_job(start + timedelta(milliseconds=index)), owner=owner)
        assert await repository.add(job)
        jobs.append(job)
    return jobs


async def all_pages(
    repository: JobRepository, owner: str, *, limit: int, status: JobStatus | None = None
) -> list[list[str]]:
    pages: list[list[str]] = []
    after: JobPosition | None = None
    while True:
        page = await repository.list_owned(owner, limit=limit, after=after, status=status)
        pages.append([job.id for job in page.jobs])
        if page.next is None:
            return pages
        after = page.next


def flat(pages: list[list[str]]) -> list[str]:
    return [job_id for page in pages for job_id in page]


async def test_a_keys_jobs_are_listed_newest_first_and_no_one_elses(
    repository: JobRepository,
) -> None:
    owner = an_owner()
    mine = await add_owned(repository, owner, 5)
    await add_owned(repository, an_owner(), 3)
    await add_owned(repository, None, 2)
    page = await repository.list_owned(owner, limit=100)
    assert [job.id for job in page.jobs] == [job.id for job in reversed(mine)]
    assert page.jobs[0] == mine[-1]
    assert page.next is None


async def test_pages_follow_each_other_without_duplicates_or_gaps(
    repository: JobRepository,
) -> None:
    owner = an_owner()
    mine = await add_owned(repository, owner, 7)
    pages = await all_pages(repository, owner, limit=3)
    assert [len(page) for page in pages] == [3, 3, 1]
    assert flat(pages) == [job.id for job in reversed(mine)]


async def test_a_full_last_page_says_no_more(repository: JobRepository) -> None:
    owner = an_owner()
    await add_owned(repository, owner, 4)
    assert [len(page) for page in await all_pages(repository, owner, limit=2)] == [2, 2]


async def test_jobs_submitted_between_pages_do_not_shift_the_next_page(
    repository: JobRepository,
) -> None:
    owner = an_owner()
    older = await add_owned(repository, owner, 5)
    first = await repository.list_owned(owner, limit=2)
    assert first.next is not None
    await add_owned(repository, owner, 3, start=datetime.now(UTC) + timedelta(seconds=1))
    rest: list[str] = []
    after: JobPosition | None = first.next
    while after is not None:
        page = await repository.list_owned(owner, limit=2, after=after)
        rest += [job.id for job in page.jobs]
        after = page.next
    assert [job.id for job in first.jobs] + rest == [job.id for job in reversed(older)]


async def test_a_status_filter_pages_over_the_matching_jobs_only(
    repository: JobRepository,
) -> None:
    owner = an_owner()
    jobs = await add_owned(repository, owner, 9)
    canceled = jobs[1::3]
    for job in canceled:
        await repository.cancel(job.id, now=datetime.now(UTC))
    pages = await all_pages(repository, owner, limit=2, status=JobStatus.CANCELED)
    assert flat(pages) == [job.id for job in reversed(canceled)]
    assert [len(page) for page in pages] == [2, 1]
    queued = flat(await all_pages(repository, owner, limit=4, status=JobStatus.QUEUED))
    assert queued == [job.id for job in reversed(jobs) if job not in canceled]


async def test_an_empty_listing_has_no_next_page(repository: JobRepository) -> None:
    page = await repository.list_owned(an_owner(), limit=20)
    assert page.jobs == ()
    assert page.next is None


async def test_active_jobs_are_the_queued_and_running_ones(repository: JobRepository) -> None:
    owner = an_owner()
    _queued, running, done, canceled = await add_owned(repository, owner, 4)
    await add_owned(repository, an_owner(), 2)
    assert await repository.count_active(owner) == 4
    await repository.record_step(
        running.id, event(StepName.PARSE_PROMPT, StepPhase.STARTED), now=datetime.now(UTC)
    )
    assert await repository.count_active(owner) == 4
    await repository.cancel(canceled.id, now=datetime.now(UTC))
    await repository.record_step(
        done.id, event(StepName.PARSE_PROMPT, StepPhase.FAILED), now=datetime.now(UTC)
    )
    assert await repository.count_active(owner) == 2
    assert await repository.count_active(an_owner()) == 0


async def test_an_owned_job_reads_back_with_its_owner(repository: JobRepository) -> None:
    owner = an_owner()
    (job,) = await add_owned(repository, owner, 1)
    stored = await repository.get(job.id)
    assert stored is not None
    assert stored.owner == owner


async def test_a_limit_outside_one_to_a_hundred_is_refused(repository: JobRepository) -> None:
    for limit in (0, 101):
        with pytest.raises(ValueError):
            await repository.list_owned(an_owner(), limit=limit)
