"""English prompt -> SceneRequest: things, counts, sizes, relations and the scene kind.

The parser reads left to right. A noun phrase (`three small houses`) names things and
becomes the subject; a relation phrase (`north of`, `between ... and ...`) then links the
subject to the things it names. Words it does not know become warnings.
"""

from collections.abc import Callable

import msgspec

from domain.scene import lexical
from domain.scene import vocabulary as v
from domain.scene.model import RelationSpec, SceneRequest
from domain.scene.parse import lexicon, spelling
from domain.scene.parse.arrangements import ON_WORDS, arrange
from domain.scene.parse.courses import read_course, read_two_walls
from domain.scene.parse.finish import finish_request
from domain.scene.parse.links import apply_pending, relate
from domain.scene.parse.naming import PRONOUNS, name_subject
from domain.scene.parse.noun_phrases import ACTS, GOODS, NounPhrase, noun_phrase
from domain.scene.parse.open_nouns import is_reserved
from domain.scene.parse.opening import (
    creature_at_home,
    place_in_setting,
    read_opening,
    setting_after,
)
from domain.scene.parse.proper_names import without_proper_names
from domain.scene.parse.relation_phrases import read_relation
from domain.scene.parse.state import (
    SCENE,
    UNKNOWN_THING,
    Group,
    ParseState,
    seen_from_outside,
)
from domain.scene.parse.tokens import POSSESSIVE, is_compound_adjective, tokenize
from domain.scene.parse.words import QUIET_WORDS, READER_WORDS
from domain.scene.terms import CARDINALS, OPPOSITE_SIDE, Size

_CLAUSE_BREAKS = frozenset(",.;:!?()")
# words after which a compass word is no place for the thing named (`to the north`, `faces
# north`, `the north`)
_NOT_A_NAME = frozenset(
    ["the", "a", "an", "to", "of", "in", "on", "at", "face", "faces", "facing", "toward",
     "towards", "due", "far", "more", "further", "run", "runs", "running", "flows", "flowing",
     "heading", "headed", "going", "goes", "leads", "leading", "points", "pointing", "looks",
     "looking", "opens", "opening"]
)  # fmt: skip
_TOMBS_INSIDE = frozenset(["tomb", "tombs"])
_GATHERINGS = frozenset(
    ["caravan", "herd", "flock", "pack", "fleet", "convoy", "troop", "band", "swarm", "pride",
     "squad", "team", "crew", "family", "colony", "ambush", "raid", "patrol", "warband",
     "horde", "gang", "mob", "party", "encounter", "attack", "outbreak", "invasion",
     "infestation", "siege", "assault", "uprising", "stampede"]
)  # fmt: skip
_HEDGES = frozenset(["like", "about", "around", "roughly", "maybe", "approx", "approximately",
                     "say", "or", "so", "ish", "some", "perhaps", "~"])  # fmt: skip
_WAYS_THROUGH = frozenset(["door", "airlock", "stairs", "gate", "portal"])
_SWIMMING = frozenset(["swimming", "bathing", "wading", "paddling", "snorkeling", "diving"])
_SENTENCE_ENDS = frozenset([".", ";", ":", "!", "?"])
_LIST_ITEM_REACH = 12  # tokens from a comma to the `and` of a list's last item, at most
_VAGUE_COUNTS = frozenset(["few", "several", "some", "couple", "bunch", "handful", "many", "lots"])
_SHARE_OPENERS = frozenset([",", ";", ":", "and", "with", "("])  # `beds, four against ...`
# Describing words that say what the ground is (the place keeps its things).
_GROUNDS = {
    **dict.fromkeys(["snowy", "snowbound", "icy", "frozen", "wintry", "snow"], "snow"),
    **dict.fromkeys(["igloo", "igloos", "ice"], "snow"),  # `an igloo village on the ice`
    **dict.fromkeys(["swampy", "marshy", "boggy"], "swamp"),
    **dict.fromkeys(["desert"], "desert"),
}
# Describing words that strew the ground with a thing (`a rocky coast`: rocks on it).
_STREWN = {"rocky": "rock", "stony": "rock", "boulder-strewn": "rock"}
_STOOD_ON = frozenset(["hill", "island", "mountain", "forest"])
_HOLDING = frozenset(["holding", "containing", "contains", "holds"])
_POSSESSIVE_PRONOUNS = frozenset(["its", "their", "his", "her", "our", "your", "my"])
_NEGATIONS = frozenset(["without", "except", "excluding", "nor"])
_ARTICLES = frozenset(["a", "an", "the", "some", "one", "two", "three", "four", "five"])
_DETERMINERS = frozenset(
    ["a", "an", "the", "some", "one", "two", "three", "four", "five", "several", "many", "few"]
)


def parse_prompt(prompt: str) -> SceneRequest:
    """Read an English description into a structured scene request. Never raises."""
    tokens, typo_warnings = spelling.correct_tokens(
        _counted_lines(_rows_said_after(tokenize(without_proper_names(prompt))))
    )
    tokens = _without_table_talk(_without_map_request(tokens))
    tokens = _walls_by_side(_its_parts(_without_idioms(_round_as_a_shape(tokens))))
    typo_warnings += [
        f"'{said}' is what something is made of; not drawn" for said in _materials(tokens)
    ]
    for rule in (
        _middle_of_a_wall,
        _comparison,
        _under_a_place,
        _not_near,
        _worn,
        _unmarked_possessive,
        _dead_centre,
        _amidships,
        _year,
        _opposite,
        _time_clause,
        _side_said_again,
        _bracketed_place,
        _made_of,
        _and_his,
        _carved_into_the_walls,
        _one_pair_of_doors,
        _into_a_part,
        _ring_of_walls,
        _the_thing_on_a_side,
        _middle_of_the_whole,
        _a_rental,
        _per_team,
        _animal_group,
        _self_correction,
        _one_of_them,
        _the_crossing,
        _the_deep_end,
        _bigger_than_the_others,
    ):
        tokens = _rewritten(tokens, rule)
    tokens = _rewritten(_without_purpose(_lined_sides_last(_grids_as_rows(tokens))), _dedication)
    # `its southern edge`, `their garden`: what was named before, as `the` says
    tokens = [_pronoun_read(tokens, k) for k in range(len(tokens))]
    parser = _Parser(tokens)
    parser.state.warnings.extend(typo_warnings)
    parser.state.ground = next((_GROUNDS[t] for t in tokens if t in _GROUNDS), None)
    parser.state.indoor_cue = any(t in _INDOOR_CUES for t in tokens)
    parser.state.underground = "underground" in tokens
    parser.state.sea_floor = any(
        tuple(tokens[k : k + len(said)]) in _SEA_FLOORS
        for k in range(len(tokens))
        for said in _SEA_FLOORS
    )
    parser.state.strewn = frozenset(_STREWN[t] for t in tokens if t in _STREWN)
    parser.state.outdoor_cue = any(t in _OUTDOOR_CUES for t in tokens)
    return parser.run()


def _names_a_thing_later(tokens: list[str], end: int) -> bool:
    """Whether the words after a phrase go on naming (`a ticket` then `booth`)."""
    return end < len(tokens) and tokens[end].isalpha() and lexical.is_noun(tokens[end])


_SUBMERGED = frozenset(["underwater", "submerged", "sunken"])
_SEA_FLOORS = frozenset(
    [("sea", "floor"), ("ocean", "floor"), ("seabed",), ("seafloor",), ("sea", "bed"),
     ("sea", "bottom"), ("bottom", "of", "the", "sea"), ("bottom", "of", "the", "ocean")]
)  # fmt: skip
_INDOOR_CUES = frozenset(
    ["ceiling", "ceilings", "rafters", "indoors", "floorboards", "underground"]
)
_OUTDOOR_CUES = frozenset(["outside", "outdoors", "yard", "courtyard", "garden"])
# `a knight on horseback`, `guards on duty`: how a thing is, not where
_IDIOMS = frozenset(
    [("scattered", "around"), ("scattered", "about"), ("strewn", "around"), ("lying", "around"),
     ("strewn", "about"), ("on", "horseback"), ("on", "foot"), ("on", "duty"),
     ("on", "patrol"), ("on", "guard"), ("on", "display"), ("on", "fire"), ("in", "bloom"),
     ("at", "rest"), ("at", "work"), ("at", "anchor"), ("on", "watch"), ("on", "stilts"),
     ("at", "night"), ("by", "night"), ("at", "dawn"), ("at", "dusk"), ("at", "sunset"),
     ("at", "sunrise"), ("at", "midnight"), ("at", "noon"), ("at", "twilight"),
     ("at", "daybreak"), ("by", "day"), ("in", "daylight"), ("in", "moonlight"),
     ("from", "the", "ceiling"), ("from", "the", "rafters"), ("on", "the", "ceiling"),
     ("in", "piles"), ("in", "heaps"), ("in", "stacks"), ("off", "the", "map"),
     ("of", "the", "map"), ("off", "the", "edge", "of", "the", "map"), ("branch", "off"),
     ("branches", "off"), ("branching", "off"), ("branch", "out"), ("branching", "out"),
     ("keeping", "watch"), ("keep", "watch"), ("keeps", "watch"), ("standing", "watch"),
     ("stands", "watch"), ("keeping", "guard"), ("standing", "guard"),
     ("capture", "the", "flag"), ("king", "of", "the", "hill"), ("wild", "west")]
)  # fmt: skip


_SCATTERED = frozenset(["scattered", "strewn", "lying", "spread"])
_OVER = (["on"], ["across"], ["over"], ["about"], ["around"], ["throughout"])
_IDLING = frozenset(
    ["milling", "wandering", "walking", "standing", "hanging", "running", "sitting", "roaming",
     "loitering", "lounging", "mingling", "shuffling", "wander", "mill", "stand", "roam",
     "floating", "drifting", "bobbing", "swimming", "flying", "fluttering", "buzzing"]
)  # fmt: skip
_WHOLE = frozenset(["room", "floor", "place", "area", "hall", "cave", "chamber", "ground"])


def _without_map_request(tokens: list[str]) -> list[str]:
    """`Drawing a map for a knights' tourney`, `make me a battle map of a cave`, `..., need a
    map.`: the request for a map, not a map to draw. A word naming the place stays (`a
    dungeon map with ...`)."""
    for k, token in enumerate(tokens):
        if token not in _MAP_WORDS:
            continue
        start = max((n + 1 for n in range(k) if tokens[n] in _CLAUSE_BREAKS), default=0)
        before = tokens[start:k]
        asking = all(w in _REQUEST_WORDS or w.isdigit() for w in before[:-1])
        if k - start > _REQUEST_REACH or not asking:
            continue
        last = before[-1] if before else ""
        kept = [] if not before or last in _REQUEST_WORDS or last.isdigit() else [last]
        end = k + 1
        while end < len(tokens) and tokens[end] in _PLEASE:
            end += 1  # `Session 12 map pls: ...`
        k = end - 1
        after = tokens[k + 1 : k + 2]
        if after in (["of"], ["for"], [":"]):
            return tokens[:start] + kept + tokens[k + 2 :]
        if after == ["with"] and kept:
            return tokens[:start] + kept + tokens[k + 1 :]  # `a dungeon map with five rooms`
        if (not after or after[0] in _CLAUSE_BREAKS) and before and not kept:
            return tokens[:start] + tokens[k + 1 :]  # `..., need a map.`
    return tokens


_REQUEST_REACH = 10
_PLEASE = frozenset(["pls", "plz", "please", "thx", "asap", "lol", "quick", "quickly"])
_MAP_WORDS = frozenset(["map", "battlemap", "floorplan", "maps", "plan", "layout", "blueprint"])
_REQUEST_WORDS = frozenset(
    """a an the my our me us i we you please can could would will 'd like need want make
    making draw drawing create creating generate generating give show sketch sketching do
    quick simple small little big large detailed rough top down top-down overhead battle
    tactical encounter combat world fantasy sci-fi hand drawn hex grid grid-based new ok okay
    so hey hi hello um hmm alright pls plz u ya just really floor symmetric symmetrical
    mirrored balanced competitive multiplayer pvp session sesh level chapter episode part act
    tonight tomorrow tmrw today week naval""".split()
)


Rewrite = Callable[[list[str], int, list[str]], tuple[list[str], int] | None]


def _rewritten(tokens: list[str], rule: Rewrite) -> list[str]:
    """The tokens with each span `rule` matches at k (given the words kept so far) replaced
    by the words it returns, reading on where it says."""
    out: list[str] = []
    k = 0
    while k < len(tokens):
        found = rule(tokens, k, out)
        if found is None:
            out.append(tokens[k])
            k += 1
        else:
            out += found[0]
            k = found[1]
    return out


