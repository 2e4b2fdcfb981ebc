"""Layouts read at session 59 (d) for ceremony venues and missed ceremonies (other names, days and places than
any corpus document): a room inside a building written in lower case ("Phòng họp số 2, trụ sở UBND phường A"), a
ceremony item with no venue under an item that says where everyone is to be ("• 5:45 có mặt tại sân Trường A"), a
gathering a day's item sends an official to with its venue in the item's own field, a festival's closing item with its
own hour at a part of the festival's venue, and a gathering another line sends an official to at its venue."""

from __future__ import annotations

from imported import ceremonies_of, plan_data

# -- a room of a building, the building written in lower case ---------------------------------------------------
ROOM = (
    "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\nỦY BAN NHÂN DÂN PHƯỜNG TÂY MỖ\nSố: 77/KH-UBND\n"
    "Tây Mỗ, ngày 19 tháng 9 năm 2025\nKẾ HOẠCH\nTổ chức Lễ bế mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
    "I. MỤC ĐÍCH\n- Tổng kết, biểu dương các gia đình học tập.\n"
    "II. NỘI DUNG\n1. Lễ bế mạc, trao thưởng\n"
    "- Thời gian: 15 giờ 00, thứ Hai, ngày 06/10/2025.\n"
    "- Địa điểm: Phòng họp số 2, trụ sở UBND phường Tây Mỗ.\n"
    "III. TỔ CHỨC THỰC HIỆN\n- Các tổ dân phố gửi danh sách khen thưởng trước ngày 01/10/2025.\n"
)


def test_a_room_before_a_building_written_in_lower_case_is_the_building() -> None:
    assert ceremonies_of(plan_data(ROOM)) == [("2025-10-06", "15:00", "Trụ sở UBND phường Tây Mỗ")]


# -- a ceremony item with no venue under the item where everyone is to be -----------------------------------------
GATHER = (
    'Nhóm "Ban tổ chức Tuần lễ HTSĐ - P. Bình Hưng Hòa 2025"\n\n'
    "Trần Hữu Phước (VP UBND phường Bình Hưng Hòa) — 07:40, 30/09/2025\n"
    "THỐNG NHẤT KẾ HOẠCH DIỄU HÀNH TUẦN LỄ HỌC TẬP SUỐT ĐỜI 2025 - PHƯỜNG BÌNH HƯNG HÒA, TP. HỒ CHÍ MINH\n\n"
    "Thứ Bảy 4/10:\n"
    " • 5:45 có mặt tại sân Trường Tiểu học Bình Hưng Hòa (cổng đường Lê Văn Quới)\n"
    " • 6h00 lễ phát động ngắn, đ/c Lâm Quốc Việt (CT UBND P.) phát biểu\n"
    " • 6h20 xuất phát\n"
)


def test_a_ceremony_item_without_a_venue_is_held_where_the_item_above_says_to_be() -> None:
    assert ceremonies_of(plan_data(GATHER)) == [("2025-10-04", "06:00", "Trường Tiểu học Bình Hưng Hòa")]


# -- a day's item sending an official to a gathering, its venue in the item's own field ---------------------------
AGENDA = (
    "ỦY BAN NHÂN DÂN HUYỆN YÊN THÀNH\nỦY BAN NHÂN DÂN XÃ HOA THÀNH\nSố: 12/LLV-UBND\n"
    "Hoa Thành, ngày 29 tháng 9 năm 2023\nLỊCH LÀM VIỆC\nCủa Thường trực UBND xã tuần từ 02/10 đến 06/10/2023\n"
    "THỨ HAI (02/10/2023)\n"
    "- 7h15: Đ/c Hồ Sỹ Nam - Chủ tịch UBND xã dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2023.\n"
    "  Địa điểm: Hội trường UBND xã Hoa Thành.\n"
    "THỨ BA (03/10/2023)\n"
    "- 15h00: Đ/c Đậu Thị Hạnh - Phó Chủ tịch UBND xã dự Ngày hội đọc sách của học sinh hưởng ứng Tuần lễ.\n"
    "  Địa điểm: Trường THCS Hoa Thành.\n"
    "  Thành phần: Ban Giám hiệu, giáo viên và học sinh nhà trường.\n"
    "- 16h00: Đ/c Đậu Thị Hạnh làm việc tại cơ quan.\n"
)


