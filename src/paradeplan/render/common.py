"""Shared helpers of the renderers: run-sheet rows, the route phrase, the timeline and deterministic zips."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any

from paradeplan import clock
from paradeplan.geo.distance import haversine_m
from paradeplan.i18n import N_, Msg, km, tr, unit_name
from paradeplan.parade.schedule import ColumnVehicleRow, OnwardLeg, ParadeSchedule, StagingTrip, UnitRow
from paradeplan.render.i18n import point_label, street_phrase, t
from paradeplan.route.model import Route

ATTRIBUTION = "© OpenStreetMap contributors (ODbL 1.0)"


def unit_label(unit: UnitRow, lang: str = "vi") -> str:
    """What a person calls a unit ("Mô tô CSGT 01", "Xe hoa phường Thới An"); ids stay in the data files."""
    return unit_name(unit.name, unit.kind, unit.role, unit.unit, lang)


def unit_names(schedule: ParadeSchedule, lang: str) -> dict[str, str]:
    """Display name of every unit of a schedule, by id."""
    return {u.unit: unit_label(u, lang) for u in schedule.units}


@dataclass(frozen=True)
class Move:
    """Consecutive legs of one mode after the split, summarised: streets in order, length, first and last time."""

    mode: str
    """drive or parade."""
    streets: tuple[str, ...]
    length_m: float
    start_s: int
    end_s: int

    def text(self, lang: str, *, most: int = 4) -> str:
        """ "đi theo Hà Huy Giáp, Tô Ngọc Vân (3,2 km, 11:26–11:31)"."""
        names = list(self.streets[:most]) + (["…"] if len(self.streets) > most else [])
        span = f"{km(self.length_m, lang, 1)}, {clock.hm(self.start_s)}–{clock.hm(self.end_s)}"
        if not names:
            return tr(_MOVE_NOWHERE[self.mode], lang, span=span)
        return tr(_MOVE[self.mode], lang, streets=", ".join(names), span=span)


_MOVE: dict[str, Msg] = {
    "drive": N_("drive along {streets} ({span})"),
    "parade": N_("parade along {streets} ({span})"),
}
_MOVE_NOWHERE: dict[str, Msg] = {"drive": N_("drive ({span})"), "parade": N_("parade ({span})")}


def moves_of(legs: list[OnwardLeg]) -> list[Move]:
    """The legs of a unit after the split as a few moves: one per run of legs of the same mode."""
    out: list[Move] = []
    group: list[OnwardLeg] = []

    def flush() -> None:
        if not group:
            return
        streets: list[str] = []
        for leg in group:
            name = (leg.street or "").strip()
            if name and name not in streets:
                streets.append(name)
        length = 0.0
        for leg in group:
            pts = leg.coords
            length += sum(haversine_m(a[0], a[1], b[0], b[1]) for a, b in zip(pts, pts[1:], strict=False))
        out.append(Move(group[0].mode, tuple(streets), length, group[0].enter_s, group[-1].leave_s))
        group.clear()

    for leg in legs:
        if group and leg.mode != group[-1].mode:
            flush()
        group.append(leg)
    flush()
    return out


def staging_of(schedule: ParadeSchedule) -> dict[str, StagingTrip]:
    """Staging trips by unit id."""
    return {r.unit: r for r in schedule.staging}


def column_of(schedule: ParadeSchedule) -> dict[str, ColumnVehicleRow]:
    """Column rows by unit id."""
    return {r.unit: r for r in schedule.column}


def onward_of(schedule: ParadeSchedule) -> dict[str, list[OnwardLeg]]:
    """Onward legs by unit id, in time order."""
    out: dict[str, list[OnwardLeg]] = {}
    for row in schedule.onward:
        out.setdefault(row.unit, []).extend(row.legs)
    for legs in out.values():
        legs.sort(key=lambda x: (x.enter_s, x.seq))
    return out


@dataclass(frozen=True)
class RunRow:
    """One line of a unit's run-sheet (times in seconds since midnight, None when the line has none)."""

    unit: str
    name: str
    kind: str
    role: str
    group: str
    what: str
    """Post id or position in the column."""
    place: str
    arrive_s: int | None
    hold_from_s: int | None
    release_s: int | None
    next_move: str
    lat: float | None = None
    lon: float | None = None
    slack_s: int | None = None
    """For a post: seconds between arriving and having to hold it."""

    @property
    def slack(self) -> str:
        """The slack in whole minutes (empty when the line holds no post)."""
        return "" if self.slack_s is None else str(self.slack_s // 60)

    @property
    def arrive(self) -> str:
        """Arrival as ``HH:MM`` (empty when none)."""
        return clock.hm_or_blank(self.arrive_s)

    @property
    def hold_from(self) -> str:
        """Start of the hold as ``HH:MM``."""
        return clock.hm_or_blank(self.hold_from_s)

    @property
    def release_at(self) -> str:
        """Release as ``HH:MM``."""
        return clock.hm_or_blank(self.release_s)


def run_rows(schedule: ParadeSchedule, unit: UnitRow, lang: str) -> list[RunRow]:
    """The run-sheet lines of one unit: each post it holds, or its place in the column, and the legs after.

    Parameters
    ----------
    schedule : ParadeSchedule
    unit : UnitRow
        One of ``schedule.units``.
    lang : str
        Output language.

    Returns
    -------
    list of RunRow
    """
    base: dict[str, Any] = {
        "unit": unit.unit,
        "name": unit_label(unit, lang),
        "kind": unit.kind,
        "role": unit.role,
        "group": unit.group,
    }
    legs = onward_of(schedule).get(unit.unit, [])
    after = _after_parade(legs, lang)
    if unit.runs:
        return _post_rows(unit, base, after, lang) + _move_rows(legs, base, lang)
    # the unit stays for the whole parade: with the column, or in reserve
    return [_whole_parade_row(schedule, unit, base, after, lang), *_move_rows(legs, base, lang)]


def _after_parade(legs: list[OnwardLeg], lang: str) -> str:
    """What a unit does once the parade no longer needs it: its onward route, or back to its base."""
    if not legs:
        return t("return_base", lang)
    shown = next((x for x in legs if x.mode == "parade"), None)
    if shown is not None:
        return f"{t('onward', lang)}: {street_phrase(shown.street, lang)} ({clock.hm(shown.enter_s)})"
    return f"{t('return_base', lang)} ({clock.hm(legs[0].enter_s)})"


def _post_rows(unit: UnitRow, base: dict[str, Any], after: str, lang: str) -> list[RunRow]:
    """One line per post the unit holds, each naming the move after it."""
    rows = []
    for i, r in enumerate(unit.runs):
        nxt = t("to_post", lang, p=unit.runs[i + 1].post) if i + 1 < len(unit.runs) else after
        rows.append(
            RunRow(
                **base,
                what=r.post,
                place=r.name,
                arrive_s=r.arrive_s,
                hold_from_s=r.hold_from_s,
                release_s=r.release_s,
                next_move=nxt,
                lat=r.lat,
                lon=r.lon,
                slack_s=r.slack_s,
            )
        )
    return rows


def _whole_parade_row(schedule: ParadeSchedule, unit: UnitRow, base: dict[str, Any], after: str, lang: str) -> RunRow:
    """The one line of a unit that stays for the whole parade: its place in the column, or where it waits in
    reserve (by its station's post; at the assembly when the parade has no posts)."""
    parade = schedule.parade
    assembly = parade.assembly
    stag = staging_of(schedule).get(unit.unit)
    arrive_assembly = stag.arrive_s if stag is not None else assembly.time_s
    col = column_of(schedule).get(unit.unit)

    def whole_parade(what: str, place: str, arrive_s: int | None, lat: float | None, lon: float | None) -> RunRow:
        return RunRow(
            **base,
            what=what,
            place=place,
            arrive_s=arrive_s,
            hold_from_s=parade.departure_s,
            release_s=parade.finish_tail_s,
            next_move=after,
            lat=lat,
            lon=lon,
        )

    if col is not None:
        n = col.position
        what = t("at_head", lang, n=n) if unit.ride == "head" else t("in_column", lang, n=n)
        return whole_parade(what, assembly.name, arrive_assembly, assembly.lat, assembly.lon)
    if unit.station is not None:
        station = unit.station
        # a reserve is on call from the departure: it is there then, not when its station's post closes
        return whole_parade(
            t("reserve_at", lang, p=station.post), station.name, parade.departure_s, station.lat, station.lon
        )
    what = t("reserve_at", lang, p=assembly.name)
    return whole_parade(what, assembly.name, arrive_assembly, assembly.lat, assembly.lon)


def _move_rows(legs: list[OnwardLeg], base: dict[str, Any], lang: str) -> list[RunRow]:
    """The drives and parade legs after the parade, one line per move (never one per street segment)."""
    rows = []
    for move in moves_of(legs):
        if move.length_m < 50 and move.end_s - move.start_s < 60:
            continue  # a few metres between two streets: nothing to tell the driver
        rows.append(
            RunRow(
                **base,
                what=t("parade_leg", lang) if move.mode == "parade" else t("drive", lang),
                place=move.text(lang),
                arrive_s=move.start_s,
                hold_from_s=None,
                release_s=move.end_s,
                next_move="",
            )
        )
    return rows


def units_sorted(schedule: ParadeSchedule) -> list[UnitRow]:
    """Units ordered: column units by position first, then the others by id."""
    col = column_of(schedule)
    return sorted(schedule.units, key=lambda u: (0, col[u.unit].position, "") if u.unit in col else (1, 0, u.unit))


@dataclass(frozen=True)
class RouteItem:
    """One item of the route paragraph: a place or a street, with the head's time where known."""

    text: str
    kind: str
    """place, street, uturn or end."""
    time_s: int | None = None

    @property
    def time(self) -> str:
        """The head's time as ``HH:MM`` (empty when none)."""
        return clock.hm_or_blank(self.time_s)


def route_items(schedule: ParadeSchedule, route: Route, lang: str) -> list[RouteItem]:
    """The route as the official paragraph writes it: start → streets → U-turn (quay đầu) → … → end (kết thúc).

    Consecutive stretches of one street are merged; U-turn points are placed by their distance along the route.
    """
    parade = schedule.parade
    start = next((r for r in schedule.timetable if r.kind == "start"), None)
    end = next((r for r in schedule.timetable if r.kind == "end"), None)
    start_name = (
        (start.name if start else "")
        or next((p.name for p in route.points if p.kind == "start"), "")
        or parade.assembly.name
    )
    end_name = (end.name if end else "") or next((p.name for p in route.points if p.kind == "end"), "") or start_name
    uturns = sorted((r for r in schedule.timetable if r.kind == "uturn"), key=lambda r: r.at_m)
    items = [RouteItem(start_name, "place", parade.departure_s)]
    km = 0.0
    last_street: str | None = None
    for s in sorted(route.stretches, key=lambda s: s.seq):
        if s.street and s.street != last_street:
            items.append(RouteItem(street_phrase(s.street, lang), "street"))
            last_street = s.street
        km += s.length_m / 1000
        while uturns and uturns[0].at_m / 1000 <= km + 0.05:
            u = uturns.pop(0)
            items.append(RouteItem(f"{u.name} ({t('uturn_label', lang)})", "uturn", u.head_s))
            last_street = None
    for u in uturns:  # no stretch lengths: keep the U-turns in order anyway
        items.append(RouteItem(f"{u.name} ({t('uturn_label', lang)})", "uturn", u.head_s))
    items.append(RouteItem(f"{end_name} ({t('end_label', lang)})", "end", parade.finish_head_s))
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
    time_s: int
    lane: str
    """assembly, head, tail or split."""


def milestones(schedule: ParadeSchedule, lang: str) -> list[Milestone]:
    """Assembly, departure, each U-turn (head and tail), finish (head and tail) and the split, in time order."""
    parade = schedule.parade
    out = [
        Milestone("assembly", t("assembly", lang), parade.assembly.time_s, "assembly"),
        Milestone("departure", t("departure", lang), parade.departure_s, "head"),
    ]
    tail_start = next((r.tail_s for r in schedule.timetable if r.kind == "start"), None)
    if tail_start is not None:
        out.append(Milestone("tail_start", f"{t('tail', lang)}: {t('departure', lang).lower()}", tail_start, "tail"))
    for r in schedule.timetable:
        if r.kind == "uturn":
            out.append(Milestone("uturn", f"{t('uturn', lang)}: {r.name}", r.head_s, "head"))
            out.append(
                Milestone(
                    "uturn_tail", f"{t('tail', lang)}: {point_label('uturn', lang).lower()} {r.name}", r.tail_s, "tail"
                )
            )
    out.append(Milestone("finish_head", t("finish_head", lang), parade.finish_head_s, "head"))
    out.append(Milestone("finish_tail", t("finish_tail", lang), parade.finish_tail_s, "tail"))
    out.append(Milestone("split", t("split", lang), parade.finish_tail_s, "split"))
    return sorted(out, key=lambda m: clock.hms(m.time_s))


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


#: The font of official documents (Decree 30/2020/NĐ-CP).
OFFICIAL_FONT = "Times New Roman"  # words as data: a font's name


def official_document(right_margin_cm: float) -> tuple[Any, Any]:
    """A new Word document laid out as an official one: A4 portrait, margins 2/2/3 cm (top, bottom, left) and
    ``right_margin_cm``, the Normal style in Times New Roman 14 for every script; returns it and its Normal style.
    """
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Cm(2), Cm(2), Cm(3), Cm(right_margin_cm)
    normal = doc.styles["Normal"]
    normal.font.name = OFFICIAL_FONT
    normal.font.size = Pt(14)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), OFFICIAL_FONT)
    return doc, normal
