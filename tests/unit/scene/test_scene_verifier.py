"""The verifier judges hand-built layouts: it must say no as readily as yes."""

import pytest

from domain.scene.model import PlacedNode, RelationSpec
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
        subject=subject, predicate=predicate, objects=objects, argument=argument
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
