"""Turn placed items into immutable nodes, parents before their children."""

from domain.scene.layout.context import Context, Item
from domain.scene.model import PlacedNode


def build_nodes(ctx: Context) -> tuple[PlacedNode, ...]:
    placed = [item for item in ctx.items if item.placed]
    depth = {item.id: _depth(item) for item in placed}
    ordered = sorted(placed, key=lambda item: (depth[item.id], item.index))
    return tuple(_node(ctx, item) for item in ordered)


def _depth(item: Item) -> int:
    depth, node = 0, item.host
    while node is not None and depth < 64:
        depth, node = depth + 1, node.host
    return depth


def _node(ctx: Context, item: Item) -> PlacedNode:
    kind = item.kind
    tags = [kind.family, kind.shape]
    if kind.category:
        tags.append(kind.category)  # a generic thing: what sort of thing it is
    for flag, name in (
        (kind.solid, "solid"),
        (kind.walkable, "walkable"),
        (kind.water, "water"),
        (item.is_host, "container"),
    ):
        if flag:
            tags.append(name)
    if item.size == "vast":
        tags = [kind.family, "place", "background"]  # the place itself, under everything
    elif item.size != "medium":
        tags.append(item.size)
    if item.origin != "prompt":
        tags.append(item.origin)
    if kind.name == "sea" and ctx.style.terrain == "sea":
        tags.append("background")
    label = item.word if item.size in ("medium", "vast") else f"{item.size} {item.word}"
    host = item.host if item.host is not None and item.host.placed else None
    return PlacedNode(
        id=item.id,
        kind=kind.name,
        label=label,
        layer=kind.layer,
        x=item.x,
        y=item.y,
        width=item.w,
        height=item.h,
        rotation=item.rotation,
        tags=tuple(dict.fromkeys(tags)),
        parent=host.id if host is not None else None,
        path=tuple(item.path) if item.path is not None else None,
    )
