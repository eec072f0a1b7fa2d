"""Label placement: greedy, by priority, with collision boxes; labels never overlap.

Each label tries a few spots around its thing (below, above, right, left, on it; along a
path for a river or a road). A spot must stay inside the map and clear of every label
already placed; among those, the one covering the fewest other things wins. A label that
finds no spot is tried shortened, then dropped. A text repeated many times (`house` on
thirty houses) keeps its later copies apart, so the map is not tiled with the same word.
"""

from typing import NamedTuple

Box = tuple[float, float, float, float]  # left, top, right, bottom

_NARROW = frozenset("fijlrtI.,;:'!|() ")
_WIDE = frozenset("mwMW@%&")
MAX_CHARS = 24
ELLIPSIS = "\u2026"
_BUCKET = 64.0


class LabelRequest(NamedTuple):
    text: str
    box: Box  # the thing's extent, in map units
    tier: int  # lower places first
    size: float  # font size
    style: str  # "thing", "place" or "water"
    along: tuple[tuple[float, float], ...] = ()  # spots along a path, best first
    repeated: bool = False  # one of several things with this text
    owner: int = -1  # the obstacle that is the thing itself (not avoided)


class Label(NamedTuple):
    text: str
    x: float  # centre
    y: float  # baseline
    size: float
    style: str


def text_width(text: str, size: float) -> float:
    """A generous estimate of the rendered width: never below 0.6 em a character."""
    units = 0.0
    for ch in text:
        if ch in _NARROW:
            units += 0.35
        elif ch in _WIDE or ch.isupper():
            units += 0.85
        else:
            units += 0.58
    return max(units, 0.6 * len(text)) * size


def label_box(text: str, x: float, y: float, size: float, pad: float = 1.5) -> Box:
    """The box a label covers: centred on `x`, baseline `y`."""
    half = text_width(text, size) / 2
    return x - half - pad, y - 0.85 * size - pad, x + half + pad, y + 0.3 * size + pad


def place_labels(
    requests: list[LabelRequest], obstacles: list[Box], width: float, height: float
) -> list[Label]:
    placed: list[Label] = []
    label_index = _Grid()
    obstacle_index = _Grid()
    for k, box in enumerate(obstacles):
        obstacle_index.add(box, k)
    seen: dict[str, list[tuple[float, float]]] = {}
    order = sorted(range(len(requests)), key=lambda k: (requests[k].tier, k))
    for k in order:
        request = requests[k]
        texts = _texts(request.text)
        for text in texts:
            spot = _best_spot(
                request,
                text,
                label_index,
                obstacle_index,
                obstacles,
                width,
                height,
                seen.get(text, []) if request.repeated else [],
            )
            if spot is not None:
                x, y = spot
                label = Label(text, x, y, request.size, request.style)
                placed.append(label)
                label_index.add(label_box(text, x, y, request.size), len(placed) - 1)
                seen.setdefault(text, []).append((x, y))
                break
    return placed


def _texts(text: str) -> list[str]:
    text = " ".join(text.split())
    short = text[: MAX_CHARS - 1].rstrip() + ELLIPSIS
    options = [text if len(text) <= MAX_CHARS else short]
    if len(text) > 12:
        options.append(text[:10].rstrip() + ELLIPSIS)
    return options


def _spots(request: LabelRequest, text: str) -> list[tuple[float, float]]:
    left, top, right, bottom = request.box
    size = request.size
    cx, cy = (left + right) / 2, (top + bottom) / 2
    half = text_width(text, size) / 2
    if request.along:
        lift = (0.3 * size, -0.8 * size, 1.4 * size)
        return [(x, y + dy) for dy in lift for x, y in request.along]
    centre = (cx, cy + 0.3 * size)
    if request.style != "thing":
        return [
            centre,
            (cx, cy - 0.9 * size),
            (cx, cy + 1.5 * size),
            (cx, top + 1.1 * size),
            (cx, bottom - 0.5 * size),
            (cx, bottom + 0.9 * size + 1),
            (cx, top - 0.35 * size - 1),
        ]
    below, above = bottom + 0.9 * size + 1, top - 0.35 * size - 1
    return [
        (cx, below),
        (cx, above),
        (right + 2 + half, cy + 0.3 * size),
        (left - 2 - half, cy + 0.3 * size),
        (right + half, below),
        (left - half, below),
        (right + half, above),
        (left - half, above),
        (cx, below + 1.1 * size),
        (cx, above - 1.1 * size),
        centre,
    ]


def _best_spot(
    request: LabelRequest,
    text: str,
    labels: "_Grid",
    things: "_Grid",
    obstacles: list[Box],
    width: float,
    height: float,
    same: list[tuple[float, float]],
) -> tuple[float, float] | None:
    spacing = 10 * request.size
    best: tuple[float, float] | None = None
    best_cover = float("inf")
    for x, y in _spots(request, text):
        box = label_box(text, x, y, request.size)
        if box[0] < 0 or box[1] < 0 or box[2] > width or box[3] > height:
            continue
        if labels.hits(box):
            continue
        if any(abs(x - sx) < spacing and abs(y - sy) < spacing for sx, sy in same):
            return None
        cover = sum(_overlap(box, obstacles[k]) for k in things.near(box) if k != request.owner)
        if cover < best_cover:
            best, best_cover = (x, y), cover
            if cover == 0:
                break
    return best


def _overlap(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


class _Grid:
    """Boxes bucketed by area, to find the few near a new one."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[int]] = {}
        self.boxes: dict[int, Box] = {}

    def add(self, box: Box, key: int) -> None:
        self.boxes[key] = box
        for cell in _cells(box):
            self.cells.setdefault(cell, []).append(key)

    def near(self, box: Box) -> set[int]:
        found: set[int] = set()
        for cell in _cells(box):
            found.update(self.cells.get(cell, ()))
        return found

    def hits(self, box: Box) -> bool:
        return any(_overlap(box, self.boxes[k]) > 0 for k in self.near(box))


def _cells(box: Box) -> list[tuple[int, int]]:
    x0, y0 = int(box[0] // _BUCKET), int(box[1] // _BUCKET)
    x1, y1 = int(box[2] // _BUCKET), int(box[3] // _BUCKET)
    return [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]
