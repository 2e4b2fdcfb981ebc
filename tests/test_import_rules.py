"""Rules of the importer stated about Vietnamese administrative documents (each test writes its own small text, in
wording of its own, not a corpus document): routes in stretches and tables, names, dates, counts, wrapped lines."""

from __future__ import annotations

from datetime import date, time

import pytest

from paradeplan.importer.dates import find_dates
from paradeplan.importer.extract import extract, place_kind
from paradeplan.importer.text import fold, logical_lines


def _route(ex):
    return [(r.kind, r.name, r.uturn, r.end) for r in ex.route]


def test_a_route_listed_in_stretches_keeps_its_streets_not_the_cross_streets():
    ex = extract(
        "THÔNG BÁO\nVề việc phân luồng giao thông phục vụ đoàn xe hoa\n"
        "2. Đoàn xe đi qua các tuyến đường sau (theo thứ tự):\n"
        "- Đường Tô Ký: đoạn từ Nhà Văn hóa Phường X đến đường Trung Mỹ Tây 13;\n"
        "- Đường Trung Mỹ Tây 13: đoạn từ đường Tô Ký đến Quốc lộ 22;\n"
        "- Quốc lộ 22: đoạn từ đường Trung Mỹ Tây 13 đến Ngã tư Trung Chánh, quay đầu tại Ngã tư Trung Chánh;\n"
        "- Quốc lộ 22: đoạn từ Ngã tư Trung Chánh về Nhà Văn hóa Phường X.\n",
        "tb.txt",
    )
    assert _route(ex) == [
        ("place", "Nhà Văn hóa Phường X", False, False),
        ("street", "Tô Ký", False, False),
        ("street", "Trung Mỹ Tây 13", False, False),
        ("street", "Quốc lộ 22", False, False),
        ("place", "Ngã tư Trung Chánh", True, False),
        ("street", "Quốc lộ 22", False, False),
        ("place", "Nhà Văn hóa Phường X", False, True),
    ]


def _docx(tmp_path, rows_by_table, paragraphs=()):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Tổ chức diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024")
    for p in paragraphs:
        d.add_paragraph(p)
    for rows in rows_by_table:
        t = d.add_table(rows=len(rows), cols=len(rows[0]))
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                t.cell(i, j).text = cell
    path = tmp_path / "t.docx"
    d.save(str(path))
    return path


def test_a_table_of_legs_and_a_count_table_with_its_total_row(tmp_path):
    from paradeplan.importer import import_document

    path = _docx(
        tmp_path,
        [
            [
                ["STT", "Loại phương tiện", "Số lượng", "Đơn vị"],
                ["1", "Xe hoa", "05", "Các trường"],
                ["2", "Xe mô tô Cảnh sát giao thông", "02", "Công an phường"],
                ["", "Tổng cộng", "07", ""],
            ],
            [
                ["STT", "Tuyến đường", "Từ", "Đến", "Ghi chú"],
                ["1", "Lê Văn Khương", "Chợ Cầu", "Ngã ba Bầu", "Quay đầu tại Ngã ba Bầu"],
                ["2", "Lê Văn Khương", "Ngã ba Bầu", "Đường Tô Ký", "Rẽ trái"],
                ["3", "Tô Ký", "Lê Văn Khương", "Chợ Cầu", "Kết thúc"],
            ],
        ],
        ["Ngày diễu hành: thứ Tư, 02/10/2024.", "Tập trung: 07 giờ 00 phút tại Chợ Cầu."],
    )
    s = import_document(path).summary()
    assert [(r["kind"], r["name"]) for r in s["route"]] == [
        ("place", "Chợ Cầu"),
        ("street", "Lê Văn Khương"),
        ("place", "Ngã ba Bầu"),
        ("street", "Lê Văn Khương"),
        ("street", "Tô Ký"),
        ("place", "Chợ Cầu"),
    ]
    assert s["route"][2]["uturn"]
    assert sorted((f["kind"], f["count"]) for f in s["forces"]) == [("float", 5), ("motorbike", 2)]
    assert s["assembly"]["date"] == "2024-10-02"


