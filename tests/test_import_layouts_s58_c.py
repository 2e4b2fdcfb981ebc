"""Text damaged on its way to the clerk, read at session 58 c (other names, places and days than any corpus document):
a line cut inside the place it begins goes on in the next; a U-turn said before its "quay đầu" in a route table's
bracket; a service to another's ceremony ("phục vụ âm thanh Lễ khai mạc") holds none; who a clause names after a
comma, or before a clause of their own, is that person; a ceremony named by its kind and day is the one so held; a
count set off by dashes counts the vehicles before it."""

from __future__ import annotations

from imported import WARD, ceremonies_of, plan_data, route_of, wishes_of
from paradeplan.importer.extract import extract
from paradeplan.importer.shape import turned_at
from paradeplan.importer.text import logical_lines

# -- a line cut inside the place it begins --------------------------------------------------------------------------


def test_a_place_kind_at_a_line_end_goes_on_with_its_name() -> None:
    text = "2. Diễu hành: các xe tập trung lúc 06 giờ 30 ngày 04/10/2024 tại sân\nTrường THCS Phú Lợi; xuất phát 7 giờ."
    assert logical_lines(text) == [
        "2. Diễu hành: các xe tập trung lúc 06 giờ 30 ngày 04/10/2024 tại sân Trường THCS Phú Lợi; xuất phát 7 giờ."
    ]


def test_a_name_cut_at_a_line_end_goes_on_with_its_rest() -> None:
    text = "1. Lễ khai mạc: 08 giờ 00, ngày 01/10/2024 tại Công viên Thống\nNhất (đại biểu có mặt lúc 07 giờ 40)."
    assert logical_lines(text) == [
        "1. Lễ khai mạc: 08 giờ 00, ngày 01/10/2024 tại Công viên Thống Nhất (đại biểu có mặt lúc 07 giờ 40)."
    ]


def test_a_route_cut_inside_its_last_place_goes_on() -> None:
    text = "Trường THCS Phú Lợi → đường Hoàng Hoa Thám → đường Lê Lai → Nhà thiếu nhi Phú\nNhuận (kết thúc)."
    assert logical_lines(text) == [
        "Trường THCS Phú Lợi → đường Hoàng Hoa Thám → đường Lê Lai → Nhà thiếu nhi Phú Nhuận (kết thúc)."
    ]


def test_a_sentence_after_a_named_place_is_no_part_of_it() -> None:
    text = "Lễ bế mạc tổ chức tại Hội trường UBND phường\nBan Tổ chức đề nghị các khu phố đăng ký sớm."
    assert len(logical_lines(text)) == 2


# -- a U-turn said before its "quay đầu" -----------------------------------------------------------------------------


def test_a_uturn_said_before_quay_dau_names_where() -> None:
    assert turned_at("đến Ngã ba Bà Quẹo quay đầu") == "Ngã ba Bà Quẹo"
    assert turned_at("tới Chợ Bình Long thì quay đầu xe") == "Chợ Bình Long"
    assert turned_at("quay đầu tại Chợ Bình Long") == "Chợ Bình Long"
    assert turned_at("quay đầu") is None


STAGES = (
    WARD.format(ward="HIỆP THÀNH", ward_t="Hiệp Thành", year=2023) + "Diễu hành xe loa tuyên truyền năm 2023\n"
    "1. Thời gian: tập trung lúc 07 giờ 00 ngày 04/10/2023 tại Trường THCS Nguyễn Ảnh Thủ; xuất phát lúc 07 giờ 20.\n"
    "2. Lộ trình\n"
    "Chặng   Từ                              Theo tuyến đường                          Đến\n"
    "1       Trường THCS Nguyễn Ảnh Thủ      Nguyễn Ảnh Thủ → Lê Văn Khương             Quốc lộ 1A\n"
    "2       Quốc lộ 1A                      Quốc lộ 1A (đến Ngã tư Ga quay đầu)        Quốc lộ 1A\n"
    "3       Quốc lộ 1A                      Tô Ký → Nguyễn Ảnh Thủ                     Trường THCS Nguyễn Ảnh Thủ\n"
)


def test_a_stage_turning_back_at_a_place_said_first_keeps_that_place() -> None:
    route = route_of(plan_data(STAGES))
    assert route[route.index("Quốc lộ 1A") :][:3] == ["Quốc lộ 1A", "Ngã tư Ga", "Quốc lộ 1A"]


