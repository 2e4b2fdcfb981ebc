"""How the importer reads route notations offices write and the places glued to the words around them (each test
writes its own small text, in wording of its own): a start or end place followed by what the sentence goes on
with, "về điểm xuất phát", "…, kết thúc tại X" after a list, chains of legs at junctions, southern turn words,
">" on a programme line, a table of streets with passing times, a route in an appendix after the signature, a
PDF's running header inside a street split over the page break, and unit kinds written short ("UBND P.7")."""

from __future__ import annotations

import pytest
from tests.pdf_pages import FONT, route_over_page_break

from paradeplan.geo.names import name_key, written_out_units
from paradeplan.importer.extract import extract
from paradeplan.importer.prose import prose_steps
from paradeplan.importer.routes import is_start_again, place_phrase, seat_name

HEAD = "KẾ HOẠCH\nTổ chức diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2023\n"


def _names(ex):
    return [r.name for r in ex.route]


def _route(ex):
    return [(r.kind, r.name, r.end) for r in ex.route]


def test_a_start_place_ends_where_the_sentence_goes_on_and_the_way_back_names_it_by_its_role():
    ex = extract(
        HEAD + "IV. LỘ TRÌNH\n"
        "Các xe khởi hành từ Nhà thiếu nhi Quận Tân Phú, sau đó đi qua các tuyến: Lũy Bán Bích, Tân Hương, "
        "Dương Văn Dương và quay về nơi xuất phát.\n",
        "a.txt",
    )
    assert _route(ex) == [
        ("place", "Nhà thiếu nhi Quận Tân Phú", False),
        ("street", "Lũy Bán Bích", False),
        ("street", "Tân Hương", False),
        ("street", "Dương Văn Dương", False),
        ("place", "Nhà thiếu nhi Quận Tân Phú", True),
    ]
    assert "nơi xuất phát" in (ex.route[-1].note or "").lower()


@pytest.mark.parametrize(
    ("written", "place"),
    [
        ("Chợ Bà Chiểu, theo đường Lê Quang Định", "Chợ Bà Chiểu"),
        ("Công viên Văn hóa (số 8 Trần Hưng Đạo)", "Công viên Văn hóa"),
        ("Nhà văn hóa lần lượt qua", "Nhà văn hóa"),
        ("Nhà văn hóa, Khu phố 4", "Nhà văn hóa, Khu phố 4"),
        ("Bến xe Miền Đông và lăn bánh lúc 7 giờ", "Bến xe Miền Đông"),
        ("Nhà Văn hóa và Thể thao huyện lúc 6 giờ 30", "Nhà Văn hóa và Thể thao huyện"),
    ],
)
def test_a_place_phrase_stops_at_the_words_the_clause_goes_on_with(written, place):
    assert place_phrase(written) == place


@pytest.mark.parametrize(
    ("name", "again"),
    [("điểm xuất phát", True), ("nơi tập kết ban đầu", True), ("địa điểm xuất phát", True), ("Điểm Hẹn", False)],
)
def test_the_start_named_by_its_role(name, again):
    assert is_start_again(name) is again


def test_an_end_place_after_the_last_street_of_a_dashed_list():
    ex = extract(
        HEAD + "3. Lộ trình: Khởi hành tại Nhà văn hóa Lao Động, theo đường Cách Mạng Tháng Tám - Võ Thị Sáu - "
        "Nam Kỳ Khởi Nghĩa, kết thúc tại Dinh Độc Lập.\n",
        "b.txt",
    )
    assert _route(ex) == [
        ("place", "Nhà văn hóa Lao Động", False),
        ("street", "Cách Mạng Tháng Tám", False),
        ("street", "Võ Thị Sáu", False),
        ("street", "Nam Kỳ Khởi Nghĩa", False),
        ("place", "Dinh Độc Lập", True),
    ]


def test_legs_chained_at_junctions_over_semicolons():
    ex = extract(
        HEAD + "Đoàn diễu hành đi từ Trường Tiểu học Hòa Bình theo đường Âu Cơ đến ngã ba Lạc Long Quân; từ "
        "Lạc Long Quân đến giao lộ Lê Đại Hành; từ Lê Đại Hành về lại đường Âu Cơ và kết thúc tại Trường Tiểu "
        "học Hòa Bình.\n",
        "c.txt",
    )
    assert _route(ex) == [
        ("place", "Trường Tiểu học Hòa Bình", False),
        ("street", "Âu Cơ", False),
        ("street", "Lạc Long Quân", False),
        ("street", "Lê Đại Hành", False),
        ("street", "Âu Cơ", False),
        ("place", "Trường Tiểu học Hòa Bình", True),
    ]


