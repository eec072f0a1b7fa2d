"""Noun phrases: `three houses`, `the dragon's hoard`, `rows of benches`, `a field of wheat`."""

from dataclasses import dataclass

from domain.scene import lexical
from domain.scene import vocabulary as v
from domain.scene.parse import lexicon, spelling
from domain.scene.parse.open_nouns import (
    OpenNoun,
    is_reserved,
    match_open_noun,
    match_reserved_noun,
    may_head_a_compound,
)
from domain.scene.parse.tokens import POSSESSIVE, is_compound_adjective, is_malformed_count
from domain.scene.terms import Size

# `two rows of benches`, `a ring of stones`: a count and an arrangement at once.
_LINES = frozenset(["rows", "lines", "columns", "ranks", "row", "line", "aisles", "aisle"])
_ARRANGED = {
    **dict.fromkeys(_LINES, "~rows"),
    "grid": "~rows",
    "ring": "~ring",
    "circle": "~ring",
}
_ARRANGED_COUNT = {"grid": 9, "ring": 6, "circle": 6}
# `a pile of bones` is one thing of the kind after `of`.
_COLLECTIVES = frozenset(["pile", "heap", "stack", "mound", "hoard", "stash", "cache"])
_HEAPS = frozenset(["pile", "heap", "mound"])
_HEAP_KIND = "cairn"  # a heap of what no kind draws (ore, coal, gravel): drawn as a rock pile
_OF_CONTENT_WORDS = 2  # words after `of` read as what a thing holds or is made of
_OF_SKIP = frozenset(
    ["a", "an", "the", "some", "fresh", "many", "several", "different", "various", "all"]
)
_WAYS_IN = frozenset(["door", "stairs", "gate"])
_POTTED = frozenset(["potted", "pot", "planted"])
_POT_PLANT = "plant"
_BUILDING = "building"
_SHAPE_WORDS = frozenset(["round", "square"])
_MAIN = frozenset(["main", "principal", "chief", "primary"])
_GROWING = frozenset(["tree", "bush", "flower", "cactus", "palm", "plant"])


@dataclass
class NounPhrase:
    end: int
    kind: str | None = None
    scene: str | None = None
    plural: bool = False
    count: int | None = None
    size: Size | None = None
    ordinal: int | None = None
    definite: bool = False
    direction: str | None = None
    compass: bool = False  # the direction is a compass word (`the east door`, not `top`)
    word: str = ""
    possessor: str | None = None  # `the dragon's hoard`: the owner's kind
    goods: lexicon.NounMatch | None = None  # `a bike repair shop`: what the place deals in
    dwellers: lexicon.NounMatch | None = None  # `a centaur camp`: whose home it is
    collective: str | None = None  # `a pile of bones`: one pile
    bad_count: str | None = None  # `-5`, `3.5` as written
    each: bool = False  # `each door`: every one named so far
    arrangement: str | None = None  # `rows of benches`: the group's arrangement
    inhabitants: "lexicon.NounMatch | None" = None  # `a field of sheep`: the sheep in it
    rows: str | None = None  # `two rows of`: "2"; `a grid of`: "grid"
    long: bool = False  # `a long table`
    central: bool = False  # `a central courtyard`: in the middle of the place
    corner: bool = False  # `two corner towers`: one in each corner
    potted: bool = False  # `potted palms`: plants in pots, wherever they grow
    main: bool = False  # `the main pool`: the first of its kind named
    marks: tuple[str, ...] = ()  # `the blue army`: words that describe (and tell apart)


def _counts_what_follows(tokens: list[str], j: int) -> bool:
    """`couple of rock arches`: a count (two), not a couple of people."""
    found = lexicon.match_count(tokens, j)
    return found is not None and found[1] > j + 1 and tokens[found[1] - 1] == "of"


