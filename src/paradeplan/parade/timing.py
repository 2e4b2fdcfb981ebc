"""Convoy timing: column length and speed, head and tail times at every junction, posts and rolling closures."""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass

from paradeplan import clock
from paradeplan.geo.streets import ROAD_CLASSES
from paradeplan.parade.schedule import StretchClosure
from paradeplan.plan.model import VEHICLE_DEFAULTS, Parade, TrafficPolicy, VehicleGroup
from paradeplan.route.model import Approach

log = logging.getLogger(__name__)

#: Column speed cap by OSM road class of the street it drives on (km/h).
ROAD_CLASS_SPEED_KMH: dict[str, float] = {
    "motorway": 50.0,
    "trunk": 40.0,
    "primary": 35.0,
    "secondary": 30.0,
    "tertiary": 25.0,
    "unclassified": 20.0,
    "residential": 20.0,
    "living_street": 10.0,
    "service": 10.0,
}
#: Default priority of a post by the road class of the crossing street.
DEFAULT_PRIORITY: dict[str, int] = {"motorway": 3, "trunk": 3, "primary": 3, "secondary": 2}
#: Fixed part of the extra time a U-turn costs the column (seconds).
UTURN_BASE_S = 60.0
#: Extra U-turn time per vehicle (seconds) plus per metre of vehicle length (seconds per metre).
UTURN_PER_VEHICLE_S = 8.0
UTURN_PER_METRE_S = 1.5
#: Two passages of one junction closer than this (seconds) share one post.
MERGE_GAP_S = 15 * 60
#: Road-class rank, highest first, to pick the main crossing street of a junction (classes after "service"
#: rank below these, alike).
CLASS_RANK = list(ROAD_CLASSES[: ROAD_CLASSES.index("service") + 1])


def class_rank(highway: str | None) -> int:
    """Rank of an OSM road class (0 = most important; unknown classes rank last)."""
    base = (highway or "").removesuffix("_link")
    return CLASS_RANK.index(base) if base in CLASS_RANK else len(CLASS_RANK)


@dataclass(frozen=True)
class ColumnVehicle:
    """One vehicle of the parade, expanded from its group."""

    id: str
    name: str
    group: str
    kind: str
    role: str
    owner: str | None
    base: str | None
    ready_s: int | None
    length_m: float
    gap_m: float
    max_speed_kmh: float


@dataclass(frozen=True)
class Stretch:
    """A stretch of the route as timing needs it: where it starts along the route, its length and class."""

    seq: int
    street: str
    start_m: float
    length_m: float
    highway: str
    frm: str = ""
    to: str = ""


@dataclass(frozen=True)
class Passage:
    """The route passing a junction or point: where along the route and what crosses there."""

    key: str
    name: str
    lat: float
    lon: float
    dist_m: float
    cross_class: str | None
    kind: str = "junction"
    """junction, uturn, start or end."""
    turn: bool = False
    """The route turns here onto another street."""
    approaches: tuple[Approach, ...] = ()
    """The streets a post here holds (cross traffic)."""


@dataclass(frozen=True)
class Timetable:
    """Head and tail times of the column along the route."""

    departure_s: float
    column_length_m: float
    column_speed_kmh: float
    breakpoints: tuple[tuple[float, float], ...]
    """(route metres, head time in seconds since midnight); a U-turn shows as two points at one distance."""
    total_m: float
    finish_head_s: float
    finish_tail_s: float
    uturn_extra_s: float

    def head_s(self, dist_m: float, *, after: bool = True) -> float:
        """When the head passes ``dist_m`` (after a U-turn pause when ``after``; before it otherwise)."""
        pts = self.breakpoints
        dists = [p[0] for p in pts]
        if dist_m >= self.total_m:
            speed = self.column_speed_kmh / 3.6
            return pts[-1][1] + (dist_m - self.total_m) / speed
        i = bisect.bisect_right(dists, dist_m) if after else bisect.bisect_left(dists, dist_m)
        i = max(1, min(i, len(pts) - 1))
        (d0, t0), (d1, t1) = pts[i - 1], pts[i]
        if d1 == d0:
            return t1 if after else t0
        return t0 + (t1 - t0) * (dist_m - d0) / (d1 - d0)

    def tail_s(self, dist_m: float) -> float:
        """When the tail clears ``dist_m``: the head is then one column length further on."""
        return self.head_s(dist_m + self.column_length_m, after=True)

    def passage_s(self, kind: str, dist_m: float) -> tuple[float, float]:
        """(head arrives, tail clears) at a point of the route: the start and end are special."""
        if kind == "start":
            return self.departure_s, self.tail_s(0.0)
        if kind == "end":
            return self.finish_head_s, self.finish_tail_s
        return self.head_s(dist_m, after=False), self.tail_s(dist_m)


