"""What the document's context and the plan's policy decide beyond places: who holds the posts and the barrier
points, the column's speed, staying together and line-up, a postponement; each decision listed for the user."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import time
from typing import Any

from paradeplan.i18n import N_, _, kind_name, number, tr
from paradeplan.importer.duties import TrafficDuty
from paradeplan.importer.extract import Extraction
from paradeplan.importer.text import fold, slug
from paradeplan.importer.writer import DOCUMENT_LANG, NO_MARSHALS, unique_id, yaml_clock
from paradeplan.plan.model import VEHICLE_DEFAULTS

#: Record a decision: (field, what was chosen, why, the sentence it comes from).
Note = Callable[[str, str, str, str | None], None]
#: Group kinds of police vehicles.
POLICE_KINDS = ("police_car", "police_motorbike")
#: Roles whose vehicles hold posts.
POST_ROLES = ("route_guard", "post_duty")
#: The note of a step of the way back that importer.decide inserts (its decision is its own).
RETURN_NOTE = "đường về (chọn khi nhập văn bản)"  # words as data: the note importer.decide writes
#: The note of a step of the way out from a start place off the route's first street (importer.decide).
WAY_OUT_NOTE = "đường ra (chọn khi nhập văn bản)"
#: Roles that do not ride in the column (their vehicles do not set its speed).
NOT_RIDING = ("route_guard", "post_duty", "marshal")


def context_decisions(data: dict[str, Any], ex: Extraction, note: Note) -> None:
    """Take the decisions the context and the policy allow on the plan data (changed in place); each is recorded
    with ``note`` and its open item, when there was one, is dropped."""
    _postponed(data, ex, note)
    _ceremony_lengths(data, note)
    _people_start(data, note)
    for k, parade in enumerate(data.get("parades") or []):
        p = f"parades[{k}]"
        _step_notes(data, parade, p, note)
        _speed(data, parade, p, note)
        _stays_together(data, parade, p, note)
        _lines_up(data, parade, p, note)
        police = next((d for d in ex.duties if d.police), None)
        _police_vehicles_hold_posts(parade, p, police, note)
        if police is not None:
            _post_holders(data, parade, p, police, note)
        holder = police or next(iter(ex.duties), None)
        if holder is not None and not any(g.get("role") == "marshal" for g in parade["groups"]):
            _barrier_holders(data, parade, p, holder, note)


def _answered(data: dict[str, Any], field: str) -> bool:
    """Drop the open items on ``field``; whether there was one."""
    before = len(data["open_items"])
    data["open_items"] = [o for o in data["open_items"] if o["field"] != field]
    return len(data["open_items"]) < before


def _postponed(data: dict[str, Any], ex: Extraction, note: Note) -> None:
    """A letter that postpones its event to a new date: the decision to plan on that date is listed."""
    said = ex.events.stance
    if said is None or said.kind != "moved" or said.new_date is None:
        return
    fld = "parades[0].date" if data.get("parades") else "event"
    note(
        fld,
        said.new_date.isoformat(),
        _(
            "the document postpones the event to {date}: every event dated before it takes that date (the old date is "
            "repeated from the first plan); check the times"
        ).format(date=said.new_date.strftime("%d/%m/%Y")),
        said.said,
    )


def _ceremony_lengths(data: dict[str, Any], note: Note) -> None:
    """A ceremony whose start only is stated: it starts then and lasts the plan's usual length (the placeholder
    window's end becomes the start plus that length)."""
    for i, c in enumerate(data.get("ceremonies") or []):
        if not _answered(data, f"ceremonies[{i}].window_end"):
            continue
        h, m = (int(x) for x in str(c["window_start"])[:5].split(":"))
        end = min(h * 60 + m + int(c["duration_min"]), 23 * 60 + 59)
        c["window_end"] = yaml_clock(time(end // 60, end % 60))
        note(
            f"ceremonies[{i}].window_end",
            _("{start}–{end}").format(start=str(c["window_start"])[:5], end=str(c["window_end"])[:5]),
            _(
                "'{name}': the document gives its start only: it starts then and lasts {n} min, the plan's usual "
                "length of a ceremony; give its end or its length to change it"
            ).format(name=c["name"], n=c["duration_min"]),
            None,
        )


def _step_notes(data: dict[str, Any], parade: dict[str, Any], p: str, note: Note) -> None:
    """A route step the importer read from the context (a place written short or by its role, "trở về điểm xuất
    phát"; an end before the last step): its note becomes a decision too, so that the user sees it among them."""
    names = {pl["id"]: pl["name"] for pl in data.get("places", [])}
    for j, step in enumerate(parade["route"]):
        said = str(step.get("note") or "")
        if not said or said in (RETURN_NOTE, WAY_OUT_NOTE):
            continue  # the way back is listed by importer.decide with its own reason
        chosen = str(step["street"]) if "street" in step else str(names.get(step.get("place"), step.get("place")))
        note(f"{p}.route[{j}]", chosen, _("read from the document's context: {note}").format(note=said), None)


def _people_start(data: dict[str, Any], note: Note) -> None:
    """An official whose start and free hours the document does not give: from the issuing unit's seat, free the
    whole day (the plan's defaults); asked only when no seat is known."""
    names = {pl["id"]: pl["name"] for pl in data.get("places", [])}
    for k, person in enumerate(data.get("people") or []):
        base = person.get("base")
        if base not in names or not _answered(data, f"people[{k}]"):
            continue
        note(
            f"people[{k}].base",
            str(names[base]),
            _(
                "the document does not say where '{name}' starts or when they are free: from the issuing unit's seat, "
                "free the whole day (the plan's defaults); give where they start or when they are free to change it"
            ).format(name=person["name"]),
            None,
        )


def _speed(data: dict[str, Any], parade: dict[str, Any], p: str, note: Note) -> None:
    """No speed stated: the column drives at its slowest riding vehicle's speed (the plan's default by kind)."""
    if parade.get("speed_limit_kmh") or not _answered(data, f"{p}.speed_limit_kmh"):
        return
    riding = [g for g in parade["groups"] if g.get("role") not in NOT_RIDING]
    speeds = [(VEHICLE_DEFAULTS.get(str(g["kind"]), VEHICLE_DEFAULTS["other"])[2], str(g["kind"])) for g in riding]
    slowest, kind = min(speeds) if speeds else (15.0, "")
    note(
        f"{p}.speed_limit_kmh",
        _("{kmh} km/h").format(kmh=number(slowest, digits=1, fixed=False)),
        _(
            "the document sets no column speed: the column drives at its slowest vehicle's speed ({kind}, the plan's "
            "default), slower where a street's class caps it; give the column's speed to set another"
        ).format(kind=kind_name(kind).lower() if kind else "?"),
        None,
    )


def _stays_together(data: dict[str, Any], parade: dict[str, Any], p: str, note: Note) -> None:
    """Not said whether vehicles may leave the column early: they stay to the end (the plan's rule)."""
    if not _answered(data, f"{p}.no_leaving_before_end"):
        return
    parade["no_leaving_before_end"] = True
    note(
        f"{p}.no_leaving_before_end",
        _("every vehicle stays to the end"),
        _(
            "the document does not say that vehicles may leave the column early: every vehicle stays in it to the end "
            "of the route (the plan's rule for a parade); say that they may leave to change it"
        ),
        None,
    )


def _lines_up(data: dict[str, Any], parade: dict[str, Any], p: str, note: Note) -> None:
    """No line-up street stated: the column lines up at its assembly place (no arrival slots are planned)."""
    if parade.get("staging") or not _answered(data, f"{p}.staging"):
        return
    place = next((pl["name"] for pl in data.get("places", []) if pl["id"] == parade["assembly_place"]), "?")
    note(
        f"{p}.staging",
        str(place),
        _(
            "the document names no line-up street: the column lines up at its assembly place ({place}) and every "
            "vehicle is there by the assembly time; give the line-up street and its length to plan arrival slots"
        ).format(place=place),
        None,
    )


#: Where the document puts police vehicles it gives no other task (folded words of the group's name): the role.
RIDING_WORDS: tuple[tuple[str, str], ...] = (
    (r"\b(?:cuoi doan|khoa duoi|di sau|sau cung|chot duoi)\b", "tail"),
    (r"\b(?:di kem|ho tong|di cung doan|hai ben|doc doan|ben canh doan|song song voi doan)\b", "flank"),
)


def _police_vehicles_hold_posts(parade: dict[str, Any], p: str, police: TrafficDuty | None, note: Note) -> None:
    """Police vehicles the document lists with no task (not leading, closing or guarding): they hold the posts
    (route guard), the task the plan gives police vehicles; none rides among the floats. Vehicles the document
    puts at the tail or beside the column ride there."""
    for j, g in enumerate(parade["groups"]):
        if g.get("kind") not in POLICE_KINDS or g.get("role") != "in_column":
            continue
        name = str(g.get("name") or g["id"])
        riding = next((role for rx, role in RIDING_WORDS if re.search(rx, fold(name))), None)
        if riding is not None:
            g["role"] = riding
            continue  # the document's own words
        g["role"] = "route_guard"
        if police is not None:
            why = _(
                "'{name}': the document gives these police vehicles no task and charges {unit} with the traffic "
                "on the route: they hold the posts"
            ).format(name=name, unit=police.unit)
        else:
            why = _(
                "'{name}': the document gives these police vehicles no task: they hold the posts at the crossings, "
                "as police vehicles do in a parade (not among the floats); set their role to overturn it"
            ).format(name=name)
        note(f"{p}.groups[{j}].role", _("holds the posts"), why, police.source if police else None)


#: A post-holding group the importer adds for a police unit: (kind, id base, its name in the document's language).
_POST_GROUPS = (
    ("police_motorbike", "mo-to-giu-chot", N_("Police motorbikes holding the posts")),
    ("police_car", "o-to-giu-chot", N_("Police cars holding the U-turn posts")),
)


def _post_holders(data: dict[str, Any], parade: dict[str, Any], p: str, police: TrafficDuty, note: Note) -> None:
    """A police unit charged with the traffic on the route, no post-holding vehicles of a kind stated: a group of
    that kind for the unit, its count left to the plan (an open item: ``plan`` sizes it to what the posts need).
    Cars only where the route turns (a U-turn post needs one); a kind the document states is kept as it is."""
    stated = {g["kind"] for g in parade["groups"] if g.get("role") in POST_ROLES}
    turns = any(s.get("uturn") for s in parade["route"])
    taken = {g["id"] for g in parade["groups"]}
    for kind, base, msg in _POST_GROUPS:
        name = tr(msg, DOCUMENT_LANG)
        if kind in stated or (kind == "police_car" and not turns):
            continue
        j = len(parade["groups"])
        gid = unique_id(f"{base}-{slug(police.unit, '-', 24)}", taken)
        parade["groups"].append(
            {"id": gid, "name": name, "kind": kind, "count": 1, "role": "route_guard", "owner": police.unit}
        )
        data["open_items"].append(
            {
                "field": f"{p}.groups[{j}].count",
                "question": _(
                    "'{name}' ({owner}): the number of vehicles is not stated — `paradeplan plan` gives the number the "
                    "posts need; write the number the unit sends."
                ).format(name=name, owner=police.unit),
            }
        )
        note(
            f"{p}.groups[{j}]",
            f"{name} ({police.unit})",
            _(
                "the document charges {unit} with the traffic on the route but states no vehicles for the posts: the "
                "posts are its, as many as they need (`paradeplan plan` counts them)"
            ).format(unit=police.unit),
            police.source,
        )


def _barrier_holders(data: dict[str, Any], parade: dict[str, Any], p: str, holder: TrafficDuty, note: Note) -> None:
    """No one on foot ordered for the barrier points, a unit charged with the traffic on the route: a group of
    that unit's people holds them, its count left to the plan (an open item: ``plan`` sizes it)."""
    data["open_items"] = [
        o for o in data["open_items"] if not (o["field"] == f"{p}.groups" and o["question"] == tr(NO_MARSHALS))
    ]
    name = _("People holding the barrier points", DOCUMENT_LANG)
    j = len(parade["groups"])
    taken = {g["id"] for g in parade["groups"]}
    parade["groups"].append(
        {
            "id": unique_id(f"luc-luong-rao-chan-{slug(holder.unit, '-', 24)}", taken),
            "name": name,
            "kind": "other",
            "count": 1,
            "role": "marshal",
            "owner": holder.unit,
        }
    )
    data["open_items"].append(
        {
            "field": f"{p}.groups[{j}].count",
            "question": _(
                "'{name}' ({owner}): the number of people is not stated — `paradeplan plan` gives the number the plan "
                "needs; write the number the unit sends."
            ).format(name=name, owner=holder.unit),
        }
    )
    note(
        f"{p}.groups[{j}]",
        f"{name} ({holder.unit})",
        _(
            "the document charges {unit} with the traffic on the route and orders no one on foot for the barrier "
            "points at crossings without a police post: its people hold them, as many as they need (`paradeplan "
            "plan` counts them)"
        ).format(unit=holder.unit),
        holder.source,
    )
