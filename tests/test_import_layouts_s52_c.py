"""Layouts met on the blind sets heldout91/92, each written here in other words (other names, days and places; no
corpus document): a counted group whose bracket only says whose its vehicles are, a count table headed "Lực lượng,
phương tiện", a programme row whose subject is the vehicles that parade, a route's end told in its own sentence, the
persons a ceremony's programme line or section names doing something there, a titled person before "cùng …" or an
act, and a unit's task told without its subject."""

from __future__ import annotations

from datetime import time

import pytest

from imported import plan_data, wishes_of
from paradeplan.importer.extract import extract

HEAD = "ỦY BAN NHÂN DÂN\nXÃ PHƯỚC VĨNH AN\nSố: 71/KH-UBND\nPhước Vĩnh An, ngày 18 tháng 9 năm 2024\nKẾ HOẠCH\n"


def _forces(body: str) -> list[tuple[str, int]]:
    ex = extract(HEAD + "Diễu hành cổ động năm 2024\n" + body, "xe.txt")
    return [(f.kind, f.count) for f in ex.forces]


# -- a bracket that only names each single vehicle's owner: the group is the count as written ---------------------
@pytest.mark.parametrize(
    ("line", "kind", "count"),
    [
        (
            "- 02 xe phát thanh lưu động (01 xe của Đài Truyền thanh xã, 01 xe do Nhà Thiếu nhi huyện hỗ trợ);",
            "loudspeaker",
            2,
        ),
        (
            "- 03 xe hoa (01 xe của Hội Nông dân, 01 xe của Hội Cựu chiến binh, 01 xe thuộc Đoàn Thanh niên);",
            "float",
            3,
        ),
    ],
)
def test_a_count_whose_bracket_names_each_single_vehicle_s_owner_is_one_group(line: str, kind: str, count: int) -> None:
    assert [(k, n) for k, n in _forces("3. Phương tiện:\n" + line + "\n") if k == kind] == [(kind, count)]


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("03 xe mô tô Công an xã (01 xe mở đường, 02 xe đi hai bên đoàn)", [("motorbike", 1), ("motorbike", 2)]),
        (
            "02 xe ô tô (01 xe của Công an xã dẫn đoàn, 01 xe của Ban Chỉ huy Quân sự khóa đuôi)",
            [("car", 1), ("car", 1)],
        ),
        ("05 xe hoa (02 xe của Hội Phụ nữ, 03 xe của các ấp)", [("float", 2), ("float", 3)]),
    ],
)
def test_a_bracket_of_tasks_or_of_groups_is_still_read_as_its_parts(line: str, want: list[tuple[str, int]]) -> None:
    assert [(k.replace("police_", ""), n) for k, n in _forces("3. Phương tiện: " + line + ".\n")] == want


# -- a count table whose kind column is headed "Lực lượng, phương tiện" --------------------------------------------
FORCES_TABLE = (
    "CÔNG AN HUYỆN BÌNH CHÁNH\nĐỘI CẢNH SÁT GIAO THÔNG\nSố: 12/PA-CSGT\nBình Chánh, ngày 20 tháng 9 năm 2024\n"
    "PHƯƠNG ÁN\nBảo đảm giao thông cho đoàn xe hoa\n"
    "I. LỰC LƯỢNG\n"
    "| TT | {head} | Số lượng | Nhiệm vụ |\n"
    "| 1 | Xe ô tô tuần tra | 03 | Mở đường |\n"
    "| 2 | Xe mô tô đặc chủng | 06 | Hộ tống hai bên đoàn |\n"
    "| 3 | Cán bộ tại các chốt | 14 | Phân luồng |\n"
    "| 4 | Tổ cứu hộ | 01 tổ (03 người) | Kéo xe hỏng |\n"
)


@pytest.mark.parametrize("head", ["Lực lượng, phương tiện", "Phương tiện / lực lượng", "Lực lượng và phương tiện"])
def test_a_count_table_headed_by_forces_and_vehicles_counts_its_rows_not_their_numbers(head: str) -> None:
    ex = extract(FORCES_TABLE.format(head=head), "pa.txt")
    vehicles = [(f.kind, f.count) for f in ex.forces if f.kind != "other"]
    assert ("police_car", 3) in vehicles
    assert [n for k, n in vehicles if "motorbike" in k] == [6]
    assert not [n for _k, n in vehicles if n in (1, 2)]  # the rows' numbers count nothing


