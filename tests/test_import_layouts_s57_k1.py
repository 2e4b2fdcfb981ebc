"""Routes and vehicles met on the seen sets heldout110–111, each written here in other words (other units, names and
places; no corpus document): a police plan whose column's line-up has no police vehicles and whose own vehicles are
listed in a paragraph of their own under its forces ("2. Phương tiện:" below "IV. LỰC LƯỢNG, PHƯƠNG TIỆN CỦA CÔNG
AN"), a fire engine or an ambulance in the line-up (another kind, never a police car, even the fire police's), and
a U-turn said after the place it is made at in running prose ("tại ngã tư A quay đầu", "tại vòng xoay B, đoàn xe
quay đầu trở lại đường C")."""

from __future__ import annotations

import pytest

from paradeplan.importer.extract import extract
from paradeplan.importer.prose import prose_steps

WARD = "ỦY BAN NHÂN DÂN\nPHƯỜNG HÒA BÌNH\nSố: 58/KH-UBND\nHòa Bình, ngày 15 tháng 9 năm 2025\nKẾ HOẠCH\n"
POLICE = (
    "CÔNG AN TỈNH ĐỒNG NAI\nCÔNG AN THÀNH PHỐ BIÊN HÒA\nSố: 902/KH-CATP\nBiên Hòa, ngày 18 tháng 9 năm 2025\n"
    "KẾ HOẠCH\nBảo đảm trật tự an toàn giao thông đoàn xe hoa Tuần lễ học tập suốt đời năm 2025\n\n"
    "I. THỜI GIAN, THÀNH PHẦN\n"
    "1. Thời gian: ngày 03/10/2025, xuất phát lúc 07 giờ 00 tại Quảng trường Tỉnh.\n"
    "2. Thành phần đoàn xe diễu hành:\n"
    "- 06 xe hoa của 6 phường;\n"
    "- 01 xe loa của Trung tâm Văn hóa thành phố.\n\n"
    "II. LỰC LƯỢNG, PHƯƠNG TIỆN CỦA CÔNG AN THÀNH PHỐ\n"
    "1. Lực lượng: 40 cán bộ, chiến sĩ.\n"
    "2. Phương tiện:\n"
    "- 01 xe ô tô chỉ huy;\n"
    "- 02 xe ô tô tuần tra Cảnh sát giao thông;\n"
    "- 09 xe mô tô Cảnh sát giao thông;\n"
    "- 06 xe mô tô của Công an các phường.\n\n"
    "III. PHÂN CÔNG\n"
    "1. Công an các phường: mỗi phường bố trí 01 xe mô tô đi kèm xe hoa của phường.\n"
)


def _fleet(text: str) -> list[tuple[str, int]]:
    return sorted((g.kind, g.count) for g in extract(text, "ke-hoach.txt").forces)


# -- a police plan: the column's line-up, then the police's own vehicles in a paragraph of their own ---------------
def test_the_police_vehicles_listed_apart_from_the_column_ride_with_it() -> None:
    assert _fleet(POLICE) == [
        ("float", 6),
        ("loudspeaker", 1),
        ("motorbike", 6),
        ("motorbike", 9),
        ("police_car", 1),
        ("police_car", 2),
    ]


def test_a_paragraph_of_other_vehicles_adds_no_police() -> None:
    text = POLICE.replace("CÔNG AN TỈNH ĐỒNG NAI\nCÔNG AN THÀNH PHỐ BIÊN HÒA", "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ BIÊN HÒA")
    text = text.replace("CỦA CÔNG AN THÀNH PHỐ", "HỖ TRỢ").replace("chỉ huy", "của Ban tổ chức")
    text = text.replace("xe ô tô tuần tra Cảnh sát giao thông", "xe ô tô chở khách mời")
    text = text.replace("xe mô tô Cảnh sát giao thông", "xe mô tô của Đoàn Thanh niên")
    text = text.replace("xe mô tô của Công an các phường", "xe mô tô của các trường")
    assert [g for g in extract(text, "ke-hoach.txt").forces if g.kind == "police_car"] == []


