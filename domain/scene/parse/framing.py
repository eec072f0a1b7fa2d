"""Framing: corners and regions framed by a room or an island, and framing that contradicts."""

from domain.scene.model import RelationSpec, ThingSpec
from domain.scene.parse import lexicon
from domain.scene.parse.state import ParseState

_ROOM_FRAMED = frozenset(["in_corner", "against_wall", "in_center"])
_FRAMING = frozenset(["in_corner", "in_center", "in_region"])


def framing_contradictions(state: ParseState, relations: list[RelationSpec]) -> None:
    """`a bed in the northeast corner and the bed in the southwest corner`: both are kept
    and checked (one will not hold), and the contradiction is said."""
    framed: dict[str, list[str]] = {}
    for relation in relations:
        if relation.predicate in _FRAMING and not relation.objects:
            where = relation.argument or relation.predicate.removeprefix("in_")
            if relation.predicate == "in_corner":
                where = f"{relation.argument or 'a'} corner"
            framed.setdefault(relation.subject, []).append(where)
    for subject, places in framed.items():
        distinct = list(dict.fromkeys(places))
        if len(distinct) > 1 and not _compatible(distinct):
            state.warn(
                f"contradiction: {subject} cannot be both in the {distinct[0]} and in the"
                f" {distinct[1]}"
            )


def _compatible(places: list[str]) -> bool:
    """`in the north` and `in the northwest corner` agree; `center` and a corner do not."""
    sides = [p.removesuffix(" corner") for p in places]
    if "center" in sides:
        return len(set(sides)) == 1
    return all(a in b or b in a for a in sides for b in sides)


def frames(
    scene: str,
    things: list[ThingSpec],
    relations: list[RelationSpec],
    area_owners: dict[str, str],
) -> list[RelationSpec]:
    """Corners and walls in a dungeon are a room's; a tip on an island is the island's; the
    middle of `a lake with an island in the middle` is the lake's."""
    kinds = {thing.id: thing.kind for thing in things}
    islands = [thing.id for thing in things if thing.kind == "island"]
    hosts = {r.subject: r.objects[0] for r in relations if r.predicate == "inside" and r.objects}
    out = []
    for relation in relations:
        if relation.objects or relation.subject not in kinds:
            out.append(relation)
            continue
        kind = lexicon.kind_spec(kinds[relation.subject])
        frame: str | None = None
        if scene == "dungeon" and relation.predicate in _ROOM_FRAMED and kind.name != "room":
            frame = hosts.get(relation.subject)
        on_land = not kind.afloat and kind.name not in ("island", "sea")
        if scene == "island" and relation.predicate == "in_region" and islands and on_land:
            frame = hosts.get(relation.subject, islands[0])
        if frame is None and relation.predicate == "in_center":
            frame = area_owners.get(relation.subject)  # the middle of the lake, not its west
            if frame is not None and relation.subject not in hosts:
                out.append(
                    RelationSpec(subject=relation.subject, predicate="inside", objects=(frame,))
                )
        if frame is None:
            out.append(relation)
        else:
            out.append(
                RelationSpec(
                    subject=relation.subject,
                    predicate=relation.predicate,
                    objects=(frame,),
                    argument=relation.argument,
                )
            )
    return out
