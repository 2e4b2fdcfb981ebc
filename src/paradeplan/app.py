"""Wire the stages for `paradeplan plan`: plan file → model → route → timing → solver → checked schedule → outputs."""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from paradeplan.errors import InputError, Problem
from paradeplan.geo.distance import bearing_deg
from paradeplan.outputs import atomic_folder, dumps_json, files_in, write_json
from paradeplan.plan.model import Plan
from paradeplan.plan.planfile import load_plan, locate_field, plan_to_dict

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PlanResult:
    """What a run produced: the folder, the files in it, a summary and any shortfall (exit 3)."""

    out: Path
    files: tuple[str, ...]
    summary: tuple[str, ...] = ()
    shortfall: tuple[str, ...] = field(default=())


def split_angles(plan: Plan, parade: Any, route: Any) -> dict[str, float]:
    """Turn angle (degrees, positive = right) from the column's final heading toward each vehicle's next goal."""
    coords = route.coords()
    if len(coords) < 2:
        return {}
    heading = bearing_deg(coords[-2], coords[-1])
    end = coords[-1]
    places = {p.id: p for p in plan.places}
    out: dict[str, float] = {}
    for g in parade.groups:
        for v in g.vehicles:
            dest = places.get(v.base or g.base or "")
            if dest is None or dest.lat is None or dest.lon is None:
                continue
            angle = (bearing_deg(end, (dest.lat, dest.lon)) - heading + 540) % 360 - 180
            out[v.id] = round(angle, 3)
    return out


def _csv_text(rows: list[dict[str, Any]], columns: list[str]) -> str:
    """CSV text; names that a spreadsheet would run as formulas are neutralised (render.safe)."""
    from paradeplan.render.safe import neutralise

    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow({k: neutralise(r.get(k, "")) for k in columns})
    return buf.getvalue()


def run_plan(plan_path: Path, out: Path, *, lang: str | None = None, online: bool = False,
             cdn: bool = False) -> PlanResult:
    """Run every stage for a plan file and write the results into ``out`` atomically.

    Parameters
    ----------
    plan_path : Path
        The YAML plan file.
    out : Path
        The results folder; replaced only when every output is complete.
    lang : {"vi", "en"}, optional
        Output language; default the plan's.
    online : bool
        Allow network lookups.
    cdn : bool
        Maps load their assets online instead of embedding them.

    Returns
    -------
    PlanResult
    """
    plan = load_plan(plan_path)
    language = lang or plan.event.language
    if language not in ("vi", "en"):
        raise InputError(problems=[Problem(f"unknown language '{language}'", field="--lang", hint="use vi or en")])
    summary: list[str] = [f"{plan.event.name}: {len(plan.parades)} parade(s), {len(plan.ceremonies)} ceremony(ies)"]
    shortfall: list[str] = []
    parade_outputs: list[dict[str, Any]] = []
    graph = None
    try:
        if plan.parades:
            from paradeplan.geo.gazetteer import load_gazetteer
            from paradeplan.geo.streets import load_graph
            from paradeplan.geo.travel import travel_path
            from paradeplan.parade.assembly import build_parade_schedule, facts_from_route, street_classes
            from paradeplan.parade.checker import check_onward, check_schedule
            from paradeplan.parade.onward import plan_onward
            from paradeplan.route.exports import route_to_geojson
            from paradeplan.route.resolve import resolve_route

            graph = load_graph(plan.streets or "builtin:quan12", Path(plan_path).parent)
            gaz = load_gazetteer()
            classes = street_classes(graph)

            def travel(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, list[tuple[float, float]]]:
                m, coords, _ = travel_path(graph, a, b)
                return m, coords

            for parade in plan.parades:
                route = resolve_route(plan, parade, graph, gazetteer=gaz, online=online, file=plan_path)
                facts = facts_from_route(route, classes, gaz)
                ps = build_parade_schedule(plan, parade, facts, travel, split_angles(plan, parade, route))
                schedule = dict(ps.schedule)
                onward = plan_onward(plan, parade, schedule, route, graph, gaz, online=online, file=plan_path)
                schedule["onward"] = onward.legs
                shortfall.extend(ps.shortfall)
                shortfall.extend(onward.shortfall)
                violations = check_schedule(schedule, ps.posts_instance) + check_onward(schedule)
                if violations:
                    raise RuntimeError("schedule failed the independent check: " + "; ".join(violations[:5]))
                parade_outputs.append({"parade": parade, "route": route, "geojson": route_to_geojson(route),
                                       "schedule": schedule, "instance": ps.posts_instance,
                                       "solution": ps.posts_solution})
                p = schedule["parade"]
                esc = schedule["escort"]
                summary.append(
                    f"{parade.id}: {p['total_km']:.1f} km, depart {p['departure'][:5]}, finish {p['finish_tail'][:5]}, "
                    f"{len(schedule['posts'])} posts held by {esc['units_used']} unit(s) (proven lower bound "
                    + ", ".join(f"{n} {k}" for k, n in sorted(esc["lower_bound"].items())) + f"; {esc['status']})")

        ceremony_files: dict[str, bytes | str] = {}
        books: dict[str, dict[str, Any]] = {}
    except InputError as err:  # a later stage's problem: name the plan file and the field's line
        raise err.located(str(plan_path), lambda f: locate_field(plan_path, f)) from None

    if plan.ceremonies or plan.rounds:
        from paradeplan.ceremonies.run import run_ceremonies, run_week
        from paradeplan.geo.travel import plan_travel

        travel_min = plan_travel(plan, Path(plan_path).parent, graph)
        for wanted, run, folder in ((plan.ceremonies, run_ceremonies, "ceremonies"),
                                    (plan.rounds, run_week, "week")):
            if not wanted:
                continue
            outcome = run(plan, language, travel_min)
            ceremony_files.update({f"{folder}/{k}": v for k, v in outcome.files.items()})
            books[folder] = outcome.book
            summary.append(outcome.summary)
            if outcome.failure is not None:
                shortfall.extend(outcome.failure.lines())

    with atomic_folder(out) as tmp:
        write_json(tmp / "plan.json", plan_to_dict(plan))
        if ceremony_files:
            from paradeplan.ceremonies.outputs import write_files

            write_files(tmp, ceremony_files)
        for i, po in enumerate(parade_outputs):
            suffix = "" if i == 0 else f"-{po['parade'].id}"
            write_json(tmp / f"route{suffix}.geojson", po["geojson"])
            write_json(tmp / f"schedule{suffix}.json", po["schedule"])
            write_json(tmp / f"posts{suffix}.json", po["instance"])
            write_json(tmp / f"posts-solution{suffix}.json", po["solution"])
            (tmp / f"lineup{suffix}.csv").write_text(_csv_text(po["schedule"]["lineup"], [
                "position", "unit", "kind", "owner", "role", "staging_from_m", "staging_to_m", "arrive_from",
                "arrive_to", "leave_base"]), encoding="utf-8", newline="")
            (tmp / f"onward{suffix}.csv").write_text(_csv_text(
                [dict(leg, unit=o["unit"]) for o in po["schedule"]["onward"] for leg in o["legs"]],
                ["unit", "seq", "mode", "segment", "street", "enter", "leave"]), encoding="utf-8", newline="")
        _write_report(tmp, plan, parade_outputs, books, language)  # bao-cao.docx (issue 17)
        if parade_outputs:
            from paradeplan.parade.assembly import schedule_schema

            (tmp / "schedule.schema.json").write_text(dumps_json(schedule_schema()), encoding="utf-8")
            _render(tmp, plan, parade_outputs[0], language, cdn, graph, books)
        else:
            _write_plan_calendar(tmp, plan, books, language)  # calendar.ics without a parade (issue 17)
            _render_book(tmp, plan, language, books)
        files = files_in(tmp)
    return PlanResult(out=out, files=tuple(files), summary=tuple(summary), shortfall=tuple(shortfall))


