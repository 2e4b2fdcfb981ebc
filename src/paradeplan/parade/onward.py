"""Onward routes after the split: each vehicle's drive and parade legs, parading slots on shared segments (CP-SAT)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from paradeplan import clock
from paradeplan.i18n import _
from paradeplan.parade.onward_model import OnwardInstance, OnwardTrip, build_model
from paradeplan.parade.schedule import Onward, OnwardLeg, ParadeSchedule
from paradeplan.parade.timing import expand_vehicles
from paradeplan.plan.model import AfterEnd, Parade, Plan
from paradeplan.route.model import Route, Stretch

log = logging.getLogger(__name__)

#: Speed (km/h) of a vehicle driving in ordinary traffic after the split.
DRIVE_KMH = 20.0
#: Seconds between vehicles leaving the finish, in column order.
RELEASE_GAP_S = 30
#: One segment of an onward trip: (mode, segment id, street, seconds, [(lat, lon), …]).
Row = tuple[str, str, str, float, tuple[tuple[float, float], ...]]
#: Grid of the parading start slots (seconds).
SLOT_S = 60


@dataclass(frozen=True)
class OnwardResult:
    """The onward trip of every vehicle and anything that could not be met."""

    legs: tuple[Onward, ...]
    shortfall: tuple[str, ...]


def _segments(stretch: Stretch) -> list[tuple[str, float, tuple[tuple[float, float], ...]]]:
    """Split a resolved stretch into graph segments: (segment id, metres, coords)."""
    from paradeplan.geo.distance import haversine_m

    out: list[tuple[str, float, tuple[tuple[float, float], ...]]] = []
    nodes, coords = list(stretch.nodes), list(stretch.coords)
    if len(nodes) != len(coords) or len(nodes) < 2:
        return [(f"S{stretch.seq}", stretch.length_m, tuple(coords))]
    total = sum(haversine_m(*a, *b) for a, b in zip(coords, coords[1:], strict=False)) or 1.0
    for a, b, ca, cb in zip(nodes, nodes[1:], coords, coords[1:], strict=False):
        if a == b:
            continue
        seg = "-".join(sorted((str(a), str(b))))
        out.append((seg, stretch.length_m * haversine_m(*ca, *cb) / total, (ca, cb)))
    return out


def _trip(route: Route, parade_speed_kmh: float) -> tuple[list[Row], float, float]:
    """Segments of an onward route with mode and duration; also the offset and length of the parading part."""
    rows: list[Row] = []
    for st in route.stretches:
        mode = "drive" if st.connector else "parade"
        speed = (DRIVE_KMH if mode == "drive" else parade_speed_kmh) / 3.6
        for seg, metres, coords in _segments(st):
            rows.append((mode, seg, st.street, metres / speed, coords))
    first_parade = next((i for i, r in enumerate(rows) if r[0] == "parade"), None)
    if first_parade is None:
        return rows, sum(r[3] for r in rows), 0.0
    lead_in = sum(r[3] for r in rows[:first_parade])
    return rows, lead_in, sum(r[3] for r in rows[first_parade:])


def plan_onward(
    plan: Plan,
    parade: Parade,
    schedule: ParadeSchedule,
    route: Route,
    graph: Any,
    gazetteer: Any,
    *,
    online: bool = False,
    file: str | Path | None = None,
) -> OnwardResult:
    """Each vehicle's onward route after the end, with parading slots that never share a segment at once.

    Vehicles leave the finish in column order once the whole column has arrived (no vehicle leaves before the
    end). Driving legs are ordinary traffic; parading legs get a start time chosen by CP-SAT within the
    after-end window so that no two vehicles parade on one segment at the same time, waiting as little as
    possible.

    Returns
    -------
    OnwardResult
    """
    from paradeplan import cpsat
    from paradeplan.plan.model import RouteStep
    from paradeplan.route.resolve import resolve_steps

    places = {p.id: p for p in plan.places}
    end = route.coords()[-1]
    finish = schedule.parade.finish_tail_s
    order = {row.unit: row.position for row in schedule.column}
    speed = schedule.parade.column_speed_kmh
    groups = {g.id: g for g in parade.groups}
    vehicle_after = _after_ends(parade)
    trips: dict[str, dict[str, Any]] = {}
    for cv in expand_vehicles(parade):
        if cv.id not in order:
            continue  # escort units leave from their last post
        ae = vehicle_after.get(cv.id, (groups[cv.group].after_end, None))[0]
        if ae.action not in ("own_route", "return_base"):
            continue
        steps = ae.route
        if ae.action == "return_base" or not steps:
            if not cv.base or cv.base not in places:
                continue
            steps = (RouteStep(place=cv.base, end=True),)
        release = finish + RELEASE_GAP_S * (order[cv.id] - 1)
        field = _route_field(parade.id, cv.group, vehicle_after.get(cv.id, (None, None))[1])
        if all(s.street is None for s in steps):
            rows = _drive_home(graph, end, places[steps[-1].place or ""], cv.id)
            trips[cv.id] = {"rows": rows, "lead_in": rows[0][3], "parade_s": 0.0, "release": release, "ae": ae}
            continue
        r = resolve_steps(
            graph,
            steps,
            plan,
            end,
            gazetteer=gazetteer,
            online=online,
            file=file,
            field=field,
            start_label=schedule.parade.assembly.name,
        )
        rows, lead_in, parade_s = _trip(r, speed)
        trips[cv.id] = {"rows": rows, "lead_in": lead_in, "parade_s": parade_s, "release": release, "ae": ae}

    model = build_model(OnwardInstance(tuple(_parading_trips(trips)), 24 * 3600 // SLOT_S))
    starts = model.start
    shortfall: list[str] = []
    if starts:  # seed 0: the onward slots have equal optima; this seed keeps the schedules published so far
        solved = cpsat.solve(model.model, time_limit_s=20.0, seed=0, name="onward slots")
        if not solved.found:
            raise RuntimeError("onward slot model has no solution (this should not happen: the horizon is open)")
    out: list[Onward] = []
    for vid in sorted(trips, key=lambda v: (order[v], v)):
        parade_start = solved.value(starts[vid]) * SLOT_S if vid in starts else None
        onward, late = _onward(parade.id, vid, trips[vid], parade_start)
        out.append(onward)
        shortfall += [late] if late else []
    return OnwardResult(legs=tuple(out), shortfall=tuple(shortfall))


def _route_field(parade_id: str, group: str, index: tuple[int, int] | None) -> str:
    """The plan field of a vehicle's onward route (by its group and vehicle index when it is listed)."""
    if index:
        return f"parades.{parade_id}.groups[{index[0]}].vehicles[{index[1]}].after_end.route"
    return f"parades.{parade_id}.groups.{group}.after_end.route"


