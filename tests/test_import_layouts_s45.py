"""Layouts met on the blind set heldout46 (officials' itineraries), each written here in variants (other names, days
and places; no corpus document): a bilingual school's notice, ceremonies numbered "(1)" and sent to by number,
officials split into groups that visit in turn, ceremonies each ward of a heading holds, a joint ceremony "held by
no one separately", a work schedule whose first column is "Thời gian", a delegation's day in prose, a provincial
schedule by day and leader, an invitation whose every official has a line of their own, officials who send someone
in their place, and a seating time in brackets."""

from __future__ import annotations

import pytest

from imported import WARD, ceremonies_of, plan_data, route_of, wishes_of
from paradeplan.errors import InputError
from paradeplan.geo.admin import snapshot
from paradeplan.importer.extract import extract
from paradeplan.importer.text import clean, logical_lines


def _refused_as_nothing(text: str, source: str) -> None:
    """That the importer refuses a text as "nothing to plan" (exit 2 at the command line)."""
    with pytest.raises(InputError) as err:
        plan_data(text, source)
    assert "không có gì để lập kế hoạch" in str(err.value.problems[0].message)


def _wish(wishes: dict[str, list[str]], who: str) -> list[str] | None:
    """The ceremonies of the one person whose name holds ``who`` (None when nobody's does)."""
    found = [v for k, v in wishes.items() if who in k]
    assert len(found) <= 1, wishes
    return found[0] if found else None


# -- a bilingual notice -----------------------------------------------------------------------------------------------
SCHOOL = (
    "TRƯỜNG LIÊN CẤP QUỐC TẾ SAO MAI – CẦN THƠ\n"
    "Ban Giám hiệu / Board of Principals\n"
    "Số/Ref.: 12/TB-SM                                   Cần Thơ, ngày 20 tháng 9 năm 2024\n"
    "THÔNG BÁO / NOTICE\n"
    "Lịch các buổi lễ Tuần lễ hưởng ứng học tập suốt đời năm 2024 / Lifelong Learning Week 2024 schedule\n"
    "A. CÁC BUỔI LỄ / CEREMONIES\n"
    "(1) Lễ khai mạc / Opening Ceremony\n"
    "- {time} / {time_en}: 7 giờ 00, thứ Tư 02/10/2024 (Wednesday 2 October 2024)\n"
    "- {venue} / {venue_en}: Nhà thi đấu đa năng, cơ sở Ninh Kiều (Ninh Kieu campus)\n"
    '(2) Lễ trao giải "Đọc sách cùng con" / Reading Together Awards\n'
    "- {time} / {time_en}: 15:30, thứ Năm 03/10/2024\n"
    "- {venue} / {venue_en}: Thư viện Trung học, cơ sở Cái Răng\n"
    "Because of the school's sports day, the awards are held in the afternoon.\n"
    "B. THÀNH PHẦN DỰ / WHO ATTENDS\n"
    "- Ông Lý Quốc Toàn, Hiệu trưởng / Mr. Ly Quoc Toan, Principal: dự (1) và chủ trì (2). / attends (1), chairs (2).\n"
    "- Bà Châu Ngọc Hân, Phó Hiệu trưởng: dự (2).\n"
    "- Bà Đoàn Thị Mỹ, Trưởng phòng GD&ĐT, được mời dự (1); bà Mỹ đã thông báo cử một chuyên viên dự thay.\n"
)


@pytest.mark.parametrize(
    ("time", "time_en", "venue", "venue_en"),
    [("Thời gian", "Time", "Địa điểm", "Venue"), ("Thời gian tổ chức", "Date and time", "Địa điểm", "Place")],
)
def test_a_bilingual_notice_reads_its_vietnamese_labels_and_numbered_ceremonies(
    time: str, time_en: str, venue: str, venue_en: str
) -> None:
    data = plan_data(SCHOOL.format(time=time, time_en=time_en, venue=venue, venue_en=venue_en))
    assert ceremonies_of(data) == [
        ("2024-10-02", "07:00", "Nhà thi đấu đa năng, cơ sở Ninh Kiều"),
        ("2024-10-03", "15:30", "Thư viện Trung học, cơ sở Cái Răng"),
    ]
    wishes = wishes_of(data)
    assert _wish(wishes, "Lý Quốc Toàn") == [
        "Nhà thi đấu đa năng, cơ sở Ninh Kiều",
        "Thư viện Trung học, cơ sở Cái Răng",
    ]
    assert _wish(wishes, "Châu Ngọc Hân") == ["Thư viện Trung học, cơ sở Cái Răng"]
    assert _wish(wishes, "Đoàn Thị Mỹ") is None  # she sends a member of her staff


def test_english_glosses_are_left_out_of_a_bilingual_text_only() -> None:
    bilingual = clean(SCHOOL.format(time="Thời gian", time_en="Time", venue="Địa điểm", venue_en="Venue"))
    assert "- Thời gian: 7 giờ 00, thứ Tư 02/10/2024\n" in bilingual
    assert "Because" not in bilingual and "Board of" not in bilingual
    plain = "Lễ khai mạc / Lễ bế mạc: 7 giờ 30 ngày 01/10/2024 tại Hội trường A / Hall A\n"
    assert clean(plain) == plain  # one gloss is no bilingual document


