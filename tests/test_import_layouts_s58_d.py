"""Layouts met on the blind set heldout119 (officials' itineraries: who attends what), each written here in other
words (other names, days and places; no corpus document): a route line that ends its sentence over a bulleted note
whose junction is written with a dash (no more steps), a later line that moves the column's departure ("giờ xuất
phát … điều chỉnh từ 7 giờ 15 thành 7 giờ 40"), the day an amendment was written in brackets after its heading (no
parade's day), a stand-in who goes in the place of one kept away ("A bận …; B đi thay dự Lễ …"), an item whose
person acts here and then goes on ("phát biểu khai mạc, sau đó dự Lễ … cấp quận"), a ceremony named in the reason a
clause opens with ("Do đồng chí A phải có mặt sớm tại Lễ …, đồng chí B …": no event of its own), a visit's lead
adverbial ("Sau khi phát lệnh xuất phát, đồng chí A dự …"), an invitation's note on another level's ceremony and the
stand-in its sender authorises, the letter's "Thời gian:" under the ceremony it invites to (not the column's), and a
person whose clause ends at ";" before another's visit."""

from __future__ import annotations

from datetime import date, time

from imported import plan_data, wishes_of
from paradeplan.importer.extract import extract

HEAD = (
    "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\nỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG HƯNG THUẬN\nSố: 64/TB-UBND\n"
    "Đông Hưng Thuận, ngày 22 tháng 9 năm 2026\nTHÔNG BÁO\nPhân công dự lễ khai mạc Tuần lễ hưởng ứng học tập "
    "suốt đời năm 2026\n"
)
TAIL = "3. Báo cáo\n- Các khu phố báo cáo kết quả trước ngày 12/10/2026.\n"

# -- a route line that ends its sentence, then a bulleted note with a dash -------------------------------------------
ROUTE_THEN_NOTE = (
    HEAD + "1. Đoàn xe hoa\n- Tập trung: 06 giờ 00 tại Nhà văn hóa phường Đông Hưng Thuận. Xuất phát: 07 giờ 20.\n"
    "- Lộ trình: Nhà văn hóa phường Đông Hưng Thuận → đường Trường Chinh → đường Phan Văn Hớn → đường Tô Ký → "
    "Nhà văn hóa phường Đông Hưng Thuận.\n"
    "- Công an phường bố trí chốt tại giao lộ Trường Chinh - Phan Văn Hớn và khu vực chợ Bà Điểm từ 06 giờ 30.\n"
    "2. Điều chỉnh (bổ sung ngày 28/9/2026)\n"
    "- Giờ xuất phát đoàn xe điều chỉnh từ 07 giờ 20 thành 07 giờ 40 để tránh giờ cao điểm.\n" + TAIL
)


def test_a_bulleted_note_below_a_route_sentence_adds_no_steps() -> None:
    ex = extract(ROUTE_THEN_NOTE, "tb.txt")
    assert [s.name for s in ex.route] == [
        "Nhà văn hóa phường Đông Hưng Thuận",
        "Trường Chinh",
        "Phan Văn Hớn",
        "Tô Ký",
        "Nhà văn hóa phường Đông Hưng Thuận",
    ]


def test_a_later_line_moving_the_departure_gives_the_new_hour() -> None:
    ex = extract(ROUTE_THEN_NOTE, "tb.txt")
    assert ex.departure_time == time(7, 40)
    assert ex.assembly_time == time(6, 0)


def test_the_day_an_amendment_was_written_is_no_parade_day() -> None:
    ex = extract(ROUTE_THEN_NOTE, "tb.txt")
    assert date(2026, 9, 28) not in (ex.assembly_date, ex.departure_date)


# -- a section telling its own ceremony and officials' visits to others ------------------------------------------------
ASSIGNED = (
    HEAD + "1. Lễ khai mạc Tuần lễ cấp phường\n"
    "Tổ chức lúc 07 giờ 00, Thứ Năm ngày 01/10/2026, tại Nhà văn hóa phường Đông Hưng Thuận.\n"
    "- Đồng chí Phan Quốc Việt - Chủ tịch UBND phường: dự và phát biểu khai mạc Lễ khai mạc của phường, sau đó dự "
    "Lễ khai mạc cấp Thành phố tại Nhà hát Thành phố lúc 08 giờ 30.\n"
    "- Đồng chí Đoàn Thị Ngọc Hân - Phó Chủ tịch UBND phường: dự Lễ khai mạc tại Trường Tiểu học Đông Hưng Thuận "
    "lúc 07 giờ 30.\n"
    "- Đồng chí Mai Xuân Lộc - Chủ tịch Hội Khuyến học phường: trao 15 suất học bổng tại Lễ khai mạc của phường.\n"
    "2. Điều chỉnh\n"
    "- Đồng chí Đoàn Thị Ngọc Hân bận làm việc với đoàn công tác của Thành phố; đồng chí Hứa Văn Tâm - Trưởng Ban "
    "Kinh tế HĐND phường đi thay dự Lễ khai mạc tại Trường Tiểu học Đông Hưng Thuận.\n" + TAIL
)


