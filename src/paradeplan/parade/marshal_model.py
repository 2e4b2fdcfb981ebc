"""Who holds each barrier point: marshals on foot, one point at a time, shared along chains (CP-SAT).

A marshal holds one barrier point, then may walk to another whose window opens after the first reopens plus the
walk (at :data:`WALK_KMH`), when the walk along the streets (:func:`walks`: the street graph, every street either
way, the closed route too) is within the plan's ``traffic.marshal_walk_m``. Each chain starts with one
marshal of a ``marshal`` group (at most its ``count``). The model holds as many points as it can, then uses the
fewest marshals, then the shortest walks and the nearest groups. The fewest marshals that hold every point is a
minimum path cover of the compatibility graph, computed exactly apart (a maximum bipartite matching).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from paradeplan import cpsat
from paradeplan.geo.distance import haversine_m
from paradeplan.parade.traffic import ClosurePoint, Marshal, MarshalShortfall
from paradeplan.plan.model import Parade, Place

#: Walking speed of a marshal between barrier points (km/h).
WALK_KMH = 4.0
#: Time limit of the search (seconds).
TIME_LIMIT_S = 20.0


@dataclass(frozen=True)
class MarshalGroup:
    """A plan group of marshals: how many, and where they start from."""

    id: str
    count: int
    lat: float | None
    lon: float | None


def marshal_groups(parade: Parade, places: dict[str, Place]) -> tuple[list[MarshalGroup], list[Marshal]]:
    """The parade's marshal groups and every marshal, with ids ``<group>-NN`` (or the vehicle ids given)."""
    groups: list[MarshalGroup] = []
    people: list[Marshal] = []
    for g in parade.groups:
        if g.role != "marshal":
            continue
        base = places.get(g.base or "")
        groups.append(MarshalGroup(g.id, g.count, base.lat if base else None, base.lon if base else None))
        for i in range(g.count):
            v = g.vehicles[i] if i < len(g.vehicles) else None
            mid = v.id if v else (g.id if g.count == 1 else f"{g.id}-{i + 1:02d}")
            name = (v.name if v and v.name else None) or (g.name or g.id) + ("" if g.count == 1 else f" {i + 1}")
            people.append(Marshal(mid, name, g.id, (v.owner if v and v.owner else None) or g.owner, g.base))
    return groups, people


#: Walking metres between barrier points (by id) at most the plan's walk apart.
Walks = dict[tuple[str, str], float]


def walks(points: Sequence[ClosurePoint], graph: Any, walk_m: float) -> Walks:
    """Walking distances between the points at most ``walk_m`` apart: along the street graph, every street either
    way (from each point's nearest node, plus the step to it); in a straight line when there is no graph."""
    out: Walks = {}
    if graph is None:
        for a in points:
            for b in points:
                d = haversine_m(a.lat, a.lon, b.lat, b.lon)
                if a.id != b.id and d <= walk_m:
                    out[(a.id, b.id)] = d
        return out
    import networkx as nx

    from paradeplan.geo.index import street_index

    idx = street_index(graph)
    at = {p.id: idx.nearest(p.lat, p.lon) for p in points}
    by_node: dict[str, list[ClosurePoint]] = {}
    for p in points:
        by_node.setdefault(at[p.id][0], []).append(p)
    for a in points:
        node, step = at[a.id]
        reach = nx.single_source_dijkstra_path_length(idx.u, node, cutoff=walk_m, weight="weight")
        for m, d in reach.items():
            for b in by_node.get(m, ()):
                total = step + float(d) + at[b.id][1]
                if b.id != a.id and total <= walk_m:
                    out[(a.id, b.id)] = total
    return out


def can_follow(a: ClosurePoint, b: ClosurePoint, walk: Walks) -> bool:
    """One marshal may hold ``b`` after ``a``: within the walk, and there before ``b`` closes."""
    d = walk.get((a.id, b.id))
    return d is not None and a.reopen_s + d / (WALK_KMH / 3.6) <= b.close_s


def fewest_marshals(points: Sequence[ClosurePoint], walk: Walks) -> int:
    """The fewest marshals that hold every point: points minus a maximum matching of "may follow" pairs."""
    import networkx as nx

    g = nx.Graph()
    left = [("o", p.id) for p in points]
    g.add_nodes_from(left)
    g.add_nodes_from(("i", p.id) for p in points)
    for a in points:
        for b in points:
            if a.id != b.id and can_follow(a, b, walk):
                g.add_edge(("o", a.id), ("i", b.id))
    matching = nx.bipartite.hopcroft_karp_matching(g, top_nodes=left)
    return len(points) - len(matching) // 2


