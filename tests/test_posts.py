"""Tests of the post scheduler: loader refusals, exact optima, partial cover, determinism, checker, CLI."""

from __future__ import annotations

import copy
import json
import math
import random
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from typer.testing import CliRunner

from paradeplan.cli.posts import app
from paradeplan.errors import InputError
from paradeplan.posts import check, instance_to_json, load_instance, solution_to_json, solve

DATA = Path(__file__).parent / "data" / "posts"
LAT0, LON0 = 10.80, 106.70
KM_PER_DEG_LON = 6371.0088 * math.pi / 180 * math.cos(math.radians(LAT0))
runner = CliRunner()


def _x(km: float) -> float:
    """Longitude ``km`` east of LON0 along latitude LAT0."""
    return LON0 + km / KM_PER_DEG_LON


def _post(
    pid: str, km: float, open_: str, close: str, need: dict[str, int] | None = None, priority: int = 1
) -> dict[str, Any]:
    return {
        "id": pid,
        "lat": LAT0,
        "lon": _x(km),
        "open": open_,
        "close": close,
        "need": need or {"motorbike": 1},
        "priority": priority,
    }


def _unit(
    uid: str, km: float = 0.0, kind: str = "motorbike", ready: str = "07:00", until: str = "12:00", speed: float = 30
) -> dict[str, Any]:
    return {"id": uid, "kind": kind, "speed_kmh": speed, "lat": LAT0, "lon": _x(km), "ready": ready, "until": until}


def _inst(posts: list[dict[str, Any]], units: list[dict[str, Any]]) -> dict[str, Any]:
    return {"format": "paradeplan.posts/1", "name": "test", "date": "2023-10-02", "posts": posts, "units": units}


def _solve_dict(d: dict[str, Any]) -> dict[str, Any]:
    inst = load_instance(d)
    sol = solve(inst)
    doc = solution_to_json(inst, sol)
    assert check(inst, doc) == []
    return doc


# ---------------------------------------------------------------- exact optima on hand instances


def test_chain_needs_one_unit() -> None:
    doc = _solve_dict(
        _inst([_post("A", 0, "08:00", "08:30"), _post("B", 1, "08:40", "09:00")], [_unit("MB1"), _unit("MB2")])
    )
    assert doc["units_used"] == 1 and doc["status"] == "optimal"
    assert [a["post"] for a in doc["assignments"]] == ["A", "B"]
    assert doc["lower_bound"] == {"motorbike": 1}


def test_overlap_needs_two_units() -> None:
    # B opens 2 minutes after A closes, but is 3 km away (7.8 min at 30 km/h × 1.3).
    doc = _solve_dict(
        _inst([_post("A", 0, "08:00", "08:30"), _post("B", 3, "08:32", "09:00")], [_unit("MB1"), _unit("MB2")])
    )
    assert doc["units_used"] == 2 and doc["lower_bound"] == {"motorbike": 2}


def test_tight_move_boundary() -> None:
    # 3 km along the parallel is 468 s at 30 km/h × 1.3; the great circle is a hair shorter
    for open_b, units in (("08:37:48", 1), ("08:37:47", 2)):
        doc = _solve_dict(
            _inst(
                [_post("A", 0, "08:00:00", "08:30:00"), _post("B", 3.0, open_b, "09:00")],
                [_unit("MB1", 0), _unit("MB2", 3.0)],
            )
        )
        assert doc["units_used"] == units, open_b


def _greedy_units(d: dict[str, Any]) -> int:
    """First-fit by open time, units in id order (the baseline the solver must beat)."""
    from paradeplan.posts.checker import _km

    inst = load_instance(d)
    state = {u.id: (u.lat, u.lon, u.ready) for u in inst.units}
    used: set[str] = set()
    for p in sorted(inst.posts, key=lambda p: (p.open, p.id)):
        for u in sorted(inst.units, key=lambda u: u.id):
            lat, lon, t = state[u.id]
            if t + _km(lat, lon, p.lat, p.lon) * inst.detour_factor / u.speed_kmh * 3600 <= p.open:
                state[u.id] = (p.lat, p.lon, p.close)
                used.add(u.id)
                break
    return len(used)


