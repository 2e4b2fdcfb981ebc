"""Tests of the human-facing outputs: every file opens with its own library, lists every unit, is deterministic."""

from __future__ import annotations

import copy
import csv
import html
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from paradeplan.parade.schedule import ParadeSchedule
from paradeplan.render import write_outputs
from paradeplan.render.common import unit_label
from paradeplan.render.i18n import official_date, official_datetime, official_time, street_phrase
from paradeplan.render.planbook import planbook_html
from paradeplan.render.safe import neutralise
from paradeplan.render.sheets import closures_csv_text
from paradeplan.route.model import Route
from pipeline import demo

Inputs = tuple[ParadeSchedule, Route]

EXPECTED = {"index.html", "runsheets.xlsx", "closures.csv", "calendar.ics", "route.gpx", "route.kml", "ke-hoach.docx"}
HOSTILE = ['=HYPERLINK("http://x")', "+1", "-1+2", "@SUM(A1)", '<script>alert(1)</script> & "q"']


@pytest.fixture(scope="session")
def inputs() -> Inputs:
    """The demo parade's checked schedule and route, from the real pipeline."""
    po, _ = demo()
    return po.schedule, po.route


@pytest.fixture(scope="session")
def rendered(inputs: Inputs, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    folder = tmp_path_factory.mktemp("render")
    schedule, route = inputs
    return folder, write_outputs(folder, schedule, route, None, lang="vi")


def _unit_ids(schedule: ParadeSchedule) -> list[str]:
    return [u.unit for u in schedule.units]


def test_every_file_written(rendered: tuple[Path, list[str]], inputs: Inputs) -> None:
    folder, files = rendered
    assert set(files) >= EXPECTED
    assert files == sorted(files)
    for f in files:
        assert (folder / f).is_file() and (folder / f).stat().st_size > 0
    cal = {f for f in files if f.startswith("calendars/")}
    assert len(cal) == len(inputs[0].units)


def test_runsheets_xlsx(rendered: tuple[Path, list[str]], inputs: Inputs) -> None:
    import openpyxl

    schedule = inputs[0]
    wb = openpyxl.load_workbook(rendered[0] / "runsheets.xlsx")
    assert wb.sheetnames == ["Tổng quan", "Xe CSGT", "Xe mô tô", "Xe hoa", "Khác", "Rào chắn"]
    overview = {str(c.value) for row in wb["Tổng quan"].iter_rows() for c in row if c.value is not None}
    group_cells = {
        str(c.value) for ws in wb.worksheets[1:] for row in ws.iter_rows(min_row=2) for c in row if c.value is not None
    }
    for uid in _unit_ids(schedule):
        assert uid in overview and uid in group_cells
    ws = wb["Xe mô tô"]
    assert ws.freeze_panes == "A2"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$1:$1"
    assert wb.properties.creator == "paradeplan"
    assert wb.properties.created.date() == schedule.parade.date


def test_closures_csv(rendered: tuple[Path, list[str]], inputs: Inputs) -> None:
    schedule = inputs[0]
    raw = (rendered[0] / "closures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == [
        "điểm",
        "loại",
        "tuyến đường",
        "đường giao cắt",
        "vĩ độ",
        "kinh độ",
        "bắt đầu cấm",
        "thông đường",
        "lực lượng",
    ]
    points = schedule.traffic.points or schedule.closures.posts
    assert len(rows) == len(points) + 1
    assert [r[6] for r in rows[1:]] == sorted(r[6] for r in rows[1:])
    if schedule.traffic.points:  # every closure point: police posts and barrier points with their marshals
        assert {r[1] for r in rows[1:]} == {"chốt CSGT", "rào chắn"}
        held = {u for p in schedule.traffic.points for u in p.held_by}
    else:
        held = {u for p in schedule.closures.posts for u in p.units}
    assert held == {u for r in rows[1:] for u in r[8].split("; ") if u}
    en = list(csv.reader(io.StringIO(closures_csv_text(schedule, lang="en"))))
    assert en[0] == ["point", "kind", "street", "cross street", "lat", "lon", "close", "reopen", "units"]


def test_calendars(rendered: tuple[Path, list[str]], inputs: Inputs) -> None:
    from icalendar import Calendar

    folder, files = rendered
    combined = Calendar.from_ical((folder / "calendar.ics").read_bytes())
    assert combined.walk("VTIMEZONE")[0]["TZID"] == "Asia/Ho_Chi_Minh"
    text = (folder / "calendar.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    for u in inputs[0].units:  # people, not ids: every unit by its display name
        assert unit_label(u) in text
    for f in files:
        if not f.startswith("calendars/"):
            continue
        cal = Calendar.from_ical((folder / f).read_bytes())
        events = cal.walk("VEVENT")
        assert events, f
        starts = [ev.decoded("dtstart") for ev in events]
        assert starts == sorted(starts)
        for ev in events:
            assert str(ev.decoded("dtstart").tzinfo) == "Asia/Ho_Chi_Minh"
            assert ev.decoded("dtstamp").date() == inputs[0].parade.date
            assert ev.get("location")
            assert "openstreetmap.org" in str(ev.get("url", "")) or ev.get("geo") is None
        uids = [str(ev["uid"]) for ev in events]
        assert len(set(uids)) == len(uids)


def test_gpx_and_kml(rendered: tuple[Path, list[str]], inputs: Inputs) -> None:
    import gpxpy

    route = inputs[1]
    lines = route.stretches
    uturns = route.uturns
    gpx = gpxpy.parse((rendered[0] / "route.gpx").read_text(encoding="utf-8"))
    assert len(gpx.tracks) == 1 and len(gpx.tracks[0].segments) == len(lines)
    assert sum(1 for w in gpx.waypoints if w.type == "uturn") == len(uturns)
    assert gpx.copyright_author == "OpenStreetMap contributors"
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    root = ET.parse(rendered[0] / "route.kml").getroot()
    assert len(root.findall(".//k:LineString", ns)) == len(lines)
    names = [n.text or "" for n in root.findall(".//k:Placemark/k:name", ns)]
    assert sum(1 for n in names if n.startswith("Quay đầu")) == len(uturns)
    assert "OpenStreetMap" in (root.find("k:Document/k:description", ns).text or "")  # type: ignore[union-attr]


def test_docx(rendered: tuple[Path, list[str]], inputs: Inputs) -> None:
    import docx

    d = docx.Document(str(rendered[0] / "ke-hoach.docx"))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "Lộ trình điều hành: " in text and " → " in text and "(kết thúc" in text
    assert "Bảng phân công lực lượng" in text
    assert "7 giờ 30 phút, ngày 02 tháng 10 năm 2023" in text or "ngày " in text
    table_text = "\n".join(c.text for row in d.tables[0].rows for c in row.cells)
    for u in inputs[0].units:
        assert unit_label(u) in table_text and f"\n{u.unit}\n" not in table_text
    assert d.styles["Normal"].font.name == "Times New Roman"
    assert d.core_properties.author == "paradeplan"


def test_planbook(rendered: tuple[Path, list[str]], inputs: Inputs) -> None:
    schedule, route = inputs
    page = (rendered[0] / "index.html").read_text(encoding="utf-8")
    day = official_date(schedule.parade.date, "vi")
    assert day.startswith("ngày ") and day in page
    assert official_datetime(schedule.parade.date, schedule.parade.assembly.time_s) in page
    for href in (
        "map.html",
        "map-public.html",
        "runsheets.xlsx",
        "closures.csv",
        "calendar.ics",
        "route.gpx",
        "route.kml",
        "ke-hoach.docx",
    ):
        assert f'href="{href}"' in page
    for uid in _unit_ids(schedule):
        assert f'id="unit-{uid}"' in page
    assert "© OpenStreetMap contributors" in page and "<script" not in page and "@page" in page
    assert "<svg" in page and "size: A4" in page
    en = planbook_html(schedule, route, None, lang="en")
    assert 'lang="en"' in en and "Plan book" in en and "Column line-up" in en


def test_planbook_parade_ceremonies_and_week(inputs: Inputs) -> None:
    from paradeplan.app import run_ceremonies, run_week
    from paradeplan.plan.planfile import load_plan

    schedule, route = inputs
    data = Path(__file__).resolve().parents[1] / "data"
    cer = run_ceremonies(load_plan(data / "bachsam-2024" / "plan.yaml"), "vi").book
    week = run_week(load_plan(data / "quan12-2023-week" / "plan.yaml"), "vi").book
    page = planbook_html(schedule, route, None, ceremonies=cer, week=week, files=["ceremonies/map.html"])
    assert re.findall(r"<h2[^>]*>(.*?)</h2>", page) == [
        "Việc còn phải xác định",  # first, before the summary
        "I. Tóm tắt",
        "II. Lộ trình điều hành",
        "III. Phân luồng, tạm cấm đường",
        "IV. Thứ tự đoàn xe",
        "V. Phiếu nhiệm vụ từng xe",
        "VI. Lễ khai mạc, ra quân",
        "VII. Lịch trình từng đại biểu",
        "VIII. Lịch tuần",
        "Phụ lục",
        "Phụ lục A. Các đoạn đường tạm cấm",
        "Phụ lục B. Điểm rào chắn và người giữ",
        "Tệp đính kèm",
    ]
    assert 'href="map.html"' in page and 'href="ceremonies/map.html">Bản đồ địa điểm lễ<' in page
    for person in cer["people"]:
        assert f'id="person-{person["id"]}"' in page
    for r in week["rounds"]:
        assert f'{r["start"][11:16]}–{r["end"][11:16]}</td><td class="">{r["name"]}<' in page


def test_deterministic(inputs: Inputs, tmp_path: Path) -> None:
    schedule, route = inputs
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    fa = write_outputs(tmp_path / "a", schedule, route, None)
    fb = write_outputs(tmp_path / "b", copy.deepcopy(schedule), route, None)
    assert fa == fb
    for f in fa:
        assert (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes(), f


def _hostile() -> Inputs:
    """The demo's schedule and route with names a spreadsheet or a page could run."""
    po, _ = demo()
    schedule, route = po.schedule, po.route
    units = tuple(replace(u, name=HOSTILE[i % len(HOSTILE)]) for i, u in enumerate(schedule.units))
    column = tuple(replace(c, name=HOSTILE[0], owner=HOSTILE[3]) for c in schedule.column)
    first, *rest = schedule.closures.posts
    closures = replace(
        schedule.closures, posts=(replace(first, street=HOSTILE[0], cross_street=HOSTILE[2], units=("@evil",)), *rest)
    )
    first_point, *more = schedule.traffic.points
    traffic = replace(
        schedule.traffic,
        points=(replace(first_point, street=HOSTILE[0], cross_street=HOSTILE[2], held_by=("@evil",)), *more),
    )
    schedule = replace(
        schedule,
        units=units,
        column=column,
        closures=closures,
        parade=replace(schedule.parade, name=HOSTILE[4]),
        traffic=traffic,
    )
    points = tuple(replace(p, name=HOSTILE[4]) if p.kind == "end" else p for p in route.points)
    return schedule, replace(route, points=points)


def test_hostile_names(tmp_path: Path) -> None:
    import docx
    import gpxpy
    import openpyxl
    from icalendar import Calendar

    schedule, route = _hostile()
    write_outputs(tmp_path, schedule, route, None)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;" in page
    rows = list(csv.reader(io.StringIO((tmp_path / "closures.csv").read_text(encoding="utf-8-sig"))))
    for r in rows[1:]:
        for cell in r:
            assert not cell.startswith(("=", "+", "-", "@")), cell
    assert rows[1][2] == "'" + HOSTILE[0] and rows[1][8] == "'@evil"
    wb = openpyxl.load_workbook(tmp_path / "runsheets.xlsx")
    seen = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str) and c.value in HOSTILE[:4]:
                    assert c.quotePrefix, c.value
                    seen.add(c.value)
    assert seen == set(HOSTILE[:4])
    assert b"<f>" not in (tmp_path / "runsheets.xlsx").read_bytes()
    ET.parse(tmp_path / "route.kml")
    assert gpxpy.parse((tmp_path / "route.gpx").read_text(encoding="utf-8")).waypoints
    Calendar.from_ical((tmp_path / "calendar.ics").read_bytes())
    table = "\n".join(
        c.text for row in docx.Document(str(tmp_path / "ke-hoach.docx")).tables[0].rows for c in row.cells
    )
    assert HOSTILE[0] in table


def test_official_style() -> None:
    assert official_datetime("2023-10-02", 7 * 3600 + 30 * 60) == "7 giờ 30 phút, ngày 02 tháng 10 năm 2023"
    assert official_time(8 * 3600) == "8 giờ 00 phút"
    assert official_date("2023-10-02", "en") == "2 October 2023"
    assert street_phrase("Tô Ký") == "đường Tô Ký" and street_phrase("Quốc lộ 1") == "Quốc lộ 1"
    assert neutralise("=1") == "'=1" and neutralise("a=1") == "a=1" and neutralise(3) == 3


@pytest.mark.browser
def test_planbook_prints_on_a4(rendered: tuple[Path, list[str]]) -> None:
    """Render the plan book to PDF and PNG with headless Chromium (look at test-artifacts/planbook.png)."""
    playwright = pytest.importorskip("playwright.sync_api")
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("no Chromium at /usr/bin/chromium")
    artifacts = Path(__file__).resolve().parents[1] / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    pdf, png = artifacts / "planbook.pdf", artifacts / "planbook.png"
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(chromium),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        )
        try:
            page = browser.new_page(viewport={"width": 794, "height": 1123})
            page.goto((rendered[0] / "index.html").as_uri())
            page.emulate_media(media="print")
            page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
            page.screenshot(path=str(png), full_page=True)
        finally:
            browser.close()
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") >= 3
    assert png.stat().st_size > 10_000
    _reads_in_five_minutes(rendered[0] / "index.html", pdf)


def _reads_in_five_minutes(book: Path, pdf: Path) -> None:
    """At most 20 A4 pages; the first says what is still open; no post id, unit name or header wrapped."""
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)
    sheets = pages.stdout.split("\f")
    sheets = sheets[:-1] if sheets and not sheets[-1].strip() else sheets
    assert 3 <= len(sheets) <= 20, len(sheets)
    assert "Việc còn phải xác định" in sheets[0]
    lines = {" ".join(line.split()) for line in pages.stdout.splitlines()}
    text = "\n".join(lines)
    page = book.read_text(encoding="utf-8")
    cells = set(re.findall(r"<th[^>]*>([^<]+)</th>", page))
    cells |= set(re.findall(r'<td class="id">([^<]+)</td>', page))
    cells |= set(re.findall(r"<h3>([^<]+)</h3>", page))
    assert len(cells) > 30
    wrapped = sorted(c for c in cells if " ".join(html.unescape(c).split()) not in text)
    assert not wrapped, wrapped
