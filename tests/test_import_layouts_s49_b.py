"""Layouts met on the blind sets heldout69/70, each written here in variants (other names, days and places; no
corpus document): stretches numbered "Đoạn n." with the landmarks they pass, a stretch whose end is its U-turn
("đến Chợ A (quay đầu)"), two blocks that each start from a place of their own and go on together once joined, and
a total line that repeats the blocks' vehicles."""

from __future__ import annotations

import datetime

import pytest

from paradeplan.importer.extract import extract
from paradeplan.importer.prose import stretch_of
from paradeplan.importer.text import Folded

# -- stretches numbered "Đoạn n." ---------------------------------------------------------------------------------
NUMBERED = (
    "CÔNG AN PHƯỜNG HẠNH THÔNG\nSố: 31/KH-CAP\nHạnh Thông, ngày 22 tháng 9 năm 2025\nKẾ HOẠCH\n"
    "Bảo đảm an toàn giao thông đoàn diễu hành Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
    "1. Thời gian: đoàn xuất phát lúc 7 giờ 00 ngày 04/10/2025.\n"
    "2. Tuyến diễu hành gồm các đoạn:\n"
    "{n1} Đường Nguyễn Kiệm: từ cổng Trường THCS Hạnh Thông đến ngã ba Nguyễn Kiệm - Nguyễn Thái Sơn"
    " (qua Chợ Gò Vấp).\n"
    "{n2} Đường Nguyễn Thái Sơn: từ ngã ba Nguyễn Kiệm - Nguyễn Thái Sơn, qua Bưu điện Gò Vấp, Nhà thờ Hạnh"
    " Thông Tây, đến ngã tư Nguyễn Thái Sơn - Phạm Văn Đồng.\n"
    "{n3} Đường Phạm Văn Đồng: từ ngã tư Nguyễn Thái Sơn - Phạm Văn Đồng đến Công viên Gia Định; đoàn giải tán.\n"
    "3. Phương tiện: 05 xe hoa, 01 xe loa.\n"
)


@pytest.mark.parametrize(
    ("n1", "n2", "n3"),
    [
        ("Đoạn 1.", "Đoạn 2.", "Đoạn 3."),
        ("Chặng 1:", "Chặng 2:", "Chặng 3:"),
        ("Đoạn thứ nhất –", "Đoạn thứ hai –", "Đoạn thứ ba –"),
    ],
)
def test_stretches_numbered_with_the_landmarks_they_pass(n1: str, n2: str, n3: str) -> None:
    ex = extract(NUMBERED.format(n1=n1, n2=n2, n3=n3), "kh.txt")
    assert [s.name for s in ex.route] == [
        "Trường THCS Hạnh Thông",
        "Nguyễn Kiệm",
        "Nguyễn Thái Sơn",
        "Phạm Văn Đồng",
        "Công viên Gia Định",
    ]
    assert ex.route[-1].end


# -- a stretch whose end is its U-turn ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "said",
    [
        "- Lê Văn Khương: đoạn từ Ngã tư Ga đến Chợ Thới An (quay đầu);",
        "- Đường Lê Văn Khương: từ Ngã tư Ga đến Chợ Thới An thì quay đầu xe;",
        "- Lê Văn Khương – đoạn từ Ngã tư Ga đến Chợ Thới An, quay đầu;",
        "- Lê Văn Khương: từ Ngã tư Ga đến Chợ Thới An (điểm quay đầu), 1,5 km;",
    ],
)
def test_a_stretch_whose_end_is_its_u_turn(said: str) -> None:
    s = stretch_of(Folded.of(said))
    assert s is not None and s.end == "Chợ Thới An" and s.uturn == "Chợ Thới An"


def test_a_stretch_that_turns_elsewhere_or_not_at_all() -> None:
    turned = stretch_of(Folded.of("- Đường Hà Huy Giáp: từ Cầu Phú Long đến Chợ Thạnh Xuân, quay đầu xe tại Bến đò;"))
    assert turned is not None and turned.uturn == "Bến đò"
    plain = stretch_of(Folded.of("- Đường Hà Huy Giáp: từ Cầu Phú Long đến Chợ Thạnh Xuân;"))
    assert plain is not None and plain.uturn is None


TABLE_UTURN = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG THỚI AN\nSố: 77/KH-UBND\nThới An, ngày 18 tháng 9 năm 2025\nKẾ HOẠCH\n"
    "Diễu hành cổ động Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
    "1. Thời gian: 7 giờ 30 ngày 03/10/2025.\n"
    "2. Lộ trình\n"
    "- Lê Thị Riêng: đoạn từ UBND phường Thới An đến Giao lộ Lê Thị Riêng – Lê Văn Khương;\n"
    "- Lê Văn Khương: đoạn từ Giao lộ Lê Thị Riêng – Lê Văn Khương đến Chợ Thới An {turn};\n"
    "- Lê Văn Khương: đoạn từ Chợ Thới An đến Giao lộ Lê Văn Khương – Lê Thị Riêng;\n"
    "- Lê Thị Riêng: đoạn từ Giao lộ Lê Văn Khương – Lê Thị Riêng đến UBND phường Thới An;\n"
    "3. Phương tiện: 04 xe hoa.\n"
)


