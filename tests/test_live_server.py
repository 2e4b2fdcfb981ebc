"""`paradeplan live` as a user runs it: the real server (uvicorn) on loopback, its API, tokens, store and refusals."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest

from live_support import CLI, TOKEN, LiveServer, free_port, fresh_folder, hms, planned, seconds
from paradeplan.live.server import unit_token
from paradeplan.parade.schedule_json import from_json
from paradeplan.posts.instance import read_json_file


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with LiveServer(fresh_folder(tmp_path_factory.mktemp("live-api")), rehearse="09:30:00") as s:
        yield s


def _count(s: LiveServer) -> int:
    return len(s.police()["reports"])


def test_prints_the_three_views(server: LiveServer) -> None:
    out = server.output()
    # in the user's language (Vietnamese by default)
    assert f"Trang cho người dân:  {server.base}/" in out
    assert f"Trang phòng điều hành: {server.base}/control#token={TOKEN}" in out
    assert re.search(rf"Trang cho từng đơn vị: .*{re.escape(server.base)}/unit/[\w-]+#token=[0-9a-f]{{32}}", out)


def test_police_state_needs_the_token(server: LiveServer) -> None:
    assert server.get("/api/police/state", auth=False).status_code == 401
    assert server.get("/api/police/state", auth=False).headers["www-authenticate"] == "Bearer"
    assert server.get("/api/police/state", token="not-the-token").status_code == 403
    r = httpx.get(server.base + "/api/police/state", headers={"Authorization": f"Basic {TOKEN}"})
    assert r.status_code == 401
    assert server.get("/api/police/state").status_code == 200


def test_reports_need_the_token_and_nothing_is_stored_without(server: LiveServer) -> None:
    before = _count(server)
    body = {"kind": "tail", "km": 1.0, "time": "08:05:00"}
    assert httpx.post(server.base + "/api/reports", json=body).status_code == 401
    assert server.report(body, token="wrong-token-wrong-token").status_code == 403
    unit = server.police()["units"][5]["id"]
    assert server.report(body, token=unit_token(TOKEN, unit)).status_code == 403
    assert _count(server) == before


def test_unit_tokens_open_their_own_unit_only(server: LiveServer) -> None:
    units = server.police()["units"]
    mine, other = units[3]["id"], units[4]["id"]
    assert units[3]["link"] == f"/unit/{mine}#token={unit_token(TOKEN, mine)}"
    r = server.get(f"/api/units/{mine}/state", token=unit_token(TOKEN, mine))
    assert r.status_code == 200 and r.json()["unit"]["id"] == mine
    assert server.get(f"/api/units/{other}/state", token=unit_token(TOKEN, mine)).status_code == 403
    assert server.get("/api/police/state", token=unit_token(TOKEN, mine)).status_code == 403
    assert server.get(f"/api/units/{mine}/state", auth=False).status_code == 401
    assert server.get("/api/units/nobody/state").status_code == 404


BAD: list[tuple[Any, str, str]] = [
    ({"km": 3, "time": "08:10:00"}, "kind", "missing"),
    ({"kind": "float", "km": 3, "time": "08:10:00"}, "kind", "must be one of"),
    ({"kind": "head", "km": 3}, "time", "missing"),
    ({"kind": "head", "km": 3, "time": "8h10"}, "time", "HH:MM:SS"),
    ({"kind": "head", "km": 3, "time": "24:00:00"}, "time", "HH:MM:SS"),
    ({"kind": "head", "km": 3, "time": 30000}, "time", "HH:MM:SS"),
    ({"kind": "head", "km": 3, "time": "11:00:00"}, "time", "after now"),
    ({"kind": "head", "time": "08:10:00"}, "km", "missing"),
    ({"kind": "head", "km": -1, "time": "08:10:00"}, "km", "off the route"),
    ({"kind": "head", "km": 1e9, "time": "08:10:00"}, "km", "off the route"),
    ({"kind": "head", "km": "3", "time": "08:10:00"}, "km", "must be a number"),
    ({"kind": "head", "km": True, "time": "08:10:00"}, "km", "must be a number"),
    ({"kind": "head", "post": "P999", "time": "08:10:00"}, "post", "not a post"),
    ({"kind": "head", "post": ["P001"], "time": "08:10:00"}, "post", "not a post"),
    ({"kind": "head", "km": 2, "post": "P003", "time": "08:10:00"}, "post", "either km or post"),
    ({"kind": "resume", "km": 2, "time": "08:10:00"}, "km", "resumes where it paused"),
    ({"kind": "resume", "time": "08:10:00"}, "kind", "no pause to resume"),
    ({"kind": "head", "km": 2, "time": "08:10:00", "by": "me"}, "by", "not a report field"),
    ([1, 2], "body", "JSON object"),
    ("head", "body", "JSON object"),
]


@pytest.mark.parametrize(("body", "field", "reason"), BAD)
def test_invalid_reports_get_422_naming_the_field(server: LiveServer, body: Any, field: str, reason: str) -> None:
    before = _count(server)
    r = server.report(body)
    assert r.status_code == 422, r.text
    (detail,) = r.json()["detail"]
    assert detail["field"] == field and reason in detail["reason_en"], detail
    # Vietnamese first: the reason the views show is the Vietnamese one unless the view asks for English
    assert detail["reason"] == detail["reason_vi"] and detail["reason_vi"] != detail["reason_en"], detail
    english = httpx.post(
        server.base + "/api/reports", json=body, headers=server.headers() | {"Accept-Language": "en"}, timeout=10
    )
    # a reason may quote the server's clock ("after now, 09:30:08"): it can tick between the two requests
    assert _no_clock(english.json()["detail"][0]["reason"]) == _no_clock(detail["reason_en"])
    assert _count(server) == before


def _no_clock(text: str) -> str:
    """``text`` with its clock readings (HH:MM or HH:MM:SS) taken out."""
    return re.sub(r"\d{1,2}:\d{2}(:\d{2})?", "HH:MM", text)


def test_hostile_and_huge_bodies_are_refused(server: LiveServer) -> None:
    before = _count(server)
    h = server.headers() | {"Content-Type": "application/json"}
    url = server.base + "/api/reports"
    assert httpx.post(url, content=b"[" * 1000 + b"]" * 1000, headers=h).status_code == 422  # deep, small
    assert httpx.post(url, content=b"[" * 2000 + b"]" * 2000, headers=h).status_code == 413
    assert httpx.post(url, content=b'{"kind": "head", "km": NaN, "time": "08:00:00"}', headers=h).status_code == 422
    assert httpx.post(url, content=b"\xff\xfe junk", headers=h).status_code == 422
    assert httpx.post(url, content=b'{"kind": "head"', headers=h).status_code == 422
    for half in (b'{"kind": "he\\ud800ad"}', b'{"kind\\udc00": 1}'):  # valid JSON, no text: never a 500
        refused = httpx.post(url, content=half, headers=h)
        assert refused.status_code == 422 and "văn bản" in refused.json()["detail"][0]["reason_vi"], refused.text
    assert (
        httpx.post(
            url,
            content=b'{"kind": "head", "km": 1, "time": "08:00:00"}',
            headers=server.headers() | {"Content-Type": "text/plain"},
        ).status_code
        == 415
    )
    big = b'{"kind": "head", "km": 1, "time": "08:00:00", "x": "' + b"a" * 10_000_000 + b'"}'
    assert httpx.post(url, content=big, headers=h, timeout=30).status_code == 413

    def chunks() -> Any:  # no Content-Length: the body is cut off as it streams
        for _ in range(1000):
            yield b" " * 1000

    assert httpx.post(url, content=chunks(), headers=h, timeout=30).status_code == 413
    assert _count(server) == before
    assert server.get("/api/state").status_code == 200  # still serving


def test_a_report_is_stored_and_answered_201(server: LiveServer) -> None:
    r = server.report({"kind": "tail", "km": 0.5, "time": "08:03:00"})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["kind"] == "tail" and body["km"] == 0.5 and body["time"] == "08:03:00" and body["post"] is None
    assert body["received"].startswith("2023-10-02T09:3") and body["received"].endswith("+07:00")
    assert body in server.police()["reports"]
    post = next(p for p in server.police()["posts"] if len(p["km"]) == 1 and 0 < p["km"][0] < 5)
    by_post = server.report({"kind": "tail", "post": post["id"], "time": "08:02:00"})  # before km 0.5
    assert by_post.status_code == 201 and by_post.json()["post"] == post["id"]
    assert by_post.json()["km"] == post["km"][0]
    assert server.get("/api/state").json()["updated"].endswith("+07:00")  # the event's time zone


def test_concurrent_reports_are_serialised(server: LiveServer) -> None:
    before = _count(server)
    results: list[httpx.Response] = []
    lock = threading.Lock()
    start = threading.Barrier(16)

    def send(i: int, body: dict[str, Any]) -> None:
        start.wait()
        r = server.report(body)
        with lock:
            results.append(r)

    # eight tail reports and eight pauses at the same moment: every tail is stored, only one pause can be
    bodies = [{"kind": "tail", "km": 0.1 + i / 100, "time": hms(seconds("08:02:00") + i)} for i in range(8)]
    bodies += [{"kind": "pause", "time": "09:29:00"} for _ in range(8)]
    threads = [threading.Thread(target=send, args=(i, b)) for i, b in enumerate(bodies)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    codes = sorted(r.status_code for r in results)
    assert codes == [201] * 9 + [422] * 7, codes
    assert all("already paused" in r.json()["detail"][0]["reason_en"] for r in results if r.status_code == 422)
    seqs = [r.json()["seq"] for r in results if r.status_code == 201]
    assert len(set(seqs)) == 9
    reports = server.police()["reports"]
    assert len(reports) == before + 9
    assert [x["seq"] for x in reports] == sorted(x["seq"] for x in reports)
    assert server.police()["paused"]
    assert server.report({"kind": "resume", "time": "09:29:30"}).status_code == 201
    assert not server.police()["paused"]


def test_public_state_and_pages_name_no_unit_and_no_token(server: LiveServer) -> None:
    units = [u["id"] for u in server.police()["units"]]
    assert len(units) > 20
    texts = [server.get(p, auth=False).text for p in ("/api/state", "/api/route", "/", "/control", "/unit/mo-to-01")]
    for text in texts:
        assert TOKEN not in text
        for tok in (unit_token(TOKEN, u) for u in units):
            assert tok not in text
    for text in texts[:3]:
        for unit in units:
            assert not re.search(rf"(?<![\w-]){re.escape(unit)}(?![\w-])", text), unit
    public = server.get("/api/state", auth=False).json()
    assert set(public) >= {"head", "tail", "closures", "updated"}
    assert set(public["closures"][0]) >= {"post", "street", "close", "reopen"}
    assert "units" not in public and "reserves" not in public and "reports" not in public


def test_pages_load_nothing_from_the_network(server: LiveServer) -> None:
    for path in ("/", "/control", "/unit/x"):
        page = server.get(path, auth=False)
        assert page.headers["content-security-policy"].startswith("default-src 'none'")
        srcs = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        assert srcs and all(s.startswith("/static/") for s in srcs), srcs
        for src in srcs:
            assert server.get(src, auth=False).status_code == 200
    route = server.get("/api/route", auth=False).json()
    assert len(route["stretches"]) == 16 and route["attribution"].startswith("© OpenStreetMap contributors")
    assert sum(len(lines) for _, lines in route["basemap"]) > 1000  # the plan's streets, drawn offline
    js = server.get("/static/leaflet.js", auth=False).text
    assert "Leaflet" in js and len(js) > 100_000
    assert server.get("/static/../schedule.json", auth=False).status_code == 404
    assert server.get("/static/live.sqlite", auth=False).status_code == 404


def test_restart_keeps_every_report(tmp_path: Path) -> None:
    out = fresh_folder(tmp_path)
    with LiveServer(out, rehearse="09:00:00") as first:
        r = first.report({"kind": "head", "post": "P008", "time": "08:47:43"})
        assert r.status_code == 201
        shifted = {p["id"]: p["close"] for p in first.police()["posts"]}
        assert first.stop() == 0
    assert sorted(p.name for p in out.glob("live.sqlite*")) == ["live.sqlite"]  # one file once stopped
    with sqlite3.connect(out / "live.sqlite") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("SELECT kind, post, time_s FROM reports").fetchall() == [("head", "P008", 31663)]
    with LiveServer(out, rehearse="09:00:00") as again:
        state = again.police()
        assert [(x["kind"], x["post"], x["time"]) for x in state["reports"]] == [("head", "P008", "08:47:43")]
        assert {p["id"]: p["close"] for p in state["posts"]} == shifted
        assert "1 báo cáo trong" in again.output()


def test_a_generated_token_is_printed_once_and_never_in_a_public_page(tmp_path: Path) -> None:
    with LiveServer(fresh_folder(tmp_path), token=None) as s:
        assert len(s.token) >= 24
        assert s.output().count(s.token) == 1
        assert s.get("/api/police/state").status_code == 200
        for path in ("/", "/api/state", "/api/route", "/control"):
            assert s.token not in s.get(path, auth=False).text


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120)


@pytest.mark.usefixtures("english")  # matches the English message
def test_a_missing_or_broken_folder_is_refused_with_one_message(tmp_path: Path) -> None:
    r = _cli("live", str(tmp_path / "nowhere"))
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert str(tmp_path / "nowhere") in r.stderr and "paradeplan plan" in r.stderr
    out = fresh_folder(tmp_path)
    (out / "posts.json").unlink()
    r = _cli("live", str(out))
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "posts.json: is missing" in r.stderr
    (out / "posts.json").write_bytes((planned() / "posts.json").read_bytes())
    (out / "schedule.json").write_text('{"format": "paradeplan.schedule/1"', encoding="utf-8")
    r = _cli("live", str(out))
    assert r.returncode == 2 and "schedule.json:1:" in r.stderr and "Traceback" not in r.stderr
    r = _cli("live", str(planned()), "--token", "short")
    assert r.returncode == 2 and "--token" in r.stderr
    r = _cli("live", str(planned()), "--rehearse", "25:00")
    assert r.returncode == 2 and "--rehearse" in r.stderr


@pytest.mark.usefixtures("english")  # matches the English message
def test_a_store_of_another_schedule_is_refused(tmp_path: Path) -> None:
    out = fresh_folder(tmp_path)
    with LiveServer(out) as s:
        assert s.report({"kind": "tail", "km": 0.2, "time": "08:02:00"}).status_code == 201
    schedule = (out / "schedule.json").read_text(encoding="utf-8")
    (out / "schedule.json").write_text(
        schedule.replace('"uturn_extra_s": 402', '"uturn_extra_s": 403'), encoding="utf-8"
    )
    r = _cli("live", str(out), "--port", str(free_port()))
    assert r.returncode == 2 and "live.sqlite: holds the reports of another schedule" in r.stderr


def test_one_truth_for_times_the_run_sheets_and_the_unit_views(tmp_path: Path) -> None:
    """Issue 27: the plan book and run-sheets (``render.common.run_rows``) and every unit's live view give the
    same three times (be there at, hold from, leave at) under the same words, for posts and reserves alike."""
    from paradeplan.render.common import run_rows
    from paradeplan.render.i18n import t

    out = fresh_folder(tmp_path)
    schedule = from_json(read_json_file(out / "schedule.json"))
    from paradeplan.live.labels import labels_json

    words = json.loads(labels_json())  # what every live page carries: the views' words, from the catalogue
    for key, label in (("be_there", "arrive_by"), ("hold_from", "hold_from"), ("may_leave", "release_at")):
        assert words["vi"][key] == t(label, "vi") and words["en"][key] == t(label, "en"), key
    checked = reserves = 0
    with LiveServer(out, rehearse="06:00:00") as s:
        for unit in schedule.units:
            rows = [r for r in run_rows(schedule, unit, "vi") if r.what == unit.runs[0].post] if unit.runs else []
            data = s.get(f"/api/units/{unit.unit}/state").json()
            if unit.runs:
                first = data["runs"][0]
                row = rows[0]
                assert (first["arrive_at"][:5], first["hold_from"][:5], first["leave_at"][:5]) == (
                    row.arrive,
                    row.hold_from,
                    row.release_at,
                ), unit.unit
                checked += 1
            elif data["station"] is not None:
                (row,) = [r for r in run_rows(schedule, unit, "vi") if r.place == data["station"]["name"]]
                station = data["station"]
                assert (station["arrive_at"][:5], station["hold_from"][:5], station["leave_at"][:5]) == (
                    row.arrive,
                    row.hold_from,
                    row.release_at,
                ), unit.unit
                assert row.arrive_s is not None and row.hold_from_s is not None and row.arrive_s <= row.hold_from_s
                reserves += 1
    assert checked >= 10 and reserves >= 1
