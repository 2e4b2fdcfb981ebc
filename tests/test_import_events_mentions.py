"""One ceremony named several times is one event; officials' calendars and tables are itineraries. Each test writes
its own small texts (other provinces, names, punctuation), never a corpus document's wording."""

from __future__ import annotations

from datetime import date, time

import pytest

from paradeplan.errors import InputError
from paradeplan.importer import import_text
from paradeplan.importer.dates import find_dates, find_times
from paradeplan.importer.extract import extract
from paradeplan.importer.reader import rows_lines
from paradeplan.importer.text import fold

PROVINCE = "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 301/KH-UBND\nNghệ An, ngày 10 tháng 9 năm 2024\nKẾ HOẠCH\n"
DISTRICT = "ỦY BAN NHÂN DÂN\nHUYỆN ĐÔ LƯƠNG\nSố: 92/KH-UBND\nĐô Lương, ngày 16 tháng 9 năm 2024\nKẾ HOẠCH\n"
WEEK = "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"


def _held(text: str, name: str = "k.txt") -> list[tuple[str, str, str]]:
    res = import_text(text, name)
    places = {p["id"]: p["name"] for p in res.data.get("places") or []}
    return [(str(c["date"]), str(c["window_start"])[:5], places[c["venue"]]) for c in res.data["ceremonies"]]


def _itineraries(text: str, name: str = "k.txt") -> dict[str, list[str]]:
    res = import_text(text, name)
    places = {p["id"]: p["name"] for p in res.data.get("places") or []}
    venue = {c["id"]: places[c["venue"]] for c in res.data["ceremonies"]}
    return {fold(p["name"]).split(",")[0]: [venue[w] for w in p["wishes"]] for p in res.data.get("people") or []}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("tap trung luc 6 gio ruoi sang", [time(6, 30)]),
        ("khoang 15 gio ruoi chieu thi giai tan", [time(15, 30)]),
        ("tu 7 gio ruoi den 9 gio", [time(7, 30), time(9, 0)]),
    ],
)
def test_half_past_the_hour(text, want):
    assert [f.as_time for f in find_times(text)] == want


@pytest.mark.parametrize(
    "text",
    [
        "chieu ngay 03/10/2024 (nham ngay 1 thang 9 nam giap thin)",
        "chieu ngay 03/10/2024 (tuc ngay 01 thang 9 am lich)",
        "ngay 1 thang 9 am lich, tuc chieu ngay 03/10/2024",
    ],
)
def test_a_lunar_date_beside_the_civil_one_is_no_date(text):
    assert [f.as_date for f in find_dates(text, 2024)] == [date(2024, 10, 3)]


def test_a_ceremony_told_in_prose_and_timed_in_the_programme_is_one_event():
    text = (
        PROVINCE + WEEK + "I. THỜI GIAN, ĐỊA ĐIỂM\n"
        "Lễ khai mạc cấp tỉnh tổ chức vào thứ Tư, ngày 02-10-2024, tại Nhà Văn hóa trung tâm tỉnh, thành phố "
        "Vinh. Buổi chiều cùng ngày tổ chức Lễ phát động tại khu vực phía Tây của tỉnh (xã Tam Quang).\n"
        "II. CHƯƠNG TRÌNH\n"
        "| Thời gian | Nội dung | Địa điểm |\n"
        "| 7h30 - 8h00 | Đón tiếp đại biểu | Nhà Văn hóa trung tâm tỉnh |\n"
        "| 8h00 - 9h30 | Lễ khai mạc Tuần lễ cấp tỉnh | Nhà Văn hóa trung tâm tỉnh |\n"
        "| 14h30 - 16h00 | Lễ phát động Tuần lễ tại xã Tam Quang | Trung tâm học tập cộng đồng xã Tam Quang |\n"
        "III. TỔ CHỨC THỰC HIỆN\nỦy ban nhân dân xã Tam Quang: chuẩn bị địa điểm, vận động Nhân dân tham gia "
        "Lễ phát động.\n"
    )
    got = _held(text, "ct.docx")
    assert [(d, t) for d, t, _v in got] == [("2024-10-02", "08:00"), ("2024-10-02", "14:30")]
    assert fold(got[0][2]).startswith("nha van hoa trung tam tinh")
    assert "vinh." not in fold(got[0][2])  # the venue ends with its sentence
    assert fold(got[1][2]).startswith("trung tam hoc tap cong dong xa tam quang")


