"""The flows of one class: its flow network, stage A (coverage and units), stage B (distance) and unit paths.

A post is a pair of nodes ``in → out`` joined by a *cover* arc of capacity ``need``; a unit is a path
``S → group → post → … → post → T`` through the sparse network (:mod:`paradeplan.posts.network`), whose arcs are
uncapacitated (any capacity at least the flow's value).

Stage A, usual case (:func:`fast_cover`): posts no group can reach directly by their open are set aside (a chain never
arrives sooner than going straight). A maximum flow over the post-to-post network alone gives the most links ``M``
between reachable unit-slots. Post slots (as predecessors) and units (as chain starts) are the ground set of a
gammoid, so when all ``R`` reachable slots can be covered, a full cover extending those ``M`` links exists and uses
exactly ``R − M`` units, the minimum. A second maximum flow with at most ``R − M`` chain starts (depot counts as
capacities) confirms it and yields the cover. Usually the confirmation holds by construction and that flow is
skipped: the ``R − M`` slots the links leave without a predecessor are given to start groups that reach them directly
by a small matching (group sizes as capacities; with one group, that group: it reaches every reachable post), and
each gets its own unit on a path from its group found in the network (a direct arc, or an entry of the group into
one of the post's cells no later on its timeline). That is a cover of all ``R`` slots with ``R − M`` units.
Objectives (1) and (2) are proven without a min-cost flow. For the lower bound (:mod:`paradeplan.posts.bounds`)
the links between all slots, reachable or not, follow from the first flow (:func:`_bound_links`): no path leads from a
reachable post to an unreachable one, so they are at most its links plus the unreachable slots, and a small matching
or a flow in part of its residual network that reaches that bound proves it; else a flow in its whole residual
network gives them.

Stage A, units short: min-cost flow with cost ``−W·priority`` per covered unit of need (``W`` = number of units + 1)
and ``+1`` per unit leaving its group: exactly the lexicographic optimum of (1) coverage and (2) units.

Stage B (:func:`distance_flows`): the covered amount of every post and the number of units are fixed and distance in
metres is minimised (any group may supply the units); direct arcs cost their exact length, hub paths are costed by
the entry distance to the cell centre (an estimate), so (3) is heuristic when hubs are used. With hubs each timeline
arc also costs 1/16 of a 10-metre unit (:data:`TIMELINE_TIE`): free timelines leave cost scaling many equal-cost
paths to relabel along, and that tie-break cuts the flow's time on dense street shapes (3,000 posts in Helsinki:
0.40 → 0.19 s). The flow found then exceeds the metre optimum by at most 1/16 unit per timeline arc that optimum uses
(it minimises 16 × metres + timeline arcs). Without hubs there are no timeline arcs and (3) stays exact.

OR-Tools' flows run in this process, or in a child process that a deadline can stop (:func:`min_cost_flow_until`).
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from paradeplan.posts.network import DISTANCE_MAX_ARCS, Sparse

log = logging.getLogger(__name__)

IArr = NDArray[np.int64]
I32 = NDArray[np.int32]
Arcs = tuple[NDArray[np.integer], NDArray[np.integer], NDArray[np.integer] | int]
"""A block of arcs: tails, heads, capacities (one number: the same for every arc of the block)."""
EXACT_BOUND_MAX_ARCS = 8_000_000
"""Above this many arcs, links the cheap proofs do not settle are bounded from above instead (:func:`_bound_links`)."""
ARC_CHUNK = 1 << 20
"""Arcs handed to OR-Tools, or their flows read back, at once (bounds the temporary arrays of :func:`max_flow`)."""

DIST_UNIT_M = 10.0
"""Stage B costs distance in units of this many metres (smaller cost range keeps cost scaling fast)."""
TIMELINE_TIE = 16
"""Stage B multiplies its distance costs by this and costs each timeline arc 1 (a tie-break; see the module)."""
STAGE_B_MAX_ARCS = DISTANCE_MAX_ARCS
"""Above this many arcs the distance stage is skipped (cost scaling on metre costs gets slow: 0.7 s of CPU on the
226,000 arcs of a 3,000-post corridor instance, whose town-centre timelines are long); networks that large keep no
arc distances (:class:`~paradeplan.posts.network.Sparse`)."""


def min_cost_flow(tails: I32, heads: I32, caps: IArr, costs: IArr, supplies: IArr) -> tuple[int, IArr]:
    """OR-Tools' min-cost flow: (optimal cost, flow on every arc)."""
    from ortools.graph.python import min_cost_flow as mcf

    smcf = mcf.SimpleMinCostFlow()
    arcs = smcf.add_arcs_with_capacity_and_unit_cost(
        np.asarray(tails, dtype=np.int32), np.asarray(heads, dtype=np.int32), caps, costs
    )
    smcf.set_nodes_supplies(np.arange(len(supplies), dtype=np.int32), supplies)
    status = smcf.solve()
    if status != smcf.OPTIMAL:
        raise RuntimeError(f"min-cost flow failed with status {status}")
    return int(smcf.optimal_cost()), np.asarray(smcf.flows(arcs), dtype=np.int64)


