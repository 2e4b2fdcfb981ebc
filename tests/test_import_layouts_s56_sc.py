"""Ceremonies read where a document tells none to plan, or twice (s56, sc): a closing whose invitation is to come,
a day heading titled in capitals after a dash, a notice's ceremony told again with its venue in the appendix.
Invented offices, places and people; no corpus document."""

from __future__ import annotations

from datetime import date, time

from paradeplan.importer.extract import extract

#: An invitation to an opening that notes a closing whose invitation is sent later.
INVITATION = """ỦY BAN NHÂN DÂN XÃ BÌNH LỘC

GIẤY MỜI
Dự Lễ khai mạc Tuần lễ học tập suốt đời năm 2025

Ủy ban nhân dân xã Bình Lộc trân trọng kính mời:
- Hiệu trưởng các trường trên địa bàn xã.

Đến dự Lễ khai mạc Tuần lễ học tập suốt đời năm 2025.
Thời gian: 08 giờ 00, Thứ Năm, ngày 02 tháng 10 năm 2025.
Địa điểm: Hội trường Ủy ban nhân dân xã Bình Lộc.

Ghi chú:
- Lễ bế mạc Tuần lễ được tổ chức kết hợp với buổi giao ban tháng 10 của xã, Văn phòng sẽ gửi giấy mời sau.
"""

#: A schedule whose day headings name their day after a dash, in capitals.
SCHEDULE = """ỦY BAN NHÂN DÂN XÃ BÌNH LỘC

THÔNG BÁO
Lịch các hoạt động Tuần lễ học tập suốt đời năm 2025

Ủy ban nhân dân xã Bình Lộc thông báo lịch tổ chức các hoạt động trong Tuần lễ như sau:

1. Các hoạt động chính: Lễ khai mạc lúc 08 giờ 00 ngày 02/10/2025; Lễ bế mạc chiều 06/10/2025 (chi tiết tại Phụ lục).

PHỤ LỤC
LỊCH CHI TIẾT

THỨ TƯ, NGÀY 01/10/2025
- 14h00: Tổng duyệt chương trình tại Nhà văn hóa xã Bình Lộc.

THỨ NĂM, NGÀY 02/10/2025 - LỄ KHAI MẠC
- 08h00: Lễ khai mạc Tuần lễ học tập suốt đời năm 2025.
  Địa điểm: Nhà văn hóa xã Bình Lộc.

THỨ SÁU, NGÀY 03/10/2025
- 08h00: Lớp tin học cho người cao tuổi tại nhà văn hóa ấp 3.

THỨ HAI, NGÀY 06/10/2025 - LỄ BẾ MẠC
- 15h00: Lễ bế mạc Tuần lễ.
  Địa điểm: Trường Tiểu học Bình Lộc.
"""


def test_a_closing_whose_invitation_is_sent_later_is_not_planned() -> None:
    got = [(c.date, c.time) for c in extract(INVITATION).ceremonies]
    assert got == [(date(2025, 10, 2), time(8, 0))]


def test_a_day_heading_titled_in_capitals_dates_the_items_below_it() -> None:
    got = {(c.date, c.time) for c in extract(SCHEDULE).ceremonies}
    assert (date(2025, 10, 2), time(8, 0)) in got
    assert (date(2025, 10, 6), time(15, 0)) in got
    assert all(d != date(2025, 10, 1) for d, _ in got)


def test_a_ceremony_told_again_with_its_venue_is_one() -> None:
    got = [(c.date, c.time, c.place) for c in extract(SCHEDULE).ceremonies if c.date == date(2025, 10, 2)]
    assert len(got) == 1
    assert got[0][2] is not None and "Nhà văn hóa" in got[0][2]


#: A commune's plan whose schools each hold a launch of their own, and whose centre opens a book day.
OTHERS = """ỦY BAN NHÂN DÂN XÃ BÌNH LỘC

KẾ HOẠCH
Tổ chức Tuần lễ học tập suốt đời năm 2025

1. Lễ khai mạc
- Thời gian: 07 giờ 30, thứ Tư, ngày 01/10/2025.
- Địa điểm: Nhà văn hóa xã Bình Lộc.
- Ông Lâm Văn Tư, Giám đốc Trung tâm học tập cộng đồng, cắt băng khai mạc Ngày hội sách
(mở cửa từ 09 giờ 00 đến 17 giờ 00).

2. Các hoạt động khác
- Các trường Tiểu học, Trung học cơ sở trên địa bàn xã tổ chức phát động Tuần lễ trong giờ chào cờ
sáng thứ Hai ngày 06/10/2025 theo kế hoạch riêng của từng trường.
"""


def test_what_each_school_holds_by_its_own_plan_is_not_planned() -> None:
    got = [(c.date, c.time) for c in extract(OTHERS).ceremonies]
    assert (date(2025, 10, 6), time(7, 0)) not in got
    assert all(d != date(2025, 10, 6) for d, _ in got)


def test_a_bare_opening_of_another_event_is_no_ceremony() -> None:
    got = [(c.date, c.time) for c in extract(OTHERS).ceremonies]
    assert got == [(date(2025, 10, 1), time(7, 30))]


#: A ward's own day: its programme item opens its own fair with a bare "khai mạc" (no one only attends it).
OWN_FAIR = """ỦY BAN NHÂN DÂN PHƯỜNG AN LẠC

KẾ HOẠCH
Tổ chức Ngày hội học tập năm 2025

1. Thời gian: ngày 04/10/2025.
2. Chương trình:
- 07 giờ 00: Lễ phát động tại Trường Tiểu học An Lạc.
- 09 giờ 00: khai mạc Ngày hội "Học tập số" tại Nhà văn hóa phường An Lạc.
"""


def test_a_programme_item_opening_the_units_own_fair_stays_a_ceremony() -> None:
    got = [(c.date, c.time) for c in extract(OWN_FAIR).ceremonies]
    assert (date(2025, 10, 4), time(9, 0)) in got
