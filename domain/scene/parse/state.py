"""What the parser has read so far: groups of things, relations, warnings."""

from dataclasses import dataclass, field

import msgspec

from domain.scene import lexical
from domain.scene import vocabulary as v
from domain.scene.model import RelationSpec, ThingSpec
from domain.scene.parse import lexicon
from domain.scene.parse.noun_phrases import NounPhrase
from domain.scene.terms import Size, as_predicate

SCENE: tuple[str, ...] = ()  # a relation target meaning "the whole scene"
MAIN_BUILDING = "building"  # a place's one plain building is the place seen from outside
UNKNOWN_THING: tuple[str, ...] = ("?",)  # the subject is a noun the vocabulary lacks
MAX_UNKNOWN_LISTED = 20


def _a_way(kind: str) -> bool:
    return lexicon.kind_spec(kind).shape == "path"


_PLURAL_FORMS = frozenset(["quarters", "barracks", "stairs", "headquarters", "gallows", "works"])
_PLURAL_PRONOUNS = frozenset(["them", "they", "those", "these"])

Pending = tuple[str, str | None, str | None, list[tuple[str, ...]], tuple[str, ...]]


@dataclass
class Group:
    """Things named by one noun phrase (`three houses` -> house-1..house-3)."""

    kind: str
    ids: list[str]
    size: Size
    plural: bool
    owner: "Group | None" = None
    word: str = ""
    counted: bool = True  # False for a bare plural (`trees`), whose count is a default
    beside_owner: bool = False  # `houses, each with a garden`: each garden by its house


_TOMBS = frozenset(["crypt", "tomb", "catacomb", "catacombs"])
_ARTICLES = frozenset(["a", "an", "the", "some", "one"])


