"""Reading an SVG map's structure (never its pixels): the element drawn for each node, the
label texts and their boxes, the legend's kinds and counts. Shared by the renderer's tests and
the gallery's."""

import xml.etree.ElementTree as ET
from collections import Counter

from domain.scene.model import Layout

NS = "{http://www.w3.org/2000/svg}"
UNNAMED_TAGS = frozenset({"default", "auto", "ambient", "background"})
"""Things the generator added on its own (a place's usual things, ambient ground): the map
need not label them."""


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def drawn(root: ET.Element) -> dict[str, ET.Element]:
    """Each node's element (the one `<use>` carrying its id), by node id."""
    found: dict[str, ET.Element] = {}
    for element in root.iter():
        node_id = element.get("data-id")
        if node_id is not None:
            assert node_id not in found, f"{node_id} is drawn twice"
            found[node_id] = element
    return found


def defs_by_id(root: ET.Element) -> dict[str, ET.Element]:
    defs = root.find(f"{NS}defs")
    assert defs is not None
    return {child.get("id", ""): child for child in defs}


def labels(root: ET.Element) -> list[ET.Element]:
    group = next(g for g in root.iter(f"{NS}g") if g.get("class") == "labels")
    return list(group.iter(f"{NS}text"))


def label_box(text: ET.Element) -> tuple[float, float, float, float]:
    size = float(text.get("font-size", "0"))
    width = size * 0.6 * len(text.text or "")
    x, y = float(text.get("x", "0")), float(text.get("y", "0"))
    return x - width / 2, y - 0.8 * size, x + width / 2, y + 0.2 * size


def legend(root: ET.Element) -> dict[str, int]:
    return {
        g.get("data-kind", ""): int(g.get("data-count", "0"))
        for g in root.iter(f"{NS}g")
        if g.get("class") == "legend-entry" and g.get("data-kind")
    }


def overlapping_labels(root: ET.Element) -> list[tuple[str, str]]:
    """Pairs of label texts whose boxes overlap."""
    texts = labels(root)
    boxes = [label_box(t) for t in texts]
    pairs = []
    for k, a in enumerate(boxes):
        for j in range(k + 1, len(boxes)):
            b = boxes[j]
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                pairs.append((texts[k].text or "", texts[j].text or ""))
    return pairs


def assert_readable_map(svg: str, layout: Layout) -> None:
    """What makes the map readable by a person: one symbol use per thing, by its kind; a label
    for every kind of thing the prompt named; a legend entry with the count of each kind; no two
    labels over each other."""
    root = parse(svg)
    elements = drawn(root)
    targets = defs_by_id(root)
    assert sorted(elements) == sorted(n.id for n in layout.nodes)
    for placed in layout.nodes:
        element = elements[placed.id]
        assert element.tag == f"{NS}use", placed.id
        ref = element.get("href", "")
        assert ref.startswith("#") and ref[1:] in targets, (placed.id, ref)
    texts = {t.text for t in labels(root)}
    named = {n.label for n in layout.nodes if not UNNAMED_TAGS & set(n.tags)}
    assert named <= texts, f"named but unlabelled: {sorted(named - texts)}"
    assert legend(root) == dict(Counter(n.kind for n in layout.nodes))
    assert overlapping_labels(root) == []