def test_an_officials_calendar_with_times_before_each_visit():
    text = (
        DISTRICT + WEEK + "II. NỘI DUNG\n1. Lễ khai mạc Tuần lễ cấp huyện\n"
        "- Thời gian: 08 giờ 00 phút, thứ Tư, ngày 02/10/2024.\n- Địa điểm: Trường THPT Đô Lương 1.\n"
        "2. Lễ khai mạc điểm cấp xã\n- Thời gian: 14 giờ 00 phút cùng ngày.\n"
        "- Địa điểm: Trung tâm học tập cộng đồng xã Bồi Sơn.\n"
        "3. Lịch dự của lãnh đạo huyện\n"
        "- Đ/c Cao Văn Tiến, Chủ tịch UBND huyện: 8h00 dự Lễ khai mạc cấp huyện; 14h00 dự Lễ khai mạc tại xã "
        "Bồi Sơn (TTHTCĐ xã).\n"
        "- Đ/c Lô Thị Hoa, Trưởng phòng Văn hóa và Thông tin: 14h00 dự Lễ khai mạc tại xã Bồi Sơn.\n"
    )
    assert _held(text) == [
        ("2024-10-02", "08:00", "Trường THPT Đô Lương 1"),
        ("2024-10-02", "14:00", "Trung tâm học tập cộng đồng xã Bồi Sơn"),
    ]
    assert _itineraries(text) == {
        "cao van tien": ["Trường THPT Đô Lương 1", "Trung tâm học tập cộng đồng xã Bồi Sơn"],
        "lo thi hoa": ["Trung tâm học tập cộng đồng xã Bồi Sơn"],
    }


@pytest.mark.parametrize(
    ("head", "name_cell", "role_cell"),
    [
        ("| Đồng chí | Chức vụ | Dự |", "Phan Đức Đồng", "Phó Chủ tịch UBND tỉnh"),
        ("| Họ và tên | Chức danh | Lịch dự |", "Ông Phan Đức Đồng", "Phó Chủ tịch UBND tỉnh"),
    ],
)
def test_an_officials_table_is_their_itineraries(head, name_cell, role_cell):
    text = (
        PROVINCE + WEEK + "II. LỊCH TỔ CHỨC\n"
        "| Ngày | Giờ | Hoạt động | Địa điểm |\n"
        "| 02/10/2024 | 8h00 | Lễ khai mạc Tuần lễ cấp tỉnh | Quảng trường Hồ Chí Minh, thành phố Vinh |\n"
        "| 02/10/2024 | 15h00 | Lễ khai mạc huyện Yên Thành (điểm cấp huyện) | Nhà văn hóa huyện Yên Thành |\n"
        "III. PHÂN CÔNG\n" + head + "\n"
        f"| {name_cell} | {role_cell} | Lễ khai mạc cấp tỉnh (8h00 ngày 02/10); sau đó dự Lễ khai mạc huyện "
        "Yên Thành (15h00 cùng ngày) |\n"
        "| Hồ Thị Vân | Giám đốc Sở GD&ĐT | Lễ khai mạc huyện Yên Thành (15h00 ngày 02/10) |\n"
    )
    assert [(d, t) for d, t, _v in _held(text)] == [("2024-10-02", "08:00"), ("2024-10-02", "15:00")]
    got = _itineraries(text)
    assert sorted(got.values(), key=len) == [
        ["Nhà văn hóa huyện Yên Thành"],
        ["Quảng trường Hồ Chí Minh", "Nhà văn hóa huyện Yên Thành"],  # the city after the comma: its address
    ]
    assert any("phan duc dong" in k for k in got) and any("ho thi van" in k for k in got)


def test_an_officials_table_row_becomes_a_sentence():
    lines = rows_lines([["Đồng chí", "Chức vụ", "Dự"], ["Lê Minh", "Phó Giám đốc Sở", "Lễ khai mạc tại xã A"]])
    assert lines == ["Đồng chí Lê Minh, Phó Giám đốc Sở: dự lễ khai mạc tại xã A"]


