"""What a noun phrase names: new things, things named before, or the whole scene."""

from domain.scene import lexical
from domain.scene import vocabulary as v
from domain.scene.parse import lexicon
from domain.scene.parse.arrangements import CORNERS, arrange
from domain.scene.parse.courses import CROSSROADS_WORDS
from domain.scene.parse.furnishing import INDOOR_STAND_IN
from domain.scene.parse.links import relate
from domain.scene.parse.noun_phrases import NounPhrase, noun_phrase
from domain.scene.parse.state import SCENE, Group, ParseState, seen_from_outside, with_article
from domain.scene.terms import CARDINALS

_SEATS = frozenset(["chair", "bench"])
PRONOUNS = frozenset(["it", "this", "that", "them", "they", "those", "these", "there"])
EACH_OTHER = (("each", "other"), ("one", "another"))


_NAMED_IN_THE_PLURAL = frozenset(["railway"])
_BUILDING_PARTS = frozenset(["roof", "rooftop", "door", "doorstep", "porch", "chimney"])


def name_subject(state: ParseState, phrase: NounPhrase) -> Group | None:
    """The subject a noun phrase names: things named before, or a new group."""
    assert phrase.kind is not None
    if phrase.bad_count is not None:
        state.bad_count(phrase.bad_count, phrase.kind, phrase.count or 0)
        if not phrase.count:
            return None
    referred = phrase.definite or phrase.ordinal is not None
    if referred and _refers_back(state, phrase) and not _one_more(state, phrase):
        return state.reference(phrase)
    crossing = _the_crossing_roads(state, phrase)
    if crossing is not None:
        return crossing
    counted_now = _counted_later(state, phrase)
    if counted_now is not None:
        return counted_now
    group = _new_group(state, phrase)
    if group is not None and state.with_owner is not None:
        group.owner = state.with_owner
        per = len(group.ids) if group.counted and len(group.ids) > 1 else 1
        if state.each_with and len(group.ids) < per * len(group.owner.ids):
            state.grow(group, per * len(group.owner.ids))  # `houses, each with a garden`
            group.beside_owner = True  # (`6 tables, each with 4 chairs`: 24 chairs)
        elif (
            not group.counted
            and group.plural
            and len(group.owner.ids) > 1
            and lexicon.kind_spec(group.kind).shape != "path"  # `2 platforms w/ the tracks`
        ):
            # `five tables with chairs`: chairs at each table
            per_owner = 2 if v.ROLE_OF.get(group.kind, group.kind) in _SEATS else 1
            state.grow(group, per_owner * len(group.owner.ids))
            group.beside_owner = True
        elif _splits(group, group.owner):
            # `rows of seats with an aisle down the middle`: the seats on both sides of it
            arrange(state, group.owner, "~both_sides", [tuple(group.ids[:1])], ("both", "sides"))
    _owned(state, phrase, group)
    return group


def _one_more(state: ParseState, phrase: NounPhrase) -> bool:
    """`main stage at the north end, smaller 2nd stage in the SW`: the second of a kind
    named once is another one."""
    assert phrase.kind is not None
    if phrase.ordinal is None or phrase.ordinal < 2:
        return False
    return sum(len(g.ids) for g in state.groups_of(phrase.kind)) < phrase.ordinal


def _counted_later(state: ParseState, phrase: NounPhrase) -> Group | None:
    """`bandits set up a toll on a bridge ..., 5 bandits`: the bandits named plainly first,
    counted now (not five more), when nothing was said of them yet (`raiders between the huts,
    two huts on fire`: two of the huts)."""
    if phrase.count is None or phrase.definite or not phrase.plural:
        return None
    placed = {thing for r in state.relations for thing in (r.subject, *r.objects)}
    for group in state.groups_of(phrase.kind or ""):
        same = group.word == phrase.word or phrase.word.endswith(" " + group.word)
        if group.counted or not same or set(group.ids) & placed:
            continue  # (`trenches: two parallel trenches` are two)
        state.recount(group, phrase.count)
        group.counted = True
        return group
    return None


def _the_crossing_roads(state: ParseState, phrase: NounPhrase) -> Group | None:
    """`a shrine at a crossroads, roads going off all four edges`: the roads that cross."""
    if phrase.kind != "road" or not phrase.plural or phrase.count is not None:
        return None
    return next((g for g in state.groups_of("road") if g.word in CROSSROADS_WORDS), None)


