"""Webhook ports: the queue that carries deliveries, the sender, the URL guard, payloads and log."""

from datetime import datetime
from typing import Literal, Protocol

import msgspec

WebhookEventType = Literal["job.done", "job.failed", "job.canceled", "job.step"]


class WebhookMessage(msgspec.Struct, frozen=True, kw_only=True):
    """One event to deliver to one URL; every retry is a copy with `attempt` one higher.

    The body is rendered from the job at delivery time, so the message stays small and a retry
    carries the job's freshest view.
    """

    message_id: str
    """The `webhook-id` header: the same for every attempt of one event."""
    job_id: str
    event_type: WebhookEventType
    url: str
    occurred_at: datetime
    """When the event happened: the body's `timestamp`."""
    step_id: str | None = None
    """For `job.step`: which step record is the data."""
    attempt: int = 0
    """Attempts already made before this delivery."""


class WebhookDelivery(Protocol):
    """One received message; acked once its fate is settled, else it comes back."""

    @property
    def message(self) -> WebhookMessage: ...


class WebhookQueue(Protocol):
    """Carries webhook messages at least once; durable in persistent mode.

    A received message that is not acked comes back after the queue's visibility timeout.
    """

    async def enqueue(self, message: WebhookMessage, *, delay_seconds: float = 0) -> None:
        """Deliverable after `delay_seconds` (a queue may cap the delay, SQS at 900 s)."""
        ...

    async def receive(self, *, wait_seconds: float) -> WebhookDelivery | None: ...

    async def ack(self, delivery: WebhookDelivery) -> None: ...

    async def check(self) -> None:
        """Raise if the queue cannot be reached."""
        ...


class SendResult(msgspec.Struct, frozen=True, kw_only=True):
    """What one HTTP attempt came to."""

    delivered: bool
    retryable: bool
    status_code: int | None = None
    error: str | None = None
    """One line for the job's `webhook.lastError`; None when delivered."""
    retry_after_seconds: float | None = None
    """The receiver's `Retry-After`, when it sent one."""


class WebhookSender(Protocol):
    """Signs and POSTs one body; reports the receiver's answer, never raises for it.

    May raise when our own side fails (the signing secret cannot be read): that is no attempt.
    """

    async def send(self, url: str, *, message_id: str, body: bytes) -> SendResult: ...


class WebhookUrlRefused(ValueError):
    """A webhook URL the service will not call; `str()` is a reason a client can read."""


class WebhookHostUnresolved(WebhookUrlRefused):
    """The URL's host did not resolve: refused at submit, but worth retrying at delivery."""


class WebhookUrlGuard(Protocol):
    """Keeps webhooks away from the service's own network (SSRF)."""

    async def check(self, url: str) -> None:
        """Raise `WebhookUrlRefused` (or `WebhookHostUnresolved`) unless `url` may be called."""
        ...


class WebhookPayloads(Protocol):
    """Renders a message's body from the job as it is now."""

    async def body(self, message: WebhookMessage) -> bytes | None:
        """The JSON body `{"type", "timestamp", "data"}`; None when the job is gone."""
        ...


class WebhookLog(Protocol):
    """Keeps the job's `webhook: {attempts, deliveredAt, lastError}` up to date."""

    async def record_attempt(
        self, job_id: str, *, at: datetime, delivered: bool, error: str | None
    ) -> None: ...
