"""Plain inputs for ceremony scheduling built from a Plan: minutes, coordinates, travel times, wishes."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from paradeplan import clock
from paradeplan.errors import InputError, Problem
from paradeplan.geo.travel import TravelMinutes as TravelFn
from paradeplan.geo.travel import geodesic_travel
from paradeplan.i18n import _
from paradeplan.plan.model import Plan

log = logging.getLogger(__name__)


def minute_of(day0: date, when: datetime) -> int:
    """Minutes from midnight of ``day0`` to ``when``."""
    return int((when - datetime.combine(day0, time(0, 0))).total_seconds() // 60)


def at_minute(day0: date, minute: int) -> datetime:
    """The local date-time ``minute`` minutes after midnight of ``day0``."""
    return datetime.combine(day0, time(0, 0)) + timedelta(minutes=minute)


@dataclass(frozen=True)
class ItemIn:
    """A program item at a fixed offset from the ceremony's start."""

    title: str
    offset: int
    """Minutes from the ceremony's start."""
    duration: int
    """Minutes."""
    speaker: str | None
    """The person/team id, role, or free text given in the plan."""


@dataclass(frozen=True)
class CeremonyIn:
    """One ceremony in minutes from the instance's day zero."""

    id: str
    name: str
    venue: str
    venue_name: str
    latlon: tuple[float, float]
    day: date
    earliest: int
    """Earliest start (minutes from day zero)."""
    latest_end: int
    """Latest end (minutes from day zero)."""
    duration: int
    capacity: int | None
    local: int
    items: tuple[ItemIn, ...]
    launch_group: str | None
    starts: tuple[int, ...]
    """Allowed start minutes on the grid."""


@dataclass(frozen=True)
class AttendeeIn:
    """A person or a shared team."""

    id: str
    name: str
    kind: str
    """``person`` or ``team``."""
    role: str | None
    base: str | None
    base_latlon: tuple[float, float] | None
    speed_kmh: float
    avail_from: int | None
    """Minute of day from which the person can leave the base."""
    avail_until: int | None
    """Minute of day by which the person leaves the last venue."""
    setup: int
    """Minutes needed before the start (teams)."""
    min_stay: int | None
    """Shortest stay; None for the whole ceremony."""
    size: int


@dataclass(frozen=True)
class Need:
    """Why an attendee is a candidate for a ceremony."""

    attendee: str
    ceremony: str
    required: bool
    wished: bool
    items: tuple[int, ...] = ()
    """Indexes of program items the attendee must be present for."""


@dataclass
class CeremonyInstance:
    """Everything the solver and the reports need, as plain values."""

    day0: date
    grid: int
    ceremonies: list[CeremonyIn]
    attendees: list[AttendeeIn]
    needs: list[Need]
    role_items: list[tuple[str, int, str, tuple[str, ...]]] = field(default_factory=list)
    """(ceremony, item index, role, candidate attendees): at least one of them covers the item."""
    travel: dict[tuple[str, str, str], int] = field(default_factory=dict)
    """(attendee, from place, to place) -> whole minutes (rounded up)."""
    travel_raw: dict[tuple[str, str, str], float] = field(default_factory=dict)
    """Same, unrounded."""
    warnings: list[str] = field(default_factory=list)

    def at(self, minute: int) -> datetime:
        """The local date-time of a minute from day zero."""
        return at_minute(self.day0, minute)

    def ceremony(self, cid: str) -> CeremonyIn:
        """The ceremony with this id."""
        return self._cer[cid]

    def attendee(self, aid: str) -> AttendeeIn:
        """The attendee with this id."""
        return self._att[aid]

    def __post_init__(self) -> None:
        self._cer = {c.id: c for c in self.ceremonies}
        self._att = {a.id: a for a in self.attendees}

    def move(self, aid: str, a: str, b: str) -> int:
        """Whole minutes attendee ``aid`` needs from place ``a`` to place ``b``."""
        return 0 if a == b else self.travel[(aid, a, b)]


def build_instance(plan: Plan, travel: TravelFn | None = None, grid_min: int = 5) -> CeremonyInstance:
    """Turn a plan's ceremonies, people and teams into a :class:`CeremonyInstance`.

    Parameters
    ----------
    plan : Plan
        The validated plan.
    travel : TravelFn, optional
        Travel-time function; default :func:`geodesic_travel` with the plan's detour factor.
    grid_min : int
        Start times lie on this minute grid.

    Returns
    -------
    CeremonyInstance

    Raises
    ------
    InputError
        A venue or base without coordinates.
    """
    travel = travel or geodesic_travel(plan.traffic.detour_factor)
    problems: list[Problem] = []
    places = {p.id: p for p in plan.places}

    def latlon(pid: str, field_: str) -> tuple[float, float] | None:
        pl = places.get(pid)
        if pl is None or pl.lat is None or pl.lon is None:
            problems.append(
                Problem(
                    _("place '{id}' has no coordinates").format(id=pid),
                    field=field_,
                    hint=_("give lat and lon (mark approximate: true if unsure)"),
                )
            )
            return None
        return (pl.lat, pl.lon)

    if not plan.ceremonies:
        return CeremonyInstance(
            day0=plan.event.week_start or date(2000, 1, 1), grid=grid_min, ceremonies=[], attendees=[], needs=[]
        )
    day0 = min(c.date for c in plan.ceremonies)
    cers = _ceremonies_in(plan, day0, grid_min, latlon)
    atts = _attendees_in(plan, latlon)
    if problems:
        raise InputError(problems=problems)
    needs, role_items, warnings = _needs(plan, cers, atts)
    travel_int, travel_raw = _travel_tables(needs, cers, atts, travel)
    return CeremonyInstance(
        day0=day0,
        grid=grid_min,
        ceremonies=cers,
        attendees=atts,
        needs=needs,
        role_items=role_items,
        travel=travel_int,
        travel_raw=travel_raw,
        warnings=warnings,
    )


