"""Arrangements a prompt names for a group: rows, a ring, each corner, both sides of a
street, every wall, facing one another, standing on something.

Each becomes stated relations (see `terms.py`) that the placer aims at and the verifier
checks; nothing here places anything.
"""

from typing import TYPE_CHECKING

from domain.scene.parse import lexicon

if TYPE_CHECKING:
    from domain.scene.parse.state import Group, ParseState

CORNERS = ("northwest", "northeast", "southeast", "southwest")
WALLS = ("north", "east", "south", "west")
SIDES = ("left", "right")
ON_WORDS = frozenset(
    [
        "on",
        "upon",
        "atop",
        "onto",
        "top",
        "sitting",
        "standing",
        "lying",
        "resting",
        "sleeping",
        "perched",
        "floating",
    ]
)
_EVERY = frozenset(["each", "every", "all", "four"])


def arrange(
    state: "ParseState",
    subject: "Group",
    predicate: str,
    targets: list[tuple[str, ...]],
    pattern: tuple[str, ...],
) -> bool:
    """State the relations of an arrangement; False when `predicate` is not one."""
    target = targets[0] if targets else ()
    if predicate == "~rows":
        _group_relation(state, subject, "in_rows")
    elif predicate == "~ring":
        _group_relation(state, subject, "in_ring")
    elif predicate == "~each_corner":
        _each_corner(state, subject, target)
    elif predicate == "~both_sides":
        _both_sides(state, subject, target)
    elif predicate == "~walls":
        _walls(state, subject, pattern)
    elif predicate == "facing" and not target:
        _facing_each_other(state, subject)
    elif predicate == "across_from" and len(targets) == 2 and targets[1]:
        for k, thing_id in enumerate(subject.ids):
            state.add(thing_id, "across_from", (target[k % len(target)], targets[1][0]), None)
    elif predicate in ("on", "inside") and target and pattern[0] in ON_WORDS:
        _standing_on(state, subject, target)
    else:
        return False
    return True


def _group_relation(state: "ParseState", subject: "Group", predicate: str) -> None:
    if len(subject.ids) < 2:
        state.warn(f"'{predicate.replace('_', ' ')}' needs several things; {subject.ids[0]} is one")
        return
    state.add(subject.ids[0], predicate, tuple(subject.ids[1:]), None)


def _each_corner(state: "ParseState", subject: "Group", target: tuple[str, ...]) -> None:
    """`a tower at each corner of the castle`: one per corner, four in all."""
    if len(subject.ids) < len(CORNERS):
        state.grow(subject, len(CORNERS))
    frame = target[:1]
    for k, thing_id in enumerate(subject.ids):
        state.add(thing_id, "in_corner", frame, CORNERS[k % len(CORNERS)])


def _both_sides(state: "ParseState", subject: "Group", target: tuple[str, ...]) -> None:
    """`houses on both sides of the street`: alternately on its left and its right."""
    if not target:
        state.warn(f"'both sides' of nothing known for {subject.ids[0]}; ignored")
        return
    if len(subject.ids) < 2:
        state.grow(subject, 2)
    line = target[0]
    is_path = lexicon.KIND_BY_NAME[state.kind_of(line)].shape == "path"
    for k, thing_id in enumerate(subject.ids):
        if is_path:
            state.add(thing_id, "on_side_of", (line,), SIDES[k % 2])
        else:
            state.add(thing_id, ("west_of", "east_of")[k % 2], (line,), None)
            state.add(thing_id, "near", (line,), None)


def _walls(state: "ParseState", subject: "Group", pattern: tuple[str, ...]) -> None:
    """`shelves lining the walls`: spread over the walls; `a torch on each wall`: one each."""
    if _EVERY & set(pattern) and len(subject.ids) < len(WALLS):
        state.grow(subject, len(WALLS))
    for k, thing_id in enumerate(subject.ids):
        state.add(thing_id, "against_wall", (), WALLS[k % len(WALLS)])


def _facing_each_other(state: "ParseState", subject: "Group") -> None:
    if len(subject.ids) < 2:
        state.grow(subject, 2)
    for k in range(0, len(subject.ids) - 1, 2):
        state.add(subject.ids[k], "facing", (subject.ids[k + 1],), None)


def _standing_on(state: "ParseState", subject: "Group", target: tuple[str, ...]) -> None:
    """`a boat on the lake`, `a skeleton on a trap`, `a candle on the table`.

    Inside a holder that can take it (a table, a rug, a lake for a boat); otherwise standing
    on it when it fits on the footprint, and next to it when it is larger than what it is on.
    """
    for k, thing_id in enumerate(subject.ids):
        base = target[k % len(target)]
        kind = lexicon.KIND_BY_NAME[subject.kind]
        under = lexicon.KIND_BY_NAME[state.kind_of(base)]
        holds = under.container != "none" or (under.water and kind.afloat)
        if holds and under.shape != "path":
            state.add(thing_id, "inside", (base,), None)
        elif (kind.width <= under.width and kind.height <= under.height) or under.shape == "area":
            state.add(thing_id, "on", (base,), None)
        else:
            state.add(thing_id, "next_to", (base,), None)
