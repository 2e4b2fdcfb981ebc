"""Escort assignment: the posts/1 instance of a parade, its solution, and what would fix a shortfall."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from paradeplan.parade.timing import ColumnVehicle, PostSpec, clock
from paradeplan.plan.model import Place, TrafficPolicy

log = logging.getLogger(__name__)

#: Default speed (km/h) of escort units moving between posts, by kind.
DEFAULT_UNIT_SPEED_KMH: dict[str, float] = {"police_motorbike": 30.0, "police_car": 30.0}
#: How long after the tail reaches the finish escort units stay available (seconds).
UNTIL_AFTER_FINISH_S = 60 * 60


@dataclass(frozen=True)
class Fix:
    """One way to make the given units suffice."""

    kind: str
    text: str


def post_units(vehicles: list[ColumnVehicle], places: dict[str, Place], policy: TrafficPolicy,
               default_ready_s: int, until_s: int, fallback: tuple[float, float]) -> list[dict[str, Any]]:
    """posts/1 units: every route-guard and post-duty vehicle, starting at its base at its ready time."""
    speeds = {**DEFAULT_UNIT_SPEED_KMH, **(policy.unit_speed_kmh or {})}
    units = []
    for v in vehicles:
        if v.role not in ("route_guard", "post_duty"):
            continue
        base = places.get(v.base or "")
        lat, lon = (base.lat, base.lon) if base and base.lat is not None and base.lon is not None else fallback
        units.append({"id": v.id, "kind": v.kind, "speed_kmh": float(speeds.get(v.kind, 30.0)),
                      "lat": round(float(lat), 6), "lon": round(float(lon), 6),
                      "ready": clock(v.ready_s if v.ready_s is not None else default_ready_s),
                      "until": clock(until_s)})
    return units


def posts_instance(name: str, date: str, timezone: str, posts: list[PostSpec], units: list[dict[str, Any]],
                   detour_factor: float) -> dict[str, Any]:
    """The posts/1 instance (``posts.json``) for a parade's posts and escort units."""
    return {
        "format": "paradeplan.posts/1",
        "name": name,
        "date": date,
        "timezone": timezone,
        "detour_factor": detour_factor,
        "posts": [{"id": p.id, "name": p.name, "lat": round(p.lat, 6), "lon": round(p.lon, 6),
                   "open": clock(p.open_s), "close": clock(p.close_s), "need": dict(p.need),
                   "priority": p.priority} for p in posts],
        "units": units,
    }


def solve_instance(instance: dict[str, Any]) -> tuple[Any, Any, dict[str, Any]]:
    """Validate, solve and independently check a posts/1 instance.

    Returns
    -------
    (Instance, Solution, solution JSON dict)

    Raises
    ------
    RuntimeError
        When the checker finds a violation (a bug: nothing is written).
    """
    from paradeplan import posts

    inst = posts.load_instance(instance)
    sol = posts.solve(inst)
    violations = posts.check(inst, sol)
    if violations:
        raise RuntimeError("post schedule failed the independent check: " + "; ".join(violations[:5]))
    return inst, sol, posts.solution_to_json(inst, sol)


def shortfall_fixes(instance: dict[str, Any], solution: dict[str, Any], retime: Any) -> list[Fix]:
    """What would make the given units suffice: more units of a kind, or a slower column / later start.

    Parameters
    ----------
    retime : callable(speed_kmh: float | None, delay_s: int) -> dict
        Rebuilds the posts/1 instance for another column speed or a later departure.
    """
    from paradeplan import posts

    fixes: list[Fix] = []
    have: dict[str, int] = {}
    for u in instance["units"]:
        have[u["kind"]] = have.get(u["kind"], 0) + 1
    for kind, bound in sorted(solution.get("lower_bound", {}).items()):
        more = int(bound) - have.get(kind, 0)
        if more > 0:
            fixes.append(Fix("units", f"{more} more {kind} unit(s) (need {bound}, have {have.get(kind, 0)})"))

    def covers(inst_dict: dict[str, Any]) -> bool:
        inst = posts.load_instance(inst_dict)
        sol = posts.solve(inst)
        return not posts.solution_to_json(inst, sol)["uncovered"]

    for speed in (12.0, 10.0, 8.0, 6.0, 5.0):
        if covers(retime(speed, 0)):
            fixes.append(Fix("speed", f"a column speed of {speed:g} km/h lets the given units hold every post"))
            break
    for delay_min in (15, 30, 60):
        if covers(retime(None, delay_min * 60)):
            fixes.append(Fix("timing", f"departing {delay_min} min later lets the given units hold every post"))
            break
    return fixes
