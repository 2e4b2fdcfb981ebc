"""Layouts met on the blind set heldout71, each written here in variants (other names, days and places; no corpus
document): an annex headed by "PHỤ LỤC" alone whose title lines in capitals name the ceremony held at each of its
numbered points, and an officials' table whose rows say where each one goes and when (a place column, a time
column, a row with no name going on with the official above)."""

from __future__ import annotations

import pytest

from imported import ceremonies_of, plan_data, wishes_of
from paradeplan.importer.extract import extract

# -- an annex whose title names the ceremony its numbered points hold ----------------------------------------------
ANNEX = (
    "ỦY BAN NHÂN DÂN\nHUYỆN PHÚ NINH\nSố: 88/KH-UBND\nPhú Ninh, ngày 16 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "I. NỘI DUNG\n"
    "1. Các xã tổ chức khai mạc theo cụm; thời gian, địa điểm và lãnh đạo huyện dự theo Phụ lục kèm theo.\n"
    "2. Các xã gửi báo cáo kết quả về Phòng GD&ĐT trước ngày 15/10/2024.\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n"
    "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐinh Văn Long\n"
    "PHỤ LỤC {number}\n"
    "{title}\n"
    "(Kèm theo Kế hoạch số 88/KH-UBND ngày 16/9/2024)\n"
    "1. Cụm 1 (các xã Tam Đàn, Tam Thái)\n"
    "+ Thời gian: 7 giờ 30, thứ Tư, ngày 02/10/2024.\n"
    "+ Địa điểm: Nhà văn hóa xã Tam Đàn.\n"
    "+ Lãnh đạo huyện dự: đ/c Trương Công Bình, Phó Chủ tịch UBND huyện.\n"
    "2. Cụm 2 (các xã Tam Phước, Tam Lộc)\n"
    "+ Thời gian: 14 giờ 00, thứ Tư, ngày 02/10/2024.\n"
    "+ Địa điểm: Trường Tiểu học Kim Đồng.\n"
    "+ Lãnh đạo huyện dự: đ/c Trương Công Bình, Phó Chủ tịch UBND huyện; đ/c Hồ Thị Mai, Trưởng phòng GD&ĐT.\n"
    "3. Cụm 3 (các xã Tam Vinh, Tam An)\n"
    "+ Thời gian: lúc 8 giờ, thứ Năm, ngày 3 tháng 10 năm 2024.\n"
    "+ Địa điểm: TTHTCĐ xã Tam Vinh.\n"
    "+ Lãnh đạo huyện dự: đ/c Hồ Thị Mai, Trưởng phòng GD&ĐT.\n"
)


@pytest.mark.parametrize(
    ("number", "title"),
    [
        ("", "LỊCH KHAI MẠC TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI TẠI CÁC CỤM XÃ"),
        ("II", "DANH SÁCH CÁC ĐIỂM TỔ CHỨC\nLỄ KHAI MẠC TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2024"),
    ],
)
def test_an_annex_whose_title_lines_name_the_ceremony_its_points_hold(number: str, title: str) -> None:
    data = plan_data(ANNEX.format(number=number, title=title), "kh.txt")
    assert ceremonies_of(data) == [
        ("2024-10-02", "07:30", "Nhà văn hóa xã Tam Đàn"),
        ("2024-10-02", "14:00", "Trường Tiểu học Kim Đồng"),
        ("2024-10-03", "08:00", "TTHTCĐ xã Tam Vinh"),
    ]
    assert wishes_of(data) == {
        "Trương Công Bình": ["Nhà văn hóa xã Tam Đàn", "Trường Tiểu học Kim Đồng"],
        "Hồ Thị Mai": ["Trường Tiểu học Kim Đồng", "TTHTCĐ xã Tam Vinh"],
    }


def test_an_annex_whose_title_names_no_ceremony_holds_none_of_its_own() -> None:
    ex = extract(ANNEX.format(number="", title="DANH SÁCH CÁC CỤM XÃ"), "kh.txt")
    assert ex.events is not None and not any(e.time for e in ex.events.ceremonies)


# -- an officials' table that says where each one goes and when --------------------------------------------------
NOTICE = (
    "ỦY BAN NHÂN DÂN\nHUYỆN DIÊN KHÁNH\nSố: 301/TB-UBND\nDiên Khánh, ngày 25 tháng 9 năm 2023\nTHÔNG BÁO\n"
    "Phân công lãnh đạo huyện dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2023\n"
    "UBND huyện thông báo phân công lãnh đạo dự Lễ khai mạc tại các xã như sau:\n"
    "{table}\n"
    "Phòng GD&ĐT gửi nội dung phát biểu cho các đồng chí trước ngày 28/9/2023.\n"
)
AT_AND_WHEN = (
    "| TT | Họ và tên | Chức vụ | Dự tại | Ngày giờ |\n"
    "| 1 | Lê Minh Quang | Chủ tịch UBND huyện | Lễ khai mạc cấp huyện – Nhà văn hóa huyện Diên Khánh | 7h00 thứ Hai, "
    "02/10/2023 |\n"
    "| | | | NVH xã Diên Phú | 15h00 thứ Hai, 02/10 |\n"
    "| 2 | Đại diện Hội Khuyến học huyện | | TTHTCĐ xã Diên Sơn | 14h30 thứ Ba, 03/10/2023 |\n"
    "| 3 | Đặng Thị Lan | Phó Chủ tịch UBND huyện | Trường THCS Lý Tự Trọng | 07:30 thứ Tư, 04/10/2023 |\n"
)
WHAT_WHERE_WHEN = (
    "| STT | Đồng chí | Dự lễ | Địa điểm | Thời gian |\n"
    "| 1 | Lê Minh Quang, Chủ tịch UBND huyện | Lễ khai mạc cấp huyện | Nhà văn hóa huyện Diên Khánh | 7h00 thứ Hai, "
    "02/10/2023 |\n"
    "| | | Lễ khai mạc | NVH xã Diên Phú | 15h00 thứ Hai, 02/10 |\n"
    "| 2 | Đại diện Hội Khuyến học huyện | Lễ khai mạc | TTHTCĐ xã Diên Sơn | 14h30 thứ Ba, 03/10/2023 |\n"
    "| 3 | Đặng Thị Lan, Phó Chủ tịch UBND huyện | Lễ khai mạc | Trường THCS Lý Tự Trọng | 07:30 thứ Tư, 04/10/2023 |\n"
)


@pytest.mark.parametrize("table", [AT_AND_WHEN, WHAT_WHERE_WHEN])
def test_an_officials_table_that_says_where_each_goes_and_when(table: str) -> None:
    data = plan_data(NOTICE.format(table=table), "tb.txt")
    assert ceremonies_of(data) == [
        ("2023-10-02", "07:00", "Nhà văn hóa huyện Diên Khánh"),
        ("2023-10-02", "15:00", "NVH xã Diên Phú"),
        ("2023-10-03", "14:30", "TTHTCĐ xã Diên Sơn"),
        ("2023-10-04", "07:30", "Trường THCS Lý Tự Trọng"),
    ]
    assert wishes_of(data) == {
        "Lê Minh Quang": ["Nhà văn hóa huyện Diên Khánh", "NVH xã Diên Phú"],
        "Đặng Thị Lan": ["Trường THCS Lý Tự Trọng"],
    }
    assert [str(d["due"]) for d in data.get("deadlines") or []] == ["2023-09-28"]
