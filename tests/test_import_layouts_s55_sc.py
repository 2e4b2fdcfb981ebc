"""Layouts read at session 55 (s55-sc) for ceremonies (other names, days and places than any corpus document): a
ceremony whose hour the plan leaves to the units that hold it ("… vào thời gian phù hợp", "các trường lồng ghép
khai mạc vào buổi chào cờ") is none of this plan; and a heading that names a ceremony read above with its hour, as
its programme ("CHƯƠNG TRÌNH LỄ KHAI MẠC (thứ Năm, 03/10)") or as where a section's duties are done ("1. Tại Lễ
ra quân"), is that ceremony, not one more."""

from __future__ import annotations

import pytest

from imported import ceremonies_of, plan_data

# -- the district's own ceremony, then the communes' and schools' own at a time of their choosing --------------------
LEFT_TO_UNITS = (
    "UBND HUYỆN THANH OAI\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 31/KH-PGDĐT\nThanh Oai, ngày 15 tháng 9 năm 2023\n"
    "KẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023\n"
    "1. Lễ khai mạc cấp huyện\n"
    "Thời gian: 08 giờ 00, thứ Năm ngày 05/10/2023.\n"
    "Địa điểm: Hội trường Trung tâm Văn hóa huyện Thanh Oai.\n"
    "2. Lễ phát động cấp huyện\n"
    "Thời gian: 15 giờ 30, thứ Sáu ngày 06/10/2023.\n"
    "Địa điểm: Sân vận động huyện Thanh Oai.\n"
    "3. Ở cơ sở: {units}\n"
    "4. Tổ chức thực hiện: các đơn vị báo cáo kết quả trước ngày 16/10/2023.\n"
)


@pytest.mark.parametrize(
    "units",
    [
        "các xã tổ chức khai mạc tại nhà văn hóa thôn vào thời gian phù hợp trong Tuần lễ.",
        "15 xã tổ chức lễ khai mạc tại Trung tâm học tập cộng đồng vào thời điểm thích hợp; các trường học lồng "
        "ghép khai mạc vào buổi chào cờ sáng 09/10/2023.",
    ],
)
def test_a_ceremony_whose_hour_is_left_to_the_units_is_none_of_the_plan(units: str) -> None:
    data = plan_data(LEFT_TO_UNITS.format(units=units))
    assert [c[:2] for c in ceremonies_of(data)] == [("2023-10-05", "08:00"), ("2023-10-06", "15:30")]


# -- the programme of a ceremony told above, under a heading that names it with its day ------------------------------
PROGRAMME = (
    "UBND XÃ AN PHÚ\nTRUNG TÂM HỌC TẬP CỘNG ĐỒNG\nSố: 12/KH-TTHTCĐ\nAn Phú, ngày 20 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "I. THỜI GIAN, ĐỊA ĐIỂM\n"
    "- Lễ khai mạc Tuần lễ: 8 giờ 00, thứ Năm ngày 03/10/2024, tại Hội trường Ủy ban nhân dân xã An Phú.\n"
    "II. {head}\n"
    "| Thời gian | Nội dung | Người thực hiện |\n"
    "| 7 giờ 30 - 8 giờ 00 | Đón tiếp đại biểu, xem trưng bày sản phẩm | Ban Tổ chức |\n"
    "| 8 giờ 00 - 8 giờ 10 | Múa chào mừng | Đội văn nghệ xã |\n"
    "| 8 giờ 10 - 8 giờ 20 | Tuyên bố lý do | Ban Tổ chức |\n"
    "| 8 giờ 20 - 8 giờ 35 | Phát biểu khai mạc Tuần lễ | Ông Trịnh Công Lý, Chủ tịch UBND xã |\n"
    "| 8 giờ 35 - 8 giờ 45 | Tặng sách cho thư viện các thôn | Bà Đào Thu Trang, Chủ tịch Hội Khuyến học xã |\n"
    "| 8 giờ 45 - 10 giờ 30 | Ngày hội đọc sách: thi kể chuyện, giao lưu | Học sinh, Nhân dân |\n"
    "III. TỔ CHỨC THỰC HIỆN\n- Văn phòng báo cáo kết quả trước ngày 12/10/2024.\n"
)


@pytest.mark.parametrize("head", ["CHƯƠNG TRÌNH LỄ KHAI MẠC (thứ Năm, 03/10/2024)", "Chương trình Lễ khai mạc (03/10)"])
def test_a_programme_heading_of_a_ceremony_told_above_is_that_ceremony(head: str) -> None:
    data = plan_data(PROGRAMME.format(head=head))
    assert [c[:2] for c in ceremonies_of(data)] == [("2024-10-03", "08:00")]


# -- a section of duties headed by the ceremony it serves, a timetable of the forces below ----------------------------
DUTIES = (
    "CÔNG AN HUYỆN CỦ CHI\nSố: 402/KH-CAH\nCủ Chi, ngày 24 tháng 9 năm 2023\nKẾ HOẠCH\n"
    "Bảo đảm an ninh trật tự phục vụ Lễ ra quân Tuần lễ học tập suốt đời năm 2023\n"
    "I. TÌNH HÌNH\n"
    "Ủy ban nhân dân huyện tổ chức Lễ ra quân vào lúc 06 giờ 30, thứ Hai ngày 02/10/2023 tại Quảng trường huyện "
    "Củ Chi.\n"
    "II. NỘI DUNG\n"
    "1. {head}\n"
    "- Bố trí lực lượng bảo vệ khu vực lễ đài.\n"
    "2. Thời gian triển khai\n"
    "| Thời gian | Nội dung | Lực lượng |\n"
    "| 15 giờ 00, 29/9/2023 | Họp giao nhiệm vụ tại Hội trường Công an huyện | Chỉ huy các tổ |\n"
    "| 05 giờ 45, 02/10/2023 | Lực lượng có mặt tại vị trí | Các tổ |\n"
    "III. TỔ CHỨC THỰC HIỆN\n- Đội Tham mưu báo cáo kết quả trước ngày 05/10/2023.\n"
)


@pytest.mark.parametrize("head", ["Tại Lễ ra quân", "Tại buổi Lễ ra quân"])
def test_a_heading_at_a_ceremony_told_above_is_that_ceremony(head: str) -> None:
    data = plan_data(DUTIES.format(head=head))
    assert [c[:2] for c in ceremonies_of(data)] == [("2023-10-02", "06:30")]
