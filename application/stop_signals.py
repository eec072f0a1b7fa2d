"""How a running job learns that it should stop: its job was canceled (or finished elsewhere).

The scene generator runs in a thread and asks a stop check between placements, so the signal
is a `threading.Event` the check reads without touching the event loop. A `CancelWatch` sets it
while a job's generation runs: in demo mode on the store's own change signal, in persistent
mode by polling the job's status (`PollingCancelWatch`).
"""

import asyncio
import contextlib
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Protocol

from application.ports import JobRepository
from domain.jobs import JobStatus

log = logging.getLogger(__name__)

DEFAULT_POLL_SECONDS = 0.05


class StopSignal:
    """Set once, from the event loop; read from any thread."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self.status: JobStatus | None = None
        """The status that stopped the job (canceled, or finished elsewhere); None if gone."""

    def stop(self, status: JobStatus | None) -> None:
        if not self._event.is_set():
            self.status = status
            self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()


class CancelWatch(Protocol):
    """Watches one job while its worker runs it, and sets the signal when it must stop."""

    def watching(self, job_id: str) -> AbstractAsyncContextManager[StopSignal]: ...


def must_stop(status: JobStatus | None) -> bool:
    """A job that is gone or finished (canceled, or done or failed by another run)."""
    return status is None or status.is_terminal


class PollingCancelWatch:
    """Reads the job's status every `interval_seconds` while it is watched (a strongly
    consistent read of the status alone); the first read comes one interval in, so a job whose
    generation is quicker than that costs no read at all."""

    def __init__(self, jobs: JobRepository, interval_seconds: float = DEFAULT_POLL_SECONDS) -> None:
        self._jobs = jobs
        self._interval = interval_seconds
        self.reads = 0

    @asynccontextmanager
    async def watching(self, job_id: str) -> AsyncIterator[StopSignal]:
        signal = StopSignal()
        over = asyncio.Event()
        poller = asyncio.create_task(
            self._poll(job_id, signal, over), name=f"cancel-watch-{job_id}"
        )
        try:
            yield signal
        finally:
            # The flag ends the loop even if a cancellation is lost inside a read (a lost
            # cancel left the run waiting here for ever, after its last generation step).
            over.set()
            poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await poller

    async def _poll(self, job_id: str, signal: StopSignal, over: asyncio.Event) -> None:
        failing = False
        while not over.is_set():
            await asyncio.sleep(self._interval)
            if over.is_set():
                return
            self.reads += 1
            try:
                status = await self._jobs.status(job_id)
            except Exception as error:
                # The run goes on (its next step report will say if the job was canceled).
                if not failing:
                    log.warning("cannot read the job's status: %s", error, extra={"job_id": job_id})
                failing = True
                continue
            failing = False
            if must_stop(status):
                signal.stop(status)
                return
