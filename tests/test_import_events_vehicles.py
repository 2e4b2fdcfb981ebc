"""Vehicle counts: a total with its parts read one way for every kind (the parts), a per-unit count with its
whole, parts that take their total's kind, parts listed as groups, and counted militia. Each test writes its own
text (no corpus document) and checks one rule."""

from __future__ import annotations

from paradeplan.importer.extract import extract

HEAD = "ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN CHÁNH HIỆP\nSố: 55/KH-UBND\nTân Chánh Hiệp, ngày 10 tháng 9 năm 2024\nKẾ HOẠCH\n"


def _forces(body: str) -> list[tuple[str, int, str | None]]:
    ex = extract(HEAD + "Diễu hành xe hoa năm 2024\n" + body, "xe.txt")
    return [(f.kind, f.count, f.owner) for f in ex.forces]


def test_a_total_with_its_owners_in_brackets_is_read_as_its_parts():
    got = _forces("3. Phương tiện: 08 xe hoa (02 xe của Đoàn Thanh niên, 06 xe của 06 khu phố).\n")
    assert got == [("float", 2, "Đoàn Thanh niên"), ("float", 6, "06 khu phố")]


def test_loudspeakers_and_police_cars_with_parts_are_read_the_same_way():
    got = _forces(
        "- Phương tiện: 03 xe phát thanh (01 xe của phường, 02 xe của Hội Khuyến học); "
        "05 xe ô tô Cảnh sát giao thông (02 xe mở đường, 03 xe hộ tống).\n"
    )
    assert [(k, n) for k, n, _o in got] == [
        ("loudspeaker", 1),
        ("loudspeaker", 2),
        ("police_car", 2),
        ("police_car", 3),
    ]


def test_parts_that_do_not_add_up_leave_the_total():
    got = _forces("3. Phương tiện: 08 xe hoa (02 xe của Đoàn Thanh niên, 05 xe của các khu phố).\n")
    assert got == [("float", 8, None)]


def test_a_per_unit_count_with_its_whole_in_brackets_is_the_whole():
    got = _forces("Lực lượng: Phường: 02 xe hoa; mỗi trường học 01 xe hoa (05 xe); 02 xe mô tô dẫn đường.\n")
    assert [(k, n) for k, n, _o in got] == [("float", 2), ("float", 5), ("motorbike", 2)]


def test_parts_after_a_total_of_floats_are_floats_though_they_say_only_xe():
    got = _forces("- Phương tiện: có tổng cộng 09 xe hoa, trong đó 07 xe của các khu phố và 02 xe của nhà trường.\n")
    assert got == [("float", 7, "các khu phố"), ("float", 2, "nhà trường")]


def test_parts_listed_as_groups_inside_the_bracket():
    got = _forces("- 04 xe hoa (lớp 10: 02 xe; lớp 11 và lớp 12: 02 xe), mỗi xe không quá 8 học sinh.\n")
    assert [(k, n) for k, n, _o in got] == [("float", 2), ("float", 2)]


def test_counted_militia_become_a_militia_group():
    ex = extract(
        HEAD + "Diễu hành xe hoa năm 2024\nLộ trình: Nhà Văn hóa A → đường Tô Ký → Nhà Văn hóa A.\n"
        "- 12 đồng chí dân quân giữ trật tự tại các ngã tư.\n",
        "xe.txt",
    )
    assert [(m.kind, m.count) for m in ex.marshals] == [("militia", 12)]


def test_police_vehicles_given_only_in_the_polices_task_ride_with_the_column():
    got = _forces(
        "2. Phương tiện:\n- 04 xe hoa;\n- 01 xe loa.\n"
        "V. TỔ CHỨC THỰC HIỆN\n"
        "1. Trường Tiểu học A: trang trí 02 xe hoa.\n"
        "2. Công an phường: bố trí 01 xe ô tô dẫn đoàn và 03 xe mô tô đi hai bên đoàn.\n"
    )
    assert sorted((k, n) for k, n, _o in got) == [("float", 4), ("loudspeaker", 1), ("motorbike", 3), ("police_car", 1)]


def test_the_polices_task_adds_nothing_when_the_line_up_lists_the_police():
    got = _forces(
        "2. Phương tiện:\n- 04 xe hoa;\n- 02 xe mô tô Cảnh sát giao thông.\n"
        "V. TỔ CHỨC THỰC HIỆN\n"
        "1. Công an phường: bố trí 02 xe mô tô theo mục 2.\n"
    )
    assert sorted((k, n) for k, n, _o in got) == [("float", 4), ("motorbike", 2)]


def test_a_car_or_pickup_of_the_organisers_anywhere_in_the_column_is_their_car():
    got = _forces("2. Phương tiện:\n- 02 xe hoa;\n- 01 xe ô tô Ban Tổ chức;\n- 01 xe bán tải của BTC chở đội kèn.\n")
    assert [(k, n) for k, n, _o in got] == [("float", 2), ("car", 1), ("car", 1)]


def test_a_coach_named_by_its_seats_is_a_bus():
    got = _forces("2. Phương tiện:\n- 02 xe hoa;\n- 01 xe 45 chỗ chở đội nghi thức.\n")
    assert [(k, n) for k, n, _o in got] == [("float", 2), ("bus", 1)]
