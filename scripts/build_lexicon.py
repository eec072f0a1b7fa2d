"""Build domain/scene/lexical's tables from WordNet 3.0 and the SCOWL word lists (Debian's).

    apt-get install -y wordnet-base wamerican-large wbritish-large
    python3 scripts/build_lexicon.py [--out DIR]

Writes `_nouns_data.py` (concrete nouns with category, place flag and hypernyms; irregular
plurals), `_words_data.py` (English words in every inflection) and the two licence notices.
Same inputs, same bytes: everything is sorted and nothing depends on the clock or the machine.
The sense and category rules are in lexicon_rules.py.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lexicon_anchors import CATEGORY_ANCHORS, CATEGORY_PRIORITY, OVERRIDES, UNRANKED_PREFERENCE
from lexicon_rules import Rules, Sense
from lexicon_wordnet import WordNet, read_wordnet

from domain.scene.lexical import ABSTRACT, CATEGORIES, CODES, PLURAL_SUFFIXES

ROOT = Path(__file__).resolve().parent.parent

WORDNET_DIR = Path("/usr/share/wordnet")
WORD_LISTS = (
    Path("/usr/share/dict/american-english-large"),
    Path("/usr/share/dict/british-english-large"),
)
WORDNET_NOTICE = Path("/usr/share/doc/wordnet-base/copyright")
SCOWL_NOTICE = Path("/usr/share/doc/wamerican-large/copyright")
OUT_DIR = ROOT / "domain" / "scene" / "lexical"

# A noun whose other parts of speech are tagged at least this many times, and this many times
# as often as the noun, reads as a noun only where the sentence says so (after `a`, `two`).
MOSTLY_OTHER_EVIDENCE = 3
MOSTLY_OTHER_RATIO = 1.5

# Irregular plurals noun.exc lacks, with the reason.
EXTRA_PLURALS = {
    "people": "person",  # WordNet has "people" only as a noun of its own (a group, a nation)
}

# A word: Latin-1 lowercase letters, with inner hyphens or apostrophes ("o'clock", "x-ray").
_WORD = re.compile(r"[a-zß-öø-ÿ]+(?:['-][a-zß-öø-ÿ]+)*'?")
_VOWEL = re.compile(r"[aeiouyà-æè-ïò-öø-ýÿ]")
_ROMAN = re.compile(r"m{0,4}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})")
# The words without a vowel that are words, not abbreviations ("kg", "bldg", "mph").
VOWELLESS_WORDS = frozenset(
    "brr brrr crwth cwm grr hm hmm mm nth pfft psst pst sh shh tsk tsktsk zzz".split()
)


def is_word(word: str) -> bool:
    """Keeps real words: no single letters but "a" and "i", no vowelless abbreviation but a
    roman numeral ("xx") or one of VOWELLESS_WORDS."""
    if not _WORD.fullmatch(word) or (len(word) == 1 and word not in "ai"):
        return False
    return bool(_VOWEL.search(word)) or word in VOWELLESS_WORDS or bool(_ROMAN.fullmatch(word))


def regular_plural(noun: str) -> str:
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return noun[:-1] + "ies"
    return noun + "s"


def build_nouns(rules: Rules) -> dict[str, Sense | None]:
    """Every common noun lemma: its concrete sense, or None (kept for single words only, so that
    `singular` knows "ideas" is the plural of a noun)."""
    nouns: dict[str, Sense | None] = {}
    for lemma in rules.wordnet.noun_index:
        key = lemma.replace("_", " ")
        if not rules.is_common(key):
            continue  # only a proper name: "Paris", "Bos"
        sense = rules.choose(key)
        if sense is not None or _WORD.fullmatch(key):  # no abstract phrases, numbers ("9/11")
            nouns[key] = sense
    plurals = rules.wordnet.exceptions["noun"]
    for key, sense in nouns.items():
        if sense is None or " " in key or rules.wordnet.noun_tagged[key] > 0:
            continue
        # A rare lemma that is the plural of a common concrete noun reads as that plural: "bones"
        # is WordNet's percussion instrument (never tagged in SemCor), but a scene means bones.
        # ("pliers" stays: "plier", one who plies, is no more common.)
        if any(
            nouns.get(singular) is not None and rules.wordnet.noun_tagged[singular] > 0
            for singular in singulars(key, plurals)
        ):
            nouns[key] = None
    return nouns


def singulars(word: str, plurals: dict[str, tuple[str, ...]]) -> list[str]:
    """The nouns `word` is surely the plural of: noun.exc's, or one whose regular plural it is
    (`singular` tries more, "firemen" -> "fireman", but "dolmen" is no plural of "dolman")."""
    candidates = [base for base in plurals.get(word, ()) if base != word]
    for suffix, replacement in PLURAL_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            candidate = word[: -len(suffix)] + replacement
            if regular_plural(candidate) == word:
                candidates.append(candidate)
    return candidates


def build_synset_table(rules: Rules, nouns: dict[str, Sense | None]) -> tuple[str, dict[str, int]]:
    """The records "head\\tparent,parent\\n" of every synset chosen or above one, and each
    synset's character offset; refs are base 36 of a fixed width so the layout is one pass."""
    wanted: set[str] = set()
    queue = [sense.synset for sense in nouns.values() if sense is not None]
    while queue:
        synset = queue.pop()
        if synset.offset not in wanted:
            wanted.add(synset.offset)
            queue.extend(rules.parents(synset))
    order = sorted(wanted)
    width = 1
    while True:
        offsets: dict[str, int] = {}
        position = 1  # the table starts with a newline, as every table does
        for offset in order:
            offsets[offset] = position
            synset = rules.wordnet.nouns[offset]
            parents = rules.parents(synset)
            position += len(synset.head) + 1 + len(parents) * (width + 1) - bool(parents) + 1
        if position < 36**width:
            break
        width += 1
    records = []
    for offset in order:
        synset = rules.wordnet.nouns[offset]
        refs = ",".join(base36(offsets[p.offset], width) for p in rules.parents(synset))
        records.append(f"{synset.head}\t{refs}\n")
    table = "\n" + "".join(records)
    assert len(table) == position
    return table, offsets


