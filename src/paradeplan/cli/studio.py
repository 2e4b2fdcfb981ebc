"""CLI: `paradeplan studio [FILE]`, the planning studio where a clerk finishes an imported plan in the browser."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Annotated

import typer

from paradeplan.cli.common import HELP, check_port, check_token, guarded, loopback, print_err
from paradeplan.i18n import _, number


def studio_command(
    file: Annotated[
        Path | None, typer.Argument(help=_("A document (.txt/.docx/.pdf) or plan file (.yaml) to open at once.", HELP))
    ] = None,
    folder: Annotated[Path, typer.Option("--dir", help=_("Where plans and their history are kept.", HELP))] = Path(
        "paradeplan-studio"
    ),
    host: Annotated[
        str, typer.Option(help=_("Address to listen on (127.0.0.1: this computer only).", HELP))
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help=_("Port to listen on.", HELP), min=1, max=65535)] = 8766,
    token: Annotated[
        str | None, typer.Option(help=_("The studio's token (default: a new one, printed once).", HELP))
    ] = None,
    no_browser: Annotated[bool, typer.Option("--no-browser", help=_("Do not open the browser.", HELP))] = False,
) -> None:
    """Open the planning studio: import a document, fix its open items in the browser, make the plan."""
    from paradeplan.errors import InputError, Problem, TooLarge

    with guarded():
        check_token(token)
        if folder.exists() and not folder.is_dir():
            raise InputError(problems=[Problem(_("is not a folder"), str(folder), hint=_("give a folder with --dir"))])
        from paradeplan.studio.server import Studio, new_token, serve

        check_port(host, port)
        secret = new_token() if token is None else token
        studio = Studio(folder, secret)
        opened = None
        if file is not None:
            from paradeplan.importer.reader import MAX_DOCUMENT_BYTES

            if not file.is_file():
                raise InputError(problems=[Problem(_("no such file"), str(file), hint=_("check the path"))])
            if file.stat().st_size > MAX_DOCUMENT_BYTES:
                raise TooLarge(
                    problems=[
                        Problem(_("larger than the limit of {n} bytes").format(n=number(MAX_DOCUMENT_BYTES)), str(file))
                    ]
                )
            opened, step = studio.add(file.name, file.read_bytes())
            req = sum(1 for it in step.open_items if it["required"])
            typer.echo(
                _("{file}: imported, {n} open items ({required} required) to fix in the studio").format(
                    file=file, n=len(step.open_items), required=req
                )
            )
        base = f"http://{host if ':' not in host else f'[{host}]'}:{port}"
        url = f"{base}/#token={secret}" + (f"&plan={opened}" if opened else "")
        typer.echo(_("Studio: {url}").format(url=url))
        typer.echo(
            _("Plans and their history are kept in {folder} (closing the browser or the server loses nothing).").format(
                folder=f"{folder}/"
            )
        )
        if token is None:
            typer.echo(_("The token was generated for this run: keep the link private (or pass --token)."))
        if not loopback(host):
            print_err(_("note: listening on {host} over plain HTTP: the token travels unencrypted").format(host=host))
        if not no_browser:
            import webbrowser

            with contextlib.suppress(Exception):
                webbrowser.open(url)
        typer.echo(_("Ctrl-C stops the studio."))
        with contextlib.suppress(KeyboardInterrupt):
            serve(studio, host, port)
        typer.echo(_("Stopped. Plans kept in {folder}").format(folder=f"{folder}/"))
