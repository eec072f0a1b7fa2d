"""The reader: noun phrases, negation, counts, typos and named arrangements."""

from collections import Counter

import pytest

from domain.scene import generate_scene, parse_prompt
from domain.scene.model import RelationSpec
from domain.scene.parse.tokens import tokenize


def kinds(prompt: str) -> Counter[str]:
    return Counter(thing.kind for thing in parse_prompt(prompt).things)


def ids(kind: str, first: int, last: int) -> tuple[str, ...]:
    return tuple(f"{kind}-{k}" for k in range(first, last + 1))


def relations(prompt: str) -> list[tuple[str, str, tuple[str, ...], str | None]]:
    return [(r.subject, r.predicate, r.objects, r.argument) for r in parse_prompt(prompt).relations]


def test_tokens_keep_signed_and_decimal_numbers_and_possessives() -> None:
    assert tokenize("-5 houses, 3.5 wells; the king\u2019s throne") == [
        "-5", "houses", ",", "3.5", "wells", ";", "the", "king", "'s", "throne"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("prompt", "kind", "label"),
    [
        ("a field of wheat", "field", "field of wheat"),
        ("a hoard of gold", "treasure", "hoard of gold"),
        ("a village with a grove of oaks", "forest", "grove of oaks"),
        ("a barrel of ale", "barrel", "barrel of ale"),
        ("a pile of bones", "skeleton", "pile of bones"),
    ],
)
def test_x_of_y_is_one_thing(prompt: str, kind: str, label: str) -> None:
    things = [t for t in parse_prompt(prompt).things if t.origin == "prompt" and t.word]
    assert [(t.kind, t.word) for t in things] == [(kind, label)]


def test_the_x_refers_back_instead_of_creating() -> None:
    found = kinds("a field of wheat with a fence around the field and cows in the field")
    assert found["field"] == 1 and found["fence"] == 1 and found["cow"] == 3
    assert ("cow-2", "inside", ("field-1",), None) in relations(
        "a field of wheat with a fence around the field and cows in the field"
    )


def test_a_possessive_names_the_owned_thing_and_links_a_named_owner() -> None:
    prompt = "a cave with a dragon and the dragon's hoard"
    assert kinds(prompt)["dragon"] == 1 and kinds(prompt)["treasure"] == 1
    assert ("treasure-1", "near", ("dragon-1",), None) in relations(prompt)
    assert kinds("the king's throne in a hall")["throne"] == 1
    assert not any("'s" in w for w in parse_prompt("the king's throne").warnings)


def test_no_and_without_rule_a_kind_out_including_default_fill() -> None:
    request = parse_prompt("a forest with a cabin, without wolves or bears, and no trees")
    assert set(request.excluded) >= {"wolf", "bear", "tree"}
    graph = generate_scene("a meadow with no trees and a pond", seed=3).scene_graph
    stack = list(graph["root"]["children"])
    seen = []
    while stack:
        node = stack.pop()
        seen.append(node["kind"])
        stack.extend(node["children"])
    assert "tree" not in seen and "pond" in seen


def test_and_after_a_negation_names_a_wanted_thing_when_it_has_an_article() -> None:
    request = parse_prompt("a meadow with no trees and a pond")
    assert "tree" in request.excluded and "pond" not in request.excluded
    assert "rock" in parse_prompt("a field without trees and rocks").excluded


def test_a_thing_both_asked_for_and_ruled_out_is_a_reported_contradiction() -> None:
    request = parse_prompt("a forest with three trees and no trees")
    assert Counter(t.kind for t in request.things)["tree"] == 3
    assert any("both asked for and ruled out" in w for w in request.warnings)


def test_negative_and_fractional_counts_are_refused_with_a_reason() -> None:
    request = parse_prompt("-5 houses and 3.5 wells")
    found = Counter(t.kind for t in request.things)
    assert found["house"] == 0 and found["well"] == 3
    assert any("'-5 house' is not a count" in w for w in request.warnings)
    assert any("'3.5 well' is not a whole number; drew 3" in w for w in request.warnings)


def test_close_typos_are_read_as_the_known_word_and_said() -> None:
    request = parse_prompt("a vilage with a tavrn and a chruch")
    assert request.place == "village"
    assert {"tavern", "church"} <= {t.kind for t in request.things}
    assert "read 'tavrn' as 'tavern' (a typo?)" in request.warnings


def test_a_real_word_two_edits_from_a_noun_is_not_read_as_it() -> None:
    request = parse_prompt("glowing coals by the fire")
    assert [t.word for t in request.things if t.kind == "coal"] == ["glowing coal"] * 3
    assert not any("coast" in warning for warning in request.warnings)
    assert not any(w.startswith("read 'coals'") for w in request.warnings)


def test_unknown_words_come_with_suggestions_when_something_is_close() -> None:
    warnings = parse_prompt("a castel and a zqxv").warnings
    assert "read 'castel' as 'castle' (a typo?)" in warnings
    assert "unknown word 'zqxv'" in warnings


def test_verbs_that_only_describe_are_not_unknown_words() -> None:
    assert parse_prompt("a dragon sleeping in its lair, a torch burning").warnings == ()


@pytest.mark.parametrize(
    ("prompt", "expected"),
    [
        (
            "a tower at each corner of the castle",
            [("tower-1", "in_corner", ("castle-1",), "northwest"),
             ("tower-4", "in_corner", ("castle-1",), "southwest")],
        ),
        (
            "houses on both sides of the street",
            [("house-1", "on_side_of", ("road-1",), "left"),
             ("house-2", "on_side_of", ("road-1",), "right")],
        ),
        (
            "six stalls in two rows",
            [("market_stall-1", "in_rows", ids("market_stall", 2, 6), "2")],
        ),
        ("five tents in a circle", [("tent-1", "in_ring", ids("tent", 2, 5), None)]),
        ("tents in a ring around a campfire", [("tent-3", "around", ("campfire-1",), None)]),
        ("a torch on each wall of a room", [("torch-4", "against_wall", (), "west")]),
        ("two thrones facing each other", [("throne-1", "facing", ("throne-2",), None)]),
        ("a skeleton on a trap", [("skeleton-1", "on", ("trap-1",), None)]),
        ("a boat on a lake", [("boat-1", "inside", ("lake-1",), None)]),
        (
            "a tavern across the street from the church",
            [("tavern-1", "across_from", ("church-1", "road-1"), None)],
        ),
    ],
)  # fmt: skip
def test_named_arrangements_become_stated_relations(
    prompt: str, expected: list[tuple[str, str, tuple[str, ...], str | None]]
) -> None:
    stated = relations(prompt)
    for relation in expected:
        assert relation in stated


@pytest.mark.parametrize(
    ("prompt", "heading"),
    [
        ("a river from north to south", "north_south"),
        ("a river running from the west to the east", "east_west"),
        ("a road north to south through a village", "north_south"),
        ("a wall from the east edge to the west edge", "east_west"),
    ],
)
def test_a_path_from_one_edge_to_the_other_runs_that_way(prompt: str, heading: str) -> None:
    assert any(r[1] == "runs" and r[3] == heading for r in relations(prompt))


def test_a_course_for_something_that_is_not_a_path_is_refused_with_a_reason() -> None:
    request = parse_prompt("a lake from north to south")
    assert not any(r.predicate == "runs" for r in request.relations)
    assert any("fits only a river, road or wall" in w for w in request.warnings)


@pytest.mark.parametrize(
    "prompt",
    ["robot factory floor. 3 assembly lines running east-west", "a house from north to south"],
)
def test_a_box_said_to_run_across_the_place_is_long(prompt: str) -> None:
    request = parse_prompt(prompt)
    named = [t for t in request.things if t.origin == "prompt"]
    assert named and all(t.long for t in named)
    assert not any(r.predicate == "runs" for r in request.relations)


def test_a_crossroads_is_two_crossing_roads() -> None:
    stated = relations("a crossroads with a tavern")
    assert ("road-1", "runs", (), "north_south") in stated
    assert ("road-2", "runs", (), "east_west") in stated
    assert ("road-2", "across", ("road-1",), None) in stated


def test_each_makes_one_per_thing_it_names() -> None:
    stated = relations("three doors and a guard at each door")
    assert [r for r in stated if r[0].startswith("guard")] == [
        (f"guard-{k}", "near", (f"door-{k}",), None) for k in (1, 2, 3)
    ]


def test_a_place_named_inside_another_is_drawn_as_its_usual_things() -> None:
    request = parse_prompt("an island with a village on it")
    houses = [t for t in request.things if t.kind == "house"]
    assert len(houses) == 3 and all(t.origin == "default" for t in houses)
    assert ("house-1", "inside", ("island-1",), None) in relations("an island with a village on it")
    assert any("drawn as its usual things" in w for w in request.warnings)


@pytest.mark.parametrize(
    ("prompt", "place"),
    [
        ("the inside of a tavern", "tavern"),
        ("inside the old chapel, with candles on the altar", "temple"),
        ("a smithy interior with two anvils", "smithy"),
        ("a tavern with a bar, stools and a fireplace", "tavern"),
        ("a library", "library"),
        ("a cozy cottage interior", "room"),
    ],
)
def test_a_named_interior_is_the_place(prompt: str, place: str) -> None:
    assert parse_prompt(prompt).place == place


def test_a_named_interior_has_its_furniture_tagged_default_and_no_outdoor_things() -> None:
    request = parse_prompt("in a tavern a bard sings on the stage, a fire burns and a tree grows")
    found = Counter(t.kind for t in request.things)
    assert request.place == "tavern" and found["stage"] == 1 and found["bar"] == 1
    assert found["campfire"] == 0 and found["tree"] == 0 and found["fireplace"] == 1
    assert all(t.origin == "default" for t in request.things if t.kind == "bar")
    assert "read 'fire' as a fireplace indoors" in request.warnings
    assert "left out tree: not of an indoor place (tavern)" in request.warnings


def test_an_interior_leaves_out_furniture_the_prompt_rules_out() -> None:
    found = Counter(t.kind for t in parse_prompt("a library without tables").things)
    assert found["table"] == 0 and found["bookshelf"] > 0


def test_short_typos_are_read_only_as_a_doubled_letter_or_a_swap() -> None:
    request = parse_prompt("a vilage with three huoses, a wel and a peir")
    found = Counter(t.kind for t in request.things)
    assert found["house"] == 3 and found["well"] == 1 and found["pier"] == 1
    warnings = parse_prompt("a bart").warnings  # one letter dropped: no typo of `bar`
    assert any(w.startswith("unknown word 'bart'") for w in warnings)
    assert not any(w.startswith("read 'bart'") for w in warnings)


@pytest.mark.parametrize(
    "prompt",
    [
        "a bedroom with a bed in the northeast corner and the bed in the southwest corner",
        "a well in the center and in the northwest corner",
        "a well inside a house and the house inside the well",
    ],
)
def test_contradictions_are_said(prompt: str) -> None:
    assert any(w.startswith("contradiction:") for w in parse_prompt(prompt).warnings)


def test_compatible_framings_are_no_contradiction() -> None:
    warnings = parse_prompt("a tower in the north, in the northwest corner").warnings
    assert not any(w.startswith("contradiction") for w in warnings)


@pytest.mark.parametrize(
    ("prompt", "expected"),
    [
        ("a candle on the table", ("candle-1", "on", ("table-1",), None)),
        ("a cat on the bed", ("cat-1", "on", ("bed-1",), None)),
        ("an armchair on a bar stool", ("chair-1", "next_to", ("stool-1",), None)),
        ("a castle on a hill", ("castle-1", "inside", ("hill-1",), None)),
        ("a rug under the bed", ("bed-1", "on", ("rug-1",), None)),
        ("a cauldron over the fire", ("cauldron-1", "next_to", ("fireplace-1",), None)),
    ],
)
def test_on_over_and_under_read_as_a_person_would(
    prompt: str, expected: tuple[str, str, tuple[str, ...], str | None]
) -> None:
    assert expected in relations(prompt)


def test_a_ground_too_small_for_what_stands_on_it_is_drawn_larger() -> None:
    hill = next(t for t in parse_prompt("a castle on a hill").things if t.kind == "hill")
    assert hill.size in ("large", "huge")


def test_a_ground_word_puts_the_place_on_that_ground() -> None:
    request = parse_prompt("a snowy village")
    assert request.place == "snow"
    assert Counter(t.kind for t in request.things)["house"] >= 1


def test_rows_of_and_each_with_make_the_right_counts() -> None:
    assert kinds("two rows of benches")["bench"] == 6
    assert kinds("half a dozen goblins")["goblin"] == 6
    assert kinds("two dozen candles")["candle"] == 24
    assert kinds("three houses, each with a garden")["garden"] == 3
    assert "dragon" in parse_prompt("zero dragons and two goblins").excluded


def test_a_course_after_a_describing_word_is_read() -> None:
    assert ("river-1", "runs", (), "east_west") in relations("a stream running east to west")


def test_where_each_end_of_a_road_lies_is_said_of_that_end() -> None:
    stated = relations(
        "a road from the tavern in the west to the church in the east, "
        "with a bridge over the river between them"
    )
    assert ("tavern-1", "in_region", (), "west") in stated
    assert ("church-1", "in_region", (), "east") in stated
    assert ("road-1", "connected_to", ("tavern-1", "church-1"), None) in stated
    assert ("bridge-1", "between", ("tavern-1", "church-1"), None) in stated


def test_a_walled_town_has_a_wall_round_it_and_its_gate_in_the_wall() -> None:
    stated = relations("a walled town with a gate and five houses")
    assert ("wall-1", "around", (), None) in stated
    assert ("door-1", "next_to", ("wall-1",), None) in stated
    assert ("wall-1", "around", (), None) in relations("a village surrounded by a wall")


def test_a_bed_of_roses_is_flowers() -> None:
    assert kinds("a cottage garden with a bed of roses")["bed"] == 0
    assert kinds("a cottage garden with a bed of roses")["flower"] == 1


def test_a_relation_of_an_unknown_noun_is_not_given_to_the_thing_before() -> None:
    # a word that looks like a typo of a known one (`houzze`) is not drawn: what is said of it
    # is dropped, not given to the bar
    request = parse_prompt("a bar against the north wall, a houzze on the stage")
    assert not any(
        r.subject == "bar-1" and r.predicate in ("on", "inside") for r in request.relations
    )
    assert "'on' is about 'houzze', which is not known; ignored" in request.warnings


def test_a_word_no_list_knows_in_a_nouns_place_is_drawn_as_a_thing_of_that_name() -> None:
    request = parse_prompt("a bar against the north wall, a flurg on the stage")
    flurg = next(t for t in request.things if t.word == "flurg")
    assert flurg.kind == "thing"
    assert any(r.subject == flurg.id and r.predicate == "on" for r in request.relations)
    assert not any(r.subject == "bar-1" and r.predicate == "on" for r in request.relations)
    assert "unknown word 'flurg'" in request.warnings
    # one that acts is a creature, as many as counted
    raid = parse_prompt("5 sahuagin coming out of the surf on the east side of a fishing village")
    assert [t.kind for t in raid.things if t.word == "sahuagin"] == ["creature"] * 5
    # an English noun no table draws, acting, is one too; `the same` is not
    kraken = parse_prompt("a harbour, the kraken attacks the ships")
    assert [t.kind for t in kraken.things if t.word == "kraken"] == ["creature"]
    assert not [t for t in parse_prompt("a tavern, the same as before").things if t.kind == "thing"]


def test_a_near_thing_read_for_a_word_is_said() -> None:
    request = parse_prompt("a dungeon with three crates")
    assert Counter(t.kind for t in request.things)["barrel"] == 3
    assert "read 'crate' as barrel" in request.warnings
    assert not any(w.startswith("read") for w in parse_prompt("a kitchen with a stove").warnings)


def test_a_cave_things_are_in_is_the_cave_itself() -> None:
    request = parse_prompt("a dragon sleeping on a hoard of gold in a cave")
    assert request.place == "cave" and "cave" not in {t.kind for t in request.things}
    assert not any("cannot fit inside cave" in w for w in request.warnings)


def test_a_building_with_only_people_in_it_is_shown_from_within() -> None:
    assert parse_prompt("three sailors in a tavern").place == "tavern"
    assert parse_prompt("bats in a cave").place == "cave"
    well = parse_prompt("a well inside a castle")  # a well is no indoor thing
    assert well.place != "throne_room" and "castle" in {t.kind for t in well.things}


def test_its_sides_and_its_head_are_the_thing_named_last() -> None:
    stated = relations(
        "a council chamber with a long table, ten stools along its sides and a throne at its head"
    )
    assert ("throne-1", "at_head_of", ("table-1",), None) in stated
    assert all((f"stool-{k}", "next_to", ("table-1",), None) in stated for k in range(1, 11))


def test_a_forge_inside_a_smithy_is_its_furnace_and_a_barrel_of_water_one_barrel() -> None:
    request = parse_prompt("inside a smithy: an anvil next to the forge, a barrel of water")
    found = Counter(t.kind for t in request.things)
    assert found["furnace"] == 1 and found["barrel"] == 1 and found["sea"] == 0
    assert ("anvil-1", "next_to", ("furnace-1",), None) in [
        (r.subject, r.predicate, r.objects, r.argument) for r in request.relations
    ]
    assert "read 'forge' as a furnace indoors" in request.warnings


