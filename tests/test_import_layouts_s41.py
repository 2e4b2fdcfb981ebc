"""Layouts met on the blind sets heldout25 and heldout26, each generated in variants (other names, streets, years,
wording; no corpus document): a day stated once above numbered items titled "1. Buổi sáng: Lễ A" over their own
fields, a ceremony named in a heading of labels ("THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN LỄ PHÁT ĐỘNG"), tasks whose unit
is their heading, a cited plan's ceremony, a route in prose opening on "Từ A, …", route tables "Tuyến đường |
Chiều" and "Đoạn | Từ | Đến | Qua đường", an invitation's table of names, officials in the paragraph after their
ceremony or listed under "Thành phần:", a ceremony known only by its venue's label, a police notice's ceremony on
the parade's day, a committee's founding decision and a report's outlook on next year."""

from __future__ import annotations

import pytest

from imported import WARD, ceremonies_of, plan_data, wishes_of
from paradeplan.errors import InputError
from paradeplan.importer.extract import extract


# -- days, headings and ceremonies --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("ward", "day", "school", "hall", "chair", "vice"),
    [
        (
            "Hiệp Thành",
            "04/10/2023",
            "Trường THCS Nguyễn Ảnh Thủ",
            "Nhà Văn hóa Lao động Quận 12",
            "Nguyễn Minh Tuấn",
            "Đặng Quốc Bảo",
        ),
        (
            "Thới An",
            "03/10/2024",
            "Trường Tiểu học Thới An",
            "Nhà văn hóa Tân Thới Hiệp",
            "Lê Văn Bình",
            "Trần Thị Mai",
        ),
    ],
)
def test_a_day_stated_above_items_titled_with_a_colon_dates_each_ceremony(
    ward: str, day: str, school: str, hall: str, chair: str, vice: str
) -> None:
    year = int(day[-4:])
    text = (
        WARD.format(ward=ward.upper(), ward_t=ward, year=year) + "II. NỘI DUNG HOẠT ĐỘNG\n"
        f"Tất cả hoạt động diễn ra trong ngày Thứ Tư, {day}.\n"
        "1. Buổi sáng: Lễ hưởng ứng Tuần lễ\n"
        "Thời gian: 7 giờ 30 phút.\n"
        f"Địa điểm: sân {school}.\n"
        "Nội dung chính:\n"
        "- Văn nghệ chào mừng (từ 7 giờ 15 phút, trước giờ khai mạc).\n"
        f"- Ông {chair}, Chủ tịch Ủy ban nhân dân phường phát biểu phát động.\n"
        "2. Buổi chiều: Lễ ra quân và diễu hành cổ động\n"
        "Sau Lễ hưởng ứng buổi sáng, Ban Tổ chức tiếp tục chuẩn bị cho hoạt động buổi chiều.\n"
        "Thời gian: 14 giờ 30 phút Lễ ra quân; 15 giờ 00 phút đoàn diễu hành xuất phát.\n"
        f"Địa điểm: sân {hall}.\n"
        f"Thành phần: ông {chair}, Chủ tịch Ủy ban nhân dân phường (sau khi dự Lễ hưởng ứng buổi sáng) tiếp tục dự; "
        f"ông {vice}, Phó Chủ tịch Ủy ban nhân dân phường chủ trì Lễ ra quân.\n"
    )
    ex = extract(text, "k.txt")
    iso = f"{year}-{day[3:5]}-{day[:2]}"
    assert [(str(c.date), c.time.strftime("%H:%M") if c.time else None) for c in ex.ceremonies] == [
        (iso, "07:30"),
        (iso, "14:30"),
    ]
    assert [c.place for c in ex.ceremonies] == [school, hall]


@pytest.mark.parametrize(("kind", "commune"), [("LỄ PHÁT ĐỘNG", "Phong Điền"), ("LỄ KHAI MẠC", "Thới Lai")])
def test_a_ceremony_named_in_a_heading_of_labels_over_its_fields(kind: str, commune: str) -> None:
    text = (
        f"ỦY BAN NHÂN DÂN\nXÃ {commune.upper()}\nSố: 41/KH-UBND\n{commune}, ngày 15 tháng 9 năm 2025\nKẾ HOẠCH\n"
        "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        f"II. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN {kind}\n"
        "- Thời gian: 07:30, Thứ Tư, ngày 01/10/2025.\n"
        f"- Địa điểm: Hội trường Ủy ban nhân dân xã {commune}.\n"
        "- Thành phần:\n"
        "+ Ông Trần Văn Lợi, Chủ tịch Ủy ban nhân dân xã (chủ trì, phát biểu phát động);\n"
        "+ Bà Huỳnh Thị Mỹ Xuyên, Phó Chủ tịch Ủy ban nhân dân xã;\n"
    )
    data = plan_data(text)
    assert [c[:2] for c in ceremonies_of(data)] == [("2025-10-01", "07:30")]
    assert set(wishes_of(data)) == {"Trần Văn Lợi", "Huỳnh Thị Mỹ Xuyên"}


