"""The SVG map: structure (a symbol per node, labels, legend), safety, determinism, size,
every kind and every generic category drawable, and colour contrast. Never pixels."""

import hashlib
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.scene import catalog, generate_scene, layout_scene, parse_prompt, render_svg
from domain.scene.model import Layout, PlacedNode
from domain.scene.render.svg_looks import CATEGORY_LOOKS
from domain.scene.render.svg_panel import INK as PANEL_INK
from domain.scene.render.svg_panel import PAPER
from domain.scene.render.svg_style import (
    CATEGORIES,
    GROUNDS,
    HALO,
    LABEL_TEXT,
    WATER_TEXT,
    look_of_kind,
    surface_for,
)
from tests.unit.scene.svg_structure import (
    NS,
    defs_by_id,
    drawn,
    label_box,
    labels,
    legend,
    parse,
)

ROOT = Path(__file__).resolve().parents[3]
VILLAGE = "a village with a church, a well and five houses along a road"
CITY = "a city with 200 houses, 10 roads, a river, 300 trees"
THOUSAND = (
    "a village with a river, a road, a market in the center, 180 houses north of the river, "
    "180 trees, 120 people near the market, 100 rocks, 80 carts, 60 wells, 80 bushes along "
    "the road, 80 flowers, 60 tents, 57 statues"
)
UNNAMED = {"default", "auto", "ambient", "background"}


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio, computed here independently of the renderer's helper."""

    def luminance(colour: str) -> float:
        channels = [int(colour[k : k + 2], 16) / 255 for k in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def node(
    node_id: str,
    kind: str,
    x: int,
    y: int,
    w: int = 1,
    h: int = 1,
    tags: tuple[str, ...] = (),
    label: str | None = None,
    path: tuple[tuple[int, int], ...] | None = None,
    layer: str = "object",
) -> PlacedNode:
    return PlacedNode(
        id=node_id,
        kind=kind,
        label=label or kind.replace("_", " "),
        layer=layer,  # type: ignore[arg-type]
        x=x,
        y=y,
        width=w,
        height=h,
        rotation=0,
        tags=tags,
        path=path,
    )


def every_kind_layout(place: str) -> Layout:
    """One node of each of the 237 kinds, packed in rows on a 256x128 map."""
    nodes = []
    x, y, row = 0, 0, 0
    for kind in catalog.KIND_BY_NAME.values():
        w, h = (4, 1) if kind.shape == "path" else (min(kind.width, 12), min(kind.height, 8))
        if x + w > 256:
            x, y, row = 0, y + row + 1, 0
        path = tuple((x + k, y) for k in range(4)) if kind.shape == "path" else None
        nodes.append(
            PlacedNode(
                id=f"{kind.name}-1",
                kind=kind.name,
                label=kind.name.replace("_", " "),
                layer=kind.layer,
                x=x,
                y=y,
                width=w,
                height=h,
                rotation=0,
                tags=(kind.family, kind.shape),
                path=path,
            )
        )
        x += w + 1
        row = max(row, h)
    assert y + row <= 128
    return Layout(
        seed=0, width=256, height=128, place=place, nodes=tuple(nodes), relations=(), warnings=()
    )


def generic_layout() -> Layout:
    """One generic thing (a kind the vocabulary lacks) of each category, and one with none."""
    words = {
        "building": "ticket_booth",
        "structure": "gazebo",
        "furniture": "ottoman",
        "container": "crate_of_apples",
        "vehicle": "cannon",
        "person": "juggler",
        "animal": "llama",
        "plant": "bamboo",
        "rock": "menhir",
        "water": "geyser",
        "landform": "mesa",
        "area": "vineyard",
        "device": "radio",
        "item": "lantern_of_doom",
    }
    nodes = [
        node(f"{word}-1", word, 2 + 6 * k, 2 + (k % 3) * 6, 3, 2, ("generic", category))
        for k, (category, word) in enumerate(words.items())
    ]
    nodes.append(node("zorblax-1", "zorblax", 4, 20, 2, 2, ("generic",)))
    return Layout(
        seed=0, width=96, height=32, place="village", nodes=tuple(nodes), relations=(), warnings=()
    )


# --- structure ------------------------------------------------------------------------------


def test_each_node_is_one_symbol_use_by_kind() -> None:
    layout = layout_scene(parse_prompt(VILLAGE), seed=0, width=48, height=24)
    root = parse(render_svg(layout))
    elements = drawn(root)
    targets = defs_by_id(root)
    assert sorted(elements) == sorted(n.id for n in layout.nodes)
    for placed in layout.nodes:
        element = elements[placed.id]
        assert element.tag == f"{NS}use"
        ref = element.get("href", "")
        assert ref.startswith("#") and ref[1:] in targets
        if placed.path is None and placed.kind in ("house", "church", "well"):
            assert targets[ref[1:]].tag == f"{NS}symbol"
            assert f"k-{placed.kind}-" in ref


def test_named_things_are_labelled_and_a_big_group_once() -> None:
    layout = layout_scene(parse_prompt(VILLAGE), seed=0, width=48, height=24)
    root = parse(render_svg(layout))
    texts = [t.text for t in labels(root)]
    assert {"church", "well", "house", "road"} <= set(texts)
    assert texts.count("house") <= 3  # five houses: the legend counts them, a label names them


@pytest.mark.parametrize(
    ("prompt", "seed", "width", "height"),
    [
        (VILLAGE, 0, 48, 24),
        ("a dungeon with five rooms connected by corridors, a chest and two skeletons", 1, 48, 24),
        ("the inside of a tavern with a bar, stools, tables and a fireplace", 0, 48, 24),
        ("a forest with a cabin next to a lake and three wolves", 0, 256, 128),
        (CITY, 0, 256, 128),
        ("a coast with boats, a pier, a lighthouse, a beach and three palm trees", 2, 64, 32),
    ],
)
def test_no_two_labels_overlap_and_legend_counts_the_kinds(
    prompt: str, seed: int, width: int, height: int
) -> None:
    layout = layout_scene(parse_prompt(prompt), seed=seed, width=width, height=height)
    root = parse(render_svg(layout))
    boxes = [label_box(t) for t in labels(root)]
    for k, a in enumerate(boxes):
        assert a[0] >= 0 and a[1] >= 0 and a[2] <= width * 16 and a[3] <= height * 16
        for b in boxes[k + 1 :]:
            overlaps = a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
            assert not overlaps, (a, b)
    assert legend(root) == dict(Counter(n.kind for n in layout.nodes))
    assert sorted(drawn(root)) == sorted(n.id for n in layout.nodes)


def test_the_picture_has_a_title_a_compass_and_a_scale() -> None:
    root = parse(generate_scene(VILLAGE, seed=0).svg)
    assert root.get("role") == "img"
    assert root.get("viewBox", "").startswith("0 0 ")
    title = root.find(f"{NS}title")
    assert title is not None and "village" in (title.text or "") and "church" in (title.text or "")
    classes = {g.get("class") for g in root.iter(f"{NS}g")}
    assert {"compass", "scale", "labels", "legend-entry"} <= classes


def test_generate_scene_carries_the_svg_of_its_layout() -> None:
    layout = layout_scene(parse_prompt(VILLAGE), seed=3, width=40, height=20)
    assert generate_scene(VILLAGE, seed=3, width=40, height=20).svg == render_svg(layout)


# --- safety ---------------------------------------------------------------------------------


def assert_safe(svg: str) -> None:
    root = parse(svg)
    for element in root.iter():
        tag = element.tag.removeprefix(NS)
        assert tag not in ("script", "foreignObject", "iframe", "a", "image", "style")
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), name
            assert "javascript" not in value.lower()
            if name.endswith("href"):
                assert value.startswith("#"), value
            if "url(" in value:
                assert value.startswith("url(#"), value
    assert "<script" not in svg.lower() and "<!entity" not in svg.lower()


