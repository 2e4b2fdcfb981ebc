"""Bounds: the Dilworth lower bound on units, the posts some start can reach, and an upper bound on the slack.

Lower bound per kind: the Dilworth minimum chain cover of all the kind's need at the kind's top speed, starting
anywhere at any time: the need minus a maximum flow of links (a maximum b-matching on the compatibility closure,
:func:`max_links`). Each unit starts one chain, so no cover uses fewer units, whatever the fleet. When the kind is one
class, those links come with stage A instead: its links flow itself when every slot is reachable, else that flow plus
a maximum flow in its residual network (:func:`paradeplan.posts.flows.fast_cover` with ``need_all``: a flow's value
is that of any feasible flow plus the residual's maximum flow, and the reachable slots' flow is feasible for all the
slots), so no second flow over every slot runs from nothing; usually a smaller flow proves the value first
(:func:`paradeplan.posts.flows._bound_links`: links from reachable posts only reach reachable posts, which caps the
value at the first flow's links plus the unreachable slots; on a network too large for a second flow over all of
it, that cap is taken when the cheap flows do not reach it, and the bound stays proven, if a little weaker).

Reachability: a chain never reaches a post sooner than going straight there (triangle inequality), so a post no start
group reaches directly by its open cannot be covered (:func:`reachable`); with a street table, which need not keep
the inequality, reachability follows the table's arcs (:func:`reachable_by_arcs`).

Slack: a post's slack is at most its open minus the earliest arrival from any start, which bounds the search from
above (:func:`slack_bound`).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from paradeplan.posts.flows import max_flow
from paradeplan.posts.instance import Unit
from paradeplan.posts.kind import KindData
from paradeplan.posts.network import Moves, Sparse

FArr = NDArray[np.float64]
IArr = NDArray[np.int64]
BArr = NDArray[np.bool_]
MATRIX_CELLS = 2_000_000
"""Start-to-post travel times computed at once."""


def max_links(sp: Sparse, need: IArr, n_src_posts: int) -> int:
    """Most predecessor links between the posts' unit-slots: a maximum b-matching on the compatibility closure.

    Each unit of flow ``S → out(A) → … → in(B) → T`` is one unit leaving post A for post B. By Dilworth/König the
    fewest chains covering all need is ``need.sum() - links``. Sources ``≥ n_src_posts`` (unit groups) are left out.
    """
    return max_links_between(sp, need[:n_src_posts], need)


def max_links_between(sp: Sparse, src_cap: IArr, tgt_cap: IArr) -> int:
    """Most links from the sources' slots (``src_cap`` per source; sources past it are left out) to the targets'
    slots (``tgt_cap`` per target) along the network ``sp``: a maximum b-matching on the compatibility closure."""
    k, n = len(src_cap), len(tgt_cap)
    if k == 0 or n == 0 or int(src_cap.sum()) == 0 or int(tgt_cap.sum()) == 0:
        return 0
    S, T = 0, 1
    p_out = 2 + np.arange(k, dtype=np.int32)
    p_in = 2 + k + np.arange(n, dtype=np.int32)
    hub0 = 2 + k + n
    big = int(min(src_cap.sum(), tgt_cap.sum()))
    md = sp.d_src < k
    me = sp.e_src < k
    blocks = [
        (np.full(k, S), p_out, src_cap),
        (p_in, np.full(n, T), tgt_cap),
        (p_out[sp.d_src[md]], p_in[sp.d_tgt[md]], np.full(int(md.sum()), big)),
        (p_out[sp.e_src[me]], hub0 + sp.e_node[me], np.full(int(me.sum()), big)),
        (hub0 + sp.c_tail, hub0 + sp.c_head, np.full(len(sp.c_tail), big)),
        (hub0 + sp.x_node, p_in[sp.x_tgt], np.full(len(sp.x_node), big)),
    ]
    links, _ = max_flow(blocks, S, T, with_flows=False)
    return links


def lower_bound(kd: KindData, sp: Sparse, n_src_posts: int) -> int:
    """Dilworth bound: minimum number of chains covering all the kind's need, starting anywhere, any time."""
    return int(kd.need.sum()) - max_links(sp, kd.need, n_src_posts)


def reachable_by_arcs(sp: Sparse, n: int) -> BArr:
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


def reachable(
    starts: tuple[list[str], FArr, FArr, FArr],
    posts: tuple[list[str], FArr, FArr, IArr],
    moves: Moves,
    speed: float,
) -> BArr:
    """Posts (ids, lat, lon, open) some start (ids, lat, lon, free time) reaches directly by their open (a chain
    never reaches a post sooner than going straight).

    With a travel table this holds when the table's times keep the triangle inequality (street shortest paths do);
    it only sets aside posts before the exact flow, whose arcs are the table's times themselves.
    """
    gids, glat, glon, gready = starts
    pids, plat, plon, popen = posts
    ok = np.zeros(len(plat), dtype=bool)
    open_f = popen.astype(np.float64)
    step = max(1, MATRIX_CELLS // max(len(plat), 1))
    for g0 in range(0, len(glat), step):
        sl = slice(g0, g0 + step)
        secs = moves.matrix(gids[sl], glat[sl], glon[sl], pids, plat, plon, speed)
        ok |= (gready[sl, None] + secs <= open_f[None, :]).any(axis=0)
    return ok


def slack_bound(kd: KindData, kunits: list[Unit], moves: Moves, every_reachable: bool = False) -> int:
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
    step = max(1, MATRIX_CELLS // max(len(kd.ids), 1))
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
        ok = np.isfinite(earliest) & (room >= 0)
        if ok.any():
            return max(0, int(math.floor(float(room[ok].min()) + 1e-6)))
    return max(0, int(math.ceil(float(room.max())))) + 1