def test_a_ceremony_named_only_in_a_visit_after_a_speech_takes_the_first_visits_day_and_its_own_venue():
    text = (
        PROVINCE + WEEK + "II. NỘI DUNG\n1. Lễ phát động Tuần lễ cấp tỉnh\n"
        "Tổ chức vào lúc 7 giờ 00 phút, thứ Tư, ngày 02/10/2024 tại Quảng trường Hồ Chí Minh, thành phố Vinh.\n"
        "2. Lãnh đạo tỉnh dự\n"
        "- Đồng chí Bùi Đình Long, Phó Chủ tịch UBND tỉnh: dự, phát biểu tại Lễ phát động cấp tỉnh tại Quảng "
        "trường Hồ Chí Minh, sau đó dự Lễ khai mạc tại Trung tâm học tập cộng đồng phường Vinh Tân lúc 9 giờ 15 "
        "phút cùng ngày.\n"
    )
    held = _held(text)
    assert held[1] == ("2024-10-02", "09:15", "Trung tâm học tập cộng đồng phường Vinh Tân")
    assert list(_itineraries(text).values()) == [[held[0][2], held[1][2]]]


def test_a_unit_taking_part_in_a_ceremony_holds_none():
    ex = extract(
        DISTRICT + WEEK + "1. Lễ khai mạc\nLễ khai mạc tổ chức lúc 7 giờ 30 ngày 01/10/2024 tại Hội trường huyện.\n"
        "2. UBND thị trấn Đô Lương: huy động đoàn viên, hội viên tham gia Lễ khai mạc.\n",
        "k.txt",
    )
    assert [(c.date, c.time) for c in ex.events.ceremonies] == [(date(2024, 10, 1), time(7, 30))]


def test_two_units_ceremonies_at_the_same_hour_stay_two():
    ex = extract(
        DISTRICT + WEEK + "Lễ khai mạc tổ chức đồng loạt lúc 7 giờ 30 ngày 01/10/2024:\n"
        "- Xã Bồi Sơn: tổ chức Lễ khai mạc lúc 7 giờ 30 ngày 01/10/2024 tại Trung tâm học tập cộng đồng xã.\n"
        "- Xã Nam Sơn: tổ chức Lễ khai mạc lúc 7 giờ 30 ngày 01/10/2024 tại Nhà văn hóa xã Nam Sơn.\n",
        "k.txt",
    )
    assert len([c for c in ex.events.ceremonies if c.place]) == 2


# --------------------------------------------------------------------------------------- parades' times and days
WARD = "ỦY BAN NHÂN DÂN\nPHƯỜNG LINH XUÂN\nSố: 41/KH-UBND\nLinh Xuân, ngày 20 tháng 9 năm 2025\nKẾ HOẠCH\n"
PARADE = "Diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2025\n"
ROUTE = "Lộ trình: Nhà Văn hóa phường → đường Tô Ngọc Vân → Nhà Văn hóa phường.\n"


@pytest.mark.parametrize(
    "rows",
    [
        "06g30 - 07g00 Tập trung xe hoa, kiểm tra trang trí Nhà Văn hóa phường\n07g00 Đoàn xe xuất phát Các tuyến\n",
        "06h30 - 07h00: Tập trung xe hoa tại Nhà Văn hóa phường\n07h00: Đoàn xe xuất phát\n",
    ],
)
def test_a_programmes_rows_under_a_dated_heading(rows):
    ex = extract(WARD + PARADE + "3. Chương trình cụ thể (ngày thứ Sáu, 03/10/2025)\n" + rows + ROUTE, "k.txt")
    assert (ex.assembly_date or ex.departure_date, ex.assembly_time, ex.departure_time) == (
        date(2025, 10, 3),
        time(6, 30),
        time(7, 0),
    )


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("Đoàn gồm 12 xe hoa, diễu hành vào lúc 16 giờ 00 phút ngày 04/10/2025; tập kết từ 15 giờ 30.", time(16, 0)),
        (
            "Các xe diễu hành lúc 8h15 ngày 04/10/2025 (thứ Bảy), tập trung tại Nhà Văn hóa phường lúc 7h45.",
            time(8, 15),
        ),
    ],
)
def test_dieu_hanh_luc_is_the_departure(sentence, want):
    ex = extract(WARD + PARADE + sentence + "\n" + ROUTE, "k.txt")
    assert ex.departure_time == want


