"""Cover one kind class by class: each class's network, stage A, stage B and unit paths, in the solver's order.

Units of one kind only serve that kind, so every kind is solved on its own. Inside a kind, units are grouped into
*classes* of equal speed and equal effective ``until`` (an ``until`` later than every close of the kind does not bind).
Inside a class, units that share start point, ``ready`` and listed travel times are interchangeable and form one
*group*. Several classes in one kind are covered one after the other (fastest, latest first), each on what the
earlier ones left; the solver reports the kind ``optimal`` only when that matches the relaxation where every unit of
the kind has the top speed and the latest ``until``.

Every move (from a unit's start or a post's close to the next post) must leave ``tau`` seconds of slack before the
post opens: the network is built with every source's free time ``tau`` seconds later, which is the same relation.

The slack search (:mod:`paradeplan.posts.slack`) keeps stage A's network and flows at its best threshold
(:class:`StageA`, in a :data:`Kept`); the final solve at the same class, threshold and remaining need finishes from
them: they are the arrays the same code would build and compute again.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from paradeplan.posts import bounds, flows
from paradeplan.posts.greedy import greedy_class
from paradeplan.posts.instance import Unit
from paradeplan.posts.kind import ClassResult, KindData
from paradeplan.posts.network import Moves, Sparse, build_dense, build_sparse

IArr = NDArray[np.int64]
FArr = NDArray[np.float64]
Classes = dict[tuple[float, float], list[Unit]]
"""A kind's units by class: (speed, effective until) → units."""


@dataclass(frozen=True)
class StageA:
    """A class's network and stage-A flows at one slack threshold, kept by the slack search so that the final
    solve at the threshold it found finishes from them instead of building the same network and flows again."""

    sp: Sparse
    reach: NDArray[np.bool_]
    flow_arcs: IArr
    """Indices of the arcs with flow (stage A's flows are sparse: a few per used unit and covered post)."""
    flow_vals: IArr
    links: int | None
    fast: bool
    label: str


Kept = dict[tuple[float, float, float, bytes], StageA]
"""Stage-A results of one kind by (speed, until, slack threshold, remaining need)."""


@dataclass(frozen=True)
class ClassTask:
    """One class to cover: its units (one speed, one effective until), the need left, the slack threshold ``tau``
    and what is wanted.

    ``spread`` replaces "fewest units" by "most units" (fewest leapfrogs, the fleet shares the posts);
    ``decide_only`` stops after stage A (only the coverage is wanted, e.g. while searching the slack);
    ``fast_only`` (with ``decide_only``) answers a coverage of -1 instead of running a min-cost flow when the
    maximum flows cannot cover every reachable slot.
    """

    kd: KindData
    units: list[Unit]
    speed: float
    until: float
    moves: Moves
    need_rem: IArr
    tau: float = 0.0
    spread: bool = False
    decide_only: bool = False
    fast_only: bool = False
    bound_links: bool = False
    """Also find the most links between all the active slots, reachable or not (the kind's lower bound reads them
    when the kind is one class)."""


@dataclass(frozen=True)
class Groups:
    """A class's start groups (interchangeable units) in a fixed order, and its active posts (local indices)."""

    keys: list[tuple[float, float, int, tuple[tuple[str, int], ...]]]
    units: list[list[str]]
    active: IArr

    @property
    def sizes(self) -> IArr:
        """Units per group."""
        return np.array([len(g) for g in self.units], dtype=np.int64)

    def starts(self, tau: float) -> tuple[list[str], FArr, FArr, FArr]:
        """The groups as sources: ids, lat, lon, free time (``ready + tau``)."""
        return (
            [g[0] for g in self.units],
            np.array([k[0] for k in self.keys], dtype=np.float64),
            np.array([k[1] for k in self.keys], dtype=np.float64),
            np.array([k[2] for k in self.keys], dtype=np.float64) + tau,
        )


def groups_of(task: ClassTask) -> Groups:
    """Group the class's units by start, ready and listed travel times; the posts it may still cover."""
    kd = task.kd
    by_key: dict[tuple[float, float, int, tuple[tuple[str, int], ...]], list[str]] = defaultdict(list)
    for u in task.units:
        by_key[(u.lat, u.lon, u.ready, task.moves.row_key(u.id))].append(u.id)
    keys = sorted(by_key, key=lambda k: (k[2], k[0], k[1], min(by_key[k])))
    active = np.flatnonzero((kd.close <= task.until) & (task.need_rem > 0))
    return Groups(keys, [sorted(by_key[k]) for k in keys], active)


def class_sparse(task: ClassTask, grp: Groups) -> Sparse:
    """The class's compatibility network: sources are the active posts (free at close + tau), then the groups."""
    kd, a = task.kd, grp.active
    gids, glat, glon, gready = grp.starts(0.0)
    sl = np.concatenate([kd.lat[a], glat])
    so = np.concatenate([kd.lon[a], glon])
    stt = np.concatenate([kd.close[a].astype(np.float64), gready]) + task.tau
    if task.moves.table:
        pids = [kd.ids[i] for i in a]
        return build_dense(pids + gids, sl, so, stt, pids, kd.lat[a], kd.lon[a], kd.open[a], task.moves, task.speed)
    return build_sparse(sl, so, stt, kd.lat[a], kd.lon[a], kd.open[a], task.moves.detour, task.speed)


