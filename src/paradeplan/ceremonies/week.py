"""The week's calendar: CP-SAT gives each round (a ward's loudspeaker round…) a day and a start slot."""

from __future__ import annotations

import logging
import math
from datetime import date, datetime, time, timedelta

from paradeplan import clock
from paradeplan.ceremonies.schedule import PlacedRound, UnplacedRound, WeekSchedule
from paradeplan.errors import InfeasibleError, InputError, Problem
from paradeplan.geo.travel import TravelMinutes as TravelFn
from paradeplan.geo.travel import geodesic_travel
from paradeplan.i18n import _, ngettext
from paradeplan.plan.model import Plan, Round

log = logging.getLogger(__name__)


def _week_days(plan: Plan) -> list[date]:
    days = plan.week_days()
    if not days:
        raise InputError(
            problems=[
                Problem(
                    _("the rounds have no days"),
                    field="event.week_start",
                    hint=_("give event.week_start and week_end, or days: for each round"),
                )
            ]
        )
    return days


class _Week:
    """Plain inputs of the week problem."""

    def __init__(self, plan: Plan, travel: TravelFn, grid: int) -> None:
        self.plan = plan
        self.grid = grid
        self.days = _week_days(plan)
        self.day0 = self.days[0]
        self.speeds = plan.unit_speeds()
        places = {p.id: p for p in plan.places}
        self.latlon: dict[str, tuple[float, float]] = {}
        for r in plan.rounds:
            pl = places.get(r.start_place or "")
            if pl and pl.lat is not None and pl.lon is not None:
                self.latlon[r.id] = (pl.lat, pl.lon)
        self.travel = travel
        self._cache: dict[tuple[str, str, str], int] = {}

    def move(self, unit: str, a: str, b: str) -> int:
        """Whole minutes ``unit`` needs from round ``a``'s place to round ``b``'s."""
        key = (unit, a, b)
        if key not in self._cache:
            la, lb = self.latlon.get(a), self.latlon.get(b)
            raw = 0.0 if la is None or lb is None else self.travel(la, lb, self.speeds.get(unit, 25.0))
            self._cache[key] = math.ceil(raw - 1e-9)
        return self._cache[key]

    def allowed_days(self, r: Round) -> list[date]:
        return sorted(r.days) if r.days else list(self.days)

    def starts(
        self, r: Round, days: list[date] | None = None, ws: int | None = None, we: int | None = None
    ) -> list[int]:
        lo = clock.minutes(r.window_start) if ws is None else ws
        hi = clock.minutes(r.window_end) if we is None else we
        out: list[int] = []
        for d in days if days is not None else self.allowed_days(r):
            off = (d - self.day0).days * 1440
            first = off + lo + (-(off + lo)) % self.grid
            out.extend(range(first, off + hi - r.duration_min + 1, self.grid))
        return out


def _fits(w: _Week, r: Round, t: int, placed: dict[str, int]) -> list[str]:
    """Rounds already placed that stop ``r`` from starting at minute ``t`` (shared unit, with travel)."""
    rounds = {x.id: x for x in w.plan.rounds}
    block: list[str] = []
    for oid, ot in placed.items():
        o = rounds[oid]
        for u in sorted(set(r.uses) & set(o.uses)):
            if not (ot + o.duration_min + w.move(u, oid, r.id) <= t or t + r.duration_min + w.move(u, r.id, oid) <= ot):
                block.append(oid)
                break
    return block


def _explain(w: _Week, r: Round, placed: dict[str, int]) -> UnplacedRound:
    days = w.allowed_days(r)
    blockers: set[str] = set()
    for t in w.starts(r):
        blockers.update(_fits(w, r, t, placed))
    names = {x.id: x.name for x in w.plan.rounds}
    shared = sorted(set(r.uses))
    reason = ngettext(
        "{round}: on its days ({days}) within {start}–{end} the shared {uses} is busy with {others}",
        "{round}: on its days ({days}) within {start}–{end} the shared {uses} are busy with {others}",
        len(shared),
    ).format(
        round=r.name,
        days=", ".join(d.isoformat() for d in days),
        start=f"{r.window_start:%H:%M}",
        end=f"{r.window_end:%H:%M}",
        uses=", ".join(shared),
        others=", ".join(names[b] for b in sorted(blockers)) or _("other rounds"),
    )
    fixes: list[str] = []
    other_days = [d for d in w.days if d not in days and any(not _fits(w, r, t, placed) for t in w.starts(r, [d]))]
    if other_days:
        fixes.append(_("allow another day: {days} have room").format(days=", ".join(d.isoformat() for d in other_days)))
    for ws, we in (
        (clock.minutes(r.window_start), 21 * 60),
        (6 * 60, clock.minutes(r.window_end)),
        (6 * 60, 21 * 60),
    ):
        if any(not _fits(w, r, t, placed) for t in w.starts(r, days, ws, we)):
            fixes.append(
                _("widen the window to {start}–{end}").format(
                    start=f"{ws // 60:02d}:{ws % 60:02d}", end=f"{we // 60:02d}:{we % 60:02d}"
                )
            )
            break
    for u in shared:
        fixes.append(_("give it another {uses} (a second team or vehicle)").format(uses=u))
    return UnplacedRound(r.id, reason, tuple(fixes))


