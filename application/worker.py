"""The worker loop: take a job from the queue, run it, then ack it or give it back."""

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Callable

from application.ports import Delivery, JobQueue, Tracer
from application.use_cases.run_job import RunJobHandler, RunOutcome

log = logging.getLogger(__name__)

FIRST_BACKOFF_SECONDS = 0.5
MAX_BACKOFF_SECONDS = 30.0


def capped_backoff(failures: int) -> float:
    """Seconds to wait after the n-th failure in a row: doubling up to a cap, with jitter
    (half fixed, half random) so that workers failing together do not retry together."""
    ceiling = min(MAX_BACKOFF_SECONDS, FIRST_BACKOFF_SECONDS * 2.0 ** min(failures - 1, 16))
    return ceiling / 2 + random.uniform(0, ceiling / 2)


class JobWorker:
    """Runs one job at a time; on stop it finishes the current job within a grace period.

    A message is acked only after the run is over (the final step acknowledged, the
    failure reported, or the job found finished elsewhere). If the run cannot finish
    (the service is unreachable, or the grace period ends) the message is released so
    another worker runs the job again; deterministic step ids make that re-run safe.
    """

    def __init__(
        self,
        *,
        queue: JobQueue,
        run_job: RunJobHandler,
        receive_wait_seconds: float = 20.0,
        keep_alive_seconds: float = 20.0,
        tracer: Tracer | None = None,
        backoff: Callable[[int], float] | None = None,
    ) -> None:
        self._backoff = backoff or capped_backoff
        self._queue = queue
        self._run_job = run_job
        self._tracer = tracer
        self._receive_wait = receive_wait_seconds
        self._keep_alive_every = keep_alive_seconds
        self._stopping = asyncio.Event()
        self._busy = False
        self._task: asyncio.Task[None] | None = None
        self.completed: int = 0

    def start(self) -> None:
        self._task = asyncio.create_task(self.run(), name="job-worker")
        log.info("worker started")

    @property
    def running(self) -> bool:
        """The receive loop is running (started, not stopped, not crashed)."""
        return self._task is not None and not self._task.done()

    async def stop(self, grace_seconds: float = 10.0) -> None:
        """Finish the current job if it takes less than the grace period, else release it."""
        self._stopping.set()
        task = self._task
        if task is None:
            return
        if not self._busy:
            task.cancel()
        try:
            await asyncio.wait_for(asyncio.shield(task), timeout=grace_seconds)
        except (TimeoutError, asyncio.CancelledError):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def run(self) -> None:
        failures = 0
        outage_began = 0.0
        while not self._stopping.is_set():
            try:
                delivery = await self._queue.receive(wait_seconds=self._receive_wait)
            except Exception as error:
                # One line when the queue fails and one when it is back: not a trace per retry.
                failures += 1
                if failures == 1:
                    outage_began = time.monotonic()
                    log.warning("job queue unavailable, retrying with backoff: %s", error)
                await asyncio.sleep(self._backoff(failures))
                continue
            if failures:
                log.info(
                    "job queue available again after %d failed receives over %.1f s",
                    failures,
                    time.monotonic() - outage_began,
                )
                failures = 0
            if delivery is None:
                # A queue that answers at once must not starve the event loop.
                await asyncio.sleep(0)
                continue
            await self.process(delivery)

    async def process(self, delivery: Delivery) -> RunOutcome | None:
        """Run one delivered job inside its job span, so every log line about it has its trace."""
        job = delivery.job
        span = (
            self._tracer.job(job.job_id, job.trace_context)
            if self._tracer is not None
            else contextlib.nullcontext()
        )
        with span:
            return await self._process(delivery)

    async def _process(self, delivery: Delivery) -> RunOutcome | None:
        self._busy = True
        job_id = delivery.job.job_id
        log.info("job received", extra={"job_id": job_id})
        keeper = asyncio.create_task(self._keep_alive(delivery))
        try:
            outcome = await self._run_job(delivery.job)
        except asyncio.CancelledError:
            await self._release(delivery)
            raise
        except Exception:
            log.exception(
                "job run could not finish; releasing it", extra={"job_id": delivery.job.job_id}
            )
            await self._release(delivery)
            return None
        finally:
            keeper.cancel()
            self._busy = False
        await self._queue.ack(delivery)
        self.completed += 1
        log.info(
            "job run over: %s%s",
            outcome.job_status.value,
            " (finished elsewhere)" if outcome.stopped_early else "",
            extra={"job_id": job_id},
        )
        return outcome

    async def _keep_alive(self, delivery: Delivery) -> None:
        while True:
            await asyncio.sleep(self._keep_alive_every)
            try:
                await self._queue.keep_alive(delivery)
            except Exception:
                log.warning(
                    "could not extend the message's visibility",
                    extra={"job_id": delivery.job.job_id},
                )

    async def _release(self, delivery: Delivery) -> None:
        try:
            await asyncio.shield(self._queue.release(delivery))
        except Exception:
            log.warning("could not release the message; it returns after its timeout")
