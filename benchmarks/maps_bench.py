"""Benchmark the posts map: file size and headless-Chromium open time of a 10,000-post instance."""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))


def fake_solution(instance: dict[str, Any], seed: int = 1) -> dict[str, Any]:
    """A plausible solution: each unit of a kind takes a chain of posts in time order; 2 % left uncovered."""
    rng = random.Random(seed)
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for u in instance["units"]:
        by_kind.setdefault(u["kind"], []).append(u)
    assignments, uncovered = [], []
    posts = sorted(instance["posts"], key=lambda p: p["open"])
    turn: dict[str, int] = {}
    chains: dict[str, list[dict[str, Any]]] = {}
    for p in posts:
        for kind, n in (p.get("need") or {}).items():
            units = by_kind.get(kind, [])
            for _ in range(int(n)):
                if not units or rng.random() < 0.02:
                    uncovered.append({"post": p["id"], "kind": kind, "missing": 1})
                    continue
                u = units[turn.get(kind, 0) % len(units)]
                turn[kind] = turn.get(kind, 0) + 1
                chains.setdefault(u["id"], []).append(
                    {"unit": u["id"], "post": p["id"], "kind": kind, "arrive": p["open"], "leave": p["close"]}
                )
    for rows in chains.values():
        assignments.extend(rows)
    req = sum(sum((p.get("need") or {}).values()) for p in posts)
    return {
        "format": "paradeplan.posts-solution/1",
        "status": "feasible",
        "units_used": len(chains),
        "lower_bound": {},
        "covered": req - len(uncovered),
        "required": req,
        "travel_km": 0.0,
        "assignments": assignments,
        "uncovered": uncovered,
    }


def main() -> None:
    """Render and open the posts map for each size; print a Markdown table row per size."""
    from generate import generate

    from browser import open_page
    from paradeplan.maps import render_posts_map

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    ap.add_argument("--shots", type=Path, default=ROOT / "test-artifacts")
    args = ap.parse_args()
    print("| posts | units | render s | file MB | open s (load event) | page errors |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        inst = generate(n, seed=1)
        sol = fake_solution(inst)
        t0 = time.perf_counter()
        page = render_posts_map(inst, sol)
        render_s = time.perf_counter() - t0
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"posts-{n}.html"
            path.write_text(page, encoding="utf-8")
            size_mb = path.stat().st_size / 1e6
            opens = [open_page(path, screenshot=args.shots / f"bench-posts-{n}.png", settle_ms=100) for _ in range(3)]
        load = sorted(r.load_s for r in opens)[1]
        errors = sum(len(r.page_errors) for r in opens)
        print(f"| {n} | {len(inst['units'])} | {render_s:.2f} | {size_mb:.2f} | {load:.2f} | {errors} |")


if __name__ == "__main__":
    main()