def _without_table_talk(tokens: list[str]) -> list[str]:
    """`in my homebrew campaign`, `for my D&D group`: whom the map is for, nothing to draw."""
    return _rewritten(tokens, _table_talk)


def _table_talk(tokens: list[str], k: int, _: list[str]) -> tuple[list[str], int] | None:
    if tokens[k] in ("in", "for", "from") and tokens[k + 1 : k + 2] in (["my"], ["our"]):
        end = next(
            (j + 1 for j in range(k + 2, min(k + 7, len(tokens))) if tokens[j] in _TABLES), None
        )
        if end is not None:
            return [], end
    if k == 0 and tokens[k] in ("my", "our"):  # (a request's `for` already gone)
        end = next((j + 1 for j in range(1, min(6, len(tokens))) if tokens[j] in _TABLES), 0)
        if end and tokens[end : end + 1] in ([":"], ["."], [","], [";"]):
            return [], end + 1
    return None


_TABLES = frozenset(
    """campaign campaigns game games session sessions adventure adventures module oneshot
    players party group table story novel book rpg ttrpg""".split()
)


def _middle_of_a_wall(tokens: list[str], k: int, _: list[str]) -> tuple[list[str], int] | None:
    """`a control booth in the middle of the north wall`: against that wall, in the middle
    of it (not a wall of its own)."""
    said = tokens[k : k + 5]
    middles = (["in", "the", "middle"], ["in", "the", "center"], ["in", "the", "centre"])
    if said[:3] not in middles or said[3:5] != ["of", "the"]:
        return None
    found = lexicon.match_direction(tokens, k + 5)
    if found is None or found[1] is not None or tokens[found[2] : found[2] + 1] != ["wall"]:
        return None
    return ["against", "the", *tokens[k + 5 : found[2] + 1], "in", "the", "middle"], found[2] + 1


def _dedication(tokens: list[str], k: int, kept: list[str]) -> tuple[list[str], int] | None:
    """`a little shrine to their dragon god near the chief's room`: to whom it is raised is
    not a thing there."""
    if tokens[k] == "of" and kept and kept[-1] in _DEDICATED:
        said = tokens[k + 1 : k + 6]
        god = next((n for n, w in enumerate(said) if w in _GODS), None)
        if god is not None and all(w.isalpha() and w != "and" for w in said[:god]):
            return [], k + 2 + god  # `the shrine of the frog god`
    if tokens[k] != "to" or not kept or kept[-1] not in _DEDICATED:
        return None
    j = k + 1
    while j < min(k + 6, len(tokens)) and tokens[j].isalpha() and tokens[j] != "and":
        if lexicon.match_relation(tokens, j) is not None and j > k + 1:
            break
        j += 1
    return [], j


def _the_thing_on_a_side(tokens: list[str], k: int, _: list[str]) -> tuple[list[str], int] | None:
    """`a nest in the north tower`: in the tower, and so in the north (not in the north and
    then a tower of its own)."""
    if tokens[k] not in _SIDED_PREPOSITIONS or tokens[k + 1 : k + 2] != ["the"]:
        return None
    found = lexicon.match_direction(tokens, k + 2)
    if found is None or found[1] is not None or found[2] >= len(tokens):
        return None
    word = tokens[found[2]]
    noun = lexicon.match_noun(tokens, found[2])
    if noun is None or word in lexicon.PART_WORDS | lexicon.EDGE_WORDS | _NOT_A_THING_ON_A_SIDE:
        return None
    if noun.kind in ("wall", "room", "door", "fence"):
        return None  # (`in the north wall`, `the gate in the south fence`: the place's bounds)
    said = tokens[k : found[2]]
    return [*said, "and", tokens[k], "the"], found[2]


_SIDED_PREPOSITIONS = frozenset(["in", "on", "inside", "atop"])
_NOT_A_THING_ON_A_SIDE = frozenset(
    [
        "side",
        "end",
        "edge",
        "half",
        "part",
        "wing",
        "corner",
        "quarter",
        "bank",
        "shore",
        "wall",
        "walls",
        "sides",
        "ends",
        "coast",
        "border",
        "gate",
        "entrance",
        "door",
        "field",
        "slope",
    ]
)


def _ring_of_walls(tokens: list[str], k: int, kept: list[str]) -> tuple[list[str], int] | None:
    """`a ring of scrap metal walls`, `a circle of palisades`: one wall all around."""
    if tokens[k] not in ("ring", "circle") or tokens[k + 1 : k + 2] != ["of"]:
        return None
    for j in range(k + 2, min(k + 6, len(tokens))):
        word = tokens[j]
        if word in _BOUNDS:
            if kept[-1:] in (["a"], ["the"]):
                kept.pop()
            return [*tokens[k + 2 : j], _BOUNDS[word], "all", "around"], j + 1
        if not word.isalpha() or word == "and":
            return None
    return None


_BOUNDS = {
    word: singular
    for singular in ("wall", "fence", "palisade", "barricade", "hedge", "stockade", "rampart")
    for word in (singular, singular + "s")
}


def _said_of_the_owner_too(state: ParseState, before: int) -> None:
    """`a tasting table with benches near the east door`: where the benches a piece of
    furniture comes with are put, it is put too (not where they are put round it)."""
    subject, owner = state.subject, state.with_owner
    if not isinstance(subject, Group) or not isinstance(owner, Group) or subject.owner is not owner:
        return
    if lexicon.kind_spec(owner.kind).layer != "object" or len(owner.ids) != 1:
        return
    mine = set(subject.ids)
    said = [r for r in state.relations[before:] if r.subject in mine]
    if not said or any(owner.ids[0] in r.objects for r in said):
        return
    first = said[0]
    if first.predicate in _SAID_OF_BOTH:
        state.add(owner.ids[0], first.predicate, first.objects, first.argument)


# (a part of the map said of them goes to the owner in `finish`, the companions by it)
_SAID_OF_BOTH = frozenset(["near", "next_to"])


def _into_a_part(tokens: list[str], k: int, _: list[str]) -> tuple[list[str], int] | None:
    """`a clinic tucked into the NE corner`: in it."""
    if tokens[k] != "into" or tokens[k + 1 : k + 2] != ["the"] or k + 2 >= len(tokens):
        return None
    part = tokens[k + 2]
    if part in v.DIRECTIONS or part in ("corner", "middle", "center", "centre"):
        return ["in"], k + 1
    return None


def _one_pair_of_doors(tokens: list[str], k: int, kept: list[str]) -> tuple[list[str], int] | None:
    """`swinging doors at the front`, `double doors`: one doorway, its two leaves."""
    if tokens[k] == "doors" and kept[-1:] == ["the"] and tokens[k + 1 : k + 2] != ["of"]:
        return ["door"], k + 1  # `from the doors to the throne`: the way in
    if tokens[k] not in _PAIRED_DOORS or tokens[k + 1 : k + 2] != ["doors"]:
        return None
    if kept and (kept[-1].isdigit() or kept[-1] in v.NUMBER_WORDS):
        return None  # (`two double doors`: two)
    return [tokens[k], "door"], k + 2


_PAIRED_DOORS = frozenset(["double", "swinging", "saloon", "french", "batwing", "barn", "twin"])


def _carved_into_the_walls(tokens: list[str], k: int, _: list[str]) -> tuple[list[str], int] | None:
    """`stone houses carved into the walls`: along the walls of the place (no walls of their
    own)."""
    said = tokens[k : k + 4]
    if len(said) < 4 or said[0] not in _CARVED or said[1:3] != ["into", "the"]:
        return None
    if said[3] not in ("wall", "walls", "cliff", "cliffs", "rock"):
        return None
    return ["along", "the", "walls"], k + 4


_CARVED = frozenset(["carved", "built", "set", "cut", "dug", "hewn", "sunk"])


def _and_his(tokens: list[str], k: int, kept: list[str]) -> tuple[list[str], int] | None:
    """`a shepherd and his dog`: the shepherd with his dog, by him."""
    if tokens[k] != "and" or tokens[k + 1 : k + 2] not in (["his"], ["her"]) or not kept:
        return None
    if not _is_actor(lexical.singular(kept[-1]) or kept[-1]):
        return None
    found = lexicon.match_noun(tokens, k + 2)
    after = tokens[found.end] if found is not None and found.end < len(tokens) else "."
    if found is None or (after not in _CLAUSE_BREAKS and after != "and"):
        return None  # (`the king and his guards in the throne room`: both in it)
    return ["with"], k + 2


def _said_of_the_new_too(state: ParseState, group: Group, had: list[str]) -> None:
    """What was said of a group before it grew is said of its new members too (its rows take
    them in)."""
    new = [thing_id for thing_id in group.ids if thing_id not in had]
    if not new or not had:
        return
    first = had[0]
    for r in list(state.relations):
        if r.subject != first:
            continue
        if r.predicate in ("in_rows", "in_ring"):
            state.relations.remove(r)
            state.add(first, r.predicate, tuple(group.ids[1:]), r.argument)
            continue
        for thing_id in new:
            state.add(thing_id, r.predicate, r.objects, r.argument)


def _made_of(tokens: list[str], k: int, _: list[str]) -> tuple[list[str], int] | None:
    """`four greenhouses made out of old bus shells`, `a fort built of logs`: what a thing is
    made of is no thing beside it."""
    if tokens[k] not in _MADE or k == 0:
        return None
    j = k + 1
    if tokens[j : j + 2] == ["out", "of"]:
        j += 2
    elif tokens[j : j + 1] in (["of"], ["from"]):
        j += 1
    else:
        return None
    while j < len(tokens) and tokens[j] not in _CLAUSE_BREAKS and tokens[j] not in (",", "("):
        if lexicon.match_relation(tokens, j) is not None:
            break
        following = tokens[j + 1] if j + 1 < len(tokens) else ""
        if tokens[j] == "and" and (following in _NOUN_SLOT_OPENERS or following.isdigit()):
            break  # (`made of logs and a tower`: the tower is a thing)
        j += 1
    return [], j


def _materials(tokens: list[str]) -> list[str]:
    """The words of what things are said to be made of (`made of gingerbread`), which are
    not drawn: the reader says so."""
    said = []
    for k in range(len(tokens)):
        found = _made_of(tokens, k, [])
        if found is not None:
            words = [t for t in tokens[k + 1 : found[1]] if t.isalpha() and t not in ("out", "of")]
            said.append(" ".join(w for w in words if w not in ("from", "the", "a", "an")))
    return [words for words in said if words]


_MADE = frozenset(["made", "built", "constructed", "fashioned", "cobbled", "carved", "woven"])
_DEDICATED = frozenset(["shrine", "altar", "statue", "monument", "memorial", "temple", "shrines"])
_GODS = frozenset(["god", "goddess", "gods", "deity", "deities", "godess"])


def _comparison(tokens: list[str], k: int, _: list[str]) -> tuple[list[str], int] | None:
    """`a cooking pot big enough for a horse`, `a rat the size of a dog`: how big, said by a
    thing that is not there."""
    said = tokens[k : k + 3]
    compared = said[:2] in (["enough", "for"], ["enough", "to"]) or said == ["the", "size", "of"]
    if not compared or k == 0 or tokens[k - 1] in ("room", "space"):
        return None
    k += 2 if said[0] == "enough" else 3
    while k < len(tokens) and tokens[k] in ("fit", "hold", "seat", "carry", "swallow"):
        k += 1
    while k < len(tokens) and tokens[k] in _ARTICLES:
        k += 1
    found = lexicon.match_noun(tokens, k)
    return [], found.end if found is not None else k


def _not_near(tokens: list[str], k: int, _: list[str]) -> tuple[list[str], int] | None:
    """`a DJ booth in a corner (not near the head table)`: away from it, not by it."""
    if tokens[k] not in ("not", "never"):
        return None
    close = next((n for n in _CLOSE_BY if tuple(tokens[k + 1 : k + 1 + len(n)]) == n), None)
    return (["far", "from"], k + 1 + len(close)) if close is not None else None


_CLOSE_BY = (
    ("near", "to"), ("near",), ("next", "to"), ("close", "to"), ("by",), ("beside",),
    ("adjacent", "to"), ("right", "next", "to"), ("too", "close", "to"), ("too", "near"),
)  # fmt: skip


