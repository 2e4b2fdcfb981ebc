"""Independent checker of a written schedule (schedule.json + posts.json), kept apart from timing and solver code."""

from __future__ import annotations

import math
from typing import Any

_R_KM = 6371.0088
_EPS_S = 1.0  # schedule clock strings are rounded to the second


def _sec(text: str) -> int:
    h, m, *rest = (int(x) for x in text.split(":"))
    return h * 3600 + m * 60 + (rest[0] if rest else 0)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _R_KM * math.asin(min(1.0, math.sqrt(a)))


def check_schedule(schedule: dict[str, Any], instance: dict[str, Any]) -> list[str]:
    """Every rule a schedule must keep; returns the violations found (empty when the schedule is sound).

    Checks: the head moves forward in time along the route and the tail never clears before the head arrives;
    every post is closed before each passage of the head and reopened only after its tail; no unit holds two
    posts at once or moves faster than its speed allows (great-circle × detour factor); no unit leaves its base
    before its ready time or stays past its ``until``; no post gets more units of a kind than it needs; units
    riding in the column hold no posts; staging trips arrive by the assembly time.
    """
    out: list[str] = []
    parade = schedule["parade"]
    lead_units = {u["unit"] for u in schedule["units"] if u["ride"] in ("head", "column")}

    last_head = -1
    for row in schedule["timetable"]:
        h, t = _sec(row["head"]), _sec(row["tail"])
        if h + _EPS_S < last_head:
            out.append(f"timetable {row['seq']} ({row['name']}): head {row['head']} before the previous point")
        if t + _EPS_S < h:
            out.append(f"timetable {row['seq']} ({row['name']}): tail {row['tail']} before head {row['head']}")
        last_head = max(last_head, h)
    if _sec(parade["finish_tail"]) < _sec(parade["finish_head"]):
        out.append("finish: tail arrives before head")

    inst_units = {u["id"]: u for u in instance["units"]}
    inst_posts = {p["id"]: p for p in instance["posts"]}
    detour = float(instance.get("detour_factor", 1.3))
    for post in schedule["posts"]:
        o, c = _sec(post["open"]), _sec(post["close"])
        for pas in post["passages"]:
            if o > _sec(pas["head"]) + _EPS_S:
                out.append(f"post {post['id']}: closes at {post['open']}, after the head passes at {pas['head']}")
            if c + _EPS_S < _sec(pas["tail"]):
                out.append(f"post {post['id']}: reopens at {post['close']}, before the tail clears at {pas['tail']}")
        counts: dict[str, int] = {}
        for uid in post["units"]:
            kind = inst_units[uid]["kind"] if uid in inst_units else "?"
            counts[kind] = counts.get(kind, 0) + 1
            if uid in lead_units:
                out.append(f"post {post['id']}: unit {uid} rides in the column and cannot hold a post")
        for kind, n in counts.items():
            if n > int(post["need"].get(kind, 0)):
                out.append(f"post {post['id']}: {n} {kind} unit(s) but the need is {post['need'].get(kind, 0)}")
        ip = inst_posts.get(post["id"])
        if ip is None or ip["open"][:5] != post["open"][:5] or ip["close"][:5] != post["close"][:5]:
            out.append(f"post {post['id']}: differs from posts.json")

    for unit in schedule["units"]:
        runs = unit["runs"]
        if not runs:
            continue
        iu = inst_units.get(unit["unit"])
        if iu is None:
            out.append(f"unit {unit['unit']}: holds posts but is not an escort unit in posts.json")
            continue
        speed = float(iu["speed_kmh"])
        pos = (float(iu["lat"]), float(iu["lon"]))
        free_at = _sec(iu["ready"])
        for r in runs:
            need_s = _km(pos[0], pos[1], r["lat"], r["lon"]) * detour / speed * 3600
            if free_at + need_s > _sec(r["hold_from"]) + _EPS_S:
                out.append(f"unit {unit['unit']}: cannot reach {r['post']} by {r['hold_from']} "
                           f"({need_s / 60:.1f} min of travel, free from {free_at // 3600:02d}:"
                           f"{free_at % 3600 // 60:02d})")
            if _sec(r["release_at"]) <= _sec(r["hold_from"]):
                out.append(f"unit {unit['unit']}: post {r['post']} released before it is held")
            pos = (r["lat"], r["lon"])
            free_at = _sec(r["release_at"])
        if free_at > _sec(iu["until"]) + _EPS_S:
            out.append(f"unit {unit['unit']}: busy until {runs[-1]['release_at']}, after its until {iu['until']}")

    assembly = _sec(parade["assembly"]["time"])
    for row in schedule["staging"]:
        if row.get("leave_base") and _sec(row["leave_base"]) > _sec(row["arrive"]):
            out.append(f"staging {row['unit']}: leaves its base after it should arrive")
        if _sec(row["arrive"]) > assembly + _EPS_S and not row.get("late_s"):
            out.append(f"staging {row['unit']}: arrives {row['arrive']} after the assembly, not reported late")
    return out


def check_onward(schedule: dict[str, Any]) -> list[str]:
    """No two vehicles parade on one segment at the same time; every vehicle's legs follow one another."""
    out: list[str] = []
    users: dict[str, list[tuple[int, int, str]]] = {}
    for item in schedule.get("onward", []):
        prev = None
        for leg in item["legs"]:
            a, b = _sec(leg["enter"]), _sec(leg["leave"])
            if b < a or (prev is not None and a + _EPS_S < prev):
                out.append(f"onward {item['unit']}: leg {leg['seq']} starts before the previous one ends")
            prev = b
            if leg["mode"] == "parade":
                users.setdefault(leg["segment"], []).append((a, b, item["unit"]))
    for seg, spans in users.items():
        spans.sort()
        for (_a1, b1, u1), (a2, _b2, u2) in zip(spans, spans[1:], strict=False):
            if u1 != u2 and a2 + _EPS_S < b1:
                out.append(f"onward: {u1} and {u2} parade on segment {seg} at the same time")
    return out
