"""Clock times as seconds since midnight: the one place that turns them into and out of ``HH:MM[:SS]`` text.

Every stage computes with whole or fractional seconds since local midnight of the event's day; text appears only
where a file is read or written, or a person reads it. Checkers use it too: it computes nothing a solver decides.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, time

_CLOCK_RE = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


def of_time(t: time) -> int:
    """Seconds since midnight of a clock time (``datetime.time``)."""
    return t.hour * 3600 + t.minute * 60 + t.second


def minutes(t: time) -> int:
    """Whole minutes since midnight of a clock time (the ceremony and week models count minutes)."""
    return t.hour * 60 + t.minute


def whole(s: float) -> int:
    """Seconds rounded half up to a whole second (``07:00:00.5`` is ``07:00:01``)."""
    return int(math.floor(s + 0.5))


def hms(s: float) -> str:
    """Seconds since midnight as ``HH:MM:SS``, rounded half up to the second."""
    n = whole(s)
    return f"{n // 3600:02d}:{n % 3600 // 60:02d}:{n % 60:02d}"


def hm(s: float) -> str:
    """Seconds since midnight as ``HH:MM``, rounded down to the minute (as a run-sheet shows a time)."""
    n = int(s)
    return f"{n // 3600:02d}:{n % 3600 // 60:02d}"


def hm_or_blank(s: float | None) -> str:
    """``HH:MM`` of a time, empty for None (what a table cell or a popup shows)."""
    return "" if s is None else hm(s)


def hm_at(dt: datetime | time) -> str:
    """``HH:MM`` of a local date-time or clock time."""
    return f"{dt.hour:02d}:{dt.minute:02d}"


def iso_local(dt: datetime) -> str:
    """A local date-time as files publish it: ``YYYY-MM-DDTHH:MM:SS`` (no zone, no fraction)."""
    return dt.isoformat(timespec="seconds")


def hm_of(value: object) -> str:
    """``HH:MM`` of an ISO date-time (``2021-10-01T07:30:00``) or clock text; empty for None or other text."""
    text = "" if value is None else str(value)
    text = text[11:] if "T" in text else text
    s = parse(text[:8]) if text else None
    return "" if s is None else hm(s)


def parse(text: str) -> int | None:
    """``HH:MM:SS`` or ``HH:MM`` as seconds since midnight; ``None`` when it is not a time of day."""
    m = _CLOCK_RE.match(text)
    if not m:
        return None
    h, mi, s = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    if h > 23 or mi > 59 or s > 59:
        return None
    return h * 3600 + mi * 60 + s


def parse_required(text: str) -> int:
    """Like :func:`parse` for text already validated at the file boundary; raises ``ValueError`` otherwise."""
    value = parse(text)
    if value is None:
        raise ValueError(f"{text!r} is not a time of day")
    return value
