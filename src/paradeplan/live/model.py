"""Re-timing from reports: where the head and tail are, every post's new close and reopen, units at risk, reserves.

A pure model: typed values in (the checked :class:`~paradeplan.parade.schedule.ParadeSchedule`, its posts/1
:class:`~paradeplan.posts.instance.Instance`, the route line and the reports), typed values out; no clock, no I/O.

How a report moves the plan
---------------------------
The plan gives the head's and the tail's time at every metre of the route (``H(m)``, ``T(m)``: the timetable,
interpolated). A report anchors the column: "head passed metre ``m`` at ``t``" is a head anchor with delay
``t − H(m)``; the tail behind it (where the tail was, in the plan, when the head was at ``m``) gets the same delay.
"Tail passed ``m`` at ``t``" is a tail anchor with delay ``t − T(m)``. The delay at a metre is the delay of the
*latest* anchor (by its time) at or before that metre, so

* later passages shift by the reported delay: the column keeps its planned speed from the reported point on,
  unless a later report says otherwise;
* points the head had passed before a report keep the times they had (a report only moves what lies ahead of it);
* a pause holds the head where it is: while it lasts the head is anchored there at *now*; "resumed" anchors it
  there at the resume time, so everything ahead moves by the length of the stop;
* each post's close (head − lead) and reopen (tail + clearance) follow its passages: both move by the shift of
  the first head and the last tail passage, so the plan's lead and clearance are kept.

A unit is at risk at a post when it can no longer be there before the post's new close time: it leaves its
previous post when that post reopens (re-timed too) and moves with the same travel model as the checker
(:meth:`Instance.travel_s`: the street travel table where listed, else the contract's formula). For every unit at
risk the model proposes the reserve that can reach the post soonest from its station, leaving now.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from paradeplan.geo.distance import haversine_m
from paradeplan.parade.schedule import Duty, ParadeSchedule, Post, UnitRow
from paradeplan.posts.instance import Instance
from paradeplan.posts.instance import Post as InstancePost

ReportKind = Literal["head", "tail", "pause", "resume"]
REPORT_KINDS: tuple[ReportKind, ...] = ("head", "tail", "pause", "resume")


# ------------------------------------------------------------------------------------------------ inputs


@dataclass(frozen=True)
class Report:
    """One report from the control room, as stored.

    Parameters
    ----------
    seq : int
        Order in which it was stored (1, 2, ...).
    kind : {"head", "tail", "pause", "resume"}
        What was seen.
    time_s : int
        When (seconds since midnight, the event's time zone).
    at_m : int or None
        Route metre where it was seen (head and tail always; a pause optionally; a resume never).
    post : str or None
        The post id the reporter named, if they named one (``at_m`` is then that post's passage).
    received : str
        When the server stored it (ISO 8601 with the event's UTC offset), for the record.
    """

    seq: int
    kind: ReportKind
    time_s: int
    at_m: int | None
    post: str | None
    received: str


@dataclass(frozen=True)
class RouteLine:
    """The route as one polyline with the route metre of every vertex (scaled per stretch to its length)."""

    lat: tuple[float, ...]
    lon: tuple[float, ...]
    at_m: tuple[float, ...]

    @classmethod
    def from_stretches(cls, stretches: Sequence[tuple[Sequence[tuple[float, float]], float]]) -> RouteLine:
        """Build from ``(coords as (lat, lon), length_m)`` per stretch, in route order.

        Each stretch's vertices get route metres proportional to the great-circle length along it, scaled so
        that the stretch measures its published ``length_m`` (the metres the timetable counts).
        """
        lat: list[float] = []
        lon: list[float] = []
        at: list[float] = []
        start = 0.0
        for coords, length_m in stretches:
            if not coords:
                continue
            steps = [0.0]
            for (a_lat, a_lon), (b_lat, b_lon) in zip(coords, coords[1:], strict=False):
                steps.append(steps[-1] + float(haversine_m(a_lat, a_lon, b_lat, b_lon)))
            scale = length_m / steps[-1] if steps[-1] > 0 else 0.0
            for (la, lo), s in zip(coords, steps, strict=True):
                lat.append(la)
                lon.append(lo)
                at.append(start + s * scale)
            start += length_m
        return cls(tuple(lat), tuple(lon), tuple(at))

    def point(self, m: float) -> tuple[float, float]:
        """Latitude and longitude at route metre ``m`` (clamped to the route)."""
        if not self.at_m:
            raise ValueError("the route line is empty")
        if m <= self.at_m[0]:
            return self.lat[0], self.lon[0]
        if m >= self.at_m[-1]:
            return self.lat[-1], self.lon[-1]
        i = bisect.bisect_right(self.at_m, m)
        a, b = self.at_m[i - 1], self.at_m[i]
        f = 0.0 if b <= a else (m - a) / (b - a)
        return (
            round(self.lat[i - 1] + f * (self.lat[i] - self.lat[i - 1]), 6),
            round(self.lon[i - 1] + f * (self.lon[i] - self.lon[i - 1]), 6),
        )


@dataclass(frozen=True)
class Reserve:
    """A unit kept back, where it waits and how fast it moves."""

    unit: str
    name: str
    kind: str
    speed_kmh: float
    station: str
    lat: float
    lon: float
    near_post: str | None


@dataclass(frozen=True)
class LivePlan:
    """Everything the model reads of the plan: the schedule, its posts/1 instance, the route line, the reserves."""

    schedule: ParadeSchedule
    instance: Instance
    line: RouteLine
    reserves: tuple[Reserve, ...]
    lead_s: int
    clearance_s: int
    speeds: tuple[tuple[str, float], ...] = ()
    """Unit id → speed (km/h) for every unit that moves between posts (the posts/1 instance's, else the plan's
    speed for its kind)."""


# ------------------------------------------------------------------------------------------------ outputs


@dataclass(frozen=True)
class Position:
    """Where the head or the tail is (or was) at a time."""

    at_m: float
    lat: float
    lon: float
    time_s: int
    delay_s: int
    """Seconds behind the plan there (negative: ahead)."""


@dataclass(frozen=True)
class PassageNow:
    """One passage of the column by a post, planned and as now expected (or as it happened)."""

    at_m: int
    planned_head_s: int
    planned_tail_s: int
    head_s: int
    tail_s: int


@dataclass(frozen=True)
class PostNow:
    """A post's planned and current close and reopen times, its units and whether one of them is at risk."""

    id: str
    name: str
    lat: float
    lon: float
    planned_close_s: int
    planned_reopen_s: int
    close_s: int
    reopen_s: int
    units: tuple[str, ...]
    at_risk: bool
    passages: tuple[PassageNow, ...]


@dataclass(frozen=True)
class StreetClosureNow:
    """A post's closure to cross traffic (what the public sees of a post): street, close and reopen."""

    post: str
    street: str
    cross_street: str
    lat: float
    lon: float
    close_s: int
    reopen_s: int


@dataclass(frozen=True)
class StretchNow:
    """A stretch of the route: closed from just before the head to just after the tail, re-timed."""

    seq: int
    street: str
    frm: str
    to: str
    start_m: float
    end_m: float
    planned_close_s: int
    planned_reopen_s: int
    close_s: int
    reopen_s: int


@dataclass(frozen=True)
class RunNow:
    """One post of a unit's chain: when it must be there and may leave, planned and now, and if it can make it."""

    seq: int
    post: str
    name: str
    lat: float
    lon: float
    planned_hold_from_s: int
    planned_release_s: int
    hold_from_s: int
    release_s: int
    earliest_arrival_s: int
    """When it can be there at the earliest: its planned arrival for the first post, else the previous post's
    (new) release plus the move."""
    at_risk: bool
    planned_arrive_s: int = 0
    """When the plan has it there (the run-sheet's "be there at")."""


@dataclass(frozen=True)
class UnitNow:
    """A unit's duty, its runs re-timed, its next post and whether it can still make it."""

    unit: str
    name: str
    kind: str
    duty: Duty
    runs: tuple[RunNow, ...]
    next_run: int | None
    """Index into ``runs`` of the first post not yet released, or None when it is done (or holds none)."""
    at_risk: bool
    """It can no longer reach its next post (or one after it) before that post's new close time."""


@dataclass(frozen=True)
class Proposal:
    """A reserve that can take over a post whose unit is at risk."""

    post: str
    post_name: str
    unit: str
    """The unit at risk there."""
    reserve: str | None
    """The reserve proposed, or None when there is no reserve left to send."""
    arrival_s: int | None
    """When it would be there, leaving its station now."""
    hold_from_s: int
    spare_s: int | None
    """Seconds between its arrival and the post's new close time (negative: it would be late too)."""


@dataclass(frozen=True)
class LiveState:
    """The whole re-timed picture at one moment."""

    now_s: int
    head: Position | None
    tail: Position | None
    paused_since_s: int | None
    delay_s: int
    """The head's delay where it is now (or at its last anchor), seconds."""
    posts: tuple[PostNow, ...]
    closures: tuple[StreetClosureNow, ...]
    stretches: tuple[StretchNow, ...]
    units: tuple[UnitNow, ...]
    proposals: tuple[Proposal, ...]
    reports: tuple[Report, ...]


# ------------------------------------------------------------------------------------------------ planned curves


@dataclass(frozen=True)
class _Curve:
    """A planned time as a piecewise-linear function of the route metre (non-decreasing)."""

    at_m: tuple[float, ...]
    t_s: tuple[float, ...]

    def time(self, m: float) -> float:
        if m <= self.at_m[0]:
            return self.t_s[0]
        if m >= self.at_m[-1]:
            return self.t_s[-1]
        i = bisect.bisect_right(self.at_m, m)
        a, b = self.at_m[i - 1], self.at_m[i]
        if b <= a:
            return self.t_s[i]
        return self.t_s[i - 1] + (m - a) / (b - a) * (self.t_s[i] - self.t_s[i - 1])

    def last_metre_by(self, t: float) -> float:
        """The farthest metre whose planned time is at or before ``t`` (the start when none is)."""
        if t <= self.t_s[0]:
            return self.at_m[0]
        if t >= self.t_s[-1]:
            return self.at_m[-1]
        i = bisect.bisect_right(self.t_s, t)
        a, b = self.t_s[i - 1], self.t_s[i]
        if b <= a:
            return self.at_m[i]
        return self.at_m[i - 1] + (t - a) / (b - a) * (self.at_m[i] - self.at_m[i - 1])


_CURVES: dict[int, tuple[ParadeSchedule, tuple[_Curve, _Curve]]] = {}


def _curves(schedule: ParadeSchedule) -> tuple[_Curve, _Curve]:
    """The planned head and tail curves of a schedule (made once per schedule: a server re-times one plan)."""
    kept = _CURVES.get(id(schedule))
    if kept is not None and kept[0] is schedule:
        return kept[1]
    curves = _make_curves(schedule)
    if len(_CURVES) > 16:
        _CURVES.clear()
    _CURVES[id(schedule)] = (schedule, curves)
    return curves


def _make_curves(schedule: ParadeSchedule) -> tuple[_Curve, _Curve]:
    """The planned head and tail curves: the timetable's points and the posts' passages (a post's own times win
    where both give a metre), made non-decreasing along the route."""
    at_metre: dict[int, tuple[int, int]] = {p.at_m: (p.head_s, p.tail_s) for p in schedule.timetable}
    for post in schedule.posts:
        for x in post.passages:
            at_metre[x.at_m] = (x.head_s, x.tail_s)
    if not at_metre:
        raise ValueError("the schedule has no timetable")
    at: list[float] = []
    heads: list[float] = []
    tails: list[float] = []
    for m in sorted(at_metre):
        h, t = at_metre[m]
        at.append(float(m))
        heads.append(max(float(h), heads[-1] if heads else float(h)))
        tails.append(max(float(t), tails[-1] if tails else float(t)))
    return _Curve(tuple(at), tuple(heads)), _Curve(tuple(at), tuple(tails))


# ------------------------------------------------------------------------------------------------ anchors


@dataclass(frozen=True)
class _Anchor:
    """From ``at_m`` on, the column (head or tail) runs ``delay_s`` behind the plan; ``order`` ranks anchors."""

    at_m: float
    delay_s: float
    order: tuple[int, int]
    """(time, stored sequence): the latest anchor at or before a metre decides its delay."""


class _Steps:
    """The anchors as a step function of the route metre: the delay at ``m`` is the delay of the latest anchor
    (by its order) at or before ``m``. Built once, sorted, with the best anchor of every prefix, so each look-up
    is a bisection (the re-timing stays a few milliseconds with thousands of reports)."""

    def __init__(self, anchors: Sequence[_Anchor]) -> None:
        ordered = sorted(anchors, key=lambda a: a.at_m)
        self.at_m = [a.at_m for a in ordered]
        self.anchors = tuple(ordered)
        self.delays: list[float] = []
        best: _Anchor | None = None
        for a in ordered:
            if best is None or a.order > best.order:
                best = a
            self.delays.append(best.delay_s)

    def delay(self, m: float) -> float:
        i = bisect.bisect_right(self.at_m, m + 1e-9)
        return 0.0 if i == 0 else self.delays[i - 1]


class _Seen:
    """The earliest time the column (head or tail) was reported at or beyond each metre: a point behind a
    reported position was passed by then, whatever the delays say."""

    def __init__(self, points: Sequence[tuple[float, int]]) -> None:
        ordered = sorted(points)
        self.at_m = [m for m, _ in ordered]
        self.first: list[int] = [0] * len(ordered)
        best: int | None = None
        for i in range(len(ordered) - 1, -1, -1):
            t = ordered[i][1]
            best = t if best is None else min(best, t)
            self.first[i] = best

    def by(self, m: float) -> int | None:
        """When the column was seen at or beyond ``m`` at the earliest (None if it never was)."""
        i = bisect.bisect_left(self.at_m, m - 1e-9)
        return self.first[i] if i < len(self.first) else None


def _delay(anchors: _Steps, m: float) -> float:
    return anchors.delay(m)


def _position(curve: _Curve, anchors: _Steps, t: float) -> float | None:
    """Where the head (or tail) is at ``t``: the farthest metre it is expected to have passed, or None before it
    starts. The breakpoints are the timetable's points and the anchors, between which time grows linearly."""
    marks = sorted({*curve.at_m, *anchors.at_m})
    best: float | None = None
    for lo, hi in zip(marks, marks[1:], strict=False):
        d = anchors.delay(lo)
        t_lo, t_hi = curve.time(lo) + d, curve.time(hi) + d
        if t < t_lo:
            continue
        best = hi if t >= t_hi else lo + (hi - lo) * (t - t_lo) / (t_hi - t_lo)
    if best is None and marks and t >= curve.time(marks[0]) + anchors.delay(marks[0]):
        best = marks[0]
    return best


@dataclass(frozen=True)
class _Column:
    """The anchors derived from the reports, and whether the head is held by a pause still open."""

    head: _Steps
    tail: _Steps
    paused_since_s: int | None
    pause_at_m: float | None
    head_seen: _Seen
    tail_seen: _Seen


def _anchors(head_curve: _Curve, tail_curve: _Curve, reports: Sequence[Report], now_s: int) -> _Column:
    """Turn the reports (in time order) into head and tail anchors."""
    head: list[_Anchor] = []
    tail: list[_Anchor] = []

    def head_anchor(m: float, t: int, seq: int) -> None:
        delay = t - head_curve.time(m)
        head.append(_Anchor(m, delay, (t, seq)))
        # where the tail was, in the plan, when the head was at m: it runs as late as the head from there
        tail.append(_Anchor(tail_curve.last_metre_by(head_curve.time(m)), delay, (t, seq)))

    paused_since: int | None = None
    pause_at: float | None = None
    pause_seq = 0
    for r in sorted(reports, key=lambda r: (r.time_s, r.seq)):
        if r.kind == "head" and r.at_m is not None:
            head_anchor(float(r.at_m), r.time_s, r.seq)
            paused_since = pause_at = None  # the head moved on: whatever pause there was is over
        elif r.kind == "tail" and r.at_m is not None:
            tail.append(_Anchor(float(r.at_m), r.time_s - tail_curve.time(r.at_m), (r.time_s, r.seq)))
        elif r.kind == "pause":
            if paused_since is not None:
                continue
            m = float(r.at_m) if r.at_m is not None else _position(head_curve, _Steps(head), r.time_s)
            if m is None:
                m = head_curve.at_m[0]
            head_anchor(m, r.time_s, r.seq)
            paused_since, pause_at, pause_seq = r.time_s, m, r.seq
        elif r.kind == "resume" and paused_since is not None and pause_at is not None:
            head_anchor(pause_at, r.time_s, r.seq)
            paused_since = pause_at = None
    if paused_since is not None and pause_at is not None and now_s > paused_since:
        head_anchor(pause_at, now_s, pause_seq)
    heads = [(float(r.at_m), r.time_s) for r in reports if r.kind == "head" and r.at_m is not None]
    tails = [(float(r.at_m), r.time_s) for r in reports if r.kind == "tail" and r.at_m is not None]
    return _Column(_Steps(head), _Steps(tail), paused_since, pause_at, _Seen(heads + tails), _Seen(tails))


_COLUMN: list[tuple[object, _Curve, _Column]] = []


def _column(head_curve: _Curve, tail_curve: _Curve, reports: Sequence[Report], now_s: int) -> _Column:
    """:func:`_anchors`, kept for the same reports (a server re-times every second with the reports unchanged);
    a pause still open depends on now, so it is never kept."""
    for kept, curve, col in _COLUMN:
        if kept is reports and curve is head_curve:
            return col
    col = _anchors(head_curve, tail_curve, reports, now_s)
    if col.paused_since_s is None and isinstance(reports, tuple):
        _COLUMN.insert(0, (reports, head_curve, col))
        del _COLUMN[4:]
    return col


# ------------------------------------------------------------------------------------------------ re-timing


def _post_now(post: Post, col: _Column, units_at_risk: set[tuple[str, str]]) -> PostNow:
    passages = []
    for p in post.passages:
        h = int(round(p.head_s + _delay(col.head, p.at_m)))
        t = int(round(p.tail_s + _delay(col.tail, p.at_m)))
        # a post behind a reported head (or tail) was passed by it then, whatever the delays say (issue 27: a
        # post between two head reports stayed "not passed" when the earlier report was the later one)
        seen_head, seen_tail = col.head_seen.by(p.at_m), col.tail_seen.by(p.at_m)
        if seen_head is not None:
            h = min(h, seen_head)
        if seen_tail is not None:
            t = min(t, seen_tail)
        t = max(h, t)
        passages.append(PassageNow(p.at_m, p.head_s, p.tail_s, h, t))
    if passages:
        first_shift = min(x.head_s for x in passages) - min(x.planned_head_s for x in passages)
        last_shift = max(x.tail_s for x in passages) - max(x.planned_tail_s for x in passages)
    else:
        first_shift = last_shift = 0
    return PostNow(
        post.id,
        post.name,
        post.lat,
        post.lon,
        post.open_s,
        post.close_s,
        post.open_s + first_shift,
        post.close_s + last_shift,
        post.units,
        any((u, post.id) in units_at_risk for u in post.units),
        tuple(passages),
    )


def _unit_now(
    unit: UnitRow, posts: dict[str, PostNow], instance: Instance, speeds: dict[str, float], now_s: int
) -> UnitNow:
    inst_posts = {p.id: p for p in instance.posts}
    runs: list[RunNow] = []
    prev: RunNow | None = None
    speed = speeds.get(unit.unit)
    for run in sorted(unit.runs, key=lambda r: r.seq):
        post = posts.get(run.post)
        open_shift = 0 if post is None else post.close_s - post.planned_close_s
        close_shift = 0 if post is None else post.reopen_s - post.planned_reopen_s
        hold_from, release = run.hold_from_s + open_shift, run.release_s + close_shift
        target = inst_posts.get(run.post)
        if prev is None or target is None or speed is None:
            earliest = run.arrive_s
        else:
            earliest = prev.release_s + int(round(instance.travel_s(prev.post, prev.lat, prev.lon, target, speed)))
        r = RunNow(
            run.seq,
            run.post,
            run.name,
            run.lat,
            run.lon,
            run.hold_from_s,
            run.release_s,
            hold_from,
            release,
            earliest,
            earliest > hold_from,
            run.arrive_s,
        )
        runs.append(r)
        prev = r
    next_run = next((i for i, r in enumerate(runs) if r.release_s > now_s), None)
    at_risk = next_run is not None and any(r.at_risk for r in runs[next_run:])
    return UnitNow(unit.unit, unit.name, unit.kind, unit.duty, tuple(runs), next_run, at_risk)


def _stretches(schedule: ParadeSchedule, col: _Column) -> tuple[StretchNow, ...]:
    out = []
    start = 0.0
    for s in sorted(schedule.closures.stretches, key=lambda s: s.seq):
        end = start + s.length_m
        close = s.close_s + int(round(_delay(col.head, start)))
        reopen = max(close, s.reopen_s + int(round(_delay(col.tail, end))))
        out.append(StretchNow(s.seq, s.street, s.frm, s.to, start, end, s.close_s, s.reopen_s, close, reopen))
        start = end
    return tuple(out)


def _proposals(plan: LivePlan, posts: dict[str, PostNow], units: Sequence[UnitNow], now_s: int) -> tuple[Proposal, ...]:
    """For every unit at risk at a post not yet released, the reserve to send: one that is there in time (of the
    same kind first, then the soonest), else the soonest of all (``spare_s`` then negative). Each reserve is
    proposed once, the most urgent post first."""
    inst_posts = {p.id: p for p in plan.instance.posts}
    wanted: list[tuple[int, str, UnitNow, RunNow]] = []
    for u in units:
        for r in u.runs:
            if r.at_risk and r.release_s > now_s:
                wanted.append((r.hold_from_s, r.post, u, r))
    wanted.sort(key=lambda w: (w[0], w[1], w[2].unit))
    free = list(plan.reserves)
    out: list[Proposal] = []
    for hold_from, post_id, unit, _run in wanted:
        target = inst_posts.get(post_id)
        best: tuple[bool, bool, int, Reserve] | None = None
        if target is not None:
            for res in free:
                arrival = now_s + int(
                    round(plan.instance.travel_s(f"station:{res.unit}", res.lat, res.lon, target, res.speed_kmh))
                )
                key = (arrival > hold_from, res.kind != unit.kind, arrival, res)
                if best is None or key[:3] < best[:3]:
                    best = key
        name = posts[post_id].name if post_id in posts else post_id
        if best is None:
            out.append(Proposal(post_id, name, unit.unit, None, None, hold_from, None))
        else:
            free.remove(best[3])
            out.append(Proposal(post_id, name, unit.unit, best[3].unit, best[2], hold_from, hold_from - best[2]))
    return tuple(out)


def _travel_target(post: Post) -> InstancePost:
    """A posts/1 post at a schedule post's place (for moves to posts the instance does not list)."""
    return InstancePost(post.id, post.name, post.lat, post.lon, post.open_s, max(post.close_s, post.open_s + 1), ())


def retime(plan: LivePlan, reports: Sequence[Report], now_s: int) -> LiveState:
    """The plan re-timed by the reports, seen at ``now_s``.

    Parameters
    ----------
    plan : LivePlan
        The checked schedule, its posts/1 instance, route line and reserves.
    reports : sequence of Report
        Every report stored so far (any order; they are applied in time order).
    now_s : int
        The current time (seconds since midnight, the event's time zone).

    Returns
    -------
    LiveState
        Head and tail now, every post's planned and current close and reopen, the re-timed stretches, every
        unit's runs with its risk, and the reserves proposed for the units at risk.
    """
    s = plan.schedule
    head_curve, tail_curve = _curves(s)
    col = _column(head_curve, tail_curve, reports, now_s)
    speeds = {u.id: u.speed_kmh for u in plan.instance.units} | dict(plan.speeds)
    # first pass: posts re-timed (risk is known once the units' chains are)
    posts0 = {p.id: _post_now(p, col, set()) for p in s.posts}
    instance = plan.instance
    listed = {p.id for p in instance.posts}
    missing = tuple(_travel_target(p) for p in s.posts if p.id not in listed)
    if missing:
        instance = Instance(
            instance.name,
            instance.date,
            instance.timezone,
            instance.detour_factor,
            instance.posts + missing,
            instance.units,
            instance.objective,
            instance.travel,
        )
    units = tuple(_unit_now(u, posts0, instance, speeds, now_s) for u in s.units)
    risky = {(u.unit, r.post) for u in units for r in u.runs if r.at_risk and r.release_s > now_s}
    posts = {p.id: _post_now(p, col, risky) for p in s.posts}
    head = _where(plan, head_curve, col.head, now_s, col.paused_since_s, col.pause_at_m)
    tail = _where(plan, tail_curve, col.tail, now_s, None, None)
    if head is not None and tail is not None and tail.at_m > head.at_m:
        tail = Position(head.at_m, head.lat, head.lon, now_s, tail.delay_s)
    if _finished(tail_curve, col.tail, now_s) and _finished(head_curve, col.head, now_s):
        head = tail = None  # the parade is over: the column is off the route
    delay = head.delay_s if head is not None else int(round(_delay(col.head, head_curve.at_m[-1])))
    closures = tuple(
        StreetClosureNow(
            c.post,
            c.street,
            c.cross_street,
            c.lat,
            c.lon,
            c.close_s + (posts[c.post].close_s - posts[c.post].planned_close_s),
            c.reopen_s + (posts[c.post].reopen_s - posts[c.post].planned_reopen_s),
        )
        if c.post in posts
        else StreetClosureNow(c.post, c.street, c.cross_street, c.lat, c.lon, c.close_s, c.reopen_s)
        for c in s.closures.posts
    )
    plan_for_proposals = LivePlan(s, instance, plan.line, plan.reserves, plan.lead_s, plan.clearance_s)
    return LiveState(
        now_s,
        head,
        tail,
        col.paused_since_s,
        delay,
        tuple(posts.values()),
        closures,
        _stretches(s, col),
        units,
        _proposals(plan_for_proposals, posts, units, now_s),
        tuple(sorted(reports, key=lambda r: r.seq)),
    )


def _where(
    plan: LivePlan,
    curve: _Curve,
    anchors: _Steps,
    now_s: int,
    paused_since: int | None,
    pause_at: float | None,
) -> Position | None:
    """The head's (or tail's) position now (held at the end once there); None before it sets off."""
    if paused_since is not None and pause_at is not None:
        m: float | None = pause_at
    else:
        m = _position(curve, anchors, now_s)
    if m is None:
        return None
    lat, lon = plan.line.point(m)
    return Position(round(m, 1), lat, lon, now_s, int(round(_delay(anchors, m))))


def _finished(curve: _Curve, anchors: _Steps, now_s: int) -> bool:
    end = curve.at_m[-1]
    return now_s > curve.time(end) + _delay(anchors, end)


def expected_at(plan: LivePlan, reports: Sequence[Report], kind: ReportKind, at_m: float, now_s: int = 0) -> int:
    """When the head (``kind`` "head", "pause" or "resume") or the tail ("tail") is expected at a route metre,
    given the reports: the plan moved by the delay there, never after it was seen at or beyond that metre.

    Parameters
    ----------
    plan : LivePlan
        The plan.
    reports : sequence of Report
        The reports in force.
    kind : {"head", "tail", "pause", "resume"}
        Whose time.
    at_m : float
        The route metre.
    now_s : int
        Now (a pause still open holds the head until now).

    Returns
    -------
    int
        Seconds since midnight.
    """
    head_curve, tail_curve = _curves(plan.schedule)
    col = _column(head_curve, tail_curve, reports, now_s)
    if kind == "tail":
        t = tail_curve.time(at_m) + col.tail.delay(at_m)
        seen = col.tail_seen.by(at_m)
    else:
        t = head_curve.time(at_m) + col.head.delay(at_m)
        seen = col.head_seen.by(at_m)
    return int(round(t if seen is None else min(t, seen)))


def passage_of(post: Post, state: LiveState | None, kind: ReportKind, time_s: int) -> int:
    """The route metre a report naming ``post`` at ``time_s`` means: the passage expected nearest that time.

    Parameters
    ----------
    post : Post
        The post named.
    state : LiveState or None
        The current picture (its expected passage times), or None to use the plan's.
    kind : {"head", "tail", "pause", "resume"}
        What was seen there: a tail report is matched with the tail's times, anything else with the head's.
    time_s : int
        The time reported.

    Returns
    -------
    int
        The passage's route metre.
    """
    current = None if state is None else next((p for p in state.posts if p.id == post.id), None)
    if current is not None and current.passages:
        return min(
            current.passages, key=lambda x: (abs((x.tail_s if kind == "tail" else x.head_s) - time_s), x.at_m)
        ).at_m
    return min(post.passages, key=lambda x: (abs((x.tail_s if kind == "tail" else x.head_s) - time_s), x.at_m)).at_m
