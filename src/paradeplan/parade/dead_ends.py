"""Dead-end streets off the route: side streets whose only way out is the route (residents wait, no detour).

From each route node, every side street it does not drive is followed on the street graph (both ways: residents
may walk or push a motorbike either way down an alley) without touching the route or its other carriageway. When
the streets reached that way are few (at most :data:`POCKET_NODES` nodes, all of them), the side street is a
pocket: nobody inside can leave while the route there is closed, so the notice tells its residents until when
they are held instead of giving a detour.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from paradeplan.geo.streets import road_rank

#: A side street whose reachable streets (route excluded) have at most this many nodes is a dead end.
POCKET_NODES = 60
#: Side streets of these classes may be dead ends (alleys); a pocket touching a bigger street has a way out.
ALLEY_RANK = road_rank("residential")
#: Classes a resident can leave by (driveways and parking aisles are in the data only as service).
SIDE_RANK = road_rank("service")


def _pocket(idx: Any, start: str, blocked: Collection[str]) -> bool:
    """Whether the streets reachable from ``start`` without ``blocked`` nodes are a small closed pocket of alleys:
    reaching a bigger street, a join the street data was bridged with, or many nodes is a way out."""
    seen = {start}
    todo = [start]
    while todo:
        n = todo.pop()
        for m, e in idx.u[n].items():
            if m in seen or m in blocked:
                continue
            if e["bridged"] or road_rank(str(e["highway"])) < ALLEY_RANK:
                return False  # a bigger street, or a gap of the street data bridged (it may be one)
            if road_rank(str(e["highway"])) > SIDE_RANK:
                continue
            seen.add(m)
            if len(seen) > POCKET_NODES:
                return False
            todo.append(m)
    return True


def _key(name: str) -> str:
    return name.casefold().strip().removeprefix("đường ").strip()


def dead_end_streets(
    idx: Any, route_nodes: Iterable[str], blocked: Collection[str], route_names: Collection[str]
) -> tuple[str, ...]:
    """Names of the alleys leaving ``route_nodes`` that have no other way out than the route (``blocked``: every
    route node and its other carriageway; ``route_names``: the route's streets, whose other carriageway is no
    alley), in route order, unnamed ones left out; a street crossing the route is one only when each side is."""
    own = {_key(n) for n in route_names}
    pocket: dict[str, bool] = {}  # a name is a dead end when every branch of it off the route is one
    for n in route_nodes:
        for m, e in sorted(idx.u[n].items(), key=lambda x: str(x[0])):
            rank = road_rank(str(e["highway"]))
            if m in blocked or not ALLEY_RANK <= rank <= SIDE_RANK or e["bridged"] or not e["names"]:
                continue
            if any(_key(x) in own for x in e["names"]):
                continue
            closed = _pocket(idx, m, blocked)
            for name in sorted(e["names"]):
                pocket[name] = pocket.get(name, True) and closed
    return tuple(name for name, closed in pocket.items() if closed)
