"""The opening words of a prompt: the place it shows, and the thing it is about."""

from domain.scene import lexical
from domain.scene import vocabulary as v
from domain.scene.parse import lexicon, spelling
from domain.scene.parse.courses import CROSSROADS_WORDS, crossroads
from domain.scene.parse.noun_phrases import (
    GOODS,
    SHOPS,
    NounPhrase,
    noun_phrase,
    sold_inside,
)
from domain.scene.parse.open_nouns import is_reserved, match_open_noun
from domain.scene.parse.state import SCENE, ParseState, seen_from_outside
from domain.scene.parse.tokens import POSSESSIVE, is_compound_adjective
from domain.scene.terms import Size

_HEAD_SKIP = frozenset(["a", "an", "the", "this", "our", "my", "single"])
_INSIDE_WORDS = frozenset(["inside", "interior", "in", "within"])


_ENCLOSED = {"walled": "wall", "fenced": "fence", "palisaded": "wall"}


def _inhabitants(state: ParseState, tokens: list[str], start: int, end: int) -> None:
    """`a goblin camp`, `a bandit camp`, `a kobold village`: some of whose place it is (usual
    things, so a count the prompt gives later is the count)."""
    known = lexicon.match_noun(tokens, start)
    found = known or match_open_noun(tokens, start)
    if found is None and _LAIRS & set(tokens[start + 1 : end]) and _unknown_creature(tokens[start]):
        state.inhabitants.append((_CREATURE, tokens[start], 1))  # `owlbear den`: its owlbear
        return
    if found is None or found.end >= end or found.kind == "person":
        return
    spec = lexicon.kind_spec(found.kind)
    if spec.layer != "actor" and (known is not None or spec.category not in _DWELLERS):
        return
    alone = bool(_LAIRS & set(tokens[found.end : end]))  # `a dragon lair`: its dragon
    state.inhabitants.append((found.kind, found.word, 1 if alone else _INHABITANTS))


def creature_at_home(state: ParseState, word: str) -> None:
    """`an owlbear den` drawn as a den: the owlbear in it, a creature no list knows."""
    words = word.split()
    if len(words) == 2 and words[1] in _LAIRS and _unknown_creature(words[0]):
        state.inhabitants.append((_CREATURE, words[0], 1))


def _unknown_creature(word: str) -> bool:
    """A word no list knows that may name a creature (`owlbear`), not a typo of a known one."""
    return (
        word.isalpha()
        and len(word) > _SHORTEST_CREATURE
        and not lexical.is_english_word(word)
        and not spelling.suggestions(word)
    )


_CREATURE = "creature"
_SHORTEST_CREATURE = 3
_INHABITANTS = 3
_DWELLERS = frozenset(["animal", "person"])
_LAIRS = frozenset(
    [
        "lair",
        "den",
        "nest",
        "roost",
        "aerie",
        "eyrie",
        "burrow",
        "cave",
        "crypt",
        "tomb",
        "hoard",
        "sanctum",
        "mausoleum",
        "grotto",
    ]
)


def _lair_keeper(state: ParseState, tokens: list[str], start: int, end: int) -> None:
    """`a beholder's lair`, `a dragon's cave`: a creature at home (a wizard's study says
    whose it is, not that he is in)."""
    found = lexicon.match_noun(tokens, start)
    if found is None or found.end != end:
        return
    spec = lexicon.kind_spec(found.kind)
    monster = spec.family in (v.DUNGEON, v.NATURE) and found.kind not in _PEOPLE
    if spec.layer == "actor" and monster and not spec.category:
        state.inhabitants.append((found.kind, found.word, 1))  # (named later: that one)


_PEOPLE = frozenset(["wizard", "dwarf", "person", "guard"])  # whose study, not who is in it


