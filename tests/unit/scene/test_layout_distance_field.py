"""The placer's distance field equals a plain breadth-first search over the grid."""

from collections import deque

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.scene.layout.context import FIELD_RADIUS, chebyshev_field


def reference_field(cells: list[tuple[int, int]], width: int, height: int) -> bytearray:
    far = FIELD_RADIUS + 1
    dist = bytearray([far]) * (width * height)
    queue: deque[tuple[int, int]] = deque()
    for cx, cy in cells:
        if 0 <= cx < width and 0 <= cy < height and dist[cy * width + cx]:
            dist[cy * width + cx] = 0
            queue.append((cx, cy))
    while queue:
        cx, cy = queue.popleft()
        step = dist[cy * width + cx] + 1
        if step >= far:
            continue
        for ny in (cy - 1, cy, cy + 1):
            for nx in (cx - 1, cx, cx + 1):
                if 0 <= nx < width and 0 <= ny < height and dist[ny * width + nx] > step:
                    dist[ny * width + nx] = step
                    queue.append((nx, ny))
    return dist


@settings(max_examples=200, deadline=None)
@given(
    size=st.tuples(st.integers(1, 90), st.integers(1, 60)),
    cells=st.lists(st.tuples(st.integers(-3, 95), st.integers(-3, 65)), max_size=40),
)
def test_the_bitmask_field_equals_a_breadth_first_search(
    size: tuple[int, int], cells: list[tuple[int, int]]
) -> None:
    width, height = size
    assert chebyshev_field(cells, width, height) == reference_field(cells, width, height)