# -- a service to another unit's ceremony -----------------------------------------------------------------------------
SERVICE = (
    "UBND QUẬN 12\nNHÀ THIẾU NHI QUẬN 12\nSố: 31/KH-NTN\nQuận 12, ngày 20 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Diễu hành xe tuyên truyền năm 2024\n"
    "1. Nhà Thiếu nhi phối hợp phục vụ âm thanh Lễ khai mạc Tuần lễ cấp quận lúc 07 giờ 30 ngày 01/10/2024 tại "
    "Hội trường UBND quận.\n"
    "2. Tập trung: 07 giờ 00 ngày 02/10/2024 tại Nhà Thiếu nhi Quận 12; xuất phát: 07 giờ 20.\n"
    "3. Lộ trình: Nhà Thiếu nhi Quận 12 → đường Lê Văn Khương → đường Tô Ký → Nhà Thiếu nhi Quận 12.\n"
)


def test_a_ceremony_the_unit_serves_with_sound_is_not_held() -> None:
    assert ceremonies_of(plan_data(SERVICE)) == []


# -- who is named after a comma, or before a clause of their own -----------------------------------------------------
SCHOOL = (
    "UBND PHƯỜNG PHÚ LỢI\nTRƯỜNG THCS PHÚ LỢI\nSố: 40/KH-THCSPL\nPhú Lợi, ngày 22 tháng 9 năm 2025\nKẾ HOẠCH\n"
    "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
    "- Lễ khai mạc: 07 giờ 00, ngày 02/10/2025 tại sân Trường THCS Phú Lợi; Cô Trần Thị Mai - Hiệu trưởng phát biểu.\n"
    "- Chiều cùng ngày khai mạc (15 giờ 00, ngày 02/10/2025), Cô Trần Thị Mai - Hiệu trưởng dự Lễ khai mạc Tuần lễ "
    "cấp tỉnh tại Quảng trường Tỉnh (theo giấy mời của Sở GD&ĐT).\n"
)


def test_who_is_named_after_a_comma_is_that_person() -> None:
    assert list(wishes_of(plan_data(SCHOOL))) == ["Trần Thị Mai"]


CLOSING = (
    WARD.format(ward="THẠNH XUÂN", ward_t="Thạnh Xuân", year=2024) + "Tổ chức Tuần lễ học tập suốt đời năm 2024\n"
    "1. Lễ phát động: 07 giờ 30, ngày 01/10/2024 tại Nhà văn hóa khu phố 4.\n"
    "2. Lễ bế mạc: 16 giờ 00, ngày 07/10/2024 tại Hội trường UBND phường Thạnh Xuân.\n"
    "3. Phân công:\n"
    "- Đồng chí Phạm Minh Tuấn - Chủ tịch UBND phường trao giấy khen cho các khu phố; chủ trì và phát biểu tại Lễ "
    "bế mạc ngày 07/10/2024.\n"
)


def test_a_ceremony_named_by_its_kind_and_day_is_the_one_so_held() -> None:
    assert wishes_of(plan_data(CLOSING)) == {"Phạm Minh Tuấn": ["Hội trường UBND phường Thạnh Xuân"]}


# -- a count set off by dashes ----------------------------------------------------------------------------------------
BIKES = (
    WARD.format(ward="THỚI AN", ward_t="Thới An", year=2024) + "Diễu hành xe hoa năm 2024\n"
    "1. Tập trung lúc 07 giờ 00 ngày 03/10/2024 tại Nhà văn hóa khu phố 2; xuất phát lúc 07 giờ 30.\n"
    "2. Lộ trình: Nhà văn hóa khu phố 2 → đường Lê Thị Riêng → Nhà văn hóa khu phố 2.\n"
    "3. Thành phần đoàn xe\n"
    "- 03 xe hoa của các khu phố;\n"
    "(Đoàn xe đạp của đoàn viên - 25 xe - chỉ chạy trong sân nhà văn hóa.)\n"
)


def test_a_count_between_dashes_counts_the_vehicles_before_it() -> None:
    forces = extract(BIKES, "k.txt").forces
    assert [(f.kind, f.count) for f in forces if f.kind != "float"] == [("bicycle", 25)]
