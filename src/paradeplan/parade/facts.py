"""What the parade stage needs from a resolved route: stretches, passages at junctions and key points, turn angles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from paradeplan.geo.distance import bearing_deg, haversine_m
from paradeplan.geo.gazetteer import Gazetteer, loose_key
from paradeplan.parade.timing import Passage, Stretch, class_rank
from paradeplan.plan.model import Parade, Plan
from paradeplan.route.model import Route


@dataclass(frozen=True)
class RouteFacts:
    """What scheduling needs from a resolved route, as plain values."""

    stretches: tuple[Stretch, ...]
    passages: tuple[Passage, ...]
    uturn_dists: tuple[float, ...]
    total_m: float
    start: tuple[float, float]
    end: tuple[float, float]


#: Junction nodes closer than this along one crossing street are one junction (dual carriageways, slip roads).
JUNCTION_CLUSTER_M = 120.0
#: Junction nodes closer than this along the route are one junction whatever their names.
JUNCTION_MERGE_M = 40.0


def street_classes(graph: Any) -> dict[str, str]:
    """The most important OSM road class of each street name in a street graph."""
    best: dict[str, str] = {}
    for _, _, d in graph.edges(data=True):
        name, hw = d.get("name"), str(d.get("highway") or "")
        if name and (name not in best or class_rank(hw) < class_rank(best[name])):
            best[name] = hw.removesuffix("_link")
    return best


def facts_from_route(route: Route, classes: dict[str, str], gazetteer: Gazetteer | None = None) -> RouteFacts:
    """Plain route facts for timing: stretches, and the passages at junctions, U-turns, start and end.

    Junction nodes of one crossing street within ``JUNCTION_CLUSTER_M`` of each other along the route are one
    passage (dual carriageways); a junction passed again later (after a U-turn) keeps the same key so that its
    passages can share one post.
    """
    stretches: list[Stretch] = []
    start_m = 0.0
    for s in route.stretches:
        stretches.append(Stretch(seq=s.seq, street=s.street, start_m=start_m, length_m=s.length_m,
                                 highway=s.highway or "unclassified", frm=s.from_label, to=s.to_label))
        start_m += s.length_m

    passages: list[Passage] = []
    keys: list[tuple[float, float, frozenset[str], str]] = []
    last: Passage | None = None
    last_names: frozenset[str] = frozenset()
    for j in route.junctions:
        if j.uturn:
            continue
        own = {loose_key(n) for n in (gazetteer.street_names(j.on_street) if gazetteer else (j.on_street,))}
        streets = frozenset(n for n in j.streets if loose_key(n) not in own) or frozenset(j.streets)
        names = streets | {j.on_street}
        cls_list = [classes.get(n) for n in streets if classes.get(n)]
        cross = min(cls_list, key=class_rank) if cls_list else None
        if last is not None and (j.dist_m - last.dist_m < JUNCTION_MERGE_M or (
                names & last_names and j.dist_m - last.dist_m < JUNCTION_CLUSTER_M)):
            if cross and (last.cross_class is None or class_rank(cross) < class_rank(last.cross_class)):
                passages[-1] = Passage(last.key, last.name, last.lat, last.lon, last.dist_m, cross, last.kind)
                last = passages[-1]
            last_names = last_names | names
            continue
        key = next((k for la, lo, ss, k in keys if ss & names and haversine_m(la, lo, j.lat, j.lon) < 250), None)
        if key is None:
            key = f"J{len(keys) + 1:03d}"
            keys.append((j.lat, j.lon, names, key))
        name = f"{j.on_street} × {' / '.join(sorted(streets))}"
        last = Passage(key, name, j.lat, j.lon, j.dist_m, cross, "junction")
        last_names = names
        passages.append(last)
    for p in route.points:
        if p.kind in ("start", "end", "uturn"):
            passages.append(Passage(f"{p.kind.upper()}-{round(p.dist_m)}" if p.kind != "uturn" else f"U-{p.name}",
                                    p.name, p.lat, p.lon, p.dist_m, None, p.kind))
    order = {"start": 0, "junction": 1, "uturn": 1, "end": 2}
    passages.sort(key=lambda p: (p.dist_m, order[p.kind]))
    uturns = tuple(p.dist_m for p in route.points if p.kind == "uturn")
    pts = {p.kind: (p.lat, p.lon) for p in route.points}
    return RouteFacts(stretches=tuple(stretches), passages=tuple(passages), uturn_dists=uturns,
                      total_m=route.total_m, start=pts.get("start", (0.0, 0.0)), end=pts.get("end", (0.0, 0.0)))


def split_angles(plan: Plan, parade: Parade, route: Route) -> dict[str, float]:
    """Turn angle (degrees, positive = right) from the column's final heading toward each vehicle's next goal."""
    coords = route.coords()
    if len(coords) < 2:
        return {}
    heading = bearing_deg(coords[-2], coords[-1])
    end = coords[-1]
    places = {p.id: p for p in plan.places}
    out: dict[str, float] = {}
    for g in parade.groups:
        for v in g.vehicles:
            dest = places.get(v.base or g.base or "")
            if dest is None or dest.lat is None or dest.lon is None:
                continue
            angle = (bearing_deg(end, (dest.lat, dest.lon)) - heading + 540) % 360 - 180
            out[v.id] = round(angle, 3)
    return out
