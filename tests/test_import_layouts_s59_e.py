"""Route ends written in ways read at session 59 e (other names, places and days than any corpus document): a street
whose bracket says the column goes back ("… – Trần Phú (về lại điểm xuất phát)", "(trở về Trường A)" as the last
step); a race's "về đích tại A" ends at A; a sports palace ("Cung Thể thao A") is a place; a legs table's last row
going back to the end place ("đường A | về Công viên B (kết thúc)"); a PDF's table row closed by its bar is not
continued by the line under it; a lettered leg that starts at a street's end ("b) Hết đường A, rẽ phải …") goes on."""

from __future__ import annotations

from imported import route_of
from paradeplan.importer import import_text
from paradeplan.importer.pdftext import _continues, _Line

HEAD = "KẾ HOẠCH\nDiễu hành cổ động năm 2024\nThời gian: 15 giờ 00 ngày 05/10/2024.\n"


def _route(text: str) -> list[tuple[str, str, bool]]:
    return [(s.name, s.kind, s.end) for s in import_text(HEAD + text + "\n", "r.txt").extraction.route]


def test_a_bracket_going_back_to_the_start_ends_the_route_there() -> None:
    steps = _route(
        "Địa điểm tập trung: Trường THCS Lý Tự Trọng.\n"
        "- Lộ trình: Trần Phú – Lý Thái Tổ – Hai Bà Trưng – Trần Phú (về lại điểm xuất phát); dài khoảng 3 km."
    )
    assert [s[0] for s in steps] == [
        "Trường THCS Lý Tự Trọng",
        "Trần Phú",
        "Lý Thái Tổ",
        "Hai Bà Trưng",
        "Trần Phú",
        "Trường THCS Lý Tự Trọng",
    ]
    assert steps[-1][1:] == ("place", True)


def test_a_last_bracket_going_back_to_a_named_place_ends_there() -> None:
    steps = _route("- Lộ trình: Chợ Bình Tây – Tháp Mười – Hậu Giang – Tháp Mười (trở về Nhà văn hóa Bình Tây).")
    assert steps[-2:] == [("Tháp Mười", "street", False), ("Nhà văn hóa Bình Tây", "place", True)]


def test_a_bracket_saying_which_way_inside_a_route_ends_nothing() -> None:
    steps = _route("- Lộ trình: Chợ Bình Tây – Tháp Mười (về hướng Chợ Lớn) – Hậu Giang – Chợ Bình Tây.")
    assert [s[0] for s in steps] == ["Chợ Bình Tây", "Tháp Mười", "Hậu Giang", "Chợ Bình Tây"]


def test_a_sports_palace_starts_and_ends_a_dash_route() -> None:
    steps = _route(
        "Lộ trình: Cung Thể thao Quần Ngựa – Văn Cao – Liễu Giai – Đội Cấn – Văn Cao – Cung Thể thao Quần Ngựa"
    )
    assert steps[0] == ("Cung Thể thao Quần Ngựa", "place", False)
    assert steps[-1][:2] == ("Cung Thể thao Quần Ngựa", "place")
    assert len(steps) == 6


def test_a_legs_tables_last_row_going_back_ends_at_its_place() -> None:
    data = import_text(
        HEAD + "3. Lộ trình:\n"
        "| STT | Tuyến đường | Đoạn |\n"
        "| 1 | đường Trần Phú | từ Công viên Bạch Đằng đến đường Lê Lợi |\n"
        "| 2 | đường Lê Lợi | từ đường Trần Phú đến đường Quang Trung |\n"
        "| 3 | đường Quang Trung | từ đường Lê Lợi đến đường Trần Phú |\n"
        "| 4 | đường Trần Phú | về Công viên Bạch Đằng (kết thúc) |\n",
        "r.txt",
    ).data
    assert route_of(data) == [
        "Công viên Bạch Đằng",
        "Trần Phú",
        "Lê Lợi",
        "Quang Trung",
        "Trần Phú",
        "Công viên Bạch Đằng",
    ]


def _line(text: str, top: float) -> _Line:
    return _Line(text, 57.0, 536.0, top, top + 10, 20.0, 3.0, 540.0, 1)  # a line as wide as the page's text


def test_a_pdf_table_row_closed_by_its_bar_is_not_continued() -> None:
    row = _line("| 4 | đường Trần Phú | về Công viên Bạch Đằng (kết thúc) |", 100.0)
    note = _line("Ghi chú: đoàn xe đi liền một khối, không vượt.", 112.0)
    assert not _continues(row, note, 540.0, 12.0, 57.0, False)
    wrapped = _line("| 4 | đường Trần Phú | về Công viên Bạch Đằng", 100.0)  # a cell wrapped at the margin goes on
    assert _continues(wrapped, _line("(kết thúc) |", 112.0), 540.0, 12.0, 57.0, False)
    at_a_bar = _line("| 4 | đường Trần Phú | về Công viên Bạch Đằng |", 100.0)  # wrapped at a cell's bar: goes on
    assert _continues(at_a_bar, _line("Đội Thanh niên | 20 người |", 112.0), 540.0, 12.0, 57.0, False)


def test_a_race_ends_at_its_finish() -> None:
    steps = _route(
        "- Lộ trình: Công viên Hồ Xuân Hương – đường Trần Quốc Toản – đường Yersin, về đích tại Quảng trường Lâm Viên."
    )
    assert steps[-1] == ("Quảng trường Lâm Viên", "place", True)
    steps = _route("- Lộ trình: xuất phát tại Công viên A Lưới, chạy theo đường Hồ Chí Minh, về đích ở Chợ A Lưới.")
    assert steps[-1] == ("Chợ A Lưới", "place", True)


def test_a_lettered_leg_at_a_streets_end_goes_on() -> None:
    steps = _route(
        "2. Điểm tập trung: sân Trường Tiểu học Kim Đồng (đường Bà Triệu).\n"
        "3. Lộ trình: đoàn đi theo thứ tự sau:\n"
        "a) Từ cổng trường ra đường Bà Triệu, rẽ trái vào đường Hùng Vương;\n"
        "b) Hết đường Hùng Vương, rẽ phải vào đường Lê Hồng Phong;\n"
        "c) Cuối đường Lê Hồng Phong rẽ trái vào đường Trần Hưng Đạo;\n"
        "d) Giải tán tại Nhà văn hóa phường Kim Đồng."
    )
    assert [s[0] for s in steps] == [
        "Trường Tiểu học Kim Đồng",
        "Bà Triệu",
        "Hùng Vương",
        "Lê Hồng Phong",
        "Trần Hưng Đạo",
        "Nhà văn hóa phường Kim Đồng",
    ]
