"""The webhook dispatcher loop: take a message, render, check, sign and send it, then settle it."""

import asyncio
import contextlib
import enum
import logging
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import msgspec

from application import metric_names as m
from application.errors import DependencyUnavailable
from application.ports import Clock, Metrics
from application.webhooks.ports import (
    SendResult,
    WebhookDelivery,
    WebhookHostUnresolved,
    WebhookLog,
    WebhookMessage,
    WebhookPayloads,
    WebhookQueue,
    WebhookSender,
    WebhookUrlGuard,
    WebhookUrlRefused,
)
from application.webhooks.retry_schedule import retry_backoff, retry_delay
from application.worker import capped_backoff

log = logging.getLogger(__name__)


class DispatchOutcome(enum.Enum):
    """How `WebhookDispatcher.process` settled one delivery."""

    DELIVERED = "delivered"
    RETRY_SCHEDULED = "retry scheduled"
    GAVE_UP = "gave up"
    JOB_GONE = "job gone"
    LEFT_FOR_REDELIVERY = "left for redelivery"
    """Our own queue, job store or secret failed: not acked, the queue brings it back."""


class WebhookDispatcher:
    """Delivers webhook messages, up to `concurrency` at a time, each at least once.

    A message is acked only once its fate is recorded: delivered, given up, or its retry
    enqueued (a copy with `attempt + 1`, delayed by backoff or the receiver's Retry-After). When
    the queue, the job store or the secret fails, the message is left unacked and comes back
    after the queue's visibility timeout, so nothing is lost to an outage of our own.

    Fairness: at most `per_destination` deliveries to one destination (scheme, host and port)
    are under way at once. A message for a destination that has as many is put back on the
    queue `defer_seconds` later (no attempt counted), so a slow or silent receiver holds at
    most that many of the `concurrency` slots, each for at most the sender's deadline, and
    every other receiver's deliveries go on.
    """

    def __init__(
        self,
        queue: WebhookQueue,
        sender: WebhookSender,
        guard: WebhookUrlGuard,
        payloads: WebhookPayloads,
        log: WebhookLog,
        clock: Clock,
        max_attempts: int,
        backoff: Callable[[int], float] = retry_backoff,
        *,
        receive_wait_seconds: float = 20.0,
        concurrency: int = 32,
        per_destination: int = 2,
        defer_seconds: float = 2.0,
        outage_backoff: Callable[[int], float] = capped_backoff,
        metrics: Metrics | None = None,
    ) -> None:
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if concurrency < 1 or per_destination < 1:
            raise ValueError("concurrency and per_destination must be at least 1")
        self._queue = queue
        self._sender = sender
        self._guard = guard
        self._payloads = payloads
        self._log = log
        self._clock = clock
        self._max_attempts = max_attempts
        self._backoff = backoff
        self._receive_wait = receive_wait_seconds
        self._outage_backoff = outage_backoff
        self._metrics = metrics
        self._slots = asyncio.Semaphore(concurrency)
        self._per_destination = per_destination
        self._defer = defer_seconds
        self._busy: dict[str, int] = {}
        """Deliveries under way per destination."""
        self._in_flight: set[asyncio.Task[None]] = set()
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self.run(), name="webhook-dispatcher")
        log.info("webhook dispatcher started")

    async def stop(self, grace_seconds: float = 10.0) -> None:
        """Stop receiving; let deliveries under way finish within the grace period.

        A delivery cut short stays unacked and comes back after the visibility timeout.
        """
        self._stopping.set()
        task = self._task
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        in_flight = set(self._in_flight)
        if not in_flight:
            return
        _, cut_short = await asyncio.wait(in_flight, timeout=grace_seconds)
        for unfinished in cut_short:
            unfinished.cancel()
        await asyncio.gather(*cut_short, return_exceptions=True)

    async def run(self) -> None:
        failures = 0
        outage_began = 0.0
        while not self._stopping.is_set():
            await self._slots.acquire()
            try:
                delivery = await self._queue.receive(wait_seconds=self._receive_wait)
            except Exception as error:
                self._slots.release()
                # One line when the queue fails and one when it is back: not a trace per retry.
                failures += 1
                if failures == 1:
                    outage_began = time.monotonic()
                    log.warning("webhook queue unavailable, retrying with backoff: %s", error)
                await asyncio.sleep(self._outage_backoff(failures))
                continue
            except BaseException:
                self._slots.release()
                raise
            if failures:
                log.info(
                    "webhook queue available again after %d failed receives over %.1f s",
                    failures,
                    time.monotonic() - outage_began,
                )
                failures = 0
            if delivery is None:
                self._slots.release()
                # A queue that answers at once must not starve the event loop.
                await asyncio.sleep(0)
                continue
            destination = destination_of(delivery.message.url)
            if self._busy.get(destination, 0) >= self._per_destination:
                task = asyncio.create_task(self._defer_in_slot(delivery))
            else:
                self._busy[destination] = self._busy.get(destination, 0) + 1
                task = asyncio.create_task(self._process_in_slot(delivery, destination))
            self._in_flight.add(task)
            task.add_done_callback(self._in_flight.discard)

    async def process(self, delivery: WebhookDelivery) -> DispatchOutcome:
        """Settle one delivery; never raises for a failure of the receiver or of our side."""
        message = delivery.message
        try:
            return await self._dispatch(delivery, message)
        except DependencyUnavailable as unavailable:
            log.warning("webhook left for redelivery: %s", unavailable, extra=_log_fields(message))
        except Exception:
            log.exception("webhook left for redelivery", extra=_log_fields(message))
        return DispatchOutcome.LEFT_FOR_REDELIVERY

    async def _process_in_slot(self, delivery: WebhookDelivery, destination: str) -> None:
        try:
            await self.process(delivery)
        finally:
            left = self._busy[destination] - 1
            if left:
                self._busy[destination] = left
            else:
                del self._busy[destination]
            self._slots.release()

    async def _defer_in_slot(self, delivery: WebhookDelivery) -> None:
        """Put the message back for later, as it is (no attempt made); unacked on failure, so
        the queue brings it back anyway."""
        try:
            await self._queue.enqueue(delivery.message, delay_seconds=self._defer)
            await self._queue.ack(delivery)
        except Exception as error:
            log.warning(
                "webhook left for redelivery: %s", error, extra=_log_fields(delivery.message)
            )
        finally:
            self._slots.release()

    async def _dispatch(
        self, delivery: WebhookDelivery, message: WebhookMessage
    ) -> DispatchOutcome:
        body = await self._payloads.body(message)
        if body is None:
            await self._queue.ack(delivery)
            log.info("webhook dropped: the job is gone", extra=_log_fields(message))
            return DispatchOutcome.JOB_GONE
        result = await self._send_if_allowed(message, body)
        return await self._settle(delivery, message, result)

    async def _send_if_allowed(self, message: WebhookMessage, body: bytes) -> SendResult:
        """The URL is checked again at every attempt: its host may resolve elsewhere by now."""
        try:
            await self._guard.check(message.url)
        except WebhookHostUnresolved as unresolved:
            return SendResult(delivered=False, retryable=True, error=str(unresolved))
        except WebhookUrlRefused as refused:
            return SendResult(
                delivered=False, retryable=False, error=f"webhook URL refused: {refused}"
            )
        return await self._sender.send(message.url, message_id=message.message_id, body=body)

    async def _settle(
        self, delivery: WebhookDelivery, message: WebhookMessage, result: SendResult
    ) -> DispatchOutcome:
        # Record first, then enqueue the retry, then ack: a failure at any step leaves the
        # message unacked, and its return is a real new attempt that is recorded in turn.
        at = self._clock.now()
        attempts_made = message.attempt + 1
        if result.delivered:
            await self._log.record_attempt(message.job_id, at=at, delivered=True, error=None)
            await self._queue.ack(delivery)
            self._count(m.WEBHOOK_DELIVERED)
            log.info("webhook delivered", extra=_log_fields(message))
            return DispatchOutcome.DELIVERED
        if result.retryable and attempts_made < self._max_attempts:
            await self._log.record_attempt(
                message.job_id, at=at, delivered=False, error=result.error
            )
            delay = retry_delay(self._backoff(attempts_made), result.retry_after_seconds)
            retry = msgspec.structs.replace(message, attempt=attempts_made)
            await self._queue.enqueue(retry, delay_seconds=delay)
            await self._queue.ack(delivery)
            self._count(m.WEBHOOK_RETRY)
            log.info(
                "webhook attempt failed (%s); retry in %.1f s",
                result.error,
                delay,
                extra=_log_fields(message),
            )
            return DispatchOutcome.RETRY_SCHEDULED
        error = result.error or "not delivered"
        if result.retryable:
            error = f"{error} (gave up after {attempts_made} attempts)"
        await self._log.record_attempt(message.job_id, at=at, delivered=False, error=error)
        await self._queue.ack(delivery)
        self._count(m.WEBHOOK_GAVE_UP)
        log.warning("webhook given up: %s", error, extra=_log_fields(message))
        return DispatchOutcome.GAVE_UP

    def _count(self, outcome: str) -> None:
        if self._metrics is not None:
            self._metrics.count(m.WEBHOOK_ATTEMPTS, {m.OUTCOME: outcome})


def destination_of(url: str) -> str:
    """Scheme, host and port: the receiver a delivery occupies."""
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:  # a port out of range: the URL will be refused; key it as written
        return f"{parts.scheme}://{parts.netloc.lower()}"
    return f"{parts.scheme}://{(parts.hostname or '').lower()}:{port}"


def _log_fields(message: WebhookMessage) -> dict[str, object]:
    return {
        "job_id": message.job_id,
        "webhook_id": message.message_id,
        "webhook_attempt": message.attempt + 1,
    }
