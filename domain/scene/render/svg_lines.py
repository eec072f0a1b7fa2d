"""Lines through cells: a road or a river along its cells, smoothed; a corridor, square.

A path is a list of cells. A thin one follows its cells one by one (a chain); a wide one
(a river two cells across) is a band: it is drawn as its centre line with the band's width
when it crosses every row (or every column) once, which keeps the picture small and fast.
"""

from collections.abc import Sequence
from itertools import pairwise

from domain.scene.render.svg_geometry import CELL, Cell, Point, mid, pt, simplify


def is_chain(cells: Sequence[Cell]) -> bool:
    """Whether a path's cells follow one another (a thin line) rather than fill a band."""
    if len(cells) < 2:
        return False
    return all(max(abs(a[0] - b[0]), abs(a[1] - b[1])) == 1 for a, b in pairwise(cells))


def chain_path(
    cells: Sequence[Cell], width: int, height: int, coarse: float = 1.0, scale: float = CELL
) -> str:
    """A smooth line through the centres of a chain of cells."""
    kept = _direct(cells)
    points: list[Point] = [((x + 0.5) * scale, (y + 0.5) * scale) for x, y in kept]
    return smooth_line(points, kept[0], kept[-1], width, height, coarse, scale)


def band_centre(cells: Sequence[Cell], tall: bool) -> tuple[list[Point], list[Cell], int] | None:
    """The centre line of a band of cells (in cell units), its end cells and its width, when
    it crosses each row (`tall`: it runs north-south), or each column, in one unbroken run;
    None when it folds back."""
    for along_rows in (tall, not tall):
        lines: dict[int, list[int]] = {}
        if along_rows:
            for x, y in cells:
                lines.setdefault(y, []).append(x)
        else:
            for x, y in cells:
                lines.setdefault(x, []).append(y)
        spans = {key: (min(vs), max(vs), len(set(vs))) for key, vs in lines.items()}
        found = _runs(spans)
        if found is not None:
            if not along_rows:
                found = [(x, y) for y, x in found]
            return found, [_cell(found[0]), _cell(found[-1])], _width(spans)
    return None


def _runs(spans: dict[int, tuple[int, int, int]]) -> list[Point] | None:
    """Per line (a row, or a column), the middle of its one run of cells, as (across, along);
    None unless every line between the first and the last holds exactly one run and the
    band is longer than it is wide."""
    keys = sorted(spans)
    if len(keys) < 2 or keys[-1] - keys[0] + 1 != len(keys):
        return None
    if any(high - low + 1 != count for low, high, count in spans.values()):
        return None
    if _width(spans) >= len(keys):
        return None
    return [((spans[k][0] + spans[k][1] + 1) / 2, k + 0.5) for k in keys]


def _width(spans: dict[int, tuple[int, int, int]]) -> int:
    widths = sorted(count for _, _, count in spans.values())
    return widths[len(widths) // 2]


def _cell(point: Point) -> Cell:
    return int(point[0]), int(point[1])


def smooth_line(
    points: list[Point],
    first: Cell,
    last: Cell,
    width: int,
    height: int,
    coarse: float = 1.0,
    scale: float = CELL,
) -> str:
    """A smooth curve through points (in map units): simplified, then quadratic curves
    through the midpoints. An end on the map's edge runs on past the edge (the map is
    clipped), so a road or a river leaves the map rather than stopping short of it. A
    `coarse` above 1 drops more detail (a map crowded with paths stays small)."""
    points = simplify(_straightened(points), 0.55 * scale * coarse)
    for index, neighbour, cell in ((0, 1, first), (-1, -2, last)):
        if len(points) < 2:
            break
        x, y = cell
        (px, py), (ox, oy) = points[index], points[neighbour]
        nx = -1 if x <= 0 else 1 if x >= width - 1 else 0
        ny = -1 if y <= 0 else 1 if y >= height - 1 else 0
        ex = nx if nx * (px - ox) > 0 else 0
        ey = ny if ny * (py - oy) > 0 else 0
        points[index] = (px + ex * scale, py + ey * scale)
    if len(points) < 3:
        return "M" + "L".join(pt(p) for p in points)
    mids = [mid(points[k], points[k + 1]) for k in range(len(points) - 1)]
    curve = " ".join(f"{pt(points[k])} {pt(mids[k])}" for k in range(1, len(points) - 1))
    return f"M{pt(points[0])}L{pt(mids[0])}Q{curve}L{pt(points[-1])}"


def polyline_path(cells: Sequence[Cell], scale: float = CELL) -> str:
    """A straight line through the centres of a chain of cells, corners kept square."""
    points: list[Point] = [((x + 0.5) * scale, (y + 0.5) * scale) for x, y in cells]
    return "M" + "L".join(pt(p) for p in _straightened(points))


def _direct(cells: Sequence[Cell]) -> list[Cell]:
    """Skip the cells a path only steps through to turn a corner (the walker's extra cell
    at a diagonal step), so the line runs straight through the diagonal."""
    out = [cells[0]]
    for k in range(1, len(cells) - 1):
        a, b = out[-1], cells[k + 1]
        if max(abs(a[0] - b[0]), abs(a[1] - b[1])) > 1:
            out.append(cells[k])
    out.append(cells[-1])
    return out


def _straightened(points: list[Point]) -> list[Point]:
    kept = [points[0]]
    for k in range(1, len(points) - 1):
        (ax, ay), (bx, by), (cx, cy) = kept[-1], points[k], points[k + 1]
        if (bx - ax) * (cy - by) - (by - ay) * (cx - bx) != 0:
            kept.append(points[k])
    kept.append(points[-1])
    return kept