def noun_phrase(tokens: list[str], i: int, listed: bool = False) -> NounPhrase | None:
    """The noun phrase at `i`, or None. `listed`: an item of a list (after `and` or a comma),
    where a word that is mostly a verb is a noun all the same (`goals and stands`)."""
    phrase = NounPhrase(end=i)
    j = i
    i_after_of = -1  # where the word after `a pile of` stands
    modifiers: list[str] = []  # nouns read as describing the thing: `ticket` in `ticket booth`
    while j < len(tokens):
        arranged = tokens[j] in _ARRANGED and j + 1 < len(tokens) and tokens[j + 1] == "of"
        counted = phrase.count is None and _counts_what_follows(tokens, j)
        noun = lexicon.match_noun(tokens, j) if not arranged and not counted else None
        if noun is not None:
            return _with_noun(tokens, phrase, _wordnet_compound(tokens, j) or noun, modifiers)
        scene = lexicon.match_scene(tokens, j)
        if scene is not None:
            thing = _noun_at(tokens, scene[1])
            if thing is not None and not may_head_a_compound(tokens[scene[1]]):
                thing = None  # `the main street leading up to`: a street, then a verb
            if thing is not None and not _scene_after(tokens, thing.end):
                # `a crypt entrance`, `a desert oasis`: the noun is the thing, the place a hint
                # (none for a way in: `a mine entrance` is seen from outside the mine)
                words = [t for t in tokens[j : scene[1]] if t != POSSESSIVE]
                phrase.scene = None if thing.kind in _WAYS_IN else scene[0]
                return _with_noun(tokens, phrase, thing, [*modifiers, *words])
            phrase.scene, phrase.end = scene
            return phrase
        word = tokens[j]
        count = lexicon.match_count(tokens, j) if phrase.count is None else None
        ordinal = lexicon.match_ordinal(tokens, j)
        if word in ("the", "same", "another", "other"):
            phrase.definite = phrase.definite or word in ("the", "same")
            j += 1
        elif word == "one" and tokens[j + 1 : j + 2] == ["of"] and phrase.count is None:
            phrase.ordinal, phrase.definite = 1, True  # `in one of the cells`: the first
            j += 2
        elif word in ("each", "every") and phrase.count is None:
            phrase.each = phrase.definite = True
            j += 1
        elif (
            (word.endswith("ing") or (word.endswith("ed") and j > i))  # (`anchored offshore`)
            and _noun_at(tokens, j + 1) is not None
            and not lexicon.match_noun(tokens, j)
        ):
            # `two reading tables`, `a viewing stand`, `rows of parked cars`
            modifiers = [*modifiers, word]
            j += 1
            continue
        elif word in _ARRANGED and j + 1 < len(tokens) and tokens[j + 1] == "of":
            phrase.arrangement = _ARRANGED[word]
            if word in _LINES:
                rows = phrase.count or (1 if word in ("row", "line") else 2)
                per_row = lexicon.match_count(tokens, j + 2)
                if per_row is not None and per_row[0] > 1:  # `four rows of five desks`
                    phrase.rows, phrase.count = str(rows), rows * per_row[0]
                    j = per_row[1] - 2
                else:
                    phrase.rows, phrase.count = str(rows), rows * (5 if rows == 1 else 3)
            elif (stated := lexicon.match_count(tokens, j + 2)) is not None and stated[0] > 1:
                phrase.count = stated[0]  # `a circle of seven standing stones`: seven
                phrase.rows = "grid" if word == "grid" else None
                j = stated[1] - 2
            elif phrase.count is None or phrase.count == 1:
                phrase.count = _ARRANGED_COUNT[word]
                phrase.rows = "grid" if word == "grid" else None
            j += 2
        elif word in _COLLECTIVES and j + 1 < len(tokens) and tokens[j + 1] == "of":
            phrase.collective = word
            j += 2
            i_after_of = j
        elif j + 1 < len(tokens) and tokens[j + 1] == POSSESSIVE and word.isalpha():
            if _noun_at(tokens, j) is not None:
                return _with_noun(tokens, phrase, _noun_at(tokens, j), modifiers)
            j += 2  # `the king's throne`: an owner the vocabulary does not know
        elif phrase.count is None and is_malformed_count(word):
            phrase.bad_count = word
            phrase.count = max(0, int(float(word)))
            j += 1
        elif count is not None:
            phrase.count, j = count
        elif phrase.count == 1 and v.NUMBER_WORDS.get(word) == 1:
            j += 1  # `a lone traveler`, `a single tree`: one, said twice
        elif ordinal is not None:
            phrase.ordinal, j = ordinal
        elif word in v.SIZES and (giant := _size_word_as_noun(tokens, j)) is not None:
            return _with_noun(tokens, phrase, giant, modifiers)  # `a giant guards the gate`
        elif word in v.SIZES:
            phrase.size = v.SIZES[word][0]
            j += 1
        elif word in v.DIRECTIONS:
            phrase.direction, _, j = lexicon.match_direction(tokens, j) or (None, None, j + 1)
            phrase.compass = v.DIRECTIONS[word][1] is None
        elif word in v.DECORATIVE_WORDS:
            phrase.marks = (*phrase.marks, word)
            phrase.long = phrase.long or word in ("long", "elongated")
            phrase.central = phrase.central or word == "central"
            phrase.main = phrase.main or word in _MAIN
            j += 1
        elif word in _SHAPE_WORDS and j > i and _noun_at(tokens, j + 1) is not None:
            j += 1  # `one small round window`: a shape, not `around`
        elif word == "corner" and _noun_at(tokens, j + 1) is not None:
            phrase.corner = True  # `two corner watchtowers`
            j += 1
        else:
            plural_listed = listed and word.endswith("s")  # `goals and stands`, not `safe`
            open_noun = _noun_at(tokens, j, strict=j == i and not plural_listed)
            if open_noun is not None:
                return _with_noun(tokens, phrase, open_noun, modifiers)
            if phrase.collective in _HEAPS and j == i_after_of and lexical.is_noun(word):
                # `a pile of ore`: a substance no thing stands for, heaped where it can be drawn
                heap = lexicon.NounMatch(_HEAP_KIND, False, j + 1, word)
                return _with_noun(tokens, phrase, heap, [])
            if not _describing(word) or (word in ACTS and j > i):
                break
            # an English word that names no thing: `crooked` tombstones, a `ticket` booth
            phrase.potted = phrase.potted or word in _POTTED
            phrase.main = phrase.main or word in _MAIN
            modifiers = [*modifiers, word] if lexical.is_noun(word) else []
            j += 1
            continue
        modifiers = []
    phrase.end = j
    return phrase if j > i else None


