"""Layouts read at session 54 (other names, days and places than any corpus document): a table column headed by
two names at once ("Thời gian - Địa điểm") holds the row's time and its venue; a ceremony said not to be held on its
own ("không tổ chức riêng Lễ khai mạc cấp trường") is none; a route under its label written on a line of its own
with semicolons or commas between the steps; and the floats' arrival at a stretch of the route's first street
("có mặt tại bãi xe phía đường A lúc …") is the assembly's time when the route starts at a named place."""

from __future__ import annotations

import pytest

from imported import ceremonies_of, plan_data, wishes_of
from paradeplan.importer.extract import extract

# -- a district's plan whose schedule table writes the time and the place in one column ------------------------------
JOINED_COLUMN = (
    "UBND HUYỆN ĐÔNG ANH\nBAN CHỈ ĐẠO XÂY DỰNG XÃ HỘI HỌC TẬP\nSố: 14/KH-BCĐ\nĐông Anh, ngày 20 tháng 9 năm 2023\n"
    "KẾ HOẠCH\nTổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2023\n"
    "I. LỊCH TỔ CHỨC\n"
    "| TT | Nội dung | {head} | Thành phần | Phân công |\n"
    "| 1 | Họp Ban Chỉ đạo | 9h00 thứ Hai 25/9/2023 - Phòng họp tầng 3, UBND huyện | Thành viên BCĐ | Phòng GD&ĐT |\n"
    "| 2 | Lễ khai mạc Tuần lễ | 07h45 thứ Ba 03/10/2023 - Hội trường Nhà văn hóa xã Uy Nỗ | - Đồng chí Phạm Thị "
    "Lan, Phó Chủ tịch UBND huyện: phát biểu khai mạc; - 200 học sinh | Phòng GD&ĐT chủ trì |\n"
    "| 3 | Báo cáo kết quả | Trước ngày 12/10/2023 - gửi Phòng GD&ĐT | Các xã, thị trấn | Phòng GD&ĐT tổng hợp |\n"
)


@pytest.mark.parametrize("head", ["Thời gian - Địa điểm", "Thời gian, địa điểm", "Thời gian và địa điểm"])
def test_a_column_of_time_and_place_gives_the_ceremonys_venue(head: str) -> None:
    data = plan_data(JOINED_COLUMN.format(head=head))
    assert ceremonies_of(data) == [("2023-10-03", "07:45", "Hội trường Nhà văn hóa xã Uy Nỗ")]
    assert wishes_of(data).get("Phạm Thị Lan") == ["Hội trường Nhà văn hóa xã Uy Nỗ"]


# -- a ceremony said not to be held on its own ------------------------------------------------------------------------
NOT_ON_ITS_OWN = (
    "UBND PHƯỜNG BÌNH HÀN\nSố: 33/KH-UBND\nBình Hàn, ngày 16 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
    "I. YÊU CẦU\n"
    "1. Gắn khai mạc Tuần lễ với buổi sinh hoạt của câu lạc bộ đọc sách tại Nhà văn hóa phường Bình Hàn.\n"
    "II. THỜI GIAN\n"
    "Tuần lễ từ ngày 01/10/2024 đến ngày 07/10/2024. Các trường học tổ chức phát động trong buổi chào cờ sáng thứ "
    "Hai, ngày 07/10/2024 nếu tuần trước chưa tổ chức được ({said} Lễ khai mạc cấp trường).\n"
)


@pytest.mark.parametrize("said", ["không tổ chức riêng", "không cần tổ chức", "không tổ chức thêm"])
def test_a_ceremony_said_not_held_on_its_own_is_none(said: str) -> None:
    ex = extract(NOT_ON_ITS_OWN.format(said=said), "kh.txt")
    assert [c.date for c in ex.events.ceremonies if c.date is not None] == []


# -- a parade's route on a line of its own under its label, steps between semicolons or commas ----------------------
LISTED_ROUTE = (
    "UBND PHƯỜNG THỚI AN\nSố: 90/KH-UBND\nThới An, ngày 19 tháng 9 năm 2025\nKẾ HOẠCH\n"
    "Diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2025\n"
    "I. THỜI GIAN\n"
    "- Lễ ra quân: 16h00, Thứ Năm, ngày 02/10/2025, tại Công viên Phần mềm Quang Trung.\n"
    "- Các xe hoa có mặt tại bãi xe phía đường Tô Ký lúc 15h10 để xếp đội hình.\n"
    "- Đoàn xe xuất phát lúc 16h30.\n"
    "II. LỘ TRÌNH\n"
    "1. Lộ trình chung (cả đoàn cùng đi):\n"
    "Công viên Phần mềm Quang Trung{s}đường Tô Ký{s}đường Trường Chinh{s}đường Lê Văn Khương{s}đến Ngã tư Ga.\n"
    "2. Sau đó các xe về phường theo hướng dẫn của Công an phường.\n"
)


