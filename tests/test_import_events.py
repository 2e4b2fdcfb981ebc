"""Rules that read a document's events (dates, times, venues, ceremonies, attendances): each test writes its own
small text, in wording of its own (no corpus document), and checks one rule on it."""

from __future__ import annotations

from datetime import date, time

from paradeplan.importer import import_text
from paradeplan.importer.dates import find_dates
from paradeplan.importer.extract import extract
from paradeplan.importer.tables import text_tables

HEAD = "ỦY BAN NHÂN DÂN\nQUẬN 12\nSố: 77/KH-UBND\nQuận 12, ngày 12 tháng 9 năm 2024\nKẾ HOẠCH\n"


def _ceremonies(ex):
    return [(c.date, c.time, c.place) for c in ex.events.ceremonies]


def test_a_day_and_month_after_a_part_of_the_day_or_a_weekday_take_the_documents_year():
    got = [f.as_date for f in find_dates("chieu 03/10, luc 14 gio; thu sau, 04/10 va so 5/6 cua", 2024)]
    assert got == [date(2024, 10, 3), date(2024, 10, 4)]


def test_the_issue_date_is_never_the_parades_date():
    ex = extract(
        HEAD + "Tổ chức diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
        "Lộ trình: Nhà Văn hóa A → đường Tô Ký → Nhà Văn hóa A.\n",
        "k.txt",
    )
    res = import_text(
        HEAD + "Tổ chức diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
        "Lộ trình: Trụ sở UBND quận → đường Lê Văn Khương → Trụ sở UBND quận.\n",
        "k.txt",
    )
    assert ex.document_date == date(2024, 9, 12) and ex.assembly_date is None
    assert ex.placeholder_day == date(2024, 10, 1)  # the national week's first day, an open item says so
    assert res.data["parades"][0]["date"] == date(2024, 10, 1)
    assert any(o["field"] == "parades[0].date" for o in res.data["open_items"])


def test_the_column_sentence_gives_the_departure_and_the_date():
    ex = extract(
        "THÔNG BÁO\nVề việc điều tiết giao thông\n"
        "Từ 15h00 đến khoảng 16h30 chiều thứ Bảy, ngày 5 tháng 10 năm 2024, đoàn xe tuyên truyền (08 xe hoa) "
        "xuất phát từ Nhà Văn hóa B, lưu thông qua các tuyến đường sau:\n"
        "- Đường Tô Ký: đoạn từ Nhà Văn hóa B đến đường Nguyễn Văn Quá;\n"
        "- Đường Nguyễn Văn Quá: đoạn từ đường Tô Ký về Nhà Văn hóa B.\n",
        "tb.txt",
    )
    assert (ex.departure_time, ex.departure_date) == (time(15, 0), date(2024, 10, 5))


def test_a_heading_that_is_a_label_gives_its_paragraph_as_the_value():
    ex = extract(
        HEAD + "Tổ chức diễu hành xe hoa năm 2024\nII. NỘI DUNG\n1. Thời gian\n"
        "Thứ Năm, ngày 03/10/2024. Các xe có mặt lúc 6h45; xuất phát lúc 7h15.\n"
        "2. Địa điểm tập kết\nSân vận động C, đường Hà Huy Giáp.\n"
        "3. Lộ trình\nLộ trình: Sân vận động C → đường Hà Huy Giáp → Sân vận động C.\n",
        "k.txt",
    )
    assert ex.assembly_date == date(2024, 10, 3)
    assert (ex.assembly_time, ex.departure_time) == (time(6, 45), time(7, 15))
    assert ex.assembly_place == "Sân vận động C"


def test_a_documents_time_and_place_section_is_the_venue_of_a_ceremony_that_names_none():
    ex = extract(
        HEAD + "Tổ chức Lễ khai mạc Tuần lễ năm 2024\nI. THỜI GIAN, ĐỊA ĐIỂM\n"
        "Thứ Ba, ngày 01/10/2024, tại Hội trường UBND phường D.\nII. CHƯƠNG TRÌNH\n"
        "- 08 giờ 00: Lễ khai mạc, phát biểu của Chủ tịch UBND phường.\n",
        "k.txt",
    )
    assert _ceremonies(ex) == [(date(2024, 10, 1), time(8, 0), "Hội trường UBND phường D")]


def test_capital_letter_parts_are_headings_and_a_second_ceremony_the_next_morning():
    ex = extract(
        HEAD + "Tổ chức các lễ năm 2024\nA. LỄ KHAI MẠC CẤP QUẬN\n"
        "Vào lúc 19 giờ 00, tối ngày 30/9, tại Nhà thiếu nhi quận E.\n"
        "B. CÁC PHƯỜNG\n"
        "Sáng hôm sau, lúc 7 giờ 30: phường F tổ chức Lễ hưởng ứng tại Trường Tiểu học G.\n",
        "k.txt",
    )
    assert _ceremonies(ex) == [
        (date(2024, 9, 30), time(19, 0), "Nhà thiếu nhi quận E"),
        (date(2024, 10, 1), time(7, 30), "Trường Tiểu học G"),
    ]


