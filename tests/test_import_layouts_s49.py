"""Layouts met on the blind sets heldout67–71, each written here in variants (other names, days and places; no
corpus document): a programme printed from a borderless Word table into a PDF, "và" inside an institution's name at
a route's end, a route whose first junction is the start's own gate, an assembly behind the issuing body's seat, a
document that is itself a ceremony's programme, and a start place the data knows on its street while the ward's
seat (the first guess) is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from imported import plan_data, route_of
from paradeplan.importer.extract import extract
from paradeplan.importer.reader import read_document

# -- a programme printed from a borderless table ------------------------------------------------------------------
HEAD = [
    "UBND PHƯỜNG AN NHƠN",
    "CHƯƠNG TRÌNH",
    "Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025",
    "Thời gian: sáng thứ Sáu, ngày 03/10/2025",
    "Địa điểm: sân Trường THCS Phan Tây Hồ",
]
ROWS = [
    ("THỜI GIAN", "NỘI DUNG", "THỰC HIỆN"),
    ("06:45 – 07:00", "Đón tiếp đại biểu; các đoàn diễu hành tập trung tại sân trường.", "Văn phòng UBND phường"),
    ("07:00 – 07:15", "Chào cờ, tuyên bố lý do. Khai mạc buổi lễ.", "MC"),
    ("07:15 – 07:30", "Phát biểu khai mạc: ông Trần Văn Bình, Chủ tịch UBND phường.", "Ông Trần Văn Bình"),
    (
        "07:30",
        "Đoàn diễu hành xuất phát từ sân trường, đi theo lộ trình: đường Lê Đức Thọ → đường Phan Văn Trị → đường "
        "Nguyễn Văn Lượng → giải tán tại Công viên Làng Hoa Gò Vấp.",
        "Công an phường",
    ),
]


@pytest.mark.parametrize("widths", [(38, 80, 32), (40, 90, 22)])
def test_a_programme_printed_from_a_borderless_table(tmp_path: Path, widths: tuple[float, ...]) -> None:
    from pdf_pages import borderless_table

    pdf = borderless_table(tmp_path / "ct.pdf", HEAD, ROWS, widths)
    text = read_document(pdf)
    # each row one line, its cells wrapped in their columns joined back, the columns parted by spaces
    assert any("Phát biểu khai mạc: ông Trần Văn Bình, Chủ tịch UBND phường." in ln for ln in text.splitlines())
    ex = extract(text, "ct.pdf")
    assert [s.name for s in ex.route] == [
        "Trường THCS Phan Tây Hồ",
        "Lê Đức Thọ",
        "Phan Văn Trị",
        "Nguyễn Văn Lượng",
        "Công viên Làng Hoa Gò Vấp",
    ]
    assert str(ex.assembly_time) == "06:45:00"
    [ceremony] = ex.events.ceremonies
    assert (str(ceremony.date), str(ceremony.time), ceremony.place) == (
        "2025-10-03",
        "07:00:00",
        "Trường THCS Phan Tây Hồ",
    )
    assert [(o.name, o.targets) for o in ex.events.officials] == [("Trần Văn Bình", ["Trường THCS Phan Tây Hồ"])]


# -- "và" inside an institution's name ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("end", "name"),
    [
        ("đến trước cổng Trường Cao đẳng Kinh tế và Công nghệ thì dừng.", "Trường Cao đẳng Kinh tế và Công nghệ"),
        (
            "về Trung tâm Văn hóa và Thể thao phường Hạnh Thông, giải tán.",
            "Trung tâm Văn hóa và Thể thao phường Hạnh Thông",
        ),
    ],
)
def test_and_inside_an_institution_name_cuts_no_step(end: str, name: str) -> None:
    text = (
        "KẾ HOẠCH diễu hành cổ động ngày 05/10/2025\n"
        f"Lộ trình: từ Chợ Hạnh Thông Tây ra đường Quang Trung, rẽ phải vào đường Lê Văn Thọ, {end}\n"
    )
    steps = [s.name for s in extract(text, "kh.txt").route]
    assert steps[-1] == name
    assert steps[1:3] == ["Quang Trung", "Lê Văn Thọ"]


def test_two_streets_joined_by_and_are_still_two_steps() -> None:
    text = "Lộ trình ngày 05/10/2025: từ Chợ Hạnh Thông Tây đi qua các tuyến Quang Trung, Lê Văn Thọ và Phan Huy Ích.\n"
    assert [s.name for s in extract(text, "kh.txt").route][-2:] == ["Lê Văn Thọ", "Phan Huy Ích"]


# -- the start's own gate as the first junction; an assembly behind the seat --------------------------------------
GATE = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG ĐÔNG HƯNG THUẬN\nKẾ HOẠCH\nDiễu hành cổ động Tuần lễ học tập suốt đời năm 2025\n"
    "1. Thời gian: 7 giờ 30 ngày 02/10/2025.\n"
    "2. Tập kết: các xe tập kết tại {assembly} lúc 6 giờ 45.\n"
    "3. Lộ trình\nĐoàn xuất phát từ Trụ sở UBND phường Đông Hưng Thuận, lần lượt đi qua các nút giao sau:\n"
    "- Cổng trụ sở UBND phường Đông Hưng Thuận ra đường Nguyễn Văn Quá;\n"
    "- Nút giao Nguyễn Văn Quá – Tô Ký (rẽ phải vào Tô Ký);\n"
    "- Tô Ký, đến Chợ Tân Chánh Hiệp thì dừng.\n"
    "4. Phương tiện: 01 xe ô tô dẫn đoàn, 03 xe hoa.\n"
)


@pytest.mark.parametrize(
    "assembly", ["bãi xe phía sau trụ sở UBND phường Đông Hưng Thuận", "sân sau trụ sở UBND phường Đông Hưng Thuận"]
)
def test_the_start_gate_is_the_start_and_an_assembly_behind_the_seat_is_the_seat(assembly: str) -> None:
    ex = extract(GATE.format(assembly=assembly), "kh.txt")
    names = [s.name for s in ex.route]
    assert names[0] == "UBND phường Đông Hưng Thuận"
    assert names[1:3] == ["Nguyễn Văn Quá", "Tô Ký"]
    assert ex.assembly_place == "UBND phường Đông Hưng Thuận"


# -- a document that is itself a ceremony's programme ---------------------------------------------------------------
PROGRAMME = (
    "UBND XÃ TÂN THẠNH\nCHƯƠNG TRÌNH\nLễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "Thời gian: 7 giờ 30, thứ Hai, ngày 30/9/2024\nĐịa điểm: Hội trường UBND xã Tân Thạnh\n\n"
    "7h30 – 7h40{gap}Văn nghệ chào mừng\n"
    "7h40 – 7h55{gap}Diễn văn khai mạc – {first}\n"
    "7h55 – 8h10{gap}Tham luận của bà Võ Thị Hạnh, Giám đốc Trung tâm học tập cộng đồng xã\n"
    "8h10{gap}Bế mạc\n\nGhi chú: các đơn vị có mặt trước 7 giờ 15.\n"
)


@pytest.mark.parametrize(
    ("gap", "first"),
    [("   ", "ông Lý Văn Tài, Chủ tịch UBND xã"), ("\t", "đồng chí Lý Văn Tài, Chủ tịch UBND xã")],
)
def test_a_programme_document_names_who_takes_part(gap: str, first: str) -> None:
    ex = extract(PROGRAMME.format(gap=gap, first=first), "ct.txt")
    got = {o.name: o.targets for o in ex.events.officials}
    assert set(got) == {"Lý Văn Tài", "Võ Thị Hạnh"}
    assert all(t == ["Hội trường UBND xã Tân Thạnh"] for t in got.values())


# -- a start the data knows on its street, the ward's seat being elsewhere ---------------------------------------
def test_a_start_known_on_its_street_needs_no_way_out() -> None:
    """(A guard: the way out is made only from a place's known position, not from its unit's seat.)"""
    text = (
        "UBND PHƯỜNG TÂN SƠN HÒA\nTHÔNG BÁO\nDiễu hành cổ động hưởng ứng Tuần lễ học tập suốt đời năm 2025\n"
        "Lễ khai mạc lúc 14 giờ 30, thứ Bảy, ngày 04/10/2025 tại khu vực sân khấu Công viên Hoàng Văn Thụ; "
        "đoàn diễu hành xuất phát lúc 15 giờ 00 cùng ngày.\n"
        "Lộ trình: Công viên Hoàng Văn Thụ – Hoàng Văn Thụ – Út Tịch – Cộng Hòa – LOTTE Mart Cộng Hòa.\n"
        "Phương tiện: 02 xe mô tô CSGT, 04 xe hoa.\n"
    )
    assert route_of(plan_data(text))[:4] == ["Công viên Hoàng Văn Thụ", "Hoàng Văn Thụ", "Út Tịch", "Cộng Hòa"]


# -- a numbered heading ending with a colon over the ceremony's own fields -----------------------------------------
@pytest.mark.parametrize(
    ("head", "fields"),
    [
        ("THÔNG BÁO", "1. Lễ phát động cấp xã:\n- Thời gian: 14 giờ 30, thứ Năm, ngày 03/10/2024.\n- Địa điểm: {v}.\n"),
        ("KẾ HOẠCH", "2. Lễ khai mạc Tuần lễ:\n+ Thời gian: 7h30 ngày 03/10/2024\n+ Địa điểm: {v}\n"),
    ],
)
def test_a_heading_ending_with_a_colon_over_its_own_fields_is_the_ceremony(head: str, fields: str) -> None:
    text = f"UBND XÃ PHÚ HÒA\n{head}\nV/v tổ chức Tuần lễ học tập suốt đời năm 2024\n" + fields.format(
        v="Trung tâm học tập cộng đồng xã Phú Hòa"
    )
    [ceremony] = extract(text, "tb.txt").events.ceremonies
    assert (str(ceremony.date), ceremony.place) == ("2024-10-03", "Trung tâm học tập cộng đồng xã Phú Hòa")
