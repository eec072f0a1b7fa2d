"""Record one step event reported by a worker."""

from application import metric_names as m
from application.errors import JobNotFound
from application.job_metrics import count_status_move
from application.keys.ports import ActiveJobSlots
from application.ports import Clock, JobRepository, Metrics
from application.use_cases.quotas import release_slot
from application.webhooks.notifier import WebhookNotifier
from domain.jobs import Job, StepEvent, StepOutcome, StepOutcomeKind, StepPhase, StepRecord


class RecordStepHandler:
    """Applies the event in one atomic write; emits metrics and webhooks only for what was
    applied (and the terminal webhook again for a retry that finds it never attempted)."""

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

    async def __call__(self, job_id: str, event: StepEvent) -> StepOutcome:
        now = self._clock.now()
        outcome = await self._jobs.record_step(job_id, event, now=now)
        if outcome is None:
            raise JobNotFound(job_id)
        await self._release_slot(outcome.job)
        if outcome.kind is StepOutcomeKind.REJECTED:
            self._metrics.count(m.ERRORS, {m.KIND: m.ERROR_CALLBACK_REJECTED})
        finished = outcome.job.status.is_terminal
        if outcome.kind is StepOutcomeKind.DUPLICATE and finished and self._webhooks is not None:
            await self._webhooks.finished_again(outcome.job)
        if not outcome.applied:
            return outcome
        self._emit_applied(outcome, event)
        if self._webhooks is not None:
            await self._webhooks.step_recorded(outcome.job, StepRecord.of(event))
            if outcome.moved and outcome.job.status.is_terminal:
                await self._webhooks.finished(outcome.job)
        return outcome

    def _emit_applied(self, outcome: StepOutcome, event: StepEvent) -> None:
        job = outcome.job
        if event.phase is not StepPhase.STARTED and event.duration_ms is not None:
            self._metrics.observe(
                m.STEP_DURATION,
                {m.STEP: event.name.value},
                float(event.duration_ms),
                "Milliseconds",
            )
        if event.phase is StepPhase.FAILED:
            self._metrics.count(m.ERRORS, {m.KIND: m.ERROR_STEP_FAILED})
        if outcome.moved:
            count_status_move(self._metrics, job)

    async def _release_slot(self, job: Job) -> None:
        """An ended job gives its key's active-job slot back (again for a retried report, as
        the first give-back may have been lost: releasing is idempotent)."""
        if self._slots is not None and job.owner is not None and job.status.is_terminal:
            await release_slot(self._slots, job.owner, job.id)