def test_the_ceremonies_a_cited_plan_tells_are_not_this_plans() -> None:
    text = (
        WARD.format(ward="16", ward_t="Phường 16", year=2023)
        + "Căn cứ Kế hoạch số 2391/KH-UBND ngày 11 tháng 9 năm 2023 của Ủy ban nhân dân quận Gò Vấp (Lễ khai mạc cấp "
        "quận lúc 7 giờ 30 phút ngày 01/10/2023 tại Trung tâm Văn hóa quận Gò Vấp);\n"
        "1. Lễ phát động cấp phường\n"
        "Thời gian: 8 giờ 00, ngày 03/10/2023.\n"
        "Địa điểm: sân Ủy ban nhân dân Phường 16.\n"
    )
    ex = extract(text, "k.txt")
    assert [(str(c.date), c.place) for c in ex.ceremonies] == [("2023-10-03", "Ủy ban nhân dân Phường 16")]


def test_a_ceremony_to_be_announced_later_and_a_committees_founding_decision_plan_nothing() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN NGHI LỘC\nSố: 2847/QĐ-UBND\nNghi Lộc, ngày 22 tháng 9 năm 2023\nQUYẾT ĐỊNH\n"
        "Về việc thành lập Ban Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023 huyện Nghi Lộc\n"
        "Điều 1. Thành lập Ban Tổ chức gồm các ông (bà) có tên sau:\n"
        "1. Ông Hoàng Văn Thắng, Phó Chủ tịch Ủy ban nhân dân huyện - Trưởng ban;\n"
        "Điều 2. Nhiệm vụ của Ban Tổ chức\n"
        "1. Chỉ đạo các hoạt động từ ngày 01/10/2023 đến ngày 07/10/2023, trong đó có Lễ khai mạc cấp huyện (thời "
        "gian, địa điểm cụ thể sẽ có thông báo riêng).\n"
        "2. Kiểm tra việc treo băng rôn, khẩu hiệu trên Quốc lộ 1A đoạn qua huyện.\n"
    )
    with pytest.raises(InputError, match="nothing to plan|không có gì để lập kế hoạch"):
        plan_data(text, "qd.txt")


def test_a_reports_outlook_on_next_year_does_not_make_it_a_plan() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nQUẬN BÌNH THỦY\nSố: 389/BC-UBND\nBình Thủy, ngày 15 tháng 10 năm 2024\nBÁO CÁO\n"
        "Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
        "- Diễu hành cổ động sáng 01/10/2024 với 12 xe hoa, 01 xe loa; khoảng 1.200 người tham gia.\n"
        "IV. PHƯƠNG HƯỚNG NĂM 2025\n"
        "- Dự kiến tổ chức Tuần lễ năm 2025 từ ngày 01/10 đến 07/10/2025.\n"
    )
    with pytest.raises(InputError, match="reports on what was done|báo cáo những việc đã làm"):
        plan_data(text, "bc.txt")


# -- deadlines -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("unit", "task", "day"),
    [
        ("Văn phòng HĐND và UBND xã", "Phát hành giấy mời đại biểu", "26/9/2025"),
        ("Trung tâm học tập cộng đồng xã", "Đăng ký danh sách học viên với Phòng Văn hóa - Xã hội", "29/9/2025"),
    ],
)
def test_a_task_due_by_a_date_names_itself_and_the_unit_it_is_listed_under(unit: str, task: str, day: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ PHONG ĐIỀN\nSố: 41/KH-UBND\nPhong Điền, ngày 15 tháng 9 năm 2025\nKẾ HOẠCH\n"
        "Lễ phát động lúc 07:30 ngày 01/10/2025 tại Hội trường Ủy ban nhân dân xã.\n"
        "IV. PHÂN CÔNG NHIỆM VỤ\n"
        f"1. {unit}\n"
        f"- Chuẩn bị hội trường, âm thanh; {task[0].lower() + task[1:]} chậm nhất ngày {day}.\n"
    )
    ex = extract(text, "k.txt")
    got = [(d.what, d.who) for d in ex.deadlines]
    assert got == [(task, unit)]


# -- routes --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("start", "first", "second", "third", "end"),
    [
        ("Trung tâm Văn hóa quận Gò Vấp", "Lê Đức Thọ", "Phạm Văn Chiêu", "Quang Trung", "Ủy ban nhân dân Phường 16"),
        ("Nhà văn hóa Tân Thới Hiệp", "Nguyễn Ảnh Thủ", "Lê Văn Khương", "Đỗ Mười", "Chợ Tân Thới Hiệp"),
    ],
)
def test_a_route_in_prose_that_opens_on_where_from(start: str, first: str, second: str, third: str, end: str) -> None:
    text = (
        WARD.format(ward="16", ward_t="Phường 16", year=2023) + "4. Lộ trình\n"
        f"Từ {start}, đoàn diễu hành đi theo đường {first}, rẽ vào đường {second}, đến giao lộ {second} – {third} "
        f"thì nhập vào đường {third}, đi thẳng đến vòng xoay Ngã Sáu tiếp tục theo đường {first} và kết thúc tại "
        f"{end}.\n"
    )
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route] == [start, first, second, third, first, end]


def test_one_turn_out_of_a_place_is_a_step_not_a_route() -> None:
    text = (
        WARD.format(ward="THỚI AN", ward_t="Thới An", year=2024) + "3. Lộ trình diễu hành\n"
        "(1) Từ cổng trụ sở UBND Quận 12 rẽ phải ra đường Lê Thị Riêng, đi về hướng Quốc lộ 1;\n"
        "(2) Rẽ phải vào đường Đỗ Mười;\n"
        "(3) Rẽ trái vào đường Lê Văn Khương;\n"
        "(4) Rẽ trái vào đường Lê Thị Riêng, về lại trụ sở UBND Quận 12, giải tán đoàn.\n"
    )
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route] == [
        "UBND Quận 12",
        "Lê Thị Riêng",
        "Đỗ Mười",
        "Lê Văn Khương",
        "Lê Thị Riêng",
        "UBND Quận 12",
    ]


