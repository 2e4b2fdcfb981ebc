"""Assemble a parade's schedule: staging trips, line-up, timetable, posts, escort and closures into a ParadeSchedule."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal, cast

from paradeplan import clock
from paradeplan.errors import InputError, Problem
from paradeplan.i18n import _, kind_name, ngettext
from paradeplan.parade.escort import (
    UNTIL_AFTER_FINISH_S,
    post_units,
    posts_instance,
    shortfall_fixes,
    solve_instance,
    with_until,
)
from paradeplan.parade.facts import RouteFacts, facts_from_route, split_angles
from paradeplan.parade.lineup import Slot, lineup_rows, order_column, stage
from paradeplan.parade.moves import Spot, StreetMoves
from paradeplan.parade.schedule import (
    Assembly,
    Base,
    Closures,
    ColumnVehicleRow,
    DelayTolerance,
    Duty,
    Escort,
    EventInfo,
    Fix,
    HeldApproach,
    ParadeInfo,
    ParadeSchedule,
    Passage,
    PointKind,
    Post,
    PostClosure,
    Ride,
    Run,
    StagingPath,
    StagingTrip,
    Station,
    TimetablePoint,
    Uncovered,
    UnitRow,
    Via,
    count_of,
    published_m,
)
from paradeplan.parade.timing import (
    ColumnVehicle,
    PostSpec,
    Timetable,
    build_timetable,
    column_members,
    expand_vehicles,
    plan_posts,
    stretch_closures,
)
from paradeplan.plan.model import Parade, Place, Plan

if TYPE_CHECKING:
    import networkx as nx

    from paradeplan.posts.instance import Instance, Unit
    from paradeplan.posts.solver import Solution
    from paradeplan.route.model import Route

log = logging.getLogger(__name__)

ATTRIBUTION = "© OpenStreetMap contributors (ODbL 1.0)"
#: Travel speed (km/h) of vehicles driving to the assembly in ordinary traffic, by kind.
DRIVE_SPEED_KMH: dict[str, float] = {
    "flower_float": 20.0,
    "loudspeaker": 25.0,
    "police_car": 30.0,
    "police_motorbike": 30.0,
}
#: Minutes a vehicle should be early at the assembly point.
ARRIVAL_BUFFER_MIN = 10

LatLon = tuple[float, float]
#: A travel function: (from (lat, lon), to (lat, lon)) → (metres, [(lat, lon), …]).
TravelFn = Callable[[LatLon, LatLon], tuple[float, list[LatLon]]]


@dataclass(frozen=True)
class ParadeResult:
    """A parade's schedule with its posts/1 instance and solution, and what stays unmet (lines for stderr)."""

    schedule: ParadeSchedule
    instance: Instance
    solution: Solution
    shortfall: tuple[str, ...]


@dataclass(frozen=True)
class _Gathered:
    """The gathering part of a staging trip."""

    gathering: str
    place: str
    arrive_s: float
    leave_s: float
    leave_base_s: float


@dataclass(frozen=True)
class _Trip:
    """A column vehicle's drive to the assembly, as plain facts."""

    frm: str | None
    travel_s: float | None
    """Seconds of the last leg (base or gathering → assembly)."""
    km: float | None
    via: _Gathered | None
    fixed_arrival_s: int | None
    """Earliest arrival when it comes from a gathering (it cannot be earlier)."""
    path: tuple[LatLon, ...] | None
    """The street path driven (6 decimals), None when the street graph has none."""


def _coords(place: Place) -> LatLon:
    if place.lat is None or place.lon is None:
        raise InputError(
            problems=[
                Problem(
                    _("place '{id}' has no coordinates").format(id=place.id),
                    field=f"places.{place.id}",
                    hint=_("pin it with lat: and lon:"),
                )
            ]
        )
    return (place.lat, place.lon)


def _street_path(coords: list[LatLon], a: LatLon, b: LatLon) -> list[LatLon] | None:
    """A travel function's path rounded to 6 decimals, or None when it is no street path (the straight fallback)."""
    pts = [(round(float(la), 6), round(float(lo), 6)) for la, lo in coords]
    if not pts or pts == [(round(a[0], 6), round(a[1], 6)), (round(b[0], 6), round(b[1], 6))]:
        return None
    return pts


