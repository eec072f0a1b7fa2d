"""The vocabulary: enough kinds and themes, well-formed rows, unambiguous glyphs and words."""

import pytest

from domain.scene import catalog
from domain.scene import vocabulary as v
from domain.scene.parse import lexicon

PRINTABLE = {chr(code) for code in range(33, 127)}


def test_at_least_two_hundred_kinds_across_eight_themes() -> None:
    assert len(v.KINDS) >= 200
    themes = {kind.family for kind in v.KINDS}
    assert themes == set(v.THEMES) and len(themes) >= 8
    for theme in v.THEMES:
        assert sum(1 for kind in v.KINDS if kind.family == theme) >= 10, theme


@pytest.mark.parametrize("theme", v.THEMES)
def test_glyphs_are_unique_and_printable_within_a_theme(theme: str) -> None:
    glyphs = [kind.glyph for kind in v.KINDS if kind.family == theme]
    assert len(glyphs) == len(set(glyphs)), sorted(glyphs)
    assert all(len(glyph) == 1 and glyph in PRINTABLE for glyph in glyphs)


def test_every_kind_has_footprint_layer_glyph_and_synonyms() -> None:
    names = [kind.name for kind in v.KINDS]
    assert len(names) == len(set(names))
    for kind in v.KINDS:
        assert kind.layer in ("terrain", "structure", "object", "actor"), kind.name
        assert kind.shape in ("box", "area", "path", "room"), kind.name
        assert kind.width >= 1, kind.name
        assert kind.height >= 1 or kind.shape == "path", kind.name
        assert kind.synonyms, kind.name
        assert kind.container in ("none", "open", "walled"), kind.name


def test_no_word_names_two_kinds() -> None:
    assert lexicon.SYNONYM_CLASHES == []


def test_scene_glyphs_do_not_collide_with_their_themes_kinds() -> None:
    for scene in v.SCENES:
        own = {kind.glyph for kind in v.KINDS if kind.family == scene.family and not kind.water}
        assert scene.terrain_glyph not in own or scene.terrain_glyph == ".", scene.name
        assert len(scene.border) == 3
        for kind_name, _ in scene.defaults:
            assert catalog.is_kind(kind_name), kind_name


def test_scene_words_cover_every_kind_of_place() -> None:
    assert set(v.SCENE_WORDS.values()) == {scene.name for scene in v.SCENES}


@pytest.mark.parametrize(
    ("words", "count"),
    [
        ("a", 1),
        ("an", 1),
        ("two", 2),
        ("twenty", 20),
        ("several", 4),
        ("many", 8),
        ("a few", 3),
        ("a couple of", 2),
        ("a dozen", 12),
        ("12", 12),
    ],
)
def test_count_words_have_their_documented_meaning(words: str, count: int) -> None:
    found = lexicon.match_count(words.split(), 0)
    assert found is not None and found[0] == count


def test_fuzzy_counts_and_caps_are_documented() -> None:
    doc = v.__doc__ or ""
    for phrase in ("`a few` = 3", "`several` = 4", "`many` = 8", "`a dozen` = 12"):
        assert phrase in doc
    assert "`MAX_THINGS` (1,000)" in doc and v.MAX_THINGS == 1000
    assert f"`MAX_PATHS` ({v.MAX_PATHS})" in doc and f"`MAX_AREAS` ({v.MAX_AREAS})" in doc


def test_number_words_run_from_one_to_twenty() -> None:
    words = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ]
    assert [v.NUMBER_WORDS[word] for word in words] == list(range(1, 21))


def test_sizes_scale_footprints_in_order() -> None:
    factors = {name: num / den for name, num, den in v.SIZES.values()}
    assert factors["tiny"] < factors["small"] < 1 < factors["large"] < factors["huge"]


def test_plurals_and_synonyms_find_their_kind() -> None:
    for word, kind in [
        ("cottage", "house"),
        ("houses", "house"),
        ("cottages", "house"),
        ("wolves", "wolf"),
        ("boxes", "barrel"),
        ("people", "person"),
        ("shelves", "shelf"),
        ("bookshelves", "bookshelf"),
        ("inns", "tavern"),
    ]:
        found = lexicon.match_noun([word], 0)
        assert found is not None and found.kind == kind, word
    palm = lexicon.match_noun(["palm", "trees"], 0)
    assert palm is not None and palm.kind == "palm" and palm.plural and palm.end == 2


def test_relation_phrases_name_only_known_predicates() -> None:
    known = {
        "{dir}_of",
        "left_of",
        "right_of",
        "above",
        "below",
        "north_of",
        "south_of",
        "in_region",
        "in_center",
        "in_corner",
        "against_wall",
        "next_to",
        "near",
        "far_from",
        "inside",
        "around",
        "~around",
        "~behind",
        "~front",
        "~back",
        "~covered",
        "between",
        "along",
        "connected_to",
        "~connected_by",
        "~connecting",
        "~from",
        "across",
    }
    assert {predicate for _, predicate in v.RELATION_PHRASES} <= known
    assert len({p for _, p in v.RELATION_PHRASES if not p.startswith("~")}) >= 12
