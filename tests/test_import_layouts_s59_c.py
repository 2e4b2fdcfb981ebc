"""Layouts met on the blind set heldout126 (joint plans signed by several organs, details in task-assignment tables,
per-unit duty lists), each written here in other words (other names, days and places; no corpus document): a
sentence that opens with "Cử" (send) and names the official sent to another level's ceremony with its own hour and
venue ("cử" folds like "cũ", the old wording an amended plan quotes); a task table's row whose task field sends the
official ("Đơn vị: …; Nhiệm vụ: Cử đồng chí A dự Lễ khai mạc cấp quận …; Thời gian: …; Địa điểm: …"); a ceremony
named with a bracket that says where the document tells more ("(chi tiết tại bảng phân công)"): no venue; another
level's ceremony told with its hour and venue to which the plan sends no one ("quận không cử đại biểu"); a task row
naming the ceremony only as what its equipment is for ("âm thanh, sân khấu Lễ khai mạc; Thời gian: Có mặt …");
another organ's ceremony whose attendees are its own invitees ("thành phần dự theo giấy mời riêng của quận"); a
column that gathers in front of a yard ("Tập trung 8 giờ 10 trước sân Nhà văn hóa …"), not before a time."""

from __future__ import annotations

from datetime import date, time

from imported import ceremonies_of, plan_data, wishes_of
from paradeplan.importer.extract import extract

HEAD = (
    "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP\nỦY BAN NHÂN DÂN PHƯỜNG 10\nSố: 51/KH-UBND\n"
    "Phường 10, ngày 19 tháng 9 năm 2024\nKẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
)
TAIL = "III. TỔ CHỨC THỰC HIỆN\n- Các khu phố báo cáo kết quả trước ngày 11/10/2024.\n"

# -- "Cử ông A … dự Lễ khai mạc cấp quận lúc … tại …": a visit, not the old wording of an amended plan ----------------
SENT = (
    HEAD + "I. LỄ KHAI MẠC CỦA PHƯỜNG\n"
    "Thời gian: 07 giờ 00 phút, thứ Tư, ngày 02/10/2024.\n"
    "Địa điểm: Trường Tiểu học Lê Đức Thọ.\n"
    "Bà Kha Thị Mỹ, Chủ tịch UBND phường, phát biểu khai mạc.\n"
    "II. THAM DỰ HOẠT ĐỘNG CẤP QUẬN\n"
    "Cử ông Tạ Quang Lộc, Phó Chủ tịch Ủy ban nhân dân phường, dự Lễ khai mạc Tuần lễ cấp quận lúc 14 giờ 30 phút, "
    "thứ Tư, ngày 02/10/2024, tại Trung tâm Văn hóa Quận Gò Vấp. Văn phòng UBND phường bố trí xe.\n" + TAIL
)


def test_a_sentence_opening_with_cu_sends_an_official_to_another_levels_ceremony() -> None:
    data = plan_data(SENT)
    assert ("2024-10-02", "14:30", "Trung tâm Văn hóa Quận Gò Vấp") in ceremonies_of(data)
    assert wishes_of(data).get("Tạ Quang Lộc") == ["Trung tâm Văn hóa Quận Gò Vấp"]


# -- a task table's row: the task field sends the official, the row's time and place are the visit's ----------------
TABLE = (
    HEAD + "I. NỘI DUNG\n"
    "1. Treo băng rôn tại các khu phố từ ngày 27/9/2024 đến hết ngày 06/10/2024.\n"
    "2. Lễ khai mạc Tuần lễ cấp phường (chi tiết tại bảng phân công).\n"
    "II. BẢNG PHÂN CÔNG\n"
    "Đơn vị, cá nhân: Trung tâm Học tập cộng đồng phường; Nhiệm vụ: Tổ chức Lễ khai mạc Tuần lễ của phường. Bà Kha "
    "Thị Mỹ, Chủ tịch UBND phường, phát biểu khai mạc; Thời gian: 7 giờ 00, thứ Tư, ngày 02/10/2024; Địa điểm: "
    "Trường Tiểu học Lê Đức Thọ.\n"
    "Đơn vị, cá nhân: Văn phòng UBND phường; Nhiệm vụ: Cử đồng chí Tạ Quang Lộc dự Lễ khai mạc Tuần lễ cấp quận do "
    "Ủy ban nhân dân quận tổ chức; Thời gian: 14 giờ 30, thứ Tư, ngày 02/10/2024; Địa điểm: Trung tâm Văn hóa Quận "
    "Gò Vấp.\n" + TAIL
)


def test_a_task_rows_sending_field_takes_the_rows_time_and_place() -> None:
    data = plan_data(TABLE)
    assert ("2024-10-02", "14:30", "Trung tâm Văn hóa Quận Gò Vấp") in ceremonies_of(data)
    assert wishes_of(data).get("Tạ Quang Lộc") == ["Trung tâm Văn hóa Quận Gò Vấp"]


def test_details_told_at_a_part_of_the_document_are_no_venue() -> None:
    assert [(c.date, c.place) for c in extract(TABLE, "kh.txt").ceremonies] == [
        (date(2024, 10, 2), "Trường Tiểu học Lê Đức Thọ"),
        (date(2024, 10, 2), "Trung tâm Văn hóa Quận Gò Vấp"),
    ]


