"""The verifier judges hand-built layouts: it must say no as readily as yes."""

import pytest

from domain.scene.model import PlacedNode, RelationSpec
from domain.scene.terms import as_predicate
from domain.scene.verify import verify_relations

W, H = 20, 10


def box(
    node_id: str,
    x: int,
    y: int,
    w: int = 1,
    h: int = 1,
    parent: str | None = None,
    tags: tuple[str, ...] = (),
) -> PlacedNode:
    kind = node_id.rsplit("-", 1)[0]
    return PlacedNode(
        id=node_id,
        kind=kind,
        label=kind,
        layer="object",
        x=x,
        y=y,
        width=w,
        height=h,
        rotation=0,
        tags=tags,
        parent=parent,
    )


def path(node_id: str, cells: list[tuple[int, int]]) -> PlacedNode:
    kind = node_id.rsplit("-", 1)[0]
    xs, ys = [c[0] for c in cells], [c[1] for c in cells]
    return PlacedNode(
        id=node_id,
        kind=kind,
        label=kind,
        layer="terrain",
        x=min(xs),
        y=min(ys),
        width=max(xs) - min(xs) + 1,
        height=max(ys) - min(ys) + 1,
        rotation=0,
        tags=(),
        path=tuple(cells),
    )


def holds(
    nodes: list[PlacedNode],
    subject: str,
    predicate: str,
    objects: tuple[str, ...] = (),
    argument: str | None = None,
    scene: str = "village",
) -> bool:
    relation = RelationSpec(
        subject=subject, predicate=as_predicate(predicate), objects=objects, argument=argument
    )
    (result,) = verify_relations(tuple(nodes), [relation], W, H, scene)
    return result.satisfied


def test_directions_between_boxes() -> None:
    nodes = [box("house-1", 2, 1, 3, 2), box("tree-1", 3, 6)]
    assert holds(nodes, "house-1", "north_of", ("tree-1",))
    assert holds(nodes, "tree-1", "south_of", ("house-1",))
    assert holds(nodes, "house-1", "above", ("tree-1",))
    assert not holds(nodes, "house-1", "south_of", ("tree-1",))
    assert not holds(nodes, "house-1", "east_of", ("tree-1",))


def test_north_of_a_meandering_river_is_judged_column_by_column() -> None:
    river = path("river-1", [(x, 5 if x < 10 else 2) for x in range(W)])
    assert holds([river, box("house-1", 2, 1, 3, 2)], "house-1", "north_of", ("river-1",))
    assert not holds([river, box("house-1", 12, 1, 3, 2)], "house-1", "north_of", ("river-1",))


def test_next_to_near_and_far() -> None:
    nodes = [box("chair-1", 0, 0), box("table-1", 2, 0, 2, 1), box("lamp-1", 19, 9)]
    assert holds(nodes, "chair-1", "next_to", ("table-1",))
    assert not holds(nodes, "chair-1", "next_to", ("lamp-1",))
    assert holds(nodes, "chair-1", "far_from", ("lamp-1",))
    assert not holds(nodes, "chair-1", "far_from", ("table-1",))
    nodes = [box("chair-1", 0, 0), box("table-1", 4, 0)]
    assert holds(nodes, "chair-1", "near", ("table-1",))
    assert not holds(nodes, "chair-1", "next_to", ("table-1",))


def test_inside_a_walled_container_means_inside_its_walls() -> None:
    house = box("house-1", 0, 0, 5, 4)
    assert holds(
        [house, box("table-1", 1, 1, 2, 1, parent="house-1")], "table-1", "inside", ("house-1",)
    )
    assert not holds(
        [house, box("table-1", 0, 1, 2, 1, parent="house-1")], "table-1", "inside", ("house-1",)
    )


