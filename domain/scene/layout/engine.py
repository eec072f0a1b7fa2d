"""layout_scene: seeded attempts of place-connect-repair; the verifier picks the best."""

import random

from domain.scene import catalog
from domain.scene import vocabulary as v
from domain.scene.effort import StopCheck, never_stop
from domain.scene.layout import finish, islands, prepare, reasons
from domain.scene.layout.boxes import occupy, place_box, release
from domain.scene.layout.context import Context, Item
from domain.scene.layout.implicit import implicit_relations, index_groups
from domain.scene.layout.nodes import build_nodes
from domain.scene.layout.paths import place_path
from domain.scene.layout.placing import place
from domain.scene.layout.problem import Problem, build_problem
from domain.scene.layout.routing import connect_all
from domain.scene.layout.scoring import relation_penalty
from domain.scene.model import (
    Layout,
    PlacedNode,
    Quality,
    RelationResult,
    RelationSpec,
    SceneRequest,
)
from domain.scene.verify import verify_relations

MAX_ATTEMPTS = 6
ATTEMPT_BUDGET = 2000  # things times attempts
WORK_BUDGET = 60_000  # scored candidates after which no new attempt starts
# The most work one layout may spend in all its attempts: past it, what is left is placed
# the cheap way (first free spot), no path or route is laid, and each thing left out says
# so. Counted in work units, not time, so the same input always gives the same scene; about
# a second here for the worst prompts (bench/bench_scene_effort.py).
EFFORT_LIMIT = 100_000
REPAIR_WORK = 20_000  # scored candidates a repair may spend
REPAIR_LIMIT = 1000  # repair only scenes up to this many things
AMBIENT_LIMIT = 800
AMBIENT_CLUSTER = 0.6  # chance a tree starts next to an earlier one (groves, not dust)


