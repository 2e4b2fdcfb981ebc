"""The plan book (index.html): parade, ceremonies, itineraries and the week; self-contained, A4-ready."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from paradeplan import clock
from paradeplan.i18n import _, km, minutes, ngettext, number
from paradeplan.outputs import write_file_atomic
from paradeplan.parade.schedule import ParadeSchedule
from paradeplan.plan.model import Plan
from paradeplan.render.common import (
    ATTRIBUTION,
    Milestone,
    milestones,
    route_items,
    route_sentence,
    run_rows,
    unit_label,
    unit_names,
    units_sorted,
)
from paradeplan.render.i18n import (
    date_span,
    duty_label,
    kind_label,
    official_date,
    official_datetime,
    official_time,
    role_label,
    short_date,
    t,
)
from paradeplan.route.model import Route

log = logging.getLogger(__name__)

CSS = """
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
* { box-sizing: border-box; }
html, body { max-width: 100%; }
body { font-family: "Noto Serif", "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 11.5pt;
       line-height: 1.4; color: #111; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
h1 { font-size: 17pt; text-align: center; text-transform: uppercase; margin: 0 0 2mm; }
h2 { font-size: 13.5pt; border-bottom: 1.5pt solid #333; padding-bottom: 1mm; margin: 0 0 3mm; }
h3 { font-size: 12pt; margin: 4mm 0 1.5mm; }
.sub { text-align: center; margin: 0 0 1mm; }
.date { text-align: center; font-style: italic; margin: 0 0 5mm; }
section { margin: 0 0 8mm; }
table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; font-size: 10pt; }
th, td { border: 0.6pt solid #666; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; }
td { overflow-wrap: break-word; }
th { background: #e8edf2; font-weight: bold; white-space: nowrap; }
td.t, th.t { text-align: center; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.n, th.n { text-align: right; white-space: nowrap; }
td.id, th.id { white-space: nowrap; }
table.tight { font-size: 9pt; line-height: 1.25; }
table.tight th, table.tight td { padding: 0.7mm 1.2mm; }
td.mv { font-style: italic; }
.placeholder { color: #8a1c1c; font-style: italic; }
section.open { border: 1.2pt solid #8a1c1c; padding: 2mm 4mm; }
section.open h2 { border-bottom: none; color: #8a1c1c; }
h2.annex { break-before: page; page-break-before: always; text-align: center; border: none; font-size: 15pt; }
thead { display: table-header-group; }
tr, .unit, figure, .facts { break-inside: avoid; page-break-inside: avoid; }
.facts td:first-child { width: 38%; font-weight: bold; background: #f5f7f9; }
.route { text-align: justify; }
.note { font-style: italic; }
.warn { color: #8a1c1c; font-weight: bold; }
figure { margin: 0 0 3mm; }
svg { width: 100%; height: auto; }
.unit { margin: 0 0 3mm; }
.unit h3 { margin-top: 0; }
.unit .meta { font-size: 9.5pt; color: #333; margin: 0 0 1mm; }
ul.files { columns: 2; font-size: 10pt; }
a { color: #0b4f8a; }
footer { border-top: 0.6pt solid #999; font-size: 9pt; color: #444; margin-top: 6mm; padding-top: 2mm; }
@media print {
  body { padding: 0; max-width: none; }
  section.page { break-before: page; page-break-before: always; }
  h2.annex + section.page { break-before: auto; page-break-before: auto; }
  a { color: inherit; text-decoration: none; }
  nav { display: none; }
}
nav { font-size: 10pt; margin: 0 0 5mm; text-align: center; }
nav a { margin: 0 2mm; }
"""


def e(value: Any) -> str:
    """HTML-escaped text of any value (empty for None)."""
    return html.escape("" if value is None else str(value), quote=True)


def _table(headers: list[tuple[str, str]], rows: list[list[Any]], cls: str = "") -> str:
    """A table; headers are (label, css class); cells are escaped and take the header's class."""
    head = "".join(f'<th class="{c}">{e(h)}</th>' for h, c in headers)
    body = "".join(
        "<tr>" + "".join(f'<td class="{headers[i][1]}">{e(v)}</td>' for i, v in enumerate(r)) + "</tr>" for r in rows
    )
    attr = f' class="{cls}"' if cls else ""
    return f"<table{attr}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def timeline_svg(schedule: ParadeSchedule, lang: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The timeline as inline SVG (assembly, head and tail bars, numbered milestones) and its legend rows.

    Returns
    -------
    tuple
        (svg text, [(number, seconds since midnight, label)]).
    """
    parade = schedule.parade
    ms = milestones(schedule, lang)
    if not ms:
        return "", []
    t0 = min(m.time_s for m in ms)
    t1 = max(m.time_s for m in ms)
    step = 900 if t1 - t0 <= 4 * 3600 else 1800 if t1 - t0 <= 8 * 3600 else 3600
    t0 = t0 // step * step
    t1 = -(-t1 // step) * step + (step if t1 % step == 0 else 0)
    width, left, right = 960, 120, 20
    lanes = [("assembly", t("assembly", lang)), ("head", t("head", lang)), ("tail", t("tail", lang))]
    lane_h, top = 46, 26
    height = top + lane_h * len(lanes) + 30

    def x(s: int) -> float:
        return left + (width - left - right) * (s - t0) / max(1, t1 - t0)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{e(t("timeline", lang))}" font-family="DejaVu Sans, Arial, sans-serif" font-size="13">'
    ]
    for s in range(t0, t1 + 1, step):
        xx = x(s)
        parts.append(
            f'<line x1="{xx:.1f}" y1="{top - 6}" x2="{xx:.1f}" y2="{top + lane_h * len(lanes)}" '
            f'stroke="#ccc" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{xx:.1f}" y="{top - 10}" text-anchor="middle" fill="#333">'
            f"{s // 3600:02d}:{s % 3600 // 60:02d}</text>"
        )
    tail_start = next((m.time_s for m in ms if m.key == "tail_start"), parade.departure_s)
    bars = {
        "assembly": (parade.assembly.time_s, parade.departure_s, "#9bb7d4"),
        "head": (parade.departure_s, parade.finish_head_s, "#2f6fab"),
        "tail": (tail_start, parade.finish_tail_s, "#c0504d"),
    }
    for i, (key, label) in enumerate(lanes):
        y = top + lane_h * i
        parts.append(
            f'<text x="{left - 8}" y="{y + lane_h / 2 + 4:.1f}" text-anchor="end" font-weight="bold">{e(label)}</text>'
        )
        a, b, colour = bars[key]
        if a and b:
            parts.append(
                f'<rect x="{x(a):.1f}" y="{y + 12}" width="{max(2.0, x(b) - x(a)):.1f}" '
                f'height="{lane_h - 24}" rx="3" fill="{colour}"/>'
            )
    marks, legend = _milestone_marks(ms, x, top, lane_h, len(lanes), width, lang)
    parts += marks
    parts.append("</svg>")
    return "".join(parts), legend


def _milestone_marks(
    ms: list[Milestone], x: Callable[[int], float], top: int, lane_h: int, lanes: int, width: int, lang: str
) -> tuple[list[str], list[tuple[int, int, str]]]:
    """The timeline's numbered milestones on their lanes (the split as a dashed line across them), and the
    legend rows (number, seconds since midnight, label)."""
    parts: list[str] = []
    legend: list[tuple[int, int, str]] = []
    lane_index = {"assembly": 0, "head": 1, "tail": 2}
    split_x: float | None = None
    for n, m in enumerate(ms, start=1):
        legend.append((n, m.time_s, m.label))
        if m.lane == "split":
            split_x = x(m.time_s)
            continue
        cy = top + lane_h * lane_index.get(m.lane, 1) + lane_h / 2
        xx = x(m.time_s)
        parts.append(f'<circle cx="{xx:.1f}" cy="{cy:.1f}" r="10" fill="#fff" stroke="#111" stroke-width="1.5"/>')
        parts.append(
            f'<text x="{xx:.1f}" y="{cy + 4.5:.1f}" text-anchor="middle" font-size="11" font-weight="bold">{n}</text>'
        )
    if split_x is not None:
        yb = top + lane_h * lanes
        parts.append(
            f'<line x1="{split_x:.1f}" y1="{top}" x2="{split_x:.1f}" y2="{yb + 4}" stroke="#111" '
            f'stroke-width="1.5" stroke-dasharray="5 3"/>'
        )
        anchor = "end" if split_x > width - 80 else "middle"
        parts.append(
            f'<text x="{split_x:.1f}" y="{yb + 20}" text-anchor="{anchor}" font-weight="bold">'
            f"{e(t('split', lang))}</text>"
        )
    return parts, legend


def _escort_text(schedule: ParadeSchedule, lang: str) -> str:
    """The staffing in words: every post held, or how many post holdings still lack a unit."""
    esc = schedule.escort
    if esc.covered >= esc.required:
        return _("every post is held ({covered} of {required} holdings)", lang).format(
            covered=esc.covered, required=esc.required
        )
    return _("{missing} of {required} post holdings lack a unit", lang).format(
        missing=esc.required - esc.covered, required=esc.required
    )


def _forces(pairs: list[tuple[str, int]] | tuple[tuple[str, int], ...], lang: str) -> str:
    return ", ".join(f"{n} {kind_label(k, lang).lower()}" for k, n in pairs)


def _open_items(plan: Plan | None, lang: str) -> str:
    """ "Việc còn phải xác định": what the plan file still leaves open (first in the book)."""
    from paradeplan.plan.rules import still_open

    items = still_open(plan) if plan is not None else []
    title = _("Still to be decided", lang)
    if not items:
        none = _("Nothing is left to decide.", lang)
        return f'<section id="open" class="open"><h2>{e(title)}</h2><p class="note">{e(none)}</p></section>'

    lead = ngettext("{n} item is still to be decided:", "{n} items are still to be decided:", len(items), lang)
    # the plan file's field stays out of the text a clerk reads (an internal name): it is the item's tooltip
    rows = "".join(f'<li title="{e(item.field)}">{e(item.question)}</li>' for item in items)
    return (
        f'<section id="open" class="open"><h2>{e(title)}</h2><p class="warn">{e(lead.format(n=len(items)))}</p>'
        f"<ol>{rows}</ol></section>"
    )


def _decided(plan: Plan | None, lang: str) -> str:
    """What ``import`` decided from the document's context (after what is still open): each choice with its
    reason, for the clerk to check and overturn; nothing when the plan records none."""
    if plan is None or not plan.decisions:
        return ""
    title = _("Decided from the document's context", lang)
    lead = _("Each can be overturned: change the field in the plan file or in the studio.", lang)
    rows = "".join(f'<li title="{e(d.field)}"><b>{e(d.chosen)}</b>: {e(d.reason)}</li>' for d in plan.decisions)
    return f'<section id="decided"><h2>{e(title)}</h2><p class="note">{e(lead)}</p><ol>{rows}</ol></section>'


def _summary(schedule: ParadeSchedule, route: Route, plan: Plan | None, lang: str, num: str) -> str:
    """One page: what, when, where, the route's length, the forces, the tolerance and any shortfall."""
    parade = schedule.parade
    event = schedule.event
    escort = schedule.escort
    day = parade.date
    assembly = parade.assembly
    names = unit_names(schedule, lang)
    uturns = [r for r in schedule.timetable if r.kind == "uturn"]
    tolerance = escort.delay_tolerance
    facts: list[tuple[str, str]] = [
        (t("event", lang), event.name),
        (t("parade", lang), parade.name),
        (t("assembly_time", lang), official_datetime(day, assembly.time_s, lang)),
        (t("assembly_place", lang), assembly.name),
        (t("departure", lang), official_time(parade.departure_s, lang)),
        (t("uturn", lang), "; ".join(f"{u.name} ({official_time(u.head_s, lang)})" for u in uturns)),
        (t("finish_tail", lang), official_time(parade.finish_tail_s, lang)),
        (t("total_km", lang), km(parade.total_m, lang, 1)),
        (
            t("column_length", lang),
            _("{m} m, {kmh} km/h", lang).format(
                m=number(parade.column_length_m, lang), kmh=number(parade.column_speed_kmh, lang, 1, fixed=False)
            ),
        ),
        (t("vehicles", lang), str(len(schedule.units))),
        (t("posts_count", lang), str(len(schedule.closures.posts))),
        (t("units_given", lang), _forces(_given(schedule), lang)),
        (t("units_needed", lang), _forces(escort.units_needed, lang)),
        (t("escort_status", lang), _escort_text(schedule, lang)),
        (
            t("delay_tolerance", lang),
            t("tolerance_value", lang, e=tolerance.early_min, l=tolerance.late_min),
        ),
        (t("min_slack", lang), minutes(escort.min_slack_s // 60, lang) if escort.min_slack_s is not None else ""),
        (
            t("reserves", lang),
            "; ".join(
                _("{unit} at post {post}, {place}", lang).format(
                    unit=names.get(u.unit, u.unit), post=u.station.post, place=u.station.name
                )
                for u in schedule.units
                if u.station is not None
            ),
        ),
    ]
    if plan is not None and plan.event.document:
        facts.insert(0, (_("Document", lang), plan.event.document))
    rows = "".join(f"<tr><td>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in facts if v)
    out = [f'<section id="summary"><h2>{num}. {e(t("summary", lang))}</h2><table class="facts">{rows}</table>']
    if parade.no_leaving_before_end:
        out.append(f'<p class="note">{e(t("note", lang))}: {e(t("no_leaving", lang))}</p>')
    for u in escort.uncovered:
        out.append(
            f'<p class="warn">{e(t("uncovered", lang))}: {e(t("post", lang))} {e(u.post)} — '
            f"{e(u.missing)} {e(kind_label(u.kind, lang).lower())}</p>"
        )
    for f in escort.fixes:
        out.append(f'<p class="warn">{e(t("fixes", lang))}: {e(f.text)}</p>')
    out.append("</section>")
    return "".join(out)


def _given(schedule: ParadeSchedule) -> list[tuple[str, int]]:
    """Escort units of each kind the plan gives (those holding posts and the reserves)."""
    counts: dict[str, int] = {}
    for u in schedule.units:
        if u.duty in ("posts", "reserve"):
            counts[u.kind] = counts.get(u.kind, 0) + 1
    return sorted(counts.items())


def _route_page(schedule: ParadeSchedule, route: Route, lang: str, num: str) -> str:
    """One page: the route as the official paragraph writes it, the timeline and its milestones."""
    svg, legend = timeline_svg(schedule, lang)
    rows = [[n, clock.hm_or_blank(s), label] for n, s, label in legend]
    return (
        f'<section id="route" class="page"><h2>{num}. {e(t("route", lang))}</h2><p class="route">'
        f"{e(route_sentence(route_items(schedule, route, lang), times=True))}</p>"
        f"<h3>{e(t('timeline', lang))}</h3><figure>{svg}</figure>"
        + _table([("#", "n"), (t("time", lang), "t"), (t("milestone", lang), "")], rows, cls="tight")
        + "</section>"
    )


def _lineup(schedule: ParadeSchedule, lang: str, num: str) -> str:
    extra = {r.unit: r for r in schedule.lineup}
    names = unit_names(schedule, lang)

    def slot(uid: str) -> list[str]:
        r = extra.get(uid)
        if not r:
            return ["", ""]
        window = "–".join(x for x in (clock.hm_or_blank(r.arrive_from_s), clock.hm_or_blank(r.arrive_to_s)) if x)
        return [clock.hm_or_blank(r.leave_base_s), window]

    rows = [
        [c.position, names.get(c.unit, c.name), role_label(c.role, lang), c.owner or "", *slot(c.unit)]
        for c in schedule.column
    ]
    headers = [
        (t("position", lang), "n"),
        (t("unit", lang), ""),
        (t("role", lang), ""),
        (t("owner", lang), ""),
        (t("leave_base", lang), "t"),
        (t("arrive_by", lang), "t"),
    ]
    if not extra:
        headers = headers[:4]
        rows = [r[:4] for r in rows]
    return (
        f'<section id="lineup" class="page"><h2>{num}. {e(t("lineup", lang))}</h2>'
        + _table(headers, rows, cls="tight")
        + "</section>"
    )


def _closures(schedule: ParadeSchedule, lang: str, num: str) -> str:
    """One page: every post with its place, when it closes and reopens, and who holds it."""
    cl = schedule.closures
    names = unit_names(schedule, lang)
    posts = sorted(cl.posts, key=lambda r: (r.close_s, r.post))
    rows = [
        [
            p.post,
            " × ".join(x for x in (p.street, p.cross_street) if x),
            f"{clock.hm_or_blank(p.close_s)}–{clock.hm_or_blank(p.reopen_s)}",
            ", ".join(dict.fromkeys(names.get(u, u) for u in p.units)),
        ]
        for p in posts
    ]
    return (
        f'<section id="closures" class="page"><h2>{num}. {e(t("closures", lang))}</h2>'
        + _table(
            [
                (t("post", lang), "id"),
                (t("place", lang), ""),
                (_("Closed", lang), "t"),
                (t("units", lang), ""),
            ],
            rows,
            cls="tight",
        )
        + "</section>"
    )


def _stretches(schedule: ParadeSchedule, lang: str, num: str) -> str:
    """Annex: every closed stretch of the route, for the teams at the barriers."""
    return (
        f'<section id="stretches" class="page"><h2>{num}. {e(t("closures_stretches", lang))}</h2>'
        + _table(
            [
                ("#", "n"),
                (t("street", lang), ""),
                (t("from", lang), ""),
                (t("to", lang), ""),
                (t("length_m", lang), "n"),
                (_("Closed", lang), "t"),
            ],
            [
                [
                    s.seq,
                    s.street,
                    s.frm,
                    s.to,
                    number(s.length_m, lang),
                    f"{clock.hm_or_blank(s.close_s)}–{clock.hm_or_blank(s.reopen_s)}",
                ]
                for s in schedule.closures.stretches
            ],
            cls="tight",
        )
        + "</section>"
    )


def _barriers(schedule: ParadeSchedule, lang: str, num: str) -> str:
    """Annex: every barrier point (rào chắn) where a street or access meets the route, its window and its marshal;
    the figures of the diversion plan first (posts, barriers, marshals, detours; the notice is phan-luong.docx)."""
    tr_ = schedule.traffic
    names = {m.id: m.name for m in tr_.marshals}
    barriers = [p for p in tr_.points if p.kind == "barrier"]
    facts = _(
        "{posts} police posts and {barriers} barrier points close every crossing of the route; {marshals} marshals "
        "hold the barriers; {detours} of {stretches} closed stretches have a detour (phan-luong.docx).",
        lang,
    ).format(
        posts=sum(1 for p in tr_.points if p.kind == "post"),
        barriers=len(barriers),
        marshals=len({m for p in barriers for m in p.held_by}),
        detours=sum(1 for d in tr_.diversions if d.detour),
        stretches=len(tr_.diversions),
    )
    short = ""
    if tr_.shortfall is not None:
        short = (
            "<p><b>"
            + e(
                _("{n} barrier points have no marshal: {more} more marshals are needed.", lang).format(
                    n=len(tr_.shortfall.unheld), more=tr_.shortfall.more_needed
                )
            )
            + "</b></p>"
        )
    rows = [
        [
            p.id,
            " × ".join(x for x in (p.street, p.cross_street) if x),
            f"{clock.hm_or_blank(p.close_s)}–{clock.hm_or_blank(p.reopen_s)}",
            ", ".join(names.get(m, m) for m in p.held_by),
        ]
        for p in barriers
    ]
    return (
        f'<section id="barriers" class="page"><h2>{num}. {e(t("closure_points", lang))}</h2><p>{e(facts)}</p>'
        + short
        + _table(
            [(t("post", lang), "id"), (t("place", lang), ""), (_("Closed", lang), "t"), (_("Marshal", lang), "")],
            rows,
            cls="tight",
        )
        + "</section>"
    )


def _runsheets(schedule: ParadeSchedule, lang: str, num: str) -> str:
    """One run-sheet per unit, never split over two pages: posts with be-there / hold / leave, moves summarised."""
    out = [f'<section id="runsheets" class="page"><h2>{num}. {e(t("runsheets", lang))}</h2>']
    for u in units_sorted(schedule):
        rows = run_rows(schedule, u, lang)
        meta = " · ".join(x for x in (role_label(u.role, lang), duty_label(u.duty, lang), u.owner or "") if x)
        out.append(
            f'<div class="unit" id="unit-{e(u.unit)}"><h3>{e(unit_label(u, lang))}</h3><p class="meta">{e(meta)}</p>'
        )
        body = []
        for r in rows:
            if r.hold_from_s is None and r.slack_s is None and r.what in (t("drive", lang), t("parade_leg", lang)):
                body.append(f'<tr><td colspan="5" class="mv">{e(r.place)}</td></tr>')
                continue
            body.append(
                "<tr>"
                f'<td class="id">{e(r.what)}</td><td>{e(r.place)}</td><td class="t">{e(r.arrive)}</td>'
                f'<td class="t">{e(r.hold_from)}</td><td class="t">{e(r.release_at)}</td></tr>'
            )
        head = "".join(
            f'<th class="{c}">{e(h)}</th>'
            for h, c in (
                (t("post_or_position", lang), ""),
                (t("place", lang), ""),
                (t("arrive_by", lang), "t"),
                (t("hold_from", lang), "t"),
                (t("release_at", lang), "t"),
            )
        )
        out.append(f'<table class="tight"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>')
        out.append("</div>")
    out.append("</section>")
    return "".join(out)


def _span(start: Any, end: Any) -> str:
    """``HH:MM–HH:MM`` of two ISO date-times (or clock times)."""
    return "–".join(x for x in (clock.hm_of(start), clock.hm_of(end)) if x)


def _mark(text: str, open_: bool, lang: str) -> str:
    """Escaped text, followed by a visible "(chưa xác định)" when it is a placeholder."""
    if not open_:
        return e(text)
    note = _("not decided yet", lang)
    return f'{e(text)} <span class="placeholder">({e(note)})</span>'


def _ceremony_programs(book: dict[str, Any], lang: str, num: str, plan: Plan | None = None) -> str:
    """Each ceremony's run-of-show: venue, date and times, program items with clock times, guests; a venue or a
    time still to be decided is marked as such."""
    out = [f'<section id="ceremonies" class="page"><h2>{num}. {e(t("ceremonies", lang))}</h2>']
    from paradeplan.plan.rules import placeholders

    open_venue, open_time = placeholders(plan)
    for c in book.get("ceremonies") or []:
        day = official_date(c.get("date") or str(c.get("start") or "")[:10], lang)
        venue = _mark(str(c.get("venue_name") or c.get("venue") or ""), c.get("id") in open_venue, lang)
        when = _mark(f"{day}, {_span(c.get('start'), c.get('end'))}", c.get("id") in open_time, lang)
        out.append(
            f'<div class="unit" id="ceremony-{e(c.get("id"))}"><h3>{e(c.get("name"))}</h3>'
            f'<p class="meta">{venue} — {when}</p>'
        )
        program = c.get("program") or [
            {"start": c.get("start"), "end": c.get("end"), "title": c.get("name"), "speaker": ""}
        ]
        headers = [(t("time", lang), "t"), (t("item", lang), ""), (t("speaker", lang), "")]
        rows = [[_span(it.get("start"), it.get("end")), it.get("title"), it.get("speaker")] for it in program]
        if not any(it.get("speaker") for it in program):
            headers, rows = headers[:2], [r[:2] for r in rows]
        out.append(_table(headers, rows))
        guests = c.get("guests") or []
        if guests:
            out.append(
                _table(
                    [(t("arrive", lang), "t"), (t("leave", lang), "t"), (t("guests", lang), "")],
                    [[clock.hm_of(g.get("arrive")), clock.hm_of(g.get("leave")), g.get("name")] for g in guests],
                )
            )
        out.append("</div>")
    out.append("</section>")
    return "".join(out)


def _itineraries(book: dict[str, Any], lang: str, num: str) -> str:
    """Each person's or team's stops in order (date, arrive, leave, ceremony, venue, travel), then unmet wishes."""
    out = [f'<section id="itineraries" class="page"><h2>{num}. {e(t("itineraries", lang))}</h2>']
    headers = [
        ("#", "n"),
        (t("date", lang), "t"),
        (t("arrive", lang), "t"),
        (t("leave", lang), "t"),
        (t("ceremony", lang), ""),
        (t("venue", lang), ""),
        (t("travel_min", lang), "n"),
        (t("from", lang), ""),
    ]
    for person in book.get("people") or []:
        out.append(f'<div class="unit" id="person-{e(person.get("id"))}"><h3>{e(person.get("name"))}</h3>')
        stops = person.get("stops") or []
        if stops:
            out.append(
                _table(
                    headers,
                    [
                        [
                            i,
                            short_date(st.get("arrive"), lang),
                            clock.hm_of(st.get("arrive")),
                            clock.hm_of(st.get("leave")),
                            st.get("name"),
                            st.get("venue_name"),
                            "" if st.get("travel_min") is None else st["travel_min"],
                            st.get("from_name") or st.get("from") or "",
                        ]
                        for i, st in enumerate(stops, start=1)
                    ],
                )
            )
        else:
            out.append(f'<p class="note">{e(t("no_stops", lang))}</p>')
        out.append("</div>")
    out.append(f'<h3 id="unmet">{e(t("unmet", lang))}</h3>')
    unmet = book.get("unmet") or []
    if unmet:
        out.append(
            _table(
                [(t("person", lang), ""), (t("ceremony", lang), ""), (t("need", lang), ""), (t("reason", lang), "")],
                [
                    [
                        u.get("name"),
                        u.get("ceremony_name"),
                        t("required" if u.get("required") else "wished", lang),
                        u.get("reason"),
                    ]
                    for u in unmet
                ],
            )
        )
    else:
        out.append(f'<p class="note">{e(t("all_met", lang))}</p>')
    out.append("</section>")
    return "".join(out)


def _week(book: dict[str, Any], lang: str, num: str) -> str:
    """The week's calendar day by day, then the rounds that could not be placed with what would fix them."""
    out = [f'<section id="week" class="page"><h2>{num}. {e(t("week", lang))}</h2>']
    by_day: dict[str, list[dict[str, Any]]] = {}
    for r in book.get("rounds") or []:
        by_day.setdefault(str(r.get("date") or str(r.get("start") or "")[:10]), []).append(r)
    for day, rows in by_day.items():
        label = official_date(day, lang)
        out.append(f"<h3>{e(label.capitalize() if lang == 'vi' else label)}</h3>")
        out.append(
            _table(
                [(t("time", lang), "t"), (t("round", lang), ""), (t("place", lang), ""), (t("uses", lang), "")],
                [
                    [
                        _span(r.get("start"), r.get("end")),
                        r.get("name"),
                        r.get("place_name") or r.get("place"),
                        ", ".join(str(u) for u in r.get("uses") or []),
                    ]
                    for r in rows
                ],
            )
        )
    unplaced = book.get("unplaced") or []
    if unplaced:
        out.append(f"<h3>{e(t('unplaced', lang))}</h3>")
        out.append(
            _table(
                [(t("round", lang), ""), (t("reason", lang), ""), (t("fixes", lang), "")],
                [[u.get("name") or u.get("id"), u.get("reason"), "; ".join(u.get("fixes") or [])] for u in unplaced],
            )
        )
    out.append("</section>")
    return "".join(out)


def _files(files: list[str], lang: str, parade: bool = True) -> str:
    names = (["map.html", "map-public.html"] if parade else []) + [f for f in files if f not in ("index.html",)]
    extra = ["schedule.json", "route.geojson", "plan.json"] if parade else []
    names += [f for f in extra if f not in names]
    labels = {
        "map.html": t("map", lang),
        "map-public.html": t("map_public", lang),
        "ceremonies/map.html": t("ceremony_map", lang),
    }
    items = "".join(f'<li><a href="{e(n)}">{e(labels.get(n, n))}</a></li>' for n in dict.fromkeys(names))
    return f'<section id="files"><h2>{e(t("files", lang))}</h2><ul class="files">{items}</ul></section>'


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _annex(i: int, lang: str) -> str:
    """ "Phụ lục A" …: the numeral of the i-th annex."""
    return _("Annex {letter}", lang).format(letter=chr(ord("A") + i) if i < 26 else str(i + 1))


def planbook_html(
    schedule: ParadeSchedule | None,
    route: Route | None,
    plan: Plan | None,
    *,
    lang: str = "vi",
    files: list[str] | None = None,
    ceremonies: dict[str, Any] | None = None,
    week: dict[str, Any] | None = None,
) -> str:
    """The plan book as one self-contained HTML page (inline CSS and SVG, no scripts).

    Parameters
    ----------
    schedule : ParadeSchedule or None
        The parade's schedule; None for a plan without a parade.
    route : Route or None
        The resolved route (None without a parade).
    plan : Plan or None
        The plan (event name, document number), optional.
    lang : {"vi", "en"}
        Language of labels and dates.
    files : list of str, optional
        The other files of the results folder, linked from the page.
    ceremonies : dict, optional
        The ceremony schedule as ``render.ceremonies.ceremonies_book`` gives it: a run-of-show per ceremony
        and an itinerary per person, with the unmet wishes.
    week : dict, optional
        The week's calendar as ``render.week.week_book`` gives it.

    Returns
    -------
    str
    """
    event_name = (
        (schedule.event.name if schedule is not None else None)
        or (plan.event.name if plan is not None else None)
        or (ceremonies or {}).get("event")
        or (week or {}).get("event")
    )
    title, when, sections, annexes = _sections(schedule, route, plan, lang, ceremonies, week, event_name)
    nav = _nav(sections, annexes, lang, parade=schedule is not None)
    annex_title = _("Annexes", lang)
    body = [
        f"<header><h1>{e(t('plan_book', lang))}</h1>",
        f'<p class="sub"><b>{e(title)}</b></p>',
        f'<p class="sub">{e(event_name)}</p>' if event_name and event_name != title else "",
        f'<p class="date">{e(when.capitalize() if lang == "vi" else when)}</p></header>',
        f"<nav>{nav}</nav>",
        _open_items(plan, lang),
        _decided(plan, lang),
        *(build(_ROMAN[i] if i < len(_ROMAN) else str(i + 1)) for i, (_a, _k, build) in enumerate(sections)),
        f'<h2 class="annex">{e(annex_title)}</h2>' if annexes else "",
        *(build(_annex(i, lang)) for i, (_a, _k, build) in enumerate(annexes)),
        _files(sorted(files or []), lang, parade=schedule is not None),
        f"<footer>{e(t('attribution', lang))}: {e(schedule.attribution if schedule else ATTRIBUTION)} — "
        '<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap contributors</a>. '
        f"{e(t('generated', lang))}.</footer>",
    ]
    return (
        f'<!DOCTYPE html>\n<html lang="{e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)} — {e(t('plan_book', lang))}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(x for x in body if x)
        + "\n</body>\n</html>\n"
    )


#: A section of the plan book: its anchor, its title's key, and what builds it from its number.
Section = tuple[str, str, Any]


def _sections(
    schedule: ParadeSchedule | None,
    route: Route | None,
    plan: Plan | None,
    lang: str,
    ceremonies: dict[str, Any] | None,
    week: dict[str, Any] | None,
    event_name: str | None,
) -> tuple[str, str, list[Section], list[Section]]:
    """The plan book's title and date, its numbered sections (the parade's, the ceremonies', the week's) and its
    annexes."""
    sections: list[Section] = []
    annexes: list[Section] = []
    if schedule is not None and route is not None:
        title = schedule.parade.name or event_name or "paradeplan"
        when = official_date(schedule.parade.date, lang)
        sections += [
            ("summary", "summary", lambda n: _summary(schedule, route, plan, lang, n)),
            ("route", "route", lambda n: _route_page(schedule, route, lang, n)),
            ("closures", "closures", lambda n: _closures(schedule, lang, n)),
            ("lineup", "lineup", lambda n: _lineup(schedule, lang, n)),
            ("runsheets", "runsheets", lambda n: _runsheets(schedule, lang, n)),
        ]
        if schedule.closures.stretches:
            annexes.append(("stretches", "closures_stretches", lambda n: _stretches(schedule, lang, n)))
        if any(p.kind == "barrier" for p in schedule.traffic.points):
            annexes.append(("barriers", "closure_points", lambda n: _barriers(schedule, lang, n)))
    else:
        title = str(event_name or "paradeplan")
        days = [str(c.get("date") or "") for c in (ceremonies or {}).get("ceremonies") or []]
        days += [str(r.get("date") or "") for r in (week or {}).get("rounds") or []]
        when = date_span([d for d in days if d], lang)
    if ceremonies is not None:
        sections += [
            ("ceremonies", "ceremonies", lambda n: _ceremony_programs(ceremonies, lang, n, plan)),
            ("itineraries", "itineraries", lambda n: _itineraries(ceremonies, lang, n)),
        ]
    if week is not None:
        sections.append(("week", "week", lambda n: _week(week, lang, n)))
    from paradeplan.render.plansections import plan_sections

    annexes += plan_sections(plan, lang)  # publicity checklists, activities, deadlines, units since July 2025
    return title, when, sections, annexes


def _nav(sections: list[Section], annexes: list[Section], lang: str, *, parade: bool) -> str:
    """The links at the top: what is still open, every section and annex, the files, and the maps of a parade."""
    open_label = _("Still to be decided", lang)
    nav = f'<a href="#open">{e(open_label)}</a> '
    nav += " ".join(f'<a href="#{a}">{e(t(k, lang))}</a>' for a, k, _b in (*sections, *annexes))
    nav += f' <a href="#files">{e(t("files", lang))}</a>'
    if parade:
        nav += f' <a href="map.html">{e(t("map", lang))}</a> <a href="map-public.html">{e(t("map_public", lang))}</a>'
    return nav


def write_planbook(
    path: Path,
    schedule: ParadeSchedule | None,
    route: Route | None,
    plan: Plan | None,
    *,
    lang: str = "vi",
    files: list[str] | None = None,
    ceremonies: dict[str, Any] | None = None,
    week: dict[str, Any] | None = None,
) -> str:
    """Write ``index.html`` and return its file name (see :func:`planbook_html` for the parameters)."""
    write_file_atomic(
        Path(path), planbook_html(schedule, route, plan, lang=lang, files=files, ceremonies=ceremonies, week=week)
    )
    return Path(path).name
