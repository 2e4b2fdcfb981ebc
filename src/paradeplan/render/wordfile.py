"""ke-hoach.docx: the "Lộ trình điều hành" paragraph and the "Bảng phân công lực lượng" table, official style."""

from __future__ import annotations

import copy
import io
import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from paradeplan.i18n import gettext
from paradeplan.outputs import write_file_atomic
from paradeplan.parade.schedule import ParadeSchedule
from paradeplan.plan.model import Plan
from paradeplan.plan.rules import TIME_FACTS
from paradeplan.render import word
from paradeplan.render.common import (
    RouteItem,
    normalise_zip,
    official_document,
    route_items,
    run_rows,
    unit_names,
    units_sorted,
)
from paradeplan.render.i18n import official_date, official_datetime, official_time, role_label, t
from paradeplan.route.model import Route

log = logging.getLogger(__name__)


def _route_paragraph_text(items: list[RouteItem], lang: str) -> str:
    parts = []
    for i, it in enumerate(items):
        if it.kind == "street" or it.time_s is None:
            parts.append(it.text)
            continue
        when = official_time(it.time_s, lang)
        if i == 0:
            parts.append(f"{it.text} ({t('departure', lang).lower()} {when})")
        elif it.text.endswith(")"):
            parts.append(f"{it.text[:-1]}, {when})")
        else:
            parts.append(f"{it.text} ({when})")
    return " → ".join(parts) + "."


def _forces(schedule: ParadeSchedule, plan: Plan | None, lang: str) -> list[str]:
    """ "- 02 xe cảnh sát giao thông mở đường." lines, one per vehicle group, in line-up order."""
    names: dict[str, list[str]] = {}
    for u in units_sorted(schedule):
        g = u.group or u.kind
        names.setdefault(g, []).append(u.name or g)
    plan_names: dict[str, str] = {}
    if plan is not None:
        pid = schedule.parade.id
        for parade in plan.parades:
            if parade.id == pid:
                plan_names = {g.id: g.name for g in parade.groups if g.name}
    lines = []
    for g, members in names.items():
        label = plan_names.get(g)
        if not label:
            words = [m.split() for m in members]
            common: list[str] = []
            for column in zip(*words, strict=False):
                if all(w == column[0] for w in column):
                    common.append(column[0])
                else:
                    break
            while common and common[-1].isdigit():
                common.pop()
            label = " ".join(common) or g
        if lang == "vi":
            label = label[:1].lower() + label[1:]
        lines.append(f"- {len(members):02d} {label}.")
    return lines


def docx_bytes(schedule: ParadeSchedule, route: Route, plan: Plan | None, *, lang: str = "vi") -> bytes:
    """The Word file as deterministic bytes (fixed core properties and zip dates).

    Parameters
    ----------
    schedule : ParadeSchedule
        The schedule.
    route : Route
        The resolved route.
    plan : Plan or None
        The plan (issuer, document number and date), optional.
    lang : {"vi", "en"}
        Language.

    Returns
    -------
    bytes
    """
    from docx.shared import Cm, Pt

    parade = schedule.parade
    event = schedule.event
    day = parade.date
    doc, normal = official_document(1.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.first_line_indent = Cm(1)
    para = partial(word.para, doc)
    _heading(para, schedule, plan, lang)
    para(f"1. {t('forces', lang)}:", bold=True)
    for line in _forces(schedule, plan, lang):
        para(line)
    from paradeplan.plan.rules import parade_placeholders

    _times_and_route(para, schedule, route, lang, parade_placeholders(plan, parade.id))
    para(f"3. {t('force_table', lang)}:", bold=True)
    _force_table(doc, schedule, lang)
    _closures(para, schedule, lang)
    para(f"{t('attribution', lang)}: {schedule.attribution}.", italic=True, indent=False, size=11)

    word.set_properties(doc, parade.name, event.name, day)
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue(), (day.year, day.month, day.day, 0, 0, 0))


def _heading(para: Callable[..., Any], schedule: ParadeSchedule, plan: Plan | None, lang: str) -> None:
    """The issuer, the document number and date, the parade's name and the theme."""
    if plan is not None and plan.event.issuer:
        para(plan.event.issuer.upper(), bold=True, center=True, size=13)
    if plan is not None and plan.event.document:
        date_line = ""
        if plan.event.document_date:
            area = plan.event.area.name if plan.event.area else ""
            date_line = f"{area}, {official_date(plan.event.document_date, lang)}".strip(", ")
        para(gettext("No. {number}", lang).format(number=plan.event.document), center=True, size=13)
        if date_line:
            para(date_line, italic=True, center=True, size=13)
    para(schedule.parade.name or schedule.event.name, bold=True, center=True)
    if schedule.event.theme:
        para(f"{t('theme', lang)}: “{schedule.event.theme}”", italic=True, center=True)


def _fact(para: Callable[..., Any], label: str, value: str, open_: bool, lang: str) -> None:
    """One "- label: value." line; a value the plan still leaves open is followed by "(chưa xác định)" in red
    italics."""
    if not open_:
        para(f"- {label}: {value}.")
        return
    from docx.shared import RGBColor

    p = para(f"- {label}: {value} ")
    mark = p.add_run("(" + gettext("not decided yet", lang) + ")")
    mark.italic = True
    mark.font.color.rgb = RGBColor(0x8A, 0x1C, 0x1C)
    p.add_run(".")


