"""Line-up of the column by the plan's rules; assembly marshalling (staging positions, arrival slots) with CP-SAT."""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

from paradeplan import clock
from paradeplan.errors import InfeasibleError, InputError, Problem, Shortfall
from paradeplan.i18n import _, number
from paradeplan.parade.schedule import LineupSlot
from paradeplan.parade.timing import ColumnVehicle
from paradeplan.plan.model import Parade, Staging

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Slot:
    """A vehicle's place in the staging area and its arrival slot."""

    position: int
    vehicle: ColumnVehicle
    stretch: str
    from_m: float
    to_m: float
    arrive_from_s: int
    arrive_to_s: int
    leave_base_s: int | None


def _contradictions(parade: Parade, groups: set[str], lead_groups: list[str]) -> list[Problem]:
    """Line-up rules that contradict each other (each rule named): a group listed twice, ``lineup.order`` not
    starting with the lead, ``tail_group`` not last in it, or naming the lead."""
    rules = parade.lineup
    problems: list[Problem] = []
    seen: set[str] = set()
    for gid in rules.order:
        if gid in seen:
            problems.append(
                Problem(
                    _("'{id}' is listed twice").format(id=gid),
                    field=f"parades.{parade.id}.lineup.order",
                    hint=_("list each group once"),
                )
            )
        seen.add(gid)
    if rules.order and lead_groups:
        first_listed = [g for g in rules.order if g in groups]
        if first_listed and first_listed[0] not in lead_groups:
            problems.append(
                Problem(
                    _(
                        "rule 'lineup.order' puts '{first}' first but rule 'lead vehicles first' needs '{lead}' at "
                        "the head"
                    ).format(first=first_listed[0], lead=lead_groups[0]),
                    field=f"parades.{parade.id}.lineup.order",
                    hint=_("move the lead group to the front of lineup.order"),
                )
            )
    if rules.tail_group and rules.tail_group in rules.order:
        listed = [g for g in rules.order if g in groups]
        if listed and listed[-1] != rules.tail_group:
            problems.append(
                Problem(
                    _("rule 'tail_group: {tail}' contradicts rule 'lineup.order', which puts '{last}' last").format(
                        tail=rules.tail_group, last=listed[-1]
                    ),
                    field=f"parades.{parade.id}.lineup.tail_group",
                    hint=_("put the tail group last in lineup.order, or drop one rule"),
                )
            )
    if rules.tail_group and rules.tail_group in lead_groups:
        problems.append(
            Problem(
                _("rule 'tail_group' names the lead group '{id}'").format(id=rules.tail_group),
                field=f"parades.{parade.id}.lineup.tail_group",
                hint=_("the lead rides at the head; name another group"),
            )
        )
    return problems


def order_column(
    parade: Parade, members: list[ColumnVehicle], split_bearing: dict[str, float] | None = None
) -> list[ColumnVehicle]:
    """Order the column's vehicles from head to tail by the plan's rules.

    Rules, in order: lead vehicles first; then groups in ``lineup.order`` (others in plan order); the
    district-level float heads the floats (the first float group); ward floats in the order the plan sets
    (``plan``: as listed, ``owner``: by owner name, ``split``: by the direction each turns at the split, so
    that nobody crosses the column); one vehicle of ``lineup.tail_group`` closes the column.

    Parameters
    ----------
    split_bearing : dict, optional
        For ``floats_by: split``: vehicle id → signed turn angle at the split (degrees, positive = right).

    Raises
    ------
    InputError
        When rules contradict each other (each rule named).
    """
    rules = parade.lineup
    groups = {v.group for v in members}
    lead_groups = [g.id for g in parade.groups if g.role == "lead" and g.id in groups]
    problems = _contradictions(parade, groups, lead_groups)
    if problems:
        raise InputError(problems=problems)

    rank: dict[str, int] = {}
    for i, gid in enumerate(rules.order):
        rank.setdefault(gid, i)
    plan_index = {g.id: i for i, g in enumerate(parade.groups)}
    float_groups = [g.id for g in parade.groups if g.kind == "flower_float"]

    def group_key(gid: str) -> tuple[int, int, int]:
        lead = 0 if gid in lead_groups else 1
        tail = 1 if gid == rules.tail_group else 0
        return (lead, tail, rank.get(gid, len(rules.order) + plan_index.get(gid, 0)))

    by_group: dict[str, list[ColumnVehicle]] = {}
    for v in members:
        by_group.setdefault(v.group, []).append(v)
    ordered: list[ColumnVehicle] = []
    for gid in sorted(by_group, key=group_key):
        vs = by_group[gid]
        if gid in float_groups and len(vs) > 1:
            if rules.floats_by == "owner":
                vs = sorted(vs, key=lambda v: ((v.owner or v.name).casefold(), v.id))
            elif rules.floats_by == "split" and split_bearing:
                # Right-turners at the front peel off first without crossing the column; then straight on,
                # then left-turners, the sharpest left last.
                vs = sorted(vs, key=lambda v: (-split_bearing.get(v.id, 0.0), v.id))
        ordered.extend(vs)
    return ordered


