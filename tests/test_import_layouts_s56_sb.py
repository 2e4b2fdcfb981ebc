"""Route steps the importer missed (s56 sb): a table of a route's stages, a numbered row each holding a chain of
arrows, is one route; a cross street named after a day ("3 Tháng 2") is a stretch's end, not a date; a place the
column circles before going back onto the street it came along is where it turns back; "… vào đường A về điểm
xuất phát" ends at the start. Invented offices, streets and places; no corpus document."""

from __future__ import annotations

from paradeplan.importer.extract import extract
from paradeplan.importer.prose import prose_steps, stretch_of
from paradeplan.importer.reader import rows_lines
from paradeplan.importer.text import Folded

#: A route's stages as a Word table: each stage starts on the street the one before ended on.
STAGES = [
    ["Chặng", "Lộ trình", "Ghi chú"],
    ["1", "Nhà Văn hóa phường Tân An → Hai Bà Trưng → Lý Tự Trọng", "Xuất phát"],
    ["2", "Lý Tự Trọng → Ngã ba Cây Gõ → Lý Tự Trọng → Nguyễn Thái Học", "Quay đầu tại Ngã ba Cây Gõ"],
    ["3", "Nguyễn Thái Học → Hai Bà Trưng → Nhà Văn hóa phường Tân An", "Kết thúc"],
]


def test_stage_table_is_one_route_line() -> None:
    lines = rows_lines(STAGES)
    assert lines == [
        "Lộ trình: Nhà Văn hóa phường Tân An → Hai Bà Trưng → Lý Tự Trọng → Ngã ba Cây Gõ (quay đầu) → Lý Tự Trọng"
        " → Nguyễn Thái Học → Hai Bà Trưng → Nhà Văn hóa phường Tân An."
    ]


def test_stage_table_route_reads_every_step() -> None:
    text = "KẾ HOẠCH\nTổ chức diễu hành ngày 02/10/2025.\n" + "\n".join(rows_lines(STAGES)) + "\n"
    route = extract(text).route
    assert [s.name for s in route] == [
        "Nhà Văn hóa phường Tân An",
        "Hai Bà Trưng",
        "Lý Tự Trọng",
        "Ngã ba Cây Gõ",
        "Lý Tự Trọng",
        "Nguyễn Thái Học",
        "Hai Bà Trưng",
        "Nhà Văn hóa phường Tân An",
    ]
    assert route[3].uturn


def test_a_table_of_one_stage_is_no_stage_table() -> None:
    assert not any(line.startswith("Lộ trình: ") and line.count("→") > 2 for line in rows_lines(STAGES[:2]))


def test_street_named_after_a_day_ends_a_stretch() -> None:
    s = stretch_of(Folded.of("- Hai Bà Trưng: đoạn từ Chợ Tân An đến 3 Tháng 2;"))
    assert s is not None and s.end == "3 Tháng 2"
    s = stretch_of(Folded.of("- 3 Tháng 2: đoạn từ Hai Bà Trưng đến Lý Tự Trọng;"))
    assert s is not None and s.start == "Hai Bà Trưng"


def test_days_are_still_no_stretch() -> None:
    assert stretch_of(Folded.of("- Thời gian: từ 1 tháng 10 đến 7 tháng 10;")) is None
    assert stretch_of(Folded.of("- Hai Bà Trưng: đoạn từ 7 giờ đến 9 giờ;")) is None


def test_circled_place_then_back_onto_the_same_street_is_a_uturn() -> None:
    steps = prose_steps(
        "xuất phát từ Nhà Văn hóa phường Tân An, theo đường Hai Bà Trưng, đến Vòng xoay Cây Gõ đi vòng quanh và "
        "quay lại đường Hai Bà Trưng, rẽ phải vào đường Lý Tự Trọng."
    )
    assert [(s.kind, s.name) for s in steps] == [
        ("start", "Nhà Văn hóa phường Tân An"),
        ("street", "Hai Bà Trưng"),
        ("uturn", "Vòng xoay Cây Gõ"),
        ("street", "Hai Bà Trưng"),
        ("street", "Lý Tự Trọng"),
    ]


def test_back_onto_another_street_is_no_uturn() -> None:
    steps = prose_steps(
        "xuất phát từ Nhà Văn hóa phường Tân An, theo đường Hai Bà Trưng, đến Vòng xoay Cây Gõ, "
        "quay lại đường Lý Tự Trọng."
    )
    assert all(s.kind != "uturn" for s in steps)


def test_back_to_the_start_by_its_role_after_a_street() -> None:
    steps = prose_steps(
        "xuất phát từ Nhà Văn hóa phường Tân An, theo đường Hai Bà Trưng, rẽ trái vào đường Lý Tự Trọng về điểm "
        "xuất phát."
    )
    assert ("street", "Lý Tự Trọng") in [(s.kind, s.name) for s in steps]