@pytest.mark.parametrize("turn", ["(quay đầu)", "thì quay đầu"])
def test_the_u_turn_place_between_two_stretches_of_one_street(turn: str) -> None:
    ex = extract(TABLE_UTURN.format(turn=turn), "kh.txt")
    names = [s.name for s in ex.route]
    assert names[1:5] == ["Lê Thị Riêng", "Lê Văn Khương", "Chợ Thới An", "Lê Văn Khương"]
    assert ex.route[3].uturn


# -- two blocks that start apart and go on together ---------------------------------------------------------------
BLOCKS = (
    "ỦY BAN NHÂN DÂN\nQUẬN GÒ VẤP\nSố: 120/KH-UBND\nGò Vấp, ngày 16 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Diễu hành cổ động Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "II. NỘI DUNG\n"
    "1. Thời gian: thứ Bảy, ngày 05/10/2024.\n"
    "2. Đoàn diễu hành gồm hai {block} xuất phát từ hai nơi, gặp nhau tại Vòng xoay Phan Văn Trị.\n"
    "a) {Block} 1 (các phường 1, 3, 4):\n"
    "- Tập trung lúc 6h30 tại Công viên Làng Hoa; xuất phát lúc 7h00.\n"
    "- Lộ trình: Công viên Làng Hoa - đường Nguyễn Văn Lượng - Vòng xoay Phan Văn Trị, chờ {block} 2.\n"
    "- Phương tiện: 04 xe hoa, 01 xe ô tô CSGT dẫn đoàn.\n"
    "b) {Block} 2 (các phường 5, 6, 7):\n"
    "- Tập trung lúc 6h30 tại Chợ Hạnh Thông Tây; xuất phát lúc 7h10.\n"
    "- Lộ trình: Chợ Hạnh Thông Tây - đường Quang Trung - đường Phan Văn Trị\n"
    "\n"
    "- Vòng xoay Phan Văn Trị, đi sau {block} 1.\n"
    "- Phương tiện: 03 xe hoa, 02 xe mô tô CSGT.\n"
    "c) Sau khi nhập đoàn (khoảng 7h30 tại Vòng xoay Phan Văn Trị): cả đoàn tiếp tục theo đường Phan Văn Trị,"
    " qua Chợ Gò Vấp, đến Công viên Gia Định thì giải tán.\n"
    "- Tổng số phương tiện: 07 xe hoa, 03 xe CSGT.\n"
)


@pytest.mark.parametrize(("block", "Block"), [("khối", "Khối"), ("nhánh", "Nhánh")])
def test_two_blocks_that_start_apart_and_go_on_together(block: str, Block: str) -> None:  # noqa: N803
    ex = extract(BLOCKS.format(block=block, Block=Block), "kh.txt")
    routes = [[s.name for s in r.route] for r in [ex, *ex.more_parades]]
    assert routes == [
        ["Công viên Làng Hoa", "Nguyễn Văn Lượng", "Vòng xoay Phan Văn Trị", "Phan Văn Trị", "Công viên Gia Định"],
        [
            "Chợ Hạnh Thông Tây",
            "Quang Trung",
            "Phan Văn Trị",
            "Vòng xoay Phan Văn Trị",
            "Phan Văn Trị",
            "Công viên Gia Định",
        ],
    ]
    assert [ex.departure_time, ex.more_parades[0].departure_time] == [datetime.time(7, 0), datetime.time(7, 10)]
    counts = sorted((f.kind, f.count) for r in [ex, *ex.more_parades] for f in r.forces)
    assert counts == [("float", 3), ("float", 4), ("motorbike", 2), ("police_car", 1)]


# -- a total line that repeats the groups' vehicles --------------------------------------------------------------
def test_a_total_that_counts_the_police_cars_and_motorbikes_together() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN THỚI HIỆP\nSố: 12/KH-UBND\nngày 15 tháng 9 năm 2025\nKẾ HOẠCH\n"
        "Diễu hành xe hoa Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        "1. Thời gian: 7 giờ 00 ngày 02/10/2025.\n"
        "2. Lộ trình: UBND phường Tân Thới Hiệp - đường Lê Văn Khương - đường Hà Huy Giáp"
        " - UBND phường Tân Thới Hiệp.\n"
        "3. Phương tiện\n"
        "- Khu phố 1 đến 4: 04 xe hoa, 01 xe ô tô Công an dẫn đoàn.\n"
        "- Các trường học: 03 xe hoa, 02 xe mô tô Công an.\n"
        "- Đi cuối đoàn: 01 xe cứu thương của Trạm Y tế.\n"
        "- Tổng số phương tiện: 07 xe hoa, 03 xe công an, 01 xe cứu thương.\n"
    )
    ex = extract(text, "kh.txt")
    total = sorted((f.kind, f.count) for f in ex.forces)
    assert total == [("float", 3), ("float", 4), ("motorbike", 2), ("other", 1), ("police_car", 1)]
