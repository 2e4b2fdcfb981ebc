"""Run-sheets workbook (runsheets.xlsx) and the closures table (closures.csv), formula-safe and deterministic."""

from __future__ import annotations

import csv
import io
import logging
from datetime import datetime, time
from pathlib import Path
from typing import Any

from paradeplan import clock
from paradeplan.i18n import NP_, Msg, gettext, tr
from paradeplan.outputs import write_file_atomic
from paradeplan.parade.schedule import ParadeSchedule
from paradeplan.render.common import RunRow, normalise_zip, run_rows, units_sorted
from paradeplan.render.i18n import (
    GROUPS,
    duty_label,
    group_label,
    group_of,
    kind_label,
    official_date,
    role_label,
    t,
)
from paradeplan.render.safe import neutralise, set_text_cell

log = logging.getLogger(__name__)

#: closures.csv columns: (field, header).
CLOSURE_COLUMNS: tuple[tuple[str, Msg], ...] = (
    ("post", NP_("closures.csv", "point")),
    ("kind", NP_("closures.csv", "kind")),
    ("street", NP_("closures.csv", "street")),
    ("cross_street", NP_("closures.csv", "cross street")),
    ("lat", NP_("closures.csv", "lat")),
    ("lon", NP_("closures.csv", "lon")),
    ("close", NP_("closures.csv", "close")),
    ("reopen", NP_("closures.csv", "reopen")),
    ("units", NP_("closures.csv", "units")),
)
#: What a closure point is, in closures.csv.
CLOSURE_KINDS: dict[str, Msg] = {"post": NP_("closures.csv", "police post"), "barrier": NP_("closures.csv", "barrier")}

RUN_COLUMNS = (
    "unit_id",
    "unit",
    "role",
    "post_or_position",
    "place",
    "arrive_by",
    "hold_from",
    "release_at",
    "slack",
    "next_move",
)
RUN_WIDTHS = (18, 34, 16, 26, 40, 11, 11, 11, 11, 36)


def closures_csv_text(schedule: ParadeSchedule, *, lang: str = "vi") -> str:
    """The closures table as CSV text (without the BOM): one row per closure point (police posts and barrier points
    with their marshals), sorted by close time, then id.

    Parameters
    ----------
    schedule : ParadeSchedule
        The schedule.
    lang : {"vi", "en"}
        Header language (English headers in English mode, Vietnamese in Vietnamese mode).

    Returns
    -------
    str
    """
    points = schedule.traffic.points
    rows = (
        [(p.close_s, p.id, p.kind, p.street, p.cross_street, p.lat, p.lon, p.reopen_s, p.held_by) for p in points]
        if points
        else [
            (r.close_s, r.post, "post", r.street, r.cross_street, r.lat, r.lon, r.reopen_s, r.units)
            for r in schedule.closures.posts
        ]
    )
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([tr(header, lang) for _, header in CLOSURE_COLUMNS])
    for close, pid, kind, street, cross, lat, lon, reopen, held in sorted(rows, key=lambda r: (r[0], r[1])):
        values = [
            pid,
            tr(CLOSURE_KINDS[kind], lang),
            street,
            cross,
            f"{lat:.6f}",
            f"{lon:.6f}",
            clock.hm_or_blank(close),
            clock.hm_or_blank(reopen),
            "; ".join(held),
        ]
        w.writerow([neutralise(v) for v in values])
    return buf.getvalue()