def _render(folder: Path, plan: Plan, po: dict[str, Any], lang: str, cdn: bool, graph: Any,
            books: dict[str, dict[str, Any]]) -> None:
    """Maps, plan book (with the ceremonies and the week in ``books``), sheets and exports, when installed."""
    try:
        from paradeplan.maps import render_police_map, render_public_map
    except ImportError:
        log.info("maps renderer not available")
    else:
        (folder / "map.html").write_text(render_police_map(po["schedule"], po["geojson"], plan, lang=lang, cdn=cdn,
                                                           streets_graph=graph), encoding="utf-8")
        (folder / "map-public.html").write_text(render_public_map(po["schedule"], po["geojson"], plan, lang=lang,
                                                                  cdn=cdn, streets_graph=graph), encoding="utf-8")
    try:
        from paradeplan.render import write_outputs
    except ImportError:
        log.info("plan book renderer not available")
    else:
        write_outputs(folder, po["schedule"], po["geojson"], plan, lang=lang, ceremonies=books.get("ceremonies"),
                      week=books.get("week"), files=files_in(folder))


def _render_book(folder: Path, plan: Plan, lang: str, books: dict[str, dict[str, Any]]) -> None:
    """The plan book (index.html) of a plan without a parade: its ceremonies, itineraries and week calendar."""
    try:
        from paradeplan.render.planbook import write_planbook
    except ImportError:
        log.info("plan book renderer not available")
    else:
        write_planbook(folder / "index.html", None, None, plan, lang=lang, files=files_in(folder),
                       ceremonies=books.get("ceremonies"), week=books.get("week"))


# -- the report after the week and the calendar of a plan without a parade (issue 17) ----------------------------
def _parade_facts(plan: Plan, po: dict[str, Any]) -> Any:
    """What the report says of one checked parade: km, vehicles, posts, times."""
    from datetime import date

    from paradeplan.render.report import ParadeFacts

    parade, schedule = po["parade"], po["schedule"]
    p = schedule["parade"]
    return ParadeFacts(name=parade.name, day=date.fromisoformat(p["date"]), km=float(p["total_km"]),
                       vehicles=sum(g.count for g in parade.groups), posts=len(schedule.get("posts") or []),
                       units_used=int((schedule.get("escort") or {}).get("units_used") or 0),
                       assembly_place=str((p.get("assembly") or {}).get("name") or ""),
                       assembly_time=str((p.get("assembly") or {}).get("time") or ""),
                       departure=str(p.get("departure") or ""), finish=str(p.get("finish_tail") or ""))


def _write_report(folder: Path, plan: Plan, parade_outputs: list[dict[str, Any]], books: dict[str, dict[str, Any]],
                  lang: str) -> None:
    """bao-cao.docx: the report the document asks for after the week, pre-filled from the checked schedules."""
    from paradeplan.render.report import ReportInput, write_report

    facts = tuple(_parade_facts(plan, po) for po in parade_outputs)
    write_report(folder / "bao-cao.docx", ReportInput(plan, facts, books.get("ceremonies"), books.get("week")),
                 lang=lang)


def _write_plan_calendar(folder: Path, plan: Plan, books: dict[str, dict[str, Any]], lang: str) -> None:
    """calendar.ics of a plan without a parade: its ceremonies, activities and report deadlines (reminders)."""
    from paradeplan.render.reminders import plan_calendar

    (folder / "calendar.ics").write_bytes(plan_calendar(plan, lang, books.get("ceremonies")))
