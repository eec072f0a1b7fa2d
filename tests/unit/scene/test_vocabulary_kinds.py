"""Kinds: well-formed names and phrases, settings, and words that name one kind each."""

import re

import pytest

from domain.scene import vocabulary as v
from domain.scene.parse import lexicon

_NAME = re.compile(r"^[a-z][a-z_]*$")
_NODE_ID = re.compile(r"^[a-z][a-z_]*-[0-9]+$")
_PHRASE = re.compile(r"^[a-z]+( ([a-z]+|'s))*$")  # `'s` is the tokenizer's possessive

# Words that must name a kind of their own (not be a synonym of something else).
OWN_KINDS = [
    "bar",
    "bench",
    "stage",
    "anvil",
    "cauldron",
    "chandelier",
    "tapestry",
    "blackboard",
    "stool",
    "cupboard",
    "bonfire",
    "pond",
    "watchtower",
    "market stall",
    "camel",
    "frog",
    "water cooler",
    "parking space",
    "office desk",
    "filing cabinet",
    "traffic light",
    "lamppost",
    "console",
    "captain chair",
    "cryo pod",
    "crew member",
    "cactus",
    "igloo",
    "lily pad",
    "snowman",
]

# Phrases that were quiet or relation words before this vocabulary grew; new ones may not be.
_KNOWN_DOUBLE_DUTY = {"stone", "coast", "shore"}


def _phrases() -> dict[str, str]:
    return {phrase: kind.name for kind in v.KINDS for phrase in (kind.name, *kind.synonyms)}


def test_eight_families_each_with_at_least_ten_kinds() -> None:
    assert len(v.KINDS) >= 200
    assert len(v.THEMES) == 8 and set(v.THEMES) == {kind.family for kind in v.KINDS}
    for family in v.THEMES:
        assert sum(kind.family == family for kind in v.KINDS) >= 10, family


def test_names_are_snake_case_and_make_valid_node_ids() -> None:
    for kind in v.KINDS:
        assert _NAME.match(kind.name), kind.name
        assert _NODE_ID.match(f"{kind.name}-12"), kind.name


def test_a_multiword_name_is_also_written_with_spaces() -> None:
    for kind in v.KINDS:
        if "_" in kind.name:
            assert kind.name.replace("_", " ") in kind.synonyms, kind.name


def test_synonyms_are_lowercase_words_the_tokenizer_can_produce() -> None:
    for kind in v.KINDS:
        for phrase in kind.synonyms:
            assert _PHRASE.match(phrase), (kind.name, phrase)
            assert len(phrase.split()) <= lexicon.MAX_PHRASE_WORDS, (kind.name, phrase)


def test_every_kind_says_where_it_belongs() -> None:
    for kind in v.KINDS:
        assert kind.setting in ("indoor", "outdoor", "any"), kind.name
    settings = {kind.setting for kind in v.KINDS}
    assert settings == {"indoor", "outdoor", "any"}


def test_furniture_is_indoor_and_buildings_outdoor() -> None:
    for name in ("bed", "bar", "stool", "office_desk", "console", "pew", "blackboard"):
        assert lexicon.kind_spec(name).setting == "indoor", name
    for name in ("house", "tree", "road", "building", "igloo", "lamppost", "forest"):
        assert lexicon.kind_spec(name).setting == "outdoor", name
    for name in ("person", "dog", "barrel", "chest", "robot", "camel"):
        assert lexicon.kind_spec(name).setting == "any", name


@pytest.mark.parametrize("words", OWN_KINDS)
def test_these_words_name_a_kind_of_their_own(words: str) -> None:
    found = lexicon.match_noun(words.split(), 0)
    assert found is not None and found.kind == words.replace(" ", "_"), (words, found)
    assert found.end == len(words.split()) and not found.plural


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("stools", "stool"),
        ("benches", "bench"),
        ("market stalls", "market_stall"),
        ("ponds", "pond"),
        ("cacti", "cactus"),
        ("lily pads", "lily_pad"),
        ("water coolers", "water_cooler"),
        ("parking spaces", "parking_space"),
        ("crew members", "crew_member"),
        ("bar stool", "stool"),
        ("street light", "lamppost"),
        ("car park", "parking_lot"),
        ("captain 's chair", "captain_chair"),
        ("fire engine", "truck"),
        ("sand castle", "sandcastle"),
        ("polar bear", "polar_bear"),
        ("skeleton key", "key"),
    ],
)
def test_plurals_and_compounds_find_the_right_kind(words: str, kind: str) -> None:
    found = lexicon.match_noun(words.split(), 0)
    assert found is not None and found.kind == kind, (words, found)
    assert found.end == len(words.split())


def test_no_phrase_names_two_kinds() -> None:
    assert lexicon.SYNONYM_CLASHES == []


def test_no_regular_plural_of_one_kind_is_another_kinds_word() -> None:
    phrases = _phrases()
    clashes = []
    for kind in v.KINDS:
        for phrase in (kind.name, *kind.synonyms):
            *head, last = phrase.split()
            for form in lexicon.plural_forms(last):
                other = phrases.get(" ".join((*head, form)))
                if other is not None and other != kind.name:
                    clashes.append((phrase, form, other))
    assert clashes == []


def test_no_one_word_kind_is_also_a_quiet_count_size_or_relation_word() -> None:
    quiet = (
        set(v.FILLER_WORDS)
        | set(v.NUMBER_WORDS)
        | set(v.SIZES)
        | set(v.DIRECTIONS)
        | set(v.DECORATIVE_WORDS)
        | set(v.PART_WORDS)
        | set(v.EDGE_WORDS)
        | {phrase for phrase, _ in v.RELATION_PHRASES if " " not in phrase}
    )
    doubled = {
        phrase
        for phrase in _phrases()
        if " " not in phrase and {phrase, *lexicon.plural_forms(phrase)} & quiet
    }
    assert doubled <= _KNOWN_DOUBLE_DUTY


def test_irregular_plurals_are_listed_with_the_kind_of_their_singular() -> None:
    phrases = _phrases()
    for plural, singular in v.IRREGULAR_PLURALS.items():
        assert plural in phrases and singular in phrases, plural
        assert phrases[plural] == phrases[singular], plural


@pytest.mark.parametrize("family", v.THEMES)
def test_glyphs_are_unique_and_printable_within_a_family(family: str) -> None:
    glyphs = [kind.glyph for kind in v.KINDS if kind.family == family]
    assert len(glyphs) == len(set(glyphs)), sorted(glyphs)
    assert all(len(glyph) == 1 and 33 <= ord(glyph) < 127 for glyph in glyphs)


def test_the_docstring_counts_each_family() -> None:
    doc = " ".join((v.__doc__ or "").split())
    assert f"Families ({len(v.KINDS)} kinds)" in doc
    for family in v.THEMES:
        count = sum(kind.family == family for kind in v.KINDS)
        assert f"`{family}` ({count})" in doc, family
    assert f"Places (`places.SCENES`, {len(v.SCENES)})" in doc