def class_reach(task: ClassTask, grp: Groups, sp: Sparse) -> NDArray[np.bool_]:
    """Active posts some group can reach (see :mod:`paradeplan.posts.bounds`)."""
    kd, a = task.kd, grp.active
    if task.moves.table:
        return bounds.reachable_by_arcs(sp, len(a))
    posts = ([kd.ids[i] for i in a], kd.lat[a], kd.lon[a], kd.open[a])
    return bounds.reachable(grp.starts(task.tau), posts, task.moves, task.speed)


def solve_class(
    task: ClassTask, deadline: float | None, stats: dict[str, Any], kept: Kept | None = None
) -> tuple[ClassResult, Sparse, int]:
    """Stage A (coverage, units) and stage B (distance) for one class: (result, its network, active posts).

    With a ``deadline`` (``time.perf_counter()`` seconds) a min-cost flow still running then is stopped and the class
    is covered by :func:`~paradeplan.posts.greedy.greedy_class` instead (``stats["timed_out"]`` is set); the distance
    stage is skipped once the deadline has passed. ``kept``: with ``decide_only``, stage A's network and flows are
    stored there; otherwise an entry for the same class, threshold and remaining need is used instead of building
    and solving them again (with ``spread`` only the network is reused, its stage A differs).
    """
    kd = task.kd
    grp = groups_of(task)
    key = (task.speed, task.until, task.tau, task.need_rem.tobytes())
    prior = None if kept is None or task.decide_only else kept.get(key)
    sp = prior.sp if prior is not None else class_sparse(task, grp)
    stats["arcs_direct"] = stats.get("arcs_direct", 0) + len(sp.d_src)
    stats["arcs_hub"] = stats.get("arcs_hub", 0) + sp.hub_arcs
    stats["arcs_max"] = max(stats.get("arcs_max", 0), len(sp.d_src) + sp.hub_arcs)
    n = len(grp.active)
    if n == 0 or not grp.keys:
        return ClassResult(np.zeros(len(kd.idx), dtype=np.int64), [], 0, 0), sp, n
    need, prio = task.need_rem[grp.active], kd.prio[grp.active]
    net = flows.class_network(sp, grp.sizes, need, prio, spread=task.spread)
    reach = prior.reach if prior is not None else class_reach(task, grp, sp)
    got = _stage_a(task, grp, net, sp, reach, prior, deadline, stats)
    if isinstance(got, ClassResult):
        return got, sp, n
    flow, links, fast = got
    cover = flow[net.off[2] : net.off[3]]
    K = int(flow[net.off[1] : net.off[2]].sum())
    covered = np.zeros(len(kd.idx), dtype=np.int64)
    covered[grp.active] = cover
    weighted = int((cover * prio).sum())
    every_active = n == int((task.need_rem > 0).sum())
    if task.decide_only:
        if kept is not None:
            nz = np.flatnonzero(flow)
            label = "max-flow" if fast else "min-cost-flow"
            kept[key] = StageA(sp, reach, nz, flow[nz], links, fast, label)
        return ClassResult(covered, [], K, weighted, links if every_active else None, fast), sp, n
    do_distance = deadline is None or time.perf_counter() < deadline
    stats["distance_stage"] = bool(do_distance and K and len(net.tails) <= flows.STAGE_B_MAX_ARCS and sp.has_km)
    if stats["distance_stage"]:
        flow = flows.distance_flows(net, sp, flow, stats)
    paths = [(uid, [int(grp.active[i]) for i in seq]) for uid, seq in flows.unit_paths(net, flow, grp.units)]
    return ClassResult(covered, paths, K, weighted, links if every_active else None, fast), sp, n


def _group_reach(task: ClassTask, grp: Groups) -> Callable[[IArr], NDArray[np.bool_]]:
    """Which group reaches which active posts (local positions) directly by their open: groups × posts."""

    def reach(posts: IArr) -> NDArray[np.bool_]:
        kd, a = task.kd, grp.active[posts]
        gids, glat, glon, gfree = grp.starts(task.tau)
        secs = task.moves.matrix(gids, glat, glon, [kd.ids[i] for i in a], kd.lat[a], kd.lon[a], task.speed)
        return np.asarray(gfree[:, None] + secs <= kd.open[a].astype(np.float64)[None, :], dtype=bool)

    return reach