def _join(*paths: list[LatLon] | None) -> tuple[LatLon, ...] | None:
    """Paths joined end to end without repeated points; None when any piece has no street path."""
    out: list[LatLon] = []
    for path in paths:
        if path is None:
            return None
        for pt in path:
            if not out or out[-1] != pt:
                out.append(pt)
    return tuple(out) if len(out) >= 2 else None


def _trips(
    plan: Plan, parade: Parade, vehicles: list[ColumnVehicle], places: dict[str, Place], travel: TravelFn
) -> dict[str, _Trip]:
    """Each column vehicle's drive to the assembly: from its base, or via its gathering."""
    target = _coords(places[parade.assembly_place])
    gatherings = {gid: g for g in plan.gatherings if (g.parade or parade.id) == parade.id for gid in g.groups}
    trips: dict[str, _Trip] = {}
    for v in vehicles:
        base = places.get(v.base or "")
        speed = DRIVE_SPEED_KMH.get(v.kind, min(v.max_speed_kmh, 30.0)) / 3.6
        g = gatherings.get(v.id) or gatherings.get(v.group)
        if base is None or base.lat is None or base.lon is None:
            trips[v.id] = _Trip(None, None, None, None, None, None)
            continue
        if g is not None:
            gp = places[g.place]
            m1, c1 = travel(_coords(base), _coords(gp))
            m2, c2 = travel(_coords(gp), target)
            at_g = clock.of_time(g.time)
            leave_g = at_g + g.duration_min * 60
            trips[v.id] = _Trip(
                base.id,
                m2 / speed,
                round((m1 + m2) / 1000, 2),
                _Gathered(g.id, gp.id, at_g, leave_g, at_g - m1 / speed),
                int(leave_g + m2 / speed),
                _join(_street_path(c1, _coords(base), _coords(gp)), _street_path(c2, _coords(gp), target)),
            )
            continue
        m, c = travel(_coords(base), target)
        trips[v.id] = _Trip(
            base.id, m / speed, round(m / 1000, 2), None, None, _join(_street_path(c, _coords(base), target))
        )
    return trips


def staging_paths(trips: dict[str, _Trip]) -> tuple[StagingPath, ...]:
    """The street paths of the staging trips, one per (from place, via place), sorted.

    Trips without a street path are left out (maps then draw a straight line).
    """
    paths: dict[tuple[str, str], tuple[LatLon, ...]] = {}
    for t in trips.values():
        if t.frm and t.path:
            paths.setdefault((t.frm, t.via.place if t.via else ""), t.path)
    return tuple(StagingPath(frm, via or None, paths[(frm, via)]) for frm, via in sorted(paths))


def _staging_rows(
    parade: Parade, ordered: list[ColumnVehicle], trips: dict[str, _Trip], slots: list[Slot]
) -> tuple[StagingTrip, ...]:
    """Staging rows: when each column vehicle leaves its base and arrives (its slot when marshalled)."""
    assembly = clock.of_time(parade.assembly_time)
    by_id = {s.vehicle.id: s for s in slots}
    rows: list[StagingTrip] = []
    for v in ordered:
        t = trips[v.id]
        slot = by_id.get(v.id)
        if slot is not None:
            arrive_s, arrive_to = slot.arrive_from_s, slot.arrive_to_s
        else:
            arrive_s = arrive_to = assembly - ARRIVAL_BUFFER_MIN * 60
        leave: float | None
        if t.fixed_arrival_s is not None and t.via is not None:
            arrive_real: float = t.fixed_arrival_s
            leave = t.via.leave_base_s
        elif t.travel_s is not None:
            arrive_real = arrive_s
            leave = arrive_s - t.travel_s
        else:
            arrive_real, leave = arrive_s, None
        late = 0
        if t.travel_s is not None and v.ready_s is not None and t.fixed_arrival_s is None:
            late = max(0, int(v.ready_s + t.travel_s - assembly))
        if t.fixed_arrival_s is not None:
            late = max(0, int(t.fixed_arrival_s - assembly))
        via = (
            None
            if t.via is None
            else Via(t.via.gathering, t.via.place, clock.whole(t.via.arrive_s), clock.whole(t.via.leave_s))
        )
        rows.append(
            StagingTrip(
                v.id,
                v.kind,
                t.frm,
                None if leave is None else clock.whole(leave),
                clock.whole(max(arrive_real, arrive_s)),
                clock.whole(arrive_to),
                None if t.km is None else published_m(t.km * 1000, 2),
                via,
                late,
            )
        )
    return tuple(rows)


