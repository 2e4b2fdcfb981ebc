"""Calendar entries of a plan beyond the parade: report deadlines with reminders (VALARM), the week's activities
(all-day) and, for a plan without a parade, its ceremonies — and the ``calendar.ics`` of such a plan."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from paradeplan.i18n import N_, Msg, tr
from paradeplan.plan.model import Plan

PRODID = "-//paradeplan//paradeplan//VI"
#: Reminders before each report deadline (days).
REMIND_DAYS = (3, 1)

_L: dict[str, Msg] = {
    "due": N_("Report due (before {date}): {what}"),
    "to": N_("To: {to}"),
    "who": N_("From: {who}"),
    "remind": N_("Coming up: {what} (before {date})"),
    "who_act": N_("Held by: {who}"),
    "where": N_("Where: {where}"),
    "items": N_("Slogans: {n}"),
}


def _t(key: str, lang: str, **fmt: object) -> str:
    return tr(_L[key], lang, **fmt)


def _uid(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:24] + "@paradeplan"


def _stamp(plan: Plan) -> datetime:
    ev = plan.event
    day = ev.week_start or ev.document_date or min((d.due for d in plan.deadlines), default=date(2000, 1, 1))
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def plan_events(plan: Plan, lang: str = "vi", ceremonies: dict[str, Any] | None = None) -> list[Any]:
    """VEVENTs for the plan's report deadlines (each with reminders), activities and, when given, ceremonies.

    Parameters
    ----------
    plan : Plan
    lang : {"vi", "en"}
    ceremonies : dict, optional
        ``ceremonies.outputs.ceremonies_book``: its ceremonies become timed entries.

    Returns
    -------
    list of icalendar.Event
        In a fixed order, with content-derived UIDs and a fixed DTSTAMP (same plan → same bytes).
    """
    from icalendar import Alarm, Event

    stamp = _stamp(plan)
    out: list[Any] = []
    places = {p.id: p for p in plan.places}
    for d in sorted(plan.deadlines, key=lambda d: (d.due, d.what, d.to or "")):
        when = d.due.strftime("%d/%m/%Y")
        ev = Event()
        ev.add("uid", _uid("deadline", d.due, d.what, d.to))
        ev.add("dtstamp", stamp)
        ev.add("summary", _t("due", lang, date=when, what=d.what))
        ev.add("dtstart", d.due)
        ev.add("dtend", d.due + timedelta(days=1))
        ev.add(
            "description",
            "\n".join(
                x for x in (_t("who", lang, who=d.who) if d.who else "", _t("to", lang, to=d.to) if d.to else "") if x
            ),
        )
        for days in REMIND_DAYS:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("trigger", timedelta(days=-days))
            alarm.add("description", _t("remind", lang, what=d.what, date=when))
            ev.add_component(alarm)
        out.append(ev)
    for a in sorted(plan.activities, key=lambda a: (a.start or date.min, a.kind, a.who or "", a.name)):
        first, last = a.start or a.end, a.end or a.start
        if first is None or last is None:
            continue
        ev = Event()
        ev.add("uid", _uid("activity", a.kind, a.name, a.who, first, last))
        ev.add("dtstamp", stamp)
        ev.add("summary", f"{a.name} — {a.who}" if a.who else a.name)
        ev.add("dtstart", first)
        ev.add("dtend", last + timedelta(days=1))
        where = "; ".join(x for x in (a.where, ", ".join(places[p].name for p in a.places if p in places)) if x)
        if where:
            ev.add("location", where)
        desc = [
            x
            for x in (
                _t("who_act", lang, who=a.who) if a.who else "",
                _t("items", lang, n=len(a.items)) if a.items else "",
                *a.items,
            )
            if x
        ]
        if desc:
            ev.add("description", "\n".join(desc))
        out.append(ev)
    zone = ZoneInfo(plan.event.timezone)
    for c in (ceremonies or {}).get("ceremonies") or []:
        start = datetime.fromisoformat(str(c["start"])).replace(tzinfo=zone).astimezone(UTC)
        end = datetime.fromisoformat(str(c["end"])).replace(tzinfo=zone).astimezone(UTC)
        ev = Event()
        ev.add("uid", _uid("ceremony", c.get("id"), c.get("start")))
        ev.add("dtstamp", stamp)
        ev.add("summary", str(c.get("name") or ""))
        ev.add("dtstart", start)
        ev.add("dtend", end)
        ev.add("location", str(c.get("venue_name") or ""))
        guests = ", ".join(str(g.get("name")) for g in c.get("guests") or [])
        if guests:
            ev.add("description", guests)
        out.append(ev)
    return out


def plan_calendar(plan: Plan, lang: str = "vi", ceremonies: dict[str, Any] | None = None) -> bytes:
    """``calendar.ics`` of a plan without a parade: ceremonies, activities and deadlines with reminders."""
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", plan.event.name)
    cal.add("x-wr-timezone", plan.event.timezone)
    for ev in plan_events(plan, lang, ceremonies):
        cal.add_component(ev)
    out: bytes = cal.to_ical()
    return out
