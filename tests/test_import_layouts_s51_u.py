"""Families of wording other offices write around a parade and a ceremony, each written here in other words, names,
places and dates than the corpus (no corpus document): the police's own call-up at the head of a day's timed bullets
("- 05 giờ 30: cán bộ, chiến sĩ … có mặt tại điểm tập kết nhận nhiệm vụ") that is no assembly of the column; a
period's end ("… tiếp tục tuyên truyền lưu động đến hết ngày 12/10") that is no day of the parade; an assembly at a
side of a named place ("khu vực phía Tây Quảng trường …"); speakers under any "Phát biểu …:" label; and who acts
at a ceremony told in the "Nội dung chính:" part under its own section."""

from __future__ import annotations

import pytest

from imported import place_names, plan_data, wishes_of
from paradeplan.importer.extract import extract
from paradeplan.importer.routes import described_place

# -- the police's call-up at the head of timed bullets is not the column's assembly ----------------------------------
CALL_UP = (
    "CÔNG AN HUYỆN CỦ CHI\n"
    "Số: 77/KH-CAH\n"
    "Củ Chi, ngày 20 tháng 9 năm 2024\n"
    "KẾ HOẠCH\n"
    "Bảo đảm an toàn giao thông cho đoàn xe hoa tuyên truyền\n"
    "1. Thời gian: thứ Bảy, ngày 05/10/2024.\n"
    "- 05 giờ 30: {staff} có mặt tại điểm tập kết nhận nhiệm vụ.\n"
    "- 06 giờ 10: các xe hoa tập trung tại Nhà văn hóa Thanh niên huyện.\n"
    "- 06 giờ 40: đoàn xe xuất phát.\n"
    "2. Lộ trình: Nhà văn hóa Thanh niên huyện → Tỉnh lộ 8 → Nguyễn Văn Khạ → Tỉnh lộ 15 → "
    "Nhà văn hóa Thanh niên huyện.\n"
)


@pytest.mark.parametrize(
    "staff",
    ["cán bộ, chiến sĩ Đội CSGT", "lực lượng cảnh sát giao thông", "Tổ công tác Công an huyện", "dân quân các xã"],
)
def test_the_staffs_call_up_is_no_assembly(staff: str) -> None:
    ex = extract(CALL_UP.format(staff=staff), "kh.txt")
    assert ex.assembly_time is not None and ex.assembly_time.strftime("%H:%M") == "06:10"
    assert ex.assembly_place == "Nhà văn hóa Thanh niên huyện"
    assert ex.departure_time is not None and ex.departure_time.strftime("%H:%M") == "06:40"


def test_the_column_called_up_with_its_escort_is_the_assembly() -> None:
    text = CALL_UP.replace("- 06 giờ 10: các xe hoa tập trung tại Nhà văn hóa Thanh niên huyện.\n", "").format(
        staff="các xe hoa và lực lượng dẫn đoàn"
    )
    ex = extract(text.replace("điểm tập kết nhận nhiệm vụ", "Nhà văn hóa Thanh niên huyện"), "kh.txt")
    assert ex.assembly_time is not None and ex.assembly_time.strftime("%H:%M") == "05:30"


# -- a period's end is no day of the parade --------------------------------------------------------------------------
UNTIL = (
    "UBND HUYỆN ĐỨC HÒA\n"
    "Số: 140/KH-UBND\n"
    "Đức Hòa, ngày 18 tháng 9 năm 2023\n"
    "KẾ HOẠCH\n"
    "Tổ chức Lễ khai mạc và diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2023\n"
    "I. LỄ KHAI MẠC\n"
    "1. Thời gian: 7 giờ 00, thứ Hai ngày 02/10/2023.\n"
    "2. Địa điểm: Quảng trường huyện Đức Hòa.\n"
    "II. DIỄU HÀNH XE HOA\n"
    "1. Tập trung: 8 giờ 00 tại Quảng trường huyện Đức Hòa.\n"
    "2. Xuất phát: 8 giờ 15.\n"
    "3. Lộ trình: Quảng trường huyện Đức Hòa → Tỉnh lộ 822 → Tỉnh lộ 824 → Quảng trường huyện Đức Hòa.\n"
    "Sau lộ trình chung, xe hoa các xã {until} ngày 09/10/2023.\n"
)