def test_no_script_no_event_attributes_no_external_references() -> None:
    for prompt in (VILLAGE, "a space station with a reactor, robots and crew"):
        assert_safe(generate_scene(prompt, seed=1).svg)


def test_a_hostile_label_is_escaped() -> None:
    hostile = "<script>alert(\"x\")</script> & 'q' \x00\x07 onload=x"
    layout = Layout(
        seed=0,
        width=48,
        height=24,
        place="village",
        nodes=(
            node("gadget-1", "gadget", 10, 10, 2, 2, ("generic", "device"), label=hostile),
            node("house-1", "house", 20, 10, 4, 3, ("village", "box"), label=hostile),
        ),
        relations=(),
        warnings=(hostile,),
    )
    svg = render_svg(layout)
    assert_safe(svg)
    shown = {t.text for t in labels(parse(svg))}
    assert any(text and text.startswith('<script>alert("x")') for text in shown)


def test_ids_are_prefixed_so_two_maps_inline_on_one_page_do_not_mix() -> None:
    one = parse(generate_scene(VILLAGE, seed=0).svg)
    two = parse(generate_scene(VILLAGE, seed=1).svg)
    ids_one, ids_two = set(defs_by_id(one)), set(defs_by_id(two))
    assert ids_one.isdisjoint(ids_two)
    prefix = next(iter(ids_one))[:8]
    assert all(i.startswith(prefix) for i in ids_one)


