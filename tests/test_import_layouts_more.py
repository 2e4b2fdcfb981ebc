"""Layouts met on the next blind documents, each generated in variants (other names, streets, years, wording; no
corpus document): a prose route that turns back at a junction named by its two streets, an invitation whose invitees
are numbered and whose chair is a field, the persons a ceremony's own paragraph names with what they do there, a
venue written as a part of a place ("sân Trường A", "thư viện nhà trường"), a ceremony heading naming only its
commune above a venue field and a "Thành phần" list, and a leaders' weekly schedule naming one ceremony twice and a
leader once by title alone."""

from __future__ import annotations

import pytest

from imported import WARD, ceremonies_of, plan_data, wishes_of
from paradeplan.geo.names import name_key
from paradeplan.importer.extract import extract


# -- routes ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("first", "second", "back_at", "dash"),
    [
        ("Nguyễn Ảnh Thủ", "Lê Văn Khương", "Thới An 11", "–"),
        ("Lê Văn Khương", "Lê Thị Riêng", "Thới An 13", "-"),
        ("Tô Ký", "Nguyễn Ảnh Thủ", "Trung Mỹ Tây 13", "—"),
    ],
)
def test_a_prose_route_turning_back_at_a_junction_named_by_two_streets(
    first: str, second: str, back_at: str, dash: str
) -> None:
    text = (
        WARD.format(ward="TÂN THỚI HIỆP", ward_t="Tân Thới Hiệp", year=2025)
        + "Tổ chức diễu hành cổ động Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        f"Lộ trình: Đoàn xuất phát từ Nhà văn hóa khu phố 3, theo đường {first} đến ngã tư {first} {dash} {second}, "
        f"rẽ phải vào đường {second}, đi thẳng qua ngã ba Hiệp Thành 35, đến giao lộ {second} {dash} {back_at} thì "
        f"quay đầu, trở về theo đường {second}, rẽ trái vào đường {first} về lại Nhà văn hóa khu phố 3 và giải tán "
        "(quãng đường khoảng 6 km).\n"
    )
    ex = extract(text, "r.txt")
    route = [(r.kind, name_key(r.name), r.uturn) for r in ex.route]
    assert route == [
        ("place", name_key("Nhà văn hóa khu phố 3"), False),
        ("street", name_key(first), False),
        ("street", name_key(second), False),
        ("place", name_key(f"giao lộ {second} {dash} {back_at}"), True),
        ("street", name_key(second), False),
        ("street", name_key(first), False),
        ("place", name_key("Nhà văn hóa khu phố 3"), False),
    ]


# -- invitations -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("mark", "dash"), [("{n}.", " – "), ("{n})", ", "), ("-", " - ")])
def test_an_invitation_with_numbered_invitees_and_a_chair_field(mark: str, dash: str) -> None:
    people = ("Vũ Mạnh Cường", "Trương Thị Hoài", "Lương Văn Dũng")
    titles = ("Phó Bí thư Thường trực Đảng ủy phường", "Chủ tịch Ủy ban MTTQ Việt Nam phường", "Phó Chủ tịch HĐND")
    listed = "".join(
        f"{mark.format(n=k + 1)} Đồng chí {p}{dash}{t};\n" for k, (p, t) in enumerate(zip(people, titles, strict=True))
    )
    text = (
        "UBND PHƯỜNG HOA LƯ\nSố: 215/GM-UBND\nHoa Lư, ngày 24 tháng 9 năm 2025\nGIẤY MỜI\n"
        "Dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        "Ủy ban nhân dân phường trân trọng kính mời:\n" + listed + "4. Đại diện lãnh đạo Sở Giáo dục và Đào tạo;\n"
        "Tới dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025.\n"
        "Thời gian: 07 giờ 30 phút, thứ Tư, ngày 01/10/2025.\nĐịa điểm: Trường THCS Trương Hán Siêu.\n"
        "Chủ trì: Đồng chí Đinh Thị Lan – Chủ tịch UBND phường.\n"
    )
    wishes = wishes_of(plan_data(text))
    assert wishes == {p: ["Trường THCS Trương Hán Siêu"] for p in (*people, "Đinh Thị Lan")}


