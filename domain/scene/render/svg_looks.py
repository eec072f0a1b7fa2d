"""The look of every kind on the SVG map (data): which drawer draws it, in which colours.

`mark` draws the shape and keeps 3:1 against the ground (see `svg_style`); `fill` is a
secondary colour (a table top inside its outline, the water inside a well); `extra` a motif
or a letter the drawer reads; `variants` other marks picked per node (roofs, crowns, cars).
"""

from typing import NamedTuple


class Look(NamedTuple):
    drawer: str
    mark: str
    fill: str = ""
    extra: str = ""
    variants: tuple[str, ...] = ()
    category: str = ""
    dashed: bool = False


WATER = "#9cc7e8"
BANK = "#2f6497"
WOOD_INK = "#5b3a1e"
STONE_INK = "#4f4c48"
STEEL_INK = "#3a3f46"


def _b(
    drawer: str, mark: str, fill: str = "", extra: str = "", variants: tuple[str, ...] = ()
) -> Look:
    return Look(drawer, mark, fill, extra, variants, "building")


def _t(mark: str, glyph: str, category: str = "animal") -> Look:
    return Look("token", mark, extra=glyph, category=category)


def _f(drawer: str, fill: str, extra: str = "", mark: str = WOOD_INK) -> Look:
    return Look(drawer, mark, fill, extra, category="furniture")


def _o(drawer: str, mark: str, fill: str = "", extra: str = "", category: str = "item") -> Look:
    return Look(drawer, mark, fill, extra, category=category)


def _a(drawer: str, mark: str, fill: str, texture: str = "", dashed: bool = False) -> Look:
    return Look(drawer, mark, fill, texture, category="area", dashed=dashed)


ROOFS = ("#a4532f", "#8a4b36", "#6e5a4e", "#96542a")
GREENS = ("#3f7a2e", "#4a7a2a", "#35703a", "#51762a")
CARS = ("#2f5f9e", "#a3231b", "#3a3d42", "#2f6b3a", "#7a4a06")

