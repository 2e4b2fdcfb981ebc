"""Shared helpers of the renderers: schedule access, run-sheet rows, the route phrase and deterministic zips."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date
from typing import Any

from paradeplan.render.i18n import hhmm, point_label, street_phrase, t

ATTRIBUTION = "© OpenStreetMap contributors (ODbL 1.0)"


def parade_date(schedule: dict[str, Any]) -> date:
    """The parade's date (falls back to 2000-01-01 when missing)."""
    text = (schedule.get("parade") or {}).get("date")
    return date.fromisoformat(text) if text else date(2000, 1, 1)


def attribution(schedule: dict[str, Any]) -> str:
    """The schedule's attribution line, or the OpenStreetMap one."""
    return str(schedule.get("attribution") or ATTRIBUTION)


def unit_label(unit: dict[str, Any]) -> str:
    """"Name (ID)" of a unit, or the id alone when it has no other name."""
    name = unit.get("name") or ""
    uid = str(unit.get("unit") or "")
    return f"{name} ({uid})" if name and name != uid else uid


def staging_of(schedule: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Staging rows by unit id."""
    return {str(r["unit"]): r for r in schedule.get("staging") or [] if r.get("unit")}


def column_of(schedule: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Column rows by unit id."""
    return {str(r["unit"]): r for r in schedule.get("column") or [] if r.get("unit")}


def onward_of(schedule: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Onward legs by unit id (the optional ``onward`` list; rows of legs or a unit with ``legs``)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for row in schedule.get("onward") or []:
        if not isinstance(row, dict):
            continue
        uid = str(row.get("unit") or "")
        if "legs" in row:
            out.setdefault(uid, []).extend(x for x in row.get("legs") or [] if isinstance(x, dict))
        else:
            out.setdefault(uid, []).append(row)
    for legs in out.values():
        legs.sort(key=lambda x: (str(x.get("enter") or ""), int(x.get("seq") or 0)))
    return out


@dataclass(frozen=True)
class RunRow:
    """One line of a unit's run-sheet."""

    unit: str
    name: str
    kind: str
    role: str
    group: str
    what: str
    """Post id or position in the column."""
    place: str
    arrive: str
    hold_from: str
    release_at: str
    next_move: str
    lat: float | None = None
    lon: float | None = None


def run_rows(schedule: dict[str, Any], unit: dict[str, Any], lang: str) -> list[RunRow]:
    """The run-sheet lines of one unit: each post it holds, or its place in the column, and the legs after.

    Parameters
    ----------
    schedule : dict
        The schedule.
    unit : dict
        One row of ``schedule["units"]``.
    lang : str
        Output language.

    Returns
    -------
    list of RunRow
    """
    parade = schedule.get("parade") or {}
    assembly = parade.get("assembly") or {}
    uid = str(unit.get("unit") or "")
    base: dict[str, Any] = dict(unit=uid, name=str(unit.get("name") or uid), kind=str(unit.get("kind") or ""),
                role=str(unit.get("role") or ""), group=str(unit.get("group") or ""))
    col = column_of(schedule).get(uid)
    stag = staging_of(schedule).get(uid) or {}
    legs = onward_of(schedule).get(uid, [])
    after = t("return_base", lang)
    if legs:
        shown = next((x for x in legs if x.get("mode") == "parade"), None)
        if shown is not None:
            after = (f"{t('onward', lang)}: {street_phrase(str(shown.get('street') or ''), lang)} "
                     f"({hhmm(shown.get('enter'))})")
        else:
            after = f"{t('return_base', lang)} ({hhmm(legs[0].get('enter'))})"
    rows: list[RunRow] = []
    runs = list(unit.get("runs") or [])
    if runs:
        for i, r in enumerate(runs):
            nxt = t("to_post", lang, p=runs[i + 1].get("post")) if i + 1 < len(runs) else after
            rows.append(RunRow(**base, what=str(r.get("post") or ""), place=str(r.get("name") or ""),
                               arrive=hhmm(r.get("arrive")), hold_from=hhmm(r.get("hold_from")),
                               release_at=hhmm(r.get("release_at")), next_move=nxt,
                               lat=r.get("lat"), lon=r.get("lon")))
    elif col is not None:
        n = col.get("position")
        what = t("at_head", lang, n=n) if unit.get("ride") == "head" else t("in_column", lang, n=n)
        rows.append(RunRow(**base, what=what, place=str(assembly.get("name") or ""),
                           arrive=hhmm(stag.get("arrive") or assembly.get("time")),
                           hold_from=hhmm(parade.get("departure")), release_at=hhmm(parade.get("finish_tail")),
                           next_move=after, lat=assembly.get("lat"), lon=assembly.get("lon")))
    else:
        rows.append(RunRow(**base, what=t("no_task", lang), place=str(assembly.get("name") or ""),
                           arrive=hhmm(stag.get("arrive") or assembly.get("time")), hold_from="", release_at="",
                           next_move="", lat=assembly.get("lat"), lon=assembly.get("lon")))
    for leg in legs:
        mode = t("parade_leg", lang) if leg.get("mode") == "parade" else t("drive", lang)
        place = street_phrase(str(leg.get("street") or ""), lang)
        rows.append(RunRow(**base, what=mode, place=place, arrive=hhmm(leg.get("enter")),
                           hold_from=hhmm(leg.get("enter")), release_at=hhmm(leg.get("leave")), next_move=""))
    return rows


def units_sorted(schedule: dict[str, Any]) -> list[dict[str, Any]]:
    """Units ordered: column units by position first, then the others by id."""
    col = column_of(schedule)
    units = [u for u in schedule.get("units") or [] if isinstance(u, dict)]
    return sorted(units, key=lambda u: (0, col[u["unit"]]["position"]) if u.get("unit") in col
                  else (1, str(u.get("unit"))))


@dataclass(frozen=True)
class RouteItem:
    """One item of the route paragraph: a place or a street, with the head's time where known."""

    text: str
    kind: str
    """place, street, uturn or end."""
    time: str = ""


def route_items(schedule: dict[str, Any], route_geojson: dict[str, Any], lang: str) -> list[RouteItem]:
    """The route as the official paragraph writes it: start → streets → U-turn (quay đầu) → … → end (kết thúc).

    Consecutive stretches of one street are merged; U-turn points are placed by their distance along the route.
    """
    parade = schedule.get("parade") or {}
    timetable = [r for r in schedule.get("timetable") or [] if isinstance(r, dict)]
    lines = [f for f in (route_geojson or {}).get("features") or []
             if (f.get("geometry") or {}).get("type") == "LineString"]
    lines.sort(key=lambda f: int((f.get("properties") or {}).get("seq") or 0))
    points = [f.get("properties") or {} for f in (route_geojson or {}).get("features") or []
              if (f.get("geometry") or {}).get("type") == "Point"]
    start = next((r for r in timetable if r.get("kind") == "start"), None)
    end = next((r for r in timetable if r.get("kind") == "end"), None)
    start_name = (start or {}).get("name") or next((p.get("name") for p in points if p.get("kind") == "start"),
                                                   None) or (parade.get("assembly") or {}).get("name") or ""
    end_name = (end or {}).get("name") or next((p.get("name") for p in points if p.get("kind") == "end"), None) \
        or start_name
    uturns = sorted((r for r in timetable if r.get("kind") == "uturn"), key=lambda r: float(r.get("km") or 0))
    items = [RouteItem(str(start_name), "place", hhmm(parade.get("departure")))]
    km = 0.0
    last_street: str | None = None
    for f in lines:
        p = f.get("properties") or {}
        street = str(p.get("street") or "")
        if street and street != last_street:
            items.append(RouteItem(street_phrase(street, lang), "street"))
            last_street = street
        km += float(p.get("length_m") or 0) / 1000
        while uturns and float(uturns[0].get("km") or 0) <= km + 0.05:
            u = uturns.pop(0)
            items.append(RouteItem(f"{u.get('name')} ({t('uturn_label', lang)})", "uturn", hhmm(u.get("head"))))
            last_street = None
    for u in uturns:  # no stretch lengths: keep the U-turns in order anyway
        items.append(RouteItem(f"{u.get('name')} ({t('uturn_label', lang)})", "uturn", hhmm(u.get("head"))))
    items.append(RouteItem(f"{end_name} ({t('end_label', lang)})", "end", hhmm(parade.get("finish_head"))))
    return items


def route_sentence(items: list[RouteItem], *, times: bool = False) -> str:
    """The route items joined with arrows, optionally with the head's time after places."""
    parts = []
    for it in items:
        parts.append(f"{it.text} [{it.time}]" if times and it.time and it.kind != "street" else it.text)
    return " → ".join(parts)


@dataclass(frozen=True)
class Milestone:
    """A point of the timeline."""

    key: str
    label: str
    time: str
    """HH:MM:SS."""
    lane: str
    """assembly, head, tail or split."""


def milestones(schedule: dict[str, Any], lang: str) -> list[Milestone]:
    """Assembly, departure, each U-turn (head and tail), finish (head and tail) and the split, in time order."""
    parade = schedule.get("parade") or {}
    out: list[Milestone] = []
    asm = (parade.get("assembly") or {}).get("time")
    if asm:
        out.append(Milestone("assembly", t("assembly", lang), asm, "assembly"))
    if parade.get("departure"):
        out.append(Milestone("departure", t("departure", lang), parade["departure"], "head"))
    tail_start = next((r.get("tail") for r in schedule.get("timetable") or [] if r.get("kind") == "start"), None)
    if tail_start:
        out.append(Milestone("tail_start", f"{t('tail', lang)}: {t('departure', lang).lower()}", tail_start,
                             "tail"))
    for r in schedule.get("timetable") or []:
        if r.get("kind") == "uturn":
            out.append(Milestone("uturn", f"{t('uturn', lang)}: {r.get('name')}", str(r.get("head")), "head"))
            if r.get("tail"):
                out.append(Milestone("uturn_tail", f"{t('tail', lang)}: {point_label('uturn', lang).lower()} "
                                     f"{r.get('name')}", str(r.get("tail")), "tail"))
    if parade.get("finish_head"):
        out.append(Milestone("finish_head", t("finish_head", lang), parade["finish_head"], "head"))
    if parade.get("finish_tail"):
        out.append(Milestone("finish_tail", t("finish_tail", lang), parade["finish_tail"], "tail"))
        out.append(Milestone("split", t("split", lang), parade["finish_tail"], "split"))
    return sorted(out, key=lambda m: m.time)


def seconds(clock: str | None) -> int:
    """Seconds since midnight of ``HH:MM[:SS]`` (0 when empty)."""
    if not clock:
        return 0
    parts = [int(x) for x in str(clock).split(":")]
    while len(parts) < 3:
        parts.append(0)
    return parts[0] * 3600 + parts[1] * 60 + parts[2]


def normalise_zip(data: bytes, when: tuple[int, int, int, int, int, int]) -> bytes:
    """Rewrite a zip (xlsx, docx) with every member's date fixed to ``when``, in the original order.

    Parameters
    ----------
    data : bytes
        The zip file.
    when : tuple of int
        (year, month, day, hour, minute, second).

    Returns
    -------
    bytes
        The same members, deflated, with fixed dates and permissions: byte-identical for identical content.
    """
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 0
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()
