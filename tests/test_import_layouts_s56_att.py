"""Layouts read at session 56 for who acts at a ceremony (other names, days and places than any corpus document): a
label that names an item by what its performer does ("Trao học bổng …: ông A"), a section titled by the ceremony it
tells ("Tại Lễ phát động", "(Lễ bế mạc ngày …)"), a task's line that names one ceremony and then who acts there, an
item naming no one between two that do, a count of people sent ("Cử 01 Phó Hiệu trưởng …"), and "phất cờ lệnh"."""

from __future__ import annotations

import pytest

from imported import plan_data, wishes_of

HEAD = (
    "ỦY BAN NHÂN DÂN QUẬN THỦ ĐỨC\nỦY BAN NHÂN DÂN PHƯỜNG HIỆP BÌNH\nSố: 71/KH-UBND\n"
    "Hiệp Bình, ngày 16 tháng 9 năm 2024\nKẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "I. MỤC ĐÍCH\n- Lan tỏa phong trào tự học trong Nhân dân.\n"
)
TAIL = "IV. TỔ CHỨC THỰC HIỆN\n- Các khu phố báo cáo kết quả trước ngày 15/10/2024.\n"

# -- a label naming an item by its performer's act -----------------------------------------------------------------
ACT_LABEL = (
    HEAD + "II. NỘI DUNG\n1. Lễ khai mạc Tuần lễ\n- Thời gian: 08 giờ 00, thứ Tư, ngày 02/10/2024.\n"
    "- Địa điểm: Nhà văn hóa phường Hiệp Bình.\n- Chủ trì: bà Đào Thị Hoa, Chủ tịch UBND phường.\n"
    "- {label}: ông Lâm Văn Khải, Chủ tịch Hội Khuyến học phường.\n"
    "- Thành phần: đại diện các đoàn thể, khoảng 120 người.\n" + TAIL
)


@pytest.mark.parametrize(
    "label", ["Trao học bổng cho 20 học sinh vượt khó năm học 2023 - 2024", "TRAO THƯỞNG “Gia đình học tập”"]
)
def test_a_label_naming_the_performers_act_sends_who_follows_it(label: str) -> None:
    wishes = wishes_of(plan_data(ACT_LABEL.format(label=label)))
    assert wishes.get("Lâm Văn Khải") == ["Nhà văn hóa phường Hiệp Bình"]
    assert wishes.get("Đào Thị Hoa") == ["Nhà văn hóa phường Hiệp Bình"]


ACT_LABEL_UNDER = (
    HEAD + "II. LỊCH HOẠT ĐỘNG\nTHỨ TƯ, NGÀY 02/10/2024\n"
    "- 07 giờ 15: Lễ khai mạc Tuần lễ cấp phường tại Trường Tiểu học Hiệp Bình.\n"
    "  Chủ trì: đồng chí Đào Thị Hoa, Chủ tịch UBND phường.\n"
    "  Tặng sách cho thư viện 05 khu phố: đồng chí Lâm Văn Khải, Chủ tịch Hội Khuyến học phường.\n" + TAIL
)


def test_an_act_label_under_a_ceremonys_line_sends_its_person() -> None:
    wishes = wishes_of(plan_data(ACT_LABEL_UNDER))
    assert wishes.get("Lâm Văn Khải") == ["Trường Tiểu học Hiệp Bình"]


# -- a section titled by the ceremony it tells ----------------------------------------------------------------------
TITLED = (
    HEAD + "II. THỜI GIAN, ĐỊA ĐIỂM\n"
    "1. Lễ khai mạc: 07 giờ 30, thứ Tư, ngày 02/10/2024, tại Nhà văn hóa phường Hiệp Bình.\n"
    "2. Lễ bế mạc: 15 giờ 00, thứ Ba, ngày 08/10/2024, tại Trường Trung học cơ sở Hiệp Bình.\n"
    "III. {title}\n"
    "- Ông Hà Minh Trí - Phó Chủ tịch UBND phường trao giấy khen cho các gia đình học tập tiêu biểu.\n"
    "- Ông Võ Đức Long, Trưởng Công an phường, bảo đảm an ninh khu vực buổi lễ.\n" + TAIL
)


