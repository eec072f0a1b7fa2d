"""An independent checker for the scene-quality corpus: pure geometry on a scene graph.

It reads only the graph's nodes (kind, layer, transform, path, nesting), its `theme`, its
`bounds` and its `warnings`. It never reads the graph's `relations` list nor any
`satisfied` flag, and imports nothing from `domain/`: what the user asked for is written
in the corpus (`corpus.py`), and it is measured here from coordinates.

Coordinates: grid cells, absolute (children too); a footprint is the box
[x, x+width) x [y, y+height); its centre is (x + width/2, y + height/2); x grows east and
y grows south, so north is the smaller y. A node with a `path` has that list of cells as
its shape (a linear feature); any other node has its box (areas such as lakes use their
box, not their drawn ellipse).

Distances: the gap between two shapes is the number of free cells between them
(Chebyshev, over the closest pair of boxes/cells): touching or overlapping = 0.

Geometry of each predicate (S = a subject node, O = an object node, F = the frame, i.e.
O's box when an object is given, else the map):
- north_of/south_of/east_of/west_of (above/below/left_of/right_of alike): S's centre is
  beyond O's edge on that side (for a path O: beyond every cell of O in S's columns/rows,
  or the nearest ones when none are there).
- in_region (argument north/south/east/west/center or e.g. northeast): S's centre lies in
  the outer 40% of F on that side (both sides for a diagonal); `center` as in_center.
- in_center: S's centre is within max(F/6, 1.5) cells of F's centre on each axis.
- in_corner (argument e.g. northeast, or None = any corner): S's box lies within
  max(2, 15% of F) cells of that corner of F on each axis; with no object, F may be the map
  or any container S is nested in.
- each_corner (group): each of F's four corners has some S within the in_corner distance
  (with no object, F is the map or a container some S is nested in).
- against_wall (argument side or None = any side): S overlaps the wall's band, the wall
  row/column of F and the one on either side of it, and spans part of that wall; with no
  object, F may be the map or any container S is nested in.
- next_to: gap <= 1.  near: gap <= 4.  far_from: gap >= a quarter of the map's longer side
  from EVERY object node (the others hold for SOME object node).
- inside: S's box lies within O's box.  on: S and O share at least one cell.
- between (object = first kind, argument = second kind): S's centre projects strictly
  inside the segment joining the centres of some A and some B (A != B) and lies within
  max(2.5, |AB|/3) cells of it.
- along: gap <= 2 (a path S: at least half of its cells within 2 cells of O).
- facing: S's centre lies in the band straight out from a side of O (O's width or height,
  widened by half of it on each end) and S does not touch O.
- opposite (and across_from without argument): S and O are on opposite sides of the map's
  centre along the axis where they are farther apart, at least a third of the map apart.
- across_from (argument = a third kind A): S and some A lie on opposite sides of O's line
  (a path O), or O's centre lies between S and A by the `between` rule (a box O).
- at_head_of: S is beyond a short end of O (the end of O's longer axis; either axis for a
  square O), within O's span on the other axis (+0.5), and gap <= 1.
- connected (object = connector kinds, default roads/corridors; argument = a target kind
  or None): in the graph of subjects, targets, connectors, bridges, doors and stairs, with
  an edge when two shapes are within 1 cell, every S reaches some target (no argument: all
  S are in one component).
- crosses with argument "north-south"/"east-west": S's cells come within 1 cell of both
  named map edges; with an object: the cells of all S lie on both sides of O's line.
- bridged: every cell shared by S and an O (water) is also a cell of some bridge.
- joined (a pier joined to the shore): with an object, gap <= 1 to O; without, S's box
  plus a one-cell ring holds both a water cell (covered by a water node, or base sea of an
  island scene not covered by land) and a land cell.
- around (group): all S (quantifier "any": the S) within 6 cells of O cover at least 3 of
  O's 4 sides (a centre, or a path cell, beyond that edge of O's box; one inside O's box,
  e.g. by a round pond's rim, counts for the side it lies towards from O's centre, scaled
  by O's half sizes, unless within the middle half); an area S containing O's box
  surrounds it.
- both_sides (group): S within 6 cells of O lie on both sides of O's line (a path O: the
  side of its local line; a box O: beyond opposite edges); "all" also needs every S within
  those 6 cells.
- in_rows (group; argument = number of rows or None): S's centres fall into groups of
  equal y (within 0.5), each of at least 2, no more groups than half the S; or the same
  with x (columns).  in_grid: rows in y and columns in x at once.
Group predicates ignore "all"/"any" except where said; quantifier "none" negates a group.
The side of a path's line: the path runs mostly east-west (or north-south); at S's column
(row) the line is the mean of the path's cells there, and S is on one side of it by more
than half the path's thickness there.

Implicitly for every case, NoOverlap: solid boxes (layer structure/object, no path, kind
not flat such as a rug, door or trap) never share a cell, except a node with one of its
ancestors, a node wholly inside a room (or inside any node spanning 3/4 of the map: the
shell of an interior), and pairs a case asks for with `on` or `inside`.
"""

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

