"""Ceremony outputs as plain values: ceremonies.json, solver report, run-of-show, itineraries, .ics, map data, book."""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING, Any

from paradeplan import clock
from paradeplan.i18n import N_, gettext, short_date
from paradeplan.outputs import dumps_json
from paradeplan.render import ics

if TYPE_CHECKING:
    from paradeplan.ceremonies.files import CeremoniesFile
    from paradeplan.ceremonies.instance import CeremonyIn
    from paradeplan.ceremonies.schedule import Attendance, CeremonySchedule

log = logging.getLogger(__name__)

#: The PRODID of the ceremony and week calendars.
PRODID = "-//paradeplan//ceremonies//VI"

_L: dict[str, str] = {
    "program": N_("Program"),
    "guests": N_("Guests and teams"),
    "none": N_("(none)"),
    "itinerary": N_("Itinerary"),
    "unmet": N_("Unmet"),
    "required": N_("required"),
    "wished": N_("wished"),
    "speaker": N_("speaker"),
    "date": N_("Date"),
}


#: Seconds in a minute (the ceremonies' programs give minutes, the schedule seconds).
MIN_S = 60


def _travel_min(t: Attendance) -> int | None:
    """The travel allowed before an attendance, in whole minutes as the files publish it."""
    return None if t.travel_s is None else t.travel_s // MIN_S


def _labels(lang: str) -> dict[str, str]:
    return {key: gettext(msg, lang) for key, msg in _L.items()}


def _marked(text: str, placeholder: bool, lang: str) -> str:
    """``text``, followed by "(chưa xác định)" when it is a placeholder the plan still leaves open."""
    return gettext("{value} (not decided yet)", lang).format(value=text) if placeholder else text


def _open(sched: CeremonySchedule) -> tuple[frozenset[str], frozenset[str]]:
    """Ids of the ceremonies whose venue, and whose time, are placeholders (``plan.rules.placeholders``)."""
    from paradeplan.plan.rules import placeholders

    return placeholders(sched.plan)


def _travel(minutes: int, place_id: str | None, sched: CeremonySchedule, lang: str) -> str:
    """The way there ("di chuyển 86 phút từ UBND tỉnh Long An"): the place by its name, never its id."""
    names = {p.id: p.name for p in sched.plan.places}
    place = names.get(place_id or "", place_id or "")
    return gettext("travel {n} min from {place}", lang).format(n=minutes, place=place)


def ceremonies_to_json(sched: CeremonySchedule) -> dict[str, Any]:
    """The schedule in the ``paradeplan.ceremonies/1`` form (local ISO date-times, sorted).

    Parameters
    ----------
    sched : CeremonySchedule

    Returns
    -------
    dict
        ``{"format", "ceremonies", "people", "attendance", "unmet"}``, written by the file's one TypeAdapter
        (:mod:`paradeplan.ceremonies.files`).
    """
    from paradeplan.ceremonies.files import ceremonies_json

    return ceremonies_json(ceremonies_file(sched))


def ceremonies_file(sched: CeremonySchedule) -> CeremoniesFile:
    """What ``ceremonies.json`` holds of a schedule: ceremonies by start, people by id, attendances by person and
    arrival, what stays unmet."""
    from paradeplan.ceremonies.files import AttendanceRow, CeremoniesFile, CeremonyRow, PersonRow, UnmetRow

    inst = sched.instance
    places = {p.id: p for p in sched.plan.places}
    people = []
    for a in sorted(inst.attendees, key=lambda a: a.id):
        base = places.get(a.base) if a.base else None
        people.append(
            PersonRow(a.id, a.name, a.role, a.speed_kmh, base.lat if base else None, base.lon if base else None)
        )
    return CeremoniesFile(
        ceremonies=tuple(
            CeremonyRow(
                c.id,
                c.name,
                c.venue,
                c.latlon[0],
                c.latlon[1],
                sched.at(sched.starts_s[c.id]),
                sched.at(sched.end_s(c.id)),
            )
            for c in sorted(inst.ceremonies, key=lambda c: (sched.starts_s[c.id], c.id))
        ),
        people=tuple(people),
        attendance=tuple(
            AttendanceRow(t.attendee, t.ceremony, sched.at(t.arrive_s), sched.at(t.leave_s), _travel_min(t))
            for t in sorted(sched.attendance, key=lambda t: (t.attendee, t.arrive_s, t.ceremony))
        ),
        unmet=tuple(UnmetRow(u.attendee, u.ceremony, u.required, u.reason) for u in sched.unmet),
    )


