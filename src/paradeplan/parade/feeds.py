"""Closure feeds for navigation apps: a WZDx 4.2 WorkZoneFeed and a Waze closure feed (CIFS JSON).

Both are built from a schedule's diversion plan (:class:`paradeplan.parade.traffic.TrafficPlan`): one closure per
closed stretch (all lanes closed, its window, its geometry) and, in WZDx, one detour event per diversion that has
a way round. The live server builds them again from the re-timed column (:func:`retimed`), so a late column moves
the closures that apps show. Identifiers are UUIDs derived from the parade and the stretch, so the same plan gives
the same feed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from paradeplan.parade.schedule import ParadeSchedule
from paradeplan.parade.traffic import Diversion, TrafficPlan

WZDX_VERSION = "4.2"
#: Both feeds derive from OpenStreetMap data.
ATTRIBUTION = "© OpenStreetMap contributors (ODbL 1.0)"
#: A shift of the closure windows by route metre: ``shift(at_m) -> (close delay s, reopen delay s)``.
Shift = Callable[[float], tuple[int, int]]
_NS = uuid.UUID("6f1c2d3e-26a0-4b1e-9c55-7061726164ee")


def _bound(bearing: float) -> str:
    return ("northbound", "eastbound", "southbound", "westbound")[int(((bearing % 360) + 45) // 90) % 4]


def _bearing(coords: tuple[tuple[float, float], ...]) -> float:
    from paradeplan.geo.distance import bearing_deg

    return bearing_deg(coords[0], coords[-1]) if len(coords) > 1 and coords[0] != coords[-1] else 0.0


def _when(day: date, seconds: int, tz: str) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(tz)) + timedelta(seconds=seconds)


def _utc(day: date, seconds: int, tz: str) -> str:
    return _when(day, seconds, tz).astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%SZ")


def _id(schedule: ParadeSchedule, what: str) -> str:
    return str(uuid.uuid5(_NS, f"{schedule.parade.id}/{schedule.parade.date.isoformat()}/{what}"))


def retimed(traffic: TrafficPlan, shift: Shift) -> TrafficPlan:
    """The diversion plan with every window moved by the column's delay where it is (the live view)."""
    points = tuple(
        replace(
            p,
            close_s=p.close_s + shift(min(p.at_m, default=0))[0],
            reopen_s=max(p.close_s + shift(min(p.at_m, default=0))[0], p.reopen_s + shift(max(p.at_m, default=0))[1]),
        )
        for p in traffic.points
    )
    diversions = []
    for d in traffic.diversions:
        close = d.closed.close_s + shift(d.closed.from_m)[0]
        reopen = max(close, d.closed.reopen_s + shift(d.closed.to_m)[1])
        diversions.append(replace(d, closed=replace(d.closed, close_s=close, reopen_s=reopen)))
    return replace(traffic, points=points, diversions=tuple(diversions))


def _description(d: Diversion, lang: str) -> str:
    """What a closure says to drivers, in ``lang`` (the message catalogue)."""
    from paradeplan.i18n import _

    c = d.closed
    text = _("Parade: {street} closed to all vehicles from {frm} to {to}.", lang).format(
        street=c.street, frm=c.frm, to=c.to
    )
    if d.detour:
        text += " " + _("Detour: {way}.", lang).format(way=" → ".join(d.detour))
    return text


def _line(coords: tuple[tuple[float, float], ...]) -> dict[str, Any]:
    return {"type": "LineString", "coordinates": [[lon, lat] for lat, lon in coords]}


def _unverified(start: str, end: str) -> dict[str, Any]:
    return {
        "start_date": start,
        "end_date": end,
        "is_start_date_verified": False,
        "is_end_date_verified": False,
    }


