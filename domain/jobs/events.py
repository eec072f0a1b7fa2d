"""Step events: the pipeline's steps, their phases and deterministic step ids."""

from datetime import datetime
from enum import StrEnum

import msgspec

from domain.jobs.artifacts import ArtifactRefs


class StepName(StrEnum):
    PARSE_PROMPT = "parse_prompt"
    LAYOUT = "layout"
    BUILD_SCENE_GRAPH = "build_scene_graph"
    RENDER_MINIMAP = "render_minimap"
    STORE_ARTIFACTS = "store_artifacts"

    @property
    def position(self) -> int:
        return _POSITION[self]


PIPELINE: tuple[StepName, ...] = tuple(StepName)
_POSITION = {name: index for index, name in enumerate(PIPELINE)}
FINAL_STEP = StepName.STORE_ARTIFACTS


class StepPhase(StrEnum):
    STARTED = "started"
    SUCCEEDED = "succeeded"
    FAILED = "failed"

    @property
    def is_outcome(self) -> bool:
        return self is not StepPhase.STARTED


def step_id_for(name: StepName, phase: StepPhase) -> str:
    """The same step and phase always give the same id, so a re-run changes nothing recorded."""
    return f"{name.value}:{phase.value}"


def pipeline_order(name: StepName, phase: StepPhase) -> tuple[int, int]:
    """Sort key: pipeline order, then phase order (started before its outcome)."""
    return (name.position, 0 if phase is StepPhase.STARTED else 1)


# The same key by step id: `GET /status` orders a job's steps on every read.
STEP_ORDER = {
    step_id_for(name, phase): pipeline_order(name, phase)
    for name in PIPELINE
    for phase in StepPhase
}


class StepRecord(msgspec.Struct, frozen=True, kw_only=True):
    """A step as a job records it: which step, which phase, when, how long, and why it failed."""

    name: StepName
    phase: StepPhase
    at: datetime
    duration_ms: int | None = None
    error: str | None = None

    @property
    def step_id(self) -> str:
        return step_id_for(self.name, self.phase)

    @property
    def sort_key(self) -> tuple[int, int]:
        return pipeline_order(self.name, self.phase)

    @classmethod
    def of(cls, event: "StepRecord") -> "StepRecord":
        """The record of an event: its fields, its artifacts left out."""
        return cls(
            name=event.name,
            phase=event.phase,
            at=event.at,
            duration_ms=event.duration_ms,
            error=event.error,
        )


class StepEvent(StepRecord, frozen=True, kw_only=True):
    """One report from the worker about one step of one job: a record, and for the final
    step's success the artifacts."""

    artifacts: ArtifactRefs | None = None

    @property
    def is_final_success(self) -> bool:
        return self.name is FINAL_STEP and self.phase is StepPhase.SUCCEEDED
