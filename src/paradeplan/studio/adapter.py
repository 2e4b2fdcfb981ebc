"""The studio's one door to the importer and the plan file: import an upload, describe open items in plain
Vietnamese, apply a fix to the plan data, and check the plan as ``validate`` does."""

from __future__ import annotations

import copy
import logging
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from paradeplan.errors import InputError, ParadeplanError, Problem, TooLarge
from paradeplan.i18n import NP_, Msg, gettext, number, tr
from paradeplan.plan.rules import asks_coordinates

log = logging.getLogger(__name__)

#: Largest upload the studio accepts: the importer's own limit for any document.
MAX_UPLOAD = 20_000_000
DOCUMENTS = (".txt", ".md", ".docx", ".pdf")
PLAN_FILES = (".yaml", ".yml")

_PATH = re.compile(r"([A-Za-z_]+)|\[(\d+)\]")
_INDEXED = re.compile(r"^([a-z_]+)\[(\d+)\]")


class FixRefused(ParadeplanError):
    """A fix that cannot be applied (unknown item, bad value, or a plan the file format refuses)."""

    def __init__(self, reason: str, details: list[dict[str, str]] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.details = details or []
        """The plan file's problems as the page shows them (``field``, ``message``)."""


@dataclass(frozen=True)
class Imported:
    """An upload turned into a plan file: its text, open items and decisions as JSON-able data."""

    name: str
    yaml: str
    open_items: list[dict[str, Any]]
    decisions: list[dict[str, Any]]


def over_limit(err: InputError) -> bool:
    """Whether the importer (or the plan file reader) refused a file for crossing a limit, not for its content."""
    return isinstance(err, TooLarge)


def import_upload(filename: str, data: bytes) -> Imported:
    """Import an uploaded document (.txt/.docx/.pdf) or take an uploaded plan file as it is.

    Raises
    ------
    InputError
        The importer's (or the plan file reader's) refusal, naming the file.
    """
    name = Path(filename or "document.txt").name or "document.txt"
    suffix = Path(name).suffix.lower()
    if suffix in PLAN_FILES:
        return _plan_file(name, data)
    if suffix not in DOCUMENTS:
        raise InputError(
            problems=[
                Problem(
                    gettext("not a document the importer reads"),
                    name,
                    hint=gettext("give a .txt, .docx, .pdf or .yaml"),
                )
            ]
        )
    from paradeplan.importer import import_document

    with tempfile.TemporaryDirectory(prefix="pp-studio-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        result = import_document(path)
    items = [_item(q.as_dict(), result.data) for q in result.open_items()]
    decisions = [_decision(d.as_dict()) for d in result.decisions]
    title = str(result.data.get("event", {}).get("name") or name)
    return Imported(title, result.yaml_text, items, decisions)


def _plan_file(name: str, data: bytes) -> Imported:
    from paradeplan.importer.reader import decode_text
    from paradeplan.plan.planfile import MAX_PLAN_BYTES, plan_from_text

    if len(data) > MAX_PLAN_BYTES:
        raise TooLarge(
            problems=[
                Problem(
                    gettext("larger than the limit of {n} bytes for a plan file").format(n=number(MAX_PLAN_BYTES)),
                    name,
                )
            ]
        )
    text = decode_text(data, name)
    plan_from_text(text, name)
    parsed = yaml.safe_load(text)
    items = []
    for k, o in enumerate(parsed.get("open_items") or [], start=1):
        fld, q = str(o["field"]), str(o["question"])
        pin = asks_coordinates(fld, q)
        items.append(
            _item(
                {
                    "id": f"o{k}",
                    "field": fld,
                    "question": q,
                    "source": None,
                    "required": pin,
                    "kind": "pin" if pin else "value",
                },
                parsed,
            )
        )
    decisions = [_decision(d) for d in parsed.get("decisions") or []]
    for k, d in enumerate(decisions, start=1):
        d["id"] = d.get("id") or f"d{k}"
    return Imported(str(parsed.get("event", {}).get("name") or name), text, items, decisions)


def _decision(d: dict[str, Any]) -> dict[str, Any]:
    alts = d.get("alternatives") or []
    return {
        "id": d.get("id"),
        "field": d["field"],
        "chosen": d["chosen"],
        "reason": d.get("reason", ""),
        "source": d.get("source"),
        "alternatives": [
            {"label": a.get("name") or a.get("label"), "lat": a.get("lat"), "lon": a.get("lon"), "note": a.get("note")}
            for a in alts
        ],
        "overturned": False,
    }


# ------------------------------------------------------------------------------------------------ open items


def get_path(data: Any, dotted: str) -> Any:
    """The value at ``parades[0].route`` in plain plan data (None when any part is missing)."""
    cur = data
    for name, idx in _PATH.findall(dotted):
        if name:
            cur = cur.get(name) if isinstance(cur, dict) else None
        else:
            cur = cur[int(idx)] if isinstance(cur, list) and int(idx) < len(cur) else None
        if cur is None:
            return None
    return cur


def set_path(data: Any, dotted: str, value: Any) -> None:
    """Set ``dotted`` in plain plan data (a mapping's key is added; a list index must exist); ``None`` deletes."""
    parts = _PATH.findall(dotted)
    if not parts:
        raise FixRefused(gettext("'{field}' is not a field of the plan").format(field=dotted))
    cur = data
    for name, idx in parts[:-1]:
        nxt = (cur.get(name) if isinstance(cur, dict) else None) if name else _at(cur, int(idx))
        if nxt is None:
            if name and isinstance(cur, dict):
                nxt = cur[name] = {}
            else:
                raise FixRefused(gettext("'{field}' is not in this plan").format(field=dotted))
        cur = nxt
    name, idx = parts[-1]
    if name:
        if not isinstance(cur, dict):
            raise FixRefused(gettext("'{field}' is not in this plan").format(field=dotted))
        if value is None:
            cur.pop(name, None)
        else:
            cur[name] = value
    else:
        if not isinstance(cur, list) or int(idx) >= len(cur):
            raise FixRefused(gettext("'{field}' is not in this plan").format(field=dotted))
        cur[int(idx)] = value


def _at(cur: Any, i: int) -> Any:
    return cur[i] if isinstance(cur, list) and i < len(cur) else None


def _label(data: dict[str, Any], fld: str) -> str:
    m = _INDEXED.match(fld)
    if not m:
        return ""
    entry = get_path(data, f"{m.group(1)}[{m.group(2)}]") or {}
    if m.group(1) == "parades" and ".groups[" in fld:
        entry = get_path(data, fld.rsplit(".", 1)[0]) or entry
    return str(entry.get("name") or entry.get("what") or entry.get("id") or "") if isinstance(entry, dict) else ""


def _input(fld: str) -> str:
    last = fld.rsplit(".", 1)[-1]
    if last.endswith("_time") or last.startswith("window_"):
        return "time"
    if last in ("speed_limit_kmh", "duration_min", "count"):
        return "number"
    if last in ("date", "start", "end", "due"):
        return "date"
    if last == "no_leaving_before_end":
        return "bool"
    if last in ("staging", "name", "venue", "who", "assembly_place"):
        return "text"
    return "none"


#: The studio's wording of each kind of open item (the importer writes a technical English sentence).
Q: dict[str, Msg] = {
    "pin": NP_("studio", "{name} has no coordinates: choose the suggested point, or click or drag the pin on the map."),
    "departure_time": NP_(
        "studio",
        "The document gives no departure time; {value} (the assembly time) stands in. "
        "Type when the head of the column leaves.",
    ),
    "assembly_time": NP_("studio", "The document gives no assembly time; {value} stands in. Type the assembly time."),
    "speed_limit_kmh": NP_("studio", "The document sets no speed for the column; type the limit (km/h)."),
    "no_leaving_before_end": NP_(
        "studio", "The document does not say whether vehicles may leave the column before the end."
    ),
    "after_end": NP_(
        "studio",
        "{name} then follow their own routes, which the document does not give; "
        "kept as is, each vehicle goes back by the shortest way.",
    ),
    "staging": NP_(
        "studio", "The document does not say where the column lines up; type the staging street (or leave it)."
    ),
    "gathering_groups": NP_(
        "studio", "{name} is not among the column's vehicles; keep it, or add its group under Vehicle groups."
    ),
    "duration_min": NP_(
        "studio", "The document does not say how long the vehicles stay at {name} (15 min by default)."
    ),
    "window_start": NP_("studio", "The document gives no time for {name}; 07:00–11:00 stands in. Type the start."),
    "window_end": NP_("studio", "The document gives only the start of {name}; the end and the duration stand in."),
    "venue": NP_("studio", "The venue of {name} is not located or only roughly: keep it, or pin it on the map."),
    "start": NP_("studio", "The document does not say when {name} runs; the whole week stands in."),
    "date": NP_("studio", "The document gives no date for the parade; the date shown stands in."),
    "assembly_place": NP_("studio", "The document does not say where the column assembles; type the place."),
    "who": NP_("studio", "The document does not say who delivers this report."),
    "name": NP_("studio", "The document's title was not found; type the event's name."),
    "deadlines": NP_("studio", "The document asks for a report but sets no date: add the deadline under Deadlines."),
    "parades": NP_("studio", "The document has no parade route; keep it as is when there is no parade."),
    "person": NP_("studio", "When {name} is free and where they start are not stated; the issuer's seat stands in."),
    "count": NP_(
        "studio",
        "The number of units the document counts differs from the administrative data (units merged since?): "
        "check the list.",
    ),
    "merged": NP_("studio", "{name} has been merged into another unit since; it is kept as the document lists it."),
    "unscheduled": NP_("studio", "A ceremony is mentioned without a date or time and was not scheduled."),
    "streets": NP_(
        "studio",
        "The route lies outside the street data at hand: fetch that area's streets (paradeplan streets fetch).",
    ),
    "area": NP_("studio", "The area is named as before 1 July 2025; check it."),
    "marshal": NP_(
        "studio",
        "No one on foot is named for the barrier points at crossings without a police post: "
        "add a group of marshals under Vehicle groups, or keep it as is.",
    ),
    "marshal_count": NP_(
        "studio",
        "{name}: the document does not say how many people the unit sends; the plan works out how many are "
        "needed. Type the number the unit sends, or keep it as is.",
    ),
    "other": NP_("studio", "To check: {question}"),
    "approximate": NP_("studio", "{name} (approximate)"),
    "suggested": NP_("studio", "{name} (suggested point)"),
}


def question(fld: str, english: str, data: dict[str, Any], lang: str = "vi") -> str:
    """The open item's question in plain words of ``lang`` (from the catalogue)."""
    label = _label(data, fld)
    name = f"“{label}”" if label else ""
    last = fld.rsplit(".", 1)[-1]
    value = get_path(data, fld)
    key = "other"
    if asks_coordinates(fld, english):
        key = "pin"
    elif last == "groups" and fld.startswith("gatherings"):
        key = "gathering_groups"
    elif fld in ("deadlines", "streets"):
        key = fld
    elif fld == "parades":
        key = "parades"
    elif fld == "event.area":
        key = "area"
    elif re.fullmatch(r"parades\[\d+\]\.groups\[\d+\]\.count", fld):
        key = "marshal_count"
    elif "role: marshal" in english or _no_marshals(english):
        key = "marshal"
    elif _says(english, "count"):
        key = "count"
    elif _says(english, "merged"):
        key = "merged"
    elif _says(english, "unscheduled"):
        key = "unscheduled"
    elif re.fullmatch(r"people\[\d+\]", fld):
        key = "person"
    elif last in Q and fld.startswith(("parades", "gatherings", "ceremonies", "activities", "deadlines", "event")):
        key = last
    return tr(Q[key], lang, name=name, value=value, question=english)


#: Words that tell the importer's open items apart, in each language it writes them in (see its vi.po entries).
_SAYS: dict[str, tuple[str, ...]] = {  # words as data: text to recognise in the importer's questions
    "count": ("the document counts", "Văn bản nêu số"),
    "merged": ("as merged into", "đã sáp nhập vào"),
    "unscheduled": ("without a date or time", "không có ngày giờ"),
}


def _says(question: str, key: str) -> bool:
    return any(w in question for w in _SAYS[key])


def _no_marshals(question: str) -> bool:
    """The importer's "no one on foot for the barrier points" item, in either language."""
    from paradeplan.importer.writer import NO_MARSHALS

    return question in {tr(NO_MARSHALS, "vi"), tr(NO_MARSHALS, "en")}


def _item(q: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    fld = str(q["field"])
    kind = str(q.get("kind") or "value")
    cands = [
        {"label": c.get("name") or c.get("label"), "lat": c.get("lat"), "lon": c.get("lon"), "note": c.get("note", "")}
        for c in q.get("candidates") or []
    ]
    required = bool(q.get("required"))
    value = get_path(data, fld)
    if kind == "value" and fld.endswith(".venue") and isinstance(value, str):
        place = next((p for p in data.get("places") or [] if p.get("id") == value), None)
        if place is not None and place.get("lat") is not None:
            kind = "pin"
            label = tr(Q["approximate"], name=place["name"]) if place.get("approximate") else str(place["name"])
            cands.append({"label": label, "lat": place["lat"], "lon": place["lon"], "note": place.get("note", "")})
    keep = kind == "value" and (not required or value is not None)
    return {
        "id": str(q["id"]),
        "field": fld,
        "question": question(fld, str(q["question"]), data),
        "question_en": question(fld, str(q["question"]), data, "en"),
        "detail": str(q["question"]),
        "source": q.get("source"),
        "required": required,
        "kind": kind,
        "input": _input(fld) if kind == "value" else "pin",
        "candidates": cands,
        "keep": keep,
        "current": value.isoformat()
        if isinstance(value, date)
        else value
        if isinstance(value, (str, int, float, bool))
        else None,
    }


def suggest_pins(items: list[dict[str, Any]], data: dict[str, Any], graph: Any) -> None:
    """Give each pin item without candidates the point the gazetteer or the street data name (one click)."""
    want = [it for it in items if it["kind"] == "pin" and not it["candidates"]]
    if not want or graph is None:
        return
    from paradeplan.geo.gazetteer import load_gazetteer
    from paradeplan.geo.geocode import pin_places
    from paradeplan.plan.planfile import plan_from_data

    try:
        plan = plan_from_data(data)
        pinned = pin_places(plan, gazetteer=load_gazetteer(), named_points=graph.graph.get("_named_points") or ())
    except InputError:
        return
    for it in want:
        m = re.match(r"^places\[(\d+)\]$", it["field"])
        if not m or int(m.group(1)) >= len(pinned.places):
            continue
        p = pinned.places[int(m.group(1))]
        if p.lat is not None and p.lon is not None:
            it["candidates"].append(
                {
                    "label": gettext("{name} (suggested position)").format(name=p.name),
                    "lat": p.lat,
                    "lon": p.lon,
                    "note": p.note or "",
                }
            )
            it["kind"] = "choose" if it["kind"] == "pin" else it["kind"]
            it["input"] = "pin"


# ------------------------------------------------------------------------------------------------ fixes


def _parse_value(fld: str, value: Any) -> Any:
    kind = _input(fld)
    if kind == "time" and isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{1,2})\s*[:hg]\s*(\d{2})?\s*", value)
        if not m or int(m.group(1)) > 23 or int(m.group(2) or 0) > 59:
            raise FixRefused(gettext("'{value}' is not a time of day (HH:MM)").format(value=value))
        return f"{int(m.group(1)):02d}:{int(m.group(2) or 0):02d}"
    if kind == "number" and isinstance(value, str):
        try:
            num = float(value.replace(",", "."))
        except ValueError:
            raise FixRefused(gettext("'{value}' is not a number").format(value=value)) from None
        return int(num) if num.is_integer() else num
    if fld.endswith(".base") and value == "":
        return None
    if fld.endswith(".staging") and isinstance(value, str):
        return {"street": value.strip(), "length_m": 300} if value.strip() else None
    return value


def apply_fix(
    data: dict[str, Any], items: list[dict[str, Any]], decisions: list[dict[str, Any]], fix: dict[str, Any]
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]], str]:
    """Apply one fix to copies of the plan data, open items and decisions; returns them and a note.

    Raises
    ------
    FixRefused
        Unknown item, a value of the wrong kind, or a plan the file format refuses (with its problems).
    """
    data, items, decisions = copy.deepcopy(data), copy.deepcopy(items), copy.deepcopy(decisions)
    resolved: set[str] = set()
    if "item" in fix:
        ident = str(fix["item"])
        item = next((it for it in items if it["id"] == ident), None)
        dec = next((d for d in decisions if d["id"] == ident), None)
        if item is None and dec is None:
            raise FixRefused(gettext("no open item or decision '{id}' (already fixed?)").format(id=ident))
        if dec is not None:
            note = _overturn(data, dec, fix)
        else:
            assert item is not None
            note = _fix_item(data, item, fix)
            resolved.add(item["field"])
    elif "field" in fix and "value" in fix:
        fld = str(fix["field"])
        if not _PATH.fullmatch(fld.replace(".", "")) and not re.fullmatch(r"[a-z_]+(\[\d+\]|\.[a-z_]+)*", fld):
            raise FixRefused(gettext("'{field}' is not a field of the plan").format(field=fld))
        if fld.split(".")[0].split("[")[0] in ("format", "open_items", "decisions"):
            raise FixRefused(gettext("'{field}' is kept by the studio").format(field=fld))
        set_path(data, fld, _parse_value(fld, fix["value"]))
        resolved.add(fld)
        _overturned_by_edit(data, decisions, fld)
        note = gettext("{field} edited directly").format(field=fld)
    else:
        raise FixRefused(gettext('send {"item", "choice"|"lat","lon"|"value"} or {"field", "value"}'))
    check_data(data)
    left = [it for it in items if not _answered(it, resolved, data)]
    gone = {(it["field"], it.get("detail")) for it in items} - {(it["field"], it.get("detail")) for it in left}
    data["open_items"] = [o for o in data.get("open_items", []) if (o["field"], o["question"]) not in gone]
    if not data["open_items"]:
        data.pop("open_items")
    return data, left, decisions, note


