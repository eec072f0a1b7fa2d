"""Connections: corridors, roads and bridges routed with A* between placed things."""

import heapq

from domain.scene import catalog
from domain.scene.grid_walks import flood, neighbours_within
from domain.scene.layout.context import Context, Item
from domain.scene.layout.grid import WALK_PATH
from domain.scene.layout.paths import commit_path
from domain.scene.shapes import Cell, wall_cells
from domain.scene.terms import CARDINALS

_BLOCKED = -1
STEPS_PER_WORK = 16  # A* expansions that cost one unit of work (a scored candidate)


def connect_all(ctx: Context, spare: list[Item]) -> None:
    """Route every asked-for connection, then a dungeon's rooms into one network."""
    parent: dict[str, str] = {}
    costs: dict[str, list[int]] = {}

    def costs_for(connector: str) -> list[int]:
        if connector not in costs:
            costs[connector] = _costs(ctx, connector)
        return costs[connector]

    def laid(cells: list[Cell]) -> None:
        width = ctx.width
        for table in costs.values():
            for cx, cy in cells:
                table[cy * width + cx] = 1
            for cx, cy in ctx.reserved:
                table[cy * width + cx] = _BLOCKED

    def find(thing_id: str) -> str:
        while parent.get(thing_id, thing_id) != thing_id:
            thing_id = parent[thing_id]
        return thing_id

    for item in list(ctx.items):
        if item.placed or item.kind.shape != "path":
            continue
        for relation in ctx.rels_of.get(item.id, ()):
            if relation.subject != item.id or relation.predicate != "connected_to":
                continue
            ends = [ctx.by_id[o] for o in relation.objects if o in ctx.by_id]
            ends = [end for end in ends if end.placed]
            heading = _heading(ctx, item)
            if heading is not None:
                ends = ends[:1]  # `a trail from the tents leading east`: from them to that edge
            if not ends:
                break
            cells = route(
                ctx,
                ends[:1] if len(ends) > 1 else [],
                ends[-1],
                item.kind.name,
                costs_for(item.kind.name),
                (_far_side(ctx, item, ends[-1]) or _afar(ctx, ends[-1], heading))
                if len(ends) == 1
                else None,
            )
            if cells is not None:
                _lay(ctx, item, cells, ends)
                laid(cells)
                if len(ends) == 2:
                    parent[find(ends[0].id)] = find(ends[1].id)
            elif ctx.exhausted:
                ctx.out_of_effort.add(item.id)
            break
    for a, b, connector in _pairs(ctx):
        if find(a.id) == find(b.id):
            continue
        cells = route(ctx, [a], b, connector, costs_for(connector))
        if cells is None:
            continue
        carrier = next((s for s in spare if s.kind.name == connector and not s.placed), None)
        _lay(ctx, carrier or ctx.new_item(connector, "auto"), cells, [a, b])
        laid(cells)
        parent[find(a.id)] = find(b.id)


def _pairs(ctx: Context) -> list[tuple[Item, Item, str]]:
    pairs = []
    default = ctx.style.connector
    for relation in ctx.relations:
        if relation.predicate != "connected_to" or len(relation.objects) != 1:
            continue
        a, b = ctx.by_id.get(relation.subject), ctx.by_id.get(relation.objects[0])
        if a is None or b is None or not (a.placed and b.placed) or a.kind.shape == "path":
            continue
        connector = relation.argument or default
        kind = catalog.KIND_BY_NAME.get(connector or "")  # connectors are known kinds
        if kind is None or kind.shape != "path" or not kind.walkable:
            continue
        pairs.append((a, b, kind.name))
    if ctx.style.name == "dungeon":
        rooms = [item for item in ctx.items if item.kind.name == "room" and item.placed]
        pairs.extend((a, b, "corridor") for a, b in _spanning_tree(rooms))
    return pairs


def _spanning_tree(rooms: list[Item]) -> list[tuple[Item, Item]]:
    """Prim's tree over room centres (Manhattan distance)."""
    if len(rooms) < 2:
        return []
    centre = [(r.x * 2 + r.w, r.y * 2 + r.h) for r in rooms]
    best = [(abs(centre[0][0] - c[0]) + abs(centre[0][1] - c[1]), 0) for c in centre]
    inside = [False] * len(rooms)
    inside[0] = True
    edges = []
    for _ in range(len(rooms) - 1):
        pick = min((k for k in range(len(rooms)) if not inside[k]), key=lambda k: (best[k], k))
        inside[pick] = True
        edges.append((rooms[pick], rooms[best[pick][1]]))
        px, py = centre[pick]
        for k in range(len(rooms)):
            if not inside[k]:
                distance = abs(px - centre[k][0]) + abs(py - centre[k][1])
                if distance < best[k][0]:
                    best[k] = (distance, pick)
    return edges