@dataclass(frozen=True)
class WhatIf:
    """Re-time a plan: the column leaves ``delay_s`` later and/or drives at ``speed_kmh`` (None: as planned)."""

    delay_s: int = 0
    speed_kmh: float | None = None

    def note(self) -> str:
        """What is assumed, in words of the current language (empty when nothing is)."""
        from paradeplan.i18n import _, number

        parts = []
        if self.delay_s > 0:
            parts.append(_("departure {n} min later").format(n=self.delay_s // 60))
        elif self.delay_s < 0:
            parts.append(_("departure {n} min earlier").format(n=-self.delay_s // 60))
        if self.speed_kmh:
            parts.append(_("column speed {speed} km/h").format(speed=number(self.speed_kmh, digits=1, fixed=False)))
        return ", ".join(parts)


#: Builds the street-move model for a column speed (km/h); None when the plan's street data cannot say.
MovesFor = Callable[[float], "StreetMoves"]


def _spot_key(post: PostSpec) -> str:
    """Where a post stands: its junction and its own coordinates (a junction's passages may differ in node)."""
    return f"{post.key}@{post.lat},{post.lon}"


def _street_table(
    posts: list[PostSpec], units: list[Unit], moves: StreetMoves, cache: dict[tuple[str, str], int]
) -> tuple[tuple[str, str, int], ...]:
    """posts/1 ``travel`` rows: each unit's start and each post to every later post, on the streets.

    Times are looked up by where each post stands (``cache``, filled once per street model), so a re-timed plan
    whose post ids change order reuses them. Two passages of one junction may be held at different nodes (one per
    carriageway): each keeps its own times, as the independent checker measures them. Post to post moves use the
    slowest escort kind's speed, so any unit keeps them.
    """
    slowest = min((u.speed_kmh for u in units), default=30.0)
    keys = {_spot_key(p): p for p in posts}
    if not cache:
        spots = [Spot(k, p.lat, p.lon, slowest) for k, p in sorted(keys.items())]
        starts = {
            (u.lat, u.lon, u.speed_kmh): Spot(f"@{u.lat},{u.lon},{u.speed_kmh}", u.lat, u.lon, u.speed_kmh)
            for u in units
        }
        cache.update(moves.table([*spots, *starts.values()], spots))
    rows: list[tuple[str, str, int]] = []
    for u in units:
        src = f"@{u.lat},{u.lon},{u.speed_kmh}"
        for p in posts:
            secs = cache.get((src, _spot_key(p)))
            if secs is not None:
                rows.append((u.id, p.id, secs))
    for a in posts:
        for b in posts:
            if a.open_s < b.open_s and _spot_key(a) != _spot_key(b):
                secs = cache.get((_spot_key(a), _spot_key(b)))
                if secs is not None:
                    rows.append((a.id, b.id, secs))
    return tuple(sorted(rows))


def street_travel(graph: nx.MultiDiGraph) -> TravelFn:
    """The travel function of a street graph: the shortest drive (metres and path) between two points."""
    from paradeplan.geo.travel import travel_path

    def travel(a: LatLon, b: LatLon) -> tuple[float, list[LatLon]]:
        m, coords, _ = travel_path(graph, a, b)
        return m, coords

    return travel


@dataclass(frozen=True)
class _Column:
    """The timed column: every vehicle, the ones that ride in it (in order), their drives to the assembly, the
    line-up slots and the timetable."""

    facts: RouteFacts
    places: dict[str, Place]
    vehicles: list[ColumnVehicle]
    members: list[ColumnVehicle]
    trips: dict[str, _Trip]
    slots: list[Slot]
    tt: Timetable


@dataclass(frozen=True)
class _Staffed:
    """The posts and who holds them: the posts/1 instance solved for slack, the proven fewest units, the fixes
    when the units given do not suffice, and what stays unheld (lines for stderr)."""

    posts: list[PostSpec]
    instance: Instance
    solution: Solution
    needed: Solution
    fixes: list[Fix]
    shortfall: list[str]


def build_parade_schedule(
    plan: Plan, parade: Parade, route: Route, graph: nx.MultiDiGraph, what_if: WhatIf = WhatIf()
) -> ParadeResult:
    """Time the parade, place its posts, assign escort units, and return the schedule (not yet checked).

    Parameters
    ----------
    plan : Plan
        The validated plan.
    parade : Parade
        The parade to schedule.
    route : Route
        Its resolved route.
    graph : networkx.MultiDiGraph
        The street graph: staging trips drive it, and escort units drive its streets between posts (posts/1
        ``travel``).
    what_if : WhatIf
        Re-time the column (a later departure, another speed).

    Returns
    -------
    ParadeResult
        Escort units are assigned to maximise the smallest slack, then to share the posts (fewest leapfrogs); the
        proven fewest units (the units objective) are reported as ``units_needed``.
    """

    def moves_for(column_kmh: float) -> StreetMoves:
        return StreetMoves(graph, route, column_kmh, plan.traffic.overtake_kmh)

    open_ids = open_post_groups(plan, parade)
    if open_ids:
        parade = _sized_for_posts(plan, parade, _time_column(plan, parade, route, graph, what_if), moves_for, open_ids)
    col = _time_column(plan, parade, route, graph, what_if)

    staffed = _staff_posts(plan, parade, col, moves_for, what_if)
    staging = _staging_rows(parade, col.members, col.trips, col.slots)
    shortfall = staffed.shortfall + _late_arrivals(parade, staging)
    return ParadeResult(
        _schedule(plan, parade, col, staffed, staging), staffed.instance, staffed.solution, tuple(shortfall)
    )


#: Post-holding roles: their vehicles are the posts/1 units.
POST_ROLES = ("route_guard", "post_duty")
#: Rounds of sizing placeholder post groups: the proven lower bound first, then one more unit of each kind
#: that leaves a post unheld per round.
SIZING_ROUNDS = 8


def open_post_groups(plan: Plan, parade: Parade) -> tuple[str, ...]:
    """Ids of the parade's post-holding groups (route guard, post duty) whose count is a placeholder: an open item
    on the group's ``count`` not answered yet (``import`` writes one when the document charges a unit with the
    traffic on the route without saying how many vehicles it sends)."""
    from paradeplan.plan.rules import still_open

    k = next((i for i, p in enumerate(plan.parades) if p.id == parade.id), -1)
    asked = {item.field for item in still_open(plan)}
    return tuple(
        g.id for j, g in enumerate(parade.groups) if g.role in POST_ROLES and f"parades[{k}].groups[{j}].count" in asked
    )


def _sized_for_posts(
    plan: Plan, parade: Parade, col: _Column, moves_for: MovesFor, open_ids: tuple[str, ...]
) -> Parade:
    """The parade with its placeholder post groups sized to what the posts need beyond the stated units: the
    proven fewest of each kind, then one more of a kind while a post of it stays unheld (stated counts are kept).
    A kind no placeholder group has is not sized (its shortfall is reported as usual)."""
    posts = plan_posts(list(col.facts.passages), col.tt, plan.traffic)
    street = moves_for(col.tt.column_speed_kmh)
    counts = {gid: 0 for gid in open_ids}
    kinds = {g.id: g.kind for g in parade.groups}
    sol = _units_solution(plan, _with_counts(parade, counts), col, posts, street)
    have = Counter(v.kind for v in expand_vehicles(parade) if v.role in POST_ROLES and v.group not in counts)
    _share(counts, kinds, {k: max(0, int(n) - have[k]) for k, n in sol.lower_bound.items()})
    best, left = dict(counts), len(sol.uncovered) + 1
    for _round in range(SIZING_ROUNDS):
        sol = _units_solution(plan, _with_counts(parade, counts), col, posts, street)
        if len(sol.uncovered) >= left:
            break  # one more unit no longer holds more posts (a post no unit reaches in time): keep the last gain
        best, left = dict(counts), len(sol.uncovered)
        if not sol.uncovered or not _share(counts, kinds, dict(Counter(k for _p, k, _n in sol.uncovered))):
            break
    return _with_counts(parade, best)


def _with_counts(parade: Parade, counts: dict[str, int]) -> Parade:
    return replace(parade, groups=tuple(replace(g, count=counts[g.id]) if g.id in counts else g for g in parade.groups))


def _share(counts: dict[str, int], kinds: dict[str, str], more: dict[str, int]) -> bool:
    """Add ``more`` units of each kind to the placeholder groups of that kind, in turn; whether any was added."""
    grown = False
    for kind, n in sorted(more.items()):
        ids = [gid for gid in counts if kinds[gid] == kind]
        for k in range(n if ids else 0):
            counts[ids[k % len(ids)]] += 1
            grown = True
    return grown


def _units_solution(
    plan: Plan,
    parade: Parade,
    col: _Column,
    posts: list[PostSpec],
    street: StreetMoves,
) -> Solution:
    """The posts solved for the fewest units (the units objective) with the parade's post-holding vehicles."""
    escort = [v for v in expand_vehicles(parade) if v.role in POST_ROLES]
    until = int(col.tt.finish_tail_s + UNTIL_AFTER_FINISH_S)
    ready = clock.of_time(parade.assembly_time) - 3600
    units = post_units(escort, col.places, plan.traffic, ready, until, col.facts.start)
    name = f"{parade.name}, {parade.date.isoformat()}"
    instance = replace(
        posts_instance(name, parade.date.isoformat(), plan.event.timezone, posts, units, plan.traffic.detour_factor),
        travel=_street_table(posts, units, street, {}),
    )
    return solve_instance(instance)


def _time_column(plan: Plan, parade: Parade, route: Route, graph: nx.MultiDiGraph, what_if: WhatIf) -> _Column:
    """Who rides in the column and in which order, their drives to the assembly, line-up and timetable."""
    facts = facts_from_route(route)
    places = {p.id: p for p in plan.places}
    vehicles = expand_vehicles(parade)
    trips = _trips(plan, parade, column_members(parade, vehicles), places, street_travel(graph))
    members = order_column(parade, column_members(parade, vehicles), split_angles(plan, parade, route))
    fixed = {vid: t.fixed_arrival_s for vid, t in trips.items() if t.fixed_arrival_s is not None}
    slots = stage(parade, members, {vid: t.travel_s for vid, t in trips.items() if t.travel_s}, fixed)
    dep0 = clock.of_time(parade.departure_time)
    tt = build_timetable(
        parade,
        list(facts.stretches),
        list(facts.uturn_dists),
        members,
        departure_s=dep0 + what_if.delay_s,
        speed_kmh=what_if.speed_kmh,
    )
    return _Column(facts, places, vehicles, members, trips, slots, tt)


def _staff_posts(plan: Plan, parade: Parade, col: _Column, moves_for: MovesFor, what_if: WhatIf) -> _Staffed:
    """Place the posts on the timetable and solve who holds them: first the proven fewest units (the units
    objective), then the units given (largest smallest slack, then shared); fixes when they do not suffice."""
    posts = plan_posts(list(col.facts.passages), col.tt, plan.traffic)
    escort_vehicles = [v for v in col.vehicles if v not in col.members]
    until = int(col.tt.finish_tail_s + UNTIL_AFTER_FINISH_S)
    default_ready = clock.of_time(parade.assembly_time) - 3600
    units = post_units(escort_vehicles, col.places, plan.traffic, default_ready, until, col.facts.start)
    name = f"{parade.name}, {parade.date.isoformat()}"
    street = moves_for(col.tt.column_speed_kmh)
    cache: dict[tuple[str, str], int] = {}

    def instance_for(specs: list[PostSpec], street_model: StreetMoves) -> Instance:
        table = _street_table(specs, units, street_model, cache)
        return replace(
            posts_instance(
                name, parade.date.isoformat(), plan.event.timezone, specs, units, plan.traffic.detour_factor
            ),
            travel=table,
        )

    units_instance = instance_for(posts, street)
    needed = solve_instance(units_instance)  # the proven fewest units: the units objective
    instance = replace(units_instance, objective="slack")
    solution = solve_instance(instance, spread=True)  # the units given: largest smallest slack, then shared
    if not solution.uncovered:
        return _Staffed(posts, instance, solution, needed, [], [])

    def retime(speed: float | None, delay_s: int) -> Instance:
        tt2 = build_timetable(
            parade,
            list(col.facts.stretches),
            list(col.facts.uturn_dists),
            col.members,
            departure_s=col.tt.departure_s + delay_s,
            speed_kmh=speed or what_if.speed_kmh,
        )
        posts2 = plan_posts(list(col.facts.passages), tt2, plan.traffic)
        model2 = street if speed is None else moves_for(tt2.column_speed_kmh)
        if model2 is not street:
            cache.clear()
        inst2 = instance_for(posts2, model2)
        if model2 is not street:
            cache.clear()
        return with_until(inst2, int(tt2.finish_tail_s + UNTIL_AFTER_FINISH_S))

    fixes = shortfall_fixes(units_instance, needed, retime)
    return _Staffed(posts, instance, solution, needed, fixes, _unheld_lines(parade, solution, fixes))


def _unheld_lines(parade: Parade, solution: Solution, fixes: list[Fix]) -> list[str]:
    """What stays unheld (by kind, in words), then each fix, as lines for stderr in the user's language."""
    missing: dict[str, int] = {}
    for _post, kind, n in solution.uncovered:
        missing[kind] = missing.get(kind, 0) + int(n)
    n_unheld = len(solution.uncovered)
    return [
        ngettext(
            "{parade}: {n} post need stays unheld: {missing} (covered {covered} of {required} by priority)",
            "{parade}: {n} post needs stay unheld: {missing} (covered {covered} of {required} by priority)",
            n_unheld,
        ).format(
            parade=parade.id,
            n=n_unheld,
            missing=", ".join(f"{n} × {kind_name(k)}" for k, n in sorted(missing.items())),
            covered=solution.covered,
            required=solution.required,
        ),
        *(_("{parade}: fix: {text}").format(parade=parade.id, text=f.text) for f in fixes),
    ]


def _late_arrivals(parade: Parade, staging: tuple[StagingTrip, ...]) -> list[str]:
    """A line for each column vehicle that reaches the assembly late."""
    return [
        _(
            "{parade}: {unit} reaches the assembly {n} min late (leave earlier than its ready time, or pick a "
            "nearer base)"
        ).format(parade=parade.id, unit=row.unit, n=row.late_s // 60)
        for row in staging
        if row.late_s
    ]


def _units_by_kind(solution: Solution, instance: Instance) -> tuple[tuple[str, int], ...]:
    kinds = {u.id: u.kind for u in instance.units}
    counts: dict[str, int] = {}
    for uid, visits in solution.routes:
        if visits:
            counts[kinds[uid]] = counts.get(kinds[uid], 0) + 1
    return tuple(sorted(counts.items()))


def delay_tolerance(solution: Solution, instance: Instance) -> DelayTolerance:
    """By how many whole minutes the column may run early or late with every post still held by its unit.

    Early: wherever the column gets ahead, a unit's next post opens sooner while the unit arrives as planned (from
    its base, or released by the post before, which the column passed earlier), so the smallest slack bounds it.
    Late: a later column shifts a post and every post after it alike, so moves keep their slack; what binds is how
    long after its last post a unit stays available (its ``until``).
    """
    until = {u.id: u.until for u in instance.units}
    slack = solution.min_slack_s
    late = min((until[uid] - visits[-1].leave for uid, visits in solution.routes if visits), default=None)
    return DelayTolerance(
        max(0, slack) // 60 if slack is not None else 0, max(0, late) // 60 if late is not None else 0
    )


def _escort(solution: Solution, fixes: list[Fix], needed: Solution, instance: Instance) -> Escort:
    status: Literal["optimal", "feasible"] = "optimal" if solution.status == "optimal" else "feasible"
    return Escort(
        status,
        solution.units_used,
        tuple(sorted(solution.lower_bound.items())),
        solution.covered,
        solution.required,
        published_m(solution.travel_km * 1000),
        tuple(Uncovered(p, k, int(m)) for p, k, m in solution.uncovered),
        tuple(fixes),
        _units_by_kind(needed, instance),
        solution.min_slack_s,
        delay_tolerance(solution, instance),
    )


def _stations(reserves: list[ColumnVehicle], post_rows: list[Post], runs: dict[str, list[Run]]) -> dict[str, Station]:
    """Where each reserve waits: by the post whose units have the least slack (U-turns first for cars), one post
    per reserve, preferring posts that need the reserve's kind."""
    slack: dict[str, int] = {}
    for chain in runs.values():
        for r in chain:
            slack[r.post] = min(slack.get(r.post, r.slack_s), r.slack_s)
    taken: set[str] = set()
    out: dict[str, Station] = {}
    for v in sorted(reserves, key=lambda v: v.id):

        def rank(p: Post, kind: str = v.kind) -> tuple[int, int, int, float, str]:
            serves = count_of(p.need, kind) > 0
            return (
                p.id in taken,
                not serves,
                not (p.kind == "uturn" and kind == "police_car"),
                slack.get(p.id, 10**9),
                p.id,
            )

        best = min(post_rows, key=rank, default=None)
        if best is None:
            continue
        taken.add(best.id)
        out[v.id] = Station(best.name, best.lat, best.lon, best.id)
    return out


def _runs(solution: Solution, posts: list[PostSpec]) -> tuple[dict[str, list[Run]], dict[str, list[str]]]:
    """Each unit's runs (post by post, in order) and the units holding each post."""
    by_post: dict[str, list[str]] = {}
    runs: dict[str, list[Run]] = {}
    post_by_id = {p.id: p for p in posts}
    for uid, visits in sorted(solution.routes, key=lambda r: r[0]):
        for visit in visits:
            by_post.setdefault(visit.post, []).append(uid)
            spec = post_by_id[visit.post]
            mine = runs.setdefault(uid, [])
            mine.append(
                Run(
                    len(mine) + 1,
                    spec.id,
                    spec.name,
                    round(spec.lat, 6),
                    round(spec.lon, 6),
                    clock.whole(visit.arrive),
                    spec.open_s,
                    visit.leave,
                    visit.slack_s,
                )
            )
    return runs, by_post


def _timetable(facts: RouteFacts, tt: Timetable) -> tuple[TimetablePoint, ...]:
    """Head and tail times at every passage of the route."""
    timetable = []
    for i, pas in enumerate(facts.passages):
        head, tail = tt.passage_s(pas.kind, pas.dist_m)
        timetable.append(
            TimetablePoint(
                i + 1,
                pas.key,
                pas.name,
                cast(PointKind, pas.kind),
                round(pas.lat, 6),
                round(pas.lon, 6),
                published_m(pas.dist_m),
                clock.whole(head),
                clock.whole(tail),
                pas.cross_class,
            )
        )
    return tuple(timetable)


def _post_rows(
    posts: list[PostSpec], solution: Solution, by_post: dict[str, list[str]]
) -> tuple[list[Post], list[PostClosure]]:
    """Every post with its window, needs, holders and what stays unheld; and its closure."""
    uncovered: dict[str, list[tuple[str, int]]] = {}
    for post_id, kind, n in solution.uncovered:
        uncovered.setdefault(post_id, []).append((kind, int(n)))
    post_rows = []
    closure_rows = []
    for p in posts:
        street, _, cross = p.name.partition(" × ")
        held = tuple(sorted(by_post.get(p.id, [])))
        post_rows.append(
            Post(
                p.id,
                p.name,
                cast(PointKind, p.kind),
                round(p.lat, 6),
                round(p.lon, 6),
                p.open_s,
                p.close_s,
                p.need,
                p.priority,
                p.cross_class,
                held,
                tuple(uncovered.get(p.id, [])),
                tuple(Passage(h, t, published_m(d)) for h, t, d in p.passages),
                tuple(HeldApproach(a.street, a.highway, a.bearing) for a in p.approaches),
                p.turn,
            )
        )
        closure_rows.append(
            PostClosure(p.id, street, cross, round(p.lat, 6), round(p.lon, 6), p.open_s, p.close_s, held)
        )
    return post_rows, closure_rows


def _unit_rows(col: _Column, runs: dict[str, list[Run]], post_rows: list[Post]) -> tuple[UnitRow, ...]:
    """Every unit: its base, where it rides, its runs, its duty and (a reserve) where it waits."""
    member_ids = {v.id for v in col.members}
    duties: dict[str, Duty] = {}
    for v in col.vehicles:
        duties[v.id] = (
            "lead" if v.role == "lead" else "column" if v.id in member_ids else "posts" if runs.get(v.id) else "reserve"
        )
    stations = _stations([v for v in col.vehicles if duties[v.id] == "reserve"], post_rows, runs)
    unit_rows = []
    for v in col.vehicles:
        base = col.places.get(v.base or "")
        ride = (
            "head"
            if v.role == "lead"
            else "column"
            if v.id in member_ids
            else "posts"
            if v.role in ("route_guard", "post_duty")
            else "column"
        )
        unit_rows.append(
            UnitRow(
                v.id,
                v.name,
                v.kind,
                v.role,
                v.group,
                v.owner,
                Base(base.id, base.name, base.lat, base.lon) if base else None,
                cast(Ride, ride),
                tuple(runs.get(v.id, [])),
                duties[v.id],
                stations.get(v.id),
            )
        )
    return tuple(unit_rows)


def _parade_info(parade: Parade, col: _Column) -> ParadeInfo:
    """The parade's headline: assembly, departure, finish, length, column."""
    assembly = col.places[parade.assembly_place]
    tt = col.tt
    return ParadeInfo(
        id=parade.id,
        name=parade.name,
        date=parade.date,
        assembly=Assembly(assembly.id, assembly.name, assembly.lat, assembly.lon, clock.of_time(parade.assembly_time)),
        departure_s=clock.whole(tt.departure_s),
        finish_head_s=clock.whole(tt.finish_head_s),
        finish_tail_s=clock.whole(tt.finish_tail_s),
        total_m=published_m(tt.total_m),
        column_length_m=round(tt.column_length_m, 1),
        column_speed_kmh=round(tt.column_speed_kmh, 2),
        uturn_extra_s=round(tt.uturn_extra_s),
        no_leaving_before_end=parade.no_leaving_before_end,
    )


def _schedule(
    plan: Plan, parade: Parade, col: _Column, staffed: _Staffed, staging: tuple[StagingTrip, ...]
) -> ParadeSchedule:
    """The contract, from the timed column and the staffed posts."""
    runs, by_post = _runs(staffed.solution, staffed.posts)
    post_rows, closure_rows = _post_rows(staffed.posts, staffed.solution, by_post)
    column = tuple(
        ColumnVehicleRow(i + 1, v.id, v.name, v.kind, v.role, v.group, v.owner, v.length_m)
        for i, v in enumerate(col.members)
    )
    ev = plan.event
    return ParadeSchedule(
        attribution=ATTRIBUTION,
        event=EventInfo(ev.name, ev.theme, ev.timezone, ev.language),
        parade=_parade_info(parade, col),
        column=column,
        timetable=_timetable(col.facts, col.tt),
        posts=tuple(post_rows),
        closures=Closures(tuple(closure_rows), stretch_closures(list(col.facts.stretches), col.tt, plan.traffic)),
        units=_unit_rows(col, runs, post_rows),
        staging=staging,
        staging_paths=staging_paths(col.trips),
        escort=_escort(staffed.solution, staffed.fixes, staffed.needed, staffed.instance),
        lineup=lineup_rows(col.slots),
    )
