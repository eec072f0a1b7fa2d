"""Nouns beyond the vocabulary: a concrete English noun read as the nearest known kind (a
rowboat is a boat) or as a generic thing of its category (a cannon, a hammock).

The lexical tables (`domain/scene/lexical`, from WordNet) say whether a word is a concrete
noun, its category and its hypernyms; a hypernym close enough that the vocabulary knows it
gives the kind, so the thing is drawn and placed as that kind, labelled with the user's word.
"""

from functools import lru_cache
from typing import NamedTuple

from domain.scene import catalog, lexical
from domain.scene import vocabulary as v
from domain.scene.parse import lexicon
from domain.scene.parse.compounds import split_compound
from domain.scene.parse.words import PATTERN_PHRASES, QUIET_WORDS, READER_WORDS

# Hypernyms closer than this many steps name the kind (rowboat -> small boat -> boat).
NEAREST_KNOWN = 4
# Known names too broad to stand for a more particular thing: a booth is no dungeon room,
# a fern no potted plant, a hospital more than any building.
_TOO_BROAD = frozenset(
    """
    room area plant structure building shop place establishment equipment device part
    piece thing object unit container covering surface way passage opening support
    """.split()
)
# Nouns in WordNet that, in a description of a place, are almost always another part of
# speech or a word the reader handles itself (`a lot of`, `the rest`, `a couple`).
_NOT_THINGS = frozenset(
    """
    lot lots rest set bit kind sort type couple number pair group bunch plenty deal
    middle center centre top bottom front back end side edge corner left right way
    place spot location view scene background foreground dive action
    inside outside interior exterior stilt stilts floor ceiling ground horseback
    caravan caravans
    itself himself herself themselves myself yourself ourselves yourselves oneself
    """.split()
)
_MIN_LENGTH = 3
# Known kinds too particular in the way they are drawn to stand for other things: a dungeon
# room (a mausoleum is a `chamber`), a potted plant, a pillar (stilts are `columns`).
_NOT_STAND_INS = frozenset(["room", "corridor", "plant", "pillar"])
# The layers a known kind may have to stand for a generic thing of a category: a mausoleum
# (a building) is no grave, a stilt (a device) no pillar's worth of structure.
_LAYERS_OF = {
    "building": ("structure",),
    "structure": ("structure",),
    "furniture": ("object",),
    "container": ("object",),
    "vehicle": ("object", "structure"),
    "person": ("actor",),
    "animal": ("actor",),
    "plant": ("object", "terrain"),
    "rock": ("object",),
    "water": ("terrain",),
    "landform": ("terrain",),
    "area": ("terrain",),
    "device": ("object", "structure"),
    "item": ("object",),
}


def _reserved_words() -> frozenset[str]:
    """Words with a meaning of their own to the reader, alone: counts, sizes, directions,
    the first words of relation phrases. A word found only inside a longer name (`deck` in
    `flight deck`) is not reserved."""
    words: set[str] = set(READER_WORDS) | QUIET_WORDS
    for table in (v.NUMBER_WORDS, v.ORDINALS, v.SIZES, v.DIRECTIONS):
        words.update(table)
    words.update(v.PART_WORDS, v.EDGE_WORDS, v.FILLER_WORDS, v.DECORATIVE_WORDS)
    for phrase in v.COUNT_PHRASES:
        words.update(phrase.split())
    for phrase, _ in (*v.RELATION_PHRASES, *PATTERN_PHRASES):
        first = phrase.split()[0]
        if not first.startswith("{"):
            words.add(first)
    return frozenset(words)


_RESERVED = _reserved_words()
# Verbs the reader skips that are nouns too (`stand`, `rest`): nouns where the sentence
# says so.
_VERB_OR_NOUN = frozenset((QUIET_WORDS | v.FILLER_WORDS) - READER_WORDS)


def may_head_a_compound(word: str) -> bool:
    """`stand` may end a compound (`a hot dog stand`); `still`, `down` (adverbs, mostly)
    may not."""
    if lexicon.match_noun([word], 0) is not None:
        return True
    if word.endswith("ing"):
        return False
    if lexical.is_english_word(word) and not lexical.is_noun(word):
        return False  # `a chasm halfway along`: an adverb ends no compound
    singular = lexical.singular(word) or word
    return not lexical.mostly_not_a_noun(word) or bool({word, singular} & _VERB_OR_NOUN)


def is_reserved(word: str) -> bool:
    """A word the reader acts on by itself (`north`, `three`, `near`, `facing`)."""
    return word in _RESERVED


class OpenNoun(NamedTuple):
    kind: str
    plural: bool
    end: int
    word: str  # the noun as written, singular: `rowboat` for `rowboats`
    category: str