# fmt: off
LOOKS: dict[str, Look] = {
    # village
    "house": _b("roof", ROOFS[0], extra="chimney", variants=ROOFS),
    "tavern": _b("roof", "#7e4a2a", extra="sign"),
    "church": _b("church", "#56657a", "#f2e6b8"),
    "castle": _b("castle", "#5f5a52", "#c9c2b4"),
    "tower": _b("tower", "#5f5a52", "#b9b2a4"),
    "watchtower": _b("watchtower", "#5e3f22", "#b08a5a"),
    "barn": _b("roof", "#8e2f25", extra="barn"),
    "windmill": _b("windmill", "#5e3f22", "#e8dcc0"),
    "smithy": _b("roof", "#4f5560", extra="forge"),
    "shop": _b("roof", "#7a4f2a", extra="awning"),
    "library": _b("roof", "#3f5a78", extra="book"),
    "market_stall": _o("stall", "#a3312a", "#f5efe2", category="structure"),
    "well": _o("well", "#55524d", WATER, category="structure"),
    "fountain": _o("fountain", "#55524d", WATER, category="structure"),
    "statue": _o("statue", "#55524d", "#c9c4ba", category="structure"),
    "bench": _f("bench", "#c19a6b"),
    "market": _a("area", "#6e6250", "#e8e1d1", "cobbles"),
    "field": _a("area", "#7c6a28", "#efe0a2", "furrows"),
    "garden": _a("area", "#4e6b2c", "#d8e6b6", "rows"),
    "graveyard": _a("area", "#4a4a4a", "#dde6c7", "crosses", dashed=True),
    "road": Look("road", "#7a6446", "#dcc9a0", category="area"),
    "bridge": Look("bridge", "#4e3620", "#b88d5c", category="structure"),
    "river": Look("river", BANK, WATER, category="water"),
    "wall": Look("wall", "#3e3a35", "#a59e92", category="structure"),
    "fence": Look("fence", "#5a3d22", "#8a6a45", category="structure"),
    "grave": _o("grave", STONE_INK, "#c4bfb5", category="structure"),
    "cart": _o("cart", "#5a3d22", "#b48a58", category="vehicle"),
    "haystack": _o("haystack", "#866710", "#e3c25a", category="plant"),
    "scarecrow": _o("scarecrow", "#5a3d22", "#d9b24c"),
    "person": _t("#2f5f9e", "person", "person"),
    "guard": _t("#4a5563", "guard", "person"),
    "horse": _t("#7a4a24", "H"),
    "cow": _t("#4a4038", "C"),
    "sheep": _t("#6b665c", "S"),
    "pig": _t("#a8505f", "P"),
    "chicken": _t("#9a5a18", "C"),
    "dog": _t("#6b4f35", "D"),
    "campfire": _o("fire", "#b23d0e", "#f6b73c"),
    "bonfire": _o("fire", "#b23d0e", "#f6b73c", "big"),
    "tent": _b("tent", "#6e5c32", "#e6d9b0"),
    "signpost": _o("signpost", "#5a3d22", "#c9a06a"),
    # nature
    "tree": Look("crown", GREENS[0], variants=GREENS, category="plant"),
    "forest": _a("forest", "#2f5a24", "#a7c68a", "crowns"),
    "bush": Look("bush", "#4a7a2a", category="plant"),
    "flower": Look("flower", "#9c2f6b", "#f2c744", category="plant"),
    "rock": Look("rock", "#5d5a55", "#aaa59c", category="rock"),
    "mountain": _a("mountain", "#5e4b33", "#d3c6ad", "peaks"),
    "hill": _a("hill", "#55662d", "#d5e4ad"),
    "lake": Look("water", BANK, WATER, "waves", category="water"),
    "pond": Look("water", BANK, WATER, "waves", category="water"),
    "clearing": _a("area", "#5f7a3a", "#f0f5dc", "", dashed=True),
    "cave": _o("cave", "#4d463d", "#9a907f", category="rock"),
    "waterfall": _o("waterfall", BANK, WATER, category="water"),
    "ruin": _o("ruin", "#4f4a43", "#b3ab9d", category="structure"),
    "mushroom": Look("mushroom", "#a1261c", "#f4ece0", category="plant"),
    "beehive": _o("beehive", "#765608", "#e5b93c"),
    "log": _o("log", "#5a3d22", "#a27a4b", category="plant"),
    "deer": _t("#8a5a2b", "D"),
    "wolf": _t("#55575c", "W"),
    "bear": _t("#4b3322", "B"),
    "boar": _t("#6b4a3a", "B"),
    "bird": _t("#3d4f63", "bird"),
    "rabbit": _t("#7a6650", "R"),
    "snake": _t("#4c6b2a", "S"),
    # dungeon
    "room": Look("room", "#2b2824", "#f8f5ee", category="structure"),
    "corridor": Look("corridor", "#2b2824", "#f8f5ee", category="area"),
    "door": Look("door", "#5a3d22", "#b48a58", category="structure"),
    "stairs": _o("stairs", "#3f3b36", "#d8d2c6", category="structure"),
    "chest": _o("chest", "#5a3d22", "#b07a3a", category="container"),
    "treasure": _o("treasure", "#7f5d06", "#f2c230"),
    "key": _o("key", "#7a5a06", "#e0b43a"),
    "altar": _o("altar", STONE_INK, "#ddd8ce", category="structure"),
    "idol": _o("idol", "#7a5a06", "#e0b43a", category="structure"),
    "throne": _f("throne", "#e0b43a", mark="#7a1f1f"),
    "pillar": _o("pillar", STONE_INK, "#c9c4ba", category="structure"),
    "trap": _o("trap", "#9a2a1a", "#ecdcd0", category="structure"),
    "lever": _o("lever", "#3f3b36", "#9b958a", category="device"),
    "cage": _o("cage", "#3a3a3a", "#e8e4dc", category="structure"),
    "chain": _o("chain", "#3a3a3a"),
    "cobweb": _o("cobweb", "#55524d"),
    "torch": _o("torch", "#b23d0e", "#f6b73c", category="device"),
    "barrel": _o("barrel", "#5a3d22", "#b48a58", category="container"),
    "coffin": _o("coffin", "#3b2a1c", "#7a5638", category="container"),
    "lava": _a("area", "#5c1a0a", "#f08a3c", "crust"),
    "lava_channel": Look("river", "#5c1a0a", "#f08a3c", category="landform"),
    "tomb": _o("coffin", STONE_INK, "#c9c4ba", category="structure"),
    "skeleton": _t("#6b6355", "skull", "animal"),
    "zombie": _t("#4f6b45", "Z"),
    "goblin": _t("#3f6b2a", "G"),
    "troll": _t("#5e6b3a", "T"),
    "rat": _t("#5e544a", "r"),
    "dragon": _t("#9a2418", "dragon"),
    "spider": _t("#2f2b28", "spider"),
    "bat": _t("#3b3346", "bat"),
    "ghost": _t("#5e6f80", "ghost"),
    "slime": _t("#3f7a3a", "S"),
    "wizard": _t("#5b3f8f", "wizard", "person"),
    "demon": _t("#8a1f2a", "D"),
    # room
    "bed": _f("bed", "#e3c79b", "#6f8fbf"),
    "crib": _f("crib", "#efdcb8"),
    "nightstand": _f("cabinet", "#d8b98a", "drawer"),
    "desk": _f("table", "#c9a26d", "desk"),
    "table": _f("table", "#d2ae78", "planks"),
    "chair": _f("chair", "#c9a26d"),
    "stool": _f("stool", "#c9a26d"),
    "sofa": _f("sofa", "#c0615a", mark="#5a2626"),
    "window": Look("window", "#35556e", "#cfe6f5", category="structure"),
    "rug": _f("rug", "#c0504d", "#e8c37a", mark="#6e2424"),
    "wardrobe": _f("cabinet", "#b88a56", "doors"),
    "cupboard": _f("cabinet", "#c9a26d", "doors"),
    "bookshelf": _f("bookshelf", "#b88a56"),
    "shelf": _f("shelf", "#d2ae78"),
    "lamp": _o("lamp", "#765608", "#f6d365", category="device"),
    "candle": _o("candle", "#8a4a06", "#f6d365"),
    "chandelier": _o("chandelier", "#765608", "#f6d365", category="device"),
    "fireplace": Look("fireplace", "#4f4a43", "#b3ab9d", category="structure"),
    "plant": Look("plant", "#3f7a2e", "#a0613a", category="plant"),
    "bathtub": _f("bathtub", "#ffffff", mark="#3f5a70"),
    "toilet": _f("toilet", "#ffffff", mark="#3f5a70"),
    "sink": _f("sink", "#ffffff", mark="#3f5a70"),
    "mirror": _f("panel", "#d9eef8", mark="#35556e"),
    "painting": _f("panel", "#c98a4a", "frame", mark="#6b4a12"),
    "clock": _f("clock", "#f4ead5"),
    "piano": _f("piano", "#3d3834", mark="#1f1c1a"),
    "spinning_wheel": _f("wheel", "#c9a26d"),
    "book": _o("book", "#6b2a2a", "#c0504d"),
    "bowl": _o("bowl", "#5b3a1e", "#e8d8bd"),
    "cat": _t("#6b5a48", "C"),
    "counter": _f("counter", "#c9a26d"),
    "oven": _f("oven", "#8c8680", mark="#3a3633"),
    "cutting_table": _f("table", "#d9bb8a", "knife"),
    "cauldron": _o("cauldron", "#2a2623", "#6fa84a", category="container"),
    "bar": _f("counter", "#9a6a3c", "bar", mark="#4a2c14"),
    "stage": _f("stage", "#c9a26d"),
    "tapestry": _f("panel", "#b8453a", "weave", mark="#6b1f24"),
    "banner": _o("banner", "#6b1f24", "#c0392b"),
    "pew": _f("pew", "#b88a56"),
    "lectern": _f("lectern", "#c9a26d"),
    "blackboard": _f("panel", "#3f5a44", "board", mark="#2a3a2c"),
    "shop_counter": _f("counter", "#c9a26d", "till"),
    "display_case": _f("case", "#d9eef8", mark="#35556e"),
    "anvil": _o("anvil", "#2a2623", "#5e5954", category="device"),
    "furnace": _o("furnace", "#5e2a14", "#a0522d", category="device"),
    "weapon_rack": _f("rack", "#b0aca5", mark="#3a3633"),
    "armor_stand": _o("armor", "#3a3633", "#b0aca5"),
    # coast
    "island": _a("island", "#8a7444", "#e6eccb", "#efe0b0"),
    "sea": Look("water", BANK, WATER, "waves", category="water"),
    "beach": _a("area", "#8a7444", "#f2e4b8", "sand", dashed=True),
    "lighthouse": _b("lighthouse", "#a3231b", "#f4f1ea"),
    "palm": Look("palm", "#3f7a2e", "#8a6a3a", category="plant"),
    "umbrella": _o("umbrella", "#a3231b", "#f4f1ea"),
    "sandcastle": _o("sandcastle", "#866626", "#e6cf94", category="structure"),
    "shell": _o("shell", "#8a5a3c", "#f2d3c0"),
    "fishing_net": _o("net", "#5a4a36"),
    "boat": _o("boat", "#6b4423", "#b8875a", category="vehicle"),
    "ship": _o("ship", "#5a3a1e", "#a87a4e", "#f4efe1", category="vehicle"),
    "buoy": _o("buoy", "#a3231b", "#f4f1ea"),
    "pier": Look("pier", "#4e3620", "#b88d5c", category="structure"),
    "wreck": _o("wreck", "#3b2a1c", "#7a5638", category="vehicle"),
    "crab": _t("#a83a22", "C"),
    "seagull": _t("#5b6b7a", "bird"),
    "seal": _t("#4f5560", "S"),
    "fish": _t("#24506e", "fish"),
    # ground
    "desert": _a("area", "#8a7444", "#f0dca8", "sand", dashed=True),
    "dune": _a("area", "#8a6a2c", "#ecd39a", "ridges"),
    "oasis": Look("water", BANK, WATER, "waves", category="water"),
    "quicksand": _a("area", "#5e4521", "#c9a86a", "swirl"),
    "cactus": Look("cactus", "#2f6b3a", category="plant"),
    "tumbleweed": Look("tumbleweed", "#7a5a30", category="plant"),
    "dead_tree": Look("dead_tree", "#5a3d22", category="plant"),
    "cairn": Look("cairn", "#55524d", "#b9b4aa", category="rock"),
    "pyramid": _b("pyramid", "#866626", "#e6cf94"),
    "camel": _t("#8f5f2a", "C"),
    "snowfield": _a("area", "#5b7a99", "#ffffff", "snow", dashed=True),
    "ice": _a("area", "#3c6f94", "#dff0fa", "cracks"),
    "frozen_lake": _a("area", BANK, "#cfe8f6", "cracks"),
    "snowdrift": _o("snowdrift", "#55779a", "#ffffff", category="landform"),
    "snowman": _o("snowman", "#55779a", "#ffffff", category="structure"),
    "igloo": _b("igloo", "#4f6f8f", "#f7fbff"),
    "sled": _o("sled", "#7a2a1a", "#c0504d", category="vehicle"),
    "penguin": _t("#2a2d33", "P"),
    "polar_bear": _t("#5e6b78", "B"),
    "yeti": _t("#56687a", "Y"),
    "swamp": _a("area", "#4b5a2a", "#c4cd9c", "tufts"),
    "reed": Look("reed", "#4b5a2a", category="plant"),
    "lily_pad": Look("lily", "#2f6b2a", "#6fae4f", category="plant"),
    "frog": _t("#3f7a2e", "F"),
    "alligator": _t("#3f5a2a", "A"),
    # modern
    "office_desk": _f("table", "#d6d8dc", "office", mark="#4a4f57"),
    "office_chair": _f("stool", "#6b7079", mark="#2f3338"),
    "computer": _o("screen", "#2f3338", "#5b8fc9", category="device"),
    "cubicle": _f("cubicle", "#c9ccd1", mark="#4a4f57"),
    "meeting_table": _f("table", "#c9b89a", "round", mark="#4a4f57"),
    "whiteboard": _f("panel", "#ffffff", "board", mark="#4a4f57"),
    "filing_cabinet": _f("cabinet", "#b9bec5", "drawers", mark="#4a4f57"),
    "printer": _o("machine", STEEL_INK, "#d6d8dc", "paper", category="device"),
    "copier": _o("machine", STEEL_INK, "#d6d8dc", "paper", category="device"),
    "water_cooler": _o("cooler", "#2f5f8a", "#bfe0f5", category="device"),
    "coffee_machine": _o("machine", "#3a2a20", "#7a5a44", "cup", category="device"),
    "vending_machine": _o("machine", "#7a1f24", "#c0392b", "grid", category="device"),
    "fridge": _o("machine", "#4a4f57", "#f4f6f8", "handle", category="device"),
    "television": _o("screen", "#2a2d33", "#3d4a5c", category="device"),
    "trash_can": _o("bin", "#3f4a3f", "#8a9a8a", category="container"),
    "building": _b("flat_roof", "#5a5f66", "#a7adb5", variants=("#5a5f66", "#6a5a4e", "#4f5a66")),
    "school": _b("flat_roof", "#7a3a2a", "#c98a6a", "flag"),
    "sidewalk": Look("sidewalk", "#6b6b64", "#efeee9", category="area"),
    "crosswalk": _o("crosswalk", "#3a3d42", "#f4f4f2", category="area"),
    "parking_lot": _a("area", "#55585c", "#e0e2e3", "stalls"),
    "parking_space": _o("parking", "#3a3d42", category="area"),
    "park": _a("area", "#3f6b2a", "#d3e6b2", "park"),
    "playground": _a("area", "#8a5a2c", "#efdfba", "dots"),
    "car": Look("car", CARS[0], "#cfe0f0", variants=CARS, category="vehicle"),
    "bus": _o("bus", "#8f5d05", "#cfe0f0", category="vehicle"),
    "truck": _o("truck", "#3f4a58", "#c9ccd1", category="vehicle"),
    "bicycle": _o("bicycle", "#2f3338", category="vehicle"),
    "lamppost": _o("lamppost", "#2f3338", "#f6d365", category="device"),
    "traffic_light": _o("traffic_light", "#2a2d33", category="device"),
    "bus_stop": _o("bus_stop", "#2f5f8a", "#cfe3f2", category="structure"),
    "hydrant": _o("hydrant", "#a3231b", category="device"),
    "mailbox": _o("mailbox", "#a3231b", category="device"),
    "billboard": _o("billboard", "#3a3d42", "#f4e2a0", category="structure"),
    # scifi
    "console": _o("console", "#2f3a48", "#5c6b7d", category="device"),
    "captain_chair": _f("chair", "#8a96a5", "big", mark="#2f3a48"),
    "viewscreen": _f("panel", "#3d6a9a", "screen", mark="#1f2a38"),
    "hologram_table": _o("holo", "#1f5f6f", "#8fe3f0", category="device"),
    "airlock": _o("airlock", STEEL_INK, "#f2c230", category="structure"),
    "cryo_pod": _o("pod", "#2f5f8a", "#cfe8f6", category="device"),
    "escape_pod": _o("pod", "#5a5f66", "#d6d8dc", "round", category="vehicle"),
    "teleporter": _o("teleporter", "#1f5f6f", "#8fe3f0", category="device"),
    "reactor": _o("reactor", "#2f3a48", "#8fe3f0", category="device"),
    "engine": _o("engine", "#2f3a48", "#8a96a5", category="device"),
    "locker": _f("cabinet", "#a7adb5", "vents", mark=STEEL_INK),
    "cargo_crate": _o("crate", "#5a4a2a", "#c9a86a", category="container"),
    "spaceship": _o("spaceship", "#3f4a58", "#c9ccd1", category="vehicle"),
    "satellite_dish": _o("dish", "#3f4a58", "#e4e7ea", category="device"),
    "solar_panel": _o("solar", "#1f3a5f", "#3d6a9a", category="device"),
    "robot": _t("#4f5a66", "robot"),
    "crew_member": _t("#1f6f6a", "person", "person"),
    "alien": _t("#3f7a2e", "A"),
}

# What a generic thing (a kind the vocabulary does not have) is drawn as, by its category.
CATEGORY_LOOKS: dict[str, Look] = {
    "building": _b("roof", "#6e5a4e"),
    "structure": _o("structure", STONE_INK, "#d3cec4", category="structure"),
    "furniture": _f("table", "#e3cfa8"),
    "container": _o("crate", "#5a3d22", "#c9a26d", category="container"),
    "vehicle": _o("car", "#3f4a58", "#cfe0f0", category="vehicle"),
    "person": _t("#2f5f9e", "person", "person"),
    "animal": _t("#7a4a24", "", "animal"),
    "plant": Look("crown", GREENS[0], category="plant"),
    "rock": Look("rock", "#5d5a55", "#aaa59c", category="rock"),
    "water": Look("water", BANK, WATER, "waves", category="water"),
    "landform": Look("hill", "#55662d", "#d5e4ad", category="landform"),
    "area": Look("area", "#56524c", "#ece6d6", "", category="area", dashed=True),
    "device": _o("device", "#2f3a48", "#a9b4c2", category="device"),
    "item": _o("item", "#5b4a2e", "#e0c98e", category="item"),
}
# fmt: on
