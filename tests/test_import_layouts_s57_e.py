"""Routes, ceremonies, times and deadlines read at session 57 e (other names, places and days than any corpus
document): a "vòng quay đầu tại X" turns the column back at X; a school or a Hội's board that sends people to, or
itself attends, a ceremony of a named level does not hold it; "lộ trình" in a task is no paper due; a team named by
the assembly point ("Tổ bảo vệ điểm tập trung") gives no assembly time."""

from __future__ import annotations

from datetime import date, time

from imported import WARD, ceremonies_of, plan_data
from paradeplan.importer.extract import extract
from paradeplan.importer.prose import prose_steps

# -- a U-turn said with "vòng quay đầu" ------------------------------------------------------------------------------


def test_a_loop_turning_back_at_a_place_is_a_uturn_there() -> None:
    steps = prose_steps("Từ Trường THCS Hòa Bình theo đường Lê Văn Khương, vòng quay đầu tại Chợ Cầu Sắt.")
    assert [(s.kind, s.name) for s in steps] == [
        ("start", "Trường THCS Hòa Bình"),
        ("street", "Lê Văn Khương"),
        ("uturn", "Chợ Cầu Sắt"),
    ]


# -- a school sends a delegation to the ward's opening ---------------------------------------------------------------
SCHOOL = (
    "ỦY BAN NHÂN DÂN QUẬN 12\nTRƯỜNG TIỂU HỌC HÒA BÌNH\nSố: 12/KH-THHB\nQuận 12, ngày 20 tháng 9 năm 2024\n"
    "KẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "1. Lễ phát động: 07 giờ 15, thứ Hai, ngày 30/9/2024 tại sân Trường Tiểu học Hòa Bình.\n"
    "2. Nhà trường cử 03 giáo viên và 10 học sinh dự Lễ khai mạc Tuần lễ cấp phường lúc 08 giờ 00, thứ Tư, ngày "
    "02/10/2024 tại Nhà văn hóa khu phố 2.\n"
)


def test_a_ceremony_the_school_sends_a_delegation_to_is_not_its_own() -> None:
    assert ceremonies_of(plan_data(SCHOOL)) == [("2024-09-30", "07:15", "Trường Tiểu học Hòa Bình")]


# -- a Hội's board attends the district's opening ---------------------------------------------------------------------
BOARD = (
    "HỘI KHUYẾN HỌC QUẬN 12\nHỘI KHUYẾN HỌC PHƯỜNG HIỆP THÀNH\nSố: 05/KH-HKH\nHiệp Thành, ngày 20 tháng 9 năm 2024\n"
    "KẾ HOẠCH\nPhát động Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "1. Lễ phát động: 09 giờ 00, ngày 01/10/2024 tại Nhà văn hóa khu phố 3.\n"
    "2. Ban Chấp hành Hội dự Lễ khai mạc Tuần lễ cấp quận lúc 15 giờ 00 ngày 01/10/2024 tại hội trường UBND quận.\n"
)


def test_a_ceremony_of_another_level_the_board_attends_is_not_its_own() -> None:
    assert ceremonies_of(plan_data(BOARD)) == [("2024-10-01", "09:00", "Nhà văn hóa khu phố 3")]


# -- "lộ trình" in a task with a day ---------------------------------------------------------------------------------
CHECKS = (
    WARD.format(ward="THẠNH LỘC", ward_t="Thạnh Lộc", year=2024) + "Tổ chức diễu hành xe hoa năm 2024\n"
    "I. THỜI GIAN: các xe tập trung lúc 07 giờ 00 ngày 03/10/2024 tại Nhà văn hóa khu phố 1.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "1. Công an phường: kiểm tra biển báo trên lộ trình trong ngày 01/10/2024.\n"
    "2. Các khu phố: gửi danh sách xe về UBND phường trước ngày 27/9/2024.\n"
)


def test_a_route_checked_on_a_day_is_no_term() -> None:
    assert [d.due for d in extract(CHECKS, "k.txt").deadlines] == [date(2024, 9, 27)]


# -- a team named by the assembly point -------------------------------------------------------------------------------
GUARDS = (
    WARD.format(ward="TÂN THỚI NHẤT", ward_t="Tân Thới Nhất", year=2024) + "Bảo đảm trật tự diễu hành xe hoa năm 2024\n"
    "1. Thời gian: các xe tập trung lúc 07 giờ 10 ngày 04/10/2024; xuất phát lúc 07 giờ 40 cùng ngày.\n"
    "2. Địa điểm tập trung, xuất phát: Nhà văn hóa khu phố 5.\n"
    "3. Lộ trình: Nhà văn hóa khu phố 5 → đường Phan Văn Hớn → Nhà văn hóa khu phố 5.\n"
    "4. Tổ giữ xe điểm tập trung (04 đồng chí): có mặt tại Nhà văn hóa khu phố 5 từ 06 giờ 20.\n"
)


def test_a_team_named_by_the_assembly_point_gives_no_assembly_time() -> None:
    ex = extract(GUARDS, "k.txt")
    assert (ex.assembly_time, ex.departure_time) == (time(7, 10), time(7, 40))
