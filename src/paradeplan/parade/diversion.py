"""The parade's traffic diversion plan: closure points (posts and barriers), their marshals, and the detours."""

from __future__ import annotations

from typing import Any

from paradeplan.parade.schedule import ParadeSchedule
from paradeplan.parade.traffic import TrafficPlan
from paradeplan.plan.model import Parade, Plan
from paradeplan.route.model import Route


def plan_traffic(plan: Plan, parade: Parade, schedule: ParadeSchedule, route: Route, graph: Any) -> TrafficPlan:
    """Every crossing of the route closed by a post or a barrier point with its marshal, and the detours.

    Parameters
    ----------
    plan, parade : Plan, Parade
        The plan (traffic policy, places) and the parade (its ``marshal`` groups).
    schedule : ParadeSchedule
        The checked schedule (posts, timetable).
    route : Route
        Its route on the street graph.
    graph : networkx.MultiDiGraph
        The street graph.
    """
    from paradeplan.parade.closing import closure_points
    from paradeplan.parade.detours import plan_detours
    from paradeplan.parade.marshal_model import assign_marshals

    posts, barriers = closure_points(schedule, route, graph, plan.traffic)
    places = {p.id: p for p in plan.places}
    held, marshals, short = assign_marshals(barriers, parade, places, plan.traffic)
    points = tuple(sorted([*posts, *held], key=lambda p: (p.close_s, p.id)))
    diversions = plan_detours(schedule, route, graph, points, plan.traffic) if graph is not None else ()
    return TrafficPlan(points, marshals, diversions, plan.traffic.marshal_walk_m, short)


def shortfall_lines(parade_id: str, traffic: TrafficPlan) -> tuple[str, ...]:
    """What is short (exit 3): how many more marshals the barrier points need."""
    short = traffic.shortfall
    if short is None:
        return ()
    given = len(traffic.marshals)
    return (
        f"{parade_id}: {len(short.unheld)} barrier point(s) (rào chắn) without a marshal "
        f"({', '.join(short.unheld[:8])}{'…' if len(short.unheld) > 8 else ''}): the plan gives {given} marshal(s), "
        f"{short.needed} hold every point; add {short.more_needed} more to a group with role: marshal "
        f"(dân quân, dân phòng, đoàn viên thanh niên), or raise traffic.marshal_walk_m",
    )