@pytest.mark.parametrize(
    ("place", "streets"),
    [
        ("Ngã tư Bà Điểm", ["Phan Văn Hớn", "Dương Thị Giang", "Tân Thới Nhất 17", "Trường Chinh", "Phan Văn Hớn"]),
        ("Chợ Thới An", ["Lê Thị Riêng", "Thới An 11", "Lê Văn Khương", "Lê Thị Riêng"]),
    ],
)
def test_a_route_table_of_streets_and_their_directions(place: str, streets: list[str]) -> None:
    rows = [f"| {streets[0]} | Chiều đi: từ {place} hướng về phía phường bạn |"]
    rows += [f"| {s} | Chiều đi: từ {a} vào |" for a, s in zip(streets, streets[1:-1], strict=False)]
    rows += [f"| {streets[-1]} | Chiều về: trở lại {place} (kết thúc) |"]
    text = (
        WARD.format(ward="THỚI AN", ward_t="Thới An", year=2022)
        + "Diễu hành sáng ngày 02/10/2022, xuất phát lúc 7h00.\n"
        "4. Lộ trình diễu hành:\n"
        "| Tuyến đường | Chiều |\n" + "\n".join(rows) + "\n"
    )
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route] == [place, *streets, place]


def test_a_route_table_of_legs_from_to_and_the_street_between() -> None:
    text = (
        WARD.format(ward="TÂN THỚI HIỆP", ward_t="Tân Thới Hiệp", year=2025)
        + "Đoàn diễu hành xuất phát lúc 08h15 ngày 05/10/2025 từ Nhà văn hóa Tân Thới Hiệp theo lộ trình:\n"
        "| Đoạn | Từ | Đến | Qua đường |\n"
        "| 1 | Nhà văn hóa Tân Thới Hiệp | Ngã ba Nguyễn Thị Đặng | Nguyễn Ảnh Thủ |\n"
        "| 2 | Ngã ba Nguyễn Ảnh Thủ | Quốc lộ 1A | Nguyễn Thị Đặng |\n"
        "| 3 | Ngã ba Nguyễn Thị Đặng | Ngã tư Lê Văn Khương | Đỗ Mười |\n"
        "| 4 | Ngã tư Đỗ Mười | Nhà văn hóa Tân Thới Hiệp | Lê Văn Khương |\n"
    )
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route] == [
        "Nhà văn hóa Tân Thới Hiệp",
        "Nguyễn Ảnh Thủ",
        "Nguyễn Thị Đặng",
        "Đỗ Mười",
        "Lê Văn Khương",
        "Nhà văn hóa Tân Thới Hiệp",
    ]


def test_a_street_turned_back_at_its_end_stays_a_street() -> None:
    text = (
        WARD.format(ward="ĐÔNG HƯNG THUẬN", ward_t="Đông Hưng Thuận", year=2025)
        + "Đoàn xuất phát lúc 07 giờ 15 ngày 06/10/2025 từ Công viên Phần mềm Quang Trung.\n"
        "Lộ trình: Công viên Phần mềm Quang Trung - đường Tô Ký - đường Nguyễn Văn Quá - đường Đông Hưng Thuận 2 "
        "(quay đầu cuối tuyến) - đường Nguyễn Văn Quá - đường Tô Ký - Công viên Phần mềm Quang Trung.\n"
    )
    ex = extract(text, "k.txt")
    assert [(s.kind, s.name) for s in ex.route][3] == ("street", "Đông Hưng Thuận 2")


# -- officials ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("school", "names"),
    [
        ("Trường THCS Trần Mai Ninh", ["Lê Quang Hưng", "Nguyễn Thị Thu Hường", "Trịnh Văn Khải"]),
        ("Trường Tiểu học Ea Kly", ["Phạm Văn Đức", "Hoàng Thị Lan Anh"]),
    ],
)
def test_an_invitations_table_of_names_attends_its_ceremony(school: str, names: list[str]) -> None:
    rows = "\n".join(f"| {k} | {n} | Phó Chủ tịch Ủy ban nhân dân phường |" for k, n in enumerate(names, 1))
    text = (
        f"{school.upper()}\nSố: 87/GM\nHạc Thành, ngày 25 tháng 9 năm 2025\nGIẤY MỜI\n"
        "Dự Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        f"{school} trân trọng kính mời:\n"
        "| STT | Họ và tên | Chức vụ |\n" + rows + "\n| 9 | Đại diện | Thư viện tỉnh |\n"
        "Tới dự Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2025 của nhà trường.\n"
        "Thời gian: 7h15, Thứ Năm, ngày 02/10/2025.\n"
        f"Địa điểm: Sân trường {school[7:]}.\n"
    )
    data = plan_data(text)
    assert sorted(wishes_of(data)) == sorted(names)