def _answered(item: dict[str, Any], resolved: set[str], data: dict[str, Any]) -> bool:
    if item["field"] in resolved:
        return True
    if item["kind"] in ("pin", "choose") and item["field"].startswith("places["):
        place = get_path(data, item["field"]) or {}
        return place.get("lat") is not None and place.get("lon") is not None and not place.get("approximate")
    return False


def _pin(data: dict[str, Any], fld: str, lat: Any, lon: Any, note: str) -> None:
    try:
        la, lo = float(lat), float(lon)
    except (TypeError, ValueError):
        raise FixRefused(gettext("lat and lon must be numbers")) from None
    if not (-90 <= la <= 90 and -180 <= lo <= 180):
        raise FixRefused(gettext("({lat}, {lon}) is not a point on Earth").format(lat=la, lon=lo))
    target = get_path(data, fld)
    if not isinstance(target, dict) or "id" not in target:
        # a ceremony venue or an assembly place: pin the place it names
        pid = target if isinstance(target, str) else None
        target = next((p for p in data.get("places", []) if p["id"] == pid), None)
        if target is None:
            raise FixRefused(gettext("'{field}' is not a place to pin").format(field=fld))
    target["lat"], target["lon"] = round(la, 6), round(lo, 6)
    target.pop("approximate", None)
    target["note"] = note


