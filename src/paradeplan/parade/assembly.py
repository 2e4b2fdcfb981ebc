"""Assemble a parade's full schedule (timetable, posts, closures, unit runs, staging, onward routes) as plain data."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from paradeplan.errors import InputError, Problem
from paradeplan.parade.escort import (
    UNTIL_AFTER_FINISH_S,
    Fix,
    post_units,
    posts_instance,
    shortfall_fixes,
    solve_instance,
)
from paradeplan.parade.lineup import lineup_rows, order_column, stage
from paradeplan.parade.timing import (
    ColumnVehicle,
    Passage,
    Stretch,
    Timetable,
    build_timetable,
    clock,
    column_members,
    expand_vehicles,
    plan_posts,
    seconds,
    stretch_closures,
)
from paradeplan.plan.model import Parade, Place, Plan

log = logging.getLogger(__name__)

SCHEDULE_FORMAT = "paradeplan.schedule/1"
ATTRIBUTION = "© OpenStreetMap contributors (ODbL 1.0)"
#: Travel speed (km/h) of vehicles driving to the assembly in ordinary traffic, by kind.
DRIVE_SPEED_KMH: dict[str, float] = {"flower_float": 20.0, "loudspeaker": 25.0, "police_car": 30.0,
                                     "police_motorbike": 30.0}
#: Minutes a vehicle should be early at the assembly point.
ARRIVAL_BUFFER_MIN = 10

#: A travel function: (from (lat, lon), to (lat, lon)) → (metres, [(lat, lon), …]).
TravelFn = Callable[[tuple[float, float], tuple[float, float]], tuple[float, list[tuple[float, float]]]]


@dataclass(frozen=True)
class RouteFacts:
    """What scheduling needs from a resolved route, as plain values."""

    stretches: tuple[Stretch, ...]
    passages: tuple[Passage, ...]
    uturn_dists: tuple[float, ...]
    total_m: float
    start: tuple[float, float]
    end: tuple[float, float]


@dataclass(frozen=True)
class ParadeSchedule:
    """A parade's checked schedule as JSON-ready data plus its posts/1 instance and solution."""

    schedule: dict[str, Any]
    posts_instance: dict[str, Any]
    posts_solution: dict[str, Any]
    shortfall: tuple[str, ...]


def _coords(place: Place) -> tuple[float, float]:
    if place.lat is None or place.lon is None:
        raise InputError(problems=[Problem(f"place '{place.id}' has no coordinates", field=f"places.{place.id}",
                                           hint="pin it with lat: and lon:")])
    return (place.lat, place.lon)


def _street_path(coords: list[tuple[float, float]], a: tuple[float, float],
                 b: tuple[float, float]) -> list[tuple[float, float]] | None:
    """A travel function's path rounded to 6 decimals, or None when it is no street path (the straight fallback)."""
    pts = [(round(float(la), 6), round(float(lo), 6)) for la, lo in coords]
    if not pts or pts == [(round(a[0], 6), round(a[1], 6)), (round(b[0], 6), round(b[1], 6))]:
        return None
    return pts


def _join(*paths: list[tuple[float, float]] | None) -> list[list[float]] | None:
    """Paths joined end to end without repeated points; None when any piece has no street path."""
    out: list[list[float]] = []
    for path in paths:
        if path is None:
            return None
        for la, lo in path:
            if not out or out[-1] != [la, lo]:
                out.append([la, lo])
    return out if len(out) >= 2 else None


