"""Detours for through traffic: for each closed stretch, the shortest way round it on the street graph.

A closed stretch runs between two consecutive **through junctions** of the route: closure points where a street
through traffic can use meets it (every police post, and every barrier at a named street that is no alley, see
:func:`is_alley`); the alleys between them are closed by their barriers but are no ends of a detour. It is closed
from the head's arrival at its first junction minus the lead time to the tail clearing its last plus the clearance.
Through traffic in either direction leaves the route at a through junction up to :data:`REACH_M` before it and comes
back at one up to :data:`REACH_M` after it; the detour is the shortest drive between those on the **directed**
street graph (one-way streets only as drawn, ``oneway=-1`` and roundabouts as the street data import turned them)
without every route node closed at that time (each piece of the route between two closure points in its own
window), on the classes a car may use (:data:`CAR_CLASSES`) and never down an alley. Trucks and coaches get their
own way round on the classes the plan's policy lets them use (``traffic.heavy_vehicle_classes``), or none.
Consecutive stretches of one street join while one way round passes the whole run. Where no way round exists the
diversion says why; every diversion names the dead-end side streets off it, whose residents wait
(:mod:`paradeplan.parade.dead_ends`).
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from paradeplan.parade.closing import RouteClock
from paradeplan.parade.dead_ends import dead_end_streets
from paradeplan.parade.schedule import ParadeSchedule
from paradeplan.parade.traffic import ClosedStretch, ClosurePoint, Diversion
from paradeplan.plan.model import TrafficPolicy
from paradeplan.route.model import Route

#: Road classes through traffic (cars) may be sent along; ``bridge_join`` closes gaps of thinned extracts.
CAR_CLASSES = frozenset(
    {"motorway", "trunk", "primary", "secondary", "tertiary", "unclassified", "residential", "road", "bridge_join"}
)
#: Speed by road class for the extra time (km/h; smaller streets 20).
CLASS_KMH = {"motorway": 60.0, "trunk": 50.0, "primary": 40.0, "secondary": 35.0, "tertiary": 30.0}
#: Through traffic is sent along the bigger streets: a metre of these classes counts this much more when the
#: shortest way round is sought (alleys and small residential streets only where nothing else leads round).
CLASS_COST = {"tertiary": 1.2, "unclassified": 1.5, "residential": 2.0, "road": 2.0}
#: A detour longer than this is no detour (metres).
MAX_DETOUR_M = 20_000.0
#: Through traffic may leave the route this far before a closed stretch and come back this far after (metres).
REACH_M = 1_500.0
#: Nodes of the route street's other carriageway lie within this of a route node (metres).
TWIN_M = 80.0
#: How far from a closed stretch's ends a detour may leave or rejoin it (beside the stretch farther in, it may not).
END_M = 50.0
#: Places on a closed line this much farther from a point than its nearest one are as near (metres): a line folded
#: back over itself passes a point twice.
TIE_M = 1.0
#: A closure point with no cross street is named after the route's other street this close to it (metres).
TURN_NAME_M = 80.0
#: First words of the names of alleys (Vietnamese "hẻm", "ngõ", "ngách", "kiệt"): no street for through traffic.
ALLEY_WORDS = ("hẻm", "ngõ", "ngách", "kiệt")


def is_alley(name: str) -> bool:
    """Whether a street name is an alley's ("Hẻm 550 Tô Ký", "Ngõ 12 Trần Phú"): through traffic is not sent there."""
    first = name.strip().casefold().split(" ", 1)[0]
    return first in ALLEY_WORDS


def through_junction(p: ClosurePoint) -> bool:
    """Whether through traffic may leave or rejoin the route at closure point ``p``: a police post, or a barrier
    where a named street that is no alley crosses."""
    if p.kind == "post":
        return True
    return any(x and x != p.street and not is_alley(x) for x in p.cross_street.split(" / "))


#: Directed drivable streets: node -> {next node: (metres, road class)}.
Roads = dict[str, dict[str, tuple[float, str]]]


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
    frm: str = ""
    """The name of its first end (:func:`end_name`)."""
    to: str = ""


