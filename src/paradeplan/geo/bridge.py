"""Close the gaps of a thinned street extract: chain each named street, join nearby streets, link dropped bridges."""

from __future__ import annotations

import logging
import math
from typing import Any

import networkx as nx
import numpy as np

from paradeplan.geo.distance import haversine_m
from paradeplan.geo.streets import add_street_edge, best_class, road_rank

log = logging.getLogger(__name__)


def _coords(g: nx.MultiDiGraph, nodes: list[Any]) -> tuple[np.ndarray, np.ndarray]:
    return (
        np.array([g.nodes[n]["y"] for n in nodes], dtype=float),
        np.array([g.nodes[n]["x"] for n in nodes], dtype=float),
    )


def _find(parent: list[int], x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def bridge_graph(
    g: nx.MultiDiGraph,
    *,
    join_m: float = 30.0,
    chain_gap_major_m: float = 2500.0,
    chain_gap_minor_m: float = 300.0,
    members: dict[str, set[str]] | None = None,
    end_join_m: float = 350.0,
) -> dict[str, int]:
    """Close the gaps of a thinned extract by adding edges marked ``bridged=True`` (in place).

    1. *Chain* each named street: the pieces (connected parts) of the edges bearing one name are joined,
       closest pieces first (Kruskal over the pieces, by the shortest node-to-node distance), which links them
       in order along the street. Gaps are allowed up to ``chain_gap_major_m`` on trunk…tertiary streets and
       ``chain_gap_minor_m`` on smaller ones, so that distinct streets sharing a generic name stay apart.
       Chain edges carry the street's name and class, ``bridge_kind="chain"``.
    2. *Join* nodes of different streets lying within ``join_m`` of each other that are not yet linked:
       unnamed two-way edges with ``bridge_kind="join"`` and ``highway="bridge_join"``.
    3. *Dead ends*: a trunk…tertiary street ending (degree 1) within ``end_join_m`` of another main street that
       the graph cannot reach in less than three times the straight distance (a dropped bridge) is linked to
       its nearest node there (``bridge_kind="end"``).

    Parameters
    ----------
    g : networkx.MultiDiGraph
        Street graph (modified).
    join_m, chain_gap_major_m, chain_gap_minor_m, end_join_m : float
        Distances in metres, see above.
    members : dict, optional
        Street name → further nodes known to lie on that street (e.g. junction labels of a thinned extract
        whose edges of that street were dropped); they are chained into the street like its pieces.

    Returns
    -------
    dict
        Counts of added ``chain`` and ``join`` edges (each direction counted once).
    """
    chains = _chain_streets(g, chain_gap_major_m, chain_gap_minor_m, members)
    joins = _join_streets(g, join_m)
    ends = _bridge_dead_ends(g, end_join_m) if end_join_m > 0 else 0
    log.info("bridged: %d chain edges, %d join edges, %d dead-end edges", chains, joins, ends)
    return {"chain": chains, "join": joins, "end": ends}


def _chain_streets(
    g: nx.MultiDiGraph, chain_gap_major_m: float, chain_gap_minor_m: float, members: dict[str, set[str]] | None
) -> int:
    """Step 1 of :func:`bridge_graph`: join the pieces of each named street, closest first; the edges added."""
    by_name: dict[str, list[tuple[Any, Any, str]]] = {}
    for u, v, d in g.edges(data=True):
        if d.get("name") and not d.get("bridged"):
            by_name.setdefault(d["name"], []).append((u, v, d.get("highway", "road")))
    chains = 0
    for name in sorted(by_name):
        edges = by_name[name]
        klass = best_class(h for _, _, h in edges) or "road"
        gap = chain_gap_major_m if road_rank(klass) <= road_rank("tertiary") else chain_gap_minor_m
        sub = nx.Graph()
        sub.add_edges_from((u, v) for u, v, _ in edges)
        sub.add_nodes_from(n for n in (members or {}).get(name, set()) if n in g)
        pieces = [sorted(c, key=str) for c in nx.connected_components(sub)]
        if len(pieces) < 2:
            continue
        pieces.sort(key=lambda c: str(c[0]))
        coords = [_coords(g, c) for c in pieces]
        cand: list[tuple[float, int, int, Any, Any]] = []
        for i in range(len(pieces)):
            for j in range(i + 1, len(pieces)):
                best = (math.inf, None, None)
                for a_idx, a in enumerate(pieces[i]):
                    dists = haversine_m(coords[i][0][a_idx], coords[i][1][a_idx], coords[j][0], coords[j][1])
                    k = int(np.argmin(dists))
                    if dists[k] < best[0]:
                        best = (float(dists[k]), a, pieces[j][k])
                if best[0] <= gap:
                    cand.append((best[0], i, j, best[1], best[2]))
        cand.sort(key=lambda c: (c[0], c[1], c[2]))
        parent = list(range(len(pieces)))
        for dist, i, j, a, b in cand:
            ri, rj = _find(parent, i), _find(parent, j)
            if ri == rj:
                continue
            parent[ri] = rj
            add_street_edge(g, a, b, name=name, highway=klass, oneway=False, length=dist, bridged=True, bridge="chain")
            chains += 1
    return chains


def _join_streets(g: nx.MultiDiGraph, join_m: float) -> int:
    """Step 2 of :func:`bridge_graph`: link nodes of different streets lying within ``join_m``; the edges added."""
    nodes = sorted(g.nodes, key=str)
    lats, lons = _coords(g, nodes)
    names = [
        frozenset(d.get("name", "") for _, _, d in g.edges(n, data=True))
        | frozenset(d.get("name", "") for _, _, d in g.in_edges(n, data=True))
        for n in nodes
    ]
    order = np.argsort(lats)
    sorted_lats = lats[order]
    dlat = join_m / 111_000.0
    joins = 0
    for idx in range(len(nodes)):
        lo = np.searchsorted(sorted_lats, lats[idx] - dlat)
        hi = np.searchsorted(sorted_lats, lats[idx] + dlat, side="right")
        cands = order[lo:hi]
        cands = cands[cands > idx]
        if not len(cands):
            continue
        dists = haversine_m(lats[idx], lons[idx], lats[cands], lons[cands])
        for c, dist in zip(cands, dists, strict=True):
            if dist > join_m:
                continue
            a, b = nodes[idx], nodes[int(c)]
            if names[idx] & names[int(c)] - {""} or g.has_edge(a, b) or g.has_edge(b, a):
                continue
            add_street_edge(
                g, a, b, name="", highway="bridge_join", oneway=False, length=float(dist), bridged=True, bridge="join"
            )
            joins += 1
    return joins


def _bridge_dead_ends(g: nx.MultiDiGraph, max_m: float) -> int:
    """Link dead ends of trunk…tertiary streets to the nearest main-street node within ``max_m`` when the graph
    offers no way there shorter than three times the straight line (bridges the extract dropped)."""
    und = nx.Graph()
    for u, v, d in g.edges(data=True):
        w = float(d.get("length") or 0.0)
        if not und.has_edge(u, v) or und[u][v]["weight"] > w:
            und.add_edge(u, v, weight=w)
    major_rank = road_rank("tertiary")
    major: dict[Any, set[str]] = {}
    for u, v, d in g.edges(data=True):
        if road_rank(d.get("highway")) <= major_rank and d.get("name"):
            major.setdefault(u, set()).add(d["name"])
            major.setdefault(v, set()).add(d["name"])
    street_deg: dict[tuple[Any, str], set[Any]] = {}
    for u, v, d in g.edges(data=True):
        if d.get("name") and road_rank(d.get("highway")) <= major_rank:
            street_deg.setdefault((u, d["name"]), set()).add(v)
            street_deg.setdefault((v, d["name"]), set()).add(u)
    street_ends = {n for (n, _), nb in street_deg.items() if len(nb) == 1}
    nodes = sorted(major, key=str)
    lats, lons = _coords(g, nodes)
    added = 0
    for i, n in enumerate(nodes):
        if n not in street_ends:
            continue
        dists = haversine_m(lats[i], lons[i], lats, lons)
        order = np.argsort(dists, kind="stable")
        for k in order:
            dist = float(dists[k])
            if dist > max_m:
                break
            m = nodes[int(k)]
            if m == n or major[m] & major[n]:
                continue
            try:
                graph_d = nx.dijkstra_path_length(und, n, m, weight="weight")
            except nx.NetworkXNoPath:
                graph_d = math.inf
            if graph_d > 3 * dist + 200:
                add_street_edge(
                    g, n, m, name="", highway="bridge_join", oneway=False, length=dist, bridged=True, bridge="end"
                )
                und.add_edge(n, m, weight=dist)
                added += 1
            break
    return added


# --------------------------------------------------------------------------------------------- OSM import