@dataclass
class MarshalVars:
    """Decision variables of the marshal model."""

    model: Any
    held: dict[str, Any] = field(default_factory=dict)
    """Point id -> held by a marshal."""
    start: dict[tuple[str, str], Any] = field(default_factory=dict)
    """(group, point) -> a marshal of the group starts its chain here."""
    follow: dict[tuple[str, str], Any] = field(default_factory=dict)
    """(point, next point) -> the same marshal holds the next point after this one."""


def new_variables(points: Sequence[ClosurePoint], groups: Sequence[MarshalGroup], walk: Walks) -> MarshalVars:
    """The model and its variables (a follow variable only for pairs one marshal can chain)."""
    from ortools.sat.python import cp_model

    v = MarshalVars(cp_model.CpModel())
    for p in points:
        v.held[p.id] = v.model.new_bool_var(f"held[{p.id}]")
        for g in groups:
            if g.count > 0:
                v.start[(g.id, p.id)] = v.model.new_bool_var(f"start[{g.id},{p.id}]")
    for a in points:
        for b in points:
            if a.id != b.id and can_follow(a, b, walk):
                v.follow[(a.id, b.id)] = v.model.new_bool_var(f"follow[{a.id},{b.id}]")
    return v


def held_point_has_one_marshal(v: MarshalVars, points: Sequence[ClosurePoint]) -> None:
    """A held point is reached by exactly one chain: a marshal starts there or comes from one point before."""
    for p in points:
        into = [x for (g, q), x in v.start.items() if q == p.id] + [x for (a, b), x in v.follow.items() if b == p.id]
        v.model.add(sum(into) == v.held[p.id])


def marshal_moves_on_once(v: MarshalVars, points: Sequence[ClosurePoint]) -> None:
    """A marshal leaves a point for at most one next point, and only from a point it holds."""
    for p in points:
        out = [x for (a, b), x in v.follow.items() if a == p.id]
        if out:
            v.model.add(sum(out) <= v.held[p.id])


def group_has_enough(v: MarshalVars, groups: Sequence[MarshalGroup]) -> None:
    """No group starts more chains than it has marshals."""
    for g in groups:
        starts = [x for (gid, _), x in v.start.items() if gid == g.id]
        if starts:
            v.model.add(sum(starts) <= g.count)


def objective(v: MarshalVars, points: Sequence[ClosurePoint], groups: Sequence[MarshalGroup], walk: Walks) -> None:
    """Most points held; then fewest marshals; then least walking and the nearest group's marshals (100 m units)."""
    by_id = {p.id: p for p in points}
    by_group = {g.id: g for g in groups}
    walked = [int(walk[(a, b)] // 100) * x for (a, b), x in v.follow.items()]
    reach = []
    for (gid, pid), x in v.start.items():
        g, p = by_group[gid], by_id[pid]
        d = haversine_m(g.lat, g.lon, p.lat, p.lon) if g.lat is not None and g.lon is not None else 0.0
        reach.append(min(int(d // 100), 200) * x)
    big = 1_000 * (len(points) + 1)
    v.model.minimize(-big * 1_000 * sum(v.held.values()) + big * sum(v.start.values()) + sum(walked) + sum(reach))


def assign_marshals(
    points: Sequence[ClosurePoint], parade: Parade, places: dict[str, Place], walk: Walks
) -> tuple[list[ClosurePoint], tuple[Marshal, ...], MarshalShortfall | None]:
    """Barrier points with their marshals, every marshal, and what is short (None when every point is held);
    ``walk``: the walks between them a marshal may take (:func:`walks`)."""
    groups, people = marshal_groups(parade, places)
    if not points:
        return [], tuple(people), None
    needed = fewest_marshals(points, walk)
    held: dict[str, str] = {}
    if groups and any(g.count for g in groups):
        v = new_variables(points, groups, walk)
        held_point_has_one_marshal(v, points)
        marshal_moves_on_once(v, points)
        group_has_enough(v, groups)
        objective(v, points, groups, walk)
        solved = cpsat.solve(v.model, time_limit_s=TIME_LIMIT_S, name="marshals")
        if solved.found:
            nxt = {a: b for (a, b), x in v.follow.items() if solved.value(x)}
            free = {g.id: [m.id for m in people if m.group == g.id] for g in groups}
            starts = sorted(
                ((pid, gid) for (gid, pid), x in v.start.items() if solved.value(x)),
                key=lambda s: next(p.close_s for p in points if p.id == s[0]),
            )
            for pid, gid in starts:
                who = free[gid].pop(0)
                cur: str | None = pid
                while cur is not None:
                    held[cur] = who
                    cur = nxt.get(cur)
    out = [ClosurePoint(**{**p.__dict__, "held_by": (held[p.id],) if p.id in held else ()}) for p in points]
    unheld = tuple(p.id for p in out if not p.held_by)
    if not unheld:
        return out, tuple(people), None
    available = sum(g.count for g in groups)
    return out, tuple(people), MarshalShortfall(unheld, max(1, needed - available), needed)
