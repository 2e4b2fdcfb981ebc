"""Route forms Vietnamese offices write that the importer reads by structure (each test writes its own texts, in
several variants: other streets, other regions, other punctuation; none is a corpus document): bulleted stretches
"Đường A – đoạn từ X đến Y" between "Điểm xuất phát:/Điểm kết thúc:" lines, movements right after "xuất phát:",
a vertical flow diagram ("↓" lines), a table read by direction columns ("Lượt đi | Lượt về"), legs chained by
";", a place described by what is beside it, TAB-separated table rows, hard-wrapped text, a street whose name
starts like a school's."""

from __future__ import annotations

import pytest
from tests.pdf_pages import FONT, route_over_page_break

from paradeplan.geo.names import name_key
from paradeplan.importer.extract import extract, place_kind
from paradeplan.importer.reader import rows_lines
from paradeplan.importer.routes import described_place
from paradeplan.importer.text import logical_lines, wrap_width

HEAD = "KẾ HOẠCH\nTổ chức diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"


def _names(ex):
    return [r.name for r in ex.route]


def _kinds(ex):
    return [(r.kind, r.name) for r in ex.route]


# -- stretches as bullets -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("bullet", "sep", "to", "kind"),
    [("•", " – ", "đến", "Phố"), ("-", " - ", "tới", "Đường"), ("+", ", ", "đến", "Phố"), ("•", ": ", "tới", "")],
)
def test_bulleted_stretches_between_start_and_end_lines(bullet, sep, to, kind):
    ex = extract(
        HEAD + "III. LỘ TRÌNH\nĐoàn xe lần lượt đi qua các đoạn đường sau:\n"
        f"{bullet} Điểm xuất phát: Nhà văn hóa phường Kim Liên.\n"
        f"{bullet} {kind} Đào Duy Anh{sep}đoạn từ Nhà văn hóa phường Kim Liên {to} Ngã tư Kim Liên.\n"
        f"{bullet} {kind} Phạm Ngọc Thạch{sep}đoạn từ Ngã tư Kim Liên {to} giao lộ Chùa Bộc.\n"
        f"{bullet} {kind} Chùa Bộc{sep}đoạn từ Phạm Ngọc Thạch {to} Vòng xoay Thái Hà.\n"
        f"{bullet} Điểm kết thúc: Nhà văn hóa phường Kim Liên.\n",
        "a.txt",
    )
    assert [(k, name_key(n)) for k, n in _kinds(ex)] == [
        ("place", name_key("Nhà văn hóa phường Kim Liên")),
        ("street", "đào duy anh"),
        ("street", "phạm ngọc thạch"),
        ("street", "chùa bộc"),
        ("place", name_key("Nhà văn hóa phường Kim Liên")),
    ]
    assert ex.route[-1].end


def test_stretches_without_labels_start_and_end_at_their_places():
    ex = extract(
        HEAD + "2. Hành trình\n"
        "- Đường Nguyễn Văn Cừ – đoạn từ Công viên Lưu Hữu Phước đến cầu Cái Răng;\n"
        "- Đường Trần Hưng Đạo – đoạn từ Nguyễn Văn Cừ đến Công viên Sông Hậu.\n",
        "b.txt",
    )
    assert _names(ex) == ["Công viên Lưu Hữu Phước", "Nguyễn Văn Cừ", "Trần Hưng Đạo", "Công viên Sông Hậu"]


def test_a_sentence_about_a_stretch_is_no_street_of_a_route():
    ex = extract(
        HEAD + "Cấm các loại xe trên đường Lê Lợi, đoạn từ Hùng Vương đến Nguyễn Huệ.\n"
        "Hạn chế xe tải trên đường Pasteur, đoạn từ Lê Lợi đến Lý Tự Trọng.\n",
        "c.txt",
    )
    assert ex.route == []


# -- movements right after "xuất phát:" -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Đúng 7 giờ, đoàn xe xuất phát: chạy dọc đường Mậu Thân ra đường 30 Tháng 4, theo đường 30 Tháng 4 tới "
        "vòng xoay Hùng Vương thì quẹo trái vô đường Hùng Vương, chạy hết đường Hùng Vương ra lại đường Mậu Thân "
        "rồi quay về Trường Tiểu học Mậu Thân.",
        "7 giờ đoàn lăn bánh, đi theo đường Mậu Thân, rẽ phải vào đường 30 Tháng 4, đi thẳng tới vòng xoay Hùng "
        "Vương, rẽ trái sang đường Hùng Vương, trở ra đường Mậu Thân và về lại Trường Tiểu học Mậu Thân.",
    ],
)
def test_colloquial_movements_after_the_start_verb_start_at_the_assembly_place(sentence):
    ex = extract(
        HEAD + "Sáng Chủ nhật, các xe tập trung tại Trường Tiểu học Mậu Thân từ 6 giờ. " + sentence + "\n", "d.txt"
    )
    assert _names(ex) == [
        "Trường Tiểu học Mậu Thân",
        "Mậu Thân",
        "30 Tháng 4",
        "Hùng Vương",
        "Mậu Thân",
        "Trường Tiểu học Mậu Thân",
    ]