Kinds = str | tuple[str, ...]
Rect = tuple[int, int, int, int]  # x, y, width, height
Cell = tuple[int, int]

NEAR = 4
ALONG = 2
GROUP_REACH = 6
REGION_SHARE = 0.4

CAUSES = (
    "reading",
    "counts",
    "honesty",
    "negation",
    "interiors",
    "patterns",
    "vocabulary",
    "grounds",
    "modern",
    "typos",
    "contradictions",
    "basics",
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Kinds that lie flat (things may stand on them): they never count as overlapping.
FLAT_KINDS = _words(
    "rug carpet mat door gate stairs trap trapdoor treasure flower mushroom pier dock jetty "
    "bridge road street corridor path puddle grave tombstone hay rails track"
)
# Kinds that are floors: something wholly within one stands in it, not on top of it.
FLOOR_KINDS = _words("room hall chamber cell")
WATER_KINDS = _words("sea ocean lake pond river stream water moat oasis")
LAND_KINDS = _words("island beach sand shore")
WATER_BASE_THEMES = frozenset({"island", "sea", "ocean"})
CONNECTOR_KINDS = ("road", "street", "corridor", "path", "tunnel")
LINKS = ("bridge", "door", "stairs")
SIDES = ("north", "south", "east", "west")

PER_SUBJECT = _words(
    "north_of south_of east_of west_of above below left_of right_of in_region in_center "
    "in_corner against_wall next_to near far_from inside on between along facing opposite "
    "across_from at_head_of connected bridged joined"
)
GROUP = _words("around each_corner both_sides in_rows in_grid")
PREDICATES = PER_SUBJECT | GROUP | {"crosses"}
NEEDS_OBJECT = _words(
    "north_of south_of east_of west_of above below left_of right_of next_to near far_from "
    "inside on between along facing across_from at_head_of bridged around both_sides "
    "opposite"
)


# --- expectations ---------------------------------------------------------------------


@dataclass(frozen=True)
class Count:
    """Number of nodes of that kind (or any of those kinds; "*" = any kind) in the tree."""

    kind: Kinds
    exactly: int | None = None
    at_least: int | None = None
    at_most: int | None = None


@dataclass(frozen=True)
class Absent:
    kind: Kinds


@dataclass(frozen=True)
class Place:
    """The graph's `theme` is one of these names."""

    names: Kinds


@dataclass(frozen=True)
class Ground:
    """The ground asked for shows: the theme, or some terrain node's kind, is one of these."""

    names: Kinds


@dataclass(frozen=True)
class Interior:
    """The map is the inside: no node of these kinds is drawn smaller than 3/4 of the map."""

    kinds: Kinds


@dataclass(frozen=True)
class Rel:
    """A relation measured from coordinates; quantifier all | any | none over subjects."""

    subject_kind: Kinds
    predicate: str
    object_kind: Kinds | None = None
    argument: str | None = None
    quantifier: str = "all"

    def __post_init__(self) -> None:
        if self.predicate not in PREDICATES:
            raise ValueError(f"unknown predicate {self.predicate!r}")
        if self.quantifier not in ("all", "any", "none"):
            raise ValueError(f"unknown quantifier {self.quantifier!r}")
        if self.predicate in NEEDS_OBJECT and self.object_kind is None:
            raise ValueError(f"{self.predicate} needs an object kind")
        if self.predicate == "between" and self.argument is None:
            raise ValueError("between needs the second kind as its argument")
        if self.predicate in ("in_region", "crosses") and not (self.argument or self.object_kind):
            raise ValueError(f"{self.predicate} needs an argument")
        if self.predicate == "in_region" and self.argument is None:
            raise ValueError("in_region needs a side as its argument")


@dataclass(frozen=True)
class Warns:
    """Some warning matches the regex (case-insensitive); at most `at_most` of them do."""

    pattern: str
    at_most: int | None = None


@dataclass(frozen=True)
class NoWarning:
    pattern: str


@dataclass(frozen=True)
class NoOverlap:
    """Solid boxes do not share cells (checked for every case anyway)."""


Expectation = Count | Absent | Place | Ground | Interior | Rel | Warns | NoWarning | NoOverlap


@dataclass(frozen=True)
class Case:
    id: str
    prompt: str
    cause: str
    expect: tuple[Expectation, ...]
    width: int = 48
    height: int = 24

    def __post_init__(self) -> None:
        if self.cause not in CAUSES:
            raise ValueError(f"{self.id}: unknown cause {self.cause!r}")


# --- the graph, flattened -------------------------------------------------------------


@dataclass(frozen=True)
class Thing:
    id: str
    kind: str
    layer: str
    x: int
    y: int
    w: int
    h: int
    path: tuple[Cell, ...] | None
    ancestors: tuple[str, ...]
    has_children: bool
    rects: tuple[Rect, ...] = field(default=(), compare=False)

    @property
    def box(self) -> Rect:
        return (self.x, self.y, self.w, self.h)

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def cells(self) -> set[Cell]:
        if self.path is not None:
            return set(self.path)
        return {(self.x + i, self.y + j) for j in range(self.h) for i in range(self.w)}

    def at(self) -> str:
        return f"{self.id} at ({self.x},{self.y}) {self.w}x{self.h}"


def _kinds(kind: Kinds) -> tuple[str, ...]:
    return (kind,) if isinstance(kind, str) else kind


def _name(kind: Kinds) -> str:
    return "/".join(_kinds(kind))


def flatten(graph: dict[str, Any]) -> list[Thing]:
    """Every node of the tree (root excluded), parents before children."""
    out: list[Thing] = []

    def visit(node: dict[str, Any], above: tuple[str, ...]) -> None:
        t = node["transform"]
        raw_path = node.get("path")
        path = tuple((int(c[0]), int(c[1])) for c in raw_path) if raw_path else None
        box = (int(t["x"]), int(t["y"]), max(1, int(t["width"])), max(1, int(t["height"])))
        rects = tuple((cx, cy, 1, 1) for cx, cy in path) if path else (box,)
        out.append(
            Thing(
                id=str(node["id"]),
                kind=str(node["kind"]),
                layer=str(node.get("layer", "")),
                x=box[0],
                y=box[1],
                w=box[2],
                h=box[3],
                path=path,
                ancestors=above,
                has_children=bool(node.get("children")),
                rects=rects,
            )
        )
        for child in node.get("children", ()):
            visit(child, (*above, str(node["id"])))

    for child in graph["root"]["children"]:
        visit(child, ())
    return out


@dataclass
class World:
    things: list[Thing]
    width: int
    height: int
    theme: str
    warnings: list[str]
    by_id: dict[str, Thing]

    @classmethod
    def of(cls, graph: dict[str, Any]) -> "World":
        things = flatten(graph)
        return cls(
            things=things,
            width=int(graph["bounds"]["width"]),
            height=int(graph["bounds"]["height"]),
            theme=str(graph.get("theme", "")),
            warnings=[str(w) for w in graph.get("warnings", ())],
            by_id={t.id: t for t in things},
        )

    def of_kind(self, kind: Kinds) -> list[Thing]:
        names = _kinds(kind)
        if "*" in names:
            return list(self.things)
        return [t for t in self.things if t.kind in names]

    @property
    def frame(self) -> Rect:
        return (0, 0, self.width, self.height)

    def frames_of(self, s: Thing) -> list[Rect]:
        """The map and every container S is nested in (for walls and corners)."""
        return [self.frame] + [self.by_id[a].box for a in s.ancestors if a in self.by_id]


# --- geometry -------------------------------------------------------------------------


def rect_gap(a: Rect, b: Rect) -> int:
    dx = max(0, b[0] - (a[0] + a[2]), a[0] - (b[0] + b[2]))
    dy = max(0, b[1] - (a[1] + a[3]), a[1] - (b[1] + b[3]))
    return max(dx, dy)


def gap(a: Thing, b: Thing) -> int:
    if a.path is None and b.path is None:
        return rect_gap(a.box, b.box)
    best = 10**9
    for ra in a.rects:
        if rect_gap(ra, b.box) >= best:
            continue
        for rb in b.rects:
            g = rect_gap(ra, rb)
            if g < best:
                best = g
                if best == 0:
                    return 0
    return best


def _within(a: Thing, b: Thing, k: int) -> bool:
    return rect_gap(a.box, b.box) <= k and gap(a, b) <= k


def shares_cell(a: Thing, b: Thing) -> bool:
    if rect_gap(a.box, b.box) > 0:
        return False
    return bool(a.cells() & b.cells())


def contains(outer: Rect, inner: Rect) -> bool:
    return (
        inner[0] >= outer[0]
        and inner[1] >= outer[1]
        and inner[0] + inner[2] <= outer[0] + outer[2]
        and inner[1] + inner[3] <= outer[1] + outer[3]
    )


def _cells_near_axis(path: Sequence[Cell], axis: int, lo: int, hi: int) -> list[Cell]:
    """Path cells whose coordinate on `axis` lies in [lo, hi], else the nearest ones."""
    inside = [c for c in path if lo <= c[axis] <= hi]
    if inside:
        return inside
    dist = min(min(abs(c[axis] - lo), abs(c[axis] - hi)) for c in path)
    return [c for c in path if min(abs(c[axis] - lo), abs(c[axis] - hi)) == dist]


def direction_of(s: Thing, o: Thing, side: str) -> bool:
    cx, cy = s.centre
    if o.path:
        if side in ("north", "south"):
            cells = _cells_near_axis(o.path, 0, s.x, s.x + s.w - 1)
            return (
                cy <= min(c[1] for c in cells)
                if side == "north"
                else cy >= max(c[1] for c in cells) + 1
            )
        cells = _cells_near_axis(o.path, 1, s.y, s.y + s.h - 1)
        return (
            cx <= min(c[0] for c in cells) if side == "west" else cx >= max(c[0] for c in cells) + 1
        )
    return {
        "north": cy <= o.y,
        "south": cy >= o.y + o.h,
        "west": cx <= o.x,
        "east": cx >= o.x + o.w,
    }[side]


def _sides(argument: str) -> list[str]:
    word = argument.lower().replace("-", "").replace(" ", "")
    return [side for side in SIDES if side in word]


def in_center(s: Thing, frame: Rect) -> bool:
    cx, cy = s.centre
    fx, fy, fw, fh = frame
    return abs(cx - (fx + fw / 2)) <= max(fw / 6, 1.5) and abs(cy - (fy + fh / 2)) <= max(
        fh / 6, 1.5
    )


def in_region(s: Thing, frame: Rect, argument: str) -> bool:
    if argument.lower() in ("center", "centre", "middle"):
        return in_center(s, frame)
    cx, cy = s.centre
    fx, fy, fw, fh = frame
    tests = {
        "north": cy <= fy + REGION_SHARE * fh,
        "south": cy >= fy + (1 - REGION_SHARE) * fh,
        "west": cx <= fx + REGION_SHARE * fw,
        "east": cx >= fx + (1 - REGION_SHARE) * fw,
    }
    sides = _sides(argument)
    return bool(sides) and all(tests[side] for side in sides)


def _corners(frame: Rect) -> dict[str, tuple[int, int]]:
    fx, fy, fw, fh = frame
    return {
        "northwest": (fx, fy),
        "northeast": (fx + fw, fy),
        "southwest": (fx, fy + fh),
        "southeast": (fx + fw, fy + fh),
    }


def near_corner(s: Thing, frame: Rect, corner: str) -> bool:
    px, py = _corners(frame)[corner]
    tx, ty = max(2.0, 0.15 * frame[2]), max(2.0, 0.15 * frame[3])
    dx = max(0, s.x - px, px - (s.x + s.w))
    dy = max(0, s.y - py, py - (s.y + s.h))
    return dx <= tx and dy <= ty


def _corner_names(argument: str | None) -> list[str]:
    if argument is None:
        return list(_corners((0, 0, 1, 1)))
    sides = _sides(argument)
    return [name for name in _corners((0, 0, 1, 1)) if all(side in name for side in sides)]


def against_wall(s: Thing, frame: Rect, side: str) -> bool:
    fx, fy, fw, fh = frame
    if side in ("north", "south"):
        if s.x >= fx + fw or s.x + s.w <= fx:
            return False
        wall = fy if side == "north" else fy + fh - 1
        return s.y <= wall + 1 and s.y + s.h - 1 >= wall - 1
    if s.y >= fy + fh or s.y + s.h <= fy:
        return False
    wall = fx if side == "west" else fx + fw - 1
    return s.x <= wall + 1 and s.x + s.w - 1 >= wall - 1


def between(s: Thing, a: Thing, b: Thing) -> bool:
    (px, py), (ax, ay), (bx, by) = s.centre, a.centre, b.centre
    vx, vy = bx - ax, by - ay
    length2 = vx * vx + vy * vy
    if length2 == 0:
        return False
    t = ((px - ax) * vx + (py - ay) * vy) / length2
    if not 0 < t < 1:
        return False
    dist = abs((px - ax) * vy - (py - ay) * vx) / math.sqrt(length2)
    return dist <= max(2.5, math.sqrt(length2) / 3)


def line_side(path: Sequence[Cell], px: float, py: float) -> int:
    """-1 north/west of the path's line, +1 south/east, 0 on it."""
    xs = [c[0] for c in path]
    ys = [c[1] for c in path]
    horizontal = max(xs) - min(xs) >= max(ys) - min(ys)
    if horizontal:
        col = math.floor(px)
        cells = _cells_near_axis(path, 0, col, col)
        values = [c[1] for c in cells]
        offset = py - (sum(values) / len(values) + 0.5)
    else:
        row = math.floor(py)
        cells = _cells_near_axis(path, 1, row, row)
        values = [c[0] for c in cells]
        offset = px - (sum(values) / len(values) + 0.5)
    half = (max(values) - min(values) + 1) / 2
    if abs(offset) <= half:
        return 0
    return -1 if offset < 0 else 1


def box_side(o: Thing, px: float, py: float) -> set[str]:
    """The sides of O's box a point lies beyond (none when inside it)."""
    out = set()
    if py < o.y:
        out.add("north")
    if py > o.y + o.h:
        out.add("south")
    if px < o.x:
        out.add("west")
    if px > o.x + o.w:
        out.add("east")
    return out


def side_around(o: Thing, px: float, py: float) -> set[str]:
    """Sides for `around`: beyond O's box, or by direction for a point inside it."""
    out = box_side(o, px, py)
    if out:
        return out
    ox, oy = o.centre
    dx, dy = (px - ox) / (o.w / 2), (py - oy) / (o.h / 2)
    if max(abs(dx), abs(dy)) < 0.5:
        return set()
    if abs(dx) >= abs(dy):
        return {"east" if dx > 0 else "west"}
    return {"south" if dy > 0 else "north"}


def facing(s: Thing, o: Thing) -> bool:
    if gap(s, o) < 1:
        return False
    cx, cy = s.centre
    in_x_band = o.x - o.w / 2 <= cx <= o.x + 1.5 * o.w
    in_y_band = o.y - o.h / 2 <= cy <= o.y + 1.5 * o.h
    apart_y = s.y >= o.y + o.h or s.y + s.h <= o.y
    apart_x = s.x >= o.x + o.w or s.x + s.w <= o.x
    return (in_x_band and apart_y) or (in_y_band and apart_x)


def opposite(s: Thing, o: Thing, frame: Rect) -> bool:
    (sx, sy), (ox, oy) = s.centre, o.centre
    fx, fy, fw, fh = frame
    if abs(sx - ox) / fw >= abs(sy - oy) / fh:
        mid = fx + fw / 2
        return (sx - mid) * (ox - mid) < 0 and abs(sx - ox) >= fw / 3
    mid = fy + fh / 2
    return (sy - mid) * (oy - mid) < 0 and abs(sy - oy) >= fh / 3


def across_from(s: Thing, o: Thing, a: Thing) -> bool:
    if o.path:
        side_s = line_side(o.path, *s.centre)
        side_a = line_side(o.path, *a.centre)
        return side_s != 0 and side_a != 0 and side_s != side_a
    return between(o, s, a)


def at_head_of(s: Thing, o: Thing) -> bool:
    if gap(s, o) > 1:
        return False
    cx, cy = s.centre
    ok = False
    if o.w >= o.h:  # long axis x: heads are west and east
        ok |= (cx < o.x or cx > o.x + o.w) and o.y - 0.5 <= cy <= o.y + o.h + 0.5
    if o.h >= o.w:
        ok |= (cy < o.y or cy > o.y + o.h) and o.x - 0.5 <= cx <= o.x + o.w + 0.5
    return ok


def along(s: Thing, o: Thing) -> bool:
    if s.path:
        close = sum(1 for c in s.rects if rect_gap(c, o.box) <= ALONG and _cell_gap(c, o) <= ALONG)
        return close * 2 >= len(s.rects)
    return gap(s, o) <= ALONG


def _cell_gap(cell: Rect, o: Thing) -> int:
    return min(rect_gap(cell, r) for r in o.rects)


def crosses_edges(s: Thing, world: World, argument: str) -> bool:
    cells = s.cells()
    xs = [c[0] for c in cells]
    ys = [c[1] for c in cells]
    reach = {
        "north": min(ys) <= 1,
        "south": max(ys) >= world.height - 2,
        "west": min(xs) <= 1,
        "east": max(xs) >= world.width - 2,
    }
    sides = _sides(argument)
    return bool(sides) and all(reach[side] for side in sides)


def joined_to_shore(s: Thing, world: World) -> bool:
    water_cells: set[Cell] = set()
    land_cells: set[Cell] = set()
    for t in world.things:
        if t.kind in WATER_KINDS:
            water_cells |= t.cells()
        elif t.kind in LAND_KINDS:
            land_cells |= t.cells()
    base_water = world.theme in WATER_BASE_THEMES
    ring = {
        (x, y)
        for x in range(s.x - 1, s.x + s.w + 1)
        for y in range(s.y - 1, s.y + s.h + 1)
        if 0 <= x < world.width and 0 <= y < world.height
    }
    has_water = has_land = False
    for c in ring:
        water = c in water_cells or (base_water and c not in land_cells)
        has_water |= water
        has_land |= not water
    return has_water and has_land


def bridged(s: Thing, o: Thing, world: World) -> bool:
    shared = s.cells() & o.cells()
    if not shared:
        return True
    covered: set[Cell] = set()
    for t in world.of_kind("bridge"):
        covered |= t.cells()
    return shared <= covered


def components(nodes: Sequence[Thing]) -> dict[str, int]:
    parent = list(range(len(nodes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(nodes)):
        for j in range(i + 1, len(nodes)):
            if find(i) != find(j) and _within(nodes[i], nodes[j], 1):
                parent[find(i)] = find(j)
    return {node.id: find(i) for i, node in enumerate(nodes)}


def _rows_ok(values: list[float], n_rows: int | None) -> bool:
    values = sorted(values)
    groups: list[list[float]] = []
    for v in values:
        if groups and v - groups[-1][-1] <= 0.5:
            groups[-1].append(v)
        else:
            groups.append([v])
    if any(len(g) < 2 for g in groups) or len(groups) * 2 > len(values):
        return False
    return n_rows is None or len(groups) == n_rows


def in_rows(subjects: Sequence[Thing], argument: str | None, grid: bool = False) -> bool:
    n_rows = int(argument) if argument and argument.isdigit() else None
    if len(subjects) < 2:
        return False
    ys = [s.centre[1] for s in subjects]
    xs = [s.centre[0] for s in subjects]
    if grid:
        return _rows_ok(ys, None) and _rows_ok(xs, None)
    return _rows_ok(ys, n_rows) or _rows_ok(xs, n_rows)


def around(subjects: Sequence[Thing], o: Thing, quantifier: str) -> bool:
    for s in subjects:
        if s.path is None and s.layer == "terrain" and contains(s.box, o.box) and s.id != o.id:
            return True
    close = [s for s in subjects if s.id != o.id and gap(s, o) <= GROUP_REACH]
    if quantifier == "all" and len(close) < len([s for s in subjects if s.id != o.id]):
        return False
    covered: set[str] = set()
    for s in close:
        if s.path:
            for cx, cy in s.path:
                if _cell_gap((cx, cy, 1, 1), o) <= GROUP_REACH:
                    covered |= side_around(o, cx + 0.5, cy + 0.5)
        else:
            covered |= side_around(o, *s.centre)
    return len(covered) >= 3


def both_sides(subjects: Sequence[Thing], o: Thing, quantifier: str) -> bool:
    others = [s for s in subjects if s.id != o.id]
    close = [s for s in others if gap(s, o) <= GROUP_REACH]
    if quantifier == "all" and len(close) < len(others):
        return False
    if o.path:
        found = {line_side(o.path, *s.centre) for s in close}
        return -1 in found and 1 in found
    found_sides: set[str] = set()
    for s in close:
        found_sides |= box_side(o, *s.centre)
    return {"north", "south"} <= found_sides or {"east", "west"} <= found_sides


def each_corner(subjects: Sequence[Thing], frame: Rect) -> bool:
    return all(any(near_corner(s, frame, c) for s in subjects) for c in _corners(frame))


# --- evaluating expectations ----------------------------------------------------------


def _per_subject(rel: Rel, world: World, s: Thing, objects: list[Thing]) -> bool:
    p, arg = rel.predicate, rel.argument
    others = [o for o in objects if o.id != s.id]
    aliases = {
        "above": "north",
        "below": "south",
        "left_of": "west",
        "right_of": "east",
        "north_of": "north",
        "south_of": "south",
        "east_of": "east",
        "west_of": "west",
    }
    if p in aliases:
        return any(direction_of(s, o, aliases[p]) for o in others)
    if p in ("in_region", "in_center"):
        frames = [o.box for o in others] if rel.object_kind is not None else [world.frame]
        if p == "in_center":
            return any(in_center(s, f) for f in frames)
        return any(in_region(s, f, arg or "center") for f in frames)
    if p in ("in_corner", "against_wall"):
        frames = [o.box for o in others] if rel.object_kind is not None else world.frames_of(s)
        if p == "in_corner":
            names = _corner_names(arg)
            return any(near_corner(s, f, c) for f in frames for c in names)
        sides = _sides(arg) if arg else list(SIDES)
        return any(against_wall(s, f, side) for f in frames for side in sides)
    if p == "next_to":
        return any(_within(s, o, 1) for o in others)
    if p == "near":
        return any(_within(s, o, NEAR) for o in others)
    if p == "far_from":
        far = max(world.width, world.height) / 4
        return bool(others) and all(gap(s, o) >= far for o in others)
    if p == "inside":
        return any(contains(o.box, s.box) for o in others)
    if p == "on":
        return any(shares_cell(s, o) for o in others)
    if p == "between":
        seconds = [b for b in world.of_kind(arg or "") if b.id != s.id]
        return any(between(s, a, b) for a in others for b in seconds if a.id != b.id)
    if p == "along":
        return any(along(s, o) for o in others)
    if p == "facing":
        return any(facing(s, o) for o in others)
    if p == "opposite" or (p == "across_from" and arg is None):
        return any(opposite(s, o, world.frame) for o in others)
    if p == "across_from":
        thirds = [a for a in world.of_kind(arg or "") if a.id != s.id]
        return any(across_from(s, o, a) for o in others for a in thirds if a.id != o.id)
    if p == "at_head_of":
        return any(at_head_of(s, o) for o in others)
    if p == "bridged":
        return all(bridged(s, o, world) for o in others)
    if p == "joined":
        if rel.object_kind is not None:
            return any(_within(s, o, 1) for o in others)
        return joined_to_shore(s, world)
    if p == "crosses":
        return crosses_edges(s, world, arg or "")
    raise ValueError(p)


def _connected(rel: Rel, world: World, subjects: list[Thing]) -> list[Thing]:
    """The subjects that fail to connect."""
    connector_kinds = _kinds(rel.object_kind) if rel.object_kind else CONNECTOR_KINDS
    targets = world.of_kind(rel.argument) if rel.argument else []
    pool: dict[str, Thing] = {}
    for t in [*subjects, *targets, *world.of_kind((*connector_kinds, *LINKS))]:
        pool[t.id] = t
    comp = components(list(pool.values()))
    if rel.argument:
        return [s for s in subjects if not any(comp[s.id] == comp[t.id] for t in targets)]
    first = comp[subjects[0].id]
    return [s for s in subjects if comp[s.id] != first]


def check_rel(rel: Rel, world: World) -> str | None:
    text = f"{_name(rel.subject_kind)} {rel.predicate}" + (
        f" {_name(rel.object_kind)}" if rel.object_kind else ""
    )
    if rel.argument:
        text += f" [{rel.argument}]"
    if rel.quantifier != "all":
        text += f" ({rel.quantifier})"
    subjects = world.of_kind(rel.subject_kind)
    if not subjects:
        return None if rel.quantifier == "none" else f"{text}: no {_name(rel.subject_kind)}"
    objects: list[Thing] = []
    if rel.object_kind is not None and rel.predicate != "connected":
        objects = world.of_kind(rel.object_kind)
        if not objects:
            if rel.quantifier == "none":
                return None
            return f"{text}: no {_name(rel.object_kind)} to relate to"
    p = rel.predicate
    if p in GROUP or (p == "crosses" and rel.object_kind is not None):
        ok = _group(rel, world, subjects, objects)
        if rel.quantifier == "none":
            return None if not ok else f"{text}: holds, but should not"
        if ok:
            return None
        return f"{text}: fails for " + ", ".join(s.at() for s in subjects[:3])
    if p == "connected":
        if rel.argument and not world.of_kind(rel.argument):
            return f"{text}: no {rel.argument} to connect to"
        bad = _connected(rel, world, subjects)
    else:
        bad = [s for s in subjects if not _per_subject(rel, world, s, objects)]
    good = len(subjects) - len(bad)
    if rel.quantifier == "all" and not bad:
        return None
    if rel.quantifier == "any" and good:
        return None
    if rel.quantifier == "none" and not good:
        return None
    if rel.quantifier == "none":
        holding = [s for s in subjects if s not in bad]
        return f"{text}: holds for {good}/{len(subjects)}, e.g. {holding[0].at()}"
    return f"{text}: fails for {len(bad)}/{len(subjects)}, e.g. {bad[0].at()}"


def _group(rel: Rel, world: World, subjects: list[Thing], objects: list[Thing]) -> bool:
    p = rel.predicate
    if p == "in_rows":
        return in_rows(subjects, rel.argument)
    if p == "in_grid":
        return in_rows(subjects, rel.argument, grid=True)
    if p == "each_corner":
        if objects:
            frames = [o.box for o in objects]
        else:
            nested = {a for s in subjects for a in s.ancestors if a in world.by_id}
            frames = [world.frame] + [world.by_id[a].box for a in sorted(nested)]
        return any(each_corner(subjects, f) for f in frames)
    if p == "around":
        return any(around(subjects, o, rel.quantifier) for o in objects)
    if p == "both_sides":
        return any(both_sides(subjects, o, rel.quantifier) for o in objects)
    if p == "crosses":
        for o in objects:
            if not o.path:
                continue
            found = {line_side(o.path, c[0] + 0.5, c[1] + 0.5) for s in subjects for c in s.cells()}
            if -1 in found and 1 in found:
                return True
        return False
    raise ValueError(p)


def is_floor(t: Thing, world: World) -> bool:
    return t.kind in FLOOR_KINDS or (t.w * 4 >= world.width * 3 and t.h * 4 >= world.height * 3)


def check_overlap(world: World, exempt: set[tuple[str, str]]) -> list[str]:
    solid = [
        t
        for t in world.things
        if t.layer in ("structure", "object") and t.path is None and t.kind not in FLAT_KINDS
    ]
    solid.sort(key=lambda t: t.x)
    found: list[str] = []
    for i, a in enumerate(solid):
        for b in solid[i + 1 :]:
            if b.x >= a.x + a.w:
                break
            if b.y >= a.y + a.h or a.y >= b.y + b.h:
                continue
            if a.id in b.ancestors or b.id in a.ancestors:
                continue
            if (a.kind, b.kind) in exempt or (b.kind, a.kind) in exempt:
                continue
            if (is_floor(a, world) and contains(a.box, b.box)) or (
                is_floor(b, world) and contains(b.box, a.box)
            ):
                continue
            found.append(f"{a.at()} overlaps {b.at()}")
    if not found:
        return []
    return [f"overlap: {len(found)} pair(s), e.g. " + "; ".join(found[:2])]


def _count_text(c: Count) -> str:
    parts = []
    if c.exactly is not None:
        parts.append(f"exactly {c.exactly}")
    if c.at_least is not None:
        parts.append(f"at least {c.at_least}")
    if c.at_most is not None:
        parts.append(f"at most {c.at_most}")
    return " and ".join(parts)


def check(expectation: Expectation, world: World, exempt: set[tuple[str, str]]) -> list[str]:
    e = expectation
    if isinstance(e, Count):
        n = len(world.of_kind(e.kind))
        if (
            (e.exactly is not None and n != e.exactly)
            or (e.at_least is not None and n < e.at_least)
            or (e.at_most is not None and n > e.at_most)
        ):
            return [f"count {_name(e.kind)}: expected {_count_text(e)}, got {n}"]
        return []
    if isinstance(e, Absent):
        found = world.of_kind(e.kind)
        return [f"absent {_name(e.kind)}: found {len(found)}"] if found else []
    if isinstance(e, Place):
        if world.theme in _kinds(e.names):
            return []
        return [f"place: theme {world.theme!r}, expected one of {_name(e.names)}"]
    if isinstance(e, Ground):
        names = _kinds(e.names)
        if world.theme in names or any(
            t.layer == "terrain" and t.kind in names for t in world.things
        ):
            return []
        return [f"ground: no {_name(e.names)} (theme {world.theme!r})"]
    if isinstance(e, Interior):
        small = [
            t
            for t in world.of_kind(e.kinds)
            if t.w * 4 < world.width * 3 or t.h * 4 < world.height * 3
        ]
        if small:
            return [f"interior: {small[0].at()} is drawn inside the map, not as the map"]
        return []
    if isinstance(e, Rel):
        message = check_rel(e, world)
        return [message] if message else []
    if isinstance(e, Warns):
        hits = [w for w in world.warnings if re.search(e.pattern, w, re.IGNORECASE)]
        if not hits:
            return [f"no warning matches /{e.pattern}/ (warnings: {world.warnings[:4]})"]
        if e.at_most is not None and len(hits) > e.at_most:
            return [f"{len(hits)} warnings match /{e.pattern}/, expected at most {e.at_most}"]
        return []
    if isinstance(e, NoWarning):
        hits = [w for w in world.warnings if re.search(e.pattern, w, re.IGNORECASE)]
        return [f"unexpected warning /{e.pattern}/: {hits[0]!r}"] if hits else []
    if isinstance(e, NoOverlap):
        return check_overlap(world, exempt)
    raise TypeError(f"unknown expectation {e!r}")


def overlap_exemptions(expect: Iterable[Expectation]) -> set[tuple[str, str]]:
    """Kind pairs a case asks to share cells (`on`, `inside`)."""
    out: set[tuple[str, str]] = set()
    for e in expect:
        if isinstance(e, Rel) and e.predicate in ("on", "inside") and e.object_kind:
            for a in _kinds(e.subject_kind):
                for b in _kinds(e.object_kind):
                    out.add((a, b))
    return out


def check_case(case: Case, graph: dict[str, Any]) -> list[str]:
    """Failure messages for one generated graph; empty when the scene is right."""
    world = World.of(graph)
    exempt = overlap_exemptions(case.expect)
    expect: tuple[Expectation, ...] = case.expect
    if not any(isinstance(e, NoOverlap) for e in expect):
        expect = (*expect, NoOverlap())
    failures: list[str] = []
    for e in expect:
        failures.extend(check(e, world, exempt))
    return failures