def test_beats_greedy_first_fit() -> None:
    d = _inst(
        [
            _post("P1", 0, "08:00", "08:20"),
            _post("Q1", 6, "08:00", "08:20"),
            _post("X", 3, "08:40", "09:00"),
            _post("Y", -3, "08:41", "09:00"),
        ],
        [_unit("U1"), _unit("U2"), _unit("U3")],
    )
    assert _greedy_units(d) == 3
    doc = _solve_dict(d)
    assert doc["units_used"] == 2 and doc["status"] == "optimal"


def test_unit_start_and_until_respected() -> None:
    # the only unit that is early enough is far away; the near one is ready too late
    d = _inst([_post("A", 0, "08:00", "08:30")], [_unit("FAR", 20, ready="07:00"), _unit("LATE", 0, ready="08:01")])
    doc = _solve_dict(d)
    assert [a["unit"] for a in doc["assignments"]] == ["FAR"]
    # both can hold it; the third objective (distance) picks the nearer one
    d = _inst([_post("A", 0, "08:00", "08:30")], [_unit("FAR", 20, ready="07:00"), _unit("NEAR", 1, ready="07:50")])
    doc = _solve_dict(d)
    assert [a["unit"] for a in doc["assignments"]] == ["NEAR"] and doc["travel_km"] == pytest.approx(1.0, abs=0.01)
    d = _inst(
        [_post("A", 0, "08:00", "08:30"), _post("B", 0, "09:00", "11:00")],
        [_unit("SHORT", until="10:00"), _unit("LONG", until="12:00")],
    )
    doc = _solve_dict(d)
    assert doc["units_used"] == 1 and {a["unit"] for a in doc["assignments"]} == {"LONG"}


def test_kinds_and_multi_need() -> None:
    d = _inst(
        [
            _post("A", 0, "08:00", "08:30", {"motorbike": 2, "car": 1}),
            _post("B", 0.5, "08:45", "09:00", {"motorbike": 1, "car": 1}),
        ],
        [_unit("MB1"), _unit("MB2"), _unit("MB3"), _unit("C1", kind="car", speed=25)],
    )
    doc = _solve_dict(d)
    assert doc["units_used"] == 3
    assert doc["lower_bound"] == {"car": 1, "motorbike": 2}
    assert doc["covered"] == doc["required"] == 5


# ---------------------------------------------------------------- partial cover, exit 3


@pytest.mark.usefixtures("english")  # matches the English message
def test_priority_weighted_partial_cover(tmp_path: Path) -> None:
    d = _inst(
        [
            _post("LOW", 0, "08:00", "08:30", priority=1),
            _post("HIGH", 0.2, "08:10", "08:40", priority=3),
            _post("CAR", 0, "08:00", "08:30", {"car": 1}),
        ],
        [_unit("MB1")],
    )
    f = tmp_path / "i.json"
    f.write_text(json.dumps(d))
    out = tmp_path / "s.json"
    r = runner.invoke(app, ["solve", str(f), "--out", str(out)])
    assert r.exit_code == 3, r.output
    doc = json.loads(out.read_text())
    assert [a["post"] for a in doc["assignments"]] == ["HIGH"]
    assert doc["uncovered"] == [
        {"post": "CAR", "kind": "car", "missing": 1},
        {"post": "LOW", "kind": "motorbike", "missing": 1},
    ]
    assert doc["covered"] == 3 and doc["required"] == 5
    assert "LOW" in r.stderr and "1 more of kind motorbike" in r.stderr and "Car" in r.stderr


# ---------------------------------------------------------------- refusals


def _base() -> dict[str, Any]:
    return _inst([_post("A", 0, "08:00", "08:30"), _post("B", 1, "08:40", "09:00")], [_unit("MB1")])


def _set(path: str, value: Any) -> Any:
    def mutate(d: dict[str, Any]) -> None:
        obj: Any = d
        keys = path.replace("]", "").replace("[", ".").split(".")
        for k in keys[:-1]:
            obj = obj[int(k)] if k.isdigit() else obj[k]
        last = keys[-1]
        if value is _DELETE:
            del obj[int(last) if last.isdigit() else last]
        else:
            obj[int(last) if last.isdigit() else last] = value

    return mutate


_DELETE = object()

