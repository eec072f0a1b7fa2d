"""One call from prompt to artifacts: the four stages, each a package with one function."""

from domain.scene.layout import layout_scene
from domain.scene.model import GeneratedScene
from domain.scene.parse import parse_prompt
from domain.scene.render import render_scene


def generate_scene(prompt: str, *, seed: int, width: int = 48, height: int = 24) -> GeneratedScene:
    """Same (prompt, seed, width, height) in, same graph and minimap out."""
    return render_scene(layout_scene(parse_prompt(prompt), seed=seed, width=width, height=height))
