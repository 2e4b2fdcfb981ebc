"""The parade stage's result, ``ParadeSchedule``: frozen, typed, times in seconds since midnight, lengths in metres.

Checkers, renderers, maps and the live server take this object; ``schedule.json`` is written from it and read back
into it only at the file boundary (:mod:`paradeplan.parade.schedule_json`). Values are kept exactly as published
(coordinates to 6 decimals, distances to the metre where the file gives kilometres), so a schedule read back from
its file equals the one written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from paradeplan.parade.traffic import TrafficPlan

PointKind = Literal["start", "junction", "uturn", "end"]
Ride = Literal["head", "column", "posts"]
Duty = Literal["lead", "column", "posts", "reserve"]
Counts = tuple[tuple[str, int], ...]
"""Kind → number, as sorted pairs (``(("police_car", 1), ("police_motorbike", 2))``)."""
LatLon = tuple[float, float]

SCHEDULE_FORMAT = "paradeplan.schedule/1"


def published_m(metres: float, km_decimals: int = 3) -> int:
    """Metres as a file publishes them in kilometres with ``km_decimals`` decimals (so reading back is exact)."""
    return int(round(round(metres / 1000, km_decimals) * 1000))


def count_of(counts: Counts, kind: str) -> int:
    """The number for ``kind`` in a :data:`Counts` (0 when absent)."""
    return next((n for k, n in counts if k == kind), 0)


@dataclass(frozen=True)
class EventInfo:
    """The event the parade belongs to."""

    name: str
    theme: str | None
    timezone: str
    language: str


@dataclass(frozen=True)
class Assembly:
    """Where and when the column assembles."""

    place: str
    name: str
    lat: float | None
    lon: float | None
    time_s: int


@dataclass(frozen=True)
class ParadeInfo:
    """The parade's headline facts."""

    id: str
    name: str
    date: date
    assembly: Assembly
    departure_s: int
    finish_head_s: int
    finish_tail_s: int
    total_m: int
    """Route length (metres)."""
    column_length_m: float
    column_speed_kmh: float
    uturn_extra_s: int
    no_leaving_before_end: bool


@dataclass(frozen=True)
class ColumnVehicleRow:
    """A vehicle's place in the column, head first."""

    position: int
    unit: str
    name: str
    kind: str
    role: str
    group: str
    owner: str | None
    length_m: float


@dataclass(frozen=True)
class TimetablePoint:
    """When the head arrives at and the tail clears a point of the route."""

    seq: int
    key: str
    name: str
    kind: PointKind
    lat: float
    lon: float
    at_m: int
    """Route metres from the start."""
    head_s: int
    tail_s: int
    cross_class: str | None


@dataclass(frozen=True)
class Passage:
    """One pass of the column by a post: head arrives, tail clears."""

    head_s: int
    tail_s: int
    at_m: int


@dataclass(frozen=True)
class HeldApproach:
    """A street a post holds: cross traffic coming from there waits while the column passes."""

    street: str
    highway: str
    """OSM road class."""
    bearing: int
    """The heading the street leaves the junction on (degrees from north)."""


@dataclass(frozen=True)
class Post:
    """A traffic post: where, its closing window, what it needs and who holds it."""

    id: str
    name: str
    kind: PointKind
    lat: float
    lon: float
    open_s: int
    close_s: int
    need: Counts
    priority: int
    cross_class: str | None
    units: tuple[str, ...]
    uncovered: Counts
    passages: tuple[Passage, ...]
    approaches: tuple[HeldApproach, ...] = ()
    """The streets it holds (for a junction; the start, end and U-turns hold the route itself)."""
    turn: bool = False
    """The route turns here onto another street."""


@dataclass(frozen=True)
class PostClosure:
    """A junction closed to cross traffic while the column passes."""

    post: str
    street: str
    cross_street: str
    lat: float
    lon: float
    close_s: int
    reopen_s: int
    units: tuple[str, ...]


@dataclass(frozen=True)
class StretchClosure:
    """A stretch of the route closed from just before the head to just after the tail."""

    seq: int
    street: str
    frm: str
    to: str
    length_m: float
    close_s: int
    reopen_s: int


@dataclass(frozen=True)
class Closures:
    """Closures by post and by stretch."""

    posts: tuple[PostClosure, ...]
    stretches: tuple[StretchClosure, ...]


@dataclass(frozen=True)
class Base:
    """A unit's base place."""

    place: str
    name: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Run:
    """One post in a unit's chain."""

    seq: int
    post: str
    name: str
    lat: float
    lon: float
    arrive_s: int
    hold_from_s: int
    release_s: int
    slack_s: int
    """Seconds between arriving and having to hold the post (``hold_from − arrive``, whole seconds)."""