def test_a_route_cell_separated_by_semicolons_and_a_script_rows_inline_route(tmp_path):
    from paradeplan.importer import import_document

    path = _docx(
        tmp_path,
        [
            [
                ["STT", "Nội dung", "Thời gian", "Địa điểm", "Lộ trình"],
                [
                    "1",
                    "Diễu hành xe hoa",
                    "Sáng 05/10/2024: tập trung 6h00, xuất phát 6h30",
                    "Chợ Cầu",
                    "Chợ Cầu; Cộng Hòa; Đinh Tiên Hoàng; Cộng Hòa; Chợ Cầu",
                ],
            ]
        ],
    )
    s = import_document(path).summary()
    assert [r["name"] for r in s["route"]] == ["Chợ Cầu", "Cộng Hòa", "Đinh Tiên Hoàng", "Cộng Hòa", "Chợ Cầu"]
    assert [r["kind"] for r in s["route"]] == ["place", "street", "street", "street", "place"]
    script = _docx(
        tmp_path,
        [
            [
                ["Giờ", "Nội dung", "Người thực hiện"],
                ["7:10", "Đoàn xe khởi hành, lộ trình: Chợ Cầu – Tô Ký – Quang Trung – Chợ Cầu", "Trưởng đoàn"],
            ]
        ],
    )
    assert [r["name"] for r in import_document(script).summary()["route"]] == [
        "Chợ Cầu",
        "Tô Ký",
        "Quang Trung",
        "Chợ Cầu",
    ]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Cộng Hòa", None),
        ("Đinh Tiên Hoàng", None),
        ("Đình Phong Phú", "pagoda"),
        ("Cổng chính Công viên Y", "other"),
        ("Công viên Làng Hoa", "park"),
        ("Chợ Vườn Lài", "market"),
        ("DINH BA", "pagoda"),  # no accents written: the folded word decides
    ],
)
def test_place_words_are_matched_with_their_accents_when_accents_are_written(name, kind):
    assert place_kind(name) == kind


def test_a_date_in_a_place_name_is_no_date():
    low = fold("Tập trung tại Quảng trường 2 Tháng 4, đi đường 3 Tháng 2, ngày 2 tháng 10")
    assert [f.value for f in find_dates(low, 2025)] == [date(2025, 10, 2)]


def test_position_and_direction_words_are_not_part_of_a_name():
    ex = extract(
        "KẾ HOẠCH\nDiễu hành xe hoa\n1. Thời gian: ngày 01/10/2024; tập trung lúc 7:00, xuất phát lúc\n7:30.\n"
        "2. Địa điểm tập trung: trước trụ sở Ủy ban nhân dân Phường 9.\n"
        "3. Lộ trình: Xuất phát từ Ủy ban nhân dân Phường 9, đi theo đường Lê Lợi hướng về phía đường Hai Bà "
        "Trưng, rẽ phải vào đường Hai Bà Trưng, rẽ phải vào đường Lý Tự Trọng, đi thẳng về Ủy ban nhân dân "
        "Phường 9 và giải tán.\n",
        "p9.txt",
    )
    assert [r.name for r in ex.route] == [
        "Ủy ban nhân dân Phường 9",
        "Lê Lợi",
        "Hai Bà Trưng",
        "Lý Tự Trọng",
        "Ủy ban nhân dân Phường 9",
    ]
    assert ex.assembly_place == "Ủy ban nhân dân Phường 9"  # before the seat of the body: the body's place
    assert (ex.assembly_time, ex.departure_time) == (time(7, 0), time(7, 30))


def test_a_hard_wrapped_line_ending_with_a_preposition_goes_on():
    assert logical_lines("xuất phát lúc\n7:30.\nTập trung tại\nChợ Cầu.\nII. NỘI DUNG\nMột.") == [
        "xuất phát lúc 7:30.",
        "Tập trung tại Chợ Cầu.",
        "II. NỘI DUNG",
        "Một.",
    ]


def test_a_count_for_each_unit_is_no_group_when_the_total_is_said():
    ex = extract(
        "KẾ HOẠCH\nLộ trình: Chợ Cầu → đường Tô Ký → Chợ Cầu\nII. PHƯƠNG TIỆN\n"
        "- Mỗi trường chuẩn bị 01 xe hoa; tổng số 04 xe hoa của 04 trường.\n",
        "x.txt",
    )
    assert [(f.kind, f.count) for f in ex.forces] == [("float", 4)]
    alone = extract("KẾ HOẠCH\nLộ trình: Chợ Cầu → đường Tô Ký → Chợ Cầu\n- Mỗi trường 01 xe hoa.\n", "y.txt")
    assert [(f.kind, f.count) for f in alone.forces] == [("float", 1)]