def max_flow(blocks: Iterable[Arcs], source: int, sink: int, *, with_flows: bool = True) -> tuple[int, IArr]:
    """OR-Tools' maximum flow over arc blocks added in turn (no concatenated copy; a block with one capacity is
    added :data:`ARC_CHUNK` arcs at a time): (value, flow on every arc; an empty array when not ``with_flows``).
    The flows are read back in chunks, keeping only the arcs with flow until OR-Tools' network is freed."""
    from ortools.graph.python import max_flow as mf

    smf = mf.SimpleMaxFlow()
    for t, h, c in blocks:
        if not len(t):
            continue
        if isinstance(c, int):
            caps = np.full(min(len(t), ARC_CHUNK), c, dtype=np.int64)
            for a0 in range(0, len(t), ARC_CHUNK):
                a1 = min(len(t), a0 + ARC_CHUNK)
                tails, heads = np.asarray(t[a0:a1], dtype=np.int32), np.asarray(h[a0:a1], dtype=np.int32)
                smf.add_arcs_with_capacity(tails, heads, caps[: a1 - a0])
        else:
            smf.add_arcs_with_capacity(
                np.asarray(t, dtype=np.int32), np.asarray(h, dtype=np.int32), np.asarray(c, dtype=np.int64)
            )
    status = smf.solve(source, sink)
    if status != smf.OPTIMAL:
        raise RuntimeError(f"max flow failed with status {status}")
    value, n_arcs = int(smf.optimal_flow()), int(smf.num_arcs())
    if not with_flows:
        return value, np.zeros(0, dtype=np.int64)
    where, amount = [], []
    for a0 in range(0, n_arcs, ARC_CHUNK):
        got = np.asarray(smf.flows(np.arange(a0, min(n_arcs, a0 + ARC_CHUNK), dtype=np.int32)), dtype=np.int64)
        nz = np.flatnonzero(got)
        where.append(nz + a0)
        amount.append(got[nz])
    del smf
    flows = np.zeros(n_arcs, dtype=np.int64)
    if where:
        flows[np.concatenate(where)] = np.concatenate(amount)
    return value, flows


def min_cost_flow_until(
    deadline: float | None,
    net: ClassNet,
    meanwhile: Callable[[], object] | None = None,
) -> IArr | None:
    """Stage A's min-cost flow, or ``None`` when it cannot finish by ``deadline`` (OR-Tools' flow cannot be
    interrupted).

    Without a deadline it runs in this process. With one it runs in a child Python process
    (:mod:`paradeplan.posts.flowproc`) that is killed at the deadline, so ``--time-limit`` holds even on instances
    where the exact flow takes minutes; ``meanwhile`` (the fallback) is computed here while the child works.
    """
    if deadline is None:
        return min_cost_flow(net.tails, net.heads, net.caps, net.costs, net.supplies)[1]
    if time.perf_counter() >= deadline:
        if meanwhile is not None:
            meanwhile()
        return None
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory(prefix="paradeplan-flow-") as tmp:
        src, dst = Path(tmp) / "in.npz", Path(tmp) / "out.npy"
        np.savez(src, tails=net.tails, heads=net.heads, caps=net.caps, costs=net.costs, supplies=net.supplies)
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


