"""How the importer reads a route from a document's structure and notation (each test writes its own small text in
wording of its own, not a corpus document): labels inside sentences, hyphens and dashes, turn-by-turn prose, pieces
with movement words, legs, tables of stretches, and place names the document writes in full elsewhere."""

from __future__ import annotations

import pytest

from paradeplan.importer.extract import extract
from paradeplan.importer.prose import has_moves, prose_steps
from paradeplan.importer.routes import fuller_name
from paradeplan.importer.text import fold


def _route(ex):
    return [(r.kind, r.name, r.uturn, r.end) for r in ex.route]


def _names(ex):
    return [r.name for r in ex.route]


HEAD = "KẾ HOẠCH\nTổ chức diễu hành xe hoa chào mừng Tuần lễ học tập suốt đời năm 2024\n"


def test_a_label_inside_a_later_clause_with_hyphens_and_start_and_end_words():
    ex = extract(
        HEAD + "II. NỘI DUNG\n"
        "Sáng Chủ nhật ngày 06/10/2024 phường tổ chức diễu hành. Các xe có mặt lúc 6 giờ 30 tại Sân vận động Bình "
        "Lợi; 7 giờ đúng đoàn lên đường theo lộ trình: Xuất phát từ Sân vận động Bình Lợi - đường Bạch Đằng - "
        "đường Ung Văn Khiêm - đường Điện Biên Phủ - Kết thúc tại Sân vận động Bình Lợi.\n",
        "a.txt",
    )
    assert _route(ex) == [
        ("place", "Sân vận động Bình Lợi", False, False),
        ("street", "Bạch Đằng", False, False),
        ("street", "Ung Văn Khiêm", False, False),
        ("street", "Điện Biên Phủ", False, False),
        ("place", "Sân vận động Bình Lợi", False, True),
    ]


def test_turn_by_turn_prose_keeps_only_the_streets_and_places():
    ex = extract(
        HEAD + "3. Lộ trình: Từ Chợ Phú Lâm, các xe chạy theo đường Hậu Giang về hướng Bến xe Miền Tây, rẽ phải vào "
        "đường Kinh Dương Vương, đi thẳng đến đường Dương Tử Giang thì rẽ trái, chạy hết đường Dương Tử Giang, quay "
        "đầu tại bùng binh cuối đường, theo đường Dương Tử Giang trở ra, rẽ phải đường Kinh Dương Vương, rẽ trái "
        "đường Hậu Giang về lại Chợ Phú Lâm và giải tán.\n",
        "b.txt",
    )
    assert _names(ex) == [
        "Chợ Phú Lâm",
        "Hậu Giang",
        "Kinh Dương Vương",
        "Dương Tử Giang",
        "Kinh Dương Vương",
        "Hậu Giang",
        "Chợ Phú Lâm",
    ]
    assert ex.route[-1].end


def test_a_turn_onto_a_cross_street_named_in_the_junction_is_no_step():
    steps = prose_steps(
        "Xuất phát từ Nhà văn hóa Khu 3, đi theo đường Hoàng Diệu, đi thẳng đến giao lộ với đường Cô Bắc thì rẽ "
        "phải vào đường Cô Bắc, về Nhà văn hóa Khu 3"
    )
    assert [(s.kind, s.name) for s in steps] == [
        ("start", "Nhà văn hóa Khu 3"),
        ("street", "Hoàng Diệu"),
        ("street", "Cô Bắc"),
        ("end", "Nhà văn hóa Khu 3"),
    ]


def test_hyphen_pieces_written_with_movement_words_and_a_direction_in_parentheses():
    ex = extract(
        HEAD + "4. Lộ trình\n"
        "Từ điểm tập kết Công viên Gia Định, đoàn xe đi theo đường Hoàng Minh Giám - ra đường Phổ Quang (hướng về "
        "sân bay) - rẽ trái vào đường Trường Sơn - về Công viên Gia Định (kết thúc).\n",
        "c.txt",
    )
    assert _route(ex) == [
        ("place", "Công viên Gia Định", False, False),
        ("street", "Hoàng Minh Giám", False, False),
        ("street", "Phổ Quang", False, False),
        ("street", "Trường Sơn", False, False),
        ("place", "Công viên Gia Định", False, True),
    ]


