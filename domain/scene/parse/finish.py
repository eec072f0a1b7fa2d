"""The parser's last pass: scene kind, things every scene kind needs, defaults, warnings."""

import msgspec

from domain.scene import relation_rules as rules
from domain.scene import vocabulary as v
from domain.scene.model import Place, RelationSpec, SceneRequest, ThingSpec
from domain.scene.parse import lexicon, spelling
from domain.scene.parse.centres import (
    centre_goes_with_its_ring,
    facing_from_afar,
    framed_by_host,
    ring_round_the_middle,
    ring_said_round_a_centre,
)
from domain.scene.parse.framing import frames, framing_contradictions
from domain.scene.parse.furnishing import (
    auto_things,
    belongs,
    extra,
    fitting_the_place,
    furnish,
    next_id,
    renamed,
    usual_things,
    usual_things_not_doubled,
    without_excluded,
)
from domain.scene.parse.holders import (
    as_many_as_fit_on,
    holders_that_fit,
    implicit_inside,
    round_what_they_surround,
)
from domain.scene.parse.place import choose_place, scene_relation
from domain.scene.parse.state import MAIN_BUILDING, MAX_UNKNOWN_LISTED, ParseState
from domain.scene.terms import CARDINALS, Predicate


def finish_request(state: ParseState) -> SceneRequest:
    """The request read: the place chosen and furnished, relations settled, warnings said."""
    _ground_is_the_scene(state)
    as_many_as_fit_on(state)
    scene = choose_place(state)
    style = lexicon.SCENE_BY_NAME[scene]
    _platforms_by_the_rails(state, scene)
    things = fitting_the_place(state, style, list(state.things))
    relations = list(state.relations)
    ground, grounded = state.ground, False
    if (
        ground is not None
        and ground != scene
        and not style.indoor
        and style.family != v.GROUND
        and style.outline == "rect"  # (`an ice cave`: a cave, its walls of ice)
    ):
        # `a snowy mountain village`, `a village in winter with a frozen lake`: the village's
        # things, on snow
        if not any(belongs(thing, style) for thing in things):
            things.extend(usual_things(state, style))
        scene, style, grounded = ground, lexicon.SCENE_BY_NAME[ground], True
    named = [thing for thing in things if style.ground is None or thing.kind != style.ground]
    default_place = not named and state.scene is None
    if not named:  # (the place's own ground, `a graveyard`, names none of its things)
        if default_place:
            state.warn(f"the prompt names no known things; drew a default {scene}")
        for kind, count in style.defaults:  # a place named alone: its usual things
            made = extra(state, kind, count, "default")
            if kind == MAIN_BUILDING and count == 1 and not default_place:
                made = [msgspec.structs.replace(made[0], word=scene.replace("_", " "))]
            things.extend(made)
    elif style.indoor and style.name != "room" and state.scene is not None:
        if len({t.kind for t in named if t.origin == "prompt"}) < _FURNISHED_BY_THE_PROMPT:
            # (a room the prompt furnishes itself, `three service counters..., a table with
            # pens...`, gets nothing more: an office's desks would crowd a post office)
            things.extend(furnish(state, style, things))
    elif (
        state.scene is not None
        and style.name != "room"  # (a plain room: whatever is named in it belongs there)
        and not grounded
        and not any(belongs(thing, style) and not _bound(scene, thing.kind) for thing in things)
        and not any(_plain_building(thing.kind) for thing in things)  # `80 buildings`
    ):
        # `a village on the coast`: a village still needs its houses
        defaults = [(kind, count) for kind, count in style.defaults]
        if len(things) + sum(count for _, count in defaults) <= v.MAX_THINGS:
            state.warn(f"the prompt names nothing of a {scene}; added its usual things")
            for kind, count in defaults:
                things.extend(extra(state, kind, count, "default"))
    things = auto_things(state, scene, things) + _strewn(state, style, things)
    relations += _along_the_water(state, things)
    relations += _homes_by_the_water(scene, things, relations)
    things = without_excluded(state, things) + _inhabitants(state)
    things = usual_things_not_doubled(state, things)
    relations += _placed_with_its_holder(state, relations)
    relations += _swimmers_in_the_water(state, things, relations)
    relations = _platforms_by_the_track(things, relations)
    relations += _lava_from_the_volcano(things, relations)
    relations = _down_to_the_sea(scene, things, relations)
    relations = _spread(state, relations)
    relations = _gates_in_walls(style, things, relations)
    relations = _overlooking_the_water(things, relations)
    relations = _in_the_middle_of_a_way(state, relations)
    relations = _beside_rather_than_on(state, relations)
    relations = holders_that_fit(state, things, relations)
    framing_contradictions(state, relations)
    relations = implicit_inside(state, relations)
    relations = _holders_placed_for_what_they_hold(relations)
    relations = _bridges_join_what_they_are_between(relations)
    relations = round_what_they_surround(relations)
    relations = ring_round_the_middle(relations)
    relations = ring_said_round_a_centre(relations)
    relations = centre_goes_with_its_ring(things, relations)
    relations = frames(scene, things, relations, _area_owners(state))
    relations = framed_by_host(things, relations)
    relations = facing_from_afar(relations)
    relations = _centred_along_walls(state, relations)
    relations = _default_connectors(scene, things, relations)
    relations += _parked_by_the_road(things, relations)
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
        default_place=default_place,
        not_understood=tuple([*unknown, *state.undrawable]),
    )


