"""Choosing the place: the scene kind a prompt shows when it names none."""

from domain.scene import vocabulary as v
from domain.scene.model import RelationSpec
from domain.scene.parse import lexicon
from domain.scene.parse.furnishing import INDOOR_STAND_IN
from domain.scene.parse.noun_phrases import GOODS, SHOPS, sold_inside
from domain.scene.parse.open_nouns import match_open_noun
from domain.scene.parse.state import Group, ParseState

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
# The place a generic thing's category leans to when the prompt names no place (a hammock
# and a wardrobe: a room); categories found anywhere do not vote.
_CATEGORY_PLACE = {
    "building": "village",
    "furniture": "room",
    "plant": "forest",
    "landform": "hills",
    "vehicle": "street",
}
_OBJECTLESS_OK = frozenset(
    ["in_region", "in_center", "in_corner", "against_wall", "along", "around"]
)


def choose_place(state: ParseState) -> str:
    """The place named, else the one the things vote for; a head that is the place goes."""
    _interior_head(state)
    _setting_is_the_scene(state)
    _grounds_with_their_things(state)
    scene = state.scene or _vote(state)
    if state.sea_floor and scene in _SEA_PLACES:
        state.scene = scene = "seabed"  # `a shipwreck on the sea floor`
        _sea_floor_is_the_scene(state)
    if _rooms_underground(state, scene):
        state.scene = scene = "dungeon"  # `a thieves' hideout under the city: a main hall...`
    if state.scene is None and scene == "forest":
        _forest_is_the_scene(state)
    if scene == "dungeon":
        _cave_is_the_scene(state)
    if scene == "cave":
        _caves_are_the_scene(state)
    if scene == "island":
        _sea_is_the_scene(state)
    if lexicon.SCENE_BY_NAME[scene].indoor and scene != "dungeon":
        _room_is_the_scene(state)
    return scene


_SEA_PLACES = frozenset(["coast", "island", "harbor", "lake", "village", "seabed"])


def _sea_floor_is_the_scene(state: ParseState) -> None:
    """Under the sea, the sea floor named (and the sea round it) is the place itself."""
    for group in [g for g in state.groups if g.kind in ("sea_floor", "sea")]:
        _absorb(state, group)


def _rooms_underground(state: ParseState, scene: str) -> bool:
    place = lexicon.SCENE_BY_NAME[scene]
    if not state.underground or place.indoor or scene in ("cave", "mine", "dungeon"):
        return False
    return any(group.kind == "room" for group in state.groups)


def _room_is_the_scene(state: ParseState) -> None:
    """`a wizard's tower interior: a round room with a cauldron`: inside one place, the one
    room named first is that place, not a box drawn within it."""
    room = _lone_setting(state, "room")
    if room is not None and state.groups and state.groups[0] is room:
        _absorb(state, room)


def _vote(state: ParseState) -> str:
    """The place most of the named things belong to (`igloos and a sled`: snow)."""
    tally: dict[str, int] = {}
    monsters = 0  # the dungeon's votes from monsters, which roam anywhere
    for group in state.groups:
        kind = group.kind
        if kind == "island" and group.owner is not None and group.owner.kind != "island":
            continue  # `a lake with an island in it`: an island of the lake, not the place
        spec = lexicon.kind_spec(kind)
        if spec.category:  # a generic thing: its category may lean one way
            place = _CATEGORY_PLACE.get(spec.category)
            if place is not None:
                tally[place] = tally.get(place, 0) + 1
            continue
        if kind == "building" and len(state.groups) > 1:
            continue  # `a warehouse by the docks`: a plain building stands in any place
        place = v.HOME_PLACE.get(kind) or lexicon.THEME_SCENE[spec.family]
        if kind in v.INTERIOR_OF and lexicon.SCENE_BY_NAME[place].indoor and len(state.groups) > 1:
            continue  # `a spaceship landed in a field`: seen from outside, it votes for no inside
        weight = 2 if kind in lexicon.KIND_SCENES or kind in v.HOME_PLACE else 1
        tally[place] = tally.get(place, 0) + weight
        if spec.layer == "actor" and place == "dungeon":
            monsters += weight
    if not tally:
        return "village"
    if monsters and set(tally) != {"dungeon"}:
        # `five dwarves holding a bridge across a chasm`: the ground decides
        tally["dungeon"] -= monsters
        if tally["dungeon"] <= 0:
            del tally["dungeon"]
    place = max(tally, key=lambda name: tally[name])  # first mentioned wins a tie
    outdoors = [name for name in tally if not lexicon.SCENE_BY_NAME[name].indoor]
    outside = max(outdoors, key=lambda name: tally[name]) if outdoors else None
    indoor = lexicon.SCENE_BY_NAME[place].indoor
    if indoor and outside and tally[place] - tally[outside] <= 1 and _needs_outdoors(state):
        place = outside  # `a cat up in a tree`: outside, where the tree grows
    if place == "coast" and any(group.kind == "island" for group in state.groups):
        return "island"
    kinds = {group.kind for group in state.groups}
    if place == "coast" and "lake" in kinds and "sea" not in kinds:
        return "lake"  # `boat rental on a lake: a jetty, 6 rowboats`: the shore of the lake
    return place


