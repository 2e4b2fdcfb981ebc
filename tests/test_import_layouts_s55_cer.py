"""Layouts read at session 55 for ceremonies (other names, days and places than any corpus document): the rows
under a ceremony's own "Nội dung:" field are its parts, not more ceremonies; a ceremony held in sessions ("Buổi
sáng …: 6 giờ 50" / "Buổi chiều …: 13 giờ 15") under an intro that gives the venue and the day is one ceremony per
session; an e-mail's own ceremony replaces the one of the earlier mail quoted below it; and a ceremony named as what
a unit gets ready ("chuẩn bị chương trình lễ …") is no ceremony of its own."""

from __future__ import annotations

import pytest

from imported import ceremonies_of, plan_data, wishes_of
from paradeplan.importer.extract import extract

# -- a ceremony's own list of contents, one row of it with its hours and a place -------------------------------------
CONTENTS = (
    "UBND QUẬN GÒ VẤP\nUBND PHƯỜNG 5\nSố: 77/KH-UBND\nPhường 5, ngày 18 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "I. MỤC ĐÍCH\n- Khuyến khích người dân đọc sách, học tập thường xuyên.\n"
    "II. LỄ PHÁT ĐỘNG\n"
    "1. Thời gian: 08 giờ 00, thứ Tư, ngày 02 tháng 10 năm 2024.\n"
    "2. Địa điểm: Nhà văn hóa Phường 5.\n"
    "3. Thành phần: lãnh đạo phường, các khu phố, các trường học (khoảng 120 người).\n"
    "4. {head}\n"
    "- Ông Hồ Minh Tâm, Chủ tịch UBND phường phát biểu phát động.\n"
    "- Khai trương góc đọc thiếu nhi tại Nhà văn hóa; thi kể chuyện với học sinh Trường Tiểu học Lê Lợi (10 giờ 00 "
    "- 11 giờ 00).\n"
    "III. TỔ CHỨC THỰC HIỆN\n- Văn phòng UBND phường báo cáo kết quả trước ngày 10/10/2024.\n"
)


@pytest.mark.parametrize("head", ["Nội dung chính:", "Nội dung chương trình:", "Nội dung:"])
def test_a_row_of_the_ceremonys_contents_is_a_part_of_it(head: str) -> None:
    data = plan_data(CONTENTS.format(head=head))
    assert [c[:2] for c in ceremonies_of(data)] == [("2024-10-02", "08:00")]


# -- one ceremony held in two sessions, its venue and day in the intro -----------------------------------------------
SESSIONS = (
    "UBND QUẬN TÂN BÌNH\nTRƯỜNG TIỂU HỌC KIM ĐỒNG\nSố: 41/KH-THKĐ\nTân Bình, ngày 30 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Các hoạt động hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
    "I. NỘI DUNG\n"
    "1. Lễ phát động Tuần lễ (trong tiết chào cờ){joint}"
    "Nhà trường tổ chức hai buổi lễ phát động tại Sân trường Tiểu học Kim Đồng, thứ Hai ngày 07/10/2024:\n"
    "- {morning} (lớp 4, lớp 5): bắt đầu lúc 06 giờ 50. Cô Trần Thị Mai, Hiệu trưởng phát biểu phát động Tuần lễ.\n"
    "- {afternoon} (lớp 1, lớp 2, lớp 3): bắt đầu lúc 13 giờ 15. Thầy Phan Văn Lộc, Phó Hiệu trưởng phát biểu "
    "phát động Tuần lễ.\n"
    "2. Thư viện mở cửa từ 07 giờ 00 đến 16 giờ 00 các ngày trong tuần.\n"
    "II. TỔ CHỨC THỰC HIỆN\n- Các lớp báo cáo kết quả về Phó Hiệu trưởng trước ngày 11/10/2024.\n"
)


@pytest.mark.parametrize("joint", [" ", "\n"])
@pytest.mark.parametrize(("morning", "afternoon"), [("Buổi sáng", "Buổi chiều"), ("Ca sáng", "Ca chiều")])
def test_each_session_of_a_ceremony_is_one_at_the_intros_venue(joint: str, morning: str, afternoon: str) -> None:
    data = plan_data(SESSIONS.format(joint=joint, morning=morning, afternoon=afternoon))
    assert [c[:2] for c in ceremonies_of(data)] == [("2024-10-07", "06:50"), ("2024-10-07", "13:15")]
    wishes = wishes_of(data)
    assert len(wishes.get("Trần Thị Mai", [])) == 1 and len(wishes.get("Phan Văn Lộc", [])) == 1


