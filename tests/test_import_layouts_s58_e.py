"""Importer rules of stop 58, after the sealed measure: a ceremony another organ holds, said in the passive ("Lễ
khai mạc cấp huyện được Ủy ban nhân dân huyện tổ chức ngày …"), is told for information, as "do … tổ chức" is."""

from __future__ import annotations

from imported import WARD, ceremonies_of, plan_data, wishes_of

# -- another organ's ceremony in the passive -------------------------------------------------------------------------
LAUNCH = (
    WARD.format(ward="HIỆP THÀNH", ward_t="Hiệp Thành", year=2023)
    + "Tổ chức Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2023\n"
    "I. THỜI GIAN, ĐỊA ĐIỂM\n"
    "Lễ phát động của phường: 15 giờ 00, Chủ nhật, ngày 08/10/2023, tại Nhà văn hóa khu phố 3, phường Hiệp Thành.\n"
    "Ghi chú: Lễ khai mạc Tuần lễ cấp quận được Ủy ban nhân dân Quận 12 tổ chức ngày 02/10/2023 theo kế hoạch "
    "riêng; phường tổ chức phát động vào cuối Tuần lễ.\n"
)


def test_a_ceremony_another_organ_holds_said_in_the_passive_is_not_the_plans() -> None:
    assert ceremonies_of(plan_data(LAUNCH)) == [("2023-10-08", "15:00", "Nhà văn hóa khu phố 3")]


def test_a_ceremony_the_issuer_holds_said_in_the_passive_stays() -> None:
    text = LAUNCH.replace("được Ủy ban nhân dân Quận 12 tổ chức ngày 02/10/2023", "được tổ chức ngày 02/10/2023")
    assert len(ceremonies_of(plan_data(text))) >= 1


# -- a ceremony told "at the end of the week" takes no day of another clause ------------------------------------------
INVITATION = (
    "HỘI KHUYẾN HỌC PHƯỜNG HIỆP THÀNH\nSố: 9/TM-HKH\nHiệp Thành, ngày 29 tháng 9 năm 2023\nTHƯ MỜI\n"
    "Dự Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2023\n"
    "Thời gian: 15 giờ 00, Chủ nhật, ngày 08/10/2023.\nĐịa điểm: Nhà văn hóa khu phố 3, phường Hiệp Thành.\n"
    "Lễ khai mạc Tuần lễ cấp quận được Ủy ban nhân dân Quận 12 tổ chức ngày 02/10/2023; Lễ phát động của phường "
    "được tổ chức vào cuối Tuần lễ để trao học bổng cho học sinh.\n"
)


def test_a_ceremony_told_at_the_end_of_the_week_takes_no_day_of_its_lines_other_clause() -> None:
    assert ceremonies_of(plan_data(INVITATION)) == [("2023-10-08", "15:00", "Nhà văn hóa khu phố 3")]


# -- a table's column named by two words ("Thành phần, phụ trách") ends the venue before it ----------------------------
ROWS = (
    WARD.format(ward="THẠNH LỘC", ward_t="Thạnh Lộc", year=2024)
    + "Tổ chức các hoạt động Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "| STT | Hoạt động | Thời gian | Địa điểm | Thành phần, phụ trách |\n"
    "| 1 | Lễ phát động Tuần lễ | 14 giờ 00, ngày 02/10/2024 | Nhà văn hóa khu phố 2 | Lãnh đạo UBND phường; "
    "Trung tâm học tập cộng đồng |\n"
)


def test_a_venue_ends_before_a_column_named_by_two_words() -> None:
    assert ceremonies_of(plan_data(ROWS)) == [("2024-10-02", "14:00", "Nhà văn hóa khu phố 2")]


# -- a stand-in only in case the official is kept away ---------------------------------------------------------------
SCHOOLS = (
    WARD.format(ward="TÂN CHÁNH HIỆP", ward_t="Tân Chánh Hiệp", year=2023)
    + "Tổ chức Lễ khai mạc Tuần lễ học tập suốt đời năm 2023 tại các trường\n"
    "1. Lễ khai mạc tại Trường Mầm non Hoa Mai lúc 7 giờ 00 ngày 02/10/2023: đồng chí Lê Thị Thu - Phó Chủ tịch "
    "UBND phường dự.\n"
    "2. Lễ khai mạc tại Trường THCS Tân Chánh Hiệp lúc 15 giờ 00 ngày 04/10/2023: đồng chí Lê Thị Thu - Phó Chủ "
    "tịch UBND phường dự.\n"
    "Trường hợp đồng chí Lê Thị Thu bận công tác, đồng chí Ngô Văn Tâm - Chủ tịch Hội Khuyến học phường dự thay "
    "tại Trường THCS Tân Chánh Hiệp.\n"
)


def test_a_stand_in_only_in_case_keeps_the_official_at_the_ceremony() -> None:
    assert wishes_of(plan_data(SCHOOLS))["Lê Thị Thu"] == ["Trường Mầm non Hoa Mai", "Trường THCS Tân Chánh Hiệp"]
