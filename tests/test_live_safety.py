"""Issue 27 on the real server (uvicorn on loopback, real SQLite): corrections with an audit trail, plausibility,
one server per folder, a vanished store, idle connections, and `plan --out` over a live folder."""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from live_support import CLI, PLAN, TOKEN, LiveServer, free_port, fresh_folder, hms
from paradeplan.live.server import unit_token
from paradeplan.parade.schedule import ParadeSchedule
from paradeplan.parade.schedule_json import from_json
from paradeplan.posts.instance import read_json_file


def _times(s: LiveServer) -> dict[str, Any]:
    police = s.police()
    return {
        "posts": {p["id"]: (p["close"], p["reopen"], p["passed"]) for p in police["posts"]},
        "units": {u["id"]: u["next"] for u in police["units"]},
        "closures": [(c["post"], c["close"], c["reopen"]) for c in police["closures"]],
        "delay": police["delay_min"],
    }


def _schedule(out: Path) -> ParadeSchedule:
    return from_json(read_json_file(out / "schedule.json"))


def _head_at(schedule: ParadeSchedule, km: float) -> int:
    """The planned head time at a kilometre (the timetable's nearest point at or after it)."""
    point = min((p for p in schedule.timetable if p.at_m >= km * 1000), key=lambda p: p.at_m)
    return point.head_s


def test_a_wrong_report_is_withdrawn_and_every_time_returns(tmp_path: Path) -> None:
    out = fresh_folder(tmp_path)
    with LiveServer(out, rehearse="09:00:00") as s:
        planned = _times(s)
        # the one click: "head passed P001 at 09:00" (an hour late): held for confirmation, then forced
        held = s.report({"kind": "head", "post": "P001", "time": "09:00:00"})
        assert held.status_code == 409, held.text
        assert held.json()["confirm"] is True and "phút" in held.json()["detail"][0]["reason"]
        assert s.police()["reports"] == []  # nothing stored while held
        r = s.report({"kind": "head", "post": "P001", "time": "09:00:00", "confirm": True})
        assert r.status_code == 201, r.text
        wrong = _times(s)
        assert wrong["posts"] != planned["posts"] and wrong["delay"] >= 55
        # only the control room withdraws; an unknown number is 404
        unit = next(iter(planned["units"]))
        h = {"Authorization": f"Bearer {unit_token(TOKEN, unit)}"}
        assert httpx.delete(f"{s.base}/api/reports/1", headers=h).status_code == 403
        assert httpx.delete(f"{s.base}/api/reports/1").status_code == 401
        assert httpx.delete(f"{s.base}/api/reports/99", headers=s.headers()).status_code == 404
        assert httpx.delete(f"{s.base}/api/reports/x1", headers=s.headers()).status_code == 404
        gone = httpx.delete(f"{s.base}/api/reports/1", headers=s.headers())
        assert gone.status_code == 200 and gone.json()["seq"] == 1
        assert _times(s) == planned  # every time as it was
        assert httpx.delete(f"{s.base}/api/reports/1", headers=s.headers()).status_code == 404
        log = s.police()["log"]
        assert [(e["action"], e["who"], e["seq"]) for e in log] == [("add", "control", 1), ("withdraw", "control", 1)]
        assert log[1]["before"]["post"] == "P001" and log[1]["at"].endswith("+07:00")
    with sqlite3.connect(out / "live.sqlite") as db:  # never erased: the report is there, marked withdrawn
        rows = db.execute("SELECT seq, kind, post, withdrawn IS NOT NULL FROM reports").fetchall()
        assert rows == [(1, "head", "P001", 1)]
    with LiveServer(out, rehearse="09:00:00") as again:
        assert _times(again) == planned and len(again.police()["log"]) == 2
        assert "0 báo cáo trong" in again.output()


