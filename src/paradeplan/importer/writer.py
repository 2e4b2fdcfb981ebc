"""Build a validated plan from extracted facts, marking every gap as an open item; write it atomically."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import tempfile
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any

import yaml

from paradeplan import clock
from paradeplan.errors import InputError, Problem
from paradeplan.i18n import N_, _
from paradeplan.importer.extract import Extraction, Force, place_key, place_kind, unit_added, where_at
from paradeplan.importer.routes import street_of_place
from paradeplan.importer.text import slug
from paradeplan.plan.model import Plan
from paradeplan.plan.planfile import plan_from_data

log = logging.getLogger(__name__)

_MODEL_KIND = {
    "float": "flower_float",
    "police_car": "police_car",
    "motorbike": "police_motorbike",
    "private_motorbike": "private_motorbike",
    "bicycle": "bicycle",
    "car": "car",
    "bus": "bus",
    "loudspeaker": "loudspeaker",
    "other": "other",
}
_ID_BASE = {
    "float": "xe-hoa",
    "police_car": "xe-csgt",
    "motorbike": "mo-to",
    "private_motorbike": "xe-may",
    "bicycle": "xe-dap",
    "car": "xe-o-to",
    "bus": "xe-buyt",
    "loudspeaker": "xe-loa",
    "other": "xe-khac",
}
_ROLE_SUFFIX = {"lead": "mo-duong", "route_guard": "bao-ve"}
_ROLE_WORDS = {"lead": "mở đường", "route_guard": "bảo vệ lộ trình"}  # words as data: found in the document's names
#: The language of the documents the importer reads: names it makes up for the plan (a placeholder's) are in it.
DOCUMENT_LANG = "vi"
#: Placeholder clock times used where the model needs a value the document does not give.
PLACEHOLDER_TIME = time(7, 0)
PLACEHOLDER_WINDOW = (time(7, 0), time(11, 0))


class _Clock(str):
    """A clock time written quoted in YAML ("07:30"), as the plan files do."""


def _clock_representer(dumper: yaml.SafeDumper, value: _Clock) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"')


yaml.SafeDumper.add_representer(_Clock, _clock_representer)


class _NoAliases(yaml.SafeDumper):
    """Writes a value shared by two fields (a week's first day) twice rather than as an anchor and alias."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def clipped(text: str, most: int = 60) -> str:
    """A name shortened for a message at a word's end ("… tuyến đường …", never "… tuyến đường t")."""
    text = " ".join(text.split())
    if len(text) <= most:
        return text
    cut = text[: most + 1].rsplit(" ", 1)[0] if " " in text[:most] else text[:most]
    return cut.rstrip(" ,;:–-") + " …"


def yaml_clock(t: time) -> str:
    """``HH:MM`` of a clock time, written unquoted in the plan file."""
    return _Clock(clock.hm_at(t))


@dataclass
class _Places:
    """Places met in the document, merged by name key ("Trụ sở UBND quận" = "Ủy ban nhân dân quận")."""

    items: list[dict[str, Any]] = field(default_factory=list)
    keys: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, kind: str | None = None, ident_hint: str | None = None) -> str:
        key = place_key(name) or slug(name)
        key = next((k for k in self.keys if self._same(name, key, k)), key)
        if key in self.keys:
            entry = self.items[self.keys[key]]
            if name != entry["name"] and name not in entry.setdefault("aliases", []):
                described = where_at(name, place_key(name), place_key(entry["name"]))  # "khu vực chợ A" and "chợ A"
                describes = where_at(str(entry["name"]), place_key(entry["name"]), place_key(name))
                if not described and (describes or len(name) > len(entry["name"])):  # the place's own name
                    entry["aliases"].append(entry["name"])
                    entry["name"] = name
                else:
                    entry["aliases"].append(name)
            return str(entry["id"])
        ident = ident_hint or slug(place_key(name.split(",")[0]) or key)
        taken = {p["id"] for p in self.items}
        base, n = ident, 2
        while ident in taken:
            ident, n = f"{base}_{n}", n + 1
        self.keys[key] = len(self.items)
        self.items.append({"id": ident, "name": name, "kind": kind or place_kind(name) or "other"})
        return ident

    def _same(self, name: str, key: str, k: str) -> bool:
        """Whether a place met before (key ``k``) is the one named: the same place said where at it, or with the
        administrative unit it lies in after its name ("Nhà Văn hóa A" and "Nhà Văn hóa A Quận 12")."""
        return where_at(name, key, k) or where_at(self._name(k), k, key) or unit_added(key, k) or unit_added(k, key)

    def _name(self, key: str) -> str:
        return str(self.items[self.keys[key]]["name"])

    def add_pinned(self, entry: dict[str, Any]) -> str:
        """A place with coordinates (a unit's seat); an existing place of the same name is kept as it is."""
        name = str(entry["name"])
        key = place_key(name) or slug(name)
        if key in self.keys:
            return str(self.items[self.keys[key]]["id"])
        ident = self.add(name, str(entry.get("kind") or "other"), entry.get("id"))
        # the entry ``add`` gave (a place merged by where it is, "cổng Công viên A" with "Công viên A", has another key)
        item = next(p for p in self.items if p["id"] == ident)
        if item.get("lat") is None:
            item.update({k: v for k, v in entry.items() if k not in ("id", "name", "kind")})
        return ident

    def approximate(self, ident: str) -> bool:
        """Whether a place is placed approximately (a unit's seat standing in for a venue)."""
        return any(p["id"] == ident and p.get("approximate") for p in self.items)

    def finish(self) -> list[dict[str, Any]]:
        for p in self.items:
            if not p.get("aliases"):
                p.pop("aliases", None)
        return self.items


