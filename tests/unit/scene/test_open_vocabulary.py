"""Nouns beyond the vocabulary, real words kept as written, counts and the quality summary."""

from collections import Counter

import pytest

from domain.scene import catalog, generate_scene, parse_prompt
from domain.scene.model import SceneRequest, ThingSpec
from domain.scene.render.summary import quality_line
from tests.unit.scene.scene_assertions import walk


def things_of(request: SceneRequest, kind: str) -> list[ThingSpec]:
    return [thing for thing in request.things if thing.kind == kind]


def kinds(prompt: str) -> Counter[str]:
    return Counter(thing.kind for thing in parse_prompt(prompt).things)


def test_a_concrete_noun_the_vocabulary_lacks_is_a_labelled_generic_thing_of_its_category() -> None:
    scene = generate_scene("a pirate ship deck with cannons", seed=1)
    cannons = [node for node, _ in walk(scene.scene_graph) if node["kind"] == "cannon"]
    assert cannons, "the cannons were not drawn"
    assert catalog.kind_spec("cannon").category == "device"
    for node in cannons:
        assert node["label"] == "cannon"
        assert "generic" in node["tags"]
    about_cannons = [w for w in scene.scene_graph["warnings"] if "cannon" in w]
    assert len(about_cannons) == 1, about_cannons
    assert "device" in about_cannons[0]


def test_a_noun_whose_close_hypernym_is_a_known_kind_is_drawn_as_that_kind() -> None:
    request = parse_prompt("a rowboat")
    boats = things_of(request, "boat")
    assert [thing.word for thing in boats] == ["rowboat"]
    assert not any(thing.kind == "rowboat" for thing in request.things)


def test_a_vessel_that_is_a_container_is_not_drawn_as_a_ship() -> None:
    request = parse_prompt("an alembic on a workbench")
    alembics = [thing for thing in request.things if thing.word == "alembic"]
    assert len(alembics) == 1
    assert alembics[0].kind not in ("ship", "boat")
    assert catalog.kind_spec(alembics[0].kind).category == "container"


@pytest.mark.parametrize(
    ("prompt", "kind", "label", "count"),
    [
        ("three longhouses", "house", "longhouse", 3),
        ("a waterslide", "slide", "waterslide", 1),
    ],
)
def test_a_closed_compound_is_drawn_as_its_head_and_labelled_with_the_whole_word(
    prompt: str, kind: str, label: str, count: int
) -> None:
    things = things_of(parse_prompt(prompt), kind)
    assert [thing.word for thing in things] == [label] * count


def test_a_real_english_word_is_never_corrected_into_another_word() -> None:
    booth = parse_prompt("a ticket booth")
    assert not any("thicket" in warning for warning in booth.warnings)
    assert not any(thing.kind == "forest" for thing in booth.things)
    assert [thing.word for thing in booth.things] == ["ticket booth"]


def test_domes_are_domes_not_misspelt_does() -> None:
    request = parse_prompt("does and domes")
    deer = things_of(request, "deer")
    assert len(deer) == 3 and all(thing.word == "doe" for thing in deer)
    assert any(thing.word == "dome" for thing in request.things)
    assert not any("domes" in warning and "read" in warning for warning in request.warnings)


@pytest.mark.parametrize(
    ("prompt", "typo", "word", "kind"),
    [
        ("a tavrn", "tavrn", "tavern", "tavern"),
        ("securty booth", "securty", "security", None),
    ],
)
def test_a_non_word_is_read_as_the_close_word_and_said(
    prompt: str, typo: str, word: str, kind: str | None
) -> None:
    request = parse_prompt(prompt)
    assert any(f"read '{typo}' as '{word}'" in warning for warning in request.warnings)
    assert any(word in thing.word for thing in request.things)
    if kind is not None:
        assert kinds(prompt)[kind] == 1


def test_a_word_that_is_mostly_a_verb_is_no_thing_where_nothing_makes_it_a_noun() -> None:
    request = parse_prompt("a lamp stands beside the bed")
    assert not any(thing.kind == "stand" or "stand" in thing.word for thing in request.things)
    assert Counter(thing.kind for thing in request.things) >= Counter({"lamp": 1, "bed": 1})


def test_a_verb_in_a_noun_place_is_the_head_of_a_compound() -> None:
    request = parse_prompt("a hot dog stand")
    assert [thing.word for thing in request.things if thing.origin == "prompt"] == ["hot dog stand"]
    assert not any(thing.kind == "dog" for thing in request.things)


def test_a_possessive_names_its_own_thing() -> None:
    request = parse_prompt("a classroom with 20 desks in 4 rows of 5 and the teacher's desk")
    desks = things_of(request, "desk")
    assert len(desks) == 21
    assert [thing.word for thing in desks].count("teacher's desk") == 1


def test_on_each_side_of_doubles_the_count() -> None:
    cells = things_of(parse_prompt("six cells on each side of a corridor"), "room")
    assert len(cells) == 12 and all(thing.word == "cell" for thing in cells)


def test_rows_of_multiply_and_keep_the_number_of_rows() -> None:
    request = parse_prompt("four rows of five desks")
    assert len(things_of(request, "desk")) == 20
    rows = [r for r in request.relations if r.predicate == "in_rows"]
    assert rows and all(r.argument == "4" for r in rows)
    members = {r.subject for r in rows} | {o for r in rows for o in r.objects}
    assert members == {thing.id for thing in things_of(request, "desk")}


def test_a_pack_is_five() -> None:
    assert kinds("a pack of wolves")["wolf"] == 5


def test_the_quality_summary_counts_what_was_asked_and_names_what_was_not_understood() -> None:
    # a blorf is drawn as a plain thing (a noun's place says it is one), and still named as
    # a word not understood
    graph = generate_scene("a village with a blorf and three houses", seed=1).scene_graph
    quality = graph["quality"]
    assert quality["thingsAsked"] == 4
    assert quality["thingsPlaced"] == 4
    assert quality["wordsNotUnderstood"] == ["blorf"]
    assert quality["defaultPlace"] is False


def test_the_quality_summary_says_when_a_default_place_was_drawn() -> None:
    quality = generate_scene("zqxv", seed=1).scene_graph["quality"]
    assert quality["defaultPlace"] is True
    assert quality["wordsNotUnderstood"] == ["zqxv"]


def test_the_quality_line_is_one_line() -> None:
    graph = generate_scene("a village with a blorf and three houses", seed=1).scene_graph
    line = quality_line(graph)
    assert line.startswith("Quality: ")
    assert "\n" not in line
    assert "4 of 4 things placed" in line and "blorf" in line