# -- groups of officials that visit in turn ---------------------------------------------------------------------------
GROUPS = (
    "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ THỦ DẦU MỘT\nSố: 321/TB-UBND\nThủ Dầu Một, ngày 25 tháng 9 năm 2023\n"
    "THÔNG BÁO\nPhân công lãnh đạo thành phố dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2023\n"
    "1. Lễ khai mạc cấp thành phố\n"
    "Lễ khai mạc tổ chức lúc 7 giờ 30 sáng thứ Hai, ngày 2/10/2023 tại Trường THCS Nguyễn Văn Cừ.\n"
    "Lãnh đạo thành phố dự: đ/c Trần Thanh Liêm, Chủ tịch UBND thành phố; đ/c Võ Văn Minh, Phó Chủ tịch.\n"
    "2. Lễ khai mạc tại các phường (sáng thứ Tư, ngày 4/10/2023)\n"
    "{group} 1 – gồm các đồng chí: Võ Văn Minh, Phó Chủ tịch UBND thành phố (trưởng đoàn); Lê Thị Thu, "
    "Trưởng phòng Giáo dục và Đào tạo.\n"
    "{intro}\n"
    "- 7h30: Lễ khai mạc phường Phú Cường tại Trung tâm học tập cộng đồng phường Phú Cường;\n"
    "- 9h00: Lễ khai mạc phường Hiệp Thành tại Nhà văn hóa khu phố 4, phường Hiệp Thành.\n"
    "{group} 2 – gồm các đồng chí: Huỳnh Tấn Phát, Phó Bí thư Thành ủy; Ngô Thị Lan, Phó Trưởng phòng Văn hóa.\n"
    "{intro}\n"
    "- 8h00: Lễ khai mạc chung của phường Chánh Nghĩa và phường Phú Hòa tại Trung tâm học tập cộng đồng phường "
    "Chánh Nghĩa (hai phường tổ chức chung, phường Phú Hòa không tổ chức riêng).\n"
    "Riêng đ/c Ngô Thị Lan dự tại phường Chánh Nghĩa xong về họp Ban Chỉ đạo lúc 9h30, không dự buổi chiều.\n"
)


@pytest.mark.parametrize(("group", "intro"), [("Cụm", "Lần lượt dự:"), ("Tổ", "Đi dự các buổi lễ sau:")])
def test_each_member_of_a_group_attends_the_visits_listed_under_it(group: str, intro: str) -> None:
    data = plan_data(GROUPS.format(group=group, intro=intro))
    assert ceremonies_of(data) == [
        ("2023-10-02", "07:30", "Trường THCS Nguyễn Văn Cừ"),
        ("2023-10-04", "07:30", "Trung tâm học tập cộng đồng phường Phú Cường"),
        ("2023-10-04", "08:00", "Trung tâm học tập cộng đồng phường Chánh Nghĩa"),
        ("2023-10-04", "09:00", "Nhà văn hóa khu phố 4"),
    ]
    wishes = wishes_of(data)
    ward_day = ["Trung tâm học tập cộng đồng phường Phú Cường", "Nhà văn hóa khu phố 4"]
    assert _wish(wishes, "Võ Văn Minh") == ["Trường THCS Nguyễn Văn Cừ", *ward_day]  # both days, in order
    assert _wish(wishes, "Lê Thị Thu") == ward_day
    assert _wish(wishes, "Huỳnh Tấn Phát") == ["Trung tâm học tập cộng đồng phường Chánh Nghĩa"]
    assert _wish(wishes, "Trần Thanh Liêm") == ["Trường THCS Nguyễn Văn Cừ"]


def test_a_former_ward_merged_in_the_issuing_district_is_the_ward_it_went_into() -> None:
    # "phường Nguyễn Trãi" of Quận Hà Đông was merged into Phường Quang Trung: not the ward of that name elsewhere
    snap = snapshot("before_2025")
    ward = snap.best("Nguyễn Trãi", "phường", ("Quận Hà Đông, Thành phố Hà Nội",))
    assert ward is not None and ward.name == "Phường Quang Trung" and "Quận Hà Đông" in ward.parents


def test_a_venue_named_after_a_person_is_not_placed_in_a_commune_of_that_name_elsewhere() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nQUẬN HÀ ĐÔNG\nSố: 12/KH-UBND\nHà Đông, ngày 20 tháng 9 năm 2023\nKẾ HOẠCH\n"
        "Lễ khai mạc cấp quận tổ chức lúc 7h00 ngày 2/10/2023 tại Trường THCS Lê Lợi.\n"
    )
    data = plan_data(text)
    place = next(p for p in data["places"] if p["name"] == "Trường THCS Lê Lợi")
    assert "Quận Hà Đông" in place["unit"]  # not Xã Lê Lợi of Huyện Thường Tín