# --- determinism and size -------------------------------------------------------------------


def test_same_layout_same_bytes() -> None:
    layout = layout_scene(parse_prompt(CITY), seed=0, width=128, height=64)
    assert render_svg(layout) == render_svg(layout)


def test_same_prompt_in_two_fresh_processes_gives_the_same_bytes() -> None:
    script = (
        "import hashlib, sys\n"
        "from domain.scene import generate_scene\n"
        f"svg = generate_scene({VILLAGE!r}, seed=7, width=64, height=32).svg\n"
        "sys.stdout.write(hashlib.sha256(svg.encode()).hexdigest())\n"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    }
    here = hashlib.sha256(generate_scene(VILLAGE, seed=7, width=64, height=32).svg.encode())
    assert runs == {here.hexdigest()}


@pytest.mark.parametrize(
    "prompt",
    [
        CITY,
        THOUSAND,
        "a forest with a cabin next to a lake",
        "a village with 200 rivers and 200 roads",
    ],
)
def test_a_big_scene_stays_under_300_kb(prompt: str) -> None:
    svg = generate_scene(prompt, seed=0, width=256, height=128).svg
    assert len(svg.encode("utf-8")) <= 300_000
    parse(svg)


# --- every kind, every category, never a failure --------------------------------------------


@pytest.mark.parametrize("place", sorted(catalog.SCENE_BY_NAME))
def test_every_kind_in_the_catalog_renders_in_every_place(place: str) -> None:
    layout = every_kind_layout(place)
    root = parse(render_svg(layout))
    elements = drawn(root)
    assert sorted(elements) == sorted(n.id for n in layout.nodes)
    assert legend(root) == {kind: 1 for kind in catalog.KIND_BY_NAME}


def test_every_kind_has_a_symbol_of_its_own_or_of_its_category() -> None:
    root = parse(render_svg(every_kind_layout("village")))
    for placed in every_kind_layout("village").nodes:
        ref = drawn(root)[placed.id].get("href", "")
        look = look_of_kind(catalog.KIND_BY_NAME[placed.kind])
        assert f"k-{placed.kind}" in ref or f"g-{placed.id}" in ref, (placed.kind, ref)
        assert look.category, placed.kind


def test_generic_things_draw_by_category_with_their_label() -> None:
    layout = generic_layout()
    root = parse(render_svg(layout))
    elements = drawn(root)
    assert sorted(elements) == sorted(n.id for n in layout.nodes)
    for placed in layout.nodes:
        ref = elements[placed.id].get("href", "")
        category = next((t for t in placed.tags if t in CATEGORIES), "thing")
        assert f"c-{category}" in ref or f"g-{placed.id}" in ref, (placed.id, ref)
    shown = {t.text for t in labels(root)}
    assert {n.label for n in layout.nodes} <= shown
    assert legend(root) == {n.kind: 1 for n in layout.nodes}


