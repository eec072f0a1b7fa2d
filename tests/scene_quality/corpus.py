"""Prompts as users type them, each with what a reasonable user expects to see.

Written from the product spec (shared/docs/scene-generator.md) and the quality issue,
before running the generator on any of them. The checker (`checker.py`) measures each
expectation from coordinates. Kind names are natural singular English nouns: today's
canonical names where the vocabulary has the thing, otherwise the obvious noun; a tuple
lists names that are equally right when the canonical name is genuinely open.

Kind names assumed here that do not exist in today's committed vocabulary (for the
vocabulary owner to match; a name after "|" is an accepted alternative, existing today or
not; underscored names follow the schema's `^[a-z][a-z_]*$`):
  airlock, anvil, armor|armor_stand, bar|counter, bench, blackboard, bonfire|campfire,
  book, bowl, bus_stop|busstop|stop, cactus, camel, candle|lamp, captain_chair|chair, car,
  cauldron, chandelier|lamp, checkout|counter|shop_counter, computer, console,
  crate|cargo_crate|barrel, cupboard|wardrobe, forge|furnace|fireplace, fridge, frog,
  frozen_lake|lake, gate|door, grave|tombstone, market_stall|stall|shop, mill|windmill,
  moat|river, nightstand, oasis|pond|lake, office_desk|desk, office_chair|chair,
  pew|bench, pig, playground, pod|cryo_pod, pond|lake, reactor, robot, sack|barrel,
  scorpion|spider, screen|viewscreen, sheep, shelf|bookshelf, shuttle|spaceship, sink,
  sled, snake, stage, stool|chair, stove|oven|fireplace, streetlight|lamppost|lamp,
  tapestry, troll, watchtower|tower, water_cooler|watercooler|cooler, workbench|desk.
Themes and grounds assumed (today: village, forest, dungeon, room, island, coast):
  tavern, inn, library, temple, church, chapel, castle, throneroom, hall, shop, smithy,
  kitchen, bedroom, office, study, desert, snow, snowfield, ice, swamp, beach, sand, dune,
  street, city, town, parking_lot, parkinglot, parking, spaceship, starship, station.
"""

from tests.scene_quality.checker import (
    Absent,
    Case,
    Count,
    Expectation,
    Ground,
    Interior,
    NoWarning,
    Place,
    Rel,
    Warns,
)

# Warnings a user should not see for a prompt made of plain, known words.
UNKNOWN = r"unknown|did you mean|not understood|unrecogni[sz]ed|don't know|do not know"
NOT_PLACED = r"not placed|could not|couldn't|no room|did not fit|does not fit|didn't fit|dropped"
CONTRA = (
    r"contradict|conflict|inconsistent|incompatible|impossible|cannot both|can't both"
    r"|mutually exclusive|\bboth\b.+\band\b"
)
CLEAN: tuple[Expectation, ...] = (NoWarning(UNKNOWN), NoWarning(NOT_PLACED))


def knows(*words: str) -> tuple[Expectation, ...]:
    """No warning mentions these words: they were understood as asked."""
    return tuple(NoWarning(rf"\b{w}") for w in words)


def n(kind: str | tuple[str, ...], exactly: int) -> Count:
    return Count(kind, exactly=exactly)


def least(kind: str | tuple[str, ...], at_least: int) -> Count:
    return Count(kind, at_least=at_least)


WATER = ("sea", "lake", "river", "pond")
FIRE = ("fireplace", "campfire", "bonfire", "fire", "hearth", "stove", "forge", "furnace")
STALL = ("market_stall", "stall", "shop")
POND = ("pond", "lake", "frozen_lake")
BAR = ("bar", "counter")
STOOL = ("stool", "chair")
PEW = ("bench", "pew")
CANDLE = ("candle", "lamp")
DESK = ("desk", "office_desk")
OFFICE_CHAIR = ("chair", "office_chair")
SNOW = ("snow", "snowfield", "ice")
SHELF = ("bookshelf", "shelf")
COOLER = ("water_cooler", "watercooler", "cooler")
TAVERN_PLACE = Place(("tavern", "inn", "room"))
ROOM_PLACE = Place(("room", "bedroom"))
SPACE_PLACE = Place(("spaceship", "starship", "station", "spaceship_bridge", "space_station"))
STREET_PLACE = Place(("street", "city", "town"))


