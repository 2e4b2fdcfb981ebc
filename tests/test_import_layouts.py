"""More layouts other offices write, each generated in several variants (other streets, regions, years, wording; no
corpus document): a prose route whose sentence a ";" splits, a route table whose "Đoạn" cells say only where each
stretch goes, legs written with dashes and turn words, a "U-turn" at a junction into another street, an officials'
table with a "Sau đó" column, headings numbered with a word ("Sự kiện 1 - …"), "Đây là lễ khai mạc …" after its
time and venue, a letterhead whose two columns lost their gap, who is no official ("Ngoài ra, lãnh đạo xã", a car),
a visit named by its kind and level, itineraries in the order of the day, "dự và đọc diễn văn khai mạc", and a cited
plan's date beside the column's departure."""

from __future__ import annotations

import random
from typing import Any

import pytest

from imported import ceremonies_of, plan_data, wishes_of
from paradeplan.geo.names import name_key
from paradeplan.importer import import_text
from paradeplan.importer.extract import extract
from paradeplan.importer.reader import rows_lines
from paradeplan.importer.text import clean

HEAD = "KẾ HOẠCH\nTổ chức diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm {year}\n"
STREETS = (
    ("Lê Văn Khương", "Nguyễn Ảnh Thủ", "Tô Ký"),
    ("Trần Hưng Đạo", "Lý Thường Kiệt", "Hùng Vương"),
    ("Nguyễn Văn Cừ", "Mậu Thân", "Trần Phú"),
)


def _route(ex: Any) -> list[tuple[str, str]]:
    return [(r.kind, name_key(r.name)) for r in ex.route]


# -- routes -----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("k", range(3))
def test_a_prose_route_split_by_a_semicolon_is_one_route(k: int) -> None:
    a, b, c = STREETS[k]
    ex = extract(
        HEAD.format(year=2024) + "B. LỘ TRÌNH\n"
        f"Từ Nhà văn hóa khu phố {k + 2}, đoàn ra đường {a}, đi thẳng theo {a} đến giao lộ với đường {b} thì rẽ "
        f"trái vào {b}; đi qua Ngã tư Ga, đến chân cầu vượt thì rẽ phải vào đường {c}, chạy hết tuyến đến Chợ "
        f"Phước Bình thì dừng lại, giải tán tại bãi xe của chợ.\n",
        "a.txt",
    )
    assert _route(ex) == [
        ("place", name_key(f"Nhà văn hóa khu phố {k + 2}")),
        ("street", name_key(a)),
        ("street", name_key(b)),
        ("street", name_key(c)),
        ("place", name_key("Chợ Phước Bình")),
    ]
    assert ex.route[-1].end


@pytest.mark.parametrize(("k", "via"), [(0, "đến"), (1, "tới"), (2, "về")])
def test_a_route_table_whose_stretch_cells_say_only_where_they_go(k: int, via: str) -> None:
    a, b, c = STREETS[k]
    park = "Công viên Văn hóa Bình Minh"
    rows = [
        ["STT", "Tuyến đường", "Đoạn", "Ghi chú"],
        ["1", a, f"từ {park} đến ngã tư {b}", "đi theo hướng về chợ"],
        ["2", b, f"{via} {c}", "rẽ trái"],
        ["3", c, f"dọc kênh Nhiêu Lộc {via} {a}", ""],
        ["4", a, f"về {park}", "kết thúc"],
    ]
    text = HEAD.format(year=2018) + "2.3. Lộ trình (theo thứ tự)\n" + "\n".join(rows_lines(rows)) + "\n"
    assert _route(extract(text, "t.docx")) == [
        ("place", name_key(park)),
        ("street", name_key(a)),
        ("street", name_key(b)),
        ("street", name_key(c)),
        ("street", name_key(a)),
        ("place", name_key(park)),
    ]


@pytest.mark.parametrize(("k", "dash"), [(0, " - "), (1, " – "), (2, " — ")])
def test_legs_written_with_dashes_and_turns(k: int, dash: str) -> None:
    a, b, c = STREETS[k]
    d = "Thống Nhất"
    ex = extract(
        HEAD.format(year=2026) + "2. Diễu hành\nĐoàn xuất phát lúc 07 giờ 45, di chuyển theo các chặng:\n"
        f"Chặng 1: Chợ Bình Minh{dash}đường {a} (hướng về ngã năm){dash}rẽ trái đường {b};\n"
        f"Chặng 2: {b}{dash}quay đầu tại vòng xoay {c}{dash}vào đường {c};\n"
        f"Chặng 3: {c}{dash}rẽ phải đường {d}{dash}rẽ phải đường {a}{dash}về lại Chợ Bình Minh, kết thúc.\n",
        "l.txt",
    )
    assert _route(ex) == [
        ("place", name_key("Chợ Bình Minh")),
        ("street", name_key(a)),
        ("street", name_key(b)),
        ("street", name_key(c)),  # the "U-turn" at the roundabout goes into the next street: a turn, not a step
        ("street", name_key(d)),
        ("street", name_key(a)),
        ("place", name_key("Chợ Bình Minh")),
    ]


def test_a_dash_inside_a_place_name_is_no_separator() -> None:
    ex = extract(
        HEAD.format(year=2023) + "Lộ trình: Xuất phát từ Trung tâm Văn hóa - Thể thao phường, theo đường Lê Lợi, "
        "rẽ phải đường Hai Bà Trưng, về lại Trung tâm Văn hóa - Thể thao phường.\n",
        "n.txt",
    )
    assert _route(ex)[0] == ("place", name_key("Trung tâm Văn hóa - Thể thao phường"))


# -- ceremonies and officials ---------------------------------------------------------------------------------------


