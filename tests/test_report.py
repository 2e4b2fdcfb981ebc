"""bao-cao.docx (the report after the week), deadline reminders in calendar.ics, and the plan-book sections of
issue 17 — read back with python-docx and icalendar, and opened by LibreOffice."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from paradeplan.app import run_plan

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture(scope="module")
def longan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("longan") / "out"
    run_plan(DATA / "longan-2021" / "plan.yaml", out)
    return out


@pytest.fixture(scope="module")
def quan12(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("quan12") / "out"
    run_plan(DATA / "quan12-2023" / "plan.yaml", out)
    return out


def _doc(path: Path):
    from docx import Document

    return Document(str(path))


def _text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def test_report_follows_the_template_of_seed_001(longan):
    doc = _doc(longan / "bao-cao.docx")
    text = _text(doc)
    for heading in (
        "BÁO CÁO",
        "Về việc tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021",
        "I. TỔ CHỨC TRIỂN KHAI TUẦN LỄ",
        "1. Công tác chỉ đạo, ban hành kế hoạch triển khai, kiểm tra, đôn đốc thực hiện",
        "2. Lễ phát động Tuần lễ",
        "3. Nội dung các hoạt động đã triển khai trong Tuần lễ",
        "4. Kết quả (có số liệu cụ thể) các hoạt động tổ chức Tuần lễ",
        "5. Kinh phí tổ chức Tuần lễ",
        "II. ĐÁNH GIÁ CHUNG",
        "1. Những kết quả đã đạt được; bài học kinh nghiệm",
        "2. Khó khăn, tồn tại",
        "3. Kiến nghị, đề xuất",
        "THỦ TRƯỞNG ĐƠN VỊ",
    ):
        assert heading in text, heading
    assert text.index("I. TỔ CHỨC") < text.index("5. Kinh phí") < text.index("II. ĐÁNH GIÁ CHUNG")
    head = doc.tables[0].rows[0].cells[1].text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in head and "Độc lập - Tự do - Hạnh phúc" in head
    normal = doc.styles["Normal"].font
    assert normal.name == "Times New Roman" and normal.size.pt == 14
    # deadline and recipient from the plan, the 15 ceremonies with venue, time and guests
    assert "trước ngày 15 tháng 10 năm 2021; nơi nhận: Sở Giáo dục và Đào tạo" in text
    cer = doc.tables[1]
    assert len(cer.rows) == 16 and cer.rows[0].cells[1].text.startswith("Lễ khai mạc")
    tan_an = next(r for r in cer.rows if "Thành phố Tân An" in r.cells[1].text)
    assert "Phó Chủ tịch UBND tỉnh Phạm Tấn Hòa" in tan_an.cells[4].text
    assert "(chưa xác định)" in tan_an.cells[2].text  # a venue the city has yet to choose: a placeholder
    ceremonies = json.loads((longan / "ceremonies" / "ceremonies.json").read_text(encoding="utf-8"))
    start = next(c for c in ceremonies["ceremonies"] if c["id"] == "kd-tan-an")["start"][11:16]
    assert tan_an.cells[3].text.startswith(start)
    figures = {r.cells[1].text: r.cells[2].text for r in doc.tables[2].rows[1:]}
    assert figures["Số lễ khai mạc, phát động"] == "15"


def test_blanks_are_highlighted_for_the_unit_to_fill_in(longan):
    from docx.enum.text import WD_COLOR_INDEX

    doc = _doc(longan / "bao-cao.docx")
    runs = [r for p in doc.paragraphs for r in p.runs]
    runs += [r for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    blanks = [r for r in runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert len(blanks) >= 15 + 10  # attendance of each ceremony, figures done, funding, assessment …
    assert all(set(r.text.strip()) <= set("…;(). ") or r.text.isupper() or "tên" in r.text for r in blanks)
    funding = next(p for p in doc.paragraphs if p.text.startswith("- Ngân sách nhà nước"))
    assert any(r.font.highlight_color == WD_COLOR_INDEX.YELLOW for r in funding.runs)


def test_report_of_a_parade_gives_its_km_vehicles_and_posts(quan12):
    doc = _doc(quan12 / "bao-cao.docx")
    text = _text(doc)
    schedule = json.loads((quan12 / "schedule.json").read_text(encoding="utf-8"))
    km = f"{schedule['parade']['total_km']:.1f}".replace(".", ",")
    assert f"lộ trình dài {km} km" in text and f"{len(schedule['posts'])} chốt điều tiết giao thông" in text
    figures = {r.cells[1].text: r.cells[2].text for r in doc.tables[-2].rows[1:]}
    assert figures["Chiều dài lộ trình diễu hành (km)"] == km
    assert figures["Số chốt điều tiết giao thông"] == str(len(schedule["posts"]))
    assert "trước ngày 11 tháng 10 năm 2023; nơi nhận: Ủy ban nhân dân quận (qua phòng Giáo dục và Đào tạo)" in text


def test_report_bytes_are_deterministic_and_english_on_request(tmp_path, longan):
    again = tmp_path / "again"
    run_plan(DATA / "longan-2021" / "plan.yaml", again)
    assert (again / "bao-cao.docx").read_bytes() == (longan / "bao-cao.docx").read_bytes()
    en = tmp_path / "en"
    run_plan(DATA / "longan-2021" / "plan.yaml", en, lang="en")
    text = _text(_doc(en / "bao-cao.docx"))
    assert "REPORT" in text and "I. ORGANISATION OF THE WEEK" in text and "Due: before 15 October 2021" in text
    assert "SOCIALIST REPUBLIC OF VIET NAM" in text


@pytest.mark.skipif(
    shutil.which("libreoffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler not installed",
)
def test_libreoffice_opens_the_report(tmp_path, quan12):
    src = tmp_path / "bao-cao.docx"
    shutil.copy(quan12 / "bao-cao.docx", src)
    subprocess.run(
        [
            "libreoffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "bao-cao.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "BÁO CÁO" in text and "II. ĐÁNH GIÁ CHUNG" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" in text
    pages = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert 2 <= int(next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:"))) <= 6


def test_deadlines_are_calendar_reminders_in_every_plan(longan, quan12):
    from icalendar import Calendar

    for folder, dues in ((longan, {"20211015", "20211030"}), (quan12, {"20231011", "20231017"})):
        cal = Calendar.from_ical((folder / "calendar.ics").read_bytes())
        deadlines = [c for c in cal.walk("VEVENT") if str(c.get("summary")).startswith("Hạn báo cáo")]
        assert {c.decoded("dtstart").strftime("%Y%m%d") for c in deadlines} == dues
        for c in deadlines:
            alarms = c.walk("VALARM")
            assert [a.decoded("trigger").days for a in alarms] == [-3, -1]
    cal = Calendar.from_ical((longan / "calendar.ics").read_bytes())
    assert sum(1 for c in cal.walk("VEVENT") if str(c.get("summary")).startswith("Lễ khai mạc")) == 15


def test_plan_book_sections_deadlines_and_units_since_2025(longan):
    page = (longan / "index.html").read_text(encoding="utf-8")
    assert 'id="deadlines"' in page and "Hạn báo cáo" in page
    assert 'id="admin-2025"' in page and "Địa bàn hành chính từ 01/7/2025" in page
    assert "Tỉnh Tây Ninh" in page  # Long An's communes belong to Tây Ninh since July 2025
    assert "bao-cao.docx" in page and "calendar.ics" in page


def test_publicity_checklist_per_ward(tmp_path):
    from paradeplan.importer import import_document

    plan_file = tmp_path / "p.yaml"
    import_document(Path(__file__).parent / "data" / "import" / "duchoa_2023_publicity.txt").write(plan_file)
    run_plan(plan_file, tmp_path / "out")
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    section = page[page.index('id="publicity"') : page.index("</section>", page.index('id="publicity"'))]
    assert section.count("☐") == 40  # banners and a loudspeaker round for each of the 20 communes and towns
    assert "<h3>Xã Lộc Giang</h3>" in section and "Đức Hòa chung tay xây dựng xã hội học tập" in section
    assert 'id="activities"' in page


def test_a_name_longer_than_a_word_property_still_gives_every_document(tmp_path):
    """Word keeps at most 255 characters in a title or subject: a plan whose event and parade names are longer
    (an importer that took a whole sentence, a clerk's long title) still gets its report, run-sheet and notice,
    the property cut with '…' and the full name in the text."""
    import yaml

    plan = yaml.safe_load((DATA / "quan12-2023" / "plan.yaml").read_text(encoding="utf-8"))
    long_name = "Tuần lễ hưởng ứng học tập suốt đời " + "và ngày hội đọc sách của các khu phố " * 8
    plan["event"]["name"] = long_name.strip()
    plan["parades"][0]["name"] = "Diễu hành xe hoa " + "qua các tuyến đường chính của quận " * 8
    src = tmp_path / "plan.yaml"
    src.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "out"
    run_plan(src, out)
    docs = sorted(out.rglob("*.docx"))
    assert {"bao-cao.docx", "phan-luong.docx"} <= {p.name for p in docs}
    for path in docs:
        props = _doc(path).core_properties
        assert len(props.title) <= 255 and len(props.subject) <= 255, path.name
    report = _doc(out / "bao-cao.docx")
    assert report.core_properties.subject.endswith("…")
    assert long_name.strip()[:200] in _text(report).replace("\n", " ")
