"""The route stage's results: stretches, marked points, junctions and the resolved route (frozen values)."""

from __future__ import annotations

from dataclasses import dataclass, field

from paradeplan.geo.geocode import ResolvedPlace

#: Decimal places of coordinates in outputs.
COORD_DECIMALS = 6


@dataclass(frozen=True)
class Stretch:
    """One stretch of the route: a plan street between two junctions/places, or a connector between streets."""

    seq: int
    """1-based position in the route."""
    street: str
    """The street as the plan wrote it (NFC); for a connector, the OSM name of the street it drives."""
    osm_names: tuple[str, ...]
    """OSM names of the edges followed (e.g. "Đỗ Mười" for "Quốc lộ 1")."""
    from_label: str
    """Where the stretch starts (a place or the crossing street)."""
    to_label: str
    """Where it ends."""
    length_m: float
    """Length in metres."""
    coords: tuple[tuple[float, float], ...]
    """The path as (lat, lon) pairs."""
    nodes: tuple[str, ...]
    """Graph node ids of the path."""
    highway: str | None
    """Most important OSM road class of the stretch."""
    step: int | None = None
    """Index of the plan's route step it comes from (None for connectors)."""
    connector: bool = False
    """True when this is not a plan street but a short link the plan implies (streets that do not meet,
    approach to a street, leaving it for the end place)."""
    note: str | None = None
    """Why a connector is there, or other remarks."""


@dataclass(frozen=True)
class RoutePoint:
    """A marked point of the route (start, end, uturn, assembly)."""

    kind: str
    name: str
    lat: float
    lon: float
    dist_m: float


@dataclass(frozen=True)
class Approach:
    """A street leaving a junction that the route does not drive there: cross traffic to hold."""

    street: str
    """Its name ("" when the street data has none)."""
    highway: str
    """Its OSM road class."""
    bearing: int
    """The heading it leaves the junction on (degrees from north)."""


@dataclass(frozen=True)
class Junction:
    """A junction the route passes: where other streets meet it, or where it turns onto another street."""

    node: str
    lat: float
    lon: float
    dist_m: float
    streets: tuple[str, ...]
    """Names of the other streets there (the crossing streets; after a turn, the street turned onto), sorted."""
    road_class: str | None
    """The most important OSM road class among the approaches."""
    uturn: bool = False
    """The column turns back here."""
    on_street: str = ""
    """The route street arriving at this junction."""
    key: str = ""
    """The same physical junction passed again (out and back) has the same key."""
    turn: bool = False
    """The route turns here from one street onto another."""
    approaches: tuple[Approach, ...] = ()
    """The approaches a post here holds."""
    nodes: tuple[str, ...] = ()
    """The street-graph nodes that make it up (two carriageways, a roundabout)."""


@dataclass(frozen=True)
class Route:
    """A resolved route on the street graph."""

    stretches: tuple[Stretch, ...]
    points: tuple[RoutePoint, ...]
    junctions: tuple[Junction, ...]
    total_m: float
    parade_id: str | None = None
    places: tuple[ResolvedPlace, ...] = field(default=())

    @property
    def uturns(self) -> tuple[RoutePoint, ...]:
        """The U-turn points in route order."""
        return tuple(p for p in self.points if p.kind == "uturn")

    def coords(self) -> list[tuple[float, float]]:
        """The whole path as (lat, lon), without repeated points where stretches meet."""
        out: list[tuple[float, float]] = []
        for s in self.stretches:
            for c in s.coords:
                if not out or out[-1] != c:
                    out.append(c)
        return out
