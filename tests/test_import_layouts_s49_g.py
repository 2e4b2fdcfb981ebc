"""Layouts met on the blind sets heldout73/74, each written here in variants (other names, days and places; no
corpus document): a stand-in said by the one who sends ("A phân công đ/c B dự thay") or in a schedule's cell ("Đ/c B
dự thay đ/c A"), a stand-in said only if the invitee is busy ("nếu ông A bận, … cử ông B dự thay"), a schedule's row
that tells its own ceremony, a weekly schedule's line naming officials by title and name with a "Địa điểm:" field, a
hall named by its school, and an end place followed by "các xe giải tán"."""

from __future__ import annotations

import pytest

from imported import ceremonies_of, plan_data, wishes_of
from paradeplan.importer.extract import extract

HEAD = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG AN PHÚ ĐÔNG\nSố: 77/KH-UBND\nAn Phú Đông, ngày 19 tháng 9 năm 2025\nKẾ HOẠCH\n"
    "Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
)


# -- a stand-in said by the one who sends -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sends",
    [
        "do bận tiếp Đoàn công tác của Quận ủy, đ/c Võ Minh Trí phân công đ/c Lý Thị Ngân – Phó Chủ tịch UBND phường"
        " dự thay",
        "vì trùng lịch họp, đồng chí Võ Minh Trí cử đồng chí Lý Thị Ngân, Phó Chủ tịch UBND phường đi thay",
    ],
)
def test_who_sends_another_in_their_place_misses_that_ceremony_only(sends: str) -> None:
    text = HEAD + (
        "I. DỰ LỄ KHAI MẠC CẤP THÀNH PHỐ\n"
        "- Thời gian: 7 giờ 30, thứ Tư, ngày 01/10/2025.\n"
        "- Địa điểm: Nhà Văn hóa Lao động Thành phố.\n"
        f"- Thành phần: đ/c Võ Minh Trí – Bí thư Đảng ủy phường được mời dự; {sends}.\n"
        "II. LỄ KHAI MẠC CỦA PHƯỜNG\n"
        "- Thời gian: 7 giờ 00, thứ Năm, ngày 02/10/2025.\n"
        "- Địa điểm: Trường THCS An Phú Đông.\n"
        "- Chủ trì: đ/c Võ Minh Trí – Bí thư Đảng ủy phường; đ/c Lý Thị Ngân – Phó Chủ tịch UBND phường.\n"
    )
    wishes = wishes_of(plan_data(text))
    assert wishes["Võ Minh Trí"] == ["Trường THCS An Phú Đông"]
    assert wishes["Lý Thị Ngân"] == ["Nhà Văn hóa Lao động Thành phố", "Trường THCS An Phú Đông"]


# -- a stand-in said only if the invitee cannot come --------------------------------------------------------------
@pytest.mark.parametrize(
    "maybe",
    [
        "(nếu ông Đạt bận, đề nghị Hội cử ông Mai Văn Sơn – Phó Chủ tịch dự thay)",
        "(trường hợp ông Đạt vắng, bà Mai Thị Sen – Ủy viên Ban Thường vụ Hội sẽ dự thay)",
    ],
)
def test_a_stand_in_said_only_if_the_invitee_is_busy_is_not_sent(maybe: str) -> None:
    text = (
        "SỞ GD&ĐT HÀ TĨNH\nTRƯỜNG THPT PHAN ĐÌNH PHÙNG\nSố: 41/KH-PĐP\nHà Tĩnh, ngày 20 tháng 9 năm 2024\n"
        "KẾ HOẠCH\nTổ chức Lễ hưởng ứng Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
        "1. Lễ hưởng ứng tại trường\n"
        "- Thời gian: 7 giờ 15, thứ Hai ngày 07 tháng 10 năm 2024.\n"
        "- Địa điểm: sân trường THPT Phan Đình Phùng.\n"
        "- Đại biểu mời: ông Trần Quốc Bảo – Trưởng phòng GDTX Sở GD&ĐT; ông Đặng Văn Đạt – Chủ tịch Hội Khuyến học"
        f" thành phố {maybe}.\n"
    )
    wishes = wishes_of(plan_data(text))
    assert wishes["Đặng Văn Đạt"] == ["Trường THPT Phan Đình Phùng"]
    assert "Mai Văn Sơn" not in wishes and "Mai Thị Sen" not in wishes
    assert "Trần Quốc Bảo" in wishes


