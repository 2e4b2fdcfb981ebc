"""Independent checker of a ceremonies.json against its plan (written apart from the solver, imports none of it).

Travel times come from the instance the schedule was made for (``CeremonyInstance.travel_raw``: minutes per
attendee and pair of places), so the checker judges the schedule on the same moves without calling any travel
function of the solver's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any

from paradeplan import clock
from paradeplan.plan.model import Ceremony, Person, Plan, Team

#: Minutes per (attendee, from place, to place).
TravelTable = Mapping[tuple[str, str, str], float]

#: Tolerance (minutes) for rounding of travel times.
EPS = 1e-6


def _t(text: str) -> datetime:
    return datetime.fromisoformat(text)


@dataclass(frozen=True)
class _Stay:
    """One attendance row of the result, read."""

    who: str
    ceremony: str
    arrive: datetime
    leave: datetime


@dataclass(frozen=True)
class _Judged:
    """The plan, the result as read, and what the rules are told."""

    plan: Plan
    result: dict[str, Any]
    travel: TravelTable
    grid_min: int | None
    allow_unmet_required: bool
    spans: dict[str, tuple[datetime, datetime]]
    """Start and end of each ceremony of the plan that the result holds."""
    stays: tuple[_Stay, ...]
    """The rows of known people or teams at known ceremonies."""
    unmet: frozenset[tuple[str, str]]
    """(who, ceremony) listed as unmet with a reason."""

    @cached_property
    def people(self) -> dict[str, Person]:
        return {p.id: p for p in self.plan.people}

    @cached_property
    def teams(self) -> dict[str, Team]:
        return {t.id: t for t in self.plan.teams}

    @cached_property
    def ceremonies(self) -> dict[str, Ceremony]:
        return {c.id: c for c in self.plan.ceremonies}

    @cached_property
    def held(self) -> set[tuple[str, str]]:
        return {(st.who, st.ceremony) for st in self.stays}

    def located(self, pid: str | None) -> bool:
        pl = next((p for p in self.plan.places if p.id == pid), None)
        return bool(pl and pl.lat is not None and pl.lon is not None)

    def move(self, who: str, a: str, b: str) -> float | None:
        """Minutes ``who`` needs from place ``a`` to place ``b`` in the instance (None when it has none)."""
        return 0.0 if a == b else self.travel.get((who, a, b))


def format_is_ceremonies_1(j: _Judged) -> Iterator[str]:
    """The result says it is ``paradeplan.ceremonies/1``."""
    if j.result.get("format") != "paradeplan.ceremonies/1":
        yield f"format is {j.result.get('format')!r}, expected 'paradeplan.ceremonies/1'"


def ceremonies_are_the_plans(j: _Judged) -> Iterator[str]:
    """The result holds exactly the plan's ceremonies."""
    got = {row["id"] for row in j.result.get("ceremonies", [])}
    if got != set(j.ceremonies):
        yield (
            f"ceremonies differ from the plan: missing {sorted(set(j.ceremonies) - got)}, "
            f"extra {sorted(got - set(j.ceremonies))}"
        )


def ceremonies_keep_day_length_window_and_grid(j: _Judged) -> Iterator[str]:
    """Each ceremony is on its day, lasts its program, lies in its window and starts on the grid."""
    for cid, (s, e) in j.spans.items():
        c = j.ceremonies[cid]
        dur = sum(i.duration_min for i in c.program) if c.program else c.duration_min
        if s.date() != c.date:
            yield f"{cid}: held on {s.date()} instead of {c.date}"
        if (e - s) != timedelta(minutes=dur):
            yield f"{cid}: lasts {(e - s).total_seconds() / 60:.0f} min instead of {dur}"
        if s.time() < c.window_start or e.time() > c.window_end or e.date() != c.date:
            yield (
                f"{cid}: {clock.hm_at(s)}–{clock.hm_at(e)} is outside "
                f"its window {c.window_start:%H:%M}–{c.window_end:%H:%M}"
            )
        if j.grid_min and clock.minutes(s.time()) % j.grid_min:
            yield f"{cid}: start {clock.hm_at(s)} is not on the {j.grid_min}-minute grid"


def launch_groups_start_together(j: _Judged) -> Iterator[str]:
    """The ceremonies of one launch group start at the same time."""
    groups: dict[str, set[datetime]] = {}
    for cid, (s, _e) in j.spans.items():
        group = j.ceremonies[cid].launch_group
        if group:
            groups.setdefault(group, set()).add(s)
    for g, starts in sorted(groups.items()):
        if len(starts) > 1:
            yield f"launch group {g}: ceremonies start at {sorted(clock.hm_at(s) for s in starts)}, not together"


