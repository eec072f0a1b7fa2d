"""What holds what: things too large for their holders, grounds drawn larger, `with`."""

import msgspec

from domain.scene import vocabulary as v
from domain.scene.model import RelationSpec, ThingSpec
from domain.scene.parse import lexicon
from domain.scene.parse.state import Group, ParseState
from domain.scene.sizing import scaled_size
from domain.scene.terms import Predicate, Size

_LARGER: dict[str, tuple[Size, ...]] = {
    "tiny": ("small", "medium", "large", "huge"),
    "small": ("medium", "large", "huge"),
    "medium": ("large", "huge"),
    "large": ("huge",),
}


_ENCLOSERS = frozenset(["wall", "fence", "hedge", "moat"])


def holders_that_fit(
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
                smaller = _shrunk(kind, holder_kind, sizes[holder])
                if smaller is not None:  # `an island in a lake`: an island the lake can hold
                    sizes[relation.subject] = smaller
                    if not _fits_inside(kind, smaller, holder_kind, sizes[holder]):
                        sizes[holder] = "huge"
                    out.append(relation)
                    continue
                larger = _enlarged(kind, sizes[relation.subject], holder_kind, sizes[holder])
                if larger is not None:
                    sizes[holder] = larger
                    out.append(relation)
                    continue
                if holder_kind in _ENCLOSERS:
                    # `four houses inside a wooden palisade`: the palisade runs round them
                    out.append(
                        RelationSpec(
                            subject=holder, predicate="around", objects=(relation.subject,)
                        )
                    )
                    continue
                if _a_tree(holder_kind) and lexicon.kind_spec(kind).layer in ("structure", "actor"):
                    # `a treehouse up in an old oak`, `an owl in a tree`: built or sitting
                    # in its crown, which the map shows as the same cells; `goblins hiding
                    # in the trees`: among them
                    among = (
                        _named_many(state, holder_kind) and lexicon.kind_spec(kind).layer == "actor"
                    )
                    predicate: Predicate = "near" if among else "on"
                    out.append(msgspec.structs.replace(relation, predicate=predicate))
                    continue
                swims = (
                    lexicon.kind_spec(holder_kind).water
                    and lexicon.kind_spec(kind).layer == "actor"
                )
                if swims and lexicon.kind_spec(holder_kind).shape == "area":
                    # `three penguins in a pool`, `children swimming in the lake`: in the
                    # water, which the map shows as its cells
                    out.append(msgspec.structs.replace(relation, predicate="on"))
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


def _shrunk(kind: str, holder_kind: str, holder_size: Size) -> Size | None:
    """An island (the largest ground there is) made small enough for the water it is in;
    the water is drawn large for it."""
    if kind != "island" or not lexicon.kind_spec(holder_kind).water:
        return None
    for smaller in ("small", "tiny"):
        if _fits_inside(kind, smaller, holder_kind, holder_size):
            return smaller
    return "tiny"  # the water is then drawn larger for it (below)


def _enlarged(kind: str, size: Size, holder_kind: str, holder_size: Size) -> Size | None:
    """The size at which a ground (a hill, a field, an island) or a walled place (a cave, a
    hut) holds the thing, if any."""
    holder = lexicon.kind_spec(holder_kind)
    if holder.shape != "area" and holder.container != "walled":
        return None
    for larger in _LARGER.get(holder_size, ()):
        if _fits_inside(kind, size, holder_kind, larger):
            return larger
    return None


def _named_many(state: ParseState, kind: str) -> bool:
    return sum(t.kind == kind and t.origin == "prompt" for t in state.things) > 1


def implicit_inside(state: ParseState, relations: list[RelationSpec]) -> list[RelationSpec]:
    """`a room with a chest`: the chest goes inside the room when it fits."""
    placed_inside = {r.subject for r in relations if r.predicate == "inside"}
    out = list(relations)
    for group in state.groups:
        owner = group.owner
        if owner is None or not owner.ids or owner.size == "vast":
            continue  # the ground of the whole place holds everything already
        if _stands_on_it(group, owner):
            out = _on_its_holder(group, owner, out)
            continue
        if _placed_apart(group, owner, relations):
            continue  # `a castle with a village to the south`: the village is not in it
        if _encloses(group, owner, relations):
            for thing_id in group.ids:  # `a castle with a moat`: the moat round the castle
                out.append(
                    RelationSpec(subject=thing_id, predicate="around", objects=(owner.ids[0],))
                )
            continue
        island = group.kind == "island" and lexicon.kind_spec(owner.kind).water
        fits = island or _fits_inside(group.kind, group.size, owner.kind, owner.size)
        small = lexicon.kind_spec(group.kind).layer in ("object", "actor")
        larger = (
            None if fits or not small else _enlarged(group.kind, group.size, owner.kind, owner.size)
        )
        if larger is not None:  # `a cave full of treasure chests`: a cave large enough
            state.resize(owner, larger)
            fits = True
        if _grows_outdoors_by(group, owner):
            fits = False  # `a villa with a swimming pool, palm trees`: the palms stand by it
        if not fits:
            # (islands are sized to their water by the layout: `a lake with three islands`)
            told = any(r.subject in group.ids for r in relations)
            along = lexicon.kind_spec(owner.kind).shape == "path" and small and not told
            if group.beside_owner or along or _by_its_building(group, owner):
                # (`a street with three parked cars`: by the street)
                for k, thing_id in enumerate(group.ids):
                    target = owner.ids[k % len(owner.ids)]
                    out.append(
                        RelationSpec(subject=thing_id, predicate="next_to", objects=(target,))
                    )
            continue
        kind = lexicon.kind_spec(group.kind)
        pier = kind.afloat and kind.layer == "structure"  # `a lake with a pier`: from its shore
        predicate: Predicate = "on_shore" if pier else "inside"
        for k, thing_id in enumerate(group.ids):
            if thing_id not in placed_inside and thing_id not in owner.ids:
                target = owner.ids[k % len(owner.ids)]
                out.append(RelationSpec(subject=thing_id, predicate=predicate, objects=(target,)))
    return out


_ENCLOSING = frozenset(["moat", "wall", "fence"])


def _a_tree(kind: str) -> bool:
    return v.ROLE_OF.get(kind, kind) == "tree" or kind in ("tree", "dead_tree", "palm")


_HANDHELD = frozenset(["item", "container", "device"])
_ON_TABLES = frozenset(["candle", "lamp", "computer", "candelabra", "lantern"])
_WHERE_IN_THE_PLACE = frozenset(["in_center", "in_region", "in_corner"])


def _on_its_holder(group: Group, owner: Group, relations: list[RelationSpec]) -> list[RelationSpec]:
    """`a glass case holding a diamond in the centre of the room`: the diamond on the case,
    and where in the room said of the case (unless the case was put somewhere itself)."""
    mine, theirs = set(group.ids), set(owner.ids)
    owner_placed = any(
        r.subject in theirs and r.predicate in _WHERE_IN_THE_PLACE for r in relations
    )
    out = []
    for relation in relations:
        if relation.subject in mine and relation.predicate in _WHERE_IN_THE_PLACE:
            if not owner_placed:
                for holder in owner.ids:
                    out.append(msgspec.structs.replace(relation, subject=holder))
                owner_placed = True
            continue
        out.append(relation)
    for k, thing_id in enumerate(group.ids):
        if not any(r.subject == thing_id and r.predicate == "on" for r in out):
            target = owner.ids[k % len(owner.ids)]
            out.append(RelationSpec(subject=thing_id, predicate="on", objects=(target,)))
    return out


def _stands_on_it(group: Group, owner: Group) -> bool:
    """`a table with a candle`, `a display case holding a diamond`: a thing of one cell that
    furniture is `with` stands on it."""
    thing, holder = lexicon.kind_spec(group.kind), lexicon.kind_spec(owner.kind)
    if thing.layer != "object" or holder.layer != "object" or holder.container == "walled":
        return False
    handheld = not thing.solid or thing.category in _HANDHELD or group.kind in _ON_TABLES
    if not handheld:
        return False  # `a table with twelve chairs`: round it, not on it
    width, height = scaled_size(thing, group.size, 48, 24)
    owner_width, owner_height = scaled_size(holder, owner.size, 48, 24)
    return width * height == 1 and owner_width * owner_height > 1


def _by_its_building(group: Group, owner: Group) -> bool:
    """`an observatory with a dome and a parking area`: what a building has that cannot go
    inside it stands by it (not a road or a river, which have courses of their own)."""
    thing, holder = lexicon.kind_spec(group.kind), lexicon.kind_spec(owner.kind)
    return (
        holder.layer in ("structure", "actor")  # (`a knight with his horse`: by him)
        and len(owner.ids) == 1
        and thing.shape != "path"
        and not thing.water
        and group.kind != "room"  # a building's room is its inside, never beside it
        and group.size != "vast"
    )


def _encloses(group: Group, owner: Group, relations: list[RelationSpec]) -> bool:
    """A moat, a wall or a fence a thing is `with`, said nothing else of, goes round it."""
    if group.kind not in _ENCLOSING or lexicon.kind_spec(owner.kind).shape == "path":
        return False
    mine = set(group.ids)
    return not any(r.subject in mine for r in relations)


_APART = frozenset(["in_region", "north_of", "south_of", "east_of", "west_of", "far_from"])
_BESIDE = _APART - {"in_region"} | {"next_to", "near", "behind", "across_from", "between"}
_HELD_ELSEWHERE = frozenset(["inside", "in_center", "on"])
"""`cottages around a green, with a well in the middle of the green`: held by another thing."""


def _placed_apart(group: Group, owner: Group, relations: list[RelationSpec]) -> bool:
    """Whether the prompt put the group somewhere of its own, away from its owner."""
    mine, theirs = set(group.ids), set(owner.ids)
    return any(
        r.subject in mine
        and (
            (r.predicate in _APART and not set(r.objects) & theirs)
            or (r.predicate in _HELD_ELSEWHERE and r.objects and not set(r.objects) & theirs)
            or (r.predicate == "between" and not set(r.objects) <= theirs)
            # `a tavern with a well out front`, `a house with a tree next to it`: outside it
            or (r.predicate in _BESIDE and set(r.objects) <= theirs)
        )
        for r in relations
    )


# Buildings whose inside is rooms (not a castle's or a prison's yard): nothing growing or
# standing outdoors goes in them.
_HOUSES_WITH_AN_INSIDE = frozenset(
    ["house", "tavern", "church", "library", "shop", "smithy", "school", "building", "barn",
     "bakery", "lighthouse", "tower", "watchtower", "warehouse", "hospital", "museum",
     "restaurant", "theater", "garage"]
)  # fmt: skip


def _grows_outdoors_by(group: Group, owner: Group) -> bool:
    return (
        lexicon.kind_spec(group.kind).setting == "outdoor" and owner.kind in _HOUSES_WITH_AN_INSIDE
    )


def _fits_inside(kind: str, size: str, owner_kind: str, owner_size: str) -> bool:
    thing, owner = lexicon.kind_spec(kind), lexicon.kind_spec(owner_kind)
    if thing.shape == "path" or owner.shape == "path":
        return False
    holds = owner.container == "walled" or (owner.container == "open" and owner.shape == "area")
    if owner.water and (thing.afloat or thing.name == "island"):
        holds = True  # a boat on a lake, an island in it
    elif thing.afloat and thing.layer != "structure" and not owner.water:
        holds = False  # `an island with a ship`: the ship is in the sea round it
    if not holds:
        return False
    width, height = scaled_size(thing, size, 48, 24)
    owner_width, owner_height = scaled_size(owner, owner_size, 48, 24)
    inset = 2 if owner.container == "walled" else 0
    return width <= owner_width - inset and height <= owner_height - inset


def as_many_as_fit_on(state: ParseState) -> None:
    """`candles on the altar`: a number nobody said, of things all on one holder, is at most
    as many as fit on it."""
    sizes = {thing.id: (thing.kind, thing.size) for thing in state.things}
    for group in state.groups:
        if group.counted or not group.plural or len(group.ids) < 2:
            continue
        mine = set(group.ids)
        on = [r for r in state.relations if r.subject in mine and r.predicate == "on"]
        holders = {r.objects[0] for r in on if len(r.objects) == 1}
        if len(holders) != 1 or len({r.subject for r in on}) != len(group.ids):
            continue
        holder = sizes.get(holders.pop())
        if holder is None:
            continue
        tw, th = scaled_size(lexicon.kind_spec(group.kind), group.size, 48, 24)
        hw, hh = scaled_size(lexicon.kind_spec(holder[0]), holder[1], 48, 24)
        room = (hw * hh) // (tw * th)
        if 1 <= room < len(group.ids):
            dropped = set(group.ids[room:])
            state.recount(group, room)
            state.relations = [
                r
                for r in state.relations
                if r.subject not in dropped and not dropped & set(r.objects)
            ]


def round_what_they_surround(relations: list[RelationSpec]) -> list[RelationSpec]:
    """`a cavern with a campfire, goblins around the fire`: small things round a thing inside
    a holder stand inside it too (when the prompt put them nowhere else; a moat round a castle
    on a hill is not on the hill)."""
    holder_of = {
        r.subject: r.objects[0] for r in relations if r.predicate == "inside" and r.objects
    }
    placed = {r.subject for r in relations if r.predicate in _APART | _HELD_ELSEWHERE}
    added = [
        RelationSpec(subject=r.subject, predicate="inside", objects=(holder_of[r.objects[0]],))
        for r in relations
        if r.predicate == "around"
        and len(r.objects) == 1
        and r.objects[0] in holder_of
        and r.subject not in placed
        and holder_of[r.objects[0]] != r.subject
        and lexicon.kind_spec(r.subject.rsplit("-", 1)[0]).layer in ("object", "actor")
    ]
    return relations + list({(a.subject, a.objects): a for a in added}.values())