# -- a programme row whose subject is the vehicles that parade: its time is the departure ------------------------
WEEK = (
    HEAD + "Các hoạt động Tuần lễ học tập suốt đời năm 2024\n"
    "| Ngày | Thời gian | Nội dung | Địa điểm |\n"
    "| 02/10/2024 | 7 giờ 00 | Lễ khai mạc Tuần lễ | Nhà Văn hóa xã Phước Vĩnh An |\n"
    "| 02/10/2024 | 8 giờ 15 | {subject} diễu hành cổ động. Lộ trình: Nhà Văn hóa xã Phước Vĩnh An - Tỉnh lộ 2 - "
    "Tỉnh lộ 8 - Nhà Văn hóa xã Phước Vĩnh An | Xuất phát tại Nhà Văn hóa xã Phước Vĩnh An |\n"
    "| 04/10/2024 | 14 giờ 00 | Họp rút kinh nghiệm | Phòng họp UBND xã |\n"
)


@pytest.mark.parametrize("subject", ["Xe hoa, xe loa", "Các xe hoa và xe loa", "Đoàn xe hoa"])
def test_a_row_of_the_vehicles_that_parade_gives_the_departure(subject: str) -> None:
    ex = extract(WEEK.format(subject=subject), "kh.txt")
    assert ex.departure_time == time(8, 15)


# -- a route's end place told in a sentence of its own -------------------------------------------------------------
ROUTE = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG ĐÔNG HƯNG THUẬN\nTHÔNG BÁO\nDiễu hành xe hoa năm 2025\n"
    "1. Tập trung lúc 6 giờ 45 ngày 03/10/2025 tại Công viên Phần mềm Quang Trung.\n"
    "2. Lộ trình diễu hành\n"
    "Xuất phát từ Công viên Phần mềm Quang Trung, đoàn xe đi theo đường Tô Ký, rẽ phải vào đường "
    "Nguyễn Ảnh Thủ, rẽ trái vào đường Lê Văn Khương{end}\n"
)


@pytest.mark.parametrize(
    "end",
    [
        ". Kết thúc tại Chợ Thạch Đà.",
        ". Đoàn giải tán tại Chợ Thạch Đà.",
        ". Đoàn xe dừng lại tại Chợ Thạch Đà.",
        ". Kết thúc và giải tán tại Chợ Thạch Đà.",
    ],
)
def test_a_route_s_end_in_its_own_sentence_is_its_last_step(end: str) -> None:
    ex = extract(ROUTE.format(end=end), "tb.txt")
    assert [s.name for s in ex.route][-2:] == ["Lê Văn Khương", "Chợ Thạch Đà"]


# -- who a ceremony's programme names doing something there ---------------------------------------------------------
SCHOOL = (
    "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN HÒA VANG\nTRƯỜNG TRUNG HỌC CƠ SỞ NGUYỄN BỈNH KHIÊM\n"
    "Số: 31/KH-THCS\nHòa Vang, ngày 25 tháng 9 năm 2024\nKẾ HOẠCH TUẦN 5\n"
    "Thứ Tư ngày 02/10\n"
    "- 7g15: Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2024.\n"
    "  + Địa điểm: Hội trường nhà trường.\n"
    "  + {label}: Văn nghệ của lớp 8/2; thầy Đặng Quốc Khánh - Hiệu trưởng phát biểu phát động; cô Hồ Thị Ngọc Lan - "
    "Tổng phụ trách Đội trao thưởng cho học sinh đọc sách tích cực.\n"
    "- 14g00: Họp tổ chuyên môn.\n"
)


@pytest.mark.parametrize("label", ["Chương trình", "Nội dung", "Diễn biến"])
def test_a_programme_line_under_a_ceremony_sends_who_acts_there(label: str) -> None:
    people = wishes_of(plan_data(SCHOOL.format(label=label), "kh.txt"))
    assert set(people) == {"Đặng Quốc Khánh", "Hồ Thị Ngọc Lan"}


DISTRICT = (
    "ỦY BAN NHÂN DÂN\nHUYỆN NHÀ BÈ\nSố: 140/KH-UBND\nNhà Bè, ngày 16 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "II. NỘI DUNG\n"
    "1. Lễ khai mạc cấp huyện\n"
    "a) Thời gian: 8 giờ 00, ngày 02/10/2024.\n"
    "b) Địa điểm: Trường THCS Hai Bà Trưng.\n"
    "c) Chương trình:\n"
    "- Văn nghệ chào mừng;\n"
    "- Ông Phan Văn Lộc, Phó Chủ tịch UBND huyện phát biểu khai mạc Tuần lễ;\n"
    "- Bà Đỗ Thị Hồng, Chủ tịch Hội Khuyến học huyện trao học bổng.\n"
    "2. Các xã, thị trấn tổ chức Lễ khai mạc cấp xã trong ngày 02/10/2024 tại địa phương.\n"
)


