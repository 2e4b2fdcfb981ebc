"""Cross-field rules of a plan that its schema cannot say: references, windows, counts and coordinates."""

from __future__ import annotations

import dataclasses
import difflib
import re
from datetime import time
from typing import Any

from paradeplan.plan.model import Plan

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


def check_plan(plan: Plan) -> list[tuple[Path_, str, str]]:
    """Cross-field rules the schema cannot say: references, windows, counts, coordinates.

    Returns
    -------
    list of (path, message, hint)
    """
    aware = _aware_times(plan, ())
    if aware:  # the other rules compare times: say this first, alone
        return [
            (
                path,
                "a clock time with a UTC offset",
                f"write the local time without the offset, e.g. 07:30; "
                f"every time is in event.timezone ({plan.event.timezone})",
            )
            for path in aware
        ]
    out: list[tuple[Path_, str, str]] = []
    place_ids = [p.id for p in plan.places]
    known_places = set(place_ids)

    def dup(kind: str, ids: list[str], base: Path_) -> None:
        seen: set[str] = set()
        for i, ident in enumerate(ids):
            if ident in seen:
                out.append(((*base, i, "id"), f"{kind} id '{ident}' is used twice", "give each a distinct id"))
            seen.add(ident)

    def ref(pid: str | None, path: Path_) -> None:
        if pid is None or pid in known_places:
            return
        near = difflib.get_close_matches(pid, sorted(known_places), n=1, cutoff=0.6)
        hint = f"did you mean '{near[0]}'?" if near else "define it under places: with an id, name and coordinates"
        out.append((path, f"place '{pid}' is not defined", hint))

    def window(start: time | None, end: time | None, path: Path_, what: str) -> None:
        if start is not None and end is not None and end <= start:
            out.append(
                (path, f"{what} ends ({end:%H:%M}) before it starts ({start:%H:%M})", "swap the times or fix the end")
            )

    def positive(value: float | int | None, path: Path_, what: str) -> None:
        if value is not None and not value > 0:
            out.append((path, f"{what} must be greater than 0, got {value}", "give a positive value"))

    def steps(route: tuple[Any, ...], base: Path_, need_place_start: bool) -> None:
        for i, step in enumerate(route):
            sp = (*base, i)
            if (step.street is None) == (step.place is None):
                out.append((sp, "a route step names either a street or a place", "write `street: …` or `place: …`"))
                continue
            if step.street is not None and (step.uturn or step.end):
                out.append(
                    (sp, "a U-turn or end is at a place, not along a street", "write `place: <id>` with `uturn: true`")
                )
            ref(step.place, (*sp, "place"))

    dup("place", place_ids, ("places",))
    for i, pl in enumerate(plan.places):
        if (pl.lat is None) != (pl.lon is None):
            out.append(
                (
                    ("places", i, "lat" if pl.lat is None else "lon"),
                    "give both lat and lon, or neither",
                    "pin the place with both coordinates",
                )
            )
        if pl.lat is not None and not -90 <= pl.lat <= 90:
            out.append((("places", i, "lat"), f"latitude {pl.lat} is out of range", "use -90..90 (WGS84)"))
        if pl.lon is not None and not -180 <= pl.lon <= 180:
            out.append((("places", i, "lon"), f"longitude {pl.lon} is out of range", "use -180..180 (WGS84)"))
        if not pl.name.strip():
            out.append((("places", i, "name"), "name is empty", "give the place a name"))

    ev = plan.event
    if ev.week_start and ev.week_end and ev.week_end < ev.week_start:
        out.append(
            (
                ("event", "week_end"),
                f"the week ends ({ev.week_end}) before it starts ({ev.week_start})",
                "fix week_start/week_end",
            )
        )
    try:
        from zoneinfo import ZoneInfo

        ZoneInfo(ev.timezone)
    except Exception:
        out.append(
            (("event", "timezone"), f"unknown time zone '{ev.timezone}'", "use an IANA name such as Asia/Ho_Chi_Minh")
        )

    dup("parade", [p.id for p in plan.parades], ("parades",))
    all_group_ids: set[str] = set()
    for pi, parade in enumerate(plan.parades):
        base: Path_ = ("parades", pi)
        ref(parade.assembly_place, (*base, "assembly_place"))
        if parade.departure_time < parade.assembly_time:
            out.append(
                (
                    (*base, "departure_time"),
                    f"departure {parade.departure_time:%H:%M} is before assembly {parade.assembly_time:%H:%M}",
                    "depart at or after the assembly time",
                )
            )
        if len(parade.route) < 2:
            out.append(((*base, "route"), "a route needs at least a start and one street", "list the steps in order"))
        steps(parade.route, (*base, "route"), True)
        streets = [s for s in parade.route if s.street]
        if parade.route and not streets:
            out.append(((*base, "route"), "the route names no street", "add the streets between the places"))
        ends = [i for i, s in enumerate(parade.route) if s.end]
        if len(ends) > 1 or (ends and ends[0] != len(parade.route) - 1):
            out.append(
                (
                    (*base, "route", ends[0] if ends else 0),
                    "only the last step may be the end",
                    "mark `end: true` on the final place only",
                )
            )
        positive(parade.speed_limit_kmh, (*base, "speed_limit_kmh"), "speed limit")
        dup("group", [g.id for g in parade.groups], (*base, "groups"))
        for gi, g in enumerate(parade.groups):
            gp: Path_ = (*base, "groups", gi)
            all_group_ids.add(g.id)
            all_group_ids.update(v.id for v in g.vehicles)
            if g.count < 1:
                out.append(((*gp, "count"), f"count must be at least 1, got {g.count}", "give the number of vehicles"))
            if g.count > 10000:
                out.append(((*gp, "count"), f"{g.count} vehicles is beyond what one column holds", "check the number"))
            if g.vehicles and len(g.vehicles) != g.count:
                out.append(
                    (
                        (*gp, "vehicles"),
                        f"{len(g.vehicles)} vehicles listed but count is {g.count}",
                        "list one entry per vehicle or fix count",
                    )
                )
            positive(g.length_m, (*gp, "length_m"), "length")
            positive(g.max_speed_kmh, (*gp, "max_speed_kmh"), "maximum speed")
            if g.gap_m is not None and g.gap_m < 0:
                out.append(((*gp, "gap_m"), "gap cannot be negative", "give metres ≥ 0"))
            ref(g.base, (*gp, "base"))
            steps(g.after_end.route, (*gp, "after_end", "route"), False)
            window(
                g.after_end.window_start, g.after_end.window_end, (*gp, "after_end", "window_end"), "the onward window"
            )
            dup("vehicle", [v.id for v in g.vehicles], (*gp, "vehicles"))
            for vi, v in enumerate(g.vehicles):
                ref(v.base, (*gp, "vehicles", vi, "base"))
                if v.after_end:
                    steps(v.after_end.route, (*gp, "vehicles", vi, "after_end", "route"), False)
                    window(
                        v.after_end.window_start,
                        v.after_end.window_end,
                        (*gp, "vehicles", vi, "after_end", "window_end"),
                        "the onward window",
                    )
        if parade.staging:
            positive(parade.staging.length_m, (*base, "staging", "length_m"), "staging length")
            positive(parade.staging.slot_min, (*base, "staging", "slot_min"), "slot length")
            positive(parade.staging.per_slot, (*base, "staging", "per_slot"), "vehicles per slot")
        group_ids = {g.id for g in parade.groups} | {v.id for g in parade.groups for v in g.vehicles}
        for oi, gid in enumerate(parade.lineup.order):
            if gid not in group_ids:
                out.append(
                    (
                        (*base, "lineup", "order", oi),
                        f"'{gid}' is not a group or vehicle of this parade",
                        "use a group id from groups:",
                    )
                )
        if parade.lineup.tail_group and parade.lineup.tail_group not in group_ids:
            out.append(
                (
                    (*base, "lineup", "tail_group"),
                    f"'{parade.lineup.tail_group}' is not a group",
                    "use a group id from groups:",
                )
            )

    for gi, ga in enumerate(plan.gatherings):
        ref(ga.place, ("gatherings", gi, "place"))
        for k, gid in enumerate(ga.groups):
            if gid not in all_group_ids:
                out.append(
                    (
                        ("gatherings", gi, "groups", k),
                        f"'{gid}' is not a vehicle group or vehicle",
                        "use an id from a parade's groups:",
                    )
                )

    tp = plan.traffic
    if tp.lead_time_min < 0 or tp.clearance_min < 0:
        out.append((("traffic",), "lead and clearance times cannot be negative", "give minutes ≥ 0"))
    positive(tp.detour_factor, ("traffic", "detour_factor"), "detour factor")
    for name, mapping in (("need", tp.need), ("uturn_need", tp.uturn_need)):
        for kind, n in (mapping or {}).items():
            if n < 0:
                out.append((("traffic", name, kind), f"need cannot be negative ({n})", "give a number ≥ 0"))
    for kind, speed in (tp.unit_speed_kmh or {}).items():
        positive(speed, ("traffic", "unit_speed_kmh", kind), "speed")
    positive(tp.overtake_kmh, ("traffic", "overtake_kmh"), "overtaking margin")

    people_ids = [p.id for p in plan.people]
    team_ids = [t.id for t in plan.teams]
    dup("person", people_ids, ("people",))
    dup("team", team_ids, ("teams",))
    attendees = set(people_ids) | set(team_ids)
    for i, person in enumerate(plan.people):
        ref(person.base, ("people", i, "base"))
        positive(person.speed_kmh, ("people", i, "speed_kmh"), "speed")
        window(person.available_from, person.available_until, ("people", i, "available_until"), "availability")
    for i, team in enumerate(plan.teams):
        ref(team.base, ("teams", i, "base"))
        positive(team.speed_kmh, ("teams", i, "speed_kmh"), "speed")
    cer_ids = [c.id for c in plan.ceremonies]
    dup("ceremony", cer_ids, ("ceremonies",))
    for i, person in enumerate(plan.people):
        for k, cid in enumerate(person.wishes):
            if cid not in cer_ids:
                out.append((("people", i, "wishes", k), f"'{cid}' is not a ceremony", "use an id from ceremonies:"))
    for i, c in enumerate(plan.ceremonies):
        cp: Path_ = ("ceremonies", i)
        ref(c.venue, (*cp, "venue"))
        window(c.window_start, c.window_end, (*cp, "window_end"), "the allowed window")
        positive(c.duration_min, (*cp, "duration_min"), "duration")
        positive(c.capacity, (*cp, "capacity"), "capacity")
        for k, pid in enumerate((*c.required, *c.wished)):
            field = "required" if k < len(c.required) else "wished"
            idx = k if k < len(c.required) else k - len(c.required)
            if pid not in attendees:
                out.append(((*cp, field, idx), f"'{pid}' is not a person or team", "define it under people: or teams:"))
        for k, item in enumerate(c.program):
            positive(item.duration_min, (*cp, "program", k, "duration_min"), "duration")
        if c.program:
            total = sum(item.duration_min for item in c.program)
            span = (c.window_end.hour * 60 + c.window_end.minute) - (c.window_start.hour * 60 + c.window_start.minute)
            if total > span > 0:
                out.append(
                    (
                        (*cp, "program"),
                        f"the program lasts {total} min but the window is {span} min",
                        "shorten the program or widen the window",
                    )
                )
    for i, r in enumerate(plan.rounds):
        window(r.window_start, r.window_end, ("rounds", i, "window_end"), "the round's window")
        ref(r.start_place, ("rounds", i, "start_place"))
        steps(r.route, ("rounds", i, "route"), False)
        for k, uid in enumerate(r.uses):
            if uid not in attendees and uid not in all_group_ids:
                out.append((("rounds", i, "uses", k), f"'{uid}' is not a team or vehicle", "define it under teams:"))
    _stage_rules(plan, out)
    for i, a in enumerate(plan.activities):
        if a.start and a.end and a.end < a.start:
            out.append((("activities", i, "end"), "the activity ends before it starts", "fix start/end"))
        for k, pid in enumerate(a.places):
            ref(pid, ("activities", i, "places", k))
    return out


