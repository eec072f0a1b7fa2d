"""What the scene generator understands: kinds, kinds of place, counts, sizes and relations.

Everything here is data; `catalog.py` and `parse/lexicon.py` build the lookup tables from
it. One module per family of kinds, `places.py` for the kinds of place and `words.py` for
the parser's word tables (counts, sizes, directions, relation phrases, quiet words). To add
a kind, add one `kind(...)` row to its family's module: its glyph must be unique within
its family (a test checks), and its `setting` flag says whether it belongs indoors,
outdoors or anywhere.

Any other concrete noun is drawn as a generic kind of its category (`generic.py`).

Families (280 kinds):
- `village` (51): outdoor village: houses, taverns, churches, castles, towers, roads,
  rivers, moats, walls, hedge mazes, graves, mausoleums, pens, yards, market stalls,
  benches, archery targets, livestock, villagers, bartenders, guards, armies and crowds;
- `nature` (26): forest and wild land: trees, forests, hills, mountains, lakes, ponds,
  chasms, trenches and dry riverbeds, caves, waterfalls, wild animals and waterfowl;
- `dungeon` (35): rooms, corridors, doors, stairs, chests and treasure, traps, levers,
  cages, tombs, lava and lava channels, monsters and dwarves;
- `room` (53): indoors, a home's furniture, books and bowls, pools, aisles, and the
  furniture of named interiors (the tavern's bar, stools and dance floor, the temple's pews,
  the throne room's banners and tapestries, the library's bookshelves, the shop's counter
  and shelves, the smithy's anvil, the kitchen's oven and cupboards, washers and dryers,
  arcade machines, the classroom's blackboard);
- `coast` (18): islands, sea, beaches, boats, ships, piers, lighthouses, shore animals;
- `ground` (25): deserts (dunes, oases, cacti, camels), snow and ice (snowdrifts, igloos,
  snowmen, frozen lakes), swamps (reeds, lily pads, frogs, alligators);
- `modern` (52): the office (office desks and chairs, computers, water coolers, copiers,
  filing cabinets, guard posts) and the street (buildings, cars, buses, lampposts, traffic
  lights, crosswalks, parking spaces and lots), playgrounds (slides, swings, seesaws,
  bouncy castles, sandboxes), railway platforms, sports courts, hurdles, bleachers, helipads,
  motorhomes, fuel pumps, canopies, car washes, pipelines, railways, ferris wheels and cranes;
- `scifi` (20): a spaceship's bridge, a space station and a colony (consoles, the captain's
  chair, viewscreens, hologram tables, airlocks, cryo pods, reactors, domes, rovers, robots,
  crew, aliens).

Places (`places.SCENES`, 83): 34 outdoors (`places_outdoor.py`: village, forest, dungeon,
island, coast, desert, snow, swamp, hills, mountains, street, parking_lot, camp, castle,
graveyard, market, farm, ruins, harbor, seabed, lake, cave, mine, canyon, park, playground,
airport, train_station, bus_station, gas_station, rooftop, colony, sports_field, zoo) and 49
indoors (`places_indoor.py`: one room filling the map, or shaped like a hull or a round tower:
room, tavern, temple, throne_room, library, shop, smithy, kitchen, classroom, office, the rooms of
a home, places of work and trade, a lobby, a bathhouse, a laundromat, a ship's deck and
cabin, a tower room, an engine room, a teleporter room, a hair salon, a vet clinic...).
`place_words.py` holds the words naming each.
`INTERIOR_OF` maps a building to its inside; `FAMILY_PLACE`, `HOME_PLACE`, `ESSENTIALS`,
`ROLE_OF` and `IRREGULAR_PLURALS` are data for the parser (see `places.py`).

Footprints are in grid cells at the reference map size of 48x24. Boxes keep their
size on any map; areas (forests, lakes, islands, dungeon rooms) and indoor furniture
scale with the map. A path's first number is its thickness.

Counts:
- digits (`3 houses`), number words `one` to `twenty` (and tens: `thirty`, `forty
  two`, ..., `a hundred`), `a`/`an`/`single` = 1;
- `a few` = 3, `several` = 4, `many` = 8 (also `some` = 3, `a couple of` = 2,
  `a pair of` = 2, `a handful of` = 3, `a group of` = 4, `a number of` = 4,
  `a row of` = 5, `a ring of` = 6, `lots of` = 8, `numerous` = 8, `a dozen` = 12,
  `dozens of` = 24, `no` = 0);
- a bare plural (`houses`) = 3.
- Limits per scene, each capped with one warning: `MAX_THINGS` (1,000) things in all,
  `MAX_PATHS` (40) linear features (roads, rivers, walls, corridors) and `MAX_AREAS` (100)
  areas and rooms; what does not fit on the map is reported as not placed.

Sizes scale a footprint: `tiny` x1/2, `small`/`little` x3/4, `large`/`big` x3/2,
`huge`/`giant`/`enormous`/`massive` x2 (a path's thickness likewise).
"""