def _lay(ctx: Context, item: Item, cells: list[Cell], ends: list[Item]) -> None:
    commit_path(ctx, item, cells)
    for end in ends:
        if end.kind.container == "walled" and end.is_host:
            _add_doors(ctx, end, cells)


def _add_doors(ctx: Context, room: Item, cells: list[Cell]) -> None:
    walls = set(wall_cells(room.rect))
    for cx, cy in (cells[0], cells[-1]):
        for wx, wy in ((cx + 1, cy), (cx - 1, cy), (cx, cy + 1), (cx, cy - 1)):
            if (wx, wy) not in walls or _corner(room, wx, wy):
                continue
            if (wx, wy) in ctx.doors:
                break
            door = next((d for d in ctx.asked_doors if _named_door_of(d, room)), None)
            door = door or ctx.new_item("door", "auto")
            door.host = room
            door.x, door.y, door.w, door.h, door.placed = wx, wy, 1, 1, True
            ctx.doors.add((wx, wy))
            inner = (2 * wx - cx, 2 * wy - cy)
            if room.x < inner[0] < room.x + room.w - 1 and room.y < inner[1] < room.y + room.h - 1:
                grid = ctx.grid
                if not grid.is_solid(inner):
                    grid.mark_cells([inner], solid=True)
                    ctx.reserved.append(inner)
            break


def _named_door_of(door: Item, room: Item) -> bool:
    """A door the prompt asked for, not placed yet, that may go in this room's wall."""
    if door.kind.name != "door" or door.placed or door.origin == "auto":
        return False
    return door.host is room or (door.host is None and room in door.hosts)


def _corner(room: Item, x: int, y: int) -> bool:
    return x in (room.x, room.x + room.w - 1) and y in (room.y, room.y + room.h - 1)


def _ends(ctx: Context, item: Item) -> dict[int, int]:
    """Cells a route may start from next to `item`, each with the wall cell it passes."""
    width, height = ctx.width, ctx.height
    out: dict[int, int] = {}
    if item.kind.container == "walled" and item.is_host:
        for wx, wy in wall_cells(item.rect):
            if _corner(item, wx, wy):
                continue
            for nx, ny in ((wx + 1, wy), (wx - 1, wy), (wx, wy + 1), (wx, wy - 1)):
                outside = not (item.x <= nx < item.x + item.w and item.y <= ny < item.y + item.h)
                if outside and 0 <= nx < width and 0 <= ny < height:
                    out.setdefault(ny * width + nx, wy * width + wx)
        return out
    own = set(item.footprint())
    for cx, cy in own:
        for nx, ny in ((cx + 1, cy), (cx - 1, cy), (cx, cy + 1), (cx, cy - 1)):
            if (nx, ny) not in own and 0 <= nx < width and 0 <= ny < height:
                out.setdefault(ny * width + nx, -1)
    return out


