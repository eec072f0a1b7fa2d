"""Relations that cannot hold together with an earlier one (north of X and south of X)."""

from domain.scene.model import RelationSpec

_OPPOSITE = {"north_of": "south_of", "east_of": "west_of"}
_CANON = {"above": "north_of", "below": "south_of", "left_of": "west_of", "right_of": "east_of"}
_REGION_OPPOSITE = {("north", "south"), ("east", "west")}


def contradictions(relations: list[RelationSpec]) -> tuple[set[int], list[str]]:
    """Indices of relations that cannot hold together with an earlier one, and why."""
    seen: dict[tuple[str, str, tuple[str, ...], str | None], int] = {}
    orders: dict[str, dict[str, set[str]]] = {}
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
        if index not in bad and _closes_a_circle(
            orders, relation.subject, predicate, relation.objects
        ):
            bad.add(index)
            notes.append(
                f"contradictory: {relation.subject} {relation.predicate} "
                f"{' '.join(relation.objects)} closes a circle with the relations before it"
            )
    return bad, notes


# `a north of b`, `b north of c`, `c north of a`: each axis's order, a -> b for a before b
_AXIS = {
    "north_of": ("north", False),
    "south_of": ("north", True),
    "west_of": ("west", False),
    "east_of": ("west", True),
}


def _closes_a_circle(
    orders: dict[str, dict[str, set[str]]], subject: str, predicate: str, objects: tuple[str, ...]
) -> bool:
    """Whether the relation contradicts a chain of earlier ones on its axis; else it is
    added to that axis's order."""
    if predicate not in _AXIS or len(objects) != 1:
        return False
    axis, flipped = _AXIS[predicate]
    first, second = (objects[0], subject) if flipped else (subject, objects[0])
    order = orders.setdefault(axis, {})
    seen, frontier = {second}, [second]
    while frontier:
        node = frontier.pop()
        if node == first:
            return True
        for after in order.get(node, ()):
            if after not in seen:
                seen.add(after)
                frontier.append(after)
    order.setdefault(first, set()).add(second)
    return False


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