def test_the_banks_of_a_river_are_along_it() -> None:
    assert ("windmill-1", "along", ("river-1",), None) in relations(
        "a mill on the banks of the river"
    )


def test_an_island_in_a_lake_is_not_an_island_place_and_its_middle_is_the_lakes() -> None:
    request = parse_prompt("a lake with a small island in the middle and a boat")
    assert request.place != "island"
    assert ("island-1", "in_center", ("lake-1",), None) in [
        (r.subject, r.predicate, r.objects, r.argument) for r in request.relations
    ]


def test_a_hyphenated_describing_word_names_none_of_its_parts() -> None:
    assert tokenize("a stone-walled pen")[1] == "stone-walled"
    kinds = {t.kind for t in parse_prompt("a well-lit room with a desk").things}
    assert "well" not in kinds and "desk" in kinds
    pen = parse_prompt("a flock of sheep inside a stone-walled pen")
    assert "rock" not in {t.kind for t in pen.things}
    assert any(r.predicate == "inside" for r in pen.relations)


def test_a_size_word_with_no_noun_after_it_is_the_noun() -> None:
    giants = [t for t in parse_prompt("a frost giant guarding the gate").things if t.word]
    assert any(t.word == "frost giant" for t in giants)
    assert sum(t.word == "giant" for t in parse_prompt("two giants near a cave").things) == 2
    assert all(t.word != "giant" for t in parse_prompt("a giant tree").things)


def test_both_sides_of_a_street_are_the_sides_of_its_road() -> None:
    request = parse_prompt("a street with shops on both sides")
    sides = [r for r in request.relations if r.predicate == "on_side_of"]
    assert len(sides) >= 2 and all(r.objects[0].startswith("road-") for r in sides)


def test_a_circle_of_directions_is_said_to_be_contradictory() -> None:
    circle = "a well north of a house, the house north of a barn, and the barn north of the well"
    warnings = generate_scene(circle, seed=1).scene_graph["warnings"]
    assert any("closes a circle" in w for w in warnings)
    plain = generate_scene("a well north of a house, a barn south of the house", seed=1)
    assert not any("contradictory" in w for w in plain.scene_graph["warnings"])


def test_named_people_are_the_people_of_a_place() -> None:
    request = parse_prompt("a spaceship engine room with a reactor and two engineers")
    people = [t for t in request.things if t.kind in ("person", "crew_member")]
    assert len(people) == 2


def test_the_last_item_of_a_comma_list_is_the_lists() -> None:
    request = parse_prompt("a fair with a carousel, a petting zoo with goats and a row of booths")
    inside = {r.subject.split("-")[0] for r in request.relations if r.predicate == "inside"}
    assert "cow" in inside or "goat" in inside
    assert not any(t.startswith("market_stall") or t.startswith("booth") for t in inside)


def test_a_relation_after_a_and_b_is_said_of_both() -> None:
    around = parse_prompt("a surgeon and two nurses around the table")
    assert len([r for r in around.relations if r.predicate == "around"]) == 3
    north = parse_prompt("a house and a barn north of the river")
    assert {r.subject for r in north.relations if r.predicate == "north_of"} == {
        "house-1",
        "barn-1",
    }
    centre = parse_prompt("a village with a church and a well in the center")
    assert [r.subject for r in centre.relations if r.predicate == "in_center"] == ["well-1"]


def test_things_put_somewhere_of_their_own_are_not_inside_their_owner() -> None:
    prompt = (
        "a castle on a hill surrounded by a moat, with a village of five houses to the south"
        " and a forest to the east"
    )
    request = parse_prompt(prompt)
    assert not any(
        r.predicate == "inside" and r.subject.startswith("house") for r in request.relations
    )
    graph = generate_scene(prompt, seed=1).scene_graph
    assert graph["quality"]["relationsHeld"] == graph["quality"]["relationsStated"]


def test_a_building_put_in_outdoor_ground_is_seen_from_outside() -> None:
    chapel = parse_prompt("a ruined chapel in a misty forest with broken pews")
    assert chapel.place != "temple" and "church" in {t.kind for t in chapel.things}
    assert parse_prompt("a tavern with a bar and stools").place == "tavern"


def test_things_scattered_around_have_no_ring() -> None:
    request = parse_prompt("a dragon's lair full of gold coins with bones scattered around")
    assert not any(r.predicate == "around" for r in request.relations)


def test_a_wordnet_compound_of_another_sort_beats_its_head() -> None:
    beds = [t for t in parse_prompt("a garden with flower beds").things if "bed" in t.kind]
    assert beds and all(t.kind != "bed" for t in beds)
    stumps = parse_prompt("a big tree stump").things
    assert [t.kind for t in stumps] == ["log"]


def test_things_all_around_line_the_edges_and_a_bird_circling_has_no_ring() -> None:
    stands = parse_prompt("a stadium with two goals and stands all around").relations
    assert {r.subject for r in stands if r.predicate == "against_wall"} == {
        "stand-1",
        "stand-2",
        "stand-3",
        "stand-4",
    }
    assert not parse_prompt("a desert with a vulture circling").relations


def test_a_graveyard_has_graves_whatever_else_it_has() -> None:
    request = parse_prompt("a graveyard at midnight with a ghost")
    assert sum(t.kind == "grave" for t in request.things) >= 3
    assert not any("names nothing" in w for w in request.warnings)  # `at midnight` is a time


def test_a_typo_with_two_readings_takes_the_one_that_makes_a_compound() -> None:
    request = parse_prompt("a water park with a snak bar")
    assert "read 'snak' as 'snack' (a typo?)" in request.warnings


def test_the_far_bank_is_by_the_water_and_the_street_is_its_road() -> None:
    mill = parse_prompt("a bridge over a stream with a mill on the far bank")
    assert any(r.predicate == "along" and r.objects == ("river-1",) for r in mill.relations)
    stalls = parse_prompt("a row of market stalls along the main street")
    assert any(r.predicate == "along" and r.objects[0].startswith("road") for r in stalls.relations)


def test_a_moat_or_wall_a_thing_is_with_goes_round_it() -> None:
    request = parse_prompt("a castle with a moat but without a drawbridge")
    assert [(r.subject, r.predicate, r.objects) for r in request.relations] == [
        ("moat-1", "around", ("castle-1",))
    ]


def test_buildings_named_mid_prompt_keep_their_count_and_banks_are_the_rivers() -> None:
    harbor = parse_prompt("a harbor town: a long stone pier, two warehouses by the water")
    assert [t.word for t in harbor.things if t.kind == "warehouse"] == ["warehouse"] * 2
    delta = parse_prompt("three channels flowing into the sea, reeds on the banks")
    assert delta.place != "bank" and any(r.predicate == "along" for r in delta.relations)
    assert "way" not in {t.kind for t in parse_prompt("a chasm halfway along the trail").things}


def test_counts_restated_per_side_and_seats_in_the_middle_and_shores() -> None:
    prison = parse_prompt("6 cells along a corridor, 3 on each side, a prisoner in every cell")
    assert sum(t.kind == "room" for t in prison.things) == 6
    kitchen = parse_prompt("a kitchen with a table with three chairs in the middle")
    assert [r.subject for r in kitchen.relations if r.predicate == "in_center"] == ["table-1"]
    lake = parse_prompt("a lake with a cabin on the north shore")
    assert {(r.predicate, r.objects) for r in lake.relations} >= {
        ("north_of", ("lake-1",)),
        ("near", ("lake-1",)),
    }
    holes = parse_prompt("a frozen lake with several ice fishing holes")
    assert [t.kind for t in holes.things].count("ice") == 0


def test_an_inside_is_read_from_its_usual_things_and_walls_unless_outside_is_said() -> None:
    forge = parse_prompt("a blacksmith's forge with an anvil in the center and tools on the wall")
    assert forge.place == "smithy"
    assert parse_prompt("a smithy with an anvil outside").place != "smithy"
    platform = parse_prompt("a subway platform with a train on the tracks, benches along the wall")
    assert platform.place != "room"


def test_zero_plurals_in_front_up_to_and_an_underground_structures_inside() -> None:
    assert kinds("tundra with caribou crossing under the pipeline")["deer"] > 1
    assert kinds("a plain with a caribou")["deer"] == 1
    assert ("well-1", "next_to", ("tavern-1",), None) in relations("a tavern with a well out front")
    assert not any(r[1] == "inside" for r in relations("a tavern with a well out front"))
    manor = relations("a manor with an overgrown garden, a dry fountain in front")
    assert ("fountain-1", "next_to", ("house-1",), None) in manor
    bunker = parse_prompt(
        "underground bunker: bunk beds, a radio on a desk and a ladder up to the hatch"
    )
    assert bunker.place == "room" and "bunker" not in {t.kind for t in bunker.things}
    assert not any("bunker" in warning for warning in bunker.warnings)
    assert ("stairs-1", "next_to", ("airlock-1",), None) in [
        (r.subject, r.predicate, r.objects, r.argument) for r in bunker.relations
    ]
    assert len(parse_prompt("a village with up to five houses").relations) == 0


def test_the_water_is_the_water_named_and_the_harbors_sea_is_a_thing_to_stand_by() -> None:
    assert relations("a lake with a cabin by the water") == [("house-1", "near", ("lake-1",), None)]
    assert kinds("a lake with a cabin by the water")["sea"] == 0
    harbor = relations("a harbor town: a pier and two warehouses by the water")
    assert ("warehouse-1", "near", ("sea-1",), None) in harbor
    assert kinds("a small fishing village on the coast")["house"] >= 2


def test_a_noun_of_no_drawable_thing_is_said_and_never_split_into_two() -> None:
    shelves = parse_prompt("shelves full of potions")
    assert {t.kind for t in shelves.things} == {"shelf"}  # not a pot of ions
    assert "potions" in shelves.not_understood
    assert any("'potions' names nothing that can be drawn" in w for w in shelves.warnings)
    assert parse_prompt("a village at dawn with three houses").warnings == ()


def test_full_of_means_many_in_piles_is_how_and_a_crane_is_a_machine() -> None:
    junkyard = kinds("a junkyard full of rusted cars stacked in piles, a crane with a magnet")
    assert junkyard["car"] == 8 and junkyard["pile"] == 0 and junkyard["crane"] == 1
    assert kinds("construction site with a tower crane")["bird"] == 0


def test_a_ladder_up_to_the_street_is_a_way_out_by_the_tunnel() -> None:
    sewer = parse_prompt("a sewer with a tunnel, rats and a ladder up to the street")
    assert "road" not in {t.kind for t in sewer.things}
    assert ("stairs-1", "near", ("corridor-1",), None) in [
        (r.subject, r.predicate, r.objects, r.argument) for r in sewer.relations
    ]


def test_a_walled_buildings_walls_name_the_building() -> None:
    siege = kinds("siege camp outside the castle walls: three catapults facing the gate")
    assert siege["castle"] == 1
    assert kinds("a house with stone walls")["wall"] >= 1


def test_an_arm_of_the_sea_is_the_sea_and_a_sound_is_no_water() -> None:
    viking = parse_prompt("viking village by a fjord: three longhouses, longships on the shore")
    assert ("sea", "fjord") in {(t.kind, t.word) for t in viking.things}
    assert kinds("the sound of bells in a church")["sea"] == 0


def test_a_fountain_may_stand_indoors_and_central_only_describes() -> None:
    assert kinds("a hotel lobby with a fountain")["fountain"] == 1
    assert kinds("a food court with a central seating area, tables and a fountain")["fountain"] == 1
    assert not any("central" in w for w in parse_prompt("a central fountain in a square").warnings)


def test_a_thing_hanging_above_another_is_over_it() -> None:
    lantern = relations("a cabin with a map table and a lantern hanging above the table")
    assert ("lamp-1", "on", ("table-1",), None) in lantern


def test_things_poking_out_of_water_or_half_underwater_are_by_it() -> None:
    ruins = relations("broken columns poking out of a shallow lake and a statue half underwater")
    assert ("pillar-1", "near", ("lake-1",), None) in ruins
    assert ("statue-1", "near", ("lake-1",), None) in ruins
    assert kinds("a statue half underwater")["sea"] == 0


def test_what_a_building_has_that_cannot_go_inside_stands_by_it() -> None:
    assert ("graveyard-1", "next_to", ("church-1",), None) in relations("a church with a graveyard")
    assert ("barn-1", "next_to", ("tavern-1",), None) in relations("a tavern with a stable")


def test_the_one_room_named_first_inside_a_place_is_that_place() -> None:
    tower = parse_prompt("a wizard's tower interior: a round room with a cauldron in the center")
    assert "room" not in {t.kind for t in tower.things}
    assert ("cauldron-1", "in_center", (), None) in relations(
        "a wizard's tower interior: a round room with a cauldron in the center"
    )


def test_a_structure_in_a_tree_is_built_in_its_crown() -> None:
    assert ("house-1", "on", ("tree-1",), None) in relations("a treehouse up in an old oak")
    assert not any("cannot fit" in w for w in parse_prompt("a treehouse in an oak").warnings)


def test_a_number_joined_to_a_word_describes_and_counts_nothing() -> None:
    assert kinds("a royal bedroom with a four-poster bed")["bed"] == 1
    assert kinds("a two-story house with a three-car garage")["house"] == 1
    assert kinds("a 3-story tower")["tower"] == 1


def test_no_chairs_rules_out_the_usual_chairs_of_any_sort_and_buildings_are_a_citys() -> None:
    office = kinds("small office: one desk, a filing cabinet and no chairs")
    assert office["office_chair"] == 0 and office["chair"] == 0
    city = kinds("a city with 80 buildings in a grid and a park in the center")
    assert city["building"] == 80 and city["house"] == 0


def test_the_bridge_of_a_starship_and_an_island_chain_are_places() -> None:
    assert parse_prompt("the bridge of a starship: two consoles at the north end").place == (
        "spaceship_bridge"
    )
    chain = parse_prompt("an island chain: three small islands with a palm tree on each island")
    assert chain.place == "island" and kinds("an island chain: three small islands")["island"] == 3


def test_the_thing_a_prompt_opens_with_named_again_after_its_colon_is_the_same_thing() -> None:
    manor = parse_prompt("haunted manor: a huge house with a tiny shed and ghosts")
    houses = [t for t in manor.things if t.kind == "house"]
    assert len(houses) == 1 and houses[0].size == "huge"
    assert kinds("a house: two houses")["house"] == 3  # a count is other things


@pytest.mark.parametrize(
    ("prompt", "expected"),
    [
        ("a horse tied to a post", ("horse-1", "next_to", ("signpost-1",), None)),
        ("a boat moored to the pier", ("boat-1", "next_to", ("pier-1",), None)),
        ("a ladder leaning against the barn", ("stairs-1", "next_to", ("barn-1",), None)),
        ("a crystal ball on a pedestal", ("ball-1", "on", ("pedestal-1",), None)),
        ("a cat up in a tree", ("cat-1", "on", ("tree-1",), None)),
    ],
)
def test_attached_to_stands_by_it_and_small_things_stand_on_unknown_supports(
    prompt: str, expected: tuple[str, str, tuple[str, ...], str | None]
) -> None:
    assert expected in relations(prompt)


def test_a_tree_named_with_an_animal_puts_the_scene_outdoors() -> None:
    assert parse_prompt("a cat up in a tree").place not in ("room", "house_interior")
    assert parse_prompt("a bedroom with a bed and a cat").place == "bedroom"


@pytest.mark.parametrize("prompt", ["a house north of itself", "a trail leading west off the map"])
def test_pronouns_and_the_map_itself_are_not_things(prompt: str) -> None:
    found = kinds(prompt)
    assert "person" not in found and "item" not in found
    assert not any("map" in w for w in parse_prompt(prompt).warnings)


def test_a_place_s_usual_things_never_share_a_head_noun_with_what_was_named() -> None:
    assert kinds("a space station")["cryo_pod"] == 2
    station = kinds("a space station with an escape pod")
    assert station["escape_pod"] == 1 and station["cryo_pod"] == 0


def test_the_back_wall_is_the_north_wall() -> None:
    found = relations("a bakery with two ovens against the back wall")
    assert ("oven-1", "against_wall", (), "north") in found


def test_things_between_several_stand_between_each_one_and_the_next() -> None:
    found = relations("a ward with four beds in a row and three curtains between the beds")
    between = [r for r in found if r[1] == "between"]
    assert [r[2] for r in between] == [("bed-1", "bed-2"), ("bed-2", "bed-3"), ("bed-3", "bed-4")]


@pytest.mark.parametrize(
    ("prompt", "place"),
    [
        ("an abandoned subway station with two platforms", "train_station"),
        ("a metro station with a ticket machine", "train_station"),
    ],
)
def test_stations_under_the_city_are_stations(prompt: str, place: str) -> None:
    assert parse_prompt(prompt).place == place


def test_a_nurses_station_is_a_counter_not_a_nurse_and_a_building() -> None:
    found = kinds("a hospital ward with a nurses station")
    assert found["counter"] == 1 and found["person"] == 0


