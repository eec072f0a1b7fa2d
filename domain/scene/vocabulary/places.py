"""Kinds of place: how each looks when nothing is said, the words naming it, interiors.

A place's `family` is the vocabulary family whose kinds belong there; `defaults` fill a
prompt that names nothing known (and are the base of a named interior); `ambient` is a
kind scattered over free ground. Indoor places are one room filling the map: walls at
the border, furniture inside; their defaults hold only indoor kinds or kinds that go
anywhere, and outdoor places only outdoor ones or kinds that go anywhere (a test checks).
"""

from domain.scene.model import Place
from domain.scene.vocabulary.base import (
    COAST,
    DUNGEON,
    GROUND,
    MODERN,
    NATURE,
    ROOM,
    SCIFI,
    VILLAGE,
)

_OUTDOOR_BORDER = "+-|"
_WALLS = "###"

# fmt: off
_OUTDOOR: tuple[Place, ...] = (
    Place(name="village", family=VILLAGE, terrain="grass", terrain_glyph=".",
          terrain_walkable=True, border=_OUTDOOR_BORDER, connector="road",
          defaults=(("house", 3), ("road", 1), ("well", 1), ("tree", 2))),
    Place(name="forest", family=NATURE, terrain="ground", terrain_glyph=".",
          terrain_walkable=True, border=_OUTDOOR_BORDER, connector="road",
          defaults=(("clearing", 1), ("deer", 2), ("mushroom", 3)),
          ambient="tree", ambient_per_cells=4),
    Place(name="dungeon", family=DUNGEON, terrain="rock", terrain_glyph=" ",
          terrain_walkable=False, border=_OUTDOOR_BORDER, connector="corridor",
          defaults=(("room", 4), ("chest", 1), ("skeleton", 2), ("stairs", 1))),
    Place(name="island", family=COAST, terrain="sea", terrain_glyph="~",
          terrain_walkable=False, border=_OUTDOOR_BORDER, connector="bridge",
          defaults=(("palm", 3), ("house", 1), ("boat", 1))),
    Place(name="coast", family=COAST, terrain="grass", terrain_glyph=".",
          terrain_walkable=True, border=_OUTDOOR_BORDER, connector="road",
          defaults=(("house", 2), ("boat", 2), ("pier", 1), ("palm", 2))),
    Place(name="desert", family=GROUND, terrain="sand", terrain_glyph=".",
          terrain_walkable=True, border=_OUTDOOR_BORDER, connector="road",
          defaults=(("dune", 3), ("oasis", 1), ("palm", 2), ("camel", 2)),
          ambient="cactus", ambient_per_cells=96),
    Place(name="snow", family=GROUND, terrain="snow", terrain_glyph=".",
          terrain_walkable=True, border=_OUTDOOR_BORDER, connector="road",
          defaults=(("igloo", 2), ("snowman", 1), ("frozen_lake", 1), ("tree", 3),
                    ("polar_bear", 1)),
          ambient="snowdrift", ambient_per_cells=144),
    Place(name="swamp", family=GROUND, terrain="mud", terrain_glyph=".",
          terrain_walkable=True, border=_OUTDOOR_BORDER, connector="road",
          defaults=(("pond", 1), ("lily_pad", 3), ("frog", 3), ("dead_tree", 3)),
          ambient="reed", ambient_per_cells=24),
    Place(name="hills", family=NATURE, terrain="grass", terrain_glyph=".",
          terrain_walkable=True, border=_OUTDOOR_BORDER, connector="road",
          defaults=(("hill", 4), ("tree", 3), ("rock", 3)),
          ambient="bush", ambient_per_cells=120),
    Place(name="mountains", family=NATURE, terrain="stony ground", terrain_glyph=".",
          terrain_walkable=True, border=_OUTDOOR_BORDER, connector="road",
          defaults=(("mountain", 3), ("cave", 1), ("tree", 2)),
          ambient="rock", ambient_per_cells=96),
    Place(name="street", family=MODERN, terrain="pavement", terrain_glyph=".",
          terrain_walkable=True, border=_OUTDOOR_BORDER, connector="road",
          defaults=(("road", 1), ("building", 4), ("lamppost", 4), ("car", 3), ("bench", 1),
                    ("trash_can", 1), ("hydrant", 1))),
    Place(name="parking_lot", family=MODERN, terrain="asphalt", terrain_glyph=".",
          terrain_walkable=True, border=_OUTDOOR_BORDER, connector="road",
          defaults=(("parking_space", 8), ("car", 5), ("lamppost", 2), ("trash_can", 1))),
)

