"""Layouts met on the blind sets heldout21 and heldout22, each generated in variants (other names, streets, years,
wording; no corpus document): a route in prose that goes on over the next lines' sentences ("Tại đây đoàn rẽ phải
…", "Rẽ trái theo …"), a U-turn "trở về theo lộ trình cũ" before the end at the start, a distance after a street
("khoảng 100 m"), an official "cùng toàn bộ đoàn" who goes along, a leaders' work schedule ("Thứ, ngày | Thời gian
| Nội dung công việc | Lãnh đạo | Địa điểm") whose rows name leaders by their given name and an itinerary of two
visits, and ceremonies written without "Lễ" ("dự khai trương …", "Chương trình tôn vinh …")."""

from __future__ import annotations

from datetime import time

import pytest

from imported import WARD, ceremonies_of, plan_data, wishes_of
from paradeplan.errors import InputError
from paradeplan.importer.extract import extract
from paradeplan.importer.prose import prose_steps


# -- routes ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("start", "first", "turn", "second", "third", "end"),
    [
        ("UBND phường Thới An", "Lê Văn Khương", "Tại đây", "Thới An 11", "Lê Thị Riêng", "UBND Quận 12"),
        ("Trường THCS Nguyễn Ảnh Thủ", "Nguyễn Ảnh Thủ", "Từ đây", "Tô Ký", "Dương Thị Mười", "Công viên Tô Ký"),
        ("Nhà văn hóa An Phú Đông", "Vườn Lài", "Đến đó", "Hà Huy Giáp", "Thạnh Lộc 16", "Đình An Phú Đông"),
    ],
)
def test_a_route_in_prose_goes_on_over_the_sentences_of_the_next_lines(
    start: str, first: str, turn: str, second: str, third: str, end: str
) -> None:
    text = (
        WARD.format(ward="THỚI AN", ward_t="Thới An", year=2024)
        + "Tổ chức diễu hành cổ động Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
        "2. Diễu hành\n"
        "Khoảng 7 giờ 45 phút ngày 01/10/2024 đoàn diễu hành xuất phát.\n"
        f"Đoàn xuất phát từ {start}, theo đường {first} đến ngã ba {second}.\n"
        f"{turn} đoàn rẽ phải vào đường {second}, đi hết đường thì ra đường {third}.\n"
        f"Rẽ trái theo đường {third} về đến {end} thì dừng, đoàn tập kết tại khuôn viên {end} để dự lễ.\n"
        "(Tổng chiều dài lộ trình khoảng 3,2 km.)\n"
    )
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route] == [start, first, second, third, end]
    assert not [u for u in ex.unresolved if u.startswith("route:")]


def test_a_sentence_of_its_own_after_the_route_is_not_read_into_it() -> None:
    text = (
        WARD.format(ward="THỚI AN", ward_t="Thới An", year=2024)
        + "Đoàn xuất phát từ UBND phường Thới An, theo đường Lê Văn Khương đến ngã ba Thới An 11, rẽ phải vào đường "
        "Thới An 11 và kết thúc tại Chợ Thới An.\n"
        "Rẽ phải vào đường Lê Thị Riêng là lối ra của xe cứu thương.\n"
    )
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route] == ["UBND phường Thới An", "Lê Văn Khương", "Thới An 11", "Chợ Thới An"]


@pytest.mark.parametrize(
    ("school", "out", "turn_at"),
    [
        ("Trường THCS An Phú Đông", ["Vườn Lài", "Đỗ Mười", "Hà Huy Giáp"], "Chợ Thạnh Xuân"),
        ("Trường Tiểu học Thới An", ["Lê Thị Riêng", "Thới An 11"], "Đình Thới An"),
    ],
)
def test_a_u_turn_and_the_way_back_along_the_way_out_before_the_end_at_the_start(
    school: str, out: list[str], turn_at: str
) -> None:
    moves = f"theo đường {out[0]} về hướng ngã tư {out[1]}; đến ngã tư rẽ phải theo đường {out[1]} khoảng 100 m"
    moves += f" rồi rẽ trái vào đường {out[2]}" if len(out) == 3 else ""
    text = (
        WARD.format(ward="AN PHÚ ĐÔNG", ward_t="An Phú Đông", year=2025)
        + f"Lộ trình: từ cổng {school} {moves}; đi thẳng đường {out[-1]} đến trước {turn_at} thì quay đầu, trở về "
        f"theo lộ trình cũ ({' – '.join(reversed(out))}) và kết thúc tại sân {school}.\n"
    )
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route] == [school, *out, turn_at, *reversed(out), school]
    assert [s.name for s in ex.route if s.uturn] == [turn_at]


@pytest.mark.parametrize("far", ["khoảng 100 m", "chừng 2 km", "dài 300 m"])
def test_how_far_the_column_goes_along_a_street_is_no_part_of_its_name(far: str) -> None:
    steps = prose_steps(f"từ Chợ Thới An theo đường Lê Thị Riêng {far} rồi rẽ trái vào đường Thới An 11")
    assert [s.name for s in steps] == ["Chợ Thới An", "Lê Thị Riêng", "Thới An 11"]