# -- a work schedule whose first column is "Thời gian" -----------------------------------------------------------------
@pytest.mark.parametrize("head", ["Thời gian", "Buổi"])
def test_a_schedule_with_full_names_in_its_leader_columns(head: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nSố: 77/LCT-VP\nNinh Bình, ngày 26 tháng 9 năm 2025\nLỊCH CÔNG TÁC TUẦN\n"
        f"| {head} | Đ/c Phạm Quang Ngọc, Chủ tịch UBND tỉnh | Đ/c Tống Thị Hoa, Phó Chủ tịch UBND tỉnh |\n"
        "| Thứ Hai 29/9, sáng | 8h00: Họp Ban Thường vụ. | 8h00: Tiếp công dân. |\n"
        "| Thứ Tư 01/10, sáng | 7h30: Dự Lễ khai mạc cấp tỉnh tại Nhà Văn hóa tỉnh Ninh Bình | 7h30: Dự Lễ khai mạc "
        "cấp tỉnh tại Nhà Văn hóa tỉnh Ninh Bình; 9h30: Dự Lễ ra mắt Tủ sách tại Trung tâm học tập cộng đồng xã Gia "
        "Viễn |\n"
    )
    wishes = wishes_of(plan_data(text))
    assert _wish(wishes, "Phạm Quang Ngọc") == ["Nhà Văn hóa tỉnh Ninh Bình"]
    assert _wish(wishes, "Tống Thị Hoa") == ["Nhà Văn hóa tỉnh Ninh Bình", "Trung tâm học tập cộng đồng xã Gia Viễn"]


# -- a delegation's day in prose --------------------------------------------------------------------------------------
@pytest.mark.parametrize("when", ["Lúc 8g30 đoàn dự", "8 giờ 30, đoàn công tác dự"])
def test_a_delegations_day_in_prose_sends_each_member_of_its_roster(when: str) -> None:
    text = (
        "VĂN PHÒNG UBND TỈNH ĐẮK NÔNG\nCHƯƠNG TRÌNH CÔNG TÁC\n"
        "của đồng chí Lê Văn Chiến, Phó Chủ tịch UBND tỉnh, dự Tuần lễ hưởng ứng học tập suốt đời năm 2023\n"
        "1. Thành phần đoàn\n"
        "- Đồng chí Lê Văn Chiến, Phó Chủ tịch UBND tỉnh – Trưởng đoàn;\n"
        "- Bà Phạm Thị Hằng, Giám đốc Sở Giáo dục và Đào tạo;\n"
        "- Ông Y Bhin, Chủ tịch Hội Khuyến học tỉnh (chỉ dự tại Trường THPT Gia Nghĩa rồi về).\n"
        "2. Nội dung, thời gian (thứ Hai, ngày 2 tháng 10 năm 2023)\n"
        f"Đoàn xuất phát lúc 6 giờ 30. {when} Lễ khai mạc Tuần lễ của thành phố Gia Nghĩa tại Trường THPT Gia Nghĩa "
        "(đại biểu có mặt trước 8g15), sau đó dự Lễ ra mắt Thư viện số tại Trung tâm học tập cộng đồng xã Đắk "
        "Nia lúc 10 giờ.\n"
        "3. Hoạt động riêng\nThứ Tư, ngày 4/10/2023, bà Phạm Thị Hằng dự Lễ chào cờ tại Trường THCS Chu Văn An lúc 7 "
        "giờ.\n"
    )
    data = plan_data(text)
    assert ("2023-10-02", "08:30", "Trường THPT Gia Nghĩa") in ceremonies_of(data)  # not the seating time
    wishes = wishes_of(data)
    day = ["Trường THPT Gia Nghĩa", "Trung tâm học tập cộng đồng xã Đắk Nia"]
    assert _wish(wishes, "Lê Văn Chiến") == day
    assert _wish(wishes, "Phạm Thị Hằng") == [*day, "Trường THCS Chu Văn An"]
    assert _wish(wishes, "Y Bhin") == ["Trường THPT Gia Nghĩa"]
    assert not any(k.lower().startswith(("lúc", "đoàn", "thứ")) for k in wishes)  # "đoàn" is nobody


