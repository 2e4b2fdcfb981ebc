"""Layouts met on the blind sets heldout69–71, each written here in variants (other names, days and places; no
corpus document): a Word table of tasks whose time column holds a term ("Trước ngày …"), a clause that gives a
kind's total after its parts and goes on with another sentence, a table's owners column that counts schools, a
gathering placed at a gate on the street it lies on, a sentence that opens at a ceremony and names who takes part
there, and a place named once with and once without the district it lies in."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from imported import ceremonies_of, plan_data, route_of, wishes_of
from paradeplan.importer.extract import extract, unit_added
from paradeplan.importer.reader import read_document
from paradeplan.importer.text import fold

# -- a Word table of tasks whose time column holds a term ---------------------------------------------------------
TASKS_HEAD = (
    "ỦY BAN NHÂN DÂN PHƯỜNG THẠNH XUÂN",
    "Số: 77/KH-UBND",
    "Thạnh Xuân, ngày 16 tháng 9 năm 2025",
    "KẾ HOẠCH",
    "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025",
)
TASKS = [
    ["Số TT", "Công việc", "Thời gian", "Nơi thực hiện", "Phụ trách"],
    ["1", "Họp Ban Tổ chức phân công nhiệm vụ", "9g00 thứ Ba, 23/9/2025", "Phòng họp UBND phường", "Văn phòng"],
    ["2", "Các khu phố {verb}", "{term} 25/9/2025", "Văn phòng UBND phường", "Ban điều hành khu phố"],
    ["3", "Lễ khai mạc Tuần lễ", "7g30 thứ Tư, 01/10/2025", "Hội trường UBND phường Thạnh Xuân", "UBND phường"],
    ["4", "Tổng hợp, báo cáo kết quả về Phòng Văn hóa - Xã hội", "Chậm nhất ngày 08/10/2025", "", "TTHTCĐ"],
]


def _docx(path: Path, verb: str, term: str) -> Path:
    """A Word file of the letterhead and the tasks table."""
    import docx

    doc = docx.Document()
    for line in TASKS_HEAD:
        doc.add_paragraph(line)
    table = doc.add_table(rows=len(TASKS), cols=len(TASKS[0]))
    for r, row in enumerate(TASKS):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell.format(verb=verb, term=term)
    doc.save(str(path))
    return path


@pytest.mark.parametrize(
    ("verb", "term"),
    [
        ("gửi danh sách gia đình học tập tiêu biểu", "Trước 10 giờ ngày"),
        ("đăng ký số xe hoa tham gia diễu hành", "Chậm nhất"),
        ("hoàn thành trang trí cổng khu phố", "Trước ngày"),
    ],
)
def test_a_word_table_whose_time_column_holds_a_term_gives_the_task_due_then(
    tmp_path: Path, verb: str, term: str
) -> None:
    ex = extract(read_document(_docx(tmp_path / "kh.docx", verb, term)), "kh.docx")
    assert sorted(d.due for d in ex.deadlines) == [date(2025, 9, 25), date(2025, 10, 8)]
    assert [fold(d.what).endswith(fold(verb)) for d in ex.deadlines if d.due == date(2025, 9, 25)] == [True]


# -- a kind's total after its parts, and another sentence in the same clause ---------------------------------------
FLOATS = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG THỚI AN\nSố: 51/KH-UBND\nThới An, ngày 19 tháng 9 năm 2025\nKẾ HOẠCH\n"
    "Diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2025\n"
    "- Thời gian: 8 giờ 00, ngày 03/10/2025.\n"
    "- Lộ trình: Trường THCS Thới An → Lê Văn Khương → Thới An 13 → Trường THCS Thới An.\n"
    "- Phương tiện: 02 xe hoa của Hội Khuyến học; 03 xe hoa của các khu phố; {total}. {more}\n"
)


@pytest.mark.parametrize(
    ("total", "more"),
    [
        ("tổng cộng 05 xe hoa", "01 xe loa đi đầu đoàn."),
        ("tổng số 05 xe hoa", "02 xe mô tô Công an phường dẫn đường."),
    ],
)
def test_a_total_after_its_parts_is_the_kind_s_count_when_another_sentence_follows(total: str, more: str) -> None:
    ex = extract(FLOATS.format(total=total, more=more), "kh.txt")
    floats = [f.count for f in ex.forces if f.kind == "float"]
    assert floats == [5]
    assert len(ex.forces) == 2


# -- an owners column that counts the units bringing the floats --------------------------------------------------
@pytest.mark.parametrize("owners", ["04 trường tiểu học, 03 trường THCS", "05 phường, 02 xã"])
def test_a_count_of_units_in_the_owners_bracket_is_no_breakdown_of_the_vehicles(owners: str) -> None:
    text = (
        "UBND HUYỆN HÓC MÔN\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 300/KH-GDĐT\nHóc Môn, ngày 20 tháng 9 năm 2024\n"
        "KẾ HOẠCH\nDiễu hành cổ động Tuần lễ học tập suốt đời năm 2024\n"
        "1. Thời gian: 7 giờ 30 ngày 01/10/2024.\n"
        "2. Lộ trình: Nhà Văn hóa huyện → Lý Thường Kiệt → Bà Triệu → Nhà Văn hóa huyện.\n"
        f"3. Phương tiện: 07 xe hoa ({owners}); 01 xe loa.\n"
    )
    ex = extract(text, "kh.txt")
    assert [(f.kind, f.count) for f in ex.forces] == [("float", 7), ("loudspeaker", 1)]


def test_parts_that_count_vehicles_stay_a_breakdown() -> None:
    text = (
        "UBND HUYỆN HÓC MÔN\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 300/KH-GDĐT\nHóc Môn, ngày 20 tháng 9 năm 2024\n"
        "KẾ HOẠCH\nDiễu hành cổ động Tuần lễ học tập suốt đời năm 2024\n"
        "1. Thời gian: 7 giờ 30 ngày 01/10/2024.\n"
        "2. Lộ trình: Nhà Văn hóa huyện → Lý Thường Kiệt → Bà Triệu → Nhà Văn hóa huyện.\n"
        "3. Phương tiện: 07 xe hoa (01 xe của huyện, 06 xe của các xã); 01 xe loa.\n"
    )
    ex = extract(text, "kh.txt")
    assert [f.count for f in ex.forces if f.kind == "float"] == [1, 6]


# -- a gathering placed at a gate on the street it lies on --------------------------------------------------------
GATHER = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG HẠNH THÔNG\nSố: 22/PA-UBND\nHạnh Thông, ngày 22 tháng 9 năm 2025\nPHƯƠNG ÁN\n"
    "Tổ chức Lễ phát động và diễu hành hưởng ứng Tuần lễ học tập suốt đời năm 2025\n"
    "1. Lễ phát động: 8h00, thứ Sáu, ngày 03/10/2025 tại sân Trường THCS Nguyễn Văn Trỗi.\n"
    "2. Diễu hành\n"
    "a) Các xe hoa tập {verb} {street}, {where} Trường THCS Nguyễn Văn Trỗi, lúc 07h15 để xếp đội hình.\n"
    "b) Xuất phát: 09h00, sau Lễ phát động.\n"
    "c) Lộ trình: Trường THCS Nguyễn Văn Trỗi → Nguyễn Văn Nghi → Quang Trung → Công viên Làng Hoa.\n"
)


@pytest.mark.parametrize(
    ("verb", "street", "where"),
    [
        ("trung", "trên đường Nguyễn Văn Nghi", "trước cổng"),
        ("kết", "dọc tuyến đường Nguyễn Văn Nghi", "phía trước"),
        ("trung", "trên phố Nguyễn Văn Nghi", "bên cạnh"),
    ],
)
def test_a_gathering_at_a_gate_on_its_street_is_the_assembly(verb: str, street: str, where: str) -> None:
    ex = extract(GATHER.format(verb=verb, street=street, where=where), "pa.txt")
    assert (ex.assembly_time, ex.departure_time) == (time(7, 15), time(9, 0))
    assert ex.assembly_place == "Trường THCS Nguyễn Văn Trỗi"


# -- a sentence that opens at a ceremony and names who takes part -------------------------------------------------
AT_CEREMONY = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN SƠN NHÌ\nSố: 61/KH-UBND\nTân Sơn Nhì, ngày 18 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "1. Lễ khai mạc: 7 giờ 30, thứ Ba 01/10/2024 tại Hội trường Trung tâm học tập cộng đồng phường Tân Sơn Nhì.\n"
    "{opening} đồng chí Lý Thanh Bình, Phó Chủ tịch UBND quận Tân Phú {first}; ông Hà Minh Quý, Chủ tịch "
    "Hội Khuyến học phường {second}; Ban Tổ chức tặng giấy khen cho ông Mai Văn Tư (gia đình học tập).\n"
)


@pytest.mark.parametrize(
    ("opening", "first", "second"),
    [
        ("Tại Lễ khai mạc,", "dự và phát biểu chỉ đạo", "trao học bổng"),
        ("Trong buổi lễ khai mạc,", "tham dự", "đọc diễn văn khai mạc"),
        ("Tại buổi lễ,", "chủ trì", "trao giấy khen"),
    ],
)
def test_who_a_sentence_opening_at_a_ceremony_names_takes_part_in_it(opening: str, first: str, second: str) -> None:
    data = plan_data(AT_CEREMONY.format(opening=opening, first=first, second=second), "kh.txt")
    venue = "Hội trường Trung tâm học tập cộng đồng phường Tân Sơn Nhì"
    assert ceremonies_of(data) == [("2024-10-01", "07:30", venue)]
    assert wishes_of(data) == {"Lý Thanh Bình": [venue], "Hà Minh Quý": [venue]}  # not the one awarded


# -- a place named once with, once without its district ----------------------------------------------------------
PROGRAMME = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG ĐÔNG HƯNG THUẬN\nSố: 09/CTr-BTC\nĐông Hưng Thuận, ngày 24 tháng 9 năm 2025\n"
    "CHƯƠNG TRÌNH\nLễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025 và diễu hành cổ động\n"
    "Thời gian: 7 giờ 00 phút, thứ Sáu, ngày 03 tháng 10 năm 2025.\n"
    "Địa điểm: {venue}, số 5 đường Nguyễn Văn Quá, khu phố 4, phường Đông Hưng Thuận.\n"
    "Lộ trình diễu hành: {start} → Nguyễn Văn Quá → Trường Chinh → Chợ Tân Chánh Hiệp.\n"
    "Xuất phát: 8 giờ 00.\nPhương tiện: 03 xe hoa.\n"
)


@pytest.mark.parametrize(
    ("venue", "start"),
    [
        ("Trung tâm Thể dục thể thao Quận 12 (cũ)", "Trung tâm Thể dục thể thao"),
        ("Nhà Thiếu nhi Ngôi Sao", "Nhà Thiếu nhi Ngôi Sao phường Đông Hưng Thuận"),
    ],
)
def test_a_place_named_with_and_without_its_unit_is_one_place(venue: str, start: str) -> None:
    data = plan_data(PROGRAMME.format(venue=venue, start=start), "ct.txt")
    (ceremony,) = data["ceremonies"]
    assert data["parades"][0]["assembly_place"] == ceremony["venue"]
    assert data["parades"][0]["route"][0]["place"] == ceremony["venue"]
    assert route_of(data)[-1] == "Chợ Tân Chánh Hiệp"


@pytest.mark.parametrize(
    ("short", "long", "same"),
    [
        ("nha van hoa lao dong", "nha van hoa lao dong quan 12", True),
        ("uy ban nhan dan", "uy ban nhan dan phuong 17", False),  # which ward's: its unit tells
        ("truong tieu hoc an hoi", "truong tieu hoc an hoi 2", False),
        ("trung tam van hoa quan", "trung tam van hoa quan go vap", False),
    ],
)
def test_unit_added(short: str, long: str, same: bool) -> None:
    assert unit_added(short, long) is same
