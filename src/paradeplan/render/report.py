"""bao-cao.docx: the report after the week ("BÁO CÁO Về việc tổ chức Tuần lễ…"), pre-filled from the plan.

Laid out as the report template the provincial plans attach (seed 001): I. Tổ chức triển khai (1. chỉ đạo,
2. lễ phát động, 3. hoạt động, 4. kết quả có số liệu, 5. kinh phí), II. Đánh giá chung (1. kết quả, bài học;
2. khó khăn; 3. kiến nghị). What the plan knows — ceremonies held with where, when and who attended; each
parade's km, vehicles and traffic posts; the publicity and other activities; the deadline and the recipient —
is written in; what only the reporting unit knows is a highlighted blank. Official style: Times New Roman 14,
the national motto header, A4 with the usual margins. The bytes are deterministic (fixed core properties and
zip dates), as ``ke-hoach.docx``.

The renderer takes small typed inputs (:class:`ParadeFacts`, built by the application layer from each checked
parade schedule) and the plain "book" dicts the ceremony and week stages already give
(``render.ceremonies.ceremonies_book`` / ``week_book``), so it does not depend on the schedule's layout.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from paradeplan import clock
from paradeplan.i18n import N_, NP_, Msg, gettext, tr
from paradeplan.outputs import write_file_atomic
from paradeplan.plan.model import Deadline, Plan
from paradeplan.render import word
from paradeplan.render.common import normalise_zip, official_document
from paradeplan.render.i18n import date_range, official_date, official_time, short_date

log = logging.getLogger(__name__)

BLANK = "……………"

#: Kinds of activity in the report's words (the plan file's ``kind`` values).
_KINDS: dict[str, Msg] = {
    "banners": N_("Banners and slogans"),
    "loudspeaker_round": N_("Loudspeaker rounds"),
    "book_fair": N_("Book fair"),
    "mobile_library": N_("Mobile library"),
    "exhibition": N_("Exhibition"),
    "publicity": N_("Publicity"),
    "training": N_("Classes and training"),
}

_L: dict[str, Msg] = {
    "org_blank": N_("REPORTING BODY"),
    "motto1": N_("SOCIALIST REPUBLIC OF VIET NAM"),
    "motto2": N_("Independence - Freedom - Happiness"),
    "number": N_("No.   /BC-"),
    "title": N_("REPORT"),
    "about": N_("On the organisation of {event}"),
    "legend": N_(
        "Highlighted blanks (……) are for the reporting unit to fill in; the other figures come from the plan "
        "(paradeplan); places marked “approximate” are estimated."
    ),
    "due": N_("Due: before {date}; to: {to}."),
    "due_nodate": N_("Report to: {to}; due: "),
    "lead": N_("Pursuant to {doc}, {who} reports on {event} as follows:"),
    "the_plan": N_("the plan"),
    "of": N_("of"),
    "unit_blank": N_("(name of the unit)"),
    "I": N_("I. ORGANISATION OF THE WEEK"),
    "I1": N_("1. Direction, plans issued, checks and follow-up"),
    "I1_plan": N_("Issued {doc}; the week ran {span}."),
    "I1_theme": N_("Theme: “{theme}”."),
    "I1_more": N_("Other directions, checks and follow-up: "),
    "I2": N_("2. Launch of the week"),
    "I2_count": N_("{n} opening or launch ceremonies planned:"),
    "I2_none": N_("The plan holds no launch ceremony; describe any: "),
    "col_no": N_("No."),
    "col_cer": NP_("report", "Ceremony"),
    "col_where": N_("Venue"),
    "col_when": N_("Time"),
    "col_guests": N_("Guests (planned)"),
    "col_people": N_("Attendance"),
    "approx": N_("approximate"),
    "I3": N_("3. Activities during the week"),
    "parade": N_(
        "{name}: {day}, assembly {assembly} at {place}, departure {dep}, finish {fin}; route {km} km, {veh} "
        "vehicles, {posts} traffic posts held by {units} units."
    ),
    "activity": N_("{what} ({who}; {span})"),
    "where": N_("where: {where}"),
    "slogans": N_("{n} slogans"),
    "rounds": N_("{n} scheduled {what}"),
    "round_word": N_("rounds"),
    "I3_more": N_("Other activities: "),
    "I4": N_("4. Results (with figures) of the week's activities"),
    "col_item": N_("Item"),
    "col_planned": N_("Planned"),
    "col_done": NP_("report", "Done"),
    "r_cer": N_("Opening or launch ceremonies"),
    "r_guests": N_("Officials assigned to ceremonies"),
    "r_att": N_("People attending the ceremonies"),
    "r_km": N_("Parade route length (km)"),
    "r_veh": N_("Vehicles in the parade"),
    "r_posts": NP_("report", "Traffic posts"),
    "r_act": N_("Publicity and other activities"),
    "r_units": N_("Units hanging banners and slogans"),
    "r_slogans": NP_("report", "Slogans"),
    "r_rounds": N_("Rounds during the week"),
    "r_banners": N_("Banners and slogans hung"),
    "r_classes": N_("Classes opened; learners"),
    "r_books": N_("Library readers, books circulated"),
    "I5": N_("5. Funding of the week"),
    "I5_state": N_("- State budget: "),
    "I5_other": N_("- Support from businesses and other lawful sources (if any): "),
    "dong": N_(" VND."),
    "II": N_("II. OVERALL ASSESSMENT"),
    "II1": N_("1. Results achieved; lessons learned"),
    "II2": N_("2. Difficulties and shortcomings"),
    "II3": N_("3. Recommendations"),
    "recipients": N_("Recipients:"),
    "archive": N_("- File copy."),
    "head": N_("HEAD OF THE UNIT"),
    "sign": N_("(Signature, full name, seal)"),
    "date_line": N_("{place}, … … {year}"),
}


def _t(key: str, lang: str, **fmt: object) -> str:
    return tr(_L[key], lang, **fmt)


@dataclass(frozen=True)
class ParadeFacts:
    """What the report says of one checked parade schedule."""

    name: str
    day: date
    km: float
    vehicles: int
    posts: int
    units_used: int
    assembly_place: str
    assembly_s: int
    """Seconds since midnight."""
    departure_s: int
    finish_s: int
    """When the tail reaches the end (seconds since midnight)."""


@dataclass(frozen=True)
class ReportInput:
    """Everything the report is built from."""

    plan: Plan
    parades: tuple[ParadeFacts, ...] = ()
    ceremonies: dict[str, Any] | None = None
    """``render.ceremonies.ceremonies_book`` of the checked ceremony schedule."""
    week: dict[str, Any] | None = None
    """``render.week.week_book`` of the checked week calendar."""


def report_deadline(plan: Plan) -> Deadline | None:
    """The deadline the report answers: the earliest due date the plan sets (the first report of the chain)."""
    return min(plan.deadlines, key=lambda d: (d.due, d.what), default=None)


def _stamp(inp: ReportInput) -> date:
    ev = inp.plan.event
    dl = report_deadline(inp.plan)
    return (dl.due if dl else None) or ev.week_end or ev.week_start or ev.document_date or date(2000, 1, 1)


def report_bytes(inp: ReportInput, *, lang: str = "vi") -> bytes:
    """The report as deterministic .docx bytes.

    Parameters
    ----------
    inp : ReportInput
    lang : {"vi", "en"}

    Returns
    -------
    bytes
    """
    from docx.shared import Cm, Pt

    doc, normal = official_document(2)
    pf = normal.paragraph_format
    pf.space_after, pf.space_before, pf.first_line_indent = Pt(6), Pt(0), Cm(1)
    pf.line_spacing = 1.15
    para = partial(word.para, doc)
    _header(doc, para, inp, lang)
    _title(para, inp, lang)
    # -- I ----------------------------------------------------------------------------------------------
    para(_t("I", lang), bold=True, indent=False)
    _direction(para, inp.plan, lang)
    cers = _ceremonies(doc, para, inp, lang)
    rounds = _activities(para, inp, lang)
    _results(doc, para, inp, cers, rounds, lang)
    para(_t("I5", lang), bold=True)
    for key in ("I5_state", "I5_other"):
        p = para(_t(key, lang))
        _blank(p)
        p.add_run(_t("dong", lang))
    # -- II ---------------------------------------------------------------------------------------------
    para(_t("II", lang), bold=True, indent=False)
    for key in ("II1", "II2", "II3"):
        para(_t(key, lang), bold=True)
        for _ in range(2):
            _blank(para(""), BLANK * 6)
    _footer(doc, para, inp.plan, lang)

    ev = inp.plan.event
    stamp = _stamp(inp)
    word.set_properties(doc, f"{_t('title', lang)} — {ev.name}", ev.name, stamp)
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue(), (stamp.year, stamp.month, stamp.day, 0, 0, 0))


#: ``word.para`` bound to the report's document.
Para = Callable[..., Any]


def _blank(p: Any, text: str = BLANK, size: int | None = None) -> None:
    """A highlighted blank for the reporting unit to fill in."""
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import Pt

    r = p.add_run(text)
    r.font.highlight_color = WD_COLOR_INDEX.YELLOW
    if size:
        r.font.size = Pt(size)


def _fixed(table: Any, widths: tuple[Any, ...]) -> None:
    """Column widths that every word processor keeps (fixed layout, grid and cells)."""
    from docx.oxml.ns import qn

    table.autofit = False
    tbl_pr = table._tbl.tblPr
    tbl_pr.append(tbl_pr.makeelement(qn("w:tblLayout"), {qn("w:type"): "fixed"}))
    for gc, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=False):
        gc.set(qn("w:w"), str(int(w / 635)))
    for row in table.rows:
        for c, w in zip(row.cells, widths, strict=False):
            c.width = w


def _no_borders(table: Any) -> None:
    """A layout table: no borders."""
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    borders = tbl_pr.makeelement(qn("w:tblBorders"), {})
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(borders.makeelement(qn(f"w:{edge}"), {qn("w:val"): "nil"}))
    tbl_pr.append(borders)


def _header(doc: Any, para: Para, inp: ReportInput, lang: str) -> None:
    """The header: the issuing body and the number on the left, the national motto and the date line right."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Cm, Pt

    plan = inp.plan
    ev = plan.event
    head = doc.add_table(rows=1, cols=2)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(head)
    _fixed(head, (Cm(5.6), Cm(10.4)))
    left, right = head.rows[0].cells
    who = _reporter(plan)
    p = para(cell=left, center=True, after=0)
    if who:
        r = p.add_run(who.upper())
        r.bold, r.font.size = True, Pt(13)
    else:
        _blank(p, _t("org_blank", lang), 13)
    p = para(cell=left, center=True, after=0)
    r = p.add_run(_t("number", lang))
    r.font.size = Pt(13)
    _blank(p, "…", 13)
    p = para(_t("motto1", lang), bold=True, center=True, size=12, cell=right, after=0)
    p = para(cell=right, center=True, after=0)
    r = p.add_run(_t("motto2", lang))
    r.bold, r.underline, r.font.size = True, True, Pt(13)
    year = (ev.week_start or ev.document_date or _stamp(inp)).year
    place = ev.area.name.split(" ", 1)[-1] if ev.area else "……"
    if ev.area and ev.area.name.split(" ", 1)[0] in ("Quận",) and ev.area.name[-1:].isdigit():
        place = ev.area.name
    p = para(cell=right, center=True, after=0)
    r = p.add_run(_t("date_line", lang, place=place, year=year))
    r.italic, r.font.size = True, Pt(14)