def unpinned_places(plan: Plan) -> list[tuple[Path_, str, str]]:
    """Ceremony venues, and bases of guests and teams, without coordinates: the ceremony stage looks nothing up.

    A plan with street data (a parade, or ``streets:``) has its places pinned by name before that stage; `validate`
    then runs this after the pinning (``app.validate_plan``), and :func:`check_plan` runs it only for plans that
    have no street data to pin from.
    """
    out: list[tuple[Path_, str, str]] = []
    places = {p.id: p for p in plan.places}

    def pinned(pid: str | None, path: Path_, what: str) -> None:
        pl = places.get(pid or "")
        if pl is not None and (pl.lat is None or pl.lon is None):
            out.append(
                (
                    path,
                    f"place '{pid}' ({what}) has no coordinates; the ceremony schedule needs them",
                    f"pin '{pid}' with lat: and lon: under places (mark approximate: true if unsure)",
                )
            )

    for i, c in enumerate(plan.ceremonies):
        pinned(c.venue, ("ceremonies", i, "venue"), "a ceremony venue")
    if plan.ceremonies:
        for i, person in enumerate(plan.people):
            pinned(person.base, ("people", i, "base"), "where a guest starts")
        for i, team in enumerate(plan.teams):
            pinned(team.base, ("teams", i, "base"), "where a team starts")
    return out


