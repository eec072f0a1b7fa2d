"""The gallery (docs/gallery, made by scripts/render_gallery.py): the page's example prompts drawn
as maps a person can read. Structure, never pixels: a symbol per thing by kind, labels for the
things the prompt named, legend entries with counts, no label over another; the PNGs are
Chromium's renderings of the SVGs beside them."""

import json
import re
import struct
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from domain.scene import layout_scene, parse_prompt, render_svg
from tests.unit.scene.svg_structure import (
    assert_readable_map,
    drawn,
    labels,
    legend,
    overlapping_labels,
    parse,
)

ROOT = Path(__file__).resolve().parents[3]
GALLERY = ROOT / "docs" / "gallery"
PAGE = ROOT / "interfaces" / "http" / "web" / "static" / "index.html"
README_PROMPT = "a village with a church, a well and five houses along a road"


class _Examples(HTMLParser):
    """The example buttons of the page: (title, prompt)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []
        self._prompt: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "button" and "example" in (values.get("class") or "").split():
            self._prompt = values.get("data-prompt") or ""

    def handle_data(self, data: str) -> None:
        if self._prompt is not None and data.strip():
            self.found.append((data.strip(), self._prompt))
            self._prompt = None


def page_examples() -> list[tuple[str, str]]:
    parser = _Examples()
    parser.feed(PAGE.read_text())
    return parser.found


def manifest() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = json.loads((GALLERY / "gallery.json").read_text())
    return entries


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_gallery_shows_each_example_of_the_page_and_the_readme_village() -> None:
    examples = page_examples()
    assert len(examples) == 6
    listed = [(entry["title"], entry["prompt"]) for entry in manifest()]
    assert listed == examples
    village = next(entry for entry in manifest() if entry["name"] == "village")
    assert village["prompt"] == README_PROMPT
    for entry in manifest():
        assert (GALLERY / f"{entry['name']}.svg").is_file()
        assert (GALLERY / f"{entry['name']}.png").is_file()


@pytest.mark.parametrize("entry", manifest(), ids=lambda entry: entry["name"])
def test_each_example_draws_a_readable_map(entry: dict[str, Any]) -> None:
    """Drawn now by the generator with the gallery's seed and size."""
    layout = layout_scene(
        parse_prompt(entry["prompt"]),
        seed=entry["seed"],
        width=entry["width"],
        height=entry["height"],
    )
    assert_readable_map(render_svg(layout), layout)


@pytest.mark.parametrize("entry", manifest(), ids=lambda entry: entry["name"])
def test_each_gallery_file_is_a_readable_map_and_its_png_is_its_rendering(
    entry: dict[str, Any],
) -> None:
    """The committed files on their own (a later generator may draw them differently): each
    thing one symbol use, counted by kind in the legend, labels that never overlap, a title
    naming the place; the PNG as wide as rendered and of the SVG's proportions."""
    svg = (GALLERY / f"{entry['name']}.svg").read_text()
    root = parse(svg)
    kinds = Counter(re.sub(r"-\d+$", "", node_id) for node_id in drawn(root))
    assert legend(root) == dict(kinds)
    texts = [text.text for text in labels(root)]
    assert texts and all(texts)
    assert overlapping_labels(root) == []
    title = root.find("{http://www.w3.org/2000/svg}title")
    assert title is not None and (title.text or "").startswith("Map of ")

    _, _, view_width, view_height = (float(v) for v in root.get("viewBox", "").split())
    width, height = png_size(GALLERY / f"{entry['name']}.png")
    assert width == 1200
    assert abs(height - width * view_height / view_width) <= 2
