"""Legend swatches: each kind drawn small, the way it is drawn on the map."""

from domain.scene.render.svg_colour import lighter
from domain.scene.render.svg_geometry import CELL, num
from domain.scene.render.svg_looks import BANK, WATER
from domain.scene.render.svg_nodes import (
    Canvas,
    Item,
    Scene,
    area_paint,
    mark_of,
    room_paint,
    variant_of,
)

SIZE = 32.0


def swatch(canvas: Canvas, item: Item | None, scene: Scene) -> tuple[str, float]:
    """Markup in a square box at the origin, and the box's side."""
    if item is None:
        ground = scene.ground
        fill = canvas.texture(ground.texture, ground.fill)
        return _rect(f' fill="{fill}" stroke="#8a8275" stroke-width="1"'), SIZE
    look = item.look
    if item.form == "area":
        return _rect(area_paint(canvas, look)), SIZE
    if item.form == "room":
        return _rect(room_paint(canvas, look)), SIZE
    if item.form == "path":
        return _path_swatch(look.drawer, look.mark, look.fill, scene.modern), SIZE
    node = item.node
    variant = "" if look.drawer in ("door", "window") else variant_of(node, look, scene)
    ref = canvas.symbol(item.key, look, node.width, node.height, mark_of(node, look), variant)
    w, h = max(1, min(node.width, 256)), max(1, min(node.height, 256))
    side = max(w, h) * CELL
    x, y = (side - w * CELL) / 2, (side - h * CELL) / 2
    return f'<use href="#{ref}" x="{num(x)}" y="{num(y)}"/>', float(side)


def _rect(paint: str) -> str:
    return f'<rect x="2" y="2" width="28" height="28" rx="5"{paint}/>'


def _path_swatch(drawer: str, mark: str, fill: str, modern: bool) -> str:
    d = "M3,16H29"
    base = fill or lighter(mark, 0.6)
    edge, under_w, over_w, extra = mark, 13.0, 9.0, ""
    if drawer == "river":
        edge, base, under_w, over_w = BANK, WATER, 16.0, 12.0
    elif drawer == "road" and modern:
        edge, base = "#4a4d52", "#8e9196"
        extra = f'<path d="{d}" stroke="#ffffff" stroke-width="1" stroke-dasharray="4 4"/>'
    elif drawer == "wall":
        under_w, over_w = 9.0, 5.5
        extra = f'<path d="{d}" stroke="{mark}" stroke-width="5.5" stroke-dasharray="3 4"/>'
    elif drawer == "fence":
        return (
            f'<path d="{d}" stroke="{base}" stroke-width="1.6"/>'
            f'<path d="{d}" stroke="{mark}" stroke-width="3.4" stroke-dasharray="1.6 6"/>'
        )
    elif drawer == "bridge":
        extra = f'<path d="{d}" stroke="{mark}" stroke-width="8" stroke-dasharray="1.2 2.8"/>'
    return (
        f'<g fill="none"><path d="{d}" stroke="{edge}" stroke-width="{num(under_w)}"/>'
        f'<path d="{d}" stroke="{base}" stroke-width="{num(over_w)}"/>{extra}</g>'
    )
