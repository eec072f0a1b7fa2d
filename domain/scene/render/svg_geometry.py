"""Geometry for the SVG map: numbers, XML escaping, outlines of cell regions, smooth lines."""

import re
import zlib
from collections.abc import Iterable, Sequence
from itertools import pairwise

CELL = 16  # SVG units per grid cell
Point = tuple[float, float]
Cell = tuple[int, int]

# XML 1.0 forbids most C0 controls, surrogates and U+FFFE/U+FFFF even when escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})
_ID_SAFE = re.compile("[^a-z0-9_-]")


def num(value: float) -> str:
    """A coordinate with at most one decimal: `12`, `12.5`, `-3.2`."""
    if type(value) is int:
        return str(value)
    rounded = round(value, 1)
    if rounded.is_integer():
        return str(int(rounded))
    return f"{rounded:.1f}"


def escape(text: str) -> str:
    """Text safe as XML character data and inside a double- or single-quoted attribute."""
    return _NOT_XML.sub("", text).translate(_ESCAPES)


def id_part(text: str) -> str:
    """A fragment usable inside an element id (kind names from user words included)."""
    return _ID_SAFE.sub("_", text.lower())[:40] or "x"


def region_loops(cells: Iterable[Cell]) -> list[list[Cell]]:
    """The outline of a set of cells as closed loops of grid corners (clockwise on screen),
    straight runs merged, so each loop lists only its corners."""
    inside = set(cells)
    out: dict[Cell, list[Cell]] = {}
    for x, y in sorted(inside):
        if (x, y - 1) not in inside:
            out.setdefault((x, y), []).append((x + 1, y))
        if (x + 1, y) not in inside:
            out.setdefault((x + 1, y), []).append((x + 1, y + 1))
        if (x, y + 1) not in inside:
            out.setdefault((x + 1, y + 1), []).append((x, y + 1))
        if (x - 1, y) not in inside:
            out.setdefault((x, y + 1), []).append((x, y))
    loops: list[list[Cell]] = []
    for start in list(out):
        while out.get(start):
            loop = [start]
            here, heading = start, (0, 0)
            while True:
                nexts = out[here]
                step = _pick(nexts, here, heading)
                nexts.remove(step)
                heading = (step[0] - here[0], step[1] - here[1])
                here = step
                if here == start:
                    break
                loop.append(here)
            loops.append(_corners(loop))
    return loops


def _pick(nexts: list[Cell], here: Cell, heading: Cell) -> Cell:
    if len(nexts) == 1:
        return nexts[0]
    right = (-heading[1], heading[0])  # a right turn on screen (y grows down)
    for step in nexts:
        if (step[0] - here[0], step[1] - here[1]) == right:
            return step
    return nexts[0]


def _corners(loop: list[Cell]) -> list[Cell]:
    count = len(loop)
    kept = []
    for k, (x, y) in enumerate(loop):
        px, py = loop[k - 1]
        nx, ny = loop[(k + 1) % count]
        if (x - px) * (ny - y) - (y - py) * (nx - x) != 0:
            kept.append((x, y))
    return kept or loop


def loop_path(
    loops: Sequence[Sequence[Cell]], smooth: bool, coarse: float = 1.0, scale: float = CELL
) -> str:
    """SVG path data of closed loops in cell corners: straight (walls) or smoothed (banks).

    A smoothed loop is first simplified (its stair steps become slopes; `coarse` > 1 drops
    more detail), then drawn as quadratic curves through the midpoints of its sides."""
    parts = []
    for loop in loops:
        corners: list[Point] = [(float(x), float(y)) for x, y in loop]
        if smooth and len(corners) > 4:
            corners = simplify_loop(corners, (1.1 if len(corners) > 24 else 0.6) * coarse)
        points = [(x * scale, y * scale) for x, y in corners]
        if not smooth or len(points) < 3:
            parts.append(_axis_loop(points))
            continue
        mids = [mid(points[k], points[(k + 1) % len(points)]) for k in range(len(points))]
        curve = " ".join(f"{pt(points[k])} {pt(mids[k])}" for k in range(len(points)))
        parts.append(f"M{pt(mids[-1])}Q{curve}Z")
    return "".join(parts)


def _axis_loop(points: Sequence[Point]) -> str:
    """A closed loop of horizontal and vertical sides, written short (`h` and `v` steps)."""
    out = [f"M{pt(points[0])}"]
    for (ax, ay), (bx, by) in pairwise(points):
        if ay == by:
            out.append(f"h{num(bx - ax)}")
        elif ax == bx:
            out.append(f"v{num(by - ay)}")
        else:
            out.append(f"L{pt((bx, by))}")
    return "".join(out) + "Z"


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Ramer-Douglas-Peucker: drop points closer than `tolerance` to the simplified line."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = (dx * dx + dy * dy) ** 0.5 or 1.0
        worst, worst_at = -1.0, -1
        for k in range(first + 1, last):
            px, py = points[k]
            distance = abs(dy * (px - ax) - dx * (py - ay)) / length
            if distance > worst:
                worst, worst_at = distance, k
        if worst > tolerance:
            keep[worst_at] = True
            stack.append((first, worst_at))
            stack.append((worst_at, last))
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def simplify_loop(points: Sequence[Point], tolerance: float) -> list[Point]:
    """`simplify` for a closed loop: split at the point farthest from the first."""
    ax, ay = points[0]
    far = max(range(len(points)), key=lambda k: (points[k][0] - ax) ** 2 + (points[k][1] - ay) ** 2)
    first = simplify([*points[: far + 1]], tolerance)
    second = simplify([*points[far:], points[0]], tolerance)
    out = first + second[1:-1]
    return out if len(out) >= 3 else list(points)


def mid(a: Point, b: Point) -> Point:
    return (a[0] + b[0]) / 2, (a[1] + b[1]) / 2


def pt(p: Point) -> str:
    return f"{num(p[0])},{num(p[1])}"


def stable_hash(text: str) -> int:
    """A small deterministic hash (Python's `hash` is salted per process)."""
    return zlib.crc32(text.encode("utf-8", "surrogatepass"))
