"""Travel times between two points: on the street graph where it covers both ends, straight line × detour elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from paradeplan.geo.distance import geodesic_m

#: A point farther than this from every graph node is not covered by the street graph (metres).
COVER_M = 300.0

#: ``travel_min(a_latlon, b_latlon, speed_kmh) -> minutes``: the pluggable travel-time function.
TravelMinutes = Callable[[tuple[float, float], tuple[float, float], float], float]
#: Default detour factor between straight-line and road distance.
DEFAULT_DETOUR = 1.3


def geodesic_travel(detour: float = DEFAULT_DETOUR) -> TravelMinutes:
    """The default travel-time function: geodesic distance × detour factor / speed.

    Parameters
    ----------
    detour : float
        Road distance over straight-line distance (1.3 by default).

    Returns
    -------
    TravelMinutes
        ``travel_min(a_latlon, b_latlon, speed_kmh)`` in minutes (float).
    """
    def travel_min(a: tuple[float, float], b: tuple[float, float], speed_kmh: float) -> float:
        if a == b:
            return 0.0
        km = geodesic_m(a[0], a[1], b[0], b[1]) / 1000.0 * detour
        return km / speed_kmh * 60.0

    return travel_min


def street_travel(graph: Any, fallback: TravelMinutes) -> TravelMinutes:
    """A ``travel_min(a, b, speed_kmh)`` function driving on ``graph`` where it covers both ends.

    The road distance is the shortest graph path between the nearest nodes plus the straight legs from each point
    to its node; points the graph does not cover (farther than ``COVER_M`` from any node) use ``fallback``.
    Results are cached per pair of points.
    """
    from paradeplan.route.routing import nearest_node_distance, travel_path

    cache: dict[tuple[tuple[float, float], tuple[float, float]], float | None] = {}

    def metres(a: tuple[float, float], b: tuple[float, float]) -> float | None:
        key = (a, b)
        if key not in cache:
            da, db = nearest_node_distance(graph, a), nearest_node_distance(graph, b)
            if da > COVER_M or db > COVER_M:
                cache[key] = None
            else:
                m, _, _ = travel_path(graph, a, b)
                cache[key] = m + da + db
        return cache[key]

    def travel_min(a: tuple[float, float], b: tuple[float, float], speed_kmh: float) -> float:
        if a == b:
            return 0.0
        m = metres(a, b)
        if m is None:
            return fallback(a, b, speed_kmh)
        return m / 1000.0 / speed_kmh * 60.0

    return travel_min


def plan_travel(plan: Any, plan_dir: Any, graph: Any = None) -> TravelMinutes | None:
    """The venue travel function for a plan: street-graph based when the plan names street data, else None
    (the ceremony solver then uses straight line × detour)."""
    if not plan.streets:
        return None
    from pathlib import Path

    from paradeplan.geo.streets import load_graph

    g = graph if graph is not None else load_graph(plan.streets, Path(plan_dir))
    return street_travel(g, geodesic_travel(plan.traffic.detour_factor))
