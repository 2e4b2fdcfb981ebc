"""The diversion plan in ``schedule.json``: ``closures.points``, ``diversions``, ``marshals``, ``restricted``.

The blocks' shape is defined once, here, as frozen pydantic dataclasses (:class:`TrafficBlocks` and its parts,
with their published names); one ``TypeAdapter`` writes them (:func:`add_traffic`), reads them back validated
(:func:`read_traffic`) and gives their JSON Schema (:func:`blocks_schema`). The diversion plan itself
(:class:`~paradeplan.parade.traffic.TrafficPlan`) keeps seconds and metres; :func:`blocks_of` and
:func:`plan_of` convert between the two.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Literal, cast

from pydantic import Field

from paradeplan import clock
from paradeplan.outputs import part
from paradeplan.parade.traffic import ClosedStretch, ClosurePoint, Diversion, Marshal, MarshalShortfall, TrafficPlan

if TYPE_CHECKING:
    from pydantic import TypeAdapter

LatLon = tuple[float, float]
#: Why a closed stretch has no way round.
Reason = Literal["closed-at-once", "one-way", "no-street"]


@dataclass(frozen=True)
class ClosurePointRow:
    """A place where traffic is stopped: a post or a barrier, when it closes and reopens, who holds it."""

    __pydantic_config__ = part("ClosurePointRow")
    id: str
    kind: Literal["post", "barrier"]
    lat: float
    lon: float
    street: str
    cross_street: str
    close: str
    reopen: str
    held_by: tuple[str, ...]
    km: tuple[float, ...]


@dataclass(frozen=True)
class LineString:
    """A GeoJSON line (``[lon, lat]`` pairs)."""

    __pydantic_config__ = part("LineString")
    type: Literal["LineString"]
    coordinates: tuple[tuple[float, ...], ...]


@dataclass(frozen=True)
class ClosedRow:
    """A closed stretch of the route: street, ends, window, kilometres and line."""

    __pydantic_config__ = part("ClosedRow")
    street: str
    frm: Annotated[str, Field(alias="from", title="From")]
    to: str
    close: str
    reopen: str
    km_from: float
    km_to: float
    geometry: LineString


@dataclass(frozen=True)
class DiversionRow:
    """A closed stretch and the way round it (or why there is none)."""

    __pydantic_config__ = part("DiversionRow")
    id: str
    closed: ClosedRow
    detour: tuple[str, ...]
    geometry: LineString | None
    extra_km: float | None
    extra_min: float | None
    reason: Reason | None
    dead_ends: tuple[str, ...]
    heavy_detour: tuple[str, ...]
    heavy_geometry: LineString | None
    against_column: bool = False
    """For traffic heading against the column (``closed`` from its later end to its earlier)."""


@dataclass(frozen=True)
class MarshalRow:
    """A marshal group and the barrier points it holds."""

    __pydantic_config__ = part("MarshalRow")
    id: str
    name: str
    group: str
    owner: str | None
    base: str | None
    points: tuple[str, ...]


@dataclass(frozen=True)
class MarshalShortfallRow:
    """Barrier points no marshal holds, and how many more marshals would hold them."""

    __pydantic_config__ = part("MarshalShortfallRow")
    unheld: tuple[str, ...]
    more_needed: int
    needed: int


@dataclass(frozen=True)
class MarshalsBlock:
    """The marshals: the walk they may make, each group's points, what stays unheld."""

    __pydantic_config__ = part("MarshalsBlock")
    walk_m: float
    people: tuple[MarshalRow, ...]
    shortfall: MarshalShortfallRow | None


@dataclass(frozen=True)
class RestrictedBlock:
    """Streets closed to heavy vehicles for the parade."""

    __pydantic_config__ = part("RestrictedBlock")
    streets: tuple[str, ...]


@dataclass(frozen=True)
class TrafficBlocks:
    """The diversion plan's parts of ``schedule.json``: ``closures.points``, ``diversions``, ``marshals``,
    ``restricted``."""

    __pydantic_config__ = part("TrafficBlocks")
    points: tuple[ClosurePointRow, ...]
    diversions: tuple[DiversionRow, ...]
    marshals: MarshalsBlock
    restricted: RestrictedBlock


@cache
def _adapter() -> TypeAdapter[TrafficBlocks]:
    from pydantic import TypeAdapter

    return TypeAdapter(TrafficBlocks)


def _line(coords: tuple[LatLon, ...]) -> LineString:
    return LineString("LineString", tuple((lon, lat) for lat, lon in coords))


def _coords(line: LineString) -> tuple[LatLon, ...]:
    return tuple((float(lat), float(lon)) for lon, lat in line.coordinates)


def _point_row(p: ClosurePoint) -> ClosurePointRow:
    return ClosurePointRow(
        p.id,
        p.kind,
        p.lat,
        p.lon,
        p.street,
        p.cross_street,
        clock.hms(p.close_s),
        clock.hms(p.reopen_s),
        p.held_by,
        tuple(round(m / 1000, 3) for m in p.at_m),
    )


