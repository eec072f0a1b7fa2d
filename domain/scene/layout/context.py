"""The mutable state of one layout attempt (the occupancy): items, the grid, cached geometry."""

import random

from domain.scene import catalog
from domain.scene import relation_rules as rules
from domain.scene.effort import StopCheck, never_stop
from domain.scene.grid_walks import neighbours
from domain.scene.layout.grid import Grid
from domain.scene.layout.problem import Problem
from domain.scene.model import KindSpec, Place, RelationSpec, ThingSpec
from domain.scene.shapes import Cell, footprint_cells
from domain.scene.terms import Origin

FIELD_RADIUS = 12


class Geo:
    """A footprint as the placer sees it: a box, or a set of cells with per-row/column extents."""

    __slots__ = ("_rim", "cells", "cols", "h", "rows", "w", "x", "y")

    def __init__(self, x: int, y: int, w: int, h: int, cells: list[Cell] | None = None) -> None:
        self.x, self.y, self.w, self.h = x, y, w, h
        self.cells = cells
        self._rim: list[Cell] | None = None
        self.cols: dict[int, tuple[int, int]] | None = None
        self.rows: dict[int, tuple[int, int]] | None = None
        if cells is not None:
            cols: dict[int, tuple[int, int]] = {}
            rows: dict[int, tuple[int, int]] = {}
            for cx, cy in cells:
                low, high = cols.get(cx, (cy, cy))
                cols[cx] = (min(low, cy), max(high, cy))
                low, high = rows.get(cy, (cx, cx))
                rows[cy] = (min(low, cx), max(high, cx))
            self.cols, self.rows = cols, rows

    def rim(self) -> list[Cell]:
        """Cells on the outline (with a 4-neighbour outside): where to stand beside it."""
        if self._rim is None:
            own = set(self.cells or ())
            self._rim = [
                (x, y)
                for x, y in self.cells or ()
                if not all(near in own for near in neighbours((x, y)))
            ] or list(self.cells or ())
        return self._rim

    def col_range(self, col: int) -> tuple[int, int] | None:
        if self.cols is not None:
            return self.cols.get(col)
        return (self.y, self.y + self.h - 1) if self.x <= col < self.x + self.w else None

    def row_range(self, row: int) -> tuple[int, int] | None:
        if self.rows is not None:
            return self.rows.get(row)
        return (self.x, self.x + self.w - 1) if self.y <= row < self.y + self.h else None


class Item:
    """One thing being placed."""

    __slots__ = (
        "base_h",
        "base_w",
        "cells",
        "early",
        "h",
        "host",
        "hosts",
        "id",
        "index",
        "is_host",
        "kind",
        "origin",
        "path",
        "placed",
        "rotation",
        "size",
        "w",
        "word",
        "x",
        "y",
    )

    def __init__(self, index: int, spec: ThingSpec, kind: KindSpec, w: int, h: int) -> None:
        self.index = index
        self.id = spec.id
        self.kind = kind
        self.size = spec.size
        self.origin = spec.origin
        self.word = spec.word or kind.name
        self.base_w, self.base_h = w, h
        self.w, self.h = w, h
        self.x = self.y = 0
        self.rotation = 0
        self.placed = False
        self.host: Item | None = None
        self.hosts: list[Item] = []  # where it may go when no host is named
        self.is_host = False
        self.early = False  # placed with the structures: something there is arranged round it
        self.path: list[Cell] | None = None
        self.cells: list[Cell] = []  # cells marked on the grid, to undo

    @property
    def rect(self) -> tuple[int, int, int, int]:
        return self.x, self.y, self.w, self.h

    def footprint(self) -> list[Cell]:
        if self.path is not None:
            return list(self.path)
        return footprint_cells(self.x, self.y, self.w, self.h, self.kind.round)


CHECKS_PER_WORK = 8  # grid tests that cost about as much as one scored candidate


