"""Route resolution: a plan's list of street names and places → a path on the street graph, with junctions.

Choices (see docs/streets.md):

* The column is escorted by police, so one-way flags are not enforced on the parade route (it may use either
  carriageway of a dual road). Staging trips (:func:`travel_path`) respect one-way streets when the graph allows.
* Between junctions the path follows the named street: a shortest path where edges not bearing the street's
  names cost :data:`OFF_STREET_PENALTY` times their length, so it leaves the street only to bridge a gap.
* Consecutive streets meet at the first junction reached along the current street (shared node, or nodes of
  the two streets within :data:`JUNCTION_M`). Streets that never meet but come within :data:`CONNECT_M` are
  joined by a connector stretch along the real graph; farther apart is an error suggesting a joining street.
"""

from __future__ import annotations

import difflib
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np

from paradeplan.errors import InputError, Problem
from paradeplan.geo.distance import haversine_m
from paradeplan.geo.gazetteer import Gazetteer, exact_key, load_gazetteer, loose_key, nfc, strip_diacritics
from paradeplan.geo.geocode import ResolvedPlace, resolve_place
from paradeplan.geo.streets import (
    ATTRIBUTION,
    LICENSE,
    NamedPoint,
    best_class,
    refresh_cache,
    road_rank,
)
from paradeplan.plan.model import Parade, Place, Plan, RouteStep

log = logging.getLogger(__name__)

#: Nodes of two streets closer than this (m) are a junction of the two.
JUNCTION_M = 40.0
#: Streets that never meet but come this close (m) are joined by a connector along the graph.
CONNECT_M = 300.0
#: A U-turn, waypoint, start or end place must lie within this distance (m) of its street.
PLACE_TO_STREET_M = 300.0
#: Cost factor of edges that are not of the street being followed.
OFF_STREET_PENALTY = 20.0
#: Junction nodes closer than this along the route (m) are one junction (dual carriageways).
JUNCTION_MERGE_M = 40.0
#: travel_path keeps a one-way-respecting path only if at most this much longer than ignoring one-way flags
#: (the thinned extracts miss pieces of one-way pairs, so strict one-way routing makes absurd detours).
ONEWAY_DETOUR = 1.25
#: Decimal places of coordinates in outputs.
COORD_DECIMALS = 6


# ------------------------------------------------------------------------------------------------ results

@dataclass(frozen=True)
class Stretch:
    """One stretch of the route: a plan street between two junctions/places, or a connector between streets."""

    seq: int
    """1-based position in the route."""
    street: str
    """The street as the plan wrote it (NFC); for a connector, the OSM name of the street it drives."""
    osm_names: tuple[str, ...]
    """OSM names of the edges followed (e.g. "Đỗ Mười" for "Quốc lộ 1")."""
    from_label: str
    """Where the stretch starts (a place or the crossing street)."""
    to_label: str
    """Where it ends."""
    length_m: float
    """Length in metres."""
    coords: tuple[tuple[float, float], ...]
    """The path as (lat, lon) pairs."""
    nodes: tuple[str, ...]
    """Graph node ids of the path."""
    highway: str | None
    """Most important OSM road class of the stretch."""
    step: int | None = None
    """Index of the plan's route step it comes from (None for connectors)."""
    connector: bool = False
    """True when this is not a plan street but a short link the plan implies (streets that do not meet,
    approach to a street, leaving it for the end place)."""
    note: str | None = None
    """Why a connector is there, or other remarks."""


@dataclass(frozen=True)
class RoutePoint:
    """A marked point of the route (start, end, uturn, assembly)."""

    kind: str
    name: str
    lat: float
    lon: float
    dist_m: float


@dataclass(frozen=True)
class Junction:
    """A junction the route passes, with the streets crossing it there."""

    node: str
    lat: float
    lon: float
    dist_m: float
    streets: tuple[str, ...]
    """Names of the crossing streets (not the route's own street), sorted."""
    road_class: str | None
    """The most important OSM road class among the crossing streets."""
    uturn: bool = False
    """The column turns back here."""
    on_street: str = ""
    """The route street at this junction."""


