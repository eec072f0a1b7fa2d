"""Lookup tables built once from the vocabulary: nouns, plurals, scenes and relation patterns."""

from typing import NamedTuple

from domain.scene import catalog
from domain.scene import vocabulary as v
from domain.scene.parse.words import PATTERN_PHRASES, QUIET_WORDS, READER_WORDS

KIND_BY_NAME = catalog.KIND_BY_NAME
kind_spec = catalog.kind_spec
SCENE_BY_NAME = catalog.SCENE_BY_NAME
THEME_SCENE: dict[str, str] = v.FAMILY_PLACE
MAX_PHRASE_WORDS = 4

# Synonyms that are plural already (a bare mention means several), with their singular.
_PLURAL_WORDS = v.IRREGULAR_PLURALS


class NounMatch(NamedTuple):
    kind: str
    plural: bool
    end: int
    word: str  # the singular noun as written: `cottage` for `cottages`


def plural_forms(word: str) -> list[str]:
    """Regular English plurals of a singular noun (a few spellings, all harmless)."""
    forms = []
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(word + "es")
    elif word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        forms.append(word[:-1] + "ies")
    elif word.endswith("fe"):
        forms.append(word[:-2] + "ves")
    elif word.endswith("f"):
        forms.append(word[:-1] + "ves")
    forms.append(word + "s")
    return forms


_ES_AFTER = ("s", "x", "z", "ch", "sh", "o")


def singular_candidates(word: str) -> list[str]:
    """Possible singulars of a word that may be a plural."""
    out = []
    if word.endswith("ies") and len(word) > 3:
        out.append(word[:-3] + "y")
    if word.endswith("ves") and len(word) > 3:
        out.extend([word[:-3] + "f", word[:-3] + "fe"])
    if word.endswith("es") and len(word) > 2 and word[:-2].endswith(_ES_AFTER):
        out.append(word[:-2])  # `benches`, `boxes`, `potatoes` (not `tubes`: tubs)
    if word.endswith("s") and len(word) > 1:
        out.append(word[:-1])
    return out


def _build_nouns() -> dict[tuple[str, ...], tuple[str, bool, str]]:
    nouns: dict[tuple[str, ...], tuple[str, bool, str]] = {}
    for kind in v.KINDS:
        for phrase in (kind.name, *kind.synonyms):
            words = tuple(phrase.split())
            singular = _PLURAL_WORDS.get(words[-1])
            if singular is not None:
                base = " ".join((*words[:-1], singular))
                nouns.setdefault(words, (kind.name, True, base))
                continue
            nouns.setdefault(words, (kind.name, False, phrase))
            for form in plural_forms(words[-1]):
                nouns.setdefault((*words[:-1], form), (kind.name, True, phrase))
    return nouns


def _build_duplicates() -> list[str]:
    seen: dict[str, str] = {}
    clashes = []
    for kind in v.KINDS:
        for phrase in dict.fromkeys((kind.name, *kind.synonyms)):
            if phrase in seen and seen[phrase] != kind.name:
                clashes.append(f"{phrase}: {seen[phrase]} and {kind.name}")
            seen[phrase] = kind.name
    return clashes


NOUNS = _build_nouns()
SYNONYM_CLASHES = _build_duplicates()


def _build_kind_scenes() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for word, scene in v.SCENE_WORDS.items():
        noun = NOUNS.get(tuple(word.split()))
        if noun is not None:
            found.setdefault(noun[0], set()).add(scene)
    return {kind: frozenset(scenes) for kind, scenes in found.items()}


KIND_SCENES = _build_kind_scenes()
# Kinds that link two things as a path (`a bridge from the island to the shore`).
CONNECTOR_KINDS = frozenset(kind.name for kind in v.KINDS if kind.connector)
SCENE_PHRASES: dict[tuple[str, ...], str] = {
    tuple(word.split()): scene for word, scene in v.SCENE_WORDS.items()
}
COUNT_PHRASES: dict[tuple[str, ...], int] = {
    tuple(phrase.split()): count for phrase, count in v.COUNT_PHRASES.items()
}
RELATION_PATTERNS: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    sorted(
        (
            (tuple(phrase.split()), predicate)
            for phrase, predicate in (*v.RELATION_PHRASES, *PATTERN_PHRASES)
        ),
        key=lambda item: -len(item[0]),
    )
)
_PATTERNS_BY_FIRST: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {}
for _pattern, _predicate in RELATION_PATTERNS:
    _PATTERNS_BY_FIRST[_pattern[0]] = (
        *_PATTERNS_BY_FIRST.get(_pattern[0], ()),
        (_pattern, _predicate),
    )
PART_WORDS = frozenset(v.PART_WORDS)
EDGE_WORDS = frozenset(v.EDGE_WORDS)
_NS = {"north", "south"}
_TENS = frozenset([20, 30, 40, 50, 60, 70, 80, 90])
_EW = {"east", "west"}


def match_direction(tokens: list[str], i: int) -> tuple[str, str | None, int] | None:
    """A direction at tokens[i]: (compass, relative predicate, next index) or None.

    Two words make a diagonal: `north east`, `top left`, `upper right`.
    """
    if i >= len(tokens) or tokens[i] not in v.DIRECTIONS:
        return None
    first, relative = v.DIRECTIONS[tokens[i]]
    if i + 1 < len(tokens) and tokens[i + 1] in v.DIRECTIONS and first in _NS:
        second = v.DIRECTIONS[tokens[i + 1]][0]
        if second in _EW:
            return first + second, None, i + 2
    return first, relative, i + 1


