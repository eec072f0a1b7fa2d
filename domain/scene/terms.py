"""The generator's closed vocabularies as types: predicates, directions, layers, shapes.

Literals rather than free strings so mypy catches a misspelt predicate, and so the scene
graph's JSON Schema lists exactly the values the generator can write.
"""

from typing import Literal, get_args

Layer = Literal["terrain", "structure", "object", "actor"]
Shape = Literal["box", "area", "path", "room"]
Container = Literal["none", "open", "walled"]
# `vast`: the ground of the whole place (a forest, a swamp, a market square named as the
# place): it covers the map and holds no cells of its own, like a background.
Size = Literal["tiny", "small", "medium", "large", "huge", "vast"]
Outline = Literal["rect", "cave", "hull", "round"]
Origin = Literal["prompt", "default", "auto", "ambient"]
Cardinal = Literal["north", "south", "east", "west"]
CARDINALS: frozenset[str] = frozenset(get_args(Cardinal))
OPPOSITE_SIDE = {"north": "south", "south": "north", "east": "west", "west": "east"}
Diagonal = Literal["northeast", "northwest", "southeast", "southwest"]
Side = Literal["left", "right"]
Setting = Literal["indoor", "outdoor", "any"]
Heading = Literal["north_south", "east_west"]

# Each predicate's meaning and its `argument`:
#   north_of .. below         subject lies beyond the object on that side
#   in_region (cardinal|center) / in_center ("x": east-west only, "y": north-south only,
#       None: both) / in_corner (diagonal|None) / against_wall
#       (cardinal|None): framed by the map, or by the one object (a room, an island)
#   next_to, near, far_from   distance between footprints
#   inside (object = holder), on (subject stands within the object's footprint)
#   around                    subject is one of the things ringing the object
#   between                   two objects
#   along (cardinal edge|None) within reach of a path / a map edge
#   on_side_of (Side)         along a path, on its left or right seen from its first cell
#   across_from               subject and object face each other across the path in
#                             objects[1] (or across open ground when there is none)
#   facing ("afar"|None)      subject and object aligned on an axis, near (any distance when
#                             "afar"), nothing between
#   at_head_of                subject touches a short end of the object (a table)
#   in_rows ("2", "3", ... rows | "grid" | None) subject and every object (the rest of its
#                             group) stand in straight rows
#   in_ring                   subject and every object form a ring around open ground
#   runs (Heading)            a path from one map edge to the opposite one
#   connected_to (connector kind|None) walkable link; a road over water takes a bridge
#   across                    a path crossing another path or area
#   on_shore                  a pier or dock: one end on land, the rest on water (the
#                             object, when given, is the water it reaches into)
Predicate = Literal[
    "north_of",
    "south_of",
    "east_of",
    "west_of",
    "left_of",
    "right_of",
    "above",
    "below",
    "in_region",
    "in_center",
    "in_corner",
    "against_wall",
    "next_to",
    "near",
    "far_from",
    "inside",
    "on",
    "around",
    "between",
    "along",
    "on_side_of",
    "across_from",
    "facing",
    "at_head_of",
    "in_rows",
    "in_ring",
    "runs",
    "connected_to",
    "across",
    "on_shore",
]

PREDICATES: frozenset[str] = frozenset(get_args(Predicate))
LAYERS: frozenset[str] = frozenset(get_args(Layer))
SHAPES: frozenset[str] = frozenset(get_args(Shape))


def as_predicate(name: str) -> Predicate:
    """A predicate name checked against the closed list (parser tables hold plain strings)."""
    if name not in PREDICATES:
        raise ValueError(f"unknown predicate {name!r}")
    return name  # type: ignore[return-value]