# -- officials ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("person", "others"),
    [
        ("Lê Hoàng Phúc", "cùng toàn bộ đoàn diễu hành của phường"),
        ("Nguyễn Thị Thu Hà", "cùng với các em học sinh"),
        ("Trần Minh Quân", "cùng đại diện các đoàn thể"),
    ],
)
def test_who_goes_along_with_an_official_is_no_part_of_the_name(person: str, others: str) -> None:
    text = (
        WARD.format(ward="THỚI AN", ward_t="Thới An", year=2024)
        + "Lễ khai mạc Tuần lễ năm 2024 của Quận 12 bắt đầu lúc 8 giờ 30 phút ngày 01/10/2024 tại UBND Quận 12. "
        f"Đồng chí {person} {others} dự lễ.\n"
    )
    assert wishes_of(plan_data(text)) == {person: ["UBND Quận 12"]}


def _schedule(rows: list[str], leaders: list[str]) -> str:
    head = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG CỬA NAM\nSố: 41/LCT-UBND\nCửa Nam, ngày 26 tháng 9 năm 2025\nLỊCH CÔNG TÁC TUẦN\n"
        "của Chủ tịch, các Phó Chủ tịch UBND phường\n(Từ ngày 29/9/2025 đến ngày 05/10/2025)\nLãnh đạo UBND phường:\n"
    )
    people = "".join(
        f"- Đồng chí {p} – {'Chủ tịch' if k == 0 else 'Phó Chủ tịch'} UBND phường;\n" for k, p in enumerate(leaders)
    )
    table = "| Thứ, ngày | Thời gian | Nội dung công việc | Lãnh đạo | Địa điểm |\n" + "".join(rows)
    return head + people + "\n" + table + "\n"


@pytest.mark.parametrize(
    ("leaders", "a", "b", "c"),
    [
        (
            ["Lương Quốc Khánh", "Tạ Thị Minh Nguyệt"],
            "Trường THPT Trần Phú",
            "Thư viện Hà Nội",
            "Cung Văn hóa Hữu nghị",
        ),
        (["Đỗ Văn Hùng", "Phan Thị Mai"], "Trường THCS Chu Văn An", "Nhà văn hóa phường", "Nhà hát Lớn"),
    ],
)
def test_a_leaders_work_schedule_with_given_names_and_a_row_of_two_visits(
    leaders: list[str], a: str, b: str, c: str
) -> None:
    first, second = (name.split()[-1] for name in leaders)
    rows = [
        f"| Thứ Hai 29/9 | 8:00 | Giao ban Thường trực UBND phường | Đ/c {first}, Đ/c {second} | Phòng họp tầng 2 |\n",
        f"| Thứ Tư 01/10 | 7:30 | Dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025 của phường tại {a}, "
        f"sau đó dự khai trương Không gian đọc sách cộng đồng tại {b} (9:30) | Đ/c {first}, Đ/c {second} "
        f"| {a}; {b} |\n",
        f"| Thứ Tư 01/10 | 14:00 | Kiểm tra công tác phòng cháy chữa cháy | Đ/c {first} | Theo kế hoạch |\n",
        f"| Thứ Năm 02/10 | 8:30 | Dự Chương trình tôn vinh “Công dân học tập” tiêu biểu năm 2025 | Đ/c {second} "
        f"| {c} |\n",
    ]
    data = plan_data(_schedule(rows, leaders))
    assert ceremonies_of(data) == [("2025-10-01", "07:30", a), ("2025-10-01", "09:30", b), ("2025-10-02", "08:30", c)]
    names = {c["name"] for c in data["ceremonies"]}
    assert any(n.startswith("Chương trình tôn vinh") for n in names), names
    assert wishes_of(data) == {leaders[0]: [a, b], leaders[1]: [a, b, c]}


def test_a_given_name_two_leaders_share_stays_as_written() -> None:
    rows = [
        "| Thứ Tư 01/10 | 7:30 | Dự Lễ khai mạc Tuần lễ tại Trường THCS Trưng Vương | Đ/c Hà "
        "| Trường THCS Trưng Vương |\n"
    ]
    data = plan_data(_schedule(rows, ["Nguyễn Thu Hà", "Lê Thị Hà"]))
    assert list(wishes_of(data)) == ["Đ/c Hà"]


def test_a_row_time_is_its_first_visit_and_the_bracketed_time_the_second() -> None:
    rows = [
        "| Thứ Sáu 03/10 | 8:00 | Dự Lễ trao học bổng tại Trường THCS Trưng Vương, sau đó dự Lễ ra mắt câu lạc bộ "
        "đọc sách tại Nhà văn hóa phường (10:00) | Đ/c Nghĩa | Trường THCS Trưng Vương; Nhà văn hóa phường |\n"
    ]
    data = plan_data(_schedule(rows, ["Bùi Hữu Nghĩa"]))
    assert ceremonies_of(data) == [
        ("2025-10-03", "08:00", "Trường THCS Trưng Vương"),
        ("2025-10-03", "10:00", "Nhà văn hóa phường"),
    ]
    assert wishes_of(data) == {"Bùi Hữu Nghĩa": ["Trường THCS Trưng Vương", "Nhà văn hóa phường"]}


