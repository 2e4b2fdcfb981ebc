"""Layouts met on the blind sets heldout21 and heldout22, each generated in variants (other names, streets, years,
wording; no corpus document): a route in prose that goes on over the next lines' sentences ("Tại đây đoàn rẽ phải
…", "Rẽ trái theo …"), a U-turn "trở về theo lộ trình cũ" before the end at the start, a distance after a street
("khoảng 100 m"), an official "cùng toàn bộ đoàn" who goes along, a leaders' work schedule ("Thứ, ngày | Thời gian
| Nội dung công việc | Lãnh đạo | Địa điểm") whose rows name leaders by their given name and an itinerary of two
visits, and ceremonies written without "Lễ" ("dự khai trương …", "Chương trình tôn vinh …")."""

from __future__ import annotations

import pytest

from imported import WARD, ceremonies_of, plan_data, wishes_of
from paradeplan.importer.extract import extract
from paradeplan.importer.prose import prose_steps


# -- routes ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("start", "first", "turn", "second", "third", "end"),
    [
        ("UBND phường Thới An", "Lê Văn Khương", "Tại đây", "Thới An 11", "Lê Thị Riêng", "UBND Quận 12"),
        ("Trường THCS Nguyễn Ảnh Thủ", "Nguyễn Ảnh Thủ", "Từ đây", "Tô Ký", "Dương Thị Mười", "Công viên Tô Ký"),
        ("Nhà văn hóa An Phú Đông", "Vườn Lài", "Đến đó", "Hà Huy Giáp", "Thạnh Lộc 16", "Đình An Phú Đông"),
    ],
)
def test_a_route_in_prose_goes_on_over_the_sentences_of_the_next_lines(
    start: str, first: str, turn: str, second: str, third: str, end: str
) -> None:
    text = (
        WARD.format(ward="THỚI AN", ward_t="Thới An", year=2024)
        + "Tổ chức diễu hành cổ động Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
        "2. Diễu hành\n"
        "Khoảng 7 giờ 45 phút ngày 01/10/2024 đoàn diễu hành xuất phát.\n"
        f"Đoàn xuất phát từ {start}, theo đường {first} đến ngã ba {second}.\n"
        f"{turn} đoàn rẽ phải vào đường {second}, đi hết đường thì ra đường {third}.\n"
        f"Rẽ trái theo đường {third} về đến {end} thì dừng, đoàn tập kết tại khuôn viên {end} để dự lễ.\n"
        "(Tổng chiều dài lộ trình khoảng 3,2 km.)\n"
    )
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route] == [start, first, second, third, end]
    assert not [u for u in ex.unresolved if u.startswith("route:")]


def test_a_sentence_of_its_own_after_the_route_is_not_read_into_it() -> None:
    text = (
        WARD.format(ward="THỚI AN", ward_t="Thới An", year=2024)
        + "Đoàn xuất phát từ UBND phường Thới An, theo đường Lê Văn Khương đến ngã ba Thới An 11, rẽ phải vào đường "
        "Thới An 11 và kết thúc tại Chợ Thới An.\n"
        "Rẽ phải vào đường Lê Thị Riêng là lối ra của xe cứu thương.\n"
    )
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route] == ["UBND phường Thới An", "Lê Văn Khương", "Thới An 11", "Chợ Thới An"]


@pytest.mark.parametrize(
    ("school", "out", "turn_at"),
    [
        ("Trường THCS An Phú Đông", ["Vườn Lài", "Đỗ Mười", "Hà Huy Giáp"], "Chợ Thạnh Xuân"),
        ("Trường Tiểu học Thới An", ["Lê Thị Riêng", "Thới An 11"], "Đình Thới An"),
    ],
)
def test_a_u_turn_and_the_way_back_along_the_way_out_before_the_end_at_the_start(
    school: str, out: list[str], turn_at: str
) -> None:
    moves = f"theo đường {out[0]} về hướng ngã tư {out[1]}; đến ngã tư rẽ phải theo đường {out[1]} khoảng 100 m"
    moves += f" rồi rẽ trái vào đường {out[2]}" if len(out) == 3 else ""
    text = (
        WARD.format(ward="AN PHÚ ĐÔNG", ward_t="An Phú Đông", year=2025)
        + f"Lộ trình: từ cổng {school} {moves}; đi thẳng đường {out[-1]} đến trước {turn_at} thì quay đầu, trở về "
        f"theo lộ trình cũ ({' – '.join(reversed(out))}) và kết thúc tại sân {school}.\n"
    )
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route] == [school, *out, turn_at, *reversed(out), school]
    assert [s.name for s in ex.route if s.uturn] == [turn_at]


@pytest.mark.parametrize("far", ["khoảng 100 m", "chừng 2 km", "dài 300 m"])
def test_how_far_the_column_goes_along_a_street_is_no_part_of_its_name(far: str) -> None:
    steps = prose_steps(f"từ Chợ Thới An theo đường Lê Thị Riêng {far} rồi rẽ trái vào đường Thới An 11")
    assert [s.name for s in steps] == ["Chợ Thới An", "Lê Thị Riêng", "Thới An 11"]


