"""Exact post scheduler: lexicographic flows on a sparse, closure-preserving compatibility network.

The solve entry (:func:`solve`) wires the stages, each a module with its part of the correctness argument:

- :mod:`~paradeplan.posts.network`: direct arcs and hub timelines whose transitive closure is exactly the
  compatibility relation ``close(A) + travel(A→B) ≤ open(B)`` (grid from the region in travel time, top-down
  descent), so every flow optimum below equals the all-arcs optimum;
- :mod:`~paradeplan.posts.cover`: kinds, classes of equal speed and ``until``, groups of interchangeable units;
  each class covered on what the earlier ones left;
- :mod:`~paradeplan.posts.flows`: stage A, (1) coverage weighted by priority then (2) fewest units, proven by maximum
  flows (a gammoid argument) or, units short, a lexicographic min-cost flow; stage B, (3) least distance;
- :mod:`~paradeplan.posts.bounds`: the Dilworth lower bound per kind, reachability, the slack's upper bound;
- :mod:`~paradeplan.posts.slack`: the ``slack`` objective's exact search over whole seconds;
- :mod:`~paradeplan.posts.greedy`: the best-fit cover used when the time limit stops an exact flow.

Several classes in one kind (mixed speeds or binding ``until``) are solved class by class (fastest, latest first);
the result is reported ``optimal`` only when it matches the relaxation where every unit of the kind has the top speed
and the latest ``until`` (that relaxation can only do better: each of its units can do all a real one can).

Slack objective: the threshold is searched kind by kind, smallest kind first, each capped at the least found so far;
every kind is then solved at the solution's threshold ``τ`` (from the search's kept stage A where its own threshold
is ``τ``, else built again).
"""

from __future__ import annotations

import logging
import math
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from paradeplan.posts import bounds, cover, slack
from paradeplan.posts.geo import haversine_km
from paradeplan.posts.instance import Instance, Unit
from paradeplan.posts.kind import KindData, kind_data
from paradeplan.posts.network import Moves, build_dense, build_sparse

log = logging.getLogger(__name__)


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
    """Per kind, a proven lower bound on the units needed to cover *all* its need (posts/1), slots no depot reaches
    included: the Dilworth bound (on networks over ``flows.EXACT_BOUND_MAX_ARCS`` arcs possibly a little below it:
    0.4 % at 30,000 wide posts, seed 3). With some need uncovered it bounds a cover the solution cannot make, and
    may exceed ``units_used``."""
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


@dataclass
class _Tally:
    """What the kinds add up to while they are solved."""

    lower: dict[str, int] = field(default_factory=dict)
    routes: dict[str, list[int]] = field(default_factory=dict)
    uncovered: list[tuple[str, str, int]] = field(default_factory=list)
    covered: int = 0
    required: int = 0
    proven: bool = True


Plan = list[tuple[KindData, list[Unit], cover.Classes]]


def _plan(instance: Instance) -> Plan:
    """Each kind's posts, units (by id) and classes (speed, effective until: one later than every close binds not)."""
    plan: Plan = []
    for kind in instance.kinds:
        kd = kind_data(instance, kind)
        if kd is None:
            continue
        kunits = sorted((u for u in instance.units if u.kind == kind), key=lambda u: u.id)
        max_close = int(kd.close.max())
        classes: cover.Classes = defaultdict(list)
        for u in kunits:
            classes[(u.speed_kmh, float(u.until) if u.until < max_close else math.inf)].append(u)
        plan.append((kd, kunits, classes))
    return plan


def _search_slack(plan: Plan, moves: Moves, stats: dict[str, Any], kept: dict[str, cover.Kept]) -> int:
    """The solution's threshold: kinds searched smallest first, each capped at the least so far; ``kept`` keeps only
    stage-A results at that threshold."""
    cap: int | None = None
    for kd, kunits, classes in sorted(plan, key=lambda k: (int(k[0].need.sum()), k[0].kind)):
        if classes:
            got, _ = slack.max_slack(kd, classes, kunits, moves, stats, kept=kept.setdefault(kd.kind, {}), cap=cap)
            cap = got if cap is None else min(cap, got)
    tau = cap or 0
    for by_key in kept.values():  # a kind whose own best threshold is higher is solved again at ``tau``
        for key in [k for k in by_key if k[2] != float(tau)]:
            del by_key[key]
    stats["min_slack_s"] = tau
    return tau


def _lower_bound(
    kd: KindData, kunits: list[Unit], res: cover.KindResult, moves: Moves, tau: int, stats: dict[str, Any]
) -> int:
    """The kind's Dilworth bound at its top speed; read off the class network at no slack when it holds the bound's
    network (its post-to-post part is built from the same posts, times and speed; the units' entries only add exits
    that no post entry reaches): the final solve's at ``tau = 0``, else the slack search's first (``stats``)."""
    known = stats.get("lower_bounds", {}).get(kd.kind)
    if known is not None:
        return int(known)
    if res.top is not None and tau == 0:
        sp, n_act, links = res.top
        return int(kd.need.sum()) - (links if links is not None else bounds.max_links(sp, kd.need, n_act))
    top_speed = max((u.speed_kmh for u in kunits), default=30.0)
    close = kd.close.astype(np.float64)
    if moves.table:
        sp_top = build_dense(kd.ids, kd.lat, kd.lon, close, kd.ids, kd.lat, kd.lon, kd.open, moves, top_speed)
    else:
        sp_top = build_sparse(kd.lat, kd.lon, close, kd.lat, kd.lon, kd.open, moves.detour, top_speed)
    return bounds.lower_bound(kd, sp_top, len(kd.idx))


