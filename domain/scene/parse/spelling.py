"""Typos: a close misspelling of a known noun is read as it (with a warning); any other
unknown word gets did-you-mean suggestions.

Candidates are the known single-word nouns and place words with the same first letter and a
length within two, so a lookup compares a few dozen words, not the whole vocabulary.
"""

import difflib
from functools import lru_cache

from domain.scene import lexical
from domain.scene.parse import lexicon
from domain.scene.parse.compounds import split_compound

READ_AS_CUTOFF = 0.8  # similarity from which a typo is read as the known word
SUGGEST_CUTOFF = 0.7
_INFLECTED = ("ed", "ing", "ly")
LONG_WORD = 8  # from this length a typo may be two edits
SHORTEST_TYPO = 3
MIN_TYPO_LENGTH = 5  # `bard` is not a typo of `bar`


def _buckets() -> dict[str, tuple[str, ...]]:
    found: dict[str, set[str]] = {}
    for word in lexicon.CORRECTABLE_WORDS:
        found.setdefault(word[0], set()).add(word)
    return {letter: tuple(sorted(words)) for letter, words in found.items()}


_BY_FIRST_LETTER = _buckets()


@lru_cache(maxsize=1024)
def _close(word: str, cutoff: float, limit: int) -> tuple[str, ...]:
    pool = [
        candidate
        for candidate in _BY_FIRST_LETTER.get(word[0], ())
        if abs(len(candidate) - len(word)) <= 2
    ]
    return tuple(difflib.get_close_matches(word, pool, n=limit, cutoff=cutoff))


def is_known(word: str) -> bool:
    if word in lexicon.KNOWN_WORDS:
        return True
    return any(singular in lexicon.KNOWN_WORDS for singular in lexicon.singular_candidates(word))


def correction(word: str) -> str | None:
    """The known word a typo stands for (`tavrn` -> `tavern`), or None."""
    if len(word) < SHORTEST_TYPO or not word.isalpha() or is_known(word):
        return None
    if lexical.is_english_word(word):
        return None  # a real word is never read as another one (`ticket` is no `thicket`)
    linking = _linking_word(word)
    if linking is not None:
        return linking  # `arround`, `wiht`, `betwen`: the words that say where things are
    if split_compound(word) is not None:
        # `longhouses` is a compound; `lighthose` a lighthouse, not a light's hose
        near = [w for w in _one_edit(word) if is_known(w) and w in lexicon.CORRECTABLE_WORDS]
        return near[0] if len(near) == 1 else None
    if word.endswith(_INFLECTED):
        return None  # `planted`, `glowing`, `slowly`: English words the vocabulary lacks
    if len(word) < MIN_TYPO_LENGTH:
        # `wel`, `hil`, `peir`: short words only by a doubled letter or a swap, so that
        # `bard` is not read as `bar`; else a known noun one edit away (`snak`: a snake)
        found = next((m for m in _close(word, 0.6, 4) if _doubling_or_swap(word, m)), None)
        return found or _english_correction(word, known_only=True)
    matches = _close(word, READ_AS_CUTOFF, 3)
    allowed = 1 if len(word) < LONG_WORD else 2
    for match in matches:
        if _edits(word, match) <= allowed:
            return match
    return _english_correction(word)


@lru_cache(maxsize=1)
def _linking_words() -> frozenset[str]:
    """The words of the relation phrases (`around`, `between`, `behind`) and the few that
    join a list (`with`, `and`), which typos hit as often as nouns. (Built on first use: the
    word list loads lazily.)"""
    words = {w for pattern, _ in lexicon.RELATION_PATTERNS for w in pattern if w.isalpha()}
    words |= {"with", "and", "everywhere", "each", "every"}
    return frozenset(w for w in words if len(w) >= 3 and lexical.is_english_word(w))


