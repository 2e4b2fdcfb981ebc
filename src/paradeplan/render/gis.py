"""Route exchange files for map apps: route.gpx (gpxpy) and route.kml (simplekml), with attribution."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from paradeplan import clock
from paradeplan.outputs import write_file_atomic
from paradeplan.parade.schedule import ParadeSchedule
from paradeplan.render.i18n import point_label, t
from paradeplan.route.exports import line_coords
from paradeplan.route.model import Route, RoutePoint, Stretch

log = logging.getLogger(__name__)

#: Point kinds that become waypoints / placemarks (junctions are left out: too many for a phone screen).
WAYPOINT_KINDS = ("assembly", "start", "uturn", "end")


def _lines(route: Route) -> list[Stretch]:
    return sorted(route.stretches, key=lambda s: s.seq)


def _points(route: Route) -> list[RoutePoint]:
    return [p for p in route.points if p.kind in WAYPOINT_KINDS]


def _point_times(schedule: ParadeSchedule) -> dict[tuple[str, str], list[str]]:
    """Head times by (kind, name) from the timetable, in route order."""
    out: dict[tuple[str, str], list[str]] = {}
    for r in schedule.timetable:
        out.setdefault((r.kind, r.name), []).append(clock.hm_or_blank(r.head_s))
    return out


def _title(schedule: ParadeSchedule) -> str:
    return schedule.parade.name or schedule.event.name or "paradeplan"


def _stretch_name(s: Stretch) -> str:
    name = f"{s.seq:02d}. {s.street}"
    if s.from_label or s.to_label:
        name += f" ({s.from_label} → {s.to_label})"
    return name


def _point_name(p: RoutePoint, times: dict[tuple[str, str], list[str]], lang: str) -> tuple[str, str]:
    when = ", ".join(x for x in times.get((p.kind, p.name), []) if x)
    desc = f"{point_label(p.kind, lang)}: {p.name}" + (f" — {t('head', lang)} {when}" if when else "")
    return f"{point_label(p.kind, lang)}: {p.name}", desc


def gpx_text(schedule: ParadeSchedule, route: Route, *, lang: str = "vi") -> str:
    """The route as GPX 1.1: one track, one segment per street stretch, waypoints for start, U-turns and end.

    Parameters
    ----------
    schedule : ParadeSchedule
        The schedule (names and times).
    route : Route
        The resolved route.
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
    g.description = f"{t('route', lang)} — {schedule.parade.date.isoformat()}. {schedule.attribution}"
    g.author_name = "paradeplan"
    g.copyright_author = "OpenStreetMap contributors"
    g.copyright_license = "https://opendatacommons.org/licenses/odbl/1-0/"
    g.copyright_year = str(schedule.parade.date.year)
    g.link = "https://www.openstreetmap.org/copyright"
    g.link_text = "© OpenStreetMap contributors"
    times = _point_times(schedule)
    for p in _points(route):
        name, desc = _point_name(p, times, lang)
        wp = gpxpy.gpx.GPXWaypoint(latitude=p.lat, longitude=p.lon, name=name, description=desc)
        wp.symbol = {"uturn": "Flag, Red", "start": "Flag, Green", "end": "Flag, Blue"}.get(p.kind, "Flag, Green")
        wp.type = p.kind
        g.waypoints.append(wp)
    trk = gpxpy.gpx.GPXTrack(name=_title(schedule), description=schedule.attribution)
    g.tracks.append(trk)
    for st in _lines(route):
        seg = gpxpy.gpx.GPXTrackSegment()
        for lat, lon in line_coords(st):
            seg.points.append(gpxpy.gpx.GPXTrackPoint(latitude=lat, longitude=lon))
        trk.segments.append(seg)
    return g.to_xml(version="1.1")


def write_gpx(path: Path, schedule: ParadeSchedule, route: Route, *, lang: str = "vi") -> str:
    """Write ``route.gpx`` and return its file name."""
    write_file_atomic(Path(path), gpx_text(schedule, route, lang=lang))
    return Path(path).name


def kml_text(schedule: ParadeSchedule, route: Route, *, lang: str = "vi") -> str:
    """The route as KML 2.2: a folder of LineStrings (one per stretch) and a folder of point Placemarks.

    Element ids that simplekml numbers from a process-wide counter are renumbered, so the text only depends on
    the inputs.

    Parameters
    ----------
    schedule : ParadeSchedule
        The schedule.
    route : Route
        The resolved route.
    lang : {"vi", "en"}
        Language of names.

    Returns
    -------
    str
    """
    import simplekml

    kml = simplekml.Kml(name=_title(schedule))
    kml.document.description = f"{t('route', lang)} — {schedule.parade.date.isoformat()}. {schedule.attribution}"
    line_style = simplekml.Style()
    line_style.linestyle.color = "ff0000ff"  # aabbggrr: opaque red
    line_style.linestyle.width = 5
    folder = kml.newfolder(name=t("route", lang))
    for st in _lines(route):
        coords = [(lon, lat) for lat, lon in line_coords(st)]
        ls = folder.newlinestring(name=_stretch_name(st), coords=coords)
        ls.description = f"{st.street}: {st.length_m:.0f} m. {schedule.attribution}"
        ls.tessellate = 1
        ls.style = line_style
    pts = kml.newfolder(name=t("milestone", lang))
    times = _point_times(schedule)
    for p in _points(route):
        name, desc = _point_name(p, times, lang)
        pm = pts.newpoint(name=name, coords=[(p.lon, p.lat)])
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


def write_kml(path: Path, schedule: ParadeSchedule, route: Route, *, lang: str = "vi") -> str:
    """Write ``route.kml`` and return its file name."""
    write_file_atomic(Path(path), kml_text(schedule, route, lang=lang))
    return Path(path).name
