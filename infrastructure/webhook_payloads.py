"""The body of a webhook and the log of its attempts.

The body is rendered from the job when it is delivered (so a retry hours later carries fresh
artifact links): `{"type", "timestamp", "data"}`, as Standard Webhooks shape it."""

from datetime import datetime

import msgspec

from application.ports import JobRepository
from application.use_cases.get_status import GetStatusHandler
from application.webhooks.ports import WebhookMessage
from application.wire import JobStatusResponse, StepWire, WebhookBody


class JobWebhookPayloads:
    """`data` is the full status view for the terminal event, and the step for `job.step`."""

    def __init__(self, get_status: GetStatusHandler, base_url: str | None = None) -> None:
        self._get_status = get_status
        self._base_url = base_url or ""
        """PUBLIC_BASE_URL: a webhook answers no request whose origin links could be built on,
        so without it the links in its body are relative to the API's origin."""
        self._encoder = msgspec.json.Encoder()

    async def body(self, message: WebhookMessage) -> bytes | None:
        job = await self._get_status.find(message.job_id)
        if job is None:
            return None
        data: JobStatusResponse | StepWire
        if message.event_type == "job.step":
            step = next((s for s in job.steps if s.step_id == message.step_id), None)
            if step is None:
                return None
            data = msgspec.convert(step, StepWire, from_attributes=True)
        else:
            data = JobStatusResponse.of(await self._get_status.view_of(job), self._base_url)
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