# -- persons in a ceremony's own paragraph -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("chair", "speaker", "guest"),
    [
        (
            "do đồng chí {a}, Chủ tịch UBND xã chủ trì",
            "đồng chí {b}, Phó Chủ tịch UBND xã đọc diễn văn khai mạc",
            "Dự buổi lễ có đồng chí {c}, Phó Bí thư Đảng ủy xã; đại diện các ban ngành",
        ),
        (
            "đồng chí {a} – Chủ tịch UBND xã chủ trì",
            "bà {b}, Phó Chủ tịch UBND xã phát biểu",
            "Tham dự gồm ông {c}, Chủ tịch Hội Khuyến học huyện và các trưởng thôn",
        ),
    ],
)
def test_the_persons_a_ceremonys_paragraph_names_with_what_they_do(chair: str, speaker: str, guest: str) -> None:
    a, b, c = "Bùi Văn Tiến", "Nguyễn Thị Huế", "Trần Hoàng Nam"
    text = (
        "UBND HUYỆN VŨ THƯ\nỦY BAN NHÂN DÂN XÃ VŨ HỘI\nSố: 21/KH-UBND\nVũ Hội, ngày 15 tháng 9 năm 2017\nKẾ HOẠCH\n"
        "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2017\nII. NỘI DUNG\n"
        "Lễ khai mạc Tuần lễ sẽ được tổ chức vào hồi 7 giờ 30 phút sáng Chủ nhật ngày 01/10/2017 tại sân Trường "
        f"Tiểu học Vũ Hội, {chair.format(a=a)}, {speaker.format(b=b)}. {guest.format(c=c)}. Ban tổ chức sẽ tổng "
        "duyệt vào 15h00 ngày 29/9 tại cùng địa điểm.\n"
    )
    data = plan_data(text)
    assert ceremonies_of(data) == [("2017-10-01", "07:30", "Trường Tiểu học Vũ Hội")]
    assert wishes_of(data) == {p: ["Trường Tiểu học Vũ Hội"] for p in (a, b, c)}


def test_a_person_whose_line_names_another_ceremony_is_not_taken_by_paragraph() -> None:
    text = (
        "UBND HUYỆN VŨ THƯ\nỦY BAN NHÂN DÂN XÃ VŨ HỘI\nSố: 21/KH-UBND\nVũ Hội, ngày 15 tháng 9 năm 2017\nKẾ HOẠCH\n"
        "Lễ khai mạc được tổ chức lúc 7 giờ 30 phút ngày 01/10/2017 tại Trường Tiểu học Vũ Hội; đồng chí Bùi Văn "
        "Tiến, Chủ tịch UBND xã dự Lễ phát động lúc 9 giờ cùng ngày tại Trường THCS Vũ Hội.\n"
    )
    assert wishes_of(plan_data(text)) == {"Bùi Văn Tiến": ["Trường THCS Vũ Hội"]}


# -- venues ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("school", "part"), [("Trường THCS Vũ Hội", "thư viện nhà trường"), ("Trường TH Kim Đồng", "sân trường")]
)
def test_a_venue_written_as_the_subject_schools_own_part(school: str, part: str) -> None:
    text = (
        "UBND XÃ VŨ HỘI\nSố: 21/KH-UBND\nVũ Hội, ngày 15 tháng 9 năm 2017\nKẾ HOẠCH\n"
        f'Ngay sau Lễ khai mạc, {school} tổ chức Lễ phát động "Tháng đọc sách" vào 9 giờ 15 phút ngày 01/10/2017 '
        f"tại {part}, có sự tham dự của Hội Khuyến học xã.\n"
    )
    assert ceremonies_of(plan_data(text)) == [("2017-10-01", "09:15", school)]


def test_a_ceremony_heading_naming_its_commune_above_a_venue_field_and_an_attendees_list() -> None:
    text = (
        "UBND HUYỆN KRÔNG PẮC\nSố: 120/KH-UBND\nKrông Pắc, ngày 16 tháng 9 năm 2019\nKẾ HOẠCH\n"
        "III. CÁC HOẠT ĐỘNG CHÍNH\n1. Lễ khai mạc Tuần lễ cấp huyện\n"
        "a) Thời gian: 7 giờ 00 phút, thứ Ba, ngày 01/10/2019.\nb) Địa điểm: Trường THCS Phan Chu Trinh.\n"
        "c) Chủ trì: Đ/c Trần Quốc Bảo – Phó Chủ tịch UBND huyện.\n"
        '2. Lễ phát động phong trào "Gia đình học tập" tại xã Ea Kly\n'
        "a) Thời gian: 14 giờ, thứ Tư, ngày 02/10/2019.\n"
        "b) Địa điểm: Trung tâm học tập cộng đồng (TTHTCĐ) xã Ea Kly.\n"
        "c) Chủ trì: Đ/c Nguyễn Văn Thành – Chủ tịch UBND xã Ea Kly.\nd) Thành phần:\n"
        "+ Đ/c Trần Quốc Bảo – Phó Chủ tịch UBND huyện;\n+ Đại diện Phòng GD&ĐT, Hội Khuyến học huyện.\n"
        "IV. TỔ CHỨC THỰC HIỆN\n"
    )
    data = plan_data(text)
    centre = "Trung tâm học tập cộng đồng xã Ea Kly"
    assert ceremonies_of(data) == [
        ("2019-10-01", "07:00", "Trường THCS Phan Chu Trinh"),
        ("2019-10-02", "14:00", centre),
    ]
    assert wishes_of(data) == {
        "Trần Quốc Bảo": ["Trường THCS Phan Chu Trinh", centre],
        "Nguyễn Văn Thành": [centre],
    }