REFUSALS = [
    ("format", _set("format", "paradeplan.posts/2")),
    ("format", _set("format", _DELETE)),
    ("posts[1].id", _set("posts.1.id", "A")),
    ("units[1].id", lambda d: d["units"].append(dict(d["units"][0]))),
    ("posts[0].close", _set("posts.0.close", "07:59")),
    ("posts[0].close", _set("posts.0.close", "08:00")),
    ("units[0].until", _set("units.0.until", "06:00")),
    ("posts[0].open", _set("posts.0.open", "25:00")),
    ("posts[0].open", _set("posts.0.open", "8h00")),
    ("posts[0].lat", _set("posts.0.lat", 91)),
    ("posts[0].lon", _set("posts.0.lon", -180.5)),
    ("posts[0].lat", _set("posts.0.lat", "10.8")),
    ("posts[0].need.motorbike", _set("posts.0.need.motorbike", -1)),
    ("posts[0].need.motorbike", _set("posts.0.need.motorbike", 1.5)),
    ("posts[0].need.motorbike", _set("posts.0.need.motorbike", True)),
    ("posts[0].need", _set("posts.0.need", [1])),
    ("units[0].speed_kmh", _set("units.0.speed_kmh", 0)),
    ("units[0].speed_kmh", _set("units.0.speed_kmh", -30)),
    ("detour_factor", _set("detour_factor", 0)),
    ("detour_factor", _set("detour_factor", -1.2)),
    ("posts[0].priority", _set("posts.0.priority", 0)),
    ("posts[0].priority", _set("posts.0.priority", 1.5)),
    ("posts", _set("posts", {"A": 1})),
    ("units", _set("units", _DELETE)),
    ("units[0]", _set("units.0", "MB1")),
    ("timezone", _set("timezone", "Mars/Olympus")),
    ("date", _set("date", "2023-13-02")),
    ("posts[0].id", _set("posts.0.id", _DELETE)),
]


@pytest.mark.parametrize(("field", "mutate"), REFUSALS, ids=[f"{i}-{f}" for i, (f, _) in enumerate(REFUSALS)])
def test_refusal(tmp_path: Path, field: str, mutate: Any) -> None:
    d = _base()
    mutate(d)
    f = tmp_path / "i.json"
    f.write_text(json.dumps(d))
    out = tmp_path / "s.json"
    r = runner.invoke(app, ["solve", str(f), "--out", str(out)])
    assert r.exit_code == 2, r.output
    assert f"{field}:" in r.stderr
    assert "Traceback" not in r.output
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [f]


@pytest.mark.usefixtures("english")  # matches the English message
@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('{"format": "paradeplan.posts/1", "posts": [}', ":1:"),
        (
            '{"format": "paradeplan.posts/1",\n "detour_factor": NaN, "date": "2023-10-02", "posts": [], "units": []}',
            "detour_factor: must be a finite number",
        ),
        (
            '{"format": "paradeplan.posts/1", "detour_factor": Infinity, "date": "2023-10-02", '
            '"posts": [], "units": []}',
            "detour_factor",
        ),
        ("[" * 5000 + "]" * 5000, "nested"),
        ('{"format": "paradeplan.posts/1", "format": "x"}', "duplicate key"),
        # half of a UTF-16 pair: valid JSON, no character (it once ended in "internal error" writing the result)
        ('{"format": "paradeplan.posts/1", "posts": [{"id": "P\\ud800"}]}', "posts[0].id: "),
        ('{"format": "paradeplan.posts/1", "name\\uDC01": 1}', "(\\udc01)"),
        ("", "malformed JSON"),
    ],
)
def test_refusal_raw(tmp_path: Path, text: str, needle: str) -> None:
    f = tmp_path / "i.json"
    f.write_text(text)
    out = tmp_path / "s.json"
    r = runner.invoke(app, ["solve", str(f), "--out", str(out)])
    assert r.exit_code == 2, r.output
    assert needle in r.stderr
    assert not out.exists()


@pytest.mark.usefixtures("english")  # matches the English message
def test_refusal_bytes_and_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "i.json"
    f.write_bytes(b'{"format": "paradeplan.posts/1",\n "name": "Qu\xe1n"}')
    r = runner.invoke(app, ["solve", str(f), "--out", str(tmp_path / "s.json")])
    assert r.exit_code == 2 and "UTF-8" in r.stderr and ":2:" in r.stderr
    from paradeplan.posts import instance as mod

    f.write_text(json.dumps(_base()))
    monkeypatch.setattr(mod, "MAX_BYTES", 100)
    r = runner.invoke(app, ["solve", str(f), "--out", str(tmp_path / "s.json")])
    assert r.exit_code == 2 and "limit" in r.stderr
    r = runner.invoke(app, ["solve", str(tmp_path / "missing.json"), "--out", str(tmp_path / "s.json")])
    assert r.exit_code == 2
    assert not (tmp_path / "s.json").exists()