def _positions(parade: Parade, st: Staging, ordered: list[ColumnVehicle]) -> list[tuple[str, float, float]]:
    """Where each vehicle stands, in line-up order from the head of the staging stretches: (street, from, to
    metres); ``InfeasibleError`` (by how many metres) when the stretches are too short."""
    stretches = [(st.street, st.length_m)] + [(x.street, x.length_m) for x in st.extra]
    positions: list[tuple[str, float, float]] = []
    idx, used = 0, 0.0
    for v in ordered:
        need = v.length_m
        while idx < len(stretches) and used + need > stretches[idx][1] + 1e-9:
            idx, used = idx + 1, 0.0
        if idx >= len(stretches):
            total_need = sum(x.length_m for x in ordered) + sum(x.gap_m for x in ordered[:-1])
            have = sum(s[1] for s in stretches)
            raise InfeasibleError(
                _(
                    "{field}: the staging stretch is too short: the column needs {need} m, the stretches give "
                    "{have} m — {short} m short (add a second stretch under staging.extra, or lengthen "
                    "staging.length_m)"
                ).format(
                    field=f"parades.{parade.id}.staging",
                    need=number(total_need),
                    have=number(have),
                    short=number(total_need - have),
                ),
                [Shortfall(_("staging length"), total_need - have, "m", _("add staging.extra"))],
            )
        positions.append((stretches[idx][0], used, used + need))
        used += need + v.gap_m

    return positions


def _too_late(parade: Parade, late: list[str], assembly: int) -> InfeasibleError:
    """Vehicles that cannot reach the assembly in time from their base (exit 3)."""
    return InfeasibleError(
        _(
            "{field}: {vehicles} cannot reach the assembly by {at} from its base after its ready time (make it "
            "ready earlier)"
        ).format(field=f"parades.{parade.id}", vehicles=", ".join(late), at=clock.hm(assembly)),
        [Shortfall(_("{vehicle} arrival").format(vehicle=vid), 1, "vehicle") for vid in late],
    )


def _no_slots(parade: Parade, st: Staging, n: int, assembly: int) -> InfeasibleError:
    """More vehicles than the arrival slots can take in line-up order (exit 3)."""
    return InfeasibleError(
        _(
            "{field}: {n} vehicles cannot all enter by {at} at {per_slot} per {slot_min}-minute slot in line-up "
            "order (raise per_slot or make vehicles ready earlier)"
        ).format(
            field=f"parades.{parade.id}.staging",
            n=n,
            at=clock.hm(assembly),
            per_slot=st.per_slot,
            slot_min=st.slot_min,
        ),
        [Shortfall(_("arrival slots"), 1, "slot")],
    )


def stage(
    parade: Parade,
    ordered: list[ColumnVehicle],
    travel_s: dict[str, float],
    fixed_arrival_s: dict[str, int] | None = None,
) -> list[Slot]:
    """Staging positions and arrival slots for the ordered column, solved with CP-SAT.

    Vehicles stand in line-up order from the head of the staging stretch; each gets an arrival slot so that
    vehicles standing further forward arrive no later (nobody passes another in the lane), no slot takes more
    vehicles than the entrance allows, everyone is in place by the assembly time, no vehicle leaves its base
    before its ready time, and the total waiting time is the least possible.

    Parameters
    ----------
    travel_s : dict
        Vehicle id → seconds from its base (or gathering) to the assembly.
    fixed_arrival_s : dict, optional
        Vehicle id → earliest arrival when it comes from a gathering (it cannot be earlier).

    Raises
    ------
    InfeasibleError
        When the staging stretches are too short (by how many metres) or the slots cannot take everyone.
    """
    st = parade.staging
    if st is None or not ordered:
        return []
    positions = _positions(parade, st, ordered)

    from paradeplan import cpsat
    from paradeplan.parade.staging_model import StagingInstance, build_model

    slot_s = st.slot_min * 60
    assembly = clock.of_time(parade.assembly_time)
    n_slots = 24
    first = assembly - n_slots * slot_s
    lows: list[int] = []
    fixed = fixed_arrival_s or {}
    for v in ordered:
        earliest = fixed.get(v.id)
        if earliest is None and v.ready_s is not None:
            earliest = int(v.ready_s + travel_s.get(v.id, 0.0))
        lo = 0 if earliest is None else max(0, math.floor((earliest - first) / slot_s))
        lows.append(min(lo, n_slots))
    late = [v.id for v, lo in zip(ordered, lows, strict=True) if lo > n_slots - 1]
    if late:
        raise _too_late(parade, late, assembly)
    model = build_model(StagingInstance(tuple(v.id for v in ordered), tuple(lows), n_slots, st.per_slot))
    solved = cpsat.solve(model.model, time_limit_s=10.0, name="staging")
    if not solved.found:
        raise _no_slots(parade, st, len(ordered), assembly)
    out: list[Slot] = []
    for i, (v, var) in enumerate(zip(ordered, model.slot, strict=True)):
        s = solved.value(var)
        a_from = first + s * slot_s
        trip = travel_s.get(v.id)
        leave = None if trip is None or v.id in fixed else int(a_from - trip)
        out.append(
            Slot(
                position=i + 1,
                vehicle=v,
                stretch=positions[i][0],
                from_m=round(positions[i][1], 1),
                to_m=round(positions[i][2], 1),
                arrive_from_s=a_from,
                arrive_to_s=a_from + slot_s,
                leave_base_s=leave,
            )
        )
    return out


def lineup_rows(slots: list[Slot]) -> tuple[LineupSlot, ...]:
    """The published line-up (``lineup.csv``): staging position and arrival slot of each vehicle, to the minute."""
    return tuple(
        LineupSlot(
            s.position,
            s.vehicle.id,
            s.vehicle.kind,
            s.vehicle.owner or "",
            s.vehicle.role,
            s.from_m,
            s.to_m,
            s.arrive_from_s // 60 * 60,
            s.arrive_to_s // 60 * 60,
            None if s.leave_base_s is None else s.leave_base_s // 60 * 60,
        )
        for s in slots
    )