def zone_feature(schedule: ParadeSchedule, d: Diversion, stamp: str, lang: str) -> dict[str, Any]:
    """The work-zone road event of a closed stretch: all lanes closed in its window, on its geometry."""
    c = d.closed
    day, tz = schedule.parade.date, schedule.event.timezone
    core: dict[str, Any] = {
        "data_source_id": "1",
        "event_type": "work-zone",
        "road_names": [c.street],
        "direction": _bound(_bearing(c.coords)),
        "name": f"{schedule.parade.name}: {c.street} ({c.frm} – {c.to})",
        "description": _description(d, lang),
        "creation_date": stamp,
        "update_date": stamp,
    }
    if d.detour:
        core["related_road_events"] = [{"type": "related-detour", "id": _id(schedule, f"detour/{d.id}")}]
    return {
        "id": _id(schedule, f"closed/{d.id}"),
        "type": "Feature",
        "properties": {
            "core_details": core,
            "beginning_cross_street": c.frm,
            "ending_cross_street": c.to,
            **_unverified(_utc(day, c.close_s, tz), _utc(day, c.reopen_s, tz)),
            "is_start_position_verified": False,
            "is_end_position_verified": False,
            "location_method": "junction-method",
            "vehicle_impact": "all-lanes-closed",
        },
        "geometry": _line(c.coords),
    }


def detour_feature(schedule: ParadeSchedule, d: Diversion, stamp: str, lang: str) -> dict[str, Any]:
    """The detour road event of a diversion with a way round, related to its closed stretch."""
    c = d.closed
    day, tz = schedule.parade.date, schedule.event.timezone
    return {
        "id": _id(schedule, f"detour/{d.id}"),
        "type": "Feature",
        "properties": {
            "core_details": {
                "data_source_id": "1",
                "event_type": "detour",
                "road_names": list(d.detour),
                "direction": _bound(_bearing(d.coords)),
                "name": f"{schedule.parade.name}: " + " → ".join(d.detour),
                "description": _description(d, lang),
                "related_road_events": [{"type": "related-work-zone", "id": _id(schedule, f"closed/{d.id}")}],
                "creation_date": stamp,
                "update_date": stamp,
            },
            "beginning_cross_street": c.frm,
            "ending_cross_street": c.to,
            **_unverified(_utc(day, c.close_s, tz), _utc(day, c.reopen_s, tz)),
        },
        "geometry": _line(d.coords),
    }


def wzdx_feed(
    schedule: ParadeSchedule,
    *,
    publisher: str,
    traffic: TrafficPlan | None = None,
    updated: datetime | None = None,
    lang: str = "vi",
) -> dict[str, Any]:
    """The WZDx 4.2 WorkZoneFeed (GeoJSON FeatureCollection) of a schedule's closed stretches and detours.

    ``updated`` is the feed's update time (default: the parade's day at 00:00 local, so a planned feed is the same
    bytes every run); ``traffic`` a re-timed plan (default the schedule's own).
    """
    t = traffic or schedule.traffic
    day, tz = schedule.parade.date, schedule.event.timezone
    stamp = (updated or _when(day, 0, tz)).astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%SZ")
    features: list[dict[str, Any]] = []
    for d in t.diversions:
        features.append(zone_feature(schedule, d, stamp, lang))
        if d.detour:
            features.append(detour_feature(schedule, d, stamp, lang))
    source = {"data_source_id": "1", "organization_name": publisher, "update_date": stamp}
    return {
        "attribution": ATTRIBUTION,
        "feed_info": {"publisher": publisher, "version": WZDX_VERSION, "update_date": stamp, "data_sources": [source]},
        "type": "FeatureCollection",
        "features": features,
    }


def waze_feed(schedule: ParadeSchedule, *, traffic: TrafficPlan | None = None, lang: str = "vi") -> dict[str, Any]:
    """The Waze closure feed (CIFS JSON): ``incidents[]``, one ``ROAD_CLOSED`` per closed stretch, both ways."""
    t = traffic or schedule.traffic
    day, tz = schedule.parade.date, schedule.event.timezone
    incidents = []
    for d in t.diversions:
        c = d.closed
        incidents.append(
            {
                "id": _id(schedule, f"closed/{d.id}"),
                "type": "ROAD_CLOSED",
                "subtype": "ROAD_CLOSED_EVENT",
                "polyline": " ".join(f"{lat:.6f} {lon:.6f}" for lat, lon in c.coords),
                "street": c.street,
                "starttime": _when(day, c.close_s, tz).isoformat(),
                "endtime": _when(day, c.reopen_s, tz).isoformat(),
                "description": _description(d, lang),
                "direction": "BOTH_DIRECTIONS",
            }
        )
    return {"attribution": ATTRIBUTION, "incidents": incidents}