def test_a_stand_in_who_goes_in_the_place_of_one_kept_away_takes_the_ceremony() -> None:
    wishes = wishes_of(plan_data(ASSIGNED))
    assert wishes.get("Hứa Văn Tâm") == ["Trường Tiểu học Đông Hưng Thuận"]
    assert "Đoàn Thị Ngọc Hân" not in wishes


# -- an item whose person acts here, then goes on ---------------------------------------------------------------------
GOES_ON = (
    "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN 12\nTRƯỜNG TRUNG HỌC CƠ SỞ AN PHÚ ĐÔNG\nSố: 40/KH-THCS\n"
    "An Phú Đông, ngày 26 tháng 9 năm 2024\nKẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "I. NỘI DUNG\n1. Lễ khai mạc\n"
    "Lễ khai mạc của nhà trường được tổ chức lúc 06 giờ 45, Thứ Ba ngày 01/10/2024, tại sân Trường Trung học cơ sở "
    "An Phú Đông.\n"
    "- Ông Tống Văn Kiệt - Hiệu trưởng phát biểu khai mạc, sau đó dự Lễ khai mạc cấp quận tại Trung tâm Văn hóa "
    "Quận 12 lúc 08 giờ 00 cùng ngày.\n"
    "- Bà Vương Thị Lệ - Phó Hiệu trưởng trao giấy khen cho 10 học sinh đọc sách tiêu biểu.\n"
    "II. TỔ CHỨC THỰC HIỆN\n- Các tổ báo cáo kết quả trước ngày 09/10/2024.\n"
)


def test_an_item_acting_here_then_going_on_is_at_both_ceremonies() -> None:
    wishes = wishes_of(plan_data(GOES_ON))
    assert wishes.get("Tống Văn Kiệt") == ["Trường Trung học cơ sở An Phú Đông", "Trung tâm Văn hóa Quận 12"]
    assert wishes.get("Vương Thị Lệ") == ["Trường Trung học cơ sở An Phú Đông"]


# -- a weekly schedule: a reason clause, a visit's lead adverbial ----------------------------------------------------
WEEK = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG AN NHƠN\nSố: 301/LCT-UBND\nAn Nhơn, ngày 26 tháng 9 năm 2025\n"
    "LỊCH CÔNG TÁC TUẦN\ncủa Lãnh đạo Ủy ban nhân dân phường An Nhơn\n"
    "THỨ TƯ (01/10/2025)\n"
    "- 06 giờ 30: Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025 cấp phường tại sân UBND phường An Nhơn. "
    "Đồng chí Kiều Văn Phát - Chủ tịch UBND phường phát biểu khai mạc.\n"
    "- 07 giờ 50: Sau khi kết thúc lễ, đồng chí Kiều Văn Phát dự Lễ khai mạc Tuần lễ cấp Thành phố tại Hội trường "
    "Thống Nhất, khai mạc lúc 08 giờ 30.\n"
    "ĐIỀU CHỈNH (cập nhật ngày 29/9/2025):\n"
    "1. Do đồng chí Chủ tịch UBND phường phải có mặt sớm tại Lễ khai mạc cấp Thành phố, đồng chí Quách Thị Yến - "
    "Phó Chủ tịch UBND phường đi thay chủ trì phần trao thưởng lúc 07 giờ 10 tại UBND phường An Nhơn.\n"
    "2. Các khu phố báo cáo kết quả về UBND phường trước ngày 08/10/2025.\n"
)


def test_a_ceremony_named_in_a_reason_clause_is_no_event_of_its_own() -> None:
    ex = extract(WEEK, "lct.txt")
    assert [(c.date, c.time) for c in ex.ceremonies] == [
        (date(2025, 10, 1), time(6, 30)),
        (date(2025, 10, 1), time(8, 30)),
    ]


