"""Repeating textures (SVG patterns) for grounds and areas: grass, water, planks, crops..."""

from collections.abc import Sequence
from functools import lru_cache

from domain.scene.render.svg_colour import darker, lighter, mix
from domain.scene.render.svg_geometry import CELL, num


@lru_cache(maxsize=256)
def pattern(pid: str, texture: str, base: str) -> str:
    """A `<pattern>` tile of `texture` over a `base` colour, in map units."""
    size, marks = _tile(texture, base)
    return (
        f'<pattern id="{pid}" width="{num(size[0])}" height="{num(size[1])}" '
        f'patternUnits="userSpaceOnUse"><rect width="{num(size[0])}" height="{num(size[1])}" '
        f'fill="{base}"/>{marks}</pattern>'
    )


@lru_cache(maxsize=64)
def grid_pattern(pid: str, base: str) -> str:
    """A floor with the cell grid drawn faintly, as on a battle map."""
    return (
        f'<pattern id="{pid}" width="{CELL}" height="{CELL}" patternUnits="userSpaceOnUse">'
        f'<rect width="{CELL}" height="{CELL}" fill="{base}"/>'
        f'<path d="M{CELL},0H0V{CELL}" fill="none" stroke="{darker(base, 0.18)}" '
        f'stroke-width=".6"/></pattern>'
    )


def _stroke(d: str, colour: str, width: float) -> str:
    return f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="{num(width)}"/>'


def _dots(points: Sequence[tuple[float, float]], r: float, colour: str) -> str:
    d = "".join(
        f"M{num(x - r)},{num(y)}a{num(r)},{num(r)} 0 1 0 {num(2 * r)},0"
        f"a{num(r)},{num(r)} 0 1 0 {num(-2 * r)},0"
        for x, y in points
    )
    return f'<path d="{d}" fill="{colour}"/>'


_SCATTER = [
    (5, 7),
    (19, 3),
    (33, 11),
    (43, 26),
    (11, 29),
    (27, 22),
    (38, 41),
    (7, 43),
    (22, 37),
    (46, 6),
    (30, 33),
    (15, 17),
]