def _needs_outdoors(state: ParseState) -> bool:
    """A tie or near tie between inside and out, where something named grows only outside
    (a tree) and nothing says indoors."""
    return not state.indoor_cue and any(
        lexicon.kind_spec(group.kind).setting == "outdoor"
        and not lexicon.kind_spec(group.kind).category
        and group.kind not in INDOOR_STAND_IN  # a fire may be a hearth
        for group in state.groups
    )


def _interior_head(state: ParseState) -> None:
    """`a tavern with a bar, stools and a fireplace` describes the tavern's inside."""
    if state.scene is not None or len(state.groups) < 2:
        return
    head = state.groups[0]
    spec = lexicon.kind_spec(head.kind)
    # `a barbershop with chairs` (not a platform, unless said to be inside: an underground bunker)
    building = spec.category == "building" or (spec.category == "structure" and state.indoor_cue)
    if (head.kind not in v.INTERIOR_OF and not building) or len(head.ids) != 1:
        return
    if _stands_outdoors(state, head):
        return  # `a ruined chapel in a misty forest with broken pews`: the chapel in the forest
    # indoor things for, outdoor things against (a fire may be a hearth); a ceiling for
    leaning = (2 if state.indoor_cue else 0) - (2 if state.outdoor_cue else 0)
    inside = lexicon.SCENE_BY_NAME[v.INTERIOR_OF.get(head.kind, "room")]
    usual = {kind for kind, _ in inside.defaults}
    on_walls = {r.subject for r in state.relations if r.predicate == "against_wall"}
    for group in state.groups[1:]:
        kind = lexicon.kind_spec(group.kind)
        setting = kind.setting
        if kind.category in ("furniture", "device", "item", "container"):
            setting = "indoor"  # generic things lean in only inside a building
        if group.kind in usual or set(group.ids) & on_walls:
            setting = "indoor"  # an anvil in a smithy, tools hanging on the wall
        if group.kind not in INDOOR_STAND_IN:
            leaning += {"indoor": 1, "outdoor": -1}.get(setting, 0)
    if leaning <= 0:
        return
    state.scene = v.INTERIOR_OF.get(head.kind, "room")
    _absorb(state, head)
    _goods_of(state, head.word, state.scene)


def _goods_of(state: ParseState, name: str, scene: str) -> None:
    """`a bike shop with a counter`: inside, some of what it is named for."""
    words = name.split()
    if scene not in SHOPS or len(words) < 2:
        return
    found = lexicon.match_noun(words, 0) or match_open_noun(words, 0)
    if found is not None and found.end < len(words) and sold_inside(found.kind):
        state.new_group(found.kind, GOODS, "medium", True, found.word)


def _stands_outdoors(state: ParseState, head: Group) -> bool:
    """Whether the prompt put the building in outdoor ground (`in a forest`, `on a hill`)."""
    kinds = {thing.id: thing.kind for thing in state.things}
    for relation in state.relations:
        if (
            relation.subject != head.ids[0]
            or relation.predicate != "inside"
            or not relation.objects
        ):
            continue
        ground = lexicon.kind_spec(kinds.get(relation.objects[0], "room"))
        if ground.shape == "area" and ground.setting == "outdoor":
            return True
    return False


def _setting_is_the_scene(state: ParseState) -> None:
    """`bats in a cave`, `three sailors in a tavern`: a lone place-like thing with only
    small things inside it is the place shown, from within."""
    if state.scene is not None:
        return
    for group in state.groups:
        scene = _inner_scene(group.kind)
        if scene is None or _lone_setting(state, group.kind) is not group:
            continue
        inside = [r for r in state.relations if group.ids[0] in r.objects]
        indoor = lexicon.SCENE_BY_NAME[scene].indoor
        others_fit = all(
            lexicon.kind_spec(other.kind).setting != "outdoor" or not indoor
            for other in state.groups
            if other is not group
        )  # `an orchard, a cider press in a shed`: the orchard is the place
        # outdoors, only among small things (`a ruined castle, a well inside the courtyard`:
        # the castle's courtyard, not a market square shown alone)
        others_small = indoor or all(
            lexicon.kind_spec(other.kind).layer in ("actor", "object")
            for other in state.groups
            if other is not group
        )
        if (
            others_fit
            and others_small
            and inside
            and all(r.predicate == "inside" and _small(state, r.subject, indoor) for r in inside)
        ):
            state.scene = scene
            if group.kind not in _ONE_OF_THE_PLACE:
                _absorb(state, group)  # (`a necromancer on a hill`: on one of the hills shown)
            return


