"""Junctions along a resolved route: where other streets meet it and where it turns, with their approaches.

A route node is a junction when a street leaves it that the route does not drive there (an *approach*: the cross
street on each side, and after a turn the continuation of the street the column leaves or turns onto), or when the
route turns there from one street onto another. Approaches are read from the street graph's edges, so a street
that carries the route's own name beyond a turn is cross traffic too. Nodes within :data:`CLUSTER_M` of each other
along the route are one junction (the two carriageways of a dual road, the nodes of a roundabout); junctions
farther apart never merge. A junction passed again later (out and back) gets the same :attr:`Junction.key` when
every one of its nodes lies within :data:`SAME_PLACE_M` of every node the key has so far (complete linkage: a
key never spans more than :data:`SAME_PLACE_M`); a pass only partly that close is a neighbouring place
(``J012-2``), see :func:`place_key`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from paradeplan.geo.distance import bearing_deg, haversine_m
from paradeplan.geo.index import StreetIndex
from paradeplan.geo.streets import best_class, road_rank
from paradeplan.route.model import COORD_DECIMALS, Approach, Junction, Stretch

#: Route nodes with approaches closer than this along the route are one junction (metres).
CLUSTER_M = 50.0
#: A later junction with a node this close to an earlier one's is the same junction passed again (metres).
SAME_PLACE_M = 50.0
#: The route changes heading by more than this where it turns onto another street (degrees).
TURN_DEG = 30.0
#: Headings before and after a turn are measured over this much of the route (metres), so a rounded corner of
#: several short edges still reads as one turn.
TURN_BASE_M = 30.0
#: A short link (metres) to the other carriageway of the route's own street is part of the road, not an approach.
DUAL_LINK_M = 45.0
#: Road classes that make an approach (driveways, parking aisles and tracks do not).
APPROACH_RANK = road_rank("living_street")


@dataclass
class _Node:
    """A route node with what the route does there."""

    node: str
    dist_m: float
    street: str
    """The route street arriving here (plan name)."""
    prev: str | None
    next: str | None
    next_street: str
    """The route street leaving here."""
    own: frozenset[str]
    """Street-data names of the route's streets here (arriving and leaving)."""
    stretch_end: bool = False
    """A stretch of the route ends here (where a U-turn, a waypoint or the next street begins)."""


def _route_nodes(idx: StreetIndex, stretches: Sequence[Stretch], names_cache: dict[str, set[str]]) -> list[_Node]:
    seq: list[tuple[str, str, frozenset[str]]] = []  # (node, plan street, its street-data names)
    ends: set[int] = set()
    for s in stretches:
        own = frozenset(s.osm_names) | frozenset(names_cache.get(s.street, set()))
        for n in s.nodes:
            if seq and seq[-1][0] == n:
                continue  # where two stretches meet: the arriving one's street
            seq.append((n, s.street, own))
        ends.add(len(seq) - 1)
    out: list[_Node] = []
    dist = 0.0
    for i, (n, street, own) in enumerate(seq):
        if i:
            dist += idx.u[seq[i - 1][0]][n]["weight"] if idx.u.has_edge(seq[i - 1][0], n) else 0.0
        nxt = seq[i + 1] if i + 1 < len(seq) else None
        out.append(
            _Node(
                n,
                dist,
                street,
                seq[i - 1][0] if i else None,
                nxt[0] if nxt else None,
                nxt[1] if nxt else street,
                own | (nxt[2] if nxt else frozenset()),
                i in ends,
            )
        )
    return out


def _heading(idx: StreetIndex, a: str, b: str) -> float:
    return bearing_deg(idx.latlon(a), idx.latlon(b))


def turns(idx: StreetIndex, nodes: list[_Node], i: int) -> bool:
    """The route leaves one street for another at ``nodes[i]``, changing heading by more than :data:`TURN_DEG`
    (measured over :data:`TURN_BASE_M` of route on each side)."""
    rn = nodes[i]
    if rn.prev is None or rn.next is None or rn.prev == rn.next or rn.street == rn.next_street:
        return False
    back = next((nodes[k] for k in range(i - 1, -1, -1) if rn.dist_m - nodes[k].dist_m >= TURN_BASE_M), nodes[0])
    ahead = next((nodes[k] for k in range(i + 1, len(nodes)) if nodes[k].dist_m - rn.dist_m >= TURN_BASE_M), nodes[-1])
    if back.node == rn.node or ahead.node == rn.node:
        return False
    change = abs((_heading(idx, rn.node, ahead.node) - _heading(idx, back.node, rn.node) + 540) % 360 - 180)
    return change > TURN_DEG


def approaches(idx: StreetIndex, rn: _Node) -> list[tuple[Approach, bool]]:
    """Streets leaving a route node that the route does not drive there, with the heading they leave on.

    Each comes with whether it bears the route's own street name here: such an approach is the road itself (its
    other carriageway, a link) unless the route turns here, where it is the continuation of the street the column
    leaves or turns onto. An unnamed bridging join of a thinned extract leads to the node of the street it stands
    for: that node's streets are the approaches. A short unnamed link that reaches the route's own street again is
    part of the road.
    """
    out: list[tuple[Approach, bool]] = []
    route_here = {rn.prev, rn.next}
    for m in sorted(idx.u[rn.node], key=str):
        if m in route_here:
            continue
        d = idx.u[rn.node][m]
        ends = [(m, d)]
        if d["bridged"] and not d["names"]:
            ends = [(x, idx.u[m][x]) for x in sorted(idx.u[m], key=str) if x != rn.node and x not in route_here]
        for far, e in ends:
            hw = str(e["highway"]).removesuffix("_link")
            if road_rank(hw) > APPROACH_RANK or hw == "bridge_join":
                continue
            names = e["names"]
            if (
                e["weight"] <= DUAL_LINK_M
                and names <= rn.own
                and far != rn.node
                and any(idx.u[far][x]["names"] & rn.own for x in idx.u[far] if x not in (rn.node, m))
            ):
                continue  # the link across the median of the route's own dual road
            for name in sorted(names) or [""]:
                out.append((Approach(name, hw, int(round(_heading(idx, rn.node, far))) % 360), name in rn.own))
    return out