def test_stacks_of_things_are_several_stacks_of_that_kind() -> None:
    hold = parse_prompt("a cargo hold with stacks of crates along both walls")
    stacks = [t for t in hold.things if t.word == "stack of crates"]
    assert len(stacks) > 1
    walls = {r.argument for r in hold.relations if r.predicate == "against_wall"}
    assert walls == {"north", "south"}


def test_a_basketball_court_is_a_sports_field() -> None:
    assert parse_prompt("a basketball court with a hoop at each end").place == "sports_field"


@pytest.mark.parametrize(
    "prompt",
    [
        "a dragon's lair in a cave",
        "a dragon's lair deep in a cave, the dragon asleep on a pile of gold",
    ],
)
def test_a_cave_named_inside_a_cave_is_the_cave_shown(prompt: str) -> None:
    request = parse_prompt(prompt)
    assert request.place == "cave" and kinds(prompt)["cave"] == 0


def test_things_scattered_around_take_no_relation_of_the_next_thing() -> None:
    found = relations("a cave with bones scattered around and a narrow tunnel to the south")
    assert not any(r[0].startswith("skeleton") for r in found)
    tavern = relations("a tavern with tables scattered around the room and a bar to the north")
    assert not any(r[0].startswith(("table", "room")) for r in tavern)
    assert kinds("a tavern with tables scattered around the room")["room"] == 0


def test_raised_beds_are_garden_beds_not_beds() -> None:
    found = kinds("a vegetable garden with four raised beds")
    assert found["bed"] == 0 and found["garden"] >= 4


@pytest.mark.parametrize(
    ("prompt", "absent", "present"),
    [
        ("inside the Prancing Pony: a bar and a fireplace", "horse", "bar"),
        ("the Green Dragon tavern with a bar and stools", "dragon", "bar"),
        ("a fair with a Ferris wheel", "", "ferris_wheel"),
        ("a campsite with 5 RVs", "", "motorhome"),
    ],
)
def test_a_name_in_capitals_is_no_thing_but_what_it_names_stays(
    prompt: str, absent: str, present: str
) -> None:
    found = kinds(prompt)
    assert not absent or found[absent] == 0
    assert not present or found[present] >= 1


def test_a_title_case_prompt_keeps_its_things() -> None:
    assert kinds("A Castle On A Hill With A Dragon")["dragon"] == 1


def test_round_before_a_list_item_is_its_shape() -> None:
    found = relations("a bar with 6 stools in front of it, round tables and a fireplace")
    assert not any(r[1] == "around" for r in found)
    assert any(r[1] == "around" for r in relations("stools round the fire"))


@pytest.mark.parametrize(
    ("prompt", "kind", "word"),
    [
        ("an office with a meeting room in the northeast corner", "room", "meeting room"),
        ("a graveyard with a crypt and some gravestones", "mausoleum", "crypt"),
        ("a blacksmith's forge with an anvil and a water trough", "trough", "water trough"),
        ("a dungeon with 3 prison cells along a corridor", "room", "prison cell"),
        ("a space station with four docking bays", "room", "docking bay"),
    ],
)
def test_rooms_within_a_place_and_buildings_of_one_are_drawn_as_such(
    prompt: str, kind: str, word: str
) -> None:
    things = parse_prompt(prompt).things
    assert any(t.kind == kind and t.word == word for t in things), things


def test_one_on_each_side_of_the_place_takes_all_four_and_central_is_the_middle() -> None:
    found = relations("a space station with four docking bays, one on each side, and a central hub")
    regions = [r[3] or "" for r in found if r[1] == "in_region"]
    assert sorted(regions) == ["east", "north", "south", "west"]
    assert any(r[1] == "in_center" for r in found)


def test_only_living_things_share_what_a_participle_says() -> None:
    tavern = relations("a tavern with 6 round tables and a bard playing on a small stage")
    assert not any(r[0].startswith("table") and r[1] == "on" for r in tavern)
    camp = relations("three goblins and a troll sitting around a campfire")
    assert ("goblin-1", "around", ("campfire-1",), None) in camp


def test_stalls_lining_all_four_sides_and_the_town_hall() -> None:
    found = relations("a market square with stalls lining all four sides and the town hall")
    walls = {r[3] for r in found if r[1] == "against_wall"}
    assert walls == {"north", "east", "south", "west"}
    assert kinds("a market square with the town hall to the north")["building"] == 1


def test_a_side_table_named_with_a_curled_up_cat_is_not_on_the_armchair() -> None:
    found = relations("a nook with an armchair, a side table and a cat curled up on the armchair")
    assert not any(r[0].startswith("nightstand") and r[1] == "on" for r in found)
    assert ("cat-1", "on", ("chair-1",), None) in found


def test_a_pile_of_a_substance_no_kind_draws_is_a_heap() -> None:
    things = parse_prompt("a mine entrance and a pile of ore beside it").things
    assert [(t.kind, t.word) for t in things if t.word.endswith("ore")] == [
        ("cairn", "pile of ore")
    ]
    assert kinds("a pile of bones")["skeleton"] == 1  # a pile of things a kind draws: those


def test_in_the_side_of_and_at_the_foot_of_are_beside() -> None:
    assert ("door-1", "next_to", ("mountain-1",), None) in relations(
        "a mine entrance in the side of a mountain"
    )
    assert ("house-1", "next_to", ("hill-1",), None) in relations("a house at the foot of a hill")


def test_a_ring_with_a_thing_in_the_middle_stands_round_it() -> None:
    found = relations("a ring of standing stones on a hilltop, with an altar stone in the middle")
    rings = [r for r in found if r[1] == "around"]
    assert len(rings) >= 4 and all(r[2] == rings[0][2] for r in rings)
    middle = rings[0][2][0]
    assert any(r[0] == middle and r[1] == "in_center" for r in found)  # (of the hilltop)
    assert not any(r[1] == "in_ring" for r in found)


def test_the_centre_of_a_ring_inside_an_area_is_in_it_too() -> None:
    found = relations("an elven glade with five tree houses in a circle around a giant oak")
    assert ("tree-1", "inside", ("clearing-1",), None) in found


def test_the_middle_of_a_thing_something_is_inside_is_its_middle() -> None:
    found = relations("a castle courtyard with a well in the center")
    assert ("well-1", "in_center", ("market-1",), None) in found
    # not the middle of a table a thing stands on
    found = relations("a room with a table, and a lamp on the table in the corner")
    corners = [r for r in found if r[0] == "lamp-1" and r[1] == "in_corner"]
    assert corners == [("lamp-1", "in_corner", (), None)]


def test_the_plural_of_a_name_refers_back_to_things_of_another_kind() -> None:
    prompt = "a vegetable garden with six raised beds in a grid and a tool shed east of the beds"
    assert kinds(prompt)["bed"] == 0
    found = [r for r in relations(prompt) if r[0] == "barn-1"]
    assert found == [("barn-1", "east_of", (f"garden-{k}",), None) for k in range(2, 8)]


def test_a_kitchen_island_is_a_counter() -> None:
    found = kinds("a kitchen with an island in the middle and a fridge")
    assert found["counter"] >= 1 and found["island"] == 0


def test_a_bare_count_before_a_relation_takes_a_share_of_the_things_named() -> None:
    found = relations(
        "a ward with eight beds, four against the north wall and four against the south wall"
    )
    walls = {r[0]: r[3] or "" for r in found if r[1] == "against_wall"}
    assert sorted(walls.values()) == ["north"] * 4 + ["south"] * 4
    assert len(walls) == 8
    found = relations("three houses, two north of the river and one south of it")
    assert [r[0] for r in found if r[1] == "north_of"] == ["house-1", "house-2"]
    assert [r[0] for r in found if r[1] == "south_of"] == ["house-3"]


def test_in_between_at_the_end_is_between_the_two_named_before() -> None:
    prompt = (
        "washing machines along the west wall, dryers along the east wall and a table in between"
    )
    found = relations(prompt)
    assert [r for r in found if r[1] == "between"] == [
        ("table-1", "between", ("washing_machine-1", "dryer-1"), None)
    ]
    found = relations("two houses with a well in between")
    assert found == [("well-1", "between", ("house-1", "house-2"), None)]


def test_a_grid_of_so_many_by_so_many_is_that_many_rows() -> None:
    assert kinds("growing trays in a 4 by 5 grid")["tray"] == 20
    assert kinds("a 3x3 grid of cryo pods")["cryo_pod"] == 9
    rows = [r for r in relations("growing trays in a 4 by 5 grid") if r[1] == "in_rows"]
    assert [r[3] for r in rows] == ["4"]


def test_a_dash_between_words_ends_a_clause() -> None:
    assert tokenize("a hydroponics bay - trays, stone-walled -5 houses \u2014 a well") == [
        "a", "hydroponics", "bay", ";", "trays", ",", "stone-walled", "-5", "houses", ";", "a",
        "well",
    ]  # fmt: skip


def test_things_in_two_named_corners_are_one_in_each() -> None:
    found = relations("a room with water tanks in the northwest and northeast corners")
    assert found == [
        ("water_tank-1", "in_corner", (), "northwest"),
        ("water_tank-2", "in_corner", (), "northeast"),
    ]
    found = relations("a village with three towers in the north and south")
    assert [r[3] for r in found] == ["north", "south", "north"]


def test_creatures_in_water_swim_in_it_and_an_enclosure_is_a_pen() -> None:
    found = relations("a zoo with lions in an enclosure and three penguins in a pool")
    assert ("lion-1", "inside", ("pen-1",), None) in found
    assert ("penguin-1", "on", ("pool-1",), None) in found


def test_accented_letters_are_read_as_the_vocabulary_spells_them() -> None:
    assert tokenize("a café and a piñata") == ["a", "cafe", "and", "a", "pinata"]


def test_an_indoor_place_named_outdoors_as_a_target_is_its_building() -> None:
    request = parse_prompt("a zoo with a path from the entrance gate to the cafe")
    cafes = [t for t in request.things if t.word == "cafe"]
    assert [t.kind for t in cafes] == ["restaurant"]  # the kind whose inside a cafe is
    road = next(r for r in request.relations if r.predicate == "connected_to")
    assert cafes[0].id in road.objects


def test_shops_and_a_walkway_inside_a_station_are_its_rooms_and_corridor() -> None:
    request = parse_prompt("a space station promenade with shops lining both sides of a walkway")
    found = Counter(t.kind for t in request.things if t.origin == "prompt")
    assert found["room"] >= 2 and found["corridor"] == 1 and found["shop"] == 0


def test_behind_what_stands_at_the_north_is_south_of_it() -> None:
    prompt = "a starship bridge: two consoles at the north end, the captain's chair behind them"
    assert ("captain_chair-1", "south_of", ("console-1",), None) in relations(prompt)
    assert ("garden-1", "north_of", ("house-1",), None) in relations(
        "a house with a garden behind it"
    )


def test_a_station_indoors_is_a_console() -> None:
    found = kinds("a starship bridge with two rows of crew stations")
    assert found["console"] >= 6 and found["station"] == 0


def test_the_x_room_is_not_another_room_named_before() -> None:
    prompt = "a dungeon with 3 prison cells along a corridor, a torture rack in the guard room"
    request = parse_prompt(prompt)
    rooms = {t.id: t.word for t in request.things if t.kind == "room"}
    assert sorted(rooms.values()) == ["guard room", "prison cell", "prison cell", "prison cell"]
    rack = next(r for r in request.relations if r.subject == "rack-1")
    assert rooms[rack.objects[0]] == "guard room"
    found = relations("a tower with two rooms, a bed in the room")  # the plain name still does
    assert ("bed-1", "inside", ("room-1",), None) in found


def test_a_thing_named_among_a_places_usual_things_belongs_to_it() -> None:
    request = parse_prompt("basketball court, two hoops, bench on the west side")
    assert Counter(t.kind for t in request.things)["bench"] == 1
    assert not any("names nothing of" in w for w in request.warnings)


def test_things_inside_a_cave_fit_in_it() -> None:
    found = relations("a cave in the cliffs and a stack of crates just inside the cave")
    assert any(r[1] == "inside" and r[2] == ("cave-1",) for r in found), found


def test_research_bases_and_solar_panel_arrays_are_of_a_colony() -> None:
    request = parse_prompt("research base inside a crater with a solar panel array to the east")
    assert request.place == "colony"
    assert Counter(t.kind for t in request.things)["solar_panel"] == 1


def test_a_side_of_something_unknown_is_that_side_of_the_place() -> None:
    found = relations("a gas station with a car wash on the west side of the lot")
    assert ("car_wash-1", "in_region", (), "west") in found


def test_the_room_in_a_one_room_place_is_the_place() -> None:
    request = parse_prompt("a bedroom with the bed in the middle of the room")
    assert [t.kind for t in request.things if t.origin == "prompt"] == ["bed"]
    assert ("bed-1", "in_center", (), None) in relations(
        "a bedroom with the bed in the middle of the room"
    )


def test_in_the_middle_and_against_a_wall_is_said_how_it_was_read() -> None:
    request = parse_prompt("a bedroom with the bed in the middle and the bed against the west wall")
    assert any("both in the middle and against the west wall" in w for w in request.warnings)


def test_a_place_full_of_things_holds_them_and_a_ship_named_outdoors_is_a_ship() -> None:
    prompt = "a pirate cove: a beach, a pirate ship anchored offshore, a cave full of chests"
    request = parse_prompt(prompt)
    found = Counter(t.kind for t in request.things)
    assert found["ship"] == 1 and found["building"] == 0 and found["beach"] == 1
    chests = [r for r in request.relations if r.subject.startswith("chest")]
    assert chests and all(r.predicate == "inside" and r.objects == ("cave-1",) for r in chests)


def test_a_row_of_someones_things_along_the_shore_is_a_row_by_the_water() -> None:
    found = relations("a coastal village: a row of fishermen's cottages along the shore")
    assert any(r[1] == "in_rows" for r in found)
    assert [r[0] for r in found if r[1] == "near" and r[2] == ("sea-1",)] == [
        f"house-{k}" for k in range(1, 6)
    ]
    assert not any(
        r[1] == "near" for r in relations("a farm with a pond and a fence along the edge")
    )


def test_a_count_capped_at_the_limit_gives_way_to_what_is_named_after_it() -> None:
    request = parse_prompt("1500 sheep in a meadow")  # (a count, not a year)
    found = Counter(t.kind for t in request.things)
    assert found["sheep"] == 999 and found["clearing"] == 1
    assert "more than 1000 things requested; sheep capped at 999" in request.warnings


def test_a_lake_place_has_its_lake_and_a_walled_town_its_houses() -> None:
    found = kinds("a fishing village on a lake shore with four huts and two rowboats")
    assert found["lake"] == 1 and found["boat"] == 2 and found["house"] == 4
    assert kinds("a walled town with a gate in the south wall")["house"] >= 2


def test_the_forge_in_a_blacksmiths_workshop_is_its_furnace() -> None:
    prompt = "a blacksmith's workshop with an anvil next to the forge"
    assert ("anvil-1", "next_to", ("furnace-1",), None) in relations(prompt)


def test_a_place_word_naming_a_thing_inside_that_place_is_the_thing() -> None:
    assert kinds("a crypt with three tombs in a row")["tomb"] == 3
    assert kinds("a cave with stalagmites and an underground lake")["lake"] == 1
    assert kinds("a cave with stalagmites")["rock"] >= 2
    assert kinds("a forest with a hut in the forest")["forest"] == 1  # the place again


def test_an_indoor_place_put_outdoors_at_once_is_its_building_there() -> None:
    bank = parse_prompt("a bank on a city street, two guards at its door")
    assert bank.place == "street"
    assert [(t.kind, t.word) for t in bank.things if t.word == "bank"] == [("building", "bank")]
    assert ("building-1", "next_to", ("road-1",), None) in relations(
        "a bank on a city street, two guards at its door"
    )
    docks = relations("a warehouse by the docks with stacks of crates")
    assert ("warehouse-1", "near", ("pier-1",), None) in docks
    assert parse_prompt("an office in the city with desks and chairs").place == "office"
    assert parse_prompt("a kitchen in a castle").place == "kitchen"  # the castle's kitchen
    assert kinds("a kitchen in a castle")["room"] == 0
    shops = parse_prompt("a jewellery store between a bakery and a tailor's shop")
    assert shops.place != "shop" and Counter(t.kind for t in shops.things)["shop"] == 3


def test_a_settlement_on_its_own_shore_has_its_homes_by_the_water_and_rocks_if_rocky() -> None:
    village = parse_prompt("a small fishing village on a rocky coast")
    found = Counter(t.kind for t in village.things)
    assert found["house"] >= 2 and found["rock"] == 3 and found["sea"] == 1
    assert not any("says nothing" in warning for warning in village.warnings)
    sea = next(t.id for t in village.things if t.kind == "sea")
    homes = [t.id for t in village.things if t.kind == "house"]
    assert {(r.subject, r.predicate, r.objects) for r in village.relations} >= {
        (home, "near", (sea,)) for home in homes
    }


