"""Property tests: any text gives a valid scene, never an exception."""

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from domain.scene import encode_scene_graph, generate_scene, parse_prompt
from domain.scene import vocabulary as v
from tests.unit.scene.scene_assertions import check_scene

WORDS = sorted(
    {kind.name for kind in v.KINDS}
    | {synonym for kind in v.KINDS for synonym in kind.synonyms}
    | {
        phrase.replace("{dir}", "north").replace("{part}", "tip").replace("{edge}", "edge")
        for phrase, _ in v.RELATION_PHRASES
    }
    | set(v.NUMBER_WORDS)
    | set(v.COUNT_PHRASES)
    | set(v.SIZES)
    | set(v.SCENE_WORDS)
    | {
        "999",
        "0",
        "3",
        "12",
        "the",
        "and",
        "with",
        ",",
        ".",
        "the same",
        "it",
        "zorblax",
        "first",
        "last",
        "1st",
        "each other",
        "houses",
        "wolves",
        "rooms",
        "north-east",
    }
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

sizes = st.tuples(st.integers(16, 256), st.integers(8, 128))
seeds = st.integers(0, 2**32 - 1)
word_salad = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)


@SETTINGS
@given(text=st.text(max_size=2000))
@example(text="")
@example(text="   ")
@example(text="house " * 333)
@example(text="999 houses, 999 trees, 999 wolves, 999 rooms, 999 rugs and 999 boats")
@example(text="ÄÖÜ château 🏰 ΔΔΔ \uff12 houses \u00b2 \x00\t\n")
def test_any_text_parses_without_error(text: str) -> None:
    request = parse_prompt(text)
    assert request.things
    assert len(request.things) <= v.MAX_THINGS


@SETTINGS
@given(
    text=st.text(max_size=300), size=st.tuples(st.integers(16, 64), st.integers(8, 32)), seed=seeds
)
def test_any_text_gives_a_valid_scene(text: str, size: tuple[int, int], seed: int) -> None:
    width, height = size
    scene = generate_scene(text, seed=seed, width=width, height=height)
    check_scene(scene.scene_graph, scene.minimap)


@SETTINGS
@given(text=word_salad, size=st.tuples(st.integers(16, 96), st.integers(8, 48)), seed=seeds)
@example(text="a house north of a tree and south of the same tree", size=(16, 8), seed=0)
@example(text="999 houses", size=(16, 8), seed=1)
@example(text="rooms connected by corridors each other in the north corner", size=(16, 8), seed=2)
@example(text="atop airlock 12 peasant", size=(16, 8), seed=0)  # 12 stood on one cell
# three roads across a pool three cells long once bridged all of it
@example(text="bathing pool 12 curb bathing pool", size=(16, 8), seed=2097153)
def test_vocabulary_salad_gives_a_valid_scene(text: str, size: tuple[int, int], seed: int) -> None:
    width, height = size
    scene = generate_scene(text, seed=seed, width=width, height=height)
    check_scene(scene.scene_graph, scene.minimap)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=word_salad, size=sizes, seed=seeds)
@example(text="200 houses 200 trees 200 people 200 wells 200 rocks", size=(256, 128), seed=3)
@example(text="island a hundred cask", size=(16, 8), seed=0)  # barrels once hid the whole island
@example(text="giant island", size=(16, 19), seed=0)  # once too big to place: an empty scene
def test_any_map_size_gives_a_valid_scene(text: str, size: tuple[int, int], seed: int) -> None:
    width, height = size
    scene = generate_scene(text, seed=seed, width=width, height=height)
    check_scene(scene.scene_graph, scene.minimap)


@settings(max_examples=40, deadline=None)
@given(text=word_salad, seed=seeds)
def test_the_same_input_gives_the_same_bytes(text: str, seed: int) -> None:
    first = generate_scene(text, seed=seed)
    second = generate_scene(text, seed=seed)
    assert encode_scene_graph(first.scene_graph) == encode_scene_graph(second.scene_graph)
    assert first.minimap == second.minimap
