"""Layout of scenes users described: an island amid a lake, a board on a wall faced by rows,
a single row of large things, people spread round a table, things along walls and on tables.
Each is checked from the coordinates over a few seeds."""

import pytest

from tests.unit.scene.patterns_support import by_id, cells, centre2, lay, request

SEEDS = range(4)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("island_size", ["tiny", "small", "medium", "large"])
def test_an_island_in_the_middle_of_a_lake_has_water_all_round(seed: int, island_size: str) -> None:
    req = request(
        "lake",
        [("lake-1", "lake", "huge"), ("island-1", "island", island_size), ("boat-1", "boat")],
        [
            ("island-1", "inside", ["lake-1"], None),
            ("island-1", "in_center", ["lake-1"], None),
            ("boat-1", "inside", ["lake-1"], None),
        ],
    )
    nodes = by_id(lay(req, seed))
    assert "island-1" in nodes
    lake, island = cells(nodes["lake-1"]), cells(nodes["island-1"])
    assert island < lake
    assert all(
        (x + dx, y + dy) in lake for x, y in island for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1))
    )
    lake_node = nodes["lake-1"]
    (lx, ly), (ix, iy) = centre2(lake_node), centre2(nodes["island-1"])
    assert abs(lx - ix) <= lake_node.width // 2 and abs(ly - iy) <= lake_node.height // 2
    assert cells(nodes["boat-1"]) <= lake - island
