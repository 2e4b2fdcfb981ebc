"""`paradeplan posts map`: draw a posts/1 instance and its solution as an offline HTML map."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from paradeplan.cli.common import HELP, guarded
from paradeplan.errors import InputError, Problem
from paradeplan.i18n import _


def _shape_problems(inst: Any, sol: Any) -> list[str]:
    """What makes a solution impossible to draw: not a posts-solution/1 object, or rows naming unknown posts/units."""
    if not isinstance(sol, dict) or sol.get("format") != "paradeplan.posts-solution/1":
        return [_('not a posts-solution/1 file (its "format" must be "paradeplan.posts-solution/1")')]
    rows = sol.get("assignments")
    if not isinstance(rows, list):
        return [_("assignments: must be an array")]
    posts = {p.id for p in inst.posts}
    units = {u.id for u in inst.units}
    bad = []
    for i, a in enumerate(rows):
        if not isinstance(a, dict) or a.get("post") not in posts or a.get("unit") not in units:
            bad.append(_("assignments[{i}]: not a row naming a post and a unit of the instance").format(i=i))
    return bad[:20]


def posts_map_command(
    instance: Annotated[Path, typer.Argument(help=_("The posts/1 instance (posts.json).", HELP))],
    solution: Annotated[Path, typer.Argument(help=_("Its solution (posts-solution.json).", HELP))],
    out: Annotated[Path, typer.Option("--out", "-o", help=_("The HTML map to write.", HELP))],
    lang: Annotated[str, typer.Option(help=_("Labels: vi or en.", HELP))] = "vi",
    cdn: Annotated[bool, typer.Option("--cdn", help=_("Load Leaflet from the internet (smaller file).", HELP))] = False,
) -> None:
    """Draw a posts instance with each unit's chain of posts (opens offline)."""
    from paradeplan.maps import render_posts_map
    from paradeplan.outputs import write_file_atomic

    with guarded():
        if lang not in ("vi", "en"):
            raise InputError(
                problems=[
                    Problem(_("unknown language '{lang}'").format(lang=lang), field="--lang", hint=_("use vi or en"))
                ]
            )
        from paradeplan.posts import instance_to_json, load_instance
        from paradeplan.posts.checker import check_json
        from paradeplan.posts.instance import read_json_file

        inst = load_instance(instance)
        sol = read_json_file(solution)
        violations = check_json(inst, sol)
        shape = _shape_problems(inst, sol)
        if shape:
            raise InputError(problems=[Problem(v, str(solution), hint=_("see paradeplan posts check")) for v in shape])
        if violations:
            typer.echo(
                _(
                    "{file}: warning: the independent checker finds {n} problems, e.g. {first}; drawn anyway (see "
                    "paradeplan posts check)"
                ).format(file=solution, n=len(violations), first=violations[0]),
                err=True,
            )
        write_file_atomic(out, render_posts_map(instance_to_json(inst), sol, lang=lang, cdn=cdn))
        typer.echo(
            _("{file}: {posts} posts, {units} units").format(file=out, posts=len(inst.posts), units=len(inst.units))
        )
