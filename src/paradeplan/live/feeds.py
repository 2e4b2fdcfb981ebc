"""The closure feeds on the day (``GET /feeds/wzdx.geojson``, ``GET /feeds/waze.json``): the plan's closures
re-timed by where the column is, public (no unit, no marshal)."""

from __future__ import annotations

import bisect
import json
from dataclasses import replace
from datetime import datetime
from typing import Any

from paradeplan.live.model import LiveState
from paradeplan.parade.feeds import retimed, waze_feed, wzdx_feed
from paradeplan.parade.schedule import ParadeSchedule


def _shift(state: LiveState) -> Any:
    """Route metre → (close delay, reopen delay) in seconds, from the re-timed stretches of the route."""
    rows = sorted(state.stretches, key=lambda s: s.start_m)
    starts = [s.start_m for s in rows]

    def shift(at_m: float) -> tuple[int, int]:
        if not rows:
            return 0, 0
        s = rows[max(0, bisect.bisect_right(starts, at_m) - 1)]
        return s.close_s - s.planned_close_s, s.reopen_s - s.planned_reopen_s

    return shift


def live_feed(kind: str, schedule: ParadeSchedule, state: LiveState, updated: str, publisher: str) -> bytes:
    """One feed (``wzdx`` or ``waze``) of the re-timed closures, as JSON bytes; no unit or marshal in it."""
    traffic = retimed(schedule.traffic, _shift(state))
    traffic = replace(traffic, points=tuple(replace(p, held_by=()) for p in traffic.points), marshals=())
    lang = schedule.event.language
    if kind == "wzdx":
        data = wzdx_feed(
            schedule, publisher=publisher, traffic=traffic, updated=datetime.fromisoformat(updated), lang=lang
        )
    else:
        data = waze_feed(schedule, traffic=traffic, lang=lang)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