def test_officials_in_the_paragraph_after_their_ceremony_attend_it() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ PLEIKU\nSố: 245/KH-UBND\nPleiku, ngày 16 tháng 9 năm 2024\nKẾ HOẠCH\n"
        "III. CÁC HOẠT ĐỘNG CHÍNH\n"
        "1. Cấp thành phố: Lễ khai mạc Tuần lễ\n"
        "Lễ khai mạc cấp thành phố được tổ chức vào lúc 07 giờ 00, ngày 02 tháng 10 năm 2024, tại Quảng trường Đại "
        "Đoàn Kết.\n"
        "Thành phần: ông Nguyễn Đình Hiền, Phó Chủ tịch Ủy ban nhân dân thành phố (chủ trì).\n"
        "Tổng duyệt chương trình lúc 15 giờ 30 ngày 30 tháng 9 năm 2024 tại Quảng trường.\n"
        "2. Cấp xã, phường: Lễ hưởng ứng tại điểm phường Hội Phú\n"
        "Ủy ban nhân dân phường Hội Phú tổ chức Lễ hưởng ứng lúc 7 giờ 30 phút, ngày 03 tháng 10 năm 2024, tại Nhà "
        "văn hóa tổ dân phố 4, phường Hội Phú.\n"
        "Ông Nguyễn Đình Hiền, Phó Chủ tịch Ủy ban nhân dân thành phố dự và phát biểu chỉ đạo; ông Phan Công Lực, Chủ "
        "tịch Hội Khuyến học thành phố dự và trao học bổng.\n"
    )
    data = plan_data(text)
    assert [c[:2] for c in ceremonies_of(data)] == [("2024-10-02", "07:00"), ("2024-10-03", "07:30")]
    wishes = wishes_of(data)
    assert len(wishes["Nguyễn Đình Hiền"]) == 2
    assert len(wishes["Phan Công Lực"]) == 1


@pytest.mark.parametrize("label", ["Thành phần:", "Thành phần tham dự:", "Lãnh đạo dự:"])
def test_officials_listed_under_a_label_attend_the_ceremony_above(label: str) -> None:
    text = (
        WARD.format(ward="TRUNG MỸ TÂY", ward_t="Trung Mỹ Tây", year=2025) + "II. CÁC HOẠT ĐỘNG CHÍNH\n"
        "1. Lễ phát động: 07:00 thứ Năm, 02/10/2025, tại Trung tâm Văn hóa Quận 12.\n"
        f"{label}\n"
        "- Ông Ngô Đức Hải - Chủ tịch UBND phường;\n"
        "- Bà Lâm Thị Mỹ Duyên - Phó Chủ tịch UBND phường;\n"
        "- Đại diện lãnh đạo các trường.\n"
    )
    wishes = wishes_of(plan_data(text))
    assert set(wishes) == {"Ngô Đức Hải", "Lâm Thị Mỹ Duyên"}


def test_a_title_written_first_in_lower_case_after_the_honorific() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG NGỌC HÀ\nSố: 41/LCT-UBND\nNgọc Hà, ngày 26 tháng 9 năm 2025\nLỊCH CÔNG TÁC TUẦN\n"
        "Thứ Tư, 01/10\n"
        "- 7h30: Đ/c Chủ tịch Phan Thị Thanh Huyền, đ/c Phó Chủ tịch Trịnh Quang Minh dự Lễ khai mạc Tuần lễ hưởng "
        "ứng học tập suốt đời năm 2025 của phường. Địa điểm: Trường THCS Thăng Long.\n"
        "Thứ Bảy, 04/10\n"
        "- 8h00: Đ/c Chủ tịch Phan Thị Thanh Huyền dự Ngày hội “Công dân học tập” tại Trung tâm Văn hóa - Thông tin "
        "và Thể thao phường.\n"
    )
    wishes = wishes_of(plan_data(text))
    assert len(wishes["Phan Thị Thanh Huyền"]) == 2
    assert len(wishes["Trịnh Quang Minh"]) == 1


# -- ceremonies by their venue's label, and on the parade's day -----------------------------------------------------
def test_a_ceremony_known_by_its_venues_label() -> None:
    text = (
        WARD.format(ward="AN PHÚ ĐÔNG", ward_t="An Phú Đông", year=2025) + "II. NỘI DUNG CHƯƠNG TRÌNH\n"
        "Thời gian: 7g30, thứ Sáu ngày 03/10/2025\n"
        "Địa điểm khai mạc: Sân Trường Trung học cơ sở An Phú Đông\n"
        "III. KỊCH BẢN\n"
        "Khai mạc, phát biểu — Thời gian: 7g30; Người thực hiện: Bà Quách Ngọc Hân.\n"
    )
    ex = extract(text, "k.txt")
    assert [(str(c.date), c.place) for c in ex.ceremonies] == [("2025-10-03", "Trường Trung học cơ sở An Phú Đông")]


def test_a_police_notices_ceremony_before_the_departure_is_on_the_parade_day() -> None:
    text = (
        "CÔNG AN THÀNH PHỐ HỒ CHÍ MINH\nPHÒNG CẢNH SÁT GIAO THÔNG\nSố: 2157/TB-PC08\n"
        "TP. Hồ Chí Minh, ngày 26 tháng 9 năm 2025\nTHÔNG BÁO\n"
        "1. Thời gian diễu hành: đoàn tập trung lúc 06 giờ 30, xuất phát lúc 07 giờ 15 ngày 06/10/2025 từ Công viên "
        "Phần mềm Quang Trung.\n"
        "Lộ trình: Công viên Phần mềm Quang Trung - đường Tô Ký - đường Nguyễn Văn Quá - đường Tô Ký - Công viên "
        "Phần mềm Quang Trung.\n"
        "5. Lễ khai mạc Tuần lễ do UBND phường tổ chức tại sân Công viên Phần mềm Quang Trung lúc 06 giờ 45 trước giờ "
        "xuất phát. Lãnh đạo phường dự: ông Hồ Văn Toàn - Chủ tịch UBND phường Đông Hưng Thuận.\n"
    )
    data = plan_data(text)
    assert [c[:2] for c in ceremonies_of(data)] == [("2025-10-06", "06:45")]
    assert list(wishes_of(data)) == ["Hồ Văn Toàn"]