def read_opening(state: ParseState, tokens: list[str]) -> int:
    """The opening words: the place (`a walled town`, `inside a tavern`) or a head thing;
    where reading goes on."""
    j = 0
    size: Size | None = None
    while (
        j < len(tokens)
        and not _longer_noun_at(tokens, j)
        and (
            tokens[j] in _HEAD_SKIP
            or tokens[j] in v.SIZES
            or tokens[j] in v.DECORATIVE_WORDS
            or tokens[j] in _ENCLOSED
            or (tokens[j] == "underground" and lexicon.match_scene(tokens, j) is None)
            or is_compound_adjective(tokens[j])
            or _describing_the_place(tokens, j)
        )
    ):
        if tokens[j] in v.SIZES:
            size = v.SIZES[tokens[j]][0]
        j += 1
    for owner in (1, 2, 3):  # `the wizard's study`, `a hill giant's kitchen`: the study, the
        # kitchen (whose it is says nothing of the place)
        said = tokens[j + owner : j + owner + 1] == [POSSESSIVE]
        if said and all(t.isalpha() for t in tokens[j : j + owner]):
            if lexicon.match_scene(tokens, j + owner + 1) is not None:
                _lair_keeper(state, tokens, j, j + owner)
                j += owner + 1
            break
    inside = _inside_of(tokens, j)
    if inside is not None:
        state.scene, state.subject = inside[0], SCENE
        return inside[1]
    found = lexicon.match_scene(tokens, j) or _whose_place(tokens, j)
    headline = _headline_place(tokens, j) if found is None else None
    if headline is not None:
        _inhabitants(state, tokens, j, headline[1])
        return _read_place(state, tokens, j, headline, size)  # `barbarian hill fort: ...`
    if found is None:
        return _one_room(state, tokens, j) or _home_inside(state, tokens, j)
    _inhabitants(state, tokens, j, found[1])
    enclosed = [_ENCLOSED[word] for word in tokens[:j] if word in _ENCLOSED]
    if enclosed and not lexicon.SCENE_BY_NAME[found[0]].indoor:
        wall = state.new_group(enclosed[0], 1, "medium", False, enclosed[0])
        if wall is not None:  # `a walled town`, `a fenced dog park`: a wall or fence round it
            state.add(wall.ids[0], "around", (), None)
    longer = lexicon.match_noun(tokens, j)
    following = lexicon.match_scene(tokens, found[1])
    if longer is not None and longer.end > found[1]:
        if following is None or following[1] <= longer.end:
            return 0  # `an office chair`, `a street light`: a thing, not the place
        return _read_place(state, tokens, j, following, size)  # `a city bus terminal`
    way_in = lexicon.match_noun(tokens, found[1])
    if way_in is not None and way_in.kind in ("door", "gate", "stairs"):
        return 0  # `a dwarven mine entrance`: seen from outside, a way in
    noun_after = lexicon.match_noun(tokens, found[1])
    if following is not None and (noun_after is None or noun_after.end < following[1]):
        _ground_before(state, tokens, found, following)
        found = (following[0], following[1])  # `a castle kitchen`: the kitchen, of a castle
    resumed = _read_place(state, tokens, j, found, size)
    if resumed == found[1] and state.scene == found[0]:
        return _past_the_same_place(tokens, resumed, found[0])
    return resumed


def _ground_before(
    state: ParseState, tokens: list[str], first: tuple[str, int], then: tuple[str, int]
) -> None:
    """`jungle temple ruins`: ruins, on the jungle's ground (a forest all over)."""
    outer, inner = lexicon.SCENE_BY_NAME[first[0]], lexicon.SCENE_BY_NAME[then[0]]
    ground = outer.ground
    if ground is None or outer.name not in _WILD_GROUNDS or inner.indoor or inner.ground == ground:
        return  # (`a market town`: a town with a market, not a market all over)
    state.new_group(ground, 1, "vast", False, tokens[first[1] - 1])


_WILD_GROUNDS = frozenset(["forest", "desert", "swamp", "snow"])


def _headline_place(tokens: list[str], j: int) -> tuple[str, int] | None:
    """`barbarian hill fort: a longhouse in the centre, ...`: a headline ending in a place
    word names the place; the words before it say whose or what kind it is."""
    for k in (j + 1, j + 2):
        words = tokens[j:k]
        if not all(w.isalpha() and not is_reserved(w) for w in words):
            return None
        if lexicon.match_scene(tokens, k - 1) is not None:
            return None  # (a place word inside: read as it is)
        found = lexicon.match_scene(tokens, k)
        if found is None or found[0] == "room":
            continue  # (`treasure room: ...` is one room of perhaps more: `_one_room`)
        after = tokens[found[1]] if found[1] < len(tokens) else "."
        longer = lexicon.match_noun(tokens, k)
        if after not in _HEADLINE_ENDS or (longer is not None and longer.end > found[1]):
            continue
        read = noun_phrase(tokens, j)
        if read is not None and read.scene is None and read.kind is not None:
            return found  # (read as one thing otherwise: a fort called a barbarian hill fort)
        return None
    return None


_HEADLINE_ENDS = frozenset([":", "-", ";"])


