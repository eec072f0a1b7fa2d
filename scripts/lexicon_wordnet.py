"""Reads the WordNet 3.0 database files (the format of wndb(5)) for scripts/build_lexicon.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

PARTS_OF_SPEECH = ("noun", "verb", "adj", "adv")
HYPERNYM_POINTERS = frozenset({"@", "@i"})  # hypernym, instance hypernym
_ADJECTIVE_MARKER = re.compile(r"\((?:a|p|ip)\)$")  # "galore(ip)" in data.adj


@dataclass(frozen=True)
class Synset:
    offset: str
    lexfile: int  # the lexicographer file number: 6 noun.artifact, 8 noun.body, 27 noun.substance
    words: tuple[str, ...]  # as written in the database: case kept, "_" between words
    hypernyms: tuple[str, ...]  # offsets, in the order of the data line

    @property
    def head(self) -> str:
        """The synset's first word, lowercase with spaces: how an ancestor is named."""
        return self.words[0].replace("_", " ").lower()

    def written(self, lemma: str) -> str | None:
        """How the synset writes `lemma` (an index.noun lemma), or None when it lacks it."""
        for word in self.words:
            if word.lower() == lemma:
                return word
        return None


@dataclass
class WordNet:
    nouns: dict[str, Synset] = field(default_factory=dict)  # offset -> noun synset
    noun_index: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lemma -> offsets
    # lemma -> how many of its senses are tagged in the SemCor corpus (0: a rare word)
    noun_tagged: dict[str, int] = field(default_factory=dict)
    # lowercase single and multiword lemmas of every part of speech, as written lowercase
    common_lemmas: set[str] = field(default_factory=set)
    # inflected form -> base forms, from noun.exc, verb.exc, adj.exc and adv.exc
    exceptions: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)

    def synset(self, name: str) -> Synset:
        """A noun synset by its usual name, "building.n.01": the lemma's n-th sense."""
        lemma, _, number = name.rpartition(".n.")
        return self.nouns[self.noun_index[lemma][int(number) - 1]]


def _data_lines(path: Path) -> list[str]:
    return [
        line
        for line in path.read_text(encoding="latin-1").splitlines()
        if line and not line.startswith("  ")  # the licence header lines start with two spaces
    ]


def _parse_data_line(line: str) -> tuple[Synset, tuple[str, ...]]:
    fields = line.partition(" | ")[0].split()
    word_count = int(fields[3], 16)
    words = tuple(_ADJECTIVE_MARKER.sub("", fields[4 + 2 * i]) for i in range(word_count))
    at = 4 + 2 * word_count
    pointer_count = int(fields[at])
    hypernyms = []
    for k in range(pointer_count):
        symbol, offset, pos = fields[at + 1 + 4 * k : at + 4 + 4 * k]
        if symbol in HYPERNYM_POINTERS and pos == "n":
            hypernyms.append(offset)
    synset = Synset(fields[0], int(fields[1]), words, tuple(hypernyms))
    return synset, words


def read_wordnet(root: Path) -> WordNet:
    """Reads data.*, index.noun and *.exc under `root` (/usr/share/wordnet)."""
    wordnet = WordNet()
    for pos in PARTS_OF_SPEECH:
        for line in _data_lines(root / f"data.{pos}"):
            synset, words = _parse_data_line(line)
            if pos == "noun":
                wordnet.nouns[synset.offset] = synset
            wordnet.common_lemmas.update(w.lower() for w in words if w == w.lower())
        exceptions: dict[str, tuple[str, ...]] = {}
        for line in (root / f"{pos}.exc").read_text(encoding="latin-1").splitlines():
            inflected, *bases = line.split()
            exceptions[inflected] = tuple(bases)
        wordnet.exceptions[pos] = exceptions
    for line in _data_lines(root / "index.noun"):
        fields = line.split()
        pointer_count = int(fields[3])
        # lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
        wordnet.noun_index[fields[0]] = tuple(fields[4 + pointer_count + 2 :])
        wordnet.noun_tagged[fields[0]] = int(fields[4 + pointer_count + 1])
    return wordnet
