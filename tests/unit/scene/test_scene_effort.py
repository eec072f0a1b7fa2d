"""Bounded work: deterministic effort limits, limits per scene, and the caller's stop check."""

import re
from collections import Counter
from functools import cache
from typing import Any

import pytest

from domain.scene import (
    GeneratedScene,
    GenerationStopped,
    catalog,
    encode_scene_graph,
    generate_scene,
    parse_prompt,
)
from domain.scene.layout import engine
from domain.scene.layout.context import CHECKS_PER_WORK
from domain.scene.layout.grid import Grid
from tests.unit.scene.scene_assertions import nodes_by_id

BIG = [
    "an island with 1000 piers from the shore",
    "a village with 200 walls around 200 houses",
    "1000 roads from 1000 castles to 1000 villages",
]
WIDTH, HEIGHT = 256, 128

_ONE = re.compile(r"could not place ([a-z_]+-\d+): ")
_MANY = re.compile(r"could not place \d+ of \d+ [a-z_ ]+ \(([a-z_]+)-(\d+)\.\.([a-z_]+)-(\d+)\): ")


@cache
def big_scene(prompt: str) -> GeneratedScene:
    return generate_scene(prompt, seed=1, width=WIDTH, height=HEIGHT)


def named_as_not_placed(warnings: list[str], thing_id: str) -> bool:
    """`could not place barrel-7: ...` or `could not place 42 of 500 barrels (barrel-459..
    barrel-500): ...` with the id in that range."""
    kind, number = thing_id.rsplit("-", 1)
    for warning in warnings:
        one = _ONE.match(warning)
        if one is not None and one.group(1) == thing_id:
            return True
        many = _MANY.match(warning)
        if (
            many is not None
            and many.group(1) == kind == many.group(3)
            and int(many.group(2)) <= int(number) <= int(many.group(4))
        ):
            return True
    return False


def assert_every_missing_thing_is_named(prompt: str, graph: dict[str, Any]) -> None:
    placed = nodes_by_id(graph)
    missing = [t.id for t in parse_prompt(prompt).things if t.id not in placed]
    unnamed = [i for i in missing if not named_as_not_placed(graph["warnings"], i)]
    assert not unnamed, (unnamed[:5], graph["warnings"])


@pytest.mark.parametrize("prompt", BIG)
def test_a_big_scene_gives_the_same_bytes_every_time(prompt: str) -> None:
    again = generate_scene(prompt, seed=1, width=WIDTH, height=HEIGHT)
    first = big_scene(prompt)
    assert encode_scene_graph(again.scene_graph) == encode_scene_graph(first.scene_graph)
    assert again.minimap == first.minimap


@pytest.mark.parametrize("prompt", BIG)
def test_every_thing_left_out_of_a_big_scene_is_named_in_a_warning(prompt: str) -> None:
    assert_every_missing_thing_is_named(prompt, big_scene(prompt).scene_graph)


def test_the_warning_check_catches_a_thing_missing_without_a_word() -> None:
    graph = big_scene(BIG[2]).scene_graph
    assert any(w.startswith("could not place") for w in graph["warnings"])
    silent = {**graph, "warnings": []}
    with pytest.raises(AssertionError):
        assert_every_missing_thing_is_named(BIG[2], silent)


EFFORT_PROMPT = "a village with 30 roads and 10 rivers"


def test_reaching_the_effort_limit_leaves_things_out_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unlimited = generate_scene(EFFORT_PROMPT, seed=1, width=96, height=48).scene_graph
    assert not any("effort limit" in w for w in unlimited["warnings"])
    monkeypatch.setattr(engine, "EFFORT_LIMIT", 200)
    scene = generate_scene(EFFORT_PROMPT, seed=1, width=96, height=48)
    graph = scene.scene_graph
    assert any("effort limit" in w for w in graph["warnings"]), graph["warnings"]
    assert_every_missing_thing_is_named(EFFORT_PROMPT, graph)
    again = generate_scene(EFFORT_PROMPT, seed=1, width=96, height=48)
    assert encode_scene_graph(again.scene_graph) == encode_scene_graph(graph)


def test_a_scene_holds_at_most_40_paths_and_100_areas_and_says_what_was_capped() -> None:
    request = parse_prompt("a city with 1000 roads and 1000 rivers and 300 lakes")
    found = Counter(thing.kind for thing in request.things)
    assert found["road"] + found["river"] <= 40
    assert found["lake"] <= 100
    paths = sum(1 for t in request.things if catalog.kind_spec(t.kind).shape == "path")
    assert paths <= 40
    capped = [w for w in request.warnings if "capped" in w]
    assert any("road" in w for w in capped) and any("lake" in w for w in capped), capped


def test_a_stop_check_that_answers_true_stops_the_generation() -> None:
    with pytest.raises(GenerationStopped):
        generate_scene("a village with three houses", seed=1, should_stop=lambda: True)


class StopAfter:
    """Answers True from its `limit`-th call on, counting every call."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.calls = 0

    def __call__(self) -> bool:
        self.calls += 1
        return self.calls >= self.limit


def test_a_big_layout_asks_the_stop_check_as_it_goes_and_stops_when_told() -> None:
    stop = StopAfter(20)
    with pytest.raises(GenerationStopped):
        generate_scene(
            "a village with 200 houses and 100 trees",
            seed=1,
            width=WIDTH,
            height=HEIGHT,
            should_stop=stop,
        )
    assert stop.calls > 1
    assert stop.calls == stop.limit, "the layout went on after the check said stop"


def test_a_stop_check_that_never_answers_true_is_asked_and_changes_nothing() -> None:
    prompt = "a village with 200 houses and 100 trees"
    stop = StopAfter(10**9)
    asked = generate_scene(prompt, seed=1, width=WIDTH, height=HEIGHT, should_stop=stop)
    plain = generate_scene(prompt, seed=1, width=WIDTH, height=HEIGHT)
    assert stop.calls > 20
    assert encode_scene_graph(asked.scene_graph) == encode_scene_graph(plain.scene_graph)


def test_a_huge_group_round_a_centre_tests_a_bounded_number_of_footprints(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """900 houses round a square have hundreds of tracks to try: the budget ends the search
    (it took 37 million footprint tests and 40 s before the budget was asked between trials)."""
    counted = {"fits": 0}
    original = Grid.fits

    def counting(self: Grid, *args: Any, **kwargs: Any) -> bool:
        counted["fits"] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Grid, "fits", counting)
    scene = generate_scene("900 houses around a market square", seed=3, width=WIDTH, height=HEIGHT)
    limit = engine.EFFORT_LIMIT * CHECKS_PER_WORK
    assert counted["fits"] <= 2 * limit, counted
    assert scene.scene_graph["quality"]["thingsPlaced"] > 0
