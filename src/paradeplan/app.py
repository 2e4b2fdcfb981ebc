"""The application layer: runs a plan, its ceremonies or its week through the stages and writes the results.

Data flows one way: plan file → validated plan → street graph and route → timing → solvers → checked schedule →
renderers. This is the only module (besides the CLI, which only parses and calls it) that wires stages together.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from paradeplan.errors import InfeasibleError, InputError, ParadeplanError, Problem
from paradeplan.i18n import _, current_lang, number, use_lang
from paradeplan.outputs import atomic_folder, claim_folder, files_in, write_files
from paradeplan.plan.model import Parade, Plan
from paradeplan.plan.planfile import load_plan, locate_field

if TYPE_CHECKING:
    import networkx as nx

    from paradeplan.geo.travel import TravelMinutes
    from paradeplan.parade.assembly import ParadeResult, WhatIf
    from paradeplan.parade.schedule import ParadeSchedule
    from paradeplan.route.model import Route

log = logging.getLogger(__name__)

T = TypeVar("T")

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
    from paradeplan.parade.assembly import WhatIf, build_parade_schedule
    from paradeplan.parade.checker import check_onward, check_schedule
    from paradeplan.parade.diversion import plan_traffic, shortfall_lines
    from paradeplan.parade.onward import plan_onward
    from paradeplan.parade.traffic_checker import check_traffic, route_lines
    from paradeplan.route.resolve import resolve_route

    if graph is None:
        graph = load_graph(plan.streets or "builtin:quan12", Path(plan_path).parent)
    gaz = load_gazetteer()
    outputs: list[ParadeOutput] = []
    for parade in plan.parades:
        route = resolve_route(plan, parade, graph, gazetteer=gaz, online=online, file=plan_path)
        res = build_parade_schedule(plan, parade, route, graph, what_if or WhatIf())
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


def parade_lines(plan: Plan, po: ParadeOutput) -> list[str]:
    """The summary lines of a planned parade: :func:`parade_summary`, then each marshal group whose count the
    document left open with the number the plan needs."""
    from paradeplan.parade.diversion import open_marshal_lines

    return [parade_summary(po), *open_post_lines(plan, po), *open_marshal_lines(plan, po.parade, po.schedule.traffic)]


def open_post_lines(plan: Plan, po: ParadeOutput) -> list[str]:
    """For each post-holding group whose count the document left open: the number of vehicles the plan gives it
    (what its posts need), in the user's language."""
    from paradeplan.i18n import _
    from paradeplan.parade.assembly import open_post_groups

    names = {g.id: (g.name or g.id) + (f" ({g.owner})" if g.owner else "") for g in po.parade.groups}
    return [
        _("{name}: the number of vehicles is not stated — the plan needs {n}").format(
            name=names[gid], n=sum(1 for u in po.schedule.units if u.group == gid)
        )
        for gid in open_post_groups(plan, po.parade)
    ]


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

    with use_lang(lang):  # the solver's notes (clashes, travel too long) are read in the plan's outputs
        sched = schedule_ceremonies(plan, travel)
    failure = sched.shortfall
    problems = check_ceremonies(
        plan, ceremonies_to_json(sched), sched.instance.travel_raw, allow_unmet_required=failure is not None
    )
    if problems:
        raise ParadeplanError(_("the ceremony schedule failed the independent check:") + "\n" + "\n".join(problems))
    rep = solver_report(sched)
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

    with use_lang(lang):  # the calendar's notes are read in the plan's outputs
        week = schedule_week(plan, travel)
    failure = week.shortfall
    problems = check_week(week, travel)
    if problems:
        raise ParadeplanError(_("the week calendar failed the check:") + "\n" + "\n".join(problems))
    files = week_files(week, lang)
    summary = _("week: {placed} rounds placed, {unplaced} not placed").format(
        placed=len(week.placed), unplaced=len(week.unplaced)
    )
    return Outcome(files, summary, failure, week_book(week))


def _venue_travel(plan: Plan, plan_path: Path, graph: nx.MultiDiGraph | None) -> TravelMinutes | None:
    from paradeplan.geo.travel import plan_travel

    return plan_travel(plan, Path(plan_path).parent, graph)


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
    from paradeplan.render.results import write_book_folder

    write_book_folder(out, plan, language, result.files, {"ceremonies": result.book})
    return result.summary, result.failure