# -- a flow diagram ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("arrow", ["↓", "⬇", "▼", "⇓"])
def test_a_vertical_flow_diagram_is_one_line_of_steps(arrow):
    ex = extract(
        HEAD + "3. Sơ đồ lộ trình:\n   Sân vận động Chi Lăng\n        " + arrow + "\n   Đường Lê Duẩn\n"
        "        " + arrow + "\n   Đường Nguyễn Chí Thanh\n        " + arrow + "\n   Đường Trần Phú\n"
        "        " + arrow + "\n   Sân vận động Chi Lăng (kết thúc)\n4. Phân công:\n- Công an phường: dẫn đoàn.\n",
        "e.txt",
    )
    assert _names(ex) == ["Sân vận động Chi Lăng", "Lê Duẩn", "Nguyễn Chí Thanh", "Trần Phú", "Sân vận động Chi Lăng"]
    assert ex.route[-1].end


# -- a table read by direction columns -----------------------------------------------------------------------------
@pytest.mark.parametrize(("out_col", "back_col"), [("Lượt đi", "Lượt về"), ("Chiều đi", "Chiều về")])
def test_direction_columns_are_read_down_the_way_out_then_the_way_back(out_col, back_col):
    lines = rows_lines(
        [
            ["STT", out_col, back_col],
            ["1", "UBND phường Hòa Cường Bắc", "Cầu Rồng (quay đầu)"],
            ["2", "Đường Núi Thành", "Đường Bạch Đằng"],
            ["3", "Đường 2 Tháng 9", "Đường Núi Thành"],
            ["4", "Cầu Rồng (quay đầu)", "UBND phường Hòa Cường Bắc (kết thúc)"],
        ]
    )
    assert lines == [
        "Lộ trình: UBND phường Hòa Cường Bắc → Đường Núi Thành → Đường 2 Tháng 9 → Cầu Rồng (quay đầu) → Đường "
        "Bạch Đằng → Đường Núi Thành → UBND phường Hòa Cường Bắc (kết thúc)"
    ]


def test_a_pipe_table_of_directions_in_text_gives_the_route_with_its_u_turn():
    ex = extract(
        HEAD + "3. Lộ trình\n| TT | Chiều đi | Chiều về |\n|---|---|---|\n| 1 | Chợ Bến Thành | Hồ Con Rùa |\n"
        "| 2 | Đường Lê Lợi | Đường Pasteur |\n| 3 | Đường Nam Kỳ Khởi Nghĩa | Chợ Bến Thành |\n"
        "| 4 | Hồ Con Rùa (quay đầu) | |\n",
        "f.txt",
    )
    assert _names(ex) == ["Chợ Bến Thành", "Lê Lợi", "Nam Kỳ Khởi Nghĩa", "Hồ Con Rùa", "Pasteur", "Chợ Bến Thành"]
    assert [r.uturn for r in ex.route] == [False, False, False, True, False, False]


def test_a_table_with_one_direction_only_is_not_read_as_directions():
    assert not rows_lines([["STT", "Lượt đi", "Ghi chú"], ["1", "A", ""], ["2", "B", ""]])[0].startswith("Lộ trình")


# -- legs chained by ";" ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "route",
    [
        "Đoàn xe xuất phát từ Quảng trường Ba Đình, theo đường Hùng Vương đến giao lộ Điện Biên Phủ; theo đường "
        "Điện Biên Phủ đến giao lộ Trần Phú; theo đường Trần Phú đến Quốc lộ 32; theo Quốc lộ 32 đến Cầu Giấy; "
        "theo đường Hùng Vương trở về Quảng trường Ba Đình.",
        "Đoàn xe xuất phát từ Quảng trường Ba Đình, đi theo đường Hùng Vương đến ngã tư Điện Biên Phủ; rẽ phải "
        "vào đường Điện Biên Phủ; tiếp tục theo đường Trần Phú đến Quốc lộ 32; theo Quốc lộ 32; sau đó theo đường "
        "Hùng Vương về Quảng trường Ba Đình.",
    ],
)
def test_legs_chained_by_semicolons_are_one_route(route):
    ex = extract(HEAD + "II. LỘ TRÌNH\n" + route + "\n", "g.txt")
    assert _names(ex) == [
        "Quảng trường Ba Đình",
        "Hùng Vương",
        "Điện Biên Phủ",
        "Trần Phú",
        "Quốc lộ 32",
        "Hùng Vương",
        "Quảng trường Ba Đình",
    ]