def _describing_the_place(tokens: list[str], j: int) -> bool:
    """`a flooded shrine`, `a windswept moor`: a word that names nothing, before the place."""
    word = tokens[j]
    if not word.isalpha() or is_reserved(word) or lexical.is_noun(word):
        return False
    if lexicon.match_noun(tokens, j) is not None:
        return False  # (`an orc war camp`: orcs live there)
    if not lexical.is_english_word(word) or lexicon.match_scene(tokens, j) is not None:
        return False
    return any(lexicon.match_scene(tokens, k) is not None for k in range(j + 1, j + 3))


def _one_room(state: ParseState, tokens: list[str], j: int) -> int:
    """`treasure room: five chests against the north wall, ...`: a prompt about the inside of
    one room (the only one it names) draws that room, walls at the map's edges."""
    phrase = noun_phrase(tokens, j)
    if phrase is None or phrase.kind != "room" or phrase.plural or (phrase.count or 1) > 1:
        return 0
    if tokens[phrase.end : phrase.end + 1] not in ([":"], [";"], ["with"], [","]):
        return 0
    for k in range(phrase.end, len(tokens)):
        other = lexicon.match_noun(tokens, k)
        if other is not None and other.kind in _OTHER_ROOMS:
            return 0  # rooms of a dungeon, this one among them
    state.scene, state.subject = "room", SCENE
    return phrase.end


_OTHER_ROOMS = frozenset(["room", "corridor", "stairs", "tunnel"])


def _home_inside(state: ParseState, tokens: list[str], j: int) -> int:
    """`a house with a kitchen, a living room and two bedrooms`: the rooms of a home, drawn
    as its plan (the house itself is the map's frame)."""
    phrase = noun_phrase(tokens, j)
    if phrase is None or phrase.kind != "house" or phrase.plural or (phrase.count or 1) > 1:
        return 0
    if tokens[phrase.end : phrase.end + 1] not in ([":"], ["with"], [","], [";"]):
        return 0
    rooms = 0
    for k in range(phrase.end, len(tokens)):
        found = lexicon.match_scene(tokens, k)
        if found is not None and lexicon.SCENE_BY_NAME[found[0]].indoor:
            rooms += 1
        elif found is not None or (k > phrase.end and tokens[k] in _OUTSIDE_A_HOME):
            return 0  # `a house with a garden`: seen from outside
    if rooms < _ROOMS_OF_A_PLAN:
        return 0
    state.scene, state.subject = "room", SCENE
    return phrase.end


_ROOMS_OF_A_PLAN = 2
_OUTSIDE_A_HOME = frozenset(["garden", "yard", "lawn", "driveway", "street", "road", "fence"])


def _goods(state: ParseState, tokens: list[str], j: int, end: int, scene: str) -> None:
    """`a bike shop with a counter`: a shop named for what it sells has some on show."""
    if scene not in SHOPS:
        return
    for k in range(j, end - 1):
        if lexicon.match_scene(tokens, k) is not None:
            return  # the place's own words begin: nothing named before them
        found = lexicon.match_noun(tokens, k) or match_open_noun(tokens, k)
        if found is not None and found.end < end and sold_inside(found.kind):
            state.new_group(found.kind, GOODS, "medium", True, found.word)
            return


def _whose_place(tokens: list[str], j: int) -> tuple[str, int] | None:
    """`a goblin market in a cave`, `a pirate cove`: a place, the noun before it whose."""
    owner = lexicon.match_noun(tokens, j)
    if owner is None or lexicon.kind_spec(owner.kind).layer != "actor":
        return None
    return lexicon.match_scene(tokens, owner.end)


def _past_the_same_place(tokens: list[str], end: int, scene: str) -> int:
    """Past `on a rocky coast` after `a fishing village`: the place named again says where it
    is, nothing more to draw (its sea comes with it)."""
    found = _one_thing_after(tokens, end, ("in", "on", "at", "by", "along"))
    if found is None:
        return end
    k, outer = found
    named = any(lexicon.match_scene(tokens, m) == (scene, outer.end) for m in range(k, outer.end))
    return outer.end if named else end


def _one_thing_after(
    tokens: list[str], end: int, words: tuple[str, ...]
) -> tuple[int, NounPhrase] | None:
    """`in a castle`, `on a rocky coast` right at `end`: where its noun phrase starts and the
    phrase, when it names one thing (not `in two castles`)."""
    if end >= len(tokens) or tokens[end] not in words:
        return None
    k = end + 1
    while k < len(tokens) and tokens[k] in _HEAD_SKIP:
        k += 1
    outer = noun_phrase(tokens, k)
    if outer is None or outer.count is not None or outer.plural:
        return None
    return k, outer