from domain.scene.model import KindSpec
from domain.scene.vocabulary import coast, dungeon, ground, modern, nature, room, scifi, village
from domain.scene.vocabulary.base import (
    ACTOR,
    AREA,
    BARE_PLURAL_COUNT,
    BOX,
    COAST,
    DUNGEON,
    FAMILIES,
    GROUND,
    MAX_AREAS,
    MAX_PATHS,
    MAX_THINGS,
    MODERN,
    NATURE,
    OBJECT,
    PATH,
    ROOM,
    ROOM_SHAPE,
    SCIFI,
    STRUCTURE,
    TERRAIN,
    THEMES,
    VILLAGE,
)
from domain.scene.vocabulary.place_words import SCENE_WORDS
from domain.scene.vocabulary.places import (
    ESSENTIALS,
    FAMILY_PLACE,
    HEAD_THINGS,
    HOME_PLACE,
    INTERIOR_OF,
    IRREGULAR_PLURALS,
    ROLE_OF,
    SCENES,
)
from domain.scene.vocabulary.words import (
    APPROXIMATE_WORDS,
    COUNT_PHRASES,
    DECORATIVE_WORDS,
    DIRECTIONS,
    EDGE_WORDS,
    FILLER_WORDS,
    NUMBER_WORDS,
    ORDINALS,
    PART_WORDS,
    RELATION_PHRASES,
    SIZES,
)

KINDS: tuple[KindSpec, ...] = (
    *village.KINDS,
    *nature.KINDS,
    *dungeon.KINDS,
    *room.KINDS,
    *coast.KINDS,
    *ground.KINDS,
    *modern.KINDS,
    *scifi.KINDS,
)

__all__ = [
    "ACTOR",
    "APPROXIMATE_WORDS",
    "AREA",
    "BARE_PLURAL_COUNT",
    "BOX",
    "COAST",
    "COUNT_PHRASES",
    "DECORATIVE_WORDS",
    "DIRECTIONS",
    "DUNGEON",
    "EDGE_WORDS",
    "ESSENTIALS",
    "FAMILIES",
    "FAMILY_PLACE",
    "FILLER_WORDS",
    "GROUND",
    "HEAD_THINGS",
    "HOME_PLACE",
    "INTERIOR_OF",
    "IRREGULAR_PLURALS",
    "KINDS",
    "MAX_AREAS",
    "MAX_PATHS",
    "MAX_THINGS",
    "MODERN",
    "NATURE",
    "NUMBER_WORDS",
    "OBJECT",
    "ORDINALS",
    "PART_WORDS",
    "PATH",
    "RELATION_PHRASES",
    "ROLE_OF",
    "ROOM",
    "ROOM_SHAPE",
    "SCENES",
    "SCENE_WORDS",
    "SCIFI",
    "SIZES",
    "STRUCTURE",
    "TERRAIN",
    "THEMES",
    "VILLAGE",
]