def test_an_amended_report_counts_as_if_it_had_been_sent_so(tmp_path: Path) -> None:
    out = fresh_folder(tmp_path)
    schedule = _schedule(out)
    junction = next(
        p
        for p in sorted(schedule.posts, key=lambda p: p.passages[0].at_m)
        if p.kind == "junction" and len(p.passages) == 1 and p.passages[0].at_m > 8000
    )
    seen = junction.passages[0].head_s
    with LiveServer(out, rehearse=hms(seen + 900)) as s:
        assert s.report({"kind": "head", "post": junction.id, "time": hms(seen + 600)}).status_code == 201
        url = f"{s.base}/api/reports/1"
        r = httpx.patch(url, json={"kind": "head", "post": junction.id, "time": hms(seen + 300)}, headers=s.headers())
        assert r.status_code == 200, r.text
        assert r.json()["seq"] == 1 and r.json()["time"] == hms(seen + 300)
        amended = _times(s)
        bad = httpx.patch(url, json={"kind": "head", "km": 99, "time": hms(seen)}, headers=s.headers())
        assert bad.status_code == 422 and bad.json()["detail"][0]["field"] == "km"
        body = {"kind": "head", "post": junction.id, "time": hms(seen + 300)}
        assert httpx.patch(f"{s.base}/api/reports/7", json=body, headers=s.headers()).status_code == 404
        log = s.police()["log"]
        assert [e["action"] for e in log] == ["add", "amend"]
        assert log[1]["before"]["time"] == hms(seen + 600) and log[1]["after"]["time"] == hms(seen + 300)
    fresh = fresh_folder(tmp_path / "b")
    with LiveServer(fresh, rehearse=hms(seen + 900)) as t:
        assert t.report({"kind": "head", "post": junction.id, "time": hms(seen + 300)}).status_code == 201
        assert _times(t) == amended


def test_impossible_reports_are_refused_and_unlikely_ones_held(tmp_path: Path) -> None:
    out = fresh_folder(tmp_path)
    schedule = _schedule(out)
    t3, t5 = _head_at(schedule, 3.0), _head_at(schedule, 5.0)
    with LiveServer(out, rehearse=hms(t5 + 1800)) as s:
        early = s.report({"kind": "head", "km": 20, "time": "05:00:00"})
        assert early.status_code == 422 and early.json()["detail"][0]["field"] == "time"
        assert "giờ xuất phát" in early.json()["detail"][0]["reason"]  # Vietnamese first
        assert s.report({"kind": "head", "km": 3, "time": hms(t3 + 120)}).status_code == 201
        back = s.report({"kind": "head", "km": 1, "time": hms(t3 + 300)})
        assert back.status_code == 422 and "đi lùi" in back.json()["detail"][0]["reason"]
        assert "#1" in back.json()["detail"][0]["reason_en"]
        ahead = s.report({"kind": "tail", "km": 5, "time": hms(t3 + 60)})
        assert ahead.status_code == 422 and "ahead of the head" in ahead.json()["detail"][0]["reason_en"]
        # 3.6 km in 3.5 minutes (62 km/h for a column planned far slower): held until confirmed
        fast = {"kind": "head", "km": 6.6, "time": hms(t3 + 120 + 210)}
        held = s.report(fast)
        assert held.status_code == 409 and held.json()["confirm"] is True
        assert "km/h" in held.json()["detail"][0]["reason"]
        assert len(s.police()["reports"]) == 1
        assert s.report(fast | {"confirm": True}).status_code == 201
        assert len(s.police()["reports"]) == 2
        assert s.report({"kind": "head", "km": 3, "time": hms(t3), "confirm": "yes"}).status_code == 422