# -- heldout27 and heldout28 -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("names", "marks"),
    [
        (["Nguyễn Thị Thu Hà", "Trần Văn Minh"], [("x", "x", "", ""), ("x", "", "x", "")]),
        (["Lê Văn An", "Phạm Thị Bình", "Đỗ Quốc Dũng"], [("", "x", "", "x"), ("x", "", "", ""), ("", "", "x", "x")]),
    ],
)
def test_a_marks_matrix_sends_officials_to_the_listed_ceremonies_by_number(
    names: list[str], marks: list[tuple[str, ...]]
) -> None:
    places = [
        "Trường THCS Cầu Giấy",
        "Nhà văn hóa phường Nghĩa Tân",
        "Trường Tiểu học Yên Hòa",
        "Trường Mầm non Mai Dịch",
    ]
    hosts = ["Phòng GD&ĐT quận", "UBND phường Nghĩa Tân", "UBND phường Yên Hòa", "UBND phường Mai Dịch"]
    days = ["02/10/2023", "03/10/2023", "03/10/2023", "04/10/2023"]
    rows = "\n".join(
        f"| {k} | {h} | {7 + k} giờ 00, ngày {d} | {p} |"
        for k, (h, d, p) in enumerate(zip(hosts, days, places, strict=True), 1)
    )
    matrix = "\n".join(
        f"| {k} | {n} | Phó Trưởng phòng | " + " | ".join(m) + " |"
        for k, (n, m) in enumerate(zip(names, marks, strict=True), 1)
    )
    text = (
        "UBND QUẬN CẦU GIẤY\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 112/KH-PGDĐT\nCầu Giấy, ngày 18 tháng 9 năm 2023\n"
        "KẾ HOẠCH\nPhân công lãnh đạo dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2023\n"
        "III. CÁC BUỔI LỄ KHAI MẠC\n1. Danh sách các buổi lễ\n"
        "| TT | Đơn vị chủ trì | Thời gian | Địa điểm |\n" + rows + "\n"
        "IV. PHÂN CÔNG LÃNH ĐẠO DỰ LỄ\n"
        "| TT | Họ và tên | Chức vụ | (1) | (2) | (3) | (4) |\n" + matrix + "\n"
    )
    data = plan_data(text)
    assert [c[2] for c in ceremonies_of(data)] == places
    wishes = wishes_of(data)
    for name, m in zip(names, marks, strict=True):
        assert wishes[name] == [p for p, x in zip(places, m, strict=True) if x]


@pytest.mark.parametrize("communes", [["Bản Lầu", "Lùng Vai", "Pha Long"], ["Y Tý", "A Mú Sung"]])
def test_a_ceremony_held_in_each_subsection_with_its_own_fields(communes: list[str]) -> None:
    parts = "".join(
        f"{k}. Xã {c}\n+ Thời gian: {7 + k}h00, ngày 0{k}/10/2024.\n+ Địa điểm: Trung tâm học tập cộng đồng xã {c}.\n"
        for k, c in enumerate(communes, 1)
    )
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN MƯỜNG KHƯƠNG\nSố: 301/KH-UBND\nMường Khương, ngày 16 tháng 9 năm 2024\nKẾ HOẠCH\n"
        "III. LỄ KHAI MẠC TẠI CÁC XÃ ĐIỂM\n" + parts + "+ Trường hợp mưa lũ, lễ khai mạc tại xã "
        f"{communes[-1]} lùi sang 8h00 ngày 09/10/2024.\n"
    )
    ex = extract(text, "k.txt")
    assert [(str(c.date), c.place) for c in ex.ceremonies] == [
        (f"2024-10-0{k}", f"Trung tâm học tập cộng đồng xã {c}") for k, c in enumerate(communes, 1)
    ]


@pytest.mark.parametrize(
    ("said", "day"), [("thứ Năm tuần đầu tháng 10", 2), ("Chủ nhật tuần đầu tiên của tháng 10", 5)]
)
def test_a_weekday_of_the_months_first_week(said: str, day: int) -> None:
    from paradeplan.importer.dates import find_dates
    from paradeplan.importer.text import fold

    assert [d.value.isoformat() for d in find_dates(fold(f"lúc 15 giờ {said}, tại hội trường"), 2025)] == [
        f"2025-10-0{day}"
    ]


def test_a_window_for_each_units_own_ceremony_plans_no_ceremony() -> None:
    text = (
        "UBND TỈNH THANH HÓA\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 2012/SGDĐT-GDTX\nThanh Hóa, ngày 20 tháng 9 năm 2023\n"
        "V/v hướng dẫn tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023\n"
        "b) Phòng GD&ĐT tham mưu UBND cấp huyện tổ chức lễ khai mạc Tuần lễ cấp huyện trong khoảng thời gian từ ngày "
        "02/10 đến ngày 04/10/2023; chỉ đạo 100% xã, phường, thị trấn tổ chức khai mạc tại Trung tâm học tập cộng "
        "đồng.\n"
        "- Báo cáo tổng kết Tuần lễ về Sở trước ngày 16/10/2023.\n"
    )
    ex = extract(text, "k.txt")
    assert ex.ceremonies == []
    assert [str(d.due) for d in ex.deadlines] == ["2023-10-16"]


