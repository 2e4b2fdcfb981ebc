"""Dates, times and deadlines as offices write them: an assembly told as minutes before the departure, a task due
by an hour and a date, and a heading's word that folds to a unit's kind. Each test writes its own text (no corpus
document) and checks one rule."""

from __future__ import annotations

from datetime import date, time

from paradeplan.importer.extract import extract

HEAD = "ỦY BAN NHÂN DÂN\nPHƯỜNG THẠNH LỘC\nSố: 91/KH-UBND\nThạnh Lộc, ngày 14 tháng 9 năm 2024\nKẾ HOẠCH\n"
ROUTE = "Lộ trình: Nhà Văn hóa khu phố 2 → đường Hà Huy Giáp → Nhà Văn hóa khu phố 2.\n"


def test_an_assembly_told_as_minutes_before_the_departure():
    ex = extract(
        HEAD + "Diễu hành xe hoa năm 2024\n1. Thời gian: 15 giờ 30, thứ Năm ngày 03/10/2024; các xe có mặt "
        "tập trung trước 45 phút để kiểm tra.\n" + ROUTE,
        "kh.txt",
    )
    assert (ex.departure_time, ex.assembly_time) == (time(15, 30), time(14, 45))


def test_a_task_due_by_an_hour_and_a_date_is_a_deadline():
    ex = extract(
        HEAD + "Diễu hành xe hoa năm 2024\n" + ROUTE + "IV. TỔ CHỨC THỰC HIỆN\n"
        "1. Các trường học hoàn tất việc trang trí xe trước 16 giờ ngày 01/10/2024, để Ban tổ chức kiểm tra.\n",
        "kh.txt",
    )
    assert [(d.what, d.due) for d in ex.deadlines] == [("Hoàn tất việc trang trí xe", date(2024, 10, 1))]


def test_a_headings_phuong_tien_is_no_ward():
    ex = extract(
        HEAD + "Diễu hành xe hoa năm 2024\nII. NGÀY GIỜ - PHƯƠNG TIỆN\n1. Ngày 03/10/2024, xuất phát lúc 15 giờ.\n"
        "2. Các phương tiện tham gia: 04 xe hoa.\n" + ROUTE,
        "kh.txt",
    )
    assert not [u for u in ex.events.unit_mentions if "TIỆN" in u.text.upper()]
    assert not any("tiện" in (a.host.text or "").lower() for a in ex.events.activities)


def test_a_task_finished_on_the_events_day_by_an_hour_is_no_deadline():
    ex = extract(
        HEAD + "Diễu hành xe hoa năm 2024\n" + ROUTE + "Các khu phố tổ chức tuyên truyền trong ngày 03/10/2024, "
        "hoàn thành trước 10 giờ 00.\n",
        "kh.txt",
    )
    assert ex.deadlines == []


def test_a_day_in_brackets_after_its_weekday_and_after_mong_takes_the_documents_year():
    from paradeplan.importer.dates import find_dates

    got = [f.as_date for f in find_dates("sang thu bay (05/10) va mong 6/10, so 3/4 cua", 2024)]
    assert got == [date(2024, 10, 5), date(2024, 10, 6)]


def test_minutes_to_the_hour():
    from paradeplan.importer.dates import find_times

    got = [f.as_time for f in find_times("tap trung luc 7 gio kem 15, xuat phat luc 3 gio kem 10 chieu")]
    assert got == [time(6, 45), time(14, 50)]


def test_a_programme_line_with_a_range_in_g_notation_gives_the_assembly_time_and_place():
    ex = extract(
        HEAD + "Diễu hành xe hoa năm 2024\nNgày 05/10/2024.\nCHƯƠNG TRÌNH\n"
        "- 14g00 - 14g30: Các khu phố tập trung xe hoa tại sân Nhà Văn hóa khu phố 2; đón đại biểu.\n"
        "- 14g30: Đoàn xe xuất phát.\n" + ROUTE,
        "kh.txt",
    )
    assert (ex.assembly_time, ex.departure_time) == (time(14, 0), time(14, 30))
    assert ex.assembly_place == "Nhà Văn hóa khu phố 2"