def _csv(rows: list[list[Any]], columns: list[str]) -> str:
    """CSV text with a header; names that a spreadsheet would run as formulas are neutralised."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([neutralise(v) for v in r])
    return buf.getvalue()


def lineup_csv_text(schedule: ParadeSchedule) -> str:
    """``lineup.csv``: position, unit, kind, owner, role, staging metres, arrival slot and leaving time (HH:MM)."""
    return _csv(
        [
            [
                x.position,
                x.unit,
                x.kind,
                x.owner,
                x.role,
                x.staging_from_m,
                x.staging_to_m,
                clock.hm_or_blank(x.arrive_from_s),
                clock.hm_or_blank(x.arrive_to_s),
                clock.hm_or_blank(x.leave_base_s),
            ]
            for x in schedule.lineup
        ],
        [
            "position",
            "unit",
            "kind",
            "owner",
            "role",
            "staging_from_m",
            "staging_to_m",
            "arrive_from",
            "arrive_to",
            "leave_base",
        ],
    )


def onward_csv_text(schedule: ParadeSchedule) -> str:
    """``onward.csv``: every onward leg after the split (unit, seq, mode, segment, street, enter, leave)."""
    return _csv(
        [
            [o.unit, g.seq, g.mode, g.segment, g.street, clock.hms(g.enter_s), clock.hms(g.leave_s)]
            for o in schedule.onward
            for g in o.legs
        ],
        ["unit", "seq", "mode", "segment", "street", "enter", "leave"],
    )


def write_closures_csv(path: Path, schedule: ParadeSchedule, *, lang: str = "vi") -> str:
    """Write ``closures.csv`` (UTF-8 with BOM so Excel shows Vietnamese) and return its file name."""
    write_file_atomic(Path(path), ("\ufeff" + closures_csv_text(schedule, lang=lang)).encode("utf-8"))
    return Path(path).name


def _time_value(s: int | None) -> time | str:
    if s is None:
        return ""
    return time(s // 3600 % 24, s % 3600 // 60)


def _header(ws: Any, labels: list[str], widths: tuple[int, ...], row: int = 1) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="808080")
    for i, (label, width) in enumerate(zip(labels, widths, strict=True), start=1):
        c = ws.cell(row=row, column=i)
        set_text_cell(c, label)
        c.font = Font(bold=True, name="Times New Roman", size=12)
        c.fill = PatternFill("solid", fgColor="DDE7F0")
        c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        c.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        ws.column_dimensions[get_column_letter(i)].width = width


def _print_setup(ws: Any, header_row: int, ncols: int) -> None:
    from openpyxl.utils import get_column_letter

    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(ncols)}{max(header_row, ws.max_row)}"
    ws.oddFooter.center.text = "&P / &N"


def _row_values(r: RunRow, lang: str) -> list[Any]:
    return [
        r.unit,
        r.name,
        role_label(r.role, lang),
        r.what,
        r.place,
        _time_value(r.arrive_s),
        _time_value(r.hold_from_s),
        _time_value(r.release_s),
        r.slack_s // 60 if r.slack_s is not None else "",
        r.next_move,
    ]


def _write_rows(ws: Any, rows: list[list[Any]], start: int) -> None:
    """Write body rows: Times New Roman 12, wrapped and top-aligned; clock times centred as HH:MM.

    The two cell styles are set through openpyxl's descriptors once per sheet (which registers them in the
    workbook exactly as setting every cell would) and copied to the other cells as style indices: setting
    style objects per cell hashes and compares them each time, most of the run-sheets' build time.
    """
    from copy import copy

    from openpyxl.styles import Alignment, Font

    font = Font(name="Times New Roman", size=12)
    done: dict[tuple[bool, bool], Any] = {}
    for i, values in enumerate(rows, start=start):
        for j, v in enumerate(values, start=1):
            c = ws.cell(row=i, column=j)
            set_text_cell(c, v)  # may set the quote prefix, part of the style
            is_time = isinstance(v, time)
            key = (is_time, bool(c.quotePrefix))
            if key in done:
                c._style = copy(done[key])
                continue
            c.font = font
            c.alignment = Alignment(wrap_text=True, vertical="top")
            if is_time:
                c.number_format = "HH:MM"
                c.alignment = Alignment(horizontal="center", vertical="top")
            done[key] = c._style


def runsheets_workbook(
    schedule: ParadeSchedule, *, lang: str = "vi", placeholders: frozenset[str] = frozenset()
) -> Any:
    """Build the run-sheets workbook: an overview sheet and one sheet per group.

    Parameters
    ----------
    schedule : ParadeSchedule
        The schedule.
    lang : {"vi", "en"}
        Language of headers and labels.
    placeholders : frozenset of str
        The parade's facts that are placeholders (``plan.rules.parade_placeholders``): marked as such.

    Returns
    -------
    openpyxl.Workbook
    """
    from openpyxl import Workbook

    parade = schedule.parade
    day = parade.date
    wb = Workbook()
    ws = wb.active
    ws.title = t("overview", lang)
    header_row = _overview_facts(ws, schedule, lang, placeholders) + 1
    by_group = _overview_units(ws, schedule, header_row, lang)
    for key, _ in GROUPS:
        gs = wb.create_sheet(group_label(key, lang))
        _header(gs, [t(c, lang) for c in RUN_COLUMNS], RUN_WIDTHS)
        _write_rows(gs, [_row_values(r, lang) for r in by_group[key]], 2)
        _print_setup(gs, 1, len(RUN_COLUMNS))
        gs.oddHeader.center.text = group_label(key, lang)
        _open_times_note(gs, len(by_group[key]) + 3, placeholders, lang)
    _marshal_sheet(wb, schedule, lang)
    for sheet in wb.worksheets[1:]:
        _open_times_note(sheet, 0, placeholders, lang)
    stamp = datetime(day.year, day.month, day.day)
    wb.properties.creator = "paradeplan"
    wb.properties.lastModifiedBy = "paradeplan"
    wb.properties.title = parade.name
    wb.properties.created = stamp
    wb.properties.modified = stamp
    return wb


def _overview_facts(ws: Any, schedule: ParadeSchedule, lang: str, placeholders: frozenset[str] = frozenset()) -> int:
    """The overview's title and the parade's facts (event, date, times, slack); a fact the plan still leaves open
    is followed by "(chưa xác định)" in the next column (the value keeps its type: a time stays a time); the last
    row used + 1."""
    from openpyxl.styles import Font

    parade = schedule.parade
    esc = schedule.escort
    title = ws.cell(row=1, column=1)
    set_text_cell(title, parade.name or schedule.event.name)
    title.font = Font(bold=True, name="Times New Roman", size=14)
    facts = [
        (t("event", lang), schedule.event.name),
        (t("date", lang), official_date(parade.date, lang)),
        (t("assembly_place", lang), parade.assembly.name),
        (t("assembly_time", lang), _time_value(parade.assembly.time_s)),
        (t("departure", lang), _time_value(parade.departure_s)),
        (t("finish_head", lang), _time_value(parade.finish_head_s)),
        (t("finish_tail", lang), _time_value(parade.finish_tail_s)),
        (t("min_slack", lang), t("minutes", lang, n=esc.min_slack_s // 60) if esc.min_slack_s is not None else ""),
        (
            t("delay_tolerance", lang),
            t("tolerance_value", lang, e=esc.delay_tolerance.early_min, l=esc.delay_tolerance.late_min),
        ),
        (t("attribution", lang), schedule.attribution),
    ]
    from paradeplan.plan.rules import TIME_FACTS

    open_rows = {i for i, key in enumerate(_FACT_KEYS, start=2) if key in placeholders}
    for i, (k, v) in enumerate(facts, start=2):
        c = ws.cell(row=i, column=1)
        set_text_cell(c, k)
        c.font = Font(bold=True, name="Times New Roman", size=12)
        _write_rows(ws, [[k, v]], i)
        ws.cell(row=i, column=1).font = Font(bold=True, name="Times New Roman", size=12)
        if i in open_rows:
            mark = ws.cell(row=i, column=3)
            set_text_cell(mark, "(" + gettext("not decided yet", lang) + ")")
            mark.font = Font(italic=True, color="8A1C1C", name="Times New Roman", size=12)
    if TIME_FACTS & placeholders:
        _open_times_note(ws, len(facts) + 2, placeholders, lang)
        return len(facts) + 3
    return len(facts) + 2


#: The plan-file key of each overview fact, in the order :func:`_overview_facts` writes them (None: not a fact of
#: the plan file).
_FACT_KEYS = (None, "date", "assembly_place", "assembly_time", "departure_time", None, None, None, None, None)


def _overview_units(ws: Any, schedule: ParadeSchedule, header_row: int, lang: str) -> dict[str, list[RunRow]]:
    """The overview's table, one line per unit (its first post or place, when it arrives and is released); every
    unit's run-sheet lines by group, for the group sheets."""
    labels = [
        t("unit_id", lang),
        t("unit", lang),
        t("group", lang),
        t("kind", lang),
        t("duty", lang),
        t("post_or_position", lang),
        t("arrive_by", lang),
        t("release_at", lang),
    ]
    _header(ws, labels, (18, 34, 14, 22, 16, 30, 11, 11), header_row)
    by_group: dict[str, list[RunRow]] = {k: [] for k, _ in GROUPS}
    overview: list[list[Any]] = []
    for u in units_sorted(schedule):
        rows = run_rows(schedule, u, lang)
        by_group[group_of(u.kind)].extend(rows)
        first, last = rows[0], rows[-1]
        what = first.what if len(rows) == 1 else f"{first.what} … ({len(rows)})"
        overview.append(
            [
                first.unit,
                first.name,
                group_label(group_of(u.kind), lang),
                kind_label(u.kind, lang),
                duty_label(u.duty, lang),
                what,
                _time_value(first.arrive_s),
                _time_value(last.release_s),
            ]
        )
    _write_rows(ws, overview, header_row + 1)
    _print_setup(ws, header_row, len(labels))
    ws.freeze_panes = ws.cell(row=header_row + 1, column=3)
    return by_group