# -- a schedule by day, then by leader --------------------------------------------------------------------------------
def test_a_schedule_by_day_and_leader_with_numbered_items() -> None:
    text = (
        "VĂN PHÒNG UBND TỈNH PHÚ THỌ\nLỊCH CÔNG TÁC\nCủa Chủ tịch, các Phó Chủ tịch UBND tỉnh\n"
        "(Từ ngày 30/9/2024 đến ngày 06/10/2024)\n"
        "THỨ HAI (30/9)\n* Chủ tịch Bùi Văn Quang:\n(1) 8 giờ: Họp Ban Thường vụ.\n"
        "THỨ BA (01/10)\n* Chủ tịch Bùi Văn Quang:\n"
        "(1) 7 giờ 30: Dự Lễ khai mạc cấp tỉnh tại Trường THPT Chuyên Hùng Vương (TP.\nViệt Trì).\n"
        "(2) 9 giờ 30: Dự Lễ khánh thành Thư viện xanh tại Trường Tiểu học Gia Cẩm.\n"
        "* Phó Chủ tịch Hồ Đại Dũng: Công tác tại Hà Nội.\n"
        "THỨ NĂM (03/10)\n* Phó Chủ tịch Hồ Đại Dũng:\n"
        "(1) 8 giờ: Dự Lễ khai mạc Tuần lễ của huyện Lâm Thao tại Trung tâm Văn hóa huyện Lâm Thao.\n"
    )
    data = plan_data(text)
    assert ("2024-10-03", "08:00", "Trung tâm Văn hóa huyện Lâm Thao") in ceremonies_of(data)
    wishes = wishes_of(data)
    assert _wish(wishes, "Bùi Văn Quang") == ["Trường THPT Chuyên Hùng Vương", "Trường Tiểu học Gia Cẩm"]
    assert _wish(wishes, "Hồ Đại Dũng") == ["Trung tâm Văn hóa huyện Lâm Thao"]


def test_a_bracket_left_open_at_a_lines_end_goes_on_on_the_next() -> None:
    assert logical_lines("(1) 7 giờ 30: Dự Lễ tại Trường A (TP.\nViệt Trì).\n(2) 9 giờ: Họp.") == [
        "(1) 7 giờ 30: Dự Lễ tại Trường A (TP. Việt Trì).",
        "(2) 9 giờ: Họp.",
    ]


# -- an invitation whose officials each have a line --------------------------------------------------------------------
@pytest.mark.parametrize("sends", ["ủy quyền", "cử"])
def test_an_invitations_officials_attend_what_their_own_lines_say(sends: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN THỚI HIỆP\nSố: 66/GM-UBND\nTân Thới Hiệp, ngày 22 tháng 9 năm 2025\nGIẤY MỜI\n"
        "Dự Lễ khai mạc và Lễ ra mắt Góc đọc sách hưởng ứng Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        "I. THỜI GIAN, ĐỊA ĐIỂM\n1. Lễ khai mạc\n- Thời gian: 7g30, thứ Tư, ngày 01/10/2025.\n"
        "- Địa điểm: Hội trường UBND phường Tân Thới Hiệp.\n"
        "2. Lễ ra mắt Góc đọc sách Khu phố 5\n- Thời gian: 9 giờ 30, cùng ngày 01/10/2025.\n"
        "- Địa điểm: Nhà văn hóa Khu phố 5.\n"
        "II. THÀNH PHẦN LÃNH ĐẠO DỰ\n"
        "1. Đồng chí Phan Thị Hồng, Bí thư Đảng ủy phường: dự Lễ khai mạc, sau đó dự Lễ ra mắt Góc đọc sách.\n"
        "2. Đồng chí Lưu Văn Thành, Chủ tịch UBND phường: phát biểu khai mạc; 10g00 họp giao ban.\n"
        f"3. Đồng chí Đặng Quốc Việt, Phó Chủ tịch UBND phường: dự họp tại Thành phố cả ngày 01/10, {sends} đồng "
        "chí Tạ Minh Khoa, Chủ tịch Hội Khuyến học phường, dự thay tại Lễ ra mắt Góc đọc sách.\n"
    )
    wishes = wishes_of(plan_data(text))
    assert _wish(wishes, "Phan Thị Hồng") == ["Hội trường UBND phường Tân Thới Hiệp", "Nhà văn hóa Khu phố 5"]
    assert _wish(wishes, "Lưu Văn Thành") == ["Hội trường UBND phường Tân Thới Hiệp"]
    assert _wish(wishes, "Tạ Minh Khoa") == ["Nhà văn hóa Khu phố 5"]
    assert _wish(wishes, "Đặng Quốc Việt") is None


def test_a_leader_who_sends_a_representative_in_a_table_attends_nothing_there() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG BẢY HIỀN\nSố: 40/TB-UBND\nBảy Hiền, ngày 24 tháng 9 năm 2025\nTHÔNG BÁO\n"
        "| STT | Hoạt động | Thời gian | Địa điểm | Lãnh đạo phường dự |\n"
        "| 1 | Lễ khai mạc Tuần lễ cấp phường | 7 giờ 30 phút, ngày 01/10/2025 | Trường THCS Ngô Sĩ Liên | Đ/c Trịnh "
        "Văn Nam, Chủ tịch UBND phường |\n"
        "| 2 | Lễ khai mạc chung của các trường tiểu học | 6 giờ 45 phút, ngày 06/10/2025 | Trường Tiểu học Bạch Đằng "
        "| Đ/c Trịnh Văn Nam cử đại diện Văn phòng HĐND và UBND phường dự |\n"
    )
    assert _wish(wishes_of(plan_data(text)), "Trịnh Văn Nam") == ["Trường THCS Ngô Sĩ Liên"]