def solver_report(sched: CeremonySchedule) -> dict[str, Any]:
    """Solver status, objective, bound and optimality gap of a schedule (no wall-clock time: same input, same bytes;
    the solve time is logged by :func:`ceremony_files`)."""
    wished = sum(1 for n in sched.instance.needs if n.wished and not n.required)
    met = {(t.attendee, t.ceremony) for t in sched.attendance}
    wished_met = sum(1 for n in sched.instance.needs if n.wished and not n.required and (n.attendee, n.ceremony) in met)
    return {
        "status": sched.status,
        "objective": sched.objective,
        "bound": sched.bound,
        "gap": round(sched.gap, 6),
        "relaxed": sched.relaxed,
        "attendances": len(sched.attendance),
        "wishes": wished,
        "wishes_met": wished_met,
        "unmet": len(sched.unmet),
    }


def run_of_show(sched: CeremonySchedule, ceremony_id: str, lang: str = "vi") -> str:
    """One ceremony's run-of-show with clock times (Markdown).

    Parameters
    ----------
    sched : CeremonySchedule
    ceremony_id : str
    lang : str
        ``vi`` or ``en``.

    Returns
    -------
    str
    """
    lab = _labels(lang)
    inst = sched.instance
    c = inst.ceremony(ceremony_id)
    s = sched.starts_s[c.id]
    names = {a.id: a.name for a in inst.attendees}
    open_venue, open_time = _open(sched)
    lines = [
        f"## {c.name}",
        "",
        _marked(c.venue_name, c.id in open_venue, lang)
        + " — "
        + _marked(
            f"{lab['date']} {short_date(c.day, lang)}, {sched.at(s):%H:%M}–{sched.at(sched.end_s(c.id)):%H:%M}",
            c.id in open_time,
            lang,
        ),
        "",
        f"### {lab['program']}",
        "",
    ]
    if c.items:
        for it in c.items:
            who = f" ({lab['speaker']}: {names.get(it.speaker, it.speaker)})" if it.speaker else ""
            begin, end = s + it.offset * MIN_S, s + (it.offset + it.duration) * MIN_S
            lines.append(f"- {sched.at(begin):%H:%M}–{sched.at(end):%H:%M} {it.title}{who}")
    else:
        lines.append(f"- {sched.at(s):%H:%M}–{sched.at(sched.end_s(c.id)):%H:%M} {c.name}")
    lines += ["", f"### {lab['guests']}", ""]
    here = sorted((t for t in sched.attendance if t.ceremony == c.id), key=lambda t: (t.arrive_s, t.attendee))
    lines += [f"- {sched.at(t.arrive_s):%H:%M}–{sched.at(t.leave_s):%H:%M} {names[t.attendee]}" for t in here]
    if not here:
        lines.append(f"- {lab['none']}")
    missing = [u for u in sched.unmet if u.ceremony == c.id]
    if missing:
        lines += ["", f"### {lab['unmet']}", ""]
        lines += [
            f"- {names.get(u.attendee, u.attendee)} ({lab['required' if u.required else 'wished']}): {u.reason}"
            for u in missing
        ]
    return "\n".join(lines) + "\n"


