"""The grid walks every stage shares: neighbours in a fixed order, fills and components."""

from domain.scene.grid_walks import (
    STEPS,
    component_labels,
    flood,
    neighbours,
    neighbours_within,
    reaches,
)


def test_neighbours_follow_the_step_order() -> None:
    assert neighbours((5, 7)) == tuple((5 + dx, 7 + dy) for dx, dy in STEPS)
    assert neighbours((5, 7)) == ((6, 7), (4, 7), (5, 8), (5, 6))


def test_neighbours_within_drop_cells_off_the_map() -> None:
    assert neighbours_within((0, 0), 3, 2) == [(1, 0), (0, 1)]
    assert neighbours_within((2, 1), 3, 2) == [(1, 1), (2, 0)]


def test_flood_stops_at_impassable_cells_and_keeps_its_starts() -> None:
    wall = {(2, y) for y in range(5)}
    inside = {(x, y) for x in range(5) for y in range(5)}
    filled = flood([(0, 0)], lambda cell: cell in inside and cell not in wall)
    assert filled == {(x, y) for x in range(2) for y in range(5)}
    assert flood([(9, 9)], lambda cell: False) == {(9, 9)}


def test_reaches_is_true_only_when_a_goal_is_connected() -> None:
    road = frozenset({(0, 0), (1, 0), (2, 0), (4, 0)})
    assert reaches({(0, 0)}, road.__contains__, {(2, 0)})
    assert not reaches({(0, 0)}, road.__contains__, {(4, 0)})


def test_components_are_numbered_in_order_of_their_first_cell() -> None:
    open_cells = bytearray([1, 0, 1, 1, 0, 1])  # 3 x 2: columns 0 and 2 open
    assert component_labels(open_cells, 3, 2) == [1, 0, 2, 1, 0, 2]