# -- heldout22's layouts -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("office", "streets"),
    [
        ("UBND phường", ["Lê Thị Riêng", "Đỗ Mười", "Lê Văn Khương", "Thới An 11", "Lê Thị Riêng"]),
        ("Nhà văn hóa khu phố 3", ["Vườn Lài", "Hà Huy Giáp", "Thạnh Lộc 16"]),
    ],
)
def test_a_table_of_stretches_with_the_start_and_end_in_its_notes(office: str, streets: list[str]) -> None:
    notes = ["Rẽ phải"] * len(streets)
    notes[0] = f"Xuất phát từ cổng {office}, đi về hướng Quốc lộ 1"
    notes[-1] = f"Rẽ trái, về điểm kết thúc tại {office}"
    rows = "".join(f"| {k} | {s} | {n} |\n" for k, (s, n) in enumerate(zip(streets, notes, strict=True), 1))
    text = (
        WARD.format(ward="THỚI AN", ward_t="Thới An", year=2025)
        + "2. Diễu hành cổ động\n- Đoàn xe xuất phát lúc 8 giờ 15 ngày 01/10/2025.\n"
        "- Lộ trình (tổng chiều dài khoảng 7,5 km):\n| Đoạn | Tuyến đường | Ghi chú |\n" + rows
    )
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route] == [office, *streets, office]
    assert [s.name for s in ex.route if s.end] == [office]


def _school(body: str, year: int = 2024) -> str:
    return (
        f"PHÒNG GD&ĐT HUYỆN NAM ĐÀN\nTRƯỜNG THCS KIM LIÊN\nSố: 86/KH-THCSKL\nKim Liên, ngày 20 tháng 9 năm {year}\n"
        "KẾ HOẠCH\nTổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời\n" + body
    )


@pytest.mark.parametrize(("mark", "verb"), [("Thầy", "Tuyên dương"), ("Cô", "Tuyên dương"), ("Ông", "Trao thưởng")])
def test_a_ceremony_programme_sends_its_performers_and_a_commendation_is_no_route(mark: str, verb: str) -> None:
    text = _school(
        "II. THỜI GIAN, ĐỊA ĐIỂM\n1. Lễ khai mạc: bắt đầu lúc 7g00 ngày 01/10/2024, tại sân trường THCS Kim Liên.\n"
        "III. CHƯƠNG TRÌNH LỄ KHAI MẠC (NGÀY 01/10/2024)\n| STT | Thời gian | Nội dung | Người thực hiện |\n"
        f"| 1 | 7g15 - 7g20 | Tuyên bố lý do | {mark} Hoàng Văn Thành, Phó Hiệu trưởng |\n"
        f"| 2 | 7g45 - 8g00 | {verb} “Gia đình học tập” tiêu biểu | Bà Phan Thị Hòa, Chủ tịch Hội Khuyến học |\n"
    )
    data = plan_data(text)
    assert not data.get("parades")
    assert wishes_of(data) == {"Hoàng Văn Thành": ["Trường THCS Kim Liên"], "Phan Thị Hòa": ["Trường THCS Kim Liên"]}


@pytest.mark.parametrize(("ward", "start"), [("TÂN THỚI NHẤT", "Tân Thới Nhất 1"), ("TRUNG MỸ TÂY", "Trung Mỹ Tây 2A")])
def test_a_trip_to_another_ceremony_is_no_assembly_and_the_way_back_to_the_school(ward: str, start: str) -> None:
    text = _school(
        "II. NỘI DUNG\n1. Lễ hưởng ứng tại trường\n"
        "Vào lúc 7h30 thứ Hai, ngày 02/10/2023, nhà trường tổ chức Lễ hưởng ứng tại sân Trường THCS Nguyễn An Ninh.\n"
        "2. Diễu hành cổ động\n"
        "Ngay sau buổi lễ, lúc 8h30 cùng ngày, đội diễu hành gồm 02 xe hoa xuất phát từ cổng trường.\n"
        f"Lộ trình: đoàn ra khỏi cổng trường đi theo đường {start}, rẽ phải vào đường Phan Văn Hớn, sau đó theo đường "
        f"{start} trở về trường. Dự kiến đoàn về đến trường lúc 10h00.\n"
        "3. Tham dự Lễ phát động cấp quận\n"
        "Đoàn giáo viên tham dự Lễ phát động của Quận 12 vào lúc 15 giờ 00 ngày 04/10/2023, tại Trung tâm Văn hóa "
        "Quận 12. Đoàn tập trung tại trường lúc 14 giờ 15 để đi bằng xe của trường.\n",
        2023,
    ).replace("KIM LIÊN", ward)
    ex = extract(text, "k.txt")
    school = "Trường THCS Nguyễn An Ninh"
    assert [s.name for s in ex.route] == [school, start, "Phan Văn Hớn", start, school]
    assert (ex.assembly_time or ex.departure_time, ex.departure_time) == (time(8, 30), time(8, 30))
    assert str(ex.assembly_date or ex.departure_date) == "2023-10-02"


