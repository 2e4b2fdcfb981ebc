"""The CP-SAT model of the week's calendar: a container of decision variables and one function per rule.

Each round (a ward's loudspeaker round…) gets a start minute on its allowed days and windows, or stays unplaced;
rounds that share a team or vehicle never overlap, with the travel between their places in between.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RoundIn:
    """A round in minutes from the week's first day."""

    id: str
    duration: int
    starts: tuple[int, ...]
    """Allowed start minutes (days and windows on the grid)."""
    uses: tuple[str, ...]
    """Teams or vehicles it needs, sorted."""


@dataclass(frozen=True)
class WeekInstance:
    """The rounds that can be placed at all, the minutes each shared unit needs between two of them, the horizon."""

    rounds: tuple[RoundIn, ...]
    move: dict[tuple[str, str, str], int]
    """(unit, from round, to round) → whole minutes of travel."""
    horizon: int
    """Minutes in the week."""


@dataclass
class WeekVars:
    """Decision variables of the week model."""

    model: Any
    """The ``cp_model.CpModel``."""
    start: dict[str, Any] = field(default_factory=dict)
    """Round → its start minute."""
    placed: dict[str, Any] = field(default_factory=dict)
    """Round → it is placed this week."""


def new_variables(inst: WeekInstance) -> WeekVars:
    """Create the model, each round's start (from its allowed minutes) and whether it is placed."""
    from ortools.sat.python import cp_model

    v = WeekVars(model=cp_model.CpModel())
    for r in inst.rounds:
        v.start[r.id] = v.model.new_int_var_from_domain(cp_model.Domain.from_values(list(r.starts)), f"start[{r.id}]")
        v.placed[r.id] = v.model.new_bool_var(f"placed[{r.id}]")
    return v


def shared_units_never_clash(v: WeekVars, inst: WeekInstance) -> None:
    """Rule: two placed rounds that share a unit do not overlap, with the unit's travel between them."""
    by_unit: dict[str, list[RoundIn]] = {}
    for r in inst.rounds:
        for u in r.uses:
            by_unit.setdefault(u, []).append(r)
    m = v.model
    for u, rs in sorted(by_unit.items()):
        for i, r1 in enumerate(rs):
            for r2 in rs[i + 1 :]:
                before = m.new_bool_var(f"before[{u},{r1.id},{r2.id}]")
                both = [v.placed[r1.id], v.placed[r2.id]]
                m.add(v.start[r1.id] + r1.duration + inst.move[(u, r1.id, r2.id)] <= v.start[r2.id]).only_enforce_if(
                    [*both, before]
                )
                m.add(v.start[r2.id] + r2.duration + inst.move[(u, r2.id, r1.id)] <= v.start[r1.id]).only_enforce_if(
                    [*both, before.Not()]
                )


def most_rounds_earliest_first(v: WeekVars, inst: WeekInstance) -> None:
    """Objective: place as many rounds as possible; among equals, the earliest starts (a canonical calendar)."""
    big = inst.horizon * max(1, len(v.start)) + 1
    v.model.maximize(big * sum(v.placed.values()) - sum(v.start.values()))


def build_model(inst: WeekInstance) -> WeekVars:
    """Build the whole week model."""
    v = new_variables(inst)
    shared_units_never_clash(v, inst)
    most_rounds_earliest_first(v, inst)
    return v