def _read_place(
    state: ParseState, tokens: list[str], j: int, found: tuple[str, int], size: Size | None
) -> int:
    """The place found at `j`, ending at `found[1]`: its setting, its head thing or ground."""
    scene, end = found
    setting = setting_after(tokens, end, scene)
    underground = setting is not None and setting[0] == "cave"  # `a lake in a huge cavern`
    placed = _placed_by_what_follows(tokens, end) and lexicon.match_noun(tokens, j) is not None
    if placed and not underground and _building_around(tokens, end, scene) is None:
        return 0  # `a lake in the west, ...`: a thing somewhere in the scene, not the place
    if setting is not None:
        return place_in_setting(state, tokens, scene, (j, found[1]), setting)
    seen = _seen_outside(tokens, scene, _craft_of_the_part(tokens, end, scene))
    vehicle = seen[0] if seen is not None else None
    if seen is not None:
        # `a pirate ship at anchor in a bay`, `a ruined chapel in a misty forest`: the ship or
        # the chapel seen where it stands, not its inside (`the deck of a merchant ship docked
        # at a pier`: the ship)
        craft, start, end = seen
        named = " ".join(t for t in tokens[max(j, start) : end] if t.isalpha())
        group = state.new_group(craft, 1, size or "medium", False, named)
        state.subject = group
        return end
    building = _building_around(tokens, end, scene)
    if building is not None:  # `a kitchen in a castle`: the kitchen is the place shown
        state.scene = scene
        state.subject = SCENE
        return building
    outdoors = _indoor_place_outdoors(tokens, end, scene) if vehicle is None else None
    if outdoors is not None:
        # `a bank on a city street`, `a warehouse by the docks`: the bank seen from outside,
        # in the place where it stands (the street, the harbour), named next
        named = " ".join(t for t in tokens[j:end] if t.isalpha())
        group = state.new_group(seen_from_outside(scene), 1, size or "medium", False, named)
        state.subject = group
        state.scene = outdoors or None
        return end
    state.scene, state.place_word = scene, tokens[end - 1]
    _goods(state, tokens, j, end, scene)
    crossing = next((t for t in tokens[j:end] if t in CROSSROADS_WORDS), None)
    if crossing is not None:  # `a busy city intersection`: two roads crossing
        crossroads(state, crossing, end - 1)
        state.subject = SCENE
        return end
    head = v.HEAD_THINGS.get(tokens[j])
    ground = lexicon.SCENE_BY_NAME[scene].ground
    named = " ".join(t for t in tokens[j:end] if t != "'s")
    if head is not None and end == j + 1:
        kind, usual = head
        group = state.new_group(kind, 1, size or usual, False, tokens[j])
        state.subject = group
    elif ground is not None:
        # `a swamp with ...`: the swamp is the ground everything named stands in; what is
        # said next is of the scene, as for any place
        state.new_group(ground, 1, "vast", False, named)
        state.subject = SCENE
    else:
        state.subject = SCENE
    return end


def _building_around(tokens: list[str], end: int, scene: str) -> int | None:
    """The end of `in a castle`, `of an old mansion` after an indoor place: the building
    that holds the room shown, which the map (the room's inside) does not draw."""
    found = _one_thing_after(tokens, end, ("in", "inside", "of", "within", "on", "aboard"))
    if not lexicon.SCENE_BY_NAME[scene].indoor or found is None:
        return None
    outer = found[1]
    if outer.kind is not None and outer.kind in v.INTERIOR_OF:
        return outer.end
    if outer.scene is not None and lexicon.SCENE_BY_NAME[outer.scene].indoor:
        return outer.end
    return None


_OUTDOORS_WORDS = frozenset(["in", "on", "at", "along", "beside", "by", "near", "overlooking"])
_BETWEEN_WORDS = frozenset(["between", "beside", "next", "opposite"])
# Indoor places that are buildings of their own on a street (not rooms of a building).
_STOREFRONTS = frozenset(
    ["bakery", "bank", "bathhouse", "laundromat", "library", "museum", "office", "restaurant",
     "shop", "smithy", "tavern", "temple", "theater", "warehouse", "garage", "gym"]
)  # fmt: skip


