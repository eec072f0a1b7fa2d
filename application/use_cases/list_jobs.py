"""List a key's own jobs, newest first, a page at a time behind an opaque cursor."""

import base64
import binascii
from datetime import datetime

import msgspec

from application.errors import InvalidCursor, ListingNeedsAKey
from application.ports import (
    MAX_PAGE_SIZE,
    ArtifactStore,
    Clock,
    JobPosition,
    JobRepository,
)
from application.use_cases.get_status import JobView
from domain.jobs import JobStatus

DEFAULT_PAGE_SIZE = 20
_CURSOR_VERSION = 1


class ListJobs(msgspec.Struct, frozen=True, kw_only=True):
    owner: str | None
    """The caller's API key id; None (a service without keys) is refused."""
    limit: int = DEFAULT_PAGE_SIZE
    cursor: str | None = None
    status: JobStatus | None = None


class JobList(msgspec.Struct, frozen=True, kw_only=True):
    items: tuple[JobView, ...]
    next_cursor: str | None


class _Cursor(msgspec.Struct, frozen=True, array_like=True):
    version: int
    created_at: datetime
    job_id: str
    status: JobStatus | None


class ListJobsHandler:
    """Pages through the owner's jobs from the position the last page ended at.

    The cursor is that position (creation time and id of the last job shown) and the status
    filter, base64url-encoded: opaque to clients, and stable, because a new job sorts before
    every listed one. A cursor given with another status filter than it was made with is
    refused (`InvalidCursor`), as is anything this service did not make.
    """

    def __init__(self, *, jobs: JobRepository, artifacts: ArtifactStore, clock: Clock) -> None:
        self._jobs = jobs
        self._artifacts = artifacts
        self._clock = clock

    async def __call__(self, query: ListJobs) -> JobList:
        """Raises `ListingNeedsAKey` without an owner, `ValueError` for a limit outside
        1..MAX_PAGE_SIZE and `InvalidCursor`."""
        if query.owner is None:
            raise ListingNeedsAKey("listing jobs needs an API key")
        if not 1 <= query.limit <= MAX_PAGE_SIZE:
            raise ValueError(f"limit must be 1..{MAX_PAGE_SIZE}")
        after = None if query.cursor is None else decode_cursor(query.cursor, query.status)
        page = await self._jobs.list_owned(
            query.owner, limit=query.limit, after=after, status=query.status
        )
        now = self._clock.now()
        items = []
        for job in page.jobs:
            links = None
            if job.result is not None:
                links = await self._artifacts.links(job.result, now=now)
            items.append(JobView(job=job, links=links))
        next_cursor = None if page.next is None else encode_cursor(page.next, query.status)
        return JobList(items=tuple(items), next_cursor=next_cursor)


def encode_cursor(position: JobPosition, status: JobStatus | None) -> str:
    cursor = _Cursor(_CURSOR_VERSION, position.created_at, position.job_id, status)
    return base64.urlsafe_b64encode(msgspec.json.encode(cursor)).rstrip(b"=").decode()


def decode_cursor(text: str, status: JobStatus | None) -> JobPosition:
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        cursor = msgspec.json.decode(raw, type=_Cursor)
    except (binascii.Error, ValueError, msgspec.DecodeError):
        raise InvalidCursor("the cursor is not one this service made") from None
    if cursor.version != _CURSOR_VERSION or cursor.created_at.tzinfo is None:
        raise InvalidCursor("the cursor is not one this service made")
    if cursor.status != status:
        raise InvalidCursor("the cursor belongs to a listing with another status filter")
    return JobPosition(created_at=cursor.created_at, job_id=cursor.job_id)
