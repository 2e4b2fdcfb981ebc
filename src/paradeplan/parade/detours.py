"""Detours for through traffic: for each closed stretch, the shortest way around it on the street graph.

A closed stretch runs between two consecutive closure points of the route (every pass of every point, in route
order), closed from the head's arrival at the first minus the lead time to the tail clearing the second plus the
clearance. Through traffic leaves the route at the last junction before it that is open in that window (the
nearest closure point back along the route whose window does not overlap) and comes back at the first open one
after it; the detour is the shortest path between those two on the street graph without every route node closed
at that time, on the classes a car may use (:data:`CAR_CLASSES`; the graph is taken both ways, as for the
escort). Consecutive stretches of one street with the same way round share one diversion.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from paradeplan.parade.closing import RouteClock
from paradeplan.parade.schedule import ParadeSchedule
from paradeplan.parade.traffic import ClosedStretch, ClosurePoint, Diversion
from paradeplan.plan.model import TrafficPolicy
from paradeplan.route.model import Route

#: Road classes through traffic (cars, trucks) may be sent along; ``bridge_join`` closes gaps of thinned extracts.
CAR_CLASSES = frozenset(
    {"motorway", "trunk", "primary", "secondary", "tertiary", "unclassified", "residential", "road", "bridge_join"}
)
#: Speed by road class for the extra time (km/h; smaller streets 20).
CLASS_KMH = {"motorway": 60.0, "trunk": 50.0, "primary": 40.0, "secondary": 35.0, "tertiary": 30.0}
#: A detour longer than this is no detour (metres).
MAX_DETOUR_M = 20_000.0
#: Through traffic may leave the route this far before a closed stretch and come back this far after (metres).
REACH_M = 1_500.0
#: Nodes of the route street's other carriageway lie within this of a route node (metres).
TWIN_M = 80.0


@dataclass(frozen=True)
class _Stretch:
    street: str
    a: ClosurePoint
    b: ClosurePoint
    i: int
    """Index of its first route node."""
    j: int
    """Index of its last route node."""
    close_s: int
    reopen_s: int


def _kmh(highway: str) -> float:
    return CLASS_KMH.get(highway.removesuffix("_link"), 20.0)


class RouteLine:
    """The route as graph nodes with their route metres and the street each node's arriving stretch is on."""

    def __init__(self, route: Route, idx: Any) -> None:
        self.nodes: list[str] = []
        self.streets: list[str] = []
        self.names: list[frozenset[str]] = []
        for s in route.stretches:
            for n in s.nodes:
                if not self.nodes or self.nodes[-1] != n:
                    self.nodes.append(n)
                    self.streets.append(s.street)
                    self.names.append(frozenset(s.osm_names) | {s.street})
        self.at: list[float] = [0.0]
        for a, b in zip(self.nodes, self.nodes[1:], strict=False):
            w = float(idx.u[a][b]["weight"]) if idx.u.has_edge(a, b) else 0.0
            self.at.append(self.at[-1] + w)

    def index(self, at_m: float) -> int:
        """The route node nearest ``at_m`` route metres."""
        k = bisect.bisect_left(self.at, at_m)
        if k >= len(self.at):
            return len(self.at) - 1
        if k > 0 and at_m - self.at[k - 1] < self.at[k] - at_m:
            return k - 1
        return k


def closed_stretches(
    points: Sequence[ClosurePoint], line: RouteLine, clock: RouteClock, policy: TrafficPolicy
) -> list[_Stretch]:
    """The route cut at every pass of every closure point, each piece with its closed window."""
    lead = int(round(policy.lead_time_min * 60))
    clear = int(round(policy.clearance_min * 60))
    marks = sorted(((line.index(m), p) for p in points for m in p.at_m), key=lambda x: (x[0], x[1].id))
    out: list[_Stretch] = []
    for (i, a), (j, b) in zip(marks, marks[1:], strict=False):
        if j <= i:
            continue
        mid = (i + j + 1) // 2
        close = clock.times(line.at[i])[0] - lead
        reopen = clock.times(line.at[j])[1] + clear
        out.append(_Stretch(line.streets[mid], a, b, i, j, close, reopen))
    return out


