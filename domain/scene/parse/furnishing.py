"""Furnishing the place: its usual things, what it cannot be without, what fits indoors."""

import msgspec

from domain.scene import lexical
from domain.scene import vocabulary as v
from domain.scene.catalog import generic_name
from domain.scene.model import Place, RelationSpec, ThingSpec
from domain.scene.parse import lexicon
from domain.scene.parse.state import MAIN_BUILDING, ParseState, with_article
from domain.scene.terms import Origin

_NEEDS_NO_ROOM = frozenset(["room", "corridor", "door"])
_NEAREST_ROLES = 2  # hypernyms of a generic thing that count as its role
_PEOPLE = "person"  # the role of anyone at all in a place's usual things
_NAMED_PEOPLE = frozenset(["guard", "wizard", "goblin", "zombie", "ghost", "alien", "demon"])
_INDOOR_GROUNDS = frozenset(["court"])  # areas marked out on a floor: a gym's basketball court
INDOOR_STAND_IN = {
    "campfire": "fireplace",
    "bonfire": "fireplace",
    "smithy": "furnace",
    "island": "counter",  # a kitchen island
    "station": "console",  # a crew station, a weapons station
    "fuel_pump": "engine",  # a coolant pump in a reactor room: a machine
    "watchtower": "guard_post",  # a prison block's guard tower
}


def usual_things(state: ParseState, place: Place) -> list[ThingSpec]:
    """The place's usual things, each tagged `default`."""
    made: list[ThingSpec] = []
    for kind, count in place.defaults:
        made.extend(extra(state, kind, count, "default"))
    return made


def furnish(state: ParseState, place: Place, things: list[ThingSpec]) -> list[ThingSpec]:
    """A named interior (a tavern, a library) has its usual furniture unless the prompt
    names that kind itself or rules it out; each is tagged `default`."""
    named = {v.ROLE_OF.get(thing.kind, thing.kind) for thing in things}
    room = v.MAX_THINGS - len(things)
    added: list[ThingSpec] = []
    for kind, count in place.defaults:
        role = v.ROLE_OF.get(kind, kind)
        if role in named or kind in state.excluded or count > room - len(added):
            continue
        added.extend(extra(state, kind, count, "default"))
    return added


def next_id(state: ParseState, kind: str) -> str:
    """The id the next thing of `kind` gets (`tent-4` after three tents)."""
    number = state.counters.get(kind, 0) + 1
    state.counters[kind] = number
    return f"{kind}-{number}"


def without_excluded(state: ParseState, things: list[ThingSpec]) -> list[ThingSpec]:
    """`no trees`: defaults of that kind go; things the prompt asked for stay, and the
    contradiction is said."""
    if not state.excluded:
        return things
    asked: dict[str, int] = {}
    for thing in things:
        if thing.kind in state.excluded and thing.origin == "prompt":
            asked[thing.kind] = asked.get(thing.kind, 0) + 1
    for kind, count in asked.items():
        state.warn(
            f"'{state.excluded[kind]}' is both asked for and ruled out; kept the {count} asked for"
        )

    def ruled_out(kind: str) -> bool:  # `no chairs` rules out the office's office chairs too
        return kind in state.excluded or v.ROLE_OF.get(kind, kind) in state.excluded

    return [t for t in things if not ruled_out(t.kind) or t.origin == "prompt"]