def _linking_word(word: str) -> str | None:
    """The one linking word a typo stands for: a doubled letter or two letters swapped
    (`arround`, `wiht`), or for a longer word one edit (`betwen`)."""
    found = {
        linking
        for linking in _linking_words()
        if abs(len(linking) - len(word)) <= 1
        and (
            _doubling_or_swap(word, linking)
            or (len(word) >= MIN_TYPO_LENGTH + 1 and _edits(word, linking) == 1)
        )
    }
    return found.pop() if len(found) == 1 else None


def _english_correction(word: str, known_only: bool = False) -> str | None:
    """The one English noun a single typo away (`securty` -> `security`): a noun the
    vocabulary knows first, then a concrete noun, then any noun (a scene is made of things:
    `flurg` is not read as `flung`); None when there is none or no single best at the first
    tier that has any."""
    candidates = sorted({w for w in _one_edit(word) if lexical.is_english_word(w)})
    tiers = [[w for w in candidates if is_known(w) and w in lexicon.CORRECTABLE_WORDS]]
    if not known_only:
        tiers.append([w for w in candidates if lexical.noun_sense(w) is not None])
        tiers.append([w for w in candidates if lexical.is_noun(w)])
    for tier in tiers:
        if tier:
            return tier[0] if len(tier) == 1 else None
    return None


def _one_edit(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:k], word[k:]) for k in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in letters}
    inserts = {a + c + b for a, b in splits for c in letters}
    return (deletes | swaps | replaces | inserts) - {word}


def _doubling_or_swap(word: str, match: str) -> bool:
    if len(word) == len(match):
        swaps = [k for k in range(len(word)) if word[k] != match[k]]
        return (
            len(swaps) == 2
            and swaps[1] == swaps[0] + 1
            and word[swaps[0]] == match[swaps[1]]
            and word[swaps[1]] == match[swaps[0]]
        )
    shorter, longer = sorted((word, match), key=len)
    if len(longer) != len(shorter) + 1:
        return False
    return any(
        longer[k] == longer[k - 1] and longer[:k] + longer[k + 1 :] == shorter
        for k in range(1, len(longer))
    )


def _edits(a: str, b: str) -> int:
    """Optimal string alignment distance: one typo is one insertion, deletion, substitution
    or swap of neighbours (`chruch`), so `coals` is two edits from `coast`, not a typo."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def suggestions(word: str) -> tuple[str, ...]:
    """Up to two known words an unknown word may have meant."""
    if len(word) < 3 or not word.isalpha():
        return ()
    return tuple(c for c in _close(word, SUGGEST_CUTOFF, 3) if c != word)[:2]


def correct_tokens(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Tokens with close typos replaced, and a warning for each replacement."""
    warnings: list[str] = []
    out = list(tokens)
    for k, token in enumerate(tokens):
        # a reading that makes a compound with a neighbour first (`coffe shop`: a coffee
        # shop, not a coffer)
        fixed = _correction_in_context(tokens, k) or correction(token)
        if fixed is not None:
            out[k] = fixed
            message = f"read '{token}' as '{fixed}' (a typo?)"
            if message not in warnings:
                warnings.append(message)
    return out, warnings


def _correction_in_context(tokens: list[str], k: int) -> str | None:
    """A typo with several readings takes the one that makes a compound with its neighbour
    (`a snak bar`: a snack bar, not a snake's)."""
    word = tokens[k]
    if len(word) < SHORTEST_TYPO or not word.isalpha() or is_known(word):
        return None
    if lexical.is_english_word(word):
        return None
    before = tokens[k - 1] if k > 0 else ""
    after = tokens[k + 1] if k + 1 < len(tokens) else ""
    found = [
        candidate
        for candidate in sorted(_one_edit(word))
        if lexical.is_english_word(candidate)
        and (
            (after and lexical.noun_sense(f"{candidate} {after}") is not None)
            or (before and lexical.noun_sense(f"{before} {candidate}") is not None)
        )
    ]
    return found[0] if len(found) == 1 else None