_FURNISHED_BY_THE_PROMPT = 5  # kinds of things named in an interior
_BOUNDS = frozenset(["wall", "fence", "moat", "door", "hedge"])
# (`a walled town with a gate`: its wall and gate, and still the town's houses)


def _bound(scene: str, kind: str) -> bool:
    """What bounds or grounds a place says nothing of what is in it: `a walled town with a
    gate` (its wall and gate), `a fishing village on a rocky coast` (its sea): still the
    place's usual things."""
    return kind in _BOUNDS or kind in dict(v.ESSENTIALS.get(scene, ()))


_STREWN_COUNT = 3


def _strewn(state: ParseState, style: Place, things: list[ThingSpec]) -> list[ThingSpec]:
    """`a rocky coast`: a few rocks, unless the prompt named its own."""
    if style.indoor:
        return []
    kinds = {thing.kind for thing in things}
    return [
        thing
        for kind in sorted(state.strewn - kinds)
        if kind not in state.excluded and len(things) + _STREWN_COUNT <= v.MAX_THINGS
        for thing in extra(state, kind, _STREWN_COUNT, "auto")
    ]


def _plain_building(kind: str) -> bool:
    """A building of no particular sort (`buildings`, an open noun filed as a building): the
    houses a settlement would otherwise be given."""
    return kind == "building" or lexicon.kind_spec(kind).category == "building"


_RAIL_PLACES = frozenset(["train_station"])


def _platforms_by_the_rails(state: ParseState, scene: str) -> None:
    """`a train station with two platforms`: railway platforms, where trains stop (not a
    stage or a raised floor)."""
    if scene not in _RAIL_PLACES and not any(t.kind == "railway" for t in state.things):
        return
    names: dict[str, str] = {}
    things: list[ThingSpec] = []
    for thing in state.things:
        if thing.kind == "platform":
            names[thing.id] = next_id(state, "railway_platform")
            thing = msgspec.structs.replace(thing, kind="railway_platform", id=names[thing.id])
        things.append(thing)
    if names:
        state.things = things
        state.relations = [renamed(r, names) for r in state.relations]


_FRAMING = frozenset(["in_region", "in_corner"])


def _placed_with_its_holder(state: ParseState, relations: list[RelationSpec]) -> list[RelationSpec]:
    """`gallows with a hanging cage on the north-east corner`: the gallows stand there too,
    with the cage by them (a part of the map said of a thing's small companion is said of
    the thing it comes with, when nothing else places that thing)."""
    added: list[RelationSpec] = []
    for group in state.groups:
        owner = group.owner
        if owner is None or len(owner.ids) != 1 or owner.size == "vast":
            continue
        if lexicon.kind_spec(group.kind).layer not in ("object", "actor"):
            continue
        if lexicon.kind_spec(owner.kind).layer != "object":  # (not a room with its orcs)
            continue
        if any(r.subject == owner.ids[0] for r in relations):
            continue
        framed = [
            r
            for r in relations
            if r.subject in group.ids and r.predicate in _FRAMING and not r.objects
        ]
        if not framed or any(r.subject in group.ids and r.objects for r in relations):
            continue
        added.append(_relation(owner.ids[0], framed[0].predicate, (), framed[0].argument))
        added += [_relation(thing_id, "next_to", (owner.ids[0],)) for thing_id in group.ids]
    return added