def test_a_small_thing_furniture_holds_stands_on_it_and_the_east_door_is_in_the_east_wall() -> None:
    prompt = (
        "a museum: a glass display case holding a diamond in the centre of the room, two guards"
        " by the east door"
    )
    assert {
        ("diamond-1", "on", ("display_case-1",), None),
        ("display_case-1", "in_center", (), None),
        ("door-1", "against_wall", (), "east"),
    } <= set(relations(prompt))
    assert ("candle-1", "on", ("table-1",), None) in relations("a room with a table with a candle")
    seated = relations("a long table with twelve chairs along it and a throne at its head")
    assert not any(r[1] == "on" for r in seated)  # chairs round a table, not on it
    assert ("tower-1", "in_region", (), "north") in relations("a castle with a north tower")


def test_a_street_named_as_a_buildings_neighbour_has_what_it_is_with() -> None:
    prompt = "a shop facing a wide street with three parked cars"
    assert [r for r in relations(prompt) if r[0].startswith("car")] == [
        (f"car-{k}", "next_to", ("road-1",), None) for k in (1, 2, 3)
    ]


def test_an_underground_lake_in_a_cavern_is_a_lake_in_a_cave() -> None:
    request = parse_prompt("an underground lake in a huge cavern, with glowing mushrooms around it")
    assert request.place == "cave" and Counter(t.kind for t in request.things)["lake"] == 1


def test_above_the_sea_is_by_it_and_the_seafront_is_the_sea() -> None:
    assert ("mountain-1", "next_to", ("sea-1",), None) in relations(
        "a lighthouse on a cliff above the sea"
    )
    assert kinds("three cottages along the seafront")["sea"] == 1


def test_counted_round_tables_are_tables_and_a_kettle_stands_on_the_stove() -> None:
    assert kinds("a pub with a bell on the bar, six round tables and a fireplace")["table"] == 6
    assert ("cauldron-1", "on", ("oven-1",), None) in relations(
        "a kitchen with a kettle on the stove"
    )


def test_what_fills_a_shed_is_not_beside_it_with_the_rest_of_the_list() -> None:
    found = relations("a boatyard with a shed full of tools and stacks of timber beside the shed")
    assert ("tool-1", "inside", ("barn-1",), None) in found
    assert ("stack-1", "next_to", ("barn-1",), None) in found
    assert not any(r[0].startswith("tool") and r[1] == "next_to" for r in found)


def test_a_street_lined_on_both_sides_and_the_top_of_a_street_or_a_hill() -> None:
    lined = relations("a high street running down to the sea, lined on both sides with shops")
    assert ("road-1", "connected_to", ("sea-1",), None) in lined
    assert {r[3] for r in lined if r[1] == "on_side_of"} == {"left", "right"}
    assert all(r[2] == ("road-1",) for r in lined if r[0].startswith("shop"))
    assert ("church-1", "at_head_of", ("road-1",), None) in relations(
        "a street with a church at the top of the street"
    )
    assert ("castle-1", "inside", ("hill-1",), None) in relations("a castle at the top of the hill")
    assert ("tree-1", "in_region", (), "north") in relations("a tree at the top of the map")


def test_at_the_far_end_after_a_lined_corridor_is_the_corridors_end() -> None:
    prompt = "a corridor lined with airlock doors, a robot, and an escape pod at the far end"
    assert ("escape_pod-1", "at_head_of", ("corridor-1",), None) in relations(prompt)


def test_a_stone_circle_of_seven_stones_is_seven_stones_in_a_ring() -> None:
    found = relations("a stone circle of seven standing stones to the west")
    assert kinds("a stone circle of seven standing stones to the west")["rock"] == 7
    assert ("rock-1", "in_ring", tuple(f"rock-{k}" for k in range(2, 8)), None) in found
    assert kinds("a ring of 12 torches around the altar")["torch"] == 12


def test_a_pump_indoors_is_a_machine_said_with_its_article() -> None:
    request = parse_prompt("a reactor room: the core in the middle, two coolant pumps")
    assert [t.word for t in request.things if t.kind == "engine"] == ["coolant pump"] * 2
    assert "read 'coolant pump' as an engine indoors" in request.warnings


def test_what_a_map_is_for_is_not_on_it_and_a_field_of_sheep_has_sheep_in_it() -> None:
    request = parse_prompt("a farm for a children's story: a field of sheep surrounded by a wall")
    found = Counter(t.kind for t in request.things)
    assert found["story"] == 0 and found["sheep"] == 3 and found["field"] == 1
    assert ("wall-1", "around", ("field-1",), None) in relations(
        "a farm for a children's story: a field of sheep surrounded by a wall"
    )
    assert ("sheep-1", "inside", ("field-1",), None) in relations("a field of sheep")
    assert kinds("a field of wheat")["field"] == 1 and not kinds("a field of wheat")["sheep"]
    assert kinds("a table for four players")["table"] == 1


def test_robots_between_the_rows_stand_between_one_row_and_the_next() -> None:
    prompt = "a greenhouse with two rows of plant beds and two robots between the rows"
    found = [r for r in relations(prompt) if r[0].startswith("robot")]
    assert found == [
        ("robot-1", "between", ("bed-1", "bed-4"), None),
        ("robot-2", "between", ("bed-2", "bed-5"), None),
    ]


def test_n_along_each_side_of_a_place_are_n_on_each_side() -> None:
    deck = relations("a pirate ship's deck: a mast in the middle, four cannons along each side")
    cannons = [r for r in deck if r[0].startswith("cannon") and r[1] == "in_region"]
    assert len(cannons) == 8 and {r[3] for r in cannons} == {"north", "south"}  # port, starboard
    assert kinds("a hall with three pillars on each side")["pillar"] == 6
    bays = relations("a space station with four docking bays, one on each side")
    assert {r[3] for r in bays if r[1] == "in_region"} == {"north", "east", "south", "west"}


def test_the_huts_of_a_fishing_village_on_a_lake_shore_stand_by_the_lake() -> None:
    found = relations("a fishing village on a lake shore with four huts and two rowboats")
    huts = [r for r in found if r[0].startswith("house")]
    assert len(huts) == 4 and all(r[1:3] == ("near", ("lake-1",)) for r in huts)
    assert not any(
        r[0] == "house-1" and r[1] == "near"
        for r in relations("a coast with a house north of a tree")
    )


def test_typos_of_the_linking_words_and_a_spider_queen_with_her_eggs_around_her() -> None:
    request = parse_prompt(
        "a spidr cave with a huge spider queen in the middle, her eggs arround her"
    )
    assert "read 'arround' as 'around' (a typo?)" in request.warnings
    found = Counter(t.kind for t in request.things)
    assert found["spider"] == 1 and found["person"] == 0 and found["egg"] == 3
    assert ("egg-1", "around", ("spider-1",), None) in relations(
        "a spidr cave with a huge spider queen in the middle, her eggs arround her"
    )
    assert "read 'wiht' as 'with' (a typo?)" in parse_prompt("a camp wiht 12 tents").warnings
    assert kinds("a camp wiht 12 tents")["tent"] == 12
    assert kinds("a car park with 3 rows of parked cars")["car"] == 9


def test_a_castles_courtyard_is_no_market_and_the_east_bank_is_the_rivers() -> None:
    castle = parse_prompt(
        "ruined castle on top of a hill, broken walls, a well inside the courtyard"
    )
    assert castle.place != "market" and not any(t.kind == "market_stall" for t in castle.things)
    assert ("well-1", "inside", ("market-1",), None) in relations(
        "ruined castle on top of a hill, broken walls, a well inside the courtyard"
    )
    bank = relations("a river runs north to south, with a windmill on the east bank")
    assert {
        ("windmill-1", "along", ("river-1",), None),
        ("windmill-1", "east_of", ("river-1",), None),
    } <= set(bank)


def test_a_typo_read_as_a_compound_and_in_middle() -> None:
    request = parse_prompt("coffe shop - counter by the door and a sofa at the back")
    assert "read 'coffe' as 'coffee' (a typo?)" in request.warnings
    assert ("desk-1", "in_center", (), None) in relations("space lab: workbench in middle")


def test_what_a_plaza_or_a_pool_is_with_and_docking_ports_round_a_chamber() -> None:
    plaza = relations("four skyscrapers around a central plaza with a statue")
    assert ("statue-1", "inside", ("market-1",), None) in plaza
    assert ("moat-1", "around", ("castle-1",), None) in relations("a castle on a hill with a moat")
    oasis = relations("a desert oasis: a pool of water surrounded by palm trees")
    assert ("palm-1", "around", ("pool-1",), None) in oasis
    hub = relations("a space station: round central chamber with 6 docking ports around it")
    assert ("airlock-1", "around", ("room-1",), None) in hub
    assert ("reactor-1", "in_center", (), None) in relations(
        "a space station with a reactor in the core"
    )


def test_a_village_green_and_the_green_it_is_named_by_again() -> None:
    hamlet = "five cottages around a village green, with a well in the middle of the green"
    found = relations(hamlet)
    assert ("well-1", "in_center", ("clearing-1",), None) in found
    assert not any(r[0] == "well-1" and r[1] == "inside" for r in found)  # not in a cottage
    assert parse_prompt("a village green with a big oak in the middle").place == "village"


def test_a_canyon_runs_as_its_chasm_and_a_rim_is_its_side() -> None:
    canyon = relations("a narrow canyon running east to west with a rope bridge across it")
    assert ("chasm-1", "runs", (), "east_west") in canyon
    assert ("bridge-1", "across", ("chasm-1",), None) in canyon
    rim = relations("a canyon running east to west, bandits hiding behind rocks on the south rim")
    assert ("rock-1", "south_of", ("chasm-1",), None) in rim
    assert ("bandit-1", "near", ("rock-1",), None) in rim  # hiding behind: against, any side
    street = relations("a narrow street running north to south")
    assert ("road-1", "runs", (), "north_south") in street
    river = relations("a canyon running north to south with a river at the bottom")
    assert ("river-1", "runs", (), "north_south") in river


def test_the_red_one_and_the_blue_one_of_two_named_together() -> None:
    prompt = (
        "battlefield map: two armies facing each other, the red army on the west side and"
        " the blue army on the east, a burning windmill between them"
    )
    request = parse_prompt(prompt)
    assert request.place == "hills"
    words = {t.id: t.word for t in request.things if t.kind == "army"}
    assert words == {"army-1": "red army", "army-2": "blue army"}
    found = relations(prompt)
    assert ("army-1", "in_region", (), "west") in found
    assert ("army-2", "in_region", (), "east") in found
    assert ("windmill-1", "between", ("army-1", "army-2"), None) in found
    assert not any("contradiction" in w for w in request.warnings)


def test_the_front_and_the_back_of_a_place() -> None:
    board = relations(
        "a classroom with desks facing the whiteboard and the teacher's desk at the front"
    )
    teacher = next(r for r in board if r[1] == "near")
    assert teacher[2] == ("whiteboard-1",)
    assert ("altar-1", "in_region", (), "north") in relations("a church with an altar at the front")
    assert ("counter-1", "in_region", (), "north") in relations("a shop with a counter at the back")
    assert ("garden-1", "north_of", ("house-1",), None) in relations(
        "a house with a garden at the back of the house"
    )
    assert kinds("a classroom with desks facing the whiteboard")["blackboard"] == 0


def test_covered_in_and_as_many_as_fit_on_a_holder() -> None:
    bench = relations("a laboratory with a long workbench covered in bottles")
    assert ("bottle-1", "on", ("desk-1",), None) in bench
    assert kinds("a chapel with an altar and candles on the altar")["candle"] == 2
    assert kinds("a chapel with an altar and 4 candles on the altar")["candle"] == 4  # said


def test_ship_decks_ends_and_ways_to_elsewhere() -> None:
    deck = "main deck of a galleon: the helm at the stern and a hatch to the hold in the middle"
    found = relations(deck)
    assert ("console-1", "in_region", (), "west") in found  # the stern is the hull's west end
    assert ("airlock-1", "in_center", (), None) in found
    assert kinds(deck)["hold"] == 0
    cabin = relations("captain's cabin: a desk with a map spread on it")
    assert ("map-1", "on", ("desk-1",), None) in cabin
    moored = parse_prompt("deck of a merchant ship docked at a wooden pier")
    assert moored.place != "ship_deck"
    assert {t.word for t in moored.things if t.kind == "ship"} == {"merchant ship"}


def test_what_living_things_are_doing_names_nothing() -> None:
    assert {t.word for t in parse_prompt("a harbor with sailors loading sacks").things} >= {
        "sailor",
        "sack",
    }
    assert ("goblin-1", "inside", ("cave-2",), None) in relations(
        "goblin cave: a big central cavern with a campfire, goblins sleeping around the fire"
    )
    sewer = relations("sewer tunnels under the city, a ladder up to a manhole")
    assert ("stairs-1", "next_to", ("manhole-1",), None) in sewer
    assert all(not r[2] or not r[2][0].startswith("house") for r in sewer)
    assert {t.word for t in parse_prompt("a channel of filthy water").things} == {"channel"}
    assert kinds("a canal with walkways on both sides")["sidewalk"] == 2
    assert kinds("a dungeon with a lich in the boss room")["wizard"] == 1
    assert kinds("castle courtyard with a well and the keep to the north")["tower"] == 1


def test_rows_said_after_the_things_and_purposes_and_ends_of_rooms() -> None:
    pods = relations("cryo lab: 12 stasis pods, two rows of six")
    assert any(r[1] == "in_rows" and r[3] == "2" for r in pods)
    assert parse_prompt("cryo lab: 12 stasis pods").place == "laboratory"
    orchard = kinds("apple orchard: 4 rows of 5 apple trees, a cider press")
    assert orchard["tree"] == 20 and orchard["forest"] == 0  # rows of things named, not `in`
    assert kinds("a playground with a bench for the parents next to the sandbox")["parent"] == 0
    ward = relations("hospital ward, 2 rows of 5 beds, nurses station at the end of the room")
    assert ("counter-1", "against_wall", (), None) in ward


def test_parts_of_stations_and_ships_are_rooms_and_sides() -> None:
    station = parse_prompt(
        "space station with the docking bay on the west, hydroponics garden in the east"
        " section, crew quarters with 6 bunks, and the command center in the middle"
    )
    rooms = {t.word: t.id for t in station.things if t.kind == "room"}
    assert set(rooms) >= {"hydroponics garden", "crew quarters", "command center"}
    found = {(r.subject, r.predicate, r.objects, r.argument) for r in station.relations}
    assert (rooms["hydroponics garden"], "in_region", (), "east") in found
    assert (rooms["command center"], "in_center", (), None) in found
    assert ("bed-1", "inside", (rooms["crew quarters"],), None) in found
    assert not any(t.kind == "section" for t in station.things)
    engine = parse_prompt("reactor room on a starship, a radiation warning sign on the door")
    assert engine.place == "engine_room"
    assert {t.kind for t in engine.things} >= {"signpost", "door"}
    assert kinds("a subway station with an island platform")["railway_platform"] == 1


def test_what_a_thing_faces_says_where_its_front_is() -> None:
    bridge = relations(
        "starship bridge: captain's chair in the center facing the main viewscreen on the north"
        " wall, helm and navigation consoles in front of the chair"
    )
    assert ("console-1", "north_of", ("captain_chair-1",), None) in bridge
    nest = relations("alien hive colony with egg chambers around a central queen's nest")
    assert ("nest-1", "in_center", (), None) in nest


def test_tubes_are_no_tubs_and_between_two_groups() -> None:
    base = relations("moon base: three domes connected by tubes")
    assert ("dome-2", "connected_to", ("dome-1",), "corridor") in base
    assert kinds("a bathroom with two tubs")["bathtub"] == 2
    armies = relations(
        "two armies facing each other: knights on the west side, orcs on the east side, and a"
        " river between them"
    )
    assert ("river-1", "between", ("guard-1", "goblin-1"), None) in armies
    well = relations("five houses and a church, with a well between them")
    assert ("well-1", "between", ("house-1", "church-1"), None) in well
    assert not any(r[0] == "well-1" and r[1] == "inside" for r in well)


def test_a_count_the_prompt_says_is_the_count_a_place_has() -> None:
    hideout = parse_prompt(
        "Bandit hideout in a canyon. The bandits' camp has six tents arranged in a circle"
        " around a big bonfire. Horses are tied up at a hitching post west of the camp."
    )
    assert sum(t.kind == "tent" for t in hideout.things) == 6
    post = [r for r in hideout.relations if r.subject == "signpost-1" and r.predicate == "west_of"]
    assert post and post[0].objects[0].startswith("tent-")  # the named tents: the camp
    assert kinds("post-apocalyptic gas station, survivors camp with 3 tents")["tent"] == 3
    assert kinds("a cargo hold with crates stacked in 4 rows")["barrel"] >= 8


def test_things_inside_a_palisade_have_it_round_them() -> None:
    found = relations("A village under siege: 4 houses inside a wooden palisade")
    assert ("wall-1", "around", ("house-1",), None) in found
    assert kinds("A village under siege: 4 houses inside a wooden palisade")["house"] == 4


def test_a_count_said_aside_a_caravan_and_places_counted_within() -> None:
    assert kinds("a room with candles around it (like 6 or so). A cauldron")["candle"] == 6
    assert kinds("a room with 3 candles (like 6 or so)")["candle"] == 3  # said already
    assert kinds("a camel caravan in the desert: three camels and a tent")["camel"] == 3
    assert kinds("a house: two houses")["house"] == 3
    prison = parse_prompt("a prison with three long prisoner barracks in the middle")
    barracks = [t for t in prison.things if t.word == "prisoner barracks"]
    assert len(barracks) == 3 and all(t.long for t in barracks)


