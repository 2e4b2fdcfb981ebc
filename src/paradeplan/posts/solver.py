"""Exact post scheduler: lexicographic min-cost flow on a sparse, closure-preserving compatibility network.

Model
-----
Units of one kind only serve that kind, so every kind is solved on its own. Inside a kind, units are grouped into
*classes* of equal speed and equal effective ``until`` (an ``until`` later than every close of the kind does not bind).
Inside a class, units that share start point and ``ready`` are interchangeable and form one *group* node.

A post is a pair of nodes ``in → out`` joined by a *cover* arc of capacity ``need``; a unit is a path
``S → group → post → … → post → T``. Compatibility A→B (``close(A) + travel(A→B) ≤ open(B)``) is transitive for
one speed (triangle inequality and ``open < close``), so chains only need a graph whose transitive closure equals the
compatibility relation, with infinite capacity on the connecting (non-cover) arcs.

Sparse closure ("time hubs")
----------------------------
All-pairs arcs grow quadratically (≈10⁸ at 10,000 posts). Instead the targets (posts) are put in a quadtree of
``L+1`` levels. Each cell ``c`` has a *timeline*: nodes ``(c, τ)`` chained forward in time with infinite capacity,
meaning "a unit here can still reach every post of ``c`` by its open as long as that open is ≥ τ". For a source A
(post out, or unit group) with free time ``t(A)`` and an upper bound ``mt(A, c) ≥ max travel(A → B ∈ c)`` (ball bound
``(d(A, centre)+radius)`` made monotone along the tree and inflated by a safety margin), A enters ``c`` at
``τ = t(A) + mt(A, c)``; every post B leaves every ancestor timeline at ``open(B)``. Soundness: any path through a
hub satisfies ``open(B) ≥ t(A) + mt ≥ t(A) + travel(A→B)``. Exactness: for a compatible pair, let ℓ* be the coarsest
level with ``open(B) ≥ t(A) + mt(A, anc_ℓ*(B))``; A enters ``anc_ℓ*(B)`` whenever some post of that cell opens in
``[t(A)+mt(A, c), t(A)+mt(A, parent(c)))`` (B itself does), so B is reached. Pairs with ``open(B) < t(A) +
mt(A, leaf(B))`` get a direct arc when compatible; these are few because leaves are small. Hence the closure of the
sparse graph is exactly the compatibility relation and the flow optimum equals the all-arcs optimum.

Objectives
----------
Stage A: min-cost flow with cost ``-W·priority`` per covered unit of need (``W`` = number of units + 1) and ``+1`` per
unit leaving its group: exactly the lexicographic optimum of (1) coverage and (2) units. Stage B: the covered amount
of every post and the number of units are fixed (node supplies) and distance in metres is minimised; direct arcs cost
their exact length, hub paths are costed by the entry distance to the cell centre (an estimate), so (3) is
heuristic when hubs are used. The per-kind lower bound is the Dilworth minimum chain cover of all the kind's need at
the kind's top speed, starting anywhere at any time (a min-cost flow on the same network).

Several classes in one kind (mixed speeds or binding ``until``) are solved class by class (fastest, latest first);
the result is reported ``optimal`` only when it matches the relaxation where every unit of the kind has the top speed
and the latest ``until``.
"""

from __future__ import annotations

import logging
import math
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from paradeplan.posts.geo import haversine_km, travel_seconds
from paradeplan.posts.instance import Instance, Unit

log = logging.getLogger(__name__)

SAFETY_S = 1e-6
"""Seconds added to hub upper bounds (and removed from lower bounds) to absorb float rounding."""

_BIG_T = 1_000_000
DIST_UNIT_M = 10.0
"""Stage B costs distance in units of this many metres (smaller cost range keeps cost scaling fast)."""
FArr = NDArray[np.float64]
IArr = NDArray[np.int64]


@dataclass(frozen=True)
class Visit:
    """One post held by one unit."""

    post: str
    kind: str
    arrive: float
    leave: int
    km: float


