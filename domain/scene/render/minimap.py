"""The ASCII minimap: the grid inside a border, a legend and a compass rose."""

from domain.scene import catalog
from domain.scene.model import Layout, PlacedNode
from domain.scene.outlines import outside_cells
from domain.scene.render.glyphs import FLOOR_GLYPH, assign_glyphs
from domain.scene.shapes import footprint_cells, wall_cells
from domain.scene.terms import Outline

_STAGES = {"area": 1, "room": 3}
WALL_GLYPH, ROCK_GLYPH = "#", " "
_ON_TOP = 10
COMPASS = ("Compass:", "    N", "  W-+-E", "    S")


def render_minimap(layout: Layout) -> str:
    """`height` lines of `width` characters inside a border, then legend and compass."""
    style = catalog.SCENE_BY_NAME.get(layout.place, catalog.SCENE_BY_NAME["village"])
    width, height = layout.width, layout.height
    canvas = [style.terrain_glyph] * (width * height)
    drawn_by = [-1] * (width * height)
    _draw_outline(canvas, style.outline, width, height, layout.seed)
    others = {node.kind for node in layout.nodes if "place" not in node.tags}
    grounds = {node.kind for node in layout.nodes if "place" in node.tags} - others
    glyphs = assign_glyphs([n.kind for n in layout.nodes if n.kind not in grounds], style)
    # the ground of the place (a forest, a swamp named as the place) is the terrain itself
    glyphs.update(dict.fromkeys(grounds, style.terrain_glyph))
    hosts = {node.parent for node in layout.nodes if node.parent is not None}
    depth = _depths(layout.nodes)
    # what stands on something (a skeleton on a trap) is drawn over it
    standing = {r.subject for r in layout.relations if r.predicate == "on" and r.satisfied}
    order = sorted(
        range(len(layout.nodes)),
        key=lambda k: (
            depth[k],
            _ON_TOP if layout.nodes[k].id in standing else _stage(layout.nodes[k], hosts),
            k,
        ),
    )
    used_floor = False
    outlined = set(canvas) - {style.terrain_glyph}  # the walls and rock of a shaped place

    def put(cells: list[tuple[int, int]], glyph: str, who: int) -> None:
        for cx, cy in cells:
            if 0 <= cx < width and 0 <= cy < height:
                canvas[cy * width + cx] = glyph
                drawn_by[cy * width + cx] = who

    for k in order:
        node = layout.nodes[k]
        if "place" in node.tags:
            continue
        kind = catalog.kind_spec(node.kind)
        glyph = glyphs.get(node.kind, "?")
        if node.path is not None:
            put([(x, y) for x, y in node.path], glyph, k)
        elif _walled(node, hosts):
            rect = (node.x, node.y, node.width, node.height)
            inside = footprint_cells(node.x + 1, node.y + 1, node.width - 2, node.height - 2, False)
            put(inside, FLOOR_GLYPH, -1)
            put(wall_cells(rect), glyph, k)
            used_floor = used_floor or bool(inside)
        else:
            cells = footprint_cells(node.x, node.y, node.width, node.height, kind.round)
            if kind.sparse:
                cells = [(x, y) for x, y in cells if _dense(x, y)] or cells[:1]
            put(cells, glyph, k)
    _ensure_visible(layout.nodes, canvas, drawn_by, glyphs, width, height)
    border_corner, border_h, border_v = style.border[0], style.border[1], style.border[2]
    lines = [border_corner + border_h * width + border_corner]
    for row in range(height):
        lines.append(border_v + "".join(canvas[row * width : (row + 1) * width]) + border_v)
    lines.append(border_corner + border_h * width + border_corner)
    grounds_drawn = (style.terrain_glyph, style.terrain, used_floor, outlined)
    lines.extend(_legend(layout, glyphs, grounds_drawn, canvas))
    lines.extend(COMPASS)
    return "\n".join(lines) + "\n"


