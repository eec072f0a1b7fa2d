"""The verifier's checks for arrangements: on, sides of a path, facing, heads, rows, rings,
runs and shores. Each looks only at the final nodes (see `relation_rules` for thresholds).
"""

import itertools
from collections.abc import Sequence

from domain.scene import relation_rules as rules
from domain.scene.grid_walks import neighbours_within
from domain.scene.model import RelationSpec
from domain.scene.shapes import Cell
from domain.scene.verify import measures
from domain.scene.verify.world import Rect, World

CHECKED = frozenset(
    [
        "on",
        "on_side_of",
        "across_from",
        "facing",
        "at_head_of",
        "in_rows",
        "in_ring",
        "runs",
        "on_shore",
    ]
)


def holds(world: World, relation: RelationSpec, between: Sequence[str] = ()) -> bool:
    """Whether a relation whose predicate is in CHECKED holds on the finished layout.

    `between`: what the prompt puts between the relation's two things."""
    predicate, a, objects = relation.predicate, relation.subject, relation.objects
    argument = relation.argument
    if predicate == "on" and objects:
        mine, theirs = world.cell_set(a), world.cell_set(objects[0])
        # within it, or (a creature larger than it) lying over it: a dragon on its hoard
        over = world.kind(a).layer == "actor" and bool(theirs) and theirs <= mine
        astride = world.is_path(objects[0]) and bool(mine & theirs)  # a train on its rails
        return mine <= theirs or over or astride
    if predicate == "on_side_of" and objects:
        return on_side_of(world, a, objects[0], argument)
    if predicate == "across_from" and objects:
        return across_from(world, a, objects[0], objects[1] if len(objects) > 1 else None)
    if predicate == "facing" and objects:
        return facing(world, a, objects[0], afar=argument == rules.FROM_AFAR, between=between)
    if predicate == "at_head_of" and objects:
        return rules.at_head_of(world.rect(a), world.rect(objects[0]))
    if predicate == "in_rows":
        return in_rows([world.rect(m) for m in (a, *objects)], argument)
    if predicate == "in_ring":
        return in_ring(world, (a, *objects))
    if predicate == "runs":
        return runs(world, a, argument)
    if predicate == "on_shore":
        return on_shore(world, a, objects)
    return False


def on_side_of(world: World, a: str, path: str, side: str | None) -> bool:
    if not world.is_path(path) or side not in ("left", "right"):
        return False
    if world.distance(a, path, 8) > rules.ALONG_GAP + 1:
        return False
    px2, py2 = measures.doubled_centre(world.rect(a))
    return rules.path_side(world.cells(path), world.path_index(path), px2, py2) == side


def spans(a: Rect, b: Rect) -> tuple[bool, bool]:
    """Whether the two boxes share columns, and whether they share rows."""
    columns = a[0] < b[0] + b[2] and b[0] < a[0] + a[2]
    rows = a[1] < b[1] + b[3] and b[1] < a[1] + a[3]
    return columns, rows


def across_from(world: World, a: str, b: str, path: str | None) -> bool:
    ra, rb = world.rect(a), world.rect(b)
    columns, rows = spans(ra, rb)
    if columns == rows:  # overlapping, or aligned on no axis
        return False
    if path is None:
        if world.indoor and rules.opposite_wall(ra, rb, world.width, world.height):
            return True  # across the room, whatever stands in it
        return world.distance(a, b, 16) <= rules.ACROSS_GAP + 1 and clear_between(world, a, b)
    ax2, ay2 = measures.doubled_centre(ra)
    bx2, by2 = measures.doubled_centre(rb)
    own = world.cell_set(path)
    return any(cell in own for cell in rules.segment_cells(ax2, ay2, bx2, by2))


