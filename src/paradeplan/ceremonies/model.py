"""The CP-SAT model of ceremony scheduling: a container of decision variables and one function per rule."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from paradeplan.ceremonies.instance import CeremonyInstance, Need

Pair = tuple[str, str]


@dataclass
class CeremonyVars:
    """Decision variables of the ceremony model."""

    model: Any
    """The ``cp_model.CpModel``."""
    start: dict[str, Any] = field(default_factory=dict)
    """Ceremony id -> start minute (on the grid, within the window)."""
    attend: dict[Pair, Any] = field(default_factory=dict)
    """(attendee, ceremony) -> attends (bool)."""
    arrive: dict[Pair, Any] = field(default_factory=dict)
    """(attendee, ceremony) -> minute of arrival at the venue."""
    leave: dict[Pair, Any] = field(default_factory=dict)
    """(attendee, ceremony) -> minute of leaving the venue."""
    role_cover: dict[tuple[str, int, str], Any] = field(default_factory=dict)
    """(ceremony, item, attendee) -> this attendee covers a role-speaker item."""
    role_met: dict[tuple[str, int], Any] = field(default_factory=dict)
    """(ceremony, item) -> the role-speaker item is covered."""


def new_variables(inst: CeremonyInstance) -> CeremonyVars:
    """Create the model and its decision variables.

    Parameters
    ----------
    inst : CeremonyInstance

    Returns
    -------
    CeremonyVars
    """
    from ortools.sat.python import cp_model

    m = cp_model.CpModel()
    v = CeremonyVars(model=m)
    for c in inst.ceremonies:
        v.start[c.id] = m.new_int_var_from_domain(cp_model.Domain.from_values(list(c.starts)), f"start[{c.id}]")
    for n in inst.needs:
        c = inst.ceremony(n.ceremony)
        a = inst.attendee(n.attendee)
        key = (n.attendee, n.ceremony)
        lo = min(c.starts) - a.setup
        hi = max(c.starts) + c.duration
        v.attend[key] = m.new_bool_var(f"attend[{n.attendee},{n.ceremony}]")
        v.arrive[key] = m.new_int_var(lo, hi, f"arrive[{n.attendee},{n.ceremony}]")
        v.leave[key] = m.new_int_var(lo, hi, f"leave[{n.attendee},{n.ceremony}]")
    return v


def presence_within_ceremony(v: CeremonyVars, inst: CeremonyInstance) -> None:
    """Rule: an attendee is at the venue within the ceremony (teams from their set-up), staying long enough."""
    m = v.model
    for n in inst.needs:
        key = (n.attendee, n.ceremony)
        c = inst.ceremony(n.ceremony)
        a = inst.attendee(n.attendee)
        s, x = v.start[c.id], v.attend[key]
        if a.min_stay is None or a.min_stay >= c.duration:
            m.add(v.arrive[key] == s - a.setup)
            m.add(v.leave[key] == s + c.duration)
        else:
            m.add(v.arrive[key] >= s).only_enforce_if(x)
            m.add(v.leave[key] <= s + c.duration).only_enforce_if(x)
            m.add(v.leave[key] >= v.arrive[key] + a.min_stay).only_enforce_if(x)
            m.add(v.leave[key] <= v.arrive[key] + _longest_stay(inst, n, a.min_stay)).only_enforce_if(x)


def _longest_stay(inst: CeremonyInstance, n: Need, min_stay: int) -> int:
    """A visit lasts ``min_stay``, or longer when it must span program items the attendee may cover."""
    c = inst.ceremony(n.ceremony)
    ks = set(n.items) | {k for cid, k, _r, cands in inst.role_items if cid == c.id and n.attendee in cands}
    if not ks:
        return min_stay
    lo = min(c.items[k].offset for k in ks)
    hi = max(c.items[k].offset + c.items[k].duration for k in ks)
    return max(min_stay, hi - lo)


def speakers_present_for_items(v: CeremonyVars, inst: CeremonyInstance) -> None:
    """Rule: a person who must speak is at the venue for the whole of the program item."""
    m = v.model
    for n in inst.needs:
        key = (n.attendee, n.ceremony)
        c = inst.ceremony(n.ceremony)
        for k in n.items:
            it = c.items[k]
            m.add(v.arrive[key] <= v.start[c.id] + it.offset).only_enforce_if(v.attend[key])
            m.add(v.leave[key] >= v.start[c.id] + it.offset + it.duration).only_enforce_if(v.attend[key])


def role_speakers_cover_items(v: CeremonyVars, inst: CeremonyInstance) -> None:
    """Rule: an item whose speaker is a role is covered by at least one person of that role (soft in relaxation)."""
    m = v.model
    for cid, k, _role, cands in inst.role_items:
        c = inst.ceremony(cid)
        it = c.items[k]
        covers = []
        for aid in cands:
            key = (aid, cid)
            b = m.new_bool_var(f"cover[{cid},{k},{aid}]")
            m.add_implication(b, v.attend[key])
            m.add(v.arrive[key] <= v.start[cid] + it.offset).only_enforce_if(b)
            m.add(v.leave[key] >= v.start[cid] + it.offset + it.duration).only_enforce_if(b)
            v.role_cover[(cid, k, aid)] = b
            covers.append(b)
        met = m.new_bool_var(f"role_met[{cid},{k}]")
        m.add_bool_or(covers).only_enforce_if(met)
        v.role_met[(cid, k)] = met


def launch_groups_start_together(v: CeremonyVars, inst: CeremonyInstance) -> None:
    """Rule: ceremonies of one launch group start at the same minute."""
    groups: dict[str, list[str]] = {}
    for c in inst.ceremonies:
        if c.launch_group:
            groups.setdefault(c.launch_group, []).append(c.id)
    for ids in groups.values():
        for other in ids[1:]:
            v.model.add(v.start[other] == v.start[ids[0]])


def one_place_at_a_time_with_travel(v: CeremonyVars, inst: CeremonyInstance) -> None:
    """Rule: nobody is in two places at once, and every move between venues fits the travel time."""
    m = v.model
    by_att: dict[str, list[Need]] = {}
    for n in inst.needs:
        by_att.setdefault(n.attendee, []).append(n)
    for aid, ns in sorted(by_att.items()):
        for i, n1 in enumerate(ns):
            c1 = inst.ceremony(n1.ceremony)
            for n2 in ns[i + 1 :]:
                c2 = inst.ceremony(n2.ceremony)
                if c1.day != c2.day:
                    continue
                k1, k2 = (aid, c1.id), (aid, c2.id)
                t12 = inst.move(aid, c1.venue, c2.venue)
                t21 = inst.move(aid, c2.venue, c1.venue)
                first = m.new_bool_var(f"before[{aid},{c1.id},{c2.id}]")
                both = [v.attend[k1], v.attend[k2]]
                m.add(v.leave[k1] + t12 <= v.arrive[k2]).only_enforce_if([*both, first])
                m.add(v.leave[k2] + t21 <= v.arrive[k1]).only_enforce_if([*both, first.Not()])


def attendances_fit_the_day(v: CeremonyVars, inst: CeremonyInstance) -> None:
    """Rule (redundant, tightens the bound): k stays of length >= L with moves >= T fit the day's span H.

    For each attendee and day, ``k * L + (k - 1) * T <= H`` so ``k <= (H + T) // (L + T)``.
    """
    by_day: dict[tuple[str, object], list[Need]] = {}
    for n in inst.needs:
        by_day.setdefault((n.attendee, inst.ceremony(n.ceremony).day), []).append(n)
    for (aid, _day), ns in sorted(by_day.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        if len(ns) < 2:
            continue
        a = inst.attendee(aid)
        cs = [inst.ceremony(n.ceremony) for n in ns]
        lo = min(c.starts[0] - a.setup for c in cs)
        hi = max(c.starts[-1] + c.duration for c in cs)
        stay = min(c.duration + a.setup if a.min_stay is None else min(a.min_stay, c.duration) for c in cs)
        venues = sorted({c.venue for c in cs})
        moves = [inst.move(aid, x, y) for x in venues for y in venues if x != y]
        gap = min(moves) if moves and len(venues) == len(cs) else 0
        k = (hi - lo + gap) // max(1, stay + gap)
        if k < len(ns):
            v.model.add(sum(v.attend[(aid, n.ceremony)] for n in ns) <= k)


def availability_respected(v: CeremonyVars, inst: CeremonyInstance) -> None:
    """Rule: a person leaves the base no earlier than available, and leaves the last venue in time."""
    m = v.model
    for n in inst.needs:
        a = inst.attendee(n.attendee)
        c = inst.ceremony(n.ceremony)
        key = (a.id, c.id)
        day_off = (c.day - inst.day0).days * 1440
        if a.avail_from is not None:
            t = inst.move(a.id, a.base, c.venue) if a.base else 0
            m.add(v.arrive[key] >= day_off + a.avail_from + t).only_enforce_if(v.attend[key])
        if a.avail_until is not None:
            m.add(v.leave[key] <= day_off + a.avail_until).only_enforce_if(v.attend[key])


def capacity_respected(v: CeremonyVars, inst: CeremonyInstance) -> None:
    """Rule: scheduled attendees plus local attendance stay within the ceremony's capacity."""
    for c in inst.ceremonies:
        if c.capacity is None:
            continue
        terms = [
            inst.attendee(n.attendee).size * v.attend[(n.attendee, n.ceremony)]
            for n in inst.needs
            if n.ceremony == c.id
        ]
        if terms:
            v.model.add(sum(terms) + c.local <= c.capacity)