@dataclass(frozen=True)
class ClassNet:
    """A class's flow network, one copy: arc blocks ``[S→T] [S→g] [cover] [out→T] [direct] [entry] [chain]
    [exit]`` starting at ``off[0] … off[7]`` (``off[8]``: arc count); nodes ``S = 0``, ``T = 1``, groups, post ins,
    post outs, hubs."""

    tails: I32
    heads: I32
    need: IArr
    supplies: IArr
    off: IArr
    g_node: I32
    p_in: I32
    p_out: I32
    group_sizes: IArr
    prio: IArr
    spread: bool

    @property
    def n_nodes(self) -> int:
        """Node count."""
        return len(self.supplies)

    @property
    def caps(self) -> IArr:
        """Arc capacities (made only for a min-cost flow: the maximum flows take their own): the groups' sizes,
        the posts' need on their cover and ``out → T`` arcs, the number of units (at least 1) on every other arc."""
        off = self.off
        caps = np.full(len(self.tails), max(int(self.group_sizes.sum()), 1), dtype=np.int64)
        caps[off[1] : off[2]] = self.group_sizes
        caps[off[2] : off[3]] = self.need
        caps[off[3] : off[4]] = self.need
        return caps

    @property
    def costs(self) -> IArr:
        """Stage A's arc costs (made only for a min-cost flow: the maximum flows need none): ``−W·priority`` per
        covered slot, ``+1`` per unit used (``−1`` with ``spread``)."""
        off = self.off
        costs = np.zeros(len(self.tails), dtype=np.int64)
        costs[off[1] : off[2]] = -1 if self.spread else 1
        costs[off[2] : off[3]] = -(int(self.group_sizes.sum()) + 1) * self.prio
        return costs


def class_network(sp: Sparse, group_sizes: IArr, need: IArr, prio: IArr, *, spread: bool) -> ClassNet:
    """The flow network of a class over ``len(need)`` active posts and ``len(group_sizes)`` start groups, with stage
    A's costs: ``−W·priority`` per covered slot, ``+1`` per unit used (``−1`` with ``spread``: most units)."""
    S, T = 0, 1
    G, n = len(group_sizes), len(need)
    n_units = int(group_sizes.sum())
    g_node = (2 + np.arange(G)).astype(np.int32)
    p_in = (2 + G + np.arange(n)).astype(np.int32)
    p_out = (2 + G + n + np.arange(n)).astype(np.int32)
    hub0 = 2 + G + 2 * n
    src_node = np.concatenate([p_out, g_node])
    sizes = [1, G, n, n, len(sp.d_src), len(sp.e_src), len(sp.c_tail), len(sp.x_node)]
    off = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    tails, heads = np.empty(int(off[-1]), dtype=np.int32), np.empty(int(off[-1]), dtype=np.int32)
    part = [(slice(int(off[k]), int(off[k + 1]))) for k in range(len(sizes))]
    tails[part[0]], heads[part[0]] = S, T
    tails[part[1]], heads[part[1]] = S, g_node
    tails[part[2]], heads[part[2]] = p_in, p_out
    tails[part[3]], heads[part[3]] = p_out, T
    # written in place: the network's arcs (millions on a province) are copied once, with no temporaries
    np.take(src_node, sp.d_src, out=tails[part[4]])
    np.take(p_in, sp.d_tgt, out=heads[part[4]])
    np.take(src_node, sp.e_src, out=tails[part[5]])
    np.add(sp.e_node, hub0, out=heads[part[5]])
    np.add(sp.c_tail, hub0, out=tails[part[6]])
    np.add(sp.c_head, hub0, out=heads[part[6]])
    np.add(sp.x_node, hub0, out=tails[part[7]])
    np.take(p_in, sp.x_tgt, out=heads[part[7]])
    sup = np.zeros(hub0 + sp.n_hub, dtype=np.int64)
    sup[S], sup[T] = n_units, -n_units
    return ClassNet(tails, heads, need, sup, off, g_node, p_in, p_out, group_sizes, prio, spread)


