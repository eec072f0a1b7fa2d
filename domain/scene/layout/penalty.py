"""How far a candidate footprint is from satisfying a relation (0 = there). Placer only."""

import math
from collections.abc import Callable

from domain.scene import relation_rules as rules
from domain.scene.layout.context import FIELD_RADIUS, Context, Geo, Item
from domain.scene.shapes import interior

Lookup = Callable[[str], Geo | None]
Frame = tuple[int, int, int, int]


def gap(ctx: Context, a: Geo, a_id: str, b: Geo, b_id: str) -> int:
    """Free cells between two footprints (0 = touching, also diagonally)."""
    if a.cells is None and b.cells is None:
        dx = max(0, b.x - (a.x + a.w), a.x - (b.x + b.w))
        dy = max(0, b.y - (a.y + a.h), a.y - (b.y + b.h))
        return max(dx, dy)
    if b.cells is None:
        a, a_id, b, b_id = b, b_id, a, a_id
    field = ctx.field(b_id)
    width = ctx.width
    best = FIELD_RADIUS + 1
    cells = a.cells or [(a.x + i, a.y + j) for j in range(a.h) for i in range(a.w)]
    for cx, cy in cells:
        if 0 <= cx < width and 0 <= cy < ctx.height:
            value = field[cy * width + cx]
            if value < best:
                best = value
                if best == 0:
                    break
    return max(0, best - 1) if best > 0 else 0


def directional(sub: Geo, obj: Geo, direction: str) -> int:
    """Cells of overlap in the wrong direction (0 = sub lies wholly on that side of obj)."""
    vertical = direction in ("north", "south")
    if vertical:
        low, high = max(sub.x, obj.x), min(sub.x + sub.w, obj.x + obj.w)
        ranges = ((sub.col_range(k), obj.col_range(k)) for k in range(low, high))
    else:
        low, high = max(sub.y, obj.y), min(sub.y + sub.h, obj.y + obj.h)
        ranges = ((sub.row_range(k), obj.row_range(k)) for k in range(low, high))
    worst = None
    for mine, theirs in ranges:
        if mine is None or theirs is None:
            continue
        value = _excess(mine, theirs, direction)
        worst = value if worst is None else max(worst, value)
    if worst is None:
        if vertical:
            worst = _excess((sub.y, sub.y + sub.h - 1), (obj.y, obj.y + obj.h - 1), direction)
        else:
            worst = _excess((sub.x, sub.x + sub.w - 1), (obj.x, obj.x + obj.w - 1), direction)
    return max(0, worst)


def _excess(mine: tuple[int, int], theirs: tuple[int, int], direction: str) -> int:
    if direction in ("north", "west"):
        return mine[1] - theirs[0] + 1
    return theirs[1] - mine[0] + 1


def frame_of(ctx: Context, objects: tuple[str, ...]) -> Frame:
    """The rectangle a framed relation (corner, wall, centre, region) is measured in."""
    if objects:
        host = ctx.by_id.get(objects[0])
        if host is not None and host.placed:
            return interior(host.rect, host.kind.container == "walled")
    return 0, 0, ctx.width, ctx.height


def region(geo: Geo, frame: Frame, direction: str) -> float:
    fx, fy, fw, fh = frame
    cx, cy = geo.x + geo.w / 2 - fx, geo.y + geo.h / 2 - fy
    # a diagonal part (`a stage in the SW`) is aimed at its corner third, where a reader
    # looks for it; the verifier still accepts the outer 40% on both sides
    share = _CORNER_SHARE if len(direction) > len("north") else _REGION_SHARE
    total = 0.0
    if "north" in direction:
        total += max(0.0, cy - share * fh + 0.01)
    if "south" in direction:
        total += max(0.0, (1 - share) * fh - cy + 0.01)
    if "west" in direction:
        total += max(0.0, cx - share * fw + 0.01)
    if "east" in direction:
        total += max(0.0, (1 - share) * fw - cx + 0.01)
    return total


_REGION_SHARE = 0.4
_CORNER_SHARE = 1 / 3


def center(geo: Geo, frame: Frame, axis: str | None = None) -> float:
    fx, fy, fw, fh = frame
    tol_x, tol_y = rules.center_tolerance(fw, fh)
    if axis == "x":  # centred along a wall: east-west only
        tol_y = 2 * fh
    elif axis == "y":
        tol_x = 2 * fw
    off_x = abs(2 * (geo.x - fx) + geo.w - fw)
    off_y = abs(2 * (geo.y - fy) + geo.h - fh)
    return max(0, off_x - tol_x) / 2 + max(0, off_y - tol_y) / 2


