"""Jobs: the entity, its status machine, step events and the rules that keep it correct."""

from domain.jobs.artifacts import ArtifactRefs, InlineArtifacts, StoredArtifacts
from domain.jobs.cancel import CancelOutcome, CancelOutcomeKind, cancel_job
from domain.jobs.events import (
    PIPELINE,
    StepEvent,
    StepName,
    StepPhase,
    StepRecord,
    step_id_for,
)
from domain.jobs.ids import is_job_id
from domain.jobs.job import (
    Job,
    JobError,
    JobRequest,
    Webhook,
    WebhookEvent,
    new_job,
)
from domain.jobs.rules import (
    InvalidStepEvent,
    StepOutcome,
    StepOutcomeKind,
    Transition,
    apply_step,
    transition_of_unfinished_job,
    validate_event,
)
from domain.jobs.status import JobStatus

__all__ = [
    "PIPELINE",
    "ArtifactRefs",
    "CancelOutcome",
    "CancelOutcomeKind",
    "InlineArtifacts",
    "InvalidStepEvent",
    "Job",
    "JobError",
    "JobRequest",
    "JobStatus",
    "StepEvent",
    "StepName",
    "StepOutcome",
    "StepOutcomeKind",
    "StepPhase",
    "StepRecord",
    "StoredArtifacts",
    "Transition",
    "Webhook",
    "WebhookEvent",
    "apply_step",
    "cancel_job",
    "is_job_id",
    "new_job",
    "step_id_for",
    "transition_of_unfinished_job",
    "validate_event",
]