def _title(para: Para, inp: ReportInput, lang: str) -> None:
    """The title, the deadline and recipient, the legend of blanks, and the lead paragraph."""
    from docx.shared import Pt

    plan = inp.plan
    ev = plan.event
    para("", after=0)
    para(_t("title", lang), bold=True, center=True, after=0)
    para(_t("about", lang, event=ev.name), bold=True, center=True, after=2)
    p = para("", center=True, after=12)
    r = p.add_run("—————")
    r.font.size = Pt(10)
    p = para("", italic=True, indent=False, size=12)
    dl = report_deadline(plan)
    if dl is not None:
        r = p.add_run(_t("due", lang, date=official_date(dl.due, lang), to=dl.to or BLANK))
        r.italic, r.font.size = True, Pt(12)
    else:
        r = p.add_run(_t("due_nodate", lang, to=ev.report_to or BLANK))
        r.italic, r.font.size = True, Pt(12)
        _blank(p, size=12)
    p = para("", indent=False)
    r = p.add_run(_t("legend", lang))
    r.italic, r.font.size = True, Pt(11)

    lead = _t("lead", lang, doc=_doc_ref(plan, lang), who="\x00", event=ev.name)
    before, after_ = lead.split("\x00")
    p = para(before)
    who = _reporter(plan)
    if who:
        p.add_run(who)
    else:
        _blank(p, _t("unit_blank", lang))
    p.add_run(after_)


