"""The occupancy grid: which cells are taken, by whom, and what lies on them."""

from array import array

from domain.scene.shapes import Cell, row_spans

FREE, WALK_PATH, WATER_PATH, BLOCK_PATH = 0, 1, 2, 3


class Grid:
    """Flat per-cell layers. Slices of these arrays are checked in C, which keeps placement fast.

    - `solid`: taken; nothing else may be placed there.
    - `struct`: taken by a structure (for the one-cell gap kept between buildings).
    - `water`: water (sea, lakes, rivers).
    - `owner`: the container a cell belongs to (0 = open ground), so only its children go there.
    - `paths`: the linear feature on a cell, for routing roads and corridors.
    """

    def __init__(self, width: int, height: int, water: bool) -> None:
        self.width, self.height = width, height
        size = width * height
        self.solid = bytearray(size)
        self.struct = bytearray(size)
        self.water = bytearray(b"\x01" * size) if water else bytearray(size)
        self.owner = array("H", bytes(2 * size))
        self.paths = bytearray(size)
        self.checks = 0  # footprints and row spans tested: part of the layout's effort

    def inside(self, x: int, y: int, w: int, h: int) -> bool:
        return x >= 0 and y >= 0 and x + w <= self.width and y + h <= self.height

    def fits(
        self,
        x: int,
        y: int,
        w: int,
        h: int,
        host: int,
        afloat: bool = False,
        halo: bool = False,
        round_shape: bool = False,
        water_hosts: frozenset[int] = frozenset(),
    ) -> bool:
        """Whether a footprint may go at (x, y) as a child of `host` (0 = top level)."""
        self.checks += 1
        if not self.inside(x, y, w, h):
            return False
        width, solid, water, owner = self.width, self.solid, self.water, self.owner
        for row, (first, count) in enumerate(row_spans(w, h, round_shape)):
            start = (y + row) * width + x + first
            end = start + count
            if 1 in solid[start:end]:
                return False
            if afloat:
                if water[start:end].count(1) != count:
                    return False
            elif 1 in water[start:end]:
                return False
            cells = owner[start:end]
            if cells.count(host) != count and not (
                afloat and all(o == host or o in water_hosts for o in cells)
            ):
                return False
        return not halo or not self._near_structure(x, y, w, h)

    def _near_structure(self, x: int, y: int, w: int, h: int) -> bool:
        x0, y0 = max(0, x - 1), max(0, y - 1)
        x1, y1 = min(self.width, x + w + 1), min(self.height, y + h + 1)
        struct, width = self.struct, self.width
        return any(1 in struct[row * width + x0 : row * width + x1] for row in range(y0, y1))

    def blocked_in_row(self, y: int, x0: int, x1: int) -> int:
        """The last solid column in [x0, x1) of row y, or -1."""
        self.checks += 1
        return self.solid.rfind(1, y * self.width + x0, y * self.width + x1) - y * self.width

    # --- marking -----------------------------------------------------------------------
    def mark_cells(self, cells: list[Cell], *, solid: bool, struct: bool = False) -> None:
        width = self.width
        for cx, cy in cells:
            index = cy * width + cx
            if solid:
                self.solid[index] = 1
            if struct:
                self.struct[index] = 1

    def unmark_cells(self, cells: list[Cell]) -> None:
        width = self.width
        for cx, cy in cells:
            index = cy * width + cx
            self.solid[index] = 0
            self.struct[index] = 0

    def claim(self, cells: list[Cell], owner: int) -> None:
        width = self.width
        for cx, cy in cells:
            self.owner[cy * width + cx] = owner

    def set_water(self, cells: list[Cell], value: int) -> None:
        width = self.width
        for cx, cy in cells:
            self.water[cy * width + cx] = value

    def set_paths(self, cells: list[Cell], value: int) -> None:
        width = self.width
        for cx, cy in cells:
            self.paths[cy * width + cx] = value

    def is_solid(self, cell: Cell) -> bool:
        return self.solid[cell[1] * self.width + cell[0]] == 1

    def is_water(self, cell: Cell) -> bool:
        return self.water[cell[1] * self.width + cell[0]] == 1

    def owner_of(self, cell: Cell) -> int:
        return self.owner[cell[1] * self.width + cell[0]]

    def path_of(self, cell: Cell) -> int:
        return self.paths[cell[1] * self.width + cell[0]]
