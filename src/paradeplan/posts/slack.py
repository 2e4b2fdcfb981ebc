"""Slack search: the largest whole-second threshold every move can keep while coverage stays its maximum.

Requiring ``τ`` seconds of slack on every move is the coverage problem with every source free ``τ`` seconds later.
Coverage only falls as ``τ`` grows (each threshold's compatible moves are a subset of the previous one's), so a
search over whole seconds with the exact coverage test (stage A: maximum flows, or the min-cost flow when units are
short) finds the optimum: the bound first (often the answer: the post least reachable from any start), then an
exponential search (slack is often small) and bisection between the last two thresholds.

Kinds are searched smallest first, each capped at the least threshold found so far: the solution's smallest slack is
the least over the kinds, and coverage is monotone in ``τ``, so capping changes nothing. When every reachable slot was
covered by maximum flows at ``τ = 0``, a threshold that would need a min-cost flow has already lost coverage, so it is
not run. The search keeps stage A's network and flows at its best threshold (:class:`~paradeplan.posts.cover.StageA`)
for the final solve, and computes the kind's lower bound from its first network (no slack: the bound's own network,
the same as the solver's ``_lower_bound`` reads) so that the bound needs no network of its own.
"""

from __future__ import annotations

from typing import Any

from paradeplan.posts import bounds
from paradeplan.posts.cover import Classes, Kept, cover_kind
from paradeplan.posts.instance import Unit
from paradeplan.posts.kind import KindData
from paradeplan.posts.network import Moves


def max_slack(
    kd: KindData,
    classes: Classes,
    kunits: list[Unit],
    moves: Moves,
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
    first = cover_kind(kd, classes, moves, None, stats, decide_only=True, kept=kept)
    best = first.weighted
    if first.top is not None:  # the kind's lower bound, from the network at no slack while it is at hand
        sp, n_act, links = first.top
        found = links if links is not None else bounds.max_links(sp, kd.need, n_act)
        stats.setdefault("lower_bounds", {})[kd.kind] = int(kd.need.sum()) - found
    steps = 0

    def keeps(tau: int) -> bool:
        nonlocal steps
        steps += 1
        # when every reachable slot was covered by the two maximum flows, a threshold that needs a min-cost flow
        # has already lost coverage: no need to run it
        got = cover_kind(
            kd, classes, moves, None, stats, tau=float(tau), decide_only=True, fast_only=first.fast, kept=kept
        )
        ok = got.weighted >= best
        if kept is not None:  # hold the best threshold's results only
            for key in [k for k in kept if (k[2] == tau) != ok]:
                del kept[key]
        return ok

    # the bound first (often it is the answer: the post least reachable from any start), then an exponential
    # search (slack is often small: few steps) and bisection between the last two thresholds
    lo, hi_cap = 0, bounds.slack_bound(kd, kunits, moves, every_reachable=first.fast)
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
