"""The `paradeplan` command line: thin typer commands that parse, call the core and map errors to exit codes."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from paradeplan import __version__
from paradeplan.cli.common import HELP, guarded, interrupted, print_err
from paradeplan.cli.words import speak
from paradeplan.i18n import _

speak(HELP)  # click's and typer's own words ("Usage:", "Missing argument …") in the same language

app = typer.Typer(
    name="paradeplan",
    help=_(
        "Plan street parades, vehicle convoys and opening ceremonies on real streets "
        "(routes, OR-Tools schedules, Folium maps, run-sheets). Offline unless --online.",
        HELP,
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"paradeplan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help=_("Log what each stage does.", HELP))] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=_("Print the version and exit.", HELP))
    ] = False,
) -> None:
    """Plan street parades, vehicle convoys and opening ceremonies on real streets."""
    from paradeplan.i18n import lang_from_env, set_lang

    set_lang(lang_from_env())  # the command's own messages: LANGUAGE, LC_ALL, LC_MESSAGES, LANG (or --lang)
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


@app.command(help=_("Check a plan file and report every problem found (everything `plan` would refuse).", HELP))
def validate(plan: Annotated[Path, typer.Argument(help=_("The plan file (YAML).", HELP))]) -> None:
    """Check a plan file and report every problem found (everything `plan` would refuse)."""
    from paradeplan.app import validate_plan
    from paradeplan.i18n import _, ngettext

    with guarded():
        from paradeplan.plan.rules import still_open

        p = validate_plan(plan)
        left = still_open(p)
        for item in left:
            print_err(
                _("{file}: {field}: still to be decided: {question}").format(
                    file=plan, field=item.field, question=item.question
                )
            )
        for d in p.decisions:
            print_err(
                _("{file}: {field}: decided: {chosen} ({reason})").format(
                    file=plan, field=d.field, chosen=d.chosen, reason=d.reason
                )
            )
        counts = [
            ngettext("{n} parade", "{n} parades", len(p.parades)).format(n=len(p.parades)),
            ngettext("{n} place", "{n} places", len(p.places)).format(n=len(p.places)),
            ngettext("{n} ceremony", "{n} ceremonies", len(p.ceremonies)).format(n=len(p.ceremonies)),
        ]
        if left:
            n = len(left)
            counts.append(ngettext("{n} item still to be decided", "{n} items still to be decided", n).format(n=n))
        typer.echo(_("{file}: valid ({counts})").format(file=plan, counts=", ".join(counts)))


@app.command(help=_("Print the plan file's JSON Schema (generated from the model).", HELP))
def schema() -> None:
    """Print the plan file's JSON Schema (generated from the model)."""
    from paradeplan.outputs import dumps_json
    from paradeplan.plan.planfile import plan_schema

    typer.echo(dumps_json(plan_schema()), nl=False)


@app.command(help=_("Plan everything for a plan file and write the results into a folder.", HELP))
def plan(
    plan: Annotated[Path, typer.Argument(help=_("The plan file (YAML).", HELP))],
    out: Annotated[Path, typer.Option("--out", "-o", help=_("Folder for the results (replaced atomically).", HELP))],
    lang: Annotated[str | None, typer.Option(help=_("Output language: vi or en (default: the plan's).", HELP))] = None,
    online: Annotated[bool, typer.Option("--online", help=_("Allow network lookups (geocoding).", HELP))] = False,
    cdn: Annotated[
        bool, typer.Option("--cdn", help=_("Maps load Leaflet from the internet (smaller files).", HELP))
    ] = False,
    delay: Annotated[
        float,
        typer.Option(
            "--delay", help=_("What-if: the column leaves MIN minutes later (negative: earlier).", HELP), metavar="MIN"
        ),
    ] = 0.0,
    speed: Annotated[
        float | None, typer.Option("--speed", help=_("What-if: the column drives at KMH km/h.", HELP), metavar="KMH")
    ] = None,
) -> None:
    """Plan everything for a plan file and write the results into a folder."""
    from paradeplan.app import run_plan
    from paradeplan.i18n import set_lang

    if lang:
        set_lang(lang)
    with guarded():
        result = run_plan(plan, out, lang=lang, online=online, cdn=cdn, delay_min=delay, speed_kmh=speed)
        _report(result, plan)