def _early_links(task: ClassTask, grp: Groups) -> Callable[[IArr, IArr], int]:
    """Most links from the slots ``early`` (per active post) into the slots ``free`` (per active post) along
    compatible pairs of the class at its threshold, on a network of those posts alone (see
    :func:`paradeplan.posts.flows._bound_links`)."""

    def links(early: IArr, free: IArr) -> int:
        kd = task.kd
        src, tgt = np.flatnonzero(early > 0), np.flatnonzero(free > 0)
        a_s, a_t = grp.active[src], grp.active[tgt]
        free_t = kd.close[a_s].astype(np.float64) + task.tau
        sp = build_sparse(
            kd.lat[a_s], kd.lon[a_s], free_t, kd.lat[a_t], kd.lon[a_t], kd.open[a_t], task.moves.detour, task.speed
        )
        return bounds.max_links_between(sp, early[src], free[tgt])

    return links


def _stage_a(
    task: ClassTask,
    grp: Groups,
    net: flows.ClassNet,
    sp: Sparse,
    reach: NDArray[np.bool_],
    prior: StageA | None,
    deadline: float | None,
    stats: dict[str, Any],
) -> tuple[IArr, int | None, bool] | ClassResult:
    """Stage A's flows, most links between all the active slots (``None`` when unknown) and whether maximum flows
    decided it; or the class's result when it ends here (``fast_only`` with units short: coverage -1; a min-cost
    flow stopped by the deadline: the greedy cover). The links flow runs over the reachable slots; when some are
    unreachable, the links between all slots are found from it only with ``bound_links``."""
    if prior is not None and not task.spread:
        got = np.zeros(len(net.tails), dtype=np.int64)
        got[prior.flow_arcs] = prior.flow_vals
        stats["stage_a"] = prior.label
        stats["stage_a_reused"] = stats.get("stage_a_reused", 0) + 1
        return got, prior.links if prior.fast else None, prior.fast
    links: int | None = None
    if not task.spread:
        need_a = task.need_rem[grp.active]
        need_r = need_a * reach
        whole = bool(reach.all())
        reach_of = None if task.moves.table else _group_reach(task, grp)
        need_all = need_a if task.bound_links and not whole else None
        early = None if task.moves.table else _early_links(task, grp)
        fast, links = flows.fast_cover(
            net, sp, need_r, stats, group_reach=reach_of, need_all=need_all, early_links=early
        )
        if not whole and need_all is None:
            links = None
        if fast is not None:
            return fast, links, True
    if task.decide_only and task.fast_only:
        return ClassResult(np.zeros(len(task.kd.idx), dtype=np.int64), [], 0, -1)
    t0 = time.perf_counter()
    fallback: list[ClassResult] = []
    kd = task.kd

    def greedy() -> None:
        fallback.append(greedy_class(kd, task.units, task.speed, task.until, task.moves, task.need_rem, task.tau))

    got_mcf = flows.min_cost_flow_until(deadline, net, greedy)
    stats["flow_a_s"] = stats.get("flow_a_s", 0.0) + time.perf_counter() - t0
    if got_mcf is None:
        stats["timed_out"] = True
        stats["stage_a"] = "greedy (time limit)"
        return fallback[0]
    stats["stage_a"] = "min-cost-flow"
    return got_mcf, links, False


@dataclass(frozen=True)
class KindResult:
    """A kind covered: weighted coverage, units used, need left per post, each used unit's posts (instance
    indices), and the single top-speed class's (network, active posts, links) for the lower bound."""

    weighted: int
    used: int
    need_rem: IArr
    paths: list[tuple[str, list[int]]]
    top: tuple[Sparse, int, int | None] | None
    fast: bool = False
    """One class, decided by maximum flows."""


def cover_kind(
    kd: KindData,
    classes: Classes,
    moves: Moves,
    deadline: float | None,
    stats: dict[str, Any],
    *,
    tau: float = 0.0,
    spread: bool = False,
    decide_only: bool = False,
    fast_only: bool = False,
    kept: Kept | None = None,
) -> KindResult:
    """Cover one kind's need class by class (fastest, latest-free units first) with ``tau`` seconds of slack."""
    top_speed = max(c[0] for c in classes)
    need_rem = kd.need.copy()
    weighted = used = 0
    paths: list[tuple[str, list[int]]] = []
    top: tuple[Sparse, int, int | None] | None = None
    fast = len(classes) == 1
    # the kind's lower bound is read off the network at no slack only (see ``solver._lower_bound``, ``slack``)
    bound = fast and tau == 0.0
    base = ClassTask(kd, [], 0.0, 0.0, moves, need_rem, tau, spread, decide_only, fast_only and fast, bound_links=bound)
    for ck in sorted(classes, key=lambda c: (-c[0], -c[1])):
        task = replace(base, units=classes[ck], speed=ck[0], until=ck[1], need_rem=need_rem)
        res, sp, n_act = solve_class(task, deadline, stats, kept)
        fast = fast and res.fast
        if ck == (top_speed, math.inf) and n_act == len(kd.idx) and len(classes) == 1:
            top = (sp, n_act, res.links)
        need_rem = need_rem - res.covered_by_post
        weighted += res.weighted
        used += res.units_used
        paths.extend((uid, [int(kd.idx[i]) for i in seq]) for uid, seq in res.paths)
    return KindResult(weighted, used, need_rem, paths, top, fast)