def test_a_semicolon_before_other_words_still_ends_the_route():
    ex = extract(
        HEAD + "Đoàn xe xuất phát từ Chợ Đông Ba, theo đường Trần Hưng Đạo, rẽ phải vào đường Lê Lợi, về Chợ Đông "
        "Ba; Công an phường bố trí lực lượng tại các giao lộ.\n",
        "h.txt",
    )
    assert _names(ex) == ["Chợ Đông Ba", "Trần Hưng Đạo", "Lê Lợi", "Chợ Đông Ba"]


# -- a place described by what it is beside ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("written", "place"),
    [
        ("bãi đất trống cạnh Chợ Tân Hương", "Chợ Tân Hương"),
        ("bãi xe trước Nhà văn hóa Khu phố 3", "Nhà văn hóa Khu phố 3"),
        ("khu đất phía sau UBND phường Linh Tây", "UBND phường Linh Tây"),
        ("bãi giữ xe đối diện Công viên Gia Định", "Công viên Gia Định"),
        ("Chợ Tân Hương", "Chợ Tân Hương"),
        ("cạnh chợ", "cạnh chợ"),
    ],
)
def test_a_described_place_is_the_place_it_is_beside(written, place):
    assert described_place(written) == place


def test_an_assembly_place_beside_a_named_one_is_that_one():
    ex = extract(
        HEAD + "Các xe tập kết tại bãi đất trống cạnh Chợ Tân Hương từ 6 giờ 30.\n"
        "Lộ trình: Chợ Tân Hương - đường Tân Hương - đường Lũy Bán Bích - Chợ Tân Hương.\n",
        "i.txt",
    )
    assert ex.assembly_place == "Chợ Tân Hương"


# -- a table pasted with TABs --------------------------------------------------------------------------------------
@pytest.mark.parametrize("tabs", ["\t", "\t\t"])
def test_tab_separated_cells_are_a_tables_cells(tabs):
    rows = [
        ["Thời gian", "Nội dung", "Địa điểm", "Phụ trách"],
        ["6g30", "Tập trung xe hoa", "Sân vận động Quân khu 7", "Văn phòng"],
        [
            "7g00",
            "Đoàn xe diễu hành theo lộ trình: Sân vận động Quân khu 7 - Phổ Quang - Hoàng Văn Thụ - Sân vận động "
            "Quân khu 7",
            "Các tuyến đường của phường",
            "Công an phường",
        ],
    ]
    text = HEAD + "3. Chương trình\n" + "\n".join(tabs.join(r) for r in rows) + "\n4. Tổ chức thực hiện\n"
    ex = extract(text, "j.txt")
    assert _names(ex) == ["Sân vận động Quân khu 7", "Phổ Quang", "Hoàng Văn Thụ", "Sân vận động Quân khu 7"]


# -- hard-wrapped text ---------------------------------------------------------------------------------------------
WRAPPED = """KẾ HOẠCH

Tổ chức diễu hành xe hoa tuyên truyền Tuần lễ hưởng ứng học tập
suốt đời năm 2024 trên địa bàn phường Phước Long

I. NỘI DUNG

1. Thời gian: ngày 02 tháng 10 năm 2024; tập trung lúc 6 giờ 30
phút, xuất phát lúc 7 giờ 00 phút.

2. Lộ trình: Chợ Phước Long - đường Đỗ Xuân Hợp - đường Dương Đình
Hội - đường Lã Xuân Oai - đường Đỗ Xuân Hợp - Chợ Phước
Long (kết thúc).

Nơi nhận:

-   UBND thành phố;

-   Lưu: VT.

KT. CHỦ TỊCH

PHÓ CHỦ TỊCH
"""


def test_a_hard_wrapped_text_joins_a_name_cut_at_the_line_end():
    ex = extract(WRAPPED, "k.txt")
    assert _names(ex) == [
        "Chợ Phước Long",
        "Đỗ Xuân Hợp",
        "Dương Đình Hội",
        "Lã Xuân Oai",
        "Đỗ Xuân Hợp",
        "Chợ Phước Long",
    ]


def test_a_text_with_short_or_long_lines_is_not_hard_wrapped():
    lines = WRAPPED.replace("\n", " ").split("  ")  # every paragraph on one line
    assert wrap_width([ln.strip() for ln in "\n\n".join(lines).split("\n")]) is None
    short = "ỦY BAN NHÂN DÂN\nPHƯỜNG AN KHÁNH\nSố: 12/KH-UBND\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn A\n"
    assert logical_lines(short) == [
        "ỦY BAN NHÂN DÂN",
        "PHƯỜNG AN KHÁNH",
        "Số: 12/KH-UBND",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn A",
    ]


