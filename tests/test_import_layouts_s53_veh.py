"""Vehicle counts and officials' attendances left open by the blind sets heldout93–95 of stop 53 (fix "veh"), each
layout written here in other words (other offices, names, places and days; no corpus document): a council's own car
leading the column, floats counted per unit in a table, a group counted twice, and performers a programme or a
ceremony's bullets name."""

from __future__ import annotations

from imported import plan_data, wishes_of
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


# -- who takes part in a ceremony ----------------------------------------------------------------------------------
def test_a_programme_told_in_one_line_under_the_ceremony_after_the_guests_arrival() -> None:
    text = HEAD + (
        "II. THỜI GIAN, ĐỊA ĐIỂM\n"
        "1. Lễ khai mạc: 7 giờ 30, thứ Tư, 02/10/2024, tại Nhà văn hóa xã Phú An.\n"
        "   - Khách mời có mặt lúc 7 giờ 15 phút.\n"
        "   - Chương trình: múa chào mừng của Trường Mầm non Phú An; ông Đặng Văn Lộc, Phó Chủ tịch UBND xã, đọc "
        "diễn văn khai mạc; bà Từ Thị Hạnh, Chủ tịch Hội Phụ nữ xã, trao 15 phần quà cho học sinh.\n"
    )
    assert wishes_of(plan_data(text)) == {
        "Đặng Văn Lộc": ["Nhà văn hóa xã Phú An"],
        "Từ Thị Hạnh": ["Nhà văn hóa xã Phú An"],
    }


def test_a_bullet_under_the_ceremony_naming_a_person_and_then_what_they_do_there() -> None:
    text = HEAD + (
        "II. THỜI GIAN, ĐỊA ĐIỂM\n"
        "1. Lễ khai mạc: 8 giờ 00, thứ Năm, ngày 03/10/2024, tại Hội trường Ủy ban nhân dân xã Phú An.\n"
        "   - Ông Đặng Văn Lộc, Phó Chủ tịch Ủy ban nhân dân xã: phát biểu khai mạc.\n"
        "   - Bà Từ Thị Hạnh, Chủ tịch Hội Phụ nữ xã: tặng quà cho 12 học sinh vượt khó.\n"
    )
    assert wishes_of(plan_data(text)) == {
        "Đặng Văn Lộc": ["Hội trường Ủy ban nhân dân xã Phú An"],
        "Từ Thị Hạnh": ["Hội trường Ủy ban nhân dân xã Phú An"],
    }


def test_a_section_of_who_takes_part_and_what_they_do_at_the_ceremony() -> None:
    text = HEAD + (
        "I. THỜI GIAN\n"
        "- Lễ khai mạc: 7g00, Thứ Tư, ngày 02/10/2024, tại Nhà văn hóa xã Phú An.\n"
        "\n"
        "II. THÀNH PHẦN, NỘI DUNG LỄ KHAI MẠC\n"
        "- Ông Đặng Văn Lộc, Phó Chủ tịch Ủy ban nhân dân xã: phát biểu khai mạc.\n"
        "- Bà Từ Thị Hạnh, Chủ tịch Hội Phụ nữ xã: tặng quà cho 12 học sinh vượt khó.\n"
    )
    assert wishes_of(plan_data(text))["Từ Thị Hạnh"] == ["Nhà văn hóa xã Phú An"]


def test_a_performer_of_the_planned_programme_attends_it_before_the_visits_of_her_own_paragraph() -> None:
    text = (
        "ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH\n"
        "Số: 77/KH-UBND\n"
        "Châu Thành, ngày 18 tháng 9 năm 2024\n"
        "\n"
        "KẾ HOẠCH\n"
        "Tổ chức Lễ khai mạc Tuần lễ học tập suốt đời năm 2024 và phân công lãnh đạo huyện dự tại các xã\n"
        "\n"
        "I. LỄ KHAI MẠC CẤP HUYỆN\n"
        "1. Thời gian: 7 giờ 00, thứ Tư, ngày 02/10/2024.\n"
        "2. Địa điểm: Nhà văn hóa huyện Châu Thành.\n"
        "3. Chương trình dự kiến:\n"
        "- 7 giờ 00 – 7 giờ 15: Văn nghệ chào mừng.\n"
        "- 7 giờ 15 – 7 giờ 30: Đồng chí Mai Quốc Tuấn, Phó Chủ tịch Ủy ban nhân dân huyện phát biểu khai mạc.\n"
        "- 7 giờ 30 – 7 giờ 45: Biểu dương học sinh giỏi; đồng chí Quách Thị Yến, Trưởng phòng Giáo dục và Đào "
        "tạo trao giấy khen.\n"
        "\n"
        "II. PHÂN CÔNG LÃNH ĐẠO HUYỆN DỰ LỄ KHAI MẠC TẠI CÁC XÃ\n"
        "1. Đồng chí Quách Thị Yến, Trưởng phòng Giáo dục và Đào tạo: dự Lễ khai mạc của xã Phú An lúc 9 giờ 00 "
        "cùng ngày tại Trường Tiểu học Phú An.\n"
    )
    assert wishes_of(plan_data(text))["Quách Thị Yến"] == ["Nhà văn hóa huyện Châu Thành", "Trường Tiểu học Phú An"]


def _starter(parade: str) -> dict[str, list[str]]:
    text = HEAD + (
        "II. THỜI GIAN, ĐỊA ĐIỂM\n"
        "1. Lễ khai mạc: 7 giờ 00, thứ Tư, 02/10/2024, tại Nhà văn hóa xã Phú An.\n"
        "   - Chương trình: ông Đặng Văn Lộc, Phó Chủ tịch UBND xã, đọc diễn văn khai mạc.\n"
        + parade
        + "   - Lộ trình: Nhà văn hóa xã Phú An → Tỉnh lộ 8 → Chợ Phú An (quay đầu) → Nhà văn hóa xã Phú An.\n"
    )
    return wishes_of(plan_data(text))


def test_who_sends_off_a_column_leaving_right_after_the_ceremony_attends_it() -> None:
    parade = (
        "2. Diễu hành xe hoa: ngay sau Lễ khai mạc.\n"
        "   - Các xe tập kết tại sân Nhà văn hóa xã từ 6 giờ 30.\n"
        "   - Ông Lâm Hữu Phước, Phó Bí thư Đảng ủy xã, phát lệnh xuất phát đoàn xe lúc 7 giờ 45.\n"
    )
    assert _starter(parade) == {"Đặng Văn Lộc": ["Nhà văn hóa xã Phú An"], "Lâm Hữu Phước": ["Nhà văn hóa xã Phú An"]}
    # one who sends it off at a time and place of its own attends no ceremony
    apart = (
        "2. Diễu hành xe hoa: chiều cùng ngày, tập trung lúc 14 giờ tại Chợ Phú An.\n"
        "   Ông Lâm Hữu Phước, Phó Bí thư Đảng ủy xã, phát lệnh xuất phát tại Chợ Phú An.\n"
    )
    assert _starter(apart) == {"Đặng Văn Lộc": ["Nhà văn hóa xã Phú An"]}
