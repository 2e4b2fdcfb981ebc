"""The week's calendar as outputs: week.json, week.md, week.ics and what the plan book shows of it."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from paradeplan import clock
from paradeplan.i18n import N_, gettext
from paradeplan.outputs import dumps_json
from paradeplan.render import ics
from paradeplan.render.ceremonies import PRODID

if TYPE_CHECKING:
    from paradeplan.ceremonies.files import WeekFile
    from paradeplan.ceremonies.schedule import WeekSchedule


_L: dict[str, str] = {"week": N_("Week calendar"), "uses": N_("uses"), "unmet": N_("Unmet")}


def week_to_json(week: WeekSchedule) -> dict[str, Any]:
    """The week's calendar as ``paradeplan.week/1`` JSON (local ISO date-times, sorted), written by the file's one
    TypeAdapter (:mod:`paradeplan.ceremonies.files`)."""
    from paradeplan.ceremonies.files import week_json

    return week_json(week_file(week))


def week_file(week: WeekSchedule) -> WeekFile:
    """What ``week.json`` holds: the status, the rounds placed (by start), those not placed."""
    from paradeplan.ceremonies.files import RoundRow, UnplacedRow, WeekFile

    return WeekFile(
        status=week.status,
        rounds=tuple(
            RoundRow(r.round_id, r.name, r.start.date(), r.start, r.end, r.place, r.uses)
            for r in sorted(week.placed, key=lambda r: (r.start, r.round_id))
        ),
        unplaced=tuple(UnplacedRow(u.round_id, u.reason, u.fixes) for u in week.unplaced),
    )


def week_ics(week: WeekSchedule) -> bytes:
    """The week's calendar as iCalendar bytes (deterministic)."""
    cal = ics.calendar(f"{week.plan.event.name} — rounds", PRODID)
    places = {p.id: p.name for p in week.plan.places}
    first = min((r.start for r in week.placed), default=datetime(2000, 1, 1))
    stamp = ics.stamp(first.date())
    for r in sorted(week.placed, key=lambda r: (r.start, r.round_id)):
        cal.add_component(
            ics.timed_event(
                r.name,
                r.start,
                r.end,
                week.plan.event.timezone,
                places.get(r.place or "", r.place or ""),
                ics.uid("round", r.round_id, r.start),
                stamp,
                "uses: " + ", ".join(r.uses),
            )
        )
    out: bytes = cal.to_ical()
    return out


def week_text(week: WeekSchedule, lang: str = "vi") -> str:
    """The week's calendar as Markdown, day by day."""
    lab = {key: gettext(msg, lang) for key, msg in _L.items()}
    lines = [f"# {lab['week']}: {week.plan.event.name}", ""]
    day = None
    for r in sorted(week.placed, key=lambda r: (r.start, r.round_id)):
        if r.start.date() != day:
            day = r.start.date()
            lines += ["", f"## {day.isoformat()}", ""]
        lines.append(f"- {r.start:%H:%M}–{r.end:%H:%M} {r.name} ({lab['uses']}: {', '.join(r.uses)})")
    if week.unplaced:
        lines += ["", f"## {lab['unmet']}", ""]
        for u in week.unplaced:
            lines.append(f"- {u.round_id}: {u.reason}; " + "; ".join(u.fixes))
    return "\n".join(lines) + "\n"


def week_book(week: WeekSchedule) -> dict[str, Any]:
    """What the plan book shows of the week's calendar, as plain values with places and units named.

    Parameters
    ----------
    week : WeekSchedule

    Returns
    -------
    dict
        ``{"event", "status", "rounds", "unplaced"}``; rounds sorted by start, with ``place_name`` and ``uses``
        as display names.
    """
    plan = week.plan
    places = {p.id: p.name for p in plan.places}
    units: dict[str, str] = {}
    for parade in plan.parades:
        for g in parade.groups:
            units[g.id] = g.name or g.id
            units.update({v.id: v.name or g.name or v.id for v in g.vehicles})
    units.update({tm.id: tm.name for tm in plan.teams})
    round_names = {r.id: r.name for r in plan.rounds}
    rounds = [
        {
            "id": r.round_id,
            "name": r.name,
            "date": r.start.date().isoformat(),
            "start": clock.iso_local(r.start),
            "end": clock.iso_local(r.end),
            "place": r.place,
            "place_name": places.get(r.place or "", r.place or ""),
            "uses": [units.get(u, u) for u in r.uses],
        }
        for r in sorted(week.placed, key=lambda r: (r.start, r.round_id))
    ]
    unplaced = [
        {"id": u.round_id, "name": round_names.get(u.round_id, u.round_id), "reason": u.reason, "fixes": list(u.fixes)}
        for u in week.unplaced
    ]
    return {"event": plan.event.name, "status": week.status, "rounds": rounds, "unplaced": unplaced}


def week_files(week: WeekSchedule, lang: str = "vi") -> dict[str, bytes | str]:
    """Every week output, as relative path → content: week.json, week.md, week.ics."""
    return {
        "week.json": dumps_json(week_to_json(week)),
        "week.md": week_text(week, lang),
        "week.ics": week_ics(week),
    }
