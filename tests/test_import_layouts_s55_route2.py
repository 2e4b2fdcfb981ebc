"""Routes written as prose or lists other than arrows, read at session 55 (other names, days and places than any
corpus document): legs numbered "Chặng N:" under a parade's label and before the document's next numbered point; a
police notice's closed stretches in order with the U-turn an item of its own and the way back "chiều ngược lại"; a
column that splits into groups written as a table's rows, the document's own unit in one of them; a landmark reached
and a bare "quay đầu" after it; lettered moves a)–đ) whose junctions join their two streets with a dash; a venue
written "khu vực sân Chợ A"."""

from __future__ import annotations

import pytest

from paradeplan.importer.extract import extract

HEAD = "ỦY BAN NHÂN DÂN\nPHƯỜNG {unit}\nSố: 61/KH-UBND\n{unit_name}, ngày 15 tháng 9 năm 2024\nKẾ HOẠCH\n"


def _names(text: str) -> list[str]:
    return [s.name for s in extract(text, "kh.txt").route]


# -- legs "Chặng N:" under the parade's label, the document's next numbered point after them ---------------------------
LEGS = HEAD.format(unit="PHÚ NHUẬN", unit_name="Phú Nhuận") + (
    "Diễu hành cổ động Tuần lễ học tập suốt đời năm 2024\n"
    "1. Thời gian: 7 giờ 00, thứ Bảy, ngày 05/10/2024.\n"
    "2. Lộ trình đoàn diễu hành (khoảng 5 km), gồm các {word}:\n"
    "- {Word} 1: Từ Nhà Thiếu nhi Phú Nhuận theo đường Lê Văn Sỹ đến giao lộ Huỳnh Văn Bánh.\n"
    "- {Word} 2: Rẽ phải vào đường Huỳnh Văn Bánh, đi đến giao lộ Phan Đình Phùng.\n"
    "- {Word} 3: Rẽ trái vào đường Phan Đình Phùng, đến Công viên Gia Định (điểm kết thúc).\n"
    "3. Hội sách tại điểm kết thúc\n"
    "- Khai mạc lúc 8 giờ 30 tại Công viên Gia Định.\n"
)


@pytest.mark.parametrize("word", ["chặng", "đoạn"])
def test_numbered_legs_under_the_parades_label_are_its_route_without_their_labels(word: str) -> None:
    assert _names(LEGS.format(word=word, Word=word.capitalize())) == [
        "Nhà Thiếu nhi Phú Nhuận",
        "Lê Văn Sỹ",
        "Huỳnh Văn Bánh",
        "Phan Đình Phùng",
        "Công viên Gia Định",
    ]


# -- a police notice's closed stretches, the U-turn an item of its own ----------------------------------------------
STRETCHES = (
    "CÔNG AN PHƯỜNG TĂNG NHƠN PHÚ\nSố: 40/TB-CAP\nTăng Nhơn Phú, ngày 28 tháng 9 năm 2024\nTHÔNG BÁO\n"
    "Về việc tạm dừng phương tiện phục vụ diễu hành xe hoa\n"
    "1. Thời gian: từ 7 giờ 00 đến 8 giờ 30, Chủ nhật, ngày 06/10/2024.\n"
    "2. Các tuyến đường tạm dừng phương tiện (theo thứ tự đoàn xe đi qua)\n"
    "(1) Đường Lê Văn Việt, đoạn từ Nhà văn hóa Tăng Nhơn Phú đến Ngã tư Thủ Đức;\n"
    "(2) Đường Võ Văn Ngân, đoạn từ Ngã tư Thủ Đức đến Chợ Thủ Đức;\n"
    "(3) {uturn}\n"
    "(4) Đường Võ Văn Ngân, {back} từ Chợ Thủ Đức về Ngã tư Thủ Đức;\n"
    "(5) Đường Lê Văn Việt, đoạn từ Ngã tư Thủ Đức về Nhà văn hóa Tăng Nhơn Phú (kết thúc lộ trình).\n"
    "3. Phân luồng: phương tiện đi theo đường Đình Phong Phú.\n"
)


@pytest.mark.parametrize(
    ("uturn", "back"),
    [
        ("Đoàn xe quay đầu tại Chợ Thủ Đức, lực lượng CSGT tạm dừng các hướng khoảng 5 phút;", "chiều ngược lại,"),
        ("Quay đầu xe tại Chợ Thủ Đức;", "đoạn"),
    ],
)
def test_a_uturn_item_among_closed_stretches_turns_the_column_back(uturn: str, back: str) -> None:
    ex = extract(STRETCHES.format(uturn=uturn, back=back), "tb.txt")
    assert [(s.name, s.uturn) for s in ex.route] == [
        ("Nhà văn hóa Tăng Nhơn Phú", False),
        ("Lê Văn Việt", False),
        ("Võ Văn Ngân", False),
        ("Chợ Thủ Đức", True),
        ("Võ Văn Ngân", False),
        ("Lê Văn Việt", False),
        ("Nhà văn hóa Tăng Nhơn Phú", False),
    ]
    assert not [u for u in ex.unresolved if u.startswith("route:")]


