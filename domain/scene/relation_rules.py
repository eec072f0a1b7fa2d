"""Thresholds that define when a relation holds; the placer aims at them, the verifier checks.

Pure definitions shared by both sides (the verifier never looks at what the placer meant,
only at the final nodes, but both read "near" or "on the left of the road" the same way).
"""

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence

from domain.scene.model import KindSpec, RelationSpec

Cell = tuple[int, int]

NEXT_TO_GAP = 1  # cells of free space allowed between things `next to` each other
NEAR_GAP = 3
ALONG_GAP = 2  # a thing `along` a path stands this close to it
ALONG_PATH_SHARE = 70  # percent of a path's cells close to what it runs along
ALONG_PATH_DISTANCE = 3
AROUND_GAP = 2  # a group around something stands this close to it (more for a big group)
REGION_SHARE = 80  # percent of a path's cells inside an asked-for region
EDGE_DISTANCE = 1  # `along the north edge`: a thing within this many cells of it
PATH_EDGE_DISTANCE = 2  # ... a path's cells (a river's bends reach a little further)
FACING_GAP = NEAR_GAP  # `facing`: free cells allowed between the two
ROWS_FACING_GAP = FACING_GAP + 3  # ... rows and what they face: room for a front (a teacher's desk)
FROM_AFAR = "afar"  # `facing`'s argument when it is also placed (in the middle): any distance
ACROSS_GAP = 2 * NEAR_GAP  # `across from` open ground (no path named)
HEAD_OFFSET = 1  # `at the head of`: off the middle of the short end by at most this many cells
# `between`: off the line joining the two by at most two cells (doubled units: 4), however
# far apart they are (`a windmill between the two armies` stands on the way from one to the
# other, not anywhere in the band they span)
BETWEEN_OFF = 4
ROW_SLACK = 1  # `in rows`: a row's centres differ by at most half a cell (doubled units)
ROW_SPACING_SLACK = 2  # ... and consecutive spacings by at most one cell (doubled units)
RING_EXTRA_ANGLE = 45.0  # `in a ring`: largest angular gap at most 360/n + this (degrees)
RING_SPREAD = 1.4  # ... and the farthest member at most this times the nearest, plus
RING_SLACK = 1.5  # ... this many cells

# The compass side a directional predicate puts its subject on, seen on the map (north = up).
DIRECTION_OF = {
    "north_of": "north",
    "above": "north",
    "south_of": "south",
    "below": "south",
    "east_of": "east",
    "right_of": "east",
    "west_of": "west",
    "left_of": "west",
}


def far_gap(width: int, height: int) -> int:
    """`far from`: at least a third of the map's longer side apart."""
    return max(width, height) // 3


