"""Symbols for living things and rocks: tree crowns, palms, flowers, creatures as tokens."""

import math

from domain.scene.render.svg_colour import darker, lighter
from domain.scene.render.svg_draw import INK, THIN, circle, ellipse, line, lines, path, poly, text
from domain.scene.render.svg_geometry import num
from domain.scene.render.svg_looks import Look

WHITE = "#ffffff"


def _cloud(cx: float, cy: float, r: float, bumps: int, turn: float = 0.0) -> str:
    """A round, lumpy outline: a crown seen from above."""
    inner = r * 0.84
    parts = []
    for k in range(bumps + 1):
        a = turn + 2 * math.pi * k / bumps
        x, y = cx + inner * math.cos(a), cy + inner * math.sin(a)
        if k == 0:
            parts.append(f"M{num(x)},{num(y)}")
            continue
        m = turn + 2 * math.pi * (k - 0.5) / bumps
        qx, qy = cx + r * 1.22 * math.cos(m), cy + r * 1.22 * math.sin(m)
        parts.append(f"Q{num(qx)},{num(qy)} {num(x)},{num(y)}")
    return "".join(parts) + "Z"


def crown(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A tree crown with its shadow and a lit side."""
    cx, cy = w / 2, h / 2
    r = min(w, h) / 2 - 1.2
    bumps = 7 if min(w, h) < 40 else 11
    d = _cloud(cx, cy, r, bumps, 0.3)
    out = path(_cloud(cx + 1.6, cy + 1.6, r, bumps, 0.3), "#000", more='opacity=".2"')
    out += path(d, mark, darker(mark, 0.45), THIN)
    out += circle(cx - r * 0.3, cy - r * 0.3, r * 0.38, lighter(mark, 0.25), more='opacity=".8"')
    return out


def bush(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = w / 2, h / 2, min(w, h) / 2 - 3
    out = path(_cloud(cx, cy, r, 5, 0.8), mark, darker(mark, 0.45), THIN)
    return out + circle(cx - r * 0.25, cy - r * 0.25, r * 0.35, lighter(mark, 0.3))


def palm(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """Fronds radiating from the trunk."""
    cx, cy, r = w / 2, h / 2, min(w, h) / 2 - 0.3
    out = circle(cx + 1.4, cy + 1.4, r * 0.8, "#000", more='opacity=".15"')
    ink = darker(mark, 0.45)
    for k in range(6):
        a = 0.4 + k * math.pi / 3
        tx, ty = cx + r * math.cos(a), cy + r * math.sin(a)
        nx, ny = -math.sin(a) * r * 0.28, math.cos(a) * r * 0.28
        mx, my = cx + r * 0.5 * math.cos(a), cy + r * 0.5 * math.sin(a)
        out += path(
            f"M{num(cx)},{num(cy)}Q{num(mx + nx)},{num(my + ny)} {num(tx)},{num(ty)}"
            f"Q{num(mx - nx)},{num(my - ny)} {num(cx)},{num(cy)}Z",
            mark,
            ink,
            THIN * 0.7,
        )
    return out + circle(cx, cy, r * 0.18, look.fill, ink, THIN * 0.7)


def flower(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    out = ""
    for fx, fy, colour in ((0.3, 0.35, mark), (0.68, 0.4, look.fill), (0.45, 0.72, mark)):
        x, y = w * fx, h * fy
        out += circle(x, y, 2.4, colour, darker(colour, 0.4), THIN * 0.6)
        out += circle(x, y, 0.9, "#f6e27a" if colour == mark else "#9c2f6b")
    return out


def cactus(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A saguaro from above: a ribbed round body with two arms."""
    cx, cy, r = w / 2, h / 2, min(w, h) * 0.24
    ink = darker(mark, 0.45)
    out = ellipse(cx - r * 1.3, cy + r * 0.2, r * 0.7, r * 0.45, mark, ink, THIN)
    out += ellipse(cx + r * 1.3, cy - r * 0.3, r * 0.7, r * 0.45, mark, ink, THIN)
    out += circle(cx, cy, r, mark, ink, THIN)
    return out + lines(
        [(cx - r * 0.6, cy, cx + r * 0.6, cy), (cx, cy - r * 0.6, cx, cy + r * 0.6)],
        lighter(mark, 0.4),
        THIN * 0.6,
    )


def dead_tree(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = w / 2, h / 2, min(w, h) / 2 - 1
    segs = []
    for k in range(5):
        a = 0.5 + k * 2 * math.pi / 5
        ex, ey = cx + r * math.cos(a), cy + r * math.sin(a)
        segs.append((cx, cy, ex, ey))
        b = a + 0.6
        segs.append(
            (
                cx + r * 0.55 * math.cos(a),
                cy + r * 0.55 * math.sin(a),
                cx + r * 0.8 * math.cos(b),
                cy + r * 0.8 * math.sin(b),
            )
        )
    return lines(segs, mark, 1.2) + circle(cx, cy, r * 0.22, mark)


def reed(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, base = w / 2, h - 2
    segs = [(cx + dx, base, cx + dx * 2.2, 2 + abs(dx) * 0.8) for dx in (-3, -1, 1, 3)]
    out = lines(segs, mark, 0.9)
    return out + "".join(ellipse(x2, y2 + 1, 0.8, 1.6, "#6b4a2b") for _, _, x2, y2 in segs[1:3])


def lily(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = w / 2, h / 2, min(w, h) / 2 - 2
    d = (
        f"M{num(cx)},{num(cy)}L{num(cx + r)},{num(cy - r * 0.35)}"
        f"A{num(r)},{num(r)} 0 1 1 {num(cx + r * 0.35)},{num(cy - r)}Z"
    )
    return path(d, look.fill, mark, THIN) + circle(cx - r * 0.2, cy + r * 0.2, 1.2, "#f2a6c9")


def mushroom(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = w / 2, h / 2, min(w, h) / 2 - 2.5
    out = circle(cx, cy, r, mark, darker(mark, 0.45), THIN)
    return out + "".join(
        circle(cx + dx * r, cy + dy * r, r * 0.18, look.fill)
        for dx, dy in ((-0.35, -0.3), (0.35, -0.1), (-0.05, 0.4))
    )


def tumbleweed(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = w / 2, h / 2, min(w, h) / 2 - 2.5
    out = circle(cx, cy, r, "#e6d3a3", mark, THIN)
    segs = [
        (
            cx + r * math.cos(a) * 0.8,
            cy + r * math.sin(a) * 0.8,
            cx - r * math.cos(a + 0.7) * 0.8,
            cy - r * math.sin(a + 0.7) * 0.8,
        )
        for a in (0.0, 1.3, 2.6)
    ]
    return out + lines(segs, mark, THIN * 0.8)


def potted_plant(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = w / 2, h / 2, min(w, h) / 2 - 1.5
    out = circle(cx, cy, r * 0.55, look.fill, darker(look.fill, 0.4), THIN)
    for k in range(5):
        a = k * 2 * math.pi / 5 - 0.3
        out += ellipse(
            cx + r * 0.55 * math.cos(a),
            cy + r * 0.55 * math.sin(a),
            r * 0.42,
            r * 0.42,
            mark,
            darker(mark, 0.4),
            THIN * 0.6,
        )
    return out


def rock(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A boulder: an irregular outline with a lit facet."""
    pts_ = [
        (0.2, 0.3),
        (0.5, 0.12),
        (0.82, 0.25),
        (0.9, 0.62),
        (0.62, 0.88),
        (0.22, 0.8),
        (0.1, 0.55),
    ]
    outline = [(w * x, h * y) for x, y in pts_]
    out = poly([(x + 1.2, y + 1.2) for x, y in outline], "#000", more='opacity=".2"')
    out += poly(outline, mark, darker(mark, 0.4), THIN)
    return out + poly(
        [(w * 0.2, h * 0.3), (w * 0.5, h * 0.12), (w * 0.55, h * 0.45), (w * 0.3, h * 0.55)],
        look.fill,
    )


def cairn(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = w / 2, h / 2, min(w, h) / 2 - 1
    out = circle(cx, cy, r, look.fill, mark, THIN)
    out += circle(cx - r * 0.2, cy - r * 0.15, r * 0.55, lighter(look.fill, 0.2), mark, THIN)
    return out + circle(cx - r * 0.3, cy - r * 0.3, r * 0.25, lighter(look.fill, 0.4), mark, THIN)


def log(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    s = min(w, h)
    out = path(
        f"M{num(s / 2)},{num(2)}H{num(w - s / 2)}"
        f"A{num(s / 2 - 2)},{num(s / 2 - 2)} 0 0 1 {num(w - s / 2)},{num(h - 2)}"
        f"H{num(s / 2)}Z"
        if w >= h
        else f"M2,{num(s / 2)}V{num(h - s / 2)}H{num(w - 2)}V{num(s / 2)}Z",
        look.fill,
        mark,
        INK,
    )
    ex, ey = (s / 2 + 0.5, h / 2) if w >= h else (w / 2, s / 2 + 0.5)
    out += circle(ex, ey, s / 2 - 2.2, lighter(look.fill, 0.35), mark, THIN)
    return out + circle(ex, ey, s * 0.12, "none", mark, THIN * 0.6)


def haystack(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy, r = w / 2, h / 2, min(w, h) / 2 - 1.2
    out = circle(cx, cy, r, look.fill, mark, INK)
    return out + path(
        f"M{num(cx)},{num(cy)}m{num(r * 0.2)},0a{num(r * 0.2)},{num(r * 0.2)} 0 1 0"
        f" {num(-r * 0.4)},0a{num(r * 0.45)},{num(r * 0.45)} 0 1 0 {num(r * 0.9)},0",
        "none",
        mark,
        THIN * 0.8,
    )


# --- creatures: a coloured disc with a white rim and an emblem or a letter ----------------


def token(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    cx, cy = w / 2, h / 2
    r = min(w, h) / 2 - 1  # round whatever the footprint: a token, not a blob
    rx = ry = r
    ink = darker(mark, 0.5)
    out = ellipse(cx + 0.8, cy + 1.0, rx, ry, "#000", more='opacity=".22"')
    out += ellipse(cx, cy, rx, ry, mark, ink, INK)
    out += ellipse(cx, cy, rx - 1.4, ry - 1.4, "none", WHITE, 0.6, more='opacity=".7"')
    glyph = variant or look.extra
    emblem = _EMBLEMS.get(glyph)
    if emblem is not None:
        return out + emblem(cx, cy, r)
    letter = (glyph or "?")[:1]
    return out + text(cx, cy + r * 0.42, letter, r * 1.15, WHITE, 'font-weight="bold"')


def _person(cx: float, cy: float, r: float) -> str:
    out = circle(cx, cy - r * 0.3, r * 0.26, WHITE)
    return out + path(
        f"M{num(cx - r * 0.5)},{num(cy + r * 0.55)}C{num(cx - r * 0.5)},{num(cy - r * 0.05)}"
        f" {num(cx + r * 0.5)},{num(cy - r * 0.05)} {num(cx + r * 0.5)},{num(cy + r * 0.55)}Z",
        WHITE,
    )


def _guard(cx: float, cy: float, r: float) -> str:
    out = _person(cx - r * 0.12, cy, r * 0.9)
    return out + line(cx + r * 0.5, cy - r * 0.65, cx + r * 0.5, cy + r * 0.6, WHITE, 0.9)


def _wizard(cx: float, cy: float, r: float) -> str:
    hat = poly(
        [(cx - r * 0.45, cy - r * 0.1), (cx + r * 0.45, cy - r * 0.1), (cx, cy - r * 0.75)], WHITE
    )
    return hat + path(
        f"M{num(cx - r * 0.5)},{num(cy + r * 0.6)}L{num(cx)},{num(cy)}"
        f"L{num(cx + r * 0.5)},{num(cy + r * 0.6)}Z",
        WHITE,
    )


def _skull(cx: float, cy: float, r: float) -> str:
    out = circle(cx, cy - r * 0.1, r * 0.45, WHITE)
    out += path(
        f"M{num(cx - r * 0.25)},{num(cy + r * 0.2)}h{num(r * 0.5)}v{num(r * 0.35)}"
        f"h{num(-r * 0.5)}Z",
        WHITE,
    )
    eye = "#3b342c"
    return (
        out
        + circle(cx - r * 0.17, cy - r * 0.12, r * 0.12, eye)
        + circle(cx + r * 0.17, cy - r * 0.12, r * 0.12, eye)
    )


def _ghost(cx: float, cy: float, r: float) -> str:
    body = path(
        f"M{num(cx - r * 0.45)},{num(cy + r * 0.55)}V{num(cy - r * 0.1)}"
        f"A{num(r * 0.45)},{num(r * 0.45)} 0 0 1 {num(cx + r * 0.45)},{num(cy - r * 0.1)}"
        f"V{num(cy + r * 0.55)}l{num(-r * 0.3)},{num(-r * 0.2)}l{num(-r * 0.3)},{num(r * 0.2)}"
        f"l{num(-r * 0.3)},{num(-r * 0.2)}Z",
        WHITE,
    )
    return (
        body
        + circle(cx - r * 0.15, cy - r * 0.1, r * 0.09, "#3b342c")
        + circle(cx + r * 0.15, cy - r * 0.1, r * 0.09, "#3b342c")
    )


def _bird(cx: float, cy: float, r: float) -> str:
    return path(
        f"M{num(cx - r * 0.6)},{num(cy - r * 0.1)}Q{num(cx - r * 0.3)},{num(cy - r * 0.45)}"
        f" {num(cx)},{num(cy + r * 0.1)}Q{num(cx + r * 0.3)},{num(cy - r * 0.45)}"
        f" {num(cx + r * 0.6)},{num(cy - r * 0.1)}",
        "none",
        WHITE,
        r * 0.16,
    )


def _fish(cx: float, cy: float, r: float) -> str:
    return path(
        f"M{num(cx - r * 0.55)},{num(cy)}Q{num(cx)},{num(cy - r * 0.5)} {num(cx + r * 0.35)},"
        f"{num(cy)}Q{num(cx)},{num(cy + r * 0.5)} {num(cx - r * 0.55)},{num(cy)}Z"
        f"M{num(cx + r * 0.3)},{num(cy)}l{num(r * 0.3)},{num(-r * 0.25)}v{num(r * 0.5)}Z",
        WHITE,
    )


def _spider(cx: float, cy: float, r: float) -> str:
    legs = []
    for side in (-1, 1):
        for dy in (-0.45, -0.15, 0.15, 0.45):
            legs.append((cx, cy, cx + side * r * 0.7, cy + dy * r * 1.2))
    return lines(legs, WHITE, r * 0.09) + circle(cx, cy, r * 0.28, WHITE)


def _bat(cx: float, cy: float, r: float) -> str:
    return path(
        f"M{num(cx)},{num(cy - r * 0.15)}L{num(cx + r * 0.65)},{num(cy - r * 0.3)}"
        f"L{num(cx + r * 0.5)},{num(cy + r * 0.2)}L{num(cx + r * 0.2)},{num(cy + r * 0.05)}"
        f"L{num(cx)},{num(cy + r * 0.35)}L{num(cx - r * 0.2)},{num(cy + r * 0.05)}"
        f"L{num(cx - r * 0.5)},{num(cy + r * 0.2)}L{num(cx - r * 0.65)},{num(cy - r * 0.3)}Z",
        WHITE,
    )


def _robot(cx: float, cy: float, r: float) -> str:
    out = path(
        f"M{num(cx - r * 0.4)},{num(cy - r * 0.3)}h{num(r * 0.8)}v{num(r * 0.65)}h{num(-r * 0.8)}Z",
        WHITE,
    )
    out += line(cx, cy - r * 0.3, cx, cy - r * 0.62, WHITE, r * 0.09)
    eye = "#2f3a48"
    return out + circle(cx - r * 0.18, cy, r * 0.1, eye) + circle(cx + r * 0.18, cy, r * 0.1, eye)


def _dragon(cx: float, cy: float, r: float) -> str:
    wing = (
        f"M{num(cx)},{num(cy)}L{num(cx - r * 0.95)},{num(cy - r * 0.55)}"
        f"L{num(cx - r * 0.55)},{num(cy + r * 0.1)}L{num(cx - r * 0.85)},{num(cy + r * 0.35)}Z"
        f"M{num(cx)},{num(cy)}L{num(cx + r * 0.95)},{num(cy - r * 0.55)}"
        f"L{num(cx + r * 0.55)},{num(cy + r * 0.1)}L{num(cx + r * 0.85)},{num(cy + r * 0.35)}Z"
    )
    body = ellipse(cx, cy + r * 0.05, r * 0.2, r * 0.55, WHITE)
    return (
        path(wing, WHITE, more='opacity=".85"') + body + circle(cx, cy - r * 0.6, r * 0.16, WHITE)
    )


_EMBLEMS = {
    "person": _person,
    "guard": _guard,
    "wizard": _wizard,
    "skull": _skull,
    "ghost": _ghost,
    "bird": _bird,
    "fish": _fish,
    "spider": _spider,
    "bat": _bat,
    "robot": _robot,
    "dragon": _dragon,
}