def test_toi_before_a_time_is_until_not_evening():
    ex = extract(
        WARD + PARADE + "Sáng Chủ nhật tuần này, ngày 05 tháng 10, bà con tập trung tại Nhà Văn hóa phường lúc 6 giờ "
        "rưỡi, tới 7 giờ thì xuất phát.\n" + ROUTE,
        "k.txt",
    )
    assert (ex.assembly_time, ex.departure_time) == (time(6, 30), time(7, 0))
    assert [f.as_time for f in find_times("tu 6 gio toi 8 gio toi")] == [time(6, 0), time(20, 0)]


# ------------------------------------------------------------------------------------------------------ vehicles
POLICE = "CÔNG AN QUẬN 9\nĐỘI CẢNH SÁT GIAO THÔNG\nSố: 12/PA-CSGT\nQuận 9, ngày 20 tháng 9 năm 2024\nPHƯƠNG ÁN\n"


def _vehicles(text: str) -> list[tuple[str, int]]:
    return [(f.kind, f.count) for f in extract(text, "k.txt").forces]


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("- 03 xe ô tô tuần tra: 01 xe dẫn đầu, 02 xe khóa đuôi.", [("police_car", 1), ("police_car", 2)]),
        ("- 02 xe ô tô: 01 xe đi đầu đoàn; 01 xe đi cuối đoàn.", [("police_car", 1), ("police_car", 1)]),
    ],
)
def test_a_police_plans_own_cars_a_total_then_its_parts(line, want):
    text = POLICE + "Bảo đảm an toàn giao thông cho đoàn xe hoa\nIII. LỰC LƯỢNG, PHƯƠNG TIỆN\n" + line + "\n"
    assert _vehicles(text + "- 06 xe mô tô chuyên dùng.\n" + ROUTE) == [*want, ("motorbike", 6)]


def test_a_labelled_car_of_the_police_and_an_ambulance():
    text = WARD + PARADE + "II. PHƯƠNG TIỆN\n- Xe hoa: 10 xe (mỗi khu phố 01 xe).\n"
    text += "- Xe ô tô dẫn đoàn: 01 xe (Công an phường).\n- Xe cứu thương: 01 xe (Trạm Y tế phường), đi cuối đoàn.\n"
    assert _vehicles(text + ROUTE) == [("float", 10), ("police_car", 1), ("other", 1)]


def test_the_columns_floats_told_outside_a_police_plans_forces_section():
    text = (
        POLICE + "Bảo đảm an toàn giao thông cho đoàn xe hoa\nII. TÌNH HÌNH\nĐoàn xe gồm 14 xe hoa của phường Linh "
        "Xuân, diễu hành vào lúc 15 giờ 30 phút ngày 05/10/2024.\nIII. LỰC LƯỢNG, PHƯƠNG TIỆN\n"
        "- 02 xe ô tô tuần tra: 01 xe dẫn đầu, 01 xe khóa đuôi.\n- 08 xe mô tô chuyên dùng.\n" + ROUTE
    )
    assert _vehicles(text) == [("float", 14), ("police_car", 1), ("police_car", 1), ("motorbike", 8)]


# ------------------------------------------------------------------------------------- nothing to plan, names
def test_a_cancellation_quoting_the_plan_and_a_weather_span_in_its_grounds_is_not_moved():
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ PHƯỚC KIỂN\nSố: 77/TB-UBND\nPhước Kiển, ngày 02 tháng 10 năm 2024\nTHÔNG BÁO\n"
        "Về việc không tổ chức diễu hành xe hoa\n"
        "Căn cứ Kế hoạch số 61/KH-UBND ngày 12/9/2024 của UBND xã (dự kiến xuất phát lúc 7 giờ 00 ngày 05/10/2024 "
        "tại Nhà văn hóa xã, lộ trình: Nhà văn hóa xã – Lê Văn Lương – Nhà văn hóa xã; gồm 06 xe hoa);\n"
        "Căn cứ tin bão số 4 của Đài Khí tượng, mưa lớn kéo dài từ ngày 03/10/2024 đến ngày 07/10/2024;\n"
        "1. Không tổ chức diễu hành xe hoa nêu tại Kế hoạch số 61/KH-UBND.\n"
    )
    with pytest.raises(InputError) as err:
        import_text(text, "tb.txt")
    said = str(err.value.problems[0].message)
    assert "không có gì để lập kế hoạch" in said and "Căn cứ" not in said


