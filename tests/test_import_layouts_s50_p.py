"""Layouts met on the blind sets heldout79/80, each written here in variants (other names, days and places; no corpus
document): guests asked to arrive before a ceremony (no assembly of the column), a place named with its city after
its dot ("… TP. Hồ Chí Minh"), a letter after the week chasing late reports, a route as a table of junctions named by
their two streets, a programme table whose parade row gives the departure, and a labelled line of two float groups."""

from __future__ import annotations

from datetime import time

import pytest

from imported import plan_data
from paradeplan.importer.extract import extract
from paradeplan.importer.routes import fuller_name

# -- guests asked to arrive are no assembly of the column ----------------------------------------------------------
GUESTS = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG BẢY HIỀN\nTHÔNG BÁO\nLễ khai mạc và diễu hành năm 2024\n"
    "1. Lễ khai mạc lúc 8 giờ 00 ngày 05/10/2024 tại Trường THCS Ngô Sĩ Liên.\n"
    "{guests}\n"
    "2. Sau Lễ khai mạc, đoàn xe xuất phát lúc 8 giờ 45 từ cổng Trường THCS Ngô Sĩ Liên, đi theo lộ trình: "
    "Trường THCS Ngô Sĩ Liên - đường Lạc Long Quân - đường Âu Cơ - Chợ Tân Bình.\n"
    "3. Phương tiện: 03 xe hoa, 01 xe loa.\n"
)


@pytest.mark.parametrize(
    "guests",
    [
        "Quý đại biểu xin vui lòng có mặt trước 7 giờ 40 để Ban Tổ chức đón tiếp.",
        "Đại biểu được mời có mặt lúc 7 giờ 40.",
        "Các đồng chí trong Ban Tổ chức có mặt trước 7 giờ 40 để tiếp đón đại biểu.",
    ],
)
def test_guests_asked_to_arrive_are_no_assembly_of_the_column(guests: str) -> None:
    ex = extract(GUESTS.format(guests=guests), "tb.txt")
    assert ex.departure_time == time(8, 45)
    assert ex.assembly_time != time(7, 40)


# -- a place named with its city after its dot -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("said", "full"),
    [
        ("Trường Cao đẳng Kỹ thuật Cao Thắng TP. Hồ Chí Minh", "Trường Cao đẳng Kỹ thuật Cao Thắng TP. Hồ Chí Minh"),
        ("Trường Cao đẳng Kỹ thuật Cao Thắng Tp.Hồ Chí Minh", "Trường Cao đẳng Kỹ thuật Cao Thắng Tp.Hồ Chí Minh"),
    ],
)
def test_a_short_place_name_takes_its_long_form_with_the_city_after_its_dot(said: str, full: str) -> None:
    text = f"Lễ phát động tại {said} (số 65 Huỳnh Thúc Kháng). Đoàn xuất phát từ Trường Cao đẳng Kỹ thuật Cao Thắng."
    assert fuller_name("Trường Cao đẳng Kỹ thuật Cao Thắng", text) == full


# -- a letter after the week chasing late reports -------------------------------------------------------------------
CHASING = (
    "UBND HUYỆN CỦ CHI\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 845/PGDĐT\nCủ Chi, ngày 14 tháng 10 năm 2024\n"
    "V/v nhắc nộp báo cáo Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "Kính gửi: Hiệu trưởng các trường.\n"
    "{held}\n"
    "Đến nay còn 12 đơn vị chưa gửi báo cáo. Đề nghị các đơn vị gửi báo cáo {due}.\n"
    "Phòng sẽ tổng hợp, báo cáo UBND huyện trước ngày 25/10/2024.\n"
)


@pytest.mark.parametrize(
    ("held", "due"),
    [
        (
            "Lễ khai mạc cấp huyện đã diễn ra lúc 7 giờ 30 ngày 02/10/2024 tại Hội trường huyện.",
            "trước ngày 18/10/2024",
        ),
        (
            "Tuần lễ đã kết thúc; các trường đã tổ chức lễ hưởng ứng ngày 01/10/2024.",
            "chậm nhất 17 giờ 00 ngày 18/10/2024",
        ),
    ],
)
def test_a_letter_after_the_week_chasing_late_reports_is_nothing_to_plan(held: str, due: str) -> None:
    from paradeplan.errors import InputError

    with pytest.raises(InputError):
        plan_data(CHASING.format(held=held, due=due), "cv.txt")