def test_a_visits_lead_adverbial_is_no_part_of_the_name() -> None:
    ex = extract(WEEK, "lct.txt")
    names = [o.name for o in ex.events.officials]
    assert "Đồng chí Kiều Văn Phát" in names
    assert not any("Sau khi" in name for name in names)


# -- an invitation read again from the body, a note on another level's ceremony -------------------------------------
LETTER = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG THANH KHÊ\nSố: 51/GM-UBND\nThanh Khê, ngày 25 tháng 9 năm 2025\n"
    "GIẤY MỜI\nDự Lễ khai mạc và diễu hành xe tuyên truyền Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
    "Ủy ban nhân dân phường Thanh Khê trân trọng kính mời:\n"
    "- Đồng chí Lạc Thị Thùy Dương - Bí thư Đảng ủy phường;\n"
    "- Đồng chí Tôn Thất Bình - Chủ tịch HĐND phường;\n"
    "Đến dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025 phường Thanh Khê.\n"
    "Thời gian: 07 giờ 30, Thứ Tư ngày 01 tháng 10 năm 2025 (đại biểu vui lòng có mặt lúc 07 giờ 15).\n"
    "Địa điểm: Công viên 29 Tháng 3, đường Điện Biên Phủ, phường Thanh Khê.\n"
    "CHƯƠNG TRÌNH\n"
    "- 06 giờ 30: Các xe tham gia diễu hành tập trung tại Công viên 29 Tháng 3.\n"
    "- 07 giờ 30: Chào cờ; tuyên bố lý do.\n"
    "- 08 giờ 10: Phát lệnh xuất phát đoàn xe - đồng chí Võ Minh Trí.\n"
    "  Lộ trình: Công viên 29 Tháng 3 → đường Điện Biên Phủ → đường Hà Huy Tập → đường Trần Cao Vân → Công viên "
    "29 Tháng 3.\n"
    "Ghi chú: Đồng chí Khổng Văn Lực - Chủ tịch UBND phường dự Lễ khai mạc cấp thành phố tại Nhà hát Trưng Vương lúc "
    "08 giờ 00 cùng buổi sáng nên ủy quyền đồng chí Võ Minh Trí - Phó Chủ tịch UBND phường chủ trì Lễ khai mạc của "
    "phường.\n"
)


def test_the_stand_in_a_note_authorises_chairs_the_units_own_ceremony() -> None:
    wishes = wishes_of(plan_data(LETTER))
    assert wishes.get("Khổng Văn Lực") == ["Nhà hát Trưng Vương"]
    assert "Trưng Vương" not in " ".join(wishes.get("Võ Minh Trí", []))


def test_a_time_line_under_the_invited_ceremony_is_not_the_columns() -> None:
    ex = extract(LETTER, "gm.txt")
    assert ex.assembly_time == time(6, 30)
    assert ex.departure_time == time(8, 10)


# -- a person whose clause ends at ";" before another's visit ----------------------------------------------------------
POLICE = (
    "CÔNG AN QUẬN 12\nSố: 77/KH-CAQ\nQuận 12, ngày 24 tháng 9 năm 2024\nKẾ HOẠCH\nBảo đảm an ninh, trật tự Lễ khai "
    "mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024\nI. TÌNH HÌNH\n"
    "Lễ khai mạc cấp quận tổ chức lúc 07 giờ 30, Thứ Ba ngày 01 tháng 10 năm 2024, tại Công viên Phần mềm Quang "
    "Trung. Dự Lễ khai mạc có đồng chí Lạc Văn Thịnh - Chủ tịch UBND quận (phát biểu khai mạc) và đồng chí Ông Thị "
    "Mỹ Duyên - Phó Chủ tịch UBND quận; sau khi phát lệnh xuất phát, đồng chí Lạc Văn Thịnh dự Lễ khai mạc cấp Thành "
    "phố tại Hội trường Thành ủy lúc 09 giờ 00.\n"
    "II. TỔ CHỨC THỰC HIỆN\n- Các đội báo cáo kết quả trước ngày 05/10/2024.\n"
)


def test_a_person_whose_clause_ends_at_a_semicolon_is_not_sent_on_with_the_next() -> None:
    ex = extract(POLICE, "ca.txt")
    went = {o.name: o.targets for o in ex.events.officials}
    assert not any("Duyên" in name and "Hội trường Thành ủy" in targets for name, targets in went.items())