@pytest.mark.parametrize("until", ["trở về tuyên truyền lưu động đến hết", "tiếp tục chạy trên địa bàn cho tới hết"])
def test_a_periods_end_is_no_day_of_the_parade(until: str) -> None:
    ex = extract(UNTIL.format(until=until), "kh.txt")
    assert str(ex.assembly_date or ex.departure_date) == "2023-10-02"


# -- an assembly at a side of a named place ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("said", "place"),
    [
        ("khu vực phía Tây Quảng trường Hùng Vương", "Quảng trường Hùng Vương"),
        ("bãi đất phía đông bắc Sân vận động Long An", "Sân vận động Long An"),
        ("phía Nam của Nhà thiếu nhi tỉnh", "Nhà thiếu nhi tỉnh"),
    ],
)
def test_a_side_of_a_named_place_is_that_place(said: str, place: str) -> None:
    assert described_place(said) == place


def test_a_side_with_no_place_after_it_stays_as_written() -> None:
    assert described_place("khu vực phía Tây") == "khu vực phía Tây"


# -- speakers under any "Phát biểu …:" label ------------------------------------------------------------------------
SPEAKERS = (
    "UBND PHƯỜNG HIỆP PHÚ\n"
    "Số: 55/KH-UBND\n"
    "Hiệp Phú, ngày 15 tháng 9 năm 2024\n"
    "KẾ HOẠCH\n"
    "Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "II. NỘI DUNG\n"
    "1. Lễ khai mạc\n"
    "Thời gian: 14 giờ 00, thứ Tư ngày 02/10/2024.\n"
    "Địa điểm: Trường Tiểu học Phong Phú.\n"
    "Chủ trì: bà Đoàn Thị Mỹ, Chủ tịch UBND phường.\n"
    "{label}: ông Tạ Quang Vinh, Bí thư Đoàn phường; bà Châu Ngọc Hân, Hiệu trưởng Trường Tiểu học Phong Phú.\n"
)


@pytest.mark.parametrize("label", ["Phát biểu chào mừng", "Phát biểu hưởng ứng", "Dẫn chương trình"])
def test_speakers_under_any_speech_label(label: str) -> None:
    data = plan_data(SPEAKERS.format(label=label), "kh.txt")
    assert wishes_of(data) == {
        "Đoàn Thị Mỹ": ["Trường Tiểu học Phong Phú"],
        "Tạ Quang Vinh": ["Trường Tiểu học Phong Phú"],
        "Châu Ngọc Hân": ["Trường Tiểu học Phong Phú"],
    }


# -- who acts at a ceremony, told in the "Nội dung chính:" part under its own section --------------------------------
CONTENT = (
    "UBND THỊ XÃ BẾN CÁT\n"
    "BAN CHỈ ĐẠO XÂY DỰNG XÃ HỘI HỌC TẬP\n"
    "Số: 12/KH-BCĐ\n"
    "Bến Cát, ngày 10 tháng 9 năm 2023\n"
    "KẾ HOẠCH\n"
    "Tổ chức Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2023\n"
    "I. LỄ PHÁT ĐỘNG\n"
    "1. Thời gian: 7 giờ 30 phút, thứ Ba ngày 03/10/2023.\n"
    "2. Địa điểm: Nhà văn hóa thị xã Bến Cát.\n"
    "3. {content}:\n"
    "- Ông Lưu Đình Khôi, Phó Chủ tịch UBND thị xã, {act}.\n"
    "- Bà Mạc Thị Thu, Chủ tịch Hội Khuyến học thị xã, trao giấy khen cho các dòng họ học tập.\n"
    "- Đại biểu có mặt trước 7 giờ 15 phút.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "Các xã, phường báo cáo kết quả trước ngày 15/10/2023.\n"
)