@dataclass(frozen=True)
class Route:
    """A resolved route on the street graph."""

    stretches: tuple[Stretch, ...]
    points: tuple[RoutePoint, ...]
    junctions: tuple[Junction, ...]
    total_m: float
    parade_id: str | None = None
    places: tuple[ResolvedPlace, ...] = field(default=())

    @property
    def uturns(self) -> tuple[RoutePoint, ...]:
        """The U-turn points in route order."""
        return tuple(p for p in self.points if p.kind == "uturn")

    def coords(self) -> list[tuple[float, float]]:
        """The whole path as (lat, lon), without repeated points where stretches meet."""
        out: list[tuple[float, float]] = []
        for s in self.stretches:
            for c in s.coords:
                if not out or out[-1] != c:
                    out.append(c)
        return out


# ------------------------------------------------------------------------------------------------ index

class _Index:
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
                u.add_edge(a, b, weight=length, names=frozenset({name} - {""}), highway=d.get("highway") or "road",
                           bridged=bool(d.get("bridged")))
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
        for a, b, d in self.u.edges(self._nodes_of(names), data=True):
            if not (d["names"] & names):
                continue
            (la, oa), (lb, ob) = self.latlon(a), self.latlon(b)
            ax, ay, bx, by = (oa - lon) * kx, (la - lat) * ky, (ob - lon) * kx, (lb - lat) * ky
            dx, dy = bx - ax, by - ay
            seg = dx * dx + dy * dy
            t = 0.0 if seg == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / seg))
            best = min(best, math.hypot(ax + t * dx, ay + t * dy))
        return best

    def _nodes_of(self, names: set[str]) -> set[str]:
        out: set[str] = set()
        for n in names:
            out |= self.name_nodes.get(n, set())
        return out


def _index(g: nx.MultiDiGraph) -> _Index:
    idx = g.graph.get("_route_index")
    if not isinstance(idx, _Index) or idx.g is not g:
        idx = _Index(g)
        g.graph["_route_index"] = idx
        refresh_cache(g)
    return idx


# ------------------------------------------------------------------------------------------------ errors

@dataclass
class _Where:
    file: str | None
    prefix: str
    positions: Any = None

    def field(self, *parts: str | int) -> str:
        text = self.prefix
        for p in parts:
            text += f"[{p}]" if isinstance(p, int) else f".{p}"
        return text

    def line(self, field_path: str) -> int | None:
        if not self.file or not Path(self.file).is_file():
            return None
        try:
            from paradeplan.plan.planfile import _locate, parse_yaml, read_text

            if self.positions is None:
                _, self.positions = parse_yaml(read_text(Path(self.file)), self.file)
            path: list[str | int] = []
            for part in field_path.replace("]", "").replace("[", ".").split("."):
                if part:
                    path.append(int(part) if part.isdigit() else part)
            return _locate(self.positions, tuple(path))[0]
        except Exception:  # noqa: BLE001 - line numbers are a courtesy
            return None

    def error(self, message: str, field_path: str, hint: str | None = None) -> InputError:
        return InputError(problems=[Problem(message, self.file, self.line(field_path), None, field_path, hint)])


def _why_differ(wanted: str, cand: str) -> str:
    a, b = loose_key(wanted), loose_key(cand)
    if a == b:
        return "same letters, different accents"
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op == "replace":
            parts.append(f"'{a[i1:i2]}' instead of '{b[j1:j2]}'")
        elif op == "delete":
            parts.append(f"extra '{a[i1:i2]}'")
        elif op == "insert":
            parts.append(f"missing '{b[j1:j2]}'")
    why = ", ".join(parts[:3]) or "different spelling"
    if strip_diacritics(nfc(wanted)) == nfc(wanted) and strip_diacritics(nfc(cand)) != nfc(cand):
        why += "; diacritics are ignored, the letters must match"
    return why


# ------------------------------------------------------------------------------------------------ engine

@dataclass(frozen=True)
class _Item:
    kind: str  # "street" | "place"
    step: int
    street: str = ""
    place: ResolvedPlace | None = None
    uturn: bool = False
    end: bool = False


