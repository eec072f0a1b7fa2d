"""Typos: a close misspelling of a known noun is read as it (with a warning); any other
unknown word gets did-you-mean suggestions.

Candidates are the known single-word nouns and place words with the same first letter and a
length within two, so a lookup compares a few dozen words, not the whole vocabulary.
"""

import difflib
from functools import lru_cache

from domain.scene.parse import lexicon

READ_AS_CUTOFF = 0.8  # similarity from which a typo is read as the known word
SUGGEST_CUTOFF = 0.7
MIN_TYPO_LENGTH = 4


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
    if len(word) < MIN_TYPO_LENGTH or not word.isalpha() or is_known(word):
        return None
    matches = _close(word, READ_AS_CUTOFF, 1)
    return matches[0] if matches else None


def suggestions(word: str) -> tuple[str, ...]:
    """Up to two known words an unknown word may have meant."""
    if len(word) < 3 or not word.isalpha():
        return ()
    return _close(word, SUGGEST_CUTOFF, 2)


def correct_tokens(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Tokens with close typos replaced, and a warning for each replacement."""
    warnings: list[str] = []
    out = list(tokens)
    for k, token in enumerate(tokens):
        fixed = correction(token)
        if fixed is not None:
            out[k] = fixed
            message = f"read '{token}' as '{fixed}' (a typo?)"
            if message not in warnings:
                warnings.append(message)
    return out, warnings
