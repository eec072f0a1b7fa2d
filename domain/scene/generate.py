"""One call from prompt to artifacts: parse, lay out, build the graph, draw the map."""

from domain.scene.graph import build_scene_graph
from domain.scene.layout import layout_scene
from domain.scene.minimap import render_minimap
from domain.scene.model import GeneratedScene
from domain.scene.parser import parse_prompt


def generate_scene(prompt: str, *, seed: int, width: int = 48, height: int = 24) -> GeneratedScene:
    """Same (prompt, seed, width, height) in, same graph and minimap out."""
    request = parse_prompt(prompt)
    layout = layout_scene(request, seed=seed, width=width, height=height)
    return GeneratedScene(scene_graph=build_scene_graph(layout), minimap=render_minimap(layout))
