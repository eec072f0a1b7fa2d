"""InlineArtifactStore: demo mode keeps the artifacts in the job itself."""

from datetime import datetime
from typing import Any

import msgspec

from application.ports import ArtifactLinks, RenderedArtifacts
from domain.jobs import ArtifactRefs, InlineArtifacts


class InlineArtifactStore:
    """Returns the artifacts as inline content; there is nothing to link to."""

    async def save(self, job_id: str, artifacts: RenderedArtifacts) -> ArtifactRefs:
        graph: dict[str, Any] = msgspec.json.decode(artifacts.scene_graph_json)
        return InlineArtifacts(scene_graph=graph, ascii_minimap=artifacts.ascii_minimap)

    async def links(self, refs: ArtifactRefs, *, now: datetime) -> ArtifactLinks | None:
        return None

    async def delete(self, refs: ArtifactRefs) -> None:
        return None  # inline artifacts live in the job record only

    async def check(self) -> None:
        return None