OFFICIALS = (("Hoàng Văn Lương", "Chủ tịch UBND huyện"), ("Nguyễn Thị Hải Yến", "Phó Chủ tịch UBND huyện"))


@pytest.mark.parametrize(("then", "visit"), [("Sau đó", "Dự lễ tại"), ("Tiếp theo", "Tham dự tại")])
def test_an_officials_table_with_a_then_column(then: str, visit: str) -> None:
    (p1, r1), (p2, r2) = OFFICIALS
    text = (
        "UBND HUYỆN NGHI LỘC\nKẾ HOẠCH\nTổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2019\n"
        "II. CÁC HOẠT ĐỘNG KHAI MẠC\n"
        "1. Cấp huyện: Lễ khai mạc cấp huyện tổ chức lúc 7g30 thứ Hai, ngày 30/9/2019 tại Trường THPT Nghi Lộc 2.\n"
        "2. Cấp xã: Xã Nghi Long khai mạc lúc 14g00 ngày 30/9/2019 tại Trung tâm học tập cộng đồng xã Nghi Long.\n"
        "III. PHÂN CÔNG LÃNH ĐẠO DỰ LỄ\n"
        f"| Đồng chí | Chức vụ | {visit} | {then} |\n"
        f"| {p1} | {r1} | Lễ khai mạc cấp huyện tại Trường THPT Nghi Lộc 2 | dự khai mạc tại Trung tâm học tập cộng "
        "đồng xã Nghi Long |\n"
        f"| {p2} | {r2} | Trung tâm học tập cộng đồng xã Nghi Long | |\n"
    )
    wishes = wishes_of(plan_data(text))
    assert wishes[p1] == ["Trường THPT Nghi Lộc 2", "Trung tâm học tập cộng đồng xã Nghi Long"]
    assert wishes[p2] == ["Trung tâm học tập cộng đồng xã Nghi Long"]


@pytest.mark.parametrize(("word", "sep"), [("Sự kiện", " - "), ("Hoạt động", ": "), ("Nội dung", ". ")])
def test_headings_numbered_with_a_word_and_this_is_the_opening(word: str, sep: str) -> None:
    r = random.Random(word)
    day = r.randint(1, 5)
    text = (
        "ỦY BAN NHÂN DÂN XÃ MỘ ĐỨC\nSố: 137/KH-UBND\nMộ Đức, ngày 22 tháng 9 năm 2025\nKẾ HOẠCH\n"
        "Tổ chức các hoạt động khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        "PHẦN THỨ NHẤT: CÁC SỰ KIỆN\n"
        f"{word} 1{sep}Lễ phát động cấp xã\n"
        f"Vào lúc 07:30 sáng ngày {day}/10, tại Hội trường Trung tâm Chính trị - Hành chính xã Mộ Đức.\n"
        "Nội dung: Diễn văn phát động; trao Giấy khen.\n"
        f"{word} 2{sep}Ngày hội đọc sách liên trường\n"
        f"Vào lúc 14:00 chiều ngày {day + 1}/10, tại Trường THCS Nguyễn Bá Loan. "
        "Đây là lễ khai mạc Ngày hội đọc sách.\n"
    )
    assert ceremonies_of(plan_data(text)) == [
        (f"2025-10-{day:02d}", "07:30", "Hội trường Trung tâm Chính trị - Hành chính xã Mộ Đức"),
        (f"2025-10-{day + 1:02d}", "14:00", "Trường THCS Nguyễn Bá Loan"),
    ]


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("TỈNH QUẢNG NGÃI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("ỦY BAN NHÂN DÂN XÃ MỘ ĐỨC", "Độc lập - Tự do - Hạnh phúc"),
        ("Số: 137/KH-UBND", "Mộ Đức, ngày 22 tháng 9 năm 2025"),
    ],
)
def test_a_letterhead_whose_columns_lost_their_gap(left: str, right: str) -> None:
    assert clean(f"{left} {right}\nKẾ HOẠCH").split("\n")[:2] == [left, right]


def test_who_is_no_official_and_a_visit_named_by_its_kind_and_level() -> None:
    text = (
        "ỦY BAN NHÂN DÂN XÃ MỘ ĐỨC\nSố: 137/KH-UBND\nMộ Đức, ngày 22 tháng 9 năm 2025\nKẾ HOẠCH\n"
        "Tổ chức các hoạt động khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        "I. CÁC SỰ KIỆN\n1. Lễ phát động cấp xã\n"
        "Vào lúc 07:30 ngày 02/10/2025, tại Hội trường Trung tâm Chính trị - Hành chính xã Mộ Đức.\n"
        "2. Ngoài ra, lãnh đạo xã dự Lễ khai mạc Tuần lễ cấp tỉnh lúc 09:00 ngày 02/10/2025 tại Quảng trường Phạm "
        "Văn Đồng.\n"
        "II. LÃNH ĐẠO DỰ\n"
        "Đồng chí Đặng Thị Kim Oanh, Phó Chủ tịch Ủy ban nhân dân xã, dự Lễ phát động cấp xã.\n"
        "Xe ô tô của Văn phòng HĐND và UBND xã (01 xe) đưa đón lãnh đạo xã đi dự lễ cấp tỉnh.\n"
    )
    wishes = wishes_of(plan_data(text))
    assert wishes == {"Đặng Thị Kim Oanh": ["Hội trường Trung tâm Chính trị - Hành chính xã Mộ Đức"]}


