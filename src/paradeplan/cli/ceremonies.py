"""CLI commands `ceremonies` and `week`: parse, call the application layer, map errors to exit codes."""

from __future__ import annotations

from pathlib import Path

import typer

from paradeplan.cli.common import HELP, guarded
from paradeplan.i18n import _


def ceremonies_command(
    plan: Path,
    out: Path = typer.Option(..., "--out"),  # noqa: B008
    lang: str = "vi",
    cdn: bool = typer.Option(False, "--cdn", help=_("The map loads Leaflet from the internet (smaller file).", HELP)),
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
    from paradeplan.app import plan_ceremonies

    with guarded():
        summary, failure = plan_ceremonies(plan, out, lang=lang, cdn=cdn)
        typer.echo(_("{summary}; written to {out}").format(summary=summary, out=out))
        if failure is not None:
            raise failure


def week_command(plan: Path, out: Path = typer.Option(..., "--out")) -> None:  # noqa: B008
    """Place the week's rounds (day and start) and write week.json, week.md, week.ics and the plan book.

    Parameters
    ----------
    plan : Path
        The plan file.
    out : Path
        Output folder (replaced atomically).
    """
    from paradeplan.app import plan_week

    with guarded():
        summary, failure = plan_week(plan, out)
        typer.echo(_("{summary}; written to {out}").format(summary=summary, out=out))
        if failure is not None:
            raise failure
