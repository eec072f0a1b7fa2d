"""Parsing English into a scene request: relation by relation, theme by theme."""

import pytest

from domain.scene import parse_prompt
from domain.scene.model import SceneRequest

Rel = tuple[str, str, tuple[str, ...], str | None]


def relations(request: SceneRequest) -> set[Rel]:
    return {(r.subject, r.predicate, r.objects, r.argument) for r in request.relations}


def kinds(request: SceneRequest) -> list[str]:
    return [thing.kind for thing in request.things]


@pytest.mark.parametrize(
    ("prompt", "expected"),
    [
        ("a house north of a tree", ("house-1", "north_of", ("tree-1",), None)),
        ("a house to the south of a tree", ("house-1", "south_of", ("tree-1",), None)),
        ("a house east of a tree", ("house-1", "east_of", ("tree-1",), None)),
        ("a house on the west side of a tree", ("house-1", "west_of", ("tree-1",), None)),
        ("a cart left of a tree", ("cart-1", "left_of", ("tree-1",), None)),
        ("a cart to the right of a tree", ("cart-1", "right_of", ("tree-1",), None)),
        ("a lamp above a desk", ("lamp-1", "above", ("desk-1",), None)),
        ("a rug below a bed", ("rug-1", "below", ("bed-1",), None)),
        ("a rug under a bed", ("bed-1", "on", ("rug-1",), None)),
        ("huts and a forest to the north", ("forest-1", "in_region", (), "north")),
        ("huts and a forest in the east", ("forest-1", "in_region", (), "east")),
        ("a well in the center", ("well-1", "in_center", (), None)),
        ("a well in the middle", ("well-1", "in_center", (), None)),
        ("a bed in the northeast corner", ("bed-1", "in_corner", (), "northeast")),
        ("a bed in the north-east corner", ("bed-1", "in_corner", (), "northeast")),
        ("a bed in the top left corner", ("bed-1", "in_corner", (), "northwest")),
        ("a plant in a corner", ("plant-1", "in_corner", (), None)),
        ("a bed against the north wall", ("bed-1", "against_wall", (), "north")),
        ("a sofa against the wall", ("sofa-1", "against_wall", (), None)),
        ("a chair next to a table", ("chair-1", "next_to", ("table-1",), None)),
        ("a chair beside a table", ("chair-1", "next_to", ("table-1",), None)),
        ("a chair near a table", ("chair-1", "near", ("table-1",), None)),
        ("a castle far from a windmill", ("castle-1", "far_from", ("windmill-1",), None)),
        ("a dungeon, a chest inside a room", ("chest-1", "inside", ("room-1",), None)),
        ("a dungeon, a chest in a room", ("chest-1", "inside", ("room-1",), None)),
        ("a wall around a castle", ("wall-1", "around", ("castle-1",), None)),
        ("a moat surrounding a castle", ("moat-1", "around", ("castle-1",), None)),
        ("a castle surrounded by a moat", ("moat-1", "around", ("castle-1",), None)),
        ("a well between a house and a tree", ("well-1", "between", ("house-1", "tree-1"), None)),
        ("trees along a road", ("tree-1", "along", ("road-1",), None)),
        ("a river along the south edge", ("river-1", "along", (), "south")),
        (
            "a crypt with a room connected to a hall",
            ("room-1", "connected_to", ("room-2",), "corridor"),
        ),
        ("a bridge over a river", ("bridge-1", "across", ("river-1",), None)),
        ("a road crossing a river", ("road-1", "across", ("river-1",), None)),
        ("a barn behind a house", ("barn-1", "north_of", ("house-1",), None)),
        ("a cart in front of a barn", ("cart-1", "next_to", ("barn-1",), None)),
    ],
)
def test_each_relation_phrase_is_understood(prompt: str, expected: Rel) -> None:
    request = parse_prompt(prompt)
    assert expected in relations(request), sorted(relations(request))


def test_a_diagonal_direction_asks_for_both_axes() -> None:
    found = relations(parse_prompt("a tower northeast of a castle"))
    assert {("tower-1", "north_of", ("castle-1",), None)} <= found
    assert {("tower-1", "east_of", ("castle-1",), None)} <= found


def test_connected_by_chains_a_group() -> None:
    found = relations(parse_prompt("a dungeon with four rooms connected by corridors"))
    assert found == {
        ("room-2", "connected_to", ("room-1",), "corridor"),
        ("room-3", "connected_to", ("room-2",), "corridor"),
        ("room-4", "connected_to", ("room-3",), "corridor"),
    }


def test_a_path_connecting_two_things_is_its_subject() -> None:
    found = relations(parse_prompt("a road from the castle to the church"))
    assert ("road-1", "connected_to", ("castle-1", "church-1"), None) in found