def route(
    ctx: Context,
    froms: list[Item],
    to: Item,
    connector: str,
    cost: list[int],
    edges: set[int] | None = None,
) -> list[Cell] | None:
    """Cheapest path of free cells from next to `froms` (or a map edge: any, or one of
    `edges`) to next to `to`."""
    width, height = ctx.width, ctx.height
    if ctx.exhausted:
        return None
    if froms:
        starts = [i for i in _ends(ctx, froms[0]) if cost[i] != _BLOCKED]
    else:
        edge = [(x, 0) for x in range(width)] + [(x, height - 1) for x in range(width)]
        edge += [(0, y) for y in range(height)] + [(width - 1, y) for y in range(height)]
        starts = [y * width + x for x, y in edge if cost[y * width + x] != _BLOCKED]
        if edges:
            starts = [i for i in starts if i in edges] or starts
    goals = {i for i in _ends(ctx, to) if cost[i] != _BLOCKED}
    if not starts or not goals:
        return None
    gx0 = min(i % width for i in goals)
    gx1 = max(i % width for i in goals)
    gy0 = min(i // width for i in goals)
    gy1 = max(i // width for i in goals)

    def estimate(index: int) -> int:
        # Twice the distance: most steps cost 2, so the search heads straight for the goal.
        x, y = index % width, index // width
        return 2 * (max(0, gx0 - x, x - gx1) + max(0, gy0 - y, y - gy1))

    best = {i: cost[i] for i in starts}
    came: dict[int, int] = {}
    heap = [(best[i] + estimate(i), best[i], i) for i in starts]
    heapq.heapify(heap)
    allowed = (ctx.work_limit - ctx.spent) * STEPS_PER_WORK
    steps = 0
    while heap:
        steps += 1
        if steps > allowed:
            break
        _, spent, index = heapq.heappop(heap)
        if spent > best.get(index, 1 << 30):
            continue
        if index in goals:
            ctx.work += steps // STEPS_PER_WORK + 1
            cells = [index]
            while cells[-1] in came:
                cells.append(came[cells[-1]])
            return [(i % width, i // width) for i in reversed(cells)]
        x, y = index % width, index // width
        for nx, ny in neighbours_within((x, y), width, height):
            nxt = ny * width + nx
            step = cost[nxt]
            if step == _BLOCKED:
                continue
            total = spent + step
            if total < best.get(nxt, 1 << 30):
                best[nxt] = total
                came[nxt] = index
                heapq.heappush(heap, (total + estimate(nxt), total, nxt))
    ctx.work += steps // STEPS_PER_WORK + 1
    return None


def _afar(ctx: Context, end: Item, heading: str | None = None) -> set[int] | None:
    """A road to one thing comes in from the map edge farthest from it (`a high street
    running down to the sea`: from the top of the map), not from the edge cell next to it;
    from the middle half of that edge (near a corner it would run along the map's border)."""
    width, height = ctx.width, ctx.height
    x0, y0, w, h = end.rect
    across, down = range(width // 4, width - width // 4), range(height // 4, height - height // 4)
    sides = {
        "north": (y0, [(x, 0) for x in across]),
        "south": (height - y0 - h, [(x, height - 1) for x in across]),
        "west": (x0, [(0, y) for y in down]),
        "east": (width - x0 - w, [(width - 1, y) for y in down]),
    }
    if heading in sides:
        return {y * width + x for x, y in sides[heading][1]} or None  # `flowing south from`
    _, cells = max(sides.values(), key=lambda side: side[0])
    return {y * width + x for x, y in cells} or None


def _heading(ctx: Context, way: Item) -> str | None:
    """The one map edge a way is said to run to (`flows south from the pool`), if any."""
    return next(
        (
            r.argument
            for r in ctx.rels_of.get(way.id, ())
            if r.subject == way.id and r.predicate == "runs" and r.argument in CARDINALS
        ),
        None,
    )


def _far_side(ctx: Context, road: Item, end: Item) -> set[int] | None:
    """A road to one thing and `across` a river or lake: map-edge cells beyond the water,
    so that it comes from the far side and crosses (on a bridge)."""
    waters = [
        ctx.by_id[o]
        for r in ctx.rels_of.get(road.id, ())
        if r.subject == road.id and r.predicate == "across"
        for o in r.objects[:1]
        if o in ctx.by_id and ctx.by_id[o].placed and ctx.by_id[o].kind.water
    ]
    if not waters:
        return None
    wet = set().union(*(set(w.footprint()) for w in waters))
    width, height = ctx.width, ctx.height
    seen = flood(
        (cell for cell in end.footprint() if cell not in wet),
        lambda cell: 0 <= cell[0] < width and 0 <= cell[1] < height and cell not in wet,
    )
    edge = [(x, 0) for x in range(width)] + [(x, height - 1) for x in range(width)]
    edge += [(0, y) for y in range(height)] + [(width - 1, y) for y in range(height)]
    far = {y * width + x for x, y in edge if (x, y) not in seen and (x, y) not in wet}
    return far or None


def _costs(ctx: Context, connector: str) -> list[int]:
    """Cost of stepping onto each cell; _BLOCKED where the connector may not go."""
    grid = ctx.grid
    walled = {item.index for item in ctx.items if item.kind.container == "walled" and item.is_host}
    corridor = connector == "corridor"
    costs = []
    for index in range(ctx.width * ctx.height):
        if grid.paths[index] == WALK_PATH:
            costs.append(1)
        elif grid.solid[index]:
            costs.append(_BLOCKED)
        elif grid.owner[index]:
            blocked = corridor or grid.owner[index] in walled
            costs.append(_BLOCKED if blocked else 3)
        elif grid.water[index]:
            costs.append(_BLOCKED if corridor else 1 if connector == "bridge" else 6)
        else:
            costs.append(2)
    return costs