def fast_cover(
    net: ClassNet,
    sp: Sparse,
    need_r: IArr,
    stats: dict[str, Any],
    *,
    group_reach: Callable[[IArr], NDArray[np.bool_]] | None = None,
    need_all: IArr | None = None,
    early_links: Callable[[IArr, IArr], int] | None = None,
) -> tuple[IArr | None, int | None]:
    """Stage A by maximum flows when every reachable slot (``need_r``) can be covered: (flows of the class network,
    most links); ``(None, links)`` when units are short (see the module for the argument).

    ``need_all`` (the need of every active post, reachable or not, for the lower bound): the links returned are
    then the most links between all those slots, found from the reachable slots' links flow (:func:`_bound_links`:
    by a small matching, ``early_links``, or a flow in part of its residual network when they reach a proven upper
    bound, else by a flow in the whole residual network).

    ``group_reach(posts)``: which group reaches which of these posts directly by its open (groups × posts). With it
    the slots the links leave without a predecessor are first given to groups by a small matching (group sizes as
    capacities) and completed along paths found in the network (:func:`_complete_cover`); only when that fails does
    the confirming flow run.
    """
    S, T = 0, 1
    n, G = len(need_r), len(net.group_sizes)
    total = int(need_r.sum())
    if total == 0:
        return None, None
    gstar = net.n_nodes
    head_blocks: list[Arcs] = [
        (np.full(n, S), net.p_out, need_r),
        (net.p_in, np.full(n, T), need_r),
        (np.full(G, gstar), net.g_node, net.group_sizes),
    ]
    t0 = time.perf_counter()
    links, fb1 = _stage_a_flow(net, head_blocks, need_r, 0)
    starts = total - links
    all_links: int | None = None
    if need_all is not None and (need_all != need_r).any():  # before the cover's arrays exist: less memory
        all_links = _bound_links(net, sp, (need_all, need_r), fb1, links, early_links)
    flows: IArr | None = None
    if starts <= int(net.group_sizes.sum()):
        if group_reach is not None:
            need_start = need_r - fb1[n : 2 * n]  # slots no link reaches
            posts = np.flatnonzero(need_start > 0)
            plan = _assign_starts(need_start[posts], group_reach(posts), net.group_sizes)
            if plan is not None:
                flows = _complete_cover(net, sp, need_r, fb1, starts, (plan[0], posts[plan[1]], plan[2]))
        if flows is None:
            got, fb = _stage_a_flow(net, head_blocks, need_r, starts)
            flows = _class_flows(net, need_r, fb, starts) if got == total else None
    stats["flow_a_s"] = stats.get("flow_a_s", 0.0) + time.perf_counter() - t0
    if flows is not None:
        stats["stage_a"] = "max-flow"
    return flows, links if all_links is None else all_links


def _stage_a_flow(net: ClassNet, head_blocks: list[Arcs], need_r: IArr, starts: int) -> tuple[int, IArr]:
    """A maximum flow of stage A's links (``starts`` = 0) or confirming network (``starts`` chain starts): the head
    blocks, ``S → g*`` with ``starts``, then the class network's uncapacitated arcs (capacity ``need_r.sum()``) but
    those no flow can use (:func:`_dead_arcs`): (value, flow on every arc of that layout, 0 on the arcs left out)."""
    S, T = 0, 1
    off4 = int(net.off[4])
    drop = _dead_arcs(net, need_r)
    blocks = [*head_blocks, (np.array([S]), np.array([net.n_nodes]), np.array([starts]))]
    head = sum(len(b[0]) for b in blocks)
    shared = _kept_arcs((net.tails[off4:], net.heads[off4:]), int(need_r.sum()), drop)
    value, got = max_flow(itertools.chain(blocks, shared), S, T)
    return value, _expand(got, head, drop)


def _dead_arcs(net: ClassNet, need_r: IArr) -> NDArray[np.bool_] | None:
    """Per uncapacitated arc (from ``off[4]`` on): whether it leaves the out-node or enters the in-node of a post
    with no reachable slot (``need_r`` 0; ``None`` when there is none). Stage A's flows carry ``need_r`` on
    ``S → out`` and ``in → T``, the only arc into such an out-node and out of such an in-node, so no flow of theirs
    uses these arcs: leaving them out changes no flow's feasibility or value (30,000 wide posts: 1.3 of 16.5
    million arcs, from the early posts no unit reaches)."""
    zero = need_r == 0
    if not zero.any():
        return None
    dead = np.zeros(net.n_nodes, dtype=bool)
    dead[net.p_out[zero]] = True
    dead[net.p_in[zero]] = True
    off4 = int(net.off[4])
    drop = dead[net.tails[off4:]]
    drop |= dead[net.heads[off4:]]
    return drop


def _kept_arcs(arcs: tuple[I32, I32], cap: int, drop: NDArray[np.bool_] | None) -> Iterator[Arcs]:
    """The arcs but the ``drop`` ones, :data:`ARC_CHUNK` at a time (no copy of them all), each with capacity
    ``cap``."""
    tails, heads = arcs
    if drop is None:
        yield tails, heads, cap
        return
    for a0 in range(0, len(tails), ARC_CHUNK):
        keep = ~drop[a0 : a0 + ARC_CHUNK]
        yield tails[a0 : a0 + ARC_CHUNK][keep], heads[a0 : a0 + ARC_CHUNK][keep], cap