def test_a_ruled_table_in_a_hard_wrapped_text_keeps_its_lines():
    text = WRAPPED.replace(
        "Nơi nhận:",
        "------------------------------------------------------------\n"
        "Thời gian    Nội dung\n------------ -----------------------------------------------\n"
        "7h00 - 7h30  Đón tiếp đại biểu; văn nghệ chào mừng Tuần lễ học\n"
        "             Hội Khuyến học phường\n"
        "------------------------------------------------------------\n\nNơi nhận:",
    )
    got = logical_lines("\n".join(line.strip() for line in text.split("\n")))
    assert "7h00 - 7h30  Đón tiếp đại biểu; văn nghệ chào mừng Tuần lễ học" in got
    assert "Hội Khuyến học phường" in got


# -- a street that starts like a school ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Trương Thị Hoa", None),
        ("Trương Định", None),
        ("Trương Công Định", None),
        ("Trường Chinh", None),
        ("Trường THCS Trương Thị Hoa", "school"),
        ("Trường TH Lê Lợi", "school"),
        ("Trường Mầm non Sơn Ca", "school"),
        ("Công viên Tao Đàn", "park"),
        ("Cộng Hòa", None),
    ],
)
def test_a_street_named_like_a_school_is_a_street(name, kind):
    assert place_kind(name) == kind


def test_school_levels_joined_by_a_hyphen_an_ampersand_or_va_are_one_name():
    keys = {
        name_key(n)
        for n in (
            "Trường THCS-THPT Hoa Lư",
            "Trường Trung học cơ sở&Trung học phổ thông Hoa Lư",
            "Trường THCS & THPT Hoa Lư",
            "Trường Trung học cơ sở và Trung học phổ thông Hoa Lư",
        )
    }
    assert len(keys) == 1


def test_a_stretch_with_a_remark_in_brackets_is_still_a_stretch():
    ex = extract(
        HEAD + "Lộ trình:\n- Đường Lý Thường Kiệt: đoạn từ Công viên Lê Thị Riêng đến Vòng xoay Dân Chủ, quay đầu tại "
        "Vòng xoay Dân Chủ;\n- Đường Lý Thường Kiệt (chiều ngược lại): đoạn từ Vòng xoay Dân Chủ về Công viên Lê Thị "
        "Riêng.\n",
        "l.txt",
    )
    assert _names(ex) == [
        "Công viên Lê Thị Riêng",
        "Lý Thường Kiệt",
        "Vòng xoay Dân Chủ",
        "Lý Thường Kiệt",
        "Công viên Lê Thị Riêng",
    ]


@pytest.mark.parametrize("road", ["Quốc lộ 1A", "Tỉnh lộ 10", "Đại lộ Bình Dương"])
def test_reaching_a_highway_then_turning_follows_the_highway(road):
    ex = extract(
        HEAD + f"Lộ trình: Xuất phát tại Chợ Bình Chánh, đi theo đường Nguyễn Hữu Trí; đến {road} rẽ trái; rẽ phải vào "
        "đường Đinh Đức Thiện, trở về Chợ Bình Chánh.\n",
        "m.txt",
    )
    assert _names(ex) == ["Chợ Bình Chánh", "Nguyễn Hữu Trí", road, "Đinh Đức Thiện", "Chợ Bình Chánh"]


# -- the way out and the way back written apart ---------------------------------------------------------------------
@pytest.mark.parametrize(("out_label", "back_label"), [("Lượt đi", "Lượt về"), ("Chiều đi", "Chiều về")])
def test_a_way_out_and_a_way_back_on_their_own_lines_are_one_route(out_label, back_label):
    ex = extract(
        HEAD + f"3. Lộ trình\n- {out_label}: Nhà văn hóa Phường 7 - đường Lê Quang Định - đường Nơ Trang Long - Ngã tư "
        f"Hàng Xanh (quay đầu).\n- {back_label}: Ngã tư Hàng Xanh → đường Xô Viết Nghệ Tĩnh → đường Lê Quang Định → "
        "Nhà văn hóa Phường 7.\n",
        "n.txt",
    )
    assert _names(ex) == [
        "Nhà văn hóa Phường 7",
        "Lê Quang Định",
        "Nơ Trang Long",
        "Ngã tư Hàng Xanh",
        "Xô Viết Nghệ Tĩnh",
        "Lê Quang Định",
        "Nhà văn hóa Phường 7",
    ]
    assert ex.route[3].uturn
    assert not any("route:" in u for u in ex.unresolved)