def unique_id(ident: str, taken: set[str]) -> str:
    """``ident``, or ``ident-2``, ``ident-3`` … the first not in ``taken``; recorded there."""
    base, n = ident, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    return ident


def _group(force: Force, taken: set[str]) -> dict[str, Any]:
    parts = [_ID_BASE.get(force.kind, "xe")]
    if force.role in _ROLE_SUFFIX:
        parts.append(_ROLE_SUFFIX[force.role])
    if force.owner:
        parts.append(slug(force.owner, "-", 24))
    name = force.label[:1].upper() + force.label[1:]
    if force.role in _ROLE_WORDS and _ROLE_WORDS[force.role] not in name:
        name = (
            f"{name} {force.role_text or _ROLE_WORDS[force.role]}"
            if force.role_text and len(force.role_text) < 60
            else f"{name} {_ROLE_WORDS[force.role]}"
        )
    group: dict[str, Any] = {
        "id": unique_id("-".join(parts), taken),
        "name": name,
        "kind": _MODEL_KIND.get(force.kind, "other"),
        "count": force.count,
        "role": force.role if force.role in ("lead", "route_guard", "support") else "in_column",
    }
    if force.owner:
        group["owner"] = force.owner
    return group


#: The open item of a parade whose document orders no force on foot for the barrier points.
NO_MARSHALS = N_(
    "The document names no one on foot for the barrier points (rào chắn) at crossings without a police post: add a "
    "group with role: marshal (dân quân, dân phòng, đoàn viên thanh niên); `paradeplan plan` says how many are needed."
)


def _marshal_groups(
    ex: Extraction, groups: list[dict[str, Any]], taken: set[str], p: str, ask: Callable[[str, str], None]
) -> None:
    """A ``marshal`` group for each force on foot the document orders for the route; its count is a placeholder
    (an open item that ``plan`` answers with the number it needs) when the document gives none. Without any such
    force, an open item says that nobody holds the barrier points (``plan`` then says how many are short)."""
    from paradeplan.i18n import _, tr

    for mf in ex.marshals:
        group: dict[str, Any] = {
            "id": unique_id("luc-luong-" + slug(mf.owner or mf.name, "-", 24), taken),
            "name": mf.name,
            "kind": mf.kind,
            "count": mf.count or 1,
            "role": "marshal",
        }
        if mf.owner:
            group["owner"] = mf.owner
        if mf.count is None:
            ask(
                f"{p}.groups[{len(groups)}].count",
                _(
                    "'{name}' ({owner}): the number of people is not stated — `paradeplan plan` gives the number the "
                    "plan needs; write the number the unit sends."
                ).format(name=mf.name, owner=mf.owner or "?"),
            )
        groups.append(group)
    if not ex.marshals:
        ask(f"{p}.groups", tr(NO_MARSHALS))