def _after_ends(parade: Parade) -> dict[str, tuple[AfterEnd, Any]]:
    """Each listed vehicle's after-end rule (its own, else its group's) and its (group, vehicle) index."""
    out: dict[str, tuple[AfterEnd, Any]] = {}
    for gi, g in enumerate(parade.groups):
        for i in range(g.count):
            v = g.vehicles[i] if i < len(g.vehicles) else None
            ae = (v.after_end if v and v.after_end else None) or g.after_end
            out[(v.id if v else None) or ""] = (ae, (gi, i))
    return out


def _drive_home(graph: Any, end: tuple[float, float], dest: Any, vid: str) -> list[Row]:
    """The one driving leg from the finish to a place (a vehicle going back to its base)."""
    from paradeplan.geo.travel import travel_path

    metres, coords, names = travel_path(graph, end, (dest.lat or 0.0, dest.lon or 0.0))
    return [("drive", f"{vid}-home", names[0] if names else dest.name, metres / (DRIVE_KMH / 3.6), tuple(coords))]


def _parading_trips(trips: dict[str, dict[str, Any]]) -> list[OnwardTrip]:
    """The trips that parade somewhere, with the slots of their segments shared with another trip."""
    shared = _shared_segments(trips)
    parading: list[OnwardTrip] = []
    for vid in sorted(trips):
        t = trips[vid]
        if t["parade_s"] <= 0:
            continue
        earliest = t["release"] + t["lead_in"]
        if t["ae"].window_start is not None:
            earliest = max(earliest, clock.of_time(t["ae"].window_start))
        segments: list[tuple[str, int, int]] = []
        offset = 0.0
        for mode, seg, _street, dur, _c in t["rows"][_first_parade(t["rows"]) :]:
            if mode == "parade" and seg in shared:
                a = int(offset // SLOT_S)
                segments.append((seg, a, max(a + 1, int(-(-(offset + dur) // SLOT_S)))))
            offset += dur
        parading.append(OnwardTrip(vid, int(-(-earliest // SLOT_S)), tuple(segments)))
    return parading


def _onward(parade_id: str, vid: str, t: dict[str, Any], parade_start: float | None) -> tuple[Onward, str | None]:
    """One vehicle's onward legs in time (parading from ``parade_start`` when it parades), and the line saying
    by how much it overruns its after-end window, if it does."""
    rows = t["rows"]
    fp = _first_parade(rows)
    late: str | None = None
    if parade_start is not None:
        clock_t = parade_start - t["lead_in"]  # leave the finish just in time to start parading
        clock_t = max(clock_t, t["release"])
    else:
        clock_t = t["release"]
    legs: list[OnwardLeg] = []
    for i, (mode, seg, street, dur, coords) in enumerate(rows):
        if parade_start is not None and i == fp:
            clock_t = max(clock_t, parade_start)
        legs.append(
            OnwardLeg(
                i + 1,
                mode,
                seg,
                street,
                clock.whole(clock_t),
                clock.whole(clock_t + dur),
                tuple((round(a, 6), round(b, 6)) for a, b in coords),
            )
        )
        clock_t += dur
    ae = t["ae"]
    if parade_start is not None and ae.window_end is not None:
        parade_end = parade_start + t["parade_s"]
        over = parade_end - clock.of_time(ae.window_end)
        if over > 0:
            window_end = clock.hm(clock.of_time(ae.window_end))
            late = _(
                "{parade}: {vehicle} finishes its ward route at {at}, {n} min after its window ends ({end}) — widen "
                "the window or shorten the route"
            ).format(
                parade=parade_id,
                vehicle=vid,
                at=clock.hm(clock.whole(parade_end)),
                n=int(over // 60) + 1,
                end=window_end,
            )
    onward = Onward(
        vid,
        clock.whole(t["release"]),
        clock.whole(parade_start) if parade_start is not None else None,
        clock.whole(clock_t),
        tuple(legs),
    )
    return onward, late


def _first_parade(rows: list[Row]) -> int:
    return next((i for i, r in enumerate(rows) if r[0] == "parade"), len(rows))


def _shared_segments(trips: dict[str, dict[str, Any]]) -> set[str]:
    users: dict[str, set[str]] = {}
    for vid, t in trips.items():
        for mode, seg, *_rest in t["rows"]:
            if mode == "parade":
                users.setdefault(seg, set()).add(vid)
    return {seg for seg, vs in users.items() if len(vs) > 1}