def _walled_building(kind: str) -> bool:
    spec = lexicon.kind_spec(kind)
    return spec.layer == "structure" and spec.container == "walled" and spec.shape != "path"


def _with_noun(
    tokens: list[str], phrase: NounPhrase, noun: lexicon.NounMatch | None, modifiers: list[str]
) -> NounPhrase:
    """The phrase completed by the noun found (and a noun right after it, `throne room`)."""
    assert noun is not None
    place = _scene_after(tokens, noun.end)
    spec = lexicon.kind_spec(noun.kind)
    inside = place is not None and lexicon.SCENE_BY_NAME[place[0]].indoor
    if place is not None and (
        tokens[place[1] : place[1] + 1] == ["of"]  # `a shanty settlement of 6 shacks`
        or spec.layer in ("actor", "object")
        or (inside and spec.layer == "structure")  # `a fire station garage`: its inside
        or (spec.category and spec.layer == "terrain")  # `a county fair`
    ):
        # `a goblin camp`, `a pirate cove`: the place, the noun only says whose it is
        phrase.scene, phrase.end = place
        if sold_inside(noun.kind) and place[0] in SHOPS:
            phrase.goods = noun  # `a bike repair shop`: its bikes
        if spec.layer == "actor" and spec.category == "animal":
            phrase.dwellers = noun  # `a centaur camp`: some centaurs (a word no table has)
        return phrase
    if place is not None:
        # `a mountain village`: a mountain, in a village (`the lake house`: a house)
        phrase.scene = place[0]
    noun = _compounded(tokens, phrase, noun)
    longer = noun
    for _ in range(_MOST_NOUNS_IN_A_COMPOUND):
        last, longer = longer, _compounded(tokens, phrase, longer)  # `a corn dog stand`
        if longer is last:
            break
    if not _a_part_of_the_place(longer):
        noun = longer  # (`a derelict starship engine room`: a room of the starship)
    if modifiers:
        noun = noun._replace(word=" ".join([*modifiers, noun.word]))
    if noun.end < len(tokens) and tokens[noun.end] == POSSESSIVE:
        owned = noun_phrase(tokens, noun.end + 1)
        if owned is not None and owned.kind is None and _indoor_place(owned.scene):
            # `the harbormaster's office`: seen from outside, a building
            building = " ".join(t for t in tokens[noun.end + 1 : owned.end] if t.isalpha())
            owned.kind, owned.scene, owned.word = _BUILDING, None, building
        if owned is not None and owned.kind is not None:
            # `the dragon's hoard`: the hoard; the dragon only if already named
            owned.possessor = noun.kind
            owned.word = f"{noun.word}'s {owned.word}"
            owned.count = owned.count if owned.count is not None else phrase.count
            owned.definite = owned.definite or phrase.definite
            owned.arrangement = owned.arrangement or phrase.arrangement  # `a row of fishermen's`
            owned.rows = owned.rows or phrase.rows
            owned.central = owned.central or phrase.central  # `a central queen's nest`
            owned.size = owned.size or phrase.size
            return owned
    phrase.kind, phrase.plural, phrase.end, phrase.word = noun
    if phrase.potted and _grows(phrase.kind):
        phrase.kind, phrase.word = _POT_PLANT, f"potted {phrase.word}"
    if phrase.collective:
        written = " ".join([*noun.word.split()[:-1], tokens[noun.end - 1]])  # `bones`
        phrase.plural, phrase.word = False, f"{phrase.collective} of {written}"
    _of_content(tokens, phrase)
    return phrase


