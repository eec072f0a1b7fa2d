"""WebhookNotifier: turns a job's recorded events into webhook messages on the queue.

The terminal event is the one a client cannot do without, so it is durable end to end: if
queueing it fails the caller fails (the worker's callback gets a 503 and retries; a client's
cancel can be repeated), and the retry, which finds the event already recorded, queues it again
while no attempt has been made. Step events are queued when recorded, best effort.
"""

import logging

from application import metric_names as m
from application.errors import DependencyUnavailable
from application.ports import Metrics
from application.webhooks.ports import WebhookEventType, WebhookMessage, WebhookQueue
from domain.jobs import Job, JobStatus, StepRecord

log = logging.getLogger(__name__)

_TERMINAL_TYPES: dict[JobStatus, WebhookEventType] = {
    JobStatus.DONE: "job.done",
    JobStatus.FAILED: "job.failed",
    JobStatus.CANCELED: "job.canceled",
}


def terminal_message_id(job_id: str) -> str:
    """One id per job's terminal event: every retry, and every re-queue, carries it."""
    return f"msg_{job_id}_terminal"


def step_message_id(job_id: str, step_id: str) -> str:
    return f"msg_{job_id}_{step_id.replace(':', '_')}"


class WebhookNotifier:
    def __init__(self, *, queue: WebhookQueue, metrics: Metrics) -> None:
        self._queue = queue
        self._metrics = metrics

    async def step_recorded(self, job: Job, step: StepRecord) -> None:
        """Queue `job.step` if the job asked for step events; a failure is logged, not raised."""
        if job.webhook is None or not job.webhook.wants("step"):
            return
        message = WebhookMessage(
            message_id=step_message_id(job.id, step.step_id),
            job_id=job.id,
            event_type="job.step",
            url=job.webhook.url,
            occurred_at=step.at,
            step_id=step.step_id,
        )
        try:
            await self._queue.enqueue(message)
        except Exception as error:
            self._metrics.count(m.ERRORS, {m.KIND: m.ERROR_WEBHOOK_QUEUE})
            log.warning("could not queue a step webhook: %s", error, extra={"job_id": job.id})

    async def finished(self, job: Job) -> None:
        """Queue the terminal event; raises DependencyUnavailable when the queue fails."""
        if job.webhook is None or not job.webhook.wants("terminal"):
            return
        message = WebhookMessage(
            message_id=terminal_message_id(job.id),
            job_id=job.id,
            event_type=_TERMINAL_TYPES[job.status],
            url=job.webhook.url,
            occurred_at=job.updated_at,
        )
        try:
            await self._queue.enqueue(message)
        except Exception as error:
            self._metrics.count(m.ERRORS, {m.KIND: m.ERROR_WEBHOOK_QUEUE})
            raise DependencyUnavailable("webhook queue", str(error)) from error

    async def finished_again(self, job: Job) -> None:
        """A retry found the job already finished: queue its terminal event again unless a
        delivery was already attempted (then the message exists, and its retries with it)."""
        webhook = job.webhook
        if webhook is None or webhook.attempts > 0 or webhook.delivered_at is not None:
            return
        await self.finished(job)