def test_refusal_names_line_and_column(tmp_path: Path) -> None:
    d = _base()
    d["posts"][-1]["close"] = "00:01"
    del d["units"][0]["speed_kmh"]
    f = tmp_path / "i.json"
    text = json.dumps(d, indent=2)
    f.write_text(text)
    lines = text.splitlines()
    close_line = next(i for i, ln in enumerate(lines, 1) if '"close": "00:01"' in ln)
    units_line = next(i for i, ln in enumerate(lines, 1) if '"units"' in ln)
    unit0_line = units_line + 1  # the opening brace of units[0]
    r = runner.invoke(app, ["solve", str(f), "--out", str(tmp_path / "s.json")])
    assert r.exit_code == 2
    err = r.stderr.splitlines()
    n = len(d["posts"]) - 1
    assert any(e.startswith(f"{f}:{close_line}:") and f"posts[{n}].close:" in e for e in err), err
    assert any(e.startswith(f"{f}:{unit0_line}:") and "units[0].speed_kmh:" in e for e in err), err


def test_all_problems_reported_at_once() -> None:
    d = _base()
    d["posts"][0]["lat"] = 100
    d["posts"][1]["close"] = "08:00"
    d["units"][0]["speed_kmh"] = 0
    with pytest.raises(InputError) as e:
        load_instance(d)
    fields = {p.field for p in e.value.problems}
    assert {"posts[0].lat", "posts[1].close", "units[0].speed_kmh"} <= fields


def test_roundtrip_instance() -> None:
    inst = load_instance(DATA / "city-120.json")
    assert load_instance(instance_to_json(inst)) == inst


# ---------------------------------------------------------------- determinism, regression, checker


def test_deterministic_bytes(tmp_path: Path) -> None:
    outs = []
    for i in range(2):
        out = tmp_path / f"s{i}.json"
        r = runner.invoke(app, ["solve", str(DATA / "city-120.json"), "--out", str(out), "--quiet"])
        assert r.exit_code in (0, 3), r.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


@pytest.mark.parametrize("name", ["city-120", "small"])
def test_regression(tmp_path: Path, name: str) -> None:
    out = tmp_path / "s.json"
    r = runner.invoke(app, ["solve", str(DATA / f"{name}.json"), "--out", str(out)])
    assert r.exit_code in (0, 3)
    expected = json.loads((DATA / f"{name}.solution.json").read_text())
    got = json.loads(out.read_text())
    for key in ("status", "units_used", "lower_bound", "covered", "required", "uncovered"):
        assert got[key] == expected[key], key
    assert got["travel_km"] <= expected["travel_km"] + 1e-6
    r = runner.invoke(app, ["check", str(DATA / f"{name}.json"), str(DATA / f"{name}.solution.json")])
    assert r.exit_code == 0, r.output


def test_checker_catches_tampering(tmp_path: Path) -> None:
    inst_path = DATA / "small.json"
    doc = json.loads((DATA / "small.solution.json").read_text())
    inst = load_instance(inst_path)
    bad = copy.deepcopy(doc)
    bad["assignments"][0]["kind"] = "boat"
    assert check(inst, bad)
    bad = copy.deepcopy(doc)
    bad["units_used"] += 1
    assert any("units_used" in v for v in check(inst, bad))
    from paradeplan.i18n import use_lang

    with use_lang("vi"):  # the findings `posts check` prints, in the user's language
        assert any("units_used là" in v and "các phân công dùng" in v for v in check(inst, bad))
    bad = copy.deepcopy(doc)
    bad["assignments"].append(dict(bad["assignments"][0]))
    assert check(inst, bad)
    bad = copy.deepcopy(doc)
    bad["assignments"][1]["unit"] = bad["assignments"][0]["unit"]
    assert check(inst, bad)
    f = tmp_path / "bad.json"
    f.write_text(json.dumps(bad))
    r = runner.invoke(app, ["check", str(inst_path), str(f)])
    assert r.exit_code == 1 and r.stderr


# ---------------------------------------------------------------- random instances vs an independent bound


