"""The sparse compatibility network: direct arcs and hub timelines whose transitive closure is compatibility.

Compatibility A→B (``t(A) + travel(A→B) ≤ open(B)``, where ``t`` is a post's close or a unit group's ready) is
transitive for one speed (triangle inequality and ``open < close``), so chains of posts only need a graph whose
transitive closure equals the compatibility relation, with infinite capacity on its arcs.

Time hubs
---------
All-pairs arcs grow quadratically (≈10⁸ at 10,000 posts). Instead the targets (posts) are put in a quadtree of
``L+1`` levels over their bounding box. Each cell ``c`` has a *timeline*: nodes ``(c, τ)`` chained forward in time,
meaning "a unit here can still reach every post of ``c`` by its open as long as that open is ≥ τ". For a source A
with free time ``t = t(A)`` and a cell ``c`` let ``ub(A, c) ≥ max travel(A → B ∈ c)`` (ball bound
``(d(A, centre) + radius)``, made monotone down the tree by taking the parent's when smaller, inflated by a safety
margin) and ``lb(A, c) ≤ min travel(A → B ∈ c)`` (``d(A, centre) − radius``, deflated).

Top-down descent. A source *visits* the root cells; at a visited cell ``c`` (parent ``p``; ``ub(A, p) = ∞`` at the
root):

- it *enters* ``c`` at ``τ = t + ub(A, c)`` when some post of ``c`` opens in ``[t + ub(A, c), t + ub(A, p))``;
- it visits ``c``'s children only when some post of ``c`` opens in ``[t + lb(A, c), t + ub(A, c))``, the window
  where the bounds cannot tell whether it is reachable;
- at a visited leaf, every post opening in that window is a *candidate*, and a direct arc joins A to it when the
  exact test ``t + travel ≤ open`` passes.

Every post B leaves every ancestor timeline at ``open(B)``. Soundness: a path through a hub satisfies
``open(B) ≥ τ = t + ub(A, c) ≥ t + travel(A→B)``, and direct arcs are tested exactly. Exactness: let B be compatible
with A, with ancestors ``c_0 ⊃ … ⊃ c_L`` and ``ℓ*`` the coarsest level with ``open(B) ≥ t + ub(A, c_ℓ*)``. For every
``ℓ < ℓ*``, ``t + lb(A, c_ℓ) ≤ t + travel(A→B) ≤ open(B) < t + ub(A, c_ℓ)``: B itself opens in ``c_ℓ``'s window,
so A visits ``c_{ℓ+1}``; by induction A visits ``c_ℓ*``, where B opens in ``[t + ub(c_ℓ*), t + ub(c_{ℓ*-1}))``,
so A enters ``c_ℓ*`` and reaches B along the timeline. If no such level exists, the same argument takes A down to
B's leaf, where B is a candidate and gets its direct arc. Hence the closure of the sparse graph is exactly the
compatibility relation and the flow optimum equals the all-arcs optimum. The descent needs no lower bound to be
monotone: each level's test only asks whether B itself lies in the window. Float rounding only ever widens the
windows (a superset of candidates and visits costs time, never exactness).

The grid is chosen from the region **in travel time** at the class's speed: leaves span at most
:data:`CELL_SPAN_S` seconds of travel (their diagonal), or deeper on dense instances (:func:`levels_for`). So the
window ``[lb, ub)`` of a leaf, and with it the candidates, stays small however wide the region is; and the descent
only visits the cells a source could just about reach in time, not every cell.

Only reachability along a timeline matters (entry at ``τ`` reaches the cell's exits at ``τ' ≥ τ``), so a timeline
node stands for a run "entries, then exits" of the cell's time-sorted events rather than for one distinct time
(:func:`timeline_nodes`: same reachability, chains several times shorter on dense grids), and nodes also get arcs
16, 256, … nodes ahead. Those arcs lie in the chain's closure and, like it, are free and uncapacitated, so every flow
value and cost is unchanged; they only shorten the paths cost scaling must relabel along.

With a street travel table the triangle inequality may fail, so :func:`build_dense` lists every compatible pair.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from paradeplan.geo.distance import EARTH_RADIUS_KM
from paradeplan.posts.geo import haversine_km, travel_seconds
from paradeplan.posts.instance import Instance

SAFETY_S = 1e-6
"""Seconds added to hub upper bounds (and removed from lower bounds) to absorb float rounding."""
CELL_SPAN_S = 600.0
"""Most seconds of travel across a leaf cell's diagonal at the class's speed (the grid's depth follows)."""
SMALL = 1500
"""Below this many posts one cell holds them all (every pair a candidate: at most ~2 million, exact distances)."""
MAX_LEVELS = 12
CHAIN_SKIP = 16
"""Timeline nodes also get arcs 16, 256, 4096, … nodes ahead in their cell (see :func:`timeline_nodes`)."""
DISTANCE_MAX_ARCS = 200_000
"""Above this many arcs the distance stage is skipped (:mod:`paradeplan.posts.flows`), so a network with more direct
arcs and entries keeps no distances (:class:`Sparse`)."""
CANDIDATES_PER_CHUNK = 1 << 19
"""Direct-arc candidates tested at once (bounds the memory of the network build)."""
SOURCES_PER_CHUNK = 1024
"""Sources whose arcs are listed together, level by level (fixes the arcs' order)."""
SOURCES_PER_DESCENT = 128
"""Sources descending the tree at once inside such a chunk: small enough that the descent's temporary arrays (a few
MB) are reused from the heap instead of fresh pages each time (10,000 wide posts: 110,000 page faults → 47,000);
their arcs are put back in the chunk's order, so the network is the same whatever this is."""
EXACT_STEPS = 4
"""Steps over one minute's posts before :meth:`_Level.exact_at` falls back to a binary search."""
TRIM_ARCS = 2_000_000
"""A build of more arcs than this gives its freed temporaries back to the system (:func:`_trim_heap`)."""
SLOT_SEARCH = 1 << 20
"""Entries placed among the timeline slots at once (:func:`_exit_slots`; bounds its temporaries)."""
SLOT_TABLE_MAX = 1 << 23
"""Most cells × minutes of the table that places entries among the timeline slots (:func:`_exit_slots`)."""
END_TIME = (1 << 31) - 1
"""A cell's end slot's time in the slot keys (past every event's time)."""
_BIG_T = 1_000_000
KM_PER_DEG = 6371.0088 * math.pi / 180.0

FArr = NDArray[np.float64]
IArr = NDArray[np.int64]
I32 = NDArray[np.int32]


class Moves:
    """How long a unit takes from a place to a post: the instance's street travel table where it lists the pair,
    else the contract's formula (great circle × detour factor / speed)."""

    def __init__(self, instance: Instance) -> None:
        self.detour = instance.detour_factor
        self.table = instance.travel_map

    def row_key(self, source_id: str) -> tuple[tuple[str, int], ...]:
        """What distinguishes a unit's own listed travel times (units sharing it are interchangeable)."""
        return tuple(sorted(self.table.get(source_id, {}).items()))

    def matrix(
        self,
        src_ids: list[str],
        src_lat: FArr,
        src_lon: FArr,
        tgt_ids: list[str],
        tgt_lat: FArr,
        tgt_lon: FArr,
        speed: float,
    ) -> FArr:
        """Seconds from every source to every target (rows: sources)."""
        km = haversine_km(src_lat[:, None], src_lon[:, None], tgt_lat[None, :], tgt_lon[None, :])
        out = travel_seconds(km, self.detour, speed)
        if self.table:
            col = {t: j for j, t in enumerate(tgt_ids)}
            for i, sid in enumerate(src_ids):
                for tid, secs in self.table.get(sid, {}).items():
                    j = col.get(tid)
                    if j is not None:
                        out[i, j] = float(secs)
        return out

    def one(self, src_id: str, lat: float, lon: float, tgt_id: str, tlat: float, tlon: float, speed: float) -> float:
        """Seconds from one place to one post."""
        listed = self.table.get(src_id, {}).get(tgt_id)
        if listed is not None:
            return float(listed)
        return float(travel_seconds(haversine_km(lat, lon, tlat, tlon), self.detour, speed))


@dataclass(frozen=True)
class Sparse:
    """Arcs of the sparse compatibility network between sources (posts then groups) and targets (posts).

    Direct arcs ``d_src → d_tgt`` (``d_km`` long), entries ``e_src → e_node`` (``e_km`` to the cell's centre),
    timeline arcs ``c_tail → c_head`` and exits ``x_node → x_tgt``; hub nodes are numbered ``0 … n_hub-1``.
    ``d_km`` and ``e_km`` are empty when there are more than :data:`DISTANCE_MAX_ARCS` direct arcs and entries:
    only the distance stage reads them, and it does not run on networks that large (:attr:`has_km`).
    """

    d_src: I32
    d_tgt: I32
    d_km: FArr
    e_src: I32
    e_node: I32
    e_km: FArr
    x_node: I32
    x_tgt: I32
    c_tail: I32
    c_head: I32
    n_hub: int

    @property
    def has_km(self) -> bool:
        """Whether the arcs' distances were kept."""
        return len(self.d_km) == len(self.d_src) and len(self.e_km) == len(self.e_src)

    @property
    def hub_arcs(self) -> int:
        """Entry, timeline and exit arcs."""
        return len(self.e_src) + len(self.x_node) + len(self.c_tail)


def _i32(a: NDArray[np.integer] | list[int]) -> I32:
    return np.asarray(a, dtype=np.int32)


def _empty() -> Sparse:
    e = np.zeros(0, dtype=np.int32)
    f = np.zeros(0, dtype=np.float64)
    return Sparse(e, e, f, e, e, f, e, e, e, e, 0)


def levels_for(n: int) -> int:
    """Quadtree depth from the post count alone, from measurements on dense city grids (deeper trees trade direct
    arcs for hub nodes); :func:`grid_levels` takes the deeper of this and the travel-time depth."""
    if n < SMALL:
        return 0
    return 1 if n < 2500 else 2 if n < 6000 else 3


def grid_levels(tgt_lat: FArr, tgt_lon: FArr, factor: float) -> int:
    """Depth whose leaves span at most :data:`CELL_SPAN_S` of travel across their diagonal (``factor``: seconds per
    km), or the count's depth when deeper; one cell below :data:`SMALL` posts."""
    n = len(tgt_lat)
    if n < SMALL:
        return 0
    mid = math.radians(float(tgt_lat.min() + tgt_lat.max()) / 2)
    h_km = float(tgt_lat.max() - tgt_lat.min()) * KM_PER_DEG
    w_km = float(tgt_lon.max() - tgt_lon.min()) * KM_PER_DEG * math.cos(mid)
    span = math.hypot(h_km, w_km) * factor
    by_travel = max(0, math.ceil(math.log2(span / CELL_SPAN_S))) if span > CELL_SPAN_S else 0
    return min(MAX_LEVELS, max(by_travel, levels_for(n)))


@dataclass(frozen=True)
class _Level:
    """One level of the quadtree: per target its cell; per cell centre, radius, first child; sorted (cell, open)."""

    cell_of: IArr
    xyz: FArr
    clat: FArr
    clon: FArr
    rad: FArr
    child_lo: IArr
    child_hi: IArr
    keys: FArr
    order: IArr
    offset: int
    table: I32 | None
    """With ``L > 0``: ``table[c, m]`` = position in ``keys`` of cell c's first post opening at or after minute
    ``m0 + m`` (so a window's posts are found by two look-ups, rounded outwards to whole minutes)."""
    m0: int

    def at(self, cells: IArr, x: FArr, upper: bool) -> IArr:
        """Positions in ``keys`` of the first post of each cell opening at or after ``x`` seconds: exact without a
        table; with one, rounded outwards (down for a window's start, up for its end: ``upper``)."""
        if self.table is None:
            return np.searchsorted(self.keys, cells.astype(np.float64) * _BIG_T + x)
        span = self.table.shape[1] - 1
        m = np.ceil(x / 60.0) if upper else np.floor(x / 60.0)
        m = np.clip(m - self.m0, 0, span).astype(np.int64)  # x is never NaN; clipping takes ±inf to the ends
        return np.asarray(self.table.ravel()[cells * (span + 1) + m], dtype=np.int64)

    def exact_at(self, cells: IArr, x: FArr) -> IArr:
        """Positions in ``keys`` of the first post of each cell opening at or after ``x`` seconds, exactly
        (``searchsorted(keys, cells·BIG + x)``; with a table).

        The table's position for ``x``'s whole minute is never past the answer (opens are whole seconds: a post
        opening at or after ``x`` opens at or after that minute), so the answer is reached by stepping over the few
        posts of the cell opening inside that minute before ``x``; a binary search finishes what a few steps do not.
        """
        target = cells.astype(np.float64) * _BIG_T + x
        pos = self.at(cells, x, False)
        k = self.keys
        n = len(k)
        idx = np.flatnonzero((pos < n) & (k[np.minimum(pos, n - 1)] < target))
        for _ in range(EXACT_STEPS):
            if not len(idx):
                return pos
            pos[idx] += 1
            p = pos[idx]
            idx = idx[(p < n) & (k[np.minimum(p, n - 1)] < target[idx])]
        if len(idx):
            pos[idx] = np.searchsorted(k, target[idx])
        return pos


def unit_xyz(lat: FArr, lon: FArr) -> FArr:
    """Points on the unit sphere (rows x, y, z), for great-circle distances from chords."""
    p, q = np.radians(lat), np.radians(lon)
    return np.stack([np.cos(p) * np.cos(q), np.cos(p) * np.sin(q), np.sin(p)])


def chord_km(a: tuple[FArr, FArr, FArr], b: tuple[FArr, FArr, FArr]) -> FArr:
    """Great-circle km between unit vectors (columns of ``a`` and ``b``): ``2R·asin(chord/2)``, the haversine's
    value to rounding (~1e-12 km, far inside :data:`SAFETY_S`) at a third of its cost; used for bounds only."""
    dx, dy, dz = a[0] - b[0], a[1] - b[1], a[2] - b[2]
    c = np.sqrt(dx * dx + dy * dy + dz * dz)
    return np.asarray(2.0 * 6371.0088 * np.arcsin(np.minimum(c / 2.0, 1.0)), dtype=np.float64)


def _minute_table(cid: IArr, nc: int, open_f: FArr) -> tuple[I32, int]:
    """``table[c, m]``: how many posts sort before cell c's first post opening at or after minute ``m0 + m``."""
    minute = (open_f // 60.0).astype(np.int64)
    m0 = int(minute.min())
    span = int(minute.max()) - m0 + 2
    hist = np.bincount(cid * span + (minute - m0), minlength=nc * span).reshape(nc, span)
    before = np.zeros((nc, span + 1), dtype=np.int64)
    np.cumsum(hist, axis=1, out=before[:, 1:])
    start = np.concatenate([[0], np.cumsum(before[:, -1])[:-1]])
    return np.asarray(before + start[:, None], dtype=np.int32), m0


def _tree(tgt_lat: FArr, tgt_lon: FArr, open_f: FArr, L: int) -> list[_Level]:
    """The quadtree's levels; cells are numbered in Morton order so a cell's children are contiguous below it."""
    lat0, lon0 = float(tgt_lat.min()), float(tgt_lon.min())
    dlat = max(float(tgt_lat.max()) - lat0, 1e-9)
    dlon = max(float(tgt_lon.max()) - lon0, 1e-9)
    side = 1 << L
    ix = np.clip(((tgt_lon - lon0) / dlon * side).astype(np.int64), 0, side - 1)
    iy = np.clip(((tgt_lat - lat0) / dlat * side).astype(np.int64), 0, side - 1)
    code = np.zeros(len(tgt_lat), dtype=np.int64)
    for b in range(L):
        code |= ((ix >> b) & 1) << (2 * b) | ((iy >> b) & 1) << (2 * b + 1)
    levels: list[_Level] = []
    prev_codes: IArr | None = None
    total = 0
    cells: list[tuple[IArr, IArr]] = []
    for lv in range(L + 1):
        uniq, cid = np.unique(code >> (2 * (L - lv)), return_inverse=True)
        cells.append((uniq, cid.astype(np.int64).ravel()))
    for lv in range(L + 1):
        uniq, cid = cells[lv]
        nc = len(uniq)
        cnt = np.bincount(cid, minlength=nc).astype(np.float64)
        clat = np.bincount(cid, weights=tgt_lat, minlength=nc) / cnt
        clon = np.bincount(cid, weights=tgt_lon, minlength=nc) / cnt
        rad = np.zeros(nc)
        np.maximum.at(rad, cid, haversine_km(clat[cid], clon[cid], tgt_lat, tgt_lon))
        if lv < L:
            parent_of_child = cells[lv + 1][0] >> 2  # codes of the children's parents, sorted
            child_lo = np.searchsorted(parent_of_child, uniq, side="left").astype(np.int64)
            child_hi = np.searchsorted(parent_of_child, uniq, side="right").astype(np.int64)
        else:
            child_lo = child_hi = np.zeros(nc, dtype=np.int64)
        order = np.lexsort((open_f, cid))
        keys = cid[order].astype(np.float64) * _BIG_T + open_f[order]
        table, m0 = _minute_table(cid, nc, open_f) if L > 0 else (None, 0)
        levels.append(
            _Level(cid, unit_xyz(clat, clon), clat, clon, rad, child_lo, child_hi, keys, order, total, table, m0)
        )
        total += nc
        prev_codes = uniq
    del prev_codes
    return levels


@dataclass
class _Out:
    """Arcs gathered chunk by chunk; a chunk's entries wait in ``level`` (one list per level) until
    :meth:`flush` puts them after the earlier chunks' in level order. Distances are kept only while the direct
    arcs and entries number at most :data:`DISTANCE_MAX_ARCS` (``km``; see :class:`Sparse`)."""

    d_src: list[I32]
    d_tgt: list[I32]
    d_km: list[FArr]
    e_src: list[I32]
    e_cell: list[I32]
    e_tau: list[IArr]
    e_km: list[FArr]
    level: list[list[tuple[I32, I32, IArr, FArr]]] = field(default_factory=list)
    arcs: int = 0
    km: bool = True

    def _count(self, n: int) -> None:
        self.arcs += n
        if self.km and self.arcs > DISTANCE_MAX_ARCS:
            self.km = False
            self.d_km.clear()
            self.e_km.clear()

    def direct(self, src: I32, tgt: I32, km: FArr) -> None:
        """Direct arcs ``src → tgt``, ``km`` long."""
        self.d_src.append(src)
        self.d_tgt.append(tgt)
        self._count(len(src))
        if self.km:
            self.d_km.append(km)

    def enter(self, lv: int, arcs: tuple[I32, I32, IArr, FArr]) -> None:
        """Entries (source, cell, τ, km) found at level ``lv``."""
        while len(self.level) <= lv:
            self.level.append([])
        self.level[lv].append(arcs)
        self._count(len(arcs[0]))

    def flush(self) -> None:
        """The waiting entries, level by level (as one descent of the whole chunk would list them)."""
        for parts in self.level:
            for src, cell, tau, km in parts:
                self.e_src.append(src)
                self.e_cell.append(cell)
                self.e_tau.append(tau)
                if self.km:
                    self.e_km.append(km)
        self.level = []


@dataclass(frozen=True)
class _Side:
    """Sources (free times) or targets (opens) of a build: places, times, and per point what the exact distance
    test reads (radians and cosine of the latitude, taken once instead of once per candidate pair)."""

    lat: FArr
    lon: FArr
    t: FArr
    phi: FArr
    cos_phi: FArr

    @staticmethod
    def of(lat: FArr, lon: FArr, t: FArr) -> _Side:
        """The side of these points."""
        phi = np.radians(np.asarray(lat, dtype=np.float64))
        return _Side(lat, lon, t, phi, np.cos(phi))


def pair_km(src: _Side, si: IArr, tgt: _Side, ti: IArr) -> FArr:
    """``haversine_km(src.lat[si], src.lon[si], tgt.lat[ti], tgt.lon[ti])`` with each point's radians and cosine
    gathered instead of computed per pair: the same operations in the same order, so the same bits."""
    p1, p2 = src.phi[si], tgt.phi[ti]
    dl = np.radians(tgt.lon[ti] - src.lon[si])
    a = np.sin((p2 - p1) / 2.0) ** 2 + src.cos_phi[si] * tgt.cos_phi[ti] * np.sin(dl / 2.0) ** 2
    return np.asarray(2.0 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0))), dtype=np.float64)