@dataclass(frozen=True)
class PostSpec:
    """A traffic post: a place, a window and a need (before units are assigned)."""

    id: str
    name: str
    key: str
    lat: float
    lon: float
    open_s: int
    close_s: int
    need: tuple[tuple[str, int], ...]
    priority: int
    kind: str
    cross_class: str | None
    passages: tuple[tuple[int, int, float], ...]
    """(head arrival s, tail clear s, route metres) for each time the column passes."""
    approaches: tuple[Approach, ...] = ()
    """The streets the post holds."""
    turn: bool = False
    """The route turns here onto another street."""


def vehicle_spec(group: VehicleGroup) -> tuple[float, float, float]:
    """(length m, gap m, max speed km/h) of a group's vehicles, defaults by kind."""
    dl, dg, dv = VEHICLE_DEFAULTS.get(group.kind, VEHICLE_DEFAULTS["other"])
    return (group.length_m or dl, group.gap_m if group.gap_m is not None else dg, group.max_speed_kmh or dv)


def expand_vehicles(parade: Parade) -> list[ColumnVehicle]:
    """Every vehicle of the parade, with ids: the plan's own, or ``<group id>-NN``."""
    out: list[ColumnVehicle] = []
    for g in parade.groups:
        if g.role == "marshal":
            continue  # people on foot holding barrier points (paradeplan.parade.closing), not vehicles
        length, gap, vmax = vehicle_spec(g)
        for i in range(g.count):
            v = g.vehicles[i] if i < len(g.vehicles) else None
            vid = v.id if v else (g.id if g.count == 1 else f"{g.id}-{i + 1:02d}")
            name = (v.name if v and v.name else None) or (g.name or g.id) + ("" if g.count == 1 else f" {i + 1}")
            ready = (v.ready if v and v.ready else None) or g.ready
            out.append(
                ColumnVehicle(
                    id=vid,
                    name=name,
                    group=g.id,
                    kind=g.kind,
                    role=g.role,
                    owner=(v.owner if v and v.owner else None) or g.owner,
                    base=(v.base if v and v.base else None) or g.base,
                    ready_s=clock.of_time(ready) if ready else None,
                    length_m=length,
                    gap_m=gap,
                    max_speed_kmh=vmax,
                )
            )
    return out


def column_members(parade: Parade, vehicles: list[ColumnVehicle]) -> list[ColumnVehicle]:
    """Vehicles that ride in the column: leads, in-column, flank and tail groups, plus one tail-group vehicle."""
    riding = [v for v in vehicles if v.role in ("lead", "in_column", "tail", "flank")]
    tail = parade.lineup.tail_group
    if tail:
        first_tail = next((v for v in vehicles if v.group == tail and v.role not in ("lead", "in_column")), None)
        if first_tail and first_tail not in riding:
            riding.append(first_tail)
    return riding


def column_length_m(members: list[ColumnVehicle]) -> float:
    """Length of the column: vehicle lengths plus the gaps between them (flanking vehicles add none)."""
    inline = [v for v in members if v.role != "flank"]
    if not inline:
        return 0.0
    return sum(v.length_m for v in inline) + sum(v.gap_m for v in inline[:-1])


def uturn_extra_s(members: list[ColumnVehicle]) -> float:
    """Extra time a U-turn costs: a fixed part plus a part per vehicle growing with its length."""
    inline = [v for v in members if v.role != "flank"]
    return UTURN_BASE_S + sum(UTURN_PER_VEHICLE_S + UTURN_PER_METRE_S * v.length_m for v in inline)


def column_speed_kmh(parade: Parade, members: list[ColumnVehicle]) -> float:
    """The slowest allowed speed: the plan's limit and every riding vehicle's maximum."""
    limits = [v.max_speed_kmh for v in members]
    if parade.speed_limit_kmh:
        limits.append(parade.speed_limit_kmh)
    return min(limits) if limits else 15.0


def build_timetable(
    parade: Parade,
    stretches: list[Stretch],
    uturn_dists: list[float],
    members: list[ColumnVehicle],
    *,
    departure_s: float | None = None,
    speed_kmh: float | None = None,
) -> Timetable:
    """Head times along the route, with per-stretch speed caps and U-turn pauses.

    Parameters
    ----------
    parade : Parade
        The parade (departure time, speed limit).
    stretches : list of Stretch
        The route's stretches in order.
    uturn_dists : list of float
        Route metres at which the column turns.
    members : list of ColumnVehicle
        Vehicles riding in the column.
    departure_s, speed_kmh : float, optional
        Override the departure time or the column speed (used to find fixes for a shortfall).
    """
    base_speed = speed_kmh or column_speed_kmh(parade, members)
    dep = float(departure_s if departure_s is not None else clock.of_time(parade.departure_time))
    extra = uturn_extra_s(members)
    pts: list[tuple[float, float]] = [(0.0, dep)]
    t, d = dep, 0.0
    turns = sorted(uturn_dists)
    for st in stretches:
        v = min(base_speed, ROAD_CLASS_SPEED_KMH.get(st.highway.removesuffix("_link"), base_speed)) / 3.6
        end = st.start_m + st.length_m
        for u in [u for u in turns if d < u <= end]:
            t += (u - d) / v
            d = u
            pts.append((d, t))
            t += extra
            pts.append((d, t))
        t += (end - d) / v
        d = end
        pts.append((d, t))
    length = column_length_m(members)
    return Timetable(
        departure_s=dep,
        column_length_m=length,
        column_speed_kmh=base_speed,
        breakpoints=tuple(pts),
        total_m=d,
        finish_head_s=t,
        finish_tail_s=t + length / (base_speed / 3.6),
        uturn_extra_s=extra,
    )