def _compounded(
    tokens: list[str], phrase: NounPhrase, noun: lexicon.NounMatch
) -> lexicon.NounMatch:
    """The noun, or the compound it starts (`throne room`, `a troll bouncer`)."""
    head = _noun_at(tokens, noun.end, strict=False) or _head_after_a_noun(tokens, noun)
    if head is not None and not may_head_a_compound(tokens[noun.end]):
        if not _a_noun_here(tokens, noun, head):
            head = None  # `a skeleton still chained`, `a dog barking`, `a corridor down ...`
    elif head is not None and _done_to_it(tokens, noun.end, head.end):
        head = None  # `a map spread on the desk`: spread is what was done to the map
    elif head is not None and _a_verb_before_its_object(tokens, noun.end, head.end):
        head = None  # `a wagon blocks the road`: what the wagon does
    after_ing = _noun_at(tokens, noun.end + 1) if _ing_at(tokens, noun.end) else None
    actor = lexicon.kind_spec(noun.kind).layer == "actor"  # `a knight holding swords` acts
    if after_ing is not None and not noun.plural and not actor:
        # `ice fishing holes`, `a water skiing ramp`: one thing, the last noun
        noun = after_ing._replace(word=f"{noun.word} {tokens[noun.end]} {after_ing.word}")
        head = None
    verb = (
        head is not None
        and head.plural
        and (phrase.count == 1 or phrase.definite)
        and lexical.mostly_not_a_noun(tokens[noun.end])
    )  # `a lamp stands`, `the dog sleeps` (but `sled dogs`, `cotton candy stands`)
    if head is not None and head.kind == "wall" and _walled_building(noun.kind):
        head = None  # `outside the castle walls`: the castle, seen by its walls
    if head is not None and not verb and _creature_in_a_role(noun, head):
        # `a troll bouncer`, `goblin merchants`: the creature, doing a person's job
        noun = noun._replace(word=f"{noun.word} {head.word}", end=head.end, plural=head.plural)
    elif head is not None and not noun.plural and not verb and _ruler_of_its_kind(noun, head):
        # `a spider queen`, `the rat king`: the largest of those creatures, not a person
        noun = noun._replace(word=f"{noun.word} {head.word}", end=head.end)
    elif head is not None and not noun.plural and not verb:
        # `throne room`, `stone well`, `hot dog stand`: the last noun is the thing (not in
        # `a lamp stands`, `the dog sleeps`: a plural after one thing is a verb)
        noun = head._replace(word=f"{noun.word} {head.word}")
    return noun


