"""The CP-SAT model of onward parading slots: a container of decision variables and one function per rule.

After the split each vehicle that parades its own route gets a start slot (``SLOT_S`` seconds each) for its
parading leg; on a segment two vehicles parade, their time on it is an interval of slots.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class OnwardTrip:
    """One vehicle's parading leg in slots: its earliest start and the shared segments it parades on."""

    vehicle: str
    earliest: int
    """First slot the vehicle can start parading (released from the finish, driven there, window opened)."""
    segments: tuple[tuple[str, int, int], ...]
    """(segment, first slot offset, end slot offset) of each shared segment, from the parading start."""


@dataclass(frozen=True)
class OnwardInstance:
    """Every parading trip, in vehicle-id order, and the day's horizon in slots."""

    trips: tuple[OnwardTrip, ...]
    horizon: int


@dataclass
class OnwardVars:
    """Decision variables of the onward model."""

    model: Any
    """The ``cp_model.CpModel``."""
    start: dict[str, Any] = field(default_factory=dict)
    """Vehicle → the slot its parading leg starts."""
    on_segment: dict[str, list[Any]] = field(default_factory=dict)
    """Segment → the interval each vehicle parades on it."""


def new_variables(inst: OnwardInstance) -> OnwardVars:
    """Create the model, each vehicle's start slot and its interval on every shared segment."""
    from ortools.sat.python import cp_model

    v = OnwardVars(model=cp_model.CpModel())
    for trip in inst.trips:
        start = v.model.new_int_var(trip.earliest, inst.horizon, f"start_{trip.vehicle}")
        v.start[trip.vehicle] = start
        for seg, a, b in trip.segments:
            iv = v.model.new_interval_var(start + a, b - a, start + b, f"iv_{trip.vehicle}_{seg}")
            v.on_segment.setdefault(seg, []).append(iv)
    return v


def one_vehicle_at_a_time_on_a_segment(v: OnwardVars, inst: OnwardInstance) -> None:
    """Rule: no two vehicles parade on one segment at the same time."""
    for ivs in v.on_segment.values():
        if len(ivs) > 1:
            v.model.add_no_overlap(ivs)


def parade_after_release(v: OnwardVars, inst: OnwardInstance) -> None:
    """Rule: no vehicle starts parading before it can be there (stated as a constraint as well as a bound)."""
    for trip in inst.trips:
        v.model.add(v.start[trip.vehicle] >= trip.earliest)


def least_waiting(v: OnwardVars, inst: OnwardInstance) -> None:
    """Objective: the least total wait, in slots, between being able to parade and parading."""
    terms = [v.start[t.vehicle] - t.earliest for t in inst.trips]
    if terms:
        v.model.minimize(sum(terms))


def build_model(inst: OnwardInstance) -> OnwardVars:
    """Build the whole onward model."""
    v = new_variables(inst)
    one_vehicle_at_a_time_on_a_segment(v, inst)
    parade_after_release(v, inst)
    least_waiting(v, inst)
    return v
