"""Shapes of linear features: meandering lines across the map, rings, offsets, segments."""

import random

from domain.scene.layout.context import Geo
from domain.scene.shapes import Cell

Rect = tuple[int, int, int, int]


def dedupe(cells: list[Cell]) -> list[Cell]:
    return list(dict.fromkeys(cells))


def clip(cells: list[Cell], width: int, height: int) -> list[Cell]:
    return dedupe([(x, y) for x, y in cells if 0 <= x < width and 0 <= y < height])


def cross(
    width: int,
    height: int,
    horizontal: bool,
    offset: int,
    thickness: int,
    wiggle: float,
    rng: random.Random,
    amplitude: int = 0,
    start: int = 0,
    stop: int | None = None,
) -> list[Cell]:
    """A line from one edge to the other, drifting by one cell with probability `wiggle`."""
    length, across = (width, height) if horizontal else (height, width)
    stop = length if stop is None else stop
    amplitude = amplitude or max(1, across // 8)
    low = max(0, offset - amplitude)
    high = min(across - thickness, offset + amplitude)
    position = min(max(offset, 0), max(0, across - thickness))
    heading = 1 if rng.random() < 0.5 else -1
    cells: list[Cell] = []
    for step in range(start, stop):
        previous = position
        if rng.random() < wiggle:
            if rng.random() < 0.2 or not low <= position + heading <= high:
                heading = -heading
            position = min(max(position + heading, low), max(low, high))
        rows = range(min(previous, position), max(previous, position) + thickness)
        for k in rows:
            cells.append((step, k) if horizontal else (k, step))
    return cells


def segment(x: int, y: int, length: int, horizontal: bool, thickness: int) -> list[Cell]:
    cells = []
    for step in range(length):
        for k in range(thickness):
            cells.append((x + step, y + k) if horizontal else (x + k, y + step))
    return cells


def ring(rect: Rect, margin: int, width: int, height: int) -> list[Cell]:
    """The outline of `rect` grown by `margin`, kept inside the map."""
    x, y, w, h = rect
    x0, y0 = max(0, x - margin), max(0, y - margin)
    x1, y1 = min(width - 1, x + w - 1 + margin), min(height - 1, y + h - 1 + margin)
    if x1 <= x0 or y1 <= y0:
        return []
    cells = [(cx, y0) for cx in range(x0, x1 + 1)]
    cells += [(x1, cy) for cy in range(y0 + 1, y1 + 1)]
    cells += [(cx, y1) for cx in range(x1 - 1, x0 - 1, -1)]
    cells += [(x0, cy) for cy in range(y1 - 1, y0, -1)]
    return cells


def is_horizontal(geo: Geo) -> bool:
    return geo.w >= geo.h


def offset(geo: Geo, side: int, gap: int, thickness: int) -> list[Cell]:
    """A line following `geo` at `gap` free cells on one side (side -1: north/west)."""
    cells: list[Cell] = []
    previous: int | None = None
    if is_horizontal(geo):
        for col in range(geo.x, geo.x + geo.w):
            span = geo.col_range(col)
            if span is None:
                continue
            row = span[0] - gap - thickness if side < 0 else span[1] + gap + 1
            _step(cells, previous, row, col, thickness, horizontal=True)
            previous = row
    else:
        for row in range(geo.y, geo.y + geo.h):
            span = geo.row_range(row)
            if span is None:
                continue
            col = span[0] - gap - thickness if side < 0 else span[1] + gap + 1
            _step(cells, previous, col, row, thickness, horizontal=False)
            previous = col
    return cells


def _step(
    cells: list[Cell], previous: int | None, at: int, along: int, thickness: int, horizontal: bool
) -> None:
    start = at if previous is None else min(previous, at)
    end = at + thickness if previous is None else max(previous, at) + thickness
    for k in range(start, end):
        cells.append((along, k) if horizontal else (k, along))


def along_side(rect: Rect, side: str, gap: int, thickness: int) -> list[Cell]:
    """A straight line beside one side of a box."""
    x, y, w, h = rect
    if side == "north":
        return segment(x, y - gap - thickness, w, True, thickness)
    if side == "south":
        return segment(x, y + h + gap, w, True, thickness)
    if side == "west":
        return segment(x - gap - thickness, y, h, False, thickness)
    return segment(x + w + gap, y, h, False, thickness)
