"""The placer's score for a candidate: the sum of its relations' penalties."""

from typing import NamedTuple

from domain.scene import relation_rules as rules
from domain.scene.layout import pattern_penalty
from domain.scene.layout import penalty as pen
from domain.scene.layout.context import Context, Geo, Item
from domain.scene.model import RelationSpec


def relation_penalty(ctx: Context, relation: RelationSpec, lookup: pen.Lookup) -> float:
    """0 when the relation holds for the footprints `lookup` returns (None = not placed)."""
    if relation.predicate in pattern_penalty.HANDLED:
        return pattern_penalty.penalty(ctx, relation, lookup)
    subject = lookup(relation.subject)
    if subject is None:
        return 0.0
    objects: list[Geo] = []
    for thing_id in relation.objects:
        geo = lookup(thing_id)
        if geo is None:
            return 0.0
        objects.append(geo)
    predicate, argument = relation.predicate, relation.argument
    if predicate in rules.DIRECTION_OF:
        return float(pen.directional(subject, objects[0], rules.DIRECTION_OF[predicate]))
    if predicate == "in_region":
        return pen.region(subject, pen.frame_of(ctx, relation.objects), argument or "north")
    if predicate == "in_center":
        return pen.center(subject, pen.frame_of(ctx, relation.objects), argument)
    if predicate == "in_corner":
        return pen.corner(subject, pen.frame_of(ctx, relation.objects), argument)
    if predicate == "against_wall":
        item = ctx.by_id[relation.subject]
        if objects and not pen.item_host_is(item, relation.objects[0]):
            return pen.outside_wall(subject, objects[0], argument)
        across = 0.0
        if item.kind.rotatable and subject.w != subject.h and argument is not None:
            lying = (subject.w > subject.h) == (argument in ("north", "south"))
            across = 0.0 if lying else 0.25  # the long side along the wall
        return pen.wall(subject, pen.frame_of(ctx, relation.objects), argument) + across
    if predicate == "along" and not objects:
        return pen.edge(subject, ctx.width, ctx.height, argument)
    if predicate == "between" and len(objects) == 2:
        return pen.between(subject, objects[0], objects[1])
    if predicate == "across" and objects:
        return pen.overlap_or_gap(ctx, subject, relation.subject, objects[0], relation.objects[0])
    if predicate == "inside" and objects:
        return _inside(ctx, relation, subject, objects[0])
    if not objects:
        return 0.0
    distance = pen.gap(ctx, subject, relation.subject, objects[0], relation.objects[0])
    if predicate == "next_to":
        return float(max(0, distance - rules.NEXT_TO_GAP))
    if predicate == "near":
        return float(max(0, distance - rules.NEAR_GAP))
    if predicate == "along":
        return float(max(0, distance - rules.ALONG_GAP))
    if predicate == "around":
        return float(max(0, distance - around_reach(ctx, relation.objects[0])))
    if predicate == "far_from":
        return float(max(0, rules.far_gap(ctx.width, ctx.height) - distance))
    return 0.0


def _inside(ctx: Context, relation: RelationSpec, subject: Geo, host: Geo) -> float:
    item = ctx.by_id[relation.subject]
    if pen.item_host_is(item, relation.objects[0]):
        return 0.0
    return float(
        max(0, host.x - subject.x)
        + max(0, subject.x + subject.w - host.x - host.w)
        + max(0, host.y - subject.y)
        + max(0, subject.y + subject.h - host.y - host.h)
        + 1
    )


def around_reach(ctx: Context, centre_id: str) -> int:
    """The gap `around` allows for the group round this centre (see relation_rules)."""
    found = ctx.reach.get(centre_id)
    if found is None:
        centre = ctx.by_id[centre_id]
        ids = ctx.around_members.get(centre_id, [])
        sizes = [(ctx.by_id[i].base_w, ctx.by_id[i].base_h) for i in ids]
        found = rules.around_reach(sizes, centre.w, centre.h)
        ctx.reach[centre_id] = found
    return found


def side_of(geo: Geo, other: Geo) -> str:
    """Which side of `other` a footprint stands on (its centre, scaled to other's shape)."""
    dx = (2 * geo.x + geo.w) - (2 * other.x + other.w)
    dy = (2 * geo.y + geo.h) - (2 * other.y + other.h)
    if abs(dx) * max(1, other.h) >= abs(dy) * max(1, other.w):
        return "east" if dx > 0 else "west"
    return "south" if dy > 0 else "north"


class Spread(NamedTuple):
    """Sides of a centre that a group (`trees around the well`) already stands on."""

    centre: Geo
    used: frozenset[str]
    wanted: int


def spread_plan(ctx: Context, item: Item, relation: RelationSpec) -> Spread | None:
    centre = ctx.geo(relation.objects[0]) if relation.objects else None
    if centre is None:
        return None
    used: set[str] = set()
    mates = 0
    for mate_id in ctx.around_members.get(relation.objects[0], ()):
        mate = ctx.by_id.get(mate_id)
        if mate is None or mate is item:
            continue
        mates += 1
        mate_geo = ctx.geo(mate.id)
        if mate_geo is not None:
            used.add(side_of(mate_geo, centre))
    return Spread(centre, frozenset(used), min(4, mates + 1))


def spread_cost(plan: Spread, geo: Geo) -> float:
    """Extra cost for taking a side a group mate took while free sides remain."""
    if len(plan.used) >= plan.wanted:
        return 0.0
    return 1.5 if side_of(geo, plan.centre) in plan.used else 0.0
