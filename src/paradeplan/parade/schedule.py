"""The parade stage's result, ``ParadeSchedule``: frozen, typed, times in seconds since midnight, lengths in metres.

This is the one definition of ``schedule.json`` (``paradeplan.schedule/1``): each field carries its published
name and form (times as ``HH:MM:SS``, kilometres, counts as objects) as pydantic metadata, so the file, its
JSON Schema and the reading back all come from one ``TypeAdapter`` (:mod:`paradeplan.parade.schedule_json`).
Stages build these dataclasses directly (no validation inside the pipeline). Values are kept exactly as
published (coordinates to 6 decimals, distances to the metre where the file gives kilometres), so a schedule read
back from its file equals the one written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema

from paradeplan import clock
from paradeplan.outputs import part
from paradeplan.parade.traffic import TrafficPlan

PointKind = Literal["start", "junction", "uturn", "end"]
Ride = Literal["head", "column", "posts"]
Duty = Literal["lead", "column", "posts", "reserve"]
LatLon = tuple[float, float]

SCHEDULE_FORMAT: Literal["paradeplan.schedule/1"] = "paradeplan.schedule/1"


def _seconds_in(value: Any) -> Any:
    return clock.parse_required(value) if isinstance(value, str) else value


def _optional_seconds_in(value: Any) -> Any:
    return None if value in ("", None) else _seconds_in(value)


def _metres_in(value: Any) -> Any:
    return int(round(value * 1000)) if isinstance(value, float) else value


def _counts_in(value: Any) -> Any:
    return tuple((str(k), v) for k, v in value.items()) if isinstance(value, dict) else value


def _hm_or_blank(s: int | None) -> str:
    return "" if s is None else clock.hm(s)


#: Seconds since midnight, published as ``HH:MM:SS``.
Seconds = Annotated[int, BeforeValidator(_seconds_in), PlainSerializer(clock.hms, return_type=str)]
#: Optional seconds since midnight, published as ``HH:MM:SS`` or null.
OptSeconds = Annotated[
    int | None,
    BeforeValidator(_optional_seconds_in),
    PlainSerializer(lambda s: None if s is None else clock.hms(s), return_type=str | None),
]
#: Seconds since midnight to the minute, published as ``HH:MM``.
Minute = Annotated[int, BeforeValidator(_seconds_in), PlainSerializer(clock.hm, return_type=str)]
#: Optional seconds to the minute, published as ``HH:MM`` or an empty string.
OptMinute = Annotated[int | None, BeforeValidator(_optional_seconds_in), PlainSerializer(_hm_or_blank, return_type=str)]
#: Whole metres, published in kilometres.
Km = Annotated[int, BeforeValidator(_metres_in), PlainSerializer(lambda m: m / 1000, return_type=float)]
#: Optional whole metres, published in kilometres or null.
OptKm = Annotated[
    int | None,
    BeforeValidator(_metres_in),
    PlainSerializer(lambda m: None if m is None else m / 1000, return_type=float | None),
]
#: Kind → number, as sorted pairs (``(("police_car", 1), ("police_motorbike", 2))``), published as an object.
Counts = Annotated[
    tuple[tuple[str, int], ...], BeforeValidator(_counts_in), PlainSerializer(dict, return_type=dict[str, int])
]
#: ``(lat, lon)`` pairs, published as ``[[lat, lon], ...]``.
Coords = Annotated[
    tuple[LatLon, ...], PlainSerializer(lambda c: [[la, lo] for la, lo in c], return_type=list[list[float]])
]
#: A whole number the file's schema calls a number.
Number = Annotated[int, WithJsonSchema({"type": "number"})]
#: A date, published as ``YYYY-MM-DD`` (the schema says only "string").
Day = Annotated[date, WithJsonSchema({"type": "string"})]


def published_m(metres: float, km_decimals: int = 3) -> int:
    """Metres as a file publishes them in kilometres with ``km_decimals`` decimals (so reading back is exact)."""
    return int(round(round(metres / 1000, km_decimals) * 1000))


def count_of(counts: Counts, kind: str) -> int:
    """The number for ``kind`` in a :data:`Counts` (0 when absent)."""
    return next((n for k, n in counts if k == kind), 0)


@dataclass(frozen=True)
class EventInfo:
    """The event the parade belongs to."""

    __pydantic_config__ = part("EventInfo")
    name: str
    theme: str | None
    timezone: str
    language: str


@dataclass(frozen=True)
class Assembly:
    """Where and when the column assembles."""

    __pydantic_config__ = part("Assembly")
    place: str
    name: str
    lat: float | None
    lon: float | None
    time_s: Annotated[Seconds, Field(alias="time")]


@dataclass(frozen=True)
class ParadeInfo:
    """The parade's headline facts."""

    __pydantic_config__ = part("ParadeInfo")
    id: str
    name: str
    date: Day
    assembly: Assembly
    departure_s: Annotated[Seconds, Field(alias="departure")]
    finish_head_s: Annotated[Seconds, Field(alias="finish_head")]
    finish_tail_s: Annotated[Seconds, Field(alias="finish_tail")]
    total_m: Annotated[Km, Field(alias="total_km")]
    """Route length (metres)."""
    column_length_m: float
    column_speed_kmh: float
    uturn_extra_s: int
    no_leaving_before_end: bool


