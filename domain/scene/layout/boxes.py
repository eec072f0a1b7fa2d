"""Placing boxes and areas: bounded candidate sampling around what the relations ask."""

from domain.scene.layout import penalty as pen
from domain.scene.layout.context import Context, Geo, Item
from domain.scene.layout.prepare import HELD_PROXY
from domain.scene.layout.scoring import Spread, relation_penalty, spread_cost, spread_plan
from domain.scene.layout.windows import anchors, window_for
from domain.scene.model import RelationSpec
from domain.scene.shapes import footprint_cells, interior, wall_cells

SAMPLES = 20
QUICK_TRIES = 40
_LEANING = frozenset(["in_region", "in_corner"])


def place_box(ctx: Context, item: Item, effort: int = 1, inset: tuple[int, int] = (0, 0)) -> bool:
    """Find a spot for a box or area; mark it on the grid. False if none exists.

    `inset`: keep this many cells from the frame's edges when there is room (for a thing a
    group will ring), falling back to the whole frame.
    """
    named = item.host
    for host in _host_choices(ctx, item):
        item.host = host
        for halo in _halo_choices(ctx, item):
            spot = None
            if inset != (0, 0):
                spot = _search(ctx, item, host, halo, effort, inset)
            if spot is None:
                spot = _search(ctx, item, host, halo, effort)
            if spot is not None:
                x, y, w, h, rotation = spot
                occupy(ctx, item, x, y, w, h, rotation)
                return True
    item.host = named
    return False


def _host_choices(ctx: Context, item: Item) -> list[Item | None]:
    if item.host is not None:
        return [item.host] if item.host.placed else []
    if not item.hosts:
        return [None]
    placed = [host for host in item.hosts if host.placed]
    related = set()
    for relation in ctx.rels_of.get(item.id, ()):
        for thing_id in (relation.subject, *relation.objects):
            other = ctx.by_id.get(thing_id)
            if other is not None and other.placed and other.host is not None:
                related.add(other.host.id)
    keyed = [(0 if host.id in related else 1, ctx.rng.random(), host.index) for host in placed]
    order = sorted(range(len(placed)), key=lambda k: keyed[k])
    return [placed[k] for k in order]


def _halo_choices(ctx: Context, item: Item) -> tuple[bool, ...]:
    """Buildings keep a cell apart when they can, unless asked into a corner or a wall."""
    hugging = any(
        r.subject == item.id and r.predicate in ("in_corner", "against_wall", "at_head_of")
        for r in ctx.rels_of.get(item.id, ())
    )  # (at the head of a table or the end of a pier: against it)
    if item.kind.layer == "structure" and item.kind.shape in ("box", "room") and not hugging:
        return (True, False)
    return (False,)


def _search(
    ctx: Context,
    item: Item,
    host: Item | None,
    halo: bool,
    effort: int,
    inset: tuple[int, int] = (0, 0),
) -> tuple[int, int, int, int, int] | None:
    frame = _frame(ctx, item, host)
    if inset != (0, 0):
        fx, fy, fw, fh = frame
        mx, my = inset
        if fw - 2 * mx < item.base_w or fh - 2 * my < item.base_h:
            return None
        frame = (fx + mx, fy + my, fw - 2 * mx, fh - 2 * my)
    host_index = host.index if host is not None else 0
    relations = [r for r in ctx.rels_of.get(item.id, ()) if _ready(ctx, item, r)]
    held = _held_relations(ctx, item)
    if ctx.exhausted:
        relations, held = [], []  # out of effort: the first free spot, relations unscored
    dims = [(item.base_w, item.base_h, 0)]
    if item.kind.rotatable and item.base_w != item.base_h:
        dims.append((item.base_h, item.base_w, 90))
    rng, grid = ctx.rng, ctx.grid
    afloat = (
        item.kind.afloat
        or item.kind.name == "island"
        or _swimming(item, host)
        or _at_a_pier_end(ctx, item)
    )
    water_hosts = _water_hosts(ctx) if afloat and host is None else frozenset()
    best: tuple[float, int, int, int, int, int] | None = None
    leaning = any(r.predicate in _LEANING and r.subject == item.id for r in relations)
    plans = [
        plan
        for r in relations
        if r.predicate == "around" and r.subject == item.id
        for plan in [spread_plan(ctx, item, r)]
        if plan is not None
    ]
    for w, h, rotation in dims:
        window = window_for(ctx, item, relations, frame, w, h)
        if window is None:
            continue
        candidates = _held_anchors(ctx, held, w, h) + anchors(ctx, item, relations, frame, w, h)
        total = (SAMPLES * effort if relations or held else QUICK_TRIES) + len(candidates)
        for k in range(total):
            if k < len(candidates):
                x, y = candidates[k]
            else:
                x = window.x0 + int(rng.random() * (window.x1 - window.x0 + 1))
                y = window.y0 + int(rng.random() * (window.y1 - window.y0 + 1))
            if not (frame[0] <= x <= frame[0] + frame[2] - w):
                continue
            if not (frame[1] <= y <= frame[1] + frame[3] - h):
                continue
            if not grid.fits(x, y, w, h, host_index, afloat, halo, item.kind.round, water_hosts):
                continue
            if not relations and not held:
                return x, y, w, h, rotation
            ctx.work += 1
            score = _score(ctx, item, relations, plans, x, y, w, h)
            score += _held_score(ctx, item, held, x, y, w, h)
            if leaning:
                score += 0.01 * _lean(ctx, item, relations, x, y, w, h)
            if best is None or score < best[0]:
                best = (score, x, y, w, h, rotation)
                if score == 0.0:
                    return x, y, w, h, rotation
    if best is not None:
        return best[1:]
    for w, h, rotation in dims:
        spot = _scan(ctx, item, frame, host_index, w, h, halo, afloat, water_hosts)
        if spot is not None:
            return spot[0], spot[1], w, h, rotation
    return None