def _junction(
    idx: StreetIndex, group: list[tuple[_Node, list[tuple[Approach, bool]], bool]], key: str, uturn: bool
) -> Junction:
    first = group[0][0]
    lat, lon = idx.latlon(first.node)
    seen: set[tuple[str, int]] = set()
    kept: list[Approach] = []
    turn = any(t for _, _, t in group)
    for _, apps, _ in group:
        for a, is_own in apps:
            if is_own and not turn:
                continue
            sector = int(((a.bearing + 22.5) % 360) // 45)  # one approach per street and compass sector
            if (a.street, sector) not in seen:
                seen.add((a.street, sector))
                kept.append(a)
    # the other streets by the names people use: the route's own streets by their plan names
    own_names: frozenset[str] = frozenset().union(*(rn.own for rn, _, _ in group))
    streets = {a.street for a in kept if a.street and a.street not in own_names}
    if turn:
        streets |= {rn.next_street for rn, _, t in group if t}
    streets.discard(first.street)
    cls = best_class([a.highway for a in kept])
    return Junction(
        first.node,
        round(lat, COORD_DECIMALS),
        round(lon, COORD_DECIMALS),
        round(first.dist_m, 1),
        tuple(sorted(streets)),
        cls,
        uturn,
        first.street,
        key,
        turn,
        tuple(kept),
        tuple(rn.node for rn, _, _ in group),
    )


def _within(pa: list[tuple[float, float]], pb: list[tuple[float, float]]) -> Any:
    """Which pairs of ``pa`` × ``pb`` lie within :data:`SAME_PLACE_M` (a boolean matrix)."""
    import numpy as np

    a, b = np.asarray(pa, dtype=np.float64), np.asarray(pb, dtype=np.float64)
    return haversine_m(a[:, None, 0], a[:, None, 1], b[None, :, 0], b[None, :, 1]) <= SAME_PLACE_M


def place_key(pts: list[tuple[float, float]], places: list[tuple[str, list[tuple[float, float]]]]) -> str:
    """The key of the junction at ``pts`` (one pass's nodes), adding it to ``places`` (every key with all its
    nodes so far, in the order found).

    It is the key of the first earlier place whose every node lies within :data:`SAME_PLACE_M` of every one of
    ``pts`` (so that no key ever spans more than that); a pass only partly that close to an earlier place is a
    neighbouring place (the crossing on its other carriageway, the next junction a few metres on), keyed
    ``<key>-2``, ``<key>-3`` … so that the keys of every other place keep their numbers; anything else gets the
    next number.
    """
    for key, seen in places:
        if bool(_within(pts, seen).all()):
            seen.extend(pts)
            return key
    near = next((key for key, seen in places if bool(_within(pts, seen).any())), None)
    if near is None:
        key = f"J{len({k.split('-')[0] for k, _ in places}) + 1:03d}"
    else:
        base = near.split("-")[0]
        key = f"{base}-{sum(1 for k, _ in places if k.split('-')[0] == base) + 1}"
    places.append((key, list(pts)))
    return key


def junctions(
    idx: StreetIndex, stretches: Sequence[Stretch], names_cache: dict[str, set[str]], uturn_nodes: set[str]
) -> list[Junction]:
    """The junctions a route passes, in route order (see the module docstring).

    Parameters
    ----------
    idx : StreetIndex
        The street graph's index.
    stretches : sequence of Stretch
        The route.
    names_cache : dict
        Plan street → street-data names (from name matching).
    uturn_nodes : set of str
        Nodes where the column turns back.

    Returns
    -------
    list of Junction
    """
    nodes = _route_nodes(idx, stretches, names_cache)
    marked: list[tuple[_Node, list[tuple[Approach, bool]], bool]] = []
    for i, rn in enumerate(nodes):
        if i == 0 or i == len(nodes) - 1:
            continue  # the start and the end have posts of their own
        apps = approaches(idx, rn)
        turn = turns(idx, nodes, i)
        if turn or (rn.node in uturn_nodes and rn.stretch_end) or any(not own for _, own in apps):
            marked.append((rn, apps, turn))
    groups: list[list[tuple[_Node, list[tuple[Approach, bool]], bool]]] = []
    for item in marked:
        if groups and item[0].dist_m - groups[-1][0][0].dist_m <= CLUSTER_M:
            groups[-1].append(item)
        else:
            groups.append([item])
    out: list[Junction] = []
    places: list[tuple[str, list[tuple[float, float]]]] = []
    for g in groups:
        turn = any(t for _, _, t in g)
        uturn = any(rn.node in uturn_nodes and rn.stretch_end for rn, _, _ in g)
        if not uturn and not any(not own or turn for _, apps, _ in g for _, own in apps):
            continue
        pts = [idx.latlon(rn.node) for rn, _, _ in g]
        key = place_key(pts, places)
        j = _junction(idx, g, key, uturn)
        if j.approaches or uturn:  # a bend where the street only changes its name is no junction
            out.append(j)
    return out


def compass(bearing: float) -> str:
    """The compass point (N, NE, E, …) a heading in degrees points to."""
    return ("N", "NE", "E", "SE", "S", "SW", "W", "NW")[int(((bearing % 360) + 22.5) // 45) % 8]
