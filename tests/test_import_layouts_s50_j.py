"""Layouts met on the blind set heldout77, each written here in variants (other names, days and places; no corpus
document): a who-goes-where table whose hour column is named by the ceremony ("Giờ khai mạc"), a later line moving
a ceremony it names by its level ("Lễ phát động cấp phường chuyển sang …"), a ceremony's programme under its own
section naming who speaks there, a delegation table after "Sau Lễ … cấp tỉnh, các đồng chí trưởng đoàn đi dự …",
and a group sent to a ceremony "gồm: ông A … và bà B …"."""

from __future__ import annotations

import pytest

from imported import ceremonies_of, plan_data, wishes_of
from paradeplan.importer.extract import extract

# -- a who-goes-where table, its hour column named by the ceremony -------------------------------------------------
WHO_GOES = (
    "ỦY BAN NHÂN DÂN\nHUYỆN ĐÔNG ANH\nSố: 77/TB-UBND\nĐông Anh, ngày 20 tháng 9 năm 2024\nTHÔNG BÁO\n"
    "Phân công lãnh đạo huyện dự Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2024 tại các xã\n"
    "UBND huyện phân công lãnh đạo huyện dự Lễ phát động tại các xã vào sáng thứ Ba, ngày 01 tháng 10 năm 2024 "
    "như sau:\n"
    "{head}\n"
    "{row1}\n{row2}\n{row3}\n{row4}\n"
    "Các xã còn lại tổ chức lồng ghép trong buổi chào cờ, không bố trí lãnh đạo huyện dự.\n"
    "Văn phòng HĐND và UBND huyện tổng hợp, báo cáo trước ngày 10/10/2024.\n"
)
ROWS = (
    ("STT", "Xã", "{hour}", "Địa điểm", "Lãnh đạo huyện dự"),
    ("1", "Uy Nỗ", "7 giờ 15", "Nhà văn hóa xã Uy Nỗ", "Đ/c Ngô Thị Hạnh – Phó Chủ tịch UBND huyện"),
    ("2", "Cổ Loa", "9 giờ 00", "Trường THCS Cổ Loa", "Đ/c Ngô Thị Hạnh (sau khi dự tại xã Uy Nỗ)"),
    (
        "3",
        "Vân Hà",
        "7 giờ 30",
        "Trung tâm học tập cộng đồng xã Vân Hà",
        "Đ/c Phí Văn Toàn – Trưởng phòng Giáo dục (dự thay đ/c Đặng Quốc Bảo – Phó Chủ tịch UBND huyện)",
    ),
    ("4", "Liên Hà", "8 giờ 00", "Hội trường UBND xã Liên Hà", "Lãnh đạo Phòng Văn hóa và Thông tin"),
)


@pytest.mark.parametrize("hour", ["Giờ khai mạc", "Thời gian tổ chức lễ", "Giờ bắt đầu"])
@pytest.mark.parametrize("sep", ["\t", " | "])
def test_a_who_goes_where_table_whose_hour_column_names_the_ceremony(hour: str, sep: str) -> None:
    lines = [sep.join(cells).replace("{hour}", hour) for cells in ROWS]
    if sep != "\t":
        lines = [f"| {x} |" for x in lines]
    text = WHO_GOES.format(head=lines[0], row1=lines[1], row2=lines[2], row3=lines[3], row4=lines[4])
    data = plan_data(text, "tb.txt")
    assert ceremonies_of(data) == [
        ("2024-10-01", "07:15", "Nhà văn hóa xã Uy Nỗ"),
        ("2024-10-01", "07:30", "Trung tâm học tập cộng đồng xã Vân Hà"),
        ("2024-10-01", "08:00", "Hội trường UBND xã Liên Hà"),
        ("2024-10-01", "09:00", "Trường THCS Cổ Loa"),
    ]
    assert wishes_of(data) == {
        "Ngô Thị Hạnh": ["Nhà văn hóa xã Uy Nỗ", "Trường THCS Cổ Loa"],
        "Phí Văn Toàn": ["Trung tâm học tập cộng đồng xã Vân Hà"],
    }