def corner(geo: Geo, frame: Frame, which: str | None) -> float:
    fx, fy, fw, fh = frame
    tol_x, tol_y = rules.corner_tolerance(fw, fh)
    west, east = geo.x - fx, fx + fw - (geo.x + geo.w)
    north, south = geo.y - fy, fy + fh - (geo.y + geo.h)
    options = {
        "northwest": (west, north),
        "northeast": (east, north),
        "southwest": (west, south),
        "southeast": (east, south),
    }
    chosen = [options[which]] if which in options else list(options.values())
    return min(max(0, dx - tol_x) + max(0, dy - tol_y) for dx, dy in chosen)


def wall(geo: Geo, frame: Frame, side: str | None) -> float:
    fx, fy, fw, fh = frame
    distances = {
        "north": geo.y - fy,
        "south": fy + fh - (geo.y + geo.h),
        "west": geo.x - fx,
        "east": fx + fw - (geo.x + geo.w),
    }
    if side in distances:
        return abs(distances[side])
    return min(abs(value) for value in distances.values())


def outside_wall(sub: Geo, obj: Geo, side: str | None) -> float:
    """Standing against the outside of `obj` on `side`."""
    spans = {
        "north": (abs(obj.y - (sub.y + sub.h)), sub.x, sub.w, obj.x, obj.w),
        "south": (abs(sub.y - (obj.y + obj.h)), sub.x, sub.w, obj.x, obj.w),
        "west": (abs(obj.x - (sub.x + sub.w)), sub.y, sub.h, obj.y, obj.h),
        "east": (abs(sub.x - (obj.x + obj.w)), sub.y, sub.h, obj.y, obj.h),
    }
    chosen = [spans[side]] if side in spans else list(spans.values())
    best = float("inf")
    for distance, start, length, other, other_length in chosen:
        miss = max(0, other - (start + length) + 1, start - (other + other_length) + 1)
        best = min(best, distance + miss)
    return best


def between(sub: Geo, a: Geo, b: Geo) -> float:
    px, py = 2 * sub.x + sub.w, 2 * sub.y + sub.h
    ax, ay = _reference(a, px, py)
    bx, by = _reference(b, px, py)
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return 0.0
    vx, vy = px - ax, py - ay
    dot = vx * dx + vy * dy
    length = math.sqrt(length2)
    along = dot / length
    penalty = max(0.0, 1 - along, along - length + 1) / 2
    cross = abs(vx * dy - vy * dx) / length
    return penalty + max(0.0, cross - rules.BETWEEN_OFF + 0.5) / 2


def _reference(geo: Geo, px: int, py: int) -> tuple[int, int]:
    """A point to measure `between` from: a box's centre, else the nearest cell (doubled)."""
    if geo.cells is None:
        return 2 * geo.x + geo.w, 2 * geo.y + geo.h
    best = min(geo.cells, key=lambda c: (2 * c[0] + 1 - px) ** 2 + (2 * c[1] + 1 - py) ** 2)
    return 2 * best[0] + 1, 2 * best[1] + 1


def edge(geo: Geo, width: int, height: int, side: str | None) -> float:
    distances = {
        "north": geo.y,
        "south": height - (geo.y + geo.h),
        "west": geo.x,
        "east": width - (geo.x + geo.w),
    }
    if side in distances:
        return max(0, distances[side] - rules.EDGE_DISTANCE)
    return max(0, min(distances.values()) - rules.EDGE_DISTANCE)


def overlap_or_gap(ctx: Context, sub: Geo, sub_id: str, obj: Geo, obj_id: str) -> float:
    if obj.cells is not None:
        field = ctx.field(obj_id)
        cells = sub.cells or [(sub.x + i, sub.y + j) for j in range(sub.h) for i in range(sub.w)]
        if any(field[cy * ctx.width + cx] == 0 for cx, cy in cells):
            return 0.0
    elif _overlap(sub, obj):
        return 0.0
    return gap(ctx, sub, sub_id, obj, obj_id) + 1.0


def _overlap(a: Geo, b: Geo) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def item_host_is(item: Item, thing_id: str) -> bool:
    return item.host is not None and item.host.id == thing_id
