"""Which cells a footprint covers: boxes, ellipses, walled interiors. Shared geometry."""

from functools import lru_cache

Rect = tuple[int, int, int, int]  # x, y, width, height
Cell = tuple[int, int]


@lru_cache(maxsize=512)
def row_spans(width: int, height: int, round_shape: bool) -> tuple[tuple[int, int], ...]:
    """For each row of a footprint, the covered columns as (first, count), relative."""
    if not round_shape or width < 3 or height < 3:
        return tuple((0, width) for _ in range(height))
    spans = []
    w2, h2 = width * width, height * height
    for row in range(height):
        dy = 2 * row + 1 - height
        first = -1
        for col in range(width):
            dx = 2 * col + 1 - width
            if dx * dx * h2 + dy * dy * w2 <= w2 * h2 + (w2 * h2) // 6:
                first = col
                break
        if first < 0:
            first = width // 2
        if width >= 8 and 0 < row < height - 1:  # a slightly ragged outline, fixed per size
            first = min(max(0, first + (row * 7 + width * 3 + height) % 3 - 1), (width - 1) // 2)
        spans.append((first, width - 2 * first))
    return tuple(spans)


def footprint_cells(x: int, y: int, width: int, height: int, round_shape: bool) -> list[Cell]:
    cells: list[Cell] = []
    for row, (first, count) in enumerate(row_spans(width, height, round_shape)):
        cells.extend((x + first + k, y + row) for k in range(count))
    return cells


def interior(rect: Rect, walled: bool) -> Rect:
    """The part of a container its children may use (inside the walls, if any)."""
    x, y, w, h = rect
    if walled and w > 2 and h > 2:
        return x + 1, y + 1, w - 2, h - 2
    return rect


def wall_cells(rect: Rect) -> list[Cell]:
    x, y, w, h = rect
    cells = [(x + k, y) for k in range(w)]
    if h > 1:
        cells.extend((x + k, y + h - 1) for k in range(w))
    cells.extend((x, y + k) for k in range(1, h - 1))
    if w > 1:
        cells.extend((x + w - 1, y + k) for k in range(1, h - 1))
    return cells