def _letter(commune: str, invitees: list[str], other: str, past: str) -> str:
    listed = "".join(f"{k}. {p};\n" for k, p in enumerate(invitees, 1))
    return (
        f"ỦY BAN NHÂN DÂN\nXÃ {commune.upper()}\nSố: 214/GM-UBND\n{commune}, ngày 24 tháng 9 năm 2025\nGIẤY MỜI\n"
        "Dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        f"Ủy ban nhân dân xã {commune} trân trọng kính mời:\n{listed}"
        "Tới dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025.\n"
        "Thời gian: 07 giờ 30 phút, thứ Năm, ngày 02 tháng 10 năm 2025.\n"
        f"Địa điểm: Nhà văn hóa xã {commune}.\nChủ trì: Ông Phàn Văn Tiến, Chủ tịch UBND xã.\n"
        f"Ngoài ra, UBND xã tổ chức Lễ ra mắt mô hình “Tủ sách số” vào 14 giờ 00 ngày 03/10/2025 tại {other}; "
        "kính mời bà Vàng Thị Dua và đồng chí Giàng Seo Phử tham dự.\n"
        f"- {past}\n"
    )


@pytest.mark.parametrize(
    ("commune", "other", "past"),
    [
        (
            "Bát Xát",
            "Trường PTDTBT Bản Vược",
            "Năm 2024, Lễ khai mạc của huyện có khoảng 450 người dự tại Quảng trường.",
        ),
        ("Mường Hum", "Nhà văn hóa thôn Séo Pả", "Năm 2023, Lễ khai mạc cấp xã được tổ chức tại Sân vận động xã."),
    ],
)
def test_an_invitation_s_own_ceremony_another_it_tells_and_last_year_s(commune: str, other: str, past: str) -> None:
    invitees = [
        "Ông Hoàng Văn Sơn, Phó Bí thư Thường trực Đảng ủy xã",
        "Bà Vàng Thị Dua, Bí thư Đoàn Thanh niên xã",
        "Hiệu trưởng Trường Tiểu học và THCS Bản Vược (đồng chí Giàng Seo Phử)",
        "Trưởng các thôn trên địa bàn xã",
    ]
    data = plan_data(_letter(commune, invitees, other, past))
    hall = f"Nhà văn hóa xã {commune}"
    assert ceremonies_of(data) == [("2025-10-02", "07:30", hall), ("2025-10-03", "14:00", other)]
    assert wishes_of(data) == {
        "Hoàng Văn Sơn": [hall],
        "Vàng Thị Dua": [hall, other],
        "Giàng Seo Phử": [hall, other],
        "Phàn Văn Tiến": [hall],
    }


@pytest.mark.parametrize(("unit", "kind"), [("Huyện", "xã"), ("Thị xã", "phường")])
def test_rows_under_an_unnumbered_intro_of_a_numbered_section(unit: str, kind: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH ĐIỆN BIÊN\nSố: 2345/KH-UBND\nĐiện Biên, ngày 15 tháng 9 năm 2023\nKẾ HOẠCH\n"
        "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023\nIII. NỘI DUNG HOẠT ĐỘNG\n"
        f"2. Lễ khai mạc Tuần lễ tại cơ sở (điểm cấp {kind})\n"
        f"Mỗi {unit.lower()} chọn 01 {kind} làm điểm tổ chức khai mạc, cụ thể:\n"
        f"a) {unit} Tuần Giáo: tại Trung tâm học tập cộng đồng Tuần Giáo, vào lúc 14h00 thứ Ba, ngày 03/10/2023.\n"
        f"b) {unit} Mường Ảng: tại Nhà văn hóa Ẳng Tở, 7h30 ngày 04/10/2023. Bà Nguyễn Thị Thu Hà, Giám đốc Sở "
        "Giáo dục và Đào tạo dự và phát biểu chỉ đạo.\n"
        f"c) {unit} Mường Chà: dự kiến tổ chức ngày 06/10/2023; thời gian, địa điểm do UBND thông báo sau.\n"
    )
    data = plan_data(text)
    assert ceremonies_of(data) == [
        ("2023-10-03", "14:00", "Trung tâm học tập cộng đồng Tuần Giáo"),
        ("2023-10-04", "07:30", "Nhà văn hóa Ẳng Tở"),
    ]
    people = data.get("people") or []
    assert [(p["name"], p.get("role")) for p in people] == [("Nguyễn Thị Thu Hà", "Giám đốc Sở Giáo dục và Đào tạo")]
    assert wishes_of(data) == {"Nguyễn Thị Thu Hà": ["Nhà văn hóa Ẳng Tở"]}


@pytest.mark.parametrize(
    ("title", "named", "chair", "guest"),
    [
        (
            "Ngày hội “Phụ nữ học tập số”",
            True,
            "Bà Nguyễn Thị Kim Thoa chủ trì",
            "mời bà Lâm Thị Bích Ngọc, Phó Chủ tịch",
        ),
        ("Ngày hội đọc sách", True, "Ông Lê Văn Tám chủ trì", "mời ông Đỗ Minh Hải, Chủ tịch UBND phường,"),
        ("Ngày hội đọc sách", False, "Các chi hội chủ trì", "mời hội viên"),
    ],
)
def test_a_gathering_day_an_official_chairs_is_planned_like_a_ceremony(
    title: str, named: bool, chair: str, guest: str
) -> None:
    text = (
        WARD.format(ward="TÂN THỚI HIỆP", ward_t="Tân Thới Hiệp", year=2025)
        + "II. LỊCH HOẠT ĐỘNG\n* Thứ Bảy, ngày 04/10\n"
        "- 7 giờ 00: Lễ ra quân tại sân Nhà văn hóa Tân Thới Hiệp. Bà Nguyễn Thị Kim Thoa, Chủ tịch Hội LHPN phường, "
        "đọc lời phát động; Phó Chủ tịch UBND phường Trần Văn Hiếu dự và phát biểu.\n* Chủ nhật, ngày 05/10\n"
        f"- 8 giờ 00: {title} tại Hội trường UBND phường Tân Thới Hiệp: hướng dẫn sử dụng VNeID. {chair}; {guest} dự.\n"
    )
    data = plan_data(text)
    hall, court = "Nhà văn hóa Tân Thới Hiệp", "Hội trường UBND phường Tân Thới Hiệp"
    expected = [("2025-10-04", "07:00", hall)] + [("2025-10-05", "08:00", court)] * named
    assert ceremonies_of(data) == expected
    wishes = wishes_of(data)
    assert wishes["Trần Văn Hiếu"] == [hall]
    assert wishes["Nguyễn Thị Kim Thoa"] == [hall, court] if "Thoa" in chair else [hall]


