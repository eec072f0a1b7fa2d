"""Placing linear features (rivers, roads, walls): generate candidate lines, keep the best."""

from domain.scene import relation_rules as rules
from domain.scene.layout import lines
from domain.scene.layout import penalty as pen
from domain.scene.layout.context import Context, Geo, Item
from domain.scene.layout.grid import BLOCK_PATH, WALK_PATH, WATER_PATH
from domain.scene.layout.path_candidates import candidates, demands
from domain.scene.layout.scoring import relation_penalty
from domain.scene.model import RelationSpec
from domain.scene.shapes import Cell


def place_path(ctx: Context, item: Item) -> bool:
    relations = [
        r
        for r in ctx.rels_of.get(item.id, ())
        if r.subject == item.id and all(ctx.geo(o) is not None for o in r.objects)
    ]
    if ctx.exhausted:
        ctx.out_of_effort.add(item.id)
        return False
    best: tuple[float, list[Cell]] | None = None
    to_water = _ends_at_water(ctx, item, relations)
    pools = _pools(ctx, item)  # (their cells, once: candidates are many)
    for raw in candidates(ctx, item, relations):
        cells = lines.clip(raw, ctx.width, ctx.height)
        if to_water:  # `a street running down to the sea`: it stops at the shore
            cells = [cell for cell in cells if not ctx.grid.is_water(cell)]
        if len(cells) < (1 if item.kind.name == "bridge" else 2):
            continue  # (a plank across a one-cell gap between two ships is a bridge)
        ctx.work += 1 + len(cells) // 8
        blocked = sum(1 for cell in cells if _blocked(ctx, item, cell))
        geo = _geo(cells)
        score = 30.0 * blocked / len(cells) + _demand(ctx, item, geo)
        score += _HIDES_WATER * len(_waters_hidden(ctx, pools, cells))
        score += sum(_penalty(ctx, item, relation, geo) for relation in relations)
        if best is None or score < best[0]:
            best = (score, cells)
    if best is None:
        return False
    cells = [cell for cell in best[1] if not _blocked(ctx, item, cell)]
    hidden = {cell for water in _waters_hidden(ctx, pools, cells) for cell in water}
    cells = [cell for cell in cells if cell not in hidden]  # (it stops at a pool it would hide)
    if len(cells) < 1:
        return False
    commit_path(ctx, item, cells)
    return True


def _pools(ctx: Context, item: Item) -> list[list[Cell]]:
    """The cells of each pool or pond placed so far that a road could hide."""
    if item.kind.water or not item.kind.walkable:
        return []
    return [
        other.footprint()
        for other in ctx.items
        if other.placed and other.kind.water and other.path is None
    ]


def _waters_hidden(ctx: Context, pools: list[list[Cell]], cells: list[Cell]) -> list[list[Cell]]:
    """The pools a road would hide, bridging the last of their cells not yet under a road
    (one road along a pool, or three across a pool three cells long)."""
    laid, grid = set(cells), ctx.grid
    return [
        pool
        for pool in pools
        if laid.intersection(pool)
        and all(cell in laid or grid.path_of(cell) == WALK_PATH for cell in pool)
    ]


_HIDES_WATER = 10.0  # as bad as a third of the way blocked


def _ends_at_water(ctx: Context, item: Item, relations: list[RelationSpec]) -> bool:
    """Whether a dry way leads to water (and not across it): it ends on the shore."""
    if item.kind.water or not item.kind.walkable or item.kind.name == "bridge":
        return False
    if any(r.predicate == "across" for r in relations):
        return False
    return any(
        r.predicate == "connected_to"
        and any((other := ctx.by_id.get(o)) is not None and other.kind.water for o in r.objects)
        for r in relations
    )


def commit_path(ctx: Context, item: Item, cells: list[Cell]) -> None:
    """Mark a path on the grid; where a road crosses water, lay bridges."""
    grid, kind = ctx.grid, item.kind
    wet = [c for c in cells if grid.is_water(c) and grid.path_of(c) != WALK_PATH]
    item.path = cells
    xs, ys = [c[0] for c in cells], [c[1] for c in cells]
    item.x, item.y = min(xs), min(ys)
    item.w, item.h = max(xs) - item.x + 1, max(ys) - item.y + 1
    item.placed = True
    if kind.water:
        crossings = [c for c in cells if grid.path_of(c) == WALK_PATH]
        grid.set_water(cells, 1)
        grid.set_paths([c for c in cells if grid.path_of(c) != WALK_PATH], WATER_PATH)
        item.cells = []
        wet = crossings  # a road already there now crosses the water: bridge it
    else:
        grid.mark_cells(cells, solid=True)
        grid.set_paths(cells, WALK_PATH if kind.walkable else BLOCK_PATH)
        item.cells = cells
    ctx.forget(item.id)
    if wet and (kind.name == "road" or kind.water):
        wet_set = set(wet)
        run: list[Cell] = []
        for cell in [*cells, (-1, -1)]:
            if cell in wet_set:
                run.append(cell)
            elif run:
                commit_path(ctx, ctx.new_item("bridge", "auto"), run)
                run = []


