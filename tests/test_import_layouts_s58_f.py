"""Layouts read at session 58 (f) for who attends a ceremony (other names, days and places than any corpus document):
"Dự Lễ khai mạc có đồng chí A … và đồng chí B", a paragraph's guests kept from the other ceremony one of them goes on
to, a guests' field whose first person goes on to another ceremony, a list of who attends (a section or an item
"Thành phần tham dự:") with each person's act, and "báo cáo kết quả" as an act there."""

from __future__ import annotations

import pytest

from imported import plan_data, wishes_of

HEAD = (
    "ỦY BAN NHÂN DÂN QUẬN BÌNH TÂN\nỦY BAN NHÂN DÂN PHƯỜNG AN LẠC\nSố: 93/KH-UBND\n"
    "An Lạc, ngày 18 tháng 9 năm 2024\nKẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "I. MỤC ĐÍCH\n- Khích lệ tinh thần tự học trong Nhân dân.\n"
)
TAIL = "IV. TỔ CHỨC THỰC HIỆN\n- Các khu phố báo cáo kết quả trước ngày 14/10/2024.\n"

# -- "Dự Lễ khai mạc có đồng chí A … và đồng chí B"; A goes on to the district's ----------------------------------
ATTENDED_BY = (
    HEAD + "II. NỘI DUNG\n"
    "Lễ khai mạc Tuần lễ cấp phường tổ chức lúc 07 giờ 00, thứ Tư, ngày 02/10/2024, tại Nhà văn hóa phường An Lạc. "
    "Dự Lễ khai mạc có đồng chí Tôn Thất Bình - Chủ tịch UBND phường (phát biểu khai mạc) và đồng chí Mai Thị "
    "Hồng Vân - Phó Chủ tịch UBND phường; sau khi phát biểu, đồng chí Tôn Thất Bình dự Lễ khai mạc cấp quận tại "
    "Trung tâm Văn hóa quận Bình Tân lúc 08 giờ 30.\n" + TAIL
)


def test_a_second_person_the_sentence_lists_as_attending_attends_the_paragraphs_own_ceremony_only() -> None:
    wishes = wishes_of(plan_data(ATTENDED_BY))
    assert wishes.get("Mai Thị Hồng Vân") == ["Nhà văn hóa phường An Lạc"]
    assert wishes.get("Tôn Thất Bình") == ["Nhà văn hóa phường An Lạc", "Trung tâm Văn hóa quận Bình Tân"]


# -- a guests' field whose first person goes on to another ceremony -----------------------------------------------
GOES_ON = (
    HEAD + "II. NỘI DUNG\n1. Lễ khai mạc Tuần lễ cấp phường\n"
    "- Thời gian: 07 giờ 00, thứ Tư, ngày 02/10/2024.\n- Địa điểm: Nhà văn hóa phường An Lạc.\n"
    "- Thành phần: đồng chí Tôn Thất Bình - Chủ tịch UBND phường dự Lễ khai mạc tại Nhà văn hóa phường An Lạc, "
    "sau đó dự Lễ khai mạc cấp quận tại Trung tâm Văn hóa quận Bình Tân lúc 08 giờ 30; đồng chí Mai Thị Hồng Vân - "
    "Phó Chủ tịch UBND phường phát biểu khai mạc; đồng chí Lạc Văn Tùng - Chủ tịch Hội Khuyến học phường trao 20 "
    "suất học bổng; đại diện các đoàn thể phường.\n" + TAIL
)


def test_the_others_of_a_guests_field_stay_at_the_ceremony_its_first_person_leaves() -> None:
    wishes = wishes_of(plan_data(GOES_ON))
    assert wishes.get("Mai Thị Hồng Vân") == ["Nhà văn hóa phường An Lạc"]
    assert wishes.get("Lạc Văn Tùng") == ["Nhà văn hóa phường An Lạc"]


# -- a list of who attends, each with an act ----------------------------------------------------------------------
SECTION = (
    HEAD + "II. THỜI GIAN, ĐỊA ĐIỂM\n"
    "1. Lễ phát động: 07 giờ 30, thứ Tư, ngày 02/10/2024, tại sân Trường Tiểu học An Lạc.\n"
    "III. THÀNH PHẦN\n"
    "- Đồng chí Tôn Thất Bình – Chủ tịch UBND phường phát biểu phát động Tuần lễ.\n"
    "- Đồng chí Lạc Văn Tùng – Chủ tịch Hội Khuyến học phường trao tặng 300 quyển sách cho thư viện khu phố.\n"
    "- Đại diện các đoàn thể phường, khoảng 200 người.\n" + TAIL
)
ITEM = (
    HEAD + "II. THỜI GIAN, ĐỊA ĐIỂM\n"
    "1. Lễ phát động: 07 giờ 30, thứ Tư, ngày 02/10/2024, tại sân Trường Tiểu học An Lạc.\n"
    "2. Thành phần tham dự: lãnh đạo Đảng ủy, UBND phường; đại diện các đoàn thể; học sinh và Nhân dân.\n"
    "- Đồng chí Tôn Thất Bình - Chủ tịch UBND phường phát biểu phát động Tuần lễ.\n"
    "- Đồng chí Lạc Văn Tùng - Chủ tịch Hội Khuyến học phường báo cáo kết quả phong trào khuyến học năm học 2023 - "
    "2024 của phường và trao 20 suất học bổng cho học sinh.\n" + TAIL
)


@pytest.mark.parametrize("text", [SECTION, ITEM], ids=["section", "item"])
def test_a_list_of_who_attends_sends_each_person_with_an_act_to_the_ceremony(text: str) -> None:
    wishes = wishes_of(plan_data(text))
    assert wishes.get("Lạc Văn Tùng") == ["Trường Tiểu học An Lạc"]
