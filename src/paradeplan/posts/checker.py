"""Independent checker of a posts-solution/1 document against its instance (shares no code with the solver)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Any

from paradeplan import clock
from paradeplan.posts.instance import Instance

TOLERANCE_S = 1e-6
"""Slack in seconds on ``close(A) + travel(A→B) ≤ open(B)``, absorbing float differences between implementations."""

_R_KM = 6371.0088


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance on the contract's sphere, written independently of the solver's numpy version."""
    f1, f2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((f2 - f1) / 2) ** 2 + math.cos(f1) * math.cos(f2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * _R_KM * math.asin(math.sqrt(min(1.0, max(0.0, h))))


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
    bad: list[str] = []
    if not isinstance(sol, dict):
        return ["solution is not a JSON object"]
    if sol.get("format") != "paradeplan.posts-solution/1":
        bad.append(f"format is {sol.get('format')!r}, not 'paradeplan.posts-solution/1'")
    if sol.get("status") not in ("optimal", "feasible"):
        bad.append(f"status {sol.get('status')!r} is neither optimal nor feasible")
    posts = {p.id: p for p in instance.posts}
    units = {u.id: u for u in instance.units}
    rows = sol.get("assignments")
    if not isinstance(rows, list):
        return bad + ["assignments is not an array"]
    per_unit: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    order: list[str] = []
    for i, a in enumerate(rows):
        if not isinstance(a, dict) or not all(
            isinstance(a.get(k), str) for k in ("unit", "post", "kind", "arrive", "leave")
        ):
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
    filled: Counter[tuple[str, str]] = Counter()
    total_km = 0.0
    table = instance.travel_map
    slacks: list[int] = []
    for uid, visits in per_unit.items():
        u = units[uid]
        at, lat, lon, free = u.id, u.lat, u.lon, float(u.ready)
        seen: set[str] = set()
        last_close = None
        for i, a in visits:
            p = posts[a["post"]]
            if a["kind"] != u.kind:
                bad.append(f"assignments[{i}]: kind {a['kind']!r} but unit {uid} is a {u.kind}")
            if p.need_of(u.kind) == 0:
                bad.append(f"assignments[{i}]: post {p.id} needs no {u.kind}")
            if p.id in seen:
                bad.append(f"assignments[{i}]: unit {uid} holds post {p.id} twice")
            seen.add(p.id)
            filled[(p.id, u.kind)] += 1
            km = _km(lat, lon, p.lat, p.lon)
            total_km += km
            street_s = table.get(at, {}).get(p.id)
            arrive = free + (
                float(street_s) if street_s is not None else km * instance.detour_factor / u.speed_kmh * 3600
            )
            if arrive > p.open + TOLERANCE_S:
                what = "its start" if last_close is None else "the previous post"
                bad.append(
                    f"assignments[{i}]: unit {uid} cannot reach {p.id} from {what} by open "
                    f"(arrives {arrive:.1f}s, opens {p.open}s)"
                )
            arr = clock.parse(a["arrive"])
            lea = clock.parse(a["leave"])
            if arr is None or abs(arr - arrive) > 1.0:
                bad.append(f"assignments[{i}]: arrive {a['arrive']} differs from the computed {arrive:.1f}s")
            if lea != p.close:
                bad.append(f"assignments[{i}]: leave {a['leave']} is not the post's close")
            if "slack_s" in a:
                want = math.floor(p.open - arrive + 1e-6)
                if not isinstance(a["slack_s"], int) or isinstance(a["slack_s"], bool) or abs(a["slack_s"] - want) > 1:
                    bad.append(f"assignments[{i}]: slack_s {a['slack_s']!r} but open − arrive is {want} s")
                else:
                    slacks.append(a["slack_s"])
            elif instance.objective == "slack":
                bad.append(f"assignments[{i}]: slack_s is missing (the instance's objective is slack)")
            at, lat, lon, free = p.id, p.lat, p.lon, float(p.close)
            last_close = p.close
        if last_close is not None and last_close > u.until:
            bad.append(f"unit {uid} holds a post until {last_close}s, after its until {u.until}s")
    for (pid, kind), n in sorted(filled.items()):
        if n > posts[pid].need_of(kind):
            bad.append(f"post {pid} has {n} {kind} units but needs {posts[pid].need_of(kind)}")
    covered = sum(min(n, posts[pid].need_of(k)) * posts[pid].priority for (pid, k), n in filled.items())
    required = sum(n * p.priority for p in instance.posts for _, n in p.need)
    if sol.get("covered") != covered:
        bad.append(f"covered is {sol.get('covered')}, the assignments cover {covered}")
    if sol.get("required") != required:
        bad.append(f"required is {sol.get('required')}, the instance requires {required}")
    if sol.get("units_used") != len(per_unit):
        bad.append(f"units_used is {sol.get('units_used')}, the assignments use {len(per_unit)}")
    tk = sol.get("travel_km")
    if not isinstance(tk, int | float) or abs(tk - total_km) > 0.0015 + 1e-9 * total_km:
        bad.append(f"travel_km is {tk}, the assignments travel {total_km:.3f} km")
    missing = {
        (p.id, k): n - filled.get((p.id, k), 0)
        for p in instance.posts
        for k, n in p.need
        if n > filled.get((p.id, k), 0)
    }
    unc = sol.get("uncovered")
    if not isinstance(unc, list):
        bad.append("uncovered is not an array")
    else:
        listed = {}
        for e in unc:
            if isinstance(e, dict):
                listed[(e.get("post"), e.get("kind"))] = e.get("missing")
        if listed != missing:
            bad.append(f"uncovered lists {len(listed)} entries, but {len(missing)} post needs are short or differ")
    if "min_slack_s" in sol or instance.objective == "slack":
        want_min = min(slacks) if slacks else None
        if sol.get("min_slack_s") != want_min:
            bad.append(f"min_slack_s is {sol.get('min_slack_s')!r}, the assignments' smallest slack is {want_min}")
    lb = sol.get("lower_bound")
    if not isinstance(lb, dict):
        bad.append("lower_bound is not an object")
    elif not missing:
        for k, v in lb.items():
            used = sum(1 for uid in per_unit if units[uid].kind == k)
            if not isinstance(v, int) or v > used:
                bad.append(f"lower_bound[{k}] = {v} exceeds the {used} units used for full cover")
    return bad
