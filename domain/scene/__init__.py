"""The scene generator: an English description in, a scene graph and an ASCII minimap out."""

from domain.scene.generate import generate_scene
from domain.scene.graph import (
    SCENE_GRAPH_SCHEMA_FILE,
    SCHEMA_VERSION,
    build_scene_graph,
    encode_scene_graph,
)
from domain.scene.layout import layout_scene
from domain.scene.minimap import render_minimap
from domain.scene.model import GeneratedScene, Layout, SceneRequest
from domain.scene.parser import parse_prompt

__all__ = [
    "SCENE_GRAPH_SCHEMA_FILE",
    "SCHEMA_VERSION",
    "GeneratedScene",
    "Layout",
    "SceneRequest",
    "build_scene_graph",
    "encode_scene_graph",
    "generate_scene",
    "layout_scene",
    "parse_prompt",
    "render_minimap",
]