# -- an e-mail that moves a ceremony, the earlier mail quoted below it -----------------------------------------------
MAIL = (
    "Từ: Văn phòng UBND xã Bình Mỹ <vp.binhmy@example.gov.vn>\n"
    "Đến: Trường THCS Bình Mỹ; Hội Khuyến học xã Bình Mỹ\n"
    "Ngày gửi: Thứ Sáu, 26/09/2025 08:05\n"
    "Tiêu đề: V/v thay đổi địa điểm Lễ khai mạc Tuần lễ học tập suốt đời năm 2025\n"
    "\n"
    "Kính gửi các đơn vị,\n"
    "Do sân UBND xã đang sửa chữa, Ban Tổ chức điều chỉnh như sau:\n"
    "1. Lễ khai mạc Tuần lễ:\n"
    "- Địa điểm mới: Hội trường Trường THCS Bình Mỹ.\n"
    "- Thời gian: giữ nguyên, 08 giờ 00 thứ Năm, ngày 02/10/2025.\n"
    "Trân trọng,\n"
    "Lê Văn Tùng\n"
    "\n"
    "{marker}\n"
    "Từ: Văn phòng UBND xã Bình Mỹ\n"
    "Ngày gửi: Thứ Hai, 22/09/2025 14:10\n"
    "Tiêu đề: Kế hoạch Tuần lễ năm 2025\n"
    "\n"
    "> Kính gửi các đơn vị,\n"
    "> Tóm tắt nội dung:\n"
    "> - Lễ khai mạc: 08 giờ 00 ngày 02/10/2025 tại Sân UBND xã Bình Mỹ.\n"
    "> - Các trường gửi danh sách học sinh dự trước ngày 29/9/2025.\n"
    ">\n"
    "> Trân trọng.\n"
)


@pytest.mark.parametrize("marker", ["-------- Thư gốc --------", "-----Original Message-----"])
def test_the_ceremony_of_a_quoted_earlier_mail_is_no_instance(marker: str) -> None:
    ex = extract(MAIL.format(marker=marker), "mail.txt")
    told = [(str(c.date), c.place) for c in ex.events.ceremonies if c.date is not None]
    assert told == [("2025-10-02", "Hội trường Trường THCS Bình Mỹ")]


# -- a ceremony named as what a unit gets ready --------------------------------------------------------------------
PREPARED = (
    "UBND HUYỆN CỦ CHI\nTRƯỜNG THCS TÂN AN HỘI\nSố: 19/KH-THCS\nTân An Hội, ngày 20 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
    "I. TỔ CHỨC THỰC HIỆN\n"
    "1. Tổ Văn phòng: {ready} lễ khai mạc; họp Ban Tổ chức lúc 14 giờ 00 ngày 27/9/2024.\n"
    "2. Các tổ chuyên môn báo cáo kết quả trước ngày 11/10/2024.\n"
)


@pytest.mark.parametrize("ready", ["chuẩn bị chương trình", "chuẩn bị nội dung", "chuẩn bị cơ sở vật chất"])
def test_a_ceremony_a_unit_gets_ready_is_none_of_its_own(ready: str) -> None:
    ex = extract(PREPARED.format(ready=ready), "kh.txt")
    assert [c.date for c in ex.events.ceremonies if c.date is not None] == []


# -- a day in two sessions: the evening's gathering, its hour in the session's label, where officials hand awards ---
TWO_SESSIONS = (
    "UBND QUẬN 1\nUBND PHƯỜNG TÂN ĐỊNH\nSố: 52/KH-UBND\nTân Định, ngày 16 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Lễ khai mạc và chương trình văn nghệ hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
    "I. NỘI DUNG\n"
    "1. Thời gian tổ chức: Thứ Sáu, ngày 04 tháng 10 năm 2024.\n"
    "2. Buổi sáng (từ 7 giờ 00): Lễ khai mạc Tuần lễ\n"
    "- Địa điểm: Sân Nhà văn hóa phường Tân Định.\n"
    "- Nội dung: chào cờ; đồng chí Vũ Thị Hạnh, Chủ tịch UBND phường, phát biểu khai mạc Tuần lễ.\n"
    "3. {evening}: Đêm văn nghệ “Sách và tuổi trẻ”\n"
    "- Địa điểm: Công viên Lê Văn Tám.\n"
    "- Chương trình gồm 10 tiết mục của các trường học và câu lạc bộ.\n"
    "- {who}\n"
    "II. TỔ CHỨC THỰC HIỆN\n- Các khu phố báo cáo kết quả trước ngày 10/10/2024.\n"
)
_HANDS_AWARDS = "Đồng chí Vũ Thị Hạnh, Chủ tịch UBND phường, trao giấy khen cho 10 “Gia đình học tập” tiêu biểu."


@pytest.mark.parametrize("evening", ["Buổi tối (19 giờ 30)", "Buổi tối (19h30)", "Ca tối (từ 19 giờ 30)"])
def test_an_evening_session_where_an_official_hands_awards_is_one_to_plan(evening: str) -> None:
    data = plan_data(TWO_SESSIONS.format(evening=evening, who=_HANDS_AWARDS))
    assert [c[:2] for c in ceremonies_of(data)] == [("2024-10-04", "07:00"), ("2024-10-04", "19:30")]
    assert len(wishes_of(data).get("Vũ Thị Hạnh", [])) == 2
    plain = plan_data(TWO_SESSIONS.format(evening=evening, who="Kết thúc lúc 21 giờ 30."))
    assert [c[:2] for c in ceremonies_of(plain)] == [("2024-10-04", "07:00")]  # a show with no one sent: none
