"""Before placing: sizes, hosts (who goes inside what), the placing order, contradictions."""

import heapq

from domain.scene import catalog
from domain.scene.layout.context import Item
from domain.scene.model import RelationSpec, SceneRequest
from domain.scene.sizing import scaled_size, scales_with_map

CROWDING_LIMIT = 0.55  # share of the map that top-level footprints may ask for
_OPPOSITE = {"north_of": "south_of", "east_of": "west_of"}
_CANON = {"above": "north_of", "below": "south_of", "left_of": "west_of", "right_of": "east_of"}
_REGION_OPPOSITE = {("north", "south"), ("east", "west")}
_PHASE_ONE_LAST_RANK = 4


def build_items(request: SceneRequest, width: int, height: int) -> list[Item]:
    items = []
    for index, spec in enumerate(request.things, start=1):
        kind = catalog.KIND_BY_NAME[spec.kind]
        w, h = scaled_size(kind, spec.size, width, height)
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
        if host is None:
            continue
        if relation.predicate == "inside" and _can_hold(host, item) and not _ancestor(item, host):
            item.host = host
        if relation.predicate == "around" and _surrounds(item, host):
            host.host = item
    rooms = [item for item in items if item.kind.name == "room"]
    islands = [item for item in items if item.kind.name == "island"]
    for item in items:
        if item.host is not None or item.kind.shape == "path":
            continue
        if scene == "dungeon" and item.kind.name not in ("room", "door") and rooms:
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


def _surrounds(area: Item, inner: Item) -> bool:
    """`a forest around a clearing`: the clearing goes inside the forest."""
    kind = area.kind
    if kind.shape != "area" or kind.water or kind.container == "none":
        return False
    return inner.host is None and inner.kind.shape != "path" and not _ancestor(inner, area)


def _lives_on_land(item: Item) -> bool:
    return not item.kind.afloat and item.kind.name not in ("island", "sea")


def _can_hold(host: Item, item: Item) -> bool:
    if host.kind.shape == "path" or item.kind.shape == "path" or item.kind.edge:
        return False  # a sea strip lies along the map's edge, never inside a thing
    if host.kind.water:
        return item.kind.afloat
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


def fit_sizes(items: list[Item], width: int, height: int) -> None:
    """Grow containers to hold their children; shrink scalable things on a crowded map."""
    need_of: dict[int, int] = {}
    for child in items:
        if child.host is not None:
            need_of[child.host.index] = need_of.get(child.host.index, 0) + (child.w + 1) * (
                child.h + 1
            )
    for item in items:
        need = need_of.get(item.index, 0)
        if not need or not scales_with_map(item.kind):
            continue
        inset = 2 if item.kind.container == "walled" else 0
        have = max(1, (item.w - inset) * (item.h - inset))
        if need * 2 > have:
            factor = min(2.5, (need * 2 / have) ** 0.5)
            item.w = min(width - 2, max(item.w, round(item.w * factor)))
            item.h = min(height - 2, max(item.h, round(item.h * factor)))
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


def rank(item: Item) -> int:
    kind = item.kind
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


def _key(item: Item) -> tuple[int, int, int]:
    """Rank first; among paths, water first, so roads meet rivers and get bridges."""
    return rank(item), 0 if item.kind.water else 1, item.index


def placing_order(items: list[Item], relations: list[RelationSpec]) -> list[Item]:
    """Objects of a relation before its subject, hosts before children, big before small."""
    by_id = {item.id: item for item in items}
    needs: dict[str, set[str]] = {item.id: set() for item in items}
    for relation in relations:
        if relation.predicate == "connected_to" or relation.subject not in by_id:
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
    for item in items:  # the first phase never waits for a thing placed later
        if rank(item) <= _PHASE_ONE_LAST_RANK:
            needs[item.id] = {
                other for other in needs[item.id] if rank(by_id[other]) <= _PHASE_ONE_LAST_RANK
            }
    waiting_on: dict[str, list[str]] = {}
    for thing_id, wanted in needs.items():
        for other in wanted:
            waiting_on.setdefault(other, []).append(thing_id)
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


def contradictions(relations: list[RelationSpec]) -> tuple[set[int], list[str]]:
    """Indices of relations that cannot hold together with an earlier one, and why."""
    seen: dict[tuple[str, str, tuple[str, ...], str | None], int] = {}
    bad: set[int] = set()
    notes: list[str] = []
    for index, relation in enumerate(relations):
        predicate = _CANON.get(relation.predicate, relation.predicate)
        key = (relation.subject, predicate, relation.objects, relation.argument)
        for clash in _clashes(relation.subject, predicate, relation.objects, relation.argument):
            if clash in seen:
                bad.add(index)
                earlier = relations[seen[clash]]
                notes.append(
                    f"contradictory: {relation.subject} {relation.predicate} "
                    f"{' '.join(relation.objects) or relation.argument or ''}".rstrip()
                    + f" conflicts with {earlier.subject} {earlier.predicate} "
                    f"{' '.join(earlier.objects) or earlier.argument or ''}".rstrip()
                )
                break
        seen.setdefault(key, index)
    return bad, notes


def _clashes(
    subject: str, predicate: str, objects: tuple[str, ...], argument: str | None
) -> list[tuple[str, str, tuple[str, ...], str | None]]:
    out: list[tuple[str, str, tuple[str, ...], str | None]] = []
    opposite = _OPPOSITE.get(predicate) or {v: k for k, v in _OPPOSITE.items()}.get(predicate)
    if opposite is not None and objects:
        out.append((subject, opposite, objects, None))
        out.append((objects[0], predicate, (subject,), None))
    if predicate in ("next_to", "near") and objects:
        out.extend(
            [(subject, "far_from", objects, None), (objects[0], "far_from", (subject,), None)]
        )
    if predicate == "far_from" and objects:
        for close in ("next_to", "near"):
            out.extend([(subject, close, objects, None), (objects[0], close, (subject,), None)])
    if predicate == "inside" and objects:
        out.append((objects[0], "inside", (subject,), None))
    if predicate == "in_region" and argument is not None:
        for a, b in _REGION_OPPOSITE:
            if argument == a:
                out.append((subject, "in_region", objects, b))
            if argument == b:
                out.append((subject, "in_region", objects, a))
    return out