def test_assembly_said_as_minutes_before_the_start():
    ex = extract(
        "KẾ HOẠCH\n1. Diễu hành xe hoa\n1.1. Thời gian: 16 giờ 00, ngày 28/9/2025 (các xe tập trung trước 30 phút).\n"
        "1.2. Lộ trình:\n(1) Xuất phát tại Quảng trường 2 Tháng 4;\n(2) đường Trần Phú;\n(3) đường Yersin;\n"
        "(4) kết thúc tại Quảng trường 2 Tháng 4.\n",
        "nt.txt",
    )
    assert (ex.assembly_time, ex.departure_time) == (time(15, 30), time(16, 0))
    assert ex.assembly_date == date(2025, 9, 28)
    assert [r.name for r in ex.route] == ["Quảng trường 2 Tháng 4", "Trần Phú", "Yersin", "Quảng trường 2 Tháng 4"]


def test_the_seat_of_a_body_is_named_by_the_body():
    from paradeplan.geo.names import name_key

    assert name_key("Trụ sở UBND Phường 12") == name_key("Ủy ban nhân dân Phường 12")


def test_a_cost_estimate_counts_what_it_pays_for_and_plans_nothing(tmp_path):
    from paradeplan.errors import InputError
    from paradeplan.importer import import_document

    path = _docx(
        tmp_path,
        [
            [
                ["STT", "Nội dung chi", "Số lượng", "Đơn giá", "Thành tiền"],
                ["1", "Thuê xe hoa", "03 xe", "7.000.000", "21.000.000"],
                ["2", "Thuê xe loa", "01 xe", "1.000.000", "1.000.000"],
            ]
        ],
        ["Đề nghị cấp kinh phí cho đoàn xe hoa như sau:"],
    )
    with pytest.raises(InputError) as err:
        import_document(path)
    assert "không có gì để lập kế hoạch" in str(err.value.problems[0].message)


def _ceremonies(ex):
    return sorted((str(e.date), str(e.time)[:5], e.place) for e in ex.events.ceremonies)


def test_ceremonies_listed_under_a_schedule_title_one_per_row():
    ex = extract(
        "KẾ HOẠCH\nlịch dự Lễ khai mạc tại các xã\n"
        "1. Lịch khai mạc tại các xã (ngày 3/10/2024)\n"
        "- Xã Tân Lập: 7h00, tại Trường Tiểu học Tân Lập.\n"
        "- Xã Hòa Bình: 9h00, tại Nhà văn hóa thôn 2 xã Hòa Bình.\n"
        "2. Phân công dự\n"
        "Đồng chí Trần Văn A, Phó Chủ tịch UBND huyện dự Lễ khai mạc tại xã Tân Lập, tiếp đó dự tại xã Hòa Bình.\n",
        "lich.txt",
    )
    assert _ceremonies(ex) == [
        ("2024-10-03", "07:00", "Trường Tiểu học Tân Lập"),
        ("2024-10-03", "09:00", "Nhà văn hóa thôn 2 xã Hòa Bình"),
    ]


def test_a_ceremony_heading_takes_the_time_and_venue_of_its_paragraph_and_a_meeting_is_none():
    ex = extract(
        "KẾ HOẠCH\nII. NỘI DUNG\n1. Lễ phát động Tuần lễ\n"
        "Vào lúc 19 giờ 00 phút ngày 30 tháng 9 năm 2024, tại Quảng trường Trung tâm. Thời lượng 60 phút.\n"
        "2. Hội nghị sơ kết: 14 giờ 00 ngày 07/10/2024 tại Hội trường UBND xã.\n",
        "h.txt",
    )
    assert _ceremonies(ex) == [("2024-09-30", "19:00", "Quảng trường Trung tâm")]
    assert ex.events.ceremonies[0].duration == 60


def test_an_itinerary_names_the_ceremonies_it_visits_and_whose_they_are():
    ex = extract(
        "KẾ HOẠCH\nTuần lễ diễn ra từ 01/10 đến 07/10/2024.\nIII. LỊCH TRÌNH\n"
        "Đồng chí Lê Thị B, Phó Chủ tịch UBND tỉnh:\n"
        "- 8h00: dự Lễ khai mạc tại Trường THCS Kim Đồng, phường Hạ Long;\n"
        "- 15h: dự Lễ khai mạc tại Trung tâm học tập cộng đồng xã Hòa Lợi.\n"
        "IV. TỔ CHỨC THỰC HIỆN\n1. UBND các huyện: chuẩn bị địa điểm tại các điểm khai mạc.\n",
        "it.txt",
    )
    assert [(str(e.time)[:5], e.place) for e in ex.events.ceremonies] == [
        ("08:00", "Trường THCS Kim Đồng, phường Hạ Long"),
        ("15:00", "Trung tâm học tập cộng đồng xã Hòa Lợi"),
    ]
    (official,) = ex.events.officials
    assert official.name.startswith("Đồng chí Lê Thị B") and len(official.targets) == 2


