"""The slack objective against the units objective on generated city instances, through `paradeplan posts solve`.

Usage: ``python benchmarks/slack_bench.py [SIZE ...]`` (default 1000 3000 10000). Each size is generated once
(benchmarks/generate.py, seed 1); the same instance is solved with ``"objective": "units"`` and ``"slack"`` in
separate processes; wall time and the child's peak RSS (``os.wait4``) are printed as a Markdown table.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))


def run(instance: Path, out: Path) -> tuple[int, float, float]:
    """(exit code, wall seconds, peak MB) of one ``paradeplan posts solve``."""
    exe = Path(sys.executable).parent / "paradeplan"
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [str(exe), "posts", "solve", str(instance), "--out", str(out), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    return os.waitstatus_to_exitcode(status), wall, ru.ru_maxrss / 1024


def main(sizes: list[int]) -> None:
    from generate import generate

    print("| posts | objective | status | units used | min slack s | exit | wall s | peak MB |")
    print("|---:|---|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            base = generate(n, 1)
            for objective in ("units", "slack"):
                inst = Path(tmp) / f"{n}-{objective}.json"
                inst.write_text(json.dumps(dict(base, objective=objective)), encoding="utf-8")
                out = Path(tmp) / f"{n}-{objective}.solution.json"
                code, wall, mb = run(inst, out)
                doc = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
                print(
                    f"| {n} | {objective} | {doc.get('status', '-')} | {doc.get('units_used', '-')} | "
                    f"{doc.get('min_slack_s', '')} | {code} | {wall:.2f} | {mb:.0f} |",
                    flush=True,
                )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 3000, 10000])
