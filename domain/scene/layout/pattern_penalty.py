"""How far a candidate is from an arrangement (on, sides, facing, heads, rows, rings, shores).

0 when the relation holds, as `relation_rules` defines it; the placer only. Group patterns
(rows, rings, around) are scored against the slots the group plan gave each member.
"""

from domain.scene import relation_rules as rules
from domain.scene.layout import penalty as pen
from domain.scene.layout.context import Context, Geo
from domain.scene.model import RelationSpec

HANDLED = frozenset(
    ["on", "on_side_of", "across_from", "facing", "at_head_of", "in_rows", "in_ring", "on_shore"]
)
CENTRING_WEIGHT = 0.02  # per half cell that rows stand off the middle of what they face


def penalty(ctx: Context, relation: RelationSpec, lookup: pen.Lookup) -> float:
    """Group patterns (rows, rings) score 0 here: boxes.py scores a member by its slot."""
    predicate = relation.predicate
    if predicate in ("in_rows", "in_ring"):
        return 0.0
    subject = lookup(relation.subject)
    if subject is None:
        return 0.0
    if predicate == "on_shore":
        return shore_miss(ctx, subject)
    others = [lookup(thing_id) for thing_id in relation.objects]
    if not others or any(geo is None for geo in others):
        return 0.0
    other = others[0]
    assert other is not None
    sub_id, obj_id = relation.subject, relation.objects[0]
    if predicate == "on":
        return _on(ctx, subject, sub_id, other, obj_id)
    if predicate == "on_side_of":
        return _side(ctx, subject, sub_id, other, obj_id, relation.argument)
    if predicate == "at_head_of":
        return _head(subject, other)
    if predicate == "facing" and sub_id in ctx.rows_mates:
        return _rows_facing(ctx, ctx.rows_mates[sub_id], lookup, other, obj_id)
    gap = pen.gap(ctx, subject, sub_id, other, obj_id)
    miss = _alignment_miss(subject, other)
    if predicate == "facing":
        blocked = 0.0 if _clear(ctx, subject, other) else 2.0
        room = ctx.room_between(sub_id, obj_id)
        far = 0 if relation.argument == rules.FROM_AFAR else max(0, gap - rules.facing_reach(room))
        return miss + far + blocked + max(0, room - gap)
    if predicate == "across_from" and len(relation.objects) > 1:
        path = relation.objects[1]
        return miss + (0.0 if _crosses(ctx, subject, other, path) else 2.0)
    if predicate == "across_from":
        blocked = 0.0 if _clear(ctx, subject, other) else 2.0
        near = miss + max(0, gap - rules.ACROSS_GAP) + blocked
        return min(near, _across_room(ctx, subject, other, miss))
    return 0.0


def _on(ctx: Context, sub: Geo, sub_id: str, obj: Geo, obj_id: str) -> float:
    item = ctx.by_id[sub_id]
    if pen.item_host_is(item, obj_id):
        return 0.0
    theirs = ctx.cell_set(obj_id)
    cells = sub.cells or [(sub.x + i, sub.y + j) for j in range(sub.h) for i in range(sub.w)]
    outside = sum(1 for cell in cells if cell not in theirs)
    if not outside:
        return 0.0
    return 1.0 + outside + pen.gap(ctx, sub, sub_id, obj, obj_id)


def _side(ctx: Context, sub: Geo, sub_id: str, path: Geo, path_id: str, side: str | None) -> float:
    item = ctx.by_id[path_id]
    if item.path is None:
        return 0.0
    gap = pen.gap(ctx, sub, sub_id, path, path_id)
    total = float(max(0, gap - rules.ALONG_GAP))
    px2, py2 = 2 * sub.x + sub.w, 2 * sub.y + sub.h
    if rules.path_side(item.path, ctx.path_index(path_id), px2, py2) != side:
        total += 2.0
    return total


def _head(sub: Geo, table: Geo) -> float:
    if rules.at_head_of((sub.x, sub.y, sub.w, sub.h), (table.x, table.y, table.w, table.h)):
        return 0.0
    spots = rules.head_spots((table.x, table.y, table.w, table.h), sub.w, sub.h)
    return 1.0 + min(abs(sub.x - x) + abs(sub.y - y) for x, y in spots)


