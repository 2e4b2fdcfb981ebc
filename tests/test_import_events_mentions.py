"""One ceremony named several times is one event; officials' calendars and tables are itineraries. Each test writes
its own small texts (other provinces, names, punctuation), never a corpus document's wording."""

from __future__ import annotations

from datetime import date, time

import pytest

from paradeplan.importer import import_text
from paradeplan.importer.dates import find_dates, find_times
from paradeplan.importer.extract import extract
from paradeplan.importer.reader import rows_lines
from paradeplan.importer.text import fold

PROVINCE = "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 301/KH-UBND\nNghệ An, ngày 10 tháng 9 năm 2024\nKẾ HOẠCH\n"
DISTRICT = "ỦY BAN NHÂN DÂN\nHUYỆN ĐÔ LƯƠNG\nSố: 92/KH-UBND\nĐô Lương, ngày 16 tháng 9 năm 2024\nKẾ HOẠCH\n"
WEEK = "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"


def _held(text: str, name: str = "k.txt") -> list[tuple[str, str, str]]:
    res = import_text(text, name)
    places = {p["id"]: p["name"] for p in res.data.get("places") or []}
    return [(str(c["date"]), str(c["window_start"])[:5], places[c["venue"]]) for c in res.data["ceremonies"]]


def _itineraries(text: str, name: str = "k.txt") -> dict[str, list[str]]:
    res = import_text(text, name)
    places = {p["id"]: p["name"] for p in res.data.get("places") or []}
    venue = {c["id"]: places[c["venue"]] for c in res.data["ceremonies"]}
    return {fold(p["name"]).split(",")[0]: [venue[w] for w in p["wishes"]] for p in res.data.get("people") or []}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("tap trung luc 6 gio ruoi sang", [time(6, 30)]),
        ("khoang 15 gio ruoi chieu thi giai tan", [time(15, 30)]),
        ("tu 7 gio ruoi den 9 gio", [time(7, 30), time(9, 0)]),
    ],
)
def test_half_past_the_hour(text, want):
    assert [f.as_time for f in find_times(text)] == want


@pytest.mark.parametrize(
    "text",
    [
        "chieu ngay 03/10/2024 (nham ngay 1 thang 9 nam giap thin)",
        "chieu ngay 03/10/2024 (tuc ngay 01 thang 9 am lich)",
        "ngay 1 thang 9 am lich, tuc chieu ngay 03/10/2024",
    ],
)
def test_a_lunar_date_beside_the_civil_one_is_no_date(text):
    assert [f.as_date for f in find_dates(text, 2024)] == [date(2024, 10, 3)]


def test_a_ceremony_told_in_prose_and_timed_in_the_programme_is_one_event():
    text = (
        PROVINCE + WEEK + "I. THỜI GIAN, ĐỊA ĐIỂM\n"
        "Lễ khai mạc cấp tỉnh tổ chức vào thứ Tư, ngày 02-10-2024, tại Nhà Văn hóa trung tâm tỉnh, thành phố "
        "Vinh. Buổi chiều cùng ngày tổ chức Lễ phát động tại khu vực phía Tây của tỉnh (xã Tam Quang).\n"
        "II. CHƯƠNG TRÌNH\n"
        "| Thời gian | Nội dung | Địa điểm |\n"
        "| 7h30 - 8h00 | Đón tiếp đại biểu | Nhà Văn hóa trung tâm tỉnh |\n"
        "| 8h00 - 9h30 | Lễ khai mạc Tuần lễ cấp tỉnh | Nhà Văn hóa trung tâm tỉnh |\n"
        "| 14h30 - 16h00 | Lễ phát động Tuần lễ tại xã Tam Quang | Trung tâm học tập cộng đồng xã Tam Quang |\n"
        "III. TỔ CHỨC THỰC HIỆN\nỦy ban nhân dân xã Tam Quang: chuẩn bị địa điểm, vận động Nhân dân tham gia "
        "Lễ phát động.\n"
    )
    got = _held(text, "ct.docx")
    assert [(d, t) for d, t, _v in got] == [("2024-10-02", "08:00"), ("2024-10-02", "14:30")]
    assert fold(got[0][2]).startswith("nha van hoa trung tam tinh")
    assert "vinh." not in fold(got[0][2])  # the venue ends with its sentence
    assert fold(got[1][2]).startswith("trung tam hoc tap cong dong xa tam quang")


def test_an_officials_calendar_with_times_before_each_visit():
    text = (
        DISTRICT + WEEK + "II. NỘI DUNG\n1. Lễ khai mạc Tuần lễ cấp huyện\n"
        "- Thời gian: 08 giờ 00 phút, thứ Tư, ngày 02/10/2024.\n- Địa điểm: Trường THPT Đô Lương 1.\n"
        "2. Lễ khai mạc điểm cấp xã\n- Thời gian: 14 giờ 00 phút cùng ngày.\n"
        "- Địa điểm: Trung tâm học tập cộng đồng xã Bồi Sơn.\n"
        "3. Lịch dự của lãnh đạo huyện\n"
        "- Đ/c Cao Văn Tiến, Chủ tịch UBND huyện: 8h00 dự Lễ khai mạc cấp huyện; 14h00 dự Lễ khai mạc tại xã "
        "Bồi Sơn (TTHTCĐ xã).\n"
        "- Đ/c Lô Thị Hoa, Trưởng phòng Văn hóa và Thông tin: 14h00 dự Lễ khai mạc tại xã Bồi Sơn.\n"
    )
    assert _held(text) == [
        ("2024-10-02", "08:00", "Trường THPT Đô Lương 1"),
        ("2024-10-02", "14:00", "Trung tâm học tập cộng đồng xã Bồi Sơn"),
    ]
    assert _itineraries(text) == {
        "d/c cao van tien": ["Trường THPT Đô Lương 1", "Trung tâm học tập cộng đồng xã Bồi Sơn"],
        "d/c lo thi hoa": ["Trung tâm học tập cộng đồng xã Bồi Sơn"],
    }


