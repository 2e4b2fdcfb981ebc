"""Short and messy documents and their line-ups (s57 b): the clock time and day a pasted message was sent is no
event's day; a gathering's time is not the departure's said after it; a line-up in an annex under its caption, a
line-up of numbered items read as headings, a labelled count whose label holds a bracket, a speed that is no count,
an organisers' car with its seats, its use or its owner in a bracket, each unit's share in a bracket; a past year said
in a bracket is an aside; a stage table whose route column is headed "Từ - đến"; the guests' arrival row is no
ceremony. Invented offices, streets and places; no corpus document."""

from __future__ import annotations

from datetime import date, time

from paradeplan.importer.extract import extract
from paradeplan.importer.reader import rows_lines


def _fleet(text: str) -> list[tuple[str, int]]:
    return [(x.kind, x.count) for x in extract(text).forces]


def test_time_a_message_was_sent_dates_no_parade() -> None:
    text = (
        "THÔNG BÁO\n"
        "V/v diễu hành xe hoa năm 2025 (nội dung đã chuyển nhóm Zalo “Tổ công tác P.B” lúc 20h05 ngày 20/9/2025)\n"
        "1/ Lễ khai mạc: 7h30 thứ Năm ngày 02/10/2025 tại Nhà văn hóa phường Bình An.\n"
        "2/ Diễu hành:\n"
        "-Xe tập trung lúc 6g45 tại sân Nhà văn hóa phường Bình An, xuất phát 8h00 ngay sau lễ khai mạc.\n"
        "-Lộ trình: Nhà văn hóa phường Bình An -> Trần Phú -> Lê Lợi -> Nhà văn hóa phường Bình An.\n"
    )
    ex = extract(text)
    assert [s.name for s in ex.route][1:3] == ["Trần Phú", "Lê Lợi"]
    assert (ex.assembly_date or ex.departure_date) == date(2025, 10, 2)


def test_gathering_time_is_not_the_departure_said_after_it() -> None:
    text = (
        "THÔNG BÁO\n"
        "Từ 6 giờ 40 phút ngày 03/10/2024 đoàn xe diễu hành tập trung tại UBND phường An Lạc, sau lễ khai mạc đoàn"
        " xuất phát lúc 7 giờ 30; lộ trình: UBND phường An Lạc → Trần Phú → Lê Lợi → UBND phường An Lạc.\n"
    )
    ex = extract(text)
    assert ex.departure_time == time(7, 30)
    assert ex.assembly_time == time(6, 40)


def test_line_up_in_an_annex_under_its_caption() -> None:
    text = (
        "KẾ HOẠCH\nDiễu hành xe hoa ngày 02/10/2024.\n"
        "Lộ trình: UBND phường An Lạc → Trần Phú → Lê Lợi → UBND phường An Lạc.\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Các khu phố\n- Mỗi khu phố trang trí 01 xe hoa.\n"
        "PHỤ LỤC 2\nPHƯƠNG TIỆN THAM GIA DIỄU HÀNH\n"
        "- 01 Xe hoa của Ủy ban nhân dân phường;\n- 05 Xe hoa của các khu phố;\n- 01 Xe loa tuyên truyền;\n"
    )
    assert sorted(_fleet(text)) == [("float", 1), ("float", 5), ("loudspeaker", 1)]


def test_numbered_line_up_items_read_as_headings() -> None:
    text = (
        "KẾ HOẠCH\nDiễu hành xe hoa ngày 02/10/2024.\n"
        "II. THÀNH PHẦN ĐOÀN XE\nĐoàn xe đi theo thứ tự sau:\n"
        "1. 02 xe mô tô của Công an phường dẫn đoàn;\n2. 01 xe hoa của Hội Khuyến học phường;\n"
        "3. 04 xe hoa của 04 khu phố, chia 2 nhóm: Nhóm A (khu phố 1, 2), Nhóm B (khu phố 3, 4);\n"
        "III. LỘ TRÌNH\nLộ trình: UBND phường An Lạc → Trần Phú → Lê Lợi → UBND phường An Lạc.\n"
    )
    assert sorted(_fleet(text)) == [("float", 1), ("float", 4), ("motorbike", 2)]


def test_labelled_count_with_a_bracket_and_a_speed() -> None:
    text = (
        "KẾ HOẠCH\nDiễu hành xe hoa ngày 02/10/2024.\n"
        "Lộ trình: UBND phường An Lạc → Trần Phú → Lê Lợi → UBND phường An Lạc.\n"
        "Tốc độ đoàn xe: 10 - 15 km/h.\n"
        "Phương tiện:\n- Xe hoa của UBND phường: 01 xe.\n"
        "- Xe hoa của các trường (Tiểu học Bình Trị, THCS Lê Lợi, THCS Trần Phú, Mầm non Sao Mai): 04 xe.\n"
    )
    assert sorted(_fleet(text)) == [("float", 1), ("float", 4)]