def _indoor_place_outdoors(tokens: list[str], end: int, scene: str) -> str | None:
    """Where an indoor place no kind names stands, when the words right after it put it
    outdoors (`a bank on a city street`: the street; `a warehouse by the docks`: a harbour):
    that outdoor place, "" when it is not plain which, None when they do not."""
    if not lexicon.SCENE_BY_NAME[scene].indoor or end >= len(tokens):
        return None
    between = tokens[end] in _BETWEEN_WORDS
    if not between and tokens[end] not in _OUTDOORS_WORDS:
        return None
    k = end + 1 + (tokens[end + 1 : end + 2] == ["to"])  # `next to`
    while k < len(tokens) and tokens[k] in _HEAD_SKIP:
        k += 1
    outer = noun_phrase(tokens, k)
    if outer is None:
        return None
    if between:
        # `a jewellery store between a bakery and a tailor's shop`: shops along a street
        shops = scene in _STOREFRONTS and outer.scene in _STOREFRONTS
        return "street" if shops else None
    if outer.scene is not None:
        described = tokens[outer.end : outer.end + 1] == ["with"]
        if lexicon.SCENE_BY_NAME[outer.scene].indoor or described:
            return None  # `an office in the city with desks and chairs`: the office's inside
        return outer.scene
    if outer.kind is None or outer.kind in v.INTERIOR_OF:
        return None  # `a kitchen in a castle`: the castle's kitchen
    kind = lexicon.kind_spec(outer.kind)
    walled = kind.container == "walled" and kind.shape == "box"
    if kind.setting != "outdoor" or kind.category or walled:
        return None
    return ""  # (the things named vote for the place)


_OUTSIDE_WORDS = frozenset(["in", "on", "at", "near", "by", "off", "beside", "landed", "moored"])
_MOORED = frozenset(["moored", "anchored", "docked", "parked", "landed", "floating", "sailing"])


def _craft_of_the_part(tokens: list[str], end: int, scene: str) -> int:
    """`deck of a merchant ship`: where the craft a part of it names ends (else `end`)."""
    if tokens[end : end + 1] != ["of"]:
        return end
    k = end + 1
    while k < len(tokens) and (tokens[k] in _HEAD_SKIP or tokens[k] in v.DECORATIVE_WORDS):
        k += 1
    phrase = noun_phrase(tokens, k)
    if phrase is None or phrase.kind is None or v.INTERIOR_OF.get(phrase.kind) != scene:
        return end
    return phrase.end


def _seen_outside(tokens: list[str], scene: str, end: int) -> tuple[str, int, int] | None:
    """The kind of a building or craft whose inside the place word names (`a pirate ship`, `a
    chapel`), when the words after it put it somewhere outdoors: any outdoor place (`in a
    misty forest`), or for a craft any outdoor thing (`in a bay`, `landed in a field`); with
    where its name starts and ends."""
    noun = lexicon.match_noun(tokens, end - 1)
    kind = noun.kind if noun is not None and noun.end == end else None
    if kind is None or v.INTERIOR_OF.get(kind) != scene:
        return None
    start = end - 1
    while start > 0 and tokens[start - 1] not in _HEAD_SKIP and tokens[start - 1] != "of":
        start -= 1
    craft = lexicon.kind_spec(kind).family in (v.COAST, v.SCIFI)
    k = end
    while k < len(tokens) and tokens[k] in _MOORED:
        k += 1
    if k >= len(tokens) or tokens[k] not in _OUTSIDE_WORDS:
        return None
    k += 1
    while k < len(tokens) and tokens[k] in _HEAD_SKIP:
        k += 1
    if tokens[k : k + 1] and tokens[k] in CROSSROADS_WORDS:
        return kind, start, end  # `a chapel at a crossroads`
    outer = noun_phrase(tokens, k)
    if outer is None:
        return None
    places = [outer.scene] if outer.scene else sorted(lexicon.KIND_SCENES.get(outer.kind or "", ()))
    if places:  # `in a misty forest`: a place (a forest is both a thing and a place)
        if any(lexicon.SCENE_BY_NAME[p].indoor for p in places):
            return None
        return kind, start, end
    outer_spec = lexicon.kind_spec(outer.kind) if outer.kind is not None else None
    outdoor_thing = outer_spec is not None and outer_spec.setting == "outdoor"
    if outdoor_thing and outer_spec is not None and outer_spec.shape == "path":
        return kind, start, end  # `a chapel at a crossroads`, `a chapel by the river`
    return (kind, start, end) if craft and outdoor_thing else None


