"""Cancel a job: queued or running jobs stop; the worker learns it at its next step boundary."""

from application.errors import JobAlreadyFinished, JobNotFound
from application.job_metrics import count_status_move
from application.keys.ports import ActiveJobSlots
from application.ports import Clock, JobRepository, Metrics
from application.use_cases.quotas import release_slot
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
        slots: ActiveJobSlots | None = None,
    ) -> None:
        self._jobs = jobs
        self._clock = clock
        self._metrics = metrics
        self._webhooks = webhooks
        self._slots = slots

    async def __call__(self, job_id: str) -> Job:
        """The canceled job (also when it was canceled before); raises for done or failed."""
        outcome = await self._jobs.cancel(job_id, now=self._clock.now())
        if outcome is None:
            raise JobNotFound(job_id)
        await self._release_slot(outcome.job)
        if outcome.kind is CancelOutcomeKind.FINISHED:
            raise JobAlreadyFinished(job_id, outcome.job.status)
        if outcome.moved:
            count_status_move(self._metrics, outcome.job)
            if self._webhooks is not None:
                await self._webhooks.finished(outcome.job)
        elif self._webhooks is not None:
            await self._webhooks.finished_again(outcome.job)
        return outcome.job

    async def _release_slot(self, job: Job) -> None:
        """An ended job gives its key's active-job slot back (again for a retried report, as
        the first give-back may have been lost: releasing is idempotent)."""
        if self._slots is not None and job.owner is not None and job.status.is_terminal:
            await release_slot(self._slots, job.owner, job.id)
