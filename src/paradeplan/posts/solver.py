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

Only reachability along a timeline matters (entry at ``τ`` reaches the cell's exits at ``τ' ≥ τ``), so a timeline
node stands for a run "entries, then exits" of the cell's time-sorted events rather than for one distinct time
(:func:`_timeline_nodes`: same reachability, chains several times shorter on dense grids), and nodes also get arcs
16, 256, … nodes ahead. Those arcs lie in the chain's closure and, like it, are free and uncapacitated, so every flow
value and cost is unchanged; they only shorten the paths cost scaling must relabel along.

Objectives
----------
Stage A, usual case: posts no group can reach directly by their open are set aside (a chain never arrives sooner than
going straight). A maximum flow over the post-to-post network alone gives the most links ``M`` between reachable
unit-slots. Post slots (as predecessors) and units (as chain starts) are the ground set of a gammoid, so when all
``R`` reachable slots can be covered, a full cover extending those ``M`` links exists and uses exactly ``R - M``
units, the minimum. A second maximum flow with at most ``R - M`` chain starts (depot counts as capacities) confirms
it and yields the cover: objectives (1) and (2) proven without a min-cost flow (:func:`_fast_cover`).

Stage A, units short: min-cost flow with cost ``-W·priority`` per covered unit of need (``W`` = number of units + 1)
and ``+1`` per unit leaving its group: exactly the lexicographic optimum of (1) coverage and (2) units. Stage B: the
covered amount of every post and the number of units are fixed and distance in metres is minimised (any group may
supply the units); direct arcs cost their exact length, hub paths are costed by the entry distance to the cell centre
(an estimate), so (3) is heuristic when hubs are used. The per-kind lower bound is the Dilworth minimum chain cover of
all the kind's need at the kind's top speed, starting anywhere at any time: the need minus a maximum flow of links.

Several classes in one kind (mixed speeds or binding ``until``) are solved class by class (fastest, latest first);
the result is reported ``optimal`` only when it matches the relaxation where every unit of the kind has the top speed
and the latest ``until``.

Slack objective: the largest threshold ``τ`` (whole seconds) keeping the maximum coverage is searched kind by kind,
smallest kind first, each search capped at the least threshold found so far (the solution's smallest slack is the
least over the kinds, and coverage is monotone in ``τ``, so capping changes nothing). The search keeps stage A's
network and flows at its best threshold; the final solve at the threshold found finishes from them (they are what it
would build and compute again), and otherwise rebuilds.
"""

from __future__ import annotations

import logging
import math
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
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
    open: int = 0
    """The post's open (slack = open − arrive)."""

    @property
    def slack_s(self) -> int:
        """Whole seconds between arriving and having to hold the post (``open − arrive``, rounded down)."""
        return int(math.floor(self.open - self.arrive + 1e-6))


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
    objective: str = "units"

    @property
    def min_slack_s(self) -> int | None:
        """The smallest slack over all assignments (None when nothing is assigned)."""
        return min((v.slack_s for _, visits in self.routes for v in visits), default=None)


from paradeplan.posts.network import Moves as _Moves  # noqa: E402
from paradeplan.posts.network import Sparse as _Sparse  # noqa: E402
from paradeplan.posts.network import build_dense as _build_dense  # noqa: E402
from paradeplan.posts.network import build_sparse as _build_sparse  # noqa: E402

STAGE_B_MAX_ARCS = 250_000
"""Above this many arcs the distance stage is skipped (cost scaling on metre costs gets slow)."""



def _mcf(tails: IArr, heads: IArr, caps: IArr, costs: IArr, supplies: IArr) -> tuple[int, IArr]:
    from ortools.graph.python import min_cost_flow

    smcf = min_cost_flow.SimpleMinCostFlow()
    arcs = smcf.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    smcf.set_nodes_supplies(np.arange(len(supplies), dtype=np.int64), supplies)
    status = smcf.solve()
    if status != smcf.OPTIMAL:
        raise RuntimeError(f"min-cost flow failed with status {status}")
    return int(smcf.optimal_cost()), np.asarray(smcf.flows(arcs), dtype=np.int64)


def _max_flow(tails: IArr, heads: IArr, caps: IArr, source: int, sink: int) -> tuple[int, IArr]:
    from ortools.graph.python import max_flow

    smf = max_flow.SimpleMaxFlow()
    arcs = smf.add_arcs_with_capacity(tails, heads, caps)
    status = smf.solve(source, sink)
    if status != smf.OPTIMAL:
        raise RuntimeError(f"max flow failed with status {status}")
    return int(smf.optimal_flow()), np.asarray(smf.flows(arcs), dtype=np.int64)


@dataclass
class _KindData:
    kind: str
    ids: list[str]  # post ids
    idx: IArr  # instance post indices
    lat: FArr
    lon: FArr
    open: IArr
    close: IArr
    need: IArr
    prio: IArr