_PLACING = frozenset(
    ["in_region", "in_center", "in_corner", "north_of", "south_of", "east_of", "west_of",
     "left_of", "right_of", "above", "below", "near", "next_to", "far_from", "between",
     "inside", "along", "{dir}_of", "~behind", "across", "across_from", "facing"]
)  # fmt: skip


def _longer_noun_at(tokens: list[str], j: int) -> bool:
    """`a frozen lake`: a describing word that begins a longer name is part of it."""
    noun = lexicon.match_noun(tokens, j)
    return noun is not None and noun.end > j + 1


def place_in_setting(
    state: ParseState,
    tokens: list[str],
    scene: str,
    span: tuple[int, int],
    setting: tuple[str, int],
) -> int:
    """`a camp in the woods`: the woods are the place, the camp its usual things in them;
    where reading goes on."""
    outer, end = setting
    state.scene = outer
    ground = lexicon.SCENE_BY_NAME[outer].ground
    if ground is not None:
        state.new_group(ground, 1, "vast", False, tokens[end - 1])
    state.subject = SCENE
    words = tokens[span[0] : span[1]]
    if outer == "cave" and scene in lexicon.KIND_BY_NAME:
        # `an underground lake in a huge cavern`: the lake itself (not a lakeside's trees)
        named = " ".join(t for t in words if t not in _HEAD_SKIP)
        state.subject = state.new_group(scene, 1, "large", False, named) or SCENE
        return end
    state.place_within(scene, words)
    return end


_SHORE_WORDS = frozenset(["shore", "shores", "bank", "banks", "edge", "edges"])


def setting_after(tokens: list[str], end: int, scene: str) -> tuple[str, int] | None:
    """`in the woods`, `on the beach` right after the place: the outdoor place around it."""
    if end >= len(tokens) or tokens[end] not in ("in", "on", "within", "among"):
        return None
    k = end + 1
    while k < len(tokens) and (tokens[k] in _HEAD_SKIP or tokens[k] in v.SIZES):
        k += 1
    if tokens[k : k + 1] and tokens[k] in _SHORE_WORDS and tokens[k + 1 : k + 2] == ["of"]:
        k += 2  # `a fishing village on the shore of a lake`: by the lake
        while k < len(tokens) and (tokens[k] in _HEAD_SKIP or tokens[k] in v.SIZES):
            k += 1
    found = lexicon.match_scene(tokens, k)
    if found is None or found[0] == scene:
        return None
    inner, outer = lexicon.SCENE_BY_NAME[scene], lexicon.SCENE_BY_NAME[found[0]]
    if inner.indoor or outer.indoor:
        return None
    return found


def _placed_by_what_follows(tokens: list[str], end: int) -> bool:
    """Whether a relation placing the thing follows at once (`a castle far from a mill`, `a
    lake in the west`; not `a graveyard at midnight`)."""
    match = lexicon.match_relation(tokens, end)
    if match is None or match.predicate not in _PLACING:
        return False
    if match.direction is not None or match.predicate in ("in_region", "in_center", "in_corner"):
        return True
    target = noun_phrase(tokens, match.end)
    return target is not None and (target.kind is not None or target.scene is not None)


def _inside_of(tokens: list[str], j: int) -> tuple[str, int] | None:
    """`the inside of a tavern`, `inside the old chapel`, `a smithy interior`: the place
    shown is the building's interior."""
    opened = j < len(tokens) and tokens[j] in _INSIDE_WORDS
    if opened:
        j += 1
        while j < len(tokens) and (tokens[j] in _HEAD_SKIP or tokens[j] == "of"):
            j += 1
    while j < len(tokens) and (tokens[j] in v.DECORATIVE_WORDS or tokens[j] in v.SIZES):
        j += 1
    noun = lexicon.match_noun(tokens, j)
    place = v.INTERIOR_OF.get(noun.kind) if noun is not None else None
    if noun is None:
        found = match_open_noun(tokens, j)  # `inside an airplane`, `inside a barbershop`
        if found is not None:
            place = _GENERIC_INSIDE.get(found.category)
            noun = lexicon.NounMatch(found.kind, found.plural, found.end, found.word)
    if noun is None or place is None:
        return None
    end = noun.end
    closed = end < len(tokens) and tokens[end] == "interior"
    if not (opened or closed):
        return None
    return place, end + (1 if closed else 0)


# The inside of a thing the vocabulary lacks, by its category.
_GENERIC_INSIDE = {"building": "room", "vehicle": "passenger_cabin", "structure": "room"}