def test_a_speech_that_opens_the_ceremony_names_no_other_ceremony() -> None:
    people = wishes_of(plan_data(DISTRICT, "kh.txt"))
    assert people.get("Phan Văn Lộc") == ["Trường THCS Hai Bà Trưng"]
    assert people.get("Đỗ Thị Hồng") == ["Trường THCS Hai Bà Trưng"]


# -- a titled person before "cùng …" or an act, in a schedule's cell -----------------------------------------------
SCHEDULE = (
    "ỦY BAN NHÂN DÂN\nTHỊ XÃ ĐIỆN BÀN\nSố: 77/LCT-UBND\nĐiện Bàn, ngày 27 tháng 9 năm 2024\n"
    "LỊCH CÔNG TÁC TUẦN\ncủa lãnh đạo Ủy ban nhân dân thị xã\n"
    "| Ngày | Giờ | Nội dung | Chủ trì / Thành phần | Địa điểm |\n"
    "| Thứ Tư 02/10 | 7h30 | Lễ khai mạc Tuần lễ học tập suốt đời thị xã | Chủ tịch Võ Thành Nhân phát biểu khai "
    "mạc; Phó Chủ tịch Huỳnh Thị Bích {does} | Trường THPT Nguyễn Trãi |\n"
    "| Thứ Tư 02/10 | 14h00 | Họp giao ban | Chủ tịch Võ Thành Nhân chủ trì | Phòng họp số 2 |\n"
)


@pytest.mark.parametrize(
    "does", ["cùng lãnh đạo Hội Khuyến học trao học bổng", "trao học bổng", "cùng Hội Cựu giáo chức trao sách"]
)
def test_a_titled_person_before_those_with_them_or_an_act_attends(does: str) -> None:
    people = wishes_of(plan_data(SCHEDULE.format(does=does), "lct.txt"))
    assert people.get("Huỳnh Thị Bích") == ["Trường THPT Nguyễn Trãi"]


# -- a unit's task told without its subject names no person --------------------------------------------------------
TASKS = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG LINH TRUNG\nSố: 90/KH-UBND\nLinh Trung, ngày 20 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Lễ khai mạc Tuần lễ học tập suốt đời năm 2024\n"
    "1. Lễ khai mạc lúc 7 giờ 30 ngày 01/10/2024 tại Trường Tiểu học Linh Trung.\n"
    "2. Tổ chức thực hiện\n"
    "a) Trung tâm Văn hóa - Thể thao phường\n"
    "- {task}, chủ trì buổi duyệt chương trình lúc 16 giờ ngày 28/9/2024 tại Trường Tiểu học Linh Trung.\n"
)


@pytest.mark.parametrize("task", ["Là đơn vị thường trực của Ban Tổ chức", "Làm đầu mối tham mưu Lễ khai mạc"])
def test_a_task_told_without_its_subject_sends_no_one(task: str) -> None:
    assert wishes_of(plan_data(TASKS.format(task=task), "kh.txt")) == {}


# -- a delegation listed under a ceremony's own section -------------------------------------------------------------
DELEGATION = (
    "ỦY BAN NHÂN DÂN\nXÃ TAM PHƯỚC\nSố: 45/KH-UBND\nTam Phước, ngày 22 tháng 9 năm 2025\nKẾ HOẠCH\n"
    "Hưởng ứng Tuần lễ học tập suốt đời năm 2025\n"
    "II. NỘI DUNG\n"
    "1. Dự Lễ khai mạc cấp tỉnh\n"
    "a) Thời gian: 8 giờ 00, ngày 02/10/2025.\n"
    "b) Địa điểm: Quảng trường tỉnh Đồng Nai.\n"
    "c) {label}:\n"
    "- Đồng chí Mai Văn Tư, Phó Chủ tịch UBND xã, trưởng đoàn;\n"
    "- Đồng chí Lâm Thị Kiều, Chủ tịch Hội Khuyến học xã;\n"
    "- 05 hội viên tiêu biểu.\n"
    "2. Lễ hưởng ứng cấp xã lúc 14 giờ 00 cùng ngày tại Hội trường UBND xã Tam Phước.\n"
)


@pytest.mark.parametrize("label", ["Đoàn đại biểu xã (07 người)", "Đoàn công tác của xã"])
def test_a_delegation_listed_under_a_ceremony_s_section_attends_it(label: str) -> None:
    people = wishes_of(plan_data(DELEGATION.format(label=label), "kh.txt"))
    assert people.get("Mai Văn Tư") == ["Quảng trường tỉnh Đồng Nai"]
    assert people.get("Lâm Thị Kiều") == ["Quảng trường tỉnh Đồng Nai"]
