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
from paradeplan.i18n import _
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
        return [_("the solution is not a JSON object")]
    bad = _header(sol)
    rows = sol.get("assignments")
    if not isinstance(rows, list):
        return bad + [_("assignments is not an array")]
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
        bad.append(_("format is {value}, not 'paradeplan.posts-solution/1'").format(value=repr(sol.get("format"))))
    if sol.get("status") not in ("optimal", "feasible"):
        bad.append(_("status {value} is neither optimal nor feasible").format(value=repr(sol.get("status"))))
    return bad


def _runs(rows: list[Any], posts: dict[str, Post], units: dict[str, Unit], bad: list[str]) -> dict[str, list[Row]]:
    """Each unit's well-formed assignments, in order; a unit's assignments form one run and the runs come in unit id
    order (violations appended to ``bad``)."""
    per_unit: dict[str, list[Row]] = defaultdict(list)
    order: list[str] = []
    for i, a in enumerate(rows):
        if not isinstance(a, dict) or not all(isinstance(a.get(k), str) for k in _ROW_KEYS):
            bad.append(_("assignments[{i}] lacks unit/post/kind/arrive/leave strings").format(i=i))
            continue
        if a["unit"] not in units:
            bad.append(_("assignments[{i}]: unknown unit {unit}").format(i=i, unit=repr(a["unit"])))
            continue
        if a["post"] not in posts:
            bad.append(_("assignments[{i}]: unknown post {post}").format(i=i, post=repr(a["post"])))
            continue
        if not order or order[-1] != a["unit"]:
            if a["unit"] in per_unit:
                bad.append(
                    _("assignments[{i}]: unit {unit} is listed in two separate runs").format(i=i, unit=a["unit"])
                )
            order.append(a["unit"])
        per_unit[a["unit"]].append((i, a))
    if order != sorted(order):
        bad.append(_("assignments are not grouped by unit in id order"))
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
            bad.append(
                _("assignments[{i}]: kind {kind} but unit {unit} is a {unit_kind}").format(
                    i=i, kind=repr(a["kind"]), unit=u.id, unit_kind=u.kind
                )
            )
        if p.need_of(u.kind) == 0:
            bad.append(_("assignments[{i}]: post {post} needs no {kind}").format(i=i, post=p.id, kind=u.kind))
        if p.id in seen:
            bad.append(_("assignments[{i}]: unit {unit} holds post {post} twice").format(i=i, unit=u.id, post=p.id))
        seen.add(p.id)
        tally.filled[(p.id, u.kind)] += 1
        km = _km(lat, lon, p.lat, p.lon)
        tally.total_km += km
        street_s = tally.table.get(at, {}).get(p.id)
        arrive = free + (float(street_s) if street_s is not None else km * instance.detour_factor / u.speed_kmh * 3600)
        if arrive > p.open + TOLERANCE_S:
            what = _("its start") if last_close is None else _("the previous post")
            bad.append(
                _(
                    "assignments[{i}]: unit {unit} cannot reach {post} from {what} by open "
                    "(arrives {arrive} s, opens {open} s)"
                ).format(i=i, unit=u.id, post=p.id, what=what, arrive=f"{arrive:.1f}", open=p.open)
            )
        bad += _written_times(instance, i, a, p, arrive, tally)
        at, lat, lon, free = p.id, p.lat, p.lon, float(p.close)
        last_close = p.close
    if last_close is not None and last_close > u.until:
        bad.append(
            _("unit {unit} holds a post until {close} s, after its until {until} s").format(
                unit=u.id, close=last_close, until=u.until
            )
        )
    return bad


def _written_times(instance: Instance, i: int, a: dict[str, Any], p: Post, arrive: float, tally: _Tally) -> list[str]:
    """An assignment's arrive (within a second of the computed one), leave (the post's close) and slack."""
    bad = []
    arr = tally.parse(a["arrive"])
    if arr is None or abs(arr - arrive) > 1.0:
        bad.append(
            _("assignments[{i}]: arrive {written} differs from the computed {arrive} s").format(
                i=i, written=a["arrive"], arrive=f"{arrive:.1f}"
            )
        )
    if tally.parse(a["leave"]) != p.close:
        bad.append(_("assignments[{i}]: leave {leave} is not the post's close").format(i=i, leave=a["leave"]))
    if "slack_s" in a:
        want = math.floor(p.open - arrive + 1e-6)
        s = a["slack_s"]
        if not isinstance(s, int) or isinstance(s, bool) or abs(s - want) > 1:
            bad.append(
                _("assignments[{i}]: slack_s {value} but open − arrive is {want} s").format(
                    i=i, value=repr(s), want=want
                )
            )
        else:
            tally.slacks.append(s)
    elif instance.objective == "slack":
        bad.append(_("assignments[{i}]: slack_s is missing (the instance's objective is slack)").format(i=i))
    return bad