@pytest.mark.parametrize(
    "back",
    [
        "; lượt về theo lộ trình ngược lại.",
        ". Chiều về đi ngược lại các tuyến trên.",
        ", rồi quay về theo lộ trình cũ.",
    ],
)
def test_a_way_back_said_as_the_way_out_reversed(back):
    ex = extract(
        HEAD + "Lộ trình: Sân vận động Chi Lăng - đường Lê Duẩn - đường Nguyễn Văn Linh - Cầu Rồng" + back + "\n",
        "o.txt",
    )
    assert _names(ex) == [
        "Sân vận động Chi Lăng",
        "Lê Duẩn",
        "Nguyễn Văn Linh",
        "Cầu Rồng",
        "Nguyễn Văn Linh",
        "Lê Duẩn",
        "Sân vận động Chi Lăng",
    ]
    assert ex.route[3].uturn and ex.route[-1].end


def test_a_route_with_no_way_back_is_not_reversed():
    ex = extract(HEAD + "Lộ trình: Chợ Hàn - đường Bạch Đằng - đường Trần Phú - Công viên Biển Đông.\n", "p.txt")
    assert _names(ex) == ["Chợ Hàn", "Bạch Đằng", "Trần Phú", "Công viên Biển Đông"]


# -- turns as each region says them ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("right", "left"),
    [
        ("rẽ phải", "rẽ trái"),
        ("quẹo tay phải", "quẹo tay trái"),
        ("ngoặt phải", "ngoặt trái"),
        ("rẽ tay phải", "quẹo trái"),
    ],
)
def test_turns_in_every_regions_words(right, left):
    ex = extract(
        HEAD + f"Lộ trình: Xuất phát từ Nhà văn hóa Ninh Kiều, đi theo đường Hòa Bình, {right} vào đường Trần Hưng "
        f"Đạo, {left} sang đường Mậu Thân, trở về Nhà văn hóa Ninh Kiều.\n",
        "q.txt",
    )
    assert _names(ex) == ["Nhà văn hóa Ninh Kiều", "Hòa Bình", "Trần Hưng Đạo", "Mậu Thân", "Nhà văn hóa Ninh Kiều"]


# -- more ways of writing the start, the list and the diagram -------------------------------------------------------
def test_prose_that_starts_at_a_place_with_tai_and_goes_back_the_same_street():
    ex = extract(
        HEAD + "Đoàn xe hoa xuất phát tại Ủy ban nhân dân phường Bình Thủy, chạy theo đường Lê Hồng Phong, tới cầu "
        "Bình Thủy thì quay đầu, chạy ngược lại đường Lê Hồng Phong về Ủy ban nhân dân phường Bình Thủy.\n",
        "r.txt",
    )
    assert _names(ex) == [
        "Ủy ban nhân dân phường Bình Thủy",
        "Lê Hồng Phong",
        "cầu Bình Thủy",
        "Lê Hồng Phong",
        "Ủy ban nhân dân phường Bình Thủy",
    ]
    assert ex.route[2].uturn


def test_streets_gone_through_one_after_another_and_a_joint_start_and_end_label():
    ex = extract(
        HEAD + "Các tuyến đường đoàn xe đi qua:\n- Đường Trần Phú;\n- Đường Lê Lợi;\n- Đường Hùng Vương.\n"
        "Điểm xuất phát và kết thúc: Quảng trường Tỉnh.\n",
        "s.txt",
    )
    assert _names(ex) == ["Quảng trường Tỉnh", "Trần Phú", "Lê Lợi", "Hùng Vương", "Quảng trường Tỉnh"]
    ex = extract(
        HEAD + "Các xe tập trung tại Quảng trường Tỉnh. Đoàn xe đi lần lượt các tuyến đường: Hùng Vương, Trần Phú, "
        "Lê Lợi và trở về Quảng trường Tỉnh.\n",
        "t.txt",
    )
    assert _names(ex) == ["Quảng trường Tỉnh", "Hùng Vương", "Trần Phú", "Lê Lợi", "Quảng trường Tỉnh"]


@pytest.mark.parametrize("link", ["|\n", "↓ ", "⬇️\n"])
def test_a_diagram_linked_by_bars_or_by_arrows_before_its_steps(link):
    ex = extract(
        HEAD
        + "Lộ trình:\nTrường THCS Lê Lợi\n"
        + link
        + "Đường Hai Bà Trưng\n"
        + link
        + "Đường Lê Thánh Tôn\n"
        + link
        + "Trường THCS Lê Lợi (kết thúc)\n",
        "u.txt",
    )
    assert _names(ex) == ["Trường THCS Lê Lợi", "Hai Bà Trưng", "Lê Thánh Tôn", "Trường THCS Lê Lợi"]


def test_a_start_with_tai_before_streets_listed_with_dashes_stays_a_list():
    ex = extract(
        HEAD
        + "c) Lộ trình: Xuất phát tại Ủy ban nhân dân phường Vĩnh Ninh, theo đường Lê Lợi - Hùng Vương - Bà Triệu - "
        "Lê Lợi, kết thúc tại Ủy ban nhân dân phường Vĩnh Ninh.\n",
        "v.txt",
    )
    assert _names(ex) == [
        "Ủy ban nhân dân phường Vĩnh Ninh",
        "Lê Lợi",
        "Hùng Vương",
        "Bà Triệu",
        "Lê Lợi",
        "Ủy ban nhân dân phường Vĩnh Ninh",
    ]


