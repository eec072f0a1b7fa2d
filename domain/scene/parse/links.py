"""Stating relations: what a relation phrase says of a group, as relations of its things."""

from domain.scene import vocabulary as v
from domain.scene.parse import lexicon
from domain.scene.parse.arrangements import arrange
from domain.scene.parse.state import SCENE, Group, ParseState
from domain.scene.terms import CARDINALS, OPPOSITE_SIDE

_COMPASS_OF = {"north": "north_of", "south": "south_of", "east": "east_of", "west": "west_of"}
_RELATIVE_REGION = {"left_of": "west", "right_of": "east", "above": "north", "below": "south"}
_DIRECTIONAL = frozenset([*_COMPASS_OF.values(), *_RELATIVE_REGION])
_FRAMED = frozenset(["in_region", "in_center", "in_corner", "against_wall", "along"])
_CARDINAL = frozenset(_COMPASS_OF)
_BEYOND_ALL = frozenset(_COMPASS_OF.values())
_OVER_UNDER = frozenset(["over", "under", "beneath", "underneath"])


_BOTH_ENDS = frozenset(["each", "both", "either"])


def relate(
    state: ParseState,
    subject: Group,
    predicate: str,
    direction: str | None,
    relative: str | None,
    targets: list[tuple[str, ...]],
    pattern: tuple[str, ...],
) -> None:
    """State what `predicate` says of each thing of `subject` (arrangements included)."""
    if arrange(state, subject, predicate, targets, pattern, direction):
        return
    target = targets[0]
    if predicate == "at_head_of" and _BOTH_ENDS & set(pattern) and len(subject.ids) < 2:
        state.grow(subject, 2)  # `a knight at each end of the barrier`: two knights
    is_path = lexicon.kind_spec(subject.kind).shape == "path"
    if predicate == "above" and pattern == ("over",) and is_path:
        predicate = "across"
    elif predicate in ("above", "below") and pattern[0] in _OVER_UNDER:
        under = lexicon.kind_spec(subject.kind)
        if predicate == "below" and under.walkable and under.container == "open":
            for thing_id in target:  # `a rug under the bed`: the bed stands on the rug
                state.add(thing_id, "on", (subject.ids[0],), None)
            return
        predicate = "next_to"  # `a cauldron over the fire`, `a sink under the window`
    if predicate == "~around":
        _surrounded(state, subject, target)
        return
    if predicate == "~all_around" and lexicon.kind_spec(subject.kind).shape == "box":
        # `stands all around`: things spread round the edges of the place
        arrange(state, subject, "~walls", [], ("all", "around"))
        return
    if predicate == "~all_around":  # `a fence all around`: round the whole place
        for thing_id in subject.ids:
            state.add(thing_id, "around", (), None)
        return
    faced = _faced_side(state, target) if pattern[:3] == ("in", "front", "of") else None
    if faced is not None:
        # `consoles in front of the captain's chair` (which faces the screen on the north
        # wall): on the side it faces, by it
        for thing_id in subject.ids:
            state.add(thing_id, f"{faced}_of", target[:1], None)
            state.add(thing_id, "near", target[:1], None)
        return
    if predicate == "~covered" and target != SCENE:
        for k, thing_id in enumerate(target):  # `a workbench covered in bottles`: on it
            state.add(thing_id, "on", (subject.ids[k % len(subject.ids)],), None)
        return
    if predicate in ("~front", "~back"):
        _front_or_back(state, subject, predicate == "~front", targets, pattern)
        return
    if predicate == "~behind":
        # `a graveyard behind the chapel`: north of it, and close by (not across the map);
        # behind what stands at the north (`consoles at the north end, the chair behind
        # them`): south of it, seen from the place's front; but behind what is served
        # or sat at from the room (a counter, an altar) is on its wall side
        faces_room = bool(target) and target != SCENE and state.kind_of(target[0]) in _FACES_ROOM
        beyond = "south_of" if _stands_north(state, target) and not faces_room else "north_of"
        relate(state, subject, beyond, direction, relative, targets, pattern)
        if target != SCENE:
            relate(state, subject, "near", direction, relative, targets, pattern)
        return
    if predicate == "~top_of":
        predicate, direction = _top_of(state, target, pattern)
    if predicate == "~lined_with" and pattern[:1] == ("flanked",) and target and target != SCENE:
        flank = next((g for g in state.groups if set(target) <= set(g.ids)), None)
        if flank is not None and lexicon.kind_spec(subject.kind).shape != "path":
            # `a gate flanked by two statues`: one on either side of it, as one faces it
            arrange(state, flank, "~both_sides", [tuple(subject.ids[:1])], ("flanking",))
            return
    if predicate == "~lined_with":
        # `a road lined with trees`: the trees stand along the road
        if target and target != SCENE:
            state.lined, state.lining = subject, target
            for thing_id in target:
                state.add(thing_id, "along", (subject.ids[0],), None)
        return
    if predicate in ("~connecting", "~from"):
        _connecting(state, subject, targets)
        return
    if predicate == "between":
        _between(state, subject, targets)
        return
    if predicate == "{dir}_of":
        direction = direction or "north"
        if relative is not None:
            predicates = [relative]
        else:
            predicates = [_COMPASS_OF[part] for part in _split_direction(direction)]
    else:
        predicates = [predicate]
    if predicate == "across" and _across_the_way(state, subject, target):
        return
    for name in predicates:
        if target == SCENE:
            _relate_to_scene(state, subject, name, direction)
            continue
        argument = _argument(state, name, direction)
        if name in _BEYOND_ALL and len(subject.ids) == 1 and len(target) > 1:
            for other in target:  # `a tool shed east of the beds`: east of every one of them
                state.add(subject.ids[0], name, (other,), argument)
            continue
        for k, thing_id in enumerate(subject.ids):
            state.add(thing_id, name, (target[k % len(target)],), argument)
            if name in ("left_of", "right_of"):
                # `a bed to the left of the window`: beside it, on that side
                state.add(thing_id, "near", (target[k % len(target)],), None)