@pytest.mark.parametrize("rank", ["Thiếu tá", "Trung tá", "Đại úy", "Thượng úy"])
def test_a_police_rank_before_a_name_is_an_honorific(rank: str) -> None:
    text = (
        "CÔNG AN QUẬN 12\nCÔNG AN PHƯỜNG AN PHÚ ĐÔNG\nSố: 112/PA-CAP\nAn Phú Đông, ngày 20 tháng 9 năm 2024\n"
        "PHƯƠNG ÁN\nLễ khai mạc Tuần lễ: 6 giờ 45 ngày 05/10/2024 tại sân Trường THCS An Phú Đông.\n"
        f"- {rank} Nguyễn Hữu Phước, Trưởng Công an phường: chỉ huy chung; dự Lễ khai mạc tại Trường THCS An Phú "
        "Đông, sau đó đi cùng xe dẫn đoàn.\n"
    )
    assert wishes_of(plan_data(text)) == {"Nguyễn Hữu Phước": ["Trường THCS An Phú Đông"]}


@pytest.mark.parametrize(("road", "street"), [("Quốc lộ 1", "Đỗ Mười"), ("Quốc lộ 22", "Trường Chinh")])
def test_a_numbered_road_s_stretch_named_as_a_street(road: str, street: str) -> None:
    text = (
        WARD.format(ward="TÂN THỚI HIỆP", ward_t="Tân Thới Hiệp", year=2025)
        + "Đoàn diễu hành xuất phát lúc 7 giờ 40 ngày 04/10/2025 từ Nhà văn hóa Tân Thới Hiệp và đi theo trình tự "
        "sau:\n1. Từ Nhà văn hóa Tân Thới Hiệp ra đường Nguyễn Ảnh Thủ;\n"
        f"2. Rẽ phải ra {road} (đoạn đường {street});\n3. Tiếp tục đường Tô Ký;\n"
        "4. Về lại Nhà văn hóa Tân Thới Hiệp, giải tán đoàn.\n"
    )
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route][1:4] == ["Nguyễn Ảnh Thủ", street, "Tô Ký"]


def test_the_ward_s_office_named_by_its_kind_is_the_office_its_ceremony_is_held_at() -> None:
    text = (
        WARD.format(ward="THỚI AN", ward_t="Thới An", year=2025)
        + "1. Lễ phát động\n- Thời gian: 7 giờ 00, ngày 01/10/2025.\n"
        "- Địa điểm: sân Ủy ban nhân dân phường Thới An (đường Lê Thị Riêng).\n2. Diễu hành cổ động\n"
        "- Đoàn xe tập trung lúc 7 giờ 45 tại sân UBND phường; xuất phát lúc 8 giờ 15.\n"
        "- Lộ trình: UBND phường – Lê Thị Riêng – Thới An 11 – Lê Văn Khương – UBND phường.\n"
    )
    ex = extract(text, "k.txt")
    office = "Ủy ban nhân dân phường Thới An"
    assert [s.name for s in ex.route] == [office, "Lê Thị Riêng", "Thới An 11", "Lê Văn Khương", office]
    assert ex.assembly_place == office


