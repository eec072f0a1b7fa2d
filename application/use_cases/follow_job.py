"""Follow a job without polling: its events as they are recorded, or one wait for its end.

A job's events derive from its record alone (steps in the order they were recorded, then its
status), so any API process can serve any stream, and an event id is a cursor into the record:
`<steps sent>.<status sent>`, with `.end` on the final event. Reconnecting with the last id
resumes with nothing lost and nothing repeated.
"""

import asyncio
import re
from collections.abc import AsyncIterator
from typing import Literal

import msgspec

from application.errors import TooManyFollowers
from application.ports import JobWatch
from application.use_cases.get_status import GetStatusHandler, JobView
from domain.jobs import Job, JobStatus, StepRecord

KEEP_ALIVE_SECONDS = 15.0
MAX_WAIT_SECONDS = 60
_CURSOR = re.compile(r"^(\d{1,4})\.(-|[a-z]{1,16})(\.end)?$")


class Cursor(msgspec.Struct, frozen=True, kw_only=True):
    """How much of a job's record a client has seen."""

    steps: int = 0
    status: JobStatus | None = None
    final: bool = False

    @property
    def event_id(self) -> str:
        status = self.status.value if self.status is not None else "-"
        return f"{self.steps}.{status}{'.end' if self.final else ''}"

    @classmethod
    def parse(cls, last_event_id: str | None) -> "Cursor":
        """The cursor a `Last-Event-ID` names; a missing or foreign id starts from the top."""
        match = _CURSOR.fullmatch(last_event_id.strip()) if last_event_id else None
        if match is None:
            return cls()
        try:
            status = None if match.group(2) == "-" else JobStatus(match.group(2))
        except ValueError:
            return cls()
        return cls(steps=int(match.group(1)), status=status, final=bool(match.group(3)))


class StepRecorded(msgspec.Struct, frozen=True, kw_only=True):
    cursor: Cursor
    step: StepRecord


class StatusChanged(msgspec.Struct, frozen=True, kw_only=True):
    cursor: Cursor
    job: Job


class Finished(msgspec.Struct, frozen=True, kw_only=True):
    """The last event: the job's terminal status, with the full view."""

    cursor: Cursor
    view: JobView


class KeepAlive(msgspec.Struct, frozen=True, kw_only=True):
    """Nothing happened for a while: a comment keeps proxies from closing the stream."""

    kind: Literal["keep-alive"] = "keep-alive"


JobEvent = StepRecorded | StatusChanged | Finished | KeepAlive


class StreamSlot:
    """A reserved stream; `release` is idempotent, so every exit path may call it."""

    def __init__(self, owner: "FollowJobHandler") -> None:
        self._owner: FollowJobHandler | None = owner

    def release(self) -> None:
        owner, self._owner = self._owner, None
        if owner is not None:
            owner._release_stream()


class FollowJobHandler:
    """Streams of a job's events, and waits for a job to finish; both cost no busy loop.

    At most `max_streams` streams are open at once in this process; a waiting request beyond
    `max_waiters` is answered at once, as the preference to wait is optional (RFC 7240).
    """

    def __init__(
        self,
        *,
        get_status: GetStatusHandler,
        watch: JobWatch,
        max_streams: int = 500,
        max_waiters: int = 2000,
        keep_alive_seconds: float = KEEP_ALIVE_SECONDS,
    ) -> None:
        self._get_status = get_status
        self._watch = watch
        self._max_streams = max_streams
        self._max_waiters = max_waiters
        self._keep_alive = keep_alive_seconds
        self.streams = 0
        self.waiters = 0

    def reserve_stream(self) -> StreamSlot:
        """One of this process's stream slots, held until released; raises TooManyFollowers
        when none is free, so the refusal comes before any streaming."""
        if self.streams >= self._max_streams:
            raise TooManyFollowers(self._max_streams)
        self.streams += 1
        return StreamSlot(self)

    def _release_stream(self) -> None:
        self.streams -= 1

    async def job(self, job_id: str) -> Job:
        """The job as it is now; raises JobNotFound, so a stream can refuse before it starts."""
        return await self._get_status.job(job_id)

    async def events(self, first: Job, cursor: Cursor) -> AsyncIterator[JobEvent]:
        """Everything after `cursor`, then each change as it is recorded, until the final event.

        Ends early, without a final event, if the job disappears (its retention is over).
        """
        job = first
        while True:
            async for event in self._catch_up(job, cursor):
                cursor = event.cursor
                yield event
            if cursor.final:
                return
            changed = await self._watch.next_change(job.id, job, timeout=self._keep_alive)
            if changed is None:
                return
            if changed.version == job.version:
                yield KeepAlive()
            job = changed

    async def _catch_up(
        self, job: Job, cursor: Cursor
    ) -> AsyncIterator[StepRecorded | StatusChanged | Finished]:
        sent = min(cursor.steps, len(job.steps))
        for index in range(sent, len(job.steps)):
            cursor = Cursor(steps=index + 1, status=cursor.status)
            yield StepRecorded(cursor=cursor, step=job.steps[index])
        cursor = Cursor(steps=len(job.steps), status=cursor.status, final=cursor.final)
        if job.status is not cursor.status:
            cursor = Cursor(steps=cursor.steps, status=job.status)
            yield StatusChanged(cursor=cursor, job=job)
        if job.status.is_terminal and not cursor.final:
            view = await self._get_status.view_of(job)
            yield Finished(
                cursor=Cursor(steps=cursor.steps, status=job.status, final=True), view=view
            )

    async def view_of(self, job: Job) -> JobView:
        return await self._get_status.view_of(job)

    async def wait(self, job: Job, seconds: float) -> tuple[JobView, bool]:
        """The job once it is terminal or `seconds` have passed; and whether the wait was
        honoured (False only when this process already holds `max_waiters` waiting requests)."""
        if job.status.is_terminal:
            return await self._get_status.view_of(job), True
        if self.waiters >= self._max_waiters:
            return await self._get_status.view_of(job), False
        self.waiters += 1
        try:
            loop = asyncio.get_running_loop()
            deadline = loop.time() + seconds
            while not job.status.is_terminal:
                remaining = deadline - loop.time()
                if remaining <= 0:
                    break
                changed = await self._watch.next_change(job.id, job, timeout=remaining)
                if changed is None:
                    break
                job = changed
        finally:
            self.waiters -= 1
        return await self._get_status.view_of(job), True
