"""Solve the ceremony model with CP-SAT and explain every unmet wish or requirement."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from paradeplan import clock
from paradeplan.ceremonies.instance import AttendeeIn, CeremonyIn, CeremonyInstance, Need, build_instance
from paradeplan.ceremonies.model import build_model
from paradeplan.ceremonies.schedule import Attendance, CeremonySchedule, Unmet
from paradeplan.errors import InfeasibleError, Shortfall
from paradeplan.geo.travel import TravelMinutes as TravelFn
from paradeplan.i18n import _
from paradeplan.plan.model import Plan

log = logging.getLogger(__name__)

#: Seconds in a minute of the model.
MIN_S = 60


@dataclass(frozen=True)
class _Att:
    """One attendance as the model solved it (minutes from the instance's day zero)."""

    attendee: str
    ceremony: str
    arrive: int
    leave: int
    travel_min: int | None
    came_from: str | None


@dataclass(frozen=True)
class _Solved:
    """The solution in the model's minutes, which the explanations of what stays unmet reason in."""

    instance: CeremonyInstance
    plan: Plan
    status: str
    gap: float
    starts: Mapping[str, int]
    attendance: tuple[_Att, ...]


def _precheck(inst: CeremonyInstance) -> None:
    short: list[Shortfall] = []
    lines: list[str] = []
    for c in inst.ceremonies:
        if not c.starts:
            span = c.latest_end - c.earliest
            lines.append(
                _("ceremony {id}: it lasts {n} min but its window {start}–{end} holds only {span} min").format(
                    id=c.id,
                    n=c.duration,
                    start=clock.hm_at(inst.at(c.earliest)),
                    end=clock.hm_at(inst.at(c.latest_end)),
                    span=span,
                )
            )
            short.append(
                Shortfall(
                    _("ceremony {id}").format(id=c.id),
                    c.duration - span,
                    "min",
                    _("widen the window or shorten the program"),
                )
            )
    groups: dict[str, list[str]] = {}
    for c in inst.ceremonies:
        if c.launch_group and c.starts:
            groups.setdefault(c.launch_group, []).append(c.id)
    for g, ids in sorted(groups.items()):
        common = set(inst.ceremony(ids[0]).starts)
        for cid in ids[1:]:
            common &= set(inst.ceremony(cid).starts)
        if not common:
            desc = ", ".join(
                f"{cid} {inst.ceremony(cid).day.isoformat()} {clock.hm_at(inst.at(inst.ceremony(cid).earliest))}"
                f"–{clock.hm_at(inst.at(inst.ceremony(cid).latest_end))}"
                for cid in ids
            )
            lines.append(
                _("launch group {group}: no common start time for its ceremonies ({ceremonies})").format(
                    group=g, ceremonies=desc
                )
            )
            short.append(
                Shortfall(
                    _("launch group {group}").format(group=g),
                    1,
                    "",
                    _("give the ceremonies one day and overlapping windows"),
                )
            )
    if lines:
        raise InfeasibleError("\n".join(lines), short)


def schedule_instance(
    inst: CeremonyInstance, plan: Plan, *, relax: bool = False, time_limit_s: float = 60.0, workers: int = 1
) -> CeremonySchedule:
    """Solve one instance (required attendances hard, or soft when ``relax``).

    Parameters
    ----------
    inst : CeremonyInstance
    plan : Plan
    relax : bool
        Make required attendances soft.
    time_limit_s : float
        Wall-clock limit of the solver.
    workers : int
        CP-SAT workers (1 keeps the search deterministic).

    Returns
    -------
    CeremonySchedule
        ``status`` is INFEASIBLE (and the lists empty) when no schedule exists.
    """
    from paradeplan import cpsat

    _precheck(inst)
    v = build_model(inst, relax=relax)
    solved = cpsat.solve(v.model, time_limit_s=time_limit_s, workers=workers, name="ceremonies")
    if not solved.found:
        return CeremonySchedule(plan, inst, solved.status, 0.0, 0.0, 1.0, {}, (), (), relax, solved.wall_s)
    starts = {c.id: solved.value(v.start[c.id]) for c in inst.ceremonies}
    raw: list[tuple[str, str, int, int]] = []
    for n in inst.needs:
        key = (n.attendee, n.ceremony)
        if solved.value(v.attend[key]):
            raw.append((n.attendee, n.ceremony, solved.value(v.arrive[key]), solved.value(v.leave[key])))
    attendance = tuple(_with_travel(inst, raw))
    unmet = explain_unmet(_Solved(inst, plan, solved.status, solved.gap, starts, attendance))
    return CeremonySchedule(
        plan,
        inst,
        solved.status,
        solved.objective,
        solved.bound,
        solved.gap,
        {cid: m * MIN_S for cid, m in starts.items()},
        tuple(
            Attendance(
                t.attendee,
                t.ceremony,
                t.arrive * MIN_S,
                t.leave * MIN_S,
                None if t.travel_min is None else t.travel_min * MIN_S,
                t.came_from,
            )
            for t in attendance
        ),
        tuple(unmet),
        relax,
        solved.wall_s,
        tuple(inst.warnings),
    )


def _with_travel(inst: CeremonyInstance, raw: list[tuple[str, str, int, int]]) -> list[_Att]:
    out: list[_Att] = []
    by_att: dict[str, list[tuple[str, str, int, int]]] = {}
    for r in raw:
        by_att.setdefault(r[0], []).append(r)
    for aid, rows in sorted(by_att.items()):
        a = inst.attendee(aid)
        rows.sort(key=lambda r: (r[2], r[3], r[1]))
        prev_place: str | None = None
        prev_day = None
        for _row, cid, arr, lv in rows:
            c = inst.ceremony(cid)
            if prev_day != c.day:
                prev_place = a.base
            if prev_place is None:
                out.append(_Att(aid, cid, arr, lv, None, None))
            else:
                out.append(_Att(aid, cid, arr, lv, inst.move(aid, prev_place, c.venue), prev_place))
            prev_place, prev_day = c.venue, c.day
    out.sort(key=lambda t: (t.attendee, t.arrive, t.ceremony))
    return out


def _place_name(inst: CeremonyInstance, plan: Plan, pid: str) -> str:
    for p in plan.places:
        if p.id == pid:
            return p.name
    return pid


def explain(sched: _Solved, need: Need) -> str:
    """Why ``need`` is not met in ``sched``: availability, capacity, a clash or a move too short.

    Parameters
    ----------
    sched : _Solved
        The solution in the model's minutes.
    need : Need

    Returns
    -------
    str
        One sentence.
    """
    inst = sched.instance
    a = inst.attendee(need.attendee)
    c = inst.ceremony(need.ceremony)
    s = sched.starts[c.id]
    day_off = (c.day - inst.day0).days * 1440

    def needs_at(start: int) -> tuple[int, int, int]:
        return _presence(a, c, need, start)

    never = _never_available(sched, a, c, needs_at)
    if never:
        return never
    lo_arr, hi_arr, stay = needs_at(s)
    late: str | None = None
    if a.avail_from is not None:
        t = inst.move(a.id, a.base, c.venue) if a.base else 0
        if day_off + a.avail_from + t > hi_arr:
            late = _(
                "at its chosen start {start} {name} begins before the earliest arrival {arrive} "
                "(available from {avail}, {t} min travel)"
            ).format(
                start=clock.hm_at(inst.at(s)),
                name=c.name,
                arrive=clock.hm_at(inst.at(day_off + a.avail_from + t)),
                avail=clock.hm_at(inst.at(day_off + a.avail_from)),
                t=t,
            )
        lo_arr = max(lo_arr, day_off + a.avail_from + t)
    if late is None and a.avail_until is not None and lo_arr + stay > day_off + a.avail_until:
        late = _(
            "at its chosen start {start} {name} needs presence until {until}, after the availability ends ({ends})"
        ).format(
            start=clock.hm_at(inst.at(s)),
            name=c.name,
            until=clock.hm_at(inst.at(lo_arr + stay)),
            ends=clock.hm_at(inst.at(day_off + a.avail_until)),
        )
    if c.capacity is not None:
        used = c.local + sum(inst.attendee(t.attendee).size for t in sched.attendance if t.ceremony == c.id)
        if used + a.size > c.capacity:
            return _("{name} is full: capacity {capacity} ({local} local, {scheduled} scheduled)").format(
                name=c.name, capacity=c.capacity, local=c.local, scheduled=used - c.local
            )
    mine = [t for t in sched.attendance if t.attendee == a.id and inst.ceremony(t.ceremony).day == c.day]
    blockers = _blockers(sched, a, c, mine, (lo_arr, hi_arr, stay))
    if blockers:
        return "; ".join(blockers)
    if late:
        return late
    if len(mine) >= 2:
        names = ", ".join(inst.ceremony(t.ceremony).name for t in mine)
        return _("no room for a {stay}-min stay plus travel between the other attendances ({names})").format(
            stay=stay, names=names
        )
    if sched.status != "OPTIMAL":
        return _("not placed before the solver stopped (gap {gap})").format(gap=f"{sched.gap:.1%}")
    return _("left out so that more wished-for attendances could be met with the chosen start times")


def _presence(a: AttendeeIn, c: CeremonyIn, need: Need, start: int) -> tuple[int, int, int]:
    """Earliest arrival, latest arrival and shortest stay at ceremony ``c`` if it starts at ``start``."""
    if a.min_stay is None or a.min_stay >= c.duration:
        lo, hi, st = start - a.setup, start - a.setup, c.duration + a.setup
    else:
        lo, hi, st = start, start + c.duration - a.min_stay, a.min_stay
    for k in need.items:
        it = c.items[k]
        hi = min(hi, start + it.offset)
        st = max(st, it.offset + it.duration - (hi - start))
    return lo, hi, st


def _never_available(
    sched: _Solved, a: AttendeeIn, c: CeremonyIn, needs_at: Callable[[int], tuple[int, int, int]]
) -> str | None:
    """Why the attendee cannot be there at any start the window allows (availability and travel), if so."""
    inst, plan = sched.instance, sched.plan
    day_off = (c.day - inst.day0).days * 1440
    # Availability, with the most favourable start the window allows.
    if a.avail_from is not None:
        t = inst.move(a.id, a.base, c.venue) if a.base else 0
        earliest = day_off + a.avail_from + t
        _lo, hi_last, _st = needs_at(c.starts[-1])
        if earliest > hi_last:
            values = {
                "from": clock.hm_at(inst.at(day_off + a.avail_from)),
                "arrival": clock.hm_at(inst.at(earliest)),
                "ceremony": c.name,
                "latest": clock.hm_at(inst.at(c.starts[-1])),
            }
            if a.base:
                return _(
                    "available from {from}; travel from {place} takes {n} min, so the earliest arrival {arrival} is "
                    "too late for {ceremony} (latest start {latest})"
                ).format(place=_place_name(inst, plan, a.base), n=t, **values)
            return _(
                "available from {from}, so the earliest arrival {arrival} is too late for {ceremony} (latest start "
                "{latest})"
            ).format(**values)
    if a.avail_until is not None:
        lo0, _hi, st0 = needs_at(c.starts[0])
        if lo0 + st0 > day_off + a.avail_until:
            return _(
                "available only until {until} but {ceremony} needs presence until {needed} even at its earliest "
                "start {start}"
            ).format(
                until=clock.hm_at(inst.at(day_off + a.avail_until)),
                ceremony=c.name,
                needed=clock.hm_at(inst.at(lo0 + st0)),
                start=clock.hm_at(inst.at(c.starts[0])),
            )
    return None


def _blockers(
    sched: _Solved, a: AttendeeIn, c: CeremonyIn, mine: list[_Att], window: tuple[int, int, int]
) -> list[str]:
    """Why the attendee's other attendances that day leave no room here: a clash, or a move too short.

    ``window`` is the earliest arrival, latest arrival and shortest stay the ceremony needs.
    """
    inst, plan = sched.instance, sched.plan
    lo_arr, hi_arr, stay = window
    where = _place_name(inst, plan, c.venue)
    blockers: list[str] = []
    for att in mine:
        o = inst.ceremony(att.ceremony)
        t_in = inst.move(a.id, o.venue, c.venue)
        t_out = inst.move(a.id, c.venue, o.venue)
        fits_after = att.leave + t_in <= hi_arr
        fits_before = lo_arr + stay + t_out <= att.arrive
        if fits_after or fits_before:
            continue
        if att.arrive < lo_arr + stay and att.leave > lo_arr:
            blockers.append(
                _("clashes with {name} ({start}–{end})").format(
                    name=o.name, start=clock.hm_at(inst.at(att.arrive)), end=clock.hm_at(inst.at(att.leave))
                )
            )
        elif att.leave <= lo_arr:
            gap = hi_arr - att.leave
            end, latest = clock.hm_at(inst.at(att.leave)), clock.hm_at(inst.at(hi_arr))
            between = (
                _("only {gap} min between the end there ({end}) and the latest arrival here ({latest})")
                if gap >= 0
                else _("{name} ends ({end}) after the latest arrival here ({latest})")
            ).format(gap=gap, end=end, latest=latest, name=o.name)
            blockers.append(
                _("travel from {a} to {b} takes {t} min but {between}").format(
                    a=_place_name(inst, plan, o.venue), b=where, t=t_in, between=between
                )
            )
        else:
            gap = att.arrive - (lo_arr + stay)
            end, start = clock.hm_at(inst.at(lo_arr + stay)), clock.hm_at(inst.at(att.arrive))
            between = (
                _("only {gap} min between the end here ({end}) and the start there ({start})")
                if gap >= 0
                else _("{name} starts ({start}) before the end here ({end})")
            ).format(gap=gap, end=end, start=start, name=o.name)
            blockers.append(
                _("travel from {a} to {b} takes {t} min but {between}").format(
                    a=where, b=_place_name(inst, plan, o.venue), t=t_out, between=between
                )
            )
    return blockers


def explain_unmet(sched: _Solved) -> list[Unmet]:
    """Every wished-for or required attendance not in ``sched``, with its reason."""
    held = {(t.attendee, t.ceremony) for t in sched.attendance}
    out: list[Unmet] = []
    role_cands = {(aid, cid) for cid, _k, _r, cands in sched.instance.role_items for aid in cands}
    for n in sched.instance.needs:
        if (n.attendee, n.ceremony) in held:
            continue
        if not n.required and (n.attendee, n.ceremony) in role_cands and not n.wished:
            continue
        out.append(Unmet(n.attendee, n.ceremony, n.required, explain(sched, n)))
    for cid, k, role, cands in sched.instance.role_items:
        if not any((aid, cid) in held and _covers(sched, aid, cid, k) for aid in cands):
            c = sched.instance.ceremony(cid)
            reasons = "; ".join(f"{aid}: {explain(sched, Need(aid, cid, True, False, (k,)))}" for aid in cands)
            why = _("nobody with role '{role}' for '{item}' ({reasons})").format(
                role=role, item=c.items[k].title, reasons=reasons
            )
            out.append(Unmet(role, cid, True, why))
    out.sort(key=lambda u: (not u.required, u.ceremony, u.attendee))
    return out


def _covers(sched: _Solved, aid: str, cid: str, k: int) -> bool:
    it = sched.instance.ceremony(cid).items[k]
    s = sched.starts[cid]
    return any(
        t.attendee == aid and t.ceremony == cid and t.arrive <= s + it.offset and t.leave >= s + it.offset + it.duration
        for t in sched.attendance
    )


def schedule_ceremonies(
    plan: Plan,
    travel: TravelFn | None = None,
    *,
    grid_min: int = 5,
    time_limit_s: float = 60.0,
    workers: int = 1,
) -> CeremonySchedule:
    """Schedule a plan's ceremonies: start times on the grid and who attends which.

    Parameters
    ----------
    plan : Plan
        The validated plan.
    travel : TravelFn, optional
        ``travel_min(a_latlon, b_latlon, speed_kmh)``; default geodesic × detour factor / speed.
    grid_min : int
        Minute grid of start times.
    time_limit_s : float
        Solver time limit per solve.
    workers : int
        CP-SAT workers; 1 (default) keeps results deterministic.

    Returns
    -------
    CeremonySchedule
        When the required attendances cannot all be met, the relaxed schedule (``relaxed``), whose
        ``shortfall`` names each requirement that breaks and why (exit 3 once the files are written).

    Raises
    ------
    InfeasibleError
        When the solver finds no schedule at all in time.
    """
    inst = build_instance(plan, travel, grid_min)
    sched = schedule_instance(inst, plan, time_limit_s=time_limit_s, workers=workers)
    if sched.status in ("OPTIMAL", "FEASIBLE"):
        return sched
    if sched.status != "INFEASIBLE":
        raise InfeasibleError(
            _("ceremonies: the solver found no schedule within {n} s (status {status})").format(
                n=round(time_limit_s), status=sched.status
            ),
            [Shortfall(_("solver time"), time_limit_s, "s", _("allow more time"))],
        )
    return schedule_instance(inst, plan, relax=True, time_limit_s=time_limit_s, workers=workers)