def test_the_shore_of_a_lake_and_words_nobody_files_as_things() -> None:
    village = parse_prompt("a little fishing village on the shore of a lake, with a boathouse")
    assert village.place == "lake" and not any(t.kind == "sea" for t in village.things)
    assert any(t.kind == "house" for t in village.things)
    study = parse_prompt("a wizard's study, a pentagram in the middle of the floor")
    assert {t.word for t in study.things} >= {"pentagram"}
    assert kinds("ice cave, icicles hanging everywhere")["rock"] >= 2
    assert kinds("a town square with some npcs wandering around")["person"] >= 2


def test_a_relation_said_first_goes_to_everything_named_after_it() -> None:
    cove = relations(
        "A pirate cove. On the beach there are 3 treasure chests and a campfire. A cave."
    )
    beach = next(r[2] for r in cove if r[0] == "chest-1" and r[1] == "inside")
    assert beach[0].startswith("beach-")  # the cove's own beach, not the whole map
    assert ("campfire-1", "inside", beach, None) in cove
    assert not any(r[0] == "cave-1" for r in cove)  # a new sentence
    mill = relations("Next to the river is a mill and a barn")
    assert ("barn-1", "next_to", ("river-1",), None) in mill


def test_compass_abbreviations_and_walk_in_things() -> None:
    kitchen = relations("restaurant kitchen: a sink, a walk-in fridge in the NE corner")
    assert ("fridge-1", "in_corner", (), "northeast") in kitchen
    assert tokenize("a walk-in fridge")[1] == "walk-in"
    assert ("stairs-1", "in_corner", (), "southwest") in relations(
        "a cellar, stairs in the sw corner"
    )


def test_whose_place_and_creatures_in_peoples_jobs() -> None:
    market = parse_prompt(
        "A goblin market in a cave: a dozen stalls, a troll bouncer at the entrance"
    )
    assert market.place == "cave"
    assert {t.kind for t in market.things} >= {"market_stall", "troll"}
    assert kinds("a cave with goblin merchants and a dog walker")["goblin"] >= 2
    assert kinds("ring of standing stones on a hilltop")["hill"] >= 1


def test_a_desert_planet_homestead() -> None:
    prompt = (
        "homestead on a desert planet: a pair of moisture vaporators, a domed house and a"
        " landspeeder parked next to the house"
    )
    request = parse_prompt(prompt)
    assert request.place == "desert"
    assert {t.word for t in request.things} >= {"moisture vaporator", "landspeeder"}
    assert not any("itself" in w for w in request.warnings)  # the house is not by itself


def test_lined_up_is_one_line() -> None:
    cars = relations("oval race track with 8 cars lined up on the starting line")
    assert any(r[1] == "in_rows" and r[3] == "1" for r in cars)
    shelves = relations("a library with bookshelves lined up in rows")
    assert any(r[1] == "in_rows" and r[3] != "1" for r in shelves)


def test_places_named_as_things_again_and_stalls_as_counters() -> None:
    school = relations("a school with three classrooms and a gym east of the classrooms")
    assert ("building-1", "east_of", ("school-2",), None) in school
    assert kinds("a school with three classrooms and a gym east of the classrooms")["school"] == 4
    court = kinds("mall food court: 6 food stalls around the edge and lots of tables")
    assert court["market_stall"] == 6 and court["counter"] == 0


def test_the_board_is_the_blackboard_named_before() -> None:
    found = relations(
        "a classroom with a blackboard on the north wall, a table in front of the board"
    )
    assert ("table-1", "next_to", ("blackboard-1",), None) in found
    assert kinds("a classroom with a blackboard, a table in front of the board")["board"] == 0


def test_a_count_past_the_limit_said_another_way_is_capped_with_a_warning() -> None:
    for prompt in ("candles (like 99999 or so)", "a camel caravan: 9999 camels"):
        request = parse_prompt(prompt)
        assert len(request.things) == 1000
        assert any(w.startswith("more than 1000 things requested") for w in request.warnings)


def test_w_slash_is_with_and_w_slash_o_without() -> None:
    request = parse_prompt("a kitchen w/ a stove w/o windows")
    assert "w" not in request.not_understood
    assert kinds("a kitchen w/ a stove w/o windows")["oven"] == 1
    assert "window" in request.excluded


@pytest.mark.parametrize(
    ("words", "corner"),
    [("back corner", None), ("back left corner", "northwest"), ("front right corner", "southeast")],
)
def test_a_corner_said_by_front_and_back_is_a_corner(words: str, corner: str | None) -> None:
    assert relations(f"a kitchen with a stove in the {words}") == [
        ("oven-1", "in_corner", (), corner)
    ]


def test_a_backyard_is_a_garden_place_and_a_yard_beside_a_house_a_thing() -> None:
    assert parse_prompt("small backyard w/ a vegetable garden and a shed").place == "park"
    house = parse_prompt("a house with a front yard and a fence")
    assert house.place == "village" and kinds("a house with a front yard")["yard"] == 1
    assert kinds("a field of wheat")["field"] == 1


def test_a_sports_court_is_drawn_indoors_too() -> None:
    gym = parse_prompt("school gym with a basketball court in the middle and bleachers")
    assert gym.place == "gym" and any(t.kind == "court" for t in gym.things)
    assert parse_prompt("a basketball court").place == "sports_field"


def test_the_creatures_of_an_ambush_said_again_are_the_ones_counted() -> None:
    assert kinds("goblin ambush on a forest road: 6 goblins hiding in the trees")["goblin"] == 6
    assert kinds("a goblin ambush: 6 goblins on a road")["goblin"] == 6


def test_in_the_middle_of_a_way_is_on_it() -> None:
    found = relations("a forest road with an overturned wagon in the middle of the road")
    assert ("cart-1", "on", ("road-1",), None) in found


def test_tunnels_that_branch_off_make_no_branch_and_a_pool_of_lava_is_lava() -> None:
    prompt = "a dwarven mine: three tunnels branch off from the entrance, a pool of lava glows"
    found = kinds(prompt)
    assert found["plant"] == 0 and found["branch"] == 0 and found["lava"] == 1


def test_a_hideout_under_the_city_with_rooms_is_underground() -> None:
    request = parse_prompt("thieves guild hideout under the city. a main hall and 3 rooms")
    assert request.place == "dungeon"
    assert not any(t.kind in ("house", "tree") for t in request.things)


def test_ways_connecting_several_things_link_each_to_the_next() -> None:
    found = relations("elven village with rope bridges connecting the treehouses")
    links = sorted(r[2] for r in found if r[1] == "connected_to")
    assert links == [("house-1", "house-2"), ("house-2", "house-3")]


@pytest.mark.parametrize(
    ("prompt", "place"),
    [
        ("Drawing a map for a knights tourney in my homebrew campaign", "village"),
        ("I need a battle map for my D&D game: a tavern with 3 tables", "tavern"),
        ("make me a map of a cave", "cave"),
        ("a dungeon map with 5 rooms", "dungeon"),
    ],
)
def test_a_request_for_a_map_draws_no_map(prompt: str, place: str) -> None:
    request = parse_prompt(prompt)
    assert request.place == place
    assert not any(t.kind in ("map", "need", "game") for t in request.things), request.things


def test_a_map_named_as_a_thing_is_still_drawn() -> None:
    assert kinds("a war room with a map on the table")["map"] == 1
    assert kinds("a map spread on a desk in a study")["map"] == 1


@pytest.mark.parametrize(
    ("prompt", "kind"),
    [
        ("a tourney field with the jousting list down the center", "fence"),
        ("an archery range with a few targets", "target"),
        ("a tourney with a royal box for the king", "bleachers"),
        ("an alley with overflowing dumpsters", "trash_can"),
        ("3 assembly lines with robotic arms next to each line", "robot"),
        ("a sci-fi prison block with a guard tower", "guard_post"),
        ("a zen garden with a koi pond", "pond"),
    ],
)
def test_words_people_use_for_things_drawn(prompt: str, kind: str) -> None:
    request = parse_prompt(prompt)
    assert any(t.kind == kind and t.origin == "prompt" for t in request.things)
    assert not request.not_understood


@pytest.mark.parametrize(
    ("prompt", "place"),
    [
        ("robot factory floor. 3 assembly lines", "warehouse"),
        ("a hydroponics bay", "greenhouse"),
        ("giant anthill cross-section with tunnels and chambers", "dungeon"),
        ("zen garden with raked sand", "park"),
        ("haunted carnival at night - ferris wheel north", "market"),
    ],
)
def test_words_people_use_for_places(prompt: str, place: str) -> None:
    request = parse_prompt(prompt)
    assert request.place == place
    assert not any(t.kind == "hill" for t in request.things)  # (an anthill's hill is the place)


def test_things_lining_a_side_stand_along_it() -> None:
    found = relations("a food court with 5 counters lining the north side")
    assert ("counter-1", "along", (), "north") in found


def test_a_compass_word_after_a_thing_places_it() -> None:
    found = relations("a carnival - ferris wheel north, carousel in the center")
    assert ("ferris_wheel-1", "in_region", (), "north") in found
    assert relations("a village, the church north east") == [
        ("church-1", "in_region", (), "northeast")
    ]
    assert not any(r[1] == "in_region" for r in relations("a river flowing south, a mill"))
    assert not any(r[1] == "in_region" for r in relations("a house facing north, a barn"))


def test_one_more_said_by_one() -> None:
    found = relations("2 player rts map, one base in the top left and one in the bottom right")
    assert ("base-1", "in_region", (), "northwest") in found
    assert ("base-2", "in_region", (), "southeast") in found
    towers = relations("two towers, one in the north and one in the south")
    assert towers == [
        ("tower-1", "in_region", (), "north"), ("tower-2", "in_region", (), "south")
    ]  # fmt: skip


def test_the_two_of_a_thing_named_once_are_two() -> None:
    prompt = "Wizard duel on a frozen lake. The two wizards stand on opposite sides of the lake"
    found = relations(prompt)
    assert kinds(prompt)["wizard"] == 2
    sides = {r[1] for r in found if r[0].startswith("wizard") and r[2] == ("frozen_lake-1",)}
    assert sides == {"north_of", "south_of", "near"}  # beside the lake, no longer on it


def test_the_ice_of_a_frozen_lake_is_the_lake() -> None:
    assert relations("a frozen lake with a fisherman on the ice") == [
        ("person-1", "inside", ("frozen_lake-1",), None)
    ]


def test_people_named_by_what_they_do_are_told_apart() -> None:
    prompt = "a tavern brawl - 5 patrons fighting and the barkeep hiding behind the counter"
    request = parse_prompt(prompt)
    assert [t.kind for t in request.things].count("person") == 5
    assert any(t.kind == "bartender" for t in request.things)
    armies = relations("two armies, the red army on the west and the blue army on the east")
    assert ("army-1", "in_region", (), "west") in armies
    assert ("army-2", "in_region", (), "east") in armies


def test_a_table_named_by_a_noun_is_another_table() -> None:
    prompt = "8 round tables, the head table along the north side w/ the cake table next to it"
    assert kinds(prompt)["table"] == 10
    assert ("table-10", "next_to", ("table-9",), None) in relations(prompt)


def test_not_near_is_away_from() -> None:
    found = relations("a head table and a DJ booth in a corner (not near the head table)")
    assert ("desk-1", "far_from", ("table-1",), None) in found
    assert ("house-1", "near", ("river-1",), None) in relations("a hut not far from the river")


@pytest.mark.parametrize(
    ("prompt", "kind"),
    [
        ("mech hangar w/ 3 mechs in repair bays along the north wall", "room"),
        ("fenced dog park with some agility jumps", "fence"),
        ("fenced dog park with some agility jumps", "hurdle"),
        ("riding school: an oval sand arena in the middle", "court"),
        ("a nightclub with a dance floor in the middle", "dance_floor"),
        ("a tavern with 3 dwarves", "dwarf"),
        ("a teleporter room on a starship", "teleporter"),
        ("a frozen lake with cracks in the ice", "chasm"),
    ],
)
def test_more_words_people_use_for_things(prompt: str, kind: str) -> None:
    assert kinds(prompt)[kind] >= 1, parse_prompt(prompt).things


@pytest.mark.parametrize(
    ("prompt", "place"),
    [
        ("pizza place kitchen w/ a big wood fired oven", "kitchen"),
        ("used car lot with 15 cars", "parking_lot"),
        ("hair salon with 4 styling chairs", "salon"),
        ("a hill giant's kitchen - a huge table", "kitchen"),
        ("mech hangar w/ 3 mechs", "warehouse"),
        ("riding school with stables", "farm"),
    ],
)
def test_more_words_people_use_for_places(prompt: str, place: str) -> None:
    assert parse_prompt(prompt).place == place


def test_words_typed_without_their_hyphen() -> None:
    assert tokenize("a wood fired oven, walk in fridge, a walk in the park") == [
        "a", "wood-fired", "oven", ",", "walk-in", "fridge", ",", "a", "walk", "in", "the",
        "park",
    ]  # fmt: skip


def test_a_size_said_by_comparison_names_nothing() -> None:
    prompt = "a cooking pot big enough for a horse on the hearth"
    assert kinds(prompt)["horse"] == 0
    assert ("cauldron-1", "on", ("fireplace-1",), None) in relations(prompt)
    assert kinds("someone keeping watch on a big rock")["watch"] == 0


def test_a_verb_form_is_not_split_into_two_nouns() -> None:
    found = kinds("courtyard of a mage academy with a dueling circle in the south")
    assert found["ling"] == 0 and found["court"] == 1


def test_connectors_named_by_the_prompt_are_drawn_with_its_words() -> None:
    request = parse_prompt("a village with 7 huts connected by rope walkways")
    walkways = [t for t in request.things if t.word == "rope walkway"]
    assert len(walkways) == 6
    assert kinds("a dungeon with 5 rooms connected by corridors")["corridor"] == 0


def test_only_what_can_stand_on_a_way_is_on_it_in_its_middle() -> None:
    found = relations("atoll boiler room along the middle of ice crack")
    assert not any(r[1] == "on" for r in found)


def test_a_count_said_aside_after_a_comma() -> None:
    assert kinds("a cave with kobolds, maybe 8? also a shrine")["goblin"] == 8
    assert kinds("trees, about 5, near the river")["tree"] == 5
    assert kinds("houses, 3 of them red")["house"] == 3  # (a count of the named, not aside)


def test_a_request_for_a_map_in_the_middle_of_a_prompt_draws_no_map() -> None:
    prompt = "ok for next session the party reaches the kobold warrens, need a map. long tunnel"
    assert kinds(prompt)["map"] == 0
    assert kinds("a desk with a map.")["map"] == 1


def test_a_noun_describing_an_owner_is_not_drawn() -> None:
    assert kinds("a cave with the kobold chief's room at the east end")["goblin"] == 0
    assert kinds("a cave with the kobold chief's room at the east end")["room"] == 1


def test_whom_a_shrine_is_raised_to_is_not_there() -> None:
    found = relations("a little shrine to their dragon god somewhere near the chief's room")
    assert found == [("altar-1", "near", ("room-1",), None)]


def test_the_middle_of_a_wall_is_against_it_in_its_middle() -> None:
    assert relations("a room with a control booth in the middle of the north wall") == [
        ("guard_post-1", "against_wall", (), "north"),
        ("guard_post-1", "in_center", (), "x"),
    ]


def test_around_the_perimeter_is_all_around() -> None:
    assert relations("a camp with a sandbag wall around the perimeter") == [
        ("wall-1", "around", (), None)
    ]


def test_parked_cars_stand_by_the_road() -> None:
    assert ("car-2", "near", ("road-1",), None) in relations("a street with 3 parked cars")


@pytest.mark.parametrize(
    ("prompt", "place"),
    [
        ("ER with 6 curtained bays along the west wall", "hospital_ward"),
        ("a small vet clinic", "vet_clinic"),
        ("Forward operating base: 2 helipads and a command tent", "camp"),
        ("a village, er, with a well", "village"),
    ],
)
def test_yet_more_words_for_places(prompt: str, place: str) -> None:
    assert parse_prompt(prompt).place == place


def test_what_things_are_for_is_not_drawn() -> None:
    assert kinds("6 barriers for cover")["cover"] == 0
    assert kinds("the ammo dump far from the tents")["cargo_crate"] == 1


def test_monsters_roam_anywhere_so_the_ground_chooses_the_place() -> None:
    prompt = "5 dwarves holding a narrow stone bridge across a chasm, 20 goblins from the west"
    assert parse_prompt(prompt).place != "dungeon"
    assert parse_prompt("goblins guarding a treasure chest").place == "dungeon"


def test_people_guarding_or_holding_a_thing_stand_by_it() -> None:
    assert ("guard-1", "near", ("door-1",), None) in relations("two guards guarding the gate")
    assert ("dwarf-1", "near", ("bridge-1",), None) in relations("5 dwarves holding a bridge")
    assert ("diamond-1", "on", ("display_case-1",), None) in relations(
        "a glass case holding a diamond"
    )


