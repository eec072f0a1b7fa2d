"""Stage 1, reading: an English prompt in, a `SceneRequest` (things, relations, warnings) out."""

from domain.scene.parse.reader import parse_prompt

__all__ = ["parse_prompt"]