def _fix_item(data: dict[str, Any], item: dict[str, Any], fix: dict[str, Any]) -> str:
    fld = item["field"]
    if "choice" in fix:
        n = fix["choice"]
        if not isinstance(n, int) or isinstance(n, bool):
            raise FixRefused(gettext("choice is the candidate's number (0, 1, …)"))
        if n == -1 or (item["kind"] == "value" and not item["candidates"] and n == 0):
            if not item["keep"]:
                raise FixRefused(gettext("this item needs an answer: it cannot be kept as it is"))
            return gettext("{field}: kept as it is").format(field=fld)
        if not 0 <= n < len(item["candidates"]):
            raise FixRefused(gettext("no candidate {n}: there are {count}").format(n=n, count=len(item["candidates"])))
        c = item["candidates"][n]
        if c.get("lat") is not None and c.get("lon") is not None:
            _pin(data, fld, c["lat"], c["lon"], gettext("chosen in the studio: {label}").format(label=c["label"]))
        else:
            set_path(data, fld, c["label"])
        return gettext("{field}: chose {label}").format(field=fld, label=c["label"])
    if "lat" in fix or "lon" in fix:
        _pin(data, fld, fix.get("lat"), fix.get("lon"), gettext("pinned on the map in the studio"))
        return gettext("{field}: pinned at {lat}, {lon}").format(field=fld, lat=fix.get("lat"), lon=fix.get("lon"))
    if "value" in fix:
        value = fix["value"]
        if isinstance(value, str) and not value.strip() and not item["keep"]:
            raise FixRefused(gettext("type a value"))
        if item["input"] == "none":
            raise FixRefused(gettext("this item is answered in the forms (or kept as it is), not by a value"))
        set_path(data, fld, _parse_value(fld, value))
        return f"{fld} = {value}"
    raise FixRefused(gettext("send choice, lat and lon, or value"))