# -- an invitation's list that sends each guest to events by number ---------------------------------------------------
@pytest.mark.parametrize("both", ["cả hai sự kiện", "sự kiện 1 và 2"])
def test_each_invited_guest_attends_the_events_their_line_numbers(both: str) -> None:
    text = (
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nTỈNH BẮC GIANG\nSố: 51/GM-SGDĐT\nBắc Giang, ngày 22 tháng 9 năm 2024\nGIẤY MỜI\n"
        "Dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024 và Lễ tuyên dương\n"
        "Sở Giáo dục và Đào tạo trân trọng kính mời các đồng chí dự hai sự kiện sau:\n"
        "Sự kiện 1 – Lễ khai mạc Tuần lễ\nThời gian: 07:30 thứ Ba, ngày 01/10/2024.\n"
        "Địa điểm: Nhà Văn hóa tỉnh Bắc Giang.\n"
        'Sự kiện 2 – Lễ tuyên dương "Gia đình học tập"\nThời gian: 14:00 thứ Năm, ngày 03/10/2024.\n'
        "Địa điểm: Hội trường Trường THPT Ngô Sĩ Liên.\n"
        "Danh sách đại biểu mời:\n"
        "1. Đ/c Mai Sơn – Phó Chủ tịch UBND tỉnh – Dự: Sự kiện 1.\n"
        f"2. Đ/c Nguyễn Văn Hải – Giám đốc Sở GD&ĐT – Dự: {both}.\n"
        "3. Đ/c Ngô Thị Hằng – Trưởng phòng Văn hóa - Thông tin TP.\n"
        "Bắc Giang – Dự: Sự kiện 1 (đã báo vắng, không dự).\n"
        "4. Đ/c Lê Quang Hiếu – Hiệu trưởng Trường THPT Ngô Sĩ Liên – Dự: Sự kiện 2.\n"
    )
    wishes = wishes_of(plan_data(text))
    assert _wish(wishes, "Mai Sơn") == ["Nhà Văn hóa tỉnh Bắc Giang"]
    assert _wish(wishes, "Nguyễn Văn Hải") == ["Nhà Văn hóa tỉnh Bắc Giang", "Hội trường Trường THPT Ngô Sĩ Liên"]
    assert _wish(wishes, "Lê Quang Hiếu") == ["Hội trường Trường THPT Ngô Sĩ Liên"]
    assert _wish(wishes, "Ngô Thị Hằng") is None  # she sent word she cannot come


# -- parades and notices as HCMC offices write them (blind sets heldout47 and heldout48) -------------------------------
@pytest.mark.parametrize("after", ["ngay sau Lễ khai mạc", "sau khi kết thúc Lễ khai mạc"])
def test_a_parade_that_sets_off_after_a_ceremony_takes_its_day_and_its_listed_end(after: str) -> None:
    text = (
        WARD.format(ward="TÂN CHÁNH HIỆP", ward_t="Tân Chánh Hiệp", year=2024)
        + "1. Lễ khai mạc\n- Thời gian: 7 giờ 00, thứ Hai, ngày 07/10/2024.\n"
        "- Địa điểm: Nhà Văn hóa Lao động Quận 12.\n"
        f"2. Diễu hành xe hoa\n- Đoàn xe xuất phát từ Nhà Văn hóa Lao động Quận 12 lúc 8 giờ 00 {after}, đi qua các "
        "tuyến đường: Tô Ký, Nguyễn Ảnh Thủ, Lê Văn Khương; kết thúc tại Công viên Phần mềm Quang Trung.\n"
        "- 04 xe hoa của các khu phố, 01 xe loa.\n"
    )
    data = plan_data(text)
    assert str(data["parades"][0]["date"]) == "2024-10-07"
    assert route_of(data)[-1] == "Công viên Phần mềm Quang Trung"


def test_a_route_as_a_numbered_list_of_moves_is_read_whole() -> None:
    text = (
        "CÔNG AN QUẬN GÒ VẤP\nĐỘI CSGT-TT\nSố: 12/PA-CSGT\nGò Vấp, ngày 25 tháng 9 năm 2023\nPHƯƠNG ÁN\n"
        "- Thời gian diễu hành: sáng Chủ nhật ngày 08 tháng 10 năm 2023; đoàn tập trung lúc 7 giờ 00, xuất phát lúc 7 "
        "giờ 30.\nII. LỘ TRÌNH DẪN ĐOÀN\nTổ dẫn đoàn đi trước đoàn, theo trình tự:\n"
        "1. Từ Công viên Làng Hoa Gò Vấp ra đường Nguyễn Văn Lượng, đi thẳng;\n"
        "2. Đến giao lộ Nguyễn Văn Lượng – Phan Văn Trị rẽ phải vào đường Phan Văn Trị;\n"
        "3. Đến giao lộ Phan Văn Trị – Lê Đức Thọ rẽ phải vào đường Lê Đức Thọ;\n"
        "4. Đến Công viên Làng Hoa Gò Vấp thì dừng, giải tán.\n"
        "III. PHƯƠNG TIỆN\n- 01 xe ô tô CSGT dẫn đoàn; 04 xe hoa.\n"
    )
    assert [s.name for s in extract(text).route] == [  # as read (the plan may add a street the graph needs)
        "Công viên Làng Hoa Gò Vấp",
        "Nguyễn Văn Lượng",
        "Phan Văn Trị",
        "Lê Đức Thọ",
        "Công viên Làng Hoa Gò Vấp",
    ]