def _holders_placed_for_what_they_hold(relations: list[RelationSpec]) -> list[RelationSpec]:
    """`3 cages with prisoners along the east wall`: where a thing held in a small holder
    (a cage, a wagon) is put is where the holder goes, the thing inside it."""
    holder_of = {
        r.subject: r.objects[0]
        for r in relations
        if r.predicate == "inside" and len(r.objects) == 1 and _a_small_holder(r.objects[0])
    }
    placed = {r.subject for r in relations if r.predicate in _HOLDER_PLACING}
    kept: list[RelationSpec] = []
    for r in relations:
        holder = holder_of.get(r.subject)
        if holder is None or r.predicate not in _HOLDER_PLACING or r.objects or holder in placed:
            kept.append(r)
            continue
        kept.append(_relation(holder, r.predicate, (), r.argument))
    return kept


def _bridges_join_what_they_are_between(relations: list[RelationSpec]) -> list[RelationSpec]:
    """`two ships side by side, a gangplank between them`, `a rope bridge between the two
    towers`: the bridge joins them (a river between two villages still runs between)."""
    over = {r.subject for r in relations if r.predicate in ("across", "on", "inside", "along")}
    return [
        _relation(r.subject, "connected_to", r.objects)
        if r.predicate == "between"
        and r.subject.rsplit("-", 1)[0] == "bridge"
        and r.subject not in over  # (`a bridge over the river between them`: on the road)
        else r
        for r in relations
    ]


def _a_small_holder(thing_id: str) -> bool:
    spec = lexicon.kind_spec(thing_id.rsplit("-", 1)[0])
    return spec.shape == "box" and spec.layer == "object"


_HOLDER_PLACING = frozenset(["in_region", "in_corner", "against_wall"])


def _swimmers_in_the_water(
    state: ParseState, things: list[ThingSpec], relations: list[RelationSpec]
) -> list[RelationSpec]:
    """`a beach with some people swimming`: in the water named (or the sea of the place), when
    nothing else places them."""
    waters = [t.id for t in things if lexicon.kind_spec(t.kind).water and t.kind != "river"]
    placed = {r.subject for r in relations}
    if not waters:
        return []
    return [
        _relation(thing_id, "inside", (waters[0],))
        for thing_id in dict.fromkeys(state.swimming)
        if thing_id not in placed
    ]


def _lava_from_the_volcano(
    things: list[ThingSpec], relations: list[RelationSpec]
) -> list[RelationSpec]:
    """`a volcano in the middle, a lava flow running down to the sea`: the lava flows from
    the volcano."""
    volcano = next((t.id for t in things if "volcano" in t.word.split()), None)
    if volcano is None:
        return []
    links = [(r.subject, *r.objects) for r in relations if r.predicate == "connected_to"]
    joined = {thing for link in links if volcano in link for thing in link}
    return [
        _relation(t.id, "connected_to", (volcano,))
        for t in things
        if t.kind == "lava_channel" and t.id not in joined
    ]


def _down_to_the_sea(
    scene: str, things: list[ThingSpec], relations: list[RelationSpec]
) -> list[RelationSpec]:
    """`a river running down to the sea on the south side` of an island: the sea is all
    around, so the river runs to that side of the island (the side was said of the sea)."""
    if scene != "island":
        return relations
    seas = {t.id for t in things if t.kind == "sea"}
    ways = {t.id for t in things if lexicon.kind_spec(t.kind).shape == "path"}
    to_sea = [r for r in relations if r.subject in ways and r.predicate == "connected_to"
              and set(r.objects) & seas]  # fmt: skip
    if not to_sea:
        return relations
    sides = [r for r in relations if r.subject in seas and r.predicate == "in_region"]
    side = sides[0].argument if sides and sides[0].argument in CARDINALS else None
    kept = [r for r in relations if r not in to_sea and r not in sides]
    if side is not None:
        kept += [_relation(r.subject, "runs", (), side) for r in to_sea]
    return kept


_FLANKS: tuple[Predicate, Predicate] = ("north_of", "south_of")


