"""Layouts read at session 55 (other names, days and places than any corpus document), on which the ceremony is the
issuer's own and the other events around it are not: schools that hold their launch by themselves ("các trường …
tự tổ chức lễ phát động dưới cờ …") give none, whatever morning they name; a form's "Thời gian bắt đầu:" is the
ceremony's time; the rows of a when-and-where table that tell the column's steps ("Đoàn xe xuất phát", "Dự kiến
kết thúc") are no ceremonies; a heading that names the ceremony only to say its list is not part of it ("(không
thuộc Lễ ra quân)") introduces none; a calendar's day heading keeps its day when it names it ("Thứ Năm (02/10/2025) –
NGÀY KHAI MẠC"); an exhibition that opens ("Triển lãm … khai mạc cùng ngày") is no ceremony; labelled activity
blocks ("Hoạt động 2" / "Tên hoạt động: …" / "Thời gian: …") each keep their own fields; the organisers' car
leading the column ("xe dẫn đoàn của Ban tổ chức") is theirs, not a police car."""

from __future__ import annotations

import pytest

from imported import ceremonies_of, plan_data

# -- schools holding their own launch the same morning --------------------------------------------------------------
ON_THEIR_OWN = (
    "UBND THÀNH PHỐ PHAN THIẾT\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 211/KH-PGDĐT\nPhan Thiết, ngày 19 tháng 9 năm 2024\n"
    "KẾ HOẠCH\nTổ chức Lễ phát động Tuần lễ học tập suốt đời năm 2024 của ngành\n"
    "I. THỜI GIAN\n"
    "Ghi chú: các trường tiểu học, THCS {own} lễ phát động dưới cờ tại trường sáng Thứ Hai 30/9/2024 (trước 07 giờ "
    "00); Lễ phát động của ngành tổ chức cùng buổi sáng.\n"
    "II. LỄ PHÁT ĐỘNG CỦA NGÀNH\n"
    "Thời gian: 08 giờ 00, Thứ Hai ngày 30/9/2024.\n"
    "Địa điểm: Quảng trường Nguyễn Tất Thành.\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
    "Các trường báo cáo kết quả về Phòng trước ngày 08/10/2024.\n"
)


def test_schools_holding_their_launch_by_themselves_give_no_ceremony() -> None:
    data = plan_data(ON_THEIR_OWN.format(own="tự tổ chức"))
    assert ceremonies_of(data) == [("2024-09-30", "08:00", "Quảng trường Nguyễn Tất Thành")]
    assert any("tự tổ chức" in q["question"] for q in data["open_items"] if q["field"] == "ceremonies")


# -- "Thời gian bắt đầu:" ---------------------------------------------------------------------------------------------
STARTS = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG HÒA HIỆP\nSố: 88/KH-UBND\nHòa Hiệp, ngày 20 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Lễ khai mạc Tuần lễ học tập suốt đời năm 2024\n"
    "A. LỄ KHAI MẠC\n"
    "Thời gian bắt đầu: 08 giờ 15, Thứ Năm ngày 03/10/2024.\n"
    "Địa điểm: Nhà văn hóa phường Hòa Hiệp.\n"
    "Đại biểu có mặt: 07 giờ 50.\n"
)


def test_a_forms_start_time_label_gives_the_ceremonys_time() -> None:
    assert ceremonies_of(plan_data(STARTS)) == [("2024-10-03", "08:15", "Nhà văn hóa phường Hòa Hiệp")]


# -- a table of when and where: the column's steps beside the ceremony ------------------------------------------------
STEPS = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG LINH TÂY\nSố: 140/KH-UBND\nLinh Tây, ngày 18 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Lễ hưởng ứng và diễu hành cổ động Tuần lễ học tập suốt đời năm 2024\n"
    "II. LỄ HƯỞNG ỨNG VÀ DIỄU HÀNH\n"
    "1. Các mốc chính\n"
    "| Nội dung | Thời gian | Địa điểm |\n"
    "| {gather} | 06 giờ 15, Thứ Bảy 05/10/2024 | Sân Trường Tiểu học Linh Tây |\n"
    "| Lễ hưởng ứng của phường | 06 giờ 45, Thứ Bảy 05/10/2024 | Trường Tiểu học Linh Tây |\n"
    "| {depart} | 07 giờ 30, Thứ Bảy 05/10/2024 | Cổng Trường Tiểu học Linh Tây |\n"
    "| {end} | khoảng 08 giờ 40 | Công viên Linh Tây |\n"
    "2. Lộ trình: Trường Tiểu học Linh Tây → Kha Vạn Cân → Hoàng Diệu 2 → Công viên Linh Tây.\n"
)


@pytest.mark.parametrize(
    ("gather", "depart", "end"),
    [
        ("Các xe tập trung, kiểm tra trang trí", "Đoàn xe xuất phát", "Dự kiến kết thúc"),
        ("Tập kết xe hoa", "Diễu hành qua các tuyến", "Đoàn xe giải tán"),
    ],
)
def test_the_columns_steps_in_a_when_and_where_table_are_no_ceremonies(gather: str, depart: str, end: str) -> None:
    data = plan_data(STEPS.format(gather=gather, depart=depart, end=end), "kh.docx")
    assert ceremonies_of(data) == [("2024-10-05", "06:45", "Trường Tiểu học Linh Tây")]