def _splits(way: Group, owner: Group) -> bool:
    """Whether a way walked along (an aisle) runs between the owner's many things."""
    spec, held = lexicon.kind_spec(way.kind), lexicon.kind_spec(owner.kind)
    return spec.shape == "path" and spec.walkable and len(owner.ids) > 1 and held.shape == "box"


def _named_by_last_word(
    state: ParseState, tokens: list[str], j: int
) -> tuple[tuple[str, ...], None, int] | None:
    """`a village green ... in the middle of the green`: the last word of a thing's name, not a
    kind's name on its own, said again with `the`."""
    if tokens[j : j + 1] != ["the"] or j + 1 >= len(tokens):
        return None
    word = tokens[j + 1]
    named = [g for g in state.groups if " " in g.word and g.word.endswith(" " + word)]
    return (tuple(named[-1].ids[:1]), None, j + 2) if named else None


def _building_of_part(state: ParseState, phrase: NounPhrase) -> Group | None:
    """`the roof`, `the door` of the building named last, outdoors, when no such thing was
    named on its own."""
    assert phrase.kind is not None
    last_word = phrase.word.split()[-1] if phrase.word else ""
    if not phrase.definite or last_word not in _BUILDING_PARTS or state.groups_of(phrase.kind):
        return None
    if state.scene is not None and lexicon.SCENE_BY_NAME[state.scene].indoor:
        return None
    buildings = [g for g in state.groups if _a_building(g.kind)]
    if not buildings:
        return None
    if last_word == "door" and _a_door_inside(state, buildings[-1], phrase):
        return None  # `a tavern, a table near the door`: the door of its inside, shown
    return buildings[-1]


def _a_door_inside(state: ParseState, building: Group, phrase: NounPhrase) -> bool:
    """Whether `the door` of the building the prompt opens with is a door seen from inside:
    nothing has put the building anywhere yet, and it has an inside of its own (a tavern)
    or the door is on a side of it (`the east door`)."""
    if state.scene is not None or building is not state.groups[0] or len(building.ids) != 1:
        return False
    if any(r.subject == building.ids[0] for r in state.relations):
        return False  # (`a tavern by the river, a horse by the door`: outside it)
    inside = v.INTERIOR_OF.get(building.kind)
    return inside is not None and (inside != "room" or phrase.direction is not None)


def _vessel_of_part(state: ParseState, phrase: NounPhrase) -> Group | None:
    """`a treasure chest near the bow`, `by the stern`: by the ship (or wreck) named last."""
    assert phrase.kind is not None
    last_word = phrase.word.split()[-1] if phrase.word else ""
    if not phrase.definite or last_word not in _VESSEL_PARTS or state.groups_of(phrase.kind):
        return None
    vessels = [g for g in state.groups if g.kind in _VESSELS]
    if not vessels or (vessels[-1] is state.groups[0] and vessels[-1].kind in v.INTERIOR_OF):
        return None  # (`longship, ..., a dragon head at the prow`: its deck is the place)
    return vessels[-1]


_VESSEL_PARTS = frozenset(["bow", "stern", "prow", "hull", "keel", "bows"])
_VESSELS = frozenset(["ship", "wreck", "boat", "spaceship", "submarine"])


def _a_building(kind: str) -> bool:
    spec = lexicon.kind_spec(kind)
    return kind in v.INTERIOR_OF or (spec.category == "building" and spec.shape == "box")


def _refers_back(state: ParseState, phrase: NounPhrase) -> bool:
    """`the desk` is a desk named before; `the teacher's desk` is one of its own, unless the
    teacher's desk was named before."""
    assert phrase.kind is not None
    groups = state.groups_of(phrase.kind) or state.named_by_head(phrase.word)
    if "'s " in phrase.word:
        return any(group.word == phrase.word for group in groups)
    if " " in phrase.word and groups and not any(_named_again(g, phrase.word) for g in groups):
        return False  # `three prison cells ... a rack in the guard room`: another room
    if _another_role(phrase, groups):
        return False  # `five patrons fighting ... the barkeep behind the counter`
    return bool(groups)


