"""Layouts met on the blind sets heldout73/74, each written here in other words, days and places (no corpus
document): a route table of points and the column's move at each ("STT | Nút giao | Hướng đi của đoàn | …"), a
programme whose row gives the signal to set off before the column's own row, a one-table plan whose row of a term
("Thời gian: Trước 17:00 ngày …") names the parade, a parade row whose "Địa điểm" cell is the whole route in
arrows, and the attendees of a ceremony as a numbered table under "Thành phần:"."""

from __future__ import annotations

import datetime as dt

import pytest

from paradeplan.importer.extract import extract

HEAD = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG THẠNH XUÂN\nSố: 51/KH-UBND\nThạnh Xuân, ngày 16 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Lễ khai mạc và diễu hành hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
)

# -- a route table of points and moves -----------------------------------------------------------------------------
POINTS = (
    HEAD + "1. Thời gian: tập trung 6 giờ 15, xuất phát 7 giờ 00 ngày 02/10/2024.\n"
    "2. Bảng phân công chốt:\n"
    "{head}\n"
    "1\tCổng Trường THCS Nguyễn Ảnh Thủ\tXuất phát, chạy theo đường Hà Huy Giáp\tTổ 1\t06g00\n"
    "2\tNgã tư Hà Huy Giáp – Thạnh Xuân 25\tRẽ trái vào đường Thạnh Xuân 25\tTổ 2\t06g10\n"
    "3\tNgã ba Thạnh Xuân 25 – Thạnh Xuân 13\tĐi thẳng (không rẽ Thạnh Xuân 13)\tTổ 3\t06g10\n"
    "4\tNgã ba Thạnh Xuân 25 – Tô Ngọc Vân\tRẽ phải vào đường Tô Ngọc Vân\tTổ 4\t06g20\n"
    "5\tSân UBND phường Thạnh Xuân\tKết thúc, giải tán đoàn\tTổ 5\t06g30\n"
    "3. Lực lượng: 01 xe ô tô dẫn đoàn, 06 xe hoa.\n"
)


@pytest.mark.parametrize(
    "head",
    [
        "STT\tNút giao / điểm\tHướng đi của đoàn\tTổ phụ trách\tCó mặt",
        "TT\tVị trí\tHướng di chuyển\tLực lượng\tGiờ có mặt",
    ],
)
def test_a_route_table_of_points_and_the_move_made_at_each(head: str) -> None:
    ex = extract(POINTS.format(head=head), "kh.txt")
    assert [s.name for s in ex.route] == [
        "Trường THCS Nguyễn Ảnh Thủ",
        "Hà Huy Giáp",
        "Thạnh Xuân 25",
        "Tô Ngọc Vân",
        "UBND phường Thạnh Xuân",
    ]


# -- the signal to set off, a row of the ceremony's programme ------------------------------------------------------
SIGNAL = (
    HEAD + "Thời gian: Thứ Tư, ngày 02/10/2024. Địa điểm: Sân Trường Tiểu học Thạnh Xuân.\n\n"
    "| Thời gian | Nội dung | Phụ trách |\n"
    "| 07 giờ 00 – 07 giờ 30 | Khai mạc: chào cờ, diễn văn khai mạc | Chủ tịch UBND phường |\n"
    "| 07 giờ 30 – 07 giờ 40 | {signal} | Chủ tịch UBND phường |\n"
    "| 07 giờ 40 – 09 giờ 00 | Diễu hành: đoàn xuất phát từ cổng trường → đường Hà Huy Giáp → giải tán tại "
    "Chợ Thạnh Xuân | Công an phường |\n"
)


@pytest.mark.parametrize("signal", ["Phát lệnh diễu hành", "Bấm còi xuất phát đoàn xe", "Ra hiệu lệnh khởi hành"])
def test_the_signal_to_set_off_is_no_departure(signal: str) -> None:
    ex = extract(SIGNAL.format(signal=signal), "ct.txt")
    assert ex.departure_time == dt.time(7, 40)