def _worn(tokens: list[str], k: int, kept: list[str]) -> tuple[list[str], int] | None:
    """`guests in masks`, `a knight in black armor`, `prisoners in chains`: what people wear,
    not a thing beside them (and what follows is about the people)."""
    if tokens[k] != "in" or not kept or not _is_actor(kept[-1]):
        return None
    j = k + 1
    while j < min(k + 4, len(tokens)) and _worn_word(tokens[j]) is None:
        if not tokens[j].isalpha() or lexicon.match_noun(tokens, j) is not None:
            return None
        j += 1  # `in black`, `in shining` armor
    return ([], j + 1) if j < len(tokens) and _worn_word(tokens[j]) else None


def _year(tokens: list[str], k: int, kept: list[str]) -> tuple[list[str], int] | None:
    """`Omaha Beach, 6 June 1944`, `1849 gold rush camp`, `in 1066`: when, not how many."""
    token = tokens[k]
    if token.isdigit() and tokens[k + 1 : k + 2] in (["bc"], ["ad"], ["bce"], ["ce"]):
        return [], k + 2  # `around 2500 BC`
    if len(token) != 4 or not token.isdigit() or not _FIRST_YEAR <= int(token) <= _LAST_YEAR:
        return None
    before = kept[-1] if kept else "."
    after = tokens[k + 1] if k + 1 < len(tokens) else "."
    if before in _WHEN_WORDS or after in _CLAUSE_BREAKS:
        return [], k + 1
    sense = lexical.noun_sense(after)
    herd = sense is not None and sense.category in ("animal", "person")  # `1500 sheep`
    counted = lexical.singular(after) is not None or after in lexical.ZERO_PLURALS or herd
    return None if counted or not after.isalpha() else ([], k + 1)


_FIRST_YEAR, _LAST_YEAR = 1000, 2200
_WHEN_WORDS = frozenset(
    """in of since circa c. year summer winter spring autumn fall january february march april
    may june july august september october november december jan feb mar apr jun jul aug sep
    sept oct nov dec""".split()
)


_WATERS_EDGE = (
    ("the", "water", POSSESSIVE, "edge"), ("the", "edge"), ("the", "water"),
    ("the", "waterline"), ("the", "shoreline"), ("the", "bank"), ("the", "banks"),
)  # fmt: skip
_HEADING_VERBS = frozenset(
    ["flows", "flowing", "runs", "running", "leads", "leading", "heads", "heading", "winds",
     "winding", "goes", "going", "snakes", "snaking", "meanders", "meandering", "exits"]
)  # fmt: skip
_DOES_TO = {
    "guards": "guarding", "blocks": "blocking", "defends": "defending", "mans": "manning",
    "holds": "holding", "watches": "guarding", "protects": "guarding",
}  # fmt: skip
_CHAT = frozenset(
    """lol lmao rofl pls plz thx tmrw asap btw imo imho idk omg tbh ty np irl fyi afaik brb
    gonna wanna gotta kinda sorta thats dont doesnt cant wont isnt arent im ive ill youre
    theres whats hes shes etc aka vs""".split()
)
_SHORTEST_NAME = 3
_ON_AN_ISLAND = frozenset(["coast", "village", "harbor", "camp", "farm", "graveyard", "market"])
_DWELLERS = 3  # `a centaur camp`: a few of whose it is
_BY_EACH = frozenset(["next_to", "near", "inside", "on", "above", "below", "around"])
_NOUN_SLOT_OPENERS = frozenset(["a", "an", "the"]) | frozenset(v.NUMBER_WORDS)
# What a word no list knows is drawn as, in a noun's place.
_UNKNOWN_THING, _UNKNOWN_CREATURE = "thing", "creature"


def _acting(word: str) -> bool:
    """`coming`, `attacks`: what a creature does next to its name."""
    if word in ACTS:
        return True
    if not word.endswith("ing") or not lexical.is_english_word(word):
        return False
    return lexicon.match_noun([word], 0) is None and lexical.noun_sense(word) is None


def _bigger_than_the_others(
    tokens: list[str], k: int, kept: list[str]
) -> tuple[list[str], int] | None:
    """`the chieftain's tent bigger than all the others`: a big one, and others of its kind."""
    if tokens[k] not in _BIGGER or tokens[k + 1 : k + 2] != ["than"] or not kept:
        return None
    rest = next((n for n in _THE_OTHERS if tuple(tokens[k + 2 : k + 2 + len(n)]) == n), None)
    noun = lexicon.match_noun(kept, len(kept) - 1)
    if rest is None or noun is None or not kept[-1].isalpha():
        return None
    kept.insert(len(kept) - 1, "big")
    if {kept[-1], f"{kept[-1]}s"} & set(kept[:-2]):
        return [], k + 2 + len(rest)  # `5 huts and a chief's hut larger than the others`
    return [",", "and", "some", f"{kept[-1]}s"], k + 2 + len(rest)


_BIGGER = frozenset(["bigger", "larger", "taller", "grander"])
_THE_OTHERS = (
    ("all", "the", "others"), ("all", "the", "rest"), ("the", "others"), ("the", "rest"),
    ("any", "other"), ("all", "others"), ("others",),
)  # fmt: skip


def _the_deep_end(tokens: list[str], k: int, kept: list[str]) -> tuple[list[str], int] | None:
    """`a diving board at the deep end`: by the pool named before (its deep end)."""
    said = tokens[k : k + 4]
    if len(said) < 4 or said[1] != "the" or said[3] != "end" or said[2] not in ("deep", "shallow"):
        return None
    if said[0] not in ("at", "by", "near", "in") or "pool" not in kept:
        return None
    return ["near", "the", "pool"], k + 4


def _the_crossing(tokens: list[str], k: int, kept: list[str]) -> tuple[list[str], int] | None:
    """`a country road crossing a railway line ... a signal box next to the crossing`: where
    the ways named before meet, on the first of them."""
    if tokens[k] != "the" or tokens[k + 1 : k + 2] not in (
        ["crossing"],
        ["intersection"],
        ["junction"],
    ):
        return None
    way = next((word for word in kept if word in _WAY_WORDS), None)
    return (["the", way], k + 2) if way is not None else None


_WAY_WORDS = frozenset(["road", "street", "lane", "track", "path", "avenue", "highway"])


def _one_of_them(tokens: list[str], k: int, kept: list[str]) -> tuple[list[str], int] | None:
    """`9 holes, a windmill on one of them`: by one of the things just named."""
    said = tokens[k : k + 3]
    if said[:2] != ["one", "of"] or said[2:] not in (["them"], ["those"], ["these"]):
        return None
    if not kept or kept[-1] not in _PLACING_WORDS:
        return None
    return ["them"], k + 3


_PLACING_WORDS = frozenset(["on", "in", "at", "by", "near", "beside", "to", "behind", "inside"])


def _a_rental(tokens: list[str], k: int, _: list[str]) -> tuple[list[str], int] | None:
    """`boat rental on a lake: ... 6 rowboats`: a business, named for what it rents out (the
    boats are the ones said next, if any)."""
    if tokens[k + 1 : k + 2] not in (["rental"], ["rentals"], ["hire"]) or not tokens[k].isalpha():
        return None
    return (["rental"], k + 2) if lexicon.match_noun(tokens, k) is not None else None


def _self_correction(tokens: list[str], k: int, kept: list[str]) -> tuple[list[str], int] | None:
    """`4 chained ogres.. no wait just 2`: two ogres; `bodega? no a laundromat`: a laundromat
    instead. What the user took back is dropped (`kept` is edited in place)."""
    j = k + next((len(m) for m in _CORRECTING if tuple(tokens[k : k + len(m)]) == m), 0)
    if j == k and not (tokens[k] == "no" and kept[-1:] == ["?"]):
        return None
    j = max(j, k + 1)
    while j < len(tokens) and tokens[j] in _FILLERS_AFTER_A_CORRECTION:
        j += 1
    count = lexicon.match_count(tokens, j)
    while kept and kept[-1] in _CLAUSE_BREAKS:
        kept.pop()
    if count is not None and tokens[j] not in ("a", "an"):
        taken_back = next((n for n in range(len(kept) - 1, -1, -1) if _counts(kept[n])), None)
        again_at = _the_same_noun_before(kept, tokens, count[1])
        if again_at is not None and (taken_back is None or len(kept) - taken_back > _NOUN_REACH):
            # `a food truck in the NE corner (actually make that 2 food trucks)`: two
            kept[again_at] = tokens[j]
            named = noun_phrase(tokens, count[1])
            end = named.end if named is not None and named.kind is not None else count[1] + 1
            return [], end + (tokens[end : end + 1] == [")"])
        if taken_back is None or len(kept) - taken_back > _NOUN_REACH:
            return None
        if _names_a_thing_later(tokens, count[1]) and tokens[count[1]] not in kept[taken_back:]:
            del kept[taken_back:]  # `3 sacks of flour?? no, 3 cages`: cages instead
            return [], j
        kept[taken_back] = tokens[j]
        said_again = tokens[count[1] : count[1] + 1] and tokens[count[1]] in kept[taken_back:]
        return [], count[1] + (1 if said_again else 0)  # (`no wait, 2 ogres`: the same ogres)
    if kept and kept[-1].isalpha() and tokens[j : j + 1] in (["a"], ["an"], ["the"]):
        kept.pop()  # `bodega? no a laundromat`, `a fountain... wait no, a newsstand`
        if kept[-1:] in (["a"], ["an"], ["the"]):
            kept.pop()
        return [], j
    said = tokens[j] if j < len(tokens) else ""
    if said.isalpha() and said in kept[-_NOUN_REACH:]:
        # `a busker by the fountain — wait no fountain, just put the busker in the middle`
        start = len(kept) - 1 - kept[::-1].index(said)
        while start > 0 and kept[start - 1] in ("a", "an", "the"):
            start -= 1
        if start > 0 and kept[start - 1] in _LEADS_TO_A_PLACE:
            start -= 1
        del kept[start:]
        return [], j + 1
    return None


def _the_same_noun_before(kept: list[str], tokens: list[str], k: int) -> int | None:
    """Where the count of the noun said again at tokens[k] stands in what was kept: the word
    before that noun when it counts (`a food truck ... make that 2 food trucks`)."""
    if k >= len(tokens) or not tokens[k].isalpha():
        return None
    noun = lexical.singular(tokens[k]) or tokens[k]
    for n in range(len(kept) - 1, max(0, len(kept) - _CORRECTION_REACH) - 1, -1):
        if kept[n] in (noun, tokens[k]) and n > 0:
            before = next((m for m in range(n - 1, max(-1, n - 4), -1) if _counts(kept[m])), None)
            return before
    return None


_CORRECTION_REACH = 12
_FILLERS_AFTER_A_CORRECTION = frozenset(
    ["just", "only", "make", "it", "actually", "wait", ",", "put", "there's", "theres"]
)
_LEADS_TO_A_PLACE = frozenset(["by", "near", "at", "in", "on", "beside", "behind", "under", "with"])


_CORRECTING = (
    ("no", "wait"), ("wait", "no"), ("i", "mean"), ("sorry",), ("oops",),
    ("actually", "make", "that"), ("make", "that"), ("actually", "make", "it"),
)  # fmt: skip
_NOUN_REACH = 4


def _animal_group(tokens: list[str], k: int, kept: list[str]) -> tuple[list[str], int] | None:
    """`a penguin colony (20)`, `a wolf pack`, `a sheep flock of 12`: so many of the animal,
    as `a colony of penguins` says."""
    group = tokens[k + 1] if k + 1 < len(tokens) else ""
    if f"a {group} of" not in v.COUNT_PHRASES or not tokens[k].isalpha():
        return None
    found = lexicon.match_noun(tokens, k)
    if found is None or found.end != k + 1 or lexicon.kind_spec(found.kind).layer != "actor":
        return None
    after = tokens[k + 2 : k + 5]
    if after[:1] == ["("] and after[2:3] == [")"] and after[1].isdigit():
        counted, end = after[1], k + 5  # `a penguin colony (20)`
    elif after[:1] == ["of"] and after[1:2] and after[1].isdigit():
        counted, end = after[1], k + 4  # `a penguin colony of 20`
    else:
        counted, end = "", k + 2
    if kept[-1:] in (["a"], ["an"]):
        kept.pop()
    if counted:
        return [counted, tokens[k]], end
    return ["a", group, "of", tokens[k]], end


