"""Each placed node as SVG: an area, a path (river, road, wall), a walled room or a symbol.

Every node is drawn as exactly one `<use>` carrying `data-id` (its id); a path's casing or a
hill's contours are extra `<use>`s of the same shape without it. Shapes, symbols and
textures go to `<defs>` once, under ids that start with the scene's prefix.
"""

from collections.abc import Callable
from typing import NamedTuple

from domain.scene import catalog
from domain.scene.model import Layout, PlacedNode
from domain.scene.render.svg_colour import darker, lighter
from domain.scene.render.svg_geometry import (
    CELL,
    escape,
    id_part,
    loop_path,
    num,
    region_loops,
    stable_hash,
)
from domain.scene.render.svg_looks import BANK, WATER, Look
from domain.scene.render.svg_style import FLOOR, Ground, ground_of, is_indoor, is_modern
from domain.scene.render.svg_symbols import symbol_body
from domain.scene.render.svg_textures import grid_pattern, pattern
from domain.scene.shapes import footprint_cells

AREA_DRAWERS = frozenset({"area", "water", "forest", "hill", "mountain", "island"})
WALL = 7.0  # an indoor map's wall, outside its cells
PATH_CELLS_IN_DETAIL = 8000  # beyond this many path cells, lines are simplified more


Stroke = tuple[str, str, str | None]  # presentation attributes, shape id, node id (or None)


class PathStrokes(NamedTuple):
    """A path's strokes by layer: edges and banks under every surface of its stage, marks
    (a road's centre line, a bridge's planks) over them. Strokes with the same attributes
    are written as one group, which keeps a map with many paths small."""

    under: tuple[Stroke, ...]
    over: tuple[Stroke, ...]
    marks: tuple[Stroke, ...] = ()


class Canvas:
    """The `<defs>` of one picture: each shape, symbol and texture once, in first-use order."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.defs: dict[str, str] = {}

    def define(self, local: str, build: Callable[[str], str]) -> str:
        full = self.prefix + local
        if full not in self.defs:
            self.defs[full] = build(full)
        return full

    def texture(self, texture: str, base: str) -> str:
        """`url(#...)` of a texture over `base`, or `base` itself when there is none."""
        if not texture:
            return base
        pid = self.define(f"t-{texture}-{base[1:]}", lambda full: pattern(full, texture, base))
        return f"url(#{pid})"

    def grid(self, base: str) -> str:
        pid = self.define(f"t-grid-{base[1:]}", lambda full: grid_pattern(full, base))
        return f"url(#{pid})"

    def symbol(self, key: str, look: Look, w: int, h: int, mark: str, variant: str) -> str:
        w, h = max(1, min(w, 256)), max(1, min(h, 256))  # a footprint is never empty
        tag = f"{key}-{w}x{h}"
        if mark != look.mark:
            tag += f"-{look.variants.index(mark) if mark in look.variants else 0}"
        if variant:
            tag += "-" + id_part(variant.replace("|", "_").replace("#", ""))
        body = symbol_body(look, float(w * CELL), float(h * CELL), mark, variant)
        return self.define(
            tag, lambda full: f'<symbol id="{full}" overflow="visible">{body}</symbol>'
        )

    def shape(self, node: PlacedNode, markup: Callable[[str], str]) -> str:
        return self.define("g-" + id_part(node.id), markup)


class Scene(NamedTuple):
    """What every node's drawing needs to know about the whole picture."""

    layout: Layout
    ground: Ground
    indoor: bool
    modern: bool
    rects: dict[str, tuple[int, int, int, int]]
    hosts: frozenset[str]
    coarse: float  # above 1 on maps crowded with paths: lines keep less detail

    @classmethod
    def of(cls, layout: Layout) -> "Scene":
        rects = {n.id: (n.x, n.y, n.width, n.height) for n in layout.nodes}
        hosts = frozenset(n.parent for n in layout.nodes if n.parent is not None)
        path_cells = sum(len(n.path) for n in layout.nodes if n.path is not None)
        coarse = max(1.0, (path_cells / PATH_CELLS_IN_DETAIL) ** 0.5)
        return cls(
            layout,
            ground_of(layout.place),
            is_indoor(layout.place),
            is_modern(layout.place),
            rects,
            hosts,
            coarse,
        )


class Item(NamedTuple):
    """One node with how it is drawn and where it falls in the drawing order."""

    order: int  # the node's place in the layout
    node: PlacedNode
    look: Look
    key: str
    form: str  # "area", "path", "room" or "box"
    stage: int


def mark_of(node: PlacedNode, look: Look) -> str:
    if not look.variants:
        return look.mark
    return look.variants[stable_hash(node.id) % len(look.variants)]


def is_room(node: PlacedNode, look: Look, scene: Scene) -> bool:
    if look.drawer == "room":
        return node.width > 2 and node.height > 2
    kind = catalog.KIND_BY_NAME.get(node.kind)
    walled = kind is not None and kind.container == "walled"
    return walled and node.id in scene.hosts and node.width > 2 and node.height > 2


def use(ref: str, attrs: str, node: PlacedNode | None = None) -> str:
    data = f' data-id="{escape(node.id)}"' if node is not None else ""
    return f'<use href="#{ref}"{attrs}{data}/>'