def _covers(decided: str, edited: str) -> bool:
    """Whether editing field ``edited`` changes what a decision on field ``decided`` chose (the same field, a part of
    it, or the whole it is part of: editing ``parades[0].route`` overturns ``parades[0].route[3]``)."""
    return any(a == b or a.startswith((b + ".", b + "[")) for a, b in ((decided, edited), (edited, decided)))


def _overturned_by_edit(data: dict[str, Any], decisions: list[dict[str, Any]], fld: str) -> None:
    """The importer's decisions on a field the clerk edited are marked changed, in the studio and in the plan file."""
    shown = get_path(data, fld)
    value = shown.get("street") if isinstance(shown, dict) else shown
    chosen = "—" if value in (None, "") else str(value)
    for dec in decisions:
        if dec.get("overturned") or not _covers(str(dec["field"]), fld):
            continue
        for d in data.get("decisions", []):
            if d.get("id") == dec["id"]:
                d["chosen"] = chosen
                d["reason"] = gettext("overturned in the studio: {reason}").format(reason=d.get("reason", ""))
        dec["chosen"], dec["overturned"] = chosen, True


def _overturn(data: dict[str, Any], dec: dict[str, Any], fix: dict[str, Any]) -> str:
    n = fix.get("choice")
    alts = dec["alternatives"]
    if not isinstance(n, int) or isinstance(n, bool) or not 0 <= n < len(alts):
        raise FixRefused(gettext("choose one of the {count} alternatives by its number").format(count=len(alts)))
    alt = alts[n]
    fld = dec["field"]
    if alt.get("lat") is not None and fld.startswith(("places[", "ceremonies[")):
        why = gettext("chosen in the studio instead of the importer's decision: {label}").format(label=alt["label"])
        _pin(data, fld, alt["lat"], alt["lon"], why)
    else:
        raise FixRefused(gettext("this decision cannot be overturned here (street data: use a plan file)"))
    chosen = gettext("{label} at {lat}, {lon} (chosen in the studio)").format(
        label=alt["label"], lat=f"{alt['lat']:.6f}", lon=f"{alt['lon']:.6f}"
    )
    for d in data.get("decisions", []):
        if d.get("id") == dec["id"] or (d["field"] == fld and d["chosen"] == dec["chosen"]):
            d["chosen"] = chosen
            d["reason"] = gettext("overturned in the studio: {reason}").format(reason=d.get("reason", ""))
    dec["chosen"], dec["overturned"] = chosen, True
    return f"{fld}: {chosen}"


