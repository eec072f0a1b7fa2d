"""References to a job's two artifacts: inline content (demo) or stored object keys (persistent)."""

import msgspec


class InlineArtifacts(msgspec.Struct, frozen=True, kw_only=True, tag="inline"):
    """Demo mode: the artifacts themselves travel with the job."""

    scene_graph: dict[str, object]
    ascii_minimap: str


class StoredArtifacts(msgspec.Struct, frozen=True, kw_only=True, tag="stored"):
    """Persistent mode: object keys; links are minted each time the job is read."""

    scene_graph_key: str
    ascii_minimap_key: str


ArtifactRefs = InlineArtifacts | StoredArtifacts
