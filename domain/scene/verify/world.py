"""The verifier's own view of a finished layout: cells, extents, walkable ground."""

from domain.scene import catalog
from domain.scene import relation_rules as rules
from domain.scene.grid_walks import component_labels
from domain.scene.model import KindSpec, PlacedNode
from domain.scene.shapes import Cell, footprint_cells, wall_cells

Rect = tuple[int, int, int, int]


class World:
    """Read-only geometry of placed nodes, computed lazily and cached."""

    def __init__(self, nodes: tuple[PlacedNode, ...], width: int, height: int, scene: str) -> None:
        self.width, self.height, self.scene = width, height, scene
        style = catalog.SCENE_BY_NAME.get(scene)
        self.indoor = style is not None and style.indoor
        self.nodes = {node.id: node for node in nodes}
        self.ordered = nodes
        self.hosts = frozenset(node.parent for node in nodes if node.parent is not None)
        self._cells: dict[str, list[Cell]] = {}
        self._sets: dict[str, frozenset[Cell]] = {}
        self._extent: dict[tuple[str, bool], dict[int, tuple[int, int]]] = {}
        self._walk: dict[str | None, list[int]] = {}
        self._water: bytearray | None = None
        self._solid: bytearray | None = None
        self._index: dict[str, dict[Cell, int]] = {}

    def kind(self, node_id: str) -> KindSpec:
        return catalog.kind_spec(self.nodes[node_id].kind)

    def rect(self, node_id: str) -> Rect:
        node = self.nodes[node_id]
        return node.x, node.y, node.width, node.height

    def is_path(self, node_id: str) -> bool:
        return self.nodes[node_id].path is not None

    def cells(self, node_id: str) -> list[Cell]:
        found = self._cells.get(node_id)
        if found is None:
            node = self.nodes[node_id]
            if node.path is not None:
                found = [(x, y) for x, y in node.path]
            else:
                found = footprint_cells(
                    node.x, node.y, node.width, node.height, self.kind(node_id).round
                )
            self._cells[node_id] = found
        return found

    def cell_set(self, node_id: str) -> frozenset[Cell]:
        found = self._sets.get(node_id)
        if found is None:
            found = frozenset(self.cells(node_id))
            self._sets[node_id] = found
        return found

    def interior_cells(self, node_id: str) -> frozenset[Cell]:
        """Where a child of this node may stand."""
        x, y, w, h = self.rect(node_id)
        if self.walled(node_id):
            return frozenset((x + i, y + j) for j in range(1, h - 1) for i in range(1, w - 1))
        return self.cell_set(node_id)

    def interior_rect(self, node_id: str) -> Rect:
        x, y, w, h = self.rect(node_id)
        if self.walled(node_id):
            return x + 1, y + 1, w - 2, h - 2
        return x, y, w, h

    def walled(self, node_id: str) -> bool:
        """A walled container drawn with walls: it holds something, or is a dungeon room."""
        node = self.nodes[node_id]
        kind = self.kind(node_id)
        holds = node_id in self.hosts or kind.shape == "room"
        return kind.container == "walled" and holds and node.width > 2 and node.height > 2

    def extent(self, node_id: str, by_column: bool) -> dict[int, tuple[int, int]]:
        """Per column (or row): the lowest and highest covered row (or column)."""
        key = (node_id, by_column)
        found = self._extent.get(key)
        if found is None:
            found = {}
            for cx, cy in self.cells(node_id):
                line, value = (cx, cy) if by_column else (cy, cx)
                low, high = found.get(line, (value, value))
                found[line] = (min(low, value), max(high, value))
            self._extent[key] = found
        return found

    def distance(self, a: str, b: str, limit: int) -> int:
        """Smallest Chebyshev distance between the two footprints (0 = overlap), capped."""
        ax, ay, aw, ah = self.rect(a)
        bx, by, bw, bh = self.rect(b)
        box = max(0, bx - (ax + aw - 1), ax - (bx + bw - 1), by - (ay + ah - 1), ay - (by + bh - 1))
        if box > limit:
            return limit + 1
        if (
            not self.is_path(a)
            and not self.is_path(b)
            and not self._round(a)
            and not self._round(b)
        ):
            return box
        small, large = (a, b) if len(self.cells(a)) <= len(self.cells(b)) else (b, a)
        others = self.cell_set(large)
        best = limit + 1
        for cx, cy in self.cells(small):
            for reach in range(0, min(best, limit + 1)):
                if _ring_hit(others, cx, cy, reach):
                    best = reach
                    break
            if best == 0:
                break
        return best

    def path_index(self, node_id: str) -> dict[Cell, int]:
        """Each cell of a path with the first position it has along the path."""
        found = self._index.get(node_id)
        if found is None:
            found = rules.first_index(self.cells(node_id))
            self._index[node_id] = found
        return found

    def water(self) -> bytearray:
        """1 on water: a sea place, water nodes, less islands (lakes on islands stay water)."""
        if self._water is None:
            style = catalog.SCENE_BY_NAME.get(self.scene, catalog.SCENE_BY_NAME["village"])
            grid = bytearray([style.terrain == "sea"]) * (self.width * self.height)
            land: list[PlacedNode] = []
            wet_on_land: list[PlacedNode] = []
            for node in self.ordered:
                kind = catalog.kind_spec(node.kind)
                if kind.name == "island":
                    land.append(node)
                elif kind.water and self._on_island(node):
                    wet_on_land.append(node)
                elif kind.water:
                    self._paint(grid, self.cells(node.id), 1)
            for node in land:
                self._paint(grid, self.cells(node.id), 0)
            for node in wet_on_land:
                self._paint(grid, self.cells(node.id), 1)
            self._water = grid
        return self._water

    def _on_island(self, node: PlacedNode) -> bool:
        up, depth = node.parent, 0
        while up is not None and up in self.nodes and depth < 64:
            if self.nodes[up].kind == "island":
                return True
            up, depth = self.nodes[up].parent, depth + 1
        return False

    def is_water(self, cell: Cell) -> bool:
        x, y = cell
        return (
            0 <= x < self.width and 0 <= y < self.height and self.water()[y * self.width + x] == 1
        )

    def solid(self) -> bytearray:
        """1 where a solid thing stands (a walled container: its walls; areas never)."""
        if self._solid is None:
            grid = bytearray(self.width * self.height)
            for node in self.ordered:
                kind = catalog.kind_spec(node.kind)
                if not kind.solid or (node.path is None and kind.shape == "area"):
                    continue
                if self.walled(node.id):
                    x, y, w, h = self.rect(node.id)
                    self._paint(grid, wall_cells((x, y, w, h)), 1)
                else:
                    self._paint(grid, self.cells(node.id), 1)
            self._solid = grid
        return self._solid

    def _paint(self, grid: bytearray, cells: list[Cell], value: int) -> None:
        width, height = self.width, self.height
        for cx, cy in cells:
            if 0 <= cx < width and 0 <= cy < height:
                grid[cy * width + cx] = value

    def _round(self, node_id: str) -> bool:
        node = self.nodes[node_id]
        return self.kind(node_id).round and node.width >= 3 and node.height >= 3

    def walk_labels(self, network: str | None) -> list[int]:
        """Connected components (4-neighbour) of walkable cells; 0 where not walkable."""
        found = self._walk.get(network)
        if found is None:
            found = component_labels(self._walkable(network), self.width, self.height)
            self._walk[network] = found
        return found

    def _walkable(self, network: str | None) -> bytearray:
        width = self.width
        style = catalog.SCENE_BY_NAME.get(self.scene, catalog.SCENE_BY_NAME["village"])
        base = 1 if network is None and style.terrain_walkable else 0
        grid = bytearray([base]) * (width * self.height)

        def paint(cells: list[Cell] | frozenset[Cell], value: int) -> None:
            for cx, cy in cells:
                if 0 <= cx < width and 0 <= cy < self.height:
                    grid[cy * width + cx] = value

        nodes = self.ordered
        for stage in range(6):
            for node in nodes:
                kind = catalog.kind_spec(node.kind)
                walled = self.walled(node.id)
                if _stage(kind, node, walled) != stage:
                    continue
                if network is not None:
                    if kind.name in (network, "door", "bridge") or walled:
                        paint(
                            self.interior_cells(node.id) if stage == 1 else self.cells(node.id), 1
                        )
                    continue
                if stage == 1:
                    paint(self.cells(node.id), 0)
                    paint(self.interior_cells(node.id), 1)
                else:
                    paint(self.cells(node.id), 1 if kind.walkable else 0)
        for node in nodes:
            paint(self.unbridged(node.id), 0)
        return grid

    def unbridged(self, node_id: str) -> list[Cell]:
        """Cells where a walkable path (a road) lies on water with no bridge over it."""
        node = self.nodes[node_id]
        kind = self.kind(node_id)
        if node.path is None or not kind.walkable or kind.water or kind.name == "bridge":
            return []
        wet = [cell for cell in self.cells(node_id) if self.is_water(cell)]
        if not wet:
            return []
        bridged: set[Cell] = set()
        for other in self.ordered:
            if other.kind == "bridge":
                bridged |= self.cell_set(other.id)
        return [cell for cell in wet if cell not in bridged]


def _stage(kind: KindSpec, node: PlacedNode, walled: bool) -> int:
    """Painting order: areas, walled containers, blocking paths, walkable paths, boxes, doors."""
    if node.path is None and kind.shape == "area":
        return 0
    if walled:
        return 1
    if node.path is not None:
        return 3 if kind.walkable else 2
    if kind.name == "door":
        return 5
    return 4


def _ring_hit(cells: frozenset[Cell], cx: int, cy: int, reach: int) -> bool:
    if reach == 0:
        return (cx, cy) in cells
    for k in range(-reach, reach + 1):
        if (cx + k, cy - reach) in cells or (cx + k, cy + reach) in cells:
            return True
        if (cx - reach, cy + k) in cells or (cx + reach, cy + k) in cells:
            return True
    return False
