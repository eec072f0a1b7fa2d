"""Stage 4, drawing: a `Layout` in, the scene graph, the ASCII minimap and the SVG map out."""

import msgspec

from domain.scene.model import GeneratedScene, Layout
from domain.scene.render.graph import build_scene_graph
from domain.scene.render.minimap import render_minimap
from domain.scene.render.svg import render_svg


def render_scene(layout: Layout) -> GeneratedScene:
    """The JSON-ready scene graph, the minimap and the SVG map of one layout."""
    # Through JSON rather than to_builtins, which keeps tuples: the dict is exactly what a
    # client decodes from the artifact.
    graph = msgspec.json.decode(msgspec.json.encode(build_scene_graph(layout)))
    return GeneratedScene(scene_graph=graph, minimap=render_minimap(layout), svg=render_svg(layout))


__all__ = ["render_scene", "render_svg"]