# -- a later line moves a ceremony it names by its level -----------------------------------------------------------
MOVED = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG HÒA HIỆP BẮC\nSố: 31/TB-UBND\nHòa Hiệp Bắc, ngày 24 tháng 9 năm 2024\nTHÔNG BÁO\n"
    "V/v tổ chức Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "1. Lễ phát động tại các trường\n"
    "Các trường tổ chức phát động trong buổi chào cờ sáng thứ Tư, ngày 02/10:\n"
    "a) Trường Tiểu học Hòa Hiệp 2: lúc 7 giờ 00 phút; bà Lê Thị Thu – Phó Chủ tịch UBND phường dự.\n"
    "b) Trường THCS Nguyễn Bỉnh Khiêm: lúc 7 giờ 20 phút; ông Trần Quang Vinh – Chủ tịch UBND phường dự.\n"
    "2. Lễ phát động cấp phường\n"
    "- Thời gian: 9 giờ 00 phút, thứ Tư, ngày 02/10/2024.\n"
    "- Địa điểm: Nhà văn hóa phường Hòa Hiệp Bắc.\n"
    "- Thành phần: ông Trần Quang Vinh (chủ trì); bà Lê Thị Thu.\n"
    "3. Thay đổi\n"
    "{moved}\n"
)


@pytest.mark.parametrize(
    "moved",
    [
        "Vì trùng lịch họp, Lễ phát động cấp phường dời sang lúc 15 giờ 30 phút chiều cùng ngày 02/10/2024, "
        "địa điểm giữ nguyên.",
        "Lễ phát động cấp phường lùi sang 15 giờ 30 phút ngày 02/10/2024; các nội dung khác không thay đổi.",
        "Lễ phát động của phường lùi sang 15 giờ 30 phút ngày 02/10/2024.",
        "Lễ phát động cấp phường chuyển từ 9 giờ 00 sang 15 giờ 30 cùng ngày.",  # no day, no venue: still a move
        "Lễ phát động tại phường Hòa Hiệp Bắc dời sang lúc 15 giờ 30 phút cùng ngày.",  # named by its unit
    ],
)
def test_a_later_line_moves_the_ceremony_it_names_by_its_level(moved: str) -> None:
    ex = extract(MOVED.format(moved=moved), "tb.txt")
    assert [(str(e.date), str(e.time)[:5], e.place) for e in ex.events.ceremonies] == [
        ("2024-10-02", "07:00", "Trường Tiểu học Hòa Hiệp 2"),
        ("2024-10-02", "07:20", "Trường THCS Nguyễn Bỉnh Khiêm"),
        ("2024-10-02", "15:30", "Nhà văn hóa phường Hòa Hiệp Bắc"),  # one ceremony, at its new time
    ]


def test_a_move_said_as_a_condition_moves_nothing() -> None:
    moved = "Trường hợp mưa lớn, Lễ phát động cấp phường lùi sang 15 giờ 30 cùng ngày."
    ex = extract(MOVED.format(moved=moved), "tb.txt")
    assert [str(e.time)[:5] for e in ex.events.ceremonies] == ["07:00", "07:20", "09:00"]