def test_a_leg_from_a_junction_it_reached_is_no_step_and_a_heading_number_before_the_label():
    ex = extract(
        HEAD + "II. LỘ TRÌNH: Các xe đi từ Sân vận động Thống Nhất theo đường Đào Duy Từ đến ngã tư Ba Tháng Hai, "
        "từ ngã tư Ba Tháng Hai theo đường Lý Thường Kiệt đến đường Tô Hiến Thành, từ đường Tô Hiến Thành trở ra "
        "đường Đào Duy Từ rồi về Sân vận động Thống Nhất.\n",
        "d.txt",
    )
    assert _names(ex) == [
        "Sân vận động Thống Nhất",
        "Đào Duy Từ",
        "Lý Thường Kiệt",
        "Tô Hiến Thành",
        "Đào Duy Từ",
        "Sân vận động Thống Nhất",
    ]


def test_southern_turn_words_give_the_streets_only():
    steps = prose_steps(
        "Từ Nhà văn hóa Phường 8, đoàn chạy theo đường Bùi Đình Túy ra Quốc lộ 13, quẹo trái chạy theo Quốc lộ "
        "13 tới giao lộ Nơ Trang Long thì quẹo phải vô đường Nơ Trang Long, chạy tới đường Chu Văn An quẹo trái, "
        "chạy hết đường Chu Văn An ra lại Quốc lộ 13, quẹo phải chạy về hướng Hàng Xanh, quẹo trái vô đường Bùi "
        "Đình Túy về lại Nhà văn hóa Phường 8 và giải tán."
    )
    names = [s.name for s in steps]
    assert names[0] == "Nhà văn hóa Phường 8" and names[-1] == "Nhà văn hóa Phường 8"
    streets = [s.name for s in steps if s.kind == "street"]
    assert [n for k, n in enumerate(streets) if not k or streets[k - 1] != n] == [
        "Bùi Đình Túy",
        "Quốc lộ 13",
        "Nơ Trang Long",
        "Chu Văn An",
        "Quốc lộ 13",
        "Bùi Đình Túy",
    ]


def test_a_name_that_begins_like_a_movement_word_keeps_it():
    steps = prose_steps("Xuất phát từ Chợ Thủ Đức, theo đường Võ Văn Ngân, rẽ phải vào đường Vô Danh, về Chợ Thủ Đức")
    assert [s.name for s in steps] == ["Chợ Thủ Đức", "Võ Văn Ngân", "Vô Danh", "Chợ Thủ Đức"]


def test_steps_separated_by_greater_than_signs_on_a_programme_line():
    ex = extract(
        HEAD + "III. CHƯƠNG TRÌNH\n- 06g45: Tập trung tại Trường THCS Lê Lợi.\n"
        "- 07g15: Các xe lăn bánh, diễu hành theo lộ trình: Trường THCS Lê Lợi > Hùng Vương > Trần Phú > "
        "Lê Hồng Phong > Trường THCS Lê Lợi.\n",
        "e.txt",
    )
    assert _names(ex) == ["Trường THCS Lê Lợi", "Hùng Vương", "Trần Phú", "Lê Hồng Phong", "Trường THCS Lê Lợi"]


def test_a_word_table_of_streets_with_passing_times(tmp_path):
    docx = pytest.importorskip("docx")
    from paradeplan.importer.reader import read_document

    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Diễu hành xe hoa ngày 05/10/2023, xuất phát 15 giờ.")
    d.add_paragraph("3. Lộ trình và giờ qua các tuyến")
    rows = [
        ["TT", "Tuyến đường", "Giờ qua", "Ghi chú"],
        ["1", "Xuất phát: Nhà văn hóa Quận 3", "15h00", ""],
        ["2", "Nguyễn Đình Chiểu", "15h00 - 15h20", "Đi chậm"],
        ["3", "Trương Định", "15h20 - 15h35", ""],
        ["4", "Kết thúc: Nhà văn hóa Quận 3", "15h45", ""],
    ]
    table = d.add_table(rows=len(rows), cols=4)
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            table.cell(i, j).text = cell
    path = tmp_path / "t.docx"
    d.save(str(path))
    ex = extract(read_document(path), str(path))
    assert _route(ex) == [
        ("place", "Nhà văn hóa Quận 3", False),
        ("street", "Nguyễn Đình Chiểu", False),
        ("street", "Trương Định", False),
        ("place", "Nhà văn hóa Quận 3", True),
    ]