_EVENT_ORDER = (
    "name",
    "theme",
    "issuer",
    "document",
    "document_date",
    "area",
    "week_start",
    "week_end",
    "timezone",
    "language",
    "source",
    "report_to",
)


def _event_order(event: dict[str, Any]) -> dict[str, Any]:
    """The event's keys in the model's order."""
    return {k: event[k] for k in sorted(event, key=lambda k: _EVENT_ORDER.index(k) if k in _EVENT_ORDER else 99)}


Ask = Callable[[str, str], None]


def build_plan_data(ex: Extraction) -> dict[str, Any]:
    """The plan as plain data (not yet validated), with open items for everything the text did not say.

    Parameters
    ----------
    ex : Extraction
        Facts read by :func:`paradeplan.importer.extract.extract`.

    Returns
    -------
    dict
        A plan mapping in the order of the plan file format. Open items are written in the current language
        (``paradeplan.i18n``; Vietnamese by default).
    """
    from paradeplan.i18n import _
    from paradeplan.importer.weekplan import build_week

    opens: list[dict[str, str]] = []
    decided: list[dict[str, str]] = []

    def ask(where: str, question: str) -> None:
        if question.startswith(_DECIDED):
            chosen, why = question[len(_DECIDED) :].split("\n", 1)
            decided.append({"field": where, "chosen": chosen, "reason": why})
        else:
            opens.append({"field": where, "question": question})

    event = _event(ex, ask)
    places = _Places()
    parades, loudspeakers = _parades(ex, event, places, ask)
    gatherings = _gatherings(ex, parades, loudspeakers, places, ask)
    week = build_week(ex, places, ask)
    for key, value in week.event.items():
        if key == "area" or key not in event:
            event[key] = value
    event = _event_order(event)
    deadlines = _deadlines(ex, event, ask)
    place_list = places.finish()
    for i, pl in enumerate(place_list):
        if pl.get("lat") is None:
            ask(
                f"places[{i}]",
                _("'{name}' has no coordinates; pin its place (the text gives none).").format(name=pl["name"]),
            )
    _route_questions(ex, week.activities, ask)
    for note in ex.unresolved:  # a second route the document writes (a parade on another day): said, not dropped
        if ex.route and note.startswith("route: "):
            ask(
                "parades",
                _(
                    "{what}: one parade per document is imported; add the other as a second parade by hand, or "
                    "import its section on its own."
                ).format(what=note.removeprefix("route: ")),
            )
    data: dict[str, Any] = {"format": "paradeplan.plan/1", "event": event}
    if place_list:
        data["places"] = place_list
    sections: tuple[tuple[str, list[dict[str, Any]]], ...] = (
        ("parades", parades),
        ("gatherings", gatherings),
        ("ceremonies", week.ceremonies),
        ("people", week.people),
        ("activities", week.activities),
        ("deadlines", deadlines),
    )
    for key, items in sections:
        if items:
            data[key] = items
    data["open_items"] = opens
    if decided:
        data["decisions"] = decided  # ids and the rest in importer.decide
    return data


def _route_questions(ex: Extraction, activities: list[dict[str, Any]], ask: Ask) -> None:
    """What the plan says of a parade it cannot route: boats on the water (an activity of their day), or no route
    read at all."""
    from paradeplan.i18n import _

    if ex.on_water:  # boats on a river: listed on its day, no street route to plan
        day = ex.departure_date or ex.assembly_date or next((c.date for c in ex.events.ceremonies if c.date), None)
        boats: dict[str, Any] = {"name": clipped(ex.on_water, 120), "kind": "other"}
        if day is not None:
            boats["start"] = boats["end"] = day
        activities.append(boats)
        ask(
            f"activities[{len(activities) - 1}]",
            _(
                "A parade of boats on the water is listed as an activity of its day: "
                "paradeplan plans routes on streets."
            ),
        )
    elif not ex.route and (ex.route_text or ex.forces):
        ask(
            "parades",
            _("No route was found in the document (unreadable route text: {text}).").format(text=ex.route_text[:200])
            if ex.route_text
            else _("No route was found in the document."),
        )


#: An ``ask`` that is a decision taken from the document's own words: ``_DECIDED + chosen + "\n" + reason``.
_DECIDED = "\x00decided:"