def _across_the_way(state: ParseState, subject: Group, target: tuple[str, ...] | None) -> bool:
    """`4 brownstones on the north side of the street, a laundromat across the street`: a
    building across a street stands on its other side, opposite what was put by it before
    (a bridge across a river spans it)."""
    spec = lexicon.kind_spec(subject.kind)
    if spec.shape == "path" or spec.connector or spec.layer != "structure":
        return False  # (`a rope across the river` spans it)
    way = target[0] if target and target != SCENE else None
    if way is not None and lexicon.kind_spec(state.kind_of(way)).shape != "path":
        return False
    mine = set(subject.ids)
    for r in reversed(state.relations):
        if r.subject in mine:
            continue
        if way is None and r.predicate == "in_region" and not r.objects:
            side = r.argument
        elif way is not None and r.objects == (way,) and r.predicate in _SIDE_OF:
            side = _SIDE_OF[r.predicate]
        else:
            continue
        if side not in OPPOSITE_SIDE:
            continue
        for thing_id in subject.ids:
            if way is None:
                state.add(thing_id, "in_region", (), OPPOSITE_SIDE[side])
            else:
                state.add(thing_id, f"{OPPOSITE_SIDE[side]}_of", (way,), None)
                state.add(thing_id, "near", (way,), None)
        return True
    return False


_SIDE_OF = {f"{side}_of": side for side in CARDINALS}


def _argument(state: ParseState, predicate: str, direction: str | None) -> str | None:
    if predicate == "in_corner":
        return direction if direction is not None and direction not in _CARDINAL else None
    if predicate == "against_wall":
        return direction if direction in _CARDINAL else None
    if predicate == "in_region":
        return direction or "north"
    if predicate == "connected_to":
        return state.connector_hint
    return None


def _relate_to_scene(
    state: ParseState, subject: Group, predicate: str, direction: str | None
) -> None:
    if predicate == "at_head_of" and state.scene is not None:
        if lexicon.SCENE_BY_NAME[state.scene].indoor:  # `at the end of the room`: by a wall
            for thing_id in subject.ids:
                state.add(thing_id, "against_wall", (), None)
        return
    if predicate == "in_region" and direction in CARDINALS and _by_the_street(state, subject):
        street = state.spine()
        assert street is not None
        for thing_id in subject.ids:  # `a bank on the north side` of a street: by it, north
            state.add(thing_id, f"{direction}_of", (street.ids[0],), None)
            state.add(thing_id, "near", (street.ids[0],), None)
        return
    if predicate in _DIRECTIONAL:
        region = _RELATIVE_REGION.get(predicate) or predicate.removesuffix("_of")
        for thing_id in subject.ids:
            state.add(thing_id, "in_region", (), region)
    elif predicate in _FRAMED or predicate == "around":
        if predicate == "along" and direction is None:
            state.along_the_water.extend(subject.ids)  # `cottages along the shore`: its water
            return
        argument = _argument(state, predicate, direction)
        if predicate == "along":
            argument = direction
        for thing_id in subject.ids:
            state.add(thing_id, predicate, (), argument)