CORPUS: tuple[Case, ...] = (
    # --- basics: the spec's own examples and plain everyday prompts ---------------------
    Case(
        "basics-spec-village",
        "a village with three houses north of a river, a well in the center and a forest to "
        "the east",
        "basics",
        (
            Place("village"),
            n("house", 3),
            n("well", 1),
            n("forest", 1),
            least("river", 1),
            Rel("house", "north_of", "river"),
            Rel("well", "in_center"),
            Rel("forest", "in_region", argument="east"),
            *CLEAN,
        ),
    ),
    Case(
        "basics-spec-dungeon",
        "a dungeon with five rooms connected by corridors, a chest inside the last room and "
        "two skeletons near the stairs",
        "basics",
        (
            Place("dungeon"),
            n("room", 5),
            least("corridor", 1),
            n("chest", 1),
            n("skeleton", 2),
            n("stairs", 1),
            Rel("room", "connected", "corridor"),
            Rel("chest", "inside", "room"),
            Rel("skeleton", "near", "stairs"),
        ),
    ),
    Case(
        "basics-spec-bedroom",
        "a small bedroom: a bed against the north wall, a desk next to the window, a rug in "
        "the middle",
        "basics",
        (
            ROOM_PLACE,
            n("bed", 1),
            n("desk", 1),
            n("rug", 1),
            least("window", 1),
            Rel("bed", "against_wall", argument="north"),
            Rel("desk", "next_to", "window"),
            Rel("rug", "in_center"),
        ),
    ),
    Case(
        "basics-spec-island",
        "an island surrounded by water with a lighthouse on the northern tip and two palm trees",
        "basics",
        (
            Place("island"),
            n("island", 1),
            n("lighthouse", 1),
            n("palm", 2),
            Rel("island", "in_center"),
            Rel("lighthouse", "in_region", "island", argument="north"),
            Rel("palm", "inside", "island"),
        ),
    ),
    Case(
        "basics-clearing-camp",
        "a forest clearing with a campfire and two tents",
        "basics",
        (
            n("clearing", 1),
            n("campfire", 1),
            n("tent", 2),
            Rel("campfire", "inside", "clearing"),
            Rel("tent", "inside", "clearing"),
            *CLEAN,
        ),
    ),
    Case(
        "basics-coastal-village",
        "A coastal village with a lighthouse and three boats",
        "basics",
        (
            Place(("coast", "village")),
            n("lighthouse", 1),
            n("boat", 3),
            Rel("boat", "on", WATER),
        ),
    ),
    Case(
        "basics-three-rooms",
        "a dungeon with three rooms connected by corridors",
        "basics",
        (
            Place("dungeon"),
            n("room", 3),
            least("corridor", 1),
            Rel("room", "connected", "corridor"),
            *CLEAN,
        ),
    ),
    Case(
        "basics-castle-hill-road",
        "a castle on a hill with a road leading to it",
        "basics",
        (
            n("castle", 1),
            n("hill", 1),
            least("road", 1),
            Rel("castle", "on", "hill"),
            Rel("road", "next_to", "castle", quantifier="any"),
        ),
    ),
    Case(
        "basics-church-tavern",
        "a village with a church in the center and a tavern to the east of it",
        "basics",
        (
            Place("village"),
            n("church", 1),
            n("tavern", 1),
            Rel("church", "in_center"),
            Rel("tavern", "east_of", "church"),
            *CLEAN,
        ),
    ),
    Case(
        "basics-bedroom-three",
        "a bedroom with a bed, a desk and a chair",
        "basics",
        (ROOM_PLACE, n("bed", 1), n("desk", 1), n("chair", 1), *CLEAN),
    ),
    Case(
        "basics-farm",
        "a farm with a barn, a wheat field and four cows",
        "basics",
        (n("barn", 1), n("field", 1), n("cow", 4)),
    ),
    Case(
        "basics-fishing-village",
        "a fishing village on the coast with a pier and three boats",
        "basics",
        (
            Place(("coast", "village")),
            n("pier", 1),
            n("boat", 3),
            Rel("pier", "joined"),
            Rel("boat", "on", WATER),
        ),
    ),
    Case(
        "basics-windmill-barn",
        "a windmill west of a barn",
        "basics",
        (n("windmill", 1), n("barn", 1), Rel("windmill", "west_of", "barn"), *CLEAN),
    ),
    Case(
        "basics-graveyard-church",
        "a graveyard next to a church with a yew tree",
        "basics",
        (
            n("graveyard", 1),
            n("church", 1),
            n("tree", 1),
            Rel("graveyard", "next_to", "church"),
        ),
    ),
    Case(
        "basics-lake-island",
        "a lake with a small island in the middle and a boat",
        "basics",
        (
            n("lake", 1),
            n("island", 1),
            n("boat", 1),
            Rel("island", "inside", "lake"),
            Rel("island", "in_center", "lake"),
            Rel("boat", "on", "lake"),
        ),
    ),
    Case(
        "basics-walled-town",
        "a walled town with a gate, a market square and five houses",
        "basics",
        (
            Place(("village", "town")),
            least("wall", 1),
            least(("door", "gate"), 1),
            n("market", 1),
            n("house", 5),
            Rel(("door", "gate"), "next_to", "wall"),
        ),
    ),
    Case(
        "basics-forest-bear",
        "a dense forest with a cave, a bear and a river",
        "basics",
        (Place("forest"), n("cave", 1), n("bear", 1), least("river", 1), *CLEAN),
    ),
    # --- reading: noun phrases, compounds, possessives, references -------------------
    Case(
        "reading-field-of-wheat",
        "a farm with a field of wheat and a barn",
        "reading",
        (n("field", 1), n("barn", 1)),
    ),
    Case(
        "reading-hoard-of-gold",
        "a dragon sleeping on a hoard of gold in a cave",
        "reading",
        (
            Place(("dungeon", "cave")),
            n("dragon", 1),
            n("treasure", 1),
            Rel("dragon", "on", "treasure"),
        ),
    ),
    Case(
        "reading-water-cooler",
        "an office with a water cooler in the corner",
        "reading",
        (
            Place(("office", "room")),
            n(COOLER, 1),
            Absent("sea"),
            Absent("lake"),
            Absent("well"),
            Rel(COOLER, "in_corner"),
        ),
    ),
    Case(
        "reading-market-stalls",
        "a market square with three market stalls and a fountain",
        "reading",
        (n("market", 1), n(STALL, 3), n("fountain", 1), Rel(STALL, "near", "market")),
    ),
    Case(
        "reading-millers-cottage",
        "the miller's cottage next to the windmill",
        "reading",
        (n("house", 1), n("windmill", 1), Absent("person"), Rel("house", "next_to", "windmill")),
    ),
    Case(
        "reading-it",
        "a house with a well next to it",
        "reading",
        (n("house", 1), n("well", 1), Rel("well", "next_to", "house")),
    ),
    Case(
        "reading-them",
        "two chests in a dungeon with a skeleton beside them",
        "reading",
        (n("chest", 2), n("skeleton", 1), Rel("skeleton", "next_to", "chest")),
    ),
    Case(
        "reading-the-graveyard",
        "a church with a graveyard beside it and a garden next to the graveyard",
        "reading",
        (
            n("church", 1),
            n("graveyard", 1),
            n("garden", 1),
            Rel("graveyard", "next_to", "church"),
            Rel("garden", "next_to", "graveyard"),
        ),
    ),
    Case(
        "reading-lake-island-boat",
        "a lake with an island in it and a boat on the lake",
        "reading",
        (
            n("lake", 1),
            n("island", 1),
            n("boat", 1),
            Rel("island", "inside", "lake"),
            Rel("boat", "on", "lake"),
        ),
    ),
    Case(
        "reading-bed-of-roses",
        "a cottage garden with a bed of roses",
        "reading",
        (Absent("bed"), least("garden", 1)),
    ),
    Case(
        "reading-pack-of-wolves",
        "a pack of wolves in a dark forest",
        "reading",
        (Place("forest"), least("wolf", 3)),
    ),
    Case(
        "reading-barrel-of-ale",
        "a cellar with a barrel of ale and a sack of flour",
        "reading",
        (n(("barrel", "sack"), 2),),
    ),
    Case(
        "reading-kings-castle",
        "a knight guarding the king's castle",
        "reading",
        (n("guard", 1), n("castle", 1), Absent("person"), Rel("guard", "near", "castle")),
    ),
    Case(
        "reading-each-with",
        "three houses, each with a garden",
        "reading",
        (n("house", 3), n("garden", 3), Rel("garden", "next_to", "house")),
    ),
    Case(
        "reading-the-tree",
        "a well and a tree. The tree is north of the well.",
        "reading",
        (n("well", 1), n("tree", 1), Rel("tree", "north_of", "well")),
    ),
    Case(
        "reading-boats-them",
        "two boats on the lake and a pier for them",
        "reading",
        (
            n("boat", 2),
            n("pier", 1),
            n("lake", 1),
            Rel("boat", "on", "lake"),
            Rel("pier", "joined"),
        ),
    ),
    Case(
        "reading-suit-of-armor",
        "a suit of armor in the castle hall",
        "reading",
        (n(("armor", "armor_stand"), 1),),
    ),
    Case(
        "reading-bowl-of-fruit",
        "a kitchen with a bowl of fruit on the table",
        "reading",
        (n("bowl", 1), n("table", 1), Absent("tree"), Rel("bowl", "on", "table")),
    ),
    Case(
        "reading-stack-of-books",
        "a study with a stack of books on the desk",
        "reading",
        (n("book", 1), n("desk", 1), Rel("book", "on", "desk")),
    ),
    Case(
        "reading-its-treasure",
        "a cave with a dragon; the dragon guards its treasure",
        "reading",
        (n("dragon", 1), n("treasure", 1), Rel("dragon", "near", "treasure")),
    ),
    Case(
        "reading-mill-by-it",
        "a river and a mill by it",
        "reading",
        (least("river", 1), n(("windmill", "mill"), 1), Rel(("windmill", "mill"), "near", "river")),
    ),
    Case(
        "reading-round-table",
        "a kitchen with a round table and a cat",
        "reading",
        (n("table", 1), n("cat", 1), *knows("round")),
    ),
    # --- counts -------------------------------------------------------------------
    Case("counts-digit", "a village with 3 houses", "counts", (n("house", 3),)),
    Case(
        "counts-words",
        "seven trees and two wells in a village",
        "counts",
        (n("tree", 7), n("well", 2)),
    ),
    Case("counts-dozen", "a cellar with a dozen barrels", "counts", (n("barrel", 12),)),
    Case(
        "counts-pair",
        "a castle gate with a pair of guards",
        "counts",
        (n("guard", 2),),
    ),
    Case(
        "counts-couple",
        "a couple of boats by the pier",
        "counts",
        (n("boat", 2), n("pier", 1), Rel("boat", "near", "pier")),
    ),
    Case("counts-twenty", "a pasture with twenty cows", "counts", (n("cow", 20),)),
    Case(
        "counts-a-few",
        "a few tents around a campfire",
        "counts",
        (Count("tent", at_least=2, at_most=5), n("campfire", 1)),
    ),
    Case(
        "counts-several",
        "several chests in a dungeon room",
        "counts",
        (Count("chest", at_least=3, at_most=6), Rel("chest", "inside", "room")),
    ),
    Case(
        "counts-negative",
        "a village with -5 houses",
        "counts",
        (Warns(r"-5|negative"),),
    ),
    Case(
        "counts-fraction",
        "a village with 3.5 wells",
        "counts",
        (Warns(r"3\.5"), Count("well", at_most=4)),
    ),
    Case(
        "counts-hundred",
        "a forest with a hundred trees",
        "counts",
        (Place("forest"), least("tree", 100)),
    ),
    Case(
        "counts-list",
        "one house, two barns, three wells and four carts",
        "counts",
        (n("house", 1), n("barn", 2), n("well", 3), n("cart", 4)),
    ),
    Case(
        "counts-capped",
        "a village with 999 houses",
        "counts",
        (
            Count("house", at_least=1, at_most=200),
            Warns(r"999|cap|limit|too many|at most"),
            Warns(r"house", at_most=2),
        ),
    ),
    Case(
        "counts-zero",
        "a dungeon with zero dragons and two goblins",
        "counts",
        (Absent("dragon"), n("goblin", 2)),
    ),
    Case("counts-two-dozen", "two dozen candles in a chapel", "counts", (n(CANDLE, 24),)),
    Case("counts-half-dozen", "half a dozen goblins in a cave", "counts", (n("goblin", 6),)),
    Case(
        "counts-eleven-rooms",
        "a dungeon with eleven rooms connected by corridors",
        "counts",
        (n("room", 11), Rel("room", "connected", "corridor")),
        width=64,
        height=32,
    ),
    Case(
        "counts-goblins-troll",
        "5 goblins and 1 troll guarding a bridge",
        "counts",
        (n("goblin", 5), n("troll", 1), n("bridge", 1)),
    ),
    Case(
        "counts-single",
        "a single tower on a hill",
        "counts",
        (n("tower", 1), n("hill", 1), Rel("tower", "on", "hill")),
    ),
    Case(
        "counts-graves",
        "fifteen graves in a graveyard",
        "counts",
        (n(("grave", "tombstone"), 15), Count("graveyard", at_most=1)),
    ),
    # --- honesty: unknown words, what was not placed, prompts with nothing known -------
    Case(
        "honesty-unknown",
        "a village with a flurbnog",
        "honesty",
        (Place("village"), Warns("flurbnog"), least("*", 1)),
    ),
    Case(
        "honesty-nothing-known",
        "zxqv blorp",
        "honesty",
        (Warns(r"zxqv|blorp"), least("*", 1)),
    ),
    Case(
        "honesty-unicorn",
        "a forest with a unicorn and two deer",
        "honesty",
        (Warns("unicorn"), n("deer", 2)),
    ),
    Case(
        "honesty-did-you-mean",
        "a village with a houzze",
        "honesty",
        (Warns(r"houzze.*(house|horse)"),),
    ),
    Case(
        "honesty-real-word-drawn",
        "a village with a hose",
        "honesty",
        (n("hose", 1), Warns(r"'hose'"), NoWarning(r"house|horse")),
    ),
    Case(
        "honesty-fifty-beds",
        "a tiny room with fifty beds",
        "honesty",
        (least("bed", 1), Warns(r"\d+.*\bbed|\bbed.*\d+"), Warns(r"\bbed", at_most=2)),
        width=24,
        height=12,
    ),
    Case(
        "honesty-forty-castles",
        "a village with forty castles",
        "honesty",
        (
            least("castle", 1),
            Warns(r"\d+.*castle|castle.*\d+"),
            Warns(r"castle", at_most=1),
        ),
    ),
    Case(
        "honesty-house-in-well",
        "a house inside a well",
        "honesty",
        (
            n("house", 1),
            n("well", 1),
            Warns(r"inside|fit|too (big|small|large)|cannot|could not|can't|not placed"),
        ),
    ),
    Case(
        "honesty-keyboard-mash",
        "a bedroom with a bed, a qwertyuiop and a lamp",
        "honesty",
        (Warns("qwertyuiop"), n("bed", 1), n("lamp", 1)),
    ),
    Case(
        "honesty-plumbus",
        "a village with three houses and a plumbus",
        "honesty",
        (Warns("plumbus"), n("house", 3)),
    ),
    Case(
        "honesty-glorbinator",
        "a shop with a glorbinator next to the counter",
        "honesty",
        (Warns("glorbinator"), least("counter", 1)),
    ),
    Case(
        "honesty-300-skeletons",
        "a dungeon with 300 skeletons",
        "honesty",
        (Count("skeleton", at_least=1, at_most=200), Warns(r"300|200|cap|limit|too many")),
        width=24,
        height=12,
    ),
    Case(
        "honesty-punctuation",
        "???",
        "honesty",
        (least("*", 1), Warns(r".")),
    ),
    Case(
        "honesty-gingerbread",
        "a village where every house is made of gingerbread",
        "honesty",
        (Place("village"), Warns("gingerbread"), least("house", 1)),
    ),
    # --- negation --------------------------------------------------------------------
    Case(
        "negation-meadow-no-trees",
        "a meadow with no trees and a pond",
        "negation",
        (Absent("tree"), n(POND, 1)),
    ),
    Case(
        "negation-without-wolves",
        "a forest without wolves, with two deer and a cabin",
        "negation",
        (Absent("wolf"), n("deer", 2), n("house", 1)),
    ),
    Case(
        "negation-no-well-default",
        "a village without a well",
        "negation",
        (Place("village"), Absent("well"), least("*", 1)),
    ),
    Case(
        "negation-no-skeletons",
        "a dungeon with no skeletons",
        "negation",
        (Place("dungeon"), Absent("skeleton"), least("room", 1)),
    ),
    Case("negation-no-rug", "a bedroom without a rug", "negation", (ROOM_PLACE, Absent("rug"))),
    Case(
        "negation-no-palms",
        "an island with no palm trees",
        "negation",
        (Place("island"), Absent("palm"), n("island", 1)),
    ),
    Case(
        "negation-boats-no-ships",
        "a coast with boats but no ships",
        "negation",
        (Absent("ship"), least("boat", 2)),
    ),
    Case(
        "negation-list",
        "three houses, no trees and no people",
        "negation",
        (n("house", 3), Absent("tree"), Absent("person")),
    ),
    Case(
        "negation-no-ghosts",
        "a graveyard at night with no ghosts",
        "negation",
        (Absent("ghost"), least("graveyard", 1)),
    ),
    Case(
        "negation-but-no-sheep",
        "a farm with cows, horses and pigs but no sheep",
        "negation",
        (least("cow", 2), least("horse", 2), least("pig", 2), Absent("sheep")),
    ),
    Case(
        "negation-no-windows",
        "a library with no windows",
        "negation",
        (Absent("window"), least(SHELF, 2)),
    ),
    Case(
        "negation-except-north",
        "a village with houses everywhere except in the north",
        "negation",
        (least("house", 2), Rel("house", "in_region", argument="north", quantifier="none")),
    ),
    Case(
        "negation-except-last-room",
        "a dungeon with five rooms, all empty except the last, which holds a chest",
        "negation",
        (
            n("room", 5),
            n("chest", 1),
            Rel("chest", "inside", "room"),
            Absent(("skeleton", "zombie", "goblin", "barrel", "trap", "treasure", "spider", "rat")),
        ),
    ),
    Case(
        "negation-no-fireplace",
        "the inside of a tavern, without a fireplace",
        "negation",
        (Absent("fireplace"), least("table", 1)),
    ),
    Case(
        "negation-no-campfire",
        "a campsite with tents but without a campfire",
        "negation",
        (Absent(("campfire", "bonfire")), least("tent", 2)),
    ),
    # --- interiors: the map is the inside of one room ---------------------------------
    Case(
        "interiors-tavern",
        "the inside of a tavern",
        "interiors",
        (
            TAVERN_PLACE,
            Interior(("tavern", "inn", "house")),
            least(BAR, 1),
            least("table", 2),
            least(("chair", "stool", "bench"), 2),
        ),
    ),
    Case(
        "interiors-tavern-bar-north",
        "inside a tavern: a bar along the north wall, five tables and a fireplace",
        "interiors",
        (
            TAVERN_PLACE,
            Interior(("tavern", "inn", "house")),
            n(BAR, 1),
            n("table", 5),
            n("fireplace", 1),
            Rel(BAR, "against_wall", argument="north"),
            Rel("fireplace", "against_wall"),
        ),
    ),
    Case(
        "interiors-library",
        "a library with tall bookshelves lining the walls, two reading tables and a lamp",
        "interiors",
        (
            Place(("library", "room")),
            Interior(("library", "house")),
            least(SHELF, 3),
            n("table", 2),
            n("lamp", 1),
            Rel(SHELF, "against_wall"),
        ),
    ),
    Case(
        "interiors-temple",
        "a temple interior with an altar at the north end, rows of benches and two statues",
        "interiors",
        (
            Place(("temple", "church", "chapel", "room")),
            Interior(("temple", "church")),
            n("altar", 1),
            least(PEW, 4),
            n("statue", 2),
            Rel("altar", "in_region", argument="north"),
            Rel(PEW, "in_rows"),
        ),
    ),
    Case(
        "interiors-chapel",
        "a small chapel with pews and an altar",
        "interiors",
        (
            Place(("chapel", "church", "temple", "room")),
            Interior(("chapel", "church", "temple")),
            least(PEW, 2),
            n("altar", 1),
        ),
    ),
    Case(
        "interiors-throne-room",
        "the throne room of a castle: a throne against the north wall, pillars along both "
        "sides and a long red carpet",
        "interiors",
        (
            Place(("throneroom", "throne_room", "castle", "hall", "room")),
            Interior(("castle",)),
            n("throne", 1),
            least("pillar", 4),
            n("rug", 1),
            Rel("throne", "against_wall", argument="north"),
            Rel("pillar", "both_sides", "rug"),
        ),
    ),
    Case(
        "interiors-shop",
        "a shop interior with a counter, shelves along the walls and a barrel",
        "interiors",
        (
            Place(("shop", "room")),
            Interior(("shop", "stall")),
            least("counter", 1),
            least(SHELF, 2),
            n("barrel", 1),
            Rel(SHELF, "against_wall"),
        ),
    ),
    Case(
        "interiors-smithy",
        "inside a smithy: an anvil next to the forge, a barrel of water and a workbench",
        "interiors",
        (
            Place(("smithy", "room")),
            Interior(("smithy",)),
            n("anvil", 1),
            n(("forge", "furnace", "fireplace"), 1),
            n("barrel", 1),
            n(("workbench", "desk"), 1),
            Absent(("sea", "lake", "river")),
            Rel("anvil", "next_to", ("forge", "furnace", "fireplace")),
        ),
    ),
    Case(
        "interiors-castle-kitchen",
        "a castle kitchen with a large table, a cauldron over the fire, barrels and a cupboard",
        "interiors",
        (
            Place(("kitchen", "room", "castle")),
            Interior(("castle",)),
            n("table", 1),
            n("cauldron", 1),
            least("barrel", 2),
            n(("cupboard", "wardrobe"), 1),
            Rel("cauldron", "next_to", FIRE),
        ),
    ),
    Case(
        "interiors-cozy-bedroom",
        "a cozy bedroom with a bed in the northeast corner, a wardrobe against the west wall "
        "and a rug in the middle",
        "interiors",
        (
            ROOM_PLACE,
            n("bed", 1),
            n("wardrobe", 1),
            n("rug", 1),
            Rel("bed", "in_corner", argument="northeast"),
            Rel("wardrobe", "against_wall", argument="west"),
            Rel("rug", "in_center"),
        ),
    ),
    Case(
        "interiors-office-desk-door",
        "an office with a desk facing the door, a bookshelf and a plant",
        "interiors",
        (
            Place(("office", "room")),
            n(DESK, 1),
            least("door", 1),
            n("bookshelf", 1),
            n("plant", 1),
            Rel(DESK, "facing", "door"),
        ),
    ),
    Case(
        "interiors-lone-dungeon-room",
        "a lone dungeon room with two doors and a chest",
        "interiors",
        (
            Place(("dungeon", "room")),
            Interior(("room",)),
            Count("room", at_most=1),
            n("door", 2),
            n("chest", 1),
            Rel("door", "against_wall"),
        ),
    ),
    Case(
        "interiors-crypt",
        "a crypt: one room with a sarcophagus in the center and torches on the walls",
        "interiors",
        (
            Place(("dungeon", "room")),
            Interior(("room",)),
            Count("room", at_most=1),
            n("coffin", 1),
            least("torch", 2),
            Rel("coffin", "in_center"),
            Rel("torch", "against_wall"),
        ),
    ),
    Case(
        "interiors-trap-chamber",
        "a single dungeon chamber with a trap in front of the door and a skeleton on the trap",
        "interiors",
        (
            Interior(("room",)),
            n("trap", 1),
            least("door", 1),
            n("skeleton", 1),
            Rel("skeleton", "on", "trap"),
            Rel("trap", "near", "door"),
        ),
    ),
    Case(
        "interiors-church",
        "the inside of a church",
        "interiors",
        (
            Place(("church", "temple", "chapel", "room")),
            Interior(("church", "temple", "chapel")),
            least("altar", 1),
            least(PEW, 2),
        ),
    ),
    Case(
        "interiors-tavern-stage",
        "a tavern's common room with a stage in the corner and a bar",
        "interiors",
        (
            TAVERN_PLACE,
            Interior(("tavern", "inn", "house")),
            n("stage", 1),
            n(BAR, 1),
            Rel("stage", "in_corner"),
        ),
    ),
    Case(
        "interiors-wizard-study",
        "a wizard's study: a desk, a bookshelf, a cauldron and a cat",
        "interiors",
        (
            Place(("room", "study", "library")),
            n("desk", 1),
            n("bookshelf", 1),
            n("cauldron", 1),
            n("cat", 1),
        ),
    ),
    Case(
        "interiors-throne-guards",
        "a throne room with a throne at the north end and guards along the walls",
        "interiors",
        (
            n("throne", 1),
            least("guard", 2),
            Rel("throne", "in_region", argument="north"),
            Rel("guard", "against_wall"),
        ),
    ),
    Case(
        "interiors-bedroom-in-house",
        "a bedroom in a house, with a bed and a chest",
        "interiors",
        (ROOM_PLACE, Interior(("house",)), n("bed", 1), n("chest", 1)),
    ),
    # --- patterns ----------------------------------------------------------------------
    # rows and grids
    Case(
        "patterns-rows-classroom",
        "a classroom with twelve desks in three rows and a blackboard on the north wall",
        "patterns",
        (
            n("desk", 12),
            n("blackboard", 1),
            Rel("desk", "in_rows", argument="3"),
            Rel("blackboard", "against_wall", argument="north"),
        ),
    ),
    Case(
        "patterns-grid-tents",
        "a military camp with nine tents in a grid",
        "patterns",
        (n("tent", 9), Rel("tent", "in_grid")),
    ),
    Case(
        "patterns-rows-orchard",
        "an orchard with fruit trees planted in rows",
        "patterns",
        (least("tree", 4), Rel("tree", "in_rows")),
    ),
    Case(
        "patterns-rows-stalls",
        "a market with two rows of market stalls",
        "patterns",
        (least(STALL, 4), Rel(STALL, "in_rows", argument="2")),
    ),
    # ring / around
    Case(
        "patterns-around-campfire",
        "six tents around a campfire",
        "patterns",
        (n("tent", 6), n("campfire", 1), Rel("tent", "around", "campfire")),
    ),
    Case(
        "patterns-ring-stones",
        "a ring of standing stones around an altar",
        "patterns",
        (least("rock", 5), n("altar", 1), Rel("rock", "around", "altar")),
    ),
    Case(
        "patterns-chairs-around-table",
        "a round table with eight chairs around it",
        "patterns",
        (
            n("table", 1),
            n("chair", 8),
            Rel("chair", "around", "table"),
            Rel("chair", "next_to", "table"),
        ),
    ),
    Case(
        "patterns-houses-around-square",
        "houses around the market square",
        "patterns",
        (least("house", 3), n("market", 1), Rel("house", "around", "market")),
    ),
    Case(
        "patterns-benches-around-oak",
        "a village green with a big oak in the middle and benches all around it",
        "patterns",
        (
            n("tree", 1),
            least("bench", 3),
            Rel("tree", "in_center"),
            Rel("bench", "around", "tree"),
        ),
    ),
    # at each corner
    Case(
        "patterns-corner-castle-towers",
        "a castle with a tower at each corner",
        "patterns",
        (n("castle", 1), n("tower", 4), Rel("tower", "each_corner", "castle")),
    ),
    Case(
        "patterns-corner-pillars",
        "a square room with a pillar in each corner",
        "patterns",
        (n("pillar", 4), Absent("market"), Rel("pillar", "each_corner")),
    ),
    Case(
        "patterns-corner-torches",
        "a dungeon room with a torch in each corner",
        "patterns",
        (n("torch", 4), least("room", 1), Rel("torch", "each_corner", "room")),
    ),
    Case(
        "patterns-corner-guards",
        "a market square with a guard at each corner",
        "patterns",
        (n("guard", 4), n("market", 1), Rel("guard", "each_corner", "market")),
    ),
    # both sides
    Case(
        "patterns-both-sides-street",
        "a street with shops on both sides",
        "patterns",
        (least("road", 1), least("shop", 2), Rel("shop", "both_sides", "road")),
    ),
    Case(
        "patterns-both-sides-river",
        "a river with houses on both sides",
        "patterns",
        (least("river", 1), least("house", 2), Rel("house", "both_sides", "river")),
    ),
    Case(
        "patterns-both-sides-road-trees",
        "a road lined with trees on both sides",
        "patterns",
        (
            least("road", 1),
            least("tree", 2),
            Rel("tree", "both_sides", "road"),
            Rel("tree", "along", "road"),
        ),
    ),
    Case(
        "patterns-both-sides-carpet",
        "a throne room with pillars on both sides of the carpet",
        "patterns",
        (least("pillar", 2), n("rug", 1), Rel("pillar", "both_sides", "rug")),
    ),
    # along and lining
    Case(
        "patterns-along-road-houses",
        "a road with a row of houses along it",
        "patterns",
        (least("road", 1), least("house", 3), Rel("house", "along", "road")),
    ),
    Case(
        "patterns-along-river-willows",
        "a village by a river with willows along its banks",
        "patterns",
        (least("river", 1), least("tree", 2), Rel("tree", "along", "river")),
    ),
    Case(
        "patterns-lining-every-wall",
        "a library with bookshelves lining every wall",
        "patterns",
        (
            least(SHELF, 4),
            Rel(SHELF, "against_wall"),
            Rel(SHELF, "against_wall", argument="north", quantifier="any"),
            Rel(SHELF, "against_wall", argument="south", quantifier="any"),
            Rel(SHELF, "against_wall", argument="east", quantifier="any"),
            Rel(SHELF, "against_wall", argument="west", quantifier="any"),
        ),
    ),
    Case(
        "patterns-along-wall-torches",
        "a castle wall with torches along it",
        "patterns",
        (least("wall", 1), least("torch", 2), Rel("torch", "along", "wall")),
    ),
    Case(
        "patterns-along-south-edge",
        "a farm with a fence along its southern edge",
        "patterns",
        (least("fence", 1), Rel("fence", "in_region", argument="south")),
    ),
    # facing, opposite, across from
    Case(
        "patterns-across-square",
        "a tavern across the square from the church",
        "patterns",
        (
            n("tavern", 1),
            n("church", 1),
            n("market", 1),
            Rel("tavern", "across_from", "market", argument="church"),
        ),
    ),
    Case(
        "patterns-facing-across-street",
        "two houses facing each other across the street",
        "patterns",
        (
            n("house", 2),
            least("road", 1),
            Rel("house", "both_sides", "road"),
            Rel("house", "facing", "house"),
        ),
    ),
    Case(
        "patterns-opposite-entrance",
        "a throne room with the throne opposite the entrance",
        "patterns",
        (n("throne", 1), least("door", 1), Rel("throne", "opposite", "door")),
    ),
    Case(
        "patterns-facing-fireplace",
        "a living room with a sofa facing the fireplace",
        "patterns",
        (n("sofa", 1), n("fireplace", 1), Rel("sofa", "facing", "fireplace")),
    ),
    Case(
        "patterns-across-street-bakery",
        "a bakery across the street from the inn",
        "patterns",
        (
            n(("bakery", "shop"), 1),
            n("tavern", 1),
            least("road", 1),
            Rel(("bakery", "shop"), "across_from", "road", argument="tavern"),
        ),
    ),
    # at the head of
    Case(
        "patterns-head-feast",
        "a feast hall with a long table, twelve chairs and a throne at the head of the table",
        "patterns",
        (
            n("table", 1),
            n("chair", 12),
            n("throne", 1),
            Rel("throne", "at_head_of", "table"),
            Rel("chair", "next_to", "table"),
        ),
    ),
    Case(
        "patterns-head-host",
        "a dining room with a long table and the host's chair at its head",
        "patterns",
        (n("table", 1), least("chair", 1), Rel("chair", "at_head_of", "table", quantifier="any")),
    ),
    Case(
        "patterns-head-council",
        "a council chamber with a long table, ten stools along its sides and a throne at its head",
        "patterns",
        (
            n("table", 1),
            n(STOOL, 10),
            n("throne", 1),
            Rel("throne", "at_head_of", "table"),
            Rel(STOOL, "next_to", "table"),
        ),
    ),
    # on
    Case(
        "patterns-on-boat-lake",
        "a boat on a lake",
        "patterns",
        (n("boat", 1), n("lake", 1), Rel("boat", "on", "lake")),
    ),
    Case(
        "patterns-on-skeleton-trap",
        "a dungeon room with a skeleton on a trap",
        "patterns",
        (n("skeleton", 1), n("trap", 1), Rel("skeleton", "on", "trap")),
    ),
    Case(
        "patterns-on-candle-cat",
        "a bedroom with a candle on the table and a cat on the bed",
        "patterns",
        (
            n(CANDLE, 1),
            n("table", 1),
            n("cat", 1),
            n("bed", 1),
            Rel(CANDLE, "on", "table"),
            Rel("cat", "on", "bed"),
        ),
    ),
    Case(
        "patterns-on-tower-hill",
        "a tower on a hill overlooking a village",
        "patterns",
        (n("tower", 1), n("hill", 1), Rel("tower", "on", "hill")),
    ),
    # between
    Case(
        "patterns-between-well",
        "a well between the church and the tavern",
        "patterns",
        (
            n("well", 1),
            n("church", 1),
            n("tavern", 1),
            Rel("well", "between", "church", argument="tavern"),
        ),
    ),
    Case(
        "patterns-between-trees",
        "a park with a bench between two trees",
        "patterns",
        (n("bench", 1), n("tree", 2), Rel("bench", "between", "tree", argument="tree")),
    ),
    Case(
        "patterns-between-pillars",
        "a temple with an altar between two pillars",
        "patterns",
        (n("altar", 1), n("pillar", 2), Rel("altar", "between", "pillar", argument="pillar")),
    ),
    Case(
        "patterns-between-bed-wardrobe",
        "a bedroom with a nightstand between the bed and the wardrobe",
        "patterns",
        (
            n("nightstand", 1),
            n("bed", 1),
            n("wardrobe", 1),
            Rel("nightstand", "between", "bed", argument="wardrobe"),
        ),
    ),
    # surrounded by
    Case(
        "patterns-surrounded-pond",
        "a pond surrounded by trees",
        "patterns",
        (n(POND, 1), least("tree", 3), Rel("tree", "around", POND, quantifier="any")),
    ),
    Case(
        "patterns-surrounded-moat",
        "a castle surrounded by a moat",
        "patterns",
        (n("castle", 1), least(("river", "moat"), 1), Rel(("river", "moat"), "around", "castle")),
    ),
    Case(
        "patterns-surrounded-tents",
        "a campfire surrounded by tents",
        "patterns",
        (n("campfire", 1), least("tent", 3), Rel("tent", "around", "campfire")),
    ),
    Case(
        "patterns-surrounded-flowers",
        "a garden with a statue surrounded by flowers",
        "patterns",
        (n("statue", 1), least("flower", 3), Rel("flower", "around", "statue")),
    ),
    # roads from A to B, bridges over water, crossroads, networks
    Case(
        "patterns-road-castle-church-bridge",
        "a road from the castle to the church with a bridge where it crosses the river",
        "patterns",
        (
            n("castle", 1),
            n("church", 1),
            least("river", 1),
            least("bridge", 1),
            Rel("castle", "connected", "road", argument="church"),
            Rel("bridge", "on", "river"),
            Rel("road", "bridged", "river"),
        ),
    ),
    Case(
        "patterns-road-mill-barn-stream",
        "a road from the mill to the barn, crossing a stream",
        "patterns",
        (
            least("river", 1),
            least("bridge", 1),
            Rel(("windmill", "mill"), "connected", "road", argument="barn"),
            Rel("road", "bridged", "river"),
        ),
    ),
    Case(
        "patterns-road-west-east",
        "a road from the tavern in the west to the church in the east, with a bridge over the "
        "river between them",
        "patterns",
        (
            n("tavern", 1),
            n("church", 1),
            least("bridge", 1),
            Rel("tavern", "in_region", argument="west"),
            Rel("church", "in_region", argument="east"),
            Rel("tavern", "connected", "road", argument="church"),
            Rel("bridge", "on", "river"),
            Rel("road", "bridged", "river"),
        ),
    ),
    Case(
        "patterns-crossroads",
        "a crossroads with an inn on one corner",
        "patterns",
        (
            n("tavern", 1),
            Rel("road", "crosses", argument="north-south", quantifier="any"),
            Rel("road", "crosses", argument="east-west", quantifier="any"),
            Rel("tavern", "next_to", "road"),
        ),
    ),
    Case(
        "patterns-road-network",
        "a town with five houses and a church, all linked by roads",
        "patterns",
        (n("house", 5), n("church", 1), Rel("house", "connected", "road", argument="church")),
    ),
    # piers joined to the shore
    Case(
        "patterns-pier-harbour",
        "a harbour with two piers and a ship moored at one of them",
        "patterns",
        (n("pier", 2), n("ship", 1), Rel("pier", "joined"), Rel("ship", "next_to", "pier")),
    ),
    Case(
        "patterns-pier-lake",
        "a lake with a wooden pier joined to the shore",
        "patterns",
        (n("pier", 1), n("lake", 1), Rel("pier", "joined"), Rel("pier", "on", "lake")),
    ),
    Case(
        "patterns-piers-beach",
        "a fishing village with three piers along the beach",
        "patterns",
        (n("pier", 3), least("beach", 1), Rel("pier", "joined"), Rel("pier", "along", "beach")),
    ),
    # rivers running the way asked
    Case(
        "patterns-river-north-south",
        "a river running from north to south through a forest",
        "patterns",
        (least("river", 1), Rel("river", "crosses", argument="north-south")),
    ),
    Case(
        "patterns-river-west-east",
        "a village with a river flowing west to east",
        "patterns",
        (Place("village"), least("river", 1), Rel("river", "crosses", argument="west-east")),
    ),
    Case(
        "patterns-stream-east-west",
        "a stream running east to west across the meadow",
        "patterns",
        (least("river", 1), Rel("river", "crosses", argument="east-west")),
    ),
    Case(
        "patterns-river-south-edge",
        "a village with a river along its southern edge",
        "patterns",
        (least("river", 1), Rel("river", "in_region", argument="south")),
    ),
    # --- vocabulary: everyday words --------------------------------------------------
    Case(
        "vocabulary-bar-stools-stage",
        "a tavern with a bar, four stools and a stage",
        "vocabulary",
        (n(BAR, 1), n(STOOL, 4), n("stage", 1), *knows("bar", "stool", "stage")),
    ),
    Case(
        "vocabulary-benches-pond",
        "a park with two benches and a pond",
        "vocabulary",
        (n("bench", 2), n(POND, 1), *knows("bench", "pond")),
    ),
    Case(
        "vocabulary-anvil",
        "a smithy with an anvil outside",
        "vocabulary",
        (n("smithy", 1), n("anvil", 1), Rel("anvil", "near", "smithy"), *knows("anvil")),
    ),
    Case(
        "vocabulary-cauldron",
        "a witch's hut with a bubbling cauldron outside",
        "vocabulary",
        (n("house", 1), n("cauldron", 1), Rel("cauldron", "near", "house"), *knows("cauldron")),
    ),
    Case(
        "vocabulary-chandelier-tapestry",
        "a great hall with a chandelier, two tapestries and a long table",
        "vocabulary",
        (
            n(("chandelier", "lamp"), 1),
            n("tapestry", 2),
            n("table", 1),
            *knows("chandelier", "tapestr"),
        ),
    ),
    Case(
        "vocabulary-blackboard-stools",
        "a schoolroom with a blackboard and ten stools",
        "vocabulary",
        (n("blackboard", 1), n(STOOL, 10), *knows("blackboard", "stool")),
    ),
    Case(
        "vocabulary-cupboard-kitchen",
        "a kitchen with a cupboard, a stove and a sink",
        "vocabulary",
        (
            n(("cupboard", "wardrobe"), 1),
            n(("stove", "oven", "fireplace"), 1),
            n("sink", 1),
            *knows("cupboard", "stove", "sink"),
        ),
    ),
    Case(
        "vocabulary-bonfire",
        "a beach with a bonfire",
        "vocabulary",
        (n(("bonfire", "campfire"), 1), Ground(("beach", "coast", "sand")), *knows("bonfire")),
    ),
    Case(
        "vocabulary-watchtower",
        "a watchtower on a hill",
        "vocabulary",
        (
            n(("watchtower", "tower"), 1),
            n("hill", 1),
            Rel(("watchtower", "tower"), "on", "hill"),
            *knows("watchtower"),
        ),
    ),
    Case(
        "vocabulary-camels",
        "a camel caravan in the desert: three camels and a tent",
        "vocabulary",
        (n("camel", 3), n("tent", 1), Ground("desert"), *knows("camel", "desert")),
    ),
    Case(
        "vocabulary-frogs",
        "a pond with frogs",
        "vocabulary",
        (least("frog", 2), n(POND, 1), *knows("frog")),
    ),
    Case(
        "vocabulary-snow",
        "a village in the snow with a frozen pond",
        "vocabulary",
        (Ground(SNOW), n(POND, 1), least("*", 2), *knows("snow")),
    ),
    Case(
        "vocabulary-market-stall",
        "a market with a single market stall and a cart",
        "vocabulary",
        (n("market", 1), n(STALL, 1), n("cart", 1), *knows("stall")),
    ),
    Case(
        "vocabulary-stage-piano",
        "a concert hall with a stage, a piano on the stage and a chandelier",
        "vocabulary",
        (
            n("stage", 1),
            n("piano", 1),
            n(("chandelier", "lamp"), 1),
            Rel("piano", "on", "stage"),
            *knows("stage", "chandelier"),
        ),
    ),
    Case(
        "vocabulary-bench-by-fire",
        "a tavern with a bar counter and a bench by the fire",
        "vocabulary",
        (n(BAR, 1), n("bench", 1), Rel("bench", "near", FIRE), *knows("bench")),
    ),
    Case(
        "vocabulary-courtyard-watchtower",
        "a castle courtyard with a watchtower and a well",
        "vocabulary",
        (n(("watchtower", "tower"), 1), n("well", 1), *knows("watchtower")),
    ),
    Case(
        "vocabulary-sheep-dog",
        "sheep and a sheepdog on the hills",
        "vocabulary",
        (least("sheep", 2), n("dog", 1), least("hill", 1)),
    ),
    Case(
        "vocabulary-tapestry-wall",
        "a bedroom with a cupboard, a stool and a tapestry on the wall",
        "vocabulary",
        (
            n(("cupboard", "wardrobe"), 1),
            n(STOOL, 1),
            n("tapestry", 1),
            Rel("tapestry", "against_wall"),
            *knows("cupboard", "stool", "tapestry"),
        ),
    ),
    # --- grounds -----------------------------------------------------------------------
    Case(
        "grounds-desert-oasis",
        "a desert with three cacti, a camel and an oasis",
        "grounds",
        (
            Ground("desert"),
            n("cactus", 3),
            n("camel", 1),
            n(("oasis", "pond", "lake"), 1),
            *knows("cact", "camel", "oasis"),
        ),
    ),
    Case(
        "grounds-snowy-mountain-village",
        "a snowy mountain village with four cabins",
        "grounds",
        (Ground(SNOW), n("house", 4), least("mountain", 1)),
    ),
    Case(
        "grounds-swamp-hut-frogs",
        "a swamp with a witch's hut and frogs",
        "grounds",
        (Ground("swamp"), n("house", 1), least("frog", 2)),
    ),
    Case(
        "grounds-sandy-beach",
        "a sandy beach with two palm trees and a crab",
        "grounds",
        (Ground(("beach", "coast", "sand")), n("palm", 2), n("crab", 1), *CLEAN),
    ),
    Case(
        "grounds-rolling-hills",
        "rolling hills with a shepherd's hut",
        "grounds",
        (least("hill", 2), n("house", 1)),
    ),
    Case(
        "grounds-mountain-pass",
        "a mountain pass with a watchtower",
        "grounds",
        (least("mountain", 1), n(("watchtower", "tower"), 1)),
    ),
    Case(
        "grounds-desert-ruins",
        "desert ruins with a well and two scorpions",
        "grounds",
        (Ground("desert"), n("well", 1), n(("scorpion", "spider"), 2)),
    ),
    Case(
        "grounds-frozen-lake",
        "a frozen lake in a snowy forest",
        "grounds",
        (Ground(SNOW), n(("lake", "frozen_lake"), 1)),
    ),
    Case(
        "grounds-swamp-log-snake",
        "a swamp with a rotting log and a snake",
        "grounds",
        (Ground("swamp"), n("log", 1), n("snake", 1)),
    ),
    Case(
        "grounds-snowy-plain-sled",
        "a snowy plain with a sled and two wolves",
        "grounds",
        (Ground(SNOW), n("sled", 1), n("wolf", 2)),
    ),
    Case(
        "grounds-dunes-camel",
        "sand dunes with a camel",
        "grounds",
        (Ground(("desert", "sand", "dune", "dunes")), n("camel", 1)),
    ),
    # --- modern places and one science-fiction place ----------------------------------
    Case(
        "modern-open-plan-office",
        "an open-plan office with eight desks in two rows, a computer on each desk and a "
        "water cooler against the east wall",
        "modern",
        (
            Place(("office", "room")),
            n(DESK, 8),
            n("computer", 8),
            n(COOLER, 1),
            Absent(("sea", "lake")),
            Rel(DESK, "in_rows", argument="2"),
            Rel("computer", "on", DESK),
            Rel(COOLER, "against_wall", argument="east"),
        ),
    ),
    Case(
        "modern-city-street",
        "a city street with shops on both sides, two cars and a streetlight",
        "modern",
        (
            STREET_PLACE,
            least("road", 1),
            least("shop", 2),
            n("car", 2),
            n(("streetlight", "lamppost", "lamp"), 1),
            Rel("shop", "both_sides", "road"),
        ),
    ),
    Case(
        "modern-small-office",
        "a small office with a desk, a chair, a computer on the desk and a plant in the corner",
        "modern",
        (
            Place(("office", "room")),
            n(DESK, 1),
            n(OFFICE_CHAIR, 1),
            n("computer", 1),
            n("plant", 1),
            Rel("computer", "on", DESK),
            Rel("plant", "in_corner"),
        ),
    ),
    Case(
        "modern-coffee-shop",
        "a coffee shop with a counter, four small tables and a sofa",
        "modern",
        (n(("counter", "shop_counter"), 1), n("table", 4), n("sofa", 1), Interior(("shop",))),
    ),
    Case(
        "modern-hospital-ward",
        "a hospital ward with six beds along the walls",
        "modern",
        (n("bed", 6), Rel("bed", "against_wall")),
    ),
    Case(
        "modern-kitchen",
        "a kitchen with a fridge, a stove and a sink under the window",
        "modern",
        (
            n("fridge", 1),
            n(("stove", "oven", "fireplace"), 1),
            n("sink", 1),
            least("window", 1),
            Rel("sink", "next_to", "window"),
        ),
    ),
    Case(
        "modern-supermarket",
        "a supermarket with five shelves in rows and two checkout counters",
        "modern",
        (n(SHELF, 5), Rel(SHELF, "in_rows"), n(("checkout", "counter", "shop_counter"), 2)),
    ),
    Case(
        "modern-parking-lot",
        "a parking lot with ten cars in two rows",
        "modern",
        (
            Ground(("parking_lot", "parkinglot", "parking", "city", "street", "town")),
            n("car", 10),
            Rel("car", "in_rows", argument="2"),
        ),
    ),
    Case(
        "modern-park",
        "a park with a fountain in the center, four benches around it and a playground",
        "modern",
        (
            n("fountain", 1),
            n("bench", 4),
            n("playground", 1),
            Rel("fountain", "in_center"),
            Rel("bench", "around", "fountain"),
        ),
    ),
    Case(
        "modern-bus-stop",
        "a street corner with a bus stop, a bench and two trees",
        "modern",
        (least("road", 1), n(("bus_stop", "busstop", "stop"), 1), n("bench", 1), n("tree", 2)),
    ),
    Case(
        "modern-spaceship-bridge",
        "the bridge of a spaceship with a captain's chair in the center, three consoles along "
        "the north wall and a large viewscreen",
        "modern",
        (
            SPACE_PLACE,
            Absent(("bridge", "river", "road")),
            n(("chair", "captain_chair"), 1),
            n("console", 3),
            n(("screen", "viewscreen"), 1),
            Rel(("chair", "captain_chair"), "in_center"),
            Rel("console", "against_wall", argument="north"),
        ),
    ),
    Case(
        "modern-station-corridor",
        "a space station corridor with two airlocks and a robot",
        "modern",
        (SPACE_PLACE, n("airlock", 2), n("robot", 1), Absent("tree")),
    ),
    Case(
        "modern-cargo-bay",
        "a spaceship cargo bay with a dozen crates and a shuttle",
        "modern",
        (
            SPACE_PLACE,
            n(("crate", "cargo_crate", "barrel"), 12),
            n(("shuttle", "spaceship"), 1),
            Absent(("sea", "lake")),
        ),
    ),
    Case(
        "modern-station-reactor",
        "a space station with a reactor in the center and four sleeping pods around it",
        "modern",
        (
            SPACE_PLACE,
            n("reactor", 1),
            n(("pod", "cryo_pod"), 4),
            Rel("reactor", "in_center"),
            Rel(("pod", "cryo_pod"), "around", "reactor"),
        ),
    ),
    # --- typos: read as the near word, and said so --------------------------------------
    Case(
        "typos-village",
        "a vilage with three huoses and a wel",
        "typos",
        (
            Place("village"),
            n("house", 3),
            n("well", 1),
            Warns("huoses"),
            Warns(r"\bwel\b"),
        ),
    ),
    Case(
        "typos-dragon",
        "a dungeon with a dragn guarding the tresure",
        "typos",
        (n("dragon", 1), n("treasure", 1), Warns("dragn"), Warns("tresure")),
    ),
    Case(
        "typos-forest",
        "a forrest with two deers and a wolfe",
        "typos",
        (Place("forest"), n("deer", 2), n("wolf", 1), Warns("forrest"), Warns("wolfe")),
    ),
    Case(
        "typos-bedroom",
        "a bedrom with a bed and a lamp",
        "typos",
        (ROOM_PLACE, n("bed", 1), n("lamp", 1), Warns("bedrom")),
    ),
    Case(
        "typos-island",
        "an iland with a lighthose",
        "typos",
        (Place("island"), n("lighthouse", 1), Warns("iland"), Warns("lighthose")),
    ),
    Case(
        "typos-church-tavern",
        "a village with a chruch and a taverm",
        "typos",
        (n("church", 1), n("tavern", 1), Warns("chruch"), Warns("taverm")),
    ),
    Case(
        "typos-dungeon",
        "a dungon with skeletns near the stairz",
        "typos",
        (
            Place("dungeon"),
            least("skeleton", 2),
            n("stairs", 1),
            Warns("dungon"),
            Warns("skeletns"),
            Warns("stairz"),
        ),
    ),
    Case(
        "typos-castle-hill",
        "a castel on a hil",
        "typos",
        (n("castle", 1), n("hill", 1), Warns("castel"), Warns(r"\bhil\b")),
    ),
    Case(
        "typos-tavern",
        "a tavern with a firplace and three chiars",
        "typos",
        (n("fireplace", 1), n("chair", 3), Warns("firplace"), Warns("chiars")),
    ),
    Case(
        "typos-harbor",
        "a harbor with two shipps and a peir",
        "typos",
        (n("ship", 2), n("pier", 1), Warns("shipps"), Warns("peir")),
    ),
    Case(
        "typos-library",
        "a libary with three bookshelves",
        "typos",
        (Place(("library", "room")), n("bookshelf", 3), Warns("libary")),
    ),
    # --- contradictions: reported, not silently resolved -------------------------------
    Case(
        "contradictions-north-south",
        "a house north of a tree and south of the same tree",
        "contradictions",
        (n("house", 1), n("tree", 1), Warns(CONTRA)),
    ),
    Case(
        "contradictions-inside-each-other",
        "a well inside a house and the house inside the well",
        "contradictions",
        (n("well", 1), n("house", 1), Warns(CONTRA)),
    ),
    Case(
        "contradictions-next-far",
        "a tree next to a rock and far from the same rock",
        "contradictions",
        (n("tree", 1), n("rock", 1), Warns(CONTRA)),
    ),
    Case(
        "contradictions-no-chairs-four-chairs",
        "a room with no chairs and four chairs around the table",
        "contradictions",
        (n("table", 1), Warns(CONTRA)),
    ),
    Case(
        "contradictions-two-corners",
        "a bedroom with a bed in the northeast corner and the bed in the southwest corner",
        "contradictions",
        (n("bed", 1), Warns(CONTRA)),
    ),
    Case(
        "contradictions-no-houses-cottages",
        "a village with no houses and five cottages",
        "contradictions",
        (Warns(CONTRA),),
    ),
    Case(
        "contradictions-mutual-north",
        "a church north of the castle and the castle north of the church",
        "contradictions",
        (n("church", 1), n("castle", 1), Warns(CONTRA)),
    ),
    Case(
        "contradictions-center-and-corner",
        "a well in the center and in the northwest corner",
        "contradictions",
        (n("well", 1), Warns(CONTRA)),
    ),
    Case(
        "contradictions-east-and-west",
        "three houses east of the tavern and west of the tavern",
        "contradictions",
        (n("house", 3), n("tavern", 1), Warns(CONTRA)),
    ),
)
