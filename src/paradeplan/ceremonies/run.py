"""Solve, check and render ceremonies or the week's rounds in one call (shared by `plan`, `ceremonies`, `week`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from paradeplan.errors import InfeasibleError, ParadeplanError
from paradeplan.outputs import dumps_json
from paradeplan.plan.model import Plan


@dataclass(frozen=True)
class Outcome:
    """Files to write (relative path → content), a one-line summary, and the failure to report after writing."""

    files: dict[str, bytes | str]
    summary: str
    failure: InfeasibleError | None
    book: dict[str, Any] = field(default_factory=dict)
    """What the plan book shows (``ceremonies_book`` or ``week_book``), as plain values."""


def run_ceremonies(plan: Plan, lang: str, travel: Any = None, *, cdn: bool = False) -> Outcome:
    """Schedule the ceremonies, check them independently and render every ceremony file.

    ``cdn``: the ceremonies map loads Leaflet from the internet instead of embedding it.

    A plan whose required attendances cannot all be met still yields the relaxed schedule's files; the
    ``InfeasibleError`` (exit 3) comes back in ``failure`` to be raised once the files are written.

    Raises
    ------
    ParadeplanError
        When the independent checker rejects the schedule (a bug: nothing is written).
    """
    from paradeplan.ceremonies import ceremonies_to_json, check_ceremonies, schedule_ceremonies, solver_report
    from paradeplan.ceremonies.outputs import ceremonies_book, ceremony_files

    failure: InfeasibleError | None = None
    try:
        sched: Any = schedule_ceremonies(plan, travel)
    except InfeasibleError as err:
        sched = getattr(err, "schedule", None)
        if sched is None:
            raise
        failure = err
    problems = check_ceremonies(plan, ceremonies_to_json(sched), travel, allow_unmet_required=failure is not None)
    if problems:
        raise ParadeplanError("the ceremony schedule failed the independent check:\n" + "\n".join(problems))
    rep = solver_report(sched)
    summary = (f"ceremonies: {len(plan.ceremonies)} scheduled ({rep['status']}, gap {rep['gap']:.1%}), "
               f"{rep['wishes_met']}/{rep['wishes']} wished attendances met, {rep['unmet']} unmet")
    return Outcome(ceremony_files(sched, lang, cdn=cdn), summary, failure, ceremonies_book(sched))


def run_week(plan: Plan, lang: str, travel: Any = None) -> Outcome:
    """Place the week's rounds, check the calendar and render week.json, week.md and week.ics."""
    from paradeplan.ceremonies import check_week, schedule_week, week_ics, week_text, week_to_json
    from paradeplan.ceremonies.outputs import week_book

    failure: InfeasibleError | None = None
    try:
        week: Any = schedule_week(plan, travel)
    except InfeasibleError as err:
        week = getattr(err, "week", None)
        if week is None:
            raise
        failure = err
    problems = check_week(week, travel)
    if problems:
        raise ParadeplanError("the week calendar failed the check:\n" + "\n".join(problems))
    files: dict[str, bytes | str] = {"week.json": dumps_json(week_to_json(week)), "week.md": week_text(week, lang),
                                     "week.ics": week_ics(week)}
    summary = f"week: {week.status}, {len(week.placed)} round(s) placed, {len(week.unplaced)} not"
    return Outcome(files, summary, failure, week_book(week))