def _direction(para: Para, plan: Plan, lang: str) -> None:
    """I.1: the plan that directed the week, its span and theme."""
    ev = plan.event
    para(_t("I1", lang), bold=True)
    span = _span(ev.week_start, ev.week_end, lang)
    para("- " + _t("I1_plan", lang, doc=_doc_ref(plan, lang), span=span or BLANK))
    if ev.theme:
        para("- " + _t("I1_theme", lang, theme=ev.theme))
    p = para("- " + _t("I1_more", lang))
    _blank(p)


def _ceremonies(doc: Any, para: Para, inp: ReportInput, lang: str) -> list[Any]:
    """I.2: the ceremonies held (a table: where, when, guests; the attendance left blank); the ceremonies."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    para(_t("I2", lang), bold=True)
    cers: list[Any] = (inp.ceremonies or {}).get("ceremonies") or []
    places = {pl.id: pl for pl in inp.plan.places}
    if not cers:
        p = para("- " + _t("I2_none", lang))
        _blank(p)
        return cers
    para(_t("I2_count", lang, n=len(cers)))
    cols = [_t(k, lang) for k in ("col_no", "col_cer", "col_where", "col_when", "col_guests", "col_people")]
    widths = (Cm(1.3), Cm(4.0), Cm(4.6), Cm(2.6), Cm(2.0), Cm(1.5))
    table = doc.add_table(rows=1, cols=len(cols))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, h in enumerate(cols):
        c = table.rows[0].cells[i]
        c.width = widths[i]
        cp = para(cell=c, center=True, after=0)
        hr = cp.add_run(h)
        hr.bold, hr.font.size = True, Pt(11)
    trpr = table.rows[0]._tr.get_or_add_trPr()
    trpr.append(trpr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))
    from paradeplan.plan.rules import placeholders

    open_venue, open_time = placeholders(inp.plan)
    tbd = f" ({gettext('not decided yet', lang)})"
    for n, c in enumerate(cers, start=1):
        pl = places.get(str(c.get("venue") or ""))
        where = str(c.get("venue_name") or "")
        if c.get("id") in open_venue:
            where += tbd  # a placeholder the plan leaves open, not only an approximate position
        elif pl is not None and pl.approximate:
            where += f" ({_t('approx', lang)})"
        when = f"{clock.hm_of(c.get('start'))}–{clock.hm_of(c.get('end'))}\n{short_date(c.get('date'), lang)}"
        when += tbd if c.get("id") in open_time else ""
        guests = ", ".join(str(g.get("name")) for g in c.get("guests") or [])
        cells = table.add_row().cells
        for i, v in enumerate((f"{n:02d}", str(c.get("name") or ""), where, when, guests or "—", None)):
            cells[i].width = widths[i]
            cp = para(cell=cells[i], center=i in (0, 3, 5), after=0)
            if v is None:
                _blank(cp, "……", 11)
            else:
                cp.add_run(v).font.size = Pt(11)
    _fixed(table, widths)
    para("", after=0)
    return cers


def _activities(para: Para, inp: ReportInput, lang: str) -> list[Any]:
    """I.3: each parade in figures, the other activities grouped, the week's rounds; the rounds."""
    para(_t("I3", lang), bold=True)
    for pf_ in inp.parades:
        para(
            "- "
            + _t(
                "parade",
                lang,
                name=pf_.name,
                day=official_date(pf_.day, lang),
                assembly=official_time(pf_.assembly_s, lang),
                place=pf_.assembly_place,
                dep=official_time(pf_.departure_s, lang),
                fin=official_time(pf_.finish_s, lang),
                km=_num(pf_.km, lang),
                veh=pf_.vehicles,
                posts=pf_.posts,
                units=pf_.units_used,
            )
        )
    kinds = {key: tr(msg, lang) for key, msg in _KINDS.items()}
    for a in _grouped_activities(inp.plan, lang):
        text = _t("activity", lang, what=a["name"], who=a["who"], span=a["span"])
        if a["where"]:
            text += "; " + _t("where", lang, where=a["where"])
        if a["slogans"]:
            text += "; " + _t("slogans", lang, n=a["slogans"])
        para(f"- {kinds.get(a['kind'], a['kind'])}: {text}.")
    rounds: list[Any] = (inp.week or {}).get("rounds") or []
    if rounds:
        para(
            "- "
            + _t("rounds", lang, n=len(rounds), what=_t("round_word", lang))
            + ": "
            + "; ".join(
                f"{r.get('name')} ({short_date(r.get('date'), lang)} {clock.hm_of(r.get('start'))})"
                for r in rounds[:12]
            )
            + ("…" if len(rounds) > 12 else "")
            + "."
        )
    p = para("- " + _t("I3_more", lang))
    _blank(p)
    return rounds