def build_sparse(
    src_lat: FArr,
    src_lon: FArr,
    src_t: FArr,
    tgt_lat: FArr,
    tgt_lon: FArr,
    tgt_open: IArr,
    detour: float,
    speed: float,
    levels: int | None = None,
) -> Sparse:
    """Direct arcs and hub timelines whose transitive closure is the compatibility relation (see the module)."""
    n_s, n_t = len(src_lat), len(tgt_lat)
    if n_s == 0 or n_t == 0:
        return _empty()
    factor = detour / speed * 3600.0
    L = grid_levels(tgt_lat, tgt_lon, factor) if levels is None else levels
    src = _Side.of(src_lat, src_lon, src_t)
    tgt = _Side.of(tgt_lat, tgt_lon, tgt_open.astype(np.float64))
    tree = _tree(tgt_lat, tgt_lon, tgt.t, L)
    out = _Out([], [], [], [], [], [], [])
    src_xyz = unit_xyz(src_lat, src_lon)
    for s0 in range(0, n_s, SOURCES_PER_CHUNK):
        s1 = min(n_s, s0 + SOURCES_PER_CHUNK)
        for d0 in range(s0, s1, SOURCES_PER_DESCENT):
            sources = np.arange(d0, min(s1, d0 + SOURCES_PER_DESCENT), dtype=np.int64)
            _descend(tree, sources, src_xyz, src, tgt, (detour, speed), out)
        out.flush()
    sp = _assemble(tree, out, tgt_open)
    del out, tree  # the chunks' arrays, freed before the heap is trimmed
    if len(sp.d_src) + sp.hub_arcs > TRIM_ARCS:
        _trim_heap()
    return sp