@pytest.mark.parametrize("kept", ["hoãn", "tạm hoãn"])
def test_a_parade_postponed_with_no_new_day_is_nothing_to_plan(kept: str) -> None:
    text = (
        WARD.format(ward="THỚI AN", ward_t="Thới An", year=2024).replace("KẾ HOẠCH", "THÔNG BÁO")
        + f"Về việc {kept} diễu hành cổ động hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
        f"1. {kept.capitalize()} hoạt động diễu hành dự kiến tổ chức lúc 7g00 sáng Chủ nhật ngày 06/10/2024 (tập trung "
        "tại Nhà Văn hóa Lao động Quận 12, đi qua các tuyến Tô Ký – Lê Văn Khương). Thời gian tổ chức lại sẽ được "
        "thông báo sau.\n2. Nội dung cấm đỗ xe trên đường Tô Ký từ 6g00 đến 9g30 ngày 06/10/2024 không còn hiệu lực; "
        "các khu phố không phải gửi danh sách vào ngày 05/10/2024.\n"
        "3. Lễ khai mạc Tuần lễ đã được tổ chức vào sáng ngày 01/10/2024 tại Hội trường UBND phường.\n"
    )
    _refused_as_nothing(text, "tb.txt")


def test_last_years_route_in_a_budget_request_is_nothing_to_plan() -> None:
    text = (
        "UBND HUYỆN CAI LẬY\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 90/TTr-PGDĐT\nCai Lậy, ngày 04 tháng 9 năm 2024\nTỜ TRÌNH\n"
        "Về việc đề nghị phê duyệt dự toán kinh phí tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
        "Năm 2023, huyện tổ chức Lễ khai mạc tại Quảng trường huyện vào 7 giờ 00 ngày 02/10/2023, diễu hành 05 xe hoa "
        "qua các tuyến đường Nguyễn Huệ – Lê Lợi – Trần Hưng Đạo. Năm 2024, thời gian, địa điểm sẽ được xác định tại "
        "Kế hoạch riêng.\n1. Trang trí xe hoa (dự kiến 05 xe): 15.000.000 đồng.\n"
    )
    _refused_as_nothing(text, "tt.txt")


@pytest.mark.parametrize(
    "parts", ["(Đội CSGT khu vực 04 xe, Công an phường 03 xe)", "(04 xe của Đội CSGT, 03 xe của Công an phường)"]
)
def test_escort_motorbikes_split_by_unit_stay_motorbikes_and_a_school_gate_is_the_school(parts: str) -> None:
    text = (
        "CÔNG AN QUẬN 12\nCÔNG AN PHƯỜNG TÂN THỚI HIỆP\nSố: 95/PA-CAP\nTân Thới Hiệp, ngày 21 tháng 9 năm 2024\n"
        "PHƯƠNG ÁN\n1. UBND phường tổ chức Lễ phát động lúc 14 giờ ngày 05/10/2024 tại sân Trường THPT Võ Trường "
        "Toản.\n2. Sau buổi lễ, các xe hoa tập trung ở cổng sau nhà trường lúc 14 giờ 30 và đoàn xuất phát lúc 15 giờ."
        "\n3. Lộ trình: Trường THPT Võ Trường Toản – Nguyễn Thị Đặng – Nguyễn Ảnh Thủ – Tô Ký – Nhà Văn hóa Lao động "
        f"Quận 12.\nII. PHƯƠNG TIỆN\n- Xe hoa: 06 xe.\n- 01 xe ô tô CSGT dẫn đoàn.\n- Tổng cộng 07 xe mô tô {parts} "
        "hộ tống hai bên.\n"
    )
    parade = plan_data(text)["parades"][0]
    bikes = sum(g["count"] for g in parade["groups"] if g["kind"] == "police_motorbike")
    cars = sum(g["count"] for g in parade["groups"] if g["kind"] == "police_car")
    assert (bikes, cars) == (7, 1)
    assert parade["assembly_place"] == parade["route"][0]["place"]  # the school, not "cổng sau nhà trường"


