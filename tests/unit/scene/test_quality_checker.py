"""The scene-quality checker on hand-made graphs: every rule both holds and fails."""

from typing import Any

import pytest

from tests.scene_quality.checker import (
    Absent,
    Case,
    Count,
    Expectation,
    Ground,
    Interior,
    NoOverlap,
    NoWarning,
    Place,
    Rel,
    Warns,
    World,
    check,
    check_case,
    flatten,
    line_side,
)
from tests.scene_quality.corpus import CORPUS

Node = dict[str, Any]


def node(
    ident: str,
    x: int,
    y: int,
    w: int = 1,
    h: int = 1,
    *,
    layer: str = "object",
    path: list[tuple[int, int]] | None = None,
    children: tuple[Node, ...] = (),
) -> Node:
    out: Node = {
        "id": ident,
        "kind": ident.split("-")[0],
        "label": ident.split("-")[0],
        "transform": {"x": x, "y": y, "width": w, "height": h, "rotation": 0},
        "layer": layer,
        "tags": [],
        "children": list(children),
    }
    if path is not None:
        out["path"] = [list(c) for c in path]
        xs = [c[0] for c in path]
        ys = [c[1] for c in path]
        out["transform"].update(
            x=min(xs), y=min(ys), width=max(xs) - min(xs) + 1, height=max(ys) - min(ys) + 1
        )
    return out


def graph(
    *nodes: Node,
    width: int = 48,
    height: int = 24,
    theme: str = "village",
    warnings: tuple[str, ...] = (),
) -> dict[str, Any]:
    return {
        "schemaVersion": "1.0",
        "seed": 1,
        "bounds": {"width": width, "height": height},
        "theme": theme,
        "root": {"id": "scene", "kind": "scene", "children": list(nodes)},
        "relations": [],
        "warnings": list(warnings),
    }


def failures(expectation: Expectation, g: dict[str, Any]) -> list[str]:
    return check(expectation, World.of(g), set())


def holds(expectation: Expectation, g: dict[str, Any]) -> bool:
    return not failures(expectation, g)


def hpath(y: int, x0: int = 0, x1: int = 47, thick: int = 1) -> list[tuple[int, int]]:
    return [(x, y + k) for x in range(x0, x1 + 1) for k in range(thick)]


def vpath(x: int, y0: int = 0, y1: int = 23) -> list[tuple[int, int]]:
    return [(x, y) for y in range(y0, y1 + 1)]


RIVER_H = node("river-1", 0, 0, layer="terrain", path=hpath(12, thick=2))
ROAD_V = node("road-1", 0, 0, layer="terrain", path=vpath(20))