def test_the_day_of_a_ceremony_is_no_ceremony():
    ex = extract(
        WARD + "Tổ chức đoàn xe loa tuyên truyền lưu động ngày khai mạc\nTuần lễ hưởng ứng học tập suốt đời\n"
        "Các xe tập trung tại Nhà Văn hóa phường lúc 6 giờ 30; lăn bánh lúc 7 giờ ngày 01/10/2025.\n" + ROUTE,
        "k.txt",
    )
    assert ex.events.ceremonies == []


@pytest.mark.parametrize(
    ("header", "want"),
    [
        ("TRƯỜNG THCS NGUYỄN HUỆ", "Trường THCS Nguyễn Huệ"),
        ("TRƯỜNG TH VÀ THCS HÒA BÌNH", "Trường TH Và THCS Hòa Bình"),
        ("PHÒNG GD&ĐT HUYỆN CỦ CHI", "Phòng GD&ĐT Huyện Củ Chi"),
    ],
)
def test_an_issuer_in_capitals_keeps_its_abbreviations(header, want):
    ex = extract(header + "\nSố: 9/KH-THCS\nngày 5 tháng 9 năm 2024\nKẾ HOẠCH\nTổ chức Tuần lễ năm 2024\n", "k.txt")
    assert ex.issuer == want


def test_a_closing_review_ceremony_is_a_ceremony_and_a_review_meeting_is_not():
    ex = extract(
        DISTRICT + WEEK + "1. Lễ tổng kết Tuần lễ: 15 giờ 00 ngày 07/10/2024 tại Hội trường UBND huyện.\n"
        "2. Hội nghị tổng kết công tác: 8 giờ ngày 20/12/2024 tại Hội trường UBND huyện.\n",
        "k.txt",
    )
    assert [(c.family, c.date, c.time) for c in ex.events.ceremonies] == [("closing", date(2024, 10, 7), time(15))]


# ----------------------------------------------------------------------------------------- guests of one ceremony
COMMUNE = "UBND HUYỆN HÒA VANG\nỦY BAN NHÂN DÂN XÃ HÒA PHÚ\nSố: 15/KH-UBND\nHòa Phú, ngày 12 tháng 9 năm 2025\n"
COMMUNE += "KẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"


@pytest.mark.parametrize(
    "line",
    [
        "Mời đồng chí Trần Văn Bảy, Phó Chủ tịch UBND huyện dự và phát biểu chỉ đạo.",
        "Trân trọng kính mời Ông Trần Văn Bảy, Phó Chủ tịch UBND huyện tham dự.",
        "Đồng chí Trần Văn Bảy, Phó Chủ tịch UBND huyện chủ trì.",
    ],
)
def test_the_one_ceremonys_invited_or_chairing_official_attends_it(line):
    text = COMMUNE + "II. NỘI DUNG\n1. Lễ khai mạc\nThời gian: 7g30 ngày 2.10.2025 (Thứ Năm).\n"
    text += "Địa điểm: Nhà văn hóa thôn Phú Sơn.\n" + line + "\n"
    got = _itineraries(text)
    assert [(k.split()[-3:], v) for k, v in got.items()] == [(["tran", "van", "bay"], ["Nhà văn hóa thôn Phú Sơn"])]


def test_a_person_named_with_and_without_an_office_is_one_person():
    text = COMMUNE + "II. CHƯƠNG TRÌNH\n| TT | Thời gian | Nội dung | Địa điểm | Chủ trì |\n"
    text += "| 1 | 7h30, 02/10/2025 | Lễ khai mạc Tuần lễ | Nhà văn hóa thôn 3 | Đ/c Lê Thị Na, Chủ tịch UBND xã |\n"
    text += "| 2 | 16h00, 08/10/2025 | Lễ bế mạc | Nhà văn hóa thôn 5 | Đ/c Lê Thị Na |\n"
    assert list(_itineraries(text, "lich.docx").values()) == [["Nhà văn hóa thôn 3", "Nhà văn hóa thôn 5"]]