def test_frames_center_corner_and_wall() -> None:
    nodes = [box("well-1", 9, 4, 2, 2), box("bed-1", 16, 0, 4, 2), box("rug-1", 0, 3)]
    assert holds(nodes, "well-1", "in_center")
    assert not holds(nodes, "bed-1", "in_center")
    assert holds(nodes, "bed-1", "in_corner", argument="northeast")
    assert not holds(nodes, "bed-1", "in_corner", argument="southwest")
    assert holds(nodes, "bed-1", "against_wall", argument="north")
    assert holds(nodes, "rug-1", "against_wall", argument="west")
    assert not holds(nodes, "rug-1", "against_wall", argument="east")
    assert holds(nodes, "bed-1", "in_region", argument="northeast")
    assert not holds(nodes, "rug-1", "in_region", argument="east")


def test_a_ring_surrounds_only_when_closed() -> None:
    ring = [(x, 1) for x in range(2, 9)] + [(x, 7) for x in range(2, 9)]
    ring += [(2, y) for y in range(2, 7)] + [(8, y) for y in range(2, 7)]
    castle = box("castle-1", 4, 3, 2, 2)
    assert holds([path("wall-1", ring), castle], "wall-1", "around", ("castle-1",))
    broken = [cell for cell in ring if cell != (8, 4)]
    assert not holds([path("wall-1", broken), castle], "wall-1", "around", ("castle-1",))


def test_a_group_around_something_must_cover_several_sides() -> None:
    well = box("well-1", 10, 5)
    spread = [well, box("tree-1", 10, 3), box("tree-2", 12, 5), box("tree-3", 8, 5)]
    bunched = [well, box("tree-1", 10, 3), box("tree-2", 11, 3), box("tree-3", 9, 3)]
    relations = [
        RelationSpec(subject=f"tree-{k}", predicate="around", objects=("well-1",))
        for k in (1, 2, 3)
    ]
    assert all(r.satisfied for r in verify_relations(tuple(spread), relations, W, H, "village"))
    assert not any(
        r.satisfied for r in verify_relations(tuple(bunched), relations, W, H, "village")
    )


def test_between_needs_the_thing_on_the_segment() -> None:
    ends = [box("house-1", 0, 4), box("church-1", 18, 4)]
    assert holds([*ends, box("tower-1", 9, 4)], "tower-1", "between", ("house-1", "church-1"))
    assert not holds([*ends, box("tower-1", 19, 9)], "tower-1", "between", ("house-1", "church-1"))


def test_along_and_across_a_path() -> None:
    road = path("road-1", [(x, 5) for x in range(W)])
    assert holds([road, box("tree-1", 4, 3)], "tree-1", "along", ("road-1",))
    assert not holds([road, box("tree-1", 4, 0)], "tree-1", "along", ("road-1",))
    bridge = path("bridge-1", [(6, y) for y in range(4, 7)])
    assert holds([road, bridge], "bridge-1", "across", ("road-1",))
    assert not holds([road, path("bridge-1", [(6, 1), (6, 2)])], "bridge-1", "across", ("road-1",))


@pytest.mark.parametrize("door_at", [(5, 2), None])
def test_rooms_are_connected_only_through_a_door(door_at: tuple[int, int] | None) -> None:
    rooms = [
        box("room-1", 0, 0, 5, 5, tags=("container",)),
        box("room-2", 10, 0, 5, 5, tags=("container",)),
    ]
    corridor = path("corridor-1", [(x, 2) for x in range(5, 10)])
    doors = [box("door-1", 4, 2, parent="room-1"), box("door-2", 10, 2, parent="room-2")]
    if door_at is None:
        doors = doors[:1]
    nodes = [*rooms, corridor, *doors]
    joined = holds(nodes, "room-2", "connected_to", ("room-1",), "corridor", scene="dungeon")
    assert joined == (door_at is not None)


def test_relations_about_missing_things_do_not_hold() -> None:
    assert not holds([box("house-1", 0, 0)], "house-1", "north_of", ("tree-9",))