def test_an_unknown_place_and_odd_nodes_still_draw() -> None:
    layout = Layout(
        seed=0,
        width=16,
        height=8,
        place="moon_base",
        nodes=(
            node("x-1", "mystery", 0, 0, 1, 1, ()),
            node("y-1", "pathlike", 0, 0, 16, 8, ("generic", "water"), path=((0, 0),)),
            node("z-1", "house", 14, 6, 4, 4, ("village",)),  # runs off the map
            node("w-1", "window", 3, 3, 1, 1, ()),
            node("d-1", "door", 5, 5, 1, 1, (), layer="structure"),
        ),
        relations=(),
        warnings=(),
    )
    root = parse(render_svg(layout))
    assert sorted(drawn(root)) == ["d-1", "w-1", "x-1", "y-1", "z-1"]


ODD_NODES = st.builds(
    PlacedNode,
    id=st.sampled_from(["house-1", "x", "<b>&", ""]),
    kind=st.sampled_from([*sorted(catalog.KIND_BY_NAME)[:40], "zorblax", "", "a b"]),
    label=st.text(max_size=40),
    layer=st.sampled_from(["terrain", "structure", "object", "actor"]),
    x=st.integers(-5, 60),
    y=st.integers(-5, 30),
    width=st.integers(0, 30),
    height=st.integers(0, 20),
    rotation=st.sampled_from([0, 90, 180, 270]),
    tags=st.lists(st.sampled_from(["generic", "default", "water", *CATEGORIES]), max_size=3).map(
        tuple
    ),
    parent=st.sampled_from([None, "x", "house-1"]),
    path=st.none() | st.lists(st.tuples(st.integers(-2, 50), st.integers(-2, 26))).map(tuple),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    nodes=st.lists(ODD_NODES, max_size=10),
    place=st.sampled_from([*sorted(catalog.SCENE_BY_NAME), "moon_base"]),
    size=st.tuples(st.integers(1, 64), st.integers(1, 32)),
)
def test_any_layout_draws_a_safe_document(
    nodes: list[PlacedNode], place: str, size: tuple[int, int]
) -> None:
    layout = Layout(
        seed=0,
        width=size[0],
        height=size[1],
        place=place,
        nodes=tuple(nodes),
        relations=(),
        warnings=(),
    )
    assert_safe(render_svg(layout))


# --- contrast -------------------------------------------------------------------------------


def _places_for(setting: str) -> list[str]:
    return [
        name
        for name, place in sorted(catalog.SCENE_BY_NAME.items())
        if setting == "any" or place.indoor == (setting == "indoor")
    ]


def test_every_kind_stands_out_from_the_ground_it_stands_on() -> None:
    """WCAG 1.4.11: a symbol's marking colour (the fill of a solid symbol, the outline of an
    outlined one) keeps 3:1 against its surface, in every place where the kind belongs."""
    weak = []
    for kind in catalog.KIND_BY_NAME.values():
        look = look_of_kind(kind)
        for place in _places_for(kind.setting):
            surface = surface_for(place, look, kind.afloat)
            for mark in (look.mark, *look.variants):
                ratio = contrast(mark, surface)
                if ratio < 3.0:
                    weak.append(f"{kind.name} {mark} on {place} {surface}: {ratio:.2f}")
    for category, look in CATEGORY_LOOKS.items():
        for place in _places_for("any"):
            if contrast(look.mark, surface_for(place, look, False)) < 3.0:
                weak.append(f"generic {category} on {place}")
    assert not weak, "\n".join(weak)


def test_grounds_are_light_enough_for_every_mark() -> None:
    for ground in GROUNDS.values():
        assert contrast(ground.surface, "#000000") >= 12, ground.name


def test_label_text_reads_against_its_halo() -> None:
    """WCAG 1.4.3: 4.5:1 for text; labels sit on a halo, legend text on the panel's paper."""
    for colour in (LABEL_TEXT, WATER_TEXT):
        assert contrast(colour, HALO) >= 4.5
    assert contrast(PANEL_INK, PAPER) >= 4.5
