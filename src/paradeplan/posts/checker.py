"""Independent checker of a posts-solution/1 document against its instance (shares no code with the solver).

One function per rule of the contract, each returning the violations it finds; :func:`check_json` runs them in the
document's order.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from paradeplan import clock
from paradeplan.posts.instance import Instance, Post, Unit

TOLERANCE_S = 1e-6
"""Slack in seconds on ``close(A) + travel(A→B) ≤ open(B)``, absorbing float differences between implementations."""

_R_KM = 6371.0088
_ROW_KEYS = ("unit", "post", "kind", "arrive", "leave")

Row = tuple[int, dict[str, Any]]
"""An assignment: its index in the document and the object."""


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance on the contract's sphere, written independently of the solver's numpy version."""
    f1, f2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((f2 - f1) / 2) ** 2 + math.cos(f1) * math.cos(f2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * _R_KM * math.asin(math.sqrt(min(1.0, max(0.0, h))))


@dataclass
class _Tally:
    """What walking the units' visits adds up (units filled per (post, kind), km travelled, slacks written), and what
    it reads (the travel table, the clock texts parsed so far)."""

    filled: Counter[tuple[str, str]] = field(default_factory=Counter)
    total_km: float = 0.0
    slacks: list[int] = field(default_factory=list)
    clocks: dict[str, int | None] = field(default_factory=dict)
    table: dict[str, dict[str, int]] = field(default_factory=dict)
    """The instance's street travel times (FROM → TO → seconds)."""

    def parse(self, text: str) -> int | None:
        """``HH:MM:SS`` as seconds (each distinct text parsed once)."""
        if text not in self.clocks:
            self.clocks[text] = clock.parse(text)
        return self.clocks[text]


def check_json(instance: Instance, sol: Any) -> list[str]:
    """Verify a solution document; return human-readable violations (empty when it is valid).

    Parameters
    ----------
    instance : Instance
        The instance it claims to solve.
    sol : Any
        The parsed posts-solution/1 JSON object.

    Returns
    -------
    list of str
        Every violation found.
    """
    if not isinstance(sol, dict):
        return ["solution is not a JSON object"]
    bad = _header(sol)
    rows = sol.get("assignments")
    if not isinstance(rows, list):
        return bad + ["assignments is not an array"]
    posts = {p.id: p for p in instance.posts}
    units = {u.id: u for u in instance.units}
    per_unit = _runs(rows, posts, units, bad)
    tally = _Tally(table=instance.travel_map)
    for uid, visits in per_unit.items():
        bad += _route(instance, units[uid], visits, posts, tally)
    missing = {
        (p.id, k): n - tally.filled.get((p.id, k), 0)
        for p in instance.posts
        for k, n in p.need
        if n > tally.filled.get((p.id, k), 0)
    }
    bad += _no_post_overfilled(tally, posts)
    bad += _totals(instance, sol, tally, len(per_unit))
    bad += _uncovered_listed(sol, missing)
    bad += _min_slack(instance, sol, tally)
    bad += _lower_bound(sol, missing, per_unit, units)
    return bad


def _header(sol: dict[str, Any]) -> list[str]:
    """The format and a status of the contract."""
    bad = []
    if sol.get("format") != "paradeplan.posts-solution/1":
        bad.append(f"format is {sol.get('format')!r}, not 'paradeplan.posts-solution/1'")
    if sol.get("status") not in ("optimal", "feasible"):
        bad.append(f"status {sol.get('status')!r} is neither optimal nor feasible")
    return bad


def _runs(rows: list[Any], posts: dict[str, Post], units: dict[str, Unit], bad: list[str]) -> dict[str, list[Row]]:
    """Each unit's well-formed assignments, in order; a unit's assignments form one run and the runs come in unit id
    order (violations appended to ``bad``)."""
    per_unit: dict[str, list[Row]] = defaultdict(list)
    order: list[str] = []
    for i, a in enumerate(rows):
        if not isinstance(a, dict) or not all(isinstance(a.get(k), str) for k in _ROW_KEYS):
            bad.append(f"assignments[{i}] lacks unit/post/kind/arrive/leave strings")
            continue
        if a["unit"] not in units:
            bad.append(f"assignments[{i}]: unknown unit {a['unit']!r}")
            continue
        if a["post"] not in posts:
            bad.append(f"assignments[{i}]: unknown post {a['post']!r}")
            continue
        if not order or order[-1] != a["unit"]:
            if a["unit"] in per_unit:
                bad.append(f"assignments[{i}]: unit {a['unit']} is listed in two separate runs")
            order.append(a["unit"])
        per_unit[a["unit"]].append((i, a))
    if order != sorted(order):
        bad.append("assignments are not grouped by unit in id order")
    return per_unit


def _route(instance: Instance, u: Unit, visits: list[Row], posts: dict[str, Post], tally: _Tally) -> list[str]:
    """One unit's visits: its kind's posts, each once, reached by open from its start or the previous post's close,
    the written times and slack right, and done by the unit's until."""
    bad: list[str] = []
    at, lat, lon, free = u.id, u.lat, u.lon, float(u.ready)
    seen: set[str] = set()
    last_close = None
    for i, a in visits:
        p = posts[a["post"]]
        if a["kind"] != u.kind:
            bad.append(f"assignments[{i}]: kind {a['kind']!r} but unit {u.id} is a {u.kind}")
        if p.need_of(u.kind) == 0:
            bad.append(f"assignments[{i}]: post {p.id} needs no {u.kind}")
        if p.id in seen:
            bad.append(f"assignments[{i}]: unit {u.id} holds post {p.id} twice")
        seen.add(p.id)
        tally.filled[(p.id, u.kind)] += 1
        km = _km(lat, lon, p.lat, p.lon)
        tally.total_km += km
        street_s = tally.table.get(at, {}).get(p.id)
        arrive = free + (float(street_s) if street_s is not None else km * instance.detour_factor / u.speed_kmh * 3600)
        if arrive > p.open + TOLERANCE_S:
            what = "its start" if last_close is None else "the previous post"
            bad.append(
                f"assignments[{i}]: unit {u.id} cannot reach {p.id} from {what} by open "
                f"(arrives {arrive:.1f}s, opens {p.open}s)"
            )
        bad += _written_times(instance, i, a, p, arrive, tally)
        at, lat, lon, free = p.id, p.lat, p.lon, float(p.close)
        last_close = p.close
    if last_close is not None and last_close > u.until:
        bad.append(f"unit {u.id} holds a post until {last_close}s, after its until {u.until}s")
    return bad


def _written_times(instance: Instance, i: int, a: dict[str, Any], p: Post, arrive: float, tally: _Tally) -> list[str]:
    """An assignment's arrive (within a second of the computed one), leave (the post's close) and slack."""
    bad = []
    arr = tally.parse(a["arrive"])
    if arr is None or abs(arr - arrive) > 1.0:
        bad.append(f"assignments[{i}]: arrive {a['arrive']} differs from the computed {arrive:.1f}s")
    if tally.parse(a["leave"]) != p.close:
        bad.append(f"assignments[{i}]: leave {a['leave']} is not the post's close")
    if "slack_s" in a:
        want = math.floor(p.open - arrive + 1e-6)
        s = a["slack_s"]
        if not isinstance(s, int) or isinstance(s, bool) or abs(s - want) > 1:
            bad.append(f"assignments[{i}]: slack_s {s!r} but open − arrive is {want} s")
        else:
            tally.slacks.append(s)
    elif instance.objective == "slack":
        bad.append(f"assignments[{i}]: slack_s is missing (the instance's objective is slack)")
    return bad


def _no_post_overfilled(tally: _Tally, posts: dict[str, Post]) -> list[str]:
    """No post holds more units of a kind than it needs."""
    over = sorted(((pid, kind), n) for (pid, kind), n in tally.filled.items() if n > posts[pid].need_of(kind))
    return [f"post {pid} has {n} {kind} units but needs {posts[pid].need_of(kind)}" for (pid, kind), n in over]


def _totals(instance: Instance, sol: dict[str, Any], tally: _Tally, used: int) -> list[str]:
    """covered, required, units_used and travel_km agree with the assignments."""
    bad = []
    posts = {p.id: p for p in instance.posts}
    covered = sum(min(n, posts[pid].need_of(k)) * posts[pid].priority for (pid, k), n in tally.filled.items())
    required = sum(n * p.priority for p in instance.posts for _, n in p.need)
    if sol.get("covered") != covered:
        bad.append(f"covered is {sol.get('covered')}, the assignments cover {covered}")
    if sol.get("required") != required:
        bad.append(f"required is {sol.get('required')}, the instance requires {required}")
    if sol.get("units_used") != used:
        bad.append(f"units_used is {sol.get('units_used')}, the assignments use {used}")
    tk = sol.get("travel_km")
    if not isinstance(tk, int | float) or abs(tk - tally.total_km) > 0.0015 + 1e-9 * tally.total_km:
        bad.append(f"travel_km is {tk}, the assignments travel {tally.total_km:.3f} km")
    return bad


def _uncovered_listed(sol: dict[str, Any], missing: dict[tuple[str, str], int]) -> list[str]:
    """``uncovered`` lists exactly the post needs left short, by how much."""
    unc = sol.get("uncovered")
    if not isinstance(unc, list):
        return ["uncovered is not an array"]
    listed = {}
    for e in unc:
        if isinstance(e, dict):
            listed[(e.get("post"), e.get("kind"))] = e.get("missing")
    if listed != missing:
        return [f"uncovered lists {len(listed)} entries, but {len(missing)} post needs are short or differ"]
    return []


def _min_slack(instance: Instance, sol: dict[str, Any], tally: _Tally) -> list[str]:
    """``min_slack_s`` (written with the slack objective) is the smallest slack of the assignments."""
    if "min_slack_s" in sol or instance.objective == "slack":
        want_min = min(tally.slacks) if tally.slacks else None
        if sol.get("min_slack_s") != want_min:
            return [f"min_slack_s is {sol.get('min_slack_s')!r}, the assignments' smallest slack is {want_min}"]
    return []


def _lower_bound(
    sol: dict[str, Any], missing: dict[tuple[str, str], int], per_unit: dict[str, list[Row]], units: dict[str, Unit]
) -> list[str]:
    """``lower_bound`` is an object, and with every need covered no kind's bound exceeds the units it used."""
    lb = sol.get("lower_bound")
    if not isinstance(lb, dict):
        return ["lower_bound is not an object"]
    bad = []
    if not missing:
        for k, v in lb.items():
            used = sum(1 for uid in per_unit if units[uid].kind == k)
            if not isinstance(v, int) or v > used:
                bad.append(f"lower_bound[{k}] = {v} exceeds the {used} units used for full cover")
    return bad
