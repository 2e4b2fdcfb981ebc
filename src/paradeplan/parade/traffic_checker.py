"""Independent check of the diversion plan: every crossing closed while the column passes, every barrier held by a
marshal who can walk there along the streets, every detour driven on the street graph in its streets' direction
of travel (one-way streets only as drawn) and off every stretch closed in its window, leaving and rejoining its
closed stretch at its ends (not on its other carriageway inside it), heavy vehicles' detours on their classes.

Written apart from :mod:`paradeplan.parade.closing`, :mod:`paradeplan.parade.marshal_model` and
:mod:`paradeplan.parade.detours`: it reads only the schedule, the route's coordinates and the street graph.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from paradeplan.geo.distance import haversine_m
from paradeplan.parade.schedule import ParadeSchedule
from paradeplan.plan.model import TrafficPolicy
from paradeplan.route.model import Route

#: A closure point this close to a junction closes it (metres).
AT_JUNCTION_M = 60.0
#: Walking speed the check allows a marshal (km/h).
WALK_KMH = 4.0
#: Rounding allowed on times interpolated along the route (seconds).
TOLERANCE_S = 5
#: A detour leaves and rejoins its closed stretch at its ends: within this of an end along it (metres; a junction
#: of two carriageways is this wide) …
END_M = 50.0
#: … where a point this close beside the stretch is on it (its other carriageway; metres).
BESIDE_M = 80.0
#: Places on a stretch this much farther from a point than its nearest one are as near (metres).
TIE_M = 1.0

Line = tuple[tuple[float, float], ...]


def route_lines(route: Route) -> tuple[Line, ...]:
    """The route's stretches as coordinate lines (what the check needs of a route)."""
    return tuple(s.coords for s in route.stretches)


def _clock(schedule: ParadeSchedule) -> Any:
    rows = sorted(schedule.timetable, key=lambda t: (t.at_m, t.seq))

    def at(m: float) -> tuple[float, float]:
        before = [t for t in rows if t.at_m <= m]
        after = [t for t in rows if t.at_m >= m]
        a = before[-1] if before else rows[0]
        b = after[0] if after else rows[-1]
        if b.at_m == a.at_m:
            return float(a.head_s), float(a.tail_s)
        f = (m - a.at_m) / (b.at_m - a.at_m)
        return a.head_s + f * (b.head_s - a.head_s), a.tail_s + f * (b.tail_s - a.tail_s)

    return at


def check_points(schedule: ParadeSchedule) -> list[str]:
    """Every junction pass closed by a point there; every point's window holds its passes; holders right."""
    out: list[str] = []
    t = schedule.traffic
    points = t.points
    if not points:
        return ["no closure points"] if schedule.posts else []
    for row in schedule.timetable:
        if row.kind != "junction":
            continue
        if not any(
            p.close_s <= row.head_s
            and row.tail_s <= p.reopen_s
            and haversine_m(p.lat, p.lon, row.lat, row.lon) <= AT_JUNCTION_M
            for p in points
        ):
            out.append(f"junction {row.name} (km {row.at_m / 1000:.3f}) passed at {row.head_s} is closed by no point")
    at = _clock(schedule)
    for p in points:
        for m in p.at_m:
            head, tail = at(m)
            if p.close_s > head + TOLERANCE_S or p.reopen_s < tail - TOLERANCE_S:
                out.append(f"{p.id} is open while the column passes km {m / 1000:.3f}")
    posts = {q.id: q for q in schedule.posts}
    unheld = set(t.shortfall.unheld) if t.shortfall else set()
    for p in points:
        if p.kind == "post":
            post = posts.get(p.id)
            if post is None or tuple(sorted(p.held_by)) != tuple(sorted(post.units)):
                out.append(f"{p.id} is no post of the schedule or lists other units")
        elif len(p.held_by) != (0 if p.id in unheld else 1):
            out.append(f"{p.id} has {len(p.held_by)} marshal(s)")
    return out