def test_labelled_programme_rows_under_a_dated_heading_take_its_day():
    ex = extract(
        WARD + PARADE + "3. Chương trình (Chủ nhật, 05/10/2025)\n"
        "Tập trung xe hoa — Thời gian: 06g45 - 07g15; Địa điểm: Nhà Văn hóa phường.\n"
        "Đoàn xe xuất phát — Thời gian: 07g15; Địa điểm: Nhà Văn hóa phường.\n" + ROUTE,
        "k.txt",
    )
    assert (ex.assembly_date or ex.departure_date, ex.assembly_time) == (date(2025, 10, 5), time(6, 45))


# ------------------------------------------------------------------------------------- more itinerary notations
TOWN = "UBND TỈNH QUẢNG NAM\nỦY BAN NHÂN DÂN THỊ XÃ ĐIỆN BÀN\nSố: 15/KH-UBND\nĐiện Bàn, ngày 12 tháng 9 năm 2024\n"
TOWN += "KẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\nII. NỘI DUNG\n"
TOWN += "1. Lễ khai mạc cấp thị xã: 7 giờ 30 ngày 01/10/2024 tại Hội trường Trung tâm Văn hóa thị xã.\n"
TOWN += "2. Lễ khai mạc tại xã Điện Hòa: 9 giờ 30 cùng ngày tại Trung tâm học tập cộng đồng xã Điện Hòa.\n"
TOWN += "3. Lễ khai mạc tại xã Điện Hồng: 14 giờ 00 cùng ngày tại Nhà văn hóa xã Điện Hồng.\n"
HALL, CLC, HOUSE = (
    "Hội trường Trung tâm Văn hóa thị xã",
    "Trung tâm học tập cộng đồng xã Điện Hòa",
    "Nhà văn hóa xã Điện Hồng",
)


@pytest.mark.parametrize(
    ("tail", "want"),
    [
        (
            "4. Lãnh đạo dự\nĐồng chí Võ Văn An, Chủ tịch UBND thị xã dự Lễ khai mạc cấp thị xã (7 giờ 30) và Lễ khai "
            "mạc tại xã Điện Hòa (9 giờ 30).\n",
            [[HALL, CLC]],
        ),
        (
            "4. Lãnh đạo dự\nĐồng chí Phan Thị Lụa, Phó Chủ tịch UBND thị xã: sáng 01/10 dự Lễ khai mạc tại xã Điện "
            "Hòa; chiều cùng ngày dự Lễ khai mạc tại xã Điện Hồng.\n",
            [[CLC, HOUSE]],
        ),
        (
            "4. Phân công lãnh đạo dự Lễ khai mạc tại các xã:\n"
            "- Xã Điện Hòa: đồng chí Võ Văn An, Chủ tịch UBND thị xã.\n"
            "- Xã Điện Hồng: đồng chí Phan Thị Lụa, Phó Chủ tịch UBND thị xã.\n",
            [[CLC], [HOUSE]],
        ),
    ],
)
def test_itineraries_joined_by_va_after_a_date_and_listed_by_place(tail, want):
    assert list(_itineraries(TOWN + tail).values()) == want


def test_a_leaders_column_in_a_table_without_a_venue_column():
    tail = "4. Lịch dự của lãnh đạo\n| Thời gian | Nội dung | Lãnh đạo dự |\n"
    tail += "| 7h30, 01/10 | Lễ khai mạc cấp thị xã | Đồng chí Võ Văn An |\n"
    tail += "| 9h30, 01/10 | Lễ khai mạc tại xã Điện Hòa | Đồng chí Võ Văn An; Đồng chí Phan Thị Lụa |\n"
    assert len(_held(TOWN + tail, "lich.docx")) == 3  # the leaders' rows name the ceremonies, they add none
    assert list(_itineraries(TOWN + tail, "lich.docx").values()) == [[HALL, CLC], [CLC]]
    assert [f.as_date for f in find_dates("thoi gian: 7h30, 01/10; dia diem", 2024)] == [date(2024, 10, 1)]


