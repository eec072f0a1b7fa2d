"""The scene drawn as an SVG map: ground, things as symbols, labels, a legend, compass, scale.

Pure: standard library and msgspec, no I/O, no clock; the same layout gives the same bytes.
The picture is safe to inline in a web page: no script, no event attributes, no external
references (every `href` and `url()` points inside the document), user text escaped, and
every id starts with a prefix derived from the layout, so two maps on one page never mix.
"""

import zlib

import msgspec

from domain.scene import catalog
from domain.scene.model import Layout, PlacedNode
from domain.scene.render.svg_geometry import CELL, escape, num
from domain.scene.render.svg_labels import Label, LabelRequest, place_labels
from domain.scene.render.svg_looks import Look
from domain.scene.render.svg_nodes import (
    AREA_DRAWERS,
    WALL,
    Canvas,
    Item,
    PathStrokes,
    Scene,
    draw_area,
    draw_box,
    draw_room,
    draw_walls,
    draw_water,
    is_room,
)
from domain.scene.render.svg_panel import LegendEntry, panel
from domain.scene.render.svg_paths import draw_path
from domain.scene.render.svg_style import HALO, LABEL_TEXT, WATER_TEXT, look_of
from domain.scene.render.svg_swatches import swatch

MARGIN = 24
_UNNAMED = frozenset({"default", "auto", "ambient", "background"})
LARGE_CELLS = 20
MAX_REPEATED_LABELS = 3
MAX_DISPLAY_WIDTH = 1600


def render_svg(layout: Layout) -> str:
    """The layout as a standalone SVG document (UTF-8 text)."""
    scene = Scene.of(layout)
    prefix = _prefix(layout)
    canvas = Canvas(prefix)
    items = _items(layout, scene)
    width, height = layout.width * CELL, layout.height * CELL
    font = float(min(40, max(11, round(width / 100))))

    ground = scene.ground
    body = [
        f'<rect width="{width}" height="{height}" '
        f'fill="{canvas.texture(ground.texture, ground.fill)}"/>'
    ]
    if scene.indoor:
        body.append(draw_walls(scene))
    body.extend(_draw(canvas, items, scene))
    labels = place_labels(*_label_requests(items, font), float(width), float(height))

    counted = _counts(items)
    entries = []
    if all(item.node.kind != ground.name for item, _ in counted):
        entries.append(LegendEntry("", ground.name, 0, *swatch(canvas, None, scene)))
    for item, count in counted:
        name = item.node.kind.replace("_", " ")
        text = name if count == 1 else f"{name} \u00d7{count}"
        entries.append(LegendEntry(item.node.kind, text, count, *swatch(canvas, item, scene)))
    title = _place_name(layout.place)
    subtitle = f"{layout.width} \u00d7 {layout.height} cells \u00b7 seed {layout.seed}"
    side, panel_w, panel_h = panel(
        MARGIN * 2 + width, MARGIN, height, font, title, subtitle, entries
    )
    total_w = MARGIN * 3 + width + panel_w
    total_h = max(height, panel_h) + MARGIN * 2
    reach = WALL if scene.indoor else 0
    clip = canvas.define(
        "clip",
        lambda full: (
            f'<clipPath id="{full}"><rect x="{-reach}" y="{-reach}" width="{width + 2 * reach}" '
            f'height="{height + 2 * reach}"/></clipPath>'
        ),
    )
    shown_w = min(total_w, MAX_DISPLAY_WIDTH)
    out = [
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {num(total_w)} {num(total_h)}" width="{num(shown_w)}" '
        f'height="{num(total_h * shown_w / total_w)}" role="img" aria-labelledby="{prefix}title" '
        "font-family=\"Georgia,'DejaVu Serif',serif\">",
        f'<title id="{prefix}title">{escape(_summary(layout, items))}</title>',
        f"<defs>{''.join(canvas.defs.values())}</defs>",
        f'<rect width="{num(total_w)}" height="{num(total_h)}" fill="#f4f0e6"/>',
        f'<g transform="translate({MARGIN},{MARGIN})">',
        f'<g clip-path="url(#{clip})" stroke-linecap="round" stroke-linejoin="round">',
        *body,
        "</g>",
        _frame(width, height, scene.indoor),
        _labels_markup(labels, font),
        "</g>",
        side,
        "</svg>",
    ]
    return "".join(out) + "\n"


