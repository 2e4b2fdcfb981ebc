"""Every crossing closed: a police post or a barrier point (rào chắn) where a drivable street meets the route.

The posts come from the escort (:mod:`paradeplan.parade.assembly`). Every other pass of the column by a junction of
the route (:mod:`paradeplan.route.junctions`: streets down to living streets) and by a drivable access the street
data has (``service`` or unknown ``road`` edges leaving a route node away from any junction) that no post at that
place holds for the whole pass becomes a barrier point. Passes of one place closer in time than
:data:`paradeplan.parade.timing.MERGE_GAP_S` share one barrier; a junction passed twice farther apart gets one for
each pass, at the junction itself. Marshals hold the barriers (:mod:`paradeplan.parade.marshal_model`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from paradeplan.geo.distance import haversine_m
from paradeplan.parade.schedule import ParadeSchedule, TimetablePoint
from paradeplan.parade.timing import MERGE_GAP_S
from paradeplan.parade.traffic import ClosurePoint
from paradeplan.plan.model import TrafficPolicy
from paradeplan.route.model import Route

#: A post within this distance of a pass holds it (metres): the carriageways of one junction.
SAME_PLACE_M = 60.0
#: An access within this distance along the route of a junction is closed by that junction's point (metres).
ACCESS_NEAR_JUNCTION_M = 50.0
#: Road classes of accesses that meet the route away from junctions (the street data keeps no driveways).
ACCESS_CLASSES = frozenset({"service", "road"})


@dataclass(frozen=True)
class Pass:
    """The column passing a place where traffic meets the route."""

    key: str
    street: str
    cross: str
    lat: float
    lon: float
    at_m: int
    head_s: int
    tail_s: int


class RouteClock:
    """Head and tail times at any route metre, interpolated between the schedule's timetable points."""

    def __init__(self, timetable: Sequence[TimetablePoint]) -> None:
        rows = sorted(timetable, key=lambda t: (t.at_m, t.seq))
        self.at = [t.at_m for t in rows]
        self.rows = rows

    def times(self, at_m: float) -> tuple[int, int]:
        """(head arrives, tail clears) at ``at_m`` route metres."""
        rows, at = self.rows, self.at
        i = bisect.bisect_right(at, at_m)
        if i <= 0:
            return rows[0].head_s, rows[0].tail_s
        if i >= len(rows):
            return rows[-1].head_s, rows[-1].tail_s
        a, b = rows[i - 1], rows[i]
        if b.at_m == a.at_m:
            return a.head_s, a.tail_s
        f = (at_m - a.at_m) / (b.at_m - a.at_m)
        return int(round(a.head_s + f * (b.head_s - a.head_s))), int(round(a.tail_s + f * (b.tail_s - a.tail_s)))


def _split(name: str) -> tuple[str, str]:
    street, _, cross = name.partition(" × ")
    return street, cross


def junction_passes(schedule: ParadeSchedule) -> list[Pass]:
    """Every pass of the column by a junction of the route (the timetable's junction points)."""
    out = []
    for t in schedule.timetable:
        if t.kind != "junction":
            continue
        street, cross = _split(t.name)
        out.append(Pass(t.key, street, cross, t.lat, t.lon, t.at_m, t.head_s, t.tail_s))
    return out


def access_passes(schedule: ParadeSchedule, route: Route, graph: Any) -> list[Pass]:
    """Passes by drivable accesses (service roads) that leave a route node away from every junction."""
    from paradeplan.geo.index import street_index

    idx = street_index(graph)
    clock = RouteClock(schedule.timetable)
    junction_m = sorted(t.at_m for t in schedule.timetable)  # junctions, start, end, U-turns
    seq: list[tuple[str, str]] = []
    for s in route.stretches:
        for n in s.nodes:
            if not seq or seq[-1][0] != n:
                seq.append((n, s.street))
    out: list[Pass] = []
    dist = 0.0
    for i, (n, street) in enumerate(seq):
        if i:
            a = seq[i - 1][0]
            dist += float(idx.u[a][n]["weight"]) if idx.u.has_edge(a, n) else 0.0
        if i == 0 or i == len(seq) - 1 or n not in idx.u:
            continue
        near = {seq[i - 1][0], seq[i + 1][0]}
        names: list[str] = []
        for m in sorted(idx.u[n], key=str):
            e = idx.u[n][m]
            if m in near or str(e["highway"]).removesuffix("_link") not in ACCESS_CLASSES:
                continue
            names.extend(sorted(e["names"]) or [""])
        if not names:
            continue
        k = bisect.bisect_left(junction_m, dist - ACCESS_NEAR_JUNCTION_M)
        if k < len(junction_m) and junction_m[k] <= dist + ACCESS_NEAR_JUNCTION_M:
            continue
        lat, lon = idx.latlon(n)
        head, tail = clock.times(dist)
        cross = " / ".join(dict.fromkeys(x for x in names if x))
        out.append(Pass(f"A-{n}", street, cross, round(lat, 6), round(lon, 6), round(dist), head, tail))
    return out