def schedule_week(
    plan: Plan,
    travel: TravelFn | None = None,
    *,
    grid_min: int = 15,
    time_limit_s: float = 30.0,
    workers: int = 1,
) -> WeekSchedule:
    """Give every round of the week a day and a start so that shared units never clash and can travel between.

    Parameters
    ----------
    plan : Plan
        The validated plan (its ``rounds``).
    travel : TravelFn, optional
        Travel-time function; default geodesic × detour factor / speed.
    grid_min : int
        Minute grid of start times.
    time_limit_s : float
        Solver time limit.
    workers : int
        CP-SAT workers (1 keeps the result deterministic).

    Returns
    -------
    WeekSchedule
        A week too full is status TOO_FULL; its ``shortfall`` names each round that could not be placed and
        what would fix it (exit 3 once the files are written).

    Raises
    ------
    InfeasibleError
        When the solver finds no calendar at all.
    """
    from paradeplan import cpsat
    from paradeplan.ceremonies.week_model import RoundIn, WeekInstance, build_model

    travel = travel or geodesic_travel(plan.traffic.detour_factor)
    if not plan.rounds:
        return WeekSchedule(plan, "OPTIMAL", 0.0)
    w = _Week(plan, travel, grid_min)
    rounds: list[RoundIn] = []
    too_short: list[Round] = []
    for r in plan.rounds:
        values = w.starts(r)
        if not values:
            too_short.append(r)
            continue
        rounds.append(RoundIn(r.id, r.duration_min, tuple(values), tuple(sorted(set(r.uses)))))
    move = {
        (u, a.id, b.id): w.move(u, a.id, b.id)
        for a in rounds
        for b in rounds
        if a.id != b.id
        for u in set(a.uses) & set(b.uses)
    }
    model = build_model(WeekInstance(tuple(rounds), move, len(w.days) * 1440))
    solved = cpsat.solve(model.model, time_limit_s=time_limit_s, workers=workers, name="week")
    status = solved.status
    if not solved.found:
        raise InfeasibleError(_("week: the solver found no calendar (status {status})").format(status=status))
    gap = solved.gap
    start, present = model.start, model.placed
    placed_at = {rid: solved.value(start[rid]) for rid in start if solved.value(present[rid])}
    placed, unplaced = _calendar(w, placed_at, too_short, set(start))
    log.info("week: %s, %d placed, %d unplaced", status, len(placed), len(unplaced))
    return WeekSchedule(plan, "TOO_FULL" if unplaced else status, gap, placed, unplaced)


def _calendar(
    w: _Week, placed_at: dict[str, int], too_short: list[Round], modelled: set[str]
) -> tuple[tuple[PlacedRound, ...], tuple[UnplacedRound, ...]]:
    """The rounds placed (by start) and those not (by id), each with why and what would fix it."""
    plan = w.plan
    base = datetime.combine(w.day0, time(0, 0))
    placed = [
        PlacedRound(
            r.id,
            r.name,
            base + timedelta(minutes=placed_at[r.id]),
            base + timedelta(minutes=placed_at[r.id] + r.duration_min),
            r.start_place,
            tuple(r.uses),
        )
        for r in plan.rounds
        if r.id in placed_at
    ]
    unplaced = [
        UnplacedRound(
            r.id,
            _("{round}: lasts {n} min but its window holds {span} min").format(
                round=r.name, n=r.duration_min, span=clock.minutes(r.window_end) - clock.minutes(r.window_start)
            ),
            (_("widen the window"), _("shorten the round")),
        )
        for r in too_short
    ]
    unplaced += [_explain(w, r, placed_at) for r in plan.rounds if r.id in modelled and r.id not in placed_at]
    placed.sort(key=lambda p: (p.start, p.round_id))
    unplaced.sort(key=lambda u: u.round_id)
    return tuple(placed), tuple(unplaced)