class _Engine:
    def __init__(self, g: nx.MultiDiGraph, gazetteer: Gazetteer, where: _Where) -> None:
        self.idx = _index(g)
        self.gaz = gazetteer
        self.where = where
        self.stretches: list[Stretch] = []
        self.points: list[RoutePoint] = []
        self.uturn_nodes: set[str] = set()
        self.total = 0.0
        self._names_cache: dict[str, set[str]] = {}

    # -- names
    def osm_names(self, street: str, step: int) -> set[str]:
        if street in self._names_cache:
            return self._names_cache[street]
        group = self.gaz.street_names(street)
        found: set[str] = set()
        for n in group:
            found |= self.idx.exact.get(exact_key(n), set())
        if not found:
            for n in group:
                found |= self.idx.loose.get(loose_key(n), set())
        if not found:
            self._unknown(street, step)
        self._names_cache[street] = found
        return found

    def _unknown(self, street: str, step: int) -> None:
        pool: dict[str, str] = {}
        for name in self.idx.name_nodes:
            pool.setdefault(loose_key(name), name)
        for group in self.gaz.streets:
            for n in group:
                pool.setdefault(loose_key(n), n)
        key = loose_key(street)
        close = difflib.get_close_matches(key, list(pool), n=3, cutoff=0.6)
        fld = self.where.field(step, "street")
        if close:
            cands = "; ".join(f"'{pool[c]}' ({_why_differ(street, pool[c])})" for c in close)
            msg = f"unknown street '{street}': not in the street data or the gazetteer; closest: {cands}"
            hint = f"write the street as '{pool[close[0]]}' or add an alias to the gazetteer"
        else:
            msg = f"unknown street '{street}': not in the street data or the gazetteer, nothing similar"
            hint = "check the spelling, the street data (streets:), or add an alias to the gazetteer"
        raise self.where.error(msg, fld, hint)

    # -- paths
    def dijkstra(self, src: str, names: set[str], targets: set[str] | None = None,
                 min_len: float = 0.0) -> tuple[dict[str, float], dict[str, str | None], str | None]:
        """Dijkstra preferring edges of ``names``; stops at the first target at least ``min_len`` m away.

        Returns (cost by node, predecessor by node, the target reached or None).
        """
        import heapq

        adj = self.idx.adj
        cost: dict[str, float] = {src: 0.0}
        true_len: dict[str, float] = {src: 0.0}
        prev: dict[str, str | None] = {src: None}
        done: set[str] = set()
        heap: list[tuple[float, str]] = [(0.0, src)]
        fallback: str | None = None
        while heap:
            c, n = heapq.heappop(heap)
            if n in done:
                continue
            done.add(n)
            if targets is not None and n in targets:
                if true_len[n] >= min_len:
                    return cost, prev, n
                if fallback is None:
                    fallback = n
            for m, w, enames in adj[n]:
                nc = c + (w if enames & names else w * OFF_STREET_PENALTY + 1.0)
                if nc < cost.get(m, math.inf):
                    cost[m] = nc
                    true_len[m] = true_len[n] + w
                    prev[m] = n
                    heapq.heappush(heap, (nc, m))
        return cost, prev, fallback

    @staticmethod
    def path_to(prev: dict[str, str | None], node: str) -> list[str]:
        out = [node]
        while (p := prev.get(out[-1])) is not None:
            out.append(p)
        return out[::-1]

    @staticmethod
    def path_weight(idx: _Index, path: Sequence[str]) -> float:
        return float(sum(idx.u[a][b]["weight"] for a, b in zip(path, path[1:], strict=False)))

    def path_length(self, path: Sequence[str]) -> float:
        return float(sum(self.idx.u[a][b]["weight"] for a, b in zip(path, path[1:], strict=False)))

    def add_stretch(self, path: list[str], street: str, names: set[str], from_label: str, to_label: str,
                    step: int | None, connector: bool = False, note: str | None = None,
                    exclude: set[str] | None = None) -> None:
        u = self.idx.u
        osm: dict[str, float] = {}
        classes = []
        for a, b in zip(path, path[1:], strict=False):
            d = u[a][b]
            for n in d["names"]:
                if (not names or n in names) and not (exclude and n in exclude):
                    osm[n] = osm.get(n, 0.0) + d["weight"]
            if (not names or d["names"] & names) and d["highway"] != "bridge_join":
                classes.append(d["highway"])
        length = self.path_length(path)
        osm_names = tuple(sorted(osm, key=lambda n: (-osm[n], n)))
        if connector and not street:
            street = osm_names[0] if osm_names else "?"
        coords = tuple((round(self.idx.latlon(n)[0], COORD_DECIMALS), round(self.idx.latlon(n)[1], COORD_DECIMALS))
                       for n in path)
        self.stretches.append(Stretch(len(self.stretches) + 1, street, osm_names, from_label, to_label,
                                      round(length, 1), coords, tuple(path), best_class(classes), step,
                                      connector, note))
        self.total += length

    def cur_point(self, node: str, kind: str, name: str) -> None:
        lat, lon = self.idx.latlon(node)
        self.points.append(RoutePoint(kind, name, round(lat, COORD_DECIMALS), round(lon, COORD_DECIMALS),
                                      round(self.total, 1)))

    def snap(self, place: ResolvedPlace, names: set[str], step: int, what: str) -> str:
        nodes = self.idx._nodes_of(names)
        node, _ = self.idx.nearest(place.lat, place.lon, nodes)
        dist = self.idx.segment_distance(place.lat, place.lon, names)
        if dist > PLACE_TO_STREET_M:
            street = ", ".join(sorted(names))
            raise self.where.error(
                f"{what} '{place.name}' is {dist:.0f} m from the street it should be on ({street}); "
                f"at most {PLACE_TO_STREET_M:.0f} m is accepted", self.where.field(step, "place"),
                "check the place's coordinates, or the street before it in the route")
        return node

    def junction(self, cur: str, s_names: set[str], t_names: set[str]) -> tuple[list[str], float] | None:
        """Path along S from cur to the first junction with T, or None when S and T never meet."""
        s_nodes, t_nodes = self.idx._nodes_of(s_names), self.idx._nodes_of(t_names)
        cands: set[str] = s_nodes & t_nodes
        t_list = sorted(t_nodes, key=str)
        t_idx = np.array([self.idx.pos[n] for n in t_list])
        for n in s_nodes - cands:
            lat, lon = self.idx.latlon(n)
            if haversine_m(lat, lon, self.idx.lat[t_idx], self.idx.lon[t_idx]).min() <= JUNCTION_M:
                cands.add(n)
        if not cands:
            return None
        dist, prev, best = self.dijkstra(cur, s_names, cands, 30.0)
        if best is None:
            return None
        return self.path_to(prev, best), dist[best]

    def closest_pair(self, s_names: set[str], t_names: set[str]) -> tuple[str, str, float]:
        s_list = sorted(self.idx._nodes_of(s_names), key=str)
        t_list = sorted(self.idx._nodes_of(t_names), key=str)
        t_idx = np.array([self.idx.pos[n] for n in t_list])
        best = (s_list[0], t_list[0], math.inf)
        for s in s_list:
            lat, lon = self.idx.latlon(s)
            d = haversine_m(lat, lon, self.idx.lat[t_idx], self.idx.lon[t_idx])
            k = int(np.argmin(d))
            if d[k] < best[2]:
                best = (s, t_list[k], float(d[k]))
        return best

    def joining_streets(self, s_names: set[str], t_names: set[str]) -> list[str]:
        s_nodes, t_nodes = self.idx._nodes_of(s_names), self.idx._nodes_of(t_names)
        out = []
        for name, nodes in self.idx.name_nodes.items():
            if name in s_names or name in t_names:
                continue
            if self._near(nodes, s_nodes) and self._near(nodes, t_nodes):
                out.append(name)
        out.sort(key=lambda n: (road_rank(self.idx.name_class.get(n)), n))
        return out[:3]

    def _near(self, a: set[str], b: set[str]) -> bool:
        if a & b:
            return True
        b_idx = np.array([self.idx.pos[n] for n in b])
        for n in a:
            lat, lon = self.idx.latlon(n)
            if haversine_m(lat, lon, self.idx.lat[b_idx], self.idx.lon[b_idx]).min() <= JUNCTION_M:
                return True
        return False

    def travel(self, a: str, b: str) -> list[str]:
        try:
            return list(nx.shortest_path(self.idx.u, a, b, weight="weight"))
        except nx.NetworkXNoPath:
            return [a, b] if a != b else [a]

    # -- main loop
    def run(self, items: list[_Item], start: tuple[float, float] | None, leave_to_end: bool,
            labels: dict[int, str]) -> None:
        cur: str | None = None
        cur_label = ""
        streets = [i for i in items if i.kind == "street"]
        if not streets:
            raise self.where.error("the route names no street", self.where.field(), "add the streets in order")
        for it in streets:
            self.osm_names(it.street, it.step)
        k = 0
        if items[0].kind == "place" and items[0].place is not None:
            p0 = items[0].place
            first = streets[0]
            s_names = self.osm_names(first.street, first.step)
            if start is not None:
                a, _ = self.idx.nearest(*start)
                b, _ = self.idx.nearest(p0.lat, p0.lon)
                if a != b:
                    self.add_stretch(self.travel(a, b), "", set(), labels.get(-1, "start"), p0.name, None, True,
                                     "approach")
                cur = self.idx.nearest(p0.lat, p0.lon, self.idx._nodes_of(s_names))[0]
                if cur != b:
                    self.add_stretch(self.travel(b, cur), "", set(), p0.name, first.street, None, True, "approach")
            else:
                cur = self.snap(p0, s_names, items[0].step, "start place")
            self.cur_point(cur, "start", p0.name)
            cur_label = p0.name
            k = 1
        elif start is not None:
            first = streets[0]
            s_names = self.osm_names(first.street, first.step)
            a, _ = self.idx.nearest(*start)
            cur, _ = self.idx.nearest(start[0], start[1], self.idx._nodes_of(s_names))
            self.cur_point(a, "start", labels.get(-1, "start"))
            if a != cur:
                self.add_stretch(self.travel(a, cur), "", set(), labels.get(-1, "start"), first.street, None, True,
                                 f"to {first.street}")
            cur_label = labels.get(-1, "start")
        else:
            raise self.where.error("the route must begin with its start place", self.where.field(0),
                                   "put `- place: <id>` before the first street")
        assert cur is not None
        while k < len(items):
            it = items[k]
            if it.kind == "place":
                # a place right after a place: drive there
                assert it.place is not None
                b, _ = self.idx.nearest(it.place.lat, it.place.lon)
                if b != cur:
                    self.add_stretch(self.travel(cur, b), "", set(), cur_label, it.place.name, None, True, "to place")
                    cur = b
                self.cur_point(cur, "end" if it.end else ("uturn" if it.uturn else "waypoint"), it.place.name)
                cur_label = it.place.name
                k += 1
                continue
            s_names = self.osm_names(it.street, it.step)
            nxt = items[k + 1] if k + 1 < len(items) else None
            if nxt is None:
                dist, prev, _ = self.dijkstra(cur, s_names)
                ends = [n for n in self.idx._nodes_of(s_names) if n in dist and dist[n] < 1e7]
                target = max(ends, key=lambda n: (dist[n], str(n))) if ends else cur
                self.add_stretch(self.path_to(prev, target), it.street, s_names, cur_label, "end", it.step)
                cur = target
                self.cur_point(cur, "end", f"{it.street} (end)")
                k += 1
                continue
            if nxt.kind == "street":
                t_names = self.osm_names(nxt.street, nxt.step)
                found = self.junction(cur, s_names, t_names)
                if found is not None:
                    path, _ = found
                    self.add_stretch(path, it.street, s_names, cur_label, nxt.street, it.step)
                    cur, cur_label = path[-1], it.street
                else:
                    s, t, gap = self.closest_pair(s_names, t_names)
                    if gap > CONNECT_M:
                        join = self.joining_streets(s_names, t_names)
                        lat, lon = self.idx.latlon(s)
                        sugg = (f"insert the street that joins them, e.g. `- street: {join[0]}`"
                                + (f" (or {', '.join(join[1:])})" if len(join) > 1 else "")) if join else \
                            "insert the streets that lead from one to the other"
                        raise self.where.error(
                            f"'{it.street}' and '{nxt.street}' never meet: they come within {gap:.0f} m of each "
                            f"other (near {lat:.5f}, {lon:.5f})", self.where.field(nxt.step, "street"), sugg)
                    _, prev, _ = self.dijkstra(cur, s_names, {s})
                    self.add_stretch(self.path_to(prev, s), it.street, s_names, cur_label, nxt.street, it.step)
                    cpath = self.travel(s, t)
                    self.add_stretch(cpath, "", set(), it.street, nxt.street, None, True, "", s_names | t_names)
                    c = self.stretches[-1]
                    note = (f"'{it.street}' and '{nxt.street}' do not meet; linked over {c.length_m:.0f} m of "
                            f"{c.street}")
                    self.stretches[-1] = Stretch(c.seq, c.street, c.osm_names, c.from_label, c.to_label,
                                                 c.length_m, c.coords, c.nodes, c.highway, None, True, note)
                    log.info(note)
                    cur, cur_label = t, c.street
                k += 1
                continue
            # street followed by a place: U-turn, waypoint or end
            assert nxt.place is not None
            what = "U-turn place" if nxt.uturn else ("end place" if nxt.end else "place")
            if nxt.end and leave_to_end:
                target, _ = self.idx.nearest(nxt.place.lat, nxt.place.lon, self.idx._nodes_of(s_names))
            else:
                target = self.snap(nxt.place, s_names, nxt.step, what)
            _, prev, _ = self.dijkstra(cur, s_names, {target})
            self.add_stretch(self.path_to(prev, target), it.street, s_names, cur_label, nxt.place.name, it.step)
            cur = target
            if nxt.end and leave_to_end:
                b, _ = self.idx.nearest(nxt.place.lat, nxt.place.lon)
                if b != cur:
                    self.add_stretch(self.travel(cur, b), "", set(), it.street, nxt.place.name, None, True,
                                     f"leave {it.street} for {nxt.place.name}")
                    cur = b
            kind = "uturn" if nxt.uturn else ("end" if nxt.end else "waypoint")
            if nxt.uturn:
                self.uturn_nodes.add(cur)
            self.cur_point(cur, kind, nxt.place.name)
            cur_label = nxt.place.name
            k += 2

    def junctions(self) -> list[Junction]:
        out: list[Junction] = []
        dist = 0.0
        seen: set[tuple[str, float]] = set()
        for s in self.stretches:
            own = set(s.osm_names) if not s.connector else set(s.osm_names[:1])
            own |= set(self._names_cache.get(s.street, set()))
            for i, n in enumerate(s.nodes):
                if i > 0:
                    dist += self.idx.u[s.nodes[i - 1]][n]["weight"]
                names = sorted(self.idx.node_names[n] - own)
                uturn = n in self.uturn_nodes and i == len(s.nodes) - 1
                if not names and not uturn:
                    continue
                key = (n, round(dist, 0))
                if key in seen:
                    continue
                seen.add(key)
                lat, lon = self.idx.latlon(n)
                klass = best_class(self.idx.name_class.get(x) for x in names)
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

    def route(self, parade_id: str | None, places: tuple[ResolvedPlace, ...],
              extra_points: Sequence[RoutePoint] = ()) -> Route:
        pts = sorted([*self.points, *extra_points], key=lambda p: (p.dist_m, _KIND_ORDER.get(p.kind, 9), p.name))
        return Route(tuple(self.stretches), tuple(pts), tuple(self.junctions()), round(self.total, 1),
                     parade_id, places)