# -- a leaders' weekly schedule ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("title", "abbr"), [("Chủ tịch", "PCT"), ("Bí thư", "Phó Bí thư")])
def test_a_weekly_schedule_naming_one_ceremony_twice_and_a_leader_by_title_alone(title: str, abbr: str) -> None:
    text = (
        "UBND HUYỆN YÊN THÀNH\nVĂN PHÒNG HĐND VÀ UBND\nSố: 40/LCT-VP\nYên Thành, ngày 29 tháng 9 năm 2023\n"
        "LỊCH CÔNG TÁC TUẦN 40\n(Từ ngày 02/10/2023 đến ngày 08/10/2023)\nTHỨ HAI (02/10)\nSáng:\n"
        f"- Đ/c {title} Hồ Văn Lâm: 7 giờ 30 dự Lễ khai mạc Tuần lễ cấp huyện tại Trường THCS Hồ Tông Thốc, sau đó "
        "dự Lễ phát động Tuần lễ tại TTHTCĐ xã Hoa Thành.\n"
        f"- Đ/c {abbr} Phan Thị Hạnh: 7 giờ 30 dự Lễ khai mạc Tuần lễ cấp huyện tại Trường THCS Hồ Tông Thốc; "
        "9 giờ 30 dự Lễ phát động Tuần lễ tại TTHTCĐ xã Hoa Thành.\n"
        "THỨ TƯ (04/10)\nSáng:\n"
        f"- Đ/c {title}: 8 giờ dự Lễ ra quân hưởng ứng Tuần lễ tại Nhà văn hóa xóm 5, xã Công Thành.\n"
        f"- Đ/c {abbr} Phan Thị Hạnh: Đi cơ sở kiểm tra công tác giáo dục.\n"
    )
    data = plan_data(text)
    assert [c[:2] for c in ceremonies_of(data)] == [
        ("2023-10-02", "07:30"),
        ("2023-10-02", "09:30"),
        ("2023-10-04", "08:00"),
    ]
    wishes = wishes_of(data)
    assert sorted(wishes) == ["Hồ Văn Lâm", "Phan Thị Hạnh"]
    assert len(wishes["Hồ Văn Lâm"]) == 3 and len(wishes["Phan Thị Hạnh"]) == 2


# -- a ceremony at a part of a known place -----------------------------------------------------------------------------
@pytest.mark.parametrize("part", ["sân", "khuôn viên"])
def test_a_ceremony_at_a_part_of_the_parades_known_place_asks_nothing_of_it(part: str) -> None:
    text = (
        WARD.format(ward="TÂN THỚI HIỆP", ward_t="Tân Thới Hiệp", year=2025)
        + "Tổ chức Lễ khai mạc và diễu hành cổ động Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        f"1. Lễ khai mạc được tổ chức lúc 7 giờ 00 phút, thứ Bảy, ngày 04/10/2025 tại {part} Nhà văn hóa Tân Thới "
        "Hiệp.\n2. Diễu hành: tập trung lúc 6 giờ 30 phút tại Nhà văn hóa Tân Thới Hiệp; xuất phát lúc 7g45.\n"
        "Lộ trình: Nhà văn hóa Tân Thới Hiệp – Nguyễn Thị Đặng – Nguyễn Ảnh Thủ – Lê Văn Khương – Nhà văn hóa "
        "Tân Thới Hiệp.\n"
    )
    data = plan_data(text)
    assert ceremonies_of(data) == [("2025-10-04", "07:00", "Nhà văn hóa Tân Thới Hiệp")]
    assert not [o for o in data["open_items"] if o["field"] == "ceremonies[0].venue"]


