"""References to a job's three artifacts: inline content (demo) or object keys (persistent)."""

import msgspec


class InlineArtifacts(msgspec.Struct, frozen=True, kw_only=True, tag="inline"):
    """Demo mode: the artifacts themselves travel with the job."""

    scene_graph: msgspec.Raw
    """The scene graph as its JSON text: decoded into Python objects a large one took about ten
    times its size, and every reader (the status view, the file endpoint) sends it as JSON."""
    ascii_minimap: str
    scene_svg: str | None = None
    """The SVG map; None only for a job finished before the service drew one."""

    @property
    def size(self) -> int:
        """Bytes kept: the scene graph's JSON, the minimap's and the SVG map's characters."""
        return len(self.scene_graph) + len(self.ascii_minimap) + len(self.scene_svg or "")


class StoredArtifacts(msgspec.Struct, frozen=True, kw_only=True, tag="stored"):
    """Persistent mode: object keys; links are minted each time the job is read."""

    scene_graph_key: str
    ascii_minimap_key: str
    scene_svg_key: str | None = None
    """The SVG map's object; None only for a job stored before the service drew one."""


ArtifactRefs = InlineArtifacts | StoredArtifacts
