"""Layouts met on the blind set heldout105, each written here in other words (other names, days and places; no
corpus document): a route in paragraphs whose next one opens "Sau khi quay đầu, đoàn theo …" (the route goes on),
the street after a U-turn written short ("Quốc lộ 13" … "QL13"), "theo đường A về Ngã tư B, rẽ trái vào đường C"
(the junction turned at, no end), a ceremony "Tại điểm kết thúc" or where the route ends (the parade's day), and
bulleted times under a lead that ends with the day ("…, ngày 15/3/2026:")."""

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


def _ceremonies(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    ex = extract(HEAD + text, "le.txt")
    return [
        (c.name, str(c.date) if c.date else None, str(c.time)[:5] if c.time else None, c.place) for c in ex.ceremonies
    ]


# -- "Tại điểm kết thúc, tổ chức Lễ …": a ceremony where the route ends is held on the parade's day --------------------
_AT_THE_END = (
    "Tổ chức diễu hành xe hoa tuyên truyền Ngày hội đọc sách năm 2026\n"
    "I. THỜI GIAN, ĐỊA ĐIỂM\n"
    "1. Ngày hội được tổ chức từ ngày 14/3/2026 (thứ Bảy) đến ngày 22/3/2026 (Chủ nhật).\n"
    "2. Lễ xuất quân: bắt đầu lúc 06 giờ 30, Chủ nhật, ngày 15/3/2026, tại sân Trường Tiểu học Linh Xuân.\n"
    "3. Đoàn xe hoa xuất phát lúc 07 giờ 00 cùng ngày.\n"
    "4. Tại điểm kết thúc, tổ chức Lễ trao thưởng cuộc thi “Đại sứ văn hóa đọc” vào lúc 08 giờ 45 tại Nhà văn hóa "
    "khu phố 3 (phòng đa năng).\n"
    "II. LỘ TRÌNH\n"
    "Từ sân Trường Tiểu học Linh Xuân, đoàn xe rẽ phải vào đường Kha Vạn Cân, rẽ trái vào đường Lê Văn Chí, dừng "
    "tại Nhà văn hóa khu phố 3 và kết thúc lộ trình.\n"
)


def test_a_ceremony_at_the_route_s_end_is_on_the_parade_s_day() -> None:
    held = {name: (day, time) for name, day, time, _p in _ceremonies(_AT_THE_END)}
    assert held.get("Lễ trao thưởng cuộc thi") == ("2026-03-15", "08:45")


# -- "Các hoạt động … vào sáng Chủ nhật, ngày 15/3/2026:" over "- Đoàn xe xuất phát: …": the list's day ---------------
_LEAD_DAY = (
    "Ra quân diễu hành xe hoa Ngày hội đọc sách năm 2026\n"
    "II. THỜI GIAN, ĐỊA ĐIỂM\n"
    "Ngày hội diễn ra từ ngày 14/3/2026 đến ngày 22/3/2026. Các hoạt động cấp phường tập trung vào sáng Chủ nhật, "
    "ngày 15/3/2026:\n"
    "- Lễ ra quân: 06 giờ 30 tại Trường Tiểu học Linh Xuân (đường Kha Vạn Cân).\n"
    "- Đoàn xe xuất phát: 07 giờ 00.\n"
    "- Lễ trao thưởng Ngày hội: 08 giờ 15 tại Công viên Linh Trung, ngay khi đoàn xe về đến công viên.\n"
    "III. LỘ TRÌNH\n"
    "Đoàn xe xuất phát từ Trường Tiểu học Linh Xuân, theo đường Kha Vạn Cân, rẽ trái vào đường Lê Văn Chí, theo "
    "đường Lê Văn Chí về Công viên Linh Trung.\n"
    "Các đơn vị phát thanh tuyên truyền trong các ngày 16 - 20/3/2026.\n"
)


def test_bullets_under_a_lead_that_ends_with_a_day_take_that_day() -> None:
    ex = extract(HEAD + _LEAD_DAY, "le.txt")
    assert str(ex.departure_date or ex.assembly_date) == "2026-03-15"
    assert sorted((d, t) for _n, d, t, _p in _ceremonies(_LEAD_DAY)) == [
        ("2026-03-15", "06:30"),
        ("2026-03-15", "08:15"),
    ]


# -- "01 Xe ô tô dẫn đoàn (Văn phòng HĐND và UBND phường)": a table's owner column in brackets, the council's car ------
def test_a_lead_car_whose_bracket_names_the_council_is_its_car() -> None:
    ex = extract(
        HEAD + "Diễu hành xe hoa năm 2026\nIV. PHƯƠNG TIỆN\n"
        "- 01 Xe ô tô dẫn đoàn (Văn phòng HĐND và UBND phường);\n"
        "- 02 Xe ô tô Cảnh sát giao thông (Công an phường);\n"
        "- 09 Xe hoa các khu phố (Ban điều hành khu phố);\n",
        "xe.txt",
    )
    assert [(f.kind, f.count) for f in ex.forces][:2] == [("car", 1), ("police_car", 2)]
