"""Where to look for a box: a window of top-left positions and a few promising anchors."""

import math
from typing import NamedTuple

from domain.scene import relation_rules as rules
from domain.scene.layout import pattern_windows
from domain.scene.layout import penalty as pen
from domain.scene.layout.context import Context, Geo, Item
from domain.scene.model import RelationSpec

_BIG = 1 << 20
_REACH = {
    "next_to": rules.NEXT_TO_GAP,
    "near": rules.NEAR_GAP,
    "around": rules.AROUND_GAP,
    "along": rules.ALONG_GAP,
}
_REVERSED = {"north": "south", "south": "north", "east": "west", "west": "east"}
Bounds = tuple[int, int, int, int]


class Window(NamedTuple):
    x0: int
    y0: int
    x1: int
    y1: int


def window_for(
    ctx: Context,
    item: Item,
    relations: list[RelationSpec],
    frame: tuple[int, int, int, int],
    w: int,
    h: int,
) -> Window | None:
    """Intersect the position ranges the relations allow; skip any that would leave nothing."""
    fx, fy, fw, fh = frame
    x0, y0, x1, y1 = fx, fy, fx + fw - w, fy + fh - h
    if x1 < x0 or y1 < y0:
        return None
    for relation in relations:
        bounds = _bounds(ctx, item, relation, w, h)
        if bounds is None:
            continue
        nx0, ny0 = max(x0, bounds[0]), max(y0, bounds[1])
        nx1, ny1 = min(x1, bounds[2]), min(y1, bounds[3])
        if nx0 <= nx1 and ny0 <= ny1:
            x0, y0, x1, y1 = nx0, ny0, nx1, ny1
    return Window(x0, y0, x1, y1)


def _bounds(ctx: Context, item: Item, relation: RelationSpec, w: int, h: int) -> Bounds | None:
    predicate, argument = relation.predicate, relation.argument
    if relation.subject != item.id:
        return _reverse_bounds(ctx, relation, w, h)
    if predicate in pattern_windows.HANDLED:
        return pattern_windows.bounds(ctx, relation, w, h)
    other = ctx.geo(relation.objects[0]) if relation.objects else None
    direction = rules.DIRECTION_OF.get(predicate)
    if direction is not None and other is not None:
        return _beyond(other, direction, w, h)
    frame = pen.frame_of(ctx, relation.objects)
    if predicate == "in_region":
        return _region(frame, argument or "north", w, h)
    if predicate == "in_center":
        fx, fy, fw, fh = frame
        tol_x, tol_y = rules.center_tolerance(fw, fh)
        if argument == "x":
            tol_y = 2 * fh
        elif argument == "y":
            tol_x = 2 * fw
        return (
            fx + math.ceil((fw - w - tol_x) / 2),
            fy + math.ceil((fh - h - tol_y) / 2),
            fx + (fw - w + tol_x) // 2,
            fy + (fh - h + tol_y) // 2,
        )
    if predicate == "in_corner" and argument is not None:
        return _corner(frame, argument, w, h)
    if predicate == "against_wall" and argument is not None:
        if other is not None and not pen.item_host_is(item, relation.objects[0]):
            return _outside(other, argument, w, h)
        return _wall(frame, argument, w, h)
    if predicate == "along" and other is None and argument is not None:
        return _wall((0, 0, ctx.width, ctx.height), argument, w, h, rules.EDGE_DISTANCE)
    if predicate in _REACH and other is not None and other.cells is None:
        return _ring(other, _REACH[predicate], w, h)
    if predicate == "between" and len(relation.objects) == 2:
        first, second = other, ctx.geo(relation.objects[1])
        if first is None or second is None:
            return None
        xs = (first.x + first.w / 2, second.x + second.w / 2)
        ys = (first.y + first.h / 2, second.y + second.h / 2)
        return (
            int(min(xs) - w / 2) - 1,
            int(min(ys) - h / 2) - 1,
            int(max(xs) - w / 2) + 1,
            int(max(ys) - h / 2) + 1,
        )
    return None


def _reverse_bounds(ctx: Context, relation: RelationSpec, w: int, h: int) -> Bounds | None:
    subject = ctx.geo(relation.subject)
    if subject is None or subject.cells is not None or len(relation.objects) != 1:
        return None
    direction = rules.DIRECTION_OF.get(relation.predicate)
    if direction is not None:
        return _beyond(subject, _REVERSED[direction], w, h)
    if relation.predicate in _REACH:
        return _ring(subject, _REACH[relation.predicate], w, h)
    return None


def _beyond(other: Geo, direction: str, w: int, h: int) -> Bounds:
    loose = other.cells is not None
    if direction == "north":
        return -_BIG, -_BIG, _BIG, (other.y + other.h - 1 if loose else other.y) - h
    if direction == "south":
        return -_BIG, (other.y + 1 if loose else other.y + other.h), _BIG, _BIG
    if direction == "west":
        return -_BIG, -_BIG, (other.x + other.w - 1 if loose else other.x) - w, _BIG
    return (other.x + 1 if loose else other.x + other.w), -_BIG, _BIG, _BIG


def _region(frame: tuple[int, int, int, int], direction: str, w: int, h: int) -> Bounds:
    fx, fy, fw, fh = frame
    x0, y0, x1, y1 = -_BIG, -_BIG, _BIG, _BIG
    if "north" in direction:
        y1 = fy + math.floor(0.4 * fh - h / 2 - 0.02)
    if "south" in direction:
        y0 = fy + math.ceil(0.6 * fh - h / 2 + 0.02)
    if "west" in direction:
        x1 = fx + math.floor(0.4 * fw - w / 2 - 0.02)
    if "east" in direction:
        x0 = fx + math.ceil(0.6 * fw - w / 2 + 0.02)
    return x0, y0, x1, y1


