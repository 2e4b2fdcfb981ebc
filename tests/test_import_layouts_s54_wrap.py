"""A plan whose long lines were cut at a width while its short paragraphs stayed whole (a PDF's text layer, a mail;
s54, wrap): a line cut before a person's title, before the next step of a route's list, after a deadline's cue or
a clock, after a label, inside a name, or before a date goes on in the next line; in a hard-wrapped text a line
that ends a sentence with room left for the next word ends its paragraph, as do a label's line, a chat's time
stamp, a numbered step; a title's underline is no table. Invented offices, streets and people; no corpus document."""

from __future__ import annotations

from imported import ceremonies_of, plan_data, wishes_of
from paradeplan.importer.extract import extract
from paradeplan.importer.shape import layout_lines
from paradeplan.importer.text import logical_lines

#: A commune's plan whose few long lines a PDF cut at 78 columns; its other lines are whole.
LONG_LINES_CUT = """ỦY BAN NHÂN DÂN XÃ PHƯỚC KIỂN
Số: 41/KH-UBND
Phước Kiển, ngày 17 tháng 9 năm 2024
KẾ HOẠCH
Tổ chức Lễ khai mạc Tuần lễ học tập suốt đời năm 2024
1. Lễ khai mạc: 7 giờ 30, thứ Ba, ngày 01/10/2024, tại Hội trường Nhà văn hóa xã.
- Chủ trì: Ban Chỉ đạo xã; dự lễ có đồng chí Huỳnh Thanh Lộc, Bí thư Đảng ủy xã, và đồng chí Mai Hữu
Tâm - Chủ tịch Hội Khuyến học xã phát biểu hưởng ứng; ông Tô Văn Quới
- Phó Chủ tịch UBND xã đọc diễn văn khai mạc.
2. Diễu hành: xuất phát 8 giờ 30, lộ trình: Nhà văn hóa xã - Đào Sư Tích - Lê Văn Lương
- Nguyễn Bình - Phạm Hữu Lầu - Hồ Văn Tư
- về lại Nhà văn hóa xã (khoảng 7 km).
3. Các ấp gửi danh sách xe hoa tham gia diễu hành về Văn phòng UBND xã trước
16g00 ngày 26/9/2024.
4. Các trường gửi kịch bản chương trình văn nghệ về Văn phòng UBND xã trước 16g00
Thứ Sáu ngày 27/9/2024 để Ban Tổ chức duyệt.
"""


def test_a_title_cut_off_its_person_by_a_dash_goes_on() -> None:
    lines = logical_lines(LONG_LINES_CUT)
    assert any("ông Tô Văn Quới - Phó Chủ tịch UBND xã đọc diễn văn khai mạc." in ln for ln in lines)
    assert "- Phó Chủ tịch UBND xã đọc diễn văn khai mạc." not in lines


def test_a_route_cut_before_its_separator_goes_on() -> None:
    lines = logical_lines(LONG_LINES_CUT)
    assert any(
        ln.endswith("Lê Văn Lương - Nguyễn Bình - Phạm Hữu Lầu - Hồ Văn Tư - về lại Nhà văn hóa xã (khoảng 7 km).")
        for ln in lines
    )
    names = [r.name for r in extract(LONG_LINES_CUT, "kh.txt").route]
    assert "Phạm Hữu Lầu" in names


def test_a_deadline_cut_after_its_cue_keeps_its_date() -> None:
    ex = extract(LONG_LINES_CUT, "kh.txt")
    assert any(str(d.due) == "2024-09-26" for d in ex.deadlines)


#: A ward's week schedule: each item one long line, cut at 80 columns where it runs over 90.
WEEK_CUT = """UBND PHƯỜNG VĨNH NIỆM
LỊCH CÔNG TÁC TUẦN 40 NĂM 2025
Thứ Tư, ngày 01/10/2025
- 7h30: Đ/c Chủ tịch Đặng Quốc Vinh, đ/c Phó Chủ tịch Lương Thị Nhàn dự Lễ khai mạc Tuần lễ. Địa điểm:
Trường Tiểu học Vĩnh Niệm, số 12 đường Cát Bi. Thành phần: Hiệu trưởng các trường.
- 14h00: Ông Vũ Đình Khang - Chủ tịch Hội Khuyến học phường dự buổi tọa đàm cùng ông Hà
Quang Triệu - Phó Chủ tịch UBND phường tại Nhà văn hóa tổ dân phố 5.
"""


