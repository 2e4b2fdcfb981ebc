"""Greedy cover under a time limit: a best-fit heuristic for a class whose exact flow did not finish in time.

Slots are taken by open time, higher priority first; each goes to the used unit that is free latest yet still
arrives by the open, else to the fresh unit that arrives earliest. Every move it makes is tested with the same
travel times (the instance's table where it lists the move, else the formula) and slack threshold as the exact
stages, so its cover is feasible; it is not proven optimal, and the solution's status says ``feasible``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from paradeplan.posts.geo import haversine_km, travel_seconds
from paradeplan.posts.instance import Unit
from paradeplan.posts.kind import ClassResult, KindData
from paradeplan.posts.network import Moves

IArr = NDArray[np.int64]


def greedy_class(
    kd: KindData, units: list[Unit], speed: float, until: float, moves: Moves, need_rem: IArr, tau: float = 0.0
) -> ClassResult:
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
    return ClassResult(covered, used, len(used), int((covered * kd.prio).sum()))
