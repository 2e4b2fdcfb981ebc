"""Layouts met on the blind set heldout78 (leaders' weekly work calendars and the ward office's chat messages), each
written here in variants (other names, days and places; no corpus document): who attends labelled inside the
ceremony's own calendar line ("… tại A. Dự: đ/c B; đ/c C"), a closing correction where one goes "dự thay đ/c X"
(the given name only) and X no longer goes, a term item dated by the calendar's day heading ("THỨ NĂM (09/10)" over
"- Chiều: 17h00 Hạn chót … gửi báo cáo"), a footnote where the one kept away sends another ("đ/c A bận họp …; cử
đ/c B … dự Lễ … tại X"), a chat item's bullet sending a stand-in to the item's ceremony ("ủy quyền c. B (PCT)
chủ trì") and one named by "a."/"c." and the given name ("…, c. Hồng dự và trao thưởng"), and a numbered request to
the neighbourhoods ("4) Các ấp gửi DS người dự lễ …") that is no official."""

from __future__ import annotations

import pytest

from imported import ceremonies_of, plan_data, wishes_of

# -- a weekly calendar in plain lines, its closing correction -----------------------------------------------------
CALENDAR = (
    "ĐẢNG ỦY - HĐND - UBND PHƯỜNG VÕ CƯỜNG\nVĂN PHÒNG\n\nLỊCH LÀM VIỆC TUẦN 41\n(Từ ngày 06/10 đến ngày 12/10/2025)\n\n"
    "THỨ HAI (06/10)\n- Sáng: 8h00 Giao ban đầu tuần (Chủ tịch UBND phường chủ trì).\n\n"
    "THỨ BA (07/10)\n- Sáng:\n"
    "  + 7 giờ 00: Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2025 cấp phường tại Nhà văn hóa khu phố Bồ "
    "Sơn. {label}: đ/c Trần Minh Quang – Chủ tịch UBND phường; đ/c Lê Thị Thu Hà – PCT UBND phường.\n"
    "- Chiều: 14h30 Lễ khai mạc Tuần lễ tại Trường TH Võ Cường – đ/c Lê Thị Thu Hà dự.\n\n"
    "THỨ NĂM (09/10)\n- Chiều: 17h00 {term} các tổ dân phố gửi báo cáo kết quả Tuần lễ về Văn phòng.\n\n"
    "ĐIỀU CHỈNH (Văn phòng cập nhật ngày 06/10/2025):\n"
    "- Đ/c Lê Thị Thu Hà đi công tác chiều thứ Ba; đ/c Trần Minh Quang {instead} tại Trường TH Võ Cường.\n"
)
HALL = "Nhà văn hóa khu phố Bồ Sơn"
SCHOOL = "Trường TH Võ Cường"


@pytest.mark.parametrize(
    ("label", "term", "instead"),
    [
        ("Dự", "Hạn chót", "dự thay đ/c Hà"),
        ("Thành phần", "Hạn cuối", "đi thay cho bà Hà"),
    ],
)
def test_a_calendar_line_s_attendees_a_stand_in_by_given_name_and_a_term_on_the_heading_day(
    label: str, term: str, instead: str
) -> None:
    data = plan_data(CALENDAR.format(label=label, term=term, instead=instead), "lich.txt")
    assert ceremonies_of(data) == [("2025-10-07", "07:00", HALL), ("2025-10-07", "14:30", SCHOOL)]
    assert wishes_of(data) == {"Trần Minh Quang": [HALL, SCHOOL], "Lê Thị Thu Hà": [HALL]}
    assert [str(d["due"]) for d in data["deadlines"]] == ["2025-10-09"]


# -- a footnote: the one kept away sends another ----------------------------------------------------------------------
FOOTNOTE = (
    "ỦY BAN NHÂN DÂN PHƯỜNG HÒA MINH\nSố: 77/LCT-UBND\nHòa Minh, ngày 28 tháng 9 năm 2024\n\nLỊCH CÔNG TÁC TUẦN\n"
    "(Từ ngày 30/9/2024 đến ngày 06/10/2024)\n\n"
    "THỨ TƯ (02/10)\n- Sáng: 7h30 Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024 tại Trường THCS Lý Tự "
    "Trọng – đ/c Võ Thị Kim Oanh – PCT dự.\n\n"
    "Ghi chú:\n- Sáng thứ Tư 02/10, đ/c Võ Thị Kim Oanh {away}; {sends} đ/c Đỗ Văn Bình – Công chức Văn hóa - Xã hội "
    "thay mặt UBND phường dự Lễ khai mạc tại Trường THCS Lý Tự Trọng.\n"
)


@pytest.mark.parametrize(
    ("away", "sends"),
    [("bận họp HĐND quận", "cử"), ("bận tiếp đoàn kiểm tra của Sở", "ủy quyền cho")],
)
def test_a_footnote_where_the_one_kept_away_sends_another(away: str, sends: str) -> None:
    data = plan_data(FOOTNOTE.format(away=away, sends=sends), "lich.txt")
    assert wishes_of(data) == {"Đỗ Văn Bình": ["Trường THCS Lý Tự Trọng"]}


# -- a chat message: an item's stand-in, a person by "c." and the given name, a request to the neighbourhoods ----
CHAT = (
    "[Nhóm Zalo] LÃNH ĐẠO XÃ TÂN PHÚ\n\nVăn phòng UBND xã (Kim Yến), 16:20, 25/09/2025:\n"
    "Dạ em gửi các anh chị lịch Tuần lễ hưởng ứng học tập suốt đời năm 2025:\n\n"
    "1/ Sáng thứ Năm 2/10, 8g00: Lễ khai mạc cấp xã tại Hội trường UBND xã Tân Phú.\n"
    "- a. Tùng {away}, ủy quyền c. Phạm Thị Hồng (PCT UBND xã) {role}.\n\n"
    '2) Chiều thứ Sáu 3/10, lúc 14 giờ: Lễ phát động "Dòng họ học tập" tại Trường THCS Tân Phú, c. Hồng {does}.\n\n'
    "3) Các ấp gửi DS người dự lễ cấp xã (mỗi ấp 15 người) về VP trước 16h ngày 30/9 nha.\n"
)


@pytest.mark.parametrize(
    ("away", "role", "does"),
    [
        ("bận họp Huyện ủy nên không dự được", "chủ trì, phát biểu khai mạc", "dự và trao thưởng"),
        ("đi công tác tỉnh", "đọc diễn văn khai mạc", "chủ trì buổi lễ"),
    ],
)
def test_a_chat_item_s_stand_in_and_a_person_by_the_given_name(away: str, role: str, does: str) -> None:
    data = plan_data(CHAT.format(away=away, role=role, does=does), "zalo.txt")
    assert wishes_of(data) == {"Phạm Thị Hồng": ["Hội trường UBND xã Tân Phú", "Trường THCS Tân Phú"]}
