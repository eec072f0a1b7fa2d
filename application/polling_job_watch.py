"""PollingJobWatch: follows jobs in a store that cannot notify (DynamoDB) by shared polling.

Each followed job has one poller, however many streams and waiting requests follow it: one
strongly consistent read every `interval_seconds`. The poller stops as soon as its last follower
leaves (a client disconnect cancels the follower), so an abandoned stream costs no more reads.
"""

import asyncio
import contextlib
import logging

from application.ports import JobRepository
from domain.jobs import Job

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_SECONDS = 0.5


class _Poll:
    def __init__(self) -> None:
        self.followers = 0
        self.latest: Job | None = None
        self.gone = False
        self.updated = asyncio.Event()
        self.task: asyncio.Task[None] | None = None

    def publish(self, job: Job | None) -> None:
        self.latest = job
        self.gone = job is None
        updated, self.updated = self.updated, asyncio.Event()
        updated.set()


class PollingJobWatch:
    def __init__(
        self, jobs: JobRepository, interval_seconds: float = DEFAULT_INTERVAL_SECONDS
    ) -> None:
        self._jobs = jobs
        self._interval = interval_seconds
        self._polls: dict[str, _Poll] = {}
        self.reads = 0
        """Store reads made so far: what a follower costs, for the benchmark."""

    async def next_change(self, job_id: str, seen: Job, *, timeout: float) -> Job | None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        poll = self._join(job_id)
        try:
            while True:
                updated = poll.updated
                if poll.gone:
                    return None
                if poll.latest is not None and poll.latest.version != seen.version:
                    return poll.latest
                remaining = deadline - loop.time()
                if remaining <= 0:
                    return poll.latest or seen
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(updated.wait(), remaining)
        finally:
            self._leave(job_id, poll)

    def followed(self) -> int:
        """Jobs being polled right now."""
        return len(self._polls)

    def _join(self, job_id: str) -> _Poll:
        poll = self._polls.get(job_id)
        if poll is None:
            poll = self._polls[job_id] = _Poll()
            poll.task = asyncio.create_task(self._run(job_id, poll), name=f"watch-{job_id}")
        poll.followers += 1
        return poll

    def _leave(self, job_id: str, poll: _Poll) -> None:
        poll.followers -= 1
        if poll.followers == 0:
            self._polls.pop(job_id, None)
            if poll.task is not None:
                poll.task.cancel()

    async def _run(self, job_id: str, poll: _Poll) -> None:
        failing = False
        while True:
            try:
                self.reads += 1
                job = await self._jobs.get(job_id)
            except Exception as error:
                # Followers keep their last view and wait; the next read may succeed.
                if not failing:
                    log.warning("could not read a followed job: %s", error)
                failing = True
            else:
                failing = False
                poll.publish(job)
                if job is None or job.status.is_terminal:
                    return
            await asyncio.sleep(self._interval)
