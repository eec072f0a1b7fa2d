"""The panel beside the map: the place's name, a compass rose, a scale in cells, the legend."""

import math
from functools import lru_cache
from typing import NamedTuple

from domain.scene.render.svg_geometry import CELL, escape, num
from domain.scene.render.svg_labels import text_width

PAPER = "#fbf8f1"
EDGE = "#8a8275"
INK = "#2b2824"
SOFT_INK = "#4f4a43"


class LegendEntry(NamedTuple):
    kind: str  # the kind's name (`market_stall`); empty for the ground
    text: str  # what the entry says
    tally: int
    swatch: str  # markup drawn in a square `size` box at the origin, scaled by the caller
    swatch_size: float  # the natural size of `swatch` (its box is square)


def panel(
    x: float,
    y: float,
    height: float,
    font: float,
    title: str,
    subtitle: str,
    entries: list[LegendEntry],
) -> tuple[str, float, float]:
    """The panel's markup, width and height; `height` is the map's, the panel may run longer."""
    row = font * 1.9
    swatch = font * 1.5
    head = font * 16.2
    rows_fit = max(1, int((height - head) // row))
    per_column = max(rows_fit, math.ceil(len(entries) / 3))
    columns = max(1, math.ceil(len(entries) / per_column))
    longest = max((text_width(e.text, font * 0.9) for e in entries), default=font * 6)
    column = swatch + font * 0.8 + longest + font * 1.2
    width = max(font * 17, column * columns + font)
    total = max(height, head + per_column * row + font)
    out = [
        f'<g transform="translate({num(x)},{num(y)})">',
        f'<rect width="{num(width)}" height="{num(total)}" fill="{PAPER}" stroke="{EDGE}" '
        f'stroke-width="1.5" rx="4"/>',
        f'<text x="{num(font * 0.8)}" y="{num(font * 2)}" font-size="{num(font * 1.45)}" '
        f'font-weight="bold" fill="{INK}">{escape(title)}</text>',
        f'<text x="{num(font * 0.8)}" y="{num(font * 3.4)}" font-size="{num(font * 0.85)}" '
        f'fill="{SOFT_INK}">{escape(subtitle)}</text>',
    ]
    out.append(_compass(width / 2, font * 7.6, font * 2.4, font))
    out.append(_scale(font * 0.8, font * 11.4, width - font * 2.4, font))
    out.append(
        f'<text x="{num(font * 0.8)}" y="{num(font * 15)}" font-size="{num(font * 1.1)}" '
        f'font-weight="bold" fill="{INK}">Legend</text>'
    )
    top = font * 16.2
    for index, entry in enumerate(entries):
        col, line = divmod(index, per_column)
        ex, ey = font * 0.8 + col * column, top + line * row
        scale = swatch / entry.swatch_size if entry.swatch_size else 1.0
        attrs = (
            f' data-kind="{escape(entry.kind)}" data-count="{entry.tally}"'
            if entry.kind
            else (' data-ground="1"')
        )
        out.append(
            f'<g class="legend-entry"{attrs}>'
            f'<g transform="translate({num(ex)},{num(ey)}) scale({scale:.3f})">{entry.swatch}</g>'
            f'<text x="{num(ex + swatch + font * 0.6)}" y="{num(ey + swatch * 0.72)}" '
            f'font-size="{num(font * 0.9)}" fill="{INK}">{escape(entry.text)}</text></g>'
        )
    out.append("</g>")
    return "".join(out), width, total


@lru_cache(maxsize=64)
def _compass(cx: float, cy: float, r: float, font: float) -> str:
    """A four-point star, north dark and labelled."""
    k = r * 0.22
    north = f"M{num(cx)},{num(cy - r)}L{num(cx + k)},{num(cy - k)}L{num(cx)},{num(cy)}Z"
    north_light = f"M{num(cx)},{num(cy - r)}L{num(cx - k)},{num(cy - k)}L{num(cx)},{num(cy)}Z"
    others = "".join(
        f"M{num(cx + dx * r)},{num(cy + dy * r)}L{num(cx + (dx - dy) * k)},"
        f"{num(cy + (dy + dx) * k)}L{num(cx)},{num(cy)}L{num(cx + (dx + dy) * k)},"
        f"{num(cy + (dy - dx) * k)}Z"
        for dx, dy in ((1, 0), (0, 1), (-1, 0))
    )
    size = font * 0.85
    letters = "".join(
        f'<text x="{num(cx + dx)}" y="{num(cy + dy)}" font-size="{num(size)}" '
        f'text-anchor="middle" fill="{INK}"{bold}>{letter}</text>'
        for letter, dx, dy, bold in (
            ("N", 0, -r - size * 0.35, ' font-weight="bold"'),
            ("S", 0, r + size * 0.95, ""),
            ("E", r + size * 0.6, size * 0.32, ""),
            ("W", -r - size * 0.65, size * 0.32, ""),
        )
    )
    return (
        f'<g class="compass"><circle cx="{num(cx)}" cy="{num(cy)}" r="{num(r * 0.55)}" '
        f'fill="none" stroke="{EDGE}" stroke-width="1"/>'
        f'<path d="{others}" fill="{PAPER}" stroke="{INK}" stroke-width="1"/>'
        f'<path d="{north}" fill="{INK}"/><path d="{north_light}" fill="{PAPER}" '
        f'stroke="{INK}" stroke-width="1"/>{letters}</g>'
    )


_SCALE_STEPS = (1, 2, 5, 10, 20, 25, 50, 100)


@lru_cache(maxsize=64)
def _scale(x: float, y: float, room: float, font: float) -> str:
    """A bar `cells` long, alternately dark and light, with its length in cells."""
    cells = max((c for c in _SCALE_STEPS if c * CELL <= room), default=1)
    parts = 5 if cells % 5 == 0 else cells if cells <= 4 else 1
    step = cells * CELL / parts
    bar = font * 0.45
    blocks = "".join(
        f'<rect x="{num(x + k * step)}" y="{num(y)}" width="{num(step)}" height="{num(bar)}" '
        f'fill="{INK if k % 2 == 0 else PAPER}"/>'
        for k in range(parts)
    )
    return (
        f'<g class="scale">{blocks}<rect x="{num(x)}" y="{num(y)}" width="{num(cells * CELL)}" '
        f'height="{num(bar)}" fill="none" stroke="{INK}" stroke-width="1"/>'
        f'<text x="{num(x)}" y="{num(y + bar + font * 1.1)}" font-size="{num(font * 0.85)}" '
        f'fill="{INK}">0</text>'
        f'<text x="{num(x + cells * CELL)}" y="{num(y + bar + font * 1.1)}" '
        f'font-size="{num(font * 0.85)}" text-anchor="end" fill="{INK}">'
        f"{cells} cell{'s' if cells != 1 else ''}</text></g>"
    )
