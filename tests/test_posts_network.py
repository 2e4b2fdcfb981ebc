"""The post solver's sparse network: its transitive closure is exactly the compatibility relation."""

from __future__ import annotations

import random
from collections import defaultdict

import numpy as np
import pytest

from paradeplan.posts import network
from paradeplan.posts.geo import haversine_km, travel_seconds


def _closure(sp: network.Sparse, n_src: int, n_tgt: int) -> set[tuple[int, int]]:
    """(source, target) pairs joined by a path of direct, entry, chain and exit arcs."""
    hub_next: dict[int, list[int]] = defaultdict(list)
    for a, b in zip(sp.c_tail.tolist(), sp.c_head.tolist(), strict=True):
        hub_next[a].append(b)
    hub_exits: dict[int, list[int]] = defaultdict(list)
    for h, t in zip(sp.x_node.tolist(), sp.x_tgt.tolist(), strict=True):
        hub_exits[h].append(t)
    entries: dict[int, list[int]] = defaultdict(list)
    for s, h in zip(sp.e_src.tolist(), sp.e_node.tolist(), strict=True):
        entries[s].append(h)
    # hubs only go forward along chains, so a hub's reachable targets are its exits plus its successors'
    reach_hub: dict[int, set[int]] = {}
    for h in range(sp.n_hub - 1, -1, -1):
        got = set(hub_exits[h])
        for nxt in hub_next[h]:
            assert nxt > h
            got |= reach_hub[nxt]
        reach_hub[h] = got
    pairs = set(zip(sp.d_src.tolist(), sp.d_tgt.tolist(), strict=True))
    for s in range(n_src):
        for h in entries[s]:
            pairs |= {(s, t) for t in reach_hub[h]}
    assert all(0 <= t < n_tgt for _, t in pairs)
    return pairs


def _dense_city(seed: int, n: int) -> tuple[np.ndarray, ...]:
    """Posts on a few shared junctions of a 3 km grid, whole-second windows that overlap and tie."""
    rng = random.Random(seed)
    junctions = [(10.77 + 0.0018 * i, 106.68 + 0.0018 * j) for i in range(8) for j in range(8)]
    pts = [rng.choice(junctions) for _ in range(n)]
    lat = np.array([p[0] for p in pts])
    lon = np.array([p[1] for p in pts])
    opens = np.array([rng.choice([0, 30, 60, 90]) + 60 * rng.randrange(120) for _ in range(n)], dtype=np.int64)
    closes = opens + np.array([rng.choice([60, 120, 600, 1800]) for _ in range(n)], dtype=np.int64)
    return lat, lon, opens, closes


@pytest.mark.parametrize("levels", [0, 1, 2, 3])
@pytest.mark.parametrize("seed", [1, 2])
def test_sparse_closure_is_exactly_compatibility(seed: int, levels: int) -> None:
    """Every compatible pair (``t(A) + travel(A→B) ≤ open(B)``) has a path, and no other pair does: on dense
    instances with shared coordinates and tied times, where hub timelines are long, for every quadtree depth."""
    lat, lon, opens, closes = _dense_city(seed, 160)
    rng = random.Random(seed + 100)
    g = 4  # unit groups as extra sources
    src_lat = np.concatenate([lat, [10.77 + rng.random() * 0.0126 for _ in range(g)]])
    src_lon = np.concatenate([lon, [106.68 + rng.random() * 0.0126 for _ in range(g)]])
    src_t = np.concatenate([closes.astype(np.float64), [float(rng.randrange(0, 3600)) for _ in range(g)]])
    detour, speed = 1.3, 30.0
    sp = network.build_sparse(src_lat, src_lon, src_t, lat, lon, opens, detour, speed, levels=levels)
    km = haversine_km(src_lat[:, None], src_lon[:, None], lat[None, :], lon[None, :])
    ok = src_t[:, None] + travel_seconds(km, detour, speed) <= opens.astype(np.float64)[None, :]
    expected = {(int(s), int(t)) for s, t in zip(*np.nonzero(ok), strict=True)}
    assert expected  # the instance has links
    assert _closure(sp, len(src_lat), len(lat)) == expected
    if levels:
        assert sp.n_hub > 0 and len(sp.e_src) > 0  # the hubs are really used


