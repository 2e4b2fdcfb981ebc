"""The lower bound's links between every slot when some slots no start reaches: the small matching's proof
(``flows._all_links_early``) against a fresh maximum flow, and the network path test it relies on against the
explicit compatibility relation."""

from __future__ import annotations

import random
from typing import Any

import numpy as np
import pytest
from tests.posts_classes import classes_with_unreached_slots, generator

from paradeplan.posts import bounds, cover, flows, load_instance, network
from paradeplan.posts.geo import haversine_km, travel_seconds


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


def _stage_a_links(inst: Any) -> list[tuple[Any, ...]]:
    """Per class with unreachable slots: (network, flow network, need, need of the reachable slots, links flow,
    links, the small matching, the most links between every slot from a fresh flow)."""
    out = []
    for c in classes_with_unreached_slots(inst):
        sp, net, need = c.sp, c.net, c.need
        need_r = need * c.reach
        n = len(need)
        big = n * 9
        blocks: list[flows.Arcs] = [
            (np.zeros(n, dtype=np.int64), net.p_out, need_r),
            (net.p_in, np.ones(n, dtype=np.int64), need_r),
            (
                net.tails[net.off[4] :],
                net.heads[net.off[4] :],
                np.full(net.off[-1] - net.off[4], big, dtype=np.int64),
            ),
        ]
        links, fb = flows.max_flow(blocks, 0, 1)
        fb1 = np.concatenate([fb[: 2 * n], np.zeros(len(c.grp.sizes) + 1, dtype=np.int64), fb[2 * n :]])
        want = bounds.max_links(sp, need, n)
        out.append((sp, net, need, need_r, fb1, links, cover._early_links(c.task, c.grp), want))
    return out


@pytest.mark.parametrize("shape,n,seed", CASES)
def test_all_slot_links_from_stage_a_equal_a_fresh_flow(shape: str, n: int, seed: int) -> None:
    """The links between every slot that stage A reports (``fast_cover`` with ``need_all``) equal a maximum flow
    over every slot from nothing."""
    inst = load_instance(generator().SHAPES[shape](n, seed))
    compared = 0
    for c in classes_with_unreached_slots(inst):
        early_links = cover._early_links(c.task, c.grp)
        _, links = flows.fast_cover(c.net, c.sp, c.need * c.reach, {}, need_all=c.need, early_links=early_links)
        assert links == bounds.max_links(c.sp, c.need, len(c.grp.active))
        compared += 1
    assert compared  # some kind had unreachable slots


def test_every_way_to_the_all_slot_links_gives_the_fresh_flow(monkeypatch: pytest.MonkeyPatch) -> None:
    """The small matching proves the links on some classes and not on others; the part of the residual network
    proves them where it does not; the whole residual network gives them where neither does. A lower bound short
    of the upper bound is never taken for the value; on a network too large for the whole residual network's flow,
    the upper bound is (so the units' lower bound stays proven)."""
    proved_by = []
    real, real_max = flows._all_links, flows.EXACT_BOUND_MAX_ARCS
    for shape, size, seed in CASES:
        for sp, net, need, need_r, fb1, links, early_links, want in _stage_a_links(
            load_instance(generator().SHAPES[shape](size, seed))
        ):
            seen: list[int] = []

            def matching(early: Any, free: Any, seen: list[int] = seen, early_links: Any = early_links) -> int:
                got = int(early_links(early, free))
                seen.append(int(got == early.sum()))
                return got

            assert flows._bound_links(net, sp, (need, need_r), fb1, links, matching) == want
            proved_by.append(seen[0])
            no_match = flows._bound_links(net, sp, (need, need_r), fb1, links, lambda e, f: 0)
            assert no_match == want

            def short(*a: Any, **k: Any) -> int:  # the part of the residual network links one slot too few
                got = real(*a, **k)
                return got - 1 if k.get("keep", a[4] if len(a) > 4 else None) is not None else got

            monkeypatch.setattr(flows, "_all_links", short)
            short_match = flows._bound_links(net, sp, (need, need_r), fb1, links, lambda e, f: int(e.sum()) - 1)
            monkeypatch.setattr(flows, "EXACT_BOUND_MAX_ARCS", 0)  # too large for the whole residual network's flow
            bounded = flows._bound_links(net, sp, (need, need_r), fb1, links, lambda e, f: int(e.sum()) - 1)
            monkeypatch.setattr(flows, "_all_links", real)
            monkeypatch.setattr(flows, "EXACT_BOUND_MAX_ARCS", real_max)
            assert short_match == want
            assert bounded == links + int((need - need_r).sum()) >= want  # the proven upper bound
    assert set(proved_by) == {0, 1}


@pytest.mark.parametrize("chunk", [5, 1 << 20])
def test_stage_a_flow_without_the_dead_arcs_is_a_maximum_flow_of_the_whole_network(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """The links flow leaves out the arcs of posts no start reaches (added and read back in chunks): its value is
    the whole network's maximum flow, and its flows, put back at every arc's place, conserve flow at every node,
    keep within the capacities and are 0 on the arcs left out."""
    monkeypatch.setattr(flows, "ARC_CHUNK", chunk)
    checked = 0
    for c in classes_with_unreached_slots(load_instance(generator().SHAPES["wide"](600, 3))):
        net, need_r = c.net, c.need * c.reach
        n, G = len(need_r), len(c.grp.sizes)
        gstar, total = net.n_nodes, int(need_r.sum())
        head: list[flows.Arcs] = [
            (np.zeros(n, dtype=np.int64), net.p_out, need_r),
            (net.p_in, np.ones(n, dtype=np.int64), need_r),
            (np.full(G, gstar), net.g_node, c.grp.sizes),
        ]
        value, got = flows._stage_a_flow(net, head, need_r, 0)
        full = [
            *head,
            (np.array([0]), np.array([gstar]), np.array([0])),
            (net.tails[net.off[4] :], net.heads[net.off[4] :], total),
        ]
        want, _ = flows.max_flow(full, 0, 1)
        assert value == want > 0
        tails = np.concatenate([np.asarray(b[0]) for b in full])
        heads = np.concatenate([np.asarray(b[1]) for b in full])
        caps = np.concatenate([np.broadcast_to(np.asarray(b[2]), (len(b[0]),)) for b in full])
        assert len(got) == len(tails) and (got >= 0).all() and (got <= caps).all()
        balance = np.bincount(heads, weights=got, minlength=gstar + 1) - np.bincount(
            tails, weights=got, minlength=gstar + 1
        )
        assert balance[0] == -value and balance[1] == value and not balance[2:].any()
        drop = flows._dead_arcs(net, need_r)
        assert drop is not None and drop.any()
        assert not got[len(tails) - len(drop) :][drop].any()
        checked += 1
    assert checked