def _result_rows(inp: ReportInput, cers: list[Any], rounds: list[Any], lang: str) -> list[tuple[str, str | None]]:
    """I.4's rows: what was planned, in figures (None: the reporting unit fills it in)."""
    plan = inp.plan
    banner_units = {a.who for a in plan.activities if a.kind == "banners" and a.who}
    slogans = {s for a in plan.activities for s in a.items}
    wished = {p.id for p in plan.people if p.wishes}
    rows: list[tuple[str, str | None]] = [
        (_t("r_cer", lang), str(len(cers)) if cers else str(len(plan.ceremonies))),
        (_t("r_guests", lang), str(len(wished)) if wished else None),
        (_t("r_att", lang), None),
    ]
    if inp.parades:
        rows += [
            (_t("r_km", lang), _num(sum(p.km for p in inp.parades), lang)),
            (_t("r_veh", lang), str(sum(p.vehicles for p in inp.parades))),
            (_t("r_posts", lang), str(sum(p.posts for p in inp.parades))),
        ]
    if plan.activities:
        rows.append((_t("r_act", lang), str(len(plan.activities))))
    if banner_units:
        rows.append((_t("r_units", lang), str(len(banner_units))))
    if slogans:
        rows.append((_t("r_slogans", lang), str(len(slogans))))
    if rounds:
        rows.append((_t("r_rounds", lang), str(len(rounds))))
    rows += [(_t("r_banners", lang), None), (_t("r_classes", lang), None), (_t("r_books", lang), None)]
    return rows


