"""Ceremonies, times and deadlines read at session 57 (other names, places and days than any corpus document): a
schedule's rehearsal row is no date of the document's ceremony; a ceremony another office holds ("do Phòng … tổ
chức") and one each school holds "tại trường" are not the plan's; a programme's slot under a timed ceremony's line is
one of its parts; an exhibition's opening and its daily hours are no ceremony; a term with a clock time is due that
day; the pupils gathering for a ceremony are not the column assembling."""

from __future__ import annotations

from datetime import date, time

from imported import WARD, ceremonies_of, plan_data, wishes_of
from paradeplan.importer.extract import extract

# -- a schedule whose first row is the rehearsal ----------------------------------------------------------------------
REHEARSAL_ROW = (
    WARD.format(ward="TÂN CHÁNH HIỆP", ward_t="Tân Chánh Hiệp", year=2024)
    + "Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "I. MỤC ĐÍCH\nLan tỏa phong trào học tập trong Nhân dân.\n"
    "II. THỜI GIAN, ĐỊA ĐIỂM\n"
    "| Hoạt động | Thời gian | Địa điểm |\n"
    "| Tổng duyệt | 16 giờ 00, thứ Hai, 30/9/2024 | Nhà văn hóa khu phố 4 |\n"
    "| Lễ khai mạc | 07 giờ 30, thứ Tư, 02/10/2024 | Nhà văn hóa khu phố 4 |\n"
    "III. NỘI DUNG LỄ KHAI MẠC\n"
    "- Ông Phạm Quốc Trung, Chủ tịch UBND phường, phát biểu khai mạc.\n"
)


def test_a_rehearsal_row_gives_no_ceremony_its_day() -> None:
    assert [c[:2] for c in ceremonies_of(plan_data(REHEARSAL_ROW))] == [("2024-10-02", "07:30")]


# -- another office's ceremony, told for information ------------------------------------------------------------------
CENTRE = (
    "ỦY BAN NHÂN DÂN QUẬN 12\nTRUNG TÂM VĂN HÓA - THỂ THAO\nSố: 41/KH-TTVHTT\nQuận 12, ngày 16 tháng 9 năm 2024\n"
    "KẾ HOẠCH\nTổ chức diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
    "I. THỜI GIAN\n"
    "1. Diễu hành: các xe tập trung lúc 06 giờ 45 ngày 03/10/2024 tại Trung tâm Văn hóa Quận 12, xuất phát lúc "
    "07 giờ 15.\n"
    "2. Lưu ý: Lễ khai mạc Tuần lễ cấp quận do Phòng Văn hóa và Thông tin tổ chức lúc 08 giờ 00 ngày 01/10/2024 "
    "tại Trường THPT Thạnh Lộc; Trung tâm chỉ hỗ trợ âm thanh.\n"
    "- Lộ trình: Trung tâm Văn hóa Quận 12 → đường Lê Văn Khương → Trung tâm Văn hóa Quận 12.\n"
)


def test_a_ceremony_another_office_holds_is_not_the_plans() -> None:
    assert ceremonies_of(plan_data(CENTRE)) == []


def test_a_ceremony_another_office_holds_stays_when_the_plans_people_attend_it() -> None:
    """An official's schedule keeps the higher level's ceremony its people go to ("Dự Lễ … do Sở … tổ chức")."""
    text = CENTRE.replace("; Trung tâm chỉ hỗ trợ âm thanh.", "; Giám đốc Trung tâm, bà Lê Thị Hạnh, dự và phát biểu.")
    assert ceremonies_of(plan_data(text)) == [("2024-10-01", "08:00", "Trường THPT Thạnh Lộc")]


# -- schools holding their own launch at school -----------------------------------------------------------------------
SCHOOLS = (
    WARD.format(ward="THẠNH XUÂN", ward_t="Thạnh Xuân", year=2024)
    + "Tổ chức Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "1. Lễ phát động cấp phường: 07 giờ 00, thứ Năm, ngày 03/10/2024 tại Nhà văn hóa khu phố 1.\n"
    "2. Các trường Tiểu học Hà Huy Giáp, THCS Thạnh Xuân tổ chức phát động Tuần lễ vào giờ chào cờ sáng thứ Hai, "
    "ngày 30/9/2024 tại trường.\n"
)


def test_schools_launching_at_their_own_school_hold_no_ceremony_of_the_plan() -> None:
    assert ceremonies_of(plan_data(SCHOOLS)) == [("2024-10-03", "07:00", "Nhà văn hóa khu phố 1")]


