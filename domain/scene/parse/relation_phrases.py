"""Relation phrases: `north of`, `between ... and ...`, `connected by`, `facing each other`."""

from domain.scene import vocabulary as v
from domain.scene.parse import lexicon
from domain.scene.parse.courses import CROSSROADS_WORDS, crossroads
from domain.scene.parse.links import chain, relate
from domain.scene.parse.naming import EACH_OTHER, name_target
from domain.scene.parse.noun_phrases import NounPhrase, noun_phrase
from domain.scene.parse.state import SCENE, UNKNOWN_THING, Group, ParseState

_TARGETLESS = frozenset(
    [
        "in_region",
        "in_center",
        "in_corner",
        "against_wall",
        "~rows",
        "~ring",
        "~walls",
        "~each_corner",
        "~ends",
        "~long_walls",
        "~all_around",
        "~front",
        "~back",
    ]
)
# Patterns that, without `of`, point back at what was named before (`a road lined with trees
# on both sides`: the road).
_POINTS_BACK = frozenset(["~both_sides", "~head", "~bank"])
_TAKES_AN_OBJECT = frozenset(["of", "flanking"])  # `flanking the altar`
_FRAMING_ONLY = frozenset(["in_region", "in_center", "in_corner"])
_LINKING_TEXT = (
    "is are was were stands stand stood sits sit lies lie lay there rises rise grows grow "
    "waits wait sleeps sleep you find"
)
_LINKING_VERBS = frozenset(_LINKING_TEXT.split())
_VIA = frozenset(["by", "via", "with", "through"])
_ENDS_OF_PHRASE = frozenset([",", ".", ";", ":", "!", "?", "and", "with"])
_UNDER = frozenset(["under", "beneath", "underneath"])
_HANGING = frozenset(["hanging", "hangs", "hung", "suspended", "dangling", "swinging"])
_EACH_OTHER_ACROSS = (("each", "other", "across"), ("one", "another", "across"))


def _down_the_chasm(state: ParseState) -> bool:
    """A path `at the bottom` of the chasm named runs its course."""
    subject = state.subject
    if not isinstance(subject, Group) or lexicon.kind_spec(subject.kind).shape != "path":
        return False
    chasm = next((g for g in state.groups if g.kind == "chasm" and g is not subject), None)
    if chasm is None:
        return False
    runs = [r.argument for r in state.relations if r.subject in chasm.ids and r.predicate == "runs"]
    for thing_id in subject.ids:
        for heading in runs[:1]:
            state.add(thing_id, "runs", (), heading)
    return True


# Facing the bow (east), port is on the left (north) and starboard on the right (south).
_SHIP_ENDS = {
    "stern": "west", "aft": "west", "bow": "east", "bows": "east", "prow": "east",
    "port": "north", "starboard": "south", "larboard": "north", "amidships": "center",
    "midships": "center",
}  # fmt: skip
_AT_AN_END = frozenset(["near", "inside", "next_to", "in_region", "across", "along"])


def _ship_end(state: ParseState, tokens: list[str], j: int) -> tuple[str, int] | None:
    """`the stern` of the hull a deck or cabin is drawn in: its side, and where reading goes on."""
    if state.scene is None or lexicon.SCENE_BY_NAME[state.scene].outline != "hull":
        return None
    j += tokens[j : j + 1] == ["the"]
    side = _SHIP_ENDS.get(tokens[j]) if j < len(tokens) else None
    if side is None or tokens[j + 1 : j + 2] in (["wall"], ["walls"]):
        return None  # (`along the port wall`: the wall, which the room's walls say)
    j += 1
    return side, j + (tokens[j : j + 1] in (["side"], ["bow"], ["quarter"]))


_UNDERGROUND = frozenset(["dungeon", "cave", "mine"])
_PER_EACH = frozenset(["near", "next_to", "around", "on", "inside"])
_THE_TWO = frozenset(["them", "those", "these", "both"])
_UP_TO = frozenset([("up", "to", "the"), ("up", "to", "a"), ("up", "to", "an")])
_HIDING = frozenset(["hiding", "hidden", "hides", "hide", "lurking", "lurk", "lurks", "crouching"])


