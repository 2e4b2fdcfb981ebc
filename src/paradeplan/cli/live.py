"""CLI: `paradeplan live OUT`, the control room's server on the day (control, unit and public views)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Annotated, Any

import typer

from paradeplan.cli.common import HELP, check_port, check_token, guarded, loopback, print_err
from paradeplan.i18n import _, current_lang, ngettext


def _more_files() -> None:
    """Let the server hold as many connections as the system allows (each is a file descriptor)."""
    with contextlib.suppress(ImportError, OSError, ValueError):
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if hard == resource.RLIM_INFINITY or hard > soft:
            resource.setrlimit(
                resource.RLIMIT_NOFILE, (min(hard, 65536) if hard != resource.RLIM_INFINITY else 65536, hard)
            )


def _rehearsal_start(rehearse: str | None) -> int | None:
    """``--rehearse HH:MM[:SS]`` in seconds since midnight (None: the real clock)."""
    from paradeplan import clock
    from paradeplan.errors import InputError, Problem

    if rehearse is None:
        return None
    rehearse_s = clock.parse(rehearse)
    if rehearse_s is None:
        raise InputError(
            problems=[
                Problem(
                    _("'{value}' is not a time of day").format(value=rehearse),
                    field="--rehearse",
                    hint=_("use HH:MM or HH:MM:SS"),
                )
            ]
        )
    return rehearse_s


def _announce(live: Any, base: str, host: str, generated: bool, rehearse_s: int | None) -> None:
    """What the server says when it starts: the parade, its reports, and the address of each view."""
    from paradeplan import clock

    folder, store, secret = live.folder, live.store, live.token
    schedule = folder.schedule
    n = len(store.reports())
    typer.echo(
        ngettext(
            "{parade} ({date}, {zone}): {posts} posts, {n} report in {file}",
            "{parade} ({date}, {zone}): {posts} posts, {n} reports in {file}",
            n,
        ).format(
            parade=schedule.parade.name,
            date=schedule.parade.date.isoformat(),
            zone=schedule.event.timezone,
            posts=len(schedule.posts),
            n=n,
            file=folder.db,
        )
    )
    if folder.basemap_note:
        print_err(_("note: {text}").format(text=folder.basemap_note))
    if rehearse_s is not None:
        typer.echo(
            _("Rehearsal: the clock starts at {time} on {date}").format(
                time=clock.hms(rehearse_s), date=schedule.parade.date
            )
        )
    typer.echo(_("Public view:  {url}").format(url=f"{base}/"))
    typer.echo(_("Control view: {url}").format(url=f"{base}/control#token={secret}"))
    first = next(iter(live.links().items()), None)
    if first is not None:
        typer.echo(
            _("Unit views:   one link per unit, listed in the control view (e.g. {url})").format(
                url=f"{base}{first[1]}"
            )
        )
    if generated:
        typer.echo(
            _(
                "The token was generated for this run and is not shown again: keep the control link "
                "private (or pass --token to keep the same links across restarts)."
            )
        )
    if not loopback(host):
        print_err(
            _(
                "note: listening on {host} over plain HTTP: anyone on that network can read the public "
                "view, and tokens travel unencrypted (put it behind HTTPS for use beyond a closed network)"
            ).format(host=host)
        )


def live_command(
    out: Annotated[Path, typer.Argument(help=_("The results folder of `paradeplan plan --out OUT`.", HELP))],
    host: Annotated[
        str, typer.Option(help=_("Address to listen on (127.0.0.1: this computer only).", HELP))
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help=_("Port to listen on.", HELP), min=1, max=65535)] = 8765,
    token: Annotated[
        str | None, typer.Option(help=_("The control room's token (default: a new one, printed once).", HELP))
    ] = None,
    rehearse: Annotated[
        str | None,
        typer.Option(
            help=_("Rehearse: run the clock from HH:MM[:SS] on the parade's date instead of the real time.", HELP)
        ),
    ] = None,
    parade: Annotated[str | None, typer.Option(help=_("Serve another parade of the folder (its id).", HELP))] = None,
    streets: Annotated[
        Path | None,
        typer.Option(help=_("Street data (GraphML) for the maps' faint basemap, instead of the plan's.", HELP)),
    ] = None,
) -> None:
    """Serve the day's live views: control room (token), one link per unit, and the public page."""

    with guarded():
        check_token(token)
        rehearse_s = _rehearsal_start(rehearse)
        from paradeplan.live.folder import load_folder
        from paradeplan.live.server import Live, LiveClock, new_token, serve
        from paradeplan.live.store import Store

        folder = load_folder(out, parade, streets=streets)
        base = f"http://{host if ':' not in host else f'[{host}]'}:{port}"
        store = Store(folder.db, folder.digest, server=f"pid {os.getpid()}, {base}/")
        try:
            check_port(host, port)
        except BaseException:
            store.close()
            raise
        _more_files()
        generated = token is None
        secret = new_token() if token is None else token
        schedule = folder.schedule
        live_clock = LiveClock.make(schedule.event.timezone, rehearse_s, schedule.parade.date)
        live = Live(folder, store, secret, live_clock)
        _announce(live, base, host, generated, rehearse_s)
        typer.echo(_("Ctrl-C stops the server; the reports stay in the folder."))
        with contextlib.suppress(KeyboardInterrupt):  # uvicorn shut down cleanly first, then passed Ctrl-C on
            serve(live, host, port)
        gone = store.gone()
        if gone is not None:
            print_err(gone.reason if current_lang() == "vi" else gone.reason_en)
            raise typer.Exit(1)
        kept = len(store.reports())
        typer.echo(
            ngettext("Stopped. {n} report kept in {file}", "Stopped. {n} reports kept in {file}", kept).format(
                n=kept, file=folder.db
            )
        )
