"""Why things were not placed: one honest reason per thing, one line per kind and reason."""

from domain.scene.layout.context import Context, Item
from domain.scene.shapes import interior

_IRREGULAR = {"person": "people", "deer": "deer", "sheep": "sheep", "fish": "fish"}
OUTDOORS_ONLY = "buildings stay outdoors"
OUT_OF_EFFORT = "the layout reached its effort limit first"


def outdoor_building(ctx: Context, item: Item) -> bool:
    """A building (a house, a castle) asked for inside a room-like place: never drawn there."""
    kind = item.kind
    building = kind.layer == "structure" and kind.shape == "box" and kind.setting == "outdoor"
    return ctx.style.indoor and building


def unplaced_notes(ctx: Context) -> list[str]:
    """`could not place barrel-7: the map is full`, or for several of a kind with one reason
    `could not place 42 of 500 barrels (barrel-459..barrel-500): the map is full`."""
    totals: dict[str, int] = {}
    for item in ctx.items:
        totals[item.kind.name] = totals.get(item.kind.name, 0) + 1
    groups: dict[tuple[str, str], list[Item]] = {}
    free: dict[tuple[int, bool], int] = {}
    for item in ctx.items:
        if not item.placed:
            groups.setdefault((item.kind.name, _reason(ctx, item, free)), []).append(item)
    notes = []
    for (kind, reason), items in groups.items():
        if len(items) == 1:
            notes.append(f"could not place {items[0].id}: {reason}")
        else:
            notes.append(
                f"could not place {len(items)} of {totals[kind]} {plural(kind)} "
                f"({items[0].id}..{items[-1].id}): {reason}"
            )
    return notes


def plural(name: str) -> str:
    if name in _IRREGULAR:
        return _IRREGULAR[name]
    if name.endswith(("s", "x", "ch", "sh")):
        return name + "es"
    if name.endswith("y") and name[-2:-1] not in ("a", "e", "i", "o", "u"):
        return name[:-1] + "ies"
    return name + "s"


def _reason(ctx: Context, item: Item, free: dict[tuple[int, bool], int]) -> str:
    if outdoor_building(ctx, item):
        return OUTDOORS_ONLY
    if item.id in ctx.out_of_effort:
        return OUT_OF_EFFORT
    if item.host is not None and not item.host.placed:
        return f"{item.host.id} was not placed"
    hosts = [item.host] if item.host is not None else [h for h in item.hosts if h.placed]
    frames: list[tuple[Item | None, tuple[int, int, int, int]]]
    frames = [(h, interior(h.rect, h.kind.container == "walled")) for h in hosts]
    if not hosts:
        frames = [(None, (0, 0, ctx.width, ctx.height))]
    w, h = item.base_w, item.base_h
    roomy = [(host, frame) for host, frame in frames if _fits_frame(item, frame, w, h)]
    if not roomy:
        if item.host is not None:
            return f"too large for {item.host.id}"
        if hosts:
            return f"too large for any {hosts[0].kind.name}"
        return "too large for the map"
    if item.kind.afloat:
        return "no free water left" if _any_water(ctx) else "no water to float on"
    if any(host is not None and host.kind.name == "island" for host, _ in roomy):
        return "no room left on the island"
    if ctx.style.terrain == "sea" and not hosts:
        return "no free land"
    room = max(_free_cells(ctx, host, False, free) for host, _ in roomy)
    area = max(frame[2] * frame[3] for _, frame in roomy)
    if room >= 3 * (w + 1) * (h + 1) and 3 * room >= area:  # much room, none of it in one piece
        return "no free spot large enough"
    if item.host is not None:
        return f"{item.host.id} is full"
    return f"every {hosts[0].kind.name} is full" if hosts else "the map is full"


def _fits_frame(item: Item, frame: tuple[int, int, int, int], w: int, h: int) -> bool:
    _, _, fw, fh = frame
    if w <= fw and h <= fh:
        return True
    return item.kind.rotatable and h <= fw and w <= fh


def _free_cells(
    ctx: Context, host: Item | None, afloat: bool, free: dict[tuple[int, bool], int]
) -> int:
    """Cells a thing of this host and ground could still take (not solid, right owner)."""
    index = host.index if host is not None else 0
    key = (index, afloat)
    if key not in free:
        grid = ctx.grid
        water_owners = {i.index for i in ctx.items if i.placed and i.kind.water}
        count = 0
        for cell in range(ctx.width * ctx.height):
            if grid.solid[cell] or bool(grid.water[cell]) != afloat:
                continue
            owner = grid.owner[cell]
            if owner == index or (afloat and owner in water_owners):
                count += 1
        free[key] = count
    return free[key]


def _any_water(ctx: Context) -> bool:
    return 1 in ctx.grid.water
