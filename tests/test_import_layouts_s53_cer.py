"""Ceremonies, their venues and days as the blind sets of stop 53 wrote them (s53, fix "cer"): a letter that keeps
or moves a venue ("Địa điểm: không thay đổi, tại X", "… chuyển về X") and moves a term ("điều chỉnh từ ngày A thành
ngày B"); the performers' call that is no assembly; a table row's venue in its notes cell and a section that assigns
who does what at the ceremony; a terse summary's English labels and short words ("Time:", "Venue:", "X/p:",
"Deadline …:"); an event held in each class, and one each unit holds on its own; a delegation attending another
level's ceremony and a send-off ceremony beside the column's own departure. Each layout in other words (other
offices, names, places and days) than the documents heldout93 d02, d05, d07 and heldout95 h95-02, -03, -05, -07."""

from __future__ import annotations

from datetime import date, time

from imported import ceremonies_of, plan_data, wishes_of
from paradeplan.importer.extract import extract

HEAD = (
    "ỦY BAN NHÂN DÂN\n"
    "PHƯỜNG TÂN ĐỊNH\n"
    "Số: 905/UBND-VHXH\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Tân Định, ngày 24 tháng 9 năm 2025\n"
    "\n"
)


# -- a letter that keeps a venue and moves a term ------------------------------------------------------------------
KEPT = HEAD + (
    "V/v điều chỉnh thời gian tổ chức Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
    "\n"
    "Kính gửi: Các đơn vị trên địa bàn phường.\n"
    "\n"
    "Do ảnh hưởng của mưa lớn, Ủy ban nhân dân phường điều chỉnh như sau:\n"
    "1. Điều chỉnh thời gian Lễ phát động\n"
    "- Thời gian cũ: 7 giờ 00, Thứ Năm, ngày 02/10/2025.\n"
    "- Thời gian mới: 14 giờ 30, Thứ Sáu, ngày 03/10/2025.\n"
    "- Địa điểm: không thay đổi, tại Nhà văn hóa phường Tân Định (sảnh tầng trệt).\n"
    "- Bà Trịnh Thu Hà, Chủ tịch Ủy ban nhân dân phường phát biểu phát động (không thay đổi).\n"
    "2. Điều chỉnh thời hạn\n"
    "- Thời hạn nộp báo cáo tổng kết Tuần lễ điều chỉnh từ ngày 13/10/2025 thành ngày 17/10/2025.\n"
    "- Hạn nộp danh sách tình nguyện viên: điều chỉnh từ ngày 29/9/2025 thành ngày 30/9/2025.\n"
)


def test_a_venue_kept_and_restated_is_the_place_after_the_words_that_keep_it() -> None:
    assert ceremonies_of(plan_data(KEPT)) == [("2025-10-03", "14:30", "Nhà văn hóa phường Tân Định")]


def test_a_term_moved_from_one_day_to_another_is_due_on_the_new_day() -> None:
    dues = [d.due for d in extract(KEPT, "cong-van.txt").deadlines]
    assert date(2025, 10, 17) in dues
    assert date(2025, 10, 13) not in dues
    # a line labelled by its term whose value moves it: the old day right after the label is no term
    assert date(2025, 9, 30) in dues
    assert date(2025, 9, 29) not in dues


# -- a letter that moves a venue ---------------------------------------------------------------------------------
MOVED = HEAD + (
    "V/v điều chỉnh địa điểm tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
    "\n"
    "Ngày 12 tháng 9 năm 2025, Ủy ban nhân dân phường ban hành Kế hoạch số 140/KH-UBND về tổ chức Tuần lễ. "
    "Theo Kế hoạch, Lễ khai mạc và đoàn xe hoa tập trung tại Nhà thi đấu phường Tân Định.\n"
    "\n"
    "Do Nhà thi đấu đang sửa chữa mái, Ủy ban nhân dân phường điều chỉnh như sau:\n"
    "1. Địa điểm: Lễ khai mạc Tuần lễ và nơi tập kết xe hoa chuyển về Trường THCS Trần Văn Ơn "
    "(thay cho Nhà thi đấu phường Tân Định).\n"
    "2. Thời gian: giữ nguyên, cụ thể:\n"
    "- Lễ khai mạc: 06 giờ 45 phút, thứ Tư, ngày 01/10/2025.\n"
    "- Đoàn xe xuất phát: 07 giờ 30 phút cùng ngày, từ Trường THCS Trần Văn Ơn.\n"
    "- Đại biểu có mặt lúc 06 giờ 30 phút; đội văn nghệ hai trường tham gia đồng diễn có mặt lúc 06 giờ 00 phút.\n"
    "3. Lộ trình: Trường THCS Trần Văn Ơn → đường Hai Bà Trưng → đường Trần Quang Khải → Trường THCS Trần Văn Ơn.\n"
)


