"""Benchmark: a city morning, 168 ward openings 07:00–09:00, 25 city leaders and 10 photo teams (CP-SAT)."""

from __future__ import annotations

import argparse
import json
import logging
import math
import time
from datetime import date
from datetime import time as clock

import numpy as np

from paradeplan.ceremonies.checker import check_ceremonies
from paradeplan.ceremonies.solver import schedule_ceremonies
from paradeplan.plan.model import Ceremony, Event, Person, Place, Plan, ProgramItem, Team
from paradeplan.render.ceremonies import ceremonies_to_json, solver_report

log = logging.getLogger("bench")

DAY = date(2023, 10, 2)


def city_plan(wards: int = 168, leaders: int = 25, teams: int = 10, seed: int = 7) -> Plan:
    """A synthetic city: wards scattered over ~25 × 25 km, leaders wishing their ~8 nearest openings.

    Parameters
    ----------
    wards, leaders, teams : int
        Sizes.
    seed : int
        Random seed (fixed: the plan is always the same).

    Returns
    -------
    Plan
    """
    rng = np.random.default_rng(seed)
    lat0, lon0 = 10.78, 106.68
    lat = lat0 + rng.uniform(-0.12, 0.12, wards)
    lon = lon0 + rng.uniform(-0.12, 0.12, wards)
    places = [
        Place(
            id=f"w{i:03d}",
            name=f"UBND phường {i + 1}",
            kind="office",
            lat=round(float(lat[i]), 5),
            lon=round(float(lon[i]), 5),
        )
        for i in range(wards)
    ]
    places.append(Place(id="city_hall", name="UBND thành phố", kind="office", lat=lat0, lon=lon0))
    program = (
        ProgramItem(title="Chào cờ", duration_min=10),
        ProgramItem(title="Khai mạc", duration_min=15),
        ProgramItem(title="Phát động", duration_min=20),
    )
    people = []
    wish_of: dict[str, list[str]] = {}
    for k in range(leaders):
        centre = int(rng.integers(wards))
        d = (lat - lat[centre]) ** 2 + (lon - lon[centre]) ** 2
        near = [f"c{i:03d}" for i in np.argsort(d)[:8]]
        people.append(
            Person(
                id=f"leader{k:02d}",
                name=f"Lãnh đạo thành phố {k + 1}",
                role="city_leader",
                base="city_hall",
                available_from=clock(6, 30),
                available_until=clock(9, 30),
                speed_kmh=30.0,
                min_stay_min=20,
                wishes=tuple(sorted(near)),
            )
        )
        wish_of[f"leader{k:02d}"] = near
    # Photo teams: wards split by angle around the centre; each ward wishes its sector's team.
    ang = np.arctan2(lat - lat0, lon - lon0)
    sector = ((ang + math.pi) / (2 * math.pi) * teams).astype(int) % teams
    team_objs = [
        Team(id=f"photo{t}", name=f"Tổ quay phim {t + 1}", base="city_hall", speed_kmh=30.0, setup_min=10)
        for t in range(teams)
    ]
    required_at = {f"c{int(rng.integers(wards)):03d}": f"leader{k:02d}" for k in range(5)}
    cers = []
    for i in range(wards):
        cid = f"c{i:03d}"
        req = (required_at[cid],) if cid in required_at else ()
        cers.append(
            Ceremony(
                id=cid,
                name=f"Khai mạc phường {i + 1}",
                venue=f"w{i:03d}",
                date=DAY,
                window_start=clock(7, 0),
                window_end=clock(9, 0),
                program=program,
                capacity=60,
                local_attendance=50,
                required=req,
                wished=(f"photo{int(sector[i])}",),
            )
        )
    return Plan(
        event=Event(name="City morning benchmark", week_start=DAY, week_end=DAY),
        places=tuple(places),
        ceremonies=tuple(cers),
        people=tuple(people),
        teams=tuple(team_objs),
    )


def main() -> None:
    """Run the benchmark and print the figures as JSON."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--time-limit", type=float, default=45.0)
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    plan = city_plan()
    t0 = time.perf_counter()
    sched = schedule_ceremonies(plan, time_limit_s=args.time_limit, workers=args.workers)
    wall = time.perf_counter() - t0
    result = ceremonies_to_json(sched)
    problems = check_ceremonies(plan, result, sched.instance.travel_raw)
    rep = solver_report(sched)
    rep.update(
        {
            "wall_s": round(wall, 2),
            "workers": args.workers,
            "check_problems": len(problems),
            "ceremonies": len(plan.ceremonies),
            "leaders": len(plan.people),
            "teams": len(plan.teams),
        }
    )
    print(json.dumps(rep, indent=2))


if __name__ == "__main__":
    main()