def corner_tolerance(width: int, height: int) -> tuple[int, int]:
    return max(1, width // 8), max(1, height // 8)


def center_tolerance(width: int, height: int) -> tuple[int, int]:
    """Allowed offset of a doubled centre coordinate from the doubled frame centre."""
    return max(2, width // 5), max(2, height // 5)


def around_sides_needed(group_size: int) -> int:
    return min(3, group_size)


def around_ring_gap(
    sizes: Sequence[tuple[int, int]], centre_w: int, centre_h: int, tight: bool = False
) -> int:
    """Free cells between the centre and a ring that has room for every member on it.

    The ring runs round the centre's box at this gap; its length must take each member's
    longer side plus a cell, with a quarter to spare for its corners. `tight` (chairs round
    a table): members may touch the centre and each other.
    """
    if not sizes:
        return AROUND_GAP
    spacing = 0 if tight else 1
    need = sum(max(w, h) + spacing for w, h in sizes) * 5 / 4
    return max(spacing, math.ceil((need - 2 * (centre_w + centre_h)) / 8))


def around_reach(sizes: Sequence[tuple[int, int]], centre_w: int, centre_h: int) -> int:
    """`around`: the largest gap allowed between a member and the centre, for this group.

    The ring's gap, a cell for rounding, half the difference between the members' sizes,
    and half the gap again so that a ring may be flattened to fit a long, low map.
    """
    if not sizes:
        return AROUND_GAP
    sides = [max(w, h) for w, h in sizes]
    spread = (max(sides) - min(sides)) // 2
    gap = around_ring_gap(sizes, centre_w, centre_h)
    return max(AROUND_GAP, gap + gap // 2 + 1 + spread)


def around_tracks(
    sizes: Sequence[tuple[int, int]], centre_w: int, centre_h: int, tight: bool = False
) -> list[tuple[int, int]]:
    """(gap east-west, gap north-south) for rings round a centre: round first, then flatter."""
    gap = around_ring_gap(sizes, centre_w, centre_h, tight)
    out = [(gap, gap)]
    for k in range(1, gap // 2 + 1):
        out += [(gap + k, gap - k), (gap - k, gap + k)]
    return out


def head_spots(table: tuple[int, int, int, int], w: int, h: int) -> list[tuple[int, int]]:
    """Top-left corners that put a w x h box at the middle of each short end of `table`."""
    tx, ty, tw, th = table
    out = []
    if tw >= th:  # ends to the west and east
        y = ty + (th - h) // 2
        out += [(tx - w, y), (tx + tw, y)]
    if th >= tw:
        x = tx + (tw - w) // 2
        out += [(x, ty - h), (x, ty + th)]
    return out


def at_head_of(sub: tuple[int, int, int, int], table: tuple[int, int, int, int]) -> bool:
    sx, sy, sw, sh = sub
    tx, ty, tw, th = table
    slack = 2 * HEAD_OFFSET
    if tw >= th and (sx + sw == tx or sx == tx + tw):
        rows = sy < ty + th and ty < sy + sh
        return rows and abs((2 * sy + sh) - (2 * ty + th)) <= slack
    if th >= tw and (sy + sh == ty or sy == ty + th):
        columns = sx < tx + tw and tx < sx + sw
        return columns and abs((2 * sx + sw) - (2 * tx + tw)) <= slack
    return False


def opposite_wall(
    sub: tuple[int, int, int, int], obj: tuple[int, int, int, int], width: int, height: int
) -> bool:
    """Indoors, `across from` a thing against one wall: against the opposite wall."""
    (sx, sy, sw, sh), (ox, oy, ow, oh) = sub, obj
    return (
        (oy == 0 and sy + sh == height)
        or (oy + oh == height and sy == 0)
        or (ox == 0 and sx + sw == width)
        or (ox + ow == width and sx == 0)
    )


def nearest_path_index(index_of: Mapping[Cell, int], px2: int, py2: int) -> int | None:
    """Index of the path cell nearest a doubled point (Euclidean; ties: lowest index).

    Searches square rings around the point until the nearest found cell cannot be beaten.
    """
    if not index_of:
        return None
    cx, cy = px2 // 2, py2 // 2
    best: tuple[int, int] | None = None
    limit: int | None = None
    radius = 0
    while limit is None or radius <= limit:
        for x, y in _square(cx, cy, radius):
            index = index_of.get((x, y))
            if index is None:
                continue
            key = ((2 * x + 1 - px2) ** 2 + (2 * y + 1 - py2) ** 2, index)
            if best is None or key < best:
                best = key
        if best is not None and limit is None:
            limit = math.isqrt(best[0]) // 2 + 2
        radius += 1
        if radius > 4096:
            break
    return best[1] if best is not None else None


def _square(cx: int, cy: int, radius: int) -> list[Cell]:
    if radius == 0:
        return [(cx, cy)]
    out = [(cx + k, cy - radius) for k in range(-radius, radius + 1)]
    out += [(cx + k, cy + radius) for k in range(-radius, radius + 1)]
    out += [(cx - radius, cy + k) for k in range(-radius + 1, radius)]
    out += [(cx + radius, cy + k) for k in range(-radius + 1, radius)]
    return out


def path_heading(cells: Sequence[Cell], index: int) -> tuple[int, int]:
    """Direction of travel at `index`, from the path's first cell to its last, smoothed."""
    xs, ys = [c[0] for c in cells], [c[1] for c in cells]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) + 1
    step = 4 * max(1, round(len(cells) / span))
    ahead, behind = cells[min(len(cells) - 1, index + step)], cells[max(0, index - step)]
    return ahead[0] - behind[0], ahead[1] - behind[1]


def path_side(
    cells: Sequence[Cell], index_of: Mapping[Cell, int], px2: int, py2: int
) -> str | None:
    """`left` or `right` of the path at a doubled point, walking from its first cell."""
    index = nearest_path_index(index_of, px2, py2)
    if index is None:
        return None
    tx, ty = path_heading(cells, index)
    cx, cy = cells[index]
    vx, vy = px2 - (2 * cx + 1), py2 - (2 * cy + 1)
    cross = tx * vy - ty * vx  # y grows south: negative is on the left
    if cross == 0:
        return None
    return "left" if cross < 0 else "right"


def first_index(cells: Sequence[Cell]) -> dict[Cell, int]:
    out: dict[Cell, int] = {}
    for index, cell in enumerate(cells):
        out.setdefault(cell, index)
    return out


def segment_cells(ax2: int, ay2: int, bx2: int, by2: int) -> list[Cell]:
    """Cells the straight segment between two doubled points passes over, in order."""
    steps = max(abs(bx2 - ax2), abs(by2 - ay2), 1) * 2
    out: list[Cell] = []
    for k in range(steps + 1):
        x = (ax2 * (steps - k) + bx2 * k) // (2 * steps)
        y = (ay2 * (steps - k) + by2 * k) // (2 * steps)
        if not out or out[-1] != (x, y):
            out.append((x, y))
    return out


def ring_ok(points: Sequence[tuple[int, int]]) -> bool:
    """Doubled centres form a ring: spread on every side of their mean, at similar distances."""
    n = len(points)
    if n < 3:
        return False
    mx = sum(p[0] for p in points) / n
    my = sum(p[1] for p in points) / n
    angles = sorted(math.degrees(math.atan2(p[1] - my, p[0] - mx)) for p in points)
    gaps = [b - a for a, b in itertools.pairwise(angles)]
    gaps.append(angles[0] + 360 - angles[-1])
    if max(gaps) > min(180.0, 360 / n + RING_EXTRA_ANGLE):
        return False
    distances = [math.hypot(p[0] - mx, p[1] - my) / 2 for p in points]
    return min(distances) >= 1 and max(distances) <= RING_SPREAD * min(distances) + RING_SLACK


def rows_mates(relations: Iterable[RelationSpec]) -> dict[str, tuple[str, ...]]:
    """Each thing asked to stand `in_rows`, with every member of its rows (itself included)."""
    mates: dict[str, tuple[str, ...]] = {}
    for relation in relations:
        if relation.predicate == "in_rows":
            members = tuple(dict.fromkeys((relation.subject, *relation.objects)))
            for member in members:
                mates.setdefault(member, members)
    return mates


def set_between(relations: Iterable[RelationSpec]) -> dict[frozenset[str], tuple[str, ...]]:
    """The things asked to stand between each pair (`a coffee table between the couch and the
    tv`): part of how the two face each other, not something in the way."""
    found: dict[frozenset[str], tuple[str, ...]] = {}
    for relation in relations:
        if relation.predicate == "between" and len(relation.objects) == 2:
            pair = frozenset(relation.objects)
            found[pair] = (*found.get(pair, ()), relation.subject)
    return found


def facing_reach(room: int) -> int:
    """`facing`: free cells allowed between the two, more by the depth of what stands
    between them."""
    return FACING_GAP + room


def lies_between(holder: KindSpec) -> bool:
    """A rug under the coffee table set between a couch and a tv lies between them too; the
    walls of a room round it do not."""
    return holder.container != "walled" and holder.layer != "terrain"
