"""Cross-field rules of a plan that its schema cannot say: references, windows, counts and coordinates."""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable, Iterator
from datetime import time
from typing import Any

from paradeplan import clock
from paradeplan.i18n import N_, Msg, _, number, tr
from paradeplan.plan.model import Parade, Plan

Path_ = tuple[str | int, ...]


def _aware_times(value: Any, path: Path_) -> list[Path_]:
    """Paths of clock times that carry a UTC offset (every time of a plan is local to its time zone)."""
    if isinstance(value, time):
        return [path] if value.tzinfo is not None else []
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [p for f in dataclasses.fields(value) for p in _aware_times(getattr(value, f.name), (*path, f.name))]
    if isinstance(value, tuple):
        return [p for i, v in enumerate(value) for p in _aware_times(v, (*path, i))]
    return []


Found = tuple[Path_, str, str]
"""One problem: the field's path, the message and a hint."""
Rule = Callable[[Plan], Iterator[Found]]


# -- small checks the rules share ---------------------------------------------------------------------------------
#: "<kind> id '<id>' is used twice", one whole sentence per kind of thing.
_TWICE: dict[str, Msg] = {
    "place": N_("place id '{id}' is used twice"),
    "parade": N_("parade id '{id}' is used twice"),
    "group": N_("group id '{id}' is used twice"),
    "vehicle": N_("vehicle id '{id}' is used twice"),
    "person": N_("person id '{id}' is used twice"),
    "team": N_("team id '{id}' is used twice"),
    "ceremony": N_("ceremony id '{id}' is used twice"),
}


def _duplicates(kind: str, ids: list[str], base: Path_) -> Iterator[Found]:
    seen: set[str] = set()
    for i, ident in enumerate(ids):
        if ident in seen:
            yield (*base, i, "id"), tr(_TWICE[kind], id=ident), _("give each a distinct id")
        seen.add(ident)


def _place_ref(known: frozenset[str], pid: str | None, path: Path_) -> Iterator[Found]:
    if pid is None or pid in known:
        return
    near = difflib.get_close_matches(pid, sorted(known), n=1, cutoff=0.6)
    if near:
        hint = _("did you mean '{name}'?").format(name=near[0])
    else:
        hint = _("define it under places: with an id, name and coordinates")
    yield path, _("place '{id}' is not defined").format(id=pid), hint


def _window(start: time | None, end: time | None, path: Path_, what: Msg) -> Iterator[Found]:
    if start is not None and end is not None and end <= start:
        message = tr(what, end=f"{end:%H:%M}", start=f"{start:%H:%M}")
        yield path, message, _("swap the times or fix the end")


def _positive(value: float | int | None, path: Path_, what: Msg) -> Iterator[Found]:
    if value is not None and not value > 0:
        shown = number(value, digits=2, fixed=False)
        yield (
            path,
            _("{what} must be greater than 0, got {value}").format(what=tr(what), value=shown),
            _("give a positive value"),
        )


def _route_steps(known: frozenset[str], route: tuple[Any, ...], base: Path_) -> Iterator[Found]:
    for i, step in enumerate(route):
        sp = (*base, i)
        if (step.street is None) == (step.place is None):
            yield sp, _("a route step names either a street or a place"), _("write `street: …` or `place: …`")
            continue
        if step.street is not None and (step.uturn or step.end):
            yield (
                sp,
                _("a U-turn or end is at a place, not along a street"),
                _("write `place: <id>` with `uturn: true`"),
            )
        yield from _place_ref(known, step.place, (*sp, "place"))


def _place_ids(plan: Plan) -> frozenset[str]:
    return frozenset(p.id for p in plan.places)


def _vehicle_ids(plan: Plan) -> set[str]:
    return {g.id for p in plan.parades for g in p.groups} | {
        v.id for p in plan.parades for g in p.groups for v in g.vehicles
    }