def _frame(ctx: Context, item: Item, host: Item | None) -> tuple[int, int, int, int]:
    if host is not None:
        return interior(host.rect, host.kind.container == "walled")
    if item.kind.name == "island" and ctx.width > 4 and ctx.height > 4:
        return 1, 1, ctx.width - 2, ctx.height - 2
    return 0, 0, ctx.width, ctx.height


def _water_hosts(ctx: Context) -> frozenset[int]:
    return frozenset(i.index for i in ctx.items if i.placed and i.kind.water and i.path is None)


def _ready(ctx: Context, item: Item, relation: RelationSpec) -> bool:
    others = [relation.subject, *relation.objects]
    return all(
        thing_id == item.id or (thing_id in ctx.by_id and ctx.by_id[thing_id].placed)
        for thing_id in others
    )


def _held_relations(ctx: Context, item: Item) -> list[tuple[Item, RelationSpec]]:
    """`a coffee table between the couch and the tv, a rug under it`: what a thing holds is
    asked to stand somewhere, so the holder is placed where its middle would satisfy that."""
    out = []
    for child in ctx.held.get(item.id, ()):
        if child.host is not item or child.placed:
            continue
        for relation in ctx.rels_of.get(child.id, ()):
            others = [t for t in (relation.subject, *relation.objects) if t != child.id]
            if relation.subject != child.id or relation.predicate not in HELD_PROXY:
                continue
            if others and all(_placed_outside(ctx, t, item) for t in others):
                out.append((child, relation))
    return out


def _placed_outside(ctx: Context, thing_id: str, holder: Item) -> bool:
    other = ctx.by_id.get(thing_id)
    return other is not None and other.placed and other is not holder and other.host is not holder