def _by_the_street(state: ParseState, subject: Group) -> bool:
    """Whether a building is placed by a side of the place's street: a street's sides are
    the sides of its road (`main street: a saloon on the north side`)."""
    if state.scene != "street" or state.spine_kind() != "road":
        return False
    return lexicon.kind_spec(subject.kind).layer == "structure"


def _surrounded(state: ParseState, subject: Group, target: tuple[str, ...]) -> None:
    if target == SCENE:
        return
    if len(target) > 1 and len(subject.ids) > 1:
        for k, thing_id in enumerate(target):
            state.add(thing_id, "around", (subject.ids[k % len(subject.ids)],), None)
        return
    for outer in target:
        for inner in subject.ids:
            state.add(outer, "around", (inner,), None)


def _connecting(state: ParseState, subject: Group, targets: list[tuple[str, ...]]) -> None:
    ends = [target[0] for target in targets if target != SCENE]
    mine = set(subject.ids)
    heading = any(
        r.subject in mine and r.predicate == "runs" and r.argument in CARDINALS
        for r in state.relations
    )
    if len(targets) == 1 and len(targets[0]) > 1 and not heading:
        ends = list(targets[0][:2])  # (`a trail from the tents leading east`: from one of them)
    if not ends:
        return
    among = targets[0] if len(targets) == 1 else ()
    if lexicon.kind_spec(subject.kind).shape == "path" and len(among) > 2:
        _linking_each_to_the_next(state, subject, among)
    elif lexicon.kind_spec(subject.kind).shape == "path":
        for thing_id in subject.ids:
            state.add(thing_id, "connected_to", tuple(ends), None)
    elif len(ends) == 2 and subject.kind in lexicon.CONNECTOR_KINDS:
        state.add(ends[0], "connected_to", (ends[1],), subject.kind)
    elif len(ends) == 2:
        # `a long rug from the door to the throne`: between the two, reaching the second
        for thing_id in subject.ids:
            state.add(thing_id, "between", (ends[0], ends[1]), None)
            state.add(thing_id, "near", (ends[1],), None)
    elif subject.kind in lexicon.CONNECTOR_KINDS:
        for thing_id in subject.ids:
            state.add(thing_id, "connected_to", (ends[0],), None)
    else:
        for thing_id in subject.ids:  # `a stag drinking from a spring`: by it
            state.add(thing_id, "near", (ends[0],), None)


def _linking_each_to_the_next(state: ParseState, subject: Group, among: tuple[str, ...]) -> None:
    """`rope bridges connecting the treehouses`: one from each to the next, so all are
    joined (as many as that takes when the prompt gave no count; `a hallway connecting them`
    is one hallway, drawn as its branches)."""
    branching = subject.kind == "corridor" and len(subject.ids) == 1  # one hall, its branches
    if not subject.counted or branching:
        state.recount(subject, len(among) - 1)
    for k, thing_id in enumerate(subject.ids):
        first = k % len(among)
        state.add(thing_id, "connected_to", (among[first], among[(first + 1) % len(among)]), None)


def _between(state: ParseState, subject: Group, targets: list[tuple[str, ...]]) -> None:
    if len(targets) >= 2 and targets[0] != SCENE and targets[1] != SCENE:
        pair = (targets[0][0], targets[1][0])
    elif len(targets[0]) > 2 and len(subject.ids) > 1:
        # `curtains between the beds`: one between each bed and the next
        among = targets[0]
        for k, thing_id in enumerate(subject.ids):
            first = k % (len(among) - 1)
            state.add(thing_id, "between", (among[first], among[first + 1]), None)
        return
    elif len(targets[0]) >= 2:
        pair = (targets[0][0], targets[0][1])
    else:
        state.warn(f"'between' needs two things for {subject.ids[0]}; ignored")
        return
    for thing_id in subject.ids:
        state.add(thing_id, "between", pair, None)