@dataclass(frozen=True)
class ColumnVehicleRow:
    """A vehicle's place in the column, head first."""

    __pydantic_config__ = part("ColumnRow")
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

    __pydantic_config__ = part("TimetableRow")
    seq: int
    key: str
    name: str
    kind: PointKind
    lat: float
    lon: float
    at_m: Annotated[Km, Field(alias="km")]
    """Route metres from the start."""
    head_s: Annotated[Seconds, Field(alias="head")]
    tail_s: Annotated[Seconds, Field(alias="tail")]
    cross_class: str | None


@dataclass(frozen=True)
class Passage:
    """One pass of the column by a post: head arrives, tail clears."""

    __pydantic_config__ = part("PassageRow")
    head_s: Annotated[Seconds, Field(alias="head")]
    tail_s: Annotated[Seconds, Field(alias="tail")]
    at_m: Annotated[Km, Field(alias="km")]


@dataclass(frozen=True)
class HeldApproach:
    """A street a post holds: cross traffic coming from there waits while the column passes."""

    __pydantic_config__ = part("HeldApproach")
    street: str
    highway: Annotated[str, Field(alias="class")]
    """OSM road class."""
    bearing: int
    """The heading the street leaves the junction on (degrees from north)."""


@dataclass(frozen=True)
class Post:
    """A traffic post: where, its closing window, what it needs and who holds it."""

    __pydantic_config__ = part("PostRow")
    id: str
    name: str
    kind: PointKind
    lat: float
    lon: float
    open_s: Annotated[Seconds, Field(alias="open")]
    close_s: Annotated[Seconds, Field(alias="close")]
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

    __pydantic_config__ = part("PostClosure")
    post: str
    street: str
    cross_street: str
    lat: float
    lon: float
    close_s: Annotated[Seconds, Field(alias="close")]
    reopen_s: Annotated[Seconds, Field(alias="reopen")]
    units: tuple[str, ...]


@dataclass(frozen=True)
class StretchClosure:
    """A stretch of the route closed from just before the head to just after the tail."""

    __pydantic_config__ = part("StretchClosure")
    seq: int
    street: str
    frm: Annotated[str, Field(alias="from")]
    to: str
    length_m: float
    close_s: Annotated[Seconds, Field(alias="close")]
    reopen_s: Annotated[Seconds, Field(alias="reopen")]


@dataclass(frozen=True)
class Closures:
    """Closures by post and by stretch."""

    __pydantic_config__ = part("Closures")
    posts: tuple[PostClosure, ...]
    stretches: tuple[StretchClosure, ...]


@dataclass(frozen=True)
class Base:
    """A unit's base place."""

    __pydantic_config__ = part("Base")
    place: str
    name: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Run:
    """One post in a unit's chain."""

    __pydantic_config__ = part("Run")
    seq: int
    post: str
    name: str
    lat: float
    lon: float
    arrive_s: Annotated[Seconds, Field(alias="arrive")]
    hold_from_s: Annotated[Seconds, Field(alias="hold_from")]
    release_s: Annotated[Seconds, Field(alias="release_at")]
    slack_s: int
    """Seconds between arriving and having to hold the post (``hold_from − arrive``, whole seconds)."""


@dataclass(frozen=True)
class Station:
    """Where a reserve waits: near the post where it helps most."""

    __pydantic_config__ = part("Station")
    name: str
    lat: float
    lon: float
    post: str
    """The post it stands by."""


@dataclass(frozen=True)
class UnitRow:
    """A vehicle of the parade: who it is, where it rides, the posts it holds."""

    __pydantic_config__ = part("UnitRow")
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

    __pydantic_config__ = part("Via")
    gathering: str
    place: str
    arrive_s: Annotated[Seconds, Field(alias="arrive")]
    leave_s: Annotated[Seconds, Field(alias="leave")]