# -- vehicles ----------------------------------------------------------------------------------------------------------
FORCES = "KẾ HOẠCH\nTổ chức diễu hành xe hoa năm 2024\nIII. PHƯƠNG TIỆN THAM GIA DIỄU HÀNH\n- 01 xe loa tuyên truyền;\n"


def _forces(line: str) -> list[tuple[str, int]]:
    return sorted((f.kind, f.count) for f in extract(FORCES + line + "\n", "v.txt").forces)


@pytest.mark.parametrize(("word", "kind"), [("sau", "xe hoa"), ("nam", "xe hoa"), ("tạm", "xe loa")])
def test_a_word_that_folds_like_a_number_counts_nothing(word: str, kind: str) -> None:
    line = f"- 05 xe hoa của các trường; các xe đi {word} {kind} dẫn đầu."
    assert _forces(line) == [("float", 5), ("loudspeaker", 1)]


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("- 02 xe ô tô chở đại biểu của Văn phòng UBND quận;", ("car", 2)),
        ("- Xe con đưa đón lãnh đạo: 03 xe;", ("car", 3)),
        ("- 01 xe ô tô của Ủy ban nhân dân phường chở đại biểu.", ("car", 1)),
        (
            "- Đoàn xe mô tô của Đoàn Thanh niên, Hội LHPN phường (khoảng 40 xe) đi sau xe hoa.",
            ("private_motorbike", 40),
        ),
        ("- Theo sau là khoảng 60 xe đạp của học sinh và đoàn viên thanh niên.", ("bicycle", 60)),
        ("- 03 xe mô tô của Cảnh sát giao thông hộ tống.", ("motorbike", 3)),
    ],
)
def test_cars_riders_and_bicycles_are_no_police(line: str, want: tuple[str, int]) -> None:
    assert _forces(line) == sorted([("loudspeaker", 1), want])


@pytest.mark.parametrize(("a", "b", "c"), [(4, 2, 2), (3, 3, 1)])
def test_a_breakdown_in_brackets_holding_brackets_is_no_group_more(a: int, b: int, c: int) -> None:
    line = (
        f"- {a + b + c:02d} xe hoa cổ động (Phòng GD&ĐT ({a:02d} xe), Hội Khuyến học quận ({b:02d} xe), UBND các "
        f"phường 10, 17 ({c:02d} xe));"
    )
    assert _forces(line) == [("float", a + b + c), ("loudspeaker", 1)]


def test_a_confirmation_asked_by_a_date_is_a_deadline() -> None:
    ex = extract(
        "GIẤY MỜI\nDự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        "Thời gian: 07 giờ 30 phút, ngày 01/10/2025.\nĐịa điểm: Trường THCS Trương Hán Siêu.\n"
        "Đề nghị các đơn vị xác nhận thành phần tham dự về Văn phòng trước 16 giờ ngày 29/9/2025.\n",
        "g.txt",
    )
    assert [str(d.due) for d in ex.deadlines] == ["2025-09-29"]


@pytest.mark.parametrize(("each", "units", "unit"), [(1, 15, "khu phố"), (2, 12, "xã, thị trấn"), (1, 9, "tổ dân phố")])
def test_a_count_for_each_unit_with_the_number_of_units_in_brackets(each: int, units: int, unit: str) -> None:
    line = f"- Xe hoa: mỗi {unit} {each:02d} xe ({units} {unit}), các trường học 05 xe."
    assert _forces(line) == [("float", 5), ("float", each * units), ("loudspeaker", 1)]


# -- a ceremony named by its kind; a role at it; its venue from a visit; a venue left to the units ---------------------
@pytest.mark.parametrize("before", ["phối hợp chuẩn bị nội dung, dự", "chuẩn bị khánh tiết; tham dự"])
def test_an_official_sent_to_the_one_ceremony_of_a_kind(before: str) -> None:
    text = (
        "UBND QUẬN TÂN BÌNH\nỦY BAN NHÂN DÂN PHƯỜNG 6\nSố: 45/KH-UBND\nPhường 6, ngày 12 tháng 9 năm 2018\nKẾ HOẠCH\n"
        "1. Lễ khai mạc\nThời gian: 7 giờ 30, Chủ nhật ngày 07/10/2018.\nĐịa điểm: Trường THPT Nguyễn Thái Bình.\n"
        "III. PHÂN CÔNG\n"
        "1. Đồng chí Võ Thanh Tùng - Phó Chủ tịch UBND phường: chủ trì Lễ khai mạc tại Trường THPT Nguyễn Thái Bình.\n"
        f"2. Đồng chí Lâm Thị Mỹ Duyên - Chủ tịch Hội Khuyến học phường: {before} Lễ khai mạc.\n"
    )
    school = "Trường THPT Nguyễn Thái Bình"
    assert wishes_of(plan_data(text)) == {"Võ Thanh Tùng": [school], "Lâm Thị Mỹ Duyên": [school]}