def _trim_heap() -> None:
    """Give the pages the build's freed temporaries leave in the C heap back to the system (glibc's
    ``malloc_trim``; nothing where the C library has none): a large build leaves some 200 MB there (30,000 wide
    posts), which the flows that follow would otherwise hold on top of their own peak."""
    import ctypes

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)


def _descend(
    tree: list[_Level],
    sources: IArr,
    src_xyz: FArr,
    src: _Side,
    tgt: _Side,
    move: tuple[float, float],
    out: _Out,
) -> None:
    """Visit the tree top-down for some sources: entries at every visited cell, candidates at visited leaves
    (``move``: detour factor and speed)."""
    factor = move[0] / move[1] * 3600.0
    L = len(tree) - 1
    root = tree[0]
    fs = np.repeat(sources, len(root.clat))
    fc = np.tile(np.arange(len(root.clat), dtype=np.int64), len(sources))
    up = np.full(len(fs), np.inf)
    for lv, lev in enumerate(tree):
        if not len(fs):
            return
        st = src.t[fs]
        dc = chord_km(
            (src_xyz[0][fs], src_xyz[1][fs], src_xyz[2][fs]), (lev.xyz[0][fc], lev.xyz[1][fc], lev.xyz[2][fc])
        )
        mt = np.minimum((dc + lev.rad[fc]) * factor * (1 + 1e-12) + SAFETY_S, up)
        lo = st + mt
        hi = np.where(np.isinf(up), _BIG_T - 1.0, st + up + 1.0)
        enter = lev.at(fc, hi, True) > lev.at(fc, lo - 1.0, False)
        if lev.table is not None:  # the minute table's answer is a superset: keep exactly the entries needed
            maybe = np.flatnonzero(enter)
            cm = fc[maybe]
            enter[maybe] = lev.exact_at(cm, hi[maybe]) > lev.exact_at(cm, lo[maybe] - 1.0)
        if enter.any():
            # the distance stage's estimate; the haversine's own rounding in the one-cell tree of small instances
            e_km = (
                dc[enter]
                if L
                else haversine_km(src.lat[fs[enter]], src.lon[fs[enter]], lev.clat[fc[enter]], lev.clon[fc[enter]])
            )
            out.enter(lv, (_i32(fs[enter]), _i32(fc[enter] + lev.offset), np.ceil(lo[enter]).astype(np.int64), e_km))
        lb = np.maximum(dc - lev.rad[fc], 0.0) * factor * (1 - 1e-12) - SAFETY_S
        a = lev.at(fc, st + lb - 1.0, False)
        b = lev.at(fc, lo + 1.0, True)
        go = np.flatnonzero(b > a)
        if lv == L:
            win = (st[go] + lb[go] - 1.0, lo[go] + 1.0)
            _candidates(fs[go], (a[go], b[go]), win, lev.order, src, tgt, move, out)
            return
        cnt = lev.child_hi[fc[go]] - lev.child_lo[fc[go]]
        first = np.repeat(lev.child_lo[fc[go]] - np.cumsum(cnt) + cnt, cnt)
        fc = first + np.arange(int(cnt.sum()), dtype=np.int64)
        fs = np.repeat(fs[go], cnt)
        up = np.repeat(mt[go], cnt)