@pytest.mark.parametrize("verb", ["dự và đọc diễn văn khai mạc cấp quận", "dự Lễ khai mạc cấp quận"])
def test_itineraries_in_the_order_of_the_day(verb: str) -> None:
    hall = "Hội trường Trung tâm Văn hóa quận Long Biên"
    text = (
        "UBND QUẬN LONG BIÊN\nCHƯƠNG TRÌNH\nCác lễ khai mạc hưởng ứng Tuần lễ học tập suốt đời năm 2016\n"
        "A. LỄ KHAI MẠC CẤP QUẬN\nThời gian: 8 giờ, thứ Hai ngày 03 tháng 10 năm 2016.\n"
        f"Địa điểm: {hall}.\n"
        "B. LỄ KHAI MẠC CẤP PHƯỜNG\n"
        "| STT | Đơn vị tổ chức | Thời gian | Địa điểm | Lãnh đạo quận dự |\n"
        "| 1 | UBND phường Ngọc Thụy | 14 giờ 00, 03/10 | Trung tâm học tập cộng đồng phường Ngọc Thụy | Đ/c Ngô "
        "Văn Chiến |\n"
        "| 2 | UBND phường Bồ Đề | 8 giờ 30, 04/10 | Trung tâm học tập cộng đồng phường Bồ Đề | Đ/c Ngô Văn Chiến |\n"
        "C. PHÂN CÔNG DỰ LỄ KHAI MẠC CẤP QUẬN\n"
        f"- Đ/c Ngô Văn Chiến, Phó Chủ tịch UBND quận: {verb}; chiều cùng ngày dự lễ tại các phường theo mục B.\n"
    )
    wishes = wishes_of(plan_data(text))
    assert wishes == {
        "Ngô Văn Chiến": [
            hall,
            "Trung tâm học tập cộng đồng phường Ngọc Thụy",
            "Trung tâm học tập cộng đồng phường Bồ Đề",
        ]
    }


@pytest.mark.parametrize(("cited", "day"), [("14/9/2020", "04/10/2020"), ("02/10/2023", "08/10/2023")])
def test_a_cited_plans_date_is_not_the_departures(cited: str, day: str) -> None:
    text = (
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nV/v đề nghị hỗ trợ dẫn đoàn xe hoa\n"
        f"Thực hiện Kế hoạch số 178/KH-UBND ngày {cited} của UBND thành phố, Sở phối hợp Hội Khuyến học tổ chức "
        f"đoàn xe hoa diễu hành tuyên truyền vào sáng Chủ nhật, ngày {day} (đoàn tập trung lúc 6 giờ 30', xuất "
        "phát lúc 7 giờ 00').\n"
        "Lộ trình: UBND Quận 12 – Lê Thị Riêng – Lê Văn Khương – Nguyễn Ảnh Thủ – UBND Quận 12.\n"
    )
    d, m, y = day.split("/")
    assert str(plan_data(text)["parades"][0]["date"]) == f"{y}-{m}-{d}"


# -- route tables and lists --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("k", "head"), [(0, "Theo đường"), (1, "Đi theo đường"), (2, "Theo tuyến")])
def test_a_legs_table_with_a_theo_duong_column(k: int, head: str) -> None:
    a, b, c = STREETS[k]
    start = f"UBND Phường {k + 5}"
    rows = [
        ["Đoạn", "Từ", head, "Đến"],
        ["1", start, a, f"ngã ba {a} – {b}"],
        ["2", f"ngã ba {a} – {b}", b, f"ngã tư {b} – {c}"],
        ["3", f"ngã tư {b} – {c}", c, f"ngã tư {c} – {a}"],
        ["4", f"ngã tư {c} – {a}", a, f"{start} (giải tán)"],
    ]
    text = HEAD.format(year=2024) + "3. Lộ trình\n" + "\n".join(rows_lines(rows)) + "\n"
    steps = _route(extract(text, "w.docx"))
    assert steps[1:-1] == [("street", name_key(x)) for x in (a, b, c, a)]
    assert steps[0][0] == steps[-1][0] == "place"


@pytest.mark.parametrize(("k", "place_head"), [(0, "Vị trí đoàn xe"), (1, "Vị trí")])
def test_a_timetable_of_where_the_column_is(k: int, place_head: str) -> None:
    a, b, c = STREETS[k]
    park = "Công viên Văn hóa Gò Vấp"
    rows = [
        ["Giờ dự kiến", place_head, "Hướng di chuyển"],
        ["06:45", park, f"Ra đường {a}"],
        ["06:50", a, f"Hướng về đường {b}"],
        ["07:00", b, f"Hướng về đường {c}"],
        ["07:30", c, f"Hướng về đường {a}"],
        ["07:45", a, "Về công viên"],
        ["07:50", park, "Kết thúc"],
    ]
    text = HEAD.format(year=2023) + "Thời gian dự kiến đoàn xe đi qua các tuyến đường như sau:\n"
    text += "\n".join(rows_lines(rows)) + "\n"
    assert _route(extract(text, "t.docx")) == [
        ("place", name_key(park)),
        *[("street", name_key(x)) for x in (a, b, c, a)],
        ("place", name_key(park)),
    ]


