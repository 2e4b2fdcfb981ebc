"""Spatial and name index of a street graph for routing: undirected view, per-name nodes, nearest node."""

from __future__ import annotations

import math
from collections.abc import Sequence

import networkx as nx
import numpy as np

from paradeplan.geo.distance import haversine_m
from paradeplan.geo.gazetteer import exact_key, loose_key
from paradeplan.geo.streets import best_class, refresh_cache


class StreetIndex:
    """Undirected view of a street graph with per-name node sets and coordinate arrays."""

    def __init__(self, g: nx.MultiDiGraph) -> None:
        u = nx.Graph()
        for a, b, d in g.edges(data=True):
            name = d.get("name") or ""
            length = float(d.get("length") or 0.0)
            if u.has_edge(a, b):
                e = u[a][b]
                e["weight"] = min(e["weight"], length)
                if name:
                    e["names"] = e["names"] | {name}
                e["highway"] = best_class([e["highway"], d.get("highway")]) or e["highway"]
                e["bridged"] = e["bridged"] and bool(d.get("bridged"))
            else:
                u.add_edge(
                    a,
                    b,
                    weight=length,
                    names=frozenset({name} - {""}),
                    highway=d.get("highway") or "road",
                    bridged=bool(d.get("bridged")),
                )
        for n in g.nodes:
            if n not in u:
                u.add_node(n)
        self.u = u
        self.g = g
        self.nodes: list[str] = sorted(u.nodes, key=str)
        self.pos = {n: i for i, n in enumerate(self.nodes)}
        self.lat = np.array([g.nodes[n]["y"] for n in self.nodes], dtype=float)
        self.lon = np.array([g.nodes[n]["x"] for n in self.nodes], dtype=float)
        self.name_nodes: dict[str, set[str]] = {}
        self.name_class: dict[str, str] = {}
        node_names: dict[str, set[str]] = {n: set() for n in self.nodes}
        for a, b, d in u.edges(data=True):
            for name in d["names"]:
                self.name_nodes.setdefault(name, set()).update((a, b))
                self.name_class[name] = best_class([self.name_class.get(name), d["highway"]]) or "road"
                node_names[a].add(name)
                node_names[b].add(name)
        # names reachable through unnamed bridging joins count as crossing at the node
        self.node_names: dict[str, frozenset[str]] = {}
        for n in self.nodes:
            names = set(node_names[n])
            for m in u[n]:
                if not u[n][m]["names"] and u[n][m]["bridged"]:
                    names |= node_names[m]
            self.node_names[n] = frozenset(names)
        self.adj: dict[str, list[tuple[str, float, frozenset[str]]]] = {n: [] for n in self.nodes}
        for a, b, d in u.edges(data=True):
            self.adj[a].append((b, float(d["weight"]), d["names"]))
            self.adj[b].append((a, float(d["weight"]), d["names"]))
        self.exact: dict[str, set[str]] = {}
        self.loose: dict[str, set[str]] = {}
        for name in self.name_nodes:
            self.exact.setdefault(exact_key(name), set()).add(name)
            self.loose.setdefault(loose_key(name), set()).add(name)

    def latlon(self, n: str) -> tuple[float, float]:
        i = self.pos[n]
        return float(self.lat[i]), float(self.lon[i])

    def nearest(self, lat: float, lon: float, among: Sequence[str] | set[str] | None = None) -> tuple[str, float]:
        """Nearest node (optionally among some nodes) and its distance in metres."""
        if among is None:
            d = haversine_m(lat, lon, self.lat, self.lon)
            i = int(np.argmin(d))
            return self.nodes[i], float(d[i])
        cand = sorted(among, key=str)
        idx = np.array([self.pos[n] for n in cand])
        d = haversine_m(lat, lon, self.lat[idx], self.lon[idx])
        i = int(np.argmin(d))
        return cand[i], float(d[i])

    def segment_distance(self, lat: float, lon: float, names: set[str]) -> float:
        """Distance in metres from a point to the nearest edge of the named street."""
        best = math.inf
        kx = math.cos(math.radians(lat)) * 111_320.0
        ky = 110_574.0
        for a, b, d in self.u.edges(self.nodes_of(names), data=True):
            if not (d["names"] & names):
                continue
            (la, oa), (lb, ob) = self.latlon(a), self.latlon(b)
            ax, ay, bx, by = (oa - lon) * kx, (la - lat) * ky, (ob - lon) * kx, (lb - lat) * ky
            dx, dy = bx - ax, by - ay
            seg = dx * dx + dy * dy
            t = 0.0 if seg == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / seg))
            best = min(best, math.hypot(ax + t * dx, ay + t * dy))
        return best

    def path_length(self, path: Sequence[str]) -> float:
        """Length in metres of a node path (each step on its shortest edge)."""
        return float(sum(self.u[a][b]["weight"] for a, b in zip(path, path[1:], strict=False)))

    def nodes_of(self, names: set[str]) -> set[str]:
        """Every node on the named streets (exact names, as the graph spells them)."""
        out: set[str] = set()
        for n in names:
            out |= self.name_nodes.get(n, set())
        return out


def street_index(g: nx.MultiDiGraph) -> StreetIndex:
    idx = g.graph.get("_route_index")
    if not isinstance(idx, StreetIndex) or idx.g is not g:
        idx = StreetIndex(g)
        g.graph["_route_index"] = idx
        refresh_cache(g)
    return idx