@pytest.mark.parametrize("sep", ["; ", ", "])
def test_a_route_on_its_own_line_with_semicolons_or_commas(sep: str) -> None:
    ex = extract(LISTED_ROUTE.format(s=sep), "kh.txt")
    assert [s.name for s in ex.route] == [
        "Công viên Phần mềm Quang Trung",
        "Tô Ký",
        "Trường Chinh",
        "Lê Văn Khương",
        "Ngã tư Ga",
    ]


def test_floats_arriving_on_the_first_streets_stretch_give_the_assembly_time() -> None:
    ex = extract(LISTED_ROUTE.format(s="; "), "kh.txt")
    assert ex.assembly_time is not None and (ex.assembly_time.hour, ex.assembly_time.minute) == (15, 10)


# -- a city's plan as a two-column table, its units' own launches told below ------------------------------------------
CITY_TABLE = (
    "ỦY BAN NHÂN DÂN THÀNH PHỐ TÂN UYÊN\nSố: 512/KH-UBND\nTân Uyên, ngày 18 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Lễ khai mạc và diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
    "I. LỄ KHAI MẠC VÀ DIỄU HÀNH CẤP THÀNH PHỐ\n"
    "| Nội dung | Chi tiết |\n"
    "| Thời gian khai mạc | 07 giờ 30, thứ Tư, ngày 02/10/2024 |\n"
    "| Địa điểm khai mạc | Nhà văn hóa thành phố Tân Uyên |\n"
    "| {gather} | 08 giờ 40, tại Trụ sở UBND thành phố Tân Uyên |\n"
    "| Xuất phát | 09 giờ 00 |\n"
    "II. HOẠT ĐỘNG TẠI CÁC PHƯỜNG, XÃ\n"
    "- Phường Uyên Hưng và phường Khánh Bình tổ chức Lễ phát động chung tại Trường Tiểu học Khánh Bình, ngày "
    "04/10/2024.\n"
    "- Xã Bạch Đằng tổ chức lễ phát động tại Nhà văn hóa ấp 2, ngày 06/10/2024.\n"
)


@pytest.mark.parametrize("gather", ["Tập trung đoàn xe", "Tập kết xe hoa"])
def test_the_columns_gathering_row_is_no_ceremony(gather: str) -> None:
    ex = extract(CITY_TABLE.format(gather=gather), "kh.txt")
    assert [(c.date.isoformat() if c.date else None, c.place) for c in ex.events.ceremonies] == [
        ("2024-10-02", "Nhà văn hóa thành phố Tân Uyên")
    ]


def test_other_units_launches_without_an_hour_are_theirs() -> None:
    """The wards' and the commune's own launches, told without an hour and attended by no one of the plan, are not
    planned; the city's own, timed, is."""
    text = (
        CITY_TABLE.format(gather="Chủ trì")
        .replace(" và diễu hành xe hoa", "")
        .replace("| Xuất phát | 09 giờ 00 |\n", "")
    )
    data = plan_data(text.replace("08 giờ 40, tại Trụ sở UBND thành phố Tân Uyên", "Bà Lê Thị Hồng, Phó Chủ tịch UBND"))
    assert [c[:2] for c in ceremonies_of(data)] == [("2024-10-02", "07:30")]


def test_another_units_launch_is_kept_when_the_plan_times_none() -> None:
    text = (
        "UBND HUYỆN BẮC TÂN UYÊN\nSố: 77/TB-UBND\nBắc Tân Uyên, ngày 20 tháng 9 năm 2024\nTHÔNG BÁO\n"
        "Lịch phát động Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
        "- Xã Tân Thành tổ chức lễ phát động tại Nhà văn hóa xã Tân Thành, ngày 03/10/2024.\n"
    )
    ex = extract(text, "tb.txt")
    assert [c.place for c in ex.events.ceremonies] == ["Nhà văn hóa xã Tân Thành"]


