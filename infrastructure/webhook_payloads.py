"""The body of a webhook and the log of its attempts.

The body is rendered from the job when it is delivered (so a retry hours later carries fresh
artifact links): `{"type", "timestamp", "data"}`, as Standard Webhooks shape it."""

from datetime import datetime
from typing import Any

import msgspec

from application.ports import JobRepository
from application.use_cases.get_status import GetStatusHandler
from application.webhooks.ports import WebhookEventType, WebhookMessage
from infrastructure.job_view_wire import JobStatusResponse
from infrastructure.step_callback_wire import StepWire


class WebhookBody(msgspec.Struct, frozen=True, kw_only=True):
    type: WebhookEventType
    timestamp: datetime
    data: Any


class JobWebhookPayloads:
    """`data` is the full status view for the terminal event, and the step for `job.step`."""

    def __init__(self, get_status: GetStatusHandler) -> None:
        self._get_status = get_status
        self._encoder = msgspec.json.Encoder()

    async def body(self, message: WebhookMessage) -> bytes | None:
        job = await self._get_status.find(message.job_id)
        if job is None:
            return None
        data: object
        if message.event_type == "job.step":
            step = next((s for s in job.steps if s.step_id == message.step_id), None)
            if step is None:
                return None
            data = msgspec.convert(step, StepWire, from_attributes=True)
        else:
            data = JobStatusResponse.of(await self._get_status.view_of(job))
        body = WebhookBody(type=message.event_type, timestamp=message.occurred_at, data=data)
        return self._encoder.encode(body)


class JobWebhookLog:
    """The dispatcher's log of attempts is the job record's `webhook` field."""

    def __init__(self, jobs: JobRepository) -> None:
        self._jobs = jobs

    async def record_attempt(
        self, job_id: str, *, at: datetime, delivered: bool, error: str | None
    ) -> None:
        await self._jobs.record_webhook_attempt(job_id, at=at, delivered=delivered, error=error)
