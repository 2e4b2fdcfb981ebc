"""A faint offline basemap drawn from the street graph, so the map reads even when no tile loads."""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

_WEIGHT = {"motorway": 3.0, "trunk": 3.0, "primary": 2.5, "secondary": 2.0, "tertiary": 1.5}


def street_lines(
    graph: Any, bounds: list[list[float]], *, margin_deg: float = 0.01, max_edges: int = 60000
) -> list[list[Any]]:
    """Street edges near a bounding box, grouped by line weight.

    Parameters
    ----------
    graph : networkx.MultiDiGraph or None
        Street graph: node attrs ``x`` (lon), ``y`` (lat); edge attrs ``highway``.
    bounds : list
        ``[[south, west], [north, east]]`` of what the map shows.
    margin_deg : float
        Extra margin around the box, in degrees.
    max_edges : int
        Stop after this many edges (keeps files small on huge graphs).

    Returns
    -------
    list
        ``[[weight, [[[lat, lon], [lat, lon]], ...]], ...]`` (multi-polylines), empty without a graph.
    """
    if graph is None:
        return []
    (s, w), (n, e) = bounds
    s, w, n, e = s - margin_deg, w - margin_deg, n + margin_deg, e + margin_deg
    pos: dict[Any, tuple[float, float]] = {}
    for node, attrs in graph.nodes(data=True):
        try:
            lat, lon = float(attrs["y"]), float(attrs["x"])
        except (KeyError, TypeError, ValueError):
            continue
        if s <= lat <= n and w <= lon <= e:
            pos[node] = (round(lat, 5), round(lon, 5))
    groups: dict[float, list[list[tuple[float, float]]]] = {}
    seen: set[tuple[Any, Any]] = set()
    count = 0
    for u, v, attrs in graph.edges(data=True):
        if u not in pos or v not in pos or (v, u) in seen or (u, v) in seen:
            continue
        seen.add((u, v))
        highway = str(attrs.get("highway") or "").split("_")[0]
        groups.setdefault(_WEIGHT.get(highway, 1.0), []).append([pos[u], pos[v]])
        count += 1
        if count >= max_edges:
            break
    log.debug("basemap: %d street edges", count)
    return [[weight, [[list(a), list(b)] for a, b in lines]] for weight, lines in sorted(groups.items())]
