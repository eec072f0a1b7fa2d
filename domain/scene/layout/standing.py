"""Footprints that share cells on purpose: a thing standing on another (a skeleton on a trap,
a cart on the road), a pier reaching from the shore into the water, a door in a wall.
"""

from domain.scene.grid_walks import STEPS
from domain.scene.layout.boxes import occupy
from domain.scene.layout.context import Context, Geo, Item
from domain.scene.layout.scoring import relation_penalty
from domain.scene.shapes import Cell, footprint_cells, wall_cells

CHOICES = 48  # positions scored at most


def standing_base(ctx: Context, item: Item) -> Item | None:
    """What `item` is asked to stand `on`, when it is not held by it (not its container)."""
    for relation in ctx.rels_of.get(item.id, ()):
        if relation.subject != item.id or relation.predicate != "on" or not relation.objects:
            continue
        base = ctx.by_id.get(relation.objects[0])
        if base is None or not base.placed or item.host is base:
            continue
        if (base.kind.water and item.kind.afloat) or (base.path is None and base.is_host):
            continue
        if base.kind.shape == "area":
            continue
        return base
    return None


def _astride(ctx: Context, cells: list[Cell], own: frozenset[Cell] | set[Cell], least: int) -> bool:
    """A thing wider than the way it stands on: on the way for a whole width of it, and the
    rest on free ground."""
    on = [c for c in cells if c in own]
    if len(on) < max(1, least) or any(c in ctx.stacked for c in cells):
        return False
    inside = [c for c in cells if 0 <= c[0] < ctx.width and 0 <= c[1] < ctx.height]
    return len(inside) == len(cells) and not any(
        ctx.grid.is_solid(c) for c in inside if c not in own
    )


def place_standing(ctx: Context, item: Item, base: Item) -> bool:
    """Stand within the base's cells, on none another standing thing took. No new solids."""
    own = ctx.cell_set(base.id)
    dims = [(item.base_w, item.base_h, 0)]
    if item.kind.rotatable and item.base_w != item.base_h:
        dims.append((item.base_h, item.base_w, 90))
    spots: list[tuple[int, int, int, int, int]] = []
    corners = base.footprint()  # a spot's top-left cell is one of the base's cells
    if len(corners) > 4 * CHOICES:
        corners = ctx.rng.sample(corners, 4 * CHOICES)
    for w, h, rotation in dims:
        for x, y in corners:
            cells = footprint_cells(x, y, w, h, False)
            if all(c in own and c not in ctx.stacked for c in cells):
                spots.append((x, y, w, h, rotation))
            elif base.path is not None and _astride(ctx, cells, own, min(w, h)):
                spots.append((x, y, w, h, rotation))  # a train wider than its rails
    if not spots and item.kind.layer == "actor":
        spots = _spots_over(ctx, item, base, own, dims)
    if not spots:
        return False
    ctx.rng.shuffle(spots)
    x, y, w, h, rotation = _best(ctx, item, spots[:CHOICES])
    item.x, item.y, item.w, item.h, item.rotation = x, y, w, h, rotation
    item.placed = True
    item.host = item.host or base.host  # in the same room as what it stands on
    item.cells = []
    ctx.stacked.update(footprint_cells(x, y, w, h, False))
    ctx.standing.add(item.id)
    ctx.fixed.add(item.id)
    ctx.forget(item.id)
    return True


def _spots_over(
    ctx: Context,
    item: Item,
    base: Item,
    own: frozenset[Cell],
    dims: list[tuple[int, int, int]],
) -> list[tuple[int, int, int, int, int]]:
    """A creature larger than what it lies on covers it whole (a dragon on its hoard), on
    free cells round it."""
    spots = []
    bx, by, bw, bh = base.rect
    for w, h, rotation in dims:
        if w < bw or h < bh:
            continue
        for x in range(bx + bw - w, bx + 1):
            for y in range(by + bh - h, by + 1):
                if not ctx.grid.inside(x, y, w, h):
                    continue
                cells = footprint_cells(x, y, w, h, False)
                if all(
                    (c in own or not ctx.grid.is_solid(c)) and c not in ctx.stacked for c in cells
                ):
                    spots.append((x, y, w, h, rotation))  # never over another standing there
    return spots


def _best(
    ctx: Context, item: Item, spots: list[tuple[int, int, int, int, int]]
) -> tuple[int, int, int, int, int]:
    """The spot that best keeps the item's other relations (the first of equals)."""
    relations = [
        r
        for r in ctx.rels_of.get(item.id, ())
        if all(
            i == item.id or (i in ctx.by_id and ctx.by_id[i].placed)
            for i in (r.subject, *r.objects)
        )
    ]
    if not relations:
        return spots[0]

    def score(spot: tuple[int, int, int, int, int]) -> float:
        geo = Geo(*spot[:4])

        def lookup(thing_id: str) -> Geo | None:
            return geo if thing_id == item.id else ctx.geo(thing_id)

        ctx.work += 1
        return sum(relation_penalty(ctx, r, lookup) for r in relations)

    return min(spots, key=score)


# --- piers ------------------------------------------------------------------------------
def wants_shore(ctx: Context, item: Item) -> bool:
    """Asked to stand on a shore, and not held by a container of land (only by water)."""
    if item.host is not None and not item.host.kind.water:
        return False
    return any(
        r.predicate == "on_shore" and r.subject == item.id for r in ctx.rels_of.get(item.id, ())
    )