# -- a ceremony's programme in its own section; a delegation table after it ---------------------------------------
DELEGATIONS = (
    "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 500/CTr-UBND\nGia Lai, ngày 20 tháng 9 năm 2025\nCHƯƠNG TRÌNH\n"
    'Lễ phát động "Tuần lễ hưởng ứng học tập suốt đời" năm 2025 cấp tỉnh và đoàn công tác dự lễ tại cấp xã\n'
    "I. LỄ PHÁT ĐỘNG CẤP TỈNH\n"
    "1. Thời gian: 7 giờ 30 phút, thứ Năm, ngày 02 tháng 10 năm 2025.\n"
    "2. Địa điểm: Hội trường Trường THPT chuyên Hùng Vương.\n"
    "3. Chủ trì: đồng chí Rơ Mah Tuấn – Phó Chủ tịch UBND tỉnh.\n"
    "4. {programme}:\n"
    "| Nội dung | Thời gian | Thực hiện |\n"
    "| Đón tiếp đại biểu | 7g00 – 7g30 | Văn phòng Sở |\n"
    "| Phát biểu phát động | 7g40 – 7g55 | Đ/c Rơ Mah Tuấn |\n"
    "| Báo cáo kết quả năm 2024 | 7g55 – 8g10 | Đ/c Lê Thị Hồng Nhạn – Giám đốc Sở GD&ĐT |\n"
    "| Trao bằng khen | 8g10 – 8g30 | Đ/c Kpă Thuyên – Chủ tịch Hội Khuyến học tỉnh |\n"
    "II. ĐOÀN CÔNG TÁC DỰ LỄ PHÁT ĐỘNG CẤP XÃ\n"
    "{after}, các đồng chí trưởng đoàn đi dự lễ phát động tại xã, phường theo bảng sau:\n"
    "| Đoàn | Trưởng đoàn | Địa điểm | Thời gian |\n"
    "| Đoàn 1 | Đ/c Lê Thị Hồng Nhạn – Giám đốc Sở GD&ĐT | Trung tâm học tập cộng đồng xã Biển Hồ | 9 giờ 30, "
    "ngày 02/10/2025 |\n"
    "| Đoàn 2 | Đ/c Kpă Thuyên – Chủ tịch Hội Khuyến học tỉnh | Nhà văn hóa phường Diên Hồng | 14 giờ 00, "
    "ngày 02/10/2025 |\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
    "Sở Giáo dục và Đào tạo gửi danh sách đại biểu trước ngày 28/9/2025.\n"
)


@pytest.mark.parametrize(
    ("programme", "after"),
    [("Chương trình buổi lễ", "Sau Lễ phát động cấp tỉnh"), ("Trình tự buổi lễ", "Sau buổi lễ cấp tỉnh")],
)
def test_a_ceremonys_programme_in_its_section_names_who_speaks_there(programme: str, after: str) -> None:
    text = DELEGATIONS.format(programme=programme, after=after)
    assert not [o.name for o in extract(text, "ctr.txt").events.officials if "trưởng đoàn" in o.name]
    data = plan_data(text, "ctr.txt")
    hall = "Hội trường Trường THPT chuyên Hùng Vương"
    assert wishes_of(data) == {
        "Rơ Mah Tuấn": [hall],
        "Lê Thị Hồng Nhạn": [hall, "Trung tâm học tập cộng đồng xã Biển Hồ"],
        "Kpă Thuyên": [hall, "Nhà văn hóa phường Diên Hồng"],
    }


# -- a group sent to a higher level's ceremony, then who it is -----------------------------------------------------
@pytest.mark.parametrize("listed", ["gồm: ông Võ Minh Châu – Chủ tịch UBND xã và", "gồm có ông Võ Minh Châu, Bí thư,"])
def test_a_group_sent_to_a_ceremony_then_the_persons_it_is_made_of(listed: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ\nSố: 12/KH-UBND\nTân Phú, ngày 18 tháng 9 năm 2024\nKẾ HOẠCH\n"
        "I. HOẠT ĐỘNG CẤP HUYỆN\n"
        "Thực hiện Giấy mời của Phòng Giáo dục và Đào tạo huyện, lãnh đạo xã tham dự Lễ khai mạc Tuần lễ cấp huyện "
        f"lúc 07:30 thứ Ba, ngày 01/10/2024 tại Trung tâm Văn hóa huyện Tân Phú, {listed} bà Đỗ Thị Mai – Chủ tịch "
        "Hội Khuyến học xã.\n"
        "II. LỄ KHAI MẠC CẤP XÃ\n"
        "- Thời gian: 14 giờ 00, ngày 01/10/2024.\n"
        "- Địa điểm: Hội trường UBND xã Tân Phú.\n"
        "- Chủ trì: ông Võ Minh Châu.\n"
    )
    data = plan_data(text, "kh.txt")
    assert wishes_of(data) == {
        "Võ Minh Châu": ["Trung tâm Văn hóa huyện Tân Phú", "Hội trường UBND xã Tân Phú"],
        "Đỗ Thị Mai": ["Trung tâm Văn hóa huyện Tân Phú"],
    }
