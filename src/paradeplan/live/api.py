"""The live API's JSON: reports checked field by field, and the public, police and unit views of a ``LiveState``."""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from paradeplan import clock
from paradeplan.i18n import N_, tr, unit_name
from paradeplan.live.model import (
    REPORT_KINDS,
    LivePlan,
    LiveState,
    Position,
    Report,
    ReportKind,
    expected_at,
    passage_of,
)
from paradeplan.live.store import LogEntry, Refused
from paradeplan.resources import lone_surrogate

#: Largest report body read (bytes): a report is well under 200 bytes.
MAX_BODY = 2048
#: How far after the server's clock a report's time may be (clocks of phones and radios differ a little).
FUTURE_SLACK_S = 15 * 60
#: A report more than this before the planned departure is refused (the column has not set off).
MARGIN_BEFORE_S = 60 * 60
#: A report more than this after the plan's end (its tail at the finish) is refused.
MARGIN_AFTER_S = 180 * 60
#: A report that moves the expected times by more than this needs a confirmation (``"confirm": true``).
CONFIRM_SHIFT_S = 15 * 60
#: A report implying a speed more than this many times the column's planned speed needs a confirmation.
SPEED_FACTOR = 2.0
#: How far (metres) two reports may disagree in place before one is said to go backwards (a post's passage
#: and a kilometre read off a map differ a little).
PLACE_SLACK_M = 200
#: Speed is judged over at least this distance (metres): shorter hops say little.
SPEED_MIN_M = 500
_FIELDS = ("kind", "km", "post", "time", "confirm")
_BACKWARDS: dict[str, str] = {
    "head": N_(
        "the head would go backwards: report #{seq} has it at km {km} at {time} (withdraw that report first if it "
        "was wrong)"
    ),
    "tail": N_(
        "the tail would go backwards: report #{seq} has it at km {km} at {time} (withdraw that report first if it "
        "was wrong)"
    ),
}
_TOO_FAST: dict[str, str] = {
    "head": N_(
        "from report #{seq} (km {km} at {time}) the head would have moved at {speed} km/h, the column's planned "
        "speed is {column} km/h: confirm if it is right"
    ),
    "tail": N_(
        "from report #{seq} (km {km} at {time}) the tail would have moved at {speed} km/h, the column's planned "
        "speed is {column} km/h: confirm if it is right"
    ),
}


def _say(message: str, **fmt: object) -> tuple[str, str]:
    """A message of the catalogue in Vietnamese and in English (a refusal carries both; the view shows its own)."""
    return tr(message, "vi", **fmt), tr(message, "en", **fmt)


@dataclass(frozen=True)
class ReportIn:
    """A report as the API accepts it: kind, where (route metres, and the post named if any), when, and whether
    the control room confirmed it (a report held for confirmation is stored when sent again confirmed)."""

    kind: ReportKind
    at_m: int | None
    post: str | None
    time_s: int
    confirm: bool = False


def parse_report(body: bytes, plan: LivePlan, state: LiveState, now_s: int) -> ReportIn:
    """Check a report body and say which field is wrong and why (in Vietnamese and English).

    Parameters
    ----------
    body : bytes
        The request body (at most :data:`MAX_BODY` bytes, checked by the caller).
    plan : LivePlan
        The plan (route length, post ids).
    state : LiveState
        The current picture (a post's passage is the one expected nearest the reported time).
    now_s : int
        The server's clock (seconds since midnight in the event's time zone).

    Returns
    -------
    ReportIn

    Raises
    ------
    Refused
        The first problem found: its field (``body`` for the whole) and the reason.
    """
    data = _report_object(body)
    confirm = data.get("confirm", False)
    if not isinstance(confirm, bool):
        raise Refused("confirm", *_say(N_("must be true or false, not {value}"), value=_show(confirm)))
    kind = _report_kind(data)
    time_s = _report_time(data, now_s)
    at_m, post_id = _report_where(data, kind, plan, state, time_s)
    return ReportIn(kind, at_m, post_id, time_s, confirm)


