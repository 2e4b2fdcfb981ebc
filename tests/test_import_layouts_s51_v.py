"""Readings that rules of session 50 broke on documents they were not made for, each written here in other words
(other names, days and places; no corpus document): a column that sets off right after a ceremony on a line naming
that ceremony only as the moment it moves ("Ngay sau lễ chào cờ, 8 giờ 10 đội hình xe đạp xuất phát …"); a chat's
parade item dated by the ceremony it follows ("xuất phát 8g15 ngay sau lễ"), not by the chat's date line; a
correction that sends a stand-in in the place of one kept away ("Do đồng chí A phải …, đồng chí B dự thay tại X;
đồng chí A vẫn dự tại Y"); and a schedule's row of the parade whose "Thành phần" names its leader (no ceremony's)."""

from __future__ import annotations

from datetime import date, time

import pytest

from imported import WARD, plan_data, wishes_of
from paradeplan.importer.extract import extract

# -- a school's notice: the bicycle column sets off right after the flag ceremony ----------------------------------
SCHOOL = (
    "ỦY BAN NHÂN DÂN PHƯỜNG THẠNH LỘC\nTRƯỜNG THCS NGUYỄN TRUNG TRỰC\nSố: 31/TB-THCS\n"
    "Thạnh Lộc, ngày 25 tháng 9 năm 2024\nTHÔNG BÁO\nVề việc hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
    "1. Lễ phát động Tuần lễ (lồng ghép chào cờ)\n"
    "- Thời gian: 7 giờ 15, sáng thứ Hai, ngày 07/10/2024.\n"
    "- Địa điểm: sân Trường THCS Nguyễn Trung Trực.\n"
    "2. Đạp xe cổ động\n"
    "- {moment}, 8 giờ 10 đội hình xe đạp (120 học sinh khối 9) xuất phát từ cổng trường.\n"
    "- Lộ trình: từ Trường THCS Nguyễn Trung Trực rẽ phải vào đường Hà Huy Giáp, rẽ trái vào đường Thạnh Lộc 15, "
    "về lại Trường THCS Nguyễn Trung Trực.\n"
)


@pytest.mark.parametrize("moment", ["Ngay sau lễ chào cờ", "Kết thúc Lễ phát động", "Sau khi kết thúc lễ chào cờ"])
def test_a_column_setting_off_right_after_the_ceremony_keeps_its_departure(moment: str) -> None:
    ex = extract(SCHOOL.format(moment=moment), "tb.txt")
    assert ex.departure_time == time(8, 10)


# -- a chat: the parade item says only that it follows the ceremony -------------------------------------------------
CHAT = (
    "[Nhóm Zalo] Ban chỉ đạo XHHT xã Mỹ Hòa Hưng\n"
    "Ngày 22/9/2024\n\n"
    "[14:05] Phạm Thị Ngọc Hân (VP UBND xã):\n"
    "Gửi các ấp lịch lễ khai mạc + diễu hành hưởng ứng Tuần lễ học tập suốt đời 2024:\n\n"
    "1/ Lễ khai mạc: 7g30 sáng CN 06/10, tại Trường THCS Mỹ Hòa Hưng. Anh Võ Văn Tài (CT UBND xã) phát biểu.\n\n"
    "2/ Diễu hành: xuất phát 8g15 {moment}, chị Lâm Thị Bé (PCT UBND xã) dẫn đoàn.\n"
    "Lộ trình: Trường THCS Mỹ Hòa Hưng – Tôn Đức Thắng – Nguyễn Thị Minh Khai – về UBND xã Mỹ Hòa Hưng.\n"
    "Đội hình: 1 xe loa, 3 xe hoa, khoảng 200 HS đi xe đạp.\n\n"
    "[14:20] Trần Văn Hậu (Ấp 3): Dạ ấp em nhận ạ.\n"
)


@pytest.mark.parametrize("moment", ["ngay sau lễ", "ngay sau Lễ khai mạc", "sau khi kết thúc lễ"])
def test_a_chat_parade_after_the_ceremony_is_on_the_ceremonys_day(moment: str) -> None:
    ex = extract(CHAT.format(moment=moment), "zalo.txt")
    assert (ex.assembly_date or ex.departure_date) == date(2024, 10, 6)  # not the chat's date line, 22/9


