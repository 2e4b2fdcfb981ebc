"""Layouts met on the blind sets heldout74/75/77, each written here in variants (other names, days and places; no
corpus document): a kind's count called a total over its bracketed breakdown, a bracket naming the owner of each
single vehicle, a Giấy mời whose programme is titled "CHƯƠNG TRÌNH BUỔI LỄ", a later line replacing an invited
official by a stand-in without naming whom ("A được cử đi công tác; B dự thay"), and a delegation's arrival at
another ceremony's place that is no assembly of the column."""

from __future__ import annotations

import pytest

from imported import WARD, ceremonies_of, plan_data, wishes_of
from paradeplan.importer.extract import extract

# -- a kind's total over its breakdown, and the owner of each single vehicle ---------------------------------------
COLUMN = (
    WARD.format(ward="THẠNH LỘC", ward_t="Thạnh Lộc", year=2024)
    + "Diễu hành cổ động hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
    "- Thời gian: tập trung 6 giờ 30, xuất phát 7 giờ 15, thứ Bảy ngày 05/10/2024.\n"
    "- Lộ trình: Trường THCS Thạnh Lộc → Hà Huy Giáp → Thạnh Lộc 15 → Chợ Thạnh Lộc.\n"
)


def _fleet(data: dict[str, object]) -> list[tuple[str, int]]:
    """The first parade's groups as (kind, count), sorted."""
    parades = data["parades"]
    assert isinstance(parades, list)
    return sorted((g["kind"], g["count"]) for g in parades[0]["groups"])


@pytest.mark.parametrize(
    "vehicles",
    [
        "- Phương tiện: tổng cộng 09 xe hoa (02 xe hoa của phường, 07 xe hoa của các khu phố); 01 xe loa.\n",
        "- Phương tiện: Tổng số 09 xe hoa (03 xe của các trường, 06 xe do các khu phố trang trí); 01 xe loa.\n",
    ],
)
def test_a_kind_s_total_over_its_breakdown_is_one_group(vehicles: str) -> None:
    assert _fleet(plan_data(COLUMN + vehicles)) == [("flower_float", 9), ("loudspeaker", 1)]


@pytest.mark.parametrize(
    "bracket",
    ["(01 của Đoàn Thanh niên, 01 của Hội Khuyến học)", "(01 do Hội Cựu chiến binh, 01 thuộc Trường TH Lê Lợi)"],
)
def test_a_bracket_naming_each_single_vehicle_s_owner_is_one_group(bracket: str) -> None:
    data = plan_data(COLUMN + f"- Đội hình: 02 xe hoa {bracket}; 01 xe loa tuyên truyền.\n")
    assert _fleet(data) == [("flower_float", 2), ("loudspeaker", 1)]


def test_groups_of_several_by_owner_are_still_read_as_parts() -> None:
    data = plan_data(COLUMN + "- Đội hình: 05 xe hoa (02 xe của phường, 03 xe của các trường); 01 xe loa.\n")
    assert _fleet(data) == [("flower_float", 2), ("flower_float", 3), ("loudspeaker", 1)]


# -- a Giấy mời whose programme is titled "the ceremony" -----------------------------------------------------------
LETTER = (
    "ỦY BAN NHÂN DÂN XÃ {name_u}\nSố: 12/GM-UBND\n{name}, ngày 22 tháng 9 năm 2025\n\nGIẤY MỜI\n"
    "Dự Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2025\n\n"
    "Ủy ban nhân dân xã {name} trân trọng kính mời:\n"
    "- Ông Lý Văn Thuận, Chủ tịch Hội Khuyến học xã;\n- Bà Hà Thị Mai, Bí thư Đoàn Thanh niên xã.\n"
    "Tới dự Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2025.\n"
    "Thời gian: 14 giờ 00 phút, thứ Năm, ngày 02/10/2025.\n"
    "Địa điểm: Hội trường Ủy ban nhân dân xã {name}.\n\n"
    "{title}\n"
    "- 13:45 – 14:00: Đón tiếp đại biểu.\n- 14:00 – 14:20: Văn nghệ chào mừng.\n- 14:20 – 14:40: Diễn văn phát động.\n"
    "Rất mong các đồng chí tham dự đúng thời gian./.\n"
)


