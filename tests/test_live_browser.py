"""The live views in headless Chromium on the real server: report round trip, public head, no unit ids, escaping."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from browser import ARGS, CHROMIUM
from live_support import TOKEN, LiveServer, fresh_folder, hms
from paradeplan.live.server import unit_token
from paradeplan.parade.schedule_json import from_json
from paradeplan.posts.instance import read_json_file

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"

if shutil.which("chromium") is None and not Path(CHROMIUM).exists():
    pytest.skip("Chromium is not installed (tools/test.sh installs it)", allow_module_level=True)


class Session:
    """One Chromium page; every request that is not to the server is blocked and recorded."""

    def __init__(self, page: Any, blocked: list[str], errors: list[str], dialogs: list[str]) -> None:
        self.page = page
        self.blocked = blocked
        self.errors = errors
        self.dialogs = dialogs


@contextmanager
def chromium(size: tuple[int, int] = (1500, 950)) -> Iterator[Session]:
    import tempfile

    from playwright.sync_api import sync_playwright

    blocked: list[str] = []
    errors: list[str] = []
    dialogs: list[str] = []
    with tempfile.TemporaryDirectory(prefix="pp-chrome-") as profile, sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=ARGS, headless=True, viewport={"width": size[0], "height": size[1]}
        )
        try:

            def route(r: Any) -> None:
                if r.request.url.startswith("http://127.0.0.1:"):
                    r.continue_()
                else:
                    blocked.append(r.request.url)
                    r.abort()

            ctx.route("**/*", route)
            page = ctx.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            # refusals the test asks for (401/403/422) show up as failed loads: not errors of the page
            page.on(
                "console",
                lambda m: (
                    errors.append(m.text)
                    if m.type == "error" and "the server responded with a status of 4" not in m.text
                    else None
                ),
            )

            def dialog(d: Any) -> None:
                dialogs.append(d.message)
                d.dismiss()

            page.on("dialog", dialog)
            yield Session(page, blocked, errors, dialogs)
        finally:
            ctx.close()


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, Any]]:
    out = fresh_folder(tmp_path_factory.mktemp("live-browser"))
    schedule = from_json(read_json_file(out / "schedule.json"))
    junction = next(
        p
        for p in sorted(schedule.posts, key=lambda p: p.passages[0].at_m)
        if p.kind == "junction" and len(p.passages) == 1 and p.passages[0].at_m > 8000
    )
    with LiveServer(out, rehearse=hms(junction.passages[0].head_s + 660)) as server:
        yield server, junction


def test_control_report_round_trip(scene: tuple[LiveServer, Any]) -> None:
    server, junction = scene
    later = {p["id"] for p in server.police()["posts"] if p["km"][0] > junction.passages[0].at_m / 1000}
    with chromium() as s:
        s.page.goto(f"{server.base}/control#token={TOKEN}")
        s.page.wait_for_selector("#posts-table tr[data-post]")
        assert TOKEN not in s.page.url  # the token leaves the address bar
        s.page.select_option("#r-kind", "head")
        s.page.select_option("#r-where", "post")
        s.page.select_option("#r-post", junction.id)
        s.page.fill("#r-time", hms(junction.passages[0].head_s + 600))
        s.page.click("#r-send")
        s.page.wait_for_selector("#r-result.pp-ok")
        result = s.page.inner_text("#r-result")
        assert "#1" in result and junction.id in result
        s.page.wait_for_function("() => document.querySelectorAll('#posts-table td.pp-moved').length > 0")
        moved = s.page.eval_on_selector_all(
            "#posts-table tr[data-post]",
            "rows => rows.filter(r => r.querySelector('td.pp-moved')).map(r => r.dataset.post)",
        )
        assert set(moved) == later | {junction.id}
        row = s.page.inner_text(f"#posts-table tr[data-post='{junction.id}']")
        assert "+10" in row
        s.page.wait_for_function("() => document.querySelector('#reports-list li') !== null")
        assert hms(junction.passages[0].head_s + 600) in s.page.inner_text("#reports-list")
        # a refused report says which field and why
        s.page.select_option("#r-kind", "resume")
        s.page.click("#r-send")
        s.page.wait_for_selector("#r-result.pp-warn")
        assert "kind" in s.page.inner_text("#r-result") and "422" in s.page.inner_text("#r-result")
        ARTIFACTS.mkdir(exist_ok=True)
        s.page.screenshot(path=str(ARTIFACTS / "live-control.png"), full_page=False)
        assert not s.blocked and not s.errors and not s.dialogs
    reports = server.police()["reports"]
    assert [(r["kind"], r["post"]) for r in reports] == [("head", junction.id)]


def test_control_asks_for_the_token(scene: tuple[LiveServer, Any]) -> None:
    server, _ = scene
    with chromium() as s:
        s.page.goto(f"{server.base}/control#token=wrong-token-wrong-token")
        s.page.wait_for_selector("#token-form .pp-warn")
        s.page.fill("#token", TOKEN)
        # the page keeps polling with the wrong token while the user types: a refused poll must not wipe the input
        with s.page.expect_response(lambda r: "/api/police/state" in r.url and r.status in (401, 403), timeout=30_000):
            pass
        assert s.page.input_value("#token") == TOKEN
        s.page.click("#token-form button")
        s.page.wait_for_selector("#posts-table tr[data-post]")
        assert not s.errors


def test_public_page_shows_the_head_and_no_unit(scene: tuple[LiveServer, Any]) -> None:
    server, junction = scene
    police = server.police()
    units = [u["id"] for u in police["units"]] + [u["name"] for u in police["units"]]
    with chromium() as s:
        s.page.goto(server.base + "/")
        s.page.wait_for_function(
            "() => document.querySelector('#column') !== null && "
            "document.querySelector('#column').textContent.includes('km')"
        )
        # the rehearsal clock runs: the head moves between the page's poll and ours, so read the API before and after
        before = server.get("/api/state", auth=False).json()["head"]["km"]
        column = s.page.inner_text("#column")
        after = server.get("/api/state", auth=False).json()["head"]["km"]
        shown = re.search(r"Đầu đoàn: km (\d+),(\d)\b", column)  # "km 12,3": the Vietnamese way
        assert shown, column
        km = float(f"{shown[1]}.{shown[2]}")
        assert min(before, after) - 0.15 <= km <= max(before, after) + 0.05, (before, column, after)
        # the head's marker is drawn where the API says
        pos = s.page.evaluate("""() => { const out = []; document.querySelectorAll('path.leaflet-interactive')
            .forEach(p => { if (p.getAttribute('fill') === PP.colours.head) out.push(p.getAttribute('d')); });
            return out.length; }""")
        assert pos >= 1
        s.page.wait_for_selector("#junctions tr td")
        html = s.page.content()
        text = s.page.inner_text("body")
        for u in units:
            assert u not in html, u
        assert TOKEN not in html
        assert "Đang cấm" in text  # closed now, in Vietnamese first
        s.page.click("#pp-lang")
        s.page.wait_for_function("() => document.body.innerText.includes('Closed now')")
        ARTIFACTS.mkdir(exist_ok=True)
        s.page.screenshot(path=str(ARTIFACTS / "live-public.png"))
        assert not s.blocked and not s.errors


def test_unit_view_on_a_phone(scene: tuple[LiveServer, Any]) -> None:
    server, _ = scene
    unit = next(u for u in server.police()["units"] if u["next"] is not None)
    with chromium(size=(390, 844)) as s:
        s.page.goto(f"{server.base}{unit['link']}")
        s.page.wait_for_selector("#next .pp-post")
        assert s.page.evaluate("document.documentElement.lang") == "vi"
        text = s.page.inner_text("#next")
        assert "Có mặt lúc" in text and "Bắt đầu giữ" in text and "Được rời lúc" in text  # the run-sheet's words
        who = s.page.inner_text(".pp-who")
        assert unit["name"] in who and unit["id"] not in s.page.inner_text("body"), who  # its name, never its id
        assert unit["next"]["post"] in s.page.inner_text("#next .pp-post")
        assert unit["next"]["hold_from"][:5] in text and unit["next"]["arrive_at"][:5] in text
        assert s.page.evaluate("document.documentElement.scrollWidth") <= 390  # fits the phone
        s.page.click("#pp-lang")
        s.page.wait_for_function("() => document.querySelector('#next').innerText.includes('Hold from')")
        ARTIFACTS.mkdir(exist_ok=True)
        s.page.screenshot(path=str(ARTIFACTS / "live-unit.png"), full_page=True)
        assert not s.blocked and not s.errors
    with chromium(size=(390, 844)) as s:
        s.page.goto(f"{server.base}/unit/{unit['id']}#token={unit_token('another-token-xxxxxxxx', unit['id'])}")
        s.page.wait_for_selector(".pp-warn")


HOSTILE = "<img src=x onerror=alert(1)><script>alert(2)</script>\"'&"
STYLE = "<style>body{background:yellow}</style>"
#: Opens every tooltip of the map (hover each interactive layer): its content goes in as text or as markup.
HOVER_ALL = """() => { document.querySelectorAll('.leaflet-interactive').forEach(el => {
    el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
    el.dispatchEvent(new MouseEvent('mouseout', {bubbles: true})); }); }"""
HOVER_EACH = """() => { const texts = []; document.querySelectorAll('.leaflet-interactive').forEach(el => {
    el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
    document.querySelectorAll('.leaflet-tooltip').forEach(t => texts.push(t.textContent));
    el.dispatchEvent(new MouseEvent('mouseout', {bubbles: true})); }); return texts; }"""


def test_names_from_the_plan_are_shown_as_text(tmp_path: Path) -> None:
    out = fresh_folder(tmp_path)
    data = json.loads((out / "schedule.json").read_text(encoding="utf-8"))
    data["event"]["name"] = "Event " + HOSTILE
    data["posts"][3]["name"] = "Post " + HOSTILE
    data["closures"]["stretches"][0]["street"] = "Street " + HOSTILE
    data["closures"]["posts"][0]["street"] = "Junction " + HOSTILE
    data["attribution"] = "© OpenStreetMap contributors " + STYLE
    data["closures"]["stretches"][1]["street"] = "Street " + STYLE
    data["posts"][4]["name"] = "Post " + STYLE
    for u in data["units"]:
        if u.get("station"):
            u["station"]["name"] = "Station " + STYLE + HOSTILE
    route = json.loads((out / "route.geojson").read_text(encoding="utf-8"))
    for f in route["features"]:
        if f["geometry"]["type"] == "Point":
            f["properties"]["name"] = "Place " + STYLE
    (out / "route.geojson").write_text(json.dumps(route, ensure_ascii=False), encoding="utf-8")
    # a float: its own name is what every view shows (a numbered police unit shows as "Mô tô CSGT 04")
    unit = next(u["unit"] for u in data["units"] if u["kind"] == "flower_float")
    for u in data["units"]:
        if u["unit"] == unit:
            u["name"] = "Unit " + HOSTILE
    (out / "schedule.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with LiveServer(out, rehearse="08:20:00") as server, chromium() as s:
        for url, probe, shown in (
            (f"{server.base}/control#token={TOKEN}", "#posts-table tr[data-post]", "Post "),
            (server.base + "/", "#junctions tr td", "Junction "),
            (f"{server.base}/unit/{unit}#token={unit_token(TOKEN, unit)}", "#unit-name", "Unit "),
        ):
            s.page.goto(url)
            s.page.wait_for_selector(probe)
            s.page.wait_for_timeout(300)
            assert s.page.evaluate("document.querySelectorAll('img, body script:not([src])').length") == 0
            assert shown + HOSTILE in s.page.inner_text("body"), url
            if "unit" not in url:  # the maps: every tooltip and the attribution are text
                tips = s.page.evaluate(HOVER_EACH)
                assert any("Place " + STYLE in t for t in tips), tips[:5]
                assert any("Street " + STYLE in t for t in tips), tips[:5]
                if "control" in url:
                    assert any("Post " + STYLE in t for t in tips) and any("Station " + STYLE in t for t in tips)
                assert STYLE in s.page.inner_text(".leaflet-control-attribution")
                assert s.page.evaluate("document.querySelectorAll('style, img').length") == 0
                assert s.page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 255, 0)"
        assert s.page.title() == "Event " + HOSTILE
        assert not s.dialogs and not s.blocked


def _send(page: Any, post: str, time_s: int) -> None:
    page.select_option("#r-kind", "head")
    page.select_option("#r-where", "post")
    page.select_option("#r-post", post)
    page.fill("#r-time", hms(time_s))
    page.click("#r-send")


def test_control_undo_withdraw_and_confirm(tmp_path: Path) -> None:
    out = fresh_folder(tmp_path)
    schedule = from_json(read_json_file(out / "schedule.json"))
    junction = next(
        p
        for p in sorted(schedule.posts, key=lambda p: p.passages[0].at_m)
        if p.kind == "junction" and len(p.passages) == 1 and p.passages[0].at_m > 8000
    )
    seen = junction.passages[0].head_s
    moved = "() => document.querySelectorAll('#posts-table td.pp-moved').length"
    with LiveServer(out, rehearse=hms(seen + 1800)) as server, chromium() as s:
        s.page.goto(f"{server.base}/control#token={TOKEN}")
        s.page.wait_for_selector("#posts-table tr[data-post]")
        assert s.page.input_value("#r-post") == ""  # no post chosen for the user
        s.page.click("#r-send")  # sending without choosing says what is missing, stores nothing
        s.page.wait_for_selector("#r-result.pp-warn")
        assert server.police()["reports"] == []
        _send(s.page, junction.id, seen + 600)
        s.page.wait_for_selector("#r-result.pp-ok")
        s.page.wait_for_function(moved + " > 0")
        s.page.click("#r-undo")  # undo the last report
        s.page.wait_for_function("() => document.querySelector('#r-result').innerText.includes('Đã rút báo cáo #1')")
        s.page.wait_for_function(moved + " === 0")
        assert server.police()["reports"] == []
        # 25 minutes late: held, said why, sent again once confirmed
        _send(s.page, junction.id, seen + 1500)
        s.page.wait_for_selector("#r-confirm")
        assert "Cần xác nhận" in s.page.inner_text("#r-result") and "25 phút" in s.page.inner_text("#r-result")
        assert server.police()["reports"] == []
        s.page.click("#r-confirm")
        s.page.wait_for_selector("#r-result.pp-ok")
        s.page.wait_for_selector("#withdraw-2")
        s.page.wait_for_function(moved + " > 0")
        s.page.click("#withdraw-2")  # the withdraw button of that report
        s.page.wait_for_function(moved + " === 0")
        s.page.wait_for_function("() => document.querySelectorAll('#audit-log li').length === 4")
        log = s.page.inner_text("#audit-log")
        assert "Phòng điều hành rút #2" in log and "Phòng điều hành gửi #2" in log  # who, in words
        assert not s.errors and not s.dialogs and not s.blocked


def test_a_dead_server_shows_as_stale_on_every_view(tmp_path: Path) -> None:
    out = fresh_folder(tmp_path)
    server = LiveServer(out, rehearse="08:20:00")
    unit = next(u for u in server.police()["units"] if u["next"] is not None)
    try:
        with chromium() as s:
            pages = {
                "control": (f"{server.base}/control#token={TOKEN}", "#posts-table tr[data-post]"),
                "unit": (f"{server.base}{unit['link']}", "#next .pp-post"),
                "public": (server.base + "/", "#junctions tr td"),
            }
            opened = {}
            for name, (url, probe) in pages.items():
                page = s.page if name == "control" else s.page.context.new_page()
                page.on("pageerror", lambda e: s.errors.append(str(e)))
                page.goto(url)
                page.wait_for_selector(probe)
                assert page.query_selector("#pp-stale") is None
                opened[name] = page
            server.proc.kill()  # the server dies
            server.proc.wait()
            control = opened["control"]
            _send(control, "P010", 8 * 3600 + 1000)
            control.wait_for_selector("#r-result.pp-warn")
            result = control.inner_text("#r-result")
            assert "CHƯA được lưu" in result and "mất kết nối" in result
            assert control.query_selector(".pp-ok") is None
            for name, page in opened.items():
                page.wait_for_selector("#pp-stale", timeout=20000)
                text = page.inner_text("#pp-stale")
                assert text.startswith("mất kết nối — số liệu lúc 08:2"), (name, text)
            ARTIFACTS.mkdir(exist_ok=True)
            opened["unit"].screenshot(path=str(ARTIFACTS / "live-unit-stale.png"))
            assert not [e for e in s.errors if "Failed to load resource" not in e], s.errors
            assert not s.blocked
    finally:
        server.stop()
        server.log.close()


def test_control_view_names_units_not_ids(scene: tuple[LiveServer, Any]) -> None:
    """The control room reads units by their display names ("Mô tô CSGT 01", "Xe CSGT mở đường 01") in every
    table and proposal, the log says who in words; the ids ("mo-to-01") stay in data attributes and links."""
    server, junction = scene
    police = server.police()
    ids = {u["id"] for u in police["units"]} | {r["unit"] for r in police["reserves"]}
    unit = next(u for u in police["units"] if u["next"] is not None)
    body = {"kind": "tail", "post": junction.id, "time": hms(junction.passages[0].tail_s + 600)}
    assert server.report(body).status_code == 201, server.report(body).text
    with chromium() as s:
        s.page.goto(f"{server.base}/control#token={TOKEN}")
        s.page.wait_for_selector("#units-table tr[data-unit]")
        s.page.wait_for_selector("#audit-log li")
        text = s.page.inner_text("body")
        shown = [i for i in sorted(ids) if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)]
        assert not shown, shown
        assert "Mô tô CSGT 01" in text and "Xe CSGT mở đường 01" in text
        assert "Phòng điều hành gửi" in s.page.inner_text("#audit-log")  # who, in words: not "control"
        assert unit["name"] in s.page.inner_text("#units-table")
        assert s.page.eval_on_selector_all("#units-table tr[data-unit]", "rows => rows.length") == len(police["units"])
        assert not s.errors and not s.blocked
