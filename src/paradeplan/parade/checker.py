"""Independent checker of a parade schedule against its posts/1 instance, kept apart from timing and solver code.

It imports no solver and no OR-Tools, and keeps its own great-circle formula on purpose (a bug in the shared
distance helper must not hide a bug in a schedule).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

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


def _hm(s: int) -> str:
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}"


def check_schedule(schedule: ParadeSchedule, instance: Instance) -> list[str]:
    """Every rule a schedule must keep; returns the violations found (empty when the schedule is sound).

    Checks: the head moves forward in time along the route and the tail never clears before the head arrives;
    every post is closed before each passage of the head and reopened only after its tail; no unit holds two
    posts at once or moves faster than its speed allows (great-circle × detour factor); no unit leaves its base
    before its ready time or stays past its ``until``; no post gets more units of a kind than it needs; units
    riding in the column hold no posts; staging trips arrive by the assembly time.
    """
    out: list[str] = []
    parade = schedule.parade
    lead_units = {u.unit for u in schedule.units if u.ride in ("head", "column")}

    last_head = -1
    for row in schedule.timetable:
        if row.head_s + _EPS_S < last_head:
            out.append(f"timetable {row.seq} ({row.name}): head {_hm(row.head_s)} before the previous point")
        if row.tail_s + _EPS_S < row.head_s:
            out.append(f"timetable {row.seq} ({row.name}): tail {_hm(row.tail_s)} before head {_hm(row.head_s)}")
        last_head = max(last_head, row.head_s)
    if parade.finish_tail_s < parade.finish_head_s:
        out.append("finish: tail arrives before head")

    inst_units = {u.id: u for u in instance.units}
    inst_posts = {p.id: p for p in instance.posts}
    detour = float(instance.detour_factor)
    for post in schedule.posts:
        for pas in post.passages:
            if post.open_s > pas.head_s + _EPS_S:
                out.append(f"post {post.id}: closes at {_hm(post.open_s)}, after the head passes at {_hm(pas.head_s)}")
            if post.close_s + _EPS_S < pas.tail_s:
                out.append(f"post {post.id}: reopens at {_hm(post.close_s)}, before the tail clears at "
                           f"{_hm(pas.tail_s)}")
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

    for unit in schedule.units:
        if not unit.runs:
            continue
        iu = inst_units.get(unit.unit)
        if iu is None:
            out.append(f"unit {unit.unit}: holds posts but is not an escort unit in posts.json")
            continue
        pos = (iu.lat, iu.lon)
        free_at = iu.ready
        for r in unit.runs:
            need_s = _km(pos[0], pos[1], r.lat, r.lon) * detour / iu.speed_kmh * 3600
            if free_at + need_s > r.hold_from_s + _EPS_S:
                out.append(f"unit {unit.unit}: cannot reach {r.post} by {_hm(r.hold_from_s)} "
                           f"({need_s / 60:.1f} min of travel, free from {_hm(free_at)})")
            if r.release_s <= r.hold_from_s:
                out.append(f"unit {unit.unit}: post {r.post} released before it is held")
            pos = (r.lat, r.lon)
            free_at = r.release_s
        if free_at > iu.until + _EPS_S:
            out.append(f"unit {unit.unit}: busy until {_hm(unit.runs[-1].release_s)}, after its until "
                       f"{_hm(iu.until)}")

    assembly = parade.assembly.time_s
    for trip in schedule.staging:
        if trip.leave_base_s is not None and trip.leave_base_s > trip.arrive_s:
            out.append(f"staging {trip.unit}: leaves its base after it should arrive")
        if trip.arrive_s > assembly + _EPS_S and not trip.late_s:
            out.append(f"staging {trip.unit}: arrives {_hm(trip.arrive_s)} after the assembly, not reported late")
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