def facing(world: World, a: str, b: str, afar: bool = False, between: Sequence[str] = ()) -> bool:
    """Aligned, near (farther by the depth of what stands between them), and nothing in the
    way but what was asked to stand between them (a coffee table between a couch and a tv)."""
    columns, rows = spans(world.rect(a), world.rect(b))
    if columns == rows:
        return False
    present = [thing for thing in between if thing in world.nodes]
    holders = [world.nodes[t].parent for t in present]
    present += [h for h in holders if h is not None and rules.lies_between(world.kind(h))]
    room = max((min(world.rect(t)[2:]) for t in present), default=0)
    reach = rules.facing_reach(room) + 1
    near = afar or world.distance(a, b, reach + 1) <= reach
    return near and clear_between(world, a, b, present)


def rows_facing(world: World, members: Sequence[str], b: str) -> bool:
    """Rows face a thing as one block: aligned with it on one axis, the front row near it,
    and nothing but the rows themselves between (the back rows look over the front ones)."""
    block = _bounding([world.rect(m) for m in members])
    columns, rows = spans(block, world.rect(b))
    if columns == rows:
        return False
    near = min(world.distance(m, b, rules.ROWS_FACING_GAP + 1) for m in members)
    own: frozenset[Cell] = frozenset().union(*(world.cell_set(m) for m in (*members, b)))
    return near <= rules.ROWS_FACING_GAP + 1 and _clear_line(world, block, world.rect(b), own)


def clear_between(world: World, a: str, b: str, set_between: Sequence[str] = ()) -> bool:
    """One straight line of cells across the gap between two aligned boxes is free of solids
    (but those of things set between them)."""
    own = world.cell_set(a) | world.cell_set(b)
    for thing in set_between:
        own |= world.cell_set(thing)
    for node_id in (a, b):  # a cannon in a fort faces the sea over the fort's own wall
        holder = world.nodes[node_id].parent
        if holder is not None and holder in world.nodes:
            own |= world.cell_set(holder)
    return _clear_line(world, world.rect(a), world.rect(b), own)


def _clear_line(world: World, a: Rect, b: Rect, own: frozenset[Cell]) -> bool:
    (ax, ay, aw, ah), (bx, by, bw, bh) = a, b
    columns, _ = spans(a, b)
    solid, width = world.solid(), world.width
    if columns:
        low, high = (ay + ah, by) if ay < by else (by + bh, ay)
        lines = range(max(ax, bx), min(ax + aw, bx + bw))
        cells = [[(line, k) for k in range(low, high)] for line in lines]
    else:
        low, high = (ax + aw, bx) if ax < bx else (bx + bw, ax)
        lines = range(max(ay, by), min(ay + ah, by + bh))
        cells = [[(k, line) for k in range(low, high)] for line in lines]
    return any(
        all(cell in own or not solid[cell[1] * width + cell[0]] for cell in line) for line in cells
    )


def _bounding(rects: list[Rect]) -> Rect:
    x0, y0 = min(r[0] for r in rects), min(r[1] for r in rects)
    x1, y1 = max(r[0] + r[2] for r in rects), max(r[1] + r[3] for r in rects)
    return x0, y0, x1 - x0, y1 - y0


def in_rows(rects: list[Rect], argument: str | None = None) -> bool:
    """Straight rows (or columns): shared centre lines, even spacing, two or more in each.

    `argument` a number: that many rows (or columns); "grid": rows whose things also line
    up in columns, as many as the longest row has.
    """
    if len(rects) < 2:
        return True
    centres = [measures.doubled_centre(rect) for rect in rects]
    turned = [(y, x) for x, y in centres]
    if argument == "grid":
        return _grid_ok(centres) or _grid_ok(turned)
    wanted = int(argument) if argument is not None and argument.isdigit() else None
    return _lines_ok(centres, wanted) or _lines_ok(turned, wanted)


def _grid_ok(centres: list[tuple[int, int]]) -> bool:
    if not _lines_ok(centres, None):
        return False
    rows = _cluster([p[1] for p in centres])
    columns = _cluster([p[0] for p in centres])
    longest = max(sum(1 for p in centres if p[1] in row) for row in rows)
    return len(rows) >= 2 and len(columns) == longest