def test_a_table_of_venues_with_times_is_no_route(tmp_path):
    docx = pytest.importorskip("docx")
    from paradeplan.importer.reader import rows_lines

    assert docx is not None
    lines = rows_lines(
        [
            ["STT", "Địa điểm", "Thời gian"],
            ["1", "Trường Mầm non Hoa Sen", "7h30"],
            ["2", "Trường Tiểu học An Lạc", "8h30"],
            ["3", "Nhà văn hóa Khu phố 2", "9h30"],
        ]
    )
    assert not any(line.startswith("Lộ trình") for line in lines)


def test_a_route_only_in_an_appendix_after_the_signature():
    ex = extract(
        HEAD + "I. THỜI GIAN\nSáng Chủ nhật, 08/10/2023, xuất phát lúc 7 giờ 00 theo lộ trình tại Phụ lục.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Minh\n\nPHỤ LỤC\n"
        "LỘ TRÌNH CÁC XE HOA\n(Ban hành kèm theo Kế hoạch số 77/KH-UBND)\n"
        "Công viên Hoàng Văn Thụ - Trần Quốc Hoàn - Phan Thúc Duyện - Công viên Hoàng Văn Thụ.\n",
        "f.txt",
    )
    assert _names(ex) == ["Công viên Hoàng Văn Thụ", "Trần Quốc Hoàn", "Phan Thúc Duyện", "Công viên Hoàng Văn Thụ"]


def test_a_seat_of_a_body_is_the_body_and_short_unit_kinds_are_written_out():
    assert seat_name("sân trụ sở UBND Phường 7") == "UBND Phường 7"
    assert seat_name("trụ sở làm việc") == "trụ sở làm việc"
    assert written_out_units("UBND P.7") == "UBND Phường 7"
    assert written_out_units("Nhà văn hóa Q. Bình Tân") == "Nhà văn hóa Quận Bình Tân"
    assert written_out_units("Trường TT. Tân Túc") == "Trường TT. Tân Túc"  # "TT." may be "trung tâm"
    assert name_key(written_out_units("UBND P.7")) == name_key("Ủy ban nhân dân Phường 7")
    ex = extract(
        HEAD + "1. Thời gian: 7 giờ 00, ngày 02/10/2023.\n2. Địa điểm tập kết: sân trụ sở UBND P.7.\n"
        "3. Lộ trình: UBND P.7 - Đ. Lê Văn Thọ - Đ. Phan Huy Ích - UBND P.7.\n",
        "g.txt",
    )
    assert _names(ex) == ["UBND Phường 7", "Lê Văn Thọ", "Phan Huy Ích", "UBND Phường 7"]
    assert ex.assembly_place == "UBND Phường 7"


TITLE = "ỦY BAN NHÂN DÂN PHƯỜNG AN LẠC - KẾ HOẠCH DIỄU HÀNH XE HOA NGÀY 03/10/2023"


@pytest.mark.skipif(not FONT.exists(), reason="no Unicode TTF font to typeset Vietnamese text")
@pytest.mark.parametrize(
    "running",
    [TITLE, "Ban Chỉ đạo Tuần lễ học tập suốt đời phường An Lạc"],
    ids=["repeats-the-wrapped-title", "small-print-once"],
)
def test_a_running_header_is_dropped_inside_a_street_split_over_the_page(tmp_path, running):
    from paradeplan.importer.reader import read_document

    path = route_over_page_break(
        tmp_path / "h.pdf",
        [TITLE, "KẾ HOẠCH", "Diễu hành xe hoa ngày 03/10/2023, xuất phát lúc 7 giờ 30."],
        "Lộ trình: Trường Tiểu học An Lạc – Kinh Dương Vương – An Dương Vương – Hồ Học Lãm – An Dương Vương – "
        "Trường Tiểu học An Lạc.",
        running,
        running_size=9,
        running_line=6,
    )
    ex = extract(read_document(path), str(path))
    assert _names(ex) == [
        "Trường Tiểu học An Lạc",
        "Kinh Dương Vương",
        "An Dương Vương",
        "Hồ Học Lãm",
        "An Dương Vương",
        "Trường Tiểu học An Lạc",
    ]


NEIGHBOUR = (
    "ỦY BAN NHÂN DÂN\n{unit}\nSố: 12/KH-UBND\n{town}, ngày 20 tháng 9 năm 2023\nKẾ HOẠCH\n"
    "Diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2023\n"
    "1. Thời gian: 7 giờ 30 phút, ngày 03/10/2023.\n2. Lực lượng: 06 xe hoa.\n"
    "3. Lộ trình: Nhà văn hóa {town} - {streets} - Nhà văn hóa {town}.\n"
)


