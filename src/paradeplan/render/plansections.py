"""Plan-book sections about the week beyond parades and ceremonies: the publicity checklist of each unit, the
week's activities, the report deadlines, and which post-July-2025 ward each venue now belongs to.

``plan_sections`` gives them to the plan book (``render.planbook``) as ``(anchor, label key, build)`` like its own
sections; the labels are registered in ``render.i18n.LABELS`` here. Every name from the plan is escaped.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from paradeplan.errors import ParadeplanError
from paradeplan.i18n import N_, NP_, Msg, tr
from paradeplan.plan.model import Activity, Place, Plan
from paradeplan.render.i18n import LABELS, short_date

log = logging.getLogger(__name__)

_LABELS: dict[str, Msg] = {
    "publicity": N_("Publicity — each unit's checklist"),
    "publicity_nav": N_("Publicity"),
    "activities": N_("Activities of the week"),
    "deadlines": N_("Report deadlines"),
    "admin_now": N_("Administrative units since 1 July 2025"),
    "admin_now_nav": N_("Units 2025"),
    "done": N_("Done"),
    "task": N_("Task"),
    "when": N_("When"),
    "where": N_("Where"),
    "who": N_("Who"),
    "slogans": N_("Slogans"),
    "slogans_n": N_("{n} slogans (listed below)"),
    "due": N_("Due"),
    "what": N_("What"),
    "from_who": NP_("report", "From"),
    "to_whom": NP_("report", "To"),
    "before": N_("before {date}"),
    "venue": N_("Venue"),
    "old_unit": N_("In (before 1 July 2025)"),
    "new_unit": N_("Now in"),
    "approx": N_("approximate"),
    "split_note": N_("the old unit was split; nearest part"),
    "source": N_("Source: {src}."),
    "dataset": N_("{dataset}, administrative units before 1 July 2025 and since"),
    "kind_banners": N_("Banners and slogans"),
    "kind_loudspeaker_round": N_("Loudspeaker round"),
    "kind_book_fair": N_("Book fair"),
    "kind_mobile_library": N_("Mobile library"),
    "kind_exhibition": N_("Exhibition"),
    "kind_publicity": N_("Publicity"),
    "kind_training": N_("Classes, training"),
    "kind_other": NP_("activity", "Other"),
}
for _k, _v in _LABELS.items():
    LABELS.setdefault(f"ps_{_k}", _v)

#: Activity kinds that make a unit's publicity checklist.
PUBLICITY_KINDS = ("banners", "publicity", "loudspeaker_round")


def _t(key: str, lang: str, **fmt: object) -> str:
    return tr(_LABELS[key], lang, **fmt)


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _kind(kind: str, lang: str) -> str:
    return _t(f"kind_{kind}", lang) if f"kind_{kind}" in _LABELS else kind


def _what(a: Activity, lang: str) -> str:
    """ "Kind: name", or the name alone when it already says the kind."""
    from paradeplan.geo.admin import fold

    label = _kind(a.kind, lang)
    return a.name if fold(a.name).startswith(fold(label)) else f"{label}: {a.name}"


def _span(a: Activity, lang: str) -> str:
    if a.start and a.end and a.start != a.end:
        return f"{short_date(a.start, lang)}–{short_date(a.end, lang)}"
    day = a.start or a.end
    return short_date(day, lang) if day else ""


def _table(headers: list[tuple[str, str]], rows: list[list[str]]) -> str:
    head = "".join(f'<th class="{c}">{_e(h)}</th>' for h, c in headers)
    body = "".join(
        "<tr>" + "".join(f'<td class="{headers[i][1]}">{v}</td>' for i, v in enumerate(r)) + "</tr>" for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def publicity_html(plan: Plan, lang: str, num: str) -> str:
    """Each unit's publicity checklist (banners, slogans, loudspeaker rounds) with a box to tick, then the slogans."""
    acts = [a for a in plan.activities if a.kind in PUBLICITY_KINDS]
    places = {p.id: p for p in plan.places}
    by_who: dict[str, list[Activity]] = {}
    for a in acts:
        by_who.setdefault(a.who or "—", []).append(a)
    out = [f'<section id="publicity" class="page"><h2>{_e(num)}. {_e(_t("publicity", lang))}</h2>']
    slogans: list[str] = []
    for who, items in by_who.items():
        rows = []
        for a in items:
            task = _e(_what(a, lang))
            if a.items:
                task += f'<br><span class="note">{_e(_t("slogans_n", lang, n=len(a.items)))}</span>'
                slogans.extend(s for s in a.items if s not in slogans)
            where = ", ".join(places[p].name for p in a.places if p in places)
            where = "; ".join(x for x in (a.where, where) if x)
            rows.append(["☐", task, _e(_span(a, lang)), _e(where)])
        out.append(f'<div class="unit"><h3>{_e(who)}</h3>')
        out.append(
            _table(
                [(_t("done", lang), "t"), (_t("task", lang), ""), (_t("when", lang), "t"), (_t("where", lang), "")],
                rows,
            )
        )
        out.append("</div>")
    if slogans:
        out.append(f"<h3>{_e(_t('slogans', lang))}</h3><ol>" + "".join(f"<li>{_e(s)}</li>" for s in slogans) + "</ol>")
    out.append("</section>")
    return "".join(out)


