"""Done when: `paradeplan plan` then `paradeplan live` on Quận 12; the head ten minutes late at a junction moves every
later post's close and reopen by ten minutes and leaves earlier ones alone; no token, no police state; a restart
keeps it."""

from __future__ import annotations

from pathlib import Path

import httpx

from live_support import LiveServer, fresh_folder, hms
from paradeplan.parade.schedule_json import from_json
from paradeplan.posts.instance import read_json_file


def test_head_ten_minutes_late_at_a_junction(tmp_path: Path) -> None:
    out = fresh_folder(tmp_path)
    schedule = from_json(read_json_file(out / "schedule.json"))
    posts = sorted(schedule.posts, key=lambda p: p.passages[0].at_m)
    # a junction a third of the way along, passed once, with posts before and after it
    junction = next(
        p
        for p in posts
        if p.kind == "junction" and len(p.passages) == 1 and p.passages[0].at_m > schedule.parade.total_m / 3
    )
    seen_at = junction.passages[0].head_s + 600
    with LiveServer(out, rehearse=hms(seen_at + 90)) as live:
        planned = {p["id"]: p for p in live.police()["posts"]}
        r = live.report({"kind": "head", "post": junction.id, "time": hms(seen_at)})
        assert r.status_code == 201, r.text
        now = {p["id"]: p for p in live.police()["posts"]}
        later = [p for p in posts if p.passages[0].at_m >= junction.passages[0].at_m]
        earlier = [p for p in posts if p.passages[-1].at_m < junction.passages[0].at_m]
        assert len(later) >= 5 and len(earlier) >= 5
        moved = []
        for p in later:
            close = _s(now[p.id]["close"]) - _s(now[p.id]["planned_close"])
            reopen = _s(now[p.id]["reopen"]) - _s(now[p.id]["planned_reopen"])
            assert abs(close - 600) <= 2 and abs(reopen - 600) <= 2, (p.id, close, reopen)
            moved.append(close)
        for p in earlier:
            assert now[p.id]["close"] == planned[p.id]["close"] == planned[p.id]["planned_close"], p.id
            assert now[p.id]["reopen"] == planned[p.id]["reopen"] == planned[p.id]["planned_reopen"], p.id
        head = live.get("/api/state", auth=False).json()["head"]
        assert head["km"] > junction.passages[0].at_m / 1000 and abs(head["delay_min"] - 10) < 0.1
        # the public's closures moved with the posts
        closures = {c["post"]: c for c in live.get("/api/state", auth=False).json()["closures"]}
        assert closures[later[-1].id]["reopen"] == now[later[-1].id]["reopen"]
        # without the token: no police state, no report
        assert httpx.get(live.base + "/api/police/state").status_code == 401
        assert (
            httpx.post(live.base + "/api/reports", json={"kind": "head", "km": 1, "time": "08:00:00"}).status_code
            == 401
        )
        assert len(live.police()["reports"]) == 1
    with LiveServer(out, rehearse=hms(seen_at + 300)) as again:
        after = {p["id"]: p for p in again.police()["posts"]}
        assert {k: (v["close"], v["reopen"]) for k, v in after.items()} == {
            k: (v["close"], v["reopen"]) for k, v in now.items()
        }
    print(
        f"\n{junction.id} {junction.name}: head reported {hms(seen_at)} (planned "
        f"{hms(junction.passages[0].head_s)}); {len(later)} later posts moved by {min(moved)}–{max(moved)} s, "
        f"{len(earlier)} earlier posts unchanged"
    )


def _s(text: str) -> int:
    h, m, s = (int(x) for x in text.split(":"))
    return h * 3600 + m * 60 + s
