"""How each kind and each ground looks on the SVG map: drawer, colours, category.

A kind's `mark` is the colour that draws its shape (the fill of a solid symbol such as a
roof, a crown or a token; the outline of an outlined one such as furniture, an area's edge
or a river's bank). Grounds are light and marks dark, so every mark keeps at least 3:1
contrast against what it stands on (WCAG 1.4.11); a test checks every kind on every ground.
"""

from typing import NamedTuple

from domain.scene import catalog
from domain.scene.model import KindSpec, PlacedNode
from domain.scene.render.svg_looks import CATEGORY_LOOKS, LOOKS, WATER, Look

CATEGORIES = (
    "building",
    "structure",
    "furniture",
    "container",
    "vehicle",
    "person",
    "animal",
    "plant",
    "rock",
    "water",
    "landform",
    "area",
    "device",
    "item",
)
_CATEGORY_SET = frozenset(CATEGORIES)
UNKNOWN_LOOK = Look("crate", "#4d4d4d", "#f4f1ea", "?", category="thing")
LABEL_TEXT = "#1d1b18"
WATER_TEXT = "#17416b"
HALO = "#fffdf7"


class Ground(NamedTuple):
    """The ground of a place: its colour, texture and the surface things stand on."""

    name: str
    fill: str
    texture: str
    surface: str  # what things stand on: the fill itself, but a dungeon's room floors


FLOOR = "#f8f5ee"  # a dungeon's (and a cutaway building's) floor
ISLAND_LAND = "#e6eccb"

GROUNDS: dict[str, Ground] = {
    "grass": Ground("grass", "#e3ecca", "grass", "#e3ecca"),
    "ground": Ground("forest floor", "#e1e6c4", "leaves", "#e1e6c4"),
    "rock": Ground("rock", "#d3cec4", "hatch", FLOOR),
    "sea": Ground("sea", WATER, "waves", ISLAND_LAND),
    "sand": Ground("sand", "#f3e8c8", "sand", "#f3e8c8"),
    "sea floor": Ground("sea floor", "#cfe2e6", "sand", "#cfe2e6"),
    "snow": Ground("snow", "#f6f9fc", "snow", "#f6f9fc"),
    "swamp": Ground("swamp", "#e6e1c6", "mud", "#e6e1c6"),
    "stony ground": Ground("stony ground", "#e8e4da", "pebbles", "#e8e4da"),
    "pavement": Ground("pavement", "#e9e8e3", "tiles", "#e9e8e3"),
    "asphalt": Ground("asphalt", "#dedfdb", "asphalt", "#dedfdb"),
    "floor": Ground("floor", "#f1e6cf", "planks", "#f1e6cf"),
    "stone floor": Ground("stone floor", "#ebe8e1", "flags", "#ebe8e1"),
    "deck": Ground("deck", "#e7ecf0", "panels", "#e7ecf0"),
}
_INDOOR_GROUND = GROUNDS["floor"]
_OUTDOOR_GROUND = GROUNDS["grass"]


def ground_of(place: str) -> Ground:
    """The ground of a place by its terrain; a place not known yet gets grass (or floor)."""
    style = catalog.SCENE_BY_NAME.get(place)
    if style is None:
        return _OUTDOOR_GROUND
    return GROUNDS.get(style.terrain, _INDOOR_GROUND if style.indoor else _OUTDOOR_GROUND)


def is_indoor(place: str) -> bool:
    style = catalog.SCENE_BY_NAME.get(place)
    return style is not None and style.indoor


def is_modern(place: str) -> bool:
    style = catalog.SCENE_BY_NAME.get(place)
    return style is not None and style.family in ("modern", "scifi")


def surface_for(place: str, look: Look, afloat: bool) -> str:
    """The colour under a thing: water for what floats, else the place's standing surface."""
    if afloat or look.drawer in ("boat", "ship", "buoy", "lily"):
        return WATER
    return ground_of(place).surface


def category_of(node: PlacedNode) -> str | None:
    """A generic node's category: its one tag among `CATEGORIES`, or None."""
    for tag in node.tags:
        if tag in _CATEGORY_SET:
            return tag
    return None


def look_of(node: PlacedNode) -> tuple[Look, str]:
    """The look of a node and the key naming its symbols (`k-house`, `c-animal`)."""
    kind = catalog.KIND_BY_NAME.get(node.kind)
    if kind is not None:
        return look_of_kind(kind), "k-" + kind.name
    category = category_of(node)
    if category is not None:
        return CATEGORY_LOOKS[category], "c-" + category
    return UNKNOWN_LOOK, "c-thing"


def look_of_kind(kind: KindSpec) -> Look:
    look = LOOKS.get(kind.name)
    if look is not None:
        return look
    return CATEGORY_LOOKS[fallback_category(kind)]


def fallback_category(kind: KindSpec) -> str:
    """The category a known kind falls back to when it has no look of its own."""
    if kind.layer == "actor":
        return "animal"
    if kind.shape == "area":
        return "water" if kind.water else "area"
    if kind.layer == "structure":
        return "building" if kind.container == "walled" else "structure"
    if kind.setting == "indoor":
        return "furniture"
    return "item"
