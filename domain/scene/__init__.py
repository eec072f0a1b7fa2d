"""The scene generator: an English description in, a scene graph, an ASCII minimap and an
SVG map out.

Four stages, each a package with one public function: `parse` (prompt -> SceneRequest),
`layout` (SceneRequest -> Layout, with `verify` judging every relation on the result) and
`render` (Layout -> scene graph + minimap + SVG map).
"""

from domain.scene.effort import GenerationStopped, StopCheck
from domain.scene.generate import generate_scene
from domain.scene.layout import layout_scene
from domain.scene.model import GeneratedScene, Layout, SceneRequest
from domain.scene.parse import parse_prompt
from domain.scene.render import render_scene
from domain.scene.render.graph import (
    SCENE_GRAPH_SCHEMA_FILE,
    SCHEMA_VERSION,
    SceneGraph,
    build_scene_graph,
    encode_scene_graph,
    scene_graph_schema,
    scene_graph_schema_components,
)
from domain.scene.render.minimap import render_minimap
from domain.scene.render.svg import render_svg

__all__ = [
    "SCENE_GRAPH_SCHEMA_FILE",
    "SCHEMA_VERSION",
    "GeneratedScene",
    "GenerationStopped",
    "Layout",
    "SceneGraph",
    "SceneRequest",
    "StopCheck",
    "build_scene_graph",
    "encode_scene_graph",
    "generate_scene",
    "layout_scene",
    "parse_prompt",
    "render_minimap",
    "render_scene",
    "render_svg",
    "scene_graph_schema",
    "scene_graph_schema_components",
]