def base36(number: int, width: int) -> str:
    digits = ""
    while number:
        number, digit = divmod(number, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[digit] + digits
    return digits.rjust(width, "0")


def noun_lines(nouns: dict[str, Sense | None], offsets: dict[str, int]) -> list[str]:
    width = len(base36(max(offsets.values()), 1))
    lines = []
    for key in sorted(nouns):
        sense = nouns[key]
        if sense is None:
            lines.append(f"{key}\t{ABSTRACT}")
            continue
        code = CODES[CATEGORIES.index(sense.category)]
        code = code.upper() if sense.place else code
        lines.append(f"{key}\t{code}{base36(offsets[sense.synset.offset], width)}")
    return lines


def plural_lines(wordnet: WordNet, nouns: dict[str, Sense | None]) -> list[str]:
    """Irregular plurals from noun.exc whose singular is in the noun table (concrete first)."""
    singulars: dict[str, str] = {}
    exceptions = dict(wordnet.exceptions["noun"])
    exceptions.update((plural, (singular,)) for plural, singular in EXTRA_PLURALS.items())
    for inflected, bases in exceptions.items():
        plural = inflected.replace("_", " ")
        known = [b.replace("_", " ") for b in bases if b.replace("_", " ") in nouns]
        known.sort(key=lambda base: nouns[base] is None)  # stable: WordNet's order otherwise
        if known and known[0] != plural:
            singulars[plural] = known[0]
    return [f"{plural}\t{singulars[plural]}" for plural in sorted(singulars)]


def checked(lines: list[str]) -> list[str]:
    """The lines, once sure their keys are sorted and unique: the lookup bisects on them."""
    keys = [line.split("\t", 1)[0] for line in lines]
    assert all(a < b for a, b in pairwise(keys)), "keys not sorted or unique"
    return lines


def build_words(word_lists: Iterable[Path], wordnet: WordNet) -> list[str]:
    """SCOWL's lowercase words (possessives left out: the lookup strips "'s"), WordNet's lemmas
    and irregular forms, and the regular plurals of WordNet nouns SCOWL lacks."""
    scowl: set[str] = set()
    for path in word_lists:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line == line.lower() and not line.endswith("'s"):
                scowl.add(line)
    from_wordnet = {lemma for lemma in wordnet.common_lemmas if "_" not in lemma}
    for exceptions in wordnet.exceptions.values():
        from_wordnet.update(form for form in exceptions if "_" not in form)
    irregular = {base for bases in wordnet.exceptions["noun"].values() for base in bases}
    for lemma in wordnet.noun_index:
        if "_" in lemma or lemma not in wordnet.common_lemmas:
            continue
        if lemma not in scowl and lemma not in irregular:
            from_wordnet.add(regular_plural(lemma))
    words = {w for w in scowl | from_wordnet if is_word(w)}
    return sorted(words)


def mostly_other_lines(counts: Path, nouns: dict[str, Sense | None]) -> list[str]:
    """Nouns far more often used as another part of speech in WordNet's tagged corpus (cntlist):
    `still`, `down`, `stand`, `cover`: in a description they are seldom a thing to draw."""
    noun: dict[str, int] = {}
    other: dict[str, int] = {}
    for line in counts.read_text(encoding="utf-8").splitlines():
        key, _, count = line.split()
        lemma, _, rest = key.partition("%")
        table = noun if rest.startswith("1:") else other
        table[lemma] = table.get(lemma, 0) + int(count)
    return sorted(
        lemma
        for lemma, count in other.items()
        if "_" not in lemma
        and lemma in nouns
        and count >= MOSTLY_OTHER_EVIDENCE
        and count > MOSTLY_OTHER_RATIO * noun.get(lemma, 0)
    )


def sources_digest(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def wrapped(lines: list[str], separator: str, width: int = 100) -> str:
    """The lines joined by `separator` in physical lines of about `width` characters: Python
    compiles a string literal of a few thousand long lines several times faster than one of
    150,000 short ones (this module is compiled on first use where no .pyc is kept)."""
    physical: list[str] = []
    current: list[str] = []
    size = 0
    for line in lines:
        assert separator not in line and "\n" not in line, line
        if current and size + len(line) > width:
            physical.append(separator.join(current))
            current, size = [], 0
        current.append(line)
        size += len(line) + 1
    physical.append(separator.join(current))
    return "\n".join(physical)


def python_module(docstring: str, digest: str, constants: dict[str, tuple[list[str], str]]) -> str:
    """A module of string constants, each a table of lines stored wrapped: the literal joins the
    lines with `separator` or a newline, and `.replace` turns every separator into a newline at
    import, keeping character offsets (SYNSETS refers to its records by offset)."""
    header = (
        "# Generated by scripts/build_lexicon.py: do not edit. To regenerate:\n"
        "#   apt-get install -y wordnet-base wamerican-large wbritish-large\n"
        "#   python3 scripts/build_lexicon.py\n"
        "# From WordNet 3.0 (see LICENSE-WordNet.txt) and SCOWL 2020.12.07 as packaged by\n"
        "# Debian (see LICENSE-SCOWL.txt). sha256 of the inputs read:\n"
        f"# {digest}\n"
        f'"""{docstring}"""\n'
    )
    parts = [header]
    for name, (lines, separator) in constants.items():
        body = wrapped(lines, separator)
        assert '"' not in body and "\\" not in body, f"{name} needs escaping"
        parts.append(f'\n{name} = """\n{body}\n""".replace("{separator}", "\\n")\n')
    return "".join(parts)


def notice(title: str, source: Path) -> str:
    return (
        f"{title}\n"
        f"The tables in this directory are derived from it; its notice ({source}) follows.\n\n"
        + source.read_text(encoding="utf-8")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="directory to write into")
    parser.add_argument("--wordnet", type=Path, default=WORDNET_DIR)
    args = parser.parse_args()
    wordnet_files = [
        args.wordnet / name
        for pos in ("noun", "verb", "adj", "adv")
        for name in (f"data.{pos}", f"{pos}.exc")
    ] + [args.wordnet / "index.noun", args.wordnet / "cntlist.rev"]
    digest = sources_digest([*wordnet_files, *WORD_LISTS])
    named = {*CATEGORY_ANCHORS.values(), *(o.category for o in OVERRIDES.values() if o.category)}
    assert set(CATEGORY_PRIORITY) == set(UNRANKED_PREFERENCE) == set(CATEGORIES) >= named
    wordnet = read_wordnet(args.wordnet)
    rules = Rules(wordnet)
    nouns = build_nouns(rules)
    synsets, offsets = build_synset_table(rules, nouns)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    nouns_module = python_module(
        "Nouns (WordNet 3.0), as tables of lines read by domain.scene.lexical.\n\n"
        "NOUNS: 'lemma<TAB>-' (no concrete sense) or 'lemma<TAB>' + the category's letter in\n"
        "CODES (uppercase: a place) + the base-36 offset of its synset's record in SYNSETS.\n"
        "SYNSETS: 'first lemma<TAB>the base-36 offsets of its hypernyms' records.\n"
        "PLURALS: 'irregular plural<TAB>singular'.\n",
        digest,
        {
            "NOUNS": (checked(noun_lines(nouns, offsets)), "|"),
            "SYNSETS": (synsets.strip("\n").split("\n"), "|"),
            "PLURALS": (checked(plural_lines(wordnet, nouns)), "|"),
        },
    )
    words_module = python_module(
        "WORDS: English words in every inflection (SCOWL, WordNet 3.0), one a line, sorted.\n"
        "MOSTLY_OTHER: nouns tagged far more often as another part of speech (cntlist).",
        digest,
        {
            "WORDS": (checked(build_words(WORD_LISTS, wordnet)), " "),
            "MOSTLY_OTHER": (
                checked(mostly_other_lines(args.wordnet / "cntlist.rev", nouns)),
                " ",
            ),
        },
    )
    files = {
        "_nouns_data.py": nouns_module,
        "_words_data.py": words_module,
        "LICENSE-WordNet.txt": notice("WordNet 3.0, Princeton University.", WORDNET_NOTICE),
        "LICENSE-SCOWL.txt": notice("SCOWL (Spell Checker Oriented Word Lists).", SCOWL_NOTICE),
    }
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {out / name} ({len(text.encode()):,} bytes)")


if __name__ == "__main__":
    main()