def _head_after_a_noun(tokens: list[str], noun: lexicon.NounMatch) -> lexicon.NounMatch | None:
    """`a blood pressure machine`: a word naming nothing drawable between two nouns joins
    them, and the last is the thing."""
    j = noun.end
    if noun.plural or j + 1 >= len(tokens):
        return None
    if not _describing(tokens[j]) and tokens[j] not in v.DECORATIVE_WORDS:
        return None  # (a material is a noun too: `scrap metal walls`)
    word = tokens[j]
    if not lexical.is_noun(word) or lexical.mostly_not_a_noun(word) or word.endswith(("ing", "ed")):
        return None
    head = _noun_at(tokens, j + 1, strict=True)
    if head is None or not may_head_a_compound(tokens[j + 1]) or _a_part_of_the_place(head):
        return None  # (`the spaceport arrivals hall`: a hall of the spaceport)
    return head._replace(word=f"{word} {head.word}")


_MOST_NOUNS_IN_A_COMPOUND = 2


def _a_part_of_the_place(noun: lexicon.NounMatch) -> bool:
    spec = lexicon.kind_spec(noun.kind)
    return spec.shape == "room" or noun.kind in _WAYS_THROUGH


_WAYS_THROUGH = frozenset(["corridor", "tunnel", "hallway"])


def _wordnet_compound(tokens: list[str], j: int) -> lexicon.NounMatch | None:
    """`a car wash`, `a bus stop`, `flower beds`: a known noun and the word after it make a
    thing WordNet names (a car wash is no car, a flower bed no bed); `stone walls` are the
    walls they would be anyway."""
    if j + 1 >= len(tokens):
        return None
    known = lexicon.match_noun(tokens, j)
    if known is None or known.end != j + 1:
        return None
    found = match_open_noun(tokens, j)
    if found is None or found.end != j + 2:
        return None
    head = lexicon.match_noun(tokens, j + 1)
    if head is not None and (head.end != j + 2 or head.kind == found.kind):
        return None
    if head is not None and not _another_sort(found, tokens[j + 1]):
        return None  # `a tree stump` is the stump the vocabulary knows
    return lexicon.NounMatch(found.kind, found.plural, found.end, found.word)


def _another_sort(compound: lexicon.NounMatch | OpenNoun, head_word: str) -> bool:
    """Whether WordNet files the compound under another category than its head word (a
    flower bed is ground, a bed furniture); a mere item says less than the head does."""
    category = lexicon.kind_spec(compound.kind).category
    head = lexical.noun_sense(head_word)
    if not category:
        return True  # a kind of its own in the vocabulary
    return category != "item" and head is not None and head.category != category


def _scene_after(tokens: list[str], j: int) -> tuple[str, int] | None:
    """A place word right after a noun, making one place of both (`goblin camp`)."""
    if j >= len(tokens) or lexicon.match_noun(tokens, j) is not None:
        return None
    return lexicon.match_scene(tokens, j)