def test_a_tasks_table_with_a_term_column_gives_each_task_its_deadline_and_unit() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN TIÊN LÃNG\nSố: 95/KH-UBND\nTiên Lãng, ngày 21 tháng 9 năm 2021\nKẾ HOẠCH\n"
        "IV. TIẾN ĐỘ VÀ PHÂN CÔNG THỰC HIỆN\n"
        "| TT | Nội dung công việc | Đơn vị thực hiện | Thời hạn |\n"
        "| 1 | Xây dựng kế hoạch hưởng ứng của đơn vị | UBND các xã, thị trấn | Trước ngày 28/9/2021 |\n"
        "| 2 | Đăng tải tin, bài tuyên truyền | Trung tâm Văn hóa huyện | Trong Tuần lễ |\n"
        "| 3 | Lập danh sách gia đình học tập tiêu biểu | Hội Khuyến học các xã | Chậm nhất ngày 30/9/2021 |\n"
    )
    ex = extract(text, "k.txt")
    assert [(str(d.due), d.what, d.who) for d in ex.deadlines] == [
        ("2021-09-28", "Xây dựng kế hoạch hưởng ứng của đơn vị", "UBND các xã, thị trấn"),
        ("2021-09-30", "Lập danh sách gia đình học tập tiêu biểu", "Hội Khuyến học các xã"),
    ]


def test_an_amended_plan_keeps_the_route_it_cites_with_one_street_replaced_on_its_new_day() -> None:
    text = (
        WARD.format(ward="16", ward_t="Phường 16", year=2023) + "I. LÝ DO ĐIỀU CHỈNH\n"
        "Lễ phát động và diễu hành dự kiến tổ chức lúc 7 giờ 00 sáng thứ Bảy ngày 30/9/2023 trùng với lịch kiểm tra.\n"
        "II. NỘI DUNG ĐIỀU CHỈNH\n1. Thời gian\n"
        "Điều chỉnh từ sáng thứ Bảy ngày 30/9/2023 sang chiều thứ Bảy ngày 07/10/2023, cụ thể:\n"
        "- 14g00: các đơn vị tập trung tại sân Ủy ban nhân dân Phường 16;\n"
        "- 14g30: Lễ phát động tại Hội trường Ủy ban nhân dân Phường 16;\n"
        "- 15 giờ: đoàn diễu hành xuất phát.\n"
        "2. Lộ trình\n"
        "Giữ nguyên lộ trình tại Kế hoạch số 156/KH-UBND (Ủy ban nhân dân Phường 16 – đường Lê Đức Thọ – đường Phạm "
        "Văn Chiêu – đường Quang Trung – về Ủy ban nhân dân Phường 16), riêng đoạn đi trên đường Phạm Văn Chiêu được "
        "thay bằng đường Thống Nhất (từ đường Lê Đức Thọ đến đường Quang Trung).\n"
        "4. Phương tiện\n"
        "Bổ sung 01 xe hoa của Chi hội Khuyến học khu phố 7, nâng tổng số xe hoa tham gia lên 04 xe.\n"
    )
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route] == [
        "Ủy ban nhân dân Phường 16",
        "Lê Đức Thọ",
        "Thống Nhất",
        "Quang Trung",
        "Ủy ban nhân dân Phường 16",
    ]
    assert str(ex.assembly_date or ex.departure_date) == "2023-10-07"
    assert [(str(c.date), c.time.strftime("%H:%M") if c.time else None) for c in ex.ceremonies] == [
        ("2023-10-07", "14:30")
    ]
    assert [(f.kind, f.count) for f in ex.forces if f.kind == "float"] == [("float", 4)]


@pytest.mark.parametrize(
    ("first", "second", "end"),
    [("Lê Thị Riêng", "Đỗ Mười", "Bến xe Ngã tư Ga"), ("Nguyễn Ảnh Thủ", "Tô Ký", "Chợ Tân Chánh Hiệp")],
)
def test_a_chain_of_junctions_reached_along_the_streets_in_brackets(first: str, second: str, end: str) -> None:
    text = (
        WARD.format(ward="THỚI AN", ward_t="Thới An", year=2024) + "d) Lộ trình:\n"
        f"Ủy ban nhân dân phường Thới An – Ngã tư Tân Thới Hiệp (theo đường {first}) – Ngã tư Ga (theo đường "
        f"{second}) – {end}: giải tán.\n"
    )
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route] == ["Ủy ban nhân dân phường Thới An", first, second, end]


