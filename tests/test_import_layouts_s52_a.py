"""One ceremony read as one ceremony when its programme is written out (s52, fix A): the rows of a programme ("- 7h05 -
7h15: Nghi lễ chào cờ", a table's "Đón tiếp đại biểu | 7 giờ 00 | …", "CHƯƠNG TRÌNH BUỔI LỄ" under an invitation) are
parts of the ceremony told above them, the column "xuất phát ngay sau khi bế mạc Lễ …" refers to it, and those who give
its parts attend it. Other offices, places, people and layouts than the blind documents heldout87 govap, heldout88
thaibinh and heldout90 01-06 that showed each case."""

from __future__ import annotations

from imported import ceremonies_of, plan_data, wishes_of

HEAD = (
    "ỦY BAN NHÂN DÂN HUYỆN ĐÔNG SƠN\n"
    "ỦY BAN NHÂN DÂN XÃ ĐÔNG HÒA\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "\n"
    "Số: 61/KH-UBND\n"
    "Đông Hòa, ngày 19 tháng 9 năm 2023\n"
    "\n"
)

#: A plan whose youth go to work "ngay sau khi bế mạc Lễ mít tinh" and whose programme is a dash list with a rite.
RALLY = HEAD + (
    "KẾ HOẠCH\n"
    "Tổ chức Lễ mít tinh hưởng ứng Tuần lễ học tập suốt đời năm 2023\n"
    "\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "Tuyên truyền sâu rộng trong Nhân dân về xây dựng xã hội học tập.\n"
    "\n"
    "II. NỘI DUNG\n"
    "1. Lễ mít tinh hưởng ứng Tuần lễ\n"
    "+ Thời gian: 7h05 thứ Hai, ngày 02/10/2023.\n"
    "+ Địa điểm: Sân vận động xã Đông Hòa.\n"
    "2. Chương trình buổi lễ\n"
    "+ 6h45: Đoàn viên xếp hàng theo chi đoàn tại sân; đón đại biểu.\n"
    "+ 7h05 - 7h15: Nghi lễ chào cờ; tuyên bố lý do.\n"
    "+ 7h15 - 7h30: Thầy Hoàng Văn Lực, Hiệu trưởng Trường THCS Đông Hòa, phát biểu hưởng ứng.\n"
    "+ 7h30 - 7h40: Trao sách cho thư viện thôn - ông Lê Quang Vinh và bà Đào Thị Yến.\n"
    "\n"
    "III. HOẠT ĐỘNG SAU BUỔI LỄ\n"
    "Các chi đoàn tập trung tại cổng Sân vận động xã lúc 7 giờ 50 ngày 02/10/2023; ra quân làm sạch đường làng "
    "lúc 8 giờ 00 ngay sau khi bế mạc Lễ mít tinh.\n"
)


def test_work_after_the_closing_of_the_ceremony_is_no_second_ceremony() -> None:
    assert ceremonies_of(plan_data(RALLY)) == [("2023-10-02", "07:05", "Sân vận động xã Đông Hòa")]


def test_a_rite_in_the_programme_is_a_part_its_performers_attend() -> None:
    rally = RALLY[: RALLY.index("III. HOẠT")]
    # a rite on a timed row ("Nghi lễ chào cờ") is no ceremony of its own beside the one the programme is of, so
    # those who give its parts attend that one; two who give one part together ("- ông A và bà B") each
    assert wishes_of(plan_data(rally)) == {
        "Hoàng Văn Lực": ["Sân vận động xã Đông Hòa"],
        "Lê Quang Vinh": ["Sân vận động xã Đông Hòa"],
        "Đào Thị Yến": ["Sân vận động xã Đông Hòa"],
    }


