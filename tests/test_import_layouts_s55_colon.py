"""Clock times written "07:30" read as "07h30" does (the metamorphic rewrite times:colon), each layout in both forms
(other names, places and days than any corpus document): a clock's colon is no label's colon, in a script's timed
item heading its guests, a "Lúc …" before a time, a table row's subject, a route's last bullet, a labelled parade
line, the sentence that sends an official, a reception's line under a ceremony's fields and a report's term; and a
route's last numbered stretch that goes back "về Công viên A" ends at the park (its "Công" is no gate's "cổng"); and
"mỗi"/"từng" before a unit of any administrative kind ("Mỗi thị xã tổ chức 01 Lễ …") is each unit's own ceremony."""

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


def test_a_script_s_timed_item_heading_its_guests_sends_them() -> None:
    for form in FORMS:  # the "h" form, then the colon form
        span = f"{clock(form, '08', '10')} – {clock(form, '08', '15')}"
        text = (
            "PHÒNG GD&ĐT HUYỆN GIỒNG TRÔM\nTRƯỜNG THCS PHÚ HỮU\nGiồng Trôm, ngày 20 tháng 9 năm 2024\nKỊCH BẢN\n"
            "Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
            f"(Thứ Ba, ngày 01 tháng 10 năm 2024 – lúc {clock(form, '08', '00')} – tại sân trường)\n"
            f"I. CHUẨN BỊ\n- Âm thanh, ánh sáng: tổ Hành chính.\nII. CHƯƠNG TRÌNH\n1. Giới thiệu đại biểu ({span})\n"
            "+ Bà Lý Thị Mộng Tuyền, Phó Chủ tịch UBND xã Phú Hữu;\n2. Phát biểu khai mạc (08:15 – 08:25)\n"
            "Kính mời thầy Thạch Văn Lộc, Hiệu trưởng nhà trường, lên phát biểu khai mạc.\n"
        )
        data = plan_data(text)
        name = ceremonies_of(data)[0][2]
        assert wishes_of(data) == {"Lý Thị Mộng Tuyền": [name], "Thạch Văn Lộc": [name]}


def test_a_departure_said_after_lúc_and_a_gathering_s_clock_is_its_own() -> None:
    for form in FORMS:  # the "h" form, then the colon form
        text = (
            WARD.format(ward="VINH TÂN", ward_t="Vinh Tân", year=2024)
            + "Diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
            f"Vào lúc {clock(form, '14', '00')} ngày 05/10/2024 (thứ Bảy), 02 xe hoa và 01 xe loa tập trung tại "
            f"Nhà văn hóa khu phố 3. Đúng {clock(form, '14', '20')}, đoàn khởi hành, chạy dọc đường Quán Bàu, "
            "quẹo phải sang đường Nguyễn Sỹ Sách, rồi quay về Nhà văn hóa khu phố 3 thì giải tán.\n"
        )
        ex = extract(text, "k.txt")
        assert (ex.assembly_time, ex.departure_time) == (time(14, 0), time(14, 20))


def test_a_table_row_s_subject_may_say_clock_times() -> None:
    for form in FORMS:  # the "h" form, then the colon form
        text = (
            WARD.format(ward="TAM HIỆP", ward_t="Tam Hiệp", year=2025)
            + "Kế hoạch tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
            "| Ngày | Giờ | Nội dung | Địa điểm | Thành phần |\n"
            f"| 03/10 | {clock(form, '15', '30')} | Lễ phát động Tuần lễ | Hội trường UBND phường | Lãnh đạo phường |\n"
            f"| 03/10 | {clock(form, '16', '10')} | Diễu hành cổ động (tập kết trước cổng chính Chợ Tam Hiệp lúc "
            f"{clock(form, '16', '10')}, xuất phát {clock(form, '16', '25')}) | Các tuyến đường của phường "
            "| 20 xe đạp |\n"
            "Lộ trình: Chợ Tam Hiệp → Mai Văn Tấn → Tam Hiệp 2 → Chợ Tam Hiệp.\n"
        )
        ex = extract(text, "k.txt")
        assert (ex.assembly_time, ex.departure_time) == (time(16, 10), time(16, 25))


def test_a_route_s_last_bullet_may_say_when_the_column_disbands() -> None:
    for form in FORMS:  # the "h" form, then the colon form
        text = (
            WARD.format(ward="QUÁN BÀU", ward_t="Quán Bàu", year=2023) + "II. NỘI DUNG\n1. Diễu hành cổ động\n"
            f"Thời gian: {clock(form, '15', '00')} ngày 02/10/2023 đoàn diễu hành xuất phát.\n"
            "Lộ trình đoàn diễu hành:\n+ Xuất phát từ Trường Tiểu học Quán Bàu;\n+ Đường Hoàng Thị Loan;\n"
            "+ Đường Nguyễn Sỹ Sách;\n"
            f"+ Trở về Trường Tiểu học Quán Bàu, giải tán lúc khoảng {clock(form, '16', '45')}.\n"
            "Phương tiện: 01 xe loa đi đầu; 01 xe hoa đi cuối đoàn.\n"
        )
        assert route_of(plan_data(text))[-1] == "Trường Tiểu học Quán Bàu"


def test_a_labelled_parade_line_starting_with_its_clock_starts_where_it_sets_off() -> None:
    for form in FORMS:  # the "h" form, then the colon form
        text = (
            "Nhóm Zalo Khu phố 4 – Tuần lễ học tập\n"
            f"[19:05] Lương Đức Thịnh: Lịch sáng Chủ nhật 6/10 nha cả nhà.\n"
            f"Diễu hành xe đạp: {clock(form, '06', '45')} xuất phát từ Trường THCS Tam Hiệp, chạy Mai Văn Tấn, "
            "ra Hồ Tùng Mậu, tới Công viên Tam Hiệp giải tán.\n"
        )
        ex = extract(text, "k.txt")
        assert [s.name for s in ex.route][0] == "Trường THCS Tam Hiệp"