@dataclass
class _ClassResult:
    covered_by_post: IArr
    paths: list[tuple[str, list[int]]]  # unit id, local post indices
    units_used: int
    weighted: int
    links: int | None = None  # most links between reachable slots, when every slot of need_rem is reachable
    fast: bool = False  # stage A was decided by the two maximum flows (every reachable slot covered)


def _mcf_until(
    deadline: float | None,
    tails: IArr,
    heads: IArr,
    caps: IArr,
    costs: IArr,
    supplies: IArr,
    meanwhile: Callable[[], object] | None = None,
) -> IArr | None:
    """Min-cost flow, or ``None`` when it cannot finish by ``deadline`` (OR-Tools' flow cannot be interrupted).

    Without a deadline it runs in this process. With one it runs in a child Python process
    (:mod:`paradeplan.posts.flowproc`) that is killed at the deadline, so ``--time-limit`` holds even on instances
    where the exact flow takes minutes; ``meanwhile`` (the fallback) is computed here while the child works.
    """
    if deadline is None:
        return _mcf(tails, heads, caps, costs, supplies)[1]
    if time.perf_counter() >= deadline:
        if meanwhile is not None:
            meanwhile()
        return None
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory(prefix="paradeplan-flow-") as tmp:
        src, dst = Path(tmp) / "in.npz", Path(tmp) / "out.npy"
        np.savez(src, tails=tails, heads=heads, caps=caps, costs=costs, supplies=supplies)
        proc = subprocess.Popen(
            [sys.executable, "-m", "paradeplan.posts.flowproc", str(src), str(dst)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            if meanwhile is not None:
                meanwhile()
            _, err = proc.communicate(timeout=max(0.0, deadline - time.perf_counter()))
        except subprocess.TimeoutExpired:
            log.info("min-cost flow stopped at the time limit")
            return None
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
        if proc.returncode != 0:
            raise RuntimeError(
                f"min-cost flow process failed (exit {proc.returncode}): {err.decode(errors='replace')[-2000:]}"
            )
        return np.asarray(np.load(dst, allow_pickle=False), dtype=np.int64)


def _greedy_class(
    kd: _KindData, units: list[Unit], speed: float, until: float, moves: _Moves, need_rem: IArr, tau: float = 0.0
) -> _ClassResult:
    """Best-fit heuristic used when the time limit stops the exact flow: a feasible cover, not proven optimal.

    Slots are taken by open time, higher priority first; each goes to the used unit that is free latest yet still
    arrives by the open, else to the fresh unit that arrives earliest.
    """
    n_all = len(kd.idx)
    ulist = sorted(units, key=lambda u: u.id)
    lat = np.array([u.lat for u in ulist], dtype=np.float64)
    lon = np.array([u.lon for u in ulist], dtype=np.float64)
    free = np.array([float(u.ready) + tau for u in ulist], dtype=np.float64)
    at = [u.id for u in ulist]  # where each unit is: its start (unit id) or its last post
    touched = np.zeros(len(ulist), dtype=bool)
    paths: list[list[int]] = [[] for _ in ulist]
    covered = np.zeros(n_all, dtype=np.int64)
    active = np.flatnonzero((kd.close <= until) & (need_rem > 0))
    order = active[np.lexsort((active, -kd.prio[active], kd.open[active]))]
    for i in order:
        for _ in range(int(need_rem[i])):
            # every unit's move to post i at once (the formula; the street table where it lists the move)
            secs = travel_seconds(haversine_km(lat, lon, kd.lat[i], kd.lon[i]), moves.detour, speed)
            if moves.table:
                for j, place in enumerate(at):
                    listed = moves.table.get(place, {}).get(kd.ids[i])
                    if listed is not None:
                        secs[j] = float(listed)
            arrive = free + secs
            ok = arrive <= kd.open[i]  # a unit already here is busy until the close, after the open
            if not ok.any():
                break
            reuse = np.flatnonzero(ok & touched)
            if len(reuse):
                j = int(reuse[np.argmax(free[reuse])])
            else:
                fresh = np.flatnonzero(ok)
                j = int(fresh[np.argmin(arrive[fresh])])
            lat[j], lon[j], free[j] = kd.lat[i], kd.lon[i], float(kd.close[i]) + tau
            at[j] = kd.ids[i]
            touched[j] = True
            paths[j].append(int(i))
            covered[i] += 1
    used = [(ulist[j].id, paths[j]) for j in np.flatnonzero(touched)]
    return _ClassResult(covered, used, len(used), int((covered * kd.prio).sum()))


def _max_links(sp: _Sparse, need: IArr, n_src_posts: int) -> int:
    """Most predecessor links between the posts' unit-slots: a maximum b-matching on the compatibility closure.

    Each unit of flow ``S → out(A) → … → in(B) → T`` is one unit leaving post A for post B. By Dilworth/König the
    fewest chains covering all need is ``need.sum() - links``.
    """
    n = len(need)
    if n == 0 or int(need.sum()) == 0:
        return 0
    S, T = 0, 1
    p_in = 2 + np.arange(n, dtype=np.int64)
    p_out = 2 + n + np.arange(n, dtype=np.int64)
    hub0 = 2 + 2 * n
    md = sp.d_src < n_src_posts
    me = sp.e_src < n_src_posts
    tails = np.concatenate(
        [np.full(n, S), p_in, p_out[sp.d_src[md]], p_out[sp.e_src[me]], hub0 + sp.c_tail, hub0 + sp.x_node]
    ).astype(np.int64)
    heads = np.concatenate(
        [p_out, np.full(n, T), p_in[sp.d_tgt[md]], hub0 + sp.e_node[me], hub0 + sp.c_head, p_in[sp.x_tgt]]
    ).astype(np.int64)
    caps = np.full(len(tails), int(need.sum()), dtype=np.int64)
    caps[:n] = need
    caps[n : 2 * n] = need
    links, _ = _max_flow(tails, heads, caps, S, T)
    return links


def _lower_bound(kd: _KindData, sp: _Sparse, n_src_posts: int) -> int:
    """Dilworth bound: minimum number of chains covering all the kind's need, starting anywhere, any time."""
    return int(kd.need.sum()) - _max_links(sp, kd.need, n_src_posts)


def _reachable_by_arcs(sp: _Sparse, n: int) -> NDArray[np.bool_]:
    """Posts a chain from some group can reach, following the direct arcs (sources: posts ``< n``, then groups)."""
    ok = np.zeros(n, dtype=bool)
    if n == 0 or not len(sp.d_src):
        return ok
    from_group = sp.d_src >= n
    ok[sp.d_tgt[from_group]] = True
    post_arcs = ~from_group
    src, tgt = sp.d_src[post_arcs], sp.d_tgt[post_arcs]
    while True:
        more = ok.copy()
        more[tgt[ok[src]]] = True
        if (more == ok).all():
            return ok
        ok = more


def _reachable(
    gids: list[str],
    glat: FArr,
    glon: FArr,
    gready: FArr,
    pids: list[str],
    plat: FArr,
    plon: FArr,
    popen: IArr,
    moves: _Moves,
    speed: float,
) -> NDArray[np.bool_]:
    """Posts some group can reach directly by their open (a chain never reaches a post sooner than going straight).

    With a travel table this holds when the table's times keep the triangle inequality (street shortest paths do);
    it only sets aside posts before the exact flow, whose arcs are the table's times themselves.
    """
    ok = np.zeros(len(plat), dtype=bool)
    open_f = popen.astype(np.float64)
    step = max(1, 2_000_000 // max(len(plat), 1))
    for g0 in range(0, len(glat), step):
        sl = slice(g0, g0 + step)
        secs = moves.matrix(gids[sl], glat[sl], glon[sl], pids, plat, plon, speed)
        ok |= (gready[sl, None] + secs <= open_f[None, :]).any(axis=0)
    return ok


def _fast_cover(
    tails: IArr, heads: IArr, off: IArr, need_r: IArr, group_sizes: IArr, n_nodes: int, stats: dict[str, Any]
) -> tuple[IArr | None, int | None]:
    """Stage A by two maximum flows when every reachable slot can be covered; ``None`` when units are short.

    The left vertices of the bipartite network (post unit-slots as predecessors, units as chain starts) form a
    gammoid. A first flow with posts only gives the most links ``M``; if all ``R`` reachable slots can be covered at
    all, some basis extends those ``M`` links, so ``R - M`` units suffice and no fewer can do (each unit starts one
    chain). A second flow with at most ``R - M`` chain starts checks that full coverage is possible under the
    depots' unit counts. Both objectives (1) and (2) are then proven optimal without a min-cost flow.
    """
    S, T = 0, 1
    n = len(need_r)
    G = len(group_sizes)
    total = int(need_r.sum())
    if total == 0:
        return None, None
    p_in = tails[off[2] : off[3]]
    p_out = tails[off[3] : off[4]]
    g_node = heads[off[1] : off[2]]
    gstar = n_nodes
    shared_t, shared_h = tails[off[4] :], heads[off[4] :]
    bt = np.concatenate([np.full(n, S), p_in, np.full(G, gstar), [S], shared_t]).astype(np.int64)
    bh = np.concatenate([p_out, np.full(n, T), g_node, [gstar], shared_h]).astype(np.int64)
    caps = np.full(len(bt), total, dtype=np.int64)
    caps[:n] = need_r
    caps[n : 2 * n] = need_r
    caps[2 * n : 2 * n + G] = group_sizes
    caps[2 * n + G] = 0
    t0 = time.perf_counter()
    links, _ = _max_flow(bt, bh, caps, S, T)
    starts = total - links
    if starts > int(group_sizes.sum()):
        stats["flow_a_s"] = stats.get("flow_a_s", 0.0) + time.perf_counter() - t0
        return None, links
    caps[2 * n + G] = starts
    got, fb = _max_flow(bt, bh, caps, S, T)
    stats["flow_a_s"] = stats.get("flow_a_s", 0.0) + time.perf_counter() - t0
    if got < total:
        return None, links
    flows = np.zeros(len(tails), dtype=np.int64)
    flows[0] = int(group_sizes.sum()) - starts
    flows[off[1] : off[2]] = fb[2 * n : 2 * n + G]
    flows[off[2] : off[3]] = need_r
    flows[off[3] : off[4]] = need_r - fb[:n]
    flows[off[4] :] = fb[2 * n + G + 1 :]
    stats["stage_a"] = "max-flow"
    return flows, links


@dataclass
class _StageA:
    """A class's network and stage-A flows at one slack threshold, kept by the slack search so that the final
    solve at the threshold it found finishes from them instead of building the same network and flows again."""

    sp: _Sparse
    reach: NDArray[np.bool_]
    flow_arcs: IArr
    """Indices of the arcs with flow (stage A's flows are sparse: a few per used unit and covered post)."""
    flow_vals: IArr
    links: int | None
    fast: bool
    label: str


Kept = dict[tuple[float, float, float, bytes], _StageA]
"""Stage-A results of one kind by (speed, until, slack threshold, remaining need)."""


def _solve_class(
    kd: _KindData,
    units: list[Unit],
    speed: float,
    until: float,
    moves: _Moves,
    need_rem: IArr,
    deadline: float | None,
    stats: dict[str, Any],
    *,
    tau: float = 0.0,
    spread: bool = False,
    decide_only: bool = False,
    fast_only: bool = False,
    kept: Kept | None = None,
) -> tuple[_ClassResult, _Sparse, int]:
    """Stage A (coverage, units) and stage B (distance) for one class of interchangeable-speed units.

    Every move (from a unit's start or a post's close to the next post) must leave ``tau`` seconds of slack before
    the post opens. ``spread`` replaces "fewest units" by "most units" (fewest leapfrogs, the fleet shares the
    posts); ``decide_only`` stops after stage A (only the coverage is wanted, e.g. while searching the slack);
    ``fast_only`` (with ``decide_only``) answers a coverage of -1 instead of running a min-cost flow when the two
    maximum flows cannot cover every reachable slot.

    With a ``deadline`` (``time.perf_counter()`` seconds) a min-cost flow still running then is stopped and the class
    is covered by :func:`_greedy_class` instead (``stats["timed_out"]`` is set); the distance stage is skipped once
    the deadline has passed.

    ``kept``: with ``decide_only``, stage A's network and flows are stored there; otherwise an entry for the same
    class, threshold and remaining need is used instead of building and solving them again (the same arrays the
    same code would produce; with ``spread`` only the network is reused, its stage A differs).
    """
    n_all = len(kd.idx)
    active = np.flatnonzero((kd.close <= until) & (need_rem > 0))
    groups: dict[tuple[float, float, int, tuple[tuple[str, int], ...]], list[str]] = defaultdict(list)
    for u in units:
        groups[(u.lat, u.lon, u.ready, moves.row_key(u.id))].append(u.id)
    gkeys = sorted(groups, key=lambda k: (k[2], k[0], k[1], min(groups[k])))
    gunits = [sorted(groups[k]) for k in gkeys]
    gids = [g[0] for g in gunits]
    G = len(gkeys)
    n = len(active)
    pids = [kd.ids[i] for i in active]
    sl = np.concatenate([kd.lat[active], np.array([k[0] for k in gkeys], dtype=np.float64)])
    so = np.concatenate([kd.lon[active], np.array([k[1] for k in gkeys], dtype=np.float64)])
    stt = np.concatenate([kd.close[active].astype(np.float64), np.array([k[2] for k in gkeys], dtype=np.float64)])
    stt = stt + tau
    key = (speed, until, tau, need_rem.tobytes())
    prior = None if kept is None or decide_only else kept.get(key)
    if prior is not None:
        sp = prior.sp
    elif moves.table:
        sp = _build_dense(pids + gids, sl, so, stt, pids, kd.lat[active], kd.lon[active], kd.open[active], moves, speed)
    else:
        sp = _build_sparse(sl, so, stt, kd.lat[active], kd.lon[active], kd.open[active], moves.detour, speed)
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
    blocks_t = [
        np.array([S]),
        np.full(G, S),
        p_in,
        p_out,
        src_node[sp.d_src],
        src_node[sp.e_src],
        hub0 + sp.c_tail,
        hub0 + sp.x_node,
    ]
    blocks_h = [
        np.array([T]),
        g_node,
        p_out,
        np.full(n, T),
        p_in[sp.d_tgt],
        hub0 + sp.e_node,
        hub0 + sp.c_head,
        p_in[sp.x_tgt],
    ]
    sizes = [len(b) for b in blocks_t]
    off = np.concatenate([[0], np.cumsum(sizes)])
    tails = np.concatenate(blocks_t).astype(np.int64)
    heads = np.concatenate(blocks_h).astype(np.int64)
    caps = np.full(len(tails), big, dtype=np.int64)
    caps[off[1] : off[2]] = [len(g) for g in gunits]
    caps[off[2] : off[3]] = need
    caps[off[3] : off[4]] = need
    costs = np.zeros(len(tails), dtype=np.int64)
    W = n_units + 1
    costs[off[1] : off[2]] = -1 if spread else 1
    costs[off[2] : off[3]] = -W * prio
    n_nodes = hub0 + sp.n_hub
    sup = np.zeros(n_nodes, dtype=np.int64)
    sup[S], sup[T] = n_units, -n_units
    if prior is not None:
        reach = prior.reach
    elif moves.table:
        reach = _reachable_by_arcs(sp, n)
    else:
        reach = _reachable(
            gids,
            np.array([k[0] for k in gkeys], dtype=np.float64),
            np.array([k[1] for k in gkeys], dtype=np.float64),
            np.array([k[2] for k in gkeys], dtype=np.float64) + tau,
            pids,
            kd.lat[active],
            kd.lon[active],
            kd.open[active],
            moves,
            speed,
        )
    got: IArr | None = None
    if prior is not None and not spread:
        got = np.zeros(len(tails), dtype=np.int64)
        got[prior.flow_arcs] = prior.flow_vals
        fast, links = (got, prior.links) if prior.fast else (None, None)
        stats["stage_a"] = prior.label
        stats["stage_a_reused"] = stats.get("stage_a_reused", 0) + 1
    else:
        fast, links = (
            (None, None)
            if spread
            else _fast_cover(
                tails, heads, off, need * reach, np.array([len(g) for g in gunits], dtype=np.int64), n_nodes, stats
            )
        )
    if fast is not None:
        flows = fast
    elif got is not None:
        flows = got
    elif decide_only and fast_only:
        return _ClassResult(np.zeros(n_all, dtype=np.int64), [], 0, -1), sp, n
    else:
        t0 = time.perf_counter()
        fallback: list[_ClassResult] = []
        got = _mcf_until(
            deadline,
            tails,
            heads,
            caps,
            costs,
            sup,
            lambda: fallback.append(_greedy_class(kd, units, speed, until, moves, need_rem, tau)),
        )
        stats["flow_a_s"] = stats.get("flow_a_s", 0.0) + time.perf_counter() - t0
        if got is None:
            stats["timed_out"] = True
            stats["stage_a"] = "greedy (time limit)"
            return fallback[0], sp, n
        flows = got
        stats["stage_a"] = "min-cost-flow"
    do_distance = deadline is None or time.perf_counter() < deadline
    cover = flows[off[2] : off[3]]
    used_g = flows[off[1] : off[2]]
    K = int(used_g.sum())
    if decide_only:
        if kept is not None:
            nz = np.flatnonzero(flows)
            kept[key] = _StageA(
                sp, reach, nz, flows[nz], links, fast is not None, "max-flow" if fast is not None else "min-cost-flow"
            )
        covered_only = np.zeros(n_all, dtype=np.int64)
        covered_only[active] = cover
        return _ClassResult(covered_only, [], K, int((cover * prio).sum()), fast=fast is not None), sp, n
    stats["distance_stage"] = bool(do_distance and K and len(tails) <= STAGE_B_MAX_ARCS)
    if stats["distance_stage"]:
        # Stage B: fix each post's cover and the number of units (any group may supply them); minimise metres.
        keep = np.ones(len(tails), dtype=bool)
        keep[0] = False
        keep[off[2] : off[3]] = False
        caps_b = caps.copy()
        caps_b[off[3] : off[4]] = cover
        costs_b = np.zeros(len(tails), dtype=np.int64)
        costs_b[off[4] : off[5]] = np.rint(sp.d_km * (1000.0 / DIST_UNIT_M)).astype(np.int64)
        costs_b[off[5] : off[6]] = np.rint(sp.e_km * (1000.0 / DIST_UNIT_M)).astype(np.int64)
        sup_b = np.zeros(n_nodes, dtype=np.int64)
        sup_b[S], sup_b[T] = K, -K
        sup_b[p_in] -= cover
        sup_b[p_out] += cover
        t0 = time.perf_counter()
        _, fb = _mcf(tails[keep], heads[keep], caps_b[keep], costs_b[keep], sup_b)
        stats["flow_b_s"] = stats.get("flow_b_s", 0.0) + time.perf_counter() - t0
        flows = np.zeros(len(tails), dtype=np.int64)
        flows[keep] = fb
        flows[off[2] : off[3]] = cover
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
    all_reach = bool(reach.all()) and n == int((need_rem > 0).sum())
    return _ClassResult(covered_by_post, paths, K, weighted, links if all_reach else None, fast is not None), sp, n


def _kind_data(instance: Instance, kind: str) -> _KindData | None:
    posts = instance.posts
    idx = np.array([i for i, p in enumerate(posts) if p.need_of(kind) > 0], dtype=np.int64)
    if not len(idx):
        return None
    return _KindData(
        kind,
        [posts[i].id for i in idx],
        idx,
        np.array([posts[i].lat for i in idx], dtype=np.float64),
        np.array([posts[i].lon for i in idx], dtype=np.float64),
        np.array([posts[i].open for i in idx], dtype=np.int64),
        np.array([posts[i].close for i in idx], dtype=np.int64),
        np.array([posts[i].need_of(kind) for i in idx], dtype=np.int64),
        np.array([posts[i].priority for i in idx], dtype=np.int64),
    )


@dataclass
class _KindResult:
    weighted: int
    used: int
    need_rem: IArr
    paths: list[tuple[str, list[int]]]
    top: tuple[_Sparse, int, int | None] | None
    """(sparse network, active posts, most links) of the single unbounded top-speed class, to reuse for the bound."""
    fast: bool = False
    """One class, decided by the two maximum flows."""


def _cover_kind(
    kd: _KindData,
    classes: dict[tuple[float, float], list[Unit]],
    moves: _Moves,
    deadline: float | None,
    stats: dict[str, Any],
    *,
    tau: float = 0.0,
    spread: bool = False,
    decide_only: bool = False,
    fast_only: bool = False,
    kept: Kept | None = None,
) -> _KindResult:
    """Cover one kind's need class by class (fastest, latest-free units first) with ``tau`` seconds of slack
    (``kept``: stage-A results stored or reused, see :func:`_solve_class`)."""
    top_speed = max(c[0] for c in classes)
    need_rem = kd.need.copy()
    weighted = used = 0
    paths: list[tuple[str, list[int]]] = []
    top: tuple[_Sparse, int, int | None] | None = None
    fast = len(classes) == 1
    for ck in sorted(classes, key=lambda c: (-c[0], -c[1])):
        res, sp, n_act = _solve_class(
            kd,
            classes[ck],
            ck[0],
            ck[1],
            moves,
            need_rem,
            deadline,
            stats,
            tau=tau,
            spread=spread,
            decide_only=decide_only,
            fast_only=fast_only and fast,
            kept=kept,
        )
        fast = fast and res.fast
        if ck == (top_speed, math.inf) and n_act == len(kd.idx) and len(classes) == 1:
            top = (sp, n_act, res.links)
        need_rem = need_rem - res.covered_by_post
        weighted += res.weighted
        used += res.units_used
        paths.extend((uid, [int(kd.idx[i]) for i in seq]) for uid, seq in res.paths)
    return _KindResult(weighted, used, need_rem, paths, top, fast)


def _slack_bound(kd: _KindData, kunits: list[Unit], moves: _Moves, every_reachable: bool = False) -> int:
    """An upper bound on the smallest slack: a post's slack is at most its open minus the earliest arrival from any
    start (a chain arrives no sooner than going straight). When every post some start can reach is covered
    (``every_reachable``), the smallest slack is at most the least of these; else at most the largest."""
    if not kunits:
        return 0
    if moves.table:  # a table need not keep the triangle inequality: a chain may arrive sooner than going straight
        return int(kd.open.max() - min(u.ready for u in kunits)) + 1
    starts: dict[tuple[float, float, int], Unit] = {}
    for u in kunits:
        starts.setdefault((u.lat, u.lon, u.ready), u)
    reps = list(starts.values())
    earliest = np.full(len(kd.ids), np.inf)
    speed = max(u.speed_kmh for u in kunits)
    step = max(1, 2_000_000 // max(len(kd.ids), 1))
    for g0 in range(0, len(reps), step):
        part = reps[g0 : g0 + step]
        secs = moves.matrix(
            [u.id for u in part],
            np.array([u.lat for u in part]),
            np.array([u.lon for u in part]),
            kd.ids,
            kd.lat,
            kd.lon,
            speed,
        )
        earliest = np.minimum(earliest, (np.array([float(u.ready) for u in part])[:, None] + secs).min(axis=0))
    room = kd.open - earliest
    if every_reachable:
        reachable = np.isfinite(earliest) & (room >= 0)
        if reachable.any():
            return max(0, int(math.floor(float(room[reachable].min()) + 1e-6)))
    return max(0, int(math.ceil(float(room.max())))) + 1


def _max_slack(
    kd: _KindData,
    classes: dict[tuple[float, float], list[Unit]],
    kunits: list[Unit],
    moves: _Moves,
    stats: dict[str, Any],
    kept: Kept | None = None,
    cap: int | None = None,
) -> tuple[int, int]:
    """The largest whole-second slack every move can keep while the kind's coverage stays its maximum (at most
    ``cap``: the smallest slack of the whole solution is the least over the kinds, so once one kind is known to
    allow only ``cap`` seconds the others need not be searched above it).

    Coverage only falls as the slack threshold grows (each threshold's compatible moves are a subset of the
    previous one's), so a binary search over whole seconds with the exact coverage test finds the optimum.

    Parameters
    ----------
    kept : dict, optional
        Filled with the stage-A results (network and flows) at the threshold returned, for the final solve to
        finish from; only the best threshold so far is held, so at most two networks are alive at a time.

    Returns
    -------
    (int, int)
        The threshold, and the coverage it keeps.
    """
    first = _cover_kind(kd, classes, moves, None, stats, decide_only=True, kept=kept)
    best = first.weighted
    steps = 0

    def keeps(tau: int) -> bool:
        nonlocal steps
        steps += 1
        # when every reachable slot was covered by the two maximum flows, a threshold that needs a min-cost flow
        # has already lost coverage: no need to run it
        got = _cover_kind(
            kd, classes, moves, None, stats, tau=float(tau), decide_only=True, fast_only=first.fast, kept=kept
        )
        ok = got.weighted >= best
        if kept is not None:  # hold the best threshold's results only
            for key in [k for k in kept if (k[2] == tau) != ok]:
                del kept[key]
        return ok

    # the bound first (often it is the answer: the post least reachable from any start), then an exponential
    # search (slack is often small: few steps) and bisection between the last two thresholds
    lo, hi_cap = 0, _slack_bound(kd, kunits, moves, every_reachable=first.fast)
    if cap is not None:
        hi_cap = min(hi_cap, cap)
    if hi_cap > 0 and keeps(hi_cap):
        stats["slack_steps"] = stats.get("slack_steps", 0) + steps
        return hi_cap, best
    hi_cap -= 1
    probe = 1
    while probe <= hi_cap and keeps(probe):
        lo, probe = probe, probe * 2
    hi = min(probe - 1, hi_cap)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if keeps(mid):
            lo = mid
        else:
            hi = mid - 1
    stats["slack_steps"] = stats.get("slack_steps", 0) + steps
    return lo, best


def solve(instance: Instance, time_limit: float | None = None, *, spread: bool = False) -> Solution:
    """Solve a post-scheduling instance lexicographically by its objective.

    ``units`` (the default): (1) coverage weighted by priority, (2) fewest units, (3) least distance. ``slack``:
    (1) coverage, (2) the largest smallest slack (found exactly: a binary search over whole seconds, each step the
    exact coverage test), (3) fewest units, (4) least distance.

    Parameters
    ----------
    instance : Instance
        A validated instance.
    time_limit : float, optional
        Seconds. The maximum-flow path (units to spare) always finishes, in seconds even at city scale. A
        min-cost flow (units short, or depots' unit counts binding) still running at the limit is stopped and that
        class gets a best-fit greedy cover; past the limit the distance stage and the optimality proof of mixed-speed
        kinds are skipped. The status is then ``feasible``; lower bounds are always computed (max flows, cheap). The
        slack search runs to the end (it is made of the same flows), and the final solve finishes from its
        flows where its threshold is the solution's, so those kinds stay proven.
    spread : bool
        With the ``slack`` objective, replace (3) by the most units (fewest leapfrogs per unit: the fleet shares the
        posts; units left without a post are spare). Not part of the posts/1 contract: paradeplan's own plans use it.

    Returns
    -------
    Solution
        The schedule, deterministic for a given instance.
    """
    t_start = time.perf_counter()
    deadline = None if time_limit is None else t_start + time_limit
    moves = _Moves(instance)
    slack = instance.objective == "slack"
    posts = instance.posts
    stats: dict[str, Any] = {}
    lower: dict[str, int] = {}
    routes: dict[str, list[int]] = {}
    unit_kind: dict[str, Unit] = {u.id: u for u in instance.units}
    uncovered: list[tuple[str, str, int]] = []
    proven = True
    covered_total = 0
    required_total = 0
    plan: list[tuple[_KindData, list[Unit], dict[tuple[float, float], list[Unit]]]] = []
    for kind in instance.kinds:
        kd = _kind_data(instance, kind)
        if kd is None:
            continue
        kunits = sorted((u for u in instance.units if u.kind == kind), key=lambda u: u.id)
        max_close = int(kd.close.max())
        classes: dict[tuple[float, float], list[Unit]] = defaultdict(list)
        for u in kunits:
            classes[(u.speed_kmh, float(u.until) if u.until < max_close else math.inf)].append(u)
        plan.append((kd, kunits, classes))
    tau = 0
    kept: dict[str, Kept] = {}
    if slack:
        # smallest kinds first: their threshold caps the search of the larger ones
        cap: int | None = None
        for kd, kunits, classes in sorted(plan, key=lambda k: (int(k[0].need.sum()), k[0].kind)):
            if classes:
                got, _ = _max_slack(kd, classes, kunits, moves, stats, kept=kept.setdefault(kd.kind, {}), cap=cap)
                cap = got if cap is None else min(cap, got)
        tau = cap or 0
        for by_key in kept.values():  # a kind whose own best threshold is higher is solved again at ``tau``
            for key in [k for k in by_key if k[2] != float(tau)]:
                del by_key[key]
        stats["min_slack_s"] = tau
    for kd, kunits, classes in plan:
        required_total += int((kd.need * kd.prio).sum())
        top_speed = max((u.speed_kmh for u in kunits), default=30.0)
        if classes:
            res = _cover_kind(
                kd,
                classes,
                moves,
                deadline,
                stats,
                tau=float(tau),
                spread=spread and slack,
                kept=kept.pop(kd.kind, None),
            )
        else:
            res = _KindResult(0, 0, kd.need.copy(), [], None)
        for uid, seq in res.paths:
            routes[uid] = seq
        if res.top is not None and tau == 0:
            # the class network at no slack holds the bound's network: its post-to-post part is built from the same
            # posts, times and speed (the units' entries only add exits that no post entry reaches)
            sp, n_act, links = res.top
            lower[kd.kind] = int(kd.need.sum()) - (links if links is not None else _max_links(sp, kd.need, n_act))
        else:
            sp_top = (
                _build_dense(
                    kd.ids,
                    kd.lat,
                    kd.lon,
                    kd.close.astype(np.float64),
                    kd.ids,
                    kd.lat,
                    kd.lon,
                    kd.open,
                    moves,
                    top_speed,
                )
                if moves.table
                else _build_sparse(
                    kd.lat, kd.lon, kd.close.astype(np.float64), kd.lat, kd.lon, kd.open, moves.detour, top_speed
                )
            )
            lower[kd.kind] = _lower_bound(kd, sp_top, len(kd.idx))
        if len(classes) > 1:
            if deadline is not None and time.perf_counter() >= deadline:
                proven = False
            else:
                merged = [Unit(u.id, u.kind, top_speed, u.lat, u.lon, u.ready, u.until) for u in kunits]
                rstats: dict[str, Any] = {}
                relax, _, _ = _solve_class(
                    kd,
                    merged,
                    top_speed,
                    max(c[1] for c in classes),
                    moves,
                    kd.need.copy(),
                    deadline,
                    rstats,
                    tau=float(tau),
                    spread=spread and slack,
                )
                if rstats.get("timed_out") or (relax.weighted, relax.units_used) != (res.weighted, res.used):
                    proven = False
                    log.info(
                        "kind %s: mixed classes, relaxation %s vs found %s",
                        kd.kind,
                        (relax.weighted, relax.units_used),
                        (res.weighted, res.used),
                    )
        covered_total += res.weighted
        for li in np.flatnonzero(res.need_rem > 0):
            uncovered.append((posts[int(kd.idx[li])].id, kd.kind, int(res.need_rem[li])))
    # Assemble visits with times and distances.
    out_routes: list[tuple[str, tuple[Visit, ...]]] = []
    total_km = 0.0
    for uid in sorted(routes):
        u = unit_kind[uid]
        seq = sorted(routes[uid], key=lambda i: posts[i].open)
        visits = []
        at, plat, plon, pt = u.id, u.lat, u.lon, float(u.ready)
        for i in seq:
            p = posts[i]
            km = float(haversine_km(plat, plon, p.lat, p.lon))
            arrive = pt + moves.one(at, plat, plon, p.id, p.lat, p.lon, u.speed_kmh)
            visits.append(Visit(p.id, u.kind, arrive, p.close, km, p.open))
            total_km += km
            at, plat, plon, pt = p.id, p.lat, p.lon, float(p.close)
        out_routes.append((uid, tuple(visits)))
    uncovered.sort(key=lambda x: (x[0], x[1]))
    stats["wall_s"] = time.perf_counter() - t_start
    status = "optimal" if proven and not stats.get("timed_out") else "feasible"
    log.info(
        "posts solved (%s): %s, %d units, covered %d/%d in %.2fs",
        instance.objective,
        status,
        len(out_routes),
        covered_total,
        required_total,
        stats["wall_s"],
    )
    return Solution(
        status,
        len(out_routes),
        lower,
        covered_total,
        required_total,
        total_km,
        tuple(out_routes),
        tuple(uncovered),
        stats,
        instance.objective,
    )