def _open_times_note(ws: Any, row: int, placeholders: frozenset[str], lang: str) -> None:
    """While a time the others follow is open, say so on the sheet: in its printed header (``row`` 0) or in the
    sheet's row ``row``, under its table."""
    from openpyxl.styles import Font

    from paradeplan.plan.rules import TIME_FACTS

    if not TIME_FACTS & placeholders:
        return
    if row == 0:
        ws.oddHeader.right.text = "(" + gettext("not decided yet", lang) + ")"
        return
    note = ws.cell(row=row, column=1)
    set_text_cell(note, gettext("The times below follow a time not decided yet: they change with it.", lang))
    note.font = Font(italic=True, color="8A1C1C", name="Times New Roman", size=12)


def _marshal_sheet(wb: Any, schedule: ParadeSchedule, lang: str) -> None:
    """The marshals' run-sheet: each marshal's barrier points in order, where, and when to close and reopen."""
    barriers = [p for p in schedule.traffic.points if p.kind == "barrier"]
    if not barriers:
        return
    names = {m.id: m.name for m in schedule.traffic.marshals}
    held = sorted(
        ((m, p) for p in barriers for m in (p.held_by or ("",))), key=lambda x: (x[0] or "~", x[1].close_s, x[1].id)
    )
    title = gettext("Barriers", lang)
    ws = wb.create_sheet(title)
    headers = [
        gettext("Marshal", lang),
        t("unit", lang),
        gettext("Barrier point", lang),
        t("street", lang),
        t("cross_street", lang),
        t("lat", lang),
        t("lon", lang),
        gettext("Closed", lang),
        t("reopen", lang),
    ]
    _header(ws, headers, (16, 30, 10, 26, 30, 11, 11, 10, 10))
    _write_rows(
        ws,
        [
            [m, names.get(m, m), p.id, p.street, p.cross_street, f"{p.lat:.6f}", f"{p.lon:.6f}"]
            + [_time_value(p.close_s), _time_value(p.reopen_s)]
            for m, p in held
        ],
        2,
    )
    _print_setup(ws, 1, len(headers))
    ws.oddHeader.center.text = title