@pytest.mark.usefixtures("english")  # matches the English message
def test_a_second_server_on_the_same_folder_is_refused(tmp_path: Path) -> None:
    out = fresh_folder(tmp_path)
    with LiveServer(out) as first:
        r = subprocess.run(
            [*CLI, "live", str(out), "--port", str(free_port()), "--token", TOKEN],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
        assert "live.sqlite: is in use by a running `paradeplan live` server" in r.stderr
        assert first.base in r.stderr and "Traceback" not in r.stderr
        assert first.report({"kind": "tail", "km": 0.2, "time": "08:02:00"}).status_code == 201


@pytest.mark.usefixtures("english")  # matches the English message
def test_plan_out_over_a_live_folder_loses_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    plan = [*CLI, "plan", str(PLAN), "--out", str(out)]
    assert subprocess.run(plan, capture_output=True, text=True, timeout=600).returncode == 0
    with LiveServer(out) as s:
        assert s.report({"kind": "tail", "km": 0.2, "time": "08:02:00"}).status_code == 201
        r = subprocess.run(plan, capture_output=True, text=True, timeout=600)
        assert r.returncode == 2 and "is in use by a running `paradeplan live` server" in r.stderr, r.stderr
        assert s.report({"kind": "tail", "km": 0.4, "time": "08:03:00"}).status_code == 201
        assert len(s.police()["reports"]) == 2
    again = subprocess.run(plan, capture_output=True, text=True, timeout=600)  # no server: the store is kept
    assert again.returncode == 0, again.stderr
    with sqlite3.connect(out / "live.sqlite") as db:
        assert db.execute("SELECT count(*) FROM reports").fetchone() == (2,)
    with LiveServer(out) as s:
        assert len(s.police()["reports"]) == 2 and "2 reports in" in s.output()


def test_a_vanished_store_takes_no_report_and_says_so(tmp_path: Path) -> None:
    out = fresh_folder(tmp_path)
    with LiveServer(out) as s:
        assert s.report({"kind": "tail", "km": 0.2, "time": "08:02:00"}).status_code == 201
        for name in ("live.sqlite", "live.sqlite-wal", "live.sqlite-shm"):
            (out / name).unlink(missing_ok=True)
        r = s.report({"kind": "tail", "km": 0.4, "time": "08:03:00"})
        assert r.status_code == 503, r.text
        assert "live.sqlite" in r.json()["detail"] and "không nhận báo cáo" in r.json()["detail"]
        assert "live-rescued-1.sqlite" in r.json()["reason_en"]
        assert httpx.delete(f"{s.base}/api/reports/1", headers=s.headers()).status_code == 503
        assert s.report({"kind": "tail", "km": 0.5, "time": "08:04:00"}).status_code == 503
        assert s.police()["store"]["reason_en"].startswith("live.sqlite was removed")
    with sqlite3.connect(out / "live-rescued-1.sqlite") as db:
        assert db.execute("SELECT kind, at_m FROM reports").fetchall() == [("tail", 200)]


@pytest.mark.timeout(120)
def test_idle_connections_do_not_lock_out_the_control_room(tmp_path: Path) -> None:
    out = fresh_folder(tmp_path)
    with LiveServer(out) as s:
        idle: list[socket.socket] = []
        try:
            for i in range(2000):  # connections that never finish their headers (some never start them)
                c = socket.create_connection(("127.0.0.1", s.port), timeout=5)
                if i % 2:
                    c.sendall(b"GET /api/state HTTP/1.1\r\nHost: x\r\n")
                idle.append(c)
            t0 = time.perf_counter()
            r = httpx.post(
                s.base + "/api/reports",
                json={"kind": "tail", "km": 0.2, "time": "08:02:00"},
                headers=s.headers(),
                timeout=10,
            )
            took = time.perf_counter() - t0
            assert r.status_code == 201, r.text
            assert took < 2.0, took
            assert s.get("/api/state", auth=False).status_code == 200
            # the oldest idle connections were closed to make room: reading them gives end of file
            closed = 0
            for c in idle[:50]:
                c.settimeout(0.2)
                try:
                    closed += c.recv(1) == b""
                except OSError:
                    closed += 1
            assert closed == 50
        finally:
            for c in idle:
                c.close()


def test_a_connection_that_sends_nothing_is_closed_after_the_header_deadline(tmp_path: Path) -> None:
    from paradeplan.live.server import HEADER_TIMEOUT_S

    with LiveServer(fresh_folder(tmp_path)) as s:
        c = socket.create_connection(("127.0.0.1", s.port), timeout=HEADER_TIMEOUT_S + 10)
        c.sendall(b"GET / HTTP/1.1\r\n")
        t0 = time.perf_counter()
        assert c.recv(100) == b""  # closed by the server
        assert HEADER_TIMEOUT_S - 1 < time.perf_counter() - t0 < HEADER_TIMEOUT_S + 5
        c.close()


def test_events_are_pushed_when_a_report_is_stored(tmp_path: Path) -> None:
    with LiveServer(fresh_folder(tmp_path)) as s, httpx.stream("GET", s.base + "/api/events", timeout=10) as events:
        assert events.headers["content-type"].startswith("text/event-stream")
        lines = events.iter_lines()
        first = next(line for line in lines if line.startswith("data: "))
        assert s.report({"kind": "tail", "km": 0.2, "time": "08:02:00"}).status_code == 201
        t0 = time.perf_counter()
        second = next(line for line in lines if line.startswith("data: "))
        assert time.perf_counter() - t0 < 2  # pushed, not the 5-second tick
        assert '"version": 0' in first and '"version": 1' in second