@pytest.mark.parametrize(
    ("unit", "town", "streets", "builtin"),
    [
        # a district beside the embedded data whose route runs on streets of it that meet one after another
        ("HUYỆN HÓC MÔN", "Hóc Môn", "Lê Văn Khương - Quốc lộ 1A - Tô Ký - Nguyễn Ảnh Thủ", True),
        # a province far away whose street names partly repeat the data's: not the data at hand
        ("TỈNH HẢI DƯƠNG", "Hải Dương", "Quang Trung - Lê Lợi - Trần Phú", False),
    ],
)
def test_a_route_issued_beside_the_street_data_runs_on_it_when_its_streets_meet_there(unit, town, streets, builtin):
    from paradeplan.importer import import_text

    data = import_text(NEIGHBOUR.format(unit=unit, town=town, streets=streets), "n.txt").data
    assert (data.get("streets") == "builtin:quan12") is builtin
    if builtin:
        assert any("nối tiếp nhau" in d["reason"] for d in data["decisions"])


PLAIN = "KẾ HOẠCH\nDiễu hành xe hoa Tuần lễ học tập suốt đời năm 2024\n1. Thời gian: 7 giờ ngày 02/10/2024.\n"


@pytest.mark.parametrize(
    "route",
    [
        "2. Lộ trình: Chợ Tân Định; đường Hai Bà Trưng; đường Trần Quang Khải; đường Đinh Tiên Hoàng; Chợ Tân Định.\n",
        "2. Lộ trình: Chợ Tân Định / Hai Bà Trưng / Trần Quang Khải / Đinh Tiên Hoàng / Chợ Tân Định.\n",
        "2. Lộ trình diễu hành:\n- Điểm xuất phát: Chợ Tân Định\n- Đường Hai Bà Trưng\n- Đường Trần Quang Khải\n"
        "- Đường Đinh Tiên Hoàng\n- Điểm kết thúc: Chợ Tân Định\n",
        "2. Lộ trình: xuất phát tại Chợ Tân Định, đi đường Hai Bà Trưng rồi rẽ vào đường Trần Quang Khải, rẽ sang "
        "đường Đinh Tiên Hoàng, về Chợ Tân Định.\n",
    ],
    ids=["semicolons", "slashes", "labelled-bullets", "re-vao"],
)
def test_more_separators_and_labelled_bullets(route):
    ex = extract(PLAIN + route, "s.txt")
    assert _names(ex) == ["Chợ Tân Định", "Hai Bà Trưng", "Trần Quang Khải", "Đinh Tiên Hoàng", "Chợ Tân Định"]


def test_a_street_named_by_a_date_keeps_its_word_and_a_list_after_the_streets_around_a_lake():
    ex = extract(PLAIN + "2. Lộ trình: Công viên Lê Thị Riêng → Đường 3/2 → Lý Thái Tổ → Công viên Lê Thị Riêng.", "t")
    assert _names(ex)[1] == "Đường 3/2"
    ex = extract(
        PLAIN + "2. Các xe tập trung tại Quảng trường Hòa Bình, đi vòng quanh hồ Bán Nguyệt theo các đường Nguyễn Thị "
        "Minh Khai, Trần Hưng Đạo và trở về Quảng trường Hòa Bình.\n",
        "u.txt",
    )
    assert _names(ex) == ["Quảng trường Hòa Bình", "Nguyễn Thị Minh Khai", "Trần Hưng Đạo", "Quảng trường Hòa Bình"]


def _marked(ex):
    return [r.name + ("/U" if r.uturn else "") + ("/E" if r.end else "") for r in ex.route]