@pytest.mark.parametrize(("whole", "bullet"), [("(toàn tuyến)", "+"), ("(cả tuyến)", "-")])
def test_stretches_with_a_whole_street_and_the_way_back(whole: str, bullet: str) -> None:
    hall = "Trung tâm Văn hóa quận"
    ex = extract(
        HEAD.format(year=2022) + "2. Lộ trình đoàn xe:\n"
        f"Xuất phát từ {hall}, đoàn xe lưu thông lần lượt qua các tuyến:\n"
        f"  {bullet} đường Phạm Văn Chiêu (đoạn từ {hall} đến giao lộ Thống Nhất);\n"
        f"  {bullet} đường Thống Nhất {whole};\n"
        f"  {bullet} đường Phan Văn Trị (đoạn từ Thống Nhất đến Nguyễn Oanh);\n"
        f"  {bullet} đường Nguyễn Oanh (đoạn từ Phan Văn Trị đến Ngã Sáu Gò Vấp);\n"
        f"  {bullet} đường Phạm Văn Chiêu, về lại {hall} và giải tán.\n",
        "s.txt",
    )
    assert [n for k, n in _route(ex) if k == "street"] == [
        name_key(x) for x in ("Phạm Văn Chiêu", "Thống Nhất", "Phan Văn Trị", "Nguyễn Oanh", "Phạm Văn Chiêu")
    ]
    assert ex.route[-1].kind == "place" and ex.route[-1].end


def test_a_list_of_closed_streets_is_no_route() -> None:
    ex = extract(
        HEAD.format(year=2022) + "4. Cấm dừng, đỗ xe trên các tuyến:\n"
        "- đường Thống Nhất (toàn tuyến);\n- đường Lê Đức Thọ (cả tuyến);\n- đường Quang Trung (toàn tuyến).\n",
        "c.txt",
    )
    assert ex.route == []


@pytest.mark.parametrize(("full", "abbr"), [("chợ Tân Chánh Hiệp", "chợ TCH"), ("Nhà văn hóa Thanh niên", "NVHTN")])
def test_an_abbreviation_the_text_defines(full: str, abbr: str) -> None:
    ex = extract(
        HEAD.format(year=2024) + f"📌 Có mặt: 6h30 tại bãi xe {full} (gọi tắt là {abbr}), đường Tô Ký\n"
        f"📌 Lộ trình: {abbr} > Tô Ký > Nguyễn Ảnh Thủ > Lê Văn Khương > Tô Ký > về {abbr}\n",
        "z.txt",
    )
    assert _route(ex)[0] == ("place", name_key(full))


@pytest.mark.parametrize(
    ("written", "place"),
    [
        ("Cổng UBND quận", "UBND quận"),
        ("cổng chính Ủy ban nhân dân phường", "Ủy ban nhân dân phường"),
        ("Sân UBND Phường 12", "UBND Phường 12"),
        ("Sân vận động Quận 12", "Sân vận động Quận 12"),
        ("Bãi đậu xe Chợ Bà Chiểu", "Bãi đậu xe Chợ Bà Chiểu"),  # a known place: the resolver's decision
    ],
)
def test_a_part_of_the_seat_is_the_seat(written: str, place: str) -> None:
    from paradeplan.importer.routes import described_place

    assert described_place(written) == place


@pytest.mark.parametrize("sep", [" - ", " – "])
def test_a_route_table_with_dashed_stretch_cells(sep: str) -> None:
    market = "Chợ Tân Chánh Hiệp"
    rows = [
        ["STT", "Tuyến đường", "Đoạn", "Lực lượng bố trí", "Ghi chú"],
        ["1", "Tô Ký", f"{market}{sep}Ngã tư Trung Chánh", "04 đ/c CSKV", "Điểm xuất phát"],
        ["2", "Quốc lộ 1A", f"Ngã tư Trung Chánh{sep}Cầu vượt Quang Trung", "02 đ/c CSGT", ""],
        ["3", "Nguyễn Văn Quá", f"Quốc lộ 1A{sep}Tô Ký", "03 đ/c CSKV", "Đi chậm qua chợ"],
        ["4", "Tô Ký", f"Nguyễn Văn Quá{sep}{market}", "02 đ/c CSKV", "Kết thúc"],
    ]
    text = HEAD.format(year=2023) + "III. LỘ TRÌNH\n" + "\n".join(rows_lines(rows)) + "\n"
    assert _route(extract(text, "p.docx")) == [
        ("place", name_key(market)),
        *[("street", name_key(x)) for x in ("Tô Ký", "Quốc lộ 1A", "Nguyễn Văn Quá", "Tô Ký")],
        ("place", name_key(market)),
    ]


@pytest.mark.parametrize(
    ("day", "start"),
    [("- Ngày: sáng T7 này 03/10", "- 6g45 đoàn chạy, dự kiến 8g30 về tới chợ"), ("Ngày: 03/10", "6g45 đoàn xe chạy")],
)
def test_a_chat_messages_day_and_start(day: str, start: str) -> None:
    text = (
        "Nhóm Zalo: VH-XH P.AN NHƠN\nLê Thu Trang  15:42, 29/09/2026\n"
        "📌 THÔNG BÁO NHANH: Đoàn xe diễu hành Tuần lễ học tập suốt đời 2026 của phường\n"
        f"{day}\n- Các khu phố cho xe có mặt lúc 6g15 tại bãi xe chợ An Nhơn\n{start}\n"
        "- Lộ trình: chợ An Nhơn > Lê Đức Thọ > Phan Văn Trị > Nguyễn Oanh > Lê Đức Thọ > về lại chợ An Nhơn\n"
        "- Xe: 8 xe hoa của 8 khu phố, 1 xe loa của phường\n"
    )
    parade = plan_data(text, "z.txt")["parades"][0]
    assert (str(parade["date"]), parade["assembly_time"], parade["departure_time"]) == ("2026-10-03", "06:15", "06:45")