def required_present(v: CeremonyVars, inst: CeremonyInstance, relax: bool) -> list[Any]:
    """Rule: required people and role-speaker items are met (hard), or rewarded heavily when relaxed.

    Returns
    -------
    list
        The literals to reward in the objective (empty when hard).
    """
    lits: list[Any] = []
    for n in inst.needs:
        if n.required:
            x = v.attend[(n.attendee, n.ceremony)]
            if relax:
                lits.append(x)
            else:
                v.model.add(x == 1)
    for met in v.role_met.values():
        if relax:
            lits.append(met)
        else:
            v.model.add(met == 1)
    return lits


def maximise_wishes(v: CeremonyVars, inst: CeremonyInstance, required_lits: list[Any]) -> None:
    """Objective: the number of wished-for attendances met (required ones weigh more than all wishes).

    Among equal schedules the earliest starts win (a tie-break smaller than one wish).
    """
    wished = [v.attend[(n.attendee, n.ceremony)] for n in inst.needs if n.wished and not n.required]
    # Tie-break: earlier starts (in grid steps) weigh less than any one wish.
    lateness = sum(v.start[c.id] for c in inst.ceremonies) - sum(c.starts[0] for c in inst.ceremonies)
    span = sum(c.starts[-1] - c.starts[0] for c in inst.ceremonies) + 1
    weight = (len(wished) + 1) * span
    v.model.maximize(span * sum(wished) + weight * sum(required_lits) - lateness)


def build_model(inst: CeremonyInstance, relax: bool = False) -> CeremonyVars:
    """Build the whole CP-SAT model.

    Parameters
    ----------
    inst : CeremonyInstance
    relax : bool
        Make required attendances soft (heavily rewarded) to explain infeasibility.

    Returns
    -------
    CeremonyVars
    """
    v = new_variables(inst)
    presence_within_ceremony(v, inst)
    speakers_present_for_items(v, inst)
    role_speakers_cover_items(v, inst)
    launch_groups_start_together(v, inst)
    one_place_at_a_time_with_travel(v, inst)
    availability_respected(v, inst)
    attendances_fit_the_day(v, inst)
    capacity_respected(v, inst)
    lits = required_present(v, inst, relax)
    maximise_wishes(v, inst, lits)
    return v
