"""Every kind and kind of place by name, built once from the vocabulary."""

from domain.scene import vocabulary as v
from domain.scene.model import KindSpec, Place

KIND_BY_NAME: dict[str, KindSpec] = {kind.name: kind for kind in v.KINDS}
SCENE_BY_NAME: dict[str, Place] = {scene.name: scene for scene in v.SCENES}
