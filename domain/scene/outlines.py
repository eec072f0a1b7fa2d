"""The floor's shape of a shaped place: a cave's uneven walls, a ship's hull, a round room.

A pure function of the place's outline, the map size and the seed, so the layout (which
keeps things off the rock) and each drawing (which shows it) compute the same cells.
"""

import math

from domain.scene.shapes import Cell
from domain.scene.terms import Outline

_CAVE_STEP = 5  # columns (rows) between the wall's control points


def outside_cells(outline: Outline, width: int, height: int, seed: int) -> list[Cell]:
    """The cells that are not floor (rock, or beyond the hull), in row order."""
    if outline == "rect" or width < 8 or height < 6:
        return []
    inside = {"cave": _in_cave, "hull": _in_hull, "round": _in_round}[outline]
    return [
        (x, y) for y in range(height) for x in range(width) if not inside(x, y, width, height, seed)
    ]


def _in_round(x: int, y: int, width: int, height: int, seed: int) -> bool:
    rx, ry = width / 2, height / 2
    return ((x + 0.5 - rx) / rx) ** 2 + ((y + 0.5 - ry) / ry) ** 2 <= 1.0


def _in_hull(x: int, y: int, width: int, height: int, seed: int) -> bool:
    """The deck seen from above: square stern to the west, a pointed bow to the east."""
    middle = height / 2
    bow = max(3, width // 4)
    half = middle
    if x >= width - bow:
        left = (width - x - 0.5) / bow  # 1 at the start of the bow, 0 at its point
        half = middle * max(0.12, left) ** 0.6
    elif x < 2:
        half = middle - (2 - x) * 0.5  # the stern's rounded corners
    return abs(y + 0.5 - middle) <= half


def _in_cave(x: int, y: int, width: int, height: int, seed: int) -> bool:
    """Walls that wander a cell in and out, with the corners rounded off."""
    radius = max(2, min(width, height) // 4)
    if _corner_cut(x, y, width, height, radius):
        return False
    top = _wobble(x, seed, 1)
    bottom = _wobble(x, seed, 2)
    left = _wobble(y, seed, 3)
    right = _wobble(y, seed, 4)
    return top <= y < height - bottom and left <= x < width - right


def _corner_cut(x: int, y: int, width: int, height: int, radius: int) -> bool:
    cx = radius if x < radius else width - 1 - radius if x > width - 1 - radius else x
    cy = radius if y < radius else height - 1 - radius if y > height - 1 - radius else y
    return math.hypot(x - cx, y - cy) > radius + 0.3


def _wobble(position: int, seed: int, side: int) -> int:
    """0 or 1 cells of rock, varying smoothly along a wall."""
    k, offset = divmod(position, _CAVE_STEP)
    a, b = _noise(k, seed, side), _noise(k + 1, seed, side)
    return round(a + (b - a) * offset / _CAVE_STEP)


def _noise(k: int, seed: int, side: int) -> float:
    h = (k * 374761393 + seed * 668265263 + side * 2246822519) & 0xFFFFFFFF
    h = ((h ^ (h >> 13)) * 1274126177) & 0xFFFFFFFF
    return ((h ^ (h >> 16)) % 1000) / 999
