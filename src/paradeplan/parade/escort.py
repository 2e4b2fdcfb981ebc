"""Escort assignment: the posts/1 instance of a parade, its checked solution, and what would fix a shortfall."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from paradeplan.i18n import _, kind_name, number
from paradeplan.parade.schedule import Fix
from paradeplan.parade.timing import ColumnVehicle, PostSpec
from paradeplan.plan.model import Place, TrafficPolicy

if TYPE_CHECKING:
    from paradeplan.posts.instance import Instance, Unit
    from paradeplan.posts.solver import Solution

log = logging.getLogger(__name__)

#: Default speed (km/h) of escort units moving between posts, by kind.
DEFAULT_UNIT_SPEED_KMH: dict[str, float] = {"police_motorbike": 30.0, "police_car": 30.0}
#: How long after the tail reaches the finish escort units stay available (seconds).
UNTIL_AFTER_FINISH_S = 60 * 60

#: Rebuilds the posts/1 instance for another column speed (km/h, None: the plan's) or a later departure (s).
Retime = Callable[[float | None, int], "Instance"]


def post_units(
    vehicles: list[ColumnVehicle],
    places: dict[str, Place],
    policy: TrafficPolicy,
    default_ready_s: int,
    until_s: int,
    fallback: tuple[float, float],
) -> list[Unit]:
    """posts/1 units: every route-guard and post-duty vehicle, starting at its base at its ready time."""
    from paradeplan.posts.instance import Unit

    speeds = {**DEFAULT_UNIT_SPEED_KMH, **(policy.unit_speed_kmh or {})}
    units = []
    for v in vehicles:
        if v.role not in ("route_guard", "post_duty"):
            continue
        base = places.get(v.base or "")
        lat, lon = (base.lat, base.lon) if base and base.lat is not None and base.lon is not None else fallback
        units.append(
            Unit(
                v.id,
                v.kind,
                float(speeds.get(v.kind, 30.0)),
                round(float(lat), 6),
                round(float(lon), 6),
                v.ready_s if v.ready_s is not None else default_ready_s,
                until_s,
            )
        )
    return units


def posts_instance(
    name: str, date: str, timezone: str, posts: list[PostSpec], units: list[Unit], detour_factor: float
) -> Instance:
    """The posts/1 instance (``posts.json``) for a parade's posts and escort units."""
    from paradeplan.posts.instance import Instance, Post

    return Instance(
        name,
        date,
        timezone,
        detour_factor,
        tuple(
            Post(p.id, p.name, round(p.lat, 6), round(p.lon, 6), p.open_s, p.close_s, p.need, p.priority) for p in posts
        ),
        tuple(units),
    )


def with_until(instance: Instance, until_s: int) -> Instance:
    """The same instance with every unit free until ``until_s``."""
    return replace(instance, units=tuple(replace(u, until=until_s) for u in instance.units))


def solve_instance(instance: Instance, *, spread: bool = False) -> Solution:
    """Solve a posts/1 instance and check the solution with the independent checker.

    ``spread`` (with the slack objective): share the posts among the units given (fewest leapfrogs).

    Raises
    ------
    RuntimeError
        When the checker finds a violation (a bug: nothing is written).
    """
    from paradeplan.posts import check
    from paradeplan.posts.solver import solve

    sol = solve(instance, spread=spread)
    violations = check(instance, sol)
    if violations:
        raise RuntimeError("post schedule failed the independent check: " + "; ".join(violations[:5]))
    return sol


def shortfall_fixes(instance: Instance, solution: Solution, retime: Retime) -> list[Fix]:
    """What would make the given units suffice: more units of a kind, or a slower column / later start.

    Parameters
    ----------
    retime : callable(speed_kmh: float | None, delay_s: int) -> Instance
        Rebuilds the posts/1 instance for another column speed or a later departure.
    """
    from paradeplan.posts.solver import solve

    fixes: list[Fix] = []
    have: dict[str, int] = {}
    for u in instance.units:
        have[u.kind] = have.get(u.kind, 0) + 1
    for kind, bound in sorted(solution.lower_bound.items()):
        more = int(bound) - have.get(kind, 0)
        if more > 0:
            text = _("{more} more of kind {kind} (need {need}, have {have})").format(
                more=more, kind=kind_name(kind), need=int(bound), have=have.get(kind, 0)
            )
            fixes.append(Fix("units", text))

    def covers(inst: Instance) -> bool:
        return not solve(inst).uncovered

    for speed in (12.0, 10.0, 8.0, 6.0, 5.0):
        if covers(retime(speed, 0)):
            text = _("a column speed of {speed} km/h lets the given units hold every post").format(
                speed=number(speed, digits=1, fixed=False)
            )
            fixes.append(Fix("speed", text))
            break
    for delay_min in (15, 30, 60):
        if covers(retime(None, delay_min * 60)):
            text = _("departing {n} min later lets the given units hold every post").format(n=delay_min)
            fixes.append(Fix("timing", text))
            break
    return fixes