def _expand(got: IArr, head: int, drop: NDArray[np.bool_] | None) -> IArr:
    """Flows of ``head`` arcs then of the arcs :func:`_kept_arcs` kept, put back at every arc's place (0 on the
    dropped ones)."""
    if drop is None:
        return got
    out = np.zeros(head + len(drop), dtype=np.int64)
    out[:head] = got[:head]
    nz = np.flatnonzero(got[head:])  # ranks among the kept arcs
    if not len(nz):
        return out
    starts = range(0, len(drop), ARC_CHUNK)
    kept = np.cumsum([int((~drop[a0 : a0 + ARC_CHUNK]).sum()) for a0 in starts])  # kept arcs up to each chunk's end
    chunk = np.searchsorted(kept, nz, side="right")
    for c in sorted(set(chunk.tolist())):
        a0, first = c * ARC_CHUNK, int(kept[c - 1]) if c else 0
        ranks = nz[chunk == c]
        out[head + a0 + np.flatnonzero(~drop[a0 : a0 + ARC_CHUNK])[ranks - first]] = got[head + ranks]
    return out


def _bound_links(
    net: ClassNet,
    sp: Sparse,
    needs: tuple[IArr, IArr],
    fb1: IArr,
    links: int,
    early_links: Callable[[IArr, IArr], int] | None,
) -> int:
    """Most links between all the active slots, from ``fb1``, a maximum flow of ``links`` links between the
    reachable slots only.

    ``needs = (need_all, need_r)``: every active slot, and the reachable ones (``need_r`` is ``need_all`` on the
    reachable posts R and 0 on the others, U). Upper bound: when no path of the network leads from a post of R to
    a post of U (checked on the network itself, :func:`_no_path_from_to`; in exact arithmetic it always holds, since
    a successor of a post some start reaches directly is reached directly too, by the triangle inequality),
    decompose any flow of links between all the slots into paths: those leaving R's slots end in R's slots, so they
    form a flow of the R-only network, at most ``links``; the others leave U's slots, at most ``early.sum()``.
    Lower bounds, tried from the cheapest, each taken only when it reaches that upper bound:

    1. ``fb1`` plus ``early_links(early, free)``, the most links from U's slots into the slots ``fb1`` leaves
       without a predecessor along compatible pairs (a small network of those posts alone): a flow of the network,
       since the matching leaves only U's slots, which ``fb1`` leaves unused, and enters only slots ``fb1`` leaves
       free, and each compatible pair is a path of uncapacitated arcs (the network's closure is compatibility);
    2. ``fb1`` plus a maximum flow in part of its residual network, without the entries of R's posts into the hubs
       (most of the arcs): a flow in part of the residual network is a flow in all of it.

    Otherwise the maximum flow in the whole residual network (:func:`_all_links`) gives the value; but on a network
    of more than :data:`EXACT_BOUND_MAX_ARCS` arcs that flow (a second copy of the whole network in OR-Tools: 5–6 s
    and 0.3 GB more at 30,000 wide posts) is not run and the upper bound itself is returned. The kind's lower bound
    (the need less these links) is then still proven, since no flow links more, but may be below the Dilworth bound
    by at most the upper bound less the second flow's links (30,000 wide posts, seed 3: 2,961 motorbikes against
    2,974; the units the solution uses, and its optimality, are unaffected).
    """
    need_all, need_r = needs
    n = len(need_all)
    early = need_all - need_r
    reach = need_r > 0
    if _no_path_from_to(sp, reach, (need_all > 0) & ~reach, n):
        top = links + int(early.sum())
        if early_links is not None and links + early_links(early, need_all - fb1[n : 2 * n]) == top:
            return top
        entry_of_r = np.zeros(len(net.tails) - int(net.off[4]), dtype=bool)
        e_src = sp.e_src
        from_r = e_src < n
        from_r[from_r] = reach[e_src[from_r]]
        entry_of_r[int(net.off[5] - net.off[4]) : int(net.off[6] - net.off[4])] = from_r
        if _all_links(net, need_all, fb1, links, np.flatnonzero(~entry_of_r)) == top:
            return top
        if len(net.tails) > EXACT_BOUND_MAX_ARCS:
            return top
    return _all_links(net, need_all, fb1, links)


