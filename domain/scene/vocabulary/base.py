"""What every vocabulary module shares: the families, the limits and the `kind` row helper."""

from domain.scene.model import KindSpec
from domain.scene.terms import Layer, Setting, Shape

MAX_THINGS = 1000
MAX_PATHS = 40  # linear features (roads, rivers, walls, corridors) in one scene
MAX_AREAS = 100  # areas and rooms (fields, lakes, dungeon rooms) in one scene
BARE_PLURAL_COUNT = 3

VILLAGE, NATURE, DUNGEON, ROOM, COAST = "village", "nature", "dungeon", "room", "coast"
GROUND, MODERN, SCIFI = "ground", "modern", "scifi"
THEMES = (VILLAGE, NATURE, DUNGEON, ROOM, COAST, GROUND, MODERN, SCIFI)
FAMILIES = THEMES

TERRAIN: Layer = "terrain"
STRUCTURE: Layer = "structure"
OBJECT: Layer = "object"
ACTOR: Layer = "actor"
BOX: Shape = "box"
AREA: Shape = "area"
PATH: Shape = "path"
ROOM_SHAPE: Shape = "room"

_FLAGS = frozenset(
    "solid walkable water walled open round rotatable mounted afloat connector edge sparse "
    "indoor outdoor".split()
)


def kind(
    name: str,
    family: str,
    layer: Layer,
    shape: Shape,
    size: tuple[int, int],
    glyph: str,
    flags: str,
    synonyms: str,
) -> KindSpec:
    """One vocabulary row. `flags` are space-separated words (`solid walled outdoor`):

    solid, walkable, water, round, rotatable, mounted, afloat, connector, edge, sparse
    set the KindSpec field of that name; `walled`/`open` set `container`; `indoor` or
    `outdoor` set `setting` (neither: `any`). `synonyms` is a comma-separated list of the
    other phrases naming it, singular (regular plurals are derived by the lexicon).
    """
    words = set(flags.split())
    unknown = words - _FLAGS
    if unknown:
        raise ValueError(f"{name}: unknown flags {sorted(unknown)}")
    setting: Setting = "indoor" if "indoor" in words else "outdoor" if "outdoor" in words else "any"
    return KindSpec(
        name=name,
        family=family,
        layer=layer,
        shape=shape,
        width=size[0],
        height=size[1],
        glyph=glyph,
        synonyms=tuple(s.strip() for s in synonyms.split(",") if s.strip()),
        solid="solid" in words,
        walkable="walkable" in words,
        water="water" in words,
        container="walled" if "walled" in words else "open" if "open" in words else "none",
        round="round" in words,
        rotatable="rotatable" in words,
        mounted="mounted" in words,
        afloat="afloat" in words,
        connector="connector" in words,
        edge="edge" in words,
        sparse="sparse" in words,
        setting=setting,
    )
