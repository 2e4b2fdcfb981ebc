"""Shared CLI plumbing: map paradeplan errors to messages and exit codes, never a traceback."""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import socket
import sys
from collections.abc import Iterator

import typer

from paradeplan.errors import ParadeplanError
from paradeplan.i18n import _, cli_lang, os_error

#: The language of ``--help`` (typer reads the help texts when the commands are declared, before any callback).
HELP = cli_lang()

log = logging.getLogger("paradeplan")


def print_err(line: str) -> None:
    """Print one line to stderr."""
    sys.stderr.write(line + "\n")


def interrupted() -> typer.Exit:
    """What Ctrl-C ends a command with: one line on stderr, exit status 130."""
    print_err(_("interrupted: nothing was written"))
    return typer.Exit(130)


@contextlib.contextmanager
def guarded() -> Iterator[None]:
    """Run a command body: ParadeplanError → its lines on stderr and its exit code; Ctrl-C → 130."""
    try:
        yield
    except ParadeplanError as err:
        for line in err.lines():
            print_err(line)
        raise typer.Exit(err.exit_code) from None
    except BrokenPipeError:  # the reader went away (e.g. `| head`): nothing more to say
        sys.stderr.close()
        raise typer.Exit(0) from None
    except KeyboardInterrupt:
        raise interrupted() from None
    except (typer.Exit, typer.Abort, SystemExit):
        raise
    except Exception as exc:  # a bug of ours: say so plainly, keep the traceback for -v
        log.debug("internal error", exc_info=True)
        print_err(
            _("internal error: {error} (please report it; run with -v for details)").format(
                error=f"{type(exc).__name__}: {exc}"
            )
        )
        raise typer.Exit(1) from None


#: The shortest token a server (``live``, ``studio``) accepts from ``--token``.
MIN_TOKEN = 16


def check_token(token: str | None) -> None:
    """Refuse a ``--token`` the user gave that is too short, unprintable or holds a space (None: a new one is made)."""
    from paradeplan.errors import InputError, Problem

    if token is not None and (len(token) < MIN_TOKEN or not token.isprintable() or " " in token):
        raise InputError(
            problems=[
                Problem(
                    _("must be at least {n} printable characters without spaces").format(n=MIN_TOKEN),
                    field="--token",
                    hint=_("or leave it out to get a new one"),
                )
            ]
        )


def check_port(host: str, port: int) -> None:
    """Refuse (exit 2, naming --port) a host and port a server could not listen on."""
    from paradeplan.errors import InputError, Problem

    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((host, port))
    except OSError as exc:
        raise InputError(
            problems=[
                Problem(
                    _("cannot listen on {address}: {error}").format(address=f"{host}:{port}", error=os_error(exc)),
                    field="--port",
                    hint=_("choose another --port (or --host)"),
                )
            ]
        ) from None


def loopback(host: str) -> bool:
    """Whether ``host`` is this computer only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
