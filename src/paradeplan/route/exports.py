"""The route as GeoJSON (uMap, QGIS) and as the itinerary table people read."""

from __future__ import annotations

from typing import Any

from paradeplan.geo.streets import ATTRIBUTION, LICENSE
from paradeplan.route.model import COORD_DECIMALS, Route, Stretch


def line_coords(stretch: Stretch) -> tuple[tuple[float, float], ...]:
    """A stretch as a line of (lat, lon) points: a one-point stretch is drawn as a point repeated."""
    return stretch.coords if len(stretch.coords) != 1 else stretch.coords * 2


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
        props: dict[str, Any] = {
            "seq": s.seq,
            "street": s.street,
            "length_m": round(s.length_m, 1),
            "from": s.from_label,
            "to": s.to_label,
            "osm_names": list(s.osm_names),
            "highway": s.highway,
            "connector": s.connector,
        }
        if s.note:
            props["note"] = s.note
        coords = [[round(lon, COORD_DECIMALS), round(lat, COORD_DECIMALS)] for lat, lon in line_coords(s)]
        feats.append(
            {"type": "Feature", "geometry": {"type": "LineString", "coordinates": coords}, "properties": props}
        )
    for p in route.points:
        feats.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [round(p.lon, COORD_DECIMALS), round(p.lat, COORD_DECIMALS)],
                },
                "properties": {"kind": p.kind, "name": p.name, "dist_m": round(p.dist_m, 1)},
            }
        )
    for j in route.junctions:
        name = " × ".join([j.on_street, *j.streets]) if j.streets else j.on_street
        feats.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [round(j.lon, COORD_DECIMALS), round(j.lat, COORD_DECIMALS)],
                },
                "properties": {
                    "kind": "junction",
                    "name": name,
                    "dist_m": round(j.dist_m, 1),
                    "streets": list(j.streets),
                    "road_class": j.road_class,
                    "uturn": j.uturn,
                    "turn": j.turn,
                    "key": j.key,
                    "node": j.node,
                },
            }
        )
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
        rows.append(
            {
                "step": s.seq,
                "street": s.street,
                "osm_name": osm,
                "from": s.from_label,
                "to": s.to_label,
                "km": round(s.length_m / 1000.0, 2),
                "cum_km": round(cum / 1000.0, 2),
                "uturn": round(cum, 1) in uturn_dists or any(abs(cum - d) < 0.2 for d in uturn_dists),
                "connector": s.connector,
                "note": s.note or "",
            }
        )
    return rows