def _the_subject_by_another_name(state: ParseState, phrase: NounPhrase) -> bool:
    """`four towers around the keep`: a keep is a tower, but not one of the four; what the
    things are placed by is never only themselves."""
    assert phrase.kind is not None
    subject = state.subject
    if not isinstance(subject, Group) or not phrase.word or not subject.word:
        return False
    if _head_noun(subject.word) == _head_noun(phrase.word):
        return False
    named = [thing_id for group in state.groups_of(phrase.kind) for thing_id in group.ids]
    return bool(named) and set(named) <= set(subject.ids)


def _another_role(phrase: NounPhrase, groups: list[Group]) -> bool:
    """People named by what they do are told apart by it: the barkeep is not a patron."""
    assert phrase.kind is not None
    if lexicon.kind_spec(phrase.kind).layer != "actor" or phrase.word in ("", phrase.kind):
        return False
    said = _head_noun(phrase.word)
    return all(g.word and _head_noun(g.word) != said for g in groups)


def _head_noun(words: str) -> str:
    last = words.split()[-1] if words.split() else ""
    return lexical.singular(last) or last


def _named_again(group: Group, asked: str) -> bool:
    """`a room ... the guard room`: the room; `8 round tables ... the head table`: another
    table (one of many said plainly is not singled out by a noun before it, as `the red
    army` is by a describing word)."""
    if not _names(group.word, asked):
        return False
    marks = asked.split()[:-1]
    if len(group.ids) <= 2 or group.word != asked.split()[-1]:
        return True  # (`two ships side by side ... the merchant ship`: one of the two)
    return not any(lexical.is_noun(w) and not lexical.mostly_not_a_noun(w) for w in marks)


def _names(named: str, asked: str) -> bool:
    """`the guard room` names a guard room named before (or a room named with no word of its
    own), not a prison cell."""
    plain = " " not in named and asked.endswith(" " + named)
    return named in ("", asked) or named.endswith(" " + asked) or plain


# Colours and states tell things of a kind apart (`red flag at the west end, blue flag at the
# east end`, `20 graves, an open grave near the mausoleum`): the label keeps them.
_COLOURS = frozenset(
    """red blue green yellow white black grey gray brown orange purple golden silver open
    broken ruined burning secret hidden locked empty abandoned sunken collapsed wrecked
    flooded""".split()
)


def _new_group(state: ParseState, phrase: NounPhrase) -> Group | None:
    """New things for a noun phrase; a bare plural (`houses`) is a default count."""
    assert phrase.kind is not None
    count = phrase.count
    if count is None:
        count = _bare_count(state, phrase.kind) if phrase.plural else 1
    colours = [mark for mark in phrase.marks if mark in _COLOURS and mark not in phrase.word]
    word = " ".join([*colours, phrase.word]) if phrase.word else phrase.word
    group = state.new_group(phrase.kind, count, phrase.size or "medium", phrase.plural, word)
    if group is not None and phrase.long:
        state.lengthen(group)
    central = phrase.central and lexicon.kind_spec(phrase.kind).shape != "path"  # a lane runs
    if group is not None and central and len(group.ids) == 1:
        state.add(group.ids[0], "in_center", (), None)
    if group is not None and phrase.corner:
        for k, thing_id in enumerate(group.ids):  # `two corner towers`: in the corners
            state.add(thing_id, "in_corner", (), CORNERS[k % len(CORNERS)])
    if group is not None and phrase.inhabitants is not None:
        living = phrase.inhabitants  # `a field of sheep`: sheep (a few) in the field
        many = v.BARE_PLURAL_COUNT
        herd = state.new_group(living.kind, many, "medium", True, living.word)
        if herd is not None:
            herd.owner = group
    if group is not None and phrase.direction is not None and phrase.compass:
        _on_its_side(state, group, phrase.direction)
    if group is not None:
        group.counted = phrase.count is not None or not phrase.plural
    return group


_ON_WALLS = frozenset(["door", "window", "gate"])
_BOUNDS = frozenset(["fence", "hedge"])