# --- arrangements ------------------------------------------------------------------------
def test_on_means_within_the_footprint_of_what_it_stands_on() -> None:
    trap = box("trap-1", 5, 5)
    assert holds([trap, box("skeleton-1", 5, 5)], "skeleton-1", "on", ("trap-1",))
    assert not holds([trap, box("skeleton-1", 6, 5)], "skeleton-1", "on", ("trap-1",))
    lake = PlacedNode(
        id="lake-1", kind="lake", label="lake", layer="terrain", x=2, y=2, width=10, height=5,
        rotation=0, tags=(),
    )  # fmt: skip
    assert holds([lake, box("boat-1", 6, 4, 2, 1)], "boat-1", "on", ("lake-1",))
    assert not holds([lake, box("boat-1", 2, 2, 2, 1)], "boat-1", "on", ("lake-1",))  # a corner
    road = path("road-1", [(x, 5) for x in range(W)])
    assert holds([road, box("cart-1", 3, 5, 2, 1)], "cart-1", "on", ("road-1",))
    assert not holds([road, box("cart-1", 3, 4, 2, 1)], "cart-1", "on", ("road-1",))


def test_on_side_of_a_path_is_seen_walking_from_its_first_cell() -> None:
    east = path("road-1", [(x, 5) for x in range(W)])  # walked west to east: left is north
    west = path("road-1", [(x, 5) for x in reversed(range(W))])
    north_house, south_house = box("house-1", 4, 2, 3, 2), box("house-1", 4, 7, 3, 2)
    assert holds([east, north_house], "house-1", "on_side_of", ("road-1",), "left")
    assert not holds([east, north_house], "house-1", "on_side_of", ("road-1",), "right")
    assert holds([east, south_house], "house-1", "on_side_of", ("road-1",), "right")
    assert holds([west, north_house], "house-1", "on_side_of", ("road-1",), "right")
    far = box("house-1", 4, 0, 3, 1)  # north, but four rows off the road
    assert not holds([east, far], "house-1", "on_side_of", ("road-1",), "left")
    south = path("road-1", [(10, y) for y in range(H)])  # walked north to south: left is east
    assert holds([south, box("house-1", 12, 3, 2, 2)], "house-1", "on_side_of", ("road-1",), "left")
    assert holds([south, box("house-1", 7, 3, 2, 2)], "house-1", "on_side_of", ("road-1",), "right")


def test_across_from_needs_alignment_and_the_path_between() -> None:
    road = path("road-1", [(x, 5) for x in range(W)])
    tavern = box("tavern-1", 4, 2, 4, 2)
    facing_it = box("house-1", 5, 7, 3, 2)
    assert holds([road, tavern, facing_it], "house-1", "across_from", ("tavern-1", "road-1"))
    beside = box("house-1", 12, 7, 3, 2)  # across the road, but not opposite
    assert not holds([road, tavern, beside], "house-1", "across_from", ("tavern-1", "road-1"))
    same_side = box("house-1", 10, 2, 3, 2)
    assert not holds([road, tavern, same_side], "house-1", "across_from", ("tavern-1", "road-1"))


def test_across_from_open_ground_must_be_near_and_clear() -> None:
    well, house = box("well-1", 5, 2), box("house-1", 4, 6, 3, 2)
    assert holds([well, house], "house-1", "across_from", ("well-1",))
    blocked = [well, house, box("wall-1", 3, 4, 5, 1, tags=("solid",))]
    assert not holds(blocked, "house-1", "across_from", ("well-1",))
    assert not holds([well, box("house-1", 15, 6, 3, 2)], "house-1", "across_from", ("well-1",))


def test_facing_means_aligned_near_and_nothing_solid_between() -> None:
    sofa, other = box("sofa-1", 2, 2, 4, 1), box("sofa-2", 3, 5, 4, 1)
    assert holds([sofa, other], "sofa-1", "facing", ("sofa-2",))
    assert not holds([sofa, box("sofa-2", 12, 5, 4, 1)], "sofa-1", "facing", ("sofa-2",))
    assert not holds([sofa, box("sofa-2", 3, 9, 4, 1)], "sofa-1", "facing", ("sofa-2",))
    wall = box("table-1", 0, 3, 10, 2)  # a solid table across the whole gap
    assert not holds([sofa, other, wall], "sofa-1", "facing", ("sofa-2",))