_INDOOR: tuple[Place, ...] = (
    Place(name="room", family=ROOM, terrain="floor", terrain_glyph=".",
          terrain_walkable=True, border=_WALLS, connector="", indoor=True,
          defaults=(("bed", 1), ("table", 1), ("chair", 2), ("window", 1), ("door", 1),
                    ("rug", 1))),
    Place(name="tavern", family=ROOM, terrain="floor", terrain_glyph=".",
          terrain_walkable=True, border=_WALLS, connector="", indoor=True,
          defaults=(("bar", 1), ("table", 3), ("stool", 6), ("fireplace", 1), ("barrel", 3),
                    ("person", 3), ("door", 1))),
    Place(name="temple", family=ROOM, terrain="stone floor", terrain_glyph=".",
          terrain_walkable=True, border=_WALLS, connector="", indoor=True,
          defaults=(("altar", 1), ("pew", 6), ("candle", 4), ("statue", 1), ("pillar", 2),
                    ("door", 1))),
    Place(name="throne_room", family=ROOM, terrain="stone floor", terrain_glyph=".",
          terrain_walkable=True, border=_WALLS, connector="", indoor=True,
          defaults=(("throne", 1), ("pillar", 4), ("banner", 2), ("tapestry", 2), ("rug", 1),
                    ("guard", 2), ("door", 1))),
    Place(name="library", family=ROOM, terrain="floor", terrain_glyph=".",
          terrain_walkable=True, border=_WALLS, connector="", indoor=True,
          defaults=(("bookshelf", 6), ("table", 2), ("chair", 4), ("lamp", 2), ("lectern", 1),
                    ("door", 1))),
    Place(name="shop", family=ROOM, terrain="floor", terrain_glyph=".",
          terrain_walkable=True, border=_WALLS, connector="", indoor=True,
          defaults=(("shop_counter", 1), ("shelf", 4), ("display_case", 2), ("barrel", 1),
                    ("person", 1), ("door", 1))),
    Place(name="smithy", family=ROOM, terrain="stone floor", terrain_glyph=".",
          terrain_walkable=True, border=_WALLS, connector="", indoor=True,
          defaults=(("anvil", 1), ("furnace", 1), ("weapon_rack", 1), ("desk", 1), ("barrel", 1),
                    ("door", 1))),
    Place(name="kitchen", family=ROOM, terrain="floor", terrain_glyph=".",
          terrain_walkable=True, border=_WALLS, connector="", indoor=True,
          defaults=(("oven", 1), ("table", 1), ("cupboard", 2), ("sink", 1), ("cutting_table", 1),
                    ("barrel", 2), ("door", 1))),
    Place(name="classroom", family=ROOM, terrain="floor", terrain_glyph=".",
          terrain_walkable=True, border=_WALLS, connector="", indoor=True,
          defaults=(("blackboard", 1), ("desk", 6), ("chair", 6), ("window", 2), ("door", 1))),
    Place(name="office", family=MODERN, terrain="floor", terrain_glyph=".",
          terrain_walkable=True, border=_WALLS, connector="", indoor=True,
          defaults=(("office_desk", 4), ("office_chair", 4), ("computer", 4),
                    ("filing_cabinet", 2), ("water_cooler", 1), ("plant", 2), ("door", 1))),
    Place(name="spaceship_bridge", family=SCIFI, terrain="deck", terrain_glyph=".",
          terrain_walkable=True, border=_WALLS, connector="", indoor=True,
          defaults=(("viewscreen", 1), ("captain_chair", 1), ("console", 4),
                    ("hologram_table", 1), ("crew_member", 3), ("airlock", 1))),
    Place(name="space_station", family=SCIFI, terrain="deck", terrain_glyph=".",
          terrain_walkable=True, border=_WALLS, connector="", indoor=True,
          defaults=(("reactor", 1), ("console", 3), ("cargo_crate", 4), ("locker", 2),
                    ("cryo_pod", 2), ("robot", 1), ("crew_member", 3), ("airlock", 2))),
)

SCENES: tuple[Place, ...] = (*_OUTDOOR, *_INDOOR)

