"""Names are not things: `the Prancing Pony` is an inn, `the Green Dragon tavern` a tavern.

A run of capitalised words inside a sentence (not its first word, and not in a prompt written
in title case) is a name. Its words that name a place or a thing (`the Great Hall`, `Lake
Placid`, `the Black Tower`) are kept; the rest, and any creature or person it names (a pony, a
dragon), go. A name followed by a noun (`the Green Dragon tavern`) goes whole, unless the two
make a noun WordNet knows (`a Ferris wheel`, `a Christmas tree`).
"""

import re

from domain.scene import lexical
from domain.scene.parse import lexicon

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_SENTENCE_ENDS = ".!?:;"
_TITLE_CASE_SHARE = 0.5


def without_proper_names(prompt: str) -> str:
    words = list(_WORD.finditer(prompt))
    capitalised = [m for m in words if _capitalised(m.group())]
    if not capitalised or len(capitalised) >= _TITLE_CASE_SHARE * len(words):
        return prompt  # `A Castle On A Hill`: the capitals say nothing
    dropped: list[tuple[int, int]] = []
    k = 0
    while k < len(words):
        if not _capitalised(words[k].group()) or (
            _opens_sentence(prompt, words[k].start()) and not _foreign_name(prompt, words, k)
        ):
            k += 1
            continue
        end = k + 1
        while (
            end < len(words) and _capitalised(words[end].group()) and _adjacent(prompt, words, end)
        ):
            end += 1
        dropped.extend(_dropped_from(words, k, end))
        k = end
    out, last = [], 0
    for start, stop in dropped:
        out.append(prompt[last:start])
        last = stop
    out.append(prompt[last:])
    return "".join(out)


def _dropped_from(words: list[re.Match[str]], start: int, end: int) -> list[tuple[int, int]]:
    run = [m.group().lower() for m in words[start:end]]
    after = words[end].group().lower() if end < len(words) else None
    if after is not None:
        known = lexicon.match_noun([run[-1], after], 0)
        if lexical.noun_sense(f"{run[-1]} {after}") is not None or (known and known.end == 2):
            return []  # `a Ferris wheel`
    if after is not None and lexicon.match_noun([after], 0) is not None:
        return [(m.start(), m.end()) for m in words[start:end]]  # `the Green Dragon tavern`
    kept = words[start:end]
    return [(m.start(), m.end()) for m, word in zip(kept, run, strict=True) if not _a_thing(word)]


def _foreign_name(prompt: str, words: list[re.Match[str]], k: int) -> bool:
    """`Omaha Beach, 1944`: a sentence opened by a word no list knows, capitalised with the
    word after it, is a name, not a typo to correct."""
    if k + 1 >= len(words) or not _capitalised(words[k + 1].group()):
        return False
    word = words[k].group().lower()
    return _adjacent(prompt, words, k + 1) and not lexical.is_english_word(word)


def _a_thing(word: str) -> bool:
    """A place or a thing a name may end with (`Hall`, `Tower`), not a creature (`Pony`)."""
    found = lexicon.match_noun([word], 0)
    return found is not None and lexicon.kind_spec(found.kind).layer != "actor"


def _capitalised(word: str) -> bool:
    """`Pony`, not `I` and not an acronym (`5 RVs`, `an ATM`), which names a thing."""
    return word[0].isupper() and sum(c.isupper() for c in word) == 1 and word != "I"


def _opens_sentence(prompt: str, start: int) -> bool:
    before = prompt[:start].rstrip()
    return not before or before[-1] in _SENTENCE_ENDS


def _adjacent(prompt: str, words: list[re.Match[str]], k: int) -> bool:
    """The k-th word continues the run: only spaces between it and the word before."""
    return k == 0 or not prompt[words[k - 1].end() : words[k].start()].strip()
