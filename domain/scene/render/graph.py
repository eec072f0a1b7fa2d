"""The scene graph: versioned msgspec structs, so its JSON Schema is generated from them."""

from typing import Annotated, Any, Literal

import msgspec

from domain.scene import catalog
from domain.scene.model import Layout, PlacedNode
from domain.scene.terms import Layer, Predicate

SCHEMA_VERSION: Literal["1.1"] = "1.1"
SCENE_GRAPH_SCHEMA_FILE = "scene_graph.schema.json"
SCHEMA_ID = "https://scenegen.example/schemas/scene_graph.schema.json"

NodeId = Annotated[str, msgspec.Meta(pattern="^[a-z][a-z_]*-[0-9]+$")]
KindName = Annotated[str, msgspec.Meta(pattern="^[a-z][a-z_]*$")]
Cells = Annotated[int, msgspec.Meta(ge=0)]
Extent = Annotated[int, msgspec.Meta(ge=1)]
PlaceName = Annotated[str, msgspec.Meta(extra_json_schema={"enum": sorted(catalog.SCENE_BY_NAME)})]
Tags = Annotated[tuple[str, ...], msgspec.Meta(extra_json_schema={"uniqueItems": True})]


class Transform(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A footprint in grid cells: `x`, `y` is its top-left cell (x east, y south)."""

    x: Cells
    y: Cells
    width: Extent
    height: Extent
    rotation: Annotated[int, msgspec.Meta(extra_json_schema={"enum": [0, 90, 180, 270]})]


class Node(msgspec.Struct, frozen=True, omit_defaults=True, forbid_unknown_fields=True):
    """One placed thing; a linear feature (river, road, corridor) also has its `path`."""

    id: NodeId
    kind: KindName
    label: Annotated[str, msgspec.Meta(min_length=1)]
    transform: Transform
    layer: Layer
    tags: Tags
    children: "tuple[Node, ...]"
    path: Annotated[tuple[tuple[Cells, Cells], ...], msgspec.Meta(min_length=1)] | None = None


class Bounds(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    width: Extent
    height: Extent


class Root(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: Literal["scene"]
    kind: Literal["scene"]
    children: tuple[Node, ...]


class Relation(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A relation the prompt stated, and whether it holds on the placed nodes."""

    subject: NodeId
    predicate: Predicate
    objects: tuple[NodeId, ...]
    argument: str | None
    satisfied: bool


class QualitySummary(msgspec.Struct, frozen=True, rename="camel", forbid_unknown_fields=True):
    """How much of what was asked the scene shows: things named and drawn, relations stated
    and held, whether a default place stood in for a prompt naming nothing known, and the
    words read as nothing."""

    things_asked: Cells
    things_placed: Cells
    relations_stated: Cells
    relations_held: Cells
    default_place: bool
    words_not_understood: tuple[str, ...]


class SceneGraph(msgspec.Struct, frozen=True, rename="camel", forbid_unknown_fields=True):
    """A generated scene: nodes on a grid, the relations asked for and whether each holds."""

    schema_version: Literal["1.1"]
    seed: Cells
    bounds: Bounds
    theme: PlaceName  # the kind of place: village, dungeon, tavern, ...
    root: Root
    relations: tuple[Relation, ...]
    warnings: tuple[str, ...]
    quality: QualitySummary


def build_scene_graph(layout: Layout) -> SceneGraph:
    """Nest nodes under their parents; list every relation with whether it holds."""
    children: dict[str | None, list[PlacedNode]] = {}
    for node in layout.nodes:
        children.setdefault(node.parent, []).append(node)

    def build(node: PlacedNode) -> Node:
        return Node(
            id=node.id,
            kind=node.kind,
            label=node.label,
            transform=Transform(node.x, node.y, node.width, node.height, node.rotation),
            layer=node.layer,
            tags=node.tags,
            children=tuple(build(child) for child in children.get(node.id, ())),
            path=node.path,
        )

    known = {node.id for node in layout.nodes}
    top = [node for node in layout.nodes if node.parent is None or node.parent not in known]
    return SceneGraph(
        schema_version=SCHEMA_VERSION,
        seed=layout.seed,
        bounds=Bounds(layout.width, layout.height),
        theme=layout.place,
        root=Root(id="scene", kind="scene", children=tuple(build(node) for node in top)),
        relations=tuple(
            Relation(r.subject, r.predicate, r.objects, r.argument, r.satisfied)
            for r in layout.relations
        ),
        warnings=layout.warnings,
        quality=_summary(layout),
    )


def _summary(layout: Layout) -> QualitySummary:
    quality = layout.quality
    if quality is None:  # a layout made by hand: what its nodes and relations show
        held = sum(1 for r in layout.relations if r.satisfied)
        return QualitySummary(
            len(layout.nodes), len(layout.nodes), len(layout.relations), held, False, ()
        )
    return QualitySummary(
        things_asked=quality.things_asked,
        things_placed=quality.things_placed,
        relations_stated=quality.relations_stated,
        relations_held=quality.relations_held,
        default_place=quality.default_place,
        words_not_understood=quality.words_not_understood,
    )


def scene_graph_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `SceneGraph`, as committed next to this package."""
    root, definitions = scene_graph_schema_components("#/$defs/{name}")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Scene graph",
        **root,
        "$defs": definitions,
    }


def scene_graph_schema_components(
    ref_template: str,
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The reference to `SceneGraph` and the schemas of it and its parts, their references made
    with `ref_template` (`#/$defs/{name}` for the JSON Schema, `#/components/schemas/{name}`
    for an OpenAPI document): one source for both."""
    (root,), definitions = msgspec.json.schema_components((SceneGraph,), ref_template=ref_template)
    return root, _without_redundant_items(definitions)


def _without_redundant_items(node: Any) -> Any:
    """msgspec writes a fixed-length tuple as `prefixItems` with `items: false`; with `maxItems`
    equal to their number, `items: false` says nothing more, and OpenAPI tools (whose `items`
    must be a schema) refuse it."""
    if isinstance(node, list):
        return [_without_redundant_items(item) for item in node]
    if not isinstance(node, dict):
        return node
    fixed = node.get("items") is False and node.get("maxItems") == len(node.get("prefixItems", ()))
    return {
        key: _without_redundant_items(value)
        for key, value in node.items()
        if not (fixed and key == "items")
    }


def encode_scene_graph(graph: SceneGraph | dict[str, object]) -> bytes:
    """Deterministic JSON bytes: keys (and struct fields) sorted, no whitespace, so the
    struct and its dict form encode to the same bytes."""
    return msgspec.json.encode(graph, order="sorted")