def _kmh(highway: str) -> float:
    return CLASS_KMH.get(highway.removesuffix("_link"), 20.0)


def drivable(graph: Any, classes: Iterable[str]) -> Roads:
    """The street graph's edges of ``classes`` (``_link`` roads with their class), alleys left out, each way it may
    be driven: the graph holds a one-way street's edge only in its direction of travel."""
    keep = frozenset(classes) | {"bridge_join"}
    out: Roads = {}
    for a, b, d in graph.edges(data=True):
        hw = str(d.get("highway") or "road")
        name = d.get("name")
        if a == b or hw.removesuffix("_link") not in keep or (isinstance(name, str) and is_alley(name)):
            continue
        w = float(d.get("length") or 0.0)
        here = out.setdefault(a, {})
        if b not in here or w < here[b][0]:
            here[b] = (w, hw)
    return out


def both_ways(roads: Roads) -> Roads:
    """``roads`` with every street drivable both ways."""
    out: Roads = {a: dict(m) for a, m in roads.items()}
    for a, m in roads.items():
        for b, v in m.items():
            out.setdefault(b, {}).setdefault(a, v)
    return out


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
    points: Sequence[ClosurePoint], line: RouteLine, clock: RouteClock, policy: TrafficPolicy, *, named: bool = False
) -> list[_Stretch]:
    """The route cut at every pass of every closure point, each piece with its closed window and the names of its
    ends. ``named``: a piece whose two ends have one name (the two carriageways of a crossing street, a staggered
    junction, a junction passed out and back) joins the next one (the last one the one before), so that every
    stretch runs from one junction to another."""
    marks = sorted(((line.index(m), p) for p in points for m in p.at_m), key=lambda x: (x[0], x[1].id))
    marks = [m for k, m in enumerate(marks) if k == 0 or m[0] > marks[k - 1][0]]
    while named:
        same = [
            k
            for k in range(len(marks) - 1)
            if end_name(marks[k][1], line, marks[k][0], _street(line, marks[k][0], marks[k + 1][0]))
            == end_name(marks[k + 1][1], line, marks[k + 1][0], _street(line, marks[k][0], marks[k + 1][0]))
        ]
        if not same or len(marks) <= 2:
            break
        k = same[0]
        del marks[k + 1 if k + 1 < len(marks) - 1 else k]
    out: list[_Stretch] = []
    for (i, a), (j, b) in zip(marks, marks[1:], strict=False):
        street = _street(line, i, j)
        out.append(
            _Stretch(
                street,
                a,
                b,
                i,
                j,
                *_window(line, clock, i, j, policy),
                end_name(a, line, i, street),
                end_name(b, line, j, street),
            )
        )
    return out