#: An invitation with the ceremony's fields, then its programme under a title that names it only as "buổi lễ".
INVITATION = HEAD + (
    "GIẤY MỜI\n"
    "Dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2023 cấp xã\n"
    "\n"
    "Ủy ban nhân dân xã Đông Hòa tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2023.\n"
    "Trân trọng kính mời đại biểu tới dự.\n"
    "Thời gian: 14 giờ 00, thứ Ba ngày 03/10/2023 (đại biểu có mặt lúc 13 giờ 45).\n"
    "Địa điểm: Hội trường UBND xã Đông Hòa.\n"
    "\n"
    "CHƯƠNG TRÌNH BUỔI LỄ\n"
    "| Thời gian | Nội dung | Người thực hiện |\n"
    "| 13h45 - 14h00 | Đón tiếp đại biểu; văn nghệ | Đoàn thanh niên xã |\n"
    "| 14h00 - 14h10 | Tuyên bố lý do | Ban Tổ chức |\n"
    "| 14h10 - 14h30 | Báo cáo tổng kết phong trào | Ông Trịnh Đức Mạnh, Chủ tịch Hội Khuyến học xã |\n"
    "| 14h30 - 14h45 | Biểu dương, tặng giấy khen | Bà Nguyễn Thị Thoa, Phó Chủ tịch UBND xã |\n"
    "\n"
    "Rất mong đại biểu đến dự đúng giờ.\n"
)


def test_a_programme_titled_the_ceremony_is_the_invitation_s_ceremony() -> None:
    data = plan_data(INVITATION)
    assert ceremonies_of(data) == [("2023-10-03", "14:00", "Hội trường UBND xã Đông Hòa")]
    assert wishes_of(data).get("Trịnh Đức Mạnh") == ["Hội trường UBND xã Đông Hòa"]


#: A plan that tells its day's schedule "theo chương trình sau:" as a table, one row naming the ceremony, the
#: others gathering, reception and the column; then the ceremony's own programme as bullets without times.
SCHEDULE = HEAD + (
    "KẾ HOẠCH\n"
    "Tổ chức Lễ ra quân tuyên truyền Tuần lễ học tập suốt đời năm 2023\n"
    "\n"
    "I. NỘI DUNG, THỜI GIAN, ĐỊA ĐIỂM\n"
    "Lễ ra quân tuyên truyền được tổ chức vào sáng thứ Bảy, ngày 07/10/2023, theo chương trình sau:\n"
    "| STT | Nội dung | Thời gian | Địa điểm | Phụ trách |\n"
    "| 1 | Tập trung đoàn viên | 06 giờ 00 | Quảng trường xã Đông Hòa | Đoàn xã |\n"
    "| 2 | Đón đại biểu | 06 giờ 15 - 06 giờ 30 | Quảng trường xã Đông Hòa | Văn phòng |\n"
    "| 3 | Lễ ra quân | 06 giờ 30 | Quảng trường xã Đông Hòa | Đoàn xã |\n"
    "| 4 | Đoàn viên về các thôn tuyên truyền | 07 giờ 15 | Cổng Quảng trường xã Đông Hòa | Đoàn xã |\n"
    "Chương trình Lễ ra quân:\n"
    "- Tuyên bố lý do.\n"
    "- Ông Phan Văn Dũng, Bí thư Đoàn xã, phát biểu giao nhiệm vụ.\n"
)


def test_the_rows_of_a_day_s_programme_are_no_ceremonies_of_their_own() -> None:
    data = plan_data(SCHEDULE)
    assert ceremonies_of(data) == [("2023-10-07", "06:30", "Quảng trường xã Đông Hòa")]
    assert wishes_of(data).get("Phan Văn Dũng") == ["Quảng trường xã Đông Hòa"]


