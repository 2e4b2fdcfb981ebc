"""Calendar entries of a plan beyond the parade: report deadlines with reminders (VALARM), the week's activities
(all-day) and, for a plan without a parade, its ceremonies — and the ``calendar.ics`` of such a plan."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from paradeplan.i18n import N_, Msg, gettext, tr
from paradeplan.plan.model import Activity, Deadline, Place, Plan
from paradeplan.render import ics

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


def _stamp(plan: Plan) -> datetime:
    ev = plan.event
    first_due = min((d.due for d in plan.deadlines), default=date(2000, 1, 1))
    return ics.stamp(ev.week_start or ev.document_date or first_due)


def plan_events(plan: Plan, lang: str = "vi", ceremonies: dict[str, Any] | None = None) -> list[Any]:
    """VEVENTs for the plan's report deadlines (each with reminders), activities and, when given, ceremonies.

    Parameters
    ----------
    plan : Plan
    lang : {"vi", "en"}
    ceremonies : dict, optional
        ``render.ceremonies.ceremonies_book``: its ceremonies become timed entries.

    Returns
    -------
    list of icalendar.Event
        In a fixed order, with content-derived UIDs and a fixed DTSTAMP (same plan → same bytes).
    """
    stamp = _stamp(plan)
    places = {p.id: p for p in plan.places}
    out = [_deadline_event(d, lang, stamp) for d in sorted(plan.deadlines, key=lambda d: (d.due, d.what, d.to or ""))]
    for a in sorted(plan.activities, key=lambda a: (a.start or date.min, a.kind, a.who or "", a.name)):
        if a.start or a.end:
            out.append(_activity_event(a, places, lang, stamp))
    from paradeplan.plan.rules import placeholders

    open_venue, open_time = placeholders(plan)
    tbd = f" ({gettext('not decided yet', lang)})"
    for c in (ceremonies or {}).get("ceremonies") or []:
        guests = ", ".join(str(g.get("name")) for g in c.get("guests") or [])
        if c.get("id") in open_time:  # a placeholder time: said so where the reader sees the event
            guests = "; ".join(x for x in (gettext("time not decided yet", lang), guests) if x)
        out.append(
            ics.timed_event(
                str(c.get("name") or ""),
                datetime.fromisoformat(str(c["start"])),
                datetime.fromisoformat(str(c["end"])),
                plan.event.timezone,
                str(c.get("venue_name") or "") + (tbd if c.get("id") in open_venue else ""),
                ics.uid("ceremony", c.get("id"), c.get("start")),
                stamp,
                guests,
            )
        )
    return out


def _deadline_event(d: Deadline, lang: str, stamp: datetime) -> Any:
    """An all-day VEVENT on a report's due date, with a reminder some days before (:data:`REMIND_DAYS`)."""
    from icalendar import Alarm, Event

    when = d.due.strftime("%d/%m/%Y")
    ev = Event()
    ev.add("uid", ics.uid("deadline", d.due, d.what, d.to))
    ev.add("dtstamp", stamp)
    ev.add("summary", _t("due", lang, date=when, what=d.what))
    ev.add("dtstart", d.due)
    ev.add("dtend", d.due + timedelta(days=1))
    who_to = (_t("who", lang, who=d.who) if d.who else "", _t("to", lang, to=d.to) if d.to else "")
    ev.add("description", "\n".join(x for x in who_to if x))
    for days in REMIND_DAYS:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", timedelta(days=-days))
        alarm.add("description", _t("remind", lang, what=d.what, date=when))
        ev.add_component(alarm)
    return ev


def _activity_event(a: Activity, places: dict[str, Place], lang: str, stamp: datetime) -> Any:
    """An all-day VEVENT over an activity's days, with where it is held and its slogans."""
    from icalendar import Event

    first, last = a.start or a.end, a.end or a.start
    assert first is not None and last is not None
    ev = Event()
    ev.add("uid", ics.uid("activity", a.kind, a.name, a.who, first, last))
    ev.add("dtstamp", stamp)
    ev.add("summary", f"{a.name} — {a.who}" if a.who else a.name)
    ev.add("dtstart", first)
    ev.add("dtend", last + timedelta(days=1))
    where = "; ".join(x for x in (a.where, ", ".join(places[p].name for p in a.places if p in places)) if x)
    if where:
        ev.add("location", where)
    who = _t("who_act", lang, who=a.who) if a.who else ""
    items = _t("items", lang, n=len(a.items)) if a.items else ""
    desc = [x for x in (who, items, *a.items) if x]
    if desc:
        ev.add("description", "\n".join(desc))
    return ev


def plan_calendar(plan: Plan, lang: str = "vi", ceremonies: dict[str, Any] | None = None) -> bytes:
    """``calendar.ics`` of a plan without a parade: ceremonies, activities and deadlines with reminders."""
    cal = ics.calendar(plan.event.name, timezone=plan.event.timezone, gregorian=True)
    for ev in plan_events(plan, lang, ceremonies):
        cal.add_component(ev)
    out: bytes = cal.to_ical()
    return out