def _per_team(tokens: list[str], k: int, _: list[str]) -> tuple[list[str], int] | None:
    """`one bench per team`, `a dugout for each team`: one for each of the two sides."""
    found = lexicon.match_count(tokens, k)
    if found is None or found[1] != k + 1 or not 0 < found[0] <= _MOST_PER_TEAM:
        return None
    for j in range(k + 1, min(k + 5, len(tokens))):
        said = next((p for p in _PER_TEAM if tuple(tokens[j : j + len(p)]) == p), None)
        if said is not None:
            return [str(2 * found[0]), *tokens[k + 1 : j]], j + len(said)
        if not tokens[j].isalpha():
            return None
    return None


_PER_TEAM = (("per", "team"), ("for", "each", "team"), ("for", "each", "side"), ("a", "team"))
_MOST_PER_TEAM = 20


def _side_said_again(tokens: list[str], k: int, kept: list[str]) -> tuple[list[str], int] | None:
    """`the back (north) wall`: the compass word in brackets is the side meant."""
    if tokens[k] != "(" or not kept or kept[-1] not in _SAID_SIDES:
        return None
    found = lexicon.match_direction(tokens, k + 1)
    if found is None or found[1] is not None:
        return None
    end = found[2] + (
        1 if tokens[found[2] : found[2] + 1] and tokens[found[2]] in _BRACKETED_PARTS else 0
    )
    if tokens[end : end + 1] != [")"]:
        return None
    kept[-1] = found[0]  # (`at the front (north wall)`: at the north)
    return [], end + 1


_SAID_SIDES = frozenset(["back", "rear", "far", "front", "left", "right", "top", "bottom"])


def _bracketed_place(tokens: list[str], k: int, kept: list[str]) -> tuple[list[str], int] | None:
    """`the back counter (north wall)`, `the front door (south side)`, `a couch (SE corner)`:
    where the thing just named stands, said in brackets."""
    if tokens[k] != "(" or not kept or not kept[-1].isalpha():
        return None
    found = lexicon.match_direction(tokens, k + 1)
    if found is None:
        return None
    end = found[2]
    part = tokens[end] if end < len(tokens) and tokens[end] in _BRACKETED_PARTS else ""
    if tokens[end + (1 if part else 0) : end + (2 if part else 1)] != [")"]:
        return None
    lead = _BRACKETED_PARTS.get(part, "on")
    return [lead, "the", *tokens[k + 1 : end], part or "side"], end + (2 if part else 1)


_BRACKETED_PARTS = {"wall": "along", "side": "on", "end": "at", "corner": "in", "edge": "along"}


def _middle_of_the_whole(tokens: list[str], k: int, _: list[str]) -> tuple[list[str], int] | None:
    """`a summoning circle drawn in the middle of the floor`: of the place itself."""
    said = tokens[k : k + 6]
    if said[:3] not in (["in", "the", "middle"], ["in", "the", "center"], ["in", "the", "centre"]):
        return None
    if said[3:5] == ["of", "the"] and said[5:] and said[5] in _THE_WHOLE_FLOOR:
        return said[:3], k + 6
    return None


_THE_WHOLE_FLOOR = frozenset(["floor", "room", "map", "place", "area", "ground"])


def _time_clause(tokens: list[str], k: int, _: list[str]) -> tuple[list[str], int] | None:
    """`a ruined gas station after the bombs fell`: when, not a thing there."""
    if tokens[k] not in _WHEN_CLAUSES:
        return None
    for j in range(k + 1, min(k + 6, len(tokens))):
        word = tokens[j]
        if not word.isalpha():
            return None
        if word in _PAST_VERBS or (word.endswith("ed") and j > k + 1 and _a_verb(word)):
            return [], j + 1
    return None


def _a_verb(word: str) -> bool:
    return lexical.is_english_word(word) and lexicon.match_noun([word], 0) is None


_WHEN_CLAUSES = frozenset(["after", "before", "since", "until", "once"])
_PAST_VERBS = frozenset(
    """fell came went left hit struck began ended broke rose sank burned burnt froze ran
    died fled won lost""".split()
)


def _opposite(tokens: list[str], k: int, kept: list[str]) -> tuple[list[str], int] | None:
    """`a shed in the NW corner ... the compost heap in the opposite corner`: the corner (end,
    side, wall) across from the last one named."""
    if tokens[k] != "opposite" or tokens[k + 1 : k + 2] not in _OPPOSABLE:
        return None
    corner = tokens[k + 1] == "corner"
    for j in range(len(kept) - 1, -1, -1):
        found = lexicon.match_direction(kept, j)
        if found is None or found[1] is not None or found[2] >= len(kept):
            continue
        wider = lexicon.match_direction(kept, j - 1) if j > 0 else None
        said, _, end = wider if wider is not None and wider[2] == found[2] else found
        if (kept[end] == "corner") == corner and kept[end] in _SIDE_NOUNS | {"corner"}:
            across = "".join(OPPOSITE_SIDE[part] for part in _compass_parts(said))
            return [across], k + 1
    return None


_OPPOSABLE = (["corner"], ["end"], ["side"], ["wall"], ["edge"])
_SIDE_NOUNS = frozenset(["end", "side", "wall", "edge", "part", "half"])


def _compass_parts(compass: str) -> list[str]:
    """`northwest` -> [`north`, `west`]."""
    return [part for part in ("north", "south", "east", "west") if part in compass]


def _is_actor(word: str) -> bool:
    found = lexicon.match_noun([word], 0)
    if found is not None:
        return lexicon.kind_spec(found.kind).layer == "actor"
    sense = lexical.noun_sense(word)
    return sense is not None and sense.category in ("person", "animal")


def _unmarked_possessive(
    tokens: list[str], k: int, kept: list[str]
) -> tuple[list[str], int] | None:
    """`dragons hoard room`, `wizards tower`: a creature's place typed without its
    apostrophe, one dragon's hoard (not three dragons)."""
    owned = tokens[k + 1] if k + 1 < len(tokens) else ""
    counted = kept and (kept[-1].isdigit() or kept[-1] in v.NUMBER_WORDS)
    if owned not in _OWNED_PLACES or (counted and kept[-1] not in ("a", "an")):
        return None  # (`a hunters cabin` is one hunter's; `two wizards towers` are two)
    one = lexical.singular(tokens[k])
    if one is None or one == tokens[k] or not _is_actor(one):
        return None
    named = lexicon.match_scene(tokens, k)
    if named is not None and named[1] > k + 1:
        return None  # (`a kids room` is a place of its own)
    return [one, POSSESSIVE], k + 1


# Irregular past forms that WordNet also lists as nouns (`hobbit holes dug into the hill`).
_PAST_FORMS = frozenset(
    "dug built cut hung laid lit spread sunk strung shut swept torn worn burnt bent".split()
)
_OWNED_PLACES = frozenset(
    ["hoard", "lair", "den", "nest", "hideout", "tower", "crypt", "tomb", "chamber", "study",
     "sanctum", "throne", "quarters", "cave", "grotto", "workshop", "laboratory", "lab",
     "room", "bedroom", "bathroom", "office", "kitchen", "house", "home", "shop", "cabin", "hut",
     "ship", "castle", "palace", "playroom", "nursery", "garage", "cottage", "bunker"]
)  # fmt: skip


def _dead_centre(tokens: list[str], k: int, kept: list[str]) -> tuple[list[str], int] | None:
    """`a sarcophagus dead center`, `in the dead centre`: in the centre (a dead crew member
    stays dead)."""
    if tokens[k] != "dead" or tokens[k + 1 : k + 2] not in (["center"], ["centre"], ["middle"]):
        return None
    said = [] if kept[-1:] == ["the"] else ["in", "the"]
    return [*said, tokens[k + 1]], k + 2


def _amidships(tokens: list[str], k: int, kept: list[str]) -> tuple[list[str], int] | None:
    """`a cargo hatch amidships`: in the middle of the ship."""
    if tokens[k] not in ("amidships", "midships"):
        return None
    return (["the", "middle"] if kept[-1:] in (["at"], ["in"]) else ["in", "the", "middle"]), k + 1


def _worn_word(word: str) -> str | None:
    if word in _WORN:
        return word
    sense = lexical.noun_sense(word)
    if sense is None or sense.category != "item":
        return None
    return word if _COVERINGS & set(sense.ancestors) else None


_WORN = frozenset(["chains", "shackles", "chainmail", "rags", "furs", "irons", "manacles"])
_COVERINGS = frozenset(["clothing", "covering", "attire", "garment", "headdress"])


def _under_a_place(tokens: list[str], k: int, _: list[str]) -> tuple[list[str], int] | None:
    """`a hideout under the city`: underground (not the city's houses)."""
    said = tokens[k : k + 3]
    if len(said) == 3 and said[0] in _UNDER and said[1] == "the" and said[2] in _ABOVE:
        return ["underground"], k + 3
    return None


_UNDER = frozenset(["under", "beneath", "below", "underneath"])
_ABOVE = frozenset(
    ["city", "town", "village", "streets", "ground", "earth", "castle", "palace", "mountain",
     "mountains", "capital", "keep", "fortress"]
)  # fmt: skip


def _without_idioms(tokens: list[str]) -> list[str]:
    out: list[str] = []
    k = 0
    while k < len(tokens):
        over = 2 if tokens[k + 1 : k + 3] == ["all", "over"] else 1
        whole = tokens[k + 1 + over : k + 3 + over]
        scattered_over = tokens[k] in _SCATTERED and tokens[k + over : k + over + 1] in _OVER
        if scattered_over and whole[:1] == ["the"] and whole[1:] and whole[1] in _WHOLE:
            k += 3 + over  # `coins scattered on the floor`: all over the place
            if tokens[k : k + 1] == ["and"]:
                out.append(",")  # (what follows is apart)
            continue
        found = next((n for n in (6, 4, 3, 2) if tuple(tokens[k : k + n]) in _IDIOMS), None)
        if found is not None:
            scattered = tokens[k] in _SCATTERED
            after = tokens[k + found : k + found + 2]
            if scattered and len(after) == 2 and after[0] == "the" and after[1] in _WHOLE:
                found += 2  # `tables scattered around the room`: the whole place
            if scattered and tokens[k + found : k + found + 1] == ["and"]:
                out.append(",")  # `bones scattered around and a tunnel to the south`: apart
            k += found
            continue
        if tokens[k] in _IDLING and tokens[k + 1 : k + 2] in (["around"], ["about"]):
            next_word = tokens[k + 2] if k + 2 < len(tokens) else "."
            if next_word in _CLAUSE_BREAKS or next_word == "and":
                k += 2  # `guests milling around, ...`: how they are, not round the walls
                continue
        if tokens[k + 1 : k + 3] in (["circle", "of"], ["ring", "of"]):
            k += 1  # `a stone circle of seven standing stones`: a circle of the seven
            continue
        out.append(tokens[k])
        k += 1
    return out


# `the back wall`: the far side of the room as a reader pictures it, the top of the map (north)
_SIDE_WALLS = {"back": "north", "rear": "north", "far": "north", "front": "south"}


# what only the living do: `6 round tables and a bard playing on a stage`, `a side table
# and a cat curled up on the armchair` (not `standing`, `parked`: tables stand, cars park)
_DOINGS = frozenset(
    """playing singing dancing sleeping asleep napping dozing snoring curled eating drinking
    reading talking chatting working praying fighting barking grazing perched juggling
    performing cooking guarding waiting watching preaching smoking laughing""".split()
)


def _alive(partner: object) -> bool:
    return isinstance(partner, Group) and lexicon.kind_spec(partner.kind).layer == "actor"


_LIST_STARTS = frozenset(
    [",", ":", ";", "and", "a", "an", "the", "some", "two", "three", "four", "few"]
)
_ARTICLES = frozenset(["the", "a", "an", "it", "them", "its", "their", "each", "every", "all"])


def _round_as_a_shape(tokens: list[str]) -> list[str]:
    """`6 stools in front of it, round tables scattered around`: round tables, not stools
    round the tables (`round the fire` still goes round it)."""
    return [
        token
        for k, token in enumerate(tokens)
        if not (
            token == "round"
            and (
                k == 0
                or tokens[k - 1] in _LIST_STARTS
                or tokens[k - 1] in _CLAUSE_BREAKS  # `... tower. Round room, ...`
                or lexicon.match_count(tokens, k - 1) is not None
            )
            and k + 1 < len(tokens)
            and tokens[k + 1] not in _ARTICLES
        )
    ]


