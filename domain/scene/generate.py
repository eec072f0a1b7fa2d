"""One call from prompt to artifacts: the four stages, each a package with one function."""

from domain.scene.effort import StopCheck, never_stop
from domain.scene.layout import layout_scene
from domain.scene.model import GeneratedScene
from domain.scene.parse import parse_prompt
from domain.scene.render import render_scene


def generate_scene(
    prompt: str,
    *,
    seed: int,
    width: int = 48,
    height: int = 24,
    should_stop: StopCheck = never_stop,
) -> GeneratedScene:
    """Same (prompt, seed, width, height) in, same graph and minimap out.

    Raises `GenerationStopped` when `should_stop` answers True during the layout.
    """
    request = parse_prompt(prompt)
    layout = layout_scene(request, seed=seed, width=width, height=height, should_stop=should_stop)
    return render_scene(layout)