def place_on_shore(ctx: Context, item: Item) -> bool:
    """One end on free land by the water, the rest reaching out over free water (the water
    of its holder, a lake, if it has one: it then stands beside the lake, not in it)."""
    length, thick = max(item.base_w, item.base_h), min(item.base_w, item.base_h)
    if thick != 1 or length < 2:
        return False
    lake = item.host.index if item.host is not None else 0
    spots = []
    pairs = _shore_pairs(ctx)
    ctx.work += 1 + len(pairs) // 8
    for (lx, ly), (dx, dy) in pairs:
        cells = [(lx + k * dx, ly + k * dy) for k in range(length)]
        if _landing_free(ctx, cells, lake):
            xs, ys = [c[0] for c in cells], [c[1] for c in cells]
            w, h = max(xs) - min(xs) + 1, max(ys) - min(ys) + 1
            rotation = 0 if (w, h) == (item.base_w, item.base_h) else 90
            spots.append((min(xs), min(ys), w, h, rotation))
    if not spots:
        return False
    ctx.rng.shuffle(spots)
    x, y, w, h, rotation = _best(ctx, item, spots[:CHOICES])
    item.host = None
    occupy(ctx, item, x, y, w, h, rotation)
    ctx.fixed.add(item.id)
    return True


def _shore_pairs(ctx: Context) -> list[tuple[Cell, Cell]]:
    """(land cell, step towards the water) for every land cell with water beside it; kept
    until the water changes (piers by the hundred would each scan the whole map)."""
    key = hash(bytes(ctx.grid.water))
    cached = ctx.shores.get(key)
    if cached is None:
        cached = _scan_shore_pairs(ctx)
        ctx.shores = {key: cached}
    return cached


def _scan_shore_pairs(ctx: Context) -> list[tuple[Cell, Cell]]:
    grid, width, height = ctx.grid, ctx.width, ctx.height
    water = grid.water
    out: list[tuple[Cell, Cell]] = []
    for y in range(height):
        row = water[y * width : (y + 1) * width]
        if 1 not in row and not _wet_near(water, width, height, y):
            continue
        for x in range(width):
            if row[x]:
                continue
            for dx, dy in STEPS:
                nx, ny = x + dx, y + dy
                if 0 <= nx < width and 0 <= ny < height and water[ny * width + nx]:
                    out.append(((x, y), (dx, dy)))
    return out


def _wet_near(water: bytearray, width: int, height: int, y: int) -> bool:
    rows = [r for r in (y - 1, y + 1) if 0 <= r < height]
    return any(1 in water[r * width : (r + 1) * width] for r in rows)


def _landing_free(ctx: Context, cells: list[Cell], lake: int) -> bool:
    grid = ctx.grid
    for k, cell in enumerate(cells):
        x, y = cell
        if not (0 <= x < ctx.width and 0 <= y < ctx.height) or grid.is_solid(cell):
            return False
        owner = grid.owner_of(cell)
        area = ctx.items[owner - 1].kind if owner else None
        if k == 0 and (grid.is_water(cell) or (area is not None and area.container == "walled")):
            return False
        if k > 0 and (not grid.is_water(cell) or (area is not None and not area.water)):
            return False
        if k > 0 and lake and owner != lake:
            return False
    return True


# --- doors ------------------------------------------------------------------------------
def wall_host(item: Item) -> Item | None:
    """The walled container a door goes in the wall of (other mounted things hang inside)."""
    if item.kind.name != "door" or item.base_w != 1 or item.base_h != 1:
        return None
    hosts = [item.host] if item.host is not None else item.hosts
    walled = [h for h in hosts if h.kind.container == "walled" and h.is_host]
    return walled[0] if walled else None


WALL_ROOMS_TRIED = 6  # rooms a door with no room named looks at (a dungeon may have 100)


def place_in_wall(ctx: Context, item: Item) -> bool:
    """A door in a wall of its room (a side, never a corner), opening onto free floor."""
    hosts = [item.host] if item.host is not None else item.hosts
    rooms = [h for h in hosts if h.placed and h.kind.container == "walled" and h.is_host]
    if len(rooms) > WALL_ROOMS_TRIED:
        rooms = ctx.rng.sample(rooms, WALL_ROOMS_TRIED)
    ctx.work += len(rooms)
    taken = {(d.x, d.y) for d in ctx.items if d.placed and d.kind.mounted and d is not item}
    spots = []
    for room in rooms:
        x0, y0, w, h = room.rect
        corners = {(x0, y0), (x0 + w - 1, y0), (x0, y0 + h - 1), (x0 + w - 1, y0 + h - 1)}
        for cx, cy in wall_cells(room.rect):
            if (cx, cy) in corners or (cx, cy) in taken:
                continue
            inward = (cx + (cx == x0) - (cx == x0 + w - 1), cy + (cy == y0) - (cy == y0 + h - 1))
            if not ctx.grid.is_solid(inward):
                spots.append((room, cx, cy))
    if not spots:
        return False
    room, x, y = spots[int(ctx.rng.random() * len(spots))]
    item.host = room
    item.x, item.y, item.w, item.h, item.rotation = x, y, 1, 1, 0
    item.placed = True
    item.cells = []
    ctx.fixed.add(item.id)
    ctx.forget(item.id)
    return True