@pytest.mark.parametrize("title", ["TỔNG KẾT, KHEN THƯỞNG (Lễ bế mạc ngày 08/10/2024)", "Tại Lễ bế mạc"])
def test_a_section_titled_by_its_ceremony_sends_who_acts_in_its_items(title: str) -> None:
    wishes = wishes_of(plan_data(TITLED.format(title=title)))
    assert wishes.get("Hà Minh Trí") == ["Trường Trung học cơ sở Hiệp Bình"]
    assert "Võ Đức Long" not in wishes  # no act of taking part: a task around it


STARTER = (
    "CÔNG AN QUẬN THỦ ĐỨC\nSố: 402/KH-CAQ\nThủ Đức, ngày 20 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Bảo đảm trật tự Lễ phát động và diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
    "I. TÌNH HÌNH\nỦy ban nhân dân phường Hiệp Bình tổ chức Lễ phát động lúc 07 giờ 00, thứ Tư ngày 02/10/2024 "
    "tại Trụ sở UBND phường Hiệp Bình.\n"
    "II. NỘI DUNG\n1. Tại Lễ phát động\n- Bố trí lực lượng bảo vệ khu vực hội trường.\n"
    "- Đồng chí Tạ Quang Sơn, Phó Chủ tịch UBND phường, phát lệnh xuất phát đoàn xe tại cổng Trụ sở UBND phường "
    "Hiệp Bình.\n2. Lực lượng\n- Tổ Cảnh sát giao thông: 08 đồng chí.\n"
)


def test_who_sends_the_column_off_at_the_ceremonys_own_place_in_its_section_attends_it() -> None:
    wishes = wishes_of(plan_data(STARTER))
    assert wishes.get("Tạ Quang Sơn") == ["Trụ sở UBND phường Hiệp Bình"]


# -- a task's line naming one ceremony, then who acts there ---------------------------------------------------------
TASK = (
    HEAD + "II. THỜI GIAN, ĐỊA ĐIỂM\n"
    "1. Lễ khai mạc: 07 giờ 30, thứ Tư, ngày 02/10/2024, tại Nhà văn hóa phường Hiệp Bình.\n"
    "2. Lễ tuyên dương: 09 giờ 00, thứ Sáu, ngày 04/10/2024, tại Nhà văn hóa khu phố 6.\n"
    "III. PHÂN CÔNG\n1. Hội Liên hiệp Phụ nữ phường\n"
    "- Chuẩn bị quà tặng cho Lễ tuyên dương tại Nhà văn hóa khu phố 6; bà Mai Thị Thu, Chủ tịch Hội Liên hiệp "
    "Phụ nữ phường trao quà cho các gia đình tiêu biểu.\n"
    "- Chuẩn bị hoa cho Lễ khai mạc tại Nhà văn hóa phường Hiệp Bình; ông Lý Văn Tài, cán bộ văn hóa, nhận hoa "
    "từ các khu phố.\n" + TAIL
)


def test_who_acts_in_a_clause_of_a_task_naming_one_ceremony_attends_it() -> None:
    wishes = wishes_of(plan_data(TASK))
    assert wishes.get("Mai Thị Thu") == ["Nhà văn hóa khu phố 6"]
    assert "Lý Văn Tài" not in wishes  # receives: no act of taking part


# -- an item naming no one between two that do ----------------------------------------------------------------------
UNNAMED_ITEM = (
    HEAD + "II. THỜI GIAN, ĐỊA ĐIỂM\n"
    "1. Lễ khai mạc: 07 giờ 30, thứ Tư, ngày 02/10/2024, tại Nhà văn hóa phường Hiệp Bình.\n"
    "   - Bà Đào Thị Hoa, Chủ tịch UBND phường, phát biểu khai mạc;\n"
    "   - Đại diện Đoàn Thanh niên phường báo cáo kết quả phong trào đọc sách;\n"
    "   - Ông Lâm Văn Khải, Phó Chủ tịch UBND phường, trao giấy khen cho các khu phố.\n"
    "2. Thư viện phường mở cửa phục vụ Nhân dân cả ngày thứ Bảy và Chủ nhật.\n" + TAIL
)