# -- heldout21's last layouts ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("first", "second"), [("NGÀY THỨ NHẤT", "NGÀY THỨ HAI"), ("Ngày thứ nhất", "Ngày thứ hai")])
def test_a_schedule_by_numbered_days_and_a_road_named_once_as_a_street(first: str, second: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nQUẬN 12\nSố: 3904/KH-UBND\nQuận 12, ngày 12 tháng 9 năm 2022\nKẾ HOẠCH\n"
        "Tổ chức Lễ khai mạc, diễu hành và Lễ bế mạc Tuần lễ hưởng ứng học tập suốt đời năm 2022\n"
        f"II. LỊCH HOẠT ĐỘNG\n{first} – Thứ Bảy, 01/10/2022\n- 7h00: các đoàn tập trung tại khuôn viên UBND Quận 12.\n"
        "- 7h30: Lễ khai mạc Tuần lễ tại hội trường UBND Quận 12. Đồng chí Nguyễn Thị Bích Ngọc – Phó Chủ tịch UBND "
        "Quận 12 phát biểu khai mạc.\n"
        "- 8h15: Diễu hành. Đoàn xuất phát từ UBND Quận 12 theo đường Lê Thị Riêng ra Quốc lộ 1A (đường Đỗ Mười), đi "
        "theo Quốc lộ 1A về hướng cầu vượt Quang Trung; đến giao lộ Đỗ Mười – Tô Ký rẽ trái vào đường Tô Ký, đến Công "
        "viên Phần mềm Quang Trung thì dừng.\n"
        "- 9h30: Lễ tiếp nhận cờ “Đơn vị học tập” tại Công viên Phần mềm Quang Trung.\n"
        f"{second} – Chủ nhật, 02/10/2022\n"
        "- 9h00: Lễ bế mạc Tuần lễ tại Nhà văn hóa Tân Thới Hiệp. Đồng chí Nguyễn Thị Bích Ngọc – Phó Chủ tịch UBND "
        "Quận 12 và đồng chí Mai Thanh Sơn – Chủ tịch UBND phường Tân Thới Hiệp dự.\n"
    )
    data = plan_data(text)
    park, hall = "Công viên Phần mềm Quang Trung", "Nhà văn hóa Tân Thới Hiệp"
    assert ceremonies_of(data) == [
        ("2022-10-01", "07:30", "UBND Quận 12"),
        ("2022-10-01", "09:30", park),
        ("2022-10-02", "09:00", hall),
    ]
    assert wishes_of(data) == {"Nguyễn Thị Bích Ngọc": ["UBND Quận 12", hall], "Mai Thanh Sơn": [hall]}
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route] == ["UBND Quận 12", "Lê Thị Riêng", "Đỗ Mười", "Tô Ký", park]


@pytest.mark.parametrize(
    ("corner", "a", "b"), [("ngã tư", "Quang Trung", "Thống Nhất"), ("giao lộ", "Tô Ký", "Lê Văn Khương")]
)
def test_a_summary_route_and_its_detail_with_a_junction_named_by_two_streets(corner: str, a: str, b: str) -> None:
    text = (
        WARD.format(ward="12", ward_t="Phường 12", year=2024)
        + "II. TÓM TẮT CHƯƠNG TRÌNH\n- 15 giờ 00, thứ Ba ngày 01/10/2024: Lễ phát động tại hội trường UBND Phường 12.\n"
        f"- 15 giờ 40: diễu hành cổ động theo lộ trình: UBND Phường 12 – đường {a} – đường {b} – Nhà văn hóa B.\n"
        "- 16 giờ 30: dự Lễ khai mạc cấp quận tại Trung tâm Văn hóa quận.\nIII. NỘI DUNG CHI TIẾT\n1. Lễ phát động\n"
        "Buổi lễ do đồng chí Châu Minh Đức – Chủ tịch UBND Phường 12 chủ trì. Đồng chí Hồ Thị Kim Loan – Bí thư "
        "Đảng ủy phường dự và trao bảng tuyên truyền.\n2. Diễu hành\n"
        f"c) Lộ trình chi tiết: ra cổng UBND Phường 12, đoàn rẽ phải vào đường {a}, đi theo đường {a} đến {corner} "
        f"{a} – {b} thì rẽ trái vào đường {b}, đến Nhà văn hóa B.\n"
        "Đồng chí Châu Minh Đức cùng đoàn diễu hành dự Lễ khai mạc lúc 16 giờ 30 tại Trung tâm Văn hóa quận.\n"
    )
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route][1:3] == [a, b]
    data = plan_data(text)
    assert len(data["ceremonies"]) == 2
    wishes = wishes_of(data)
    assert wishes["Hồ Thị Kim Loan"] == ["UBND Phường 12"]
    assert len(wishes["Châu Minh Đức"]) == 2


@pytest.mark.parametrize("part", ["có phần giao lưu với các điển hình", "gồm phần trao thưởng"])
def test_a_ceremony_s_part_and_a_car_for_guests_are_no_ceremony_and_no_official(part: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN HẢI HẬU\nSố: 201/KH-UBND\nHải Hậu, ngày 15 tháng 9 năm 2023\nKẾ HOẠCH\n"
        "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023\n"
        "1. Lễ tôn vinh “Gia đình học tập” lúc 8 giờ 00, thứ Sáu, ngày 06/10/2023 tại Hội trường UBND huyện Hải Hậu; "
        "Đồng chí Trần Đức Thịnh – Phó Chủ tịch UBND huyện dự.\n"
        f"Ghi chú: Lễ tôn vinh {part} từ 9 giờ 30 đến 10 giờ 30.\n"
        "- Văn phòng HĐND và UBND huyện bố trí 02 xe ô tô đưa đón đại biểu dự Lễ tôn vinh.\n"
    )
    data = plan_data(text)
    assert ceremonies_of(data) == [("2023-10-06", "08:00", "Hội trường UBND huyện Hải Hậu")]
    assert list(wishes_of(data)) == ["Trần Đức Thịnh"]


# -- heldout23's and heldout24's layouts -------------------------------------------------------------------------------
def _commune(body: str, year: int = 2023) -> str:
    return (
        f"ỦY BAN NHÂN DÂN\nXÃ Y TÝ\nSố: 45/KH-UBND\nY Tý, ngày 20 tháng 9 năm {year}\nKẾ HOẠCH\n"
        f"Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm {year}\nII. NỘI DUNG\n" + body
    )


