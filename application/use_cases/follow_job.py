"""Follow a job without polling: its events as they are recorded, or one wait for its end.

A job's events derive from its record alone (`domain.jobs.timeline`), so any API process can
serve any stream, and each event's id names it for good: a live stream and any replay give the
same event the same id, and reconnecting with the last id received resumes with nothing lost
and nothing repeated.
"""

import asyncio
from collections.abc import AsyncGenerator
from datetime import datetime
from typing import Literal

import msgspec

from application.errors import TooManyFollowers
from application.ports import JobWatch
from application.use_cases.get_status import GetStatusHandler, JobView
from domain.jobs import Job, JobStatus, StepRecord
from domain.jobs.timeline import END, sent_before, timeline

KEEP_ALIVE_SECONDS = 15
MAX_WAIT_SECONDS = 60
MAX_STREAMS = 500
MAX_WAITERS = 2000


class StepRecorded(msgspec.Struct, frozen=True, kw_only=True):
    event_id: str
    step: StepRecord


class StatusChanged(msgspec.Struct, frozen=True, kw_only=True):
    event_id: str
    job_id: str
    status: JobStatus
    at: datetime
    """When the job reached the status."""


class Finished(msgspec.Struct, frozen=True, kw_only=True):
    """The last event: the job's terminal status, with the full view."""

    event_id: str
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
        max_streams: int = MAX_STREAMS,
        max_waiters: int = MAX_WAITERS,
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

    @staticmethod
    def is_past_the_end(job: Job, last_event_id: str | None) -> bool:
        """The client received the final event: nothing more will come."""
        return job.status.is_terminal and (last_event_id or "").strip() == END

    async def events(self, first: Job, last_event_id: str | None) -> AsyncGenerator[JobEvent, None]:
        """Every event after `last_event_id`, then each one as it is recorded, until the final
        event. Ends early, without a final event, if the job disappears (its retention is over).
        """
        job = first
        sent = sent_before(timeline(job), last_event_id)
        while True:
            events = timeline(job)
            for event in events[sent:]:
                if event.step is not None:
                    yield StepRecorded(event_id=event.event_id, step=event.step)
                elif event.status is not None and event.at is not None:
                    yield StatusChanged(
                        event_id=event.event_id, job_id=job.id, status=event.status, at=event.at
                    )
            sent = len(events)
            if job.status.is_terminal:
                yield Finished(event_id=END, view=await self._get_status.view_of(job))
                return
            changed = await self._watch.next_change(job.id, job, timeout=self._keep_alive)
            if changed is None:
                return
            if changed.version == job.version:
                yield KeepAlive()
            job = changed

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
