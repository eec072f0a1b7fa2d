"""Last touches on the chosen attempt: shrink what is too big, keep grounds visible."""

from domain.scene.layout.boxes import release
from domain.scene.layout.context import Context, Item
from domain.scene.layout.placing import place

_ENLARGED = frozenset({"large", "huge"})
MAX_SHRINKING = 20


def shrink_to_fit(ctx: Context) -> list[str]:
    """A thing asked for large or huge that found no room is tried again at three quarters of
    its size, and so on down to one cell, before it is reported as not placed.

    Only enlarged things, and a bounded number of them: a crowded map's ordinary leftovers stay
    reported as not placed. Returns the ids that shrank.
    """
    shrunk: list[str] = []
    candidates = [
        item
        for item in ctx.items
        if not item.placed
        and item.size in _ENLARGED
        and item.path is None
        and item.kind.shape != "path"
        and not item.kind.edge
    ]
    for item in candidates[:MAX_SHRINKING]:
        while not item.placed and (item.base_w > 1 or item.base_h > 1):
            w = max(1, item.base_w * 3 // 4)
            h = max(1, item.base_h * 3 // 4)
            item.base_w, item.base_h, item.w, item.h = w, h, w, h
            place(ctx, item)
        if item.placed:
            shrunk.append(item.id)
    return shrunk


def keep_grounds_visible(ctx: Context) -> bool:
    """Things standing on a ground (an island, a field) leave one cell of it bare.

    Otherwise a ground fully covered by small things would not show on the minimap. The
    last things placed on it give way and are reported as not placed. Returns whether any did.
    """
    grounds = [i for i in ctx.items if i.placed and i.path is None and i.kind.layer == "terrain"]
    standing = [
        i
        for i in ctx.items
        if i.placed and i.path is None and i.kind.layer != "terrain" and not i.is_host
    ]
    released = False
    for ground in grounds:
        area = set(ground.footprint())
        on_top = [item for item in standing if item.placed and _overlaps(ground, item)]
        cells = {item.id: set(item.footprint()) & area for item in on_top}
        while on_top and area <= set().union(*(cells[item.id] for item in on_top)):
            release(ctx, on_top.pop())
            released = True
    return released


def _overlaps(a: Item, b: Item) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h