def _prefix(layout: Layout) -> str:
    """Ids unique to this layout (a checksum of it), so maps inlined side by side never mix."""
    try:
        data = msgspec.json.encode(layout)
    except UnicodeEncodeError:  # a lone surrogate from a command line's undecodable bytes
        data = repr(layout).encode("utf-8", "surrogatepass")
    return "s" + format(zlib.crc32(data), "08x")[:6] + "-"


def _items(layout: Layout, scene: Scene) -> list[Item]:
    standing = {r.subject for r in layout.relations if r.predicate == "on" and r.satisfied}
    depth = _depths(layout.nodes)
    items = []
    for index, node in enumerate(layout.nodes):
        look, key = look_of(node)
        if node.path is not None:
            form = "path"
        elif look.drawer in AREA_DRAWERS:
            form = "area"
        elif is_room(node, look, scene):
            form = "room"
        else:
            form = "box"
        stage = _stage(node, look, form, node.id in standing)
        items.append(Item(index, node, look, key, form, stage))
    items.sort(key=lambda it: (depth[it.order], it.stage, _sub(it), it.order))
    return items


def _depths(nodes: tuple[PlacedNode, ...]) -> list[int]:
    parent = {node.id: node.parent for node in nodes}
    out = []
    for node in nodes:
        depth, up = 0, node.parent
        while up is not None and depth < 64:
            depth, up = depth + 1, parent.get(up)
        out.append(depth)
    return out


def _stage(node: PlacedNode, look: Look, form: str, standing: bool) -> int:
    if "background" in node.tags:
        return 0
    if form == "area":
        return 2 if look.drawer == "water" else 1
    if form == "path":
        return {"river": 2, "bridge": 5, "wall": 6, "fence": 6}.get(look.drawer, 3)
    if form == "room":
        return 4
    if look.drawer in ("door", "window"):
        return 11
    if standing or node.layer == "actor":
        return 10
    kind = catalog.KIND_BY_NAME.get(node.kind)
    if node.layer == "terrain" or (kind is not None and kind.walkable):
        return 7
    return 8 if node.layer == "structure" else 9


def _sub(item: Item) -> int:
    return -(item.node.width * item.node.height) if item.form == "area" else 0


def _draw(canvas: Canvas, items: list[Item], scene: Scene) -> list[str]:
    """Each node in order; the paths (and waters) of one stage together, every edge before
    any surface, so crossing roads and joining rivers merge."""
    out: list[str] = []
    pending: list[PathStrokes] = []
    pending_stage = -1
    for item in items:
        grouped = item.form == "path" or (item.form == "area" and item.look.drawer == "water")
        if pending and (not grouped or item.stage != pending_stage):
            out.extend(_strokes(pending))
            pending = []
        if item.form == "path":
            pending.append(draw_path(canvas, item.node, item.look, scene))
            pending_stage = item.stage
        elif grouped:
            pending.append(draw_water(canvas, item.node, item.look))
            pending_stage = item.stage
        elif item.form == "area":
            out.append(draw_area(canvas, item.node, item.look))
        elif item.form == "room":
            out.append(draw_room(canvas, item.node, item.look, scene))
        else:
            out.append(draw_box(canvas, item.node, item.look, item.key, scene))
    out.extend(_strokes(pending))
    return out


def _strokes(pending: list[PathStrokes]) -> list[str]:
    """Edges, then surfaces, then marks; strokes alike written as one group of `<use>`s."""
    out: list[str] = []
    for layer in (0, 1, 2):  # under, over, marks
        groups: dict[str, list[str]] = {}
        for strokes in pending:
            for attrs, ref, node_id in strokes[layer]:
                data = f' data-id="{escape(node_id)}"' if node_id is not None else ""
                groups.setdefault(attrs, []).append(f'<use href="#{ref}"{data}/>')
        out.extend(f"<g{attrs}>{''.join(uses)}</g>" for attrs, uses in groups.items())
    return out