@pytest.mark.parametrize("role", ["báo cáo kết quả xây dựng xã hội học tập", "trao thưởng cho các gia đình học tập"])
def test_persons_with_a_role_at_the_ceremony_of_their_section(role: str) -> None:
    text = (
        "UBND PHƯỜNG AN HỘI TÂY\nSố: 31/KH-UBND\nAn Hội Tây, ngày 20 tháng 9 năm 2025\nKẾ HOẠCH\n"
        "2. Lễ khai mạc Tuần lễ cấp phường\n- Thời gian: 15 giờ 30, Thứ Hai ngày 06/10/2025.\n"
        "- Địa điểm: Trường Tiểu học An Hội.\n"
        "- Đồng chí Huỳnh Minh Trí - Bí thư Đảng ủy phường dự và phát biểu khai mạc; đồng chí Đặng Ngọc Hân - Phó "
        f"Chủ tịch UBND phường {role}.\n3. Hoạt động tại các trường\n"
    )
    school = "Trường Tiểu học An Hội"
    assert wishes_of(plan_data(text)) == {"Huỳnh Minh Trí": [school], "Đặng Ngọc Hân": [school]}


@pytest.mark.parametrize(("kind", "verb"), [("ra quân", "dự và phát lệnh"), ("phát động", "dự")])
def test_a_ceremony_told_with_its_time_takes_the_venue_of_a_visit_to_it(kind: str, verb: str) -> None:
    text = (
        "UBND QUẬN 12\nỦY BAN NHÂN DÂN PHƯỜNG THỚI AN\nSố: 77/KH-UBND\nThới An, ngày 16 tháng 9 năm 2019\nKẾ HOẠCH\n"
        "II. NỘI DUNG\n1. Lễ khai mạc\nThời gian: 7g30, Thứ Bảy ngày 05/10/2019.\n"
        "Địa điểm: Trung tâm Học tập cộng đồng phường Thới An.\n"
        f"2. Lễ {kind} và diễu hành xe hoa\nThời gian: tập trung lúc 8g30 cùng ngày; làm lễ {kind} lúc 8g45; xuất "
        "phát lúc 9g00.\nIII. PHÂN CÔNG\n"
        "- Đồng chí Trương Văn Bảy - Chủ tịch UBND phường: dự Lễ khai mạc tại Trung tâm Học tập cộng đồng phường "
        f"Thới An, sau đó {verb} Lễ {kind} tại UBND Phường Thới An.\n"
        "Lộ trình: UBND Phường Thới An – Lê Văn Khương – Lê Thị Riêng – Thới An 11 – Lê Văn Khương – UBND Phường "
        "Thới An.\n"
    )
    data = plan_data(text)
    assert ceremonies_of(data) == [
        ("2019-10-05", "07:30", "Trung tâm Học tập cộng đồng phường Thới An"),
        ("2019-10-05", "08:45", "UBND Phường Thới An"),
    ]
    assert len(wishes_of(data)["Trương Văn Bảy"]) == 2


@pytest.mark.parametrize("chosen", ["Do địa phương chọn", "Do đơn vị tự chọn"])
def test_a_ceremony_whose_venue_the_units_choose_is_not_planned(chosen: str) -> None:
    rows = [
        "| Cấp | Hoạt động | Thời gian | Địa điểm | Đơn vị tổ chức |",
        "| Tỉnh | Lễ khai mạc Tuần lễ cấp tỉnh | 7 giờ 30, Thứ Hai 05/10/2020 | Trường THPT Quốc Học Quy Nhơn | Sở |",
        f"| Các huyện còn lại | Lễ khai mạc cấp huyện | Từ 05/10 đến 11/10/2020 | {chosen} | UBND cấp huyện |",
    ]
    text = (
        "UBND TỈNH BÌNH ĐỊNH\nSố: 120/KH-UBND\nQuy Nhơn, ngày 10 tháng 9 năm 2020\nKẾ HOẠCH\nII. LỄ KHAI MẠC CÁC CẤP\n"
    )
    text += "\n".join(rows) + "\n"
    assert ceremonies_of(plan_data(text, "t.docx")) == [("2020-10-05", "07:30", "Trường THPT Quốc Học Quy Nhơn")]