@pytest.mark.parametrize(
    ("content", "act"),
    [("Nội dung chính", "đọc diễn văn phát động"), ("Chương trình", "phát biểu phát động")],
)
def test_who_acts_in_the_content_part_of_a_ceremony(content: str, act: str) -> None:
    data = plan_data(CONTENT.format(content=content, act=act), "kh.txt")
    assert wishes_of(data) == {
        "Lưu Đình Khôi": ["Nhà văn hóa thị xã Bến Cát"],
        "Mạc Thị Thu": ["Nhà văn hóa thị xã Bến Cát"],
    }
    assert "Nhà văn hóa thị xã Bến Cát" in place_names(data).values()


# -- a place's address beside it names the street it is on ---------------------------------------------------------
@pytest.mark.parametrize(
    ("said", "street"),
    [
        ("Bến xe Miền Đông (đường Đinh Bộ Lĩnh, Phường 26)", "Đinh Bộ Lĩnh"),
        ("Bến xe Miền Đông (số 1 Đinh Bộ Lĩnh, Phường 26)", "Đinh Bộ Lĩnh"),
        ("Bến xe Miền Đông, số 1 đường Đinh Bộ Lĩnh, Phường 26", "Đinh Bộ Lĩnh"),
        ("Bến xe Miền Đông, phố Đinh Bộ Lĩnh", "Đinh Bộ Lĩnh"),
    ],
)
def test_a_places_address_beside_it_names_its_street(said: str, street: str) -> None:
    text = (
        "UBND QUẬN BÌNH THẠNH\nSố: 31/KH-UBND\nBình Thạnh, ngày 12 tháng 9 năm 2024\nKẾ HOẠCH\nDiễu hành xe hoa\n"
        "1. Thời gian: Chủ nhật, ngày 06/10/2024.\n"
        f"- 06 giờ 00: các xe hoa tập trung tại {said}.\n"
        "- 06 giờ 30: đoàn xe xuất phát.\n"
        "2. Lộ trình: Bến xe Miền Đông → Đinh Bộ Lĩnh → Bạch Đằng → Đinh Bộ Lĩnh → Bến xe Miền Đông.\n"
    )
    ex = extract(text, "kh.txt")
    assert ex.assembly_place == "Bến xe Miền Đông"
    assert ex.addresses.get("Bến xe Miền Đông") == street


def test_a_ward_in_the_bracket_is_no_street() -> None:
    text = (
        "UBND QUẬN BÌNH THẠNH\nSố: 31/KH-UBND\nBình Thạnh, ngày 12 tháng 9 năm 2024\nKẾ HOẠCH\nDiễu hành xe hoa\n"
        "- 06 giờ 00 ngày 06/10/2024: các xe hoa tập trung tại Bến xe Miền Đông (Phường 26).\n"
        "- 06 giờ 30: đoàn xe xuất phát.\n"
        "2. Lộ trình: Bến xe Miền Đông → Đinh Bộ Lĩnh → Bạch Đằng → Đinh Bộ Lĩnh → Bến xe Miền Đông.\n"
    )
    assert "Bến xe Miền Đông" not in extract(text, "kh.txt").addresses


def test_forces_and_vehicles_together_are_the_column() -> None:
    ex = extract(
        CALL_UP.replace("các xe hoa tập trung", "các lực lượng, phương tiện tập trung").format(staff="ai"), "k"
    )
    assert ex.assembly_time is not None and ex.assembly_time.strftime("%H:%M") == "06:10"


def test_the_forces_gathering_alone_is_the_assembly() -> None:
    text = CALL_UP.replace("- 05 giờ 30: {staff} có mặt tại điểm tập kết nhận nhiệm vụ.\n", "").replace(
        "- 06 giờ 10: các xe hoa tập trung tại", "- 06 giờ 10: các lực lượng tập trung tại"
    )
    ex = extract(text, "kh.txt")
    assert ex.assembly_time is not None and ex.assembly_time.strftime("%H:%M") == "06:10"
