"""Human-facing outputs of a schedule: plan book, run-sheets, closures, calendars, GPX/KML and a Word file."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from paradeplan.parade.schedule import ParadeSchedule
from paradeplan.plan.model import Plan
from paradeplan.route.model import Route

log = logging.getLogger(__name__)

__all__ = ["DOCUMENT_MODULES", "preload_documents", "write_documents", "write_outputs"]

#: What :func:`write_documents` imports: its renderers and the libraries they write with (imported lazily, so
#: that ``--help`` and ``validate`` stay instant).
DOCUMENT_MODULES = (
    "paradeplan.render.calendars",
    "paradeplan.render.gis",
    "paradeplan.render.notice",
    "paradeplan.render.planbook",
    "paradeplan.render.report",
    "paradeplan.render.sheets",
    "paradeplan.render.wordfile",
    "icalendar",
    "openpyxl",
    "docx",
    "gpxpy.gpx",
    "simplekml",
)


def preload_documents(plan: Plan | None = None) -> None:
    """Import :data:`DOCUMENT_MODULES` and read the administrative units the plan book of ``plan`` will show.

    A process that will write the documents does this while it waits for the schedule.
    """
    import importlib

    from paradeplan.render.plansections import preload_units

    for name in DOCUMENT_MODULES:
        importlib.import_module(name)
    preload_units(plan)


def write_documents(
    folder: Path, schedule: ParadeSchedule, route: Route, plan: Plan | None, *, lang: str = "vi"
) -> list[str]:
    """Write the run-sheets, closures, calendars, GPX, KML and Word plan into ``folder``; return their names.

    Everything :func:`write_outputs` writes but the plan book, which links to these (see there for the
    parameters).
    """
    from paradeplan.plan.rules import parade_placeholders
    from paradeplan.render.calendars import write_calendars
    from paradeplan.render.gis import write_gpx, write_kml
    from paradeplan.render.notice import NOTICE_FILE, write_notice
    from paradeplan.render.sheets import write_closures_csv, write_runsheets
    from paradeplan.render.wordfile import write_docx

    folder = Path(folder)
    open_ = parade_placeholders(plan, schedule.parade.id)
    return [
        write_runsheets(folder / "runsheets.xlsx", schedule, lang=lang, placeholders=open_),
        write_closures_csv(folder / "closures.csv", schedule, lang=lang),
        *write_calendars(folder, schedule, lang=lang, plan=plan, placeholders=open_),
        write_gpx(folder / "route.gpx", schedule, route, lang=lang),
        write_kml(folder / "route.kml", schedule, route, lang=lang),
        write_docx(folder / "ke-hoach.docx", schedule, route, plan, lang=lang),
        write_notice(folder / NOTICE_FILE, schedule, plan, lang=lang),
    ]


def write_outputs(
    folder: Path,
    schedule: ParadeSchedule,
    route: Route,
    plan: Plan | None,
    *,
    lang: str = "vi",
    ceremonies: dict[str, Any] | None = None,
    week: dict[str, Any] | None = None,
    files: list[str] | None = None,
) -> list[str]:
    """Write every human-facing file into ``folder`` and return their names relative to it.

    Parameters
    ----------
    folder : Path
        The (temporary) results folder; it must exist.
    schedule : ParadeSchedule
        The checked schedule (see docs/schedule.md).
    route : Route
        The resolved route.
    plan : Plan or None
        The validated plan (document number, issuer, area); optional.
    lang : {"vi", "en"}
        Language of labels and dates.
    ceremonies : dict, optional
        The ceremony schedule for the plan book (``render.ceremonies.ceremonies_book``).
    week : dict, optional
        The week's calendar for the plan book (``render.week.week_book``).
    files : list of str, optional
        Other files already in ``folder`` (relative names) that the plan book links to.

    Returns
    -------
    list of str
        Relative file names written, sorted.
    """
    from paradeplan.render.planbook import write_planbook

    folder = Path(folder)
    others = list(files or [])
    files = write_documents(folder, schedule, route, plan, lang=lang)
    files.append(
        write_planbook(
            folder / "index.html",
            schedule,
            route,
            plan,
            lang=lang,
            files=sorted(set(files) | set(others)),
            ceremonies=ceremonies,
            week=week,
        )
    )
    log.info("wrote %d human-facing files into %s", len(files), folder)
    return sorted(files)
