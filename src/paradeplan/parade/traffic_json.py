"""The diversion plan in ``schedule.json``: ``closures.points``, ``diversions``, ``marshals`` (write, read back)."""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import TypedDict

from paradeplan import clock
from paradeplan.parade.traffic import ClosedStretch, ClosurePoint, Diversion, Marshal, MarshalShortfall, TrafficPlan


class ClosurePointRow(TypedDict):
    id: str
    kind: Literal["post", "barrier"]
    lat: float
    lon: float
    street: str
    cross_street: str
    close: str
    reopen: str
    held_by: list[str]
    km: list[float]


class LineString(TypedDict):
    type: Literal["LineString"]
    coordinates: list[list[float]]


ClosedRow = TypedDict(
    "ClosedRow",
    {
        "street": str,
        "from": str,
        "to": str,
        "close": str,
        "reopen": str,
        "km_from": float,
        "km_to": float,
        "geometry": LineString,
    },
)


class DiversionRow(TypedDict):
    id: str
    closed: ClosedRow
    detour: list[str]
    geometry: LineString | None
    extra_km: float | None
    extra_min: float | None
    reason: Literal["closed-at-once", "one-way", "no-street"] | None
    dead_ends: list[str]
    heavy_detour: list[str]
    heavy_geometry: LineString | None


class MarshalRow(TypedDict):
    id: str
    name: str
    group: str
    owner: str | None
    base: str | None
    points: list[str]


class MarshalShortfallRow(TypedDict):
    unheld: list[str]
    more_needed: int
    needed: int


class MarshalsBlock(TypedDict):
    walk_m: float
    people: list[MarshalRow]
    shortfall: MarshalShortfallRow | None


class RestrictedBlock(TypedDict):
    streets: list[str]


class TrafficBlocks(TypedDict, total=False):
    """The diversion plan's parts of ``schedule.json``: ``closures.points``, ``diversions``, ``marshals``,
    ``restricted``."""

    points: list[ClosurePointRow]
    diversions: list[DiversionRow]
    marshals: MarshalsBlock
    restricted: RestrictedBlock


def _line(coords: tuple[tuple[float, float], ...]) -> dict[str, Any]:
    return {"type": "LineString", "coordinates": [[lon, lat] for lat, lon in coords]}


def _coords(line: dict[str, Any]) -> tuple[tuple[float, float], ...]:
    return tuple((float(lat), float(lon)) for lon, lat in line["coordinates"])


def point_json(p: ClosurePoint) -> dict[str, Any]:
    """One closure point as ``closures.points[]`` publishes it."""
    return {
        "id": p.id,
        "kind": p.kind,
        "lat": p.lat,
        "lon": p.lon,
        "street": p.street,
        "cross_street": p.cross_street,
        "close": clock.hms(p.close_s),
        "reopen": clock.hms(p.reopen_s),
        "held_by": list(p.held_by),
        "km": [round(m / 1000, 3) for m in p.at_m],
    }


def diversion_json(d: Diversion) -> dict[str, Any]:
    """One diversion as ``diversions[]`` publishes it."""
    c = d.closed
    return {
        "id": d.id,
        "closed": {
            "street": c.street,
            "from": c.frm,
            "to": c.to,
            "close": clock.hms(c.close_s),
            "reopen": clock.hms(c.reopen_s),
            "km_from": round(c.from_m / 1000, 3),
            "km_to": round(c.to_m / 1000, 3),
            "geometry": _line(c.coords),
        },
        "detour": list(d.detour),
        "geometry": _line(d.coords) if d.coords else None,
        "extra_km": round(d.extra_m / 1000, 3) if d.extra_m is not None else None,
        "extra_min": round(d.extra_s / 60, 1) if d.extra_s is not None else None,
        "reason": d.reason,
        "dead_ends": list(d.dead_ends),
        "heavy_detour": list(d.heavy),
        "heavy_geometry": _line(d.heavy_coords) if d.heavy_coords else None,
    }


def add_traffic(out: dict[str, Any], t: TrafficPlan) -> None:
    """Put the diversion plan into ``schedule.json`` data (``closures.points``, ``diversions``, ``marshals``)."""
    out["closures"]["points"] = [point_json(p) for p in t.points]
    out["diversions"] = [diversion_json(d) for d in t.diversions]
    held: dict[str, list[str]] = {}
    for p in t.points:
        if p.kind == "barrier":
            for m in p.held_by:
                held.setdefault(m, []).append(p.id)
    short = t.shortfall
    out["restricted"] = {"streets": list(t.restricted)}
    out["marshals"] = {
        "walk_m": t.walk_m,
        "people": [
            {
                "id": m.id,
                "name": m.name,
                "group": m.group,
                "owner": m.owner,
                "base": m.base,
                "points": held.get(m.id, []),
            }
            for m in t.marshals
        ],
        "shortfall": None
        if short is None
        else {"unheld": list(short.unheld), "more_needed": short.more_needed, "needed": short.needed},
    }


def read_traffic(data: dict[str, Any]) -> TrafficPlan:
    """The diversion plan from ``schedule.json`` data (an empty plan when the file has none)."""
    s = clock.parse_required
    points = tuple(
        ClosurePoint(
            p["id"],
            p["kind"],
            float(p["lat"]),
            float(p["lon"]),
            p["street"],
            p["cross_street"],
            s(p["close"]),
            s(p["reopen"]),
            tuple(p["held_by"]),
            tuple(int(round(k * 1000)) for k in p["km"]),
        )
        for p in data.get("closures", {}).get("points", [])
    )
    diversions = []
    for d in data.get("diversions", []):
        c = d["closed"]
        diversions.append(
            Diversion(
                d["id"],
                ClosedStretch(
                    c["street"],
                    c["from"],
                    c["to"],
                    s(c["close"]),
                    s(c["reopen"]),
                    int(round(c["km_from"] * 1000)),
                    int(round(c["km_to"] * 1000)),
                    _coords(c["geometry"]),
                ),
                tuple(d["detour"]),
                _coords(d["geometry"]) if d["geometry"] else (),
                int(round(d["extra_km"] * 1000)) if d["extra_km"] is not None else None,
                int(round(d["extra_min"] * 60)) if d["extra_min"] is not None else None,
                d["reason"],
                tuple(d.get("dead_ends", ())),
                tuple(d.get("heavy_detour", ())),
                _coords(d["heavy_geometry"]) if d.get("heavy_geometry") else (),
            )
        )
    block = data.get("marshals") or {"walk_m": 0.0, "people": [], "shortfall": None}
    sh = block["shortfall"]
    return TrafficPlan(
        points,
        tuple(Marshal(m["id"], m["name"], m["group"], m["owner"], m["base"]) for m in block["people"]),
        tuple(diversions),
        float(block["walk_m"]),
        None if sh is None else MarshalShortfall(tuple(sh["unheld"]), int(sh["more_needed"]), int(sh["needed"])),
        tuple((data.get("restricted") or {}).get("streets", [])),
    )