@app.command(help=_("Plan the embedded Quận 12 2023 parade (offline) and say where the results are.", HELP))
def demo(
    out: Annotated[Path, typer.Option("--out", "-o", help=_("Folder for the results.", HELP))] = Path(
        "maps/quan12-2023"
    ),
    lang: Annotated[str | None, typer.Option(help=_("Output language: vi or en.", HELP))] = None,
) -> None:
    """Plan the embedded Quận 12 2023 parade (offline) and say where the results are."""
    from paradeplan.app import run_plan
    from paradeplan.i18n import set_lang
    from paradeplan.resources import demo_plan_path

    if lang:
        set_lang(lang)
    with guarded():
        result = run_plan(demo_plan_path(), out, lang=lang, online=False, cdn=False)
        _report(result)


def _report(result: object, plan: Path | None = None) -> None:
    """The summary, then what was made and which file to open first (never the list of every file); what is not
    fully met on stderr, each line naming the plan file."""
    from paradeplan.app import PlanResult
    from paradeplan.i18n import _, ngettext

    assert isinstance(result, PlanResult)
    for line in result.summary:
        typer.echo(line)
    n = len(result.files)
    typer.echo(ngettext("Made {n} file in {out}", "Made {n} files in {out}", n).format(n=n, out=result.out))
    first = "index.html" if "index.html" in result.files else (result.files[0] if result.files else "")
    if first:
        typer.echo(_("Open first: {path} (the plan book, links to every other file)").format(path=result.out / first))
    if result.shortfall:
        for line in result.shortfall:
            print_err(f"{plan}: {line}" if plan is not None else line)
        raise typer.Exit(3)


def _register() -> None:
    """Attach the command groups and commands that live in their own modules (each imports lightly)."""
    from paradeplan.cli import ceremonies, importer, live, maps, posts, streets, studio

    posts.app.command("map", help=_("Draw a posts/1 instance and its solution as an HTML map.", HELP))(
        maps.posts_map_command
    )
    app.add_typer(posts.app, name="posts", help=_("Solve, check and draw post schedules (posts/1 files).", HELP))
    app.add_typer(
        streets.app, name="streets", help=_("Import OpenStreetMap street data, or fetch it with --online.", HELP)
    )
    app.command("route", help=_("Print a plan's route: steps, streets, km and U-turns.", HELP))(streets.route_command)
    app.command("import", help=_("Read an official plan document (.txt/.docx/.pdf) into a plan file.", HELP))(
        importer.import_command
    )
    app.command("ceremonies", help=_("Schedule opening ceremonies and who attends them (CP-SAT).", HELP))(
        ceremonies.ceremonies_command
    )
    app.command("week", help=_("Give each round of the week a day and a start time (CP-SAT).", HELP))(
        ceremonies.week_command
    )
    app.command("studio", help=_("Open the planning studio: fix an imported plan's open items in the browser.", HELP))(
        studio.studio_command
    )
    app.command("live", help=_("Serve the day's live views from a results folder: control room, units, public.", HELP))(
        live.live_command
    )


_register()


#: Allocations between two young-generation collections of the garbage collector (CPython's default is 700).
#: A run allocates millions of small objects that live to its end (the street graph, the administrative units,
#: documents being built), so the default collects over and over for nothing: some 10 % of `paradeplan demo`.
GC_YOUNG_THRESHOLD = 50_000


def main() -> None:
    """Entry point of the console script: run the command, then leave without tearing the interpreter down.

    Every output is complete and closed when a command returns, so the process ends at once with the command's
    exit code (``os._exit`` after flushing the standard streams and the logging handlers). Python's own exit
    would free the run's objects one by one: about 0.3 s after `paradeplan demo` for memory the system takes
    back whole.
    """
    import contextlib
    import gc
    import os
    import sys

    gc.set_threshold(GC_YOUNG_THRESHOLD, 20, 100)
    try:
        app()
        code: object = 0
    except SystemExit as stop:
        code = stop.code
    except KeyboardInterrupt:  # before a command started (typer turns a later one into exit 130)
        code = interrupted().exit_code
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)  # what sys.exit does with a message
        code = 1
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (`paradeplan --help | head`)
            stream.flush()
    os._exit(code or 0)
