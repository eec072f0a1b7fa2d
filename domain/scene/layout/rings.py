"""Ring plans: things in a ring round open ground, and a group round a centre on a track
at a gap that leaves room for every member (flattened to fit a long, low map)."""

import math

from domain.scene import effort
from domain.scene import relation_rules as rules
from domain.scene.layout.context import Context, Geo, Item
from domain.scene.layout.scoring import side_of
from domain.scene.layout.slots import TRIALS, Plan, Slot, apart, best, clear_of, fits


def ring_margin(ctx: Context, centre: Item) -> tuple[int, int]:
    """Room a group still to stand around `centre` needs east-west and north-south of it."""
    members = [ctx.by_id[i] for i in ctx.around_members.get(centre.id, ())]
    if len(members) < 2 or all(member.placed for member in members):
        return 0, 0
    sizes = [(m.base_w, m.base_h) for m in members]
    side = max(max(w, h) for w, h in sizes)
    host = centre.host
    fw, fh = (host.w, host.h) if host is not None else (ctx.width, ctx.height)
    tracks = rules.around_tracks(sizes, centre.base_w, centre.base_h, _tight(members))
    for gx, gy in tracks:
        mx, my = gx + side, gy + side
        if centre.base_w + 2 * mx <= fw and centre.base_h + 2 * my <= fh:
            return mx, my
    return 0, 0


def ring(ctx: Context, members: list[Item], frame: Slot, host: Item | None) -> Plan:
    fx, fy, fw, fh = frame
    n = len(members)
    side = max(max(m.base_w, m.base_h) for m in members)
    radius = max(2, math.ceil(n * (side + 1) * 1.45 / (2 * math.pi)))
    rng = ctx.rng
    while 2 * radius + side <= min(fw, fh):
        options = []
        for _ in range(TRIALS):
            offset = rng.random()
            span_x, span_y = fw - 2 * radius - side, fh - 2 * radius - side
            cx2 = 2 * (fx + radius) + side + 2 * int(rng.random() * (span_x + 1))
            cy2 = 2 * (fy + radius) + side + 2 * int(rng.random() * (span_y + 1))
            slots = []
            for k, m in enumerate(members):
                angle = 2 * math.pi * (k + offset) / n
                px2 = cx2 + round(2 * radius * math.cos(angle))
                py2 = cy2 + round(2 * radius * math.sin(angle))
                slots.append(((px2 - m.base_w) // 2, (py2 - m.base_h) // 2, m.base_w, m.base_h))
            centres = [(2 * x + w, 2 * y + h) for x, y, w, h in slots]
            if apart(slots, 1) and rules.ring_ok(centres):
                options.append(slots)
        plan = best(ctx, members, options, host)
        if plan:
            return plan
        radius += 1
    return {}


def around(ctx: Context, members: list[Item], centre: Item, host: Item | None) -> Plan:
    """Slots on a track round the centre at a gap that leaves room for every member."""
    members = _asked_spread_out(members)
    sizes = [(m.base_w, m.base_h) for m in members]
    cx, cy, cw, ch = centre.rect
    side = max(max(w, h) for w, h in sizes)
    needed = rules.around_sides_needed(len(members))
    centre_geo = Geo(cx, cy, cw, ch)
    best: Plan = {}
    rng = ctx.rng
    tight = _tight(members)
    spacing = 0 if tight else 1
    tracks = rules.around_tracks(sizes, cw, ch, tight)
    tracks += [(gx + 1, gy + 1) for gx, gy in tracks[:1]]
    for gap_x, gap_y in tracks:
        left, top = 2 * cx - 2 * gap_x - side, 2 * cy - 2 * gap_y - side
        right, bottom = 2 * (cx + cw) + 2 * gap_x + side, 2 * (cy + ch) + 2 * gap_y + side
        for _ in range(TRIALS // 2):
            # A large group round a large centre has hundreds of tracks to try: the budget
            # and the caller's stop are asked between trials, not only between placements.
            effort.check(ctx.should_stop)
            if ctx.exhausted:
                return best
            offset = rng.random()
            plan: Plan = {}
            sides: set[str] = set()
            for k, m in enumerate(members):
                for shift in (0, 2, -2, 4, -4):
                    at = (k + offset) / len(members)
                    px2, py2 = _on_track(left, top, right, bottom, at, shift)
                    slot = ((px2 - m.base_w) // 2, (py2 - m.base_h) // 2, m.base_w, m.base_h)
                    taken = list(plan.values())
                    near = taken[:2] + taken[2:][-2:]
                    if fits(ctx, m, slot, host) and clear_of(slot, near, spacing):
                        plan[m.id] = slot
                        sides.add(side_of(Geo(*slot), centre_geo))
                        break
            ctx.work += len(members)
            if len(sides) >= needed and len(plan) > len(best):
                best = plan
                if len(plan) == len(members):
                    return best
    return best


def _asked_spread_out(members: list[Item]) -> list[Item]:
    """The members the prompt asked for, evenly round the track, the usual furniture of the
    place (chairs round a table) between them: three people round a table stand on three
    sides even when the room's chairs stand round it too."""
    asked = [m for m in members if m.origin == "prompt"]
    usual = [m for m in members if m.origin != "prompt"]
    if not asked or not usual:
        return members
    at = {k * len(members) // len(asked) for k in range(len(asked))}
    asked_left, usual_left = iter(asked), iter(usual)
    return [next(asked_left) if k in at else next(usual_left) for k in range(len(members))]


def _tight(members: list[Item]) -> bool:
    """Small things (chairs, guards, trees) may touch the centre and each other; buildings not."""
    return not any(m.kind.layer == "structure" for m in members)


def _on_track(
    left: int, top: int, right: int, bottom: int, at: float, shift: int
) -> tuple[int, int]:
    """The doubled point a share `at` of the way round a rectangle, clockwise, plus `shift`."""
    width, height = right - left, bottom - top
    perimeter = 2 * (width + height)
    distance = (round(at * perimeter) + shift) % max(1, perimeter)
    if distance < width:
        return left + distance, top
    distance -= width
    if distance < height:
        return right, top + distance
    distance -= height
    if distance < width:
        return right - distance, bottom
    return left, bottom - (distance - width)
