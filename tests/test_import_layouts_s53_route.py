"""Parade routes and parade facts left open by the blind sets of stop 53 (heldout93, heldout94), each layout
written here in other words (other names, days and places; no corpus document)."""

from __future__ import annotations

from datetime import date
from typing import Any

from paradeplan.importer.extract import extract
from paradeplan.importer.shape import pieces
from paradeplan.importer.writer import build_plan_data

HEAD = "ỦY BAN NHÂN DÂN\nPHƯỜNG HIỆP THÀNH\nSố: 61/KH-UBND\nHiệp Thành, ngày 12 tháng 9 năm 2024\nKẾ HOẠCH\n"


def _plan(body: str) -> dict[str, Any]:
    return build_plan_data(extract(HEAD + "Diễu hành xe hoa năm 2024\n" + body, "ke-hoach.txt"))


# -- an assembly place told only by the street it lies on --------------------------------------------------------
def test_an_assembly_on_the_street_the_route_leaves_by_is_the_route_s_start() -> None:
    body = (
        "1. Thời gian: 7 giờ 30, thứ Bảy ngày 05/10/2024.\n"
        "2. Các xe hoa tập kết tại bãi xe phía đường Nguyễn Ảnh Thủ lúc 07 giờ 00.\n"
        "3. Lộ trình: Nhà văn hóa Thiếu nhi phường Hiệp Thành - Nguyễn Ảnh Thủ - Lê Văn Khương - Hiệp Thành 13 - "
        "Nhà văn hóa Thiếu nhi phường Hiệp Thành.\n4. Phương tiện: 05 xe hoa.\n"
    )
    data = _plan(body)
    parade = data["parades"][0]
    names = {p["id"]: p["name"] for p in data["places"]}
    assert names[parade["assembly_place"]] == "Nhà văn hóa Thiếu nhi phường Hiệp Thành"
    assert not any("Nguyễn Ảnh Thủ" in n for n in names.values())
    said = [d for d in data.get("decisions", []) if d["field"].endswith("assembly_place")]
    assert said and "Nguyễn Ảnh Thủ" in said[0]["reason"]


def test_an_assembly_on_another_street_is_the_route_s_start_as_a_placeholder_to_pin() -> None:
    body = (
        "1. Thời gian: 7 giờ 30, thứ Bảy ngày 05/10/2024.\n"
        "2. Các xe hoa tập kết tại bãi xe trên đường Thạnh Lộc 15 lúc 07 giờ 00.\n"
        "3. Lộ trình: Nhà văn hóa Thiếu nhi phường Hiệp Thành - Nguyễn Ảnh Thủ - Lê Văn Khương - "
        "Nhà văn hóa Thiếu nhi phường Hiệp Thành.\n4. Phương tiện: 05 xe hoa.\n"
    )
    data = _plan(body)
    names = {p["id"]: p["name"] for p in data["places"]}
    assert names[data["parades"][0]["assembly_place"]] == "Nhà văn hóa Thiếu nhi phường Hiệp Thành"
    asked = [q for q in data["open_items"] if q["field"].endswith("assembly_place")]
    assert asked and "Thạnh Lộc 15" in asked[0]["question"]


# -- a crossroads named by its two streets among steps joined by arrows --------------------------------------------
def test_a_crossroads_named_by_two_streets_in_an_arrow_list_is_one_place() -> None:
    line = "Sân vận động Hiệp Thành → đường Lê Lợi → Ngã tư Lê Lợi – Phan Chu Trinh (quay đầu) → đường Lê Lợi"
    assert pieces(line) == [
        "Sân vận động Hiệp Thành",
        "đường Lê Lợi",
        "Ngã tư Lê Lợi – Phan Chu Trinh (quay đầu)",
        "đường Lê Lợi",
    ]
    assert len(pieces("Chợ Hiệp Thành – Ngã tư Lê Lợi – Phan Chu Trinh – Chợ Thới An")) == 4  # dashes throughout


def test_a_u_turn_crossroads_stays_one_step_when_the_route_is_read_by_its_shape() -> None:
    body = (
        "1. Thời gian: 7 giờ 30, thứ Bảy ngày 05/10/2024.\n2. Lộ trình\n"
        "Sân vận động Hiệp Thành → đường Lê Lợi → đường Đoàn Thị Điểm → Ngã tư Đoàn Thị Điểm – Phan Chu Trinh "
        "(quay đầu) → đường Đoàn Thị Điểm → đường Lê Lợi → Sân vận động Hiệp Thành (kết thúc).\n"
        "3. Phương tiện: 05 xe hoa.\n"
    )
    ex = extract(HEAD + "Diễu hành xe hoa năm 2024\n" + body, "ke-hoach.txt")
    assert [(s.kind, s.name, s.uturn) for s in ex.route][2:5] == [
        ("street", "Đoàn Thị Điểm", False),
        ("place", "Ngã tư Đoàn Thị Điểm – Phan Chu Trinh", True),
        ("street", "Đoàn Thị Điểm", False),
    ]