def chain(
    state: ParseState, subject: Group, connector: str | None, target: tuple[str, ...] | None
) -> None:
    """`five rooms connected by corridors`: link each to the one before."""
    ids = subject.ids
    for k in range(1, len(ids)):
        state.add(ids[k], "connected_to", (ids[k - 1],), connector)
    if target:
        state.add(ids[0], "connected_to", (target[0],), connector)
    elif len(ids) == 1 and target is None:
        earlier = [group for group in state.groups if group is not subject]
        if earlier:
            state.add(ids[0], "connected_to", (earlier[-1].ids[0],), connector)


def apply_pending(state: ParseState, group: Group, joined: bool = False) -> None:
    """Relations read before their subject (`Next to the river is a mill`) now state it, and
    the things named with it by `and` (`On the beach there are 3 chests and a campfire`)."""
    pending, state.pending = state.pending, []
    if not pending and joined:
        pending = state.fronted
    state.fronted = pending
    for predicate, direction, relative, targets, pattern in pending:
        relate(state, group, predicate, direction, relative, targets, pattern)


def _split_direction(direction: str) -> list[str]:
    if direction in _CARDINAL:
        return [direction]
    return [direction[:5], direction[5:]]


def _faced_side(state: ParseState, target: tuple[str, ...]) -> str | None:
    """The side a thing faces, when it faces something the prompt put by a wall or a side."""
    if not target:
        return None
    faced = [
        r.objects[0]
        for r in state.relations
        if r.subject == target[0] and r.predicate == "facing" and r.objects
    ]
    sides = [
        r.argument
        for r in state.relations
        if faced
        and r.subject == faced[-1]
        and r.predicate in ("against_wall", "in_region")
        and r.argument in _COMPASS_OF
    ]
    return sides[0] if sides else None


_HALLS = frozenset(["classroom", "temple", "throne_room", "theater", "courtroom"])
"""Places whose front is the far end everyone faces (the board, the altar, the stage)."""


def _front_or_back(
    state: ParseState,
    subject: Group,
    front: bool,
    targets: list[tuple[str, ...]],
    pattern: tuple[str, ...],
) -> None:
    """`the teacher's desk at the front`: by what the room's seats face (the whiteboard);
    `at the back`: away from it. With nothing faced, a hall's front is its far end (north),
    any other place's the side it is entered by (south). `At the back of the house`: behind it."""
    if targets[0] != SCENE:
        relate(state, subject, "next_to" if front else "~behind", None, None, targets, pattern)
        return
    mine = set(subject.ids)
    faced = [
        r.objects[:1]
        for r in state.relations
        if r.predicate == "facing" and r.objects and r.subject not in mine
    ]
    if faced:
        relate(state, subject, "near" if front else "far_from", None, None, faced[-1:], pattern)
        return
    owner = subject.owner.kind if subject.owner is not None else ""
    hall = (state.scene or v.INTERIOR_OF.get(owner)) in _HALLS  # (`a church with an altar`)
    north = front == hall
    relate(state, subject, "in_region", "north" if north else "south", None, [SCENE], pattern)


# Things whose front faces into the room: whoever is behind them stands between them and
# the wall (`the barkeep behind the counter`, `the oven right behind it`).
_FACES_ROOM = frozenset(["counter", "altar", "throne", "desk", "lectern", "stage"])


def _stands_north(state: ParseState, target: tuple[str, ...] | None) -> bool:
    """Whether the prompt put `target` at the north of the place (a wall, a side, a corner)."""
    if not target:
        return False
    return any(
        r.subject == target[0]
        and r.predicate in ("in_region", "against_wall", "in_corner", "along")
        and not r.objects
        and (r.argument or "").startswith("north")
        for r in state.relations
    )


def _top_of(
    state: ParseState, target: tuple[str, ...], pattern: tuple[str, ...]
) -> tuple[str, str | None]:
    """`at the top of the street`: at its end; `of the hill`: on it; of anything else (a
    tower, the map): that side of the place."""
    kind = lexicon.kind_spec(state.kind_of(target[0])) if target else None
    if kind is not None and kind.shape == "path":
        return "at_head_of", None
    if kind is not None and kind.shape == "area" and not kind.water:
        return "inside", None
    return "in_region", "south" if "bottom" in pattern else "north"
