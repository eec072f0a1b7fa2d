"""InMemoryJobWatch: demo mode follows a job by waking on the store's own change signal."""

import asyncio
import contextlib

from domain.jobs import Job
from infrastructure.memory.job_repository import InMemoryJobRepository


class InMemoryJobWatch:
    """No polling: a follower sleeps until the repository records a change of its job."""

    def __init__(self, jobs: InMemoryJobRepository) -> None:
        self._jobs = jobs

    async def next_change(self, job_id: str, seen: Job, *, timeout: float) -> Job | None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            current = await self._jobs.get(job_id)
            if current is None or current.version != seen.version:
                return current
            remaining = deadline - loop.time()
            if remaining <= 0:
                return current
            signal = self._jobs.change_signal(job_id)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(signal.wait(), remaining)