def _results(doc: Any, para: Para, inp: ReportInput, cers: list[Any], rounds: list[Any], lang: str) -> None:
    """I.4: the results table (item, planned, done: the last left blank)."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Cm, Pt

    para(_t("I4", lang), bold=True)
    rows = _result_rows(inp, cers, rounds, lang)
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths4 = (Cm(1.3), Cm(9.1), Cm(2.8), Cm(2.8))
    for i, h in enumerate((_t("col_no", lang), _t("col_item", lang), _t("col_planned", lang), _t("col_done", lang))):
        c = table.rows[0].cells[i]
        c.width = widths4[i]
        hr = para(cell=c, center=True, after=0).add_run(h)
        hr.bold, hr.font.size = True, Pt(12)
    for n, (label, planned) in enumerate(rows, start=1):
        cells = table.add_row().cells
        for i in range(4):
            cells[i].width = widths4[i]
        para(f"{n:02d}", cell=cells[0], center=True, after=0, size=12)
        para(label, cell=cells[1], after=0, size=12)
        cp = para(cell=cells[2], center=True, after=0)
        if planned is None:
            cp.add_run("—").font.size = Pt(12)
        else:
            cp.add_run(planned).font.size = Pt(12)
        _blank(para(cell=cells[3], center=True, after=0), "……", 12)
    _fixed(table, widths4)
    para("", after=0)


def _footer(doc: Any, para: Para, plan: Plan, lang: str) -> None:
    """The recipients (left) and the signature (right)."""
    from docx.shared import Cm, Pt

    foot = doc.add_table(rows=1, cols=2)
    _no_borders(foot)
    _fixed(foot, (Cm(8.0), Cm(8.0)))
    fl, fr = foot.rows[0].cells
    p = para(cell=fl, after=0)
    r = p.add_run(_t("recipients", lang))
    r.bold, r.italic, r.font.size = True, True, Pt(12)
    recipients = list(dict.fromkeys(d.to for d in sorted(plan.deadlines, key=lambda d: (d.due, d.what)) if d.to))
    if not recipients and plan.event.report_to:
        recipients = [plan.event.report_to]
    first: list[str | None] = [*recipients[:1]] or [None]
    for to in first:
        p = para(cell=fl, after=0)
        if to:
            p.add_run(f"- {to};").font.size = Pt(11)
        else:
            p.add_run("- ").font.size = Pt(11)
            _blank(p, "……;", 11)
    p = para(cell=fl, after=0)
    p.add_run("- ").font.size = Pt(11)
    _blank(p, "……;", 11)
    para(_t("archive", lang), cell=fl, after=0, size=11)
    para(_t("head", lang), bold=True, center=True, size=13, cell=fr, after=0)
    para(_t("sign", lang), italic=True, center=True, size=13, cell=fr, after=0)


def write_report(path: Path, inp: ReportInput, *, lang: str = "vi") -> str:
    """Write ``bao-cao.docx`` and return its file name."""
    write_file_atomic(Path(path), report_bytes(inp, lang=lang))
    return Path(path).name


def _reporter(plan: Plan) -> str | None:
    """The unit that writes the report: the one body the first deadline names, or the plan's own issuer when the
    plan sets no deadline for others; None (a blank) when several units report ("UBND các huyện, thị xã")."""
    dl = report_deadline(plan)
    who = dl.who if dl is not None else None
    if who:
        low = who.lower()
        several = "các " in low or "," in who or " và " in low or any(ch.isdigit() for ch in who)
        return None if several else who
    return plan.event.issuer if dl is None else None


def _doc_ref(plan: Plan, lang: str) -> str:
    ev = plan.event
    words = _t("the_plan", lang)
    if ev.document:
        words += f" {'số' if lang == 'vi' else 'no.'} {ev.document}"
    if ev.document_date:
        words += f" {official_date(ev.document_date, lang)}"
    if ev.issuer:
        words += f" {_t('of', lang)} {ev.issuer}"
    words += f" {'về' if lang == 'vi' else 'on'} {ev.name}" if lang == "vi" else ""
    return words


def _span(a: date | None, b: date | None, lang: str) -> str:
    if a is None:
        return ""
    if b is None or a == b:
        return official_date(a, lang)
    return date_range(official_date(a, lang), official_date(b, lang), lang)


def _num(x: float, lang: str) -> str:
    text = f"{x:.1f}"
    return text.replace(".", ",") if lang == "vi" else text


def _grouped_activities(plan: Plan, lang: str) -> list[dict[str, Any]]:
    """Activities with the same name, kind and dates shown once, their holders listed together."""
    out: list[dict[str, Any]] = []
    for a in plan.activities:
        span = (
            f"{short_date(a.start, lang)}–{short_date(a.end, lang)}"
            if a.start and a.end and a.start != a.end
            else short_date(a.start or a.end, lang)
            if (a.start or a.end)
            else ""
        )
        key = (a.name, a.kind, span, a.where)
        same = next((x for x in out if x["key"] == key), None)
        if same is None:
            out.append(
                {
                    "key": key,
                    "name": a.name,
                    "kind": a.kind,
                    "span": span,
                    "where": a.where,
                    "who_list": [a.who] if a.who else [],
                    "slogans": len(a.items),
                }
            )
        elif a.who and a.who not in same["who_list"]:
            same["who_list"].append(a.who)
    for x in out:
        who = x["who_list"]
        x["who"] = ", ".join(who) if len(who) <= 4 else f"{', '.join(who[:3])} … ({len(who)})"
    return out