@pytest.mark.parametrize(
    ("head", "name_cell", "role_cell"),
    [
        ("| Đồng chí | Chức vụ | Dự |", "Phan Đức Đồng", "Phó Chủ tịch UBND tỉnh"),
        ("| Họ và tên | Chức danh | Lịch dự |", "Ông Phan Đức Đồng", "Phó Chủ tịch UBND tỉnh"),
    ],
)
def test_an_officials_table_is_their_itineraries(head, name_cell, role_cell):
    text = (
        PROVINCE + WEEK + "II. LỊCH TỔ CHỨC\n"
        "| Ngày | Giờ | Hoạt động | Địa điểm |\n"
        "| 02/10/2024 | 8h00 | Lễ khai mạc Tuần lễ cấp tỉnh | Quảng trường Hồ Chí Minh, thành phố Vinh |\n"
        "| 02/10/2024 | 15h00 | Lễ khai mạc huyện Yên Thành (điểm cấp huyện) | Nhà văn hóa huyện Yên Thành |\n"
        "III. PHÂN CÔNG\n" + head + "\n"
        f"| {name_cell} | {role_cell} | Lễ khai mạc cấp tỉnh (8h00 ngày 02/10); sau đó dự Lễ khai mạc huyện "
        "Yên Thành (15h00 cùng ngày) |\n"
        "| Hồ Thị Vân | Giám đốc Sở GD&ĐT | Lễ khai mạc huyện Yên Thành (15h00 ngày 02/10) |\n"
    )
    assert [(d, t) for d, t, _v in _held(text)] == [("2024-10-02", "08:00"), ("2024-10-02", "15:00")]
    got = _itineraries(text)
    assert sorted(got.values(), key=len) == [
        ["Nhà văn hóa huyện Yên Thành"],
        ["Quảng trường Hồ Chí Minh, thành phố Vinh", "Nhà văn hóa huyện Yên Thành"],
    ]
    assert any("phan duc dong" in k for k in got) and any("ho thi van" in k for k in got)


def test_an_officials_table_row_becomes_a_sentence():
    lines = rows_lines([["Đồng chí", "Chức vụ", "Dự"], ["Lê Minh", "Phó Giám đốc Sở", "Lễ khai mạc tại xã A"]])
    assert lines == ["Đồng chí Lê Minh, Phó Giám đốc Sở: dự lễ khai mạc tại xã A"]


def test_a_ceremony_named_only_in_a_visit_after_a_speech_takes_the_first_visits_day_and_its_own_venue():
    text = (
        PROVINCE + WEEK + "II. NỘI DUNG\n1. Lễ phát động Tuần lễ cấp tỉnh\n"
        "Tổ chức vào lúc 7 giờ 00 phút, thứ Tư, ngày 02/10/2024 tại Quảng trường Hồ Chí Minh, thành phố Vinh.\n"
        "2. Lãnh đạo tỉnh dự\n"
        "- Đồng chí Bùi Đình Long, Phó Chủ tịch UBND tỉnh: dự, phát biểu tại Lễ phát động cấp tỉnh tại Quảng "
        "trường Hồ Chí Minh, sau đó dự Lễ khai mạc tại Trung tâm học tập cộng đồng phường Vinh Tân lúc 9 giờ 15 "
        "phút cùng ngày.\n"
    )
    held = _held(text)
    assert held[1] == ("2024-10-02", "09:15", "Trung tâm học tập cộng đồng phường Vinh Tân")
    assert list(_itineraries(text).values()) == [[held[0][2], held[1][2]]]


def test_a_unit_taking_part_in_a_ceremony_holds_none():
    ex = extract(
        DISTRICT + WEEK + "1. Lễ khai mạc\nLễ khai mạc tổ chức lúc 7 giờ 30 ngày 01/10/2024 tại Hội trường huyện.\n"
        "2. UBND thị trấn Đô Lương: huy động đoàn viên, hội viên tham gia Lễ khai mạc.\n",
        "k.txt",
    )
    assert [(c.date, c.time) for c in ex.events.ceremonies] == [(date(2024, 10, 1), time(7, 30))]


def test_two_units_ceremonies_at_the_same_hour_stay_two():
    ex = extract(
        DISTRICT + WEEK + "Lễ khai mạc tổ chức đồng loạt lúc 7 giờ 30 ngày 01/10/2024:\n"
        "- Xã Bồi Sơn: tổ chức Lễ khai mạc lúc 7 giờ 30 ngày 01/10/2024 tại Trung tâm học tập cộng đồng xã.\n"
        "- Xã Nam Sơn: tổ chức Lễ khai mạc lúc 7 giờ 30 ngày 01/10/2024 tại Nhà văn hóa xã Nam Sơn.\n",
        "k.txt",
    )
    assert len([c for c in ex.events.ceremonies if c.place]) == 2