#: Coordinates of a place (by id; the field naming it, for the problem when it has none).
LatLonOf = Callable[[str, str], tuple[float, float] | None]


def _ceremonies_in(plan: Plan, day0: date, grid_min: int, latlon: LatLonOf) -> list[CeremonyIn]:
    """Each ceremony in minutes from ``day0``: its window, length, program offsets and start times on the grid."""
    places = {p.id: p for p in plan.places}
    cers: list[CeremonyIn] = []
    for i, c in enumerate(plan.ceremonies):
        ll = latlon(c.venue, f"ceremonies[{i}].venue") or (0.0, 0.0)
        offset = (c.date - day0).days * 1440
        dur = sum(it.duration_min for it in c.program) if c.program else c.duration_min
        items: list[ItemIn] = []
        at = 0
        for it in c.program:
            items.append(ItemIn(it.title, at, it.duration_min, it.speaker))
            at += it.duration_min
        earliest = offset + clock.minutes(c.window_start)
        latest_end = offset + clock.minutes(c.window_end)
        first = earliest + (-earliest) % grid_min
        starts = tuple(range(first, latest_end - dur + 1, grid_min))
        cers.append(
            CeremonyIn(
                c.id,
                c.name,
                c.venue,
                places[c.venue].name if c.venue in places else c.venue,
                ll,
                c.date,
                earliest,
                latest_end,
                dur,
                c.capacity,
                c.local_attendance,
                tuple(items),
                c.launch_group,
                starts,
            )
        )
    return cers


def _attendees_in(plan: Plan, latlon: LatLonOf) -> list[AttendeeIn]:
    """Every person and team, with their base's coordinates and availability in minutes."""
    atts: list[AttendeeIn] = []
    for i, p in enumerate(plan.people):
        bl = latlon(p.base, f"people[{i}].base") if p.base else None
        atts.append(
            AttendeeIn(
                p.id,
                p.name,
                "person",
                p.role,
                p.base,
                bl,
                p.speed_kmh,
                clock.minutes(p.available_from) if p.available_from else None,
                clock.minutes(p.available_until) if p.available_until else None,
                0,
                p.min_stay_min,
                1,
            )
        )
    for i, t in enumerate(plan.teams):
        bl = latlon(t.base, f"teams[{i}].base") if t.base else None
        atts.append(
            AttendeeIn(t.id, t.name, "team", "team", t.base, bl, t.speed_kmh, None, None, t.setup_min, None, t.size)
        )
    return atts


def _needs(
    plan: Plan, cers: list[CeremonyIn], atts: list[AttendeeIn]
) -> tuple[list[Need], list[tuple[str, int, str, tuple[str, ...]]], list[str]]:
    """Who is required (with the items they speak at) or wished where; items given to a role, with candidates."""
    att_ids = {a.id for a in atts}
    by_role: dict[str, list[str]] = {}
    for a in atts:
        if a.kind == "person" and a.role:
            by_role.setdefault(a.role, []).append(a.id)

    req: dict[tuple[str, str], set[int]] = {}
    wish: set[tuple[str, str]] = set()
    role_items: list[tuple[str, int, str, tuple[str, ...]]] = []
    warnings: list[str] = []
    for c, cin in zip(plan.ceremonies, cers, strict=True):
        for aid in c.required:
            req.setdefault((aid, c.id), set())
        for aid in c.wished:
            wish.add((aid, c.id))
        for k, item in enumerate(cin.items):
            if item.speaker is None:
                continue
            if item.speaker in att_ids:
                req.setdefault((item.speaker, c.id), set()).add(k)
            elif item.speaker in by_role:
                cands = tuple(sorted(by_role[item.speaker]))
                role_items.append((c.id, k, item.speaker, cands))
                for aid in cands:
                    wish.add((aid, c.id))
            else:
                log.debug("speaker %r of %s is not scheduled (local)", item.speaker, c.id)
    for p in plan.people:
        for cid in p.wishes:
            wish.add((p.id, cid))
    keys = sorted(set(req) | wish)
    needs = [Need(a, c, (a, c) in req, (a, c) in wish, tuple(sorted(req.get((a, c), set())))) for a, c in keys]

    return needs, role_items, warnings


def _travel_tables(
    needs: list[Need], cers: list[CeremonyIn], atts: list[AttendeeIn], travel: TravelFn
) -> tuple[dict[tuple[str, str, str], int], dict[tuple[str, str, str], float]]:
    """Travel minutes (whole, and as computed) between every pair of places each attendee may use."""
    travel_int: dict[tuple[str, str, str], int] = {}
    travel_raw: dict[tuple[str, str, str], float] = {}
    cer_by_id = {c.id: c for c in cers}
    per_att: dict[str, set[str]] = {}
    for n in needs:
        per_att.setdefault(n.attendee, set()).add(n.ceremony)
    att_by_id = {a.id: a for a in atts}
    for aid, cids in sorted(per_att.items()):
        a = att_by_id[aid]
        pts: dict[str, tuple[float, float]] = {cer_by_id[c].venue: cer_by_id[c].latlon for c in cids}
        if a.base and a.base_latlon:
            pts[a.base] = a.base_latlon
        for p1, l1 in sorted(pts.items()):
            for p2, l2 in sorted(pts.items()):
                if p1 != p2:
                    raw = float(travel(l1, l2, a.speed_kmh))
                    travel_raw[(aid, p1, p2)] = raw
                    travel_int[(aid, p1, p2)] = math.ceil(raw - 1e-9)
    return travel_int, travel_raw
