"""Independent checker of the week's calendar: allowed days and windows, shared units never clash, with travel.

It imports nothing of the week's solver; days, unit speeds and travel come from the plan and the travel-time
function the plan uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from paradeplan.geo.travel import TravelMinutes, geodesic_travel

if TYPE_CHECKING:
    from paradeplan.ceremonies.schedule import WeekSchedule


def check_week(week: WeekSchedule, travel: TravelMinutes | None = None) -> list[str]:
    """Check a week calendar: rounds on allowed days within windows; shared units never clash, with travel.

    Parameters
    ----------
    week : WeekSchedule
    travel : TravelMinutes, optional

    Returns
    -------
    list of str
        Violations (empty when sound).
    """
    plan = week.plan
    travel = travel or geodesic_travel(plan.traffic.detour_factor)
    rounds = {r.id: r for r in plan.rounds}
    places = {p.id: p for p in plan.places}
    speeds = plan.unit_speeds()
    days = plan.week_days()
    bad: list[str] = []
    for p in week.placed:
        r = rounds[p.round_id]
        allowed = r.days or tuple(days)
        if p.start.date() not in allowed:
            bad.append(f"{p.round_id}: on {p.start.date()}, not an allowed day")
        if p.start.time() < r.window_start or p.end.time() > r.window_end or p.end.date() != p.start.date():
            bad.append(
                f"{p.round_id}: {p.start:%H:%M}–{p.end:%H:%M} outside {r.window_start:%H:%M}–{r.window_end:%H:%M}"
            )
    for i, p in enumerate(week.placed):
        for q in week.placed[i + 1 :]:
            for u in sorted(set(p.uses) & set(q.uses)):
                first, second = (p, q) if p.start <= q.start else (q, p)
                a, b = places.get(first.place or ""), places.get(second.place or "")
                need = 0.0
                if a and b and a.lat is not None and b.lat is not None and a.lon is not None and b.lon is not None:
                    need = travel((a.lat, a.lon), (b.lat, b.lon), speeds.get(u, 25.0))
                if (second.start - first.end).total_seconds() / 60 < need - 1e-6:
                    bad.append(
                        f"{u}: {first.round_id} ends {first.end:%a %H:%M} and {second.round_id} starts "
                        f"{second.start:%H:%M}, but the move takes {need:.0f} min"
                    )
    return bad
