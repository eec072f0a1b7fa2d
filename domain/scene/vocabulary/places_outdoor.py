"""Outdoor places: the ground, the border and the usual things of each.

A place's `ground`, when set, is the kind that stands for the whole place when the prompt
names it (`a swamp with ...`, `a market square with ...`): drawn as the terrain itself,
covering the map, so everything named stands in it.
"""

from domain.scene.model import Place
from domain.scene.terms import Outline
from domain.scene.vocabulary.base import COAST, DUNGEON, GROUND, MODERN, NATURE, VILLAGE

OUTDOOR_BORDER = "+-|"


def outdoor(
    name: str,
    family: str,
    terrain: str,
    defaults: tuple[tuple[str, int], ...],
    *,
    glyph: str = ".",
    walkable: bool = True,
    connector: str = "road",
    ambient: str | None = None,
    per_cells: int = 0,
    ground: str | None = None,
    outline: Outline = "rect",
) -> Place:
    return Place(
        name=name,
        family=family,
        terrain=terrain,
        terrain_glyph=glyph,
        terrain_walkable=walkable,
        border=OUTDOOR_BORDER if outline == "rect" else "###",  # a cave is closed all round
        connector=connector,
        defaults=defaults,
        ambient=ambient,
        ambient_per_cells=per_cells,
        ground=ground,
        outline=outline,
    )


# fmt: off
OUTDOOR_PLACES: tuple[Place, ...] = (
    outdoor("village", VILLAGE, "grass",
            (("house", 3), ("road", 1), ("well", 1), ("tree", 2))),
    outdoor("forest", NATURE, "ground",
            (("clearing", 1), ("deer", 2), ("mushroom", 3)),
            ambient="tree", per_cells=4, ground="forest"),
    outdoor("dungeon", DUNGEON, "rock",
            (("room", 4), ("chest", 1), ("skeleton", 2), ("stairs", 1)),
            glyph=" ", walkable=False, connector="corridor"),
    outdoor("island", COAST, "sea",
            (("palm", 3), ("house", 1), ("boat", 1)),
            glyph="~", walkable=False, connector="bridge"),
    outdoor("coast", COAST, "grass",
            (("house", 2), ("boat", 2), ("pier", 1), ("palm", 2))),
    outdoor("desert", GROUND, "sand",
            (("dune", 3), ("oasis", 1), ("palm", 2), ("camel", 2)),
            ambient="cactus", per_cells=96, ground="desert"),
    outdoor("snow", GROUND, "snow",
            (("igloo", 2), ("snowman", 1), ("frozen_lake", 1), ("tree", 3), ("polar_bear", 1)),
            ambient="snowdrift", per_cells=144),
    outdoor("swamp", GROUND, "mud",
            (("pond", 1), ("lily_pad", 3), ("frog", 3), ("dead_tree", 3)),
            ambient="reed", per_cells=24, ground="swamp"),
    outdoor("hills", NATURE, "grass",
            (("hill", 4), ("tree", 3), ("rock", 3)),
            ambient="bush", per_cells=120),
    outdoor("mountains", NATURE, "stony ground",
            (("mountain", 3), ("cave", 1), ("tree", 2)),
            ambient="rock", per_cells=96),
    outdoor("street", MODERN, "pavement",
            (("road", 1), ("building", 4), ("lamppost", 4), ("car", 3), ("bench", 1),
             ("trash_can", 1), ("hydrant", 1))),
    outdoor("parking_lot", MODERN, "asphalt",
            (("parking_space", 8), ("car", 5), ("lamppost", 2), ("trash_can", 1))),
    # --- places a village, a castle or a camp is made of ------------------------------
    outdoor("camp", VILLAGE, "grass",
            (("tent", 4), ("campfire", 1), ("log", 2))),
    outdoor("castle", VILLAGE, "grass",
            (("castle", 1), ("road", 1), ("field", 1), ("house", 2), ("tree", 3))),
    outdoor("graveyard", VILLAGE, "grass",
            (("grave", 10), ("tree", 2), ("statue", 1), ("fence", 1)),
            ground="graveyard"),
    outdoor("market", VILLAGE, "cobblestones",
            (("market_stall", 6), ("person", 5), ("cart", 1), ("well", 1)),
            ground="market"),
    outdoor("farm", VILLAGE, "grass",
            (("house", 1), ("barn", 1), ("field", 2), ("fence", 1), ("cow", 3), ("chicken", 4),
             ("haystack", 2))),
    outdoor("ruins", VILLAGE, "grass",
            (("ruin", 5), ("pillar", 4), ("statue", 1), ("tree", 2), ("bush", 3))),
    outdoor("harbor", COAST, "grass",
            (("pier", 2), ("boat", 3), ("ship", 1), ("house", 2), ("barrel", 3),
             ("lighthouse", 1))),
    outdoor("lake", NATURE, "grass",
            (("lake", 1), ("tree", 5), ("boat", 1), ("pier", 1), ("reed", 3))),
    outdoor("cave", DUNGEON, "cave floor",
            (("rock", 4), ("mushroom", 3), ("bat", 3), ("pond", 1)),
            connector="corridor", ground="cave", outline="cave"),
    outdoor("mine", DUNGEON, "cave floor",
            (("road", 1), ("cart", 2), ("torch", 3), ("pickaxe", 2), ("rock", 3)),
            connector="corridor", ground="mine", outline="cave"),
    outdoor("canyon", NATURE, "red rock",
            (("mountain", 2), ("river", 1), ("rock", 4), ("bush", 3))),
    # --- modern and everyday places ----------------------------------------------------
    outdoor("park", MODERN, "grass",
            (("tree", 6), ("bench", 4), ("pond", 1), ("fountain", 1), ("lamppost", 2)),
            ground="park"),
    outdoor("playground", MODERN, "grass",
            (("swing", 1), ("slide", 1), ("seesaw", 1), ("sandbox", 1), ("bench", 2),
             ("tree", 2)),
            ground="playground"),
    outdoor("airport", MODERN, "tarmac",
            (("runway", 1), ("air_terminal", 1), ("plane", 3), ("hangar", 1),
             ("control_tower", 1), ("car", 3))),
    outdoor("train_station", MODERN, "pavement",
            (("road", 2), ("railway_platform", 1), ("train", 1), ("bench", 3), ("billboard", 1),
             ("lamppost", 2))),
    outdoor("sports_field", MODERN, "grass",
            (("goal", 2), ("bleachers", 2), ("scoreboard", 1), ("bench", 2)),
            ground="playing_field"),
    outdoor("zoo", MODERN, "grass",
            (("enclosure", 4), ("road", 1), ("lion", 1), ("elephant", 1), ("monkey", 2),
             ("bench", 2), ("tree", 3))),
)
# fmt: on
