"""The application layer: runs a plan, its ceremonies or its week through the stages and writes the results.

Data flows one way: plan file → validated plan → street graph and route → timing → solvers → checked schedule →
renderers. This is the only module (besides the CLI, which only parses and calls it) that wires stages together.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paradeplan.errors import InfeasibleError, InputError, ParadeplanError, Problem
from paradeplan.i18n import _, current_lang, number
from paradeplan.outputs import SideWriter, atomic_folder, claim_folder, dumps_json, files_in, write_files, write_json
from paradeplan.plan.model import Parade, Plan
from paradeplan.plan.planfile import load_plan, locate_field, plan_to_dict

if TYPE_CHECKING:
    import networkx as nx

    from paradeplan.geo.travel import TravelMinutes
    from paradeplan.parade.assembly import ParadeResult, WhatIf
    from paradeplan.parade.moves import StreetMoves
    from paradeplan.parade.schedule import ParadeSchedule
    from paradeplan.route.model import Route

log = logging.getLogger(__name__)

LANGUAGES = ("vi", "en")


@dataclass(frozen=True)
class PlanResult:
    """What a run produced: the folder, the files in it, a summary and any shortfall (exit 3)."""

    out: Path
    files: tuple[str, ...]
    summary: tuple[str, ...] = ()
    shortfall: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class ParadeOutput:
    """One parade through every stage: its resolved route and its checked schedule with the posts/1 files."""

    parade: Parade
    route: Route
    result: ParadeResult

    @property
    def schedule(self) -> ParadeSchedule:
        """The checked schedule (onward routes included)."""
        return self.result.schedule


@dataclass(frozen=True)
class Outcome:
    """Ceremony or week files to write (relative path → content), a summary line, and a failure to raise later."""

    files: dict[str, bytes | str]
    summary: str
    failure: InfeasibleError | None
    book: dict[str, Any] = field(default_factory=dict)
    """What the plan book shows (``ceremonies_book`` or ``week_book``), as plain values."""


def _what_if(delay_min: float, speed_kmh: float | None) -> WhatIf:
    """The re-timing asked for on the command line, refused when it makes no sense."""
    from paradeplan.parade.assembly import WhatIf

    if speed_kmh is not None and not 0 < speed_kmh <= 80:
        raise InputError(
            problems=[
                Problem(
                    _("column speed {speed} km/h is not a parade speed").format(
                        speed=number(speed_kmh, digits=2, fixed=False)
                    ),
                    field="--speed",
                    hint=_("give km/h between 1 and 80"),
                )
            ]
        )
    if abs(delay_min) > 12 * 60:
        raise InputError(
            problems=[
                Problem(
                    _("a delay of {n} min is more than half a day").format(n=number(delay_min, digits=2, fixed=False)),
                    field="--delay",
                    hint=_("give minutes, e.g. --delay 15 (later) or --delay -10 (earlier)"),
                )
            ]
        )
    return WhatIf(int(round(delay_min * 60)), speed_kmh)


def _language(plan: Plan, lang: str | None) -> str:
    language = lang or plan.event.language
    if language not in LANGUAGES:
        raise InputError(
            problems=[
                Problem(_("unknown language '{lang}'").format(lang=language), field="--lang", hint=_("use vi or en"))
            ]
        )
    return language


@contextlib.contextmanager
def plan_errors(plan_path: str | Path) -> Iterator[None]:
    """Name the plan file, and the line of each field, in every InputError raised inside without a file.

    Stages work on the validated model and know no file; every command that starts from a plan file runs its
    stages inside this (here, and the CLI's ``route``), so each message names the real file.
    """
    try:
        yield
    except InputError as err:
        raise err.located(str(plan_path), lambda f: locate_field(plan_path, f)) from None


def _located(plan_path: Path, run: Callable[[], Any]) -> Any:
    """Run a stage; an ``InputError`` it raises names the plan file and the line of its field."""
    with plan_errors(plan_path):
        return run()


# ------------------------------------------------------------------------------------------------ parade stage


def _street_data_at_hand(plan: Plan, plan_path: Path) -> None:
    """A plan naming a street data file that is not there yet (an imported parade outside the embedded data)
    stops here, saying which area's street data to get and how."""
    from paradeplan.i18n import _

    spec = (plan.streets or "").strip()
    if not spec or spec.startswith("builtin:"):
        return
    path = Path(spec).expanduser()
    if not path.is_absolute():
        path = Path(plan_path).parent / path
    if path.exists():
        return
    area = plan.event.area
    where = ", ".join([area.name, *reversed(area.parents)][:2]) if area is not None else _("the parade's area")
    raise InputError(
        problems=[
            Problem(
                _(
                    "no street data for {area}: {file} does not exist (the route is kept as the document gives it)"
                ).format(area=where, file=spec),
                str(plan_path),
                field="streets",
                hint=_(
                    'get it: `paradeplan streets fetch "{area}" --online --out {path}`, or build it from an '
                    "OpenStreetMap extract: `paradeplan streets import SOURCE.osm.pbf --out {path}`"
                ).format(area=where, path=path),
            )
        ]
    )


def street_data(plan: Plan, plan_path: Path) -> tuple[Plan, Any]:
    """The plan's street graph (when it has parades or names ``streets:``) and the plan with its places pinned.

    Each place without coordinates that the gazetteer or the street data's named places know is pinned there
    (:func:`paradeplan.geo.geocode.pin_places`, offline), so that bases, venues and route places may be given
    by name only.

    Returns
    -------
    (Plan, networkx.MultiDiGraph or None)
        The plan (the same object when nothing was pinned) and the graph (None when the plan needs none).
    """
    if not plan.parades and not plan.streets:
        return plan, None
    from paradeplan.geo.gazetteer import load_gazetteer
    from paradeplan.geo.geocode import pin_places
    from paradeplan.geo.streets import load_graph

    _street_data_at_hand(plan, plan_path)
    graph = load_graph(plan.streets or "builtin:quan12", Path(plan_path).parent)
    if all(p.lat is not None and p.lon is not None for p in plan.places):
        return plan, graph
    return pin_places(plan, gazetteer=load_gazetteer(), named_points=graph.graph.get("_named_points") or ()), graph


def validate_plan(plan_path: Path) -> Plan:
    """What ``validate`` checks: the plan file, and for a plan with street data what ``plan`` checks before it
    solves — places pinned by name, ceremony venues with coordinates, every parade's route (offline).

    Raises
    ------
    InputError
        Each problem with the plan file's name and the line of its field, as ``plan`` would report it.
    """
    plan = load_plan(plan_path)
    if not plan.parades and not plan.streets:
        return plan  # every rule is in the file's own checks (plan.rules)

    def stages() -> None:
        from paradeplan.geo.gazetteer import load_gazetteer
        from paradeplan.plan.rules import unpinned_places
        from paradeplan.route.resolve import resolve_route

        pinned, graph = street_data(plan, plan_path)
        problems = [Problem(msg, field=_dotted(path), hint=hint) for path, msg, hint in unpinned_places(pinned)]
        if problems:
            raise InputError(problems=problems)
        gazetteer = load_gazetteer()
        for parade in pinned.parades:
            resolve_route(pinned, parade, graph, gazetteer=gazetteer, online=False, file=plan_path)

    _located(plan_path, stages)
    return plan


def _dotted(path: tuple[str | int, ...]) -> str:
    """``("ceremonies", 0, "venue")`` → ``ceremonies[0].venue``."""
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


def plan_parades(
    plan: Plan, plan_path: Path, *, online: bool = False, what_if: WhatIf | None = None, graph: Any = None
) -> tuple[list[ParadeOutput], Any]:
    """Route, time, staff and check every parade of a plan.

    ``graph`` is the plan's street graph when already loaded (:func:`street_data`); else it is loaded here.

    Returns
    -------
    (list of ParadeOutput, networkx.MultiDiGraph or None)
        The checked parades and the street graph they use (None without parades).

    Raises
    ------
    RuntimeError
        When the independent checker rejects a schedule (a bug: nothing is written).
    """
    if not plan.parades:
        return [], None
    from paradeplan.geo.gazetteer import load_gazetteer
    from paradeplan.geo.streets import load_graph
    from paradeplan.geo.travel import travel_path
    from paradeplan.parade.assembly import WhatIf, build_parade_schedule
    from paradeplan.parade.checker import check_onward, check_schedule
    from paradeplan.parade.diversion import plan_traffic, shortfall_lines
    from paradeplan.parade.facts import facts_from_route, split_angles
    from paradeplan.parade.moves import StreetMoves
    from paradeplan.parade.onward import plan_onward
    from paradeplan.parade.traffic_checker import check_traffic, route_lines
    from paradeplan.route.resolve import resolve_route

    if graph is None:
        graph = load_graph(plan.streets or "builtin:quan12", Path(plan_path).parent)
    gaz = load_gazetteer()

    def travel(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, list[tuple[float, float]]]:
        m, coords, _ = travel_path(graph, a, b)
        return m, coords

    outputs: list[ParadeOutput] = []
    for parade in plan.parades:
        route = resolve_route(plan, parade, graph, gazetteer=gaz, online=online, file=plan_path)
        facts = facts_from_route(route)

        def moves_for(column_kmh: float, route: Route = route) -> StreetMoves:
            return StreetMoves(graph, route, column_kmh, plan.traffic.overtake_kmh)

        res = build_parade_schedule(
            plan, parade, facts, travel, split_angles(plan, parade, route), moves_for, what_if or WhatIf()
        )
        onward = plan_onward(plan, parade, res.schedule, route, graph, gaz, online=online, file=plan_path)
        schedule = replace(res.schedule, onward=onward.legs)
        traffic = plan_traffic(plan, parade, schedule, route, graph)
        schedule = replace(schedule, traffic=traffic)
        violations = (
            check_schedule(schedule, res.instance, graph)
            + check_onward(schedule)
            + check_traffic(schedule, route_lines(route), graph, plan.traffic)
        )
        if violations:
            raise RuntimeError("schedule failed the independent check: " + "; ".join(violations[:5]))
        res = replace(
            res, schedule=schedule, shortfall=res.shortfall + onward.shortfall + shortfall_lines(parade.id, traffic)
        )
        outputs.append(ParadeOutput(parade, route, res))
    return outputs, graph


def parade_summary(po: ParadeOutput) -> str:
    """One line about a planned parade, in the user's language: length, times, posts, units, the proven bound."""
    from paradeplan import clock
    from paradeplan.i18n import _, km, minutes, ngettext
    from paradeplan.render.i18n import kind_label

    p, esc = po.schedule.parade, po.schedule.escort
    reserves = sum(1 for u in po.schedule.units if u.duty == "reserve")
    needed = ", ".join(f"{n} {kind_label(k, current_lang()).lower()}" for k, n in esc.units_needed)
    line = _(
        "{name}: {km}, departs {dep}, finishes {fin}; {posts} posts held by {units} units, {reserves} in reserve"
    ).format(
        name=p.name or po.parade.id,
        km=km(p.total_m, digits=1),
        dep=clock.hm(p.departure_s),
        fin=clock.hm(p.finish_tail_s),
        posts=len(po.schedule.posts),
        units=esc.units_used,
        reserves=reserves,
    )
    if esc.min_slack_s is not None:
        line += "; " + _("smallest slack {slack}").format(slack=minutes(esc.min_slack_s // 60))
    line += "; " + _("the column may run {early} early or {late} late").format(
        early=minutes(esc.delay_tolerance.early_min), late=minutes(esc.delay_tolerance.late_min)
    )
    if needed:
        proven = ngettext("fewest units needed: {units}", "fewest units needed: {units}", len(esc.units_needed))
        line += "; " + proven.format(units=needed)
    return line


# ------------------------------------------------------------------------------------------------ ceremonies, week


def run_ceremonies(plan: Plan, lang: str, travel: TravelMinutes | None = None, *, cdn: bool = False) -> Outcome:
    """Schedule the ceremonies, check them independently and render every ceremony file.

    ``cdn``: the ceremonies map loads Leaflet from the internet instead of embedding it.

    A plan whose required attendances cannot all be met still yields the relaxed schedule's files; the
    ``InfeasibleError`` (exit 3) comes back in ``failure`` to be raised once the files are written.

    Raises
    ------
    ParadeplanError
        When the independent checker rejects the schedule (a bug: nothing is written).
    """
    from paradeplan.ceremonies.checker import check_ceremonies
    from paradeplan.ceremonies.solver import schedule_ceremonies
    from paradeplan.maps.ceremonies import render_ceremonies_map
    from paradeplan.render.ceremonies import (
        ceremonies_book,
        ceremonies_map_data,
        ceremonies_to_json,
        ceremony_files,
        solver_report,
    )

    sched = schedule_ceremonies(plan, travel)
    failure = sched.shortfall
    problems = check_ceremonies(
        plan, ceremonies_to_json(sched), sched.instance.travel_raw, allow_unmet_required=failure is not None
    )
    if problems:
        raise ParadeplanError("the ceremony schedule failed the independent check:\n" + "\n".join(problems))
    rep = solver_report(sched)
    from paradeplan.i18n import _

    summary = _("ceremonies: {n} scheduled, {met}/{wishes} wished attendances met, {unmet} not met").format(
        n=len(plan.ceremonies), met=rep["wishes_met"], wishes=rep["wishes"], unmet=rep["unmet"]
    )
    files = ceremony_files(sched, lang)
    files["map.html"] = render_ceremonies_map(ceremonies_map_data(sched), lang=lang, cdn=cdn)
    return Outcome(files, summary, failure, ceremonies_book(sched))


def run_week(plan: Plan, lang: str, travel: TravelMinutes | None = None) -> Outcome:
    """Place the week's rounds, check the calendar and render week.json, week.md and week.ics."""
    from paradeplan.ceremonies.week import schedule_week
    from paradeplan.ceremonies.week_checker import check_week
    from paradeplan.render.week import week_book, week_files

    week = schedule_week(plan, travel)
    failure = week.shortfall
    problems = check_week(week, travel)
    if problems:
        raise ParadeplanError("the week calendar failed the check:\n" + "\n".join(problems))
    files = week_files(week, lang)
    from paradeplan.i18n import _

    summary = _("week: {placed} rounds placed, {unplaced} not placed").format(
        placed=len(week.placed), unplaced=len(week.unplaced)
    )
    return Outcome(files, summary, failure, week_book(week))


def _venue_travel(plan: Plan, plan_path: Path, graph: nx.MultiDiGraph | None) -> TravelMinutes | None:
    from paradeplan.geo.travel import plan_travel

    return plan_travel(plan, Path(plan_path).parent, graph)


def _write_book_folder(
    out: Path, plan: Plan, lang: str, files: dict[str, bytes | str], books: dict[str, dict[str, Any]]
) -> tuple[str, ...]:
    """Write ceremony/week files and the plan book (``index.html``) into ``out`` atomically."""
    from paradeplan.render.planbook import write_planbook

    with atomic_folder(out) as tmp:
        write_files(tmp, files)
        write_planbook(
            tmp / "index.html",
            None,
            None,
            plan,
            lang=lang,
            files=files_in(tmp),
            ceremonies=books.get("ceremonies"),
            week=books.get("week"),
        )
        return tuple(files_in(tmp))


def plan_ceremonies(
    plan_path: Path, out: Path, *, lang: str | None = None, cdn: bool = False
) -> tuple[str, InfeasibleError | None]:
    """``paradeplan ceremonies``: schedule, check and write a plan's ceremonies (and the plan book) into ``out``.

    Returns
    -------
    (str, InfeasibleError or None)
        The summary line, and the shortfall to report (exit 3) once the files are written.
    """
    plan = load_plan(plan_path)
    claim_folder(out).release()  # refused now, before any work, when --out may not be written
    language = _language(plan, lang)
    plan, graph = _located(plan_path, lambda: street_data(plan, plan_path) if plan.streets else (plan, None))
    result: Outcome = _located(
        plan_path, lambda: run_ceremonies(plan, language, _venue_travel(plan, plan_path, graph), cdn=cdn)
    )
    _write_book_folder(out, plan, language, result.files, {"ceremonies": result.book})
    return result.summary, result.failure


def plan_week(plan_path: Path, out: Path, *, lang: str | None = None) -> tuple[str, InfeasibleError | None]:
    """``paradeplan week``: place, check and write a plan's rounds (and the plan book) into ``out``."""
    plan = load_plan(plan_path)
    claim_folder(out).release()  # refused now, before any work, when --out may not be written
    language = _language(plan, lang)
    plan, graph = _located(plan_path, lambda: street_data(plan, plan_path) if plan.streets else (plan, None))
    result: Outcome = _located(plan_path, lambda: run_week(plan, language, _venue_travel(plan, plan_path, graph)))
    _write_book_folder(out, plan, language, result.files, {"week": result.book})
    return result.summary, result.failure


# ------------------------------------------------------------------------------------------------ the whole plan


def run_plan(
    plan_path: Path,
    out: Path,
    *,
    lang: str | None = None,
    online: bool = False,
    cdn: bool = False,
    delay_min: float = 0.0,
    speed_kmh: float | None = None,
) -> PlanResult:
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
    delay_min, speed_kmh : float, optional
        What-if: the column leaves this many minutes later (negative: earlier), drives at this speed.

    Returns
    -------
    PlanResult
    """
    from paradeplan.parade.assembly import WhatIf

    plan = load_plan(plan_path)
    claim_folder(out).release()  # refused now, before any work, when --out may not be written
    language = _language(plan, lang)
    what_if = _what_if(delay_min, speed_kmh)
    from paradeplan.i18n import _, ngettext

    counts = [
        ngettext("{n} parade", "{n} parades", len(plan.parades)).format(n=len(plan.parades)),
        ngettext("{n} ceremony", "{n} ceremonies", len(plan.ceremonies)).format(n=len(plan.ceremonies)),
    ]
    summary: list[str] = [f"{plan.event.name}: {', '.join(counts)}"]
    summary += open_items_lines(plan)
    if what_if != WhatIf():
        summary.append(_("what-if: {note} (every time below follows from it)").format(note=what_if.note()))
    shortfall: list[str] = []
    plan, graph = _located(plan_path, lambda: street_data(plan, plan_path))
    from paradeplan.render import preload_documents

    with SideWriter(partial(preload_documents, plan)) as side:  # forked now: it prepares while we solve
        parades, graph = _located(
            plan_path, lambda: plan_parades(plan, plan_path, online=online, graph=graph, what_if=what_if)
        )
        for po in parades:
            summary.append(parade_summary(po))
            shortfall.extend(po.result.shortfall)

        ceremony_files: dict[str, bytes | str] = {}
        books: dict[str, dict[str, Any]] = {}
        if plan.ceremonies or plan.rounds:
            travel_min = _located(plan_path, lambda: _venue_travel(plan, plan_path, graph))
            stages: tuple[tuple[object, Callable[[Plan, str, TravelMinutes | None], Outcome], str], ...] = (
                (plan.ceremonies, partial(run_ceremonies, cdn=cdn), "ceremonies"),
                (plan.rounds, run_week, "week"),
            )
            for wanted, run, folder in stages:
                if not wanted:
                    continue
                outcome: Outcome = _located(plan_path, partial(run, plan, language, travel_min))
                ceremony_files.update({f"{folder}/{k}": v for k, v in outcome.files.items()})
                books[folder] = outcome.book
                summary.append(outcome.summary)
                if outcome.failure is not None:
                    shortfall.extend(outcome.failure.lines())

        files = _write_results(out, side, plan, parades, ceremony_files, books, language, cdn, graph)
    return PlanResult(out=out, files=tuple(files), summary=tuple(summary), shortfall=tuple(shortfall))


def open_items_lines(plan: Plan, most: int = 5) -> list[str]:
    """What the plan still leaves open, for the command line: the count, then the first few questions."""
    from paradeplan.i18n import _, ngettext
    from paradeplan.plan.rules import still_open

    items = still_open(plan)
    if not items:
        return [_("Nothing is left to decide.")]
    lines = [
        ngettext("{n} item still to be decided:", "{n} items still to be decided:", len(items)).format(n=len(items))
    ]
    lines += [f"  - {item.question}" for item in items[:most]]
    if len(items) > most:
        lines.append("  " + _("… and {n} more in the plan book (index.html)").format(n=len(items) - most))
    return lines


#: The files :func:`_render_maps` writes.
MAP_FILES = ("map.html", "map-public.html")


def _write_results(
    out: Path,
    side: SideWriter,
    plan: Plan,
    parades: list[ParadeOutput],
    ceremony_files: dict[str, bytes | str],
    books: dict[str, dict[str, Any]],
    lang: str,
    cdn: bool,
    graph: Any,
) -> list[str]:
    """Write every result into ``out`` atomically: the maps here, the rest (plan book last) by ``side``.

    Returns
    -------
    list of str
        The files of the results folder, sorted.
    """
    with atomic_folder(out) as tmp:
        write_json(tmp / "plan.json", plan_to_dict(plan))
        if ceremony_files:
            write_files(tmp, ceremony_files)
        mine = [*files_in(tmp), *(MAP_FILES if parades else ())]
        documents = side.run(partial(_write_documents, tmp, plan, parades, books, lang, tuple(mine)))
        try:
            if parades:
                _render_maps(tmp, plan, parades[0], lang, cdn, graph)
            listed = documents()
        except BaseException:
            side.abort()  # the side process is gone, writing nothing more, before the staging folder is removed
            raise
        files = files_in(tmp)
        if listed != files:  # a file written here but not in ``mine``: the plan book would miss it
            raise RuntimeError(f"the plan book lists {listed}, the folder holds {files}")
    return files


def _write_documents(
    folder: Path,
    plan: Plan,
    parades: list[ParadeOutput],
    books: dict[str, Any],
    lang: str,
    others: tuple[str, ...],
) -> list[str]:
    """Every output but the maps, then the plan book linking them and ``others`` (what the caller writes).

    Returns
    -------
    list of str
        Every file the folder holds when the caller's are written too (the plan book's own included), sorted.
    """
    files = list(others)
    for i, po in enumerate(parades):
        files += _write_parade_files(
            folder, po, "" if i == 0 else f"-{po.parade.id}", plan.event.issuer or plan.event.name, lang
        )
    files.append(_write_report(folder, plan, parades, books, lang))  # bao-cao.docx (issue 17)
    if parades:
        from paradeplan.parade.schedule_json import schema
        from paradeplan.render import write_documents

        (folder / "schedule.schema.json").write_text(dumps_json(schema()), encoding="utf-8")
        files.append("schedule.schema.json")
        files += write_documents(folder, parades[0].schedule, parades[0].route, plan, lang=lang)
    else:
        files.append(_write_plan_calendar(folder, plan, books, lang))  # calendar.ics without a parade (issue 17)
    files = sorted(files)
    _render_book(folder, plan, parades[0] if parades else None, lang, books, files)
    return sorted([*files, "index.html"])


def _write_parade_files(folder: Path, po: ParadeOutput, suffix: str, publisher: str, lang: str) -> list[str]:
    """The machine-readable files of one parade (their names): route, schedule, posts/1 files, CSV tables, and the
    closure feeds for navigation apps (WZDx 4.2, Waze CIFS)."""
    from paradeplan.parade.feeds import waze_feed, wzdx_feed
    from paradeplan.parade.schedule_json import to_json
    from paradeplan.posts.instance import instance_to_json
    from paradeplan.posts.solution import solution_to_json
    from paradeplan.render.sheets import lineup_csv_text, onward_csv_text
    from paradeplan.route.exports import route_to_geojson

    texts = {
        f"route{suffix}.geojson": dumps_json(route_to_geojson(po.route)),
        f"schedule{suffix}.json": dumps_json(to_json(po.schedule)),
        f"posts{suffix}.json": dumps_json(instance_to_json(po.result.instance)),
        f"posts-solution{suffix}.json": dumps_json(solution_to_json(po.result.instance, po.result.solution)),
        f"lineup{suffix}.csv": lineup_csv_text(po.schedule),
        f"onward{suffix}.csv": onward_csv_text(po.schedule),
        f"closures{suffix}.wzdx.geojson": dumps_json(wzdx_feed(po.schedule, publisher=publisher, lang=lang)),
        f"closures{suffix}.waze.json": dumps_json(waze_feed(po.schedule, lang=lang)),
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8", newline="")  # the texts' own line ends
    return list(texts)


def _render_maps(folder: Path, plan: Plan, po: ParadeOutput, lang: str, cdn: bool, graph: Any) -> None:
    """The police map and the public map of the first parade."""
    from paradeplan.maps import render_police_map, render_public_map

    police, public = MAP_FILES
    (folder / police).write_text(
        render_police_map(po.schedule, po.route, plan, lang=lang, cdn=cdn, streets_graph=graph), encoding="utf-8"
    )
    (folder / public).write_text(
        render_public_map(po.schedule, po.route, lang=lang, cdn=cdn, streets_graph=graph), encoding="utf-8"
    )


def _render_book(
    folder: Path, plan: Plan, po: ParadeOutput | None, lang: str, books: dict[str, dict[str, Any]], files: list[str]
) -> None:
    """The plan book (index.html), linking ``files``: the first parade's schedule and route (when the plan has
    parades), its ceremonies, itineraries and week calendar."""
    from paradeplan.render.planbook import write_planbook

    write_planbook(
        folder / "index.html",
        po.schedule if po else None,
        po.route if po else None,
        plan,
        lang=lang,
        files=files,
        ceremonies=books.get("ceremonies"),
        week=books.get("week"),
    )


# -- the report after the week and the calendar of a plan without a parade (issue 17) ----------------------------
def _parade_facts(po: ParadeOutput) -> Any:
    """What the report says of one checked parade: km, vehicles, posts, times."""
    from paradeplan.render.report import ParadeFacts

    p = po.schedule.parade
    return ParadeFacts(
        name=po.parade.name,
        day=p.date,
        km=round(p.total_m / 1000, 3),
        vehicles=sum(g.count for g in po.parade.groups if g.role != "marshal"),
        posts=len(po.schedule.posts),
        units_used=po.schedule.escort.units_used,
        assembly_place=p.assembly.name,
        assembly_s=p.assembly.time_s,
        departure_s=p.departure_s,
        finish_s=p.finish_tail_s,
    )


def _write_report(
    folder: Path, plan: Plan, parades: list[ParadeOutput], books: dict[str, dict[str, Any]], lang: str
) -> str:
    """bao-cao.docx (its name): the report the document asks for after the week, pre-filled from the schedules."""
    from paradeplan.render.report import ReportInput, write_report

    facts = tuple(_parade_facts(po) for po in parades)
    write_report(
        folder / "bao-cao.docx", ReportInput(plan, facts, books.get("ceremonies"), books.get("week")), lang=lang
    )
    return "bao-cao.docx"


def _write_plan_calendar(folder: Path, plan: Plan, books: dict[str, dict[str, Any]], lang: str) -> str:
    """calendar.ics (its name) of a plan without a parade: its ceremonies, activities and report deadlines."""
    from paradeplan.render.reminders import plan_calendar

    (folder / "calendar.ics").write_bytes(plan_calendar(plan, lang, books.get("ceremonies")))
    return "calendar.ics"
