"""The police notice of the traffic diversion (phan-luong.docx, "Thông báo phân luồng giao thông"), official layout.

What it says comes from the checked schedule's diversion plan: the time window; the streets closed to all vehicles
by stretch and window ("cấm triệt để"); the crossings held by police posts and barrier points; the ring of streets
closed to heavy vehicles; the detours ("hướng đi") and the stretches without one; the exempt vehicles; bus and
parking notes when the plan gives them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from paradeplan.i18n import _
from paradeplan.outputs import write_file_atomic
from paradeplan.parade.schedule import ParadeSchedule
from paradeplan.plan.model import Plan
from paradeplan.render.common import normalise_zip, official_document
from paradeplan.render.i18n import official_date, street_phrase
from paradeplan.render.word import para as word_para

#: File name of the notice.
NOTICE_FILE = "phan-luong.docx"


@dataclass(frozen=True)
class ClosedStreet:
    """A stretch of one street closed to all vehicles, as the notice lists it."""

    street: str
    frm: str
    to: str
    close_s: int
    reopen_s: int


def _hm(s: int, lang: str) -> str:
    h, m = s // 3600, s % 3600 // 60
    return f"{h:02d}:{m:02d}" if lang == "en" else f"{h:02d} giờ {m:02d}"


def closed_streets(schedule: ParadeSchedule) -> list[ClosedStreet]:
    """The route's stretches (one per street between two places or cross streets), consecutive ones of one street
    joined, each with the window it is closed in."""
    out: list[ClosedStreet] = []
    for s in sorted(schedule.closures.stretches, key=lambda x: x.seq):
        last = out[-1] if out else None
        if last is not None and last.street == s.street:
            out[-1] = ClosedStreet(
                last.street, last.frm, s.to, min(last.close_s, s.close_s), max(last.reopen_s, s.reopen_s)
            )
        else:
            out.append(ClosedStreet(s.street, s.frm, s.to, s.close_s, s.reopen_s))
    return out


def _no_detour(reason: str | None, lang: str) -> str:
    """Why a closed stretch has no detour, as a notice sentence with ``{street}``, ``{frm}``, ``{to}``, ``{close}``,
    ``{reopen}``."""
    if reason == "closed-at-once":
        return _(
            "{street} from {frm} to {to} ({close}–{reopen}): no way round, every other way crosses the route while "
            "the column holds it; vehicles wait at {frm} until {reopen}.",
            lang,
        )
    if reason == "one-way":
        return _(
            "{street} from {frm} to {to} ({close}–{reopen}): no way round, the only other ways run against "
            "one-way streets; vehicles wait at {frm} until {reopen}.",
            lang,
        )
    return _(
        "{street} from {frm} to {to} ({close}–{reopen}): no other street joins its ends; vehicles wait at {frm} "
        "until {reopen}.",
        lang,
    )


def _exempt(plan: Plan | None, lang: str) -> list[str]:
    if plan is not None and plan.traffic.exempt_vehicles:
        return list(plan.traffic.exempt_vehicles)
    return [
        _("vehicles of the parade and of the organisers, with the organisers' badge", lang),
        _(
            "priority vehicles on duty as the law provides: fire engines, military and police vehicles, "
            "ambulances, vehicles dealing with a disaster or an epidemic",
            lang,
        ),
    ]


def _issuer(plan: Plan | None) -> tuple[str, str]:
    """(upper line, issuing body) of the header: the police of the plan's area and of the wider area."""
    area = plan.event.area if plan is not None else None
    if area is None:
        return "", ""
    upper = area.parents[-1] if area.parents else ""
    return upper, area.name


