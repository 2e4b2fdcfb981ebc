"""Independent checker of a parade schedule against its posts/1 instance, kept apart from timing and solver code.

It imports no solver and no OR-Tools, and keeps its own great-circle formula and its own street shortest paths on
purpose (a bug in the shared distance or street-move helpers must not hide a bug in a schedule).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from paradeplan import clock
from paradeplan.parade.schedule import ParadeSchedule, Run, count_of

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


@dataclass(frozen=True)
class _Judged:
    """A schedule with the posts/1 instance it was solved from and the street graph (when given)."""

    schedule: ParadeSchedule
    instance: Instance
    streets: _Streets | None

    @cached_property
    def units(self) -> dict[str, Any]:
        return {u.id: u for u in self.instance.units}


def timetable_moves_forward(j: _Judged) -> Iterator[str]:
    """The head moves forward in time along the route and the tail never clears a point before the head."""
    last_head = -1
    for row in j.schedule.timetable:
        if row.head_s + _EPS_S < last_head:
            yield f"timetable {row.seq} ({row.name}): head {clock.hm(row.head_s)} before the previous point"
        if row.tail_s + _EPS_S < row.head_s:
            yield f"timetable {row.seq} ({row.name}): tail {clock.hm(row.tail_s)} before head {clock.hm(row.head_s)}"
        last_head = max(last_head, row.head_s)
    if j.schedule.parade.finish_tail_s < j.schedule.parade.finish_head_s:
        yield "finish: tail arrives before head"


def posts_closed_for_every_passage(j: _Judged) -> Iterator[str]:
    """Every post is closed before each passage of the head and reopened only after its tail."""
    for post in j.schedule.posts:
        for pas in post.passages:
            if post.open_s > pas.head_s + _EPS_S:
                yield (
                    f"post {post.id}: closes at {clock.hm(post.open_s)}, "
                    f"after the head passes at {clock.hm(pas.head_s)}"
                )
            if post.close_s + _EPS_S < pas.tail_s:
                yield (
                    f"post {post.id}: reopens at {clock.hm(post.close_s)}, "
                    f"before the tail clears at {clock.hm(pas.tail_s)}"
                )


def posts_get_no_more_than_they_need(j: _Judged) -> Iterator[str]:
    """No post is held by a column vehicle or by more units of a kind than it needs; posts match posts.json."""
    column = {u.unit for u in j.schedule.units if u.ride in ("head", "column")}
    inst_posts = {p.id: p for p in j.instance.posts}
    for post in j.schedule.posts:
        counts: dict[str, int] = {}
        for uid in post.units:
            kind = j.units[uid].kind if uid in j.units else "?"
            counts[kind] = counts.get(kind, 0) + 1
            if uid in column:
                yield f"post {post.id}: unit {uid} rides in the column and cannot hold a post"
        for kind, n in counts.items():
            if n > count_of(post.need, kind):
                yield f"post {post.id}: {n} {kind} unit(s) but the need is {count_of(post.need, kind)}"
        ip = inst_posts.get(post.id)
        if ip is None or ip.open // 60 != post.open_s // 60 or ip.close // 60 != post.close_s // 60:
            yield f"post {post.id}: differs from posts.json"


def units_reach_their_posts_in_time(j: _Judged) -> Iterator[str]:
    """No unit holds two posts at once, arrives sooner than its move allows (the instance's street time where it
    lists the move, else great circle × detour factor; with the street graph, never faster than its top speed
    along the shortest street path), misstates a slack, or stays past its ``until``."""
    for unit in j.schedule.units:
        if not unit.runs:
            continue
        iu = j.units.get(unit.unit)
        if iu is None:
            yield f"unit {unit.unit}: holds posts but is not an escort unit in posts.json"
            continue
        at, pos, free_at = iu.id, (iu.lat, iu.lon), iu.ready
        for r in unit.runs:
            yield from _move_and_hold(j, unit.unit, iu, at, pos, free_at, r)
            at, pos, free_at = r.post, (r.lat, r.lon), r.release_s
        if free_at > iu.until + _EPS_S:
            yield (
                f"unit {unit.unit}: busy until {clock.hm(unit.runs[-1].release_s)}, "
                f"after its until {clock.hm(iu.until)}"
            )


def _move_and_hold(
    j: _Judged, uid: str, iu: Any, at: str, pos: tuple[float, float], free_at: int, r: Run
) -> Iterator[str]:
    """One move of a unit, from ``at`` (free from ``free_at``) to the post of run ``r``, and its hold there."""
    listed = j.instance.travel_map.get(at, {}).get(r.post)
    detour = float(j.instance.detour_factor)
    need_s = float(listed) if listed is not None else _km(pos[0], pos[1], r.lat, r.lon) * detour / iu.speed_kmh * 3600
    if free_at + need_s > r.hold_from_s + _EPS_S:
        yield (
            f"unit {uid}: cannot reach {r.post} by {clock.hm(r.hold_from_s)} "
            f"({need_s / 60:.1f} min of travel, free from {clock.hm(free_at)})"
        )
    metres = j.streets.metres(pos, (r.lat, r.lon)) if j.streets is not None else None
    if metres is not None and (r.arrive_s - free_at + _EPS_S) * iu.speed_kmh / 3.6 < metres:
        yield (
            f"unit {uid}: reaches {r.post} {r.arrive_s - free_at} s after leaving, faster "
            f"than {iu.speed_kmh:g} km/h over the {metres:.0f} m of streets"
        )
    if abs((r.hold_from_s - r.arrive_s) - r.slack_s) > _EPS_S:
        yield (
            f"unit {uid}: post {r.post} slack {r.slack_s} s, but it arrives "
            f"{r.hold_from_s - r.arrive_s} s before holding"
        )
    if r.slack_s < 0:
        yield f"unit {uid}: arrives at {r.post} after it must hold it"
    if r.release_s <= r.hold_from_s:
        yield f"unit {uid}: post {r.post} released before it is held"


def escort_figures_and_duties_agree(j: _Judged) -> Iterator[str]:
    """The escort's smallest slack and delay tolerance follow from the runs; every unit's duty matches what it does."""
    slacks: list[int] = []
    margins: list[int] = []
    for unit in j.schedule.units:
        iu = j.units.get(unit.unit)
        if unit.runs and iu is not None:
            slacks += [r.slack_s for r in unit.runs]
            margins.append(iu.until - unit.runs[-1].release_s)
    yield from _check_escort(j.schedule, slacks, margins)


def staging_arrives_by_the_assembly(j: _Judged) -> Iterator[str]:
    """Staging trips leave their base before they arrive, and arrive by the assembly time or are reported late."""
    assembly = j.schedule.parade.assembly.time_s
    for trip in j.schedule.staging:
        if trip.leave_base_s is not None and trip.leave_base_s > trip.arrive_s:
            yield f"staging {trip.unit}: leaves its base after it should arrive"
        if trip.arrive_s > assembly + _EPS_S and not trip.late_s:
            yield f"staging {trip.unit}: arrives {clock.hm(trip.arrive_s)} after the assembly, not reported late"


#: Every rule :func:`check_schedule` applies, in the order it reports.
RULES: tuple[Callable[[_Judged], Iterator[str]], ...] = (
    timetable_moves_forward,
    posts_closed_for_every_passage,
    posts_get_no_more_than_they_need,
    units_reach_their_posts_in_time,
    escort_figures_and_duties_agree,
    staging_arrives_by_the_assembly,
)


def check_schedule(schedule: ParadeSchedule, instance: Instance, graph: Any = None) -> list[str]:
    """Every rule a schedule must keep (:data:`RULES`); returns the violations found (empty when it is sound).

    With the street ``graph``, moves are also checked against the shortest street path.
    """
    judged = _Judged(schedule, instance, _Streets(graph) if graph is not None else None)
    return [problem for rule in RULES for problem in rule(judged)]


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