@pytest.mark.parametrize(
    ("prompt", "theme"),
    [
        ("a village with a well", "village"),
        ("a small town", "village"),
        ("three houses and a barn", "village"),
        ("a forest with a cabin", "forest"),
        ("a dense jungle", "forest"),
        ("wolves, bears and a lake", "forest"),
        ("a dungeon with a chest", "dungeon"),
        ("a dark crypt", "dungeon"),
        ("skeletons, a coffin and an altar", "dungeon"),
        ("a bedroom with a bed", "bedroom"),
        ("a living room", "living_room"),
        ("a cottage with a bed, a table and two chairs", "room"),
        ("an island with a palm tree", "island"),
        ("a harbour with boats", "harbor"),
        ("a lighthouse and two boats", "coast"),
    ],
)
def test_the_scene_kind_is_inferred_from_the_words(prompt: str, theme: str) -> None:
    assert parse_prompt(prompt).place == theme


def test_island_and_coast_scenes_bring_their_land_and_sea() -> None:
    assert "island" in kinds(parse_prompt("an island"))
    coast = kinds(parse_prompt("a coast with boats"))
    assert "sea" in coast and "beach" in coast
    harbour = kinds(parse_prompt("a harbour with boats"))
    assert "sea" in harbour and "pier" in harbour


def test_counts_sizes_and_plurals() -> None:
    request = parse_prompt("3 small houses, twelve trees, a few wolves, several bats and huts")
    assert kinds(request).count("house") == 3 + 3
    assert kinds(request).count("tree") == 12
    assert kinds(request).count("wolf") == 3
    assert kinds(request).count("bat") == 4
    assert [t.size for t in request.things if t.id == "house-1"] == ["small"]


def test_huge_counts_are_capped_with_a_warning() -> None:
    request = parse_prompt("5000 houses")
    assert len(request.things) == 1000
    assert any("capped" in warning for warning in request.warnings)


def test_linear_features_and_areas_have_a_limit_per_scene() -> None:
    request = parse_prompt("a city with 1000 roads and 1000 rivers and 300 lakes")
    assert sum(1 for k in kinds(request) if k in ("road", "river")) == 40
    assert kinds(request).count("lake") == 100
    assert sum("capped" in warning for warning in request.warnings) == 3


def test_unknown_words_are_warnings_not_failures() -> None:
    request = parse_prompt("a village with a zorblax next to the house")
    assert any("zorblax" in warning for warning in request.warnings)
    assert "house" in kinds(request)


def test_a_relation_with_nothing_to_place_is_reported() -> None:
    request = parse_prompt("a village, to the north")
    assert any("to the north" in warning for warning in request.warnings)
    forest = parse_prompt("a forest to the north")  # a forest in the north of the map
    assert [(r.subject, r.argument) for r in forest.relations] == [("forest-1", "north")]


def test_a_prompt_naming_nothing_known_gets_a_default_scene() -> None:
    request = parse_prompt("quux")
    assert request.things
    assert any("default" in warning for warning in request.warnings)


def test_references_pick_the_right_thing() -> None:
    found = relations(
        parse_prompt("three rooms, a chest in the last room, a rat in the first room")
    )
    assert ("chest-1", "inside", ("room-3",), None) in found
    assert ("rat-1", "inside", ("room-1",), None) in found


def test_a_relation_after_a_new_thing_describes_that_thing() -> None:
    found = relations(parse_prompt("tents around a campfire near the river"))
    assert ("campfire-1", "near", ("river-1",), None) in found


def test_an_inverted_sentence_attaches_to_what_follows() -> None:
    found = relations(parse_prompt("Next to the river stands a mill."))
    assert ("windmill-1", "next_to", ("river-1",), None) in found


def test_with_puts_small_things_inside_a_container() -> None:
    found = relations(parse_prompt("a dungeon with a room with a chest and a skeleton"))
    assert ("chest-1", "inside", ("room-1",), None) in found
    assert ("skeleton-1", "inside", ("room-1",), None) in found


def test_the_noun_used_becomes_the_label_word() -> None:
    request = parse_prompt("two cottages")
    assert {thing.word for thing in request.things} == {"cottage"}


def test_a_noun_before_a_noun_is_a_modifier() -> None:
    request = parse_prompt(
        "a dungeon with a throne room, a treasure vault, a dragon in the throne room and gold in "
        "the vault"
    )
    words = {thing.id: thing.word for thing in request.things}
    assert words["room-1"] == "throne room" and words["room-2"] == "treasure vault"
    found = relations(request)
    assert ("dragon-1", "inside", ("room-1",), None) in found
    assert ("treasure-1", "inside", ("room-2",), None) in found
