"""The scene graph: a versioned, JSON-ready tree of nodes with the relation report."""

import msgspec

from domain.scene.model import Layout, PlacedNode

SCHEMA_VERSION = "1.0"
SCENE_GRAPH_SCHEMA_FILE = "scene_graph.schema.json"


def build_scene_graph(layout: Layout) -> dict[str, object]:
    """Nest nodes under their parents; list every relation with whether it holds."""
    root_children: list[dict[str, object]] = []
    by_id: dict[str, list[dict[str, object]]] = {}
    for node in layout.nodes:
        children: list[dict[str, object]] = []
        entry = _node(node, children)
        by_id[node.id] = children
        siblings = by_id.get(node.parent) if node.parent is not None else None
        (siblings if siblings is not None else root_children).append(entry)
    return {
        "schemaVersion": SCHEMA_VERSION,
        "seed": layout.seed,
        "bounds": {"width": layout.width, "height": layout.height},
        "theme": layout.theme,
        "root": {"id": "scene", "kind": "scene", "children": root_children},
        "relations": [
            {
                "subject": relation.subject,
                "predicate": relation.predicate,
                "objects": list(relation.objects),
                "argument": relation.argument,
                "satisfied": relation.satisfied,
            }
            for relation in layout.relations
        ],
        "warnings": list(layout.warnings),
    }


def _node(node: PlacedNode, children: list[dict[str, object]]) -> dict[str, object]:
    entry: dict[str, object] = {
        "id": node.id,
        "kind": node.kind,
        "label": node.label,
        "transform": {
            "x": node.x,
            "y": node.y,
            "width": node.width,
            "height": node.height,
            "rotation": node.rotation,
        },
        "layer": node.layer,
        "tags": list(node.tags),
        "children": children,
    }
    if node.path is not None:
        entry["path"] = [[x, y] for x, y in node.path]
    return entry


def encode_scene_graph(graph: dict[str, object]) -> bytes:
    """Deterministic JSON bytes: keys sorted, no whitespace."""
    return msgspec.json.encode(graph, order="deterministic")