# `for a children's story`, `for the class trip`: what the map is for, nothing on it
_PURPOSES = frozenset(
    ["story", "stories", "game", "campaign", "book", "novel", "adventure", "lesson", "class",
     "project", "comic", "film", "movie", "module", "session", "trip", "party", "group", "kids",
     "children", "players", "students", "quest", "homework", "assignment", "parents", "guests",
     "visitors", "customers", "staff", "patients", "passengers", "people", "spectators",
     "tourists", "shoppers", "everyone", "cover", "shelter", "protection", "decoration",
     "storage", "safety", "battle", "battles", "fight", "fights", "encounter", "encounters",
     "skirmish", "showdown", "duel", "action"]
)  # fmt: skip
_PURPOSE_WORDS = 5


def _without_purpose(tokens: list[str]) -> list[str]:
    """Drop `for <a few words> <purpose>` (`a farm for a children's story`)."""
    out: list[str] = []
    k = 0
    while k < len(tokens):
        if tokens[k] == "for":
            span = tokens[k + 1 : k + 1 + _PURPOSE_WORDS]
            stop = next((n for n, t in enumerate(span) if t in _CLAUSE_BREAKS), len(span))
            last = max((n for n in range(stop) if span[n] in _PURPOSES), default=None)
            if last is not None:
                k += last + 2
                continue
        out.append(tokens[k])
        k += 1
    return out


_SIDES = (("on", "both", "sides"), ("on", "either", "side"), ("on", "each", "side"))


def _pronoun_read(tokens: list[str], k: int) -> str:
    """`its southern edge`, `their garden`: what was named before, as `the` says; `her` or
    `him` that ends a phrase (`her eggs around her`) is the one named, as `it` is."""
    token = tokens[k]
    if token not in _POSSESSIVE_PRONOUNS:
        return token
    after = tokens[k + 1] if k + 1 < len(tokens) else ""
    if token in ("her", "him", "them") and (not after or after in _CLAUSE_BREAKS or after == "and"):
        return "it"
    return "the"


def _lined_sides_last(tokens: list[str]) -> list[str]:
    """`a street lined on both sides with shops`: as `lined with shops on both sides`."""
    for k in range(len(tokens) - 4):
        sides = tuple(tokens[k + 1 : k + 4])
        if tokens[k] != "lined" or sides not in _SIDES or tokens[k + 4] != "with":
            continue
        end = k + 5
        while end < len(tokens) and tokens[end] not in _CLAUSE_BREAKS:
            end += 1
        return [*tokens[: k + 1], *tokens[k + 4 : end], *sides, *_lined_sides_last(tokens[end:])]
    return tokens


def _grids_as_rows(tokens: list[str]) -> list[str]:
    """`trays in a 4 by 5 grid`, `a 3x3 grid of pods`: rows of so many (`in 4 rows of 5`)."""
    out: list[str] = []
    k = 0
    while k < len(tokens):
        size = _grid_size(tokens, k)
        if size is None:
            out.append(tokens[k])
            k += 1
            continue
        rows, columns, end = size
        if out and out[-1] in ("a", "an"):
            out.pop()
        out += [_ROW_COUNTS.get(rows, str(rows)), "rows", "of", str(columns)]
        k = end + 1 if end < len(tokens) and tokens[end] == "of" else end  # `grid of pods`
    return out


_ROW_COUNTS = {
    v.NUMBER_WORDS[word]: word
    for word in ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
}


def _grid_size(tokens: list[str], k: int) -> tuple[int, int, int] | None:
    """(rows, columns, end) of `4 by 5 grid` or `4x5 grid` at k."""
    first = lexicon.match_count(tokens, k)
    if first is not None and first[1] + 2 < len(tokens) and tokens[first[1]] in ("by", "x"):
        second = lexicon.match_count(tokens, first[1] + 1)
        if second is not None and second[1] < len(tokens) and tokens[second[1]] == "grid":
            return first[0], second[0], second[1] + 1
    return None


def _walls_by_side(tokens: list[str]) -> list[str]:
    """`two ovens against the back wall`: the north wall; `a shed in the back left corner`:
    the north-west corner."""
    return [
        _SIDE_WALLS[token] if token in _SIDE_WALLS and _names_a_side(tokens, k + 1) else token
        for k, token in enumerate(tokens)
    ]


def _names_a_side(tokens: list[str], k: int) -> bool:
    if k < len(tokens) and tokens[k] in ("left", "right"):
        k += 1
    return k < len(tokens) and tokens[k] in ("wall", "walls", "corner", "corners")


def _its_parts(tokens: list[str]) -> list[str]:
    """`a fountain at its center`: the center of the thing named before (`of it`)."""
    out: list[str] = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        part = k + 1
        while part < len(tokens) and tokens[part] in v.DIRECTIONS:
            part += 1  # `its northwest corner`
        if token in ("its", "their") and part < len(tokens) and tokens[part] in _PARTS:
            out.extend(["the", *tokens[k + 1 : part + 1], "of", "it"])
            k = part + 1
            continue
        out.append(token)
        k += 1
    return out


_PARTS = frozenset(["center", "centre", "middle", "corner", "corners"])


def _rows_said_after(tokens: list[str]) -> list[str]:
    """`12 stasis pods, two rows of six`: how the things just named stand, as `in` would say
    (not `, two rows of benches`, which names things)."""
    out: list[str] = []
    for k, token in enumerate(tokens):
        told = k > 0 and tokens[k - 1] in (",", ":", ";", "-") and _counts(token)
        rows = tokens[k + 1 : k + 4]
        shaped = len(rows) == 3 and rows[0] in _LINE_WORDS and rows[1] == "of"
        if told and shaped and _counts(rows[2]) and not _names_a_thing(tokens, k + 4):
            out.append("in")
        out.append(token)
    return out


def _counts(word: str) -> bool:
    return word.isdigit() or word in v.NUMBER_WORDS


def _names_a_thing(tokens: list[str], k: int) -> bool:
    """Whether the words at `k` name things (`5 apple trees`, `six pews`)."""
    if k >= len(tokens) or not tokens[k].isalpha():
        return False
    return lexicon.match_noun(tokens, k) is not None or lexical.is_noun(tokens[k])


def _counted_lines(tokens: list[str]) -> list[str]:
    """`in 4 rows` reads as `in four rows`, so the arrangement phrases match it."""
    words = dict(zip("2 3 4 5 6 7 8 9 10".split(), _NUMBERS, strict=True))
    return [
        words.get(token, token)
        if k + 1 < len(tokens) and tokens[k + 1] in _LINE_WORDS and k > 0 and tokens[k - 1] == "in"
        else token
        for k, token in enumerate(tokens)
    ]


_LINE_WORDS = frozenset(["rows", "lines", "columns", "ranks"])
_EVERYWHERE = 6  # how many things `everywhere` stands for
_NUMBERS = "two three four five six seven eight nine ten".split()


