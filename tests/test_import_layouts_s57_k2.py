"""Parade times, days and venues read at session 57 (other names, places and days than any corpus document): a
timed item whose first words are the departure keeps it though a later sentence names who gives the signal; "điểm
xuất phát" is a place, not a departure; the day of a clause whose time is not the parade's is another event's; a
row that gives the signal to set off times the departure when nothing else does; a departure told with its own time
beats a programme slot that tells it after the signal; a sentence in a "Thời gian" field names no venue."""

from __future__ import annotations

from datetime import date, time

from imported import WARD
from paradeplan.importer.extract import extract

ROUTE = "- Lộ trình: Nhà văn hóa khu phố 3 → Lê Văn Khương → Hà Huy Giáp → Nhà văn hóa khu phố 3.\n"

# -- a timed item that sets off, then names the signal's giver; a planned end at the starting point ----------------
ITEM_SIGNAL = (
    WARD.format(ward="THẠNH XUÂN", ward_t="Thạnh Xuân", year=2024)
    + "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "1. Diễu hành xe hoa ngày 05/10/2024\n"
    "- 06g15: Các xe tập kết tại Nhà văn hóa khu phố 3.\n"
    "- 06g50: Xuất phát. Ông Mai Văn Tú, Chủ tịch UBND phường, phát lệnh xuất phát.\n"
    + ROUTE
    + "- 09g10: Dự kiến về lại điểm xuất phát; giải tán.\n"
)


def test_a_timed_item_that_sets_off_keeps_its_time_beside_the_signal() -> None:
    ex = extract(ITEM_SIGNAL, "k.txt")
    assert (ex.assembly_time, ex.departure_time) == (time(6, 15), time(6, 50))


STARTING_POINT = (
    WARD.format(ward="THẠNH XUÂN", ward_t="Thạnh Xuân", year=2024)
    + "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "1. Diễu hành xe hoa ngày 05/10/2024: đoàn xe tập trung lúc 06 giờ 20 tại Nhà văn hóa khu phố 3, "
    "xuất phát lúc 07 giờ 05.\n" + ROUTE + "- 09g40: Kết thúc tại điểm xuất phát.\n"
)


def test_an_end_at_the_starting_point_is_no_departure() -> None:
    ex = extract(STARTING_POINT, "k.txt")
    assert ex.departure_time == time(7, 5)


# -- a day-by-day schedule: the guests' arrival on the opening's day is not the parade's --------------------------
DAYS = (
    WARD.format(ward="TÂN CHÁNH HIỆP", ward_t="Tân Chánh Hiệp", year=2024)
    + "Lịch các hoạt động Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "THỨ BA, NGÀY 01/10/2024 - LỄ KHAI MẠC\n"
    "- 07h10: Đại biểu, đoàn viên có mặt; ổn định chỗ ngồi.\n"
    "- 07h40: Lễ khai mạc tại Hội trường UBND phường.\n"
    "THỨ NĂM, NGÀY 03/10/2024 - DIỄU HÀNH XE HOA\n"
    "- 06h20: Các xe tập trung tại Nhà văn hóa khu phố 3.\n"
    "- 06h55: Xuất phát.\n" + ROUTE
)


def test_a_day_read_beside_another_time_is_not_the_parades() -> None:
    ex = extract(DAYS, "k.txt")
    assert (ex.assembly_date or ex.departure_date, ex.assembly_time, ex.departure_time) == (
        date(2024, 10, 3),
        time(6, 20),
        time(6, 55),
    )


# -- a schedule's row gives the signal to set off; last year's departure in a note ---------------------------------
SIGNAL_ROW = (
    WARD.format(ward="TRUNG MỸ TÂY", ward_t="Trung Mỹ Tây", year=2024) + "Lịch công tác tuần\n"
    "Tập trung đoàn xe hoa — Thời gian: 06g40, Thứ Tư 02/10; Địa điểm: Nhà văn hóa khu phố 3.\n"
    "Bà Lâm Thị Hạnh phát lệnh xuất phát đoàn xe hoa. Lộ trình: Nhà văn hóa khu phố 3 → Lê Văn Khương → Hà Huy "
    "Giáp → Nhà văn hóa khu phố 3 — Thời gian: 07g25, Thứ Tư 02/10; Địa điểm: Nhà văn hóa khu phố 3.\n"
    "Ghi chú:\n"
    "- Năm 2023, đoàn xe hoa của phường gồm 04 xe, xuất phát lúc 07g50 ngày 03/10/2023.\n"
)


def test_a_row_that_signals_the_set_off_times_the_departure() -> None:
    ex = extract(SIGNAL_ROW, "k.txt")
    assert (ex.assembly_time, ex.departure_time) == (time(6, 40), time(7, 25))


# -- a programme slot tells the departure after the signal; the column's own line gives its time -----------------
SLOT_AFTER_SIGNAL = (
    WARD.format(ward="AN PHÚ ĐÔNG", ward_t="An Phú Đông", year=2024) + "Kịch bản Lễ ra quân đoàn xe tuyên truyền\n"
    "I. THỜI GIAN: 07 giờ 00, thứ Tư, ngày 02/10/2024 tại Nhà văn hóa khu phố 3.\n"
    "II. ĐOÀN XE\n"
    "1. Đoàn xe tập trung lúc 06 giờ 10 tại Nhà văn hóa khu phố 3; xuất phát lúc 07 giờ 55 ngay sau nghi thức "
    "phát lệnh.\n"
    "2. Lộ trình: Nhà văn hóa khu phố 3 → Lê Văn Khương → Hà Huy Giáp → Nhà văn hóa khu phố 3.\n"
    "III. CHƯƠNG TRÌNH\n"
    "- 07 giờ 00: Khai mạc.\n"
    "- 07 giờ 45: Ông Mai Văn Tú phát lệnh ra quân; đoàn xe tuyên truyền xuất phát theo lộ trình.\n"
)


def test_a_departure_with_its_own_time_beats_a_slot_that_tells_it_after_the_signal() -> None:
    ex = extract(SLOT_AFTER_SIGNAL, "k.txt")
    assert ex.departure_time == time(7, 55)


# -- a "Thời gian" field written as sentences: no venue from a clause that holds a ceremony ------------------------
WHEN_PROSE = (
    "PHÒNG GD&ĐT HUYỆN NÚI THÀNH\nTRƯỜNG THCS TRẦN CAO VÂN\nSố: 41/KH-THCS\nNúi Thành, ngày 20 tháng 9 năm 2022\n"
    "KẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2022\n"
    "1. Thời gian\n"
    "Tuần lễ diễn ra từ ngày 01/10/2022 đến ngày 07/10/2022. Vì ngày 01/10/2022 là thứ Bảy, nhà trường tổ chức Lễ "
    "phát động trong giờ chào cờ, sáng thứ Hai ngày 03/10/2022.\n"
    "2. Lễ phát động\n"
    "- Thời gian: 07 giờ 05 phút, thứ Hai, ngày 03/10/2022.\n"
    "- Địa điểm: Sân trường THCS Trần Cao Vân.\n"
    "- Nội dung: Thầy Hồ Văn Dũng, Hiệu trưởng, phát biểu phát động Tuần lễ.\n"
)


def test_a_sentence_in_a_when_field_names_no_venue() -> None:
    ex = extract(WHEN_PROSE, "k.txt")
    assert ex.ceremonies
    assert all("tổ chức" not in (c.place or "") for c in ex.ceremonies)