def test_an_official_sent_after_a_bare_clock_is_named_alone() -> None:
    for form in FORMS:  # the "h" form, then the colon form
        text = (
            "ĐẢNG ỦY PHƯỜNG LÝ VĂN LÂM\nVĂN PHÒNG\nLý Văn Lâm, ngày 26 tháng 9 năm 2025\nTHÔNG BÁO\n"
            "Lịch dự các hoạt động Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
            f"Sáng thứ Sáu, ngày 03 tháng 10, {clock(form, '07', '45')}, đồng chí Bùi Thị Xuân Hòa dự Lễ phát động "
            "hưởng ứng Tuần lễ tại Trường Tiểu học Lý Văn Lâm.\n"
        )
        assert list(wishes_of(plan_data(text))) == ["Bùi Thị Xuân Hòa"]


def test_a_reception_s_line_under_a_ceremony_s_fields_is_no_instance_of_it() -> None:
    for form in FORMS:  # the "h" form, then the colon form
        text = (
            "UỶ BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 41/CTr-UBND\nKon Tum, ngày 22 tháng 9 năm 2024\nCHƯƠNG TRÌNH\n"
            "Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024 tỉnh Kon Tum\n"
            "I. THỜI GIAN, ĐỊA ĐIỂM\n"
            f"- Thời gian: sáng thứ Tư, ngày 2 tháng 10 năm 2024, bắt đầu lúc {clock(form, '07', '30')}.\n"
            "- Địa điểm: Hội trường Nhà Văn hóa tỉnh Kon Tum (số 9 đường Bá Triệu, phường Quyết Thắng).\n"
            f"- Đón tiếp đại biểu từ {clock(form, '07', '00')} tại tiền sảnh; đại biểu các huyện đến lúc "
            f"{clock(form, '06', '50')}.\n"
        )
        assert ceremonies_of(plan_data(text)) == [("2024-10-02", "07:30", "Hội trường Nhà Văn hóa tỉnh Kon Tum")]


def test_a_report_s_term_by_a_clock_is_no_event_to_come() -> None:
    for form in FORMS:  # the "h" form, then the colon form
        text = (
            "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ SƠN LA\nSố: 215/PGDĐT-GDTX\nSơn La, ngày 09 tháng 10 năm 2024\n"
            "V/v đôn đốc báo cáo kết quả Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
            f"Tuần lễ đã kết thúc. Lễ khai mạc cấp thành phố đã diễn ra lúc {clock(form, '07', '30')} ngày 01/10/2024 "
            "tại Trường THCS Lê Ngọc Hân với khoảng 500 đại biểu, học sinh tham dự.\n"
            "Phòng đề nghị các đơn vị chưa báo cáo khẩn trương gửi báo cáo qua hộp thư điện tử chậm nhất "
            f"{clock(form, '17', '00')} ngày 14/10/2024.\n"
        )
        with pytest.raises(InputError):
            plan_data(text)


def test_a_numbered_stretch_going_back_to_a_park_ends_there() -> None:
    for form in FORMS:  # the "h" form, then the colon form
        text = (
            WARD.format(ward="PHÚ LÂM", ward_t="Phú Lâm", year=2025) + "Diễu hành cổ động Tuần lễ học tập suốt đời\n"
            f"1. Thời gian: Chủ nhật, ngày 12 tháng 10 năm 2025; tập trung lúc {clock(form, '06', '15')}, xuất phát "
            f"lúc {clock(form, '06', '45')}.\n2. Lộ trình:\n"
            "  1) Từ Công viên Phú Lâm theo đường Kinh Dương Vương đến ngã tư Kinh Dương Vương – Hoàng Thị Loan, "
            "rẽ trái;\n"
            "  2) Theo đường Hoàng Thị Loan đến ngã ba Hoàng Thị Loan – Tân Hòa Đông, rẽ phải;\n"
            "  3) Theo đường Tân Hòa Đông đến ngã tư Tân Hòa Đông – Kinh Dương Vương, rẽ phải;\n"
            f"  4) Theo đường Kinh Dương Vương về Công viên Phú Lâm, giải tán (dự kiến {clock(form, '08', '10')}).\n"
            "3. Phương tiện: 03 xe hoa, 01 xe loa.\n"
        )
        assert route_of(plan_data(text)) == [
            "Công viên Phú Lâm",
            "Kinh Dương Vương",
            "Hoàng Thị Loan",
            "Tân Hòa Đông",
            "Kinh Dương Vương",
            "Công viên Phú Lâm",
        ]


def test_each_unit_of_any_administrative_kind_holding_its_own_ceremony_is_none_of_the_plan() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 57/KH-UBND\nLai Châu, ngày 15 tháng 9 năm 2025\nKẾ HOẠCH\n"
        "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025\nII. NỘI DUNG\n"
        "1. Lễ khai mạc cấp tỉnh: 07 giờ 30 phút ngày 01/10/2025 tại Hội trường Trung tâm Hội nghị tỉnh.\n"
        "2. Mỗi thị xã tổ chức 01 Lễ phát động Tuần lễ tại trung tâm học tập cộng đồng.\n"
        "3. Từng đặc khu tổ chức 01 buổi lễ hưởng ứng tại nhà văn hóa.\n"
    )
    assert ceremonies_of(plan_data(text)) == [("2025-10-01", "07:30", "Hội trường Trung tâm Hội nghị tỉnh")]