_KIND_ORDER = {"assembly": 0, "start": 1, "waypoint": 2, "uturn": 3, "end": 4}


# ------------------------------------------------------------------------------------------------ public API

def _area(plan: Plan) -> str | None:
    a = plan.event.area
    return ", ".join([a.name, *reversed(a.parents)]) if a else None


def _resolve_place_id(plan: Plan, pid: str, gazetteer: Gazetteer, g: nx.MultiDiGraph, online: bool,
                      where: _Where, fld: str) -> ResolvedPlace:
    try:
        place = plan.place(pid)
    except KeyError:
        place = Place(id=pid, name=pid)
    points: Sequence[NamedPoint] = g.graph.get("_named_points") or ()
    try:
        return resolve_place(place, gazetteer=gazetteer, named_points=points, online=online, area=_area(plan),
                             file=where.file, field=fld, line=where.line(fld))
    except InputError:
        raise


def _items(plan: Plan, steps: Sequence[RouteStep], gazetteer: Gazetteer, g: nx.MultiDiGraph, online: bool,
           where: _Where) -> tuple[list[_Item], list[ResolvedPlace]]:
    items: list[_Item] = []
    places: list[ResolvedPlace] = []
    for i, st in enumerate(steps):
        if st.street:
            items.append(_Item("street", i, street=nfc(st.street)))
        elif st.place:
            rp = _resolve_place_id(plan, st.place, gazetteer, g, online, where, where.field(i, "place"))
            places.append(rp)
            items.append(_Item("place", i, place=rp, uturn=st.uturn, end=st.end))
    return items, places


