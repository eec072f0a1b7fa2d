"""Groups placed together from one plan: rows (a grid), a ring, a ring around something.

When the first member of a group comes up, a plan gives every member a slot; the slots
that are free are taken at once and kept (the repair leaves them). Members that found no
slot are placed one by one like any other thing, by their relations.
"""

import math

from domain.scene.layout import rings
from domain.scene.layout.boxes import occupy
from domain.scene.layout.context import Context, Geo, Item
from domain.scene.layout.slots import GROUPED, TRIALS, Plan, Slot, best
from domain.scene.shapes import interior

_LAID_OUT = ("box", "area")  # rows and rings of boxes, or of areas (courts, fields, pens)


def place_group(ctx: Context, item: Item) -> None:
    """Place `item`'s whole group from one plan, if it belongs to one not yet tried."""
    found = _group(ctx, item)
    if found is None:
        return
    predicate, members, centre, argument = found
    ctx.grouped.update(member.id for member in members)
    members = [member for member in members if not member.placed]
    shared, host = _shared_host(members, centre)
    if len(members) < 2 or not shared:
        return
    frame = interior(host.rect, host.kind.container == "walled") if host else _map(ctx)
    if predicate == "around" and centre is not None:
        plan = rings.around(ctx, members, centre, host)
    elif predicate == "in_rows":
        plan = _rows(ctx, members, frame, host, argument)
    else:
        plan = rings.ring(ctx, members, frame, host)
    for member in members:
        slot = plan.get(member.id)
        if slot is None:
            continue
        ctx.fixed.add(member.id)
        member.host = host or None
        occupy_slot(ctx, member, slot)


def occupy_slot(ctx: Context, member: Item, slot: Slot) -> None:
    turned = member.base_w != member.base_h and slot[2:] == (member.base_h, member.base_w)
    occupy(ctx, member, *slot, 90 if turned else 0)


def _group(ctx: Context, item: Item) -> tuple[str, list[Item], Item | None, str | None] | None:
    if item.id in ctx.grouped or item.kind.shape not in _LAID_OUT:
        return None
    for relation in ctx.rels_of.get(item.id, ()):
        ids = (relation.subject, *relation.objects)
        if relation.predicate in GROUPED and item.id in ids:
            members = [ctx.by_id[i] for i in dict.fromkeys(ids) if i in ctx.by_id]
            if all(member.kind.shape in _LAID_OUT for member in members):
                return relation.predicate, members, None, relation.argument
        if item.kind.shape != "box":
            continue
        if relation.predicate == "around" and relation.subject == item.id and relation.objects:
            centre = ctx.by_id.get(relation.objects[0])
            if centre is None or not centre.placed or centre.path is not None:
                return None
            ring = ctx.around_members.get(centre.id, [item.id])
            return "around", [ctx.by_id[i] for i in ring], centre, None
    return None


def _shared_host(members: list[Item], centre: Item | None) -> tuple[bool, Item | None]:
    """The container every member may stand in (None: the map), and whether there is one."""
    host = centre.host if centre is not None else members[0].host
    if host is None and centre is None and members[0].hosts:
        placed = [h for h in members[0].hosts if h.placed]
        host = placed[0] if placed else None
    for member in members:
        if member.host is not None and member.host is not host:
            return False, None
        if member.host is None and (member.hosts and host not in member.hosts):
            return False, None
        if member.host is None and not member.hosts and host is not None:
            return False, None
    if host is not None and not host.placed:
        return False, None
    return True, host


def _map(ctx: Context) -> tuple[int, int, int, int]:
    return 0, 0, ctx.width, ctx.height