def plan_week(plan_path: Path, out: Path, *, lang: str | None = None) -> tuple[str, InfeasibleError | None]:
    """``paradeplan week``: place, check and write a plan's rounds (and the plan book) into ``out``."""
    plan = load_plan(plan_path)
    claim_folder(out).release()  # refused now, before any work, when --out may not be written
    language = _language(plan, lang)
    plan, graph = _located(plan_path, lambda: street_data(plan, plan_path) if plan.streets else (plan, None))
    result: Outcome = _located(plan_path, lambda: run_week(plan, language, _venue_travel(plan, plan_path, graph)))
    from paradeplan.render.results import write_book_folder

    write_book_folder(out, plan, language, result.files, {"week": result.book})
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
    from paradeplan.render import preload_documents

    plan = load_plan(plan_path)
    claim_folder(out).release()  # refused now, before any work, when --out may not be written
    language = _language(plan, lang)
    what_if = _what_if(delay_min, speed_kmh)
    summary = _headline(plan, what_if)
    plan, graph = _located(plan_path, lambda: street_data(plan, plan_path))
    with SideWriter(partial(preload_documents, plan)) as side:  # forked now: it prepares while we solve
        parades, graph = _located(
            plan_path, lambda: plan_parades(plan, plan_path, online=online, graph=graph, what_if=what_if)
        )
        summary += [line for po in parades for line in parade_lines(plan, po)]
        shortfall = [line for po in parades for line in po.result.shortfall]
        outcomes = _ceremonies_and_week(plan, plan_path, language, graph, cdn)
        summary += [o.summary for o in outcomes.values()]
        shortfall += [line for o in outcomes.values() if o.failure is not None for line in o.failure.lines()]
        ceremony_files = {f"{folder}/{k}": v for folder, o in outcomes.items() for k, v in o.files.items()}
        books = {folder: o.book for folder, o in outcomes.items()}
        files = _write_results(out, side, plan, parades, ceremony_files, books, language, cdn, graph)
    return PlanResult(out=out, files=tuple(files), summary=tuple(summary), shortfall=tuple(shortfall))


def _headline(plan: Plan, what_if: WhatIf) -> list[str]:
    """The summary's first lines: the event and what it holds, what is still open, the what-if assumed."""
    from paradeplan.i18n import _, ngettext
    from paradeplan.parade.assembly import WhatIf

    counts = [
        ngettext("{n} parade", "{n} parades", len(plan.parades)).format(n=len(plan.parades)),
        ngettext("{n} ceremony", "{n} ceremonies", len(plan.ceremonies)).format(n=len(plan.ceremonies)),
    ]
    lines = [f"{plan.event.name}: {', '.join(counts)}", *open_items_lines(plan)]
    if what_if != WhatIf():
        lines.append(_("what-if: {note} (every time below follows from it)").format(note=what_if.note()))
    return lines


def _ceremonies_and_week(plan: Plan, plan_path: Path, language: str, graph: Any, cdn: bool) -> dict[str, Outcome]:
    """The ceremonies and the week's rounds a plan holds, each scheduled, checked and rendered (by the folder of
    the results their files go into: ``ceremonies``, ``week``)."""
    if not (plan.ceremonies or plan.rounds):
        return {}
    travel_min = _located(plan_path, lambda: _venue_travel(plan, plan_path, graph))
    stages: tuple[tuple[object, Callable[[Plan, str, TravelMinutes | None], Outcome], str], ...] = (
        (plan.ceremonies, partial(run_ceremonies, cdn=cdn), "ceremonies"),
        (plan.rounds, run_week, "week"),
    )
    return {
        folder: _located(plan_path, partial(run, plan, language, travel_min))
        for wanted, run, folder in stages
        if wanted
    }


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
    from paradeplan.maps import MAP_FILES, write_maps
    from paradeplan.render.results import ParadeFiles, write_documents, write_plan_json

    with atomic_folder(out) as tmp:
        write_plan_json(tmp, plan)
        if ceremony_files:
            write_files(tmp, ceremony_files)
        mine = [*files_in(tmp), *(MAP_FILES if parades else ())]
        written = tuple(
            ParadeFiles(po.parade, po.route, po.schedule, po.result.instance, po.result.solution) for po in parades
        )
        documents = side.run(partial(write_documents, tmp, plan, written, books, lang, tuple(mine)))
        try:
            if parades:
                po = parades[0]
                write_maps(tmp, po.schedule, po.route, plan, lang=lang, cdn=cdn, graph=graph)
            listed = documents()
        except BaseException:
            side.abort()  # the side process is gone, writing nothing more, before the staging folder is removed
            raise
        files = files_in(tmp)
        if listed != files:  # a file written here but not in ``mine``: the plan book would miss it
            raise RuntimeError(f"the plan book lists {listed}, the folder holds {files}")
    return files


# ------------------------------------------------------------------------------------------------ the side process