def _report_object(body: bytes) -> dict[str, Any]:
    """The body as a JSON object holding report fields only."""
    try:
        text = body.decode("utf-8")
        data = json.loads(text, parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise Refused("body", *_say(N_("is not UTF-8 text"))) from None
    except (json.JSONDecodeError, RecursionError, ValueError) as exc:
        if isinstance(exc, json.JSONDecodeError):
            raise Refused("body", *_say(N_("is not JSON ({error})"), error=exc)) from None
        raise Refused(
            "body", *_say(N_("is not JSON a report can be (nested too deeply or a non-number constant)"))
        ) from None
    if not isinstance(data, dict):
        raise Refused("body", *_say(N_("must be a JSON object, not {what}"), what=_type(data)))
    half = lone_surrogate(text, data)
    if half is not None:
        raise Refused(half[0][:40] or "body", *_say(N_("holds an escaped half of a character, which is no text")))
    extra = sorted(k for k in data if k not in _FIELDS)
    if extra:
        raise Refused(
            extra[0][:40] or '""',
            *_say(N_("is not a report field (a report has {fields})"), fields=", ".join(_FIELDS)),
        )
    return data


def _report_kind(data: dict[str, Any]) -> ReportKind:
    """The report's kind, one of :data:`REPORT_KINDS`."""
    kind = data.get("kind")
    kinds = ", ".join(REPORT_KINDS)
    if "kind" not in data:
        raise Refused("kind", *_say(N_("is missing (one of {kinds})"), kinds=kinds))
    if not isinstance(kind, str) or kind not in REPORT_KINDS:
        raise Refused("kind", *_say(N_("must be one of {kinds}, not {value}"), kinds=kinds, value=_show(kind)))
    return kind


def _report_time(data: dict[str, Any], now_s: int) -> int:
    """When it happened: a time of day, not (much) after now."""
    if "time" not in data:
        raise Refused("time", *_say(N_("is missing (HH:MM:SS in the event's time zone)")))
    raw_time = data["time"]
    time_s = clock.parse(raw_time) if isinstance(raw_time, str) and len(raw_time) <= 8 else None
    if time_s is None:
        raise Refused(
            "time",
            *_say(N_("must be a time of day HH:MM:SS, not {value}"), value=_show(raw_time)),
        )
    if time_s > now_s + FUTURE_SLACK_S:
        ahead = round((time_s - now_s) / 60)
        raise Refused(
            "time",
            *_say(
                N_(
                    "{time} is {ahead} minutes after now ({now}): a report says what has happened (to rehearse the "
                    "day, start the server with --rehearse HH:MM)"
                ),
                time=clock.hms(time_s),
                ahead=ahead,
                now=clock.hms(now_s),
            ),
        )
    return time_s


def _report_where(
    data: dict[str, Any], kind: ReportKind, plan: LivePlan, state: LiveState, time_s: int
) -> tuple[int | None, str | None]:
    """Where it happened, in route metres, and the post named if any: km or a post, as the kind needs."""
    has_km, has_post = "km" in data and data["km"] is not None, "post" in data and data["post"] is not None
    if kind == "resume" and (has_km or has_post):
        raise Refused(
            "km" if has_km else "post",
            *_say(N_("is not given for a resume: the head resumes where it paused")),
        )
    if has_km and has_post:
        raise Refused("post", *_say(N_("give either km or post, not both")))
    if kind in ("head", "tail") and not (has_km or has_post):
        raise Refused(
            "km",
            *(
                _say(N_("is missing: say where the head passed (km from the start, or post id)"))
                if kind == "head"
                else _say(N_("is missing: say where the tail passed (km from the start, or post id)"))
            ),
        )
    if has_km:
        km = data["km"]
        total_km = plan.schedule.parade.total_m / 1000
        if isinstance(km, bool) or not isinstance(km, int | float) or not math.isfinite(float(km)):
            raise Refused("km", *_say(N_("must be a number of kilometres, not {value}"), value=_show(km)))
        if not 0 <= float(km) <= total_km:
            raise Refused("km", *_say(N_("{km} is off the route (0 to {total} km)"), km=km, total=f"{total_km:g}"))
        return int(round(float(km) * 1000)), None
    if has_post:
        raw = data["post"]
        post = plan.schedule.post(raw) if isinstance(raw, str) else None
        if post is None or not post.passages:
            raise Refused(
                "post",
                *_say(N_("{value} is not a post of this parade"), value=_show(raw)),
            )
        return passage_of(post, state, kind, time_s), post.id
    return None, None


def check_sequence(so_far: tuple[Report, ...], new: Report) -> None:
    """Refuse a pause while paused and a resume without a pause (reports taken in time order)."""
    if new.kind not in ("pause", "resume"):
        return
    paused: int | None = None
    for r in sorted((*so_far, new), key=lambda r: (r.time_s, r.seq)):
        if r.kind == "head":
            paused = None
        elif r.kind == "pause":
            if paused is not None and r is new:
                raise Refused(
                    "kind",
                    *_say(N_("the head is already paused since {time}"), time=clock.hms(paused)),
                )
            paused = r.time_s if paused is None else paused
        elif r.kind == "resume":
            if paused is None and r is new:
                raise Refused(
                    "kind",
                    *_say(N_("there is no pause to resume before {time}"), time=clock.hms(r.time_s)),
                )
            paused = None


def _km(m: float) -> str:
    return f"{m / 1000:.1f}"


def check_plausible(plan: LivePlan, so_far: tuple[Report, ...], new: Report, confirmed: bool, now_s: int) -> None:
    """Refuse a report that cannot be true, and hold one that is unlikely until the control room confirms it.

    Refused (422, whatever ``confirmed`` says): more than :data:`MARGIN_BEFORE_S` before the departure or
    :data:`MARGIN_AFTER_S` after the plan's end; the head or the tail going backwards against an earlier report
    of it; a tail ahead of the head. Held (409 until sent with ``"confirm": true``): a speed more than
    :data:`SPEED_FACTOR` times the column's planned speed between two reports of the head (or of the tail), and
    a report moving the expected times by more than :data:`CONFIRM_SHIFT_S`.

    Parameters
    ----------
    plan : LivePlan
        The plan (departure, end, planned times along the route).
    so_far : tuple of Report
        The reports in force (without the one being amended).
    new : Report
        The report to check.
    confirmed : bool
        The control room confirmed it.
    now_s : int
        Now (a pause still open holds the head until now).

    Raises
    ------
    Refused
        With ``confirm`` set when a confirmation would let it in.
    """
    within_the_day(plan, new)
    if new.at_m is None or new.kind == "resume":
        return
    same = _same_end(so_far, new)
    never_backwards(new, same)
    head_ahead_of_tail(so_far, new)
    if confirmed:
        return
    plausible_speed(plan, new, same)
    small_shift(plan, so_far, new, now_s)


def _end(report: Report) -> ReportKind:
    """Which end of the column a report places: the tail, or the head (head, pause)."""
    return "tail" if report.kind == "tail" else "head"


def _same_end(so_far: tuple[Report, ...], new: Report) -> list[Report]:
    """The earlier reports placing the same end of the column as ``new``."""
    mine = _end(new)
    return [r for r in so_far if r.at_m is not None and _end(r) == mine and r.kind != "resume"]


def within_the_day(plan: LivePlan, new: Report) -> None:
    """Refused: more than :data:`MARGIN_BEFORE_S` before the departure or :data:`MARGIN_AFTER_S` after the end."""
    s = plan.schedule
    start = s.parade.departure_s
    end = max(p.tail_s for p in s.timetable)
    t = new.time_s
    if t < start - MARGIN_BEFORE_S:
        raise Refused(
            "time",
            *_say(
                N_("{time} is more than {n} min before the departure at {start}"),
                time=clock.hms(t),
                n=MARGIN_BEFORE_S // 60,
                start=clock.hms(start),
            ),
        )
    if t > end + MARGIN_AFTER_S:
        raise Refused(
            "time",
            *_say(
                N_("{time} is more than {n} min after the plan's end at {end}"),
                time=clock.hms(t),
                n=MARGIN_AFTER_S // 60,
                end=clock.hms(end),
            ),
        )


def never_backwards(new: Report, same: list[Report]) -> None:
    """Refused: the head (or the tail) going backwards against an earlier report of it."""
    assert new.at_m is not None
    m, t = new.at_m, new.time_s
    for r in same:
        assert r.at_m is not None
        if (r.time_s <= t and r.at_m > m + PLACE_SLACK_M) or (r.time_s >= t and r.at_m < m - PLACE_SLACK_M):
            raise Refused(
                "km",
                *_say(_BACKWARDS[_end(new)], seq=r.seq, km=_km(r.at_m), time=clock.hms(r.time_s)),
            )


def head_ahead_of_tail(so_far: tuple[Report, ...], new: Report) -> None:
    """Refused: a tail ahead of the head, or a head behind the tail."""
    assert new.at_m is not None
    m, t = new.at_m, new.time_s
    if _end(new) == "tail":
        for r in so_far:
            if r.kind in ("head", "pause") and r.at_m is not None and r.time_s >= t and r.at_m < m - PLACE_SLACK_M:
                raise Refused(
                    "km",
                    *_say(
                        N_("the tail would be ahead of the head: report #{seq} has the head at km {km} at {time}"),
                        seq=r.seq,
                        km=_km(r.at_m),
                        time=clock.hms(r.time_s),
                    ),
                )
        return
    for r in so_far:
        if r.kind == "tail" and r.at_m is not None and r.time_s <= t and r.at_m > m + PLACE_SLACK_M:
            raise Refused(
                "km",
                *_say(
                    N_("the head would be behind the tail: report #{seq} has the tail past km {km} at {time}"),
                    seq=r.seq,
                    km=_km(r.at_m),
                    time=clock.hms(r.time_s),
                ),
            )


def plausible_speed(plan: LivePlan, new: Report, same: list[Report]) -> None:
    """Held: a speed more than :data:`SPEED_FACTOR` times the column's planned speed between this report and the
    nearest report of the same end before or after it."""
    assert new.at_m is not None
    m, t, mine = new.at_m, new.time_s, _end(new)
    before = max((r for r in same if r.time_s <= t), key=lambda r: (r.time_s, r.seq), default=None)
    after = min((r for r in same if r.time_s > t), key=lambda r: (r.time_s, r.seq), default=None)
    for near in (before, after):
        if near is None or near.at_m is None or abs(near.at_m - m) < SPEED_MIN_M:
            continue
        r = near
        assert r.at_m is not None
        planned_s = abs(expected_at(plan, (), mine, m) - expected_at(plan, (), mine, r.at_m))
        took_s = abs(t - r.time_s)
        if took_s * SPEED_FACTOR < planned_s:
            speed = abs(r.at_m - m) / 1000 / max(took_s, 1) * 3600
            column = abs(r.at_m - m) / 1000 / max(planned_s, 1) * 3600
            raise Refused(
                "time",
                *_say(
                    _TOO_FAST[mine],
                    seq=r.seq,
                    km=_km(r.at_m),
                    time=clock.hms(r.time_s),
                    speed=f"{speed:.0f}",
                    column=f"{column:.0f}",
                ),
                confirm=True,
            )


def small_shift(plan: LivePlan, so_far: tuple[Report, ...], new: Report, now_s: int) -> None:
    """Held: a report moving the expected times by more than :data:`CONFIRM_SHIFT_S`."""
    assert new.at_m is not None
    shift = new.time_s - expected_at(plan, so_far, _end(new), new.at_m, now_s)
    if abs(shift) > CONFIRM_SHIFT_S:
        mins = round(abs(shift) / 60)
        later = N_("this report moves the expected times {mins} min later (more than {n} min): confirm if it is right")
        earlier = N_(
            "this report moves the expected times {mins} min earlier (more than {n} min): confirm if it is right"
        )
        raise Refused("time", *_say(later if shift > 0 else earlier, mins=mins, n=CONFIRM_SHIFT_S // 60), confirm=True)


def _no_constant(name: str) -> Any:
    raise ValueError(name)


def _type(v: Any) -> str:
    return {  # words as data: JSON's own names of its types, for the authors of API clients
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "null",
    }.get(type(v), type(v).__name__)


def _show(v: Any) -> str:
    if isinstance(v, str):
        return json.dumps(v[:40] + ("…" if len(v) > 40 else ""), ensure_ascii=False)
    if isinstance(v, bool | int | float) or v is None:
        return json.dumps(v)
    return _type(v)


# ------------------------------------------------------------------------------------------------ views


def _pos(p: Position | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "km": round(p.at_m / 1000, 3),
        "lat": p.lat,
        "lon": p.lon,
        "time": clock.hms(p.time_s),
        "delay_min": round(p.delay_s / 60, 1),
    }


def _event(plan: LivePlan) -> dict[str, Any]:
    s = plan.schedule
    return {
        "name": s.event.name,
        "parade": s.parade.name,
        "date": s.parade.date.isoformat(),
        "timezone": s.event.timezone,
        "departure": clock.hms(s.parade.departure_s),
        "total_km": round(s.parade.total_m / 1000, 3),
        "lead_min": plan.lead_s / 60,
        "clearance_min": plan.clearance_s / 60,
    }


def _common(plan: LivePlan, state: LiveState, updated: str) -> dict[str, Any]:
    return {
        "head": _pos(state.head),
        "tail": _pos(state.tail),
        "paused": state.paused_since_s is not None,
        "paused_since": None if state.paused_since_s is None else clock.hms(state.paused_since_s),
        "delay_min": round(state.delay_s / 60, 1),
        "now": clock.hms(state.now_s),
        "updated": updated,
        "event": _event(plan),
    }


def public_state(plan: LivePlan, state: LiveState, updated: str) -> dict[str, Any]:
    """``GET /api/state``: where the column is and what is closed, never a unit, crew or phone."""
    out = _common(plan, state, updated)
    now = state.now_s
    out["closures"] = [
        {
            "post": c.post,
            "street": c.street,
            "cross_street": c.cross_street,
            "close": clock.hms(c.close_s),
            "reopen": clock.hms(c.reopen_s),
            "closed_now": c.close_s <= now < c.reopen_s,
        }
        for c in sorted(state.closures, key=lambda c: (c.close_s, c.post))
    ]
    out["stretches"] = [
        {
            "seq": s.seq,
            "street": s.street,
            "from": s.frm,
            "to": s.to,
            "close": clock.hms(s.close_s),
            "reopen": clock.hms(s.reopen_s),
            "closed_now": s.close_s <= now < s.reopen_s,
            "reopened": now >= s.reopen_s,
        }
        for s in state.stretches
    ]
    return out


@functools.lru_cache(maxsize=16384)
def report_json(r: Report) -> dict[str, Any]:
    """One stored report as the API shows it (made once per report: the police state lists them all, every
    second; the dict is shared, never changed)."""
    return {
        "seq": r.seq,
        "kind": r.kind,
        "km": None if r.at_m is None else round(r.at_m / 1000, 3),
        "post": r.post,
        "time": clock.hms(r.time_s),
        "received": r.received,
    }


#: Display names by schedule (keyed by its id, the schedule kept so that the id is not reused while cached).
_NAMES: dict[int, tuple[Any, dict[str, str]]] = {}


def unit_names(plan: LivePlan) -> dict[str, str]:
    """Every unit's display name in the plan's language ("Mô tô CSGT 01"), by id: people, not ids, in the views."""
    schedule = plan.schedule
    cached = _NAMES.get(id(schedule))
    if cached is None or cached[0] is not schedule:
        lang = schedule.event.language if schedule.event.language in ("vi", "en") else "vi"
        names = {u.unit: unit_name(u.name, u.kind, u.role, u.unit, lang) for u in schedule.units}
        if len(_NAMES) > 8:
            _NAMES.clear()
        cached = _NAMES[id(schedule)] = (schedule, names)
    return cached[1]


def log_json(e: LogEntry, names: dict[str, str] | None = None) -> dict[str, Any]:
    """One line of the audit log as the API shows it: who did what to which report, when, before and after
    (``who_name``: the unit's display name when a unit did it)."""
    unit = e.who.removeprefix("unit:") if e.who.startswith("unit:") else None
    return {
        "id": e.id,
        "at": e.at,
        "who": e.who,
        "who_name": None if unit is None else (names or {}).get(unit, unit),
        "action": e.action,
        "seq": e.seq,
        "before": None if e.before is None else report_json(e.before),
        "after": None if e.after is None else report_json(e.after),
    }


def held_streets(approaches: Sequence[Any]) -> list[str]:
    """The streets a post holds traffic from, each named once (a street crossing the route comes from both sides:
    two approaches, one name), unnamed ones left out."""
    return list(dict.fromkeys(a.street for a in approaches if a.street))


def police_state(plan: LivePlan, state: LiveState, updated: str, links: dict[str, str]) -> dict[str, Any]:
    """``GET /api/police/state``: posts planned and now, units, reserves and proposals, every report."""
    out = public_state(plan, state, updated)
    approaches = {p.id: p.approaches for p in plan.schedule.posts}
    out["posts"] = [
        {
            "id": p.id,
            "name": p.name,
            "lat": p.lat,
            "lon": p.lon,
            "close": clock.hms(p.close_s),
            "reopen": clock.hms(p.reopen_s),
            "planned_close": clock.hms(p.planned_close_s),
            "planned_reopen": clock.hms(p.planned_reopen_s),
            "shift_min": round((p.close_s - p.planned_close_s) / 60, 1),
            "units": list(p.units),
            "at_risk": p.at_risk,
            "passed": all(x.tail_s <= state.now_s for x in p.passages) and bool(p.passages),
            "km": [round(x.at_m / 1000, 3) for x in p.passages],
            "approaches": held_streets(approaches.get(p.id, ())),
        }
        for p in state.posts
    ]
    proposed = {pr.reserve: pr for pr in state.proposals if pr.reserve is not None}
    names = unit_names(plan)
    out["reserves"] = [
        {
            "unit": r.unit,
            "name": names.get(r.unit, r.name),
            "kind": r.kind,
            "station": {"name": r.station, "lat": r.lat, "lon": r.lon, "post": r.near_post},
            "proposed_for": None if r.unit not in proposed else proposed[r.unit].post,
        }
        for r in plan.reserves
    ]
    out["proposals"] = [
        {
            "post": pr.post,
            "post_name": pr.post_name,
            "unit": pr.unit,
            "unit_name": names.get(pr.unit, pr.unit),
            "reserve": pr.reserve,
            "reserve_name": None if pr.reserve is None else names.get(pr.reserve, pr.reserve),
            "arrival": None if pr.arrival_s is None else clock.hms(pr.arrival_s),
            "close": clock.hms(pr.hold_from_s),
            "spare_min": None if pr.spare_s is None else round(pr.spare_s / 60, 1),
            "in_time": pr.spare_s is not None and pr.spare_s >= 0,
        }
        for pr in state.proposals
    ]
    out["units"] = [_unit_summary(u, state, links.get(u.unit), names) for u in state.units]
    out["reports"] = [report_json(r) for r in state.reports]
    return out


def _arrive_now(r: Any) -> int:
    """When to be there now: the plan's arrival moved as the hold moved, never before it can be there."""
    return int(max(r.earliest_arrival_s, r.planned_arrive_s + (r.hold_from_s - r.planned_hold_from_s)))


def _run_json(r: Any) -> dict[str, Any]:
    """One post of a unit: the three times of its run-sheet (be there at, hold from, leave at), planned and now."""
    return {
        "post": r.post,
        "name": r.name,
        "lat": r.lat,
        "lon": r.lon,
        "arrive_at": clock.hms(_arrive_now(r)),
        "planned_arrive_at": clock.hms(r.planned_arrive_s),
        "hold_from": clock.hms(r.hold_from_s),
        "planned_hold_from": clock.hms(r.planned_hold_from_s),
        "be_there_by": clock.hms(r.hold_from_s),
        "leave_at": clock.hms(r.release_s),
        "planned_be_there_by": clock.hms(r.planned_hold_from_s),
        "planned_leave_at": clock.hms(r.planned_release_s),
        "earliest_arrival": clock.hms(r.earliest_arrival_s),
        "at_risk": r.at_risk,
        "shift_min": round((r.hold_from_s - r.planned_hold_from_s) / 60, 1),
        "leave_shift_min": round((r.release_s - r.planned_release_s) / 60, 1),
    }


def _unit_summary(u: Any, state: LiveState, link: str | None, names: dict[str, str]) -> dict[str, Any]:
    nxt = None if u.next_run is None else _run_json(u.runs[u.next_run])
    return {
        "id": u.unit,
        "name": names.get(u.unit, u.name),
        "kind": u.kind,
        "duty": u.duty,
        "at_risk": u.at_risk,
        "next": nxt,
        "runs": len(u.runs),
        "link": link,
    }


def unit_state(plan: LivePlan, state: LiveState, updated: str, unit_id: str) -> dict[str, Any] | None:
    """``GET /api/units/{unit}/state``: my next post, when to be there and when I may leave, what changed."""
    u = next((x for x in state.units if x.unit == unit_id), None)
    if u is None:
        return None
    out = _common(plan, state, updated)
    reserve = next((r for r in plan.reserves if r.unit == unit_id), None)
    proposal = next((p for p in state.proposals if p.reserve == unit_id), None)
    name = unit_names(plan).get(u.unit, u.name)
    out["unit"] = {"id": u.unit, "name": name, "kind": u.kind, "duty": u.duty, "at_risk": u.at_risk}
    out["next"] = None if u.next_run is None else _run_json(u.runs[u.next_run])
    out["runs"] = [_run_json(r) | {"done": r.release_s <= state.now_s} for r in u.runs]
    out["changes"] = [
        {
            "post": r.post,
            "name": r.name,
            "planned_be_there_by": clock.hms(r.planned_hold_from_s),
            "be_there_by": clock.hms(r.hold_from_s),
            "planned_leave_at": clock.hms(r.planned_release_s),
            "leave_at": clock.hms(r.release_s),
            "shift_min": round((r.hold_from_s - r.planned_hold_from_s) / 60, 1),
            "leave_shift_min": round((r.release_s - r.planned_release_s) / 60, 1),
        }
        for r in u.runs
        if r.hold_from_s != r.planned_hold_from_s or r.release_s != r.planned_release_s
    ]
    parade = plan.schedule.parade
    end_shift = state.stretches[-1].reopen_s - state.stretches[-1].planned_reopen_s if state.stretches else 0
    out["station"] = (
        None
        if reserve is None
        else {
            "name": reserve.station,
            "lat": reserve.lat,
            "lon": reserve.lon,
            "post": reserve.near_post,
            # the run-sheet's times of a reserve: on call at its station from the departure to the end
            "arrive_at": clock.hms(parade.departure_s),
            "hold_from": clock.hms(parade.departure_s),
            "leave_at": clock.hms(parade.finish_tail_s + end_shift),
            "planned_leave_at": clock.hms(parade.finish_tail_s),
        }
    )
    out["proposal"] = (
        None
        if proposal is None
        else {
            "post": proposal.post,
            "post_name": proposal.post_name,
            "close": clock.hms(proposal.hold_from_s),
            "arrival": None if proposal.arrival_s is None else clock.hms(proposal.arrival_s),
            "replaces": proposal.unit,
        }
    )
    return out


def route_json(
    lines: tuple[tuple[tuple[float, float], ...], ...],
    points: tuple[tuple[str, str, float, float, float], ...],
    plan: LivePlan,
    basemap: Any = (),
) -> dict[str, Any]:
    """``GET /api/route``: the route's stretches, its start, U-turns and end, and the faint street basemap."""
    stretches = sorted(plan.schedule.closures.stretches, key=lambda s: s.seq)
    return {
        "attribution": plan.schedule.attribution,
        "stretches": [
            {"seq": s.seq, "street": s.street, "coords": [list(c) for c in coords]}
            for s, coords in zip(stretches, lines, strict=False)
        ],
        "points": [
            {"kind": k, "name": n, "lat": la, "lon": lo, "km": round(m / 1000, 3)} for k, n, la, lo, m in points
        ],
        "basemap": [[w, [[list(a), list(b)] for a, b in segs]] for w, segs in basemap],
    }
