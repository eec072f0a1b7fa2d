"""Ground kinds: what makes a desert, a snowfield or a swamp, and what lives there."""

from domain.scene.model import KindSpec
from domain.scene.vocabulary.base import ACTOR, AREA, BOX, GROUND, OBJECT, STRUCTURE, TERRAIN, kind

# fmt: off
KINDS: tuple[KindSpec, ...] = (
    # --- desert -----------------------------------------------------------------------
    kind("desert", GROUND, TERRAIN, AREA, (14, 8), ":", "open walkable round sparse outdoor",
         "wasteland, badlands"),
    kind("dune", GROUND, TERRAIN, AREA, (6, 2), "m", "open walkable round outdoor",
         "sand dune, sandhill"),
    kind("oasis", GROUND, TERRAIN, AREA, (6, 3), "~", "water round outdoor",
         "oases, desert spring"),
    kind("quicksand", GROUND, TERRAIN, AREA, (4, 2), "q", "round outdoor",
         "quick sand, mud pit, sinkhole, tar pit"),
    kind("cactus", GROUND, OBJECT, BOX, (1, 1), "Y", "solid outdoor",
         "cacti, saguaro, prickly pear"),
    kind("tumbleweed", GROUND, OBJECT, BOX, (1, 1), "%", "walkable outdoor",
         "tumble weed, sagebrush"),
    kind("dead_tree", GROUND, OBJECT, BOX, (1, 1), "t", "solid outdoor",
         "dead tree, withered tree, bare tree, leafless tree"),
    kind("cairn", GROUND, OBJECT, BOX, (1, 1), "^", "solid outdoor",
         "rock pile, stone pile, pile of stones"),
    kind("pyramid", GROUND, STRUCTURE, BOX, (6, 4), "A", "solid outdoor",
         "ziggurat, step pyramid"),
    kind("camel", GROUND, ACTOR, BOX, (1, 1), "C", "walkable",
         "dromedary"),
    # --- snow and ice -----------------------------------------------------------------
    kind("snowfield", GROUND, TERRAIN, AREA, (14, 8), "'", "open walkable round sparse outdoor",
         "snow, snow field, snowscape"),
    kind("ice", GROUND, TERRAIN, AREA, (8, 4), "_", "open walkable outdoor",
         "ice sheet, ice field, ice floe, glacier, pack ice"),
    kind("frozen_lake", GROUND, TERRAIN, AREA, (10, 5), "O", "open walkable round outdoor",
         "frozen lake, frozen pond, ice rink, skating rink"),
    kind("snowdrift", GROUND, OBJECT, BOX, (2, 1), "=", "solid rotatable outdoor",
         "snow drift, drift, snowbank, snow bank, snow pile"),
    kind("snowman", GROUND, OBJECT, BOX, (1, 1), "8", "solid outdoor",
         "snowmen, snow man"),
    kind("igloo", GROUND, STRUCTURE, BOX, (3, 2), "n", "solid outdoor",
         "ice house, snow house, snow hut"),
    kind("sled", GROUND, OBJECT, BOX, (2, 1), "s", "solid rotatable outdoor",
         "sledge, sleigh, toboggan, dog sled"),
    kind("penguin", GROUND, ACTOR, BOX, (1, 1), "p", "walkable",
         "emperor penguin, puffin"),
    kind("polar_bear", GROUND, ACTOR, BOX, (1, 1), "B", "walkable",
         "polar bear, ice bear"),
    kind("yeti", GROUND, ACTOR, BOX, (1, 1), "y", "walkable",
         "abominable snowman, bigfoot, sasquatch"),
    # --- swamp ------------------------------------------------------------------------
    kind("swamp", GROUND, TERRAIN, AREA, (8, 4), ";", "open walkable round outdoor",
         "marsh, bog, fen, wetland, marshland, mire, bayou"),
    kind("reed", GROUND, OBJECT, BOX, (1, 1), "i", "walkable outdoor",
         "cattail, bulrush, rush, sedge"),
    kind("lily_pad", GROUND, OBJECT, BOX, (1, 1), "o", "walkable afloat outdoor",
         "lily pad, lilypad, water lily, lily, lotus"),
    kind("frog", GROUND, ACTOR, BOX, (1, 1), "f", "walkable",
         "toad, bullfrog, newt, salamander"),
    kind("alligator", GROUND, ACTOR, BOX, (2, 1), "a", "walkable rotatable",
         "crocodile, gator, croc, caiman"),
)
# fmt: on
