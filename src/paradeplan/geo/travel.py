"""Travel times between two points: on the street graph where it covers both ends, straight line × detour elsewhere."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import networkx as nx

from paradeplan.geo.distance import geodesic_m, haversine_m
from paradeplan.geo.index import street_index

log = logging.getLogger(__name__)

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


#: travel_path keeps a one-way-respecting path only if at most this much longer than ignoring one-way flags
#: (the thinned extracts miss pieces of one-way pairs, so strict one-way routing makes absurd detours).
ONEWAY_DETOUR = 1.25


def travel_path(
    graph: nx.MultiDiGraph, a_latlon: tuple[float, float], b_latlon: tuple[float, float]
) -> tuple[float, list[tuple[float, float]], list[str]]:
    """Shortest drive between two points (their nearest graph nodes), respecting one-way streets when sensible.

    The one-way-respecting path is used unless it is more than :data:`ONEWAY_DETOUR` times longer than the path
    ignoring one-way flags (or does not exist), which happens where the street data lacks pieces.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        Street graph.
    a_latlon, b_latlon : (float, float)
        Start and end (lat, lon).

    Returns
    -------
    (float, list of (lat, lon), list of str)
        Length in metres (on the graph; the legs from the points to their nearest nodes are not counted),
        the path's coordinates, and the street names driven in order (consecutive repeats removed).
    """
    idx = street_index(graph)
    a, _ = idx.nearest(*a_latlon)
    b, _ = idx.nearest(*b_latlon)
    try:
        path: list[str] = list(nx.shortest_path(idx.u, a, b, weight="weight"))
    except nx.NetworkXNoPath:
        d = haversine_m(*a_latlon, *b_latlon)
        return round(d, 1), [a_latlon, b_latlon], []
    try:
        directed = list(nx.shortest_path(graph, a, b, weight="length"))
        if idx.path_length(directed) <= ONEWAY_DETOUR * idx.path_length(path):
            path = directed
        else:
            log.debug("one-way path %s → %s is a long detour (thinned data); ignoring one-way flags", a, b)
    except nx.NetworkXNoPath:
        log.debug("no one-way-respecting path %s → %s; ignoring one-way flags", a, b)
    length = 0.0
    names: list[str] = []
    for x, y in zip(path, path[1:], strict=False):
        e = idx.u[x][y]
        length += e["weight"]
        for n in sorted(e["names"]):
            if not names or names[-1] != n:
                names.append(n)
    coords = [(round(idx.latlon(n)[0], 6), round(idx.latlon(n)[1], 6)) for n in path]
    return round(length, 1), coords, names


def nearest_node_distance(graph: nx.MultiDiGraph, latlon: tuple[float, float]) -> float:
    """Distance in metres from a point to the nearest node of the street graph."""
    return street_index(graph).nearest(*latlon)[1]