# A place drawn as several of the thing: one of them named is one of them, not the place.
_ONE_OF_THE_PLACE = frozenset(["hill", "mountain"])


def _grounds_with_their_things(state: ParseState) -> None:
    """`a school playground with a slide, two swings and a sandbox`, `a church graveyard with
    twenty graves`: grounds named first with all the rest in them are the place shown."""
    if state.scene is not None or not state.groups:
        return
    head = state.groups[0]
    scenes = lexicon.KIND_SCENES.get(head.kind, frozenset())
    if len(head.ids) != 1 or len(scenes) != 1:
        return
    (scene,) = scenes
    if lexicon.SCENE_BY_NAME[scene].ground != head.kind:
        return
    if any(r.subject == head.ids[0] for r in state.relations):
        return  # (`a graveyard behind the chapel`: a part of a wider place)
    inside = {
        r.subject for r in state.relations if r.predicate == "inside" and head.ids[0] in r.objects
    }
    if all(g.owner is head or g.ids[0] in inside for g in state.groups[1:]) and state.groups[1:]:
        state.scene = scene
        _absorb(state, head)


def _inner_scene(kind: str) -> str | None:
    if kind in v.INTERIOR_OF:
        return v.INTERIOR_OF[kind]
    scenes = lexicon.KIND_SCENES.get(kind, frozenset())
    if len(scenes) != 1:
        return None
    (scene,) = scenes
    place = lexicon.SCENE_BY_NAME[scene]
    return scene if place.indoor or place.outline is not None else None


def _small(state: ParseState, thing_id: str, indoor: bool) -> bool:
    thing = next((t for t in state.things if t.id == thing_id), None)
    if thing is None:
        return False
    spec = lexicon.kind_spec(thing.kind)
    fits = spec.setting != "outdoor" if indoor else True  # `a well inside a castle`: outside
    return fits and spec.layer in ("actor", "object")


def _forest_is_the_scene(state: ParseState) -> None:
    """`a tower in a dark forest`: the forest is the whole scene, not a patch of it."""
    forest = _lone_setting(state, "forest")
    if forest is not None:
        _absorb(state, forest)


def _cave_is_the_scene(state: ParseState) -> None:
    """`a dragon sleeping in a cave`: the cave is the dungeon, not a box inside it."""
    cave = _lone_setting(state, "cave")
    if cave is not None and (
        state.groups[0] is cave  # `a dragon's lair in a cave`: the lair is the cave shown
        or any(r.predicate == "inside" and cave.ids[0] in r.objects for r in state.relations)
    ):
        _absorb(state, cave)


def _caves_are_the_scene(state: ParseState) -> None:
    """`a dragon's lair deep in a cave`: inside a cave, a cave named and said nothing of is
    the one shown (the lair and the cave are one), not a cave drawn within it."""
    for group in [g for g in state.groups if g.kind == "cave" and len(g.ids) == 1]:
        cave = group.ids[0]
        if not any(  # `a tunnel to a big cavern`: a cave of the cave, somewhere in it
            r.subject == cave or (cave in r.objects and r.predicate != "inside")
            for r in state.relations
        ):
            _absorb(state, group)


def _sea_is_the_scene(state: ParseState) -> None:
    """`an island with a boat in the sea`, `the sea all around`: round an island, the sea is
    the whole scene's."""
    seas = {thing_id for group in state.groups if group.kind == "sea" for thing_id in group.ids}
    state.relations = [
        r
        for r in state.relations
        if not (r.subject in seas and r.predicate == "around" and not r.objects)
    ]
    sea = _lone_setting(state, "sea")
    if sea is not None:
        _absorb(state, sea)


def _lone_setting(state: ParseState, kind: str) -> Group | None:
    """The one thing of that kind, when nothing is said of where it is itself."""
    found = [group for group in state.groups if group.kind == kind]
    if len(found) != 1 or len(found[0].ids) != 1:
        return None
    if any(relation.subject == found[0].ids[0] for relation in state.relations):
        return None
    return found[0]


def _absorb(state: ParseState, group: Group) -> None:
    """Drop a group that turned out to be the scene; relations to it become scene relations."""
    ids = set(group.ids)
    state.groups = [other for other in state.groups if other is not group]
    if group.word and all(other.word != group.word for other in state.groups):
        drawn_as = f"drew '{group.word}' as "  # it is drawn as the place now, not as a thing
        state.warnings = [w for w in state.warnings if not w.startswith(drawn_as)]
    state.things = [thing for thing in state.things if thing.id not in ids]
    kept = []
    for relation in state.relations:
        if relation.subject in ids:
            continue
        if ids & set(relation.objects):
            converted = scene_relation(relation)
            if converted is not None:
                kept.append(converted)
            continue
        kept.append(relation)
    state.relations = kept


def scene_relation(relation: RelationSpec) -> RelationSpec | None:
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
