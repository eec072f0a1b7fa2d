"""InProcessJobQueue: demo-mode queue between the API and the in-process worker."""

import asyncio
import logging

from application.ports import Delivery, QueuedJob

log = logging.getLogger(__name__)


class InProcessDelivery:
    def __init__(self, job: QueuedJob, receive_count: int = 1) -> None:
        self._job = job
        self.receive_count = receive_count

    @property
    def job(self) -> QueuedJob:
        return self._job


class InProcessJobQueue:
    """An asyncio queue that behaves like SQS with a redrive policy.

    A released job comes back after a growing delay; after `max_receives` deliveries it
    is dropped (logged as dead-lettered) so a poison job cannot loop for ever.
    """

    def __init__(self, *, max_receives: int = 5, base_delay_seconds: float = 0.5) -> None:
        self._queue: asyncio.Queue[tuple[QueuedJob, int]] = asyncio.Queue()
        self._max_receives = max_receives
        self._base_delay = base_delay_seconds
        self.dead_letters: list[QueuedJob] = []

    async def enqueue(self, job: QueuedJob) -> None:
        self._queue.put_nowait((job, 0))

    async def receive(self, *, wait_seconds: float) -> Delivery | None:
        try:
            job, received = await asyncio.wait_for(self._queue.get(), timeout=wait_seconds)
        except TimeoutError:
            return None
        return InProcessDelivery(job, received + 1)

    async def keep_alive(self, delivery: Delivery) -> None:
        return None

    async def ack(self, delivery: Delivery) -> None:
        return None

    async def release(self, delivery: Delivery) -> None:
        count = delivery.receive_count if isinstance(delivery, InProcessDelivery) else 1
        if count >= self._max_receives:
            log.error(
                "job given up after %d attempts", count, extra={"job_id": delivery.job.job_id}
            )
            self.dead_letters.append(delivery.job)
            return
        delay = self._base_delay * 2 ** (count - 1)
        asyncio.get_running_loop().call_later(delay, self._queue.put_nowait, (delivery.job, count))

    async def check(self) -> None:
        return None

    def pending(self) -> int:
        return self._queue.qsize()