def activities_html(plan: Plan, lang: str, num: str) -> str:
    """The week's activities in date order: when, what, who, where."""
    places = {p.id: p for p in plan.places}
    acts = sorted(plan.activities, key=lambda a: (a.start or date.min, a.end or date.max, a.kind, a.who or ""))
    rows = []
    for a in acts:
        where = ", ".join(places[p].name for p in a.places if p in places)
        rows.append(
            [_e(_span(a, lang)), _e(_what(a, lang)), _e(a.who), _e("; ".join(x for x in (a.where, where) if x))]
        )
    return (
        f'<section id="activities" class="page"><h2>{_e(num)}. {_e(_t("activities", lang))}</h2>'
        + _table(
            [(_t("when", lang), "t"), (_t("task", lang), ""), (_t("who", lang), ""), (_t("where", lang), "")], rows
        )
        + "</section>"
    )


def deadlines_html(plan: Plan, lang: str, num: str) -> str:
    """The report deadlines: due date, what, who reports, to whom."""
    rows = [
        [_e(_t("before", lang, date=short_date(d.due, lang))), _e(d.what), _e(d.who or "—"), _e(d.to or "—")]
        for d in sorted(plan.deadlines, key=lambda d: (d.due, d.what))
    ]
    return (
        f'<section id="deadlines"><h2>{_e(num)}. {_e(_t("deadlines", lang))}</h2>'
        + _table(
            [(_t("due", lang), "t"), (_t("what", lang), ""), (_t("from_who", lang), ""), (_t("to_whom", lang), "")],
            rows,
        )
        + "</section>"
    )


@dataclass(frozen=True)
class UnitLine:
    """Where a venue lies: its unit before the reform and the post-2025 unit it now belongs to."""

    place: str
    old: str
    new: str
    approximate: bool
    exact: bool


def _venues(plan: Plan) -> list[Place]:
    ids: list[str] = []
    ids += [c.venue for c in plan.ceremonies]
    ids += [p.assembly_place for p in plan.parades]
    ids += [g.place for g in plan.gatherings]
    ids += [pid for a in plan.activities for pid in a.places]
    ids += [r.start_place for r in plan.rounds if r.start_place]
    places = {p.id: p for p in plan.places}
    return [places[i] for i in dict.fromkeys(ids) if i in places]


def unit_lines(plan: Plan) -> list[UnitLine]:
    """For a plan dated before 1 July 2025: the post-2025 ward of each venue (dataset conversion).

    The old unit is the place's ``unit`` (written by ``import``), else the ward whose seat is nearest the place's
    coordinates within the plan's area (approximate). Venues that cannot be placed are left out.
    """
    from paradeplan.geo.admin import snapshot, successor

    if not _before_reform(plan):
        return []
    ev = plan.event
    old = snapshot("before_2025")
    area_names = [ev.area.name, *ev.area.parents] if ev.area else []
    area = None
    if ev.area:
        for cand in old.find(ev.area.name, None, area_names):
            if all(any(p == q for q in cand.parents) for p in ev.area.parents):
                area = cand
                break
    out: list[UnitLine] = []
    for pl in _venues(plan):
        unit = _unit_of(pl, old, area_names)
        approximate = pl.approximate
        point = (pl.lat, pl.lon) if pl.lat is not None and pl.lon is not None else None
        if unit is None and point is not None and area is not None:
            unit = _nearest_ward(old, area, point)
            approximate = True
        if unit is None:
            continue
        now = successor(unit, point)
        if now is None:
            continue
        out.append(UnitLine(pl.name, unit.full, now.unit.full, approximate or not now.exact, now.exact))
    return out