@dataclass(frozen=True)
class Solution:
    """A schedule: each used unit's visits in order, with the objective values and lower bounds."""

    status: str
    units_used: int
    lower_bound: dict[str, int]
    covered: int
    required: int
    travel_km: float
    routes: tuple[tuple[str, tuple[Visit, ...]], ...]
    uncovered: tuple[tuple[str, str, int], ...]
    stats: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass
class _Sparse:
    """Arcs of the sparse compatibility network between sources (posts then groups) and targets (posts)."""

    d_src: IArr
    d_tgt: IArr
    d_km: FArr
    e_src: IArr
    e_node: IArr
    e_km: FArr
    x_node: IArr
    x_tgt: IArr
    c_tail: IArr
    c_head: IArr
    n_hub: int


STAGE_B_MAX_ARCS = 250_000
"""Above this many arcs the distance stage is skipped (cost scaling on metre costs gets slow)."""


def _levels_for(n: int) -> int:
    """Quadtree depth, chosen from measurements (deeper trees trade direct arcs for slower hub chains)."""
    if n < 1500:
        return 0
    return 1 if n < 5000 else 2


def _build_sparse(src_lat: FArr, src_lon: FArr, src_t: FArr, tgt_lat: FArr, tgt_lon: FArr, tgt_open: IArr,
                  detour: float, speed: float, levels: int | None = None) -> _Sparse:
    """Build direct arcs and hub timelines whose transitive closure is the compatibility relation."""
    n_s, n_t = len(src_lat), len(tgt_lat)
    empty_i = np.zeros(0, dtype=np.int64)
    empty_f = np.zeros(0, dtype=np.float64)
    if n_s == 0 or n_t == 0:
        return _Sparse(empty_i, empty_i, empty_f, empty_i, empty_i, empty_f, empty_i, empty_i, empty_i, empty_i, 0)
    L = _levels_for(n_t) if levels is None else levels
    factor = detour / speed * 3600.0
    lat0, lat1 = float(tgt_lat.min()), float(tgt_lat.max())
    lon0, lon1 = float(tgt_lon.min()), float(tgt_lon.max())
    dlat = max(lat1 - lat0, 1e-9)
    dlon = max(lon1 - lon0, 1e-9)
    open_f = tgt_open.astype(np.float64)

    # Quadtree cells per level: compact ids, centres, radii, parents, sorted (cell, open) keys.
    cell_of: list[IArr] = []
    centres: list[tuple[FArr, FArr, FArr]] = []
    parents: list[IArr] = []
    keys: list[FArr] = []
    offsets: list[int] = []
    total = 0
    for lv in range(L + 1):
        side = 1 << lv
        ix = np.clip(((tgt_lon - lon0) / dlon * side).astype(np.int64), 0, side - 1)
        iy = np.clip(((tgt_lat - lat0) / dlat * side).astype(np.int64), 0, side - 1)
        raw = iy * side + ix
        uniq, cid = np.unique(raw, return_inverse=True)
        cid = cid.astype(np.int64)
        nc = len(uniq)
        cnt = np.bincount(cid, minlength=nc).astype(np.float64)
        clat = np.bincount(cid, weights=tgt_lat, minlength=nc) / cnt
        clon = np.bincount(cid, weights=tgt_lon, minlength=nc) / cnt
        rad = np.zeros(nc)
        np.maximum.at(rad, cid, haversine_km(clat[cid], clon[cid], tgt_lat, tgt_lon))
        cell_of.append(cid)
        centres.append((clat, clon, rad))
        if lv:
            par = np.zeros(nc, dtype=np.int64)
            par[cid] = cell_of[lv - 1]
            parents.append(par)
        else:
            parents.append(np.zeros(nc, dtype=np.int64))
        keys.append(np.sort(cid.astype(np.float64) * _BIG_T + open_f))
        offsets.append(total)
        total += nc
    leaf_order = np.lexsort((tgt_open, cell_of[L]))

    d_src_l: list[IArr] = []
    d_tgt_l: list[IArr] = []
    d_km_l: list[FArr] = []
    e_src_l: list[IArr] = []
    e_cell_l: list[IArr] = []
    e_tau_l: list[IArr] = []
    e_km_l: list[FArr] = []
    n_leaf = len(centres[L][0])
    chunk = max(1, min(n_s, 2_000_000 // max(n_leaf, 1)))
    for s0 in range(0, n_s, chunk):
        s1 = min(n_s, s0 + chunk)
        slat, slon, st = src_lat[s0:s1, None], src_lon[s0:s1, None], src_t[s0:s1, None]
        sidx = np.arange(s0, s1, dtype=np.int64)[:, None]
        mt_prev: FArr | None = None
        for lv in range(L + 1):
            clat, clon, rad = centres[lv]
            nc = len(clat)
            dc = haversine_km(slat, slon, clat[None, :], clon[None, :])
            mt = (dc + rad[None, :]) * factor * (1 + 1e-12) + SAFETY_S
            if mt_prev is not None:
                up = mt_prev[:, parents[lv]]
                mt = np.minimum(mt, up)
                hi = st + up + 1.0
            else:
                hi = np.full_like(mt, _BIG_T - 1.0)
            lo = st + mt
            cells = np.arange(nc, dtype=np.float64)[None, :] * _BIG_T
            k = keys[lv]
            inwin = np.searchsorted(k, (cells + hi).ravel()) - np.searchsorted(k, (cells + lo - 1.0).ravel())
            hit = np.flatnonzero(inwin > 0)
            if len(hit):
                ri, ci = np.divmod(hit, nc)
                e_src_l.append(sidx[ri, 0])
                e_cell_l.append(ci + offsets[lv])
                e_tau_l.append(np.ceil(lo[ri, ci]).astype(np.int64))
                e_km_l.append(dc[ri, ci])
            if lv == L:
                lb = np.maximum(dc - rad[None, :], 0.0) * factor * (1 - 1e-12) - SAFETY_S
                a = np.searchsorted(k, (cells + st + lb - 1.0).ravel())
                b = np.searchsorted(k, (cells + lo + 1.0).ravel())
                cnt2 = np.maximum(b - a, 0)
                tot = int(cnt2.sum())
                if tot:
                    rows = np.repeat(np.arange(cnt2.size, dtype=np.int64) // nc, cnt2)
                    starts = np.repeat(a, cnt2)
                    pos = np.arange(tot, dtype=np.int64) - np.repeat(np.cumsum(cnt2) - cnt2, cnt2) + starts
                    tg = leaf_order[pos]
                    si = rows + s0
                    km = haversine_km(src_lat[si], src_lon[si], tgt_lat[tg], tgt_lon[tg])
                    ok = src_t[si] + travel_seconds(km, detour, speed) <= open_f[tg]
                    d_src_l.append(si[ok])
                    d_tgt_l.append(tg[ok])
                    d_km_l.append(km[ok])
            mt_prev = mt

    d_src = np.concatenate(d_src_l) if d_src_l else empty_i
    d_tgt = np.concatenate(d_tgt_l) if d_tgt_l else empty_i
    d_km = np.concatenate(d_km_l) if d_km_l else empty_f
    e_src = np.concatenate(e_src_l) if e_src_l else empty_i
    e_cell = np.concatenate(e_cell_l) if e_cell_l else empty_i
    e_tau = np.concatenate(e_tau_l) if e_tau_l else empty_i
    e_km = np.concatenate(e_km_l) if e_km_l else empty_f

    # Exits: each target leaves each ancestor timeline at its open, if anything enters that cell by then.
    min_tau = np.full(total, np.iinfo(np.int64).max, dtype=np.int64)
    if len(e_cell):
        np.minimum.at(min_tau, e_cell, e_tau)
    x_cell_l, x_tgt_l = [], []
    tidx = np.arange(n_t, dtype=np.int64)
    for lv in range(L + 1):
        gc = cell_of[lv] + offsets[lv]
        keep = min_tau[gc] <= tgt_open
        x_cell_l.append(gc[keep])
        x_tgt_l.append(tidx[keep])
    x_cell = np.concatenate(x_cell_l)
    x_tgt = np.concatenate(x_tgt_l)
    x_tau = tgt_open[x_tgt].astype(np.int64)

    # Timeline nodes: unique (cell, time) over entries and exits, chained forward in time.
    ev = np.concatenate([e_cell * _BIG_T + e_tau, x_cell * _BIG_T + x_tau])
    uniq, inv = np.unique(ev, return_inverse=True)
    inv = inv.astype(np.int64)
    e_node = inv[: len(e_cell)]
    x_node = inv[len(e_cell):]
    same = (uniq[1:] // _BIG_T) == (uniq[:-1] // _BIG_T)
    c_tail = np.flatnonzero(same).astype(np.int64)
    return _Sparse(d_src, d_tgt, d_km, e_src, e_node, e_km, x_node, x_tgt, c_tail, c_tail + 1, len(uniq))


def _mcf(tails: IArr, heads: IArr, caps: IArr, costs: IArr, supplies: IArr) -> tuple[int, IArr]:
    from ortools.graph.python import min_cost_flow

    smcf = min_cost_flow.SimpleMinCostFlow()
    arcs = smcf.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    smcf.set_nodes_supplies(np.arange(len(supplies), dtype=np.int64), supplies)
    status = smcf.solve()
    if status != smcf.OPTIMAL:
        raise RuntimeError(f"min-cost flow failed with status {status}")
    return int(smcf.optimal_cost()), np.asarray(smcf.flows(arcs), dtype=np.int64)


@dataclass
class _KindData:
    kind: str
    idx: IArr  # instance post indices
    lat: FArr
    lon: FArr
    open: IArr
    close: IArr
    need: IArr
    prio: IArr


def _lower_bound(kd: _KindData, sp: _Sparse, n_src_posts: int) -> int:
    """Dilworth bound: minimum number of chains covering all the kind's need, starting anywhere, any time."""
    n = len(kd.idx)
    total = int(kd.need.sum())
    if total == 0:
        return 0
    S, T = 0, 1
    p_in = 2 + np.arange(n, dtype=np.int64)
    p_out = 2 + n + np.arange(n, dtype=np.int64)
    hub0 = 2 + 2 * n
    big = total
    md = sp.d_src < n_src_posts
    me = sp.e_src < n_src_posts
    parts_t = [np.array([S]), np.full(n, S), p_out, p_out[sp.d_src[md]], p_out[sp.e_src[me]],
               hub0 + sp.c_tail, hub0 + sp.x_node]
    parts_h = [np.array([T]), p_in, np.full(n, T), p_in[sp.d_tgt[md]], hub0 + sp.e_node[me],
               hub0 + sp.c_head, p_in[sp.x_tgt]]
    tails = np.concatenate(parts_t).astype(np.int64)
    heads = np.concatenate(parts_h).astype(np.int64)
    caps = np.full(len(tails), big, dtype=np.int64)
    costs = np.zeros(len(tails), dtype=np.int64)
    costs[1: 1 + n] = 1
    sup = np.zeros(hub0 + sp.n_hub, dtype=np.int64)
    sup[S] = total
    sup[T] = -total
    sup[p_in] -= kd.need
    sup[p_out] += kd.need
    cost, _ = _mcf(tails, heads, caps, costs, sup)
    return cost


@dataclass
class _ClassResult:
    covered_by_post: IArr
    paths: list[tuple[str, list[int]]]  # unit id, local post indices
    units_used: int
    weighted: int


def _solve_class(kd: _KindData, units: list[Unit], speed: float, until: float, detour: float,
                 need_rem: IArr, do_distance: bool, stats: dict[str, Any]) -> tuple[_ClassResult, _Sparse, int]:
    """Stage A (coverage, units) and stage B (distance) for one class of interchangeable-speed units."""
    n_all = len(kd.idx)
    active = np.flatnonzero((kd.close <= until) & (need_rem > 0))
    groups: dict[tuple[float, float, int], list[str]] = defaultdict(list)
    for u in units:
        groups[(u.lat, u.lon, u.ready)].append(u.id)
    gkeys = sorted(groups, key=lambda k: (k[2], k[0], k[1], min(groups[k])))
    gunits = [sorted(groups[k]) for k in gkeys]
    G = len(gkeys)
    n = len(active)
    sl = np.concatenate([kd.lat[active], np.array([k[0] for k in gkeys], dtype=np.float64)])
    so = np.concatenate([kd.lon[active], np.array([k[1] for k in gkeys], dtype=np.float64)])
    stt = np.concatenate([kd.close[active].astype(np.float64), np.array([k[2] for k in gkeys], dtype=np.float64)])
    sp = _build_sparse(sl, so, stt, kd.lat[active], kd.lon[active], kd.open[active], detour, speed)
    n_units = sum(len(g) for g in gunits)
    stats["arcs_direct"] = stats.get("arcs_direct", 0) + len(sp.d_src)
    stats["arcs_hub"] = stats.get("arcs_hub", 0) + len(sp.e_src) + len(sp.x_node) + len(sp.c_tail)
    empty = _ClassResult(np.zeros(n_all, dtype=np.int64), [], 0, 0)
    if n == 0 or G == 0:
        return empty, sp, n
    S, T = 0, 1
    g_node = 2 + np.arange(G, dtype=np.int64)
    p_in = 2 + G + np.arange(n, dtype=np.int64)
    p_out = 2 + G + n + np.arange(n, dtype=np.int64)
    hub0 = 2 + G + 2 * n
    src_node = np.concatenate([p_out, g_node])
    need = need_rem[active]
    prio = kd.prio[active]
    big = max(n_units, 1)
    # arc blocks: [S→T] [S→g] [cover] [out→T] [direct] [entry] [chain] [exit]
    blocks_t = [np.array([S]), np.full(G, S), p_in, p_out, src_node[sp.d_src], src_node[sp.e_src],
                hub0 + sp.c_tail, hub0 + sp.x_node]
    blocks_h = [np.array([T]), g_node, p_out, np.full(n, T), p_in[sp.d_tgt], hub0 + sp.e_node,
                hub0 + sp.c_head, p_in[sp.x_tgt]]
    sizes = [len(b) for b in blocks_t]
    off = np.concatenate([[0], np.cumsum(sizes)])
    tails = np.concatenate(blocks_t).astype(np.int64)
    heads = np.concatenate(blocks_h).astype(np.int64)
    caps = np.full(len(tails), big, dtype=np.int64)
    caps[off[1]:off[2]] = [len(g) for g in gunits]
    caps[off[2]:off[3]] = need
    caps[off[3]:off[4]] = need
    costs = np.zeros(len(tails), dtype=np.int64)
    W = n_units + 1
    costs[off[1]:off[2]] = 1
    costs[off[2]:off[3]] = -W * prio
    n_nodes = hub0 + sp.n_hub
    sup = np.zeros(n_nodes, dtype=np.int64)
    sup[S], sup[T] = n_units, -n_units
    t0 = time.perf_counter()
    _, flows = _mcf(tails, heads, caps, costs, sup)
    stats["flow_a_s"] = stats.get("flow_a_s", 0.0) + time.perf_counter() - t0
    cover = flows[off[2]:off[3]]
    used_g = flows[off[1]:off[2]]
    K = int(used_g.sum())
    stats["distance_stage"] = bool(do_distance and K and len(tails) <= STAGE_B_MAX_ARCS)
    if stats["distance_stage"]:
        # Stage B: fix each post's cover and the number of units leaving each group; minimise metres.
        keep = np.ones(len(tails), dtype=bool)
        keep[0] = False
        keep[off[2]:off[3]] = False
        caps_b = caps.copy()
        caps_b[off[3]:off[4]] = cover
        costs_b = np.zeros(len(tails), dtype=np.int64)
        costs_b[off[4]:off[5]] = np.rint(sp.d_km * (1000.0 / DIST_UNIT_M)).astype(np.int64)
        costs_b[off[5]:off[6]] = np.rint(sp.e_km * (1000.0 / DIST_UNIT_M)).astype(np.int64)
        caps_b[off[1]:off[2]] = used_g
        sup_b = np.zeros(n_nodes, dtype=np.int64)
        sup_b[S], sup_b[T] = K, -K
        sup_b[p_in] -= cover
        sup_b[p_out] += cover
        t0 = time.perf_counter()
        _, fb = _mcf(tails[keep], heads[keep], caps_b[keep], costs_b[keep], sup_b)
        stats["flow_b_s"] = stats.get("flow_b_s", 0.0) + time.perf_counter() - t0
        flows = np.zeros(len(tails), dtype=np.int64)
        flows[keep] = fb
        flows[off[2]:off[3]] = cover
    # Decompose into unit paths, skipping cover arcs (a path entering p_in continues at p_out).
    adj: dict[int, list[list[int]]] = defaultdict(list)
    pos_arcs = np.flatnonzero(flows > 0)
    in_to_local = {int(p_in[i]): i for i in range(n)}
    for a in pos_arcs:
        if off[2] <= a < off[3] or a == 0:
            continue
        adj[int(tails[a])].append([int(heads[a]), int(flows[a])])
    paths: list[tuple[str, list[int]]] = []
    ptr: dict[int, int] = defaultdict(int)
    for gi in range(G):
        for k in range(int(flows[off[1] + gi])):
            node = int(g_node[gi])
            seq: list[int] = []
            while True:
                lst = adj[node]
                j = ptr[node]
                while j < len(lst) and lst[j][1] == 0:
                    j += 1
                ptr[node] = j
                if j == len(lst):
                    raise RuntimeError("flow decomposition got stuck")
                lst[j][1] -= 1
                head = lst[j][0]
                if head == T:
                    break
                li = in_to_local.get(head)
                if li is not None:
                    seq.append(int(active[li]))
                    node = int(p_out[li])
                else:
                    node = head
            paths.append((gunits[gi][k], seq))
    covered_by_post = np.zeros(n_all, dtype=np.int64)
    covered_by_post[active] = cover
    weighted = int((cover * prio).sum())
    return _ClassResult(covered_by_post, paths, K, weighted), sp, n


def solve(instance: Instance, time_limit: float | None = None) -> Solution:
    """Solve a post-scheduling instance lexicographically: coverage, then units, then distance.

    Parameters
    ----------
    instance : Instance
        A validated instance.
    time_limit : float, optional
        Seconds. The coverage/units stage always runs to its proven optimum; once the limit is passed the
        distance stage and the optimality proof of mixed-speed kinds are skipped (status then ``feasible`` when
        (1) and (2) are no longer proven).

    Returns
    -------
    Solution
        The schedule, deterministic for a given instance.
    """
    t_start = time.perf_counter()
    deadline = None if time_limit is None else t_start + time_limit
    detour = instance.detour_factor
    posts = instance.posts
    stats: dict[str, Any] = {}
    lower: dict[str, int] = {}
    routes: dict[str, list[int]] = {}
    unit_kind: dict[str, Unit] = {u.id: u for u in instance.units}
    uncovered: list[tuple[str, str, int]] = []
    proven = True
    covered_total = 0
    required_total = 0
    for kind in instance.kinds:
        idx = np.array([i for i, p in enumerate(posts) if p.need_of(kind) > 0], dtype=np.int64)
        kunits = sorted((u for u in instance.units if u.kind == kind), key=lambda u: u.id)
        if not len(idx):
            continue
        kd = _KindData(kind, idx,
                       np.array([posts[i].lat for i in idx], dtype=np.float64),
                       np.array([posts[i].lon for i in idx], dtype=np.float64),
                       np.array([posts[i].open for i in idx], dtype=np.int64),
                       np.array([posts[i].close for i in idx], dtype=np.int64),
                       np.array([posts[i].need_of(kind) for i in idx], dtype=np.int64),
                       np.array([posts[i].priority for i in idx], dtype=np.int64))
        required_total += int((kd.need * kd.prio).sum())
        max_close = int(kd.close.max())
        top_speed = max((u.speed_kmh for u in kunits), default=30.0)
        classes: dict[tuple[float, float], list[Unit]] = defaultdict(list)
        for u in kunits:
            classes[(u.speed_kmh, float(u.until) if u.until < max_close else math.inf)].append(u)
        order = sorted(classes, key=lambda c: (-c[0], -c[1]))
        need_rem = kd.need.copy()
        weighted = 0
        used = 0
        sp_top: _Sparse | None = None
        n_top = 0
        for ck in order:
            do_dist = deadline is None or time.perf_counter() < deadline
            res, sp, n_act = _solve_class(kd, classes[ck], ck[0], ck[1], detour, need_rem, do_dist, stats)
            if ck == (top_speed, math.inf) and n_act == len(idx) and len(classes) == 1:
                sp_top, n_top = sp, n_act
            need_rem = need_rem - res.covered_by_post
            weighted += res.weighted
            used += res.units_used
            for uid, seq in res.paths:
                routes[uid] = [int(kd.idx[i]) for i in seq]
        if sp_top is None:
            sp_top = _build_sparse(kd.lat, kd.lon, kd.close.astype(np.float64), kd.lat, kd.lon, kd.open,
                                   detour, top_speed)
            n_top = len(idx)
        lower[kind] = _lower_bound(kd, sp_top, n_top)
        if len(classes) > 1:
            if deadline is not None and time.perf_counter() >= deadline:
                proven = False
            else:
                merged = [Unit(u.id, u.kind, top_speed, u.lat, u.lon, u.ready, u.until) for u in kunits]
                relax, _, _ = _solve_class(kd, merged, top_speed, max(c[1] for c in classes), detour,
                                           kd.need.copy(), False, {})
                if (relax.weighted, relax.units_used) != (weighted, used):
                    proven = False
                    log.info("kind %s: mixed classes, relaxation %s vs found %s", kind,
                             (relax.weighted, relax.units_used), (weighted, used))
        covered_total += weighted
        for li in np.flatnonzero(need_rem > 0):
            uncovered.append((posts[int(idx[li])].id, kind, int(need_rem[li])))
    # Assemble visits with times and distances.
    out_routes: list[tuple[str, tuple[Visit, ...]]] = []
    total_km = 0.0
    for uid in sorted(routes):
        u = unit_kind[uid]
        seq = sorted(routes[uid], key=lambda i: posts[i].open)
        visits = []
        plat, plon, pt = u.lat, u.lon, float(u.ready)
        for i in seq:
            p = posts[i]
            km = float(haversine_km(plat, plon, p.lat, p.lon))
            arrive = pt + float(travel_seconds(km, detour, u.speed_kmh))
            visits.append(Visit(p.id, u.kind, arrive, p.close, km))
            total_km += km
            plat, plon, pt = p.lat, p.lon, float(p.close)
        out_routes.append((uid, tuple(visits)))
    uncovered.sort(key=lambda x: (x[0], x[1]))
    stats["wall_s"] = time.perf_counter() - t_start
    status = "optimal" if proven else "feasible"
    log.info("posts solved: %s, %d units, covered %d/%d in %.2fs", status, len(out_routes), covered_total,
             required_total, stats["wall_s"])
    return Solution(status, len(out_routes), lower, covered_total, required_total, total_km, tuple(out_routes),
                    tuple(uncovered), stats)
