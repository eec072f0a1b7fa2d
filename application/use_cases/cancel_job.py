"""Cancel a job: queued or running jobs stop; the worker learns it at its next step boundary."""

from application import metric_names as m
from application.errors import JobAlreadyFinished, JobNotFound
from application.ports import Clock, JobRepository, Metrics
from application.webhooks.notifier import WebhookNotifier
from domain.jobs import CancelOutcomeKind, Job


class CancelJobHandler:
    def __init__(
        self,
        *,
        jobs: JobRepository,
        clock: Clock,
        metrics: Metrics,
        webhooks: WebhookNotifier | None = None,
    ) -> None:
        self._jobs = jobs
        self._clock = clock
        self._metrics = metrics
        self._webhooks = webhooks

    async def __call__(self, job_id: str) -> Job:
        """The canceled job (also when it was canceled before); raises for done or failed."""
        outcome = await self._jobs.cancel(job_id, now=self._clock.now())
        if outcome is None:
            raise JobNotFound(job_id)
        if outcome.kind is CancelOutcomeKind.FINISHED:
            raise JobAlreadyFinished(job_id, outcome.job.status)
        if outcome.moved:
            job = outcome.job
            self._metrics.count(m.JOBS_BY_STATUS, {m.STATUS: job.status.value})
            seconds = (job.updated_at - job.created_at).total_seconds()
            self._metrics.observe(m.JOB_DURATION, {m.STATUS: job.status.value}, seconds, "Seconds")
            if self._webhooks is not None:
                await self._webhooks.finished(job)
        elif self._webhooks is not None:
            await self._webhooks.finished_again(outcome.job)
        return outcome.job