def test_timeline_runs_reach_exactly_the_later_exits() -> None:
    """An entry at τ reaches an exit of its cell at τ' iff τ ≤ τ' (ties included), through fewer nodes than
    distinct times."""
    rng = random.Random(7)
    e_cell = np.array([rng.randrange(3) for _ in range(300)], dtype=np.int64)
    e_tau = np.array([rng.randrange(40) for _ in range(300)], dtype=np.int64)
    x_cell = np.array([rng.randrange(3) for _ in range(300)], dtype=np.int64)
    x_tau = np.array([rng.randrange(40) for _ in range(300)], dtype=np.int64)
    e_node, x_node, c_tail, c_head, n_hub = network.timeline_nodes(e_cell, e_tau, x_cell, x_tau)
    nxt: dict[int, list[int]] = defaultdict(list)
    for a, b in zip(c_tail.tolist(), c_head.tolist(), strict=True):
        assert b > a
        nxt[a].append(b)
    assert len(c_tail) > n_hub - 3  # the chains, plus skip arcs
    for i in range(len(e_cell)):
        seen, todo = set(), [int(e_node[i])]
        while todo:
            h = todo.pop()
            if h not in seen:
                seen.add(h)
                todo.extend(nxt[h])
        got = {j for j in range(len(x_cell)) if int(x_node[j]) in seen}
        want = {j for j in range(len(x_cell)) if x_cell[j] == e_cell[i] and x_tau[j] >= e_tau[i]}
        assert got == want
    distinct = len(
        {
            (int(c), int(t))
            for c, t in zip(np.concatenate([e_cell, x_cell]), np.concatenate([e_tau, x_tau]), strict=True)
        }
    )
    assert n_hub < distinct
    none = np.zeros(0, dtype=np.int64)
    e_node, x_node, c_tail, c_head, n_hub = network.timeline_nodes(none, none, none, none)
    assert (len(e_node), len(x_node), len(c_tail), len(c_head), n_hub) == (0, 0, 0, 0, 0)


@pytest.mark.parametrize("levels", [0, 3])
def test_the_network_does_not_depend_on_how_many_sources_descend_at_once(
    monkeypatch: pytest.MonkeyPatch, levels: int
) -> None:
    """Sources descend the tree a few at a time inside a chunk, their entries put back level by level: the same
    arrays, bit for bit, as one descent of the whole chunk."""
    lat, lon, opens, closes = _dense_city(3, 400)
    fields = ("d_src", "d_tgt", "d_km", "e_src", "e_node", "e_km", "x_node", "x_tgt", "c_tail", "c_head")
    for per_chunk in (1024, 64):
        got = []
        for per_descent in (per_chunk, 7):
            monkeypatch.setattr(network, "SOURCES_PER_CHUNK", per_chunk)
            monkeypatch.setattr(network, "SOURCES_PER_DESCENT", per_descent)
            got.append(
                network.build_sparse(lat, lon, closes.astype(np.float64), lat, lon, opens, 1.3, 30.0, levels=levels)
            )
        for f in fields:
            assert getattr(got[0], f).dtype == getattr(got[1], f).dtype
            assert np.array_equal(getattr(got[0], f), getattr(got[1], f)), f
        assert len(got[0].e_src) > 0


def _timeline_by_sorting(
    e_cell: np.ndarray, e_tau: np.ndarray, x_cell: np.ndarray, x_tau: np.ndarray
) -> tuple[np.ndarray, np.ndarray, int]:
    """The timeline nodes as the definition reads: every event sorted by (cell, time, exit last), a node cut before
    each cell's first event and before every entry that follows an exit (the reference for the slot search)."""
    n_e = len(e_cell)
    cell = np.concatenate([e_cell, x_cell]).astype(np.int64)
    tau = np.concatenate([e_tau, x_tau]).astype(np.int64)
    is_exit = np.concatenate([np.zeros(n_e, dtype=np.int64), np.ones(len(x_cell), dtype=np.int64)])
    order = np.lexsort((is_exit, tau, cell))
    c_s, x_s = cell[order], is_exit[order]
    start = np.ones(len(order), dtype=bool)
    start[1:] = (c_s[1:] != c_s[:-1]) | ((x_s[1:] == 0) & (x_s[:-1] == 1))
    node = np.empty(len(order), dtype=np.int64)
    node[order] = np.cumsum(start) - 1
    return node[:n_e], node[n_e:], int(start.sum())


@pytest.mark.parametrize("table", [True, False])
@pytest.mark.parametrize("wide", [False, True])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_timeline_slots_number_the_nodes_as_sorting_every_event_does(
    monkeypatch: pytest.MonkeyPatch, seed: int, wide: bool, table: bool
) -> None:
    """The slot search gives the same nodes, numbered alike, as sorting every event: with ties, entries after a
    cell's last exit, cells with entries only or exits only, searches split in blocks, many slots in one minute,
    (``wide``) times whose range needs ranks, and (not ``table``) by binary search alone."""
    monkeypatch.setattr(network, "SLOT_SEARCH", 37)
    if not table:
        monkeypatch.setattr(network, "SLOT_TABLE_MAX", 0)
    rng = np.random.default_rng(seed)
    span = (1 << 40) if wide else 50 + 300 * seed
    e_cell = rng.integers(0, 9, 700)
    e_tau = rng.integers(0, span, 700) + (0 if wide else 1000)
    x_cell = rng.integers(2, 12, 500)
    x_tau = rng.integers(0, span, 500) + (0 if wide else 1000)
    if wide:
        x_tau[:50] = e_tau[:50]  # ties across a range that needs ranks
        x_cell[:50] = e_cell[:50]
    e_node, x_node, c_tail, c_head, n_hub = network.timeline_nodes(e_cell, e_tau, x_cell, x_tau)
    want_e, want_x, want_n = _timeline_by_sorting(e_cell, e_tau, x_cell, x_tau)
    assert n_hub == want_n
    assert np.array_equal(e_node, want_e)
    assert np.array_equal(x_node, want_x)
    assert len(c_tail) >= n_hub - 12 and (c_head > c_tail).all()
