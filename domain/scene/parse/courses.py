"""Courses of paths: `a river from north to south`, `a road running east-west`, a crossroads."""

from domain.scene import vocabulary as v
from domain.scene.parse import lexicon
from domain.scene.parse.state import Group, ParseState
from domain.scene.parse.words import QUIET_WORDS
from domain.scene.terms import OPPOSITE_SIDE

CROSSROADS_WORDS = frozenset(["crossroads", "crossroad", "intersection", "junction"])
_HEADING = {
    "north": "north_south",
    "south": "north_south",
    "east": "east_west",
    "west": "east_west",
}
_FROM_WORDS = frozenset(["from", "the"])
_TO_WORDS = frozenset(["to", "towards", "toward", "into"])


def read_course(state: ParseState, tokens: list[str], i: int) -> int | None:
    """A heading or a crossroads at `i`: where reading goes on, or None when it is neither."""
    word = tokens[i]
    heading = _heading(tokens, i)
    if heading is None and (word in v.DECORATIVE_WORDS or word in QUIET_WORDS):
        heading = _heading(tokens, i + 1)  # `a stream running east to west`
    if heading is not None:
        return _runs(state, *heading)
    if word in CROSSROADS_WORDS:
        return crossroads(state, word, i)
    return None


def _heading(tokens: list[str], i: int) -> tuple[str, int] | None:
    """`from (the) north (edge) to (the) south`, `north to south`, `north-south`."""
    j = i
    while j < len(tokens) and tokens[j] in _FROM_WORDS:
        j += 1
    first = lexicon.match_direction(tokens, j)
    if first is None or first[0] not in OPPOSITE_SIDE or (j == i and tokens[i] in ("to",)):
        return None
    j = first[2]
    if j < len(tokens) and tokens[j] in v.PART_WORDS:
        j += 1
    if j < len(tokens) and tokens[j] in _TO_WORDS:
        j += 1
        while j < len(tokens) and tokens[j] == "the":
            j += 1
    elif j > i + 1 or tokens[i] in _FROM_WORDS:
        return None
    second = lexicon.match_direction(tokens, j)
    if second is None or second[0] != OPPOSITE_SIDE[first[0]]:
        return None
    j = second[2]
    if j < len(tokens) and tokens[j] in v.PART_WORDS:
        j += 1
    return _HEADING[first[0]], j


def _runs(state: ParseState, heading: str, end: int) -> int:
    """`a river from north to south`: the path runs from one map edge to the other."""
    subject = state.subject
    if not isinstance(subject, Group) and state.spine_kind() is not None:
        subject = state.subject = state.spine()  # `a street running north to south`: its road
    if isinstance(subject, Group) and lexicon.kind_spec(subject.kind).shape == "box":
        state.lengthen(subject)  # `3 assembly lines running east-west`: long ones
        return end
    if not isinstance(subject, Group) or lexicon.kind_spec(subject.kind).shape != "path":
        state.warn(f"'{heading.replace('_', ' to ')}' fits only a river, road or wall; ignored")
        return end
    for thing_id in subject.ids:
        state.add(thing_id, "runs", (), heading)
    return end


_ALONG_WALLS = frozenset(["along", "against", "on", "lining", "by"])


def read_two_walls(state: ParseState, tokens: list[str], i: int) -> int | None:
    """`display cases along the east and west walls`: spread over the two walls named."""
    if tokens[i] not in _ALONG_WALLS or not isinstance(state.subject, Group):
        return None
    j = i + 1
    if j < len(tokens) and tokens[j] == "the":
        j += 1
    first = lexicon.match_direction(tokens, j)
    if first is None or first[2] >= len(tokens) or tokens[first[2]] != "and":
        return None
    second = lexicon.match_direction(tokens, first[2] + 1)
    if second is None or second[2] >= len(tokens) or tokens[second[2]] not in ("walls", "sides"):
        return None
    sides = (first[0], second[0])
    subject = state.subject
    if len(subject.ids) < 2:
        state.grow(subject, 2)
    predicate = "against_wall" if tokens[second[2]] == "walls" else "in_region"
    for k, thing_id in enumerate(subject.ids):
        state.add(thing_id, predicate, (), sides[k % 2])
    _a_row_on_each(state, subject.ids)
    return second[2] + 1


def _a_row_on_each(state: ParseState, ids: list[str]) -> None:
    """`10 arcade cabinets lined up along the east and west walls`: a row on each wall, not
    one row across both."""
    mine = set(ids)
    lined = [r for r in state.relations if r.subject in mine and r.predicate == "in_rows"]
    if not lined:
        return
    state.relations = [r for r in state.relations if r not in lined]
    for row in (ids[0::2], ids[1::2]):
        if len(row) > 1:
            state.add(row[0], "in_rows", tuple(row[1:]), "1")


def crossroads(state: ParseState, word: str, i: int) -> int:
    """`a crossroads`: two roads, one north to south, one east to west, crossing."""
    group = state.new_group("road", 2, "medium", True, word)
    if group is None:
        return i + 1
    first, second = group.ids
    state.add(first, "runs", (), "north_south")
    state.add(second, "runs", (), "east_west")
    state.add(second, "across", (first,), None)
    state.subject, state.stale = group, False
    return i + 1
