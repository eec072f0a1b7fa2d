"""Slots for a group's members: whether a planned slot is free, how well it keeps the
members' other relations, and the best of several candidate plans."""

from domain.scene.layout.context import Context, Geo, Item
from domain.scene.layout.scoring import relation_penalty

Slot = tuple[int, int, int, int]  # x, y, w, h
Plan = dict[str, Slot]
TRIALS = 24
GROUPED = ("in_rows", "in_ring")


def fits(ctx: Context, member: Item, slot: Slot, host: Item | None) -> bool:
    x, y, w, h = slot
    afloat = member.kind.afloat
    water = frozenset(i.index for i in ctx.items if i.placed and i.kind.water) if afloat else None
    index = host.index if host is not None else 0
    return ctx.grid.fits(x, y, w, h, index, afloat, False, member.kind.round, water or frozenset())


def apart(slots: list[Slot], gap: int) -> bool:
    return all(clear_of(slot, slots[k + 1 :], gap) for k, slot in enumerate(slots))


def clear_of(slot: Slot, others: list[Slot], gap: int) -> bool:
    """At least `gap` free cells between `slot` and each of `others`."""
    ax, ay, aw, ah = slot
    for bx, by, bw, bh in others:
        if max(bx - (ax + aw), ax - (bx + bw), by - (ay + ah), ay - (by + bh)) < gap:
            return False
    return True


def score(ctx: Context, members: list[Item], slots: list[Slot]) -> float:
    """The members' other relations (a direction, a region) judged at their slots."""
    geos = {m.id: Geo(*slot) for m, slot in zip(members, slots, strict=True)}

    def lookup(thing_id: str) -> Geo | None:
        return geos.get(thing_id) or ctx.geo(thing_id)

    total = 0.0
    for member in members:
        for relation in ctx.rels_of.get(member.id, ()):
            if relation.subject == member.id and relation.predicate not in (*GROUPED, "around"):
                total += relation_penalty(ctx, relation, lookup)
    return total


def best(ctx: Context, members: list[Item], options: list[list[Slot]], host: Item | None) -> Plan:
    """The free option with the lowest score (the first such, in the order given)."""
    chosen: tuple[float, list[Slot]] | None = None
    for slots in options:
        if not all(fits(ctx, m, s, host) for m, s in zip(members, slots, strict=True)):
            continue
        ctx.work += len(slots)
        value = score(ctx, members, slots)
        if chosen is None or value < chosen[0]:
            chosen = (value, slots)
            if value == 0:
                break
    if chosen is None:
        return {}
    return {m.id: slot for m, slot in zip(members, chosen[1], strict=True)}