def test_a_leg_that_reaches_a_highway_follows_it_once():
    ex = extract(
        HEAD + "PHỤ LỤC\nLỘ TRÌNH\n"
        "Chặng 1: Từ Trường Tiểu học Kim Đồng theo đường Nguyễn Văn Linh đến ngã tư Nguyễn Văn Linh - Huỳnh Tấn "
        "Phát.\n"
        "Chặng 2: Rẽ trái đường Huỳnh Tấn Phát, đi đến Quốc lộ 50 (khu vực chợ Bình Hưng).\n"
        "Chặng 3: Rẽ phải Quốc lộ 50, về Trường Tiểu học Kim Đồng.\n",
        "d.txt",
    )
    assert _names(ex) == [
        "Trường Tiểu học Kim Đồng",
        "Nguyễn Văn Linh",
        "Huỳnh Tấn Phát",
        "Quốc lộ 50",
        "Trường Tiểu học Kim Đồng",
    ]
    assert [r.kind for r in ex.route].count("street") == 3


def test_steps_after_the_column_verb_and_a_colon_with_en_dashes():
    ex = extract(
        HEAD + "STT\nThời gian\nNội dung\n1\n08 giờ 00\n"
        "Đoàn xe (06 xe hoa, 02 xe mô tô dẫn đoàn) xuất phát: Ủy ban nhân dân xã Đa Phước – Quốc lộ 50 – "
        "Đường số 10 – Quốc lộ 50 – Ủy ban nhân dân xã Đa Phước\nBan Tổ chức\n",
        "e.txt",
    )
    assert _names(ex) == [
        "Ủy ban nhân dân xã Đa Phước",
        "Quốc lộ 50",
        "Đường số 10",
        "Quốc lộ 50",
        "Ủy ban nhân dân xã Đa Phước",
    ]


def test_a_motto_with_hyphens_is_no_route():
    ex = extract("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n" + HEAD, "f.txt")
    assert ex.route == []


def test_a_table_of_stretches_in_one_column_from_to(tmp_path):
    docx = pytest.importorskip("docx")
    from paradeplan.importer.reader import read_document

    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Đoàn xe xuất phát lúc 7 giờ từ Nhà thiếu nhi Quận Bình Thạnh theo lộ trình sau:")
    rows = [
        ["TT", "Tuyến đường", "Phạm vi", "Hướng đi"],
        ["1", "Đinh Tiên Hoàng", "Từ Nhà thiếu nhi đến cầu Bông", "Rẽ phải"],
        ["2", "Phan Đăng Lưu", "Từ cầu Bông đến Lê Quang Định", "Quay đầu tại Ngã năm Bình Hòa"],
        ["3", "Đinh Tiên Hoàng", "Từ Phan Đăng Lưu đến Nhà thiếu nhi", "Kết thúc"],
    ]
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            t.cell(i, j).text = cell
    path = tmp_path / "g.docx"
    d.save(str(path))
    ex = extract(read_document(path), str(path))
    assert _route(ex) == [
        ("place", "Nhà thiếu nhi Quận Bình Thạnh", False, False),
        ("street", "Đinh Tiên Hoàng", False, False),
        ("street", "Phan Đăng Lưu", False, False),
        ("place", "Ngã năm Bình Hòa", True, False),
        ("street", "Đinh Tiên Hoàng", False, False),
        ("place", "Nhà thiếu nhi Quận Bình Thạnh", False, True),
    ]
    assert "Nhà thiếu nhi" in (ex.route[0].note or "")


def test_a_short_place_name_takes_the_one_longer_form_of_the_document():
    text = "Lễ khai mạc tại Nhà văn hóa Thanh niên Quận 1 (cũ). Tập trung ở Nhà văn hóa lúc 7 giờ."
    assert fuller_name("Nhà văn hóa", text) == "Nhà văn hóa Thanh niên Quận 1"
    two = text + " Sau đó dự tại Nhà văn hóa Lao động."
    assert fuller_name("Nhà văn hóa", two) is None  # two longer forms: the context does not decide
    assert fuller_name("Nhà văn hóa", "Tập trung ở Nhà văn hóa, lúc 7 giờ.") is None


@pytest.mark.parametrize(
    ("piece", "moves"),
    [
        ("rẽ phải vào đường Lê Lai", True),
        ("đi thẳng đến đường A thì rẽ trái", True),
        ("Từ Chợ B, đoàn xe đi theo đường C", True),
        ("Ngã 3 Tham Lương (quay đầu)", False),
        ("đường Lê Lợi", False),
        ("Nhà văn hóa Phường 7", False),
    ],
)
def test_which_pieces_are_read_as_prose(piece, moves):
    assert has_moves(fold(piece)) is moves


