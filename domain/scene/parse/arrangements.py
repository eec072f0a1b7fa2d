"""Arrangements a prompt names for a group: rows, a ring, each corner, both sides of a
street, every wall, facing one another, standing on something.

Each becomes stated relations (see `terms.py`) that the placer aims at and the verifier
checks; nothing here places anything.
"""

from typing import TYPE_CHECKING

from domain.scene import vocabulary as v
from domain.scene.parse import lexicon

if TYPE_CHECKING:
    from domain.scene.parse.state import Group, ParseState

ROWS_OF_A_BARE_PLURAL = 6
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
    direction: str | None = None,
) -> bool:
    """State the relations of an arrangement; False when `predicate` is not one."""
    target = targets[0] if targets else ()
    if predicate == "~rows":
        _group_relation(state, subject, "in_rows", _rows(pattern, direction))
    elif predicate == "~ring":
        _group_relation(state, subject, "in_ring", None)
    elif predicate == "~each_corner":
        _each_corner(state, subject, target)
    elif predicate == "~both_sides":
        if "each" in pattern and subject.counted and len(subject.ids) > 1:
            state.grow(subject, 2 * len(subject.ids))  # `six cells on each side`: twelve
        _both_sides(state, subject, target, flanking="flanking" in pattern)
    elif predicate == "~walls":
        _walls(state, subject, pattern)
    elif predicate == "~ends":
        _ends(state, subject)
    elif predicate == "~long_walls":
        if len(subject.ids) < 2:
            state.grow(subject, 2)
        for k, thing_id in enumerate(subject.ids):  # the long walls of a wide room
            state.add(thing_id, "against_wall", (), ("north", "south")[k % 2])
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


def _rows(pattern: tuple[str, ...], stated: str | None) -> str | None:
    """How many rows: `in two rows` -> "2", `in a grid` -> "grid", else as counted before."""
    if "grid" in pattern or "square" in pattern:
        return "grid"  # (`four pillars in a square`: two rows of two)
    lined_up = "lined" in pattern and not {"rows", "lines", "columns", "ranks"} & set(pattern)
    if "row" in pattern or "line" in pattern or lined_up:
        return "1"  # `parked in a row`, `in a single line`, `lined up`
    for word in pattern:
        if word in v.NUMBER_WORDS and v.NUMBER_WORDS[word] > 1:
            return str(v.NUMBER_WORDS[word])
    return stated if stated is not None and (stated.isdigit() or stated == "grid") else None


def _group_relation(
    state: "ParseState", subject: "Group", predicate: str, argument: str | None
) -> None:
    if predicate == "in_rows" and not subject.counted:
        rows = int(argument) if argument is not None and argument.isdigit() else 1
        # `trees in rows`: more than three; `crates in 4 rows`: two or more in each
        state.grow(subject, max(ROWS_OF_A_BARE_PLURAL, 2 * rows))
    if len(subject.ids) < 2:
        state.warn(f"'{predicate.replace('_', ' ')}' needs several things; {subject.ids[0]} is one")
        return
    state.add(subject.ids[0], predicate, tuple(subject.ids[1:]), argument)


def _each_corner(state: "ParseState", subject: "Group", target: tuple[str, ...]) -> None:
    """`a tower at each corner of the castle`: one per corner, four in all."""
    if len(subject.ids) < len(CORNERS):
        state.grow(subject, len(CORNERS))
    owner = state.with_owner
    if owner is not None and lexicon.kind_spec(owner.kind).container == "none":
        owner = None  # `a table with two stools and a torch in each corner`: the room's
    frame = target[:1] or (
        tuple(owner.ids[:1]) if owner is not None and owner is not subject else ()
    )
    if frame and lexicon.kind_spec(state.kind_of(frame[0])).container == "none":
        for thing_id in subject.ids:  # `a statue at each corner of the pyramid`: round it
            state.add(thing_id, "around", frame, None)
        return
    for k, thing_id in enumerate(subject.ids):
        state.add(thing_id, "in_corner", frame, CORNERS[k % len(CORNERS)])