#: A script whose "Thời gian" gives the ceremony's day beside the week's span, then a "KỊCH BẢN CHƯƠNG TRÌNH".
SCRIPT = HEAD + (
    "KẾ HOẠCH VÀ KỊCH BẢN\n"
    "Lễ phát động phong trào học tập suốt đời năm 2023 xã Đông Hòa\n"
    "\n"
    "I. THỜI GIAN, ĐỊA ĐIỂM\n"
    "1. Thời gian: 8 giờ 00 phút, thứ Tư ngày 04 tháng 10 năm 2023 (Tuần lễ diễn ra từ ngày 01/10 đến ngày "
    "07/10/2023).\n"
    "2. Địa điểm: Nhà văn hóa thôn Thành Huy.\n"
    "\n"
    "II. KỊCH BẢN CHƯƠNG TRÌNH\n"
    "| TT | Thời gian | Nội dung | Người thực hiện |\n"
    "| 1 | 8h00 - 8h10 | Chào cờ, tuyên bố lý do | Dẫn chương trình |\n"
    "| 2 | 8h10 - 8h25 | Báo cáo kết quả học tập cộng đồng | Bà Lương Thị Hòa, Giám đốc TTHTCĐ xã |\n"
    "| 3 | 8h25 - 8h40 | Trao giấy khen | Ông Vương Đình Sơn, Chủ tịch UBND xã |\n"
)


def test_a_script_s_day_beside_the_week_s_span_and_its_performers() -> None:
    data = plan_data(SCRIPT)
    assert ceremonies_of(data) == [("2023-10-04", "08:00", "Nhà văn hóa thôn Thành Huy")]
    assert set(wishes_of(data)) >= {"Lương Thị Hòa", "Vương Đình Sơn"}


#: A column's plan whose list of times gathers everyone at one place, then holds its send-off "cùng ngày".
SEND_OFF = HEAD + (
    "KẾ HOẠCH\n"
    "Tổ chức Lễ xuất quân đội hình thanh niên tình nguyện năm 2023\n"
    "\n"
    "I. THỜI GIAN\n"
    "- Tập kết đội hình, xe máy: 5 giờ 45 sáng Chủ nhật, ngày 08/10/2023 tại Sân Nhà văn hóa thôn Đại Lý.\n"
    "- Lễ xuất quân: 6 giờ 15 cùng ngày (khoảng 30 phút).\n"
    "- Xuất phát: 6 giờ 45.\n"
)


def test_a_send_off_told_after_the_gathering_is_held_where_all_gather() -> None:
    # (the yard of a building: the building, as the importer names a venue)
    assert ceremonies_of(plan_data(SEND_OFF)) == [("2023-10-08", "06:15", "Nhà văn hóa thôn Đại Lý")]


#: A plan whose "II. THỜI GIAN" gives the week's span and the day its publicity starts, no clock time: no day of a
#: ceremony; the second ceremony is "chiều cùng ngày" of the first.
WEEK = HEAD + (
    "KẾ HOẠCH\n"
    "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023 trên địa bàn xã\n"
    "\n"
    "II. THỜI GIAN\n"
    "Tuần lễ diễn ra từ ngày 01/10/2023 đến ngày 07/10/2023. Hoạt động tuyên truyền bắt đầu từ ngày 26/9/2023.\n"
    "\n"
    "III. HOẠT ĐỘNG\n"
    "1. Lễ khai mạc tại thôn Thành Huy\n"
    "Tổ chức vào lúc 7 giờ 30, thứ Hai ngày 02/10/2023 tại Nhà văn hóa thôn Thành Huy.\n"
    "2. Lễ khai mạc tại thôn Đại Lý\n"
    "Chiều cùng ngày, lúc 14 giờ 00, tại Nhà văn hóa thôn Đại Lý. Giao Ban công tác Mặt trận thôn Đại Lý chủ trì "
    "tổ chức.\n"
)


def test_the_start_of_the_publicity_beside_the_week_s_span_dates_no_ceremony() -> None:
    # (a guard of the rule above: a day beside the week's span dates a ceremony only in a field with a clock time)
    held = ceremonies_of(plan_data(WEEK))
    assert ("2023-10-02", "07:30", "Nhà văn hóa thôn Thành Huy") in held
    assert not [c for c in held if c[0] == "2023-09-26"]