def test_a_junction_passed_is_no_step_and_di_chuyen_is_a_movement():
    ex = extract(
        HEAD + "Lộ trình: Xuất phát từ Chợ Phước Long, đi theo đường Đỗ Xuân Hợp, qua vòng xoay Liên Phường, tiếp tục "
        "theo đường Dương Đình Hội, rẽ phải vào đường Tăng Nhơn Phú, trở về Chợ Phước Long.\n",
        "w.txt",
    )
    assert _names(ex) == ["Chợ Phước Long", "Đỗ Xuân Hợp", "Dương Đình Hội", "Tăng Nhơn Phú", "Chợ Phước Long"]
    ex = extract(
        HEAD
        + "Đoàn xe tập trung tại Sân vận động Gò Đậu. Sau đó di chuyển theo đường 30 Tháng 4, quẹo phải đường Cách "
        "Mạng Tháng Tám, quẹo phải đường Ngô Quyền, về lại Sân vận động Gò Đậu.\n",
        "x.txt",
    )
    assert _names(ex) == [
        "Sân vận động Gò Đậu",
        "30 Tháng 4",
        "Cách Mạng Tháng Tám",
        "Ngô Quyền",
        "Sân vận động Gò Đậu",
    ]


@pytest.mark.skipif(not FONT.exists(), reason="no Unicode TTF font to typeset Vietnamese text")
@pytest.mark.parametrize(
    ("number", "running"),
    [
        ("25/TB-CAP", "CÔNG AN PHƯỜNG BÌNH HƯNG HÒA – Thông báo số 25/TB-CAP ngày 02/10/2024"),
        ("108/KH-UBND", "Kế hoạch 108/KH-UBND – trang tiếp theo"),
    ],
)
def test_a_running_header_in_normal_print_that_names_the_documents_number_is_dropped(tmp_path, number, running):
    from paradeplan.importer.reader import read_document

    path = route_over_page_break(
        tmp_path / "y.pdf",
        [f"Số: {number}", "THÔNG BÁO", "Diễu hành xe hoa ngày 03/10/2024, xuất phát lúc 7 giờ 30."],
        "Lộ trình: Chợ Bình Long → Bình Long → Tân Kỳ Tân Quý → Lê Trọng Tấn → Bình Long → Phan Đình Giót → "
        "Chợ Bình Long.",
        running,
    )
    ex = extract(read_document(path), str(path))
    assert _names(ex) == [
        "Chợ Bình Long",
        "Bình Long",
        "Tân Kỳ Tân Quý",
        "Lê Trọng Tấn",
        "Bình Long",
        "Phan Đình Giót",
        "Chợ Bình Long",
    ]


@pytest.mark.parametrize(
    "steps",
    [
        "- Xuất phát từ Nhà văn hóa phường Tân Phong;\n- Đi theo đường Nguyễn Văn Linh;\n- Rẽ phải vào đường Nguyễn "
        "Thị Thập;\n- Quay đầu tại vòng xoay Nguyễn Thị Thập;\n- Trở về Nhà văn hóa phường Tân Phong.\n",
        "a) Xuất phát: Nhà văn hóa phường Tân Phong;\nb) Đi theo đường Nguyễn Văn Linh;\nc) Rẽ phải vào đường Nguyễn "
        "Thị Thập;\nd) Quay đầu tại vòng xoay Nguyễn Thị Thập;\nđ) Về lại Nhà văn hóa phường Tân Phong.\n",
    ],
)
def test_a_movement_a_line_written_with_a_capital_is_no_step_of_its_own(steps):
    ex = extract(HEAD + "Lộ trình như sau:\n" + steps, "z.txt")
    assert _names(ex) == [
        "Nhà văn hóa phường Tân Phong",
        "Nguyễn Văn Linh",
        "Nguyễn Thị Thập",
        "vòng xoay Nguyễn Thị Thập",
        "Nhà văn hóa phường Tân Phong",
    ]