class _Parser:
    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.i = 0
        self.subject_start = 0  # where the phrase naming the subject began
        self.subject_end = 0  # and where it ended
        self.partners: list[object] = []  # `a surgeon and two nurses` before a relation
        self.listed: list[object] = []  # `a saloon, a bank` before `and` ends the list
        self.state = ParseState()

    def run(self) -> SceneRequest:
        self.i = read_opening(self.state, self.tokens)
        while self.i < len(self.tokens):
            before = self.i
            self._step()
            if self.i <= before:  # every step consumes at least one token
                self.i = before + 1
        return finish_request(self.state)

    def _thing_within(self, phrase: NounPhrase) -> tuple[str, str] | None:
        """The thing a place word names inside the place it names (`tombs` in a crypt, an
        `underground lake` in a cave), or None when it is the place spoken of again."""
        last = self.tokens[phrase.end - 1]
        if self.i == 0:
            return None
        if last in _TOMBS_INSIDE:
            return "tomb", "tomb"
        noun = lexicon.match_noun(self.tokens, phrase.end - 1)
        style = lexicon.SCENE_BY_NAME[self.state.scene or ""]
        words = [t for t in self.tokens[self.i : phrase.end] if t.isalpha() and t not in _ARTICLES]
        small = noun is not None and lexicon.kind_spec(noun.kind).layer in ("object", "actor")
        if style.indoor and len(words) > 1 and not small:
            return "room", " ".join(words)  # `a space station with a hydroponics bay`: a room
        if noun is None or noun.kind == style.ground or lexicon.kind_spec(noun.kind).edge:
            return None
        return noun.kind, noun.word

    def _share_follows(self, j: int) -> bool:
        """A bare count (`two` in `houses, two north of the river`) right before a relation."""
        i = self.i
        return (
            isinstance(self.state.subject, Group)
            and i > 0
            and self.tokens[i - 1] in _SHARE_OPENERS
            and lexicon.match_relation(self.tokens, j) is not None
        )

    def _share_of_subject(self, predicate: str) -> Group | None:
        """`eight beds, four against the north wall and four against the south wall`: a bare
        count before a relation takes the next things of those named, not all of them."""
        tokens, state, i = self.tokens, self.state, self.i
        subject = state.subject
        if not isinstance(subject, Group) or i < 2 or i - 1 < self.subject_end:
            return None
        count = lexicon.match_count(tokens, i - 1)
        if count is None or count[1] != i or tokens[i - 2] not in _SHARE_OPENERS:
            return None
        share, whole = count[0], len(subject.ids)
        if predicate == "~both_sides" and 2 * share == whole:
            return None  # `six cells, three along both sides`: how the six split
        taken = state.shares.get(subject.ids[0], 0)
        if tokens[i - 1] == "one" and share == 1 and (taken + share > whole or whole == 1):
            return self._one_more(subject)
        if not 0 < share < whole or taken + share > whole:
            return None
        state.shares[subject.ids[0]] = taken + share
        ids = subject.ids[taken : taken + share]
        return Group(subject.kind, ids, subject.size, share > 1, word=subject.word)

    def _one_more(self, subject: Group) -> Group | None:
        """`one base in the top left and one in the bottom right`: a second base, once the
        ones named are all placed by what was said of them."""
        state = self.state
        stated = {r.subject for r in state.relations}
        if not all(thing_id in stated for thing_id in subject.ids):
            return None
        state.grow(subject, len(subject.ids) + 1)
        state.shares[subject.ids[0]] = len(subject.ids)
        subject.counted = True
        return Group(subject.kind, subject.ids[-1:], subject.size, False, word=subject.word)

    def _neighbour_just_named(self) -> Group | None:
        """`a shop facing a wide street with three parked cars`, `skyscrapers around a plaza
        with a statue`: the street or the open ground just named as a building's neighbour
        has what it is with (a building holds no street's things). Not the ground a building
        stands on (`a castle on a hill with a moat`: the castle's moat)."""
        state, subject = self.state, self.state.subject
        if not state.relations or not isinstance(subject, Group) or self.i == 0:
            return None
        last = state.relations[-1]
        building = lexicon.kind_spec(subject.kind)
        if last.subject not in subject.ids or not last.objects or building.container != "walled":
            return None
        target = next((g for g in state.groups if last.objects[0] in g.ids), None)
        ground = lexicon.kind_spec(target.kind) if target is not None else None
        if target is None or ground is None:
            return None
        open_ground = ground.shape == "area" and ground.walkable and not ground.water
        if ground.shape != "path" and not (open_ground and target.kind not in _STOOD_ON):
            return None
        before = self.tokens[self.i - 1]
        return (
            target if target.word.split()[-1:] in ([before], [lexical.singular(before)]) else None
        )

    # --- one step of the main loop ---------------------------------------------------
    def _step(self) -> None:
        tokens, state = self.tokens, self.state
        word = tokens[self.i]
        if word in _DOINGS and self.partners:
            # `6 round tables and a bard playing on a stage`: what is doing something is
            # alive; the tables named with the bard are not on the stage
            self.partners = [g for g in self.partners if _alive(g)]
        if word in ("(", ",", ";") and self._count_aside():
            return
        if self._some_of_them_are():
            return
        if word in _CLAUSE_BREAKS:
            self.partners = []
            listing = state.with_owner if word == "," and self._with_list_goes_on() else None
            state.with_owner, state.fronted = listing, []  # `a pen with goats, sheep and a trough`
            state.stale = True
            self.i += 1
            return
        if word == "to" and self._leads_elsewhere():
            return
        if word in _SWIMMING and _alive(state.subject) and isinstance(state.subject, Group):
            state.swimming.extend(state.subject.ids)  # `some people swimming`: in the water
        if word.endswith("ing") and word not in _DOINGS and self._what_they_do():
            self.i += 1  # `sailors loading sacks`: the sacks, not loading sacks
            return
        if word == "full" and tokens[self.i + 1 : self.i + 2] == ["of"]:
            if isinstance(state.subject, Group):
                state.with_owner = state.subject  # `a cave full of chests`: in the cave
                state.with_listed, state.each_with = True, False  # (to the next `and`)
            self.i += 2
            return
        if word in _HOLDING and isinstance(state.subject, Group) and not _alive(state.subject):
            word = "with"  # `a glass case holding a diamond`: the case with the diamond in it
        if word == "with" and isinstance(state.subject, Group):
            state.with_owner = self._neighbour_just_named() or state.subject
            state.with_listed = self.subject_start > 0 and tokens[self.subject_start - 1] == ","
            state.each_with = self.i > 0 and tokens[self.i - 1] == "each"
            state.each_with = state.each_with or tokens[self.subject_start] == "each"
            self.i += 1
            return
        if word == "and" and state.with_listed and state.with_owner is not None:
            # `a fair with a wheel, a carousel, a petting zoo with goats and a row of booths`:
            # the last item is the fair's, as the list it ends
            state.with_owner, state.with_listed = None, False
        if word in _NEGATIONS:
            self.i = self._negation(self.i + 1, word)
            return
        if word in _SUBMERGED and lexicon.match_noun(tokens, self.i) is None:
            self._submerged()  # (`sunken ship` names a wreck)
            return
        course_end = read_course(state, tokens, self.i)
        if course_end is not None:
            self.i = course_end
            return
        walls_end = read_two_walls(state, tokens, self.i)
        if walls_end is not None:
            self.i = walls_end
            return
        if word == "everywhere" and isinstance(state.subject, Group) and not state.stale:
            state.grow(state.subject, _EVERYWHERE)  # `rubble everywhere`
            self.i += 1
            return
        if word in v.DIRECTIONS and self._bare_direction():
            return
        if word in _HEADING_VERBS and self._heading():
            return
        if word == "from" and self._from_an_edge():
            return
        if word in ("at", "by", "on") and self._at_the_waters_edge():
            return
        if word in _DOES_TO and self._verb_of_the_subject():
            tokens[self.i] = _DOES_TO[word]  # `the dragon guards its treasure`: guarding it
        match = lexicon.match_relation(tokens, self.i)
        if match is not None and self._one_by_each(match):
            return
        if match is not None and match.predicate == "~rows" and self._side_by_side(match):
            return
        if match is not None:
            before, partners = len(state.relations), self._partners()
            if partners and self.listed and self._after_with():
                partners = []  # `a harbor with two piers, five boats and a lighthouse on the
                # east side`: the last item of what the owner has is put there, not the list
            whole = state.subject
            share = None if "each" in match.pattern else self._share_of_subject(match.predicate)
            if share is not None:  # (`one on each side`: per side, of all of them)
                state.subject, state.stale = share, False  # the count said whose it is
            state.opens_sentence = self.i == 0 or tokens[self.i - 1] in _SENTENCE_ENDS
            self.i = read_relation(state, tokens, self.i, match)
            state.opens_sentence = False
            _said_of_the_owner_too(state, before)
            listed_too = self._listed_with(partners, before) if partners else []
            self.listed = []
            if state.subject is not whole and isinstance(whole, Group):
                state.subject = whole  # the next share is of the whole again
            if partners and not match.predicate.startswith("~"):  # (not arrangements)
                _share(state, state.relations[before:], partners, match.direction is not None)
                if listed_too and match.direction is not None:
                    # `saloon, sheriff's office, general store and bank on the north side`:
                    # a side named after a list of things no `with` holds is said of them all
                    _share(state, state.relations[before:], listed_too, True)
            self.partners = []
            return
        count = lexicon.match_count(tokens, self.i)
        if count is not None and count[1] == self.i + 1 and self._share_follows(count[1]):
            self.i = count[1]  # `beds, four against the north wall`: the relation takes four
            return
        owner = self._describing_an_owner()
        if owner is not None:
            self.i = owner  # `the kobold chief's room`: whose room, not a kobold to draw
            return
        listed = self.i > 0 and tokens[self.i - 1] in ("and", ",")
        phrase = noun_phrase(tokens, self.i, listed)
        full_of = tokens[max(0, self.i - 2) : self.i] == ["full", "of"]
        if full_of and phrase is not None and phrase.plural and phrase.count is None:
            phrase.count = v.COUNT_PHRASES["lots of"]  # `a junkyard full of rusted cars`
        restated = self._restated(phrase)
        if restated is not None:
            # `haunted manor: a huge house with ...`: the house is the manor, said again
            if phrase is not None and phrase.size is not None:
                state.resize(restated, phrase.size)
            state.subject, state.stale = restated, False
            self.subject_start, self.subject_end = self.i, phrase.end if phrase else self.i
            self.i = phrase.end if phrase is not None else self.i + 1
            return
        if phrase is not None and self._headed_by_a_plain_noun(phrase):
            return
        if phrase is not None and phrase.kind is not None:
            if phrase.scene is not None and state.scene is None and self.i == 0:
                state.scene = phrase.scene  # `a desert oasis`: a desert's oasis
            previous = state.subject
            group = name_subject(state, phrase)
            if group is not None:
                creature_at_home(state, group.word)
                joined = self._joined(previous, phrase.end)
                state.subject = group
                state.stale = False
                apply_pending(state, group, joined)
            self.i = phrase.end
            return
        if phrase is not None and phrase.scene is not None and self._building_named(phrase):
            self.i = phrase.end
            return
        if phrase is not None and phrase.scene is not None and state.scene is None:
            setting = setting_after(tokens, phrase.end, phrase.scene)
            if setting is not None and not state.groups:
                # `a caravan camp in the desert`: the desert, with the camp in it
                self.i = place_in_setting(
                    state, tokens, phrase.scene, (self.i, phrase.end), setting
                )
                return
        if phrase is not None and phrase.scene is not None:
            head = state.groups[0] if state.groups else None
            on_an_island = head is not None and head.kind == "island" and "lake" not in tokens
            if state.scene is None and on_an_island and phrase.scene in _ON_AN_ISLAND:
                state.scene = "island"  # `volcanic island: ... a fishing village on the coast`
            if state.scene is not None and phrase.scene != state.scene:
                previous = state.subject
                group = state.place_within(phrase.scene, tokens[self.i : phrase.end])
                if group is not None:
                    self._joined(previous, phrase.end, building=True)
                    state.subject, state.stale = group, False
                    apply_pending(state, group)
            elif phrase.scene == state.scene and (inner := self._thing_within(phrase)):
                # `a crypt with three tombs`: the tombs are in it, each a coffin; `a cave with
                # an underground lake`: a lake in the cave, not the cave again
                kind, word = inner
                many = phrase.count or (2 if tokens[phrase.end - 1].endswith("s") else 1)
                size = phrase.size or "medium"
                group = state.new_group(kind, many, size, many > 1, word)
                if group is not None:
                    state.subject, state.stale = group, False
                    apply_pending(state, group)
                    if phrase.arrangement is not None:  # `two rows of 5 tombs`
                        relate(
                            state, group, phrase.arrangement, phrase.rows, None, [SCENE], ("of",)
                        )
            elif phrase.scene == state.scene:
                state.subject = SCENE  # `a mountain village with ...`: the village is spoken of
            if phrase.dwellers is not None and state.scene is None and not state.groups:
                dwellers = phrase.dwellers
                state.inhabitants.append((dwellers.kind, dwellers.word, _DWELLERS))
            if phrase.goods is not None and state.scene is None:
                goods = phrase.goods  # `a bike repair shop`: bikes in it
                state.new_group(goods.kind, GOODS, "medium", True, goods.word)
            state.scene = state.scene or phrase.scene
            self.i = phrase.end
            return
        if phrase is not None and phrase.end > self.i:
            last = tokens[phrase.end - 1]
            if self._english_noun_drawn(phrase):
                return
            plural_noun = lexical.singular(last) is not None and not lexical.mostly_not_a_noun(last)
            if plural_noun and not _names_a_thing_later(tokens, phrase.end):
                # `shelves full of potions`: a noun WordNet knows but files as no thing
                state.warn(f"'{last}' names nothing that can be drawn; left out")
                state.undrawable.setdefault(last, None)
            self.i = phrase.end
            return
        if word in PRONOUNS or word in v.FILLER_WORDS or word in v.DIRECTIONS:
            self.i += 1
            return
        if word == POSSESSIVE or word in QUIET_WORDS or word in READER_WORDS:
            self.i += 1
            return
        if word in v.DECORATIVE_WORDS or word in v.SIZES:
            self.i += 1
            return
        if word.isdigit() or lexicon.match_ordinal(tokens, self.i) is not None:
            self.i += 1
            return
        if (lexical.is_english_word(word) and not word.isdigit()) or is_compound_adjective(word):
            if (
                _NOUN_SLOT_OPENERS & {tokens[self.i - 1] if self.i else ""}
                and (lexical.is_noun(word) or not lexical.mostly_not_a_noun(word))
                and self._unknown_noun_drawn(word, strict=True)
            ):
                return
            self.i += 1  # an English word with no part here (`circled`): read, and passed by
            return
        state.unknown_word(word)
        if self.i > 0 and (tokens[self.i - 1] in _DETERMINERS or tokens[self.i - 1].isdigit()):
            if self._unknown_noun_drawn(word):
                return
            # `a bard on the stage`: what follows is about the bard, not the thing before
            state.subject, state.unknown_subject, state.stale = UNKNOWN_THING, word, False
        elif self._listed_unknown(word) and self._unknown_noun_drawn(word):
            return
        self.i += 1

    def _listed_unknown(self, word: str) -> bool:
        """`..., bombsite in the NE, ...`: a word no list knows opening an item of a list, then
        said where it is, is a thing too (not chat: `lol`, `pls`)."""
        i, tokens = self.i, self.tokens
        opens = i == 0 or tokens[i - 1] in _CLAUSE_BREAKS or tokens[i - 1] == "and"
        placed = lexicon.match_relation(tokens, i + 1) is not None
        listed = tokens[i + 1 : i + 2] in (["and"], [","]) and (
            lexicon.match_count(tokens, i + 2) is not None  # `halfpipe and 3 ramps`
            or lexicon.match_noun(tokens, i + 2) is not None
        )
        return opens and (placed or listed) and word not in _CHAT and len(word) > _SHORTEST_NAME

    def _english_noun_drawn(self, phrase: NounPhrase) -> bool:
        """`the kraken attacks`, `huge tentacles rising out of the water`, `3 boarding planks
        between them`: an English noun no table draws, named with an article or a count and
        then doing something or standing somewhere, is a thing of that name."""
        tokens, start, end = self.tokens, self.i, phrase.end
        if end - start > 1 and _acting(tokens[end - 1]) and tokens[end - 2].isalpha():
            end -= 1  # `a kraken attacking a ship`: the kraken, then what it does
        last = tokens[end - 1]
        opened = tokens[start] in _NOUN_SLOT_OPENERS or phrase.count is not None
        if not opened and not (phrase.size is not None or phrase.marks):
            return False
        if not last.isalpha() or lexical.noun_sense(last) is not None or is_reserved(last):
            return False
        after = tokens[end] if end < len(tokens) else "."
        if not lexical.is_noun(last) and not lexical.singular(last) and not _acting(after):
            return False  # `the same`: no noun, unless it acts (`the kraken attacks`)
        if lexical.mostly_not_a_noun(last):
            return False
        if not _acting(after) and _names_a_thing_later(tokens, end):
            return False
        described = [w for w in tokens[start : end - 1] if w.isalpha() and lexical.is_noun(w)]
        label = " ".join([*described[-1:], last])
        size = phrase.size or "medium"
        return self._unnamed_drawn(label, end, phrase.count, strict=True, size=size)

    def _headed_by_a_plain_noun(self, phrase: NounPhrase) -> bool:
        """`3 boarding planks between them`: a noun no table draws, right after a phrase, is
        the head of the compound (planks, not boarding), drawn when it then stands
        somewhere or acts."""
        tokens, end = self.tokens, phrase.end
        if phrase.kind is None or phrase.scene is not None or end >= len(tokens):
            return False
        head = tokens[end]
        if not head.isalpha() or is_reserved(head) or lexicon.match_noun(tokens, end):
            return False
        if lexical.noun_sense(head) is not None or lexical.mostly_not_a_noun(head):
            return False
        done = head.endswith(("ing", "ed")) or head in _PAST_FORMS
        if not lexical.is_noun(head) or _acting(head) or done:
            return False  # `20 goblins coming at them`, `hobbit holes dug into the hill`
        label = f"{tokens[end - 1]} {head}"
        size = phrase.size or "medium"
        return self._unnamed_drawn(label, end + 1, phrase.count, strict=True, size=size)

    def _unknown_noun_drawn(self, word: str, strict: bool = False) -> bool:
        """`5 sahuagin coming out of the surf`, `the bbq`, `a zamboni parked in the corner`: a
        word no list knows, in a noun's place (after a count or an article, before a clause
        ends or says where), is a thing of that name. What it is nobody can say, so it is
        drawn as a plain thing, or a creature when it acts like one."""
        tokens, i = self.tokens, self.i
        if spelling.suggestions(word):
            after = tokens[i + 1] if i + 1 < len(tokens) else "."
            if not lexical.is_english_word(word) or not _acting(after):
                return False  # `a houzze`: a typo of a known word (`a kraken attacking`: no)
        counted = next(
            (
                found
                for k in (i - 1, i - 2)
                if (found := lexicon.match_count(tokens, k)) and found[1] == i
            ),
            None,
        )
        return self._unnamed_drawn(word, i + 1, counted[0] if counted else None, strict)

    def _unnamed_drawn(
        self, label: str, end: int, count: int | None, strict: bool, size: Size = "medium"
    ) -> bool:
        """Draw tokens[..end] (`label`) as a plain thing or creature when what follows says
        it is a noun: a verb it does, where it is, or (unless `strict`) the clause's end."""
        state, tokens = self.state, self.tokens
        after = tokens[end] if end < len(tokens) else "."
        acting = _acting(after)
        says_where = lexicon.match_relation(tokens, end) is not None
        head = label.rsplit(" ", 1)[-1]
        plural = head.endswith("s") and not head.endswith("ss")
        if strict and not (acting or (says_where and (plural or count is not None))):
            return False  # an English word: a noun only where nothing else can follow
        if not (
            strict
            or after in _CLAUSE_BREAKS
            or after in ("and", "with", POSSESSIVE)
            or acting
            or says_where
            or (after.endswith("ed") and lexical.is_english_word(after))
        ):
            return False
        many = count if count is not None else v.BARE_PLURAL_COUNT if plural else 1
        kind = _UNKNOWN_CREATURE if acting else _UNKNOWN_THING
        word = " ".join([*label.split()[:-1], lexical.singular(head) or head])
        group = state.new_group(kind, many, size, many > 1, word)
        if group is None:
            return False
        state.subject, state.stale = group, False
        self.subject_start, self.subject_end = self.i, end
        apply_pending(state, group)
        self.i = end
        return True

    def _bare_direction(self) -> bool:
        """`ferris wheel north, carousel in the center`: a compass word right after the thing
        it places, ending the clause, puts it in that part of the place."""
        state, tokens, i = self.state, self.tokens, self.i
        found = lexicon.match_direction(tokens, i)
        if found is None or not isinstance(state.subject, Group) or state.stale or i == 0:
            return False
        compass, relative, end = found
        corner = tokens[end : end + 1] == ["corner"] and compass not in CARDINALS
        if corner or tokens[end : end + 1] in (["side"], ["end"], ["edge"], ["part"]):
            end += 1  # `pond bottom left corner`, `barn east side`
        after = tokens[end] if end < len(tokens) else "."
        if relative is not None or not tokens[i - 1].isalpha() or tokens[i - 1] in _NOT_A_NAME:
            return False
        if after not in _CLAUSE_BREAKS and after not in ("and", ";"):
            return False
        if lexicon.match_noun(tokens, i - 1) is None and not lexical.is_noun(tokens[i - 1]):
            return False
        for thing_id in state.subject.ids:
            if corner:
                state.add(thing_id, "in_corner", (), compass)
            else:
                state.add(thing_id, "in_region", (), compass)
        self.i = end
        return True

    def _describing_an_owner(self) -> int | None:
        """Where the owner's own name starts when a noun only describes him (`the kobold
        chief's room`: the chief's), else None."""
        tokens, j = self.tokens, self.i
        while j < len(tokens) and tokens[j] in _ARTICLES:
            j += 1
        if tokens[j + 2 : j + 3] != [POSSESSIVE]:
            return None
        found = lexicon.match_noun(tokens, j)
        if found is None or found.end != j + 1 or not tokens[j + 1].isalpha():
            return None
        return j + 1

    def _count_aside(self) -> bool:
        """`candles around it (like 6 or so)`, `and kobolds, maybe 8?`: how many of the things
        just named, said aside."""
        subject, tokens = self.state.subject, self.tokens
        ends = (")",) if tokens[self.i] == "(" else ("?", ".", ";", "!", ")", ",")
        close = next(
            (k for k in range(self.i + 1, min(self.i + 7, len(tokens))) if tokens[k] in ends), None
        )
        if not isinstance(subject, Group) or close is None:
            return False
        hedged = tokens[self.i + 1] in _HEDGES
        if tokens[self.i] == "," and not hedged:
            return False  # `kobolds, maybe 8?` (not `houses, 3 of them red`)
        aside = [t for t in tokens[self.i + 1 : close] if t not in _HEDGES]
        per_row = aside[1:] in (["per", "row"], ["in", "each", "row"], ["a", "row"], ["each"])
        rows = next(
            (
                int(r.argument)
                for r in self.state.relations
                if r.subject == subject.ids[0]
                and r.predicate == "in_rows"
                and r.argument is not None
                and r.argument.isdigit()
            ),
            None,
        )
        if per_row and rows is not None:
            found = lexicon.match_count(aside, 0)
            if found is not None and found[0] > 0:
                had = list(subject.ids)
                self.state.recount(subject, found[0] * rows)  # `3 rows of huts (5 per row)`
                _said_of_the_new_too(self.state, subject, had)
                subject.counted = True
                self.i = close + 1
                return True
        said = set(tokens[self.subject_start : self.subject_start + 3])
        if subject.counted and not (hedged and said & _VAGUE_COUNTS):
            return False  # (`a few burnt out cars, maybe 5 or 6`: a few, then how many)
        inside = [t for t in tokens[self.i + 1 : close] if t not in _HEDGES]
        if inside[1:] in (["of", "them"], ["of", "em"], ["of", "those"], ["in", "all"]):
            inside = inside[:1]  # `food stalls - ten of em -`
        elif len(inside) == 2 and lexicon.match_count(inside, 1) is not None:
            inside = inside[:1]  # `maybe 5 or 6`: the first (`or` is a hedge)
        count = lexicon.match_count(inside, 0) if len(inside) == 1 else None
        if count is None or count[0] < 1:
            return False
        self.state.recount(subject, count[0])
        subject.counted = True
        self.i = close + 1
        return True

    def _what_they_do(self) -> bool:
        """Whether the word right after living things just named says what they are doing."""
        subject, i = self.state.subject, self.i
        if not _alive(subject) or i == 0 or lexicon.match_noun(self.tokens, i) is not None:
            return False
        if lexicon.match_relation(self.tokens, i) is not None or self.tokens[i] in READER_WORDS:
            return False  # `two armies facing each other`: a relation, read as one
        before = lexicon.match_noun(self.tokens, i - 1)
        return before is not None and before.end == i and isinstance(subject, Group)

    def _leads_elsewhere(self) -> bool:
        """`a hatch to the hold`, `a door to the cellar`: where a way through leads, when it is
        no thing of this place (a thing named before, or one it has, is still drawn)."""
        state, tokens, j = self.state, self.tokens, self.i + 1
        subject = state.subject
        if not isinstance(subject, Group) or subject.kind not in _WAYS_THROUGH:
            return False
        if tokens[j : j + 1] not in (["the"], ["a"], ["an"]):
            return False
        phrase = noun_phrase(tokens, j)
        if phrase is None or (phrase.kind is None and phrase.scene is None):
            return False
        if phrase.kind is not None and (
            lexicon.kind_spec(phrase.kind).family != "generic" or state.groups_of(phrase.kind)
        ):
            return False
        self.i = phrase.end
        return True

    def _at_the_waters_edge(self) -> bool:
        """`deer drinking at the edge`, `at the water's edge`: by the water named before (not
        along the map's edges)."""
        tokens, state, i = self.tokens, self.state, self.i
        said = next((len(e) for e in _WATERS_EDGE if tuple(tokens[i + 1 : i + 1 + len(e)]) == e), 0)
        if not said or tokens[i + 1 + said : i + 2 + said] == ["of"]:
            return False
        waters = [g for g in state.groups if lexicon.kind_spec(g.kind).water]
        if not waters or not isinstance(state.subject, Group) or state.subject in waters:
            return False
        banks = tokens[i + 2] in ("bank", "banks")
        if banks and any(lexicon.kind_spec(w.kind).shape == "path" for w in waters):
            return False  # (`a mill on the bank` of a river: along it, read apart)
        for thing_id in state.subject.ids:
            state.add(thing_id, "near", tuple(waters[-1].ids[:1]), None)
        self.i = i + 1 + said
        return True

    def _heading(self) -> bool:
        """`a river flows south from the pool`: the way runs on to that edge of the map."""
        tokens, state, i = self.tokens, self.state, self.i
        subject = state.subject
        found = lexicon.match_direction(tokens, i + 1)
        if found is None or found[1] is not None or found[0] not in CARDINALS:
            return False
        if not isinstance(subject, Group) or lexicon.kind_spec(subject.kind).shape != "path":
            return False
        after = tokens[found[2]] if found[2] < len(tokens) else "."
        if after not in _CLAUSE_BREAKS and after not in ("from", "out", "off", "and"):
            return False  # (`runs south of the wall`: where it is, not where it goes)
        clause = tokens[
            found[2] : next(
                (k for k in range(found[2], len(tokens)) if tokens[k] in _CLAUSE_BREAKS),
                len(tokens),
            )
        ]
        if {"to", "toward", "towards", "into", "until"} & set(clause):
            return False  # `leading south from the gate to a bridge`: it ends at the bridge
        for thing_id in subject.ids:
            state.add(thing_id, "runs", (), found[0])
        mine = set(subject.ids)
        state.relations = [  # `a trail from the tents leading east`: from one of them
            msgspec.structs.replace(r, objects=r.objects[:1])
            if r.subject in mine and r.predicate == "connected_to"
            else r
            for r in state.relations
        ]
        self.i = found[2]
        return True

    def _after_with(self) -> bool:
        """Whether the list the subject ends is what something named `with` has."""
        for k in range(self.subject_start - 1, -1, -1):
            if self.tokens[k] in (".", ";", ":", "!", "?"):
                return False
            if self.tokens[k] == "with":
                return True
        return False

    def _with_list_goes_on(self) -> bool:
        """Whether the comma at `i` goes on listing what the owner named with `with` has: a
        few plain names, then `and` the last (`a clearing with a campfire, three tents and a
        wagon`), with nothing placed among them."""
        tokens, state = self.tokens, self.state
        if state.with_owner is None or not isinstance(state.subject, Group):
            return False
        if state.subject.owner is not state.with_owner:
            return False
        for k in range(self.i + 1, min(self.i + _LIST_ITEM_REACH, len(tokens))):
            if tokens[k] == "and":
                return k > self.i + 1
            if tokens[k] in _CLAUSE_BREAKS and tokens[k] != ",":
                return False
            if lexicon.match_relation(tokens, k) is not None:
                return False
        return False

    def _from_an_edge(self) -> bool:
        """`a stream coming down from the north edge into a tarn`: a way starts at that edge
        of the map; `a waterfall feeding it from the north`: a thing stands on that side."""
        tokens, state, i = self.tokens, self.state, self.i
        subject = state.subject
        k = i + 1 + (tokens[i + 1 : i + 2] == ["the"])
        found = lexicon.match_direction(tokens, k)
        if found is None or found[1] is not None or found[0] not in CARDINALS:
            return False
        end = found[2] + (tokens[found[2] : found[2] + 1] in (["edge"], ["side"], ["end"]))
        after = tokens[end] if end < len(tokens) else "."
        onward = end + 1 + (tokens[end + 1 : end + 2] in (["the"], ["a"], ["an"]))
        if after == "to" and lexicon.match_direction(tokens, onward) is None:
            return self._from_an_edge_to_a_thing(found[0], end)
        if after in ("to", "toward", "towards", "of", "wall", "corner"):
            return False  # (`from the north edge to the south edge`: a course, read apart)
        if lexicon.match_noun(tokens, end) is not None or lexicon.match_scene(tokens, end):
            return False  # (`from the west gate to the chapel`: from that gate)
        if not isinstance(subject, Group) or state.stale:
            return False
        path = lexicon.kind_spec(subject.kind).shape == "path"
        for thing_id in subject.ids:
            state.add(thing_id, "runs" if path else "in_region", (), found[0])
        self.i = end
        return True

    def _from_an_edge_to_a_thing(self, side: str, end: int) -> bool:
        """`a rickety boardwalk from the west edge to the hut`: a way from that edge of the
        map to the thing."""
        state, subject = self.state, self.state.subject
        if not isinstance(subject, Group) or state.stale:
            return False
        if lexicon.kind_spec(subject.kind).shape != "path":
            return False
        for thing_id in subject.ids:
            state.add(thing_id, "runs", (), side)
        onward = lexicon.RelationMatch("connected_to", None, None, end + 1, ("leading", "to"))
        self.i = read_relation(state, self.tokens, end, onward)
        return True

    def _verb_of_the_subject(self) -> bool:
        """`a wagon blocks the road`: right after the one thing just named, before an article,
        a word that is also a plural noun is what the thing does."""
        tokens, i, subject = self.tokens, self.i, self.state.subject
        if i == 0 or not isinstance(subject, Group) or self.state.stale:
            return False
        after = tokens[i + 1 : i + 2]
        return self.subject_end == i and after in (["the"], ["a"], ["an"], ["its"], ["their"])

    def _one_by_each(self, match: lexicon.RelationMatch) -> bool:
        """`4 customs booths in a row, a scanner arch in front of each`: one by each of the
        things named before, not one by the first."""
        tokens, state = self.tokens, self.state
        end = match.end
        said = tokens[end : end + 1] == ["each"] and (
            end + 1 >= len(tokens)
            or tokens[end + 1] in _CLAUSE_BREAKS
            or tokens[end + 1 : end + 3] == ["of", "them"]
            or tokens[end + 1] in ("and", "one")
        )
        subject = state.subject
        if not said or not isinstance(subject, Group) or match.predicate not in _BY_EACH:
            return False
        earlier = [g for g in state.groups if g is not subject and len(g.ids) > 1]
        per = len(subject.ids) if subject.counted else 1  # `4 chairs at each`: four by each
        if not earlier or (per != len(subject.ids)):
            return False
        each = earlier[-1]
        state.grow(subject, per * len(each.ids))
        if per == 1 and match.predicate in ("inside", "on") and match.pattern[0] in ON_WORDS:
            arrange(state, subject, "on", [tuple(each.ids)], match.pattern)  # `a candle on each`
        else:
            for k, thing_id in enumerate(subject.ids):
                state.add(thing_id, match.predicate, (each.ids[k // per],), None)
        self.i = end + (3 if tokens[end + 1 : end + 3] == ["of", "them"] else 1)
        return True

    def _some_of_them_are(self) -> bool:
        """`five chests (one of them is a mimic!)`, `20 guests, and 3 of them are assassins`:
        that many of the things just named are the other thing, not more things."""
        tokens, state, i = self.tokens, self.state, self.i
        counted = lexicon.match_count(tokens, i)
        if counted is None or tokens[counted[1] : counted[1] + 2] != ["of", "them"]:
            return False
        k = counted[1] + 2
        if tokens[k : k + 1] not in (["is"], ["are"], ["was"], ["were"]):
            return False
        k += 1 + (tokens[k + 1 : k + 2] in (["a"], ["an"]))
        named = [g for g in state.groups if len(g.ids) > counted[0]]
        if not named or k >= len(tokens) or not tokens[k].isalpha():
            return False
        phrase = noun_phrase(tokens, k)
        word = phrase.word if phrase is not None and phrase.word else tokens[k]
        end = phrase.end if phrase is not None and phrase.kind is not None else k + 1
        others = set(named[-1].ids[: counted[0]])
        state.things = [
            msgspec.structs.replace(t, word=lexical.singular(word) or word) if t.id in others else t
            for t in state.things
        ]
        self.i = end
        return True

    def _restated(self, phrase: NounPhrase | None) -> Group | None:
        """The one thing a prompt opens with, named again right after its colon (`a camel
        caravan in the desert: three camels`: the caravan's camel is one of the three; a
        gathering's creatures counted anywhere after it are the ones it has)."""
        state, i = self.state, self.i
        if phrase is None or phrase.kind is None or i < 2:
            return None
        opened = i - 1 if self.tokens[i - 1] == ":" else i - 2
        head = state.groups[0] if state.groups else None
        gathered = bool(_GATHERINGS & set(self.tokens[:i]))  # a caravan, not a house
        again = head is not None and head.kind == phrase.kind and len(head.ids) == 1
        count = phrase.count or 0
        opening = len(state.groups) == 1 and self.tokens[i - 1] == ":"
        if head is not None and head.word.split()[-1:] == phrase.word.split()[-1:]:
            opening = False  # `a house: two houses`: the count is of others
        if (gathered or opening) and again and count > 1 and phrase.plural:
            # (`gryphon aerie: 3 nests`: the aerie is one of its nests)
            # (`goblin ambush on a forest road. 6 goblins hide ...`: the ambush's goblins)
            assert head is not None
            state.grow(head, count)
            others = set(head.ids[1:])  # each of the others by the name said now
            state.things = [
                msgspec.structs.replace(t, word=phrase.word) if t.id in others else t
                for t in state.things
            ]
            return head
        if phrase.count not in (None, 1):
            return None
        if phrase.central:
            return None  # `goblin cave: a big central cavern`: a chamber in the middle of it
        opened = i - 1 if self.tokens[i - 1] == ":" else i - 2
        if self.tokens[opened] != ":" or len(state.groups) != 1:
            return None
        group = state.groups[0]
        if group.kind != phrase.kind or len(group.ids) != 1 or phrase.plural:
            return None
        return group

    def _submerged(self) -> None:
        """`a statue half underwater`: in the water named before (none named: said nothing of)."""
        state = self.state
        waters = [g for g in state.groups if lexicon.kind_spec(g.kind).water]
        if isinstance(state.subject, Group) and waters and state.subject not in waters:
            for thing_id in state.subject.ids:
                state.add(thing_id, "near", tuple(waters[0].ids[:1]), None)
        self.i += 1

    def _side_by_side(self, match: lexicon.RelationMatch) -> bool:
        """`washer and dryer side by side against the east wall`: the two in one row (and
        what follows is said of both)."""
        subject, partners = self.state.subject, self._partners()
        if not isinstance(subject, Group) or len(subject.ids) != 1 or not partners:
            return False
        others = tuple(thing_id for group in partners for thing_id in group.ids)
        self.state.add(subject.ids[0], "in_rows", others, "1")  # (the partners stay free)
        self.i = match.end
        return True

    def _joined(self, previous: object, end: int, building: bool = False) -> bool:
        """A new subject named from i to `end`: whether `and` joined it to the one before (`a
        surgeon and two nurses`, not `two boats, and a cabin`); a comma lists them."""
        tokens, i = self.tokens, self.i
        joined = i > 0 and tokens[i - 1] == "and" and self.subject_end == i - 1
        listed_before = i > 0 and tokens[i - 1] == "," and self.subject_end == i - 1
        self.partners = [*self.partners, previous] if joined and previous else []
        if not joined:  # (the list goes on while commas join it, and ends at `and`)
            self.listed = [*self.listed, previous] if listed_before and previous else []
        if not building:  # (a building's own `with` list is not taken for a comma list's)
            self.subject_start = i
        self.subject_end = end
        return joined

    def _listed_with(self, partners: list[Group], before: int) -> list[Group]:
        """The things listed with commas before `A and B`, when no `with` holds them (`a
        kitchen with a fridge, a stove and a sink under the window`: the sink alone)."""
        stated = {relation.subject for relation in self.state.relations[:before]}
        listed = [g for g in self.listed if isinstance(g, Group) and g not in partners]
        subject = self.state.subject
        if not isinstance(subject, Group):
            return []
        every = [*listed, *partners, subject]
        if any(g.owner is not None or set(g.ids) & stated for g in every):
            return []
        # buildings only: `picnic tables, a toilet block and a lake to the south` is the lake's
        if any(lexicon.kind_spec(g.kind).layer != "structure" for g in [*listed, subject]):
            return []
        return listed

    def _partners(self) -> list[Group]:
        """The things named with the subject by `and` (`a surgeon and two nurses around the
        table`), none of them yet placed by a relation of its own."""
        state = self.state
        stated = {relation.subject for relation in state.relations}
        groups = [g for g in self.partners if isinstance(g, Group) and g is not state.subject]
        if not isinstance(state.subject, Group) or any(set(g.ids) & stated for g in groups):
            return []
        return groups

    def _building_named(self, phrase: NounPhrase) -> bool:
        """An indoor place named once the scene is under way (`a gas station with a
        convenience store`, `restrooms`) is a building seen from outside, named so."""
        state = self.state
        assert phrase.scene is not None
        outer = lexicon.SCENE_BY_NAME[state.scene] if state.scene else None
        named_before = bool(state.groups) or state.scene is not None
        if not named_before or not lexicon.SCENE_BY_NAME[phrase.scene].indoor:
            return False
        if outer is not None and outer.indoor:
            return False
        words = " ".join(t for t in self.tokens[self.i : phrase.end] if t.isalpha())
        place_words = words.split()
        while place_words and (place_words[0] in _ARTICLES or place_words[0] in v.SIZES):
            place_words = place_words[1:]
        plural = bool(place_words) and lexical.singular(place_words[-1]) is not None
        count = phrase.count or (2 if plural else 1)
        if plural:  # `two warehouses`, each a warehouse
            place_words[-1] = lexical.singular(place_words[-1]) or place_words[-1]
        while place_words and (place_words[0].isdigit() or place_words[0] in v.NUMBER_WORDS):
            place_words = place_words[1:]
        group = state.new_group(  # `two warehouses by the water`: two buildings
            seen_from_outside(phrase.scene),
            count,
            phrase.size or "medium",
            count > 1,
            " ".join(place_words),
        )
        if group is not None:
            self._joined(state.subject, phrase.end, building=True)
            state.subject, state.stale = group, False
            apply_pending(state, group)
        return True

    # --- negation ------------------------------------------------------------------------
    def _negation(self, j: int, word: str) -> int:
        """`without trees or rocks`, `except wolves`: kinds that must not appear at all.

        `or`/`nor` carry the negation on, and so does `and` before a bare noun (`without trees
        and rocks`); `and a pond` names a new wanted thing.
        """
        tokens = self.tokens
        while j < len(tokens) and tokens[j] in ("any", "a", "an", "the", "single", "more"):
            j += 1
        phrase = noun_phrase(tokens, j)
        if phrase is None or phrase.kind is None:
            self.state.warn(f"'{word}' names nothing known; ignored")
            return max(j, self.i + 1)
        self.state.exclude(phrase.kind, phrase.word or phrase.kind)
        j = phrase.end
        if j + 1 < len(tokens) and (
            tokens[j] in ("or", "nor", ",")
            or (tokens[j] == "and" and tokens[j + 1] not in _ARTICLES)
        ):
            following = noun_phrase(tokens, j + 1)
            if following is not None and following.kind is not None and following.count is None:
                return self._negation(j + 1, word)
        return j


# Relations of the group itself, or places only one thing can have (`a church and a well in
# the center`: the well)
_NOT_SHARED = frozenset(
    ["in_rows", "in_ring", "connected_to", "in_center", "in_corner", "between", "at_head_of"]
)


_SHARED_WITHOUT_OBJECTS = frozenset(["in_region", "against_wall"])  # not `all around`


def _share(
    state: ParseState, stated: list[RelationSpec], partners: list[Group], directed: bool
) -> None:
    """What a relation says of the last of `A and B` it says of A too (a relation to no thing
    only when it names a direction: `a bed and a desk against the north wall`)."""
    subject = state.subject
    assert isinstance(subject, Group)
    mine = [
        r
        for r in stated
        if r.subject in subject.ids
        and r.predicate not in _NOT_SHARED
        and (r.objects or (directed and r.predicate in _SHARED_WITHOUT_OBJECTS))
    ]
    if not mine:
        return
    by_thing = [[r for r in mine if r.subject == thing_id] for thing_id in subject.ids]
    by_thing = [relations for relations in by_thing if relations]
    for group in partners:
        owners = set(group.owner.ids) if group.owner is not None else set()
        for k, thing_id in enumerate(group.ids):  # spread as the subject's are (boats, slips)
            for relation in by_thing[k % len(by_thing)]:
                if set(relation.objects) & (owners | set(group.ids)):
                    # `a shed full of tools and stacks beside the shed`: in it; `a house and
                    # a speeder next to the house`: the house is what the speeder is by
                    continue
                state.add(thing_id, relation.predicate, relation.objects, relation.argument)