def _diversion_row(d: Diversion) -> DiversionRow:
    c = d.closed
    closed = ClosedRow(
        c.street,
        c.frm,
        c.to,
        clock.hms(c.close_s),
        clock.hms(c.reopen_s),
        round(c.from_m / 1000, 3),
        round(c.to_m / 1000, 3),
        _line(c.coords),
    )
    return DiversionRow(
        d.id,
        closed,
        d.detour,
        _line(d.coords) if d.coords else None,
        round(d.extra_m / 1000, 3) if d.extra_m is not None else None,
        round(d.extra_s / 60, 1) if d.extra_s is not None else None,
        cast(Reason | None, d.reason),
        d.dead_ends,
        d.heavy,
        _line(d.heavy_coords) if d.heavy_coords else None,
        d.against,
    )


def blocks_of(t: TrafficPlan) -> TrafficBlocks:
    """The diversion plan as the file publishes it (times ``HH:MM:SS``, kilometres, GeoJSON lines)."""
    held: dict[str, list[str]] = {}
    for p in t.points:
        if p.kind == "barrier":
            for m in p.held_by:
                held.setdefault(m, []).append(p.id)
    short = t.shortfall
    return TrafficBlocks(
        points=tuple(_point_row(p) for p in t.points),
        diversions=tuple(_diversion_row(d) for d in t.diversions),
        marshals=MarshalsBlock(
            t.walk_m,
            tuple(MarshalRow(m.id, m.name, m.group, m.owner, m.base, tuple(held.get(m.id, []))) for m in t.marshals),
            None if short is None else MarshalShortfallRow(short.unheld, short.more_needed, short.needed),
        ),
        restricted=RestrictedBlock(t.restricted),
    )


def plan_of(b: TrafficBlocks) -> TrafficPlan:
    """The diversion plan from its published blocks (seconds and metres again)."""
    s = clock.parse_required
    points = tuple(
        ClosurePoint(
            p.id,
            p.kind,
            p.lat,
            p.lon,
            p.street,
            p.cross_street,
            s(p.close),
            s(p.reopen),
            p.held_by,
            tuple(int(round(k * 1000)) for k in p.km),
        )
        for p in b.points
    )
    diversions = tuple(
        Diversion(
            d.id,
            ClosedStretch(
                d.closed.street,
                d.closed.frm,
                d.closed.to,
                s(d.closed.close),
                s(d.closed.reopen),
                int(round(d.closed.km_from * 1000)),
                int(round(d.closed.km_to * 1000)),
                _coords(d.closed.geometry),
            ),
            d.detour,
            _coords(d.geometry) if d.geometry else (),
            int(round(d.extra_km * 1000)) if d.extra_km is not None else None,
            int(round(d.extra_min * 60)) if d.extra_min is not None else None,
            d.reason,
            d.dead_ends,
            d.heavy_detour,
            _coords(d.heavy_geometry) if d.heavy_geometry else (),
            d.against_column,
        )
        for d in b.diversions
    )
    sh = b.marshals.shortfall
    return TrafficPlan(
        points,
        tuple(Marshal(m.id, m.name, m.group, m.owner, m.base) for m in b.marshals.people),
        diversions,
        b.marshals.walk_m,
        None if sh is None else MarshalShortfall(sh.unheld, sh.more_needed, sh.needed),
        b.restricted.streets,
    )


def add_traffic(out: dict[str, Any], t: TrafficPlan) -> None:
    """Put the diversion plan into ``schedule.json`` data (``closures.points``, ``diversions``, ``marshals``,
    ``restricted``), written by the blocks' TypeAdapter."""
    data = _adapter().dump_python(blocks_of(t), mode="json", by_alias=True)
    out["closures"]["points"] = data["points"]
    out["diversions"] = data["diversions"]
    out["restricted"] = data["restricted"]
    out["marshals"] = data["marshals"]


#: What a file without a diversion plan reads as.
_NO_MARSHALS = {"walk_m": 0.0, "people": [], "shortfall": None}


def read_traffic(data: dict[str, Any]) -> TrafficPlan:
    """The diversion plan from ``schedule.json`` data, validated (an empty plan when the file has none).

    Raises
    ------
    pydantic.ValidationError
        When a block does not have its published shape.
    """
    blocks = _adapter().validate_python(
        {
            "points": data.get("closures", {}).get("points", []),
            "diversions": data.get("diversions", []),
            "marshals": data.get("marshals") or _NO_MARSHALS,
            "restricted": data.get("restricted") or {"streets": []},
        },
        by_alias=True,
    )
    return plan_of(blocks)


def blocks_schema() -> dict[str, Any]:
    """JSON Schema of the blocks (``properties`` by block, ``$defs`` by part); the classes' docstrings stay out
    (the schema describes the file, as :func:`paradeplan.parade.schedule_json.schema` does)."""
    out: dict[str, Any] = _adapter().json_schema(by_alias=True, mode="serialization")
    for definition in out["$defs"].values():
        definition.pop("description", None)
    return out