def run_of_show_all(sched: CeremonySchedule, lang: str = "vi") -> str:
    """Every ceremony's run-of-show, by start time (Markdown)."""
    ids = sorted(sched.starts_s, key=lambda cid: (sched.starts_s[cid], cid))
    return "\n".join(run_of_show(sched, cid, lang) for cid in ids)


def itineraries(sched: CeremonySchedule) -> dict[str, list[dict[str, Any]]]:
    """Each attendee's itinerary: ordered stops with arrival, leaving and travel from the previous place."""
    inst = sched.instance
    out: dict[str, list[dict[str, Any]]] = {}
    for t in sorted(sched.attendance, key=lambda t: (t.attendee, t.arrive_s, t.ceremony)):
        c = inst.ceremony(t.ceremony)
        out.setdefault(t.attendee, []).append(
            {
                "ceremony": c.id,
                "name": c.name,
                "venue": c.venue,
                "venue_name": c.venue_name,
                "arrive": clock.iso_local(sched.at(t.arrive_s)),
                "leave": clock.iso_local(sched.at(t.leave_s)),
                "from": t.came_from,
                "travel_min": _travel_min(t),
            }
        )
    return out


def itineraries_text(sched: CeremonySchedule, lang: str = "vi") -> str:
    """Every attendee's itinerary as Markdown."""
    lab = _labels(lang)
    names = {a.id: a.name for a in sched.instance.attendees}
    open_venue, open_time = _open(sched)
    lines: list[str] = []
    for aid, stops in itineraries(sched).items():
        lines += [f"## {lab['itinerary']}: {names[aid]}", ""]
        for st in stops:
            trav = f" ({_travel(st['travel_min'], st['from'], sched, lang)})" if st["travel_min"] is not None else ""
            day = short_date(date.fromisoformat(st["arrive"][:10]), lang)
            when = _marked(f"{day} {st['arrive'][11:16]}–{st['leave'][11:16]}", st["ceremony"] in open_time, lang)
            venue = _marked(st["venue_name"], st["ceremony"] in open_venue, lang)
            lines.append(f"- {when} {st['name']}, {venue}{trav}")
        lines.append("")
    return "\n".join(lines)