def post_points(schedule: ParadeSchedule) -> list[ClosurePoint]:
    """The escort's posts as closure points."""
    out = []
    for p in schedule.posts:
        street, cross = _split(p.name)
        out.append(
            ClosurePoint(
                p.id,
                "post",
                p.lat,
                p.lon,
                street,
                cross,
                p.open_s,
                p.close_s,
                p.units,
                tuple(x.at_m for x in p.passages),
            )
        )
    return out


def held_by_a_post(pas: Pass, posts: Sequence[ClosurePoint]) -> bool:
    """A post at that place is closed for the whole pass."""
    return any(
        p.close_s <= pas.head_s
        and pas.tail_s <= p.reopen_s
        and haversine_m(p.lat, p.lon, pas.lat, pas.lon) <= SAME_PLACE_M
        for p in posts
    )


def barrier_points(passes: Sequence[Pass], posts: Sequence[ClosurePoint], policy: TrafficPolicy) -> list[ClosurePoint]:
    """A barrier point for every pass no post holds; passes of one place close in time share one."""
    lead = int(round(policy.lead_time_min * 60))
    clear = int(round(policy.clearance_min * 60))
    by_key: dict[tuple[str, int], list[Pass]] = {}
    anchors: dict[str, list[Pass]] = {}
    for pas in passes:
        if held_by_a_post(pas, posts):
            continue
        # one barrier stands at one place: a junction key may span route nodes farther apart than a point
        # closes (chained carriageway nodes), so passes of one key share a barrier only near its first pass
        places = anchors.setdefault(pas.key, [])
        k = next(
            (i for i, a in enumerate(places) if haversine_m(a.lat, a.lon, pas.lat, pas.lon) <= SAME_PLACE_M),
            None,
        )
        if k is None:
            k = len(places)
            places.append(pas)
        by_key.setdefault((pas.key, k), []).append(pas)
    groups: list[tuple[Pass, list[Pass]]] = []  # (where the barrier stands, the passes it holds)
    for (key, k), items in by_key.items():
        at = anchors[key][k]
        items.sort(key=lambda x: (x.head_s, x.at_m))
        current = [items[0]]
        for it in items[1:]:
            if it.head_s - lead - (max(c.tail_s for c in current) + clear) <= MERGE_GAP_S:
                current.append(it)
            else:
                groups.append((at, current))
                current = [it]
        groups.append((at, current))
    rows = []
    for first, grp in groups:
        cross = " / ".join(dict.fromkeys(x for g in grp for x in g.cross.split(" / ") if x))
        close = min(g.head_s for g in grp) - lead
        reopen = max(g.tail_s for g in grp) + clear
        rows.append((close, grp[0].at_m, first, cross, reopen, tuple(g.at_m for g in grp)))
    rows.sort(key=lambda r: (r[0], r[1], r[2].key))
    return [
        ClosurePoint(f"B{i + 1:03d}", "barrier", p.lat, p.lon, p.street, cross, close, reopen, (), at)
        for i, (close, _, p, cross, reopen, at) in enumerate(rows)
    ]


def closure_points(
    schedule: ParadeSchedule, route: Route, graph: Any, policy: TrafficPolicy
) -> tuple[list[ClosurePoint], list[ClosurePoint]]:
    """(posts, barrier points not yet held) of a checked schedule: every crossing of the route closed."""
    posts = post_points(schedule)
    passes = junction_passes(schedule) + (access_passes(schedule, route, graph) if graph is not None else [])
    return posts, barrier_points(passes, posts, policy)
