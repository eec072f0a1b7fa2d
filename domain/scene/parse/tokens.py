"""Splitting a prompt into lower-case tokens the reader understands.

Words (a hyphenated describing word, `stone-walled`, kept whole), whole numbers (with ordinal
suffixes), signed and decimal numbers kept whole so a count like `-5` or `3.5` can be refused
with a reason, the possessive `'s`, and punctuation that ends a clause (a dash between words
is a `;`).
"""

import re
import unicodedata

POSSESSIVE = "'s"
_TOKEN = re.compile(
    r"(?<![\w.])-[0-9]+(?:\.[0-9]+)?(?![\w])"  # a signed number: -5, -2.5
    r"|[0-9]+\.[0-9]+"  # a decimal: 3.5
    r"|['\u2019]s\b"  # the possessive of the word before
    r"|\b(?:sci-fi|hi-tech|high-tech|low-tech|run-down|one-storey|two-storey|walk-in"
    r"|drive-in|built-in|pop-up|fold-out|pull-out|open-air|open-plan)\b"
    r"|[^\W\d_]+-[^\W\d_]*(?:ed|en|lit|ing|like|shaped)\b"  # stone-walled, well-lit: one word
    r"|\b(?:post|pre|anti|non|semi|neo|pseudo|ultra|quasi|multi)-[^\W\d_]+\b"  # post-apocalyptic
    # four-poster, two-story, 3-car: a number joined to a word describes, it counts nothing
    r"|\b(?:[0-9]+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|hundred)-[^\W\d_]+\b"
    r"|\b[^\W\d_]{2,}[0-9]+\b"  # `WW1`, `M16`: a name, no count of what follows
    r"|[^\W\d_]+"  # a word
    r"|[0-9]+(?:st|nd|rd|th)?"  # a whole number or an ordinal
    r"|[,.;:!?()]"
    r"|(?<!\S)--?(?!\S)|[\u2013\u2014]"  # a dash between words: `a bay - trays in rows`
)
_DASHES = frozenset(["-", "--", "\u2013", "\u2014"])
# `w/ a stove`, `w/o windows`: the shorthand people type for with and without
_WITH_SHORTHAND = re.compile(r"\bw/(o\b)?")
# `a wood fired oven`, `a walk in fridge`: describing words typed without their hyphen
_UNHYPHENATED = re.compile(
    r"\b(wood|coal|gas|oil|wood-burning) (fired)\b"
    # `a 2 bedroom apartment`: what kind of home, not two bedrooms
    r"|\b([0-9]+|one|two|three|four|five|six) (bedroom|bed|bath|bathroom|room|storey|story)"
    r"(?= (?:apartment|house|flat|home|condo|cottage|bungalow|villa|cabin|townhouse)s?\b)"
    r"|\b(walk) (in)(?= (?:fridge|freezer|closet|wardrobe|cooler|shower|pantry|refrigerator)s?\b)"
)


_AMPERSAND = re.compile(r"\s[&+]\s")
_ABOUT = re.compile(r"\b([0-9]+)-?ish\b")


def tokenize(prompt: str) -> list[str]:
    """Lower-case tokens; the possessive in either apostrophe becomes `'s`."""
    text = _WITH_SHORTHAND.sub(_spelled_with, _without_accents(_acronyms(prompt).lower()))
    text = _UNHYPHENATED.sub(lambda m: "-".join(g for g in m.groups() if g), text)
    text = _AMPERSAND.sub(" and ", text)  # `3 on port & 3 on starboard`, `halfpipe + 3 ramps`
    text = _ABOUT.sub(r"\1", text)  # `a penguin colony (20ish)`: about twenty
    tokens = _TOKEN.findall(text)
    return [
        POSSESSIVE if token in ("'s", "\u2019s") else ";" if token in _DASHES else token
        for token in tokens
    ]


def _acronyms(prompt: str) -> str:
    """`ER with 6 curtained bays`: the emergency room (in capitals only, and opening the
    prompt: `er` alone is a pause)."""
    return _OPENING_ER.sub(lambda m: m.group(1) + "emergency room", prompt)


_OPENING_ER = re.compile(r"^(\s*(?:[Aa]n? |[Tt]he )?)ER\b")


def _spelled_with(shorthand: re.Match[str]) -> str:
    return " without " if shorthand.group(1) else " with "


def _without_accents(text: str) -> str:
    """`café`, `piñata`, `naïve`: the letters the vocabulary spells them with."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_compound_adjective(token: str) -> bool:
    """`stone-walled`, `well-lit`, `moss-covered`: one describing word, whose parts name no
    thing (no stone, no well)."""
    first, dash, rest = token.partition("-")
    return bool(dash) and first.isalnum() and rest.isalpha()


def is_malformed_count(token: str) -> bool:
    """`-5`, `3.5`: written as a number, but not a count of things."""
    return token[:1] == "-" or ("." in token and token[:1].isdigit())
