"""The post benchmark's table: a bound shown beside a run bounds that run."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from paradeplan.posts import check, load_instance, solution_to_json, solve

ROOT = Path(__file__).resolve().parents[1]
LAT0, LON0 = 10.80, 106.70


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("posts_bench", ROOT / "benchmarks" / "posts_bench.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("posts_bench", mod)
    spec.loader.exec_module(mod)
    return mod


def _post(pid: str, km: float, open_: str, close: str) -> dict[str, Any]:
    lon = LON0 + km / (6371.0088 * math.pi / 180 * math.cos(math.radians(LAT0)))
    return {"id": pid, "lat": LAT0, "lon": lon, "open": open_, "close": close, "need": {"motorbike": 1}}


def _solved(far: int) -> dict[str, Any]:
    """One reachable post, and ``far`` posts 40 km away opening together ten minutes after the depot's units are
    ready: no unit reaches them, and a cover of all the need would take one unit each."""
    posts = [_post("NEAR", 1, "07:30", "07:40")] + [_post(f"FAR{i}", 40, "07:10", "07:20") for i in range(far)]
    unit = {
        "id": "MB1",
        "kind": "motorbike",
        "speed_kmh": 30,
        "lat": LAT0,
        "lon": LON0,
        "ready": "07:00",
        "until": "12:00",
    }
    doc = {"format": "paradeplan.posts/1", "name": "t", "date": "2023-10-02", "posts": posts, "units": [unit]}
    inst = load_instance(doc)
    out = solution_to_json(inst, solve(inst))
    assert check(inst, out) == []
    return out


def test_a_bound_shown_beside_a_run_never_exceeds_its_units() -> None:
    """posts/1's ``lower_bound`` counts the slots no depot reaches, which the run leaves uncovered: here 4 against
    the 1 unit the run uses. The table shows it as the run's bound only when the run covers all the need; the
    goals flag a shown bound above the units used."""
    bench = _bench()
    for far in (3, 0):
        doc = _solved(far)
        assert doc["units_used"] == 1 and doc["lower_bound"] == {"motorbike": 1 + far}
        row = bench.Row(
            1 + far, "t", 1, "units", doc, [3 if far else 0], [0.1], [50.0], True, True, 1 + far, [0.1], [9]
        )
        cells = [c.strip() for c in bench.table([row]).splitlines()[2].split("|")[1:-1]]
        header = [c.strip() for c in bench.table([row]).splitlines()[0].split("|")[1:-1]]
        shown = cells[header.index("lower bound")]
        if shown.isdigit():
            assert int(shown) <= int(cells[header.index("units used")])
        else:
            assert far and shown == f"({1 + far}: all need)"
        assert not [b for b in bench.goals([row]) if "lower bound" in b]
    doc = _solved(0)
    doc["lower_bound"] = {"motorbike": 2}  # a bound above a full cover's units is flagged
    row = bench.Row(1, "t", 1, "units", doc, [0], [0.1], [50.0], True, True, 1, [0.1], [9])
    assert [b for b in bench.goals([row]) if "lower bound 2 > 1" in b]