def _tile(texture: str, base: str) -> tuple[tuple[float, float], str]:
    if texture == "grass":
        d = "".join(f"M{x - 1.5},{y}l1.5,-2.5l1.5,2.5" for x, y in _SCATTER[:8])
        return (48, 48), _stroke(d, darker(base, 0.16), 0.8)
    if texture == "leaves":
        return (48, 48), _dots(_SCATTER, 1.1, darker(base, 0.12)) + _stroke(
            "".join(f"M{x - 1.5},{y + 9}l1.5,-2.5l1.5,2.5" for x, y in _SCATTER[:5]),
            darker(base, 0.2),
            0.8,
        )
    if texture == "hatch":
        return (10, 10), _stroke(
            "M0,10L10,0M-2.5,2.5L2.5,-2.5M7.5,12.5L12.5,7.5", darker(base, 0.2), 1.0
        )
    if texture == "waves":
        d = "M3,8q3,-3 6,0t6,0M27,24q3,-3 6,0t6,0M18,38q3,-3 6,0t6,0"
        return (48, 48), _stroke(d, lighter(base, 0.45), 1.1)
    if texture in ("sand", "snow"):
        return (48, 48), _dots(_SCATTER, 0.7, darker(base, 0.12 if texture == "sand" else 0.08))
    if texture == "mud":
        blots = "".join(f"M{x},{y}a4,2 0 1 0 8,0a4,2 0 1 0 -8,0" for x, y in _SCATTER[::3])
        return (48, 48), f'<path d="{blots}" fill="{darker(base, 0.07)}"/>'
    if texture == "pebbles":
        rings = "".join(
            f"M{x - 1.6},{y}a1.6,1.2 0 1 0 3.2,0a1.6,1.2 0 1 0 -3.2,0" for x, y in _SCATTER[::2]
        )
        return (48, 48), _stroke(rings, darker(base, 0.2), 0.6)
    if texture == "tiles":
        return (48, 48), _stroke("M48,0H0V48", darker(base, 0.07), 0.7)
    if texture == "asphalt":
        return (48, 48), _dots(_SCATTER, 0.6, darker(base, 0.1))
    if texture == "planks":
        d = (
            "M0,0H96M0,8H96M0,16H96M0,24H96M0,32H96M0,40H96"
            "M20,0v8M68,8v8M44,16v8M8,24v8M80,32v8M32,40v8"
        )
        return (96, 48), _stroke(d, darker(base, 0.08), 0.6)
    if texture == "flags":
        d = "M0,0H32M0,16H32M0,0V16M16,16V32"
        return (32, 32), _stroke(d, darker(base, 0.13), 0.7)
    if texture == "panels":
        d = "M0,0H32V32"
        return (32, 32), _stroke(d, darker(base, 0.12), 0.8) + _dots(
            [(3, 3), (29, 3), (3, 29), (29, 29)], 0.7, darker(base, 0.2)
        )
    if texture == "cobbles":
        d = (
            "M1,1h6v4h-6zM9,1h6v4h-6zM5,7h6v4h-6zM13,7h2v4h-2zM1,7h2v4h-2z"
            "M1,13h6v2h-6zM9,13h6v2h-6z"
        )
        return (16, 16), _stroke(d, darker(base, 0.2), 0.6)
    if texture == "furrows":
        return (16, 5), _stroke("M0,2.5H16", darker(base, 0.2), 1.3)
    if texture == "rows":
        return (8, 8), _dots([(2, 4), (6, 4)], 1.5, "#86ad5f")
    if texture == "crosses":
        d = "M8,4v8M5.5,7h5M24,20v8M21.5,23h5"
        return (32, 32), _stroke(d, "#6f6e68", 1.0)
    if texture == "crowns":
        return (24, 24), _crowns(base)
    if texture == "park":
        return (40, 40), _dots([(10, 10), (30, 26)], 5, "#6f9f52")
    if texture == "peaks":
        d = "M4,14l5,-7l5,7M20,30l5,-7l5,7M26,10l4,-5l4,5"
        return (40, 36), _stroke(d, darker(base, 0.35), 1.1)
    if texture == "crust":
        d = "M0,6l6,3l5,-4l7,2M4,16l6,-3l6,5"
        return (24, 24), _stroke(d, "#8a2a10", 1.4) + _dots([(18, 16), (7, 20)], 1.2, "#f6d365")
    if texture == "ridges":
        return (32, 16), _stroke("M0,10q8,-8 16,0t16,0", darker(base, 0.2), 1.0)
    if texture == "swirl":
        return (24, 24), _stroke("M6,12a6,6 0 1 1 12,0a3,3 0 1 1 -6,0", darker(base, 0.25), 0.8)
    if texture == "cracks":
        return (40, 40), _stroke("M2,8l10,6l6,-3l12,8M18,30l8,-4l10,5", darker(base, 0.18), 0.7)
    if texture == "tufts":
        d = "".join(f"M{x - 2},{y}l2,-3.5l2,3.5M{x},{y}v-4" for x, y in _SCATTER[:6])
        return (48, 48), _stroke(d, darker(base, 0.35), 0.8) + _dots(
            _SCATTER[6:9], 2.2, mix(base, "#7fb0c8", 0.5)
        )
    if texture == "stalls":
        return (24, 48), _stroke("M0,0V20M0,48V28", "#ffffff", 1.2)
    if texture == "dots":
        return (24, 24), _dots([(6, 6)], 2, "#e67e22") + _dots([(18, 16)], 2, "#3498db")
    return (16, 16), ""


def _crowns(base: str) -> str:
    """Overlapping crowns; those crossing the tile's edge are repeated on the far side."""
    ink = "#2f5a24"
    out = ""
    for x, y, r, colour in (
        (6, 6, 6.5, "#5e8f45"),
        (18, 9, 6, "#6f9f52"),
        (10, 18, 6.2, "#55863e"),
        (22, 21, 5.5, "#6a9a4c"),
    ):
        xs = [x] + ([x + 24] if x - r < 0 else []) + ([x - 24] if x + r > 24 else [])
        ys = [y] + ([y + 24] if y - r < 0 else []) + ([y - 24] if y + r > 24 else [])
        for cx in xs:
            for cy in ys:
                out += (
                    f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{colour}" stroke="{ink}" '
                    f'stroke-width=".6"/>'
                )
    return out
