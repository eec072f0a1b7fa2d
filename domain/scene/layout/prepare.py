"""Before placing: sizes, hosts (who goes inside what), the placing order, contradictions."""

import heapq
from collections.abc import Sequence

import msgspec

from domain.scene import catalog
from domain.scene import relation_rules as rules
from domain.scene.layout.context import Item
from domain.scene.model import RelationSpec, SceneRequest
from domain.scene.sizing import scaled_size, scales_with_map

CROWDING_LIMIT = 0.55  # share of the map that top-level footprints may ask for
_PHASE_ONE_LAST_RANK = 4
_HELD = ("inside", "on")  # `on` a container (a table, a rug, a lake for a boat): held by it
_FRAMED = ("in_corner", "in_center", "in_region")  # framed by a container: inside it
_GROUPED = ("in_rows", "in_ring", "connected_to")  # not an order between their things
_ANCHORED = ("around", "on", "facing", "across_from", "at_head_of")
# what a held thing is asked of things outside its holder, which places the holder too
HELD_PROXY = frozenset(["between", "next_to", "near", *rules.DIRECTION_OF])
LONE_ROOM_MARGIN = 1  # rock kept round a dungeon's only room


def build_items(
    request: SceneRequest, width: int, height: int, submerged: bool = False
) -> list[Item]:
    """One item per thing, at its size; under water (`submerged`) nothing floats: the fish
    swim and the boats lie anywhere on the sea floor."""
    items = []
    for index, spec in enumerate(request.things, start=1):
        kind = catalog.kind_spec(spec.kind)
        if submerged and kind.afloat:
            kind = msgspec.structs.replace(kind, afloat=False)
        w, h = scaled_size(kind, spec.size, width, height)
        if spec.long and kind.shape == "box":
            w, h = (max(w, 2 * h), h) if w >= h else (w, max(h, 2 * w))
            w, h = min(w, width), min(h, height)
        items.append(Item(index, spec, kind, w, h))
    return items


def assign_hosts(items: list[Item], relations: list[RelationSpec], scene: str) -> None:
    """Explicit `inside` names a host; dungeons and islands give the rest an implicit one."""
    by_id = {item.id: item for item in items}
    for relation in relations:
        item = by_id.get(relation.subject)
        if item is None or item.host is not None or not relation.objects:
            continue
        host = by_id.get(relation.objects[0])
        if host is None or host.size == "vast":
            continue  # the ground of the place holds everything already
        held = relation.predicate in _HELD or (
            relation.predicate in _FRAMED and host.kind.container != "none"
        )
        if held and _can_hold(host, item) and not _ancestor(item, host):
            item.host = host
        if relation.predicate == "around" and _surrounds(item, host):
            host.host = item
    _beside_inside(by_id, relations)
    rooms = [item for item in items if item.kind.name == "room"]
    islands = [item for item in items if item.kind.name == "island"]
    ringed_by_rooms = {  # `egg chambers around a central nest`: the nest stands among them
        r.objects[0]
        for r in relations
        if r.predicate == "around"
        and r.objects
        and r.subject in by_id
        and by_id[r.subject].kind.name == "room"
    }
    for item in items:
        if item.host is not None or item.kind.shape == "path" or item.id in ringed_by_rooms:
            continue
        if scene == "dungeon" and item.kind.name != "room" and rooms:
            item.hosts = rooms
        elif islands and scene == "island" and _lives_on_land(item):
            item.hosts = islands
    for item in items:
        if item.kind.shape == "room":
            item.is_host = True
        if item.host is not None:
            item.host.is_host = True
        for host in item.hosts:
            host.is_host = True