@pytest.mark.parametrize("title", ["CHƯƠNG TRÌNH BUỔI LỄ", "KỊCH BẢN BUỔI LỄ"])
def test_an_invitation_s_programme_titled_the_ceremony_is_no_second_ceremony(title: str) -> None:
    data = plan_data(LETTER.format(name="Yên Lạc", name_u="YÊN LẠC", title=title), "gm.txt")
    venue = "Hội trường Ủy ban nhân dân xã Yên Lạc"
    assert ceremonies_of(data) == [("2025-10-02", "14:00", venue)]
    assert wishes_of(data) == {"Lý Văn Thuận": [venue], "Hà Thị Mai": [venue]}


# -- a stand-in told in a later line, and a delegation's arrival at another ceremony's place -----------------------
TWO = (
    WARD.format(ward="THẠNH XUÂN", ward_t="Thạnh Xuân", year=2023)
    + "Tham dự Lễ khai mạc cấp Quận, tổ chức Lễ khai mạc và diễu hành cổ động\n"
    "1. Tham dự Lễ khai mạc cấp Quận\n"
    "- Thời gian: 7 giờ 30, thứ Hai, ngày 02/10/2023.\n"
    "- Địa điểm: Nhà Thiếu nhi Quận 12.\n"
    "- Thành phần: đồng chí Trịnh Văn Lộc – Chủ tịch UBND phường; đồng chí Mai Thị Hoa – Phó Bí thư Đảng ủy phường.\n"
    "- Đoàn của phường {arrive} Nhà Thiếu nhi Quận 12 lúc 7 giờ 00 để nhận vị trí.\n"
    "2. Lễ khai mạc cấp phường\n"
    "- Thời gian: 8 giờ 00, Chủ nhật, ngày 08/10/2023 (học sinh tập trung từ 7 giờ 15).\n"
    "- Địa điểm: sân Trường Tiểu học Thạnh Xuân.\n"
    "3. Diễu hành cổ động\n"
    "- Thời gian xuất phát: 8 giờ 40 cùng ngày 08/10/2023, ngay sau Lễ khai mạc.\n"
    "- Lộ trình: Trường Tiểu học Thạnh Xuân – Thạnh Xuân 25 – Hà Huy Giáp – về lại Trường Tiểu học Thạnh Xuân.\n"
    "- Đội hình: 01 xe loa, 02 xe hoa.\n"
    "* {amend} thành phần dự Lễ khai mạc cấp Quận: đồng chí Mai Thị Hoa {away}; đồng chí Đặng Quốc Tuấn – "
    "Phó Chủ tịch UBND phường {instead}.\n"
)


@pytest.mark.parametrize(
    ("amend", "away", "instead", "arrive"),
    [
        ("Điều chỉnh", "được Quận ủy cử đi học lớp bồi dưỡng", "dự thay", "có mặt tại"),
        ("Thay đổi", "đi công tác tại Hà Nội", "đi thay", "tập trung tại"),
    ],
)
def test_a_later_line_s_stand_in_and_an_arrival_elsewhere(amend: str, away: str, instead: str, arrive: str) -> None:
    text = TWO.format(amend=amend, away=away, instead=instead, arrive=arrive)
    people = {o.name for o in extract(text).events.officials}
    assert people == {"Trịnh Văn Lộc", "Đặng Quốc Tuấn"}  # no "Điều chỉnh thành phần", no Mai Thị Hoa
    ex = extract(text)
    assert str(ex.assembly_time) == "07:15:00"  # not the delegation's 7 giờ 00 at Nhà Thiếu nhi Quận 12