# ------------------------------------------------------------------------------------------------ checks


def check_data(data: dict[str, Any]) -> None:
    """The plan file format's own checks; :class:`FixRefused` with field problems when it refuses."""
    from paradeplan.plan.planfile import plan_from_text

    try:
        plan_from_text(dump(data), "plan.yaml")
    except InputError as err:
        raise FixRefused(gettext("the plan file would not be valid"), problems_of(err)) from None


def problems_of(err: InputError) -> list[dict[str, str]]:
    """Problems as ``{"field", "message"}`` (the hint appended)."""
    return [
        {"field": p.field or "", "message": p.message + (f" ({p.hint})" if p.hint else "")} for p in err.problems
    ] or [{"field": "", "message": str(err)}]


def load(text: str) -> dict[str, Any]:
    """The plan file's text as plain data."""
    data = yaml.safe_load(text)
    return data if isinstance(data, dict) else {}


def dump(data: dict[str, Any]) -> str:
    """The plan file text for plan data (the importer's writer: header comment, model key order)."""
    from paradeplan.importer.writer import plan_yaml

    return plan_yaml(data, str(data.get("event", {}).get("source") or "paradeplan studio"), studio=True)


class Checker:
    """What ``paradeplan validate`` checks, with the street graphs kept in memory between checks."""

    def __init__(self, base_dir: Path) -> None:
        self.base_dir = base_dir
        self._graphs: dict[str, Any] = {}

    def graph(self, data: dict[str, Any]) -> Any:
        """The plan's street graph (None for a plan without parades and ``streets:``)."""
        if not data.get("parades") and not data.get("streets"):
            return None
        spec = str(data.get("streets") or "builtin:quan12")
        if spec not in self._graphs:
            from paradeplan.geo.streets import load_graph

            self._graphs[spec] = load_graph(spec, self.base_dir)
        return self._graphs[spec]

    def check(self, data: dict[str, Any]) -> tuple[list[dict[str, str]], Any]:
        """(problems, resolved routes by parade index) of plan data, as ``validate`` would report them."""
        from paradeplan.plan.planfile import plan_from_text

        try:
            plan = plan_from_text(dump(data), "plan.yaml")
        except InputError as err:
            return problems_of(err), {}
        routes: dict[int, Any] = {}
        try:
            graph = self.graph(data)
        except InputError as err:
            return problems_of(err), {}
        if graph is None:
            from paradeplan.plan.rules import unpinned_places

            return [{"field": _dotted(p), "message": m} for p, m, _ in unpinned_places(plan)], {}
        from paradeplan.geo.gazetteer import load_gazetteer
        from paradeplan.geo.geocode import pin_places
        from paradeplan.plan.rules import unpinned_places
        from paradeplan.route.resolve import resolve_route

        problems: list[dict[str, str]] = []
        try:
            gaz = load_gazetteer()
            pinned = pin_places(plan, gazetteer=gaz, named_points=graph.graph.get("_named_points") or ())
        except InputError as err:
            return problems_of(err), {}
        problems += [{"field": _dotted(p), "message": m + f" ({h})"} for p, m, h in unpinned_places(pinned)]
        for i, parade in enumerate(pinned.parades):
            try:
                routes[i] = resolve_route(pinned, parade, graph, gazetteer=gaz, online=False)
            except InputError as err:
                problems += problems_of(err)
        return problems, routes


def _dotted(path: tuple[str | int, ...]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