def _candidates(
    rows_src: IArr,
    span: tuple[IArr, IArr],
    win: tuple[FArr, FArr],
    order: IArr,
    src: _Side,
    tgt: _Side,
    move: tuple[float, float],
    out: _Out,
) -> None:
    """Test the leaf candidates (positions ``a[i] … b[i]-1`` of the sorted leaf keys for source ``rows_src[i]``,
    ``span = (a, b)``) exactly, at most :data:`CANDIDATES_PER_CHUNK` at a time; keep the compatible pairs as direct
    arcs."""
    a, b = span
    cnt = b - a
    ends = np.cumsum(cnt)
    r0 = 0
    while r0 < len(cnt):
        limit = (ends[r0 - 1] if r0 else 0) + CANDIDATES_PER_CHUNK
        r1 = max(r0 + 1, int(np.searchsorted(ends, limit, side="right")))
        c = cnt[r0:r1]
        tot = int(c.sum())
        if tot:
            starts = np.repeat(a[r0:r1] - np.cumsum(c) + c, c)
            pos = np.arange(tot, dtype=np.int64) + starts
            tg = order[pos]
            si = np.repeat(rows_src[r0:r1], c)
            op = tgt.t[tg]
            inside = (op >= np.repeat(win[0][r0:r1], c)) & (op < np.repeat(win[1][r0:r1], c))  # the exact window
            tg, si, op = tg[inside], si[inside], op[inside]
            km = pair_km(src, si, tgt, tg)
            ok = src.t[si] + travel_seconds(km, move[0], move[1]) <= op
            out.direct(_i32(si[ok]), _i32(tg[ok]), km[ok])
        r0 = r1