def _across_room(ctx: Context, sub: Geo, obj: Geo, miss: float) -> float:
    """Indoors, from a thing against a wall: how far from the opposite wall, aligned."""
    if not ctx.style.indoor:
        return float("inf")
    width, height = ctx.width, ctx.height
    if rules.opposite_wall(
        (sub.x, sub.y, sub.w, sub.h), (obj.x, obj.y, obj.w, obj.h), width, height
    ):
        return miss
    distances = []
    if obj.y == 0:
        distances.append(height - sub.y - sub.h)
    if obj.y + obj.h == height:
        distances.append(sub.y)
    if obj.x == 0:
        distances.append(width - sub.x - sub.w)
    if obj.x + obj.w == width:
        distances.append(sub.x)
    return miss + min(distances) if distances else float("inf")


def _rows_facing(
    ctx: Context, mates: tuple[str, ...], lookup: pen.Lookup, other: Geo, obj_id: str
) -> float:
    """Rows face a thing as one block (see verify.patterns.rows_facing): the block of the
    members placed so far is scored, not each member."""
    placed = [(mate, geo) for mate in mates for geo in [lookup(mate)] if geo is not None]
    if not placed:
        return 0.0
    geos = [geo for _, geo in placed]
    x0, y0 = min(g.x for g in geos), min(g.y for g in geos)
    block = Geo(x0, y0, max(g.x + g.w for g in geos) - x0, max(g.y + g.h for g in geos) - y0)
    columns = block.x < other.x + other.w and other.x < block.x + block.w
    rows = block.y < other.y + other.h and other.y < block.y + block.h
    if columns and rows:
        return 4.0  # the thing stands among the rows
    near = min(pen.gap(ctx, geo, mate, other, obj_id) for mate, geo in placed)
    blocked = 0.0 if _clear(ctx, block, other) else 2.0
    if columns:
        off_centre = abs(2 * block.x + block.w - 2 * other.x - other.w)
    else:
        off_centre = abs(2 * block.y + block.h - 2 * other.y - other.h)
    miss = _alignment_miss(block, other) + max(0, near - rules.ROWS_FACING_GAP) + blocked
    return miss + CENTRING_WEIGHT * off_centre


def _alignment_miss(a: Geo, b: Geo) -> float:
    """Cells to slide `a` before it shares columns or rows with `b` (0: it does)."""
    columns = max(0, b.x - (a.x + a.w) + 1, a.x - (b.x + b.w) + 1)
    rows = max(0, b.y - (a.y + a.h) + 1, a.y - (b.y + b.h) + 1)
    return float(min(columns, rows))


def _clear(ctx: Context, a: Geo, b: Geo) -> bool:
    """A straight line of free cells across the gap between two aligned boxes."""
    solid, width = ctx.grid.solid, ctx.width
    if a.x < b.x + b.w and b.x < a.x + a.w:
        low, high = (a.y + a.h, b.y) if a.y < b.y else (b.y + b.h, a.y)
        for column in range(max(a.x, b.x), min(a.x + a.w, b.x + b.w)):
            if all(not solid[row * width + column] for row in range(low, high)):
                return True
        return False
    if a.y < b.y + b.h and b.y < a.y + a.h:
        low, high = (a.x + a.w, b.x) if a.x < b.x else (b.x + b.w, a.x)
        for row in range(max(a.y, b.y), min(a.y + a.h, b.y + b.h)):
            if all(not solid[row * width + column] for column in range(low, high)):
                return True
        return False
    return False


def _crosses(ctx: Context, a: Geo, b: Geo, path_id: str) -> bool:
    if path_id not in ctx.by_id or not ctx.by_id[path_id].placed:
        return True
    own = ctx.cell_set(path_id)
    ax2, ay2, bx2, by2 = 2 * a.x + a.w, 2 * a.y + a.h, 2 * b.x + b.w, 2 * b.y + b.h
    return any(cell in own for cell in rules.segment_cells(ax2, ay2, bx2, by2))


def shore_miss(ctx: Context, geo: Geo) -> float:
    """0 when a pier-shaped footprint has one end on land by the water and the rest on water."""
    grid = ctx.grid
    if min(geo.w, geo.h) != 1 or max(geo.w, geo.h) < 2:
        return 0.0
    cells = [(geo.x + i, geo.y + j) for j in range(geo.h) for i in range(geo.w)]
    for end in (cells, cells[::-1]):
        if not grid.is_water(end[0]) and all(grid.is_water(c) for c in end[1:]):
            return 0.0
    return 1.0