def _geo(cells: list[Cell]) -> Geo:
    xs, ys = [c[0] for c in cells], [c[1] for c in cells]
    x, y = min(xs), min(ys)
    return Geo(x, y, max(xs) - x + 1, max(ys) - y + 1, cells)


def _blocked(ctx: Context, item: Item, cell: Cell) -> bool:
    grid = ctx.grid
    if item.kind.name == "bridge" and _over_a_gap(ctx, cell):
        return False  # a rope bridge over a chasm
    if grid.is_solid(cell):
        crossing = item.kind.walkable or item.kind.water
        return not (crossing and grid.path_of(cell) == WALK_PATH)
    owner = grid.owner_of(cell)
    if owner:
        area = ctx.items[owner - 1].kind
        if area.container == "walled" or (item.kind.water and area.family == "village"):
            return True  # no river through a market square or a walled yard
    if item.kind.name in ("wall", "fence"):
        return grid.is_water(cell) and grid.path_of(cell) != WATER_PATH
    return not item.kind.water and not item.kind.walkable and grid.is_water(cell)


def _over_a_gap(ctx: Context, cell: Cell) -> bool:
    """Whether the cell is in a dry gap in the ground (a chasm): a terrain path no one walks."""
    return any(
        other.placed
        and other.path is not None
        and other.kind.layer == "terrain"
        and not other.kind.walkable
        and not other.kind.water
        and cell in other.cells
        for other in ctx.items
    )


def _edge_to_edge(ctx: Context, geo: Geo, heading: str | None) -> bool:
    if heading == "east_west":
        return geo.x == 0 and geo.x + geo.w == ctx.width
    if heading == "north_south":
        return geo.y == 0 and geo.y + geo.h == ctx.height
    reaches = {
        "north": geo.y == 0,
        "south": geo.y + geo.h == ctx.height,
        "west": geo.x == 0,
        "east": geo.x + geo.w == ctx.width,
    }
    return reaches.get(heading or "", True)


def _demand(ctx: Context, item: Item, geo: Geo) -> float:
    north, south, east, west = demands(ctx, item)
    if not north + south + east + west:
        return 0.0
    cells = geo.cells or []
    above = sum(span[0] for span in (geo.cols or {}).values())
    below = sum(ctx.height - 1 - span[1] for span in (geo.cols or {}).values())
    left = sum(span[0] for span in (geo.rows or {}).values())
    right = sum(ctx.width - 1 - span[1] for span in (geo.rows or {}).values())
    short = max(0, north - above) + max(0, south - below)
    short += max(0, west - left) + max(0, east - right)
    return 5.0 * short / max(1, len(cells) + ctx.width)


def _penalty(ctx: Context, item: Item, relation: RelationSpec, geo: Geo) -> float:
    cells = geo.cells or []
    if not cells:
        return 0.0
    predicate, argument = relation.predicate, relation.argument
    if predicate == "in_region":
        frame = pen.frame_of(ctx, relation.objects)
        outside = sum(1 for c in cells if pen.region(Geo(c[0], c[1], 1, 1), frame, argument or ""))
        return 10.0 * outside / len(cells)
    if predicate == "along" and not relation.objects:
        far = sum(
            1 for c in cells if pen.edge(Geo(c[0], c[1], 1, 1), ctx.width, ctx.height, argument)
        )
        return 10.0 * far / len(cells)
    if predicate == "along" and relation.objects:
        field = ctx.field(relation.objects[0])
        far = sum(1 for cx, cy in cells if field[cy * ctx.width + cx] > rules.ALONG_PATH_DISTANCE)
        return 10.0 * far / len(cells)
    if predicate == "around":
        return 0.0
    if predicate == "runs":
        return 0.0 if _edge_to_edge(ctx, geo, argument) else 10.0
    if predicate == "between":
        step = max(1, len(cells) // 40)
        return min(
            relation_penalty(ctx, relation, _lookup(ctx, item, Geo(cx, cy, 1, 1)))
            for cx, cy in cells[::step]
        )
    return relation_penalty(ctx, relation, _lookup(ctx, item, geo))


def _lookup(ctx: Context, item: Item, geo: Geo) -> pen.Lookup:
    def lookup(thing_id: str) -> Geo | None:
        return geo if thing_id == item.id else ctx.geo(thing_id)

    return lookup