def _no_post_overfilled(tally: _Tally, posts: dict[str, Post]) -> list[str]:
    """No post holds more units of a kind than it needs."""
    over = sorted(((pid, kind), n) for (pid, kind), n in tally.filled.items() if n > posts[pid].need_of(kind))
    msg = _("post {post} has {n} {kind} units but needs {need}")
    return [msg.format(post=pid, n=n, kind=kind, need=posts[pid].need_of(kind)) for (pid, kind), n in over]


def _totals(instance: Instance, sol: dict[str, Any], tally: _Tally, used: int) -> list[str]:
    """covered, required, units_used and travel_km agree with the assignments."""
    bad = []
    posts = {p.id: p for p in instance.posts}
    covered = sum(min(n, posts[pid].need_of(k)) * posts[pid].priority for (pid, k), n in tally.filled.items())
    required = sum(n * p.priority for p in instance.posts for _kind, n in p.need)
    if sol.get("covered") != covered:
        bad.append(_("covered is {value}, the assignments cover {want}").format(value=sol.get("covered"), want=covered))
    if sol.get("required") != required:
        bad.append(
            _("required is {value}, the instance requires {want}").format(value=sol.get("required"), want=required)
        )
    if sol.get("units_used") != used:
        bad.append(
            _("units_used is {value}, the assignments use {want}").format(value=sol.get("units_used"), want=used)
        )
    tk = sol.get("travel_km")
    if not isinstance(tk, int | float) or abs(tk - tally.total_km) > 0.0015 + 1e-9 * tally.total_km:
        bad.append(
            _("travel_km is {value}, the assignments travel {want} km").format(value=tk, want=f"{tally.total_km:.3f}")
        )
    return bad


def _uncovered_listed(sol: dict[str, Any], missing: dict[tuple[str, str], int]) -> list[str]:
    """``uncovered`` lists exactly the post needs left short, by how much."""
    unc = sol.get("uncovered")
    if not isinstance(unc, list):
        return [_("uncovered is not an array")]
    listed = {}
    for e in unc:
        if isinstance(e, dict):
            listed[(e.get("post"), e.get("kind"))] = e.get("missing")
    if listed != missing:
        return [
            _("uncovered lists {listed} entries, but {short} post needs are short or differ").format(
                listed=len(listed), short=len(missing)
            )
        ]
    return []


def _min_slack(instance: Instance, sol: dict[str, Any], tally: _Tally) -> list[str]:
    """``min_slack_s`` (written with the slack objective) is the smallest slack of the assignments."""
    if "min_slack_s" in sol or instance.objective == "slack":
        want_min = min(tally.slacks) if tally.slacks else None
        if sol.get("min_slack_s") != want_min:
            return [
                _("min_slack_s is {value}, the assignments' smallest slack is {want}").format(
                    value=repr(sol.get("min_slack_s")), want=want_min
                )
            ]
    return []


def _lower_bound(
    sol: dict[str, Any], missing: dict[tuple[str, str], int], per_unit: dict[str, list[Row]], units: dict[str, Unit]
) -> list[str]:
    """``lower_bound`` is an object, and with every need covered no kind's bound exceeds the units it used."""
    lb = sol.get("lower_bound")
    if not isinstance(lb, dict):
        return [_("lower_bound is not an object")]
    bad = []
    if not missing:
        for k, v in lb.items():
            used = sum(1 for uid in per_unit if units[uid].kind == k)
            if not isinstance(v, int) or v > used:
                bad.append(
                    _("lower_bound[{kind}] = {value} exceeds the {used} units used for full cover").format(
                        kind=k, value=v, used=used
                    )
                )
    return bad