class SideWriter:
    """A second process that writes some results while this one writes others (Linux with two CPUs or more).

    It is forked when made, so it inherits what is loaded by then (plan, street graph, libraries), and runs
    ``prepare`` at once (imports, data it will read) while this process goes on. A job sent to it with
    :meth:`run` is pickled (a schedule is some 200 KB: milliseconds); what the job returns or raises is
    returned or raised here, whole, by the callable :meth:`run` gives back. The side process ignores Ctrl-C
    (this process decides) and ends when this process ends, however it ends. It is forked with every object
    frozen (``gc.freeze``), so it never finalizes what it inherited. Where forking is unsafe or idle (another
    system, one CPU, or Python threads already running here: :func:`fork_helps`) each job runs here, at
    once, and writes the same bytes. A job still running after :data:`JOB_TIMEOUT_S` (a hang:
    a library that does not survive a fork) ends the side process and raises an error that says how to run
    in one process. Use it as a context manager: leaving stops the process.
    """

    def __init__(self, prepare: Callable[[], object]) -> None:
        self._pool: Any = None
        self._processes: list[Any] = []
        if fork_helps():
            import gc
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # Forked with every object here frozen: the side process's collector never finalizes what it
            # inherited, such as an OSM reader left in a reference cycle whose C++ threads only exist here
            # (its destructor would wait for them forever, or abort).
            frozen_by_caller = gc.get_freeze_count() > 0
            gc.freeze()
            # Ctrl-C held while forking: one arriving inside the fork's own handlers (logging's lock release)
            # would be printed as an ignored exception with its traceback; held, it arrives just after, as usual
            held = _hold_ctrl_c()
            try:
                context = multiprocessing.get_context("fork")
                before = set(multiprocessing.active_children())
                self._pool = ProcessPoolExecutor(1, mp_context=context, initializer=_side_init)
                self._pool.submit(_remote, prepare)  # forks
                self._processes = [p for p in multiprocessing.active_children() if p not in before]
            finally:
                if not frozen_by_caller:  # a caller's own freeze stays (and holds what was made since)
                    gc.unfreeze()
                _release_ctrl_c(held)

    def __enter__(self) -> SideWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()

    def run(self, job: Callable[[], T]) -> Callable[[], T]:
        """Start ``job``; return what waits for it to finish and gives its result (or raises what it raised)."""
        if self._pool is None:
            result = job()
            return lambda: result
        future = self._pool.submit(_remote, job)

        def wait() -> T:
            from concurrent.futures.process import BrokenProcessPool

            try:
                done: T = future.result(timeout=JOB_TIMEOUT_S)
            except TimeoutError:
                self._kill()
                raise ParadeplanError(
                    _(
                        "the process writing the results did not finish in {n} s; run again with {setting}=1 to "
                        "write everything in one process"
                    ).format(n=round(JOB_TIMEOUT_S), setting=ONE_PROCESS_ENV)
                ) from None
            except BrokenProcessPool as exc:
                raise ParadeplanError(
                    _("the process writing the results stopped unexpectedly ({error})").format(error=exc)
                ) from None
            return done

        return wait

    def _kill(self) -> None:
        """End the side process at once, and return once it is gone (it writes nothing more after)."""
        from multiprocessing.connection import wait

        for process in self._processes:
            with contextlib.suppress(Exception):  # it may be gone already
                process.kill()
        sentinels = [p.sentinel for p in self._processes]
        while True:
            try:
                wait(sentinels, timeout=10)  # SIGKILL: milliseconds
                return
            except KeyboardInterrupt:  # another Ctrl-C: it is being killed, wait on
                continue

    def close(self) -> None:
        """Stop the side process once its jobs are done (they are, when their results were waited for)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def abort(self) -> None:
        """End the side process now, whatever it is doing (its work is not wanted), and wait until it is gone:
        the caller may then remove what it was writing into."""
        if self._pool is not None:
            self._kill()
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


#: How long this process waits for a job of the side process before it ends it: a guard against a hang, far
#: above any real job (the demo's takes 0.4 s).
JOB_TIMEOUT_S = 600.0
#: Set to 1 to keep every run in one process (no side process).
ONE_PROCESS_ENV = "PARADEPLAN_PROCESSES"


def fork_helps() -> bool:
    """Whether a forked side process is safe, has a CPU of its own and is not turned off.

    Safe: Linux, and no other Python thread running here (one could hold a lock the child would wait on). The
    native threads of libraries are not counted: the BLAS pools numpy and scipy start at import are fork-aware,
    and the objects of others (an OSM reader) are never finalized in the child (see :class:`SideWriter`).
    Turned off: ``PARADEPLAN_PROCESSES=1``.
    """
    import sys
    import threading

    if os.environ.get(ONE_PROCESS_ENV, "").strip() == "1":
        return False
    if sys.platform != "linux" or threading.active_count() > 1:
        return False
    return len(os.sched_getaffinity(0)) >= 2


def _remote(job: Callable[[], T]) -> T:
    """Run ``job`` in the side process; an error that would not survive the way back (an exception class
    whose constructor takes other arguments cannot be rebuilt from its pickle) comes back as a RuntimeError
    with its type and message."""
    import pickle

    try:
        return job()
    except BaseException as exc:
        try:
            pickle.loads(pickle.dumps(exc))
        except Exception:  # noqa: BLE001 - any failure to round-trip
            raise RuntimeError(f"{type(exc).__name__}: {exc}") from None
        raise


def _hold_ctrl_c() -> object | None:
    """Block SIGINT in this thread (where the system can), returning the mask to restore."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})


def _release_ctrl_c(held: object | None) -> None:
    """Restore the mask :func:`_hold_ctrl_c` returned: a Ctrl-C held meanwhile arrives now."""
    import signal

    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)  # type: ignore[arg-type]


def _side_init() -> None:
    """In the side process: leave Ctrl-C to the main process, and end when the main process ends (its sentinel
    pipe closes), however it ends."""
    import multiprocessing
    import signal
    import threading
    from multiprocessing.connection import wait

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    sentinel = parent.sentinel

    def watch() -> None:
        wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="paradeplan-main-watch", daemon=True).start()