@pytest.mark.parametrize(
    ("closing", "chair"), [("Tổng kết Tuần lễ", "ông Lê Hoàng Phúc"), ("Bế mạc Tuần lễ", "bà Lò Thị Mai")]
)
def test_a_closing_section_without_le_with_its_fields(closing: str, chair: str) -> None:
    text = _commune(
        f"3. {closing}\n- Thời gian: 15 giờ 30 phút, thứ Hai, ngày 07/10/2023.\n"
        "- Địa điểm: Hội trường Ủy ban nhân dân xã Y Tý.\n"
        f"- Chủ trì: {chair} – Phó Chủ tịch UBND xã.\n"
    )
    data = plan_data(text)
    assert ceremonies_of(data) == [("2023-10-07", "15:30", "Hội trường Ủy ban nhân dân xã Y Tý")]
    assert list(wishes_of(data)) == [" ".join(chair.split()[1:])]


@pytest.mark.parametrize(
    ("event", "official"),
    [("Hội thi “Gia đình học tập”", True), ("Tọa đàm “Học tập số”", True), ("Hội thi kể chuyện", False)],
)
def test_a_contest_or_talk_a_named_official_attends(event: str, official: bool) -> None:
    who = "Bà Võ Thị Ngọc Diễm dự và trao giải." if official else "Các chi hội cử người tham gia."
    text = _commune(f"- 08 giờ 00 ngày 03/10/2023: {event} tại Trường Tiểu học Nguyễn Trãi. {who}\n")
    if not official:  # a contest no official attends is no event to plan: the document plans nothing
        with pytest.raises(InputError):
            plan_data(text)
        return
    data = plan_data(text)
    assert ceremonies_of(data) == [("2023-10-03", "08:00", "Trường Tiểu học Nguyễn Trãi")]
    assert wishes_of(data) == {"Võ Thị Ngọc Diễm": ["Trường Tiểu học Nguyễn Trãi"]}


def test_a_class_opening_and_a_reading_day_a_leader_s_schedule_names() -> None:
    text = _commune(
        "2. Khai giảng lớp xóa mù chữ và tái mù chữ năm học 2023 - 2024\n"
        "Thời gian: 13 giờ 30 phút, thứ Ba ngày 03/10/2023.\nĐịa điểm: Nhà văn hóa thôn Lao Chải.\n"
        "3. Ngày hội đọc sách “Sách đến bản vùng cao”\nThời gian: 8 giờ, thứ Năm 05/10/2023.\n"
        "Địa điểm: Điểm trường thôn Mò Phú Chải.\nIII. LỊCH CÔNG TÁC CỦA LÃNH ĐẠO\n"
        "- Đồng chí Chu Thị Mây – Chủ tịch UBND xã: chiều 03/10 dự khai giảng lớp xóa mù chữ tại Nhà văn hóa thôn "
        "Lao Chải.\n- Đồng chí Lý Seo Chải – Phó Chủ tịch UBND xã: dự Ngày hội đọc sách ngày 05/10 và trao sách.\n"
    )
    data = plan_data(text)
    assert ceremonies_of(data) == [
        ("2023-10-03", "13:30", "Nhà văn hóa thôn Lao Chải"),
        ("2023-10-05", "08:00", "Điểm trường thôn Mò Phú Chải"),
    ]
    assert wishes_of(data) == {
        "Chu Thị Mây": ["Nhà văn hóa thôn Lao Chải"],
        "Lý Seo Chải": ["Điểm trường thôn Mò Phú Chải"],
    }
    assert "tái mù chữ" in data["ceremonies"][0]["name"]  # "tái" folds like "tại", and is no stop of the name


def test_an_opening_the_same_day_beside_a_fair_s_last_day() -> None:
    text = _commune(
        "1. Lễ khai mạc lúc 7 giờ 15 phút, thứ Tư 01/10/2025, tại Trường THPT chuyên Quốc Học.\n"
        "2. Hội sách khai mạc lúc 9 giờ 30 cùng ngày tại Thư viện Tổng hợp; hội sách mở cửa đến hết ngày 05/10.\n",
        2025,
    )
    assert ceremonies_of(plan_data(text)) == [
        ("2025-10-01", "07:15", "Trường THPT chuyên Quốc Học"),
        ("2025-10-01", "09:30", "Thư viện Tổng hợp"),
    ]


def test_a_schedule_s_legend_of_short_names() -> None:
    rows = [
        "| Thứ Ba 01/10 | 7h30 | Dự Lễ khai mạc Tuần lễ cấp thành phố | đ/c Hùng, đ/c Tâm | Cung Văn hóa Thiếu nhi |\n",
        "| Thứ Năm 03/10 | 8h30 | Dự Lễ tuyên dương “Gia đình học tập” | đ/c Ngọc | Thư viện Khoa học Tổng hợp |\n",
    ]
    text = _schedule(rows, []).replace(
        "Lãnh đạo UBND phường:\n",
        "Lãnh đạo Sở: đ/c Hùng – Lê Quang Hùng, Giám đốc; đ/c Tâm – Trần Thị Minh Tâm, Phó Giám đốc; đ/c Ngọc – "
        "Nguyễn Bá Ngọc, Phó Giám đốc.\n",
    )
    wishes = wishes_of(plan_data(text))
    assert wishes == {
        "Lê Quang Hùng": ["Cung Văn hóa Thiếu nhi"],
        "Trần Thị Minh Tâm": ["Cung Văn hóa Thiếu nhi"],
        "Nguyễn Bá Ngọc": ["Thư viện Khoa học Tổng hợp"],
    }