def tell(chosen: str, reason: str) -> str:
    """What ``ask`` records as a decision (listed under ``decisions``), not as an open question."""
    return f"{_DECIDED}{chosen}\n{reason}"


def _event(ex: Extraction, ask: Ask) -> dict[str, Any]:
    """The event: its name, theme, document, area and week."""
    from paradeplan.i18n import _

    event: dict[str, Any] = {"name": ex.event or _("Plan (its name not found)", DOCUMENT_LANG)}
    if ex.event is None:
        ask("event.name", _("The document's title was not found; give the event's name."))
    for key, value in (("theme", ex.theme), ("document", ex.document), ("document_date", ex.document_date)):
        if value:
            event[key] = value
    if ex.area:
        event["area"] = {"name": ex.area}
    if ex.week_start and ex.week_end:
        event["week_start"], event["week_end"] = ex.week_start, ex.week_end
    if ex.source:
        event["source"] = ex.source
    return event


def _route_steps(ex: Extraction, places: _Places) -> list[dict[str, Any]]:
    """The route's steps as the plan file writes them (only the last may end the route)."""
    steps: list[dict[str, Any]] = []
    for r in ex.route:
        if r.kind == "street":
            step: dict[str, Any] = {"street": r.name}
        else:
            step = {"place": places.add(r.name)}
            if r.uturn:
                step["uturn"] = True
            if r.end:
                step["end"] = True
        if r.note:
            step["note"] = r.note
        steps.append(step)
    for s in steps[:-1]:  # an "end" marker before the last step is kept as a note
        if s.pop("end", False):
            s["note"] = (s.get("note", "") + "; " + _("ends here (not the last step)", DOCUMENT_LANG)).lstrip("; ")
    return steps


def _parades(
    ex: Extraction, event: dict[str, Any], places: _Places, ask: Ask
) -> tuple[list[dict[str, Any]], list[str]]:
    """The parades (the document's, then those it writes in sections of their own: ``ex.more_parades``) and the
    ids of their loudspeaker groups."""
    parades: list[dict[str, Any]] = []
    loudspeakers: list[str] = []
    for k, one in enumerate([ex, *ex.more_parades]):
        got, said = _parade(one, event, places, ask, k)
        for parade in got:
            base = parade["id"]
            while parade["id"] in {x["id"] for x in parades}:
                parade["id"] = f"{base}-{len(parades) + 1}"
        parades += got
        loudspeakers += said
    return parades, loudspeakers


def _parade(
    ex: Extraction, event: dict[str, Any], places: _Places, ask: Ask, k: int = 0
) -> tuple[list[dict[str, Any]], list[str]]:
    """One parade (when its reading gives a route and a date) and the ids of its loudspeaker groups."""
    from paradeplan.i18n import _

    if not ex.route:
        if ex.forces:
            listed = "; ".join(f"{f.count} {f.label}" for f in ex.forces)
            ask(
                "parades",
                _("Vehicles were found but no route, so no parade was written: {listed}.").format(listed=listed),
            )
        return [], []
    steps = _route_steps(ex, places)
    p = f"parades[{k}]"
    day = ex.assembly_date or ex.departure_date
    days = {c.date for c in ex.ceremonies if c.date is not None}
    if day is None and len(days) == 1:  # a programme whose ceremony is dated and whose parade follows it
        day = days.pop()
        ask(
            f"{p}.date",
            tell(
                day.isoformat(),
                _("the parade's date is not stated: it is the date of the document's only dated ceremony"),
            ),
        )
    if day is None and ex.placeholder_day is not None:
        day = ex.placeholder_day
        ask(f"{p}.date", _("The parade's date is not stated; the date given is a placeholder (the week's first day)."))
    if day is None:
        ex.unresolved.append("parade: " + _("no date anywhere in the document; the parade was not written"))
        ask(
            "parades",
            _("A route was found but no date at all: route {route}").format(route=(ex.route_text or "")[:300]),
        )
        return [], []
    parade: dict[str, Any] = {
        "id": slug(ex.parade_name or "dieu-hanh", "-", 32),
        "name": ex.parade_name or _("Parade — {event}", DOCUMENT_LANG).format(event=event["name"]),
        "date": day,
        "assembly_place": _assembly_place(ex, places, p, ask),
        **_parade_times(ex, p, ask),
    }
    if ex.speed_limit_kmh:
        parade["speed_limit_kmh"] = ex.speed_limit_kmh
    else:
        ask(f"{p}.speed_limit_kmh", _("The document sets no column speed; give the limit (km/h)."))
    if ex.no_leaving_before_end is not None:
        parade["no_leaving_before_end"] = ex.no_leaving_before_end
    else:
        ask(
            f"{p}.no_leaving_before_end",
            _("The document does not say whether vehicles may leave the column before the end."),
        )
    parade["route"] = steps
    groups, loudspeakers = _vehicle_groups(ex, p, ask)
    _participants_group(ex, groups, p, ask)
    parade["groups"] = groups
    if not groups:
        ask(f"{p}.groups", _("The document lists no vehicles; add the column's vehicle groups."))
    ask(f"{p}.staging", _("The document does not say where the column lines up; give the staging street."))
    _marshal_groups(ex, groups, {g["id"] for g in groups}, p, ask)
    return [parade], loudspeakers