def _label_requests(
    items: list[Item], font: float
) -> tuple[list[LabelRequest], list[tuple[float, float, float, float]]]:
    obstacles: list[tuple[float, float, float, float]] = []
    owner: dict[int, int] = {}
    for item in items:
        if item.form == "box" and item.node.layer != "terrain":
            owner[item.order] = len(obstacles)
            obstacles.append(_box(item.node))
    texts: dict[str, int] = {}
    wanted = []
    for item in items:
        node = item.node
        generic = node.kind not in catalog.KIND_BY_NAME
        named = not _UNNAMED.intersection(node.tags)
        cells = node.width * node.height if node.path is None else len(node.path)
        large = (item.form == "area" and cells >= LARGE_CELLS) or (
            item.form == "path" and item.look.drawer == "river"
        )
        if generic or named or large:
            text = node.label or node.kind.replace("_", " ")
            wanted.append((item, text, generic, named, large))
            texts[text] = texts.get(text, 0) + 1
    requests = []
    first: set[str] = set()
    for item, text, generic, named, large in wanted:
        repeated = texts[text] > 1
        if texts[text] > MAX_REPEATED_LABELS and text in first and not generic:
            continue  # a big group: the legend counts it, one label names it
        if generic or (named and not repeated):
            tier = 0
        elif large:
            tier = 1
        else:
            tier = 2 if text not in first else 3
        first.add(text)
        style = "thing"
        if item.form in ("area", "path"):
            style = "water" if item.look.drawer in ("water", "river") else "place"
        size = font if style == "thing" else font * 1.15
        requests.append(
            LabelRequest(
                text,
                _box(item.node),
                tier,
                size,
                style,
                _along(item.node),
                repeated and tier >= 2,
                owner.get(item.order, -1),
            )
        )
    return requests, obstacles


def _box(node: PlacedNode) -> tuple[float, float, float, float]:
    return (
        node.x * CELL,
        node.y * CELL,
        (node.x + node.width) * CELL,
        (node.y + node.height) * CELL,
    )


def _along(node: PlacedNode) -> tuple[tuple[float, float], ...]:
    if not node.path:
        return ()
    cells = node.path
    return tuple(
        (
            (cells[int(f * (len(cells) - 1))][0] + 0.5) * CELL,
            (cells[int(f * (len(cells) - 1))][1] + 0.5) * CELL,
        )
        for f in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9)
    )


def _labels_markup(labels: list[Label], font: float) -> str:
    parts = [
        f'<g class="labels" text-anchor="middle" stroke="{HALO}" '
        f'stroke-width="{num(font * 0.3)}" stroke-linejoin="round" paint-order="stroke">'
    ]
    for label in labels:
        fill = WATER_TEXT if label.style == "water" else LABEL_TEXT
        italic = ' font-style="italic"' if label.style != "thing" else ""
        parts.append(
            f'<text x="{num(label.x)}" y="{num(label.y)}" font-size="{num(label.size)}"'
            f' fill="{fill}"{italic}>{escape(label.text)}</text>'
        )
    parts.append("</g>")
    return "".join(parts)


def _frame(width: int, height: int, indoor: bool) -> str:
    if indoor:
        return ""
    return (
        f'<rect x="-3" y="-3" width="{width + 6}" height="{height + 6}" fill="none" '
        f'stroke="#4f4a43" stroke-width="1.5"/><rect x="-7" y="-7" width="{width + 14}" '
        f'height="{height + 14}" fill="none" stroke="#4f4a43" stroke-width="0.8"/>'
    )


def _counts(items: list[Item]) -> list[tuple[Item, int]]:
    first: dict[str, Item] = {}
    counts: dict[str, int] = {}
    for item in sorted(items, key=lambda it: it.order):
        first.setdefault(item.node.kind, item)
        counts[item.node.kind] = counts.get(item.node.kind, 0) + 1
    return [(first[kind], counts[kind]) for kind in first]


def _place_name(place: str) -> str:
    return place.replace("_", " ").capitalize() or "Scene"


def _summary(layout: Layout, items: list[Item]) -> str:
    counted = _counts(items)
    shown = [
        item.node.kind.replace("_", " ") + (f" \u00d7{count}" if count > 1 else "")
        for item, count in counted[:8]
    ]
    more = f" and {len(counted) - 8} more kinds" if len(counted) > 8 else ""
    things = ", ".join(shown) + more if shown else "nothing placed"
    return (
        f"Map of a {_place_name(layout.place).lower()}, {layout.width} by {layout.height} "
        f"cells: {things}"
    )