# -- prose: a direction, a place passed, the end named by its role -----------------------------------------------------
@pytest.mark.parametrize(
    ("toward", "passing", "end"),
    [
        ("hướng về Ngã sáu Gò Vấp", "(chiều ngược lại) đi ngang qua Chợ Hạnh Thông Tây", "về điểm kết thúc tại"),
        ("theo hướng Bảy Hiền", "ngang qua Trường THCS Gò Vấp", "về nơi giải tán tại"),
    ],
)
def test_a_prose_route_with_a_direction_a_place_passed_and_its_end_named_by_role(
    toward: str, passing: str, end: str
) -> None:
    from paradeplan.importer.prose import prose_steps

    text = (
        f"Từ Chợ Hạnh Thông Tây theo đường Quang Trung {toward}; đến giao lộ Quang Trung - Nguyễn Kiệm thì quay đầu, "
        f"theo đường Quang Trung {passing}, rẽ phải vào đường Thống Nhất, rẽ trái vào đường Lê Đức Thọ và {end} Chợ "
        "Hạnh Thông Tây."
    )
    assert [(s.kind, s.name) for s in prose_steps(text)] == [
        ("start", "Chợ Hạnh Thông Tây"),
        ("street", "Quang Trung"),
        ("uturn", "giao lộ Quang Trung - Nguyễn Kiệm"),
        ("street", "Quang Trung"),
        ("street", "Thống Nhất"),
        ("street", "Lê Đức Thọ"),
        ("end", "Chợ Hạnh Thông Tây"),
    ]


@pytest.mark.parametrize("sub", ["c) Đội hình đoàn xe (tổng cộng 04 phương tiện):", "c) Phương tiện:"])
def test_a_route_under_a_lettered_subsection_takes_its_parade_sections_date(sub: str) -> None:
    text = (
        "UBND QUẬN GÒ VẤP\nỦY BAN NHÂN DÂN PHƯỜNG AN HỘI TÂY\nSố: 31/KH-UBND\nAn Hội Tây, ngày 18 tháng 9 năm 2025\n"
        "KẾ HOẠCH\nII. THỜI GIAN\n- Thời gian: từ ngày 01/10 đến ngày 07/10/2025 (cao điểm từ 04/10 đến 06/10/2025).\n"
        "III. CÁC HOẠT ĐỘNG CHÍNH\n1. Diễu hành xe hoa tuyên truyền\n"
        "a) Thời gian: Chủ nhật, ngày 05/10/2025. Các đơn vị tập kết lúc 7g00; đoàn khởi hành lúc 7g30.\n"
        f"b) Điểm tập kết: Chợ Hạnh Thông Tây.\n{sub}\n   + 01 xe ô tô Công an phường dẫn đầu;\n   + 03 xe hoa;\n"
        "d) Lộ trình: Từ Chợ Hạnh Thông Tây theo đường Quang Trung, rẽ phải vào đường Thống Nhất, rẽ trái vào đường "
        "Lê Đức Thọ, rẽ trái vào đường Phạm Văn Chiêu, rẽ trái ra đường Quang Trung và về Chợ Hạnh Thông Tây.\n"
    )
    ex = extract(text, "d.txt")
    assert (str(ex.assembly_date), str(ex.assembly_time)[:5], str(ex.departure_time)[:5]) == (
        "2025-10-05",
        "07:00",
        "07:30",
    )


# -- the candidates a decision lists are named in the user's language --------------------------------------------------
@pytest.mark.parametrize(
    ("kind", "vi", "en"), [("transit", "trạm xe buýt", "bus stop"), ("fuel", "cây xăng", "petrol station")]
)
def test_a_candidates_kind_is_written_in_words(kind: str, vi: str, en: str) -> None:
    from paradeplan.geo.streets import NamedPoint
    from paradeplan.i18n import point_kind_name, use_lang
    from paradeplan.importer.decide import _points

    point = NamedPoint("UBND Phường 16", 10.842, 106.665, kind, "11774744230")
    assert _points([point])[0].note == f"OSM 11774744230 ({vi})"
    with use_lang("en"):
        assert point_kind_name(kind) == en