def test_a_chat_message_counts_no_name_no_past_year_and_no_repeat_and_reads_its_deadlines() -> None:
    text = (
        'Nhóm Zalo: "BĐH KP P. Thạnh Xuân"\nTin ghim — Lê Thị Mai — 09:12, 24/09/2025\n'
        "THÔNG TIN DIỄU HÀNH XE HOA TUẦN LỄ HỌC TẬP SUỐT ĐỜI 2025\n"
        "1/ Ngày giờ: CN 5/10. Tập trung 07:00 ở UBND phường Thạnh Xuân, 07:30 xe hoa lăn bánh.\n"
        "2/ Đường đi: UBND phường Thạnh Xuân - Hà Huy Giáp - Đỗ Mười - Tô Ngọc Vân - UBND phường Thạnh Xuân.\n"
        "3/ Xe: 2 xe hoa, 1 xe loa của phường, CSGT cử 2 moto dẫn đoàn.\n"
        "- Gửi DS người đi về chị Mai trước 30/9 nha.\n"
        "- Lưu ý đoạn Đỗ Mười xe tải nhiều, các cô chú lớn tuổi không nên đi đoạn này.\n"
        "Năm ngoái (còn Q.12) P. Thạnh Xuân đi 4 xe hoa, năm nay cố gắng hơn nha.\n"
        "[09:24] Lê Thị Mai: Xe loa đi sau 2 moto CSGT anh nha.\n"
    )
    data = plan_data(text)
    groups = sorted((g["kind"], g["count"]) for g in data["parades"][0]["groups"])
    assert groups == [("flower_float", 2), ("loudspeaker", 1), ("police_motorbike", 2)]
    assert [str(d["due"]) for d in data["deadlines"]] == ["2025-09-30"]


def test_the_participants_own_motorbikes_are_no_vehicles_provided() -> None:
    text = "KẾ HOẠCH\nĐoàn diễu hành gồm khoảng 120 xe gắn máy của đoàn viên, cùng 03 xe hoa.\n"
    assert sorted((f.kind, f.count) for f in extract(text).forces) == [("float", 3), ("private_motorbike", 120)]


def test_one_word_names_are_names_and_a_keynote_report_is_a_role() -> None:
    text = (
        "UBND XÃ ĐẠ TẺH\nSố: 30/TB-UBND\nĐạ Tẻh, ngày 22 tháng 9 năm 2026\nTHÔNG BÁO\n"
        "Lễ khai mạc Tuần lễ lúc 7g30 sáng thứ Năm, 01/10/2026 tại Trung tâm Văn hóa - Thể thao xã. Đ/c K'Brơi, Phó "
        "Chủ tịch UBND xã dự và phát biểu khai mạc; đồng chí Trần Văn Lộc, Giám đốc Trung tâm học tập cộng đồng, báo "
        "cáo đề dẫn.\n"
    )
    wishes = wishes_of(plan_data(text))
    assert set(wishes) == {"K'Brơi", "Trần Văn Lộc"}


# -- layouts met on the blind sets heldout49 and heldout50 ------------------------------------------------------------
def test_a_table_of_legs_written_as_moves_is_the_route() -> None:
    text = (
        "TRƯỜNG THPT TRẦN HƯNG ĐẠO\nSố: 15/TB-THPT\nGò Vấp, ngày 25 tháng 9 năm 2024\nTHÔNG BÁO\n"
        "Đoàn học sinh đạp xe cổ động xuất phát lúc 6g40 ngày 07/10/2024.\n3. Lộ trình:\n"
        "| Chặng | Hướng đi | Ghi chú |\n"
        "| 1 | Ra cổng Trường THPT Trần Hưng Đạo, rẽ phải vào đường Quang Trung | Thầy cô đứng chốt |\n"
        "| 2 | Đến ngã ba Quang Trung – Lê Văn Thọ, rẽ trái vào Lê Văn Thọ | CSGT hỗ trợ |\n"
        "| 3 | Đi hết Lê Văn Thọ, rẽ trái vào Phạm Văn Chiêu | Đi chậm |\n"
        "| 4 | Theo Phạm Văn Chiêu đến cổng Trường THPT Lý Thái Tổ | Dắt xe vào bãi |\n"
    )
    assert [s.name for s in extract(text).route] == [
        "Trường THPT Trần Hưng Đạo",
        "Quang Trung",
        "Lê Văn Thọ",
        "Phạm Văn Chiêu",
        "Trường THPT Lý Thái Tổ",
    ]


def test_a_numbered_list_of_moves_under_a_departure_with_two_items_a_page_joined() -> None:
    text = (
        "KẾ HOẠCH\nĐoàn xe xuất phát lúc 8 giờ ngày 05/10/2023 từ sân Trung tâm Văn hóa Quận Gò Vấp, đi theo thứ tự "
        "sau:\n(1) Từ cổng Trung tâm Văn hóa rẽ trái vào đường Phạm Văn Chiêu;\n"
        "(2) Đến cuối đường Phạm Văn Chiêu, rẽ trái vào đường Quang Trung;\n"
        "(3) Đi Quang Trung đến trước Chợ Hạnh Thông Tây thì quay đầu; (4) Trở lại đường Quang Trung, rẽ phải vào "
        "đường Lê Văn Thọ;\n(5) Kết thúc tại Chợ Cây Trâm.\n"
    )
    assert [s.name for s in extract(text).route] == [
        "Trung tâm Văn hóa Quận Gò Vấp",
        "Phạm Văn Chiêu",
        "Quang Trung",
        "Chợ Hạnh Thông Tây",
        "Quang Trung",
        "Lê Văn Thọ",
        "Chợ Cây Trâm",
    ]


