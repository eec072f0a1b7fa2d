"""Paths as SVG: roads with edges, rivers with banks, bridges, walls, fences, corridors.

A path is drawn as a line along its cells, stroked twice: its edge (a road's verge, a
river's bank, a corridor's walls) and over it its surface. The edges of every path of a
stage are drawn before any surface, so crossing roads and joining rivers merge.
"""

from domain.scene.model import PlacedNode
from domain.scene.render.svg_colour import darker, lighter
from domain.scene.render.svg_geometry import CELL, loop_path, num, region_loops
from domain.scene.render.svg_lines import (
    band_centre,
    chain_path,
    is_chain,
    polyline_path,
    smooth_line,
)
from domain.scene.render.svg_looks import BANK, WATER, Look
from domain.scene.render.svg_nodes import Canvas, PathStrokes, Scene, Stroke
from domain.scene.render.svg_style import FLOOR

PATH_DRAWERS = frozenset({"road", "river", "bridge", "wall", "fence", "corridor", "sidewalk"})
# surface width short of the cells' width, and the edge's extra width, for a path one cell wide
_WIDTHS = {
    "road": (3.5, 3.0),
    "river": (3.0, 4.0),
    "bridge": (2.0, 4.0),
    "sidewalk": (4.0, 2.0),
    "generic": (7.0, 3.0),
}
ASPHALT, ASPHALT_EDGE = "#8e9196", "#4a4d52"


def draw_path(canvas: Canvas, node: PlacedNode, look: Look, scene: Scene) -> PathStrokes:
    cells = node.path or ()
    drawer = look.drawer if look.drawer in PATH_DRAWERS else "generic"
    layout = scene.layout
    thickness = 1
    if is_chain(cells):
        straight = drawer == "corridor"
        d = (
            polyline_path(cells)
            if straight
            else chain_path(cells, layout.width, layout.height, scene.coarse)
        )
    else:
        band = band_centre(cells, node.height >= node.width)
        if band is None:
            return _outline(canvas, node, look, drawer, scene)
        points, ends, thickness = band
        scaled = [(x * CELL, y * CELL) for x, y in points]
        if drawer == "corridor":
            d = "M" + "L".join(f"{num(x)},{num(y)}" for x, y in scaled)
        else:
            d = smooth_line(scaled, ends[0], ends[1], layout.width, layout.height, scene.coarse)
    ref = canvas.shape(node, lambda full: f'<path id="{full}" d="{d}"/>')
    return _strokes(canvas, ref, node, look, drawer, scene, thickness)


def _strokes(
    canvas: Canvas,
    ref: str,
    node: PlacedNode,
    look: Look,
    drawer: str,
    scene: Scene,
    thickness: int,
) -> PathStrokes:
    span = CELL * thickness
    if drawer == "corridor":
        square = ' fill="none" stroke-linecap="square" stroke-linejoin="miter"'
        walls = f'{square} stroke="{look.mark}" stroke-width="{num(span + 5)}"'
        floor = f'{square} stroke="{canvas.grid(FLOOR)}" stroke-width="{span}"'
        return PathStrokes(((walls, ref, None),), ((floor, ref, node.id),))
    if drawer == "fence":
        rail = f' fill="none" stroke="{look.fill}" stroke-width="1.6"'
        return PathStrokes((), ((rail, ref, node.id),), (_dashes(ref, look.mark, 3.4, "1.6 6"),))
    base, edge = look.fill or lighter(look.mark, 0.6), look.mark
    if drawer == "wall":
        under_w, over_w = 9.0 * thickness, 5.5 * thickness
    else:
        inset, extra = _WIDTHS.get(drawer, _WIDTHS["generic"])
        over_w = span - inset
        under_w = over_w + extra
    if drawer == "road" and scene.modern:
        base, edge = ASPHALT, ASPHALT_EDGE
    if drawer == "river":
        base = canvas.texture("waves", WATER) if thickness > 1 else WATER
        edge = BANK
    cap = ' stroke-linecap="butt"' if drawer == "bridge" else ""
    under = f' fill="none" stroke="{edge}" stroke-width="{num(under_w)}"{cap}'
    over = f' fill="none" stroke="{base}" stroke-width="{num(over_w)}"{cap}'
    marks: tuple[Stroke, ...] = ()
    if drawer == "river" and thickness == 1:
        marks = (_dashes(ref, lighter(WATER, 0.5), 1.2, "7 13"),)
    elif drawer == "bridge":
        marks = (_dashes(ref, darker(base, 0.3), over_w - 1, "1.2 2.8"),)
    elif drawer == "wall":
        marks = (_dashes(ref, edge, over_w, "3 4"),)
    elif drawer == "road" and scene.modern:
        marks = (_dashes(ref, "#ffffff", 1.0, "6 6"),)
    return PathStrokes(((under, ref, None),), ((over, ref, node.id),), marks)


def _dashes(ref: str, colour: str, width: float, dash: str) -> Stroke:
    attrs = (
        f' fill="none" stroke="{colour}" stroke-width="{num(width)}" '
        f'stroke-dasharray="{dash}" stroke-linecap="butt"'
    )
    return attrs, ref, None


def _outline(
    canvas: Canvas, node: PlacedNode, look: Look, drawer: str, scene: Scene
) -> PathStrokes:
    """A path whose cells fold back on themselves: the outline of its cells, filled."""
    cells = node.path or ((node.x, node.y),)
    d = loop_path(region_loops(cells), drawer in ("river", "road"), scene.coarse)
    ref = canvas.shape(node, lambda full: f'<path id="{full}" d="{d}"/>')
    if drawer == "river":
        edge = f' fill="none" stroke="{BANK}" stroke-width="4"'
        surface = f' fill="{canvas.texture("waves", WATER)}"'
    elif drawer == "corridor":
        edge = f' fill="none" stroke="{look.mark}" stroke-width="5" stroke-linejoin="miter"'
        surface = f' fill="{canvas.grid(FLOOR)}"'
    else:
        base = look.fill or lighter(look.mark, 0.6)
        if drawer == "road" and scene.modern:
            base = ASPHALT
        edge = f' fill="none" stroke="{look.mark}" stroke-width="3"'
        surface = f' fill="{base}"'
    return PathStrokes(((edge, ref, None),), ((surface, ref, node.id),))
