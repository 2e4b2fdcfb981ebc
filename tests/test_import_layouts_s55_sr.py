"""Layouts read at session 55 for routes and places (other names, days and places than any corpus document): a
U-turn step that goes on ", đi Quốc lộ N" is cut there; a legs table whose first and last rows are labelled
"Xuất phát" / "Kết thúc" names the route's ends in those rows; a junction "ngã tư A - B" written with a hyphen in a
list that en dashes separate is one step; a gathering spot told only by a part of an unnamed place ("bãi xe phía
trong cổng chính") is inside the place the route starts from; a venue field "sân khấu …, Công viên A" is the park."""

from __future__ import annotations

import pytest

from imported import ceremonies_of, place_names, plan_data, route_of

# -- a lettered route whose U-turn step goes on onto a highway --------------------------------------------------------
UTURN_ONTO = (
    "UBND QUẬN GÒ VẤP\nCÔNG AN PHƯỜNG 10\nSố: 12/KH-CAP\nPhường 10, ngày 02 tháng 3 năm 2025\nKẾ HOẠCH\n"
    "Bảo đảm an ninh trật tự đoàn xe tuyên truyền lưu động ngày 08/3/2025\n"
    "I. THỜI GIAN\nTừ 07 giờ 00 ngày 08/3/2025.\n"
    "II. LỘ TRÌNH\n"
    "a) Xuất phát: Trường Tiểu học Lê Văn Thọ;\n"
    "b) Theo đường Phạm Văn Chiêu ra đường Quang Trung;\n"
    "c) Đường Quang Trung đến Ngã 5 Chợ Cầu, rẽ trái vào {road} (hướng cầu Bình Triệu);\n"
    "d) Đến Ngã 4 Chùa Pháp Quang quay đầu, đi {road} (hướng Ngã 5 Chợ Cầu);\n"
    "e) Về lại Trường Tiểu học Lê Văn Thọ, kết thúc.\n"
    "III. TỔ CHỨC THỰC HIỆN\n- Công an phường phân công lực lượng.\n"
)


@pytest.mark.parametrize("road", ["Quốc lộ 13", "Tỉnh lộ 15"])
def test_a_uturn_step_going_on_onto_a_highway_is_cut_there(road: str) -> None:
    route = route_of(plan_data(UTURN_ONTO.format(road=road)))
    assert "Ngã 4 Chùa Pháp Quang" in route
    assert route[route.index("Ngã 4 Chùa Pháp Quang") + 1] == road


# -- a legs table with its start and end rows labelled ----------------------------------------------------------------
LEGS = (
    "CÔNG AN THÀNH PHỐ HỒ CHÍ MINH\nCÔNG AN QUẬN GÒ VẤP\nSố: 532/KH-CAQ\nGò Vấp, ngày 12 tháng 3 năm 2024\nKẾ HOẠCH\n"
    "Bảo đảm trật tự an toàn giao thông phục vụ diễu hành xe hoa Ngày hội sách năm 2024\n"
    "I. TÌNH HÌNH\nỦy ban nhân dân Quận tổ chức diễu hành xe hoa; đoàn xe xuất phát lúc 07 giờ 30, thứ Bảy ngày "
    "23/3/2024 tại Trụ sở UBND Quận Gò Vấp.\n"
    "II. LỘ TRÌNH (Bảng 2)\n"
    "| Thứ tự | Tuyến đường | Đoạn | Tổ chốt |\n"
    "| {start} | Trụ sở UBND Quận Gò Vấp | Cổng chính | Tổ 1 |\n"
    "| 1 | Quang Trung | Từ Trụ sở UBND Quận đến đường Nguyễn Văn Lượng | Tổ 1 |\n"
    "| 2 | Nguyễn Văn Lượng | Từ Quang Trung đến đường Phan Văn Trị | Tổ 2 |\n"
    "| 3 | Phan Văn Trị | Từ Nguyễn Văn Lượng đến Ngã năm Chuồng Chó | Tổ 3 |\n"
    "| 4 | Nguyễn Oanh | Từ Ngã năm Chuồng Chó đến Ngã sáu Gò Vấp | Tổ 4 |\n"
    "| 5 | Quang Trung | Từ Ngã sáu Gò Vấp về Trụ sở UBND Quận | Tổ 5 |\n"
    "| {end} | Trụ sở UBND Quận Gò Vấp | | Tổ 1 |\n"
    "III. TỔ CHỨC THỰC HIỆN\n1. Đội CSGT: chủ trì phân luồng.\n"
)