def _noun_at(tokens: list[str], j: int, strict: bool = False) -> lexicon.NounMatch | None:
    """A known noun at tokens[j], else (when no place is named there) a concrete English
    noun the vocabulary lacks, read through `open_nouns`; `strict` where nothing before it
    makes it a noun (`a lamp stands`: not a stand)."""
    known = lexicon.match_noun(tokens, j)
    if known is not None or lexicon.match_scene(tokens, j) is not None:
        return known
    if (
        strict
        and j < len(tokens)
        and (lexical.mostly_not_a_noun(tokens[j]) or tokens[j].endswith("ing"))
    ):
        return None  # `a lamp stands`, `two students sparring`
    found = match_open_noun(tokens, j, strict)
    if found is None:
        return None
    return lexicon.NounMatch(found.kind, found.plural, found.end, found.word)


def _a_noun_here(tokens: list[str], noun: lexicon.NounMatch, head: lexicon.NounMatch) -> bool:
    """`a cargo lift in each bay`: a noun that is mostly a verb still ends a compound after
    a thing that does nothing, when a place is said right after it."""
    if lexicon.kind_spec(noun.kind).layer == "actor" or noun.plural:
        return False
    word = tokens[noun.end]
    if not lexical.is_noun(word) or word.endswith(("ing", "ed", "s")) or head.end != noun.end + 1:
        return False
    if lexicon.match_noun([word], 0) is not None or not lexicon.kind_spec(head.kind).category:
        return False  # (a kind the reader knows, `a scanner arch` a doorway: as it was)
    return tokens[head.end : head.end + 1] in (["in"], ["on"], ["at"], ["by"], ["near"], ["next"])


def _a_verb_before_its_object(tokens: list[str], start: int, end: int) -> bool:
    """`blocks the road`, `guards a gate`: a one-word noun ending in s, right before an
    article, after a noun that is not plural, is a verb."""
    return (
        end == start + 1
        and tokens[start].endswith("s")
        and tokens[end : end + 1] in (["the"], ["a"], ["an"], ["its"], ["their"])
        and not tokens[start - 1].endswith("s")
    )


def _size_word_as_noun(tokens: list[str], j: int) -> lexicon.NounMatch | None:
    """`a frost giant guarding the gate`, `two giants`: a size word that is also a noun,
    with no noun after it to describe, is the thing."""
    rest = noun_phrase(tokens, j + 1)
    if rest is not None and (rest.kind is not None or rest.scene is not None):
        return None
    found = match_reserved_noun(tokens, j)
    if found is None:
        return None
    return lexicon.NounMatch(found.kind, found.plural, found.end, found.word)


def _ing_at(tokens: list[str], j: int) -> bool:
    return j < len(tokens) and tokens[j].endswith("ing") and lexicon.match_noun(tokens, j) is None


def _indoor_place(scene: str | None) -> bool:
    return scene is not None and lexicon.SCENE_BY_NAME[scene].indoor


def _grows(kind: str) -> bool:
    return kind in _GROWING or lexicon.kind_spec(kind).category == "plant"


def _describing(word: str) -> bool:
    if is_compound_adjective(word):
        return True  # `a stone-walled pen`
    if word in _SUBJECT_PRONOUNS:
        return False  # `I need to know`: a verb follows, no noun
    return word.isalpha() and not is_reserved(word) and lexical.is_english_word(word)


# What creatures do, said right after their name (`the kraken attacks`): verbs, not nouns.
ACTS = frozenset(
    """attack attacks guard guards lurk lurks sleep sleeps prowl prowls hunt hunts roam roams
    wait waits hide hides swarm swarms crawl crawls swim swims fly flies charge charges emerge
    emerges rise rises stalk stalks feed feeds nest nests attacked""".split()
)
# Places named by what they deal in (`a bike shop`, `a lamp repair workshop`).
SHOPS = frozenset(["shop", "garage", "workshop", "warehouse", "market"])
GOODS = 3  # what a shop named for it has on show


def sold_inside(kind: str) -> bool:
    """A thing a shop may have on show: an object that may stand indoors (not flowers)."""
    spec = lexicon.kind_spec(kind)
    return spec.layer == "object" and spec.setting != "outdoor"