@pytest.mark.parametrize(
    ("route", "want"),
    [
        (
            "2. Lộ trình: Từ Nhà văn hóa ấp 3, đoàn đi qua đường Bà Triệu, đường Phan Văn Hớn, rồi về lại Nhà văn "
            "hóa ấp 3.\n",
            ["Nhà văn hóa ấp 3", "Bà Triệu", "Phan Văn Hớn", "Nhà văn hóa ấp 3/E"],
        ),
        (
            "2. Lộ trình: Xuất phát từ UBND xã Vĩnh Lộc A → rẽ phải đường Lại Hùng Cường → rẽ trái đường Vĩnh Lộc → "
            "về UBND xã Vĩnh Lộc A.\n",
            ["UBND xã Vĩnh Lộc A", "Lại Hùng Cường", "Vĩnh Lộc", "UBND xã Vĩnh Lộc A/E"],
        ),
        (
            "2. Lộ trình: Đoàn xe xuất phát tại Công viên Hoàng Văn Thụ, chạy dọc đường Trường Sơn, tiếp tục theo "
            "đường Cộng Hòa đến Công viên Tân Phước thì giải tán.\n",
            ["Công viên Hoàng Văn Thụ", "Trường Sơn", "Cộng Hòa", "Công viên Tân Phước/E"],
        ),
        (
            "2. Lộ trình: Xuất phát từ sân Trường THCS Tân Tạo, theo đường Tỉnh lộ 10 ra Quốc lộ 1A, đi tiếp đến "
            "ngã tư An Lạc quay đầu, trở lại theo Quốc lộ 1A, vào đường Tỉnh lộ 10, về trường.\n",
            [
                "Trường THCS Tân Tạo",
                "Tỉnh lộ 10",
                "Quốc lộ 1A",
                "ngã tư An Lạc/U",
                "Quốc lộ 1A",
                "Tỉnh lộ 10",
                "Trường THCS Tân Tạo/E",
            ],
        ),
        (
            "3. Lộ trình: Điểm tập kết tại Quảng trường 16 Tháng 4, xuất phát đi đường Thống Nhất - Ngô Gia Tự - "
            "Lê Hồng Phong - trở về Quảng trường 16 Tháng 4.\n",
            ["Quảng trường 16 Tháng 4", "Thống Nhất", "Ngô Gia Tự", "Lê Hồng Phong", "Quảng trường 16 Tháng 4/E"],
        ),
        (
            "3. Các xe diễu hành từ Ủy ban nhân dân xã Phước Kiển dọc theo Quốc lộ 50 đến Chợ Phước Kiển rồi quay "
            "về theo đường Lê Văn Lương, về lại Ủy ban nhân dân xã Phước Kiển.\n",
            [
                "Ủy ban nhân dân xã Phước Kiển",
                "Quốc lộ 50",
                "Chợ Phước Kiển",
                "Lê Văn Lương",
                "Ủy ban nhân dân xã Phước Kiển/E",
            ],
        ),
        (
            "3. Lộ trình: Nhà thiếu nhi huyện → đường 19 Tháng 5 → đường Hùng Vương (quay đầu tại vòng xoay Chợ "
            "Mới) → đường 19 Tháng 5 → Nhà thiếu nhi huyện.\n",
            ["Nhà thiếu nhi huyện", "Đường 19 Tháng 5", "Hùng Vương", "vòng xoay Chợ Mới/U", "Đường 19 Tháng 5"]
            + ["Nhà thiếu nhi huyện"],
        ),
    ],
    ids=[
        "di-qua-duong",
        "arrows-with-turns",
        "thi-giai-tan",
        "uturn-and-ve-truong",
        "diem-tap-ket",
        "doc-theo",
        "bracket-uturn",
    ],
)
def test_prose_in_the_ways_other_offices_write_it(route, want):
    assert _marked(extract(PLAIN + route, "p.txt")) == want


@pytest.mark.parametrize(
    ("route", "want"),
    [
        (
            "2. Lộ trình: Xuất phát tại Nhà văn hóa quận Ba Đình, đi các phố Phan Đình Phùng, Hoàng Diệu, Điện Biên "
            "Phủ, kết thúc tại Nhà văn hóa quận Ba Đình, giải tán.\n",
            [
                "Nhà văn hóa quận Ba Đình",
                "Phan Đình Phùng",
                "Hoàng Diệu",
                "Điện Biên Phủ",
                "Nhà văn hóa quận Ba Đình/E",
            ],
        ),
        (
            "2. Địa điểm tập kết: Trường Tiểu học Kim Đồng.\n3. Lộ trình: đoàn xe đi theo thứ tự các tuyến đường: "
            "Bạch Đằng, Nguyễn Xí, Đinh Bộ Lĩnh và quay về điểm tập kết ban đầu.\n",
            ["Trường Tiểu học Kim Đồng", "Bạch Đằng", "Nguyễn Xí", "Đinh Bộ Lĩnh", "Trường Tiểu học Kim Đồng/E"],
        ),
        (
            "2. Tuyến diễu hành: Sân vận động thị xã, qua các tuyến Trần Phú - Lý Tự Trọng - Nguyễn Du, về Sân vận "
            "động thị xã.\n",
            ["Sân vận động thị xã", "Trần Phú", "Lý Tự Trọng", "Nguyễn Du", "Sân vận động thị xã/E"],
        ),
        (
            "2. Đoàn xe xuất phát lúc 7 giờ từ Trung tâm Văn hóa Thể thao huyện, theo các tuyến: Ngô Quyền, Lê "
            "Lai, Trần Hưng Đạo, trở về Trung tâm.\n",
            ["Trung tâm Văn hóa Thể thao huyện", "Ngô Quyền", "Lê Lai", "Trần Hưng Đạo"]
            + ["Trung tâm Văn hóa Thể thao huyện/E"],
        ),
    ],
    ids=["di-cac-pho", "theo-thu-tu-ve-diem-tap-ket", "label-then-via", "start-written-short-at-the-end"],
)
def test_lists_of_streets_between_a_start_and_an_end_said_in_other_words(route, want):
    assert _marked(extract(PLAIN + route, "l.txt")) == want


