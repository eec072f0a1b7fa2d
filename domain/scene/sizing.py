"""Footprint sizes: a kind's reference size, scaled by the map and by a size word."""

from domain.scene import vocabulary as v
from domain.scene.model import KindSpec

_SIZE_FACTORS: dict[str, tuple[int, int]] = {"medium": (1, 1)}
for _name, _num, _den in v.SIZES.values():
    _SIZE_FACTORS.setdefault(_name, (_num, _den))

REFERENCE_WIDTH, REFERENCE_HEIGHT = 48, 24
_LEAST_SIDE = {"large": 2, "huge": 3}


def _scale(value: int, numerator: int, denominator: int) -> int:
    return max(1, (value * numerator + denominator // 2) // denominator)


def map_factor(width: int, height: int) -> tuple[int, int]:
    """min(width / 48, height / 24) as a fraction."""
    if width * REFERENCE_HEIGHT <= height * REFERENCE_WIDTH:
        return width, REFERENCE_WIDTH
    return height, REFERENCE_HEIGHT


def scales_with_map(kind: KindSpec) -> bool:
    """Areas, dungeon rooms and indoor furniture grow with the map; outdoor boxes keep size."""
    if kind.shape in ("area", "room"):
        return True
    return kind.shape == "box" and (kind.setting == "indoor" or kind.family == v.ROOM)


def scaled_size(kind: KindSpec, size: str, width: int, height: int) -> tuple[int, int]:
    """Footprint (width, height) in cells; for a path, (thickness, 0)."""
    if size == "vast" and kind.shape != "path":
        return width, height
    numerator, denominator = _SIZE_FACTORS.get(size, (1, 1))
    if kind.shape == "path":
        return _scale(kind.width, numerator, denominator), 0
    w, h = kind.width, kind.height
    if scales_with_map(kind):
        map_num, map_den = map_factor(width, height)
        w, h = _scale(w, map_num, map_den), _scale(h, map_num, map_den)
    w, h = _scale(w, numerator, denominator), _scale(h, numerator, denominator)
    least = _LEAST_SIDE.get(size, 1)  # a huge tree is bigger than a tiny house
    if kind.shape == "box":
        w, h = max(w, least), max(h, least)
    if kind.edge:
        w = width
    return min(w, width), min(h, height)