def _corner(frame: tuple[int, int, int, int], which: str, w: int, h: int) -> Bounds:
    fx, fy, fw, fh = frame
    tol_x, tol_y = rules.corner_tolerance(fw, fh)
    x0, y0, x1, y1 = -_BIG, -_BIG, _BIG, _BIG
    if "north" in which:
        y1 = fy + tol_y
    if "south" in which:
        y0 = fy + fh - h - tol_y
    if "west" in which:
        x1 = fx + tol_x
    if "east" in which:
        x0 = fx + fw - w - tol_x
    return x0, y0, x1, y1


def _wall(frame: tuple[int, int, int, int], side: str, w: int, h: int, slack: int = 0) -> Bounds:
    fx, fy, fw, fh = frame
    if side == "north":
        return -_BIG, fy, _BIG, fy + slack
    if side == "south":
        return -_BIG, fy + fh - h - slack, _BIG, fy + fh - h
    if side == "west":
        return fx, -_BIG, fx + slack, _BIG
    return fx + fw - w - slack, -_BIG, fx + fw - w, _BIG


def _outside(other: Geo, side: str, w: int, h: int) -> Bounds:
    if side == "north":
        return other.x - w + 1, other.y - h, other.x + other.w - 1, other.y - h
    if side == "south":
        return other.x - w + 1, other.y + other.h, other.x + other.w - 1, other.y + other.h
    if side == "west":
        return other.x - w, other.y - h + 1, other.x - w, other.y + other.h - 1
    return other.x + other.w, other.y - h + 1, other.x + other.w, other.y + other.h - 1


def _ring(other: Geo, reach: int, w: int, h: int) -> Bounds:
    return (
        other.x - w - reach,
        other.y - h - reach,
        other.x + other.w + reach,
        other.y + other.h + reach,
    )


def anchors(
    ctx: Context,
    item: Item,
    relations: list[RelationSpec],
    frame: tuple[int, int, int, int],
    w: int,
    h: int,
) -> list[tuple[int, int]]:
    """Positions worth trying first: touching a neighbour, in the exact corner or centre."""
    rng = ctx.rng
    out: list[tuple[int, int]] = []
    for relation in relations:
        predicate = relation.predicate
        mine = relation.subject == item.id
        other_id = relation.objects[0] if mine and relation.objects else relation.subject
        if predicate in _REACH or predicate == "across":
            if not mine and predicate == "around":
                continue
            other = ctx.geo(other_id) if other_id != item.id else None
            if other is None:
                continue
            for _ in range(8):
                out.append(_touching(other, predicate, w, h, rng.random(), rng.random()))
            continue
        if not mine:
            continue
        if predicate in pattern_windows.HANDLED:
            out.extend(pattern_windows.anchors(ctx, item, relation, w, h))
            continue
        target = pen.frame_of(ctx, relation.objects)
        fx, fy, fw, fh = target
        if predicate == "in_center":
            cx, cy = fx + (fw - w) // 2, fy + (fh - h) // 2
            out.extend([(cx, cy), (cx + 1, cy), (cx - 1, cy), (cx, cy + 1)])
        elif predicate == "in_corner":
            corners = {
                "northwest": (fx, fy),
                "northeast": (fx + fw - w, fy),
                "southwest": (fx, fy + fh - h),
                "southeast": (fx + fw - w, fy + fh - h),
            }
            chosen = relation.argument
            out.extend([corners[chosen]] if chosen in corners else list(corners.values()))
        elif predicate == "against_wall" and (
            not relation.objects or pen.item_host_is(item, relation.objects[0])
        ):
            sides = [relation.argument] if relation.argument else ["north", "south", "west", "east"]
            for side in sides:
                for _ in range(3):
                    out.append(_on_wall(target, side, w, h, rng.random()))
        elif predicate == "between" and len(relation.objects) == 2:
            first, second = ctx.geo(relation.objects[0]), ctx.geo(relation.objects[1])
            if first is not None and second is not None:
                mx = (first.x + first.w / 2 + second.x + second.w / 2) / 2
                my = (first.y + first.h / 2 + second.y + second.h / 2) / 2
                out.append((int(mx - w / 2), int(my - h / 2)))
    return out


def _touching(other: Geo, predicate: str, w: int, h: int, t: float, u: float) -> tuple[int, int]:
    if other.cells:
        edge = other.rim() if predicate != "across" else other.cells
        cx, cy = edge[int(t * len(edge)) % len(edge)]
        bx, by, bw, bh = cx, cy, 1, 1
    else:
        bx, by, bw, bh = other.x, other.y, other.w, other.h
    if predicate == "across":
        return bx - int(u * w), by - int(((t * 7) % 1) * h)
    gap = 1 if (predicate in ("near", "around") and u > 0.7) else 0
    side = int(u * 4) % 4
    slide = (t * 13) % 1
    if side == 0:
        return bx - w + 1 + int(slide * (bw + w - 1)), by - h - gap
    if side == 1:
        return bx - w + 1 + int(slide * (bw + w - 1)), by + bh + gap
    if side == 2:
        return bx - w - gap, by - h + 1 + int(slide * (bh + h - 1))
    return bx + bw + gap, by - h + 1 + int(slide * (bh + h - 1))


def _on_wall(
    frame: tuple[int, int, int, int], side: str, w: int, h: int, t: float
) -> tuple[int, int]:
    fx, fy, fw, fh = frame
    along_x = fx + int(t * max(1, fw - w + 1))
    along_y = fy + int(t * max(1, fh - h + 1))
    if side == "north":
        return along_x, fy
    if side == "south":
        return along_x, fy + fh - h
    if side == "west":
        return fx, along_y
    return fx + fw - w, along_y
