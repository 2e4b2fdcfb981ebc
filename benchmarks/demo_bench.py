"""`paradeplan demo` against its import floor, `--help` and `validate`, measured side by side in one run.

Usage: ``python benchmarks/demo_bench.py [--runs 7]``.

The import floor is what the demo cannot go below: a fresh interpreter importing every third-party module
(submodules included) that a demo run has loaded by its end — found by running the demo once in a child, in
one process (the side process that writes the documents is turned off, so its modules are listed too), and
listing ``sys.modules``. Then, ``--runs`` times and interleaved (so a busy neighbour on the machine slows all
of them alike): the floor, ``paradeplan demo -o TMP``, ``paradeplan --help`` and ``paradeplan validate`` on the
demo plan, each a separate process timed on the wall clock with its peak RSS from ``os.wait4``. Prints a
Markdown table of the minimum and median of each and the demo/floor ratio, then issue 20's goals (demo within
1.6 × the floor, ``--help`` ≤ 0.4 s, ``validate`` ≤ 0.6 s, each judged on its minimum); exit status 1 when one fails.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXE = str(Path(sys.executable).parent / "paradeplan")
PLAN = ROOT / "data" / "quan12-2023" / "plan.yaml"

_LIST_MODULES = """
import json, sys
import paradeplan.outputs
from paradeplan.cli import app
paradeplan.outputs.fork_helps = lambda: False  # every module in this one process, the side process's too
try:
    app(["demo", "-o", sys.argv[1]], standalone_mode=False)
except SystemExit:
    pass
skip = set(sys.stdlib_module_names) | {"paradeplan", "__main__", "_distutils_hack", "cython_runtime"}
names = [m for m in list(sys.modules) if m.split(".")[0] not in skip and not m.split(".")[0].startswith("_")]
json.dump(names, open(sys.argv[2], "w"))
"""

_IMPORT_ALL = """
import importlib, json, sys
for name in json.load(open(sys.argv[1])):
    try:
        importlib.import_module(name)
    except Exception:
        pass  # a module some import registered under another name (e.g. six.moves)
"""


def timed(cmd: list[str], cwd: Path) -> tuple[float, float, int]:
    """(wall seconds, peak MB, exit code) of one command."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - t0, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def machine() -> str:
    """One line about the machine and the load when the run started."""
    cpu = (
        next(
            (
                ln.split(":", 1)[1].strip()
                for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else "?"
    )
    mem = (os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")) / 2**30
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{os.cpu_count()} CPUs, {cpu}, {mem:.1f} GiB RAM; Python {platform.python_version()}; "
        f"load average at start {load:.2f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="paradeplan-bench-") as tmp_s:
        tmp = Path(tmp_s)
        mods = tmp / "modules.json"
        subprocess.run(
            [sys.executable, "-c", _LIST_MODULES, str(tmp / "first"), str(mods)],
            cwd=tmp,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        n_mods = len(json.loads(mods.read_text()))
        cases = {
            "import floor": [sys.executable, "-c", _IMPORT_ALL, str(mods)],
            "paradeplan demo": [EXE, "demo", "-o", str(tmp / "out")],
            "paradeplan --help": [EXE, "--help"],
            "paradeplan validate (demo plan)": [EXE, "validate", str(PLAN)],
        }
        seen: dict[str, list[tuple[float, float]]] = {k: [] for k in cases}
        print(machine(), file=sys.stderr)
        for i in range(args.runs):
            for name, cmd in cases.items():
                wall, mb, code = timed(cmd, tmp)
                if code != 0:
                    raise SystemExit(f"{name} exited {code}")
                seen[name].append((wall, mb))
            print(f"run {i + 1}/{args.runs} done", file=sys.stderr)
    floor = min(w for w, _ in seen["import floor"])
    print(f"Machine: {machine()}.\n")
    print(f"Import floor: {n_mods} third-party modules a demo run loads, imported in a fresh interpreter.\n")
    print("| what | min s | median s | peak MB | × floor (min) |")
    print("|---|---:|---:|---:|---:|")
    for name, runs in seen.items():
        walls = [w for w, _ in runs]
        print(
            f"| {name} | {min(walls):.2f} | {statistics.median(walls):.2f} | {max(m for _, m in runs):.0f} "
            f"| {min(walls) / floor:.2f} |"
        )
    best = {name: min(w for w, _ in runs) for name, runs in seen.items()}
    goals = [
        ("demo within 1.6 × its import floor", best["paradeplan demo"] <= GOAL_RATIO * floor),
        ("--help ≤ 0.4 s", best["paradeplan --help"] <= 0.4),
        ("validate ≤ 0.6 s", best["paradeplan validate (demo plan)"] <= 0.6),
    ]
    print()
    for what, ok in goals:
        print(f"- {what}: {'met' if ok else 'NOT met'}")
    if not all(ok for _, ok in goals):
        raise SystemExit(1)


#: Issue 20's goal for the demo: its whole pipeline within this many times its import floor.
GOAL_RATIO = 1.6


if __name__ == "__main__":
    main()
