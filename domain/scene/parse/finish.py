"""The parser's last pass: scene kind, things every scene kind needs, defaults, warnings."""

import msgspec

from domain.scene import vocabulary as v
from domain.scene.model import Place, RelationSpec, SceneRequest, ThingSpec
from domain.scene.parse import lexicon, spelling
from domain.scene.parse.state import MAX_UNKNOWN_LISTED, Group, ParseState
from domain.scene.sizing import scaled_size
from domain.scene.terms import Origin, Predicate, Size

_NEEDS_NO_ROOM = frozenset(["room", "corridor", "door"])
_ROOM_FRAMED = frozenset(["in_corner", "against_wall", "in_center"])
_SCENE_SAFE = {
    "north_of": "north",
    "south_of": "south",
    "east_of": "east",
    "west_of": "west",
    "left_of": "west",
    "right_of": "east",
    "above": "north",
    "below": "south",
}
_OBJECTLESS_OK = frozenset(
    ["in_region", "in_center", "in_corner", "against_wall", "along", "around"]
)


def finish_request(state: ParseState) -> SceneRequest:
    _interior_head(state)
    scene = state.scene or _vote(state)
    if state.scene is None and scene == "forest":
        _forest_is_the_scene(state)
    style = lexicon.SCENE_BY_NAME[scene]
    things = _fitting_the_place(state, style, list(state.things))
    relations = list(state.relations)
    ground, grounded = state.ground, False
    if ground is not None and ground != scene and not style.indoor and style.family != v.GROUND:
        # `a snowy mountain village`: the village's things, on snow
        if not things:
            things.extend(_usual_things(state, style))
        scene, style, grounded = ground, lexicon.SCENE_BY_NAME[ground], True
    if not things:
        state.warn(f"the prompt names no known things; drew a default {scene}")
        for kind, count in style.defaults:
            things.extend(_extra(state, kind, count, "default"))
    elif style.indoor and style.name != "room" and state.scene is not None:
        things.extend(_furnish(state, style, things))
    elif (
        state.scene is not None
        and not grounded
        and not any(_belongs(thing, style) for thing in things)
    ):
        # `a village on the coast`: a village still needs its houses
        defaults = [(kind, count) for kind, count in style.defaults]
        if len(things) + sum(count for _, count in defaults) <= v.MAX_THINGS:
            state.warn(f"the prompt names nothing of a {scene}; added its usual things")
            for kind, count in defaults:
                things.extend(_extra(state, kind, count, "default"))
    things = _auto_things(state, scene, things)
    things = _without_excluded(state, things)
    relations = _gates_in_walls(style, things, relations)
    relations = _holders_that_fit(state, things, relations)
    _framing_contradictions(state, relations)
    relations = _implicit_inside(state, relations)
    relations = _frames(scene, things, relations)
    relations = _default_connectors(scene, things, relations)
    for _, direction, _, _, pattern in state.pending:
        words = " ".join(direction or "" if word == "{dir}" else word for word in pattern)
        state.warn(f"'{words}' says nothing about any thing named; ignored")
    kept = {thing.id for thing in things}
    relations = [r for r in relations if r.subject in kept and all(o in kept for o in r.objects)]
    warnings = list(state.warnings)
    unknown = list(state.unknown)
    warnings.extend(_unknown_word(word) for word in unknown[:MAX_UNKNOWN_LISTED])
    if len(unknown) > MAX_UNKNOWN_LISTED:
        warnings.append(f"... and {len(unknown) - MAX_UNKNOWN_LISTED} more unknown words")
    return SceneRequest(
        place=scene,
        things=tuple(things),
        relations=tuple(relations),
        warnings=tuple(warnings),
        excluded=tuple(state.excluded),
    )


def _usual_things(state: ParseState, place: Place) -> list[ThingSpec]:
    made: list[ThingSpec] = []
    for kind, count in place.defaults:
        made.extend(_extra(state, kind, count, "default"))
    return made


def _furnish(state: ParseState, place: Place, things: list[ThingSpec]) -> list[ThingSpec]:
    """A named interior (a tavern, a library) has its usual furniture unless the prompt
    names that kind itself or rules it out; each is tagged `default`."""
    named = {v.ROLE_OF.get(thing.kind, thing.kind) for thing in things}
    room = v.MAX_THINGS - len(things)
    added: list[ThingSpec] = []
    for kind, count in place.defaults:
        role = v.ROLE_OF.get(kind, kind)
        if role in named or kind in state.excluded or count > room - len(added):
            continue
        added.extend(_extra(state, kind, count, "default"))
    return added


