"""The lower bound's links between every slot when some slots no start reaches: the small matching's proof
(``flows._all_links_early``) against a fresh maximum flow, and the network path test it relies on against the
explicit compatibility relation."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from paradeplan.posts import bounds, cover, flows, load_instance, network
from paradeplan.posts.geo import haversine_km, travel_seconds
from paradeplan.posts.solver import _plan

ROOT = Path(__file__).resolve().parents[1]


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("levels", [0, 2, 4])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_path_test_equals_the_explicit_relation(seed: int, levels: int) -> None:
    """Whether some source of a set reaches some target of another through the network is exactly whether some
    such pair is compatible, for random sets, on a region wide enough for hubs."""
    rng = random.Random(seed)
    n = 300
    lat = np.array([10.5 + rng.random() * 0.4 for _ in range(n)])
    lon = np.array([106.4 + rng.random() * 0.4 for _ in range(n)])
    opens = np.array([6 * 3600 + rng.randrange(3 * 3600) for _ in range(n)], dtype=np.int64)
    closes = opens + np.array([rng.choice([300, 480, 780]) for _ in range(n)], dtype=np.int64)
    sp = network.build_sparse(lat, lon, closes.astype(np.float64), lat, lon, opens, 1.3, 30.0, levels=levels)
    km = haversine_km(lat[:, None], lon[:, None], lat[None, :], lon[None, :])
    ok = closes[:, None] + travel_seconds(km, 1.3, 30.0) <= opens.astype(np.float64)[None, :]
    seen = set()
    for _ in range(60):
        cut = 6 * 3600 + rng.randrange(3 * 3600)  # sources late and targets early, more or less strictly
        slack = rng.choice([0, 600, 1800])
        src = (closes > cut - slack) & np.array([rng.random() < rng.choice([0.05, 0.3]) for _ in range(n)])
        bad = (opens < cut + slack) & np.array([rng.random() < rng.choice([0.05, 0.3]) for _ in range(n)])
        want = not bool(ok[np.ix_(src, bad)].any())
        assert flows._no_path_from_to(sp, src, bad, n) == want
        seen.add(want)
    assert seen == {True, False}


CASES = [
    ("city", 600, 1),
    ("city", 600, 3),
    ("wide", 600, 2),
    ("wide", 600, 3),
    ("wide", 1200, 3),
    ("clustered", 600, 4),
]
"""Shapes where some slots no depot reaches; the small matching proves the bound on some and not on others."""


@pytest.mark.parametrize("shape,n,seed", CASES)
def test_all_slot_links_by_the_small_matching_equal_a_fresh_flow(
    monkeypatch: pytest.MonkeyPatch, shape: str, n: int, seed: int
) -> None:
    """The links between every slot that stage A reports, by the small matching where it proves them and by the
    residual flow where it does not, equal a maximum flow over every slot from nothing."""
    inst = load_instance(_generator().SHAPES[shape](n, seed))
    moves = network.Moves(inst)
    used: list[bool] = []
    early = flows._all_links_early

    def spy(*a: Any) -> Any:
        got = early(*a)
        used.append(got is not None)
        return got

    monkeypatch.setattr(flows, "_all_links_early", spy)
    compared = 0
    for kd, _, classes in _plan(inst):
        for (speed, until), units in classes.items():
            task = cover.ClassTask(kd, units, speed, until, moves, kd.need.copy(), bound_links=True)
            grp = cover.groups_of(task)
            sp = cover.class_sparse(task, grp)
            need = kd.need[grp.active]
            reach = cover.class_reach(task, grp, sp)
            if reach.all():
                continue
            net = flows.class_network(sp, grp.sizes, need, kd.prio[grp.active], spread=False)
            early_links = cover._early_links(task, grp)
            _, links = flows.fast_cover(net, sp, need * reach, {}, need_all=need, early_links=early_links)
            assert links == bounds.max_links(sp, need, len(grp.active))
            compared += 1
    assert compared and used  # some kind had unreachable slots, and the matching was tried


def test_the_small_matching_proves_the_bound_on_some_instance_and_not_on_others() -> None:
    """Both outcomes occur on these shapes (so both paths above are exercised), and a matching that links one slot
    short is never taken for a proof."""
    outcomes = set()
    for shape, size, seed in CASES:
        inst = load_instance(_generator().SHAPES[shape](size, seed))
        moves = network.Moves(inst)
        for kd, _, classes in _plan(inst):
            for (speed, until), units in classes.items():
                task = cover.ClassTask(kd, units, speed, until, moves, kd.need.copy(), bound_links=True)
                grp = cover.groups_of(task)
                sp = cover.class_sparse(task, grp)
                need = kd.need[grp.active]
                reach = cover.class_reach(task, grp, sp)
                if reach.all():
                    continue
                net = flows.class_network(sp, grp.sizes, need, kd.prio[grp.active], spread=False)
                need_r = need * reach
                n = len(need)
                _, fb1 = flows.max_flow(
                    [
                        (np.zeros(n, dtype=np.int64), net.p_out, need_r),
                        (net.p_in, np.ones(n, dtype=np.int64), need_r),
                        (net.tails[net.off[4] :], net.heads[net.off[4] :], np.full(net.off[-1] - net.off[4], n * 9)),
                    ],
                    0,
                    1,
                )
                links = int(fb1[:n].sum())
                got = flows._all_links_early(net, sp, (need, need_r), fb1, links, cover._early_links(task, grp))
                outcomes.add(got is not None)
                if got is not None:
                    assert got == bounds.max_links(sp, need, n)
                short = flows._all_links_early(
                    net, sp, (need, need_r), fb1, links, lambda e, f: int(e.sum()) - 1 if e.sum() else -1
                )
                assert short is None
    assert outcomes == {True, False}