def test_a_venue_said_to_move_is_the_place_it_moves_to() -> None:
    # the plan the letter changes had told the old venue ("Theo Kế hoạch, …"): that sentence is no ceremony now
    assert ceremonies_of(plan_data(MOVED)) == [("2025-10-01", "06:45", "Trường THCS Trần Văn Ơn")]


def test_the_performers_call_is_no_assembly_of_the_column() -> None:
    assert extract(MOVED, "cong-van.txt").assembly_time != time(6, 0)


# -- a table row's venue in its notes cell; a section of who does what at the ceremony -----------------------------
ROWS = (
    "HỘI KHUYẾN HỌC PHƯỜNG TÂN ĐỊNH\n"
    "Số: 11/KH-HKH\n"
    "Tân Định, ngày 20 tháng 9 năm 2025\n"
    "\n"
    "KẾ HOẠCH\n"
    "Hội Khuyến học phường tham gia Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
    "\n"
    "III. TIẾN ĐỘ THỰC HIỆN\n"
    "Họp Ban Thường vụ xét học bổng — Thời gian: 9g00, thứ Hai 22/9/2025; Đơn vị thực hiện: Ban Thường vụ; "
    "Ghi chú: Phòng họp số 2, UBND phường.\n"
    "Lễ khai mạc Tuần lễ và trao học bổng “Ươm mầm tri thức” — Thời gian: 8g00, thứ Năm 02/10/2025; "
    "Đơn vị thực hiện: Hội Khuyến học phối hợp UBND phường; Ghi chú: Tại Trường Tiểu học Phan Văn Trị; "
    "khách mời có mặt lúc 7g40.\n"
    "Báo cáo kết quả Tuần lễ — Thời gian: Trước ngày 14/10/2025; Đơn vị thực hiện: Các chi hội.\n"
    "\n"
    "IV. PHÂN CÔNG TẠI LỄ KHAI MẠC\n"
    "- Ông Hồ Minh Triết, Chủ tịch Hội Khuyến học phường: phát biểu khai mạc.\n"
    "- Bà Lâm Ngọc Diệp, Phó Chủ tịch UBND phường: trao học bổng “Ươm mầm tri thức”.\n"
    "- Văn phòng Hội: chuẩn bị giấy chứng nhận, hoa tặng đại biểu.\n"
)


def test_a_row_s_notes_cell_that_opens_on_a_place_names_the_row_s_venue() -> None:
    assert ceremonies_of(plan_data(ROWS)) == [("2025-10-02", "08:00", "Trường Tiểu học Phan Văn Trị")]


def test_those_a_section_assigns_an_act_at_the_ceremony_attend_it() -> None:
    assert wishes_of(plan_data(ROWS)) == {
        "Hồ Minh Triết": ["Trường Tiểu học Phan Văn Trị"],
        "Lâm Ngọc Diệp": ["Trường Tiểu học Phan Văn Trị"],
    }


# -- a terse summary's English labels and short words ------------------------------------------------------------
TERSE = (
    "UBND P. TÂN ĐỊNH\n"
    "Số: 23/KH-BCĐ                                        Tân Định, ngày 22/9/2025\n"
    "\n"
    "KẾ HOẠCH (tóm tắt)\n"
    "Lễ khai mạc + diễu hành xe hoa hưởng ứng Tuần lễ năm 2025\n"
    "\n"
    "A. TIMELINE\n"
    "- Họp BCĐ P.: 15h00 T2 29/09/2025, phòng họp B.\n"
    "- Deadline DS tài xế + biển số (các KP): 16h00 T3 30/09/2025, nộp VP UBND P.\n"
    "\n"
    "B. LỄ KHAI MẠC (opening)\n"
    "- Time: 8h00 CN 05/10/2025.\n"
    "- Venue: Nhà thi đấu Tân Định, khu vực khán đài A.\n"
    "- Đ/c Võ Hoàng Sơn - CT UBND P.: phát biểu khai mạc + phát lệnh x/p đoàn xe.\n"
    "\n"
    "C. ĐOÀN XE (parade)\n"
    "- Tập trung: 7h30 CN 05/10/2025 tại Nhà thi đấu Tân Định.\n"
    "- X/p: 8h40.\n"
    "- Route: Nhà thi đấu Tân Định → Hai Bà Trưng → Trần Quang Khải → Nhà thi đấu Tân Định (end).\n"
)


def test_english_labels_give_the_ceremony_s_day_hour_and_venue() -> None:
    assert ceremonies_of(plan_data(TERSE)) == [("2025-10-05", "08:00", "Nhà thi đấu Tân Định")]


def test_a_short_departure_label_gives_the_column_s_departure() -> None:
    assert extract(TERSE, "tom-tat.txt").departure_time == time(8, 40)


def test_a_line_labelled_deadline_is_due_on_its_value_s_day() -> None:
    assert date(2025, 9, 30) in [d.due for d in extract(TERSE, "tom-tat.txt").deadlines]