_INDOOR_STAND_IN = {"campfire": "fireplace", "bonfire": "fireplace"}


def _next_id(state: ParseState, kind: str) -> str:
    number = state.counters.get(kind, 0) + 1
    state.counters[kind] = number
    return f"{kind}-{number}"


def _unknown_word(word: str) -> str:
    close = spelling.suggestions(word)
    if not close:
        return f"unknown word '{word[:40]}'"
    return f"unknown word '{word[:40]}' (did you mean {' or '.join(repr(c) for c in close)}?)"


def _without_excluded(state: ParseState, things: list[ThingSpec]) -> list[ThingSpec]:
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
    return [t for t in things if t.kind not in state.excluded or t.origin == "prompt"]


def _fitting_the_place(state: ParseState, place: Place, things: list[ThingSpec]) -> list[ThingSpec]:
    """Indoors there is no house, tree or campfire: such things are left out, and said so."""
    if not place.indoor:
        return things
    kept: list[ThingSpec] = []
    dropped: dict[str, int] = {}
    for thing in things:
        stand_in = _INDOOR_STAND_IN.get(thing.kind)
        if stand_in is not None:
            state.warn(f"read '{thing.word or thing.kind}' as a {stand_in} indoors")
            new_id = _next_id(state, stand_in)
            state.relations = [_renamed(r, thing.id, new_id) for r in state.relations]
            thing = msgspec.structs.replace(thing, kind=stand_in, id=new_id)
        kind = lexicon.KIND_BY_NAME[thing.kind]
        if kind.setting == "outdoor" or (kind.shape == "area" and not kind.water):
            dropped[thing.kind] = dropped.get(thing.kind, 0) + 1
        else:
            kept.append(thing)
    for kind_name, count in dropped.items():
        noun = kind_name if count == 1 else f"{count} x {kind_name}"
        state.warn(f"left out {noun}: not of an indoor place ({place.name})")
    return kept


def _renamed(relation: RelationSpec, old: str, new: str) -> RelationSpec:
    if relation.subject != old and old not in relation.objects:
        return relation
    return msgspec.structs.replace(
        relation,
        subject=new if relation.subject == old else relation.subject,
        objects=tuple(new if o == old else o for o in relation.objects),
    )


def _belongs(thing: ThingSpec, style: Place) -> bool:
    return lexicon.KIND_BY_NAME[thing.kind].family == style.family


def _vote(state: ParseState) -> str:
    """The place most of the named things belong to (`igloos and a sled`: snow)."""
    tally: dict[str, int] = {}
    for group in state.groups:
        kind = group.kind
        place = v.HOME_PLACE.get(kind) or lexicon.THEME_SCENE[lexicon.KIND_BY_NAME[kind].family]
        weight = 2 if kind in lexicon.KIND_SCENES or kind in v.HOME_PLACE else 1
        tally[place] = tally.get(place, 0) + weight
    if not tally:
        return "village"
    place = max(tally, key=lambda name: tally[name])  # first mentioned wins a tie
    if place == "coast" and any(group.kind == "island" for group in state.groups):
        return "island"
    return place


def _interior_head(state: ParseState) -> None:
    """`a tavern with a bar, stools and a fireplace` describes the tavern's inside."""
    if state.scene is not None or len(state.groups) < 2:
        return
    head = state.groups[0]
    if head.kind not in v.INTERIOR_OF or len(head.ids) != 1:
        return
    leaning = 0  # indoor things for, outdoor things against (a fire may be a hearth)
    for group in state.groups[1:]:
        setting = lexicon.KIND_BY_NAME[group.kind].setting
        if group.kind not in _INDOOR_STAND_IN:
            leaning += {"indoor": 1, "outdoor": -1}.get(setting, 0)
    if leaning <= 0:
        return
    state.scene = v.INTERIOR_OF[head.kind]
    _absorb(state, head)


def _forest_is_the_scene(state: ParseState) -> None:
    """`a tower in a dark forest`: the forest is the whole scene, not a patch of it."""
    forests = [group for group in state.groups if group.kind == "forest"]
    if len(forests) != 1 or len(forests[0].ids) != 1:
        return
    forest_id = forests[0].ids[0]
    if any(relation.subject == forest_id for relation in state.relations):
        return
    _absorb(state, forests[0])


