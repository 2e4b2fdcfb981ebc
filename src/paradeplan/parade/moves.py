"""Escort units' moves on the street graph: shortest paths in time, speed by road class, overtaking capped.

A unit moving between posts drives the streets, not a straight line: each street's speed is the lower of the
unit's speed and its road class's (:data:`ROAD_SPEED_KMH`); on the parade route itself, which the column is using,
a unit may overtake the column only at :attr:`TrafficPolicy.overtake_kmh` over the column's speed. The police may
use either carriageway, so one-way flags do not bind. Points farther than :data:`COVER_M` from every street node
are not covered: those moves keep the posts/1 formula (great circle × detour factor / speed).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from paradeplan.geo.index import street_index

#: Highest speed (km/h) a police unit keeps on each road class.
ROAD_SPEED_KMH: dict[str, float] = {
    "motorway": 60.0,
    "trunk": 50.0,
    "primary": 40.0,
    "secondary": 35.0,
    "tertiary": 30.0,
    "unclassified": 25.0,
    "residential": 20.0,
    "road": 20.0,
    "bridge_join": 20.0,
    "living_street": 10.0,
    "service": 10.0,
    "track": 10.0,
}
#: A point farther than this from every street node is not covered by the street graph (metres).
COVER_M = 300.0
#: The straight legs from a point to its nearest street node are driven this much longer than straight.
LEG_DETOUR = 1.3
#: Moves longer than this are not looked for (seconds).
HORIZON_S = 6 * 3600


@dataclass(frozen=True)
class Spot:
    """Something a unit leaves from or drives to: a post or a unit's start."""

    id: str
    lat: float
    lon: float
    speed_kmh: float
    """Top speed of the unit leaving from here (for a post: the slowest escort kind, so any unit can keep it)."""


def road_speed_kmh(highway: str, unit_kmh: float) -> float:
    """Speed on a street of this class: the lower of the unit's and the class's."""
    return min(unit_kmh, ROAD_SPEED_KMH.get(str(highway).removesuffix("_link"), 20.0))


def route_edges(route: Any) -> set[frozenset[str]]:
    """The street-graph edges the parade route drives (either direction)."""
    out: set[frozenset[str]] = set()
    for st in route.stretches:
        for a, b in zip(st.nodes, st.nodes[1:], strict=False):
            if a != b:
                out.add(frozenset((a, b)))
    return out


class StreetMoves:
    """Street travel times for escort units on one street graph and parade route."""

    def __init__(self, graph: Any, route: Any, column_speed_kmh: float, overtake_kmh: float) -> None:
        self.idx = street_index(graph)
        self.on_route = route_edges(route)
        self.overtake_cap = column_speed_kmh + overtake_kmh
        self._graphs: dict[float, Any] = {}

    def _timed(self, unit_kmh: float) -> tuple[Any, dict[str, int]]:
        """The street graph as a sparse matrix of seconds for a unit of this speed, and each node's row
        (built once per speed; an edge listed twice between two nodes keeps its last listing's time)."""
        if unit_kmh not in self._graphs:
            import numpy as np
            from scipy.sparse import coo_matrix

            times: dict[tuple[str, str], float] = {}
            for a, b, d in self.idx.u.edges(data=True):
                if a == b:
                    continue
                v = road_speed_kmh(d["highway"], unit_kmh)
                if frozenset((a, b)) in self.on_route:
                    v = min(v, self.overtake_cap)
                key = (a, b) if str(a) <= str(b) else (b, a)
                times[key] = float(d["weight"]) / (v / 3.6)
            row = {n: i for i, n in enumerate(self.idx.u.nodes)}
            src = np.fromiter((row[a] for a, _ in times), dtype=np.int64, count=len(times))
            dst = np.fromiter((row[b] for _, b in times), dtype=np.int64, count=len(times))
            w = np.fromiter(times.values(), dtype=np.float64, count=len(times))
            n = len(row)
            matrix = coo_matrix((w, (src, dst)), shape=(n, n)).tocsr()
            self._graphs[unit_kmh] = (matrix, row)
        graph: tuple[Any, dict[str, int]] = self._graphs[unit_kmh]
        return graph

    def _node(self, spot: Spot) -> tuple[str, float] | None:
        node, dist = self.idx.nearest(spot.lat, spot.lon)
        return None if dist > COVER_M else (node, dist)

    def table(self, sources: Iterable[Spot], targets: Iterable[Spot], wanted: Any = None) -> dict[tuple[str, str], int]:
        """Whole seconds (rounded up) from each source to each target the street graph covers.

        One call of scipy's Dijkstra per unit speed covers every source (undirected: either carriageway).

        Parameters
        ----------
        sources, targets : iterable of Spot
        wanted : callable(source id, target id) -> bool, optional
            Which pairs to list (default: every pair of distinct spots).

        Returns
        -------
        dict
            (source id, target id) → seconds; pairs the graph does not cover are left out.
        """
        import numpy as np
        from scipy.sparse.csgraph import dijkstra

        tgt = [(t, self._node(t)) for t in targets]
        starts = [(s, at) for s in sources if (at := self._node(s)) is not None]
        by_speed: dict[float, list[int]] = {}
        for i, (s, _) in enumerate(starts):
            by_speed.setdefault(s.speed_kmh, []).append(i)
        dist: dict[int, tuple[Any, dict[str, int]]] = {}
        for speed, group in by_speed.items():
            matrix, row = self._timed(speed)
            rows = np.array([row[starts[i][1][0]] for i in group], dtype=np.int64)
            found = dijkstra(matrix, directed=False, indices=rows, limit=HORIZON_S)
            for i, line in zip(group, found, strict=True):
                dist[i] = (line, row)
        out: dict[tuple[str, str], int] = {}
        for i, (s, at) in enumerate(starts):
            line, row = dist[i]
            leg_v = s.speed_kmh / 3.6
            for t, tn in tgt:
                if tn is None or t.id == s.id or (wanted is not None and not wanted(s.id, t.id)):
                    continue
                on_streets = float(line[row[tn[0]]])
                if not math.isfinite(on_streets):
                    continue
                legs = (at[1] + tn[1]) * LEG_DETOUR / leg_v
                out[(s.id, t.id)] = int(math.ceil(on_streets + legs - 1e-9))
        return out