@dataclass(frozen=True)
class Station:
    """Where a reserve waits: near the post where it helps most."""

    name: str
    lat: float
    lon: float
    post: str
    """The post it stands by."""


@dataclass(frozen=True)
class UnitRow:
    """A vehicle of the parade: who it is, where it rides, the posts it holds."""

    unit: str
    name: str
    kind: str
    role: str
    group: str
    owner: str | None
    base: Base | None
    ride: Ride
    runs: tuple[Run, ...]
    duty: Duty
    """lead (heads the column), column (rides in it: floats, tail car, flank), posts (holds posts) or reserve."""
    station: Station | None = None
    """Where a reserve waits (None for the other duties)."""


@dataclass(frozen=True)
class Via:
    """A gathering a vehicle attends on its way to the assembly."""

    gathering: str
    place: str
    arrive_s: int
    leave_s: int


@dataclass(frozen=True)
class StagingTrip:
    """A column vehicle's drive to the assembly."""

    unit: str
    kind: str
    frm: str | None
    leave_base_s: int | None
    arrive_s: int
    arrive_by_s: int
    travel_m: int | None
    """Metres driven (to 10 m, as published)."""
    via: Via | None
    late_s: int


@dataclass(frozen=True)
class StagingPath:
    """The street path of the staging trips from one base (via one gathering)."""

    frm: str
    via: str | None
    coords: tuple[LatLon, ...]


@dataclass(frozen=True)
class LineupSlot:
    """A vehicle's staging position and arrival slot (minute precision, as published)."""

    position: int
    unit: str
    kind: str
    owner: str
    role: str
    staging_from_m: float
    staging_to_m: float
    arrive_from_s: int
    arrive_to_s: int
    leave_base_s: int | None


@dataclass(frozen=True)
class OnwardLeg:
    """One leg of a vehicle's trip after the split."""

    seq: int
    mode: Literal["drive", "parade"]
    segment: str
    street: str
    enter_s: int
    leave_s: int
    coords: tuple[LatLon, ...]


@dataclass(frozen=True)
class Onward:
    """A vehicle's trip after the split: when it leaves the finish, parades its own route, arrives."""

    unit: str
    release_s: int
    parade_start_s: int | None
    arrive_s: int
    legs: tuple[OnwardLeg, ...]


@dataclass(frozen=True)
class Uncovered:
    """Units a post still lacks."""

    post: str
    kind: str
    missing: int


@dataclass(frozen=True)
class Fix:
    """One way to make the given units suffice."""

    kind: str
    text: str


@dataclass(frozen=True)
class DelayTolerance:
    """By how many minutes the column may run early or late with every post still held by its unit."""

    early_min: int
    late_min: int


@dataclass(frozen=True)
class Escort:
    """How the posts are held: solver status, units used, the proven bound and what is short."""

    status: Literal["optimal", "feasible"]
    units_used: int
    lower_bound: Counts
    covered: int
    """Priority-weighted need held."""
    required: int
    travel_m: int
    uncovered: tuple[Uncovered, ...]
    fixes: tuple[Fix, ...]
    units_needed: Counts = ()
    """The proven fewest units of each kind that hold every post (the units objective; see ``lower_bound``)."""
    min_slack_s: int | None = None
    """The smallest slack over every post a unit holds (the objective the units given are assigned by)."""
    delay_tolerance: DelayTolerance = DelayTolerance(0, 0)


@dataclass(frozen=True)
class ParadeSchedule:
    """A parade's checked schedule (``schedule.json``, ``paradeplan.schedule/1``)."""

    attribution: str
    event: EventInfo
    parade: ParadeInfo
    column: tuple[ColumnVehicleRow, ...]
    timetable: tuple[TimetablePoint, ...]
    posts: tuple[Post, ...]
    closures: Closures
    units: tuple[UnitRow, ...]
    staging: tuple[StagingTrip, ...]
    staging_paths: tuple[StagingPath, ...]
    escort: Escort
    lineup: tuple[LineupSlot, ...] = ()
    onward: tuple[Onward, ...] = ()
    format: str = field(default=SCHEDULE_FORMAT)
    traffic: TrafficPlan = TrafficPlan()
    """The diversion plan: every closure point with its holder, the marshals, the detours (``parade.traffic``)."""

    def unit(self, unit_id: str) -> UnitRow | None:
        """The unit with this id, if any."""
        return next((u for u in self.units if u.unit == unit_id), None)

    def post(self, post_id: str) -> Post | None:
        """The post with this id, if any."""
        return next((p for p in self.posts if p.id == post_id), None)
