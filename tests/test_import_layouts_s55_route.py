"""Layouts met on the blind sets heldout97, heldout98, heldout102 and heldout103, each written here in other words
(other names, days and places; no corpus document): a route's last step "theo đường A về Công viên B" (the street,
then the place it ends at), a prose route in a text cut at 120 columns with a junction's name broken over two lines,
a direction "về hướng Ngã tư C" before the turns of a sentence, a line of vehicles that opens with a count under a
lettered heading, and a lead car of the organisers."""

from __future__ import annotations

from paradeplan.importer.extract import extract
from paradeplan.importer.prose import prose_steps
from paradeplan.importer.routes import find_cue
from paradeplan.importer.text import Folded, logical_lines

HEAD = "ỦY BAN NHÂN DÂN\nPHƯỜNG HIỆP BÌNH\nSố: 52/KH-UBND\nHiệp Bình, ngày 16 tháng 9 năm 2025\nKẾ HOẠCH\n"


def _route(text: str) -> list[tuple[str, str]]:
    ex = extract(HEAD + text, "lo-trinh.txt")
    return [("street" if s.kind == "street" else "place", s.name) for s in ex.route]


def _forces(text: str) -> list[tuple[str, int]]:
    ex = extract(HEAD + "Diễu hành xe hoa năm 2025\n" + text, "xe.txt")
    return [(f.kind, f.count) for f in ex.forces]


# -- "theo đường A về Công viên B": the street, then the place the column ends at ------------------------------------
def test_a_street_followed_back_to_a_park_is_the_street_then_the_park() -> None:
    steps = prose_steps("theo đường Lý Chiêu Hoàng về Công viên Văn hóa Đầm Sen, kết thúc lộ trình")
    assert [(s.kind, s.name) for s in steps] == [("street", "Lý Chiêu Hoàng"), ("end", "Công viên Văn hóa Đầm Sen")]


def test_a_place_whose_name_starts_with_cong_is_no_gate() -> None:
    steps = prose_steps("rẽ phải vào đường Lạc Long Quân về Công an phường 10")
    assert [(s.kind, s.name) for s in steps] == [("street", "Lạc Long Quân"), ("end", "Công an phường 10")]
    gate = prose_steps("theo đường Âu Cơ đến cổng Trường Tiểu học Lạc Hồng")  # "cổng": the gate of the school
    assert [(s.kind, s.name) for s in gate] == [("street", "Âu Cơ"), ("place", "Trường Tiểu học Lạc Hồng")]


def test_bullets_whose_last_one_goes_back_to_a_park_end_there() -> None:
    text = (
        "3. Lộ trình (khoảng 9 km):\n"
        "+ Từ Nhà văn hóa phường, đoàn xe đi theo đường Kha Vạn Cân hướng về Hiệp Bình;\n"
        "+ rẽ phải vào đường Hiệp Bình, đến cuối đường rẽ trái vào đường Phạm Văn Đồng;\n"
        "+ theo đường Phạm Văn Đồng về Công viên Gia Định, kết thúc lộ trình.\n"
    )
    route = _route(text)
    assert route[-2:] == [("street", "Phạm Văn Đồng"), ("place", "Công viên Gia Định")]


# -- a prose route in a text cut at 120 columns, a junction's name broken over two lines -----------------------------
_CUT_120 = (
    "1. Mục đích\n"
    "Tuyên truyền sâu rộng về Tuần lễ hưởng ứng học tập suốt đời năm 2025 đến các tầng lớp Nhân dân trên địa bàn, góp\n"
    "phần xây dựng xã hội học tập; khuyến khích mỗi gia đình, dòng họ, cộng đồng tham gia các hoạt động đọc sách và\n"
    "học tập thường xuyên tại nhà văn hóa khu phố, thư viện phường và các trung tâm học tập cộng đồng trong Tuần lễ.\n"
    "\n"
    "2. Lộ trình\n"
    "Đoàn xe xuất phát từ Nhà văn hóa phường Hiệp Bình, lưu thông trên Quốc lộ 13 theo hướng cầu Bình Triệu đến Ngã 3\n"
    "Cây Xoài thì quay đầu, tiếp tục theo Quốc lộ 13 về hướng Ngã tư Bình Phước, rẽ phải vào đường Hiệp Bình, rẽ\n"
    "trái vào đường Kha Vạn Cân, trở về Nhà văn hóa phường Hiệp Bình và kết thúc (dự kiến 10 giờ 00). Các xe giữ\n"
    "đúng đội hình trên toàn lộ trình, không tách đoàn, giảm tốc độ khi đi qua khu vực chợ và trường học trên tuyến.\n"
)


def test_a_text_cut_at_120_columns_keeps_its_sentences_whole() -> None:
    lines = logical_lines(_CUT_120)
    said = next(x for x in lines if x.startswith("Đoàn xe xuất phát"))
    assert "Ngã 3 Cây Xoài thì quay đầu" in said and said.endswith("trên tuyến.")


def test_a_prose_route_cut_inside_a_junction_s_name_is_read_whole() -> None:
    assert _route(_CUT_120) == [
        ("place", "Nhà văn hóa phường Hiệp Bình"),
        ("street", "Quốc lộ 13"),
        ("place", "Ngã 3 Cây Xoài"),
        ("street", "Quốc lộ 13"),
        ("street", "Hiệp Bình"),
        ("street", "Kha Vạn Cân"),
        ("place", "Nhà văn hóa phường Hiệp Bình"),
    ]


# -- "về hướng Ngã tư C" before the turns: where the column heads, not where it starts -------------------------------
def test_a_direction_to_a_junction_is_not_where_the_turns_start() -> None:
    clause = Folded.of(
        "tiếp tục theo Quốc lộ 1K về hướng Ngã tư Linh Xuân, rẽ trái vào đường Linh Trung, rẽ phải vào đường Tô Vĩnh"
        " Diện, về Chợ Linh Trung."
    )
    cue = find_cue(clause)
    assert cue is not None and "Linh Xuân" not in cue.value
    assert cue.value.startswith("rẽ trái vào đường Linh Trung")


# -- a line of vehicles that opens with its count, under a lettered heading: a count, no numbering -------------------
def test_a_line_of_vehicles_that_opens_with_a_count_keeps_its_first_group() -> None:
    got = _forces(
        "PHỤ LỤC\nA. Chương trình\n06 giờ 30: đón đại biểu.\nB. Thành phần đoàn xe\n"
        "03 xe ô tô Cảnh sát giao thông dẫn đầu; 04 xe mô tô Cảnh sát giao thông; 09 xe hoa của các khu phố;"
        " 02 xe loa.\n"
    )
    assert ("police_car", 3) in got and ("float", 9) in got and ("loudspeaker", 2) in got


# -- a car of the organisers leading the column: their car -----------------------------------------------------------
def test_a_lead_car_of_the_organisers_is_a_car() -> None:
    got = _forces(
        "3. Thành phần đoàn xe: 01 xe ô tô dẫn đoàn của Ban tổ chức; 02 xe mô tô cảnh sát giao thông; 05 xe hoa.\n"
    )
    assert got[0] == ("car", 1)