def usual_things_not_doubled(state: ParseState, things: list[ThingSpec]) -> list[ThingSpec]:
    """A place's usual things never double what the prompt names: `a goblin camp ... three
    goblins around a campfire` has the one campfire named, not the camp's as well."""
    named: dict[str, int] = {}
    for thing in things:
        if thing.origin == "prompt":
            for role in _roles(thing.kind):
                named[role] = named.get(role, 0) + 1
    if any(thing.origin == "prompt" and _a_person(thing.kind) for thing in things):
        named[_PEOPLE] = len(things)  # `two engineers`: the people there are the two named
    related = {r.subject for r in state.relations} | {o for r in state.relations for o in r.objects}
    heads = _named_heads(things)
    first_named = {
        v.ROLE_OF.get(t.kind, t.kind): t.id for t in reversed(things) if t.origin == "prompt"
    }
    all_named: dict[str, list[str]] = {}
    for t in things:
        if t.origin == "prompt":
            all_named.setdefault(v.ROLE_OF.get(t.kind, t.kind), []).append(t.id)
    asked = {t.id for t in things if t.origin == "prompt"}
    for group in state.groups:  # `a survivors camp with 3 tents`: three, none of its own
        if group.counted and len(group.ids) > 1 and group.ids[0] in asked:
            role = v.ROLE_OF.get(group.kind, group.kind)
            named[role] = max(named.get(role, 0), len(things))
    kept = []
    for thing in things:
        role = v.ROLE_OF.get(thing.kind, thing.kind)
        if thing.origin == "default" and named.get(role, 0) > 0:
            if thing.id in related and role in first_named:
                # `a bandit hideout ... six tents ... a hitching post west of the camp`: the
                # hideout's tents are the six named; what was said of them is said of those
                state.renamed[thing.id] = first_named[role]
                state.spread[thing.id] = all_named[role]
            elif thing.id in related:
                kept.append(thing)
                continue
            named[role] -= 1
            continue
        head = heads.get(_head(thing.kind))
        if thing.origin == "default" and head not in (None, thing.kind) and thing.id not in related:
            continue  # `an escape pod` named: the station's cryo pods would be pods as well
        kept.append(thing)
    return kept


def _head(name: str) -> str:
    last = name.replace("_", " ").split()[-1]
    return lexical.singular(last) or last


def _named_heads(things: list[ThingSpec]) -> dict[str, str]:
    """The head nouns of what the prompt named (`pod` for an escape pod), with the kind."""
    heads: dict[str, str] = {}
    for thing in things:
        if thing.origin == "prompt":
            heads.setdefault(_head(thing.kind), thing.kind)
            if thing.word:
                heads.setdefault(_head(thing.word), thing.kind)
    return heads


def _roles(kind: str) -> list[str]:
    """What a named thing stands for among usual things: its role, and for a noun the
    vocabulary lacks, its nearest hypernyms (a suit of armor is armor)."""
    roles = [v.ROLE_OF.get(kind, kind)]
    if lexicon.kind_spec(kind).category:
        sense = lexical.noun_sense(kind.replace("_", " "))
        if sense is not None:
            roles.extend(generic_name(a) for a in sense.ancestors[:_NEAREST_ROLES])
    return roles


def _a_person(kind: str) -> bool:
    spec = lexicon.kind_spec(kind)
    if spec.layer != "actor":
        return False
    if spec.category:
        return spec.category == "person"
    return v.ROLE_OF.get(kind, kind) == _PEOPLE or kind in _NAMED_PEOPLE


def fitting_the_place(state: ParseState, place: Place, things: list[ThingSpec]) -> list[ThingSpec]:
    """Indoors there is no house, tree or campfire: such things are left out, and said so."""
    if not place.indoor:
        return things
    kept: list[ThingSpec] = []
    dropped: dict[str, int] = {}
    for thing in things:
        stand_in = INDOOR_STAND_IN.get(thing.kind) or _indoor_form(thing)
        if stand_in is not None:
            said = with_article(stand_in.replace("_", " "))
            state.warn(f"read '{thing.word or thing.kind}' as {said} indoors")
            new_id = next_id(state, stand_in)
            state.relations = [renamed(r, {thing.id: new_id}) for r in state.relations]
            thing = msgspec.structs.replace(thing, kind=stand_in, id=new_id)
        kind = lexicon.kind_spec(thing.kind)
        if thing.size == "vast":
            kept.append(thing)  # the place itself (a ship's deck is the ship)
        elif kind.setting == "outdoor" or (
            kind.shape == "area"
            and not kind.water
            and not kind.category
            and thing.kind not in _INDOOR_GROUNDS
        ):
            dropped[thing.kind] = dropped.get(thing.kind, 0) + 1
        else:
            kept.append(thing)
    for kind_name, count in dropped.items():
        noun = kind_name if count == 1 else f"{count} x {kind_name}"
        state.warn(f"left out {noun}: not of an indoor place ({place.name})")
    return kept