@dataclass(frozen=True)
class StagingTrip:
    """A column vehicle's drive to the assembly."""

    __pydantic_config__ = part("StagingRow")
    unit: str
    kind: str
    frm: Annotated[str | None, Field(alias="from")]
    leave_base_s: Annotated[OptSeconds, Field(alias="leave_base")]
    arrive_s: Annotated[Seconds, Field(alias="arrive")]
    arrive_by_s: Annotated[Seconds, Field(alias="arrive_by")]
    travel_m: Annotated[OptKm, Field(alias="travel_km")]
    """Metres driven (to 10 m, as published)."""
    via: Via | None
    late_s: int


@dataclass(frozen=True)
class StagingPath:
    """The street path of the staging trips from one base (via one gathering)."""

    __pydantic_config__ = part("StagingPath")
    frm: Annotated[str, Field(alias="from")]
    via: str | None
    coords: Coords


@dataclass(frozen=True)
class LineupSlot:
    """A vehicle's staging position and arrival slot (minute precision, as published)."""

    __pydantic_config__ = part("LineupRow")
    position: int
    unit: str
    kind: str
    owner: str
    role: str
    staging_from_m: float
    staging_to_m: float
    arrive_from_s: Annotated[Minute, Field(alias="arrive_from")]
    arrive_to_s: Annotated[Minute, Field(alias="arrive_to")]
    leave_base_s: Annotated[OptMinute, Field(alias="leave_base")]


@dataclass(frozen=True)
class OnwardLeg:
    """One leg of a vehicle's trip after the split."""

    __pydantic_config__ = part("OnwardLeg")
    seq: int
    mode: Literal["drive", "parade"]
    segment: str
    street: str
    enter_s: Annotated[Seconds, Field(alias="enter")]
    leave_s: Annotated[Seconds, Field(alias="leave")]
    coords: Coords


@dataclass(frozen=True)
class Onward:
    """A vehicle's trip after the split: when it leaves the finish, parades its own route, arrives."""

    __pydantic_config__ = part("Onward")
    unit: str
    release_s: Annotated[Seconds, Field(alias="release")]
    parade_start_s: Annotated[OptSeconds, Field(alias="parade_start")]
    arrive_s: Annotated[Seconds, Field(alias="arrive")]
    legs: tuple[OnwardLeg, ...]


@dataclass(frozen=True)
class Uncovered:
    """Units a post still lacks."""

    __pydantic_config__ = part("Uncovered")
    post: str
    kind: str
    missing: int


@dataclass(frozen=True)
class Fix:
    """One way to make the given units suffice."""

    __pydantic_config__ = part("FixRow")
    kind: str
    text: str


@dataclass(frozen=True)
class DelayTolerance:
    """By how many minutes the column may run early or late with every post still held by its unit."""

    __pydantic_config__ = part("DelayToleranceMin")
    early_min: Annotated[int, Field(alias="early")]
    late_min: Annotated[int, Field(alias="late")]


@dataclass(frozen=True)
class Escort:
    """How the posts are held: solver status, units used, the proven bound and what is short."""

    __pydantic_config__ = part("Escort")
    status: Literal["optimal", "feasible"]
    units_used: int
    lower_bound: Counts
    covered: Number
    """Priority-weighted need held."""
    required: Number
    travel_m: Annotated[Km, Field(alias="travel_km")]
    uncovered: tuple[Uncovered, ...]
    fixes: tuple[Fix, ...]
    units_needed: Counts = ()
    """The proven fewest units of each kind that hold every post (the units objective; see ``lower_bound``)."""
    min_slack_s: int | None = None
    """The smallest slack over every post a unit holds (the objective the units given are assigned by)."""
    delay_tolerance: Annotated[DelayTolerance, Field(alias="delay_tolerance_min")] = DelayTolerance(0, 0)


@dataclass(frozen=True, kw_only=True)
class ParadeSchedule:
    """A parade's checked schedule (schedule.json)."""

    __pydantic_config__ = ConfigDict(frozen=True, json_schema_serialization_defaults_required=True)
    format: Literal["paradeplan.schedule/1"] = SCHEDULE_FORMAT
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
    traffic: Annotated[TrafficPlan, Field(exclude=True)] = TrafficPlan()
    """The diversion plan: every closure point with its holder, the marshals, the detours (``parade.traffic``;
    ``schedule.json`` publishes it as ``closures.points``, ``diversions`` and ``marshals``:
    :mod:`paradeplan.parade.traffic_json`)."""

    def unit(self, unit_id: str) -> UnitRow | None:
        """The unit with this id, if any."""
        return next((u for u in self.units if u.unit == unit_id), None)

    def post(self, post_id: str) -> Post | None:
        """The post with this id, if any."""
        return next((p for p in self.posts if p.id == post_id), None)