def _absorb(state: ParseState, group: Group) -> None:
    """Drop a group that turned out to be the scene; relations to it become scene relations."""
    ids = set(group.ids)
    state.groups = [other for other in state.groups if other is not group]
    state.things = [thing for thing in state.things if thing.id not in ids]
    kept = []
    for relation in state.relations:
        if relation.subject in ids:
            continue
        if ids & set(relation.objects):
            converted = _to_scene(relation)
            if converted is not None:
                kept.append(converted)
            continue
        kept.append(relation)
    state.relations = kept


def _to_scene(relation: RelationSpec) -> RelationSpec | None:
    if relation.predicate in _SCENE_SAFE:
        return RelationSpec(
            subject=relation.subject,
            predicate="in_region",
            argument=_SCENE_SAFE[relation.predicate],
        )
    if relation.predicate in _OBJECTLESS_OK:
        return RelationSpec(
            subject=relation.subject, predicate=relation.predicate, argument=relation.argument
        )
    return None


def _extra(state: ParseState, kind: str, count: int, origin: Origin) -> list[ThingSpec]:
    made = []
    for _ in range(count):
        number = state.counters.get(kind, 0) + 1
        state.counters[kind] = number
        made.append(ThingSpec(id=f"{kind}-{number}", kind=kind, origin=origin))
    return made