def test_a_notice_copied_from_a_web_page_is_a_plan_and_lists_whom_it_invites() -> None:
    text = (
        "Cổng Thông tin điện tử Phường Lái Thiêu\nThứ Ba, 23/09/2025 | Đăng nhập | English\n"
        "Bạn đang ở: Trang chủ > Tin tức - Sự kiện > Giáo dục > Thông báo\n"
        "THÔNG BÁO: Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025 phường Lái Thiêu\n"
        "Ngày đăng: 23/09/2025 08:30 | Lượt xem: 912\n"
        "UBND phường thông báo tổ chức Lễ khai mạc như sau:\nThời gian: lúc 8 giờ, thứ Năm ngày 2/10.\n"
        "Địa điểm: Hội trường UBND phường Lái Thiêu.\n"
        "Thành phần mời dự: Đồng chí Lê Văn Hùng - Bí thư Đảng ủy phường; đồng chí Trần Thị Mai - Chủ tịch UBND phường "
        "(phát biểu khai mạc); đại diện các trường học.\n"
        "Được biết, năm 2024 phường đã tổ chức Lễ khai mạc với hơn 300 đại biểu tham dự.\n"
        "Nguồn: Văn phòng HĐND-UBND phường | Tác giả: Minh Thư\n"
    )
    data = plan_data(text)
    assert ceremonies_of(data) == [("2025-10-02", "08:00", "Hội trường UBND phường Lái Thiêu")]
    assert set(wishes_of(data)) == {"Lê Văn Hùng", "Trần Thị Mai"}
    assert not data.get("parades")  # the breadcrumb's ">" is no route


def test_a_quick_report_that_promises_its_full_report_is_nothing_to_plan() -> None:
    text = (
        "UBND HUYỆN TRIỆU PHONG\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 201/BC-PGDĐT\nTriệu Phong, ngày 09 tháng 10 năm "
        "2024\nBÁO CÁO NHANH\nKết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
        "- Lễ khai mạc cấp huyện đã tổ chức lúc 7h30 ngày 01/10/2024 tại Trường THCS Triệu Phong.\n"
        "- Sáng 02/10/2024, đoàn 100 học sinh diễu hành bằng xe đạp từ Trường THPT Triệu Phong qua Quốc lộ 1 đến "
        "Quảng trường huyện.\nBáo cáo đầy đủ sẽ gửi trước ngày 15/10/2024.\n"
    )
    _refused_as_nothing(text, "bc.txt")


def test_a_table_cell_of_time_and_venue_and_a_rehearsal_of_the_welcome_show() -> None:
    text = (
        "UBND PHƯỜNG CẨM PHÔ\nSố: 60/KH-UBND\nCẩm Phô, ngày 15 tháng 9 năm 2025\nKẾ HOẠCH\n"
        "| TT | Nội dung | Thời gian, địa điểm | Chủ trì | Phối hợp |\n"
        "| 1 | Lễ khai mạc Tuần lễ cấp phường | 7 giờ 30, thứ Tư ngày 01/10/2025; Nhà Văn hóa Khối phố An Hội "
        "(đại biểu có mặt lúc 7 giờ 00) | Đ/c Phan Thị Vy, Phó Chủ tịch UBND phường | Hội Khuyến học phường |\n"
        "Ghi chú: Tổng duyệt chương trình văn nghệ chào mừng Lễ khai mạc lúc 16 giờ 00 ngày 30/9/2025.\n"
    )
    data = plan_data(text)
    assert ceremonies_of(data) == [("2025-10-01", "07:30", "Nhà Văn hóa Khối phố An Hội")]
    assert _wish(wishes_of(data), "Phan Thị Vy") == ["Nhà Văn hóa Khối phố An Hội"]


def test_a_programmes_items_are_no_ceremonies_and_their_speakers_attend() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC\nSố: 88/CTr-UBND\nĐồng Xoài, ngày 20 tháng 9 năm 2025\nCHƯƠNG TRÌNH\n"
        "Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025 tỉnh Bình Phước\nI. THỜI GIAN, ĐỊA ĐIỂM\n"
        "- Thời gian: sáng thứ Năm, ngày 2 tháng 10 năm 2025, bắt đầu lúc 08 giờ 00 phút.\n"
        "- Địa điểm: Hội trường Trung tâm Hội nghị tỉnh.\nII. CHƯƠNG TRÌNH CHI TIẾT\n"
        "08:05 – 08:20   Diễn văn khai mạc – đồng chí Lê Trường Sơn, Phó Chủ tịch UBND tỉnh\n"
        "09:10 – 09:20   Phát động Tuần lễ – đồng chí Tôn Ngọc Hạnh, Chủ tịch Hội Khuyến học tỉnh\n"
        "09:20 – 09:25   Bế mạc\n"
    )
    data = plan_data(text)
    assert ceremonies_of(data) == [("2025-10-02", "08:00", "Hội trường Trung tâm Hội nghị tỉnh")]
    assert set(wishes_of(data)) == {"Lê Trường Sơn", "Tôn Ngọc Hạnh"}