def runsheets_bytes(schedule: ParadeSchedule, *, lang: str = "vi", placeholders: frozenset[str] = frozenset()) -> bytes:
    """The run-sheets workbook as deterministic bytes (fixed metadata and zip dates)."""
    wb = runsheets_workbook(schedule, lang=lang, placeholders=placeholders)
    buf = io.BytesIO()
    wb.save(buf)
    day = schedule.parade.date
    data = buf.getvalue()
    data = _fix_core_dates(data, day.isoformat())
    return normalise_zip(data, (day.year, day.month, day.day, 0, 0, 0))


def _fix_core_dates(data: bytes, iso_day: str) -> bytes:
    """Force docProps/core.xml dates to the parade day (openpyxl stamps ``modified`` with the save time)."""
    import re
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = body.decode("utf-8")
                text = re.sub(
                    r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)", rf"\g<1>{iso_day}T00:00:00Z\g<2>", text
                )
                body = text.encode("utf-8")
            dst.writestr(info, body)
    return out.getvalue()


def write_runsheets(
    path: Path, schedule: ParadeSchedule, *, lang: str = "vi", placeholders: frozenset[str] = frozenset()
) -> str:
    """Write ``runsheets.xlsx`` (``placeholders``: the parade's facts still open) and return its file name."""
    write_file_atomic(Path(path), runsheets_bytes(schedule, lang=lang, placeholders=placeholders))
    return Path(path).name