# -- a weekly schedule's table: a stand-in in the leaders' cell, and rows that tell their own ceremony -------------
WEEK = (
    "VĂN PHÒNG HĐND VÀ UBND XÃ NGHI LỘC\nLỊCH CÔNG TÁC TUẦN 41\n(Từ ngày 06/10/2025 đến ngày 12/10/2025)\n"
    "| Ngày | Giờ | Nội dung | Lãnh đạo dự | Địa điểm |\n"
    "| Thứ Hai 06/10 | 07:30 | Lễ khai mạc Tuần lễ học tập suốt đời của xã | Đ/c Phạm Văn Hùng, đ/c Cao Thị Hoa,"
    " đ/c Đinh Công Lý | Trung tâm học tập cộng đồng xã Nghi Lộc |\n"
    "| Thứ Hai 06/10 | 09:30 | Dự Lễ khai mạc Tuần lễ cấp tỉnh | Đ/c Phạm Văn Hùng | Quảng trường Hồ Chí Minh |\n"
    "| Thứ Ba 07/10 | 07:00 | Lễ phát động đọc sách tại trường | Đ/c Cao Thị Hoa {instead} đ/c Phạm Văn Hùng"
    " (đ/c Hùng họp Huyện ủy) | Trường Tiểu học Nghi Lộc |\n"
    "| Thứ Tư 08/10 | 07:30 | Lễ khai mạc Tuần lễ tại trường mầm non | Đ/c Đinh Công Lý | Trường Mầm non Hoa Sen |\n"
)


@pytest.mark.parametrize("instead", ["dự thay", "đi thay cho"])
def test_a_schedules_stand_in_cell_and_rows_that_tell_their_own_ceremony(instead: str) -> None:
    wishes = wishes_of(plan_data(WEEK.format(instead=instead)))
    assert wishes == {
        "Phạm Văn Hùng": ["Trung tâm học tập cộng đồng xã Nghi Lộc", "Quảng trường Hồ Chí Minh"],
        "Cao Thị Hoa": ["Trung tâm học tập cộng đồng xã Nghi Lộc", "Trường Tiểu học Nghi Lộc"],
        "Đinh Công Lý": ["Trung tâm học tập cộng đồng xã Nghi Lộc", "Trường Mầm non Hoa Sen"],
    }


# -- a weekly schedule in lines: officials by title and name, the venue in a "Địa điểm:" field ----------------------
def test_a_weekly_schedules_lines_send_officials_named_by_title_to_the_venue_field() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nVĂN PHÒNG\nSố: 300/LCT-VP\nQuảng Trị, ngày 25 tháng 9 năm 2025\n"
        "LỊCH CÔNG TÁC TUẦN 40\ncủa Chủ tịch, các Phó Chủ tịch UBND tỉnh\n"
        "THỨ NĂM (02/10)\nSáng:\n"
        "- 8g00: Chủ tịch Lê Hồng Phong và PCT Ngô Thị Thảo dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời"
        " cấp tỉnh. Địa điểm: Hội trường Trường Đại học Kinh tế, Đại học Quảng Trị (12 Hùng Vương). Sở GD&ĐT"
        " chuẩn bị bài phát biểu.\n"
        "- 10g00: PCT Ngô Thị Thảo dự Hội nghị trực tuyến về chuyển đổi số. Địa điểm: Điểm cầu UBND tỉnh.\n"
        "Chiều:\n"
        "- 15g00: PCT Ngô Thị Thảo dự Lễ phát động phong trào Gia đình học tập. Địa điểm: Nhà Văn hóa xã Cam Lộ."
        " (Xe đón tại UBND tỉnh.)\n"
        "THỨ SÁU (03/10)\nSáng:\n"
        "- 7g30: PCT Võ Đình Tâm dự Lễ tuyên dương Dòng họ học tập. Địa điểm: Trung tâm học tập cộng đồng xã"
        " Hướng Hóa.\n"
    )
    data = plan_data(text)
    hall = "Hội trường Trường Đại học Kinh tế"
    assert ceremonies_of(data) == [
        ("2025-10-02", "08:00", hall),
        ("2025-10-02", "15:00", "Nhà Văn hóa xã Cam Lộ"),
        ("2025-10-03", "07:30", "Trung tâm học tập cộng đồng xã Hướng Hóa"),
    ]
    assert wishes_of(data) == {
        "Lê Hồng Phong": [hall],
        "Ngô Thị Thảo": [hall, "Nhà Văn hóa xã Cam Lộ"],
        "Võ Đình Tâm": ["Trung tâm học tập cộng đồng xã Hướng Hóa"],
    }


# -- an end place followed by the column breaking up ---------------------------------------------------------------
@pytest.mark.parametrize("breaks", ["các xe giải tán", "toàn đoàn tự giải tán", "đội hình giải tán"])
def test_an_end_place_is_read_without_the_clause_that_breaks_the_column_up(breaks: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG ĐÔNG HƯNG THUẬN\nSố: 77/KH-UBND\nĐông Hưng Thuận, ngày 19 tháng 9 năm 2025\n"
        "KẾ HOẠCH\nTổ chức diễu hành Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        "Lộ trình: Nhà văn hóa Đông Hưng Thuận → đường Nguyễn Văn Quá → đường Tô Ký → kết thúc tại Trường Tiểu"
        f" học Nguyễn Văn Kịp, {breaks}.\n"
    )
    ex = extract(text, "kh.txt")
    assert [s.name for s in ex.route] == [
        "Nhà văn hóa Đông Hưng Thuận",
        "Nguyễn Văn Quá",
        "Tô Ký",
        "Trường Tiểu học Nguyễn Văn Kịp",
    ]
    assert ex.route[-1].end
