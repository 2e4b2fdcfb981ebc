"""The `paradeplan import` command: a plan document in, a plan file (or a JSON summary) out."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from paradeplan.cli.common import HELP, guarded
from paradeplan.i18n import _


def import_command(
    file: Path = typer.Argument(..., help=_("The document: .txt (UTF-8), .docx or .pdf with text.", HELP)),  # noqa: B008
    out: Path | None = typer.Option(None, "-o", "--out", help=_("Write the plan file here.", HELP)),  # noqa: B008
    as_json: bool = typer.Option(False, "--json", help=_("Print the normalized summary as JSON.", HELP)),
) -> None:
    """Read an official plan document and write a plan file; gaps become open items.

    Parameters
    ----------
    file : Path
        The document to import.
    out : Path, optional
        Where to write the plan YAML. Without it (and without ``--json``) the YAML goes to stdout.
    as_json : bool
        Print the summary (route, forces, assembly, …, unresolved) as JSON.
    """
    from paradeplan.importer import import_document

    with guarded():
        result = import_document(file)
        if out is not None:
            result.write(out)
    if as_json:
        typer.echo(json.dumps(result.summary(), ensure_ascii=False, indent=2))
    elif out is None:
        typer.echo(result.yaml_text, nl=False)
    if out is not None:
        n = len(result.data.get("open_items", []))
        typer.echo(
            _("wrote {out} ({steps} route steps, {vehicles} vehicles, {n} open items)").format(
                out=out,
                steps=len(result.extraction.route),
                vehicles=sum(f.count for f in result.extraction.forces),
                n=n,
            ),
            err=True,
        )
    for d in result.decisions:  # what the context decided, each for the user to check (and overturn)
        typer.echo(
            _("{file}: decided: {chosen} ({reason})").format(file=out or file, chosen=d.chosen, reason=d.reason),
            err=True,
        )
    for note in result.extraction.unresolved:  # "field: what" — the field is for --json, the words for people
        typer.echo(_("{file}: not found: {note}").format(file=file, note=note.split(": ", 1)[-1]), err=True)