def _street(line: RouteLine, i: int, j: int) -> str:
    """The route's street between route nodes ``i`` and ``j``."""
    return line.streets[(i + j + 1) // 2]


def end_name(p: ClosurePoint, line: RouteLine, k: int, street: str) -> str:
    """A closure point at route node ``k`` as the end of a stretch of ``street`` is named: its cross street (a
    street before an alley), else the route's other street there (where the column turns), else its own name."""
    names = sorted((x for x in p.cross_street.split(" / ") if x and x != street), key=is_alley)
    if names:
        return names[0]
    at = line.at[k]
    near = sorted(
        (abs(line.at[x] - at), line.streets[x])
        for x in range(max(0, k - 20), min(len(line.nodes), k + 21))
        if abs(line.at[x] - at) <= TURN_NAME_M
    )
    return next((x for _d, x in near if x != street), p.street)


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


def shortest_way_round(
    roads: Roads, sources: dict[str, float], targets: dict[str, float], closed: set[str]
) -> tuple[list[str], float] | None:
    """The way round with the least extra length (small streets' metres weighted by :data:`CLASS_COST`): from one
    of ``sources`` to one of ``targets`` (each with its route metre) along ``roads`` in their direction of travel,
    avoiding ``closed`` nodes. Returns (path, metres)."""
    base = min(sources.values())
    far = max(targets.values())
    dist = {n: at - base for n, at in sources.items()}
    prev: dict[str, str] = {}
    heap: list[tuple[float, str]] = sorted((d, n) for n, d in dist.items())
    best: tuple[float, str] | None = None
    while heap:
        d, n = heapq.heappop(heap)
        if d > dist.get(n, float("inf")):
            continue
        if (best is not None and d - (far - base) >= best[0]) or d > MAX_DETOUR_M:
            break
        if n in targets and n not in sources:
            extra = d - (targets[n] - base)
            if best is None or extra < best[0]:
                best = (extra, n)
        for m, (w, hw) in roads.get(n, {}).items():
            if m in closed and (m not in targets or n in closed or n in sources):
                continue  # a closed node, or a closed edge (both ends on the route closed at that time)
            cost = d + w * CLASS_COST.get(hw.removesuffix("_link"), 1.0)
            if cost < dist.get(m, float("inf")):
                dist[m] = cost
                prev[m] = n
                heapq.heappush(heap, (cost, m))
    if best is None:
        return None
    path = [best[1]]
    while path[-1] not in sources:
        path.append(prev[path[-1]])
    path.reverse()
    return path, sum(roads[a][b][0] for a, b in zip(path, path[1:], strict=False))


def beside_inside(pt: tuple[float, float], line: Any) -> bool:
    """Whether ``pt`` lies beside the closed line (``(n, 2)`` latitudes and longitudes, in order) within
    :data:`TWIN_M`, away from both its ends by more than :data:`END_M`: a route passed out and back on another
    carriageway comes by such points, but a driver neither leaves nor rejoins a closed street there. Where the line
    folds back over itself (out and back along one street), a point is beside each of its passes: it is at an end
    when one of its nearest places on the line (within :data:`TIE_M` of the nearest) is."""
    import numpy as np

    if len(line) < 2:
        return False
    k = np.array([110_540.0, 111_320.0 * np.cos(np.radians(pt[0]))])
    xy = (line - np.asarray(pt, dtype=float)) * k  # metres, the point at the origin
    a, d = xy[:-1], np.diff(xy, axis=0)
    seg = np.hypot(d[:, 0], d[:, 1])
    t = np.clip(-(a * d).sum(axis=1) / np.where(seg > 0, seg * seg, 1.0), 0.0, 1.0)
    off = np.hypot(*(a + t[:, None] * d).T)
    start = np.concatenate(([0.0], np.cumsum(seg)[:-1]))
    near = off <= off.min() + TIE_M
    at = start[near] + t[near] * seg[near]
    return bool(off.min() <= TWIN_M and ((at > END_M) & (at < float(seg.sum()) - END_M)).all())


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _names(idx: Any, path: Sequence[str]) -> tuple[str, ...]:
    out: list[str] = []
    for a, b in zip(path, path[1:], strict=False):
        names = sorted(idx.u[a][b]["names"])
        name = names[0] if names else ""
        if name and (not out or out[-1] != name):
            out.append(name)
    return tuple(out)


def _drive_s(roads: Roads, path: Sequence[str]) -> float:
    return sum(roads[a][b][0] / (_kmh(roads[a][b][1]) / 3.6) for a, b in zip(path, path[1:], strict=False))


@dataclass
class _Detours:
    """What every way round of one parade is computed from."""

    idx: Any
    line: RouteLine
    cars: Roads
    heavy: Roads
    marks: list[int]
    """Route node indices of the through junctions (where traffic may leave and rejoin the route)."""
    held: list[tuple[int, int, int, int]]
    """(first node, last node, close, reopen) of every piece of route the column holds."""
    twins: list[set[str]]
    both: Roads
    """``cars`` driven either way (to tell a one-way dead end from a closed one)."""
    route_nodes: frozenset[str]
    """Every route node and its other carriageway."""
    against: bool = False
    """The ways round for traffic heading against the column (from the end of each stretch to its start)."""

    def shut_during(self, close: int, reopen: int) -> set[str]:
        """Route nodes (and their other carriageway) held at some moment of [close, reopen)."""
        out: set[str] = set()
        for i, j, c, r in self.held:
            if _overlap(c, r, close, reopen):
                for k in range(i, j + 1):
                    out.add(self.line.nodes[k])
                    out.update(self.twins[k])
        return out

    def closed(self, first: _Stretch, last: _Stretch) -> ClosedStretch:
        """The route from ``first`` to ``last`` as traffic heading this way meets it (route metres in route order)."""
        line = self.line
        frm, to = first.frm, last.to
        coords = tuple(_ll(self.idx, n) for n in line.nodes[first.i : last.j + 1])
        return ClosedStretch(
            first.street,
            to if self.against else frm,
            frm if self.against else to,
            min(first.close_s, last.close_s),
            max(first.reopen_s, last.reopen_s),
            round(line.at[first.i]),
            round(line.at[last.j]),
            coords[::-1] if self.against else coords,
        )

    def ends(
        self, first: _Stretch, last: _Stretch, held: set[str], coords: Sequence[tuple[float, float]]
    ) -> tuple[dict[str, float], dict[str, float]]:
        """Where through traffic may leave the route before the stretches and rejoin it after (in its direction
        of travel), each with its place along that direction: the through junctions within :data:`REACH_M`, on
        either carriageway, but none inside the stretches (another carriageway's node nearer a node inside than
        its junction, or any node beside the closed line ``coords`` away from its ends) and, but for the
        stretches' own two ends, none the column holds meanwhile (``held``: a route passed out and back comes by
        the same junctions again)."""
        import numpy as np

        line = self.line
        a_m, b_m = line.at[first.i], line.at[last.j]
        before: dict[str, float] = {}
        after: dict[str, float] = {}
        sign = -1.0 if self.against else 1.0
        inner = line.nodes[first.i + 1 : last.j]
        closed = np.asarray(coords, dtype=float)
        for k in self.marks:
            at = line.at[k]
            ends = before if a_m - REACH_M <= at <= a_m else after if b_m <= at <= b_m + REACH_M else None
            if ends is None:
                continue
            for n in (line.nodes[k], *sorted(self.twins[k])):  # a one-way pair carries each way on one of them
                if n in inner or self._inside(n, k, inner) or beside_inside(self.idx.latlon(n), closed):
                    continue
                ends.setdefault(n, sign * at)
        sources, targets = (after, before) if self.against else (before, after)
        for n in set(sources) & set(targets):
            del targets[n]
        return sources, targets

    def _inside(self, n: str, k: int, inner: Sequence[str]) -> bool:
        """Whether ``n`` (a node of the other carriageway at route node ``k``) lies nearer a node of ``inner``
        than route node ``k``: inside the closed stretches, no place to leave or rejoin them."""
        if n == self.line.nodes[k] or not inner:
            return False
        from paradeplan.geo.distance import haversine_m

        lat, lon = self.idx.latlon(n)
        own = float(haversine_m(lat, lon, *self.idx.latlon(self.line.nodes[k])))
        return any(float(haversine_m(lat, lon, *self.idx.latlon(m))) < own for m in inner)

    def why(self, sources: dict[str, float], targets: dict[str, float], shut: set[str]) -> str:
        """Why no way round exists: the only ones run against one-way streets, the column holds them all at once,
        or no street joins the ends."""
        if not sources or not targets:
            return "no-street"
        if shortest_way_round(self.both, sources, targets, shut) is not None:
            return "one-way"
        if shortest_way_round(self.cars, sources, targets, set()) is not None:
            return "closed-at-once"
        return "no-street"

    def way_round(self, first: _Stretch, last: _Stretch) -> Diversion:
        """The diversion of the route from ``first`` to ``last`` (stretches of one street)."""
        closed = self.closed(first, last)
        held = self.shut_during(closed.close_s, closed.reopen_s)
        sources, targets = self.ends(first, last, held, closed.coords)
        shut = held - set(sources)
        pockets = (
            ()
            if self.against
            else dead_end_streets(
                self.idx, self.line.nodes[first.i : last.j], self.route_nodes, frozenset().union(*self.line.names)
            )
        )
        found = shortest_way_round(self.cars, sources, targets, shut) if sources and targets else None
        if found is None:
            why = self.why(sources, targets, shut)
            return Diversion("", closed, (), (), None, None, why, pockets, against=self.against)
        path, metres = found
        along = targets[path[-1]] - sources[path[0]]
        heavy = shortest_way_round(self.heavy, sources, targets, shut)
        return Diversion(
            "",
            closed,
            _names(self.idx, path),
            tuple(_ll(self.idx, n) for n in path),
            max(0, int(round(metres - along))),
            max(0, int(round((_drive_s(self.cars, path) - along / (20.0 / 3.6)) / 6)) * 6),
            None,
            pockets,
            _names(self.idx, heavy[0]) if heavy else (),
            tuple(_ll(self.idx, n) for n in heavy[0]) if heavy else (),
            self.against,
        )


def _joins(current: Diversion, single: Diversion, merged: Diversion) -> bool:
    """Whether a stretch joins the run before it (of the same street): the whole run still has a way round when
    the run had one, or the run, the stretch and the whole have none for the same reason."""
    if current.detour:
        return bool(merged.detour)
    return not single.detour and not merged.detour and current.reason == single.reason == merged.reason


def _combined(ways: _Detours, stretches: Sequence[_Stretch]) -> list[Diversion]:
    """One diversion per run of stretches of one street, in the direction of travel: a run grows while one way
    round (the trucks' too, when they have one) passes the whole of it, from the through junction before its
    first stretch to the one after its last."""
    out: list[Diversion] = []
    group: list[_Stretch] = []
    current: Diversion | None = None
    for s in reversed(stretches) if ways.against else stretches:
        single = ways.way_round(s, s)
        if current is not None and group[-1].street == s.street:
            merged = ways.way_round(s, group[0]) if ways.against else ways.way_round(group[0], s)
            if (
                _joins(current, single, merged)
                and bool(merged.heavy) >= bool(current.heavy)
                and merged.closed.frm != merged.closed.to  # out and back (a U-turn): two stretches
            ):
                group.append(s)
                current = merged
                continue
        if current is not None:
            out.append(current)
        group, current = [s], single
    if current is not None:
        out.append(current)
    return out


def plan_detours(
    schedule: ParadeSchedule, route: Route, graph: Any, points: Sequence[ClosurePoint], policy: TrafficPolicy
) -> tuple[Diversion, ...]:
    """The diversions of a parade: each closed stretch (stretches of one street sharing a way round combined),
    for traffic heading the column's way (route order), then for traffic heading against it."""
    from paradeplan.geo.index import street_index

    idx = street_index(graph)
    line = RouteLine(route, idx)
    clock = RouteClock(schedule.timetable)
    stretches = closed_stretches(points, line, clock, policy)
    through = closed_stretches([p for p in points if through_junction(p)], line, clock, policy, named=True)
    if not stretches or not through:
        return ()
    # the route before the first closure point and after the last one (a loop back to the start with no point at
    # the end): no diversion of its own, but the column drives it, so no detour may use it meanwhile
    held = [(s.i, s.j, s.close_s, s.reopen_s) for s in stretches]
    held += [(i, j, *_window(line, clock, i, j, policy)) for i, j in _ends(line, stretches)]
    twins = _twins(idx, line)
    cars = drivable(graph, CAR_CLASSES)
    ways = _Detours(
        idx,
        line,
        cars,
        drivable(graph, policy.heavy_vehicle_classes),
        sorted({s.i for s in through} | {s.j for s in through}),
        held,
        twins,
        both_ways(cars),
        frozenset(line.nodes).union(*twins),
    )
    both = [*_combined(ways, through), *_combined(replace(ways, against=True), through)]
    return tuple(replace(d, id=f"D{i + 1:03d}") for i, d in enumerate(both))


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