# -- the rules, one per concern, in the order their problems are reported ------------------------------------------
def places_are_unique_named_and_pinned_in_range(plan: Plan) -> Iterator[Found]:
    """Place ids are distinct; each place has a name and both coordinates (or neither), within WGS84 range."""
    yield from _duplicates("place", [p.id for p in plan.places], ("places",))
    for i, pl in enumerate(plan.places):
        if (pl.lat is None) != (pl.lon is None):
            field = "lat" if pl.lat is None else "lon"
            yield (
                ("places", i, field),
                _("give both lat and lon, or neither"),
                _("pin the place with both coordinates"),
            )
        if pl.lat is not None and not -90 <= pl.lat <= 90:
            yield (
                ("places", i, "lat"),
                _("latitude {value} is out of range").format(value=pl.lat),
                _("use -90..90 (WGS84)"),
            )
        if pl.lon is not None and not -180 <= pl.lon <= 180:
            yield (
                ("places", i, "lon"),
                _("longitude {value} is out of range").format(value=pl.lon),
                _("use -180..180 (WGS84)"),
            )
        if not pl.name.strip():
            yield ("places", i, "name"), _("name is empty"), _("give the place a name")


def week_ends_after_it_starts(plan: Plan) -> Iterator[Found]:
    """The event's week, when given, ends on or after its first day."""
    ev = plan.event
    if ev.week_start and ev.week_end and ev.week_end < ev.week_start:
        yield (
            ("event", "week_end"),
            _("the week ends ({end}) before it starts ({start})").format(end=ev.week_end, start=ev.week_start),
            _("fix week_start/week_end"),
        )


def time_zone_is_known(plan: Plan) -> Iterator[Found]:
    """The event's time zone is an IANA name."""
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(plan.event.timezone)
    except Exception:
        yield (
            ("event", "timezone"),
            _("unknown time zone '{name}'").format(name=plan.event.timezone),
            _("use an IANA name such as Asia/Ho_Chi_Minh"),
        )


def parade_ids_are_unique(plan: Plan) -> Iterator[Found]:
    """Parade ids are distinct."""
    yield from _duplicates("parade", [p.id for p in plan.parades], ("parades",))


def parades_are_well_formed(plan: Plan) -> Iterator[Found]:
    """Each parade: its assembly place exists, it departs after assembling, its route, groups, staging, line-up."""
    known = _place_ids(plan)
    for pi, parade in enumerate(plan.parades):
        base: Path_ = ("parades", pi)
        yield from _place_ref(known, parade.assembly_place, (*base, "assembly_place"))
        for rule in PARADE_RULES:
            yield from rule(plan, parade, base)


def departure_after_assembly(plan: Plan, parade: Parade, base: Path_) -> Iterator[Found]:
    """The column departs at or after the assembly time."""
    if parade.departure_time < parade.assembly_time:
        yield (
            (*base, "departure_time"),
            _("departure {departure} is before assembly {assembly}").format(
                departure=f"{parade.departure_time:%H:%M}", assembly=f"{parade.assembly_time:%H:%M}"
            ),
            _("depart at or after the assembly time"),
        )


def route_has_streets_and_one_end(plan: Plan, parade: Parade, base: Path_) -> Iterator[Found]:
    """The route has a start and streets, each step names a street or a place, only the last step ends it."""
    known = _place_ids(plan)
    if len(parade.route) < 2:
        yield (*base, "route"), _("a route needs at least a start and one street"), _("list the steps in order")
    yield from _route_steps(known, parade.route, (*base, "route"))
    if parade.route and not any(s.street for s in parade.route):
        yield (*base, "route"), _("the route names no street"), _("add the streets between the places")
    ends = [i for i, s in enumerate(parade.route) if s.end]
    if len(ends) > 1 or (ends and ends[0] != len(parade.route) - 1):
        yield (
            (*base, "route", ends[0] if ends else 0),
            _("only the last step may be the end"),
            _("mark `end: true` on the final place only"),
        )
    yield from _positive(parade.speed_limit_kmh, (*base, "speed_limit_kmh"), N_("speed limit"))


