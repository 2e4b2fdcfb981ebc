"""The ceremony and week contracts: solved schedules as frozen values, each with its shortfall (exit 3).

Times are seconds, as in the parade's schedule: a ceremony's start and an attendance's arrival and leaving count
from midnight of the instance's first day (``instance.day0``; a week spans several days), :meth:`CeremonySchedule.at`
gives the local date-time. The solver's model counts minutes; it converts once, when it builds the schedule.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from paradeplan.ceremonies.instance import CeremonyInstance
from paradeplan.errors import InfeasibleError, Shortfall
from paradeplan.plan.model import Plan


@dataclass(frozen=True)
class Attendance:
    """One attendee at one ceremony."""

    attendee: str
    ceremony: str
    arrive_s: int
    """Seconds from midnight of the instance's first day."""
    leave_s: int
    travel_s: int | None
    """Travel time allowed from the previous place, in whole minutes (None when the start place is unknown)."""
    came_from: str | None
    """Id of the previous place (base or venue)."""


@dataclass(frozen=True)
class Unmet:
    """A wished-for or required attendance that the schedule does not hold, and why."""

    attendee: str
    ceremony: str
    required: bool
    reason: str


@dataclass(frozen=True)
class CeremonySchedule:
    """The solved schedule of a plan's ceremonies (``relaxed`` when required attendances could not all be met)."""

    plan: Plan
    instance: CeremonyInstance
    status: str
    objective: float
    bound: float
    gap: float
    """Relative optimality gap (0 when proven optimal)."""
    starts_s: Mapping[str, int]
    """Each ceremony's start, seconds from midnight of the instance's first day."""
    attendance: tuple[Attendance, ...]
    unmet: tuple[Unmet, ...]
    relaxed: bool = False
    """True when required attendances could not all be met (see ``unmet``)."""
    wall_s: float = 0.0
    warnings: tuple[str, ...] = ()

    def at(self, second: int) -> datetime:
        """Local date-time of a second of the schedule."""
        return datetime.combine(self.instance.day0, time(0, 0)) + timedelta(seconds=second)

    def end_s(self, cid: str) -> int:
        """When a ceremony ends (seconds)."""
        return self.starts_s[cid] + self.instance.ceremony(cid).duration * 60

    @property
    def shortfall(self) -> InfeasibleError | None:
        """What stays unmet, to report with exit 3 once the files are written (None when nothing required is)."""
        bad = [u for u in self.unmet if u.required] if self.relaxed else []
        if not bad:
            return None
        from paradeplan.i18n import _

        lines = [_("ceremonies: the required attendances cannot all be met:")]
        whom = [_("{who} at {ceremony}").format(who=u.attendee, ceremony=u.ceremony) for u in bad]
        lines += [f"  {w}: {u.reason}" for w, u in zip(whom, bad, strict=True)]
        return InfeasibleError(
            "\n".join(lines), [Shortfall(w, 1, "attendance", u.reason) for w, u in zip(whom, bad, strict=True)]
        )


@dataclass(frozen=True)
class PlacedRound:
    """A round with its day and times."""

    round_id: str
    name: str
    start: datetime
    end: datetime
    place: str | None
    uses: tuple[str, ...]


@dataclass(frozen=True)
class UnplacedRound:
    """A round the week has no room for, why, and what would fix it."""

    round_id: str
    reason: str
    fixes: tuple[str, ...]


@dataclass(frozen=True)
class WeekSchedule:
    """The week's calendar (status TOO_FULL when some rounds could not be placed)."""

    plan: Plan
    status: str
    """Solver status, or TOO_FULL when some rounds could not be placed."""
    gap: float
    placed: tuple[PlacedRound, ...] = ()
    """Sorted by start, then id."""
    unplaced: tuple[UnplacedRound, ...] = ()
    """Sorted by id."""

    @property
    def shortfall(self) -> InfeasibleError | None:
        """The rounds that could not be placed, to report with exit 3 once the files are written."""
        if not self.unplaced:
            return None
        from paradeplan.i18n import _

        lines = [
            _("week: {n} of {total} rounds could not be placed:").format(
                n=len(self.unplaced), total=len(self.plan.rounds)
            )
        ]
        for miss in self.unplaced:
            lines.append(f"  {miss.round_id}: {miss.reason}")
            lines += ["    " + _("fix: {text}").format(text=f) for f in miss.fixes]
        return InfeasibleError(
            "\n".join(lines), [Shortfall(u.round_id, 1, "round", "; ".join(u.fixes)) for u in self.unplaced]
        )