def test_an_item_naming_no_one_does_not_end_the_ceremonys_list() -> None:
    wishes = wishes_of(plan_data(UNNAMED_ITEM))
    assert wishes.get("Lâm Văn Khải") == ["Nhà văn hóa phường Hiệp Bình"]


# -- a count of people sent names no one ----------------------------------------------------------------------------
COUNTED = (
    "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN THỦ ĐỨC\nTRƯỜNG TIỂU HỌC HIỆP BÌNH\nSố: 19/KH-THHB\n"
    "Thủ Đức, ngày 20 tháng 9 năm 2024\nKẾ HOẠCH\nHưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
    "I. LỄ KHAI MẠC CỦA TRƯỜNG\nLễ khai mạc lúc 07 giờ 00, thứ Hai ngày 30/9/2024 tại Trường Tiểu học Hiệp Bình; "
    "cô Phùng Thị Yến, Hiệu trưởng phát biểu khai mạc.\n"
    "II. THAM GIA HOẠT ĐỘNG CẤP QUẬN\nCử 01 Phó Hiệu trưởng, 02 giáo viên và 10 học sinh tham dự Lễ khai mạc cấp quận "
    "lúc 07 giờ 30, thứ Tư ngày 02/10/2024 tại Trung tâm Văn hóa quận Thủ Đức.\n"
)


def test_a_count_of_people_sent_is_no_attendee() -> None:
    wishes = wishes_of(plan_data(COUNTED))
    assert not [name for name in wishes if name[:1].isdigit()]


# -- "phất cờ lệnh": the start signal -------------------------------------------------------------------------------
FLAG = (
    HEAD + "II. LỄ RA QUÂN\nLễ ra quân diễu hành tổ chức lúc 07 giờ 00, thứ Tư ngày 02/10/2024 tại sân Trường Tiểu "
    "học Hiệp Bình. Tại buổi lễ, ông Lâm Văn Khải, Chủ tịch UBND phường, phát biểu; bà Đào Thị Hoa, Phó Chủ tịch "
    "UBND phường, phất cờ lệnh cho đoàn xe xuất phát.\n" + TAIL
)


def test_who_waves_the_start_flag_at_a_ceremony_attends_it() -> None:
    wishes = wishes_of(plan_data(FLAG))
    assert wishes.get("Lâm Văn Khải")
    assert wishes.get("Đào Thị Hoa") == wishes["Lâm Văn Khải"]


# -- a clause that names a ceremony of its own -----------------------------------------------------------------------
TWO_IN_A_LINE = (
    HEAD + "II. THỜI GIAN, ĐỊA ĐIỂM\n"
    "1. Lễ khai mạc: 07 giờ 30, thứ Tư, ngày 02/10/2024, tại Nhà văn hóa phường Hiệp Bình.\n"
    "2. Lễ tổng kết: 15 giờ 00, thứ Hai, ngày 07/10/2024, tại Hội trường UBND phường Hiệp Bình.\n"
    "III. PHÂN CÔNG\n"
    "- Chuẩn bị Lễ khai mạc tại Nhà văn hóa phường Hiệp Bình; bà Mai Thị Thu, Chủ tịch Hội Liên hiệp Phụ nữ "
    "phường, dự và phát biểu tại Lễ tổng kết.\n" + TAIL
)


def test_who_acts_in_a_clause_naming_another_ceremony_is_not_sent_to_the_lines_one() -> None:
    wishes = wishes_of(plan_data(TWO_IN_A_LINE))
    assert "Nhà văn hóa phường Hiệp Bình" not in wishes.get("Mai Thị Thu", [])