def groups_are_consistent(plan: Plan, parade: Parade, base: Path_) -> Iterator[Found]:
    """Group and vehicle ids distinct; counts, lengths, speeds and gaps sensible; bases and onward routes valid."""
    known = _place_ids(plan)
    yield from _duplicates("group", [g.id for g in parade.groups], (*base, "groups"))
    for gi, g in enumerate(parade.groups):
        gp: Path_ = (*base, "groups", gi)
        if g.count < 1:
            yield (
                (*gp, "count"),
                _("count must be at least 1, got {n}").format(n=g.count),
                _("give the number of vehicles"),
            )
        if g.count > 10000:
            yield (
                (*gp, "count"),
                _("{n} vehicles is beyond what one column holds").format(n=number(g.count)),
                _("check the number"),
            )
        if g.vehicles and len(g.vehicles) != g.count:
            yield (
                (*gp, "vehicles"),
                _("{listed} vehicles listed but count is {count}").format(listed=len(g.vehicles), count=g.count),
                _("list one entry per vehicle or fix count"),
            )
        yield from _positive(g.length_m, (*gp, "length_m"), N_("length"))
        yield from _positive(g.max_speed_kmh, (*gp, "max_speed_kmh"), N_("maximum speed"))
        if g.gap_m is not None and g.gap_m < 0:
            yield (*gp, "gap_m"), _("gap cannot be negative"), _("give metres ≥ 0")
        yield from _place_ref(known, g.base, (*gp, "base"))
        yield from _onward(known, g.after_end, (*gp, "after_end"))
        yield from _duplicates("vehicle", [v.id for v in g.vehicles], (*gp, "vehicles"))
        for vi, v in enumerate(g.vehicles):
            yield from _place_ref(known, v.base, (*gp, "vehicles", vi, "base"))
            if v.after_end:
                yield from _onward(known, v.after_end, (*gp, "vehicles", vi, "after_end"))


def _onward(known: frozenset[str], after_end: Any, base: Path_) -> Iterator[Found]:
    yield from _route_steps(known, after_end.route, (*base, "route"))
    yield from _window(
        after_end.window_start,
        after_end.window_end,
        (*base, "window_end"),
        N_("the onward window ends ({end}) before it starts ({start})"),
    )


def staging_is_positive(plan: Plan, parade: Parade, base: Path_) -> Iterator[Found]:
    """The staging area's length, slot length and vehicles per slot are positive."""
    if parade.staging:
        yield from _positive(parade.staging.length_m, (*base, "staging", "length_m"), N_("staging length"))
        yield from _positive(parade.staging.slot_min, (*base, "staging", "slot_min"), N_("slot length"))
        yield from _positive(parade.staging.per_slot, (*base, "staging", "per_slot"), N_("vehicles per slot"))


def lineup_names_groups_of_the_parade(plan: Plan, parade: Parade, base: Path_) -> Iterator[Found]:
    """``lineup.order`` and ``tail_group`` name groups or vehicles of this parade."""
    group_ids = {g.id for g in parade.groups} | {v.id for g in parade.groups for v in g.vehicles}
    for oi, gid in enumerate(parade.lineup.order):
        if gid not in group_ids:
            yield (
                (*base, "lineup", "order", oi),
                _("'{id}' is not a group or vehicle of this parade").format(id=gid),
                _("use a group id from groups:"),
            )
    if parade.lineup.tail_group and parade.lineup.tail_group not in group_ids:
        yield (
            (*base, "lineup", "tail_group"),
            _("'{id}' is not a group").format(id=parade.lineup.tail_group),
            _("use a group id from groups:"),
        )


#: The rules of one parade, each ``rule(plan, parade, path)``.
PARADE_RULES = (
    departure_after_assembly,
    route_has_streets_and_one_end,
    groups_are_consistent,
    staging_is_positive,
    lineup_names_groups_of_the_parade,
)


def gatherings_name_places_and_vehicles(plan: Plan) -> Iterator[Found]:
    """Each gathering is at a defined place and names vehicle groups or vehicles."""
    known = _place_ids(plan)
    vehicles = _vehicle_ids(plan)
    for gi, ga in enumerate(plan.gatherings):
        yield from _place_ref(known, ga.place, ("gatherings", gi, "place"))
        for k, gid in enumerate(ga.groups):
            if gid not in vehicles:
                yield (
                    ("gatherings", gi, "groups", k),
                    _("'{id}' is not a vehicle group or vehicle").format(id=gid),
                    _("use an id from a parade's groups:"),
                )


def traffic_values_are_sensible(plan: Plan) -> Iterator[Found]:
    """Lead and clearance times and needs are not negative; the detour factor and speeds are positive."""
    tp = plan.traffic
    if tp.lead_time_min < 0 or tp.clearance_min < 0:
        yield ("traffic",), _("lead and clearance times cannot be negative"), _("give minutes ≥ 0")
    yield from _positive(tp.detour_factor, ("traffic", "detour_factor"), N_("detour factor"))
    for name, mapping in (("need", tp.need), ("uturn_need", tp.uturn_need)):
        for kind, n in (mapping or {}).items():
            if n < 0:
                yield ("traffic", name, kind), _("need cannot be negative ({n})").format(n=n), _("give a number ≥ 0")
    for kind, speed in (tp.unit_speed_kmh or {}).items():
        yield from _positive(speed, ("traffic", "unit_speed_kmh", kind), N_("speed"))
    yield from _positive(tp.overtake_kmh, ("traffic", "overtake_kmh"), N_("overtaking margin"))