def _random_instance(seed: int, n: int) -> dict[str, Any]:
    rng = random.Random(seed)
    posts = []
    for i in range(n):
        o = rng.randint(7 * 3600, 11 * 3600)
        c = o + rng.randint(5 * 60, 40 * 60)
        posts.append(
            {
                "id": f"P{i:03d}",
                "lat": rng.uniform(10.75, 10.85),
                "lon": rng.uniform(106.65, 106.75),
                "open": f"{o // 3600:02d}:{o % 3600 // 60:02d}:{o % 60:02d}",
                "close": f"{c // 3600:02d}:{c % 3600 // 60:02d}:{c % 60:02d}",
                "need": {"motorbike": rng.choice([1, 1, 2])},
            }
        )
    units = [_unit(f"U{i:03d}", ready="05:00", until="23:00") for i in range(2 * n)]
    for u in units:
        u["lat"], u["lon"] = 10.80, 106.70
    return _inst(posts, units)


def _min_chain_cover(d: dict[str, Any]) -> int:
    """Dilworth: slots − maximum matching on the explicit compatibility closure (networkx Hopcroft–Karp)."""
    from paradeplan.posts.checker import _km

    inst = load_instance(d)
    slots = [(p, k) for p in inst.posts for k in range(p.need_of("motorbike"))]
    g = nx.Graph()
    left = [("L", i) for i in range(len(slots))]
    g.add_nodes_from(left)
    g.add_nodes_from(("R", i) for i in range(len(slots)))
    for i, (a, _) in enumerate(slots):
        for j, (b, _) in enumerate(slots):
            if a.close + _km(a.lat, a.lon, b.lat, b.lon) * inst.detour_factor / 30 * 3600 <= b.open:
                g.add_edge(("L", i), ("R", j))
    m = nx.bipartite.hopcroft_karp_matching(g, top_nodes=left)
    return len(slots) - len(m) // 2


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_matches_independent_bound(seed: int) -> None:
    d = _random_instance(seed, 150)
    doc = _solve_dict(d)
    assert doc["covered"] == doc["required"]
    expected = _min_chain_cover(d)
    assert doc["units_used"] == expected == doc["lower_bound"]["motorbike"]
    assert doc["status"] == "optimal"


def _depot_instance(seed: int, n: int, n_units: int) -> dict[str, Any]:
    """Random posts served from three depots with uneven unit counts and ready times (some posts unreachable)."""
    d = _random_instance(seed, n)
    rng = random.Random(seed)
    depots = [(10.76, 106.66, "06:30"), (10.84, 106.74, "07:30"), (10.80, 106.70, "08:45")]
    units = []
    for i in range(n_units):
        lat, lon, ready = depots[rng.choice([0, 0, 1, 2])]
        units.append({**_unit(f"U{i:03d}", ready=ready, until="23:00"), "lat": lat, "lon": lon})
    d["units"] = units
    for p in d["posts"][:3]:
        p["priority"] = 3
    return d


@pytest.mark.parametrize("seed,n_units", [(11, 200), (12, 40), (13, 15), (14, 3)])
def test_max_flow_path_equals_min_cost_flow(monkeypatch: pytest.MonkeyPatch, seed: int, n_units: int) -> None:
    """The two-max-flow stage A gives the same (coverage, units) as the lexicographic min-cost flow."""
    import paradeplan.posts.flows as flows

    inst = load_instance(_depot_instance(seed, 120, n_units))
    fast = solve(inst)
    assert check(inst, fast) == []
    monkeypatch.setattr(flows, "fast_cover", lambda *a, **k: (None, None))
    slow = solve(inst)
    assert check(inst, slow) == []
    assert slow.stats["stage_a"] == "min-cost-flow"
    assert (fast.covered, fast.units_used, fast.lower_bound, fast.status) == (
        slow.covered,
        slow.units_used,
        slow.lower_bound,
        slow.status,
    )
    if n_units >= 200:  # units to spare: every reachable slot covered by the max-flow path
        assert fast.stats["stage_a"] == "max-flow"
    if n_units <= 3:  # too few units: coverage is traded by priority, which only the min-cost flow does
        assert fast.stats["stage_a"] == "min-cost-flow" and fast.covered < fast.required