def _draw_outline(canvas: list[str], outline: Outline, width: int, height: int, seed: int) -> None:
    """A shaped place (a cave, a hull): rock beyond the floor, a wall where they meet."""
    rock = set(outside_cells(outline, width, height, seed))
    for x, y in rock:
        by_floor = any(
            0 <= x + dx < width and 0 <= y + dy < height and (x + dx, y + dy) not in rock
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
        )
        canvas[y * width + x] = WALL_GLYPH if by_floor else ROCK_GLYPH


def _depths(nodes: tuple[PlacedNode, ...]) -> list[int]:
    parent = {node.id: node.parent for node in nodes}
    out = []
    for node in nodes:
        depth, up = 0, node.parent
        while up is not None and depth < 64:
            depth, up = depth + 1, parent.get(up)
        out.append(depth)
    return out


def _walled(node: PlacedNode, hosts: set[str]) -> bool:
    kind = catalog.kind_spec(node.kind)
    holds = node.id in hosts or kind.shape == "room"
    return kind.container == "walled" and holds and node.width > 2 and node.height > 2


def _stage(node: PlacedNode, hosts: set[str]) -> int:
    kind = catalog.kind_spec(node.kind)
    if "background" in node.tags:
        return 0
    if node.path is not None:
        if kind.water:
            return 2
        return 5 if kind.name == "bridge" else 4
    if _walled(node, hosts):
        return 3
    if kind.shape in _STAGES:
        return _STAGES[kind.shape]
    if kind.name == "door":
        return 9
    return {"structure": 6, "object": 7, "actor": 8}.get(kind.layer, 7)


def _dense(x: int, y: int) -> bool:
    """A fixed, irregular texture for sparse areas (forests): about three cells in four."""
    h = (x * 374761393 + y * 668265263) & 0xFFFFFFFF
    h = ((h ^ (h >> 13)) * 1274126177) & 0xFFFFFFFF
    return (h ^ (h >> 16)) % 4 != 0


def _ensure_visible(
    nodes: tuple[PlacedNode, ...],
    canvas: list[str],
    drawn_by: list[int],
    glyphs: dict[str, str],
    width: int,
    height: int,
) -> None:
    """Every node shows at least one cell: stamp hidden ones where it hides nobody."""
    shown = [0] * len(nodes)
    for who in drawn_by:
        if who >= 0:
            shown[who] += 1
    for k, node in enumerate(nodes):
        if shown[k] or "place" in node.tags:
            continue
        kind = catalog.kind_spec(node.kind)
        if node.path is not None:
            cells = [(x, y) for x, y in node.path]
        else:
            cells = footprint_cells(node.x, node.y, node.width, node.height, kind.round)
        for cx, cy in cells:
            if not (0 <= cx < width and 0 <= cy < height):
                continue
            index = cy * width + cx
            other = drawn_by[index]
            if other < 0 or shown[other] > 1:
                if other >= 0:
                    shown[other] -= 1
                canvas[index] = glyphs.get(node.kind, "?")
                drawn_by[index] = k
                shown[k] = 1
                break


def _legend(
    layout: Layout,
    glyphs: dict[str, str],
    grounds: tuple[str, str, bool, set[str]],
    canvas: list[str],
) -> list[str]:
    terrain_glyph, terrain, used_floor, outlined = grounds
    entries: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for node in layout.nodes:
        counts[node.kind] = counts.get(node.kind, 0) + 1
    visible = set(canvas)
    if (terrain_glyph in visible or terrain_glyph in glyphs.values()) and glyphs.get(
        terrain
    ) != terrain_glyph:
        entries.setdefault(terrain_glyph, []).append(terrain)
    if used_floor and terrain_glyph != FLOOR_GLYPH:
        entries.setdefault(FLOOR_GLYPH, []).append("floor")
    for glyph, name in ((WALL_GLYPH, "wall"), (ROCK_GLYPH, "rock")):
        if glyph in outlined:
            entries.setdefault(glyph, []).append(name)
    for kind, count in counts.items():
        glyph = glyphs.get(kind, "?")
        entries.setdefault(glyph, []).append(f"{kind} x{count}")
    lines = ["Legend:"]
    for glyph, labels in entries.items():
        shown = "' '" if glyph == " " else glyph
        lines.append(f"  {shown:<4}{', '.join(labels)}")
    return lines
