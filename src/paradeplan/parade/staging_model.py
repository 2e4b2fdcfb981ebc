"""The CP-SAT model of assembly marshalling: a container of decision variables and one function per rule.

Each column vehicle gets an arrival slot at the staging stretch. Slot ``s`` is the interval
``[first + s·slot, first + (s+1)·slot)`` before the assembly time; a vehicle's domain starts at the first slot it
can reach from its base after its ready time (or from its gathering).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class StagingInstance:
    """The marshalling problem in plain values: vehicles in line-up order (head first) and the slot grid."""

    vehicles: tuple[str, ...]
    """Vehicle ids, head of the column first (the order they stand in the lane)."""
    earliest_slot: tuple[int, ...]
    """First slot each vehicle can reach (same order)."""
    n_slots: int
    per_slot: int
    """How many vehicles the entrance takes per slot."""


@dataclass
class StagingVars:
    """Decision variables of the marshalling model."""

    model: Any
    """The ``cp_model.CpModel``."""
    slot: list[Any] = field(default_factory=list)
    """Vehicle (in line-up order) → its arrival slot."""
    in_slot: dict[tuple[int, int], Any] = field(default_factory=dict)
    """(vehicle index, slot) → the vehicle arrives in that slot."""


def new_variables(inst: StagingInstance) -> StagingVars:
    """Create the model and one slot variable per vehicle, within the slots it can reach."""
    from ortools.sat.python import cp_model

    v = StagingVars(model=cp_model.CpModel())
    for vid, lo in zip(inst.vehicles, inst.earliest_slot, strict=True):
        v.slot.append(v.model.new_int_var(lo, inst.n_slots - 1, f"slot_{vid}"))
    return v


def nobody_passes_in_the_lane(v: StagingVars, inst: StagingInstance) -> None:
    """Rule: a vehicle standing further forward arrives no later than the one behind it."""
    for a, b in zip(v.slot, v.slot[1:], strict=False):
        v.model.add(a <= b)


def entrance_takes_per_slot(v: StagingVars, inst: StagingInstance) -> None:
    """Rule: no slot takes more vehicles than the entrance allows."""
    for s in range(inst.n_slots):
        bs = []
        for i, var in enumerate(v.slot):
            b = v.model.new_bool_var(f"in_{i}_{s}")
            v.model.add(var == s).only_enforce_if(b)
            v.model.add(var != s).only_enforce_if(b.Not())
            v.in_slot[(i, s)] = b
            bs.append(b)
        v.model.add(sum(bs) <= inst.per_slot)


def least_waiting(v: StagingVars, inst: StagingInstance) -> None:
    """Objective: arrive as late as possible (everyone is in place by the assembly time), so nobody waits long."""
    v.model.maximize(sum(v.slot))


def build_model(inst: StagingInstance) -> StagingVars:
    """Build the whole marshalling model."""
    v = new_variables(inst)
    nobody_passes_in_the_lane(v, inst)
    entrance_takes_per_slot(v, inst)
    least_waiting(v, inst)
    return v