def resolve_route(plan: Plan, parade: Parade | str | None, graph: nx.MultiDiGraph, *,
                  gazetteer: Gazetteer | None = None, online: bool = False, file: str | Path | None = None) -> Route:
    """Resolve a parade's route (street names and places) into a path on the street graph.

    Parameters
    ----------
    plan : Plan
        The validated plan (its places are looked up by id).
    parade : Parade or str or None
        The parade, its id, or None for the plan's first parade.
    graph : networkx.MultiDiGraph
        Street graph from :func:`paradeplan.geo.streets.load_graph`.
    gazetteer : Gazetteer, optional
        Street aliases and known places (default: the shipped ``data/gazetteer.yaml``).
    online : bool
        Allow Nominatim lookups for places found nowhere else.
    file : str or Path, optional
        The plan file, for error messages (file and line).

    Returns
    -------
    Route
        Stretches in route order, marked points, junctions and total length.

    Raises
    ------
    InputError
        Unknown street, streets that never meet, U-turn place far from its street, ambiguous or unknown place.
    NetworkError
        An online lookup failed.
    """
    par = _pick_parade(plan, parade, file)
    pi = plan.parades.index(par)
    where = _Where(str(file) if file else None, f"parades[{pi}].route")
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    items, places = _items(plan, par.route, gaz, graph, online, where)
    eng = _Engine(graph, gaz, where)
    eng.run(items, None, False, {})
    extra = []
    asm_where = _Where(where.file, f"parades[{pi}]")
    asm = _resolve_place_id(plan, par.assembly_place, gaz, graph, online, asm_where, asm_where.field("assembly_place"))
    extra.append(RoutePoint("assembly", asm.name, round(asm.lat, COORD_DECIMALS), round(asm.lon, COORD_DECIMALS), 0.0))
    return eng.route(par.id, tuple([*places, asm]), extra)


