"""Clock times written "07:30" read as "07h30" does (the metamorphic rewrite times:colon), each layout in both forms
(other names, places and days than any corpus document): a clock's colon is no label's colon, in a script's timed
item heading its guests, a "Lúc …" before a time, a table row's subject, a route's last bullet, a labelled parade
line, the sentence that sends an official, a reception's line under a ceremony's fields and a report's term."""

from __future__ import annotations

from datetime import time

import pytest

from imported import WARD, ceremonies_of, plan_data, route_of, wishes_of
from paradeplan.errors import InputError
from paradeplan.importer.extract import extract

#: Each clock time as an office may write it: hour and minutes around "h", or around a colon.
FORMS = ["{h}h{m}", "{h}:{m}"]


def clock(form: str, h: str, m: str) -> str:
    """A clock time written in a form of :data:`FORMS`."""
    return form.format(h=h, m=m)


@pytest.mark.parametrize("form", FORMS)
def test_a_script_s_timed_item_heading_its_guests_sends_them(form: str) -> None:
    span = f"{clock(form, '08', '10')} – {clock(form, '08', '15')}"
    text = (
        "PHÒNG GD&ĐT HUYỆN CHÂU THÀNH\nTRƯỜNG THCS PHÚ HỮU\nChâu Thành, ngày 20 tháng 9 năm 2024\nKỊCH BẢN\n"
        "Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
        f"(Thứ Ba, ngày 01 tháng 10 năm 2024 – lúc {clock(form, '08', '00')} – tại sân trường)\n"
        f"I. CHUẨN BỊ\n- Âm thanh, ánh sáng: tổ Hành chính.\nII. CHƯƠNG TRÌNH\n1. Giới thiệu đại biểu ({span})\n"
        "+ Bà Lý Thị Mộng Tuyền, Phó Chủ tịch UBND xã Phú Hữu;\n2. Phát biểu khai mạc (08:15 – 08:25)\n"
        "Kính mời thầy Đoàn Văn Khải, Hiệu trưởng nhà trường, lên phát biểu khai mạc.\n"
    )
    data = plan_data(text)
    name = ceremonies_of(data)[0][2]
    assert wishes_of(data) == {"Lý Thị Mộng Tuyền": [name], "Đoàn Văn Khải": [name]}


@pytest.mark.parametrize("form", FORMS)
def test_a_departure_said_after_lúc_and_a_gathering_s_clock_is_its_own(form: str) -> None:
    text = (
        WARD.format(ward="TÂN THỚI NHẤT", ward_t="Tân Thới Nhất", year=2024)
        + "Diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
        f"Vào lúc {clock(form, '14', '00')} ngày 05/10/2024 (thứ Bảy), 02 xe hoa và 01 xe loa tập trung tại Nhà văn "
        f"hóa khu phố 3. Đúng {clock(form, '14', '20')}, đoàn khởi hành, chạy dọc đường Trường Chinh, quẹo phải sang "
        "đường Phan Văn Hớn, rồi quay về Nhà văn hóa khu phố 3 thì giải tán.\n"
    )
    ex = extract(text, "k.txt")
    assert (ex.assembly_time, ex.departure_time) == (time(14, 0), time(14, 20))


@pytest.mark.parametrize("form", FORMS)
def test_a_table_row_s_subject_may_say_clock_times(form: str) -> None:
    text = (
        WARD.format(ward="ĐÔNG HƯNG THUẬN", ward_t="Đông Hưng Thuận", year=2025)
        + "Kế hoạch tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        "| Ngày | Giờ | Nội dung | Địa điểm | Thành phần |\n"
        f"| 03/10 | {clock(form, '15', '30')} | Lễ phát động Tuần lễ | Hội trường UBND phường | Lãnh đạo phường |\n"
        f"| 03/10 | {clock(form, '16', '10')} | Diễu hành cổ động (tập kết trước Chợ Đông Hưng Thuận lúc "
        f"{clock(form, '16', '10')}, xuất phát {clock(form, '16', '25')}) | Các tuyến đường của phường | 20 xe đạp |\n"
        "Lộ trình: Chợ Đông Hưng Thuận → Nguyễn Văn Quá → Đông Hưng Thuận 2 → Chợ Đông Hưng Thuận.\n"
    )
    ex = extract(text, "k.txt")
    assert (ex.assembly_time, ex.departure_time) == (time(16, 10), time(16, 25))