def _cat_i32(parts: list[I32]) -> I32:
    return np.concatenate(parts).astype(np.int32, copy=False) if parts else np.zeros(0, dtype=np.int32)


def _cat_f(parts: list[FArr]) -> FArr:
    return np.concatenate(parts).astype(np.float64, copy=False) if parts else np.zeros(0, dtype=np.float64)


def _assemble(tree: list[_Level], out: _Out, tgt_open: IArr) -> Sparse:
    """Exits (each target leaves each ancestor timeline at its open, if anything enters that cell by then) and the
    timeline nodes."""
    e_cell = _cat_i32(out.e_cell)
    e_tau = np.concatenate(out.e_tau) if out.e_tau else np.zeros(0, dtype=np.int64)
    total = tree[-1].offset + len(tree[-1].clat)
    min_tau = np.full(total, np.iinfo(np.int64).max, dtype=np.int64)
    if len(e_cell):
        np.minimum.at(min_tau, e_cell, e_tau)
    x_cell_l, x_tgt_l = [], []
    tidx = np.arange(len(tgt_open), dtype=np.int32)
    for lev in tree:
        gc = lev.cell_of + lev.offset
        keep = min_tau[gc] <= tgt_open
        x_cell_l.append(gc[keep])
        x_tgt_l.append(tidx[keep])
    x_cell = np.concatenate(x_cell_l)
    x_tgt = _i32(np.concatenate(x_tgt_l))
    x_tau = tgt_open[x_tgt].astype(np.int64)
    e_node, x_node, c_tail, c_head, n_hub = timeline_nodes(e_cell, e_tau, x_cell, x_tau)
    return Sparse(
        _cat_i32(out.d_src),
        _cat_i32(out.d_tgt),
        _cat_f(out.d_km if out.km else []),
        _cat_i32(out.e_src),
        _i32(e_node),
        _cat_f(out.e_km if out.km else []),
        _i32(x_node),
        x_tgt,
        _i32(c_tail),
        _i32(c_head),
        n_hub,
    )


