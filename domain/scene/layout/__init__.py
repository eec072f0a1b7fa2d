"""Stage 2, placing: a `SceneRequest` laid out on a grid as a `Layout`."""

from domain.scene.layout.engine import layout_scene

__all__ = ["layout_scene"]
