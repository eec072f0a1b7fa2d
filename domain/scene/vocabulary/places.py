"""Kinds of place: how each looks when nothing is said, the words naming it, interiors.

A place's `family` is the vocabulary family whose kinds belong there; `defaults` fill a
prompt that names nothing known (and are the base of a named interior); `ambient` is a
kind scattered over free ground. Indoor places are one room filling the map: walls at
the border, furniture inside; their defaults hold only indoor kinds or kinds that go
anywhere, and outdoor places only outdoor ones or kinds that go anywhere (a test checks).
"""

from domain.scene.model import Place
from domain.scene.terms import Size
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
from domain.scene.vocabulary.places_indoor import INDOOR_PLACES
from domain.scene.vocabulary.places_outdoor import OUTDOOR_PLACES

SCENES: tuple[Place, ...] = (*OUTDOOR_PLACES, *INDOOR_PLACES)

# Opening words that both name the scene and stand for a thing in it, with its size (a
# place's `ground` kind, drawn over the whole map, comes from the place itself).
HEAD_THINGS: dict[str, tuple[str, Size]] = {
    **dict.fromkeys(["island", "isle", "islet", "atoll"], ("island", "medium")),
    **dict.fromkeys(["clearing", "glade"], ("clearing", "medium")),
    **dict.fromkeys(["castle", "fortress", "fort", "citadel", "stronghold"], ("castle", "large")),
    **dict.fromkeys(["lake", "lakeside", "lakeshore"], ("lake", "huge")),
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
    "barn": "stable",
    "bakery": "bakery",
    "lighthouse": "tower_room",
    "tower": "tower_room",
    "watchtower": "tower_room",
    "ship": "ship_deck",
    "warehouse": "warehouse",
    "hospital": "hospital_ward",
    "museum": "museum",
    "prison": "prison",
    "restaurant": "restaurant",
    "theater": "theater",
    "garage": "garage",
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
    **dict.fromkeys(
        [
            "snowfield",
            "ice",
            "frozen_lake",
            "snowdrift",
            "snowman",
            "igloo",
            "sled",
            "penguin",
            "polar_bear",
            "yeti",
        ],
        "snow",
    ),
    **dict.fromkeys(["swamp", "reed", "lily_pad", "frog", "alligator"], "swamp"),
    "trench": "hills",  # a battlefield's or a dry wash's open ground, not a wood
    **dict.fromkeys(
        [
            "office_desk",
            "office_chair",
            "computer",
            "cubicle",
            "meeting_table",
            "whiteboard",
            "filing_cabinet",
            "printer",
            "copier",
            "water_cooler",
            "coffee_machine",
            "vending_machine",
        ],
        "office",
    ),
    **dict.fromkeys(["parking_lot", "parking_space"], "parking_lot"),
    **dict.fromkeys(
        ["reactor", "cargo_crate", "locker", "cryo_pod", "escape_pod"], "space_station"
    ),
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
    "harbor": (("sea", 1), ("pier", 1)),
    "camp": (("campfire", 1),),
    "graveyard": (("grave", 6),),
    "market": (("market_stall", 4),),
    "swamp": (("pond", 1),),
    "lake": (("lake", 1),),
    "canyon": (("chasm", 1),),
    "airport": (("runway", 1),),
    "train_station": (("road", 1), ("railway_platform", 1)),
    "gas_station": (("building", 1),),
}

# Kinds that serve as a more general kind does (an office desk is a desk, a stool a seat):
# a named interior's usual furniture need not add a default when the prompt already names
# something of the same role.
ROLE_OF: dict[str, str] = {
    "ticket_booth": "counter",
    "bonfire": "campfire",
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
    "crew_member": "person",
    "railway_platform": "platform",
    "whiteboard": "blackboard",
    "market_stall": "counter",  # a food court's stalls are its counters
}

# Plurals the English rules in the lexicon cannot derive, with their singular. Each
# plural is also listed among its kind's synonyms.
IRREGULAR_PLURALS: dict[str, str] = {
    "people": "person",
    "geese": "goose",
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
