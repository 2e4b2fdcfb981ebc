"""Shared CLI plumbing: map paradeplan errors to messages and exit codes, never a traceback."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Iterator

import typer

from paradeplan.errors import ParadeplanError

log = logging.getLogger("paradeplan")


def print_err(line: str) -> None:
    """Print one line to stderr."""
    sys.stderr.write(line + "\n")


def interrupted() -> typer.Exit:
    """What Ctrl-C ends a command with: one line on stderr, exit status 130."""
    print_err("interrupted: nothing was written")
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
        print_err(f"internal error: {type(exc).__name__}: {exc} (please report it; run with -v for details)")
        raise typer.Exit(1) from None