# -- officials, more ways ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("title", [" (Phó Chủ tịch UBND tỉnh)", ", Phó Chủ tịch UBND tỉnh"])
def test_a_person_named_with_and_without_title_is_one_person(title: str) -> None:
    text = (
        "UBND TỈNH HÀ GIANG\nKẾ HOẠCH\nTổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2020\n"
        "III. LỄ KHAI MẠC VÀ PHÂN CÔNG LÃNH ĐẠO TỈNH DỰ\n"
        "| Cấp tổ chức | Ngày | Giờ | Địa điểm tổ chức | Lãnh đạo tỉnh dự |\n"
        f"| Tỉnh | 01/10/2020 | 8 giờ 00 | Trung tâm Hội nghị tỉnh Hà Giang | Đ/c Lục Văn Thắng{title} |\n"
        "| Huyện Vị Xuyên | 01/10/2020 | 14 giờ 00 | Nhà văn hóa huyện Vị Xuyên | Đ/c Lục Văn Thắng |\n"
    )
    assert wishes_of(plan_data(text, "t.docx")) == {
        "Lục Văn Thắng": ["Trung tâm Hội nghị tỉnh Hà Giang", "Nhà văn hóa huyện Vị Xuyên"]
    }


@pytest.mark.parametrize("when", ["8h00 thứ Tư (01/10/2025)", "Sáng thứ Tư, 01/10/2025, lúc 8h00"])
def test_an_itinerary_whose_bullets_open_with_their_day(when: str) -> None:
    text = (
        "UBND PHƯỜNG HOÀN KIẾM\nTHÔNG BÁO\nPhân công lãnh đạo phường dự các hoạt động hưởng ứng Tuần lễ học tập "
        "suốt đời năm 2025\n"
        "1. Đồng chí Đỗ Minh Châu, Chủ tịch UBND phường:\n"
        f"   - {when}: dự, phát biểu khai mạc Lễ khai mạc Tuần lễ cấp phường tại Trường THCS Ngô Sĩ Liên;\n"
        "   - 14h00 cùng ngày: dự Lễ khai mạc Tuần lễ cấp Thành phố tại Cung Văn hóa Hữu nghị Việt Xô.\n"
    )
    assert wishes_of(plan_data(text)) == {"Đỗ Minh Châu": ["Trường THCS Ngô Sĩ Liên", "Cung Văn hóa Hữu nghị Việt Xô"]}


@pytest.mark.parametrize(("label", "honorific"), [("Lãnh đạo tỉnh dự", "bà"), ("Đại biểu", "đồng chí")])
def test_persons_a_ceremonys_own_section_sends_to_it(label: str, honorific: str) -> None:
    text = (
        "UBND TỈNH NGHỆ AN\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n"
        "V/v tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
        "1. Lễ khai mạc Tuần lễ cấp tỉnh\n- Thời gian: 07 giờ 30 phút, thứ Hai, ngày 30/9/2024.\n"
        "- Địa điểm: Trường THPT Kim Liên.\n"
        f"- {label}: {honorific} Nguyễn Thị Hồng Vân, Phó Chủ tịch UBND tỉnh (phát biểu khai mạc).\n"
        "2. Lễ phát động xây dựng cộng đồng học tập cấp xã\n- Thời gian: 09 giờ 30 phút cùng ngày.\n"
        "- Địa điểm: Trung tâm học tập cộng đồng xã Kim Liên.\n"
        f"- {honorific.capitalize()} Nguyễn Thị Hồng Vân, Phó Chủ tịch UBND tỉnh, cùng ông Hoàng Nghĩa Sơn, Chủ tịch "
        "UBND huyện Nam Đàn, dự và trao tặng tủ sách cho Trung tâm học tập cộng đồng.\n"
    )
    assert wishes_of(plan_data(text)) == {
        "Nguyễn Thị Hồng Vân": ["Trường THPT Kim Liên", "Trung tâm học tập cộng đồng xã Kim Liên"],
        "Hoàng Nghĩa Sơn": ["Trung tâm học tập cộng đồng xã Kim Liên"],
    }


# -- vehicles ----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("units", "schools", "total"), [(15, 5, 20), (9, 3, 12)])
def test_a_kinds_total_after_its_parts_in_a_labelled_line(units: int, schools: int, total: int) -> None:
    ex = extract(
        HEAD.format(year=2026) + "3. Phương tiện\n"
        f"- Xe hoa: mỗi khu phố 01 xe ({units} khu phố), các trường học {schools:02d} xe; tổng cộng {total} xe hoa.\n"
        "- 01 xe loa.\n",
        "v.txt",
    )
    assert sorted((f.kind, f.count) for f in ex.forces) == [("float", total), ("loudspeaker", 1)]


@pytest.mark.parametrize(
    ("units", "due"), [("Các xã, thị trấn", "trước ngày 12/10/2022"), ("Các phường", "chậm nhất ngày 14/10/2022")]
)
def test_a_programme_whose_note_sends_units_to_their_ownceremonies_of(units: str, due: str) -> None:
    text = (
        "UBND HUYỆN CHÂU THÀNH\nBCĐ XÂY DỰNG XÃ HỘI HỌC TẬP\nChâu Thành, ngày 26 tháng 9 năm 2022\n\nCHƯƠNG TRÌNH\n"
        "Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2022\nhuyện Châu Thành, tỉnh Tiền Giang\n\n"
        "Thời gian: 7g30, thứ Bảy ngày 01/10/2022\nĐịa điểm: Nhà Văn hóa huyện Châu Thành (thị trấn Tân Hiệp)\n"
        "Chủ trì: đồng chí Huỳnh Văn Thạnh - Phó Chủ tịch UBND huyện, Trưởng Ban Chỉ đạo\n\n"
        "7g00 - 7g30   Đón tiếp đại biểu (Ban Tổ chức)\n7g50 - 8g05   Diễn văn khai mạc (đ/c Huỳnh Văn Thạnh)\n\n"
        f"Ghi chú: Đại biểu dự lễ đến trước 7g15. {units} tổ chức khai mạc tại đơn vị theo kế hoạch riêng và báo "
        f"cáo kết quả về Phòng Giáo dục và Đào tạo huyện {due}.\n"
    )
    data = plan_data(text)
    assert ceremonies_of(data) == [("2022-10-01", "07:30", "Nhà Văn hóa huyện Châu Thành")]
    assert wishes_of(data) == {"Huỳnh Văn Thạnh": ["Nhà Văn hóa huyện Châu Thành"]}