def _both_sides(
    state: "ParseState", subject: "Group", target: tuple[str, ...], flanking: bool = False
) -> None:
    """`houses on both sides of the street`: alternately on its left and its right;
    `braziers flanking the altar`: on its left and right as one faces it."""
    if not target:
        state.warn(f"'both sides' of nothing known for {subject.ids[0]}; ignored")
        return
    if len(subject.ids) < 2:
        state.grow(subject, 2)
    elif not subject.counted and lexicon.kind_spec(subject.kind).shape == "path":
        state.recount(subject, 2)  # `walkways on both sides of the channel`: one each side
    line = target[0]
    along = lexicon.kind_spec(state.kind_of(line))
    is_path = along.shape == "path"
    for k, thing_id in enumerate(subject.ids):
        if is_path:
            state.add(thing_id, "on_side_of", (line,), SIDES[k % 2])
            state.add(thing_id, "near", (line,), None)  # shops on both sides face the street
        elif along.container == "open" and along.rotatable:
            # `stools along the sides of the table`: at the table, whichever way it lies
            state.add(thing_id, "next_to", (line,), None)
        else:  # on its long sides: west and east, or north and south of a wide court
            wide = _faced_from_the_side(state, line) if flanking else along.width > along.height
            sides = ("north_of", "south_of") if wide else ("west_of", "east_of")
            state.add(thing_id, sides[k % 2], (line,), None)
            state.add(thing_id, "near", (line,), None)


def _faced_from_the_side(state: "ParseState", thing_id: str) -> bool:
    """Whether one faces `thing_id` looking east or west: it stands by the east or west
    wall. Anything else is faced from the south, the place's front."""
    return any(
        r.subject == thing_id
        and not r.objects
        and r.predicate in ("against_wall", "in_region")
        and r.argument in ("east", "west")
        for r in state.relations
    )


def _walls(state: "ParseState", subject: "Group", pattern: tuple[str, ...]) -> None:
    """`shelves lining the walls`: spread over the walls; `a torch on each wall`: one each."""
    lone = not subject.counted or len(subject.ids) == 1  # (`3 benches around the edge`: three)
    if _EVERY & set(pattern) and len(subject.ids) < len(WALLS) and lone:
        state.grow(subject, len(WALLS))
    for k, thing_id in enumerate(subject.ids):
        state.add(thing_id, "against_wall", (), WALLS[k % len(WALLS)])


def _ends(state: "ParseState", subject: "Group") -> None:
    """`two goals, one at each end`: one at the west end and one at the east end;
    `airlocks at both ends`: two."""
    if not subject.counted:
        state.recount(subject, 2)
    elif len(subject.ids) < 2:
        state.grow(subject, 2)
    for k, thing_id in enumerate(subject.ids):
        state.add(thing_id, "in_region", (), ("west", "east")[k % 2])


def _facing_each_other(state: "ParseState", subject: "Group") -> None:
    if len(subject.ids) < 2:
        state.grow(subject, 2)
    for k in range(0, len(subject.ids) - 1, 2):
        state.add(subject.ids[k], "facing", (subject.ids[k + 1],), None)


_TOPS = frozenset(["oven", "counter", "bar", "desk", "workbench", "altar", "fireplace"])


def _standing_on(state: "ParseState", subject: "Group", target: tuple[str, ...]) -> None:
    """`a boat on the lake`, `a skeleton on a trap`, `a candle on the table`.

    Inside what holds it (a walled room, a field, a lake for a boat); on a surface (a table,
    a stage, a rug) or a flat thing (a trap) when it fits on the footprint; next to it when
    it is larger, or when both are solid and the lower one is no surface (a chair `on` a stool).
    """
    kind = lexicon.kind_spec(subject.kind)
    for k, thing_id in enumerate(subject.ids):
        base = target[k % len(target)]
        under = lexicon.kind_spec(state.kind_of(base))
        holds = under.container == "walled" or (under.container == "open" and under.shape == "area")
        fits = kind.width <= under.width and kind.height <= under.height
        small = kind.shape == "box" and kind.layer in ("actor", "object")
        # a small thing on a solid thing the vocabulary has no kind for (a crystal ball on a
        # pedestal) stands on it; a chair `on` a stool, a cauldron over the fire: side by side
        light = small and bool(under.category) and kind.category != "furniture"
        top = under.name in _TOPS and kind.width * kind.height == 1  # a kettle on the stove
        surface = under.container == "open" or not under.solid or not kind.solid or light or top
        if under.shape == "path" and under.walkable and small:
            state.add(thing_id, "on", (base,), None)  # `a wagon on the road`
        elif under.shape == "path":
            state.add(thing_id, "next_to", (base,), None)
        elif kind.layer == "actor" and under.shape == "box" and not fits:
            state.add(thing_id, "on", (base,), None)  # `a dragon sleeping on its hoard`
        elif kind.afloat and kind.layer == "structure" and under.water:
            state.add(thing_id, "on_shore", (base,), None)  # a pier on the lake: from its shore
        elif holds or (under.water and kind.afloat):
            state.add(thing_id, "inside", (base,), None)
        elif surface and (fits or under.shape == "area"):
            state.add(thing_id, "on", (base,), None)
        else:
            state.add(thing_id, "next_to", (base,), None)
