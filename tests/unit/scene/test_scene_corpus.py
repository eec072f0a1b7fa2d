"""Every corpus prompt: the asked-for relations hold, and the scene is well formed."""

from typing import Any

import pytest

from domain.scene import generate_scene
from tests.unit.scene.scene_assertions import check_scene, network_connected, nodes_by_id
from tests.unit.scene.scene_corpus import CORPUS, Case

SEEDS = (0, 1, 7)


def _key(text: str) -> tuple[str, str, tuple[str, ...], str | None]:
    words = text.split()
    argument = words[-1][1:] if words[-1].startswith("=") else None
    rest = words[:-1] if argument is not None else words
    return rest[0], rest[1], tuple(rest[2:]), argument


def _relations(graph: dict[str, Any]) -> dict[tuple[str, str, tuple[str, ...], str | None], bool]:
    return {
        (r["subject"], r["predicate"], tuple(r["objects"]), r["argument"]): r["satisfied"]
        for r in graph["relations"]
    }


def test_the_corpus_is_broad() -> None:
    assert len(CORPUS) >= 30
    assert {case.theme for case in CORPUS} >= {"village", "forest", "dungeon", "room", "island"}
    predicates = {_key(text)[1] for case in CORPUS for text in case.expect}
    predicates |= {_key(text)[1] for case in CORPUS for pair in case.conflicts for text in pair}
    assert predicates >= {
        "north_of",
        "south_of",
        "east_of",
        "west_of",
        "left_of",
        "right_of",
        "above",
        "below",
        "in_region",
        "next_to",
        "near",
        "far_from",
        "inside",
        "around",
        "between",
        "along",
        "in_center",
        "in_corner",
        "against_wall",
        "connected_to",
        "across",
    }


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("case", CORPUS, ids=lambda case: case.prompt[:48])
def test_corpus_scene_satisfies_every_satisfiable_relation(case: Case, seed: int) -> None:
    scene = generate_scene(case.prompt, seed=seed, width=case.width, height=case.height)
    graph = scene.scene_graph
    check_scene(graph, scene.minimap)
    assert graph["theme"] == case.theme
    relations = _relations(graph)
    for text in case.expect:
        key = _key(text)
        assert key in relations, f"{text!r} was not understood; got {list(relations)}"
        assert relations[key], f"{text!r} does not hold (seed {seed})\n{scene.minimap}"
    excused = set()
    for first, second in case.conflicts:
        a, b = _key(first), _key(second)
        assert a in relations and b in relations
        assert relations[a] or relations[b], f"neither of {first!r} / {second!r} holds"
        excused |= {a, b}
        assert any("contradictory" in w for w in graph["warnings"])
    failing = [key for key, held in relations.items() if not held and key not in excused]
    assert not failing, f"unsatisfied: {failing}\n{scene.minimap}"
    counts: dict[str, int] = {}
    for node in nodes_by_id(graph).values():
        counts[node["kind"]] = counts.get(node["kind"], 0) + 1
    for kind, least in case.kinds.items():
        assert counts.get(kind, 0) >= least, (kind, counts)


@pytest.mark.parametrize("case", [c for c in CORPUS if any("connected_to" in e for e in c.expect)])
def test_connected_things_are_joined_by_walkable_cells(case: Case) -> None:
    graph = generate_scene(case.prompt, seed=3, width=case.width, height=case.height).scene_graph
    for relation in graph["relations"]:
        if relation["predicate"] != "connected_to" or len(relation["objects"]) != 1:
            continue
        connector = relation["argument"] or relation["subject"].rsplit("-", 1)[0]
        subject = relation["subject"]
        if connector == subject.rsplit("-", 1)[0]:
            continue
        joined = network_connected(graph, subject, relation["objects"][0], connector)
        assert joined == relation["satisfied"], relation
        assert joined, relation