def test_a_scripts_performers_and_the_guests_it_calls_up_attend_its_ceremony() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG HƯNG BÌNH\nHưng Bình, ngày 27 tháng 9 năm 2024\nKỊCH BẢN CHƯƠNG TRÌNH\n"
        "Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024 phường Hưng Bình\n"
        "Thời gian: 7 giờ 30 phút sáng thứ Bảy, ngày 05 tháng 10 năm 2024 (đại biểu có mặt từ 7 giờ 15 phút).\n"
        "Địa điểm: Hội trường Ủy ban nhân dân phường Hưng Bình.\n"
        "Người dẫn chương trình: anh Cao Xuân Trường – Bí thư Đoàn phường.\n"
        "MC: Xin trân trọng kính mời bà Nguyễn Thị Hải Yến – Chủ tịch Ủy ban nhân dân phường lên đọc diễn văn.\n"
        "| Thời gian | Nội dung | Người thực hiện |\n"
        "| 07:55 | Phát biểu chỉ đạo | Ông Trần Đình Lực – Phó Chủ tịch Hội Khuyến học thành phố |\n"
        "| 08:20 | Bế mạc | MC |\n"
    )
    data = plan_data(text)
    assert [c[:2] for c in ceremonies_of(data)] == [("2024-10-05", "07:30")]
    assert set(wishes_of(data)) == {"Nguyễn Thị Hải Yến", "Trần Đình Lực"}


def test_two_parades_in_sections_of_their_own_are_two_parades() -> None:
    text = (
        WARD.format(ward="AN HỘI TÂY", ward_t="An Hội Tây", year=2025) + "II. NỘI DUNG HOẠT ĐỘNG\n"
        "1. Diễu hành cổ động bằng xe hoa (thứ Tư, 01/10/2025)\n"
        "Đoàn xe tập trung tại Chợ Thạch Đà lúc 8h00 và lăn bánh lúc 8h30. Lộ trình: Chợ Thạch Đà – đường Phạm Văn "
        "Chiêu – đường Quang Trung – đường Phan Huy Ích – đường Phạm Văn Chiêu – Chợ Thạch Đà.\n"
        "Đội hình gồm: 01 xe ô tô đặc chủng CSGT dẫn đoàn và 06 xe hoa.\n"
        "2. Diễu hành xe đạp (Chủ nhật, 05/10/2025)\n"
        "Đoàn tập trung tại Chợ Thạch Đà lúc 6g30, xuất phát lúc 6g45. Lộ trình: Chợ Thạch Đà – đường Phạm Văn Chiêu "
        "– đường Lê Đức Thọ – Trường Tiểu học Lê Thị Hồng Gấm. Đi đầu đoàn có 02 xe mô tô CSGT.\n"
    )
    data = plan_data(text)
    parades = data["parades"]
    assert [str(p["date"]) for p in parades] == ["2025-10-01", "2025-10-05"]
    assert len({p["id"] for p in parades}) == 2
    assert [sum(g["count"] for g in p["groups"] if g["kind"] == "flower_float") for p in parades] == [6, 0]


@pytest.mark.parametrize(("assembly", "departure"), [("6g30", "7g"), ("6h45", "7h15")])
def test_a_day_by_day_tables_parade_row_with_times_before_their_verbs(assembly: str, departure: str) -> None:
    text = (
        WARD.format(ward="TÂN CHÁNH HIỆP", ward_t="Tân Chánh Hiệp", year=2022)
        + "- Thời gian: từ ngày 01/10/2022 đến ngày 07/10/2022.\n"
        "| Ngày | Giờ | Nội dung | Địa điểm | Thành phần |\n"
        "| Thứ Bảy 01/10 | 7g30 | Lễ khai mạc Tuần lễ | Hội trường UBND phường Tân Chánh Hiệp | Ban Tổ chức |\n"
        f"| Chủ nhật 02/10 | {assembly} tập trung, {departure} xuất phát | Diễu hành cổ động bằng xe hoa | Tập trung "
        "tại bãi xe Chợ Tân Chánh Hiệp | Đoàn viên |\n"
        "Lộ trình: Chợ Tân Chánh Hiệp – đường Tô Ký – đường Đỗ Mười – đường Nguyễn Văn Quá – đường Tô Ký – Chợ Tân "
        "Chánh Hiệp.\n"
    )
    ex = extract(text, "k.txt")
    assert str(ex.assembly_date or ex.departure_date) == "2022-10-02"
    clock = {"6g30": "06:30", "7g": "07:00", "6h45": "06:45", "7h15": "07:15"}
    assert ex.assembly_time is not None and ex.assembly_time.strftime("%H:%M") == clock[assembly]
    assert ex.departure_time is not None and ex.departure_time.strftime("%H:%M") == clock[departure]


# -- heldout29 and heldout30 -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("weekday", "new"), [("thứ Bảy", "08/10/2022"), ("Chủ nhật", "09/10/2022")])
def test_a_postponement_to_a_weekday_and_date_keeps_the_parade_on_its_new_day(weekday: str, new: str) -> None:
    text = (
        WARD.format(ward="16", ward_t="Phường 16", year=2022)
        + "THÔNG BÁO\nVề việc hoãn Lễ ra quân và diễu hành hưởng ứng Tuần lễ học tập suốt đời năm 2022\n"
        f"1. Hoãn Lễ ra quân và diễu hành dự kiến tổ chức ngày 01/10/2022 sang ngày {weekday}, {new}.\n"
        "2. Thời gian, địa điểm, lộ trình sau khi điều chỉnh:\n"
        "| Nội dung | Theo Kế hoạch số 205/KH-UBND | Điều chỉnh |\n"
        f"| Ngày tổ chức | 01/10/2022 | {new} |\n"
        "| Xuất phát diễu hành | 7 giờ 00 | 7 giờ 20 |\n"
        "Lộ trình (giữ nguyên): UBND Phường 16 → Thống Nhất → Lê Đức Thọ → Nguyễn Oanh → Sân Vận Động Đạt Đức.\n"
    )
    ex = extract(text, "k.txt")
    day = f"2022-10-{new[:2]}"
    assert str(ex.assembly_date or ex.departure_date) == day
    assert ex.departure_time is not None and ex.departure_time.strftime("%H:%M") == "07:20"
    assert ex.route[-1].name == "Sân Vận Động Đạt Đức"


