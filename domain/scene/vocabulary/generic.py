"""Generic kinds: how a thing the vocabulary has no row for is drawn, by its category.

A concrete English noun the vocabulary lacks (`cannon`, `hammock`, `telescope`) is looked up
in the lexical tables (`domain/scene/lexical`, built from WordNet); its category chooses a
footprint, a layer and how it behaves, so it is placed like a known kind of that sort and
labelled with the user's word. The kind's name is the noun's lemma in snake case.
"""

import msgspec

from domain.scene.model import KindSpec
from domain.scene.terms import Layer, Shape
from domain.scene.vocabulary.base import (
    ACTOR,
    AREA,
    BOX,
    OBJECT,
    STRUCTURE,
    TERRAIN,
    kind,
)

GENERIC = "generic"

# category -> (layer, shape, footprint at 48x24, glyph, flags)
# fmt: off
CATEGORY_SHAPES: dict[str, tuple[Layer, Shape, tuple[int, int], str, str]] = {
    "building":  (STRUCTURE, BOX, (4, 3), "B", "solid walled"),
    "structure": (STRUCTURE, BOX, (2, 2), "S", "solid"),
    "furniture": (OBJECT, BOX, (2, 1), "f", "solid rotatable"),
    "container": (OBJECT, BOX, (1, 1), "c", "solid"),
    "vehicle":   (OBJECT, BOX, (3, 2), "v", "solid rotatable"),
    "person":    (ACTOR, BOX, (1, 1), "p", "walkable"),
    "animal":    (ACTOR, BOX, (1, 1), "a", "walkable"),
    "plant":     (OBJECT, BOX, (1, 1), "y", "solid"),
    "rock":      (OBJECT, BOX, (1, 1), "r", "solid"),
    "water":     (TERRAIN, AREA, (5, 3), "w", "water round"),
    "landform":  (TERRAIN, AREA, (6, 3), "l", "open walkable round outdoor"),
    "area":      (TERRAIN, AREA, (5, 3), "z", "open walkable"),
    "device":    (OBJECT, BOX, (1, 1), "d", "solid"),
    "item":      (OBJECT, BOX, (1, 1), "i", ""),
}
# fmt: on
CATEGORIES: tuple[str, ...] = tuple(CATEGORY_SHAPES)


def generic_kind(name: str, category: str, glyph_letter: str) -> KindSpec:
    """The kind `name` drawn as a thing of `category` (one of `CATEGORIES`)."""
    layer, shape, size, glyph, flags = CATEGORY_SHAPES[category]
    letter = glyph_letter if glyph_letter.isascii() and glyph_letter.isalpha() else glyph
    letter = letter.upper() if layer == STRUCTURE else letter.lower()
    spec = kind(name, GENERIC, layer, shape, size, letter, flags, "")
    return msgspec.structs.replace(spec, category=category)