_SUBJECT_PRONOUNS = frozenset(["i", "we", "you", "he", "she", "they", "it", "who", "which"])
_RULERS = frozenset(["queen", "king", "lord", "mother", "matriarch", "chief", "chieftain"])


_PEOPLE_KINDS = frozenset(["person", "guard"])


def _creature_in_a_role(noun: lexicon.NounMatch, head: lexicon.NounMatch) -> bool:
    creature = lexicon.kind_spec(noun.kind)
    role = lexicon.kind_spec(head.kind)
    people = head.kind in _PEOPLE_KINDS or role.category == "person"
    return (
        creature.layer == "actor"
        and noun.kind not in _PEOPLE_KINDS
        and people
        and creature.category != "person"
    )


def _ruler_of_its_kind(noun: lexicon.NounMatch, head: lexicon.NounMatch) -> bool:
    """`a spider queen`, `a rat king`: a creature that rules creatures of its kind."""
    return (
        head.word in _RULERS
        and _alive(noun.kind)
        and _alive(head.kind)
        and noun.kind != head.kind
        and noun.kind not in _PEOPLE
    )


_PEOPLE = frozenset(["person", "guard", "soldier", "knight", "villager"])


def _alive(kind: str) -> bool:
    return lexicon.kind_spec(kind).layer == "actor"


_LAID = frozenset(["on", "over", "across", "out", "upon", "onto"])


def _done_to_it(tokens: list[str], j: int, after: int) -> bool:
    return lexical.mostly_not_a_noun(tokens[j]) and tokens[after : after + 1] in [
        [w] for w in _LAID
    ]


def _describes_a_noun(tokens: list[str], k: int) -> bool:
    """`a channel of filthy water`: a word naming no thing, before one that does."""
    word = tokens[k]
    return _describing(word) and not lexical.is_noun(word) and _noun_at(tokens, k + 1) is not None


def _of_content(tokens: list[str], phrase: NounPhrase) -> None:
    """`a field of wheat`, `a hoard of gold`, `a barrel of ale`: one thing; the words
    after `of` say what it holds or is made of and create nothing."""
    j = phrase.end
    if j + 1 >= len(tokens) or tokens[j] != "of":
        return
    k = j + 1
    while k < len(tokens) and (
        tokens[k] in v.DECORATIVE_WORDS or tokens[k] in _OF_SKIP or _describes_a_noun(tokens, k)
    ):
        k += 1
    content = _noun_at(tokens, k)
    if content is not None:
        outer = lexicon.kind_spec(phrase.kind) if phrase.kind is not None else None
        if outer is not None and outer.water and lexicon.kind_spec(content.kind).water:
            phrase.end = content.end  # `a pool of water`: the pool (what else would it hold)
            return
        if outer is not None and outer.shape == "area" and content.kind in lexicon.KIND_SCENES:
            return  # `a clearing of the forest`: a part of a place, left to the relation reader
        if outer is not None and outer.shape == "area" and _alive(content.kind):
            # `a field of sheep`: a field with sheep in it (not a field made of sheep)
            phrase.end, phrase.inhabitants = content.end, content
            return
        phrase.end = content.end
        written = " ".join(tokens[k : content.end])  # `aisles of shelves`, as written
        phrase.word = f"{phrase.word} of {written}"
        outer = lexicon.kind_spec(phrase.kind) if phrase.kind is not None else None
        inner = lexicon.kind_spec(content.kind)
        if outer is not None and outer.setting == "indoor" and inner.setting == "outdoor":
            phrase.kind = content.kind  # `a bed of roses` is flowers, not furniture
        return
    end = k
    while (
        end < len(tokens)
        and end - k < _OF_CONTENT_WORDS
        and tokens[end].isalpha()
        and not spelling.is_known(tokens[end])
    ):
        end += 1
    if end > k:
        phrase.end = end
        phrase.word = f"{phrase.word} of {' '.join(tokens[k:end])}"