def test_a_label_at_a_cut_lines_end_takes_the_next_line_as_its_value() -> None:
    lines = logical_lines(WEEK_CUT)
    assert any("Địa điểm: Trường Tiểu học Vĩnh Niệm, số 12 đường Cát Bi." in ln for ln in lines)


def test_a_name_cut_at_a_long_lines_end_goes_on() -> None:
    lines = logical_lines(WEEK_CUT)
    assert any("cùng ông Hà Quang Triệu - Phó Chủ tịch UBND phường" in ln for ln in lines)


def test_a_clock_cut_off_its_day_goes_on() -> None:
    lines = logical_lines(LONG_LINES_CUT)
    assert any(
        ln.endswith("về Văn phòng UBND xã trước 16g00 Thứ Sáu ngày 27/9/2024 để Ban Tổ chức duyệt.") for ln in lines
    )


def test_the_venue_after_a_cut_label_is_the_ceremonys() -> None:
    data = plan_data(WEEK_CUT, "lich.txt")
    assert ("2025-10-01", "07:30", "Trường Tiểu học Vĩnh Niệm") in ceremonies_of(data)
    assert wishes_of(data).get("Đặng Quốc Vinh") == ["Trường Tiểu học Vĩnh Niệm"]


#: A mail whose long paragraphs were cut at 76 columns and whose short ones (up to 86) were left whole, with blank
#: lines between its parts.
MAIL_CUT = """From: Văn phòng UBND phường Tân Quy <vanphong.tanquy@example.vn>
Sent: Thứ Tư, 24/9/2025 09:12
To: các khu phố; Trường THCS Tân Quy; Trường Tiểu học Tân Quy

Kính gửi các khu phố và các trường,

Phường chốt lịch Lễ khai mạc Tuần lễ học tập suốt đời năm 2025 như sau, các
đơn vị theo dõi và phối hợp thực hiện đúng thời gian, thành phần đã phân công.

Lễ khai mạc: 7 giờ 30, thứ Năm 02/10/2025, tại sân Trường THCS Tân Quy.
Chủ trì: bà Lạc Thị Hoài Thu, Chủ tịch UBND phường, phát biểu khai mạc lễ.
Cùng dự: ông Kha Vĩnh Tường, Phó Chủ tịch UBND phường; Ban giám hiệu các trường.
Tổng duyệt lúc 16 giờ thứ Ba 30/9/2025 tại sân trường, các khu phố cử người dự.
Các khu phố gửi danh sách người tham gia về Văn phòng trước ngày 29/9/2025 để
tổng hợp và báo cáo Ban Chỉ đạo phường.
"""


def test_a_line_that_ends_a_sentence_with_room_left_ends_its_paragraph() -> None:
    lines = logical_lines(MAIL_CUT)
    assert "Chủ trì: bà Lạc Thị Hoài Thu, Chủ tịch UBND phường, phát biểu khai mạc lễ." in lines
    assert "Cùng dự: ông Kha Vĩnh Tường, Phó Chủ tịch UBND phường; Ban giám hiệu các trường." in lines
    assert any("Phường chốt lịch" in ln and ln.endswith("thành phần đã phân công.") for ln in lines)


def test_a_mails_header_fields_stay_apart() -> None:
    lines = logical_lines(MAIL_CUT)
    assert "Sent: Thứ Tư, 24/9/2025 09:12" in lines
    assert "To: các khu phố; Trường THCS Tân Quy; Trường Tiểu học Tân Quy" in lines