def _trips(plan: Plan, parade: Parade, vehicles: list[ColumnVehicle], places: dict[str, Place],
           travel: TravelFn) -> dict[str, dict[str, Any]]:
    """Each column vehicle's drive to the assembly: from its base, or via its gathering (plain facts).

    ``path`` is the street path driven ([lat, lon] points, 6 decimals) or None when the street graph has none.
    """
    target = _coords(places[parade.assembly_place])
    gatherings = {gid: g for g in plan.gatherings if (g.parade or parade.id) == parade.id for gid in g.groups}
    trips: dict[str, dict[str, Any]] = {}
    for v in vehicles:
        base = places.get(v.base or "")
        speed = DRIVE_SPEED_KMH.get(v.kind, min(v.max_speed_kmh, 30.0)) / 3.6
        g = gatherings.get(v.id) or gatherings.get(v.group)
        if base is None or base.lat is None or base.lon is None:
            trips[v.id] = {"from": None, "travel_s": None, "km": None, "via": None, "fixed_arrival_s": None,
                           "path": None}
            continue
        if g is not None:
            gp = places[g.place]
            m1, c1 = travel(_coords(base), _coords(gp))
            m2, c2 = travel(_coords(gp), target)
            at_g = seconds(g.time)
            leave_g = at_g + g.duration_min * 60
            trips[v.id] = {"from": base.id, "travel_s": m2 / speed, "km": round((m1 + m2) / 1000, 2),
                           "via": {"gathering": g.id, "place": gp.id, "arrive": clock(at_g), "leave": clock(leave_g),
                                   "leave_base": clock(at_g - m1 / speed)},
                           "fixed_arrival_s": int(leave_g + m2 / speed),
                           "path": _join(_street_path(c1, _coords(base), _coords(gp)),
                                         _street_path(c2, _coords(gp), target))}
            continue
        m, c = travel(_coords(base), target)
        trips[v.id] = {"from": base.id, "travel_s": m / speed, "km": round(m / 1000, 2), "via": None,
                       "fixed_arrival_s": None, "path": _join(_street_path(c, _coords(base), target))}
    return trips