def _indoor_form(thing: ThingSpec) -> str | None:
    """`a promenade with shops lining both sides of a walkway`: indoors a shop is a room of
    the place, a walkway a corridor, a named garden or a bay a room (a house, a road or a
    garden as such has no place indoors)."""
    kind = lexicon.kind_spec(thing.kind)
    if kind.setting != "outdoor" or thing.size == "vast":
        return None
    if kind.water and thing.word.split()[-1:] == ["bay"]:
        return "room"  # `mechs in repair bays`, `six curtained bays`: bays of the building
    if kind.layer == "structure" and kind.container == "walled" and kind.shape == "box":
        return "room"
    if kind.shape == "path" and not kind.water and kind.layer == "terrain":
        return "corridor"
    if kind.shape == "area" and kind.walkable and not kind.water and " " in thing.word:
        return "room"  # `a hydroponics garden` on a space station: a room of it
    return None


def renamed(relation: RelationSpec, names: dict[str, str]) -> RelationSpec:
    """The relation said of things that turned out to be others (a campfire indoors is the
    fireplace; a place's usual tents are the tents the prompt named)."""
    if relation.subject not in names and not set(relation.objects) & set(names):
        return relation
    return msgspec.structs.replace(
        relation,
        subject=names.get(relation.subject, relation.subject),
        objects=tuple(names.get(o, o) for o in relation.objects),
    )


def belongs(thing: ThingSpec, style: Place) -> bool:
    """Whether the thing is of the family of the place, or one of its usual things (a bench
    named at a basketball court is the court's bench)."""
    usual = any(kind == thing.kind for kind, _ in style.defaults)
    return usual or lexicon.kind_spec(thing.kind).family == style.family


def extra(state: ParseState, kind: str, count: int, origin: Origin) -> list[ThingSpec]:
    """New things the prompt did not name, tagged with `origin`."""
    made = []
    for _ in range(count):
        number = state.counters.get(kind, 0) + 1
        state.counters[kind] = number
        made.append(ThingSpec(id=f"{kind}-{number}", kind=kind, origin=origin))
    return made


def _walled(kind: str) -> bool:
    spec = lexicon.kind_spec(kind)
    return spec.layer == "structure" and spec.container == "walled"


_ONE_CHAMBER = frozenset(["crypt", "tomb", "vault", "chamber"])


def _has_water(scene: str, things: list[ThingSpec]) -> bool:
    place = lexicon.SCENE_BY_NAME[scene]
    return place.terrain in _WATER_GROUNDS or any(lexicon.kind_spec(t.kind).water for t in things)


_WATER_GROUNDS = frozenset(["sea", "water", "lake"])


def _swims(kind: str) -> bool:
    spec = lexicon.kind_spec(kind)
    return spec.afloat and spec.layer == "actor"


def auto_things(state: ParseState, scene: str, things: list[ThingSpec]) -> list[ThingSpec]:
    """What a place cannot be without (an island's island, a street's road), tagged auto."""
    kinds = {thing.kind for thing in things} | {v.ROLE_OF.get(t.kind, t.kind) for t in things}
    front: list[ThingSpec] = []
    for kind, count in v.ESSENTIALS.get(scene, ()):
        role = v.ROLE_OF.get(kind, kind)  # `two platforms` at a station are its platforms
        if kind == MAIN_BUILDING and any(_walled(thing.kind) for thing in things):
            continue  # `a gas station with a little shop`: the shop is its building
        if kind not in kinds and role not in kinds and kind not in state.excluded:
            made = extra(state, kind, count, "auto")
            if kind == MAIN_BUILDING and count == 1:  # a gas station's building is the station
                made = [msgspec.structs.replace(made[0], word=scene.replace("_", " "))]
            front.extend(made)
    swimmers = any(_swims(t.kind) for t in things)
    underwater = lexicon.SCENE_BY_NAME[scene].submerged
    if swimmers and not underwater and not _has_water(scene, [*front, *things]):
        # `a castle interior with a dolphin`: what only swims needs some water to swim in
        place = lexicon.SCENE_BY_NAME[scene]
        front.extend(extra(state, "pool" if place.indoor else "pond", 1, "auto"))
    if scene == "dungeon" and "room" not in kinds:
        contents = sum(1 for thing in things if thing.kind not in _NEEDS_NO_ROOM)
        corridors = any(thing.kind == "corridor" for thing in things)
        rooms = min(6, 1 + contents // 6) if contents else 0
        if state.place_word in _ONE_CHAMBER:
            rooms = min(rooms, 1)  # `a crypt with 8 sarcophagi`: one vault holds them all
        if corridors:
            rooms = max(rooms, 2)  # `a sewer with a tunnel`: a tunnel leads from one to another
        front.extend(extra(state, "room", rooms, "auto"))
    return front + things