@pytest.mark.parametrize(("head", "t0", "t1"), [("Giờ", "07:00", "07:30"), ("Thời gian dự kiến", "6g30", "7g15")])
def test_a_timetable_of_the_column_gives_its_assembly_and_departure(head: str, t0: str, t1: str) -> None:
    rows = [
        f"| {head} | Vị trí của đoàn | Ghi chú |",
        f"| {t0} | Tập trung tại UBND phường Thới An | Các xe có mặt |",
        f"| {t1} | Xuất phát, chạy theo đường Lê Văn Khương | |",
        "| 07:45 | Rẽ phải vào đường Lê Thị Riêng | |",
        "| 08:05 | Rẽ trái vào Quốc lộ 1 (Đỗ Mười) | |",
        "| 08:30 | Rẽ phải đường Lê Văn Khương về UBND phường Thới An | Giải tán |",
    ]
    text = (
        "ỦY BAN NHÂN DÂN PHƯỜNG THỚI AN\nSố: 12/KH-UBND\nThới An, ngày 20 tháng 9 năm 2024\nKẾ HOẠCH\n"
        "Tổ chức diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
        "1. Thời gian: sáng Chủ nhật 06/10/2024.\n2. Thời gian biểu đoàn xe:\n"
        + "\n".join(rows)
        + "\n3. Phương tiện: 05 xe hoa, 01 xe loa.\n"
    )
    ex = extract(text, "t.docx")
    clock = [str(t)[:5] for t in (ex.assembly_time, ex.departure_time)]
    assert clock == [t0.replace("g", ":").zfill(5), t1.replace("g", ":").zfill(5)]
    assert [r.name for r in ex.route][1:3] == ["Lê Văn Khương", "Lê Thị Riêng"]


@pytest.mark.parametrize(("on", "turn"), [("đi tiếp", "rẽ trái đi"), ("tiếp tục đi thẳng", "rẽ phải chạy")])
def test_prose_reaching_a_street_then_going_on_along_it(on: str, turn: str) -> None:
    from paradeplan.importer.prose import prose_steps

    text = (
        f"từ Nhà văn hóa khu phố 4 theo đường Nguyễn Thị Đặng đến đường Nguyễn Ảnh Thủ, {on} đến giao lộ Nguyễn Ảnh "
        f"Thủ – Lê Văn Khương, {turn} Lê Văn Khương đến Cầu Dừa thì quay đầu, trở về theo Lê Văn Khương, Nguyễn Ảnh "
        "Thủ, Nguyễn Thị Đặng về Nhà văn hóa khu phố 4"
    )
    assert [(s.kind, s.name) for s in prose_steps(text)] == [
        ("start", "Nhà văn hóa khu phố 4"),
        ("street", "Nguyễn Thị Đặng"),
        ("street", "Nguyễn Ảnh Thủ"),
        ("street", "Lê Văn Khương"),
        ("uturn", "Cầu Dừa"),
        ("street", "Lê Văn Khương"),
        ("street", "Nguyễn Ảnh Thủ"),
        ("street", "Nguyễn Thị Đặng"),
        ("end", "Nhà văn hóa khu phố 4"),
    ]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Giám đốc Sở GD&ĐT Nguyễn Tấn Đức", True),
        ("Phó Chủ tịch UBND tỉnh Võ Phiên", True),
        ("Chủ tịch UBND phường Trần Phú", False),
        ("Chủ tịch UBND huyện Lý Nhân", False),
        ("Lãnh đạo Sở Văn hóa", False),
    ],
)
def test_a_person_named_after_a_title_without_an_honorific(text: str, person: bool) -> None:
    from paradeplan.importer.events import named_person

    assert named_person(text) is person


def test_a_programme_rows_guests_named_after_their_titles() -> None:
    rows = [
        "| STT | Nội dung | Thời gian | Địa điểm | Thành phần |",
        "| 1 | Lễ khai mạc Tuần lễ cấp tỉnh | 7h30, thứ Ba, 01/10/2024 | Trường THPT chuyên Lê Khiết | Đồng chí Phó "
        "Chủ tịch UBND tỉnh Võ Phiên; Giám đốc Sở GD&ĐT Nguyễn Tấn Đức |",
        "| 2 | Hội nghị triển khai công tác khuyến học | 14h00, 01/10/2024 | Hội trường Sở | Lãnh đạo các phòng |",
        "| 3 | Lễ phát động Ngày hội đọc sách | 8 giờ, thứ Năm, 03/10/2024 | TTHTCĐ xã Tịnh Khê | Ông Nguyễn Tấn Đức |",
    ]
    text = (
        "UBND TỈNH QUẢNG NGÃI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 1520/KH-SGDĐT\nQuảng Ngãi, ngày 15 tháng 9 năm 2024\n"
        "KẾ HOẠCH\nI. CHƯƠNG TRÌNH CÁC HOẠT ĐỘNG\n" + "\n".join(rows) + "\nII. TỔ CHỨC THỰC HIỆN\n"
    )
    wishes = wishes_of(plan_data(text, "p.docx"))
    assert wishes == {
        "Võ Phiên": ["Trường THPT chuyên Lê Khiết"],
        "Nguyễn Tấn Đức": ["Trường THPT chuyên Lê Khiết", "TTHTCĐ xã Tịnh Khê"],
    }