@pytest.mark.parametrize(
    ("table", "chair", "expected"),
    [
        ((5, 4, 5, 3), (4, 5), True),  # west end, centred
        ((5, 4, 5, 3), (10, 5), True),  # east end
        ((5, 4, 5, 3), (10, 4), True),  # one cell off the middle
        ((5, 4, 5, 3), (7, 3), False),  # a long side
        ((5, 4, 5, 3), (3, 5), False),  # not touching
        ((5, 2, 3, 5), (6, 1), True),  # a table turned north-south: north end
        ((5, 2, 3, 5), (4, 4), False),
    ],
)
def test_at_head_of_is_the_middle_of_a_short_end(
    table: tuple[int, int, int, int], chair: tuple[int, int], expected: bool
) -> None:
    nodes = [box("table-1", *table), box("chair-1", *chair)]
    assert holds(nodes, "chair-1", "at_head_of", ("table-1",)) == expected


def _group(kind: str, spots: list[tuple[int, int]], w: int = 1, h: int = 1) -> list[PlacedNode]:
    return [box(f"{kind}-{k}", x, y, w, h) for k, (x, y) in enumerate(spots, start=1)]


def _group_holds(nodes: list[PlacedNode], predicate: str) -> bool:
    ids = tuple(node.id for node in nodes)
    return holds(nodes, ids[0], predicate, ids[1:])


def test_in_rows_wants_straight_evenly_spaced_rows_of_two_or_more() -> None:
    grid = _group("tent", [(x, y) for y in (1, 4) for x in (2, 5, 8)], 2, 2)
    assert _group_holds(grid, "in_rows")
    column = _group("tent", [(3, y) for y in (0, 3, 6)], 2, 2)
    assert _group_holds(column, "in_rows")
    ragged = _group("tent", [(2, 1), (5, 1), (9, 2), (2, 5), (5, 5), (8, 5)], 2, 2)
    assert not _group_holds(ragged, "in_rows")
    uneven = _group("tent", [(2, 1), (5, 1), (12, 1), (15, 1)], 2, 2)
    assert not _group_holds(uneven, "in_rows")
    lonely = _group("tent", [(2, 1), (5, 1), (8, 1), (2, 5)], 2, 2)  # a row of one
    assert not _group_holds(lonely, "in_rows")


def test_in_ring_wants_every_side_covered_at_similar_distances() -> None:
    ring = _group("rock", [(10, 1), (13, 2), (14, 5), (13, 8), (10, 9), (7, 8), (6, 5), (7, 2)])
    assert _group_holds(ring, "in_ring")
    arc = _group("rock", [(10, 1), (13, 2), (14, 5), (13, 8), (10, 9)])
    assert not _group_holds(arc, "in_ring")
    line = _group("rock", [(x, 4) for x in range(2, 18, 2)])
    assert not _group_holds(line, "in_ring")


def test_runs_from_edge_to_opposite_edge() -> None:
    river = path("river-1", [(7, y) for y in range(H)])
    assert holds([river], "river-1", "runs", argument="north_south")
    assert not holds([river], "river-1", "runs", argument="east_west")
    short = path("river-1", [(7, y) for y in range(H - 1)])
    assert not holds([short], "river-1", "runs", argument="north_south")


def _lake(x: int, y: int, w: int, h: int) -> PlacedNode:
    return PlacedNode(
        id="lake-1", kind="lake", label="lake", layer="terrain", x=x, y=y, width=w, height=h,
        rotation=0, tags=("water",),
    )  # fmt: skip