def test_a_gathering_an_official_attends_with_its_venue_in_the_items_field_is_planned() -> None:
    assert ceremonies_of(plan_data(AGENDA)) == [
        ("2023-10-02", "07:15", "Hội trường UBND xã Hoa Thành"),
        ("2023-10-03", "15:00", "Trường THCS Hoa Thành"),
    ]


# -- a festival's closing item with its own hour and venue (a part of the festival's venue) -----------------------
FESTIVAL = (
    "ỦY BAN NHÂN DÂN TỈNH AN GIANG\nỦY BAN NHÂN DÂN XÃ NHƠN MỸ\nSố: 64/KH-UBND\n"
    "Nhơn Mỹ, ngày 20 tháng 9 năm 2025\nKẾ HOẠCH\nTổ chức Ngày hội học tập xã Nhơn Mỹ năm 2025\n"
    "I. MỤC ĐÍCH\n- Khuyến khích mọi người dân học tập thường xuyên.\n"
    "II. THỜI GIAN, ĐỊA ĐIỂM\n- Thời gian: Thứ Bảy, ngày 4 tháng 10 năm 2025, từ 7 giờ 00 đến 10 giờ 30.\n"
    "- Địa điểm: Nhà văn hóa xã Nhơn Mỹ (ấp Mỹ Long).\n"
    "III. NỘI DUNG CHƯƠNG TRÌNH\n1. Lễ khai mạc Ngày hội (7 giờ 00 – 7 giờ 40)\n"
    "a) Ông Đoàn Văn Tới, Chủ tịch UBND xã phát biểu khai mạc.\n"
    "2. Các gian trưng bày, hội thi kiến thức (7 giờ 40 – 9 giờ 45)\n"
    "3. Bế mạc, trao giải: lúc 9 giờ 45 tại sân khấu chính; ông Đoàn Văn Tới trao giải.\n"
    "IV. TỔ CHỨC THỰC HIỆN\n- Các ấp đăng ký gian trưng bày trước ngày 29/9/2025.\n"
)


def test_a_closing_item_with_its_own_hour_and_a_part_of_the_venue_is_held_at_the_venue() -> None:
    assert ceremonies_of(plan_data(FESTIVAL)) == [
        ("2025-10-04", "07:00", "Nhà văn hóa xã Nhơn Mỹ"),
        ("2025-10-04", "09:45", "Nhà văn hóa xã Nhơn Mỹ"),
    ]


# -- a gathering with its hour and venue, an official sent to it by another line -----------------------------------
SEMINAR = (
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nTHÀNH PHỐ ĐÀ NẴNG\nSố: 2210/KH-SGDĐT\nĐà Nẵng, ngày 17 tháng 9 năm 2025\n"
    "KẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
    "I. MỤC ĐÍCH\n- Lan tỏa tinh thần tự học trong ngành giáo dục.\n"
    "II. NỘI DUNG\n"
    "1. Lễ khai mạc lúc 7h30 thứ Năm 02/10 tại Trường THPT Phan Châu Trinh.\n"
    "2. Giao lưu “Thư viện số trong nhà trường” lúc 14h00 thứ Ba 07/10 tại Trường Đại học Ngoại ngữ, Đại học Đà "
    "Nẵng.\n"
    "III. LÃNH ĐẠO DỰ\n"
    "Bà Lưu Thị Hạnh, Giám đốc Sở, dự Lễ khai mạc và phát biểu. Ngày 07/10, bà Hạnh chủ trì buổi giao lưu tại Trường "
    "Đại học Ngoại ngữ.\n"
    "IV. TỔ CHỨC THỰC HIỆN\n- Các trường báo cáo kết quả trước ngày 15/10/2025.\n"
)