def test_counts_in_words_with_their_digits_in_brackets():
    text = WARD + PARADE + "Lực lượng tham gia: mười hai (12) xe hoa, một (01) xe loa và hai (02) xe mô tô.\n" + ROUTE
    assert _vehicles(text) == [("float", 12), ("loudspeaker", 1), ("motorbike", 2)]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("Các xe tập trung trước 18 giờ 30.", time(18, 30)),
        ("Các xe hoa có mặt chậm nhất lúc 18h15 để kiểm tra.", time(18, 15)),
    ],
)
def test_assembling_by_a_time_without_a_place(sentence, want):
    text = WARD + PARADE + "Vào lúc 19 giờ tối Thứ Bảy, 04/10/2025, đoàn xe hoa sẽ xuất phát từ Nhà Văn hóa phường.\n"
    ex = extract(text + sentence + "\n" + ROUTE, "k.txt")
    assert (ex.assembly_time, ex.departure_time) == (want, time(19, 0))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("ngay 2 thang muoi nam 2024", [date(2024, 10, 2)]),
        ("tuan le tu 01/10 - 07/10/2024", [date(2024, 10, 1), date(2024, 10, 7)]),
        ("sang ngay 30 thang chin", [date(2024, 9, 30)]),
    ],
)
def test_a_month_in_words_and_a_spans_first_day(text, want):
    assert [f.as_date for f in find_dates(text, 2024)] == want


def test_a_heading_naming_the_unit_takes_the_venue_its_paragraph_gives():
    text = (
        PROVINCE + WEEK + "II. NỘI DUNG\n1. Lễ khai mạc cấp tỉnh\nLễ khai mạc cấp tỉnh được tổ chức vào lúc 07 giờ 30 "
        "phút ngày 02/10/2024 tại Quảng trường Hồ Chí Minh, thành phố Vinh.\n2. Lễ hưởng ứng tại phường Hưng Dũng\n"
        "Vào lúc 15 giờ 00 phút cùng ngày tại Nhà văn hóa khối 5, phường Hưng Dũng; UBND phường chủ trì.\n"
    )
    got = _held(text)
    assert got[1][:2] == ("2024-10-02", "15:00") and fold(got[1][2]).startswith("nha van hoa khoi 5")


def test_a_times_minutes_are_no_vehicles():
    text = WARD + PARADE + "Các xe tập kết từ 6 giờ 45 tại Nhà Văn hóa phường; đúng 7 giờ 15 đoàn xe xuất phát, gồm "
    assert _vehicles(text + "06 xe hoa và 02 xe mô tô.\n" + ROUTE) == [("float", 6), ("motorbike", 2)]


def test_a_programme_rows_departure_and_the_documents_stated_day():
    text = (
        WARD
        + PARADE
        + "II. THỜI GIAN, ĐỊA ĐIỂM\nChủ nhật, ngày 05/10/2025, tại Nhà Văn hóa phường.\nIII. CHƯƠNG TRÌNH\n"
        "| STT | Thời gian | Nội dung |\n| 1 | 06 giờ 30 – 07 giờ 00 | Các xe hoa tập kết tại sân Nhà Văn hóa |\n"
        "| 2 | 07 giờ 20 | Đoàn xe hoa xuất phát: Nhà Văn hóa phường – Tô Ngọc Vân – Nhà Văn hóa phường |\n"
    )
    ex = extract(text, "k.docx")
    assert (ex.assembly_date, ex.assembly_time, ex.departure_time) == (date(2025, 10, 5), time(6, 30), time(7, 20))


def test_a_label_ending_in_a_number_before_its_count():
    text = (
        WARD
        + PARADE
        + "II. PHƯƠNG TIỆN\n- Xe hoa: 07 xe.\n- Xe ô tô Đội CSGT Công an Quận 12: 01 xe bảo vệ cuối đoàn.\n"
    )
    assert _vehicles(text + ROUTE) == [("float", 7), ("police_car", 1)]


def test_an_unlabelled_paragraph_with_its_day_and_times():
    text = WARD + PARADE + "Buổi chiều ngày 2/10/2025 (nhằm ngày 11 tháng 8 năm Ất Tỵ). Tập trung lúc 13 giờ 30 phút; "
    ex = extract(text + "xuất phát lúc 14 giờ 00 phút.\n" + ROUTE, "k.txt")
    assert (ex.assembly_date or ex.departure_date, ex.assembly_time, ex.departure_time) == (
        date(2025, 10, 2),
        time(13, 30),
        time(14, 0),
    )


