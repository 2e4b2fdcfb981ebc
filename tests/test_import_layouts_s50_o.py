"""Layouts met on the blind sets heldout79/80, each written here in variants (other names, days and places; no
corpus document): a letter's lettered list of cluster ceremonies under "Lịch tổ chức các buổi lễ", a body that
sends its ceremonies to an annex's table ("thời gian, địa điểm … theo Phụ lục"), a short programme whose timed rows
open right under the title, and a table of ceremonies whose "Thành phần" cells name the officials."""

from __future__ import annotations

import pytest

from imported import ceremonies_of, plan_data, wishes_of
from paradeplan.importer.attend import _LEVELS_LISTED
from paradeplan.importer.events import _COUNTED_PEOPLE
from paradeplan.importer.extract import extract
from paradeplan.importer.structure import numbering
from paradeplan.importer.text import Folded

# -- a lettered list of cluster ceremonies under a schedule heading that names no ceremony -------------------------
CLUSTERS = (
    "ỦY BAN NHÂN DÂN\nHUYỆN ĐỨC THỌ\nSố: 77/UBND-VP\nĐức Thọ, ngày 16 tháng 9 năm 2025\n"
    "V/v khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
    "Kính gửi: Ủy ban nhân dân các xã.\n"
    "UBND huyện tổ chức Lễ khai mạc tại 03 cụm, cụ thể như sau:\n"
    "1. {heading}\n"
    "a) Cụm Đức Lạng (kết hợp khai mạc cấp huyện): lúc 7 giờ 00 ngày 02/10/2025 tại Sân vận động huyện Đức Thọ. "
    "Lãnh đạo huyện dự: đồng chí Phan Văn Tâm, Chủ tịch UBND huyện.\n"
    "b) Cụm Tùng Ảnh (các xã Tùng Ảnh, Đức Đồng): vào 15 giờ ngày 02/10/2025 tại Nhà văn hóa xã Tùng Ảnh.\n"
    "c) Cụm Bùi La Nhân (các xã Bùi La Nhân, Yên Hồ): 7 giờ 30 phút ngày 4 tháng 10 năm 2025 tại Trường Tiểu học "
    "Bùi La Nhân.\n"
    "2. Thành phần: lãnh đạo các xã trong cụm; mỗi buổi không quá 150 đại biểu.\n"
)


@pytest.mark.parametrize(
    "heading", ["Lịch tổ chức các buổi lễ", "Lịch tổ chức tại các cụm", "Các điểm tổ chức", "Lịch cụ thể"]
)
def test_a_lettered_list_of_cluster_ceremonies_under_a_schedule_heading(heading: str) -> None:
    data = plan_data(CLUSTERS.format(heading=heading), "cv.txt")
    assert ceremonies_of(data) == [
        ("2025-10-02", "07:00", "Sân vận động huyện Đức Thọ"),
        ("2025-10-02", "15:00", "Nhà văn hóa xã Tùng Ảnh"),
        ("2025-10-04", "07:30", "Trường Tiểu học Bùi La Nhân"),
    ]


# -- a body that sends its ceremonies to an annex's table ----------------------------------------------------------
ANNEX = (
    "ỦY BAN NHÂN DÂN\nTHỊ XÃ NGHI SƠN\nSố: 90/KH-UBND\nNghi Sơn, ngày 15 tháng 9 năm 2025\nKẾ HOẠCH\n"
    "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
    "I. NỘI DUNG\n"
    "1. {said}\n"
    "2. Trung tâm Văn hóa thị xã: bố trí sân khấu, âm thanh phục vụ Lễ khai mạc cấp thị xã, hoàn thành trước 16h00 "
    "ngày 29/9/2025.\n"
    "PHỤ LỤC\n"
    "LỊCH TỔ CHỨC LỄ KHAI MẠC\n"
    "| TT | Đơn vị | Thời gian | Địa điểm |\n"
    "| 1 | UBND thị xã | 7h00, 01/10/2025 | Quảng trường thị xã Nghi Sơn |\n"
    "| 2 | UBND phường Hải Hòa | 8h15, 03/10/2025 | Trường THCS Hải Hòa |\n"
)


@pytest.mark.parametrize(
    "said",
    [
        "Lễ khai mạc cấp thị xã và tại 01 phường chọn điểm: thời gian, địa điểm, thành phần theo Phụ lục kèm theo.",
        "Lễ khai mạc tại các điểm: thời gian, địa điểm cụ thể như lịch kèm theo.",
    ],
)
def test_a_ceremony_whose_time_and_venue_an_annex_gives_is_no_ceremony_of_its_own(said: str) -> None:
    ex = extract(ANNEX.format(said=said), "kh.txt")
    assert sorted((str(e.date), str(e.time)[:5]) for e in ex.events.ceremonies) == [
        ("2025-10-01", "07:00"),
        ("2025-10-03", "08:15"),
    ]


