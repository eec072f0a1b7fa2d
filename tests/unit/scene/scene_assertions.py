"""Checks on generated scenes, written from the spec rather than from the generator's code."""

import importlib.resources
import json
from collections import deque
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import jsonschema

from domain.scene import SCENE_GRAPH_SCHEMA_FILE
from domain.scene.catalog import kind_spec

Node = dict[str, Any]
Cell = tuple[int, int]


@lru_cache(maxsize=1)
def schema_validator() -> jsonschema.Draft202012Validator:
    text = (importlib.resources.files("domain.scene") / SCENE_GRAPH_SCHEMA_FILE).read_text()
    schema = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def assert_schema_valid(graph: dict[str, Any]) -> None:
    errors = sorted(schema_validator().iter_errors(graph), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def walk(graph: dict[str, Any]) -> Iterator[tuple[Node, Node | None]]:
    """Every node with its parent (None under the root)."""
    stack: list[tuple[Node, Node | None]] = [(c, None) for c in graph["root"]["children"]]
    while stack:
        node, parent = stack.pop()
        yield node, parent
        stack.extend((child, node) for child in node["children"])


def nodes_by_id(graph: dict[str, Any]) -> dict[str, Node]:
    return {node["id"]: node for node, _ in walk(graph)}


def ancestors(graph: dict[str, Any]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}

    def visit(node: Node, above: set[str]) -> None:
        out[node["id"]] = set(above)
        for child in node["children"]:
            visit(child, above | {node["id"]})

    for child in graph["root"]["children"]:
        visit(child, set())
    return out


def rect_cells(node: Node) -> set[Cell]:
    t = node["transform"]
    return {(t["x"] + i, t["y"] + j) for j in range(t["height"]) for i in range(t["width"])}


def cells(node: Node) -> set[Cell]:
    """Cells a node covers: its path, else its box (round areas are inside their box)."""
    if "path" in node:
        return {(x, y) for x, y in node["path"]}
    return rect_cells(node)


def assert_in_bounds(graph: dict[str, Any]) -> None:
    width, height = graph["bounds"]["width"], graph["bounds"]["height"]
    for node, _ in walk(graph):
        for x, y in cells(node):
            assert 0 <= x < width and 0 <= y < height, (node["id"], x, y)


def standing_on(graph: dict[str, Any]) -> set[tuple[str, str]]:
    """(thing, what it stands on) for every `on` relation that holds: they share cells."""
    return {
        (r["subject"], r["objects"][0])
        for r in graph["relations"]
        if r["predicate"] == "on" and r["satisfied"] and r["objects"]
    }


def assert_solids_do_not_overlap(graph: dict[str, Any]) -> None:
    """Boxes never share a cell, unless one contains the other or stands on it."""
    above = ancestors(graph)
    stands = standing_on(graph)
    boxes = [
        node
        for node, _ in walk(graph)
        if "path" not in node
        and "background" not in node["tags"]
        and kind_spec(node["kind"]).shape != "area"
    ]
    owner: dict[Cell, str] = {}
    for node in boxes:
        footprint = rect_cells(node)
        if kind_spec(node["kind"]).container == "walled" and "container" in node["tags"]:
            footprint = _outline(node)
        for cell in footprint:
            other = owner.get(cell)
            if other is not None:
                related = other in above[node["id"]] or node["id"] in above[other]
                on = (node["id"], other) in stands or (other, node["id"]) in stands
                assert related or on, f"{node['id']} overlaps {other} at {cell}"
            owner[cell] = node["id"]


def _outline(node: Node) -> set[Cell]:
    t = node["transform"]
    x, y, w, h = t["x"], t["y"], t["width"], t["height"]
    return {c for c in rect_cells(node) if c[0] in (x, x + w - 1) or c[1] in (y, y + h - 1)}


def assert_children_inside(graph: dict[str, Any]) -> None:
    for node, parent in walk(graph):
        if parent is None:
            continue
        inner = rect_cells(parent)
        walled = kind_spec(parent["kind"]).container == "walled"
        if walled and node["kind"] != "door":
            inner -= _outline(parent)
        assert cells(node) <= inner, f"{node['id']} is not inside {parent['id']}"


def assert_map_shape(minimap: str, width: int, height: int) -> None:
    lines = minimap.split("\n")
    assert lines[-1] == ""
    top, rows, bottom = lines[0], lines[1 : height + 1], lines[height + 1]
    assert len(top) == width + 2 and top == bottom
    assert top[0] == top[-1] and len(set(top[1:-1])) == 1
    for row in rows:
        assert len(row) == width + 2, row
        assert row[0] == row[-1] == lines[1][0]
    assert "Legend:" in lines[height + 2]
    assert "Compass:" in lines and "    N" in lines
    assert all(32 <= ord(ch) <= 126 for ch in minimap.replace("\n", "")), "not printable ASCII"


def map_rows(minimap: str, height: int) -> list[str]:
    return [row[1:-1] for row in minimap.split("\n")[1 : height + 1]]


def legend(minimap: str) -> dict[str, str]:
    """Glyph -> legend text."""
    lines = minimap.split("\n")
    start = lines.index("Legend:") + 1
    end = lines.index("Compass:")
    out = {}
    for line in lines[start:end]:
        body = line[2:]
        glyph = " " if body.startswith("' '") else body[0]
        assert glyph not in out, f"glyph {glyph!r} listed twice"
        out[glyph] = body[4:].strip()
    return out


def network_connected(graph: dict[str, Any], a: str, b: str, connector: str) -> bool:
    """BFS over the connector's cells (plus bridges, doors and room floors)."""
    by_id = nodes_by_id(graph)
    walkable: set[Cell] = set()
    for node in by_id.values():
        if node["kind"] in (connector, "bridge", "door"):
            walkable |= cells(node)
        elif kind_spec(node["kind"]).container == "walled" and "container" in node["tags"]:
            walkable |= rect_cells(node) - _outline(node)
    starts = _touching(by_id[a], walkable)
    goals = _touching(by_id[b], walkable)
    seen, queue = set(starts), deque(starts)
    while queue:
        cell = queue.popleft()
        if cell in goals:
            return True
        x, y = cell
        for nxt in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
            if nxt in walkable and nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return False


def _touching(node: Node, walkable: set[Cell]) -> set[Cell]:
    own = cells(node)
    if kind_spec(node["kind"]).container == "walled" and "container" in node["tags"]:
        return (own - _outline(node)) & walkable
    near = set(own)
    for x, y in own:
        near |= {(x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)}
    return near & walkable


def check_scene(graph: dict[str, Any], minimap: str) -> None:
    """Everything any generated scene must satisfy."""
    width, height = graph["bounds"]["width"], graph["bounds"]["height"]
    assert_schema_valid(graph)
    assert_in_bounds(graph)
    assert_solids_do_not_overlap(graph)
    assert_children_inside(graph)
    assert_map_shape(minimap, width, height)
    ids = set(nodes_by_id(graph))
    assert ids, "a scene is never empty"
    glyphs = legend(minimap)
    drawn = set("".join(map_rows(minimap, height)))
    assert drawn <= set(glyphs), drawn - set(glyphs)
    assert_every_node_visible(graph, minimap)


def assert_every_node_visible(graph: dict[str, Any], minimap: str) -> None:
    """Each node's glyph shows in at least one of its cells, unless something stands on
    all of it (a skeleton on a one-cell trap)."""
    covered = {under for _, under in standing_on(graph)}
    height = graph["bounds"]["height"]
    rows = map_rows(minimap, height)
    glyph_of: dict[str, str] = {}
    for glyph, text in legend(minimap).items():
        for part in text.split(", "):
            if " x" in part:
                glyph_of[part.rsplit(" x", 1)[0]] = glyph
    for node, _ in walk(graph):
        if node["id"] in covered:
            continue
        glyph = glyph_of[node["kind"]]
        assert any(rows[y][x] == glyph for x, y in cells(node)), f"{node['id']} is hidden"
