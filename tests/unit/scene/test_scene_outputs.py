"""The scene graph and the minimap, as the spec describes them."""

import importlib.resources
import json

import msgspec
import pytest

from domain.scene import (
    SCENE_GRAPH_SCHEMA_FILE,
    build_scene_graph,
    encode_scene_graph,
    generate_scene,
    layout_scene,
    parse_prompt,
    render_minimap,
    scene_graph_schema,
)
from domain.scene.model import GeneratedScene
from domain.scene.terms import PREDICATES
from tests.unit.scene.scene_assertions import (
    assert_schema_valid,
    check_scene,
    legend,
    map_rows,
    walk,
)

VILLAGE = (
    "a village with three houses north of a river, a well in the center and a forest to the east"
)


def test_the_schema_ships_with_the_package_and_is_a_valid_schema() -> None:
    text = (importlib.resources.files("domain.scene") / SCENE_GRAPH_SCHEMA_FILE).read_text()
    assert json.loads(text)["$schema"].endswith("2020-12/schema")
    assert_schema_valid(generate_scene(VILLAGE, seed=1).scene_graph)


def test_the_schema_rejects_a_broken_graph() -> None:
    graph = generate_scene(VILLAGE, seed=1).scene_graph
    broken = json.loads(encode_scene_graph(graph))
    del broken["root"]["children"][0]["transform"]
    with pytest.raises(AssertionError):
        assert_schema_valid(broken)


def test_generate_composes_the_four_steps() -> None:
    layout = layout_scene(parse_prompt(VILLAGE), seed=4, width=40, height=20)
    scene = generate_scene(VILLAGE, seed=4, width=40, height=20)
    assert isinstance(scene, GeneratedScene)
    assert scene.scene_graph == json.loads(encode_scene_graph(build_scene_graph(layout)))
    assert scene.minimap == render_minimap(layout)


def test_the_committed_schema_is_the_one_generated_from_the_graph_structs() -> None:
    """Regenerate with `.venv/bin/python scripts/write_scene_graph_schema.py`."""
    text = (importlib.resources.files("domain.scene") / SCENE_GRAPH_SCHEMA_FILE).read_text()
    assert json.loads(text) == scene_graph_schema()


def test_every_predicate_the_generator_can_state_is_in_the_schema() -> None:
    predicates = scene_graph_schema()["$defs"]["Relation"]["properties"]["predicate"]["enum"]
    assert set(predicates) == PREDICATES


def test_graph_fields_and_readable_ids() -> None:
    graph = generate_scene(VILLAGE, seed=2).scene_graph
    assert graph["schemaVersion"] == "1.1" and graph["seed"] == 2
    assert graph["bounds"] == {"width": 48, "height": 24} and graph["theme"] == "village"
    assert graph["root"]["id"] == "scene" and graph["root"]["kind"] == "scene"
    ids = [node["id"] for node, _ in walk(graph)]
    assert {"house-1", "house-2", "house-3", "river-1", "well-1", "forest-1"} <= set(ids)
    river = next(node for node, _ in walk(graph) if node["id"] == "river-1")
    assert river["path"] and all(len(cell) == 2 for cell in river["path"])


def test_things_inside_a_container_are_its_children() -> None:
    graph = generate_scene(
        "a dungeon with two rooms and a chest inside the first room", seed=0
    ).scene_graph
    parents = {node["id"]: parent["id"] if parent else None for node, parent in walk(graph)}
    assert parents["chest-1"] == "room-1"


def test_encoding_is_deterministic_bytes() -> None:
    graph = generate_scene(VILLAGE, seed=9).scene_graph
    again = generate_scene(VILLAGE, seed=9).scene_graph
    assert encode_scene_graph(graph) == encode_scene_graph(again)
    assert msgspec.json.decode(encode_scene_graph(graph)) == graph


@pytest.mark.parametrize(("width", "height"), [(16, 8), (48, 24), (80, 40), (256, 128)])
def test_the_minimap_is_height_lines_of_width_inside_a_border(width: int, height: int) -> None:
    scene = generate_scene(VILLAGE, seed=3, width=width, height=height)
    check_scene(scene.scene_graph, scene.minimap)
    assert len(map_rows(scene.minimap, height)) == height
    assert scene.minimap.rstrip("\n").endswith("    S")


def test_the_border_depends_on_the_scene_kind() -> None:
    room = generate_scene("a bedroom with a bed", seed=0).minimap
    village = generate_scene("a village", seed=0).minimap
    assert room.startswith("#") and village.startswith("+-")


def test_the_legend_counts_each_kind() -> None:
    scene = generate_scene(VILLAGE, seed=5)
    entries = legend(scene.minimap)
    assert entries["H"] == "house x3" and entries["o"] == "well x1"
    assert entries["."] == "grass"


def test_kinds_that_share_a_glyph_get_different_ones_on_one_map() -> None:
    scene = generate_scene("a village with a tree and a table and a garden and a bush", seed=0)
    entries = legend(scene.minimap)
    texts = [text for text in entries.values()]
    assert any("tree" in t for t in texts) and any("table" in t for t in texts)
    assert all(", " not in t for t in texts), entries


def test_water_kinds_share_the_water_glyph() -> None:
    entries = legend(generate_scene("a river flowing into a lake", seed=0).minimap)
    assert "river x1" in entries["~"] and "lake x1" in entries["~"]


def test_every_theme_draws_recognisably() -> None:
    dungeon = generate_scene("a dungeon with three rooms", seed=1)
    rows = map_rows(dungeon.minimap, 24)
    assert any("#" in row for row in rows) and any(":" in row for row in rows)
    island = generate_scene("an island", seed=1)
    assert map_rows(island.minimap, 24)[0] == "~" * 48
    forest = generate_scene("a forest", seed=1)
    assert "".join(map_rows(forest.minimap, 24)).count("T") > 100


def test_what_does_not_fit_is_reported_not_dropped_silently() -> None:
    graph = generate_scene("forty castles", seed=0, width=16, height=8).scene_graph
    placed = {node["id"] for node, _ in walk(graph)}
    missing = [k for k in range(1, 41) if f"castle-{k}" not in placed]
    assert missing
    # one line for the lot, naming how many, which ones and why
    expected = (
        f"could not place {len(missing)} of 40 castles "
        f"(castle-{missing[0]}..castle-{missing[-1]}): the map is full"
    )
    assert expected in graph["warnings"]
    assert missing == list(range(missing[0], missing[-1] + 1))
    assert sum("castle" in warning for warning in graph["warnings"]) == 1


def test_the_graph_struct_and_its_dict_encode_to_the_same_bytes() -> None:
    layout = layout_scene(parse_prompt(VILLAGE), seed=3, width=40, height=20)
    scene = generate_scene(VILLAGE, seed=3, width=40, height=20)
    assert encode_scene_graph(build_scene_graph(layout)) == encode_scene_graph(scene.scene_graph)


def test_what_stands_on_a_thing_is_drawn_over_it() -> None:
    scene = generate_scene("a skeleton on a trap", seed=1, width=20, height=10)
    graph = scene.scene_graph
    skeleton = next(node for node, _ in walk(graph) if node["kind"] == "skeleton")
    x, y = skeleton["transform"]["x"], skeleton["transform"]["y"]
    glyph = next(g for g, text in legend(scene.minimap).items() if text.startswith("skeleton"))
    assert map_rows(scene.minimap, 10)[y][x] == glyph
    assert any(r["predicate"] == "on" and r["satisfied"] for r in graph["relations"])