def _window(line: RouteLine, clock: RouteClock, i: int, j: int, policy: TrafficPolicy) -> tuple[int, int]:
    """When the route from node ``i`` to node ``j`` is held: the head at ``i`` less the lead time to the tail
    clearing ``j`` plus the clearance."""
    lead = int(round(policy.lead_time_min * 60))
    clear = int(round(policy.clearance_min * 60))
    return clock.times(line.at[i])[0] - lead, clock.times(line.at[j])[1] + clear


def _ends(line: RouteLine, stretches: Sequence[_Stretch]) -> list[tuple[int, int]]:
    """The pieces of the route no closed stretch covers: from its start to the first closure point and from the
    last one to its end, as (first node, last node) indices."""
    out = []
    first = min(s.i for s in stretches)
    last = max(s.j for s in stretches)
    if first > 0:
        out.append((0, first))
    if last < len(line.nodes) - 1:
        out.append((last, len(line.nodes) - 1))
    return out


def _shortest(
    idx: Any, sources: dict[str, float], targets: dict[str, float], closed: set[str]
) -> tuple[list[str], float, str, str] | None:
    """The way round with the least extra length: from one of ``sources`` to one of ``targets`` (each with its
    route metre), avoiding ``closed`` nodes, on car classes. Returns (path, metres, source, target)."""
    base = min(sources.values())
    far = max(targets.values())
    dist = {n: at - base for n, at in sources.items()}
    origin = {n: n for n in sources}
    prev: dict[str, str] = {}
    heap: list[tuple[float, str]] = sorted((d, n) for n, d in dist.items())
    best: tuple[float, str] | None = None
    while heap:
        d, n = heapq.heappop(heap)
        if d > dist.get(n, float("inf")):
            continue
        if best is not None and d - (far - base) >= best[0]:
            break
        if n in targets and n not in sources:
            extra = d - (targets[n] - base)
            if best is None or extra < best[0]:
                best = (extra, n)
        if d > MAX_DETOUR_M:
            break
        for m, e in idx.u[n].items():
            if m in closed and (m not in targets or n in closed or n in sources):
                continue  # a closed node, or a closed edge (both ends on the route closed at that time)
            if str(e["highway"]).removesuffix("_link") not in CAR_CLASSES:
                continue
            nd = d + float(e["weight"])
            if nd < dist.get(m, float("inf")):
                dist[m] = nd
                prev[m] = n
                origin[m] = origin[n]
                heapq.heappush(heap, (nd, m))
    if best is None:
        return None
    path = [best[1]]
    while path[-1] not in sources or (len(path) == 1 and path[-1] in prev and prev[path[-1]] is not None and False):
        path.append(prev[path[-1]])
    path.reverse()
    src = path[0]
    metres = sum(float(idx.u[a][b]["weight"]) for a, b in zip(path, path[1:], strict=False))
    return path, metres, src, best[1]


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _names(idx: Any, path: Sequence[str]) -> tuple[str, ...]:
    out: list[str] = []
    for a, b in zip(path, path[1:], strict=False):
        names = sorted(idx.u[a][b]["names"])
        name = names[0] if names else ""
        if name and (not out or out[-1] != name) and name not in out[-1:]:
            out.append(name)
    return tuple(out)


def _route_time_s(idx: Any, path: Sequence[str]) -> float:
    return sum(
        float(idx.u[a][b]["weight"]) / (_kmh(str(idx.u[a][b]["highway"])) / 3.6)
        for a, b in zip(path, path[1:], strict=False)
    )