# -- a route label after a sentence; a U-turn at a junction named by its two streets ----------------------------------
@pytest.mark.parametrize("sep", [" - ", " – "])
def test_a_route_label_after_a_sentence_and_a_u_turn_at_a_named_crossing(sep: str) -> None:
    text = (
        "THÀNH PHỐ HỒ CHÍ MINH\nỦY BAN NHÂN DÂN PHƯỜNG AN NHƠN\nSố: 88/KH-UBND\nAn Nhơn, ngày 15 tháng 9 năm 2025\n"
        "KẾ HOẠCH\nTổ chức diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2025\n"
        "2. Diễu hành: ngày 02/10/2025, khoảng 7h45 đoàn xuất phát. Lộ trình: Xuất phát từ Chợ An Nhơn"
        f"{sep}đường Lê Đức Thọ{sep}đường Nguyễn Oanh{sep}quay đầu tại ngã tư Nguyễn Oanh – Phan Văn Trị"
        f"{sep}đường Nguyễn Oanh{sep}đường Lê Đức Thọ{sep}về Chợ An Nhơn.\n"
        "3. Phương tiện: 10 xe hoa, 01 xe loa.\n"
    )
    res = import_text(text, "k.txt")
    names = {p["id"]: p for p in res.data["places"]}
    route = res.data["parades"][0]["route"]
    said = [s.get("street") or names[s["place"]]["name"] for s in route]
    assert said == [
        "Chợ An Nhơn",
        "Lê Đức Thọ",
        "Nguyễn Oanh",
        "ngã tư Nguyễn Oanh × Phan Văn Trị",
        "Nguyễn Oanh",
        "Lê Đức Thọ",
        "Chợ An Nhơn",
    ]
    turn = names[route[3]["place"]]
    assert route[3].get("uturn") and abs(turn["lat"] - 10.8309) < 0.002 and abs(turn["lon"] - 106.6776) < 0.002
    assert any("ngã tư Nguyễn Oanh × Phan Văn Trị" in d.field or "Nguyễn Oanh" in d.chosen for d in res.decisions)


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("ngã tư Lê Đức Thọ – Nguyễn Oanh", True),
        ("giao lộ Quang Trung × Lê Văn Thọ", True),
        ("nút giao Phan Văn Trị và Nguyễn Oanh", True),
        ("ngã tư Lê Văn Khương – Lê Thị Riêng", False),  # the two streets do not meet
        ("Trung tâm Văn hóa - Thể thao quận", False),
    ],
)
def test_a_junction_named_by_its_two_streets_is_where_they_meet(name: str, found: bool) -> None:
    from paradeplan.geo.streets import load_graph
    from paradeplan.importer.decide import _crossing

    assert (_crossing(name, load_graph("builtin:quan12")) is not None) == found


@pytest.mark.parametrize("verb", ["dự và phát biểu khai mạc", "dự, phát biểu khai mạc"])
def test_an_official_at_the_ceremony_the_line_told_then_another(verb: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN PHƯỜNG TRUNG MỸ TÂY\nSố: 88/KH-UBND\nTrung Mỹ Tây, ngày 15 tháng 9 năm 2025\nKẾ HOẠCH\n"
        "Tổ chức Lễ khai mạc hưởng ứng Tuần lễ học tập suốt đời năm 2025\n"
        "1. Lễ khai mạc: 7 giờ 00 phút, thứ Năm ngày 02/10/2025 tại Trường THCS Trung Mỹ Tây. Đồng chí Trần Văn Tư, "
        f"Chủ tịch UBND phường {verb}, sau đó dự Lễ khai mạc cấp Thành phố tại Nhà Văn hóa Thanh niên lúc 9 giờ 00.\n"
    )
    assert wishes_of(plan_data(text)) == {"Trần Văn Tư": ["Trường THCS Trung Mỹ Tây", "Nhà Văn hóa Thanh niên"]}


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Đ/c Chủ tịch UBND huyện Phan Văn Minh", ("Phan Văn Minh", "Chủ tịch UBND huyện")),
        ("Giám đốc Sở GD&ĐT Nguyễn Văn An", ("Nguyễn Văn An", "Giám đốc Sở GD&ĐT")),
        ("Chủ tịch UBND huyện Nghi Lộc Trần Văn Hòa", ("Trần Văn Hòa", "Chủ tịch UBND huyện Nghi Lộc")),
        ("Bí thư Đảng ủy phường Trung Mỹ Tây", ("Bí thư Đảng ủy phường Trung Mỹ Tây", None)),
        ("Chủ tịch UBND xã", ("Chủ tịch UBND xã", None)),
    ],
)
def test_a_person_written_after_their_title(written: str, said: tuple[str, str | None]) -> None:
    from paradeplan.importer.weekplan import person_and_title

    assert person_and_title(written) == said