# Words naming the whole scene (one or two words; a plural is found from its singular).
# A word that is also a kind (`island`, `forest`, `library`) names the scene only when it
# opens the prompt; elsewhere it is the kind.
SCENE_WORDS: dict[str, str] = {
    **dict.fromkeys(["village", "town", "hamlet", "city", "settlement", "farmstead", "farm", "camp",
                     "campsite", "campground", "encampment", "military camp", "army camp"],
                    "village"),
    **dict.fromkeys(["forest", "woods", "woodland", "jungle", "wilderness", "glade", "clearing",
                     "grove"], "forest"),
    **dict.fromkeys(["dungeon", "crypt", "catacomb", "catacombs", "cave", "cavern", "labyrinth",
                     "maze", "tomb", "lair", "mine", "underground", "prison", "sewer", "sewers"],
                    "dungeon"),
    **dict.fromkeys(["island", "isle", "islet", "atoll", "archipelago"], "island"),
    **dict.fromkeys(["coastal village", "coastal town", "fishing village", "fishing town",
                     "harbor town", "harbour town", "port town", "seaside village"], "coast"),
    **dict.fromkeys(["coast", "beach", "shore", "seaside", "harbor", "harbour", "bay", "port",
                     "seashore", "coastline", "cove"], "coast"),
    **dict.fromkeys(["desert", "sahara", "wasteland", "badlands"], "desert"),
    **dict.fromkeys(["snow", "snowfield", "snow field", "snowscape", "tundra", "winter",
                     "arctic", "antarctic", "antarctica", "glacier", "winter landscape",
                     "snowy plain", "snowy field", "snowy landscape"], "snow"),
    **dict.fromkeys(["swamp", "swampland", "marsh", "marshland", "bog", "fen", "wetland",
                     "wetlands", "mire", "bayou"], "swamp"),
    **dict.fromkeys(["hills", "hill country", "highlands", "uplands", "downs", "foothills",
                     "hillside", "rolling hills", "moor", "moors", "moorland"], "hills"),
    **dict.fromkeys(["mountains", "mountain range", "mountain pass", "mountainside", "peaks",
                     "alps"], "mountains"),
    **dict.fromkeys(["street", "city street", "main street", "high street", "downtown",
                     "city block", "avenue", "boulevard", "street corner"], "street"),
    **dict.fromkeys(["parking lot", "car park", "carpark", "parking area", "parking garage"],
                    "parking_lot"),
    **dict.fromkeys(["room", "bedroom", "bed room", "study", "bathroom", "apartment", "attic",
                     "parlor", "parlour", "lounge", "nursery", "studio", "interior",
                     "living room", "dining room", "sitting room", "guest room", "hotel room",
                     "house interior", "cottage interior", "ward", "hospital ward", "hospital room",
                     "infirmary", "dormitory", "concert hall", "ballroom", "auditorium",
                     "theater", "theatre", "council chamber", "meeting room", "conference room",
                     "boardroom"], "room"),
    **dict.fromkeys(["taproom", "tap room", "barroom", "tavern interior", "inn interior",
                     "pub interior", "common room", "cafe", "coffee shop", "coffeehouse",
                     "coffee house"], "tavern"),
    **dict.fromkeys(["temple", "chapel", "sanctuary", "nave", "church interior",
                     "temple interior"], "temple"),
    **dict.fromkeys(["throne room", "throne hall", "audience chamber", "audience hall",
                     "great hall", "royal court", "castle interior", "palace interior",
                     "feast hall", "banquet hall", "mead hall"],
                    "throne_room"),
    **dict.fromkeys(["library", "reading room", "archive", "archives", "scriptorium",
                     "library interior"], "library"),
    **dict.fromkeys(["shop interior", "store interior", "boutique", "emporium", "supermarket",
                     "grocery store", "grocery", "convenience store", "department store"],
                    "shop"),
    **dict.fromkeys(["smithy interior", "forge interior", "blacksmith shop", "armory",
                     "armoury"], "smithy"),
    **dict.fromkeys(["kitchen", "scullery", "cookhouse", "bakehouse", "galley"], "kitchen"),
    **dict.fromkeys(["classroom", "class room", "schoolroom", "school room", "lecture hall",
                     "lecture room"], "classroom"),
    **dict.fromkeys(["office", "open office", "office space", "office floor", "cubicle farm",
                     "workplace", "call center", "call centre", "newsroom"], "office"),
    **dict.fromkeys(["spaceship", "starship", "space ship", "star ship", "spacecraft",
                     "spaceship bridge", "starship bridge", "command deck", "flight deck",
                     "cockpit"], "spaceship_bridge"),
    **dict.fromkeys(["space station", "spacestation", "starbase", "star base",
                     "orbital station", "space base", "cargo bay", "cargo hold", "hangar",
                     "hangar bay"], "space_station"),
}

