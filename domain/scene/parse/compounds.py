"""Closed compounds: `longhouse`, `waterslide`, `sunbeds` are a house, a slide, beds.

A word no table knows is read as the noun that ends it when what comes before is an English
word: the head gives the kind (a known one first, else a concrete WordNet noun), the whole
word is the label.
"""

from functools import lru_cache
from typing import NamedTuple

from domain.scene import lexical
from domain.scene.parse import lexicon

SHORTEST_HEAD = 3
SHORTEST_PREFIX = 2
# An English word split at a short edge is mostly no compound at all: `toward` is no ward,
# `different` no ent; `longhouses` (a word lists know, WordNet does not) is one.
SHORTEST_PREFIX_OF_A_WORD = 3
SHORTEST_HEAD_OF_A_WORD = 4
# Prefixes that make adverbs and pronouns of nouns (`halfway`, `anyplace`, `midway`)
_ADVERB_PREFIXES = frozenset(["half", "mid", "any", "every", "some", "no", "side", "path"])


class Compound(NamedTuple):
    prefix: str  # `long` in `longhouses`
    head: str  # `houses`: the noun as written, which may be a plural


@lru_cache(maxsize=2048)
def split_compound(word: str) -> Compound | None:
    """The split of a word into an English prefix and a noun head, longest head first, a
    noun of the vocabulary before any other concrete noun; None when there is none."""
    if not word.isalpha() or not word.isascii() or len(word) < SHORTEST_HEAD + SHORTEST_PREFIX:
        return None
    if lexical.is_noun(word):
        return None  # a noun of its own (`potions`): not a pot of ions
    if word.endswith(("ing", "ed")) and lexical.is_english_word(word):
        return None  # a verb's form (`dueling`): not a due ling
    english = lexical.is_english_word(word)
    shortest_prefix = SHORTEST_PREFIX_OF_A_WORD if english else SHORTEST_PREFIX
    shortest_head = SHORTEST_HEAD_OF_A_WORD if english else SHORTEST_HEAD
    generic: Compound | None = None
    for cut in range(shortest_prefix, len(word) - shortest_head + 1):
        prefix, head = word[:cut], word[cut:]
        if not lexical.is_english_word(prefix) or prefix in _ADVERB_PREFIXES:
            continue
        if lexicon.match_noun([head], 0) is not None:
            return Compound(prefix, head)
        if generic is None and lexical.noun_sense(head) is not None:
            generic = Compound(prefix, head)
    return generic