def match_noun(tokens: list[str], i: int) -> NounMatch | None:
    """The longest kind name at tokens[i], or None."""
    for length in range(min(MAX_PHRASE_WORDS, len(tokens) - i), 0, -1):
        words = tuple(tokens[i : i + length])
        found = NOUNS.get(words)
        if found is not None:
            return NounMatch(found[0], found[1], i + length, found[2])
        if length == 1:
            for singular in singular_candidates(words[0]):
                found = NOUNS.get((singular,))
                if found is not None:
                    return NounMatch(found[0], True, i + 1, found[2])
    return None


def is_plural_of_known(word: str) -> bool:
    return any((singular,) in NOUNS for singular in singular_candidates(word))


def match_scene(tokens: list[str], i: int) -> tuple[str, int] | None:
    """A scene word at tokens[i] (plurals allowed; a possessive inside is skipped: `the
    captain's cabin`): (scene name, next index) or None."""
    if i < len(tokens) and tokens[i] == "'s":
        return None
    for length in (4, 3, 2, 1):
        span = tokens[i : i + length]
        words = tuple(t for t in span if t != "'s")
        if len(span) == length and span[-1] != "'s" and words in SCENE_PHRASES:
            return SCENE_PHRASES[words], i + length
    if i < len(tokens):
        for singular in singular_candidates(tokens[i]):
            if (singular,) in SCENE_PHRASES:
                return SCENE_PHRASES[(singular,)], i + 1
    return None


def match_count(tokens: list[str], i: int) -> tuple[int, int] | None:
    """A count at tokens[i]: (count, next index) or None. Digits beyond 9 places saturate."""
    for length in (3, 2):
        words = tuple(tokens[i : i + length])
        if len(words) == length and words in COUNT_PHRASES:
            return COUNT_PHRASES[words], i + length
    if i >= len(tokens):
        return None
    word = tokens[i]
    if word.isascii() and word.isdigit():
        return (int(word) if len(word) <= 9 else 10**9), i + 1
    if word in v.NUMBER_WORDS:
        value = v.NUMBER_WORDS[word]
        unit = v.NUMBER_WORDS.get(tokens[i + 1], 0) if i + 1 < len(tokens) else 0
        if value in _TENS and 1 <= unit <= 9 and tokens[i + 1] not in ("a", "an"):
            return value + unit, i + 2  # `forty two`
        return value, i + 1
    return None


def match_ordinal(tokens: list[str], i: int) -> tuple[int, int] | None:
    """An ordinal (`first`, `3rd`, `last` = -1) at tokens[i]: (position, next index)."""
    if i >= len(tokens):
        return None
    word = tokens[i]
    if word in v.ORDINALS:
        return v.ORDINALS[word], i + 1
    digits = word[:-2]
    if (
        len(word) > 2
        and digits.isascii()
        and digits.isdigit()
        and word[-2:] in ("st", "nd", "rd", "th")
    ):
        return (int(digits) if len(digits) <= 6 else 10**6), i + 1
    return None


class RelationMatch(NamedTuple):
    predicate: str
    direction: str | None
    relative: str | None
    end: int
    pattern: tuple[str, ...]


def match_relation(tokens: list[str], i: int) -> RelationMatch | None:
    """The longest relation phrase starting at tokens[i], or None."""
    candidates = _PATTERNS_BY_FIRST.get(tokens[i], ()) if i < len(tokens) else ()
    if i < len(tokens) and tokens[i] in v.DIRECTIONS:
        candidates = (*candidates, *_PATTERNS_BY_FIRST.get("{dir}", ()))
    best: RelationMatch | None = None
    for pattern, predicate in candidates:
        matched = _match_pattern(pattern, tokens, i)
        if matched is None:
            continue
        direction, relative, end = matched
        if best is None or end > best.end:
            best = RelationMatch(predicate, direction, relative, end, pattern)
    return best


def _match_pattern(
    pattern: tuple[str, ...], tokens: list[str], i: int
) -> tuple[str | None, str | None, int] | None:
    direction: str | None = None
    relative: str | None = None
    j = i
    for part in pattern:
        if part == "{dir}":
            found = match_direction(tokens, j)
            if found is None:
                return None
            direction, relative, j = found
            continue
        if j >= len(tokens):
            return None
        if part == "{part}":
            if tokens[j] not in PART_WORDS:
                return None
        elif part == "{edge}":
            if tokens[j] not in EDGE_WORDS:
                return None
        elif tokens[j] != part:
            return None
        j += 1
    return direction, relative, j


def _known_words() -> frozenset[str]:
    words: set[str] = set(READER_WORDS) | QUIET_WORDS
    for table in (NOUNS, SCENE_PHRASES, COUNT_PHRASES):
        for phrase in table:
            words.update(phrase)
    for pattern, _ in RELATION_PATTERNS:
        words.update(part for part in pattern if not part.startswith("{"))
    for table2 in (v.NUMBER_WORDS, v.ORDINALS, v.SIZES, v.DIRECTIONS):
        words.update(table2)
    words.update(v.PART_WORDS, v.EDGE_WORDS, v.FILLER_WORDS, v.DECORATIVE_WORDS)
    return frozenset(words)


def _correctable_words() -> frozenset[str]:
    """Single words a typo may be read as: the nouns (with plurals) and the place words."""
    single = {phrase[0] for phrase in NOUNS if len(phrase) == 1}
    single.update(phrase[0] for phrase in SCENE_PHRASES if len(phrase) == 1)
    # the words of longer names too (`parking` of `parking lot`), when long enough not to be
    # confused with another short word
    for table in (NOUNS, SCENE_PHRASES):
        single.update(
            word for phrase in table if len(phrase) > 1 for word in phrase if len(word) >= 5
        )
    return frozenset(word for word in single if len(word) >= 3 and word.isalpha())


KNOWN_WORDS = _known_words()
CORRECTABLE_WORDS = _correctable_words()