# --- rows -------------------------------------------------------------------------------
def _rows(
    ctx: Context, members: list[Item], frame: Slot, host: Item | None, argument: str | None
) -> Plan:
    """A grid of slots, shaped like the frame; `argument` "3": three rows; "grid": full
    rows and columns where the count allows. Things that may turn (buses, boats) are also
    tried turned a quarter, side by side, when that gives the wished shape."""
    fx, fy, fw, fh = frame
    shapes = []
    upright = _by_a_side_wall(ctx, members[0])
    for turned in _turns(members):
        for rank, gap, columns, gw, gh in _grid_shapes(members, turned, fw, fh, upright):
            unlike = abs(math.log((gw / gh) / (fw / fh)))
            across, lines = columns, math.ceil(len(members) / columns)
            if upright:  # lines that run north-south: a line is a column
                across, lines = lines, across
            wish = _unwished(argument, across, lines, len(members))
            shapes.append((wish, rank, turned, unlike, columns, gap, gw, gh))
    rng = ctx.rng
    faced = _faced(ctx, members[0])
    for _, _, turned, _, columns, gap, gw, gh in sorted(shapes)[:4]:
        sizes = [(m.base_h, m.base_w) if turned else (m.base_w, m.base_h) for m in members]
        cell_w, cell_h = max(w for w, _ in sizes), max(h for _, h in sizes)
        options = []
        cx, cy = fx + (fw - gw) // 2, fy + (fh - gh) // 2
        origins = [(cx, cy)]
        if _middle_kept(ctx, members):  # `bookcases in rows, reading tables in the middle`
            origins = [(fx + 1, cy), (fx + fw - gw - 1, cy), (cx, fy + 1), (cx, fy + fh - gh - 1)]
        if faced is not None:
            origins += _in_front(faced, frame, gw, gh)
        origins += _by_walls(ctx, members[0], frame, gw, gh, host)
        for near in _neighbours(ctx, members[0]):  # `a row of cottages along the shore`
            origins += _alongside(near, frame, gw, gh)
        for trial in range(TRIALS + len(origins) - 1):
            if trial < len(origins):
                ox, oy = origins[trial]
            else:
                ox = fx + int(rng.random() * (fw - gw + 1))
                oy = fy + int(rng.random() * (fh - gh + 1))
            step_x, step_y = cell_w + gap, cell_h + gap
            options.append(
                [
                    (
                        ox + (k % columns) * step_x + (cell_w - w) // 2,
                        oy + (k // columns) * step_y + (cell_h - h) // 2,
                        w,
                        h,
                    )
                    for k, (w, h) in enumerate(sizes)
                ]
            )
        plan = best(ctx, members, options, host)
        if plan:
            return plan
    return {}


def _by_a_side_wall(ctx: Context, member: Item) -> bool:
    """`a row of washing machines along the west wall`, `a row of porta potties along the
    fence` where the fence runs north-south: the row runs north-south."""
    host = member.host
    mine = [r for r in ctx.rels_of.get(member.id, ()) if r.subject == member.id]
    if any(
        relation.predicate in _SIDED and relation.argument in ("west", "east")
        for relation in mine
        if not relation.objects or (host is not None and relation.objects[0] == host.id)
    ):
        return True
    return any(
        _runs_north_south(ctx, r.objects[0]) for r in mine if r.predicate == "along" and r.objects
    )


def _runs_north_south(ctx: Context, thing_id: str) -> bool:
    way = ctx.by_id.get(thing_id)
    if way is None or not way.placed or not way.path:
        return False
    xs, ys = [x for x, _ in way.path], [y for _, y in way.path]
    return max(ys) - min(ys) > max(xs) - min(xs)


_SIDED = ("against_wall", "along", "in_region")
_WALL_OFFSETS = (0, 1, 2)  # a block flush with the frame's edge, or just inside its walls


def _by_walls(
    ctx: Context, member: Item, frame: Slot, gw: int, gh: int, host: Item | None = None
) -> list[tuple[int, int]]:
    """Origins of a block of rows against the sides its members are asked to stand by (of
    the map, or of the room that holds them)."""
    fx, fy, fw, fh = frame
    cx, cy = fx + (fw - gw) // 2, fy + (fh - gh) // 2
    out: list[tuple[int, int]] = []
    for relation in ctx.rels_of.get(member.id, ()):
        if relation.predicate not in _SIDED or relation.subject != member.id:
            continue
        if relation.objects and (host is None or relation.objects[0] != host.id):
            continue
        for k in _WALL_OFFSETS:
            spot = {
                "west": (fx + k, cy),
                "east": (fx + fw - gw - k, cy),
                "north": (cx, fy + k),
                "south": (cx, fy + fh - gh - k),
            }.get(relation.argument or "")
            if spot is not None:
                out.append(spot)
    return out


def _turns(members: list[Item]) -> tuple[bool, ...]:
    if all(m.kind.rotatable and m.base_w != m.base_h for m in members):
        return (False, True)
    return (False,)


def _grid_shapes(
    members: list[Item], turned: bool, fw: int, fh: int, upright: bool = False
) -> list[tuple[int, int, int, int, int]]:
    """(gap rank, gap, columns, width, height) of each grid of the members that fits."""
    n = len(members)
    cell_w = max(m.base_h if turned else m.base_w for m in members)
    cell_h = max(m.base_w if turned else m.base_h for m in members)
    gaps = (2, 1) if any(m.kind.layer == "structure" for m in members) else (1, 0)
    out = []
    for rank, gap in enumerate(gaps):
        for columns in range(1, n + 1):
            rows = math.ceil(n / columns)
            last = n - (rows - 1) * columns
            if n >= 4 and rows > 1 and (columns < 2 or last < 2) and not (upright and columns == 1):
                continue
            gw, gh = columns * (cell_w + gap) - gap, rows * (cell_h + gap) - gap
            if gw <= fw and gh <= fh:
                out.append((rank, gap, columns, gw, gh))
    return out


def _faced(ctx: Context, member: Item) -> Geo | None:
    """What the rows are asked to face, once it is placed."""
    for relation in ctx.rels_of.get(member.id, ()):
        if relation.predicate == "facing" and relation.subject == member.id and relation.objects:
            return ctx.geo(relation.objects[0])
    return None


def _middle_kept(ctx: Context, members: list[Item]) -> bool:
    """Whether something still to be placed is asked into the middle (the rows then start
    off to a side of it)."""
    ids = {member.id for member in members}
    return any(
        relation.predicate == "in_center"
        and not relation.objects
        and relation.subject not in ids
        and not ctx.by_id[relation.subject].placed
        for relation in ctx.relations
        if relation.subject in ctx.by_id
    )


def _neighbours(ctx: Context, member: Item) -> list[Geo]:
    """What the rows are asked to stand near or next to, once placed."""
    out = []
    for relation in ctx.rels_of.get(member.id, ()):
        if relation.predicate in ("near", "next_to") and relation.subject == member.id:
            geo = ctx.geo(relation.objects[0]) if relation.objects else None
            if geo is not None:
                out.append(geo)
    return out


_ALONGSIDE_STEPS = 5


def _alongside(other: Geo, frame: Slot, gw: int, gh: int) -> list[tuple[int, int]]:
    """Origins of a block a cell off each side of `other`, at several places along a side
    longer than the block (a long shore has room for a row somewhere along it)."""
    fx, fy, fw, fh = frame
    out = []
    for k in range(_ALONGSIDE_STEPS):
        x = other.x + (other.w - gw) * k // (_ALONGSIDE_STEPS - 1)
        y = other.y + (other.h - gh) * k // (_ALONGSIDE_STEPS - 1)
        out += [
            (x, other.y - gh - 1),
            (x, other.y + other.h + 1),
            (other.x - gw - 1, y),
            (other.x + other.w + 1, y),
        ]
    return [(min(max(x, fx), fx + fw - gw), min(max(y, fy), fy + fh - gh)) for x, y in out]


def _in_front(faced: Geo, frame: Slot, gw: int, gh: int) -> list[tuple[int, int]]:
    """Origins of a block of rows centred on `faced`, a cell off each of its four sides,
    kept in the frame."""
    fx, fy, fw, fh = frame
    cx, cy = faced.x + (faced.w - gw) // 2, faced.y + (faced.h - gh) // 2
    spots = [
        (cx, faced.y + faced.h + 1),
        (cx, faced.y - gh - 1),
        (faced.x + faced.w + 1, cy),
        (faced.x - gw - 1, cy),
    ]
    return [(min(max(x, fx), fx + fw - gw), min(max(y, fy), fy + fh - gh)) for x, y in spots]


def _unwished(argument: str | None, columns: int, rows: int, count: int) -> int:
    """Lower for the shape the argument asks for (that many rows, or a grid), full rows first;
    with no argument, no row of one (three side by side are one row, not two and one)."""
    full = count % columns == 0
    if argument is not None and argument.isdigit():
        return (0 if rows == int(argument) else 2) + (0 if full else 1)
    if argument == "grid":
        return (0 if rows >= 2 and columns >= 2 else 2) + (0 if full else 1)
    return 1 if rows > 1 and count - (rows - 1) * columns < 2 else 0
