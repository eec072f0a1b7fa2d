"""The internal callback's wire format, shared by the API (reads it) and the worker (sends it)."""

from datetime import datetime
from typing import Annotated, Any

import msgspec

from domain.jobs import (
    ArtifactRefs,
    InlineArtifacts,
    JobStatus,
    StepEvent,
    StepName,
    StepPhase,
    StoredArtifacts,
    step_id_for,
)

TOKEN_HEADER = "X-INTERNAL-TOKEN"
"""The header carrying the shared secret on every callback."""

ObjectKey = Annotated[str, msgspec.Meta(min_length=1, max_length=1024)]
SceneGraphJson = Annotated[
    msgspec.Raw,
    msgspec.Meta(
        description="The scene graph, a JSON object (domain/scene/scene_graph.schema.json)",
        examples=[{"schemaVersion": 1}],
    ),
]
"""The scene graph as JSON text, sent and received as it is (never decoded into objects)."""


class ArtifactsWire(msgspec.Struct, frozen=True, kw_only=True, rename="camel", omit_defaults=True):
    """Inline content in demo mode, object keys in persistent mode. The SVG map (`sceneSvg`,
    `sceneSvgKey`) is optional: a worker of an earlier release sends none."""

    scene_graph: dict[str, Any] | None = None
    ascii_minimap: str | None = None
    scene_svg: str | None = None
    scene_graph_key: ObjectKey | None = None
    ascii_minimap_key: ObjectKey | None = None
    scene_svg_key: ObjectKey | None = None

    def to_domain(self) -> ArtifactRefs:
        if self.scene_graph is not None and self.ascii_minimap is not None:
            # Inline artifacts come over the wire only in tests (a demo worker reports in
            # process): kept as JSON text like the in-process path keeps them.
            graph = msgspec.Raw(msgspec.json.encode(self.scene_graph))
            return InlineArtifacts(
                scene_graph=graph, ascii_minimap=self.ascii_minimap, scene_svg=self.scene_svg
            )
        if self.scene_graph_key is not None and self.ascii_minimap_key is not None:
            return StoredArtifacts(
                scene_graph_key=self.scene_graph_key,
                ascii_minimap_key=self.ascii_minimap_key,
                scene_svg_key=self.scene_svg_key,
            )
        raise ValueError(
            "artifacts need sceneGraph and asciiMinimap, or sceneGraphKey and asciiMinimapKey"
        )

    @classmethod
    def from_domain(cls, refs: ArtifactRefs) -> "ArtifactsWire":
        if isinstance(refs, InlineArtifacts):
            graph: dict[str, Any] = msgspec.json.decode(refs.scene_graph)
            return cls(
                scene_graph=graph, ascii_minimap=refs.ascii_minimap, scene_svg=refs.scene_svg
            )
        return cls(
            scene_graph_key=refs.scene_graph_key,
            ascii_minimap_key=refs.ascii_minimap_key,
            scene_svg_key=refs.scene_svg_key,
        )


class StepWire(msgspec.Struct, frozen=True, kw_only=True, rename="camel", omit_defaults=True):
    """A step as it travels: the domain's StepRecord in camelCase, with the wire's limits.

    The one wire shape of a step: `GET /status` lists these, and a callback's event is one
    with its artifacts. Both convert from the domain with msgspec (`from_attributes`).
    """

    step_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    name: StepName
    phase: StepPhase
    at: datetime
    duration_ms: Annotated[int, msgspec.Meta(ge=0, le=86_400_000)] | None = None
    error: Annotated[str, msgspec.Meta(max_length=2000)] | None = None


class StepEventWire(StepWire, frozen=True, kw_only=True):
    """A worker's report of one step (the internal callback's body)."""

    artifacts: ArtifactsWire | None = None

    def to_domain(self) -> StepEvent:
        expected = step_id_for(self.name, self.phase)
        if self.step_id != expected:
            raise ValueError(f"stepId must be {expected!r} for this step and phase")
        if self.at.tzinfo is None:
            raise ValueError("at must carry a time zone offset")
        artifacts = self.artifacts.to_domain() if self.artifacts is not None else None
        fields = msgspec.structs.replace(self, artifacts=None)
        event = msgspec.convert(fields, StepEvent, from_attributes=True)
        return msgspec.structs.replace(event, artifacts=artifacts)

    @classmethod
    def from_domain(cls, event: StepEvent) -> "StepEventWire":
        wire = msgspec.convert(
            msgspec.structs.replace(event, artifacts=None), cls, from_attributes=True
        )
        if event.artifacts is None:
            return wire
        return msgspec.structs.replace(wire, artifacts=ArtifactsWire.from_domain(event.artifacts))


class StepAckWire(msgspec.Struct, frozen=True, kw_only=True, rename="camel"):
    applied: bool
    job_status: JobStatus
