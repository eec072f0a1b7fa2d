"""Layout fixes: rings of any size, bridges on routes, each corner, every wall, a lone
dungeon room and its door, indoor places, and honest reasons for what was not placed."""

import itertools
import math
import re
from typing import Any

import pytest

from domain.scene import catalog, generate_scene
from domain.scene import relation_rules as rules
from domain.scene.model import PlacedNode
from domain.scene.parse import parse_prompt
from tests.unit.scene.patterns_support import (
    Relation,
    all_hold,
    assert_solids_apart,
    by_id,
    cells,
    centre2,
    gap,
    group,
    lay,
    request,
)

SEEDS = range(10)
CORNERS = ("northwest", "northeast", "southeast", "southwest")
WALLS = ("north", "east", "south", "west")
# rectangular rooms: a hull or a round room has no straight wall on every side
INDOOR = sorted(
    place.name
    for place in catalog.SCENE_BY_NAME.values()
    if place.indoor and place.outline == "rect"
)


def _sides(members: list[PlacedNode], centre: PlacedNode) -> set[str]:
    out = set()
    cx, cy = centre2(centre)
    for member in members:
        dx, dy = centre2(member)[0] - cx, centre2(member)[1] - cy
        if abs(dx) * centre.height >= abs(dy) * centre.width:
            out.add("east" if dx > 0 else "west")
        else:
            out.add("south" if dy > 0 else "north")
    return out


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(
    ("centre", "kind", "size", "count", "width", "height"),
    [
        ("campfire", "tent", "medium", 5, 48, 24),  # the issue: failed on 9 seeds of 10
        ("campfire", "tent", "large", 8, 48, 24),
        ("well", "house", "medium", 8, 32, 16),
        ("castle", "tower", "medium", 6, 48, 24),  # a castle surrounded by towers
        ("fountain", "tree", "medium", 12, 48, 24),
    ],
)
def test_a_group_of_any_size_rings_its_centre_on_three_sides_or_more(
    seed: int, centre: str, kind: str, size: str, count: int, width: int, height: int
) -> None:
    members = group(kind, count, size)
    relations = [(m[0], "around", [f"{centre}-1"], None) for m in members]
    layout = lay(
        request("village", [(f"{centre}-1", centre), *members], relations), seed, width, height
    )
    nodes = by_id(layout)
    assert all_hold(layout)
    placed = [nodes[m[0]] for m in members]
    middle = nodes[f"{centre}-1"]
    sizes = [(node.width, node.height) for node in placed]
    reach = rules.around_reach(sizes, middle.width, middle.height)
    assert all(gap(node, middle) <= reach for node in placed)
    assert len(_sides(placed, middle)) >= 3
    assert_solids_apart(layout)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_road_from_the_castle_across_the_river_takes_a_bridge(seed: int) -> None:
    things = [("road-1", "road"), ("castle-1", "castle"), ("river-1", "river")]
    relations = [
        ("road-1", "connected_to", ["castle-1"], None),
        ("road-1", "across", ["river-1"], None),
    ]
    layout = lay(request("village", things, relations), seed)
    nodes = by_id(layout)
    assert all_hold(layout)
    wet = cells(nodes["road-1"]) & cells(nodes["river-1"])
    assert wet
    bridges = [n for n in layout.nodes if n.kind == "bridge"]
    assert wet <= set().union(*(cells(b) for b in bridges))


@pytest.mark.parametrize("seed", SEEDS)
def test_a_road_between_two_banks_takes_a_bridge(seed: int) -> None:
    things = [
        ("castle-1", "castle"),
        ("house-1", "house"),
        ("river-1", "river"),
        ("road-1", "road"),
    ]
    relations = [
        ("castle-1", "north_of", ["river-1"], None),
        ("house-1", "south_of", ["river-1"], None),
        ("road-1", "connected_to", ["castle-1", "house-1"], None),
    ]
    layout = lay(request("village", things, relations), seed)
    nodes = by_id(layout)
    assert all_hold(layout)
    wet = cells(nodes["road-1"]) & cells(nodes["river-1"])
    bridges = [n for n in layout.nodes if n.kind == "bridge"]
    assert wet and wet <= set().union(*(cells(b) for b in bridges))


