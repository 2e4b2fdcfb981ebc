"""CLI commands `ceremonies` and `week`: thin wrappers that solve, check and write the outputs atomically."""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import typer

from ..errors import InfeasibleError, ParadeplanError

log = logging.getLogger(__name__)


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _atomic_folder(out: Path, files: dict[str, bytes | str]) -> None:
    """Write ``files`` (relative path -> content) into a temp folder beside ``out``, then move it into place."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        for rel, content in sorted(files.items()):
            target = tmp / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, str):
                target.write_text(content, encoding="utf-8")
            else:
                target.write_bytes(content)
        if out.exists():
            old = out.with_name(f".{out.name}.old")
            if old.exists():
                shutil.rmtree(old)
            os.replace(out, old)
            os.replace(tmp, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _safe_name(text: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in text)
    return keep.strip("._") or "item"


def ceremony_files(sched: Any, lang: str = "vi") -> dict[str, bytes | str]:
    """Every ceremony output of a schedule, as relative path -> content.

    Parameters
    ----------
    sched : CeremonySchedule
    lang : str

    Returns
    -------
    dict
        ceremonies.json, solver.json, runofshow.md, itineraries.md, itineraries/*.ics, map.html.
    """
    from ..ceremonies import (
        ceremonies_map_html,
        ceremonies_to_json,
        itineraries,
        itineraries_ics,
        itineraries_text,
        run_of_show_all,
        solver_report,
    )

    files: dict[str, bytes | str] = {
        "ceremonies.json": _dump(ceremonies_to_json(sched)),
        "solver.json": _dump(solver_report(sched)),
        "runofshow.md": run_of_show_all(sched, lang),
        "itineraries.md": itineraries_text(sched, lang),
        "itineraries/all.ics": itineraries_ics(sched),
        "map.html": ceremonies_map_html(sched),
    }
    for aid in itineraries(sched):
        files[f"itineraries/{_safe_name(aid)}.ics"] = itineraries_ics(sched, aid)
    return files


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

    try:
        p = load_plan(plan)
        failure: InfeasibleError | None = None
        try:
            sched: Any = schedule_ceremonies(p)
        except InfeasibleError as err:
            sched = getattr(err, "schedule", None)
            if sched is None:
                raise
            failure = err
        problems = check_ceremonies(p, ceremonies_to_json(sched), allow_unmet_required=failure is not None)
        if problems:
            raise ParadeplanError("the schedule failed the independent check:\n" + "\n".join(problems))
        _atomic_folder(out, ceremony_files(sched, lang))
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

    try:
        p = load_plan(plan)
        failure: InfeasibleError | None = None
        try:
            week: Any = schedule_week(p)
        except InfeasibleError as err:
            week = getattr(err, "week", None)
            if week is None:
                raise
            failure = err
        problems = check_week(week)
        if problems:
            raise ParadeplanError("the week calendar failed the check:\n" + "\n".join(problems))
        lang = p.event.language
        _atomic_folder(out, {"week.json": _dump(week_to_json(week)), "week.md": week_text(week, lang),
                             "week.ics": week_ics(week)})
        typer.echo(f"week: {week.status}, {len(week.placed)} rounds placed, {len(week.unplaced)} not; "
                   f"written to {out}")
        if failure is not None:
            raise failure
    except ParadeplanError as err:
        for line in err.lines():
            print(line, file=sys.stderr)
        raise typer.Exit(err.exit_code) from None
