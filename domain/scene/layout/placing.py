"""One thing onto the grid: the placer that suits its kind and what it is asked."""

from domain.scene import effort
from domain.scene.layout import groups, rings, standing
from domain.scene.layout.boxes import occupy, place_box
from domain.scene.layout.context import Context, Item
from domain.scene.layout.paths import place_path
from domain.scene.layout.reasons import outdoor_building


def place(ctx: Context, item: Item) -> None:
    effort.check(ctx.should_stop)
    if item.placed or outdoor_building(ctx, item):
        return
    if (item.kind.name == "sea" and ctx.style.terrain == "sea") or item.size == "vast":
        item.x, item.y, item.w, item.h, item.placed = 0, 0, ctx.width, ctx.height, True
    elif item.kind.edge:
        _place_edge(ctx, item)
    elif item.kind.shape == "path":
        place_path(ctx, item)
    else:
        _place_thing(ctx, item)


def _place_thing(ctx: Context, item: Item) -> None:
    groups.place_group(ctx, item)
    if item.placed:
        return
    if standing.wall_host(item) is not None and standing.place_in_wall(ctx, item):
        return
    if standing.wants_shore(ctx, item) and standing.place_on_shore(ctx, item):
        return
    base = standing.standing_base(ctx, item)
    if base is not None and standing.place_standing(ctx, item, base):
        return
    place_box(ctx, item, inset=rings.ring_margin(ctx, item))


def _place_edge(ctx: Context, item: Item) -> None:
    side = "south"
    for relation in ctx.rels_of.get(item.id, ()):
        if relation.subject == item.id and relation.argument in ("north", "south", "east", "west"):
            side = relation.argument
    width, height = ctx.width, ctx.height
    if side in ("north", "south"):
        h = min(item.base_h, max(1, height // 3))
        x, y, w = 0, (0 if side == "north" else height - h), width
    else:
        w = min(item.base_h * 2, max(1, width // 3))
        x, y, h = (0 if side == "west" else width - w), 0, height
    if ctx.grid.fits(x, y, w, h, 0):
        occupy(ctx, item, x, y, w, h, 0)
    else:
        place_box(ctx, item)
