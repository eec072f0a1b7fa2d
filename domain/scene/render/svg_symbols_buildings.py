"""Symbols for buildings seen from above: pitched roofs, a church with its tower, a castle."""

from domain.scene.grid_walks import STEPS
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
    shadow,
    turned,
)
from domain.scene.render.svg_geometry import num
from domain.scene.render.svg_looks import Look

STONE = "#b9b2a4"


def roof(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A hipped roof: four faces lit from the north-west, the ridge along the long side."""
    ink = darker(mark, 0.5)
    body = _hip(0.5, 0.5, w - 1, h - 1, mark, ink)
    out = shadow(rect(0.5, 0.5, w - 1, h - 1, "#000")) + body
    s = min(w, h)
    motif = look.extra
    if motif == "chimney":
        out += rect(w * 0.68, h * 0.2, s * 0.16, s * 0.16, "#6b5a4e", ink, THIN)
    elif motif == "sign":
        out += rect(w / 2 - s * 0.18, h - s * 0.26, s * 0.36, s * 0.2, "#e0b43a", ink, THIN)
        out += circle(w / 2, h - s * 0.16, s * 0.05, ink)
    elif motif == "barn":
        out += rect(w / 2 - s * 0.12, h / 2 - s * 0.12, s * 0.24, s * 0.24, "#f1e6cf", ink, THIN)
    elif motif == "forge":
        cx, cy, r = w * 0.72, h * 0.28, s * 0.12
        out += rect(cx - r, cy - r, 2 * r, 2 * r, "#3a3633", ink, THIN)
        out += circle(cx, cy, r * 0.55, "#f08a3c")
    elif motif == "awning":
        band = max(2.5, s * 0.22)
        stripes = max(3, int(w / 5))
        step = (w - 1) / stripes
        out += rect(0.5, h - 0.5 - band, w - 1, band, "#f5efe2", ink, THIN)
        out += "".join(
            rect(0.5 + k * step, h - 0.5 - band, step, band, "#a3312a")
            for k in range(0, stripes, 2)
        )
    elif motif == "book":
        cx, cy, b = w / 2, h / 2, s * 0.2
        out += poly(
            [
                (cx - b, cy - b * 0.6),
                (cx, cy - b * 0.35),
                (cx, cy + b * 0.7),
                (cx - b, cy + b * 0.45),
            ],
            "#f5efe2",
            ink,
            THIN,
        )
        out += poly(
            [
                (cx + b, cy - b * 0.6),
                (cx, cy - b * 0.35),
                (cx, cy + b * 0.7),
                (cx + b, cy + b * 0.45),
            ],
            "#f5efe2",
            ink,
            THIN,
        )
    return out


def _hip(x: float, y: float, w: float, h: float, mark: str, ink: str) -> str:
    light, dark, mid = lighter(mark, 0.22), darker(mark, 0.18), mark
    x2, y2 = x + w, y + h
    if w >= h:
        m = h / 2
        a, b = (x + m, y + m), (x2 - m, y + m)
        faces = [
            ([(x, y), (x2, y), b, a], light),
            ([(x, y2), (x2, y2), b, a], dark),
            ([(x, y), a, (x, y2)], mid),
            ([(x2, y), b, (x2, y2)], mid),
        ]
    else:
        m = w / 2
        a, b = (x + m, y + m), (x + m, y2 - m)
        faces = [
            ([(x, y), (x, y2), b, a], light),
            ([(x2, y), (x2, y2), b, a], dark),
            ([(x, y), a, (x2, y)], mid),
            ([(x, y2), b, (x2, y2)], mid),
        ]
    out = "".join(poly(points, colour) for points, colour in faces)
    if w >= h:
        hips = [(x, y, *a), (x, y2, *a), (x2, y, *b), (x2, y2, *b)]
    else:
        hips = [(x, y, *a), (x2, y, *a), (x, y2, *b), (x2, y2, *b)]
    out += lines([*hips, (*a, *b)], ink, THIN)
    return out + rect(x, y, w, h, "none", ink, INK)


def flat_roof(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A modern flat roof: a dark parapet around a lighter deck with rooftop units."""
    s = min(w, h)
    out = shadow(rect(0.5, 0.5, w - 1, h - 1, "#000"), 3, 3)
    out += rect(0.5, 0.5, w - 1, h - 1, mark, darker(mark, 0.4), INK)
    out += rect(3, 3, w - 6, h - 6, lighter(mark, 0.45), darker(mark, 0.2), THIN)
    unit = max(3.0, s * 0.16)
    for ux, uy, uw in ((w * 0.2, h * 0.22, unit * 1.6), (w * 0.6, h * 0.55, unit)):
        out += rect(ux + 1, uy + 1, uw, unit, darker(mark, 0.3))
        out += rect(ux, uy, uw, unit, lighter(mark, 0.7), darker(mark, 0.3), THIN)
    if look.extra == "flag":
        fx, fy = w * 0.5, h * 0.3
        out += line(fx, fy, fx, fy + s * 0.4, "#2a2623", THIN)
        out += poly([(fx, fy), (fx + s * 0.25, fy + s * 0.08), (fx, fy + s * 0.16)], "#2f5f9e")
    return out


def church(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A nave with a crossing transept and an apse, a square west tower, a cross on the roof."""

    def draw(long: float, short: float) -> str:
        ink = darker(mark, 0.5)
        tower = short * 0.52
        ty = (short - tower) / 2
        nave_y, nave_h = short * 0.1, short * 0.8
        nave_x = tower * 0.8 + 1
        apse_r = nave_h * 0.42
        nave_w = long - 1 - nave_x - apse_r
        transept = long / short >= 1.6
        cross_x = nave_x + nave_w * (0.66 if transept else 0.5)
        tw = short * 0.32
        shapes = [
            rect(nave_x, nave_y, nave_w, nave_h, "#000"),
            circle(nave_x + nave_w, short / 2, apse_r, "#000"),
            rect(1, ty, tower, tower, "#000"),
        ]
        if transept:
            shapes.append(rect(cross_x - tw / 2, 0.5, tw, short - 1, "#000"))
        out = shadow("".join(shapes), 1.8, 1.8)
        out += circle(nave_x + nave_w, short / 2, apse_r, mark, ink)
        out += _gable(nave_x, nave_y, nave_w, nave_h, mark, ink, along_x=True)
        if transept:
            out += _gable(cross_x - tw / 2, 0.5, tw, short - 1, mark, ink, along_x=False)
        stone = "#77706a"
        out += _hip(1, ty, tower, tower, stone, darker(stone, 0.5))
        c = nave_h * (0.32 if transept else 0.38)
        cx, cy = cross_x, short / 2
        t, arm = c * 0.3, c * 0.55
        out += path(
            f"M{num(cx - t / 2)},{num(cy - c)}h{num(t)}v{num(c * 0.55)}h{num(arm)}"
            f"v{num(t)}h{num(-arm)}v{num(c * 1.45 - t)}h{num(-t)}"
            f"v{num(-(c * 1.45 - t))}h{num(-arm)}v{num(-t)}h{num(arm)}Z",
            look.fill,
            ink,
            THIN,
        )
        return out + circle(1 + tower / 2, short / 2, short * 0.05, "#f2e6b8")

    return turned(w, h, draw)


def _gable(x: float, y: float, w: float, h: float, mark: str, ink: str, along_x: bool) -> str:
    if along_x:
        out = rect(x, y, w, h / 2, lighter(mark, 0.22)) + rect(x, y + h / 2, w, h / 2, mark)
        out += line(x, y + h / 2, x + w, y + h / 2, ink, THIN)
    else:
        out = rect(x, y, w / 2, h, lighter(mark, 0.22)) + rect(x + w / 2, y, w / 2, h, mark)
        out += line(x + w / 2, y, x + w / 2, y + h, ink, THIN)
    return out + rect(x, y, w, h, "none", ink, INK)


def castle(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A curtain wall with corner towers around a courtyard and a keep."""
    s = min(w, h)
    t = max(2.5, s * 0.12)
    r = t * 1.25
    out = shadow(rect(r, r, w - 2 * r, h - 2 * r, "#000"))
    out += rect(r, r, w - 2 * r, h - 2 * r, look.fill, mark, t)
    out += rect(
        r,
        r,
        w - 2 * r,
        h - 2 * r,
        "none",
        lighter(mark, 0.5),
        t * 0.4,
        more=f'stroke-dasharray="{num(t * 0.6)} {num(t * 0.6)}"',
    )
    kw, kh = w * 0.34, h * 0.42
    out += _hip(w * 0.5 - kw / 2, h * 0.45 - kh / 2, kw, kh, mark, darker(mark, 0.5))
    gate = s * 0.16
    out += rect(
        w / 2 - gate / 2, h - r - t * 0.8, gate, t * 1.6, "#6b4a2b", darker(mark, 0.5), THIN
    )
    for cx, cy in ((r, r), (w - r, r), (r, h - r), (w - r, h - r)):
        out += circle(cx, cy, r, lighter(mark, 0.2), darker(mark, 0.4), INK)
        out += circle(cx, cy, r * 0.55, darker(mark, 0.1))
    return out


def tower(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A round stone tower: a crenellated ring around a conical roof."""
    cx, cy, r = w / 2, h / 2, min(w, h) / 2 - 0.6
    out = shadow(circle(cx, cy, r, "#000"))
    out += circle(cx, cy, r, look.fill, mark, INK * 1.4)
    out += circle(
        cx,
        cy,
        r * 0.8,
        "none",
        mark,
        r * 0.22,
        more=f'stroke-dasharray="{num(r * 0.3)} {num(r * 0.3)}"',
    )
    out += circle(cx, cy, r * 0.55, "#9a4a30", darker(mark, 0.3), THIN)
    spokes = [(cx, cy, cx + r * 0.55 * dx, cy + r * 0.55 * dy) for dx, dy in STEPS]
    return out + lines(spokes, darker("#9a4a30", 0.4), THIN * 0.8)


def watchtower(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A timber lookout: a braced square platform under a small roof."""
    out = shadow(rect(1, 1, w - 2, h - 2, "#000"))
    out += rect(1, 1, w - 2, h - 2, look.fill, mark, INK * 1.3)
    out += lines([(1, 1, w - 1, h - 1), (w - 1, 1, 1, h - 1)], mark, THIN)
    q = min(w, h) * 0.22
    return out + _hip(w / 2 - q, h / 2 - q, 2 * q, 2 * q, "#8a4b36", darker("#8a4b36", 0.5))


def windmill(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A round mill with four lattice sails."""
    cx, cy, s = w / 2, h / 2, min(w, h)
    out = shadow(circle(cx, cy, s * 0.3, "#000"))
    out += circle(cx, cy, s * 0.3, "#c9a06a", mark, INK)
    arm, half = s * 0.5, s * 0.09
    for dx, dy in ((0.94, 0.34), (-0.34, 0.94), (-0.94, -0.34), (0.34, -0.94)):
        nx, ny = -dy, dx
        tip = (cx + dx * arm, cy + dy * arm)
        out += poly(
            [
                (cx + dx * 3, cy + dy * 3),
                (cx + dx * 3 + nx * half * 2, cy + dy * 3 + ny * half * 2),
                (tip[0] + nx * half * 2, tip[1] + ny * half * 2),
                tip,
            ],
            look.fill,
            mark,
            THIN,
        )
    return out + circle(cx, cy, s * 0.07, mark)


def tent(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A canvas tent: a ridge and its two slopes, a door flap."""

    def draw(long: float, short: float) -> str:
        out = shadow(rect(1, 1, long - 2, short - 2, "#000"))
        out += rect(1, 1, long - 2, (short - 2) / 2, lighter(look.fill, 0.3))
        out += rect(1, short / 2, long - 2, (short - 2) / 2, look.fill)
        out += rect(1, 1, long - 2, short - 2, "none", mark, INK)
        out += line(1, short / 2, long - 1, short / 2, mark, THIN)
        return out + poly(
            [
                (long - 1, short / 2),
                (long - 1 - short * 0.3, short * 0.25),
                (long - 1 - short * 0.3, short * 0.75),
            ],
            darker(look.fill, 0.3),
            mark,
            THIN,
        )

    return turned(w, h, draw)


def igloo(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A snow dome with its block courses and an entrance tunnel."""
    cx, cy = w / 2, h / 2 - 1
    rx, ry = w / 2 - 1.5, h / 2 - 2
    out = ellipse(cx, cy, rx, ry, look.fill, mark, INK * 1.2)
    out += ellipse(cx, cy, rx * 0.62, ry * 0.62, "none", mark, THIN)
    out += ellipse(cx, cy, rx * 0.25, ry * 0.25, "none", mark, THIN)
    out += lines(
        [
            (cx - rx, cy, cx - rx * 0.62, cy),
            (cx + rx, cy, cx + rx * 0.62, cy),
            (cx, cy - ry, cx, cy - ry * 0.62),
        ],
        mark,
        THIN,
    )
    tw = min(w, h) * 0.3
    return out + rect(cx - tw / 2, cy + ry - 1, tw, h - (cy + ry), look.fill, mark, INK)


def pyramid(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A stepped stone pyramid: four faces lit from the north-west, meeting at the apex."""
    cx, cy = w / 2, h / 2
    out = shadow(rect(1, 1, w - 2, h - 2, "#000"), 2.5, 2.5)
    corners = [(1, 1), (w - 1, 1), (w - 1, h - 1), (1, h - 1)]
    shades = [lighter(look.fill, 0.3), darker(look.fill, 0.12), darker(look.fill, 0.25), look.fill]
    for k in range(4):
        out += poly([corners[k], corners[(k + 1) % 4], (cx, cy)], shades[k], mark, THIN)
    steps = [
        (1 + (cx - 1) * f, 1 + (cy - 1) * f, w - 1 - (cx - 1) * f, h - 1 - (cy - 1) * f)
        for f in (0.33, 0.66)
    ]
    for x1, y1, x2, y2 in steps:
        out += rect(x1, y1, x2 - x1, y2 - y1, "none", mark, THIN * 0.7)
    return out + rect(1, 1, w - 2, h - 2, "none", mark, INK)


def lighthouse(w: float, h: float, look: Look, mark: str, variant: str) -> str:
    """A striped round tower with its lamp and beams, a keeper's cottage at its foot."""
    s = min(w, h)
    cx, cy, r = w / 2, s / 2, s / 2 - 1
    out = ""
    if h > w * 1.2:
        out += _hip(2, s, w - 4, h - s - 1, "#8a4b36", darker("#8a4b36", 0.5))
    out += shadow(circle(cx, cy, r, "#000"))
    out += circle(cx, cy, r, look.fill, darker(mark, 0.3), INK)
    out += circle(cx, cy, r * 0.75, mark)
    out += circle(cx, cy, r * 0.5, look.fill)
    out += circle(cx, cy, r * 0.3, "#f6c945", darker(mark, 0.3), THIN)
    beams = [
        (cx, cy, cx + dx * r * 1.3, cy + dy * r * 1.3) for dx, dy in ((0.7, -0.7), (-0.7, -0.7))
    ]
    return out + lines(beams, "#e0a800", THIN)