# -- a two-column table of the way out and the way back: place names with "di tích", "và", a dash ------------------
def test_legs_side_by_side_keep_long_place_names_whole() -> None:
    body = (
        "1. Thời gian: 7 giờ 30, thứ Bảy ngày 05/10/2024.\n2. Lộ trình:\n"
        "| Lượt đi | Lượt về |\n"
        "| Xuất phát: Trường Đại học Kinh tế và Luật | Từ Khu di tích Địa đạo Phú Thọ Hòa |\n"
        "| đường Lê Lợi | đường Âu Cơ |\n"
        "| đường Âu Cơ | đường Lê Lợi |\n"
        "| Khu di tích Địa đạo Phú Thọ Hòa (quay đầu) | Về Trung tâm Văn hóa - Thông tin và Thể thao thành phố Thủ "
        "Dầu Một (giải tán) |\n"
        "3. Phương tiện: 05 xe hoa.\n"
    )
    ex = extract(HEAD + "Diễu hành xe hoa năm 2024\n" + body, "ke-hoach.txt")
    assert [(s.kind, s.name) for s in ex.route] == [
        ("place", "Trường Đại học Kinh tế và Luật"),
        ("street", "Lê Lợi"),
        ("street", "Âu Cơ"),
        ("place", "Khu di tích Địa đạo Phú Thọ Hòa"),
        ("street", "Âu Cơ"),
        ("street", "Lê Lợi"),
        ("place", "Trung tâm Văn hóa - Thông tin và Thể thao thành phố Thủ Dầu Một"),
    ]
    assert pieces("Chợ Hiệp Thành và Chợ Thới An → đường Lê Lợi và đường Âu Cơ") == [
        "Chợ Hiệp Thành",
        "và Chợ Thới An",
        "đường Lê Lợi",
        "và đường Âu Cơ",
    ]


# -- steps lettered in the Vietnamese alphabet (no f: "e)" then "g)"), a bridge passed on the way --------------------
def test_lettered_steps_run_on_past_e_and_a_bridge_passed_is_no_step() -> None:
    body = (
        "1. Thời gian: 15 giờ 00, thứ Bảy ngày 05/10/2024.\n2. Phương tiện: 05 xe hoa.\n"
        "III. LỘ TRÌNH\n"
        "a) Xuất phát từ Nhà văn hóa phường Hiệp Thành, rẽ trái vào đường Lê Lợi;\n"
        "b) đi theo đường Lê Lợi đến ngã ba, rẽ phải vào đường Âu Cơ;\n"
        "c) đi hết đường Âu Cơ, rẽ trái vào đường Bình Giã;\n"
        "d) đi theo đường Bình Giã, qua Cầu Sắt, rẽ phải vào đường Ba Cu;\n"
        "đ) đi theo đường Ba Cu đến Chợ Phước Thắng quay đầu, trở lại đường Ba Cu;\n"
        "e) rẽ trái vào đường Lê Hồng Phong;\n"
        "g) rẽ phải vào đường Trần Phú, đi thẳng về Nhà văn hóa phường Hiệp Thành (kết thúc, dự kiến 16h30).\n"
        "Tổng chiều dài khoảng 8 km.\n\nIV. TỔ CHỨC THỰC HIỆN\n"
    )
    ex = extract(HEAD + "Diễu hành xe hoa năm 2024\n" + body, "ke-hoach.txt")
    names = [s.name for s in ex.route]
    assert names[-3:] == ["Lê Hồng Phong", "Trần Phú", "Nhà văn hóa phường Hiệp Thành"]
    assert ex.route[-1].end
    assert not any(n.startswith("Cầu") for n in names)


# -- an item titled with its day on a Wednesday ("thứ Tư" folds like "từ"); a deadline with its hour and weekday ----
def test_an_item_s_wednesday_is_its_day_and_a_deadline_with_hour_and_weekday_is_read() -> None:
    body = (
        "I. THỜI GIAN\n"
        "Các hoạt động diễn ra trong tuần từ 07/10/2024 đến 13/10/2024, gồm:\n"
        "a) Lễ phát động: 8:00, Thứ Ba, ngày 08/10/2024, tại Hội trường Ủy ban nhân dân phường.\n"
        "   (Khách mời có mặt từ 7:30.)\n"
        "b) Diễu hành xe hoa cổ động học tập: Thứ Tư, ngày 09/10/2024.\n"
        "   - Tập trung xe: 6:30 tại sân Nhà văn hóa phường Hiệp Thành.\n"
        "   - Xuất phát: 7:00.\n"
        "   - Chạy thử lộ trình: 16:00, Thứ Hai, ngày 07/10/2024 (chỉ xe dẫn đoàn).\n"
        "II. LỘ TRÌNH DIỄU HÀNH\n"
        "Nhà văn hóa phường Hiệp Thành - đường Lê Lợi - đường Âu Cơ - đường Bình Giã - Nhà văn hóa phường Hiệp Thành.\n"
        "Sau khi kết thúc, các xe hoa diễu hành trong khu phố đến 11:00 cùng ngày.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "- Các khu phố gửi danh sách xe hoa về Văn phòng trước 10 giờ, Thứ Sáu, ngày 04/10/2024.\n"
    )
    ex = extract(HEAD + "Kế hoạch diễu hành xe hoa năm 2024\n" + body, "ke-hoach.txt")
    assert (ex.assembly_date or ex.departure_date) == date(2024, 10, 9)
    assert date(2024, 10, 4) in [d.due for d in ex.deadlines]