@pytest.mark.parametrize("form", FORMS)
def test_a_route_s_last_bullet_may_say_when_the_column_disbands(form: str) -> None:
    text = (
        WARD.format(ward="TRUNG MỸ TÂY", ward_t="Trung Mỹ Tây", year=2023) + "II. NỘI DUNG\n1. Diễu hành cổ động\n"
        f"Thời gian: {clock(form, '15', '00')} ngày 02/10/2023 đoàn diễu hành xuất phát.\n"
        "Lộ trình đoàn diễu hành:\n+ Xuất phát từ Trường Tiểu học Trung Mỹ Tây;\n+ Đường Tô Ký;\n"
        "+ Đường Trung Mỹ Tây 13;\n"
        f"+ Trở về Trường Tiểu học Trung Mỹ Tây, giải tán lúc khoảng {clock(form, '16', '45')}.\n"
        "Phương tiện: 01 xe loa đi đầu; 01 xe hoa đi cuối đoàn.\n"
    )
    assert route_of(plan_data(text))[-1] == "Trường Tiểu học Trung Mỹ Tây"


@pytest.mark.parametrize("form", FORMS)
def test_a_labelled_parade_line_starting_with_its_clock_starts_where_it_sets_off(form: str) -> None:
    text = (
        "Nhóm Zalo Khu phố 4 – Tuần lễ học tập\n"
        f"[19:05] Trần Quốc Việt: Lịch sáng Chủ nhật 6/10 nha cả nhà.\n"
        f"Diễu hành xe đạp: {clock(form, '06', '45')} xuất phát từ Trường THCS Tân Hưng, chạy Lê Văn Lương, "
        "ra Nguyễn Thị Thập, tới Công viên Tân Hưng giải tán.\n"
    )
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route][0] == "Trường THCS Tân Hưng"


@pytest.mark.parametrize("form", FORMS)
def test_an_official_sent_after_a_bare_clock_is_named_alone(form: str) -> None:
    text = (
        "ĐẢNG ỦY PHƯỜNG MỸ PHÚ\nVĂN PHÒNG\nMỹ Phú, ngày 26 tháng 9 năm 2025\nTHÔNG BÁO\n"
        "Lịch dự các hoạt động Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        f"Sáng thứ Sáu, ngày 03 tháng 10, {clock(form, '07', '45')}, đồng chí Phan Thanh Hải dự Lễ phát động hưởng "
        "ứng Tuần lễ tại Trường Tiểu học Mỹ Phú.\n"
    )
    assert list(wishes_of(plan_data(text))) == ["Phan Thanh Hải"]


@pytest.mark.parametrize("form", FORMS)
def test_a_reception_s_line_under_a_ceremony_s_fields_is_no_instance_of_it(form: str) -> None:
    text = (
        "UỶ BAN NHÂN DÂN\nTỈNH BẾN TRE\nSố: 41/CTr-UBND\nBến Tre, ngày 22 tháng 9 năm 2024\nCHƯƠNG TRÌNH\n"
        "Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024 tỉnh Bến Tre\n"
        "I. THỜI GIAN, ĐỊA ĐIỂM\n"
        f"- Thời gian: sáng thứ Tư, ngày 2 tháng 10 năm 2024, bắt đầu lúc {clock(form, '07', '30')}.\n"
        "- Địa điểm: Hội trường Nhà Văn hóa tỉnh Bến Tre (số 9 đường Đồng Khởi, phường An Hội).\n"
        f"- Đón tiếp đại biểu từ {clock(form, '07', '00')} tại tiền sảnh; đại biểu các huyện đến lúc "
        f"{clock(form, '06', '50')}.\n"
    )
    assert ceremonies_of(plan_data(text)) == [("2024-10-02", "07:30", "Hội trường Nhà Văn hóa tỉnh Bến Tre")]


@pytest.mark.parametrize("form", FORMS)
def test_a_report_s_term_by_a_clock_is_no_event_to_come(form: str) -> None:
    text = (
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ MỸ THO\nSố: 215/PGDĐT-GDTX\nMỹ Tho, ngày 09 tháng 10 năm 2024\n"
        "V/v đôn đốc báo cáo kết quả Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
        f"Tuần lễ đã kết thúc. Lễ khai mạc cấp thành phố đã diễn ra lúc {clock(form, '07', '30')} ngày 01/10/2024 "
        "tại Trường THCS Lê Ngọc Hân với khoảng 500 đại biểu, học sinh tham dự.\n"
        "Phòng đề nghị các đơn vị chưa báo cáo khẩn trương gửi báo cáo qua hộp thư điện tử chậm nhất "
        f"{clock(form, '17', '00')} ngày 14/10/2024.\n"
    )
    with pytest.raises(InputError):
        plan_data(text)
