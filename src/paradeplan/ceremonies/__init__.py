"""Opening ceremonies and the week's calendar, scheduled with OR-Tools CP-SAT."""

from __future__ import annotations

from paradeplan.ceremonies.checker import check_ceremonies
from paradeplan.ceremonies.instance import TravelFn, build_instance, geodesic_travel
from paradeplan.ceremonies.outputs import (
    ceremonies_map_html,
    ceremonies_to_json,
    itineraries,
    itineraries_ics,
    itineraries_text,
    run_of_show,
    run_of_show_all,
    solver_report,
    week_ics,
    week_text,
    week_to_json,
)
from paradeplan.ceremonies.solver import Attendance, CeremonySchedule, Unmet, schedule_ceremonies
from paradeplan.ceremonies.week import WeekSchedule, check_week, schedule_week

__all__ = [
    "Attendance", "CeremonySchedule", "TravelFn", "Unmet", "WeekSchedule", "build_instance", "ceremonies_map_html",
    "ceremonies_to_json", "check_ceremonies", "check_week", "geodesic_travel", "itineraries", "itineraries_ics",
    "itineraries_text", "run_of_show", "run_of_show_all", "schedule_ceremonies", "schedule_week", "solver_report",
    "week_ics", "week_text", "week_to_json",
]
