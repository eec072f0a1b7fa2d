"""Placing a scene request on a grid."""

from domain.scene.layout.engine import layout_scene

__all__ = ["layout_scene"]
