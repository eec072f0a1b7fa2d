"""The independent verifier: does each relation hold on the finished layout?

It looks only at the final nodes (positions, paths, parents) and the vocabulary, never at
what the placer intended, so a later placement that spoils an earlier relation shows up.
"""

from domain.scene import relation_rules as rules
from domain.scene.model import PlacedNode, RelationResult, RelationSpec
from domain.scene.verify import measures, patterns
from domain.scene.verify.world import Rect, World


def verify_relations(
    nodes: tuple[PlacedNode, ...],
    relations: list[RelationSpec] | tuple[RelationSpec, ...],
    width: int,
    height: int,
    scene: str,
) -> tuple[RelationResult, ...]:
    world = World(nodes, width, height, scene)
    checker = _Checker(world, list(relations))
    return tuple(
        RelationResult(
            subject=r.subject,
            predicate=r.predicate,
            objects=r.objects,
            argument=r.argument,
            satisfied=checker.holds(r),
        )
        for r in relations
    )


class _Checker:
    def __init__(self, world: World, relations: list[RelationSpec]) -> None:
        self.world = world
        self.relations = relations
        self._rows_mates = rules.rows_mates(relations)
        self._set_between = rules.set_between(relations)
        self._enclosed: dict[str, set[tuple[int, int]]] = {}  # a path -> the cells it encloses
        self._rings: dict[tuple[str, ...], tuple[int, bool]] = {}  # centre -> reach, covered

    def _enclosed_by(self, path_id: str) -> set[tuple[int, int]]:
        found = self._enclosed.get(path_id)
        if found is None:
            found = measures.enclosed(self.world, self.world.cell_set(path_id))
            self._enclosed[path_id] = found
        return found

    def holds(self, relation: RelationSpec) -> bool:
        world = self.world
        ids = (relation.subject, *relation.objects)
        if any(thing_id not in world.nodes for thing_id in ids):
            return False
        predicate, a, objects = relation.predicate, relation.subject, relation.objects
        argument = relation.argument
        if predicate in rules.DIRECTION_OF and objects:
            return self._beyond(a, objects[0], rules.DIRECTION_OF[predicate])
        if predicate in ("in_region", "in_center", "in_corner", "against_wall"):
            return self._framed(relation)
        if predicate == "next_to" and objects:
            return world.distance(a, objects[0], 8) <= rules.NEXT_TO_GAP + 1
        if predicate == "near" and objects:
            return world.distance(a, objects[0], 8) <= rules.NEAR_GAP + 1
        if predicate == "far_from" and objects:
            far = rules.far_gap(world.width, world.height)
            return world.distance(a, objects[0], far + 1) >= far + 1
        if predicate == "inside" and objects:
            return self._inside(a, objects[0])
        if predicate == "facing" and objects and a in self._rows_mates:
            return patterns.rows_facing(world, self._rows_mates[a], objects[0])
        if predicate in patterns.CHECKED:
            between = self._set_between.get(frozenset(ids), ()) if len(ids) == 2 else ()
            return patterns.holds(world, relation, between)
        if predicate == "around":
            return self._around(a, objects)
        if predicate == "between" and len(objects) == 2:
            return self._between(a, objects[0], objects[1])
        if predicate == "along":
            return self._along(a, objects, argument)
        if predicate == "connected_to" and objects:
            return self._connected(a, objects, argument)
        if predicate == "across" and objects:
            return not world.cell_set(a).isdisjoint(world.cell_set(objects[0]))
        return False

    def _inside(self, a: str, b: str) -> bool:
        """Within the holder's floor; a door or other mounted one-cell thing: in its wall."""
        world = self.world
        own = world.cell_set(a)
        if own <= world.interior_cells(b):
            return True
        node = world.nodes[a]
        if not world.walled(b) or not world.kind(a).mounted or node.width * node.height != 1:
            return False
        x, y, w, h = world.rect(b)
        corners = {(x, y), (x + w - 1, y), (x, y + h - 1), (x + w - 1, y + h - 1)}
        return own <= world.cell_set(b) - corners

    # --- directions ----------------------------------------------------------------------
    def _beyond(self, a: str, b: str, direction: str) -> bool:
        world = self.world
        by_column = direction in ("north", "south")
        mine, theirs = world.extent(a, by_column), world.extent(b, by_column)
        shared = [line for line in mine if line in theirs]
        if not shared:
            mine = {0: (min(lo for lo, _ in mine.values()), max(hi for _, hi in mine.values()))}
            theirs = {
                0: (min(lo for lo, _ in theirs.values()), max(hi for _, hi in theirs.values()))
            }
            shared = [0]
        for line in shared:
            (my_low, my_high), (their_low, their_high) = mine[line], theirs[line]
            if direction in ("north", "west") and not my_high < their_low:
                return False
            if direction in ("south", "east") and not my_low > their_high:
                return False
        return True

    # --- relations measured in a frame (the map, or a container) ------------------------
    def _framed(self, relation: RelationSpec) -> bool:
        world, a = self.world, relation.subject
        frame: Rect = (0, 0, world.width, world.height)
        if relation.objects:
            container = relation.objects[0]
            inside = world.cell_set(a) <= world.interior_cells(container)
            if relation.predicate == "against_wall" and not inside:
                return self._outside_wall(a, container, relation.argument)
            if not inside:
                return False
            frame = world.interior_rect(container)
        predicate, argument = relation.predicate, relation.argument
        if predicate == "in_region":
            return self._region(a, frame, argument or "")
        if predicate == "in_center":
            return self._center(a, frame, argument)
        if predicate == "in_corner":
            return self._corner(a, frame, argument)
        return self._against(a, frame, argument)

    def _region(self, a: str, frame: Rect, direction: str) -> bool:
        world = self.world
        fx, fy, fw, fh = frame
        if world.is_path(a):
            cells = world.cells(a)
            good = sum(
                1
                for cx, cy in cells
                if measures.in_part(2 * (cx - fx) + 1, 2 * (cy - fy) + 1, fw, fh, direction)
            )
            return good * 100 >= rules.REGION_SHARE * len(cells)
        x, y, w, h = world.rect(a)
        return measures.in_part(2 * (x - fx) + w, 2 * (y - fy) + h, fw, fh, direction)

    def _center(self, a: str, frame: Rect, axis: str | None = None) -> bool:
        world = self.world
        fx, fy, fw, fh = frame
        tol_x, tol_y = rules.center_tolerance(fw, fh)
        if axis == "x":  # centred along a wall: east-west only
            tol_y = 2 * fh
        elif axis == "y":
            tol_x = 2 * fw
        x, y, w, h = world.rect(a)  # a path too: all of it, not one cell passing the middle
        return abs(2 * (x - fx) + w - fw) <= tol_x and abs(2 * (y - fy) + h - fh) <= tol_y

    def _corner(self, a: str, frame: Rect, which: str | None) -> bool:
        fx, fy, fw, fh = frame
        x, y, w, h = self.world.rect(a)
        tol_x, tol_y = rules.corner_tolerance(fw, fh)
        near_west, near_east = x - fx <= tol_x, fx + fw - (x + w) <= tol_x
        near_north, near_south = y - fy <= tol_y, fy + fh - (y + h) <= tol_y
        corners = {
            "northwest": near_north and near_west,
            "northeast": near_north and near_east,
            "southwest": near_south and near_west,
            "southeast": near_south and near_east,
        }
        return corners[which] if which in corners else any(corners.values())

    def _against(self, a: str, frame: Rect, side: str | None) -> bool:
        fx, fy, fw, fh = frame
        x, y, w, h = self.world.rect(a)
        touching = {
            "north": y == fy,
            "south": y + h == fy + fh,
            "west": x == fx,
            "east": x + w == fx + fw,
        }
        return touching[side] if side in touching else any(touching.values())

    def _outside_wall(self, a: str, b: str, side: str | None) -> bool:
        ax, ay, aw, ah = self.world.rect(a)
        bx, by, bw, bh = self.world.rect(b)
        columns = ax < bx + bw and bx < ax + aw
        rows = ay < by + bh and by < ay + ah
        touching = {
            "north": ay + ah == by and columns,
            "south": ay == by + bh and columns,
            "west": ax + aw == bx and rows,
            "east": ax == bx + bw and rows,
        }
        return touching[side] if side in touching else any(touching.values())

    # --- groups and paths ----------------------------------------------------------------
    def _around(self, a: str, objects: tuple[str, ...]) -> bool:
        world = self.world
        kind = world.kind(a)
        if world.is_path(a):
            enclosed = self._enclosed_by(a)
            if not objects:
                return len(enclosed) * 4 >= world.width * world.height
            return all(world.cell_set(o) <= enclosed for o in objects)
        if not objects:
            return False
        b = objects[0]
        if kind.shape == "area":
            ax, ay, aw, ah = world.rect(a)
            bx, by, bw, bh = world.rect(b)
            margin = min(bx - ax, by - ay, ax + aw - bx - bw, ay + ah - by - bh)
            return margin >= 1 and world.cell_set(b) <= world.cell_set(a)
        reach, surrounded = self._ring(objects)
        return surrounded and world.distance(a, b, reach + 2) <= reach + 1

    def _ring(self, objects: tuple[str, ...]) -> tuple[int, bool]:
        """The gap a ring round objects[0] may leave, and whether its members cover enough
        sides: the same for every member, so worked out once (900 houses round a square)."""
        found = self._rings.get(objects)
        if found is not None:
            return found
        world, b = self.world, objects[0]
        group = [
            r.subject
            for r in self.relations
            if r.predicate == "around"
            and r.objects == objects
            and r.subject in world.nodes
            and not world.is_path(r.subject)
            and world.kind(r.subject).shape != "area"
        ]
        sizes = [world.rect(member)[2:] for member in group]
        reach = rules.around_reach(sizes, *world.rect(b)[2:])
        sides = {measures.side(world.rect(member), world.rect(b)) for member in group}
        found = (reach, len(sides) >= rules.around_sides_needed(len(group)))
        self._rings[objects] = found
        return found

    def _between(self, a: str, b: str, c: str) -> bool:
        world = self.world
        points = (
            [(2 * x + 1, 2 * y + 1) for x, y in world.cells(a)]
            if world.is_path(a)
            else [measures.doubled_centre(world.rect(a))]
        )
        for px, py in points:
            bx, by = self._reference(b, px, py)
            cx, cy = self._reference(c, px, py)
            dx, dy, vx, vy = cx - bx, cy - by, px - bx, py - by
            length2 = dx * dx + dy * dy
            dot = vx * dx + vy * dy
            cross = vx * dy - vy * dx
            off = rules.BETWEEN_OFF**2 * length2
            if length2 and 0 < dot < length2 and cross * cross <= off:
                return True
        return False

    def _reference(self, node_id: str, px: int, py: int) -> tuple[int, int]:
        world = self.world
        if not world.is_path(node_id) and world.kind(node_id).shape != "area":
            return measures.doubled_centre(world.rect(node_id))
        cx, cy = min(
            world.cells(node_id),
            key=lambda c: ((2 * c[0] + 1 - px) ** 2 + (2 * c[1] + 1 - py) ** 2, c),
        )
        return 2 * cx + 1, 2 * cy + 1

    def _along(self, a: str, objects: tuple[str, ...], side: str | None) -> bool:
        world = self.world
        if objects:
            if not world.is_path(a):
                return world.distance(a, objects[0], 8) <= rules.ALONG_GAP + 1
            cells = world.cells(a)
            close = sum(
                1
                for cell in cells
                if measures.cell_distance(world, cell, objects[0]) <= rules.ALONG_PATH_DISTANCE
            )
            return close * 100 >= rules.ALONG_PATH_SHARE * len(cells)
        if side is None:
            return False
        if world.is_path(a):
            cells = world.cells(a)
            close = sum(
                1
                for cx, cy in cells
                if measures.edge_distance(world, cx, cy, 1, 1, side) <= rules.PATH_EDGE_DISTANCE
            )
            return close * 100 >= rules.REGION_SHARE * len(cells)
        x, y, w, h = world.rect(a)
        return measures.edge_distance(world, x, y, w, h, side) <= rules.EDGE_DISTANCE

    def _connected(self, a: str, objects: tuple[str, ...], network: str | None) -> bool:
        world = self.world
        if world.is_path(a):
            own = world.cell_set(a)
            if world.unbridged(a):
                return False
            touching = [measures.touching(world, own, o) for o in objects]
            if not all(touching):
                return False
            if len(objects) < 2:
                return True
            return measures.linked(own, touching[0], touching[1])
        labels = world.walk_labels(network)
        return bool(
            measures.labels_at(world, labels, a) & measures.labels_at(world, labels, objects[0])
        )
