"""Kinds of place: how the words choose one, shaped floors, and places named inside others."""

from collections import Counter
from typing import Any

import pytest

from domain.scene import catalog, generate_scene, vocabulary
from domain.scene.outlines import outside_cells
from tests.unit.scene.scene_assertions import Node, cells, legend, map_rows, walk


def nodes(graph: dict[str, Any]) -> list[Node]:
    return [node for node, _ in walk(graph)]


def kind_counts(graph: dict[str, Any]) -> Counter[str]:
    return Counter(node["kind"] for node in nodes(graph))


def test_at_least_sixty_places_exist_each_named_by_words() -> None:
    assert len(catalog.SCENE_BY_NAME) >= 60
    named = set(vocabulary.SCENE_WORDS.values())
    assert set(catalog.SCENE_BY_NAME) <= named, set(catalog.SCENE_BY_NAME) - named
    assert named <= set(catalog.SCENE_BY_NAME), named - set(catalog.SCENE_BY_NAME)


def test_a_named_place_is_the_scene_and_one_node_covering_the_map() -> None:
    graph = generate_scene("a graveyard with ten graves", seed=1).scene_graph
    assert graph["theme"] == "graveyard"
    places = [node for node in nodes(graph) if "place" in node["tags"]]
    assert [node["label"] for node in places] == ["graveyard"]
    width, height = graph["bounds"]["width"], graph["bounds"]["height"]
    assert places[0]["transform"] == {
        "x": 0, "y": 0, "width": width, "height": height, "rotation": 0
    }  # fmt: skip
    assert kind_counts(graph)["grave"] == 10


def test_a_camp_in_the_woods_keeps_the_fire_named_and_adds_no_second_one() -> None:
    graph = generate_scene("a camp in the woods: five tents around a bonfire", seed=1).scene_graph
    assert graph["theme"] == "forest"
    found = kind_counts(graph)
    assert found["tent"] == 5
    assert found["campfire"] + found["bonfire"] == 1
    assert found["bonfire"] == 1


@pytest.mark.parametrize(
    ("prompt", "place"),
    [
        ("a goblin camp", "camp"),
        ("a castle kitchen", "kitchen"),
        ("inside an airplane", "passenger_cabin"),
    ],
)
def test_the_words_choose_the_place(prompt: str, place: str) -> None:
    assert generate_scene(prompt, seed=1).scene_graph["theme"] == place


def test_a_lake_in_a_region_is_a_thing_not_the_place() -> None:
    graph = generate_scene("a lake in the west", seed=1).scene_graph
    assert graph["theme"] != "lake"
    lakes = [node["id"] for node in nodes(graph) if node["kind"] == "lake"]
    assert len(lakes) == 1
    assert any(
        r["subject"] == lakes[0] and r["predicate"] == "in_region" and r["argument"] == "west"
        for r in graph["relations"]
    )


def test_a_compound_place_draws_both_of_its_words() -> None:
    graph = generate_scene("a snowy mountain village with four cabins", seed=1).scene_graph
    found = kind_counts(graph)
    assert found["mountain"] >= 1
    assert found["house"] == 4
    assert [n["label"] for n in nodes(graph) if n["kind"] == "house"] == ["cabin"] * 4


@pytest.mark.parametrize(
    ("prompt", "place", "outline"),
    [
        ("a cave with three bats", "cave", "cave"),
        ("a pirate ship deck with cannons", "ship_deck", "hull"),
        ("a tower room with a desk", "tower_room", "round"),
    ],
)
@pytest.mark.parametrize("seed", [1, 2])
def test_a_shaped_floor_is_walled_and_nothing_stands_outside_it(
    prompt: str, place: str, outline: str, seed: int
) -> None:
    width, height = 48, 24
    scene = generate_scene(prompt, seed=seed, width=width, height=height)
    graph = scene.scene_graph
    assert graph["theme"] == place
    assert catalog.SCENE_BY_NAME[place].outline == outline
    rows = map_rows(scene.minimap, height)
    inner = [row[1:-1] for row in rows[1:-1]]
    assert any("#" in row for row in inner), "no wall inside the border"
    assert legend(scene.minimap).get("#") == "wall"
    outside = set(outside_cells(outline, width, height, seed))
    assert outside, "the outline leaves no cell outside the floor"
    things = [node for node in nodes(graph) if "place" not in node["tags"]]
    assert things
    for node in things:
        assert not cells(node) & outside, f"{node['id']} stands outside the floor"


def test_an_indoor_place_named_mid_prompt_is_a_building() -> None:
    graph = generate_scene(
        "a gas station with four pumps and a convenience store", seed=1
    ).scene_graph
    buildings = [node for node in nodes(graph) if node["kind"] == "shop"]
    assert [node["label"] for node in buildings] == ["convenience store"]
    assert graph["theme"] != "shop"