@pytest.mark.parametrize(
    "sent",
    [
        "Xã cử đại diện lãnh đạo dự Lễ khai mạc cấp tỉnh do UBND tỉnh tổ chức lúc 8 giờ 00 ngày 30/9/2024 tại Trung "
        "tâm Hội nghị tỉnh.",
        "Lễ khai mạc cấp tỉnh do UBND tỉnh tổ chức lúc 8 giờ 00 ngày 30/9/2024 tại Trung tâm Hội nghị tỉnh; xã cử "
        "02 đại biểu tham dự.",
    ],
)
def test_a_ceremony_the_issuer_sends_people_to_is_anothers(sent: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN XÃ PHƯỚC VINH\nSố: 58/KH-UBND\nPhước Vinh, ngày 16 tháng 9 năm 2024\nKẾ HOẠCH\n"
        "Tổ chức Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
        f"I. THAM DỰ CẤP TỈNH\n{sent}\n"
        "II. LỄ PHÁT ĐỘNG CẤP XÃ\n- Thời gian: 7 giờ 15, thứ Tư, ngày 02/10/2024.\n"
        "- Địa điểm: Hội trường UBND xã Phước Vinh.\n"
    )
    ex = extract(text, "kh.txt")
    assert [(c.date.isoformat() if c.date else None, c.place) for c in ex.events.ceremonies] == [
        ("2024-10-02", "Hội trường UBND xã Phước Vinh")
    ]


# -- who speaks at a ceremony, told in its section's running order ----------------------------------------------------
RUNNING_ORDER = (
    "ỦY BAN NHÂN DÂN XÃ TÂN HƯNG\nSố: 61/KH-UBND\nTân Hưng, ngày 19 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "I. LỊCH\n- 15 giờ 00 ngày 03/10/2024: Lễ phát động Tuần lễ cấp xã tại sân Trường Tiểu học Tân Hưng.\n"
    "{head}\n"
    "1. Văn nghệ chào mừng.\n"
    "2. Ông Đặng Văn Sơn - Chủ tịch UBND xã phát biểu phát động Tuần lễ.\n"
    "3. Bà Mai Thị Thu - Chủ tịch Hội Khuyến học xã trao 15 suất học bổng.\n"
    "III. TỔ CHỨC THỰC HIỆN\n1. Văn phòng UBND xã: chuẩn bị khánh tiết.\n"
)


@pytest.mark.parametrize(
    "head",
    [
        "II. NỘI DUNG LỄ PHÁT ĐỘNG CẤP XÃ (15 giờ 00, ngày 03/10/2024)",
        "II. LỄ PHÁT ĐỘNG CẤP XÃ\n1. Địa điểm: sân Trường Tiểu học Tân Hưng.\n2. Chương trình tại sân trường:",
    ],
)
def test_the_persons_of_a_ceremonys_running_order_attend_it(head: str) -> None:
    wishes = wishes_of(plan_data(RUNNING_ORDER.format(head=head)))
    assert wishes.get("Đặng Văn Sơn") == ["Trường Tiểu học Tân Hưng"]
    assert wishes.get("Mai Thị Thu") == ["Trường Tiểu học Tân Hưng"]


def test_a_delegation_led_by_a_named_official_keeps_the_ceremony_on_her_day() -> None:
    text = (
        "ỦY BAN NHÂN DÂN PHƯỜNG HÒA MINH\nSố: 72/KH-UBND\nHòa Minh, ngày 17 tháng 9 năm 2024\nKẾ HOẠCH\n"
        "Tổ chức Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
        "I. THAM DỰ CẤP QUẬN\nUBND phường cử đoàn 04 đồng chí do bà Hồ Thị Diệu - Phó Chủ tịch UBND phường làm trưởng "
        "đoàn, tham dự Lễ khai mạc Tuần lễ cấp quận lúc 7 giờ 30 ngày 01/10/2024 tại Trường THCS Lê Lợi.\n"
        "II. LỄ PHÁT ĐỘNG CẤP PHƯỜNG\n- Thời gian: 15 giờ 00, thứ Năm, ngày 03/10/2024.\n"
        "- Địa điểm: Nhà văn hóa phường Hòa Minh.\n- Bà Hồ Thị Diệu phát biểu phát động.\n"
    )
    ex = extract(text, "kh.txt")
    assert [(c.date.isoformat() if c.date else None, c.place) for c in ex.events.ceremonies] == [
        ("2024-10-01", "Trường THCS Lê Lợi"),
        ("2024-10-03", "Nhà văn hóa phường Hòa Minh"),
    ]


# -- who acts at the ceremony, told by the items under it or by the tasks ---------------------------------------------
ACTS = (
    "ỦY BAN NHÂN DÂN PHƯỜNG LINH TÂY\nSố: 48/KH-UBND\nLinh Tây, ngày 20 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "I. THỜI GIAN, ĐỊA ĐIỂM\n- Lễ phát động: 15 giờ 30, thứ Năm, ngày 03/10/2024, tại Nhà văn hóa phường Linh Tây.\n"
    "{under}"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "1. Văn phòng UBND phường: chuẩn bị khánh tiết Lễ phát động; {invited}\n"
    "2. Hội Khuyến học phường: phối hợp trao 20 suất học bổng tại Lễ phát động do ông Tạ Minh Quân, Chủ tịch Hội "
    "Khuyến học phường, trao.\n"
    "3. Công an phường: đồng chí Lưu Văn Đạt, Trưởng Công an phường, chủ trì cuộc họp bảo đảm an ninh ngày 30/9.\n"
)