def match_open_noun(tokens: list[str], i: int, strict: bool = True) -> OpenNoun | None:
    """A concrete noun at tokens[i] the vocabulary lacks (two or three words when WordNet
    has the compound: `fire engine`), or None. Not `strict` where the sentence makes it a
    noun (`a viewing stand`): a word that is mostly a verb may then be one."""
    if i >= len(tokens):
        return None
    word = tokens[i]
    if not _could_be_a_noun(word, strict):
        return None
    for length in (3, 2):
        words = tokens[i : i + length]
        if len(words) == length and all(w.isalpha() for w in words):
            found = _read(" ".join(words), i + length, length)
            if found is not None:
                return found
    of_plural = _plural_of_phrase(tokens, i)
    if of_plural is not None:
        return of_plural
    return _read(word, i + 1, 1)


def _plural_of_phrase(tokens: list[str], i: int) -> OpenNoun | None:
    """`suits of armor`: the plural of a WordNet name of the form `X of Y`."""
    words = tokens[i : i + 3]
    if len(words) != 3 or words[1] != "of" or not all(w.isalpha() for w in words):
        return None
    singular = lexical.singular(words[0])
    if singular is None or singular == words[0]:
        return None
    found = _read(f"{singular} of {words[2]}", i + 3, 3)
    return found._replace(plural=True) if found is not None else None


def match_reserved_noun(tokens: list[str], i: int) -> OpenNoun | None:
    """A word the reader has a meaning for (`giant`, a size) read as the concrete noun it
    also is, where the sentence leaves it no other part to play."""
    if i >= len(tokens) or not tokens[i].isalpha():
        return None
    return _read(tokens[i], i + 1, 1)


def _could_be_a_noun(word: str, strict: bool = True) -> bool:
    if len(word) < _MIN_LENGTH or not word.isalpha() or not word.isascii():
        return False
    singular = lexical.singular(word) or word
    words = {word, singular}
    if words & _NOT_THINGS:
        return False
    if not strict and words <= _VERB_OR_NOUN | {""} | (words - _RESERVED):
        return True  # `a viewing stand`: in a noun's place, `stand` is one
    if word != singular and singular in v.SIZES:
        return True  # `two giants`: a size is one word, its plural a noun
    return not words & _RESERVED


def _read(phrase: str, end: int, length: int) -> OpenNoun | None:
    sense = lexical.noun_sense(phrase)
    if sense is not None and length == 1 and sense.lemma == phrase:
        singular = lexical.singular(phrase)
        single = lexical.noun_sense(singular) if singular and singular != phrase else None
        if single is not None and single.category == sense.category:
            sense = single  # `eggs`: several eggs (not the dish WordNet also files as `eggs`)
    if sense is None and length == 1:
        return _compound(phrase, end)
    if sense is None or len(sense.lemma.split()) != length:
        return None
    plural = sense.lemma != phrase or phrase in lexical.ZERO_PLURALS
    if length == 1 and lexicon.match_noun([phrase], 0) is not None:
        return None  # a known noun (the caller looks for those first)
    return OpenNoun(_kind_for(sense), plural, end, sense.lemma, sense.category)


def _compound(word: str, end: int) -> OpenNoun | None:
    """`longhouses`: houses (labelled longhouse); `waterslide`: a slide."""
    found = split_compound(word)
    if found is None:
        return None
    known = lexicon.match_noun([found.head], 0)
    if known is not None:
        kind, plural, singular = known.kind, known.plural, known.word
        category = lexicon.kind_spec(kind).category
    else:
        sense = lexical.noun_sense(found.head)
        if sense is None:
            return None
        kind, plural, singular = _kind_for(sense), sense.lemma != found.head, sense.lemma
        category = sense.category
    return OpenNoun(kind, plural, end, found.prefix + singular, category)


@lru_cache(maxsize=512)
def _category_of_kind(kind: str) -> str | None:
    sense = lexical.noun_sense(kind.replace("_", " "))
    return sense.category if sense is not None else None


def _same_sort(kind: str, category: str) -> bool:
    """A known kind stands for a noun only when WordNet sorts the kind's own name the same
    way: an alembic is a `vessel` (a container), and no ship."""
    own = _category_of_kind(kind)
    return own is None or own == category


def _kind_for(sense: lexical.NounSense) -> str:
    """The nearest known kind among the first hypernyms, else a generic kind."""
    for ancestor in sense.ancestors[:NEAREST_KNOWN]:
        if ancestor in _TOO_BROAD:
            continue
        known = lexicon.NOUNS.get(tuple(ancestor.split()))
        if (
            known is not None
            and known[0] not in _NOT_STAND_INS
            and lexicon.kind_spec(known[0]).layer in _LAYERS_OF[sense.category]
            and _same_sort(known[0], sense.category)
        ):
            return known[0]
    return catalog.generic_name(sense.lemma)
