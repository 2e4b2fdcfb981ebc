"""Route exchange files for map apps: route.gpx (gpxpy) and route.kml (simplekml), with attribution."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from paradeplan.outputs import write_file_atomic
from paradeplan.render.common import attribution, parade_date
from paradeplan.render.i18n import hhmm, point_label, t

log = logging.getLogger(__name__)

#: Point kinds that become waypoints / placemarks (junctions are left out: too many for a phone screen).
WAYPOINT_KINDS = ("assembly", "start", "uturn", "end")


def _lines(route_geojson: dict[str, Any]) -> list[dict[str, Any]]:
    feats = [f for f in (route_geojson or {}).get("features") or []
             if (f.get("geometry") or {}).get("type") == "LineString"]
    return sorted(feats, key=lambda f: int((f.get("properties") or {}).get("seq") or 0))


def _points(route_geojson: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in (route_geojson or {}).get("features") or []
            if (f.get("geometry") or {}).get("type") == "Point"
            and (f.get("properties") or {}).get("kind") in WAYPOINT_KINDS]


def _point_times(schedule: dict[str, Any]) -> dict[tuple[str, str], list[str]]:
    """Head times by (kind, name) from the timetable, in route order."""
    out: dict[tuple[str, str], list[str]] = {}
    for r in schedule.get("timetable") or []:
        out.setdefault((str(r.get("kind")), str(r.get("name"))), []).append(hhmm(r.get("head")))
    return out


def _title(schedule: dict[str, Any]) -> str:
    parade = schedule.get("parade") or {}
    return str(parade.get("name") or (schedule.get("event") or {}).get("name") or "paradeplan")


def _stretch_name(p: dict[str, Any], lang: str) -> str:
    name = f"{int(p.get('seq') or 0):02d}. {p.get('street') or ''}"
    if p.get("from") or p.get("to"):
        name += f" ({p.get('from') or ''} → {p.get('to') or ''})"
    return name


def _point_name(p: dict[str, Any], times: dict[tuple[str, str], list[str]], lang: str) -> tuple[str, str]:
    kind = str(p.get("kind") or "")
    name = str(p.get("name") or "")
    when = ", ".join(x for x in times.get((kind, name), []) if x)
    desc = f"{point_label(kind, lang)}: {name}" + (f" — {t('head', lang)} {when}" if when else "")
    return f"{point_label(kind, lang)}: {name}", desc


def gpx_text(schedule: dict[str, Any], route_geojson: dict[str, Any], *, lang: str = "vi") -> str:
    """The route as GPX 1.1: one track, one segment per street stretch, waypoints for start, U-turns and end.

    Parameters
    ----------
    schedule : dict
        The schedule (names and times).
    route_geojson : dict
        The route FeatureCollection.
    lang : {"vi", "en"}
        Language of names.

    Returns
    -------
    str
    """
    import gpxpy.gpx

    g = gpxpy.gpx.GPX()
    g.creator = "paradeplan"
    g.name = _title(schedule)
    g.description = f"{t('route', lang)} — {parade_date(schedule).isoformat()}. {attribution(schedule)}"
    g.author_name = "paradeplan"
    g.copyright_author = "OpenStreetMap contributors"
    g.copyright_license = "https://opendatacommons.org/licenses/odbl/1-0/"
    g.copyright_year = str(parade_date(schedule).year)
    g.link = "https://www.openstreetmap.org/copyright"
    g.link_text = "© OpenStreetMap contributors"
    times = _point_times(schedule)
    for f in _points(route_geojson):
        p = f.get("properties") or {}
        lon, lat = f["geometry"]["coordinates"][:2]
        name, desc = _point_name(p, times, lang)
        wp = gpxpy.gpx.GPXWaypoint(latitude=float(lat), longitude=float(lon), name=name, description=desc)
        wp.symbol = {"uturn": "Flag, Red", "start": "Flag, Green", "end": "Flag, Blue"}.get(str(p.get("kind")),
                                                                                          "Flag, Green")
        wp.type = str(p.get("kind") or "")
        g.waypoints.append(wp)
    trk = gpxpy.gpx.GPXTrack(name=_title(schedule), description=attribution(schedule))
    g.tracks.append(trk)
    for f in _lines(route_geojson):
        seg = gpxpy.gpx.GPXTrackSegment()
        for lon, lat, *_ in f["geometry"]["coordinates"]:
            seg.points.append(gpxpy.gpx.GPXTrackPoint(latitude=float(lat), longitude=float(lon)))
        trk.segments.append(seg)
    return g.to_xml(version="1.1")


def write_gpx(path: Path, schedule: dict[str, Any], route_geojson: dict[str, Any], *, lang: str = "vi") -> str:
    """Write ``route.gpx`` and return its file name."""
    write_file_atomic(Path(path), gpx_text(schedule, route_geojson, lang=lang))
    return Path(path).name


def kml_text(schedule: dict[str, Any], route_geojson: dict[str, Any], *, lang: str = "vi") -> str:
    """The route as KML 2.2: a folder of LineStrings (one per stretch) and a folder of point Placemarks.

    Element ids that simplekml numbers from a process-wide counter are renumbered, so the text only depends on
    the inputs.

    Parameters
    ----------
    schedule : dict
        The schedule.
    route_geojson : dict
        The route FeatureCollection.
    lang : {"vi", "en"}
        Language of names.

    Returns
    -------
    str
    """
    import simplekml

    kml = simplekml.Kml(name=_title(schedule))
    kml.document.description = f"{t('route', lang)} — {parade_date(schedule).isoformat()}. {attribution(schedule)}"
    line_style = simplekml.Style()
    line_style.linestyle.color = "ff0000ff"  # aabbggrr: opaque red
    line_style.linestyle.width = 5
    route = kml.newfolder(name=t("route", lang))
    for f in _lines(route_geojson):
        p = f.get("properties") or {}
        coords = [(float(c[0]), float(c[1])) for c in f["geometry"]["coordinates"]]
        ls = route.newlinestring(name=_stretch_name(p, lang), coords=coords)
        ls.description = f"{p.get('street') or ''}: {float(p.get('length_m') or 0):.0f} m. {attribution(schedule)}"
        ls.tessellate = 1
        ls.style = line_style
    pts = kml.newfolder(name=t("milestone", lang))
    times = _point_times(schedule)
    for f in _points(route_geojson):
        p = f.get("properties") or {}
        lon, lat = f["geometry"]["coordinates"][:2]
        name, desc = _point_name(p, times, lang)
        pm = pts.newpoint(name=name, coords=[(float(lon), float(lat))])
        pm.description = desc
    text = kml.kml(format=True)
    mapping: dict[str, str] = {}

    def renumber(m: re.Match[str]) -> str:
        old = m.group(2)
        if old not in mapping:
            mapping[old] = f"id{len(mapping) + 1}"
        return f"{m.group(1)}{mapping[old]}"

    text = re.sub(r'(\bid="|<styleUrl>#)([A-Za-z_]*\d+)', renumber, text)
    return text


def write_kml(path: Path, schedule: dict[str, Any], route_geojson: dict[str, Any], *, lang: str = "vi") -> str:
    """Write ``route.kml`` and return its file name."""
    write_file_atomic(Path(path), kml_text(schedule, route_geojson, lang=lang))
    return Path(path).name