@dataclass
class ParseState:
    scene: str | None = None
    subject: "Group | tuple[str, ...] | None" = None
    unknown_subject: str = ""  # `a bard on the stage`: the unknown noun the subject is
    with_owner: Group | None = None
    with_listed: bool = False  # the owner is an item of a comma list: `and` goes back to it
    connector_hint: str | None = None
    stale: bool = False  # a clause ended since the subject was named
    shares: dict[str, int] = field(default_factory=dict)  # `beds, four against ...`: taken
    along_the_water: list[str] = field(default_factory=list)  # `along the shore` of the place
    capped: Group | None = None  # the group the thing limit cut short, which can give way
    fresh: tuple[Group, int] | None = None  # a thing a relation just named, and where it ended
    groups: list[Group] = field(default_factory=list)
    things: list[ThingSpec] = field(default_factory=list)
    relations: list[RelationSpec] = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)
    fronted: list[Pending] = field(default_factory=list)  # the pending relations applied last
    warnings: list[str] = field(default_factory=list)
    unknown: dict[str, None] = field(default_factory=dict)
    undrawable: dict[str, None] = field(default_factory=dict)  # nouns of no drawable thing
    excluded: dict[str, str] = field(default_factory=dict)  # kind -> the words that excluded it
    lined: "Group | None" = None  # `a road lined with trees`: the road
    each_with: bool = False  # `..., each with ...`
    ground: str | None = None  # `snowy`, `swampy`: the ground a place stands on
    indoor_cue: bool = False  # `hanging from the ceiling`: a word only an inside has
    underground: bool = False  # `a hideout under the city`
    sea_floor: bool = False  # `a shipwreck on the sea floor`: the place is under the sea
    opens_sentence: bool = False  # the relation being read opens its sentence
    swimming: list[str] = field(default_factory=list)  # `people swimming`: in the water
    inhabitants: list[tuple[str, str, int]] = field(default_factory=list)  # `a goblin camp`
    strewn: frozenset[str] = frozenset()  # `a rocky coast`: kinds the ground is strewn with
    outdoor_cue: bool = False  # `an anvil outside`: a word that puts things outdoors
    lining: tuple[str, ...] = ()  # ... and the trees
    counters: dict[str, int] = field(default_factory=dict)
    places_drawn: dict[str, Group] = field(default_factory=dict)  # place -> its usual things
    singled: dict[str, str] = field(default_factory=dict)  # `the red army`: thing id -> words
    mentions: list[tuple[str, ...]] = field(default_factory=list)  # things named, in order
    renamed: dict[str, str] = field(default_factory=dict)  # a usual thing -> the one named
    # a usual thing -> all the things named in its stead (what was said of it, said of each)
    spread: dict[str, list[str]] = field(default_factory=dict)
    place_word: str = ""  # the word the opening named the place by (`crypt` for a dungeon)
    _keys: set[tuple[str, str, tuple[str, ...], str | None]] = field(default_factory=set)

    # --- things ------------------------------------------------------------------------
    def new_group(
        self, kind: str, count: int, size: Size, plural: bool, word: str = ""
    ) -> Group | None:
        word = word.replace(" 's", "'s")
        if count <= 0:
            self.exclude(kind, word or kind)
            return None
        if word.rsplit(" ", 1)[-1] in v.APPROXIMATE_WORDS and not lexicon.kind_spec(kind).category:
            self.warn(f"read '{word}' as {kind.replace('_', ' ')}")
        if size != "vast":
            self._say_how_drawn(kind, word)
        count = self._within_shape_limit(kind, count)
        room = v.MAX_THINGS - len(self.things)
        if count > room:
            room += self._make_room(count - room)
        if count > room:
            self.warn(f"more than {v.MAX_THINGS} things requested; {kind} capped at {room}")
            count = room
        if count <= 0:
            return None
        ids = []
        for _ in range(count):
            number = self.counters.get(kind, 0) + 1
            self.counters[kind] = number
            ids.append(f"{kind}-{number}")
            self.things.append(ThingSpec(id=ids[-1], kind=kind, size=size, word=word or kind))
        group = Group(kind=kind, ids=ids, size=size, plural=plural, word=word)
        self.groups.append(group)
        self.mentions.append(tuple(group.ids))
        if len(self.things) == v.MAX_THINGS and len(ids) > 1:
            self.capped = group  # what is named after takes its room from this group
        return group

    def _make_room(self, wanted: int) -> int:
        """`1500 sheep in a meadow`: the sheep capped first give the meadow its place (a
        count capped at the limit leaves none for what is named after it)."""
        capped = self.capped
        if capped is None or len(capped.ids) < 2:
            return 0
        freed = min(wanted, len(capped.ids) - 1)
        kind = capped.kind
        self.recount(capped, len(capped.ids) - freed)
        note = f"more than {v.MAX_THINGS} things requested; {kind} capped at "
        self.warnings = [
            f"{note}{len(capped.ids)}" if w.startswith(note) else w for w in self.warnings
        ]
        return freed

    def _say_how_drawn(self, kind: str, word: str) -> None:
        """A noun the vocabulary lacks is drawn as its nearest known kind or as a generic
        thing of its category: said once per word."""
        head = word.rsplit("'s ", 1)[-1].rsplit(" of ", 1)[0].split(" ")[-1] if word else kind
        spec = lexicon.kind_spec(kind)
        if spec.category:
            self.warn(f"drew '{word}' as {with_article(spec.category)} (no symbol of its own)")
        elif (
            (head,) not in lexicon.NOUNS
            and not lexicon.is_plural_of_known(head)
            and word != kind.replace("_", " ")
        ):
            self.warn(f"drew '{word}' as {with_article(kind.replace('_', ' '))}")

    def _within_shape_limit(self, kind: str, count: int) -> int:
        """Linear features and areas cost the layout most: each has a limit per scene."""
        shape = lexicon.kind_spec(kind).shape
        shapes: tuple[str, ...]
        if shape == "path":
            limit, what, shapes = v.MAX_PATHS, "roads, rivers, walls and corridors", ("path",)
        elif shape in ("area", "room"):
            limit, what, shapes = v.MAX_AREAS, "areas and rooms", ("area", "room")
        else:
            return count
        taken = sum(1 for t in self.things if lexicon.kind_spec(t.kind).shape in shapes)
        left = max(0, limit - taken)
        if count > left:
            self.warn(f"at most {limit} {what} in a scene; {kind} capped at {left}")
        return min(count, left)

    def grow(self, group: Group, count: int) -> None:
        """`a tower at each corner`: the group becomes as many as the arrangement needs (as
        many as the limit on things leaves room for, said once)."""
        if count - len(group.ids) > v.MAX_THINGS - len(self.things):
            room = len(group.ids) + v.MAX_THINGS - len(self.things)
            self.warn(f"more than {v.MAX_THINGS} things requested; {group.kind} capped at {room}")
        while len(group.ids) < count and len(self.things) < v.MAX_THINGS:
            number = self.counters.get(group.kind, 0) + 1
            self.counters[group.kind] = number
            group.ids.append(f"{group.kind}-{number}")
            self.things.append(
                ThingSpec(
                    id=group.ids[-1],
                    kind=group.kind,
                    size=group.size,
                    word=group.word or group.kind,
                )
            )

    def recount(self, group: Group, count: int) -> None:
        """A bare plural (`water tanks`) made as many as the prompt then says (`in the
        northwest and northeast corners`: two)."""
        self.grow(group, count)
        dropped = set(group.ids[count:])
        if not dropped:
            return
        group.ids = group.ids[:count]
        self.things = [t for t in self.things if t.id not in dropped]
        self.counters[group.kind] = max(
            (int(t.id.rsplit("-", 1)[1]) for t in self.things if t.kind == group.kind), default=0
        )

    def lengthen(self, group: Group) -> None:
        """`a long table`: each of the group at least twice as long as it is wide."""
        ids = set(group.ids)
        self.things = [
            msgspec.structs.replace(t, long=True) if t.id in ids else t for t in self.things
        ]

    def place_within(self, place: str, words: list[str], quiet: bool = False) -> Group | None:
        """`an island with a village on it`: a place named inside another is drawn as its
        usual things (tagged default), and said so."""
        if place in self.places_drawn:
            return self.places_drawn[place]  # `... to the village ... the village's well`
        style = lexicon.SCENE_BY_NAME[place]
        outer = lexicon.SCENE_BY_NAME[self.scene] if self.scene else None
        counted = lexicon.match_count(words, 0) if words else None
        many = counted[0] if counted is not None and counted[0] > 1 else 1  # `three barracks`
        said = [
            w for w in words if w not in _ARTICLES and w not in v.NUMBER_WORDS and not w.isdigit()
        ]
        kept = [w for w in said if w not in v.SIZES and w not in v.DECORATIVE_WORDS]
        if kept and many > 1 and kept[-1] not in _PLURAL_FORMS:
            kept[-1] = lexical.singular(kept[-1]) or kept[-1]  # `two bedrooms`: each a bedroom
        named = " ".join(kept)
        if outer is not None and not outer.indoor and words and words[-1] in _TOMBS:
            return self.new_group("mausoleum", many, "medium", many > 1, named)  # a crypt
        if outer is not None and (outer.indoor or self.scene == "dungeon") and style.indoor:
            # `an office with a meeting room in the northeast corner`: a room of the place
            return self._long(self.new_group("room", many, "medium", many > 1, named), said)
        if outer is not None and not outer.indoor and style.indoor:
            # `a zoo ... a path from the gate to the cafe`: the cafe seen from outside
            building = seen_from_outside(place)
            return self._long(self.new_group(building, many, "medium", many > 1, named), said)
        if outer is not None and outer.indoor != style.indoor:
            return None
        essentials = () if style.indoor else v.ESSENTIALS.get(place, ())
        way = next((k for k, n in essentials if n == 1 and _a_way(k)), None)
        if way is not None:
            # `a frontier town: a dusty main street running east-west`: the street is its road
            return self._long(self.new_group(way, many, "medium", many > 1, named), said)
        usual = [
            (kind, count)
            for kind, count in style.defaults
            if lexicon.kind_spec(kind).shape != "path" and kind not in self.excluded
        ]
        if not usual or len(self.things) + sum(c for _, c in usual) > v.MAX_THINGS:
            return None
        groups = [self.new_group(kind, count, "medium", count > 1, kind) for kind, count in usual]
        for group in groups:
            if group is not None:
                # `a gas station on the SE corner`: its one building is the gas station
                word = named if group.kind == MAIN_BUILDING and len(group.ids) == 1 else ""
                group.word = word or group.word
                for thing_id in group.ids:
                    self.things[self._index(thing_id)] = ThingSpec(
                        id=thing_id,
                        kind=group.kind,
                        size=group.size,
                        origin="default",
                        word=word or group.kind,
                    )
        if not quiet:
            listed = ", ".join(f"{count} {kind}" for kind, count in usual)
            self.warn(f"'{' '.join(words)}' drawn as its usual things: {listed}")
        main = next((g for g in groups if g is not None and g.word == named), None)
        if main is not None:
            # the place seen from outside is its building, with its other things by it: what
            # is said of the place (`on the SE corner`) is said of the building
            for group in groups:
                for thing_id in group.ids if group is not None and group is not main else ():
                    self.add(thing_id, "near", (main.ids[0],), None)
            groups = [main]
        if groups[0] is not None:
            self.places_drawn[place] = groups[0]
        return groups[0]

    def _long(self, group: "Group | None", words: list[str]) -> "Group | None":
        if group is not None and {"long", "elongated"} & set(words):
            self.lengthen(group)  # `three long barracks`
        return group

    def _index(self, thing_id: str) -> int:
        for k in range(len(self.things) - 1, -1, -1):
            if self.things[k].id == thing_id:
                return k
        raise KeyError(thing_id)

    def kind_of(self, thing_id: str) -> str:
        return thing_id.rsplit("-", 1)[0]

    def groups_of(self, kind: str) -> list[Group]:
        return [group for group in self.groups if group.kind == kind]

    def reference(self, phrase: NounPhrase) -> Group | None:
        """`the river`, `the last room`, `the same tree`: things named before."""
        assert phrase.kind is not None
        groups = self.groups_of(phrase.kind) or self.named_by_head(phrase.word)
        if not groups:
            return None
        if phrase.each:
            every = [thing_id for group in groups for thing_id in group.ids]
            return Group(phrase.kind, every, groups[0].size, True)
        named = [g for g in groups if _same_word(g.word, phrase.word)]
        if named and phrase.ordinal is None:
            groups = named  # `the throne room` among other rooms
        if phrase.ordinal is not None:
            every = [thing_id for group in groups for thing_id in group.ids]
            position = phrase.ordinal - 1 if phrase.ordinal > 0 else len(every) - 1
            position = min(max(position, 0), len(every) - 1)
            return Group(phrase.kind, [every[position]], groups[0].size, False)
        latest = groups[0] if phrase.main else groups[-1]
        every = [thing_id for group in groups for thing_id in group.ids]
        if (
            phrase.plural
            and phrase.count is not None
            and len(latest.ids) < phrase.count <= len(every)
        ):
            # `a main stage ..., a 2nd stage ..., a beer tent between the two stages`
            return Group(phrase.kind, every[-phrase.count :], latest.size, True)
        if phrase.plural and phrase.count is not None and len(latest.ids) < phrase.count:
            self.grow(latest, phrase.count)  # `a wizard duel ... the two wizards`: two
            latest.counted = True
        if phrase.plural:
            return latest
        one = self._singled_out(phrase, latest) or Group(
            phrase.kind, latest.ids[:1], latest.size, False
        )
        self.mentions.append(tuple(one.ids))
        return one

    def _singled_out(self, phrase: NounPhrase, group: Group) -> Group | None:
        """`two armies ..., the red army on the west and the blue army on the east`: one of
        the group each, told apart by the words said before its name (and drawn with them)."""
        told = " ".join([*phrase.marks, phrase.word]) if phrase.word else ""
        words, named = told.split(), group.word.split()
        if len(group.ids) < 2 or not named or len(words) <= len(named):
            return None
        if words[-len(named) :] != named and words[-1] != named[-1]:
            return None
        for thing_id in group.ids:
            if self.singled.get(thing_id) == told:
                return Group(group.kind, [thing_id], group.size, False, word=told)
        free = [thing_id for thing_id in group.ids if thing_id not in self.singled]
        if not free:
            return None
        self.singled[free[0]] = told
        k = self._index(free[0])
        self.things[k] = msgspec.structs.replace(self.things[k], word=told)
        return Group(group.kind, free[:1], group.size, False, word=told)

    def named_by_head(self, word: str) -> list[Group]:
        """`six raised beds ... east of the beds`: things of another kind whose name ends in
        the word (raised beds are garden plots, and still the beds)."""
        if not word or " " in word:
            return []
        named = [g for g in self.groups if g.word != word and _same_word(g.word, word)]
        if named:
            return named
        # `a blackboard ... in front of the board`, `an old sawmill ... south of the mill`: a
        # closed compound ending in the word (asked only when nothing of the word's own kind
        # was named)
        return [
            g for g in self.groups if " " not in g.word and g.word.endswith(word) and g.word != word
        ]

    def resize(self, group: Group, size: Size) -> None:
        """The group's things drawn at `size` (a size said when it is named again)."""
        group.size = size
        ids = set(group.ids)
        self.things = [
            msgspec.structs.replace(t, size=size) if t.id in ids else t for t in self.things
        ]

    def pronoun(self, word: str) -> tuple[str, ...] | None:
        earlier = [group for group in self.groups if group is not self.subject]
        if isinstance(self.subject, Group):  # `a bridge over the river between them`: not the river
            mine = set(self.subject.ids)
            linked = {o for r in self.relations if r.subject in mine for o in r.objects}
            earlier = [group for group in earlier if group.ids[0] not in linked]
        listed = self._rooms_listed(word, earlier)
        if listed is not None:
            return listed
        pair = self._two_just_named(word)  # `the red army ... the blue army ... between them`
        if pair is not None:
            return pair
        if word in _PLURAL_PRONOUNS and len(earlier) > 1 and len(earlier[-1].ids) == 1:
            before, last = earlier[-2], earlier[-1].ids[0]
            placed_by = any(r.subject in before.ids and last in r.objects for r in self.relations)
            if len(before.ids) == 2 and placed_by:
                # `two cooling towers by the river, the reactor between them`: the towers
                return (before.ids[0], before.ids[1])
            # `them` after two single things (a tavern ... a church): both of them
            return (before.ids[0], last)
        if self.with_owner is not None and self.with_owner is not self.subject:
            return tuple(self.with_owner.ids)
        if not isinstance(self.subject, Group):
            return SCENE
        if earlier and word != "there":
            return tuple(earlier[-1].ids)
        return SCENE

    def _rooms_listed(self, word: str, earlier: list[Group]) -> tuple[str, ...] | None:
        """`living room, kitchen, bathroom, two bedrooms and a hallway connecting them`: a way
        that joins `them` joins all the things of one kind listed just before it."""
        way = self.subject
        if word not in _PLURAL_PRONOUNS or not isinstance(way, Group) or not earlier:
            return None
        if lexicon.kind_spec(way.kind).shape != "path":
            return None
        run = [g for g in reversed(earlier) if g.kind == earlier[-1].kind]
        listed: list[str] = []
        for group in reversed(earlier):
            if group.kind != earlier[-1].kind:
                break
            listed = [*group.ids, *listed]
        return tuple(listed) if len(run) > 1 and len(listed) > len(earlier[-1].ids) else None

    def _two_just_named(self, word: str) -> tuple[str, str] | None:
        """The two things named last, by a name or as things named before: two single things
        (`the red army ... the blue army`), or the first of two groups (`knights on the west,
        orcs on the east, and a river between them`)."""
        if word not in _PLURAL_PRONOUNS:
            return None
        mine = set(self.subject.ids) if isinstance(self.subject, Group) else set()
        mine |= {o for r in self.relations if r.subject in mine for o in r.objects}
        last: list[tuple[str, ...]] = []
        for mention in reversed(self.mentions):
            if mine & set(mention):
                continue  # the subject, and what it was just put by (`a bridge over the river`)
            if mention not in last:
                last.append(mention)
            if len(last) == 2:
                break
        if len(last) < 2 or (len(last[0]) == 1) != (len(last[1]) == 1):
            return None
        return last[1][0], last[0][0]

    def room_wall(self, kind: str, direction: str | None, definite: bool) -> bool:
        """`the west wall` indoors is a wall of the room itself, not a wall to build."""
        if kind != "wall":
            return False
        if self.scene is not None:
            return lexicon.SCENE_BY_NAME[self.scene].indoor
        return direction is not None and definite

    def spine_kind(self) -> str | None:
        """The kind of path the place cannot be without (a street's road), if any."""
        essentials = v.ESSENTIALS.get(self.scene, ()) if self.scene is not None else ()
        return next((k for k, _ in essentials if lexicon.kind_spec(k).shape == "path"), None)

    def spine(self) -> Group | None:
        """The path the place cannot be without (a street's road), named or made now."""
        kind = self.spine_kind()
        if kind is None:
            return None
        named = self.groups_of(kind)
        return named[0] if named else self.new_group(kind, 1, "medium", False, kind)

    def essential(self, kind: str) -> Group | None:
        """A thing the place cannot be without (a coast's beach), named or made now, when the
        place is not drawn as that thing itself (an island's island is the place)."""
        essentials = dict(v.ESSENTIALS.get(self.scene, ())) if self.scene is not None else {}
        if kind not in essentials or self.scene == kind or lexicon.kind_spec(kind).water:
            return None
        named = self.groups_of(kind)
        return named[0] if named else self.new_group(kind, 1, "medium", False, kind)

    def names_scene(self, kind: str) -> bool:
        """Whether `the <kind>` is the place itself (`a bedroom ... in the middle of the room`:
        an indoor place is the room)."""
        if self.scene is None:
            return False
        if kind == "room" and self.scene != "dungeon" and not self.groups_of("room"):
            return lexicon.SCENE_BY_NAME[self.scene].indoor
        return self.scene in lexicon.KIND_SCENES.get(kind, ())

    # --- relations ---------------------------------------------------------------------
    def add(self, subject: str, predicate: str, objects: tuple[str, ...], arg: str | None) -> None:
        if subject in objects:
            self.warn(f"{subject} cannot be {predicate} itself; ignored")
            return
        key = (subject, predicate, objects, arg)
        if key in self._keys:
            return
        self._keys.add(key)
        self.relations.append(
            RelationSpec(
                subject=subject, predicate=as_predicate(predicate), objects=objects, argument=arg
            )
        )

    # --- warnings ----------------------------------------------------------------------
    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def exclude(self, kind: str, word: str) -> None:
        """`no trees`, `without a door`: none of this kind anywhere, default fill included."""
        self.excluded.setdefault(kind, word)

    def bad_count(self, written: str, kind: str, used: int) -> None:
        if written.startswith("-"):
            self.warn(f"'{written} {kind}' is not a count (negative); drew no {kind}")
        else:
            self.warn(f"'{written} {kind}' is not a whole number; drew {used}")

    def unknown_word(self, word: str) -> None:
        self.unknown.setdefault(word, None)


_VESSELS = {"ship_deck": "ship", "ship_cabin": "ship", "spaceship_bridge": "spaceship"}
# An indoor place's outside, where one kind has it as its inside (a tavern's: a tavern).
_ONE_OUTSIDE = {
    inside: kind
    for kind, inside in v.INTERIOR_OF.items()
    if list(v.INTERIOR_OF.values()).count(inside) == 1
}


def seen_from_outside(place: str) -> str:
    """The kind an indoor place is drawn as when named outdoors: a pirate ship is a ship, a
    warehouse a warehouse, a cafe or a bank (no kind of their own) a building."""
    return _VESSELS.get(place) or _ONE_OUTSIDE.get(place, "building")


def with_article(noun: str) -> str:
    """`a chair`, `an engine`."""
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def _same_word(named: str, asked: str) -> bool:
    """`the vault` names the `treasure vault`; `the throne room` names only that room."""
    return bool(asked) and (named == asked or named.endswith(" " + asked))