def _relaxation_agrees(
    kd: KindData,
    kunits: list[Unit],
    classes: cover.Classes,
    res: cover.KindResult,
    moves: Moves,
    tau: int,
    spread: bool,
    deadline: float | None,
) -> bool:
    """Mixed classes: whether the kind's result matches the relaxation with every unit at the top speed and the
    latest until (then it is optimal too)."""
    top_speed = max(u.speed_kmh for u in kunits)
    merged = [Unit(u.id, u.kind, top_speed, u.lat, u.lon, u.ready, u.until) for u in kunits]
    rstats: dict[str, Any] = {}
    task = cover.ClassTask(kd, merged, top_speed, max(c[1] for c in classes), moves, kd.need.copy(), float(tau), spread)
    relax, _, _ = cover.solve_class(task, deadline, rstats)
    agrees = not rstats.get("timed_out") and (relax.weighted, relax.units_used) == (res.weighted, res.used)
    if not agrees:
        log.info(
            "kind %s: mixed classes, relaxation %s vs found %s",
            kd.kind,
            (relax.weighted, relax.units_used),
            (res.weighted, res.used),
        )
    return agrees


def _visits(
    instance: Instance, routes: dict[str, list[int]], moves: Moves
) -> tuple[list[tuple[str, tuple[Visit, ...]]], float]:
    """Each used unit's visits in open order, with arrival times and distances (every move at once); the total."""
    posts = instance.posts
    units = {u.id: u for u in instance.units}
    order = {uid: sorted(routes[uid], key=lambda i: posts[i].open) for uid in sorted(routes)}
    src_id: list[str] = []
    lat0, lon0, t0, lat1, lon1, speed = [], [], [], [], [], []
    for uid, seq in order.items():
        u = units[uid]
        at, plat, plon, pt = u.id, u.lat, u.lon, float(u.ready)
        for i in seq:
            p = posts[i]
            src_id.append(at)
            lat0.append(plat)
            lon0.append(plon)
            t0.append(pt)
            lat1.append(p.lat)
            lon1.append(p.lon)
            speed.append(u.speed_kmh)
            at, plat, plon, pt = p.id, p.lat, p.lon, float(p.close)
    km = haversine_km(np.array(lat0), np.array(lon0), np.array(lat1), np.array(lon1))
    secs = km * moves.detour / np.array(speed) * 3600.0
    out: list[tuple[str, tuple[Visit, ...]]] = []
    total_km = 0.0
    k = 0
    for uid, seq in order.items():
        visits = []
        for i in seq:
            p = posts[i]
            listed = moves.table.get(src_id[k], {}).get(p.id) if moves.table else None
            arrive = t0[k] + (float(secs[k]) if listed is None else float(listed))
            visits.append(Visit(p.id, units[uid].kind, arrive, p.close, float(km[k]), p.open))
            total_km += float(km[k])
            k += 1
        out.append((uid, tuple(visits)))
    return out, total_km


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
    moves = Moves(instance)
    is_slack = instance.objective == "slack"
    stats: dict[str, Any] = {}
    plan = _plan(instance)
    kept: dict[str, cover.Kept] = {}
    tau = _search_slack(plan, moves, stats, kept) if is_slack else 0
    tally = _Tally()
    for kd, kunits, classes in plan:
        _solve_kind(kd, kunits, classes, moves, deadline, stats, tau, spread and is_slack, kept, tally, instance)
    out_routes, total_km = _visits(instance, tally.routes, moves)
    tally.uncovered.sort(key=lambda x: (x[0], x[1]))
    stats["wall_s"] = time.perf_counter() - t_start
    status = "optimal" if tally.proven and not stats.get("timed_out") else "feasible"
    log.info(
        "posts solved (%s): %s, %d units, covered %d/%d, largest network %d arcs "
        "(all networks: %d direct, %d hub) in %.2fs",
        instance.objective,
        status,
        len(out_routes),
        tally.covered,
        tally.required,
        stats.get("arcs_max", 0),
        stats.get("arcs_direct", 0),
        stats.get("arcs_hub", 0),
        stats["wall_s"],
    )
    return Solution(
        status,
        len(out_routes),
        tally.lower,
        tally.covered,
        tally.required,
        total_km,
        tuple(out_routes),
        tuple(tally.uncovered),
        stats,
        instance.objective,
    )


def _solve_kind(
    kd: KindData,
    kunits: list[Unit],
    classes: cover.Classes,
    moves: Moves,
    deadline: float | None,
    stats: dict[str, Any],
    tau: int,
    spread: bool,
    kept: dict[str, cover.Kept],
    tally: _Tally,
    instance: Instance,
) -> None:
    """Cover one kind at threshold ``tau``, its lower bound and (mixed classes) its proof; add it to ``tally``."""
    tally.required += int((kd.need * kd.prio).sum())
    if classes:
        res = cover.cover_kind(
            kd, classes, moves, deadline, stats, tau=float(tau), spread=spread, kept=kept.pop(kd.kind, None)
        )
    else:
        res = cover.KindResult(0, 0, kd.need.copy(), [], None)
    for uid, seq in res.paths:
        tally.routes[uid] = seq
    tally.lower[kd.kind] = _lower_bound(kd, kunits, res, moves, tau, stats)
    if len(classes) > 1:
        late = deadline is not None and time.perf_counter() >= deadline
        if late or not _relaxation_agrees(kd, kunits, classes, res, moves, tau, spread, deadline):
            tally.proven = False
    tally.covered += res.weighted
    for li in np.flatnonzero(res.need_rem > 0):
        tally.uncovered.append((instance.posts[int(kd.idx[li])].id, kd.kind, int(res.need_rem[li])))