@pytest.mark.parametrize(("start", "end"), [("Xuất phát", "Kết thúc"), ("Điểm xuất phát", "Điểm kết thúc")])
def test_a_legs_tables_labelled_rows_are_the_routes_ends(start: str, end: str) -> None:
    route = route_of(plan_data(LEGS.format(start=start, end=end)))
    streets = ["Quang Trung", "Nguyễn Văn Lượng", "Phan Văn Trị", "Nguyễn Oanh", "Quang Trung"]
    assert route == ["Trụ sở UBND Quận Gò Vấp", *streets, "Trụ sở UBND Quận Gò Vấp"]


# -- a junction written with a hyphen in a list of en dashes ----------------------------------------------------------
HYPHENED = (
    "ỦY BAN NHÂN DÂN QUẬN NGÔ QUYỀN\nSố: 88/KH-UBND\nNgô Quyền, ngày 10 tháng 3 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức diễu hành cổ động Ngày Sách Việt Nam năm 2024\n"
    "I. THỜI GIAN, ĐỊA ĐIỂM\n- Xuất phát lúc 07 giờ 30 ngày 21/4/2024 tại Cung Văn hóa Thiếu nhi quận Ngô Quyền.\n"
    "- Lộ trình: Cung Văn hóa Thiếu nhi quận Ngô Quyền – phố Lê Lợi – đường Lạch Tray – {corner} (quay đầu) – "
    "đường Lạch Tray – phố Lê Lợi – Cung Văn hóa Thiếu nhi quận Ngô Quyền (kết thúc khoảng 09 giờ 30 phút).\n"
    "II. PHÂN CÔNG\n1. Công an quận: phân luồng tại các nút giao.\n"
)


@pytest.mark.parametrize("corner", ["ngã tư Lạch Tray - Văn Cao", "nút giao Lạch Tray - Văn Cao"])
def test_a_hyphened_junction_in_a_list_of_en_dashes_is_one_step(corner: str) -> None:
    route = route_of(plan_data(HYPHENED.format(corner=corner)))
    assert len(route) == 7 and route[3] == corner and route[2] == route[4] == "Lạch Tray"


# -- a gathering spot inside the place the route starts from; a venue named by its stage first --------------------
INSIDE = (
    "ỦY BAN NHÂN DÂN PHƯỜNG TÂN THỚI NHẤT\nBAN TỔ CHỨC NGÀY HỘI ĐỌC SÁCH NĂM 2025\nSố: 14/KH-BTC\n"
    "Tân Thới Nhất, ngày 10 tháng 4 năm 2025\nKẾ HOẠCH\n"
    "Tổ chức Lễ khai mạc và diễu hành xe hoa Ngày hội đọc sách năm 2025\n"
    "I. THỜI GIAN, ĐỊA ĐIỂM\n- Lễ khai mạc và diễu hành xe hoa: Chủ nhật, ngày 20/4/2025.\n"
    "- Địa điểm: {part}, Công viên Làng Hoa (cổng chính đường Quang Trung).\n"
    "- Lễ khai mạc bắt đầu lúc 07 giờ 30; các xe hoa tập kết tại {inside} từ 07 giờ 00; đoàn xe hoa xuất phát "
    "lúc 08 giờ 15.\n"
    "II. LỘ TRÌNH DIỄU HÀNH\n| STT | Điểm / tuyến đường | Ghi chú |\n"
    "| 1 | Công viên Làng Hoa | Xuất phát tại cổng chính |\n| 2 | đường Quang Trung | |\n"
    "| 3 | đường Phan Huy Ích | |\n| 4 | đường Lê Văn Thọ | |\n| 5 | Công viên Làng Hoa | Kết thúc |\n"
    "III. TỔ CHỨC THỰC HIỆN\n- Công an phường bảo đảm trật tự.\n"
)


@pytest.mark.parametrize("inside", ["bãi xe phía trong cổng chính", "khu vực bên trong cổng phụ"])
def test_a_spot_by_an_unnamed_gate_is_inside_the_start(inside: str) -> None:
    data = plan_data(INSIDE.format(part="sân khấu chính", inside=inside))
    parade = data["parades"][0]
    assert place_names(data).get(parade["assembly_place"]) == "Công viên Làng Hoa"


@pytest.mark.parametrize("part", ["sân khấu ngoài trời", "sân khấu chính"])
def test_a_venue_field_naming_its_stage_first_is_the_place_after_it(part: str) -> None:
    data = plan_data(INSIDE.format(part=part, inside="bãi xe phía trong cổng chính"))
    assert ceremonies_of(data) == [("2025-04-20", "07:30", "Công viên Làng Hoa")]