def _assembly_place(ex: Extraction, places: _Places, p: str, ask: Ask) -> str:
    """The assembly place's id: as stated, else the route's start (an open item), else a placeholder."""
    from paradeplan.i18n import _

    street = street_of_place(ex.assembly_place) if ex.assembly_place else None
    if street and ex.route[0].kind == "place":
        return _assembly_on_street(ex, street, places, p, ask)
    if ex.assembly_place:
        return places.add(ex.assembly_place)
    if ex.route[0].kind == "place":
        ask(
            f"{p}.assembly_place",
            tell(ex.route[0].name, _("the assembly place is not stated: the column gathers where its route starts")),
        )
        return places.add(ex.route[0].name)
    ask(f"{p}.assembly_place", _("The assembly place is not stated; name it and pin it."))
    return places.add(_("Assembly place (not stated)", DOCUMENT_LANG), "other")


def _assembly_on_street(ex: Extraction, street: str, places: _Places, p: str, ask: Ask) -> str:
    """An assembly told only by the street it is on ("bãi xe phía đường A"): the route's start, a decision when
    the route leaves its start along that street, else a placeholder to pin."""
    from paradeplan.i18n import _

    start = ex.route[0].name
    first = next((s.name for s in ex.route[1:] if s.kind == "street"), None)
    if first is not None and place_key(first) == place_key(street):
        reason = _(
            "the assembly place is told only by its street ({said}), the street the route leaves its start along: "
            "the column gathers where its route starts"
        )
        ask(f"{p}.assembly_place", tell(start, reason.format(said=ex.assembly_place)))
    else:
        ask(
            f"{p}.assembly_place",
            _(
                "The assembly place is told only by its street ({said}); the route's start ({start}) is a "
                "placeholder: name the place and pin it."
            ).format(said=ex.assembly_place, start=start),
        )
    return places.add(start)


def _parade_times(ex: Extraction, p: str, ask: Ask) -> dict[str, str]:
    """Assembly and departure times; a missing one is a placeholder with its open item."""
    from paradeplan.i18n import _

    a_time = ex.assembly_time or ex.departure_time
    if ex.assembly_time is None:
        ask(
            f"{p}.assembly_time",
            tell(
                yaml_clock(a_time),
                _("the assembly time is not stated: every vehicle is in place by the departure time given"),
            )
            if a_time
            else _("The assembly time is not stated; {time} is a placeholder.").format(
                time=yaml_clock(PLACEHOLDER_TIME)
            ),
        )
    a_time = a_time or PLACEHOLDER_TIME
    d_time = ex.departure_time or a_time
    if ex.departure_time is None:
        ask(
            f"{p}.departure_time",
            _(
                "The departure time is not stated; {time} (the assembly time) is a placeholder: set when the head of "
                "the column leaves."
            ).format(time=yaml_clock(d_time)),
        )
    return {"assembly_time": yaml_clock(a_time), "departure_time": yaml_clock(d_time)}