@pytest.mark.parametrize("phrase", ["với sự tham dự của", "với sự có mặt của"])
def test_a_guest_named_in_the_ceremonys_sentence(phrase: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN XÃ NGHI PHONG\nSố: 35/KH-UBND\nNghi Phong, ngày 20 tháng 9 năm 2022\nKẾ HOẠCH\n"
        "Tổ chức các hoạt động hưởng ứng Tuần lễ học tập suốt đời năm 2022\n"
        "UBND xã tổ chức Lễ khai mạc Tuần lễ vào lúc 7 giờ 30 phút sáng thứ Bảy, ngày 01 tháng 10 năm 2022 tại "
        f"Trung tâm học tập cộng đồng xã Nghi Phong, {phrase} đồng chí Nguyễn Văn Thành, Phó Chủ tịch UBND huyện "
        "và các đồng chí lãnh đạo xã. Ban Tổ chức tổng duyệt vào 15 giờ ngày 29/9/2022 tại cùng địa điểm.\n"
    )
    data = plan_data(text)
    assert wishes_of(data) == {"Nguyễn Văn Thành": ["Trung tâm học tập cộng đồng xã Nghi Phong"]}
    assert ceremonies_of(data) == [("2022-10-01", "07:30", "Trung tâm học tập cộng đồng xã Nghi Phong")]


@pytest.mark.parametrize("lead", ["Đến dự", "Tới tham dự", "Về dự"])
def test_an_invitation_that_lists_its_invitees_before_the_event(lead: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 412/GM-GDĐT\nGò Vấp, ngày 25 tháng 9 năm 2021\n"
        "GIẤY MỜI\nPhòng Giáo dục và Đào tạo quận Gò Vấp trân trọng kính mời:\n"
        "- Bà Trần Thị Mai, Phó Chủ tịch UBND quận;\n- Ông Lê Quốc Bảo, Chủ tịch Hội Khuyến học quận.\n"
        f"{lead} Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2021.\n"
        "Thời gian: 7 giờ 30 phút, thứ Sáu ngày 01/10/2021.\nĐịa điểm: Trường THCS Phan Tây Hồ.\n"
        "Rất mong quý đại biểu đến dự đúng giờ./.\n"
    )
    data = plan_data(text)
    assert ceremonies_of(data) == [("2021-10-01", "07:30", "Trường THCS Phan Tây Hồ")]
    assert wishes_of(data) == {"Trần Thị Mai": ["Trường THCS Phan Tây Hồ"], "Lê Quốc Bảo": ["Trường THCS Phan Tây Hồ"]}


# -- extraction damage -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("broken", "word"),
    [("Nhât́", "Nhất"), ("Tâp̣ kêt́", "Tập kết"), ("Phương̀", "Phường"), ("Thaí", "Thái"), ("cuả", "của")],
)
def test_a_tone_mark_moved_off_its_vowel_is_put_back(broken: str, word: str) -> None:
    from paradeplan.importer.text import repair_marks

    assert repair_marks(broken) == word


@pytest.mark.parametrize("word", ["hoà", "hòa", "quý", "quí", "giá", "thuỷ", "khoẻ", "tuổi", "ngoài", "Khuê", "gửi"])
def test_a_word_spelled_right_is_left_alone(word: str) -> None:
    from paradeplan.importer.text import repair_marks

    assert repair_marks(word) == word


@pytest.mark.parametrize(("cut", "rest"), [("Phan", "Văn Trị"), ("Nguyễn", "Thái Sơn")])
def test_a_route_line_wrapped_inside_a_name(cut: str, rest: str) -> None:
    ex = extract(
        HEAD.format(year=2024) + "IV. LỘ TRÌNH\n"
        f"Chợ Tân Sơn Nhất - Nguyễn Kiệm - Quang Trung - Nguyễn Oanh - {cut}\n"
        f"{rest} - Lê Đức Thọ - UBND Phường 5 (điểm kết thúc, trao cờ lưu niệm cho các đơn vị).\n"
        "V. TỔ CHỨC THỰC HIỆN\n",
        "w.txt",
    )
    streets = [n for k, n in _route(ex) if k == "street"]
    assert name_key(f"{cut} {rest}") in streets and len(streets) == 5


@pytest.mark.parametrize(("first", "near"), [("Lê Thị Riêng", True), ("Hà Huy Giáp", False)])
def test_a_start_place_off_the_first_street_gets_its_way_out_as_a_decision(first: str, near: bool) -> None:
    from paradeplan.importer.context import WAY_OUT_NOTE

    text = (
        "UBND QUẬN 12\nỦY BAN NHÂN DÂN PHƯỜNG THỚI AN\nSố: 12/KH-UBND\nThới An, ngày 20 tháng 9 năm 2024\nKẾ HOẠCH\n"
        "Tổ chức diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
        "Đoàn tập trung tại UBND phường Thới An lúc 7g00 sáng Chủ nhật 06/10/2024; 7g30 xuất phát.\n"
        f"Lộ trình: UBND phường Thới An → {first} → Đỗ Mười → Chợ Thạnh Xuân.\n"
    )
    res = import_text(text, "w.txt")
    route = res.data["parades"][0]["route"]
    out = [s for s in route if s.get("note") == WAY_OUT_NOTE]
    if not near:  # 3 km and four streets away in the street data: no way made up, the place taken on the street
        place = res.data["places"][0]
        assert not out and route[1]["street"] == first and place["approximate"]
        assert any(d.field == "places[0]" and first in d.reason for d in res.decisions)
        assert not any(o["field"] == "places[0]" for o in res.data["open_items"])
        return
    assert out and route[1] is out[0] and route[len(out) + 1]["street"] == first
    assert any("UBND" in d.chosen and first in d.chosen for d in res.decisions)


