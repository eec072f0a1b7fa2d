"""Land asked into water (an island in a lake): the water grows round it, or the land shrinks."""

from collections.abc import Sequence

from domain.scene.layout.context import Item
from domain.scene.model import RelationSpec
from domain.scene.shapes import row_spans

_IN_WATER = ("inside", "in_center")
_GAP = 3  # cells of open water kept between islands sharing a lake, and round them


def fit_land_in_water(
    items: list[Item], relations: Sequence[RelationSpec], width: int, height: int
) -> None:
    """Each island asked inside a body of water gets water on every side of it.

    The water grows to hold the island with a shore of open water round it (room for a boat);
    when the map cannot hold water that large, the island shrinks until it fits.
    """
    by_id = {item.id: item for item in items}
    lands_in: dict[str, list[Item]] = {}
    for relation in relations:
        land = by_id.get(relation.subject)
        water = by_id.get(relation.objects[0]) if relation.objects else None
        if relation.predicate not in _IN_WATER or land is None or water is None:
            continue
        if land.kind.name != "island" or not water.kind.water or water.kind.shape != "area":
            continue
        if water.size == "vast" or water.host is not None:
            continue
        lands = lands_in.setdefault(water.id, [])
        if land not in lands:
            lands.append(land)
    for water_id, lands in lands_in.items():
        water = by_id[water_id]
        if len(lands) == 1:
            land = lands[0]
            _grow_water(water, land, width, height)
            while not _holds(water, land) and (land.w > 1 or land.h > 1):
                land.w, land.h = max(1, land.w - 2), max(1, land.h - 1)
            land.base_w, land.base_h = land.w, land.h
        else:
            _share_water(water, lands, width, height)


def _share_water(water: Item, lands: list[Item], width: int, height: int) -> None:
    """`a lake with three islands`: the water grows to hold them side by side, with open
    water between and round them; the islands shrink until they do."""
    count = len(lands)
    water.w = min(width - 2, max(water.w, sum(land.w for land in lands) + _GAP * (count + 1)))
    water.h = min(height - 2, max(water.h, max(land.h for land in lands) + 2 * _GAP))
    water.base_w, water.base_h = water.w, water.h
    room_w = max(1, (water.w - _GAP * (count + 1)) // count * 2 // 3)
    room_h = max(1, (water.h - 2 * _GAP) // 2)
    for land in lands:
        land.w, land.h = min(land.w, room_w), min(land.h, room_h)
        land.base_w, land.base_h = land.w, land.h


def _grow_water(water: Item, land: Item, width: int, height: int) -> None:
    water.w = min(width - 2, max(water.w, land.w + max(4, land.w // 2)))
    water.h = min(height - 2, max(water.h, land.h + max(2, land.h // 2)))
    water.base_w, water.base_h = water.w, water.h


def _holds(water: Item, land: Item) -> bool:
    """Whether the land, centred in the water, has water on every side of every row."""
    if land.w + 2 > water.w or land.h + 2 > water.h:
        return False
    outer = row_spans(water.w, water.h, water.kind.round)
    inner = row_spans(land.w, land.h, land.kind.round)
    left, top = (water.w - land.w) // 2, (water.h - land.h) // 2
    for row, (first, count) in enumerate(inner):
        water_first, water_count = outer[top + row]
        if left + first <= water_first or left + first + count >= water_first + water_count:
            return False
    return True