def notice_bytes(schedule: ParadeSchedule, plan: Plan | None, *, lang: str = "vi") -> bytes:
    """The notice as deterministic .docx bytes."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_COLOR_INDEX
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc, normal = official_document(2)
    pf = normal.paragraph_format
    pf.space_after, pf.space_before, pf.first_line_indent = Pt(4), Pt(0), Cm(1)
    pf.line_spacing = 1.1
    t = schedule.traffic
    p0 = schedule.parade
    day = p0.date
    # the parade's name inside a sentence: "phục vụ điều hành xe hoa …" (vi), as written (en)
    name = p0.name[:1].lower() + p0.name[1:] if lang == "vi" and p0.name[1:2].islower() else p0.name

    def para(text: str = "", **style: Any) -> Any:
        return word_para(doc, text, **style)

    def blank(p: Any, text: str, size: int | None = None) -> None:
        r = p.add_run(text)
        r.font.highlight_color = WD_COLOR_INDEX.YELLOW
        if size:
            r.font.size = Pt(size)

    def borderless(table: Any, widths: tuple[Any, ...]) -> None:
        tbl_pr = table._tbl.tblPr
        borders = tbl_pr.makeelement(qn("w:tblBorders"), {})
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            borders.append(borders.makeelement(qn(f"w:{edge}"), {qn("w:val"): "nil"}))
        tbl_pr.append(borders)
        table.autofit = False
        tbl_pr.append(tbl_pr.makeelement(qn("w:tblLayout"), {qn("w:type"): "fixed"}))
        for gc, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=False):
            gc.set(qn("w:w"), str(int(w / 635)))
        for row in table.rows:
            for c, w in zip(row.cells, widths, strict=False):
                c.width = w

    # -- header: the issuing police | the national motto and the date ---------------------------------------------
    upper, area = _issuer(plan)
    head = doc.add_table(rows=1, cols=2)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    borderless(head, (Cm(7.0), Cm(9.0)))
    left, right = head.rows[0].cells
    if upper:
        para(_("POLICE OF {area}", lang).format(area=upper).upper(), center=True, size=12, cell=left, after=0)
    p = para(cell=left, center=True, after=0)
    if area:
        r = p.add_run(_("POLICE OF {area}", lang).format(area=area).upper())
        r.bold, r.font.size = True, Pt(13)
    else:
        blank(p, _("ISSUING POLICE", lang), 13)
    p = para(cell=left, center=True, after=0)
    p.add_run(_("No.: ", lang)).font.size = Pt(13)
    blank(p, "…/TB-CA", 13)
    para(_("SOCIALIST REPUBLIC OF VIETNAM", lang), bold=True, center=True, size=12, cell=right, after=0)
    p = para(cell=right, center=True, after=0)
    r = p.add_run(_("Independence - Freedom - Happiness", lang))
    r.bold, r.underline, r.font.size = True, True, Pt(13)
    p = para(cell=right, center=True, after=0)
    r = p.add_run(_("{place}, date … month … year {year}", lang).format(place=area or "……", year=day.year))
    r.italic, r.font.size = True, Pt(13)

    # -- title -------------------------------------------------------------------------------------------------
    para("", after=0)
    para(_("NOTICE", lang), bold=True, center=True, after=0)
    para(
        _("On the diversion and organisation of traffic for {parade}", lang).format(parade=name),
        bold=True,
        center=True,
        after=0,
    )
    para("—————", center=True, size=10, after=8)

    points = t.points
    close = min([c.close_s for c in closed_streets(schedule)] + [q.close_s for q in points], default=p0.departure_s)
    reopen = max(
        [c.reopen_s for c in closed_streets(schedule)] + [q.reopen_s for q in points], default=p0.finish_tail_s
    )
    who = _("the police of {area}", lang).format(area=area) if area else _("the traffic police", lang)
    para(
        _(
            "To keep traffic safe and orderly for {parade} on {date}, {who} announces the following diversion "
            "and organisation of traffic:",
            lang,
        ).format(parade=name, date=official_date(day, lang), who=who)
    )

    # 1. time
    para(_("1. Time", lang), bold=True, indent=False)
    para(
        _("From {start} to {end} on {date} (each stretch only while the column passes it, as below).", lang).format(
            start=_hm(close, lang), end=_hm(reopen, lang), date=official_date(day, lang)
        )
    )

    # 2. closed to all vehicles
    para(_("2. Streets closed to all vehicles", lang), bold=True, indent=False)
    para(
        _(
            "All vehicles (except those listed in section 5) are banned outright from the following stretches, "
            "each in its window:",
            lang,
        )
    )
    closed = closed_streets(schedule)
    for i, c in enumerate(closed):
        text = _("{street} (from {frm} to {to}): from {close} to {reopen};", lang)
        if i == len(closed) - 1:
            text = text.removesuffix(";") + "."
        para(
            "- "
            + text.format(
                street=street_phrase(c.street, lang),
                frm=c.frm,
                to=c.to,
                close=_hm(c.close_s, lang),
                reopen=_hm(c.reopen_s, lang),
            )
        )
    n_posts = sum(1 for q in points if q.kind == "post")
    n_barriers = sum(1 for q in points if q.kind == "barrier")
    if points:
        para(
            _(
                "Vehicles on streets that cross the route wait at the {posts} traffic police posts and {barriers} "
                "barrier points, each closed from a few minutes before the head of the column until the tail "
                "has passed, and follow the instructions of the officers and marshals on duty.",
                lang,
            ).format(posts=n_posts, barriers=n_barriers)
        )

    # 3. heavy vehicles and the restricted ring
    para(_("3. Streets closed to heavy vehicles", lang), bold=True, indent=False)
    ring = ", ".join(street_phrase(s, lang) for s in t.restricted)
    text = _(
        "From {start} to {end}, trucks of 500 kg payload and more and coaches of 16 seats and more may not use "
        "the streets of the parade route",
        lang,
    ).format(start=_hm(close, lang), end=_hm(reopen, lang))
    if ring:
        text += _(" nor these streets around it: {streets}", lang).format(streets=ring)
    para(text + ".")
    para(_("Other vehicles on these streets are restricted and drive as the officers on duty direct.", lang))

    # 4. detours
    para(_("4. Directions (detours)", lang), bold=True, indent=False)
    with_detour = [d for d in t.diversions if d.detour]
    without = [d for d in t.diversions if not d.detour]
    for d in with_detour:
        cs = d.closed
        para(
            "- "
            + _("While {street} is closed from {frm} to {to} ({close}–{reopen}): go by {way}.", lang).format(
                street=street_phrase(cs.street, lang),
                frm=cs.frm,
                to=cs.to,
                close=_hm(cs.close_s, lang),
                reopen=_hm(cs.reopen_s, lang),
                way=" → ".join(d.detour),
            )
        )
    for d in without:
        cs = d.closed
        para(
            "- "
            + _no_detour(d.reason, lang).format(
                street=street_phrase(cs.street, lang),
                frm=cs.frm,
                to=cs.to,
                close=_hm(cs.close_s, lang),
                reopen=_hm(cs.reopen_s, lang),
            )
        )
    for d in t.diversions:
        if d.dead_ends:
            para(
                "- "
                + _(
                    "Residents of {alleys} (dead ends with no other way out than {street}) may not drive out "
                    "or in until {reopen}.",
                    lang,
                ).format(
                    alleys=", ".join(d.dead_ends),
                    street=street_phrase(d.closed.street, lang),
                    reopen=_hm(d.closed.reopen_s, lang),
                )
            )

    # 5. exempt vehicles
    para(_("5. Vehicles exempt from the closures", lang), bold=True, indent=False)
    exempt = _exempt(plan, lang)
    for i, e in enumerate(exempt):
        para(f"- {e}{'.' if i == len(exempt) - 1 else ';'}")

    # 6. buses and parking
    notes = [*(plan.traffic.bus_notes if plan else ()), *(plan.traffic.parking_notes if plan else ())]
    if notes:
        para(_("6. Buses and parking", lang), bold=True, indent=False)
        for n in notes:
            para(f"- {n}")

    para(
        _(
            "{who} asks every organisation and person using the roads to know this notice, choose their route "
            "and follow the instructions of the forces on duty./.",
            lang,
        ).format(who=who[:1].upper() + who[1:])
    )

    para("", after=0)
    # -- footer: recipients | signature -------------------------------------------------------------------------
    foot = doc.add_table(rows=1, cols=2)
    borderless(foot, (Cm(8.0), Cm(8.0)))
    fl, fr = foot.rows[0].cells
    p = para(cell=fl, after=0)
    r = p.add_run(_("Recipients:", lang))
    r.bold, r.italic, r.font.size = True, True, Pt(12)
    for rec in (
        _("- The organising committee;", lang),
        _("- The press, radio and television;", lang),
        _("- Archive.", lang),
    ):
        para(rec, cell=fl, after=0, size=11)
    para(_("HEAD OF POLICE", lang), bold=True, center=True, size=13, cell=fr, after=0)
    para(_("(signature, full name, seal)", lang), italic=True, center=True, size=13, cell=fr, after=0)

    cp = doc.core_properties
    cp.author = cp.last_modified_by = "paradeplan"
    cp.title = _("NOTICE", lang) + " — " + p0.name
    cp.subject = p0.name
    cp.created = cp.modified = datetime(day.year, day.month, day.day)
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue(), (day.year, day.month, day.day, 0, 0, 0))


def write_notice(path: Path, schedule: ParadeSchedule, plan: Plan | None, *, lang: str = "vi") -> str:
    """Write ``phan-luong.docx`` and return its file name."""
    write_file_atomic(Path(path), notice_bytes(schedule, plan, lang=lang))
    return Path(path).name
