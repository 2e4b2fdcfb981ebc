"""Calendar files: one .ics per unit and a combined calendar.ics (Asia/Ho_Chi_Minh, map links, stable UIDs)."""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from paradeplan import clock
from paradeplan.i18n import gettext
from paradeplan.outputs import write_file_atomic
from paradeplan.parade.schedule import ParadeSchedule, UnitRow
from paradeplan.render import ics
from paradeplan.render.common import milestones, run_rows, staging_of, unit_label, units_sorted
from paradeplan.render.i18n import t

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CalEvent:
    """One calendar entry before it becomes a VEVENT."""

    start_s: int
    end_s: int
    summary: str
    location: str
    description: str
    lat: float | None
    lon: float | None
    unit: str
    exact: bool = False
    """Times to the second (milestones); run-sheet entries are to the minute."""

    @property
    def start_key(self) -> str:
        """The start as the entry's identity uses it."""
        return clock.hms(self.start_s) if self.exact else clock.hm(self.start_s)

    @property
    def end_key(self) -> str:
        """The end as the entry's identity uses it."""
        return clock.hms(self.end_s) if self.exact else clock.hm(self.end_s)


def map_link(lat: float | None, lon: float | None) -> str:
    """An OpenStreetMap link centred on the coordinates (empty when unknown)."""
    if lat is None or lon is None:
        return ""
    return f"https://www.openstreetmap.org/?mlat={float(lat):.6f}&mlon={float(lon):.6f}#map=17/{float(lat):.6f}/{float(lon):.6f}"


def unit_events(schedule: ParadeSchedule, unit: UnitRow, lang: str) -> list[CalEvent]:
    """The calendar entries of one unit: the drive to the assembly, each post or the ride, onward legs."""
    uid = unit.unit
    label = unit_label(unit)
    out: list[CalEvent] = []
    stag = staging_of(schedule).get(uid)
    assembly = schedule.parade.assembly
    if stag and stag.leave_base_s is not None:
        out.append(
            CalEvent(
                stag.leave_base_s,
                stag.arrive_s,
                f"{t('staging', lang)} — {label}",
                assembly.name,
                f"{t('assembly_place', lang)}: {assembly.name}",
                assembly.lat,
                assembly.lon,
                uid,
                True,
            )
        )
    for r in run_rows(schedule, unit, lang):
        # a run-sheet line shows minutes: so does its calendar entry
        start = r.arrive_s if r.arrive_s is not None else r.hold_from_s
        end = r.release_s if r.release_s is not None else (r.hold_from_s if r.hold_from_s is not None else start)
        if start is None or end is None:
            continue
        start, end = start // 60 * 60, end // 60 * 60
        desc = "\n".join(
            x
            for x in (
                f"{t('unit', lang)}: {label}",
                f"{t('post_or_position', lang)}: {r.what}",
                f"{t('arrive_by', lang)}: {r.arrive}" if r.arrive else "",
                f"{t('hold_from', lang)}: {r.hold_from}" if r.hold_from else "",
                f"{t('release_at', lang)}: {r.release_at}" if r.release_at else "",
                f"{t('next_move', lang)}: {r.next_move}" if r.next_move else "",
                map_link(r.lat, r.lon),
            )
            if x
        )
        out.append(CalEvent(start, end, f"{r.what}: {r.place} — {label}", r.place, desc, r.lat, r.lon, uid))
    return out


def _dt(day: date, s: int, tz: ZoneInfo) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=tz) + timedelta(seconds=s)


@functools.lru_cache(maxsize=8)
def _vtimezone(tzid: str) -> Any:
    """The VTIMEZONE of a zone (icalendar's, over its default years), built once per process: it is the slow
    part of a calendar and the same for all of them; components are only read when written out."""
    from icalendar import Timezone

    try:
        return Timezone.from_tzid(tzid)
    except ValueError:  # a zone icalendar does not know gets no VTIMEZONE, as with add_missing_timezones
        return None


def _vevent(schedule: ParadeSchedule, ev: CalEvent, uid: str, tz: ZoneInfo, tentative: str = "") -> bytes:
    """One VEVENT block, as icalendar writes it inside a calendar (``tentative``: why its times are not decided yet,
    said in its description, with the standard STATUS:TENTATIVE)."""
    from icalendar import Event, vGeo

    day = schedule.parade.date
    start = _dt(day, ev.start_s, tz)
    end = _dt(day, ev.end_s, tz)
    if end <= start:
        end = start + timedelta(minutes=1)
    vev = Event()
    vev.add("uid", uid)
    vev.add("dtstamp", ics.stamp(day))
    vev.add("dtstart", start)
    vev.add("dtend", end)
    vev.add("summary", ev.summary)
    if ev.location:
        vev.add("location", ev.location)
    link = map_link(ev.lat, ev.lon)
    vev.add("description", ev.description + (f"\n{tentative}" if tentative else "") + f"\n{schedule.attribution}")
    if tentative:
        vev.add("status", "TENTATIVE")
    if link:
        vev.add("url", link)
    if ev.lat is not None and ev.lon is not None:
        vev.add("geo", vGeo((float(ev.lat), float(ev.lon))))
    block: bytes = vev.to_ical()
    return block


