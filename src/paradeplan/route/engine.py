"""The route engine: follows a plan's streets and places on the street graph, stretch by stretch.

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

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np

from paradeplan.geo.distance import haversine_m
from paradeplan.geo.gazetteer import Gazetteer
from paradeplan.geo.geocode import ResolvedPlace
from paradeplan.geo.index import street_index
from paradeplan.geo.streets import best_class, road_rank
from paradeplan.i18n import N_, gettext, number
from paradeplan.route.junctions import junctions
from paradeplan.route.model import COORD_DECIMALS, Route, RoutePoint, Stretch
from paradeplan.route.names import NameMatcher
from paradeplan.route.where import Where

log = logging.getLogger(__name__)

JUNCTION_M = 40.0
#: Streets that never meet but come this close (m) are joined by a connector along the graph.
CONNECT_M = 300.0
#: A U-turn, waypoint, start or end place must lie within this distance (m) of its street.
PLACE_TO_STREET_M = 300.0
#: Cost factor of edges that are not of the street being followed.
OFF_STREET_PENALTY = 20.0
#: Junction nodes closer than this along the route (m) are one junction (dual carriageways).


@dataclass(frozen=True)
class Item:
    kind: str  # "street" | "place"
    step: int
    street: str = ""
    place: ResolvedPlace | None = None
    uturn: bool = False
    end: bool = False


class Engine:
    def __init__(self, g: nx.MultiDiGraph, gazetteer: Gazetteer, where: Where) -> None:
        self.idx = street_index(g)
        self.gaz = gazetteer
        self.where = where
        self.stretches: list[Stretch] = []
        self.points: list[RoutePoint] = []
        self.uturn_nodes: set[str] = set()
        self.total = 0.0
        self.names = NameMatcher(self.idx, gazetteer, where)

    # -- names
    def osm_names(self, street: str, step: int) -> set[str]:
        return self.names.osm_names(street, step)

    # -- paths
    def dijkstra(
        self, src: str, names: set[str], targets: set[str] | None = None, min_len: float = 0.0
    ) -> tuple[dict[str, float], dict[str, str | None], str | None]:
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

    def add_stretch(
        self,
        path: list[str],
        street: str,
        names: set[str],
        from_label: str,
        to_label: str,
        step: int | None,
        connector: bool = False,
        note: str | None = None,
        exclude: set[str] | None = None,
    ) -> None:
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
        length = self.idx.path_length(path)
        osm_names = tuple(sorted(osm, key=lambda n: (-osm[n], n)))
        if connector and not street:
            street = osm_names[0] if osm_names else "?"
        coords = tuple(
            (round(self.idx.latlon(n)[0], COORD_DECIMALS), round(self.idx.latlon(n)[1], COORD_DECIMALS)) for n in path
        )
        self.stretches.append(
            Stretch(
                len(self.stretches) + 1,
                street,
                osm_names,
                from_label,
                to_label,
                round(length, 1),
                coords,
                tuple(path),
                best_class(classes),
                step,
                connector,
                note,
            )
        )
        self.total += length

    def cur_point(self, node: str, kind: str, name: str) -> None:
        lat, lon = self.idx.latlon(node)
        self.points.append(
            RoutePoint(kind, name, round(lat, COORD_DECIMALS), round(lon, COORD_DECIMALS), round(self.total, 1))
        )

    def snap(self, place: ResolvedPlace, names: set[str], step: int, what: str) -> str:
        nodes = self.idx.nodes_of(names)
        node, _ = self.idx.nearest(place.lat, place.lon, nodes)
        dist = self.idx.segment_distance(place.lat, place.lon, names)
        if dist > PLACE_TO_STREET_M:
            street = ", ".join(sorted(names))
            raise self.where.error(
                gettext(
                    "{what} is {dist} m from the street it should be on ({street}); at most {limit} m is accepted"
                ).format(
                    what=gettext(what).format(name=place.name),
                    dist=number(dist),
                    street=street,
                    limit=number(PLACE_TO_STREET_M),
                ),
                self.where.field(step, "place"),
                gettext("check the place's coordinates, or the street before it in the route"),
            )
        return node

    def junction(self, cur: str, s_names: set[str], t_names: set[str]) -> tuple[list[str], float] | None:
        """Path along S from cur to the first junction with T, or None when S and T never meet."""
        s_nodes, t_nodes = self.idx.nodes_of(s_names), self.idx.nodes_of(t_names)
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
        s_list = sorted(self.idx.nodes_of(s_names), key=str)
        t_list = sorted(self.idx.nodes_of(t_names), key=str)
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
        s_nodes, t_nodes = self.idx.nodes_of(s_names), self.idx.nodes_of(t_names)
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
    def run(
        self, items: list[Item], start: tuple[float, float] | None, leave_to_end: bool, labels: dict[int, str]
    ) -> None:
        cur: str | None = None
        cur_label = ""
        streets = [i for i in items if i.kind == "street"]
        if not streets:
            raise self.where.error(
                gettext("the route names no street"), self.where.field(), gettext("add the streets in order")
            )
        for it in streets:
            self.osm_names(it.street, it.step)
        cur, cur_label, k = self.begin(items, streets, start, labels)
        assert cur is not None
        while k < len(items):
            it = items[k]
            if it.kind == "place":
                # a place right after a place: drive there
                assert it.place is not None
                b, _ = self.idx.nearest(it.place.lat, it.place.lon)
                if b != cur:
                    self.add_stretch(
                        self.travel(cur, b), "", set(), cur_label, it.place.name, None, True, gettext("to the place")
                    )
                    cur = b
                self.cur_point(cur, "end" if it.end else ("uturn" if it.uturn else "waypoint"), it.place.name)
                cur_label = it.place.name
                k += 1
                continue
            s_names = self.osm_names(it.street, it.step)
            nxt = items[k + 1] if k + 1 < len(items) else None
            if nxt is None:
                dist, prev, _ = self.dijkstra(cur, s_names)
                ends = [n for n in self.idx.nodes_of(s_names) if n in dist and dist[n] < 1e7]
                target = max(ends, key=lambda n: (dist[n], str(n))) if ends else cur
                self.add_stretch(self.path_to(prev, target), it.street, s_names, cur_label, "end", it.step)
                cur = target
                self.cur_point(cur, "end", gettext("{street} (where it ends)").format(street=it.street))
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
                    cur, cur_label = self.link_apart(cur, cur_label, it, nxt, s_names, t_names)
                k += 1
                continue
            cur, cur_label = self.street_to_place(cur, cur_label, it, nxt, s_names, leave_to_end)
            k += 2

    def begin(
        self, items: list[Item], streets: list[Item], start: tuple[float, float] | None, labels: dict[int, str]
    ) -> tuple[str, str, int]:
        """Where the route starts: its start place snapped onto the first street (with the approach from
        ``start`` when given), or ``start`` itself; the node, its label and the first item still to follow."""
        cur: str | None = None
        cur_label = ""
        k = 0
        if items[0].kind == "place" and items[0].place is not None:
            p0 = items[0].place
            first = streets[0]
            s_names = self.osm_names(first.street, first.step)
            if start is not None:
                a, _ = self.idx.nearest(*start)
                b, _ = self.idx.nearest(p0.lat, p0.lon)
                if a != b:
                    self.add_stretch(
                        self.travel(a, b), "", set(), labels.get(-1, "start"), p0.name, None, True, gettext("approach")
                    )
                cur = self.idx.nearest(p0.lat, p0.lon, self.idx.nodes_of(s_names))[0]
                if cur != b:
                    self.add_stretch(
                        self.travel(b, cur), "", set(), p0.name, first.street, None, True, gettext("approach")
                    )
            else:
                cur = self.snap(p0, s_names, items[0].step, N_("start place '{name}'"))
            self.cur_point(cur, "start", p0.name)
            cur_label = p0.name
            k = 1
        elif start is not None:
            first = streets[0]
            s_names = self.osm_names(first.street, first.step)
            a, _ = self.idx.nearest(*start)
            cur, _ = self.idx.nearest(start[0], start[1], self.idx.nodes_of(s_names))
            self.cur_point(a, "start", labels.get(-1, "start"))
            if a != cur:
                self.add_stretch(
                    self.travel(a, cur),
                    "",
                    set(),
                    labels.get(-1, "start"),
                    first.street,
                    None,
                    True,
                    gettext("to {street}").format(street=first.street),
                )
            cur_label = labels.get(-1, "start")
        else:
            raise self.where.error(
                gettext("the route must begin with its start place"),
                self.where.field(0),
                gettext("put `- place: <id>` before the first street"),
            )
        assert cur is not None
        return cur, cur_label, k

    def link_apart(
        self, cur: str, cur_label: str, it: Item, nxt: Item, s_names: set[str], t_names: set[str]
    ) -> tuple[str, str]:
        """Two consecutive streets that never meet: follow the first to its point closest to the second and link
        them (refused beyond :data:`CONNECT_M`, naming a street that joins them); the node and label reached."""
        s, t, gap = self.closest_pair(s_names, t_names)
        if gap > CONNECT_M:
            join = self.joining_streets(s_names, t_names)
            lat, lon = self.idx.latlon(s)
            if len(join) > 1:
                sugg = gettext("insert the street that joins them, e.g. `- street: {name}` (or {others})").format(
                    name=join[0], others=", ".join(join[1:])
                )
            elif join:
                sugg = gettext("insert the street that joins them, e.g. `- street: {name}`").format(name=join[0])
            else:
                sugg = gettext("insert the streets that lead from one to the other")
            raise self.where.error(
                gettext(
                    "'{street}' and '{next}' never meet: they come within {gap} m of each other (near {lat}, {lon})"
                ).format(street=it.street, next=nxt.street, gap=number(gap), lat=f"{lat:.5f}", lon=f"{lon:.5f}"),
                self.where.field(nxt.step, "street"),
                sugg,
            )
        _, prev, _ = self.dijkstra(cur, s_names, {s})
        self.add_stretch(self.path_to(prev, s), it.street, s_names, cur_label, nxt.street, it.step)
        cpath = self.travel(s, t)
        self.add_stretch(cpath, "", set(), it.street, nxt.street, None, True, "", s_names | t_names)
        c = self.stretches[-1]
        note = gettext("'{street}' and '{next}' do not meet; linked over {n} m of {link}").format(
            street=it.street, next=nxt.street, n=number(c.length_m), link=c.street
        )
        self.stretches[-1] = Stretch(
            c.seq,
            c.street,
            c.osm_names,
            c.from_label,
            c.to_label,
            c.length_m,
            c.coords,
            c.nodes,
            c.highway,
            None,
            True,
            note,
        )
        log.info(note)
        cur, cur_label = t, c.street
        return cur, cur_label

    def street_to_place(
        self, cur: str, cur_label: str, it: Item, nxt: Item, s_names: set[str], leave_to_end: bool
    ) -> tuple[str, str]:
        """A street followed by a place (a U-turn, a waypoint or the end): follow it there; the node and label."""
        assert nxt.place is not None
        what = (
            N_("U-turn place '{name}'")
            if nxt.uturn
            else (N_("end place '{name}'") if nxt.end else N_("place '{name}'"))
        )
        if nxt.end and leave_to_end:
            target, _ = self.idx.nearest(nxt.place.lat, nxt.place.lon, self.idx.nodes_of(s_names))
        else:
            target = self.snap(nxt.place, s_names, nxt.step, what)
        _, prev, _ = self.dijkstra(cur, s_names, {target})
        self.add_stretch(self.path_to(prev, target), it.street, s_names, cur_label, nxt.place.name, it.step)
        cur = target
        if nxt.end and leave_to_end:
            b, _ = self.idx.nearest(nxt.place.lat, nxt.place.lon)
            if b != cur:
                self.add_stretch(
                    self.travel(cur, b),
                    "",
                    set(),
                    it.street,
                    nxt.place.name,
                    None,
                    True,
                    gettext("leave {street} for {place}").format(street=it.street, place=nxt.place.name),
                )
                cur = b
        kind = "uturn" if nxt.uturn else ("end" if nxt.end else "waypoint")
        if nxt.uturn:
            self.uturn_nodes.add(cur)
        self.cur_point(cur, kind, nxt.place.name)
        cur_label = nxt.place.name
        return cur, cur_label

    def route(
        self, parade_id: str | None, places: tuple[ResolvedPlace, ...], extra_points: Sequence[RoutePoint] = ()
    ) -> Route:
        pts = sorted([*self.points, *extra_points], key=lambda p: (p.dist_m, _KIND_ORDER.get(p.kind, 9), p.name))
        found = junctions(self.idx, self.stretches, self.names.cache, self.uturn_nodes)
        return Route(tuple(self.stretches), tuple(pts), tuple(found), round(self.total, 1), parade_id, places)


_KIND_ORDER = {"assembly": 0, "start": 1, "waypoint": 2, "uturn": 3, "end": 4}