# -- a fire engine or an ambulance: another kind, whoever owns it -------------------------------------------------
@pytest.mark.parametrize(
    "said",
    [
        "01 xe cứu hỏa của Đội Cảnh sát PCCC khu vực (đi cuối đoàn)",
        "01 xe chữa cháy mini của Công an phường đi cuối đoàn",
        "01 xe ô tô chữa cháy của Phòng Cảnh sát PCCC",
        "01 xe cứu thương của Công an phường",
    ],
)
def test_a_fire_engine_or_an_ambulance_is_no_police_car(said: str) -> None:
    text = WARD + "Diễu hành xe hoa\n3. Thành phần đoàn xe:\n- 04 xe hoa của các khu phố;\n- " + said + ".\n"
    assert _fleet(text) == [("float", 4), ("other", 1)]


def test_the_police_cars_of_a_police_clause_are_still_police_cars_beside_an_ambulance() -> None:
    text = WARD + "Diễu hành xe hoa\n3. Phân công:\n- Công an phường: 01 xe ô tô cứu thương và 02 xe ô tô dẫn đoàn.\n"
    assert ("police_car", 2) in _fleet(text) and ("other", 1) in _fleet(text)


# -- "tại ngã tư A quay đầu": a U-turn said after its place -------------------------------------------------------
_OUT = "Xuất phát từ Nhà văn hóa Hòa Bình, đi theo đường Lý Bôn, rẽ phải vào đường Kim Đồng"
_BACK = ", rẽ trái vào đường Lê Lợi, về Nhà văn hóa Hòa Bình."


@pytest.mark.parametrize(
    ("turn", "place"),
    [
        (", tại ngã tư Hàng Gà quay đầu, trở lại đường Kim Đồng", "ngã tư Hàng Gà"),
        ("; tại Vòng xoay Hàng Gà, đoàn xe quay đầu trở lại đường Kim Đồng", "Vòng xoay Hàng Gà"),
        (". Tại Chợ Hàng Gà, đoàn quay đầu, chạy ngược lại đường Kim Đồng", "Chợ Hàng Gà"),
        (", rồi tại ngã tư Hàng Gà thì quay đầu xe, trở lại đường Kim Đồng", "ngã tư Hàng Gà"),
        (", ở vòng xoay Hàng Gà các xe quay đầu, trở lại đường Kim Đồng", "vòng xoay Hàng Gà"),
    ],
)
def test_a_u_turn_said_after_its_place_turns_back_there(turn: str, place: str) -> None:
    steps = [(s.kind, s.name) for s in prose_steps(_OUT + turn + _BACK)]
    assert steps == [
        ("start", "Nhà văn hóa Hòa Bình"),
        ("street", "Lý Bôn"),
        ("street", "Kim Đồng"),
        ("uturn", place),
        ("street", "Kim Đồng"),
        ("street", "Lê Lợi"),
        ("end", "Nhà văn hóa Hòa Bình"),
    ]


def test_a_u_turn_said_after_its_place_in_a_plan_keeps_the_place() -> None:
    text = WARD + "Diễu hành xe hoa\n2. Lộ trình: " + _OUT + ", tại ngã tư Hàng Gà quay đầu, trở lại đường Kim Đồng"
    route = [(s.kind, s.name, s.uturn) for s in extract(text + _BACK + "\n", "ke-hoach.txt").route]
    assert ("place", "ngã tư Hàng Gà", True) in route
    assert [n for k, n, _u in route if k == "street"] == ["Lý Bôn", "Kim Đồng", "Kim Đồng", "Lê Lợi"]


def test_a_u_turn_here_after_the_place_reached_is_read_as_before() -> None:
    steps = [(s.kind, s.name) for s in prose_steps(_OUT + ", đến Chợ Hàng Gà, tại đây đoàn quay đầu" + _BACK)]
    assert ("uturn", "Chợ Hàng Gà") in steps


def test_a_list_item_with_a_u_turn_said_after_its_place_names_only_the_place() -> None:
    text = (
        WARD + "Diễu hành xe hoa\n2. Lộ trình:\n1. Xuất phát: Nhà văn hóa Hòa Bình.\n"
        "2. Đường Lý Bôn, rẽ phải ra đường Kim Đồng.\n3. Tại ngã tư Hàng Gà quay đầu, trở lại đường Kim Đồng.\n"
        "4. Rẽ trái vào đường Lê Lợi, về Nhà văn hóa Hòa Bình (kết thúc).\n"
    )
    route = [(s.kind, s.name, s.uturn) for s in extract(text, "ke-hoach.txt").route]
    assert route[3] == ("place", "ngã tư Hàng Gà", True)
    assert route[4] == ("street", "Kim Đồng", False)