def _no_path_from_to(sp: Sparse, src_ok: NDArray[np.bool_], tgt_bad: NDArray[np.bool_], n: int) -> bool:
    """Whether no path of the network leads from a post source in ``src_ok`` to a target in ``tgt_bad`` (sources:
    the ``n`` posts, then the groups): no such direct arc, and no exit to such a target at or after an entry of
    such a source into the same cell's timeline (a cell's timeline nodes are contiguous and ordered; an entry
    reaches exactly the nodes at or after it: so it is enough to count, per node, the nodes of its cell up to it
    that such a source enters)."""
    ok = np.zeros(
        max(int(sp.d_src.max()) if len(sp.d_src) else 0, int(sp.e_src.max()) if len(sp.e_src) else 0, n) + 1, dtype=bool
    )
    ok[:n] = src_ok
    if (ok[sp.d_src] & tgt_bad[sp.d_tgt]).any():
        return False
    if not sp.n_hub:
        return True
    x_bad = np.flatnonzero(tgt_bad[sp.x_tgt])
    if not len(x_bad):
        return True
    entered = np.zeros(sp.n_hub, dtype=np.int64)
    entered[sp.e_node[ok[sp.e_src]]] = 1
    upto = np.cumsum(entered)  # entered nodes among 0 … node
    node_cell = _cells_of_nodes(sp)
    first = np.searchsorted(node_cell, node_cell)  # each node's cell's first node
    xn = sp.x_node[x_bad]
    before = upto[first[xn]] - entered[first[xn]]
    return not bool((upto[xn] > before).any())


def _all_links(net: ClassNet, need_all: IArr, fb1: IArr, links: int, keep: IArr | None = None) -> int:
    """Most links between the slots of ``need_all`` (every active post), from ``fb1``, a maximum flow of ``links``
    links between the reachable slots only.

    ``fb1`` is a feasible flow of the network with ``need_all`` as the post capacities (these only grow), so the
    most links are ``links`` plus a maximum flow in its residual network: the arcs' capacity left (the posts' need
    less their flow; the uncapacitated arcs keep ``need_all.sum()``, more than any flow can add) and, backwards,
    the flow of every arc that carries some (the arcs into ``S`` and out of ``T`` are left out: an augmenting path
    never uses them). Only the few slots no start reaches add flow, so this flow has little to do compared with the
    links flow over all the slots from nothing. With ``keep`` (indices of the uncapacitated arcs), only those arcs
    go forward: a maximum flow in that part of the residual network (a lower bound).
    """
    S, T = 0, 1
    n, G, off = len(need_all), len(net.group_sizes), net.off
    shared_f = fb1[2 * n + G + 1 :]
    tails, heads = net.tails[off[4] :], net.heads[off[4] :]
    back = np.flatnonzero(shared_f)
    big = int(need_all.sum())
    forward: Arcs = (tails, heads, big) if keep is None else (tails[keep], heads[keep], big)
    blocks: list[Arcs] = [
        (np.full(n, S), net.p_out, need_all - fb1[:n]),
        (net.p_in, np.full(n, T), need_all - fb1[n : 2 * n]),
        forward,
        (heads[back], tails[back], shared_f[back]),
    ]
    more, _ = max_flow(blocks, S, T, with_flows=False)
    return links + more


def _assign_starts(count: IArr, reach: NDArray[np.bool_], sizes: IArr) -> tuple[IArr, IArr, IArr] | None:
    """Chain starts given to groups: (group, post position, units) with ``count`` units per post, a group only for
    posts it reaches directly, at most ``sizes`` units per group; ``None`` when no such assignment exists."""
    G, k = reach.shape
    if G == 1:
        return (np.zeros(k, dtype=np.int64), np.arange(k, dtype=np.int64), count) if reach.all() else None
    gi, pj = np.nonzero(reach)
    g_node, p_node = 2 + np.arange(G), 2 + G + np.arange(k)
    blocks: list[Arcs] = [
        (np.zeros(G, dtype=np.int64), g_node, sizes),
        (g_node[gi], p_node[pj], np.full(len(gi), int(count.sum()), dtype=np.int64)),
        (p_node, np.ones(k, dtype=np.int64), count),
    ]
    got, f = max_flow(blocks, 0, 1)
    if got < int(count.sum()):
        return None
    use = f[G : G + len(gi)]
    keep = use > 0
    return gi[keep].astype(np.int64), pj[keep].astype(np.int64), use[keep]