def _beside_inside(by_id: dict[str, Item], relations: list[RelationSpec]) -> None:
    """`a dragon in the hall, treasure next to the dragon`: next to a thing inside walls is
    inside them too (walls between the two would keep them apart); so is between things
    inside the same walls (a watchman between the stacks of a warehouse)."""
    for relation in relations:
        item = by_id.get(relation.subject)
        if relation.predicate not in _BESIDE or item is None or item.host is not None:
            continue
        objects = relation.objects if relation.predicate == "between" else relation.objects[:1]
        hosts = [other.host if (other := by_id.get(o)) is not None else None for o in objects]
        host = hosts[0] if hosts and all(h is hosts[0] for h in hosts) else None
        if host is None or host.kind.container != "walled":
            continue
        if _can_hold(host, item) and not _ancestor(item, host) and item is not host:
            item.host = host


_BESIDE = ("next_to", "near", "adjacent", "between")


def _surrounds(area: Item, inner: Item) -> bool:
    """`a forest around a clearing`: the clearing goes inside the forest."""
    kind = area.kind
    if kind.shape != "area" or kind.water or kind.container == "none":
        return False
    if inner.kind.name == "island" or inner.kind.afloat:
        return False  # `pasture all around the atoll`: land round an island is on it, not it
    return inner.host is None and inner.kind.shape != "path" and not _ancestor(inner, area)


def _lives_on_land(item: Item) -> bool:
    return not item.kind.afloat and item.kind.name not in ("island", "sea")


def _can_hold(host: Item, item: Item) -> bool:
    if host.kind.shape == "path" or item.kind.shape == "path" or item.kind.edge:
        return False  # a sea strip lies along the map's edge, never inside a thing
    if host.kind.water:  # a boat on the lake; penguins in their pool, swimmers in the sea
        return item.kind.afloat or (item.kind.layer == "actor" and host.kind.shape == "area")
    return host.kind.container != "none"


def _ancestor(candidate: Item, item: Item) -> bool:
    """Whether `candidate` is `item` or one of the hosts above it."""
    seen = 0
    node: Item | None = item
    while node is not None and seen < 64:
        if node is candidate:
            return True
        node, seen = node.host, seen + 1
    return False


def size_lone_room(
    items: list[Item], relations: list[RelationSpec], scene: str, width: int, height: int
) -> None:
    """A dungeon of one room: the room fills the map (less a rim of rock), not 9x6 in rock."""
    rooms = [item for item in items if item.kind.name == "room"]
    if scene != "dungeon" or len(rooms) != 1:
        return
    room = rooms[0]
    placed_by = {"in_region", "in_corner", "against_wall", "along", "far_from", "between"}
    placed_by |= set(rules.DIRECTION_OF)
    if any(r.subject == room.id and r.predicate in placed_by for r in relations):
        return
    room.w = room.base_w = max(room.w, width - 2 * LONE_ROOM_MARGIN)
    room.h = room.base_h = max(room.h, height - 2 * LONE_ROOM_MARGIN)


def fit_sizes(
    items: list[Item], width: int, height: int, relations: Sequence[RelationSpec] = ()
) -> None:
    """Grow containers to hold their children; shrink scalable things on a crowded map."""
    need_of: dict[int, int] = {}
    for child in items:
        if child.host is not None:
            need_of[child.host.index] = need_of.get(child.host.index, 0) + (child.w + 1) * (
                child.h + 1
            )
    for item in items:
        need = need_of.get(item.index, 0)
        if not need:
            continue
        if not scales_with_map(item.kind):
            _grow_box(item, items, relations, width, height)
            continue
        inset = 2 if item.kind.container == "walled" else 0
        have = max(1, (item.w - inset) * (item.h - inset))
        if need * 2 > have:
            factor = (need * 2 / have) ** 0.5
            item.w = min(width - 2, max(item.w, round(item.w * factor)))
            item.h = min(height - 2, max(item.h, round(item.h * factor)))
    _close_rings(items, relations)
    _room_for_rings(items, relations, width, height)
    top = [item for item in items if item.host is None and not item.hosts]
    demand = sum((i.w + 1) * (i.h + 1) for i in top if i.kind.shape != "path" and not i.kind.edge)
    budget = CROWDING_LIMIT * width * height
    if demand > budget:
        factor = (budget / demand) ** 0.5
        for item in top:
            if scales_with_map(item.kind) and item.kind.shape != "path" and not item.kind.edge:
                least = 3 if item.kind.container == "walled" else 1
                item.w = max(least, int(item.w * factor))
                item.h = max(least, int(item.h * factor))
    for item in items:
        item.w, item.h = min(item.w, width), min(item.h, height)
        item.base_w, item.base_h = item.w, item.h