def test_a_deadline_and_a_ceremony_each_ward_times_itself_are_no_events():
    ex = extract(
        HEAD + "Tổ chức Tuần lễ năm 2024\nIII. TỔ CHỨC THỰC HIỆN\n"
        "1. Phòng Giáo dục chủ trì Lễ khai mạc; tổng hợp, báo cáo UBND quận trước ngày 15/10/2024.\n"
        "2. UBND các phường tổ chức lễ hưởng ứng tại nhà văn hóa khu phố, thời gian do phường chủ động.\n",
        "k.txt",
    )
    assert all(c.date != date(2024, 10, 15) for c in ex.events.ceremonies)
    assert not [c for c in ex.events.ceremonies if c.host.units]


GRID = """II. CÁC LỄ
+----+---------------------+---------------+--------------------+
| TT | Nội dung            | Thời gian     | Địa điểm           |
+====+=====================+===============+====================+
| 1  | Lễ khai mạc cấp     | 7h00, thứ Hai | Trường THCS Hòa    |
|    | huyện               | 07/10/2024    | Bình               |
+----+---------------------+---------------+--------------------+
| 2  | Lễ hưởng ứng tại xã | 14h00 cùng    | Nhà văn hóa xã     |
|    | Phú Lộc             | ngày          | Phú Lộc            |
+----+---------------------+---------------+--------------------+
"""


def test_a_grid_table_gives_one_labelled_line_a_row_with_its_wrapped_cells_joined():
    lines = [ln for ln in text_tables(GRID).split("\n") if ln]
    assert lines[1] == "Lễ khai mạc cấp huyện — Thời gian: 7h00, thứ Hai 07/10/2024; Địa điểm: Trường THCS Hòa Bình."
    ex = extract(HEAD + "Tổ chức Tuần lễ năm 2024\n" + GRID, "k.txt")
    assert _ceremonies(ex) == [  # the heading names the list; the rows are the ceremonies
        (date(2024, 10, 7), time(7, 0), "Trường THCS Hòa Bình"),
        (date(2024, 10, 7), time(14, 0), "Nhà văn hóa xã Phú Lộc"),
    ]


def test_pipe_tables_and_tables_exported_one_cell_a_line():
    pipes = "| STT | Thời gian | Nội dung |\n|---|---|---|\n| 1 | 8 giờ 00 | Lễ khai mạc |\n"
    cells = "STT\nThời gian\nNội dung\nNgười thực hiện\n1\n8 giờ 00\nLễ khai mạc\nBan Tổ chức\nIV. KẾT THÚC\n"
    assert [ln for ln in text_tables(pipes).split("\n") if ln] == ["Lễ khai mạc — Thời gian: 8 giờ 00."]
    assert [ln for ln in text_tables(cells).split("\n") if ln] == [
        "Lễ khai mạc — Thời gian: 8 giờ 00; Người thực hiện: Ban Tổ chức.",
        "IV. KẾT THÚC",
    ]


def test_units_counted_but_not_named_get_one_open_item_not_a_ceremony_each():
    res = import_text(
        HEAD + "Tổ chức Tuần lễ năm 2024\n1. Lễ khai mạc cấp quận lúc 7 giờ 30 ngày 01/10/2024 tại Nhà Văn hóa "
        "Lao động Quận 12.\n2. 11 phường tổ chức lễ khai mạc trong ngày 01/10/2024 tại trụ sở.\n",
        "k.txt",
    )
    assert len(res.data["ceremonies"]) == 1
    assert any("11 phường" in o["question"] for o in res.data["open_items"])


def test_a_ceremony_of_a_named_unit_is_held_by_that_unit_and_a_role_is_no_person():
    res = import_text(
        HEAD + "Tổ chức Tuần lễ năm 2024\n1. Lễ khai mạc cấp quận lúc 7 giờ 00 ngày 02/10/2024 tại Nhà Văn hóa "
        "Lao động Quận 12.\n2. Lãnh đạo quận dự lễ tại phường\n"
        "Đồng chí Trần Văn H, Phó Chủ tịch UBND quận, dự Lễ khai mạc cấp quận; sau đó dự Lễ khai mạc của phường "
        "Thạnh Lộc lúc 9 giờ 00 tại Trường THCS Thạnh Lộc.\n"
        "3. Lãnh đạo quận dự Lễ khai mạc tại Nhà Văn hóa Lao động Quận 12.\n",
        "k.txt",
    )
    got = [(str(c["date"]), c["window_start"][:5]) for c in res.data["ceremonies"]]
    assert got == [("2024-10-02", "07:00"), ("2024-10-02", "09:00")]  # "sau đó": the same day, one ward
    people = [p["name"] for p in res.data.get("people") or []]
    assert len(people) == 1 and "Trần Văn H" in people[0]