# -- another level's ceremony, nobody sent; a row's equipment for the ceremony ---------------------------------------
DISTRICT = (
    "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP\nPHÒNG VĂN HÓA VÀ THÔNG TIN\nSố: 77/KH-VHTT\n"
    "Gò Vấp, ngày 16 tháng 9 năm 2024\nKẾ HOẠCH\nTổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "I. LỄ KHAI MẠC CẤP QUẬN\n"
    "1. Thời gian: 15 giờ 00, thứ Tư, ngày 02/10/2024.\n"
    "2. Địa điểm: Trung tâm Văn hóa Quận Gò Vấp.\n"
    "3. Thông tin: Lễ khai mạc cấp Thành phố do Sở Giáo dục và Đào tạo tổ chức lúc 08 giờ 30 ngày 02/10/2024 tại "
    "Nhà hát Thành phố; thành phần do Sở mời trực tiếp, quận không cử đại biểu tham dự.\n"
    "II. PHÂN CÔNG\n"
    "Nhà Thiếu nhi quận — Nhiệm vụ: âm thanh, ánh sáng, sân khấu Lễ khai mạc; Thời gian: Có mặt 11 giờ 15; "
    "Địa điểm: Trung tâm Văn hóa Quận Gò Vấp.\n"
    "III. TỔ CHỨC THỰC HIỆN\n- Các phường báo cáo kết quả trước ngày 14/10/2024.\n"
)


def test_another_levels_ceremony_the_plan_sends_no_one_to_is_not_planned() -> None:
    assert ("2024-10-02", "08:30", "Nhà hát Thành phố") not in ceremonies_of(plan_data(DISTRICT))


def test_a_rows_equipment_for_the_ceremony_is_no_ceremony_of_its_own() -> None:
    assert ceremonies_of(plan_data(DISTRICT)) == [("2024-10-02", "15:00", "Trung tâm Văn hóa Quận Gò Vấp")]


# -- another organ's ceremony, attended by its own invitees ------------------------------------------------------------
SCHOOL = (
    "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN GÒ VẤP\nTRƯỜNG TRUNG HỌC CƠ SỞ NGUYỄN DU\nSố: 31/KH-THCS\n"
    "Gò Vấp, ngày 20 tháng 9 năm 2024\nKẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "I. LỄ PHÁT ĐỘNG\n"
    "Nhà trường tổ chức Lễ phát động lúc 07 giờ 00, thứ Hai, ngày 07/10/2024, tại sân Trường Trung học cơ sở "
    "Nguyễn Du.\n"
    "Ghi chú: Lễ khai mạc Tuần lễ cấp quận do Ủy ban nhân dân quận Gò Vấp tổ chức ngày 02/10/2024; thành phần dự "
    "theo giấy mời riêng của quận.\n"
    "II. DIỄU HÀNH\n"
    "Tập trung lúc 14 giờ 00, thứ Ba, ngày 08/10/2024, tại sân Trường Trung học cơ sở Nguyễn Du; xuất phát lúc "
    "14 giờ 20. Lộ trình: Trường Trung học cơ sở Nguyễn Du → đường Quang Trung → đường Nguyễn Văn Lượng → đường "
    "Phan Văn Trị → Trường Trung học cơ sở Nguyễn Du.\n"
    "III. TỔ CHỨC THỰC HIỆN\n- Các tổ chuyên môn báo cáo kết quả trước ngày 11/10/2024.\n"
)


def test_another_organs_ceremony_attended_by_its_own_invitees_is_not_planned() -> None:
    assert [e.date for e in extract(SCHOOL, "kh.txt").events.ceremonies] == [date(2024, 10, 7)]


# -- a column gathering in front of a yard -------------------------------------------------------------------------
IN_FRONT = (
    "HỘI KHUYẾN HỌC PHƯỜNG HIỆP THÀNH\nSố 03/KH-HKH\nHiệp Thành, ngày 18/9/2025\nKẾ HOẠCH\n"
    "Hưởng ứng Tuần lễ học tập suốt đời năm 2025\n"
    "1) Lễ phát động\n- Lúc 7 giờ 00, thứ Năm 02/10/2025, tại Nhà văn hóa phường Hiệp Thành.\n"
    "- Các chi hội cử hội viên, có mặt lúc 6 giờ 30.\n"
    "2) Đoàn xe tuyên truyền\n- Đội hình: 01 xe hoa; 01 xe loa.\n"
    "- Tập trung 8 giờ 10 trước sân Nhà văn hóa phường Hiệp Thành; xuất phát 8 giờ 25.\n"
    "- Lộ trình: Nhà văn hóa phường Hiệp Thành → đường Lê Văn Khương → đường Tô Ký → Nhà văn hóa phường Hiệp Thành.\n"
    "3) Báo cáo kết quả trước ngày 10/10/2025.\n"
)


def test_a_column_gathering_in_front_of_a_yard_assembles_at_that_hour() -> None:
    ex = extract(IN_FRONT, "kh.txt")
    assert (ex.assembly_time, ex.departure_time) == (time(8, 10), time(8, 25))
