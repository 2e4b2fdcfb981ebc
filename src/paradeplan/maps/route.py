"""Read the route and the schedule into the compact shapes the map scripts draw."""

from __future__ import annotations

from typing import Any

from paradeplan import clock
from paradeplan.geo.distance import EARTH_RADIUS_KM, haversine_m
from paradeplan.i18n import km
from paradeplan.maps.common import bounds_of, esc, popup_html
from paradeplan.parade.schedule import ParadeSchedule, StretchClosure
from paradeplan.route.exports import line_coords
from paradeplan.route.model import Route


def route_lines(route: Route) -> list[dict[str, Any]]:
    """The route's stretches in route order as the map script draws them: ``seq``, ``street``, ``from``, ``to``,
    ``length_m``, ``coords`` ([lat, lon] pairs)."""
    out: list[dict[str, Any]] = []
    for s in sorted(route.stretches, key=lambda s: s.seq):
        coords = [[round(la, 6), round(lo, 6)] for la, lo in line_coords(s)]
        if len(coords) >= 2:
            out.append(
                {
                    "seq": s.seq,
                    "street": s.street,
                    "from": s.from_label,
                    "to": s.to_label,
                    "length_m": s.length_m,
                    "coords": coords,
                }
            )
    return out


def route_points(route: Route, kinds: tuple[str, ...]) -> list[dict[str, Any]]:
    """The route's marked points of the given kinds: ``kind``, ``name``, ``lat``, ``lon``."""
    return [{"kind": p.kind, "name": p.name, "lat": p.lat, "lon": p.lon} for p in route.points if p.kind in kinds]


def track(lines: list[dict[str, Any]], total_km: float | None) -> list[list[float]]:
    """The route as one polyline ``[[lat, lon, km], ...]``; km scaled to the timetable's total when given."""
    pts: list[list[float]] = []
    km = 0.0
    for line in lines:
        for lat, lon in line["coords"]:
            if pts:
                d = haversine_m(pts[-1][0], pts[-1][1], lat, lon, radius=EARTH_RADIUS_KM)
                if d == 0:
                    continue
                km += d
            pts.append([lat, lon, km])
    if pts and total_km and km > 0:
        f = float(total_km) / km
        for p in pts:
            p[2] = round(p[2] * f, 4)
    return pts


def along(coords: list[list[float]], frac: float) -> list[float]:
    """The point at ``frac`` (0–1) of a polyline's length."""
    import numpy as np

    xy = np.asarray([c[:2] for c in coords], dtype=np.float64).reshape(-1, 2)
    seg: list[float] = haversine_m(xy[:-1, 0], xy[:-1, 1], xy[1:, 0], xy[1:, 1], radius=EARTH_RADIUS_KM).tolist()
    want, run = sum(seg) * frac, 0.0
    for (a, b), d in zip(zip(coords, coords[1:], strict=False), seg, strict=False):
        if run + d >= want and d > 0:
            t = (want - run) / d
            return [round(a[0] + (b[0] - a[0]) * t, 6), round(a[1] + (b[1] - a[1]) * t, 6)]
        run += d
    return coords[0][:2]


def midpoint(coords: list[list[float]]) -> list[float]:
    """The point halfway along a polyline (by length)."""
    return along(coords, 0.5)


def stretch_features(
    lines: list[dict[str, Any]], closures: tuple[StretchClosure, ...], L: dict[str, str], lang: str
) -> list[dict[str, Any]]:
    """Route stretches with an escaped popup (step, street, from → to, length, closure times)."""
    by_seq = {c.seq: c for c in closures}
    out = []
    for line in lines:
        c = by_seq.get(line["seq"])
        rows: list[tuple[str, Any]] = [(L["from"], line["from"]), (L["to"], line["to"])]
        if line.get("length_m") is not None:
            rows.append((L["length"], km(float(line["length_m"]), lang)))
        if c is not None:
            rows += [(L["close"], clock.hm(c.close_s)), (L["reopen"], clock.hm(c.reopen_s))]
        title = f"{L['step']} {line['seq']}: {line['street']}"
        out.append(
            {
                "seq": line["seq"],
                "c": line["coords"],
                "mid": midpoint(line["coords"]),
                "spots": step_spots(line["coords"]),
                "pop": popup_html(title, rows),
                "tip": esc(title),
            }
        )
    return out


#: Key points closer than this (metres) are one place: one marker listing every role.
KEY_MERGE_M = 30.0
#: Order of the roles in a merged marker's label.
KEY_ORDER = ("start", "end", "uturn", "assembly")


def key_points(points: list[dict[str, Any]], L: dict[str, str]) -> list[dict[str, Any]]:
    """Start, end, U-turn and assembly points, those within ``KEY_MERGE_M`` of each other merged into one.

    Each point: ``kinds`` (roles in ``KEY_ORDER``), ``kind`` (the first), ``lat``, ``lon``, ``label`` (roles joined
    with " / "), ``names`` (escaped, for the map script to merge markers that overlap on screen), ``tip`` and
    ``pop`` (escaped). A merged marker sits where its first role is.
    """
    groups: list[list[dict[str, Any]]] = []
    for p in points:
        group = next(
            (g for g in groups if any(haversine_m(q["lat"], q["lon"], p["lat"], p["lon"]) <= KEY_MERGE_M for q in g)),
            None,
        )
        if group is None:
            groups.append([p])
        else:
            group.append(p)
    out: list[dict[str, Any]] = []
    for g in groups:
        g = sorted(g, key=lambda q: KEY_ORDER.index(q["kind"]) if q["kind"] in KEY_ORDER else len(KEY_ORDER))
        kinds = list(dict.fromkeys(q["kind"] for q in g))
        names = list(dict.fromkeys(str(q.get("name") or "") for q in g if q.get("name")))
        roles = [L[k] for k in kinds]
        label = " / ".join(roles)
        rows: list[tuple[str, Any]] = (
            [("", names[0])] if len(names) == 1 else [(L[q["kind"]], q.get("name")) for q in g]
        )
        out.append(
            {
                "kind": kinds[0],
                "kinds": kinds,
                "lat": g[0]["lat"],
                "lon": g[0]["lon"],
                "label": label,
                "names": [esc(n) for n in names],
                "tip": f"{esc(label)}: {esc(' · '.join(names))}",
                "pop": popup_html(label, rows),
            }
        )
    return out


def step_spots(coords: list[list[float]]) -> list[list[float]]:
    """Where a stretch's step number may sit, best first: halfway, then further from either end."""
    return [along(coords, f) for f in (0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9)]


def timetable_series(schedule: ParadeSchedule) -> list[list[float]]:
    """``[[head_s, tail_s, km], ...]`` of the timetable, for moving the column's head and tail."""
    return [[row.head_s, row.tail_s, row.at_m / 1000] for row in schedule.timetable]


def all_bounds(lines: list[dict[str, Any]], extra: list[tuple[float, float]]) -> list[list[float]]:
    """Bounds of the route lines and some extra points."""
    pts = [(c[0], c[1]) for line in lines for c in line["coords"]] + extra
    return bounds_of(pts)