def _class_flows(net: ClassNet, need_r: IArr, fb: IArr, starts: int) -> IArr:
    """The class network's flows from the confirming flow's (its blocks: S→out, in→T, g*→g, S→g*, shared)."""
    n, G, off = len(need_r), len(net.group_sizes), net.off
    flows = np.zeros(len(net.tails), dtype=np.int64)
    flows[0] = int(net.group_sizes.sum()) - starts
    flows[off[1] : off[2]] = fb[2 * n : 2 * n + G]
    flows[off[2] : off[3]] = need_r
    flows[off[3] : off[4]] = need_r - fb[:n]
    flows[off[4] :] = fb[2 * n + G + 1 :]
    return flows


def _complete_cover(
    net: ClassNet, sp: Sparse, need_r: IArr, fb1: IArr, starts: int, plan: tuple[IArr, IArr, IArr]
) -> IArr | None:
    """The cover of the links flow ``fb1`` completed by the units of ``plan`` (group, post, units): one unit per slot
    left without a predecessor, from its group along a path found in the network (a direct arc, or an entry of the
    group into one of the post's cells no later on its timeline). ``None`` when some post has no such path (then the
    confirming flow decides)."""
    n, G, off = len(need_r), len(net.group_sizes), net.off
    first = np.zeros(len(net.tails), dtype=np.int64)
    first[off[4] :] = fb1[2 * n + G + 1 :]
    diff = np.zeros(sp.n_hub + 1, dtype=np.int64)
    g_of, post_of, count = plan
    for g in sorted(set(g_of.tolist())):  # not np.unique: its first call imports numpy.ma (~10 ms a process)
        sel = g_of == g
        posts, cnt = post_of[sel], count[sel]
        direct = np.full(n, -1, dtype=np.int64)
        mine = np.flatnonzero(sp.d_src == n + g)  # direct arcs of the group (sources: posts, then the groups)
        direct[sp.d_tgt[mine]] = mine
        has = direct[posts] >= 0
        np.add.at(first, off[4] + direct[posts[has]], cnt[has])
        exit_arc, entry_arc = _hub_paths(sp, n + g, posts[~has])
        if (exit_arc < 0).any():
            return None
        np.add.at(first, off[7] + exit_arc, cnt[~has])
        np.add.at(first, off[5] + entry_arc, cnt[~has])
        # each path walks its cell's timeline from the entry node to the exit node along the step arcs
        np.add.at(diff, sp.e_node[entry_arc], cnt[~has])
        np.add.at(diff, sp.x_node[exit_arc], -cnt[~has])
        first[off[1] + g] = int(cnt.sum())
    if sp.n_hub:
        along = np.cumsum(diff)[:-1]
        steps = np.flatnonzero(sp.c_head - sp.c_tail == 1)
        first[off[6] + steps] += along[sp.c_tail[steps]]
    first[0] = int(net.group_sizes.sum()) - starts
    first[off[2] : off[3]] = need_r
    first[off[3] : off[4]] = need_r - fb1[:n]
    return first


def _hub_paths(sp: Sparse, group: int, posts: IArr) -> tuple[IArr, IArr]:
    """For each post, an exit arc and an entry arc of source ``group`` into the same cell no later on its timeline
    (−1 where none): the group's earliest entry per cell reaches every exit of the cell at or after it."""
    exit_arc = np.full(len(posts), -1, dtype=np.int64)
    entry_arc = np.full(len(posts), -1, dtype=np.int64)
    if not len(posts) or not sp.n_hub:
        return exit_arc, entry_arc
    node_cell = _cells_of_nodes(sp)
    mine = np.flatnonzero(sp.e_src == group)  # at most one entry per cell
    earliest = np.full(int(node_cell[-1]) + 1, sp.n_hub, dtype=np.int64)  # per cell: the group's earliest entry node
    np.minimum.at(earliest, node_cell[sp.e_node[mine]], sp.e_node[mine])
    arc_of_node = np.full(sp.n_hub + 1, -1, dtype=np.int64)
    arc_of_node[sp.e_node[mine]] = mine
    where = {int(p): i for i, p in enumerate(posts)}
    wanted = np.flatnonzero(np.isin(sp.x_tgt, posts))
    for j in wanted.tolist():
        i = where[int(sp.x_tgt[j])]
        if exit_arc[i] >= 0:
            continue
        node = earliest[node_cell[sp.x_node[j]]]
        if node <= sp.x_node[j]:
            exit_arc[i], entry_arc[i] = j, arc_of_node[node]
    return exit_arc, entry_arc