def _calendar(
    schedule: ParadeSchedule,
    events: list[CalEvent],
    name: str,
    extra: tuple[Any, ...] = (),
    blocks: dict[tuple[str, CalEvent], bytes] | None = None,
    tentative: str = "",
) -> bytes:
    """A VCALENDAR: its properties, the VTIMEZONE its times need, its events in time order, then ``extra``.

    A calendar's text is its own lines followed by each component's block, so each VEVENT is written by
    icalendar once and its block reused (``blocks``) when the same entry is in several calendars (every unit's
    entry is in its own calendar and in the combined one): writing the blocks is most of the calendars' time.
    """
    from icalendar import Calendar

    day = schedule.parade.date
    tzname = schedule.event.timezone or "Asia/Ho_Chi_Minh"
    tz = ZoneInfo(tzname)
    cal = ics.calendar(name, timezone=tzname, gregorian=True)
    blocks = {} if blocks is None else blocks
    seen: dict[str, int] = {}
    body: list[bytes] = []
    for ev in sorted(events, key=lambda e: (e.start_s, e.end_s, e.unit, e.summary, e.description)):
        key = "|".join((day.isoformat(), ev.unit, ev.start_key, ev.end_key, ev.summary, ev.location, ev.description))
        seen[key] = seen.get(key, 0) + 1
        uid = ics.uid(key, seen[key], algorithm="sha1", size=20)
        if (uid, ev) not in blocks:
            blocks[(uid, ev)] = _vevent(schedule, ev, uid, tz, tentative)
        body.append(blocks[(uid, ev)])
    for component in extra:  # the plan's deadlines (with reminders) and activities: render.reminders
        cal.add_component(component)
    tzids = cal.get_missing_tzids() | ({tzname} if events else set())
    first = len(cal.timezones)
    for i, tzid in enumerate(sorted(tzids)):  # as add_missing_timezones, each zone built once
        zone = _vtimezone(tzid)
        if zone is not None:
            cal.subcomponents.insert(first + i, zone)
    head = Calendar(cal)  # the properties and the zones, then the events, then the extra components
    head.subcomponents = [c for c in cal.subcomponents if c.name == "VTIMEZONE"]
    end = b"END:VCALENDAR\r\n"
    text: bytes = head.to_ical()
    assert text.endswith(end)
    tail = b"".join(c.to_ical() for c in cal.subcomponents if c.name != "VTIMEZONE")
    return text[: -len(end)] + b"".join(body) + tail + end


def _safe_name(uid: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", uid).strip("._") or "unit"


def calendar_files(
    schedule: ParadeSchedule, *, lang: str = "vi", plan: Any = None, placeholders: frozenset[str] = frozenset()
) -> dict[str, bytes]:
    """Every calendar file by relative name: ``calendars/<unit>.ics`` and the combined ``calendar.ics``.

    Parameters
    ----------
    schedule : ParadeSchedule
        The schedule.
    lang : {"vi", "en"}
        Language of titles and descriptions.
    plan : Plan, optional
        Its report deadlines (with reminders) and activities join the combined ``calendar.ics``.
    placeholders : frozenset of str
        The parade's facts still open (``plan.rules.parade_placeholders``): when the times follow one, every entry
        says so and is tentative.

    Returns
    -------
    dict of str to bytes
    """
    from paradeplan.plan.rules import TIME_FACTS

    parade = schedule.parade
    title = parade.name or schedule.event.name or "paradeplan"
    tentative = (
        gettext("These times follow a time not decided yet: they change with it.", lang)
        if placeholders & TIME_FACTS
        else ""
    )
    files: dict[str, bytes] = {}
    everything: list[CalEvent] = []
    used: set[str] = set()
    blocks: dict[tuple[str, CalEvent], bytes] = {}
    for unit in units_sorted(schedule):
        evs = unit_events(schedule, unit, lang)
        everything.extend(evs)
        fname = _safe_name(unit.unit)
        while fname in used:
            fname += "_"
        used.add(fname)
        name = f"{title} — {unit_label(unit)}"
        files[f"calendars/{fname}.ics"] = _calendar(schedule, evs, name, blocks=blocks, tentative=tentative)
    assembly = parade.assembly
    for m in milestones(schedule, lang):
        if m.lane in ("assembly", "head") and m.key in ("assembly", "departure", "finish_head"):
            everything.append(
                CalEvent(
                    m.time_s,
                    m.time_s,
                    f"{m.label} — {title}",
                    assembly.name,
                    m.label,
                    assembly.lat,
                    assembly.lon,
                    "",
                    True,
                )
            )
    everything.append(
        CalEvent(
            parade.departure_s,
            parade.finish_tail_s,
            title,
            assembly.name,
            f"{t('departure', lang)} – {t('finish_tail', lang)}",
            assembly.lat,
            assembly.lon,
            "",
            True,
        )
    )
    from paradeplan.render.reminders import plan_events

    extra = tuple(plan_events(plan, lang)) if plan is not None else ()
    files["calendar.ics"] = _calendar(schedule, everything, title, extra, blocks=blocks, tentative=tentative)
    return files


def write_calendars(
    folder: Path,
    schedule: ParadeSchedule,
    *,
    lang: str = "vi",
    plan: Any = None,
    placeholders: frozenset[str] = frozenset(),
) -> list[str]:
    """Write the calendar files into ``folder`` and return their relative names."""
    files = calendar_files(schedule, lang=lang, plan=plan, placeholders=placeholders)
    for name, data in files.items():
        write_file_atomic(Path(folder) / name, data)
    return sorted(files)