def test_a_chatty_request_for_a_map_and_a_station_named_by_its_work() -> None:
    prompt = (
        "ok need a map for my starfinder game, the players dock at an abandoned mining station"
        " on an asteroid.. docking bay on the west side, a long corridor going east to the ops"
        " room"
    )
    request = parse_prompt(prompt)
    assert request.place == "space_station"
    assert not any(t.kind in ("map", "need") for t in request.things)
    assert any(t.word == "ops room" for t in request.things)


@pytest.mark.parametrize(
    ("prompt", "kind"),
    [
        ("a treant in a grove", "troll"),
        ("myconids around a spore pool", "goblin"),
        ("a fire elemental by the altar", "demon"),
        ("lots of halflings on the green", "person"),
        ("a hill giant's kitchen with a hill giant", "troll"),
    ],
)
def test_creatures_of_tabletop_games(prompt: str, kind: str) -> None:
    request = parse_prompt(prompt)
    assert any(t.kind == kind for t in request.things) and not request.not_understood


def test_a_giant_before_a_thing_still_says_its_size() -> None:
    assert {t.size for t in parse_prompt("giant trees").things} == {"huge"}


def test_whose_place_it_is_lives_there() -> None:
    assert kinds("a goblin camp")["goblin"] == 3
    assert kinds("a bandit camp")["bandit"] == 3
    assert kinds("owlbear den in the woods")["cave"] == 1  # (a den in a forest: a thing)
    assert kinds("a goblin camp with 6 goblins")["goblin"] == 6
    assert kinds("a dragon lair")["dragon"] == 1
    assert kinds("beholder's lair with a few petrified adventurers")["demon"] == 1
    assert kinds("the wizard's study with a desk")["wizard"] == 0
    assert kinds("a farmer market")["person"] == 5  # (the market's usual people)


def test_a_lair_keeper_named_again_is_one() -> None:
    prompt = "a dragon's lair deep inside a volcano with a dragon sleeping on its hoard"
    assert kinds(prompt)["dragon"] == 1
    assert ("dragon-1", "on", ("treasure-1",), None) in relations(prompt)


def words_of(prompt: str) -> Counter[str]:
    return Counter(t.word for t in parse_prompt(prompt).things if t.origin == "prompt")


def test_a_year_is_when_not_how_many() -> None:
    assert sum(kinds("1849 gold rush camp with a dozen tents").values()) < 30
    assert kinds("1849 gold rush camp with a dozen tents")["tent"] == 12
    assert not any(t.word == "bc" for t in parse_prompt("a pyramid site, around 2500 BC").things)
    assert kinds("Omaha Beach, 6 June 1944. sea along the north edge, 6 landing craft")[
        "landing_craft"
    ] in (0, 6)
    assert kinds("1500 sheep in a meadow")["sheep"] == 999  # (a herd is counted)
    assert kinds("1000 piers on an island")["pier"] >= 900


def test_what_people_wear_is_not_a_thing_beside_them() -> None:
    guests = parse_prompt("20 guests in masks near the bar")
    assert not any(t.kind == "mask" for t in guests.things)
    assert ("guard-1", "near", ("door-1",), None) in relations(
        "a knight in shining armor by the gate"
    )
    assert kinds("a wizard in a cage")["cage"] == 1  # a cage is no garment


def test_milling_around_is_how_people_are_not_round_the_walls() -> None:
    found = relations("20 guests milling around, a bar in the corner")
    assert not any(r[0].startswith("person") and r[1] == "against_wall" for r in found)
    assert any(
        r[0].startswith("person") and r[1] == "around"
        for r in relations("kids running around the pool")
    )


def test_the_opposite_corner_is_across_from_the_last_one_named() -> None:
    found = relations("a tool shed in the NW corner and the compost heap in the opposite corner")
    assert ("compost_heap-1", "in_corner", (), "southeast") in found
    gallows = relations("gallows on the north-east corner, a shrine on the opposite corner")
    assert ("gallows-1", "in_region", (), "northeast") in gallows
    assert ("altar-1", "in_region", (), "southwest") in gallows
    stage = relations("a stage at the north end, a bar at the opposite end")
    assert ("bar-1", "in_region", (), "south") in stage


def test_a_prompt_about_one_room_draws_that_room() -> None:
    treasure = parse_prompt("treasure room: five chests against the north wall, a door")
    assert treasure.place == "room" and not any(t.kind == "room" for t in treasure.things)
    assert kinds("treasure room: five chests")["bed"] == 0  # (named things are its things)
    assert parse_prompt("treasure room: 3 chests, a corridor to the guard room").place == "dungeon"


def test_some_of_them_are_another_thing_not_more_things() -> None:
    chests = words_of("five chests against the north wall (one of them is a mimic!)")
    assert chests == Counter({"chest": 4, "mimic": 1})
    guests = words_of("20 guests milling around, and 3 of them are assassins")
    assert guests == Counter({"guest": 17, "assassin": 3})


def test_colours_stay_in_the_label_to_tell_things_apart() -> None:
    flags = words_of("red flag at the west end, blue flag at the east end")
    assert flags == Counter({"red flag": 1, "blue flag": 1})


def test_things_scattered_on_the_floor_are_all_over_it() -> None:
    request = parse_prompt("a treasure room, gold coins scattered on the floor, and a door")
    assert not any("names nothing known" in w for w in request.warnings)
    assert kinds("a treasure room, gold coins scattered on the floor")["floor"] == 0


def test_real_words_are_not_split_into_compounds_at_short_edges() -> None:
    assert kinds("two fishing boats rowing toward the docks")["person"] == 0
    assert kinds("they dont look different on the map")["troll"] == 0
    assert kinds("a longhouse with a firepit")["house"] == 1  # (no English word: a compound)


def test_a_pronoun_opens_no_noun_phrase() -> None:
    assert not any(t.word == "need" for t in parse_prompt("I need to know where they are").things)


def test_a_prefixed_adjective_is_one_word() -> None:
    assert tokenize("post-apocalyptic gas station")[0] == "post-apocalyptic"
    assert kinds("post-apocalyptic gas station with 3 tents")["signpost"] == 0


def test_a_name_opening_a_sentence_is_not_corrected_as_a_typo() -> None:
    request = parse_prompt("for my history project: Omaha Beach, 6 June 1944. sea to the north")
    assert not any("omasa" in w for w in request.warnings)
    assert any(t.kind == "beach" for t in request.things)


def test_one_by_each_of_the_things_named_before() -> None:
    found = relations("4 customs booths in a row, a scanner arch in front of each")
    pairs = {(r[0], r[2]) for r in found if r[1] == "next_to"}
    assert pairs == {(f"scanner-{k}", (f"market_stall-{k}",)) for k in range(1, 5)}
    candles = relations("5 tables, a candle on each.")
    assert {r[0] for r in candles if r[1] == "on"} == {f"candle-{k}" for k in range(1, 6)}


def test_a_swamps_ground_is_named_swamp() -> None:
    minimap = generate_scene("a hydra in a swamp", seed=1, width=32, height=16).minimap
    assert "  .   swamp" in minimap


def test_a_gas_stations_building_is_the_gas_station() -> None:
    ruined = parse_prompt("ruined gas station after the bombs fell. rusted cars in the lot")
    assert [t.word for t in ruined.things if t.kind == "building"] == ["gas station"]
    assert not any(t.kind == "bomb" for t in ruined.things)  # (when, not a thing there)
    shop = parse_prompt("gas station with 4 pumps in a row and a little shop behind them")
    assert not any(t.kind == "building" for t in shop.things)  # the shop is its building
    corner = relations("an intersection with a bus stop, and a gas station on the SE corner")
    assert ("building-1", "in_region", (), "southeast") in corner
    assert ("fuel_pump-1", "near", ("building-1",), None) in corner


def test_a_count_of_corners_is_each_corner() -> None:
    assert kinds("an intersection with traffic lights on all 4 corners")["traffic_light"] == 4


def test_a_soccer_pitch_is_a_sports_field_with_its_pitch() -> None:
    request = parse_prompt("Soccer pitch with a goal at each end")
    assert request.place == "sports_field"
    assert any(t.word == "soccer pitch" for t in request.things)


def test_states_stay_in_the_label() -> None:
    assert words_of("20 graves, an open grave near the mausoleum")["open grave"] == 1


def test_a_verb_after_the_thing_just_named_is_what_it_does() -> None:
    wagon = parse_prompt("a forest road and a broken-down wagon blocks the middle of the road")
    assert not any(t.kind == "block" for t in wagon.things)
    assert ("dragon-1", "near", ("treasure-1",), None) in relations(
        "a cave with a dragon; the dragon guards its treasure"
    )
    assert kinds("a throne room with 3 guards along the walls")["guard"] == 3  # (a noun)
    assert kinds("a fort with six barrack blocks")["block"] == 6


def test_creatures_in_the_trees_are_among_them_one_in_a_tree_is_in_its_crown() -> None:
    goblins = relations("6 goblins hide in the trees by the road")
    assert ("goblin-1", "near", ("tree-1",), None) in goblins
    assert ("bird-1", "on", ("tree-1",), None) in relations("an owl in a tree")


def test_a_gatherings_creatures_counted_later_are_the_ones_it_has() -> None:
    assert kinds("goblin ambush on a forest road. 6 goblins hide in the trees")["goblin"] == 6
    assert kinds("a goblin ambush with 6 goblins")["goblin"] == 6


def test_a_homes_rooms_are_drawn_as_its_plan() -> None:
    plan = parse_prompt(
        "floor plan for a 2 bedroom apartment: living room, kitchen, bathroom, two bedrooms"
        " and a hallway connecting them"
    )
    assert plan.place == "room"
    assert Counter(t.word for t in plan.things if t.kind == "room") == Counter(
        {"living room": 1, "kitchen": 1, "bathroom": 1, "bedroom": 2}
    )
    joined = {o for r in plan.relations if r.predicate == "connected_to" for o in r.objects}
    assert joined == {f"room-{k}" for k in range(1, 6)}  # the hallway reaches every room
    house = parse_prompt("a house with a kitchen, a living room and two bedrooms")
    assert house.place == "room" and not any(t.kind == "house" for t in house.things)
    garden = parse_prompt("a house with a garden and a kitchen")
    assert any(t.kind == "house" for t in garden.things)  # seen from outside
    assert words_of("a space station with crew quarters and a lab")["crew quarters"] == 1


def test_a_way_heading_one_way_runs_to_that_edge_unless_it_ends_somewhere() -> None:
    river = relations("a pool, and a river flows south from the pool off the bottom of the map")
    assert ("river-1", "runs", (), "south") in river
    assert ("river-1", "connected_to", ("pool-1",), None) in river
    road = relations("a gate, and a stone road leading south from the gate to a bridge")
    assert not any(r[1] == "runs" for r in road)
    assert not any(r[1] == "runs" for r in relations("a road runs south of the wall"))


def test_drinking_at_the_edge_is_by_the_water() -> None:
    deer = relations("a waterfall pouring into a pool, a few deer drinking at the edge")
    assert {r[1] for r in deer if r[0].startswith("deer")} == {"near"}
    assert ("camel-1", "near", ("lake-1",), None) in relations(
        "an oasis: a small lake, two camels drinking at the water"
    )


def test_trenches_and_dry_riverbeds_are_ways_on_open_ground() -> None:
    ww1 = parse_prompt(
        "WW1 trench line running north-south on the west side, shell craters, and an enemy"
        " trench along the far east edge"
    )
    assert ww1.place == "hills"
    assert [t.word for t in ww1.things if t.kind == "trench"] == ["trench line", "enemy trench"]
    assert RelationSpec(subject="trench-2", predicate="along", argument="east") in ww1.relations
    assert kinds("desert canyon, dry riverbed snaking thru it west to east")["trench"] == 1


def test_a_side_said_again_in_brackets_is_the_side_meant() -> None:
    found = relations("coffee shop interior: counter along the back (north) wall, 5 tables")
    assert ("counter-1", "against_wall", (), "north") in found


def test_the_middle_of_the_floor_is_the_middle_of_the_place() -> None:
    found = relations("a round room with a summoning circle drawn in the middle of the floor")
    assert ("rug-1", "in_center", (), None) in found
    tower = parse_prompt("Top of the wizard's tower. Round room, a summoning circle, a desk.")
    assert not any(r.predicate == "around" for r in tower.relations)  # round, not around


def test_a_noun_that_is_mostly_a_verb_ends_a_compound_before_a_place() -> None:
    assert words_of("four docking bays, a cargo lift in each bay")["cargo lift"] == 4


def test_a_shop_named_for_what_it_sells_has_some_on_show() -> None:
    assert kinds("bike repair shop")["bicycle"] == 3
    assert kinds("a bike shop with a counter")["bicycle"] == 3
    assert kinds("a flower shop with a counter")["flower"] == 0  # (no flowers indoors)
    assert kinds("a tavern with a bar")["bicycle"] == 0


def test_a_game_mode_and_a_rental_are_no_things() -> None:
    ctf = parse_prompt("capture the flag, symmetric map. red flag at the west end")
    assert [t.word for t in ctf.things if t.origin == "prompt"] == ["red flag"]
    rental = parse_prompt("boat rental on a lake: a wooden jetty with 6 rowboats")
    assert rental.place == "lake"
    assert sum(t.kind == "boat" for t in rental.things) == 6


def test_a_bouncy_castle_is_no_castle() -> None:
    found = kinds("backyard party: a bouncy castle in the middle of the lawn")
    assert found["bouncy_castle"] == 1 and found["castle"] == 0


def test_a_washer_and_a_dryer_side_by_side_share_a_row_and_a_wall() -> None:
    found = relations("our basement: washer and dryer side by side against the east wall")
    assert ("dryer-1", "in_rows", ("washing_machine-1",), "1") in found
    assert ("washing_machine-1", "against_wall", (), "east") in found
    assert ("dryer-1", "against_wall", (), "east") in found
    assert kinds("a laundromat with 6 washing machines")["washing_machine"] == 6


def test_by_one_of_them_is_by_one_of_the_things_just_named() -> None:
    found = relations("mini golf course with 9 holes, a windmill on one of them, a pond")
    assert ("windmill-1", "next_to", ("hole-1",), None) in found
    assert ("ship-1", "next_to", ("pier-1",), None) in relations(
        "a harbour with two piers and a ship moored at one of them"
    )


def test_the_crossing_is_where_the_ways_named_meet() -> None:
    found = relations("a country road crossing a railway line, a signal box next to the crossing")
    assert ("signal_box-1", "next_to", ("road-1",), None) in found


def test_a_place_opening_the_prompt_counted_after_its_colon_is_one_of_them() -> None:
    assert kinds("gryphon aerie: 3 nests on a rocky mountain peak")["nest"] == 3
    assert kinds("a house: two houses")["house"] == 3  # (the same word: others)


def test_a_settlement_of_shacks_is_the_shacks() -> None:
    found = words_of("a vault entrance: a shanty settlement of 6 shacks outside it")
    assert found["shack"] == 6 and found["shanty"] == 0


def test_a_row_lined_up_along_two_walls_is_a_row_on_each() -> None:
    found = relations("retro arcade: 10 arcade cabinets lined up along the east and west walls")
    rows = [r for r in found if r[1] == "in_rows"]
    assert len(rows) == 2 and all(len(r[2]) == 4 for r in rows)
    assert kinds("retro arcade: 10 arcade cabinets")["arcade_machine"] == 10


def test_at_the_deep_end_is_by_the_pool_and_a_starliner_is_a_spaceship() -> None:
    found = relations("a swimming pool with a diving board at the deep end")
    assert ("board-1", "near", ("pool-1",), None) in found
    assert kinds("a luxury starliner in orbit")["spaceship"] == 1


def test_a_word_no_list_knows_opening_a_list_item_and_placed_is_a_thing() -> None:
    request = parse_prompt("a tavern, zamboni in the corner. thx")
    zamboni = [t for t in request.things if t.word == "zamboni"]
    assert len(zamboni) == 1
    assert RelationSpec(subject=zamboni[0].id, predicate="in_corner") in request.relations
    assert not any(t.word == "lol" for t in parse_prompt("a tavern, lol in the corner").things)


def test_a_street_named_in_a_town_is_its_road() -> None:
    found = parse_prompt("Wild west frontier town: a dusty main street running east-west, a bank")
    roads = [t for t in found.things if t.kind == "road" and t.origin == "prompt"]
    assert len(roads) == 1
    assert RelationSpec(subject=roads[0].id, predicate="runs", argument="east_west") in (
        found.relations
    )


def test_what_is_said_of_a_places_usual_things_is_said_of_each_named_in_their_stead() -> None:
    found = relations("an island, a small town in the south w/ like 10 houses")
    south = {r[0] for r in found if r[1] == "in_region" and r[3] == "south"}
    assert south == {f"house-{k}" for k in range(4, 14)}


def test_a_fishing_village_on_an_islands_coast_is_the_villages_things_on_the_island() -> None:
    volcanic = parse_prompt(
        "volcanic island: a volcano in the center and a fishing village on the north coast"
    )
    assert volcanic.place == "island"
    assert sum(t.kind == "house" for t in volcanic.things) >= 2
    assert parse_prompt("the island city in the middle of the lake").place != "island"


