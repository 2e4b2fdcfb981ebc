"""What the parade stage needs from a resolved route: stretches, passages at junctions and key points, turn angles."""

from __future__ import annotations

from dataclasses import dataclass

from paradeplan.geo.distance import bearing_deg
from paradeplan.parade.timing import Passage, Stretch
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


def facts_from_route(route: Route) -> RouteFacts:
    """Plain route facts for timing: stretches, and the passages at junctions, U-turns, start and end.

    Each junction of the route (:mod:`paradeplan.route.junctions`: what is one junction, its approaches, whether
    the route turns there) is one passage; a junction passed again later keeps its key, so that its passages can
    share one post.
    """
    stretches: list[Stretch] = []
    start_m = 0.0
    for s in route.stretches:
        stretches.append(
            Stretch(
                seq=s.seq,
                street=s.street,
                start_m=start_m,
                length_m=s.length_m,
                highway=s.highway or "unclassified",
                frm=s.from_label,
                to=s.to_label,
            )
        )
        start_m += s.length_m

    passages: list[Passage] = []
    for j in route.junctions:
        if j.uturn:
            continue
        name = f"{j.on_street} × {' / '.join(j.streets)}" if j.streets else j.on_street
        passages.append(Passage(j.key, name, j.lat, j.lon, j.dist_m, j.road_class, "junction", j.turn, j.approaches))
    for p in route.points:
        if p.kind in ("start", "end", "uturn"):
            passages.append(
                Passage(
                    f"{p.kind.upper()}-{round(p.dist_m)}" if p.kind != "uturn" else f"U-{p.name}",
                    p.name,
                    p.lat,
                    p.lon,
                    p.dist_m,
                    None,
                    p.kind,
                )
            )
    order = {"start": 0, "junction": 1, "uturn": 1, "end": 2}
    passages.sort(key=lambda p: (p.dist_m, order[p.kind]))
    uturns = tuple(p.dist_m for p in route.points if p.kind == "uturn")
    pts = {p.kind: (p.lat, p.lon) for p in route.points}
    return RouteFacts(
        stretches=tuple(stretches),
        passages=tuple(passages),
        uturn_dists=uturns,
        total_m=route.total_m,
        start=pts.get("start", (0.0, 0.0)),
        end=pts.get("end", (0.0, 0.0)),
    )


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
