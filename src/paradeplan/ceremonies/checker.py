"""Independent checker of a ceremonies.json against its plan (written apart from the solver, imports none of it).

Travel times come from the instance the schedule was made for (``CeremonyInstance.travel_raw``: minutes per
attendee and pair of places), so the checker judges the schedule on the same moves without calling any travel
function of the solver's.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from paradeplan import clock
from paradeplan.plan.model import Plan

#: Minutes per (attendee, from place, to place).
TravelTable = Mapping[tuple[str, str, str], float]

#: Tolerance (minutes) for rounding of travel times.
EPS = 1e-6


def _t(text: str) -> datetime:
    return datetime.fromisoformat(text)


def check_ceremonies(
    plan: Plan,
    result: dict[str, Any],
    travel: TravelTable,
    grid_min: int | None = 5,
    allow_unmet_required: bool = False,
) -> list[str]:
    """Check a ``paradeplan.ceremonies/1`` result against the plan.

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
    bad: list[str] = []
    if result.get("format") != "paradeplan.ceremonies/1":
        bad.append(f"format is {result.get('format')!r}, expected 'paradeplan.ceremonies/1'")
    places = {p.id: p for p in plan.places}
    people = {p.id: p for p in plan.people}
    teams = {t.id: t for t in plan.teams}
    cers = {c.id: c for c in plan.ceremonies}
    got = {row["id"]: row for row in result.get("ceremonies", [])}
    if set(got) != set(cers):
        bad.append(
            f"ceremonies differ from the plan: missing {sorted(set(cers) - set(got))}, "
            f"extra {sorted(set(got) - set(cers))}"
        )
    span: dict[str, tuple[datetime, datetime]] = {}
    for cid, c in cers.items():
        if cid not in got:
            continue
        s, e = _t(got[cid]["start"]), _t(got[cid]["end"])
        span[cid] = (s, e)
        dur = sum(i.duration_min for i in c.program) if c.program else c.duration_min
        if s.date() != c.date:
            bad.append(f"{cid}: held on {s.date()} instead of {c.date}")
        if (e - s) != timedelta(minutes=dur):
            bad.append(f"{cid}: lasts {(e - s).total_seconds() / 60:.0f} min instead of {dur}")
        if s.time() < c.window_start or e.time() > c.window_end or e.date() != c.date:
            bad.append(
                f"{cid}: {clock.hm_at(s)}–{clock.hm_at(e)} is outside "
                f"its window {c.window_start:%H:%M}–{c.window_end:%H:%M}"
            )
        if grid_min and (s.hour * 60 + s.minute) % grid_min:
            bad.append(f"{cid}: start {clock.hm_at(s)} is not on the {grid_min}-minute grid")
    groups: dict[str, set[datetime]] = {}
    for cid, c in cers.items():
        if c.launch_group and cid in span:
            groups.setdefault(c.launch_group, set()).add(span[cid][0])
    for g, starts in sorted(groups.items()):
        if len(starts) > 1:
            bad.append(f"launch group {g}: ceremonies start at {sorted(clock.hm_at(s) for s in starts)}, not together")

    rows = result.get("attendance", [])
    by_who: dict[str, list[tuple[datetime, datetime, str]]] = {}
    held: set[tuple[str, str]] = set()
    for row in rows:
        who, cid = row["person"], row["ceremony"]
        if who not in people and who not in teams:
            bad.append(f"{who}: not a person or team of the plan")
            continue
        if cid not in span:
            bad.append(f"{who}: attends unknown ceremony {cid}")
            continue
        a, lv = _t(row["arrive"]), _t(row["leave"])
        s, e = span[cid]
        setup = teams[who].setup_min if who in teams else 0
        if a < s - timedelta(minutes=setup) or lv > e or lv <= a:
            bad.append(
                f"{who} at {cid}: {clock.hm_at(a)}–{clock.hm_at(lv)} is "
                f"not within the ceremony {clock.hm_at(s)}–{clock.hm_at(e)}"
            )
        if who in teams and (a != s - timedelta(minutes=setup) or lv != e):
            bad.append(f"team {who} at {cid}: must be there from {setup} min before the start to the end")
        if who in people:
            p = people[who]
            need = (
                p.min_stay_min
                if p.min_stay_min is not None and p.min_stay_min < (e - s).total_seconds() / 60
                else (e - s).total_seconds() / 60
            )
            if (lv - a).total_seconds() / 60 < need - EPS:
                bad.append(f"{who} at {cid}: stays {(lv - a).total_seconds() / 60:.0f} min, less than {need:.0f}")
            if p.available_from and a.time() < p.available_from:
                bad.append(
                    f"{who}: arrives at {cid} {clock.hm_at(a)}, before being available ({p.available_from:%H:%M})"
                )
            if p.available_until and lv.time() > p.available_until:
                bad.append(f"{who}: leaves {cid} {clock.hm_at(lv)}, after being available ({p.available_until:%H:%M})")
        held.add((who, cid))
        by_who.setdefault(who, []).append((a, lv, cid))

    def located(pid: str | None) -> bool:
        pl = places.get(pid or "")
        return bool(pl and pl.lat is not None and pl.lon is not None)

    def move(who: str, a: str, b: str) -> float | None:
        """Minutes ``who`` needs from place ``a`` to place ``b`` in the instance (None when it has none)."""
        return 0.0 if a == b else travel.get((who, a, b))

    for who, stays in sorted(by_who.items()):
        stays.sort()
        obj = people.get(who) or teams.get(who)
        assert obj is not None
        speed = obj.speed_kmh
        avail_from = people[who].available_from if who in people else None
        prev: tuple[datetime, datetime, str] | None = None
        for a, lv, cid in stays:
            venue = cers[cid].venue
            if prev is None or prev[0].date() != a.date():
                if obj.base and located(obj.base) and located(venue) and avail_from:
                    step = move(who, obj.base, venue)
                    left = datetime.combine(a.date(), avail_from)
                    if step is None:
                        bad.append(f"{who}: no travel time from the base to {cid} in the instance")
                    elif (a - left).total_seconds() / 60 < step - EPS:
                        bad.append(
                            f"{who}: cannot reach {cid} by {clock.hm_at(a)} leaving the base at "
                            f"{avail_from:%H:%M} ({step:.0f} min at {speed} km/h)"
                        )
            else:
                pa, plv, pcid = prev
                if a < plv:
                    bad.append(
                        f"{who}: in two places at once ({pcid} until "
                        f"{clock.hm_at(plv)} and {cid} from {clock.hm_at(a)})"
                    )
                there = cers[pcid].venue
                if located(there) and located(venue):
                    step = move(who, there, venue)
                    gap = (a - plv).total_seconds() / 60
                    if step is None:
                        bad.append(f"{who}: no travel time from {pcid} to {cid} in the instance")
                    elif gap < step - EPS:
                        bad.append(
                            f"{who}: {pcid} → {cid} takes {step:.1f} min at {speed} km/h but the gap is {gap:.0f} min"
                        )
            prev = (a, lv, cid)

    unmet = {(u.get("person"), u.get("ceremony")) for u in result.get("unmet", []) if u.get("reason")}
    for cid, c in cers.items():
        must = set(c.required)
        names = {p.id for p in plan.people} | {t.id for t in plan.teams}
        for k, item in enumerate(c.program):
            if item.speaker and item.speaker in names:
                must.add(item.speaker)
                for a, lv, ccid in by_who.get(item.speaker, []):
                    if ccid == cid and cid in span:
                        off = sum(i.duration_min for i in c.program[:k])
                        i0 = span[cid][0] + timedelta(minutes=off)
                        if a > i0 or lv < i0 + timedelta(minutes=item.duration_min):
                            bad.append(f"{item.speaker} at {cid}: not present for '{item.title}'")
        for who in sorted(must):
            if (who, cid) not in held and not (allow_unmet_required and (who, cid) in unmet):
                bad.append(f"{cid}: required {who} is absent")
        if c.capacity is not None:
            count = c.local_attendance + sum(teams[w].size if w in teams else 1 for w, x in held if x == cid)
            if count > c.capacity:
                bad.append(f"{cid}: {count} present, more than the capacity {c.capacity}")
        for who in c.wished:
            if (who, cid) not in held and (who, cid) not in unmet:
                bad.append(f"{cid}: wish for {who} is neither met nor listed as unmet")
    for p in plan.people:
        for cid in p.wishes:
            if (p.id, cid) not in held and (p.id, cid) not in unmet:
                bad.append(f"{cid}: wish of {p.id} is neither met nor listed as unmet")
    return bad