def people_and_teams_are_valid(plan: Plan) -> Iterator[Found]:
    """Person and team ids distinct; bases defined, speeds positive, availability in order."""
    known = _place_ids(plan)
    yield from _duplicates("person", [p.id for p in plan.people], ("people",))
    yield from _duplicates("team", [t.id for t in plan.teams], ("teams",))
    for i, person in enumerate(plan.people):
        yield from _place_ref(known, person.base, ("people", i, "base"))
        yield from _positive(person.speed_kmh, ("people", i, "speed_kmh"), N_("speed"))
        yield from _window(
            person.available_from,
            person.available_until,
            ("people", i, "available_until"),
            N_("availability ends ({end}) before it starts ({start})"),
        )
    for i, team in enumerate(plan.teams):
        yield from _place_ref(known, team.base, ("teams", i, "base"))
        yield from _positive(team.speed_kmh, ("teams", i, "speed_kmh"), N_("speed"))


def ceremonies_are_valid(plan: Plan) -> Iterator[Found]:
    """Ceremony ids distinct and wished for by id; venue, window, duration, capacity, attendees and program fit."""
    known = _place_ids(plan)
    cer_ids = [c.id for c in plan.ceremonies]
    attendees = {p.id for p in plan.people} | {t.id for t in plan.teams}
    yield from _duplicates("ceremony", cer_ids, ("ceremonies",))
    for i, person in enumerate(plan.people):
        for k, cid in enumerate(person.wishes):
            if cid not in cer_ids:
                yield (
                    ("people", i, "wishes", k),
                    _("'{id}' is not a ceremony").format(id=cid),
                    _("use an id from ceremonies:"),
                )
    for i, c in enumerate(plan.ceremonies):
        cp: Path_ = ("ceremonies", i)
        yield from _place_ref(known, c.venue, (*cp, "venue"))
        yield from _window(
            c.window_start,
            c.window_end,
            (*cp, "window_end"),
            N_("the allowed window ends ({end}) before it starts ({start})"),
        )
        yield from _positive(c.duration_min, (*cp, "duration_min"), N_("duration"))
        yield from _positive(c.capacity, (*cp, N_("capacity")), N_("capacity"))
        for field, ids in (("required", c.required), ("wished", c.wished)):
            for idx, pid in enumerate(ids):
                if pid not in attendees:
                    yield (
                        (*cp, field, idx),
                        _("'{id}' is not a person or team").format(id=pid),
                        _("define it under people: or teams:"),
                    )
        for k, item in enumerate(c.program):
            yield from _positive(item.duration_min, (*cp, "program", k, "duration_min"), N_("duration"))
        total = sum(item.duration_min for item in c.program)
        span = clock.minutes(c.window_end) - clock.minutes(c.window_start)
        if c.program and total > span > 0:
            yield (
                (*cp, "program"),
                _("the program lasts {total} min but the window is {span} min").format(total=total, span=span),
                _("shorten the program or widen the window"),
            )


def rounds_are_valid(plan: Plan) -> Iterator[Found]:
    """Each round's window is in order, its places and route exist, it uses teams or vehicles."""
    known = _place_ids(plan)
    attendees = {p.id for p in plan.people} | {t.id for t in plan.teams}
    vehicles = _vehicle_ids(plan)
    for i, r in enumerate(plan.rounds):
        yield from _window(
            r.window_start,
            r.window_end,
            ("rounds", i, "window_end"),
            N_("the round's window ends ({end}) before it starts ({start})"),
        )
        yield from _place_ref(known, r.start_place, ("rounds", i, "start_place"))
        yield from _route_steps(known, r.route, ("rounds", i, "route"))
        for k, uid in enumerate(r.uses):
            if uid not in attendees and uid not in vehicles:
                yield (
                    ("rounds", i, "uses", k),
                    _("'{id}' is not a team or vehicle").format(id=uid),
                    _("define it under teams:"),
                )


def ceremony_places_are_pinned(plan: Plan) -> Iterator[Found]:
    """Without street data to pin places by name, every venue and base the ceremonies use has coordinates."""
    if not plan.parades and not plan.streets:
        yield from unpinned_places(plan)