def plan_posts(passages: list[Passage], tt: Timetable, policy: TrafficPolicy) -> list[PostSpec]:
    """Posts where cross traffic must be held, each with its window, need and priority.

    A junction the column passes twice within ``MERGE_GAP_S`` gets one post covering both passages.
    """
    lead = policy.lead_time_min * 60
    clear = policy.clearance_min * 60
    classes = set(policy.post_road_classes)
    need = policy.need or {"police_motorbike": 1}
    uneed = policy.uturn_need or {"police_car": 1, "police_motorbike": 2}
    prio_map = policy.priority_by_class or DEFAULT_PRIORITY

    chosen: list[tuple[Passage, float, float]] = []
    for p in passages:
        wanted = (
            (p.kind == "uturn" and policy.post_at_uturns)
            or (p.kind == "start" and policy.post_at_assembly)
            or (p.kind == "end" and policy.post_at_finish)
            or (
                p.kind == "junction"
                and (
                    (p.cross_class is not None and p.cross_class.removesuffix("_link") in classes)
                    or (p.turn and bool(p.approaches))
                )
            )
        )
        if not wanted:
            continue
        head, tail = tt.passage_s(p.kind, p.dist_m)
        chosen.append((p, head, tail))

    by_key: dict[str, list[tuple[Passage, float, float]]] = {}
    for item in chosen:
        by_key.setdefault(item[0].key, []).append(item)
    groups: list[list[tuple[Passage, float, float]]] = []
    for items in by_key.values():
        items.sort(key=lambda x: x[1])
        current = [items[0]]
        for it in items[1:]:
            if it[1] - lead - (max(c[2] for c in current) + clear) <= MERGE_GAP_S:
                current.append(it)
            else:
                groups.append(current)
                current = [it]
        groups.append(current)

    specs: list[tuple[int, str, PostSpec]] = []
    for grp in groups:
        p0 = grp[0][0]
        kinds = {g[0].kind for g in grp}
        kind = "uturn" if "uturn" in kinds else "start" if "start" in kinds else "end" if "end" in kinds else "junction"
        open_s = int(min(g[1] for g in grp) - lead)
        close_s = int(round(max(g[2] for g in grp) + clear + 0.499))
        n = dict(uneed if kind == "uturn" else need)
        cls = p0.cross_class.removesuffix("_link") if p0.cross_class else None
        prio = 3 if kind in ("uturn", "start", "end") else max(1, int(prio_map.get(cls or "", 1)))
        specs.append(
            (
                open_s,
                p0.key,
                PostSpec(
                    id="",
                    name=p0.name,
                    key=p0.key,
                    lat=p0.lat,
                    lon=p0.lon,
                    open_s=open_s,
                    close_s=close_s,
                    need=tuple(sorted((k, v) for k, v in n.items() if v > 0)),
                    priority=prio,
                    kind=kind,
                    cross_class=cls,
                    passages=tuple((int(g[1]), int(round(g[2])), round(g[0].dist_m, 1)) for g in grp),
                    approaches=_approaches(grp),
                    turn=any(g[0].turn for g in grp),
                ),
            )
        )
    specs.sort(key=lambda x: (x[0], x[1]))
    return [PostSpec(**{**s.__dict__, "id": f"P{i + 1:03d}"}) for i, (_, _, s) in enumerate(specs)]


def _approaches(grp: list[tuple[Passage, float, float]]) -> tuple[Approach, ...]:
    """Every approach of a post's passages, once each (a junction passed out and back holds them all)."""
    seen: dict[tuple[str, int], Approach] = {}
    for pas, _, _ in grp:
        for a in pas.approaches:
            seen.setdefault((a.street, int(((a.bearing + 22.5) % 360) // 45)), a)
    return tuple(seen.values())


def stretch_closures(stretches: list[Stretch], tt: Timetable, policy: TrafficPolicy) -> tuple[StretchClosure, ...]:
    """Each street stretch closed from just before the head enters to just after the tail leaves."""
    lead = policy.lead_time_min * 60
    clear = policy.clearance_min * 60
    return tuple(
        StretchClosure(
            st.seq,
            st.street,
            st.frm,
            st.to,
            round(st.length_m, 1),
            clock.whole(tt.head_s(st.start_m, after=True) - lead),
            clock.whole(tt.tail_s(st.start_m + st.length_m) + clear),
        )
        for st in stretches
    )