def draw_area(canvas: Canvas, node: PlacedNode, look: Look) -> str:
    kind = catalog.KIND_BY_NAME.get(node.kind)
    organic = kind.round if kind is not None else look.drawer in ("water", "hill", "mountain")
    cells = footprint_cells(node.x, node.y, node.width, node.height, organic)
    d = loop_path(region_loops(cells), smooth=organic)
    ref = canvas.shape(node, lambda full: f'<path id="{full}" d="{d}"/>')
    drawer = look.drawer
    main = area_paint(canvas, look)
    out = use(ref, main, node)
    cx, cy = (node.x + node.width / 2) * CELL, (node.y + node.height / 2) * CELL
    if drawer == "island":
        out += use(ref, f' transform="{_scaled(0.84, cx, cy)}" fill="{look.fill}"')
    elif drawer == "hill":
        for s in (0.66, 0.33):
            out += use(
                ref,
                f' transform="{_scaled(s, cx, cy)}" fill="none" '
                f'stroke="{lighter(look.mark, 0.25)}" stroke-width="{num(1.1 / s)}"',
            )
    elif drawer == "mountain":
        for s, shade in ((0.66, 0.35), (0.36, 0.65)):
            out += use(
                ref,
                f' transform="{_scaled(s, cx, cy)}" fill="{lighter(look.fill, shade)}"'
                f' stroke="{look.mark}" stroke-width="{num(1.1 / s)}"',
            )
    return out


def draw_water(canvas: Canvas, node: PlacedNode, look: Look) -> PathStrokes:
    """A lake, a pond, the sea: drawn with the rivers, every bank before any water, so
    water bodies that touch merge into one."""
    kind = catalog.KIND_BY_NAME.get(node.kind)
    organic = kind.round if kind is not None else True
    cells = footprint_cells(node.x, node.y, node.width, node.height, organic)
    d = loop_path(region_loops(cells), smooth=organic)
    ref = canvas.shape(node, lambda full: f'<path id="{full}" d="{d}"/>')
    bank = (f' fill="none" stroke="{BANK}" stroke-width="4.4"', ref, None)
    return PathStrokes((bank,), ((f' fill="{canvas.texture("waves", WATER)}"', ref, node.id),))


def area_paint(canvas: Canvas, look: Look) -> str:
    """The fill and edge of an area."""
    drawer = look.drawer
    if drawer == "water":
        return f' fill="{canvas.texture("waves", WATER)}" stroke="{BANK}" stroke-width="2.2"'
    if drawer == "forest":
        return (
            f' fill="{canvas.texture("crowns", look.fill)}" stroke="{look.mark}" stroke-width="1.8"'
        )
    if drawer == "island":
        return f' fill="{look.extra}" stroke="{look.mark}" stroke-width="1.6"'
    if drawer == "mountain":
        return (
            f' fill="{canvas.texture("peaks", look.fill)}" stroke="{look.mark}" stroke-width="1.6"'
        )
    dash = ' stroke-dasharray="5 3"' if look.dashed else ""
    fill = canvas.texture(look.extra, look.fill) if drawer == "area" else look.fill
    return f' fill="{fill}" stroke="{look.mark}" stroke-width="1.5"{dash}'


def _scaled(s: float, cx: float, cy: float) -> str:
    return f"matrix({s} 0 0 {s} {num(cx * (1 - s))} {num(cy * (1 - s))})"


def draw_room(canvas: Canvas, node: PlacedNode, look: Look, scene: Scene) -> str:
    """Walls along the middle of the border cells around a floor: a dungeon room, or a
    building shown cut open because something stands inside it."""
    x, y = (node.x + 0.5) * CELL, (node.y + 0.5) * CELL
    w, h = (node.width - 1) * CELL, (node.height - 1) * CELL
    ref = canvas.shape(
        node,
        lambda full: (
            f'<rect id="{full}" x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}"/>'
        ),
    )
    return use(ref, room_paint(canvas, look), node)


def room_paint(canvas: Canvas, look: Look) -> str:
    if look.drawer == "room":
        floor, wall, width = canvas.grid(FLOOR), look.mark, 5.0
    else:
        floor, wall, width = canvas.texture("planks", "#f1e6cf"), darker(look.mark, 0.35), 4.0
    return f' fill="{floor}" stroke="{wall}" stroke-width="{num(width)}" stroke-linejoin="miter"'


def draw_box(canvas: Canvas, node: PlacedNode, look: Look, key: str, scene: Scene) -> str:
    variant = variant_of(node, look, scene)
    ref = canvas.symbol(key, look, node.width, node.height, mark_of(node, look), variant)
    return use(ref, f' x="{node.x * CELL}" y="{node.y * CELL}"', node)


def variant_of(node: PlacedNode, look: Look, scene: Scene) -> str:
    """What a symbol needs beyond its look and size: a token's letter, a door's wall."""
    if look.drawer == "token" and not look.extra:
        return (node.kind[:1] or "?").upper()
    if look.drawer not in ("door", "window"):
        return ""
    layout = scene.layout
    if scene.indoor:
        if node.y == 0:
            side = "n"
        elif node.y + node.height >= layout.height:
            side = "s"
        elif node.x == 0:
            side = "w"
        elif node.x + node.width >= layout.width:
            side = "e"
        else:
            side = ""
        if side:
            return side if look.drawer == "window" else f"{side}|{scene.ground.fill}"
    if look.drawer == "window":
        return ""
    rect = scene.rects.get(node.parent or "")
    if rect is None:
        return "h|none"  # a door standing free: no wall to open
    side = "v" if node.x in (rect[0], rect[0] + rect[2] - 1) else "h"
    floor = FLOOR if not scene.indoor else scene.ground.fill
    return f"{side}|{floor}"


def draw_walls(scene: Scene) -> str:
    """An indoor map's walls, just outside its cells."""
    w, h = scene.layout.width * CELL, scene.layout.height * CELL
    return (
        f'<rect x="{num(-WALL / 2)}" y="{num(-WALL / 2)}" width="{num(w + WALL)}" '
        f'height="{num(h + WALL)}" fill="none" stroke="#3b3530" stroke-width="{num(WALL)}"/>'
    )
