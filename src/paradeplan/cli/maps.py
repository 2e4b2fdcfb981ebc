"""`paradeplan posts map`: draw a posts/1 instance and its solution as an offline HTML map."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import InputError, Problem
from .common import guarded


def _read_json(path: Path, fmt: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(problems=[Problem(f"cannot read: {exc.strerror or exc}", str(path))]) from None
    except json.JSONDecodeError as exc:
        raise InputError(problems=[Problem(f"not JSON: {exc.msg}", str(path), exc.lineno, exc.colno)]) from None
    if not isinstance(data, dict) or data.get("format") != fmt:
        raise InputError(problems=[Problem(f"not a {fmt} file", str(path), field="format",
                                           hint=f'the file must have "format": "{fmt}"')])
    return data


def posts_map_command(
    instance: Annotated[Path, typer.Argument(help="The posts/1 instance (posts.json).")],
    solution: Annotated[Path, typer.Argument(help="Its solution (posts-solution.json).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML map to write.")],
    lang: Annotated[str, typer.Option(help="Labels: vi or en.")] = "vi",
    cdn: Annotated[bool, typer.Option("--cdn", help="Load Leaflet from the internet (smaller file).")] = False,
) -> None:
    """Draw a posts instance with each unit's chain of posts (opens offline)."""
    from ..maps import render_posts_map
    from ..outputs import write_file_atomic

    with guarded():
        if lang not in ("vi", "en"):
            raise InputError(problems=[Problem(f"unknown language '{lang}'", field="--lang", hint="use vi or en")])
        inst = _read_json(instance, "paradeplan.posts/1")
        sol = _read_json(solution, "paradeplan.posts-solution/1")
        write_file_atomic(out, render_posts_map(inst, sol, lang=lang, cdn=cdn))
        typer.echo(f"{out}: {len(inst.get('posts') or [])} posts, {len(inst.get('units') or [])} units")