def _on_its_side(state: ParseState, group: Group, direction: str) -> None:
    """`the east door`, `the northern tower`: on that side (a door indoors in that wall)."""
    kind = lexicon.kind_spec(group.kind)
    if group.kind in _BOUNDS and direction in CARDINALS:
        for thing_id in group.ids:  # `porta potties along the east fence`: the east edge's
            state.add(thing_id, "along", (), direction)
        return
    if kind.shape == "path" or group.kind == "wall" or kind.edge:
        return  # `the north road` runs its own course; `the west wall` is the room's
    indoors = state.scene is not None and lexicon.SCENE_BY_NAME[state.scene].indoor
    for thing_id in group.ids:
        if direction not in ("north", "south", "east", "west"):
            state.add(thing_id, "in_corner", (), direction)
        elif indoors and (kind.mounted or group.kind in _ON_WALLS):
            state.add(thing_id, "against_wall", (), direction)
        else:
            state.add(thing_id, "in_region", (), direction)


def _bare_count(state: ParseState, kind: str) -> int:
    """`houses`: three; `tombstones` in a graveyard, `bookshelves` in a library: as many as
    the place named usually has."""
    if kind in _NAMED_IN_THE_PLURAL:
        return 1  # `the tracks`, `rails`: one line of them
    usual = 0
    if state.scene is not None:
        usual = dict(lexicon.SCENE_BY_NAME[state.scene].defaults).get(kind, 0)
    return max(v.BARE_PLURAL_COUNT, usual)


def _owned(state: ParseState, phrase: NounPhrase, group: Group | None) -> None:
    """`the dragon's hoard` lies near the dragon, when a dragon was named; `rows of
    benches` stand in rows."""
    if group is not None and phrase.arrangement is not None:
        relate(state, group, phrase.arrangement, phrase.rows, None, [SCENE], ("of",))
    if group is None or phrase.possessor is None:
        return
    owners = [g for g in state.groups_of(phrase.possessor) if g is not group]
    if owners:
        for thing_id in group.ids:
            state.add(thing_id, "near", (owners[-1].ids[0],), None)


_GENERIC_WATER = frozenset(["water", "waters", "waterfront", "water's edge"])


def _the_water(state: ParseState, phrase: NounPhrase) -> Group | None:
    """`the water` is whatever water the prompt named already (a lake, a river, a fjord)."""
    if phrase.definite and phrase.word == "ice":  # `a frozen lake ... cracks in the ice`
        frozen = [g for g in state.groups if g.kind == "frozen_lake"]
        return frozen[0] if frozen else None
    if not phrase.definite or phrase.word not in _GENERIC_WATER:
        return None
    waters = [g for g in state.groups if lexicon.kind_spec(g.kind).water]
    return waters[0] if waters else None


def _next_door(state: ParseState, scene: str) -> bool:
    """Whether an indoor place named as a relation's target is a building beside the subject,
    itself a building seen from outside (a shop, a house)."""
    subject = state.subject
    if not isinstance(subject, Group) or not lexicon.SCENE_BY_NAME[scene].indoor:
        return False
    kind = lexicon.kind_spec(subject.kind)
    return kind.setting == "outdoor" and kind.container == "walled" and kind.shape == "box"