def timeline_nodes(
    e_cell: NDArray[np.integer], e_tau: IArr, x_cell: NDArray[np.integer], x_tau: IArr
) -> tuple[NDArray[np.integer], IArr, IArr, IArr, int]:
    """Nodes of the cells' timelines: (entry nodes, exit nodes, chain tails, chain heads, node count).

    An entry at ``τ`` must reach exactly the exits of its cell at ``τ' ≥ τ``. In a cell's events sorted by time
    (entries first at equal times), cut the sequence before every entry that follows an exit: each run "some entries,
    then some exits" is one node, and a cell's nodes are chained in order. An entry then reaches the exits of its own
    run and of every later run, which are exactly the exits at or after it (an exit sorted before it is strictly
    earlier). Compared with one node per distinct time this keeps the same reachability with far shorter chains.

    The runs are found without sorting the entries (millions on a wide region, against a few hundred thousand
    exits; :func:`_exit_slots`): each entry is placed by a binary search among its cell's sorted exits, at the
    first exit at or after it (a cell's *slot*; after its last exit, the cell's end slot). A run is then the entries
    placed at one slot plus the exits from that slot up to the next slot where an entry is placed (or the cell's
    end), so a node starts at every slot an entry is placed at and at every cell's first exit, and the nodes are
    numbered in (cell, time) order: the same runs, numbers and arcs as sorting every event would give.

    Besides the arc to the next node, every node gets arcs to the node ``CHAIN_SKIP ** k`` (k ≥ 1) ahead in its
    cell. They are in the chain's transitive closure and, like the chain, free and uncapacitated, so no flow value
    or cost changes; they only shorten the paths that cost-scaling min-cost flow must relabel along (a cell's
    timeline can hold thousands of nodes on a dense city grid), about halving the distance stage there.
    """
    empty = np.zeros(0, dtype=np.int64)
    if not len(e_cell) + len(x_cell):
        return empty, empty, empty, empty, 0
    slot_key, slot_exit, e_slot = _exit_slots(e_cell, e_tau, x_cell, x_tau)
    used = np.zeros(len(slot_key), dtype=bool)
    used[e_slot] = True  # a node starts where an entry is placed
    keep = used | (slot_exit >= 0)
    k_cell = slot_key[keep] >> 31
    start = used[keep]
    start[0] = True
    start[1:] |= k_cell[1:] != k_cell[:-1]
    node_of_kept = np.cumsum(start) - 1
    n_hub = int(node_of_kept[-1]) + 1
    node_cell = np.empty(n_hub, dtype=np.int64)
    node_cell[node_of_kept] = k_cell
    node_of_slot = np.full(len(slot_key), -1, dtype=np.int32)  # entries' nodes come out int32, as the network's
    node_of_slot[keep] = node_of_kept
    e_node = node_of_slot[e_slot]
    x_node = np.empty(len(x_cell), dtype=np.int64)
    real = slot_exit >= 0
    x_node[slot_exit[real]] = node_of_slot[real]
    tails, heads = [], []
    step = 1
    while step < n_hub:
        t = np.flatnonzero(node_cell[:-step] == node_cell[step:]).astype(np.int64)  # a cell's nodes are contiguous
        tails.append(t)
        heads.append(t + step)
        step = CHAIN_SKIP if step == 1 else step * CHAIN_SKIP
    if not tails:
        return e_node, x_node, empty, empty, n_hub
    return e_node, x_node, np.concatenate(tails), np.concatenate(heads), n_hub