def test_a_pier_on_the_shore_has_one_end_on_land_and_the_rest_on_water() -> None:
    lake = _lake(0, 5, W, 5)  # water from row 5 down (a box: round only from 3x3 up, drawn so)
    ashore = box("pier-1", 8, 4, 1, 4)
    assert holds([lake, ashore], "pier-1", "on_shore")
    afloat = box("pier-1", 8, 6, 1, 4)
    assert not holds([lake, afloat], "pier-1", "on_shore")
    inland = box("pier-1", 8, 0, 1, 4)
    assert not holds([lake, inland], "pier-1", "on_shore")


def test_a_pier_on_an_island_shore_counts_the_sea_place_as_water() -> None:
    island = PlacedNode(
        id="island-1", kind="island", label="island", layer="terrain", x=0, y=0, width=W,
        height=4, rotation=0, tags=(),
    )  # fmt: skip
    pier = box("pier-1", 5, 3, 1, 4)
    assert holds([island, pier], "pier-1", "on_shore", scene="island")
    assert not holds([island, pier], "pier-1", "on_shore", scene="village")  # no water at all


def test_a_road_over_water_connects_only_on_a_bridge() -> None:
    lake = _lake(8, 0, 4, H)
    castle, house = box("castle-1", 0, 4, 3, 2), box("house-1", 17, 4, 3, 2)
    road = path("road-1", [(x, 5) for x in range(3, 17)])
    bridge = path("bridge-1", [(x, 5) for x in range(8, 12)])
    nodes = [lake, castle, house, road]
    assert not holds(nodes, "road-1", "connected_to", ("castle-1", "house-1"))
    assert not holds(nodes, "castle-1", "connected_to", ("house-1",), "road")
    assert holds([*nodes, bridge], "road-1", "connected_to", ("castle-1", "house-1"))
    assert holds([*nodes, bridge], "castle-1", "connected_to", ("house-1",), "road")


def test_around_allows_a_wider_ring_for_a_bigger_group() -> None:
    fire = box("campfire-1", 10, 5)
    spots = [(4, 2), (8, 0), (12, 0), (16, 2), (16, 7), (12, 8), (8, 8), (4, 7)]
    tents = [box(f"tent-{k}", x, y, 2, 2) for k, (x, y) in enumerate(spots, start=1)]
    relations = [
        RelationSpec(subject=f"tent-{k}", predicate="around", objects=("campfire-1",))
        for k in range(1, 9)
    ]
    results = verify_relations(tuple([fire, *tents]), relations, W, H, "village")
    assert all(r.satisfied for r in results)
    alone = verify_relations((fire, tents[0]), relations[:1], W, H, "village")
    assert not alone[0].satisfied  # one tent three cells off: too far for a group of one


def test_a_door_inside_a_room_stands_in_its_wall_not_at_a_corner() -> None:
    room = box("room-1", 2, 2, 8, 5, tags=("container",))
    assert holds([room, box("door-1", 9, 4, parent="room-1")], "door-1", "inside", ("room-1",))
    assert not holds([room, box("door-1", 9, 2, parent="room-1")], "door-1", "inside", ("room-1",))
    assert not holds([room, box("door-1", 11, 4)], "door-1", "inside", ("room-1",))


def test_in_rows_may_ask_for_a_number_of_rows_or_a_grid() -> None:
    two_rows = _group("tent", [(x, y) for y in (1, 4) for x in (2, 5, 8)], 2, 2)
    ids = tuple(node.id for node in two_rows)
    assert holds(two_rows, ids[0], "in_rows", ids[1:], "2")
    assert holds(two_rows, ids[0], "in_rows", ids[1:], "3")  # three columns of two
    assert not holds(two_rows, ids[0], "in_rows", ids[1:], "4")
    assert holds(two_rows, ids[0], "in_rows", ids[1:], "grid")
    staggered = _group("tent", [(2, 1), (5, 1), (8, 1), (3, 4), (6, 4), (9, 4)], 2, 2)
    ids = tuple(node.id for node in staggered)
    assert holds(staggered, ids[0], "in_rows", ids[1:])
    assert not holds(staggered, ids[0], "in_rows", ids[1:], "grid")
