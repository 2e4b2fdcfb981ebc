"""Layouts read at session 54 (other names, days and places than any corpus document), on which ceremonies are the
issuer's own: one another level holds that the issuer sends a delegation to ("…; xã cử 04 đại biểu tham dự") is
none; one that units hold only where they can or have not yet ("nơi có điều kiện thì tổ chức lễ phát động riêng",
"phường nào chưa tổ chức lễ …") is none; an online ceremony is held at its main point ("Điểm cầu chính: …"), and
what the points hold on their own after it ("các điểm cầu tổ chức phát động tại chỗ") is none; a notice carried
after the plan that moves its ceremony ("THÔNG BÁO" / "Điều chỉnh thời gian, địa điểm tổ chức Lễ khai mạc …")
leaves that ceremony at the new day, hour and venue."""

from __future__ import annotations

import pytest

from imported import ceremonies_of, plan_data

# -- a higher level's ceremony the issuer sends a delegation to, beside its own -------------------------------------
DELEGATION = (
    "ỦY BAN NHÂN DÂN XÃ PHÚ LỘC\nSố: 57/KH-UBND\nPhú Lộc, ngày 18 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "I. CÁC HOẠT ĐỘNG\n"
    "- Lễ khai mạc Tuần lễ cấp huyện do UBND huyện tổ chức lúc 08 giờ 00 ngày 02/10/2024 tại Nhà văn hóa huyện Tân "
    "Hưng{sent}\n"
    "- Lễ phát động của xã: 14 giờ 00, thứ Năm ngày 03/10/2024, tại Hội trường UBND xã Phú Lộc.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "Công chức Văn hóa - Xã hội: chuẩn bị sân khấu, khánh tiết.\n"
)


@pytest.mark.parametrize(
    "sent",
    [
        "; xã cử 04 đại biểu tham dự theo giấy mời.",
        ". Xã cử đoàn 06 người do đồng chí Phó Chủ tịch UBND xã làm trưởng đoàn tham dự.",
        "; UBND xã cử 02 đồng chí lãnh đạo dự.",
    ],
)
def test_a_ceremony_the_issuer_sends_a_delegation_to_is_not_its_own(sent: str) -> None:
    data = plan_data(DELEGATION.format(sent=sent))
    assert ceremonies_of(data) == [("2024-10-03", "14:00", "Hội trường UBND xã Phú Lộc")]


# -- a district's plan leaving launches to the communes that can hold them --------------------------------------------
WHERE_ABLE = (
    "ỦY BAN NHÂN DÂN HUYỆN LẠC SƠN\nSố: 212/KH-UBND\nLạc Sơn, ngày 20 tháng 9 năm 2023\nKẾ HOẠCH\n"
    "Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2023\n"
    "I. LỄ KHAI MẠC CẤP HUYỆN\n"
    "Thời gian: 07 giờ 45 phút, thứ Hai, ngày 02/10/2023.\n"
    "Địa điểm: Trường THCS Thị trấn Vụ Bản.\n"
    "II. HOẠT ĐỘNG TẠI CÁC XÃ\n"
    "- Xã Tân Lập, Ân Nghĩa, Yên Phú: {said} lễ phát động riêng, ngày 05/10/2023.\n"
)


@pytest.mark.parametrize(
    "said", ["nơi có điều kiện thì tổ chức", "xã nào chưa tổ chức Ngày hội Khuyến học thì tổ chức"]
)
def test_a_launch_left_to_units_that_can_hold_one_is_none(said: str) -> None:
    data = plan_data(WHERE_ABLE.format(said=said))
    assert ceremonies_of(data) == [("2023-10-02", "07:45", "Trường THCS Thị trấn Vụ Bản")]


# -- an online opening: its main point, and what the points hold after it ---------------------------------------------
ONLINE = (
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH GIA HƯNG\nSố: 930/KH-SGDĐT\nGia Hưng, ngày 12 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "I. LỄ KHAI MẠC TRỰC TUYẾN\n"
    "1. Điểm cầu chính: Hội trường Trường THPT Lê Lợi, do Sở trực tiếp tổ chức.\n"
    "2. Thời gian: 08 giờ 30 phút, thứ Sáu, ngày 04/10/2024 (khoảng 80 phút).\n"
    "3. Các điểm cầu huyện (do UBND huyện chủ trì):\n"
    "| Điểm cầu | Địa điểm |\n"
    "| Huyện Bắc Sơn | Hội trường UBND huyện |\n"
    "| Huyện Nam Thủy | Trung tâm học tập cộng đồng thị trấn |\n"
    "Sau phần trực tuyến, các điểm cầu tổ chức phát động tại chỗ (từ 10 giờ 00) theo kế hoạch riêng.\n"
)


def test_an_online_ceremony_is_held_at_its_main_point_only() -> None:
    data = plan_data(ONLINE)
    assert ceremonies_of(data) == [("2024-10-04", "08:30", "Hội trường Trường THPT Lê Lợi")]


# -- a notice carried after the plan, moving its ceremony --------------------------------------------------------------
LATER_NOTICE = (
    "ỦY BAN NHÂN DÂN HUYỆN THẠCH AN\nSố: 140/KH-UBND\nThạch An, ngày 21 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "I. CÁC HOẠT ĐỘNG\n"
    "1. Lễ khai mạc Tuần lễ cấp huyện\n"
    "- Thời gian: 07 giờ 30 phút, thứ Tư, ngày 02/10/2024.\n"
    "- Địa điểm: Quảng trường trung tâm huyện.\n"
    "- Chương trình: đồng chí Hoàng Văn Khải, Chủ tịch UBND huyện phát biểu khai mạc.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "Phòng Giáo dục và Đào tạo: chuẩn bị kịch bản.\n"
    "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNông Thị Hiền\n"
    "\n"
    "ỦY BAN NHÂN DÂN HUYỆN THẠCH AN\nSố: 151/TB-UBND\n"
    "THÔNG BÁO\n"
    "{subject}\n"
    "Do mưa lớn kéo dài, UBND huyện thông báo điều chỉnh Lễ khai mạc Tuần lễ cấp huyện như sau:\n"
    "- Thời gian: 15 giờ 00 phút, thứ Năm, ngày 03/10/2024 (thay cho 07 giờ 30 phút ngày 02/10/2024).\n"
    "- Địa điểm: Hội trường Trung tâm Văn hóa huyện Thạch An (thay cho Quảng trường trung tâm huyện).\n"
    "Các nội dung khác giữ nguyên.\n"
)


@pytest.mark.parametrize(
    "subject",
    [
        "Điều chỉnh thời gian, địa điểm tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024",
        "Thay đổi thời gian và địa điểm Lễ khai mạc Tuần lễ học tập suốt đời",
    ],
)
def test_a_notice_after_the_plan_moves_its_ceremony(subject: str) -> None:
    data = plan_data(LATER_NOTICE.format(subject=subject))
    assert ceremonies_of(data) == [("2024-10-03", "15:00", "Hội trường Trung tâm Văn hóa huyện Thạch An")]