def staging_paths(trips: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The street paths of the staging trips, one per (from place, via place), sorted: ``from``, ``via``, ``coords``.

    Trips without a street path are left out (maps then draw a straight line).
    """
    paths: dict[tuple[str, str], list[list[float]]] = {}
    for t in trips.values():
        if t.get("from") and t.get("path"):
            via = (t.get("via") or {}).get("place") or ""
            paths.setdefault((str(t["from"]), str(via)), t["path"])
    return [{"from": frm, "via": via or None, "coords": paths[(frm, via)]} for frm, via in sorted(paths)]


def _staging_rows(parade: Parade, ordered: list[ColumnVehicle], trips: dict[str, dict[str, Any]],
                  slots: list[Any]) -> list[dict[str, Any]]:
    """Staging rows: when each column vehicle leaves its base and arrives (its slot when marshalled)."""
    assembly = seconds(parade.assembly_time)
    by_id = {s.vehicle.id: s for s in slots}
    rows: list[dict[str, Any]] = []
    for v in ordered:
        t = trips[v.id]
        slot = by_id.get(v.id)
        if slot is not None:
            arrive_s = slot.arrive_from_s
            arrive_to = slot.arrive_to_s
        else:
            arrive_s = assembly - ARRIVAL_BUFFER_MIN * 60
            arrive_to = arrive_s
        if t["fixed_arrival_s"] is not None:
            arrive_real = t["fixed_arrival_s"]
            leave = t["via"]["leave_base"]
        elif t["travel_s"] is not None:
            arrive_real = arrive_s
            leave = clock(arrive_s - t["travel_s"])
        else:
            arrive_real, leave = arrive_s, None
        late = 0
        if t["travel_s"] is not None and v.ready_s is not None and t["fixed_arrival_s"] is None:
            late = max(0, int(v.ready_s + t["travel_s"] - assembly))
        if t["fixed_arrival_s"] is not None:
            late = max(0, int(t["fixed_arrival_s"] - assembly))
        rows.append({"unit": v.id, "kind": v.kind, "from": t["from"], "leave_base": leave,
                     "arrive": clock(max(arrive_real, arrive_s)), "arrive_by": clock(arrive_to),
                     "travel_km": t["km"], "via": {k: x for k, x in t["via"].items() if k != "leave_base"}
                     if t["via"] else None, "late_s": late})
    return rows


def build_parade_schedule(plan: Plan, parade: Parade, facts: RouteFacts, travel: TravelFn,
                          split_bearing: dict[str, float] | None = None) -> ParadeSchedule:
    """Time the parade, place its posts, assign escort units, and return the checked schedule.

    Parameters
    ----------
    plan : Plan
        The validated plan.
    parade : Parade
        The parade to schedule.
    facts : RouteFacts
        The resolved route as plain values.
    travel : TravelFn
        Street-graph travel between two points (for staging trips).
    split_bearing : dict, optional
        Vehicle id → turn angle at the split (degrees, positive = right), for ``floats_by: split``.

    Returns
    -------
    ParadeSchedule
    """
    places = {p.id: p for p in plan.places}
    vehicles = expand_vehicles(parade)
    trips = _trips(plan, parade, column_members(parade, vehicles), places, travel)
    members = order_column(parade, column_members(parade, vehicles), split_bearing)
    fixed = {vid: t["fixed_arrival_s"] for vid, t in trips.items() if t["fixed_arrival_s"] is not None}
    slots = stage(parade, members, {vid: t["travel_s"] for vid, t in trips.items() if t["travel_s"]}, fixed)
    stretches = list(facts.stretches)
    tt = build_timetable(parade, stretches, list(facts.uturn_dists), members)
    posts = plan_posts(list(facts.passages), tt, plan.traffic)
    escort_vehicles = [v for v in vehicles if v not in members]
    until = int(tt.finish_tail_s + UNTIL_AFTER_FINISH_S)
    default_ready = seconds(parade.assembly_time) - 3600
    units = post_units(escort_vehicles, places, plan.traffic, default_ready, until, facts.start)
    name = f"{parade.name}, {parade.date.isoformat()}"
    instance = posts_instance(name, parade.date.isoformat(), plan.event.timezone, posts, units,
                              plan.traffic.detour_factor)
    _, _, solution = solve_instance(instance)

    shortfall: list[str] = []
    fixes: list[Fix] = []
    if solution["uncovered"]:
        def retime(speed: float | None, delay_s: int) -> dict[str, Any]:
            tt2 = build_timetable(parade, stretches, list(facts.uturn_dists), members,
                                  departure_s=tt.departure_s + delay_s, speed_kmh=speed)
            posts2 = plan_posts(list(facts.passages), tt2, plan.traffic)
            until2 = int(tt2.finish_tail_s + UNTIL_AFTER_FINISH_S)
            units2 = [{**u, "until": clock(until2)} for u in units]
            return posts_instance(name, parade.date.isoformat(), plan.event.timezone, posts2, units2,
                                  plan.traffic.detour_factor)

        fixes = shortfall_fixes(instance, solution, retime)
        missing: dict[str, int] = {}
        for u in solution["uncovered"]:
            missing[u["kind"]] = missing.get(u["kind"], 0) + int(u["missing"])
        shortfall.append(
            f"{parade.id}: {len(solution['uncovered'])} post need(s) stay unheld: "
            + ", ".join(f"{n} {k} slot(s)" for k, n in sorted(missing.items()))
            + f" (covered {solution['covered']} of {solution['required']} priority-weighted)")
        shortfall.extend(f"{parade.id}: fix: {f.text}" for f in fixes)

    staging = _staging_rows(parade, members, trips, slots)
    for row in staging:
        if row.get("late_s"):
            shortfall.append(f"{parade.id}: {row['unit']} reaches the assembly {row['late_s'] // 60} min late "
                             f"(leave earlier than its ready time, or pick a nearer base)")

    schedule = _schedule_json(plan, parade, vehicles, members, tt, facts, posts, instance, solution, staging,
                              fixes, places, staging_paths(trips))
    schedule["lineup"] = lineup_rows(slots)
    return ParadeSchedule(schedule=schedule, posts_instance=instance, posts_solution=solution,
                          shortfall=tuple(shortfall))


def _schedule_json(plan: Plan, parade: Parade, vehicles: list[ColumnVehicle], members: list[ColumnVehicle],
                   tt: Timetable, facts: RouteFacts, posts: list[Any], instance: dict[str, Any],
                   solution: dict[str, Any], staging: list[dict[str, Any]], fixes: list[Fix],
                   places: dict[str, Place], paths: list[dict[str, Any]]) -> dict[str, Any]:
    assembly = places[parade.assembly_place]
    by_post: dict[str, list[str]] = {}
    runs: dict[str, list[dict[str, Any]]] = {}
    post_by_id = {p.id: p for p in posts}
    for a in solution["assignments"]:
        by_post.setdefault(a["post"], []).append(a["unit"])
        p = post_by_id[a["post"]]
        runs.setdefault(a["unit"], []).append({
            "seq": len(runs.get(a["unit"], [])) + 1, "post": p.id, "name": p.name, "lat": round(p.lat, 6),
            "lon": round(p.lon, 6), "arrive": a["arrive"], "hold_from": clock(p.open_s),
            "release_at": a["leave"]})
    uncovered: dict[str, dict[str, int]] = {}
    for u in solution["uncovered"]:
        uncovered.setdefault(u["post"], {})[u["kind"]] = int(u["missing"])

    timetable = []
    for i, p in enumerate(facts.passages):
        head, tail = tt.passage_s(p.kind, p.dist_m)
        timetable.append({"seq": i + 1, "key": p.key, "name": p.name, "kind": p.kind, "lat": round(p.lat, 6),
                          "lon": round(p.lon, 6), "km": round(p.dist_m / 1000, 3), "head": clock(head),
                          "tail": clock(tail), "cross_class": p.cross_class})

    post_rows = []
    closure_rows = []
    for p in posts:
        street, _, cross = p.name.partition(" × ")
        post_rows.append({"id": p.id, "name": p.name, "kind": p.kind, "lat": round(p.lat, 6),
                          "lon": round(p.lon, 6), "open": clock(p.open_s), "close": clock(p.close_s),
                          "need": dict(p.need), "priority": p.priority, "cross_class": p.cross_class,
                          "units": sorted(by_post.get(p.id, [])), "uncovered": uncovered.get(p.id, {}),
                          "passages": [{"head": clock(h), "tail": clock(t), "km": round(d / 1000, 3)}
                                       for h, t, d in p.passages]})
        closure_rows.append({"post": p.id, "street": street, "cross_street": cross, "lat": round(p.lat, 6),
                             "lon": round(p.lon, 6), "close": clock(p.open_s), "reopen": clock(p.close_s),
                             "units": sorted(by_post.get(p.id, []))})

    member_ids = {v.id for v in members}
    unit_rows = []
    for v in vehicles:
        base = places.get(v.base or "")
        ride = ("head" if v.role == "lead" else "column" if v.id in member_ids
                else "posts" if v.role in ("route_guard", "post_duty") else "column")
        unit_rows.append({
            "unit": v.id, "name": v.name, "kind": v.kind, "role": v.role, "group": v.group, "owner": v.owner,
            "base": {"place": base.id, "name": base.name, "lat": base.lat, "lon": base.lon} if base else None,
            "ride": ride, "runs": runs.get(v.id, [])})

    column = [{"position": i + 1, "unit": v.id, "name": v.name, "kind": v.kind, "role": v.role,
               "group": v.group, "owner": v.owner, "length_m": v.length_m} for i, v in enumerate(members)]
    return {
        "format": SCHEDULE_FORMAT,
        "attribution": ATTRIBUTION,
        "event": {"name": plan.event.name, "theme": plan.event.theme, "timezone": plan.event.timezone,
                  "language": plan.event.language},
        "parade": {
            "id": parade.id, "name": parade.name, "date": parade.date.isoformat(),
            "assembly": {"place": assembly.id, "name": assembly.name, "lat": assembly.lat, "lon": assembly.lon,
                         "time": clock(seconds(parade.assembly_time))},
            "departure": clock(tt.departure_s), "finish_head": clock(tt.finish_head_s),
            "finish_tail": clock(tt.finish_tail_s), "total_km": round(tt.total_m / 1000, 3),
            "column_length_m": round(tt.column_length_m, 1), "column_speed_kmh": round(tt.column_speed_kmh, 2),
            "uturn_extra_s": round(tt.uturn_extra_s), "no_leaving_before_end": parade.no_leaving_before_end,
        },
        "column": column,
        "timetable": timetable,
        "posts": post_rows,
        "closures": {"posts": closure_rows, "stretches": stretch_closures(list(facts.stretches), tt, plan.traffic)},
        "units": unit_rows,
        "staging": staging,
        "staging_paths": paths,
        "escort": {k: solution[k] for k in ("status", "units_used", "lower_bound", "covered", "required",
                                            "travel_km", "uncovered")}
        | {"fixes": [{"kind": f.kind, "text": f.text} for f in fixes]},
    }


#: Junction nodes closer than this along one crossing street are one junction (dual carriageways, slip roads).
JUNCTION_CLUSTER_M = 120.0
#: Junction nodes closer than this along the route are one junction whatever their names.
JUNCTION_MERGE_M = 40.0


def street_classes(graph: Any) -> dict[str, str]:
    """The most important OSM road class of each street name in a street graph."""
    from paradeplan.parade.timing import class_rank

    best: dict[str, str] = {}
    for _, _, d in graph.edges(data=True):
        name, hw = d.get("name"), str(d.get("highway") or "")
        if name and (name not in best or class_rank(hw) < class_rank(best[name])):
            best[name] = hw.removesuffix("_link")
    return best


def facts_from_route(route: Any, classes: dict[str, str], gazetteer: Any = None) -> RouteFacts:
    """Plain route facts for timing: stretches, and the passages at junctions, U-turns, start and end.

    Junction nodes of one crossing street within ``JUNCTION_CLUSTER_M`` of each other along the route are one
    passage (dual carriageways); a junction passed again later (after a U-turn) keeps the same key so that its
    passages can share one post.
    """
    from paradeplan.geo.distance import haversine_m
    from paradeplan.geo.gazetteer import loose_key
    from paradeplan.parade.timing import class_rank

    stretches: list[Stretch] = []
    start_m = 0.0
    for s in route.stretches:
        stretches.append(Stretch(seq=s.seq, street=s.street, start_m=start_m, length_m=s.length_m,
                                 highway=s.highway or "unclassified", frm=s.from_label, to=s.to_label))
        start_m += s.length_m

    passages: list[Passage] = []
    keys: list[tuple[float, float, frozenset[str], str]] = []
    last: Passage | None = None
    last_names: frozenset[str] = frozenset()
    for j in route.junctions:
        if j.uturn:
            continue
        own = {loose_key(n) for n in (gazetteer.street_names(j.on_street) if gazetteer else (j.on_street,))}
        streets = frozenset(n for n in j.streets if loose_key(n) not in own) or frozenset(j.streets)
        names = streets | {j.on_street}
        cls_list = [classes.get(n) for n in streets if classes.get(n)]
        cross = min(cls_list, key=class_rank) if cls_list else None
        if last is not None and (j.dist_m - last.dist_m < JUNCTION_MERGE_M or (
                names & last_names and j.dist_m - last.dist_m < JUNCTION_CLUSTER_M)):
            if cross and (last.cross_class is None or class_rank(cross) < class_rank(last.cross_class)):
                passages[-1] = Passage(last.key, last.name, last.lat, last.lon, last.dist_m, cross, last.kind)
                last = passages[-1]
            last_names = last_names | names
            continue
        key = next((k for la, lo, ss, k in keys if ss & names and haversine_m(la, lo, j.lat, j.lon) < 250), None)
        if key is None:
            key = f"J{len(keys) + 1:03d}"
            keys.append((j.lat, j.lon, names, key))
        name = f"{j.on_street} × {' / '.join(sorted(streets))}"
        last = Passage(key, name, j.lat, j.lon, j.dist_m, cross, "junction")
        last_names = names
        passages.append(last)
    for p in route.points:
        if p.kind in ("start", "end", "uturn"):
            passages.append(Passage(f"{p.kind.upper()}-{round(p.dist_m)}" if p.kind != "uturn" else f"U-{p.name}",
                                    p.name, p.lat, p.lon, p.dist_m, None, p.kind))
    order = {"start": 0, "junction": 1, "uturn": 1, "end": 2}
    passages.sort(key=lambda p: (p.dist_m, order[p.kind]))
    uturns = tuple(p.dist_m for p in route.points if p.kind == "uturn")
    pts = {p.kind: (p.lat, p.lon) for p in route.points}
    return RouteFacts(stretches=tuple(stretches), passages=tuple(passages), uturn_dists=uturns,
                      total_m=route.total_m, start=pts.get("start", (0.0, 0.0)), end=pts.get("end", (0.0, 0.0)))


def schedule_schema() -> dict[str, Any]:
    """JSON Schema of schedule.json, generated from :mod:`paradeplan.schedule_types`."""
    from pydantic import TypeAdapter

    from paradeplan.parade.schedule_types import Schedule

    schema: dict[str, Any] = TypeAdapter(Schedule).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "paradeplan schedule (paradeplan.schedule/1)"
    return schema


def validate_schedule_shape(schedule: dict[str, Any]) -> None:
    """Raise ``ValueError`` when a schedule does not have the documented shape."""
    from pydantic import TypeAdapter, ValidationError

    from paradeplan.parade.schedule_types import Schedule

    try:
        TypeAdapter(Schedule).validate_python(schedule, strict=False)
    except ValidationError as exc:
        raise ValueError(str(exc)) from None
