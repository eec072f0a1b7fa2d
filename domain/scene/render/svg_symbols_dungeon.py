"""Symbols for dungeon and household objects: chests, barrels, traps, lights, a smithy's tools."""

import math

from domain.scene.render.svg_colour import darker, lighter
from domain.scene.render.svg_draw import (
    INK,
    THIN,
    centre,
    circle,
    ellipse,
    line,
    lines,
    path,
    poly,
    rect,
    shadow,
    steps,
    turned,
)
from domain.scene.render.svg_geometry import num
from domain.scene.render.svg_looks import Look

WHITE = "#ffffff"


def stairs(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = rect(0.5, 0.5, w - 1, h - 1, look.fill, mark, INK)
    treads = [(1, y, w - 1, y) for y in steps(0.5, h - 0.5, 2.6)]
    out += lines(treads, mark, THIN)
    return out + poly([(w / 2, 2.5), (w / 2 + 2.5, 5.5), (w / 2 - 2.5, 5.5)], mark)


def chest(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = shadow(rect(2, 3, w - 4, h - 5, "#000"), 0.8, 0.8)
    out += rect(2, 3, w - 4, h - 5, look.fill, mark, INK, 0.8)
    out += lines(
        [
            (2, h * 0.45, w - 2, h * 0.45),
            (w * 0.3, 3, w * 0.3, h - 2),
            (w * 0.7, 3, w * 0.7, h - 2),
        ],
        mark,
        THIN,
    )
    return out + rect(w / 2 - 1.2, h * 0.4, 2.4, 2.6, "#e0b43a", mark, THIN * 0.5)


def crate(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = shadow(rect(1.5, 1.5, w - 3, h - 3, "#000"), 0.8, 0.8)
    out += rect(1.5, 1.5, w - 3, h - 3, look.fill, mark, INK)
    out += rect(3, 3, w - 6, h - 6, "none", darker(look.fill, 0.3), THIN)
    if look.extra == "?":
        return out + line(3, 3, w - 3, h - 3, mark, THIN)
    return out + lines([(3, 3, w - 3, h - 3), (w - 3, 3, 3, h - 3)], darker(look.fill, 0.35), THIN)


def barrel(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 1.8)
    out = shadow(circle(cx, cy, r, "#000"), 0.8, 0.8)
    out += circle(cx, cy, r, look.fill, mark, INK)
    return (
        out
        + circle(cx, cy, r * 0.7, "none", mark, THIN)
        + circle(cx, cy, r * 0.25, darker(look.fill, 0.3))
    )


def treasure(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    coins = [(0.35, 0.55), (0.62, 0.6), (0.48, 0.35), (0.7, 0.32), (0.3, 0.3)]
    return "".join(circle(w * x, h * y, min(w, h) * 0.16, look.fill, mark, THIN) for x, y in coins)


def key(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 2)
    out = circle(cx - r * 0.45, cy, r * 0.42, "none", mark, 1.6)
    return out + lines(
        [(cx, cy, cx + r, cy), (cx + r * 0.8, cy, cx + r * 0.8, cy + r * 0.4)], mark, 1.6
    )


def altar(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = shadow(rect(1, 2, w - 2, h - 4, "#000"))
    out += rect(1, 2, w - 2, h - 4, look.fill, mark, INK)
    return (
        out
        + circle(w * 0.25, h / 2, 1.3, "#f6d365", mark, THIN * 0.5)
        + circle(w * 0.75, h / 2, 1.3, "#f6d365", mark, THIN * 0.5)
    )


def idol(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 1.5)
    out = rect(cx - r, cy - r, 2 * r, 2 * r, "#8c857a", "#4f4c48", THIN)
    return (
        out
        + circle(cx, cy - r * 0.15, r * 0.45, look.fill, mark, THIN)
        + rect(cx - r * 0.35, cy + r * 0.2, r * 0.7, r * 0.6, look.fill, mark, THIN)
    )


def pillar(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 1.2)
    out = shadow(circle(cx, cy, r, "#000"), 1.5, 1.5)
    out += rect(cx - r, cy - r, 2 * r, 2 * r, darker(look.fill, 0.15), mark, THIN)
    return out + circle(cx, cy, r * 0.78, look.fill, mark, INK)


def trap(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = rect(1.5, 1.5, w - 3, h - 3, look.fill, mark, INK, more='stroke-dasharray="2 1.5"')
    spikes = []
    for x in steps(1.5, w - 1.5, 3.5):
        for y in steps(1.5, h - 1.5, 3.5):
            spikes.append((x - 1, y + 1, x + 1, y - 1))
            spikes.append((x - 1, y - 1, x + 1, y + 1))
    return out + lines(spikes, mark, THIN)


def lever(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = rect(w * 0.3, h * 0.55, w * 0.4, h * 0.25, look.fill, mark, THIN)
    return (
        out
        + line(w / 2, h * 0.65, w * 0.75, h * 0.2, mark, 1.4)
        + circle(w * 0.75, h * 0.2, 1.6, "#a3231b")
    )


def cage(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = rect(1.5, 1.5, w - 3, h - 3, look.fill, mark, INK * 1.3)
    bars = [(x, 1.5, x, h - 1.5) for x in steps(1.5, w - 1.5, 2.5)]
    return out + lines(bars, mark, THIN)


def chain(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    links = [
        ellipse(w * x, h * y, 2, 1.2, "none", mark, 1.0)
        for x, y in ((0.25, 0.3), (0.45, 0.45), (0.62, 0.6), (0.78, 0.75))
    ]
    return "".join(links)


def cobweb(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    segs = [(1, 1, w - 1, h - 1), (1, 1, w - 1, h * 0.4), (1, 1, w * 0.4, h - 1)]
    d = "".join(
        f"M{num(w * f)},1Q{num(w * f * 0.7)},{num(h * f * 0.7)} 1,{num(h * f)}"
        for f in (0.35, 0.65, 0.95)
    )
    return lines(segs, mark, THIN * 0.6) + path(d, "none", mark, THIN * 0.6)


def torch(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 2)
    out = circle(cx, cy, r, lighter(look.fill, 0.5), more='opacity=".6"')
    out += circle(cx, cy, r * 0.55, look.fill, mark, THIN)
    return out + circle(cx, cy, r * 0.25, mark)


def coffin(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    def draw(long: float, short: float) -> str:
        out = poly(
            [
                (1, short * 0.35),
                (long * 0.3, 1),
                (long - 1, short * 0.25),
                (long - 1, short * 0.75),
                (long * 0.3, short - 1),
                (1, short * 0.65),
            ],
            look.fill,
            mark,
            INK,
        )
        return out + lines(
            [
                (long * 0.45, short * 0.5, long * 0.75, short * 0.5),
                (long * 0.55, short * 0.3, long * 0.55, short * 0.7),
            ],
            lighter(look.fill, 0.5),
            THIN,
        )

    return turned(w, h, draw)


def lamp(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 1)
    out = circle(cx, cy, r, look.fill, more='opacity=".35"')
    return out + circle(cx, cy, r * 0.5, look.fill, mark, INK)


def candle(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 3)
    out = circle(cx, cy, r * 1.3, look.fill, more='opacity=".35"')
    return out + circle(cx, cy, r * 0.55, "#fbf8f0", mark, THIN) + circle(cx, cy, r * 0.25, mark)


def chandelier(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 1.5)
    out = circle(cx, cy, r * 0.75, "none", mark, 1.0)
    return out + "".join(
        circle(
            cx + r * 0.75 * math.cos(a),
            cy + r * 0.75 * math.sin(a),
            r * 0.22,
            look.fill,
            mark,
            THIN * 0.5,
        )
        for a in (0.3, 1.87, 3.44, 5.01)
    )


def book(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    return rect(w * 0.25, h * 0.2, w * 0.5, h * 0.6, look.fill, mark, INK, 0.5) + line(
        w * 0.32, h * 0.2, w * 0.32, h * 0.8, mark, THIN
    )


def bowl(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 3)
    return circle(cx, cy, r, look.fill, mark, INK) + circle(cx, cy, r * 0.5, "#c0504d")


def cauldron(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 1.5)
    return circle(cx, cy, r, mark, darker(mark, 0.4), INK) + circle(cx, cy, r * 0.7, look.fill)


def banner(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = poly(
        [(3, 2), (w - 3, 2), (w - 3, h - 2), (w / 2, h - 5), (3, h - 2)], look.fill, mark, INK
    )
    return out + circle(w / 2, h * 0.4, 1.6, "#e0b43a")


def anvil(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    return poly(
        [
            (2, h * 0.3),
            (w - 2, h * 0.3),
            (w * 0.75, h * 0.5),
            (w * 0.7, h * 0.75),
            (w * 0.3, h * 0.75),
            (w * 0.3, h * 0.5),
            (2, h * 0.45),
        ],
        look.fill,
        mark,
        INK,
    )


def furnace(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = rect(1, 1, w - 2, h - 2, look.fill, mark, INK * 1.2, 1)
    out += rect(w * 0.25, h * 0.25, w * 0.5, h * 0.5, "#3a3633", mark, THIN)
    return out + ellipse(w / 2, h / 2, w * 0.17, h * 0.17, "#f08a3c")


def armor(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 1.5)
    out = path(
        f"M{num(cx - r)},{num(cy - r * 0.6)}H{num(cx + r)}L{num(cx + r * 0.6)},"
        f"{num(cy + r)}H{num(cx - r * 0.6)}Z",
        look.fill,
        mark,
        INK,
    )
    return out + circle(cx, cy - r * 0.35, r * 0.35, lighter(look.fill, 0.3), mark, THIN)