# -- a one-table plan: a row of a term, a parade row whose place cell is the route ----------------------------------
ONE_TABLE = (
    HEAD + "| STT | Nội dung | Thời gian | Địa điểm | Chủ trì |\n"
    "| 1 | Các khu phố đăng ký người tham gia diễu hành | {term} | Qua Văn phòng UBND phường | Khu phố |\n"
    "| 2 | Lễ khai mạc Tuần lễ | 7 giờ 00, ngày 02/10/2024 | Sân Trường Tiểu học Thạnh Xuân | UBND phường |\n"
    "| 3 | Diễu hành cổ động sau lễ khai mạc | Tập trung 06 giờ 30; xuất phát 07 giờ 40, ngày 02/10/2024 "
    "| Từ Trường Tiểu học Thạnh Xuân {arrow} Hà Huy Giáp {arrow} Tô Ngọc Vân {arrow} giải tán tại Chợ Thạnh Xuân "
    "| Đoàn Thanh niên |\n"
)


@pytest.mark.parametrize(
    ("term", "arrow"),
    [("Trước 16:30 ngày 24/9/2024", "→"), ("Chậm nhất 10 giờ 00 ngày 25/9/2024", "->")],
)
def test_a_row_of_a_term_and_a_route_in_the_place_cell(term: str, arrow: str) -> None:
    ex = extract(ONE_TABLE.format(term=term, arrow=arrow), "kh.txt")
    assert ex.departure_time == dt.time(7, 40)
    assert ex.assembly_time == dt.time(6, 30)
    assert ex.assembly_date == dt.date(2024, 10, 2)
    assert ex.assembly_place == "Trường Tiểu học Thạnh Xuân"


# -- attendees as a numbered table under "Thành phần:" --------------------------------------------------------------
ROSTER = (
    HEAD + "1. Lễ khai mạc\n"
    "a) Thời gian: 7 giờ 30 phút, ngày 02/10/2024.\n"
    "b) Địa điểm: Hội trường UBND phường Thạnh Xuân.\n"
    "c) Thành phần:\n"
    "{rows}"
    "2. Diễu hành: xuất phát lúc 8 giờ 15 phút từ Hội trường UBND phường, theo đường Hà Huy Giáp, giải tán tại "
    "Chợ Thạnh Xuân.\n"
)
TABBED = (
    "TT\tHọ và tên\tChức vụ\tNhiệm vụ\n"
    "1\tÔng Đặng Văn Lực\tChủ tịch UBND phường\tPhát biểu khai mạc\n"
    "2\tBà Phan Thị Mỹ Hạnh\tChủ tịch Hội Khuyến học phường\tBáo cáo\n"
    "3\tĐại diện các khu phố\t\tDự\n"
)
SPACED = (  # the same table as a PDF's text gives it, its cells' gaps lost
    "STT Đồng chí Chức danh Nhiệm vụ tại buổi lễ\n"
    "1 Ông Đặng Văn Lực Chủ tịch UBND phường Phát biểu khai mạc\n"
    "2 Bà Phan Thị Mỹ Hạnh Chủ tịch Hội Khuyến học phường Trao giấy khen\n"
)


@pytest.mark.parametrize("rows", [TABBED, SPACED])
def test_attendees_in_a_numbered_table_under_the_label(rows: str) -> None:
    ex = extract(ROSTER.format(rows=rows), "kh.txt")
    got = {o.name: o.targets for o in ex.events.officials}
    assert got == {
        "Đặng Văn Lực": ["Hội trường UBND phường Thạnh Xuân"],
        "Phan Thị Mỹ Hạnh": ["Hội trường UBND phường Thạnh Xuân"],
    }


def test_a_numbered_list_that_says_each_visit_is_no_table() -> None:
    rows = "1. Ông Đặng Văn Lực – Chủ tịch UBND phường – dự (1).\n2. Bà Phan Thị Mỹ Hạnh – dự (2).\n"
    ex = extract(ROSTER.format(rows=rows), "kh.txt")
    assert "Phan Thị Mỹ Hạnh" not in {o.name for o in ex.events.officials if o.targets}
