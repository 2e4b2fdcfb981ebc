"""One unit kind's posts as arrays: what every stage of the solver reads."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from paradeplan.posts.instance import Instance

FArr = NDArray[np.float64]
IArr = NDArray[np.int64]


@dataclass(frozen=True)
class KindData:
    """The posts needing units of ``kind``: ids, instance indices, places, windows, need and priority."""

    kind: str
    ids: list[str]
    idx: IArr
    lat: FArr
    lon: FArr
    open: IArr
    close: IArr
    need: IArr
    prio: IArr


def kind_data(instance: Instance, kind: str) -> KindData | None:
    """The kind's posts (``None`` when no post needs the kind)."""
    posts = instance.posts
    idx = np.array([i for i, p in enumerate(posts) if p.need_of(kind) > 0], dtype=np.int64)
    if not len(idx):
        return None
    return KindData(
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


@dataclass(frozen=True)
class ClassResult:
    """What covering one class gives: the need covered per post of the kind, each used unit's posts (kind indices,
    in order), units used, priority-weighted coverage."""

    covered_by_post: IArr
    paths: list[tuple[str, list[int]]]
    units_used: int
    weighted: int
    links: int | None = None
    """Most links between the slots of the remaining need (reachable or not), when known: every post with remaining
    need is active and either every slot is reachable or the task asked for them (``bound_links``); on a very large
    network possibly a proven upper bound on them (:func:`paradeplan.posts.flows._bound_links`)."""
    fast: bool = False
    """Stage A was decided by maximum flows (every reachable slot covered)."""
