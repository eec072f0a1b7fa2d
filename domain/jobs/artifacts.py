"""References to a job's two artifacts: inline content (demo) or stored object keys (persistent)."""

import msgspec


class InlineArtifacts(msgspec.Struct, frozen=True, kw_only=True, tag="inline"):
    """Demo mode: the artifacts themselves travel with the job."""

    scene_graph: msgspec.Raw
    """The scene graph as its JSON text: decoded into Python objects a large one took about ten
    times its size, and every reader (the status view, the file endpoint) sends it as JSON."""
    ascii_minimap: str

    @property
    def size(self) -> int:
        """Bytes kept: the scene graph's JSON and the minimap's characters."""
        return len(self.scene_graph) + len(self.ascii_minimap)


class StoredArtifacts(msgspec.Struct, frozen=True, kw_only=True, tag="stored"):
    """Persistent mode: object keys; links are minted each time the job is read."""

    scene_graph_key: str
    ascii_minimap_key: str


ArtifactRefs = InlineArtifacts | StoredArtifacts
