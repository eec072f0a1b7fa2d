"""Symbols for furniture and fittings, drawn as outlines from above like a floor plan."""

from domain.scene.render.svg_colour import darker, lighter
from domain.scene.render.svg_draw import (
    INK,
    THIN,
    circle,
    ellipse,
    line,
    lines,
    path,
    poly,
    rect,
    steps,
    turned,
)
from domain.scene.render.svg_geometry import num
from domain.scene.render.svg_looks import Look

BOOKS = ("#8e2f25", "#2f5f9e", "#3f7a2e", "#7a5a06", "#5b3f8f")


def _box(w: float, h: float, look: Look, mark: str, rx: float = 0.8) -> str:
    return rect(1, 1, w - 2, h - 2, look.fill, mark, INK, rx)


def table(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    motif = look.extra
    if motif == "round" or (w == h and w > 16):
        return ellipse(w / 2, h / 2, w / 2 - 1, h / 2 - 1, look.fill, mark, INK) + ellipse(
            w / 2, h / 2, w / 2 - 3.5, h / 2 - 3.5, "none", darker(look.fill, 0.2), THIN
        )
    out = _box(w, h, look, mark)
    if motif == "planks":
        if w >= h:
            out += lines(
                [(2, y, w - 2, y) for y in steps(1, h - 1, 4)], darker(look.fill, 0.2), THIN * 0.6
            )
        else:
            out += lines(
                [(x, 2, x, h - 2) for x in steps(1, w - 1, 4)], darker(look.fill, 0.2), THIN * 0.6
            )
    elif motif in ("desk", "office"):
        out += rect(w * 0.2, h * 0.25, min(w, h) * 0.45, min(w, h) * 0.35, "#fbf8f0", mark, THIN)
        if motif == "office":
            out += rect(w * 0.6, h * 0.2, min(w, h) * 0.5, min(w, h) * 0.14, "#2f3338")
        else:
            out += circle(w * 0.75, h * 0.4, min(w, h) * 0.1, "#2a2623")
    elif motif == "knife":
        out += line(w * 0.3, h * 0.5, w * 0.7, h * 0.5, "#8c8680", 1.5)
        out += line(w * 0.62, h * 0.5, w * 0.72, h * 0.5, "#3a2a1e", 2)
    return out


def chair(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A seat with its back on the north side (armrests for a captain's chair)."""
    big = look.extra == "big"
    out = rect(2, 3, w - 4, h - 4.5, look.fill, mark, INK, 1)
    out += rect(1.5, 1, w - 3, 2.8, darker(look.fill, 0.2), mark, THIN, 0.8)
    if big:
        out += rect(1, 3, 2, h - 5, darker(look.fill, 0.2), mark, THIN)
        out += rect(w - 3, 3, 2, h - 5, darker(look.fill, 0.2), mark, THIN)
    return out


def stool(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    r = min(w, h) / 2 - 2.5
    return circle(w / 2, h / 2, r, look.fill, mark, INK) + circle(
        w / 2, h / 2, r * 0.45, "none", darker(look.fill, 0.25), THIN
    )


def bench(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    def draw(long: float, short: float) -> str:
        out = rect(1, short * 0.22, long - 2, short * 0.56, look.fill, mark, INK, 0.8)
        return out + line(2, short / 2, long - 2, short / 2, darker(look.fill, 0.3), THIN * 0.7)

    return turned(w, h, draw)


def pew(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    def draw(long: float, short: float) -> str:
        out = rect(1, 2, long - 2, short - 4, look.fill, mark, INK, 0.8)
        return out + rect(1, 2, long - 2, short * 0.25, darker(look.fill, 0.25), mark, THIN)

    return turned(w, h, draw)


def bed(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A frame, a pillow at the head, a blanket folded back."""

    def draw(long: float, short: float) -> str:
        out = rect(1, 1, long - 2, short - 2, look.fill, mark, INK, 1)
        head = min(long * 0.22, short * 0.8)
        out += rect(2.5, 2.5, head - 2, short - 5, "#fbf8f0", mark, THIN, 1.5)
        out += rect(
            head + 1.5, 1.5, long - head - 3, short - 3, look.extra, darker(look.extra), THIN, 0.8
        )
        out += rect(
            head + 1.5,
            1.5,
            (long - head) * 0.18,
            short - 3,
            lighter(look.extra, 0.35),
            darker(look.extra),
            THIN,
        )
        return out

    return turned(w, h, draw)


def crib(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = _box(w, h, look, mark)
    bars = [(x, 1.5, x, h - 1.5) for x in steps(1, w - 1, 3)]
    return out + lines(bars, mark, THIN * 0.5)


def sofa(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    def draw(long: float, short: float) -> str:
        arm = short * 0.3
        out = rect(1, 1, long - 2, short - 2, darker(look.fill, 0.15), mark, INK, 2)
        out += rect(1 + arm, 1 + arm, long - 2 - 2 * arm, short - 2 - arm, look.fill, mark, THIN, 1)
        return out + line(long / 2, 1 + arm, long / 2, short - 1, mark, THIN * 0.7)

    return turned(w, h, draw)


def cabinet(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = _box(w, h, look, mark, 0.5)
    motif, ink = look.extra, darker(look.fill, 0.4)
    if motif == "doors":
        if w >= h:
            out += line(w / 2, 1, w / 2, h - 1, mark, THIN)
            out += circle(w / 2 - 1.6, h / 2, 0.7, mark) + circle(w / 2 + 1.6, h / 2, 0.7, mark)
        else:
            out += line(1, h / 2, w - 1, h / 2, mark, THIN)
    elif motif in ("drawer", "drawers"):
        count = 1 if motif == "drawer" else max(2, int(max(w, h) / 8))
        if w >= h:
            out += lines([(x, 2, x, h - 2) for x in steps(1, w - 1, (w - 2) / count)], ink, THIN)
        else:
            out += lines([(2, y, w - 2, y) for y in steps(1, h - 1, (h - 2) / count)], ink, THIN)
        out += circle(w / 2, h / 2, 0.8, mark)
    elif motif == "vents":
        out += lines([(3, y, w - 3, y) for y in (h * 0.3, h * 0.42, h * 0.54)], ink, THIN)
    return out


def bookshelf(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    def draw(long: float, short: float) -> str:
        out = rect(1, 1, long - 2, short - 2, look.fill, mark, INK, 0.5)
        x, k = 2.2, 0
        while x < long - 3:
            wide = 1.6 + (k * 7 % 3) * 0.5
            out += rect(x, 2.2, wide, short - 4.4, BOOKS[k % len(BOOKS)])
            x += wide + 0.3
            k += 1
        return out

    return turned(w, h, draw)


def shelf(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    def draw(long: float, short: float) -> str:
        out = rect(1, 1, long - 2, short - 2, look.fill, mark, INK, 0.5)
        goods = [
            circle(x, short / 2, short * 0.18, BOOKS[k % 5])
            for k, x in enumerate(steps(1, long - 1, 4))
        ]
        return out + "".join(goods)

    return turned(w, h, draw)


def counter(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    def draw(long: float, short: float) -> str:
        out = rect(1, 1, long - 2, short - 2, look.fill, mark, INK, 0.8)
        out += line(2, short * 0.35, long - 2, short * 0.35, darker(look.fill, 0.25), THIN)
        if look.extra == "till":
            out += rect(long * 0.7, 2, short * 0.8, short - 4, "#3a3633", mark, THIN)
        elif look.extra == "bar":
            out += "".join(
                circle(x, short * 0.65, short * 0.13, "#e0b43a", mark, THIN * 0.5)
                for x in steps(1, long - 1, 10)
            )
        return out

    return turned(w, h, draw)


def rug(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = rect(1, 1, w - 2, h - 2, look.fill, mark, INK, 0.5)
    out += rect(3, 3, w - 6, h - 6, "none", look.extra, 1.2)
    cx, cy = w / 2, h / 2
    dx, dy = (w - 10) / 2, (h - 10) / 2
    if dx > 2 and dy > 2:
        out += poly(
            [(cx - dx, cy), (cx, cy - dy), (cx + dx, cy), (cx, cy + dy)], "none", look.extra, 1.0
        )
    return out


def panel(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A thing on a wall: a board, a screen, a mirror, a painting, a tapestry."""
    out = rect(1, 1, w - 2, h - 2, look.fill, mark, INK * 1.2, 0.4)
    motif = look.extra
    if motif == "weave":
        out += rect(2.5, 2.5, w - 5, h - 5, "none", "#e0b43a", THIN)
    elif motif == "board":
        out += lines(
            [(w * 0.2, h / 2, w * 0.45, h / 2), (w * 0.55, h / 2, w * 0.7, h / 2)],
            lighter(look.fill, 0.6) if look.fill != "#ffffff" else "#2f5f9e",
            THIN,
        )
    elif motif == "screen":
        out += rect(2.5, 2.5, w - 5, h - 5, lighter(look.fill, 0.3))
    elif motif == "frame":
        out += rect(2.5, 2.5, w - 5, h - 5, "#6f9a5a")
    return out


def window(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """Glass set in a wall; on the map's edge the pane reaches into the wall beyond."""
    wall = 7.0
    x: float
    y: float
    if variant in ("n", "s", "e", "w"):
        if variant == "n":
            x, y, ww, hh = 1, -wall, w - 2, wall + 2
        elif variant == "s":
            x, y, ww, hh = 1, h - 2, w - 2, wall + 2
        elif variant == "w":
            x, y, ww, hh = -wall, 1, wall + 2, h - 2
        else:
            x, y, ww, hh = w - 2, 1, wall + 2, h - 2
    else:
        x, y, ww, hh = 1, h * 0.3, w - 2, h * 0.4
    out = rect(x, y, ww, hh, look.fill, mark, INK)
    if ww >= hh:
        out += line(x, y + hh / 2, x + ww, y + hh / 2, mark, THIN)
    else:
        out += line(x + ww / 2, y, x + ww / 2, y + hh, mark, THIN)
    return out


def door(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """An opening in a wall with its door leaf; `variant` is the wall it sits in."""
    wall = 7.0
    side, _, floor = variant.partition("|")
    floor = floor or "#f8f5ee"
    if side in ("n", "s", "w", "e"):
        reach = {
            "n": (1, -wall - 0.5, w - 2, wall + 1),
            "s": (1, h - 0.5, w - 2, wall + 1),
            "w": (-wall - 0.5, 1, wall + 1, h - 2),
            "e": (w - 0.5, 1, wall + 1, h - 2),
        }[side]
        out = rect(*reach, floor)
        along = side in ("n", "s")
        edge_y = -wall / 2 if side == "n" else h + wall / 2
        edge_x = -wall / 2 if side == "w" else w + wall / 2
        if along:
            out += rect(1, edge_y - 1.5, w - 2, 3, look.fill, mark, THIN)
        else:
            out += rect(edge_x - 1.5, 1, 3, h - 2, look.fill, mark, THIN)
        return out
    out = rect(0, 0, w, h, floor) if floor != "none" else ""
    if side == "v":
        return out + rect(w / 2 - 2, 1, 4, h - 2, look.fill, mark, INK)
    return out + rect(1, h / 2 - 2, w - 2, 4, look.fill, mark, INK)


def fireplace(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    def draw(long: float, short: float) -> str:
        out = rect(1, 1, long - 2, short - 2, look.fill, mark, INK)
        out += rect(long * 0.25, 2, long * 0.5, short - 4, "#3a3633", mark, THIN)
        return out + ellipse(long / 2, short / 2, long * 0.16, short * 0.22, "#f08a3c")

    return turned(w, h, draw)


def bathtub(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = rect(1, 1, w - 2, h - 2, look.fill, mark, INK, 3)
    return out + rect(3, 3, w - 6, h - 6, "#cfe6f5", mark, THIN, 4)


def toilet(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = rect(3, 1, w - 6, h * 0.3, look.fill, mark, THIN)
    return out + ellipse(w / 2, h * 0.62, w * 0.3, h * 0.32, look.fill, mark, INK)


def sink(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = rect(1, 1, w - 2, h - 2, look.fill, mark, INK, 1)
    return out + ellipse(w / 2, h / 2, w / 2 - 3.5, h / 2 - 3, "#cfe6f5", mark, THIN)


def clock(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = w / 2, h / 2, min(w, h) / 2 - 2
    out = circle(cx, cy, r, look.fill, mark, INK)
    return out + lines([(cx, cy, cx, cy - r * 0.7), (cx, cy, cx + r * 0.5, cy)], mark, THIN)


def piano(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    def draw(long: float, short: float) -> str:
        out = rect(1, 1, long - 2, short - 2, look.fill, mark, INK, 2)
        out += rect(2, short - 5, long - 4, 3, "#fbf8f0", mark, THIN * 0.5)
        keys = [(x, short - 5, x, short - 3.4) for x in steps(2, long - 2, 2.2)]
        return out + lines(keys, "#1f1c1a", 1.0)

    return turned(w, h, draw)


def wheel(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = w / 2, h / 2, min(w, h) / 2 - 1.5
    out = circle(cx, cy, r, "none", mark, INK * 1.4)
    spokes = [
        (cx - r, cy, cx + r, cy),
        (cx, cy - r, cx, cy + r),
        (cx - r * 0.7, cy - r * 0.7, cx + r * 0.7, cy + r * 0.7),
    ]
    return out + lines(spokes, mark, THIN) + circle(cx, cy, 1.2, look.fill, mark, THIN)


def oven(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = _box(w, h, look, mark, 0.6)
    r = min(w, h) * 0.17
    return out + "".join(
        circle(x, y, r, "#3a3633", mark, THIN * 0.5)
        for x, y in (
            (w * 0.3, h * 0.35),
            (w * 0.7, h * 0.35),
            (w * 0.3, h * 0.68),
            (w * 0.7, h * 0.68),
        )
        if r > 1
    )


def stage(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = rect(1, 1, w - 2, h - 2, look.fill, mark, INK)
    out += lines(
        [(2, y, w - 2, y) for y in steps(1, h - 1, 3.5)], darker(look.fill, 0.2), THIN * 0.6
    )
    return out + line(1, h - 1.8, w - 1, h - 1.8, mark, 2.2)


def lectern(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = poly([(2, 3), (w - 2, 3), (w - 3, h - 2), (3, h - 2)], look.fill, mark, INK)
    return out + rect(w * 0.3, h * 0.35, w * 0.4, h * 0.3, "#fbf8f0", mark, THIN * 0.6)


def case(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = _box(w, h, look, mark, 0.5)
    items = [
        circle(x, h / 2, min(w, h) * 0.14, "#e0b43a", mark, THIN * 0.5)
        for x in steps(1, w - 1, max(4.0, w / 3))
    ]
    return out + "".join(items)


def rack(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    def draw(long: float, short: float) -> str:
        out = rect(1, short * 0.3, long - 2, short * 0.4, look.fill, mark, INK)
        blades = [(x, 1, x, short - 1) for x in steps(1, long - 1, 3.2)]
        return out + lines(blades, "#5e5954", 1.1)

    return turned(w, h, draw)


def cubicle(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """Partitions on three sides, open to the south."""
    d = f"M1.5,{num(h - 1.5)}V1.5H{num(w - 1.5)}V{num(h - 1.5)}"
    out = rect(1, 1, w - 2, h - 2, lighter(look.fill, 0.6))
    out += path(d, "none", mark, 2.4)
    return out + rect(w * 0.15, 3, w * 0.7, h * 0.3, look.fill, mark, THIN)


def throne(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = rect(1.5, 1, w - 3, h - 2.5, "#9a2a2a", mark, INK, 1)
    out += rect(1.5, 1, w - 3, h * 0.3, look.fill, mark, THIN)
    return out + rect(w * 0.3, h * 0.45, w * 0.4, h * 0.35, "#c0392b", mark, THIN * 0.6)
