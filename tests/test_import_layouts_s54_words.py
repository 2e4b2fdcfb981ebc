"""Layouts met on the blind set heldout101 (a ceremony's day, hour and place written in unusual ways), each written
here in other words (other names, days and places; no corpus document): a programme table whose first row is its
caption (the day and the place) over rows of minutes only, a week's span whose first day is written without its
month, a ceremony told in one sentence with its day and place and in the next with its hour, an hour written in
words with "kém", and a ceremony's section that gives its day on a line of its own below its hour."""

from __future__ import annotations

from datetime import date, time

from imported import ceremonies_of, plan_data
from paradeplan.importer.dates import find_dates, parse_time
from paradeplan.importer.extract import extract
from paradeplan.importer.reader import rows_lines
from paradeplan.importer.text import fold, spelled_times

HEAD = "ỦY BAN NHÂN DÂN\nXÃ EA KLY\nSố: 64/KH-UBND\nEa Kly, ngày 16 tháng 9 năm 2025\nKẾ HOẠCH\n"
TITLE = "Tổ chức Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2025\n\n"


def _ceremonies(body: str, title: str = TITLE) -> list[tuple[date | None, time | None, str | None]]:
    ex = extract(HEAD + title + body, "kh.txt")
    return [(c.date, c.time, c.place) for c in ex.events.ceremonies]


# -- a programme table whose first row is its caption: the day and the place of the rows of minutes below ----------
CAPTION_THREE = [
    ["Chủ nhật, 05.10.2025 — tại Hội trường Trung tâm Văn hóa xã Ea Kly", "Nội dung", "Bộ phận phụ trách"],
    ["7g30", "Đón tiếp đại biểu, văn nghệ chào mừng", "Văn phòng UBND xã"],
    ["8g00", "Khai mạc: chào cờ; giới thiệu đại biểu", "Công chức Văn hóa - Xã hội"],
    ["8g20", "Đồng chí Hoàng Minh Tuấn, Chủ tịch UBND xã, phát động Tuần lễ", "Văn phòng UBND xã"],
]


def test_a_table_whose_first_cell_is_the_day_and_place_is_captioned_by_them() -> None:
    lines = rows_lines(CAPTION_THREE)
    assert lines[0] == "Thời gian: Chủ nhật, 05.10.2025; Địa điểm: Hội trường Trung tâm Văn hóa xã Ea Kly."
    assert lines[2].startswith("Khai mạc: chào cờ; giới thiệu đại biểu — Thời gian: 8g00;")
    untimed = [["Thứ Bảy - 04/10/2025", "Sân vận động xã Ea Kly"], ["Đón tiếp", "Văn phòng"], ["Khai mạc", "Xã"]]
    assert not rows_lines(untimed)[0].startswith("Thời gian:")  # (rows that open with no hour: no programme)


def test_a_captioned_table_s_rows_take_its_day_and_place() -> None:
    table = "\n".join("| " + " | ".join(cells) + " |" for cells in CAPTION_THREE)
    body = "III. NỘI DUNG\n1. Lễ phát động\nChương trình:\n\n" + table + "\n\nIV. TỔ CHỨC THỰC HIỆN\n"
    assert _ceremonies(body) == [(date(2025, 10, 5), time(8, 0), "Hội trường Trung tâm Văn hóa xã Ea Kly")]


def test_a_two_column_caption_row_gives_the_day_and_the_place_of_the_minutes_below() -> None:
    rows = [
        ["Thứ Bảy - 04/10/2025", "Sân vận động xã Ea Kly"],
        ["6g45", "Đón tiếp đại biểu"],
        ["7g00", "Khai mạc: chào cờ, hát Quốc ca"],
        ["7g20", "Phát biểu phát động Tuần lễ"],
    ]
    assert rows_lines(rows)[0] == "Thời gian: Thứ Bảy - 04/10/2025; Địa điểm: Sân vận động xã Ea Kly."
    table = "\n".join("| " + " | ".join(cells) + " |" for cells in rows)
    body = "III. CHƯƠNG TRÌNH\n\n" + table + "\n\nIV. TỔ CHỨC THỰC HIỆN\n"
    title = "Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025\n\n"
    assert _ceremonies(body, title) == [(date(2025, 10, 4), time(7, 0), "Sân vận động xã Ea Kly")]


