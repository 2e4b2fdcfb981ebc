"""The traffic diversion plan (phân luồng) of a parade: every closure point with its holder, and the detours.

These values extend the schedule contract (:class:`paradeplan.parade.schedule.ParadeSchedule` carries one in
``traffic``); ``schedule.json`` publishes them as ``closures.points`` and ``diversions``
(:mod:`paradeplan.parade.traffic_json`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

LatLon = tuple[float, float]
PointKind = Literal["post", "barrier"]


@dataclass(frozen=True)
class ClosurePoint:
    """A point where a street or access meets the route: closed to cross traffic while the column passes."""

    id: str
    kind: PointKind
    """post (traffic police, at a crossing of the policy's classes) or barrier (rào chắn, held by marshals)."""
    lat: float
    lon: float
    street: str
    """The route street there."""
    cross_street: str
    """The streets or accesses it closes ("" when the street data names none)."""
    close_s: int
    reopen_s: int
    held_by: tuple[str, ...]
    """Ids of the police units (post) or marshals (barrier) holding it; empty when short."""
    at_m: tuple[int, ...]
    """Route metres of each pass of the column that it holds."""


@dataclass(frozen=True)
class Marshal:
    """One marshal (dân quân, dân phòng, đoàn viên thanh niên…) from a ``marshal`` group of the plan."""

    id: str
    name: str
    group: str
    owner: str | None
    base: str | None
    """Id of the base place."""


@dataclass(frozen=True)
class MarshalShortfall:
    """Barrier points left unheld and how many more marshals would hold them all."""

    unheld: tuple[str, ...]
    more_needed: int
    needed: int
    """The fewest marshals that hold every barrier point (proven by the model)."""


@dataclass(frozen=True)
class ClosedStretch:
    """A stretch of one route street between two closure points, closed to all vehicles in its window."""

    street: str
    frm: str
    to: str
    close_s: int
    reopen_s: int
    from_m: int
    to_m: int
    """Route metres where it starts and ends."""
    coords: tuple[LatLon, ...]


@dataclass(frozen=True)
class Diversion:
    """Where through traffic goes while a stretch is closed (a detour on the street graph), or why it cannot."""

    id: str
    closed: ClosedStretch
    detour: tuple[str, ...]
    """Street names in driving order (empty when no detour exists)."""
    coords: tuple[LatLon, ...]
    extra_m: int | None
    """How much longer than the closed stretch (metres; None when no detour)."""
    extra_s: int | None
    reason: str | None = None
    """Why no detour exists (None when there is one): ``closed-at-once`` (every way round crosses the route where
    the column holds it at the same time), ``one-way`` (the only ways round run against one-way streets) or
    ``no-street`` (no other street joins its ends)."""
    dead_ends: tuple[str, ...] = ()
    """Side streets off the stretch with no other way out (residents wait until it reopens)."""
    heavy: tuple[str, ...] = ()
    """The way round for trucks and coaches, on the classes they may use (street names in driving order; empty
    when none exists on those classes)."""
    heavy_coords: tuple[LatLon, ...] = ()


@dataclass(frozen=True)
class TrafficPlan:
    """Every closure point, the marshals and what they hold, and the diversions."""

    points: tuple[ClosurePoint, ...] = ()
    marshals: tuple[Marshal, ...] = ()
    diversions: tuple[Diversion, ...] = ()
    walk_m: float = 0.0
    """Largest walk between two barrier points held by one marshal (the plan's ``traffic.marshal_walk_m``)."""
    shortfall: MarshalShortfall | None = None
    restricted: tuple[str, ...] = ()
    """Streets of the ring around the route closed to heavy vehicles for the whole window (the plan's
    ``traffic.restricted_ring_m``), by name."""