# -- a short programme whose timed rows start right under its title ----------------------------------------------
PROGRAMME = (
    "UBND XÃ TÂN PHÚ\nSố: 12/CTr-UBND\n"
    "CHƯƠNG TRÌNH\n"
    "Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
    "{under}\n"
    "Thời gian        Nội dung\n"
    "06 giờ 45        Tập trung học sinh tại sân trường\n"
    "07 giờ 00        Khai mạc, giới thiệu đại biểu\n"
    "07 giờ 10        {speech} - đồng chí Lò Văn Khánh, Chủ tịch UBND xã\n"
    "07 giờ 30        Trao thưởng học sinh tiêu biểu (bà Cầm Thị Hoa, Phó Chủ tịch UBND xã)\n"
    "08 giờ 00        Bế mạc\n"
)


@pytest.mark.parametrize(
    ("under", "speech"),
    [
        ("Chủ Nhật, ngày 05 tháng 10 năm 2025 - tại Trường Tiểu học Tân Phú", "Phát biểu phát động"),
        ("Ngày 05/10/2025, tại Trường Tiểu học Tân Phú", "Đọc diễn văn phát động"),
    ],
)
def test_a_programme_whose_rows_start_under_its_title(under: str, speech: str) -> None:
    data = plan_data(PROGRAMME.format(under=under, speech=speech), "ctr.txt")
    assert ceremonies_of(data) == [("2025-10-05", "07:00", "Trường Tiểu học Tân Phú")]
    assert wishes_of(data) == {"Lò Văn Khánh": ["Trường Tiểu học Tân Phú"], "Cầm Thị Hoa": ["Trường Tiểu học Tân Phú"]}


def test_an_hour_at_a_lines_head_is_no_numbering() -> None:
    assert numbering(Folded.of("06 giờ 30 Tập trung")) is None
    assert numbering(Folded.of("7h15 Khai mạc")) is None
    assert numbering(Folded.of("3 Tổ chức thực hiện")) is not None


# -- a table of ceremonies whose "Thành phần" cells name the officials --------------------------------------------
TABLE = (
    "ỦY BAN NHÂN DÂN\nHUYỆN CỦ CHI\nSố: 300/KH-UBND\nCủ Chi, ngày 12 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "II. NỘI DUNG\n"
    "1. Lịch tổ chức Lễ khai mạc cấp huyện và các xã chọn điểm:\n"
    "| STT | Đơn vị | Thời gian | Địa điểm | Thành phần |\n"
    "| 1 | UBND huyện (lễ cấp huyện) | 7 giờ 00, ngày 01/10/2024 | Nhà Văn hóa Thanh niên huyện Củ Chi | "
    "đ/c Lê Hoàng Nam - Phó Chủ tịch UBND huyện; đ/c Phạm Thị Thu - Trưởng phòng GD&ĐT |\n"
    "| 2 | UBND xã Tân Thông Hội | 14g00, 01/10/2024 | Trường THCS Tân Thông Hội | "
    "đ/c Phạm Thị Thu - Trưởng phòng GD&ĐT; Đảng ủy, UBND xã |\n"
    "| 3 | UBND xã Phước Hiệp | 8g00, 02/10/2024 | Trường Tiểu học Phước Hiệp | "
    "đ/c Lê Hoàng Nam - Phó Chủ tịch UBND huyện |\n"
    "| 4 | UBND xã Trung An | Không tổ chức riêng | - | Cử 03 đại biểu dự lễ cấp huyện |\n"
    "2. Chương trình Lễ khai mạc cấp huyện: văn nghệ; diễn văn khai mạc của đ/c Lê Hoàng Nam; khen thưởng.\n"
)


def test_a_table_whose_cells_name_the_officials_at_several_venues() -> None:
    data = plan_data(TABLE, "kh.txt")
    assert wishes_of(data) == {
        "Lê Hoàng Nam": ["Nhà Văn hóa Thanh niên huyện Củ Chi", "Trường Tiểu học Phước Hiệp"],
        "Phạm Thị Thu": ["Nhà Văn hóa Thanh niên huyện Củ Chi", "Trường THCS Tân Thông Hội"],
    }


def test_a_count_of_delegates_and_a_title_over_several_levels() -> None:
    assert _COUNTED_PEOPLE.match("cu 05 dai bieu")
    assert _COUNTED_PEOPLE.match("02 dong chi lanh dao phuong")
    assert not _COUNTED_PEOPLE.match("dong chi tran van an")
    assert _LEVELS_LISTED.search("lich to chuc le khai mac cap quan va cac phuong duoc chon diem")
    assert _LEVELS_LISTED.search("le khai mac cap huyen va cap xa")
    assert not _LEVELS_LISTED.search("le khai mac cap tinh")