# -- a programme under each ceremony's timed line; an exhibition opened after the ceremony ------------------------
PROGRAMME = (
    WARD.format(ward="TÂN HƯNG THUẬN", ward_t="Tân Hưng Thuận", year=2024)
    + "Tổ chức Lễ khai mạc và Lễ bế mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "II. NỘI DUNG\n"
    "1. Lễ khai mạc\n"
    "- Thời gian: 8 giờ 00, ngày 01/10/2024.\n"
    "- Địa điểm: Nhà văn hóa khu phố 3.\n"
    "- Nội dung: Lễ khai mạc theo chương trình tại Phụ lục; sau Lễ khai mạc, khai mạc trưng bày sách tại phòng "
    "đọc (mở cửa 7 giờ 30 - 17 giờ 00 hằng ngày).\n"
    "2. Lễ bế mạc\n"
    "- Thời gian: 15 giờ 00, ngày 07/10/2024.\n"
    "- Địa điểm: Nhà văn hóa khu phố 5.\n"
    "PHỤ LỤC\n"
    "A. Lễ khai mạc - 8 giờ 00, ngày 01/10/2024, Nhà văn hóa khu phố 3\n"
    "| Thời gian | Nội dung | Người thực hiện |\n"
    "| 8g05 - 8g15 | Phát biểu khai mạc Tuần lễ | Ông Trịnh Văn Lộc, Chủ tịch UBND phường |\n"
    "B. Lễ bế mạc - 15 giờ 00, ngày 07/10/2024, Nhà văn hóa khu phố 5\n"
    "| Thời gian | Nội dung | Người thực hiện |\n"
    "| 15g40 - 15g50 | Phát biểu tổng kết, bế mạc Tuần lễ | Ông Trịnh Văn Lộc, Chủ tịch UBND phường |\n"
)


def test_an_exhibitions_opening_and_a_programme_slot_are_no_ceremonies() -> None:
    data = plan_data(PROGRAMME)
    assert ceremonies_of(data) == [
        ("2024-10-01", "08:00", "Nhà văn hóa khu phố 3"),
        ("2024-10-07", "15:00", "Nhà văn hóa khu phố 5"),
    ]
    assert wishes_of(data)["Trịnh Văn Lộc"] == ["Nhà văn hóa khu phố 3", "Nhà văn hóa khu phố 5"]


# -- a term with a clock time in the tasks ---------------------------------------------------------------------------
TERMS = (
    WARD.format(ward="HIỆP THÀNH", ward_t="Hiệp Thành", year=2024)
    + "Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "I. THỜI GIAN: 07 giờ 30, ngày 02/10/2024 tại Nhà văn hóa khu phố 6.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "1. Đoàn Thanh niên phường\n"
    "- Nhận bài dự thi của các chi đoàn trước ngày 25/9/2024; nhận ảnh dự thi trước 16 giờ 30 ngày 27/9/2024.\n"
)


def test_a_term_written_with_a_clock_time_is_due_that_day() -> None:
    assert [d.due for d in extract(TERMS, "k.txt").deadlines] == [date(2024, 9, 25), date(2024, 9, 27)]


# -- the pupils gather for the ceremony, the vehicles later ----------------------------------------------------------
PUPILS = (
    WARD.format(ward="THỚI AN", ward_t="Thới An", year=2024) + "Tổ chức Lễ khai mạc và diễu hành xe hoa năm 2024\n"
    "1. Lễ khai mạc được tổ chức lúc 07 giờ 00, ngày 02/10/2024, tại sân Trường THCS Thới An; học sinh tập trung "
    "lúc 06 giờ 20, đại biểu có mặt lúc 06 giờ 45.\n"
    "2. Diễu hành: các xe tập kết lúc 07 giờ 20 trên đường Lê Thị Riêng; đoàn xe xuất phát lúc 08 giờ 10.\n"
    "- Lộ trình: Trường THCS Thới An → đường Lê Thị Riêng → đường Thới An 13 → Trường THCS Thới An.\n"
)


def test_pupils_gathering_for_the_ceremony_are_not_the_column_assembling() -> None:
    ex = extract(PUPILS, "k.txt")
    assert (ex.assembly_time, ex.departure_time) == (time(7, 20), time(8, 10))


def test_an_amended_field_drops_the_value_it_replaces() -> None:
    """ "Địa điểm: A thay cho B": the venue is A (the pattern once held backspaces instead of word bounds)."""
    text = (
        WARD.format(ward="THỚI AN", ward_t="Thới An", year=2024)
        + "Điều chỉnh Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
        "1. Lễ khai mạc\n"
        "- Thời gian: 08 giờ 00, thứ Năm, ngày 03/10/2024 – thay cho 07 giờ 30, thứ Tư, ngày 02/10/2024.\n"
        "- Địa điểm: Nhà văn hóa khu phố 4 thay cho Trường THCS Thới An.\n"
    )
    assert ceremonies_of(plan_data(text)) == [("2024-10-03", "08:00", "Nhà văn hóa khu phố 4")]