def _cells_of_nodes(sp: Sparse) -> IArr:
    """A label per hub node, equal for the nodes of one timeline (a cell's nodes are contiguous, joined by step
    arcs)."""
    brk = np.ones(sp.n_hub, dtype=np.int64)
    steps = sp.c_tail[sp.c_head - sp.c_tail == 1]
    brk[steps + 1] = 0
    return np.cumsum(brk) - 1


def distance_flows(net: ClassNet, sp: Sparse, flows: IArr, stats: dict[str, Any], *, tie: bool = True) -> IArr:
    """Stage B: each post's cover and the number of units fixed (any group may supply them); least metres (with
    ``tie``, ties broken by fewer timeline arcs, see the module)."""
    if not sp.has_km:
        raise RuntimeError("the distance stage needs the arcs' distances (a network over DISTANCE_MAX_ARCS)")
    off = net.off
    cover = flows[off[2] : off[3]]
    K = int(flows[off[1] : off[2]].sum())
    keep = np.ones(len(net.tails), dtype=bool)
    keep[0] = False
    keep[off[2] : off[3]] = False
    caps_b = net.caps.copy()
    caps_b[off[3] : off[4]] = cover
    costs_b = np.zeros(len(net.tails), dtype=np.int64)
    scale = TIMELINE_TIE if tie else 1
    costs_b[off[4] : off[5]] = np.rint(sp.d_km * (1000.0 / DIST_UNIT_M)).astype(np.int64) * scale
    costs_b[off[5] : off[6]] = np.rint(sp.e_km * (1000.0 / DIST_UNIT_M)).astype(np.int64) * scale
    costs_b[off[6] : off[7]] = 1 if tie else 0
    sup_b = np.zeros(net.n_nodes, dtype=np.int64)
    sup_b[0], sup_b[1] = K, -K
    sup_b[net.p_in] -= cover
    sup_b[net.p_out] += cover
    t0 = time.perf_counter()
    _, fb = min_cost_flow(net.tails[keep], net.heads[keep], caps_b[keep], costs_b[keep], sup_b)
    stats["flow_b_s"] = stats.get("flow_b_s", 0.0) + time.perf_counter() - t0
    out = np.zeros(len(net.tails), dtype=np.int64)
    out[keep] = fb
    out[off[2] : off[3]] = cover
    return out


def unit_paths(net: ClassNet, flows: IArr, gunits: list[list[str]]) -> list[tuple[str, list[int]]]:
    """Decompose the flows into one path per unit used: (unit id, active post indices in order), skipping cover
    arcs (a path entering a post's in-node continues at its out-node). A node's arcs with flow are taken in arc
    order (a stable sort by tail), each unit leaving by the first one with flow left."""
    off = net.off
    arcs = np.flatnonzero(flows > 0)
    arcs = arcs[(arcs > 0) & ((arcs < off[2]) | (arcs >= off[3]))]
    arcs = arcs[np.argsort(net.tails[arcs], kind="stable")]
    tails = net.tails[arcs]
    first = np.searchsorted(tails, np.arange(net.n_nodes + 1)).tolist()
    heads, left = net.heads[arcs].tolist(), flows[arcs].tolist()
    local = np.full(net.n_nodes, -1, dtype=np.int64)
    local[net.p_in] = np.arange(len(net.p_in))
    in_to_local, p_out = local.tolist(), net.p_out.tolist()
    ptr = first[:-1]
    paths: list[tuple[str, list[int]]] = []
    for gi, units in enumerate(gunits):
        for k in range(int(flows[off[1] + gi])):
            node = int(net.g_node[gi])
            seq: list[int] = []
            while True:
                j, end = ptr[node], first[node + 1]
                while j < end and left[j] == 0:
                    j += 1
                ptr[node] = j
                if j == end:
                    raise RuntimeError("flow decomposition got stuck")
                left[j] -= 1
                head = heads[j]
                if head == 1:
                    break
                li = in_to_local[head]
                if li >= 0:
                    seq.append(li)
                    node = p_out[li]
                else:
                    node = head
            paths.append((units[k], seq))
    return paths