@pytest.mark.parametrize(
    ("start", "end"),
    [("Điểm xuất phát tại", "điểm kết thúc là"), ("Nơi tập trung ở", "về nơi giải tán tại"), ("Điểm tập kết:", "về")],
)
def test_route_steps_named_by_their_role(start: str, end: str) -> None:
    ex = extract(
        "KẾ HOẠCH\nTổ chức diễu hành xe hoa năm 2024\n"
        f"Lộ trình: {start} Công viên Phần mềm Quang Trung → đường Tô Ký → rẽ phải đường Nguyễn Ảnh Thủ → Lê Văn "
        f"Khương → {end} Chợ Thạnh Xuân.\n",
        "r.txt",
    )
    assert [r.name for r in ex.route] == [
        "Công viên Phần mềm Quang Trung",
        "Tô Ký",
        "Nguyễn Ảnh Thủ",
        "Lê Văn Khương",
        "Chợ Thạnh Xuân",
    ]


@pytest.mark.parametrize("where", ["đi hai bên đầu đoàn", "chạy hai bên đoàn xe hoa", "đi bên cạnh đoàn"])
def test_police_motorbikes_riding_beside_the_column_flank_it(where: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN PHƯỜNG THỚI AN\nSố: 12/KH-UBND\nThới An, ngày 20 tháng 9 năm 2024\nKẾ HOẠCH\n"
        "Tổ chức diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
        "1. Thời gian: tập trung lúc 6 giờ 30, xuất phát lúc 7 giờ 00 ngày 05/10/2024 tại UBND Quận 12.\n"
        "2. Lộ trình: UBND Quận 12 → Lê Thị Riêng → Thới An 11 → Lê Văn Khương → Lê Thị Riêng → UBND Quận 12.\n"
        f"3. Đội hình:\n- 01 xe ô tô CSGT dẫn đoàn;\n- 02 xe mô tô CSGT {where};\n- 05 xe hoa.\n"
    )
    groups = plan_data(text)["parades"][0]["groups"]
    assert [g["role"] for g in groups if g["kind"] == "police_motorbike"] == ["flank"]


@pytest.mark.parametrize(
    ("units", "again", "n"), [("khu phố", "KP", 10), ("tổ dân phố", "TDP", 12), ("khu phố", "khu phố", 9)]
)
def test_a_count_for_each_unit_said_again_by_its_initials(units: str, again: str, n: int) -> None:
    line = f"- Phương tiện: {n} {units}, mỗi {again} 1 xe hoa (xe ba gác trang trí cờ hoa)."
    assert _forces(line) == [("float", n), ("loudspeaker", 1)]


@pytest.mark.parametrize(
    ("streets", "ends", "first", "last"),
    [
        (
            "các đường: Hà Huy Giáp, Thạnh Xuân 13, Thạnh Xuân 25, Hà Huy Giáp;",
            "điểm đầu và điểm cuối là Chợ Thạnh Xuân.",
            "Chợ Thạnh Xuân",
            "Chợ Thạnh Xuân",
        ),
        (
            "Lê Văn Khương – Lê Thị Riêng – Thới An 11 – Lê Văn Khương",
            "(điểm đầu tại UBND Phường Thới An, điểm cuối tại UBND Quận 12).",
            "UBND Phường Thới An",
            "UBND Quận 12",
        ),
    ],
)
def test_the_ends_of_a_list_of_streets_said_after_it(streets: str, ends: str, first: str, last: str) -> None:
    ex = extract(f"KẾ HOẠCH\nTổ chức diễu hành xe hoa năm 2024\nLộ trình: {streets} {ends}\n", "e.txt")
    assert (ex.route[0].kind, ex.route[0].name) == ("place", first)
    assert (ex.route[-1].kind, ex.route[-1].name, ex.route[-1].end) == ("place", last, True)
    assert [r.kind for r in ex.route[1:-1]] == ["street"] * 4