# -- police plans: turn-by-turn lines, a rehearsal row, "cùng ngày" ---------------------------------------------------
@pytest.mark.parametrize("toward", ["đi về hướng ngã tư Ga", "theo hướng Quốc lộ 1", "hướng về chợ Thạnh Xuân"])
def test_numbered_turns_with_directions_junctions_and_street_ends(toward: str) -> None:
    ex = extract(
        HEAD.format(year=2024) + "III. LỘ TRÌNH\n"
        f"(1) Từ cổng trụ sở UBND Quận 12 rẽ phải ra đường Lê Thị Riêng, {toward};\n"
        "(2) Rẽ phải vào đường Đỗ Mười (Quốc lộ 1), đi về hướng ngã tư Ga;\n"
        "(3) Tại giao lộ Đỗ Mười - Lê Văn Khương rẽ phải vào đường Lê Văn Khương;\n"
        "(4) Đến giao lộ Lê Văn Khương - Nguyễn Ảnh Thủ rẽ trái vào đường Nguyễn Ảnh Thủ;\n"
        "(5) Cuối đường Nguyễn Ảnh Thủ rẽ trái vào đường Tô Ký, về lại trụ sở UBND Quận 12, giải tán đoàn.\n",
        "p.txt",
    )
    assert [n for k, n in _route(ex) if k == "street"] == [
        name_key(x) for x in ("Lê Thị Riêng", "Đỗ Mười", "Lê Văn Khương", "Nguyễn Ảnh Thủ", "Tô Ký")
    ]
    assert ex.route[0].kind == ex.route[-1].kind == "place"


@pytest.mark.parametrize("rehearsal", ["Tổng duyệt đoàn xe hoa", "Sơ duyệt chương trình diễu hành"])
def test_a_rehearsal_rows_time_is_not_the_parades(rehearsal: str) -> None:
    rows = [
        ["STT", "Nội dung", "Thời gian", "Địa điểm"],
        ["1", rehearsal, "16h00 Thứ Sáu 28/9/2018", "Sân UBND Phường 6"],
        ["2", "Diễu hành xe hoa cổ động", "Tập trung 7h00, xuất phát 7h30 Chủ nhật 30/9/2018", "Sân UBND Phường 6"],
    ]
    text = HEAD.format(year=2018) + "II. NỘI DUNG\n" + "\n".join(rows_lines(rows)) + "\n"
    text += "Lộ trình: UBND Phường 6 → Lý Thường Kiệt → Âu Cơ → Lạc Long Quân → UBND Phường 6.\n"
    ex = extract(text, "r.docx")
    assert (str(ex.assembly_time), str(ex.departure_time)) == ("07:00:00", "07:30:00")


def test_a_ceremony_on_the_same_day_as_the_line_above() -> None:
    text = (
        "UBND QUẬN 12\nPHƯƠNG ÁN\nBảo đảm trật tự phục vụ Lễ ra quân và diễu hành xe hoa năm 2024\n"
        "- Tập trung đội hình: 06 giờ 00 phút, Chủ nhật ngày 29/9/2024 tại sân trụ sở UBND Quận 12.\n"
        "- Lễ ra quân: 06 giờ 30 phút cùng ngày, tại sân trụ sở UBND Quận 12.\n"
    )
    assert [(str(c.date), str(c.time)) for c in extract(text, "p.txt").events.ceremonies] == [
        ("2024-09-29", "06:30:00")
    ]


def test_a_district_name_many_provinces_share_is_told_by_the_communes_named() -> None:
    text = (
        "UBND HUYỆN CHÂU THÀNH\nVĂN PHÒNG HĐND VÀ UBND\nChâu Thành, ngày 29 tháng 9 năm 2023\n"
        "LỊCH CÔNG TÁC TUẦN 40\ncủa Thường trực UBND huyện\n(Từ ngày 02/10/2023 đến ngày 08/10/2023)\n"
        "THỨ HAI (02/10)\n- 7g30: Chủ tịch Nguyễn Văn Tâm dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời cấp "
        "huyện tại Trường THCS Tân Hiệp.\n"
        "THỨ TƯ (04/10)\n- 7g00: PCT Trần Thị Hoa dự Lễ phát động tại TTHTCĐ xã Long Định.\n"
        "THỨ SÁU (06/10)\n- 7g30: PCT Trần Thị Hoa dự Lễ khai mạc tại Trường Tiểu học Bình Đức (điểm của cụm 4 xã "
        "Bình Đức, Thạnh Phú, Song Thuận, Long Hưng).\n"
    )
    data = plan_data(text)
    assert len(data["ceremonies"]) == 3
    assert wishes_of(data) == {
        "Nguyễn Văn Tâm": ["Trường THCS Tân Hiệp"],
        "Trần Thị Hoa": ["TTHTCĐ xã Long Định", "Trường Tiểu học Bình Đức"],
    }


@pytest.mark.parametrize(
    "extra",
    [
        "Buổi tổng duyệt chương trình Lễ khai mạc vào lúc 15 giờ 00, ngày 03/10/2020 tại "
        "Trường THPT Quốc Học Quy Nhơn.",
        "Phòng Giáo dục và Đào tạo: chủ trì tổ chức Lễ khai mạc; chuẩn bị diễn văn.",
    ],
)
def test_a_rehearsal_of_a_ceremony_or_a_task_about_it_is_no_ceremony(extra: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH\nSố: 101/KH-UBND\nQuy Nhơn, ngày 20 tháng 9 năm 2020\nKẾ HOẠCH\n"
        "Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2020\n"
        "1. Lễ khai mạc cấp tỉnh: 7 giờ 30 ngày 05/10/2020 tại Trường THPT Quốc Học Quy Nhơn.\n"
        f"2. {extra}\n"
    )
    assert ceremonies_of(plan_data(text)) == [("2020-10-05", "07:30", "Trường THPT Quốc Học Quy Nhơn")]
