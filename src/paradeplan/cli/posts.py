"""``paradeplan posts`` commands: solve and check post-scheduling instances (paradeplan.posts/1)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from paradeplan.cli.common import HELP
from paradeplan.i18n import _, kind_name, km, ngettext, os_error

app = typer.Typer(
    help=_("Schedule units (motorbikes, cars, marshals) onto traffic posts, and check schedules.", HELP),
    no_args_is_help=True,
    add_completion=False,
)

SPINNER_AFTER_S = 2.0


def _one_blas_thread() -> None:
    """Before numpy loads: one BLAS thread (the solver multiplies no matrices; OpenBLAS's thread pool costs some
    0.04 s of CPU at start-up, 4 % of a 3,000-post solve), and no transparent huge pages asked for numpy's arrays
    (where the kernel compacts memory to back such pages on first touch, the solver's large arrays spent twice the
    system time: 30,000 wide posts 4.7 → 2.4 s, same user time). Values the user set are kept."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")


def _fail(err: Exception) -> typer.Exit:
    from paradeplan.errors import ParadeplanError

    if isinstance(err, ParadeplanError):
        for line in err.lines():
            typer.echo(line, err=True)
        return typer.Exit(err.exit_code)
    typer.echo(_("internal error: {error} (please report it; run with -v for details)").format(error=err), err=True)
    return typer.Exit(1)


def _solve_with_status(instance: Any, time_limit: float | None, quiet: bool) -> Any:
    """Run the solver; show a spinner on stderr when it takes longer than a couple of seconds."""
    import threading

    from paradeplan.posts import solve

    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["solution"] = solve(instance, time_limit=time_limit)
        except BaseException as e:  # noqa: BLE001 - re-raised in the caller's thread
            result["error"] = e

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(SPINNER_AFTER_S)
    if worker.is_alive():
        if quiet or not sys.stderr.isatty():
            worker.join()
        else:
            from rich.console import Console

            with Console(stderr=True).status(_("Solving {n} posts…").format(n=len(instance.posts))):
                worker.join()
    if "error" in result:
        raise result["error"]
    return result["solution"]


@app.command(
    help=_("Solve INSTANCE: cover the most priority-weighted need, with the fewest units, then the least travel.", HELP)
)
def solve(
    instance: Annotated[Path, typer.Argument(help=_("posts/1 instance (JSON).", HELP), show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help=_("Where to write the posts-solution/1 JSON.", HELP))],
    time_limit: Annotated[
        float | None,
        typer.Option(
            "--time-limit",
            min=0.0,
            help=_(
                "Seconds for the exact stage; past it the best answer found is written with status 'feasible'.", HELP
            ),
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=_("Print nothing but problems.", HELP))] = False,
) -> None:
    """Solve INSTANCE: cover the most priority-weighted need, with the fewest units, then the least travel."""
    _one_blas_thread()
    from paradeplan.errors import InputError, ParadeplanError, Problem

    try:
        from paradeplan.posts import check, load_instance, solution_to_json, write_json_atomic

        inst = load_instance(instance)
        if not out.parent.exists():
            raise InputError(problems=[Problem(_("the output folder does not exist"), str(out), field="--out")])
        sol = _solve_with_status(inst, time_limit, quiet)
        doc = solution_to_json(inst, sol)
        violations = check(inst, doc)
        if violations:
            for v in violations:
                typer.echo(_("checker: {problem}").format(problem=v), err=True)
            raise ParadeplanError(_("the solver produced a schedule the checker rejects; nothing written"))
        write_json_atomic(out, doc)
    except KeyboardInterrupt:
        from paradeplan.cli.common import interrupted

        raise interrupted() from None
    except ParadeplanError as e:
        raise _fail(e) from None
    except OSError as e:
        typer.echo(_("{file}: cannot write: {error}").format(file=out, error=os_error(e)), err=True)
        raise typer.Exit(1) from None
    except Exception as e:  # noqa: BLE001 - never show a traceback
        raise _fail(e) from None
    if not quiet:
        values = {
            "status": doc["status"],
            "units": doc["units_used"],
            "covered": doc["covered"],
            "required": doc["required"],
            "km": km(doc["travel_km"] * 1000),
            "out": out,
        }
        if doc.get("min_slack_s") is not None:
            line = _(
                "{status}: {units} units, covered {covered}/{required}, {km}, smallest slack {slack} s -> {out}"
            ).format(slack=doc["min_slack_s"], **values)
        else:
            line = _("{status}: {units} units, covered {covered}/{required}, {km} -> {out}").format(**values)
        typer.echo(line, err=True)
    if doc["uncovered"]:
        by_kind: dict[str, int] = {}
        for u in doc["uncovered"]:
            by_kind[u["kind"]] = by_kind.get(u["kind"], 0) + u["missing"]
        summary = ", ".join(f"{n} × {kind_name(k)}" for k, n in sorted(by_kind.items()))
        typer.echo(
            _("not all need is covered: missing {summary} at {n} post needs:").format(
                summary=summary, n=len(doc["uncovered"])
            ),
            err=True,
        )
        for u in doc["uncovered"]:
            typer.echo(
                "  "
                + _("post {post}: {n} more of kind {kind}").format(
                    post=u["post"], n=u["missing"], kind=kind_name(u["kind"])
                ),
                err=True,
            )
        raise typer.Exit(3)


@app.command(
    help=_("Verify SOLUTION against INSTANCE with the independent checker; exit 1 listing every violation.", HELP)
)
def check(
    instance: Annotated[Path, typer.Argument(help=_("posts/1 instance (JSON).", HELP), show_default=False)],
    solution: Annotated[Path, typer.Argument(help=_("posts-solution/1 JSON to verify.", HELP), show_default=False)],
) -> None:
    """Verify SOLUTION against INSTANCE with the independent checker; exit 1 listing every violation."""
    from paradeplan.errors import ParadeplanError

    try:
        from paradeplan.posts import load_instance
        from paradeplan.posts.checker import check_json
        from paradeplan.posts.instance import read_json_file

        inst = load_instance(instance)
        doc = read_json_file(solution)
    except ParadeplanError as e:
        raise _fail(e) from None
    violations = check_json(inst, doc)
    for v in violations:
        typer.echo(f"{solution}: {v}", err=True)
    if violations:
        raise typer.Exit(1)
    used = int(doc.get("units_used") or 0)
    typer.echo(
        ngettext("{file}: valid, {n} unit used", "{file}: valid, {n} units used", used).format(file=solution, n=used),
        err=True,
    )