# -- a correction: a stand-in in the place of one kept away, who keeps his other visit ------------------------------
STAND_IN = (
    "UBND THỊ XÃ HƯƠNG TRÀ\nPHÒNG VĂN HÓA VÀ THÔNG TIN\nSố: 77/PVHTT\nHương Trà, ngày 26 tháng 9 năm 2023\n"
    "V/v phân công lãnh đạo dự Lễ khai mạc\nTuần lễ hưởng ứng học tập suốt đời năm 2023\n"
    "Kính gửi: UBND các xã, phường.\n"
    "Thực hiện Kế hoạch số 215/KH-UBND ngày 08/9/2023 của UBND thị xã, Phòng Văn hóa và Thông tin thông báo phân "
    "công dự Lễ khai mạc tại cơ sở như sau:\n"
    "1. Đồng chí Hoàng Văn Khánh - Trưởng phòng: dự Lễ khai mạc tại Nhà văn hóa xã Hương Toàn lúc 7h00 thứ Hai "
    "ngày 02/10/2023, sau đó dự tại Trường THCS Hương Vân lúc 9h30 cùng ngày.\n"
    "2. Đồng chí Đặng Thị Liên - Phó Trưởng phòng: dự Lễ khai mạc tại Trường TH Hương Xuân lúc 14 giờ ngày "
    "03/10/2023.\n"
    "{why}, đồng chí Đặng Thị Liên dự thay tại Nhà văn hóa xã Hương Toàn; đồng chí Khánh vẫn dự tại "
    "Trường THCS Hương Vân (9h30) như đã phân công.\n"
)


@pytest.mark.parametrize(
    "why",
    [
        "Điều chỉnh: Do đồng chí Hoàng Văn Khánh phải đi công tác tại tỉnh sáng 02/10/2023",
        "Điều chỉnh: Do đồng chí Hoàng Văn Khánh phải dự họp Thường trực Thị ủy",
    ],
)
def test_a_stand_in_for_one_kept_away_goes_there_and_he_keeps_his_other_visit(why: str) -> None:
    data = plan_data(STAND_IN.format(why=why), "cv.txt")
    assert wishes_of(data) == {
        "Hoàng Văn Khánh": ["Trường THCS Hương Vân"],
        "Đặng Thị Liên": ["Nhà văn hóa xã Hương Toàn", "Trường TH Hương Xuân"],
    }


# -- a schedule table: the parade's row names its leader, the ceremony's row its officials -------------------------
TABLE = WARD.format(ward="TÂN CHÁNH HIỆP", ward_t="Tân Chánh Hiệp", year=2023) + (
    "Diễu hành cổ động và Lễ tuyên dương khuyến học năm 2023\n"
    "I. LỊCH TRÌNH\n"
    "| Thời gian | Nội dung | Địa điểm | Thành phần |\n"
    "| 15g00, thứ Bảy 07/10 | Tập trung, kiểm tra xe hoa | Công viên Phần mềm Quang Trung | Các khu phố |\n"
    "| 15g30 | {row} | Công viên Phần mềm Quang Trung | Đ/c Lý Minh Khoa – PCT UBND phường dẫn đoàn |\n"
    "| 19g00, Chủ nhật 08/10 | Lễ tuyên dương khuyến học | Công viên Phần mềm Quang Trung "
    "| Đ/c Tạ Thị Thu – Chủ tịch UBND phường trao giấy khen |\n"
    "II. LỘ TRÌNH\n"
    "Xuất phát từ Công viên Phần mềm Quang Trung, rẽ phải ra đường Tô Ký, rẽ trái đường Nguyễn Ảnh Thủ, "
    "về UBND phường Tân Chánh Hiệp thì giải tán.\n"
    "III. PHƯƠNG TIỆN: 05 xe hoa, 01 xe loa.\n"
)


@pytest.mark.parametrize("row", ["Đoàn diễu hành xuất phát", "Đoàn xe hoa lăn bánh", "Các xe khởi hành"])
def test_the_parades_row_sends_its_leader_to_no_ceremony(row: str) -> None:
    wishes = wishes_of(plan_data(TABLE.format(row=row), "kh.txt"))
    assert "Lý Minh Khoa" not in wishes
    assert wishes.get("Tạ Thị Thu") == ["Công viên Phần mềm Quang Trung"]