def test_a_creatures_camp_has_some_of_them_though_no_table_knows_the_creature() -> None:
    assert kinds("centaur camp on the open plains, a few hide tents")["centaur"] == 3
    assert kinds("cyberpunk alley with a noodle stand")["cyberpunk"] == 0  # (a person: no)


def test_a_session_number_and_please_are_part_of_the_request() -> None:
    assert kinds("Session 12 map pls: three burial mounds in a line")["map"] == 0
    assert kinds("ok need a battle map pls. one big cavern with a pool")["map"] == 0


def test_them_all_is_all_of_the_many_things_named_last() -> None:
    found = relations("six treehouses around one giant tree, with rope bridges connecting them all")
    joined = {o for r in found if r[1] == "connected_to" for o in r[2]}
    assert joined == {f"house-{k}" for k in range(1, 7)}


def test_a_monastery_is_seen_from_outside_with_its_cloister() -> None:
    request = parse_prompt("medieval monastery: cloister garden in the middle and a well in it")
    assert request.place == "village"
    assert any(t.kind == "well" for t in request.things)


def test_bigger_than_all_the_others_is_a_big_one_among_others() -> None:
    camp = parse_prompt("orc warcamp. 10 orcs, the chieftain's tent bigger than all the others")
    assert camp.place == "camp"
    tents = [t for t in camp.things if t.kind == "tent" and t.origin == "prompt"]
    assert len(tents) >= 2 and tents[0].size == "large"


def test_an_outbreaks_creatures_counted_later_are_the_ones_it_has() -> None:
    found = kinds("zombie outbreak in the mall food court!!! 20 zombies, 4 survivors")
    assert found["zombie"] == 20


def test_up_north_is_the_north_of_the_place() -> None:
    found = relations("pizza joint, order counter up north and a jukebox down south")
    assert ("counter-1", "in_region", (), "north") in found
    tied = relations("tents, horses tied up east of the tents")
    assert ("horse-1", "east_of", ("tent-1",), None) in tied


def test_behind_a_counter_at_the_north_is_on_its_wall_side() -> None:
    prompt = "pizza joint: order counter up north with the pizza oven right behind it"
    assert ("oven-1", "north_of", ("counter-1",), None) in relations(prompt)


def test_flanking_is_either_side_as_one_faces_it() -> None:
    altar = relations("temple: altar at the far end, fire bowls flanking the altar")
    assert ("bowl-1", "west_of", ("altar-1",), None) in altar
    assert ("bowl-2", "east_of", ("altar-1",), None) in altar
    door = relations("crypt: sarcophagus dead center, two braziers flanking the entrance")
    assert ("torch-1", "west_of", ("door-1",), None) in door
    assert ("coffin-1", "in_center", (), None) in door


def test_dead_crew_stay_dead_crew_when_dead_center_is_read() -> None:
    request = parse_prompt("engine room, reactor dead center, 2 dead crew near the console")
    crew = [t for t in request.things if t.kind == "crew_member"]
    assert len(crew) == 2 and crew[0].word == "dead crew"


def test_a_creatures_place_without_its_apostrophe_is_one_creatures() -> None:
    assert kinds("dragons hoard room, red dragon asleep on the gold")["dragon"] == 1
    assert kinds("lich crypt with four sarcophagi")["wizard"] == 1


def test_them_after_a_pair_placed_by_one_thing_is_the_pair() -> None:
    prompt = "power plant w/ two cooling towers by the river, reactor building between them"
    assert ("building-1", "between", ("tower-1", "tower-2"), None) in relations(prompt)


def test_the_merchant_ship_is_one_of_the_two_ships() -> None:
    assert kinds("two ships side by side, pirates swarming onto the merchant ship")["ship"] == 2


def test_a_noun_no_table_draws_heads_the_compound_before_it() -> None:
    request = parse_prompt("two ships side by side, 3 boarding planks between them")
    planks = [t for t in request.things if t.word == "boarding plank"]
    assert len(planks) == 3
    assert kinds("5 hobbit holes dug into the hill north of the lake")["hole"] == 5


def test_tombs_in_a_crypt_stand_in_their_rows_apart_from_its_sarcophagus() -> None:
    request = parse_prompt("lich's crypt: sarcophagus on a dais, two rows of 5 tombs down the hall")
    assert Counter(t.kind for t in request.things)["tomb"] == 10
    assert any(r.predicate == "in_rows" and r.argument == "2" for r in request.relations)


def test_a_lava_channel_indoors_runs_down_the_side_it_is_given() -> None:
    prompt = "dwarven forge hall, a lava channel running north to south down the west side"
    request = parse_prompt(prompt)
    assert request.place == "room"
    assert ("lava_channel-1", "along", (), "west") in relations(prompt)
    bridged = kinds("a temple. a channel of lava runs through the hall, a stone bridge across it")
    assert bridged["lava_channel"] == 1 and bridged["bridge"] == 1


def test_goals_at_the_two_ends_are_two_and_one_bench_per_team_is_two() -> None:
    prompt = (
        "soccer field, goals at the east and west ends, one bench per team along the south sideline"
    )
    found = kinds(prompt)
    assert found["goal"] == 2 and found["bench"] == 2 and found["sideline"] == 0
    assert ("bench-2", "along", (), "south") in relations(prompt)


def test_shares_in_brackets_split_the_count() -> None:
    prompt = "hospital ward, 10 beds (5 along the north wall, 5 along the south wall)"
    found = relations(prompt)
    assert ("bed-6", "against_wall", (), "south") in found
    assert ("bed-1", "against_wall", (), "north") in found


def test_port_starboard_and_amidships_on_a_ships_deck() -> None:
    prompt = (
        "naval battle map, deck of a two-masted brig. 6 cannons, 3 on the port side & 3 on"
        " starboard, ship's wheel at the stern, cargo hatch amidships"
    )
    request = parse_prompt(prompt)
    assert request.place == "ship_deck"
    found = relations(prompt)
    assert ("cannon-1", "in_region", (), "north") in found
    assert ("cannon-4", "in_region", (), "south") in found
    assert ("wheel-1", "in_region", (), "west") in found
    assert any(r[1] == "in_center" for r in found)
    cabin = relations("captain's cabin: a bunk along the port wall")
    assert not any(r[1] == "in_region" for r in cabin)


def test_what_the_user_takes_back_is_not_drawn() -> None:
    assert kinds("fighting pit, 4 chained ogres.. no wait just 2, one on either side")["troll"] == 2
    found = kinds("city block, a deli at the west end, bodega? no a laundromat across the street")
    assert found["bodega"] == 0 and found["deli"] == 1
    assert kinds("a pond with no fish")["fish"] == 0


def test_a_building_across_the_street_is_on_its_other_side() -> None:
    prompt = (
        "city block: 4 brownstones on the north side of the street, a laundromat across the street"
    )
    assert ("building-1", "in_region", (), "south") in relations(prompt)
    town = relations("a town: a road, 3 houses south of the road and a church across the road")
    assert ("church-1", "north_of", ("road-1",), None) in town
    ferry = relations("a wide river, a hut on the west bank, a rope across the river")
    assert any(r[0] == "rope-1" and r[1] == "across" for r in ferry)


def test_a_battle_the_map_is_for_is_not_drawn() -> None:
    assert kinds("airship deck for a sky battle. 4 ballistas")["sky"] == 0


def test_a_side_after_a_list_of_buildings_is_said_of_them_all() -> None:
    prompt = (
        "wild west main street running east to west. saloon, sheriff's office, general store"
        " and bank on the north side; livery stable, undertaker and hotel on the south side"
    )
    found = relations(prompt)
    for thing in ("tavern-1", "building-1", "shop-1", "building-2"):
        assert (thing, "north_of", ("road-1",), None) in found
    assert ("barn-1", "south_of", ("road-1",), None) in found
    kitchen = relations("a kitchen with a fridge, a stove and a sink under the window")
    assert not any(r[0] == "fridge-1" for r in kitchen)
    camp = relations("campsite: picnic tables, a toilet block and a lake to the south")
    assert not any(r[0].startswith("table") for r in camp)


def test_platforms_at_a_station_lie_along_the_line() -> None:
    prompt = "Train station with two platforms and the tracks running between them"
    found = relations(prompt)
    assert kinds(prompt)["railway_platform"] == 2
    assert ("railway_platform-1", "north_of", ("railway-1",), None) in found
    assert ("railway_platform-2", "south_of", ("railway-1",), None) in found
    assert ("railway-1", "runs", (), "east_west") in found
    assert kinds("subway station, 2 platforms w/ the tracks in between")["railway"] == 1
    island = relations(
        "subway station: two tracks running east-west, a platform between the tracks"
    )
    assert ("railway-1", "north_of", ("railway_platform-1",), None) in island
    assert ("railway-2", "south_of", ("railway_platform-1",), None) in island
    assert kinds("a temple with an altar on a raised platform")["railway_platform"] == 0


def test_an_animal_group_named_after_the_animal_has_its_count() -> None:
    assert kinds("antarctic station, a penguin colony (20ish) down by the shore")["penguin"] == 20
    assert kinds("a penguin colony of 20 by the shore")["penguin"] == 20
    assert kinds("a wolf pack in the woods")["wolf"] == 5
    assert kinds("a duergar patrol (4 of them) coming down the tunnel")["goblin"] == 4
    assert kinds("a farm with 10-ish sheep")["sheep"] == 10


def test_an_outpost_on_mars_and_a_station_in_antarctica_are_outdoors() -> None:
    mars = parse_prompt("mars outpost: 3 habitat domes, landing pad south of the domes")
    assert mars.place == "colony" and any(t.kind == "helipad" for t in mars.things)
    polar = parse_prompt("antarctic research station: main building, helipad with a helicopter")
    assert polar.place == "snow" and any(t.kind == "helipad" for t in polar.things)


def test_a_thing_at_a_crossroads_stands_by_the_crossing_in_the_middle() -> None:
    prompt = "stone shrine at a crossroads, roads going off all four edges"
    found = relations(prompt)
    assert kinds(prompt)["road"] == 2
    assert ("altar-1", "in_center", (), None) in found
    assert ("altar-1", "near", ("road-1",), None) in found
    assert ("altar-1", "near", ("road-2",), None) in found


def test_what_only_swims_gets_water_to_swim_in() -> None:
    indoors = kinds(", castle interior dolphin")
    assert indoors["fish"] == 1 and indoors["pool"] == 1
    assert kinds("a pirate ship deck with cannons")["pond"] == 0


def test_a_lava_flow_on_an_island_runs_from_the_volcano_to_the_side_given() -> None:
    prompt = (
        "volcanic island. volcano in the middle, lava flow running down to the sea on the south"
        " side"
    )
    found = relations(prompt)
    assert ("lava_channel-1", "connected_to", ("mountain-1",), None) in found
    assert ("lava_channel-1", "runs", (), "south") in found
    assert not any(r[1] == "connected_to" and r[2] == ("sea-1",) for r in found)


def test_a_sunken_ship_opening_a_clause_is_a_wreck() -> None:
    found = kinds("coral reef dive site. sunken ship resting on the sand in the middle")
    assert found["wreck"] == 1 and found["ship"] == 0 and found["dive"] == 0


def test_a_second_of_a_kind_named_once_is_another_and_the_two_are_both() -> None:
    prompt = (
        "main stage at the north end, smaller 2nd stage in the SW, beer tent between the two stages"
    )
    found = relations(prompt)
    assert kinds(prompt)["stage"] == 2
    assert ("stage-2", "in_region", (), "southwest") in found
    assert ("tent-1", "between", ("stage-1", "stage-2"), None) in found


def test_the_east_fence_runs_along_the_east_edge() -> None:
    found = relations("festival grounds, a row of 10 porta potties along the east fence")
    assert ("fence-1", "along", (), "east") in found
    assert ("potty-1", "along", ("fence-1",), None) in found


def test_counts_kept_by_edges_and_ends_and_a_creature_no_list_knows_at_home() -> None:
    playground = "kids playground, a sandbox in the middle and 3 benches around the edge"
    assert kinds(playground)["bench"] == 3
    assert kinds("a room with a torch on each wall")["torch"] == 4
    assert kinds("derelict starship corridor, airlocks at both ends")["airlock"] == 2
    assert kinds("bus depot w/ 6 bus bays in a row")["parking_space"] == 6
    den = parse_prompt("owlbear den, 2 cubs")
    assert [t.word for t in den.things if t.kind == "creature"] == ["owlbear"]


def test_a_kraken_attacking_a_ship_is_drawn_by_it() -> None:
    prompt = "Could you make a map of a kraken attacking a merchant ship while 3 rowboats flee?"
    request = parse_prompt(prompt)
    kraken = [t for t in request.things if t.word == "kraken"]
    assert len(kraken) == 1 and kraken[0].kind == "creature"
    assert (kraken[0].id, "near", ("ship-1",), None) in relations(prompt)
    band = parse_prompt("alien cantina: a band playing on a little stage in the NE corner")
    assert any(t.word == "band" for t in band.things)
    assert not any(
        t.word == "border" for t in parse_prompt("a border crossing in the mountains").things
    )


def test_an_interior_the_prompt_furnishes_itself_gets_nothing_more() -> None:
    post = parse_prompt(
        "small post office: three service counters along the north wall, a queue rope in front"
        " of them, a wall of PO boxes on the west side, a stamp machine by the entrance and a"
        " table with pens in the middle"
    )
    assert not [t for t in post.things if t.origin == "default"]
    assert any(t.origin == "default" for t in parse_prompt("a tavern with a long bar").things)


def test_a_nest_among_rocks_and_gallows_with_a_cage_on_a_corner() -> None:
    assert ("nest-1", "near", ("rock-1",), None) in relations("manticore nest among the rocks")
    found = relations("a crossroads, gallows with a hanging cage on the north-east corner")
    assert ("gallows-1", "in_region", (), "northeast") in found
    assert ("cage-1", "next_to", ("gallows-1",), None) in found
    dungeon = relations("a dungeon: a guard room with two orcs and a boss room in the far east")
    assert ("room-1", "in_region", (), "east") not in dungeon


def test_what_stands_on_or_over_a_thing_in_the_centre_is_in_the_centre_too() -> None:
    found = relations("dwarven brewhouse - a big copper kettle over a fire in the centre")
    assert ("cauldron-1", "in_center", (), None) in found
    assert ("campfire-1", "in_center", (), None) in found


def test_a_bare_corner_or_side_after_a_thing_places_it() -> None:
    assert ("pond-1", "in_corner", (), "southwest") in relations("a farm, pond bottom left corner")
    assert ("barn-1", "in_region", (), "east") in relations("a farm, a barn east side")


def test_couple_of_is_a_count_and_an_action_is_no_thing() -> None:
    found = kinds("desert canyon, a coyote, couple of rock arches")
    assert found["person"] == 0
    ships = relations("two ships side by side for a boarding action, gangplank between them")
    assert ("bridge-1", "connected_to", ("ship-1", "ship-2"), None) in ships  # (joins them)


def test_a_thing_taken_back_after_wait_no_is_not_drawn() -> None:
    assert kinds("an old sawmill on a river, a log pond north of the mill")["windmill"] == 0
    assert (
        kinds("downtown intersection, a fountain... wait no, a newsstand on the NE corner")[
            "fountain"
        ]
        == 0
    )
    prompt = (
        "town square, a busker by the fountain — wait no fountain, just put the busker in the"
        " middle"
    )
    assert kinds(prompt)["fountain"] == 0
    assert ("person-1", "in_center", (), None) in relations(prompt)


def test_plain_plurals_counted_later_and_a_listed_unknown_word() -> None:
    prompt = "bandits set up a toll on a bridge over a river. a barricade of carts, 5 bandits"
    assert kinds(prompt)["bandit"] == 5
    huts = "a fishing village, raiders running between the huts, two huts on fire"
    assert kinds(huts)["house"] == 5
    park = parse_prompt("skatepark: halfpipe + 3 ramps")
    assert [t.word for t in park.things if t.kind == "thing"] == ["halfpipe"]


def test_a_place_said_in_brackets_after_a_thing_places_it() -> None:
    coffee = "a coffee shop: espresso machine on the back counter (north wall), 5 tables"
    assert ("counter-1", "against_wall", (), "north") in relations(coffee)
    barber = "a barbershop, waiting bench by the front door (south side) and a coat rack"
    assert ("door-1", "in_region", (), "south") in relations(barber)
    mine = "kobold mine - a track from the entrance (west) to the ore vein (east)"
    assert ("door-1", "in_region", (), "west") in relations(mine)
    yoga = "yoga studio: 12 mats facing the instructor's platform at the front (north wall)"
    found = relations(yoga)
    assert ("platform-1", "in_region", (), "north") in found
    assert not [r for r in found if r[0].startswith("rug") and r[1] == "against_wall"]