class Context:
    """One attempt's occupancy over the fixed `Problem`: where each item stands, the grid of
    taken cells, the relations indexed by thing, and caches of derived geometry.

    The problem's map size, place and relations are copied into plain attributes because the
    placer reads them in its innermost loops.
    """

    def __init__(
        self,
        problem: Problem,
        items: list[Item],
        rng: random.Random,
        should_stop: StopCheck = never_stop,
        work_limit: int = 1 << 62,
    ) -> None:
        self.problem = problem
        self.should_stop = should_stop
        # Past this much work the attempt places what is left the cheap way and routes no more
        # (see engine.EFFORT_LIMIT); `work` counts the units placing and routing spend.
        self.work_limit = work_limit
        self.out_of_effort: set[str] = set()  # ids left unplaced when the budget ran out
        self.shores: dict[int, list[tuple[Cell, Cell]]] = {}  # see standing._shore_pairs
        self.doors: set[Cell] = set()  # cells where a door stands
        self.asked_doors = [i for i in items if i.kind.name == "door" and i.origin != "auto"]
        self.width, self.height = problem.width, problem.height
        self.style: Place = problem.place
        self.grid = Grid(problem.width, problem.height, water=problem.place.terrain == "sea")
        if problem.rock:
            self.grid.mark_cells(list(problem.rock), solid=True, struct=True)
        self.items = items
        self.by_id = {item.id: item for item in items}
        self.relations: tuple[RelationSpec, ...] = problem.relations
        self.rng = rng
        self.rels_of: dict[str, list[RelationSpec]] = {}
        for relation in problem.relations:
            for thing_id in dict.fromkeys((relation.subject, *relation.objects)):
                self.rels_of.setdefault(thing_id, []).append(relation)
        self.rows_mates = rules.rows_mates(problem.relations)  # see pattern_penalty
        self.set_between = rules.set_between(problem.relations)
        self.held: dict[str, list[Item]] = {}  # a holder's id -> what it is asked to hold
        for item in items:
            if item.host is not None:
                self.held.setdefault(item.host.id, []).append(item)
        self.full: set[tuple[int, int, int, bool, bool, bool]] = set()
        self._geo: dict[str, Geo] = {}
        self._field: dict[str, bytearray] = {}
        self.reserved: list[Cell] = []
        self._numbers: dict[str, int] = {}
        self.work = 0  # candidate footprints scored: a deterministic measure of effort
        self.stacked: set[Cell] = set()  # cells taken by things standing on another thing
        self.standing: set[str] = set()  # ids of those things
        self.fixed: set[str] = set()  # placed by a pattern (a slot, a shore, a wall): kept there
        self.grouped: set[str] = set()  # ids whose group placement was already tried
        self.around_members: dict[str, list[str]] = {}  # centre id -> ids standing around it
        self.reach: dict[str, int] = {}  # centre id -> the gap `around` allows its group
        self._sets: dict[str, frozenset[Cell]] = {}
        self._index: dict[str, dict[Cell, int]] = {}

    @property
    def spent(self) -> int:
        """The work done so far: candidates scored, steps routed, footprints tested."""
        return self.work + self.grid.checks // CHECKS_PER_WORK

    @property
    def exhausted(self) -> bool:
        return self.spent >= self.work_limit

    def new_item(self, kind_name: str, origin: Origin) -> Item:
        """A thing the layout adds (a corridor, a bridge, a door, a tree), numbered on."""
        prefix = kind_name + "-"
        if kind_name not in self._numbers:
            taken = [int(i.id[len(prefix) :]) for i in self.items if i.id.startswith(prefix)]
            self._numbers[kind_name] = max(taken, default=0)
        self._numbers[kind_name] += 1
        spec = ThingSpec(id=f"{prefix}{self._numbers[kind_name]}", kind=kind_name, origin=origin)
        kind = catalog.kind_spec(kind_name)
        item = Item(len(self.items) + 1, spec, kind, kind.width, kind.height)
        self.items.append(item)
        self.by_id[item.id] = item
        return item

    def room_between(self, a: str, b: str) -> int:
        """The depth of what is asked to stand between two things (a coffee table on its rug
        between a couch and a tv): how much farther apart they may face each other."""
        between = self.set_between.get(frozenset((a, b)), ())
        items = [self.by_id[thing] for thing in between if thing in self.by_id]
        items += [i.host for i in items if i.host is not None and rules.lies_between(i.host.kind)]
        return max((min(item.base_w, item.base_h) for item in items), default=0)

    def geo(self, thing_id: str) -> Geo | None:
        item = self.by_id.get(thing_id)
        if item is None or not item.placed:
            return None
        cached = self._geo.get(thing_id)
        if cached is None:
            cells = None
            if item.path is not None or (item.kind.round and item.w >= 3 and item.h >= 3):
                cells = item.footprint()
            cached = Geo(item.x, item.y, item.w, item.h, cells)
            self._geo[thing_id] = cached
        return cached

    def forget(self, thing_id: str) -> None:
        self._geo.pop(thing_id, None)
        self._field.pop(thing_id, None)
        self._sets.pop(thing_id, None)
        self._index.pop(thing_id, None)

    def cell_set(self, thing_id: str) -> frozenset[Cell]:
        found = self._sets.get(thing_id)
        if found is None:
            found = frozenset(self.by_id[thing_id].footprint())
            self._sets[thing_id] = found
        return found

    def path_index(self, thing_id: str) -> dict[Cell, int]:
        """A path's cells with their first position along it (see relation_rules.path_side)."""
        found = self._index.get(thing_id)
        if found is None:
            found = rules.first_index(self.by_id[thing_id].footprint())
            self._index[thing_id] = found
        return found

    def field(self, thing_id: str) -> bytearray:
        """Chebyshev distance (capped) from every cell to the thing's cells; 0 on them."""
        cached = self._field.get(thing_id)
        if cached is not None:
            return cached
        dist = chebyshev_field(self.by_id[thing_id].footprint(), self.width, self.height)
        self._field[thing_id] = dist
        return dist


def chebyshev_field(cells: list[Cell], width: int, height: int) -> bytearray:
    """Distance (capped at FIELD_RADIUS + 1) from every cell to the nearest of `cells`.

    Each row is a bit mask; one step of distance is a dilation of the masks (shift left and
    right, then OR with the rows above and below), so the work per step is a few integer
    operations per row instead of nine neighbour checks per cell.
    """
    far = FIELD_RADIUS + 1
    dist = bytearray([far]) * (width * height)
    front = [0] * height
    for cx, cy in cells:
        if 0 <= cx < width and 0 <= cy < height:
            front[cy] |= 1 << cx
    covered = [0] * height
    full = (1 << width) - 1
    for step in range(far):
        grew = False
        for y in range(height):
            new = front[y] & ~covered[y]
            if new:
                grew = True
                covered[y] |= new
                base = y * width
                while new:
                    low = new & -new
                    dist[base + low.bit_length() - 1] = step
                    new ^= low
        if not grew or step == FIELD_RADIUS:
            break
        wide = [(m | (m << 1) | (m >> 1)) & full for m in front]
        last = height - 1
        front = [
            wide[y] | (wide[y - 1] if y else 0) | (wide[y + 1] if y < last else 0)
            for y in range(height)
        ]
    return dist
