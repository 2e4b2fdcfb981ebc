"""The parade's traffic diversion plan: closure points (posts and barriers), their marshals, and the detours."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import Any

from paradeplan.i18n import _, ngettext
from paradeplan.parade.schedule import ParadeSchedule
from paradeplan.parade.traffic import ClosurePoint, TrafficPlan
from paradeplan.plan.model import Parade, Plan
from paradeplan.route.model import Route


def plan_traffic(plan: Plan, parade: Parade, schedule: ParadeSchedule, route: Route, graph: Any) -> TrafficPlan:
    """Every crossing of the route closed by a post or a barrier point with its marshal, and the detours.

    Parameters
    ----------
    plan, parade : Plan, Parade
        The plan (traffic policy, places) and the parade (its ``marshal`` groups).
    schedule : ParadeSchedule
        The checked schedule (posts, timetable).
    route : Route
        Its route on the street graph.
    graph : networkx.MultiDiGraph
        The street graph.
    """
    from paradeplan.parade.closing import closure_points
    from paradeplan.parade.detours import plan_detours
    from paradeplan.parade.marshal_model import assign_marshals, walks

    posts, barriers = closure_points(schedule, route, graph, plan.traffic)
    places = {p.id: p for p in plan.places}
    walk = walks(barriers, graph, plan.traffic.marshal_walk_m)
    parade = sized_marshals(parade, open_marshal_groups(plan, parade), barriers, walk)
    held, marshals, short = assign_marshals(barriers, parade, places, walk)
    points = tuple(sorted([*posts, *held], key=lambda p: (p.close_s, p.id)))
    diversions = plan_detours(schedule, route, graph, points, plan.traffic) if graph is not None else ()
    # the streets trucks and coaches are sent along stay open to them
    heavy_ways = {name for d in diversions for name in d.heavy}
    ring = ring_streets(route, graph, plan.traffic.restricted_ring_m, heavy_ways) if graph is not None else ()
    return TrafficPlan(points, marshals, diversions, plan.traffic.marshal_walk_m, short, ring)


def open_marshal_groups(plan: Plan, parade: Parade) -> tuple[str, ...]:
    """Ids of the parade's ``marshal`` groups whose count is a placeholder: an open item on the group's ``count``
    not answered yet (``import`` writes one when the document orders a force without saying how many)."""
    from paradeplan.plan.rules import still_open

    k = next((i for i, p in enumerate(plan.parades) if p.id == parade.id), -1)
    asked = {item.field for item in still_open(plan)}
    return tuple(
        g.id for j, g in enumerate(parade.groups) if g.role == "marshal" and f"parades[{k}].groups[{j}].count" in asked
    )


def sized_marshals(
    parade: Parade, open_ids: Sequence[str], barriers: Sequence[ClosurePoint], walk: dict[tuple[str, str], float]
) -> Parade:
    """The parade with its placeholder marshal groups sized to what the barrier points need beyond the stated
    groups (the fewest marshals that hold every point with the walks ``walk``, shared out in order); stated counts
    are kept as they are."""
    if not open_ids:
        return parade
    from paradeplan.parade.marshal_model import fewest_marshals

    needed = fewest_marshals(barriers, walk) if barriers else 0
    stated = sum(g.count for g in parade.groups if g.role == "marshal" and g.id not in open_ids)
    rest = max(0, needed - stated)
    share = {gid: rest // len(open_ids) + (1 if k < rest % len(open_ids) else 0) for k, gid in enumerate(open_ids)}
    return replace(parade, groups=tuple(replace(g, count=share[g.id]) if g.id in share else g for g in parade.groups))


def open_marshal_lines(plan: Plan, parade: Parade, traffic: TrafficPlan) -> tuple[str, ...]:
    """For each placeholder marshal group, in the user's language: its count is not stated, and how many people
    the plan needs from it."""
    names = {g.id: (g.name or g.id) + (f" ({g.owner})" if g.owner else "") for g in parade.groups}
    out = []
    for gid in open_marshal_groups(plan, parade):
        n = sum(1 for m in traffic.marshals if m.group == gid)
        out.append(_("{name}: the number of people is not stated — the plan needs {n}").format(name=names[gid], n=n))
    return tuple(out)


#: Road classes of the ring of streets closed to heavy vehicles (the streets trucks and coaches would take).
RING_CLASSES = frozenset({"motorway", "trunk", "primary", "secondary", "tertiary"})


def ring_streets(route: Route, graph: Any, ring_m: float, keep_open: Collection[str] = ()) -> tuple[str, ...]:
    """Named streets of the main classes with a node within ``ring_m`` of the route, not the route's own nor those
    in ``keep_open`` (the heavy vehicles' detours), sorted."""
    if ring_m <= 0:
        return ()
    import numpy as np

    from paradeplan.geo.distance import haversine_m

    def key(name: str) -> str:
        low = name.casefold().strip()
        return low.removeprefix("đường ").strip()

    own = {key(n) for s in route.stretches for n in (*s.osm_names, s.street)} | {key(n) for n in keep_open}
    pts = np.asarray(route.coords(), dtype=np.float64)
    if not len(pts):
        return ()
    lat0, lon0 = float(pts[:, 0].min()), float(pts[:, 1].min())
    lat1, lon1 = float(pts[:, 0].max()), float(pts[:, 1].max())
    pad = ring_m / 111_000.0 * 1.5
    names: dict[str, str] = {}
    for a, b, d in sorted(graph.edges(data=True), key=lambda e: (str(e[2].get("name") or ""), str(e[0]), str(e[1]))):
        name = d.get("name") or ""
        if not name or key(name) in own or key(name) in names:
            continue
        if str(d.get("highway", "")).removesuffix("_link") not in RING_CLASSES:
            continue
        for n in (a, b):
            y, x = float(graph.nodes[n]["y"]), float(graph.nodes[n]["x"])
            if not (lat0 - pad <= y <= lat1 + pad and lon0 - pad <= x <= lon1 + pad):
                continue
            if float(np.min(haversine_m(y, x, pts[:, 0], pts[:, 1]))) <= ring_m:
                names[key(name)] = name
                break
    return tuple(sorted(names.values()))


def shortfall_lines(parade_id: str, traffic: TrafficPlan) -> tuple[str, ...]:
    """What is short (exit 3), in the current language: how many barrier points lack a marshal, how many more
    marshals hold them all, and what would fix it."""
    short = traffic.shortfall
    if short is None:
        return ()
    ids = ", ".join(short.unheld[:8]) + ("…" if len(short.unheld) > 8 else "")
    n = len(short.unheld)
    first = ngettext(
        "{parade}: {n} barrier point has no one to hold it ({ids}).",
        "{parade}: {n} barrier points have no one to hold them ({ids}).",
        n,
    ).format(parade=parade_id, n=n, ids=ids)
    fix = _(
        "The plan gives {given} marshals; at least {needed} hold every point. Add {more} more to a group of "
        "marshals (militia, civil defence, youth volunteers), or let one marshal walk farther between points "
        "(now {walk} m along the streets)."
    ).format(given=len(traffic.marshals), needed=short.needed, more=short.more_needed, walk=int(round(traffic.walk_m)))
    return (f"{first} {fix}",)