def test_a_letter_before_the_week_asking_for_lists_still_plans_its_deadlines() -> None:
    text = (
        "UBND HUYỆN CỦ CHI\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 800/PGDĐT\nCủ Chi, ngày 20 tháng 9 năm 2024\n"
        "V/v đăng ký danh sách tham gia Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
        "Kính gửi: Hiệu trưởng các trường.\n"
        "Ngày 12/9/2024, Phòng đã ban hành Kế hoạch số 700/KH-PGDĐT về Tuần lễ.\n"
        "Đề nghị các trường gửi danh sách học sinh tham gia về Phòng trước ngày 27/9/2024.\n"
    )
    assert [str(d["due"]) for d in plan_data(text, "cv.txt")["deadlines"]] == ["2024-09-27"]


# -- a route as a table of junctions named by their two streets -----------------------------------------------------
JUNCTIONS = (
    "KẾ HOẠCH\nDiễu hành xe hoa năm 2023\n"
    "- Ngày 03/10/2023, các xe hoa tập kết lúc 6 giờ 45 tại sân Trường THPT Nguyễn Thượng Hiền; "
    "đoàn xuất phát lúc 7 giờ 15.\n"
    "Lộ trình:\n"
    "| TT | {head} | Hướng đi | Ghi chú |\n"
    "| 1 | Cổng Trường THPT Nguyễn Thượng Hiền | Xuất phát, rẽ trái ra đường Hoàng Văn Thụ | |\n"
    "| 2 | Hoàng Văn Thụ {dash} Lê Văn Sỹ | Rẽ phải vào đường Lê Văn Sỹ | CSGT |\n"
    "| 3 | Lê Văn Sỹ {dash} Huỳnh Văn Bánh (vòng xoay) | Rẽ trái vào đường Huỳnh Văn Bánh | |\n"
    "| 4 | Huỳnh Văn Bánh {dash} Nguyễn Văn Trỗi | Rẽ phải vào đường Nguyễn Văn Trỗi, đi thẳng | |\n"
    "| 5 | Trước Công viên Hoàng Văn Thụ (đường Nguyễn Văn Trỗi) | Kết thúc, giải tán | |\n"
    "Phương tiện: 06 xe hoa, 01 xe loa.\n"
)


@pytest.mark.parametrize(("head", "dash"), [("Nút giao", "-"), ("Giao lộ", "–"), ("Nút giao", "/")])
def test_a_table_of_junctions_named_by_two_streets_gives_each_street_once(head: str, dash: str) -> None:
    ex = extract(JUNCTIONS.format(head=head, dash=dash), "kh.txt")
    assert [s.name for s in ex.route] == [
        "Trường THPT Nguyễn Thượng Hiền",
        "Hoàng Văn Thụ",
        "Lê Văn Sỹ",
        "Huỳnh Văn Bánh",
        "Nguyễn Văn Trỗi",
        "Công viên Hoàng Văn Thụ",
    ]


# -- a programme table whose parade row gives the departure ---------------------------------------------------------
PROGRAMME = (
    "CHƯƠNG TRÌNH\nLễ phát động và diễu hành năm 2024\n"
    "- Ngày: Thứ Tư, 02/10/2024. Địa điểm: Nhà Văn hóa Thiếu nhi Quận 12.\n"
    "| Thời gian | Nội dung | Phụ trách |\n"
    "| 06g30 - 07g00 | Tập trung xe hoa tại Nhà Văn hóa Thiếu nhi Quận 12 | Đoàn Thanh niên |\n"
    "| 07g00 - 07g40 | Lễ phát động Tuần lễ | Lãnh đạo quận |\n"
    "| 07g40 - 09g00 | {parade} theo lộ trình: Nhà Văn hóa Thiếu nhi Quận 12 - Lê Văn Khương - Hà Huy Giáp - "
    "Chợ Thạnh Xuân | Công an quận |\n"
    "| 09g00 | Kết thúc | |\n"
    "Phương tiện: 05 xe hoa, 01 xe loa.\n"
)


@pytest.mark.parametrize("parade", ["Diễu hành cổ động bằng xe hoa", "Đoàn xe hoa diễu hành tuyên truyền"])
def test_the_parade_row_of_a_programme_table_gives_its_departure(parade: str) -> None:
    ex = extract(PROGRAMME.format(parade=parade), "ctr.txt")
    assert ex.departure_time == time(7, 40)
    assert ex.assembly_time == time(6, 30)


# -- a labelled line of two float groups ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        "- Xe hoa: 02 xe hoa của Phòng đi đầu và 10 xe hoa của các trường.",
        "- Xe hoa: 02 xe của Phòng đi đầu, 10 xe của 10 trường.",
    ],
)
def test_a_labelled_line_of_two_float_groups_gives_both(line: str) -> None:
    text = f"KẾ HOẠCH\nDiễu hành xe hoa\nLộ trình: Chợ Bà Chiểu - đường Lê Quang Định - Công viên Gia Định.\n{line}\n"
    assert [(f.kind, f.count) for f in extract(text, "kh.txt").forces] == [("float", 2), ("float", 10)]