def test_a_ceremony_the_title_names_takes_the_time_of_the_documents_time_heading_and_sân_is_no_name():
    ex = extract(
        "ỦY BAN NHÂN DÂN\nPHƯỜNG K\nK, ngày 03 tháng 9 năm 2023\nKẾ HOẠCH\nTổ chức Lễ phát động Tuần lễ năm 2023\n"
        "II. NỘI DUNG\n1. Thời gian\nVào lúc 15 giờ 00, thứ Hai, ngày 02/10/2023.\n"
        "2. Địa điểm\nSân Nhà văn hóa khu phố 3, phường K.\n",
        "k.txt",
    )
    assert _ceremonies(ex) == [(date(2023, 10, 2), time(15, 0), "Nhà văn hóa khu phố 3, phường K")]


def test_units_the_verb_lists_by_name_hold_it_each_at_its_own_office():
    res = import_text(
        "ỦY BAN NHÂN DÂN\nHUYỆN CỦ CHI\nCủ Chi, ngày 10 tháng 9 năm 2024\nKẾ HOẠCH\nTổ chức lễ năm 2024\n"
        "1. Năm nay giao 02 xã (Trung Lập Hạ, Phước Hiệp) tổ chức Lễ phát động lúc 8 giờ 00, ngày 03/10/2024 tại "
        "trụ sở UBND xã.\n",
        "k.txt",
    )
    got = {(c["name"], c["window_start"][:5]) for c in res.data["ceremonies"]}
    assert got == {("Lễ phát động — Xã Trung Lập Hạ", "08:00"), ("Lễ phát động — Xã Phước Hiệp", "08:00")}
    names = {p["name"] for p in res.data["places"]}
    assert {"Trụ sở UBND xã Trung Lập Hạ", "Trụ sở UBND xã Phước Hiệp"} <= names


ROUTE = "Lộ trình: Chợ Z → đường Lê Văn Khương → Chợ Z.\n"


def test_the_day_a_paragraph_opens_with_is_its_gatherings_day():
    ex = extract(
        HEAD + "Tổ chức diễu hành năm 2024\nNgày 06/10/2024 (Chủ nhật), phường tổ chức diễu hành. Các xe hoa tập "
        "trung lúc 6 giờ 45 tại Chợ Z, báo cáo trước ngày 15/10/2024.\n" + ROUTE,
        "k.txt",
    )
    assert (ex.assembly_date, ex.assembly_time) == (date(2024, 10, 6), time(6, 45))


def test_a_time_at_the_head_of_the_sentence_and_the_column_leaving_without_the_word_xe():
    ex = extract(
        HEAD + "Tổ chức diễu hành năm 2024\nVào lúc 14 giờ 00 ngày 05/10/2024, 04 xe hoa và 01 xe loa tập trung "
        "tại Chợ Z. Đúng 14 giờ 20, đoàn khởi hành.\n" + ROUTE,
        "k.txt",
    )
    assert (ex.assembly_time, ex.departure_time, ex.assembly_date) == (time(14, 0), time(14, 20), date(2024, 10, 5))


def test_arrival_words_are_the_assembly_and_a_carry_out_day_row_is_the_date():
    ex = extract(
        HEAD + "Tổ chức diễu hành năm 2024\nThời gian: từ 8 giờ 00 đến 9 giờ 30 (các xe có mặt lúc 7 giờ 30).\n"
        "Ngày thực hiện: Thứ Năm, ngày 03/10/2024\n" + ROUTE,
        "k.txt",
    )
    assert (ex.assembly_time, ex.departure_time) == (time(7, 30), time(8, 0))
    assert ex.assembly_date == date(2024, 10, 3)


def test_a_bracket_after_a_force_without_a_count_lists_its_vehicles_a_breakdown_is_not_counted_twice():
    ex = extract(
        HEAD + "Tổ chức diễu hành năm 2024\nĐoàn gồm 05 xe hoa (02 xe của phường, 03 xe của trường học); lực "
        "lượng Công an phường (01 xe ô tô, 02 xe mô tô) dẫn đoàn.\n" + ROUTE,
        "k.txt",
    )
    got = sorted((f.kind, f.count) for f in ex.forces)
    assert got == sorted([("float", 2), ("float", 3), ("police_car", 1), ("motorbike", 2)]), got  # parts, not the total


def test_a_visited_ward_whose_own_ceremony_is_written_gets_no_second_placeholder():
    res = import_text(
        HEAD + "Tổ chức Tuần lễ năm 2024\n1. Các phường tổ chức lễ khai mạc trong ngày 01/10/2024.\n"
        "2. Đồng chí Lê Văn M, Phó Chủ tịch UBND quận: dự Lễ khai mạc tại Trường THCS Thạnh Lộc, phường Thạnh Lộc "
        "lúc 8 giờ 00 ngày 01/10/2024.\n",
        "k.txt",
    )
    assert [c["window_start"][:5] for c in res.data["ceremonies"]] == ["08:00"]