def _pick_parade(plan: Plan, parade: Parade | str | None, file: str | Path | None) -> Parade:
    if isinstance(parade, Parade):
        return parade
    if not plan.parades:
        raise InputError(problems=[Problem("the plan has no parade", str(file) if file else None, field="parades",
                                           hint="add a parade with a route under parades:")])
    if parade is None:
        return plan.parades[0]
    for p in plan.parades:
        if p.id == parade:
            return p
    ids = ", ".join(p.id for p in plan.parades)
    raise InputError(problems=[Problem(f"no parade '{parade}' in the plan", str(file) if file else None,
                                       field="parades", hint=f"use one of: {ids}")])


def resolve_steps(graph: nx.MultiDiGraph, steps: Sequence[RouteStep], plan: Plan,
                  start_latlon: tuple[float, float], *, gazetteer: Gazetteer | None = None, online: bool = False,
                  file: str | Path | None = None, field: str = "route", start_label: str = "start") -> Route:
    """Resolve an onward route that starts where something else ended (e.g. a ward float after the parade).

    The vehicle drives to the nearest point of the first street, follows the streets as a parade route does,
    and from the last street drives to the end place (connector stretches mark the legs that are not plan
    streets).

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        Street graph.
    steps : sequence of RouteStep
        The onward route's steps (streets, places).
    plan : Plan
        The plan (for its places).
    start_latlon : (float, float)
        Where the vehicle starts (lat, lon).
    gazetteer : Gazetteer, optional
        Default: the shipped gazetteer.
    online : bool
        Allow Nominatim lookups.
    file : str or Path, optional
        Plan file for error messages.
    field : str
        Dotted field path of the steps in the plan, for error messages.
    start_label : str
        Name of the start point.

    Returns
    -------
    Route
        The resolved onward route.

    Raises
    ------
    InputError
        As :func:`resolve_route`.
    """
    where = _Where(str(file) if file else None, field)
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    items, places = _items(plan, steps, gaz, graph, online, where)
    eng = _Engine(graph, gaz, where)
    eng.run(items, start_latlon, True, {-1: start_label})
    return eng.route(None, tuple(places))


