"""InlineArtifactStore: demo mode keeps the artifacts in the job itself."""

from datetime import datetime

import msgspec

from application.errors import ArtifactMissing
from application.ports import ArtifactFile, ArtifactLinks, RenderedArtifacts
from domain.jobs import ArtifactRefs, InlineArtifacts


class InlineArtifactStore:
    """Returns the artifacts as inline content; there is nothing to link to."""

    async def save(self, job_id: str, artifacts: RenderedArtifacts) -> ArtifactRefs:
        return InlineArtifacts(
            scene_graph=msgspec.Raw(artifacts.scene_graph_json),
            ascii_minimap=artifacts.ascii_minimap,
            scene_svg=artifacts.scene_svg,
        )

    async def links(self, refs: ArtifactRefs, *, now: datetime) -> ArtifactLinks | None:
        return None

    async def delete(self, refs: ArtifactRefs) -> None:
        return None  # inline artifacts live in the job record only

    async def read_file(self, refs: ArtifactRefs, file: ArtifactFile) -> bytes:
        if not isinstance(refs, InlineArtifacts):
            raise ValueError("demo mode keeps artifacts inline; it cannot read stored ones")
        return inline_file(refs, file)

    async def check(self) -> None:
        return None


def inline_file(refs: InlineArtifacts, file: ArtifactFile) -> bytes:
    """An inline artifact as a file: the scene graph's JSON exactly as `GET /status` embeds it."""
    if file == "scene_graph":
        return bytes(refs.scene_graph)
    if file == "scene_svg":
        if refs.scene_svg is None:
            raise ArtifactMissing(file)
        return refs.scene_svg.encode("utf-8")
    return refs.ascii_minimap.encode("utf-8")