def test_streets_the_column_goes_through_with_their_stretches_in_brackets():
    ex = extract(
        PLAIN + "2. Các tuyến đường đoàn xe đi qua: Âu Cơ (đoạn từ Lũy Bán Bích đến Trịnh Đình Trọng), Trịnh Đình "
        "Trọng (đoạn từ Âu Cơ đến Hòa Bình), Hòa Bình.\n"
        "3. Các tuyến đường cấm xe đi qua: Lạc Long Quân, Lê Đại Hành.\n",
        "k.txt",
    )
    assert _names(ex) == ["Âu Cơ", "Trịnh Đình Trọng", "Hòa Bình"]
    assert ex.route[0].note == "đoạn từ Lũy Bán Bích đến Trịnh Đình Trọng"


@pytest.mark.parametrize(
    "route",
    [
        "2. Lộ trình: Trường THCS Hoàng Hoa Thám - Cộng Hòa - Trường Chinh - Âu Cơ, về Trường THCS Hoàng Hoa Thám.\n",
        "2. Lộ trình: Trường THCS Hoàng Hoa Thám → Cộng Hòa → Trường Chinh, Âu Cơ → Trường THCS Hoàng Hoa Thám.\n",
    ],
    ids=["comma-then-back", "comma-inside-arrows"],
)
def test_a_comma_among_other_separators(route):
    assert _marked(extract(PLAIN + route, "m.txt"))[1:4] == ["Cộng Hòa", "Trường Chinh", "Âu Cơ"]


def test_a_start_with_its_time_along_a_highway_and_a_u_turn_at_a_market():
    ex = extract(
        PLAIN + "2. Đoàn xe xuất phát từ sân UBND xã Phước Hiệp lúc 7 giờ 30, theo Tỉnh lộ 15 đến Chợ Phước Hiệp "
        "thì quay đầu, trở về theo Tỉnh lộ 15 về lại UBND xã Phước Hiệp.\n",
        "q.txt",
    )
    assert _marked(ex) == ["UBND xã Phước Hiệp", "Tỉnh lộ 15", "Chợ Phước Hiệp/U", "Tỉnh lộ 15", "UBND xã Phước Hiệp/E"]


def test_an_assembly_place_described_by_where_at_a_route_place_is_that_place():
    """ "Địa điểm tập kết: khu vực chợ A" with a route that starts at "chợ A": one place of the plan, the assembly
    at it (the description kept as another name of it), whichever is written first."""
    import random

    from paradeplan.importer import import_text

    r = random.Random(41)
    for _ in range(8):
        place = r.choice(("chợ Thạnh Xuân", "Chợ Lạc Quang", "Công viên Làng Hoa"))
        where = r.choice(("khu vực", "bãi đất trống phía sau", "khu vực trước", "bãi xe cạnh"))
        assembly = f"Địa điểm tập kết: {where} {place}."
        route = f"Lộ trình: {place} - đường Hà Huy Giáp - Quốc lộ 1A - đường Lê Văn Khương - {place}."
        lines = [assembly, route] if r.random() < 0.5 else [route, assembly]
        text = HEAD + "Thời gian: 18 giờ 00, thứ Bảy ngày 05/10/2024.\n" + "\n".join(lines) + "\n"
        data = import_text(text, "x.txt").data
        parade = data["parades"][0]
        ids = {p["id"]: p for p in data["places"]}
        assert parade["assembly_place"] == parade["route"][0]["place"], text
        assert ids[parade["assembly_place"]]["name"] == place, text
