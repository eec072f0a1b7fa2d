"""Symbols for vehicles and machines, street furniture, science fiction, generic devices."""

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


def screen(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = rect(1.5, h * 0.25, w - 3, h * 0.5, mark, darker(mark, 0.4), THIN, 0.6)
    return out + rect(2.7, h * 0.25 + 1.2, w - 5.4, h * 0.5 - 2.4, look.fill)


def machine(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = rect(1.5, 1.5, w - 3, h - 3, look.fill, mark, INK, 0.8)
    motif = look.extra
    if motif == "paper":
        out += rect(w * 0.3, 1, w * 0.4, h * 0.3, WHITE, mark, THIN * 0.6)
    elif motif == "cup":
        out += circle(w / 2, h * 0.6, min(w, h) * 0.15, WHITE, mark, THIN * 0.6)
    elif motif == "grid":
        out += "".join(
            rect(x, y, 1.6, 1.6, WHITE) for x in (w * 0.3, w * 0.55) for y in (h * 0.3, h * 0.55)
        )
    elif motif == "handle":
        out += line(w * 0.75, h * 0.3, w * 0.75, h * 0.7, mark, 1.2)
    return out


def cooler(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 2)
    return rect(cx - r, cy - r, 2 * r, 2 * r, "#e4e7ea", mark, THIN) + circle(
        cx, cy, r * 0.7, look.fill, mark, INK
    )


def bin_(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 2.5)
    return circle(cx, cy, r, look.fill, mark, INK) + circle(cx, cy, r * 0.55, "none", mark, THIN)


def crosswalk(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = rect(0, 0, w, h, "#8e9196")
    if h >= w:
        stripes = [rect(1.5, y, w - 3, 2, look.fill) for y in steps(0, h, 4)]
    else:
        stripes = [rect(x, 1.5, 2, h - 3, look.fill) for x in steps(0, w, 4)]
    return out + "".join(stripes) + rect(0, 0, w, h, "none", mark, THIN)


def parking(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    if w >= h:
        d = f"M1,1H{num(w - 1)}M1,1V{num(h - 1)}M{num(w - 1)},1V{num(h - 1)}"
    else:
        d = f"M1,1V{num(h - 1)}M1,1H{num(w - 1)}M1,{num(h - 1)}H{num(w - 1)}"
    return path(d, "none", mark, 1.2)


def car(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A car from above: a rounded body, windscreen and rear window."""

    def draw(long: float, short: float) -> str:
        out = shadow(rect(1, 1.5, long - 2, short - 3, "#000", rx=3))
        out += rect(1, 1.5, long - 2, short - 3, mark, darker(mark, 0.45), INK, 3)
        out += rect(long * 0.55, 3, long * 0.18, short - 6, look.fill, darker(mark, 0.45), THIN, 1)
        return out + rect(long * 0.16, 3, long * 0.12, short - 6, look.fill)

    return turned(w, h, draw)


def bus(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    def draw(long: float, short: float) -> str:
        out = shadow(rect(1, 1.5, long - 2, short - 3, "#000", rx=2))
        out += rect(1, 1.5, long - 2, short - 3, mark, darker(mark, 0.45), INK, 2)
        out += rect(long - 5, 3, 3, short - 6, look.fill)
        return out + "".join(
            rect(x, 3, 2.5, short - 6, lighter(mark, 0.4)) for x in steps(1, long - 6, 5)
        )

    return turned(w, h, draw)


def truck(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    def draw(long: float, short: float) -> str:
        out = shadow(rect(1, 1.5, long - 2, short - 3, "#000"))
        out += rect(1, 1.5, long * 0.68, short - 3, look.fill, mark, INK, 0.5)
        return out + rect(
            long * 0.72, 2, long * 0.27 - 1, short - 4, mark, darker(mark, 0.4), INK, 1.5
        )

    return turned(w, h, draw)


def bicycle(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy = w / 2, h / 2
    out = circle(cx - 3.5, cy, 2.6, "none", mark, 1.0) + circle(
        cx + 3.5, cy, 2.6, "none", mark, 1.0
    )
    return out + line(cx - 3.5, cy, cx + 3.5, cy, mark, 1.0)


def lamppost(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 1)
    return circle(cx, cy, r, look.fill, more='opacity=".45"') + circle(cx, cy, r * 0.35, mark)


def traffic_light(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = rect(w * 0.3, 1.5, w * 0.4, h - 3, mark, rx=1)
    return out + "".join(
        circle(w / 2, y, 1.3, c)
        for y, c in ((h * 0.3, "#e74c3c"), (h * 0.5, "#f1c40f"), (h * 0.7, "#2ecc71"))
    )


def bus_stop(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    def draw(long: float, short: float) -> str:
        out = rect(1, 2, long - 2, short - 4, look.fill, mark, INK)
        return (
            out + line(1.5, 2.5, long - 1.5, 2.5, mark, 1.6) + circle(long - 3, short / 2, 2, mark)
        )

    return turned(w, h, draw)


def hydrant(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 4)
    return rect(cx - r * 1.5, cy - r * 0.4, r * 3, r * 0.8, mark) + circle(
        cx, cy, r, mark, darker(mark, 0.4), THIN
    )


def mailbox(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 3.5)
    return rect(cx - r, cy - r, 2 * r, 2 * r, mark, darker(mark, 0.4), THIN, 1) + line(
        cx - r * 0.5, cy - r * 0.3, cx + r * 0.5, cy - r * 0.3, WHITE, 1.0
    )


def billboard(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    def draw(long: float, short: float) -> str:
        return rect(1, short * 0.3, long - 2, short * 0.4, look.fill, mark, INK)

    return turned(w, h, draw)


def console(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = rect(1, 1.5, w - 2, h - 3, look.fill, mark, INK, 1.5)
    lights = ("#2ecc71", "#f1c40f", "#3498db", "#e74c3c")
    return out + "".join(
        rect(x, h * 0.4, 1.6, 1.6, lights[k % 4]) for k, x in enumerate(steps(1, w - 1, 3))
    )


def holo(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy = w / 2, h / 2
    out = ellipse(cx, cy, w / 2 - 1, h / 2 - 1, "#5c6b7d", mark, INK)
    return (
        out
        + ellipse(cx, cy, w / 2 - 4, h / 2 - 4, look.fill, more='opacity=".9"')
        + circle(cx, cy, min(w, h) * 0.12, WHITE)
    )


def airlock(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 1)
    octagon = [
        (cx + r * math.cos(a), cy + r * math.sin(a))
        for a in (math.pi / 8 + k * math.pi / 4 for k in range(8))
    ]
    out = poly(octagon, "#8a96a5", mark, INK)
    return out + lines(
        [
            (cx - r * 0.6, cy - r * 0.3, cx + r * 0.6, cy - r * 0.3),
            (cx - r * 0.6, cy + r * 0.3, cx + r * 0.6, cy + r * 0.3),
        ],
        look.fill,
        1.6,
    )


def pod(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    if look.extra == "round":
        cx, cy, r = centre(w, h, 1.5)
        return circle(cx, cy, r, look.fill, mark, INK) + circle(
            cx, cy, r * 0.45, "#5b8fc9", mark, THIN
        )

    def draw(long: float, short: float) -> str:
        out = rect(1, 1.5, long - 2, short - 3, "#e4e7ea", mark, INK, short / 2 - 1.5)
        return out + rect(long * 0.25, 3.5, long * 0.5, short - 7, look.fill, mark, THIN, 2)

    return turned(w, h, draw)


def teleporter(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 1)
    out = circle(cx, cy, r, "#5c6b7d", mark, INK)
    return out + circle(cx, cy, r * 0.7, look.fill) + circle(cx, cy, r * 0.4, "none", WHITE, 1.0)


def reactor(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 1)
    out = circle(cx, cy, r, "#8a96a5", mark, INK * 1.3)
    out += circle(cx, cy, r * 0.72, "none", mark, THIN, more='stroke-dasharray="2 2"')
    return out + circle(cx, cy, r * 0.45, look.fill, mark, THIN) + circle(cx, cy, r * 0.18, WHITE)


def engine(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = rect(1, 1, w - 2, h - 2, look.fill, mark, INK, 1)
    return out + "".join(
        circle(x, h / 2, min(w, h) * 0.25, "#3a3f46", mark, THIN)
        for x in steps(1, w - 1, max(6.0, w / 3))
    )


def spaceship(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    def draw(long: float, short: float) -> str:
        hull = [
            (1, short * 0.15),
            (long * 0.55, short * 0.3),
            (long - 1, short / 2),
            (long * 0.55, short * 0.7),
            (1, short * 0.85),
            (long * 0.15, short / 2),
        ]
        out = shadow(poly(hull, "#000"), 2, 2) + poly(hull, look.fill, mark, INK)
        return out + ellipse(long * 0.7, short / 2, long * 0.1, short * 0.1, "#5b8fc9", mark, THIN)

    return turned(w, h, draw)


def dish(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 1)
    out = circle(cx, cy, r, look.fill, mark, INK) + circle(cx, cy, r * 0.6, "none", mark, THIN)
    return (
        out
        + lines([(cx, cy, cx + r * 0.6, cy - r * 0.6)], mark, 1.0)
        + circle(cx + r * 0.6, cy - r * 0.6, 1.2, mark)
    )


def solar(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = rect(1, 1, w - 2, h - 2, look.fill, mark, INK)
    grid: list[tuple[float, float, float, float]]
    if w >= h:
        grid = [(x, 1, x, h - 1) for x in steps(1, w - 1, 3)] + [(1, h / 2, w - 1, h / 2)]
    else:
        grid = [(1, y, w - 1, y) for y in steps(1, h - 1, 3)] + [(w / 2, 1, w / 2, h - 1)]
    return out + lines(grid, lighter(look.fill, 0.5), THIN * 0.6)


def device(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A generic machine: a small square icon with a screen and a light."""
    s = min(w, h)
    x, y, side = (w - s) / 2 + 2, (h - s) / 2 + 2, s - 4
    out = rect(x, y, side, side, look.fill, mark, INK, 1.5)
    out += rect(x + side * 0.2, y + side * 0.2, side * 0.6, side * 0.35, mark)
    return out + circle(x + side * 0.7, y + side * 0.75, side * 0.1, "#2ecc71")


def item(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A generic small thing: a diamond marker."""
    cx, cy, r = centre(w, h, 2)
    return poly([(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)], look.fill, mark, INK)