def _auto_things(state: ParseState, scene: str, things: list[ThingSpec]) -> list[ThingSpec]:
    """What a place cannot be without (an island's island, a street's road), tagged auto."""
    kinds = {thing.kind for thing in things}
    front: list[ThingSpec] = []
    for kind, count in v.ESSENTIALS.get(scene, ()):
        if kind not in kinds and kind not in state.excluded:
            front.extend(_extra(state, kind, count, "auto"))
    if scene == "dungeon" and "room" not in kinds:
        contents = sum(1 for thing in things if thing.kind not in _NEEDS_NO_ROOM)
        if contents:
            front.extend(_extra(state, "room", min(6, 1 + contents // 6), "auto"))
    return front + things


def _holders_that_fit(
    state: ParseState, things: list[ThingSpec], relations: list[RelationSpec]
) -> list[RelationSpec]:
    """`a house inside a well`: what cannot hold the thing has it next to it instead, said.
    A ground too small for what stands on it (`a castle on a hill`) is drawn larger."""
    sizes = {thing.id: thing.size for thing in things}
    inside = {(r.subject, r.objects[0]) for r in relations if r.predicate == "inside" and r.objects}
    out = []
    for relation in relations:
        if relation.predicate == "inside" and relation.objects and relation.subject in sizes:
            holder = relation.objects[0]
            kind, holder_kind = state.kind_of(relation.subject), state.kind_of(holder)
            if holder in sizes and not _fits_inside(
                kind, sizes[relation.subject], holder_kind, sizes[holder]
            ):
                larger = _enlarged(kind, sizes[relation.subject], holder_kind, sizes[holder])
                if larger is not None:
                    sizes[holder] = larger
                    out.append(relation)
                    continue
                if (holder, relation.subject) in inside:
                    state.warn(
                        f"contradiction: {relation.subject} and {holder} cannot both be inside"
                        " each other"
                    )
                state.warn(
                    f"{relation.subject} cannot fit inside {holder} (too large or not a holder);"
                    " placed next to it"
                )
                relation = RelationSpec(
                    subject=relation.subject, predicate="next_to", objects=(holder,)
                )
        out.append(relation)
    things[:] = [
        msgspec.structs.replace(t, size=sizes[t.id]) if sizes[t.id] != t.size else t for t in things
    ]
    return out


def _gates_in_walls(
    place: Place, things: list[ThingSpec], relations: list[RelationSpec]
) -> list[RelationSpec]:
    """Outdoors, a gate with nothing said of it stands in the wall (`a walled town with a
    gate`)."""
    walls = [t.id for t in things if t.kind in ("wall", "fence")]
    if place.indoor or place.name == "dungeon" or not walls:
        return relations
    related = {r.subject for r in relations}
    gates = [t.id for t in things if t.kind == "door" and t.id not in related]
    extra = [RelationSpec(subject=g, predicate="next_to", objects=(walls[0],)) for g in gates]
    return relations + extra


_FRAMING = frozenset(["in_corner", "in_center", "in_region"])


def _framing_contradictions(state: ParseState, relations: list[RelationSpec]) -> None:
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


def _enlarged(kind: str, size: Size, holder_kind: str, holder_size: Size) -> Size | None:
    """The size at which a ground (a hill, a field, an island) holds the thing, if any."""
    if lexicon.KIND_BY_NAME[holder_kind].shape != "area":
        return None
    for larger in _LARGER.get(holder_size, ()):
        if _fits_inside(kind, size, holder_kind, larger):
            return larger
    return None


_LARGER: dict[str, tuple[Size, ...]] = {
    "tiny": ("small", "medium", "large", "huge"),
    "small": ("medium", "large", "huge"),
    "medium": ("large", "huge"),
    "large": ("huge",),
}


def _implicit_inside(state: ParseState, relations: list[RelationSpec]) -> list[RelationSpec]:
    """`a room with a chest`: the chest goes inside the room when it fits."""
    placed_inside = {r.subject for r in relations if r.predicate == "inside"}
    out = list(relations)
    for group in state.groups:
        owner = group.owner
        if owner is None or not owner.ids:
            continue
        if not _fits_inside(group.kind, group.size, owner.kind, owner.size):
            if group.beside_owner:
                for thing_id, target in zip(group.ids, owner.ids, strict=False):
                    out.append(
                        RelationSpec(subject=thing_id, predicate="next_to", objects=(target,))
                    )
            continue
        kind = lexicon.KIND_BY_NAME[group.kind]
        pier = kind.afloat and kind.layer == "structure"  # `a lake with a pier`: from its shore
        predicate: Predicate = "on_shore" if pier else "inside"
        for k, thing_id in enumerate(group.ids):
            if thing_id not in placed_inside and thing_id not in owner.ids:
                target = owner.ids[k % len(owner.ids)]
                out.append(RelationSpec(subject=thing_id, predicate=predicate, objects=(target,)))
    return out


def _fits_inside(kind: str, size: str, owner_kind: str, owner_size: str) -> bool:
    thing, owner = lexicon.KIND_BY_NAME[kind], lexicon.KIND_BY_NAME[owner_kind]
    if thing.shape == "path" or owner.shape == "path":
        return False
    holds = owner.container == "walled" or (owner.container == "open" and owner.shape == "area")
    if owner.water and thing.afloat:
        holds = True
    if not holds:
        return False
    width, height = scaled_size(thing, size, 48, 24)
    owner_width, owner_height = scaled_size(owner, owner_size, 48, 24)
    inset = 2 if owner.container == "walled" else 0
    return width <= owner_width - inset and height <= owner_height - inset


def _frames(
    scene: str, things: list[ThingSpec], relations: list[RelationSpec]
) -> list[RelationSpec]:
    """Corners and walls in a dungeon are a room's; a tip on an island is the island's."""
    kinds = {thing.id: thing.kind for thing in things}
    islands = [thing.id for thing in things if thing.kind == "island"]
    hosts = {r.subject: r.objects[0] for r in relations if r.predicate == "inside" and r.objects}
    out = []
    for relation in relations:
        if relation.objects or relation.subject not in kinds:
            out.append(relation)
            continue
        kind = lexicon.KIND_BY_NAME[kinds[relation.subject]]
        frame: str | None = None
        if scene == "dungeon" and relation.predicate in _ROOM_FRAMED and kind.name != "room":
            frame = hosts.get(relation.subject)
        on_land = not kind.afloat and kind.name not in ("island", "sea")
        if scene == "island" and relation.predicate == "in_region" and islands and on_land:
            frame = hosts.get(relation.subject, islands[0])
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


def _default_connectors(
    scene: str, things: list[ThingSpec], relations: list[RelationSpec]
) -> list[RelationSpec]:
    connector = lexicon.SCENE_BY_NAME[scene].connector or None
    paths = {thing.id for thing in things if lexicon.KIND_BY_NAME[thing.kind].shape == "path"}
    out = []
    for relation in relations:
        wants_default = relation.predicate == "connected_to" and relation.argument is None
        if wants_default and len(relation.objects) == 1 and relation.subject not in paths:
            relation = RelationSpec(
                subject=relation.subject,
                predicate=relation.predicate,
                objects=relation.objects,
                argument=connector,
            )
        out.append(relation)
    return out
