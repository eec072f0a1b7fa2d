"""Helpers for the layout pattern tests: hand-built requests and geometry checked here, from
the coordinates, without the generator's or the verifier's code. (No tests in this file.)"""

from collections.abc import Iterable, Sequence

from domain.scene.catalog import kind_spec
from domain.scene.layout import layout_scene
from domain.scene.model import Layout, PlacedNode, RelationSpec, SceneRequest, ThingSpec
from domain.scene.shapes import footprint_cells
from domain.scene.terms import as_predicate

Cell = tuple[int, int]
Thing = tuple[str, str] | tuple[str, str, str]  # id, kind[, size]
Relation = tuple[str, str, Sequence[str], str | None]  # subject, predicate, objects, argument


def request(
    place: str, things: Iterable[Thing], relations: Iterable[Relation] = ()
) -> SceneRequest:
    specs = []
    for thing in things:
        size = thing[2] if len(thing) == 3 else "medium"
        specs.append(ThingSpec(id=thing[0], kind=thing[1], size=size))  # type: ignore[arg-type]
    return SceneRequest(
        place=place,
        things=tuple(specs),
        relations=tuple(
            RelationSpec(subject=s, predicate=as_predicate(p), objects=tuple(o), argument=a)
            for s, p, o, a in relations
        ),
    )


def group(kind: str, count: int, size: str = "medium") -> list[Thing]:
    return [(f"{kind}-{k}", kind, size) for k in range(1, count + 1)]


def lay(req: SceneRequest, seed: int = 0, width: int = 48, height: int = 24) -> Layout:
    return layout_scene(req, seed=seed, width=width, height=height)


def all_hold(layout: Layout) -> bool:
    return all(result.satisfied for result in layout.relations)


def by_id(layout: Layout) -> dict[str, PlacedNode]:
    return {node.id: node for node in layout.nodes}


def cells(node: PlacedNode) -> set[Cell]:
    if node.path is not None:
        return {(x, y) for x, y in node.path}
    kind = kind_spec(node.kind)
    return set(footprint_cells(node.x, node.y, node.width, node.height, kind.round))


def rect(node: PlacedNode) -> tuple[int, int, int, int]:
    return node.x, node.y, node.width, node.height


def centre2(node: PlacedNode) -> tuple[int, int]:
    """The doubled centre of a node's box."""
    return 2 * node.x + node.width, 2 * node.y + node.height


def gap(a: PlacedNode, b: PlacedNode) -> int:
    """Free cells between two boxes (Chebyshev; 0 touching)."""
    dx = max(b.x - (a.x + a.width), a.x - (b.x + b.width), 0)
    dy = max(b.y - (a.y + a.height), a.y - (b.y + b.height), 0)
    return max(dx, dy)


def assert_solids_apart(layout: Layout) -> None:
    """No two solid footprints share a cell, unless one holds the other or stands `on` it."""
    nodes = by_id(layout)
    stands = {
        (r.subject, r.objects[0]) for r in layout.relations if r.predicate == "on" and r.objects
    }

    def above(node_id: str) -> set[str]:
        out, up = set(), nodes[node_id].parent
        while up is not None and up in nodes:
            out.add(up)
            up = nodes[up].parent
        return out

    owner: dict[Cell, str] = {}
    for node in layout.nodes:
        kind = kind_spec(node.kind)
        if not kind.solid or node.path is not None or kind.shape == "area":
            continue
        own = cells(node)
        if kind.container == "walled" and any(n.parent == node.id for n in layout.nodes):
            x, y, w, h = rect(node)
            own = {c for c in own if c[0] in (x, x + w - 1) or c[1] in (y, y + h - 1)}
        for cell in own:
            other = owner.get(cell)
            if other is not None:
                related = other in above(node.id) or node.id in above(other)
                related |= (node.id, other) in stands or (other, node.id) in stands
                assert related, f"{node.id} overlaps {other} at {cell}"
            owner[cell] = node.id