def rounds_have_days(plan: Plan) -> Iterator[Found]:
    """The week's rounds have days: the event's week, or their own."""
    ev = plan.event
    if plan.rounds and not (ev.week_start and ev.week_end) and any(not r.days for r in plan.rounds):
        yield (
            ("event", "week_start"),
            _("the rounds have no days"),
            _("give event.week_start and week_end, or days: for each round"),
        )


def lineup_rules_agree(plan: Plan) -> Iterator[Found]:
    """The line-up rules do not contradict each other: each group once, the lead first, the tail group last."""
    for pi, parade in enumerate(plan.parades):
        rules = parade.lineup
        base: Path_ = ("parades", pi, "lineup")
        seen: set[str] = set()
        for k, gid in enumerate(rules.order):
            if gid in seen:
                yield (*base, "order", k), _("'{id}' is listed twice").format(id=gid), _("list each group once")
            seen.add(gid)
        groups = {g.id for g in parade.groups}
        lead_groups = [g.id for g in parade.groups if g.role == "lead"]
        listed = [g for g in rules.order if g in groups]
        if listed and lead_groups and listed[0] not in lead_groups:
            yield (
                (*base, "order"),
                _(
                    "rule 'lineup.order' puts '{first}' first but rule 'lead vehicles first' needs '{lead}' at the head"
                ).format(first=listed[0], lead=lead_groups[0]),
                _("move the lead group to the front of lineup.order"),
            )
        if rules.tail_group and rules.tail_group in rules.order and listed and listed[-1] != rules.tail_group:
            yield (
                (*base, "tail_group"),
                _("rule 'tail_group: {tail}' contradicts rule 'lineup.order', which puts '{last}' last").format(
                    tail=rules.tail_group, last=listed[-1]
                ),
                _("put the tail group last in lineup.order, or drop one rule"),
            )
        if rules.tail_group and rules.tail_group in lead_groups:
            yield (
                (*base, "tail_group"),
                _("rule 'tail_group' names the lead group '{id}'").format(id=rules.tail_group),
                _("the lead rides at the head; name another group"),
            )


def activities_are_valid(plan: Plan) -> Iterator[Found]:
    """Each activity ends on or after its start and is at defined places."""
    known = _place_ids(plan)
    for i, a in enumerate(plan.activities):
        if a.start and a.end and a.end < a.start:
            yield ("activities", i, "end"), _("the activity ends before it starts"), _("fix start/end")
        for k, pid in enumerate(a.places):
            yield from _place_ref(known, pid, ("activities", i, "places", k))


#: Every cross-field rule of a plan, in the order :func:`check_plan` reports their problems. The last three are
#: rules a later stage would refuse, checked here so that ``validate`` refuses what ``plan`` refuses.
PLAN_RULES: tuple[Rule, ...] = (
    places_are_unique_named_and_pinned_in_range,
    week_ends_after_it_starts,
    time_zone_is_known,
    parade_ids_are_unique,
    parades_are_well_formed,
    gatherings_name_places_and_vehicles,
    traffic_values_are_sensible,
    people_and_teams_are_valid,
    ceremonies_are_valid,
    rounds_are_valid,
    ceremony_places_are_pinned,
    rounds_have_days,
    lineup_rules_agree,
    activities_are_valid,
)


def check_plan(plan: Plan) -> list[Found]:
    """Cross-field rules the schema cannot say (:data:`PLAN_RULES`): references, windows, counts, coordinates.

    Clock times with a UTC offset are reported first and alone: the other rules compare times.

    Returns
    -------
    list of (path, message, hint)
    """
    aware = _aware_times(plan, ())
    if aware:
        return [
            (
                path,
                _("a clock time with a UTC offset"),
                _(
                    "write the local time without the offset, e.g. 07:30; every time is in event.timezone ({zone})"
                ).format(zone=plan.event.timezone),
            )
            for path in aware
        ]
    return [found for rule in PLAN_RULES for found in rule(plan)]


