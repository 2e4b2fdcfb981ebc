"""Vehicle counts and officials' attendances left open by the blind sets heldout93–95 of stop 53 (fix "veh"), each
layout written here in other words (other offices, names, places and days; no corpus document): a council's own car
leading the column, floats counted per unit in a table, a group counted twice, and performers a programme or a
ceremony's bullets name."""

from __future__ import annotations

from paradeplan.importer.extract import extract
from paradeplan.importer.reader import rows_lines

HEAD = (
    "ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH\n"
    "ỦY BAN NHÂN DÂN XÃ PHÚ AN\n"
    "Số: 58/KH-UBND\n"
    "Phú An, ngày 18 tháng 9 năm 2024\n"
    "\n"
    "KẾ HOẠCH\n"
    "Tổ chức Lễ khai mạc và diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
    "\n"
)


def _forces(body: str) -> list[tuple[str, int, str | None]]:
    return [(f.kind, f.count, f.role) for f in extract(HEAD + body, "p.txt").forces]


# -- a council's own car leading the column ------------------------------------------------------------------------
def test_a_car_leading_the_column_that_a_council_office_owns_is_a_car_and_the_police_s_a_police_car() -> None:
    body = (
        "III. PHƯƠNG TIỆN\n"
        "- 01 xe ô tô dẫn đoàn của Ủy ban nhân dân xã (xe 5 chỗ);\n"
        "- 04 xe hoa của các ấp;\n"
        "- Xe mở đường: 01 xe ô tô của Văn phòng Đảng ủy xã.\n"
    )
    assert _forces(body) == [("car", 1, "lead"), ("float", 4, None), ("car", 1, "lead")]
    police = "III. PHƯƠNG TIỆN\n- 01 xe ô tô dẫn đoàn của Công an xã;\n- 04 xe hoa của các ấp.\n"
    assert _forces(police) == [("police_car", 1, "lead"), ("float", 4, None)]


# -- a group counted once ------------------------------------------------------------------------------------------
def test_a_bracket_that_only_places_each_vehicle_in_the_column_keeps_the_group_whole() -> None:
    body = "III. PHƯƠNG TIỆN\n- 03 xe loa (01 xe đầu đoàn, 01 xe giữa đoàn, 01 xe cuối đoàn);\n- 04 xe hoa.\n"
    assert _forces(body) == [("loudspeaker", 3, None), ("float", 4, None)]


def test_the_paragraph_of_vehicles_ends_at_the_next_item_of_its_own_level() -> None:
    body = (
        "C. DIỄU HÀNH\n"
        "- Tập trung: 6 giờ 30, thứ Tư 02/10/2024 tại sân Ủy ban nhân dân xã.\n"
        "- Phương tiện:\n"
        "  + Xe hoa: 02;\n"
        "  + Xe loa: 02 (Hội Nông dân 01, Đoàn Thanh niên 01).\n"
        "- Lộ trình: Ủy ban nhân dân xã → Tỉnh lộ 8 → Chợ Phú An (quay đầu) → Ủy ban nhân dân xã.\n"
        "D. PHÂN CÔNG\n"
        "- Hội Nông dân xã: trang trí xe hoa.\n"
        "- Đoàn Thanh niên xã: 30 đoàn viên cầm cờ; 01 xe loa.\n"
    )
    assert _forces(body) == [("float", 2, None), ("loudspeaker", 2, None)]


# -- floats counted per unit in a table ----------------------------------------------------------------------------
def test_a_table_of_units_with_a_column_counting_a_kind_gives_a_group_per_unit() -> None:
    rows = [
        ["STT", "Ấp", "Số xe hoa", "Ghi chú"],
        ["1", "Ấp Phú Long", "02", "xe tải nhỏ"],
        ["2", "Ấp Phú Thạnh", "-", ""],
        ["3", "Ấp Phú Hòa", "01", ""],
    ]
    assert rows_lines(rows) == ["- 02 xe hoa (Ấp Phú Long);", "- 01 xe hoa (Ấp Phú Hòa);"]


def test_a_table_written_twice_side_by_side_is_read_as_one() -> None:
    rows = [
        ["Đơn vị", "Số xe hoa", "Đơn vị", "Số xe hoa"],
        ["Ấp Phú Long", "02", "Ấp Phú Thạnh", "01"],
        ["Ấp Phú Hòa", "01", "", ""],
    ]
    body = "III. PHƯƠNG TIỆN\n" + "\n".join(rows_lines(rows)) + "\n"
    assert _forces(body) == [("float", 2, None), ("float", 1, None), ("float", 1, None)]