def _times_and_route(
    para: Callable[..., Any],
    schedule: ParadeSchedule,
    route: Route,
    lang: str,
    placeholders: frozenset[str] = frozenset(),
) -> None:
    """Section 2: assembly, departure, the route paragraph, the finish, and the note on leaving early; a fact the
    plan still leaves open (``placeholders``) is marked as such, and the times that follow from it are said to."""
    parade = schedule.parade
    para(f"2. {t('time', lang)}, {t('place', lang).lower()}, {t('route', lang).lower()}:", bold=True)
    assembly = parade.assembly
    when = official_datetime(parade.date, assembly.time_s, lang)
    _fact(para, t("assembly_time", lang), when, bool({"date", "assembly_time"} & placeholders), lang)
    _fact(para, t("departure", lang), official_time(parade.departure_s, lang), "departure_time" in placeholders, lang)
    _fact(para, t("assembly_place", lang), assembly.name, "assembly_place" in placeholders, lang)
    if TIME_FACTS & placeholders:
        para(gettext("The times below follow a time not decided yet: they change with it.", lang), italic=True)
    p = para(f"- {t('route', lang)}: ")
    p.add_run(_route_paragraph_text(route_items(schedule, route, lang), lang))
    para(
        f"- {t('finish_head', lang)}: {official_time(parade.finish_head_s, lang)}; "
        f"{t('finish_tail', lang).lower()}: {official_time(parade.finish_tail_s, lang)}."
    )
    if parade.no_leaving_before_end:
        p = para()
        empty = p.add_run("")  # an empty plain first run, as the paragraph has always had (same bytes)
        empty.bold, empty.italic = False, False
        r = p.add_run(f"{t('note', lang)}: ")
        r.bold, r.italic = True, True
        p.add_run(t("no_leaving", lang)).italic = True


def _force_table(doc: Any, schedule: ParadeSchedule, lang: str) -> None:
    """Section 3's table: one row per run-sheet line of every unit (number, unit, role, post or place, time)."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt
    from docx.text.run import Run

    headers = [t("stt", lang), t("unit", lang), t("role", lang), t("post_or_position", lang), t("time", lang)]
    rows: list[list[str]] = []
    for u in units_sorted(schedule):
        for r in run_rows(schedule, u, lang):
            what = r.what if not r.place or r.what == r.place else f"{r.what}: {r.place}"
            span = r.arrive + (f" – {r.release_at}" if r.release_at else "")
            rows.append([r.name, role_label(r.role, lang), what, span])
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = (Cm(1.2), Cm(5.0), Cm(3.0), Cm(5.3), Cm(2.5))
    for i, h in enumerate(headers):
        cell = table.rows[0].cells[i]
        cell.width = widths[i]
        cp = cell.paragraphs[0]
        cp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        cp.paragraph_format.first_line_indent = Cm(0)
        run = cp.add_run(h)
        run.bold = True
        run.font.size = Pt(13)
    trpr = table.rows[0]._tr.get_or_add_trPr()
    hdr = trpr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"})
    trpr.append(hdr)
    template = None
    for n, values in enumerate(rows, start=1):
        texts = [f"{n:02d}", *values]
        if template is not None:
            # Every row is formatted alike: the first is built through python-docx, the others are copies of its
            # XML with each run's text set through python-docx (setting each property per cell is the slow part)
            tr = copy.deepcopy(template)
            table._tbl.append(tr)
            for run_el, v in zip(tr.iter(qn("w:r")), texts, strict=True):
                Run(run_el, table).text = v
            continue
        cells = table.add_row().cells
        for i, v in enumerate(texts):
            cells[i].width = widths[i]
            cp = cells[i].paragraphs[0]
            cp.paragraph_format.first_line_indent = Cm(0)
            cp.paragraph_format.space_after = Pt(0)
            if i in (0, 4):
                cp.alignment = WD_ALIGN_PARAGRAPH.CENTER
            cp.add_run(v).font.size = Pt(13)  # a run even for an empty value: the copies set each run's text
        template = table.rows[-1]._tr


def _closures(para: Callable[..., Any], schedule: ParadeSchedule, lang: str) -> None:
    """Section 4 (when there are closures): each post's closing and reopening, with the units holding it."""
    closures = sorted(schedule.closures.posts, key=lambda r: (r.close_s, r.post))
    if not closures:
        return
    para(f"4. {t('closures_posts', lang)}:", bold=True)
    names = unit_names(schedule, lang)
    for c in closures:
        para(
            f"- {c.post}: {c.street} × {c.cross_street}: "
            f"{official_time(c.close_s, lang)} – {official_time(c.reopen_s, lang)}"
            + (f" ({', '.join(names.get(u, u) for u in c.units)})" if c.units else "")
            + "."
        )


def write_docx(path: Path, schedule: ParadeSchedule, route: Route, plan: Plan | None, *, lang: str = "vi") -> str:
    """Write ``ke-hoach.docx`` and return its file name."""
    write_file_atomic(Path(path), docx_bytes(schedule, route, plan, lang=lang))
    return Path(path).name
