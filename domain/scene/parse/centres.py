"""Middles that belong to something: a ring's middle, a container's middle."""

import msgspec

from domain.scene import relation_rules as rules
from domain.scene.model import RelationSpec, ThingSpec
from domain.scene.parse import lexicon

_FRAMED = frozenset(["in_center", "in_corner", "in_region"])
_AREAS = frozenset(["terrain", "structure"])


def ring_round_the_middle(relations: list[RelationSpec]) -> list[RelationSpec]:
    """`a ring of standing stones with an altar stone in the middle`: the ring stands round the
    altar (which stays in the middle), not in a circle of its own beside it."""
    rings = [r for r in relations if r.predicate == "in_ring"]
    if len(rings) != 1:
        return relations
    ring = rings[0]
    members = {ring.subject, *ring.objects}
    middles = [
        r.subject
        for r in relations
        if r.predicate == "in_center"
        and not r.objects
        and r.argument is None
        and r.subject not in members
    ]
    if len(middles) != 1:
        return relations
    if any(r.predicate == "around" and r.subject in members for r in relations):
        return relations
    middle = middles[0]
    out = [r for r in relations if r is not ring]
    out.extend(
        RelationSpec(subject=member, predicate="around", objects=(middle,))
        for member in sorted(members)
    )
    return out


def centre_goes_with_its_ring(
    things: list[ThingSpec], relations: list[RelationSpec]
) -> list[RelationSpec]:
    """`a glade with five tree houses in a circle around an oak`: the houses are in the glade,
    so the oak they ring is in it too."""
    kinds = {thing.id: thing.kind for thing in things}
    sizes = {thing.id: thing.size for thing in things}
    hosts = {r.subject: r.objects[0] for r in relations if r.predicate == "inside" and r.objects}
    out = list(relations)
    for relation in relations:
        if relation.predicate != "around" or not relation.objects:
            continue
        centre, host = relation.objects[0], hosts.get(relation.subject)
        if host is None or centre in hosts or centre == host or centre not in kinds:
            continue
        if sizes.get(centre) == "vast":
            continue
        out.append(RelationSpec(subject=centre, predicate="inside", objects=(host,)))
        hosts[centre] = host
    return out


def framed_by_host(things: list[ThingSpec], relations: list[RelationSpec]) -> list[RelationSpec]:
    """`a castle courtyard with a well in the center`: the middle of the courtyard the well is
    in, not of the map: a thing inside an area or a building is framed by it (not by a table
    it stands on: `a lamp on the table in the corner` is in the room's corner)."""
    framing = {
        thing.id
        for thing in things
        if thing.size != "vast" and lexicon.kind_spec(thing.kind).layer in _AREAS
    }
    hosts = {
        r.subject: r.objects[0]
        for r in relations
        if r.predicate == "inside" and r.objects and r.objects[0] in framing
    }
    out = []
    for relation in relations:
        host = hosts.get(relation.subject)
        if relation.predicate in _FRAMED and not relation.objects and host is not None:
            relation = RelationSpec(
                subject=relation.subject,
                predicate=relation.predicate,
                objects=(host,),
                argument=relation.argument,
            )
        out.append(relation)
    return out


def facing_from_afar(relations: list[RelationSpec]) -> list[RelationSpec]:
    """`the captain's chair facing the viewscreen, in the middle`: it faces the screen from
    where it is put, however far (not from a step away)."""
    framed = {r.subject for r in relations if r.predicate in _FRAMED and not r.objects}
    return [
        msgspec.structs.replace(r, argument=rules.FROM_AFAR)
        if r.predicate == "facing" and r.subject in framed and r.argument is None
        else r
        for r in relations
    ]


def ring_said_round_a_centre(relations: list[RelationSpec]) -> list[RelationSpec]:
    """`a ring of 8 huts around the longhouse`: their ring is the one round the longhouse;
    a circle of their own, drawn first, would stand beside it."""
    around = {r.subject: r.objects[0] for r in relations if r.predicate == "around" and r.objects}
    kept = []
    for relation in relations:
        members = (relation.subject, *relation.objects)
        centres = {around.get(m) for m in members}
        if relation.predicate == "in_ring" and len(centres) == 1 and None not in centres:
            continue
        kept.append(relation)
    return kept