def test_streets_listed_after_di_qua_and_numbered_routes():
    ex = extract(
        HEAD + "Các xe tập trung tại Nhà văn hóa phường Tân Phong lúc 6 giờ 30. Đoàn xe lần lượt đi qua: đường Nguyễn "
        "Văn Linh, đường Nguyễn Thị Thập, đường Huỳnh Tấn Phát và trở về Nhà văn hóa phường Tân Phong.\n",
        "aa.txt",
    )
    assert _names(ex) == [
        "Nhà văn hóa phường Tân Phong",
        "Nguyễn Văn Linh",
        "Nguyễn Thị Thập",
        "Huỳnh Tấn Phát",
        "Nhà văn hóa phường Tân Phong",
    ]
    ex = extract(
        HEAD + "Tuyến 1: Chợ Tân Mỹ - Nguyễn Văn Linh - Nguyễn Thị Thập - Chợ Tân Mỹ.\n"
        "Tuyến số 2: Trường THCS Nguyễn Hữu Thọ - Huỳnh Tấn Phát - Trường THCS Nguyễn Hữu Thọ.\n",
        "ab.txt",
    )
    assert _names(ex) == ["Chợ Tân Mỹ", "Nguyễn Văn Linh", "Nguyễn Thị Thập", "Chợ Tân Mỹ"]
    assert any("route:" in u for u in ex.unresolved)  # the second route is said, not dropped in silence


@pytest.mark.parametrize(
    "start", ["xuất phát lúc 7 giờ từ", "khởi hành vào lúc 07h30 từ", "xuất phát lúc 7 giờ sáng tại"]
)
def test_a_clock_time_between_the_start_verb_and_the_start_place(start):
    ex = extract(
        HEAD + f"Đoàn xe {start} Công viên Lê Văn Tám, chạy sang đường Hai Bà Trưng, vòng qua đường Nguyễn Thị Minh "
        "Khai, rẽ trái đường Đinh Tiên Hoàng, về lại Công viên Lê Văn Tám.\n",
        "ac.txt",
    )
    assert _names(ex) == [
        "Công viên Lê Văn Tám",
        "Hai Bà Trưng",
        "Nguyễn Thị Minh Khai",
        "Đinh Tiên Hoàng",
        "Công viên Lê Văn Tám",
    ]


@pytest.mark.parametrize("street", ["Tú Xương", "Tài Mỹ", "Vỏ Sò"])
def test_a_streets_first_word_that_folds_like_a_movement_word_stays(street):
    ex = extract(
        HEAD + f"Lộ trình: từ Nhà thiếu nhi Quận 3 theo đường {street} đến giao lộ Bà Huyện Thanh Quan, tiếp tục theo "
        "đường Bà Huyện Thanh Quan và trở về Nhà thiếu nhi Quận 3.\n",
        "ad.txt",
    )
    assert _names(ex) == ["Nhà thiếu nhi Quận 3", street, "Bà Huyện Thanh Quan", "Nhà thiếu nhi Quận 3"]


def test_stretches_written_without_doan_and_a_list_of_days_and_hours_is_no_route():
    ex = extract(
        HEAD
        + "Lộ trình:\n- Đường Lê Lợi: từ Công viên 23/9 đến Nguyễn Huệ;\n- Đường Nguyễn Huệ: từ Lê Lợi đến Tôn Đức "
        "Thắng;\n- Đường Tôn Đức Thắng: từ Nguyễn Huệ về Công viên Bạch Đằng.\n",
        "ae.txt",
    )
    assert _names(ex) == ["Công viên 23/9", "Lê Lợi", "Nguyễn Huệ", "Tôn Đức Thắng", "Công viên Bạch Đằng"]
    ex = extract(HEAD + "Thời gian tổ chức:\n- Ngày: từ 01/10 đến 07/10;\n- Giờ: từ 7 giờ đến 9 giờ.\n", "af.txt")
    assert ex.route == []


@pytest.mark.parametrize(
    "text",
    [
        "3. Lộ trình\n| Lượt đi | Bến xe Ngã tư Ga - Quốc lộ 1A - Hà Huy Giáp - Ngã tư Ga (quay đầu) |\n"
        "| Lượt về | Ngã tư Ga - Quốc lộ 1A - Bến xe Ngã tư Ga |\n",
        "Lộ trình: lượt đi: Bến xe Ngã tư Ga - Quốc lộ 1A - Hà Huy Giáp - Ngã tư Ga; lượt về: Ngã tư Ga - Quốc lộ 1A "
        "- Bến xe Ngã tư Ga.\n",
        "- Chiều đi: Bến xe Ngã tư Ga - Quốc lộ 1A - Hà Huy Giáp - Ngã tư Ga; chiều về: Ngã tư Ga - Quốc lộ 1A - Bến "
        "xe Ngã tư Ga.\n",
    ],
)
def test_a_way_out_and_back_as_table_rows_or_in_one_line(text):
    ex = extract(HEAD + text, "ag.txt")
    assert _names(ex) == [
        "Bến xe Ngã tư Ga",
        "Quốc lộ 1A",
        "Hà Huy Giáp",
        "Ngã tư Ga",
        "Quốc lộ 1A",
        "Bến xe Ngã tư Ga",
    ]
    assert ex.route[3].uturn


