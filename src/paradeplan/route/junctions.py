"""Junctions along a resolved route: where other streets meet it, merged where they are one junction."""

from __future__ import annotations

from collections.abc import Sequence

from paradeplan.geo.index import StreetIndex
from paradeplan.geo.streets import best_class
from paradeplan.route.model import COORD_DECIMALS, Junction, Stretch

#: Junction nodes closer than this along the route (m) are one junction (dual carriageways).
JUNCTION_MERGE_M = 40.0


def junctions(idx: StreetIndex, stretches: Sequence[Stretch], names_cache: dict[str, set[str]],
              uturn_nodes: set[str]) -> list[Junction]:
    """The junctions a route passes: each node where other streets meet it, with their names and class.

    Nodes within :data:`JUNCTION_MERGE_M` along the route that share a crossing street are one junction.
    """
    out: list[Junction] = []
    dist = 0.0
    seen: set[tuple[str, float]] = set()
    for s in stretches:
        own = set(s.osm_names) if not s.connector else set(s.osm_names[:1])
        own |= set(names_cache.get(s.street, set()))
        for i, n in enumerate(s.nodes):
            if i > 0:
                dist += idx.u[s.nodes[i - 1]][n]["weight"]
            names = sorted(idx.node_names[n] - own)
            uturn = n in uturn_nodes and i == len(s.nodes) - 1
            if not names and not uturn:
                continue
            key = (n, round(dist, 0))
            if key in seen:
                continue
            seen.add(key)
            lat, lon = idx.latlon(n)
            klass = best_class(idx.name_class.get(x) for x in names)
            j = Junction(n, round(lat, COORD_DECIMALS), round(lon, COORD_DECIMALS), round(dist, 1),
                         tuple(names), klass, uturn, s.street)
            prev = out[-1] if out else None
            if prev and j.dist_m - prev.dist_m <= JUNCTION_MERGE_M and (set(prev.streets) & set(j.streets)
                                                                      or not j.streets or not prev.streets):
                merged = tuple(sorted(set(prev.streets) | set(j.streets)))
                out[-1] = Junction(prev.node, prev.lat, prev.lon, prev.dist_m, merged,
                                   best_class([prev.road_class, j.road_class]), prev.uturn or j.uturn,
                                   prev.on_street)
            else:
                out.append(j)
    return out
