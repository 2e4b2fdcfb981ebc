"""Layouts left open by the blind sets of stop 52 and met on those of stop 53, each written here in other words
(other names, days and places; no corpus document)."""

from __future__ import annotations

import pytest

from paradeplan.importer.extract import extract

HEAD = "ỦY BAN NHÂN DÂN\nPHƯỜNG THỚI AN\nSố: 44/KH-UBND\nThới An, ngày 16 tháng 9 năm 2025\nKẾ HOẠCH\n"


def _route(body: str) -> list[tuple[str, str, bool]]:
    ex = extract(HEAD + "Diễu hành xe hoa năm 2025\n" + body, "lo-trinh.txt")
    return [(s.kind, s.name, s.end) for s in ex.route]


# -- a route's end told on its own line under the line of steps the label heads ---------------------------------
@pytest.mark.parametrize(
    ("steps", "end"),
    [
        ("Xuất phát từ Chợ Thới An - Lê Văn Khương - Hà Huy Giáp - Vườn Lài", "Kết thúc tại Trường THCS Nguyễn Huệ."),
        (
            "Chợ Thới An → đường Lê Văn Khương → đường Hà Huy Giáp → đường Vườn Lài",
            "- Giải tán tại Trường THCS Nguyễn Huệ",
        ),
    ],
)
def test_an_end_place_on_the_line_below_the_steps_is_the_route_s_last_step(steps: str, end: str) -> None:
    body = (
        f"2. Thời gian: 7 giờ 00, thứ Tư ngày 01/10/2025.\n3. Lộ trình:\n{steps}\n{end}\n4. Phương tiện: 06 xe hoa.\n"
    )
    route = _route(body)
    assert [n for _k, n, _e in route] == [
        "Chợ Thới An",
        "Lê Văn Khương",
        "Hà Huy Giáp",
        "Vườn Lài",
        "Trường THCS Nguyễn Huệ",
    ]
    assert route[-1] == ("place", "Trường THCS Nguyễn Huệ", True)


def test_a_sentence_below_the_steps_that_is_no_end_adds_no_step() -> None:
    body = (
        "3. Lộ trình:\nChợ Thới An - Lê Văn Khương - Hà Huy Giáp - Vườn Lài\n"
        "Kết thúc dự kiến lúc 9 giờ 30 cùng ngày.\n4. Phương tiện: 06 xe hoa.\n"
    )
    assert [n for _k, n, _e in _route(body)] == ["Chợ Thới An", "Lê Văn Khương", "Hà Huy Giáp", "Vườn Lài"]


# -- an en dash that a page's width put at a line's start, inside a crossroads' name --------------------------------
def test_an_en_dash_at_a_line_start_goes_on_a_cut_name_where_the_text_writes_no_dash_items() -> None:
    body = (
        "3. Lộ trình:\n"
        "1) Xuất phát từ Chợ Thới An, ra đường Lê Văn Khương hướng về Cầu Dừa;\n"
        "2) Rẽ phải vào đường Hà Huy Giáp, đi đến ngã ba Hà Huy Giáp\n"
        "– Vườn Lài;\n"
        "3) Quay đầu tại ngã ba Hà Huy Giáp – Vườn Lài, theo đường Hà Huy Giáp trở về Chợ Thới An.\n"
        "- Phương tiện: 06 xe hoa.\n"
    )
    names = [n for _k, n, _e in _route(body)]
    assert names[:4] == ["Chợ Thới An", "Lê Văn Khương", "Hà Huy Giáp", "ngã ba Hà Huy Giáp × Vườn Lài"]


def _ceremonies(text: str) -> list[tuple[str, str | None]]:
    ex = extract(text, "le.txt")
    return [(c.name, c.place) for c in ex.ceremonies]


CITY = (
    "ỦY BAN NHÂN DÂN THÀNH PHỐ BẢO LỘC\nKẾ HOẠCH\nTuần lễ học tập suốt đời năm 2023\n"
    "Bảo Lộc, ngày 15 tháng 9 năm 2023\n"
)


# -- units told to hold their own, "at" themselves: no ceremony of the plan -----------------------------------------
def test_ceremonies_the_units_hold_on_their_own_are_not_the_plans() -> None:
    text = (
        CITY + "1. Lễ khai mạc cấp thành phố: 7 giờ 30, thứ Hai, ngày 02/10/2023 tại Nhà văn hóa thành phố Bảo Lộc.\n"
        "2. Lễ hưởng ứng tại 06 phường và 05 xã: các địa phương chủ động tổ chức trong Tuần lễ, báo cáo thời gian, "
        "địa điểm về Phòng Giáo dục và Đào tạo.\n"
    )
    assert _ceremonies(text) == [("Lễ khai mạc", "Nhà văn hóa thành phố Bảo Lộc")]


# -- the grounds of a ceremony told above, guarded from an hour: the same ceremony ----------------------------------
def test_guarding_a_ceremony_s_grounds_from_an_hour_is_no_ceremony_of_its_own() -> None:
    text = (
        CITY + "I. TÌNH HÌNH\nỦy ban nhân dân thành phố tổ chức Lễ khai mạc Tuần lễ vào lúc 07 giờ 30 thứ Hai, ngày "
        "02/10/2023 tại Nhà văn hóa thành phố Bảo Lộc.\nII. PHÂN CÔNG\n"
        "1. Công an phường Lộc Sơn bảo vệ khu vực Lễ khai mạc từ 06 giờ 00 đến khi kết thúc.\n"
        "2. Dân quân giữ trật tự quanh khu vực buổi lễ khai mạc từ 6 giờ 30 đến 9 giờ 00.\n"
    )
    assert _ceremonies(text) == [("Lễ khai mạc", "Nhà văn hóa thành phố Bảo Lộc")]


# -- an invitation whose time and venue are one line of two fields (a two-cell table) under its invitees --------
def test_a_letter_s_line_of_time_and_venue_fields_gives_the_ceremony_both() -> None:
    text = (
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN ĐỨC TRỌNG\nGIẤY MỜI\nĐức Trọng, ngày 20 tháng 9 năm 2024\n"
        "Phòng Giáo dục và Đào tạo phối hợp với Hội Khuyến học huyện tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập "
        "suốt đời năm 2024.\nPhòng Giáo dục và Đào tạo trân trọng kính mời:\n- Lãnh đạo Huyện ủy, HĐND, UBND huyện;\n"
        "- Chủ tịch UBND các xã, thị trấn.\nThời gian: 08 giờ 00, thứ Năm, ngày 03 tháng 10 năm 2024 (đại biểu có mặt "
        "lúc 07 giờ 45); Địa điểm: Nhà văn hóa huyện Đức Trọng.\nRất mong quý vị đến dự đúng giờ.\n"
    )
    ex = extract(text, "giay-moi.txt")
    assert [(c.name, str(c.date), str(c.time), c.place) for c in ex.ceremonies] == [
        ("Lễ khai mạc", "2024-10-03", "08:00:00", "Nhà văn hóa huyện Đức Trọng")
    ]