def read_relation(
    state: ParseState, tokens: list[str], i: int, match: lexicon.RelationMatch
) -> int:
    """A relation phrase at `i` (`north of`, `between ... and ...`): where reading goes on."""
    predicate, direction, relative, end, pattern = match
    if predicate == "above" and i > 0 and tokens[i - 1] in _HANGING:
        predicate = "on"  # `a lantern hanging above the table`: over it, on the map its cells
    if predicate == "~behind" and i > 0 and tokens[i - 1] in _HIDING:
        predicate = "near"  # `bandits hiding behind rocks`: against them, on any side
    if predicate == "in_region" and "bottom" in tokens[i:end] and _down_the_chasm(state):
        return end  # `a canyon running north to south with a river at the bottom`: along it
    ship_end = _ship_end(state, tokens, end)
    if ship_end is not None and isinstance(state.subject, Group) and predicate in _AT_AN_END:
        # `the helm at the stern` on a deck: at that end of the hull (stern west, bow east)
        side, resume = ship_end
        if side == "center":
            relate(state, state.subject, "in_center", None, None, [SCENE], pattern)
        else:
            relate(state, state.subject, "in_region", side, None, [SCENE], pattern)
        return resume
    if predicate == "below" and state.scene in _UNDERGROUND:
        above = noun_phrase(tokens, end)
        if above is not None and above.kind is None and above.scene is not None:
            return above.end  # `sewer tunnels under the city`: where the place is, not a thing
    if pattern in _UP_TO:
        named = lexicon.match_noun(tokens, end)
        if named is not None and lexicon.kind_spec(named.kind).shape == "path":
            # `a ladder up to the street` from a sewer: a way out, no street to draw; the
            # ladder stands by what was named before (the sewer's tunnel)
            subject = state.subject
            anchor = next((g for g in state.groups if g is not subject and g.size != "vast"), None)
            if anchor is not None and isinstance(subject, Group):
                relate(state, subject, "near", None, None, [tuple(anchor.ids[:1])], pattern)
            return named.end
        subject = state.subject
        path = isinstance(subject, Group) and lexicon.kind_spec(subject.kind).shape == "path"
        predicate = predicate if path else "next_to"  # `a ladder up to the hatch`: at it
    if _on_a_named_bank(state, tokens, end, predicate, direction, pattern):
        return end
    if predicate == "between" and isinstance(state.subject, Group):
        after = _between_the_rows(state, state.subject, tokens, end)
        if after is not None:
            return after
    if predicate == "~top_of" and isinstance(state.subject, Group):
        way = noun_phrase(tokens, end + (tokens[end : end + 1] == ["the"]))
        spine = state.spine() if way is not None and way.kind == state.spine_kind() else None
        if way is not None and spine is not None:
            # `a church at the top of the street`: at the end of the street's road
            relate(state, state.subject, "at_head_of", None, None, [tuple(spine.ids[:1])], pattern)
            return way.end
    if predicate == "connected_to" and not isinstance(state.subject, Group):
        spine = state.spine()
        if spine is not None:  # `a high street running down to the sea`: its road does
            state.subject = spine
    if predicate == "~lined_with" and _lines_the_street(state):
        # `a high street (running down to the sea), lined with shops`: the street's road
        state.subject, state.fresh = state.spine(), None
    before = lexicon.match_count(tokens, i - 1) if i > 0 else None
    per_side = before is not None and before[1] == i  # `bays, one on each side`
    if predicate == "~both_sides" and _per_side_restated(state, tokens, i):
        pattern = tuple(word for word in pattern if word != "each")  # no doubling
    spread = _more_directions(tokens, end) if predicate in _FRAMED_BY_SIDE and direction else None
    if spread is not None and isinstance(state.subject, Group) and direction is not None:
        directions, end, one_each = spread
        _spread_over(state, state.subject, [direction, *directions], one_each, predicate)
        state.fresh = None
        return end
    fresh = state.fresh if state.fresh is not None and state.fresh[1] == i else None
    state.fresh = None
    if predicate == "~connected_by":
        return _connected_by(state, tokens, end)
    if predicate == "connected_to" and tuple(tokens[end : end + 2]) in EACH_OTHER:
        if isinstance(state.subject, Group):
            chain(state, state.subject, None, SCENE)
        return end + 2
    if predicate == "facing" and tuple(tokens[end : end + 3]) in _EACH_OTHER_ACROSS:
        return _facing_across(state, tokens, end + 3, pattern)
    if predicate == "facing" and tuple(tokens[end : end + 2]) in EACH_OTHER:
        _emit(state, tokens, predicate, direction, relative, [SCENE], pattern, end + 2)
        return end + 2
    if predicate in _POINTS_BACK and pattern[-1] not in _TAKES_AN_OBJECT:
        _back_reference(state, predicate, direction, relative, pattern, per_side)
        return end
    needs_target = pattern[-1] == "of" or not (
        predicate in _TARGETLESS or (predicate == "along" and direction is not None)
    )
    if predicate == "~rows":
        end = _rows_of(state, tokens, pattern, end)
    at_end = end >= len(tokens) or tokens[end] in _ENDS_OF_PHRASE
    if predicate == "inside" and at_end and pattern[0] in ("inside", "within"):
        owner = state.with_owner  # `a temple with a statue inside`: inside the temple, if a thing
        if owner is not None and isinstance(state.subject, Group) and owner is not state.subject:
            relate(state, state.subject, "inside", None, None, [tuple(owner.ids[:1])], pattern)
        return end
    if predicate == "between" and at_end and isinstance(state.subject, Group):
        # `washers along the west wall, dryers along the east wall and a table in between`
        earlier = [g for g in state.groups if g is not state.subject and g.size != "vast"]
        pair = None
        if len(earlier) >= 2:
            pair = [tuple(earlier[-2].ids[:1]), tuple(earlier[-1].ids[:1])]
        elif earlier and len(earlier[-1].ids) >= 2:  # `two houses with a well in between`
            pair = [(earlier[-1].ids[0],), (earlier[-1].ids[1],)]
        if pair is not None:
            relate(state, state.subject, "between", None, relative, pair, pattern)
            return end
    if predicate == "around" and at_end:
        if pattern[0] not in ("around", "round", "all"):
            return end  # `a vulture circling`: moving round, not standing round anything
        predicate, needs_target = "~all_around", False  # `a fence all around`
    shore = _shore_named(state, predicate, direction, tokens[i:end])
    on_shore = fresh[0] if fresh is not None else state.subject
    if shore is not None and isinstance(on_shore, Group) and not needs_target:
        # `a cabin on the north shore` of the lake named: north of it, and by it
        relate(state, on_shore, f"{direction}_of", None, relative, [shore], pattern)
        relate(state, on_shore, "near", None, relative, [shore], pattern)
        return end
    if not needs_target and fresh is not None and predicate in _FRAMING_ONLY | {"against_wall"}:
        # `chairs facing mirrors on the west wall`: the mirrors are on the wall
        relate(state, fresh[0], predicate, direction, relative, [SCENE], pattern)
        on_it = state.subject
        if (
            predicate in ("in_region", "in_center")
            and isinstance(on_it, Group)
            and _stands_on(state, on_it, fresh[0])
        ):
            # `a throne on a dais at the north end`: the throne too, at the dais's north end;
            # `a copper kettle over a fire in the centre`: the kettle too
            relate(state, on_it, predicate, direction, relative, [SCENE], pattern)
        return end
    if not needs_target:
        seated = _seats_of(state.subject) if predicate in _FRAMING_ONLY else None
        if seated is not None:
            state.subject = seated  # `a table with three chairs in the middle`: the table
        _emit(state, tokens, predicate, direction, relative, [SCENE], pattern, end)
        return end
    concrete = predicate not in ("inside", "on", "along", "around", "~around", "across")
    first, phrase, j = name_target(state, tokens, end, concrete)
    if first is None and predicate in ("near", "next_to") and phrase is None:
        first = _in_front_of_owner(state, pattern) or _named_before(state)
    if first is None and direction is not None and set(pattern) & _PARTS and phrase is not None:
        # `a car wash on the west side of the lot`: a part of the place itself
        _emit(state, tokens, "in_region", direction, relative, [SCENE], pattern, j)
        return max(j, end)
    if first is None and predicate in ("near", "next_to", "inside"):
        crossing = _at_a_crossing(state, tokens, end)
        if crossing is not None:
            return crossing
    if first is None:
        state.warn(f"'{' '.join(tokens[i:end])}' names nothing known; ignored")
        return max(j, end)
    targets = [first]
    if predicate in ("between", "~connecting", "~from"):
        joiner = ("and", "to", "with") if predicate != "between" else ("and",)
        j = _placed_where(state, tokens, first, j)  # `from the tavern in the west to ...`
        said = tokens[end] if end < len(tokens) else ""
        both = predicate == "between" and said in _THE_TWO and first != SCENE and len(first) > 1
        if j < len(tokens) and tokens[j] in joiner and not both:  # (`between them and a
            # window on the east wall`: between the two they are; the window is named apart)
            second, _, j = name_target(state, tokens, j + 1, concrete)
            if second is not None:
                targets.append(second)
                j = _placed_where(state, tokens, second, j)
    if predicate == "across" and j + 1 < len(tokens) and tokens[j] == "from":
        # `the tavern across the street from the church` (not `through it from north ...`)
        other, _, after = name_target(state, tokens, j + 1)
        if other:
            predicate, targets, j = "across_from", [other, first] if first else [other], after
    if predicate == "connected_to" and j + 1 < len(tokens) and tokens[j] in _VIA:
        connector = lexicon.match_noun(tokens, j + 1)
        if connector is not None:
            state.connector_hint = connector.kind
            j = connector.end
    if predicate in ("above", "below") and _on_a_wall(phrase):
        predicate = "next_to"  # `a shield above the fireplace`: on the wall, by it
    if predicate == "below" and pattern[0] in _UNDER and _a_roof(phrase):
        predicate = "inside"  # `pumps under a canopy`: beneath its roof, within its bounds
    if predicate == "against_wall" and phrase is not None and phrase.kind == "wall":
        direction = phrase.direction or direction
    if phrase is not None and state.room_wall(phrase.kind or "", phrase.direction, phrase.definite):
        predicate, direction = "against_wall", phrase.direction or direction
    who = fresh[0] if fresh is not None else state.subject
    bridge = predicate == "near" and phrase is not None and phrase.kind == "bridge"
    if bridge and first and _bridged(state, who, first[0]):
        return j  # `a tower on an island, reachable by a bridge`: across the water to it
    if phrase is not None and phrase.each and isinstance(who, Group) and len(first) > 1:
        per = len(who.ids) if who.counted and len(who.ids) > 1 else 1
        state.grow(who, per * len(first))  # `a guard at each door`: one guard per door
        if per > 1 and predicate in _PER_EACH:  # `4 chairs at each table`: four by each
            for k, thing_id in enumerate(who.ids):
                state.add(thing_id, predicate, (first[k // per],), None)
            return j
    if fresh is not None and not predicate.startswith("~") and predicate != "between":
        # `a campfire near the river`: a phrase right after a new thing describes it
        relate(state, fresh[0], predicate, direction, relative, targets, pattern)
    else:
        _emit(state, tokens, predicate, direction, relative, targets, pattern, j)
    state.connector_hint = None
    return j


def _stands_on(state: ParseState, subject: Group, holder: Group) -> bool:
    mine, under = set(subject.ids), set(holder.ids)
    return any(
        r.predicate in _ON_OR_OVER and r.subject in mine and set(r.objects) <= under
        for r in state.relations
    )


_ON_OR_OVER = frozenset(["on", "above", "next_to"])  # (`over a fire` is by it)


def _on_a_wall(phrase: NounPhrase | None) -> bool:
    return phrase is not None and phrase.kind is not None and lexicon.kind_spec(phrase.kind).mounted


def _a_roof(phrase: NounPhrase | None) -> bool:
    if phrase is None or phrase.kind is None:
        return False
    spec = lexicon.kind_spec(phrase.kind)
    return spec.layer in ("structure", "terrain") and spec.container == "open"


def _bridged(state: ParseState, who: object, bridge: str) -> bool:
    """A bridge that reaches a thing standing in water (on an island in a lake) crosses the
    water to the island it stands on."""
    if not isinstance(who, Group):
        return False
    holders = {r.subject: r.objects[0] for r in state.relations if r.predicate == "inside"}
    thing, ground = who.ids[0], None
    for _ in range(3):
        holder = holders.get(thing)
        if holder is None:
            return False
        if lexicon.kind_spec(state.kind_of(holder)).water:
            state.add(bridge, "across", (holder,), None)
            state.add(bridge, "next_to", (ground or who.ids[0],), None)
            return True
        thing, ground = holder, holder
    return False


_SHORES = frozenset(["shore", "bank", "banks", "shores"])
_RIMS = frozenset(["rim", "rims", "lip"])


def _shore_named(
    state: ParseState, predicate: str, direction: str | None, words: list[str]
) -> tuple[str, ...] | None:
    """The water whose shore a `{dir} shore` is: the lake or pond named last (or the chasm
    whose rim a `{dir} rim` is)."""
    if predicate != "in_region" or direction not in ("north", "south", "east", "west"):
        return None
    if _RIMS & set(words):
        chasms = [g for g in state.groups if g is not state.subject and g.kind == "chasm"]
        return tuple(chasms[-1].ids[:1]) if chasms else None
    if not _SHORES & set(words):
        return None
    waters = [
        g
        for g in state.groups
        if g is not state.subject
        and lexicon.kind_spec(g.kind).shape == "area"
        and (lexicon.kind_spec(g.kind).water or g.kind == "frozen_lake")
    ]
    return tuple(waters[-1].ids[:1]) if waters else None


def _at_a_crossing(state: ParseState, tokens: list[str], j: int) -> int | None:
    """`a stone shrine at a crossroads`: the roads cross in the middle of the map and the
    shrine stands by the crossing. Where reading goes on, or None."""
    subject = state.subject
    j += tokens[j : j + 1] in (["a"], ["an"], ["the"])
    if j >= len(tokens) or tokens[j] not in CROSSROADS_WORDS or not isinstance(subject, Group):
        return None
    resume = crossroads(state, tokens[j], j)
    roads = state.subject
    state.subject = subject
    if not isinstance(roads, Group) or roads is subject:
        return resume
    for road in roads.ids:
        state.add(road, "in_center", (), None)
    for thing_id in subject.ids:
        state.add(thing_id, "in_center", (), None)
        for road in roads.ids:
            state.add(thing_id, "near", (road,), None)
    return resume


def _more_directions(tokens: list[str], j: int) -> tuple[list[str], int, bool] | None:
    """`in the northwest and northeast corners`, `in the north and south`: the directions
    after the first, where reading goes on, and whether they are corners."""
    directions: list[str] = []
    while j + 1 < len(tokens) and tokens[j] in ("and", ",", "or"):
        found = lexicon.match_direction(tokens, j + 1)
        if found is None:
            break
        directions.append(found[0])
        j = found[2]
    if not directions:
        return None
    # `in the NW and NE corners`, `goals at the east and west ends`: one in each
    one_each = j < len(tokens) and tokens[j] in ("corners", "corner", "ends")
    return directions, j + 1 if j < len(tokens) and tokens[j] in _SIDE_NOUNS else j, one_each


_FRAMED_BY_SIDE = frozenset(["in_region", "in_corner"])
_PARTS = frozenset(["side", "part", "half", "end", "edge"])
_SIDE_NOUNS = frozenset(["corners", "corner", "sides", "ends", "parts", "halves", "edges"])


def _spread_over(
    state: ParseState, group: Group, directions: list[str], one_each: bool, predicate: str
) -> None:
    """`water tanks in the northwest and northeast corners`, `goals at the east and west
    ends`: one in each (as many as there are directions when no count was said), counted
    ones taking them in turn."""
    diagonal = all(len(d) > 5 for d in directions)  # northwest, southeast: a corner
    framed = "in_corner" if (one_each or predicate == "in_corner") and diagonal else "in_region"
    if not group.counted and (framed == "in_corner" or one_each):
        state.recount(group, len(directions))  # one in each corner, at each end
    elif len(group.ids) < len(directions):
        state.grow(group, len(directions))  # (barrels in the north and south: some in each)
    for k, thing_id in enumerate(group.ids):
        state.add(thing_id, framed, (), directions[k % len(directions)])


def _seats_of(subject: object) -> Group | None:
    """The table that seats named with it belong to (they go round it, wherever it is)."""
    if not isinstance(subject, Group) or subject.owner is None:
        return None
    seat = v.ROLE_OF.get(subject.kind, subject.kind) in ("chair", "bench", "stool")
    holder = lexicon.kind_spec(subject.owner.kind)
    return subject.owner if seat and holder.container == "open" and holder.shape == "box" else None


def _per_side_restated(state: ParseState, tokens: list[str], i: int) -> bool:
    """`6 cells along a corridor, 3 on each side`: the count before says how the things
    named split, not how many more there are."""
    count = lexicon.match_count(tokens, i - 1) if i > 0 else None
    subject = state.subject
    return (
        count is not None
        and count[1] == i
        and isinstance(subject, Group)
        and 2 * count[0] == len(subject.ids)
    )


def _in_front_of_owner(state: ParseState, pattern: tuple[str, ...]) -> tuple[str, ...] | None:
    """`a manor with a garden, a fountain in front`: in front of the manor, not the garden."""
    subject = state.subject
    if pattern[-1] != "front" or not isinstance(subject, Group):
        return None
    owner = subject.owner
    if owner is None:  # in front of the building the prompt is about: the first one named
        buildings = [
            g
            for g in state.groups
            if g is not subject and lexicon.kind_spec(g.kind).layer == "structure"
        ]
        owner = buildings[0] if buildings else None
    return tuple(owner.ids[:1]) if owner is not None else None


def _named_before(state: ParseState) -> tuple[str, ...] | None:
    """`horses tied up nearby`: near what was named before."""
    subject = state.subject
    earlier = [g for g in state.groups if g is not subject and g.size != "vast"]
    return tuple(earlier[-1].ids[:1]) if earlier else None


def _rows_of(state: ParseState, tokens: list[str], pattern: tuple[str, ...], end: int) -> int:
    """`desks in four rows of five`: as many as the rows hold, however many were named."""
    if end + 1 >= len(tokens) or tokens[end] != "of" or not isinstance(state.subject, Group):
        return end
    per_row = lexicon.match_count(tokens, end + 1)
    rows = next((v.NUMBER_WORDS[w] for w in pattern if v.NUMBER_WORDS.get(w, 0) > 1), None)
    if per_row is None or rows is None:
        return end
    state.grow(state.subject, rows * per_row[0])
    return per_row[1]


def _placed_where(state: ParseState, tokens: list[str], ids: tuple[str, ...], j: int) -> int:
    """A framing phrase right after an end of a road (`in the west`) places that end."""
    match = lexicon.match_relation(tokens, j)
    if match is None or match.predicate not in _FRAMING_ONLY or not ids:
        return j
    owner = Group(kind=state.kind_of(ids[0]), ids=list(ids), size="medium", plural=False)
    relate(state, owner, match.predicate, match.direction, match.relative, [SCENE], match.pattern)
    return match.end


def _back_reference(
    state: ParseState,
    predicate: str,
    direction: str | None,
    relative: str | None,
    pattern: tuple[str, ...],
    per_side: bool,
) -> None:
    """`a road lined with trees on both sides`: the sides of the thing named before.
    `per_side`: a count came right before (`four docking bays, one on each side`)."""
    subject = state.subject
    if not isinstance(subject, Group):
        return
    if predicate == "~bank":  # `a mill on the far bank`: by the water named last
        waters = [g for g in state.groups if g is not subject and _flows(g.kind)]
        if waters:
            relate(state, subject, "along", None, relative, [tuple(waters[-1].ids[:1])], pattern)
        return
    just_lined = (
        predicate == "~both_sides"
        and bool(state.relations)
        and state.relations[-1].subject in state.lining
    )
    if state.lined is not None and (state.lined is subject or just_lined):
        # `a road lined with trees on both sides`: the trees
        lined = state.lined
        lining = [g for g in state.groups if g is not lined and g.ids[0] in state.lining]
        if lining:
            line = (lined.ids[0],)
            relate(state, lining[-1], predicate, direction, relative, [line], pattern)
            return
    earlier = [g for g in state.groups if g is not subject]
    ways = [g for g in earlier if lexicon.kind_spec(g.kind).shape == "path"]
    if predicate == "~head" and "far" in pattern and "end" in pattern and not ways:
        # `a hall with a throne at the far end`: the far end of the place, from its way in
        relate(state, subject, "in_region", "north", relative, [SCENE], pattern)
        return
    if predicate == "~head" and "end" in pattern:  # `at the far end`: of a corridor, a hall
        earlier = [g for g in earlier if _has_ends(g.kind)] or earlier
    elif predicate == "~head":  # only a table, a desk or a bed has a head
        earlier = [g for g in earlier if _has_a_head(g.kind)] or earlier
    last = earlier[-1] if earlier else None
    owner = state.with_owner if state.with_owner is not subject else None
    # `along its sides`, `at its head`: the thing named last; else what the subject is with
    target = (last or owner) if "the" in pattern else (owner or state.lined or last)
    if predicate == "~both_sides" and (target is None or _has_no_sides(target)):
        spine = state.spine()
        if spine is not None:  # `a street with shops on both sides`: both sides of its road
            relate(state, subject, predicate, direction, relative, [tuple(spine.ids[:1])], pattern)
            return
        # `bleachers along both long sides`: the sides of the place itself (a ship's are its
        # long sides, port and starboard)
        long = "long" in pattern or state.scene in _VESSEL_DECKS
        sides: tuple[str, ...] = ("north", "south") if long else ("west", "east")
        each = "each" in pattern and "long" not in pattern
        if each and not per_side and subject.counted and len(subject.ids) > 1:
            state.grow(subject, 2 * len(subject.ids))  # `four cannons along each side`: eight
        elif each and len(subject.ids) % 4 == 0:
            sides = ("north", "east", "south", "west")  # `four docking bays, one on each side`
        if len(subject.ids) < 2:
            state.grow(subject, 2)
        for k, thing_id in enumerate(subject.ids):
            state.add(thing_id, "in_region", (), sides[k % len(sides)])
        return
    if target is None:
        state.warn(f"'{' '.join(pattern)}' of nothing named for {subject.ids[0]}; ignored")
        return
    if predicate == "~head":
        predicate = "at_head_of"
    relate(state, subject, predicate, direction, relative, [tuple(target.ids[:1])], pattern)


_BANKS = frozenset(["bank", "banks", "shore", "riverbank"])


def _on_a_named_bank(
    state: ParseState,
    tokens: list[str],
    end: int,
    predicate: str,
    direction: str | None,
    pattern: tuple[str, ...],
) -> bool:
    """`a windmill on the east bank` (of the river named before): along the river, on its
    east side; not merely somewhere in the east of the map."""
    subject = state.subject
    cardinal = direction in ("north", "south", "east", "west")
    if predicate != "in_region" or not cardinal or "{part}" not in pattern:
        return False
    if not isinstance(subject, Group) or tokens[end - 1] not in _BANKS:
        return False
    waters = [g for g in state.groups if g is not subject and _flows(g.kind)]
    if not waters:
        return False
    water = [tuple(waters[-1].ids[:1])]
    relate(state, subject, "along", None, None, water, pattern)
    relate(state, subject, f"{direction}_of", None, None, water, pattern)
    return True


def _between_the_rows(state: ParseState, subject: Group, tokens: list[str], end: int) -> int | None:
    """`two robots between the rows` (of plant beds named before in rows): each in an aisle,
    between a thing of one row and the one beside it in the next; where reading goes on."""
    k = end + (tokens[end : end + 1] == ["the"])
    if tokens[k : k + 1] not in (["rows"], ["aisles"], ["lines"]):
        return None
    rows = next(
        (r for r in reversed(state.relations) if r.predicate == "in_rows" and r.argument), None
    )
    if rows is None or not rows.argument or not rows.argument.isdigit():
        return None
    members = (rows.subject, *rows.objects)
    per_row = max(1, len(members) // max(1, int(rows.argument)))
    if per_row >= len(members):
        return None
    for n, thing_id in enumerate(subject.ids):
        first = n % (len(members) - per_row)
        state.add(thing_id, "between", (members[first], members[first + per_row]), None)
    return k + 1


def _lines_the_street(state: ParseState) -> bool:
    """Whether `lined with` is said of a place with a road of its own (a street), named
    alone or last seen going down to water."""
    subject = state.subject
    if state.spine_kind() is None:
        return False
    if not isinstance(subject, Group):
        return True
    spec = lexicon.kind_spec(subject.kind)
    return spec.water and spec.shape == "area"


_VESSEL_DECKS = frozenset(["ship_deck"])


def _has_no_sides(group: Group) -> bool:
    """A thing too small to be lined on both sides (a goal, a lamp), or the ground of the
    whole place: `both sides` are then the place's."""
    spec = lexicon.kind_spec(group.kind)
    small = spec.shape == "box" and spec.width * spec.height <= 2 and spec.container == "none"
    return group.size == "vast" or small


def _flows(kind: str) -> bool:
    spec = lexicon.kind_spec(kind)
    return spec.water and spec.shape == "path"


def _has_ends(kind: str) -> bool:
    return lexicon.kind_spec(kind).shape == "path" or _has_a_head(kind)


def _has_a_head(kind: str) -> bool:
    spec = lexicon.kind_spec(kind)
    return spec.rotatable and spec.shape == "box" and spec.width > spec.height


def _facing_across(state: ParseState, tokens: list[str], j: int, pattern: tuple[str, ...]) -> int:
    """`two houses facing each other across the street`: one each side of the street."""
    path, _, j = name_target(state, tokens, j)
    subject = state.subject
    if isinstance(subject, Group) and path:
        if len(subject.ids) < 2:
            state.grow(subject, 2)
        ids = subject.ids
        for k in range(0, len(ids) - 1, 2):
            state.add(ids[k], "across_from", (ids[k + 1], path[0]), None)
    return j


def _connected_by(state: ParseState, tokens: list[str], j: int) -> int:
    """`five rooms connected by corridors (to the hall)`: each linked to the one before."""
    connector = None
    phrase = noun_phrase(tokens, j)
    if phrase is not None and phrase.kind is not None:
        connector, j = phrase.kind, phrase.end
    elif phrase is not None:
        j = phrase.end
    subject = state.subject
    if not isinstance(subject, Group):
        return j
    target: tuple[str, ...] | None = None
    if j < len(tokens) and tokens[j] in ("to", "with"):
        target, _, j = name_target(state, tokens, j + 1)
    chain(state, subject, connector, target)
    if phrase is not None and connector is not None:
        _connectors_named(state, subject, phrase, 1 if target else 0)
    return j


def _connectors_named(state: ParseState, subject: Group, phrase: NounPhrase, extra: int) -> None:
    """`seven huts connected by rope walkways`: the walkways the routes are laid as, named
    as the prompt names them (a plain `corridors` needs no name of its own)."""
    assert phrase.kind is not None
    spec = lexicon.kind_spec(phrase.kind)
    links = len(subject.ids) - 1 + extra
    if spec.shape != "path" or not spec.walkable or links < 1:
        return
    if phrase.word in ("", phrase.kind, phrase.kind.replace("_", " ")):
        return
    state.new_group(phrase.kind, links, "medium", links > 1, phrase.word)


def _emit(
    state: ParseState,
    tokens: list[str],
    predicate: str,
    direction: str | None,
    relative: str | None,
    targets: list[tuple[str, ...]],
    pattern: tuple[str, ...],
    end: int,
) -> None:
    """State a relation of the subject, or keep it for the thing named next."""
    subject = state.subject
    if subject == UNKNOWN_THING:
        words = " ".join(direction or "" if word == "{dir}" else word for word in pattern)
        state.warn(f"'{words}' is about '{state.unknown_subject}', which is not known; ignored")
        return
    if predicate == "~around" and subject == SCENE and targets and targets[0]:
        for thing_id in targets[0]:  # `a village surrounded by a wall`: round the map
            state.add(thing_id, "around", (), None)
        return
    fronted = state.opens_sentence and tokens[end : end + 1] == [","]
    if not isinstance(subject, Group) or (
        state.stale and _new_thing_follows(tokens, end + 1 if fronted else end)
    ):  # (`To the south, a village`: said first, of what comes next)
        state.pending.append((predicate, direction, relative, targets, pattern))
        return
    relate(state, subject, predicate, direction, relative, targets, pattern)


def _new_thing_follows(tokens: list[str], j: int) -> bool:
    """`Next to the river is a mill`: the relation belongs to what comes next."""
    while j < len(tokens) and tokens[j] in _LINKING_VERBS:
        j += 1
    phrase = noun_phrase(tokens, j)
    named = phrase is not None and (phrase.kind is not None or phrase.scene is not None)
    return named and phrase is not None and not phrase.definite  # (`there is a village`)