@pytest.mark.parametrize("seed", SEEDS)
def test_a_tower_at_each_corner_of_the_castle(seed: int) -> None:
    towers = group("tower", 4)
    relations = [(t[0], "in_corner", ["castle-1"], c) for t, c in zip(towers, CORNERS, strict=True)]
    layout = lay(request("village", [("castle-1", "castle"), *towers], relations), seed)
    nodes = by_id(layout)
    assert all_hold(layout)
    castle = nodes["castle-1"]
    inner = (castle.x + 1, castle.y + 1, castle.width - 2, castle.height - 2)
    tol_x, tol_y = rules.corner_tolerance(inner[2], inner[3])
    for tower, corner in zip(towers, CORNERS, strict=True):
        node = nodes[tower[0]]
        assert node.parent == "castle-1"
        west, north = node.x - inner[0], node.y - inner[1]
        east = inner[0] + inner[2] - node.x - node.width
        south = inner[1] + inner[3] - node.y - node.height
        assert min(west, east, north, south) >= 0
        assert (north if "north" in corner else south) <= tol_y
        assert (west if "west" in corner else east) <= tol_x
    assert_solids_apart(layout)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(
    ("place", "frame"), [("room", ()), ("village", ()), ("dungeon", ("room-1",))]
)
def test_a_pillar_in_each_corner(seed: int, place: str, frame: tuple[str, ...]) -> None:
    pillars = group("pillar", 4)
    relations = [(p[0], "in_corner", list(frame), c) for p, c in zip(pillars, CORNERS, strict=True)]
    things = [("room-1", "room"), *pillars] if frame else pillars
    layout = lay(request(place, things, relations), seed)
    assert all_hold(layout)
    nodes = by_id(layout)
    spots = {(nodes[p[0]].x, nodes[p[0]].y) for p in pillars}
    assert len(spots) == 4


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("place", INDOOR)
def test_things_lining_every_wall_of_an_indoor_place(seed: int, place: str) -> None:
    shelves = group("bookshelf", 8)
    relations: list[Relation] = [
        (s[0], "against_wall", [], WALLS[k % 4]) for k, s in enumerate(shelves)
    ]
    layout = lay(request(place, shelves, relations), seed)
    nodes = by_id(layout)
    assert all_hold(layout)
    for k, shelf in enumerate(shelves):
        node = nodes[shelf[0]]
        side = WALLS[k % 4]
        touching = {
            "north": node.y == 0,
            "south": node.y + node.height == 24,
            "west": node.x == 0,
            "east": node.x + node.width == 48,
        }
        assert touching[side]
        along = (
            node.width >= node.height if side in ("north", "south") else node.height >= node.width
        )
        assert along  # lying along its wall, not sticking out into the room
    assert_solids_apart(layout)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(("width", "height"), [(48, 24), (30, 12), (80, 40)])
def test_a_lone_dungeon_room_fills_the_map_and_its_door_is_in_its_wall(
    seed: int, width: int, height: int
) -> None:
    things = [("room-1", "room"), ("door-1", "door"), ("chest-1", "chest")]
    layout = lay(
        request("dungeon", things, [("door-1", "inside", ["room-1"], None)]), seed, width, height
    )
    nodes = by_id(layout)
    assert all_hold(layout)
    room, door = nodes["room-1"], nodes["door-1"]
    assert room.width >= width - 2 and room.height >= height - 2
    walls = {
        (x, y)
        for x in range(room.x, room.x + room.width)
        for y in range(room.y, room.y + room.height)
        if x in (room.x, room.x + room.width - 1) or y in (room.y, room.y + room.height - 1)
    }
    corners = {
        (x, y)
        for x in (room.x, room.x + room.width - 1)
        for y in (room.y, room.y + room.height - 1)
    }
    assert (door.x, door.y) in walls - corners
    assert door.parent == "room-1"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_door_named_in_a_dungeon_of_rooms_is_in_a_wall(seed: int) -> None:
    things = [("room-1", "room"), ("room-2", "room"), ("room-3", "room"), ("door-1", "door")]
    layout = lay(request("dungeon", things), seed)
    door = by_id(layout)["door-1"]
    room = by_id(layout)[door.parent or ""]
    on_wall = door.x in (room.x, room.x + room.width - 1) or door.y in (
        room.y,
        room.y + room.height - 1,
    )
    inside_box = room.x <= door.x < room.x + room.width and room.y <= door.y < room.y + room.height
    assert on_wall and inside_box


