"""Soft wishes nobody typed (windows on walls, chairs round the table, piers on the shore),
and the groups standing around each thing.

Implicit relations guide placement only; the relation report lists just what was asked.
"""

from domain.scene.layout.context import Context, Item
from domain.scene.model import RelationSpec
from domain.scene.terms import Predicate


def implicit_relations(ctx: Context) -> list[RelationSpec]:
    out = []
    first: dict[str, Item] = {}
    islands = 0
    for item in ctx.items:
        first.setdefault(item.kind.name, item)
        islands += item.kind.name == "island"
    indoor = ctx.style.indoor
    across = {  # `the tavern across the square from the church`: the church by the square
        r.objects[0]: r.objects[1]
        for r in ctx.relations
        if r.predicate == "across_from" and len(r.objects) == 2
    }
    faced_by_rows = {
        r.objects[0]
        for r in ctx.relations
        if r.predicate == "facing" and r.objects and r.subject in ctx.rows_mates
    }
    for item in ctx.items:
        own = [r for r in ctx.rels_of.get(item.id, ()) if r.subject == item.id]
        name = item.kind.name
        if name == "pier" and not any(r.predicate == "on_shore" for r in own):
            out.append(RelationSpec(subject=item.id, predicate="on_shore"))
        if own:
            continue
        target: Item | None = None
        predicate: Predicate = "near"
        if item.id in across:
            out.append(RelationSpec(subject=item.id, predicate="near", objects=(across[item.id],)))
        elif item.kind.mounted and indoor and item.id in faced_by_rows:
            out.extend(_front_wall(ctx, item))
        elif item.kind.mounted and indoor:
            out.append(RelationSpec(subject=item.id, predicate="against_wall"))
        elif name == "chair":
            target, predicate = first.get("table") or first.get("desk"), "around"
        elif name == "island" and ctx.style.name == "island" and islands == 1:
            out.append(RelationSpec(subject=item.id, predicate="in_center"))
        elif name == "beach":
            target, predicate = first.get("sea"), "next_to"
        elif item.kind.afloat and name != "pier":
            target = first.get("pier")
        if target is not None and target is not item:
            out.append(RelationSpec(subject=item.id, predicate=predicate, objects=(target.id,)))
    out.extend(_holders_drawn_close(ctx))
    return out


_CLOSE = frozenset(["near", "next_to", "facing"])


def _holders_drawn_close(ctx: Context) -> list[RelationSpec]:
    """`a fort with cannons facing the sea`: a thing inside a holder can be close to what is
    outside only if the holder is, so the holder wishes to be near it too."""
    out: list[RelationSpec] = []
    wished: set[tuple[str, str]] = set()
    for relation in ctx.relations:
        item = ctx.by_id.get(relation.subject)
        if relation.predicate not in _CLOSE or item is None or not relation.objects:
            continue
        host, other = item.host, ctx.by_id.get(relation.objects[0])
        if host is None or other is None or other is host or other.host is host:
            continue
        if (host.id, other.id) not in wished:
            wished.add((host.id, other.id))
            out.append(RelationSpec(subject=host.id, predicate="near", objects=(other.id,)))
    return out


def _front_wall(ctx: Context, item: Item) -> list[RelationSpec]:
    """A board that rows of desks face hangs in the middle of a long wall, so the rows,
    as wide as the room allows, spread evenly in front of it."""
    side, axis = ("north", "x") if ctx.width >= ctx.height else ("west", "y")
    return [
        RelationSpec(subject=item.id, predicate="against_wall", argument=side),
        RelationSpec(subject=item.id, predicate="in_center", argument=axis),
    ]


def index_groups(ctx: Context, relations: list[RelationSpec]) -> None:
    """For each centre, the boxes asked to stand `around` it (any kind), in request order."""
    for relation in relations:
        if relation.predicate != "around" or len(relation.objects) != 1:
            continue
        item = ctx.by_id.get(relation.subject)
        if item is None or item.kind.shape != "box":
            continue
        members = ctx.around_members.setdefault(relation.objects[0], [])
        if item.id not in members:
            members.append(item.id)
