"""Layout of the arrangements users name, from hand-built requests (no parser): the verifier
says each holds, and the geometry is checked again here from the coordinates."""

import math

import pytest

from domain.scene import relation_rules as rules
from tests.unit.scene.patterns_support import (
    all_hold,
    assert_solids_apart,
    by_id,
    cells,
    centre2,
    gap,
    group,
    lay,
    rect,
    request,
)

SEEDS = range(10)
CORNERS = ("northwest", "northeast", "southeast", "southwest")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_boat_on_a_lake_floats_within_it(seed: int) -> None:
    req = request(
        "village", [("lake-1", "lake"), ("boat-1", "boat")], [("boat-1", "on", ["lake-1"], None)]
    )
    layout = lay(req, seed)
    nodes = by_id(layout)
    assert all_hold(layout)
    assert cells(nodes["boat-1"]) <= cells(nodes["lake-1"])


@pytest.mark.parametrize("seed", SEEDS)
def test_a_skeleton_stands_on_a_trap_as_its_sibling(seed: int) -> None:
    things = [("room-1", "room"), ("trap-1", "trap"), ("skeleton-1", "skeleton")]
    layout = lay(request("dungeon", things, [("skeleton-1", "on", ["trap-1"], None)]), seed)
    nodes = by_id(layout)
    assert all_hold(layout)
    assert rect(nodes["skeleton-1"])[:2] == rect(nodes["trap-1"])[:2]
    assert nodes["skeleton-1"].parent == nodes["trap-1"].parent  # siblings, both in the room
    assert_solids_apart(layout)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_cart_on_the_road_and_a_candle_on_the_table(seed: int) -> None:
    village = request(
        "village", [("road-1", "road"), ("cart-1", "cart")], [("cart-1", "on", ["road-1"], None)]
    )
    layout = lay(village, seed)
    assert all_hold(layout)
    assert cells(by_id(layout)["cart-1"]) <= cells(by_id(layout)["road-1"])
    room = request(
        "room", [("table-1", "table"), ("lamp-1", "lamp")], [("lamp-1", "on", ["table-1"], None)]
    )
    layout = lay(room, seed)
    nodes = by_id(layout)
    assert all_hold(layout)
    assert cells(nodes["lamp-1"]) <= cells(nodes["table-1"])
    assert nodes["lamp-1"].parent == "table-1"  # a table holds what is on it
    assert_solids_apart(layout)


def _side(road: list[tuple[int, int]], node_centre: tuple[int, int]) -> str | None:
    """Left or right of a road walked west to east (north is left) where it runs straight
    past the thing; None where it bends there (judged by the verifier alone)."""
    x = node_centre[0] // 2
    rows = {cy for cx, cy in road if abs(cx - x) <= 3}
    if not rows or max(rows) - min(rows) > 2 or road[0][0] > road[-1][0]:
        return None
    if node_centre[1] < 2 * min(rows):
        return "left"
    return "right" if node_centre[1] > 2 * max(rows) + 2 else None