@pytest.mark.parametrize("place", INDOOR)
def test_an_indoor_place_hangs_windows_on_walls_and_keeps_buildings_out(place: str) -> None:
    things = [("house-1", "house"), ("window-1", "window"), ("table-1", "table")]
    layout = lay(request(place, things), 0)
    nodes = by_id(layout)
    assert "house-1" not in nodes
    assert any(re.fullmatch(r"could not place house-1: .*outdoors", w) for w in layout.warnings)
    window = nodes["window-1"]
    assert (
        window.y == 0
        or window.x == 0
        or window.y + window.height == 24
        or window.x + window.width == 48
    )
    small = lay(request(place, [("table-1", "table")]), 0, 24, 12)
    assert by_id(small)["table-1"].width < nodes["table-1"].width  # furniture scales with the map


def test_a_thousand_barrels_that_do_not_fit_are_reported_in_one_line() -> None:
    layout = lay(request("village", group("barrel", 1000)), 0, 32, 16)
    notes = [w for w in layout.warnings if "barrel" in w]
    assert len(notes) == 1
    match = re.fullmatch(
        r"could not place (\d+) of 1000 barrels \(barrel-(\d+)\.\.barrel-1000\): the map is full",
        notes[0],
    )
    assert match is not None
    missing = 1000 - sum(1 for n in layout.nodes if n.kind == "barrel")
    assert int(match.group(1)) == missing


@pytest.mark.parametrize(
    ("place", "things", "reason"),
    [
        ("village", [("boat-1", "boat")], r"could not place boat-1: no water to float on"),
        (
            "village",
            [("lake-1", "lake", "small"), *group("boat", 40)],
            r"could not place \d+ of 40 boats \(boat-\d+\.\.boat-40\): no free water left",
        ),
        (
            "island",
            [("island-1", "island", "tiny"), *group("house", 12)],
            r"could not place \d+ of 12 houses \(house-\d+\.\.house-12\): "
            r"no room left on the island",
        ),
        (
            "village",
            [("castle-1", "castle", "huge"), ("house-1", "house")],
            r"could not place house-1: the map is full",
        ),
    ],
)
def test_the_reason_a_thing_was_not_placed_is_the_real_one(
    place: str, things: list[tuple[str, ...]], reason: str
) -> None:
    layout = lay(request(place, things), 0, 16, 8)  # type: ignore[arg-type]
    assert any(re.fullmatch(reason, w) for w in layout.warnings), layout.warnings


def test_a_near_empty_map_never_claims_to_be_full() -> None:
    layout = lay(request("village", [("well-1", "well"), ("boat-1", "boat")]), 0)
    assert layout.warnings == ("could not place boat-1: no water to float on",)
    assert_solids_apart(layout)


def test_several_islands_share_a_lake() -> None:
    for seed in (1, 2, 3):
        graph = generate_scene("a lake with three islands", seed=seed).scene_graph
        assert graph["quality"]["thingsPlaced"] == graph["quality"]["thingsAsked"] == 4


@pytest.mark.parametrize(
    "prompt",
    [
        "an island with a ship",
        "an island with a boat in the sea",
        "a pirate ship at anchor in a bay with a treasure island nearby",
        "a spaceship landed in a field",
    ],
)
def test_a_craft_is_drawn_where_it_floats_or_lands(prompt: str) -> None:
    for seed in (1, 2):
        graph = generate_scene(prompt, seed=seed).scene_graph
        quality = graph["quality"]
        assert quality["thingsPlaced"] == quality["thingsAsked"], graph["warnings"]
        assert not graph["theme"].endswith(("_deck", "_bridge")), graph["theme"]