# -- a list the heading says is not part of the ceremony --------------------------------------------------------------
NOT_PART = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG VĨNH HẢI\nSố: 301/KH-UBND\nVĩnh Hải, ngày 22 tháng 9 năm 2025\nKẾ HOẠCH\n"
    "Tổ chức Lễ phát động Tuần lễ học tập suốt đời năm 2025\n"
    "1) Lễ phát động. Lễ phát động của phường tổ chức lúc 06 giờ 45 Thứ Sáu, ngày 03 tháng 10 năm 2025, tại Công "
    "viên Vĩnh Hải.\n"
    "2) Hoạt động khác (không thuộc Lễ phát động):\n"
    "- Từ 04/10 đến 08/10/2025: trưng bày sách ảnh tại Nhà Văn hóa phường, mở cửa 07 giờ 30 - 17 giờ 00.\n"
)


def test_a_list_said_not_part_of_the_ceremony_lists_no_instance_of_it() -> None:
    assert ceremonies_of(plan_data(NOT_PART)) == [("2025-10-03", "06:45", "Công viên Vĩnh Hải")]


# -- a calendar's day heading that names its day; an exhibition that opens that day ----------------------------------
CALENDAR = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG AN LẠC\nSố: 97/KH-UBND\nAn Lạc, ngày 19 tháng 9 năm 2025\nKẾ HOẠCH\n"
    "Tổ chức Tuần lễ học tập suốt đời năm 2025\n"
    "III. LỊCH HOẠT ĐỘNG\n"
    "Thứ Tư (01/10/2025)\n"
    "- 15 giờ 00: Tổng duyệt chương trình tại Trung tâm Văn hóa phường An Lạc.\n"
    "Thứ Năm (02/10/2025) {named}\n"
    "- 08 giờ 00: Lễ khai mạc Tuần lễ của phường, tại Trung tâm Văn hóa phường An Lạc.\n"
    "- {show} khai mạc cùng ngày tại sảnh Trung tâm Văn hóa, mở cửa từ 08 giờ 30 đến 16 giờ 00.\n"
)


@pytest.mark.parametrize("named", ["– NGÀY KHAI MẠC", "- Ngày hội học tập"])
@pytest.mark.parametrize("show", ['Triển lãm tranh "Em học mỗi ngày"', "Liên hoan văn nghệ thiếu nhi"])
def test_a_named_day_heading_dates_its_ceremony_and_an_exhibition_opening_is_none(named: str, show: str) -> None:
    data = plan_data(CALENDAR.format(named=named, show=show))
    assert ceremonies_of(data) == [("2025-10-02", "08:00", "Trung tâm Văn hóa phường An Lạc")]


# -- labelled activity blocks -----------------------------------------------------------------------------------------
BLOCKS = (
    "UBND HUYỆN THIỆU HÓA\nTRUNG TÂM VĂN HÓA, THÔNG TIN VÀ THỂ THAO\nSố: 31/KH-TTVH\n"
    "Thiệu Hóa, ngày 16 tháng 9 năm 2023\nKẾ HOẠCH\nCác hoạt động hưởng ứng Tuần lễ học tập suốt đời năm 2023\n"
    "II. CÁC HOẠT ĐỘNG\n"
    "{word} 1\n"
    "Tên hoạt động: Họp triển khai với cán bộ văn hóa các xã\n"
    "Thời gian: 08 giờ 00, Thứ Ba ngày 26/9/2023\n"
    "Địa điểm: Phòng họp số 1, Trung tâm\n"
    "{word} 2\n"
    "Tên hoạt động: Lễ khai mạc Tuần lễ học tập suốt đời năm 2023\n"
    "Thời gian: 07 giờ 45, Thứ Hai ngày 02/10/2023\n"
    "Địa điểm: Nhà Văn hóa huyện Thiệu Hóa\n"
    "{word} 3\n"
    "Tên hoạt động: Trưng bày sách\n"
    "Thời gian: từ 02/10 đến 06/10/2023\n"
    "Địa điểm: Thư viện huyện Thiệu Hóa\n"
)


@pytest.mark.parametrize("word", ["Hoạt động", "Nội dung"])
def test_each_labelled_activity_block_keeps_its_own_fields(word: str) -> None:
    data = plan_data(BLOCKS.format(word=word))
    assert ceremonies_of(data) == [("2023-10-02", "07:45", "Nhà Văn hóa huyện Thiệu Hóa")]


# -- the organisers' car leading the column ---------------------------------------------------------------------------
ORGANISERS = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN PHONG\nSố: 55/KH-UBND\nTân Phong, ngày 20 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
    "1. Thời gian: tập trung lúc 6 giờ 30, xuất phát lúc 7 giờ 00 ngày 05/10/2024.\n"
    "2. Lộ trình: Trụ sở UBND phường Tân Phong → Nguyễn Lương Bằng → Tân Phú → Trụ sở UBND phường Tân Phong.\n"
    "3. Đội hình gồm 02 xe mô tô Cảnh sát giao thông dẫn đường, 01 xe dẫn đoàn {owner}, 03 xe hoa.\n"
)


@pytest.mark.parametrize("owner", ["của Ban tổ chức", "của BTC"])
def test_the_organisers_lead_car_is_theirs_not_the_polices(owner: str) -> None:
    [parade] = plan_data(ORGANISERS.format(owner=owner))["parades"]
    assert [(g["kind"], g["count"], g["role"]) for g in parade["groups"]] == [
        ("police_motorbike", 2, "lead"),
        ("car", 1, "lead"),
        ("flower_float", 3, "in_column"),
    ]