def _platforms_by_the_track(
    things: list[ThingSpec], relations: list[RelationSpec]
) -> list[RelationSpec]:
    """`two platforms with the tracks between them`: the line runs across the station and
    the platforms lie along it, one on each side, in the middle of its run; a platform
    named alone stands by the line."""
    tracks = [t.id for t in things if t.kind == "railway"]
    platforms = [t.id for t in things if t.kind == "railway_platform"]
    if not tracks or not platforms:
        return relations
    kept: list[RelationSpec] = []
    added: list[RelationSpec] = []
    for r in relations:
        flanked = r.predicate == "between" and r.subject in tracks
        if flanked and all(o in platforms for o in r.objects):
            if not any(
                x.subject == r.subject and x.predicate in ("runs", "along") for x in relations
            ):
                added.append(_relation(r.subject, "runs", (), "east_west"))
            for side, platform in zip(_FLANKS, r.objects, strict=False):
                added += [
                    _relation(platform, side, (r.subject,)),
                    _relation(platform, "near", (r.subject,)),
                    _relation(platform, "in_center", (), "x"),
                ]
            continue
        island = r.predicate == "between" and r.subject in platforms
        if island and all(o in tracks for o in r.objects):
            # `a platform between the tracks`: an island platform, a line on each side
            added.append(_relation(r.subject, "in_center", ()))
            for side, track in zip(_FLANKS, r.objects, strict=False):
                added += [
                    _relation(track, side, (r.subject,)),
                    _relation(track, "near", (r.subject,)),
                ]
            continue
        kept.append(r)
    kept += [r for r in dict.fromkeys(added) if r not in kept]
    placed = {r.subject for r in kept if set(r.objects) & set(tracks)}
    for platform in platforms:
        if platform not in placed:  # `tracks along the south edge, 3 benches on the platform`
            kept.append(_relation(platform, "near", (tracks[0],)))
    return kept


def _relation(
    subject: str, predicate: Predicate, objects: tuple[str, ...], argument: str | None = None
) -> RelationSpec:
    return RelationSpec(subject=subject, predicate=predicate, objects=objects, argument=argument)


def _ground_is_the_scene(state: ParseState) -> None:
    """The ground of the whole place (`a swamp` named as the place) stands for the scene in
    every relation: `a hut in the swamp` is anywhere, `a fence around the graveyard` rings
    the map."""
    grounds = {t.id for t in state.things if t.size == "vast"}
    if not grounds:
        return
    kept = []
    for relation in state.relations:
        if relation.subject in grounds:
            continue
        if grounds & set(relation.objects):
            converted = scene_relation(relation)
            if converted is not None:
                kept.append(converted)
            continue
        kept.append(relation)
    state.relations = kept


def _along_the_water(state: ParseState, things: list[ThingSpec]) -> list[RelationSpec]:
    """`a coastal village: cottages along the shore`: along the place's shore is by its water
    (the sea the coast is drawn with)."""
    waters = [t.id for t in things if t.origin == "auto" and lexicon.kind_spec(t.kind).water]
    if not waters:
        return []
    return [
        RelationSpec(subject=thing_id, predicate="near", objects=(waters[0],))
        for thing_id in state.along_the_water
    ]


def _overlooking_the_water(
    things: list[ThingSpec], relations: list[RelationSpec]
) -> list[RelationSpec]:
    """`a lighthouse on a cliff above the sea`: above water is higher up at its edge (a map
    seen from above shows the cliff by the sea, not north of it)."""
    water = {t.id for t in things if lexicon.kind_spec(t.kind).water}
    return [
        msgspec.structs.replace(r, predicate="next_to")
        if r.predicate in ("above", "below")
        and r.objects
        and r.objects[0] in water
        and r.subject not in water
        else r
        for r in relations
    ]


def _homes_by_the_water(
    scene: str, things: list[ThingSpec], relations: list[RelationSpec]
) -> list[RelationSpec]:
    """`a fishing village (on a lake shore, with four huts)`: a place that is there for its
    water (a coast, a lake shore) has its houses by that water, unless told where they are."""
    essential = {kind for kind, _ in v.ESSENTIALS.get(scene, ())}
    waters = [t.id for t in things if t.kind in essential and lexicon.kind_spec(t.kind).water]
    if not waters:
        return []
    placed = {r.subject for r in relations}
    return [
        RelationSpec(subject=thing.id, predicate="near", objects=(waters[0],))
        for thing in things
        if thing.kind == "house" and thing.id not in placed
    ]


