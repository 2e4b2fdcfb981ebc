"""Typed shape of schedule.json (paradeplan.schedule/1); its JSON Schema is generated from these definitions."""

from __future__ import annotations

from typing import Literal

from typing_extensions import TypedDict

from paradeplan.parade.traffic_json import ClosurePointRow, DiversionRow, MarshalsBlock, RestrictedBlock


class Assembly(TypedDict):
    place: str
    name: str
    lat: float | None
    lon: float | None
    time: str


class ParadeInfo(TypedDict):
    id: str
    name: str
    date: str
    assembly: Assembly
    departure: str
    finish_head: str
    finish_tail: str
    total_km: float
    column_length_m: float
    column_speed_kmh: float
    uturn_extra_s: int
    no_leaving_before_end: bool


class EventInfo(TypedDict):
    name: str
    theme: str | None
    timezone: str
    language: str


class ColumnRow(TypedDict):
    position: int
    unit: str
    name: str
    kind: str
    role: str
    group: str
    owner: str | None
    length_m: float


class TimetableRow(TypedDict):
    seq: int
    key: str
    name: str
    kind: Literal["start", "junction", "uturn", "end"]
    lat: float
    lon: float
    km: float
    head: str
    tail: str
    cross_class: str | None


class PassageRow(TypedDict):
    head: str
    tail: str
    km: float


HeldApproach = TypedDict("HeldApproach", {"street": str, "class": str, "bearing": int})


class PostRow(TypedDict):
    id: str
    name: str
    kind: Literal["start", "junction", "uturn", "end"]
    lat: float
    lon: float
    open: str
    close: str
    need: dict[str, int]
    priority: int
    cross_class: str | None
    units: list[str]
    uncovered: dict[str, int]
    passages: list[PassageRow]
    approaches: list[HeldApproach]
    turn: bool


class PostClosure(TypedDict):
    post: str
    street: str
    cross_street: str
    lat: float
    lon: float
    close: str
    reopen: str
    units: list[str]


StretchClosure = TypedDict(
    "StretchClosure",
    {"seq": int, "street": str, "from": str, "to": str, "length_m": float, "close": str, "reopen": str},
)


class Closures(TypedDict):
    posts: list[PostClosure]
    stretches: list[StretchClosure]
    points: list[ClosurePointRow]


class Base(TypedDict):
    place: str
    name: str
    lat: float | None
    lon: float | None


class Run(TypedDict):
    seq: int
    post: str
    name: str
    lat: float
    lon: float
    arrive: str
    hold_from: str
    release_at: str
    slack_s: int


class Station(TypedDict):
    name: str
    lat: float
    lon: float
    post: str


class UnitRow(TypedDict):
    unit: str
    name: str
    kind: str
    role: str
    group: str
    owner: str | None
    base: Base | None
    ride: Literal["head", "column", "posts"]
    runs: list[Run]
    duty: Literal["lead", "column", "posts", "reserve"]
    station: Station | None


class Via(TypedDict):
    gathering: str
    place: str
    arrive: str
    leave: str


StagingRow = TypedDict(
    "StagingRow",
    {
        "unit": str,
        "kind": str,
        "from": str | None,
        "leave_base": str | None,
        "arrive": str,
        "arrive_by": str,
        "travel_km": float | None,
        "via": Via | None,
        "late_s": int,
    },
)


StagingPath = TypedDict("StagingPath", {"from": str, "via": str | None, "coords": list[list[float]]})


class LineupRow(TypedDict):
    position: int
    unit: str
    kind: str
    owner: str
    role: str
    staging_from_m: float
    staging_to_m: float
    arrive_from: str
    arrive_to: str
    leave_base: str


class OnwardLeg(TypedDict):
    seq: int
    mode: Literal["drive", "parade"]
    segment: str
    street: str
    enter: str
    leave: str
    coords: list[list[float]]


class Onward(TypedDict):
    unit: str
    release: str
    parade_start: str | None
    arrive: str
    legs: list[OnwardLeg]


class Uncovered(TypedDict):
    post: str
    kind: str
    missing: int


class FixRow(TypedDict):
    kind: str
    text: str


class DelayToleranceMin(TypedDict):
    early: int
    late: int


class Escort(TypedDict):
    status: Literal["optimal", "feasible"]
    units_used: int
    lower_bound: dict[str, int]
    covered: float
    required: float
    travel_km: float
    uncovered: list[Uncovered]
    fixes: list[FixRow]
    units_needed: dict[str, int]
    min_slack_s: int | None
    delay_tolerance_min: DelayToleranceMin


class Schedule(TypedDict):
    """A parade's checked schedule (schedule.json)."""

    format: Literal["paradeplan.schedule/1"]
    attribution: str
    event: EventInfo
    parade: ParadeInfo
    column: list[ColumnRow]
    timetable: list[TimetableRow]
    posts: list[PostRow]
    closures: Closures
    units: list[UnitRow]
    staging: list[StagingRow]
    staging_paths: list[StagingPath]
    escort: Escort
    lineup: list[LineupRow]
    onward: list[Onward]
    diversions: list[DiversionRow]
    marshals: MarshalsBlock
    restricted: RestrictedBlock