def unpinned_places(plan: Plan) -> list[tuple[Path_, str, str]]:
    """Ceremony venues, and bases of guests and teams, without coordinates: the ceremony stage looks nothing up.

    A plan with street data (a parade, or ``streets:``) has its places pinned by name before that stage; `validate`
    then runs this after the pinning (``app.validate_plan``), and :func:`check_plan` runs it only for plans that
    have no street data to pin from.
    """
    out: list[tuple[Path_, str, str]] = []
    places = {p.id: p for p in plan.places}

    def pinned(pid: str | None, path: Path_, what: Msg) -> None:
        pl = places.get(pid or "")
        if pl is not None and (pl.lat is None or pl.lon is None):
            out.append(
                (
                    path,
                    _("place '{id}' ({what}) has no coordinates; the ceremony schedule needs them").format(
                        id=pid, what=tr(what)
                    ),
                    _("pin '{id}' with lat: and lon: under places (mark approximate: true if unsure)").format(id=pid),
                )
            )

    for i, c in enumerate(plan.ceremonies):
        pinned(c.venue, ("ceremonies", i, "venue"), N_("a ceremony venue"))
    if plan.ceremonies:
        for i, person in enumerate(plan.people):
            pinned(person.base, ("people", i, "base"), N_("where a guest starts"))
        for i, team in enumerate(plan.teams):
            pinned(team.base, ("teams", i, "base"), N_("where a team starts"))
    return out


#: Words of the importer's "no coordinates" open item, in each language it is written in.
NO_COORDINATES = ("coordinates", "tọa độ")  # words as data: text to recognise in a question


def asks_coordinates(field: str, question: str) -> bool:
    """The open item of a place that has no coordinates (gone once the place is pinned)."""
    return field.startswith("places[") and any(w in question for w in NO_COORDINATES)


def still_open(plan: Plan) -> list[Any]:
    """The plan's open items not answered since they were written: a place's "no coordinates" item is gone once
    the place has ``lat`` and ``lon`` (``validate`` does not ask it again)."""
    out = []
    for item in plan.open_items:
        m = re.fullmatch(r"places\[(\d+)\]", item.field)
        if m and asks_coordinates(item.field, item.question) and int(m.group(1)) < len(plan.places):
            place = plan.places[int(m.group(1))]
            if place.lat is not None and place.lon is not None and not place.approximate:
                continue
        out.append(item)
    return out


#: A place name that says someone has yet to choose it ("Trường học hoặc … (do UBND huyện X chọn)").
_UNDECIDED = re.compile(r"\(do [^)]*chọn\)|…|\.\.\.|chưa rõ|chưa xác định", re.IGNORECASE)


def placeholders(plan: Plan | None) -> tuple[frozenset[str], frozenset[str]]:
    """What the plan leaves open, to mark as such wherever it shows: (ids of ceremonies whose venue is still to be
    chosen, ids of ceremonies whose time is a placeholder)."""
    if plan is None:
        return frozenset(), frozenset()
    fields = {item.field for item in still_open(plan)}
    places = {p.id: p.name for p in plan.places}
    venue, time_ = set(), set()
    for i, c in enumerate(plan.ceremonies):
        if f"ceremonies[{i}].venue" in fields or _UNDECIDED.search(places.get(c.venue or "", "") or ""):
            venue.add(c.id)
        if any(f.startswith(f"ceremonies[{i}].") and not f.endswith(".venue") for f in fields):
            time_.add(c.id)
    return frozenset(venue), frozenset(time_)


#: The facts of a parade that run-sheets and documents show, by their plan-file key.
PARADE_FACTS = ("date", "assembly_place", "assembly_time", "departure_time")
#: Those the schedule's times follow: when one is a placeholder, every time shown is tentative.
TIME_FACTS = frozenset({"date", "assembly_time", "departure_time"})


def parade_placeholders(plan: Plan | None, parade_id: str) -> frozenset[str]:
    """Which of a parade's shown facts (:data:`PARADE_FACTS`) are placeholders the plan still leaves open: an open
    item on ``parades[i].<key>``, or an assembly place whose name says it is still to be chosen."""
    if plan is None:
        return frozenset()
    index = next((i for i, p in enumerate(plan.parades) if p.id == parade_id), None)
    if index is None:
        return frozenset()
    prefix = f"parades[{index}]."
    keys = {f[len(prefix) :].split(".")[0] for f in (item.field for item in still_open(plan)) if f.startswith(prefix)}
    place = next((p.name for p in plan.places if p.id == plan.parades[index].assembly_place), "")
    if _UNDECIDED.search(place or ""):
        keys.add("assembly_place")
    return frozenset(keys & set(PARADE_FACTS))