def test_hub_levels_do_not_change_optimum(monkeypatch: pytest.MonkeyPatch) -> None:
    import paradeplan.posts.network as network

    inst = load_instance(DATA / "city-120.json")
    results = set()
    for levels in (0, 1, 2, 3, 6):
        monkeypatch.setattr(network, "grid_levels", lambda *a, lv=levels: lv)
        s = solve(inst)
        assert check(inst, s) == []
        results.add((s.covered, s.units_used, tuple(sorted(s.lower_bound.items()))))
    assert len(results) == 1


def test_time_limit_still_valid() -> None:
    inst = load_instance(DATA / "city-120.json")
    s = solve(inst, time_limit=0.0)
    assert check(inst, s) == []
    assert s.status in ("optimal", "feasible")


def test_time_limit_stops_min_cost_flow() -> None:
    """Units short: the exact stage is a min-cost flow; a limit gives a checked greedy answer marked feasible,
    a generous limit (flow in a child process) the same optimum as no limit."""
    inst = load_instance(_depot_instance(13, 120, 15))
    exact = solve(inst)
    assert exact.stats["stage_a"] == "min-cost-flow" and exact.status == "optimal"
    quick = solve(inst, time_limit=0.0)
    assert check(inst, quick) == []
    assert quick.status == "feasible" and quick.stats["timed_out"]
    assert quick.covered <= exact.covered and quick.lower_bound == exact.lower_bound
    child = solve(inst, time_limit=120.0)
    assert check(inst, child) == []
    assert (child.status, child.covered, child.units_used) == (exact.status, exact.covered, exact.units_used)
    assert "timed_out" not in child.stats


def test_mixed_speeds_feasible_and_checked() -> None:
    d = _random_instance(5, 60)
    for i, u in enumerate(d["units"]):
        u["speed_kmh"] = 20 if i % 2 else 35
    doc = _solve_dict(d)
    assert doc["status"] in ("optimal", "feasible")


@pytest.mark.parametrize("seed", [11, 18])
def test_lower_bound_is_dilworth_when_some_need_is_unreachable(seed: int) -> None:
    """The bound is read off the solve's own network (posts some depot cannot reach included): it equals the
    chain cover of the explicit compatibility closure."""
    d = _depot_instance(seed, 120, 200)
    doc = _solve_dict(d)
    assert doc["uncovered"]  # some need no depot reaches in time: the bound needs its own maximum flow
    assert doc["lower_bound"]["motorbike"] == _min_chain_cover(d)


def test_nesting_depth_ignores_brackets_in_strings_across_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """The raw-bytes depth count equals the parsed document's depth, with brackets, quotes and backslashes inside
    strings, whatever bytes the count's chunks cut between (escaped quotes, backslash runs, open strings)."""
    import json
    import random

    from paradeplan.posts import instance

    def depth(v: object) -> int:
        if isinstance(v, dict):
            return 1 + max((depth(x) for x in v.values()), default=0)
        if isinstance(v, list):
            return 1 + max((depth(x) for x in v), default=0)
        return 0

    rng = random.Random(5)
    plain = False  # no quote or backslash inside strings: no escaped quote or backslash in the file (the quick count)

    def doc(d: int) -> object:
        r = rng.random()
        if d > 8 or r < 0.3:
            chars = ["[", "]", "{", "}", "a", "é"] + ([] if plain else ["\\", '"'])
            return "".join(rng.choice(chars) for _ in range(rng.randint(0, 6)))
        if r < 0.65:
            return [doc(d + 1) for _ in range(rng.randint(0, 3))]
        return {
            str(i) + rng.choice(["[", "{"] + ([] if plain else ['"', "\\"])): doc(d + 1)
            for i in range(rng.randint(0, 3))
        }

    plain_files = escaped_plain = 0
    for chunk, docs in ((1, 25), (2, 25), (7, 60), (1 << 20, 300)):
        monkeypatch.setattr(instance, "DEPTH_CHUNK", chunk)
        for _ in range(docs):
            plain = rng.random() < 0.5
            v = doc(0)
            raw = json.dumps(v, ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 1])).encode()
            assert instance._max_depth(raw) == depth(v), raw
            plain_files += b'\\"' not in raw and b"\\\\" not in raw
            escaped_plain += b"\\u" in raw and b'\\"' not in raw and b"\\\\" not in raw
    assert plain_files > 100 and escaped_plain > 20  # the quick count, also on files with \u escapes
