"""Symbols for outdoor things: wells and stalls, fires, boats and piers, snow."""

import math

from domain.scene.render.svg_colour import darker
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


def well(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 1)
    out = shadow(circle(cx, cy, r, "#000"))
    out += circle(cx, cy, r, "#c9c4ba", mark, INK * 1.2)
    out += circle(cx, cy, r * 0.55, look.fill, mark, THIN)
    return out + line(cx - r, cy, cx + r, cy, "#5a3d22", 1.4)


def fountain(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 1)
    out = circle(cx, cy, r, "#c9c4ba", mark, INK * 1.2)
    out += circle(cx, cy, r * 0.75, look.fill, mark, THIN)
    out += circle(cx, cy, r * 0.45, "none", WHITE, THIN)
    return out + circle(cx, cy, r * 0.2, "#c9c4ba", mark, THIN)


def statue(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 1.5)
    out = shadow(rect(cx - r, cy - r, 2 * r, 2 * r, "#000"))
    out += rect(cx - r, cy - r, 2 * r, 2 * r, look.fill, mark, INK)
    return out + circle(cx, cy, r * 0.5, mark)


def structure(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A generic built thing: a stone block, cross-braced."""
    out = shadow(rect(1, 1, w - 2, h - 2, "#000"))
    out += rect(1, 1, w - 2, h - 2, look.fill, mark, INK * 1.3)
    return out + lines([(1, 1, w - 1, h - 1), (w - 1, 1, 1, h - 1)], mark, THIN)


def stall(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A market stall: a striped awning."""

    def draw(long: float, short: float) -> str:
        out = shadow(rect(1, 1, long - 2, short - 2, "#000"))
        out += rect(1, 1, long - 2, short - 2, look.fill, mark, INK)
        step = (long - 2) / 6
        out += "".join(rect(1 + k * step, 1, step, short - 2, mark) for k in range(0, 6, 2))
        return out + rect(1, 1, long - 2, short - 2, "none", darker(mark, 0.4), INK)

    return turned(w, h, draw)


def grave(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx = w / 2
    out = path(
        f"M{num(cx - 4)},{num(h - 2)}V{num(6)}A4,4 0 0 1 {num(cx + 4)},6V{num(h - 2)}Z",
        look.fill,
        mark,
        INK,
    )
    return out + lines([(cx, 4.5, cx, 10.5), (cx - 2.2, 6.5, cx + 2.2, 6.5)], mark, THIN)


def cart(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    def draw(long: float, short: float) -> str:
        out = rect(long * 0.15, 2.5, long * 0.65, short - 5, look.fill, mark, INK)
        out += rect(long * 0.3, 0.8, 3.5, 2.5, "#3a2a1e") + rect(
            long * 0.3, short - 3.3, 3.5, 2.5, "#3a2a1e"
        )
        out += line(long * 0.8, short / 2, long - 1, short / 2, mark, 1.2)
        return out + lines(
            [(long * 0.15 + x, 3, long * 0.15 + x, short - 3) for x in (long * 0.2, long * 0.4)],
            darker(look.fill, 0.3),
            THIN,
        )

    return turned(w, h, draw)


def scarecrow(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 1.5)
    out = lines([(cx - r, cy, cx + r, cy), (cx, cy - r, cx, cy + r)], mark, 1.6)
    return out + circle(cx, cy, r * 0.4, look.fill, mark, THIN)


def fire(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A fire: a ring of stones (a campfire) or logs (a bonfire), a flame in the middle."""
    cx, cy, r = centre(w, h, 1)
    out = ""
    for k in range(8 if look.extra != "big" else 10):
        a = k * 2 * math.pi / (8 if look.extra != "big" else 10)
        out += circle(
            cx + r * 0.8 * math.cos(a),
            cy + r * 0.8 * math.sin(a),
            r * 0.2,
            "#8c857a",
            "#4f4c48",
            THIN * 0.5,
        )
    flame = []
    for k in range(14):
        a = k * math.pi / 7
        rr = r * (0.62 if k % 2 == 0 else 0.32)
        flame.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    out += poly(flame, mark, darker(mark, 0.3), THIN * 0.6)
    return out + circle(cx, cy, r * 0.22, look.fill)


def signpost(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy = w / 2, h / 2
    out = poly(
        [(2, cy - 3), (w - 5, cy - 3), (w - 2, cy), (w - 5, cy + 3), (2, cy + 3)],
        look.fill,
        mark,
        THIN,
    )
    return out + circle(cx, cy, 1.3, mark)


def cave(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A rocky mound with a dark mouth."""
    out = path(
        f"M1,{num(h - 1)}Q{num(w * 0.1)},2 {num(w * 0.5)},1.5Q{num(w * 0.9)},2 {num(w - 1)},"
        f"{num(h - 1)}Z",
        look.fill,
        mark,
        INK,
    )
    return out + path(
        f"M{num(w * 0.32)},{num(h - 1)}Q{num(w * 0.32)},{num(h * 0.35)} {num(w * 0.5)},"
        f"{num(h * 0.35)}Q{num(w * 0.68)},{num(h * 0.35)} {num(w * 0.68)},{num(h - 1)}Z",
        "#2a2623",
    )


def waterfall(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = rect(1, 1, w - 2, h - 2, look.fill, mark, INK, 2)
    streaks = [(x, 2, x, h - 2) for x in (w * 0.3, w * 0.5, w * 0.7)]
    return out + lines(streaks, WHITE, 1.2) + ellipse(w / 2, h - 3, w * 0.35, 1.6, WHITE)


def ruin(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    t = 2.6
    out = path(f"M1,{num(h * 0.6)}V1H{num(w * 0.55)}", "none", mark, t + 1.6)
    out += path(f"M1,{num(h * 0.6)}V1H{num(w * 0.55)}", "none", look.fill, t)
    out += path(f"M{num(w - 1)},{num(h * 0.35)}V{num(h - 1)}H{num(w * 0.6)}", "none", mark, t + 1.6)
    out += path(f"M{num(w - 1)},{num(h * 0.35)}V{num(h - 1)}H{num(w * 0.6)}", "none", look.fill, t)
    return out + "".join(
        rect(x, y, 2, 2, look.fill, mark, THIN)
        for x, y in ((w * 0.3, h * 0.55), (w * 0.45, h * 0.7))
    )


def beehive(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 1.8)
    out = circle(cx, cy, r, look.fill, mark, INK)
    return out + circle(cx, cy, r * 0.6, "none", mark, THIN) + circle(cx, cy, r * 0.22, mark)


def umbrella(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 0.8)
    out = circle(cx, cy, r, look.fill, mark, INK)
    for k in range(0, 8, 2):
        a1, a2 = k * math.pi / 4, (k + 1) * math.pi / 4
        out += path(
            f"M{num(cx)},{num(cy)}L{num(cx + r * math.cos(a1))},"
            f"{num(cy + r * math.sin(a1))}A{num(r)},{num(r)} 0 0 1 "
            f"{num(cx + r * math.cos(a2))},{num(cy + r * math.sin(a2))}Z",
            mark,
        )
    return out


def sandcastle(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = rect(w * 0.2, h * 0.2, w * 0.6, h * 0.6, look.fill, mark, INK)
    return out + "".join(
        rect(x - 1.5, y - 1.5, 3, 3, darker(look.fill, 0.1), mark, THIN)
        for x, y in ((w * 0.2, h * 0.2), (w * 0.8, h * 0.2), (w * 0.2, h * 0.8), (w * 0.8, h * 0.8))
    )


def shell(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 3.5)
    out = path(
        f"M{num(cx)},{num(cy + r)}L{num(cx - r)},{num(cy - r * 0.2)}A{num(r)},{num(r)} 0 0 1"
        f" {num(cx + r)},{num(cy - r * 0.2)}Z",
        look.fill,
        mark,
        INK,
    )
    return out + lines(
        [
            (cx, cy + r, cx, cy - r),
            (cx, cy + r, cx - r * 0.6, cy - r * 0.7),
            (cx, cy + r, cx + r * 0.6, cy - r * 0.7),
        ],
        mark,
        THIN * 0.6,
    )


def net(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    segs = [(x, 1.5, x, h - 1.5) for x in steps(1, w - 1, 3)]
    segs += [(1.5, y, w - 1.5, y) for y in steps(1, h - 1, 3)]
    return rect(1.5, 1.5, w - 3, h - 3, "none", mark, THIN) + lines(segs, mark, THIN * 0.6)


def boat(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A hull pointed at the bow, with thwarts."""

    def draw(long: float, short: float) -> str:
        hull = (
            f"M1.5,{num(short * 0.25)}H{num(long * 0.6)}Q{num(long - 1)},{num(short * 0.3)}"
            f" {num(long - 1)},{num(short / 2)}Q{num(long - 1)},{num(short * 0.7)}"
            f" {num(long * 0.6)},{num(short * 0.75)}H1.5Z"
        )
        out = path(hull, mark, darker(mark, 0.4), INK)
        inner = (
            f"M3.5,{num(short * 0.36)}H{num(long * 0.58)}Q{num(long - 3.5)},"
            f"{num(short * 0.4)} {num(long - 3.5)},{num(short / 2)}Q{num(long - 3.5)},"
            f"{num(short * 0.6)} {num(long * 0.58)},{num(short * 0.64)}H3.5Z"
        )
        out += path(inner, look.fill)
        return out + lines(
            [(x, short * 0.36, x, short * 0.64) for x in (long * 0.3, long * 0.55)], mark, THIN
        )

    return turned(w, h, draw)


def ship(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    def draw(long: float, short: float) -> str:
        out = boat(long, short, look, mark, variant)
        sails = [
            (long * 0.3, short * 0.15, long * 0.3, short * 0.85),
            (long * 0.6, short * 0.2, long * 0.6, short * 0.8),
        ]
        out += "".join(
            ellipse(x1, short / 2, 2.2, (y2 - y1) / 2, look.extra, mark, THIN)
            for x1, y1, _, y2 in sails
        )
        return out

    return turned(w, h, draw)


def buoy(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 3)
    return circle(cx, cy, r, mark, darker(mark, 0.4), INK) + circle(cx, cy, r * 0.5, look.fill)


def pier(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = rect(1, 0.5, w - 2, h - 1, look.fill, mark, INK)
    planks: list[tuple[float, float, float, float]]
    if w >= h:
        planks = [(x, 1, x, h - 1) for x in steps(0.5, w - 0.5, 2.5)]
    else:
        planks = [(1, y, w - 1, y) for y in steps(0.5, h - 0.5, 2.5)]
    return out + lines(planks, darker(look.fill, 0.3), THIN * 0.7)


def wreck(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = boat(w, h, look._replace(fill=darker(look.fill, 0.2)), mark, variant)
    return out + lines(
        [(w * 0.3, h * 0.3, w * 0.55, h * 0.7), (w * 0.6, h * 0.25, w * 0.45, h * 0.75)],
        "#2a2623",
        1.2,
    )


def snowdrift(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    return ellipse(w / 2, h / 2, w / 2 - 1, h / 2 - 2, look.fill, mark, INK) + ellipse(
        w * 0.6, h * 0.6, w * 0.25, h * 0.15, "#dbe7f2"
    )


def snowman(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = centre(w, h, 1.5)
    out = circle(cx, cy + r * 0.2, r * 0.8, look.fill, mark, INK)
    out += circle(cx, cy - r * 0.15, r * 0.5, look.fill, mark, THIN)
    return out + circle(cx + r * 0.35, cy - r * 0.15, r * 0.15, "#e67e22")


def sled(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    def draw(long: float, short: float) -> str:
        out = lines([(1, 2, long - 2, 2), (1, short - 2, long - 2, short - 2)], "#3a3633", 1.3)
        return out + rect(2.5, 3.5, long - 6, short - 7, look.fill, mark, INK)

    return turned(w, h, draw)