@pytest.mark.parametrize(
    "prompt",
    [
        "a subway platform with a train on the tracks",
        "a dwarven mine with a few minecarts on rails",
        "city park: a jogging path around a pond, ducks on the pond",
    ],
)
def test_things_stand_on_their_rails_and_float_on_their_pond(prompt: str) -> None:
    for seed in (1, 2):
        graph = generate_scene(prompt, seed=seed).scene_graph
        quality = graph["quality"]
        assert quality["relationsHeld"] == quality["relationsStated"], prompt


@pytest.mark.parametrize("seed", SEEDS)
def test_a_thing_next_to_one_inside_walls_is_inside_them_too(seed: int) -> None:
    prompt = "a cave with a dragon in the center of the hall, treasure next to the dragon"
    graph = generate_scene(prompt, seed=seed).scene_graph
    held = {(r["subject"], r["predicate"]): r["satisfied"] for r in graph["relations"]}
    assert held[("treasure-1", "next_to")], graph["relations"]


def test_a_ring_is_verified_once_not_once_per_member(monkeypatch: pytest.MonkeyPatch) -> None:
    """900 houses round a square took 810,000 side measurements (6 s) to verify."""
    from domain.scene.verify import measures

    calls = 0
    measured = measures.side

    def counting(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> str:
        nonlocal calls
        calls += 1
        return str(measured(a, b))

    monkeypatch.setattr(measures, "side", counting)
    graph = generate_scene("60 houses around a well", seed=1, width=128, height=64).scene_graph
    around = [r for r in graph["relations"] if r["predicate"] == "around"]
    assert len(around) == 60
    assert calls <= 4 * len(around)  # placing measures each member too; verifying it once more


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("wall", ["west", "east"])
def test_a_row_along_a_side_wall_runs_down_that_wall(seed: int, wall: str) -> None:
    prompt = f"a laundromat with a row of 10 washing machines along the {wall} wall"
    graph = generate_scene(prompt, seed=seed).scene_graph
    machines = [n for n in graph["root"]["children"] if n["kind"] == "washing_machine"]
    assert len(machines) == 10
    assert len({n["transform"]["x"] for n in machines}) == 1  # one line, north to south
    assert all(r["satisfied"] for r in graph["relations"]), graph["relations"]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_plot_grows_to_hold_the_beds_it_is_given(seed: int) -> None:
    prompt = "a vegetable garden with six raised beds in a grid"
    graph = generate_scene(prompt, seed=seed, width=64, height=32).scene_graph
    quality = graph["quality"]
    assert quality["thingsPlaced"] == quality["thingsAsked"] == 7
    assert quality["relationsHeld"] == quality["relationsStated"], graph["relations"]


@pytest.mark.parametrize("seed", SEEDS)
def test_creatures_in_a_pool_stand_on_its_water(seed: int) -> None:
    graph = generate_scene("a zoo with three penguins in a pool", seed=seed).scene_graph
    assert all(r["satisfied"] for r in graph["relations"]), graph["relations"]
    assert graph["quality"]["thingsPlaced"] == graph["quality"]["thingsAsked"]


def test_land_all_around_an_island_leaves_the_island_drawn() -> None:
    """Found at random: `pasture all around atoll` put the island inside the pasture, which
    had no land to stand on, and drew nothing at all."""
    graph = generate_scene("pasture all around atoll", seed=0, width=16, height=8).scene_graph
    assert graph["quality"]["thingsPlaced"] == 2


@pytest.mark.parametrize("seed", SEEDS)
def test_a_lighthouse_at_the_end_of_a_pier_is_built_out_on_the_water_there(seed: int) -> None:
    graph = generate_scene("a lighthouse at the end of a pier", seed=seed).scene_graph
    held = {(r["subject"], r["predicate"]): r["satisfied"] for r in graph["relations"]}
    assert held[("lighthouse-1", "at_head_of")], graph["relations"]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_corridor_is_as_long_as_its_rooms_need_and_leaves_room_at_its_end(seed: int) -> None:
    prompt = (
        "a prison block with a long corridor and six cells on each side, a guard post at the end"
    )
    graph = generate_scene(prompt, seed=seed, width=64, height=32).scene_graph
    corridor = next(n for n in graph["root"]["children"] if n["kind"] == "corridor")
    length = max(corridor["transform"]["width"], corridor["transform"]["height"])
    assert length > 32  # more than the half of the map a corridor was given
    held = [r for r in graph["relations"] if r["predicate"] == "on_side_of" and r["satisfied"]]
    assert len(held) >= 8, graph["relations"]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_thing_facing_another_in_the_middle_faces_it_from_the_middle(seed: int) -> None:
    prompt = (
        "a starship bridge with a viewscreen on the north wall and a chair facing it in the middle"
    )
    graph = generate_scene(prompt, seed=seed).scene_graph
    facing = next(r for r in graph["relations"] if r["predicate"] == "facing")
    assert facing["argument"] == "afar"
    assert all(r["satisfied"] for r in graph["relations"]), graph["relations"]


@pytest.mark.parametrize("seed", SEEDS)
def test_an_area_holding_a_ring_and_its_centre_is_wide_enough_for_both(seed: int) -> None:
    prompt = (
        "an elven glade with five tree houses in a circle around a giant oak, a small shrine"
        " west of the oak and a stream running along the southern edge"
    )
    graph = generate_scene(prompt, seed=seed, width=80, height=40).scene_graph
    assert all(r["satisfied"] for r in graph["relations"]), graph["relations"]
    nodes = {n["id"]: n for n in _all_nodes(graph["root"])}
    oak = nodes["tree-1"]["transform"]
    cx, cy = oak["x"] + oak["width"] / 2, oak["y"] + oak["height"] / 2
    angles = sorted(
        math.degrees(math.atan2(t["y"] + t["height"] / 2 - cy, t["x"] + t["width"] / 2 - cx)) % 360
        for n in nodes.values()
        if n["kind"] == "house"
        for t in [n["transform"]]
    )
    gaps = [b - a for a, b in itertools.pairwise(angles)] + [360 - angles[-1] + angles[0]]
    assert max(gaps) <= 180, angles  # the houses all round the oak, no side left open


def _all_nodes(node: dict[str, Any]) -> list[dict[str, Any]]:
    return [node, *(n for child in node.get("children", []) for n in _all_nodes(child))]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_row_asked_to_stand_by_the_sea_finds_room_along_it(seed: int) -> None:
    prompt = "a coastal village: a row of cottages along the shore and a chapel on a cliff"
    graph = generate_scene(prompt, seed=seed, width=64, height=32).scene_graph
    assert all(r["satisfied"] for r in graph["relations"]), graph["relations"]


@pytest.mark.parametrize("seed", SEEDS)
def test_rows_leave_the_middle_to_what_is_asked_there(seed: int) -> None:
    prompt = "a library with tall bookcases in rows and reading tables in the middle"
    graph = generate_scene(prompt, seed=seed).scene_graph
    assert all(r["satisfied"] for r in graph["relations"]), graph["relations"]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_road_to_the_sea_comes_down_from_the_far_edge_to_the_shore(seed: int) -> None:
    graph = generate_scene(
        "a high street running down to the sea", seed=seed, width=64, height=32
    ).scene_graph
    nodes = {n["id"]: n for n in _all_nodes(graph["root"])}
    road = nodes["road-1"]["transform"]
    assert road["height"] >= 16, road  # not one cell by the water
    assert all(r["satisfied"] for r in graph["relations"]), graph["relations"]


def _boxes(graph: dict[str, Any]) -> dict[str, tuple[int, int, int, int]]:
    return {
        n["id"]: (
            n["transform"]["x"],
            n["transform"]["y"],
            n["transform"]["width"],
            n["transform"]["height"],
        )
        for n in _all_nodes(graph["root"])
        if "transform" in n
    }


@pytest.mark.parametrize("seed", SEEDS)
def test_between_two_far_apart_is_on_the_way_from_one_to_the_other(seed: int) -> None:
    prompt = (
        "two armies facing each other across a muddy field, the red army on the west side and"
        " the blue army on the east, a burning windmill between them"
    )
    graph = generate_scene(prompt, seed=seed, width=80, height=40).scene_graph
    boxes = _boxes(graph)
    (ax, ay, aw, ah), (bx, by, bw, bh) = boxes["army-1"], boxes["army-2"]
    wx, wy, ww, wh = boxes["windmill-1"]
    a, b, w = (ax + aw / 2, ay + ah / 2), (bx + bw / 2, by + bh / 2), (wx + ww / 2, wy + wh / 2)
    off = abs((b[0] - a[0]) * (w[1] - a[1]) - (b[1] - a[1]) * (w[0] - a[0])) / math.dist(a, b)
    assert off <= 2.5, (boxes, off)  # within two cells of the line (plus half a cell)
    between = [r for r in graph["relations"] if r["predicate"] == "between"]
    assert between and all(r["satisfied"] for r in between), graph["relations"]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_desk_by_the_board_the_rows_face_has_its_place_before_them(seed: int) -> None:
    prompt = "a classroom with 4 rows of 5 desks facing the whiteboard, teacher's desk at the front"
    graph = generate_scene(prompt, seed=seed, width=64, height=32).scene_graph
    assert all(r["satisfied"] for r in graph["relations"]), graph["relations"]
    assert _boxes(graph)["whiteboard-1"][1] == 0  # on the wall, not among the desks


@pytest.mark.parametrize("seed", SEEDS)
def test_a_throne_on_a_dais_at_the_north_end_is_at_the_dais_north_end_too(seed: int) -> None:
    prompt = "throne room. Throne on a raised dais at the far north end, eight pillars in two lines"
    graph = generate_scene(prompt, seed=seed, width=64, height=32).scene_graph
    boxes = _boxes(graph)
    assert boxes["stage-1"][1] + boxes["stage-1"][3] <= 32 * 0.4
    assert all(r["satisfied"] for r in graph["relations"]), graph["relations"]


@pytest.mark.parametrize("seed", SEEDS)
def test_things_along_an_edge_stand_at_it(seed: int) -> None:
    prompt = "a village with a stage at the north end and food trucks along the east edge"
    graph = generate_scene(prompt, seed=seed, width=80, height=40).scene_graph
    trucks = [box for key, box in _boxes(graph).items() if key.startswith("truck")]
    assert trucks and all(80 - (x + w) <= rules.EDGE_DISTANCE for x, _, w, _ in trucks), trucks
    assert all(r["satisfied"] for r in graph["relations"]), graph["relations"]


def test_two_free_cells_from_an_edge_is_not_along_it() -> None:
    from domain.scene.layout.context import Geo
    from domain.scene.layout.penalty import edge

    assert edge(Geo(76, 10, 3, 1), 80, 40, "east") == 0  # one free cell
    assert edge(Geo(75, 10, 3, 1), 80, 40, "east") > 0  # two: a wish the layout still works on


@pytest.mark.parametrize("seed", SEEDS)
def test_a_canal_runs_straight_where_a_river_bends(seed: int) -> None:
    graph = generate_scene(
        "a town with a canal running east to west", seed=seed, width=64, height=32
    ).scene_graph
    canal = next(n for n in _all_nodes(graph["root"]) if n["id"] == "river-1")
    rows = {cell[1] for cell in canal["path"]}
    assert len(rows) <= 3, sorted(rows)  # as thick as it is, no bends


@pytest.mark.parametrize("seed", SEEDS)
def test_a_coffee_table_on_a_rug_stands_between_the_couch_and_the_tv_it_faces(seed: int) -> None:
    prompt = (
        "my apartment living room - couch facing the tv, coffee table between them, bookshelf "
        "against the south wall, a rug under the coffee table"
    )
    graph = generate_scene(prompt, seed=seed, width=48, height=24).scene_graph
    assert all(r["satisfied"] for r in graph["relations"]), graph["relations"]
    boxes = _boxes(graph)
    sofa, tv, rug = boxes["sofa-1"], boxes["television-1"], boxes["rug-1"]
    across = [(b[1], b[1] + b[3]) for b in (sofa, rug, tv)]  # the rug lies across the gap
    across_x = [(b[0], b[0] + b[2]) for b in (sofa, rug, tv)]
    in_line = sorted(across) == across or sorted(across, reverse=True) == across
    in_row = sorted(across_x) == across_x or sorted(across_x, reverse=True) == across_x
    assert in_line or in_row, boxes


def test_what_is_set_between_two_facing_things_does_not_block_their_view() -> None:
    from domain.scene.model import RelationSpec
    from domain.scene.verify import verify_relations

    def node(node_id: str, x: int, y: int, w: int, h: int) -> PlacedNode:
        kind = node_id.split("-")[0]
        layer = catalog.kind_spec(kind).layer
        return PlacedNode(
            id=node_id, kind=kind, label=kind, layer=layer, x=x, y=y, width=w, height=h,
            rotation=0, tags=(),
        )  # fmt: skip

    nodes = (
        node("sofa-1", 10, 2, 6, 2),
        node("table-1", 11, 5, 4, 1),
        node("television-1", 12, 7, 2, 1),
    )
    facing = RelationSpec(subject="sofa-1", predicate="facing", objects=("television-1",))
    between = RelationSpec(
        subject="table-1", predicate="between", objects=("sofa-1", "television-1")
    )
    alone = verify_relations(nodes, [facing], 32, 16, "living_room")
    both = verify_relations(nodes, [facing, between], 32, 16, "living_room")
    assert not alone[0].satisfied  # a table nobody put there is in the way
    assert both[0].satisfied and both[1].satisfied


@pytest.mark.parametrize("seed", SEEDS)
def test_a_path_in_the_middle_is_centred_as_a_whole(seed: int) -> None:
    prompt = "a tourney field with the jousting list running down the center"
    graph = generate_scene(prompt, seed=seed, width=80, height=40).scene_graph
    x, y, w, h = _boxes(graph)["fence-1"]
    assert abs(2 * x + w - 80) <= 80 // 5 and abs(2 * y + h - 40) <= 40 // 5, (x, y, w, h)


@pytest.mark.parametrize("seed", SEEDS)
def test_bleachers_on_both_sides_of_a_court_line_its_long_sides(seed: int) -> None:
    prompt = "school gym with a basketball court in the middle and bleachers along both long sides"
    graph = generate_scene(prompt, seed=seed, width=64, height=32).scene_graph
    assert all(r["satisfied"] for r in graph["relations"]), graph["relations"]
    boxes = _boxes(graph)
    court = boxes["court-1"]
    for name in ("bleachers-1", "bleachers-2"):
        _, y, _, h = boxes[name]
        assert y + h <= court[1] or y >= court[1] + court[3], (name, boxes[name], court)


@pytest.mark.parametrize("seed", SEEDS)
def test_huts_connected_by_named_walkways_are_joined_by_them(seed: int) -> None:
    prompt = "a village with 4 huts connected by rope walkways"
    graph = generate_scene(prompt, seed=seed, width=48, height=24).scene_graph
    nodes = _all_nodes(graph["root"])
    walkways = [n for n in nodes if n.get("label") == "rope walkway"]
    assert len(walkways) == 3 and all(n.get("path") for n in walkways), walkways
    assert all(r["satisfied"] for r in graph["relations"]), graph["relations"]


@pytest.mark.parametrize("seed", SEEDS)
def test_many_rooms_against_one_wall_all_stand_against_it(seed: int) -> None:
    prompt = "ER with 6 curtained bays along the west wall"
    graph = generate_scene(prompt, seed=seed, width=48, height=24).scene_graph
    bays = [n for n in _all_nodes(graph["root"]) if n.get("label") == "curtained bay"]
    assert len(bays) == 6 and all(n["transform"]["x"] == 0 for n in bays), bays


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize(
    ("prompt", "edge"),
    [
        ("waterfall pouring into a pool, river flows south from the pool", "south"),
        ("a campsite with 3 tents, a trail from the tents leading east off the map", "east"),
        ("a market town with a town hall in the centre, a road leading south out", "south"),
    ],
)
def test_a_way_said_to_run_one_way_from_a_thing_reaches_that_edge(
    seed: int, prompt: str, edge: str
) -> None:
    result = generate_scene(prompt, seed=seed, width=48, height=24)
    graph = result.scene_graph
    runs = [r for r in graph["relations"] if r["predicate"] == "runs" and r.get("argument") == edge]
    assert runs, graph["relations"]
    assert all(r["satisfied"] for r in runs), runs
    quality = graph["quality"]
    assert quality["relationsHeld"] == quality["relationsStated"], graph["relations"]


@pytest.mark.parametrize("seed", range(4))
def test_a_row_along_a_fence_running_north_south_runs_north_south(seed: int) -> None:
    prompt = "festival grounds, a row of 10 porta potties along the east fence"
    layout = lay(parse_prompt(prompt), seed, 96, 48)
    potties = [n for n in layout.nodes if n.kind == "potty"]
    xs, ys = {n.x for n in potties}, {n.y for n in potties}
    assert len(potties) == 10 and len(xs) < len(ys)


def test_a_thing_in_a_diagonal_part_is_aimed_at_that_corner_third() -> None:
    # In a crowded scene the stage in the SW may settle anywhere in the outer 40%; aimed at
    # the corner third it lands there in most seeds (2 of 8 when aimed at the 40% band).
    prompt = (
        "music festival grounds, main stage at the north end, smaller 2nd stage in the SW,"
        " row of 10 porta potties along the east fence, 6 food trucks in a line near the south"
        " entrance, beer tent between the two stages"
    )
    cornered = 0
    for seed in range(8):
        stage = by_id(lay(parse_prompt(prompt), seed, 96, 48))["stage-2"]
        cx, cy = centre2(stage)
        cornered += cx <= 2 * 96 / 3 and cy >= 2 * 48 * 2 / 3
    assert cornered >= 4


@pytest.mark.parametrize("seed", range(4))
def test_many_tables_around_a_floor_on_a_big_map_stay_close_to_it(seed: int) -> None:
    # Grown with a 64x32 hall, ten tables would ring the floor eight cells out; shrunk back
    # they stand within a few cells of it.
    prompt = "reception hall: dance floor in the center, and 10 round tables around the dance floor"
    layout = lay(parse_prompt(prompt), seed, 64, 32)
    nodes = by_id(layout)
    tables = [n for n in layout.nodes if n.kind == "table"]
    close = [t for t in tables if gap(t, nodes["dance_floor-1"]) <= 4]
    assert len(tables) == 10 and len(close) >= 8


@pytest.mark.parametrize("seed", range(3))
def test_under_the_sea_fish_swim_anywhere_and_the_wreck_lies_on_the_floor(seed: int) -> None:
    prompt = "underwater: a sunken ship in the middle, 2 sharks circling the wreck, a giant clam"
    request = parse_prompt(prompt)
    assert request.place == "seabed"
    assert not [t for t in request.things if t.kind in ("pond", "pool", "sea")]
    layout = lay(request, seed, 64, 32)
    nodes = by_id(layout)
    sharks = [n for n in layout.nodes if n.kind == "fish"]
    assert len(sharks) == 2 and "wreck-1" in nodes and "shell-1" in nodes
    assert all(gap(s, nodes["wreck-1"]) <= 4 for s in sharks)


@pytest.mark.parametrize("seed", range(4))
def test_a_ring_of_many_huts_stays_close_round_its_centre(seed: int) -> None:
    prompt = "barbarian hill fort: a longhouse in the centre, ring of 8 huts around it"
    layout = lay(parse_prompt(prompt), seed, 64, 32)
    nodes = by_id(layout)
    huts = [n for n in layout.nodes if n.kind == "house" and n.id != "house-1"]
    close = [h for h in huts if gap(h, nodes["house-1"]) <= 5]
    assert len(huts) == 8 and len(close) >= 6


@pytest.mark.parametrize("seed", range(3))
def test_a_gangplank_between_two_ships_side_by_side_joins_them(seed: int) -> None:
    # The ships are placed late (they float) and lie one cell apart: the plank, one cell
    # long, is laid after them, from one to the other.
    request = parse_prompt("two ships side by side for a boarding action, gangplank between them")
    layout = lay(request, seed, 64, 32)
    nodes = by_id(layout)
    plank = nodes["bridge-1"]
    assert gap(plank, nodes["ship-1"]) == 0 and gap(plank, nodes["ship-2"]) == 0