def test_a_name_that_folds_to_a_street_word_keeps_it():
    steps = prose_steps("Từ Chợ Hòa Hưng, theo Dương Quảng Hàm, rẽ trái đường Phố Cổ, về Chợ Hòa Hưng")
    assert [s.name for s in steps] == ["Chợ Hòa Hưng", "Dương Quảng Hàm", "Phố Cổ", "Chợ Hòa Hưng"]


def test_a_longer_form_ends_where_the_sentence_says_something_else():
    text = "Tập trung tại Nhà văn hóa Tân Định lúc 7 giờ 30 và Trường Tiểu học Lê Văn Tám."
    assert fuller_name("Nhà văn hóa", text) == "Nhà văn hóa Tân Định"


def test_legs_written_as_numbered_steps():
    ex = extract(
        HEAD + "3. Lộ trình:\n"
        "Bước 1: Xuất phát tại Bến xe Củ Chi, đi theo đường Trần Phú.\n"
        "Bước 2: Rẽ trái vào Tỉnh lộ 8, tiếp tục theo đường Nguyễn Văn Khạ.\n"
        "Bước 3: Đến đường Trần Phú rẽ phải, trở về Bến xe Củ Chi.\n",
        "h.txt",
    )
    assert _names(ex) == ["Bến xe Củ Chi", "Trần Phú", "Tỉnh lộ 8", "Nguyễn Văn Khạ", "Trần Phú", "Bến xe Củ Chi"]


def test_a_label_goes_on_over_semicolons_until_the_next_field():
    ex = extract(
        HEAD + "2. Lộ trình: xuất phát tại Nhà thiếu nhi Quận 3, qua các tuyến Võ Văn Tần, Trương Định; quay đầu tại "
        "Hồ Con Rùa; trở về theo Trương Định, Võ Văn Tần về Nhà thiếu nhi Quận 3; Thời gian: 7 giờ.\n",
        "i.txt",
    )
    assert _route(ex) == [
        ("place", "Nhà thiếu nhi Quận 3", False, False),
        ("street", "Võ Văn Tần", False, False),
        ("street", "Trương Định", False, False),
        ("place", "Hồ Con Rùa", True, False),
        ("street", "Trương Định", False, False),
        ("street", "Võ Văn Tần", False, False),
        ("place", "Nhà thiếu nhi Quận 3", False, True),
    ]


def test_streets_listed_with_unspaced_dashes_after_the_via_words():
    ex = extract(
        HEAD + "Đoàn xe xuất phát từ Công viên Tao Đàn, đi theo các tuyến phố: Trương Định–Nguyễn Du–Cách Mạng Tháng "
        "Tám, kết thúc tại Công viên Tao Đàn.\n",
        "j.txt",
    )
    assert _names(ex) == ["Công viên Tao Đàn", "Trương Định", "Nguyễn Du", "Cách Mạng Tháng Tám", "Công viên Tao Đàn"]


def test_a_sentence_with_turns_and_no_label_starts_where_the_column_gathers():
    ex = extract(
        HEAD + "Lúc 16 giờ, các xe hoa tập trung tại Sân vận động Thống Nhất. Đoàn khởi hành, chạy dọc đường Đào Duy "
        "Từ, quẹo trái sang đường Nguyễn Kim, chạy thẳng tới đường Lý Thường Kiệt thì quẹo trái, rồi dừng lại tại "
        "Sân vận động Thống Nhất.\n",
        "k.txt",
    )
    assert _route(ex) == [
        ("place", "Sân vận động Thống Nhất", False, False),
        ("street", "Đào Duy Từ", False, False),
        ("street", "Nguyễn Kim", False, False),
        ("street", "Lý Thường Kiệt", False, False),
        ("place", "Sân vận động Thống Nhất", False, True),
    ]


def test_start_and_end_in_their_own_fields_around_a_list_of_streets():
    ex = extract(
        HEAD + "Điểm xuất phát: Chợ Bến Thành\nCác tuyến đi qua: Lê Lợi, Pasteur, Lý Tự Trọng\n"
        "Điểm kết thúc: Nhà hát Thành phố\n",
        "l.txt",
    )
    assert _route(ex) == [
        ("place", "Chợ Bến Thành", False, False),
        ("street", "Lê Lợi", False, False),
        ("street", "Pasteur", False, False),
        ("street", "Lý Tự Trọng", False, False),
        ("place", "Nhà hát Thành phố", False, True),
    ]


