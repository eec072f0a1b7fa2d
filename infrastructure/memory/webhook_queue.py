"""InProcessWebhookQueue: demo-mode webhook queue with delays and a visibility timeout, like SQS."""

import asyncio
import itertools
import logging

from application.webhooks.ports import WebhookDelivery, WebhookMessage

log = logging.getLogger(__name__)


class InProcessWebhookDelivery:
    def __init__(self, message: WebhookMessage, *, receipt: int, receive_count: int) -> None:
        self._message = message
        self.receipt = receipt
        self.receive_count = receive_count

    @property
    def message(self) -> WebhookMessage:
        return self._message


class InProcessWebhookQueue:
    """An asyncio queue: a delayed message waits on a timer, a received one that is not acked
    within `visibility_timeout_seconds` comes back, and after `max_receives` it is dropped
    (logged, kept in `dead_letters`) as SQS's redrive policy would do. Nothing survives the
    process: demo mode only."""

    def __init__(self, *, visibility_timeout_seconds: float = 60.0, max_receives: int = 5) -> None:
        self._ready: asyncio.Queue[tuple[WebhookMessage, int]] = asyncio.Queue()
        self._visibility_timeout = visibility_timeout_seconds
        self._max_receives = max_receives
        self._receipts = itertools.count(1)
        self._invisible: dict[int, asyncio.TimerHandle] = {}
        self._delayed: dict[int, asyncio.TimerHandle] = {}
        self.dead_letters: list[WebhookMessage] = []

    async def enqueue(self, message: WebhookMessage, *, delay_seconds: float = 0) -> None:
        if delay_seconds <= 0:
            self._ready.put_nowait((message, 0))
            return
        token = next(self._receipts)
        self._delayed[token] = asyncio.get_running_loop().call_later(
            delay_seconds, self._become_ready, token, message
        )

    async def receive(self, *, wait_seconds: float) -> WebhookDelivery | None:
        # asyncio.timeout, not wait_for: a cancelled get leaves its message in the queue.
        try:
            async with asyncio.timeout(wait_seconds):
                message, received = await self._ready.get()
        except TimeoutError:
            return None
        receipt = next(self._receipts)
        self._invisible[receipt] = asyncio.get_running_loop().call_later(
            self._visibility_timeout, self._reappear, receipt, message, received + 1
        )
        return InProcessWebhookDelivery(message, receipt=receipt, receive_count=received + 1)

    async def ack(self, delivery: WebhookDelivery) -> None:
        if not isinstance(delivery, InProcessWebhookDelivery):
            raise TypeError(f"not a delivery of this queue: {type(delivery).__name__}")
        handle = self._invisible.pop(delivery.receipt, None)
        if handle is not None:
            handle.cancel()

    async def check(self) -> None:
        return None

    def pending(self) -> int:
        """Messages not yet acked: ready, delayed or received."""
        return self._ready.qsize() + len(self._delayed) + len(self._invisible)

    def _become_ready(self, token: int, message: WebhookMessage) -> None:
        self._delayed.pop(token, None)
        self._ready.put_nowait((message, 0))

    def _reappear(self, receipt: int, message: WebhookMessage, received: int) -> None:
        self._invisible.pop(receipt, None)
        if received >= self._max_receives:
            log.error(
                "webhook message dropped after %d receives without an ack",
                received,
                extra={"job_id": message.job_id},
            )
            self.dead_letters.append(message)
            return
        self._ready.put_nowait((message, received))