def fit_lining_rooms(
    items: list[Item], relations: Sequence[RelationSpec], width: int, height: int
) -> None:
    """`six cells on each side of a long corridor`: rooms narrow enough for so many to line
    it along the map's long side (a cell's wall shared with the next is not asked for)."""
    by_id = {item.id: item for item in items}
    sides: dict[str, list[Item]] = {}
    for relation in relations:
        room = by_id.get(relation.subject)
        if relation.predicate != "on_side_of" or room is None or room.kind.shape != "room":
            continue
        sides.setdefault(f"{relation.objects[0]}:{relation.argument}", []).append(room)
    ends = {
        relation.objects[0]: max(by_id[relation.subject].w, by_id[relation.subject].h) + 2
        for relation in relations
        if relation.predicate == "at_head_of" and relation.objects and relation.subject in by_id
    }
    for key, rooms in sides.items():
        corridor = key.split(":", 1)[0]
        long_side = max(width, height) - 2 - ends.get(corridor, 0)
        _narrow(rooms, width >= height, max(3, long_side // len(rooms) - 1))
    _rooms_along_one_wall(items, relations, width, height)


def _rooms_along_one_wall(
    items: list[Item], relations: Sequence[RelationSpec], width: int, height: int
) -> None:
    """`six curtained bays along the west wall`: rooms narrow enough for all of them to
    stand side by side against that wall."""
    by_id = {item.id: item for item in items}
    walls: dict[str, list[Item]] = {}
    for relation in relations:
        room = by_id.get(relation.subject)
        if relation.predicate != "against_wall" or room is None or room.kind.shape != "room":
            continue
        if relation.objects or relation.argument not in ("north", "south", "east", "west"):
            continue
        walls.setdefault(relation.argument, []).append(room)
    for side, rooms in walls.items():
        across = side in ("north", "south")
        _narrow(rooms, across, max(3, ((width if across else height) - 2) // len(rooms)))


def _narrow(rooms: list[Item], east_west: bool, most: int) -> None:
    """Rooms in a line running east-west (else north-south) at most `most` cells along it."""
    for room in rooms:
        if east_west:
            room.w = room.base_w = min(room.w, most)
        else:
            room.h = room.base_h = min(room.h, most)


def _rings(
    items: list[Item], relations: Sequence[RelationSpec]
) -> list[tuple[Item | None, list[Item]]]:
    """Each centre something is `around` (None when it is no item), with its members."""
    by_id = {item.id: item for item in items}
    rings: dict[str, list[Item]] = {}
    for relation in relations:
        member = by_id.get(relation.subject)
        if relation.predicate == "around" and relation.objects and member is not None:
            rings.setdefault(relation.objects[0], []).append(member)
    return [(by_id.get(centre_id), members) for centre_id, members in rings.items()]


def _close_rings(items: list[Item], relations: Sequence[RelationSpec]) -> None:
    """`ten round tables around the dance floor`, `a ring of 8 huts around the longhouse`:
    so many members would ring the centre too far out to be round it; they shrink by steps
    (to two cells a side at least) until the ring fits close."""
    for centre, members in _rings(items, relations):
        shrinkable = all(m.kind.shape == "box" and m.host is None for m in members)
        if centre is None or len(members) < _RING_LEAST or not shrinkable:
            continue
        tight = not any(m.kind.layer == "structure" for m in members)
        for _ in range(_RING_SHRINK_STEPS):
            sizes = [(m.w, m.h) for m in members]
            if rules.around_ring_gap(sizes, centre.w, centre.h, tight) <= _RING_GAP_AIM:
                break
            if all(max(m.w, m.h) <= _RING_LEAST_SIDE for m in members):
                break
            for m in members:
                m.w = max(min(m.w, _RING_LEAST_SIDE), round(m.w * _RING_SHRINK))
                m.h = max(min(m.h, _RING_LEAST_SIDE), round(m.h * _RING_SHRINK))


_RING_LEAST = 3  # a ring of fewer members fits anyway
_RING_GAP_AIM = 3  # free cells between the centre and its ring, at most, when it can be
_RING_SHRINK, _RING_SHRINK_STEPS, _RING_LEAST_SIDE = 0.8, 4, 2


def _room_for_rings(
    items: list[Item], relations: Sequence[RelationSpec], width: int, height: int
) -> None:
    """`a glade with five tree houses in a circle around an oak`: the glade is wide enough
    for the ring round the oak, all of it inside."""
    for centre, members in _rings(items, relations):
        host = centre.host if centre is not None else None
        if centre is None or host is None or host.kind.water or len(members) < 2:
            continue
        if any(member.host is not host for member in members):
            continue
        sizes = [(m.w, m.h) for m in members]
        tight = not any(m.kind.layer == "structure" for m in members)
        gap = rules.around_ring_gap(sizes, centre.w, centre.h, tight)
        side = max(max(w, h) for w, h in sizes)
        inset = 2 if host.kind.container == "walled" else 0
        host.w = min(width, max(host.w, centre.w + 2 * (gap + side) + inset))
        host.h = min(height, max(host.h, centre.h + 2 * (gap + side) + inset))


def _grow_box(
    box: Item, items: list[Item], relations: Sequence[RelationSpec], width: int, height: int
) -> None:
    """A fixed-size container (a castle, a house) grows just enough for what it holds:
    each child's box with a cell to spare, and two of the widest side by side when some
    of them stand in its corners."""
    children = [child for child in items if child.host is box]
    inset = 2 if box.kind.container == "walled" else 0
    need = sum((c.w + 1) * (c.h + 1) for c in children)
    least_w = max(c.w for c in children)
    least_h = max(c.h for c in children)
    ids = {c.id for c in children}
    if any(r.predicate == "in_corner" and r.subject in ids for r in relations):
        least_w, least_h = 2 * least_w + 1, 2 * least_h + 1
    for _ in range(width + height):
        inner_w, inner_h = box.w - inset, box.h - inset
        roomy = need <= (inner_w + 1) * (inner_h + 1)
        if roomy and inner_w >= least_w and inner_h >= least_h:
            return
        wider = inner_w < least_w or (inner_h >= least_h and inner_w * height <= inner_h * width)
        if wider and box.w < width:
            box.w += 1
        elif box.h < height:
            box.h += 1
        elif box.w < width:
            box.w += 1
        else:
            return


def promote_anchors(items: list[Item], relations: Sequence[RelationSpec]) -> None:
    """What structures are arranged round (a bonfire ringed by tents, a well the houses face)
    is placed with the structures, before them, rather than after."""
    by_id = {item.id: item for item in items}
    for relation in relations:
        subject = by_id.get(relation.subject)
        if relation.predicate not in _ANCHORED or subject is None or not relation.objects:
            continue
        anchor = by_id.get(relation.objects[0])
        if anchor is not None and rank(subject) <= _PHASE_ONE_LAST_RANK < rank(anchor):
            anchor.early = True


def rank(item: Item) -> int:
    kind = item.kind
    if item.early:
        return _PHASE_ONE_LAST_RANK
    if kind.edge:
        return 0
    if kind.shape == "area":
        return 1
    if kind.shape == "room" or (kind.container == "walled" and item.is_host):
        return 2
    if kind.shape == "path":
        return 3
    if kind.layer in ("structure", "terrain"):
        return 4
    return 5 if kind.layer == "object" else 6


def _order_key(item: Item, first: frozenset[str]) -> tuple[int, int, int, int]:
    """Rank first; among paths, water first, so roads meet rivers and get bridges; among
    things of a rank, a thing by what rows face before the rest (`rows of desks facing the
    board, the teacher's desk by it`: the one desk takes its place by the board, and the
    rows, which can stand anywhere in front of it, keep clear of it)."""
    return rank(item), 0 if item.kind.water else 1, 0 if item.id in first else 1, item.index


def _by_what_rows_face(relations: list[RelationSpec]) -> frozenset[str]:
    in_rows = {
        thing_id
        for r in relations
        if r.predicate == "in_rows"
        for thing_id in (r.subject, *r.objects)
    }
    faced = {r.objects[0] for r in relations if r.predicate == "facing" and r.subject in in_rows}
    return frozenset(
        r.subject
        for r in relations
        if r.predicate in ("near", "next_to")
        and r.objects
        and r.objects[0] in faced
        and r.subject not in in_rows
    )


def _holders_wait_for_what_held_things_stand_by(
    by_id: dict[str, Item], relations: list[RelationSpec], needs: dict[str, set[str]]
) -> None:
    """`a coffee table between the couch and the tv, on a rug`: the rug waits for the couch
    and the tv, so it can be laid where the table will stand between them."""
    for relation in relations:
        child = by_id.get(relation.subject)
        if child is None or child.host is None or relation.predicate not in HELD_PROXY:
            continue
        holder = child.host
        for other in relation.objects:
            thing = by_id.get(other)
            if thing is not None and not _ancestor(holder, thing) and holder.id not in needs[other]:
                needs[holder.id].add(other)


def placing_order(items: list[Item], relations: list[RelationSpec]) -> list[Item]:
    """Objects of a relation before its subject, hosts before children, big before small."""
    by_id = {item.id: item for item in items}
    needs: dict[str, set[str]] = {item.id: set() for item in items}
    for relation in relations:
        if relation.predicate in _GROUPED or relation.subject not in by_id:
            continue
        subject = by_id[relation.subject]
        for other in relation.objects:
            if other in by_id and other != relation.subject:
                if relation.predicate == "around" and subject.kind.shape == "area":
                    continue
                needs[subject.id].add(other)
    for item in items:
        for host in [item.host] if item.host is not None else item.hosts:
            needs[item.id].add(host.id)
            needs[host.id].discard(item.id)
    _holders_wait_for_what_held_things_stand_by(by_id, relations, needs)
    for item in items:  # the first phase never waits for a thing placed later
        if rank(item) <= _PHASE_ONE_LAST_RANK:
            needs[item.id] = {
                other for other in needs[item.id] if rank(by_id[other]) <= _PHASE_ONE_LAST_RANK
            }
    waiting_on: dict[str, list[str]] = {}
    for thing_id, wanted in needs.items():
        for other in wanted:
            waiting_on.setdefault(other, []).append(thing_id)
    first = _by_what_rows_face(relations)

    def _key(item: Item) -> tuple[int, int, int, int]:
        return _order_key(item, first)

    heap = [(*_key(item), item.id) for item in items if not needs[item.id]]
    heapq.heapify(heap)
    order: list[Item] = []
    done: set[str] = set()
    remaining = {item.id: item for item in items}
    while remaining:
        if not heap:  # a cycle: take the earliest-ranked remaining thing
            stuck = min(remaining.values(), key=_key)
            heap.append((*_key(stuck), stuck.id))
        thing_id = heapq.heappop(heap)[-1]
        if thing_id in done:
            continue
        done.add(thing_id)
        order.append(remaining.pop(thing_id))
        for waiter in waiting_on.get(thing_id, ()):
            wanted = needs[waiter]
            wanted.discard(thing_id)
            if not wanted and waiter not in done:
                heapq.heappush(heap, (*_key(by_id[waiter]), waiter))
    return order