# -- an event held in each class; a ceremony each unit holds on its own ------------------------------------------
SCHOOL = (
    "UBND QUẬN 3\n"
    "TRƯỜNG THCS LÊ QUÝ ĐÔN\n"
    "Số: 51/TB-THCS\n"
    "Quận 3, ngày 25 tháng 9 năm 2024\n"
    "\n"
    "THÔNG BÁO\n"
    "Hoạt động Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "\n"
    "1. Lễ khai mạc Tuần lễ\n"
    "Lễ khai mạc tổ chức vào lúc 6 giờ 45, thứ Tư ngày 02/10/2024 tại sân trường, Trường THCS Lê Quý Đôn.\n"
    "\n"
    "2. Các hoạt động trong Tuần lễ\n"
    "Hội thi kể chuyện theo sách — Thời gian: 14g00 – 16g00, Thứ Năm 03/10; Địa điểm: Hội trường; Phụ trách: "
    "Tổ Ngữ văn.\n"
    "Tổng kết Tuần lễ tại lớp; GVCN khen thưởng học sinh đọc nhiều sách — Thời gian: Tiết sinh hoạt lớp, Thứ Bảy "
    "05/10; Địa điểm: Các lớp; Phụ trách: GVCN.\n"
)


def test_an_event_held_in_each_class_is_no_ceremony() -> None:
    assert ceremonies_of(plan_data(SCHOOL)) == [("2024-10-02", "06:45", "Trường THCS Lê Quý Đôn")]


EACH = (
    "ỦY BAN NHÂN DÂN HUYỆN CỦ CHI\n"
    "Số: 77/KH-UBND\n"
    "Củ Chi, ngày 20 tháng 9 năm 2024\n"
    "\n"
    "KẾ HOẠCH\n"
    "Tổ chức Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "\n"
    "I. YÊU CẦU\n"
    "- Mỗi xã tổ chức 01 Lễ phát động tại nhà văn hóa hoặc trường học trên địa bàn.\n"
    "\n"
    "II. LỄ PHÁT ĐỘNG CẤP HUYỆN\n"
    "1. Thời gian: 8 giờ 00, Thứ Ba, ngày 01/10/2024.\n"
    "2. Địa điểm: Trung tâm Văn hóa - Thể thao huyện Củ Chi.\n"
    "3. Chương trình:\n"
    "- 7 giờ 30 – 8 giờ 00: Đón tiếp đại biểu.\n"
    "- 8 giờ 00 – 8 giờ 20: Phát biểu phát động.\n"
)


def test_a_ceremony_each_unit_holds_with_no_day_of_its_own_is_not_planned() -> None:
    assert ceremonies_of(plan_data(EACH)) == [("2024-10-01", "08:00", "Trung tâm Văn hóa - Thể thao huyện Củ Chi")]


# -- a delegation at another level's ceremony; a send-off ceremony and the column's own departure ------------------
DELEGATION = (
    "ỦY BAN NHÂN DÂN THỊ XÃ SƠN TÂY\n"
    "Số: 1302/PA-UBND\n"
    "Sơn Tây, ngày 23 tháng 9 năm 2024\n"
    "\n"
    "PHƯƠNG ÁN\n"
    "Tham gia Lễ khai mạc cấp thành phố và tổ chức Lễ xuất phát đoàn xe hoa Tuần lễ năm 2024\n"
    "\n"
    "A. THAM GIA LỄ KHAI MẠC CẤP THÀNH PHỐ\n"
    "- Thời gian: 8h00, Thứ Tư, ngày 02/10/2024.\n"
    "- Địa điểm: Cung Văn hóa Hữu nghị Việt Xô.\n"
    "- Thành phần thị xã: đồng chí Đinh Quang Vũ, Chủ tịch UBND thị xã; 20 học sinh tiêu biểu.\n"
    "\n"
    "B. LỄ XUẤT PHÁT ĐOÀN XE HOA CỦA THỊ XÃ\n"
    "- Xe hoa, xe loa tập kết lúc 13h30 tại Quảng trường Sơn Tây.\n"
    "- Lễ xuất phát: 14h00 cùng ngày 02/10/2024 tại Quảng trường Sơn Tây. Đồng chí Đinh Quang Vũ, Chủ tịch UBND "
    "thị xã, sau khi dự Lễ khai mạc cấp thành phố, dự và phát lệnh xuất phát đoàn xe.\n"
    "- Đoàn xe lăn bánh lúc 14h25.\n"
    "- Lộ trình: Quảng trường Sơn Tây → đường Lê Lợi → đường Phó Đức Chính → Quảng trường Sơn Tây.\n"
)


def test_the_ceremony_a_delegation_attends_is_read_with_its_own_fields() -> None:
    assert ceremonies_of(plan_data(DELEGATION)) == [
        ("2024-10-02", "08:00", "Cung Văn hóa Hữu nghị Việt Xô"),
        ("2024-10-02", "14:00", "Quảng trường Sơn Tây"),
    ]


def test_a_send_off_ceremony_s_hour_is_not_the_column_s_departure() -> None:
    assert extract(DELEGATION, "phuong-an.txt").departure_time == time(14, 25)