def plan_detours(
    schedule: ParadeSchedule, route: Route, graph: Any, points: Sequence[ClosurePoint], policy: TrafficPolicy
) -> tuple[Diversion, ...]:
    """The diversions of a parade: each closed stretch (stretches of one street sharing a way round combined)."""
    from paradeplan.geo.index import street_index

    idx = street_index(graph)
    line = RouteLine(route, idx)
    clock = RouteClock(schedule.timetable)
    stretches = closed_stretches(points, line, clock, policy)
    if not stretches:
        return ()

    marks = sorted({s.i for s in stretches} | {s.j for s in stretches})
    twins = _twins(idx, line)

    # the route before the first closure point and after the last one (a loop back to the start with no point at
    # the end): no diversion of its own, but the column drives it, so no detour may use it meanwhile
    held = [(s.i, s.j, s.close_s, s.reopen_s) for s in stretches]
    held += [(i, j, *_window(line, clock, i, j, policy)) for i, j in _ends(line, stretches)]

    def shut_during(close: int, reopen: int, keep: set[str]) -> set[str]:
        out: set[str] = set()
        for i, j, c, r in held:
            if _overlap(c, r, close, reopen):
                for k in range(i, j + 1):
                    out.add(line.nodes[k])
                    out.update(twins[k])
        return out - keep

    def way_round(first: _Stretch, last: _Stretch) -> tuple[Diversion, tuple[str, ...]]:
        close = min(first.close_s, last.close_s)
        reopen = max(first.reopen_s, last.reopen_s)
        coords = tuple(_ll(idx, n) for n in line.nodes[first.i : last.j + 1])
        closed = ClosedStretch(
            first.street,
            _label(first.a, first.street),
            _label(last.b, first.street),
            close,
            reopen,
            round(line.at[first.i]),
            round(line.at[last.j]),
            coords,
        )
        a_m, b_m = line.at[first.i], line.at[last.j]
        sources = {line.nodes[k]: line.at[k] for k in marks if a_m - REACH_M <= line.at[k] <= a_m}
        targets = {line.nodes[k]: line.at[k] for k in marks if b_m <= line.at[k] <= b_m + REACH_M}
        for n in set(sources) & set(targets):
            del targets[n]
        shut = shut_during(close, reopen, set())
        found = _shortest(idx, sources, targets, shut - set(sources)) if sources and targets else None
        if found is None:
            reason = "không có đường vòng: mọi lối quanh đoạn này đều bị cấm cùng lúc hoặc là đường cụt"
            return Diversion("", closed, (), (), None, None, reason), ()
        path, metres, src, dst = found
        along = line.at[line.nodes.index(dst, first.i)] - line.at[line.nodes.index(src)]
        names = _names(idx, path)
        return (
            Diversion(
                "",
                closed,
                names,
                tuple(_ll(idx, n) for n in path),
                max(0, int(round(metres - along))),
                max(0, int(round((_route_time_s(idx, path) - along / (20.0 / 3.6)) / 6)) * 6),
            ),
            names,
        )

    out: list[Diversion] = []
    group: list[_Stretch] = []
    current: tuple[Diversion, tuple[str, ...]] | None = None
    for s in stretches:
        single = way_round(s, s)
        if current is not None and group and group[-1].street == s.street and single[1] and single[1] == current[1]:
            merged = way_round(group[0], s)
            if merged[1] == single[1]:
                group.append(s)
                current = merged
                continue
        if current is not None:
            out.append(current[0])
        group, current = [s], single
    if current is not None:
        out.append(current[0])
    return tuple(replace(d, id=f"D{i + 1:03d}") for i, d in enumerate(out))


def _ll(idx: Any, n: str) -> tuple[float, float]:
    lat, lon = idx.latlon(n)
    return round(float(lat), 6), round(float(lon), 6)


def _twins(idx: Any, line: RouteLine) -> list[set[str]]:
    """For each route node, the nodes of the same street close by (its other carriageway): closed with it."""
    import numpy as np

    from paradeplan.geo.distance import haversine_m

    out: list[set[str]] = []
    for n, own in zip(line.nodes, line.names, strict=True):
        lat, lon = idx.latlon(n)
        d = haversine_m(lat, lon, idx.lat, idx.lon)
        near = {idx.nodes[int(i)] for i in np.flatnonzero(d <= TWIN_M)}
        out.append({m for m in near if m != n and idx.node_names.get(m, frozenset()) & own})
    return out


def _label(p: ClosurePoint, street: str) -> str:
    """A closure point as the notice names the end of a stretch: its cross street, else its own name."""
    names = [x for x in p.cross_street.split(" / ") if x and x != street]
    return names[0] if names else p.street