#: A chat's export under its underlined title, its messages cut at 72 columns.
CHAT_CUT = """Nhóm Zalo BCĐ học tập phường Linh Đông
------------------------------------
[08:02] Phùng Thị Mỹ Linh: Gửi cả nhà lịch Lễ khai mạc Tuần lễ năm nay, mời
các khu phố đăng ký số người đi diễu hành xe đạp về cho em trước thứ Sáu
[08:05] Âu Văn Trọng: KP3 nhận, sáng Chủ nhật KP3 đi 30 xe đạp, tập trung ở
sân UBND phường như năm ngoái được không em, hay ra thẳng sân trường luôn
[08:09] Phùng Thị Mỹ Linh: Dạ được anh, 6g15 có mặt ở sân UBND phường rồi cả
đoàn đạp xe qua trường, xe hoa của trường đi trước dẫn đường cho cả đoàn
[08:11] Châu Ngọc Bích: KP5 đi 25 xe đạp, giao cho đ/c Mã Thành Công và đ/c Tạ
Minh Khôi làm trưởng nhóm, hai anh có mặt từ 6g00 để điểm danh các cháu.
"""


def test_a_chats_time_stamp_starts_a_message_of_its_own() -> None:
    lines = logical_lines(CHAT_CUT.replace("-" * 36 + "\n", ""))
    assert sum(ln.startswith("[08:") for ln in lines) == 4
    assert any(ln.startswith("[08:02]") and ln.endswith("về cho em trước thứ Sáu") for ln in lines)


def test_a_titles_underline_is_no_table() -> None:
    lines = logical_lines(CHAT_CUT)
    assert any("đ/c Tạ Minh Khôi làm trưởng nhóm" in ln for ln in lines)


#: A notice hard-wrapped at 79 columns, blank lines between its paragraphs: a date, a numbered step.
DATES_CUT = """UBND PHƯỜNG HÒA KHÁNH BẮC

THÔNG BÁO

Lễ khai mạc Tuần lễ học tập suốt đời lồng ghép trong buổi chào cờ, bắt đầu 7g00
30/9/2024, tại sân Trường THCS Hòa Khánh Bắc; toàn thể giáo viên, học sinh dự.

Đoàn xe đạp xuất phát ngay sau lễ, theo đường Âu Cơ về hướng ngã ba Âu Cơ - Tôn
Đức Thắng; Đội Thiếu niên xung kích đi đầu, hướng dẫn các em đi đúng làn đường.
Bước 2: đến ngã ba Âu Cơ - Tôn Đức Thắng rẽ phải, đi thẳng về lại trường học.

Các lớp trưởng điểm danh học sinh trước khi xuất phát và sau khi về đến trường,
báo cáo giáo viên chủ nhiệm để tổng hợp gửi Ban Giám hiệu trong buổi sáng.
"""


def test_a_date_at_a_lines_start_is_no_numbered_item() -> None:
    lines = logical_lines(DATES_CUT)
    assert any("bắt đầu 7g00 30/9/2024, tại sân Trường THCS Hòa Khánh Bắc" in ln for ln in lines)


def test_a_numbered_step_starts_a_paragraph_of_its_own() -> None:
    lines = logical_lines(DATES_CUT)
    assert any(ln.startswith("Bước 2: đến ngã ba") for ln in lines)


#: A route's sentence cut at 80 columns, while a paragraph of 87 characters was left whole.
LAYOUT_CUT = """Kế hoạch diễu hành cổ động Tuần lễ học tập suốt đời năm 2024 của phường Tân Phong, Q.7.
- Đoàn xe xuất phát lúc 7 giờ 45 từ sân Nhà văn hóa phường Tân Phong, các xe hoa
đi sau xe loa, lộ trình Nguyễn Văn Linh - Lê Văn Thiêm - Hà Huy Tập - Nguyễn Thị
Thập, kết thúc tại Nhà văn hóa phường.
"""


def test_a_layout_line_cut_inside_a_name_goes_on() -> None:
    lines = layout_lines(LAYOUT_CUT)
    assert any("Hà Huy Tập - Nguyễn Thị Thập, kết thúc" in ln for ln in lines)
