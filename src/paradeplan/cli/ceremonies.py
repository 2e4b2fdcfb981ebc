"""CLI commands `ceremonies` and `week`: thin wrappers that solve, check and write the outputs atomically."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import typer

from ..ceremonies.outputs import ceremony_files, write_files
from ..errors import InfeasibleError, ParadeplanError
from ..outputs import dumps_json

log = logging.getLogger(__name__)


def _write_folder(out: Path, files: dict[str, bytes | str]) -> None:
    """Write ``files`` (relative path -> content) into ``out`` atomically."""
    from ..outputs import atomic_folder

    with atomic_folder(out) as tmp:
        write_files(tmp, files)


def ceremonies_command(plan: Path, out: Path = typer.Option(..., "--out"), lang: str = "vi") -> None:  # noqa: B008
    """Schedule the plan's ceremonies, check the result and write ceremonies.json, run-of-show, itineraries, map.

    Parameters
    ----------
    plan : Path
        The plan file.
    out : Path
        Output folder (replaced atomically).
    lang : str
        Language of the texts: vi or en.
    """
    from ..ceremonies import ceremonies_to_json, check_ceremonies, schedule_ceremonies, solver_report
    from ..planfile import load_plan
    from ..travel import plan_travel

    try:
        p = load_plan(plan)
        travel = plan_travel(p, plan.parent)
        failure: InfeasibleError | None = None
        try:
            sched: Any = schedule_ceremonies(p, travel)
        except InfeasibleError as err:
            sched = getattr(err, "schedule", None)
            if sched is None:
                raise
            failure = err
        problems = check_ceremonies(p, ceremonies_to_json(sched), travel, allow_unmet_required=failure is not None)
        if problems:
            raise ParadeplanError("the schedule failed the independent check:\n" + "\n".join(problems))
        _write_folder(out, ceremony_files(sched, lang))
        rep = solver_report(sched)
        typer.echo(f"ceremonies: {rep['status']}, gap {rep['gap']:.2%}, {rep['wishes_met']}/{rep['wishes']} "
                   f"wishes met, {rep['unmet']} unmet; written to {out}")
        if failure is not None:
            raise failure
    except ParadeplanError as err:
        for line in err.lines():
            print(line, file=sys.stderr)
        raise typer.Exit(err.exit_code) from None


def week_command(plan: Path, out: Path = typer.Option(..., "--out")) -> None:  # noqa: B008
    """Place the week's rounds (day and start) and write week.json, week.md and week.ics.

    Parameters
    ----------
    plan : Path
        The plan file.
    out : Path
        Output folder (replaced atomically).
    """
    from ..ceremonies import check_week, schedule_week, week_ics, week_text, week_to_json
    from ..planfile import load_plan
    from ..travel import plan_travel

    try:
        p = load_plan(plan)
        travel = plan_travel(p, plan.parent)
        failure: InfeasibleError | None = None
        try:
            week: Any = schedule_week(p, travel)
        except InfeasibleError as err:
            week = getattr(err, "week", None)
            if week is None:
                raise
            failure = err
        problems = check_week(week, travel)
        if problems:
            raise ParadeplanError("the week calendar failed the check:\n" + "\n".join(problems))
        lang = p.event.language
        _write_folder(out, {"week.json": dumps_json(week_to_json(week)), "week.md": week_text(week, lang),
                             "week.ics": week_ics(week)})
        typer.echo(f"week: {week.status}, {len(week.placed)} rounds placed, {len(week.unplaced)} not; "
                   f"written to {out}")
        if failure is not None:
            raise failure
    except ParadeplanError as err:
        for line in err.lines():
            print(line, file=sys.stderr)
        raise typer.Exit(err.exit_code) from None
