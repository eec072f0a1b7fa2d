"""InProcessStepReporter: the demo worker reports straight to the record_step use case."""

from application.errors import JobNotFound
from application.ports import StepRejected, StepReport
from application.use_cases.record_step import RecordStepHandler
from domain.jobs import StepEvent, StepOutcomeKind


class InProcessStepReporter:
    def __init__(self, record_step: RecordStepHandler) -> None:
        self._record_step = record_step

    async def report(self, job_id: str, event: StepEvent) -> StepReport:
        try:
            outcome = await self._record_step(job_id, event)
        except JobNotFound as missing:
            raise StepRejected(f"job {job_id} does not exist") from missing
        if outcome.kind is StepOutcomeKind.REJECTED:
            raise StepRejected(outcome.reason or "rejected", outcome.job.status)
        return StepReport(applied=outcome.applied, job_status=outcome.job.status)
