"""Thresholds that define when a relation holds; the placer aims at them, the verifier checks."""

NEXT_TO_GAP = 1  # cells of free space allowed between things `next to` each other
NEAR_GAP = 3
ALONG_GAP = 2  # a thing `along` a path stands this close to it
ALONG_PATH_SHARE = 70  # percent of a path's cells close to what it runs along
ALONG_PATH_DISTANCE = 3
AROUND_GAP = 2  # a group around something stands this close to it
REGION_SHARE = 80  # percent of a path's cells inside an asked-for region
EDGE_DISTANCE = 2  # `along the north edge`: within this many cells of it

# The compass side a directional predicate puts its subject on, seen on the map (north = up).
DIRECTION_OF = {
    "north_of": "north",
    "above": "north",
    "south_of": "south",
    "below": "south",
    "east_of": "east",
    "right_of": "east",
    "west_of": "west",
    "left_of": "west",
}


def far_gap(width: int, height: int) -> int:
    """`far from`: at least a third of the map's longer side apart."""
    return max(width, height) // 3


def corner_tolerance(width: int, height: int) -> tuple[int, int]:
    return max(1, width // 8), max(1, height // 8)


def center_tolerance(width: int, height: int) -> tuple[int, int]:
    """Allowed offset of a doubled centre coordinate from the doubled frame centre."""
    return max(2, width // 5), max(2, height // 5)


def around_sides_needed(group_size: int) -> int:
    return min(3, group_size)