def _cluster(values: list[int]) -> list[set[int]]:
    """Values within ROW_SLACK of the first of their group, grouped."""
    groups: list[set[int]] = []
    first = 0
    for value in sorted(values):
        if groups and value - first <= rules.ROW_SLACK:
            groups[-1].add(value)
        else:
            groups.append({value})
            first = value
    return groups


def _lines_ok(centres: list[tuple[int, int]], wanted: int | None) -> bool:
    """Rows by the second coordinate, spaced along the first."""
    rows: list[list[tuple[int, int]]] = []
    for point in sorted(centres, key=lambda p: (p[1], p[0])):
        if rows and point[1] - rows[-1][0][1] <= rules.ROW_SLACK:
            rows[-1].append(point)
        else:
            rows.append([point])
    if wanted is not None and len(rows) != wanted:
        return False
    least = 2 if len(centres) >= 4 else 1
    if len(rows) > 1 and any(len(row) < least for row in rows):
        return False
    if len(rows) > 1 and len(rows) == len(centres):
        return False  # one thing a row: a column, judged the other way round
    for row in rows:
        xs = sorted(p[0] for p in row)
        steps = [b - a for a, b in itertools.pairwise(xs)]
        if steps and (min(steps) <= 0 or max(steps) - min(steps) > rules.ROW_SPACING_SLACK):
            return False
    return True


def in_ring(world: World, members: tuple[str, ...]) -> bool:
    points = [measures.doubled_centre(world.rect(m)) for m in members]
    if not rules.ring_ok(points):
        return False
    n = len(points)
    middle = (int(sum(p[0] for p in points) / n) // 2, int(sum(p[1] for p in points) / n) // 2)
    return all(middle not in world.cell_set(m) for m in members)


def runs(world: World, a: str, heading: str | None) -> bool:
    if not world.is_path(a):
        return False
    cells = world.cells(a)
    if heading == "north_south":
        ys = {y for _, y in cells}
        return 0 in ys and world.height - 1 in ys
    if heading == "east_west":
        xs = {x for x, _ in cells}
        return 0 in xs and world.width - 1 in xs
    edge = _EDGE_CELLS.get(heading or "")
    return edge is not None and any(edge(x, y, world.width, world.height) for x, y in cells)


# `a river flowing south from the pool`: it reaches that edge of the map
_EDGE_CELLS = {
    "north": lambda x, y, w, h: y == 0,
    "south": lambda x, y, w, h: y == h - 1,
    "west": lambda x, y, w, h: x == 0,
    "east": lambda x, y, w, h: x == w - 1,
}


def on_shore(world: World, a: str, objects: tuple[str, ...]) -> bool:
    """A pier: one end on land by the water, the rest on water. Else: at the water's edge."""
    if objects and world.distance(a, objects[0], 2) > 1:
        return False
    x, y, w, h = world.rect(a)
    kind = world.kind(a)
    if kind.afloat and max(w, h) > 1 and min(w, h) == 1 and not world.is_path(a):
        ends = ([(x, y)], [(x + w - 1, y)] if w >= h else [(x, y + h - 1)])
        cells = world.cells(a)
        return any(_landing(world, cells, end) for end in ends)
    cells = world.cells(a)
    wet = [world.is_water(cell) for cell in cells]
    if kind.afloat:
        return all(wet) and any(_touches(world, cell, water=False) for cell in cells)
    return not any(wet) and any(_touches(world, cell, water=True) for cell in cells)


def _landing(world: World, cells: list[Cell], end: list[Cell]) -> bool:
    rest = [cell for cell in cells if cell not in end]
    if any(world.is_water(cell) for cell in end) or not all(world.is_water(c) for c in rest):
        return False
    return any(_touches(world, cell, water=True) for cell in end)


def _touches(world: World, cell: Cell, water: bool) -> bool:
    return any(
        world.is_water(near) == water for near in neighbours_within(cell, world.width, world.height)
    )
