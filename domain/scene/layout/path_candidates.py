"""Candidate lines for a path: across the map, along or across another thing, beyond it,
in a region, between two things, edge to edge; the placer keeps the best-scoring one."""

from domain.scene import relation_rules as rules
from domain.scene.layout import lines
from domain.scene.layout.context import Context, Geo, Item
from domain.scene.model import RelationSpec
from domain.scene.shapes import Cell

_WIGGLE = {"river": 0.3, "road": 0.12}
_DUG = frozenset(["canal", "channel", "aqueduct", "culvert", "sluice", "moat"])
"""Waterways people dug: straight, whatever kind of water they are drawn as."""
BRIDGE_TRIES = 12
BRIDGE_LONGEST = 8  # water cells a bridge spans at most
_DIRECTION_LINE = {"north": True, "south": True, "east": False, "west": False}


def candidates(ctx: Context, item: Item, relations: list[RelationSpec]) -> list[list[Cell]]:
    width, height = ctx.width, ctx.height
    thick = item.base_w
    out: list[list[Cell]] = []
    around = [ctx.geo(o) for r in relations if r.predicate == "around" for o in r.objects]
    if any(r.predicate == "around" for r in relations):
        boxes = [g for g in around if g is not None]
        if boxes:
            x0, y0 = min(g.x for g in boxes), min(g.y for g in boxes)
            x1 = max(g.x + g.w for g in boxes)
            y1 = max(g.y + g.h for g in boxes)
            rect = (x0, y0, x1 - x0, y1 - y0)
            out.extend(lines.ring(rect, m, width, height) for m in (1, 2, 3))
        else:
            out.extend(lines.ring((0, 0, width, height), -m, width, height) for m in (1, 2))
    for relation in relations:
        other = ctx.geo(relation.objects[0]) if relation.objects else None
        predicate = relation.predicate
        if predicate == "along" and other is not None:
            if other.cells is not None:
                out.extend(lines.offset(other, s, g, thick) for s in (-1, 1) for g in (1, 2))
            else:
                rect = (other.x, other.y, other.w, other.h)
                out.extend(lines.along_side(rect, s, 1, thick) for s in _DIRECTION_LINE)
        elif predicate == "along" and relation.argument in _DIRECTION_LINE:
            out.extend(_edge(ctx, item, relation.argument, thick))
        elif predicate == "runs" and relation.argument in ("north_south", "east_west"):
            out.extend(_runs(ctx, item, relation.argument == "east_west", thick))
        elif predicate == "runs" and relation.argument in _DIRECTION_LINE:
            # `a road leading south out of town`: across the map that way, reaching its edge
            out.extend(_runs(ctx, item, not _DIRECTION_LINE[relation.argument], thick))
        elif predicate == "across" and other is not None:
            out.extend(_crossings(ctx, item, other, thick))
        elif predicate == "in_region" and relation.argument:
            out.extend(_in_region(ctx, item, relation.argument, thick))
        elif predicate == "between" and len(relation.objects) == 2:
            second = ctx.geo(relation.objects[1])
            if other is not None and second is not None:
                out.extend(_between(ctx, item, other, second, thick))
        elif predicate in rules.DIRECTION_OF and other is not None:
            out.extend(_beyond(ctx, item, other, rules.DIRECTION_OF[predicate], thick))
        elif predicate in ("near", "next_to", "in_center") or other is not None:
            for horizontal in (True, False):
                target = other or Geo(width // 2, height // 2, 1, 1)
                mid = target.y + target.h // 2 if horizontal else target.x + target.w // 2
                for shift in (-2, 0, 2):
                    out.append(_line(ctx, item, horizontal, mid + shift, thick))
    if not out:
        out.extend(_default(ctx, item, thick))
    return out


def _wiggle(item: Item) -> float:
    """How often a line across the map drifts a cell: a river bends, a canal does not."""
    if item.word.split()[-1:] and item.word.split()[-1] in _DUG:
        return 0.0
    return _WIGGLE.get(item.kind.name, 0.05)


def _line(ctx: Context, item: Item, horizontal: bool, offset: int, thick: int) -> list[Cell]:
    name = item.kind.name
    if name in ("wall", "fence", "corridor"):
        across = ctx.width if horizontal else ctx.height
        room = across - _end_room(ctx, item, horizontal)
        length = min(room, max(across // 2, _lined_length(ctx, item, horizontal)))
        start = int(ctx.rng.random() * max(1, (ctx.width if horizontal else ctx.height) - length))
        x, y = (start, offset) if horizontal else (offset, start)
        return lines.segment(x, y, length, horizontal, thick)
    return lines.cross(ctx.width, ctx.height, horizontal, offset, thick, _wiggle(item), ctx.rng)


def _lined_length(ctx: Context, item: Item, horizontal: bool) -> int:
    """How long a corridor must be for the rooms asked to line it (`six cells on each side of
    a long corridor`): their widths along it, half of them on each side when sides are said."""
    lining = [
        (relation.predicate, ctx.by_id[relation.subject])
        for relation in ctx.relations
        if relation.predicate in _LINING
        and relation.objects[:1] == (item.id,)
        and relation.subject in ctx.by_id
    ]
    if not lining:
        return 0
    total = sum((thing.base_w if horizontal else thing.base_h) + 1 for _, thing in lining)
    sided = all(predicate == "on_side_of" for predicate, _ in lining)
    return (total + 1) // 2 + 2 if sided else total + 2


_LINING = frozenset(["on_side_of", "along"])


def _end_room(ctx: Context, item: Item, horizontal: bool) -> int:
    """Cells kept free past a corridor's end for what is asked to stand there (`a guard post
    at the far end`)."""
    return max(
        (
            (thing.base_w if horizontal else thing.base_h) + 1
            for relation in ctx.relations
            if relation.predicate == "at_head_of"
            and relation.objects[:1] == (item.id,)
            and (thing := ctx.by_id.get(relation.subject)) is not None
        ),
        default=0,
    )


def _edge(ctx: Context, item: Item, side: str, thick: int) -> list[list[Cell]]:
    horizontal = side in ("north", "south")
    across = ctx.height if horizontal else ctx.width
    out = []
    for inset in range(0, rules.PATH_EDGE_DISTANCE):
        position = inset if side in ("north", "west") else across - thick - inset
        out.append(lines.cross(ctx.width, ctx.height, horizontal, position, thick, 0.2, ctx.rng, 1))
    return out


def _crossings(ctx: Context, item: Item, other: Geo, thick: int) -> list[list[Cell]]:
    horizontal_other = lines.is_horizontal(other)
    cells = other.cells or [(other.x + other.w // 2, other.y + other.h // 2)]
    if item.kind.name == "bridge" and other.cells is not None:
        return _bridges(ctx, other.cells, thick)
    out = []
    for _ in range(6):
        cx, cy = cells[int(ctx.rng.random() * len(cells))]
        if item.kind.name != "bridge":
            offset = cx if horizontal_other else cy
            out.append(_line(ctx, item, not horizontal_other, offset, thick))
            continue
        span = other.col_range(cx) if horizontal_other else other.row_range(cy)
        if span is None:
            continue
        low, high = span[0] - 1, span[1] + 1
        if horizontal_other:
            out.append(lines.segment(cx, low, high - low + 1, False, thick))
        else:
            out.append(lines.segment(low, cy, high - low + 1, True, thick))
    return out


def _bridges(ctx: Context, water: list[Cell], thick: int) -> list[list[Cell]]:
    """Short bridges over a river or a moat: at a water cell, the thin way across its run of
    water, a dry cell landing at each end (a moat round a castle is crossed, not followed)."""
    wet = set(water)
    out = []
    for _ in range(BRIDGE_TRIES):
        cx, cy = water[int(ctx.rng.random() * len(water))]
        runs = []
        for dx, dy in ((1, 0), (0, 1)):
            low, high = 0, 0
            while (cx - (low + 1) * dx, cy - (low + 1) * dy) in wet:
                low += 1
            while (cx + (high + 1) * dx, cy + (high + 1) * dy) in wet:
                high += 1
            runs.append((low + high + 1, dx, dy, low, high))
        length, dx, dy, low, high = min(runs)
        if length > BRIDGE_LONGEST:
            continue
        start = (cx - (low + 1) * dx, cy - (low + 1) * dy)
        out.append(lines.segment(start[0], start[1], length + 2, dx == 1, thick))
    return out


def _runs(ctx: Context, item: Item, horizontal: bool, thick: int) -> list[list[Cell]]:
    """Lines from one map edge to the opposite one (a river from north to south)."""
    across = ctx.height if horizontal else ctx.width
    wiggle = _wiggle(item)
    out = []
    for _ in range(4):
        offset = int(across * (0.2 + 0.6 * ctx.rng.random()))
        out.append(lines.cross(ctx.width, ctx.height, horizontal, offset, thick, wiggle, ctx.rng))
    return out


def _in_region(ctx: Context, item: Item, direction: str, thick: int) -> list[list[Cell]]:
    width, height = ctx.width, ctx.height
    out = []
    for _ in range(3):
        t = ctx.rng.random()
        if direction in ("north", "south"):
            band = int(height * 0.35 * t)
            offset = band if direction == "north" else height - thick - band
            out.append(_line(ctx, item, True, offset, thick))
        elif direction in ("east", "west"):
            band = int(width * 0.35 * t)
            offset = band if direction == "west" else width - thick - band
            out.append(_line(ctx, item, False, offset, thick))
        else:
            length = max(3, min(width, height) // 3)
            x = int(width * 0.05) if "west" in direction else width - length - int(width * 0.05)
            y = int(height * 0.1) if "north" in direction else height - int(height * 0.3)
            out.append(lines.segment(x, y, length, t < 0.5, thick))
    return out


def _between(ctx: Context, item: Item, a: Geo, b: Geo, thick: int) -> list[list[Cell]]:
    ax, ay = a.x + a.w / 2, a.y + a.h / 2
    bx, by = b.x + b.w / 2, b.y + b.h / 2
    horizontal = abs(by - ay) * 2 >= abs(bx - ax)
    middle = int((ay + by) / 2) if horizontal else int((ax + bx) / 2)
    return [_line(ctx, item, horizontal, middle + shift, thick) for shift in (-1, 0, 1)]


def _beyond(ctx: Context, item: Item, other: Geo, side: str, thick: int) -> list[list[Cell]]:
    horizontal = side in ("north", "south")
    out = []
    for extra in (2, 3, 5):
        if side == "north":
            offset = other.y - extra - thick
        elif side == "south":
            offset = other.y + other.h + extra
        elif side == "west":
            offset = other.x - extra - thick
        else:
            offset = other.x + other.w + extra
        out.append(_line(ctx, item, horizontal, offset, thick))
    return out


def _default(ctx: Context, item: Item, thick: int) -> list[list[Cell]]:
    width, height, rng = ctx.width, ctx.height, ctx.rng
    rivers = [i for i in ctx.items if i.placed and i.kind.name == "river" and i is not item]
    name = item.kind.name
    if name == "bridge" and rivers:
        return _crossings(ctx, item, ctx.geo(rivers[0].id) or Geo(0, 0, 1, 1), thick)
    north, south, east, west = demands(ctx, item)
    if name == "road" and rivers:
        river = ctx.geo(rivers[0].id)
        horizontal = river is not None and not lines.is_horizontal(river)
    elif north + south or east + west:
        horizontal = north + south >= east + west
    else:
        horizontal = width >= height * 1.5 or rng.random() < 0.3
    across = height if horizontal else width
    first, second = (north, south) if horizontal else (west, east)
    share = (first + 1) / (first + second + 2)
    offsets = [int(across * min(0.8, max(0.2, share)))]
    offsets += [int(across * (0.25 + 0.5 * rng.random())) for _ in range(3)]
    if name == "bridge":
        x, y = int(rng.random() * (width - 3)), int(rng.random() * height)
        return [lines.segment(x, y, 3, True, thick)]
    return [_line(ctx, item, horizontal, offset, thick) for offset in offsets]


def demands(ctx: Context, item: Item) -> tuple[int, int, int, int]:
    """Space wanted on each side by things still to be placed relative to this path."""
    need = {"north": 0, "south": 0, "east": 0, "west": 0}
    for relation in ctx.rels_of.get(item.id, ()):
        direction = rules.DIRECTION_OF.get(relation.predicate)
        subject = ctx.by_id.get(relation.subject)
        if direction is None or subject is None or subject.placed or subject is item:
            continue
        need[direction] += (subject.w + 1) * (subject.h + 1) * 2
    return need["north"], need["south"], need["east"], need["west"]