def test_a_list_led_in_by_prose_keeps_its_first_street_and_a_sentence_after_the_end_is_no_step():
    """ "Lộ trình: đoàn xe đi một vòng khép kín theo thứ tự (1) A, (2) B, …, kết thúc tại X. Chiều dài khoảng 11
    km.": the first street after the lead-in words is a step, the end place stops at its sentence's end."""
    import random

    r = random.Random(31)
    streets = ["Trường Chinh", "Nguyễn Văn Quá", "Tô Ký", "Quốc lộ 1A", "Lê Văn Khương", "Phan Văn Hớn"]
    for _ in range(12):
        route = r.sample(streets, r.randint(3, 5))
        numbered = r.random() < 0.5
        listed = ", ".join(f"({k}) {s}" if numbered else s for k, s in enumerate(route, 1))
        lead = r.choice(
            ("đoàn xe đi một vòng khép kín theo thứ tự", "các xe lần lượt đi qua", "đoàn đi theo các tuyến")
        )
        after = r.choice((" Chiều dài khoảng 11 km.", " Thời gian dự kiến 90 phút.", ""))
        text = HEAD + f"Lộ trình: {lead} {listed}, kết thúc tại Chợ Lạc Quang.{after}\n"
        names = _names(extract(text, "x.txt"))
        assert names[-len(route) - 1 :] == [*route, "Chợ Lạc Quang"], text


def test_a_route_heading_above_its_way_out_and_way_back_lines_keeps_both_legs():
    """ "3. Lộ trình (khoảng 6 km):" over "Lượt đi: A → … → X." and "Lượt về: Y → … → A.": one route, both legs."""
    import random

    r = random.Random(51)
    for _ in range(10):
        sep = r.choice((" → ", " - ", " – ", " > "))
        out, back = ("Lượt đi", "Lượt về") if r.random() < 0.6 else ("Chiều đi", "Chiều về")
        bullet = r.choice(("", "- ", "   "))
        text = (
            HEAD
            + f"3. Lộ trình (khoảng {r.randint(4, 9)} km):\n"
            + f"{bullet}{out}: Chợ Thông Tây{sep}Thống Nhất{sep}Quang Trung{sep}Thông Tây Hội.\n"
            + f"{bullet}{back}: Phan Văn Trị{sep}Thống Nhất{sep}Chợ Thông Tây.\n"
            + "4. Phương tiện: 02 xe loa.\n"
        )
        ex = extract(text, "x.txt")
        assert _names(ex) == [
            "Chợ Thông Tây",
            "Thống Nhất",
            "Quang Trung",
            "Thông Tây Hội",
            "Phan Văn Trị",
            "Thống Nhất",
            "Chợ Thông Tây",
        ], text
        assert not [u for u in ex.unresolved if u.startswith("route")], text


def test_a_street_with_the_end_said_in_brackets_after_it_stays_a_street():
    """ "• PHẠM VĂN BẠCH (giải tán tại bãi xe đầu đường …)": the last street travelled, its end a remark; "quay đầu
    tại Vòng xoay A" written as the step itself is a place."""
    import random

    r = random.Random(61)
    for _ in range(8):
        last = r.choice(("PHẠM VĂN BẠCH", "Phạm Văn Bạch", "đường Phạm Văn Bạch"))
        remark = r.choice(("giải tán tại bãi xe đầu đường", "kết thúc tại bãi xe Ga Phạm Văn Bạch", "giải tán ở sân"))
        text = HEAD + f"Tuyến đường:\n   • HOÀNG VĂN THỤ\n   • CỘNG HÒA\n   • TRƯỜNG CHINH\n   • {last} ({remark})\n"
        route = extract(text, "x.txt").route
        assert (route[-1].kind, route[-1].name.lower()) == ("street", "phạm văn bạch"), text


def test_a_turn_written_before_theo_duong_is_no_step():
    """ "Chặng 2: Rẽ phải theo đường B đến ngã ba B - C.": the turn is how the column goes on, never a street."""
    import random

    r = random.Random(71)
    for _ in range(8):
        turn = r.choice(("Rẽ phải", "Rẽ trái", "Quẹo phải", "Queo trai"))
        go = r.choice(("theo đường", "đi đường", "vào đường", "sang đường"))
        text = (
            HEAD
            + "Lộ trình:\nChặng 1: Từ Trung tâm Văn hóa quận theo đường Phạm Văn Chiêu đến giao lộ Phạm Văn Chiêu - "
            + f"Lê Đức Thọ.\nChặng 2: {turn} {go} Lê Đức Thọ đến ngã tư Lê Đức Thọ - Nguyễn Văn Lượng.\n"
            + f"Chặng 3: {turn} {go} Nguyễn Văn Lượng về lại Trung tâm Văn hóa quận.\n"
        )
        names = [n.lower() for n in _names(extract(text, "x.txt"))]
        assert not any(n.startswith(("rẽ", "quẹo", "queo")) for n in names), text
        assert "nguyễn văn lượng" in names, text
