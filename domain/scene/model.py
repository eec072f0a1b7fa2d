"""Value types passed between the scene generator's steps."""

from typing import Any

import msgspec

from domain.scene.terms import Container, Layer, Origin, Outline, Predicate, Setting, Shape, Size


class KindSpec(msgspec.Struct, frozen=True, kw_only=True):
    """One kind of thing the generator knows: how big it is, how it is drawn, how it behaves."""

    name: str
    family: str  # the vocabulary family it belongs to (village, dungeon, office, ...)
    layer: Layer
    shape: Shape
    width: int  # footprint at the reference map size; a path's thickness
    height: int
    glyph: str
    synonyms: tuple[str, ...]
    solid: bool = False  # blocks walking
    walkable: bool = False  # a path or area one can walk on
    water: bool = False
    container: Container = "none"
    round: bool = False  # an area drawn as an ellipse inside its box
    rotatable: bool = False
    mounted: bool = False  # indoors it hangs on a wall
    afloat: bool = False  # stands on water
    connector: bool = False  # a path that links things (road, corridor)
    edge: bool = False  # an area that lies along a map edge (a sea strip)
    sparse: bool = False  # an area drawn with a texture rather than filled
    setting: Setting = "any"  # where it belongs: indoors, outdoors, or either
    category: str = ""  # a generic kind's category (`device`, `furniture`, ...); "" if known


class Place(msgspec.Struct, frozen=True, kw_only=True):
    """A kind of place (village, dungeon, tavern, ...) and how it looks when nothing is said."""

    name: str
    family: str  # the vocabulary family whose kinds belong here
    terrain: str
    terrain_glyph: str
    terrain_walkable: bool
    border: str  # corner, horizontal edge, vertical edge
    connector: str  # the path kind used for `connected by` when none is named
    defaults: tuple[tuple[str, int], ...]  # things for a prompt that names none
    ambient: str | None = None  # a kind scattered over free ground
    indoor: bool = False  # one room filling the map: walls at the border, furniture inside
    ambient_per_cells: int = 0
    outline: Outline = "rect"  # the floor's shape inside the map (a cave, a ship's hull)
    ground: str | None = None  # the kind standing for the whole place when it is named
    submerged: bool = False  # under water: fish swim anywhere, nothing floats on a surface


class ThingSpec(msgspec.Struct, frozen=True, kw_only=True):
    """One requested thing (one instance; a counted group becomes several)."""

    id: str
    kind: str
    size: Size = "medium"
    origin: Origin = "prompt"
    word: str = ""  # the noun the prompt used (`cottage` for a house); the label
    long: bool = False  # `a long table`: at least twice as long as it is wide


class RelationSpec(msgspec.Struct, frozen=True, kw_only=True):
    """One stated relation; `terms.py` says what each predicate and its argument mean."""

    subject: str
    predicate: Predicate
    objects: tuple[str, ...] = ()
    argument: str | None = None


class SceneRequest(msgspec.Struct, frozen=True, kw_only=True):
    """What the prompt asks for, before anything is placed."""

    place: str
    things: tuple[ThingSpec, ...]
    relations: tuple[RelationSpec, ...]
    warnings: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()  # kinds the prompt ruled out (`no trees`): never fill them
    default_place: bool = False  # the prompt named nothing known: a default scene was drawn
    not_understood: tuple[str, ...] = ()  # words read as nothing at all


class PlacedNode(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    kind: str
    label: str
    layer: Layer
    x: int
    y: int
    width: int
    height: int
    rotation: int
    tags: tuple[str, ...]
    parent: str | None = None
    path: tuple[tuple[int, int], ...] | None = None


class RelationResult(msgspec.Struct, frozen=True, kw_only=True):
    subject: str
    predicate: Predicate
    objects: tuple[str, ...]
    argument: str | None
    satisfied: bool


class Quality(msgspec.Struct, frozen=True, kw_only=True):
    """How much of what was asked the scene shows: the honest summary a client reads first."""

    things_asked: int  # things the prompt named (a place's usual things not counted)
    things_placed: int  # of those, the ones drawn
    relations_stated: int
    relations_held: int
    default_place: bool  # the prompt named nothing known; a default scene was drawn
    words_not_understood: tuple[str, ...]


class Layout(msgspec.Struct, frozen=True, kw_only=True):
    """Every placed thing on the grid, and each requested relation checked on it."""

    seed: int
    width: int
    height: int
    place: str
    nodes: tuple[PlacedNode, ...]  # parents before their children
    relations: tuple[RelationResult, ...]
    warnings: tuple[str, ...]
    quality: Quality | None = None


class GeneratedScene(msgspec.Struct, frozen=True, kw_only=True):
    scene_graph: dict[str, Any]
    minimap: str
    svg: str  # the map drawn as a standalone SVG document
