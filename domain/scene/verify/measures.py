"""Measures the verifier takes on a finished layout: parts of a frame, sides, enclosure, links."""

from domain.scene.grid_walks import neighbours, neighbours_within, reaches
from domain.scene.verify.world import Rect, World


def in_part(c2x: int, c2y: int, fw: int, fh: int, direction: str) -> bool:
    checks = {
        "north": 5 * c2y < 4 * fh,
        "south": 5 * c2y > 6 * fh,
        "west": 5 * c2x < 4 * fw,
        "east": 5 * c2x > 6 * fw,
    }
    parts = [part for part in checks if part in direction]
    return bool(parts) and all(checks[part] for part in parts)


def doubled_centre(rect: Rect) -> tuple[int, int]:
    x, y, w, h = rect
    return 2 * x + w, 2 * y + h


def side(rect: Rect, other: Rect) -> str:
    (px, py), (qx, qy) = doubled_centre(rect), doubled_centre(other)
    dx, dy = px - qx, py - qy
    if abs(dx) * max(1, other[3]) >= abs(dy) * max(1, other[2]):
        return "east" if dx > 0 else "west"
    return "south" if dy > 0 else "north"


def edge_distance(world: World, x: int, y: int, w: int, h: int, side: str) -> int:
    return {
        "north": y,
        "south": world.height - (y + h),
        "west": x,
        "east": world.width - (x + w),
    }.get(side, world.width + world.height)


def cell_distance(world: World, cell: tuple[int, int], other: str) -> int:
    cx, cy = cell
    if not world.is_path(other) and world.kind(other).shape != "area":
        x, y, w, h = world.rect(other)
        return max(0, x - cx, cx - (x + w - 1), y - cy, cy - (y + h - 1))
    return min(max(abs(cx - ox), abs(cy - oy)) for ox, oy in world.cells(other))


def enclosed(world: World, wall: frozenset[tuple[int, int]]) -> set[tuple[int, int]]:
    """Cells that cannot reach the map's edge (4-neighbour steps) without crossing `wall`.

    Rows are bit masks: each round spreads what the edge reaches by one cell in every
    direction within the free cells, so a round is a few integer operations per row.
    """
    width, height = world.width, world.height
    full = (1 << width) - 1
    free = [full] * height
    for x, y in wall:
        if 0 <= x < width and 0 <= y < height:
            free[y] &= ~(1 << x)
    edge_columns = 1 | (1 << (width - 1))
    reach = [free[y] & (full if y in (0, height - 1) else edge_columns) for y in range(height)]
    changed = True
    while changed:
        changed = False
        for y in range(height):
            row = reach[y]
            grown = row | (row << 1) | (row >> 1)
            if y:
                grown |= reach[y - 1]
            if y < height - 1:
                grown |= reach[y + 1]
            grown &= free[y]
            if grown != row:
                reach[y] = grown
                changed = True
    inside: set[tuple[int, int]] = set()
    for y in range(height):
        shut = free[y] & ~reach[y]
        while shut:
            low = shut & -shut
            inside.add((low.bit_length() - 1, y))
            shut ^= low
    return inside


def touching(world: World, own: frozenset[tuple[int, int]], other: str) -> set[tuple[int, int]]:
    """Cells of a path that stand on, or next to (4-neighbour), another node."""
    theirs = world.cell_set(other)
    return {
        (x, y) for x, y in own if (x, y) in theirs or any(n in theirs for n in neighbours((x, y)))
    }


def linked(
    own: frozenset[tuple[int, int]], starts: set[tuple[int, int]], goals: set[tuple[int, int]]
) -> bool:
    return reaches(starts, own.__contains__, goals)


def labels_at(world: World, labels: list[int], node_id: str) -> set[int]:
    """Walkable components a node stands in or opens onto (a walled one: only its inside)."""
    width, height = world.width, world.height
    if world.walled(node_id):
        return {labels[y * width + x] for x, y in world.interior_cells(node_id)} - {0}
    own = world.cell_set(node_id)
    found: set[int] = set()
    for cell in own:
        for nx, ny in (cell, *neighbours_within(cell, width, height)):
            label = labels[ny * width + nx]
            if label:
                found.add(label)
    return found