def itineraries_ics(sched: CeremonySchedule, attendee: str | None = None, lang: str = "vi") -> bytes:
    """Itineraries as an iCalendar file (all attendees, or one), deterministic: fixed DTSTAMP, content UIDs.

    Parameters
    ----------
    sched : CeremonySchedule
    attendee : str, optional
        Only this attendee's stops.

    Returns
    -------
    bytes
    """
    inst = sched.instance
    names = {a.id: a.name for a in inst.attendees}
    cal = ics.calendar(
        sched.plan.event.name if attendee is None else f"{names[attendee]} — {sched.plan.event.name}", PRODID
    )
    stamp = ics.stamp(inst.day0)
    open_venue, open_time = _open(sched)
    for t in sorted(sched.attendance, key=lambda t: (t.arrive_s, t.attendee, t.ceremony)):
        if attendee is not None and t.attendee != attendee:
            continue
        c = inst.ceremony(t.ceremony)
        desc = f"{names[t.attendee]}; {c.name}"
        if c.id in open_time:
            desc += "; " + gettext("time not decided yet", lang)
        travel_min = _travel_min(t)
        if travel_min is not None:
            desc += f"; {_travel(travel_min, t.came_from, sched, lang)}"
        cal.add_component(
            ics.timed_event(
                f"{names[t.attendee]}: {c.name}",
                sched.at(t.arrive_s),
                sched.at(t.leave_s),
                sched.plan.event.timezone,
                _marked(c.venue_name, c.id in open_venue, lang),
                ics.uid(t.attendee, t.ceremony, t.arrive_s // MIN_S, t.leave_s // MIN_S),
                stamp,
                desc,
            )
        )
    out: bytes = cal.to_ical()
    return out


def ceremonies_map_data(sched: CeremonySchedule) -> dict[str, Any]:
    """What the ceremonies map draws, as plain values (``maps.ceremonies.render_ceremonies_map`` draws it).

    Parameters
    ----------
    sched : CeremonySchedule

    Returns
    -------
    dict
        ``{"event", "venues", "paths", "ceremonies", "people"}``: each venue (numbered by its first ceremony's
        start; ``approx`` when the place is marked approximate) with its ceremonies as ``[name, "date HH:MM–HH:MM",
        [guest names]]``, each person's or team's path ``[[lat, lon], ...]`` from base through the venues.
    """
    inst = sched.instance
    places = {p.id: p for p in sched.plan.places}
    names = {a.id: a.name for a in inst.attendees}
    order = sorted(inst.ceremonies, key=lambda c: (sched.starts_s.get(c.id, 0), c.id))
    open_venue, open_time = _open(sched)
    venues: dict[tuple[float, float], dict[str, Any]] = {}
    for c in order:
        s = sched.starts_s.get(c.id)
        when = f"{c.day.isoformat()} {sched.at(s):%H:%M}–{sched.at(sched.end_s(c.id)):%H:%M}" if s is not None else ""
        guests = [
            names.get(t.attendee, t.attendee)
            for t in sorted((t for t in sched.attendance if t.ceremony == c.id), key=lambda t: (t.arrive_s, t.attendee))
        ]
        key = (round(c.latlon[0], 6), round(c.latlon[1], 6))
        if key not in venues:
            place = places.get(c.venue)
            venues[key] = {
                "n": len(venues) + 1,
                "name": c.venue_name,
                "open": c.id in open_venue,
                "lat": key[0],
                "lon": key[1],
                "approx": bool(place.approximate) if place else False,
                "c": [],
            }
        venues[key]["c"].append([c.name, when, guests, c.id in open_time])
    paths: list[dict[str, Any]] = []
    for aid, legs in sorted(itineraries(sched).items()):
        a = inst.attendee(aid)
        path: list[list[float]] = []
        base = places.get(a.base) if a.base else None
        if base is not None and base.lat is not None and base.lon is not None:
            path.append([round(float(base.lat), 6), round(float(base.lon), 6)])
        path += [[round(p, 6) for p in inst.ceremony(leg["ceremony"]).latlon] for leg in legs]
        if len(path) >= 2:
            paths.append({"name": a.name, "c": path, "base": base is not None})
    return {
        "event": sched.plan.event.name,
        "venues": list(venues.values()),
        "paths": paths,
        "ceremonies": len(order),
        "people": len(inst.attendees),
    }


def _speakers(sched: CeremonySchedule, cid: str, speaker: str, begin: int, end: int) -> str:
    """Who speaks: a person's or team's name, or the names of the attendees of that role present for the item."""
    inst = sched.instance
    by_id = {a.id: a for a in inst.attendees}
    if speaker in by_id:
        return by_id[speaker].name
    present = sorted(
        t.attendee
        for t in sched.attendance
        if t.ceremony == cid
        and t.arrive_s <= begin
        and t.leave_s >= end
        and by_id.get(t.attendee) is not None
        and by_id[t.attendee].role == speaker
    )
    return ", ".join(by_id[aid].name for aid in present) or speaker


def _book_ceremony(sched: CeremonySchedule, c: CeremonyIn, names: dict[str, str]) -> dict[str, Any]:
    """One ceremony as the plan book shows it: its times, program (with speakers) and guests."""
    s = sched.starts_s[c.id]
    program = [
        {
            "start": clock.iso_local(sched.at(s + it.offset * MIN_S)),
            "end": clock.iso_local(sched.at(s + (it.offset + it.duration) * MIN_S)),
            "title": it.title,
            "speaker": _speakers(sched, c.id, it.speaker, s + it.offset * MIN_S, s + (it.offset + it.duration) * MIN_S)
            if it.speaker
            else "",
        }
        for it in c.items or ()
    ]
    here = sorted((t for t in sched.attendance if t.ceremony == c.id), key=lambda t: (t.arrive_s, t.attendee))
    guests = [
        {
            "person": t.attendee,
            "name": names.get(t.attendee, t.attendee),
            "arrive": clock.iso_local(sched.at(t.arrive_s)),
            "leave": clock.iso_local(sched.at(t.leave_s)),
        }
        for t in here
    ]
    return {
        "id": c.id,
        "name": c.name,
        "venue": c.venue,
        "venue_name": c.venue_name,
        "date": c.day.isoformat(),
        "start": clock.iso_local(sched.at(s)),
        "end": clock.iso_local(sched.at(sched.end_s(c.id))),
        "program": program,
        "guests": guests,
    }


def ceremonies_book(sched: CeremonySchedule) -> dict[str, Any]:
    """What the plan book shows of a ceremony schedule, as plain values with every id resolved to a name.

    Times are local ISO date-times, as in ``ceremonies.json``; lists are sorted (ceremonies by start, people by
    id, stops by arrival).

    Parameters
    ----------
    sched : CeremonySchedule

    Returns
    -------
    dict
        ``{"event", "ceremonies", "people", "unmet"}``: each ceremony with ``program`` (clock times, speakers)
        and ``guests``; each person or team with ``stops`` (arrive, leave, venue, travel minutes from a place).
    """
    inst = sched.instance
    names = {a.id: a.name for a in inst.attendees}
    place_names = {p.id: p.name for p in sched.plan.places}
    place_names.update({c.venue: c.venue_name for c in inst.ceremonies})
    cer_names = {c.id: c.name for c in inst.ceremonies}
    order = sorted(inst.ceremonies, key=lambda c: (sched.starts_s.get(c.id, 0), c.id))
    ceremonies = [_book_ceremony(sched, c, names) for c in order if c.id in sched.starts_s]
    stops = itineraries(sched)
    people = [
        {
            "id": a.id,
            "name": a.name,
            "role": a.role,
            "kind": a.kind,
            "stops": [
                dict(st, from_name=place_names.get(st["from"] or "", st["from"] or "")) for st in stops.get(a.id, [])
            ],
        }
        for a in sorted(inst.attendees, key=lambda a: a.id)
    ]
    unmet = [
        {
            "person": u.attendee,
            "name": names.get(u.attendee, u.attendee),
            "ceremony": u.ceremony,
            "ceremony_name": cer_names.get(u.ceremony, u.ceremony),
            "required": u.required,
            "reason": u.reason,
        }
        for u in sched.unmet
    ]
    return {"event": sched.plan.event.name, "ceremonies": ceremonies, "people": people, "unmet": unmet}


def _safe_name(text: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in text)
    return keep.strip("._") or "item"


def ceremony_files(sched: Any, lang: str = "vi") -> dict[str, bytes | str]:
    """Every ceremony output of a schedule, as relative path -> content.

    Parameters
    ----------
    sched : CeremonySchedule
    lang : str

    Returns
    -------
    dict
        ceremonies.json, solver.json, runofshow.md, itineraries.md, itineraries/*.ics (the map, ``map.html``, is
        drawn by ``maps.ceremonies`` from :func:`ceremonies_map_data`).
    """
    files: dict[str, bytes | str] = {
        "ceremonies.json": dumps_json(ceremonies_to_json(sched)),
        "solver.json": dumps_json(solver_report(sched)),
        "runofshow.md": run_of_show_all(sched, lang),
        "itineraries.md": itineraries_text(sched, lang),
        "itineraries/all.ics": itineraries_ics(sched, lang=lang),
    }
    log.info("ceremonies: %s in %.3f s", sched.status, sched.wall_s)
    for aid in itineraries(sched):
        files[f"itineraries/{_safe_name(aid)}.ics"] = itineraries_ics(sched, aid, lang)
    return files
