"""The layout keeps its promises: stages import only what lies upstream, checkers load no solver.

See docs/architecture.md.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "paradeplan"
HELPERS = {"errors", "clock", "outputs", "resources", "cpsat", "i18n"}
#: package (or loose module) → what it may import from paradeplan (besides itself).
ALLOWED: dict[str, set[str]] = {
    **{h: {"errors"} for h in HELPERS},
    "plan": HELPERS,
    "geo": HELPERS | {"plan"},
    "route": HELPERS | {"plan", "geo"},
    "posts": HELPERS | {"geo.distance"},
    "parade": HELPERS | {"plan", "geo", "route", "posts"},
    "ceremonies": HELPERS | {"plan", "geo"},
    "importer": HELPERS | {"plan", "geo"},
    "render": HELPERS
    | {
        "plan",
        "geo",
        "route.model",
        "route.exports",
        "parade.schedule",
        "posts.instance",
        "ceremonies.schedule",
        "ceremonies.instance",
    },
    "maps": HELPERS | {"plan", "geo", "route.model", "route.exports", "parade.schedule", "posts.instance"},
    "live": HELPERS
    | {
        "geo.distance",
        "geo.streets",
        "parade.schedule",
        "parade.schedule_json",
        "parade.feeds",
        "posts.instance",
        "maps.assets",
        "maps.basemap",
    },
}


def _imports(path: Path) -> set[str]:
    """Every ``paradeplan.*`` module a file imports (at any depth of the file)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("paradeplan"):
            names = [a.name for a in node.names]
            out.add(node.module)
            out.update(f"{node.module}.{n}" for n in names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("paradeplan"))
    return {m.removeprefix("paradeplan.") for m in out if m != "paradeplan"}


def _owner(path: Path) -> str:
    rel = path.relative_to(SRC)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def test_stages_import_only_upstream() -> None:
    bad = []
    for path in sorted(SRC.rglob("*.py")):
        owner = _owner(path)
        if owner not in ALLOWED:
            continue  # app, cli and __init__ wire everything
        allowed = ALLOWED[owner] | {owner}
        for mod in _imports(path):
            if mod in ("__version__",):
                continue
            if not any(mod == a or mod.startswith(a + ".") for a in allowed):
                bad.append(f"{path.relative_to(SRC)} imports paradeplan.{mod}")
    assert not bad, "\n".join(bad)


def test_at_most_six_loose_modules() -> None:
    loose = sorted(p.stem for p in SRC.glob("*.py") if p.stem != "__init__")
    assert len(loose) <= 6, loose


def test_every_module_has_a_docstring() -> None:
    missing = [
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))
    ]
    assert not missing, missing


def test_ruff_check_and_format_are_clean():
    """The tree stays as `ruff check` and `ruff format` leave it (config in pyproject.toml)."""
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed")
    root = Path(__file__).resolve().parents[1]
    for args in (["check", "--output-format", "concise", "."], ["format", "--check", "."]):
        done = subprocess.run([ruff, *args], cwd=root, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
