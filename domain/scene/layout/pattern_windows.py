"""Where to look first for arrangements: on a thing, beside a path on one side, facing or
across from another, at the head of a table."""

from domain.scene import relation_rules as rules
from domain.scene.grid_walks import neighbours
from domain.scene.layout.context import Context, Geo, Item
from domain.scene.model import RelationSpec

HANDLED = frozenset(["on", "on_side_of", "across_from", "facing", "at_head_of"])
_BIG = 1 << 20
Bounds = tuple[int, int, int, int]
Spot = tuple[int, int]


def bounds(ctx: Context, relation: RelationSpec, w: int, h: int) -> Bounds | None:
    """Top-left positions worth sampling for the subject of `relation` (None: anywhere)."""
    other = ctx.geo(relation.objects[0]) if relation.objects else None
    if other is None:
        return None
    predicate = relation.predicate
    if predicate == "on":
        return other.x, other.y, other.x + other.w - w, other.y + other.h - h
    if predicate == "on_side_of":
        reach = rules.ALONG_GAP
        return (
            other.x - w - reach,
            other.y - h - reach,
            other.x + other.w + reach,
            other.y + other.h + reach,
        )
    if predicate == "facing" and relation.argument == rules.FROM_AFAR:
        return None  # (placed by what frames it: the middle of the room)
    if predicate == "facing":
        reach = rules.facing_reach(ctx.room_between(relation.subject, relation.objects[0]))
        return (
            other.x - w - reach,
            other.y - h - reach,
            other.x + other.w + reach,
            other.y + other.h + reach,
        )
    if predicate == "at_head_of":
        return other.x - w, other.y - h, other.x + other.w, other.y + other.h
    return None


def anchors(ctx: Context, item: Item, relation: RelationSpec, w: int, h: int) -> list[Spot]:
    other = ctx.geo(relation.objects[0]) if relation.objects else None
    if other is None:
        return []
    predicate = relation.predicate
    rng = ctx.rng
    if predicate == "on":
        cells = other.cells or [(other.x + other.w // 2, other.y + other.h // 2)]
        picks = [cells[int(rng.random() * len(cells))] for _ in range(8)]
        return [(x - int(rng.random() * w), y - int(rng.random() * h)) for x, y in picks]
    if predicate == "on_side_of":
        return _beside(ctx, relation.objects[0], relation.argument, w, h)
    if predicate == "at_head_of":
        spots = rules.head_spots((other.x, other.y, other.w, other.h), w, h)
        return spots + [(x + dx, y + dy) for x, y in spots for dx, dy in ((0, 1), (1, 0))]
    if predicate == "facing":
        room = ctx.room_between(relation.subject, relation.objects[0])
        reach = max(ctx.width, ctx.height) if relation.argument == rules.FROM_AFAR else 0
        gaps = range(max(1, room), max(reach, rules.facing_reach(room)) + 1)
        return _aligned(other, w, h, gaps, rng.random())
    if predicate == "across_from" and len(relation.objects) > 1:
        return _mirrored(ctx, other, relation.objects[1], w, h)
    if predicate == "across_from":
        near = _aligned(other, w, h, range(2, rules.ACROSS_GAP + 1), rng.random())
        return _across_room(ctx, other, w, h) + near
    return []


def _beside(ctx: Context, path_id: str, side: str | None, w: int, h: int) -> list[Spot]:
    """Boxes a cell or two off the path, on the asked side of its direction of travel."""
    path = ctx.by_id[path_id].path
    if not path:
        return []
    rng = ctx.rng
    out: list[Spot] = []
    for _ in range(10):
        index = int(rng.random() * len(path))
        tx, ty = rules.path_heading(path, index)
        if (tx, ty) == (0, 0):
            continue
        nx, ny = (ty, -tx) if side == "left" else (-ty, tx)  # y grows south
        cx, cy = path[index]
        gap = 1 + int(rng.random() * rules.ALONG_GAP)
        if abs(ny) >= abs(nx):
            y = cy - gap - h + 1 if ny < 0 else cy + gap
            out.append((cx - w // 2, y))
        else:
            x = cx - gap - w + 1 if nx < 0 else cx + gap
            out.append((x, cy - h // 2))
    return out


def _aligned(other: Geo, w: int, h: int, gaps: range, t: float) -> list[Spot]:
    """Centred on one side of `other`, at each gap: north, south, west and east."""
    cx, cy = other.x + (other.w - w) // 2, other.y + (other.h - h) // 2
    out: list[Spot] = []
    for gap in gaps:
        out += [
            (cx, other.y - h - gap),
            (cx, other.y + other.h + gap),
            (other.x - w - gap, cy),
            (other.x + other.w + gap, cy),
        ]
    start = int(t * len(out))
    return out[start:] + out[:start]


def _across_room(ctx: Context, other: Geo, w: int, h: int) -> list[Spot]:
    """Indoors, facing a thing against a wall from the middle of the opposite wall."""
    if not ctx.style.indoor:
        return []
    width, height = ctx.width, ctx.height
    cx, cy = other.x + (other.w - w) // 2, other.y + (other.h - h) // 2
    out: list[Spot] = []
    if other.y == 0:
        out.append((cx, height - h))
    if other.y + other.h == height:
        out.append((cx, 0))
    if other.x == 0:
        out.append((width - w, cy))
    if other.x + other.w == width:
        out.append((0, cy))
    return out + [(x + dx, y) for x, y in out for dx in (-1, 1)]


def _mirrored(ctx: Context, other: Geo, path_id: str, w: int, h: int) -> list[Spot]:
    """`other` reflected through the nearest cell of the path (through the middle of an
    area such as a square), and a cell either way."""
    item = ctx.by_id.get(path_id)
    if item is None or not item.placed:
        return []
    ox2, oy2 = 2 * other.x + other.w, 2 * other.y + other.h
    if item.path:
        index = rules.nearest_path_index(ctx.path_index(path_id), ox2, oy2)
        if index is None:
            return []
        px2, py2 = 2 * item.path[index][0] + 1, 2 * item.path[index][1] + 1
    else:
        px2, py2 = 2 * item.x + item.w, 2 * item.y + item.h
    tx2, ty2 = 2 * px2 - ox2, 2 * py2 - oy2
    x, y = (tx2 - w) // 2, (ty2 - h) // 2
    sx, sy = (tx2 > ox2) - (tx2 < ox2), (ty2 > oy2) - (ty2 < oy2)
    out = [(x, y), *neighbours((x, y))]
    return out + [(x + k * sx, y + k * sy) for k in (1, 2, 3)]