def _walker(graph: Any, walk_m: float) -> Any:
    """``walk(a, b)``: metres a marshal walks between two points along the streets, any street either way (a
    straight line without a graph; infinite beyond ``walk_m``)."""
    if graph is None:
        return lambda a, b: haversine_m(a.lat, a.lon, b.lat, b.lon)
    import networkx as nx
    import numpy as np

    ids = list(graph.nodes)
    lat = np.array([float(graph.nodes[n]["y"]) for n in ids])
    lon = np.array([float(graph.nodes[n]["x"]) for n in ids])
    both = graph.to_undirected(as_view=True)
    reach: dict[Any, dict[Any, float]] = {}

    def node(p: Any) -> tuple[Any, float]:
        d = haversine_m(p.lat, p.lon, lat, lon)
        i = int(np.argmin(d))
        return ids[i], float(d[i])

    def walk(a: Any, b: Any) -> float:
        (na, da), (nb, db) = node(a), node(b)
        if na not in reach:
            reach[na] = nx.single_source_dijkstra_path_length(both, na, cutoff=walk_m + 1, weight="length")
        d = reach[na].get(nb)
        return float("inf") if d is None else float(d) + da + db

    return walk


def check_marshals(schedule: ParadeSchedule, walk_m: float, graph: Any = None) -> list[str]:
    """Each marshal holds one point at a time and walks at most ``walk_m`` along the streets, in time, between
    them."""
    out: list[str] = []
    t = schedule.traffic
    ids = {m.id for m in t.marshals}
    chains: dict[str, list[Any]] = {}
    for p in t.points:
        if p.kind == "barrier":
            for m in p.held_by:
                if m not in ids:
                    out.append(f"{p.id} is held by {m}, who is no marshal of the plan")
                chains.setdefault(m, []).append(p)
    walk = _walker(graph, walk_m)
    for m, pts in chains.items():
        pts.sort(key=lambda p: p.close_s)
        for a, b in zip(pts, pts[1:], strict=False):
            d = walk(a, b)
            if d > walk_m + 1:
                out.append(f"{m} walks {d:.0f} m from {a.id} to {b.id} (more than {walk_m:.0f} m)")
            elif a.reopen_s + d / (WALK_KMH / 3.6) > b.close_s + 1:
                out.append(f"{m} cannot reach {b.id} from {a.id} before it closes")
    return out


def _route_windows(
    schedule: ParadeSchedule,
    lines: Sequence[Line],
    graph: Any,
    node_at: dict[tuple[float, float], set[Any]],
    policy: TrafficPolicy,
) -> dict[frozenset[tuple[float, float]], list[tuple[float, float]]]:
    """Each route edge (by its end coordinates) with the windows the column holds it in."""
    at = _clock(schedule)
    lead = policy.lead_time_min * 60
    clear = policy.clearance_min * 60
    held: dict[frozenset[tuple[float, float]], list[tuple[float, float]]] = {}
    metres = 0.0
    for line in lines:
        for a, b in zip(line, line[1:], strict=False):
            lengths = [
                float(d.get("length") or 0.0)
                for x in node_at.get(a, set())
                for y in node_at.get(b, set())
                for u, v in ((x, y), (y, x))
                if graph.has_edge(u, v)
                for d in graph[u][v].values()
            ]
            step = min(lengths) if lengths else haversine_m(a[0], a[1], b[0], b[1])
            head, _ = at(metres)
            _, tail = at(metres + step)
            held.setdefault(frozenset((a, b)), []).append((head - lead, tail + clear))
            metres += step
    return held


def _step(graph: Any, na: set[Any], nb: set[Any], classes: frozenset[str] | None) -> str:
    """What is wrong with driving from one of ``na`` to one of ``nb`` ("" when a street of ``classes`` (any when
    None) leads that way)."""
    ways = [d for x in na for y in nb if graph.has_edge(x, y) for d in graph[x][y].values()]
    if classes is not None:
        ways = [d for d in ways if str(d.get("highway", "")).removesuffix("_link") in classes]
    if ways:
        return ""
    if any(graph.has_edge(y, x) for x in na for y in nb):
        return "against the one-way street" if classes is None else "against the one-way street or off its classes"
    return "no street of the graph"


