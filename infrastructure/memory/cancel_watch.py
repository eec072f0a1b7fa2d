"""InMemoryCancelWatch: demo mode learns of a cancel from the store's change signal, at once."""

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from application.stop_signals import StopSignal, must_stop
from infrastructure.memory.job_repository import InMemoryJobRepository


class InMemoryCancelWatch:
    """No polling: the watcher sleeps until the repository records a change of the job."""

    def __init__(self, jobs: InMemoryJobRepository) -> None:
        self._jobs = jobs

    @asynccontextmanager
    async def watching(self, job_id: str) -> AsyncIterator[StopSignal]:
        signal = StopSignal()
        watcher = asyncio.create_task(self._follow(job_id, signal), name=f"cancel-watch-{job_id}")
        try:
            yield signal
        finally:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher

    async def _follow(self, job_id: str, signal: StopSignal) -> None:
        while True:
            changed = self._jobs.change_signal(job_id)  # taken before the read: no change missed
            job = await self._jobs.get(job_id)
            status = None if job is None else job.status
            if must_stop(status):
                signal.stop(status)
                return
            await changed.wait()