@pytest.mark.parametrize(("school", "order"), [("LÊ QUÝ ĐÔN", "DIỄN TIẾN BUỔI LỄ"), ("KIM ĐỒNG", "TRÌNH TỰ BUỔI LỄ")])
def test_a_school_s_script_of_its_ceremony_sends_whom_it_names(school: str, order: str) -> None:
    text = (
        f"PHÒNG GD&ĐT QUẬN NINH KIỀU\nTRƯỜNG TIỂU HỌC {school}\nNinh Kiều, ngày 26 tháng 9 năm 2022\nKỊCH BẢN\n"
        "Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2022\n"
        "(Thứ Hai, ngày 03 tháng 10 năm 2022 – lúc 07:00 – tại sân trường)\n"
        f"I. CHUẨN BỊ\n- Phông nền, âm thanh: tổ Văn phòng.\nII. {order}\n1. Giới thiệu đại biểu (07:05 – 07:10)\n"
        "+ Ông Nguyễn Hoàng Phúc, Phó Chủ tịch UBND phường Tân An;\n2. Diễn văn khai mạc (07:10 – 07:20)\n"
        "Kính mời cô Võ Thị Kim Loan, Hiệu trưởng nhà trường, lên phát biểu khai mạc Tuần lễ.\n"
    )
    data = plan_data(text)
    name = ceremonies_of(data)[0][2]
    assert ceremonies_of(data) == [("2022-10-03", "07:00", name)] and "Trường" in name
    assert wishes_of(data) == {"Nguyễn Hoàng Phúc": [name], "Võ Thị Kim Loan": [name]}


@pytest.mark.parametrize("heading", ["2. Các tuyến đường tạm cấm phương tiện", "2. Phân luồng giao thông"])
def test_a_police_notice_s_closure_table_is_no_route_beside_the_column_s(heading: str) -> None:
    text = (
        "CÔNG AN QUẬN 12\nCÔNG AN PHƯỜNG TRUNG MỸ TÂY\nSố: 77/TB-CAP\nTrung Mỹ Tây, ngày 25 tháng 9 năm 2025\n"
        "THÔNG BÁO\nPhân luồng giao thông phục vụ diễu hành\n"
        "1. Sáng thứ Bảy, 04/10/2025: 7h15 đoàn diễu hành xuất phát.\n"
        f"{heading}\n| Tuyến đường | Đoạn | Thời gian cấm |\n"
        "| Nguyễn Ảnh Thủ | từ Trung tâm Văn hóa Quận 12 đến Dương Thị Mười | 6h00 – 8h00 |\n"
        "| Tô Ký | từ Nguyễn Ảnh Thủ đến Công viên Phần mềm Quang Trung | 8h00 – 9h30 |\n"
        "3. Lộ trình đoàn diễu hành\n"
        "Xuất phát tại Trung tâm Văn hóa Quận 12 → Nguyễn Ảnh Thủ → Dương Thị Mười → Nguyễn Thị Búp → Nguyễn Ảnh Thủ → "
        "đường Tô Ký → kết thúc tại Công viên Phần mềm Quang Trung.\n"
    )
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route] == [
        "Trung tâm Văn hóa Quận 12",
        "Nguyễn Ảnh Thủ",
        "Dương Thị Mười",
        "Nguyễn Thị Búp",
        "Nguyễn Ảnh Thủ",
        "Tô Ký",
        "Công viên Phần mềm Quang Trung",
    ]


@pytest.mark.parametrize(("talk", "sent"), [("Tọa đàm", True), ("Giao lưu", True), ("Tọa đàm", False)])
def test_a_talk_an_officials_table_sends_leaders_to(talk: str, sent: bool) -> None:
    who = "Bà Đặng Thị Kim Loan – Chủ tịch UBND phường" if sent else "Ban Chủ nhiệm Hội Khuyến học"
    text = (
        WARD.format(ward="TÂN CHÁNH HIỆP", ward_t="Tân Chánh Hiệp", year=2023)
        + "II. NỘI DUNG\n1. Lễ phát động\n- Thời gian: 7g30 ngày 01/10/2023.\n- Địa điểm: Chợ Tân Chánh Hiệp.\n"
        f"3. {talk} “Học tập suốt đời trong thời đại số”\n- Thời gian: 14g00, thứ Tư, ngày 04/10/2023.\n"
        "- Địa điểm: Hội trường UBND Quận 12.\n- Thành phần: Ban Chủ nhiệm Hội Khuyến học phường, 60 hội viên.\n"
        "III. PHÂN CÔNG LÃNH ĐẠO DỰ\n| Hoạt động | Lãnh đạo dự |\n"
        "| Lễ phát động (01/10) | Ông Huỳnh Văn Lợi – Bí thư Đảng ủy phường |\n"
        f"| {talk} (04/10) | {who} |\n"
    )
    data = plan_data(text)
    hall = [("2023-10-04", "14:00", "Hội trường UBND Quận 12")] * sent
    assert ceremonies_of(data) == [("2023-10-01", "07:30", "Chợ Tân Chánh Hiệp"), *hall]
    if sent:
        assert wishes_of(data)["Đặng Thị Kim Loan"] == ["Hội trường UBND Quận 12"]