def travel_path(graph: nx.MultiDiGraph, a_latlon: tuple[float, float],
                b_latlon: tuple[float, float]) -> tuple[float, list[tuple[float, float]], list[str]]:
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
    idx = _index(graph)
    a, _ = idx.nearest(*a_latlon)
    b, _ = idx.nearest(*b_latlon)
    try:
        path: list[str] = list(nx.shortest_path(idx.u, a, b, weight="weight"))
    except nx.NetworkXNoPath:
        d = haversine_m(*a_latlon, *b_latlon)
        return round(d, 1), [a_latlon, b_latlon], []
    try:
        directed = list(nx.shortest_path(graph, a, b, weight="length"))
        if _Engine.path_weight(idx, directed) <= ONEWAY_DETOUR * _Engine.path_weight(idx, path):
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
    coords = [(round(idx.latlon(n)[0], COORD_DECIMALS), round(idx.latlon(n)[1], COORD_DECIMALS)) for n in path]
    return round(length, 1), coords, names


def nearest_node_distance(graph: nx.MultiDiGraph, latlon: tuple[float, float]) -> float:
    """Distance in metres from a point to the nearest node of the street graph."""
    return _index(graph).nearest(*latlon)[1]


def route_to_geojson(route: Route) -> dict[str, Any]:
    """The route as a GeoJSON FeatureCollection (deterministic: same route, same dict, same key order).

    One LineString per stretch in route order (properties ``seq``, ``street``, ``length_m``, ``from``, ``to``,
    plus ``osm_names``, ``connector``), then Point features with ``kind`` (start, end, uturn, assembly,
    junction, waypoint) and ``name``; top-level ``attribution`` and ``license`` members (ODbL).

    Parameters
    ----------
    route : Route
        A resolved route.

    Returns
    -------
    dict
        JSON-ready FeatureCollection ([lon, lat] coordinates, 6 decimals).
    """
    feats: list[dict[str, Any]] = []
    for s in route.stretches:
        props: dict[str, Any] = {"seq": s.seq, "street": s.street, "length_m": round(s.length_m, 1),
                                 "from": s.from_label, "to": s.to_label, "osm_names": list(s.osm_names),
                                 "highway": s.highway, "connector": s.connector}
        if s.note:
            props["note"] = s.note
        coords = [[round(lon, COORD_DECIMALS), round(lat, COORD_DECIMALS)] for lat, lon in s.coords]
        if len(coords) == 1:
            coords = coords * 2
        feats.append({"type": "Feature", "geometry": {"type": "LineString", "coordinates": coords},
                      "properties": props})
    for p in route.points:
        feats.append({"type": "Feature",
                      "geometry": {"type": "Point", "coordinates": [round(p.lon, COORD_DECIMALS),
                                                                    round(p.lat, COORD_DECIMALS)]},
                      "properties": {"kind": p.kind, "name": p.name, "dist_m": round(p.dist_m, 1)}})
    for j in route.junctions:
        name = " × ".join([j.on_street, *j.streets]) if j.streets else j.on_street
        feats.append({"type": "Feature",
                      "geometry": {"type": "Point", "coordinates": [round(j.lon, COORD_DECIMALS),
                                                                    round(j.lat, COORD_DECIMALS)]},
                      "properties": {"kind": "junction", "name": name, "dist_m": round(j.dist_m, 1),
                                     "streets": list(j.streets), "road_class": j.road_class, "uturn": j.uturn,
                                     "node": j.node}})
    return {"type": "FeatureCollection", "attribution": ATTRIBUTION, "license": LICENSE, "features": feats}


def itinerary_rows(route: Route) -> list[dict[str, Any]]:
    """Rows of the itinerary: step, street, from → to, km, cumulative km, U-turn at the end of the row.

    Parameters
    ----------
    route : Route
        A resolved route.

    Returns
    -------
    list of dict
        Keys ``step`` (1-based), ``street``, ``osm_name`` (when the data names it differently), ``from``, ``to``,
        ``km``, ``cum_km``, ``uturn`` (bool: the column turns back at ``to``), ``connector`` (bool), ``note``.
    """
    rows = []
    cum = 0.0
    uturn_dists = {round(p.dist_m, 1) for p in route.uturns}
    for s in route.stretches:
        cum += s.length_m
        osm = ", ".join(n for n in s.osm_names if n != s.street)
        rows.append({"step": s.seq, "street": s.street, "osm_name": osm, "from": s.from_label, "to": s.to_label,
                     "km": round(s.length_m / 1000.0, 2), "cum_km": round(cum / 1000.0, 2),
                     "uturn": round(cum, 1) in uturn_dists or any(abs(cum - d) < 0.2 for d in uturn_dists),
                     "connector": s.connector, "note": s.note or ""})
    return rows