def test_a_ceremony_each_unit_holds_as_it_sees_fit_is_no_event():
    ex = extract(
        "KẾ HOẠCH\n1. Lễ khai mạc cấp huyện\nLễ khai mạc được tổ chức lúc 7h30, ngày 2/10/2023 tại Trường THCS "
        "Nguyễn Du, kết hợp với lễ chào cờ; đồng chí C dự, phát biểu khai mạc, sau đó dự Lễ khai mạc tại Trung "
        "tâm học tập cộng đồng xã Xuân Lộc lúc 9 giờ 30 cùng ngày.\n"
        "2. Các xã, thị trấn\nCác xã, thị trấn tổ chức khai mạc Tuần lễ theo điều kiện thực tế của địa phương.\n",
        "u.txt",
    )
    assert _ceremonies(ex) == [
        ("2023-10-02", "07:30", "Trường THCS Nguyễn Du"),
        ("2023-10-02", "09:30", "Trung tâm học tập cộng đồng xã Xuân Lộc"),
    ]


def test_the_two_column_header_and_a_ward_named_like_a_document_type():
    ex = extract(
        "ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "PHƯỜNG AN ĐÔNG         Độc lập - Tự do - Hạnh phúc\n"
        "Số: 12/KH-UBND         An Đông, ngày 20 tháng 9 năm 2025\n"
        "KẾ HOẠCH\nTổ chức đoàn xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2025\n",
        "h.txt",
    )
    assert (ex.document, ex.area, ex.document_date) == ("12/KH-UBND", "An Đông", date(2025, 9, 20))
    assert ex.event == "Đoàn xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2025"


def test_a_force_listed_with_its_number_and_its_task_is_ordered_for_the_route():
    from paradeplan.importer.events import structure
    from paradeplan.importer.marshals import read_marshals
    from paradeplan.importer.text import Folded

    lines = [
        "Căn cứ Kế hoạch của Ủy ban nhân dân quận về tổ chức diễu hành xe hoa;",
        "3. Thành phần tham gia:",
        "- Lực lượng dân phòng phường: 12 đồng chí, làm nhiệm vụ rào chắn tại các giao lộ trên lộ trình;",
        "- Đoàn viên thanh niên tham gia cổ vũ.",
    ]
    found = read_marshals(structure([Folded.of(x) for x in lines]))
    assert [(m.name, m.count) for m in found] == [("Lực lượng dân phòng", 12)]


def test_a_report_due_within_a_day_and_an_officials_next_stops():
    ex = extract(
        "KẾ HOẠCH\n1. Lịch khai mạc tại các xã (ngày 2/10/2024)\n- Xã A Lưới: 7h30, tại Trường Tiểu học A Lưới.\n"
        "- Xã Hồng Hạ: 9h00, tại Nhà văn hóa xã Hồng Hạ.\n2. Phân công dự\n"
        "Đồng chí Hồ Văn D, Phó Chủ tịch UBND huyện dự Lễ khai mạc tại xã A Lưới, rồi dự tại xã Hồng Hạ.\n"
        "3. Các xã báo cáo nhanh kết quả về UBND huyện trong ngày 03/10/2024.\n",
        "d.txt",
    )
    assert [d.due for d in ex.deadlines] == [date(2024, 10, 3)]
    (official,) = ex.events.officials
    assert official.targets == ["xã A Lưới", "xã Hồng Hạ"]


def test_a_programme_script_its_ceremony_row_takes_the_documents_date_and_venue(tmp_path):
    from paradeplan.importer import import_document

    path = _docx(
        tmp_path,
        [
            [
                ["Giờ", "Nội dung", "Người thực hiện"],
                ["6:45", "Các xe tập trung tại sân trường", "Đoàn trường"],
                ["7:15", "Lễ ra quân: chào cờ, phát biểu của lãnh đạo phường (20 phút)", "MC"],
                [
                    "7:40",
                    "Đoàn xe xuất phát, lộ trình: Trường THCS Kim Đồng – Tô Ký – Quang Trung – Trường THCS Kim Đồng",
                    "Trưởng đoàn",
                ],
            ]
        ],
        ["Ngày tổ chức: thứ Hai, 06/10/2025.", "Địa điểm: sân trường Trường THCS Kim Đồng (cổng chính)."],
    )
    assert _ceremonies(import_document(path).extraction) == [("2025-10-06", "07:15", "Trường THCS Kim Đồng")]


