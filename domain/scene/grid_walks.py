"""Walks on the cell grid: a cell's four neighbours, and breadth-first fills over them.

The order of the steps (east, west, south, north) is part of the generator's output: a fill or
a search that visits cells in another order can place things elsewhere. Keep it.
"""

from collections import deque
from collections.abc import Callable, Container, Iterable, Sequence
from typing import Final

from domain.scene.shapes import Cell

STEPS: Final[tuple[Cell, Cell, Cell, Cell]] = ((1, 0), (-1, 0), (0, 1), (0, -1))
"""The four unit steps, in the order every walk takes them."""


def neighbours(cell: Cell) -> tuple[Cell, Cell, Cell, Cell]:
    """The four cells sharing an edge with `cell`, in `STEPS` order, on the map or not."""
    x, y = cell
    return (x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)


def neighbours_within(cell: Cell, width: int, height: int) -> list[Cell]:
    """The neighbours of `cell` that lie on a `width` x `height` map, in `STEPS` order."""
    return [(x, y) for x, y in neighbours(cell) if 0 <= x < width and 0 <= y < height]


def flood(starts: Iterable[Cell], passable: Callable[[Cell], bool]) -> set[Cell]:
    """The starts and every cell reached from them by steps onto passable cells."""
    seen = set(starts)
    queue = deque(seen)
    while queue:
        for nxt in neighbours(queue.popleft()):
            if nxt not in seen and passable(nxt):
                seen.add(nxt)
                queue.append(nxt)
    return seen


def reaches(
    starts: Iterable[Cell], passable: Callable[[Cell], bool], goals: Container[Cell]
) -> bool:
    """Whether a fill from `starts` over passable cells comes to a goal (stops at the first)."""
    seen = set(starts)
    queue = deque(seen)
    while queue:
        cell = queue.popleft()
        if cell in goals:
            return True
        for nxt in neighbours(cell):
            if nxt not in seen and passable(nxt):
                seen.add(nxt)
                queue.append(nxt)
    return False


def component_labels(open_cells: Sequence[int], width: int, height: int) -> list[int]:
    """Each cell's connected component over the open cells of a row-major map: 1, 2, ... in
    the order of each component's first cell, 0 for a closed cell."""
    labels = [0] * (width * height)
    label = 0
    for start in range(width * height):
        if not open_cells[start] or labels[start]:
            continue
        label += 1
        labels[start] = label
        queue = deque([start])
        while queue:
            index = queue.popleft()
            for nx, ny in neighbours_within((index % width, index // width), width, height):
                nxt = ny * width + nx
                if open_cells[nxt] and not labels[nxt]:
                    labels[nxt] = label
                    queue.append(nxt)
    return labels
