"""Follow the plan's path through the code: stops, modules and climbs back of ``paradeplan plan`` (issue 30).

Usage::

    python tools/code_path.py [PLAN.yaml] [--list] [--json FILE]

Runs ``paradeplan plan PLAN --out TMP`` (default: the demo plan, ``data/quan12-2023/plan.yaml``) in this process,
in one process (``PARADEPLAN_PROCESSES=1``, so every stage runs where it can be traced), under
:func:`sys.setprofile`, and counts:

* a **frame** is a Python function (lambdas, comprehensions and generators included) whose code lies in
  ``src/paradeplan``; its **module** is the dotted module name of that file (``paradeplan.parade.assembly``);
* a **stop** is a call from one paradeplan module into a function of another: the caller is the nearest
  paradeplan frame below the callee (library frames in between, such as typer or pydantic, are skipped). Each
  distinct edge *caller function → callee function* is one stop, however often it runs (a loop calling the same
  function a thousand times is one stop); stops are listed in the order they are first taken;
* a **climb back** is a stop into a module that already has a frame on the stack below the caller: the path
  had left that module by calling down, and comes back into it before that call returned (a callback or closure
  passed down a stage, a stage calling back up into the layer that called it, two modules calling each other).
  A return to the caller is not a climb back: that is the path going back the way it came.

Exit status 0; the figures are printed (``--list``: every stop, climbs marked ``^``; ``--json``: all of it).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _src() -> str:
    import paradeplan

    return str(Path(paradeplan.__file__).resolve().parent) + os.sep


def trace(plan: Path) -> dict[str, Any]:
    """Run ``paradeplan plan`` on ``plan`` under the profiler; the stops, in order, and which climb back."""
    src = _src()
    module_of: dict[str, str | None] = {}

    def module(code_file: str) -> str | None:
        mod = module_of.get(code_file, "")
        if mod == "":
            mod = None
            if code_file.startswith(src):
                rel = Path(code_file[len(src) :]).with_suffix("")
                parts = [p for p in rel.parts if p != "__init__"]
                mod = ".".join(["paradeplan", *parts])
            module_of[code_file] = mod
        return mod

    seen: set[tuple[str, str]] = set()
    stops: list[dict[str, Any]] = []
    calls = 0

    def profile(frame: FrameType, event: str, arg: object) -> None:
        nonlocal calls
        if event != "call":
            return
        callee_mod = module(frame.f_code.co_filename)
        if callee_mod is None:
            return
        calls += 1
        back = frame.f_back
        while back is not None and module(back.f_code.co_filename) is None:
            back = back.f_back
        if back is None:
            return
        caller_mod = module(back.f_code.co_filename)
        if caller_mod == callee_mod:
            return
        caller = f"{caller_mod}:{back.f_code.co_qualname}"
        callee = f"{callee_mod}:{frame.f_code.co_qualname}"
        if (caller, callee) in seen:
            return
        seen.add((caller, callee))
        below: set[str | None] = set()
        f = back.f_back
        while f is not None:
            below.add(module(f.f_code.co_filename))
            f = f.f_back
        stops.append({"from": caller, "to": callee, "climb": callee_mod in below})

    os.environ["PARADEPLAN_PROCESSES"] = "1"
    from paradeplan.cli import app

    with tempfile.TemporaryDirectory(prefix="paradeplan-path-") as tmp:
        sys.setprofile(profile)
        try:
            app(["plan", str(plan), "--out", str(Path(tmp) / "out")], standalone_mode=False)
        finally:
            sys.setprofile(None)
    modules = sorted({s["to"].split(":")[0] for s in stops} | {s["from"].split(":")[0] for s in stops})
    return {
        "plan": str(plan),
        "calls": calls,
        "stops": stops,
        "modules": modules,
        "climbs": [s for s in stops if s["climb"]],
    }


def main(argv: list[str]) -> int:
    """Print the figures (and with ``--list`` every stop; with ``--json FILE`` write them all)."""
    args = list(argv)
    listing = "--list" in args
    if listing:
        args.remove("--list")
    out = None
    if "--json" in args:
        i = args.index("--json")
        out = Path(args[i + 1])
        del args[i : i + 2]
    plan = Path(args[0]) if args else ROOT / "data" / "quan12-2023" / "plan.yaml"
    found = trace(plan)
    if listing:
        for s in found["stops"]:
            print(("^ " if s["climb"] else "  ") + f"{s['from']} -> {s['to']}")
    print("climbs back:")
    for s in found["climbs"]:
        print(f"  {s['from']} -> {s['to']}")
    print(
        f"{len(found['stops'])} stops in {len(found['modules'])} modules, {len(found['climbs'])} climbs back "
        f"({found['calls']} calls of paradeplan functions)"
    )
    if out is not None:
        out.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