def test_a_ceremony_held_together_with_another_and_a_schedule_given_in_an_appendix():
    ex = extract(
        "KẾ HOẠCH\n2. Lễ khai mạc: Lễ khai mạc cấp tỉnh được tổ chức kết hợp với Lễ khai mạc của xã Tân Hòa; lịch "
        "khai mạc tại các xã điểm theo Phụ lục kèm theo.\nPHỤ LỤC\nLịch tổ chức Lễ khai mạc tại các xã điểm\n"
        "- Xã Tân Hòa: 7 giờ 30, ngày 01/10/2025, tại Trung tâm học tập cộng đồng xã Tân Hòa.\n"
        "- Xã Phú Mỹ: 14 giờ 00, ngày 01/10/2025, tại Trường Tiểu học Phú Mỹ.\n",
        "pl.txt",
    )
    assert _ceremonies(ex) == [
        ("2025-10-01", "07:30", "Trung tâm học tập cộng đồng xã Tân Hòa"),
        ("2025-10-01", "14:00", "Trường Tiểu học Phú Mỹ"),
    ]


def test_a_label_naming_the_whole_column_is_no_kind_of_vehicle():
    ex = extract(
        "KẾ HOẠCH\nLộ trình: Chợ Cầu → đường Tô Ký → Chợ Cầu\n"
        "Thành phần đoàn xe: 04 xe hoa (các trường); 01 xe mô tô Công an phường dẫn đầu.\n",
        "v.txt",
    )
    assert sorted((f.kind, f.count) for f in ex.forces) == [("float", 4), ("motorbike", 1)]


def test_a_days_programme_in_timed_bullets_gives_the_assembly_and_the_departure():
    ex = extract(
        "KẾ HOẠCH\n1. Thời gian: Thứ Sáu, ngày 3/10/2025.\n- 15 giờ 30: các xe có mặt tại điểm tập kết.\n"
        "- 16 giờ 00 phút: đoàn xe xuất phát.\n2. Lộ trình: Chợ Cầu → đường Tô Ký → Chợ Cầu.\n",
        "t.txt",
    )
    assert (ex.assembly_time, ex.departure_time) == (time(15, 30), time(16, 0))


def test_an_official_who_attends_the_ceremony_of_the_paragraph_then_goes_on():
    ex = extract(
        "KẾ HOẠCH\n1. Lễ khai mạc cấp huyện\nLễ khai mạc được tổ chức lúc 7h30, ngày 2/10/2023 tại Trường THCS "
        "Nguyễn Du; thành phần gồm lãnh đạo huyện. Đồng chí Lê Văn E, Phó Chủ tịch UBND huyện dự, phát biểu khai "
        "mạc, sau đó dự Lễ khai mạc tại Trung tâm học tập cộng đồng xã Xuân Lộc lúc 9 giờ 30 cùng ngày.\n",
        "o.txt",
    )
    (official,) = ex.events.officials
    assert official.name.startswith("Đồng chí Lê Văn E")
    assert official.targets == ["Trường THCS Nguyễn Du", "Trung tâm học tập cộng đồng xã Xuân Lộc"]


def test_an_old_ward_named_with_its_accents_is_never_a_namesake_without_them():
    """A 2025 text of a ward gone in the reform ("phường Thạnh Xuân", HCMC) is not Hà Nội's "Thanh Xuân": the area
    is the old ward (its streets are at hand), with an open item naming the ward it belongs to now."""
    from paradeplan.importer import import_text

    res = import_text(
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\nỦY BAN NHÂN DÂN\nPHƯỜNG THẠNH XUÂN\n"
        "Thạnh Xuân, ngày 10 tháng 9 năm 2025\nKẾ HOẠCH\nDiễu hành xe hoa năm 2025\n"
        "1. Thời gian: 7 giờ 30, ngày 04/10/2025.\n"
        "2. Lộ trình: Chợ Thạnh Xuân → đường Hà Huy Giáp → Chợ Thạnh Xuân.\n",
        "tx.txt",
    )
    area = res.data["event"]["area"]
    assert area == {"name": "Phường Thạnh Xuân", "parents": ["Thành phố Hồ Chí Minh", "Quận 12"]}
