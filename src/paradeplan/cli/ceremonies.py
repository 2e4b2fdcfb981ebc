"""CLI commands `ceremonies` and `week`: thin wrappers that solve, check and write the outputs atomically."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import typer

from paradeplan.ceremonies.outputs import write_files
from paradeplan.cli.common import guarded

log = logging.getLogger(__name__)


def _write_folder(out: Path, files: dict[str, bytes | str], plan: Any, lang: str, book: dict[str, Any]) -> None:
    """Write ``files`` (relative path -> content) and the plan book (``index.html``) into ``out`` atomically."""
    from paradeplan.outputs import atomic_folder, files_in
    from paradeplan.render.planbook import write_planbook

    with atomic_folder(out) as tmp:
        write_files(tmp, files)
        write_planbook(tmp / "index.html", None, None, plan, lang=lang, files=files_in(tmp), **book)


def ceremonies_command(
    plan: Path,
    out: Path = typer.Option(..., "--out"),  # noqa: B008
    lang: str = "vi",
    cdn: bool = typer.Option(False, "--cdn", help="The map loads Leaflet from the internet."),
) -> None:
    """Schedule the plan's ceremonies, check the result and write ceremonies.json, run-of-show, itineraries, map
    and the plan book (index.html).

    Parameters
    ----------
    plan : Path
        The plan file.
    out : Path
        Output folder (replaced atomically).
    lang : str
        Language of the texts: vi or en.
    cdn : bool
        The map loads Leaflet from the internet (smaller file) instead of embedding it.
    """
    from paradeplan.app import plan_errors
    from paradeplan.ceremonies.run import run_ceremonies
    from paradeplan.geo.travel import plan_travel
    from paradeplan.plan.planfile import load_plan

    with guarded(), plan_errors(plan):
        p = load_plan(plan)
        result = run_ceremonies(p, lang, plan_travel(p, plan.parent), cdn=cdn)
        _write_folder(out, result.files, p, lang, {"ceremonies": result.book})
        typer.echo(f"{result.summary}; written to {out}")
        if result.failure is not None:
            raise result.failure


def week_command(plan: Path, out: Path = typer.Option(..., "--out")) -> None:  # noqa: B008
    """Place the week's rounds (day and start) and write week.json, week.md, week.ics and the plan book.

    Parameters
    ----------
    plan : Path
        The plan file.
    out : Path
        Output folder (replaced atomically).
    """
    from paradeplan.app import plan_errors
    from paradeplan.ceremonies.run import run_week
    from paradeplan.geo.travel import plan_travel
    from paradeplan.plan.planfile import load_plan

    with guarded(), plan_errors(plan):
        p = load_plan(plan)
        result = run_week(p, p.event.language, plan_travel(p, plan.parent))
        _write_folder(out, result.files, p, p.event.language, {"week": result.book})
        typer.echo(f"{result.summary}; written to {out}")
        if result.failure is not None:
            raise result.failure