# -- a span whose first day is written without its month ------------------------------------------------------------
def test_a_span_s_first_day_takes_the_month_and_year_of_its_last() -> None:
    low = fold("Tuần lễ diễn ra từ ngày 03 đến ngày 09 tháng 10 năm 2023.")
    assert [f.value for f in find_dates(low)] == [date(2023, 10, 3), date(2023, 10, 9)]
    low = fold("Thư viện mở cửa từ 04 đến hết ngày 08/10/2024.")
    assert [f.value for f in find_dates(low)] == [date(2024, 10, 4), date(2024, 10, 8)]


WEEK_AND_DAY = (
    "II. THỜI GIAN, ĐỊA ĐIỂM\n"
    "Tuần lễ diễn ra từ ngày 01 đến ngày 07 tháng 10 năm 2025.\n"
    "Lễ phát động được tổ chức vào sáng thứ Năm, ngày 02 tháng 10 năm 2025, tại Nhà thi đấu xã Ea Kly.\n"
    "- Đại biểu có mặt trước 7 giờ 00.\n"
    "- Lễ phát động bắt đầu lúc 8 giờ kém 10 phút, thời lượng khoảng 45 phút.\n"
    "- Đoàn xe loa xuất phát lúc 8 giờ 45.\n\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
)


def test_a_ceremony_told_with_its_day_and_place_then_with_its_hour_is_one() -> None:
    body = WEEK_AND_DAY
    assert _ceremonies(body) == [(date(2025, 10, 2), time(7, 50), "Nhà thi đấu xã Ea Kly")]
    data = plan_data(HEAD + TITLE + body)
    assert ceremonies_of(data) == [("2025-10-02", "07:50", "Nhà thi đấu xã Ea Kly")]


# -- an hour written in words with "kém" ------------------------------------------------------------------------------
def test_an_hour_in_words_with_minutes_before_it_is_read() -> None:
    assert spelled_times("bắt đầu lúc tám giờ kém mười phút") == "bắt đầu lúc 8 giờ kém 10 phút"
    assert parse_time(spelled_times("Lễ khai mạc bắt đầu chín giờ kém mười lăm sáng")) == time(8, 45)
    assert spelled_times("thời lượng trong hai giờ") == "thời lượng trong hai giờ"


def test_a_ceremony_whose_hour_is_in_words_with_kem() -> None:
    body = (
        "II. NỘI DUNG\n1. Lễ phát động\n"
        "Lễ phát động tổ chức vào lúc tám giờ kém mười lăm phút, sáng thứ Sáu, ngày 03/10/2025, tại Nhà văn hóa "
        "thôn 4.\n\nIII. TỔ CHỨC THỰC HIỆN\n"
    )
    assert _ceremonies(body) == [(date(2025, 10, 3), time(7, 45), "Nhà văn hóa thôn 4")]


# -- a ceremony's section that gives its day on a line of its own below its hour -------------------------------------
def test_the_day_line_of_a_ceremony_s_own_section_dates_it() -> None:
    body = (
        "II. THỜI GIAN TUẦN LỄ\nTừ ngày 01-10-2025 đến ngày 07-10-2025.\n\n"
        "III. CÁC HOẠT ĐỘNG\n"
        "1. Lễ phát động Tuần lễ\nĐịa điểm: Thư viện xã Ea Kly\nThời gian: 15 giờ 30 phút\nThứ Sáu,\nngày 03-10-2025\n"
        "Nội dung: phát động phong trào đọc sách.\n\n"
        "2. Lễ tổng kết Tuần lễ\nĐịa điểm: Hội trường UBND xã Ea Kly\nThời gian: 20h00\nThứ Hai,\nngày 06-10-2025\n"
        "Nội dung: trao giấy khen.\n\nIV. TỔ CHỨC THỰC HIỆN\n"
    )
    assert _ceremonies(body) == [
        (date(2025, 10, 3), time(15, 30), "Thư viện xã Ea Kly"),
        (date(2025, 10, 6), time(20, 0), "Hội trường UBND xã Ea Kly"),
    ]
