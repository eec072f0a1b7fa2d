"""Jobs: the entity, its status machine, step events and the rules that keep it correct."""

from domain.jobs.artifacts import ArtifactRefs, InlineArtifacts, StoredArtifacts
from domain.jobs.events import (
    PIPELINE,
    StepEvent,
    StepName,
    StepPhase,
    step_id_for,
)
from domain.jobs.job import (
    Job,
    JobError,
    JobRequest,
    StepRecord,
    new_job,
)
from domain.jobs.rules import (
    InvalidStepEvent,
    StepOutcome,
    StepOutcomeKind,
    Transition,
    apply_step,
    fast_path_transition,
    validate_event,
)
from domain.jobs.status import JobStatus

__all__ = [
    "PIPELINE",
    "ArtifactRefs",
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
    "apply_step",
    "fast_path_transition",
    "new_job",
    "step_id_for",
    "validate_event",
]