@pytest.mark.parametrize("end", ["Chợ Thông Tây", "Nhà văn hóa Phường 16"])
def test_numbered_streets_with_their_stretch_and_notes_in_brackets_under_a_via_line(end: str) -> None:
    text = (
        WARD.format(ward="THÔNG TÂY HỘI", ward_t="Thông Tây Hội", year=2025)
        + "Diễu hành lúc 07 giờ 00 ngày 05/10/2025.\n"
        "III. LỘ TRÌNH VÀ BỐ TRÍ LỰC LƯỢNG\n"
        "Đoàn diễu hành di chuyển lần lượt qua các tuyến sau:\n"
        f"1. Đường Quang Trung (từ {end} đến giao lộ Quang Trung – Thống Nhất; cấm dừng, đỗ xe từ 06:00 đến 07:30)\n"
        "2. Đường Thống Nhất (đi hết tuyến đến giao lộ với Lê Đức Thọ; bố trí 02 tổ phân luồng)\n"
        "3. Đường Lê Đức Thọ (từ Thống Nhất đến ngã tư Phạm Văn Chiêu; đoàn đi một làn)\n"
        f"4. Đường Quang Trung (quay về {end}, giải tán)\n"
    )
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route] == [end, "Quang Trung", "Thống Nhất", "Lê Đức Thọ", "Quang Trung", end]


def test_an_officials_trip_in_their_itinerary_is_no_parade() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ ĐĂK CHOONG\nSố: 45/KH-UBND\nĐăk Choong, ngày 20 tháng 9 năm 2023\nKẾ HOẠCH\n"
        "Lễ hưởng ứng tại nhà rông làng Đăk Ung lúc 7 giờ 30 ngày 04/10/2023.\n"
        "3. Lịch trình công tác của lãnh đạo xã (đi bằng xe máy)\n"
        "Đồng chí A Tuấn – Chủ tịch UBND xã:\n"
        "- 6 giờ 15: xuất phát từ UBND xã, đi xe máy theo đường liên xã vào làng Đăk Ung (khoảng 9 km).\n"
        "- 7 giờ 30: dự, phát biểu tại buổi lễ ở làng Đăk Ung.\n"
    )
    ex = extract(text, "k.txt")
    assert ex.route == []


def test_a_column_for_venue_and_route_and_the_way_back_to_the_school_by_its_kind() -> None:
    text = (
        "PHÒNG GD&ĐT QUẬN 12\nTRƯỜNG THCS NGUYỄN AN NINH\nSố: 52/KH-THCS\nQuận 12, ngày 20 tháng 9 năm 2023\n"
        "KẾ HOẠCH\n"
        "| Nội dung | Thời gian | Địa điểm / Lộ trình | Phụ trách |\n"
        "| Lễ phát động Tuần lễ | 7g00, thứ Hai 02/10/2023 | Sân trường THCS Nguyễn An Ninh | BGH |\n"
        "| Diễu hành cổ động | Xuất phát 8g15, ngày 02/10/2023 | Cổng trường THCS Nguyễn An Ninh; đường Phan Văn "
        "Hớn; rẽ trái đường Trường Chinh; rẽ phải đường Nguyễn Văn Quá; quay ra đường Trường Chinh; đường Phan Văn "
        "Hớn; về lại trường | Đoàn TN |\n"
    )
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route] == [  # "Cổng trường THCS A": the school itself, where its ceremony is
        "Trường THCS Nguyễn An Ninh",
        "Phan Văn Hớn",
        "Trường Chinh",
        "Nguyễn Văn Quá",
        "Trường Chinh",
        "Phan Văn Hớn",
        "Trường THCS Nguyễn An Ninh",
    ]
    assert [c.place for c in ex.ceremonies] == ["Trường THCS Nguyễn An Ninh"]


@pytest.mark.parametrize(("first", "second"), [("Đăk Ung", "Xốp Dùi"), ("Mậu Long", "Lùng Vai")])
def test_the_first_and_second_ceremony_told_by_their_order(first: str, second: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ ĐĂK CHOONG\nSố: 45/KH-UBND\nĐăk Choong, ngày 21 tháng 9 năm 2023\nKẾ HOẠCH\n"
        "Tổ chức Lễ hưởng ứng Tuần lễ học tập suốt đời năm 2023 tại các làng\n"
        "1. Hình thức: tổ chức 02 buổi lễ hưởng ứng ngắn gọn (60 phút) tại nhà rông của 02 làng.\n"
        f"2. Thời gian, địa điểm\nBuổi lễ thứ nhất được tổ chức vào lúc 7 giờ 30 phút sáng thứ Tư ngày 04/10/2023 tại "
        f"Nhà rông làng {first}; buổi lễ thứ hai bắt đầu 14 giờ chiều cùng ngày tại Nhà rông làng {second}.\n"
    )
    ex = extract(text, "k.txt")
    assert [(str(c.date), c.time.strftime("%H:%M") if c.time else None, c.place) for c in ex.ceremonies] == [
        ("2023-10-04", "07:30", f"Nhà rông làng {first}"),
        ("2023-10-04", "14:00", f"Nhà rông làng {second}"),
    ]