# -- officials ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("person", "others"),
    [
        ("Lê Hoàng Phúc", "cùng toàn bộ đoàn diễu hành của phường"),
        ("Nguyễn Thị Thu Hà", "cùng với các em học sinh"),
        ("Trần Minh Quân", "cùng đại diện các đoàn thể"),
    ],
)
def test_who_goes_along_with_an_official_is_no_part_of_the_name(person: str, others: str) -> None:
    text = (
        WARD.format(ward="THỚI AN", ward_t="Thới An", year=2024)
        + "Lễ khai mạc Tuần lễ năm 2024 của Quận 12 bắt đầu lúc 8 giờ 30 phút ngày 01/10/2024 tại UBND Quận 12. "
        f"Đồng chí {person} {others} dự lễ.\n"
    )
    assert wishes_of(plan_data(text)) == {person: ["UBND Quận 12"]}


def _schedule(rows: list[str], leaders: list[str]) -> str:
    head = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG CỬA NAM\nSố: 41/LCT-UBND\nCửa Nam, ngày 26 tháng 9 năm 2025\nLỊCH CÔNG TÁC TUẦN\n"
        "của Chủ tịch, các Phó Chủ tịch UBND phường\n(Từ ngày 29/9/2025 đến ngày 05/10/2025)\nLãnh đạo UBND phường:\n"
    )
    people = "".join(
        f"- Đồng chí {p} – {'Chủ tịch' if k == 0 else 'Phó Chủ tịch'} UBND phường;\n" for k, p in enumerate(leaders)
    )
    table = "| Thứ, ngày | Thời gian | Nội dung công việc | Lãnh đạo | Địa điểm |\n" + "".join(rows)
    return head + people + "\n" + table + "\n"


@pytest.mark.parametrize(
    ("leaders", "a", "b", "c"),
    [
        (
            ["Lương Quốc Khánh", "Tạ Thị Minh Nguyệt"],
            "Trường THPT Trần Phú",
            "Thư viện Hà Nội",
            "Cung Văn hóa Hữu nghị",
        ),
        (["Đỗ Văn Hùng", "Phan Thị Mai"], "Trường THCS Chu Văn An", "Nhà văn hóa phường", "Nhà hát Lớn"),
    ],
)
def test_a_leaders_work_schedule_with_given_names_and_a_row_of_two_visits(
    leaders: list[str], a: str, b: str, c: str
) -> None:
    first, second = (name.split()[-1] for name in leaders)
    rows = [
        f"| Thứ Hai 29/9 | 8:00 | Giao ban Thường trực UBND phường | Đ/c {first}, Đ/c {second} | Phòng họp tầng 2 |\n",
        f"| Thứ Tư 01/10 | 7:30 | Dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025 của phường tại {a}, "
        f"sau đó dự khai trương Không gian đọc sách cộng đồng tại {b} (9:30) | Đ/c {first}, Đ/c {second} "
        f"| {a}; {b} |\n",
        f"| Thứ Tư 01/10 | 14:00 | Kiểm tra công tác phòng cháy chữa cháy | Đ/c {first} | Theo kế hoạch |\n",
        f"| Thứ Năm 02/10 | 8:30 | Dự Chương trình tôn vinh “Công dân học tập” tiêu biểu năm 2025 | Đ/c {second} "
        f"| {c} |\n",
    ]
    data = plan_data(_schedule(rows, leaders))
    assert ceremonies_of(data) == [("2025-10-01", "07:30", a), ("2025-10-01", "09:30", b), ("2025-10-02", "08:30", c)]
    names = {c["name"] for c in data["ceremonies"]}
    assert any(n.startswith("Chương trình tôn vinh") for n in names), names
    assert wishes_of(data) == {leaders[0]: [a, b], leaders[1]: [a, b, c]}


def test_a_given_name_two_leaders_share_stays_as_written() -> None:
    rows = [
        "| Thứ Tư 01/10 | 7:30 | Dự Lễ khai mạc Tuần lễ tại Trường THCS Trưng Vương | Đ/c Hà "
        "| Trường THCS Trưng Vương |\n"
    ]
    data = plan_data(_schedule(rows, ["Nguyễn Thu Hà", "Lê Thị Hà"]))
    assert list(wishes_of(data)) == ["Đ/c Hà"]


def test_a_row_time_is_its_first_visit_and_the_bracketed_time_the_second() -> None:
    rows = [
        "| Thứ Sáu 03/10 | 8:00 | Dự Lễ trao học bổng tại Trường THCS Trưng Vương, sau đó dự Lễ ra mắt câu lạc bộ "
        "đọc sách tại Nhà văn hóa phường (10:00) | Đ/c Nghĩa | Trường THCS Trưng Vương; Nhà văn hóa phường |\n"
    ]
    data = plan_data(_schedule(rows, ["Bùi Hữu Nghĩa"]))
    assert ceremonies_of(data) == [
        ("2025-10-03", "08:00", "Trường THCS Trưng Vương"),
        ("2025-10-03", "10:00", "Nhà văn hóa phường"),
    ]
    assert wishes_of(data) == {"Bùi Hữu Nghĩa": ["Trường THCS Trưng Vương", "Nhà văn hóa phường"]}
