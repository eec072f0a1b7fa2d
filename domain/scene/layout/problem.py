"""The layout problem: what is asked, fixed for every attempt. Attempts only read it."""

from dataclasses import dataclass

import msgspec

from domain.scene import catalog
from domain.scene.layout.contradictions import contradictions
from domain.scene.model import Place, RelationSpec, SceneRequest
from domain.scene.outlines import outside_cells

MIN_SIDE, MAX_SIDE = 4, 1024


@dataclass(frozen=True, slots=True)
class Problem:
    """The map, the place, the things and the relations among known things.

    `conflicting` holds the indexes of relations that contradict another (one of each pair
    cannot hold); `notes` says so in words. Everything that changes while placing lives in
    the attempt's `Context` (the occupancy), never here.
    """

    width: int
    height: int
    place: Place
    request: SceneRequest
    relations: tuple[RelationSpec, ...]
    conflicting: frozenset[int]
    notes: tuple[str, ...]
    rock: tuple[tuple[int, int], ...] = ()  # cells beyond a shaped place's floor (outlines.py)


def build_problem(request: SceneRequest, width: int, height: int, seed: int = 0) -> Problem:
    width = min(max(width, MIN_SIDE), MAX_SIDE)
    height = min(max(height, MIN_SIDE), MAX_SIDE)
    place = catalog.SCENE_BY_NAME.get(request.place, catalog.SCENE_BY_NAME["village"])
    request = _well_formed(request)
    known = {thing.id for thing in request.things}
    relations = [
        r for r in request.relations if r.subject in known and all(o in known for o in r.objects)
    ]
    conflicting, notes = contradictions(relations)
    return Problem(
        width=width,
        height=height,
        place=place,
        request=request,
        relations=tuple(relations),
        conflicting=frozenset(conflicting),
        notes=tuple(notes),
        rock=tuple(outside_cells(place.outline, width, height, seed)),
    )


def _well_formed(request: SceneRequest) -> SceneRequest:
    """Drop things of unknown kinds and repeated ids (a hand-made request may have them)."""
    seen: set[str] = set()
    things = []
    for thing in request.things:
        if catalog.is_kind(thing.kind) and thing.id not in seen:
            seen.add(thing.id)
            things.append(thing)
    if len(things) == len(request.things):
        return request
    dropped = len(request.things) - len(things)
    return msgspec.structs.replace(
        request,
        things=tuple(things),
        warnings=(*request.warnings, f"{dropped} things of unknown kind or repeated id ignored"),
    )