def test_organisers_car_said_with_seats_use_or_bracketed_owner() -> None:
    for said in (
        "01 xe ô tô 16 chỗ của BTC",
        "01 Xe ô tô chỉ huy của Ban Tổ chức",
        "01 Xe ô tô (Ban Tổ chức)",
        "01 xe ô tô đi cuối đoàn (xe của Ban Tổ chức)",
    ):
        text = (
            "KẾ HOẠCH\nDiễu hành xe hoa ngày 02/10/2024.\n"
            "Lộ trình: UBND phường An Lạc → Trần Phú → Lê Lợi → UBND phường An Lạc.\n"
            f"Đội hình: 03 xe hoa của các khu phố; {said}.\n"
        )
        assert ("car", 1) in _fleet(text), said


def test_each_units_share_in_a_bracket_is_no_group() -> None:
    text = (
        "KẾ HOẠCH\nDiễu hành xe hoa ngày 02/10/2024.\n"
        "Lộ trình: UBND phường An Lạc → Trần Phú → Lê Lợi → UBND phường An Lạc.\n"
        "Đoàn xe gồm:\n- 03 xe hoa của Đoàn Thanh niên, Hội Phụ nữ và Hội Cựu chiến binh (mỗi đơn vị 01 xe);\n"
        "- 01 xe loa tuyên truyền.\n"
    )
    assert sorted(_fleet(text)) == [("float", 3), ("loudspeaker", 1)]


def test_past_year_in_a_bracket_is_an_aside() -> None:
    text = (
        "CÔNG AN PHƯỜNG AN LẠC\nAn Lạc, ngày 25 tháng 9 năm 2024\nTHÔNG BÁO\n"
        "Ngày 02/10/2024 đoàn xe diễu hành xuất phát lúc 7 giờ 30 tại UBND phường An Lạc; thành phần đoàn gồm 01 xe"
        " ô tô CSGT dẫn đoàn, 06 xe hoa của 06 khu phố (năm 2023 đoàn có 04 xe hoa, năm nay tăng); lộ trình: UBND"
        " phường An Lạc → Trần Phú → Lê Lợi → UBND phường An Lạc.\n"
    )
    fleet = _fleet(text)
    assert ("float", 6) in fleet and ("float", 4) not in fleet


def test_stage_column_headed_from_to_is_the_route() -> None:
    rows = [
        ["Chặng", "Từ - đến"],
        ["1", "Nhà Văn hóa phường Tân An → Hai Bà Trưng → Lý Tự Trọng"],
        ["2", "Lý Tự Trọng → Nguyễn Thái Học → Nhà Văn hóa phường Tân An"],
    ]
    assert rows_lines(rows) == [
        "Lộ trình: Nhà Văn hóa phường Tân An → Hai Bà Trưng → Lý Tự Trọng → Nguyễn Thái Học → Nhà Văn hóa phường"
        " Tân An."
    ]


def test_guests_arrival_row_is_no_ceremony() -> None:
    text = (
        "KẾ HOẠCH\nTổ chức Lễ khai mạc Tuần lễ năm 2026\n"
        "I. THỜI GIAN, ĐỊA ĐIỂM\n"
        "Lễ khai mạc Tuần lễ — Thời gian: 7 giờ 30, thứ Năm 01/10/2026; Địa điểm: Hội trường UBND phường Tân An.\n"
        "Đại biểu đến — Thời gian: 7 giờ 00; Địa điểm: Hội trường UBND phường.\n"
    )
    times = [c.time for c in extract(text).events.ceremonies]
    assert times == [time(7, 30)]


def test_column_listed_under_its_sentence_beside_the_police_vehicles() -> None:
    text = (
        "CÔNG AN QUẬN 9\nKẾ HOẠCH\nBảo đảm trật tự an toàn giao thông phục vụ diễu hành xe hoa ngày 02/10/2024\n"
        "Đoàn xe diễu hành gồm:\n- 01 xe hoa của Ủy ban nhân dân quận;\n- 07 xe hoa của 07 phường;\n"
        "Lộ trình: UBND Quận 9 → Trần Phú → Lê Lợi → UBND Quận 9.\n"
        "III. LỰC LƯỢNG, PHƯƠNG TIỆN BẢO ĐẢM\n"
        "- 02 Xe ô tô CSGT mở đường (Đội CSGT);\n- 08 Xe mô tô CSGT (Đội CSGT);\n"
    )
    assert sorted(_fleet(text)) == [("float", 1), ("float", 7), ("motorbike", 8), ("police_car", 2)]