def test_bullets_with_the_stretch_in_parentheses():
    ex = extract(
        HEAD + "c) Tuyến diễu hành:\n"
        "+ Đường Hùng Vương (từ Trường THCS Chu Văn An ra đường Hai Bà Trưng);\n"
        "+ Đường Hai Bà Trưng (từ Hùng Vương đến Trần Hưng Đạo);\n"
        "+ Đường Trần Hưng Đạo (từ Hai Bà Trưng về Trường THCS Chu Văn An).\n",
        "m.txt",
    )
    assert _names(ex) == [
        "Trường THCS Chu Văn An",
        "Hùng Vương",
        "Hai Bà Trưng",
        "Trần Hưng Đạo",
        "Trường THCS Chu Văn An",
    ]


def test_a_name_after_ve_inside_parentheses_is_no_piece():
    steps = prose_steps("Từ Chợ Lớn, đi theo đường Hồng Bàng (hướng về Cầu Chà Và), rẽ phải vào đường Châu Văn Liêm")
    assert [s.name for s in steps] == ["Chợ Lớn", "Hồng Bàng", "Châu Văn Liêm"]


def test_a_table_of_steps_one_a_row_and_a_schedule_table_that_is_none():
    from paradeplan.importer.reader import step_lines

    head = ["thu tu", "cac tuyen duong", "ghi chu"]
    rows = [
        ["1", "Trường Tiểu học Hòa Bình", "Xuất phát"],
        ["2", "Đường Lạc Long Quân", ""],
        ["3", "Ngã ba Ông Tạ", "Quay đầu"],
        ["4", "Đường Lạc Long Quân", ""],
        ["5", "Trường Tiểu học Hòa Bình", "Kết thúc"],
    ]
    assert step_lines(head, rows) == [
        "Lộ trình: Trường Tiểu học Hòa Bình → Đường Lạc Long Quân → Ngã ba Ông Tạ (quay đầu) → Đường Lạc Long "
        "Quân → Trường Tiểu học Hòa Bình (kết thúc)"
    ]
    schedule = ["stt", "noi dung", "dia diem"]
    assert step_lines(schedule, [["1", "Lễ khai mạc", "Nhà văn hóa"]] * 3) == []


def test_a_u_turn_at_an_unnamed_roundabout_is_said_beside_its_street():
    steps = prose_steps(
        "Từ Chợ Gò Vấp, đi theo đường Nguyễn Thái Sơn, quay đầu tại vòng xoay cuối đường, về Chợ Gò Vấp"
    )
    assert [(s.kind, s.name, s.note) for s in steps] == [
        ("start", "Chợ Gò Vấp", None),
        ("street", "Nguyễn Thái Sơn", "quay đầu tại vòng xoay cuối đường"),
        ("end", "Chợ Gò Vấp", None),
    ]


def test_an_assembly_in_a_yard_of_the_routes_start_is_that_place():
    ex = extract(
        HEAD + "Ngày 02/10/2024, các xe hoa tập trung lúc 6 giờ 30 tại sân Nhà thiếu nhi — Ghi chú: mang cờ.\n"
        "Lộ trình: Nhà thiếu nhi Thủ Đức – Võ Văn Ngân – Kha Vạn Cân – Nhà thiếu nhi Thủ Đức.\n",
        "n.txt",
    )
    assert ex.route[0].name == "Nhà thiếu nhi Thủ Đức"
    assert ex.assembly_place == "Nhà thiếu nhi Thủ Đức"


def test_a_detours_turns_give_way_to_the_routes_own_notation():
    ex = extract(
        HEAD + "1. Phân luồng: xe từ hướng Cầu Kiệu rẽ phải vào đường Trần Quang Khải, rẽ trái vào đường Trần Khắc "
        "Chân.\n2. Đoàn xe xuất phát từ Công viên Lê Văn Tám, đi qua các tuyến Hai Bà Trưng, Võ Thị Sáu rồi trở về "
        "Công viên Lê Văn Tám.\n",
        "o.txt",
    )
    assert _names(ex) == ["Công viên Lê Văn Tám", "Hai Bà Trưng", "Võ Thị Sáu", "Công viên Lê Văn Tám"]
