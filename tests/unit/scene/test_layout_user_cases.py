"""Layout of scenes users described: an island amid a lake, a board on a wall faced by rows,
a single row of large things, people spread round a table, things along walls and on tables.
Each is checked from the coordinates over a few seeds."""

import math

import msgspec
import pytest

from domain.scene.layout import layout_scene
from domain.scene.model import Layout, PlacedNode
from domain.scene.parse import parse_prompt
from tests.unit.scene.patterns_support import (
    Relation,
    by_id,
    cells,
    centre2,
    group,
    lay,
    request,
)

SEEDS = range(4)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("island_size", ["tiny", "small", "medium", "large"])
def test_an_island_in_the_middle_of_a_lake_has_water_all_round(seed: int, island_size: str) -> None:
    req = request(
        "lake",
        [("lake-1", "lake", "huge"), ("island-1", "island", island_size), ("boat-1", "boat")],
        [
            ("island-1", "inside", ["lake-1"], None),
            ("island-1", "in_center", ["lake-1"], None),
            ("boat-1", "inside", ["lake-1"], None),
        ],
    )
    nodes = by_id(lay(req, seed))
    assert "island-1" in nodes
    lake, island = cells(nodes["lake-1"]), cells(nodes["island-1"])
    assert island < lake
    assert all(
        (x + dx, y + dy) in lake for x, y in island for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1))
    )
    lake_node = nodes["lake-1"]
    (lx, ly), (ix, iy) = centre2(lake_node), centre2(nodes["island-1"])
    assert abs(lx - ix) <= lake_node.width // 2 and abs(ly - iy) <= lake_node.height // 2
    assert cells(nodes["boat-1"]) <= lake - island


def _classroom(seed: int) -> Layout:
    desks = group("desk", 30)
    ids = [desk[0] for desk in desks]
    relations: list[Relation] = [(ids[0], "in_rows", ids[1:], None)]
    relations += [(desk, "facing", ["blackboard-1"], None) for desk in ids]
    req = request("classroom", [*desks, ("blackboard-1", "blackboard")], relations)
    return lay(req, seed)


def _wall_of(node: PlacedNode, width: int, height: int) -> str | None:
    touching = {
        "north": node.y == 0,
        "south": node.y + node.height == height,
        "west": node.x == 0,
        "east": node.x + node.width == width,
    }
    return next((side for side, touches in touching.items() if touches), None)


def _looks_at(desk: PlacedNode, board: PlacedNode, wall: str) -> bool:
    """The board is ahead of the desk, seen from the room: within 60 degrees of straight out
    from the board's wall."""
    (dx, dy), (bx, by) = centre2(desk), centre2(board)
    ahead, aside = {
        "north": (dy - by, dx - bx),
        "south": (by - dy, dx - bx),
        "west": (dx - bx, dy - by),
        "east": (bx - dx, dy - by),
    }[wall]
    return ahead > 0 and abs(aside) <= 1.8 * ahead


@pytest.mark.parametrize("seed", SEEDS)
def test_a_board_rows_of_desks_face_hangs_on_a_wall_in_front_of_them(seed: int) -> None:
    layout = _classroom(seed)
    nodes = by_id(layout)
    board = nodes["blackboard-1"]
    desks = [node for node in layout.nodes if node.kind == "desk"]
    assert len(desks) == 30
    wall = _wall_of(board, 48, 24)
    assert wall is not None
    assert sum(_looks_at(desk, board, wall) for desk in desks) > len(desks) // 2
    facing = [r for r in layout.relations if r.predicate == "facing"]
    assert sum(r.satisfied for r in facing) > len(facing) // 2


def _lines(nodes: list[PlacedNode]) -> int:
    """How many distinct rows (or columns, whichever are fewer) the centres stand on."""
    centres = [centre2(node) for node in nodes]
    return min(len({x for x, _ in centres}), len({y for _, y in centres}))


@pytest.mark.parametrize("seed", SEEDS)
def test_buses_in_one_row_under_a_shelter_turn_to_stand_side_by_side(seed: int) -> None:
    buses = group("bus", 6)
    relations: list[Relation] = [(buses[0][0], "in_rows", [b[0] for b in buses[1:]], "1")]
    relations += [(bus[0], "inside", ["canopy-1"], None) for bus in buses]
    req = request("bus_station", [*buses, ("canopy-1", "canopy")], relations)
    layout = lay(req, seed)
    nodes = by_id(layout)
    placed = [nodes[bus[0]] for bus in buses]
    assert _lines(placed) == 1
    shelter = cells(nodes["canopy-1"])
    assert all(cells(bus) <= shelter for bus in placed)


@pytest.mark.parametrize("seed", SEEDS)
def test_three_courts_side_by_side_stand_on_one_line(seed: int) -> None:
    courts = group("court", 3)
    req = request(
        "park",
        [*courts, ("clubhouse-1", "clubhouse")],
        [(courts[0][0], "in_rows", [c[0] for c in courts[1:]], None)],
    )
    nodes = by_id(lay(req, seed))
    assert _lines([nodes[court[0]] for court in courts]) == 1


def _widest_empty_arc(members: list[PlacedNode], centre: PlacedNode) -> float:
    cx, cy = centre2(centre)
    angles = sorted(
        math.degrees(math.atan2(centre2(m)[1] - cy, centre2(m)[0] - cx)) % 360 for m in members
    )
    return max((angles[(k + 1) % len(angles)] - angles[k]) % 360 for k in range(len(angles)))


@pytest.mark.parametrize("seed", SEEDS)
def test_people_asked_around_a_table_spread_round_it_among_the_rooms_chairs(seed: int) -> None:
    people = group("person", 3)
    req = request(
        "hospital_ward",
        [("table-1", "table"), *people, *group("chair", 3)],
        [(person[0], "around", ["table-1"], None) for person in people],
    )
    usual = tuple(
        msgspec.structs.replace(t, origin="default") if t.kind == "chair" else t for t in req.things
    )
    nodes = by_id(lay(msgspec.structs.replace(req, things=usual), seed))
    assert _widest_empty_arc([nodes[p[0]] for p in people], nodes["table-1"]) <= 180


VAULT = (
    "bank vault with a massive round door, safe deposit boxes covering three walls, "
    "gold bars stacked on a table in the middle"
)


@pytest.mark.parametrize("seed", SEEDS)
def test_boxes_covering_walls_touch_them_and_gold_bars_lie_on_the_table(seed: int) -> None:
    layout = layout_scene(parse_prompt(VAULT), seed=seed, width=48, height=24)
    boxes = [node for node in layout.nodes if node.label == "safe deposit box"]
    bars = [node for node in layout.nodes if node.label == "gold bar"]
    table = next(node for node in layout.nodes if node.kind == "table")
    assert len(boxes) == 3 and len(bars) == 3
    assert all(_wall_of(box, 48, 24) is not None for box in boxes)
    assert all(cells(bar) <= cells(table) for bar in bars)
