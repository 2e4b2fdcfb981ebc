"""iCalendar pieces every calendar file shares: content-derived UIDs, the fixed DTSTAMP, a calendar, a timed event."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

#: The PRODID of every calendar paradeplan writes (ceremony itineraries and the week keep their own, as before).
PRODID = "-//paradeplan//paradeplan//VI"


def uid(*parts: object, algorithm: str = "sha256", size: int = 24) -> str:
    """A UID derived from the entry's content (same entry → same UID): ``<hex digest>@paradeplan``.

    The parade's unit calendars use ``sha1`` of 20 hex digits, the others ``sha256`` of 24 (kept so that every
    calendar keeps its bytes).
    """
    text = "|".join(str(p) for p in parts)
    return hashlib.new(algorithm, text.encode("utf-8")).hexdigest()[:size] + "@paradeplan"


def stamp(day: date) -> datetime:
    """The fixed DTSTAMP of a calendar: midnight UTC of ``day`` (same input → same bytes)."""
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def calendar(name: str, prodid: str = PRODID, timezone: str | None = None, *, gregorian: bool = False) -> Any:
    """An empty VCALENDAR with its name (and, when given, its scale and time zone properties)."""
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    if gregorian:
        cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    if timezone is not None:
        cal.add("x-wr-timezone", timezone)
    return cal


def timed_event(
    summary: str,
    start: datetime,
    end: datetime,
    tz: str,
    location: str,
    event_uid: str,
    dtstamp: datetime,
    description: str = "",
) -> Any:
    """A VEVENT from local ``start``/``end`` in zone ``tz``, written in UTC."""
    from icalendar import Event

    zone = ZoneInfo(tz)
    ev = Event()
    ev.add("uid", event_uid)
    ev.add("dtstamp", dtstamp)
    ev.add("summary", summary)
    ev.add("dtstart", start.replace(tzinfo=zone).astimezone(UTC))
    ev.add("dtend", end.replace(tzinfo=zone).astimezone(UTC))
    ev.add("location", location)
    if description:
        ev.add("description", description)
    return ev
