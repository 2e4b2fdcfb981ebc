"""``ceremonies.json`` and ``week.json``: each file's one definition, and the one TypeAdapter that writes and reads it.

The files are views of the solved schedules (:mod:`paradeplan.ceremonies.schedule`) with every time as a local
ISO date-time; the renderers build these values (``render.ceremonies``, ``render.week``), :func:`ceremonies_json`
and :func:`week_json` write them, :func:`read_ceremonies` and :func:`read_week` read them back (validated), and
:func:`ceremonies_schema` and :func:`week_schema` describe them. Field names are the published ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field, PlainSerializer

from paradeplan import clock
from paradeplan.outputs import part

if TYPE_CHECKING:
    from pydantic import TypeAdapter

CEREMONIES_FORMAT: Literal["paradeplan.ceremonies/1"] = "paradeplan.ceremonies/1"
WEEK_FORMAT: Literal["paradeplan.week/1"] = "paradeplan.week/1"


#: A local date-time, published as ``YYYY-MM-DDTHH:MM:SS``.
LocalTime = Annotated[datetime, PlainSerializer(clock.iso_local, return_type=str)]


@dataclass(frozen=True)
class CeremonyRow:
    """A ceremony with its venue and its scheduled start and end."""

    __pydantic_config__ = part("Ceremony")
    id: str
    name: str
    venue: str
    lat: float
    lon: float
    start: LocalTime
    end: LocalTime


@dataclass(frozen=True)
class PersonRow:
    """A person or a team, with the base it starts from (None when unknown)."""

    __pydantic_config__ = part("Person")
    id: str
    name: str
    role: str | None
    speed_kmh: float
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class AttendanceRow:
    """One person or team at one ceremony: arrival, leaving, and the travel allowed from the previous place."""

    __pydantic_config__ = part("Attendance")
    person: str
    ceremony: str
    arrive: LocalTime
    leave: LocalTime
    travel_min: int | None


@dataclass(frozen=True)
class UnmetRow:
    """A wished-for or required attendance the schedule does not hold, and why."""

    __pydantic_config__ = part("Unmet")
    person: str
    ceremony: str
    required: bool
    reason: str


@dataclass(frozen=True)
class CeremoniesFile:
    """``ceremonies.json`` (``paradeplan.ceremonies/1``): ceremonies by start, people by id, attendances by person
    and arrival, what stays unmet."""

    __pydantic_config__ = part("CeremoniesFile")
    ceremonies: tuple[CeremonyRow, ...]
    people: tuple[PersonRow, ...]
    attendance: tuple[AttendanceRow, ...]
    unmet: tuple[UnmetRow, ...]
    format: Literal["paradeplan.ceremonies/1"] = CEREMONIES_FORMAT


@dataclass(frozen=True)
class RoundRow:
    """A round placed in the week: its day, start and end, place and what it uses."""

    __pydantic_config__ = part("Round")
    id: str
    name: str
    day: Annotated[date, Field(alias="date")]
    start: LocalTime
    end: LocalTime
    place: str | None
    uses: tuple[str, ...]


@dataclass(frozen=True)
class UnplacedRow:
    """A round the week has no room for, why, and what would fix it."""

    __pydantic_config__ = part("Unplaced")
    id: str
    reason: str
    fixes: tuple[str, ...]


@dataclass(frozen=True)
class WeekFile:
    """``week.json`` (``paradeplan.week/1``): the solver's status, the rounds placed by start, those not placed."""

    __pydantic_config__ = part("WeekFile")
    status: str
    rounds: tuple[RoundRow, ...]
    unplaced: tuple[UnplacedRow, ...]
    format: Literal["paradeplan.week/1"] = WEEK_FORMAT


#: The order the files publish their keys in (the format first).
_CEREMONIES_KEYS = ("format", "ceremonies", "people", "attendance", "unmet")
_WEEK_KEYS = ("format", "status", "rounds", "unplaced")


@cache
def _ceremonies_adapter() -> TypeAdapter[CeremoniesFile]:
    from pydantic import TypeAdapter

    return TypeAdapter(CeremoniesFile)


@cache
def _week_adapter() -> TypeAdapter[WeekFile]:
    from pydantic import TypeAdapter

    return TypeAdapter(WeekFile)


def ceremonies_json(file: CeremoniesFile) -> dict[str, Any]:
    """``ceremonies.json`` data, keys in the published order."""
    data = _ceremonies_adapter().dump_python(file, mode="json", by_alias=True)
    return {k: data[k] for k in _CEREMONIES_KEYS}


def week_json(file: WeekFile) -> dict[str, Any]:
    """``week.json`` data, keys in the published order."""
    data = _week_adapter().dump_python(file, mode="json", by_alias=True)
    return {k: data[k] for k in _WEEK_KEYS}


def read_ceremonies(data: Any) -> CeremoniesFile:
    """``ceremonies.json`` data read back (``ValueError`` when it is not a ``paradeplan.ceremonies/1`` document)."""
    from pydantic import ValidationError

    try:
        return _ceremonies_adapter().validate_python(data, by_alias=True)
    except ValidationError as exc:
        raise ValueError(str(exc)) from None


def read_week(data: Any) -> WeekFile:
    """``week.json`` data read back (``ValueError`` when it is not a ``paradeplan.week/1`` document)."""
    from pydantic import ValidationError

    try:
        return _week_adapter().validate_python(data, by_alias=True)
    except ValidationError as exc:
        raise ValueError(str(exc)) from None


def ceremonies_schema() -> dict[str, Any]:
    """JSON Schema of ``ceremonies.json``."""
    out: dict[str, Any] = _ceremonies_adapter().json_schema(by_alias=True, mode="serialization")
    return out


def week_schema() -> dict[str, Any]:
    """JSON Schema of ``week.json``."""
    out: dict[str, Any] = _week_adapter().json_schema(by_alias=True, mode="serialization")
    return out