def attendees_are_known(j: _Judged) -> Iterator[str]:
    """Every attendance is of a person or team of the plan at a ceremony of the result."""
    for row in j.result.get("attendance", []):
        who, cid = row["person"], row["ceremony"]
        if who not in j.people and who not in j.teams:
            yield f"{who}: not a person or team of the plan"
        elif cid not in j.spans:
            yield f"{who}: attends unknown ceremony {cid}"


def stays_fit_ceremony_and_availability(j: _Judged) -> Iterator[str]:
    """Each stay lies within its ceremony (teams from their set-up to the end), long enough, while available."""
    for st in j.stays:
        who, cid, a, lv = st.who, st.ceremony, st.arrive, st.leave
        s, e = j.spans[cid]
        setup = j.teams[who].setup_min if who in j.teams else 0
        if a < s - timedelta(minutes=setup) or lv > e or lv <= a:
            yield (
                f"{who} at {cid}: {clock.hm_at(a)}–{clock.hm_at(lv)} is "
                f"not within the ceremony {clock.hm_at(s)}–{clock.hm_at(e)}"
            )
        if who in j.teams and (a != s - timedelta(minutes=setup) or lv != e):
            yield f"team {who} at {cid}: must be there from {setup} min before the start to the end"
        p = j.people.get(who)
        if p is None:
            continue
        whole = (e - s).total_seconds() / 60
        need = p.min_stay_min if p.min_stay_min is not None and p.min_stay_min < whole else whole
        if (lv - a).total_seconds() / 60 < need - EPS:
            yield f"{who} at {cid}: stays {(lv - a).total_seconds() / 60:.0f} min, less than {need:.0f}"
        if p.available_from and a.time() < p.available_from:
            yield f"{who}: arrives at {cid} {clock.hm_at(a)}, before being available ({p.available_from:%H:%M})"
        if p.available_until and lv.time() > p.available_until:
            yield f"{who}: leaves {cid} {clock.hm_at(lv)}, after being available ({p.available_until:%H:%M})"


def moves_between_stays_fit(j: _Judged) -> Iterator[str]:
    """Nobody is in two places at once, and each move (from the base, or between venues) has its travel time."""
    by_who: dict[str, list[_Stay]] = {}
    for st in j.stays:
        by_who.setdefault(st.who, []).append(st)
    for _who, stays in sorted(by_who.items()):
        stays.sort(key=lambda st: (st.arrive, st.leave, st.ceremony))
        prev: _Stay | None = None
        for st in stays:
            if prev is None or prev.arrive.date() != st.arrive.date():
                yield from _first_move(j, st)
            else:
                yield from _next_move(j, prev, st)
            prev = st


def _first_move(j: _Judged, st: _Stay) -> Iterator[str]:
    obj = j.people.get(st.who) or j.teams[st.who]
    avail_from = j.people[st.who].available_from if st.who in j.people else None
    venue = j.ceremonies[st.ceremony].venue
    if not (obj.base and j.located(obj.base) and j.located(venue) and avail_from):
        return
    step = j.move(st.who, obj.base, venue)
    left = datetime.combine(st.arrive.date(), avail_from)
    if step is None:
        yield f"{st.who}: no travel time from the base to {st.ceremony} in the instance"
    elif (st.arrive - left).total_seconds() / 60 < step - EPS:
        yield (
            f"{st.who}: cannot reach {st.ceremony} by {clock.hm_at(st.arrive)} leaving the base at "
            f"{avail_from:%H:%M} ({step:.0f} min at {obj.speed_kmh} km/h)"
        )


def _next_move(j: _Judged, prev: _Stay, st: _Stay) -> Iterator[str]:
    who, cid, pcid = st.who, st.ceremony, prev.ceremony
    speed = (j.people.get(who) or j.teams[who]).speed_kmh
    if st.arrive < prev.leave:
        yield (
            f"{who}: in two places at once ({pcid} until "
            f"{clock.hm_at(prev.leave)} and {cid} from {clock.hm_at(st.arrive)})"
        )
    there, venue = j.ceremonies[pcid].venue, j.ceremonies[cid].venue
    if j.located(there) and j.located(venue):
        step = j.move(who, there, venue)
        gap = (st.arrive - prev.leave).total_seconds() / 60
        if step is None:
            yield f"{who}: no travel time from {pcid} to {cid} in the instance"
        elif gap < step - EPS:
            yield f"{who}: {pcid} → {cid} takes {step:.1f} min at {speed} km/h but the gap is {gap:.0f} min"