def test_a_compound_of_three_nouns_is_its_last() -> None:
    fair = parse_prompt("county fair, a corn dog stand by the ferris wheel")
    assert [t.word for t in fair.things if t.kind == "stand"] == ["corn dog stand"]
    assert kinds("county fair, a corn dog stand by the ferris wheel")["dog"] == 0
    pharmacy = parse_prompt("a pharmacy, a blood pressure machine near the entrance")
    assert "blood pressure machine" in [t.word for t in pharmacy.things]
    assert "blood" not in [t.word for t in pharmacy.things]
    # a room or corridor after the setting's name is a part of it, not one compound
    assert parse_prompt("derelict starship engine room, reactor core dead center").place != "room"


def test_things_in_a_square_stand_in_a_grid() -> None:
    found = relations("a shrine, 4 pillars in a square in the middle of the room")
    assert ("pillar-1", "in_rows", ids("pillar", 2, 4), "grid") in found
    assert kinds("a shrine, 4 pillars in a square in the middle of the room")["market"] == 0


def test_what_a_group_stands_around_is_not_one_of_the_group() -> None:
    found = relations("a castle: 4 towers in a ring around the keep")
    assert kinds("a castle: 4 towers in a ring around the keep")["tower"] == 5
    assert ("tower-1", "around", ("tower-5",), None) in found


def test_the_god_a_shrine_is_raised_to_is_not_drawn() -> None:
    found = kinds("flooded shrine of the frog god. a raised dais at the north end")
    assert found["god"] == 0 and found["person"] == 0


def test_a_describing_word_before_the_place_opens_it() -> None:
    assert parse_prompt("suburban street with five houses on each side").place == "street"
    # a creature before the place still lives there
    assert kinds("orc war camp - a dozen tents, a palisade")["goblin"] > 0


def test_a_chapel_at_a_crossroads_is_seen_from_outside() -> None:
    found = parse_prompt("a chapel at a crossroads, roads going off all four edges")
    assert found.place == "village"
    assert [t.kind for t in found.things if t.kind == "road"] == ["road", "road"]


def test_from_an_edge_starts_a_way_there_or_puts_a_thing_on_that_side() -> None:
    stream = "alpine meadow, a glacier stream coming down from the north edge into a small tarn"
    assert ("river-1", "runs", (), "north") in relations(stream)
    assert ("waterfall-1", "in_region", (), "north") in relations(
        "a lake, a waterfall feeding it from the north"
    )
    assert ("road-1", "runs", (), "west") in relations("a road comes in from the west")
    # a direction naming a thing is that thing, and a course from edge to edge is read apart
    village = relations("a village where a road runs from the west gate to the chapel")
    assert not [r for r in village if r[1] == "runs" and r[3] == "west"]
    river = relations("a river from the north edge to the south edge")
    assert ("river-1", "runs", (), "north_south") in river


def test_floating_around_is_here_and_there_not_round_the_walls() -> None:
    found = relations("a flooded shrine, some lily pads floating around, and a little rowboat")
    assert not [r for r in found if r[0].startswith("lily_pad")]


def test_a_thing_on_a_hill_stands_on_one_of_the_hills_shown() -> None:
    found = parse_prompt("40 skeletons surrounding a necromancer on a hill")
    assert found.place == "hills"
    assert ("wizard-1", "inside", ("hill-1",), None) in relations(
        "40 skeletons surrounding a necromancer on a hill"
    )
    assert parse_prompt("three bats in a cave").place == "cave"  # a cave is still the place


def test_what_a_thing_is_made_of_is_not_drawn_and_is_said() -> None:
    greenhouses = parse_prompt("4 greenhouses made out of old bus shells, and a lookout")
    assert not [t for t in greenhouses.things if t.kind == "shell"]
    fort = kinds("a fort made of logs and 3 towers")
    assert fort["log"] == 0 and fort["tower"] == 3
    village = parse_prompt("a village where every house is made of gingerbread")
    assert any("gingerbread" in w for w in village.warnings)


def test_a_ring_of_walls_is_one_wall_all_around() -> None:
    prompt = "fortified settlement. ring of scrap metal walls, water tower in the middle"
    walls = [t for t in parse_prompt(prompt).things if t.kind == "wall"]
    assert [t.word for t in walls] == ["scrap metal wall"]
    assert ("wall-1", "around", (), None) in relations(prompt)


def test_the_north_one_of_two_is_one_of_them_and_a_name_with_a_number_counts_nothing() -> None:
    prompt = "WW1 trenches: two parallel trenches running east-west, a gun nest in the north trench"
    assert kinds(prompt)["trench"] == 2
    found = relations(prompt)
    assert ("nest-1", "in_region", (), "north") in found
    assert ("nest-1", "next_to", ("trench-1",), None) in found
    assert kinds("two towers, a nest in the north tower")["tower"] == 2
    # a fence or wall on a side is the place's bound, read as before
    assert ("door-1", "in_region", (), "south") in relations(
        "a backyard, the gate to the driveway is in the south fence"
    )


def test_perched_on_top_of_is_on() -> None:
    found = relations("an owl perched on top of the wardrobe")
    assert ("bird-1", "on", ("wardrobe-1",), None) in found


def test_a_room_typed_without_its_apostrophe_is_ones() -> None:
    assert kinds("my sons room lol. bunk bed in the NW corner")["person"] == 0
    assert parse_prompt("Kids room. Toy box in the corner, two beds").place == "bedroom"


def test_a_thing_taken_back_for_another_counted_thing() -> None:
    prompt = "a kitchen, 3 sacks of flour?? no, 3 cages with prisoners along the east wall"
    assert kinds(prompt)["cage"] == 3
    assert not [t for t in parse_prompt(prompt).things if "sack" in t.word]
    assert kinds("4 chained ogres.. no wait, 2 ogres")["troll"] == 2


def test_where_a_held_thing_is_put_is_where_its_holder_goes() -> None:
    found = relations("a kitchen, 3 cages with prisoners along the east wall")
    assert ("cage-1", "against_wall", (), "east") in found
    assert ("person-1", "inside", ("cage-1",), None) in found
    assert not [r for r in found if r[0].startswith("person") and r[1] == "against_wall"]


def test_a_way_from_an_edge_to_a_thing() -> None:
    found = relations("a swamp, a hut in the middle, a boardwalk from the west edge to the hut")
    assert ("road-1", "runs", (), "west") in found
    assert ("road-1", "connected_to", ("house-1",), None) in found


def test_the_door_of_the_building_a_prompt_opens_with_is_its_inside_door() -> None:
    assert ("table-1", "near", ("door-1",), None) in relations("a tavern, a table near the door")
    found = relations("dwarven brewhouse - a tasting table near the east door")
    assert ("door-1", "in_region", (), "east") in found
    assert ("table-1", "near", ("door-1",), None) in found
    # a building put somewhere outdoors is seen from outside: its door is its own
    outside = relations("a tavern by the river, a horse tied by the door")
    assert ("horse-1", "near", ("tavern-1",), None) in outside


def test_where_a_piece_of_furniture_s_companions_are_put_it_is_put_too() -> None:
    found = relations("a kitchen with a table with benches near the east door")
    assert ("table-1", "near", ("door-1",), None) in found
    assert ("bench-1", "near", ("door-1",), None) in found
    assert ("lamp-1", "on", ("desk-1",), None) in relations("a desk with a lamp on it")


def test_a_count_said_aside_with_dashes_or_a_hedge_after_a_few() -> None:
    assert kinds("a night market. Food stalls - ten of em - in two rows")["market_stall"] == 10
    assert kinds("just sand and a few burnt out cars, maybe 5 or 6.")["car"] == 5
    assert kinds("houses, 3 of them red")["house"] == 3


def test_tucked_into_a_corner_is_in_it() -> None:
    found = relations("a chest tucked into the NE corner")
    assert ("chest-1", "in_corner", (), "northeast") in found


def test_the_shop_named_again_by_its_last_word_is_the_same_shop() -> None:
    prompt = "a market, a ripperdoc clinic in the NE corner, a noodle bar next to the clinic"
    assert kinds(prompt)["hospital"] == 1
    assert ("bar-1", "next_to", ("hospital-1",), None) in relations(prompt)


def test_a_headline_ending_in_a_place_word_names_the_place() -> None:
    prompt = "barbarian hill fort: a longhouse in the centre, ring of 8 huts around it"
    found = parse_prompt(prompt)
    assert found.place == "castle"
    assert not [t for t in found.things if t.kind == "castle"]
    assert parse_prompt("mermaid lagoon: a turquoise lagoon ringed by rocks").place == "coast"
    # a headline read as one place already stays as it was
    assert parse_prompt("sand dunes, a few cacti, a camel skeleton").place == "desert"


def test_on_the_sea_floor_is_under_the_sea_and_the_bow_is_the_wreck_s() -> None:
    prompt = "shipwreck on the sea floor - broken hull half buried in sand, a chest near the bow"
    found = parse_prompt(prompt)
    assert found.place == "seabed"
    assert not [t for t in found.things if t.kind in ("sea_floor", "bow")]
    assert ("chest-1", "near", ("wreck-1",), None) in relations(prompt)


def test_a_building_s_ruins_are_ruins_and_a_wild_ground_before_a_place_covers_it() -> None:
    found = parse_prompt("overgrown temple ruins deep in the jungle, two stone idols")
    assert found.place == "ruins"
    jungle = parse_prompt("jungle temple ruins: a stepped pyramid in the center")
    assert jungle.place == "ruins"
    assert [t.size for t in jungle.things if t.kind == "forest"] == ["vast"]
    assert not [
        t for t in parse_prompt("a market town with a town hall").things if t.kind == "market"
    ]


def test_every_item_of_a_with_list_belongs_to_its_owner() -> None:
    found = relations("a pen with three goats, two sheep and a trough")
    assert ("sheep-1", "inside", ("pen-1",), None) in found
    assert ("trough-1", "inside", ("pen-1",), None) in found
    clearing = relations("a clearing with a campfire, three tents and a wagon")
    assert ("cart-1", "inside", ("clearing-1",), None) in clearing
    # a list that places its next item elsewhere ends the owner's list
    house = relations("a house with a garden, a well in the village center")
    assert not [r for r in house if r[0] == "well-1" and r[2] == ("house-1",)]


def test_grounds_named_first_with_everything_in_them_are_the_place() -> None:
    playground = parse_prompt("a school playground with a slide, two swings and a sandbox")
    assert playground.place == "playground"
    assert parse_prompt("a church graveyard with twenty graves").place == "graveyard"
    # grounds put beside something are a part of a wider place
    beside = parse_prompt("a graveyard behind a chapel with a crypt entrance between two statues")
    assert beside.place == "village"


def test_a_place_said_after_a_with_list_is_its_last_item_s() -> None:
    found = relations("a harbor with two piers, five boats and a lighthouse on the east side")
    assert found == [("lighthouse-1", "in_region", (), "east")]
    stage = relations("a tavern with a bard and a dancer on the stage")
    assert ("person-1", "on", ("stage-1",), None) in stage  # (two named with `and`: both)


def test_flanked_by_is_one_on_either_side_and_the_others_are_those_named() -> None:
    found = relations("a gate flanked by two statues")
    assert ("statue-1", "west_of", ("door-1",), None) in found
    assert ("statue-2", "east_of", ("door-1",), None) in found
    assert ("tree-1", "along", ("road-1",), None) in relations("a road flanked by trees")
    village = kinds("a village by a lake: 5 huts and a chief's hut larger than the others")
    assert village["house"] == 6


def test_what_a_house_has_outdoors_stands_by_it() -> None:
    found = relations("a villa with a swimming pool, palm trees and a tennis court")
    assert ("palm-1", "next_to", ("house-1",), None) in found
    assert not [r for r in found if r[1] == "inside" and r[2] == ("house-1",)]
    # said to be inside, it is inside (and a contradiction is still one)
    assert ("well-1", "inside", ("house-1",), None) in relations("a well inside a house")


def test_between_them_and_another_thing_is_between_the_two_named() -> None:
    found = relations("a hospital room with two beds, a curtain between them and a window")
    assert ("curtain-1", "between", ("bed-1", "bed-2"), None) in found
    tv = relations("a couch facing a tv, a coffee table between them and a bookshelf")
    assert ("table-1", "between", ("sofa-1", "television-1"), None) in tv
    camp = relations("a campsite: four tents, a campfire between the tents and the lake")
    assert any(r[0] == "campfire-1" and r[1] == "between" and "lake-1" in r[2] for r in camp)


def test_a_side_said_first_belongs_to_the_place_named_after_it() -> None:
    found = relations("a castle. To the south is a village.")
    assert ("house-1", "in_region", (), "south") in found
    assert not [r for r in found if r[0] == "castle-1" and r[1] == "in_region"]
    farms = relations("a castle. In the east there are three houses.")
    assert ("house-3", "in_region", (), "east") in farms


def test_surround_as_a_verb_and_a_lone_one() -> None:
    found = relations("several wolves surround a lone traveler in a snowy forest")
    assert ("wolf-1", "around", ("person-1",), None) in found


def test_at_the_far_end_of_a_hall_and_a_pair_of_doors() -> None:
    hall = relations("a hall with a throne at the far end")
    assert ("throne-1", "in_region", (), "north") in hall
    corridor = relations("a long corridor with a guard room at the far end")
    assert ("room-1", "at_head_of", ("corridor-1",), None) in corridor
    saloon = parse_prompt("a wild west saloon: bar along the back wall, swinging doors in front")
    assert saloon.place == "tavern"
    assert [t.word for t in saloon.things if t.kind == "door"] == ["swinging door"]


def test_carved_into_the_walls_and_at_the_ends() -> None:
    city = parse_prompt("an underground city, stone houses carved into the walls")
    assert not [t for t in city.things if t.kind == "wall"]
    assert ("house-1", "against_wall", (), "north") in relations(
        "an underground city, stone houses carved into the walls"
    )
    field = relations("a jousting field, stands on both sides and tents at the ends")
    assert ("tent-1", "in_region", (), "west") in field
    assert ("tent-2", "in_region", (), "east") in field


def test_a_hunters_cabin_is_one_hunter_s() -> None:
    found = parse_prompt("a forest with a few deer and a hunters cabin")
    assert [t.word for t in found.things if t.kind == "house"] == ["hunter's cabin"]
    assert kinds("a forest with a few deer and a hunters cabin")["person"] == 0


def test_a_side_said_first_then_a_comma_is_of_what_follows() -> None:
    found = relations("a castle. To the south, a village.")
    assert ("house-1", "in_region", (), "south") in found
    assert not [r for r in found if r[0] == "castle-1"]
    goals = relations("football field with two goals, one at each end, bleachers and a scoreboard")
    assert ("goal-1", "in_region", (), "west") in goals  # (not said first: the goals')


def test_a_shepherd_and_his_dog_stand_together() -> None:
    assert ("dog-1", "next_to", ("person-1",), None) in relations(
        "a pasture, a shepherd and his dog, and a lone oak"
    )
    assert ("horse-1", "next_to", ("guard-1",), None) in relations("a knight with a horse")
    court = relations("the king and his guards in the throne room")
    assert ("person-1", "inside", ("room-1",), None) in court  # (both in it)


def test_people_swimming_are_in_the_water() -> None:
    found = relations("a lake with kids swimming and a dock")
    assert ("person-1", "on", ("lake-1",), None) in found


def test_on_the_bank_of_a_pond_is_by_it() -> None:
    found = relations("a small pond with ducks and a bench on the bank")
    assert ("bench-1", "near", ("pond-1",), None) in found
    river = relations("a river with a mill on the bank")
    assert ("windmill-1", "along", ("river-1",), None) in river


def test_a_cantina_is_a_tavern_and_the_doors_are_one_way_in() -> None:
    assert parse_prompt("a space bar with aliens at 4 tables and a dance floor").place == "tavern"
    found = kinds("a throne room with a long red carpet leading from the doors to the throne")
    assert found["door"] == 1


def test_an_ice_cave_is_a_cave() -> None:
    assert parse_prompt("an ice cave with icicles, a frozen pool and a yeti in the back").place == (
        "cave"
    )
    assert parse_prompt("a snowy village with 3 houses").place == "snow"


def test_so_many_at_each_and_so_many_per_row() -> None:
    assert kinds("6 tables with 4 chairs at each table")["chair"] == 24
    assert kinds("a dining hall with 5 long tables, 8 chairs at each")["chair"] == 40
    assert kinds("6 tables, each with 4 chairs")["chair"] == 24
    assert kinds("3 rows of 4 desks, each desk with a typewriter on it")["typewriter"] == 12
    huts = relations("3 rows of wooden huts south of the tree (5 per row)")
    assert kinds("3 rows of wooden huts south of the tree (5 per row)")["house"] == 15
    assert ("house-15", "south_of", ("tree-1",), None) in huts
    # one by each, as before
    assert kinds("4 customs booths in a row, a scanner arch in front of each")["scanner"] == 4


def test_make_that_two_and_a_name_said_again_without_the() -> None:
    market = "a flea market, a food truck in the NE corner (actually make that 2 food trucks)"
    assert kinds(market)["truck"] == 2
    field = "home plate at the south end, dugouts on either side of home plate"
    assert len([t for t in parse_prompt(field).things if t.word == "home plate"]) == 1


def test_a_camp_site_is_a_camp() -> None:
    found = parse_prompt("a camp site with a tent, a campfire and a car parked next to the tent")
    assert found.place == "camp"
    assert not [t for t in found.things if t.kind == "site"]