def _before_reform(plan: Plan) -> bool:
    """Whether the plan is dated before 1 July 2025 (its week, else its document): its venues get unit lines."""
    from paradeplan.geo.admin import era_for

    return era_for(plan.event.week_start or plan.event.document_date) == "before_2025"


def preload_units(plan: Plan | None) -> None:
    """Read the administrative units :func:`unit_lines` will look in (kept for the process), if it will."""
    from paradeplan.geo.admin import preload

    if plan is not None and _before_reform(plan):
        try:
            preload()
        except ParadeplanError as exc:  # reported where the lines are made
            log.debug("administrative units not preloaded: %s", exc)


#: A venue is taken to lie outside the plan's own unit when a ward seat outside it is this many times closer.
OUTSIDE_RATIO = 2.0


def _nearest_ward(old: Any, area: Any, point: tuple[float, float]) -> Any:
    """The old ward a venue most likely lies in, from ward seats only (approximate).

    A plan issued by a ward holds its own venues: that ward. Otherwise the ward of the plan's unit whose seat is
    nearest, unless a ward elsewhere in the province is :data:`OUTSIDE_RATIO` times closer (a square in a
    neighbouring district: the nearest seat inside the plan's unit would name the wrong ward).
    """
    from paradeplan.geo.distance import haversine_m

    if not old.children(area):
        return area
    inside = old.nearest(point[0], point[1], within=area)
    province = old.by_key(area.key.split("_", 1)[0]) or area
    anywhere = old.nearest(point[0], point[1], within=province)
    if inside is None or anywhere is None or anywhere.key.startswith(area.key + "_"):
        return inside or anywhere

    def far(u: Any) -> float:
        return float(haversine_m(point[0], point[1], u.lat, u.lon))

    return anywhere if far(anywhere) * OUTSIDE_RATIO < far(inside) else inside


def _unit_of(pl: Place, old: Any, context: list[str]) -> Any:
    """The unit a place's ``unit`` field names (written by ``import``), judged by the plan's area."""
    if not pl.unit:
        return None
    first = pl.unit.split(",")[0].strip()
    return old.best(first, None, [pl.unit, *context])


def admin_html(lines: list[UnitLine], lang: str, num: str) -> str:
    """One line per venue: the unit before July 2025 and the one it belongs to now."""
    from paradeplan.geo.admin import source_of

    rows = []
    for u in lines:
        note = []
        if u.approximate:
            note.append(_t("approx", lang))
        if not u.exact:
            note.append(_t("split_note", lang))
        rows.append(
            [
                _e(u.place),
                _e(u.old),
                _e(u.new) + (f' <span class="note">({_e("; ".join(note))})</span>' if note else ""),
            ]
        )
    dataset = source_of("before_2025").split(" (", 1)[0]  # "vietnamadminunits 1.0.4": a name and a version
    src = _t("dataset", lang, dataset=dataset)
    return (
        f'<section id="admin-2025"><h2>{_e(num)}. {_e(_t("admin_now", lang))}</h2>'
        + _table([(_t("venue", lang), ""), (_t("old_unit", lang), ""), (_t("new_unit", lang), "")], rows)
        + f'<p class="note">{_e(_t("source", lang, src=src))}</p></section>'
    )


def plan_sections(plan: Plan | None, lang: str) -> list[tuple[str, str, Callable[[str], str]]]:
    """The extra plan-book sections a plan calls for, as ``(anchor, label key, build(numeral) -> html)``."""
    if plan is None:
        return []
    out: list[tuple[str, str, Callable[[str], str]]] = []
    if any(a.kind in PUBLICITY_KINDS for a in plan.activities):
        out.append(("publicity", "ps_publicity_nav", lambda n: publicity_html(plan, lang, n)))
    if plan.activities:
        out.append(("activities", "ps_activities", lambda n: activities_html(plan, lang, n)))
    if plan.deadlines:
        out.append(("deadlines", "ps_deadlines", lambda n: deadlines_html(plan, lang, n)))
    try:
        lines = unit_lines(plan)
    except ParadeplanError as exc:  # the dataset is not installed: the book goes without this section
        log.warning("administrative units not shown: %s", exc)
        lines = []
    if lines:
        out.append(("admin-2025", "ps_admin_now_nav", lambda n: admin_html(lines, lang, n)))
    return out


__all__ = ["plan_sections", "unit_lines", "publicity_html", "activities_html", "deadlines_html"]