def _along(pt: tuple[float, float], line: Sequence[tuple[float, float]]) -> tuple[list[float], float, float]:
    """(metres along ``line`` of each of its places nearest ``pt`` (within :data:`TIE_M` of the nearest: a line
    folded back over itself passes a point twice), metres from ``pt`` to the nearest, length of ``line``), on a
    local flat projection."""
    import math

    kx = 111_320.0 * math.cos(math.radians(pt[0]))
    ky = 110_540.0
    found: list[tuple[float, float]] = []
    done = 0.0
    for a, b in zip(line, line[1:], strict=False):
        ax, ay = (a[1] - pt[1]) * kx, (a[0] - pt[0]) * ky
        dx, dy = (b[1] - a[1]) * kx, (b[0] - a[0]) * ky
        seg = math.hypot(dx, dy)
        t = 0.0 if seg == 0 else min(1.0, max(0.0, -(ax * dx + ay * dy) / (seg * seg)))
        found.append((math.hypot(ax + t * dx, ay + t * dy), done + t * seg))
        done += seg
    off = min((o for o, _ in found), default=math.inf)
    return [at for o, at in found if o <= off + TIE_M], off, done


def _end_inside(dv: Any, coords: Sequence[tuple[float, float]]) -> str:
    """What is wrong with where a detour leaves or rejoins its closed stretch ("" when at its ends or off it; a
    point the stretch passes twice is at an end when one of its passes there is)."""
    line = dv.closed.coords
    if len(coords) < 2 or len(line) < 2:
        return ""
    for what, pt in (("leaves", coords[0]), ("rejoins", coords[-1])):
        ats, off, length = _along(pt, line)
        if off <= BESIDE_M and all(END_M < at < length - END_M for at in ats):
            return f"{what} the route {ats[0]:.0f} m inside the closed stretch ({pt})"
    return ""


def check_detours(schedule: ParadeSchedule, lines: Sequence[Line], graph: Any, policy: TrafficPolicy) -> list[str]:
    """Every detour is driven on streets of the graph in their direction of travel, none of them a route edge the
    column holds in its window, leaving and rejoining its closed stretch at its ends; trucks' and coaches' detours
    only on the classes the policy lets them use."""
    out: list[str] = []
    diversions = schedule.traffic.diversions
    if not diversions:
        return out
    node_at: dict[tuple[float, float], set[Any]] = {}
    for n, d in graph.nodes(data=True):
        node_at.setdefault((round(float(d["y"]), 6), round(float(d["x"]), 6)), set()).add(n)
    held = _route_windows(schedule, lines, graph, node_at, policy)
    heavy = frozenset(policy.heavy_vehicle_classes) | {"bridge_join"}
    for dv in diversions:
        if not dv.coords and not dv.reason:
            out.append(f"{dv.id} has no detour and says not why")
        close, reopen = dv.closed.close_s, dv.closed.reopen_s
        for what, coords, classes in (("", dv.coords, None), (" (heavy vehicles)", dv.heavy_coords, heavy)):
            inside = _end_inside(dv, coords)
            if inside:
                out.append(f"{dv.id}{what} {inside}")
            for a, b in zip(coords, coords[1:], strict=False):
                wrong = _step(graph, node_at.get(a, set()), node_at.get(b, set()), classes)
                if wrong:
                    out.append(f"{dv.id}{what}: {a} → {b} is {wrong}")
                    break
                if any(
                    w0 + TOLERANCE_S < reopen and close < w1 - TOLERANCE_S for w0, w1 in held.get(frozenset((a, b)), [])
                ):
                    out.append(f"{dv.id}{what} drives a stretch of the route while it is closed ({a} → {b})")
                    break
    return out


def check_traffic(schedule: ParadeSchedule, lines: Sequence[Line], graph: Any, policy: TrafficPolicy) -> list[str]:
    """Every rule of the diversion plan (see the module docstring); an empty list when it holds."""
    out = check_points(schedule) + check_marshals(schedule, policy.marshal_walk_m, graph)
    if graph is not None:
        out += check_detours(schedule, lines, graph, policy)
    return out