def _stage_rules(plan: Plan, out: list[tuple[Path_, str, str]]) -> None:
    """Rules a later stage would refuse, checked here so that ``validate`` refuses what ``plan`` refuses.

    The ceremony stage needs coordinates for every venue and base (when no street data can pin them by name);
    the week needs days for its rounds; the line-up rules must not contradict each other.
    """
    if not plan.parades and not plan.streets:
        out.extend(unpinned_places(plan))
    ev = plan.event
    if plan.rounds and not (ev.week_start and ev.week_end) and any(not r.days for r in plan.rounds):
        out.append(
            (
                ("event", "week_start"),
                "the rounds have no days",
                "give event.week_start and week_end, or days: for each round",
            )
        )
    for pi, parade in enumerate(plan.parades):
        rules = parade.lineup
        base: Path_ = ("parades", pi, "lineup")
        seen: set[str] = set()
        for k, gid in enumerate(rules.order):
            if gid in seen:
                out.append(((*base, "order", k), f"'{gid}' is listed twice", "list each group once"))
            seen.add(gid)
        groups = {g.id for g in parade.groups}
        lead_groups = [g.id for g in parade.groups if g.role == "lead"]
        listed = [g for g in rules.order if g in groups]
        if listed and lead_groups and listed[0] not in lead_groups:
            out.append(
                (
                    (*base, "order"),
                    f"rule 'lineup.order' puts '{listed[0]}' first but rule 'lead vehicles "
                    f"first' needs '{lead_groups[0]}' at the head",
                    "move the lead group to the front of lineup.order",
                )
            )
        if rules.tail_group and rules.tail_group in rules.order and listed and listed[-1] != rules.tail_group:
            out.append(
                (
                    (*base, "tail_group"),
                    f"rule 'tail_group: {rules.tail_group}' contradicts rule "
                    f"'lineup.order', which puts '{listed[-1]}' last",
                    "put the tail group last in lineup.order, or drop one rule",
                )
            )
        if rules.tail_group and rules.tail_group in lead_groups:
            out.append(
                (
                    (*base, "tail_group"),
                    f"rule 'tail_group' names the lead group '{rules.tail_group}'",
                    "the lead rides at the head; name another group",
                )
            )


def still_open(plan: Plan) -> list[Any]:
    """The plan's open items not answered since they were written: a place's "no coordinates" item is gone once
    the place has ``lat`` and ``lon`` (``validate`` does not ask it again)."""
    out = []
    for item in plan.open_items:
        m = re.fullmatch(r"places\[(\d+)\]", item.field)
        if m and "coordinates" in item.question and int(m.group(1)) < len(plan.places):
            place = plan.places[int(m.group(1))]
            if place.lat is not None and place.lon is not None and not place.approximate:
                continue
        out.append(item)
    return out