def _vehicle_groups(ex: Extraction, p: str, ask: Ask) -> tuple[list[dict[str, Any]], list[str]]:
    """The column's vehicle groups, and the ids of the loudspeaker ones."""
    from paradeplan.i18n import _

    taken: set[str] = set()
    groups: list[dict[str, Any]] = []
    loudspeakers: list[str] = []
    for i, force in enumerate(ex.forces):
        g = _group(force, taken)
        own = ex.own_route_owner
        if own and force.kind == "float" and force.owner and own in force.owner.lower():
            g["after_end"] = {"action": "own_route"}
            ask(
                f"{p}.groups[{i}].after_end",
                _(
                    "'{name}' then follow their own routes; the document does not give them: add each vehicle's "
                    "onward route."
                ).format(name=g["name"]),
            )
        if force.kind == "loudspeaker":
            loudspeakers.append(g["id"])
        groups.append(g)
    return groups, loudspeakers


def _participants_group(ex: Extraction, groups: list[dict[str, Any]], p: str, ask: Ask) -> None:
    """A column on foot or by bicycle (:mod:`paradeplan.importer.participants`): its people as a group of the
    column, sized by how many take part (blocks of walkers; one bicycle each), a decision the user can change."""
    from paradeplan.i18n import _
    from paradeplan.importer.participants import PEOPLE_PER_BLOCK

    who = ex.participants
    if who is None or any(g["kind"] == who.kind for g in groups):
        return
    walking = who.kind == "marching_group"
    people = who.people
    count = (-(-people // PEOPLE_PER_BLOCK) if walking else people) if people else 1
    name = _("People on foot", DOCUMENT_LANG) if walking else _("Participants' bicycles", DOCUMENT_LANG)
    taken = {str(g["id"]) for g in groups}
    groups.append({"id": unique_id(slug(name, "-", 32), taken), "name": name, "kind": who.kind, "count": count})
    if people is None:
        why = _("the column walks or rides bicycles ({said}) and the document does not say how many take part")
    elif walking:
        why = _("{people} people walk in the column: {n} blocks of about {per} people (a block is about 20 m long)")
    else:
        why = _("{people} people ride their own bicycles in the column: one bicycle each")
    why = why.format(said=who.said[:80], people=people, n=count, per=PEOPLE_PER_BLOCK)
    ask(f"{p}.groups[{len(groups) - 1}].count", tell(str(count), why + _("; give the number to change it")))


def _gatherings(
    ex: Extraction, parades: list[dict[str, Any]], loudspeakers: list[str], places: _Places, ask: Ask
) -> list[dict[str, Any]]:
    """Gatherings other than the assembly (the loudspeaker vehicle at 06:30 elsewhere)."""
    from paradeplan.i18n import _

    gatherings: list[dict[str, Any]] = []
    for k, gf in enumerate(ex.gatherings):
        day = gf.date or (parades[0]["date"] if parades else None)
        if gf.time is None or day is None or not gf.place:
            ask("gatherings", _("Gathering '{what}' lacks a place, date or time; add it by hand.").format(what=gf.what))
            continue
        entry: dict[str, Any] = {
            "id": f"tap-trung-{slug(gf.what, '-', 24)}-{k + 1}",
            "name": gf.what,
            "place": places.add(gf.place),
            "date": day,
            "time": yaml_clock(gf.time),
        }
        where = f"gatherings[{len(gatherings)}]"
        if "loa" in gf.what.lower() and loudspeakers:
            entry["groups"] = loudspeakers[:1]
        else:
            ask(
                f"{where}.groups",
                _(
                    "'{what}' is not among the listed vehicles; add its vehicle group to the parade and list it here."
                ).format(what=gf.what),
            )
        if parades:
            entry["parade"] = parades[0]["id"]
        ask(f"{where}.duration_min", _("How long the vehicles stay at the gathering is not stated (default 15 min)."))
        gatherings.append(entry)
    return gatherings


def _deadlines(ex: Extraction, event: dict[str, Any], ask: Ask) -> list[dict[str, Any]]:
    """The report deadlines; a report asked for without a date is an open item (and the event's ``report_to``)."""
    from paradeplan.i18n import _

    deadlines: list[dict[str, Any]] = []
    for d in ex.deadlines:
        item: dict[str, Any] = {"what": d.what, "due": d.due}
        if d.to:
            item["to"] = d.to
        if d.who:
            item["who"] = d.who
        else:
            ask(f"deadlines[{len(deadlines)}].who", _("Who must deliver '{what}' is not stated.").format(what=d.what))
        deadlines.append(item)
    asked = [r for r in ex.events.reports if r.due is None and r.to]
    if not deadlines and asked:
        r = asked[0]
        event["report_to"] = r.to
        ask(
            "deadlines",
            _("The document asks {who} for a report ('{what}' to {to}) but sets no date: add the deadline.").format(
                who=r.who, what=r.what, to=r.to
            )
            if r.who
            else _("The document asks for a report ('{what}' to {to}) but sets no date: add the deadline.").format(
                what=r.what, to=r.to
            ),
        )
    return deadlines


_SECTION = re.compile(r"^(parades|gatherings|ceremonies|people|activities|deadlines)\[(\d+)\]")


def validated(data: dict[str, Any], ex: Extraction, file: str) -> Plan:
    """Validate plan data; drop an entry that still fails (noting it in ``unresolved``) rather than fail.

    Parameters
    ----------
    data : dict
        From :func:`build_plan_data`; changed in place when entries are dropped.
    ex : Extraction
        Receives notes about dropped entries.
    file : str
        Name used in messages.

    Returns
    -------
    Plan
    """
    from paradeplan.i18n import _

    for _k in range(8):
        try:
            return plan_from_data(data, file=file)
        except InputError as err:
            drop: dict[str, set[int]] = {}
            for problem in err.problems:
                m = _SECTION.match(problem.field or "")
                if not m:
                    raise
                drop.setdefault(m.group(1), set()).add(int(m.group(2)))
                ex.unresolved.append(f"{problem.field}: " + _("{why} (entry left out)").format(why=problem.message))
            why: dict[tuple[str, int], str] = {}
            for problem in err.problems:
                m = _SECTION.match(problem.field or "")
                if m:
                    why.setdefault((m.group(1), int(m.group(2))), problem.message)
            for section, idx in drop.items():
                for i in sorted(idx):
                    entry = data[section][i]
                    label = entry.get("name") or entry.get("what") or entry.get("id") or f"{section}[{i}]"
                    data["open_items"].append(
                        {
                            "field": section,
                            "question": _("'{label}' could not be built from the text and was left out: {why}.").format(
                                label=label, why=why.get((section, i), "")
                            ),
                        }
                    )
                data[section] = [v for i, v in enumerate(data[section]) if i not in idx]
                if not data[section]:
                    del data[section]
            log.warning("%s: left out %s", file, drop)
    return plan_from_data(data, file=file)


def plan_yaml(data: dict[str, Any], source: str | None = None, *, studio: bool = False) -> str:
    """The plan file text: a header comment (in the current language), then YAML (Unicode kept, keys in model order).

    Parameters
    ----------
    data : dict
        Validated plan data.
    source : str, optional
        The source document's name for the header.
    studio : bool
        The plan was edited in ``paradeplan studio`` after the import (the header says so).

    Returns
    -------
    str
    """
    where = source or _("a document")
    first = (
        _("Edited in `paradeplan studio`, imported from {source}.")
        if studio
        else _("Imported by `paradeplan import` from {source}.")
    ).format(source=where)
    rest = _(
        "Nothing here is invented: what the document does not say is listed under open_items (placeholders "
        "included). Review them, pin the places' coordinates, then run `paradeplan validate`."
    )
    head = ["# " + first, *textwrap.wrap(rest, 100, initial_indent="# ", subsequent_indent="# ")]
    body = yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=110, default_flow_style=False)
    return "\n".join(head) + "\n" + body


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and ``os.replace``.

    Parameters
    ----------
    path : Path
        Destination.
    text : str
        Content (UTF-8).

    Raises
    ------
    InputError
        When the folder is missing or not writable; nothing is written then.
    """
    folder = path.parent if str(path.parent) else Path(".")
    from paradeplan.i18n import os_error

    if not folder.is_dir():
        raise InputError(
            problems=[
                Problem(
                    _("the output folder does not exist"),
                    str(path),
                    hint=_("create the folder or choose another -o path"),
                )
            ]
        )
    if path.is_dir():
        raise InputError(problems=[Problem(_("the output path is a folder"), str(path), hint=_("give a file name"))])
    tmp_name = None
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False
        ) as tmp:
            tmp_name = tmp.name
            tmp.write(text)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise InputError(
            problems=[
                Problem(
                    _("cannot write the plan file: {error}").format(error=os_error(exc)),
                    str(path),
                    hint=_("check the folder's permissions"),
                )
            ]
        ) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
