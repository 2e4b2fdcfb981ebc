"""Independent checker of a parade schedule against its posts/1 instance, kept apart from timing and solver code.

It imports no solver and no OR-Tools, and keeps its own great-circle formula and its own street shortest paths on
purpose (a bug in the shared distance or street-move helpers must not hide a bug in a schedule).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from paradeplan import clock
from paradeplan.parade.schedule import ParadeSchedule, count_of

if TYPE_CHECKING:
    from paradeplan.posts.instance import Instance

_R_KM = 6371.0088
_EPS_S = 1.0  # published clock times are rounded to the second


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _R_KM * math.asin(min(1.0, math.sqrt(a)))


#: A point farther than this from every street node is off the street graph: only the formula applies there.
_COVER_M = 300.0


class _Streets:
    """Shortest street distances (metres, either direction) between points, for the physical move check."""

    def __init__(self, graph: Any) -> None:
        import networkx as nx

        shortest: dict[frozenset[Any], tuple[Any, Any, float]] = {}
        for a, b, d in graph.edges(data=True):
            w = float(d.get("length") or 0.0)
            key = frozenset((a, b))
            if key not in shortest or shortest[key][2] > w:
                shortest[key] = (a, b, w)
        self.g = nx.Graph()
        self.g.add_weighted_edges_from(shortest.values(), weight="w")
        import numpy as np

        self._nodes = [(n, float(d["y"]), float(d["x"])) for n, d in graph.nodes(data=True)]
        self._lat = np.radians(np.array([y for _, y, _ in self._nodes]))
        self._lon = np.radians(np.array([x for _, _, x in self._nodes]))
        self._memo: dict[tuple[Any, Any], float | None] = {}

    def nearest(self, lat: float, lon: float) -> tuple[Any, float]:
        """The street node nearest to a point (the first of equals) and its distance in metres."""
        import numpy as np

        p1 = math.radians(lat)
        a = (
            np.sin((self._lat - p1) / 2) ** 2
            + math.cos(p1) * np.cos(self._lat) * np.sin((self._lon - math.radians(lon)) / 2) ** 2
        )
        i = int(np.argmin(a))  # the haversine is monotonic in a: the nearest by a is the nearest
        node, y, x = self._nodes[i]
        return node, _km(lat, lon, y, x) * 1000

    def metres(self, a: tuple[float, float], b: tuple[float, float]) -> float | None:
        """Street metres from a to b (straight legs to their nodes included), None when off the graph."""
        import networkx as nx

        na, da = self.nearest(*a)
        nb, db = self.nearest(*b)
        if da > _COVER_M or db > _COVER_M:
            return None
        if (na, nb) not in self._memo:
            try:
                self._memo[(na, nb)] = float(nx.bidirectional_dijkstra(self.g, na, nb, weight="w")[0])
            except nx.NetworkXNoPath:
                self._memo[(na, nb)] = None
        on = self._memo[(na, nb)]
        return None if on is None else on + da + db


def check_schedule(schedule: ParadeSchedule, instance: Instance, graph: Any = None) -> list[str]:
    """Every rule a schedule must keep; returns the violations found (empty when the schedule is sound).

    Checks: the head moves forward in time along the route and the tail never clears before the head arrives;
    every post is closed before each passage of the head and reopened only after its tail; no unit holds two
    posts at once or arrives sooner than its move allows (the instance's street time where it lists the move, else
    great circle × detour factor); with the street ``graph``, no move is faster than the unit's top speed along
    the shortest street path; each run's slack is what it says and the smallest is the escort's ``min_slack_s``;
    the delay tolerance holds; every unit's duty matches what it does (lead at the head, column in the column,
    posts holding posts, reserve with a station and no post); no unit leaves its base before its ready time or
    stays past its ``until``; no post gets more units of a kind than it needs; staging trips arrive by the
    assembly time.
    """
    out: list[str] = []
    parade = schedule.parade
    lead_units = {u.unit for u in schedule.units if u.ride in ("head", "column")}

    last_head = -1
    for row in schedule.timetable:
        if row.head_s + _EPS_S < last_head:
            out.append(f"timetable {row.seq} ({row.name}): head {clock.hm(row.head_s)} before the previous point")
        if row.tail_s + _EPS_S < row.head_s:
            out.append(
                f"timetable {row.seq} ({row.name}): tail {clock.hm(row.tail_s)} before head {clock.hm(row.head_s)}"
            )
        last_head = max(last_head, row.head_s)
    if parade.finish_tail_s < parade.finish_head_s:
        out.append("finish: tail arrives before head")

    inst_units = {u.id: u for u in instance.units}
    inst_posts = {p.id: p for p in instance.posts}
    detour = float(instance.detour_factor)
    for post in schedule.posts:
        for pas in post.passages:
            if post.open_s > pas.head_s + _EPS_S:
                out.append(
                    f"post {post.id}: closes at {clock.hm(post.open_s)}, "
                    f"after the head passes at {clock.hm(pas.head_s)}"
                )
            if post.close_s + _EPS_S < pas.tail_s:
                out.append(
                    f"post {post.id}: reopens at {clock.hm(post.close_s)}, "
                    f"before the tail clears at {clock.hm(pas.tail_s)}"
                )
        counts: dict[str, int] = {}
        for uid in post.units:
            kind = inst_units[uid].kind if uid in inst_units else "?"
            counts[kind] = counts.get(kind, 0) + 1
            if uid in lead_units:
                out.append(f"post {post.id}: unit {uid} rides in the column and cannot hold a post")
        for kind, n in counts.items():
            if n > count_of(post.need, kind):
                out.append(f"post {post.id}: {n} {kind} unit(s) but the need is {count_of(post.need, kind)}")
        ip = inst_posts.get(post.id)
        if ip is None or ip.open // 60 != post.open_s // 60 or ip.close // 60 != post.close_s // 60:
            out.append(f"post {post.id}: differs from posts.json")

    table = instance.travel_map
    streets = _Streets(graph) if graph is not None else None
    slacks: list[int] = []
    margins: list[int] = []
    for unit in schedule.units:
        if not unit.runs:
            continue
        iu = inst_units.get(unit.unit)
        if iu is None:
            out.append(f"unit {unit.unit}: holds posts but is not an escort unit in posts.json")
            continue
        at, pos = iu.id, (iu.lat, iu.lon)
        free_at = iu.ready
        for r in unit.runs:
            listed = table.get(at, {}).get(r.post)
            need_s = (
                float(listed)
                if listed is not None
                else _km(pos[0], pos[1], r.lat, r.lon) * detour / iu.speed_kmh * 3600
            )
            if free_at + need_s > r.hold_from_s + _EPS_S:
                out.append(
                    f"unit {unit.unit}: cannot reach {r.post} by {clock.hm(r.hold_from_s)} "
                    f"({need_s / 60:.1f} min of travel, free from {clock.hm(free_at)})"
                )
            if streets is not None:
                metres = streets.metres(pos, (r.lat, r.lon))
                if metres is not None and (r.arrive_s - free_at + _EPS_S) * iu.speed_kmh / 3.6 < metres:
                    out.append(
                        f"unit {unit.unit}: reaches {r.post} {r.arrive_s - free_at} s after leaving, faster "
                        f"than {iu.speed_kmh:g} km/h over the {metres:.0f} m of streets"
                    )
            if abs((r.hold_from_s - r.arrive_s) - r.slack_s) > _EPS_S:
                out.append(
                    f"unit {unit.unit}: post {r.post} slack {r.slack_s} s, but it arrives "
                    f"{r.hold_from_s - r.arrive_s} s before holding"
                )
            if r.slack_s < 0:
                out.append(f"unit {unit.unit}: arrives at {r.post} after it must hold it")
            slacks.append(r.slack_s)
            if r.release_s <= r.hold_from_s:
                out.append(f"unit {unit.unit}: post {r.post} released before it is held")
            at, pos = r.post, (r.lat, r.lon)
            free_at = r.release_s
        margins.append(iu.until - free_at)
        if free_at > iu.until + _EPS_S:
            out.append(
                f"unit {unit.unit}: busy until {clock.hm(unit.runs[-1].release_s)}, "
                f"after its until {clock.hm(iu.until)}"
            )
    out += _check_escort(schedule, slacks, margins)

    assembly = parade.assembly.time_s
    for trip in schedule.staging:
        if trip.leave_base_s is not None and trip.leave_base_s > trip.arrive_s:
            out.append(f"staging {trip.unit}: leaves its base after it should arrive")
        if trip.arrive_s > assembly + _EPS_S and not trip.late_s:
            out.append(f"staging {trip.unit}: arrives {clock.hm(trip.arrive_s)} after the assembly, not reported late")
    return out


def _check_escort(schedule: ParadeSchedule, slacks: list[int], margins: list[int]) -> list[str]:
    """The escort's summary figures and every unit's duty agree with the runs."""
    out: list[str] = []
    esc = schedule.escort
    smallest = min(slacks) if slacks else None
    if smallest is not None and esc.min_slack_s is not None and abs(esc.min_slack_s - smallest) > _EPS_S:
        out.append(f"escort: min_slack_s is {esc.min_slack_s} s, the runs' smallest slack is {smallest} s")
    if (smallest is None) != (esc.min_slack_s is None):
        out.append(f"escort: min_slack_s is {esc.min_slack_s}, but the runs' smallest slack is {smallest}")
    tol = esc.delay_tolerance
    if smallest is not None and tol.early_min * 60 > smallest:
        out.append(f"escort: early tolerance {tol.early_min} min exceeds the smallest slack ({smallest} s)")
    if margins and tol.late_min * 60 > min(margins):
        out.append(
            f"escort: late tolerance {tol.late_min} min exceeds a unit's time left after its last post "
            f"({min(margins)} s)"
        )
    column = {c.unit for c in schedule.column}
    for u in schedule.units:
        want = "lead" if u.ride == "head" else "column" if u.unit in column else "posts" if u.runs else "reserve"
        if u.duty != want:
            does = "holds posts" if u.runs else "rides in the column" if u.unit in column else "holds no post"
            out.append(f"unit {u.unit}: duty {u.duty}, but it {does} (expected {want})")
        if (u.duty == "reserve") != (u.station is not None):
            what = "a reserve without a station" if u.duty == "reserve" else "a station but it is no reserve"
            out.append(f"unit {u.unit}: {what}")
        if u.station is not None and schedule.post(u.station.post) is None:
            out.append(f"unit {u.unit}: stationed by unknown post {u.station.post}")
    return out


def check_onward(schedule: ParadeSchedule) -> list[str]:
    """No two vehicles parade on one segment at the same time; every vehicle's legs follow one another."""
    out: list[str] = []
    users: dict[str, list[tuple[int, int, str]]] = {}
    for item in schedule.onward:
        prev: int | None = None
        for leg in item.legs:
            a, b = leg.enter_s, leg.leave_s
            if b < a or (prev is not None and a + _EPS_S < prev):
                out.append(f"onward {item.unit}: leg {leg.seq} starts before the previous one ends")
            prev = b
            if leg.mode == "parade":
                users.setdefault(leg.segment, []).append((a, b, item.unit))
    for seg, spans in users.items():
        spans.sort()
        for (_a1, b1, u1), (a2, _b2, u2) in zip(spans, spans[1:], strict=False):
            if u1 != u2 and a2 + _EPS_S < b1:
                out.append(f"onward: {u1} and {u2} parade on segment {seg} at the same time")
    return out
