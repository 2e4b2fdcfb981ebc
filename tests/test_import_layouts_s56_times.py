"""Parade times read at session 56 (other names, places and days than any corpus document): a departure told in a
sentence about a past year ("năm 2023, đoàn xe … xuất phát lúc …" in a 2024 plan) is that year's, the column's own
departure is the one told for now; an amendment that changes the hours ("Điều chỉnh thời gian …") does not give the
column the time at which pupils gather for a ceremony told in that ceremony's own section."""

from __future__ import annotations

from datetime import time

from imported import WARD
from paradeplan.importer.extract import extract

# -- last year's departure told before this year's ------------------------------------------------------------------
LAST_YEAR = (
    WARD.format(ward="HIỆP THÀNH", ward_t="Hiệp Thành", year=2024)
    + "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "I. MỤC ĐÍCH\n1. Phát huy kết quả năm 2023: đoàn xe ngày 02/10/2023 có 09 xe hoa, xuất phát lúc 06 giờ 40 phút "
    "từ Nhà văn hóa khu phố 2.\n"
    "II. NỘI DUNG\n1. Diễu hành xe hoa\n"
    "- Tập trung xe: 07 giờ 10 phút ngày 03/10/2024 tại Trường Tiểu học Hiệp Thành; xuất phát lúc 08 giờ 05 phút.\n"
    "- Lộ trình: Trường Tiểu học Hiệp Thành → đường Nguyễn Thị Búp → đường Lê Văn Khương → Trường Tiểu học Hiệp "
    "Thành.\n"
)


def test_a_departure_told_of_a_past_year_is_not_the_columns() -> None:
    ex = extract(LAST_YEAR, "k.txt")
    assert (ex.assembly_time, ex.departure_time) == (time(7, 10), time(8, 5))


# -- an amendment of hours: the ceremony's section tells its pupils' gathering ------------------------------------
AMENDED = (
    WARD.format(ward="ĐÔNG HƯNG THUẬN", ward_t="Đông Hưng Thuận", year=2024)
    + "Điều chỉnh thời gian tổ chức Lễ phát động và diễu hành cổ động\n"
    "Ủy ban nhân dân phường điều chỉnh thời gian một số hoạt động như sau:\n"
    "1. Lễ phát động\n"
    "- Nay điều chỉnh: 08 giờ 00, thứ Năm ngày 03/10/2024 tại Trường THCS Phan Bội Châu. Học sinh tập trung lúc "
    "07 giờ 20.\n"
    "2. Diễu hành cổ động\n"
    "- Nay điều chỉnh: các xe tập trung tại Trường THCS Phan Bội Châu lúc 07 giờ 35 ngày 03/10/2024; xuất phát "
    "lúc 09 giờ 00.\n"
    "- Lộ trình: Trường THCS Phan Bội Châu → đường Tô Ngọc Vân → đường Hà Huy Giáp → Trường THCS Phan Bội Châu.\n"
)


def test_an_amendments_ceremony_section_gives_the_column_no_assembly_time() -> None:
    ex = extract(AMENDED, "k.txt")
    assert (ex.assembly_time, ex.departure_time) == (time(7, 35), time(9, 0))
