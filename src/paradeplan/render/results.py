"""The results folder's layout: which writer writes which file, under which name (the maps aside: ``maps``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from paradeplan.outputs import atomic_folder, dumps_json, files_in, write_files, write_json
from paradeplan.parade.schedule import ParadeSchedule
from paradeplan.plan.model import Parade, Plan
from paradeplan.posts.instance import Instance
from paradeplan.route.model import Route

log = logging.getLogger(__name__)

#: The plan as the run read it (every default filled in).
PLAN_FILE = "plan.json"
#: The plan book, linking every other file.
BOOK_FILE = "index.html"
#: The report after the week (issue 17).
REPORT_FILE = "bao-cao.docx"
#: The calendar of a plan without a parade: its ceremonies, activities and report deadlines (issue 17).
PLAN_CALENDAR_FILE = "calendar.ics"
#: The JSON Schema of ``schedule.json``.
SCHEMA_FILE = "schedule.schema.json"


@dataclass(frozen=True)
class ParadeFiles:
    """What the files of one checked parade are written from."""

    parade: Parade
    route: Route
    schedule: ParadeSchedule
    instance: Instance
    solution: Any
    """The posts solver's ``Solution`` of ``instance`` (its type stays with the solver, which renderers never load)."""


def write_plan_json(folder: Path, plan: Plan) -> str:
    """``plan.json`` (its name): the plan as the run read it."""
    from paradeplan.plan.planfile import plan_to_dict

    write_json(folder / PLAN_FILE, plan_to_dict(plan))
    return PLAN_FILE


def write_documents(
    folder: Path,
    plan: Plan,
    parades: tuple[ParadeFiles, ...],
    books: dict[str, Any],
    lang: str,
    others: tuple[str, ...],
) -> list[str]:
    """Every output but the maps and ``others`` (what the caller writes), then the plan book linking them all.

    The first parade's files have plain names; another parade's carry ``-<parade id>``.

    Returns
    -------
    list of str
        Every file the folder holds when the caller's are written too (the plan book's own included), sorted.
    """
    files = list(others)
    for i, pf in enumerate(parades):
        suffix = "" if i == 0 else f"-{pf.parade.id}"
        files += write_parade_files(folder, pf, suffix, plan.event.issuer or plan.event.name, lang)
    files.append(write_report(folder, plan, parades, books, lang))
    if parades:
        from paradeplan.parade.schedule_json import schema
        from paradeplan.render import write_documents as write_parade_documents

        (folder / SCHEMA_FILE).write_text(dumps_json(schema()), encoding="utf-8")
        files.append(SCHEMA_FILE)
        files += write_parade_documents(folder, parades[0].schedule, parades[0].route, plan, lang=lang)
    else:
        files.append(write_plan_calendar(folder, plan, books, lang))
    files = sorted(files)
    write_book(folder, plan, parades[0] if parades else None, lang, books, files)
    return sorted([*files, BOOK_FILE])


def write_parade_files(folder: Path, pf: ParadeFiles, suffix: str, publisher: str, lang: str) -> list[str]:
    """The machine-readable files of one parade (their names): route, schedule, posts/1 files, CSV tables, and the
    closure feeds for navigation apps (WZDx 4.2, Waze CIFS)."""
    from paradeplan.parade.feeds import waze_feed, wzdx_feed
    from paradeplan.parade.schedule_json import to_json
    from paradeplan.posts.instance import instance_to_json
    from paradeplan.posts.solution import solution_to_json
    from paradeplan.render.sheets import lineup_csv_text, onward_csv_text
    from paradeplan.route.exports import route_to_geojson

    texts = {
        f"route{suffix}.geojson": dumps_json(route_to_geojson(pf.route)),
        f"schedule{suffix}.json": dumps_json(to_json(pf.schedule)),
        f"posts{suffix}.json": dumps_json(instance_to_json(pf.instance)),
        f"posts-solution{suffix}.json": dumps_json(solution_to_json(pf.instance, pf.solution)),
        f"lineup{suffix}.csv": lineup_csv_text(pf.schedule),
        f"onward{suffix}.csv": onward_csv_text(pf.schedule),
        f"closures{suffix}.wzdx.geojson": dumps_json(wzdx_feed(pf.schedule, publisher=publisher, lang=lang)),
        f"closures{suffix}.waze.json": dumps_json(waze_feed(pf.schedule, lang=lang)),
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8", newline="")  # the texts' own line ends
    return list(texts)


def write_book(
    folder: Path, plan: Plan, pf: ParadeFiles | None, lang: str, books: dict[str, Any], files: list[str]
) -> str:
    """The plan book (``index.html``), linking ``files``: the first parade's schedule and route (when the plan
    has parades), its ceremonies, itineraries and week calendar."""
    from paradeplan.render.planbook import write_planbook

    write_planbook(
        folder / BOOK_FILE,
        pf.schedule if pf else None,
        pf.route if pf else None,
        plan,
        lang=lang,
        files=files,
        ceremonies=books.get("ceremonies"),
        week=books.get("week"),
    )
    return BOOK_FILE


def write_report(folder: Path, plan: Plan, parades: tuple[ParadeFiles, ...], books: dict[str, Any], lang: str) -> str:
    """``bao-cao.docx`` (its name): the report the document asks for after the week, pre-filled from the
    schedules."""
    from paradeplan.render.report import ParadeFacts, ReportInput, write_report

    facts = tuple(
        ParadeFacts(
            name=pf.parade.name,
            day=pf.schedule.parade.date,
            km=round(pf.schedule.parade.total_m / 1000, 3),
            vehicles=sum(g.count for g in pf.parade.groups if g.role != "marshal"),
            posts=len(pf.schedule.posts),
            units_used=pf.schedule.escort.units_used,
            assembly_place=pf.schedule.parade.assembly.name,
            assembly_s=pf.schedule.parade.assembly.time_s,
            departure_s=pf.schedule.parade.departure_s,
            finish_s=pf.schedule.parade.finish_tail_s,
        )
        for pf in parades
    )
    write_report(folder / REPORT_FILE, ReportInput(plan, facts, books.get("ceremonies"), books.get("week")), lang=lang)
    return REPORT_FILE


def write_plan_calendar(folder: Path, plan: Plan, books: dict[str, Any], lang: str) -> str:
    """``calendar.ics`` (its name) of a plan without a parade: its ceremonies, activities and report deadlines."""
    from paradeplan.render.reminders import plan_calendar

    (folder / PLAN_CALENDAR_FILE).write_bytes(plan_calendar(plan, lang, books.get("ceremonies")))
    return PLAN_CALENDAR_FILE


def write_book_folder(
    out: Path, plan: Plan, lang: str, files: dict[str, bytes | str], books: dict[str, Any]
) -> tuple[str, ...]:
    """Write ceremony or week ``files`` (relative path → content) and the plan book into ``out`` atomically."""
    with atomic_folder(out) as tmp:
        write_files(tmp, files)
        write_book(tmp, plan, None, lang, books, files_in(tmp))
        return tuple(files_in(tmp))