def _exit_slots(
    e_cell: NDArray[np.integer], e_tau: IArr, x_cell: NDArray[np.integer], x_tau: IArr
) -> tuple[IArr, IArr, NDArray[np.integer]]:
    """The slots of :func:`timeline_nodes`: every exit and one end slot per cell, sorted by one int64 key
    ``cell · 2³¹ + time`` (an end slot's time past every event's; times replaced by their ranks when their range
    does not fit 31 bits); per slot its exit (−1 for an end slot); per entry its slot (the first exit of its cell at
    or after it, else the cell's end), in blocks of :data:`SLOT_SEARCH` entries (:func:`_place`)."""
    lo = min(int(e_tau.min()) if len(e_tau) else 0, int(x_tau.min()) if len(x_tau) else 0)
    hi = max(int(e_tau.max()) if len(e_tau) else 0, int(x_tau.max()) if len(x_tau) else 0)
    if hi - lo < END_TIME:
        xt, et = np.asarray(x_tau, dtype=np.int64) - lo, None
    else:  # times by rank: the same order, in range
        _, rank = np.unique(np.concatenate([x_tau, e_tau]), return_inverse=True)
        xt, et = rank[: len(x_tau)].astype(np.int64), rank[len(x_tau) :].astype(np.int64)
        lo, hi = 0, len(x_tau) + len(e_tau)
    n_cells = max(int(e_cell.max()) if len(e_cell) else 0, int(x_cell.max()) if len(x_cell) else 0) + 1
    key = np.concatenate(
        [np.asarray(x_cell, dtype=np.int64) << 31 | xt, np.arange(n_cells, dtype=np.int64) << 31 | END_TIME]
    )
    which = np.concatenate([np.arange(len(x_cell), dtype=np.int64), np.full(n_cells, -1, dtype=np.int64)])
    order = np.argsort(key, kind="stable")
    slot_key, slot_exit = key[order], which[order]
    n_min = (hi - lo) // 60 + 2
    table = None
    if n_cells * n_min <= SLOT_TABLE_MAX:  # per cell and minute: its first slot at or after that minute
        q = np.arange(n_cells, dtype=np.int64)[:, None] << 31 | np.arange(0, 60 * n_min, 60, dtype=np.int64)
        table = np.searchsorted(slot_key, q.ravel(), side="left")
    e_slot: NDArray[np.integer] = np.empty(len(e_cell), dtype=np.int32 if len(slot_key) < 1 << 31 else np.int64)
    for b0 in range(0, len(e_cell), SLOT_SEARCH):
        b1 = min(len(e_cell), b0 + SLOT_SEARCH)
        cell = np.asarray(e_cell[b0:b1], dtype=np.int64)
        t = (e_tau[b0:b1] - lo) if et is None else et[b0:b1]
        e_slot[b0:b1] = _place(slot_key, cell << 31 | t, None if table is None else table[cell * n_min + t // 60])
    return slot_key, slot_exit, e_slot


def _place(slot_key: IArr, ek: IArr, start: IArr | None) -> IArr:
    """``searchsorted(slot_key, ek)``: from ``start`` (the first slot of the key's cell at or after its whole
    minute, never past the answer) by stepping over the few slots of that minute before the key, a binary search
    finishing what :data:`EXACT_STEPS` steps do not; without ``start``, by a binary search. The key's cell has an
    end slot above it, so no step leaves the array."""
    if start is None:
        return np.searchsorted(slot_key, ek, side="left")
    pos = start.copy()
    idx = np.flatnonzero(slot_key[pos] < ek)
    for _ in range(EXACT_STEPS):
        if not len(idx):
            return pos
        pos[idx] += 1
        idx = idx[slot_key[pos[idx]] < ek[idx]]
    if len(idx):
        pos[idx] = np.searchsorted(slot_key, ek[idx], side="left")
    return pos


def build_dense(
    src_ids: list[str],
    src_lat: FArr,
    src_lon: FArr,
    src_t: FArr,
    tgt_ids: list[str],
    tgt_lat: FArr,
    tgt_lon: FArr,
    tgt_open: IArr,
    moves: Moves,
    speed: float,
) -> Sparse:
    """Direct arcs for every compatible pair (``t(A) + travel(A→B) ≤ open(B)``) when a travel table lists moves.

    A table's times need not satisfy the triangle inequality, so no hub structure: the arcs are the compatibility
    relation itself, which a path cover needs (chains use direct arcs only). Fine at the sizes a table is given for.
    """
    if len(src_ids) == 0 or len(tgt_ids) == 0:
        return _empty()
    secs = moves.matrix(src_ids, src_lat, src_lon, tgt_ids, tgt_lat, tgt_lon, speed)
    si, ti = np.nonzero(src_t[:, None] + secs <= tgt_open.astype(np.float64)[None, :])
    km = haversine_km(src_lat[si], src_lon[si], tgt_lat[ti], tgt_lon[ti])
    e = np.zeros(0, dtype=np.int32)
    return Sparse(_i32(si), _i32(ti), np.asarray(km, dtype=np.float64), e, e, np.zeros(0), e, e, e, e, 0)