def layout_scene(
    request: SceneRequest,
    *,
    seed: int,
    width: int,
    height: int,
    should_stop: StopCheck = never_stop,
) -> Layout:
    """Place every requested thing on a width x height grid and check each relation.

    Raises `GenerationStopped` as soon as `should_stop` answers True (it is asked between
    placements).
    """
    problem = build_problem(request, width, height, seed)
    width, height, place = problem.width, problem.height, problem.place
    request, relations = problem.request, list(problem.relations)
    attempts = max(1, min(MAX_ATTEMPTS, ATTEMPT_BUDGET // max(1, len(request.things))))
    best: tuple[tuple[int, int], Context, tuple[RelationResult, ...]] | None = None
    work = 0
    for attempt in range(attempts):
        if work > WORK_BUDGET:
            break
        rng = random.Random(seed * 1_000_003 + attempt * 7_919 + 17)
        ctx = _attempt(problem, rng, should_stop, EFFORT_LIMIT - work)
        results = verify_relations(build_nodes(ctx), relations, width, height, place.name)
        failing = sum(
            1 for k, r in enumerate(results) if not r.satisfied and k not in problem.conflicting
        )
        unplaced = sum(1 for item in ctx.items if not item.placed)
        work += ctx.spent
        score = (failing, unplaced)
        if best is None or score < best[0]:
            best = (score, ctx, results)
        if failing == 0 and unplaced == 0:
            break
        if ctx.exhausted:
            break
    assert best is not None
    _, ctx, results = best
    shrunk = finish.shrink_to_fit(ctx)
    if finish.keep_grounds_visible(ctx) or shrunk:
        results = verify_relations(build_nodes(ctx), relations, width, height, place.name)
    warnings = [*request.warnings, *problem.notes]
    warnings.extend(f"{item_id} was made smaller to fit the map" for item_id in shrunk)
    warnings.extend(reasons.unplaced_notes(ctx))
    nodes = build_nodes(ctx)
    return Layout(
        seed=seed,
        width=width,
        height=height,
        place=place.name,
        nodes=nodes,
        relations=results,
        warnings=tuple(warnings),
        quality=_quality(request, nodes, results),
    )


def _quality(
    request: SceneRequest, nodes: tuple[PlacedNode, ...], results: tuple[RelationResult, ...]
) -> Quality:
    asked = {thing.id for thing in request.things if thing.origin == "prompt"}
    return Quality(
        things_asked=len(asked),
        things_placed=sum(1 for node in nodes if node.id in asked),
        relations_stated=len(results),
        relations_held=sum(1 for result in results if result.satisfied),
        default_place=request.default_place,
        words_not_understood=request.not_understood,
    )


def _attempt(
    problem: Problem, rng: random.Random, should_stop: StopCheck, work_limit: int
) -> Context:
    """One seeded try: fresh occupancy over the same problem."""
    request, relations = problem.request, list(problem.relations)
    width, height, scene = problem.width, problem.height, problem.place.name
    items = prepare.build_items(request, width, height, problem.place.submerged)
    prepare.assign_hosts(items, relations, scene)
    prepare.fit_sizes(items, width, height, relations)
    prepare.fit_lining_rooms(items, relations, width, height)
    islands.fit_land_in_water(items, relations, width, height)
    prepare.size_lone_room(items, relations, scene, width, height)
    prepare.promote_anchors(items, relations)
    ctx = Context(problem, items, rng, should_stop, work_limit)
    implicit = implicit_relations(ctx)
    for relation in implicit:
        ctx.rels_of.setdefault(relation.subject, []).append(relation)
    index_groups(ctx, relations + implicit)
    order = prepare.placing_order(items, relations + implicit)
    routed = {
        r.subject
        for r in relations
        if r.predicate == "connected_to" and ctx.by_id[r.subject].kind.shape == "path"
    }
    dungeon = scene == "dungeon"
    asked = {r.argument for r in relations if r.predicate == "connected_to" and r.argument}
    spare = [i for i in items if _carries_routes(i, ctx, dungeon, asked)]
    doors = [i for i in order if i.kind.name == "door" and dungeon]  # after corridors: reused
    late = doors + [i for i in order if prepare.rank(i) > 4 and i not in doors]
    for item in order:
        if prepare.rank(item) <= 4 and item.id not in routed and item not in spare + doors:
            place(ctx, item)
    joined = {o for r in relations if r.predicate == "connected_to" for o in r.objects}
    for item in [i for i in late if i.id in joined and i.kind.name != "door"]:
        place(ctx, item)  # `a gangplank between the two ships`: the ships first, then the plank
        late.remove(item)
    connect_all(ctx, spare)
    for item in spare:
        if not item.placed:
            place_path(ctx, item)
    for item in late:
        place(ctx, item)
    _ambient(ctx, request)
    if len(request.things) <= REPAIR_LIMIT and not ctx.exhausted:
        _repair(ctx, relations, set(problem.conflicting))
    return ctx


def _ambient(ctx: Context, request: SceneRequest) -> None:
    kind = ctx.style.ambient
    if kind is None or kind in request.excluded:
        return
    if any(thing.kind == kind for thing in request.things):
        return
    spec = catalog.kind_spec(kind)
    count = (ctx.width * ctx.height) // max(1, ctx.style.ambient_per_cells)
    count = min(count, AMBIENT_LIMIT, v.MAX_THINGS - len(request.things))
    rng, grid = ctx.rng, ctx.grid
    spots: list[tuple[int, int]] = []
    misses = 0
    for _ in range(max(0, count)):
        for _try in range(12):
            if spots and rng.random() < AMBIENT_CLUSTER:
                bx, by = spots[int(rng.random() * len(spots))]
                x, y = bx + int(rng.random() * 5) - 2, by + int(rng.random() * 3) - 1
            else:
                x = int(rng.random() * (ctx.width - spec.width + 1))
                y = int(rng.random() * (ctx.height - spec.height + 1))
            if grid.fits(x, y, spec.width, spec.height, 0):
                occupy(ctx, ctx.new_item(kind, "ambient"), x, y, spec.width, spec.height, 0)
                spots.append((x, y))
                misses = 0
                break
        else:
            misses += 1
            if misses >= 5:
                return


def _repair(ctx: Context, relations: list[RelationSpec], conflicting: set[int]) -> None:
    """Move the plain boxes of failing relations with a wider search, keeping any gain."""
    results = verify_relations(build_nodes(ctx), relations, ctx.width, ctx.height, ctx.style.name)
    start = ctx.spent
    for index, result in enumerate(results):
        if result.satisfied or index in conflicting:
            continue
        if ctx.spent - start > REPAIR_WORK or ctx.exhausted:
            return
        relation = relations[index]
        for thing_id in (relation.subject, *relation.objects):
            item = ctx.by_id.get(thing_id)
            if item is not None and _movable(ctx, item):
                _move(ctx, item)
                break


def _movable(ctx: Context, item: Item) -> bool:
    """A plain box: not a container, nor placed by a pattern (a slot, a shore, a base, a wall)."""
    if item.id in ctx.fixed or item.kind.name == "door":
        return False
    return item.placed and item.path is None and not item.is_host and item.kind.shape == "box"


def _move(ctx: Context, item: Item) -> None:
    before = (item.x, item.y, item.w, item.h, item.rotation)
    old_cost = _cost(ctx, item)
    release(ctx, item)
    if place_box(ctx, item, effort=4) and _cost(ctx, item) <= old_cost:
        return
    if item.placed:
        release(ctx, item)
    occupy(ctx, item, *before)


def _cost(ctx: Context, item: Item) -> float:
    return sum(relation_penalty(ctx, r, ctx.geo) for r in ctx.rels_of.get(item.id, ()))


def _carries_routes(item: Item, ctx: Context, dungeon: bool, asked: set[str]) -> bool:
    """A way named with nothing said of it (a dungeon's corridors, `huts connected by rope
    walkways`): laid as the routes between the things it connects."""
    if item.id in ctx.rels_of or item.kind.shape != "path":
        return False
    if dungeon and item.kind.name == "corridor":
        return True
    return item.origin == "prompt" and item.kind.name in asked