# -- a column split into groups written as a table's rows -----------------------------------------------------------
GROUPS = HEAD.format(unit="LINH XUÂN", unit_name="Linh Xuân") + (
    "Tham gia diễu hành xe hoa của thành phố Thủ Đức năm 2024\n"
    "I. THỜI GIAN\n"
    "- Xe hoa của phường tập trung tại Nhà văn hóa Thủ Đức lúc 6 giờ 30, thứ Tư, ngày 02/10/2024.\n"
    "II. LỘ TRÌNH\n"
    "1. Lộ trình chung: Đoàn xe xuất phát từ Nhà văn hóa Thủ Đức, theo đường Võ Văn Ngân ra đường Kha Vạn Cân, "
    "rẽ phải đi thẳng đến Ngã tư Linh Đông.\n"
    "2. Tại Ngã tư Linh Đông, đoàn tách thành hai nhóm:\n"
    "| Nhóm | Các phường | Lộ trình tiếp theo | Điểm kết thúc |\n"
    "| {first} | Linh Trung, Linh Chiểu | Rẽ trái vào đường Tô Vĩnh Diện, rẽ phải vào đường Hoàng Diệu 2 | Chợ "
    "Linh Trung |\n"
    "| {second} | {own}, Linh Tây | Rẽ phải vào đường Kha Vạn Cân, đến Cầu Gò Dưa quay đầu, theo đường Kha Vạn Cân rẽ "
    "trái vào đường Linh Xuân | Chợ Linh Xuân |\n"
    "III. PHƯƠNG TIỆN\n"
    "- 01 xe hoa của phường.\n"
)


@pytest.mark.parametrize(
    ("first", "second", "own"), [("Nhóm 1", "Nhóm 2", "Linh Xuân"), ("Cánh A", "Cánh B", "phường Linh Xuân")]
)
def test_a_column_split_in_a_tables_rows_goes_on_with_the_own_units_group(first: str, second: str, own: str) -> None:
    ex = extract(GROUPS.format(first=first, second=second, own=own), "kh.txt")
    assert [s.name for s in ex.route] == [
        "Nhà văn hóa Thủ Đức",
        "Võ Văn Ngân",
        "Kha Vạn Cân",
        "Cầu Gò Dưa",
        "Kha Vạn Cân",
        "Linh Xuân",
        "Chợ Linh Xuân",
    ]
    assert ex.route[-1].end
    assert not [u for u in ex.unresolved if u.startswith("route:")]


# -- a landmark reached, then a bare U-turn ------------------------------------------------------------------------
TURNS = HEAD.format(unit="VĨNH NINH", unit_name="Vĩnh Ninh") + (
    "Diễu hành hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
    "III. LỘ TRÌNH\n"
    "Từ Trường THPT Quốc Học, đoàn xe theo đường Lê Lợi đi thẳng; đến ngã tư Lê Lợi - Hùng Vương, rẽ trái vào "
    "đường Hùng Vương; {reach}, đoàn xe quay đầu; theo đường Hùng Vương đi thẳng, rẽ phải vào đường Bà Triệu; đi "
    "tiếp khoảng 300 m, đoàn xe dừng tại Nhà văn hóa Lao động tỉnh (kết thúc lộ trình).\n"
    "IV. PHƯƠNG TIỆN\n- 05 xe hoa.\n"
)


@pytest.mark.parametrize(("reach", "at"), [("đến đầu cầu An Cựu", "Cầu An Cựu"), ("đến Cầu An Cựu", "Cầu An Cựu")])
def test_a_landmark_reached_before_a_bare_uturn_is_where_the_column_turns(reach: str, at: str) -> None:
    ex = extract(TURNS.format(reach=reach), "kh.txt")
    assert [(s.name, s.uturn) for s in ex.route] == [
        ("Trường THPT Quốc Học", False),
        ("Lê Lợi", False),
        ("Hùng Vương", False),
        (at, True),
        ("Hùng Vương", False),
        ("Bà Triệu", False),
        ("Nhà văn hóa Lao động tỉnh", False),
    ]


# -- lettered moves whose junctions join their two streets with a dash ----------------------------------------------
LETTERED = HEAD.format(unit="PHAN ĐÌNH PHÙNG", unit_name="Phan Đình Phùng") + (
    "Diễu hành cổ động Tuần lễ học tập suốt đời năm 2024\n"
    "II. LỘ TRÌNH\n"
    "a) Xuất phát tại Quảng trường 20 Tháng 8, đi theo đường Bến Oánh.\n"
    "b) Đến ngã ba Bến Oánh {dash} Phùng Chí Kiên, rẽ trái vào đường Phùng Chí Kiên.\n"
    "c) Đến ngã tư Phùng Chí Kiên {dash} Quang Trung, rẽ phải vào đường Quang Trung.\n"
    "d) Theo đường Quang Trung về Trường THPT Thái Nguyên (kết thúc).\n"
    "III. PHƯƠNG TIỆN\n- 06 xe hoa.\n"
)


@pytest.mark.parametrize("dash", ["-", "–"])
def test_lettered_moves_with_dashed_junctions_are_one_route(dash: str) -> None:
    assert _names(LETTERED.format(dash=dash)) == [
        "Quảng trường 20 Tháng 8",
        "Bến Oánh",
        "Phùng Chí Kiên",
        "Quang Trung",
        "Trường THPT Thái Nguyên",
    ]


# -- a venue written as the yard of a place -------------------------------------------------------------------------
YARD = HEAD.format(unit="AN LẠC", unit_name="An Lạc") + (
    "Tổ chức Lễ khai mạc Tuần lễ học tập suốt đời năm 2024\n"
    "- Lễ khai mạc Tuần lễ cấp phường: 08 giờ 00, thứ Ba, ngày 01/10/2024, tại khu vực {part} Chợ An Lạc, ngay "
    "khi đoàn xe về đến.\n"
)


@pytest.mark.parametrize("part", ["sân", "cổng"])
def test_a_venue_written_as_a_part_of_a_named_place_is_that_place(part: str) -> None:
    ex = extract(YARD.format(part=part), "kh.txt")
    assert [c.place for c in ex.events.ceremonies] == ["Chợ An Lạc"]