@pytest.mark.parametrize("seed", SEEDS)
def test_houses_on_both_sides_of_the_street(seed: int) -> None:
    houses = group("house", 6)
    relations = [
        (h[0], "on_side_of", ["road-1"], "left" if k % 2 == 0 else "right")
        for k, h in enumerate(houses)
    ]
    req = request("village", [("road-1", "road"), *houses], relations)
    layout = lay(req, seed)
    nodes = by_id(layout)
    assert all_hold(layout)
    road = list(nodes["road-1"].path or ())
    for k, house in enumerate(houses):
        node = nodes[house[0]]
        reach = min(
            max(abs(cx - x), abs(cy - y)) for cx, cy in cells(node) for x, y in road
        )  # Chebyshev distance between cells: 1 = touching
        assert reach <= rules.ALONG_GAP + 1
        assert _side(road, centre2(node)) in (None, "left" if k % 2 == 0 else "right")
    assert_solids_apart(layout)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_house_across_the_street_from_the_tavern(seed: int) -> None:
    things = [("road-1", "road"), ("tavern-1", "tavern"), ("house-1", "house")]
    relations = [
        ("tavern-1", "along", ["road-1"], None),
        ("house-1", "across_from", ["tavern-1", "road-1"], None),
    ]
    layout = lay(request("village", things, relations), seed)
    nodes = by_id(layout)
    assert all_hold(layout)
    house, tavern = nodes["house-1"], nodes["tavern-1"]
    columns = house.x < tavern.x + tavern.width and tavern.x < house.x + house.width
    rows = house.y < tavern.y + tavern.height and tavern.y < house.y + house.height
    assert columns != rows
    (ax, ay), (bx, by) = centre2(house), centre2(tavern)
    on_segment = {
        (int((ax + (bx - ax) * t / 40) // 2), int((ay + (by - ay) * t / 40) // 2))
        for t in range(41)
    }
    assert on_segment & cells(nodes["road-1"])


@pytest.mark.parametrize("seed", SEEDS)
def test_two_sofas_facing_each_other(seed: int) -> None:
    things = [("sofa-1", "sofa"), ("sofa-2", "sofa")]
    layout = lay(request("room", things, [("sofa-1", "facing", ["sofa-2"], None)]), seed)
    a, b = by_id(layout)["sofa-1"], by_id(layout)["sofa-2"]
    assert all_hold(layout)
    assert gap(a, b) <= rules.FACING_GAP
    assert (a.x < b.x + b.width and b.x < a.x + a.width) or (
        a.y < b.y + b.height and b.y < a.y + a.height
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_chairs_at_the_heads_of_a_table(seed: int) -> None:
    things = [("table-1", "table"), ("chair-1", "chair"), ("chair-2", "chair")]
    relations = [
        ("chair-1", "at_head_of", ["table-1"], None),
        ("chair-2", "at_head_of", ["table-1"], None),
    ]
    layout = lay(request("room", things, relations), seed)
    nodes = by_id(layout)
    assert all_hold(layout)
    table = nodes["table-1"]
    long_ew = table.width >= table.height
    for chair_id in ("chair-1", "chair-2"):
        chair = nodes[chair_id]
        if long_ew:
            assert chair.x + chair.width == table.x or chair.x == table.x + table.width
            assert abs(centre2(chair)[1] - centre2(table)[1]) <= 2
        else:
            assert chair.y + chair.height == table.y or chair.y == table.y + table.height
            assert abs(centre2(chair)[0] - centre2(table)[0]) <= 2


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(("kind", "count"), [("tent", 12), ("barrel", 9), ("house", 4)])
def test_things_in_rows_share_rows_evenly_spaced(seed: int, kind: str, count: int) -> None:
    members = group(kind, count)
    relation = (members[0][0], "in_rows", [m[0] for m in members[1:]], None)
    layout = lay(request("village", members, [relation]), seed)
    nodes = by_id(layout)
    assert all_hold(layout)
    rows: dict[int, list[int]] = {}
    for member in members:
        x2, y2 = centre2(nodes[member[0]])
        rows.setdefault(y2, []).append(x2)
    assert all(len(xs) >= 2 for xs in rows.values())
    for xs in rows.values():
        steps = {b - a for a, b in zip(sorted(xs), sorted(xs)[1:], strict=False)}
        assert len(steps) <= 1
    assert_solids_apart(layout)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(("kind", "count"), [("rock", 8), ("tent", 6), ("statue", 3)])
def test_things_in_a_ring_surround_open_ground(seed: int, kind: str, count: int) -> None:
    members = group(kind, count)
    relation = (members[0][0], "in_ring", [m[0] for m in members[1:]], None)
    layout = lay(request("village", members, [relation]), seed)
    nodes = [by_id(layout)[m[0]] for m in members]
    assert all_hold(layout)
    points = [centre2(node) for node in nodes]
    mx, my = sum(p[0] for p in points) / count, sum(p[1] for p in points) / count
    quadrants = {(p[0] > mx, p[1] > my) for p in points}
    assert len(quadrants) >= 3
    distances = [math.hypot(p[0] - mx, p[1] - my) for p in points]
    assert max(distances) <= 2 * min(distances) + 4
    assert_solids_apart(layout)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(("kind", "heading"), [("river", "north_south"), ("road", "east_west")])
def test_a_path_runs_from_edge_to_edge(seed: int, kind: str, heading: str) -> None:
    layout = lay(
        request("village", [(f"{kind}-1", kind)], [(f"{kind}-1", "runs", [], heading)]), seed
    )
    path = by_id(layout)[f"{kind}-1"].path or ()
    assert all_hold(layout)
    if heading == "north_south":
        assert {0, 23} <= {y for _, y in path}
    else:
        assert {0, 47} <= {x for x, _ in path}


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(
    ("place", "things"),
    [
        ("coast", [("sea-1", "sea"), ("pier-1", "pier")]),
        ("village", [("lake-1", "lake"), ("pier-1", "pier")]),
        ("island", [("island-1", "island"), ("pier-1", "pier")]),
    ],
)
def test_a_pier_reaches_from_the_shore_into_the_water(
    seed: int, place: str, things: list[tuple[str, str]]
) -> None:
    layout = lay(request(place, things, [("pier-1", "on_shore", [], None)]), seed)
    nodes = by_id(layout)
    assert all_hold(layout)
    wet: set[tuple[int, int]] = set()
    if place == "island":
        wet = {(x, y) for x in range(48) for y in range(24)} - cells(nodes["island-1"])
    else:
        wet = cells(nodes[things[0][0]])
    pier = nodes["pier-1"]
    line = sorted(cells(pier))
    ends = [line[0], line[-1]]
    assert sum(1 for end in ends if end not in wet) == 1  # one end ashore
    assert len([c for c in line if c not in wet]) == 1  # the rest afloat


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(("count", "argument", "rows"), [(9, "grid", 3), (6, "2", 2), (12, "3", 3)])
def test_a_grid_or_a_number_of_rows(seed: int, count: int, argument: str, rows: int) -> None:
    members = group("tent", count)
    relation = (members[0][0], "in_rows", [m[0] for m in members[1:]], argument)
    layout = lay(request("village", members, [relation]), seed)
    nodes = [by_id(layout)[m[0]] for m in members]
    assert all_hold(layout)
    ys = {centre2(node)[1] for node in nodes}
    xs = {centre2(node)[0] for node in nodes}
    assert len(ys) == rows
    assert len(xs) * len(ys) == count  # full rows and columns
