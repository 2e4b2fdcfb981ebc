"""The police notice of the traffic diversion (phan-luong.docx, "Thông báo phân luồng giao thông"), official layout.

What it says comes from the checked schedule's diversion plan, summarised by street the way the police write these
notices: the time window; the streets closed to all vehicles, one line per street with its stretches and their
windows ("cấm triệt để … lưu thông trên các tuyến đường: …"); the ring of streets closed to heavy vehicles; the
directions ("hướng đi"), one sentence per street with, for each direction of travel, its main way round between
junctions of through streets (and the trucks' and coaches' own when it differs); the residents of dead-end alleys
held until their stretch reopens; the exempt vehicles; bus and parking notes when the plan gives them. What each
junction does (posts, barriers, the ways round of every stretch hour by hour, why one has none) is the police's
detail, in ``closures.csv``, ``schedule.json``, the maps and the feeds, not the public notice's. Every word comes
from the message catalogue.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from paradeplan.i18n import _
from paradeplan.outputs import write_file_atomic
from paradeplan.parade.schedule import ParadeSchedule
from paradeplan.plan.model import Plan
from paradeplan.render.common import normalise_zip, official_document
from paradeplan.render.i18n import official_date, official_time, street_phrase
from paradeplan.render.word import para as word_para
from paradeplan.render.word import set_properties

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


def closed_streets(schedule: ParadeSchedule) -> list[ClosedStreet]:
    """The route's stretches (one per street between two places or cross streets), consecutive ones of one street
    joined, each with the window it is closed in."""
    out: list[ClosedStreet] = []
    for s in sorted(schedule.closures.stretches, key=lambda x: x.seq):
        last = out[-1] if out else None
        if last is not None and last.street == s.street:
            # out and back along one stretch (a U-turn): the same stretch, named by its far end
            to = last.to if s.to == last.frm else s.to
            out[-1] = ClosedStreet(
                last.street, last.frm, to, min(last.close_s, s.close_s), max(last.reopen_s, s.reopen_s)
            )
        else:
            out.append(ClosedStreet(s.street, s.frm, s.to, s.close_s, s.reopen_s))
    return out


def by_street(closed: list[ClosedStreet]) -> dict[str, list[ClosedStreet]]:
    """The closed stretches of each street (streets in the order the column first reaches them)."""
    out: dict[str, list[ClosedStreet]] = {}
    for c in closed:
        out.setdefault(c.street, []).append(c)
    return out


def direction_groups(diversions: tuple[Any, ...]) -> list[list[Any]]:
    """The diversions (``schedule.traffic.diversions``) in runs of one street and one direction of travel (the
    column's way in route order, then against it): one group of the notice's directions each."""
    out: list[list[Any]] = []
    for d in diversions:
        prev = out[-1][-1] if out else None
        if (
            prev is not None
            and (prev.closed.street, prev.against) == (d.closed.street, d.against)
            and (d.closed.to_m <= prev.closed.from_m if d.against else prev.closed.to_m <= d.closed.from_m)
            and d.closed.to not in {x.closed.frm for x in out[-1]}  # coming back (a U-turn): the other way
        ):
            out[-1].append(d)
        else:
            out.append([d])
    return out


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


class Notice:
    """The notice being written: the Word document, its language, and its paragraphs' helpers."""

    def __init__(self, lang: str) -> None:
        from docx.shared import Cm, Pt

        self.doc, normal = official_document(2)
        normal.font.size = Pt(13)  # the body of an administrative document is 13 or 14 pt (Nghị định 30/2020)
        pf = normal.paragraph_format
        pf.space_after, pf.space_before, pf.first_line_indent = Pt(4), Pt(0), Cm(1)
        pf.line_spacing = 1.0
        self.lang = lang

    def para(self, text: str = "", **style: Any) -> Any:
        return word_para(self.doc, text, **style)

    def heading(self, text: str) -> None:
        self.para(text, bold=True, indent=False)

    def bullet(self, text: str, last: bool = False) -> None:
        """A "- …;" line of a list ("." on the last one)."""
        self.para("- " + text.rstrip(";.") + ("." if last else ";"))

    def time(self, s: int) -> str:
        return official_time(s, self.lang)

    def street(self, name: str) -> str:
        return street_phrase(name, self.lang)

    def blank(self, p: Any, text: str, size: int | None = None) -> None:
        """A highlighted blank for the police to fill in."""
        from docx.enum.text import WD_COLOR_INDEX
        from docx.shared import Pt

        r = p.add_run(text)
        r.font.highlight_color = WD_COLOR_INDEX.YELLOW
        if size:
            r.font.size = Pt(size)


def _borderless(table: Any, widths: tuple[Any, ...]) -> None:
    from docx.oxml.ns import qn

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


def _unsplit(row: Any) -> None:
    """Keep a table row on one page (the recipients and the signature stay together)."""
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(tr_pr.makeelement(qn("w:cantSplit"), {}))


def write_header(n: Notice, plan: Plan | None, year: int) -> None:
    """The issuing police (left) and the national motto with the place and date (right)."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Cm, Pt

    lang = n.lang
    upper, area = _issuer(plan)
    head = n.doc.add_table(rows=1, cols=2)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borderless(head, (Cm(7.0), Cm(9.0)))
    left, right = head.rows[0].cells
    if upper:
        n.para(_("POLICE OF {area}", lang).format(area=upper).upper(), center=True, size=12, cell=left, after=0)
    p = n.para(cell=left, center=True, after=0)
    if area:
        r = p.add_run(_("POLICE OF {area}", lang).format(area=area).upper())
        r.bold, r.font.size = True, Pt(13)
    else:
        n.blank(p, _("ISSUING POLICE", lang), 13)
    p = n.para(cell=left, center=True, after=0)
    p.add_run(_("No.: ", lang)).font.size = Pt(13)
    n.blank(p, "…/TB-CA", 13)
    n.para(_("SOCIALIST REPUBLIC OF VIETNAM", lang), bold=True, center=True, size=12, cell=right, after=0)
    p = n.para(cell=right, center=True, after=0)
    r = p.add_run(_("Independence - Freedom - Happiness", lang))
    r.bold, r.underline, r.font.size = True, True, Pt(13)
    p = n.para(cell=right, center=True, after=0)
    r = p.add_run(_("{place}, date … month … year {year}", lang).format(place=area or "……", year=year))
    r.italic, r.font.size = True, Pt(13)


def write_title(n: Notice, parade: str) -> None:
    n.para("", after=0)
    n.para(_("NOTICE", n.lang), bold=True, center=True, after=0)
    n.para(
        _("On the diversion and organisation of traffic for {parade}", n.lang).format(parade=parade),
        bold=True,
        center=True,
        after=0,
    )
    n.para("—————", center=True, size=10, after=8)


def write_closed(n: Notice, schedule: ParadeSchedule) -> None:
    """2. The streets closed to all vehicles: one line per street, its stretches with their windows."""
    lang = n.lang
    n.heading(_("2. Streets closed to all vehicles", lang))
    n.para(
        _(
            "All vehicles (except those listed in section 5) are banned outright from the following stretches, "
            "each in its window:",
            lang,
        )
    )
    streets = by_street(closed_streets(schedule))
    for i, (street, pieces) in enumerate(streets.items()):
        parts = "; ".join(
            _("from {frm} to {to}, {close} – {reopen}", lang).format(
                frm=c.frm, to=c.to, close=n.time(c.close_s), reopen=n.time(c.reopen_s)
            )
            for c in pieces
        )
        n.bullet(
            _("{street} (stretch {stretches})", lang).format(street=n.street(street), stretches=parts),
            last=i == len(streets) - 1,
        )
    points = schedule.traffic.points
    if points:
        n.para(
            _(
                "Vehicles on the streets crossing the route wait at the {posts} police posts and {barriers} "
                "barriers while the column passes, as the forces on duty direct.",
                lang,
            ).format(
                posts=sum(1 for q in points if q.kind == "post"),
                barriers=sum(1 for q in points if q.kind == "barrier"),
            )
        )


def write_heavy(n: Notice, schedule: ParadeSchedule, start: int, end: int) -> None:
    """3. Heavy vehicles: banned from the route and the ring around it for the whole window."""
    lang = n.lang
    n.heading(_("3. Streets closed to heavy vehicles", lang))
    ring = ", ".join(n.street(s) for s in schedule.traffic.restricted)
    text = _(
        "From {start} to {end}, trucks of 500 kg payload and more and coaches of 16 seats and more may not use "
        "the streets of the parade route",
        lang,
    ).format(start=n.time(start), end=n.time(end))
    if ring:
        text += _(" nor these streets around it: {streets}", lang).format(streets=ring)
    n.para(text + ".")
    n.para(_("Other vehicles on these streets are restricted and drive as the officers on duty direct.", lang))


@dataclass(frozen=True)
class Way:
    """One entry of a street's directions: consecutive stretches with the same way round (or none, whatever the
    reason: why is the police's detail, in ``schedule.json``)."""

    frm: str
    to: str
    close_s: int
    reopen_s: int
    detour: tuple[str, ...]
    heavy: tuple[str, ...]
    metres: int
    """Length of the stretches it serves."""


def ways(group: list[Any]) -> list[Way]:
    """A direction group's diversions as the entries of its sentence, consecutive ones with the same ways round
    (or with none) joined."""
    out: list[Way] = []
    for d in group:
        c = d.closed
        w = Way(c.frm, c.to, c.close_s, c.reopen_s, d.detour, d.heavy, c.to_m - c.from_m)
        last = out[-1] if out else None
        if last is not None and (last.detour, last.heavy) == (w.detour, w.heavy):
            out[-1] = replace(
                w,
                frm=last.frm,
                close_s=min(last.close_s, w.close_s),
                reopen_s=max(last.reopen_s, w.reopen_s),
                metres=last.metres + w.metres,
            )
        else:
            out.append(w)
    return out


def way_names(names: tuple[str, ...]) -> str:
    """A way round as the notice writes it: its streets in order, "Đường X" next to "X" said once."""
    out: list[tuple[str, str]] = []
    for name in names:
        key = name.casefold().removeprefix("đường ").strip()
        if not out or out[-1][0] != key:
            out.append((key, name))
    return " → ".join(name for _key, name in out)


def _way_text(n: Notice, group: list[Any], w: Way, whole: bool) -> str:
    """One direction of travel of a street: where it heads, then its way round (the trucks' and coaches' too when
    theirs differs), with the stretch it serves when that is not the whole of it."""
    text = _("go by {way}", n.lang).format(way=way_names(w.detour))
    if w.heavy and w.heavy != w.detour:
        text += ", " + _("trucks and coaches go by {way}", n.lang).format(way=way_names(w.heavy))
    elif not w.heavy:
        text += " " + _("(not trucks and coaches)", n.lang)
    if not whole:
        text = _("from {frm} to {to}: {what}", n.lang).format(frm=w.frm, to=w.to, what=text)
    heading = _("heading from {frm} towards {to}", n.lang).format(frm=group[0].closed.frm, to=group[-1].closed.to)
    return heading + (": " if whole else ", ") + text


#: The notice gives a way round of at most this many streets (a driver follows it from the signs); longer ones,
#: and the ways round of the other stretches, are on the public map and in the feeds.
MAX_WAY_STREETS = 6


def main_way(group: list[Any]) -> tuple[Way, bool] | None:
    """The way round the notice gives for a street and direction of travel: of those of at most
    :data:`MAX_WAY_STREETS` streets, the one serving the longest part of it (the map and the feeds give the
    others), and whether it serves the whole of it; None when no part has one."""
    entries = ways(group)
    with_way = [w for w in entries if w.detour and way_names(w.detour).count(" → ") < MAX_WAY_STREETS]
    if not with_way:
        return None
    best = max(with_way, key=lambda w: (w.metres, -len(w.detour)))
    return best, len(entries) == 1


def write_directions(n: Notice, schedule: ParadeSchedule) -> None:
    """4. Directions ("hướng đi"): one sentence per street and direction of travel (the column's way, then against
    it) that has a way round, with its main way round; where no way is given traffic waits or follows the map;
    then the residents of dead-end alleys."""
    lang = n.lang
    n.heading(_("4. Directions (detours)", lang))
    n.para(_("Vehicles are directed as follows:", lang))
    groups = direction_groups(schedule.traffic.diversions)
    streets: dict[str, list[str]] = {}
    whole = 0
    for group in groups:
        found = main_way(group)
        if found is not None:
            streets.setdefault(group[0].closed.street, []).append(_way_text(n, group, *found))
            whole += found[1]
    for street, lines in streets.items():
        n.para(
            "- " + _("Vehicles on {street}: {ways}", lang).format(street=n.street(street), ways="; ".join(lines)) + "."
        )
    if whole < len(groups):  # some stretch has another way round than the notice gives, or none
        n.para(
            "- "
            + _(
                "The ways round of the other stretches are on the public diversion map and in the navigation apps; "
                "where there is none, vehicles wait at the closure until it reopens (section 2).",
                lang,
            )
        )
    if any(d.detour and not d.heavy for d in schedule.traffic.diversions):
        n.para("- " + _("Trucks and coaches with no way round keep away until the street reopens.", lang))
    write_dead_ends(n, groups)


def write_dead_ends(n: Notice, groups: list[list[Any]]) -> None:
    """The residents of dead-end alleys, in one sentence: the streets they are off (each alley with its time is
    the police's detail, in ``closures.csv`` and ``schedule.json``)."""
    streets = list(dict.fromkeys(d.closed.street for group in groups for d in group if d.dead_ends))
    if not streets:
        return
    n.para(
        "- "
        + _(
            "Residents of the dead-end alleys off {streets}, which have no other way out, may not drive out or in "
            "until their stretch reopens (section 2).",
            n.lang,
        ).format(streets=", ".join(n.street(x) for x in streets))
    )


def write_closing(n: Notice, plan: Plan | None, who: str) -> None:
    """5. Exempt vehicles, 6. buses and parking, and the closing request."""
    lang = n.lang
    n.heading(_("5. Vehicles exempt from the closures", lang))
    exempt = _exempt(plan, lang)
    for i, e in enumerate(exempt):
        n.bullet(e, last=i == len(exempt) - 1)
    notes = [*(plan.traffic.bus_notes if plan else ()), *(plan.traffic.parking_notes if plan else ())]
    if notes:
        n.heading(_("6. Buses and parking", lang))
        for note in notes:
            n.para(f"- {note}")
    n.para(
        _(
            "{who} asks every organisation and person using the roads to know this notice, choose their route "
            "and follow the instructions of the forces on duty./.",
            lang,
        ).format(who=who[:1].upper() + who[1:])
    )


def write_footer(n: Notice) -> None:
    """Recipients (left) and the signature block (right)."""
    from docx.shared import Cm, Pt

    lang = n.lang
    n.para("", after=0)
    foot = n.doc.add_table(rows=1, cols=2)
    _borderless(foot, (Cm(8.0), Cm(8.0)))
    _unsplit(foot.rows[0])
    fl, fr = foot.rows[0].cells
    p = n.para(cell=fl, after=0)
    r = p.add_run(_("Recipients:", lang))
    r.bold, r.italic, r.font.size = True, True, Pt(12)
    for rec in (
        _("- The organising committee;", lang),
        _("- The press, radio and television;", lang),
        _("- Archive.", lang),
    ):
        n.para(rec, cell=fl, after=0, size=11)
    n.para(_("HEAD OF POLICE", lang), bold=True, center=True, size=13, cell=fr, after=0)
    n.para(_("(signature, full name, seal)", lang), italic=True, center=True, size=13, cell=fr, after=0)


def notice_bytes(schedule: ParadeSchedule, plan: Plan | None, *, lang: str = "vi") -> bytes:
    """The notice as deterministic .docx bytes."""
    n = Notice(lang)
    t, p0 = schedule.traffic, schedule.parade
    day = p0.date
    # the parade's name inside a sentence: "phục vụ điều hành xe hoa …" (vi), as written (en)
    name = p0.name[:1].lower() + p0.name[1:] if lang == "vi" and p0.name[1:2].islower() else p0.name
    write_header(n, plan, day.year)
    write_title(n, name)
    closed = closed_streets(schedule)
    start = min([c.close_s for c in closed] + [q.close_s for q in t.points], default=p0.departure_s)
    end = max([c.reopen_s for c in closed] + [q.reopen_s for q in t.points], default=p0.finish_tail_s)
    area = _issuer(plan)[1]
    who = _("the police of {area}", lang).format(area=area) if area else _("the traffic police", lang)
    n.para(
        _(
            "To keep traffic safe and orderly for {parade} on {date}, {who} announces the following diversion "
            "and organisation of traffic:",
            lang,
        ).format(parade=name, date=official_date(day, lang), who=who)
    )
    n.heading(_("1. Time", lang))
    n.para(
        _("From {start} to {end} on {date} (each stretch only while the column passes it, as below).", lang).format(
            start=n.time(start), end=n.time(end), date=official_date(day, lang)
        )
    )
    write_closed(n, schedule)
    write_heavy(n, schedule, start, end)
    write_directions(n, schedule)
    write_closing(n, plan, who)
    write_footer(n)
    set_properties(n.doc, _("NOTICE", lang) + " — " + p0.name, p0.name, day)
    buf = io.BytesIO()
    n.doc.save(buf)
    return normalise_zip(buf.getvalue(), (day.year, day.month, day.day, 0, 0, 0))


def write_notice(path: Path, schedule: ParadeSchedule, plan: Plan | None, *, lang: str = "vi") -> str:
    """Write ``phan-luong.docx`` and return its file name."""
    write_file_atomic(Path(path), notice_bytes(schedule, plan, lang=lang))
    return Path(path).name