# (name, expectation, graph where it holds, graph where it fails)
PAIRS: list[tuple[str, Expectation, dict[str, Any], dict[str, Any]]] = [
    (
        "north_of a box",
        Rel("house", "north_of", "well"),
        graph(node("house-1", 10, 2, 4, 3), node("well-1", 12, 6)),
        graph(node("house-1", 10, 5, 4, 3), node("well-1", 12, 6)),
    ),
    (
        "north_of a river path",
        Rel("house", "north_of", "river"),
        graph(node("house-1", 10, 6, 4, 3), RIVER_H),
        graph(node("house-1", 10, 15, 4, 3), RIVER_H),
    ),
    (
        "south_of",
        Rel("house", "south_of", "river"),
        graph(node("house-1", 10, 15, 4, 3), RIVER_H),
        graph(node("house-1", 10, 2, 4, 3), RIVER_H),
    ),
    (
        "east_of",
        Rel("tree", "east_of", "road"),
        graph(node("tree-1", 25, 5), ROAD_V),
        graph(node("tree-1", 15, 5), ROAD_V),
    ),
    (
        "west_of",
        Rel("tree", "west_of", "road"),
        graph(node("tree-1", 15, 5), ROAD_V),
        graph(node("tree-1", 25, 5), ROAD_V),
    ),
    (
        "in_region east",
        Rel("forest", "in_region", argument="east"),
        graph(node("forest-1", 32, 4, 14, 8, layer="terrain")),
        graph(node("forest-1", 17, 4, 14, 8, layer="terrain")),
    ),
    (
        "in_region of an object",
        Rel("lighthouse", "in_region", "island", argument="north"),
        graph(node("island-1", 10, 5, 28, 14, layer="terrain"), node("lighthouse-1", 20, 6, 2, 3)),
        graph(node("island-1", 10, 5, 28, 14, layer="terrain"), node("lighthouse-1", 20, 14, 2, 3)),
    ),
    (
        "in_center",
        Rel("well", "in_center"),
        graph(node("well-1", 24, 12)),
        graph(node("well-1", 5, 12)),
    ),
    (
        "in_corner northeast",
        Rel("bed", "in_corner", argument="northeast"),
        graph(node("bed-1", 41, 1, 6, 3), theme="room"),
        graph(node("bed-1", 1, 1, 6, 3), theme="room"),
    ),
    (
        "in_corner of the container it is in",
        Rel("chest", "in_corner"),
        graph(node("room-1", 10, 5, 10, 8, layer="structure", children=(node("chest-1", 18, 11),))),
        graph(node("room-1", 10, 5, 10, 8, layer="structure", children=(node("chest-1", 14, 8),))),
    ),
    (
        "each_corner of the map",
        Rel("pillar", "each_corner"),
        graph(
            node("pillar-1", 1, 1),
            node("pillar-2", 46, 1),
            node("pillar-3", 1, 22),
            node("pillar-4", 46, 22),
        ),
        graph(
            node("pillar-1", 1, 1),
            node("pillar-2", 46, 1),
            node("pillar-3", 1, 22),
            node("pillar-4", 24, 12),
        ),
    ),
    (
        "each_corner of an object",
        Rel("tower", "each_corner", "castle"),
        graph(
            node("castle-1", 20, 10, 8, 5, layer="structure"),
            node("tower-1", 18, 8, 2, 2, layer="structure"),
            node("tower-2", 28, 8, 2, 2, layer="structure"),
            node("tower-3", 18, 15, 2, 2, layer="structure"),
            node("tower-4", 28, 15, 2, 2, layer="structure"),
        ),
        graph(
            node("castle-1", 20, 10, 8, 5, layer="structure"),
            node("tower-1", 18, 8, 2, 2, layer="structure"),
            node("tower-2", 28, 8, 2, 2, layer="structure"),
            node("tower-3", 5, 2, 2, 2, layer="structure"),
            node("tower-4", 28, 15, 2, 2, layer="structure"),
        ),
    ),
    (
        "against the north wall",
        Rel("bed", "against_wall", argument="north"),
        graph(node("bed-1", 10, 1, 6, 3), theme="room"),
        graph(node("bed-1", 10, 5, 6, 3), theme="room"),
    ),
    (
        "against any wall",
        Rel("bookshelf", "against_wall"),
        graph(node("bookshelf-1", 0, 10, 1, 5), node("bookshelf-2", 20, 22, 5, 1), theme="room"),
        graph(node("bookshelf-1", 0, 10, 1, 5), node("bookshelf-2", 20, 12, 5, 1), theme="room"),
    ),
    (
        "next_to",
        Rel("well", "next_to", "church"),
        graph(node("church-1", 10, 10, 5, 4, layer="structure"), node("well-1", 16, 11)),
        graph(node("church-1", 10, 10, 5, 4, layer="structure"), node("well-1", 18, 11)),
    ),
    (
        "near",
        Rel("skeleton", "near", "stairs"),
        graph(node("stairs-1", 10, 10), node("skeleton-1", 14, 12, layer="actor")),
        graph(node("stairs-1", 10, 10), node("skeleton-1", 20, 12, layer="actor")),
    ),
    (
        "far_from every object",
        Rel("tree", "far_from", "house"),
        graph(node("tree-1", 40, 20), node("house-1", 2, 2, 4, 3), node("house-2", 2, 10, 4, 3)),
        graph(node("tree-1", 40, 20), node("house-1", 2, 2, 4, 3), node("house-2", 34, 15, 4, 3)),
    ),
    (
        "inside",
        Rel("chest", "inside", "room"),
        graph(node("room-1", 5, 5, 9, 6, layer="structure", children=(node("chest-1", 7, 7),))),
        graph(node("room-1", 5, 5, 9, 6, layer="structure"), node("chest-1", 20, 7)),
    ),
    (
        "on",
        Rel("boat", "on", "lake"),
        graph(node("lake-1", 10, 5, 10, 5, layer="terrain"), node("boat-1", 14, 7, 2, 1)),
        graph(node("lake-1", 10, 5, 10, 5, layer="terrain"), node("boat-1", 24, 7, 2, 1)),
    ),
    (
        "on a path",
        Rel("bridge", "on", "river"),
        graph(RIVER_H, node("bridge-1", 0, 0, layer="structure", path=vpath(20, 11, 14))),
        graph(RIVER_H, node("bridge-1", 0, 0, layer="structure", path=vpath(20, 2, 5))),
    ),
    (
        "between two kinds",
        Rel("well", "between", "church", argument="tavern"),
        graph(
            node("church-1", 5, 10, 5, 4), node("tavern-1", 30, 10, 5, 3), node("well-1", 20, 11)
        ),
        graph(
            node("church-1", 5, 10, 5, 4), node("tavern-1", 30, 10, 5, 3), node("well-1", 40, 11)
        ),
    ),
    (
        "between two of a kind",
        Rel("bench", "between", "tree", argument="tree"),
        graph(node("tree-1", 10, 10), node("tree-2", 16, 10), node("bench-1", 12, 10, 2, 1)),
        graph(node("tree-1", 10, 10), node("tree-2", 16, 10), node("bench-1", 12, 20, 2, 1)),
    ),
    (
        "along a road",
        Rel("tree", "along", "road"),
        graph(ROAD_V, node("tree-1", 22, 3), node("tree-2", 18, 15)),
        graph(ROAD_V, node("tree-1", 22, 3), node("tree-2", 30, 15)),
    ),
    (
        "a path along a path",
        Rel("road", "along", "river"),
        graph(RIVER_H, node("road-1", 0, 0, layer="terrain", path=hpath(15, 5, 40))),
        graph(RIVER_H, node("road-1", 0, 0, layer="terrain", path=vpath(5))),
    ),
    (
        "facing",
        Rel("sofa", "facing", "fireplace"),
        graph(node("fireplace-1", 20, 0, 5, 1), node("sofa-1", 19, 6, 6, 2)),
        graph(node("fireplace-1", 20, 0, 5, 1), node("sofa-1", 35, 6, 6, 2)),
    ),
    (
        "opposite",
        Rel("throne", "opposite", "door"),
        graph(node("door-1", 24, 23, layer="structure"), node("throne-1", 24, 1)),
        graph(node("door-1", 24, 23, layer="structure"), node("throne-1", 24, 18)),
    ),
    (
        "across_from over a river",
        Rel("house", "across_from", "river", argument="church"),
        graph(RIVER_H, node("house-1", 10, 3, 4, 3), node("church-1", 12, 17, 5, 4)),
        graph(RIVER_H, node("house-1", 10, 3, 4, 3), node("church-1", 12, 4, 5, 4)),
    ),
    (
        "across_from over a square",
        Rel("tavern", "across_from", "market", argument="church"),
        graph(
            node("market-1", 20, 10, 9, 4, layer="terrain"),
            node("tavern-1", 10, 10, 5, 3),
            node("church-1", 33, 10, 5, 4),
        ),
        graph(
            node("market-1", 20, 10, 9, 4, layer="terrain"),
            node("tavern-1", 10, 10, 5, 3),
            node("church-1", 10, 16, 5, 4),
        ),
    ),
    (
        "at_head_of a long table",
        Rel("throne", "at_head_of", "table"),
        graph(node("table-1", 10, 10, 12, 3), node("throne-1", 22, 11)),
        graph(node("table-1", 10, 10, 12, 3), node("throne-1", 15, 13)),
    ),
    (
        "connected by corridors",
        Rel("room", "connected", "corridor"),
        graph(
            node("room-1", 2, 2, 9, 6, layer="structure"),
            node("room-2", 30, 2, 9, 6, layer="structure"),
            node("corridor-1", 0, 0, layer="terrain", path=hpath(4, 11, 29)),
        ),
        graph(
            node("room-1", 2, 2, 9, 6, layer="structure"),
            node("room-2", 30, 2, 9, 6, layer="structure"),
            node("corridor-1", 0, 0, layer="terrain", path=hpath(4, 11, 25)),
        ),
    ),
    (
        "connected from A to B over a bridge",
        Rel("castle", "connected", "road", argument="church"),
        graph(
            node("castle-1", 20, 0, 8, 5, layer="structure"),
            node("road-1", 0, 0, layer="terrain", path=vpath(23, 5, 11)),
            node("bridge-1", 0, 0, layer="structure", path=vpath(23, 12, 13)),
            node("road-2", 0, 0, layer="terrain", path=vpath(23, 14, 18)),
            node("church-1", 21, 19, 5, 4, layer="structure"),
            RIVER_H,
        ),
        graph(
            node("castle-1", 20, 0, 8, 5, layer="structure"),
            node("road-1", 0, 0, layer="terrain", path=vpath(23, 5, 11)),
            node("road-2", 0, 0, layer="terrain", path=vpath(23, 14, 18)),
            node("church-1", 21, 19, 5, 4, layer="structure"),
            RIVER_H,
        ),
    ),
    (
        "crosses north to south",
        Rel("river", "crosses", argument="north-south"),
        graph(node("river-1", 0, 0, layer="terrain", path=vpath(10))),
        graph(node("river-1", 0, 0, layer="terrain", path=hpath(10))),
    ),
    (
        "a road crosses a river",
        Rel("road", "crosses", "river"),
        graph(RIVER_H, ROAD_V),
        graph(RIVER_H, node("road-1", 0, 0, layer="terrain", path=vpath(20, 0, 8))),
    ),
    (
        "bridged",
        Rel("road", "bridged", "river"),
        graph(RIVER_H, ROAD_V, node("bridge-1", 0, 0, layer="structure", path=vpath(20, 12, 13))),
        graph(RIVER_H, ROAD_V),
    ),
    (
        "a pier joined to the shore",
        Rel("pier", "joined"),
        graph(
            node("sea-1", 0, 18, 48, 6, layer="terrain"),
            node("pier-1", 10, 16, 1, 4, layer="structure"),
        ),
        graph(
            node("sea-1", 0, 18, 48, 6, layer="terrain"),
            node("pier-1", 10, 19, 1, 4, layer="structure"),
        ),
    ),
    (
        "around",
        Rel("tent", "around", "campfire"),
        graph(
            node("campfire-1", 24, 12),
            node("tent-1", 23, 8, 2, 2),
            node("tent-2", 28, 11, 2, 2),
            node("tent-3", 23, 15, 2, 2),
            node("tent-4", 19, 11, 2, 2),
        ),
        graph(
            node("campfire-1", 24, 12),
            node("tent-1", 23, 8, 2, 2),
            node("tent-2", 24, 5, 2, 2),
            node("tent-3", 23, 15, 2, 2),
            node("tent-4", 24, 17, 2, 2),
        ),
    ),
    (
        "a moat (path) around a castle",
        Rel("river", "around", "castle"),
        graph(
            node("castle-1", 20, 10, 8, 5, layer="structure"),
            node(
                "river-1",
                0,
                0,
                layer="terrain",
                path=hpath(8, 18, 29) + vpath(18, 8, 16) + vpath(29, 8, 16) + hpath(16, 18, 29),
            ),
        ),
        graph(
            node("castle-1", 20, 10, 8, 5, layer="structure"),
            node("river-1", 0, 0, layer="terrain", path=hpath(8, 20, 27)),
        ),
    ),
    (
        "both_sides of a road",
        Rel("house", "both_sides", "road"),
        graph(ROAD_V, node("house-1", 15, 3, 4, 3), node("house-2", 22, 10, 4, 3)),
        graph(ROAD_V, node("house-1", 15, 3, 4, 3), node("house-2", 14, 10, 4, 3)),
    ),
    (
        "in_rows",
        Rel("desk", "in_rows", argument="2"),
        graph(*[node(f"desk-{i + 1}", 5 + 6 * (i % 4), 5 + 6 * (i // 4), 4, 2) for i in range(8)]),
        graph(*[node(f"desk-{i + 1}", 5 + 6 * (i % 4), 5 + i, 4, 2) for i in range(8)]),
    ),
    (
        "in_grid",
        Rel("tent", "in_grid"),
        graph(*[node(f"tent-{i + 1}", 5 + 4 * (i % 3), 5 + 4 * (i // 3), 2, 2) for i in range(9)]),
        graph(*[node(f"tent-{i + 1}", 5 + 4 * i, 5 + 4 * (i // 3), 2, 2) for i in range(9)]),
    ),
    (
        "count exactly",
        Count("house", exactly=2),
        graph(node("house-1", 1, 1, 4, 3), node("house-2", 10, 1, 4, 3)),
        graph(node("house-1", 1, 1, 4, 3)),
    ),
    (
        "count of alternative kinds, nested",
        Count(("bar", "counter"), at_least=1, at_most=1),
        graph(
            node(
                "room-1", 0, 0, 48, 24, layer="structure", children=(node("counter-1", 3, 3, 6, 1),)
            )
        ),
        graph(node("counter-1", 3, 3, 6, 1), node("bar-1", 3, 8, 6, 1)),
    ),
    (
        "absent",
        Absent("tree"),
        graph(node("house-1", 1, 1, 4, 3)),
        graph(node("house-1", 1, 1, 4, 3), node("tree-1", 10, 10)),
    ),
    (
        "place",
        Place(("tavern", "room")),
        graph(theme="room"),
        graph(theme="village"),
    ),
    (
        "ground by a terrain node",
        Ground(("desert", "sand")),
        graph(node("sand-1", 0, 0, 48, 24, layer="terrain")),
        graph(node("house-1", 0, 0, 4, 3)),
    ),
    (
        "interior",
        Interior(("tavern",)),
        graph(node("tavern-1", 0, 0, 48, 24, layer="structure"), theme="tavern"),
        graph(node("tavern-1", 10, 10, 5, 3, layer="structure"), theme="room"),
    ),
    (
        "warns",
        Warns(r"flurbnog"),
        graph(warnings=("unknown word 'flurbnog'",)),
        graph(warnings=("unknown word 'zip'",)),
    ),
    (
        "warns at most once",
        Warns(r"castle", at_most=1),
        graph(warnings=("30 of 40 castles could not be placed: no room",)),
        graph(warnings=("castle-9 not placed", "castle-10 not placed")),
    ),
    (
        "no warning",
        NoWarning(r"unknown"),
        graph(warnings=("capped at 200",)),
        graph(warnings=("Unknown word 'x'",)),
    ),
    (
        "no overlap",
        NoOverlap(),
        graph(node("house-1", 1, 1, 4, 3, layer="structure"), node("well-1", 5, 1)),
        graph(node("house-1", 1, 1, 4, 3, layer="structure"), node("well-1", 4, 1)),
    ),
]


@pytest.mark.parametrize(
    ("expectation", "good", "bad"),
    [(e, good, bad) for _, e, good, bad in PAIRS],
    ids=[name for name, *_ in PAIRS],
)
def test_each_rule_holds_and_fails(
    expectation: Expectation, good: dict[str, Any], bad: dict[str, Any]
) -> None:
    assert failures(expectation, good) == []
    assert failures(expectation, bad) != []


def test_quantifiers_any_and_none() -> None:
    g = graph(node("house-1", 10, 2, 4, 3), node("house-2", 10, 16, 4, 3), RIVER_H)
    assert not holds(Rel("house", "north_of", "river"), g)
    assert holds(Rel("house", "north_of", "river", quantifier="any"), g)
    assert not holds(Rel("house", "north_of", "river", quantifier="none"), g)
    assert holds(Rel("house", "in_region", argument="east", quantifier="none"), g)


def test_missing_subject_or_object_fails_unless_none() -> None:
    g = graph(node("house-1", 10, 2, 4, 3))
    assert failures(Rel("well", "next_to", "house"), g) == ["well next_to house: no well"]
    assert "no river" in failures(Rel("house", "north_of", "river"), g)[0]
    assert holds(Rel("well", "next_to", "house", quantifier="none"), g)


def test_overlap_exemptions() -> None:
    nested = graph(
        node("room-1", 0, 0, 20, 10, layer="structure", children=(node("chest-1", 3, 3),)),
        node("rug-1", 5, 5, 8, 4),
        node("table-1", 6, 6, 5, 3),
    )
    assert holds(NoOverlap(), nested)  # child in parent, table on a rug
    shell = graph(node("tavern-1", 0, 0, 48, 24, layer="structure"), node("table-1", 6, 6, 5, 3))
    assert holds(NoOverlap(), shell)  # the interior's shell is a floor
    candle = graph(node("table-1", 6, 6, 5, 3), node("lamp-1", 7, 7))
    assert not holds(NoOverlap(), candle)
    case = Case("c", "a candle on the table", "basics", (Rel("lamp", "on", "table"),))
    assert check_case(case, candle) == []


def test_check_case_adds_no_overlap_and_collects_messages() -> None:
    case = Case("c", "two houses", "basics", (Count("house", exactly=2), Place("village")))
    g = graph(
        node("house-1", 1, 1, 4, 3, layer="structure"),
        node("house-2", 2, 2, 4, 3, layer="structure"),
        theme="forest",
    )
    messages = check_case(case, g)
    assert len(messages) == 2
    assert messages[0].startswith("place:")
    assert messages[1].startswith("overlap:")


def test_line_side_of_a_thick_horizontal_path() -> None:
    cells = hpath(12, thick=2)
    assert line_side(cells, 5.5, 3.0) == -1
    assert line_side(cells, 5.5, 20.0) == 1
    assert line_side(cells, 5.5, 13.0) == 0


def test_flatten_keeps_ancestors() -> None:
    g = graph(node("room-1", 0, 0, 9, 6, children=(node("chest-1", 2, 2),)))
    things = {t.id: t for t in flatten(g)}
    assert things["chest-1"].ancestors == ("room-1",)


def test_unknown_predicate_and_cause_are_rejected() -> None:
    with pytest.raises(ValueError):
        Rel("house", "beside_maybe", "tree")
    with pytest.raises(ValueError):
        Rel("house", "next_to")
    with pytest.raises(ValueError):
        Case("c", "x", "nonsense", ())


def test_corpus_is_well_formed() -> None:
    ids = [case.id for case in CORPUS]
    assert len(ids) == len(set(ids))
    assert len(CORPUS) >= 160
    for case in CORPUS:
        assert case.expect, case.id
        assert case.prompt.strip(), case.id


def test_group_reach_and_vacuous_interior() -> None:
    far_house = graph(ROAD_V, node("house-1", 15, 3, 4, 3), node("house-2", 22, 10, 4, 3))
    far_house["root"]["children"].append(node("house-3", 40, 20, 4, 3))
    assert not holds(Rel("house", "both_sides", "road"), far_house)
    assert holds(Rel("house", "both_sides", "road", quantifier="any"), far_house)
    assert holds(Interior(("tavern",)), graph(theme="tavern"))
    assert holds(Count("*", at_least=1), graph(node("rock-1", 1, 1)))
    assert not holds(Count("*", at_least=1), graph())


def test_around_a_round_area_counts_rim_points_inside_its_box() -> None:
    pond = node("lake-1", 36, 15, 10, 5, layer="terrain")
    rim = graph(pond, node("tree-1", 47, 16), node("tree-2", 36, 18), node("tree-3", 43, 14))
    assert holds(Rel("tree", "around", "lake"), rim)  # east, west (inside the box), north
    middle = graph(pond, node("tree-1", 47, 16), node("tree-2", 40, 17), node("tree-3", 43, 14))
    assert not holds(Rel("tree", "around", "lake"), middle)  # the middle counts for no side


def test_each_corner_of_the_container_the_subjects_are_in() -> None:
    pillars = tuple(
        node(f"pillar-{i + 1}", x, y)
        for i, (x, y) in enumerate([(37, 15), (44, 15), (44, 18), (37, 18)])
    )
    inside = graph(node("room-1", 36, 14, 10, 6, layer="structure", children=pillars))
    assert holds(Rel("pillar", "each_corner"), inside)
    loose = graph(node("room-1", 36, 14, 10, 6, layer="structure"), *pillars)
    assert not holds(Rel("pillar", "each_corner"), loose)  # not nested: the map's corners
