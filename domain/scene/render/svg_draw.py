"""SVG primitives for the symbol library: each returns one element as text."""

from collections.abc import Callable, Sequence

from domain.scene.render.svg_geometry import num

INK = 1.1  # the usual outline width, in SVG units (a cell is 16)
THIN = 0.7


def _paint(fill: str, stroke: str, width: float, more: str) -> str:
    out = f' fill="{fill}"'
    if stroke:
        out += f' stroke="{stroke}" stroke-width="{num(width)}"'
    return out + (" " + more if more else "")


def rect(
    x: float,
    y: float,
    w: float,
    h: float,
    fill: str,
    stroke: str = "",
    width: float = INK,
    rx: float = 0.0,
    more: str = "",
) -> str:
    corner = f' rx="{num(rx)}"' if rx else ""
    return (
        f'<rect x="{num(x)}" y="{num(y)}" width="{num(max(w, 0.1))}" height="{num(max(h, 0.1))}"'
        f"{corner}{_paint(fill, stroke, width, more)}/>"
    )


def circle(
    cx: float, cy: float, r: float, fill: str, stroke: str = "", width: float = INK, more: str = ""
) -> str:
    return (
        f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(max(r, 0.1))}"'
        f"{_paint(fill, stroke, width, more)}/>"
    )


def ellipse(
    cx: float,
    cy: float,
    rx: float,
    ry: float,
    fill: str,
    stroke: str = "",
    width: float = INK,
    more: str = "",
) -> str:
    return (
        f'<ellipse cx="{num(cx)}" cy="{num(cy)}" rx="{num(max(rx, 0.1))}" ry="{num(max(ry, 0.1))}"'
        f"{_paint(fill, stroke, width, more)}/>"
    )


def path(d: str, fill: str = "none", stroke: str = "", width: float = INK, more: str = "") -> str:
    return f'<path d="{d}"{_paint(fill, stroke, width, more)}/>'


def pts(points: Sequence[tuple[float, float]]) -> str:
    return "L".join(f"{num(x)},{num(y)}" for x, y in points)


def poly(
    points: Sequence[tuple[float, float]],
    fill: str,
    stroke: str = "",
    width: float = INK,
    more: str = "",
) -> str:
    return path("M" + pts(points) + "Z", fill, stroke, width, more)


def line(
    x1: float, y1: float, x2: float, y2: float, stroke: str, width: float = INK, more: str = ""
) -> str:
    d = f"M{num(x1)},{num(y1)}L{num(x2)},{num(y2)}"
    return path(d, "none", stroke, width, more)


def lines(segments: Sequence[tuple[float, float, float, float]], stroke: str, width: float) -> str:
    """Several separate straight strokes as one path."""
    d = "".join(f"M{num(a)},{num(b)}L{num(c)},{num(e)}" for a, b, c, e in segments)
    return path(d, "none", stroke, width)


def text(x: float, y: float, body: str, size: float, fill: str, more: str = "") -> str:
    extra = " " + more if more else ""
    return (
        f'<text x="{num(x)}" y="{num(y)}" font-size="{num(size)}" fill="{fill}" '
        f'text-anchor="middle"{extra}>{body}</text>'
    )


def shadow(inner: str, dx: float = 1.2, dy: float = 1.2) -> str:
    """A soft drop shadow: the shape again, offset, dark and translucent."""
    return f'<g transform="translate({num(dx)},{num(dy)})" opacity=".18">{inner}</g>'


def turned(w: float, h: float, draw: Callable[[float, float], str]) -> str:
    """Draw a shape in a frame whose long side is x; turn it a quarter when the box is tall."""
    if w >= h:
        return draw(w, h)
    return f'<g transform="matrix(0 1 -1 0 {num(w)} 0)">{draw(h, w)}</g>'


def centre(w: float, h: float, inset: float = 1.5) -> tuple[float, float, float]:
    """The centre of a box and the radius of the circle fitting in it, less `inset`."""
    return w / 2, h / 2, min(w, h) / 2 - inset


def steps(start: float, stop: float, every: float) -> list[float]:
    """Evenly spaced positions strictly between `start` and `stop`, about `every` apart."""
    if every <= 0 or stop <= start:
        return []
    count = max(1, int((stop - start) / every))
    return [start + (stop - start) * k / count for k in range(1, count)]