def _centred_along_walls(state: ParseState, relations: list[RelationSpec]) -> list[RelationSpec]:
    """`a throne against the north wall in the center`: centred along that wall (and said, as
    `in the middle` alone would be the middle of the room)."""
    walls = {r.subject: r.argument for r in relations if r.predicate == "against_wall"}
    out = []
    for relation in relations:
        wall = walls.get(relation.subject)
        if relation.predicate == "in_center" and relation.argument is None and wall is not None:
            axis = "x" if wall in ("north", "south") else "y"
            relation = msgspec.structs.replace(relation, argument=axis)
            where = f"the {wall} wall" if wall else "a wall"
            state.warn(
                f"{relation.subject} is both in the middle and against {where}: drawn against"
                " the wall, in the middle of it"
            )
        out.append(relation)
    return out


def _in_the_middle_of_a_way(state: ParseState, relations: list[RelationSpec]) -> list[RelationSpec]:
    """`an overturned wagon in the middle of the road`: on the road (a road, a river, a
    corridor has no middle to stand in but itself)."""
    out = []
    for relation in relations:
        if relation.predicate == "in_center" and relation.objects:
            standing = lexicon.kind_spec(state.kind_of(relation.subject)).layer
            way = lexicon.kind_spec(state.kind_of(relation.objects[0]))
            if standing in ("object", "actor") and way.shape == "path":
                relation = msgspec.structs.replace(relation, predicate="on", argument=None)
        out.append(relation)
    return out


def _spread(state: ParseState, relations: list[RelationSpec]) -> list[RelationSpec]:
    """What was said of a place's usual things is said of each thing named in their stead
    (`a small town in the south w/ 10 houses`: all ten in the south), once."""
    out: list[RelationSpec] = []
    for relation in relations:
        subjects = state.spread.get(relation.subject, [relation.subject])
        for subject in subjects:
            moved = renamed(msgspec.structs.replace(relation, subject=subject), state.renamed)
            if moved not in out:
                out.append(moved)
    return out


def _inhabitants(state: ParseState) -> list[ThingSpec]:
    """Those whose place it is (`a goblin camp`), as its usual things: gone when the prompt
    names them itself."""
    made = []
    for kind, word, count in state.inhabitants:
        if kind in state.excluded:
            continue
        made += [
            msgspec.structs.replace(t, word=word) for t in extra(state, kind, count, "default")
        ]
    return made


def _parked_by_the_road(
    things: list[ThingSpec], relations: list[RelationSpec]
) -> list[RelationSpec]:
    """`a one way street, 4 parked cars`: parked at the roadside, nothing else said."""
    road = next((t.id for t in things if t.kind == "road"), None)
    placed = {r.subject for r in relations}
    return [
        RelationSpec(subject=thing.id, predicate="near", objects=(road,))
        for thing in things
        if road is not None and thing.word.startswith("parked ") and thing.id not in placed
    ]


def _beside_rather_than_on(state: ParseState, relations: list[RelationSpec]) -> list[RelationSpec]:
    """`a wizard duel on a frozen lake. The two wizards stand on opposite sides of the lake`:
    said later to stand beside it, a thing is not on it (nor in it) as said first."""
    beside = {(r.subject, r.objects[0]) for r in relations if r.objects and r.predicate in _BESIDE}
    dropped = [
        r
        for r in relations
        if r.predicate in ("on", "inside") and (r.subject, *r.objects[:1]) in beside
    ]
    for relation in dropped:
        state.warn(
            f"{relation.subject} is said to be both {relation.predicate} and beside"
            f" {relation.objects[0]}: drawn beside it"
        )
    return [r for r in relations if r not in dropped]


_BESIDE = frozenset(["on_side_of", *rules.DIRECTION_OF])


def _area_owners(state: ParseState) -> dict[str, str]:
    """`a lake with an island in the middle`: the middle is the lake's. (A park or a field
    with a fountain in the middle is the scene's middle: the owner is the place itself.)"""
    owners: dict[str, str] = {}
    for group in state.groups:
        owner = group.owner
        if owner is not None and lexicon.kind_spec(owner.kind).water:
            for k, thing_id in enumerate(group.ids):
                owners[thing_id] = owner.ids[k % len(owner.ids)]
    return owners


def _unknown_word(word: str) -> str:
    close = spelling.suggestions(word)
    if not close:
        return f"unknown word '{word[:40]}'"
    return f"unknown word '{word[:40]}' (did you mean {' or '.join(repr(c) for c in close)}?)"


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


def _default_connectors(
    scene: str, things: list[ThingSpec], relations: list[RelationSpec]
) -> list[RelationSpec]:
    connector = lexicon.SCENE_BY_NAME[scene].connector or None
    paths = {thing.id for thing in things if lexicon.kind_spec(thing.kind).shape == "path"}
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
