"""A corpus of prompts with the relations each scene must satisfy.

An expectation reads `subject predicate [object ...] [=argument]`. `conflicts` lists
pairs that contradict each other: at least one of each pair must hold, and they are the
only relations allowed to fail.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    prompt: str
    theme: str
    expect: tuple[str, ...]
    conflicts: tuple[tuple[str, str], ...] = ()
    width: int = 48
    height: int = 24
    kinds: dict[str, int] = field(default_factory=dict)  # kind -> count at least


CORPUS: tuple[Case, ...] = (
    Case(
        "a village with three houses north of a river, a well in the center and a forest to "
        "the east",
        "village",
        (
            "house-1 north_of river-1",
            "house-2 north_of river-1",
            "house-3 north_of river-1",
            "well-1 in_center",
            "forest-1 in_region =east",
        ),
    ),
    Case(
        "a dungeon with five rooms connected by corridors, a chest inside the last room and "
        "two skeletons near the stairs",
        "dungeon",
        (
            "room-2 connected_to room-1 =corridor",
            "room-5 connected_to room-4 =corridor",
            "chest-1 inside room-5",
            "skeleton-1 near stairs-1",
            "skeleton-2 near stairs-1",
        ),
        kinds={"room": 5, "corridor": 1, "door": 2},
    ),
    Case(
        "a small bedroom: a bed against the north wall, a desk next to the window, a rug in "
        "the middle",
        "bedroom",
        ("bed-1 against_wall =north", "desk-1 next_to window-1", "rug-1 in_center"),
    ),
    Case(
        "an island surrounded by water with a lighthouse on the northern tip and two palm trees",
        "island",
        (
            "sea-1 around island-1",
            "lighthouse-1 in_region island-1 =north",
            "palm-1 inside island-1",
            "palm-2 inside island-1",
        ),
    ),
    Case(
        "a house north of a tree and south of the same tree",
        "village",
        (),
        conflicts=(("house-1 north_of tree-1", "house-1 south_of tree-1"),),
    ),
    Case(
        "a well inside a house and the house inside the well",
        "village",
        ("well-1 inside house-1", "house-1 next_to well-1"),
    ),
    Case(
        "a tree next to a rock and far from the same rock",
        "forest",
        (),
        conflicts=(("tree-1 next_to rock-1", "tree-1 far_from rock-1"),),
    ),
    Case(
        "a tower between the castle and the church",
        "village",
        ("tower-1 between castle-1 church-1",),
    ),
    Case(
        "a road along the river and four trees along the road",
        "village",
        ("road-1 along river-1", "tree-1 along road-1", "tree-4 along road-1"),
    ),
    Case(
        "a stone wall around the village and a tavern in the northeast corner",
        "village",
        ("wall-1 around", "tavern-1 in_corner =northeast"),
    ),
    Case(
        "a fence around the garden, a well west of the garden and a cart east of the garden",
        "village",
        ("fence-1 around garden-1", "well-1 west_of garden-1", "cart-1 east_of garden-1"),
    ),
    Case(
        "a large castle far from a small windmill",
        "village",
        ("castle-1 far_from windmill-1",),
    ),
    Case(
        "a river, a bridge over the river and a mill beside the bridge",
        "village",
        ("bridge-1 across river-1", "windmill-1 next_to bridge-1"),
    ),
    Case(
        "a cabin left of a big oak and a tent right of the oak",
        "village",
        ("house-1 left_of tree-1", "tent-1 right_of tree-1"),
    ),
    Case(
        "a study with a desk, a lamp above the desk and a chair below the desk",
        "room",
        ("lamp-1 above desk-1", "chair-1 below desk-1"),
    ),
    Case(
        "a crypt with a chest in the northwest corner of the chamber and a throne against "
        "the east wall of the chamber",
        "dungeon",
        ("chest-1 in_corner room-1 =northwest", "throne-1 against_wall room-1 =east"),
    ),
    Case(
        "a well surrounded by four trees",
        "village",
        (
            "tree-1 around well-1",
            "tree-2 around well-1",
            "tree-3 around well-1",
            "tree-4 around well-1",
        ),
    ),
    Case(
        "two islands connected by a bridge",
        "island",
        ("island-2 connected_to island-1 =bridge",),
        kinds={"bridge": 1},
    ),
    Case(
        "a forest with a lake with two boats, and a cabin on the north shore",
        "forest",
        ("boat-1 inside lake-1", "boat-2 inside lake-1", "house-1 north_of lake-1"),
    ),
    Case(
        "a kitchen with a table in the center, four chairs around the table, a counter "
        "against the west wall and a window",
        "kitchen",
        (
            "table-1 in_center",
            "chair-1 around table-1",
            "chair-4 around table-1",
            "counter-1 against_wall =west",
        ),
    ),
    Case(
        "a graveyard next to a chapel, with three skeletons in the graveyard",
        "village",
        (
            "graveyard-1 next_to church-1",
            "skeleton-1 inside graveyard-1",
            "skeleton-3 inside graveyard-1",
        ),
    ),
    Case(
        "a harbor with three ships, a pier and a lighthouse near the pier",
        "harbor",
        ("lighthouse-1 near pier-1",),
        kinds={"ship": 3, "sea": 1},
    ),
    Case(
        "a town with a market square in the middle, a tavern north of the market, a smithy "
        "south of the market and a church east of the market",
        "village",
        (
            "market-1 in_center",
            "tavern-1 north_of market-1",
            "smithy-1 south_of market-1",
            "church-1 east_of market-1",
        ),
    ),
    Case(
        "a forest with a clearing in the center, a campfire inside the clearing and five "
        "wolves around the clearing",
        "forest",
        (
            "clearing-1 in_center",
            "campfire-1 inside clearing-1",
            "wolf-1 around clearing-1",
            "wolf-5 around clearing-1",
        ),
    ),
    Case(
        "a dungeon with three rooms and a corridor connecting the first room and the last room",
        "dungeon",
        ("corridor-1 connected_to room-1 room-3",),
    ),
    Case(
        "a beach with two palm trees, a boat near the pier, a pier and a crab next to a rock",
        "coast",
        ("boat-1 near pier-1", "crab-1 next_to rock-1"),
    ),
    Case(
        "a bedroom with a bed in the northeast corner, a wardrobe in the southwest corner, a "
        "bookshelf along the east wall and a plant in a corner",
        "bedroom",
        (
            "bed-1 in_corner =northeast",
            "wardrobe-1 in_corner =southwest",
            "bookshelf-1 against_wall =east",
            "plant-1 in_corner",
        ),
    ),
    Case(
        "a river along the south edge, a road along the north edge and three houses between "
        "the river and the road",
        "village",
        (
            "river-1 along =south",
            "road-1 along =north",
            "house-1 between river-1 road-1",
            "house-3 between river-1 road-1",
        ),
    ),
    Case(
        "a castle in the north, a village square in the south and a road leading to the castle",
        "village",
        ("castle-1 in_region =north", "market-1 in_region =south", "road-1 connected_to castle-1"),
    ),
    Case(
        "a small hut inside the forest, and the forest east of a lake",
        "forest",
        ("house-1 inside forest-1", "forest-1 east_of lake-1"),
    ),
    Case(
        "a crypt with two coffins against the west wall of the chamber and a ghost near the altar",
        "dungeon",
        (
            "coffin-1 against_wall room-1 =west",
            "coffin-2 against_wall room-1 =west",
            "ghost-1 near altar-1",
        ),
    ),
    Case(
        "a jungle with a temple in the center and a river west of the temple",
        "forest",
        ("church-1 in_center", "river-1 west_of church-1"),
    ),
    Case(
        "three small tents around a campfire near the river",
        "village",
        ("tent-1 around campfire-1", "tent-3 around campfire-1", "campfire-1 near river-1"),
    ),
    Case(
        "a windmill on a hill and a field south of the hill",
        "village",
        ("windmill-1 inside hill-1", "field-1 south_of hill-1"),
    ),
    Case(
        "an inn next to the road, a stable behind the inn and two horses in front of the stable",
        "village",
        (
            "tavern-1 next_to road-1",
            "barn-1 north_of tavern-1",
            "horse-1 next_to barn-1",
            "horse-2 next_to barn-1",
        ),
    ),
    Case(
        "houses connected by roads, a river crossing the village and a well in the southwest "
        "corner",
        "village",
        (
            "house-2 connected_to house-1 =road",
            "house-3 connected_to house-2 =road",
            "well-1 in_corner =southwest",
        ),
    ),
    Case(
        "a tiny room with a huge bed and a small chair next to the bed",
        "room",
        ("chair-1 next_to bed-1",),
        width=24,
        height=10,
    ),
    Case(
        "a huge village with twelve houses north of a road, six trees south of the road and a "
        "church in the middle",
        "village",
        (
            "house-1 north_of road-1",
            "house-12 north_of road-1",
            "tree-6 south_of road-1",
            "church-1 in_center",
        ),
        width=128,
        height=64,
    ),
    Case(
        "a cave with a dragon in the center of the hall, treasure next to the dragon and "
        "several bats",
        "cave",
        ("dragon-1 in_center room-1", "treasure-1 next_to dragon-1"),
        kinds={"bat": 4},
    ),
    Case(
        "a lake in the west, a mountain in the east and a road through the forest between them",
        "forest",
        ("lake-1 in_region =west", "mountain-1 in_region =east"),
        kinds={"road": 1, "tree": 50},
    ),
    Case(
        "a hamlet with a road through the woods, two cottages by the road and a wolf in the woods",
        "village",
        ("road-1 across forest-1", "house-1 near road-1", "wolf-1 inside forest-1"),
    ),
    Case(
        "a small fishing village on the coast",
        "coast",
        (),
        kinds={"house": 2, "sea": 1, "boat": 2},
    ),
)