def name_target(
    state: ParseState, tokens: list[str], j: int, concrete: bool = False
) -> tuple[tuple[str, ...] | None, NounPhrase | None, int]:
    """What a relation points at: ids, SCENE (empty) or None when nothing is named.
    `concrete`: the relation needs things to point at (`a road to the village`: its houses)."""
    if tokens[j : j + 2] == ["them", "all"] or tokens[j : j + 3] == ["all", "of", "them"]:
        # `rope bridges connecting them all`: all of the many things named last
        length = 2 if tokens[j] == "them" else 3
        many = [g for g in state.groups if len(g.ids) > 1 and g is not state.subject]
        if many:
            return tuple(many[-1].ids), None, j + length
    if j < len(tokens) and tokens[j] in PRONOUNS and tokens[j] != "there":
        return state.pronoun(tokens[j]), None, j + 1
    if tuple(tokens[j : j + 2]) in EACH_OTHER:
        return None, None, j + 2
    phrase = noun_phrase(tokens, j)
    if phrase is None or (phrase.kind is None and phrase.scene is None):
        named = _named_by_last_word(state, tokens, j)
        if named is not None:
            return named
    if phrase is None:
        return None, None, j
    if phrase.scene is not None and state.scene is None and _next_door(state, phrase.scene):
        # `a jewellery store between a bakery and a tailor's shop`: the shop next door, seen
        # from outside as the store is (not the place shown)
        if phrase.kind is None:
            words = " ".join(t for t in tokens[j : phrase.end] if t not in ("a", "an", "the"))
            plain = (words, lexical.singular(words) or "")
            said = [g for g in state.groups if g.word in plain or g.word.endswith(" " + words)]
            if phrase.definite and said:  # `three classrooms ... east of the classrooms`
                return tuple(said[-1].ids), phrase, phrase.end
            group = state.new_group(seen_from_outside(phrase.scene), 1, "medium", False, words)
            return (tuple(group.ids[:1]) if group is not None else None), phrase, phrase.end
    elif phrase.scene is not None:
        state.scene = state.scene or phrase.scene  # `a dungeon room`: the room, in a dungeon
    if phrase.scene is not None and phrase.kind is None:
        spine = state.spine() if phrase.scene == state.scene else None
        if spine is not None:  # `stalls along the main street`: along the street's road
            return tuple(spine.ids[:1]), phrase, phrase.end
        words = " ".join(t for t in tokens[j : phrase.end] if t not in ("a", "an", "the"))
        again = [
            g
            for g in state.groups_of(seen_from_outside(phrase.scene))
            if g.word == words or g.word.endswith(" " + words)
        ]
        if phrase.definite and again:  # `a ripperdoc clinic ..., a bar next to the clinic`
            return tuple(again[-1].ids[:1]), phrase, phrase.end
        if concrete:
            group = state.place_within(phrase.scene, tokens[j : phrase.end], quiet=True)
            if group is not None:
                return tuple(group.ids[:1]), phrase, phrase.end
        return SCENE, phrase, phrase.end
    if phrase.kind is None:
        return None, phrase, phrase.end
    if state.room_wall(phrase.kind, phrase.direction, phrase.definite):
        return SCENE, phrase, phrase.end
    building = _building_of_part(state, phrase) or _vessel_of_part(state, phrase)
    if building is not None:
        return tuple(building.ids[:1]), phrase, phrase.end  # `a crow on the roof`: the hut's
    if phrase.definite and not state.groups_of(phrase.kind):
        stand_in = INDOOR_STAND_IN.get(phrase.kind)
        indoors = state.scene is not None and lexicon.SCENE_BY_NAME[state.scene].indoor
        if stand_in is not None and (state.groups_of(stand_in) or indoors):
            # `a fireplace, a chair by the fire`: the fireplace's fire; `a blacksmith's
            # workshop with an anvil next to the forge`: its furnace, not the workshop
            if not state.groups_of(stand_in):
                state.warn(
                    f"read '{phrase.word or phrase.kind}' as"
                    f" {with_article(stand_in.replace('_', ' '))} indoors"
                )
            phrase.kind = stand_in
    water = _the_water(state, phrase)
    if water is not None:  # `a lake with a cabin by the water`: the lake
        return tuple(water.ids[:1]), phrase, phrase.end
    if phrase.definite or phrase.ordinal is not None:
        if _refers_back(state, phrase) and not _the_subject_by_another_name(state, phrase):
            group = state.reference(phrase)
            return (tuple(group.ids) if group else None), phrase, phrase.end
        by_water = concrete and lexicon.kind_spec(phrase.kind).water
        if state.names_scene(phrase.kind) and not by_water:
            own = state.essential(phrase.kind) if phrase.word == phrase.kind else None
            if own is not None:  # `a pirate cove ... on the beach`: the cove's own beach (the
                # shore is its water's edge: `cottages along the shore` are by the water)
                return tuple(own.ids[:1]), phrase, phrase.end
            return SCENE, phrase, phrase.end  # (the harbor's sea is a thing to stand by)
    bare = not phrase.definite and phrase.count is None and not phrase.plural and phrase.word
    same = [g for g in state.groups_of(phrase.kind) if g.word == phrase.word] if bare else []
    if same and " " in phrase.word:  # `dugouts on either side of home plate`: the one named
        return tuple(same[-1].ids[:1]), phrase, phrase.end
    group = _new_group(state, phrase)
    if group is not None:
        state.fresh = (group, phrase.end)
    _owned(state, phrase, group)
    return (tuple(group.ids) if group else None), phrase, phrase.end