@pytest.mark.parametrize(
    ("items", "want"),
    [
        ("- 7h00 – 7h25: Đón tiếp đại biểu, văn nghệ chào mừng.\n- 7h30: Chào cờ, tuyên bố lý do.\n", "07:30"),
        ("+ 07 giờ 45: Ổn định tổ chức.\n+ 08 giờ 00: Chào cờ; diễn văn khai mạc Tuần lễ.\n", "08:00"),
    ],
)
def test_a_scripts_ceremony_starts_with_its_programmes_first_item_after_the_reception(items, want):
    text = (
        "UBND QUẬN BÌNH THẠNH\nỦY BAN NHÂN DÂN PHƯỜNG 25\nSố: 15/KB-UBND\nPhường 25, ngày 12 tháng 9 năm 2024\n"
        "KỊCH BẢN\nLễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024\nThời gian: thứ Ba, ngày 01/10/2024.\n"
        "Địa điểm: Sân Trường THCS Điện Biên.\nII. CHƯƠNG TRÌNH\n" + items + "- 8h15: Diễn văn khai mạc Tuần lễ.\n"
    )
    assert [(d, t) for d, t, _v in _held(text)] == [("2024-10-01", want)]


def test_a_ceremony_of_a_unit_the_data_does_not_know_is_kept_at_the_issuers_seat_and_asked():
    text = TOWN.replace("xã Điện Hồng", "xã Điện Thắng")  # split into three wards before 2024: no such commune
    res = import_text(text, "k.txt")
    assert [c["window_start"] for c in res.data["ceremonies"]][-1] == "14:00"
    asked = " ".join(o["question"] for o in res.data["open_items"])
    assert "Nhà văn hóa xã Điện Thắng" in asked and "gần đúng" in asked


def test_each_verbs_own_time_in_a_time_line_and_a_count_in_brackets_after_its_kind():
    ex = extract(
        WARD + PARADE + "Thời gian: 6 giờ 30 phút sáng Chủ nhật (05/10/2025) tập trung; 7 giờ khởi hành.\n"
        "Phương tiện: xe hoa (12 xe), xe cứu thương (01 xe), xe mô tô dẫn đoàn (02 xe).\n" + ROUTE,
        "k.txt",
    )
    assert (ex.assembly_time, ex.departure_time) == (time(6, 30), time(7, 0))
    assert [(f.kind, f.count) for f in ex.forces] == [("float", 12), ("other", 1), ("motorbike", 2)]


MYTHO = "UBND TỈNH ĐỒNG THÁP\nỦY BAN NHÂN DÂN XÃ MỸ THỌ\nSố: 15/KH-UBND\nMỹ Thọ, ngày 12 tháng 9 năm 2025\nKẾ HOẠCH\n"
MYTHO += "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025\nII. NỘI DUNG\n"


@pytest.mark.parametrize(
    ("body", "want"),
    [
        (
            "1. Lễ khai mạc, phát động Tuần lễ\n- Thời gian: 7 giờ 30 phút, ngày 01/10/2025.\n- Địa điểm: Trường THCS "
            "Mỹ Thọ.\n2. Lễ bế mạc: 16 giờ ngày 07/10/2025 tại Trường THCS Mỹ Thọ.\n",
            [("2025-10-01", "07:30", "Trường THCS Mỹ Thọ"), ("2025-10-07", "16:00", "Trường THCS Mỹ Thọ")],
        ),
        (
            "Lễ khai mạc Tuần lễ được tổ chức lồng ghép với Lễ khai giảng lớp xóa mù chữ vào 7 giờ 30 ngày 02/10/2025 "
            "tại Trung tâm học tập cộng đồng xã.\n",
            [("2025-10-02", "07:30", "Trung tâm học tập cộng đồng xã")],
        ),
        (
            "1. Ngày 01/10/2025: Lễ khai mạc Tuần lễ (7h30, Nhà văn hóa ấp Mỹ Thạnh).\n"
            "2. Ngày 03/10/2025: Ngày hội đọc sách (8h00, Thư viện xã).\n",
            [("2025-10-01", "07:30", "Nhà văn hóa ấp Mỹ Thạnh")],
        ),
    ],
)
def test_a_sibling_heading_a_ceremony_combined_with_another_kind_and_a_venue_in_brackets(body, want):
    assert _held(MYTHO + body) == want