def speakers_and_required_are_present(j: _Judged) -> Iterator[str]:
    """Each named speaker is present for their item; every required person or team attends (or, when allowed,
    is listed as unmet)."""
    names = set(j.people) | set(j.teams)
    for cid, c in j.ceremonies.items():
        must = set(c.required)
        for k, item in enumerate(c.program):
            if not (item.speaker and item.speaker in names):
                continue
            must.add(item.speaker)
            if cid not in j.spans:
                continue
            i0 = j.spans[cid][0] + timedelta(minutes=sum(i.duration_min for i in c.program[:k]))
            until = i0 + timedelta(minutes=item.duration_min)
            for st in j.stays:
                if st.who == item.speaker and st.ceremony == cid and (st.arrive > i0 or st.leave < until):
                    yield f"{item.speaker} at {cid}: not present for '{item.title}'"
        for who in sorted(must):
            if (who, cid) not in j.held and not (j.allow_unmet_required and (who, cid) in j.unmet):
                yield f"{cid}: required {who} is absent"


def capacity_is_kept(j: _Judged) -> Iterator[str]:
    """No ceremony holds more than its capacity (local attendance, people, and teams by size)."""
    for cid, c in j.ceremonies.items():
        if c.capacity is not None:
            here = (w for w, x in j.held if x == cid)
            count = c.local_attendance + sum(j.teams[w].size if w in j.teams else 1 for w in here)
            if count > c.capacity:
                yield f"{cid}: {count} present, more than the capacity {c.capacity}"


def wishes_are_met_or_listed(j: _Judged) -> Iterator[str]:
    """Every wish (the ceremony's or the person's) is met or listed as unmet with a reason."""
    for cid, c in j.ceremonies.items():
        for who in c.wished:
            if (who, cid) not in j.held and (who, cid) not in j.unmet:
                yield f"{cid}: wish for {who} is neither met nor listed as unmet"
    for p in j.plan.people:
        for cid in p.wishes:
            if (p.id, cid) not in j.held and (p.id, cid) not in j.unmet:
                yield f"{cid}: wish of {p.id} is neither met nor listed as unmet"


#: Every rule :func:`check_ceremonies` applies, in the order it reports.
RULES: tuple[Callable[[_Judged], Iterator[str]], ...] = (
    format_is_ceremonies_1,
    ceremonies_are_the_plans,
    ceremonies_keep_day_length_window_and_grid,
    launch_groups_start_together,
    attendees_are_known,
    stays_fit_ceremony_and_availability,
    moves_between_stays_fit,
    speakers_and_required_are_present,
    capacity_is_kept,
    wishes_are_met_or_listed,
)


def _read(plan: Plan, result: dict[str, Any]) -> tuple[dict[str, tuple[datetime, datetime]], tuple[_Stay, ...]]:
    """The spans of the plan's ceremonies the result holds, and its rows of known attendees at them."""
    got = {row["id"]: row for row in result.get("ceremonies", [])}
    spans = {c.id: (_t(got[c.id]["start"]), _t(got[c.id]["end"])) for c in plan.ceremonies if c.id in got}
    known = {p.id for p in plan.people} | {t.id for t in plan.teams}
    stays = tuple(
        _Stay(row["person"], row["ceremony"], _t(row["arrive"]), _t(row["leave"]))
        for row in result.get("attendance", [])
        if row["person"] in known and row["ceremony"] in spans
    )
    return spans, stays


def check_ceremonies(
    plan: Plan,
    result: dict[str, Any],
    travel: TravelTable,
    grid_min: int | None = 5,
    allow_unmet_required: bool = False,
) -> list[str]:
    """Check a ``paradeplan.ceremonies/1`` result against the plan, rule by rule (:data:`RULES`).

    Parameters
    ----------
    plan : Plan
        The plan the result was made from.
    result : dict
        The ceremonies.json content.
    travel : mapping
        Minutes per (attendee, from place, to place): the instance's ``travel_raw``.
    grid_min : int, optional
        Start times must lie on this grid (None: not checked).
    allow_unmet_required : bool
        Accept required attendances that are missing but listed (with a reason) under ``unmet``.

    Returns
    -------
    list of str
        One line per violation; empty when the schedule is sound.
    """
    spans, stays = _read(plan, result)
    unmet = frozenset((u.get("person"), u.get("ceremony")) for u in result.get("unmet", []) if u.get("reason"))
    judged = _Judged(plan, result, travel, grid_min, allow_unmet_required, spans, stays, unmet)
    return [problem for rule in RULES for problem in rule(judged)]