# Opening words that both name the scene and stand for a thing in it.
HEAD_THINGS: dict[str, str] = {
    "island": "island", "isle": "island", "islet": "island", "atoll": "island",
    "clearing": "clearing", "glade": "clearing",
}

# A building kind -> the indoor place shown when a prompt asks for its inside
# (`the inside of a tavern`, `a cottage with a bed and a table`).
INTERIOR_OF: dict[str, str] = {
    "house": "room",
    "tavern": "tavern",
    "church": "temple",
    "castle": "throne_room",
    "library": "library",
    "shop": "shop",
    "smithy": "smithy",
    "school": "classroom",
    "building": "office",
    "spaceship": "spaceship_bridge",
}

# The place a prompt describes when its words are mostly of one family and name no place.
FAMILY_PLACE: dict[str, str] = {
    VILLAGE: "village",
    NATURE: "forest",
    DUNGEON: "dungeon",
    ROOM: "room",
    COAST: "coast",
    GROUND: "desert",
    MODERN: "street",
    SCIFI: "spaceship_bridge",
}

# Kinds whose likely place is not their family's (`igloos and penguins` is snow, not a
# desert; `desks and computers` an office, not a street).
HOME_PLACE: dict[str, str] = {
    **dict.fromkeys(["snowfield", "ice", "frozen_lake", "snowdrift", "snowman", "igloo", "sled",
                     "penguin", "polar_bear", "yeti"], "snow"),
    **dict.fromkeys(["swamp", "reed", "lily_pad", "frog", "alligator"], "swamp"),
    **dict.fromkeys(["office_desk", "office_chair", "computer", "cubicle", "meeting_table",
                     "whiteboard", "filing_cabinet", "printer", "copier", "water_cooler",
                     "coffee_machine", "vending_machine"], "office"),
    **dict.fromkeys(["parking_lot", "parking_space"], "parking_lot"),
    **dict.fromkeys(["reactor", "cargo_crate", "locker", "cryo_pod", "escape_pod"],
                    "space_station"),
}
# fmt: on

# Things a place always has, added when the prompt does not name them (a street's road).
ESSENTIALS: dict[str, tuple[tuple[str, int], ...]] = {
    "island": (("island", 1),),
    "coast": (("sea", 1), ("beach", 1)),
    "street": (("road", 1),),
    "parking_lot": (("parking_space", 6),),
    "hills": (("hill", 3),),
    "mountains": (("mountain", 2),),
}

# Kinds that serve as a more general kind does (an office desk is a desk, a stool a seat):
# a named interior's usual furniture need not add a default when the prompt already names
# something of the same role.
ROLE_OF: dict[str, str] = {
    "cargo_crate": "barrel",
    "office_desk": "desk",
    "office_chair": "chair",
    "captain_chair": "chair",
    "stool": "chair",
    "sofa": "chair",
    "pew": "bench",
    "meeting_table": "table",
    "cutting_table": "table",
    "bar": "counter",
    "shop_counter": "counter",
    "shelf": "bookshelf",
    "cupboard": "wardrobe",
    "candle": "lamp",
    "chandelier": "lamp",
}

# Plurals the English rules in the lexicon cannot derive, with their singular. Each
# plural is also listed among its kind's synonyms.
IRREGULAR_PLURALS: dict[str, str] = {
    "people": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "oxen": "ox",
    "mice": "mouse",
    "cattle": "cow",
    "wolves": "wolf",
    "fungi": "fungus",
    "watchmen": "watchman",
    "sarcophagi": "sarcophagus",
    "cacti": "cactus",
    "oases": "oasis",
    "snowmen": "snowman",
    "crewmen": "crewman",
    "sheep": "sheep",
    "deer": "deer",
    "fish": "fish",
}