def test_items_under_the_ceremony_that_open_on_a_person_acting_send_them_there() -> None:
    under = (
        "  + Đồng chí Phan Thị Lụa, Bí thư Đảng ủy phường, phát biểu phát động.\n"
        "  + Đồng chí Cao Văn Tài, Chủ tịch UBND phường, trao giấy khen và phát lệnh.\n"
    )
    wishes = wishes_of(plan_data(ACTS.format(under=under, invited="in giấy mời.")))
    assert wishes.get("Phan Thị Lụa") == ["Nhà văn hóa phường Linh Tây"]
    assert wishes.get("Cao Văn Tài") == ["Nhà văn hóa phường Linh Tây"]


def test_persons_the_tasks_ask_to_act_at_the_one_ceremony_attend_it() -> None:
    invited = "mời đồng chí Cao Văn Tài, Chủ tịch UBND phường, phát biểu phát động."
    wishes = wishes_of(plan_data(ACTS.format(under="", invited=invited)))
    assert wishes.get("Cao Văn Tài") == ["Nhà văn hóa phường Linh Tây"]
    assert wishes.get("Tạ Minh Quân") == ["Nhà văn hóa phường Linh Tây"]
    assert "Lưu Văn Đạt" not in wishes  # he chairs a meeting, not a part of the ceremony


def test_a_programme_rows_giver_said_before_the_act_is_named_without_it() -> None:
    text = (
        "ỦY BAN NHÂN DÂN XÃ MỸ PHONG\nSố: 40/KH-UBND\nMỹ Phong, ngày 15 tháng 9 năm 2025\nKẾ HOẠCH\n"
        "Tổ chức Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        "I. THỜI GIAN, ĐỊA ĐIỂM\n- Thời gian: 7 giờ 00, thứ Năm, ngày 02/10/2025.\n"
        "- Địa điểm: Hội trường UBND xã Mỹ Phong.\nII. CHƯƠNG TRÌNH\n"
        "- 07 giờ 20: Trao giấy khen cho 8 gia đình học tập (ông Quách Văn Lợi trao).\n"
    )
    wishes = wishes_of(plan_data(text))
    assert wishes == {"Quách Văn Lợi": ["Hội trường UBND xã Mỹ Phong"]}


@pytest.mark.parametrize(
    "said",
    [
        "Tuần lễ hưởng ứng học tập suốt đời năm 2023 (từ ngày 02/10 đến ngày 08/10/2023), Hội tổ chức Lễ phát động",
        "chủ đề “Thúc đẩy chuyển đổi số đến năm 2030”, Thư viện tổ chức Lễ khai mạc ngày 02/10/2023",
    ],
)
def test_suot_doi_and_chuyen_doi_so_move_no_ceremony(said: str) -> None:
    from paradeplan.importer.dates import find_dates
    from paradeplan.importer.stance import amendment

    assert amendment(said, lambda low: find_dates(low, 2023)) is None


def test_a_mention_held_in_a_citys_area_is_the_ceremony_told_with_its_hour() -> None:
    text = (
        "HỘI KHUYẾN HỌC TỈNH BẾN TRE\nSố: 31/CV-HKH\nBến Tre, ngày 16 tháng 9 năm 2023\n"
        "V/v tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023\nKính gửi: Hội Khuyến học các huyện, thành phố\n"
        "Thực hiện Kế hoạch số 120/KH-UBND ngày 05/9/2023 của Ủy ban nhân dân tỉnh về tổ chức Tuần lễ hưởng ứng học "
        "tập suốt đời năm 2023 (từ ngày 02/10 đến ngày 08/10/2023) với chủ đề “Học tập suốt đời”, Thường trực Hội "
        "Khuyến học tỉnh phối hợp với Sở Giáo dục và Đào tạo tổ chức Lễ phát động Tuần lễ và diễu hành xe hoa tuyên "
        "truyền tại thành phố Bến Tre. Thường trực Hội đề nghị các đơn vị thực hiện một số nội dung sau:\n"
        "1. Lễ phát động Tuần lễ cấp tỉnh được tổ chức lúc 07 giờ 30 phút, thứ Hai, ngày 02/10/2023 tại sân "
        "Trường THPT chuyên Bến Tre.\n"
    )
    ex = extract(text, "kh.txt")
    assert [(c.date.isoformat() if c.date else None, c.place) for c in ex.events.ceremonies] == [
        ("2023-10-02", "Trường THPT chuyên Bến Tre")
    ]