def _held_anchors(
    ctx: Context, held: list[tuple[Item, RelationSpec]], w: int, h: int
) -> list[tuple[int, int]]:
    """Holders centred where what they hold is asked to be: midway between two things."""
    out = []
    for _, relation in held:
        if relation.predicate != "between" or len(relation.objects) != 2:
            continue
        a, b = ctx.geo(relation.objects[0]), ctx.geo(relation.objects[1])
        if a is None or b is None:
            continue
        mx, my = (2 * a.x + a.w + 2 * b.x + b.w) // 4, (2 * a.y + a.h + 2 * b.y + b.h) // 4
        out += [(mx - w // 2 + dx, my - h // 2 + dy) for dx in (0, -1, 1) for dy in (0, -1, 1)]
    return out


def _held_score(
    ctx: Context, item: Item, held: list[tuple[Item, RelationSpec]], x: int, y: int, w: int, h: int
) -> float:
    total = 0.0
    for child, relation in held:
        cw, ch = min(child.base_w, w), min(child.base_h, h)
        proxy = Geo(x + (w - cw) // 2, y + (h - ch) // 2, cw, ch)

        def lookup(thing_id: str, child_id: str = child.id, proxy: Geo = proxy) -> Geo | None:
            return proxy if thing_id == child_id else ctx.geo(thing_id)

        total += relation_penalty(ctx, relation, lookup)
    return total


def _score(
    ctx: Context,
    item: Item,
    relations: list[RelationSpec],
    plans: list[Spread],
    x: int,
    y: int,
    w: int,
    h: int,
) -> float:
    candidate = Geo(x, y, w, h)

    def lookup(thing_id: str) -> Geo | None:
        return candidate if thing_id == item.id else ctx.geo(thing_id)

    total = 0.0
    for relation in relations:
        total += relation_penalty(ctx, relation, lookup)
    for plan in plans:
        total += spread_cost(plan, candidate)
    return total


def _lean(
    ctx: Context, item: Item, relations: list[RelationSpec], x: int, y: int, w: int, h: int
) -> float:
    """0..1 per relation: how far short of the far edge or exact corner asked for."""
    total = 0.0
    for relation in relations:
        if relation.predicate not in _LEANING or relation.subject != item.id:
            continue
        fx, fy, fw, fh = pen.frame_of(ctx, relation.objects)
        argument = relation.argument or ""
        cx, cy = (x - fx + w / 2) / max(1, fw), (y - fy + h / 2) / max(1, fh)
        if "north" in argument:
            total += cy
        if "south" in argument:
            total += 1 - cy
        if "west" in argument:
            total += cx
        if "east" in argument:
            total += 1 - cx
    return total


def _scan(
    ctx: Context,
    item: Item,
    frame: tuple[int, int, int, int],
    host_index: int,
    w: int,
    h: int,
    halo: bool,
    afloat: bool,
    water_hosts: frozenset[int],
) -> tuple[int, int] | None:
    """Every position in the frame, skipping past solid cells; remembered when full."""
    key = (w, h, host_index, afloat, halo, item.kind.round)
    if key in ctx.full:
        return None
    fx, fy, fw, fh = frame
    grid = ctx.grid
    rows = list(range(fy, fy + fh - h + 1))
    if rows:
        start = int(ctx.rng.random() * len(rows))
        rows = rows[start:] + rows[:start]
    for y in rows:
        x = fx
        while x <= fx + fw - w:
            blocked = max(grid.blocked_in_row(r, x, x + w) for r in range(y, y + h))
            if blocked >= x:
                x = blocked + 1
                continue
            if grid.fits(x, y, w, h, host_index, afloat, halo, item.kind.round, water_hosts):
                return x, y
            x += 1
    ctx.full.add(key)
    return None


def occupy(ctx: Context, item: Item, x: int, y: int, w: int, h: int, rotation: int) -> None:
    item.x, item.y, item.w, item.h, item.rotation = x, y, w, h, rotation
    item.placed = True
    grid, kind = ctx.grid, item.kind
    if kind.name == "door":
        ctx.doors.add((x, y))
    cells = footprint_cells(x, y, w, h, kind.round)
    structure = kind.layer == "structure" or kind.shape == "room"
    if kind.name == "island":
        grid.set_water(cells, 0)
    if kind.water:
        grid.set_water(cells, 1)
    if item.is_host and kind.container == "walled":
        walls = wall_cells(item.rect)
        grid.mark_cells(walls, solid=True, struct=structure)
        grid.claim(footprint_cells(*interior(item.rect, True), False), item.index)
        item.cells = walls
    elif kind.shape == "area" or item.is_host:
        grid.claim(cells, item.index)
        item.cells = []
    else:
        grid.mark_cells(cells, solid=True, struct=structure)
        item.cells = cells
    ctx.forget(item.id)


def release(ctx: Context, item: Item) -> None:
    """Undo `occupy` for a plain box (not a host, not an area), or a thing standing on one."""
    if item.id in ctx.standing:
        ctx.standing.discard(item.id)
        ctx.stacked.difference_update(item.footprint())
    ctx.grid.unmark_cells(item.cells)
    item.cells = []
    item.placed = False
    if item.kind.name == "door":
        ctx.doors.discard((item.x, item.y))
    ctx.forget(item.id)


def _swimming(item: Item, host: Item | None) -> bool:
    """`three penguins in a pool`: a creature held by water stands on its water cells."""
    return host is not None and host.kind.water and item.kind.layer == "actor"


def _at_a_pier_end(ctx: Context, item: Item) -> bool:
    """`a lighthouse at the end of a long pier`: built out on the water at the pier's end."""
    for relation in ctx.rels_of.get(item.id, ()):
        if relation.predicate != "at_head_of" or relation.subject != item.id:
            continue
        pier = ctx.by_id.get(relation.objects[0]) if relation.objects else None
        if pier is not None and pier.kind.afloat and pier.kind.layer == "structure":
            return item.kind.layer == "structure" and not item.kind.water
    return False
